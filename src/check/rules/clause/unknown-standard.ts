import { didYouMean } from "../../../core/text.js";
import { parseClauseRef } from "../../../model/catalog.js";
import type { Rule } from "../../rule.js";
import { clauseOccurrences } from "./refs.js";

export const rule: Rule = {
  id: "clause/unknown-standard",
  severity: "error",
  summary: "A clause reference names a standard that is not in scope or has no catalog.",
  dependsOn: ["qms.yaml"],
  docs: {
    description:
      "A clause reference (`IATF16949:8.3.3.3`) names a standard that is not listed under `standards` in qms.yaml, or for which there is no catalog.",
    bad: `
clauses: [IATF1694:4.3.2, ISO9001:7.5.1]   # a typo, and a standard not in scope
`,
    good: `
clauses: [IATF16949:4.3.2, IATF16949:7.5.1.1]
`,
    fix: "Correct the standard's id (`IATF16949`, `ISO9001`, `GJB9001C`), add it to `standards`, or add your own catalog as `standards/<ID>.yaml`.",
  },
  check(ctx) {
    const inScope = ctx.repo.config?.value.standards ?? [];
    for (const { text, file, path } of clauseOccurrences(ctx.repo)) {
      const ref = parseClauseRef(text);
      if (!ref || inScope.includes(ref.standard)) continue;
      const known = ctx.repo.catalogs.has(ref.standard);
      ctx.report(
        { file, path },
        known
          ? `'${text}' refers to ${ref.standard}, which is not in scope. Add ${ref.standard} to 'standards' in qms.yaml or refer to a standard in scope (${inScope.join(", ")}).`
          : `'${text}' refers to an unknown standard '${ref.standard}'.${didYouMean(ref.standard, ctx.repo.catalogs.keys())} Known catalogs: ${[...ctx.repo.catalogs.keys()].join(", ")}; add your own in standards/${ref.standard}.yaml.`,
      );
    }
  },
};
