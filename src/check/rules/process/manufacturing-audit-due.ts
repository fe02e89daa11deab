import { sentences, t } from "../../../i18n/index.js";
import { processLabel } from "../../../model/labels.js";
import { auditorRoster, manufacturingAuditLate, threeYearCycle } from "../../../model/process-audits.js";
import type { Rule } from "../../rule.js";

/**
 * IATF 16949 9.2.2.3: every manufacturing process is audited by a manufacturing process audit over each three-year
 * cycle. The processes are those processes.yaml marks `manufacturing: true` (csr process update --manufacturing): the
 * process map says which of its processes make the product, nothing guesses it from clauses. A process last audited so
 * more than 36 months ago, or never 36 months after the system (or the process) is first recorded in force (cycleStart),
 * is reported. GJB 9001C and ISO 9001 ask no such audit by kind (9.2 only): nothing is reported outside IATF 16949.
 */
export const rule: Rule = {
  id: "process/manufacturing-audit-due",
  severity: "warning",
  // Besides processes.yaml and qms.yaml, the first revision of each manual and of each process's documents (cycleStart).
  scope: { files: "all", reads: (f) => (f.kind === "document" ? [f.data.id, f.data.kind, f.data.status, f.data.revisions?.[0]?.date] : null) },
  clock: true,
  dependsOn: ["qms.yaml", "people.yaml", "processes.yaml"],
  summary: "A manufacturing process has had no manufacturing process audit within the three-year audit cycle.",
  docs: {
    description:
      "A process of `processes.yaml` marked `manufacturing: true` (a manufacturing process, 制造过程; `csr process update <code> --manufacturing`) in a repository under IATF 16949 is audited by a manufacturing process audit (`kind: manufacturing-process` under its `audits`, recorded with `csr process audited <code> --kind manufacturing-process`) within every three-year cycle ({{cite:manufacturing-process-audit}}). The process's QMS audits by process and its product audits do not count, nor does a manufacturing process audit by an auditor without a manufacturing process auditor qualification that day once `people.yaml` marks auditors (process/auditor-unqualified). Reported: a manufacturing process whose last such audit is more than 36 months old, and one with none 36 months after the quality management system was first recorded in force (the first revision of its earliest quality manual, or of the process's own documents when all were first released later). Processes not marked `manufacturing` are not reported, and nothing is reported under GJB 9001C or ISO 9001, which ask for no audit by this kind.",
    bad: `
  - code: C3
    name: 生产过程控制
    type: customer-oriented
    owner: QA
    manufacturing: true
    audits:
      - {date: 2023-06-12, by: [li], report: MPA-2023-01, nonconformities: 0, kind: manufacturing-process, shift: 夜班}   # today 2026-12-04: more than 36 months ago
`,
    good: `
      - {date: 2025-06-12, by: [li], report: MPA-2025-01, nonconformities: 0, kind: manufacturing-process, part: BX-D1, shift: 夜班}
`,
    fix: "Audit the manufacturing process on the shop floor, shift by shift over the cycle, and record it: `csr process audited C3 --kind manufacturing-process --date <date> --by <auditors> --report <record number> --nonconformities <count> --shift <shift>`. A process that makes no product is not a manufacturing process: `csr process update <code> --no-manufacturing`.",
  },
  check(ctx) {
    if (!threeYearCycle(ctx.repo.config?.value)) return;
    const { today } = ctx.options;
    const roster = auditorRoster(ctx.index.people, ctx.repo.config?.value);
    const documents = [...ctx.index.documents.values()].map((d) => d.value);
    for (const { value: process, file, path } of ctx.repo.processes) {
      if (!ctx.keeps(file)) continue;
      const late = manufacturingAuditLate(process, documents, today, roster);
      if (!late) continue;
      const label = processLabel(process);
      const uncounted = late.uncounted
        ? [t(late.uncounted.why === "own-department" ? "rule.process/manufacturing-audit-due.uncounted-own-department" : "rule.process/manufacturing-audit-due.uncounted", { date: late.uncounted.audit.date, report: late.uncounted.audit.report })]
        : [];
      const fix = t("rule.process/manufacturing-audit-due.fix", { code: process.code });
      if (late.state === "never") {
        ctx.report({ file, path: [...path, "manufacturing"] }, sentences(t("rule.process/manufacturing-audit-due.never", { process: label, document: late.start.document, since: late.start.date, due: late.due }), ...uncounted, fix));
      } else {
        ctx.report({ file, path: [...path, "audits", late.last.index, "date"] }, sentences(t("rule.process/manufacturing-audit-due", { process: label, last: late.last.audit.date, report: late.last.audit.report, due: late.due }), ...uncounted, fix));
      }
    }
  },
};
