/**
 * Where a repository's git directory is, found from the files alone, without git: the check cache
 * and the write journal live there. Apart from the git adapter (load/git.ts), so that a check,
 * which runs no git, does not load node:child_process for it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

/**
 * The git directory of the repository that holds `root` (worktrees included: their `.git` file
 * names it), found without running git; undefined outside git.
 */
export function gitDirectory(root: string): string | undefined {
  let dir = resolve(root);
  for (;;) {
    const dotGit = join(dir, ".git");
    try {
      const stat = statSync(dotGit);
      if (stat.isDirectory()) return dotGit;
      const gitdir = /^gitdir: (.+)$/m.exec(readFileSync(dotGit, "utf8"))?.[1];
      if (gitdir) return resolve(dir, gitdir.trim());
    } catch {
      // No .git here: keep walking up.
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * Whether the repository holding `root` certainly has no tag, read from its git directory without running
 * git (`git for-each-ref refs/tags` would print nothing): no file under refs/tags and no tag in packed-refs,
 * in the directory the worktrees share (`commondir`). True outside git too, where there is no tag either.
 * False whenever the files cannot say: GIT_DIR or GIT_COMMON_DIR set, refs kept in a reftable, a file that
 * cannot be read. A check of a repository never released asks this and starts no process: loading
 * node:child_process and two git processes were about a sixth of the CPU of a check of examples/acme-auto.
 */
export function certainlyNoTags(root: string): boolean {
  if (process.env.GIT_DIR !== undefined || process.env.GIT_COMMON_DIR !== undefined) return false;
  const gitdir = gitDirectory(root);
  if (gitdir === undefined) return true;
  try {
    const common = existsSync(join(gitdir, "commondir")) ? resolve(gitdir, readFileSync(join(gitdir, "commondir"), "utf8").trim()) : gitdir;
    if (existsSync(join(common, "reftable"))) return false;
    const tags = join(common, "refs", "tags");
    if (existsSync(tags) && readdirSync(tags, { recursive: true, withFileTypes: true }).some((entry) => !entry.isDirectory())) return false;
    const packed = join(common, "packed-refs");
    return !existsSync(packed) || !/^[0-9a-f]+ refs\/tags\//m.test(readFileSync(packed, "utf8"));
  } catch {
    return false;
  }
}
