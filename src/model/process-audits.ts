/**
 * The internal audit programme by process (内部审核方案, IATF 16949 9.2.2.1): every process of the
 * process map is audited over a three-year cycle, each as often as its risk, performance and changes
 * call for. A process records its audits under `audits` (csr process audited); the months within
 * which it is audited again are its own `audit_months` or qms.yaml `internal_audit.interval_months`.
 * Neither set: no interval, and nothing falls due. Auditors are chosen so that the audit is objective
 * and impartial (9.2.2 c in IATF 16949, GJB 9001C and ISO 9001; ISO 19011 4 c): not from the
 * department that owns the process they audit.
 */
import type { Catalog } from "./catalog.js";
import { addDays, addMonths, daysBetween } from "../core/dates.js";
import type { AuditFinding, AuditKind, AuditorKind, AuditorQualification, ControlledDocument, CorrectiveAction, PlannedAudit, Person, Process, ProcessAudit, QmsConfig } from "./types.js";

/** The kind of `audit`: its `kind`, else a QMS audit by process (IATF 16949 9.2.2.2), as every audit was recorded before kinds were. */
export function auditKind(audit: Pick<ProcessAudit, "kind">): AuditKind {
  return audit.kind ?? "qms";
}

/** The customers whose parts or CSRs `audit` sampled (`customer`, one code or a list), in order; none: []. */
export function auditCustomers(audit: Pick<ProcessAudit | PlannedAudit, "customer">): string[] {
  return audit.customer === undefined ? [] : typeof audit.customer === "string" ? [audit.customer] : [...audit.customer];
}

/** The shifts `audit` covered (`shift`, one or a list; IATF 16949 9.2.2.3 every shift, the hand-over included), in order; none: []. */
export function auditShifts(audit: Pick<ProcessAudit | PlannedAudit, "shift">): string[] {
  return audit.shift === undefined ? [] : typeof audit.shift === "string" ? [audit.shift] : [...audit.shift];
}

/**
 * The shifts of `shifts` (an audit's or a plan's, auditShifts) that are none of `process`'s own (processes.yaml `shifts`, csr
 * process update --shifts), in order: a shift typed wrong or not registered, which covers none of the process's shifts (IATF
 * 16949 9.2.2.3; shiftCoverage). None when the process records no shifts: then any shift is taken as written (audit80).
 */
export function unknownShifts(process: Pick<Process, "shifts">, shifts: readonly string[]): string[] {
  const own = Array.isArray(process.shifts) ? process.shifts : [];
  return own.length === 0 ? [] : shifts.filter((s) => !own.includes(s));
}

/**
 * The months within which `process` is audited again: its own, else the repository's, else `fallback` (defaultAuditMonths: GJB
 * 9001C's yearly audit); undefined when none applies.
 */
export function auditInterval(process: Process, config: QmsConfig | undefined, fallback?: number): number | undefined {
  return process.audit_months ?? config?.internal_audit?.interval_months ?? fallback;
}

/** GJB 9001C 9.2 as military suppliers and their 军代表 practise it: every process (and department) is audited at least once a year. */
export const GJB_AUDIT_MONTHS = 12;

/**
 * The interval of a process that sets none, where qms.yaml sets none either: in a repository working to GJB 9001C, 12 months
 * (GJB_AUDIT_MONTHS; under IATF 16949 too, the stricter of the two) once the audit programme is in use — a process of `processes`
 * records an audit or plans one (a repository that keeps its audits elsewhere is not told of audits due); undefined otherwise,
 * where IATF 16949's three-year cycle (threeYearCycle) or nothing applies (tester81 J9).
 */
export function defaultAuditMonths(config: QmsConfig | undefined, processes: readonly Process[]): number | undefined {
  return processes.some((p) => (p.audits?.length ?? 0) > 0 || (p.planned_audits?.length ?? 0) > 0) ? yearlyMonths(config) : undefined;
}

/** GJB_AUDIT_MONTHS in a repository working to GJB 9001C, else undefined: defaultAuditMonths once the programme is in use. */
export function yearlyMonths(config: QmsConfig | undefined): number | undefined {
  return (config?.standards ?? []).includes("GJB9001C") ? GJB_AUDIT_MONTHS : undefined;
}

/** The processes of `processes` audited at the GJB 9001C yearly default for want of an interval of their own or of qms.yaml (defaultAuditMonths). */
export function yearlyAssumed(processes: readonly Process[], config: QmsConfig | undefined): Process[] {
  return defaultAuditMonths(config, processes) === undefined ? [] : processes.filter((p) => auditInterval(p, config) === undefined);
}

/**
 * The first day of the three-year audit cycle that ends `today` (YYYY-MM-DD): 36 months before it. Every
 * QMS requirement, by process, is audited within such a cycle (IATF 16949 9.2.2.2); a clause last audited
 * before it is out of cycle.
 */
export function auditCycleStart(today: string): string {
  return addMonths(today, -36);
}

