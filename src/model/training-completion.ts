/**
 * Training completion (培训完成率), an input to management review (IATF 16949 9.3.2.1 with 7.2.2):
 * for each revision that needs training on a day — the version in force of a released document
 * marked `training: {required: true}`, the source revision of a CSR decided to be met (must /
 * optional, not superseded) so marked — the people to be trained and those recorded as trained.
 * The people to be trained are the people of people.yaml in the departments the training concerns
 * (as openTrainings names them) who work on that day; a session trains the people it names, its trainer
 * (a person of people.yaml: competent in what he teaches, IATF 16949 7.2.1, 7.2.2) and,
 * for a department's training (`department`), the people in that department on its day (a session naming nobody,
 * its sign-in sheet, counts nobody: departmentTrained). Who a record number given
 * on its own trained is not recorded, nor are trainees outside people.yaml (operators): they are
 * said, not counted.
 */
import { addDays, addMonths } from "../core/dates.js";
import { translate, type Lang } from "../i18n/index.js";
import { inTimeUntil, workdaysLate, workdaysOverdue, type WorkCalendar } from "./calendar.js";
import { currentRevision } from "./index.js";
import { departmentOn, worksOn } from "./people.js";
import { DEFAULT_TRAINING_DAYS } from "./distribution.js";
import { csrTrainingDepartments, sessionDepartments, csrTrainingState, documentTrainingDepartments, evaluatedIneffective, onCurrentRevision, recordStandings, sessionTrainedSomebody, sessionVersion, type CsrTrainingState, type RecordDays, type SessionVersions } from "./training.js";
import type { ControlledDocument, Csr, Customer, Person, QmsConfig, TrainingSession } from "./types.js";
import { decidedToMeet } from "./decision.js";

export interface TrainingCompletion {
  kind: "document" | "csr";
  id: string;
  /** The document version or the CSR's source revision to be trained on. */
  revision: string;
  /**
   * The day the training period starts (YYYY-MM-DD): a document version's day of taking effect
   * (`effective`, else its release date), a CSR's as csrTrainingPeriod tells it (its source revision's 实施日期 when
   * decided before it, else its decision day); absent for a version imported without a date (released, and trained
   * on, before the repository: on the paper record).
   */
  start?: string;
  /** A CSR's: its source revision's 实施日期 (customers/<CODE>.yaml `sources[].revisions[].effective`) when recorded. */
  effective?: string;
  /** A CSR's: what its training period runs from (csrTrainingPeriod). */
  from?: CsrTrainingPeriod["from"];
  /**
   * Its training is due by `start`, before the work (IATF 16949 7.2.2: on-the-job training before working; tester72
   * Q14, ops75 P1), not `training_days` after it (trainingDue): always so for a document's version, whether released
   * ahead of the day it takes effect (csr release --effective) or in force at once; for a CSR decided before its source
   * revision's 实施日期 (csrTrainingPeriod, tester75 T12), not for one decided on or after it.
   */
  ahead: boolean;
  /** Department codes whose people are to be trained. */
  departments: string[];
  /** A work instruction's stations (`stations`, 工位): its people to be trained are those working at them (people.yaml `stations`), not its departments'. */
  stations?: string[];
  /** Person ids of people.yaml to be trained (in those departments, or at those stations; at work on the day), in people.yaml's order. */
  required: string[];
  /** Of `required`, those a session on the revision (held by the day) names as trainee or trainer, or whose department it trained. */
  trained: string[];
  /** Of `required`, those not trained: `required` less `trained`. */
  missing: string[];
  /** Of `trained`, those counted as trained only by having held a session (its trainer), not named as its trainees (tester65 N16). */
  trainers: string[];
  /** How many sessions on the revision naming their trainees were held by the day (people, a department with them, trainees outside people.yaml) and trained somebody: not evaluated not effective, not failed by all they name (sessionTrainedSomebody). */
  sessions: number;
  /** Trainees the sessions name who are not in people.yaml (e.g. 张三(1023)): recorded, not counted. */
  otherTrainees: string[];
  /**
   * Record numbers whose trainees are on the record itself: a CSR's given on their own for its current revision
   * (`training.records`), and those of a department's sessions on the revision that name nobody (名单见签到表).
   */
  recordsOnly: string[];
  /** Of `missing`, those a session on the revision names as failed (不合格, TrainingSession `failed`); absent when none. */
  failed?: string[];
  /** Of `missing`, those only a session evaluated not effective by the day trained (培训效果评价无效, evaluatedIneffective); absent when none. */
  ineffective?: string[];
  /**
   * Refresher training (复训, `training.retrain_months`): for each of `trained`, in its order, the day of the last
   * session on the revision that trained them (`last`) and the day they are to be trained again by (`due`, `months`
   * calendar months later, addMonths); absent when the document or CSR sets no interval.
   */
  refreshers?: Refresher[];
  /** The interval of `refreshers` in months (`training.retrain_months`). */
  retrainMonths?: number;
}

