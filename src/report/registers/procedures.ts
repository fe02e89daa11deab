/**
 * The procedure list (程序文件一览表) in the two layouts registers really have: the IATF one with
 * signatures, and the GJB one with departments, clauses and the level-3 and level-4 documents each
 * procedure uses. Both give each procedure's version in force and its issue date, which an auditor
 * reads first (compared with the copy in use): a version released to take effect later is named in 备注
 * (A/2 待实施（2026-12-14 实施）), as a temporary document (临时) says so there. Like the controlled
 * document list, they list the released documents only (controlledDocuments: a draft is not a
 * controlled document, and the totals of the two agree) and say how many they left out; dated
 * `today`, they list the documents as their records show them that day (documentsOn).
 */
import type { Table } from "../table.js";
import type { ControlledDocument } from "../../model/types.js";
import { classificationName, documentClassification } from "../../model/classification.js";
import { militarySupplier, underStandard } from "../../model/citations.js";
import { remarksWithoutShownUses } from "../../model/uses-remarks.js";
import { documentRemarks, layoutSignatureColumns, marksClassification, signatureCells, signatureColumns, signedWithDates } from "./documents.js";
import {
  documentAsOfNotes,
  clauseList,
  departmentName,
  documentTitle,
  controlledDocuments,
  documentsOn,
  ownDocuments,
  pendingRemark,
  pendingStatus,
  revisingOn,
  revisingRemark,
  revisionListed,
  t,
  temporaryStatus,
  unreleasedHints,
  unreleasedNotes,
  withHints,
  type RegisterContext,
} from "./context.js";

export type ProcedureStyle = "iatf" | "gjb";
export const PROCEDURE_STYLES: readonly ProcedureStyle[] = ["iatf", "gjb"];

/**
 * The layout a repository's procedure list takes unless asked otherwise: the GJB one when GJB 9001C
 * is in scope and IATF 16949 is not (a 军代表 audits against that register), else the IATF one.
 */
export function defaultProcedureStyle(standards: readonly string[] | undefined): ProcedureStyle {
  return militarySupplier(standards) ? "gjb" : "iatf";
}

/**
 * `options.style` defaults to the repository's (defaultProcedureStyle) for procedures; the GJB
 * layout lists the documents each procedure uses, so other levels always take the plain one.
 * `options.union`: the procedure list with every column either layout has (the style's first, then
 * the other's), for `csr list procedures --columns` to pick a company's own layout from, e.g.
 * 编制/审核/批准 with 归口部门 and 对应条款 (tester20 F27). `options.signatures`: who signed the version in force and
 * when, in a column per signature of its layout (signatureColumns: 编制, 审核, 会签, 标准化审查, 批准, 军代表 as the
 * documents' layouts have them), each name with its date; by default in a repository that works to GJB 9001C
 * (signedWithDates), where the GJB layout has none without it and the IATF one names 编制/审核/批准 only.
 */
