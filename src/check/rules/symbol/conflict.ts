import { locate } from "../../../load/source.js";
import type { Rule } from "../../rule.js";
import { t } from "../../../i18n/index.js";

/** One customer symbol must translate to exactly one internal symbol, or drawings and control plans disagree. */
export const rule: Rule = {
  id: "symbol/conflict",
  severity: "error",
  scope: { files: "all", reads: () => null, citesLines: true },
  summary: "A customer's symbol is mapped to two different internal symbols.",
  docs: {
    description:
      "In `symbols.yaml`, one customer symbol is converted to two different internal symbols or classes by rows in use (a row retired with `csr symbol retire` does not count), so drawings, FMEAs and control plans could mark the same characteristic differently ({{cite:special-characteristics}}). An exact repeat of an entry is reported too.",
    bad: `
  - customer: DYA
    customer_symbol: "▽"
    customer_class: CC
    symbol: "☆"       # line 2 converts ▽ to ★
    class: 重要
`,
    fix: "Keep one conversion per customer symbol.",
  },
  check(ctx) {
    const seen = new Map<string, (typeof ctx.repo.symbols)[number]>();
    for (const entry of ctx.repo.symbols) {
      // A retired row (停用) stays for the earlier revision: the row that replaced it converts the symbol now.
      if (entry.value.retired) continue;
      const { customer, customer_symbol, symbol, class: cls } = entry.value;
      const key = `${customer}\u0000${customer_symbol}`;
      const first = seen.get(key);
      if (!first) {
        seen.set(key, entry);
        continue;
      }
      if (first.value.symbol === symbol && first.value.class === cls) {
        ctx.report({ file: entry.file, path: entry.path }, t("rule.symbol/conflict.repeat", { customer, symbol: customer_symbol, line: locate(first.file, first.path)[0] }));
      } else {
        ctx.report(
          { file: entry.file, path: [...entry.path, "symbol"] },
          t("rule.symbol/conflict", { customer, symbol: customer_symbol, first: first.value.symbol, firstClass: first.value.class, line: locate(first.file, first.path)[0], here: symbol, hereClass: cls }),
        );
      }
    }
  },
};
