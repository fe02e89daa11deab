/**
 * The controlled document list (受控文件清单): every live document of every level with the
 * fields `csr import --as documents` reads back, so that a workbook round-trips.
 */
import { currentRevision } from "../../model/index.js";
import type { Table } from "../table.js";
import {
  clauseList,
  departmentName,
  documentTitle,
  documentVersion,
  issueDate,
  liveDocuments,
  personName,
  statusLabel,
  t,
  type RegisterContext,
} from "./context.js";

export const LEVEL_NAMES: Record<number, [string, string]> = {
  1: ["一级", "1"],
  2: ["二级", "2"],
  3: ["三级", "3"],
  4: ["四级", "4"],
};

export function documentList(ctx: RegisterContext): Table {
  const docs = liveDocuments(ctx, () => true).sort((a, b) => a.level - b.level);
  return {
    id: "documents",
    title: ctx.lang === "en" ? `Controlled document list (${docs.length} in total)` : `受控文件清单（共 ${docs.length} 份）`,
    sheet: t(ctx, "受控文件清单", "Documents"),
    columns: [
      { key: "no", header: t(ctx, "序号", "No.") },
      { key: "level", header: t(ctx, "层级", "Level") },
      { key: "number", header: t(ctx, "文件编号", "Number") },
      { key: "title", header: t(ctx, "文件名称", "Title") },
      { key: "department", header: t(ctx, "部门", "Department") },
      { key: "version", header: t(ctx, "版本", "Version") },
      { key: "prepared", header: t(ctx, "编制", "Prepared") },
      { key: "reviewed", header: t(ctx, "审核", "Reviewed") },
      { key: "approved", header: t(ctx, "批准", "Approved") },
      { key: "issued", header: t(ctx, "发行日期", "Issue date"), date: true },
      { key: "clauses", header: t(ctx, "条款", "Clauses") },
      { key: "status", header: t(ctx, "状态", "Status") },
      { key: "remarks", header: t(ctx, "备注", "Remarks") },
    ],
    rows: docs.map((doc, i) => {
      const revision = currentRevision(doc);
      const [zh, en] = LEVEL_NAMES[doc.level]!;
      return {
        no: i + 1,
        level: t(ctx, zh, en),
        number: doc.id,
        title: documentTitle(ctx, doc),
        department: departmentName(ctx, doc.department),
        version: documentVersion(doc),
        prepared: personName(ctx, revision?.prepared?.by),
        reviewed: personName(ctx, revision?.reviewed?.by),
        approved: personName(ctx, revision?.approved?.by),
        issued: issueDate(doc),
        clauses: clauseList(ctx, doc.clauses),
        status: statusLabel(ctx, doc.status),
        remarks: doc.remarks ?? "",
      };
    }),
  };
}
