import { codeWithLabel } from "../../../i18n/values.js";
import { language, sentences, t } from "../../../i18n/index.js";
import { localized } from "../../../core/text.js";
import { departmentLabel, processLabel } from "../../../model/labels.js";
import { ownDepartmentAuditors } from "../../../model/process-audits.js";
import type { Rule } from "../../rule.js";
import { recordedAudits } from "./audits.js";

/**
 * Internal audits are objective and impartial (9.2.2 c in IATF 16949, GJB 9001C and ISO 9001; ISO
 * 19011 4 c, independence): an auditor does not audit their own work, so not a process their own
 * department owns. The first question a certification auditor asks of the internal audit programme
 * (breaker61 M2). A warning: a small organisation may have no one else trained, and then says so in
 * its audit programme; `csr process audited` records such an audit with the same warning.
 */
export const rule: Rule = {
  id: "process/auditor-impartiality",
  severity: "warning",
  scope: { files: "own" },
  dependsOn: ["qms.yaml", "people.yaml", "processes.yaml"],
  summary: "A process's internal audit names an auditor from the department that owns the process.",
  docs: {
    description:
      "An audit under `audits` of a process in `processes.yaml` (written by `csr process audited`) names among its auditors (`by`), auditors-in-training (`trainees`) or technical experts (`experts`) a person whose department in `people.yaml` is the process's `owner`. Auditors are chosen so that the audit is objective and impartial ({{cite:audit-impartiality}}): they do not audit their own work, and a department's own people auditing the process it runs is the first thing a certification auditor looks for in the internal audit programme. Each such member of the audit team is reported where the audit lists them: an auditor-in-training or a technical expert of the department takes part in the audit as well. A layered process audit (`kind: lpa`) is left out: it is done by the area's own supervisors and managers, layer by layer, by design, and is not an internal audit of the programme. An audit recorded stays as it was: the finding asks for the next audit of the process to be by someone from another department (a cross-audit, 交叉审核). An audit whose team leader (the first of `by`) is of that department does not count in the audit programme, as an audit by an unqualified auditor does not: it gives neither clause coverage nor a new interval (`process/audit-due`), `csr list audits` marks the leader 本部门, `csr list audit-programme` marks the audit 审核本部门 and the management review counts it apart. One led by an auditor from another department counts even with a member of the department in the team: the leader answers for the audit's conclusions (ISO 19011 6.4.10), and the member is still reported here. Where an organisation has nobody else trained, it turns the rule off in `qms.yaml` (`process/auditor-impartiality: off`) and says in its audit programme how it keeps that audit objective.",
    bad: `
  - code: M2
    name: 内部审核
    type: management
    owner: QA
    audits:
      - {date: 2026-09-10, by: [zhang], report: IA-2026-02, nonconformities: 0}   # people.yaml: zhang is of QA
`,
    good: `
  - code: M2
    name: 内部审核
    type: management
    owner: QA
    audits:
      - {date: 2026-09-10, by: [li], report: IA-2026-02, nonconformities: 0}
`,
    fix: "Have the process's next audit done by a trained auditor from another department and record it with `csr process audited <process> --date <date> --by <auditors> --report <report number> --nonconformities <count>`. If the person's department in `people.yaml` is wrong, correct it with `csr person update <id> --department <code>`.",
  },
  check(ctx) {
    const person = (id: string) => ctx.index.people.get(id)?.value;
    for (const { process, audit, file, path } of recordedAudits(ctx, (p) => Boolean(p.owner))) {
      for (const { person: auditor, role, index } of ownDepartmentAuditors(process, audit, person)) {
        ctx.report(
          { file, path: [...path, role, index] },
          sentences(
            t("rule.process/auditor-impartiality", { process: processLabel(process), date: audit.date, report: audit.report, role: t(`rule.process/auditor-impartiality.role.${role}`), who: codeWithLabel(localized(language(), auditor.name, auditor.name_en), auditor.id), department: departmentLabel(ctx.index, process.owner!) }),
            t("rule.process/auditor-impartiality.fix", { code: process.code }),
          ),
        );
      }
    }
  },
};
