/**
 * The annual internal audit plan (年度内部审核计划; IATF 16949 9.2.2.1: a documented internal audit programme covering every
 * process, every shift, at a frequency by risk): the entries of `year` under the processes' `planned_audits` (csr process plan),
 * one row each, by month, then in processes.yaml's order, then in planning order: the month and day planned, the process and
 * its owning department, the kind, the auditors, customers and shifts planned, and what became of it on `today` (planStanding):
 * 已审核 with the audit's date and report, 计划, 已取消 (why), 未按计划审核 or 改期至 a later month, then each change of month, day
 * or auditors made with csr process plan --move (改期 from → to, why). An entry moved out of `year` keeps a row at the last month
 * it had in `year`, with its changes. The processes with no QMS audit planned
 * that year are named in a note (every process is covered over the programme). The company's form for it is qms.yaml
 * `registers.forms.audit-plan` (e.g. QR-004-01); the record of audits held is the audit programme's (audit-programme.ts).
 */
import { localized } from "../../core/text.js";
import { auditCustomers, auditKind, auditUncounted, auditorRoster, auditShifts, nextYearPlanMissing, planOn, planStanding, type UncountedReason } from "../../model/process-audits.js";
import type { PlannedAudit } from "../../model/types.js";
import type { Table } from "../table.js";
import { customerName, departmentName, personName, t, type RegisterContext } from "./context.js";

/** `year`: the calendar year (e.g. 2027) whose plan is listed; `today` (YYYY-MM-DD): the day its entries are judged on. */
export function auditPlanRegister(ctx: RegisterContext, options: { today: string; year: number }): Table {
  const { today } = options;
  const year = String(options.year);
  const processes = ctx.repo.processes.map((p) => p.value);
  const separator = t(ctx, "register.list-separator");
  const roster = auditorRoster(ctx.index.people, ctx.repo.config?.value);
  // Each entry as it stood on `today` (planOn), on its month of `year`: where it is planned now, else the last month it was
  // planned for in `year` before a move took it elsewhere (the year's plan shows why its audit was not held then, 9.2.2.1).
  const entries = processes
    .flatMap((process, order) =>
      (process.planned_audits ?? []).flatMap((given, index) => {
        if (typeof given?.month !== "string") return [];
        const plan = planOn(given, today);
        const months = [...(plan.moved ?? []).map((m) => m.month), plan.month].filter((m) => typeof m === "string" && m.startsWith(`${year}-`));
        if (months.length === 0) return [];
        const month = months[months.length - 1]!;
        // On a row left behind in `year`, the changes up to the one that took the entry out of it (a later change is the next year's).
        const out = month === plan.month ? undefined : (plan.moved ?? []).map((m) => m.month).lastIndexOf(month);
        const at = out === undefined ? { month, ...(plan.date ? { date: plan.date } : {}), by: plan.by } : plan.moved![out]!;
        return [{ process, given, plan, at, current: out === undefined, changes: out === undefined ? undefined : out + 1, order, index }];
      }),
    )
    .sort((a, b) => (a.at.month < b.at.month ? -1 : a.at.month > b.at.month ? 1 : a.order - b.order || a.index - b.index));
  const rows = entries.map(({ process, given, plan, at, current, changes }, i) => {
    const standing = planStanding(process, given, today);
    const state =
      standing.state === "done"
        ? t(ctx, doneKey(auditUncounted(process, standing.audit.audit, roster)), { date: standing.audit.audit.date, report: standing.audit.audit.report })
        : standing.state === "cancelled"
          ? t(ctx, "register.audit-plan.cancelled", { reason: standing.reason, on: standing.on })
          : standing.state === "planned"
            ? t(ctx, "register.audit-plan.planned")
            : standing.rescheduled
              ? t(ctx, "register.audit-plan.moved", { to: standing.rescheduled.plan.month })
              : t(ctx, "register.audit-plan.missed");
    const status = [...(current ? [state] : []), ...planChanges(ctx, plan, changes)].join(t(ctx, "register.audit-plan.step-separator"));
    return {
      no: String(i + 1),
      month: at.month,
      date: at.date ?? null,
      code: process.code,
      name: localized(ctx.lang, process.name, process.name_en),
      owner: departmentName(ctx, process.owner),
      kind: t(ctx, `value.audit-kind.${auditKind(plan)}`),
      auditors: (at.by ?? []).map((id) => personName(ctx, id)).join(separator),
      customer: auditCustomers(plan).map((code) => customerName(ctx, code)).join(separator),
      shift: auditShifts(plan).join(separator),
      status,
      comment: plan.comment ?? "",
    };
  });
  const unplanned = processes.filter((p) => !(p.planned_audits ?? []).some((given) => {
    const plan = typeof given?.month === "string" ? planOn(given, today) : undefined;
    return plan !== undefined && !plan.cancelled && plan.month.startsWith(`${year}-`) && auditKind(plan) === "qms";
  }));
  return {
    id: "audit-plan",
    title: t(ctx, "register.audit-plan.title", { year, count: rows.length }),
    sheet: t(ctx, "register.audit-plan.sheet", { year }),
    columns: [
      { key: "no", header: t(ctx, "register.audits.column.no"), kind: "number" },
      { key: "month", header: t(ctx, "register.audit-plan.column.month"), kind: "code" },
      { key: "date", header: t(ctx, "register.audit-plan.column.date"), date: true },
      { key: "code", header: t(ctx, "register.audits.column.code"), kind: "id" },
      { key: "name", header: t(ctx, "register.audits.column.name"), kind: "name" },
      { key: "owner", header: t(ctx, "register.audits.column.owner"), kind: "name" },
      { key: "kind", header: t(ctx, "register.audits.column.kind"), kind: "name" },
      { key: "auditors", header: t(ctx, "register.audit-plan.column.auditors"), kind: "list" },
      { key: "customer", header: t(ctx, "register.audits.column.customer"), kind: "list", printedIfAny: true },
      { key: "shift", header: t(ctx, "register.audits.column.shift"), kind: "list", printedIfAny: true },
      { key: "status", header: t(ctx, "register.audit-plan.column.status") },
      { key: "comment", header: t(ctx, "register.audits.column.comment"), kind: "prose", remarks: true },
    ],
    rows,
    notes: [
      t(ctx, "register.audit-plan.note"),
      // December with no entry of next year (rule process/audit-plan-next-year-missing): the plan due now is not made.
      ...(nextYearPlanMissing(processes, today, ctx.repo.config?.value.internal_audit?.plan_month) === year ? [t(ctx, "register.audit-plan.next-year-missing", { year, today, month: ctx.repo.config?.value.internal_audit?.plan_month ?? 12 })] : []),
      ...(unplanned.length > 0 ? [t(ctx, "register.audit-plan.unplanned", { year, processes: unplanned.map((p) => p.code).join(separator), count: unplanned.length })] : []),
    ],
  };
}

