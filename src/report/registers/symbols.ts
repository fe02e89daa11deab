/**
 * The special-characteristic symbol conversion table (特殊特性符号对照表), grouped by customer
 * (IATF 16949 8.2.3.1.2, 8.3.3.3). An empty one says why it is empty: an auditor who asks for it
 * reads that no customer symbol is recorded rather than a table that looks unfinished. A repository
 * under GJB 9001C or ISO 9001 without IATF 16949 names it in its own terms: characteristics
 * are classified as key and important (关键特性, 重要特性; GJB 190), marked in design, process and
 * inspection documents; FMEA and control plans are automotive terms. The organisation's own marks (symbols.yaml `own`,
 * 本单位特性符号) come first, as rows of 本单位 with no customer symbol and no approval to record; csr import does not read
 * them back (it names the `csr symbol add` that records one).
 */
import { localized } from "../../core/text.js";
import { translate, type Lang } from "../../i18n/index.js";
import { approvalState, conversionText, conversionValues, inUse } from "../../model/symbols.js";
import type { SymbolApproval, SymbolConversion } from "../../model/types.js";
import type { Table } from "../table.js";
import { compareIds, customerName, personName, t, wantsTranslationHints, withHints, type RegisterContext } from "./context.js";
import { filterNotesOf } from "./filter.js";

export function symbolTable(ctx: RegisterContext, options: { customer?: string } = {}): Table {
  const symbols = ctx.repo.symbols
    .map((s, order) => ({ s: s.value, order }))
    .filter(({ s }) => options.customer === undefined || s.customer === options.customer)
    .sort((a, b) => compareIds(a.s.customer, b.s.customer) || a.order - b.order)
    .map(({ s }) => s);
  // The organisation's own marks belong to no customer: not in one customer's extract.
  const own = options.customer === undefined ? ctx.repo.ownSymbols.map((s) => s.value) : [];
  const name = (code: string) => customerName(ctx, code);
  // The automotive terms unless the repository is under GJB 9001C or ISO 9001 without IATF 16949.
  const standards = ctx.repo.config?.value.standards ?? [];
  const general = !standards.includes("IATF16949") && standards.some((id) => id === "GJB9001C" || id === "ISO9001");
  const terms = general ? "register.symbols.classification" : "register.symbols";
  // A table the customer approves is a controlled record (IATF 16949 8.3.3.3): printed without its form, it carries no form number nor signatures.
  // Own marks alone are no conversion for a customer to approve: their definition is the procedure's (GJB 190), not such a record.
  const uncontrolled = ctx.repo.config?.value.registers?.forms?.symbols === undefined && symbols.length > 0;
  // One customer's rows are an extract of the table, said under it and beside its form number (tester74 T11).
  const filtered = options.customer === undefined ? undefined : filterNotesOf(ctx, [t(ctx, "register.filter.customer", { customer: name(options.customer) })], "symbols", "csr list symbols", [options.customer]);
  return {
    id: "symbols",
    title: t(ctx, `${terms}.title`),
    sheet: t(ctx, `${terms}.sheet`),
    columns: [
      { key: "no", header: t(ctx, "register.symbols.column.no"), kind: "number" },
      { key: "customer", header: t(ctx, "register.symbols.column.customer"), kind: "name" },
      { key: "customerSymbol", header: t(ctx, "register.symbols.column.customerSymbol"), kind: "code" },
      { key: "customerClass", header: t(ctx, "register.symbols.column.customerClass") },
      { key: "meaning", header: t(ctx, "register.symbols.column.meaning") },
      { key: "symbol", header: t(ctx, "register.symbols.column.symbol"), kind: "code" },
      { key: "class", header: t(ctx, "register.symbols.column.class") },
      { key: "approved", header: t(ctx, "register.symbols.column.approved") },
      { key: "remarks", header: t(ctx, "register.symbols.column.remarks") },
    ],
    rows: [
      ...own.map((s, i) => ({
        no: i + 1,
        customer: t(ctx, "register.symbols.own"),
        customerSymbol: "",
        customerClass: "",
        meaning: s.meaning === undefined ? "" : localized(ctx.lang, s.meaning, s.meaning_en),
        symbol: s.symbol,
        class: localized(ctx.lang, s.class, s.class_en),
        approved: "",
        remarks: t(ctx, "register.symbols.own.remark"),
      })),
      ...symbols.map((s, i) => ({
        no: own.length + i + 1,
        customer: name(s.customer),
        customerSymbol: s.customer_symbol,
        customerClass: s.customer_class,
        meaning: s.meaning === undefined ? "" : localized(ctx.lang, s.meaning, s.meaning_en),
        symbol: s.symbol,
        class: localized(ctx.lang, s.class, s.class_en),
        approved: approvedCell(ctx, s),
        remarks: remarks(ctx, s),
      })),
    ],
    ...(filtered ? { filtered: filtered.filtered } : {}),
    notes: [...(filtered ? [filtered.note] : []), ...(symbols.length + own.length === 0 ? [t(ctx, `${terms}.none`)] : [...unapprovedNotes(ctx, symbols), ...(uncontrolled ? [t(ctx, "register.symbols.no-form")] : [])])],
    // The table says what it holds; where a user records a customer's symbols is a hint on stderr, as the other registers' (220dc014).
    ...withHints(symbols.length + own.length === 0 ? [t(ctx, "register.symbols.none.hint")] : [...unapprovedHints(ctx, symbols), ...(uncontrolled ? [t(ctx, "register.symbols.no-form.hint")] : []), ...untranslatedHints(ctx, symbols)]),
  };
}

