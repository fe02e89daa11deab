import { shellArgument } from "../../../core/text.js";
import { t } from "../../../i18n/index.js";
import { zeroingComplete } from "../../../model/actions.js";
import { worksToGjb9001C } from "../../../model/citations.js";
import { personLabel } from "../../../model/labels.js";
import { awaitsMilitaryReview, voidedReview } from "../../../model/zeroing-review.js";
import type { Rule } from "../../rule.js";

/**
 * A closed quality problem of a GJB 9001C repository whose 归零 lacks the 军代表's review: graded 重大 or 严重 with no review
 * recorded (closed by hand, or before csr action close asked for it; an error), or any grade whose review a correction of
 * the evidence voided with no new review since (zeroing.voided_reviews; a warning for a 一般 problem or one not graded, whose
 * closure does not wait for the review). GJB 9001C-2017 10.2, 7.5.3; the 归零 practice (QJ 3183, GJB 5711). One finding per
 * record; a record whose 双五条 lack evidence is action/zeroing-incomplete's (no review can come before them).
 */
export const rule: Rule = {
  id: "action/zeroing-unreviewed",
  severity: "error",
  scope: { files: "own" },
  dependsOn: ["people.yaml", "qms.yaml"],
  summary: "A closed 重大 or 严重 quality problem has no 军代表 review of its 归零, or the review was voided by a correction of the evidence.",
  docs: {
    description:
      "In a repository that works to GJB 9001C (`standards` in `qms.yaml`), a quality problem graded 重大 or 严重 (`problem_grade: major` or `serious`) counts as 归零 only once the customer's representative, the 军代表, has reviewed its 归零报告 (`zeroing.reviewed_by`, `zeroing.reviewed`, written by `csr action zero <id> --reviewed-by <person> --reviewed <date>`): `csr action close` refuses to close it before, and the register and the management review list it as 待军代表评审. Reported: such a record closed (`steps.D8.done`) without the review — closed by hand or before csr asked for it — and a closed record of any grade whose review was voided by a correction of the evidence it reviewed (`csr action zero … --amend` moves the review to `zeroing.voided_reviews`) with no new review since; for a 一般 problem, or one not graded, this is a warning. A record whose ten criteria lack evidence is reported by `action/zeroing-incomplete` alone. GJB 9001C-2017 10.2, 7.5.3; the 质量问题归零 practice (QJ 3183, GJB 5711). Not reported in a repository that does not work to GJB 9001C.",
    bad: `
problem_grade: major
received: 2026-11-02
notified: 2026-11-02
`,
    good: `
  report: GL-2026-02
  reviewed_by: liujd
  reviewed: 2026-11-25
`,
    fix: "Have the 军代表 review the 归零 and record it: `csr action zero <id> --reviewed-by <military representative> --reviewed <date>`; the closure date is then no earlier than the review (`action/closed-early`).",
  },
  check(ctx) {
    if (!worksToGjb9001C(ctx.repo.config?.value)) return;
    for (const { value: action, file } of ctx.repo.actions) {
      if (!ctx.keeps(file) || action.steps?.D8?.done === undefined || !zeroingComplete(action)) continue;
      const voided = voidedReview(action);
      const required = awaitsMilitaryReview(action);
      if (!required && voided === undefined) continue;
      const data = { id: action.id, arg: shellArgument(action.id), closed: action.steps.D8.done };
      const grade = action.problem_grade === undefined ? t("rule.action/zeroing-unreviewed.ungraded") : t(`action.problem-grade.${action.problem_grade}`);
      const was = voided === undefined ? "" : t("action.close.review-voided", { by: voided.reviewed_by === undefined ? "" : personLabel(ctx.index, voided.reviewed_by), date: voided.reviewed ?? "", voided: voided.voided });
      if (required) ctx.report({ file, path: ["steps", "D8", "done"] }, t("rule.action/zeroing-unreviewed", { ...data, grade, was }));
      else ctx.report({ file, path: ["zeroing", "voided_reviews", action.zeroing!.voided_reviews!.length - 1] }, t("rule.action/zeroing-unreviewed.voided", { ...data, grade, was }), "warning");
    }
  },
};
