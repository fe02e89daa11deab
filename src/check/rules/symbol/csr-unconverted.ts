import { t } from "../../../i18n/index.js";
import { symbolMarks } from "../../../model/symbol-marks.js";
import type { Rule } from "../../rule.js";

/**
 * A CSR's wording names a symbol of its customer that the customer's rows of the conversion table do
 * not convert (IATF 16949 8.2.3.1.2, 8.3.3.3: the customer's symbols, or the organisation's equivalents
 * defined in a conversion table). Only customers with rows in the table are checked: one without uses
 * its own symbols as they are. One finding per customer and symbol, at the first CSR that names it.
 */
export const rule: Rule = {
  id: "symbol/csr-unconverted",
  severity: "warning",
  scope: { files: "all", reads: () => null },
  summary: "A CSR names a customer symbol that the symbol table does not convert.",
  docs: {
    description:
      "A CSR's `text` names a special-characteristic symbol (a geometric mark such as ◆ ◇ ▽, a star, a circled letter) that none of its customer's rows in use in `symbols.yaml` converts: the customer's new revision introduced or kept a symbol the table lacks, or the table retired it. Drawings, FMEAs and control plans marked by the table then have no equivalent for it ({{cite:special-characteristics}}). Only customers that have rows in the table are checked (a customer without rows has its symbols used as they are). One finding per customer and symbol, at the first CSR naming it; a mark that starts a line is a bullet, not a symbol.",
    bad: `
text: 东岳安全特性（◆）和法规特性（◇）须在图纸、PFMEA和控制计划中标注。   # symbols.yaml converts only DYA's ▽ and ◇
`,
    good: `
text: 东岳CC（▽）和SC（◇）特性须在图纸、PFMEA和控制计划中标注。
`,
    fix: "Record how the symbol converts with `csr symbol add --customer <code> --customer-symbol <symbol> …` (or change a row with `csr symbol update`), and have the customer approve it (`csr symbol approve`).",
  },
  check(ctx) {
    const converted = new Map<string, { inUse: Set<string>; retired: Set<string> }>();
    for (const { value: row } of ctx.repo.symbols) {
      const entry = converted.get(row.customer) ?? { inUse: new Set(), retired: new Set() };
      (row.retired ? entry.retired : entry.inUse).add(row.customer_symbol);
      converted.set(row.customer, entry);
    }
    const reported = new Set<string>();
    for (const { value: csr, file } of ctx.repo.csrs) {
      const table = converted.get(csr.customer);
      if (!table || csr.superseded || typeof csr.text !== "string") continue;
      for (const symbol of symbolMarks(csr.text)) {
        const key = `${csr.customer}\u0000${symbol}`;
        if (table.inUse.has(symbol) || reported.has(key)) continue;
        reported.add(key);
        const others = ctx.repo.csrs.filter((c) => c.value !== csr && c.value.customer === csr.customer && !c.value.superseded && typeof c.value.text === "string" && symbolMarks(c.value.text).includes(symbol)).map((c) => c.value.id);
        if (!ctx.keeps(file)) continue;
        const data = { csr: csr.id, customer: csr.customer, symbol, known: [...table.inUse].join("、") || "—", others: others.join("、") };
        ctx.report(
          { file, path: ["text"], quote: symbol },
          t(table.retired.has(symbol) ? "rule.symbol/csr-unconverted.retired" : "rule.symbol/csr-unconverted", data) + (others.length > 0 ? t("rule.symbol/csr-unconverted.others", data) : ""),
        );
      }
    }
  },
};
