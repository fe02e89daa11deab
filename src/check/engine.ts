/** Runs the rules over a loaded repository and turns their reports into positioned findings. */
import { compareFindings, reportedAt, type Finding, type Severity } from "../core/diagnostic.js";
import type { Repository } from "../load/repository.js";
import { DUPLICATE_KEY, readWithFirstValues } from "../load/silent.js";
import { locate, type LoadProblem, type SourceFile } from "../load/source.js";
import { language, t } from "../i18n/index.js";
import { classificationName, textClassification, withheldLevel } from "../model/classification.js";
import { buildIndex, type RepoIndex } from "../model/index.js";
import { rules as registeredRules, rulesById } from "./registry.js";
import type { CheckOptions, Foundation, Rule, RuleContext } from "./rule.js";

export interface CheckOutcome {
  /** The problems of a broken qms.yaml, people.yaml or processes.yaml first, then the rest by file and position. */
  findings: Finding[];
  /**
   * Findings not shown because they may only follow from a problem of the file marked `heldBackBy`:
   * a broken foundation, or the file of an entity kept in part after a schema error.
   */
  held: Finding[];
}

const FOUNDATIONS: readonly Foundation[] = ["qms.yaml", "people.yaml", "processes.yaml"];

/**
 * The rules of the loader whose message quotes the file's text (the line with the slip, the value a comment cut
 * short), and the message each says instead when the file is marked 秘密 or above: where, and what to look for,
 * not the text (CI logs and annotations are read outside the repository's access control; tester57 E2).
 */
const QUOTING: Partial<Record<string, "load.syntax.withheld" | "load.comment-cuts-value.withheld">> = {
  "yaml/syntax": "load.syntax.withheld",
  "yaml/comment-cuts-value": "load.comment-cuts-value.withheld",
};

function withheldMessage(repo: Repository, path: string, problem: LoadProblem): string {
  const key = QUOTING[problem.rule];
  if (key === undefined) return problem.message;
  const file = repo.files.find((f) => f.path === path);
  const classification = file ? withheldLevel(textClassification(repo, path, file.text)) : "";
  return classification === "" ? problem.message : t(key, { classification: classificationName(language(), classification), line: problem.line, column: problem.column });
}

/**
 * The severity of a rule's findings under qms.yaml's `rules:` (error, warning or off by id), undefined
 * when off; an id no rule has (the loader's problems) defaults to error. A rule split off another
 * (Rule.splitFrom) that `rules:` does not name follows the older id's setting, never above its own
 * severity: `csr/review-overdue: off` still turns off the warnings csr/review-due-soon took over.
 */
export function configuredSeverity(id: string, overrides: Readonly<Record<string, Severity | "off">>): Severity | undefined {
  const rule = rulesById.get(id);
  const own = rule?.severity ?? "error";
  const setting = overrides[id] ?? (rule?.splitFrom !== undefined ? capped(overrides[rule.splitFrom], own) : undefined);
  return setting === "off" ? undefined : (setting ?? own);
}

/** `setting` capped at `cap`: a warning-only rule stays a warning when the id it was split from is set to error. */
function capped(setting: Severity | "off" | undefined, cap: Severity): Severity | "off" | undefined {
  return setting === "error" ? cap : setting;
}

export function runCheck(repo: Repository, options: CheckOptions, rules: readonly Rule[] = registeredRules): Finding[] {
  return checkRepository(repo, options, rules).findings;
}

