/**
 * `csr symbol approve <customer>`: records the customer's approval of its rows of the symbol
 * conversion table (特殊特性符号对照表, symbols.yaml). IATF 16949 8.3.3.3 lets the organisation mark
 * special characteristics with its own symbols through a conversion table; a customer may require
 * to approve it (a CSR such as "符号对照表须经顾客 SQE 认可"), and the auditor then asks for the
 * approval beside the table: who for the customer, when, where it is recorded.
 *
 * Every row of the customer gets the approval; a row approved before in other terms is re-approved
 * with --amend only, and the output names the approval it replaces (git keeps the file as it was).
 *
 * Errors (UserError, one line): an unknown customer; a customer without rows in the table; a missing
 * or empty --by; an invalid --date or one after today; another approval on record without --amend.
 */
import { isMap, isSeq } from "yaml";
import { UserError } from "../../core/errors.js";
import { didYouMean } from "../../core/text.js";
import { language, list, t } from "../../i18n/index.js";
import type { SymbolApproval } from "../../model/types.js";
import { approvalText } from "../../report/registers/symbols.js";
import type { CommandContext } from "../context.js";
import { eventDateOption } from "../options.js";
import { editFile, need, saveChanges, withEditSession } from "../shared/edit.js";

export interface SymbolApproveFlags {
  by?: string;
  date?: string;
  evidence?: string;
  amend?: boolean;
  yes?: boolean;
  commit?: boolean;
}

export async function symbolApproveCommand(ctx: CommandContext, customerGiven: string, flags: SymbolApproveFlags): Promise<number> {
  return withEditSession(ctx, flags.yes, undefined, async (session) => {
    const codes = session.repo.customers.map((c) => c.value.code);
    const customer = codes.find((c) => c === customerGiven) ?? codes.find((c) => c.toLowerCase() === customerGiven.trim().toLowerCase());
    if (!customer) throw new UserError(t("symbol.unknown-customer", { code: customerGiven, known: list(codes) || t("symbol.none") }) + didYouMean(customerGiven, codes));
    const rows = session.repo.symbols.filter((s) => s.value.customer === customer);
    if (rows.length === 0) throw new UserError(t("symbol.approve.no-rows", { customer }), t("symbol.approve.no-rows.hint", { customer }));
    const by = (flags.by ?? (await need(session.ask, "--by", t("symbol.approve.needs.by"), (p) => p.input({ message: t("symbol.approve.prompt.by"), required: true })))).trim();
    if (by === "") throw new UserError(t("symbol.empty", { flag: "--by" }));
    // A record of something done: not after today (date/in-future).
    const date = eventDateOption(flags.date, "--date");
    const evidence = flags.evidence?.trim() || undefined;
    const approval: SymbolApproval = { by, date, ...(evidence ? { evidence } : {}) };
    const same = (a: SymbolApproval | undefined) => a !== undefined && a.by === approval.by && a.date === approval.date && a.evidence === approval.evidence;
    const replaced = [...new Set(rows.flatMap((r) => (r.value.approved && !same(r.value.approved) ? [approvalText(language(), r.value.approved)] : [])))];
    const changed = rows.filter((r) => !same(r.value.approved));
    // An approval on record is replaced on purpose only, as a decision or an implementation is (--amend).
    if (replaced.length > 0 && !flags.amend) throw new UserError(t("symbol.approve.exists", { customer, approvals: replaced.join(t("common.list-separator")) }), t("symbol.approve.exists.hint", { customer }));
    if (changed.length === 0) {
      ctx.stdout(t("symbol.approve.unchanged", { customer, count: rows.length }) + "\n");
      return 0;
    }
    const change = editFile(session.root, "symbols.yaml", "symbols", (doc) => {
      const items = doc.get("symbols", true);
      if (!isSeq(items)) return;
      for (const row of changed) {
        const item = items.items[row.path[1] as number];
        if (isMap(item)) item.set("approved", doc.createNode(approval));
      }
    });
    const lines = [t("symbol.approve.done", { customer, count: changed.length, approval: approvalText(language(), approval) })];
    if (replaced.length > 0) lines.push(t("symbol.approve.replaced", { approvals: replaced.join(t("common.list-separator")) }));
    await saveChanges(ctx, session, [change], lines, { commit: flags.commit, message: t("symbol.approve.commit", { customer, approval: approvalText(language(), approval) }) });
    return 0;
  });
}
