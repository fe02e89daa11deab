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
    title: ctx.lang === "en" ? `Training register (${entries.length} sessions)` : `培训记录（共 ${entries.length} 次）`,
    sheet: t(ctx, "培训记录", "Training"),
    columns: [
      { key: "no", header: t(ctx, "序号", "No.") },
      { key: "date", header: t(ctx, "培训日期", "Date"), date: true },
      { key: "subject", header: t(ctx, "文件/要求", "Document/CSR") },
      { key: "title", header: t(ctx, "名称", "Title") },
      { key: "revision", header: t(ctx, "版本", "Revision") },
      { key: "people", header: t(ctx, "参训人员", "Trained") },
      { key: "trainer", header: t(ctx, "培训人", "Trainer") },
      { key: "record", header: t(ctx, "记录编号", "Record") },
    ],
    rows: entries.map((e, i) => ({
      no: i + 1,
      date: e.session.date,
      subject: e.subject,
      title: e.title,
      revision: e.session.revision ?? "",
      people: e.session.people.map((p) => personName(ctx, p)).join(t(ctx, "、", ", ")),
      trainer: personName(ctx, e.session.trainer),
      record: e.session.record ?? "",
    })),
  };
}
