import { clauseTitle, parseClauseRef } from "../../../model/catalog.js";
import { isWithin } from "../../../model/coverage.js";
import { language, list, t } from "../../../i18n/index.js";
import type { Rule } from "../../rule.js";

/**
 * An exclusion that the repository itself contradicts: a CSR decided must-meet, or a released
 * document or a process, names the excluded clause (or a clause under it). Under any standard
 * (ISO 9001 / GJB 9001C 4.3, IATF 16949 4.3.1) a requirement is not applicable only when it does not
 * affect the conformity of products and services: one the customer requires does.
 */
export const rule: Rule = {
  id: "clause/excluded-but-addressed",
  severity: "error",
  dependsOn: ["qms.yaml", "processes.yaml"],
  scope: {
    files: "all",
    reads: (f) =>
      f.kind === "csr"
        ? [f.data.id, f.data.clauses, f.data.review?.decision?.disposition ?? null, f.data.superseded ? true : false]
        : f.kind === "document"
          ? [f.data.id, f.data.status, f.data.clauses]
          : null,
  },
  summary: "A clause declared not applicable is named by a must-meet CSR (error) or by a released document or a process (warning).",
  docs: {
    description:
      "An entry of `exclusions` in `qms.yaml` declares a clause not applicable, and the repository says otherwise: a CSR decided *must meet* (`review.decision.disposition: must`, not superseded) names the clause or a clause under it, or a released document or a process of `processes.yaml` lists it in `clauses`. The clause matrix prints an excluded clause 不适用 and leaves out the documents that address it, while the CSR matrix shows the customer's requirement on that clause implemented in those documents: two registers of one company that contradict each other.\n\nUnder every standard a requirement may be determined not applicable only when this does not affect the conformity of products and services (ISO 9001:2015 and GJB 9001C-2017 4.3{{#IATF16949}}; IATF 16949 4.3.1 narrows it further to product design, see `clause/exclusion-not-permitted`{{/IATF16949}}). A requirement the customer has made binding does affect it, so a must-meet CSR on an excluded clause is an **error**: the exclusion is wrong, or the CSR names the wrong clause. A released document or process naming the clause is a **warning**: either the organisation does apply the clause (the exclusion is wrong) or the document's `clauses` is, and only the company can say which; a quality manual that lists the excluded clause only to state the exclusion is the common harmless case.",
    bad: `
exclusions:
  - {clause: "IATF16949:8.3", justification: 无产品设计责任}
# csr/DYA/DYA-001.yaml: clauses: [IATF16949:8.3.2.1], decided must
`,
    good: `
exclusions:
  - {clause: "IATF16949:8.3", justification: 无产品设计责任}
# csr/DYA/DYA-001.yaml: clauses: [IATF16949:8.5.1], decided must
`,
    fix: "If the organisation meets the clause, remove the entry from `exclusions` (the clause matrix then shows the documents that address it). If it truly does not apply, correct the CSR's clauses (`csr set <CSR-id> --remove-clause <clause>`) or the document's `clauses`.",
  },
  check(ctx) {
    const config = ctx.repo.config;
    if (!config) return;
    (config.value.exclusions ?? []).forEach((exclusion, i) => {
      const ref = parseClauseRef(exclusion.clause);
      if (!ref) return;
      const catalog = ctx.repo.catalogs.get(ref.standard);
      if (!catalog?.clauses.has(ref.clause)) return; // clause/unknown-standard, clause/unknown-clause
      const names = (clauses: readonly string[] | undefined) =>
        (clauses ?? []).some((text) => {
          const r = parseClauseRef(text);
          return r !== undefined && r.standard === ref.standard && isWithin(r.clause, ref.clause);
        });
      const csrs = ctx.repo.csrs.filter(({ value: c }) => c.review?.decision?.disposition === "must" && !c.superseded && names(c.clauses)).map((c) => c.value.id);
      const documents = ctx.repo.documents.filter(({ value: d }) => d.status === "released" && names(d.clauses)).map((d) => d.value.id);
      const processes = ctx.repo.processes.filter(({ value: p }) => names(p.clauses)).map((p) => p.value.code);
      if (csrs.length + documents.length + processes.length === 0) return;
      const title = clauseTitle(catalog.clauses.get(ref.clause)!, language());
      const values = {
        ref: exclusion.clause.trim(),
        clause: title ? `${exclusion.clause.trim()} ${title}` : exclusion.clause.trim(),
        csrs: list(csrs),
        addressing: list([...documents, ...processes]),
        firstCsr: csrs[0] ?? "",
      };
      const at = { file: config.file, path: ["exclusions", i, "clause"] };
      if (csrs.length > 0) ctx.report(at, t(documents.length + processes.length > 0 ? "rule.clause/excluded-but-addressed.csr-and-documents" : "rule.clause/excluded-but-addressed.csr", values));
      else ctx.report(at, t("rule.clause/excluded-but-addressed.documents", values), "warning");
    });
  },
};
