/**
 * Trainings still to be given (IATF 16949 7.2.2, 7.3.2; the CSR procedure's training step): a
 * released document marked `training: {required: true}` is trained on its current version, a
 * decided CSR (must / optional) marked so on its source revision. It is open until everyone to be
 * trained on that revision is (model/training-completion.ts completionState, openTrainings), and its deadline is
 * `document_control.training_days` working days (default 20) from the day the version took effect
 * or the CSR was decided: the same facts as doc/training-overdue and csr/training-overdue report
 * once the deadline has passed. It concerns the people of the departments concerned: a document's
 * own department and those holding it to work to, on paper or electronically, of its current version or
 * the one it replaces (documentTrainingDepartments; not an outside party holding one:
 * the 军代表室 is not trained by the organisation); the departments a CSR was distributed to and
 * those that reviewed it.
 */
import { translate, type Lang } from "../i18n/index.js";
import { revisionNameIn } from "../i18n/values.js";
import { requiredDepartments } from "./csr-status.js";
import { csrDistributedDepartments, holdingUnits } from "./distribution.js";
import { revisionOn } from "./index.js";
import type { ControlledDocument, Csr, QmsConfig, TrainingEvaluation, TrainingSession } from "./types.js";

/** The departments a session trained (`department`: one code, or several), in the order recorded. */
export function sessionDepartments(session: Pick<TrainingSession, "department">): string[] {
  const given = session.department;
  return given === undefined ? [] : typeof given === "string" ? [given] : [...given];
}

/**
 * Who a session trained, as every training output prints it (tester56 D8): the department trained, then
 * the people of people.yaml by name and the trainees named as the record gives them —
 * 生产部：黄军、张三(1023)、李四; 生产部（名单见签到表） for a department's training naming nobody. With a
 * department, each person of people.yaml is listed under their own department of the roster (`personDepartment`),
 * the trainees under the department(s) trained: 生产部：何军、张三(1023)；研发部：杨帆, not 杨帆 under 生产部 (tester66 N2).
 */
export function sessionTraineesIn(
  lang: Lang,
  session: Pick<TrainingSession, "people" | "department" | "trainees">,
  personName: (id: string) => string,
  departmentName: (code: string) => string,
  personDepartment: (id: string) => string | undefined,
): string {
  const separator = translate(lang, "common.list-separator");
  const trained = sessionDepartments(session);
  if (trained.length === 0) return [...(session.people ?? []).map(personName), ...(session.trainees ?? [])].join(separator);
  // The department(s) trained first, with their people and the trainees; then each other department of the people named, in their order.
  const groups = new Map<string, string[]>([[trained.join("\u0000"), []]]);
  const ungrouped: string[] = [];
  for (const id of session.people ?? []) {
    // A person of the one department trained joins its group: its key is that code.
    const code = personDepartment(id);
    if (code === undefined) ungrouped.push(personName(id));
    else groups.set(code, [...(groups.get(code) ?? []), personName(id)]);
  }
  groups.get(trained.join("\u0000"))!.push(...(session.trainees ?? []));
  // Nobody named: who was trained is on the sign-in sheet (名单见签到表), not the whole department (tester72 Q1).
  if ((session.people ?? []).length === 0 && (session.trainees ?? []).length === 0)
    return translate(lang, "train.trainees.sign-in-sheet", { department: trained.map(departmentName).join(separator) });
  const texts = [...groups].map(([key, names]) => {
    const department = key.split("\u0000").map(departmentName).join(separator);
    return names.length === 0 ? department : translate(lang, "train.trainees.department", { department, people: names.join(separator) });
  });
  return [...texts, ...(ungrouped.length > 0 ? [ungrouped.join(separator)] : [])].join(translate(lang, "train.trainees.group-separator"));
}

/**
 * A session's results as the training register's columns give them (培训方式, 学时, 不合格, 效果评价; tester72 Q5), in
 * `lang`: `method` its method's name, `hours` its hours (undefined when not recorded), `failed` who failed its
 * assessment (by `personName`, list-separated), `evaluation` its effectiveness evaluation (evaluationTextIn) when made
 * by `today` (YYYY-MM-DD: one made later was not known on it); "" where the session records none. Every output that
 * lists sessions — csr list training, csr show, the CSR review report, the site's document and CSR pages — reads them here.
 */
