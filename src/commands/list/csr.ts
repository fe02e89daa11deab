import { UserError } from "../../core/errors.js";
import type { CommandContext } from "../context.js";

export async function listCsrCommand(_ctx: CommandContext, _flags: Record<string, unknown>): Promise<number> {
  throw new UserError("This command is not available yet.");
}
