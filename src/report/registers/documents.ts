/**
 * The controlled document list (受控文件清单): every document in force (released) of every level
 * with the fields `csr import --as documents` reads back, so that a workbook round-trips. A draft
 * (or one in review) is not a controlled document: the register leaves it out and says how many it
 * left out, as the procedure lists and the form register do (controlledDocuments); `status` lists those instead (a status,
 * `unreleased` for drafts and documents in review, the export's sheet of them, or `all` for every
 * live document). Such a list is not the controlled document list: its own id (documentListId),
 * so that it is not printed on that register's form (registers.forms.documents) nor written under
 * its file name (auditor16 F3). Dated
 * `today`, it lists the documents as their records show them that day (documentsOn): the version in
 * force then, with its dates and signatures, a document withdrawn later as in force. With a `filter`
 * (csr list documents --department / --holder), the documents of which that department or person
 * holds a controlled copy in use (what an auditor of the department expects to find there), with
 * the numbers of those copies; the title and a note say the list is filtered.
 */
import { worksToGjb9001C } from "../../model/citations.js";
import { classificationName, documentClassification } from "../../model/classification.js";
import { copiesDue, copiesInUse, electronicInUse } from "../../model/distribution.js";
import { electronicLabel } from "../../model/labels.js";
import { currentRevision, documentLayout, issuedOn, layoutSignatures, revisionInForce } from "../../model/index.js";
import { pendingReviewConclusion } from "../../model/periodic-review.js";
import { releasedPendingUntil } from "../../model/revision.js";
import type { ControlledDocument, Revision, SignatureRole } from "../../model/types.js";
import type { Table } from "../table.js";
import {
  compareIds,
  documentAsOfNotes,
  clauseList,
  departmentName,
  documentTitle,
  documentStatus,
  documentVersion,
  liveDocuments,
  ownDocuments,
  personName,
  revisingOn,
  revisionListed,
  submitter,
  withSubmitter,
  statusLabel,
  t,
  unreleasedHints,
  unreleasedNotes,
  withHints,
  type RegisterContext,
} from "./context.js";
import { copyFilterKeeps, electronicFilterKeeps, filterNotes, type CopyFilter } from "./distribution.js";

export type DocumentListStatus = Exclude<ControlledDocument["status"], "obsolete"> | "unreleased" | "all";
/** The statuses `csr list documents --status` takes. */
export const DOCUMENT_LIST_STATUSES: readonly DocumentListStatus[] = ["released", "draft", "in-review", "all"];

/** The table id of the document list of `status`: "documents" for the controlled document list, "documents-draft" … for the others. */
export function documentListId(status: DocumentListStatus): string {
  return status === "released" ? "documents" : `documents-${status}`;
}

/**
 * `options.signatures`: each signature with its date (signatureCells); by default in a repository that works to GJB
 * 9001C (signedWithDates), else names only.
 */
