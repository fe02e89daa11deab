/**
 * `csr symbol approve <customer>`: records the customer's approval of rows of the symbol conversion
 * table (特殊特性符号对照表, symbols.yaml). IATF 16949 8.3.3.3 lets the organisation mark special
 * characteristics with its own symbols through a conversion table; a customer may require to approve
 * it (a CSR such as "符号对照表须经顾客 SQE 认可"), and the auditor then asks for the approval beside
 * the table: who for the customer, when, where it is recorded, for which revision of its document.
 *
 * An approval is of a row's content: it is written with the row's values (`conversion`), so a row
 * changed afterwards reads as 未认可 (model/symbols.ts). Which rows: `--rows` names them; by default
 * the rows in use without an approval that holds (new or changed rows), else all rows in use. A
 * retired row (停用) is never approved again: its approval stays as it was, for the earlier revision.
 * A row whose approval holds gets another one with --amend only, and the one it replaces moves to
 * the row's `earlier_approvals`, as does the void approval of a changed row.
 *
 * Errors (UserError, one line): an unknown customer; a customer without rows in use; an unknown or
 * retired row in --rows; an unknown --source; a missing or empty --by; an invalid --date or one after
 * today; another approval on record without --amend.
 */
import { UserError } from "../../core/errors.js";
import { didYouMean } from "../../core/text.js";
import { language, list, t } from "../../i18n/index.js";
import type { Located } from "../../load/repository.js";
import { approvalState, conversionValues } from "../../model/symbols.js";
import type { Customer, SymbolApproval, SymbolConversion } from "../../model/types.js";
import { approvalText } from "../../report/registers/symbols.js";
import type { CommandContext } from "../context.js";
import { eventDateOption } from "../options.js";
import { editFile, listOption, need, saveChanges, withEditSession } from "../shared/edit.js";
import { appendTo, rowNode } from "./update.js";

export interface SymbolApproveFlags {
  by?: string;
  date?: string;
  evidence?: string;
  source?: string;
  rows?: string[] | string;
  amend?: boolean;
  yes?: boolean;
  commit?: boolean;
}

