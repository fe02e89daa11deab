/** `csr recover`: completes a change that a killed or crashed csr command left unfinished. */
import { findRoot } from "../../load/discover.js";
import type { CommandContext } from "../context.js";
import { recoverCommandBody } from "../shared/transaction.js";

export async function recoverCommand(ctx: CommandContext): Promise<number> {
  return recoverCommandBody(ctx, findRoot(ctx.dir));
}
