import { sentences, t } from "../../../i18n/index.js";
import { underStandard } from "../../../model/citations.js";
import { specialStatusesOn } from "../../../model/customers.js";
import type { Rule } from "../../rule.js";

/**
 * A special status a customer placed the organisation in (controlled shipping, new business hold; IATF 16949 9.1.2.1) is in
 * force on `today`, in a repository under IATF 16949, and the day the certification body was informed (`cb_notified`) is not recorded: the IATF Rules have a
 * certified organisation inform its certification body of a customer special status. A warning at the status.
 */
export const rule: Rule = {
  id: "customer/special-status-unreported",
  severity: "warning",
  scope: { files: "own" },
  clock: true,
  summary: "A customer special status in force has no record of the certification body being informed.",
  docs: {
    description:
      "{{#IATF16949}}An entry of `special_status` in `customers/<CODE>.yaml` (`csr customer special-status`) is in force today — its `from` on or before today, no `until` by then — and has no `cb_notified`. A customer's special status (controlled shipping CS1/CS2, new business hold) is customer performance data IATF 16949 9.1.2.1 has monitored, and the IATF Rules have a certified organisation inform its certification body of it: an auditor asks for the notification. Reported on the entry's `status`.{{/IATF16949}}{{^IATF16949}}Checked only in a repository under IATF 16949, whose certification rules ask that a customer special status be reported to the certification body; this repository is not checked.{{/IATF16949}}",
    bad: `
special_status:
  - {status: new-business-hold, from: 2025-03-01, until: 2025-09-30, note: 年度计分卡 D 级}   # lifted: not reported
  - {status: controlled-shipping-1, from: 2026-11-02, note: 连续两批尺寸超差, record: DYA-CS-2026-07}   # CB not informed
`,
    good: `
  - {status: controlled-shipping-1, from: 2026-11-02, note: 连续两批尺寸超差, record: DYA-CS-2026-07, cb_notified: 2026-11-05}
`,
    fix: "Inform the certification body and record the day: `csr customer special-status DYA --status controlled-shipping-1 --cb-notified <date>`.",
  },
  check(ctx) {
    if (!underStandard(ctx.repo.config?.value.standards, "IATF16949")) return;
    const { today } = ctx.options;
    for (const customer of ctx.repo.customers) {
      if (!ctx.keeps(customer.file)) continue;
      const inForce = new Set(specialStatusesOn(customer.value, today));
      (customer.value.special_status ?? []).forEach((status, i) => {
        if (!inForce.has(status) || status.cb_notified !== undefined) return;
        const data = { code: customer.value.code, status: t(`customer.special-status.${status.status}`), id: status.status, from: status.from };
        ctx.report({ file: customer.file, path: [...customer.path, "special_status", i, "status"] }, sentences(t("rule.customer/special-status-unreported", data), t("rule.customer/special-status-unreported.fix", data)));
      });
    }
  },
};
