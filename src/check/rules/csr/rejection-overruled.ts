import { departmentLabel } from "../../../model/labels.js";
import { overruledOpinions } from "../../../model/csr-status.js";
import type { Rule } from "../../rule.js";
import { list, t } from "../../../i18n/index.js";

/**
 * A decision to meet a requirement over a department's 不同意 must say how the objection was
 * resolved: in a joint review (会签, the contract-review pattern of IATF 16949 8.2.3 that the CSR
 * procedure follows) an auditor asks why a department's rejection did not stop the requirement,
 * and a decision without a word on it reads as the objection ignored (IATF 16949 4.3.2).
 */
export const rule: Rule = {
  id: "csr/rejection-overruled",
  severity: "warning",
  scope: { files: "own" },
  summary: "A CSR was decided must or optional over a department's reject opinion, and the decision gives no justification.",
  docs: {
    description:
      "A CSR whose decision is `must` or `optional` while an opinion of the same round is `reject` (不同意), and the decision has no `justification`. The decision may well be right (the objection answered, an action agreed with the department), but the record does not say so: an auditor reads a requirement accepted over a department's written objection, with nothing on how it was resolved. `csr review` asks for the justification when it records such a decision (`--justification`). Superseded CSRs and earlier rounds (`review.history`) are not reported.",
    bad: `
  opinions:
    - {department: QA, reviewer: zhang, opinion: accept, date: 2026-11-12}
    - {department: MKT, reviewer: li, opinion: reject, date: 2026-11-12, comment: 顾客未同意承担熏蒸费用}
  decision: {disposition: must, by: wang, date: 2026-11-16}   # no word on MKT's objection
`,
    good: `
  opinions:
    - {department: QA, reviewer: zhang, opinion: accept, date: 2026-11-12}
    - {department: MKT, reviewer: li, opinion: reject, date: 2026-11-12, comment: 顾客未同意承担熏蒸费用}
  decision: {disposition: must, justification: 经与市场部确认，熏蒸费用已在2026-11-15报价中由顾客承担, by: wang, date: 2026-11-16}
`,
    fix: "Record how the objection was resolved as the decision's `justification` (`csr review <id> --amend --disposition must --justification <text> --by <approver>` records the decision again and keeps the earlier one in the review history), or, if the department now agrees, record its new opinion with `csr review <id> --department <code> --opinion accept --amend`.",
  },
  check(ctx) {
    for (const { value: csr, file } of ctx.repo.csrs) {
      const decision = csr.review?.decision;
      if (csr.superseded || !decision || decision.justification?.trim()) continue;
      const overruled = overruledOpinions(csr);
      if (overruled.length === 0) continue;
      ctx.report(
        { file, path: ["review", "decision"] },
        t("rule.csr/rejection-overruled", {
          csr: csr.id,
          disposition: t(`value.disposition.${decision.disposition}`),
          date: decision.date,
          code: decision.disposition,
          by: decision.by,
          departments: list(overruled.map((o) => departmentLabel(ctx.index, o.department))),
        }),
      );
    }
  },
};
