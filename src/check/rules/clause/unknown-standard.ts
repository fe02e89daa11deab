import { didYouMean } from "../../../core/text.js";
import type { Rule } from "../../rule.js";
import { clauseOccurrences, occurrencePath } from "./refs.js";
import { list, sentences, t } from "../../../i18n/index.js";

export const rule: Rule = {
  id: "clause/unknown-standard",
  severity: "error",
  holdsForParts: true,
  scope: { files: "own" },
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
    for (const occurrence of clauseOccurrences(ctx.repo)) {
      const { text, ref, file } = occurrence;
      if (!ref || inScope.includes(ref.standard)) continue;
      const known = ctx.repo.catalogs.has(ref.standard);
      ctx.report(
        { file, path: occurrencePath(occurrence) },
        known
          ? t("rule.clause/unknown-standard.out-of-scope", { ref: text, standard: ref.standard, inScope: list(inScope) })
          : sentences(
              t("rule.clause/unknown-standard.unknown", { ref: text, standard: ref.standard }) + didYouMean(ref.standard, ctx.repo.catalogs.keys()),
              t("rule.clause/unknown-standard.known", { known: list([...ctx.repo.catalogs.keys()]), standard: ref.standard }),
            ),
      );
    }
  },
};
