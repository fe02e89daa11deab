/**
 * `csr symbol retire <customer> <customer-symbol>`: a row of the symbol conversion table that the
 * customer's current revision no longer uses (停用), e.g. a symbol that revision C dropped. The row
 * stays in symbols.yaml with `retired` (when, by whom, why) and its approval: drawings, FMEAs and
 * control plans of the earlier revision still carry the symbol, and an auditor comparing them with
 * the table reads how it converted and that the customer approved it (IATF 16949 8.3.3.3).
 *
 * Errors (UserError, one line): an unknown customer or customer symbol; a row retired already; a
 * missing --by or --reason; an invalid --date or one after today.
 */
import { UserError } from "../../core/errors.js";
import { t } from "../../i18n/index.js";
import { conversionText, conversionValues } from "../../model/symbols.js";
import type { Prompts } from "../add/prompting.js";
import type { CommandContext } from "../context.js";
import { eventDateOption } from "../options.js";
import { editFile, need, personChoices, personOption, saveChanges, withEditSession } from "../shared/edit.js";
import { rowNode, symbolRow } from "./update.js";

export interface SymbolRetireFlags {
  by?: string;
  date?: string;
  reason?: string;
  yes?: boolean;
  commit?: boolean;
}

export async function symbolRetireCommand(ctx: CommandContext, customer: string, customerSymbol: string, flags: SymbolRetireFlags): Promise<number> {
  return retireSymbol(ctx, customer, customerSymbol, flags);
}

export async function retireSymbol(ctx: CommandContext, customerGiven: string, customerSymbol: string, flags: SymbolRetireFlags, prompts?: Prompts): Promise<number> {
  return withEditSession(ctx, flags.yes, prompts, async (session) => {
    const found = symbolRow(session, customerGiven, customerSymbol);
    const row = found.value;
    const { customer } = row;
    if (row.retired) throw new UserError(t("symbol.retire.already", { customer, symbol: row.customer_symbol, date: row.retired.date, reason: row.retired.reason }));
    const date = eventDateOption(flags.date, "--date");
    const by = personOption(session, flags.by ?? (await need(session.ask, "--by", t("symbol.update.needs.by"), (p) => p.select({ message: t("symbol.update.prompt.by"), choices: personChoices(session, undefined, { on: date, organisation: true }) }))), "--by", date).id;
    const reason = (flags.reason ?? (await need(session.ask, "--reason", t("symbol.retire.needs.reason"), (p) => p.input({ message: t("symbol.retire.prompt.reason"), required: true })))).trim();
    if (reason === "") throw new UserError(t("symbol.empty", { flag: "--reason" }));
    const edit = editFile(session.root, "symbols.yaml", "symbols", (doc) => {
      rowNode(doc, found).set("retired", doc.createNode({ date, by, reason }));
    });
    const lines = [t("symbol.retire.done", { customer, symbol: row.customer_symbol, conversion: conversionText(conversionValues(row)), date, reason })];
    await saveChanges(ctx, session, [edit], lines, { commit: flags.commit, message: t("symbol.retire.commit", { customer, symbol: row.customer_symbol, reason }) });
    return 0;
  });
}
