import { sentences, t } from "../../../i18n/index.js";
import { nextYearPlanMissing } from "../../../model/process-audits.js";
import type { Rule } from "../../rule.js";

/**
 * IATF 16949 9.2.2.1: a documented internal audit programme, planned ahead. In December (from qms.yaml internal_audit.plan_month), with audits on record, no process has an
 * audit of next year planned (model/process-audits.ts nextYearPlanMissing): reported once, at qms.yaml's `internal_audit` (else
 * its `standards`), with the commands that make the plan and list it. `csr list audit-plan --year <next>` says the same under
 * its table.
 */
export const rule: Rule = {
  id: "process/audit-plan-next-year-missing",
  severity: "warning",
  scope: { files: "own" },
  dependsOn: ["qms.yaml", "processes.yaml"],
  clock: "soon",
  summary: "Next year's internal audit plan is due (December by default) and no audit of next year is planned.",
  docs: {
    description:
      "{{cite:audit-programme}} asks for a documented internal audit programme; an annual internal audit plan (年度内部审核计划) is the usual form, made in the last month of the year before (an internal audit procedure such as QP-004: the next year's plan every December). Once `today` is in December (or from the month `internal_audit.plan_month` of `qms.yaml` gives, 1 to 12) and a process of `processes.yaml` records audits (`audits`), a repository in which no process has an entry of the next year under `planned_audits` (written by `csr process plan`; a cancelled entry does not count) is reported once, at `qms.yaml`. `csr list audit-plan --year <next year>` says so under its empty table. Nothing is reported in the months before, nor before any audit is recorded.",
    bad: `
  - code: C1
    name: 顾客要求评审
    type: customer-oriented
    owner: MKT
    audits:
      - {date: 2026-09-10, by: [zhang], report: IA-2026-02, nonconformities: 0}
    # today 2026-12-08: no planned_audits in 2027
`,
    good: `
    audits:
      - {date: 2026-09-10, by: [zhang], report: IA-2026-02, nonconformities: 0}
    planned_audits:
      - {month: 2027-03, by: [zhang, li]}
`,
    fix: "Make next year's plan: `csr process plan <code> --month <YYYY-MM> --by <auditors>` for each process, then `csr list audit-plan --year <next year>` prints it.",
  },
  check(ctx) {
    const config = ctx.repo.config;
    if (!config) return;
    const next = nextYearPlanMissing(ctx.repo.processes.map((p) => p.value), ctx.options.today, config.value.internal_audit?.plan_month);
    if (next === undefined) return;
    ctx.report(
      { file: config.file, path: config.value.internal_audit ? ["internal_audit"] : ["standards"], key: true },
      sentences(t("rule.process/audit-plan-next-year-missing", { today: ctx.options.today, year: next, month: config.value.internal_audit?.plan_month ?? 12 }), t("rule.process/audit-plan-next-year-missing.fix", { year: next })),
    );
  },
};