/**
 * Who audits for the programme: people.yaml's list of qualified internal auditors (IATF 16949 7.2.3; GJB 9001C /
 * ISO 9001 7.2), built once for many audits (auditorRoster). `marks`: whether people.yaml marks auditors at all
 * (marksAuditors); `person` looks an id up; `impartial`: whether the programme holds its audits to impartiality
 * (qms.yaml does not turn process/auditor-impartiality off), so an audit led by an auditor of the audited process's
 * own department does not count (auditUncounted).
 */
export interface AuditorRoster {
  marks: boolean;
  person: (id: string) => Person | undefined;
  impartial: boolean;
}

/** The roster of people.yaml's entries (`people`, by id, as the repository index keeps them) under qms.yaml `config` (its `rules`). */
export function auditorRoster(people: ReadonlyMap<string, { value: Person }>, config: Pick<QmsConfig, "rules"> | undefined): AuditorRoster {
  return { marks: marksAuditors([...people.values()].map((p) => p.value)), person: (id) => people.get(id)?.value, impartial: config?.rules?.["process/auditor-impartiality"] !== "off" };
}

/** Why an audit does not count in the audit programme (auditUncounted): an auditor not qualified that day, or a team led from the audited process's own department. */
export type UncountedReason = "unqualified" | "own-department";

/**
 * Why `audit` of `process` does not count in the audit programme, or undefined when it counts:
 * - `unqualified`: people.yaml marks auditors and an auditor of its `by` held no auditor qualification for its kind (auditKind)
 *   on its date. Such an audit — by a 军代表 included, who holds none — is no evidence that the process was audited by a competent
 *   auditor (IATF 16949 7.2.3; breaker63 P4); rule process/auditor-unqualified reports each such auditor. Its `trainees` (实习审核员,
 *   auditing under the team leader's guidance) and `experts` (技术专家) are no auditors (ISO 19011 3.14, 3.16, 5.5.4): they need no
 *   qualification, and the audit counts with them (tester78 A7).
 * - `own-department`: its team leader (auditTeamLeader) belongs to the department that owns `process` (ownDepartmentAuditors), while
 *   the roster holds audits to impartiality (AuditorRoster.impartial). The leader answers for the audit's conclusions (ISO 19011
 *   5.5.4, 6.4.10): led by someone auditing their own department's work, it is not objective and impartial (IATF 16949 / ISO 9001
 *   9.2.2 c; tester78 A8). A member of that department in a team led by an independent auditor is reported by
 *   process/auditor-impartiality, but the audit counts: its conclusions are the independent leader's. A layered process audit is
 *   made by the area's own managers by design and is never held to it.
 * Either way the audit stays on record, marked, and gives neither clause coverage nor a new interval.
 */
export function auditUncounted(process: Pick<Process, "owner">, audit: Pick<ProcessAudit, "by" | "date" | "kind" | "trainees" | "experts">, roster: AuditorRoster): UncountedReason | undefined {
  if (unqualifiedAuditors(audit, roster).length > 0) return "unqualified";
  if (roster.impartial && ownDepartmentAuditors(process, audit, roster.person).some((o) => o.role === "by" && o.index === 0)) return "own-department";
  return undefined;
}

/** Whether `audit` of `process` counts in the audit programme: auditUncounted gives no reason why not. */
export function auditCounts(process: Pick<Process, "owner">, audit: Pick<ProcessAudit, "by" | "date" | "kind" | "trainees" | "experts">, roster: AuditorRoster): boolean {
  return auditUncounted(process, audit, roster) === undefined;
}

/**
 * The team leader of `audit` (审核组长): the first of its auditors `by`, as csr process audited records them
 * (ISO 19011 5.5.4: the audit team has a leader; IATF 16949 7.2.3). Undefined for a record without auditors.
 */
export function auditTeamLeader(audit: Pick<ProcessAudit, "by">): string | undefined {
  return audit.by?.[0];
}

/**
 * Whether an unqualified auditor of `audit` (its index in `by`) could be recorded as an auditor-in-training
 * (实习审核员, `trainees`) instead: not its team leader, and the leader held the qualification that day (not among
 * `unqualified`, unqualifiedAuditors's). ISO 19011 5.5.4 / 7.2.3 of IATF 16949: an auditor-in-training audits under the
 * guidance of a qualified auditor, and an audit led by a qualified auditor with trainees counts (tester78 A7).
 */
export function mayBeTrainee(index: number, unqualified: readonly { index: number }[]): boolean {
  return index > 0 && !unqualified.some((u) => u.index === 0);
}

/** An audit of a process with its index in the process's `audits`; `why` it does not count, for one that does not (auditUncounted). */
export interface IndexedAudit {
  audit: ProcessAudit;
  index: number;
  why?: UncountedReason;
}

/**
 * The audits of `kind` (auditKind; QMS audits by process unless told) of `process` held by `today` that the programme
 * reads (the later of equal dates in recording order): `last`, the latest that counts (auditCounts); `uncounted`, the
 * latest that does not when it is later than `last` (or there is no `last`), with `why`, the one a register marks 审核员无资格 or 审核本部门 beside
 * it. A product or manufacturing process audit is no QMS audit of the process (IATF 16949 9.2.2.2 to 9.2.2.4): it neither
 * covers the process's clauses nor restarts its interval.
 */