/** One person's refresher training (复训): trained last on `last`, to be trained again by `due` (YYYY-MM-DD). */
export interface Refresher {
  person: string;
  last: string;
  due: string;
}

/**
 * Of `item`'s refreshers, those due on `day` (YYYY-MM-DD): their `due` is that day or before, and no session since
 * trained them (IATF 16949 7.2.2: competence kept; e.g. awareness of special characteristics every year).
 */
export function refreshersDue(item: Pick<TrainingCompletion, "refreshers">, day: string): Refresher[] {
  return (item.refreshers ?? []).filter((r) => r.due <= day);
}

export { evaluatedIneffective } from "./training.js";

/** The customers of customers/<CODE>.yaml by code (the repository index's `customers`): a CSR's source revision's 实施日期 is theirs. */
export type CustomersByCode = ReadonlyMap<string, { value: Customer }>;

/**
 * Every revision needing training on `day` (YYYY-MM-DD) among `documents` (as on that day) and
 * `csrs`, documents first, each with who is to be and who was trained by that day. `people` are
 * people.yaml's; `recordDays` and `sessionVersions` date what only git tells (model/training.ts);
 * `customers` give the CSRs' source revisions' 实施日期 (csrTrainingPeriod).
 */
export function trainingCompletion(documents: readonly ControlledDocument[], csrs: readonly Csr[], people: readonly Person[], config: QmsConfig | undefined, day: string, recordDays?: RecordDays, sessionVersions?: SessionVersions, customers?: CustomersByCode): TrainingCompletion[] {
  return [...documents.map((doc) => documentCompletion(doc, people, config, day, sessionVersions)), ...csrs.map((csr) => csrCompletion(csr, people, config, day, recordDays, customers?.get(csr.customer)?.value))].filter((c) => c !== undefined);
}

/**
 * When the training on a CSR decided to be met (`decision`, YYYY-MM-DD) is due: the people whose work it governs are
 * trained before the work (IATF 16949 7.2.2), and the work is bound by it from its source revision's 实施日期
 * (`effective`, the customer's; IATF 16949 7.5.3.2.2: on the customer's schedule). Decided before that day, the
 * training is due by it (`from: "effective"`, `ahead`: trainingDue gives that day itself, tester75 T12); decided on or
 * after it, or with no 实施日期 recorded, `training_days` working days from the decision (`from: "decision"`).
 */
export interface CsrTrainingPeriod {
  start: string;
  ahead: boolean;
  from: "effective" | "decision";
}

export function csrTrainingPeriod(decision: string, effective: string | undefined): CsrTrainingPeriod {
  return effective !== undefined && decision < effective ? { start: effective, ahead: true, from: "effective" } : { start: decision, ahead: false, from: "decision" };
}

/** The 实施日期 of `csr`'s source revision as its customer records it (`sources[].revisions[].effective`); undefined when not recorded. */
export function csrSourceEffective(csr: Csr, customer: Customer | undefined): string | undefined {
  return customer?.sources?.find((s) => s.id === csr.source.document)?.revisions.find((r) => r.revision === csr.source.revision)?.effective;
}

