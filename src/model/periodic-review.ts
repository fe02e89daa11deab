import type { ControlledDocument, PeriodicReview } from "./types.js";

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
  if ((doc.revisions ?? []).some((r) => r.date >= review.date)) return undefined;
  return { review, index };
}