export function lastAudit(process: Process, today: string, roster: AuditorRoster, kind: AuditKind = "qms"): { last?: IndexedAudit; uncounted?: IndexedAudit } {
  let last: IndexedAudit | undefined;
  let uncounted: IndexedAudit | undefined;
  for (const [index, audit] of (process.audits ?? []).entries()) {
    if (audit.date > today || auditKind(audit) !== kind) continue;
    const why = auditUncounted(process, audit, roster);
    if (why === undefined) {
      if (last === undefined || audit.date >= last.audit.date) last = { audit, index };
    } else if (uncounted === undefined || audit.date >= uncounted.audit.date) uncounted = { audit, index, why };
  }
  return { ...(last ? { last } : {}), ...(uncounted && (!last || uncounted.audit.date > last.audit.date) ? { uncounted } : {}) };
}

/**
 * Where `process` stands in the audit programme on `today` (YYYY-MM-DD), one answer for csr list
 * processes (状态), rule process/audit-due and the management review: `never` without an audit held
 * by then that counts (尚未审核, a fact with or without an interval; auditCounts); with one and an interval,
 * `overdue` (its due day before `today`), `due-today` or `in-time`; with one and no interval, `audited`
 * (nothing falls due). `due` is the interval's due day after the last audit that counts; `months` the
 * interval, when one is set; `uncounted` a later audit that does not count (lastAudit).
 */
export interface AuditStanding {
  state: "never" | "overdue" | "due-today" | "in-time" | "audited";
  last?: IndexedAudit;
  uncounted?: IndexedAudit;
  months?: number;
  /** `months` is GJB 9001C's yearly default (defaultAuditMonths), neither the process nor qms.yaml setting one. */
  yearly?: boolean;
  due?: string;
}

/** `fallback`: the interval of a process without one where qms.yaml sets none (defaultAuditMonths of the same repository). */
export function auditStanding(process: Process, config: QmsConfig | undefined, today: string, roster: AuditorRoster, fallback?: number): AuditStanding {
  const { last, uncounted } = lastAudit(process, today, roster);
  const months = auditInterval(process, config, fallback);
  const yearly = months !== undefined && auditInterval(process, config) === undefined;
  const known = { ...(months !== undefined ? { months } : {}), ...(yearly ? { yearly } : {}), ...(uncounted ? { uncounted } : {}) };
  if (!last) return { state: "never", ...known };
  if (months === undefined) return { state: "audited", last, ...known };
  const due = addMonths(last.audit.date, months);
  return { state: due < today ? "overdue" : due === today ? "due-today" : "in-time", last, ...known, due };
}

/** The three-year audit cycle of IATF 16949 9.2.2.1, in months: the longest a process goes unaudited when no interval is set. */
export const IATF_CYCLE_MONTHS = 36;

/**
 * Where a process's three-year cycle starts when it was never audited (tester67a A11): the day the
 * quality management system is first recorded in force, the first revision of its earliest quality
 * manual, or, when the process works to documents first released later, the first of those (the process
 * came in then). Undefined when the repository dates neither. Withdrawn documents count: they were in force.
 */
export function cycleStart(process: Process, documents: readonly ControlledDocument[]): { date: string; document: string } | undefined {
  const first = (doc: ControlledDocument) => doc.revisions?.[0]?.date;
  const earliest = (docs: readonly ControlledDocument[]) =>
    docs.reduce<{ date: string; document: string } | undefined>((best, doc) => {
      const date = first(doc);
      return date !== undefined && (doc.status === "released" || doc.status === "obsolete") && (best === undefined || date < best.date) ? { date, document: doc.id } : best;
    }, undefined);
  const system = earliest(documents.filter((d) => d.kind === "manual"));
  const own = earliest(documents.filter((d) => process.documents?.includes(d.id)));
  if (system === undefined) return own;
  return own !== undefined && own.date > system.date ? own : system;
}

/** Whether a process without an audit interval is held to the three-year cycle of IATF 16949 9.2.2.1 (the repository works to IATF 16949). */
export function threeYearCycle(config: QmsConfig | undefined): boolean {
  return config?.standards?.includes("IATF16949") ?? false;
}

/**
 * The processes of `processes` whose next QMS audit the programme takes from the three-year cycle for want of an interval:
 * in a repository under IATF 16949 (threeYearCycle), those with neither their own `audit_months` nor qms.yaml
 * `internal_audit.interval_months` (auditInterval). 36 months is the longest the standard allows (9.2.2.1), seldom the
 * frequency the organisation's internal audit procedure sets by risk and performance, so the programme and rule
 * process/audit-interval-unset say it is assumed (tester80 M9). None under another standard, where nothing falls due then,
 * nor where GJB 9001C's yearly default applies (defaultAuditMonths).
 */
export function cycleAssumed(processes: readonly Process[], config: QmsConfig | undefined): Process[] {
  return threeYearCycle(config) && defaultAuditMonths(config, processes) === undefined ? processes.filter((p) => auditInterval(p, config) === undefined) : [];
}

/**
 * Where a process without an interval stands against the three-year cycle on `today` (threeYearCycle), one
 * answer for process/audit-due and the management review: `overdue` when its last audit that counts is more
 * than 36 months old (`last`), `never` when it has none 36 months after its cycle started (`start`, cycleStart),
 * with the day the cycle ended (`due`). Undefined while it is within the cycle, or when nothing dates the start.
 */
