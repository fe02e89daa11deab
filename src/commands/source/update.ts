import { UserError } from "../../core/errors.js";
import type { CommandContext } from "../../commands/context.js";

export async function sourceUpdateCommand(_ctx: CommandContext, ..._args: unknown[]): Promise<number> {
  throw new UserError("This command is not available yet.");
}
