import { reviewProblems } from "../../../model/review-record.js";
import type { Person } from "../../../model/types.js";
import type { Rule } from "../../rule.js";

/** The review record is signed evidence; see model/review-record.ts for what makes it consistent. */
export const rule: Rule = {
  id: "csr/review-inconsistent",
  severity: "error",
  summary: "A CSR's review record does not hold together (who gave an opinion, dates, who decided).",
  check(ctx) {
    const config = ctx.repo.config?.value;
    const people = new Map<string, Person>([...ctx.index.people].map(([id, p]) => [id, p.value]));
    for (const { value: csr, file } of ctx.repo.csrs) {
      for (const problem of reviewProblems(csr, config, people, ctx.options.today)) ctx.report({ file, path: problem.path }, problem.message);
    }
  },
};
