/** `csr list [what]`: the CSR list by default, or one of the registers. */
import { UserError } from "../../core/errors.js";
import { closest } from "../../core/text.js";
import { list, t } from "../../i18n/index.js";
import type { CommandContext } from "../context.js";

const REGISTERS = ["procedures", "documents", "forms", "external", "obsolete", "symbols", "reviews", "distribution", "training", "periodic-reviews", "edition-review", "people"] as const;

/**
 * `document`, a number after the register's name (`csr list distribution QP-003`), is the same as
 * `--document QP-003`; it is refused for the other lists, which list no single document's records.
 */
export async function listCommand(ctx: CommandContext, what: string, document: string | undefined, flags: Record<string, unknown>): Promise<number> {
  if (document !== undefined) {
    if (what !== "distribution") throw new UserError(t("list.document-argument-only", { what, document }), t("list.document-argument-only.hint", { document }));
    if (flags.document !== undefined && flags.document !== document) throw new UserError(t("list.document-twice", { document, flag: String(flags.document) }));
    flags = { ...flags, document };
  }
  // Refused rather than ignored: the list of reviews done must not pass for the reviews due.
  if (flags.dueBy !== undefined && what !== "periodic-reviews") throw new UserError(t("list.due-by-only", { what }));
  if (flags.standard !== undefined && what !== "edition-review") throw new UserError(t("list.standard-only", { what }));
  if (what === "csr") return (await import("./csr.js")).listCsrCommand(ctx, flags);
  if ((REGISTERS as readonly string[]).includes(what)) return (await import("./registers.js")).listRegisterCommand(ctx, what, flags);
  const choices = ["csr", ...REGISTERS];
  const near = closest(what, choices);
  throw new UserError(t("list.unknown", { what, suggestion: near ? t("cli.error.did-you-mean", { suggestion: near }) : "", choices: list(choices) }));
}