export function procedureList(ctx: RegisterContext, options: { level?: 1 | 2 | 3 | 4; style?: ProcedureStyle; today: string; union?: boolean; signatures?: boolean }): Table {
  const level = options.level ?? 2;
  const { listed: docs, unreleased } = controlledDocuments(ctx, options.today, (d) => d.level === level);
  const title = t(ctx, `register.procedures.title.${level}`, { count: docs.length });
  // Each row describes the version in force, while a later one is 待实施 (revisionListed).
  const listed = (doc: ControlledDocument) => revisionListed(ctx, doc, options.today);
  const style = level === 2 ? (options.style ?? defaultProcedureStyle(ctx.repo.config?.value.standards)) : "iatf";
  const remarks = (doc: ControlledDocument, row: Listed): string => {
    const parts = [documentRemarks(ctx, doc)];
    // A temporary one says until when (临时（至 …）), a version released to take effect later from when; beside the
    // version in force that it replaces then, named: A/2 待实施（2026-12-14 实施） (breaker62 P8).
    parts.push(pendingRemark(ctx, row, temporaryStatus(ctx, doc, options.today) ?? pendingStatus(ctx, doc, options.today)));
    const revising = revisingOn(doc, options.today);
    if (revising) parts.push(revisingRemark(ctx, doc, revising));
    return parts.filter(Boolean).join(t(ctx, "register.remarks-separator"));
  };
  // The GJB layout names the level-3 and level-4 documents each procedure uses: their records count too.
  const both = options.union === true && level === 2;
  const considered = ownDocuments(ctx).filter((d) => d.level === level || ((style === "gjb" || both) && d.level > level));
  const notes = [...unreleasedNotes(ctx, unreleased), ...documentAsOfNotes(ctx, options.today, considered)];
  const dated = signedWithDates(ctx, options.signatures);
  const signed = dated ? layoutSignatureColumns(ctx) : [];
  const signatures: Signatures = { columns: signatureColumns(ctx, signed), cells: (row) => signatureCells(ctx, row.revision, signed, dated) };
  const iatf = () => iatfList(ctx, docs, title, remarks, listed, signatures);
  const gjb = () => gjbList(ctx, docs, title, remarks, listed, documentsOn(ctx, options.today).byId, dated ? signatures : undefined);
  let table = style === "gjb" ? gjb() : iatf();
  if (both) table = union(table, style === "gjb" ? iatf() : gjb());
  return { ...table, ...(notes.length > 0 ? { notes } : {}), ...withHints(unreleasedHints(ctx, unreleased)) };
}

/** `table` with the columns of `other` it lacks added after its own; both list the same documents in the same order. */
function union(table: Table, other: Table): Table {
  const keys = new Set(table.columns.map((c) => c.key));
  const added = other.columns.filter((c) => !keys.has(c.key));
  return { ...table, columns: [...table.columns, ...added], rows: table.rows.map((row, i) => ({ ...Object.fromEntries(added.map((c) => [c.key, other.rows[i]![c.key] ?? null])), ...row })) };
}

/** What a row shows of a document's revision (revisionListed), read once per row. */
type Listed = ReturnType<typeof revisionListed>;
/** The 备注 of a row: the document's remarks, its temporary or 待实施 status (pendingRemark) and its revision in preparation. */
type Remarks = (doc: ControlledDocument, listed: Listed) => string;
/** The signature columns of a procedure list and a row's cells of them (signatureColumns, signatureCells). */
interface Signatures {
  columns: Table["columns"];
  cells: (listed: Listed) => Record<string, string>;
}

/**
 * The IATF layout (domain.md: No., title, number, version, 编制/审核/批准, issue date, remarks). A company under both
 * IATF 16949 and GJB 9001C adds the 归口部门 and 对应条款 columns of the GJB layout before 备注: its 军代表 audits the
 * procedures by department and clause, and the register it kept has them (tester76 M10).
 */
function iatfList(ctx: RegisterContext, docs: ControlledDocument[], title: string, remarks: Remarks, listed: (doc: ControlledDocument) => Listed, signatures: Signatures): Table {
  const standards = ctx.repo.config?.value.standards;
  const dual = underStandard(standards, "IATF16949") && underStandard(standards, "GJB9001C");
  return {
    id: "procedures",
    title,
    sheet: t(ctx, "register.procedures.sheet"),
    columns: [
      { key: "no", header: t(ctx, "register.procedures.column.no"), kind: "number" },
      { key: "title", header: t(ctx, "register.procedures.column.title") },
      { key: "number", header: t(ctx, "register.procedures.column.number"), kind: "id" },
      { key: "version", header: t(ctx, "register.procedures.column.version"), kind: "code" },
      // 编制/修订: the IATF layout's heading.
      ...signatures.columns.map((c) => (c.key === "prepared" ? { ...c, header: t(ctx, "register.procedures.column.prepared") } : c)),
      { key: "issued", header: t(ctx, "register.procedures.column.issued"), date: true },
      ...(dual
        ? [
            { key: "department", header: t(ctx, "register.procedures-gjb.column.department"), kind: "name" as const },
            { key: "clauses", header: t(ctx, "register.procedures-gjb.column.clauses"), kind: "list" as const },
          ]
        : []),
      { key: "remarks", header: t(ctx, "register.procedures.column.remarks"), remarks: true },
    ],
    rows: docs.map((doc, i) => {
      const row = listed(doc);
      const { version, issued } = row;
      return {
        no: i + 1,
        title: documentTitle(ctx, doc),
        number: doc.id,
        version,
        ...signatures.cells(row),
        issued,
        ...(dual ? { department: departmentName(ctx, doc.department), clauses: clauseList(ctx, doc.clauses) } : {}),
        remarks: remarks(doc, row),
      };
    }),
  };
}

