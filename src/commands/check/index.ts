/** `csr check`: load, validate, run the rules, print findings. Writes nothing but its cache. */
import { appendFileSync, existsSync } from "node:fs";
import { isAbsolute, relative, resolve, sep } from "node:path";
import { findingsAdded } from "../../check/added.js";
import { summarize, type Finding } from "../../core/diagnostic.js";
import { UserError } from "../../core/errors.js";
import { dataPathProblem, writeFailure, writeFileAtomic } from "../../core/write.js";
import { findRoot } from "../../load/discover.js";
import type { BaseState } from "../../load/base.js";
import type { Repository } from "../../load/repository.js";
import type { QmsConfig } from "../../model/types.js";
import { FORMATS, FROM_TOP_LEVEL, loadFormatter, REPORTS_SUMMED_UP, type FormatName } from "../../report/formatters/index.js";
import { heldBackLines, summaryLine } from "../../report/formatters/types.js";
import { choiceOption, dateOption } from "../options.js";
import type { CommandContext } from "../context.js";
import { conjunction, t } from "../../i18n/index.js";
import { warnInterrupted } from "../shared/transaction.js";

export interface CheckFlags {
  /** `--format <format>[=<file>]`, repeatable (reportOptions). */
  format?: string | string[];
  today?: string;
  errorOnWarnings?: boolean;
  maxWarnings?: string;
  base?: string;
  changedOnly?: boolean;
  /** Report only the findings the branch adds to --base's tip (see `addedByBranch`). */
  addedOnly?: boolean;
  /**
   * Check the staged content (git's index), what `git commit` would record, not the working tree,
   * and report what the commit adds (see `staged`).
   */
  staged?: boolean;
  /** commander's `--no-cache` sets this to false. */
  cache?: boolean;
}

