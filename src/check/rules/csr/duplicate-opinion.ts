import { t } from "../../../i18n/index.js";
import { departmentLabel } from "../../../model/labels.js";
import type { Rule } from "../../rule.js";

/**
 * One opinion per department and review round (会签): a second one of the same department makes it
 * unclear which counts. An opinion is replaced with 'csr review --amend', which keeps the earlier
 * one in the review history.
 */
export const rule: Rule = {
  id: "csr/duplicate-opinion",
  severity: "error",
  holdsForParts: true,
  scope: { files: "own" },
  summary: "A department has given two opinions on a CSR in one review round.",
  docs: {
    description:
      "A department with two opinions on one CSR in the same review round (`review.opinions`), usually two reviewers of one department recording at the same time, or a hand edit. It is unclear which opinion counts, and the decision stands on it.",
    bad: `
    - {department: QA, reviewer: zhang, opinion: accept, date: 2026-11-21}
    - {department: QA, reviewer: wang, opinion: reject, date: 2026-11-21}
`,
    good: `
    - {department: QA, reviewer: zhang, opinion: accept, date: 2026-11-21}
    - {department: MKT, reviewer: li, opinion: accept, date: 2026-11-22}
`,
    fix: "Keep one opinion per department; move the other under `review.history` (as `csr review --amend` does).",
  },
  check(ctx) {
    for (const { value: csr, file } of ctx.repo.csrs) {
      const seen = new Map<string, number>();
      csr.review?.opinions?.forEach((opinion, i) => {
        const first = seen.get(opinion.department);
        if (first === undefined) {
          seen.set(opinion.department, i);
          return;
        }
        ctx.report(
          { file, path: ["review", "opinions", i, "department"] },
          t("rule.csr/duplicate-opinion", { department: departmentLabel(ctx.index, opinion.department), csr: csr.id, first: first + 1 }),
        );
      });
    }
  },
};
