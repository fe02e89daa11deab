/**
 * The training register (培训记录): every training record, oldest first. A recorded session on a
 * document revision or a CSR gives who was trained, by whom and the record number; a CSR's record
 * numbers given on their own (`training.records`, e.g. from an imported CSR list) are listed too,
 * undated after the sessions, so that the register is the one list of every training record
 * (IATF 16949 7.2.2; the CSR procedure's training step).
 */
import { localized } from "../../core/text.js";
import { trainingRecordDays } from "../../load/training-records.js";
import { recordsTextIn, sessionTraineesIn } from "../../model/training.js";
import type { TrainingSession } from "../../model/types.js";
import type { Table } from "../table.js";
import { asOfNotes, compareIds, departmentName, personName, t, type RegisterContext } from "./context.js";

interface Entry {
  subject: string;
  title: string;
  /** Absent for a record number without a recorded session. */
  session?: TrainingSession;
  record?: string;
}

/** Dated `today`: the sessions held by that day; a record number without a session is undated and stays. */
export function trainingRegister(ctx: RegisterContext, options: { today: string }): Table {
  const { today } = options;
  const held = [
    ...ctx.repo.documents.flatMap(({ value: d }) => (d.training?.sessions ?? []).map((session) => ({ subject: d.id, title: localized(ctx.lang, d.title, d.title_en), session }))),
    ...ctx.repo.csrs.flatMap(({ value: c }) => (c.training?.sessions ?? []).map((session) => ({ subject: c.id, title: localized(ctx.lang, c.title, c.title_en), session }))),
  ];
  const sessions: Entry[] = held
    .filter((e) => e.session.date <= today)
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
  const entries = [...sessions, ...recordsOnly];
  return {
    id: "training",
    title: t(ctx, "register.training.title", { count: entries.length }),
    sheet: t(ctx, "register.training.sheet"),
    columns: [
      { key: "no", header: t(ctx, "register.training.column.no"), kind: "number" },
      { key: "date", header: t(ctx, "register.training.column.date"), date: true },
      { key: "subject", header: t(ctx, "register.training.column.subject"), kind: "id" },
      { key: "title", header: t(ctx, "register.training.column.title") },
      { key: "revision", header: t(ctx, "register.training.column.revision"), kind: "code" },
      { key: "people", header: t(ctx, "register.training.column.people"), kind: "list" },
      { key: "trainer", header: t(ctx, "register.training.column.trainer"), kind: "name" },
      { key: "record", header: t(ctx, "register.training.column.record"), kind: "id" },
    ],
    rows: entries.map((e, i) => ({
      no: i + 1,
      date: e.session?.date ?? null,
      subject: e.subject,
      title: e.title,
      revision: e.session?.revision ?? "",
      people: e.session ? sessionTraineesIn(ctx.lang, e.session, (p) => personName(ctx, p), (d) => departmentName(ctx, d)) : "",
      trainer: personName(ctx, e.session?.trainer),
      record: e.session?.record ?? e.record ?? "",
    })),
    notes: [
      ...(recordsOnly.length > 0 ? [t(ctx, "register.training.records-only", { count: recordsOnly.length })] : []),
      ...asOfNotes(ctx, today, sessions.length < held.length),
    ],
  };
}
