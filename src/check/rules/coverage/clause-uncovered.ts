import { clauseTitle } from "../../../model/catalog.js";
import { clauseCoverage } from "../../../model/coverage.js";
import type { Rule } from "../../rule.js";

export const rule: Rule = {
  id: "coverage/clause-uncovered",
  severity: "warning",
  summary: "An applicable clause of a standard in scope is addressed by no process and no released document.",
  check(ctx) {
    const config = ctx.repo.config;
    if (!config) return;
    const processes = ctx.repo.processes.map((p) => p.value);
    const documents = ctx.repo.documents.map((d) => d.value);
    config.value.standards.forEach((standard, i) => {
      const catalog = ctx.repo.catalogs.get(standard);
      if (!catalog) return;
      const coverage = clauseCoverage(catalog, { processes, documents, exclusions: config.value.exclusions });
      const parents = new Set([...catalog.clauses.values()].map((c) => c.parent));
      for (const { clause, state } of coverage.entries) {
        if (state !== "uncovered") continue;
        const title = clauseTitle(clause, "zh-CN");
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
