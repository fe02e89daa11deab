/** `csr check`: load, validate, run the rules, print findings. Writes nothing but its cache. */
import { summarize, type Finding } from "../../core/diagnostic.js";
import { UserError } from "../../core/errors.js";
import { findRoot } from "../../load/discover.js";
import type { Repository } from "../../load/repository.js";
import type { QmsConfig } from "../../model/types.js";
import { FORMATS, loadFormatter } from "../../report/formatters/index.js";
import { choiceOption, dateOption } from "../options.js";
import type { CommandContext } from "../context.js";
import { t } from "../../i18n/index.js";
import { warnInterrupted } from "../shared/transaction.js";

export interface CheckFlags {
  format?: string;
  today?: string;
  errorOnWarnings?: boolean;
  maxWarnings?: string;
  base?: string;
  changedOnly?: boolean;
  /** Check the staged content (git's index), what `git commit` would record, not the working tree. */
  staged?: boolean;
  /** commander's `--no-cache` sets this to false. */
  cache?: boolean;
}

export async function checkCommand(ctx: CommandContext, flags: CheckFlags): Promise<number> {
  const format = choiceOption(flags.format, "--format", FORMATS, "text");
  const today = dateOption(flags.today, "--today");
  const maxWarnings = countOption(flags.maxWarnings, "--max-warnings");
  if (flags.changedOnly && !flags.base) {
    throw new UserError(t("check.changed-only-needs-base"), t("check.changed-only-needs-base.hint"));
  }
  const root = findRoot(ctx.dir);
  warnInterrupted(ctx, root);
  // The rules, the loader and the parsers load only when a check has to run: a repeated check with
  // nothing changed is answered from the cache without them.
  let overrides: QmsConfig["rules"];
  const run = async (repo: Repository) => {
    const { checkRepository } = await import("../../check/engine.js");
    const base = flags.base === undefined ? undefined : await (await import("../../load/base.js")).loadBase(root, flags.base, { staged: flags.staged === true });
    overrides = repo.config?.value.rules;
    // Held-back findings travel (and are cached) with the others, marked, so that a repeated check
    // answered from the cache counts them too.
    const outcome = checkRepository(repo, { today, base });
    const findings = [...outcome.findings, ...outcome.held];
    if (!flags.changedOnly || !flags.base) return findings;
    const { changedPaths, filterToChanged } = await import("../../check/changed.js");
    return filterToChanged(repo, findings, await changedPaths(root, flags.base, { staged: flags.staged === true }));
  };
  // The cache remembers findings for a day's check of the working tree, not for a comparison with a base.
  // The index is a state of its own: the cache, keyed by the working tree's files, cannot answer for it.
  const { findings: all, files } = flags.staged
    ? await staged(root, run)
    : flags.cache === false
      ? await uncached(root, run)
      : await (await import("../../load/cache.js")).checkCached(root, today, run, {
          rememberFindings: flags.base === undefined,
          // With a few files changed, the rules that the change can affect run on them alone.
          rerun: async (change) => (await import("../../check/incremental.js")).recheck(change, { today }),
        });
  const findings = all.filter((f) => f.heldBackBy === undefined);
  // The foundations first, as their findings are (check/engine.ts), then the other files by name.
  const holding = [...new Set(all.flatMap((f) => (f.heldBackBy === undefined ? [] : [f.heldBackBy])))];
  const foundations = ["qms.yaml", "people.yaml", "processes.yaml"];
  const heldBack = [...foundations.filter((file) => holding.includes(file)), ...holding.filter((file) => !foundations.includes(file)).sort()].map((file) => ({
    file,
    count: all.filter((f) => f.heldBackBy === file).length,
  }));
  // SARIF records qms.yaml's severities; when the cache answered, the rules did not run to read them.
  if (format === "sarif" && overrides === undefined) overrides = (await import("../../load/repository.js")).loadRepository(root).config?.value.rules;
  const summary = summarize(findings, files);
  const formatter = await loadFormatter(format);
  ctx.stdout(formatter({ findings, summary, heldBack, overrides }, { color: ctx.color }));
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

/** The repository as git's index holds it: what `git commit` would record (the pre-commit hook's check). */
async function staged(root: string, run: (repo: Repository) => Promise<Finding[]>): Promise<{ findings: Finding[]; files: number }> {
  const repo = await (await import("../../load/base.js")).loadIndex(root);
  return { findings: await run(repo), files: repo.files.length };
}

function countOption(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UserError(t("options.whole-number", { flag, value }));
  return Number(value);
}