export function documentList(ctx: RegisterContext, options: { status?: DocumentListStatus; today: string; filter?: CopyFilter; signatures?: boolean }): Table {
  const { status = "released", today, filter } = options;
  const dated = signedWithDates(ctx, options.signatures);
  const live = liveDocuments(ctx, today, () => true).sort((a, b) => a.level - b.level);
  const filtered = filter && filterNotes(ctx, filter, "documents");
  // What a department holds of each: its copies in use by number (受控号), and the version in force issued to it electronically (on OA).
  // Copies of a replaced version still at the department, due back, keep the document on its list, marked 待收回, until they are
  // recalled: they are still at the point of use, and the auditor of the department finds them there (IATF 16949 7.5.3.2.1; tester75 P5).
  const held = new Map(
    live.map((d) => {
      if (!filtered) return [d, []];
      const due = new Set(copiesDue(d, today));
      const copies = (d.distribution ?? []).filter((c) => (due.has(c) || copiesInUse(d, today).includes(c)) && copyFilterKeeps(filter!, c));
      return [d, [...copies.map((c) => (due.has(c) ? t(ctx, "register.documents.copy-due", { copy: c.copy, version: c.version }) : String(c.copy))), ...electronicInUse(d, today).filter((e) => electronicFilterKeeps(filter!, e)).map((e) => electronicLabel(e.system, ctx.lang))]];
    }),
  );
  // A released document's revision submitted by `today` (修订中, csr submit) is in review as a new document is (tester49 #14):
  // the list of documents in review and the 在编文件 list (unreleased: csr export's sheet, csr site's register) hold it as a
  // row, the version in force beside it and a status that says whose revision it is, which `csr import --sheet 在编文件`
  // recognises (import/plan.ts revisionInReview): a revision of a document it has, not a new document.
  const inRevision = (d: ControlledDocument) => revisingOn(d, today) !== undefined;
  const revisions = !filtered && (status === "in-review" || status === "unreleased");
  const docs = filtered
    ? live.filter((d) => held.get(d)!.length > 0)
    : status === "all"
      ? live
      : status === "unreleased"
        ? live.filter((d) => d.status !== "released" || inRevision(d))
        : status === "in-review"
          ? live.filter((d) => d.status === "in-review" || inRevision(d))
          : live.filter((d) => d.status === status);
  const revised = revisions ? docs.filter((d) => d.status === "released").map((d) => d.id) : [];
  const notInForce = live.filter((d) => d.status !== "released").length;
  const pending = docs.filter((d) => releasedPendingUntil(d, today) !== undefined).length;
  const classified = marksClassification(ctx);
  const signed = layoutSignatureColumns(ctx);
  const notes = [
    ...(filtered ? [filtered.note] : []),
    ...(!filtered && status === "released" ? unreleasedNotes(ctx, notInForce) : []),
    ...(status === "unreleased" ? [t(ctx, "register.documents.unreleased-note")] : []),
    ...(revised.length > 0 ? [t(ctx, "register.documents.revisions-note", { count: revised.length, ids: revised.join(t(ctx, "common.list-separator")) })] : []),
    ...(pending > 0 ? [t(ctx, "register.documents.note-pending", { count: pending })] : []),
    ...documentAsOfNotes(ctx, today, ownDocuments(ctx)),
  ];
  return {
    id: documentListId(status),
    title: filtered
      ? t(ctx, "register.documents.title-filtered", { filter: filtered.title, count: docs.length })
      : status === "released"
        ? t(ctx, "register.documents.title", { count: docs.length })
        : status === "all"
          ? t(ctx, "register.documents.title-all", { count: docs.length })
          : status === "unreleased"
            ? t(ctx, "register.documents.title-unreleased", { count: docs.length })
            : t(ctx, "register.documents.title-status", { status: statusLabel(ctx, status), count: docs.length }),
    ...(filtered ? { filtered: filtered.filtered } : {}),
    ...(notes.length > 0 ? { notes } : {}),
    ...(!filtered && status === "released" ? withHints(unreleasedHints(ctx, notInForce)) : {}),
    // The sheet is named as the title: a workbook of every status is not the 受控文件清单 (GJB month report #19).
    sheet: t(ctx, status === "released" ? "register.documents.sheet" : status === "unreleased" ? "register.documents.sheet-unreleased" : "register.documents.sheet-all"),
    columns: [
      { key: "no", header: t(ctx, "register.documents.column.no"), kind: "number" },
      { key: "level", header: t(ctx, "register.documents.column.level"), kind: "code" },
      { key: "number", header: t(ctx, "register.documents.column.number"), kind: "id" },
      { key: "title", header: t(ctx, "register.documents.column.title") },
      { key: "department", header: t(ctx, "register.documents.column.department"), kind: "name" },
      { key: "version", header: t(ctx, "register.documents.column.version"), kind: "code", abbreviated: t(ctx, "register.documents.column-abbreviated.version") },
      // 密级, where any document listed is marked (a GJB layout's default or its own): a register without markings keeps its columns.
      ...(classified ? [{ key: "classification", header: t(ctx, "register.documents.column.classification"), kind: "code" as const, abbreviated: t(ctx, "register.documents.column-abbreviated.classification"), breaksWhenDense: true }] : []),
      // Filtered by holder: the copies to find there, by number (受控号).
      ...(filtered ? [{ key: "copies", header: t(ctx, "register.documents.column.copies"), kind: "code" as const }] : []),
      ...signatureColumns(ctx, signed),
      { key: "issued", header: t(ctx, "register.documents.column.issued"), date: true },
      // The day the current version takes effect, which may follow its issue (a Chinese register has both dates).
      { key: "effective", header: t(ctx, "register.documents.column.effective"), date: true },
      // A form's record retention (IATF 16949 7.5.3.2.1), so that the list round-trips a form whole;
      // free text ("产品寿命期+1年（北辰产品：停产后15年）") that wraps.
      { key: "retention", header: t(ctx, "register.documents.column.retention") },
      { key: "clauses", header: t(ctx, "register.documents.column.clauses"), kind: "list" },
      { key: "status", header: t(ctx, "register.documents.column.status"), kind: "code" },
      { key: "remarks", header: t(ctx, "register.documents.column.remarks"), remarks: true },
    ],
    // Clause lists run to hundreds of characters (a manual names every clause): a screen shows the rest.
    terminal: ["no", "level", "number", "title", "department", "version", ...(classified ? ["classification"] : []), ...(filtered ? ["copies"] : []), "prepared", "reviewed", ...signed, "approved", "issued", "status", "remarks"],
    rows: docs.map((doc, i) => {
      // A revision in review is not signed nor issued yet: its row names the version in force, not that version's signers and dates.
      const inRevision = revisions && doc.status === "released";
      // Otherwise, while a later version is 待实施, the one in force with its signatures and dates; the status names the later one (breaker62 P8).
      const listed = revisionListed(ctx, doc, today);
      const revision = inRevision ? undefined : listed.revision;
      return {
        no: i + 1,
        level: t(ctx, `register.level.${doc.level}`),
        number: doc.id,
        title: documentTitle(ctx, doc),
        department: departmentName(ctx, doc.department),
        version: inRevision ? documentVersion(doc) : listed.version,
        ...(classified ? { classification: classificationName(ctx.lang, documentClassification(ctx.repo, doc)) } : {}),
        ...(filtered ? { copies: held.get(doc)!.join(t(ctx, "common.list-separator")) } : {}),
        ...signatureCells(ctx, revision, signed, dated),
        issued: inRevision ? null : listed.issued,
        effective: inRevision ? null : listed.effective,
        retention: doc.record?.retention ?? "",
        clauses: clauseList(ctx, doc.clauses),
        status: inRevision ? revisionInReviewStatus(ctx, doc, today) : documentStatus(ctx, doc, today),
        remarks: documentRemarks(ctx, doc),
      };
    }),
  };
}

