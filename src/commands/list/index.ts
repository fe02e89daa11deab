/** `csr list [what]`: the CSR list by default, or one of the registers. */
import { UserError } from "../../core/errors.js";
import { closest } from "../../core/text.js";
import { list, t } from "../../i18n/index.js";
import type { CommandContext } from "../context.js";

const REGISTERS = ["procedures", "documents", "forms", "external", "obsolete", "symbols", "reviews", "distribution", "training", "periodic-reviews", "people"] as const;

export async function listCommand(ctx: CommandContext, what: string, flags: Record<string, unknown>): Promise<number> {
  if (what === "csr") return (await import("./csr.js")).listCsrCommand(ctx, flags);
  if ((REGISTERS as readonly string[]).includes(what)) return (await import("./registers.js")).listRegisterCommand(ctx, what, flags);
  const choices = ["csr", ...REGISTERS];
  const near = closest(what, choices);
  throw new UserError(t("list.unknown", { what, suggestion: near ? t("cli.error.did-you-mean", { suggestion: near }) : "", choices: list(choices) }));
}
