/**
 * The register of production tooling, fixtures, gauges and error-proofing devices (tooling.yaml, 工装台账):
 * when each is next owed its error-proofing verification (IATF 16949 10.2.4: at the control plan's frequency,
 * with master or rejection samples) and its planned maintenance (8.5.1.5, 8.5.1.6), whether it is the
 * customer's (8.5.1.6, 8.5.3); when a gauge or test equipment is next owed its calibration (7.1.5.2) and how its
 * measurement system analysis stands (7.1.5.1.1). GJB 9001C 7.1.3, 7.1.5, 8.5.1 keep 工装 and 计量器具 the same way. Pure
 * functions of the data and the working-day calendar; csr check (rules tooling/*), csr list tooling|error-proofing|gauges
 * and csr tooling read them.
 */
import { addDays, addMonths } from "../core/dates.js";
import { UserError } from "../core/errors.js";
import { didYouMean, escapeRegExp } from "../core/text.js";
import { list, t } from "../i18n/index.js";
import type { WorkCalendar } from "./calendar.js";
import { documentSections, type NumberedSection } from "./sections.js";
import type { ControlledDocument, Tooling, ToolingCalibration, ToolingMaintenance, ToolingMsa, ToolingStatus, ToolingVerification } from "./types.js";

/** tooling.yaml `owner` of the company's own tooling (the default). */
export const OWN = "ours";

/** Its status: in-use (在用) when tooling.yaml gives none. */
export function toolingStatus(tooling: Pick<Tooling, "status">): ToolingStatus {
  return tooling.status ?? "in-use";
}

/** The code of the customer that owns it (顾客财产); undefined for the company's own. */
export function customerOwner(tooling: Pick<Tooling, "owner">): string | undefined {
  return tooling.owner !== undefined && tooling.owner !== OWN ? tooling.owner : undefined;
}

/** Its last verification dated on or before `day` (YYYY-MM-DD); the later one of a day when two are. */
export function lastVerification(tooling: Pick<Tooling, "verification">, day: string): ToolingVerification | undefined {
  let found: ToolingVerification | undefined;
  for (const record of tooling.verification?.records ?? []) if (record.date <= day && (found === undefined || record.date >= found.date)) found = record;
  return found;
}

/** Its last maintenance dated on or before `day`. */
export function lastMaintenance(tooling: Pick<Tooling, "maintenance">, day: string): ToolingMaintenance | undefined {
  let found: ToolingMaintenance | undefined;
  for (const record of tooling.maintenance?.records ?? []) if (record.date <= day && (found === undefined || record.date >= found.date)) found = record;
  return found;
}

/**
 * When its next verification is owed, on `today`: `due` (YYYY-MM-DD) is the last day it may be verified in time,
 * `overdue` whether `today` is past it, `last` the passed verification it counts from (none: never verified, owed
 * at once: a device is verified before it is relied on). Only a pass counts: when the last verification by `today`
 * failed, `failed` is that one and the device is owed a passing verification at once (`due` the failed day,
 * `overdue` true) — IATF 16949 10.2.4: a device that failed is repaired and verified again before it is relied on,
 * and a failure does not restart the frequency. Every shift (每班) and every day (每天) ask for a verification
 * on each working day of `calendar` (the shifts of a day are not told apart by a date): due the working day after
 * the last one. Every week and month: 7 days, one month after it. Every n parts (每 n 件): only what dates tell — a
 * device never verified or whose last verification failed is owed one at once; after a pass the next is counted in
 * parts, which csr does not record (undefined). Undefined too without `verification`, or for tooling not in use (in
 * repair, stored, scrapped: it is verified again before it is used).
 */
export function verificationDue(tooling: Tooling, today: string, calendar: WorkCalendar): { due: string; overdue: boolean; last?: ToolingVerification; failed?: ToolingVerification } | undefined {
  const frequency = tooling.verification?.frequency;
  if (frequency === undefined || toolingStatus(tooling) !== "in-use") return undefined;
  const latest = lastVerification(tooling, today);
  const last = lastVerification({ verification: { ...tooling.verification!, records: (tooling.verification!.records ?? []).filter((r) => r.result === "pass") } }, today);
  if (latest && latest.result !== "pass") return { due: latest.date, overdue: true, ...(last ? { last } : {}), failed: latest };
  if (!last) return { due: today, overdue: true };
  // Every n parts: csr records no part counts, so the day the next one is owed is not known (the register says so).
  if (frequency === "parts") return undefined;
  const due = frequency === "week" ? addDays(last.date, 7) : frequency === "month" ? addMonths(last.date, 1) : calendar.addWorkdays(last.date, 1);
  return { due, overdue: today > due, last };
}

