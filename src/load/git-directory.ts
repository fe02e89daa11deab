/**
 * Where a repository's git directory is, found from the files alone, without git: the check cache
 * and the write journal live there. Apart from the git adapter (load/git.ts), so that a check,
 * which runs no git, does not load node:child_process for it.
 */
import { readFileSync, statSync } from "node:fs";
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
