/**
 * The internal audit programme by process (内部审核方案, IATF 16949 9.2.2.1): every process of the
 * process map is audited over a three-year cycle, each as often as its risk, performance and changes
 * call for. A process records its audits under `audits` (csr process audited); the months within
 * which it is audited again are its own `audit_months` or qms.yaml `internal_audit.interval_months`.
 * Neither set: no interval, and nothing falls due.
 */
import { addMonths } from "../core/dates.js";
import type { Process, ProcessAudit, QmsConfig } from "./types.js";

/** The months within which `process` is audited again (its own, else the repository's), or undefined when neither is set. */
export function auditInterval(process: Process, config: QmsConfig | undefined): number | undefined {
  return process.audit_months ?? config?.internal_audit?.interval_months;
}

/** The latest audit of `process` held by `today` (the later of equal dates in recording order), with its index in `audits`. */
export function lastAudit(process: Process, today: string): { audit: ProcessAudit; index: number } | undefined {
  let found: { audit: ProcessAudit; index: number } | undefined;
  for (const [index, audit] of (process.audits ?? []).entries()) {
    if (audit.date <= today && (found === undefined || audit.date >= found.audit.date)) found = { audit, index };
  }
  return found;
}

/**
 * When `process` is next due for audit as of `today` (YYYY-MM-DD): `months` after its last audit.
 * Undefined without an interval; `{ due: undefined }` with one but no audit yet (due now: the
 * programme has not reached it).
 */
export function nextAuditDue(process: Process, config: QmsConfig | undefined, today: string): { months: number; due: string | undefined } | undefined {
  const months = auditInterval(process, config);
  if (months === undefined) return undefined;
  const last = lastAudit(process, today);
  return { months, due: last ? addMonths(last.audit.date, months) : undefined };
}