export function outOfCycle(
  process: Process,
  standing: Pick<AuditStanding, "last">,
  documents: readonly ControlledDocument[],
  today: string,
): { state: "overdue"; due: string; last: IndexedAudit } | { state: "never"; due: string; start: { date: string; document: string } } | undefined {
  const last = standing.last;
  if (last) {
    const due = addMonths(last.audit.date, IATF_CYCLE_MONTHS);
    return due < today ? { state: "overdue", due, last } : undefined;
  }
  const start = cycleStart(process, documents);
  if (!start) return undefined;
  const due = addMonths(start.date, IATF_CYCLE_MONTHS);
  return due < today ? { state: "never", due, start } : undefined;
}

/**
 * Where a manufacturing process (`process.manufacturing`) stands against the three-year cycle of IATF 16949 9.2.2.3 on
 * `today`: every manufacturing process is audited by a manufacturing process audit (auditKind) within each three-year
 * cycle. outOfCycle's answer for its last such audit that counts (auditCounts: by a manufacturing process auditor
 * once people.yaml marks auditors), with `uncounted`, a later one that does not; undefined while within the cycle,
 * for a process not marked manufacturing, or when nothing dates the start. Rule process/manufacturing-audit-due.
 */
export function manufacturingAuditLate(process: Process, documents: readonly ControlledDocument[], today: string, roster: AuditorRoster): (NonNullable<ReturnType<typeof outOfCycle>> & { uncounted?: IndexedAudit }) | undefined {
  if (process.manufacturing !== true) return undefined;
  const { last, uncounted } = lastAudit(process, today, roster, "manufacturing-process");
  const late = outOfCycle(process, last ? { last } : {}, documents, today);
  return late && { ...late, ...(uncounted ? { uncounted } : {}) };
}

/**
 * Whether process/audit-due reports the process on that day: an interval is set and it is past its due
 * day or was never audited (the programme has not reached it: due now). IATF 16949 9.2.2.1.
 */
export function auditDue(standing: AuditStanding): boolean {
  return standing.months !== undefined && (standing.state === "never" || standing.state === "overdue");
}

/** One audit of a process, with the process and its place in the process's `audits`. */
export interface AuditEntry {
  process: Process;
  audit: ProcessAudit;
  index: number;
}

/**
 * The internal audits of `processes` held from `from` (YYYY-MM-DD, or from the first when undefined) to
 * `to`, both days included: by date, then in the order of processes.yaml, then in recording order.
 * The audit programme's record (内部审核记录, IATF 16949 9.2.2.1 / ISO 9001 9.2.2 f)).
 */
export function auditsIn(processes: readonly Process[], from: string | undefined, to: string): AuditEntry[] {
  const entries = processes.flatMap((process, order) =>
    (process.audits ?? []).map((audit, index) => ({ process, audit, index, order })).filter(({ audit }) => audit.date <= to && (from === undefined || audit.date >= from)),
  );
  return entries.sort((a, b) => (a.audit.date < b.audit.date ? -1 : a.audit.date > b.audit.date ? 1 : a.order - b.order || a.index - b.index)).map(({ process, audit, index }) => ({ process, audit, index }));
}

/** The corrective actions an audit's nonconformities are followed up by: those of CorrectiveAction that name its process and report. */
export type AuditAction = Pick<CorrectiveAction, "process" | "audit_report">;

/**
 * The nonconformities `entry`'s audit raised as every register counts them (list audits' row and totals, the process list's
 * 审核结果, the site, the management review): nonconformitiesRaised of its record and the actions of `actions` opened against
 * it (actionsAgainstAudit) — a record of 0 with an action opened against it is no 符合 (tester78 A6).
 */
export function auditNonconformities(entry: Pick<AuditEntry, "process" | "audit">, actions: readonly AuditAction[]): number {
  return nonconformitiesRaised(entry.audit, actionsAgainstAudit(actions, entry.process, entry.audit).length);
}

/**
 * The nonconformities raised in `entries` (auditsIn's, or some of them): the sum of auditNonconformities, as the internal
 * audit record's totals and the management review count them (IATF 16949 9.2.2.1, ISO 9001 9.3.2 c) 4)).
 */
export function nonconformitiesIn(entries: readonly Pick<AuditEntry, "process" | "audit">[], actions: readonly AuditAction[]): number {
  return entries.reduce((n, entry) => n + auditNonconformities(entry, actions), 0);
}

/**
 * The corrective actions of `actions` opened against `audit` of `process` (csr action open --source audit: its process and
 * its report, compared as sameAuditReport does), in the order given: where the audit's nonconformities are followed up
 * (IATF 16949 10.2.1, 10.2.3).
 */
export function actionsAgainstAudit<A extends Pick<CorrectiveAction, "process" | "audit_report">>(actions: readonly A[], process: Pick<Process, "code">, audit: Pick<ProcessAudit, "report">): A[] {
  return actions.filter((a) => a.process === process.code && a.audit_report !== undefined && sameAuditReport(a.audit_report, audit.report));
}

