/**
 * A repeated check with a few CSRs, documents or customers changed: the last check's findings,
 * with those that the change can affect computed again by each rule's scope (rule.ts RuleScope):
 * the `own` rules on the changed files alone; a cross-file rule not at all when what it reads of
 * the changed files is the same as before, else over the whole repository (read from the check
 * cache, not parsed), that rule alone. The result is the findings a whole check would give; when
 * that cannot be shown from the scopes, `recheck` gives up and the whole check runs.
 */
import { reportedAt, type Finding } from "../core/diagnostic.js";
import type { Rerun } from "../load/cache.js";
import type { Repository } from "../load/repository.js";
import { isBlocking } from "../load/silent.js";
import { locate, type SourceFile } from "../load/source.js";
import { checkRepository, configuredSeverity, foundationsWithProblems, orderFindings } from "./engine.js";
import { rules as registeredRules } from "./registry.js";
import type { ChangedFile, CheckOptions, Rule, RuleScope } from "./rule.js";

/** A rule that declares no scope is taken to read everything of every file. */
const EVERYTHING: RuleScope = { files: "all", reads: (f) => f.data };

/**
 * The id/duplicate rule is what tells that a changed file's ids are unique, which the `own` rules
 * rely on: while it is off, nothing is known of duplicates, and only a whole check is exact.
 */
const DUPLICATES = "id/duplicate";

/**
 * The findings of a whole check without `--base` for `options`, or undefined when only a whole check can tell.
 * `wholeOptions`: what the rules run again over the whole repository read besides it (the version in force of
 * the documents being revised, from git: load/base.ts revisedInForce), asked only when a rule is.
 */
export async function recheck(
  change: Rerun,
  options: CheckOptions,
  rules: readonly Rule[] = registeredRules,
  wholeOptions?: (whole: Repository) => Promise<Partial<CheckOptions>>,
): Promise<Finding[] | undefined> {
  const { previous, changed, partial } = change;
  const overrides = partial.config?.value.rules ?? {};
  const enabled = rules.filter((r) => r.check && configuredSeverity(r.id, overrides) !== undefined);
  if (!enabled.some((r) => r.id === DUPLICATES)) return undefined;
  const pairs: [ChangedFile, ChangedFile][] = [];
  for (const { before, after } of changed) {
    const then = asChanged(before);
    const now = asChanged(after);
    // A file that fails validation now or did before is absent from one of the two models.
    if (!then || !now) return undefined;
    pairs.push([then, now]);
  }
  const paths = new Set(changed.map((c) => c.after.path));
  const own: Rule[] = [];
  const standing = new Set<string>();
  const rerun: Rule[] = [];
  for (const rule of enabled) {
    const scope = rule.scope ?? EVERYTHING;
    if (scope.files === "own") {
      own.push(rule);
      continue;
    }
    const read = pairs.some(([then, now]) => JSON.stringify(scope.reads(then)) !== JSON.stringify(scope.reads(now)));
    const cited = scope.citesLines && previous.some((f) => f.rule === rule.id && [...paths].some((path) => f.file === path || f.message.includes(path)));
    if (read || cited) rerun.push(rule);
    else standing.add(rule.id);
  }
  // The `own` rules count on the changed files' ids being unique; once that is in question, only a whole check is exact.
  if (rerun.some((r) => r.id === DUPLICATES)) return undefined;

  // The version in force of the changed documents being revised, as the whole check reads it (review78 #1).
  const outcome = checkRepository(partial, own.length > 0 ? { ...options, ...(await wholeOptions?.(partial)) } : options, own);
  const fresh = [...outcome.findings, ...outcome.held].filter((f) => paths.has(f.file));
  const rerunIds = new Set(rerun.map((r) => r.id));
  if (rerun.length > 0) {
    // The rules' findings only: the loader's are the last check's (unchanged files) and in `fresh` (changed ones).
    const repository = change.whole();
    const whole = checkRepository(repository, { ...options, ...(await wholeOptions?.(repository)) }, rerun);
    fresh.push(...[...whole.findings, ...whole.held].filter((f) => rerunIds.has(f.rule)));
  }
  const files = new Map(changed.map((c) => [c.after.path, c.after]));
  const kept: Finding[] = [];
  for (const finding of previous) {
    const file = files.get(finding.file);
    if (!file) {
      if (!rerunIds.has(finding.rule)) kept.push(finding);
      continue;
    }
    // The loader's findings and the `own` rules' of a changed file are in `fresh`.
    const at = reportedAt.get(finding);
    if (!at || !standing.has(finding.rule)) continue;
    const [line, column] = locate(file, at.path, at.key, at.quote, at.quoteAt);
    const placed = { ...finding, line, column };
    reportedAt.set(placed, at);
    kept.push(placed);
  }
  const all = [...kept, ...fresh];
  const shown = all.filter((f) => f.heldBackBy === undefined);
  return [...orderFindings(shown, foundationsWithProblems(partial)), ...all.filter((f) => f.heldBackBy !== undefined)];
}

/** A changed file as the rules' `reads` see it; undefined when it is not in the model (it failed validation). */
function asChanged(file: SourceFile): ChangedFile | undefined {
  if (file.data === undefined || file.data === null || typeof file.data !== "object" || file.problems.some(isBlocking)) return undefined;
  if (file.kind === "csr" || file.kind === "document" || file.kind === "customer") return { kind: file.kind, data: file.data } as ChangedFile;
  return undefined;
}
