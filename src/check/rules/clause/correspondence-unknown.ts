import type { Rule } from "../../rule.js";
import { didYouMean } from "../../../core/text.js";
import { list, t } from "../../../i18n/index.js";

/**
 * The correspondence of a new edition's catalog (`supersedes` in standards/<ID>.yaml) names an old
 * clause the replaced edition does not have, or a new clause its own catalog does not have: every
 * reference migrated through it would then point at nothing.
 */
export const rule: Rule = {
  id: "clause/correspondence-unknown",
  severity: "error",
  scope: { files: "own" },
  summary: "A new edition's clause correspondence names a clause, or a replaced catalog, that does not exist.",
  docs: {
    description:
      "In `standards/<ID>.yaml` of a new edition, `supersedes.standard` must name a catalog, each `correspondence[].from` a clause of that replaced edition, each `to` a clause of the new edition itself, and each entry give either `to` or `removed: true`. Otherwise `clause/superseded-edition` and `csr standard migrate` would send references to clauses that do not exist.",
    bad: `
  correspondence:
    - {from: "8.3.3.3", to: "8.3.3.9"}   # the new edition has no 8.3.3.9
`,
    good: `
  correspondence:
    - {from: "8.3.3.3", to: "8.3.3.4"}
`,
    fix: "Correct the number from the new edition's published correspondence table, or add the clause to the catalog's `clauses`.",
  },
  check(ctx) {
    const catalogs = ctx.repo.catalogs;
    for (const { value, file } of ctx.repo.catalogFiles) {
      const supersedes = value.supersedes;
      const successor = catalogs.get(value.id);
      if (!supersedes || !successor) continue;
      const old = catalogs.get(supersedes.standard);
      if (!old || supersedes.standard === value.id) {
        const known = [...catalogs.keys()].filter((id) => id !== value.id);
        ctx.report(
          { file, path: ["supersedes", "standard"] },
          t("rule.clause/correspondence-unknown.standard", { standard: supersedes.standard, known: list(known) }) + didYouMean(supersedes.standard, known),
        );
        continue;
      }
      (supersedes.correspondence ?? []).forEach((entry, i) => {
        const at = ["supersedes", "correspondence", i];
        const data = { old: old.title, new: successor.title, id: value.id };
        if (!old.clauses.has(entry.from)) ctx.report({ file, path: [...at, "from"] }, t("rule.clause/correspondence-unknown.from", { ...data, clause: entry.from }));
        if ((entry.to === undefined) === (entry.removed !== true)) {
          ctx.report({ file, path: at }, t("rule.clause/correspondence-unknown.to-or-removed", { ...data, clause: entry.from }));
          return;
        }
        const to = entry.to === undefined ? [] : typeof entry.to === "string" ? [entry.to] : entry.to;
        to.forEach((number, j) => {
          if (!successor.clauses.has(number))
            ctx.report({ file, path: typeof entry.to === "string" ? [...at, "to"] : [...at, "to", j] }, t("rule.clause/correspondence-unknown.to", { ...data, clause: number, from: entry.from }));
        });
      });
    }
  },
};
