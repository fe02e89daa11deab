import { sentences, t } from "../../../i18n/index.js";
import { customerOwner } from "../../../model/tooling.js";
import type { Rule } from "../../rule.js";

/**
 * Customer-owned tooling without its marking recorded (IATF 16949 8.5.1.6: customer-owned tooling permanently
 * marked so that its ownership is visible; 8.5.3 customer property identified). A warning: the tooling may well
 * be marked, the register does not show it.
 */
export const rule: Rule = {
  id: "tooling/customer-owned-unmarked",
  severity: "warning",
  scope: { files: "own" },
  summary: "Customer-owned tooling has no marking recorded.",
  docs: {
    description:
      "An entry of tooling.yaml not scrapped whose `owner` is a customer's code (customer-owned tooling, 顾客财产) has no `marking`. Tooling owned by the customer is permanently marked so that its ownership can be seen, and kept as the customer's property ({{cite:customer-tooling}}); the register records how (the customer's asset tag, a plate) so that an auditor can match it on the shop floor.",
    bad: `
  - id: MD-20-01
    owner: DYA
`,
    good: `
  - id: MD-20-01
    owner: DYA
    marking: 东岳资产标牌 DYA-T-0012
`,
    fix: "Record how it is marked: `csr tooling update MD-20-01 --marking \"<the customer's asset tag>\"`.",
  },
  check(ctx) {
    for (const located of ctx.repo.tooling) {
      if (!ctx.keeps(located.file)) continue;
      const tooling = located.value;
      const customer = customerOwner(tooling);
      // An owner that is no customer is tooling/unknown's finding (one root cause, one finding).
      if (customer === undefined || !ctx.index.customers.has(customer) || tooling.marking?.trim() || tooling.status === "scrapped") continue;
      ctx.report({ file: located.file, path: [...located.path, "owner"] }, sentences(t("rule.tooling/customer-owned-unmarked", { id: tooling.id, name: tooling.name, customer }), t("rule.tooling/customer-owned-unmarked.fix", { id: tooling.id })));
    }
  },
};
