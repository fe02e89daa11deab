/**
 * `csr train <document|csr>...`: who was trained on which revision (培训记录). On a document the
 * revision is its current version, on a CSR the revision of its source document. `--require`
 * marks the document or CSR as needing training, which doc/training-overdue and
 * csr/training-overdue then watch. A session needs the trainer and the record number besides the
 * people and the date: without them it is no evidence of training (IATF 16949 7.2).
 * One session often covers several documents (a work instruction and its forms): given several ids, it is
 * recorded on each, all or nothing (shared/all-or-nothing.ts). The same session is not recorded twice, and
 * `--remove --date D [--record N]` takes a session recorded wrongly back out, by a change committed like any
 * other (the git history keeps what was removed), never by editing the YAML by hand (tester72 Q7, Q9).
 */
import { UserError } from "../../core/errors.js";
import { didYouMean, shellArgument } from "../../core/text.js";
import { language, list, shortList, t } from "../../i18n/index.js";
import { currentRevision } from "../../model/index.js";
import { eventLabel, revisionEvent } from "../../model/recorded-events.js";
import type { ControlledDocument, Csr, Person, TrainingSession } from "../../model/types.js";
import { missingFlag, type Prompts } from "../add/prompting.js";
import type { CommandContext } from "../context.js";
import { eventDateOption, refuseBefore, type Follows } from "../options.js";
import { isScalar, isSeq } from "yaml";
import { appendIn, type FileChange } from "../shared/persist.js";
import { departmentLabel, knownPerson, personLabel, refuseMilitaryWork, resolvePeople, resolvePerson } from "../shared/people.js";
import { sessionDepartments, sessionTraineesIn, sessionVersion } from "../../model/training.js";
import { departmentByCode, editFile, listOption, need, withEditSession, personChoices, personOption, saveChanges, type EditSession } from "../shared/edit.js";
import { locate, type FileKind } from "../../load/source.js";
import type { Located } from "../../load/repository.js";
import { allOrNothing } from "../shared/all-or-nothing.js";
import { externalTrainerOption, sessionResult } from "./result.js";
import { evaluateTraining } from "./evaluate.js";

export interface TrainFlags {
  people?: string[];
  /** The department(s) trained as a whole, or that the --trainees not in people.yaml belong to. */
  department?: string[];
  trainees?: string[];
  date?: string;
  trainer?: string;
  record?: string;
  require?: boolean;
  /** With --require: refresher training (复训) every that many months (`training.retrain_months`, 1–120). */
  retrainMonths?: string;
  /** Takes the session of --date (and --record) back out of each document or CSR given. */
  remove?: boolean;
  /** How it was given, its hours, who failed its assessment (commands/train/result.ts). */
  method?: string;
  hours?: string;
  failed?: string[];
  /** A trainer not in people.yaml, "name, organisation" (external_trainer), instead of --trainer. */
  externalTrainer?: string;
  /** Records the effectiveness evaluation of the session of --date (and --record) (commands/train/evaluate.ts). */
  evaluate?: boolean;
  evaluatedOn?: string;
  evaluationMethod?: string;
  by?: string;
  result?: string;
  evaluationRecord?: string;
  yes?: boolean;
  commit?: boolean;
}

export async function trainCommand(ctx: CommandContext, ids: string | string[], flags: TrainFlags): Promise<number> {
  return recordTraining(ctx, ids, flags);
}

/** A document or CSR to record training on: where it is, and the revision a session on it trains (undefined: a document without a version). */
export interface Target {
  id: string;
  kind: FileKind;
  located: Located<ControlledDocument> | Located<Csr>;
  document?: ControlledDocument;
  csr?: Csr;
  revision: string | undefined;
  /** The event a session on it cannot come before: the current version's release, the CSR's receipt. */
  follows: Follows | undefined;
}

export const refusals = (verb: "record" | "remove" | "evaluate") => ({
  heading: (count: number, total: number) => t(`train.batch.refused-${verb}`, { count, total }),
  hint: t("train.batch.refused.hint"),
});

