import { sentences, t } from "../../../i18n/index.js";
import { certificateWarnDays, daysLeft, maySupply, statusOn, suppliers } from "../../../model/suppliers.js";
import type { Rule } from "../../rule.js";

/**
 * A certificate of a supplier that may supply (approved or conditionally approved on `today`) lapses
 * within qms.yaml `suppliers.certificate_warn_days` (default 60) calendar days: purchasing asks for the
 * renewed certificate before it lapses (IATF 16949 8.4.2.3 supplier QMS development, 8.4.2.4 monitoring;
 * ISO 9001 / GJB 9001C 8.4.1). One that has lapsed is supplier/certificate-expired's.
 */
export const rule: Rule = {
  id: "supplier/certificate-expiring",
  severity: "warning",
  scope: { files: "own" },
  clock: "soon",
  dependsOn: ["qms.yaml"],
  summary: "A supplier's certificate expires within the days qms.yaml sets (default 60).",
  docs: {
    description:
      "A supplier of `suppliers/` whose status today is approved or conditional (its last `approvals` entry by then) holds a certificate under `certificates` whose `valid_until` is within `suppliers.certificate_warn_days` of qms.yaml (default 60 calendar days): the supplier's quality management system certification (IATF 16949, ISO 9001, GJB 9001C) is part of what it was approved on, and {{#IATF16949}}IATF 16949 8.4.2.3 and {{/IATF16949}}{{cite:supplier-monitoring}} have the organisation monitor it. Asked for in time, the renewed certificate is on file before the old one lapses. A supplier suspended, disqualified or not yet evaluated is not reported: nothing is bought from it.",
    bad: `
approvals:
  - {status: approved, date: 2026-06-01, by: zhang}
certificates:
  - {standard: IATF 16949, number: "0123456", body: SGS, valid_until: 2027-01-15}   # 49 days after 2026-11-27
`,
    good: `
certificates:
  - {standard: IATF 16949, number: "0124567", body: SGS, valid_until: 2030-01-15}
`,
    fix: 'Ask the supplier for its renewed certificate and record it: `csr supplier certificate CZXS --standard "IATF 16949" --number <number> --valid-until <date>` (it replaces the old one).',
  },
  check(ctx) {
    const { today } = ctx.options;
    const warnDays = certificateWarnDays(ctx.repo);
    for (const supplier of suppliers(ctx.repo)) {
      const record = supplier.record;
      if (!record || !ctx.keeps(record.file) || !maySupply(statusOn(supplier, today))) continue;
      (record.value.certificates ?? []).forEach((certificate, i) => {
        const left = daysLeft(certificate, today);
        if (left < 0 || left > warnDays) return;
        ctx.report(
          { file: record.file, path: [...record.path, "certificates", i, "valid_until"] },
          sentences(
            t("rule.supplier/certificate-expiring", { supplier: t("people.department-choice", { code: supplier.code, name: supplier.name }), standard: certificate.standard, number: certificate.number, until: certificate.valid_until, count: left }),
            t("rule.supplier/certificate.fix", { code: supplier.code, standard: certificate.standard }),
          ),
        );
      });
    }
  },
};
