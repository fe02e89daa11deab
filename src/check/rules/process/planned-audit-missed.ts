import { sentences, t } from "../../../i18n/index.js";
import { processLabel } from "../../../model/labels.js";
import { auditKind, planStanding } from "../../../model/process-audits.js";
import type { Rule } from "../../rule.js";

/**
 * IATF 16949 9.2.2.1 (ISO 9001 9.2.2 a): the internal audit programme is planned and carried out. An entry of the annual
 * internal audit plan (a process's `planned_audits`, csr process plan) whose month has ended with no audit of its kind recorded
 * for the process within it (planStanding `missed`) is reported, unless the process has a later entry of that kind in the same year (the audit
 * was moved: the annual plan lists it as moved, csr list audit-plan) or the entry was moved to a month to come or cancelled
 * with a reason (csr process plan --move / --cancel: the programme reviewed and updated). A warning: the programme's record says what was not done.
 */
export const rule: Rule = {
  id: "process/planned-audit-missed",
  severity: "warning",
  scope: { files: "own" },
  clock: true,
  summary: "An audit of the annual internal audit plan was not held in its month.",
  docs: {
    description:
      "An entry under `planned_audits` of a process in `processes.yaml` (the annual internal audit plan, 年度内部审核计划, written by `csr process plan`) plans an audit of its `kind` (absent: qms) for its `month`. Once that month has ended with no audit of that kind recorded for the process dated within it (`audits`, `csr process audited`), the plan was not carried out ({{cite:audit-programme}}: the audit programme is planned, implemented and its results kept). Not reported when the process has an entry of the same kind in a later month of the same year, or one whose `moved` history starts in that month (the audit was moved there, as `csr list audit-plan` shows; an entry of a later year is the next audit, not this one moved), nor for an entry cancelled with a reason (`cancelled`, `csr process plan --cancel`) or moved to a month to come (`csr process plan --move`, its earlier months kept under `moved`). An audit held in another month does not fulfil the entry.",
    bad: `
  - code: C2
    name: 产品设计与开发
    type: customer-oriented
    owner: MKT
    planned_audits:
      - {month: 2026-10, by: [zhang]}   # today 2026-11-27: no audit in 2026-10
`,
    good: `
    audits:
      - {date: 2026-10-15, by: [zhang], report: IA-2026-10, nonconformities: 0}
    planned_audits:
      - {month: 2026-10, by: [zhang]}
`,
    fix: "If the audit was held in the month, record it: `csr process audited <code> --date <audit day> …`. If it was not, move the entry to a month to come with the reason (`csr process plan <code> --move <YYYY-MM> --month <YYYY-MM> --reason …`), or cancel it with the reason (`csr process plan <code> --cancel <YYYY-MM> --reason …`): the plan keeps the history.",
  },
  check(ctx) {
    const { today } = ctx.options;
    for (const { value: process, file, path } of ctx.repo.processes) {
      if (!ctx.keeps(file)) continue;
      for (const [index, plan] of (process.planned_audits ?? []).entries()) {
        if (typeof plan?.month !== "string") continue;
        const standing = planStanding(process, plan, today);
        if (standing.state !== "missed" || standing.rescheduled) continue;
        const kind = auditKind(plan);
        ctx.report(
          { file, path: [...path, "planned_audits", index, "month"] },
          sentences(
            t("rule.process/planned-audit-missed", { process: processLabel(process), month: plan.month, audit: t(`value.audit-kind.${kind}`) }),
            t("rule.process/planned-audit-missed.fix", { code: process.code, kind, month: plan.month }),
          ),
        );
      }
    }
  },
};
