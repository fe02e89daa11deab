/**
 * The working-day calendar of qms.yaml: working weekdays, public holidays and make-up working
 * days (调休). Review deadlines are counted in these working days.
 */
import { addDays, isoWeekday } from "../core/dates.js";
import type { DayRange, QmsConfig } from "./types.js";

type CalendarConfig = NonNullable<QmsConfig["calendar"]>;

function expand(entries: (string | DayRange)[] | undefined): Set<string> {
  const days = new Set<string>();
  for (const entry of entries ?? []) {
    if (typeof entry === "string") {
      days.add(entry);
      continue;
    }
    // A reversed range is a data error that the schema cannot see; treat it as empty rather than loop.
    for (let d = entry.from, guard = 0; d <= entry.to && guard < 366; d = addDays(d, 1), guard++) days.add(d);
  }
  return days;
}

export class WorkCalendar {
  private readonly weekdays: Set<number>;
  private readonly holidays: Set<string>;
  private readonly workdays: Set<string>;

  constructor(config: CalendarConfig = {}) {
    this.weekdays = new Set(config.weekdays ?? [1, 2, 3, 4, 5]);
    this.holidays = expand(config.holidays);
    this.workdays = expand(config.workdays);
  }

  isWorkday(iso: string): boolean {
    if (this.workdays.has(iso)) return true;
    if (this.holidays.has(iso)) return false;
    return this.weekdays.has(isoWeekday(iso));
  }

  /** The nth working day after `iso` (the day itself does not count). */
  addWorkdays(iso: string, n: number): string {
    let day = iso;
    for (let counted = 0, guard = 0; counted < n && guard < 3660; guard++) {
      day = addDays(day, 1);
      if (this.isWorkday(day)) counted++;
    }
    return day;
  }

  /**
   * Working days from `from` to `to`: positive when `to` is later (working days in (from, to]),
   * negative when it is earlier (minus the working days in (to, from]), 0 on the same day.
   */
  workdaysBetween(from: string, to: string): number {
    if (from === to) return 0;
    const [start, end, sign] = from < to ? [from, to, 1] : [to, from, -1];
    let count = 0;
    for (let d = addDays(start, 1); d <= end; d = addDays(d, 1)) if (this.isWorkday(d)) count++;
    return sign * count;
  }
}
