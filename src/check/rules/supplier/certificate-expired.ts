import { sentences, t } from "../../../i18n/index.js";
import { daysLeft, maySupply, statusOn, suppliers } from "../../../model/suppliers.js";
import type { Rule } from "../../rule.js";

/**
 * A supplier still approved or conditionally approved on `today` holds a certificate that has lapsed
 * (`valid_until` before today): an error, since purchasing goes on buying from a supplier on the approved
 * list whose certified quality management system — part of what it was approved on (IATF 16949 8.4.2.3:
 * ISO 9001 certification at least) — is no longer shown; the fix is a renewed certificate or a decision
 * on its status. A supplier suspended, disqualified or not yet evaluated buys nothing and is not reported.
 */
export const rule: Rule = {
  id: "supplier/certificate-expired",
  severity: "error",
  scope: { files: "own" },
  clock: true,
  dependsOn: ["qms.yaml"],
  summary: "A supplier still approved holds a certificate that has lapsed.",
  docs: {
    description:
      "A supplier of `suppliers/` whose status today is approved or conditional (its last `approvals` entry by then) holds a certificate under `certificates` whose `valid_until` has passed. Its certified quality management system (IATF 16949, ISO 9001, GJB 9001C) is part of what it was approved on{{#IATF16949}} — IATF 16949 8.4.2.3 asks automotive suppliers for ISO 9001 certification at least —{{/IATF16949}} and the approved supplier list (合格供方名录) goes on showing it as approved: an auditor reads that as a supplier not monitored ({{cite:supplier-monitoring}}). An error, not a warning: the list is wrong until the renewed certificate is recorded or the supplier's status is decided anew (conditional with the reason, or suspended). A supplier suspended, disqualified or not yet evaluated is not reported; a certificate about to lapse is supplier/certificate-expiring's.",
    bad: `
approvals:
  - {status: approved, date: 2026-06-01, by: zhang}
certificates:
  - {standard: ISO 9001, number: Q-2023-88, body: CQC, valid_until: 2026-10-31}   # lapsed before 2026-11-27
`,
    good: `
certificates:
  - {standard: ISO 9001, number: Q-2026-12, body: CQC, valid_until: 2029-10-31}
`,
    fix: 'Record the renewed certificate (`csr supplier certificate WXJJ --standard "ISO 9001" --number <number> --valid-until <date>`), or decide the supplier\'s status anew: `csr supplier update WXJJ --status conditional --remark <why>` or `--status suspended`.',
  },
  check(ctx) {
    const { today } = ctx.options;
    for (const supplier of suppliers(ctx.repo)) {
      const record = supplier.record;
      const status = statusOn(supplier, today);
      if (!record || !ctx.keeps(record.file) || !maySupply(status)) continue;
      (record.value.certificates ?? []).forEach((certificate, i) => {
        if (daysLeft(certificate, today) >= 0) return;
        ctx.report(
          { file: record.file, path: [...record.path, "certificates", i, "valid_until"] },
          sentences(
            t("rule.supplier/certificate-expired", { supplier: t("people.department-choice", { code: supplier.code, name: supplier.name }), standard: certificate.standard, number: certificate.number, until: certificate.valid_until, status: t(`supplier.status.${status}`) }),
            t("rule.supplier/certificate-expired.fix", { code: supplier.code, standard: certificate.standard }),
          ),
        );
      });
    }
  },
};
