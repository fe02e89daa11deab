import { t } from "../../../i18n/index.js";
import { repositoryCalendar } from "../../../load/calendar.js";
import { auditActionUndated } from "../../../model/actions.js";
import type { Rule } from "../../rule.js";

/**
 * An internal audit's nonconformity (actions/ with `source: audit`) open for more than the working days of qms.yaml
 * `internal_audit.action_due_working_days` (default: the working days of qms.yaml complaint_deadlines D5, else 10) with no
 * step given a due date: it can never be overdue, so nothing says when it is late (tester78 A4). IATF 16949 9.2.2 e (ISO 9001:
 * correction and corrective action without undue delay), 10.2.1 (corrective action), 10.2.3 (problem solving); GJB 9001C 9.2.2, 10.2.
 */
export const rule: Rule = {
  id: "action/audit-undated",
  severity: "warning",
  scope: { files: "own" },
  clock: true,
  dependsOn: ["qms.yaml"],
  summary: "An internal audit's nonconformity is open with no due date for any step.",
  docs: {
    description:
      "A corrective action opened for an internal audit's nonconformity (`csr action open --source audit`) that is still open more than `internal_audit.action_due_working_days` working days of `qms.yaml` after it was raised (default: the working days of its `complaint_deadlines` D5, else 10; `0` turns the rule off) and gives none of its steps a `due` date. Without one, `action/step-overdue` can never report it: the nonconformity waits without anything saying it is late. Audit nonconformities are corrected in good time ({{cite:corrective-action}}).",
    bad: `
source: audit
process: C1
audit_report: IA-2026-03
received: 2026-11-02
owner: zhang
steps:
  D3: {done: 2026-11-03}
`,
    good: `
received: 2026-11-02
owner: zhang
steps:
  D3: {done: 2026-11-03}
  D5: {due: 2026-11-30}
`,
    fix: "Agree the due dates with the owner and record them: `csr action step <id> D3 --due <date>` (D4, D5 the same).",
  },
  check(ctx) {
    const config = ctx.repo.config?.value;
    const calendar = repositoryCalendar(config);
    for (const { value: action, file } of ctx.repo.actions) {
      if (!ctx.keeps(file)) continue;
      const undated = auditActionUndated(action, ctx.options.today, calendar, config);
      if (!undated) continue;
      ctx.report({ file, path: ["received"] }, t("rule.action/audit-undated", { id: action.id, received: action.received, count: undated.days, limit: undated.limit }));
    }
  },
};