/** The TrainingCompletion of a document on `day`: undefined unless it is released, not external, marked `training: {required: true}` and has a version. */
export function documentCompletion(doc: ControlledDocument, people: readonly Person[], config: QmsConfig | undefined, day: string, sessionVersions?: SessionVersions): TrainingCompletion | undefined {
  const current = currentRevision(doc);
  if (doc.status !== "released" || doc.kind === "external" || !doc.training?.required || !current) return undefined;
  const outside = new Set((config?.external_parties ?? []).map((p) => p.code));
  // An editorial revision (编辑性修改: typing errors, layout) changes no work and needs no training of its own: the training
  // due is on the last revision that changed the work, and a session on it or on any editorial version since counts (tester72 Q4).
  const revisions = doc.revisions ?? [];
  let base = revisions.indexOf(current);
  while (base > 0 && revisions[base]!.editorial) base--;
  const trained = base < 0 ? current : revisions[base]!;
  const versions = new Set(base < 0 ? [current.version] : revisions.slice(base).map((r) => r.version));
  const sessions = (doc.training.sessions ?? []).filter((s) => s.date <= day && versions.has(sessionVersion(doc, s, sessionVersions) ?? ""));
  const months = doc.training.retrain_months;
  // Whoever works to the version is trained on it before: the training is due by the day it takes effect (ops75 P1).
  // A work instruction naming its stations is owed by the people working at them, not by its whole department (tester75 P4).
  const stations = doc.stations !== undefined && doc.stations.length > 0 ? doc.stations : undefined;
  if (trained !== current) return completion("document", doc.id, trained.version, trained.effective ?? trained.date, true, documentTrainingDepartments(doc, outside), sessions, [], people, day, months, stations);
  return completion("document", doc.id, current.version, doc.effective ?? current.date, true, documentTrainingDepartments(doc, outside), sessions, [], people, day, months, stations);
}

/**
 * The TrainingCompletion of a CSR on `day`: undefined unless it is decided must / optional, not superseded and marked
 * `training: {required: true}`. `customer` (its customers/<CODE>.yaml) dates its period (csrTrainingPeriod); without
 * it, the period runs from the decision.
 */
export function csrCompletion(csr: Csr, people: readonly Person[], config: QmsConfig | undefined, day: string, recordDays?: RecordDays, customer?: Customer): TrainingCompletion | undefined {
  if (csr.superseded || !csr.training?.required || !decidedToMeet(csr.review?.decision)) return undefined;
  const sessions = (csr.training.sessions ?? []).filter((s) => s.date <= day).filter(onCurrentRevision(csr));
  const records = recordStandings(csr, recordDays)
    .filter((r) => r.trained === "current")
    .map((r) => r.record);
  const effective = csrSourceEffective(csr, customer);
  const period = csrTrainingPeriod(csr.review!.decision!.date, effective);
  return { ...completion("csr", csr.id, csr.source.revision, period.start, period.ahead, csrTrainingDepartments(csr, config), sessions, records, people, day, csr.training.retrain_months), ...(effective !== undefined ? { effective } : {}), from: period.from };
}

/**
 * The one reading of a revision's training that every output gives (breaker63 P1: the card, the site's page, panel and
 * people pages, csr check, the CSR list, the management review and csr list training --missing):
 * - `trained`: everyone to be trained is (`missing` empty); where csr cannot tell who is to be (nobody of the
 *   departments in people.yaml), once a session on the revision is recorded;
 * - `partial`: some are trained, or a session is recorded, and some are not (已培训 2/9 人): still open, with its deadline;
 * - `recorded`: record numbers given on their own are the only training, and who they trained is on the record;
 * - `open`: nothing on the revision is recorded.
 * IATF 16949 7.2.2: each person whose work the changed document governs is trained, not the document.
 */
export type CompletionState = "trained" | "partial" | "recorded" | "open";

export function completionState(item: TrainingCompletion): CompletionState {
  if (item.required.length === 0) return item.sessions > 0 ? "trained" : item.recordsOnly.length > 0 ? "recorded" : "open";
  if (item.missing.length === 0) return "trained";
  if (item.trained.length > 0 || item.sessions > 0) return "partial";
  return item.recordsOnly.length > 0 ? "recorded" : "open";
}

/**
 * How many of the people to be trained are (`trained` of `required`), as the partial state prints it: 已培训 2/9 人;
 * `trainers`, how many of the trained are counted as the trainer of a session, which its trainees alone do not show.
 */
export interface TrainedCount {
  trained: number;
  required: number;
  trainers: number;
}

/**
 * A CSR's training as its card (csr show), the CSR list and its review report print it: csrTrainingState's reading,
 * made one with the people to be trained (completionState) where the CSR needs training on `day` — `partial` with
 * its counts while some of them are not trained (breaker63 P1).
 */
export type CsrTrainingReading = { state: CsrTrainingState } | ({ state: "partial" } & TrainedCount);

export function csrTrainingReading(csr: Csr, people: readonly Person[], config: QmsConfig | undefined, day: string, recordDays?: RecordDays): CsrTrainingReading {
  const item = csrCompletion(csr, people, config, day, recordDays);
  if (item === undefined) return { state: csrTrainingState(csr, recordDays, day) };
  const state = completionState(item);
  return state === "partial" ? { state, trained: item.trained.length, required: item.required.length, trainers: item.trainers.length } : { state };
}

