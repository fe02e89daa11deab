import { language, sentences, t } from "../../../i18n/index.js";
import { repositoryCalendar } from "../../../load/calendar.js";
import { supplierAuditOverdue, supplierAuditPlan, supplierRiskReasonsText, suppliers } from "../../../model/suppliers.js";
import type { Rule } from "../../rule.js";

/**
 * A supplier that may supply (approved or conditional today) is past its next second-party audit (IATF 16949 8.4.2.4.1:
 * the need, type, frequency and scope of second-party audits based on a risk analysis, including product safety and
 * regulatory requirements, supplier performance and QMS certification level): its risk class and the months of qms.yaml
 * `suppliers.audit_months` for it (default high 12, medium 24, low 36) after its last audit, or never audited, after its
 * first approval (model/suppliers.ts supplierAuditPlan; no valid certificate makes a supplier high-risk). Reported from
 * the first working day after the due day, as every deadline of csr.
 */
export const rule: Rule = {
  id: "supplier/audit-due",
  severity: "warning",
  scope: { files: "own" },
  clock: true,
  dependsOn: ["qms.yaml"],
  summary: "A supplier is past the second-party audit its risk class calls for (qms.yaml suppliers.audit_months).",
  docs: {
    description:
      "A supplier of `suppliers/` whose status today is approved or conditional has a risk class: high when it supplies parts with special characteristics (`special_characteristics: true`), holds no certificate valid today, or its latest rating is at or below `suppliers.action_grade`; low with a valid IATF 16949 certificate; medium otherwise (a valid ISO 9001 or GJB 9001C certificate). Its next second-party audit is due that class's months of `suppliers.audit_months` in qms.yaml (default high 12, medium 24, low 36; 0 plans none) after its last audit under `audits` (written by `csr supplier audited`), or, never audited, after its first approval (a supplier with no certificate and no second-party audit passed is supplier/no-qms-certificate's). It is reported from the first working day after the due day. {{cite:supplier-audit}} has the organisation set the type and extent of its control of each supplier{{#IATF16949}}, and the need, type, frequency and scope of second-party audits from a risk analysis (product safety and regulatory requirements, supplier performance, QMS certification level){{/IATF16949}}: `csr list suppliers` shows each supplier's 下次审核 with its class. Reported on the last audit's `date`, or on `code` when never audited. A supplier suspended, disqualified or not yet evaluated is not reported: nothing is bought from it.",
    bad: `
special_characteristics: true
approvals:
  - {status: approved, date: 2024-05-20, by: zhang}
certificates:
  - {standard: IATF 16949, number: "0124567", body: SGS, valid_until: 2030-01-15}
audits:
  - {date: 2025-10-15, by: zhang, report: SA-2025-07, result: passed}   # high risk, 12 months: due 2026-10-15
`,
    good: `
audits:
  - {date: 2025-10-15, by: zhang, report: SA-2025-07, result: passed}
  - {date: 2026-10-12, by: zhang, report: SA-2026-05, result: passed}
`,
    fix: "Audit the supplier and record it: `csr supplier audited CZXS --date <date> --by <auditor> --report <report number> --result passed`. The months per risk class are qms.yaml's `suppliers.audit_months` (high, medium, low).",
  },
  check(ctx) {
    const { today } = ctx.options;
    const calendar = repositoryCalendar(ctx.repo.config?.value);
    for (const supplier of suppliers(ctx.repo)) {
      const record = supplier.record;
      if (!record || !ctx.keeps(record.file)) continue;
      const plan = supplierAuditPlan(ctx.repo, supplier, today);
      if (!plan || !supplierAuditOverdue(plan, today, calendar)) continue;
      const reasons = supplierRiskReasonsText(language(), plan);
      const data = {
        supplier: t("people.department-choice", { code: supplier.code, name: supplier.name }),
        risk: t(`supplier.risk.${plan.risk}`),
        why: reasons ? t("rule.supplier/audit-due.why", { reasons }) : "",
        months: plan.months,
        due: plan.due,
        last: plan.last?.audit.date ?? "",
        approved: plan.approved ?? "",
      };
      const fix = t("rule.supplier/audit-due.fix", { code: supplier.code });
      if (plan.last) ctx.report({ file: record.file, path: [...record.path, "audits", plan.last.index, "date"] }, sentences(t("rule.supplier/audit-due", data), fix));
      else ctx.report({ file: record.file, path: [...record.path, "code"] }, sentences(t("rule.supplier/audit-due.never", data), fix));
    }
  },
};
