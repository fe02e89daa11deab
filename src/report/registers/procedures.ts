/**
 * The procedure list (程序文件一览表) in the two layouts registers really have: the IATF one with
 * signatures and issue dates, and the GJB one with departments, clauses and the level-3 and
 * level-4 documents each procedure uses.
 */
import type { Table } from "../table.js";
import type { ControlledDocument } from "../../model/types.js";
import { currentRevision } from "../../model/index.js";
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

export type ProcedureStyle = "iatf" | "gjb";
export const PROCEDURE_STYLES: readonly ProcedureStyle[] = ["iatf", "gjb"];

const LEVEL_TITLES: Record<number, [string, string]> = {
  1: ["质量手册一览表", "Quality manual list"],
  2: ["程序文件一览表", "Procedure list"],
  3: ["三级文件一览表", "Work instruction list"],
  4: ["表单一览表", "Form list"],
};

export function procedureList(ctx: RegisterContext, options: { level?: 1 | 2 | 3 | 4; style?: ProcedureStyle } = {}): Table {
  const level = options.level ?? 2;
  const docs = liveDocuments(ctx, (d) => d.level === level);
  const [zh, en] = LEVEL_TITLES[level]!;
  const title = ctx.lang === "en" ? `${en} (${docs.length} in total)` : `${zh}（共 ${docs.length} 份）`;
  return options.style === "gjb" ? gjbList(ctx, docs, title) : iatfList(ctx, docs, title);
}

function remarks(ctx: RegisterContext, doc: ControlledDocument): string {
  const parts = [doc.remarks ?? ""];
  if (doc.status !== "released") parts.push(statusLabel(ctx, doc.status));
  return parts.filter(Boolean).join(t(ctx, "；", "; "));
}

function iatfList(ctx: RegisterContext, docs: ControlledDocument[], title: string): Table {
  return {
    id: "procedures",
    title,
    sheet: t(ctx, "程序文件一览表", "Procedures"),
    columns: [
      { key: "no", header: t(ctx, "序号", "No.") },
      { key: "title", header: t(ctx, "文件名称", "Title") },
      { key: "number", header: t(ctx, "文件编号", "Number") },
      { key: "version", header: t(ctx, "版本", "Version") },
      { key: "prepared", header: t(ctx, "编制/修订", "Prepared/revised") },
      { key: "reviewed", header: t(ctx, "审核", "Reviewed") },
      { key: "approved", header: t(ctx, "批准", "Approved") },
      { key: "issued", header: t(ctx, "发行日期", "Issue date"), date: true },
      { key: "remarks", header: t(ctx, "备注", "Remarks") },
    ],
    rows: docs.map((doc, i) => {
      const revision = currentRevision(doc);
      return {
        no: i + 1,
        title: documentTitle(ctx, doc),
        number: doc.id,
        version: documentVersion(doc),
        prepared: personName(ctx, revision?.prepared?.by),
        reviewed: personName(ctx, revision?.reviewed?.by),
        approved: personName(ctx, revision?.approved?.by),
        issued: issueDate(doc),
        remarks: remarks(ctx, doc),
      };
    }),
  };
}

function gjbList(ctx: RegisterContext, docs: ControlledDocument[], title: string): Table {
  const uses = (doc: ControlledDocument, level: number) =>
    [...(doc.related ?? []), ...(doc.forms ?? [])]
      .map((id) => ctx.index.documents.get(id)?.value)
      .filter((d): d is ControlledDocument => d !== undefined && d.level === level && d.status !== "obsolete")
      .map((d) => `${d.id} ${documentTitle(ctx, d)}`)
      .join("\n");
  return {
    id: "procedures-gjb",
    title,
    sheet: t(ctx, "程序文件一览表", "Procedures"),
    columns: [
      { key: "no", header: t(ctx, "序号", "No.") },
      { key: "title", header: t(ctx, "程序文件", "Procedure") },
      { key: "number", header: t(ctx, "文件编号", "Number") },
      { key: "department", header: t(ctx, "归口部门", "Department") },
      { key: "clauses", header: t(ctx, "对应条款", "Clauses") },
      { key: "level3", header: t(ctx, "三级文件", "Level-3 documents") },
      { key: "level4", header: t(ctx, "四级表单", "Level-4 forms") },
    ],
    rows: docs.map((doc, i) => ({
      no: i + 1,
      title: documentTitle(ctx, doc),
      number: doc.id,
      department: departmentName(ctx, doc.department),
      clauses: clauseList(ctx, doc.clauses),
      level3: uses(doc, 3),
      level4: uses(doc, 4),
    })),
  };
}
