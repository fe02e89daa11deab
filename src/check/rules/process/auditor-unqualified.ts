import { codeWithLabel } from "../../../i18n/values.js";
import { language, list, sentences, t } from "../../../i18n/index.js";
import { localized } from "../../../core/text.js";
import { isMilitaryRepresentative } from "../../../model/index.js";
import { processLabel } from "../../../model/labels.js";
import { auditKind, auditTeamLeader, auditorQualification, auditorRoster, mayBeTrainee, qualificationsFor, unqualifiedAuditors } from "../../../model/process-audits.js";
import { AUDITOR_KINDS, type AuditKind, type Person } from "../../../model/types.js";
import type { Rule } from "../../rule.js";
import { recordedAudits } from "./audits.js";

/**
 * Internal auditors are competent, and the organisation keeps the list of those it has qualified
 * (IATF 16949 7.2.3; GJB 9001C / ISO 9001 7.2): once people.yaml marks internal auditors
 * (`internal_auditor`), an audit names only people qualified on its date (tester62 N2). Off until the
 * repository marks anybody, so a repository that keeps its auditor list elsewhere is not flooded. A
 * warning, as `csr process audited` records such an audit with the same warning (the audit took
 * place; the record keeps it), and refused there while qms.yaml sets the rule to error. A 军代表 is
 * person/military-signature's, not reported here too.
 */
