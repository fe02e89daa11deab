import { sentences, t } from "../../../i18n/index.js";
import { processLabel } from "../../../model/labels.js";
import { sameAuditReport } from "../../../model/process-audits.js";
import type { Rule } from "../../rule.js";
import { recordedAudits } from "./audits.js";

/**
 * One internal audit, one record (IATF 16949 9.2.2.1 / ISO 9001 9.2.2 f), the audit programme's
 * evidence): a process's `audits` in processes.yaml names the same report number twice, in any letter
 * case (sameAuditReport, as csr process audited compares). The later entry is reported, once for each
 * repetition: it would count the audit twice and, dated later, decide the process's last audit (csr
 * list processes) and the programme's due day. An error, as the command refuses it (breaker62 P4).
 */
export const rule: Rule = {
  id: "process/audit-duplicate-report",
  severity: "error",
  scope: { files: "own" },
  summary: "A process records an internal audit report number twice.",
  docs: {
    description:
      "Two audits under `audits` of one process in `processes.yaml` give the same `report` (compared regardless of letter case: IA-2026-09 and ia-2026-09 are one report). One audit of a process is recorded once ({{cite:audit-programme}}: the audit programme's results are kept as evidence); a second entry with the same report, typed by hand or pasted twice, counts the audit twice and, dated later, becomes the process's last audit in `csr list processes` and moves the day its next audit falls due. `csr process audited` refuses it; the later entry is reported here, once for each repetition.",
    bad: `
  - code: C3
    name: 生产过程控制
    type: customer-oriented
    owner: MKT
    audits:
      - {date: 2026-11-21, by: [zhang], report: IA-2026-09, nonconformities: 0}
      - {date: 2026-11-25, by: [zhang], report: IA-2026-09, nonconformities: 3}
`,
    good: `
  - code: C3
    name: 生产过程控制
    type: customer-oriented
    owner: MKT
    audits:
      - {date: 2026-11-21, by: [zhang], report: IA-2026-09, nonconformities: 0}
      - {date: 2026-11-25, by: [zhang], report: IA-2026-10, nonconformities: 3}
`,
    fix: "Delete the repeated entry if it is the same audit; if it is another audit, correct its `report` to that audit's own report number.",
  },
  check(ctx) {
    for (const { process, audits, audit, index, file, path } of recordedAudits(ctx)) {
      if (typeof audit?.report !== "string") continue;
      const first = audits.findIndex((a) => typeof a?.report === "string" && sameAuditReport(a.report, audit.report));
      if (first === index) continue;
      const earlier = audits[first]!;
      ctx.report(
        { file, path: [...path, "report"] },
        sentences(
          t("rule.process/audit-duplicate-report", { process: processLabel(process), report: audit.report, date: audit.date, first: earlier.report, firstDate: earlier.date }),
          t("rule.process/audit-duplicate-report.fix"),
        ),
      );
    }
  },
};
