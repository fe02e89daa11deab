/**
 * `csr merge-driver %O %A %B %P`: git's merge driver for CSR files (see src/merge/csr.ts) and for
 * document files (documents/**.yaml, src/merge/document.ts), chosen by the path %P; and `csr
 * merge-driver --install`: sets it up in an existing repository (`csr init` does it for a new
 * one): the lines in `.gitattributes` and the `merge.csr` section of the repository's git config.
 *
 * On a conflict the file gets git's conflict markers around exactly the conflicting fields: the
 * merge is done three times, each conflict resolved to our side, their side and the base, and
 * `git merge-file` combines the three, so everything else is merged already. Two different CSRs or
 * two drafts added on both sides under one id are not merged at all (wholeFileConflict). Exit code 0 when
 * merged, 1 when conflicts are left (git then marks the file unmerged).
 */
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { UserError } from "../../core/errors.js";
import { language, list, t } from "../../i18n/index.js";
import { writeFileAtomic } from "../../core/write.js";
import { findRoot } from "../../load/discover.js";
import { workTreePrefix } from "../../load/git.js";
import { PACKAGE_ROOT } from "../../load/package.js";
import { mergeCsr } from "../../merge/csr.js";
import { mergeDocument, sectionsDiffering } from "../../merge/document.js";
import { sectionLabel } from "../../model/sections.js";
import { twoCsrs } from "../../merge/two-csrs.js";
import { twoDrafts } from "../../merge/two-drafts.js";
import type { CommandContext } from "../context.js";

export interface MergeDriverFlags {
  install?: boolean;
}

export const GITATTRIBUTES_LINE = "csr/**/*.yaml merge=csr";
/** The documents' line, added after the CSRs' one (csr 0.1 repositories have only that). */
export const DOCUMENTS_GITATTRIBUTES_LINE = "documents/**/*.yaml merge=csr";
export const GITATTRIBUTES_LINES = [GITATTRIBUTES_LINE, DOCUMENTS_GITATTRIBUTES_LINE] as const;

