import { t } from "../../../i18n/index.js";
import { certificationAudit, externalAuditLate } from "../../../model/external-audits.js";
import type { Rule } from "../../rule.js";

/**
 * An external audit's nonconformity (actions/ of source external-audit) past the auditor's deadline, counted in calendar
 * days from the closing meeting, never in working days: no response submitted by `external_audit.response_due` (the
 * correction, root cause, systemic corrective action and verification of effectiveness, 60 days: IATF Rules 5th ed. 5.11.1),
 * or the response not accepted by `closure_due` (the NC management complete, 90 days: 5.11.3; a major then leads to a
 * special audit or the certificate's suspension). An error: the certificate is at risk (tester82 A11). One finding per
 * deadline missed, at its due date.
 */
export const rule: Rule = {
  id: "action/external-audit-overdue",
  severity: "error",
  scope: { files: "own" },
  clock: true,
  summary: "An external audit's nonconformity is past the auditor's deadline (calendar days from the closing meeting).",
  docs: {
    description:
      "A nonconformity raised by a certification body's audit (`csr action open --source external-audit`) must be answered within the IATF Rules' deadlines, counted in calendar days from the audit's closing meeting: the correction, root cause analysis, systemic corrective action and verification of effectiveness submitted within 60 days (`external_audit.response_due`), the certification body's nonconformity management complete — the response accepted — within 90 (`external_audit.closure_due`); a major nonconformity not resolved by then leads to a special audit or the certificate's suspension (IATF Rules 5th ed. 5.11; the same in the 6th). A customer's second-party audit has the deadline it sets (`csr action open --response-due`). Reported for each deadline missed while the record has no response (`csr action respond`) or no acceptance (`csr action accept`), at the due date, with the calendar days past it; the record's own step due dates are `action/step-overdue`'s. `qms.yaml` `external_audit.response_days` and `closure_days` set the days for new records ({{cite:corrective-action}}).",
    bad: `
  closing_meeting: 2026-09-01
  nc: NC-01
  grade: minor
  clause: IATF16949:8.5.1.1
  statement: 控制计划 CP-003 未规定防错失效时的反应计划
  response_due: 2026-10-31
  closure_due: 2026-11-30
received: 2026-09-01
`,
    good: `
  response_due: 2026-10-31
  closure_due: 2026-11-30
  responses:
    - {date: 2026-10-20, note: 纠正、根本原因、系统性纠正措施及验证证据}
`,
    fix: "Submit the response to the auditor and record it: `csr action respond <id> --date <date> --note <what was submitted>`; record the auditor's decision with `csr action accept <id> --by <auditor> --date <date>` (or `csr action reject`). Agree any extension with the certification body in writing.",
  },
  check(ctx) {
    const { today } = ctx.options;
    for (const { value: action, file } of ctx.repo.actions) {
      if (!ctx.keeps(file)) continue;
      const audit = action.external_audit;
      if (audit === undefined) continue;
      const certification = certificationAudit(audit.type);
      const party = t(certification ? "register.actions.external.party-cb" : "register.actions.external.party-customer");
      for (const late of externalAuditLate(action, today)) {
        // A customer's deadline missed puts no certificate at risk: the customer is told, not the certificate warned of.
        const key = late.deadline === "closure" ? "closure" : certification ? "response" : "response-customer";
        ctx.report({ file, path: ["external_audit", `${late.deadline}_due`] }, t(`rule.action/external-audit-overdue.${key}`, { id: action.id, nc: audit.nc, report: audit.report, party, due: late.due, closing: audit.closing_meeting, count: late.days }));
      }
    }
  },
};