export interface SessionResults {
  method: string;
  hours: number | undefined;
  failed: string;
  evaluation: string;
}

export function sessionResultsIn(lang: Lang, session: TrainingSession, today: string, personName: (id: string) => string): SessionResults {
  const evaluation = session.evaluation !== undefined && session.evaluation.date <= today ? session.evaluation : undefined;
  return {
    method: session.method ? translate(lang, `value.training-method.${session.method}`) : "",
    hours: session.hours,
    failed: (session.failed ?? []).map(personName).join(translate(lang, "register.list-separator")),
    evaluation: evaluation ? evaluationTextIn(lang, evaluation, personName) : "",
  };
}

/**
 * Which result columns a list of `sessions` needs, as the training register adds them: `results` (培训方式, 学时, 不合格)
 * once one records its method, hours or who failed; `evaluated` (效果评价) once one was evaluated by `today`.
 */
export function sessionResultColumns(sessions: readonly TrainingSession[], today: string): { results: boolean; evaluated: boolean } {
  return {
    results: sessions.some((s) => s.method !== undefined || s.hours !== undefined || s.failed !== undefined),
    evaluated: sessions.some((s) => s.evaluation !== undefined && s.evaluation.date <= today),
  };
}

/**
 * A session's results on the line a card gives it (csr show), after its trainees, trainer and record, in the words
 * csr train confirms them with: 方式 课堂授课, 1.5 学时, 不合格 孙伟（不计为已培训）, 效果评价：无效（考试，2026-12-05，张丽）.
 */
export function sessionResultPartsIn(lang: Lang, results: SessionResults): string[] {
  return [
    ...(results.method ? [translate(lang, "train.method", { method: results.method })] : []),
    ...(results.hours !== undefined ? [translate(lang, "train.hours", { hours: results.hours })] : []),
    ...(results.failed ? [translate(lang, "train.failed", { people: results.failed })] : []),
    ...(results.evaluation ? [translate(lang, "register.training-person.state.evaluation", { evaluation: results.evaluation })] : []),
  ];
}

/** A session's effectiveness evaluation as the training register prints it: 无效（考试，2026-12-10，张丽，记录 PJ-2026-012）. */
export function evaluationTextIn(lang: Lang, evaluation: TrainingEvaluation, personName: (id: string) => string): string {
  return translate(lang, "register.training.evaluation", {
    result: translate(lang, `value.evaluation-result.${evaluation.result}`),
    method: translate(lang, `value.evaluation-method.${evaluation.method}`),
    date: evaluation.date,
    by: personName(evaluation.by),
    record: evaluation.record === undefined ? "" : translate(lang, "register.training.evaluation-record", { record: evaluation.record }),
  });
}

/**
 * When one of a CSR's record numbers given on their own (`training.records`) entered the repository
 * (load/training-records.ts): `day`, that of the commit that added it, `null` when no commit has it yet
 * (written since the last one); `beforeRound`, whether that commit is older than the one that began the
 * current round (`review.restarted`, by `csr source update`) — in git's order, not by day, since a new
 * revision registered late is dated back to its receipt. A record added by the commit that began the
 * round is told by its day.
 */
export interface RecordDay {
  day: string | null;
  beforeRound: boolean;
}

/**
 * RecordDay of each record number by CSR id and record. Only the CSRs that trainingToDate names are
 * dated; a record of another CSR, or of one outside git, is undated (absent).
 */
export type RecordDays = ReadonlyMap<string, ReadonlyMap<string, RecordDay>>;

/**
 * The record numbers of a CSR that say nothing of the revision they trained (`training.records` not
 * named by a session) and that need a date to tell: those of a CSR whose review restarted for a new
 * round (`review.restarted`), for a record made before that day trained an earlier revision.
 */
export function trainingToDate(csr: Csr): string[] {
  if (csr.review?.restarted === undefined) return [];
  return bareRecords(csr);
}

function bareRecords(csr: Csr): string[] {
  const sessions = csr.training?.sessions ?? [];
  return (csr.training?.records ?? []).filter((record) => !sessions.some((s) => s.record === record));
}

/**
 * What a CSR's record numbers given on their own trained, as far as the records tell: `current` for
 * one on its current source revision (made after the current round began, or on a CSR never
 * re-reviewed), `earlier` for one made before the current round began (`day`: when it was committed),
 * `unknown` for one of a re-reviewed CSR that nothing dates (outside git).
 */