export async function symbolApproveCommand(ctx: CommandContext, customerGiven: string, flags: SymbolApproveFlags): Promise<number> {
  return withEditSession(ctx, flags.yes, undefined, async (session) => {
    const codes = session.repo.customers.map((c) => c.value.code);
    const customer = codes.find((c) => c === customerGiven) ?? codes.find((c) => c.toLowerCase() === customerGiven.trim().toLowerCase());
    if (!customer) throw new UserError(t("symbol.unknown-customer", { code: customerGiven, known: list(codes) || t("symbol.none") }) + didYouMean(customerGiven, codes));
    const all = session.repo.symbols.filter((s) => s.value.customer === customer);
    const inUse = all.filter((s) => !s.value.retired);
    if (inUse.length === 0) throw new UserError(t("symbol.approve.no-rows", { customer }), t("symbol.approve.no-rows.hint", { customer }));
    const rows = chosenRows(customer, all, inUse, listOption(flags.rows));
    const source = flags.source === undefined ? undefined : sourceOption(session.index.customers.get(customer)?.value, flags.source);
    const by = (flags.by ?? (await need(session.ask, "--by", t("symbol.approve.needs.by"), (p) => p.input({ message: t("symbol.approve.prompt.by"), required: true })))).trim();
    if (by === "") throw new UserError(t("symbol.empty", { flag: "--by" }));
    // A record of something done: not after today (date/in-future).
    const date = eventDateOption(flags.date, "--date");
    const evidence = flags.evidence?.trim() || undefined;
    const approval: SymbolApproval = { by, date, ...(evidence ? { evidence } : {}), ...(source ? { source } : {}) };
    const same = (a: SymbolApproval | undefined) => a !== undefined && a.by === approval.by && a.date === approval.date && a.evidence === approval.evidence && (source === undefined || a.source === source);
    // An approval that holds is replaced on purpose only, as a decision or an implementation is (--amend); a void one is history already.
    const holding = rows.filter((r) => approvalState(r.value) === "holds" && !same(r.value.approved));
    const replaced = [...new Set(holding.map((r) => approvalText(language(), r.value.approved!)))];
    if (replaced.length > 0 && !flags.amend) throw new UserError(t("symbol.approve.exists", { customer, approvals: replaced.join(t("common.list-separator")) }), t("symbol.approve.exists.hint", { customer }));
    const changed = rows.filter((r) => !(approvalState(r.value) === "holds" && same(r.value.approved)));
    if (changed.length === 0) {
      ctx.stdout(t("symbol.approve.unchanged", { customer, count: rows.length }) + "\n");
      return 0;
    }
    const change = editFile(session.root, "symbols.yaml", "symbols", (doc) => {
      for (const row of changed) {
        const item = rowNode(doc, row);
        const earlier = row.value.approved;
        if (earlier) appendTo(doc, item, "earlier_approvals", earlier.conversion ? earlier : { ...earlier, conversion: conversionValues(row.value) });
        item.set("approved", doc.createNode({ ...approval, conversion: conversionValues(row.value) }));
      }
    });
    const symbols = changed.map((r) => r.value.customer_symbol).join(t("common.list-separator"));
    const lines = [t("symbol.approve.done", { customer, count: changed.length, symbols, approval: approvalText(language(), approval) })];
    if (replaced.length > 0) lines.push(t("symbol.approve.replaced", { approvals: replaced.join(t("common.list-separator")) }));
    const kept = inUse.filter((r) => !changed.includes(r) && approvalState(r.value) === "holds");
    if (kept.length > 0) lines.push(t("symbol.approve.kept", { count: kept.length, symbols: kept.map((r) => r.value.customer_symbol).join(t("common.list-separator")) }));
    await saveChanges(ctx, session, [change], lines, { commit: flags.commit, message: t("symbol.approve.commit", { customer, approval: approvalText(language(), approval) }) });
    return 0;
  });
}

/**
 * The rows to approve: those `given` names (customer symbols, each a row in use), else the rows in
 * use whose approval does not hold, else all rows in use (the customer approves the table again).
 */
function chosenRows(customer: string, all: Located<SymbolConversion>[], inUse: Located<SymbolConversion>[], given: string[]): Located<SymbolConversion>[] {
  if (given.length > 0) {
    return [...new Set(given)].map((symbol) => {
      const row = inUse.find((r) => r.value.customer_symbol === symbol);
      if (row) return row;
      const retired = all.find((r) => r.value.customer_symbol === symbol);
      if (retired) throw new UserError(t("symbol.approve.retired", { customer, symbol, date: retired.value.retired!.date }));
      throw new UserError(t("symbol.unknown-symbol", { customer, symbol, known: list(inUse.map((r) => r.value.customer_symbol)) }));
    });
  }
  const open = inUse.filter((r) => approvalState(r.value) !== "holds");
  return open.length > 0 ? open : inUse;
}

/** "DYA-SC/C", or "DYA-SC" for its latest revision: a source document of the customer and one of its revisions. */
function sourceOption(customer: Customer | undefined, given: string): string {
  const text = given.trim();
  const slash = text.lastIndexOf("/");
  const id = slash > 0 ? text.slice(0, slash) : text;
  const sources = customer?.sources ?? [];
  const source = sources.find((s) => s.id === id) ?? sources.find((s) => s.id.toLowerCase() === id.toLowerCase());
  if (!source) throw new UserError(t("symbol.approve.unknown-source", { source: id, customer: customer?.code ?? "", known: list(sources.map((s) => s.id)) || t("symbol.none") }) + didYouMean(id, sources.map((s) => s.id)));
  const revisions = source.revisions.map((r) => r.revision);
  const revision = slash > 0 ? text.slice(slash + 1) : revisions.at(-1)!;
  if (!revisions.includes(revision)) throw new UserError(t("symbol.approve.unknown-revision", { source: source.id, revision, known: list(revisions) }));
  return `${source.id}/${revision}`;
}
