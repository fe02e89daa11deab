/**
 * The internal audit programme (内部审核方案, IATF 16949 9.2.2.1): for each process of processes.yaml, in its order, a row
 * per kind of audit it is held to or has had — the QMS audit by process (9.2.2.2) always, the manufacturing process audit
 * (9.2.2.3) for a process marked `manufacturing: true` or audited so, the product audit (9.2.2.4) for one audited so — with
 * the audits of that kind held in each calendar year of the three-year cycle that ends in `today`'s year (date and report
 * number), the last one that counts, the day the next is due and its standing. The audits are csr list audits' (auditsIn,
 * auditKind; one by an auditor not qualified that day or led from the process's own department is listed, marked, and does
 * not count, auditUncounted); the due days are
 * those of rules process/audit-due (the process's interval, else under IATF 16949 the three-year cycle, outOfCycle) and
 * process/manufacturing-audit-due (manufacturingAuditLate's cycle). A product audit has no due day here: its frequency is
 * the control plan's.
 */
import { addMonths, daysBetween } from "../../core/dates.js";
import { localized } from "../../core/text.js";
import { auditKind, auditUncounted, auditorRoster, auditStanding, cycleAssumed, defaultAuditMonths, yearlyAssumed, cycleStart, IATF_CYCLE_MONTHS, lastAudit, planOn, planStanding, shiftCoverage, threeYearCycle } from "../../model/process-audits.js";
import { frequencyTriggers, triggerText } from "../../model/audit-triggers.js";
import type { AuditKind, Process, QmsConfig } from "../../model/types.js";
import type { Table } from "../table.js";
import { uncountedMark, uncountedNotes } from "./audits.js";
import { asOfNotes, departmentName, personName, t, type RegisterContext } from "./context.js";