/**
 * Records one session on each of `given` (document or CSR ids, in the order given, each once), or with
 * `--require` alone marks them as needing training, or with `--remove` takes a session back out. UserError
 * (one line per refused target, nothing written): an unknown id, a document not released, a superseded CSR, a
 * date before the current version's release or the CSR's receipt, the same session recorded already.
 */
export async function recordTraining(ctx: CommandContext, given: string | readonly string[], flags: TrainFlags, prompts?: Prompts): Promise<number> {
  const ids = [...new Set(typeof given === "string" ? [given] : given)];
  return withEditSession(ctx, flags.yes, prompts, async (session) => {
    if (flags.remove) return removeTraining(ctx, session, ids, flags);
    if (flags.evaluate) return evaluateTraining(ctx, session, ids, flags, (id) => findAny(session, id));
    const found = allOrNothing(ids, (id) => findTarget(session, id), refusals("record"));
    const givenPeople = listOption(flags.people);
    // Operators as the sign-in sheet writes them (王小二(1023), a name, a 工号): people of people.yaml, who count (tester75 P2).
    // Split at commas and 、 only: a name may hold a space (Zhang San (1023)).
    const written = [...new Set((flags.trainees ?? []).flatMap((v) => v.split(/[,，、;；]/)).map((v) => v.trim()).filter(Boolean))];
    const trainees: string[] = [];
    // Several departments given spaced or at commas (tester66 N10); a person of people.yaml is listed under their own department whatever this says (N2).
    const departments = [...new Set(listOption(flags.department).map((code) => departmentByCode(session, code, "--department")))];
    const department = departments.length === 0 ? undefined : departments.length === 1 ? departments[0]! : departments;
    const resolved = written.map((given) => ({ given, person: traineePerson(session, given, departments[0] ?? found[0]!.document?.department ?? "PRD") }));
    const traineePeople = resolved.flatMap((r) => (r.person ? [r.person] : []));
    trainees.push(...resolved.flatMap((r) => (r.person ? [] : [r.given])));
    if ((flags.require || flags.retrainMonths !== undefined) && givenPeople.length === 0 && written.length === 0 && department === undefined && !session.ask) return markRequired(ctx, session, found, flags);
    // The date checked against each document before anyone is asked who was trained.
    const date = found.length === 1 ? eventDateOption(flags.date, "--date", { follows: found[0]!.follows }) : eventDateOption(flags.date, "--date");
    if (found.length > 1) allOrNothing(found.map((f) => f.id), (id) => refuseBefore(date, "--date", found.find((f) => f.id === id)!.follows), refusals("record"));
    const named =
      givenPeople.length > 0 || written.length > 0 || department !== undefined
        ? givenPeople
        : listOption(await need(session.ask, "--people", t("train.needs.people"), (p) => p.input({ message: t("prompt.train.people"), required: true })));
    // 生产部 given to --people is a department, not a person of people.yaml: say which option takes it.
    for (const given of named) {
      const unit = [...session.index.departments.values()].find((d) => d.code === given || d.name === given || d.name_en === given);
      if (unit && !session.index.people.has(given)) throw new UserError(t("train.people-is-department", { given, code: unit.code }));
    }
    const trained = [...new Map([...resolvePeople(session.index, named, "--people", date), ...traineePeople.map((p) => resolvePerson(session.index, p.id, "--trainees", date))].map((p) => [p.id, p])).values()];
    // The organisation trains its own people (IATF 16949 7.2, GJB 9001C 7.2), not the 军代表室.
    for (const person of trained) refuseMilitaryWork(session.index, person, "--people", "trainee");
    const people = trained.map((p) => p.id);
    // The schema leaves trainer and record open (records imported from paper may lack them), but a
    // new record is training evidence (IATF 16949 7.2): who trained whom, when, under which record number.
    // A trainer from outside (外部讲师, tester72 Q8) is recorded as named, not looked up in people.yaml.
    const external = externalTrainerOption(flags);
    const trainerPerson =
      external === undefined
        ? personOption(
            session,
            flags.trainer ??
              (await need(session.ask, "--trainer", t("train.needs.trainer"), (p) => p.select({ message: t("prompt.train.trainer"), choices: personChoices(session, found[0]!.document?.department, { organisation: true }) }))),
            "--trainer",
            date,
          )
        : undefined;
    if (trainerPerson) refuseMilitaryWork(session.index, trainerPerson, "--trainer", "trainer");
    const trainer = trainerPerson?.id;
    const record = (flags.record ?? (await need(session.ask, "--record", t("train.needs.record"), (p) => p.input({ message: t("prompt.train.record"), required: true })))).trim();
    if (record === "") throw missingFlag("--record", t("train.needs.record"));
    const who = { ...(people.length > 0 ? { people } : {}), ...(department ? { department } : {}), ...(trainees.length > 0 ? { trainees } : {}) };
    const whom = sessionTraineesIn(language(), who, (p) => personLabel(session.index, p), (code) => departmentLabel(session.index, code), (p) => session.index.people.get(p)?.value.department);
    const result = sessionResult(session.index, flags, people, trainees, date);
    const details = [date, t("train.trainer", { trainer: trainer ? personLabel(session.index, trainer) : t("train.external-trainer", { trainer: external! }) }), t("train.record", { record }), ...result.details].join(t("train.detail-separator"));
    const planned = allOrNothing(
      found.map((f) => f.id),
      (id) => planSession(session, found.find((f) => f.id === id)!, { ...(found.find((f) => f.id === id)!.revision ? { revision: found.find((f) => f.id === id)!.revision } : {}), date, ...who, ...(trainer ? { trainer } : { external_trainer: external! }), record, ...result.fields }, flags, { whom, details }),
      refusals("record"),
    );
    const departmentLabels = departments.map((code) => departmentLabel(session.index, code));
    const subject = planned.length === 1 ? planned[0]!.what : t("train.batch.subject", { ids: shortList(planned.map((p) => p.what)), count: planned.length });
    const message = t(department === undefined ? "commit.train.trained" : "commit.train.department", { id: subject, count: people.length + trainees.length, department: list(departmentLabels) });
    await saveChanges(ctx, session, planned.map((p) => p.change), planned.flatMap((p) => p.lines), { commit: flags.commit, message });
    return 0;
  });
}