/**
 * The status of a released document's revision in review in the lists of documents in review:
 * 审批中（A/3 的修订稿，2027-03-31 送审；现行版本 A/3 仍有效）, or, its current version 待实施, the one
 * in force until then: …；现行版本 A/2 仍有效，A/3 于 2027-04-01 实施） (tester56 D9); with its submitter
 * when `csr submit --by` recorded one: …，2027-03-31 由张伟送审；… (tester57 E19). Each read back
 * by `csr import` (import/plan.ts revisionInReview).
 */
function revisionInReviewStatus(ctx: RegisterContext, doc: ControlledDocument, today: string): string {
  const version = documentVersion(doc);
  const since = revisingOn(doc, today)!;
  const date = releasedPendingUntil(doc, today);
  const inForce = date && revisionInForce(doc, today)?.version;
  const by = submitter(ctx, doc);
  return inForce
    ? t(ctx, withSubmitter(ctx, doc, "register.status.revision-in-review-pending"), { version, since, inForce, date, by })
    : t(ctx, withSubmitter(ctx, doc, "register.status.revision-in-review"), { version, since, by });
}

/**
 * Where the drafts and documents in review of a register dated a past day come from (csr site and
 * csr export `--today D`). A document's status is not dated in its YAML: a draft of D released
 * later is a released document today, and documentsOn takes it for one not yet controlled on D. So
 * they are taken from the repository as committed at the end of D (`ctx` of that commit, its short
 * id and day); `unknown` when there is no such commit (no git, or none by D).
 */
