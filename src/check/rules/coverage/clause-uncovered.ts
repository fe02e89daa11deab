import { clauseTitle } from "../../../model/catalog.js";
import { clauseCoverage } from "../../../model/coverage.js";
import type { Rule } from "../../rule.js";

export const rule: Rule = {
  id: "coverage/clause-uncovered",
  severity: "warning",
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
          `None of the ${uncovered.length} applicable clauses of ${standard} is addressed yet by a process or a released document. ` +
            `List the clauses each process (processes.yaml) and released document meets under 'clauses'; 'csr matrix clauses --standard ${standard}' shows what is covered.`,
        );
        return;
      }
      const parents = new Set([...catalog.clauses.values()].map((c) => c.parent));
      for (const { clause, state } of uncovered) {
        const title = clauseTitle(clause, "zh-CN");
        if (state === "inherited") {
          ctx.report(
            { file: config.file, path: ["standards", i] },
            `${standard}:${clause.number}${title ? ` ${title}` : ""} is covered only through its parent clause: the processes and documents name a clause above it, not ${clause.number} itself. ` +
              `Add '${standard}:${clause.number}' to the clauses of the process or released document that meets it, or set 'coverage: {inherit_from_parent: true}' in qms.yaml if a parent clause covers its sub-clauses.`,
          );
          continue;
        }
        const subClauses = parents.has(clause.number) ? " (nor are all of its sub-clauses covered)" : "";
        ctx.report(
          { file: config.file, path: ["standards", i] },
          `${standard}:${clause.number}${title ? ` ${title}` : ""} is addressed by no process and no released document${subClauses}. ` +
            `Add '${standard}:${clause.number}' to the clauses of the process or released document that covers it, ` +
            `or declare it not applicable under 'exclusions' in qms.yaml with a justification.`,
        );
      }
    });
  },
};
