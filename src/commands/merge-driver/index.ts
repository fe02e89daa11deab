/**
 * `csr merge-driver %O %A %B %P`: git's merge driver for CSR files (see src/merge/csr.ts), and
 * `csr merge-driver --install`: sets it up in an existing repository (`csr init` does it for a new
 * one): a line in `.gitattributes` and the `merge.csr` section of the repository's git config.
 *
 * On a conflict the file gets git's conflict markers around exactly the conflicting fields: the
 * merge is done three times, each conflict resolved to our side, their side and the base, and
 * `git merge-file` combines the three, so everything else is merged already.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { UserError } from "../../core/errors.js";
import { list, t } from "../../i18n/index.js";
import { writeFileAtomic } from "../../core/write.js";
import { findRoot } from "../../load/discover.js";
import { workTreePrefix } from "../../load/git.js";
import { PACKAGE_ROOT } from "../../load/package.js";
import { mergeCsr } from "../../merge/csr.js";
import { twoCsrs, type TwoCsrs } from "../../merge/two-csrs.js";
import type { CommandContext } from "../context.js";

export interface MergeDriverFlags {
  install?: boolean;
}

export const GITATTRIBUTES_LINE = "csr/**/*.yaml merge=csr";

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
  // Added on both sides with no common base: two registrations of one id, which no field merge makes one.
  const two = base.trim() === "" ? twoCsrs(ours, theirs, name) : undefined;
  if (two) return twoCsrsConflict(ctx, oursPath, name, two);
  const merged = mergeCsr(base, ours, theirs);
  if (!merged) return lineMerge(oursPath, basePath, theirsPath, name);
  if (merged.conflicts.length === 0) {
    writeFileAtomic(oursPath, merged.text, { overwrite: true });
    return 0;
  }
  const sides = (["ours", "base", "theirs"] as const).map((side) => mergeCsr(base, ours, theirs, side)!.text);
  const folder = mkdtempSync(join(tmpdir(), "csr-merge-"));
  try {
    const paths = sides.map((text, i) => {
      const path = join(folder, String(i));
      writeFileSync(path, text);
      return path;
    });
    const result = spawnSync("git", ["merge-file", "-p", "-L", `${name} (ours)`, "-L", `${name} (base)`, "-L", `${name} (theirs)`, ...paths], { encoding: "utf8" });
    writeFileAtomic(oursPath, result.stdout, { overwrite: true });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  ctx.stderr(t("merge-driver.conflicts", { name, fields: list(merged.conflicts) }) + "\n");
  return 1;
}

/**
 * Two different CSRs that took the same id: the whole of each side between the markers, nothing
 * merged, the first marker line and the message (git shows the driver's output) naming `csr
 * renumber`, which resolves it.
 */
function twoCsrsConflict(ctx: CommandContext, oursPath: string, name: string, two: TwoCsrs): number {
  const ending = (text: string) => (text.endsWith("\n") ? text : `${text}\n`);
  const marker = t("merge-driver.two-csrs.marker", { id: two.id });
  writeFileAtomic(oursPath, `<<<<<<< ${name} (ours) ${marker}\n${ending(two.ours.text)}=======\n${ending(two.theirs.text)}>>>>>>> ${name} (theirs)\n`, { overwrite: true });
  ctx.stderr(t("merge-driver.two-csrs", { name, id: two.id, ours: two.ours.title, theirs: two.theirs.title }) + "\n");
  return 1;
}

/** A file csr cannot read as YAML is merged line by line, as git would without the driver. */
function lineMerge(ours: string, base: string, theirs: string, name: string): number {
  const result = spawnSync("git", ["merge-file", "-L", `${name} (ours)`, "-L", `${name} (base)`, "-L", `${name} (theirs)`, ours, base, theirs], { encoding: "utf8" });
  return result.status === 0 ? 0 : 1;
}

/**
 * Adds the `.gitattributes` line (once) and sets the driver in the repository's git config (see
 * configureMergeDriver). Returns what it did, for the user.
 */
export function installMergeDriver(root: string): string[] {
  const lines: string[] = [];
  const attributes = join(root, ".gitattributes");
  const current = existsSync(attributes) ? readFileSync(attributes, "utf8") : "";
  if (current.split(/\r?\n/).some((l) => l.trim() === GITATTRIBUTES_LINE)) lines.push(t("merge-driver.attributes-present"));
  else {
    const text = `${current}${current === "" || current.endsWith("\n") ? "" : "\n"}# Countersigning on parallel branches: CSR files are merged opinion by opinion (csr merge-driver).\n${GITATTRIBUTES_LINE}\n`;
    writeFileAtomic(attributes, text, { overwrite: true });
    lines.push(t("merge-driver.attributes-added", { line: GITATTRIBUTES_LINE }));
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