export type DraftsOn = { ctx: RegisterContext; commit: string; date: string } | { unknown: true };

/**
 * The list of the drafts and documents in review of `today` (documentList `unreleased`), or
 * undefined when there are none. Dated a past day (`on`, DraftsOn): those of the commit of that day,
 * with a line saying where they come from; without a commit by then, the drafts of the files, and a
 * line naming the documents first released after `today`, which may have been drafts that day or
 * not yet written: the list does not leave them out without saying so (tester48 #11).
 */
export function unreleasedList(ctx: RegisterContext, today: string, on?: DraftsOn): Table | undefined {
  if (on && "ctx" in on) {
    const table = documentList(on.ctx, { status: "unreleased", today });
    const source = t(ctx, "register.documents.unreleased-committed", { commit: on.commit, date: on.date, today });
    return table.rows.length > 0 ? { ...table, notes: [source, ...(table.notes ?? [])] } : undefined;
  }
  const table = documentList(ctx, { status: "unreleased", today });
  const later = on ? ownDocuments(ctx).filter((d) => d.status !== "draft" && d.status !== "in-review" && (d.revisions ?? []).length > 0 && issuedOn(d.revisions![0]!) > today) : [];
  if (later.length === 0) return table.rows.length > 0 ? table : undefined;
  const ids = later.map((d) => d.id).sort(compareIds);
  const unknown = t(ctx, "register.documents.unreleased-unknown", { today, count: ids.length, ids: ids.join(t(ctx, "common.list-separator")) });
  return { ...table, notes: [...(table.notes ?? []), unknown] };
}

/** The GJB signatures a register of documents may carry besides 编制, 审核 and 批准, in the order a layout prints them. */
const LAYOUT_SIGNATURES: readonly SignatureRole[] = ["countersigned", "standardization", "military_representative"];

/**
 * The signatures of LAYOUT_SIGNATURES that the layout (qms.yaml document_layouts) of any of the
 * repository's own documents prints, each a column of the controlled document list: a GJB layout
 * makes 会签, 标准化审查 and 军代表 as mandatory as 编制, 审核 and 批准, and the 军代表 checks on the
 * list which documents he signed (auditor16 F12). Judged on all the repository's documents, as the
 * 密级 column is (marksClassification), so that a filtered list has the columns of the whole one; a
 * document whose layout does not print one leaves its cell empty. The procedure lists (procedures.ts) print the same
 * columns (tester79 G10).
 */
export function layoutSignatureColumns(ctx: RegisterContext): SignatureRole[] {
  const printed = new Set(ownDocuments(ctx).flatMap((d) => {
    const current = currentRevision(d);
    const issued = current && issuedOn(current);
    // The default layout prints the 会签 of a revision countersigned (render/view.ts signatureCells).
    const countersigned = documentLayout(ctx.repo, d, issued) === undefined && (current?.countersigned?.length ?? 0) > 0 ? ["countersigned" as const] : [];
    return [...layoutSignatures(ctx.repo, d, issued), ...countersigned];
  }));
  return LAYOUT_SIGNATURES.filter((role) => printed.has(role));
}

