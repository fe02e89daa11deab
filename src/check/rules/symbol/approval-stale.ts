import { approvalText } from "../../../report/registers/symbols.js";
import { language, t } from "../../../i18n/index.js";
import { approvalState, conversionText, conversionValues } from "../../../model/symbols.js";
import type { Rule } from "../../rule.js";

/**
 * A row of the symbol conversion table changed after the customer approved it: the approval is of
 * the conversion as it was (`approved.conversion`), so the table must not claim it for the new one
 * (IATF 16949 8.3.3.3). `csr symbol update` moves the approval to the row's history itself; this
 * finds a row edited by hand.
 */
export const rule: Rule = {
  id: "symbol/approval-stale",
  severity: "warning",
  scope: { files: "all", reads: () => null, citesLines: true },
  summary: "A row of the symbol table was changed after the customer approved it.",
  docs: {
    description:
      "In `symbols.yaml`, a row's conversion (the customer's symbol, class and meaning, our symbol and class) differs from the one recorded in its `approved.conversion`: the row was changed after the customer approved it, so the approval does not cover what the table now says ({{cite:special-characteristics}}). The table prints the row as not approved. `csr symbol update` moves the old approval into `earlier_approvals` itself; this finds a row changed by hand.",
    bad: `
    customer_class: 法规特性
    symbol: ◆
    class: 安全
    approved:
      by: 刘涛（东岳SQE）
      date: 2025-03-05
      conversion:
        customer_symbol: ◇
        customer_class: SC
        symbol: ☆
        class: 重要
`,
    good: `
    customer_class: 法规特性
    symbol: ◆
    class: 安全
    changes:
      - date: 2026-11-18
        by: zhang
        was: {customer_class: SC, symbol: ☆, class: 重要}
    earlier_approvals:
      - by: 刘涛（东岳SQE）
        date: 2025-03-05
        conversion:
          customer_symbol: ◇
          customer_class: SC
          symbol: ☆
          class: 重要
`,
    fix: "Change a row with `csr symbol update` (it records the change and keeps the old approval as history); once the customer approves the new conversion, record it with `csr symbol approve <customer> --rows <symbol>`.",
  },
  check(ctx) {
    for (const entry of ctx.repo.symbols) {
      const row = entry.value;
      if (row.retired || approvalState(row) !== "stale" || !ctx.keeps(entry.file)) continue;
      ctx.report(
        { file: entry.file, path: [...entry.path, "approved"], key: true },
        t("rule.symbol/approval-stale", { customer: row.customer, symbol: row.customer_symbol, approval: approvalText(language(), row.approved!), approved: conversionText(row.approved!.conversion!), now: conversionText(conversionValues(row)) }),
      );
    }
  },
};