export async function mergeDriverCommand(ctx: CommandContext, files: string[], flags: MergeDriverFlags): Promise<number> {
  if (flags.install) {
    if (files.length > 0) throw new UserError(t("merge-driver.install-no-files"));
    const root = findRoot(ctx.dir);
    ctx.stdout(installMergeDriver(root).join("\n") + "\n");
    return 0;
  }
  if (files.length < 3 || files.length > 4) {
    throw new UserError(t("merge-driver.usage"));
  }
  const [basePath, oursPath, theirsPath, name = oursPath!] = files as [string, string, string, string?];
  const [base, ours, theirs] = [basePath, oursPath, theirsPath].map((p) => readFileSync(p, "utf8")) as [string, string, string];
  const labels = conflictLabels(name);
  const isCsr = !name.replace(/\\/g, "/").split("/").includes("documents");
  // Added on both sides with no common base: two registrations of one id, or two drafts of one
  // number (renumber59), which no field merge makes one.
  if (base.trim() === "") {
    const csrs = isCsr ? twoCsrs(ours, theirs, name) : undefined;
    if (csrs) return wholeFileConflict(ctx, oursPath, name, labels, { ...csrs, kind: "two-csrs" });
    const drafts = isCsr ? undefined : twoDrafts(ours, theirs, name);
    if (drafts) return wholeFileConflict(ctx, oursPath, name, labels, { id: drafts.id, ours: { text: drafts.ours.text, title: drafts.ours.data.title }, theirs: { text: drafts.theirs.text, title: drafts.theirs.data.title }, kind: "two-drafts" });
  }
  const merge = isCsr ? mergeCsr : mergeDocument;
  const merged = merge(base, ours, theirs);
  if (!merged) return lineMerge(oursPath, basePath, theirsPath, labels);
  if (merged.conflicts.length === 0) {
    writeFileAtomic(oursPath, merged.text, { overwrite: true });
    return 0;
  }
  // Each conflict resolved to our side, the base and their side; git merge-file then merges those
  // parts line by line: what both sides changed on different lines (two sections of a procedure's
  // text) merges, and only the same lines changed differently get markers.
  const sides = (["ours", "base", "theirs"] as const).map((side) => merge(base, ours, theirs, side)!.text);
  const folder = mkdtempSync(join(tmpdir(), "csr-merge-"));
  let result: SpawnSyncReturns<string>;
  try {
    const paths = sides.map((text, i) => {
      const path = join(folder, String(i));
      writeFileSync(path, text);
      return path;
    });
    result = spawnSync("git", ["merge-file", "-p", "-L", labels.ours, "-L", labels.base, "-L", labels.theirs, ...paths], { encoding: "utf8" });
    writeFileAtomic(oursPath, result.stdout, { overwrite: true });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  if (result.status === 0) return 0;
  ctx.stderr(t("merge-driver.conflicts", { name, fields: list(fieldsLeft(merge, base, result.stdout) ?? merged.conflicts) }) + "\n");
  return 1;
}

/**
 * The fields of the conflicts the line merge left (`merged`, git merge-file's output): the file with every
 * marked hunk taken from our side and with every one taken from theirs, merged again from the base, conflict
 * where they differ. A field both sides changed on different lines (two sections of a procedure's text) is
 * merged in both and is not named. A document's `sections` (a list with no key) is named by the sections
 * whose lines are marked, as the change report names them: `5.2 符号转换 的 text` (breaker59 H9). Undefined
 * when either file does not read as YAML: then every field both sides changed is named.
 */
function fieldsLeft(merge: typeof mergeCsr, base: string, merged: string): string[] | undefined {
  const [ours, theirs] = [hunksTaken(merged, "ours"), hunksTaken(merged, "theirs")];
  const left = merge(base, ours, theirs);
  if (!left || left.conflicts.length === 0) return undefined;
  if (merge !== mergeDocument || !left.conflicts.includes("sections")) return left.conflicts;
  const sections = (sectionsDiffering(ours, theirs) ?? []).map(({ section, fields }) => {
    const label = sectionLabel(section, language());
    return fields.length === 0 ? label : t("merge-driver.section-fields", { section: label, fields: list(fields) });
  });
  return sections.length === 0 ? left.conflicts : left.conflicts.flatMap((label) => (label === "sections" ? sections : [label]));
}

/** git merge-file's output with each conflict's lines from one side, the markers (and a diff3 style's base lines) dropped. */
function hunksTaken(merged: string, side: "ours" | "theirs"): string {
  const kept: string[] = [];
  let part: "outside" | "ours" | "base" | "theirs" = "outside";
  for (const line of merged.split(/(?<=\n)/)) {
    if (part === "outside" && line.startsWith("<<<<<<<")) part = "ours";
    else if (part === "ours" && line.startsWith("|||||||")) part = "base";
    else if ((part === "ours" || part === "base") && /^=======\r?\n?$/.test(line)) part = "theirs";
    else if (part === "theirs" && line.startsWith(">>>>>>>")) part = "outside";
    else if (part === "outside" || part === side) kept.push(line);
  }
  return kept.join("");
}

/**
 * The names on the conflict markers, as git's own markers for the other files of the merge have
 * them: `HEAD` for our side and the branch merged for theirs (git names each merged commit in the
 * GITHEAD_<commit> variable it sets for the merge), or, in a rebase or cherry-pick, the commit
 * being applied as `<commit> (<subject>)`. git 2.39 gives the driver no names (%S, %X, %Y are
 * newer); where none of these tells (a driver run by hand), the file's path with (ours), (base),
 * (theirs).
 */
export function conflictLabels(name: string, env: NodeJS.ProcessEnv = process.env): { ours: string; base: string; theirs: string } {
  const heads = Object.keys(env).filter((key) => /^GITHEAD_[0-9a-f]{40,64}$/.test(key));
  let theirs = heads.length === 1 ? env[heads[0]!] : undefined;
  if (!theirs) theirs = pickedCommit();
  return theirs ? { ours: "HEAD", base: "base", theirs } : { ours: `${name} (ours)`, base: `${name} (base)`, theirs: `${name} (theirs)` };
}

/** In a rebase or cherry-pick (git runs the driver at the top of the work tree): the commit being applied, as `<short commit> (<subject>)`. */
function pickedCommit(): string | undefined {
  const result = spawnSync("git", ["rev-parse", "--git-path", "rebase-merge/done", "--git-path", "CHERRY_PICK_HEAD", "--git-path", "REVERT_HEAD"], { encoding: "utf8" });
  if (result.status !== 0) return undefined;
  const [done, cherryPick, revert] = result.stdout.split("\n");
  const read = (path: string | undefined) => {
    try {
      return path ? readFileSync(path, "utf8") : undefined;
    } catch {
      return undefined;
    }
  };
  // rebase-merge/done: the last line is the step being done, e.g. "pick 3f2a9c1 审核意见 ENG".
  const step = read(done)?.trimEnd().split("\n").at(-1)?.match(/^(?:p|pick|r|reword|e|edit|s|squash|f|fixup)\s+([0-9a-f]{4,64})\s*(.*)$/);
  const commit = step?.[1] ?? (read(cherryPick) ?? read(revert))?.trim();
  if (!commit) return undefined;
  const subject = step?.[2] ?? spawnSync("git", ["log", "-1", "--format=%s", commit], { encoding: "utf8" }).stdout?.trim();
  return `${commit.slice(0, 7)}${subject ? ` (${subject})` : ""}`;
}

/**
 * Two different CSRs that took the same id, or two drafts that took the same number: the whole of
 * each side between the markers, nothing merged, the first marker line and the message (git shows
 * the driver's output) naming `csr renumber`, which resolves it.
 */
function wholeFileConflict(ctx: CommandContext, oursPath: string, name: string, labels: ReturnType<typeof conflictLabels>, two: { id: string; ours: { text: string; title: string }; theirs: { text: string; title: string }; kind: "two-csrs" | "two-drafts" }): number {
  const ending = (text: string) => (text.endsWith("\n") ? text : `${text}\n`);
  const marker = t(`merge-driver.${two.kind}.marker`, { id: two.id });
  writeFileAtomic(oursPath, `<<<<<<< ${labels.ours} ${marker}\n${ending(two.ours.text)}=======\n${ending(two.theirs.text)}>>>>>>> ${labels.theirs}\n`, { overwrite: true });
  ctx.stderr(t(`merge-driver.${two.kind}`, { name, id: two.id, ours: two.ours.title, theirs: two.theirs.title }) + "\n");
  return 1;
}

/** A file csr cannot read as YAML is merged line by line, as git would without the driver. */
function lineMerge(ours: string, base: string, theirs: string, labels: ReturnType<typeof conflictLabels>): number {
  const result = spawnSync("git", ["merge-file", "-L", labels.ours, "-L", labels.base, "-L", labels.theirs, ours, base, theirs], { encoding: "utf8" });
  return result.status === 0 ? 0 : 1;
}

/**
 * Adds the `.gitattributes` lines that are missing (a repository set up before documents were
 * merged by the driver gets just the documents line) and sets the driver in the repository's git
 * config (see configureMergeDriver). Returns what it did, for the user.
 */
export function installMergeDriver(root: string): string[] {
  const lines: string[] = [];
  const attributes = join(root, ".gitattributes");
  const current = existsSync(attributes) ? readFileSync(attributes, "utf8") : "";
  const present = new Set(current.split(/\r?\n/).map((l) => l.trim()));
  const missing = GITATTRIBUTES_LINES.filter((line) => !present.has(line));
  if (missing.length === 0) lines.push(t("merge-driver.attributes-present"));
  else {
    const comment = missing.length === GITATTRIBUTES_LINES.length ? `${t("init.file.gitattributes.merge")}\n` : "";
    const text = `${current}${current === "" || current.endsWith("\n") ? "" : "\n"}${comment}${missing.join("\n")}\n`;
    writeFileAtomic(attributes, text, { overwrite: true });
    lines.push(t("merge-driver.attributes-added", { line: missing.join("', '"), count: missing.length }));
  }
  lines.push(`git config merge.csr.driver: ${configureMergeDriver(root)}`);
  lines.push(t("merge-driver.commit-attributes"));
  return lines;
}

/**
 * Sets the driver in the repository's git config; returns the driver command line. git runs it with
 * sh at the top of the working tree: it runs the repository's own csr (node_modules/.bin/csr, the
 * version the repository pins) when there is one, else the csr now running, so that a merge keeps
 * working when the copy that set it up (an npx cache, a global install) is gone or out of date.
 */
export function configureMergeDriver(root: string): string {
  const quote = (s: string) => `"${s.replace(/(["\\$`])/g, "\\$1")}"`;
  const prefix = workTreePrefix(root) ?? "";
  const own = quote(`${prefix}node_modules/.bin/csr`);
  const args = "merge-driver %O %A %B %P";
  const driver = `if [ -x ${own} ]; then exec ${own} ${args}; else exec ${quote(process.execPath)} ${quote(join(PACKAGE_ROOT, "bin", "csr.js"))} ${args}; fi`;
  for (const [key, value] of [
    ["merge.csr.name", t("merge-driver.name")],
    ["merge.csr.driver", driver],
  ] as const) {
    const result = spawnSync("git", ["config", key, value], { cwd: root, encoding: "utf8" });
    if (result.status !== 0) throw new UserError(t("merge-driver.config-failed", { key, reason: result.stderr.trim() || t("merge-driver.no-git") }));
  }
  return driver;
}