/**
 * Whether the registers of documents print each signature with its date ("陈宏伟 2026-02-22"): as `asked`
 * (`csr list documents|procedures --with-signatures`), by default in a repository that works to GJB 9001C, whose
 * 受控文件清单 and 程序文件一览表 show who signed the version in force and when (GJB 9001C 7.5.2, 7.5.3; tester79 G10).
 */
export function signedWithDates(ctx: RegisterContext, asked: boolean | undefined): boolean {
  return asked ?? worksToGjb9001C(ctx.repo.config?.value);
}

/** The signature roles a register of documents prints, in the revision record's order: 编制, 审核, then `signed` (layoutSignatureColumns) around 批准. */
function printedRoles(signed: readonly SignatureRole[]): SignatureRole[] {
  return ["prepared", "reviewed", ...signed.filter((r) => r !== "military_representative"), "approved", ...signed.filter((r) => r === "military_representative")];
}

/**
 * The signature columns of a register of documents: 编制 and 审核, 会签 and 标准化审查 of `signed` before 批准, 军代表
 * after it, each of signers (Column.signers: a print gives their names, as narrow as one); 会签, of several, a list
 * that breaks between them.
 */
export function signatureColumns(ctx: RegisterContext, signed: readonly SignatureRole[]): Table["columns"] {
  return printedRoles(signed).map((role) => ({
    key: role,
    header: t(ctx, `register.documents.column.${role === "military_representative" ? "military-representative" : role}`),
    // The English names of 会签, 标准化审查 and 军代表 are the widest words of a dense print's headings (TableView.dense).
    ...(role === "countersigned" || role === "standardization" || role === "military_representative" ? { abbreviated: t(ctx, `register.documents.column-abbreviated.${role === "military_representative" ? "military-representative" : role}`) } : {}),
    kind: role === "countersigned" ? ("list" as const) : ("name" as const),
    signers: true,
  }));
}

/**
 * The cells of signatureColumns for the revision in force (none: empty cells): who signed as each role, several for
 * 会签 joined by the list separator; `dated`, each name followed by the day signed where recorded
 * ("何军 2018-02-27、唐磊 2018-02-27"), as csr sign records it and the revision record prints it (render/view.ts signerParts).
 */
export function signatureCells(ctx: RegisterContext, revision: Revision | undefined, signed: readonly SignatureRole[], dated: boolean): Record<string, string> {
  const cell = (role: SignatureRole) => {
    const value = revision?.[role];
    const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
    return list.map((s) => (dated && s.date !== undefined ? `${personName(ctx, s.by)} ${s.date}` : personName(ctx, s.by))).join(t(ctx, "common.list-separator"));
  };
  return Object.fromEntries(printedRoles(signed).map((role) => [role, cell(role)]));
}

/**
 * The document's own remarks, then an open periodic-review conclusion (doc/revision-pending): a
 * document found to need revising or withdrawing is listed as such until it is (IATF 16949 7.5.3,
 * GJB 9001C 7.5.2/7.5.3), in the document list and in the procedure lists (procedures.ts).
 */
/**
 * Whether the registers of documents have a 密级 column: when any of the repository's own documents
 * is marked (its own 密级 or its layout's), not only one listed, so that a filtered or empty list
 * (--holder, --department, --status) has the columns of the whole register.
 */
export function marksClassification(ctx: RegisterContext): boolean {
  return ownDocuments(ctx).some((d) => documentClassification(ctx.repo, d) !== "");
}

export function documentRemarks(ctx: RegisterContext, doc: ControlledDocument): string {
  const pending = pendingReviewConclusion(doc);
  const note = pending && t(ctx, pending.review.result === "withdraw" ? "register.documents.remarks.withdrawal-pending" : "register.documents.remarks.revision-pending", { date: pending.review.date });
  return [doc.remarks, note].filter(Boolean).join(t(ctx, "register.remarks-separator"));
}
