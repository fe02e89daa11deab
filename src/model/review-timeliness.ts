/**
 * Was a CSR reviewed within its review period? IATF 16949 7.5.3.2.2 expects customer requirements
 * and their changes to be reviewed within ten working days of receipt; this is the evidence, one
 * CSR at a time, shared by `csr list reviews`, the export and the rule csr/review-late.
 */
import type { WorkCalendar } from "./calendar.js";
import { DEFAULT_REVIEW_DAYS, reviewDue, reviewStart } from "./csr-status.js";
import type { Csr, Customer, QmsConfig } from "./types.js";

export type Timeliness = "on-time" | "late" | "open" | "overdue";

export interface ReviewTimeliness {
  /** Received, or restarted by a new source revision (YYYY-MM-DD). */
  start: string;
  restarted: boolean;
  due: string;
  /** Date of the decision, when there is one (or of the confirmation, see confirmedBy). */
  decided?: string;
  /**
   * Who confirmed that the current source revision left the CSR unchanged (person id), when that
   * confirmation, not a decision, closed the current round; `start` is then that revision's
   * received date and `decided` the confirmation's date.
   */
  confirmedBy?: string;
  /** Working days from the start to the decision (or to today while open): (start, day]. */
  workdaysUsed: number;
  allowed: number;
  timeliness: Timeliness;
  /** Why a late decision was late (`review.late_reason`). */
  lateReason?: string;
  /** Years in the review period without public-holiday data (the deadline is an estimate). */
  estimatedYears: number[];
}

/**
 * The confirmation that closed the review of the CSR's current source revision, with that
 * revision's received date from the customer's file (`sources[].revisions[]`): `csr source update
 * --unchanged` records it instead of a new round, and keeps the earlier revision's decision.
 * Undefined when the current revision has no confirmation, or its received date is unknown.
 */
export interface RevisionConfirmation {
  /** The revision's received date, YYYY-MM-DD: the day its review started. */
  received: string;
  /** Person id. */
  by: string;
  /** YYYY-MM-DD. */
  date: string;
}

export function revisionConfirmation(csr: Csr, customer: Customer | undefined): RevisionConfirmation | undefined {
  const confirmation = (csr.review?.confirmations ?? []).filter((c) => c.source_revision === csr.source.revision).at(-1);
  if (!confirmation) return undefined;
  const source = customer?.sources?.find((s) => s.id === csr.source.document);
  const received = source?.revisions.find((r) => r.revision === csr.source.revision)?.received;
  return received ? { received, by: confirmation.by, date: confirmation.date } : undefined;
}

/**
 * The timeliness of the CSR's current review round: its decision, measured from its received or
 * restarted date; or, given the confirmation of the current source revision, that confirmation,
 * measured from the revision's received date (IATF 16949 4.3.2, 7.5.3.2.2: each revision of a
 * customer's requirements is reviewed in time, unchanged or not).
 */
export function reviewTimeliness(csr: Csr, calendar: WorkCalendar, config: QmsConfig | undefined, today: string, confirmation?: RevisionConfirmation): ReviewTimeliness {
  const allowed = config?.csr?.review_days ?? DEFAULT_REVIEW_DAYS;
  const start = confirmation?.received ?? reviewStart(csr);
  const due = confirmation ? calendar.addWorkdays(start, allowed) : reviewDue(csr, calendar, config);
  const decided = confirmation?.date ?? csr.review?.decision?.date;
  const end = decided ?? today;
  const workdaysUsed = Math.max(0, calendar.workdaysBetween(start, end));
  const timeliness: Timeliness = decided ? (decided > due ? "late" : "on-time") : today > due ? "overdue" : "open";
  // A reason recorded for a late decision explains that decision, not a later confirmation.
  const lateReason = confirmation ? undefined : csr.review?.late_reason;
  return {
    start,
    restarted: confirmation !== undefined || csr.review?.restarted !== undefined,
    due,
    ...(decided ? { decided } : {}),
    ...(confirmation ? { confirmedBy: confirmation.by } : {}),
    workdaysUsed,
    allowed,
    timeliness,
    ...(lateReason ? { lateReason } : {}),
    estimatedYears: calendar.yearsWithoutData(start, due),
  };
}