/**
 * When its next planned maintenance is owed on `today`: `interval_days` or `interval_months` after the last one
 * recorded by then, `overdue` once `today` is past it. Never maintained: the first is owed one interval after
 * `in_use_since` (the day it was put in use); with neither a maintenance nor that day recorded, `due` is undefined and
 * `overdue` true — a plan with no record that csr cannot date is owed its first record (IATF 16949 8.5.1.5: planned
 * maintenance is carried out and recorded). Undefined without an interval, or for tooling scrapped or stored
 * (maintained before use).
 */
export function maintenanceDue(tooling: Tooling, today: string): { due?: string; overdue: boolean; last?: ToolingMaintenance } | undefined {
  const { interval_days: days, interval_months: months } = tooling.maintenance ?? {};
  const status = toolingStatus(tooling);
  if ((days === undefined && months === undefined) || status === "scrapped" || status === "stored") return undefined;
  const last = lastMaintenance(tooling, today);
  const from = last?.date ?? tooling.in_use_since;
  if (from === undefined) return { overdue: true };
  const due = days !== undefined ? addDays(from, days) : addMonths(from, months!);
  return { due, overdue: today > due, ...(last ? { last } : {}) };
}

/** The days before a calibration falls due that csr check warns of it (tooling/calibration-due-soon) and the register says 待校准. */
export const CALIBRATION_WARN_DAYS = 30;

/** Whether it belongs in the register of gauges (计量器具台账): a gauge or test equipment, or tooling with a calibration or an MSA recorded. */
export function isGauge(tooling: Pick<Tooling, "kind" | "calibration" | "msa">): boolean {
  return tooling.kind === "gauge" || tooling.kind === "test-equipment" || tooling.calibration !== undefined || (tooling.msa ?? []).length > 0;
}

/** Its last calibration dated on or before `day` (the later of a day's two: a failed one and the adjustment after it). */
export function lastCalibration(tooling: Pick<Tooling, "calibration">, day: string, good = false): ToolingCalibration | undefined {
  let found: ToolingCalibration | undefined;
  for (const record of tooling.calibration?.records ?? []) if (record.date <= day && (!good || record.result !== "fail") && (found === undefined || record.date >= found.date)) found = record;
  return found;
}

/**
 * When its next calibration is owed on `today` (IATF 16949 7.1.5.2: calibrated at specified intervals, or before use):
 * `interval_months` after the last good one (pass or adjusted), `overdue` once `today` is past it. Never calibrated:
 * owed at once (`due` today, `overdue`). Last calibration failed: `failed` is it, `due` its day and `overdue` — the
 * gauge is out of tolerance and not to be used until calibrated again. Undefined without an interval or when it is
 * not in use (in repair, stored, scrapped: 停用, calibrated before it is used again).
 */
export function calibrationDue(tooling: Tooling, today: string): { due: string; overdue: boolean; last?: ToolingCalibration; failed?: ToolingCalibration } | undefined {
  const months = tooling.calibration?.interval_months;
  if (months === undefined || toolingStatus(tooling) !== "in-use") return undefined;
  const latest = lastCalibration(tooling, today);
  const last = lastCalibration(tooling, today, true);
  if (latest && latest.result === "fail") return { due: latest.date, overdue: true, ...(last ? { last } : {}), failed: latest };
  if (!last) return { due: today, overdue: true };
  const due = addMonths(last.date, months);
  return { due, overdue: today > due, last };
}

/**
 * The failed calibrations with neither a reaction nor a corrective action recorded (IATF 16949 7.1.5.2.1: when a gauge is
 * found out of calibration, the product measured with it since its last good calibration is evaluated, and the record
 * says what was done), with their index in `records`.
 */
export function calibrationsWithoutReaction(tooling: Pick<Tooling, "calibration">): { record: ToolingCalibration; index: number }[] {
  return (tooling.calibration?.records ?? []).flatMap((record, index) => (record.result === "fail" && !record.reaction?.trim() && !record.action?.trim() ? [{ record, index }] : []));
}

/** Its last measurement system analysis dated on or before `day`. */
export function lastMsa(tooling: Pick<Tooling, "msa">, day: string): ToolingMsa | undefined {
  let found: ToolingMsa | undefined;
  for (const study of tooling.msa ?? []) if (study.date <= day && (found === undefined || study.date >= found.date)) found = study;
  return found;
}

