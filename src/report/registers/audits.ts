/**
 * The internal audit record (内部审核记录): every internal audit of every process (processes.yaml
 * `audits`, csr process audited), by date — the process and its owning department, the auditors (team
 * leader first), the audit report's number, the nonconformities raised against the process and the
 * auditor's note. IATF 16949 9.2.2.1 and ISO 9001 / GJB 9001C 9.2.2 f) ask that the audit programme and
 * the audit results be retained as evidence: this is the register the audit team leader hands the
 * auditor, and the one the management review's audit figures are counted from.
 */
import { localized } from "../../core/text.js";
import { actionsAgainstAudit, auditCustomers, auditKind, auditNonconformities, auditShifts, auditUncounted, auditorRoster, auditsIn, nonconformitiesIn, ownDepartmentAuditors, unqualifiedAuditors, type AuditorRoster, type UncountedReason } from "../../model/process-audits.js";
import { actionOn } from "../../model/actions.js";
import type { AuditKind, Process, ProcessAudit } from "../../model/types.js";
import type { Period } from "../../model/review-timeliness.js";
import type { Table } from "../table.js";
import { asOfNotes, customerName, departmentName, personName, t, type RegisterContext } from "./context.js";
import { filterNotesOf } from "./filter.js";
import { periodAskedNotes, periodWords } from "./period.js";

/** What `csr list audits` narrows the record to: audits of a kind (--kind), of a customer's part or requirements (--customer, its code). */
export interface AuditFilter {
  kind?: AuditKind;
  customer?: string;
}

/**
 * Dated `today` (YYYY-MM-DD): the audits held by that day; with a `period` (csr list audits --from/--to,
 * its last day not after `today`), those held within it, both days included, its title, a note and its
 * file's name saying so; with a `filter`, those of its kind and customer, said the same way (filterNotesOf). A note under the table totals the audits, the processes audited and the
 * nonconformities raised, the figures the management review gives for the same period: those of an audit that
 * does not count (auditCounts) said apart, as the management review and the process list count them.
 */
