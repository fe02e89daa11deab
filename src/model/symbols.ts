/**
 * The state of a row of the special-characteristic symbol conversion table (symbols.yaml) and of its
 * customer's approval. IATF 16949 8.3.3.3 lets the organisation use its own symbols through a
 * conversion table that the customer may need to approve: an approval is of the row's content, so a
 * row changed after it (by csr symbol update or by hand) is no longer approved.
 */
import type { OwnSymbol, SymbolApproval, SymbolConversion, SymbolConversionValues } from "./types.js";

/** The values of `row` that its customer approves (customer symbol, class and meaning; our symbol and class). */
export function conversionValues(row: SymbolConversion): SymbolConversionValues {
  return {
    customer_symbol: row.customer_symbol,
    customer_class: row.customer_class,
    ...(row.meaning !== undefined ? { meaning: row.meaning } : {}),
    symbol: row.symbol,
    class: row.class,
  };
}

/** Whether two sets of row values are the same conversion (a missing meaning equals an empty one). */
export function sameConversion(a: SymbolConversionValues, b: SymbolConversionValues): boolean {
  return a.customer_symbol === b.customer_symbol && a.customer_class === b.customer_class && (a.meaning ?? "") === (b.meaning ?? "") && a.symbol === b.symbol && a.class === b.class;
}

/**
 * "none": no approval recorded; "holds": the approval is of the row as it is now (or was recorded
 * without its values, before csr kept them); "stale": the row was changed after its approval.
 */
export type ApprovalState = "none" | "holds" | "stale";

export function approvalState(row: SymbolConversion): ApprovalState {
  const approval = row.approved;
  if (!approval) return "none";
  if (!approval.conversion) return "holds";
  return sameConversion(approval.conversion, conversionValues(row)) ? "holds" : "stale";
}

/** Whether `row` is in use: not retired (停用). */
export function inUse(row: SymbolConversion): boolean {
  return row.retired === undefined;
}

/** "DYA-SC/C" → { document: "DYA-SC", revision: "C" }; undefined when it does not read as DOCUMENT/REVISION. */
export function approvalSource(approval: SymbolApproval): { document: string; revision: string } | undefined {
  const slash = approval.source?.lastIndexOf("/") ?? -1;
  if (!approval.source || slash <= 0 || slash === approval.source.length - 1) return undefined;
  return { document: approval.source.slice(0, slash), revision: approval.source.slice(slash + 1) };
}

/** "◇ SC → ☆ 重要": a conversion in one line, for messages. */
export function conversionText(values: SymbolConversionValues): string {
  return `${values.customer_symbol} ${values.customer_class} → ${values.symbol} ${values.class}`;
}

/** One row of a document's 符号说明 (symbol legend): a mark it uses, its class and meaning, and the customer symbols it converts. */
export interface SymbolLegendRow {
  symbol: string;
  /** Our class (关键), or the customer's class for a customer's symbol used as it is; distinct classes joined. */
  class: string;
  /** The rows' meanings, each once, in table order; "" when no row gives one. */
  meanings: string[];
  /** The customer symbols converted to it (DYA ▽ CC); for a customer's symbol used as it is, the customer alone. */
  customers: { customer: string; symbol?: string; class?: string }[];
}

/**
 * The 符号说明 of a document whose text shows `marks` (symbolMarks, in order of first appearance): for each
 * mark a row of the table in use has as our symbol or as a customer's symbol, its class, meaning and the
 * customer symbols converted to it, so that the reader of a work instruction or control plan learns what
 * a mark asks where the mark is (IATF 16949 8.3.3.3, 8.2.3.1.2). `en`: the English class and meaning where
 * the row gives them. `customers`: the document's customers (symbol-documents.ts documentCustomers); a mark
 * their rows have is explained by their rows alone, any other by every row in use; `own`: the organisation's own marks
 * (symbols.yaml `own`), explained by their own row, with no customer. A mark the table does not list gets no row (symbol/unknown-symbol reports it).
 */
export function symbolLegend(rows: readonly SymbolConversion[], marks: readonly string[], en = false, customers: ReadonlySet<string> = new Set(), own: readonly OwnSymbol[] = []): SymbolLegendRow[] {
  const all = rows.filter(inUse);
  // A mark of the document's customers means what their rows say; another customer's meaning of it would only confuse.
  const theirRows = all.filter((r) => customers.has(r.customer));
  const legend: SymbolLegendRow[] = [];
  const distinct = (values: string[]) => [...new Set(values.filter((v) => v !== ""))];
  for (const mark of marks) {
    // The organisation's own mark (symbols.yaml `own`) means what it says, whichever customer's the document is.
    const mine = own.find((r) => r.symbol === mark);
    if (mine) {
      legend.push({ symbol: mark, class: en ? (mine.class_en ?? mine.class) : mine.class, meanings: distinct([(en ? (mine.meaning_en ?? mine.meaning) : mine.meaning) ?? ""]), customers: [] });
      continue;
    }
    const live = theirRows.some((r) => r.symbol === mark || r.customer_symbol === mark) ? theirRows : all;
    const ours = live.filter((r) => r.symbol === mark);
    const theirs = ours.length > 0 ? [] : live.filter((r) => r.customer_symbol === mark);
    const matched = ours.length > 0 ? ours : theirs;
    if (matched.length === 0) continue;
    const meaning = (r: SymbolConversion) => (en ? (r.meaning_en ?? r.meaning ?? "") : (r.meaning ?? ""));
    legend.push({
      symbol: mark,
      class: distinct(matched.map((r) => (ours.length > 0 ? (en ? (r.class_en ?? r.class) : r.class) : r.customer_class))).join(" / "),
      meanings: distinct(matched.map(meaning)),
      customers: ours.length > 0 ? ours.map((r) => ({ customer: r.customer, symbol: r.customer_symbol, class: r.customer_class })) : theirs.map((r) => ({ customer: r.customer })),
    });
  }
  return legend;
}
