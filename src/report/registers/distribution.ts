/**
 * The distribution and recall register (文件发放/回收记录): every controlled copy of every
 * document, with its number (受控号), version, recipient, the dates handed out and taken back, and
 * whether it is in force, due back or back.
 */
import { copiesToRecall } from "../../model/distribution.js";
import type { Table } from "../table.js";
import { compareIds, departmentName, documentTitle, personName, t, type RegisterContext } from "./context.js";

export function distributionRegister(ctx: RegisterContext): Table {
  const documents = ctx.repo.documents.map((d) => d.value).filter((d) => (d.distribution ?? []).length > 0).sort((a, b) => compareIds(a.id, b.id));
  const rows = documents.flatMap((doc) => {
    const due = new Set(copiesToRecall(doc));
    return (doc.distribution ?? [])
      .slice()
      .sort((a, b) => a.copy - b.copy)
      .map((copy) => ({
        number: doc.id,
        title: documentTitle(ctx, doc),
        version: copy.version,
        copy: copy.copy,
        to: departmentName(ctx, copy.to),
        holder: personName(ctx, copy.holder),
        date: copy.date,
        recalled: copy.recalled ?? null,
        state: copy.recalled ? t(ctx, "已回收", "recalled") : due.has(copy) ? t(ctx, "待回收", "to recall") : t(ctx, "在用", "in use"),
      }));
  });
  const toRecall = documents.reduce((n, doc) => n + copiesToRecall(doc).length, 0);
  return {
    id: "distribution",
    title: ctx.lang === "en" ? `Distribution and recall register (${rows.length} copies)` : `文件发放/回收记录（共 ${rows.length} 份）`,
    sheet: t(ctx, "发放回收记录", "Distribution"),
    columns: [
      { key: "no", header: t(ctx, "序号", "No.") },
      { key: "number", header: t(ctx, "文件编号", "Number") },
      { key: "title", header: t(ctx, "文件名称", "Title") },
      { key: "version", header: t(ctx, "版本", "Version") },
      { key: "copy", header: t(ctx, "受控号", "Copy No.") },
      { key: "to", header: t(ctx, "发放部门", "Issued to") },
      { key: "holder", header: t(ctx, "领用人", "Holder") },
      { key: "date", header: t(ctx, "发放日期", "Issued"), date: true },
      { key: "recalled", header: t(ctx, "回收日期", "Recalled"), date: true },
      { key: "state", header: t(ctx, "状态", "State") },
    ],
    rows: rows.map((r, i) => ({ no: i + 1, ...r })),
    notes: [ctx.lang === "en" ? `Copies to recall: ${toRecall}.` : `待回收 ${toRecall} 份。`],
  };
}