export interface OpenTraining {
  kind: "document" | "csr";
  id: string;
  /** The document version or the CSR's source revision the training is on. */
  revision: string;
  /** Training is due by this day (YYYY-MM-DD). */
  due: string;
  /** Department codes whose people are to be trained. */
  departments: string[];
  /** Who is to be and who was trained on `day` (a person's page lists what they owe: `missing`). */
  completion: TrainingCompletion;
}

/**
 * The trainings open on `day` (YYYY-MM-DD) among the documents and CSRs given: those not `trained` by
 * completionState (a CSR's record numbers alone are not open either: who they trained is on the record), with the
 * deadline `document_control.training_days` working days (default 20) from the day the version took effect or the
 * CSR was decided (a version released ahead, a CSR decided before its source revision's 实施日期: that day) — the same facts as doc/training-overdue and csr/training-overdue report once it has passed.
 * A version imported without a date is not open: it was released, and trained on, before the repository (paper record).
 */
export function openTrainings(documents: readonly ControlledDocument[], csrs: readonly Csr[], people: readonly Person[], config: QmsConfig | undefined, calendar: WorkCalendar, day: string, recordDays?: RecordDays, sessionVersions?: SessionVersions, customers?: CustomersByCode): OpenTraining[] {
  const days = config?.document_control?.training_days ?? DEFAULT_TRAINING_DAYS;
  return trainingCompletion(documents, csrs, people, config, day, recordDays, sessionVersions, customers).flatMap((item) => {
    const state = completionState(item);
    if (item.start === undefined || state === "trained" || (item.kind === "csr" && state === "recorded")) return [];
    return [{ kind: item.kind, id: item.id, revision: item.revision, due: trainingDue(calendar, item.start, days, item.ahead), departments: item.departments, completion: item }];
  });
}

function completion(kind: TrainingCompletion["kind"], id: string, revision: string, start: string | undefined, ahead: boolean, departments: string[], sessions: readonly TrainingSession[], recordsOnly: string[], people: readonly Person[], day: string, retrainMonths?: number, stations?: readonly string[]): TrainingCompletion {
  const concerned = (p: Person) => (stations === undefined ? departments.includes(p.department) : (p.stations ?? []).some((s) => stations.includes(s)));
  const required = people.filter((p) => concerned(p) && worksOn(p, day)).map((p) => p.id);
  // The trainer of a session on the revision counts as trained by it: who explains a changed procedure is competent in it and
  // signs the record (IATF 16949 7.2.1, 7.2.2; 7.3 awareness), so a 签到表 need not list him as a trainee too (breaker63 P11).
  // A department's session that names nobody (its sign-in sheet, 名单见签到表) tells who it trained on that record alone, as a
  // record number given on its own does: it counts nobody (tester72 Q1).
  const signIn = sessions.filter((s) => !namesTrainees(s));
  const namingTrainees = sessions.filter(namesTrainees);
  const ineffectiveSessions = namingTrainees.filter((s) => evaluatedIneffective(s, day));
  const held = namingTrainees.filter((s) => !evaluatedIneffective(s, day));
  // A trainee who failed the session's assessment (不合格) is not trained by it (IATF 16949 7.2.2; tester72 Q5).
  const named = new Set(held.flatMap((s) => [...(s.people ?? []).filter((p) => !(s.failed ?? []).includes(p)), ...(s.trainer === undefined ? [] : [s.trainer])]));
  const byDepartment = (id: string) => departmentTrained(people.find((p) => p.id === id)!, held);
  const isTrained = (id: string) => named.has(id) || byDepartment(id);
  const trained = required.filter(isTrained);
  const trainees = new Set(sessions.flatMap((s) => s.people ?? []));
  const failed = required.filter((p) => !isTrained(p) && held.some((s) => (s.failed ?? []).includes(p)));
  const voided = new Set(ineffectiveSessions.flatMap((s) => [...(s.people ?? []), ...(s.trainer === undefined ? [] : [s.trainer])]));
  const ineffective = required.filter((p) => !isTrained(p) && (voided.has(p) || departmentTrained(people.find((q) => q.id === p)!, ineffectiveSessions)));
  return {
    kind,
    id,
    revision,
    ...(start !== undefined ? { start } : {}),
    ahead,
    departments,
    ...(stations !== undefined ? { stations: [...stations] } : {}),
    required,
    trained,
    missing: required.filter((p) => !isTrained(p)),
    trainers: trained.filter((p) => !trainees.has(p) && !byDepartment(p)),
    // A session whose trainees all failed it trained none of them: where csr cannot tell who is to be trained, it does not make the revision trained.
    sessions: held.filter((s) => sessionTrainedSomebody(s, day)).length,
    otherTrainees: [...new Set(held.flatMap((s) => s.trainees ?? []))],
    recordsOnly: [...new Set([...recordsOnly, ...signIn.map((s) => s.record ?? s.date)])],
    ...(failed.length > 0 ? { failed } : {}),
    ...(ineffective.length > 0 ? { ineffective } : {}),
    ...(retrainMonths !== undefined ? { refreshers: refresherDates(trained, people, held, retrainMonths), retrainMonths } : {}),
  };
}

