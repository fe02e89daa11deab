/**
 * What a performance rating's commands share: `csr supplier rate` (供方业绩评价, IATF 16949 8.4.2.4) and `csr customer score`
 * (顾客计分卡, IATF 16949 9.1.2.1): the period rated, a measure given on the command line, and the entry appended on one line.
 */
import { isSeq, YAMLSeq, type Document, type Node, type YAMLMap } from "yaml";
import { UserError } from "../../core/errors.js";
import { t } from "../../i18n/index.js";

/** A rating's period: a year, a half (H1, H2), a quarter (Q1–Q4) or a month (2026, 2026-H2, 2026-Q4, 2026-11). */
export const RATING_PERIOD = /^[0-9]{4}(-(Q[1-4]|H[12]|0[1-9]|1[0-2]))?$/;

/**
 * The period `given` (--period 2026-q4) in capitals, which must be a RATING_PERIOD. Errors (UserError, one line): another text.
 */
export function ratingPeriod(given: string): string {
  const period = given.trim().toUpperCase();
  if (!RATING_PERIOD.test(period)) throw new UserError(t("supplier.rate.bad-period", { period: given }));
  return period;
}

/** The first day (YYYY-MM-DD) of a RATING_PERIOD: 2026 → 2026-01-01, 2026-H2 → 2026-07-01, 2026-Q4 → 2026-10-01, 2026-11 → 2026-11-01. */
export function periodStart(period: string): string {
  const [year, part = ""] = period.split("-");
  const month = part.startsWith("H") ? (Number(part.slice(1)) - 1) * 6 + 1 : part.startsWith("Q") ? (Number(part.slice(1)) - 1) * 3 + 1 : part ? Number(part) : 1;
  return `${year}-${String(month).padStart(2, "0")}-01`;
}

/**
 * Refuses a rating dated (`date`, YYYY-MM-DD) before its period `period` begins: a period not yet begun cannot be rated
 * (IATF 16949 8.4.2.4, 9.1.2.1: performance data of a past period). Errors (UserError, one line).
 */
export function refuseUnbegunPeriod(period: string, date: string): void {
  const start = periodStart(period);
  if (start > date) throw new UserError(t("supplier.rate.period-after-date", { period, start, date }));
}

/**
 * A measure as given (--ppm 120, --on-time 96.5, a trailing % allowed): a number from 0 to `max` (Infinity: no upper bound),
 * whole when `whole`; undefined when not given. Errors (UserError, one line): not a number, or out of range.
 */
export function ratingMeasure(given: string | undefined, flag: string, max: number, whole = false): number | undefined {
  if (given === undefined) return undefined;
  const text = given.trim().replace(/%$/, "");
  const value = Number(text);
  if (text === "" || !Number.isFinite(value) || value < 0 || value > max || (whole && !Number.isInteger(value))) throw new UserError(t(whole ? "supplier.rate.bad-count" : max === Infinity ? "supplier.rate.bad-unbounded" : "supplier.rate.bad-number", { flag, value: given, max }));
  return value;
}

/** An entry on one line, as a record lists its approvals, ratings and scorecards. */
export function flowMap(doc: Document.Parsed, entry: object): YAMLMap {
  const node = doc.createNode(entry) as YAMLMap;
  node.flow = true;
  return node;
}

/** Appends `entry` on one line to the list `key` of `doc`, the list made (and placed by `place`) when it has none. */
export function appendFlowEntry(doc: Document.Parsed, key: string, entry: object, place: (node: Node) => void): void {
  const seq = doc.get(key, true);
  if (isSeq(seq)) {
    seq.items.push(flowMap(doc, entry));
    return;
  }
  const node = new YAMLSeq();
  node.items.push(flowMap(doc, entry));
  place(node);
}