/** The GJB layout; with `signatures` (signedWithDates), who signed each version in force and when, before its 发布日期 as in the IATF layout (tester79 G10). */
function gjbList(ctx: RegisterContext, docs: ControlledDocument[], title: string, remarks: Remarks, listed: (doc: ControlledDocument) => Listed, documents: ReadonlyMap<string, ControlledDocument>, signatures: Signatures | undefined): Table {
  // Controlled documents only, as the lists of their levels: a draft instruction or form is not one yet.
  const used = (doc: ControlledDocument, level: number) =>
    [...(doc.related ?? []), ...(doc.forms ?? [])].map((id) => documents.get(id)).filter((d): d is ControlledDocument => d !== undefined && d.level === level && d.status === "released");
  const uses = (doc: ControlledDocument, level: number) =>
    used(doc, level)
      .map((d) => `${d.id} ${documentTitle(ctx, d)}`)
      .join("\n");
  // An entry the import kept in the remarks until its document was in the repository is printed once, in its column now.
  // (The remarks write the title as the register did: the document's own, not its English one.)
  const shown = (doc: ControlledDocument) => new Map([...used(doc, 3), ...used(doc, 4)].map((d) => [d.id, d.title]));
  // 密级, where the repository marks its documents (a GJB layout's default or their own).
  const classified = marksClassification(ctx);
  return {
    id: "procedures-gjb",
    title,
    sheet: t(ctx, "register.procedures.sheet"),
    columns: [
      { key: "no", header: t(ctx, "register.procedures-gjb.column.no"), kind: "number" },
      { key: "title", header: t(ctx, "register.procedures-gjb.column.title") },
      { key: "number", header: t(ctx, "register.procedures-gjb.column.number"), kind: "id" },
      { key: "version", header: t(ctx, "register.procedures-gjb.column.version"), kind: "code" },
      ...(classified ? [{ key: "classification", header: t(ctx, "register.procedures-gjb.column.classification"), kind: "code" as const }] : []),
      ...(signatures?.columns ?? []),
      { key: "issued", header: t(ctx, "register.procedures-gjb.column.issued"), date: true },
      { key: "department", header: t(ctx, "register.procedures-gjb.column.department"), kind: "name" },
      { key: "clauses", header: t(ctx, "register.procedures-gjb.column.clauses"), kind: "list" },
      { key: "level3", header: t(ctx, "register.procedures-gjb.column.level3") },
      { key: "level4", header: t(ctx, "register.procedures-gjb.column.level4") },
      { key: "remarks", header: t(ctx, "register.procedures-gjb.column.remarks"), remarks: true },
    ],
    rows: docs.map((doc, i) => {
      const row = listed(doc);
      return {
        no: i + 1,
        title: documentTitle(ctx, doc),
        number: doc.id,
        version: row.version,
        ...(classified ? { classification: classificationName(ctx.lang, documentClassification(ctx.repo, doc)) } : {}),
        ...signatures?.cells(row),
        issued: row.issued,
        department: departmentName(ctx, doc.department),
        clauses: clauseList(ctx, doc.clauses),
        level3: uses(doc, 3),
        level4: uses(doc, 4),
        remarks: remarksWithoutShownUses(remarks(doc, row), shown(doc)),
      };
    }),
  };
}
