import { addMonths } from "../core/dates.js";
import { currentRevision, issuedOn, revisionOn } from "./index.js";
import type { ControlledDocument, PeriodicReview, Process, QmsConfig } from "./types.js";

/** Calendar days before a periodic review falls due from which it is due soon (qms.yaml `document_control.review_warn_days`). */
export const DEFAULT_REVIEW_WARN_DAYS = 30;

export function reviewWarnDays(config: QmsConfig | undefined): number {
  return config?.document_control?.review_warn_days ?? DEFAULT_REVIEW_WARN_DAYS;
}

/**
 * When a released document with a `review_interval_months` is next due for its periodic review
 * (IATF 16949 7.5.3, GJB 9001C 7.5.3): `months` after the latest of its current revision's date, its
 * effective date and its last review that found it suitable (a review concluding 需修订 or 拟作废 does
 * not restart the interval: the new revision or the withdrawal answers it). `last` is that date, `due`
 * YYYY-MM-DD. A current revision imported without a date (issuedOn), with no such date since, was
 * released before the repository on a day only its paper record gives: the interval has no known
 * start, and the review is due now (`last` and `due` absent) — a review recorded (csr
 * periodic-review) or the date found (csr set --issued) starts it. Undefined for a document not
 * released, without an interval or without any such date or revision.
 */
export function nextPeriodicReview(doc: ControlledDocument): { months: number; last?: string; due?: string } | undefined {
  const months = doc.review_interval_months;
  // A temporary document ends on its valid_until (doc/temporary-expired): it is withdrawn, not reviewed.
  if (doc.status !== "released" || !months || doc.valid_until !== undefined) return undefined;
  const current = currentRevision(doc);
  const dates = [current?.date, doc.effective, ...(doc.reviews ?? []).filter((r) => (r.result ?? "suitable") === "suitable").map((r) => r.date)].filter((d): d is string => !!d);
  if (dates.length === 0) return current ? { months } : undefined;
  const last = dates.reduce((a, b) => (a > b ? a : b));
  return { months, last, due: addMonths(last, months) };
}

/**
 * The open conclusion of a document's periodic reviews: its latest review (by date, the last entry of
 * a day) found it must be revised (需修订) or withdrawn (拟作废), and neither a revision released after
 * that day nor its withdrawal has answered it. A revision of the review's own day answers it (as in
 * doc/periodic-review-due, which counts from the later of the two).
 */
export function pendingReviewConclusion(doc: ControlledDocument): { review: PeriodicReview; index: number } | undefined {
  if (doc.status === "obsolete" || !doc.reviews?.length) return undefined;
  let index = 0;
  doc.reviews.forEach((r, i) => {
    if (r.date >= doc.reviews![index]!.date) index = i;
  });
  const review = doc.reviews[index]!;
  if (review.result !== "revise" && review.result !== "withdraw") return undefined;
  if ((doc.revisions ?? []).some((r) => issuedOn(r) >= review.date)) return undefined;
  return { review, index };
}

/**
 * nextPeriodicReview as the records stood on `today`: the reviews recorded by then (a register or a
 * site dated a past day does not count a later one). `doc` is the document as of that day
 * (documentsOn), its current revision the one in force then.
 */
export function periodicReviewOn(doc: ControlledDocument, today: string): { months: number; last?: string; due?: string } | undefined {
  const reviews = doc.reviews?.filter((r) => r.date <= today);
  return nextPeriodicReview(reviews?.length === doc.reviews?.length ? doc : { ...doc, reviews: reviews ?? [] });
}

/** The version a periodic review found in force: the last revision issued by its day ("" when none was). */
export function reviewedVersion(doc: ControlledDocument, review: PeriodicReview): string {
  return revisionOn(doc, review.date)?.version ?? "";
}

/**
 * What still cites the document `id` that a periodic review concluded to withdraw (拟作废): the released documents
 * naming it among their related documents or forms, and the processes listing it. `csr obsolete` refuses while any
 * does (doc/obsolete-referenced), so these are released or changed first (IATF 16949 7.5.3.2, GJB 9001C 7.5.3): the
 * first step `csr periodic-review --result withdraw` prints and doc/revision-pending repeats (tester71 Q7).
 */
export function citingWithdrawal(documents: readonly ControlledDocument[], processes: readonly Process[], id: string): { documents: ControlledDocument[]; processes: Process[] } {
  return {
    documents: documents.filter((d) => d.status === "released" && d.id !== id && (d.related?.includes(id) || d.forms?.includes(id))),
    processes: processes.filter((p) => p.documents?.includes(id)),
  };
}
