/** `csr recover`: completes a change that a killed or crashed csr command left unfinished. */
import { resolve } from "node:path";
import { UserError } from "../../core/errors.js";
import { findRoot } from "../../load/discover.js";
import { gitDirectory } from "../../load/git-directory.js";
import type { CommandContext } from "../context.js";
import { recoverCommandBody } from "../shared/transaction.js";

export async function recoverCommand(ctx: CommandContext): Promise<number> {
  return recoverCommandBody(ctx, recoveryRoot(ctx.dir));
}

/**
 * Where to recover from `dir`: the csr repository holding it; when there is none but a git
 * repository holds it, `dir` itself, whose git directory (where the journal is) is that
 * repository's (there, if nothing waits, it says so). A `csr init` into a new folder or a folder of
 * a git repository that is not a csr repository keeps its journal there and may be killed before
 * its qms.yaml exists. Throws findRoot's "no qms.yaml" UserError outside both.
 */
function recoveryRoot(dir: string): string {
  try {
    return findRoot(dir);
  } catch (error) {
    if (!(error instanceof UserError) || gitDirectory(dir) === undefined) throw error;
    return resolve(dir);
  }
}
