/**
 * Quality objectives and their measurements (objectives.yaml, 质量目标; ISO 9001 6.2, IATF 16949 6.2.2.1, GJB 9001C 6.2):
 * the periods an objective is measured over (a calendar month 2026-11, quarter 2026-Q3 or year 2026), whether a value
 * meets its target, the periods owed a measurement, and each objective's standing over a review period (ISO 9001 9.3.2 c 2,
 * IATF 16949 9.3.2.1). Pure functions of the data: csr objective, csr list objectives, the management review page and
 * csr check's objective/unmeasured read them.
 */
import { addDays } from "../core/dates.js";
import { nextNumbered } from "./actions.js";
import type { ObjectiveFrequency, ObjectiveMeasurement, QualityObjective } from "./types.js";

/** The letters of an objective's number: OBJ-03. */
export const OBJECTIVE_PREFIX = "OBJ";

/**
 * Calendar days after a period's last day within which its measurement is recorded before objective/unmeasured reports it
 * (the month's figures are in by the middle of the next month).
 */
export const MEASUREMENT_GRACE_DAYS = 15;

/** A period of a frequency: its name as measurements write it and its first and last days (YYYY-MM-DD). */
export interface ObjectivePeriod {
  period: string;
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, "0");
const lastOfMonth = (year: number, month: number) => `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;

/** The frequency a period name is written for: 2026-11 monthly, 2026-Q3 quarterly, 2026 yearly; undefined for none. */
export function periodFrequency(period: string): ObjectiveFrequency | undefined {
  if (/^[0-9]{4}-(0[1-9]|1[0-2])$/.test(period)) return "monthly";
  if (/^[0-9]{4}-Q[1-4]$/.test(period)) return "quarterly";
  if (/^[0-9]{4}$/.test(period)) return "yearly";
  return undefined;
}

/** The first and last days of `period` (2026-11, 2026-Q3, 2026); undefined when it names none. */
export function periodDays(period: string): ObjectivePeriod | undefined {
  const year = Number(period.slice(0, 4));
  switch (periodFrequency(period)) {
    case "monthly": {
      const month = Number(period.slice(5));
      return { period, from: `${period}-01`, to: lastOfMonth(year, month) };
    }
    case "quarterly": {
      const last = Number(period.slice(6)) * 3;
      return { period, from: `${year}-${pad(last - 2)}-01`, to: lastOfMonth(year, last) };
    }
    case "yearly":
      return { period, from: `${year}-01-01`, to: `${year}-12-31` };
    default:
      return undefined;
  }
}

/** The period of `frequency` that holds `day` (YYYY-MM-DD). */
export function periodOf(frequency: ObjectiveFrequency, day: string): ObjectivePeriod {
  const year = day.slice(0, 4);
  const month = Number(day.slice(5, 7));
  const name = frequency === "monthly" ? day.slice(0, 7) : frequency === "quarterly" ? `${year}-Q${Math.ceil(month / 3)}` : year;
  return periodDays(name)!;
}

/**
 * The periods of `objective` (its frequency's) that overlap the days `from`–`to` (both included) and its own `from`–`to`,
 * oldest first.
 */
export function objectivePeriods(objective: Pick<QualityObjective, "frequency" | "from" | "to">, from: string, to: string): ObjectivePeriod[] {
  const first = from > objective.from ? from : objective.from;
  const last = objective.to !== undefined && objective.to < to ? objective.to : to;
  const periods: ObjectivePeriod[] = [];
  for (let day = first; day <= last; ) {
    const period = periodOf(objective.frequency, day);
    periods.push(period);
    day = addDays(period.to, 1);
  }
  return periods;
}

/** Whether `value` meets `objective`'s target: at most it (<=) or at least it (>=). */
export function meetsTarget(objective: Pick<QualityObjective, "direction" | "target">, value: number): boolean {
  return objective.direction === "<=" ? value <= objective.target : value >= objective.target;
}

/** The measurement of `objective` for `period` (its name), the last one written when there are two; undefined when none. */
export function measurementOf(objective: Pick<QualityObjective, "measurements">, period: string): ObjectiveMeasurement | undefined {
  const all = objective.measurements ?? [];
  for (let i = all.length - 1; i >= 0; i--) if (all[i]!.period === period) return all[i];
  return undefined;
}

/**
 * The periods of `objective` owed a measurement on `today` (YYYY-MM-DD): ended more than MEASUREMENT_GRACE_DAYS calendar days
 * before it, within the objective's `from`–`to`, and with none recorded. Oldest first. An objective never measured yet
 * owes only from its first period: `from` says when it starts.
 */
export function unmeasuredPeriods(objective: Pick<QualityObjective, "frequency" | "from" | "to" | "measurements">, today: string): ObjectivePeriod[] {
  const due = addDays(today, -MEASUREMENT_GRACE_DAYS - 1);
  if (due < objective.from) return [];
  return objectivePeriods(objective, objective.from, due).filter((p) => p.to <= due && measurementOf(objective, p.period) === undefined);
}

/** How an objective stood over a period: its periods ended by then, how many were measured and met, the last one missed. */
export interface ObjectiveStanding {
  /** The periods of the objective within the period that have ended by its last day, oldest first. */
  periods: ObjectivePeriod[];
  measured: number;
  met: number;
  /** The last period measured and missed, with its value; undefined when every one measured met the target. */
  lastMissed?: { period: string; value: number };
  /** The last period measured, with its value and whether it met the target. */
  last?: { period: string; value: number; met: boolean };
}

/**
 * `objective`'s standing over the days `from`–`to` (a management review's period): the periods that have ended by `to`,
 * each measured or not and met or not (ISO 9001 9.3.2 c 2: the extent to which quality objectives have been met).
 */
export function objectiveStanding(objective: QualityObjective, from: string, to: string): ObjectiveStanding {
  const periods = objectivePeriods(objective, from, to).filter((p) => p.to <= to);
  const standing: ObjectiveStanding = { periods, measured: 0, met: 0 };
  for (const p of periods) {
    const m = measurementOf(objective, p.period);
    if (!m) continue;
    const met = meetsTarget(objective, m.value);
    standing.measured++;
    if (met) standing.met++;
    else standing.lastMissed = { period: p.period, value: m.value };
    standing.last = { period: p.period, value: m.value, met };
  }
  return standing;
}

/**
 * The next free number of an objective among `taken` (any letter case): OBJ-NN, one more than the highest, two digits at
 * least.
 */
export function nextObjectiveId(taken: Iterable<string>): string {
  return nextNumbered(taken, `${OBJECTIVE_PREFIX}-`, 2);
}

/** The target as written: "≤ 50 PPM", "≥ 98 %". */
export function targetText(objective: Pick<QualityObjective, "direction" | "target" | "unit">): string {
  return `${objective.direction === "<=" ? "≤" : "≥"} ${objective.target} ${objective.unit}`;
}
