import type { Rule } from "../../rule.js";
import { clauseOccurrences, occurrencePath } from "./refs.js";
import { sentences, t } from "../../../i18n/index.js";

export const rule: Rule = {
  id: "clause/unknown-clause",
  severity: "error",
  holdsForParts: true,
  scope: { files: "own" },
  summary: "A clause reference names a clause number that the standard's catalog does not have.",
  docs: {
    description:
      "The standard's catalog has no such clause number; the message names the nearest existing parent clause. The GJB 9001C catalog is provisional: if your copy of the standard has a clause the catalog lacks, add it in `standards/GJB9001C.yaml` of your repository (`id`, `title`, `clauses: [{number, title}]`).",
    bad: `
clauses: [IATF16949:4.3.2, IATF16949:7.5.1.9]   # 7.5.1.9 does not exist
`,
    good: `
clauses: [IATF16949:4.3.2, IATF16949:7.5.1.1]
`,
    fix: "Correct the clause number, or add the clause to your repository's catalog.",
  },
  check(ctx) {
    for (const occurrence of clauseOccurrences(ctx.repo)) {
      const { ref, file } = occurrence;
      const catalog = ref && ctx.repo.catalogs.get(ref.standard);
      if (!ref || !catalog || catalog.clauses.has(ref.clause)) continue;
      const parts = ref.clause.split(".");
      let nearest: string | undefined;
      while (parts.length > 1 && !nearest) {
        parts.pop();
        if (catalog.clauses.has(parts.join("."))) nearest = parts.join(".");
      }
      ctx.report(
        { file, path: occurrencePath(occurrence) },
        sentences(
          t("rule.clause/unknown-clause.message", { standard: catalog.title, clause: ref.clause }),
          nearest && t("rule.clause/unknown-clause.nearest", { clause: `${ref.standard}:${nearest}` }),
          catalog.provisional && t("rule.clause/unknown-clause.provisional", { standard: catalog.title, id: catalog.id }),
          t("rule.clause/unknown-clause.fix"),
        ),
      );
    }
  },
};
