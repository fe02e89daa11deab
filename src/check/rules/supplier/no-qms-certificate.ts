import { sentences, t } from "../../../i18n/index.js";
import { underStandard } from "../../../model/citations.js";
import { approvalOn, maySupply, statusOn, suppliers } from "../../../model/suppliers.js";
import type { SupplierRecord } from "../../../model/types.js";
import type { Rule } from "../../rule.js";

/** A certificate that shows a quality management system to ISO 9001 at least: ISO 9001 or IATF 16949 (not GJB 9001C, a standard of its own). */
const QMS_CERTIFICATE = /\b(ISO\s*9001|IATF\s*16949)\b/i;

/**
 * Whether `record` shows what IATF 16949 8.4.2.3 asks of a supplier of automotive product before it is bought
 * from, on `today` (YYYY-MM-DD): an ISO 9001 or IATF 16949 certificate recorded (a lapsed one is
 * supplier/certificate-expired's), a second-party audit passed by then (8.4.2.3 a: compliance to ISO 9001
 * through second-party audits), or the customer's authorisation ("unless otherwise authorized by the customer").
 */
function qmsShown(record: SupplierRecord, today: string): boolean {
  return (
    (record.certificates ?? []).some((c) => QMS_CERTIFICATE.test(c.standard)) ||
    (record.audits ?? []).some((a) => a.date <= today && a.result === "passed") ||
    record.customer_authorisation !== undefined
  );
}

/**
 * In an IATF 16949 repository, a supplier approved or conditionally approved on `today` shows no quality
 * management system: no ISO 9001 or IATF 16949 certificate, no second-party audit passed, no customer's
 * authorisation (IATF 16949 8.4.2.3). A warning at the approval in force: the fix is one of the three records.
 */
export const rule: Rule = {
  id: "supplier/no-qms-certificate",
  severity: "warning",
  scope: { files: "own" },
  clock: true,
  dependsOn: ["qms.yaml"],
  summary: "An approved supplier shows no quality management system: no ISO 9001 or IATF 16949 certificate, no second-party audit passed, no customer authorisation.",
  docs: {
    description:
      "{{#IATF16949}}In a repository under IATF 16949, a supplier of `suppliers/` whose status today is approved or conditional (its last `approvals` entry by then) has no ISO 9001 or IATF 16949 certificate under `certificates`, no second-party audit under `audits` passed by today, and no `customer_authorisation`. IATF 16949 8.4.2.3 has the organisation require its suppliers of automotive products and services to hold a quality management system certified to ISO 9001, unless the customer authorises otherwise, with IATF 16949 as the ultimate objective; the sequence it gives starts with compliance to ISO 9001 shown by second-party audits. A supplier on the approved supplier list with none of these is a nonconformity a certification auditor writes. Reported on the `status` of the approval in force. A lapsed certificate is supplier/certificate-expired's, not this rule's; a supplier suspended, disqualified or not yet evaluated is not reported; a repository not under IATF 16949 is not checked (GJB 9001C does not ask suppliers for a certificate).{{/IATF16949}}{{^IATF16949}}Checked only in a repository under IATF 16949, whose customers ask an ISO 9001 certificate of suppliers of automotive product; this repository is not checked.{{/IATF16949}}",
    bad: `
code: WIRE
supplies: [钢丝]
approvals:
  - {status: approved, date: 2026-02-01, by: zhang}   # no certificate, no audit
`,
    good: `
code: WIRE
supplies: [钢丝]
approvals:
  - {status: approved, date: 2026-02-01, by: zhang}
audits:
  - {date: 2026-01-20, by: wang, report: SA-2026-01, result: passed}
development: {target: ISO 9001, due: 2027-06-30}
`,
    fix: 'Record its certificate (`csr supplier certificate WIRE --standard "ISO 9001" --number <number> --valid-until <date>`), a second-party audit it passed (`csr supplier audited WIRE --date <date> --by <auditor> --report <number> --result passed`), or the customer\'s authorisation (`csr supplier update WIRE --customer-authorised <customer> --authorisation-record <record>`); `--development "ISO 9001" --development-due <date>` records its plan towards certification.',
  },
  check(ctx) {
    if (!underStandard(ctx.repo.config?.value.standards, "IATF16949")) return;
    const { today } = ctx.options;
    for (const supplier of suppliers(ctx.repo)) {
      const record = supplier.record;
      if (!record || !ctx.keeps(record.file) || !maySupply(statusOn(supplier, today))) continue;
      if (qmsShown(record.value, today)) continue;
      const approval = approvalOn(supplier, today)!;
      const index = (record.value.approvals ?? []).indexOf(approval);
      ctx.report(
        { file: record.file, path: [...record.path, "approvals", index, "status"] },
        sentences(
          t("rule.supplier/no-qms-certificate", { supplier: t("people.department-choice", { code: supplier.code, name: supplier.name }), status: t(`supplier.status.${approval.status}`), date: approval.date }),
          t("rule.supplier/no-qms-certificate.fix", { code: supplier.code }),
        ),
      );
    }
  },
};
