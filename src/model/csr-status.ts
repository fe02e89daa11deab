/**
 * What state a CSR is in, derived from its recorded facts and never typed by hand:
 * received -> in-review -> decided -> addressed -> implemented -> verified,
 * with superseded, rejected and not-applicable as ends.
 */
import type { WorkCalendar } from "./calendar.js";
import type { Csr, DocumentStatus, QmsConfig } from "./types.js";

export const CSR_STATUSES = [
  "received",
  "in-review",
  "decided",
  "addressed",
  "implemented",
  "verified",
  "superseded",
  "rejected",
  "not-applicable",
] as const;
export type CsrStatus = (typeof CSR_STATUSES)[number];

export const DEFAULT_REVIEW_DAYS = 10;
export const DEFAULT_WARN_DAYS = 2;

/** `documentStatus` tells the status of a document by id; a CSR counts as addressed only by released documents. */
export function csrStatus(csr: Csr, documentStatus: (id: string) => DocumentStatus | undefined): CsrStatus {
  if (csr.superseded) return "superseded";
  const decision = csr.review?.decision;
  if (!decision) return (csr.review?.opinions?.length ?? 0) > 0 ? "in-review" : "received";
  if (decision.disposition === "rejected") return "rejected";
  if (decision.disposition === "not-applicable") return "not-applicable";
  const implementation = csr.implementation?.status;
  if (implementation === "verified") return "verified";
  if (implementation === "implemented") return "implemented";
  if ((csr.addressed ?? []).some((a) => documentStatus(a.document) === "released")) return "addressed";
  return "decided";
}

/** The review clock starts when the CSR was received, or again when a new source revision restarted it. */
export function reviewStart(csr: Csr): string {
  return csr.review?.restarted ?? csr.received;
}

export function reviewDue(csr: Csr, calendar: WorkCalendar, config: QmsConfig | undefined): string {
  return calendar.addWorkdays(reviewStart(csr), config?.csr?.review_days ?? DEFAULT_REVIEW_DAYS);
}

/** Departments whose opinion this CSR needs: its own list, else the repository's default. */
export function requiredDepartments(csr: Csr, config: QmsConfig | undefined): string[] {
  return csr.review?.required ?? config?.csr?.reviewers ?? [];
}

export function missingOpinions(csr: Csr, config: QmsConfig | undefined): string[] {
  const given = new Set((csr.review?.opinions ?? []).map((o) => o.department));
  return requiredDepartments(csr, config).filter((d) => !given.has(d));
}
