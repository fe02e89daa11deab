import { sentences, t } from "../../../i18n/index.js";
import { maintenanceDue } from "../../../model/tooling.js";
import type { Rule } from "../../rule.js";

/**
 * Tooling past its planned maintenance (IATF 16949 8.5.1.5 TPM, 8.5.1.6: production tooling maintained and
 * repaired under a tooling management system): the interval of tooling.yaml `maintenance` since the last
 * maintenance recorded has passed (model/tooling.ts maintenanceDue), or, never maintained, since the day it was put in use
 * (`in_use_since`); never maintained with no such day recorded, at once. A warning: a plan not kept, not yet a product at
 * risk; the register lists it 已逾期 or 从未维护.
 */
export const rule: Rule = {
  id: "tooling/maintenance-overdue",
  severity: "warning",
  scope: { files: "own" },
  clock: true,
  summary: "Tooling is past its planned maintenance.",
  docs: {
    description:
      "An entry of tooling.yaml in use or in repair with `maintenance.interval_days` or `maintenance.interval_months` whose last maintenance (`maintenance.records`) is longer ago than the interval. Production tooling is maintained on a plan ({{cite:tooling-management}}); a maintenance owed and not recorded is a plan not kept. Tooling never maintained owes its first maintenance one interval after the day it was put in use (`in_use_since`, which `csr tooling add` records); with neither a maintenance nor that day recorded, csr cannot tell when the first was owed and reports it at once (从未维护). Tooling stored or scrapped is not reported.",
    bad: `
    maintenance:
      interval_months: 3
      records:
        - {date: 2026-08-20, by: li, work: 更换定位销}   # due 2026-11-20
  - id: FX-30-05
    name: 压装夹具
    kind: fixture
    in_use_since: 2026-03-02
    maintenance:
      interval_months: 6      # never maintained: the first was due 2026-09-02
`,
    good: `
        - {date: 2026-11-18, by: li, work: 清洁、检查定位销磨损}
`,
    fix: "Maintain it and record it: `csr tooling maintain FX-30-02 --by <person> --work <what was done>` (`--date` for an earlier day).",
  },
  check(ctx) {
    const { today } = ctx.options;
    for (const located of ctx.repo.tooling) {
      if (!ctx.keeps(located.file)) continue;
      const tooling = located.value;
      const due = maintenanceDue(tooling, today);
      if (!due?.overdue) continue;
      const interval = tooling.maintenance!.interval_days !== undefined ? t("register.tooling.interval-days", { count: tooling.maintenance!.interval_days }) : t("register.tooling.interval-months", { count: tooling.maintenance!.interval_months! });
      if (due.last && due.due !== undefined) {
        const index = tooling.maintenance!.records!.lastIndexOf(due.last);
        ctx.report(
          { file: located.file, path: [...located.path, "maintenance", "records", index, "date"] },
          sentences(t("rule.tooling/maintenance-overdue", { id: tooling.id, name: tooling.name, last: due.last.date, due: due.due }), t("rule.tooling/maintenance-overdue.fix", { id: tooling.id })),
        );
      } else if (due.due !== undefined) {
        ctx.report(
          { file: located.file, path: [...located.path, "in_use_since"] },
          sentences(t("rule.tooling/maintenance-overdue.never", { id: tooling.id, name: tooling.name, interval, since: tooling.in_use_since!, due: due.due }), t("rule.tooling/maintenance-overdue.fix", { id: tooling.id })),
        );
      } else {
        ctx.report(
          { file: located.file, path: [...located.path, "maintenance"] },
          sentences(t("rule.tooling/maintenance-overdue.undated", { id: tooling.id, name: tooling.name, interval }), t("rule.tooling/maintenance-overdue.undated.fix", { id: tooling.id })),
        );
      }
    }
  },
};
