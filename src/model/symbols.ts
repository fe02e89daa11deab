/**
 * The state of a row of the special-characteristic symbol conversion table (symbols.yaml) and of its
 * customer's approval. IATF 16949 8.3.3.3 lets the organisation use its own symbols through a
 * conversion table that the customer may need to approve: an approval is of the row's content, so a
 * row changed after it (by csr symbol update or by hand) is no longer approved.
 */
import type { SymbolApproval, SymbolConversion, SymbolConversionValues } from "./types.js";

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
