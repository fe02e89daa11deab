/** `csr recover`: completes a change that a killed or crashed csr command left unfinished. */
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { UserError } from "../../core/errors.js";
import { findRoot } from "../../load/discover.js";
import type { CommandContext } from "../context.js";
import { recoverCommandBody } from "../shared/transaction.js";

export async function recoverCommand(ctx: CommandContext): Promise<number> {
  return recoverCommandBody(ctx, recoveryRoot(ctx.dir));
}

/**
 * Where to recover from `dir`: the csr repository holding it; when there is none, the git work
 * tree holding it (there, if nothing waits, it says so). A `csr init` into a new folder or a
 * folder of a git repository that is not a csr repository keeps its journal there and may be
 * killed before its qms.yaml exists. Throws findRoot's "no qms.yaml" UserError outside both.
 */
function recoveryRoot(dir: string): string {
  try {
    return findRoot(dir);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    const top = workTreeOf(dir);
    if (top === undefined) throw error;
    return top;
  }
}

/** The nearest folder at or above `dir` that holds a `.git` (a directory, or a linked worktree's file). */
function workTreeOf(dir: string): string | undefined {
  for (let at = resolve(dir); ; at = dirname(at)) {
    if (existsSync(join(at, ".git"))) return at;
    if (dirname(at) === at) return undefined;
  }
}