export interface RecordStanding {
  record: string;
  trained: "current" | "earlier" | "unknown";
  day?: string;
}

export function recordStandings(csr: Csr, days?: RecordDays): RecordStanding[] {
  const start = csr.review?.restarted;
  return bareRecords(csr).map((record): RecordStanding => {
    if (start === undefined) return { record, trained: "current" };
    const dated = days?.get(csr.id)?.get(record);
    if (dated === undefined) return { record, trained: "unknown" };
    const { day, beforeRound } = dated;
    // A record committed on the day the round began is the closed round's: the new requirement was not yet decided, let alone trained.
    if (day === null || (day > start && !beforeRound)) return { record, trained: "current", ...(day === null ? {} : { day }) };
    return { record, trained: "earlier", day };
  });
}

/**
 * A CSR's record numbers given on their own as every output prints them: a record that did not train
 * the current source revision says so, with the day it was committed, so that 需要培训 beside a
 * record number is not read as a contradiction (tester56 D4). In `lang`, not separated.
 */
export function recordsTextIn(lang: Lang, csr: Csr, days?: RecordDays): string[] {
  const start = csr.review?.restarted ?? "";
  const revision = revisionNameIn(lang, csr.source.revision);
  const named = new Set(bareRecords(csr));
  const standing = new Map(recordStandings(csr, days).map((r) => [r.record, r]));
  return (csr.training?.records ?? []).map((record) => {
    const r = named.has(record) ? standing.get(record) : undefined;
    // Committed before the round began but dated after it: the new revision was registered late, dated back to its receipt.
    if (r?.trained === "earlier") return translate(lang, r.day! > start ? "train.record.before-round" : "train.record.earlier", { record, day: r.day!, start, revision });
    if (r?.trained === "unknown") return translate(lang, "train.record.undated", { record, start, revision });
    return record;
  });
}

/**
 * Where a CSR's training stands, as the review report, the site and `csr show` print it:
 * `trained` once a session on its current source revision is recorded, `recorded` when record numbers
 * given on their own are its only training on that revision (who they trained is on the record, not
 * here: 只登记了记录编号（受训人员见该记录）, the words the management review's training row uses, tester62 N16),
 * `open` while it is required and neither is, `not-required` otherwise. A session names its revision (`csr train` writes it): the
 * current one, or one the current round confirmed unchanged since, counts; one
 * without it counts when held after the current round began (`review.restarted`), a record number
 * given on its own when it was committed after that day (`days`, recordStandings); on a CSR never
 * re-reviewed, either counts.
 */
export type CsrTrainingState = "trained" | "recorded" | "open" | "not-required";

/**
 * `day` (YYYY-MM-DD; absent: whatever is recorded) leaves out the sessions held after it, and counts a session evaluated
 * not effective by then, or one whose trainees all failed it, as training nobody (sessionTrainedSomebody): the card
 * does not say 已培训 where csr list training --missing says 须重新培训 (IATF 16949 7.2.2; tester72 Q5).
 */
export function csrTrainingState(csr: Csr, days?: RecordDays, day?: string): CsrTrainingState {
  const training = csr.training;
  const current = onCurrentRevision(csr);
  if ((training?.sessions ?? []).some((s) => (day === undefined || s.date <= day) && current(s) && sessionTrainedSomebody(s, day ?? "9999-12-31"))) return "trained";
  if (recordStandings(csr, days).some((r) => r.trained === "current")) return "recorded";
  return training?.required ? "open" : "not-required";
}

/**
 * Whether a session was evaluated not effective (培训效果评价无效, TrainingSession `evaluation`) by `day` (YYYY-MM-DD): such a
 * session trains nobody, its trainees are to be trained again (IATF 16949 7.2.2, ISO 9001 7.2 c). One evaluated later
 * still counts on `day`, as nobody knew then.
 */
export function evaluatedIneffective(session: Pick<TrainingSession, "evaluation">, day: string): boolean {
  return session.evaluation?.result === "not-effective" && session.evaluation.date <= day;
}

/**
 * Whether a session trained anyone as known on `day`: not evaluated not effective by then (evaluatedIneffective), and
 * not one whose every trainee named failed it (`failed`, 不合格). A department's session naming nobody (its sign-in
 * sheet) is left to its readers (namesTrainees): it is true here.
 */