export async function checkCommand(ctx: CommandContext, paths: string[], flags: CheckFlags): Promise<number> {
  const reports = reportOptions(flags.format);
  const today = dateOption(flags.today, "--today");
  const maxWarnings = countOption(flags.maxWarnings, "--max-warnings");
  if (flags.changedOnly && !flags.base) {
    throw new UserError(t("check.changed-only-needs-base"), t("check.changed-only-needs-base.hint"));
  }
  if (flags.addedOnly && !flags.base) throw new UserError(t("check.added-only-needs-base"), t("check.added-only-needs-base.hint"));
  const root = findRoot(ctx.dir);
  for (const report of reports) if (report.path !== undefined) refuseReportInData(root, report.format, report.path);
  const only = pathsOption(ctx.dir, root, paths);
  warnInterrupted(ctx, root);
  // The rules, the loader and the parsers load only when a check has to run: a repeated check with
  // nothing changed is answered from the cache without them.
  let overrides: QmsConfig["rules"];
  let base: Promise<BaseState | undefined> | undefined;
  const baseState = () => (base ??= flags.base === undefined ? Promise.resolve(undefined) : import("../../load/base.js").then((m) => m.loadBase(root, flags.base!, { staged: flags.staged === true })));
  // Held-back findings travel (and are cached) with the others, marked, so that a repeated check
  // answered from the cache counts them too.
  const findingsOf = async (repo: Repository, base?: BaseState) => {
    const { checkRepository } = await import("../../check/engine.js");
    const against = base ?? (await baseState());
    // Without a base, the release tags say which released documents were edited since (doc/revision-not-bumped);
    // the pre-commit hook compares with HEAD (--base HEAD), and before the first commit there is no tag.
    const { checkedFromGit } = await import("../../load/base.js");
    const outcome = checkRepository(repo, { today, ...(against ? { base: against } : {}), ...(await checkedFromGit(root, repo.documents, { edited: !against && !flags.staged })) });
    return [...outcome.findings, ...outcome.held];
  };
  const run = async (repo: Repository) => {
    overrides = repo.config?.value.rules;
    const findings = await findingsOf(repo);
    if (!flags.changedOnly || !flags.base) return findings;
    const { changedPaths, filterToChanged } = await import("../../check/changed.js");
    return filterToChanged(repo, findings, await changedPaths(root, flags.base, { staged: flags.staged === true }));
  };
  // The cache remembers findings for a day's check of the working tree, not for a comparison with a base.
  // The index is a state of its own: the cache, keyed by the working tree's files, cannot answer for it.
  const whole: { findings: Finding[]; files: number; notReported?: Finding[] } = flags.staged
    ? await staged(root, run, findingsOf, baseState)
    : flags.cache === false
      ? await uncached(root, run)
      : await (await import("../../load/cache.js")).checkCached(root, today, run, {
          rememberFindings: flags.base === undefined,
          // With a few files changed, the rules that the change can affect run on them alone.
          rerun: async (change) => {
            const load = await import("../../load/base.js");
            const released = flags.base === undefined ? await load.releasesChanged(root, change.partial.documents) : undefined;
            // The documents being revised anywhere, for a rule run again over the whole repository.
            const inForceOf = async (whole: Repository) => {
              const inForce = await load.revisedInForce(root, whole.documents);
              return inForce.size ? { inForce } : {};
            };
            return (await import("../../check/incremental.js")).recheck(change, { today, ...(released?.size ? { released } : {}) }, undefined, inForceOf);
          },
        });
  const { findings: checked, files, notReported = [] } = flags.addedOnly && !flags.staged ? { ...whole, ...(await addedByBranch(root, flags.base!, today, whole.findings)) } : whole;
  // A CSR file in an add/add conflict of two different requirements: renumber one, never pick one side.
  const all = checked.some((f) => f.rule === "file/merge-conflict" && (f.file.startsWith("csr/") || f.file.startsWith("documents/"))) ? (await import("../../merge/conflict-advice.js")).adviseTwoCsrs(root, checked) : checked;
  const findings = all.filter((f) => f.heldBackBy === undefined && (only === undefined || only(f.file)));
  // The foundations first, as their findings are (check/engine.ts), then the other files by name.
  const holding = [...new Set(all.flatMap((f) => (f.heldBackBy === undefined ? [] : [f.heldBackBy])))];
  const foundations = ["qms.yaml", "people.yaml", "processes.yaml"];
  const heldBack = [...foundations.filter((file) => holding.includes(file)), ...holding.filter((file) => !foundations.includes(file)).sort()].map((file) => ({
    file,
    count: all.filter((f) => f.heldBackBy === file).length,
  }));
  // SARIF records qms.yaml's severities; when the cache answered, the rules did not run to read them.
  if (reports.some((r) => r.format === "sarif") && overrides === undefined) overrides = (await import("../../load/repository.js")).loadRepository(root).config?.value.rules;
  const summary = summarize(findings, files);
  // Said, so that a clean report of the commit is not taken for a clean repository.
  const known = notReported.filter((f) => f.heldBackBy === undefined);
  let inherited: string | undefined;
  if (known.length > 0) {
    const { errors, warnings } = summarize(known, files);
    const counts = [...(errors > 0 ? [t("check.text.errors", { count: errors })] : []), ...(warnings > 0 ? [t("check.text.warnings", { count: warnings })] : [])];
    inherited = t(flags.staged ? "check.staged.not-reported" : "check.added-only.not-reported", { findings: conjunction(counts), base: flags.base ?? "" });
  }
  const result = { findings, summary, heldBack, overrides, ...(inherited ? { inherited } : {}) };
  // A CI server reads the paths of these reports from its checkout's root, which -C may not be (a monorepo's folder).
  const prefix = reports.some((r) => FROM_TOP_LEVEL.includes(r.format)) ? ((await import("../../load/git.js")).workTreePrefix(root) ?? "") : "";
  for (const report of reports) {
    const formatter = await loadFormatter(report.format);
    const placed = prefix !== "" && FROM_TOP_LEVEL.includes(report.format) ? { ...result, findings: findings.map((f) => ({ ...f, file: prefix + f.file })) } : result;
    const output = formatter(placed, { color: report.path === undefined && ctx.color });
    if (report.path === undefined) ctx.stdout(output);
    else writeReport(report.path, output);
    // GitHub shows a few annotations a step; the job's summary page lists every finding.
    if (report.format === "github" && process.env.GITHUB_STEP_SUMMARY) appendStepSummary(process.env.GITHUB_STEP_SUMMARY, (await import("../../report/formatters/github.js")).stepSummary(placed));
  }
  // What a CI log shows when the report on stdout is one a script or a CI server reads (tester69 T2), or every report went
  // to a file: text and github end with these lines.
  const shown = reports.find((r) => r.path === undefined)?.format;
  if (shown === undefined || !REPORTS_SUMMED_UP.includes(shown)) for (const line of [...heldBackLines(result), summaryLine(result)]) ctx.stderr(`${line}\n`);
  if (inherited !== undefined && shown !== "github") ctx.stderr(`${inherited}\n`);
  if (summary.errors > 0) return 1;
  if (flags.errorOnWarnings && summary.warnings > 0) {
    ctx.stderr(`csr: ${t("check.error-on-warnings", { count: summary.warnings })}\n`);
    return 1;
  }
  if (maxWarnings !== undefined && summary.warnings > maxWarnings) {
    ctx.stderr(`csr: ${t("check.max-warnings", { count: summary.warnings, max: maxWarnings })}\n`);
    return 1;
  }
  return 0;
}