export function auditRegister(ctx: RegisterContext, options: { today: string; period?: Period; filter?: AuditFilter }): Table {
  const { today, period, filter = {} } = options;
  const processes = ctx.repo.processes.map((p) => p.value);
  const entries = auditsIn(processes, period?.from, period?.to ?? today).filter(
    ({ audit }) => (filter.kind === undefined || auditKind(audit) === filter.kind) && (filter.customer === undefined || auditCustomers(audit).includes(filter.customer)),
  );
  // The kinds' columns once the repository records any audit beyond a QMS audit by process: a register of those alone keeps its columns.
  const detailed = processes.some((p) => (p.audits ?? []).some((a) => a.kind !== undefined || a.part !== undefined || a.customer !== undefined || a.shift !== undefined));
  const narrowed =
    filter.kind !== undefined || filter.customer !== undefined
      ? filterNotesOf(
          ctx,
          [
            ...(filter.kind !== undefined ? [t(ctx, "register.filter.audit-kind", { kind: t(ctx, `value.audit-kind.${filter.kind}`) })] : []),
            ...(filter.customer !== undefined ? [t(ctx, "register.filter.customer", { customer: customerName(ctx, filter.customer) })] : []),
            ...(period ? [t(ctx, "register.filter.audit-period", periodWords(ctx, period))] : []),
          ],
          "audits",
          "csr list audits",
          [filter.kind, filter.customer, period?.from, period?.to],
        )
      : undefined;
  const roster = auditorRoster(ctx.index.people, ctx.repo.config?.value);
  // What an audit that does not count brings (an auditor not qualified that day, a leader auditing their own department) is said
  // apart, as the process list and the management review count audits (auditUncounted; breaker64 P9, tester78 A8).
  const reasons = entries.map(({ process, audit }) => auditUncounted(process, audit, roster));
  const counted = entries.filter((_, i) => reasons[i] === undefined);
  const uncounted = entries.length - counted.length;
  const ownDepartment = reasons.filter((r) => r === "own-department").length;
  const periodText = period ? t(ctx, "register.filter.audit-period", periodWords(ctx, period)) : "";
  const whole = t(ctx, "register.audits.whole");
  // The actions on record that day: an audit's nonconformities are the greater of its record and the actions opened against it.
  const actions = ctx.repo.actions.flatMap(({ value }) => actionOn(value, today) ?? []);
  const nonconformities = nonconformitiesIn(counted, actions);
  const more = nonconformitiesIn(entries, actions) - nonconformities;
  const audited = new Set(counted.map(({ process }) => process.code)).size;
  return {
    id: "audits",
    title: narrowed
      ? t(ctx, "register.audits.title-filtered", { filter: narrowed.title, count: entries.length })
      : period
        ? t(ctx, "register.audits.title-period", { ...periodWords(ctx, period), count: entries.length })
        : t(ctx, "register.audits.title", { count: entries.length }),
    ...(narrowed ? { filtered: narrowed.filtered } : period ? { filtered: { filter: periodText, register: whole, command: "csr list audits", name: `audits-${period.from}-${period.to}` } } : {}),
    sheet: t(ctx, "register.audits.sheet"),
    columns: [
      { key: "no", header: t(ctx, "register.audits.column.no"), kind: "number" },
      { key: "date", header: t(ctx, "register.audits.column.date"), date: true },
      { key: "code", header: t(ctx, "register.audits.column.code"), kind: "id" },
      { key: "name", header: t(ctx, "register.audits.column.name"), kind: "name" },
      { key: "owner", header: t(ctx, "register.audits.column.owner"), kind: "name" },
      { key: "auditors", header: t(ctx, "register.audits.column.auditors"), kind: "list" },
      { key: "report", header: t(ctx, "register.audits.column.report"), kind: "id" },
      // A count a spreadsheet sums; 符合 is 0.
      { key: "nonconformities", header: t(ctx, "register.audits.column.nonconformities"), kind: "number" },
      ...(detailed
        ? ([
            { key: "kind", header: t(ctx, "register.audits.column.kind"), kind: "name" },
            { key: "part", header: t(ctx, "register.audits.column.part"), kind: "id" },
            { key: "customer", header: t(ctx, "register.audits.column.customer"), kind: "name" },
            { key: "shift", header: t(ctx, "register.audits.column.shift"), kind: "name" },
            { key: "actions", header: t(ctx, "register.audits.column.actions"), kind: "list" },
          ] as const)
        : []),
      { key: "comment", header: t(ctx, "register.audits.column.comment") },
    ],
    rows: entries.map(({ process, audit }, i) => ({
      no: i + 1,
      date: audit.date,
      code: process.code,
      name: localized(ctx.lang, process.name, process.name_en),
      owner: departmentName(ctx, process.owner),
      auditors: auditorNames(ctx, process, audit, roster),
      report: audit.report,
      nonconformities: auditNonconformities({ process, audit }, actions),
      ...(detailed
        ? {
            kind: t(ctx, `value.audit-kind.${auditKind(audit)}`),
            part: audit.part ?? "",
            customer: auditCustomers(audit).map((code) => customerName(ctx, code)).join(t(ctx, "register.list-separator")),
            shift: auditShifts(audit).join(t(ctx, "register.list-separator")),
            actions: actionsAgainstAudit(actions, process, audit).map((a) => a.id).join(t(ctx, "register.list-separator")),
          }
        : {}),
      comment: audit.comment ?? "",
    })),
    notes: [
      ...(narrowed ? [narrowed.note] : period ? [t(ctx, "register.filter.note", { filter: periodText, register: whole })] : []),
      ...periodAskedNotes(ctx, period),
      // The nonconformities worded with their number in English ("1 nonconformity"), a bare number in Chinese (…不符合项 1 项).
      ...(entries.length > 0
        ? [
            t(ctx, uncounted === 0 ? "register.audits.totals" : ownDepartment === 0 ? "register.audits.totals-uncounted" : ownDepartment === uncounted ? "register.audits.totals-uncounted-own-department" : "register.audits.totals-uncounted-mixed", {
              count: entries.length,
              uncounted,
              processes: audited,
              of: processes.length,
              nonconformities: t(ctx, "register.audits.raised", { count: nonconformities }),
              more,
            }),
          ]
        : []),
      // The totals already give how many audits do not count: the note says only what that means.
      ...uncountedNotes(ctx, reasons),
      ...asOfNotes(ctx, today, processes.some((p) => (p.audits ?? []).some((a) => a.date > today))),
    ],
  };
}

