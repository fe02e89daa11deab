import { t } from "../../../i18n/index.js";
import { writtenPairings } from "../../../model/symbol-marks.js";
import type { Repository } from "../../../load/repository.js";
import type { SymbolConversion } from "../../../model/types.js";
import type { Rule } from "../../rule.js";
import { numberedSections } from "../doc/numbered-sections.js";

/**
 * A released document's text pairs a customer symbol with one of our symbols other than the one the
 * conversion table gives it, e.g. "重要特性（☆）…对应东岳SC（◇）" while the table converts DYA's ◇ to ◆:
 * the repository then publishes two conversion tables that contradict each other (IATF 16949
 * 8.3.3.3). Conservative: only explicit pairings by 对应 within one sentence (model/symbol-marks.ts).
 */
export const rule: Rule = {
  id: "symbol/document-mismatch",
  severity: "warning",
  scope: { files: "all", reads: () => null },
  summary: "A released document pairs a customer symbol with another symbol of ours than the symbol table.",
  docs: {
    description:
      "A released document's text pairs, in one sentence, a symbol of ours in brackets with a customer's symbol in brackets by 对应 (`重要特性（☆）：…，对应东岳SC（◇）`), and `symbols.yaml` converts that customer symbol, in a row in use, to another symbol of ours: the procedure still defines the old conversion, and the documents marked by it disagree with the table ({{cite:special-characteristics}}). The customer is recognised by its code, its name or the first two characters of its name right before the symbol; sentences with two symbols of ours on one side are left alone.",
    bad: `
      - title: 定义
        text: 重要特性（☆）：影响装配或功能的特性，对应东岳SC（◇）。   # symbols.yaml: DYA ◇ → ◆
`,
    good: `
      - title: 定义
        text: 安全特性（◆）：影响法规符合性的特性，对应东岳法规特性（◇）。
`,
    fix: "Revise the document so that it states the table's conversion (or refers to the symbol conversion table instead of restating it), and release the new revision; if the document is right, correct the table with `csr symbol update`.",
  },
  check(ctx) {
    const rows = ctx.repo.symbols.map((s) => s.value).filter((s) => !s.retired);
    if (rows.length === 0) return;
    const { customers, customerSymbols, ours } = pairingTerms(ctx.repo, rows);
    for (const { value: doc, file } of ctx.repo.documents) {
      if (doc.status !== "released" || !ctx.keeps(file)) continue;
      for (const section of numberedSections(ctx.repo, doc)) {
        const text = section.section.text;
        if (text === undefined || !text.includes("对应")) continue;
        for (const pairing of writtenPairings(text, customers, customerSymbols, ours)) {
          const row = rows.find((r) => r.customer === pairing.customer && r.customer_symbol === pairing.customerSymbol)!;
          if (row.symbol === pairing.symbol) continue;
          ctx.report(
            { file, path: [...section.path, "text"], quote: pairing.sentence },
            t("rule.symbol/document-mismatch", { document: doc.id, section: section.number, customer: pairing.customer, customerSymbol: pairing.customerSymbol, written: pairing.symbol, symbol: row.symbol, class: row.class }),
          );
        }
      }
    }
  },
};

/**
 * What writtenPairings needs from the table's rows in use (`rows`): each customer's ways of being named
 * (code, name, the name's first two Han characters), each customer's symbols, and our symbols.
 */
export function pairingTerms(repo: Pick<Repository, "customers">, rows: readonly SymbolConversion[]): { customers: Map<string, string[]>; customerSymbols: Map<string, Set<string>>; ours: Set<string> } {
  const ours = new Set(rows.map((s) => s.symbol));
  const customerSymbols = new Map<string, Set<string>>();
  for (const row of rows) customerSymbols.set(row.customer, (customerSymbols.get(row.customer) ?? new Set()).add(row.customer_symbol));
  const customers = new Map<string, string[]>();
  for (const { value: c } of repo.customers) if (customerSymbols.has(c.code)) customers.set(c.code, [c.code, c.name, ...(/^\p{Script=Han}{2}/u.test(c.name) ? [c.name.slice(0, 2)] : [])]);
  return { customers, customerSymbols, ours };
}