/**
 * The nonconformities `audit` raised as the programme counts them: the greater of those its record gives (`nonconformities`)
 * and `opened`, the corrective actions opened against it (actionsAgainstAudit) — an action opened for a nonconformity the
 * record left out is one raised, and a record's count with fewer actions is not lowered by them (tester78 A5, A6; IATF 16949
 * 9.2.2.1, 10.2.3).
 */
export function nonconformitiesRaised(audit: Pick<ProcessAudit, "nonconformities">, opened: number): number {
  return Math.max(audit.nonconformities, opened);
}

/**
 * Whether two audit report numbers name one report: compared regardless of letter case, as people
 * read IA-2026-02 and ia-2026-02 (csr process audited refuses a repeated one, rule
 * process/audit-duplicate-report reports it in processes.yaml).
 */
export function sameAuditReport(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/**
 * The members of `audit`'s team who belong to the department that owns `process` (`owner`, a department
 * code): they would audit their own department's work (9.2.2 c). Auditors (`by`), auditors-in-training
 * (`trainees`) and technical experts (`experts`) alike, since each takes part in the audit (ISO 19011 5.5.4;
 * mend78 item 4), each with the field it is listed in (`role`) and its index there, auditors first. `person`
 * looks an id up in people.yaml; an unknown id is ref/unresolved's, not reported here. None for a layered
 * process audit (`kind: lpa`): it is done by the area's own supervisors and managers, layer by layer, by
 * design (IATF 16949 9.2.2.3 note; CQI-8), and is no internal audit of the programme (tester78 A13).
 */
export function ownDepartmentAuditors(
  process: Pick<Process, "owner">,
  audit: Pick<ProcessAudit, "by" | "kind" | "trainees" | "experts">,
  person: (id: string) => Person | undefined,
): { person: Person; role: "by" | "trainees" | "experts"; index: number }[] {
  if (audit.kind === "lpa") return [];
  return (["by", "trainees", "experts"] as const).flatMap((role) =>
    (audit[role] ?? []).flatMap((id, index) => {
      const found = person(id);
      return found && process.owner !== undefined && found.department === process.owner ? [{ person: found, role, index }] : [];
    }),
  );
}

/**
 * The first day an internal audit of the programme can be dated: the day the earliest edition among
 * `standards` (qms.yaml's, looked up in `catalogs`; a new edition counts from the one it replaces,
 * `supersedes`) was published — its catalog's `published` (IATF 16949:2016: 2016-10-01; GJB 9001C-2017:
 * 2017-05-18), else 1 January of its `edition` year. The processes are audited against those clauses,
 * so an audit dated before the standard existed (a year typed wrong: 1990 for 2019; 2016-01-01 under
 * IATF 16949:2016, breaker62 P11) is no audit of this programme. Undefined when no catalog in scope
 * gives its edition. `published`: whether `date` is the publication day rather than the year's first;
 * `standard`: the catalog's title.
 */
export function earliestAuditDay(standards: readonly string[], catalogs: ReadonlyMap<string, Catalog>): { date: string; year: string; published: boolean; standard: string } | undefined {
  let earliest: { date: string; year: string; published: boolean; standard: string } | undefined;
  for (const id of standards) {
    const seen = new Set<string>();
    for (let catalog = catalogs.get(id); catalog && !seen.has(catalog.id); catalog = catalog.supersedes ? catalogs.get(catalog.supersedes.standard) : undefined) {
      seen.add(catalog.id);
      const year = /^\d{4}$/.exec(catalog.edition ?? "")?.[0];
      if (!year) continue;
      const date = catalog.published ?? `${year}-01-01`;
      if (earliest === undefined || date < earliest.date) earliest = { date, year, published: catalog.published !== undefined, standard: catalog.title };
    }
  }
  return earliest;
}

/**
 * Whether people.yaml marks internal auditors at all: somebody has an `internal_auditor` qualification.
 * Until then a repository has not taken up the list of qualified auditors (IATF 16949 7.2.3) and any
 * person may be recorded as auditor; from then on only the qualified (auditorQualification).
 */
export function marksAuditors(people: Iterable<Person>): boolean {
  for (const person of people) if ((person.internal_auditor ?? []).length > 0) return true;
  return false;
}

/**
 * The auditor qualification of `person` for `kind` of audit (a QMS audit by process unless told) in force on `on`
 * (YYYY-MM-DD): the latest period for that kind (qualifiesFor) with `since` on or before `on` and `until`, when
 * given, on or after it; undefined when none (never qualified for that kind, not yet, or lapsed). IATF 16949 7.2.3 / GJB 9001C 7.2: internal auditors are competent,
 * and the organisation keeps the list of those it has qualified.
 */
export function auditorQualification(person: Person, on: string, kind: AuditorKind = "qms"): AuditorQualification | undefined {
  let found: AuditorQualification | undefined;
  for (const period of qualificationsFor(person, kind)) {
    if (period.since > on || (period.until !== undefined && period.until < on)) continue;
    if (found === undefined || period.since >= found.since) found = period;
  }
  return found;
}

/**
 * The auditors of `audit` (ids of `by`, with their index) who hold no auditor qualification for its kind (auditKind:
 * a manufacturing process audit asks for a manufacturing process auditor, IATF 16949 7.2.3) on its date, when `roster` marks auditors (AuditorRoster.marks); [] when it does not. An id the roster does
 * not know is ref/unresolved's, not reported here. IATF 16949 7.2.3; GJB 9001C / ISO 9001 7.2.
 */
export function unqualifiedAuditors(audit: Pick<ProcessAudit, "by" | "date" | "kind">, roster: AuditorRoster): { person: Person; index: number }[] {
  return roster.marks ? auditorsWithoutQualification(audit, roster.person) : [];
}

/**
 * The auditors of `audit` who hold no auditor qualification for its kind on its date, whether or not
 * people.yaml marks auditors (unqualifiedAuditors asks that). `person` looks an id up; an unknown id is left out.
 */
function auditorsWithoutQualification(audit: Pick<ProcessAudit, "by" | "date" | "kind">, person: (id: string) => Person | undefined): { person: Person; index: number }[] {
  const kind = auditKind(audit);
  // A layered process audit is made by the managers and supervisors of each layer: it asks for no internal auditor qualification.
  if (kind === "lpa") return [];
  return (audit.by ?? []).flatMap((id, index) => {
    const found = person(id);
    return found && !auditorQualification(found, audit.date, kind) ? [{ person: found, index }] : [];
  });
}

/** The kinds of audit `period` qualifies for: its `kinds`, or a QMS auditor's (内审员) when it gives none (IATF 16949 7.2.3). */
export function qualifiedKinds(period: Pick<AuditorQualification, "kinds">): readonly AuditorKind[] {
  return period.kinds ?? ["qms"];
}

/** The well-formed periods of `person`'s `internal_auditor` that qualify for `kind` of audit, in recorded order. */
export function qualificationsFor(person: Person, kind: AuditorKind): AuditorQualification[] {
  return (person.internal_auditor ?? []).filter((period) => typeof period?.since === "string" && qualifiedKinds(period).includes(kind));
}

/** A qualification that lapses soon (expiringQualifications): the period, its index in `internal_auditor`, the kinds that lapse with it and the days left. */
export interface ExpiringQualification {
  period: AuditorQualification;
  index: number;
  kinds: AuditorKind[];
  /** Days from `today` to its last valid day, `until` (0: it is valid today only). */
  days: number;
}

/**
 * The auditor qualifications of `person` in force on `today` whose last valid day (`until`) falls within
 * `notice` days of it, for the kinds no later period of theirs continues (a requalification recorded ahead,
 * IATF 16949 7.2.3: the organisation keeps its auditors' competence; re-qualification is due before a
 * qualification lapses). [] for a person who has left by then (people.yaml `left` on or before `until`).
 */
export function expiringQualifications(person: Person, today: string, notice: number): ExpiringQualification[] {
  const periods = person.internal_auditor ?? [];
  return periods.flatMap((period, index) => {
    if (typeof period?.since !== "string" || period.until === undefined || period.since > today || period.until < today) return [];
    const days = daysBetween(today, period.until);
    if (days > notice || (person.left !== undefined && person.left <= period.until)) return [];
    const next = addDays(period.until, 1);
    const kinds = qualifiedKinds(period).filter((kind) => !periods.some((later) => later !== period && typeof later?.since === "string" && later.since > period.since && later.since <= next && qualifiedKinds(later).includes(kind)));
    return kinds.length > 0 ? [{ period, index, kinds, days }] : [];
  });
}

/** A planned audit of a process (`planned_audits`) with its index there. */
export interface IndexedPlan {
  plan: PlannedAudit;
  index: number;
}

/**
 * Where an entry of the annual internal audit plan (年度内部审核计划, a process's `planned_audits`; IATF 16949 9.2.2.1: the
 * documented programme) stands on `today` (YYYY-MM-DD), read as it stood that day (planOn): `done` when an audit of its kind
 * (auditKind) of the process is dated within its month (`audit`, the first such, whether or not its auditors were qualified:
 * the register marks that apart); `cancelled` when it was cancelled (csr process plan --cancel) and not held; `missed` when
 * its month has ended with none, with `rescheduled`, an entry of the same kind planned for the process and not cancelled that
 * the audit went to (moved, not dropped): one whose `moved` history starts in that month, or one planned for a later month of
 * the same year (a routine entry of a later year is the next audit, not this one moved); `planned` while its month has not
 * ended. `over` (a period's last day, read after it: csr list management-review's `to`): a month that ends on `today` has
 * ended too (audits still counted up to `today`).
 */
export type PlanStanding = { state: "done"; audit: IndexedAudit } | { state: "cancelled"; reason: string; on: string } | { state: "missed"; rescheduled?: IndexedPlan } | { state: "planned" };

export function planStanding(process: Process, given: PlannedAudit, today: string, over = false): PlanStanding {
  const plan = planOn(given, today);
  const kind = auditKind(plan);
  const index = (process.audits ?? []).findIndex((a) => auditKind(a) === kind && typeof a.date === "string" && a.date.startsWith(`${plan.month}-`) && a.date <= today);
  if (index >= 0) return { state: "done", audit: { audit: process.audits![index]!, index } };
  if (plan.cancelled) return { state: "cancelled", reason: plan.cancelled.reason, on: plan.cancelled.on };
  if (plan.month >= (over ? addDays(today, 1) : today).slice(0, 7)) return { state: "planned" };
  const wentTo = (p: PlannedAudit) =>
    (Array.isArray(p.moved) && p.moved[0]?.month === plan.month) || (p.month > plan.month && p.month.slice(0, 4) === plan.month.slice(0, 4));
  const later = (process.planned_audits ?? []).findIndex((p) => p !== given && auditKind(p) === kind && typeof p.month === "string" && !planOn(p, today).cancelled && wentTo(planOn(p, today)));
  return later >= 0 ? { state: "missed", rescheduled: { plan: planOn(process.planned_audits![later]!, today), index: later } } : { state: "missed" };
}

/**
 * `plan` as it stood on `day` (YYYY-MM-DD): a move recorded after that day undone (the month, day and auditors it had then,
 * from its `moved` history), a cancellation after it not yet made. The entry itself when nothing changed after `day`.
 */
export function planOn(plan: PlannedAudit, day: string): PlannedAudit {
  const moves = Array.isArray(plan.moved) ? plan.moved : [];
  const after = moves.findIndex((m) => typeof m?.on === "string" && m.on > day);
  const cancelledLater = plan.cancelled !== undefined && typeof plan.cancelled?.on === "string" && plan.cancelled.on > day;
  if (after < 0 && !cancelledLater) return plan;
  const { moved: _moved, cancelled, date: _date, by: _by, ...rest } = plan;
  const then = after >= 0 ? moves[after]! : undefined;
  const date = then ? then.date : plan.date;
  const by = then ? then.by : plan.by;
  return {
    ...rest,
    ...(then ? { month: then.month } : {}),
    ...(date !== undefined ? { date } : {}),
    ...(by !== undefined ? { by } : {}),
    ...(after > 0 ? { moved: moves.slice(0, after) } : after < 0 && moves.length > 0 ? { moved: moves } : {}),
    ...(cancelled && !cancelledLater ? { cancelled } : {}),
  };
}

/**
 * The plan entries of `process` that an audit of `kind` held on `date` fulfils: those of that kind planned for its month and
 * not cancelled (csr process audited says so). IATF 16949 9.2.2.1.
 */
export function plansFulfilledBy(process: Process, kind: AuditKind, date: string): IndexedPlan[] {
  return (process.planned_audits ?? []).flatMap((plan, index) => (auditKind(plan) === kind && plan.month === date.slice(0, 7) && !plan.cancelled ? [{ plan, index }] : []));
}

/**
 * The day a planned audit's auditors are to be qualified and at work on: its `date`, else the last day of its month (a
 * qualification that lapses within the month would not hold on the day the audit is held at the month's end).
 */
export function plannedDay(plan: Pick<PlannedAudit, "month" | "date">): string {
  return plan.date ?? addDays(addMonths(`${plan.month}-01`, 1), -1);
}

/**
 * What became of an entry of the annual internal audit plan planned for a month of a period (plansInPeriod): `fulfilled` by
 * `audit`; `missed` (its month ended, no audit, not moved nor cancelled); `cancelled` with `reason`; `moved` to the month `to`
 * (out of the period with csr process plan --move, its `reason`; or planned again later with no reason recorded); `pending`
 * while its month has not ended.
 */
export interface PlanInPeriod {
  process: Process;
  /** The entry as it stood on the period's last day (planOn). */
  plan: PlannedAudit;
  index: number;
  /** The month of the period it was planned for: its month, or the last of its earlier months within the period. */
  month: string;
  outcome: "fulfilled" | "missed" | "cancelled" | "moved" | "pending";
  audit?: ProcessAudit;
  to?: string;
  reason?: string;
}

/**
 * The entries of the processes' annual internal audit plans planned for a month from `from` to `to` (YYYY-MM-DD, the period;
 * months compared), read as they stood on `to`, each with what became of it (PlanInPeriod): the audit programme's performance
 * by plan against held (IATF 16949 9.2.2.1 last sentence, 9.3.2.1). In processes.yaml's order, then planning order.
 */
export function plansInPeriod(processes: readonly Process[], from: string, to: string): PlanInPeriod[] {
  const first = from.slice(0, 7);
  const last = to.slice(0, 7);
  const within = (month: unknown): month is string => typeof month === "string" && month >= first && month <= last;
  return processes.flatMap((process) =>
    (process.planned_audits ?? []).flatMap((given, index): PlanInPeriod[] => {
      if (typeof given?.month !== "string") return [];
      const plan = planOn(given, to);
      const moves = Array.isArray(plan.moved) ? plan.moved : [];
      const base = { process, plan, index };
      if (!within(plan.month)) {
        const earlier = moves.filter((m) => within(m?.month));
        if (earlier.length === 0) return [];
        if (plan.cancelled) return [{ ...base, month: earlier[earlier.length - 1]!.month, outcome: "cancelled", reason: plan.cancelled.reason }];
        // The last change made while it was still planned within the period took it out: its record says why.
        const out = earlier[earlier.length - 1]!;
        return [{ ...base, month: out.month, outcome: "moved", to: plan.month, reason: out.reason }];
      }
      const standing = planStanding(process, given, to, true);
      const outcome =
        standing.state === "done"
          ? { outcome: "fulfilled" as const, audit: standing.audit.audit }
          : standing.state === "cancelled"
            ? { outcome: "cancelled" as const, reason: standing.reason }
            : standing.state === "planned"
              ? { outcome: "pending" as const }
              : standing.rescheduled
                ? { outcome: "moved" as const, to: standing.rescheduled.plan.month }
                : { outcome: "missed" as const };
      return [{ ...base, month: plan.month, ...outcome }];
    }),
  );
}

/**
 * The nonconformities among `findings` (an audit's recorded findings): those graded major (严重) or minor (一般); an
 * observation (观察项) is none (ISO 19011 6.4.8). When an audit records its findings this is its `nonconformities`, the one
 * source of the count (csr process audited refuses a --nonconformities that contradicts it; tester78 A9).
 */
export function findingsNonconformities(findings: readonly Pick<AuditFinding, "grade">[]): number {
  return findings.filter((f) => f.grade !== "observation").length;
}

/**
 * Every audit of `processes` recorded under the report `report` (sameAuditReport: in any letter case), in the order of
 * processes.yaml: one audit report (IA-2026-01) often covers several processes, each with its entry (csr show <report>).
 */
export function auditsByReport(processes: readonly Process[], report: string): AuditEntry[] {
  return processes.flatMap((process) => (process.audits ?? []).flatMap((audit, index) => (typeof audit?.report === "string" && sameAuditReport(audit.report, report.trim()) ? [{ process, audit, index }] : [])));
}

/**
 * How the manufacturing process audits (auditKind `manufacturing-process`) of `process` in `year` (YYYY) cover its shifts (its
 * `shifts`, csr process update --shifts): IATF 16949 9.2.2.3 asks for the manufacturing process audit of every shift where they
 * occur, the hand-over included. `audits`: those of the year held by `today` (YYYY-MM-DD) that count (auditCounts), by date;
 * `covered`: the process's shifts their `shift` names; `missing`: its shifts none of them names, in the process's order;
 * `planned`: those of `missing` an entry of the annual plan still to come covers (of that kind and year, not cancelled, its month
 * not before `today`'s, read as it stood that day: planOn). Undefined when the process records no shifts or held no such audit
 * that counts in the year (the three-year cycle is process/manufacturing-audit-due's). Rule process/audit-shift-coverage and the
 * audit programme's mark.
 */
export interface ShiftCoverage {
  audits: IndexedAudit[];
  covered: string[];
  missing: string[];
  planned: string[];
}

export function shiftCoverage(process: Process, year: string, today: string, roster: AuditorRoster): ShiftCoverage | undefined {
  const shifts = Array.isArray(process.shifts) ? process.shifts.filter((s): s is string => typeof s === "string") : [];
  if (shifts.length === 0) return undefined;
  const audits = (process.audits ?? []).flatMap((audit, index) =>
    typeof audit?.date === "string" && audit.date.startsWith(`${year}-`) && audit.date <= today && auditKind(audit) === "manufacturing-process" && auditCounts(process, audit, roster) ? [{ audit, index }] : [],
  );
  if (audits.length === 0) return undefined;
  audits.sort((a, b) => (a.audit.date < b.audit.date ? -1 : a.audit.date > b.audit.date ? 1 : a.index - b.index));
  const named = new Set(audits.flatMap(({ audit }) => auditShifts(audit)));
  const missing = shifts.filter((s) => !named.has(s));
  const ahead = new Set(
    (process.planned_audits ?? []).flatMap((given) => {
      if (typeof given?.month !== "string") return [];
      const plan = planOn(given, today);
      return auditKind(plan) === "manufacturing-process" && !plan.cancelled && plan.month.startsWith(`${year}-`) && plan.month >= today.slice(0, 7) ? auditShifts(plan) : [];
    }),
  );
  return { audits, covered: shifts.filter((s) => named.has(s)), missing, planned: missing.filter((s) => ahead.has(s)) };
}

/**
 * The year whose annual internal audit plan is due and not made on `today` (YYYY-MM-DD): the next calendar year, from `planMonth`
 * (qms.yaml internal_audit.plan_month, 1–12; December when absent: a programme planned by calendar year, as QP-004 of acme-auto
 * plans the next year every December) to the end of this one, when the programme is in use (a process records an audit) and no
 * process has an entry of that year under `planned_audits` that is not cancelled (csr process plan; IATF 16949 9.2.2.1).
 * Undefined otherwise.
 */
export function nextYearPlanMissing(processes: readonly Process[], today: string, planMonth = 12): string | undefined {
  if (Number(today.slice(5, 7)) < planMonth) return undefined;
  if (!processes.some((p) => (p.audits ?? []).length > 0)) return undefined;
  const next = String(Number(today.slice(0, 4)) + 1);
  const planned = processes.some((p) => (p.planned_audits ?? []).some((given) => typeof given?.month === "string" && planOn(given, today).month.startsWith(`${next}-`) && !planOn(given, today).cancelled));
  return planned ? undefined : next;
}