/** The document or CSR numbered `id`, refused when no session can be recorded on it (not released, superseded). */
function findTarget(session: EditSession, id: string): Target {
  const document = session.index.documents.get(id);
  const csr = document ? undefined : session.index.csrs.get(id);
  if (!document && !csr) {
    const known = [...session.index.documents.keys(), ...session.index.csrs.keys()];
    throw new UserError(t("render.not-found", { id }) + didYouMean(id, known));
  }
  if (document && document.value.status !== "released") throw new UserError(t("train.not-released", { id, status: t(`value.document-status.${document.value.status}`) }));
  if (csr?.value.superseded) throw new UserError(t("train.superseded", { id }));
  const current = document ? currentRevision(document.value) : undefined;
  return {
    id,
    kind: document ? "document" : "csr",
    located: (document ?? csr)!,
    ...(document ? { document: document.value } : { csr: csr!.value }),
    revision: document ? current?.version : csr!.value.source.revision,
    follows: csr ? { what: eventLabel("rule.date/event.csr-received"), of: id, date: csr.value.received } : current ? { ...revisionEvent(current), of: id } : undefined,
  };
}

/**
 * `--require` alone: each target marked as needing training; those marked already said so. With `--retrain-months N`
 * (`--require` implied), each also needs refresher training (复训) every N months (IATF 16949 7.2.2: competence kept,
 * e.g. awareness of special characteristics yearly); one marked with another interval has it replaced, and says so.
 */
