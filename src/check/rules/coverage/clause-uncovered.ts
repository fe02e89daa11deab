import { clauseTitle, successorOf, type Clause } from "../../../model/catalog.js";
import { clauseCoverage, type ClauseCoverageEntry } from "../../../model/coverage.js";
import type { Rule } from "../../rule.js";
import { language, list, sentences, t } from "../../../i18n/index.js";

export const rule: Rule = {
  id: "coverage/clause-uncovered",
  severity: "warning",
  // An entry of processes.yaml left out for its own error may cover any clause.
  dependsOn: ["processes.yaml"],
  scope: { files: "all", reads: (f) => (f.kind === "document" ? [f.data.status === "released", f.data.clauses] : null) },
  summary: "An applicable clause of a standard in scope is addressed by no process and no released document.",
  docs: {
    description:
      "An applicable clause of a standard listed in `standards` of `qms.yaml` that nothing in the quality system addresses; the finding sits on that standard's entry in `qms.yaml`. A certification audit walks the standard clause by clause and asks where the organisation meets each one; `csr matrix clauses` shows the same gaps as a table.\n\nA clause is *addressed directly* when a process in `processes.yaml` or a **released** document lists it in `clauses` (drafts, documents in review and obsolete ones do not count). It is *covered* when it is addressed directly, or when every one of its applicable sub-clauses is covered. A sub-clause whose parent is addressed but which nothing names itself (8.5 named, 8.5.1 not) is *inherited*: an auditor asks where 8.5.1 is met, so it is reported too, unless `qms.yaml` says that a parent covers its sub-clauses (`coverage: {inherit_from_parent: true}`). It is *not applicable* when it or a clause above it is listed under `exclusions` in `qms.yaml`. An untitled paragraph of ISO 9001 (8.7.1, 10.2.1: a number with no heading and nothing under it) is part of the titled clause above it: naming that clause covers it; it is counted as every numbered clause is, and reported with the clause it belongs to when that is uncovered (8.7 and its 2 sub-clauses).\n\nOne cause, one finding: where nothing covers a clause or any clause under it, only that clause is reported, with the number of clauses under it (8.3 and its 6 sub-clauses, not seven findings); a heading that is uncovered only because some of its sub-clauses are is not reported itself, since covering them covers it. Each inherited clause is reported on its own. When that makes more than 20 findings for a standard, one finding lists the uncovered clauses and the inherited ones instead, and `csr matrix clauses --standard <id>` shows each clause's coverage; while nothing at all covers a standard's clauses (a new repository), one finding says so. While a new edition that supersedes a standard is in scope too (a transition, see `clause/superseded-edition`), only the new edition's coverage is reported.",
    bad: `
status: draft              # a draft does not count
clauses: [MINI:8.3.1]
`,
    good: `
status: released
clauses: [MINI:8.3, MINI:8.3.1]   # each sub-clause named, not only its parent
`,
    fix: "Add the clause to the `clauses` of the process or released document that meets it, or declare it not applicable under `exclusions` with a justification an auditor will accept (`- clause: {{standard}}:8.3`, `justification: 无产品设计责任`).",
  },
  check(ctx) {
    const config = ctx.repo.config;
    // Its findings are all in qms.yaml.
    if (!config || !ctx.keeps(config.file)) return;
    const processes = ctx.repo.processes.map((p) => p.value);
    const documents = ctx.repo.documents.map((d) => d.value);
    config.value.standards.forEach((standard, i) => {
      const catalog = ctx.repo.catalogs.get(standard);
      if (!catalog) return;
      // During a transition the references move to the new edition: the old one's gaps would only echo clause/superseded-edition.
      const successor = successorOf(ctx.repo.catalogs, standard);
      if (successor && config.value.standards.includes(successor.id)) return;
      const at = { file: config.file, path: ["standards", i] };
      const coverage = clauseCoverage(catalog, { processes, documents, exclusions: config.value.exclusions, inherit: config.value.coverage?.inherit_from_parent });
      const uncovered = coverage.entries.filter((e) => e.state === "uncovered" || (e.state === "inherited" && !coverage.inherit));
      // A new repository covers nothing yet; one finding says so instead of one per clause.
      if (uncovered.length > 0 && !coverage.entries.some((e) => e.state === "covered")) {
        ctx.report(at, t("rule.coverage/clause-uncovered.none", { standard, count: uncovered.length }));
        return;
      }
      const gaps = coverageGaps(coverage.entries, coverage.inherit);
      const ref = (clause: Clause) => `${standard}:${clause.number}`;
      const named = (clause: Clause) => {
        const title = clauseTitle(clause, language());
        return title ? `${ref(clause)} ${title}` : ref(clause);
      };
      if (gaps.length > SUMMARY_ABOVE) {
        const roots = gaps.filter((g) => g.kind === "uncovered").map((g) => g.clause.number);
        const inherited = gaps.filter((g) => g.kind === "inherited").map((g) => g.clause.number);
        ctx.report(
          at,
          sentences(
            t("rule.coverage/clause-uncovered.many", { standard, count: uncovered.length, applicable: coverage.applicable }),
            roots.length > 0 && t("rule.coverage/clause-uncovered.many.uncovered", { clauses: list(roots) }),
            inherited.length > 0 && t("rule.coverage/clause-uncovered.many.inherited", { clauses: list(inherited) }),
            t("rule.coverage/clause-uncovered.many.fix"),
          ),
        );
        return;
      }
      for (const gap of gaps) {
        const { clause } = gap;
        if (gap.kind === "inherited") ctx.report(at, t("rule.coverage/clause-uncovered.inherited", { clause: named(clause), ref: ref(clause), number: clause.number }));
        else if (gap.below > 0) ctx.report(at, t("rule.coverage/clause-uncovered.clause-and-subclauses", { clause: named(clause), ref: ref(clause), standard, count: gap.below }));
        else ctx.report(at, t("rule.coverage/clause-uncovered.clause", { clause: named(clause), ref: ref(clause) }));
      }
    });
  },
};

