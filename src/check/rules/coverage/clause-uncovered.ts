import { clauseTitle } from "../../../model/catalog.js";
import { clauseCoverage } from "../../../model/coverage.js";
import type { Rule } from "../../rule.js";
import { language, t } from "../../../i18n/index.js";

export const rule: Rule = {
  id: "coverage/clause-uncovered",
  severity: "warning",
  // An entry of processes.yaml left out for its own error may cover any clause.
  dependsOn: ["processes.yaml"],
  scope: { files: "all", reads: (f) => (f.kind === "document" ? [f.data.status === "released", f.data.clauses] : null) },
  summary: "An applicable clause of a standard in scope is addressed by no process and no released document.",
  docs: {
    description:
      "An applicable clause of a standard listed in `standards` of `qms.yaml` that nothing in the quality system addresses; the finding sits on that standard's entry in `qms.yaml`, one finding per clause. A certification audit walks the standard clause by clause and asks where the organisation meets each one; `csr matrix clauses` shows the same gaps as a table.\n\nA clause is *addressed directly* when a process in `processes.yaml` or a **released** document lists it in `clauses` (drafts, documents in review and obsolete ones do not count). It is *covered* when it is addressed directly, or when every one of its applicable sub-clauses is covered. A sub-clause whose parent is addressed but which nothing names itself (8.5 named, 8.5.1 not) is *inherited*: an auditor asks where 8.5.1 is met, so it is reported too, unless `qms.yaml` says that a parent covers its sub-clauses (`coverage: {inherit_from_parent: true}`). It is *not applicable* when it or a clause above it is listed under `exclusions` in `qms.yaml`.\n\nWhile nothing at all covers a standard's clauses (a new repository), the rule reports that once for the standard instead of once per clause.",
    bad: `
status: draft              # a draft does not count
clauses: [MINI:8.3.1]
`,
    good: `
status: released
clauses: [MINI:8.3, MINI:8.3.1]   # each sub-clause named, not only its parent
`,
    fix: "Add the clause to the `clauses` of the process or released document that meets it, or declare it not applicable under `exclusions` with a justification an auditor will accept (`- clause: IATF16949:8.3`, `justification: 无产品设计责任`).",
  },
  check(ctx) {
    const config = ctx.repo.config;
    if (!config) return;
    const processes = ctx.repo.processes.map((p) => p.value);
    const documents = ctx.repo.documents.map((d) => d.value);
    config.value.standards.forEach((standard, i) => {
      const catalog = ctx.repo.catalogs.get(standard);
      if (!catalog) return;
      const coverage = clauseCoverage(catalog, { processes, documents, exclusions: config.value.exclusions, inherit: config.value.coverage?.inherit_from_parent });
      const uncovered = coverage.entries.filter((e) => e.state === "uncovered" || (e.state === "inherited" && !coverage.inherit));
      // A new repository covers nothing yet; one finding says so instead of one per clause.
      if (uncovered.length > 0 && !coverage.entries.some((e) => e.state === "covered")) {
        ctx.report(
          { file: config.file, path: ["standards", i] },
          t("rule.coverage/clause-uncovered.none", { standard, count: uncovered.length }),
        );
        return;
      }
      const parents = new Set([...catalog.clauses.values()].map((c) => c.parent));
      for (const { clause, state } of uncovered) {
        const title = clauseTitle(clause, language());
        const ref = `${standard}:${clause.number}`;
        if (state === "inherited") {
          ctx.report({ file: config.file, path: ["standards", i] }, t("rule.coverage/clause-uncovered.inherited", { clause: title ? `${ref} ${title}` : ref, ref, number: clause.number }));
          continue;
        }
        ctx.report(
          { file: config.file, path: ["standards", i] },
          t(parents.has(clause.number) ? "rule.coverage/clause-uncovered.clause-and-subclauses" : "rule.coverage/clause-uncovered.clause", { clause: title ? `${ref} ${title}` : ref, ref }),
        );
      }
    });
  },
};