async function markRequired(ctx: CommandContext, session: EditSession, targets: readonly Target[], flags: TrainFlags): Promise<number> {
  const months = retrainMonthsOption(flags.retrainMonths);
  const done = (f: Target) => f.located.value.training?.required === true && (months === undefined || f.located.value.training.retrain_months === months);
  const already = targets.filter(done);
  const toMark = targets.filter((f) => !done(f));
  const alreadyLines = already.map((f) => (months === undefined ? t("train.required-already", { id: f.id }) : t("train.retrain-already", { id: f.id, months })));
  if (toMark.length === 0) {
    ctx.stdout(alreadyLines.join("\n") + "\n");
    return 0;
  }
  const changes = toMark.map((f) =>
    editFile(session.root, f.located.file.path, f.kind, (doc) => {
      doc.setIn([...f.located.path, "training", "required"], true);
      if (months !== undefined) doc.setIn([...f.located.path, "training", "retrain_months"], months);
    }),
  );
  const marked = (f: Target) => {
    const required = t(f.document ? "train.required-document" : "train.required-csr", { id: f.id });
    if (months === undefined) return required;
    const was = f.located.value.training?.retrain_months;
    return (f.located.value.training?.required ? "" : required + "\n") + (was === undefined ? t("train.retrain", { id: f.id, months }) : t("train.retrain-changed", { id: f.id, months, was }));
  };
  const lines = [...toMark.map(marked), ...alreadyLines];
  const message = months === undefined ? t("commit.train.required", { id: shortList(toMark.map((f) => f.id)) }) : t("commit.train.retrain", { id: shortList(toMark.map((f) => f.id)), months });
  await saveChanges(ctx, session, changes, lines, { commit: flags.commit, message });
  return 0;
}

/** --retrain-months as a whole number of months, 1 to 120; UserError otherwise. */
function retrainMonthsOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const months = /^\d+$/.test(value.trim()) ? Number(value.trim()) : NaN;
  if (!(months >= 1 && months <= 120)) throw new UserError(t("train.retrain-months-invalid", { value }));
  return months;
}

interface Planned {
  change: FileChange;
  lines: string[];
  /** The document and version, or the CSR and its source revision, as the output names them. */
  what: string;
}

/** What a session on `target` is called: QP-005 A/2; a CSR with its source document's revision, which a bare "NES-001 2" does not say. */
function subjectOf(target: Target): string {
  const { id, revision, csr } = target;
  return !revision ? id : csr ? t("train.csr-revision", { id, source: csr.source.document, revision }) : `${id} ${revision}`;
}

/** The 1-based line of the `index`th session of the target's file. */
function sessionLine(target: Target, index: number): number {
  return locate(target.located.file, [...target.located.path, "training", "sessions", index])[0];
}

/** Whether two sessions trained the same people: the same people of people.yaml, departments and trainees, in any order. */
function sameTrainees(a: TrainingSession, b: TrainingSession): boolean {
  const set = (values: readonly string[] | undefined) => JSON.stringify([...new Set(values ?? [])].sort());
  return set(a.people) === set(b.people) && set(sessionDepartments(a)) === set(sessionDepartments(b)) && set(a.trainees) === set(b.trainees);
}

