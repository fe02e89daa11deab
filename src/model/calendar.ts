/**
 * The working-day calendar: working weekdays, public holidays and make-up working days (调休).
 * Review deadlines are counted in these working days (IATF 16949 7.5.3.2.2: ten working days).
 *
 * The public holidays come from a shipped calendar (calendars/CN.yaml: one entry per year, from
 * the State Council General Office's yearly notice) unless qms.yaml says `calendar.base: none`,
 * and from the years a repository types in itself from a notice csr does not ship yet
 * (`calendar.years`, each in place of a shipped year of the same number); the repository's own
 * `holidays` and `workdays` (company days) come on top and win over the public days.
 */
import { addDays, clampToRange, isoWeekday } from "../core/dates.js";
import type { DayRange, QmsConfig, StepDeadline } from "./types.js";
import { list, t } from "../i18n/index.js";

type CalendarConfig = NonNullable<QmsConfig["calendar"]>;

/** One year of a shipped public calendar, as published in one notice (and its amendments). */
export interface PublicCalendarYear {
  year: number;
  notice: string;
  number: string;
  published: string;
  amended_by?: { notice: string; number: string; published: string; change: string }[];
  holidays: DayRange[];
  workdays: string[];
}

export interface PublicCalendar {
  id: string;
  title: string;
  title_en?: string;
  years: PublicCalendarYear[];
  /** The public holidays a law fixes, for the years from `from` on that have no notice in `years`. */
  statutory?: StatutoryHolidays;
}

/**
 * The public holidays themselves as a law fixes them year after year (《全国年节及纪念日放假办法》, as
 * revised on 2024-11-10: 元旦 1 day, 春节 4 days from 除夕, 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3), for a
 * year whose notice is not published yet: the notice only adds the bridging days off and the make-up
 * working days (调休) around them. Each on its solar date, its Chinese lunar date or its solar term.
 */
export interface StatutoryHolidays {
  law: string;
  revised: string;
  /** The first year the law's days apply to. */
  from: number;
  holidays: StatutoryHoliday[];
}

export interface StatutoryHoliday {
  name: string;
  name_en?: string;
  /** MM-DD of the solar (Gregorian) calendar. */
  solar?: string;
  /** MM-DD of the Chinese lunar calendar (农历), in its lunar year that begins in the solar year. */
  lunar?: string;
  /** A solar term (节气) by its Chinese name: 清明. */
  term?: string;
  /** Days from the date above to the first day off (春节: -1, 除夕). */
  offset?: number;
  /** Days off in a row. Default 1. */
  days?: number;
}

/** Solar (YYYY-MM-DD) dates of the Chinese lunar calendar and of the solar terms (load/lunar.ts). */
export interface LunarDates {
  /** The solar date of lunar `month`-`day` (a month that is not the leap one) of the lunar year that begins in `year`. */
  lunar(year: number, month: number, day: number): string;
  /** The solar date of the solar term `name` (清明) in `year`. */
  term(year: number, name: string): string;
}

/** The public holidays of `year` as `statutory` fixes them (undefined before its first year), with their names. */
export function statutoryYear(statutory: StatutoryHolidays, year: number, dates: LunarDates): DayRange[] | undefined {
  if (year < statutory.from) return undefined;
  return statutory.holidays.map((h) => {
    const anchor =
      h.term !== undefined ? dates.term(year, h.term)
      : h.lunar !== undefined ? dates.lunar(year, ...(h.lunar.split("-").map(Number) as [number, number]))
      : `${year}-${h.solar}`;
    const from = addDays(anchor, h.offset ?? 0);
    return { from, to: addDays(from, (h.days ?? 1) - 1), name: h.name, ...(h.name_en !== undefined ? { name_en: h.name_en } : {}) };
  });
}

/**
 * The names in English of a shipped calendar's holidays (name_en) by their Chinese names (国庆节 → National Day;
 * 国庆节、中秋节 as the notice joins two), for a year typed into qms.yaml from its notice, whose names are Chinese.
 */
export function englishHolidayNames(calendar: PublicCalendar): Map<string, string> {
  const names = new Map<string, string>();
  for (const year of calendar.years) for (const h of year.holidays) if (h.name !== undefined && h.name_en !== undefined && !names.has(h.name)) names.set(h.name, h.name_en);
  return names;
}

/** The dates of single dates and ranges (both ends included), added to `into`. */
export function expand(entries: readonly (string | DayRange)[] | undefined, into = new Set<string>()): Set<string> {
  for (const entry of entries ?? []) {
    if (typeof entry === "string") {
      into.add(entry);
      continue;
    }
    // A reversed range is a data error that the schema cannot see; treat it as empty rather than loop.
    for (let d = entry.from, guard = 0; d <= entry.to && guard < 366; d = addDays(d, 1), guard++) into.add(d);
  }
  return into;
}