/** For each of `trained` (ids), the last of the effective sessions `held` that trained them (named and not failed, its trainer, or their department's) and that day `months` later. */
function refresherDates(trained: readonly string[], people: readonly Person[], held: readonly TrainingSession[], months: number): Refresher[] {
  return trained.flatMap((id) => {
    const person = people.find((p) => p.id === id)!;
    const dates = held.filter((s) => ((s.people ?? []).includes(id) && !(s.failed ?? []).includes(id)) || s.trainer === id || departmentTrained(person, [s])).map((s) => s.date);
    const last = dates.sort().at(-1);
    return last === undefined ? [] : [{ person: id, last, due: addMonths(last, months) }];
  });
}

/** Whether a session names whom it trained: people of people.yaml or trainees outside it, not a department alone (its sign-in sheet does). */
export function namesTrainees(session: Pick<TrainingSession, "people" | "trainees">): boolean {
  return (session.people ?? []).length > 0 || (session.trainees ?? []).length > 0;
}

/**
 * Whether one of `sessions` trained `person` as one of its department(s): the department they worked in on its day
 * (departmentOn), not the one they are in now — someone who joined or moved in after it was not there (IATF 16949
 * 7.2.2: training for a new or changed job; tester72 Q1). A session that names nobody trains nobody (namesTrainees), nor one
 * that names them as failed (`failed`, 不合格; tester72 Q5).
 */
export function departmentTrained(person: Person, sessions: readonly TrainingSession[]): boolean {
  return sessions.some((s) => {
    const code = namesTrainees(s) ? departmentOn(person, s.date) : undefined;
    return code !== undefined && sessionDepartments(s).includes(code) && !(s.failed ?? []).includes(person.id);
  });
}

/**
 * The deadline of the training of a revision taking effect on `start`: that day itself where it is due before the work
 * (`ahead`: a document's version, a CSR decided before its source revision's 实施日期, IATF 16949 7.2.2 — tester72 Q14,
 * ops75 P1, tester75 T12; whoever is untrained on it is overdue from that day, trainingPhase), else `days` working days
 * after it (document_control.training_days: a newcomer's period from their first day, a CSR's from its decision on or
 * after that 实施日期).
 */
export function trainingDue(calendar: WorkCalendar, start: string, days: number, ahead: boolean): string {
  return ahead ? start : calendar.addWorkdays(start, days);
}

/**
 * When the training period of `person` on a revision starts: the day they joined (people.yaml `joined`) when that is after
 * the revision took effect — a newcomer is trained for the new job from their first day, with `training_days` to do it
 * (IATF 16949 7.2.2), not overdue on it (tester72 Q2) — else the revision's own period (`start`, `ahead`).
 */
export function personTrainingPeriod(item: Pick<TrainingCompletion, "start" | "ahead">, person: Person | undefined): { start: string; ahead: boolean } | undefined {
  if (item.start === undefined) return undefined;
  return person?.joined !== undefined && person.joined > item.start ? { start: person.joined, ahead: false } : { start: item.start, ahead: item.ahead };
}

