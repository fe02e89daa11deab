/**
 * The special-characteristic symbol conversion table (特殊特性符号对照表), grouped by customer
 * (IATF 16949 8.2.3.1.2, 8.3.3.3). An empty one says why it is empty: an auditor who asks for it
 * reads that no customer symbol is recorded rather than a table that looks unfinished. A repository
 * under GJB 9001C or ISO 9001 without IATF 16949 names it in its own terms: characteristics
 * are classified as key and important (关键特性, 重要特性; GJB 190), marked in design, process and
 * inspection documents; FMEA and control plans are automotive terms.
 */
import type { Table } from "../table.js";
import { compareIds, customerName, t, type RegisterContext } from "./context.js";

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
      { key: "customer", header: t(ctx, "register.symbols.column.customer"), kind: "name" },
      { key: "customerSymbol", header: t(ctx, "register.symbols.column.customerSymbol"), kind: "code" },
      { key: "customerClass", header: t(ctx, "register.symbols.column.customerClass") },
      { key: "meaning", header: t(ctx, "register.symbols.column.meaning") },
      { key: "symbol", header: t(ctx, "register.symbols.column.symbol"), kind: "code" },
      { key: "class", header: t(ctx, "register.symbols.column.class") },
    ],
    rows: symbols.map((s) => ({
      customer: name(s.customer),
      customerSymbol: s.customer_symbol,
      customerClass: s.customer_class,
      meaning: s.meaning ?? "",
      symbol: s.symbol,
      class: s.class,
    })),
    ...(symbols.length === 0 ? { notes: [t(ctx, `${terms}.none`)] } : {}),
  };
}