/**
 * In English, how many rows print their meaning or our class in Chinese for want of English (meaning_en, class_en),
 * and the command that records it (tester65 N11); none in Chinese, nor in a repository kept in English.
 */
function untranslatedHints(ctx: RegisterContext, symbols: readonly SymbolConversion[]): string[] {
  if (!wantsTranslationHints(ctx)) return [];
  const rows = symbols.filter((s) => (s.meaning !== undefined && !s.meaning_en) || !s.class_en);
  if (rows.length === 0) return [];
  const [first] = rows;
  return [t(ctx, "register.symbols.untranslated", { count: rows.length, customer: first!.customer, symbol: first!.customer_symbol })];
}

/** "刘涛（东岳SQE） 2025-03-05（邮件）": a customer's approval as the table's 顾客认可 column prints it (csr import reads it back, approvalOf). */
export function approvalText(lang: Lang, approval: SymbolApproval): string {
  return `${approval.by} ${approval.date}${approval.evidence ? translate(lang, "register.symbols.approved.evidence", { evidence: approval.evidence }) : ""}`;
}

/**
 * The approval a 顾客认可 cell states (approvalText), or undefined when it does not read as one:
 * who, a space, the date, and optionally the evidence in （） or ( ).
 */
export function approvalOf(text: string): SymbolApproval | undefined {
  const match = /^(.+?)\s+(\d{4}-\d{2}-\d{2})\s*(?:[（(](.+)[）)])?$/u.exec(text.trim());
  if (!match) return undefined;
  const [, by, date, evidence] = match;
  return { by: by!, date: date!, ...(evidence ? { evidence } : {}) };
}

/**
 * The 顾客认可 cell: the approval where it holds, 未认可 where the row was changed after it (the
 * approval was of other content: model/symbols.ts), empty where none is recorded.
 */
function approvedCell(ctx: RegisterContext, s: SymbolConversion): string {
  if (!s.approved) return "";
  return approvalState(s) === "stale" ? t(ctx, "register.symbols.approved.stale") : approvalText(ctx.lang, s.approved);
}

/** The 备注 cell: a retired row's date, who retired it (by name, as the registers print people) and why, the document revision approved for, the row's changes with who made each, and its earlier approvals (csr import reads them back: import/symbol-remarks.ts). */
function remarks(ctx: RegisterContext, s: SymbolConversion): string {
  const parts: string[] = [];
  if (s.retired) parts.push(t(ctx, "register.symbols.remark.retired-by", { date: s.retired.date, by: personName(ctx, s.retired.by), reason: s.retired.reason }));
  if (s.approved?.source && approvalState(s) === "holds") parts.push(t(ctx, "register.symbols.remark.source", { source: s.approved.source }));
  for (const change of s.changes ?? []) {
    const was = conversionText({ ...conversionValues(s), ...Object.fromEntries(Object.entries(change.was).filter(([key]) => key !== "meaning" && key !== "meaning_en" && key !== "class_en")) });
    parts.push(t(ctx, "register.symbols.remark.changed-by", { date: change.date, by: personName(ctx, change.by), was, reason: change.reason ? t(ctx, "register.symbols.remark.reason", { reason: change.reason }) : "" }));
  }
  const earlier = [...(s.earlier_approvals ?? []), ...(s.approved && approvalState(s) === "stale" ? [s.approved] : [])];
  for (const approval of earlier) parts.push(t(ctx, "register.symbols.remark.earlier", { approval: approvalText(ctx.lang, approval), conversion: approval.conversion ? conversionText(approval.conversion) : "" }));
  return parts.join(t(ctx, "register.symbols.remark.separator"));
}

/** Rows in use without a customer's approval that holds, by customer code, in the table's order. */
function unapproved(symbols: readonly SymbolConversion[]): Map<string, number> {
  const open = new Map<string, number>();
  for (const s of symbols) if (inUse(s) && approvalState(s) !== "holds") open.set(s.customer, (open.get(s.customer) ?? 0) + 1);
  return open;
}

/** Which customers have rows without an approval: one note naming them. */
function unapprovedNotes(ctx: RegisterContext, symbols: readonly SymbolConversion[]): string[] {
  const open = unapproved(symbols);
  if (open.size === 0) return [];
  const customers = [...open].map(([code, count]) => t(ctx, "register.symbols.unapproved.customer", { customer: customerName(ctx, code), count }));
  return [t(ctx, "register.symbols.unapproved", { customers: customers.join(t(ctx, "common.list-separator")) })];
}

/** The command that records an approval, for the first customer without one: for the one who runs the command (Table.hints), not the table's reader. */
function unapprovedHints(ctx: RegisterContext, symbols: readonly SymbolConversion[]): string[] {
  const [code] = unapproved(symbols).keys();
  return code === undefined ? [] : [t(ctx, "register.symbols.unapproved.hint", { code })];
}
