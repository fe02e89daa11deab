import { didYouMean } from "../../../core/text.js";
import { parseClauseRef } from "../../../model/catalog.js";
import type { Rule } from "../../rule.js";
import { clauseOccurrences } from "./refs.js";

export const rule: Rule = {
  id: "clause/unknown-standard",
  severity: "error",
  summary: "A clause reference names a standard that is not in scope or has no catalog.",
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
