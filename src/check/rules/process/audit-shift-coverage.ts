import { list, sentences, t } from "../../../i18n/index.js";
import { processLabel } from "../../../model/labels.js";
import { auditKind, auditorRoster, auditShifts, shiftCoverage, threeYearCycle, unknownShifts } from "../../../model/process-audits.js";
import type { Rule } from "../../rule.js";

/**
 * IATF 16949 9.2.2.3: the manufacturing process audit covers every shift where they occur, the hand-over included. A process
 * that records its shifts (processes.yaml `shifts`, csr process update --shifts) is reported for a year whose manufacturing
 * process audits that count (shiftCoverage) left one of them out: last year as it ended, this year only when no entry of the
 * annual plan still to come covers it (the year is not over; the plan is how the programme gets there). A shift such an audit
 * of those years records that is none of the process's (unknownShifts: typed wrong, or not registered) covers nothing and is
 * reported at the audit, as csr process audited refuses it (audit80). A year with no such audit is not reported here (the three-year cycle is process/manufacturing-audit-due's), nor a process without `shifts`, nor
 * a repository outside IATF 16949.
 */
export const rule: Rule = {
  id: "process/audit-shift-coverage",
  severity: "warning",
  scope: { files: "own" },
  clock: true,
  dependsOn: ["qms.yaml", "people.yaml", "processes.yaml"],
  summary: "A year's manufacturing process audits of a process did not cover every shift it runs.",
  docs: {
    description:
      "A process of `processes.yaml` that lists the shifts it runs (`shifts`, written by `csr process update <code> --shifts 早班,中班,夜班`) in a repository under IATF 16949 has its manufacturing process audits (`kind: manufacturing-process` under its `audits`) cover every one of them, the hand-over included ({{cite:manufacturing-process-audit}}): each audit records the shifts it sampled (`shift`, `csr process audited --shift`). Reported, at the year's last manufacturing process audit: last year's audits, when together they left a shift out; this year's, when they have left one out so far and no entry of the annual internal audit plan still to come (`planned_audits` of that kind and year, not cancelled, from this month on, `csr process plan --shift`) covers it. Only audits that count are read: one by an auditor not qualified that day, or led from the process's own department, covers nothing. A shift recorded on a manufacturing process audit of those two years that is none of the process's `shifts` (typed wrong, or a shift not registered) covers none of them and is reported at that audit: `csr process audited` and `csr process plan` refuse such a `--shift`, naming the process's shifts; the hand-over, to be recorded and covered, is listed among them (`--shifts 早班,中班,夜班,交接班`). A year without a manufacturing process audit of the process is not reported here (`process/manufacturing-audit-due` keeps the three-year cycle), nor a process without `shifts`, nor a repository outside IATF 16949.",
    bad: `
  - code: C3
    name: 生产过程控制
    type: customer-oriented
    owner: QA
    manufacturing: true
    shifts: [早班, 中班, 夜班, 交接班]
    audits:
      - {date: 2025-04-10, by: [li], report: MPA-2025-01, nonconformities: 0, kind: manufacturing-process, shift: 早班}
      - {date: 2025-10-16, by: [li], report: MPA-2025-02, nonconformities: 0, kind: manufacturing-process, shift: [中班, 交接班]}   # 2025: 夜班 never audited
`,
    good: `
      - {date: 2025-10-16, by: [li], report: MPA-2025-02, nonconformities: 0, kind: manufacturing-process, shift: [中班, 夜班, 交接班]}
`,
    fix: "Plan a manufacturing process audit of the shift left out (`csr process plan C3 --kind manufacturing-process --month <month> --shift 夜班 --by <auditors>`) and record it with `--shift` when held. An audit that did cover the shift without recording it, or recorded a shift under a name the process does not list, is corrected with `csr process audited C3 --amend <record number> --shift <shifts>`; the process's list is changed with `csr process update C3 --shifts <shifts>` (a shift it no longer runs taken off, one it runs added, the hand-over included).",
  },
  check(ctx) {
    if (!threeYearCycle(ctx.repo.config?.value)) return;
    const { today } = ctx.options;
    const roster = auditorRoster(ctx.index.people, ctx.repo.config?.value);
    const thisYear = today.slice(0, 4);
    const lastYear = String(Number(thisYear) - 1);
    for (const { value: process, file, path } of ctx.repo.processes) {
      if (!ctx.keeps(file)) continue;
      for (const [index, audit] of (process.audits ?? []).entries()) {
        if (typeof audit?.date !== "string" || audit.date > today || ![lastYear, thisYear].includes(audit.date.slice(0, 4)) || auditKind(audit) !== "manufacturing-process") continue;
        const unknown = unknownShifts(process, auditShifts(audit));
        if (unknown.length === 0) continue;
        const data = { process: processLabel(process), report: audit.report, date: audit.date, unknown: list(unknown), shifts: list(process.shifts ?? []), count: unknown.length };
        ctx.report({ file, path: [...path, "audits", index, "shift"] }, sentences(t("rule.process/audit-shift-coverage.unknown", data), t("rule.process/audit-shift-coverage.unknown-fix", { code: process.code, report: audit.report })));
      }
      for (const year of [lastYear, thisYear]) {
        const coverage = shiftCoverage(process, year, today, roster);
        if (!coverage) continue;
        const missing = year === thisYear ? coverage.missing.filter((s) => !coverage.planned.includes(s)) : coverage.missing;
        if (missing.length === 0) continue;
        const last = coverage.audits[coverage.audits.length - 1]!;
        const data = {
          process: processLabel(process),
          year,
          today,
          reports: list(coverage.audits.map(({ audit }) => audit.report)),
          covered: list(coverage.covered),
          missing: list(missing),
        };
        const key = year === thisYear ? "rule.process/audit-shift-coverage.this-year" : coverage.covered.length === 0 ? "rule.process/audit-shift-coverage.none" : "rule.process/audit-shift-coverage";
        ctx.report({ file, path: [...path, "audits", last.index, "date"] }, sentences(t(key, data), t("rule.process/audit-shift-coverage.fix", { code: process.code, shift: missing[0]! })));
      }
    }
  },
};
