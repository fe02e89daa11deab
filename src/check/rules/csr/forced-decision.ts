import { missingOpinions } from "../../../model/csr-status.js";
import { departmentLabel } from "../../../model/labels.js";
import type { Rule } from "../../rule.js";
import { list, t } from "../../../i18n/index.js";

/**
 * A decision forced without every countersign (`csr review --force`) is a recorded exception, not
 * a joint review: it stays visible until the missing departments have given their opinions
 * (IATF 16949 4.3.2: each department concerned confirms it can meet the requirement).
 */
export const rule: Rule = {
  id: "csr/forced-decision",
  severity: "warning",
  scope: { files: "own" },
  summary: "A CSR's decision was forced without the countersign of some required departments, and their opinions are still missing.",
  dependsOn: ["qms.yaml"],
  docs: {
    description:
      "A CSR whose decision is marked `forced: true` (what `csr review --force` writes) while a department whose opinion is required (`review.required` of the CSR, or else `csr.reviewers` in `qms.yaml`) has still not given it. The decision stands, but the review was not the joint one (会签) the CSR procedure asks for: an auditor reads it as a decision taken for the departments, not with them. The review-timeliness register (`csr list reviews`) marks the round as forced. A review that names its signed paper record (`review.record`) and superseded CSRs are not reported; earlier rounds, kept in `review.history`, cannot be completed and are not reported either.",
    bad: `
  opinions:
    - {department: QA, reviewer: zhang, opinion: accept, date: 2026-11-12}
  decision: {disposition: not-applicable, justification: 本公司产品不出口, by: wang, date: 2026-11-16, forced: true}   # MKT has not countersigned
`,
    good: `
  opinions:
    - {department: QA, reviewer: zhang, opinion: accept, date: 2026-11-12}
    - {department: MKT, reviewer: li, opinion: accept, date: 2026-11-18}
  decision: {disposition: not-applicable, justification: 本公司产品不出口, by: wang, date: 2026-11-16, forced: true}
`,
    fix: "Have the missing departments countersign: `csr review <id> --department <code> --reviewer <person> --opinion ...` records each opinion beside the forced decision, and the finding goes away. If they signed a paper review record, record it with `csr review <id> --record <number>` (`review.record`).",
  },
  check(ctx) {
    const config = ctx.repo.config?.value;
    for (const { value: csr, file } of ctx.repo.csrs) {
      const decision = csr.review?.decision;
      if (csr.superseded || !decision?.forced || csr.review?.record) continue;
      const missing = missingOpinions(csr, config);
      if (missing.length === 0) continue;
      ctx.report(
        { file, path: ["review", "decision", "forced"] },
        // Departments by the names the organisation calls them (品质部), as in qms.yaml; the command
        // to type keeps the code.
        t("rule.csr/forced-decision", { csr: csr.id, date: decision.date, count: missing.length, departments: list(missing.map((d) => departmentLabel(ctx.index, d))), department: missing[0]! }),
      );
    }
  },
};