/**
 * The audit team of `audit` of `process` by name: its auditors, the team leader first and marked 组长 when the team has more
 * than one member, each without an internal auditor qualification on its date marked 无资格 once people.yaml marks auditors
 * (`roster`; process/auditor-unqualified, breaker63 P4), else each of the department that owns the process marked 本部门 while
 * the roster holds audits to impartiality (ownDepartmentAuditors; process/auditor-impartiality, tester78 A8); then its
 * auditors-in-training (实习审核员) and technical experts (技术专家), marked so (ISO 19011 5.5.4, tester78 A7). csr list
 * audits, csr show <report> and a process's page on the site.
 */
export function auditorNames(ctx: RegisterContext, process: Pick<Process, "owner">, audit: Pick<ProcessAudit, "by" | "date" | "kind" | "trainees" | "experts">, roster: AuditorRoster): string {
  const unqualified = new Set(unqualifiedAuditors(audit, roster).map((u) => u.index));
  const own = new Set(roster.impartial ? ownDepartmentAuditors(process, audit, roster.person).flatMap((o) => (o.role === "by" ? [o.index] : [])) : []);
  const team = audit.by.length + (audit.trainees?.length ?? 0) + (audit.experts?.length ?? 0);
  const auditors = audit.by.map((id, i) => {
    const name = personName(ctx, id);
    if (i === 0 && team > 1) {
      return t(ctx, unqualified.has(i) ? "register.audit-team.leader-unqualified" : own.has(i) ? "register.audit-team.leader-own-department" : "register.audit-team.leader", { name });
    }
    return unqualified.has(i) ? t(ctx, "register.audit-uncounted.auditor", { name }) : own.has(i) ? t(ctx, "register.audit-own-department.auditor", { name }) : name;
  });
  const trainees = (audit.trainees ?? []).map((id) => t(ctx, "register.audit-team.trainee", { name: personName(ctx, id) }));
  const experts = (audit.experts ?? []).map((id) => t(ctx, "register.audit-team.expert", { name: personName(ctx, id) }));
  return [...auditors, ...trainees, ...experts].join(t(ctx, "register.list-separator"));
}

/**
 * A 最近审核 cell (the clause matrix, its heat map): `date`, the last audit that counts (auditCounts), else `never`;
 * with `uncounted`, the date of a later audit that does not count, marked after it or alone with `why` (uncountedMark).
 */
export function lastAuditText(ctx: RegisterContext, last: { date?: string; uncounted?: string; why?: UncountedReason }, never: string): string {
  if (last.uncounted === undefined) return last.date ?? never;
  const uncounted = uncountedMark(ctx, last.why ?? "unqualified", last.uncounted);
  return last.date === undefined ? uncounted : t(ctx, "register.audit-uncounted.after", { date: last.date, uncounted });
}

/** `text` (an audit's date, or date and report) marked with why the audit does not count (auditUncounted): 审核员无资格 or 审核本部门. */
export function uncountedMark(ctx: RegisterContext, why: UncountedReason, text: string): string {
  return t(ctx, why === "own-department" ? "register.audit-own-department.mark" : "register.audit-uncounted.mark", { date: text });
}

/** What marking an audit 审核员无资格 or 审核本部门 means, a note for each reason among `reasons` (auditUncounted's, undefined for an audit that counts). */
export function uncountedNotes(ctx: RegisterContext, reasons: readonly (UncountedReason | undefined)[]): string[] {
  return [
    ...(reasons.includes("unqualified") ? [t(ctx, "register.audit-uncounted.note")] : []),
    ...(reasons.includes("own-department") ? [t(ctx, "register.audit-own-department.note")] : []),
  ];
}