const yearOf = (iso: string) => Number(iso.slice(0, 4));

/** The working days of a week when qms.yaml `calendar.weekdays` gives none: Monday (1) to Friday (5). */
export const DEFAULT_WEEKDAYS: readonly number[] = [1, 2, 3, 4, 5];

export class WorkCalendar {
  private readonly weekdays: Set<number>;
  private readonly holidays: Set<string>;
  private readonly workdays: Set<string>;
  private readonly baseHolidays: Set<string>;
  private readonly baseWorkdays: Set<string>;
  /** Years whose public holidays are known; undefined when the repository keeps its calendar alone. */
  private readonly knownYears: Set<number> | undefined;
  /**
   * Counted spans by "from>to" or "from+n": many CSRs and documents share their dates, and every
   * check counts each of their deadlines, so a span is counted once (a tenth of a large check before).
   */
  private readonly counted = new Map<string, string | number>();

  /** The statutory holidays of each year without a notice (undefined before the law's first year), computed when first asked. */
  private readonly statutoryYears = new Map<number, { ranges: DayRange[]; days: Set<string> } | undefined>();

  /**
   * `base` is the shipped public calendar the repository uses (none: the repository's days alone);
   * `lunar` gives the lunar dates its statutory holidays need, asked only for a year without a notice.
   */
  constructor(
    config: CalendarConfig = {},
    private readonly base?: PublicCalendar,
    private readonly lunar?: () => LunarDates,
  ) {
    this.weekdays = new Set(config.weekdays ?? DEFAULT_WEEKDAYS);
    this.holidays = expand(config.holidays);
    this.workdays = expand(config.workdays);
    this.baseHolidays = new Set();
    this.baseWorkdays = new Set();
    const own = config.years ?? [];
    const shipped = (base?.years ?? []).filter((y) => !own.some((o) => o.year === y.year));
    for (const year of [...shipped, ...own]) {
      expand(year.holidays, this.baseHolidays);
      expand(year.workdays, this.baseWorkdays);
    }
    // Only a whole year from a notice makes a year known: a company's own days off in a year (a
    // summer shutdown) say nothing of its public holidays.
    if (base) this.knownYears = new Set([...shipped, ...own].map((y) => y.year));
  }

  isWorkday(iso: string): boolean {
    if (this.workdays.has(iso)) return true;
    if (this.holidays.has(iso)) return false;
    if (this.baseWorkdays.has(iso)) return true;
    if (this.baseHolidays.has(iso)) return false;
    // A public holiday the law fixes, in a year without a notice: its days off are known, only the 调休 around them is not
    // (tester66 N3: 2027-01-01 was counted as a working day).
    return this.weekdays.has(isoWeekday(iso)) && !this.statutoryOf(yearOf(iso))?.days.has(iso);
  }

  /** The public holidays of `year` the law fixes, when it has no notice (statutoryYear); undefined for a year with one, or before the law's first year. */
  statutoryHolidays(year: number): DayRange[] | undefined {
    return this.statutoryOf(year)?.ranges;
  }

  /** One computation per year for the working-day counts and the notes that say what they counted (estimatedDeadlineNote). */
  private statutoryOf(year: number): { ranges: DayRange[]; days: Set<string> } | undefined {
    if (!this.knownYears || this.knownYears.has(year) || !this.base?.statutory || !this.lunar) return undefined;
    if (!this.statutoryYears.has(year)) {
      const ranges = statutoryYear(this.base.statutory, year, this.lunar());
      this.statutoryYears.set(year, ranges && { ranges, days: expand(ranges) });
    }
    return this.statutoryYears.get(year);
  }

  /** The nth working day after `iso` (the day itself does not count). */
  addWorkdays(iso: string, n: number): string {
    const key = `${iso}+${n}`;
    const known = this.counted.get(key);
    if (typeof known === "string") return known;
    // A date outside the range is reported by date/out-of-range; clamped, the count stays bounded.
    let day = clampToRange(iso);
    for (let counted = 0, guard = 0; counted < n && guard < 3660; guard++) {
      day = addDays(day, 1);
      if (this.isWorkday(day)) counted++;
    }
    this.counted.set(key, day);
    return day;
  }

  /**
   * Working days from `from` to `to`: positive when `to` is later (working days in (from, to]),
   * negative when it is earlier (minus the working days in (to, from]), 0 on the same day.
   */
  workdaysBetween(from: string, to: string): number {
    if (from === to) return 0;
    const key = `${from}>${to}`;
    const known = this.counted.get(key);
    if (typeof known === "number") return known;
    const [start, end, sign] = from < to ? [clampToRange(from), clampToRange(to), 1] : [clampToRange(to), clampToRange(from), -1];
    let count = 0;
    for (let d = addDays(start, 1); d <= end; d = addDays(d, 1)) if (this.isWorkday(d)) count++;
    this.counted.set(key, sign * count);
    return sign * count;
  }