/**
 * Where the training of a revision stands on `today` (YYYY-MM-DD), as doc/training-overdue and the
 * missing-training list (csr list training --missing) tell it: the revision takes effect on `start`
 * and its training is due by trainingDue (that day for a revision released `ahead` of it, else `days` working days after). Training comes
 * before the work (IATF 16949 7.2.2: on-the-job training for new or modified jobs, before the work):
 * - `before`: not yet in force; `count` the working days left to train before it, today included ([today, start):
 *   on Saturday 12-05 for Monday 12-14, 12-07 … 12-11 = 5; the effective day is no day before it, breaker63 P10);
 * - `in-force`: in force since `start`, the period not over; `count` working days left until `due` (0 on the due day
 *   itself, which is in time, and on the days off right after it, when `next` is the working day by which it still is);
 * - `overdue`: at least one working day has passed since `due` (workdaysLate, as every working-day deadline of csr:
 *   a review's, a recall's); `count` those working days. Due before the work (`ahead`), from the day it takes effect:
 *   whoever works to it from that day untrained is late (IATF 16949 7.2.2; ops75 P1), by the working days in
 *   [start, today], at least 1 (on a Saturday it takes effect, 1).
 */
export type TrainingPhase = { phase: "before" | "in-force" | "overdue"; due: string; count: number; next?: string };

export function trainingPhase(calendar: WorkCalendar, start: string, days: number, today: string, ahead = false): TrainingPhase {
  const due = trainingDue(calendar, start, days, ahead);
  if (ahead && start <= today) return { phase: "overdue", due, count: workdaysOverdue(calendar, addDays(start, -1), today) };
  const late = workdaysLate(calendar, due, today);
  if (late > 0) return { phase: "overdue", due, count: late };
  const next = inTimeUntil(calendar, due, today);
  if (next !== undefined) return { phase: "in-force", due, count: 0, next };
  if (start <= today) return { phase: "in-force", due, count: calendar.workdaysBetween(today, due) };
  return { phase: "before", due, count: calendar.workdaysBetween(addDays(today, -1), addDays(start, -1)) };
}

/**
 * The training deadline of a CSR on `today` (YYYY-MM-DD), as csr/training-overdue and csr list training --missing read
 * it: undefined unless it is decided must / optional, not superseded and marked `training: {required: true}`; else its
 * period (csrTrainingPeriod: from its source revision's 实施日期 in `customer`, decided before it, else from its
 * decision) and where it stands (trainingPhase, over qms.yaml `document_control.training_days` working days, default
 * DEFAULT_TRAINING_DAYS). What csr show and the CSR review report print as 培训期限 (IATF 16949 7.2.2).
 */
export function csrTrainingDeadline(csr: Csr, customer: Customer | undefined, config: QmsConfig | undefined, calendar: WorkCalendar, today: string): (CsrTrainingPeriod & TrainingPhase) | undefined {
  const decision = csr.review?.decision;
  if (csr.superseded || !csr.training?.required || !decision || !decidedToMeet(decision)) return undefined;
  const period = csrTrainingPeriod(decision.date, csrSourceEffective(csr, customer));
  return { ...period, ...trainingPhase(calendar, period.start, config?.document_control?.training_days ?? DEFAULT_TRAINING_DAYS, today, period.ahead) };
}

/**
 * Where a training stands (trainingPhase) in `lang`, as csr list training --missing's 剩余/逾期 says it: the working days
 * left or overdue; with none left, the due day itself is said as such, and a day off right after it names the working
 * day up to which the training is still in time, as doc/training-overdue judges it ("剩 0 个工作日" read as already too late).
 */
export function trainingStandingIn(lang: Lang, phase: TrainingPhase): string {
  if (phase.phase === "in-force" && phase.count === 0) return phase.next ? translate(lang, "register.training-missing.in-time", { next: phase.next }) : translate(lang, "register.training-missing.due-today");
  return translate(lang, `register.training-missing.${phase.phase}`, { count: phase.count });
}

/**
 * A CSR's training deadline (csrTrainingDeadline) as its card and review report print it: "2026-12-18（期限自 2026-11-20 评审决定起算；
 * 已生效，剩 5 个工作日）" — the day and how it was counted, as csr list training --missing's remark says it, and with `owed`
 * (someone is still to be trained) where it stands, the list's 剩余/逾期.
 */
export function csrTrainingDeadlineIn(lang: Lang, deadline: CsrTrainingPeriod & TrainingPhase, owed: boolean): string {
  const from = translate(lang, deadline.from === "effective" ? "register.training-missing.csr-from-effective" : "register.training-missing.csr-from", { date: deadline.start });
  return translate(lang, "register.training-missing.csr-deadline", { due: deadline.due, how: owed ? [from, trainingStandingIn(lang, deadline)].join(translate(lang, "register.remarks-separator")) : from });
}
