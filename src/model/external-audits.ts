/**
 * The nonconformities of external audits (actions/<id>.yaml of source external-audit): a certification body's (third party)
 * or a customer's (second party), with the deadlines the auditor holds the organisation to, counted in calendar days from
 * the closing meeting, never on the working-day calendar: the correction, root cause analysis, systemic corrective action
 * and verification of effectiveness submitted within 60 days, the nonconformity management complete (the auditor's
 * acceptance) within 90 (IATF Rules for achieving and maintaining IATF recognition, 5th ed. 5.11.1–5.11.3; the same limits
 * in the 6th). A major one not resolved in time leads to a special audit or the certificate's suspension. ISO 9001 9.3.2 c) 6)
 * (external audit results, a management review input), IATF 16949 10.2.3.
 */
import { addDays, daysBetween } from "../core/dates.js";
import type { CorrectiveAction, ExternalAudit, ExternalAuditType, ExternalReview, QmsConfig } from "./types.js";

/** The IATF Rules' limits in calendar days from the closing meeting: the response (5.11.1), the NC management complete (5.11.3). */
export const EXTERNAL_AUDIT_DAYS = { response: 60, closure: 90 } as const;

/** The limits a repository keeps (qms.yaml `external_audit.response_days`, `closure_days`), else the IATF Rules'. */
export function externalAuditDays(config: Pick<QmsConfig, "external_audit"> | undefined): { response: number; closure: number } {
  return { response: config?.external_audit?.response_days ?? EXTERNAL_AUDIT_DAYS.response, closure: config?.external_audit?.closure_days ?? EXTERNAL_AUDIT_DAYS.closure };
}

/** Whether an audit of `type` is a certification body's (whose deadlines the IATF Rules set), not a customer's. */
export function certificationAudit(type: ExternalAuditType): boolean {
  return type !== "customer";
}

/**
 * The deadlines of a nonconformity raised at a closing meeting on `closing` (YYYY-MM-DD) by an audit of `type`: for a
 * certification body's, the response due `days.response` and the closure `days.closure` calendar days after it (the day
 * of the meeting not counted); a customer's audit sets its own, given by hand: none here.
 */
export function externalAuditDue(closing: string, type: ExternalAuditType, days: { response: number; closure: number }): { response_due?: string; closure_due?: string } {
  if (!certificationAudit(type)) return {};
  return { response_due: addDays(closing, days.response), closure_due: addDays(closing, days.closure) };
}

/** The auditor's latest review of a response (csr action accept|reject); undefined before any. */
export function latestReview(audit: ExternalAudit): ExternalReview | undefined {
  return audit.reviews?.at(-1);
}

/** Whether the auditor has accepted the response (its latest review): the nonconformity management is complete. */
export function externalAccepted(audit: ExternalAudit): boolean {
  return latestReview(audit)?.decision === "accepted";
}

/**
 * Where an external audit's nonconformity stands on `today`:
 * - `respond`: no response submitted yet (`due` the response deadline, if any);
 * - `review`: a response submitted and not reviewed, or submitted again after a rejection (`due` the closure deadline);
 * - `rejected`: the auditor rejected the latest response and none was submitted since (`due` the closure deadline);
 * - `accepted`: the auditor accepted it (`date`), not yet verified at a later audit;
 * - `verified`: the auditor verified it at a later audit (`date`).
 * `late` is the calendar days `today` is past `due` (0 when not past, or without a due date).
 */
export type ExternalStanding = { state: "respond" | "review" | "rejected"; due?: string; late: number } | { state: "accepted" | "verified"; date: string; late: 0 };

export function externalStanding(audit: ExternalAudit, today: string): ExternalStanding {
  if (audit.verification) return { state: "verified", date: audit.verification.date, late: 0 };
  const review = latestReview(audit);
  if (review?.decision === "accepted") return { state: "accepted", date: review.date, late: 0 };
  const responses = audit.responses ?? [];
  const late = (due: string | undefined) => (due !== undefined && due < today ? daysBetween(due, today) : 0);
  if (responses.length === 0) return { state: "respond", due: audit.response_due, late: late(audit.response_due) };
  const answered = review !== undefined && review.date >= responses.at(-1)!.date;
  return { state: answered ? "rejected" : "review", due: audit.closure_due, late: late(audit.closure_due) };
}

/**
 * The deadlines of `action` (an external audit's nonconformity) missed on `today`, each with its due date and the calendar
 * days it is past: the response, while none was submitted after its due date passed; the closure, while the auditor has
 * not accepted a response by then. None for any other record. What action/external-audit-overdue reports.
 */
export function externalAuditLate(action: CorrectiveAction, today: string): { deadline: "response" | "closure"; due: string; days: number }[] {
  const audit = action.external_audit;
  if (action.source !== "external-audit" || audit === undefined) return [];
  const late: { deadline: "response" | "closure"; due: string; days: number }[] = [];
  if (audit.response_due !== undefined && audit.response_due < today && (audit.responses ?? []).length === 0) late.push({ deadline: "response", due: audit.response_due, days: daysBetween(audit.response_due, today) });
  if (audit.closure_due !== undefined && audit.closure_due < today && !externalAccepted(audit) && audit.verification === undefined) late.push({ deadline: "closure", due: audit.closure_due, days: daysBetween(audit.closure_due, today) });
  return late;
}

/**
 * The record as it stood at the end of `day`: the responses, reviews and verification dated after it taken away. For
 * model/actions.ts actionOn.
 */
export function externalAuditOn(audit: ExternalAudit, day: string): ExternalAudit {
  const { responses, reviews, verification, ...rest } = audit;
  const before = <T extends { date: string }>(entries: readonly T[] | undefined) => (entries ?? []).filter((e) => e.date <= day);
  const r = before(responses);
  const v = before(reviews);
  return { ...rest, ...(r.length > 0 ? { responses: r } : {}), ...(v.length > 0 ? { reviews: v } : {}), ...(verification && verification.date <= day ? { verification } : {}) };
}

/** Whether something of an external audit's record is dated after `day`: a response, a review, the verification. */
export function externalRecordedAfter(audit: ExternalAudit | undefined, day: string): boolean {
  if (audit === undefined) return false;
  return [...(audit.responses ?? []), ...(audit.reviews ?? []), ...(audit.verification ? [audit.verification] : [])].some((e) => e.date > day);
}
