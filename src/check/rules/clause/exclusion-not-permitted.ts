import { clauseTitle, parseClauseRef } from "../../../model/catalog.js";
import { isWithin } from "../../../model/coverage.js";
import { standardName } from "../../../model/citations.js";
import { language, list, t } from "../../../i18n/index.js";
import type { Rule } from "../../rule.js";

/**
 * IATF 16949 4.3.1: the only exclusion permitted is product design and development within ISO 9001
 * 8.3. The catalog says which clauses its standard lets an organisation exclude (`exclusions_permitted`);
 * ISO 9001 and GJB 9001C set no fixed list (4.3), so their exclusions are left to
 * clause/excluded-but-addressed.
 */
export const rule: Rule = {
  id: "clause/exclusion-not-permitted",
  severity: "error",
  scope: { files: "own" },
  dependsOn: ["qms.yaml"],
  summary: "qms.yaml declares a clause not applicable that the standard does not permit to be excluded (IATF 16949: anything outside 8.3).",
  docs: {
    description:
      "An entry of `exclusions` in `qms.yaml` names a clause outside those its standard permits to be excluded. {{#IATF16949}}IATF 16949 4.3.1 permits one exclusion only: the product design and development requirements of ISO 9001 8.3, and only when the organisation is not responsible for product design (the justification is kept as documented information; manufacturing process design stays in scope, 8.3.1.1). Every other clause applies to every certified site: excluding 7.1.5.3.1 (internal laboratory), 8.7.1.4 (rework) or 10.2.5 (warranty) is a nonconformity of the scope itself, and the clause matrix that prints it 不适用 hides the documents that address it. {{/IATF16949}}The permitted clauses are a property of the standard's catalog (`exclusions_permitted` in `standards/<ID>.yaml`: `[\"8.3\"]` for IATF 16949, with every clause under them). ISO 9001:2015 and GJB 9001C-2017 4.3 set no fixed list: a requirement may be determined not applicable when it cannot be applied and this does not affect the conformity of products and services or the enhancement of customer satisfaction, which csr cannot judge; their exclusions are checked only against what the repository itself says (`clause/excluded-but-addressed`).",
    bad: `
exclusions:
  - {clause: "IATF16949:8.7.1.4", justification: 不返工}
`,
    good: `
exclusions:
  - {clause: "IATF16949:8.3", justification: 无产品设计责任，图纸由顾客提供}
`,
    fix: "Remove the entry from `exclusions` and name the clause in the `clauses` of the process or released document that meets it. Only product design and development (8.3 and the clauses under it) may be excluded under IATF 16949, and only without design responsibility.",
  },
  check(ctx) {
    const config = ctx.repo.config;
    if (!config || !ctx.keeps(config.file)) return;
    (config.value.exclusions ?? []).forEach((exclusion, i) => {
      const ref = parseClauseRef(exclusion.clause);
      if (!ref) return; // the schema says what is wrong with it
      const { standard, clause: number } = ref;
      const catalog = ctx.repo.catalogs.get(standard);
      const permitted = catalog?.exclusionsPermitted;
      if (!catalog || !permitted || !catalog.clauses.has(number)) return;
      if (permitted.some((p) => isWithin(number, p))) return;
      const named = (n: string) => {
        const clause = catalog.clauses.get(n);
        const title = clause ? clauseTitle(clause, language()) : null;
        return title ? `${n} ${title}` : n;
      };
      ctx.report(
        { file: config.file, path: ["exclusions", i, "clause"] },
        t("rule.clause/exclusion-not-permitted", { ref: exclusion.clause.trim(), standard: catalog.title || standardName(standard), permitted: list(permitted.map(named)), clause: `${ref.standard}:${named(number)}` }),
      );
    });
  },
};
