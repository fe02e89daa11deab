import { shellArgument } from "../../../core/text.js";
import type { Rule } from "../../rule.js";
import { language, list, t } from "../../../i18n/index.js";
import { citingWithdrawal, pendingReviewConclusion } from "../../../model/periodic-review.js";

/**
 * A periodic review that found a document must be revised (需修订) or withdrawn (拟作废) is acted on
 * (IATF 16949 7.5.3, GJB 9001C 7.5.2/7.5.3): until a new revision is released after it, or the
 * document is made obsolete, the conclusion is open and reported at the review. A conclusion with a due
 * day (完成期限, csr periodic-review --due) is an error once that day has passed.
 */
export const rule: Rule = {
  id: "doc/revision-pending",
  // An error only past the follow-up's due day; an open conclusion otherwise is reported as a warning.
  severity: "error",
  scope: { files: "own" },
  summary: "A document's latest periodic review concluded that it must be revised or withdrawn, and it has not been.",
  docs: {
    description:
      "The latest entry under a document's `reviews` has `result: revise` (需修订) or `result: withdraw` (拟作废), and no revision has been released after that review's date, nor has the document been made obsolete. The outcome of a review of documented information is acted on ({{cite:documents-in-use}}): the document is revised, or withdrawn. Reported at the review entry, whatever the review interval; an error once the follow-up's due day (`due`, csr periodic-review --due) has passed.",
    bad: `
reviews:
  - { by: li, date: 2026-11-02, result: revise, comment: 需增加顾客参加评审的要求 }   # no revision released since
`,
    good: `
  - version: A/1   # released after the review of 2026-11-02
    date: 2026-11-20
    summary: 增加顾客参加评审的要求（2026-11-02 定期评审结论）
`,
    fix: "Revise the document and release the new revision (`csr release QP-005 --summary ...`), or, for a withdrawal, make it obsolete (`csr obsolete QP-005`) once no released document or process cites it (release those first). Record the follow-up's due day and owner with the review (`csr periodic-review QP-005 --result revise --comment ... --due 2027-03-31 --owner li`): after that day the finding is an error.",
  },
  check(ctx) {
    const documents = [...ctx.index.documents.values()].map((d) => d.value);
    const processes = [...ctx.index.processes.values()].map((p) => p.value);
    for (const { value: doc, file } of ctx.index.documents.values()) {
      const pending = pendingReviewConclusion(doc);
      if (!pending) continue;
      const { review, index } = pending;
      const data = { document: doc.id, arg: shellArgument(doc.id), date: review.date, by: review.by };
      let message: string;
      if (review.result === "withdraw") {
        // The same first step as csr periodic-review gives: csr obsolete refuses while a released document or a process still cites it (tester71 Q7).
        const cited = citingWithdrawal(documents, processes, doc.id);
        const citing = [...cited.documents.map((d) => d.id), ...cited.processes.map((p) => p.code)];
        message = citing.length === 0 ? t("rule.doc/revision-pending.withdraw", data) : t("rule.doc/revision-pending.withdraw-cited", { ...data, citing: list(citing), count: citing.length });
      } else message = t("rule.doc/revision-pending", data);
      // Past the follow-up's due day (csr periodic-review --due), the open conclusion is overdue: an error.
      const overdue = review.due !== undefined && ctx.options.today > review.due;
      if (review.due !== undefined)
        message += (language() === "en" ? " " : "") + t(overdue ? (review.owner ? "rule.doc/revision-pending.overdue-owner" : "rule.doc/revision-pending.overdue") : review.owner ? "rule.doc/revision-pending.due-owner" : "rule.doc/revision-pending.due", { due: review.due, owner: review.owner ?? "", arg: data.arg });
      ctx.report({ file, path: ["reviews", index] }, message, overdue ? undefined : "warning");
    }
  },
};