/** The session `entry` on one target: refused when the same session (revision, day, trainees) is recorded on it already, saying where. */
function planSession(session: EditSession, target: Target, entry: TrainingSession, flags: TrainFlags, said: { whom: string; details: string }): Planned {
  const { id, csr, document } = target;
  const training = target.located.value.training;
  const sessions = training?.sessions ?? [];
  const trainedVersion = (s: TrainingSession) => (document ? sessionVersion(document, s) : s.revision);
  const twice = sessions.findIndex((s) => s.date === entry.date && (trainedVersion(s) ?? entry.revision) === entry.revision && sameTrainees(s, entry));
  const what = subjectOf(target);
  if (twice >= 0) {
    const first = sessions[twice]!;
    throw new UserError(
      t("train.duplicate", { what, date: entry.date, record: first.record ?? "—", file: target.located.file.path, line: sessionLine(target, twice), id, remove: `csr train ${id} --remove --date ${entry.date}${first.record ? ` --record ${first.record}` : ""}` }),
    );
  }
  const record = entry.record!;
  // A record number kept on its own (training.records, as `csr import` keeps a list's 培训 cell) that this
  // session names is this session now: it goes in the same write, or the list would show the record twice (io60).
  // Only a CSR keeps records on their own; a document's training holds sessions alone.
  const replaces = csr !== undefined && (csr.training?.records ?? []).some((r) => r.trim() === record);
  const base = target.located.path;
  const change = editFile(session.root, target.located.file.path, target.kind, (doc) => {
    if (!training || (flags.require && !training.required)) doc.setIn([...base, "training", "required"], true);
    appendIn(doc, [...base, "training", "sessions"], doc.createNode(entry, { flow: true }));
    if (replaces) {
      const records = doc.getIn([...base, "training", "records"], true);
      if (isSeq(records)) {
        records.items = records.items.filter((item) => String(isScalar(item) ? item.value : item).trim() !== record);
        if (records.items.length === 0) doc.deleteIn([...base, "training", "records"]);
      }
    }
  });
  const lines = [t("train.recorded", { what, people: said.whom, details: said.details }), ...(replaces ? [t("train.record-replaced", { id, record })] : [])];
  return { change, lines, what };
}

/**
 * `--remove --date D [--record N]`: the session of that day (and record number) taken out of each target, all or
 * nothing. Refused for a target without such a session (its sessions named), or with several of that day and no
 * --record to tell them apart. Nothing else may be given: who was trained is not how a session is told.
 */
async function removeTraining(ctx: CommandContext, session: EditSession, ids: readonly string[], flags: TrainFlags): Promise<number> {
  const extra = (["people", "department", "trainees", "trainer", "require", "method", "hours", "failed", "externalTrainer", "evaluate"] as const).find((key) => flags[key] !== undefined);
  if (extra !== undefined) throw new UserError(t("train.remove.extra", { flag: `--${extra}` }), undefined, 2);
  const targets = allOrNothing(ids, (id) => findAny(session, id), refusals("remove"));
  const date = flags.date !== undefined ? eventDateOption(flags.date, "--date") : await askSession(session, targets);
  const record = flags.record?.trim() || undefined;
  const planned = allOrNothing(ids, (id) => planRemoval(session, targets.find((f) => f.id === id)!, date, record), refusals("remove"));
  const subject = planned.length === 1 ? planned[0]!.what : t("train.batch.subject", { ids: shortList(planned.map((p) => p.what)), count: planned.length });
  const records = [...new Set(planned.map((p) => p.record).filter((r) => r !== undefined))];
  await saveChanges(ctx, session, planned.map((p) => p.change), planned.flatMap((p) => p.lines), { commit: flags.commit, message: t("commit.train.removed", { id: subject, date, record: records.join(t("train.detail-separator")) || "—" }) });
  return 0;
}

/** A document or CSR whose sessions may be removed or evaluated, whatever its state: a wrong record is corrected also after the document's withdrawal. */
export function findAny(session: EditSession, id: string): Target {
  const document = session.index.documents.get(id);
  const csr = document ? undefined : session.index.csrs.get(id);
  if (!document && !csr) throw new UserError(t("render.not-found", { id }) + didYouMean(id, [...session.index.documents.keys(), ...session.index.csrs.keys()]));
  return {
    id,
    kind: document ? "document" : "csr",
    located: (document ?? csr)!,
    ...(document ? { document: document.value } : { csr: csr!.value }),
    revision: document ? currentRevision(document.value)?.version : csr!.value.source.revision,
    follows: undefined,
  };
}

