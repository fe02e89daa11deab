/**
 * The training register (培训记录): every training record, oldest first. A recorded session on a
 * document revision or a CSR gives who was trained, by whom and the record number; a CSR's record
 * numbers given on their own (`training.records`, e.g. from an imported CSR list) are listed too,
 * undated after the sessions, so that the register is the one list of every training record
 * (IATF 16949 7.2.2; the CSR procedure's training step).
 */
import { localized } from "../../core/text.js";
import { trainingRecordDays } from "../../load/training-records.js";
import { evaluationTextIn, recordsTextIn, sessionDepartments, sessionResultColumns, sessionResultsIn, sessionTraineesIn } from "../../model/training.js";
import type { TrainingEvaluation, TrainingSession } from "../../model/types.js";
import type { Table } from "../table.js";
import { asOfNotes, compareIds, departmentName, personName, t, type RegisterContext } from "./context.js";
import { filterNotesOf, type FilterNotes } from "./filter.js";
import { periodAskedNotes, periodWords } from "./period.js";
import type { Period } from "../../model/review-timeliness.js";

interface Entry {
  subject: string;
  title: string;
  /** Absent for a record number without a recorded session. */
  session?: TrainingSession;
  record?: string;
}

/**
 * What `csr list training [--missing]` narrows to (undefined: nothing): `document`, the rows of one
 * document or CSR (its id, as the 文件/要求 column gives it); `department` (a department code), the
 * sessions that trained its people — by name or as a department — and, on the missing-training list,
 * its people still to train.
 */
export interface TrainingFilter {
  document?: string;
  department?: string;
  /** The training register only (csr list training --from/--to): the sessions held in the period. */
  period?: Period;
}

/**
 * What a filtered training register says of its filter, in its title and in a note under it (as the
 * distribution register does: filterNotesOf), with the whole register's command; undefined when nothing is filtered.
 */
export function trainingFilterNotes(ctx: RegisterContext, filter: TrainingFilter | undefined, register: "training" | "training-missing"): FilterNotes | undefined {
  const parts = [
    ...(filter?.document !== undefined ? [t(ctx, "register.filter.subject", { subject: filter.document })] : []),
    ...(filter?.department !== undefined ? [t(ctx, "register.filter.department", { department: departmentName(ctx, filter.department) })] : []),
    ...(filter?.period !== undefined ? [t(ctx, "register.filter.training-period", periodWords(ctx, filter.period))] : []),
  ];
  return filterNotesOf(ctx, parts, register, register === "training" ? "csr list training" : "csr list training --missing", [filter?.document, filter?.department, filter?.period?.from, filter?.period?.to]);
}

/**
 * Dated `today`: the sessions held by that day; a record number without a session is undated and stays.
 * `filter` keeps one document's or CSR's records, or the sessions that trained a department's people; a
 * record number given on its own names nobody, and a department's register leaves it out.
 */
/** The first columns of a row per training session, the training register's and a person's training file's: 序号, date, document or CSR, title, revision. */
export function sessionColumns(ctx: RegisterContext): Table["columns"] {
  return [
    { key: "no", header: t(ctx, "register.training.column.no"), kind: "number" },
    { key: "date", header: t(ctx, "register.training.column.date"), date: true },
    { key: "subject", header: t(ctx, "register.training.column.subject"), kind: "id" },
    { key: "title", header: t(ctx, "register.training.column.title") },
    { key: "revision", header: t(ctx, "register.training.column.revision"), kind: "code" },
  ];
}