/** `today` (YYYY-MM-DD): the audits held by that day; its year is the last of the three the programme shows. */
export function auditProgramme(ctx: RegisterContext, options: { today: string }): Table {
  const { today } = options;
  const config = ctx.repo.config?.value;
  const processes = ctx.repo.processes.map((p) => p.value);
  const documents = [...ctx.index.documents.values()].map((d) => d.value);
  const roster = auditorRoster(ctx.index.people, ctx.repo.config?.value);
  const cycle = threeYearCycle(config);
  const fallback = defaultAuditMonths(config, processes);
  const last = Number(today.slice(0, 4));
  // The annual plan's entries (planned_audits, csr process plan) beside what was done: the coming years that have some, up to two, get their columns (tester78 A2).
  const planned = processes.flatMap((p) => (p.planned_audits ?? []).filter((plan) => typeof plan?.month === "string"));
  const ahead = Math.min(last + 2, Math.max(last, ...planned.map((plan) => Number(plan.month.slice(0, 4)))));
  const years = Array.from({ length: ahead - last + 3 }, (_, i) => String(last - 2 + i));
  const separator = t(ctx, "register.list-separator");
  const kindsOf = (p: Process): AuditKind[] => {
    const held = new Set([...(p.audits ?? []).filter((a) => a.date <= today).map(auditKind), ...(p.planned_audits ?? []).map(auditKind)]);
    // Layered process audits (分层审核) on a row of their own: they are not the manufacturing process audit (tester75 P11).
    return ["qms", ...(p.manufacturing === true || held.has("manufacturing-process") ? ["manufacturing-process" as const] : []), ...(held.has("product") ? ["product" as const] : []), ...(held.has("lpa") ? ["lpa" as const] : [])];
  };
  // The day the next audit of `kind` is due: the interval's (qms), else the three-year cycle's from the last audit that counts or, never audited, from the cycle's start.
  const dueOf = (p: Process, kind: AuditKind): { due?: string; never: boolean } => {
    const { last: held } = lastAudit(p, today, roster, kind);
    // A product audit and a layered process audit have no cycle of their own in the standard: no due day.
    if (kind === "product" || kind === "lpa") return { never: held === undefined };
    if (kind === "qms") {
      const standing = auditStanding(p, config, today, roster, fallback);
      if (standing.months !== undefined) return { due: standing.due ?? today, never: held === undefined };
      if (!cycle) return { never: held === undefined };
    }
    const from = held?.audit.date ?? cycleStart(p, documents)?.date;
    return { ...(from !== undefined ? { due: addMonths(from, IATF_CYCLE_MONTHS) } : {}), never: held === undefined };
  };
  const status = (due: string | undefined, never: boolean): string => {
    if (due === undefined) return never ? t(ctx, "register.processes.never-audited") : "";
    const left = daysBetween(today, due);
    const standing = left < 0 ? t(ctx, "register.processes.overdue", { count: -left }) : left === 0 ? t(ctx, "register.processes.due-today") : t(ctx, "register.processes.left", { count: left });
    return never ? [t(ctx, "register.processes.never-audited"), standing].join(t(ctx, "register.management-review.detail-separator")) : standing;
  };
  // The shifts a year's manufacturing process audits left out (IATF 16949 9.2.2.3, process/audit-shift-coverage): 未覆盖班次 for a
  // year gone, 尚未覆盖班次 for this one.
  let shiftsMarked = false;
  let triggered = false;
  const actions = ctx.repo.actions.map((a) => a.value);
  const shiftText = (p: Process, kind: AuditKind, year: string): string[] => {
    if (kind !== "manufacturing-process") return [];
    const missing = shiftCoverage(p, year, today, roster)?.missing ?? [];
    if (missing.length === 0) return [];
    shiftsMarked = true;
    return [t(ctx, year === today.slice(0, 4) ? "register.audit-programme.shifts-not-yet" : "register.audit-programme.shifts-missing", { shifts: missing.join(t(ctx, "register.audit-programme.by-separator")) })];
  };
  const rows = processes.flatMap((p) =>
    kindsOf(p).map((kind) => {
      const audits = (p.audits ?? []).filter((a) => a.date <= today && auditKind(a) === kind);
      // An entry of the plan not fulfilled: planned (with its auditors), missed, or moved to a later month; a fulfilled one is its audit.
      const plans = (p.planned_audits ?? []).filter((plan) => typeof plan?.month === "string" && auditKind(plan) === kind);
      const planText = (year: string) =>
        plans
          .flatMap((given) => {
            const plan = planOn(given, today);
            if (!plan.month.startsWith(`${year}-`)) {
              // Moved out of this year (csr process plan --move): the year's column says where it went (计划改期至 2027-02), not nothing.
              const from = (Array.isArray(plan.moved) ? plan.moved : []).filter((m) => typeof m?.month === "string" && m.month.startsWith(`${year}-`)).pop();
              return from ? [t(ctx, "register.audit-programme.moved", { month: String(Number(from.month.slice(5))), ym: from.month, to: plan.month })] : [];
            }
            const standing = planStanding(p, given, today);
            if (standing.state === "done") return [];
            const when = { month: String(Number(plan.month.slice(5))), ym: plan.month };
            if (standing.state === "planned") {
              const by = (plan.by ?? []).map((id) => personName(ctx, id)).join(t(ctx, "register.audit-programme.by-separator"));
              return [t(ctx, by ? "register.audit-programme.planned-by" : "register.audit-programme.planned", { ...when, by })];
            }
            if (standing.state === "cancelled") return [t(ctx, "register.audit-programme.cancelled", when)];
            return [standing.rescheduled ? t(ctx, "register.audit-programme.moved", { ...when, to: standing.rescheduled.plan.month }) : t(ctx, "register.audit-programme.missed", when)];
          });
      const inYear = (year: string) =>
        [
          ...audits
            .filter((a) => a.date.startsWith(`${year}-`))
            .map((a) => {
              const text = `${a.date.slice(5)} ${a.report}`;
              const why = auditUncounted(p, a, roster);
              return why ? uncountedMark(ctx, why, text) : text;
            }),
          ...planText(year),
          ...shiftText(p, kind, year),
        ].join(separator);
      const { due, never } = dueOf(p, kind);
      // The events since its last audit that its frequency was not reviewed for (9.2.2.1, rule process/audit-frequency-unreviewed), on the QMS row.
      const triggers = kind === "qms" ? frequencyTriggers(p, actions, config, today, roster) : [];
      if (triggers.length > 0) triggered = true;
      const triggerRemark = triggers.length > 0 ? [t(ctx, "register.audit-programme.triggers", { events: triggers.map((e) => triggerText(e, (key, data) => t(ctx, key, data))).join(t(ctx, "register.audit-programme.by-separator")) })] : [];
      return {
        code: p.code,
        name: localized(ctx.lang, p.name, p.name_en),
        owner: departmentName(ctx, p.owner),
        kind: t(ctx, `value.audit-kind.${kind}`),
        ...Object.fromEntries(years.map((year) => [`y${year}`, inYear(year)])),
        last: lastAudit(p, today, roster, kind).last?.audit.date ?? null,
        due: due ?? null,
        status: [status(due, never), ...triggerRemark].filter((part) => part !== "").join(t(ctx, "register.management-review.detail-separator")),
      };
    }),
  );
  return {
    id: "audit-programme",
    title: t(ctx, "register.audit-programme.title", { from: years[0]!, to: years[years.length - 1]!, count: processes.length }),
    sheet: t(ctx, "register.audit-programme.sheet"),
    columns: [
      { key: "code", header: t(ctx, "register.processes.column.code"), kind: "id" },
      { key: "name", header: t(ctx, "register.processes.column.name"), kind: "name" },
      { key: "owner", header: t(ctx, "register.processes.column.owner"), kind: "name" },
      { key: "kind", header: t(ctx, "register.audits.column.kind"), kind: "name" },
      ...years.map((year) => ({ key: `y${year}`, header: t(ctx, "register.audit-programme.column.year", { year }), kind: "list" as const })),
      { key: "last", header: t(ctx, "register.audit-programme.column.last"), date: true },
      { key: "due", header: t(ctx, "register.audit-programme.column.due"), date: true },
      { key: "status", header: t(ctx, "register.processes.column.status") },
    ],
    rows,
    notes: [
      t(ctx, cycle ? "register.audit-programme.note-cycle" : "register.audit-programme.note"),
      ...assumedNotes(ctx, processes, config),
      ...(planned.length > 0 ? [t(ctx, "register.audit-programme.note-plan")] : []),
      ...frequencyNotes(ctx, processes),
      ...(triggered ? [t(ctx, "register.audit-programme.note-triggers")] : []),
      ...(shiftsMarked ? [t(ctx, "register.audit-programme.note-shifts")] : []),
      ...uncountedNotes(ctx, processes.flatMap((p) => (p.audits ?? []).flatMap((a) => (a.date <= today ? [auditUncounted(p, a, roster)] : [])))),
      ...asOfNotes(ctx, today, processes.some((p) => (p.audits ?? []).some((a) => a.date > today))),
    ],
  };
}

