/**
 * Was a CSR reviewed within its review period? IATF 16949 7.5.3.2.2 expects customer requirements
 * and their changes to be reviewed within ten working days of receipt; this is the evidence, one
 * CSR at a time, shared by `csr list reviews`, the export and the rule csr/review-late.
 */
import type { WorkCalendar } from "./calendar.js";
import { DEFAULT_REVIEW_DAYS, reviewDue, reviewStart } from "./csr-status.js";
import type { Csr, QmsConfig } from "./types.js";

export type Timeliness = "on-time" | "late" | "open" | "overdue";

export interface ReviewTimeliness {
  /** Received, or restarted by a new source revision (YYYY-MM-DD). */
  start: string;
  restarted: boolean;
  due: string;
  /** Date of the decision, when there is one. */
  decided?: string;
  /** Working days from the start to the decision (or to today while open): (start, day]. */
  workdaysUsed: number;
  allowed: number;
  timeliness: Timeliness;
  /** Why a late decision was late (`review.late_reason`). */
  lateReason?: string;
  /** Years in the review period without public-holiday data (the deadline is an estimate). */
  estimatedYears: number[];
}

export function reviewTimeliness(csr: Csr, calendar: WorkCalendar, config: QmsConfig | undefined, today: string): ReviewTimeliness {
  const start = reviewStart(csr);
  const due = reviewDue(csr, calendar, config);
  const decided = csr.review?.decision?.date;
  const end = decided ?? today;
  const workdaysUsed = Math.max(0, calendar.workdaysBetween(start, end));
  const timeliness: Timeliness = decided ? (decided > due ? "late" : "on-time") : today > due ? "overdue" : "open";
  return {
    start,
    restarted: csr.review?.restarted !== undefined,
    due,
    ...(decided ? { decided } : {}),
    workdaysUsed,
    allowed: config?.csr?.review_days ?? DEFAULT_REVIEW_DAYS,
    timeliness,
    ...(csr.review?.late_reason ? { lateReason: csr.review.late_reason } : {}),
    estimatedYears: calendar.yearsWithoutData(start, due),
  };
}