async function uncached(root: string, run: (repo: Repository) => Promise<Finding[]>): Promise<{ findings: Finding[]; files: number }> {
  const { loadRepository } = await import("../../load/repository.js");
  const repo = loadRepository(root);
  return { findings: await run(repo), files: repo.files.length };
}

/**
 * The findings the commit being made adds, in the repository as git's index holds it (what `git
 * commit` records; the pre-commit hook's check): those a check of HEAD on the same day does not
 * have too, with the same --base and HEAD's changes credited to their commits' authors alone (the
 * committer's staged edit does not make HEAD's approver an author). What HEAD has already, the
 * commit did not cause: a review that the date alone makes overdue, or a problem an earlier commit
 * brought in, is left to `csr check` and CI, and does not block an unrelated commit. A finding counts as HEAD's when it has the same
 * rule and severity in the same file: with the same message in a file the commit changes, whose
 * lines may move; at the same line and column in one it does not change, whose finding may count
 * days anew when the commit changes the calendar. Before the first commit, every finding counts.
 */
async function staged(
  root: string,
  run: (repo: Repository) => Promise<Finding[]>,
  findingsOf: (repo: Repository, base?: BaseState) => Promise<Finding[]>,
  baseState: () => Promise<BaseState | undefined>,
): Promise<{ findings: Finding[]; files: number; notReported: Finding[] }> {
  const { headCommit, loadIndex, loadRevision, stagedPaths } = await import("../../load/base.js");
  const repo = await loadIndex(root);
  const findings = await run(repo);
  // HEAD's findings only ever take some of the index's away: with none, HEAD is not checked (a clean commit's hook checks once).
  if (findings.length === 0) return { findings, files: repo.files.length, notReported: [] };
  const head = await headCommit(root);
  if (head === undefined) return { findings: await asRecorded(findings), files: repo.files.length, notReported: [] };
  const base = await baseState();
  // HEAD as a check of HEAD alone sees it: its files' authors are its commits', not the committer of what is staged.
  const before = await findingsOf(base?.commit === head ? base.repo : await loadRevision(root, head), base && { ...base, authors: base.committedAuthors });
  const changed = await stagedPaths(root, head);
  const key = (f: Finding) => [f.file, f.rule, f.severity, ...(changed.has(f.file) ? [f.message] : [f.line, f.column])].join("\0");
  const { added, kept } = findingsAdded(before, findings, key);
  return { findings: await asRecorded(added), files: repo.files.length, notReported: kept };
}

/**
 * `csr check --base <rev> --added-only`, a pull request's check: the findings the branch adds to
 * the target branch as it is now (`rev`'s tip checked on the same day, without a base), so that a
 * review the date alone made overdue on the target, or a problem merged there by another branch,
 * does not fail a pull request that did not cause it (tester57 E10). A finding is the target's when
 * the tip has one of the same rule and severity in the same file, with the same message, or, in a
 * file the branch did not change, at the same line and column (a file changed on the target's side
 * moves lines; a changed calendar counts days anew). A clock finding the branch adds (a late requirement registered) is a warning, as for a
 * commit (`asRecorded`). `notReported`: the target's findings, counted on stderr.
 */
async function addedByBranch(root: string, rev: string, today: string, findings: Finding[]): Promise<{ findings: Finding[]; notReported: Finding[] }> {
  if (findings.length === 0) return { findings, notReported: [] };
  const { loadRevision, revisionCommit } = await import("../../load/base.js");
  const { checkRepository } = await import("../../check/engine.js");
  const outcome = checkRepository(await loadRevision(root, await revisionCommit(root, rev)), { today });
  const before = [...outcome.findings, ...outcome.held];
  // In a file the branch changed, a finding at the place of the target's but with another message is the branch's:
  // a new wrong value typed over an old one (tester69 T6).
  const changed = await (await import("../../check/changed.js")).changedPaths(root, rev);
  const { added, kept: notReported } = findingsAdded(
    before,
    findings,
    (f) => [f.file, f.rule, f.severity, f.message].join("\0"),
    (f) => (changed.has(f.file) ? undefined : [f.file, f.rule, f.severity, f.line, f.column].join("\0")),
  );
  return { findings: await asRecorded(added), notReported };
}

