/** The special-characteristic symbol conversion table (特殊特性符号对照表), grouped by customer. */
import type { Table } from "../table.js";
import { compareIds, customerName, t, type RegisterContext } from "./context.js";

export function symbolTable(ctx: RegisterContext, options: { customer?: string } = {}): Table {
  const symbols = ctx.repo.symbols
    .map((s, order) => ({ s: s.value, order }))
    .filter(({ s }) => options.customer === undefined || s.customer === options.customer)
    .sort((a, b) => compareIds(a.s.customer, b.s.customer) || a.order - b.order)
    .map(({ s }) => s);
  const name = (code: string) => customerName(ctx, code);
  return {
    id: "symbols",
    title: t(ctx, "特殊特性符号对照表", "Special characteristics symbol conversion table"),
    sheet: t(ctx, "特殊特性符号对照表", "Symbols"),
    columns: [
      { key: "customer", header: t(ctx, "顾客", "Customer") },
      { key: "customerSymbol", header: t(ctx, "顾客符号", "Customer symbol") },
      { key: "customerClass", header: t(ctx, "顾客分类", "Customer class") },
      { key: "meaning", header: t(ctx, "含义", "Meaning") },
      { key: "symbol", header: t(ctx, "本公司符号", "Our symbol") },
      { key: "class", header: t(ctx, "本公司分类", "Our class") },
    ],
    rows: symbols.map((s) => ({
      customer: name(s.customer),
      customerSymbol: s.customer_symbol,
      customerClass: s.customer_class,
      meaning: s.meaning ?? "",
      symbol: s.symbol,
      class: s.class,
    })),
  };
}
