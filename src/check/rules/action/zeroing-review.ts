import { worksToGjb9001C } from "../../../model/citations.js";
import { zeroingReviewProblems, zeroingReviewText } from "../../../model/zeroing-review.js";
import type { Rule } from "../../rule.js";

/**
 * A 归零 review (`zeroing.reviewed_by`, `zeroing.reviewed`) of a GJB 9001C repository's quality problem that csr action zero
 * would refuse: a reviewer who is not the 军代表 (a person of people.yaml whose department is a military representative
 * office), a review of a 归零 whose ten criteria are not all evidenced, a review dated before the last of that evidence
 * (GJB 9001C-2017 10.2; the 归零 practice, QJ 3183, GJB 5711: the customer's representative reviews a finished 归零).
 * One finding per problem, on the value it concerns. Not in a repository that does not work to GJB 9001C.
 */
export const rule: Rule = {
  id: "action/zeroing-review",
  severity: "error",
  scope: { files: "own" },
  dependsOn: ["people.yaml", "qms.yaml"],
  summary: "A quality problem's 归零 review is not the 军代表's, or reviews a 归零 not yet finished or dated before its evidence.",
  docs: {
    description:
      "In a repository that works to GJB 9001C (`standards` in `qms.yaml`), the 归零报告 of a quality problem (`actions/<id>.yaml`) is reviewed by the customer's representative, the 军代表 (`zeroing.reviewed_by`, `zeroing.reviewed`, written by `csr action zero <id> --reviewed-by <person> --reviewed <date>`). csr takes as 军代表 a person of `people.yaml` whose `department` is a military representative office (`qms.yaml` `external_parties` of `kind: military-representative`, the 军代表室), and `reviewed_by` names that person as every command reads a person: the id (what `csr action zero` writes), or, in a record written by hand, the name, the 工号 or 姓名(工号) (王建东, 王建东(1023)). The review is of a finished 归零: all ten criteria of the 双五条 evidenced (see `action/zeroing-incomplete`), and dated no earlier than the last dated evidence — the done dates of steps D4–D7 and the dates of the read-across checks (举一反三). Reported: a reviewer who is no one of `people.yaml` (a name that matches nobody), a name two people share (write the id or 工号), or one not of a 军代表室, a review while criteria lack evidence (naming them), a review dated before the last evidence (naming its step). `csr action zero` refuses the same, with `--amend` too. GJB 9001C-2017 10.2; the 质量问题归零 practice (QJ 3183, GJB 5711). Not reported in a repository that does not work to GJB 9001C.",
    bad: `
  report: GL-2026-01
  reviewed_by: wang
  reviewed: 2026-11-10
`,
    good: `
  report: GL-2026-01
  reviewed_by: 刘军代
  reviewed: 2026-11-25
`,
    fix: "Record the 军代表's review once the ten criteria are evidenced: `csr action zero <id> --reviewed-by <military representative> --reviewed <date> --amend`, the date no earlier than the last evidence.",
  },
  check(ctx) {
    if (!worksToGjb9001C(ctx.repo.config?.value)) return;
    for (const { value: action, file } of ctx.repo.actions) {
      for (const problem of zeroingReviewProblems(action, ctx.index)) {
        const key = problem.kind === "unknown-reviewer" || problem.kind === "namesake-reviewer" || problem.kind === "not-military" || action.zeroing?.reviewed === undefined ? "reviewed_by" : "reviewed";
        ctx.report({ file, path: ["zeroing", key] }, zeroingReviewText(problem, action.id, ctx.index));
      }
    }
  },
};
