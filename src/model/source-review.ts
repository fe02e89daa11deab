import type { Csr } from "./types.js";

/**
 * The CSRs registered from revision `revision` of the customer source document `sourceId`: those on
 * it now (source.revision), and those that were on it before a later revision (a review round closed
 * on it, review.history[].source_revision) or were confirmed unchanged in it
 * (review.confirmations[].source_revision). A source revision with none, and no recorded nil review
 * (`no_requirements`), has not been reviewed (csr/source-unreviewed; IATF 16949 7.5.3.2.2, GJB 9001C 8.2.3).
 */
export function csrsOfSourceRevision(csrs: readonly Csr[], sourceId: string, revision: string): Csr[] {
  return csrs.filter(
    (csr) =>
      csr.source.document === sourceId &&
      (csr.source.revision === revision ||
        (csr.review?.history ?? []).some((round) => round.source_revision === revision) ||
        (csr.review?.confirmations ?? []).some((c) => c.source_revision === revision)),
  );
}
