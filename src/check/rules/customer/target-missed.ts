import { sentences, t } from "../../../i18n/index.js";
import { underStandard } from "../../../model/citations.js";
import { targetMisses } from "../../../model/customers.js";
import { outputLabel } from "../../../model/management-reviews.js";
import type { Rule } from "../../rule.js";

/**
 * A customer's scorecard of a period, recorded by `today`, is worse than the customer's targets (customers/<CODE>.yaml
 * `targets`: PPM above, delivery below) and names no action plan, or names one that is neither an action record nor a
 * management review output, in a repository under IATF 16949: its 9.3.3.1 has top management document and implement an action plan when customer
 * performance targets are not met. A warning at the scorecard's period (or its action_plan).
 */
export const rule: Rule = {
  id: "customer/target-missed",
  severity: "warning",
  // Of a CSR or document, nothing; of a customer, its code, targets and scorecards (the action plans it names are actions/ and management reviews).
  scope: { files: "all", reads: (f) => (f.kind === "customer" ? [f.data.code, f.data.targets, f.data.scorecards] : null) },
  clock: true,
  summary: "A customer scorecard below the customer's targets names no action plan, or one that does not exist.",
  docs: {
    description:
      "{{#IATF16949}}A scorecard under `scorecards` of `customers/<CODE>.yaml` (recorded by today, `csr customer score`) is worse than the customer's `targets` (`csr customer update --target-ppm`, `--target-delivery`): its PPM above the PPM target, or its delivery performance below the delivery target. IATF 16949 9.3.3.1 has top management document and implement an action plan when customer performance targets are not met; 9.1.2.1 has customer performance data monitored. The scorecard names no `action_plan` — reported on its `period` — or names one that is neither an action record under `actions/` (8D-2026-004) nor a management review output (MR-2026-2/1) — reported on its `action_plan`. A customer without `targets` is not checked.{{/IATF16949}}{{^IATF16949}}Checked only in a repository under IATF 16949, which asks for an action plan when customer performance targets are not met; this repository is not checked.{{/IATF16949}}",
    bad: `
targets: {ppm: 30, delivery: 98}
scorecards:
  - {period: 2026-08, ppm: 18, delivery: 99.1, grade: A, date: 2026-09-10, by: zhang}
  - {period: 2026-09, ppm: 41, delivery: 97.2, grade: B, date: 2026-10-12, by: zhang}   # below both targets, no plan
`,
    good: `
  - {period: 2026-09, ppm: 41, delivery: 97.2, grade: B, date: 2026-10-12, by: zhang, action_plan: NC-2026-004}
`,
    fix: "Open the action plan (`csr action open --customer DYA --source internal --title <what is below target> …`, or a management review output) and link it: `csr customer score DYA --period 2026-09 --action-plan <id>`.",
  },
  check(ctx) {
    if (!underStandard(ctx.repo.config?.value.standards, "IATF16949")) return;
    const { today } = ctx.options;
    const actions = new Set(ctx.repo.actions.map((a) => a.value.id));
    const outputs = new Set(ctx.repo.managementReviews.flatMap((r) => (r.value.outputs ?? []).map((o) => outputLabel(r.value, o))));
    for (const customer of ctx.repo.customers) {
      if (!ctx.keeps(customer.file)) continue;
      const targets = customer.value.targets;
      (customer.value.scorecards ?? []).forEach((scorecard, i) => {
        if (scorecard.date > today) return;
        const misses = targetMisses(scorecard, targets);
        if (misses.length === 0) return;
        const missed = misses.map((m) => t(`register.customers.scorecard.miss.${m.measure}`, { value: m.value, target: m.target })).join(t("register.suppliers.rating.separator"));
        const data = { code: customer.value.code, period: scorecard.period, missed };
        if (scorecard.action_plan === undefined) {
          ctx.report({ file: customer.file, path: [...customer.path, "scorecards", i, "period"] }, sentences(t("rule.customer/target-missed", data), t("rule.customer/target-missed.fix", data)));
        } else if (!actions.has(scorecard.action_plan) && !outputs.has(scorecard.action_plan)) {
          ctx.report({ file: customer.file, path: [...customer.path, "scorecards", i, "action_plan"] }, sentences(t("rule.customer/target-missed.unknown-plan", { ...data, plan: scorecard.action_plan }), t("rule.customer/target-missed.fix", data)));
        }
      });
    }
  },
};