/** Without --date: the session to remove chosen at a prompt (one target), else --date is missing. */
async function askSession(session: EditSession, targets: readonly Target[]): Promise<string> {
  const sessions = targets.length === 1 ? (targets[0]!.located.value.training?.sessions ?? []) : [];
  if (!session.ask || sessions.length === 0) throw missingFlag("--date", t("train.needs.remove-date"));
  return session.ask.select({
    message: t("prompt.train.remove"),
    choices: [...new Set(sessions.map((s) => s.date))].map((date) => ({ value: date, name: [date, ...sessions.filter((s) => s.date === date).map((s) => s.record ?? "")].join(" ") })),
  });
}

function planRemoval(session: EditSession, target: Target, date: string, record: string | undefined): Planned & { record?: string } {
  const sessions = target.located.value.training?.sessions ?? [];
  const onDay = sessions.flatMap((s, index) => (s.date === date && (record === undefined || s.record === record) ? [index] : []));
  const recorded = sessions.map((s) => `${s.date}${s.record ? ` ${s.record}` : ""}`).join(t("train.detail-separator"));
  if (onDay.length === 0)
    throw new UserError(sessions.length === 0 ? t("train.remove.none", { id: target.id }) : t("train.remove.not-found", { id: target.id, session: record === undefined ? date : `${date} ${record}`, recorded }));
  if (onDay.length > 1) throw new UserError(t("train.remove.several", { id: target.id, date, count: onDay.length, records: onDay.map((i) => sessions[i]!.record ?? "—").join(t("train.detail-separator")) }));
  const index = onDay[0]!;
  const removed = sessions[index]!;
  const base = [...target.located.path, "training", "sessions"];
  const change = editFile(session.root, target.located.file.path, target.kind, (doc) => {
    doc.deleteIn([...base, index]);
    const left = doc.getIn(base, true);
    if (isSeq(left) && left.items.length === 0) doc.deleteIn(base);
  });
  const version = target.document ? sessionVersion(target.document, removed) : removed.revision;
  const what = version === undefined ? target.id : target.csr ? t("train.csr-revision", { id: target.id, source: target.csr.source.document, revision: version }) : `${target.id} ${version}`;
  const whom = sessionTraineesIn(language(), removed, (p) => personLabel(session.index, p), (code) => departmentLabel(session.index, code), (p) => session.index.people.get(p)?.value.department);
  const details = [removed.date, ...(removed.trainer ? [t("train.trainer", { trainer: personLabel(session.index, removed.trainer) })] : []), ...(removed.record ? [t("train.record", { record: removed.record })] : [])];
  return { change, what, ...(removed.record ? { record: removed.record } : {}), lines: [t("train.removed", { what, people: whom, details: details.join(t("train.detail-separator")), file: target.located.file.path })] };
}

/**
 * The person of people.yaml a --trainees value names as a sign-in sheet writes them (knownPerson: id, name, 工号 or
 * 王小二(1023)): such a trainee is recorded as the person (`people`) and counts (tester75 P2). Once people.yaml registers
 * operators (a person with `operator` or a 工号), a trainee csr does not know is refused (UserError, one line) with the
 * command that adds them: training counts the people whose work it governs (IATF 16949 7.2.2), and a name outside
 * people.yaml counts nobody. Before that, undefined: the name is kept as the record writes it (a repository whose
 * operators are on paper rosters only).
 */
function traineePerson(session: EditSession, given: string, department: string): Person | undefined {
  const found = knownPerson(session.index, given, "--trainees");
  if (found) return found;
  if (!session.repo.people.some((p) => p.value.operator || p.value.number !== undefined)) return undefined;
  const numbered = /^(.*?)\s*[(（]\s*([^()（）]+?)\s*[)）]$/u.exec(given);
  const name = numbered ? numbered[1]!.trim() : given;
  const number = numbered ? ` --number ${shellArgument(numbered[2]!)}` : "";
  throw new UserError(t("train.trainee-unknown", { given, command: `csr person add --name ${shellArgument(name)}${number} --department ${shellArgument(department)} --operator` }));
}
