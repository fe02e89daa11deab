import { sentences, t } from "../../../i18n/index.js";
import { processLabel } from "../../../model/labels.js";
import { auditDue, auditorRoster, auditStanding, defaultAuditMonths, outOfCycle, threeYearCycle } from "../../../model/process-audits.js";
import type { Rule } from "../../rule.js";

/**
 * The internal audit programme (IATF 16949 9.2.2.1; 9.2.2 in GJB 9001C and ISO 9001): with an audit
 * interval set (qms.yaml `internal_audit.interval_months`, or a process's `audit_months`), each process of
 * processes.yaml is audited within that many months of its last audit; a process never audited is due now.
 * Without an interval, an IATF 16949 repository still audits every process within its three-year cycle
 * (9.2.2.1; tester67a A11): a process last audited more than 36 months ago, or never audited 36 months
 * after the system (or the process) is first recorded in force, is reported. A repository working to GJB 9001C audits each process
 * at least once a year (defaultAuditMonths; tester81 J9): once its programme is in use (a process records or plans an audit), a
 * process without an interval is held to 12 months, the message saying the yearly default; any other repository, nothing.
 */
export const rule: Rule = {
  id: "process/audit-due",
  severity: "warning",
  // Besides processes.yaml and qms.yaml, the first revision of each manual and of each process's documents (cycleStart).
  scope: { files: "all", reads: (f) => (f.kind === "document" ? [f.data.id, f.data.kind, f.data.status, f.data.revisions?.[0]?.date] : null) },
  clock: true,
  dependsOn: ["qms.yaml", "processes.yaml"],
  summary: "A process has not been internally audited within the months qms.yaml or the process sets.",
  docs: {
    description:
      "With `internal_audit.interval_months` set in qms.yaml (e.g. 12), or `audit_months` on a process of `processes.yaml` (which takes precedence), each process is audited again within that many months of its last audit under `audits` (written by `csr process audited`); a process with no audit recorded is reported as due now. An audit by an auditor without an internal auditor qualification that day (process/auditor-unqualified) does not count as its last audit. {{cite:audit-programme}} asks for an internal audit programme that covers every process{{#IATF16949}} over a three-year cycle, each as often as its risk, performance and changes call for{{/IATF16949}}: the audit team leader plans the year from the processes that fall due (`csr list processes`). Without either setting, a repository under IATF 16949 still audits each process within the three-year cycle (9.2.2.1): a process whose last audit is more than 36 months old is reported, and so is one never audited 36 months after the quality management system was first recorded in force (the first revision of its earliest quality manual, or, for a process whose documents in `processes.yaml` were all first released later, the first of those: the message names which). Under GJB 9001C, every process is audited at least once a year: once a process of `processes.yaml` records an audit or plans one, a process without either setting is held to 12 months, reported as due when its last audit is more than 12 months old or when it has none, the message saying the interval is GJB 9001C's yearly default (a repository that keeps its audits outside csr is not told of audits due). Under another standard nothing is reported without a setting.",
    bad: `
  - code: M2
    name: 质量体系与文件控制
    type: management
    owner: QA
    audits:
      - {date: 2025-09-18, by: [li], report: IA-2025-02, nonconformities: 1}   # interval_months: 12, so due 2026-09-18
`,
    good: `
      - {date: 2026-09-10, by: [li], report: IA-2026-02, nonconformities: 0}
`,
    fix: "Audit the process and record it: `csr process audited M2 --date <date> --by <auditors> --report <report number> --nonconformities <count>`. A process that needs auditing more or less often by its risk gets its own `audit_months` in processes.yaml.",
  },
  check(ctx) {
    const config = ctx.repo.config?.value;
    const { today } = ctx.options;
    const roster = auditorRoster(ctx.index.people, ctx.repo.config?.value);
    const cycle = threeYearCycle(config);
    const fallback = defaultAuditMonths(config, ctx.repo.processes.map((p) => p.value));
    const documents = [...ctx.index.documents.values()].map((d) => d.value);
    for (const { value: process, file, path } of ctx.repo.processes) {
      if (!ctx.keeps(file)) continue;
      const standing = auditStanding(process, config, today, roster, fallback);
      if (standing.months === undefined) {
        const late = cycle ? outOfCycle(process, standing, documents, today) : undefined;
        if (!late) continue;
        const fix = t("rule.process/audit-due.fix", { code: process.code });
        const label = processLabel(process);
        if (late.state === "never") ctx.report({ file, path: [...path, "code"] }, sentences(t("rule.process/audit-due.cycle-never", { process: label, document: late.start.document, since: late.start.date, due: late.due }), fix));
        else ctx.report({ file, path: [...path, "audits", late.last.index, "date"] }, sentences(t("rule.process/audit-due.cycle", { process: label, last: late.last.audit.date, due: late.due }), fix));
        continue;
      }
      if (!auditDue(standing)) continue;
      const label = processLabel(process);
      // A later audit by an auditor not qualified that day, or led from the process's own department, did not reset the interval
      // (auditUncounted): said, so the finding does not read as a miscount.
      const uncounted = standing.uncounted
        ? [t(standing.uncounted.why === "own-department" ? "rule.process/audit-due.uncounted-own-department" : "rule.process/audit-due.uncounted", { date: standing.uncounted.audit.date, report: standing.uncounted.audit.report })]
        : [];
      const fix = t("rule.process/audit-due.fix", { code: process.code });
      const last = standing.last;
      if (!last) {
        ctx.report({ file, path: [...path, "code"] }, sentences(t(standing.yearly ? "rule.process/audit-due.never-yearly" : "rule.process/audit-due.never", { process: label, months: standing.months! }), ...uncounted, fix));
        continue;
      }
      ctx.report(
        { file, path: [...path, "audits", last.index, "date"] },
        sentences(t(standing.yearly ? "rule.process/audit-due.yearly" : "rule.process/audit-due", { process: label, last: last.audit.date, months: standing.months!, due: standing.due! }), ...uncounted, fix),
      );
    }
  },
};