/**
 * The processes whose next QMS audit is taken from the three-year cycle for want of an interval (cycleAssumed), one note that says
 * so and how to set one: the due days are then the longest IATF 16949 9.2.2.1 allows, not necessarily what the internal audit
 * procedure plans (tester80 M9; rule process/audit-interval-unset); under GJB 9001C, those audited yearly by default
 * (yearlyAssumed), said alike. Nothing when every process has an interval, or outside IATF 16949 and GJB 9001C.
 */
function assumedNotes(ctx: RegisterContext, processes: readonly Process[], config: QmsConfig | undefined): string[] {
  // Under GJB 9001C, the yearly audit of every process is assumed instead (defaultAuditMonths; tester81 J9).
  const yearly = yearlyAssumed(processes, config);
  const assumed = yearly.length > 0 ? yearly : cycleAssumed(processes, config);
  if (assumed.length === 0) return [];
  const kind = yearly.length > 0 ? "yearly" : "no-interval";
  return [
    assumed.length === processes.length
      ? t(ctx, `register.audit-programme.note-${kind}-all`, { count: processes.length })
      : t(ctx, `register.audit-programme.note-${kind}-some`, { processes: assumed.map((p) => p.code).join(t(ctx, "register.audit-programme.by-separator")), count: assumed.length }),
  ];
}

/**
 * The processes audited at an interval of their own (`audit_months`, csr process update --audit-months) with why (`audit_reason`,
 * --audit-reason: risks, customer complaints, performance, changes; IATF 16949 9.2.2.1: the audit frequency is reviewed and,
 * where appropriate, adjusted), one note; a frequency without a reason is said to have none. Nothing when none has its own.
 */
function frequencyNotes(ctx: RegisterContext, processes: readonly Process[]): string[] {
  const own = processes.filter((p) => typeof p.audit_months === "number");
  if (own.length === 0) return [];
  const items = own.map((p) =>
    p.audit_reason
      ? t(ctx, "register.audit-programme.frequency", { code: p.code, months: p.audit_months!, count: p.audit_months!, reason: p.audit_reason })
      : t(ctx, "register.audit-programme.frequency-no-reason", { code: p.code, months: p.audit_months!, count: p.audit_months! }),
  );
  return [t(ctx, "register.audit-programme.note-frequency", { items: items.join(t(ctx, "register.management-review.detail-separator")) })];
}
