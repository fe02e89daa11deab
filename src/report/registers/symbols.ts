/**
 * The special-characteristic symbol conversion table (特殊特性符号对照表), grouped by customer
 * (IATF 16949 8.2.3.1.2, 8.3.3.3). An empty one says why it is empty: an auditor who asks for it
 * reads that no customer symbol is recorded rather than a table that looks unfinished. A repository
 * under GJB 9001C or ISO 9001 without IATF 16949 names it in its own terms: characteristics
 * are classified as key and important (关键特性, 重要特性; GJB 190), marked in design, process and
 * inspection documents; FMEA and control plans are automotive terms.
 */
import { localized } from "../../core/text.js";
import { translate, type Lang } from "../../i18n/index.js";
import type { SymbolApproval, SymbolConversion } from "../../model/types.js";
import type { Table } from "../table.js";
import { compareIds, customerName, t, withHints, type RegisterContext } from "./context.js";

export function symbolTable(ctx: RegisterContext, options: { customer?: string } = {}): Table {
  const symbols = ctx.repo.symbols
    .map((s, order) => ({ s: s.value, order }))
    .filter(({ s }) => options.customer === undefined || s.customer === options.customer)
    .sort((a, b) => compareIds(a.s.customer, b.s.customer) || a.order - b.order)
    .map(({ s }) => s);
  const name = (code: string) => customerName(ctx, code);
  // The automotive terms unless the repository is under GJB 9001C or ISO 9001 without IATF 16949.
  const standards = ctx.repo.config?.value.standards ?? [];
  const general = !standards.includes("IATF16949") && standards.some((id) => id === "GJB9001C" || id === "ISO9001");
  const terms = general ? "register.symbols.classification" : "register.symbols";
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
    ],
    rows: symbols.map((s, i) => ({
      no: i + 1,
      customer: name(s.customer),
      customerSymbol: s.customer_symbol,
      customerClass: s.customer_class,
      meaning: s.meaning === undefined ? "" : localized(ctx.lang, s.meaning, s.meaning_en),
      symbol: s.symbol,
      class: localized(ctx.lang, s.class, s.class_en),
      approved: s.approved ? approvalText(ctx.lang, s.approved) : "",
    })),
    notes: symbols.length === 0 ? [t(ctx, `${terms}.none`)] : unapprovedNotes(ctx, symbols),
    // The table says what it holds; where a user records a customer's symbols is a hint on stderr, as the other registers' (220dc014).
    ...withHints(symbols.length === 0 ? [t(ctx, "register.symbols.none.hint")] : unapprovedHints(ctx, symbols)),
  };
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

/** Rows without a customer's approval, by customer code, in the table's order. */
function unapproved(symbols: readonly SymbolConversion[]): Map<string, number> {
  const open = new Map<string, number>();
  for (const s of symbols) if (!s.approved) open.set(s.customer, (open.get(s.customer) ?? 0) + 1);
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
