/**
 * The obsolete document list (作废文件清单): every withdrawn document with the date and reason it
 * was withdrawn, the last version in force, what replaced it and the copies still to be taken
 * back. The other registers list live documents only, so a withdrawn one is kept on record here.
 */
import { copiesToRecall } from "../../model/distribution.js";
import type { Table } from "../table.js";
import { LEVEL_NAMES } from "./documents.js";
import { compareIds, departmentName, documentTitle, documentVersion, t, type RegisterContext } from "./context.js";

export function obsoleteList(ctx: RegisterContext): Table {
  const docs = ctx.repo.documents
    .map((d) => d.value)
    .filter((d) => d.status === "obsolete")
    .sort((a, b) => compareIds(a.id, b.id));
  const rows = docs.map((doc, i) => {
    const successor = doc.obsolete?.superseded_by;
    const next = successor ? ctx.index.documents.get(successor)?.value : undefined;
    const [zh, en] = LEVEL_NAMES[doc.level]!;
    return {
      no: i + 1,
      level: t(ctx, zh, en),
      number: doc.id,
      title: documentTitle(ctx, doc),
      department: departmentName(ctx, doc.department),
      version: documentVersion(doc),
      withdrawn: doc.obsolete?.date ?? null,
      reason: doc.obsolete?.reason ?? "",
      supersededBy: successor ? (next ? `${successor} ${documentTitle(ctx, next)}` : successor) : "",
      toRecall: copiesToRecall(doc)
        .map((c) => c.copy)
        .join(t(ctx, "、", ", ")),
    };
  });
  const open = rows.filter((r) => r.toRecall !== "").length;
  return {
    id: "obsolete",
    title: ctx.lang === "en" ? `Obsolete document list (${rows.length} in total)` : `作废文件清单（共 ${rows.length} 份）`,
    sheet: t(ctx, "作废文件清单", "Obsolete documents"),
    columns: [
      { key: "no", header: t(ctx, "序号", "No.") },
      { key: "level", header: t(ctx, "层级", "Level") },
      { key: "number", header: t(ctx, "文件编号", "Number") },
      { key: "title", header: t(ctx, "文件名称", "Title") },
      { key: "department", header: t(ctx, "部门", "Department") },
      { key: "version", header: t(ctx, "最后版本", "Last version") },
      { key: "withdrawn", header: t(ctx, "作废日期", "Withdrawn"), date: true },
      { key: "reason", header: t(ctx, "作废原因", "Reason") },
      { key: "supersededBy", header: t(ctx, "替代文件", "Superseded by") },
      { key: "toRecall", header: t(ctx, "待回收受控号", "Copies to recall") },
    ],
    rows,
    notes: [t(ctx, `尚有受控副本待回收的作废文件 ${open} 份。`, `${open} withdrawn document(s) with controlled copies still to recall.`)],
  };
}
