import { sentences, t } from "../../../i18n/index.js";
import { processLabel } from "../../../model/labels.js";
import { earliestAuditDay } from "../../../model/process-audits.js";
import type { Rule } from "../../rule.js";
import { recordedAudits } from "./audits.js";

/**
 * An internal audit of a process dated before the first day the audit programme can have one
 * (earliestAuditDay: the edition of the earliest standard in scope, as csr process audited refuses
 * it): a year typed wrong (2015 for 2025). Its processes are audited against those clauses (IATF
 * 16949 9.2.2.1), so no audit of this programme is older. An error, as the command refuses it (breaker62 P4).
 */
export const rule: Rule = {
  id: "process/audit-before-standard",
  severity: "error",
  scope: { files: "own" },
  dependsOn: ["qms.yaml"],
  summary: "A process's internal audit is dated before the standard it is audited against.",
  docs: {
    description:
      "An audit under `audits` of a process in `processes.yaml` has a `date` before the first day an audit of the programme can be dated: the edition of the earliest standard of `qms.yaml` `standards` whose catalog gives one (a new edition counts from the one it replaces), from its publication on (`csr process audited` refuses the same dates). The processes are audited against that standard's clauses ({{cite:audit-programme}}), so an older audit is a year typed wrong; counted as the last audit, it would make the process due at once or hide a later one.",
    bad: `
  - code: C3
    name: 生产过程控制
    type: customer-oriented
    owner: MKT
    audits:
      - {date: 2015-11-22, by: [zhang], report: IA-2025-09, nonconformities: 0}
`,
    good: `
  - code: C3
    name: 生产过程控制
    type: customer-oriented
    owner: MKT
    audits:
      - {date: 2025-11-22, by: [zhang], report: IA-2025-09, nonconformities: 0}
`,
    fix: "Correct the audit's `date` to the day the audit ended.",
  },
  check(ctx) {
    const earliest = earliestAuditDay(ctx.repo.config?.value.standards ?? [], ctx.repo.catalogs);
    if (!earliest) return;
    for (const { process, audit, file, path } of recordedAudits(ctx)) {
      if (typeof audit?.date !== "string" || audit.date >= earliest.date) continue;
      ctx.report(
        { file, path: [...path, "date"] },
        sentences(
          t("rule.process/audit-before-standard", { process: processLabel(process), date: audit.date, report: audit.report, earliest: earliest.date, standard: earliest.standard }),
          t("rule.process/audit-before-standard.fix"),
        ),
      );
    }
  },
};