export function sessionTrainedSomebody(session: Pick<TrainingSession, "evaluation" | "people" | "trainees" | "failed">, day: string): boolean {
  if (evaluatedIneffective(session, day)) return false;
  const named = [...(session.people ?? []), ...(session.trainees ?? [])];
  const failed = new Set(session.failed ?? []);
  return named.length === 0 || named.some((n) => !failed.has(n));
}

/** Whether a session of the CSR trained its current source revision (csrTrainingState says how that is told). */
export function onCurrentRevision(csr: Csr): (session: Pick<TrainingSession, "revision" | "date">) => boolean {
  const start = csr.review?.restarted;
  // As with a distribution (distributionOutdated): a revision confirmed unchanged in this round (csr source update
  // --unchanged) closes no round, so a session on the revision it replaced stands; one on a closed round's does not.
  const closed = new Set((csr.review?.history ?? []).flatMap((h) => (h.source_revision === undefined ? [] : [h.source_revision])));
  const confirmed = (csr.review?.confirmations ?? []).some((c) => start === undefined || c.date >= start);
  return (s) => (s.revision === undefined ? start === undefined || s.date > start : s.revision === csr.source.revision || (confirmed && !closed.has(s.revision)));
}

/**
 * The version a document's training session without `revision` (one written by hand, or before csr
 * wrote it) trained, by document id and sessionKey: the version in force, on the session's day, in the
 * commit that added the session to the document's file (load/training-records.ts) — git's order, so that
 * a session committed before a version's release trained the one before, whatever day it was given.
 * Absent: not in git, which tells no version after the first.
 */
export type SessionVersions = ReadonlyMap<string, ReadonlyMap<string, string>>;

/** A session as it stays from commit to commit: its day, record number and who was trained (a trainer corrected later keeps it). */
export function sessionKey(session: TrainingSession): string {
  return JSON.stringify([session.date, session.record ?? "", session.people ?? [], sessionDepartments(session), session.trainees ?? []]);
}

/**
 * The sessions of a document without `revision` that need git to tell the version they trained: those
 * given on a day when a version after the first was in force (one in the first version's time trained it).
 */
export function sessionsToDate(doc: ControlledDocument): TrainingSession[] {
  const first = doc.revisions?.[0];
  return (doc.training?.sessions ?? []).filter((s) => s.revision === undefined && revisionOn(doc, s.date) !== first);
}

/**
 * The version of a document a session trained (csr train writes it, `revision`): else that of
 * SessionVersions, or the first version when it alone was in force on the session's day; undefined
 * when nothing tells (before any version, or a later one outside git).
 */
export function sessionVersion(doc: ControlledDocument, session: TrainingSession, versions?: SessionVersions): string | undefined {
  if (session.revision !== undefined) return session.revision;
  const on = revisionOn(doc, session.date);
  if (on === undefined) return undefined;
  return on === doc.revisions?.[0] ? on.version : versions?.get(doc.id)?.get(sessionKey(session));
}

/** Whether a session on `version` of the document is recorded (sessionVersion): a document not marked as needing training is told trained by it (documentTrainingState). */
export function documentTrained(doc: ControlledDocument, version: string, versions?: SessionVersions): boolean {
  return (doc.training?.sessions ?? []).some((s) => sessionVersion(doc, s, versions) === version);
}

/**
 * The departments a document's training concerns: its own and those that hold it to work to (holdingUnits:
 * a paper copy or an electronic issue of the current version or of the one it replaces), not an outside party
 * (`outside`, codes). Those who work to a document are trained on its new version before it takes effect
 * (IATF 16949 7.2.2, 7.3): while it is 待实施 they hold the version it replaces, and the new copies reach them
 * only when it takes effect, so counting the holders of the new version alone would name them too late (breaker62 P9).
 */
export function documentTrainingDepartments(doc: ControlledDocument, outside: ReadonlySet<string>): string[] {
  return [...new Set([doc.department, ...holdingUnits(doc).filter((to) => !outside.has(to))])];
}

/** The departments a CSR's training concerns: those it was distributed to, those required to countersign and those that gave an opinion. */
export function csrTrainingDepartments(csr: Csr, config: QmsConfig | undefined): string[] {
  return [...new Set([...csrDistributedDepartments(csr), ...requiredDepartments(csr, config), ...(csr.review?.opinions ?? []).map((o) => o.department)])];
}