export const rule: Rule = {
  id: "process/auditor-unqualified",
  severity: "warning",
  scope: { files: "own" },
  dependsOn: ["qms.yaml", "people.yaml", "processes.yaml"],
  summary: "A process's internal audit names an auditor without an internal auditor qualification on its date.",
  docs: {
    description:
      "`people.yaml` marks qualified internal auditors (内审员资格: `internal_auditor` with `since`, optional `until` and `record`), and an audit under `audits` of a process in `processes.yaml` names among its auditors (`by`) a person with no such qualification on the audit's date: never qualified, qualified only later, lapsed by then, or qualified only for other kinds of audit (`kinds` without `qms`: a product, manufacturing process or second-party auditor; a qualification without `kinds` is a QMS auditor's, and these audits by process are QMS audits). A manufacturing process audit (`kind: manufacturing-process`{{#IATF16949}}, IATF 16949 9.2.2.3{{/IATF16949}}) asks for a qualification of kind `manufacturing-process`, a product audit (`kind: product`{{#IATF16949}}, 9.2.2.4{{/IATF16949}}) one of kind `product`. Internal auditors are competent and the organisation keeps the list of those it has qualified ({{cite:auditor-competence}}); an audit by someone not on it is what a certification auditor reports against the audit programme. Each such auditor is reported on their audit. Such an audit stays on record but counts neither for clause coverage (`csr matrix clauses --audits`) nor for the audit interval (process/audit-due): the registers mark it 审核员无资格. The audit team leader is the first of `by` (marked 组长 in the registers); auditors-in-training (实习审核员, `trainees`, `csr process audited --trainee`) who audit under the leader's guidance and technical experts (技术专家, `experts`, `--expert`) are no auditors of the audit (ISO 19011; {{cite:auditor-competence}}): they need no qualification, and an audit led by a qualified auditor counts with them. An unqualified person left among the auditors still keeps the audit from counting; when the leader was qualified, the finding says to record that person as an auditor-in-training if they audited under the leader's guidance. Nothing is reported while nobody in `people.yaml` has an `internal_auditor` qualification.",
    bad: `
  - code: C1
    name: 顾客要求评审
    type: customer-oriented
    owner: MKT
    audits:
      - {date: 2026-09-10, by: [zhang], report: IA-2026-02, nonconformities: 0}   # people.yaml: zhang has no internal_auditor
`,
    good: `
  - code: C1
    name: 顾客要求评审
    type: customer-oriented
    owner: MKT
    audits:
      - {date: 2026-09-10, by: [wang], report: IA-2026-02, nonconformities: 0}   # people.yaml: wang internal_auditor since 2025-03-01
`,
    fix: "If the person was qualified on that day, record the qualification in `people.yaml` with `csr person update <id> --auditor-since <date> --auditor-record <certificate or training record>`. If not, have the process audited by a qualified auditor and record that audit with `csr process audited`; if the auditor is wrong in the record, correct `by`. If a person audited under a qualified team leader's guidance, move them from `by` to `trainees` (实习审核员).",
  },
  check(ctx) {
    // Off until people.yaml marks anybody as internal auditor: asked once, not per audit.
    const roster = auditorRoster(ctx.index.people, ctx.repo.config?.value);
    if (!roster.marks) return;
    for (const { process, audit, file, path } of recordedAudits(ctx)) {
      if (typeof audit?.date !== "string") continue;
      const kind = auditKind(audit);
      // A layered process audit asks for no internal auditor qualification (unqualifiedAuditors).
      if (kind === "lpa") continue;
      const unqualified = unqualifiedAuditors(audit, roster);
      for (const { person: auditor, index } of unqualified) {
        if (isMilitaryRepresentative(ctx.index, auditor)) continue;
        const who = codeWithLabel(localized(language(), auditor.name, auditor.name_en), auditor.id);
        const why = qualificationGap(auditor, audit.date, kind);
        // Under a qualified team leader, an unqualified member may have audited as an auditor-in-training (ISO 19011 5.5.4, tester78 A7).
        const leader = ctx.index.people.get(auditTeamLeader(audit) ?? "")?.value;
        const trainee = mayBeTrainee(index, unqualified) && leader ? t("rule.process/auditor-unqualified.trainee", { who, leader: codeWithLabel(localized(language(), leader.name, leader.name_en), leader.id) }) : undefined;
        ctx.report(
          { file, path: [...path, "by", index] },
          kind === "qms"
            ? sentences(
                t("rule.process/auditor-unqualified", { process: processLabel(process), date: audit.date, report: audit.report, who, why }),
                t("rule.process/auditor-unqualified.fix", { id: auditor.id, code: process.code }),
                trainee,
              )
            : sentences(
                t("rule.process/auditor-unqualified.kind", { process: processLabel(process), date: audit.date, report: audit.report, who, why, audit: t(`value.audit-kind.${kind}`), auditor: t(`value.auditor-kind.${kind}`) }),
                t("rule.process/auditor-unqualified.kind-fix", { id: auditor.id, code: process.code, kind }),
                trainee,
              ),
        );
      }
    }
  },
};

/**
 * Why `person` holds no auditor qualification for `kind` of audit (a QMS audit by process unless told) on `on`: it
 * lapsed before, it starts later, they hold on that day only a qualification for other kinds of audit (a product
 * auditor's, IATF 16949 7.2.3), or never had one.
 */
export function qualificationGap(person: Person, on: string, kind: Exclude<AuditKind, "lpa"> = "qms"): string {
  const periods = qualificationsFor(person, kind);
  const later = periods.filter((p) => p.since > on).map((p) => p.since).sort()[0];
  const lapsed = periods.filter((p) => p.until !== undefined && p.until < on).map((p) => p.until!).sort().at(-1);
  if (lapsed !== undefined) return t("process.auditor.lapsed", { until: lapsed });
  if (later !== undefined) return t("process.auditor.later", { since: later });
  const other = AUDITOR_KINDS.filter((held) => held !== kind && auditorQualification(person, on, held));
  const named = { kind: t(`value.auditor-kind.${kind}`) };
  if (other.length > 0) return t(kind === "qms" ? "process.auditor.other-kinds" : "process.auditor.other-kinds-for", { kinds: list(other.map((held) => t(`value.auditor-kind.${held}`))), ...named });
  return kind === "qms" ? t("process.auditor.never") : t("process.auditor.never-kind", named);
}