/** Above this many findings for one standard, one finding lists the gaps instead (the clause matrix shows each). */
const SUMMARY_ABOVE = 20;

/** A clause a finding names. */
interface CoverageGap {
  clause: Clause;
  kind: "uncovered" | "inherited";
  /** How many uncovered clauses lie under an uncovered one. */
  below: number;
}

/**
 * What the findings report, in catalog order: each inherited clause (unless a parent covers its
 * sub-clauses, `inherit`), and of the clauses that nothing covers only the highest of each subtree
 * in which nothing at all is covered. A parent that is uncovered because some of its sub-clauses
 * are is no gap of its own: covering those sub-clauses covers it (model/coverage.ts).
 */
function coverageGaps(entries: readonly ClauseCoverageEntry[], inherit: boolean): CoverageGap[] {
  const state = new Map(entries.map((e) => [e.clause.number, e.state]));
  // Uncovered clauses in subtrees with nothing covered, and the count of such clauses under each.
  const whole = new Map<string, number>();
  const children = new Map<string, string[]>();
  for (const { clause } of entries) {
    if (clause.parent === null) continue;
    children.set(clause.parent, [...(children.get(clause.parent) ?? []), clause.number]);
  }
  // Children come after their parent in catalog order, so walking backwards sees them first.
  for (const { clause, state: s } of [...entries].reverse()) {
    if (s !== "uncovered") continue;
    const applicable = (children.get(clause.number) ?? []).filter((c) => state.get(c) !== "excluded");
    if (applicable.every((c) => whole.has(c))) whole.set(clause.number, applicable.reduce((n, c) => n + 1 + whole.get(c)!, 0));
  }
  return entries.flatMap(({ clause, state: s }): CoverageGap[] => {
    if (s === "inherited") return inherit ? [] : [{ clause, kind: "inherited", below: 0 }];
    const below = whole.get(clause.number);
    if (below === undefined || (clause.parent !== null && whole.has(clause.parent))) return [];
    return [{ clause, kind: "uncovered", below }];
  });
}