  /**
   * Years in the span (from, to] whose public holidays are unknown, so that its working days were
   * counted from the weekdays alone. Empty when the repository keeps its own calendar (base none).
   */
  yearsWithoutData(from: string, to: string): number[] {
    if (!this.knownYears) return [];
    const before = from < to ? from : to;
    const end = from < to ? to : from;
    // The span starts the day after `before`: in the next year only when that is 31 December
    // (counted from the text, as every CSR's deadline is looked at in every check).
    const years: number[] = [];
    for (let y = yearOf(before) + (before.endsWith("-12-31") ? 1 : 0); y <= yearOf(end); y++) if (!this.knownYears.has(y)) years.push(y);
    return years;
  }
}

/**
 * The day a deadline counted from `from` (YYYY-MM-DD) falls on: `days` calendar days after it, or
 * `working_days` on `calendar` (`from` itself does not count). The one reading of a customer's
 * complaint deadline (complaintDueDates, IATF 16949 10.2.6) and change-notification deadline
 * (noticeDue, 8.5.6.1).
 */
export function stepDeadlineDue(deadline: StepDeadline, from: string, calendar: WorkCalendar): string {
  return "days" in deadline ? addDays(from, deadline.days) : calendar.addWorkdays(from, deadline.working_days);
}

/**
 * How late something due on `due` was done on `day` (or, not done, still is on `day`): the working
 * days in (due, day], 0 when it was in time. What is done on a day off right after the deadline
 * used no working day past it: 0 (a copy's recall, a training deadline). A CSR's review is late from
 * the calendar day after its deadline instead (workdaysOverdue).
 */
export function workdaysLate(calendar: WorkCalendar, due: string, day: string): number {
  return day <= due ? 0 : calendar.workdaysBetween(due, day);
}

/**
 * How many working days past `due` a CSR's review decided on `day` was, or one undecided still is on
 * `day`: 0 on or before `due`, late from the calendar day after it, by the working days in (due, day]
 * and at least 1 (decided on the Saturday after a Friday deadline: late by 1). IATF 16949 7.5.3.2.2
 * (reviewed within 10 working days): the deadline is counted in working days, whether it has passed
 * is read on the calendar, as an auditor reading 到期 2026-12-04 / 决定 2026-12-05 reads it.
 */
export function workdaysOverdue(calendar: WorkCalendar, due: string, day: string): number {
  return day <= due ? 0 : Math.max(1, calendar.workdaysBetween(due, day));
}

/**
 * The working days a CSR's review due on `due` has left on `day`: the working days in (day, due], 0 on the deadline
 * day; past it, from the calendar day after, negative by the working days overdue (workdaysOverdue, at least 1).
 * What the CSR list's 剩余工作日, `csr show`, csr/review-overdue and csr/review-due-soon read.
 */
export function workdaysLeft(calendar: WorkCalendar, due: string, day: string): number {
  return day > due ? -workdaysOverdue(calendar, due, day) : calendar.workdaysBetween(day, due);
}

/**
 * The next working day when `day` is past `due` yet no working day since (a day off right after the
 * deadline: the Saturday after a Friday due date), so that what is done before it is still in time
 * (workdaysLate); undefined on any other day.
 */
export function inTimeUntil(calendar: WorkCalendar, due: string, day: string): string | undefined {
  return day > due && workdaysLate(calendar, due, day) === 0 ? calendar.addWorkdays(day, 1) : undefined;
}

/**
 * Whether the working days of `years` (years without a holiday notice: yearsWithoutData) were counted
 * less the public holidays the law fixes (statutoryYear), as the texts that say so are worded; else
 * some year is before the law's first (statutory.from, 2025) and was counted Monday to Friday alone,
 * which the texts of such a count (their `-weekdays` keys) say instead.
 */
export function lawHolidaysCounted(calendar: WorkCalendar, years: readonly number[]): boolean {
  return years.every((y) => calendar.statutoryHolidays(y) !== undefined);
}

/**
 * The one-line note the CLI prints (on stderr) when a deadline from `from` to `due` was counted
 * without public-holiday data for some year; undefined when the deadline is exact.
 */
export function estimatedDeadlineNote(calendar: WorkCalendar, from: string, due: string): string | undefined {
  const years = calendar.yearsWithoutData(from, due);
  if (years.length === 0) return undefined;
  const key = lawHolidaysCounted(calendar, years) ? "calendar.estimated-note" : "calendar.estimated-note-weekdays";
  return `${t(key, { years: list(years.map(String)), due, count: years.length })}\n`;
}