/**
 * The changes of a plan entry (its `moved` history, csr process plan --move), oldest first, each as the register prints it: a
 * move of month or day (改期 2026-12-15 → 2027-01（reason）) and a change of auditors (审核员 A → B（reason）); the first `count`
 * only when given (a row left behind in an earlier year: up to the change that took it out).
 */
function planChanges(ctx: RegisterContext, plan: PlannedAudit, count?: number): string[] {
  const moves = plan.moved ?? [];
  const separator = t(ctx, "register.list-separator");
  const when = (p: { month: string; date?: string }) => p.date ?? p.month;
  const team = (by: readonly string[] | undefined) => ((by ?? []).length > 0 ? by!.map((id) => personName(ctx, id)).join(separator) : t(ctx, "register.audit-plan.no-auditors"));
  return moves.slice(0, count).flatMap((before, i) => {
    const after = moves[i + 1] ?? plan;
    const steps: string[] = [];
    if (when(before) !== when(after)) steps.push(t(ctx, "register.audit-plan.moved-step", { from: when(before), to: when(after), reason: before.reason }));
    if ((before.by ?? []).join() !== (after.by ?? []).join()) steps.push(t(ctx, "register.audit-plan.team-step", { from: team(before.by), to: team(after.by), reason: before.reason }));
    return steps;
  });
}

/** The 执行情况 of an entry fulfilled by an audit that counts, or does not (auditUncounted's reason: 审核员无资格, 审核本部门). */
function doneKey(why: UncountedReason | undefined): "register.audit-plan.done" | "register.audit-plan.done-uncounted" | "register.audit-plan.done-own-department" {
  return why === undefined ? "register.audit-plan.done" : why === "unqualified" ? "register.audit-plan.done-uncounted" : "register.audit-plan.done-own-department";
}
