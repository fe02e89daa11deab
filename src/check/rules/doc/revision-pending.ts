import { shellArgument } from "../../../core/text.js";
import type { Rule } from "../../rule.js";
import { t } from "../../../i18n/index.js";
import { pendingReviewConclusion } from "../../../model/periodic-review.js";

/**
 * A periodic review that found a document must be revised (需修订) or withdrawn (拟作废) is acted on
 * (IATF 16949 7.5.3, GJB 9001C 7.5.2/7.5.3): until a new revision is released after it, or the
 * document is made obsolete, the conclusion is open and reported at the review.
 */
export const rule: Rule = {
  id: "doc/revision-pending",
  severity: "warning",
  scope: { files: "own" },
  summary: "A document's latest periodic review concluded that it must be revised or withdrawn, and it has not been.",
  docs: {
    description:
      "The latest entry under a document's `reviews` has `result: revise` (需修订) or `result: withdraw` (拟作废), and no revision has been released after that review's date, nor has the document been made obsolete. The outcome of a review of documented information is acted on ({{cite:documents-in-use}}): the document is revised, or withdrawn. Reported at the review entry, whatever the review interval.",
    bad: `
reviews:
  - { by: li, date: 2026-11-02, result: revise, comment: 需增加顾客参加评审的要求 }   # no revision released since
`,
    good: `
  - version: A/1   # released after the review of 2026-11-02
    date: 2026-11-20
    summary: 增加顾客参加评审的要求（2026-11-02 定期评审结论）
`,
    fix: "Revise the document and release the new revision (`csr release QP-005 --summary ...`), or, for a withdrawal, make it obsolete (`csr obsolete QP-005`).",
  },
  check(ctx) {
    for (const { value: doc, file } of ctx.index.documents.values()) {
      const pending = pendingReviewConclusion(doc);
      if (!pending) continue;
      const { review, index } = pending;
      ctx.report(
        { file, path: ["reviews", index] },
        t(review.result === "withdraw" ? "rule.doc/revision-pending.withdraw" : "rule.doc/revision-pending", { document: doc.id, arg: shellArgument(doc.id), date: review.date, by: review.by }),
      );
    }
  },
};