/**
 * A commit records facts; a finding that says only that time has passed (a rule marked `clock`, such
 * as an overdue review of a requirement received weeks ago and registered today) does not make a fact
 * false, and refusing it would leave the late requirement unrecorded or its date falsified. Such
 * findings of the commit are reported as warnings; `csr check` and CI keep their severity.
 */
async function asRecorded(findings: Finding[]): Promise<Finding[]> {
  const { rulesById } = await import("../../check/registry.js");
  return findings.map((f) => (f.severity === "error" && rulesById.get(f.rule)?.clock ? { ...f, severity: "warning" } : f));
}

function countOption(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UserError(t("options.whole-number", { flag, value }));
  return Number(value);
}

/**
 * `--format <format>[=<file>]`, given any number of times: each report once, in one run, as a CI job
 * needs a log for people and one or two files for its server (GitLab's JUnit and Code Quality reports).
 * A format without a file goes to stdout, at most one; none given is text on stdout.
 */
function reportOptions(value: string | string[] | undefined): { format: FormatName; path?: string }[] {
  const given = value === undefined ? [] : typeof value === "string" ? [value] : value;
  const reports = given.map((option) => {
    const at = option.indexOf("=");
    const path = at < 0 ? undefined : option.slice(at + 1);
    if (path === "") throw new UserError(t("check.format-no-file", { option }), t("check.format-file.hint"));
    return { format: choiceOption(at < 0 ? option : option.slice(0, at), "--format", FORMATS, "text"), ...(path === undefined ? {} : { path }) };
  });
  const toStdout = reports.filter((r) => r.path === undefined);
  if (toStdout.length > 1) throw new UserError(t("check.format-two-stdout", { formats: conjunction(toStdout.map((r) => r.format)) }), t("check.format-file.hint"));
  return reports.length > 0 ? reports : [{ format: "text" }];
}

/**
 * A report file is written whole or not at all (a CI server never reads half a report), into folders made as
 * needed, and replaces the report of an earlier run at that path: the file is the output the option asks for.
 * Errors: a UserError naming the path when it cannot be written (a folder in the way, no permission, no space).
 */
function writeReport(path: string, output: string): void {
  writeFileAtomic(path, output, { overwrite: true });
}

/** GitHub's step summary is appended to, as each step of the job adds its part; a failure is said as writeReport's is. */
function appendStepSummary(path: string, markdown: string): void {
  try {
    appendFileSync(path, markdown);
  } catch (error) {
    throw writeFailure(error, path);
  }
}

/**
 * Refuses, before checking, a report path (read from the folder csr runs in, as writeReport writes it) among the
 * repository's data (`--format junit=documents/QP-001.yaml` replaced the procedure with the report), or inside the
 * repository but leading out of it through a symbolic link, as every output csr writes (core/write.ts
 * dataPathProblem). A report into a folder of its own (reports/) or outside the repository is written.
 */
function refuseReportInData(root: string, format: FormatName, path: string): void {
  const abs = resolve(path);
  const found = dataPathProblem(root, abs);
  if (found === undefined) return;
  const option = `${format}=${path}`;
  if (found.problem === "data") throw new UserError(t("check.format-into-data", { option, path: relative(root, abs).split(sep).join("/") || "." }));
  throw new UserError(t("check.format-link-outside", { option, format, real: found.real }));
}

/**
 * `csr check <path>…`: the findings in those files, or in the files under those folders, as ESLint and
 * yamllint take paths. The whole repository is still checked, since a file's findings depend on the
 * others (a reference, a duplicate number). Paths are read from the -C folder, as git reads them.
 */
function pathsOption(dir: string, root: string, paths: string[]): ((file: string) => boolean) | undefined {
  if (paths.length === 0) return undefined;
  const wanted = paths.map((path) => {
    const absolute = resolve(dir, path);
    const inRoot = relative(root, absolute);
    if (inRoot.startsWith("..") || isAbsolute(inRoot)) throw new UserError(t("check.path-outside", { path, root }));
    if (!existsSync(absolute)) throw new UserError(t("check.path-missing", { path }));
    return inRoot.split(sep).join("/");
  });
  return (file) => wanted.some((path) => path === "" || file === path || file.startsWith(`${path}/`));
}