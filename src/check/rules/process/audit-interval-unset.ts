import { list, sentences, t } from "../../../i18n/index.js";
import { cycleAssumed, yearlyAssumed } from "../../../model/process-audits.js";
import type { Rule } from "../../rule.js";

/**
 * IATF 16949 9.2.2.1: the audit frequency is set by risk, performance and changes, every process within the three-year cycle.
 * Without an interval (qms.yaml `internal_audit.interval_months`, a process's `audit_months`) the audit programme and
 * process/audit-due take the cycle's 36 months as the interval (cycleAssumed): a programme that plans what the
 * organisation's own procedure may contradict (an annual audit of every process), silently (tester80 M9). Reported once, at
 * qms.yaml where the interval is set, once the programme is in use (a process records or plans an audit: a repository just
 * begun, csr init --example's, is not told before it audits). Under GJB 9001C the programme takes each process's yearly audit
 * instead (defaultAuditMonths, tester81 J9), said alike; nothing under another standard, where no audit then falls due and the
 * programme says so.
 */
export const rule: Rule = {
  id: "process/audit-interval-unset",
  severity: "warning",
  scope: { files: "own" },
  dependsOn: ["qms.yaml", "processes.yaml"],
  summary: "No audit interval is set for some processes: the audit programme assumes the three-year cycle of IATF 16949, or under GJB 9001C a yearly audit.",
  docs: {
    description:
      "A repository under IATF 16949 whose `qms.yaml` sets no `internal_audit.interval_months` while a process of `processes.yaml` sets no `audit_months` of its own either. {{cite:audit-programme}} asks for an audit programme that covers every process within a three-year cycle, each as often as its risk, performance and changes call for: without an interval, `csr list audit-programme` and `process/audit-due` take the three-year cycle as the interval — the longest the standard allows, and seldom what the organisation's internal audit procedure says (an annual audit plan that covers every process). The programme then plans due days the procedure contradicts; its note says the cycle is assumed, and this rule says so once, at `qms.yaml`, naming the processes when only some lack an interval, once the programme is in use (a process of `processes.yaml` records an audit under `audits` or plans one under `planned_audits`). Under GJB 9001C (with or without IATF 16949) the programme takes instead the yearly audit of every process that military suppliers practise under GJB 9001C 9.2, 12 months, and this rule says that it is assumed in the same way. Under another standard nothing is reported: no audit falls due without an interval, and the programme says that.",
    bad: `
standards: [IATF16949]
# no internal_audit.interval_months, and no process of processes.yaml sets audit_months
`,
    good: `
internal_audit:
  interval_months: 12   # every process once a year, as the internal audit procedure plans it
`,
    fix: "Set the interval the internal audit procedure gives: `csr organisation update --audit-interval 12` for every process, `csr process update <code> --audit-months <months>` for a process audited more or less often by its risk. A programme that does audit by the three-year cycle turns the rule off under `rules:` in qms.yaml.",
  },
  check(ctx) {
    const config = ctx.repo.config;
    if (!config) return;
    const processes = ctx.repo.processes.map((p) => p.value);
    if (!processes.some((p) => (p.audits?.length ?? 0) > 0 || (p.planned_audits?.length ?? 0) > 0)) return;
    // Under GJB 9001C the yearly audit of every process is taken instead of the cycle (defaultAuditMonths; tester81 J9).
    const yearly = yearlyAssumed(processes, config.value);
    const assumed = yearly.length > 0 ? yearly : cycleAssumed(processes, config.value);
    if (assumed.length === 0) return;
    const kind = yearly.length > 0 ? "-yearly" : "";
    const message =
      assumed.length === processes.length
        ? t(`rule.process/audit-interval-unset.all${kind}`, { count: processes.length })
        : t(`rule.process/audit-interval-unset.some${kind}`, { processes: list(assumed.map((p) => p.code)), count: assumed.length });
    ctx.report({ file: config.file, path: config.value.internal_audit ? ["internal_audit"] : ["standards"], key: true }, sentences(message, t(`rule.process/audit-interval-unset.fix${kind}`)));
  },
};
