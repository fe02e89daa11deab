import { reviewProblems } from "../../../model/review-record.js";
import type { Person } from "../../../model/types.js";
import type { Rule } from "../../rule.js";

/** The review record is signed evidence; see model/review-record.ts for what makes it consistent. */
export const rule: Rule = {
  id: "csr/review-inconsistent",
  severity: "error",
  scope: { files: "own" },
  summary: "A CSR's review record does not hold together (who gave an opinion, dates, who decided).",
  docs: {
    description:
      "A review record that does not hold together (current round only; earlier rounds are history): an opinion given for a department by a person of another department, unless that person is listed under `delegates` of the department in `qms.yaml`; an opinion or the decision dated before the review started (`received`, or `review.restarted`) or after today; a decision dated before the last opinion, unless it is marked `forced: true` (the countersigns it went without may follow it, see csr/forced-decision); a decision by a person without the `approver` role in `people.yaml`. `csr review` refuses to write any of these. The review report is signed evidence of the joint review (会签) that {{cite:requirements-review}} and the CSR procedure ask for; an auditor checks who signed for whom and when.",
    bad: `
received: 2026-11-16
review:
  required: [QA, MKT]
  opinions:
    - {department: QA, reviewer: zhang, opinion: accept, date: 2026-11-13}
    - {department: MKT, reviewer: zhang, opinion: accept, date: 2026-11-30}
`,
    good: `
  - code: MKT
    name: 市场部
    delegates: [zhang]
`,
    fix: "Correct the date or the person, name the delegate in `qms.yaml`, or have an approver decide.",
  },
  check(ctx) {
    const config = ctx.repo.config?.value;
    const people = new Map<string, Person>([...ctx.index.people].map(([id, p]) => [id, p.value]));
    for (const { value: csr, file } of ctx.repo.csrs) {
      for (const problem of reviewProblems(csr, config, people, ctx.options.today)) ctx.report({ file, path: problem.path }, problem.message);
    }
  },
};