export function checkRepository(repo: Repository, options: CheckOptions, rules: readonly Rule[] = registeredRules): CheckOutcome {
  const overrides = repo.config?.value.rules ?? {};
  const severityOf = (id: string) => configuredSeverity(id, overrides);
  const findings: Finding[] = [];
  for (const { path, problem } of repo.problems) {
    const severity = severityOf(problem.rule);
    if (severity) findings.push({ rule: problem.rule, severity, file: path, line: problem.line, column: problem.column, message: withheldMessage(repo, path, problem) });
  }
  // A typo in qms.yaml or people.yaml leaves its departments, standards or people unknown, and every
  // reference to them would be reported; the typo itself is the one finding worth reading.
  const broken = brokenFoundations(repo);
  const held: Finding[] = [];
  const ruleIds = new Set(rulesById.keys());
  const run = (view: Repository, ruleList: readonly Rule[], keep: (finding: Finding, rule: Rule, cause: Foundation | undefined) => void, keeps: (file: SourceFile) => boolean, index = buildIndex(view)) => {
    for (const rule of ruleList) {
      const severity = severityOf(rule.id);
      if (!rule.check || !severity) continue;
      // A lowered report stays a warning, unless the rule's warnings are only its default and qms.yaml sets it to error.
      const lowered: Severity = rule.warningsFollowSetting && overrides[rule.id] === "error" ? "error" : "warning";
      const ctx: RuleContext = {
        repo: view,
        index,
        options,
        ruleIds,
        keeps,
        report(at, message, requested, dependsOn = rule.dependsOn) {
          const cause = dependsOn?.find((f) => broken.includes(f));
          const [line, column] = locate(at.file, at.path, at.key, at.quote, at.quoteAt);
          const finding: Finding = cause
            ? { rule: rule.id, severity: requested === "warning" ? lowered : severity, file: at.file.path, line, column, message, heldBackBy: cause }
            : { rule: rule.id, severity: requested === "warning" ? lowered : severity, file: at.file.path, line, column, message };
          reportedAt.set(finding, { path: [...at.path], ...(at.key ? { key: true } : {}), ...(at.quote !== undefined ? { quote: at.quote } : {}), ...(at.quoteAt ? { quoteAt: at.quoteAt } : {}) });
          keep(finding, rule, cause);
        },
      };
      rule.check(ctx);
    }
    return index;
  };
  const index = run(repo, rules, (finding, _rule, cause) => (cause ? held : findings).push(finding), () => true);
  // The entities kept in part after a schema error are checked apart, so that the other files'
  // findings stay what they are without them; only their own files' findings are taken from it.
  const { partial } = repo;
  const kept = [...partial.csrs, ...partial.documents, ...partial.customers];
  if (kept.length > 0) {
    const files = new Set(kept.map((k) => k.file.path));
    // An entity kept whole (a key written twice, read with its first value) lacks no part a finding could follow from.
    const cut = new Set(kept.filter((k) => k.file.problems.some((p) => p.rule.startsWith("schema/"))).map((k) => k.file.path));
    const keeps = (file: SourceFile) => files.has(file.path);
    const keepParts = (finding: Finding, rule: Rule, cause: Foundation | undefined) => {
      if (!files.has(finding.file)) return;
      if (!cause && !rule.holdsForParts && cut.has(finding.file)) finding.heldBackBy = finding.file;
      (finding.heldBackBy === undefined ? findings : held).push(finding);
    };
    const view: Repository = { ...repo, csrs: [...repo.csrs, ...partial.csrs], documents: [...repo.documents, ...partial.documents], customers: [...repo.customers, ...partial.customers] };
    if (partsHaveTheirOwnIds(index, partial)) {
      // An `own` rule's findings in a file follow from that file and the foundations alone, given that
      // the file's ids are unique (rule.ts RuleScope): such rules run over the entities kept in part
      // alone, not over the whole repository again (a check of 10,000 entities with one such entity
      // ran every rule twice over all of them).
      run({ ...repo, csrs: partial.csrs, documents: partial.documents, customers: partial.customers }, rules.filter(isOwn), keepParts, keeps);
      // The view's index is the first run's with the entities kept in part added after the others, as
      // buildIndex would make it (their ids are new): not built again over every entity.
      run(view, rules.filter((rule) => !isOwn(rule)), keepParts, keeps, withParts(index, partial));
    } else run(view, rules, keepParts, keeps);
  }
  return { findings: orderFindings(findings, foundationsWithProblems(repo)), held };
}

function isOwn(rule: Rule): boolean {
  return rule.scope?.files === "own";
}

/**
 * Whether every entity kept in part has an id (a customer, its code) that no other CSR, document or
 * customer of the repository has: what the `own` rules count on. `index`: the repository's, without them.
 */
function partsHaveTheirOwnIds(index: RepoIndex, partial: Repository["partial"]): boolean {
  const unique = <T>(whole: ReadonlyMap<string, unknown>, parts: readonly { value: T }[], id: (value: T) => unknown): boolean => {
    const ids = new Set<unknown>();
    for (const { value } of parts) {
      const own = id(value);
      if (typeof own !== "string" || whole.has(own) || ids.has(own)) return false;
      ids.add(own);
    }
    return true;
  };
  return (
    unique(index.csrs, partial.csrs, (c) => (c as { id?: unknown }).id) &&
    unique(index.documents, partial.documents, (d) => (d as { id?: unknown }).id) &&
    unique(index.customers, partial.customers, (c) => (c as { code?: unknown }).code)
  );
}

/**
 * The index of the repository with the entities kept in part, from the repository's own (which it
 * changes: a check is done with it), when partsHaveTheirOwnIds: what buildIndex makes of it, the
 * same entries in the same order.
 */
function withParts(index: RepoIndex, partial: Repository["partial"]): RepoIndex {
  for (const item of partial.csrs) index.csrs.set(item.value.id, item);
  for (const item of partial.documents) index.documents.set(item.value.id, item);
  for (const item of partial.customers) index.customers.set(item.value.code, item);
  return index;
}

/** The findings of the foundations with problems first (the root causes), then the rest by file and position. */
export function orderFindings(findings: Finding[], broken: readonly string[]): Finding[] {
  const rootFirst = (f: Finding) => (broken.includes(f.file) ? 0 : 1);
  return findings.sort((a, b) => rootFirst(a) - rootFirst(b) || compareFindings(a, b));
}

/** The foundations (qms.yaml, people.yaml, processes.yaml) that have problems of their own: their findings come first. */
export function foundationsWithProblems(repo: Repository): Foundation[] {
  return FOUNDATIONS.filter((f) => repo.problems.some((p) => p.path === f));
}

/**
 * The foundations with problems of their own whose findings elsewhere are held back, but for one read with the first
 * values of its keys written twice (load/silent.ts readWithFirstValues): what needs it follows from what it says.
 */
export function brokenFoundations(repo: Repository): Foundation[] {
  return foundationsWithProblems(repo).filter((f) => {
    const own = repo.problems.filter((p) => p.path === f).map((p) => p.problem);
    const read = readWithFirstValues(f, own);
    return own.some((p) => !(read && p.rule === DUPLICATE_KEY));
  });
}