/**
 * A study's acceptance by the AIAG MSA manual (4th ed.; IATF 16949 7.1.5.1.1): %GRR under 10 % acceptable, 10 % to
 * 30 % conditionally acceptable (depending on the application, the cost of the gauge, the customer's agreement), over
 * 30 % not acceptable; an ndc recorded under 5 makes it not acceptable (the system cannot tell enough parts apart).
 */
export function msaVerdict(study: Pick<ToolingMsa, "grr" | "ndc">): "acceptable" | "conditional" | "unacceptable" {
  if (study.grr > 30 || (study.ndc !== undefined && study.ndc < 5)) return "unacceptable";
  return study.grr < 10 ? "acceptable" : "conditional";
}

/**
 * The failed verifications without a reaction recorded (反应计划, IATF 16949 10.2.4: the parts made since the last
 * good verification held and checked, the device repaired and verified again), with their index in `records`.
 */
export function failedWithoutReaction(tooling: Pick<Tooling, "verification">): { record: ToolingVerification; index: number }[] {
  return (tooling.verification?.records ?? []).flatMap((record, index) => (record.result === "fail" && !record.reaction?.trim() ? [{ record, index }] : []));
}

/**
 * The tooling numbers a document's text names that look like the register's own (the same letters before
 * the first '-', then a digit: FX-30-02, EP-30-01) and are not in it. `prefixes` come from the register's ids
 * only (registerPrefixes), so that no other number is taken for a tooling number. Returns each unknown number once.
 */
export function unknownToolingIds(text: string, known: ReadonlySet<string>, prefixes: readonly string[]): string[] {
  if (prefixes.length === 0) return [];
  const pattern = new RegExp(`(?<![A-Za-z0-9_-])(?:${prefixes.join("|")})-[0-9][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*(?![A-Za-z0-9_])`, "g");
  const found = new Set<string>();
  for (const match of text.matchAll(pattern)) if (!known.has(match[0])) found.add(match[0]);
  return [...found];
}

/**
 * The sections of `documents` not obsolete whose text names tooling `id` as a whole number (FX-30-02, not inside
 * FX-30-021 or FX-30-02-1), in the documents' order: the control plan and work instructions relying on it (IATF 16949
 * 8.5.1.6, 10.2.4), as tooling/unregistered reads their text. Each section once, however often it names the id.
 */
export function documentsNaming(id: string, documents: readonly ControlledDocument[]): { document: ControlledDocument; section: NumberedSection }[] {
  const pattern = new RegExp(`(?<![A-Za-z0-9_-])${escapeRegExp(id)}(?![A-Za-z0-9_]|-[A-Za-z0-9])`);
  return documents.flatMap((document) => (document.status === "obsolete" ? [] : documentSections(document).filter((s) => pattern.test(s.section.text ?? "")).map((section) => ({ document, section }))));
}

/**
 * The letters before the first '-' of the register's ids (FX, EP), of two letters or more, except those that
 * begin a document number too (`documentIds`: WI-010-01 keeps WI out), so that a document number is never
 * read as a tooling number. Sorted longest first, so that a longer prefix matches before a shorter one.
 */
export function registerPrefixes(ids: Iterable<string>, documentIds: Iterable<string>): string[] {
  const prefix = (id: string) => /^([A-Za-z]{2,})-[0-9]/.exec(id)?.[1];
  const documents = new Set<string>();
  for (const id of documentIds) {
    const p = /^([A-Za-z]+)-/.exec(id)?.[1];
    if (p) documents.add(p);
  }
  const prefixes = new Set<string>();
  for (const id of ids) {
    const p = prefix(id);
    if (p && !documents.has(p)) prefixes.add(p);
  }
  return [...prefixes].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
}

/**
 * The entry of `entries` (tooling.yaml's, first-articles.yaml's) whose id `given` names: NFKC, trimmed, the id as written,
 * else in any letter case (csr tooling verify ep-30-01, csr list error-proofing --tooling ep-30-01, csr show fa-2026-001);
 * undefined when none.
 */
export function toolingNamed<E extends { value: { id: string } }>(entries: readonly E[], given: string): E | undefined {
  const id = given.normalize("NFKC").trim();
  return entries.find((e) => e.value.id === id) ?? entries.find((e) => e.value.id.toLowerCase() === id.toLowerCase());
}

/** The refusal of an id tooling.yaml does not have (`ids`, its ids): one line naming them and the nearest. */
export function unknownTooling(ids: readonly string[], given: string): UserError {
  const id = given.normalize("NFKC").trim();
  return new UserError(t("tooling.unknown", { id, known: list(ids) || t("tooling.none") }) + didYouMean(id, ids));
}