export function trainingRegister(ctx: RegisterContext, options: { today: string; filter?: TrainingFilter }): Table {
  const { today, filter } = options;
  const held = [
    ...ctx.repo.documents.flatMap(({ value: d }) => (d.training?.sessions ?? []).map((session) => ({ subject: d.id, title: localized(ctx.lang, d.title, d.title_en), session }))),
    ...ctx.repo.csrs.flatMap(({ value: c }) => (c.training?.sessions ?? []).map((session) => ({ subject: c.id, title: localized(ctx.lang, c.title, c.title_en), session }))),
  ];
  const sessions: Entry[] = held
    .filter((e) => e.session.date <= today && (filter?.period === undefined || (e.session.date >= filter.period.from && e.session.date <= filter.period.to)))
    .sort((a, b) => (a.session.date < b.session.date ? -1 : a.session.date > b.session.date ? 1 : compareIds(a.subject, b.subject)));
  // A record number that a session of the same CSR already names is that session, not another record.
  // One that is not the training of the CSR's current source revision says so (recordsTextIn, tester56 D4).
  const days = trainingRecordDays(ctx.repo);
  const recordsOnly: Entry[] = ctx.repo.csrs
    .flatMap(({ value: c }) => {
      const texts = recordsTextIn(ctx.lang, c, days);
      return (c.training?.records ?? []).flatMap((record, i) =>
        (c.training?.sessions ?? []).some((s) => s.record === record) ? [] : [{ subject: c.id, title: localized(ctx.lang, c.title, c.title_en), record: texts[i]! }],
      );
    })
    .sort((a, b) => compareIds(a.subject, b.subject));
  const department = filter?.department;
  const trainedThere = (session: TrainingSession) => (department !== undefined && sessionDepartments(session).includes(department)) || (session.people ?? []).some((p) => ctx.index.people.get(p)?.value.department === department);
  // A record number given on its own is undated: it is in no period.
  const kept = (e: Entry) =>
    (filter?.document === undefined || e.subject === filter.document) && (department === undefined || (e.session !== undefined && trainedThere(e.session))) && (filter?.period === undefined || e.session !== undefined);
  const entries = [...sessions, ...recordsOnly].filter(kept);
  const recordsKept = recordsOnly.filter(kept).length;
  const filtered = trainingFilterNotes(ctx, filter, "training");
  // How each session was given, its hours and who failed it (tester72 Q5): columns once a session listed records them.
  // Its effectiveness evaluation (培训效果评价; IATF 16949 7.2.2, ISO 9001 7.2 c): a column once a session listed records one.
  // One made after the day the register is drawn up for was not known on it.
  const { results, evaluated } = sessionResultColumns(entries.flatMap((e) => (e.session ? [e.session] : [])), today);
  const resultsOf = (s: TrainingSession | undefined) => (s ? sessionResultsIn(ctx.lang, s, today, (id) => personName(ctx, id)) : undefined);
  return {
    id: "training",
    title: filtered ? t(ctx, "register.training.title-filtered", { filter: filtered.title, count: entries.length }) : t(ctx, "register.training.title", { count: entries.length }),
    ...(filtered ? { filtered: filtered.filtered } : {}),
    sheet: t(ctx, "register.training.sheet"),
    columns: [
      ...sessionColumns(ctx),
      { key: "people", header: t(ctx, "register.training.column.people"), kind: "list" },
      { key: "trainer", header: t(ctx, "register.training.column.trainer"), kind: "name" },
      ...(results
        ? [
            { key: "method", header: t(ctx, "register.training.column.method") },
            { key: "hours", header: t(ctx, "register.training.column.hours"), kind: "number" as const },
            { key: "failed", header: t(ctx, "register.training.column.failed"), kind: "list" as const },
          ]
        : []),
      { key: "record", header: t(ctx, "register.training.column.record"), kind: "id" },
      ...(evaluated ? [{ key: "evaluation", header: t(ctx, "register.training.column.evaluation") }] : []),
    ],
    rows: entries.map((e, i) => {
      const r = resultsOf(e.session);
      return {
        no: i + 1,
        date: e.session?.date ?? null,
        subject: e.subject,
        title: e.title,
        revision: e.session?.revision ?? "",
        people: e.session ? sessionTraineesIn(ctx.lang, e.session, (p) => personName(ctx, p), (d) => departmentName(ctx, d), (p) => ctx.index.people.get(p)?.value.department) : "",
        trainer: e.session?.external_trainer !== undefined ? t(ctx, "train.external-trainer", { trainer: e.session.external_trainer }) : personName(ctx, e.session?.trainer),
        ...(results ? { method: r?.method ?? "", hours: r?.hours ?? null, failed: r?.failed ?? "" } : {}),
        record: e.session?.record ?? e.record ?? "",
        ...(evaluated ? { evaluation: r?.evaluation ?? "" } : {}),
      };
    }),
    notes: [
      ...(filtered ? [filtered.note] : []),
      ...periodAskedNotes(ctx, filter?.period),
      ...(recordsKept > 0 ? [t(ctx, "register.training.records-only", { count: recordsKept })] : []),
      ...asOfNotes(ctx, today, sessions.length < held.length),
    ],
  };
}

/** A session's effectiveness evaluation as the register prints it (model/training.ts evaluationTextIn). */
export function evaluationText(ctx: RegisterContext, evaluation: TrainingEvaluation): string {
  return evaluationTextIn(ctx.lang, evaluation, (id) => personName(ctx, id));
}
