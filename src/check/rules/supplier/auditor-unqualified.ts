import { codeWithLabel } from "../../../i18n/values.js";
import { language, list, sentences, t } from "../../../i18n/index.js";
import { localized } from "../../../core/text.js";
import { auditorQualification, marksAuditors, qualificationsFor } from "../../../model/process-audits.js";
import { suppliers, type Supplier } from "../../../model/suppliers.js";
import { AUDITOR_KINDS, type Person, type SupplierAudit } from "../../../model/types.js";
import type { Rule } from "../../rule.js";

/**
 * A second-party audit of a supplier (suppliers/<code>.yaml `audits`, `csr supplier audited --by`) led by
 * somebody who holds no second-party auditor qualification (`internal_auditor` with `kinds` naming
 * `second-party`) on its date: second-party auditors are competent (IATF 16949 7.2.4; GJB 9001C / ISO 9001
 * 7.2), as process/auditor-unqualified asks of internal auditors. Off, as that rule, until people.yaml
 * marks anybody as an auditor. A warning: the audit took place and stays on record.
 */
export const rule: Rule = {
  id: "supplier/auditor-unqualified",
  severity: "warning",
  scope: { files: "own" },
  dependsOn: ["qms.yaml", "people.yaml"],
  summary: "A second-party audit of a supplier names an auditor without a second-party auditor qualification on its date.",
  docs: {
    description:
      "`people.yaml` marks qualified auditors (`internal_auditor` with `since`, optional `until`, `record` and `kinds`), and an audit under `audits` of a supplier's record in `suppliers/` (written by `csr supplier audited`) names as its auditor (`by`) a person with no qualification for `second-party` audits on the audit's date: never qualified, qualified only later, lapsed by then, or qualified only for other kinds of audit (a qualification without `kinds` is a QMS internal auditor's). Second-party auditors are competent ({{cite:second-party-auditor-competence}}{{#IATF16949}}: knowing the customer's requirements for second-party auditing, the core tools and the manufacturing process audited{{/IATF16949}}); a supplier audit by someone not qualified for it is what a certification auditor reports against the supplier audit programme. Reported on the audit's `by`. Nothing is reported while nobody in `people.yaml` has an `internal_auditor` qualification.",
    bad: `
audits:
  - {date: 2026-05-20, by: zhang, report: SA-2026-05, result: passed}   # people.yaml: zhang holds no second-party qualification
`,
    good: `
audits:
  - {date: 2026-05-20, by: wang, report: SA-2026-05, result: passed}   # people.yaml: wang internal_auditor kinds [second-party] since 2025-03-01
`,
    fix: "If the person was qualified for second-party audits that day, record it with `csr person update <id> --auditor-since <date> --auditor-kinds second-party --auditor-record <record>`. If not, have the supplier audited by a qualified second-party auditor and record that audit with `csr supplier audited`; if the auditor is wrong in the record, correct `by`.",
  },
  check(ctx) {
    const people = [...ctx.index.people.values()].map((p) => p.value);
    if (!marksAuditors(people)) return;
    for (const supplier of suppliers(ctx.repo)) {
      const record = supplier.record;
      if (!record || !ctx.keeps(record.file)) continue;
      (record.value.audits ?? []).forEach((audit, i) => {
        if (typeof audit?.date !== "string" || typeof audit.by !== "string") return;
        const auditor = ctx.index.people.get(audit.by)?.value;
        if (!auditor || auditorQualification(auditor, audit.date, "second-party")) return;
        ctx.report({ file: record.file, path: [...record.path, "audits", i, "by"] }, unqualifiedAuditMessage(supplier, audit, auditor));
      });
    }
  },
};

/**
 * What csr check says of a second-party audit of `supplier` led by `auditor`, who holds no second-party auditor
 * qualification on its date: the finding and its fix. csr supplier audited prints the same as a note (tester73).
 */
export function unqualifiedAuditMessage(supplier: Pick<Supplier, "code" | "name">, audit: Pick<SupplierAudit, "date" | "report">, auditor: Person): string {
  return sentences(
    t("rule.supplier/auditor-unqualified", {
      supplier: t("people.department-choice", { code: supplier.code, name: supplier.name }),
      date: audit.date,
      report: audit.report ?? "—",
      who: codeWithLabel(localized(language(), auditor.name, auditor.name_en), auditor.id),
      why: secondPartyGap(auditor, audit.date),
    }),
    t("rule.supplier/auditor-unqualified.fix", { id: auditor.id, code: supplier.code }),
  );
}

/** Why `person` holds no second-party auditor qualification on `on`: lapsed before, starts later, only other kinds that day, or none. */
function secondPartyGap(person: Person, on: string): string {
  const periods = qualificationsFor(person, "second-party");
  const later = periods.filter((p) => p.since > on).map((p) => p.since).sort()[0];
  const lapsed = periods.filter((p) => p.until !== undefined && p.until < on).map((p) => p.until!).sort().at(-1);
  if (lapsed !== undefined) return t("process.auditor.lapsed", { until: lapsed });
  if (later !== undefined) return t("process.auditor.later", { since: later });
  const other = AUDITOR_KINDS.filter((kind) => kind !== "second-party" && auditorQualification(person, on, kind));
  if (other.length > 0) return t("supplier.auditor.other-kinds", { kinds: list(other.map((kind) => t(`value.auditor-kind.${kind}`))) });
  return t("supplier.auditor.never");
}
