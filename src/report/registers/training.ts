/**
 * The training register (培训记录): every recorded session on a document revision or a CSR, with
 * who was trained, by whom and the record number, oldest first.
 */
import { localized } from "../../core/text.js";
import type { TrainingSession } from "../../model/types.js";
import type { Table } from "../table.js";
import { compareIds, personName, t, type RegisterContext } from "./context.js";

export function trainingRegister(ctx: RegisterContext): Table {
  const entries: { subject: string; title: string; session: TrainingSession }[] = [
    ...ctx.repo.documents.flatMap(({ value: d }) => (d.training?.sessions ?? []).map((session) => ({ subject: d.id, title: localized(ctx.lang, d.title, d.title_en), session }))),
    ...ctx.repo.csrs.flatMap(({ value: c }) => (c.training?.sessions ?? []).map((session) => ({ subject: c.id, title: localized(ctx.lang, c.title, c.title_en), session }))),
  ].sort((a, b) => (a.session.date < b.session.date ? -1 : a.session.date > b.session.date ? 1 : compareIds(a.subject, b.subject)));
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
      date: e.session.date,
      subject: e.subject,
      title: e.title,
      revision: e.session.revision ?? "",
      people: e.session.people.map((p) => personName(ctx, p)).join(t(ctx, "register.list-separator")),
      trainer: personName(ctx, e.session.trainer),
      record: e.session.record ?? "",
    })),
  };
}
