import { shellArgument } from "../../../core/text.js";
import { t } from "../../../i18n/index.js";
import { wordingOf } from "../../../model/citations.js";
import { approvalState, conversionText, conversionValues, inUse } from "../../../model/symbols.js";
import type { Rule } from "../../rule.js";

/**
 * IATF 16949 8.3.3.3 (and 8.2.3.1.2): the organisation's symbols stand for the customer's through a
 * conversion table the customer accepts; the examples' QP-014 §5.2 uses the table only after the
 * customer approved it. A row in use with no approval recorded converts a customer's symbol on the
 * organisation's word alone (tester67a A10: `csr list symbols` said 未登记顾客认可, `csr check` nothing).
 */
export const rule: Rule = {
  id: "symbol/approval-missing",
  severity: "warning",
  scope: { files: "all", reads: () => null },
  summary: "A row of the symbol table in use has no customer approval recorded.",
  docs: {
    description:
      "In `symbols.yaml`, a row in use (not `retired`) has no `approved`: nothing records that the customer accepted the conversion of its symbol to ours, yet drawings, control plans and PFMEAs are marked by it (under GJB 9001C or ISO 9001 without IATF 16949 the message speaks of the characteristic classification table, 特性分类符号对照表, on drawings, process and inspection documents). The special characteristics are marked with the customer's symbols or equivalent symbols defined in a conversion table{{#IATF16949}} submitted to the customer (IATF 16949 8.3.3.3; 8.2.3.1.2){{/IATF16949}} ({{cite:special-characteristics}}), and the symbol table register prints such a row's customer under 未登记顾客认可. A row changed after its approval is `symbol/approval-stale`'s.",
    bad: `
  - customer: BCM
    customer_symbol: S
    customer_class: 安全特性
    symbol: ◆
    class: 安全
`,
    good: `
  - customer: BCM
    customer_symbol: S
    customer_class: 安全特性
    symbol: ◆
    class: 安全
    approved: {by: 赵磊（北辰SQE）, date: 2025-05-20, evidence: 签字的对照表}
`,
    fix: "Submit the table to the customer and record its approval: `csr symbol approve BCM --by <who> --date <date> --evidence <where it is>` (the message gives the rows). A customer that does not ask to approve the table: set `symbol/approval-missing: off` under `rules` in qms.yaml.",
  },
  check(ctx) {
    // Under GJB 9001C or ISO 9001 without IATF 16949 the table is of key and important characteristics, used on drawings and process documents (tester79 G8).
    const key = wordingOf(ctx.repo.config?.value.standards) === "general" ? "rule.symbol/approval-missing.general" : "rule.symbol/approval-missing";
    for (const entry of ctx.repo.symbols) {
      const row = entry.value;
      // A row of a customer the repository cannot read (its file fails) is that file's finding, not one per row.
      if (!inUse(row) || approvalState(row) !== "none" || !ctx.index.customers.has(row.customer) || !ctx.keeps(entry.file)) continue;
      ctx.report(
        { file: entry.file, path: [...entry.path, "customer_symbol"] },
        t(key, { customer: row.customer, symbol: row.customer_symbol, conversion: conversionText(conversionValues(row)), arg: shellArgument(row.customer), row: shellArgument(row.customer_symbol) }),
      );
    }
  },
};
