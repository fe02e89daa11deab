/**
 * `csr changes <from> [<to>]`: what changed in the quality system between two points of its git
 * history (revisions, tags or dates), read from git objects without touching the working tree.
 */
import { isIsoDate } from "../../core/dates.js";
import { UserError } from "../../core/errors.js";
import { list, t } from "../../i18n/index.js";
import { loadRevision } from "../../load/base.js";
import { findRoot } from "../../load/discover.js";
import { openGit } from "../../load/git.js";
import { buildRepository } from "../../load/repository.js";
import { compareStates } from "../../model/changes.js";
import { changeReport, type RangeEnd } from "../../report/registers/changes.js";
import { registerContext } from "../../report/registers/context.js";
import type { CommandContext } from "../context.js";
import { emitTable, languageOf, tableOutput, writeOutput, type OutputFlags } from "../shared/output.js";

export async function changesCommand(ctx: CommandContext, from: string, to: string | undefined, flags: OutputFlags): Promise<number> {
  const root = findRoot(ctx.dir);
  const git = await openGit(root);
  if (!(await git.checkIsRepo())) throw new UserError(t("changes.not-git", { root }));
  const end = await resolveEnd(root, to ?? "HEAD", "end", "HEAD");
  if (!end.commit) throw new UserError(to ? t("changes.no-commit-by", { spec: to }) : t("changes.no-commit-yet", { spec: "HEAD" }));
  const start = await resolveEnd(root, from, "start", end.commit);
  const before = start.commit ? await loadRevision(root, start.commit) : buildRepository(root, []);
  const after = await loadRevision(root, end.commit);
  for (const [state, repo] of [[start, before], [end, after]] as const) {
    const files = [...new Set(repo.problems.map((p) => p.path))];
    if (files.length > 0) ctx.stderr(t("changes.left-out", { spec: state.spec, count: files.length, files: list(files.slice(0, 3)) + (files.length > 3 ? t("output.and-more") : "") }) + "\n");
  }
  const changes = compareStates(before, after);
  const lang = languageOf();
  const { format, out } = tableOutput(flags, ctx.dir, "changes");
  if (format === "json") {
    const json = JSON.stringify({ from: start, to: end, changes }, null, 2) + "\n";
    if (out) await writeOutput(ctx, root, out, json, flags.force);
    else ctx.stdout(json);
    return 0;
  }
  return emitTable(ctx, changeReport(registerContext(after, lang), changes, start, end), flags, after, lang);
}

/**
 * A revision, tag or branch names its commit. A date names the state at a moment of local time:
 * as a start, the beginning of that day (changes made on it are in the report); as an end, the
 * end of that day. Before the first commit there is no commit: the state is empty.
 */
async function resolveEnd(root: string, spec: string, side: "start" | "end", tip: string): Promise<RangeEnd> {
  const git = await openGit(root);
  let commit: string | null;
  if (isIsoDate(spec)) {
    const moment = side === "start" ? `${spec} 00:00:00` : `${nextDay(spec)} 00:00:00`;
    commit = (await git.raw(["rev-list", "-1", `--before=${moment}`, tip])).trim() || null;
  } else {
    commit = (await git.revparse(["--verify", "--quiet", `${spec}^{commit}`]).catch(() => "")).trim() || null;
    if (!commit) throw new UserError(t("changes.unknown-rev", { spec }), t("changes.unknown-rev.hint"));
  }
  const date = commit ? (await git.raw(["show", "-s", "--format=%cs", commit])).trim() : null;
  return { spec, commit, date };
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
