/**
 * Controlled documents and CSR review reports as Word files (.docx), from the same views the HTML
 * and PDF outputs use. A document:
 * the 受控/草稿/作废 stamp, the header block, the confidentiality notice, the revision record
 * (修订记录), the numbered sections, 相关文件 / 相关记录, record keeping and remarks; on every
 * page a running header and a footer "第 x 页 共 y 页" made of Word's PAGE and NUMPAGES fields, so
 * Word and LibreOffice count the pages themselves. A4 portrait, or landscape as the PDF prints the document (view.ts
 * printOrientation: print.orientation, else a body table of more than eight columns), the body's tables and a form's
 * blank sheet and record keeping filling its wider text; the header block, revision record and running header keep
 * the portrait width.
 *
 * Fonts, as a Chinese Word document sets them and as the PDF prints: SimSun (宋体) for Chinese
 * (w:eastAsia), which Word on Chinese Windows has and for which LibreOffice on Linux substitutes a
 * CJK font it has (Noto CJK SC, WenQuanYi); Times New Roman for Latin text and digits (w:ascii,
 * w:hAnsi), the serif face the PDF prints them in (Liberation Serif, its metric twin, on Linux).
 * Language: zh-CN, or en-US for Latin text of an English file (--lang en) with zh-CN kept for its
 * Chinese characters, so that Word and LibreOffice break English lines between words and not
 * inside them. A repository's reference .docx replaces the styles (Normal, Title, Heading 1-3):
 * see docs/templates.md.
 */
import { join } from "node:path";
import type { Paragraph, Table } from "docx";
import { UserError } from "../core/errors.js";
import { groupedNumber } from "../core/text.js";
import { readZip } from "../load/zip.js";
import { repositoryFile, type Labels } from "./environment.js";
import { BULLET_LIST, LANDSCAPE_TEXT_WIDTH, markdownToDocx, ORDERED_LIST, table, TEXT_WIDTH, type BodyContext } from "./docx-body.js";
import type { RevisionColumn } from "../model/types.js";
import type { CsrReportView, DocumentView, Header, Lang, ReferenceView } from "./view.js";
import { pageBand, type SheetView } from "./view.js";

type Docx = typeof import("docx");
type Run = InstanceType<Docx["TextRun"]>;

/** A4 in twips (1/20 pt), and margins of 15 mm top and right, 18 mm bottom, 20 mm left as in the HTML layout. */
const PAGE = { width: 11906, height: 16838, top: 850, right: 850, bottom: 1020, left: 1134 };
/** The Chinese font (w:eastAsia) and the Latin one (w:ascii, w:hAnsi, w:cs): see the module's comment. */
const CJK_FONT = "SimSun";
const LATIN_FONT = "Times New Roman";
const STAMP_COLOR: Record<Exclude<DocumentView["stamp"], "">, string> = { released: "C00000", "released-pending": "C00000", external: "C00000", draft: "666666", obsolete: "C00000", uncontrolled: "1F4E79", "external-uncontrolled": "1F4E79", pending: "8A5A00", superseded: "C00000", "superseded-record": "666666", expired: "C00000" };

export interface DocxOptions {
  labels: Labels;
  /** `word/styles.xml` of the repository's reference .docx, which replaces csr's styles. */
  referenceStyles?: string;
}

export async function documentToDocx(view: DocumentView, options: DocxOptions): Promise<Buffer> {
  const { docx, ctx: portrait, t } = await start(options);
  const { Paragraph, TextRun } = docx;
  // The page the PDF prints it on (tester77 E4): a control plan's ten columns across A4 landscape, in Word as in the PDF.
  const landscape = view.landscape === true;
  const ctx: BodyContext = landscape ? { ...portrait, textWidth: LANDSCAPE_TEXT_WIDTH } : portrait;

  // The 密级 marking and the level label above the organisation, as the HTML and PDF print them.
  const marks = [
    ...(view.classification ? [new Paragraph({ alignment: docx.AlignmentType.RIGHT, children: [new TextRun({ text: classificationText(view, t), bold: true })] })] : []),
    ...(view.levelLabel ? [new Paragraph({ children: [new TextRun({ text: view.levelLabel, size: 18 })] })] : []),
  ];
  // An external document is the publisher's: the publisher's data and our receipt, no header block, signatures or revision record of ours (as external.hbs).
  const children: (Paragraph | Table)[] = view.external
    ? [...titleBlock(docx, { ...view, organisation: `${t("external_controlled_by")}${t("colon")}${view.organisation}` }, view.title, t, marks), externalBlock(docx, view, view.external, t), new Paragraph({ spacing: { before: 80, after: 160 }, children: [new TextRun({ text: t("external_note"), size: 18 })] }), ...(view.external.pending ? [new Paragraph({ spacing: { after: 160 }, children: [new TextRun({ text: view.external.pending, bold: true, size: 18 })] })] : [])]
    : view.blank
      ? [...titleBlock(docx, view, view.title, t, marks), new Paragraph({ alignment: docx.AlignmentType.RIGHT, spacing: { after: 120 }, children: [new TextRun(`${t("form_number")}${t("colon")}${view.number} ${view.version}`)] })]
      : [...titleBlock(docx, view, view.title, t, marks), headerBlock(docx, view, t)];
  // A revision replaced since says so under its stamp (titleBlock's first paragraph), as the HTML and Markdown prints do.
  const notice = (text: string, color: string) => new Paragraph({ spacing: { before: 80, after: 160 }, border: { top: { style: docx.BorderStyle.SINGLE, size: 12, color, space: 4 }, bottom: { style: docx.BorderStyle.SINGLE, size: 12, color, space: 4 } }, children: [new TextRun({ text, bold: true, color })] });
  if (view.superseded) children.splice(1, 0, notice(view.superseded, "C00000"));
  // A version not yet in force says from when, and which version is in force until then, in the same place.
  if (view.pending) children.splice(1, 0, notice(view.pending, "8A5A00"));
  // A print that is no numbered controlled copy (csr render without --copy) says it is for reference only.
  if (view.uncontrolled) children.splice(1, 0, notice(view.uncontrolled, "1F4E79"));
  // A temporary document says until when it is valid; past that day in the 作废 notice's red.
  if (view.temporary) children.splice(1, 0, notice(view.temporary.text, view.temporary.expired ? "C00000" : "8A5A00"));
  // A deviation in force from the document is read and worked to with it, after the notices above.
  const notices = 1 + [view.superseded, view.pending, view.uncontrolled, view.temporary].filter(Boolean).length;
  children.splice(notices, 0, ...(view.deviations ?? []).map((text) => notice(text, "8A5A00")));
  const right = `${t("document_number")}${t("colon")}${view.number}${view.version ? ` · ${t("version")}${t("colon")}${view.version}` : ""}`;
  const left = view.classification ? `${view.organisation} · ${classificationText(view, t)}` : view.organisation;
  const band = pageBand(view, t);
  const file = () => wordFile(docx, options, { title: `${view.number} ${view.title}`, organisation: view.organisation, lang: view.lang, header: [left, view.title, right], landscape, ...(band ? { band } : {}) }, children, t);
  // A form with a sheet prints its blank sheet alone, as form.hbs does (tester75 P9): the sheet, then 保存期限 at its foot.
  if (view.blank && view.sheet) {
    for (const section of view.sections) {
      children.push(heading(docx, section.depth, `${section.number} ${section.title}`));
      if (section.body) children.push(...markdownToDocx(ctx, section.body));
    }
    children.push(...sheetBlock(docx, view.sheet, t, ctx.textWidth), ...symbolLegend(docx, view, t));
    const foot = [view.record?.retention ? `${t("retention")}${t("colon")}${view.record.retention}` : "", view.record?.location ? `${t("location")}${t("colon")}${view.record.location}` : ""].filter(Boolean).join("　");
    if (foot) children.push(new Paragraph({ spacing: { before: 160 }, children: [new TextRun({ text: foot, size: 18 })] }));
    return file();
  }
  if (view.confidentiality) children.push(new Paragraph({ spacing: { before: 80, after: 160 }, children: [new TextRun({ text: view.confidentiality, size: 18 })] }));
  if (!view.external) children.push(caption(docx, t("revisions")), revisionTable(docx, view, t));
  if (view.obsolete) {
    const o = view.obsolete;
    const text = `${t("obsolete_notice")} · ${t("obsolete_date")}${t("colon")}${o.date} · ${t("obsolete_reason")}${t("colon")}${o.reason}${o.approval ? ` · ${o.approval}` : ""}${o.supersededBy ? ` · ${t("superseded_by")}${t("colon")}${o.supersededBy}` : ""}${o.temporary ? ` · ${t("temporary_period")}${t("colon")}${o.temporary}` : ""}${o.deviatesFrom ? ` · ${t("deviates_from")}${t("colon")}${o.deviatesFrom}` : ""}`;
    children.push(new Paragraph({ spacing: { before: 160 }, children: [new TextRun({ text, bold: true, color: "C00000" })] }));
  }
  // A form without items prints no sheet: a controlled copy carries no note to its author (doc/form-no-fields tells the author).
  if (view.kind === "form" && view.sections.length > 0) children.push(caption(docx, `${t("form_sheet")}${t("colon")}${view.title}`));
  for (const section of view.sections) {
    children.push(heading(docx, section.depth, `${section.number} ${section.title}`));
    if (section.body) children.push(...markdownToDocx(ctx, section.body));
  }
  if (view.bodyOnPaper) {
    // As templates/html/partials/body-on-paper.hbs: the note, and only the references the register gave, unnumbered.
    children.push(new Paragraph({ spacing: { before: 160, after: 160 }, children: [new TextRun({ text: t("body_on_paper"), bold: true })] }));
    if (view.kind !== "form" && view.related.length > 0) children.push(...references(docx, "", t("related_documents"), view.related, t));
    if (view.kind !== "form" && view.records.length > 0) children.push(...references(docx, "", t("related_records"), view.records, t));
  } else if (!view.external) {
    children.push(...references(docx, view.relatedNumber, t("related_documents"), view.related, t));
    children.push(...references(docx, view.recordsNumber, t("related_records"), view.records, t));
  }
  // In the order of form.hbs: the record keeping, then the legend (on a procedure or instruction after 相关记录).
  if (view.kind !== "form") children.push(...symbolLegend(docx, view, t));
  if (view.record) {
    const r = view.record;
    children.push(
      caption(docx, t("record_keeping")),
      table(docx, [
        {
          header: false,
          cells: [[label(docx, t("retention"))], [plain(docx, r.retention)], [label(docx, t("medium"))], [plain(docx, r.medium ? t(`medium_${r.medium}`) : "")], [label(docx, t("location"))], [plain(docx, r.location)]],
        },
      ], undefined, false, ctx.textWidth),
    );
  }
  if (view.kind === "form") children.push(...symbolLegend(docx, view, t));
  if (view.remarks) children.push(new Paragraph({ spacing: { before: 160 }, children: [new TextRun({ text: `${t("remarks")}${t("colon")}`, bold: true }), new TextRun(view.remarks)] }));
  return file();
}

/** A form's blank sheet (view.ts sheetView) as form.hbs prints it: the fields, the table with its rows to fill in, the notes and the signature fields. */
function sheetBlock(docx: Docx, sheet: SheetView, t: (key: string) => string, textWidth = TEXT_WIDTH): (Paragraph | Table)[] {
  const blocks: (Paragraph | Table)[] = [];
  if (sheet.fieldRows.length > 0) blocks.push(table(docx, sheet.fieldRows.map((row) => ({ header: false, cells: [0, 1, 2].flatMap((i) => (row[i] === undefined ? [[], []] : [[label(docx, row[i]!)], []])) })), undefined, false, textWidth));
  blocks.push(new docx.Paragraph({ spacing: { after: 60 }, children: [] }));
  // A column with a printed width (mm) keeps it; the others share what is left of the text width.
  const twips = (mm: number) => Math.round((mm / 25.4) * 1440);
  const fixed = sheet.columns.reduce((sum, c) => sum + twips(c.mm), 0);
  const free = sheet.columns.filter((c) => c.mm === 0).length;
  const widths = sheet.columns.map((c) => (c.mm > 0 ? twips(c.mm) : Math.max(400, Math.floor((textWidth - fixed) / Math.max(1, free)))));
  blocks.push(
    table(docx, [{ header: true, cells: sheet.columns.map((c) => [label(docx, c.label)]) }, ...sheet.rows.map((row) => ({ header: false, cells: row.map((cell) => [plain(docx, cell)]) }))], widths, false, textWidth),
  );
  if (sheet.notes) blocks.push(new docx.Paragraph({ spacing: { before: 60 }, children: [new docx.TextRun({ text: sheet.notes, size: 18 })] }));
  if (sheet.signatures.length > 0) {
    blocks.push(new docx.Paragraph({ spacing: { after: 60 }, children: [] }));
    blocks.push(table(docx, [{ header: false, cells: sheet.signatures.flatMap((s) => [[label(docx, s)], [], [label(docx, t("sheet_date"))], []]) }], undefined, false, textWidth));
  }
  return blocks;
}

/** 密级：内部 */
function classificationText(view: Pick<DocumentView, "classification">, t: (key: string) => string): string {
  return `${t("classification")}${t("colon")}${view.classification}`;
}

/**
 * A CSR review report as a Word file, laid out as the HTML report: stamp, organisation and title,
 * the requirement's header table, the requirement, the departments' opinions (会签), the decision
 * and the new source revisions confirmed unchanged, where it is addressed, implemented (with the
 * records replaced by --amend), distributed and trained, the earlier review rounds and the
 * signature block; the report's form number and the review's timeliness (due, decided, working
 * days used) in the header table; the same running header and page footer as a document.
 */
export async function csrReportToDocx(view: CsrReportView, options: DocxOptions): Promise<Buffer> {
  const { docx, ctx, t } = await start(options);
  const { Paragraph } = docx;
  const title = t("csr_report_title");
  const text = (value: string) => [plain(docx, value)];
  const empty = (key: string) => [new docx.TextRun({ text: t(key), color: "666666" })];
  // Label columns as narrow as their labels (English ones are longer), the values share the rest.
  const labelWidth = view.lang === "en" ? 2100 : 1500;
  const half = Math.floor((TEXT_WIDTH - 2 * labelWidth) / 2);
  const pairs = (cells: [string, Run[]][], widths = [labelWidth, half, labelWidth, TEXT_WIDTH - 2 * labelWidth - half]) =>
    table(
      docx,
      [{ header: false, cells: cells.flatMap(([key, runs]) => [[label(docx, t(key))], runs]) }],
      widths.slice(0, cells.length * 2),
    );
  const form = view.form ? `${t("csr_form")}${t("colon")}${view.form.number}${view.form.version ? ` ${t("csr_form_version")}${t("colon")}${view.form.version}` : ""}` : "";
  // The review's timeliness (IATF 16949 7.5.3.2.2: reviewed within the customer's time): as the HTML report's header table.
  const decided = `${view.decidedOn}${view.confirmedBy ? ` ${view.confirmedBy}${t("csr_confirmed_suffix")}` : ""}`;
  // An earlier round's late reason, under its decision or confirmation, as the HTML report prints it.
  const lateReasonLine = (reason: string) => (reason ? `${t("csr_late_reason")}${t("colon")}${reason}` : "");
  const children: (Paragraph | Table)[] = [
    ...titleBlock(docx, view, title, t, view.classification ? [new Paragraph({ alignment: docx.AlignmentType.RIGHT, children: [new docx.TextRun({ text: classificationText(view, t), bold: true })] })] : []),
    ...(form ? [new Paragraph({ alignment: docx.AlignmentType.RIGHT, children: [plain(docx, form)] })] : []),
    ...(view.form?.reprint ? [new Paragraph({ alignment: docx.AlignmentType.RIGHT, children: [plain(docx, view.form.reprint)] })] : []),
    ...(view.asOf ? [new Paragraph({ alignment: docx.AlignmentType.RIGHT, children: [plain(docx, view.asOf)] })] : []),
    ...(
      [
        [["csr_id", text(view.number)], ["csr_customer", text(view.customer)]],
        [["csr_source", text(view.source)], ["csr_source_revision", text(view.sourceRevision)]],
        ...(view.sourceChange ? [[["csr_source_change", text(view.sourceChange)]]] : []),
        [["csr_section", text(view.section)], ["csr_clauses", text(view.clauses)]],
        [["csr_category", text(view.category)], ["csr_received", text(view.received)]],
        ...(view.restarted ? [[[view.confirmedBy ? "csr_review_start_confirmed" : "csr_review_start_restarted", text(view.reviewStart)]]] : []),
        [["csr_review_due", text(`${view.due}${view.estimated ? "*" : ""}`)], ["csr_decided_date", text(decided)]],
        [["csr_workdays_used", text(view.timeliness === "superseded" ? "" : `${view.workdaysUsed} ${t("csr_workdays_unit")}`)], ["csr_timeliness", text(view.pastDue || t(`timeliness_${view.timeliness}`))]],
        // Decided late without a reason: the report says none is recorded, as the HTML one does.
        ...(view.lateReason || view.timeliness === "late" ? [[["csr_late_reason", text(view.lateReason || t("csr_late_reason_unrecorded"))]]] : []),
        [["csr_status", text(t(`status_${view.status}`) + (view.supersession ? t("colon") + view.supersession : ""))]],
      ] as [string, Run[]][][]
    ).map((row) => pairs(row, row.length === 1 ? [labelWidth, TEXT_WIDTH - labelWidth] : undefined)),
  ];
  if (view.estimated) children.push(new Paragraph({ spacing: { before: 60 }, children: [new docx.TextRun({ text: `* ${t("csr_estimated")}`, size: 18 })] }));
  children.push(heading(docx, 1, `1 ${t("csr_requirement")}${t("colon")}${view.requirementTitle}`));
  if (view.body) children.push(...markdownToDocx(ctx, view.body));
  // Typing errors corrected after the decision: the opinions below were given on the text as it read before (tester56 D11).
  if (view.amendments.length > 0) {
    children.push(
      caption(docx, `${t("csr_amendments")}${view.amendedAfterReview ? t("csr_amendments_note") : ""}`),
      headedTable(
        docx,
        ["csr_amendment_date", "csr_amendment_field", "csr_amendment_was", "csr_amendment_reason", "csr_amendment_by"].map(t),
        view.amendments.map((a) => [a.date, a.field, a.was, a.reason, a.by]),
        [1500, 1300, TEXT_WIDTH - 5800, 3000],
      ),
    );
  }
  children.push(
    heading(docx, 1, `2 ${t("csr_opinions")}`),
    ...(view.required ? [new Paragraph({ children: [plain(docx, `${t("csr_required")}${t("colon")}${view.required}`)] })] : []),
    table(
      docx,
      [
        { header: true, cells: ["csr_opinion_department", "csr_opinion_reviewer", "csr_opinion", "csr_opinion_date", "csr_opinion_comment"].map((k) => [label(docx, t(k))]) },
        ...(view.opinions.length
          ? view.opinions.map((o) => ({
              header: false,
              cells: [text(o.department), text(o.reviewer), o.opinion ? text(t(`opinion_${o.opinion}`)) : empty("csr_opinion_missing"), text(o.date), text(o.comment)],
            }))
          : view.record
            ? []
            : [{ header: false, cells: [empty("none")] }]),
        ...(view.record ? [{ header: false, wide: true, cells: [text(`${t("csr_review_record")}${t("colon")}${view.record}`)] }] : []),
      ],
      // A date (2026-11-23) needs 1500 twips to stay on one line in 五号 with the cell margins.
      [1600, 1400, 2000, 1500, TEXT_WIDTH - 6500],
    ),
    heading(docx, 1, `3 ${t("csr_decision")}`),
  );
  const decision = view.decision;
  if (decision) {
    children.push(
      pairs([
        ["csr_disposition", text(`${t(`disposition_${decision.disposition}`)}${decision.forced ? ` (${t("csr_forced")})` : ""}`)],
        ["csr_decided_by", text(decision.by)],
      ]),
      pairs([["csr_decided_on", text(decision.date)]], [labelWidth, TEXT_WIDTH - labelWidth]),
    );
    // A decision over a department's 不同意 says how the objection was resolved, or that it does not.
    if (decision.overruled) children.push(pairs([["csr_overruled", text(`${decision.overruled}${t("csr_overruled_suffix")}${t("colon")}${decision.justification || t("csr_overruled_missing")}`)]], [labelWidth, TEXT_WIDTH - labelWidth]));
    else if (decision.justification) children.push(pairs([["csr_justification", text(decision.justification)]], [labelWidth, TEXT_WIDTH - labelWidth]));
    if (decision.alternative) children.push(pairs([["csr_alternative", text(decision.alternative)]], [labelWidth, TEXT_WIDTH - labelWidth]));
  } else {
    children.push(new Paragraph({ children: empty("csr_no_decision") }));
  }
  // New source revisions confirmed unchanged (csr source update --unchanged): the decision stands on them.
  if (view.confirmations.length > 0) {
    children.push(
      caption(docx, t("csr_confirmations")),
      headedTable(
        docx,
        ["csr_source_revision", "csr_confirmed_by", "csr_confirmed_on", "csr_opinion_comment"].map(t),
        view.confirmations.map((c) => [c.sourceRevision, c.by, c.date, [c.comment, lateReasonLine(c.lateReason)].filter(Boolean).join("\n")]),
        [1700, 1900, 1500, TEXT_WIDTH - 5100],
      ),
    );
  }
  const addressed: Run[] = view.addressed.length
    ? view.addressed.flatMap((a, i) => [
        new docx.TextRun({
          text: `${a.id} ${a.title}${a.version ? `${t("paren_open")}${a.version}${t("paren_close")}` : ""}${a.mark ? ` ${a.mark}` : ""}${a.section ? ` ${t("csr_section")} ${a.section}` : ""}`,
          break: i > 0 ? 1 : undefined,
        }),
      ])
    : empty("none");
  const whole = (key: string, runs: Run[]) => pairs([[key, runs]], [labelWidth, TEXT_WIDTH - labelWidth]);
  children.push(heading(docx, 1, `4 ${t("csr_actions")}`), whole("csr_addressed", addressed));
  const impl = view.implementation;
  if (impl) {
    children.push(
      pairs([["csr_owner", text(impl.owner)], ["csr_due", text(impl.customerDate ? `${impl.due}${impl.due ? " · " : ""}${t("csr_customer_date")}${t("colon")}${impl.customerDate}` : impl.due)]]),
      pairs([["csr_implementation_status", text(impl.status ? t(`implementation_${impl.status}`) : "")], ["csr_implemented", text(impl.implemented)]]),
      whole("csr_evidence", text(impl.evidence)),
    );
  }
  children.push(whole("csr_distribution", text(view.distribution)));
  if (view.flowDown) children.push(whole("csr_flow_down", text(view.flowDown)));
  if (view.training) {
    const records = view.training.records ? `${t("paren_open")}${t("csr_training_record")}${t("colon")}${view.training.records}${t("paren_close")}` : "";
    const counted = view.training.counted ? `${t("paren_open")}${view.training.counted}${t("paren_close")}` : "";
    children.push(whole("csr_training", text(`${t(`csr_training_${view.training.state}`)}${counted}${records}`)));
    if (view.training.deadline) children.push(whole("csr_training_deadline", text(view.training.deadline)));
  }
  // Dates implemented and verifications replaced with csr implement --amend, as they were recorded.
  if (impl && impl.history.length > 0) {
    children.push(
      caption(docx, t("csr_implementation_history")),
      headedTable(
        docx,
        ["csr_amended_on", "csr_history_reason", "csr_earlier_implemented", "csr_earlier_verified_by", "csr_earlier_verified_on"].map(t),
        impl.history.map((h) => [h.closed, h.reason, h.implemented, h.verifiedBy, h.verifiedOn]),
        [1500, TEXT_WIDTH - 7100, 1900, 1900, 1800],
      ),
    );
  }
  // The sessions recorded with csr train: the evidence of the training (IATF 16949 7.2).
  if (view.training && view.training.sessions.length > 0) {
    children.push(
      caption(docx, t("csr_training_sessions")),
      headedTable(
        docx,
        ["csr_training_date", "csr_source_revision", "csr_training_people", "csr_training_trainer", "csr_training_record"].map(t),
        view.training.sessions.map((s) => [s.date, s.revision, s.people, s.trainer, s.record]),
        [1500, 1300, TEXT_WIDTH - 6100, 1500, 1800],
      ),
    );
  }
  if (view.history.length > 0) {
    children.push(
      heading(docx, 1, `5 ${t("csr_history")}`),
      headedTable(
        docx,
        ["csr_history_round", "csr_source_revision", "csr_history_timing", "csr_history_opinions", "csr_decision", "csr_history_closing"].map(t),
        view.history.map((round, i) => [
          String(i + 1),
          round.sourceRevision,
          round.start
            ? [`${t(round.startKind === "restarted" ? "csr_review_start_restarted" : "csr_received")} ${round.start}`, `${t("csr_review_due")} ${round.due}`, ...(round.decidedOn ? [`${t("csr_decided_date")} ${round.decidedOn}`] : []), `${t("csr_timeliness")} ${round.timeliness}`].join("\n")
            : "",
          [...(round.required ? [`${t("csr_required")}${t("colon")}${round.required}`] : []), ...round.opinions.map((o) => `${o.department} ${o.reviewer} ${t(`opinion_${o.opinion}`)} ${o.date}`), ...(round.record ? [`${t("csr_review_record")}${t("colon")}${round.record}`] : [])].join("\n"),
          [round.decision ? `${t(`disposition_${round.decision.disposition}`)} ${round.decision.by} ${round.decision.date}` : "", lateReasonLine(round.lateReason)].filter(Boolean).join("\n"),
          round.closing,
        ]),
        [700, 1000, 2000, TEXT_WIDTH - 7200, 1700, 1800],
      ),
    );
  }
  // Who recorded the review, the review team leader and who approved the decision; signed by hand on the print.
  // In a repository with a military representative office, a fourth pair: the 军代表's agreement.
  const military = view.militaryRepresentative;
  const signatureWidths = military ? [1000, 1400, 1200, 1400, 1000, 1400, 1000, TEXT_WIDTH - 8400] : [1500, 1807, 1500, 1807, 1500, TEXT_WIDTH - 8114];
  children.push(
    new Paragraph({ spacing: { before: 240 }, keepNext: true, children: [] }),
    table(
      docx,
      [
        {
          header: false,
          cells: [
            [label(docx, t("csr_sign_recorded"))], text(view.recorder.by), [label(docx, t("csr_sign_leader"))], text(view.leader.by), [label(docx, t("csr_sign_approved"))], text(decision?.by ?? ""),
            ...(military ? [[label(docx, t("csr_sign_military_representative"))], text(military.by)] : []),
          ],
        },
        {
          header: false,
          cells: [
            [label(docx, t("csr_sign_date"))], text(view.recorder.date), [label(docx, t("csr_sign_date"))], text(view.leader.date), [label(docx, t("csr_sign_date"))], text(decision?.date ?? ""),
            ...(military ? [[label(docx, t("csr_sign_date"))], text(military.date)] : []),
          ],
        },
      ],
      signatureWidths,
      true,
    ),
  );
  return wordFile(docx, options, { title: `${view.number} ${title}`, organisation: view.organisation, lang: view.lang, header: [view.classification ? `${view.organisation} · ${classificationText(view, t)}` : view.organisation, title, `${t("csr_id")}${t("colon")}${view.number}`] }, children, t);
}

/**
 * A register (a table of `csr list`) as a Word file: on every page the running header (organisation, the form number
 * or the as-of day or period, the title) and 第 x 页 共 y 页; the title, the table with its header row repeated on each
 * page and its columns as wide as their kind needs (a number narrow, free text and lists the rest), the notes under it,
 * and the signature lines of `registers.signatures`. The management review inputs go into the 管理评审报告, which is a
 * Word document (tester71 Q8). A4 portrait, csr's styles or the repository's reference styles.
 */
export async function registerToDocx(register: RegisterDocx, options: DocxOptions): Promise<Buffer> {
  const { docx, t } = await start(options);
  const { Paragraph, TextRun, AlignmentType } = docx;
  const heading = register.heading;
  const subtitle = [heading?.classification, heading?.form, heading?.asOf].filter((part): part is string => Boolean(part));
  const weights = register.columns.map((c) => (c.kind === "number" ? 1 : c.date ? 2.2 : c.kind === "code" || c.kind === "id" || c.kind === "name" || c.kind === "mark" ? 2.4 : c.kind === "list" || c.kind === "prose" ? 6 : 3.6));
  const total = weights.reduce((sum, w) => sum + w, 0);
  const widths = weights.map((w) => Math.floor((TEXT_WIDTH * w) / total));
  const lines = (text: string) => text.split("\n").map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined }));
  const children: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: heading?.organisation ?? "", bold: true, size: 30 })] }),
    new Paragraph({ heading: docx.HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun(register.title)] }),
    ...(subtitle.length > 0 ? [new Paragraph({ alignment: AlignmentType.RIGHT, children: [plain(docx, subtitle.join(heading!.separator))] })] : []),
    table(docx, [{ header: true, cells: register.columns.map((c) => [label(docx, c.header)]) }, ...register.rows.map((row) => ({ header: false, cells: register.columns.map((c) => lines(docxCell(c, row[c.key]))) }))], widths),
    ...(register.notes ?? []).map((note) => new Paragraph({ spacing: { before: 80 }, children: [new TextRun({ text: note, size: 18 })] })),
  ];
  const signatures = heading?.signatures ?? [];
  if (signatures.length > 0) {
    const width = Math.floor(TEXT_WIDTH / (signatures.length * 2));
    children.push(
      new Paragraph({ spacing: { before: 240 }, keepNext: true, children: [] }),
      table(docx, [{ header: false, cells: signatures.flatMap((s) => [[label(docx, s)], []]) }, { header: false, cells: signatures.flatMap(() => [[label(docx, heading!.date)], []]) }], Array.from({ length: signatures.length * 2 }, () => width), true),
    );
  }
  return wordFile(docx, options, { title: register.title, organisation: heading?.organisation ?? "", lang: register.lang, header: [heading?.organisation ?? "", register.title, heading?.form || heading?.asOf || ""] }, children, t);
}

/** A register's cell as the Word file prints it: a number of a grouped column (Column.grouped) as 35,500. */
function docxCell(column: RegisterDocx["columns"][number], value: RegisterDocx["rows"][number][string]): string {
  return value === null || value === undefined ? "" : column.grouped && typeof value === "number" ? groupedNumber(value) : String(value);
}

/** What registerToDocx prints of a register: report/table.ts's Table, its heading made (withHeading). */
export interface RegisterDocx {
  title: string;
  lang: Lang;
  columns: readonly { key: string; header: string; kind?: string; date?: boolean; grouped?: boolean }[];
  rows: readonly Record<string, string | number | boolean | null | undefined>[];
  notes?: readonly string[];
  heading?: { organisation: string; form: string; asOf: string; classification?: string; signatures: string[]; date: string; separator: string };
}

async function start(options: DocxOptions): Promise<{ docx: Docx; ctx: BodyContext; t: (key: string) => string }> {
  const docx = await import("docx");
  const { default: MarkdownIt } = await import("markdown-it");
  let instances = 0;
  const ctx: BodyContext = { docx, md: new MarkdownIt({ html: false, linkify: false, typographer: false }), nextListInstance: () => ++instances };
  return { docx, ctx, t: (key: string) => options.labels[key] ?? key };
}

/** The stamp, if any (with the controlled-copy number on a handed-out copy), `marks` under it, the organisation and the title. */
function titleBlock(docx: Docx, view: Header, title: string, t: (key: string) => string, marks: Paragraph[] = []): Paragraph[] {
  const { Paragraph, TextRun, AlignmentType, HeadingLevel, BorderStyle } = docx;
  const stamp = (kind: Exclude<Header["stamp"], "">) => {
    const color = STAMP_COLOR[kind];
    // Room above it: its box stands clear of the running header's rule, as in the PDF print.
    return new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: { before: 120, after: 60 },
      children: [
        new TextRun({ text: t(`stamp_${kind}`), bold: true, size: 32, color, border: { style: BorderStyle.SINGLE, size: 12, color, space: 2 } }),
        ...(view.copy ? [new TextRun({ text: `  ${t("copy_number")}${t("colon")}${view.copy}${view.copyHolder ? `  ${t("copy_holder")}${t("colon")}${view.copyHolder}` : ""}${view.copyLocation ? `  ${t("copy_location")}${t("colon")}${view.copyLocation}` : ""}`, bold: true, size: 21, color })] : []),
      ],
    });
  };
  return [
    ...(view.stamp ? [stamp(view.stamp)] : []),
    ...marks,
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: view.organisation, bold: true, size: 30 })] }),
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun(title)] }),
  ];
}

/**
 * The Word file around the content, as a controlled document is printed: A4 portrait (`landscape`: A4 landscape) with the
 * margins of the HTML layout; on every page the running header (organisation, title, number) over
 * a rule and the footer "第 x 页 共 y 页" of PAGE and NUMPAGES fields, under `band` (view.ts pageBand: what
 * the print is, 受控 受控号 3 …, on every page as the PDF's foot gives it); csr's styles or the
 * repository's reference styles.
 */
function wordFile(
  docx: Docx,
  options: DocxOptions,
  meta: { title: string; organisation: string; lang: Lang; header: [string, string, string]; band?: string; landscape?: boolean },
  children: (Paragraph | Table)[],
  t: (key: string) => string,
): Promise<Buffer> {
  const document = new docx.Document({
    title: meta.title,
    creator: meta.organisation || "csr",
    ...(options.referenceStyles ? { externalStyles: options.referenceStyles } : { styles: ownStyles() }),
    numbering: { config: listNumbering(docx) },
    sections: [
      {
        properties: {
          page: {
            // Landscape: docx writes w:pgSz with the width and height swapped and w:orient="landscape".
            size: { width: PAGE.width, height: PAGE.height, ...(meta.landscape ? { orientation: docx.PageOrientation.LANDSCAPE } : {}) },
            margin: { top: PAGE.top, right: PAGE.right, bottom: PAGE.bottom, left: PAGE.left, header: 425, footer: 425 },
          },
        },
        headers: { default: new docx.Header({ children: runningHeader(docx, meta.header) }) },
        footers: { default: new docx.Footer({ children: [...(meta.band ? [new docx.Paragraph({ alignment: docx.AlignmentType.CENTER, children: [new docx.TextRun({ text: meta.band, size: 16 })] })] : []), pageFooter(docx, t("page_x_of_y"))] }) },
        children,
      },
    ],
  });
  return docx.Packer.toBuffer(document);
}

function plain(docx: Docx, text: string): Run {
  return new docx.TextRun(text);
}

function label(docx: Docx, text: string): Run {
  return new docx.TextRun({ text, bold: true });
}

/** A signature: the name, and the date on a line of its own. */
function signature(docx: Docx, s: { name: string; date: string }): Run[] {
  return s.date ? [plain(docx, s.name), new docx.TextRun({ text: s.date, break: 1, size: 18 })] : [plain(docx, s.name)];
}

/** A table with a shaded header row of `headers` and one row of plain text per entry; a line break in a text breaks the line in its cell. */
function headedTable(docx: Docx, headers: string[], rows: string[][], widths: number[]): Table {
  const lines = (text: string) => text.split("\n").map((line, i) => new docx.TextRun({ text: line, break: i > 0 ? 1 : undefined }));
  return table(docx, [{ header: true, cells: headers.map((h) => [label(docx, h)]) }, ...rows.map((cells) => ({ header: false, cells: cells.map(lines) }))], widths);
}

function caption(docx: Docx, text: string): Paragraph {
  return new docx.Paragraph({ spacing: { before: 240, after: 120 }, keepNext: true, children: [new docx.TextRun({ text, bold: true, size: 24 })] });
}

function heading(docx: Docx, depth: number, text: string): Paragraph {
  const levels = [docx.HeadingLevel.HEADING_1, docx.HeadingLevel.HEADING_2, docx.HeadingLevel.HEADING_3, docx.HeadingLevel.HEADING_4];
  return new docx.Paragraph({ heading: levels[Math.min(depth, levels.length) - 1], children: [new docx.TextRun(text)] });
}

/** The header block of the HTML output: number, version, department; dates; the three signatures. */
function headerBlock(docx: Docx, view: DocumentView, t: (key: string) => string): Table {
  const { Paragraph, Table, TableCell, TableRow, WidthType, ShadingType } = docx;
  const labelWidth = 1390;
  const valueWidth = Math.floor((TEXT_WIDTH - 3 * labelWidth) / 3);
  const widths = [labelWidth, valueWidth, labelWidth, valueWidth, labelWidth, valueWidth];
  const cell = (runs: Run[], isLabel: boolean, span = 1) =>
    new TableCell({
      columnSpan: span > 1 ? span : undefined,
      width: { size: span > 1 ? valueWidth * 2 + labelWidth : isLabel ? labelWidth : valueWidth, type: WidthType.DXA },
      shading: isLabel ? { type: ShadingType.CLEAR, fill: "F0F0F0", color: "auto" } : undefined,
      children: [new Paragraph({ children: runs })],
    });
  const pair = (key: string, runs: Run[], span = 1) => [cell([label(docx, t(key))], true), cell(runs, false, span)];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: docx.TableLayoutType.FIXED,
    rows: [
      new TableRow({ cantSplit: true, children: [...pair("document_number", [plain(docx, view.number)]), ...pair("version", [plain(docx, view.version)]), ...pair("department", [plain(docx, view.department)])] }),
      new TableRow({ cantSplit: true, children: [...pair("issued", [plain(docx, view.issued)]), ...pair("effective", [plain(docx, view.effective)], 3)] }),
      // The 关键工序 the document marks (GJB 9001C 8.5.1): on the header, where the 工艺文件 carries its 关键 mark.
      ...(view.keyOperations ? [new TableRow({ cantSplit: true, children: pair("key_operations", [plain(docx, view.keyOperations)], 5) })] : []),
      // The signature rows of the document's layout (qms.yaml document_layouts), three to a row; a short last row is filled with empty cells.
      ...view.signatureRows.map(
        (row) =>
          new TableRow({
            cantSplit: true,
            children: [0, 1, 2].flatMap((i) => {
              const c = row[i];
              return c ? [cell([label(docx, c.label || t(c.labelKey))], true), cell(signature(docx, c), false)] : [cell([], true), cell([], false)];
            }),
          }),
      ),
    ],
  });
}

/**
 * An external document's header: its number and the publisher's revision, publisher, keeper, dates
 * issued and received, and its 实施日期 beside the date issued when it has one (the copy number is on the stamp).
 */
function externalBlock(docx: Docx, view: DocumentView, external: NonNullable<DocumentView["external"]>, t: (key: string) => string): Table {
  const row = (cells: [string, string][]) => ({ header: false, cells: cells.flatMap(([key, value]) => [[label(docx, t(key))], [plain(docx, value)]]) });
  return table(
    docx,
    [
      row([["document_number", view.number], ["external_revision", external.revision]]),
      row([["external_publisher", external.publisher], ["external_keeper", view.department]]),
      ...(external.effective
        ? [row([["external_issued", external.issued], ["external_effective", external.effective]]), row([["external_received", external.received], ["", ""]])]
        : [row([["external_issued", external.issued], ["external_received", external.received]])]),
    ],
    [1800, 3161, 1800, 3161],
  );
}

/**
 * Widths of the revision record's columns in twips. A date column is as wide as a date
 * (2026-05-11) needs on one line in 五号 with the cell margins, whatever the other columns; the
 * others are scaled to the text width, and the summary takes what they leave.
 */
const DATE_WIDTH = 1400;
const REVISION_WIDTHS: Record<Exclude<RevisionColumn, "summary">, number> = {
  date: DATE_WIDTH,
  number: 1500,
  version: 1300,
  pages: 1000,
  total_pages: 1000,
  by: 1150,
  reviewed_by: 1150,
  // 会签: two or three names.
  countersigned: 1500,
  standardization: 1150,
  approved_by: 1150,
  military_representative: 1150,
  effective: DATE_WIDTH,
  basis: 2000,
};
const DATE_COLUMNS: ReadonlySet<RevisionColumn> = new Set(["date", "effective"]);
/** The revision record's type size in half-points: 小五 (9 pt), as the HTML prints its up to thirteen columns. */
const REVISION_SIZE = 18;
const SUMMARY_MIN_WIDTH = 2400;

/** A table cell's default margins, left and right (Word's 0.19 cm each), in twips. */
const CELL_MARGINS = 216;

/**
 * The revision record's column widths for `columns`, in twips, adding up to the text width: the
 * dates as wide as a date, the others from REVISION_WIDTHS scaled to what the dates leave. No
 * column is narrower than the longest word of its heading (`headers`, bold; a Chinese heading is
 * one word, as the HTML keeps it whole) or of its cells (`rows`; Chinese text breaks between any
 * two characters), so that an English heading (Reviewed by) breaks between its words and never
 * inside one; what that takes comes from the columns with room to spare, the summary first.
 */
function revisionWidths(columns: readonly RevisionColumn[], headers: readonly string[] = [], rows: readonly (readonly string[])[] = []): number[] {
  const dates = columns.filter((c) => DATE_COLUMNS.has(c)).length * DATE_WIDTH;
  const fixed = columns.reduce((sum, c) => sum + (c === "summary" || DATE_COLUMNS.has(c) ? 0 : REVISION_WIDTHS[c]), 0);
  const summaries = columns.filter((c) => c === "summary").length;
  const rest = TEXT_WIDTH - dates;
  const natural = columns.map((c) => (c === "summary" ? Math.max(SUMMARY_MIN_WIDTH, Math.floor((rest - fixed) / summaries)) : DATE_COLUMNS.has(c) ? 0 : REVISION_WIDTHS[c]));
  // Scaled to what the dates leave: a layout of many columns shrinks them all, a layout without a summary widens them.
  const total = natural.reduce((a, b) => a + b, 0);
  const widths = columns.map((c, i) => (DATE_COLUMNS.has(c) ? DATE_WIDTH : Math.floor((natural[i]! * rest) / total)));
  const longest = (text: string, breakable: RegExp, bold: boolean) => Math.max(0, ...text.split(breakable).map((word) => textWidth(word, REVISION_SIZE) * (bold ? 1.05 : 1)));
  const least = columns.map((c, i) =>
    DATE_COLUMNS.has(c) ? DATE_WIDTH : Math.ceil(Math.max(longest(headers[i] ?? "", /\s+|(?<=-)/, true), ...rows.map((row) => longest(row[i] ?? "", /[\s\u2e80-\uffff]+/u, false))) + CELL_MARGINS),
  );
  const short = widths.reduce((sum, w, i) => sum + Math.max(0, least[i]! - w), 0);
  const room = widths.map((w, i) => Math.max(0, w - least[i]!));
  const spare = room.reduce((a, b) => a + b, 0);
  if (short > 0 && spare > 0) {
    const take = Math.min(short, spare);
    widths.forEach((w, i) => (widths[i] = Math.max(w, least[i]!) - Math.floor((room[i]! * take) / spare)));
  }
  // The twips lost to rounding go to the summary (else the last column): the columns fill the text width exactly.
  const summary = columns.indexOf("summary");
  widths[summary >= 0 ? summary : columns.length - 1]! += TEXT_WIDTH - widths.reduce((a, b) => a + b, 0);
  // A record wider than the page at its words' widths (thirteen columns of English words, a GJB record: Reviewed by,
  // Hongwei, Jiandong) keeps its summary's longest word: the columns but the dates give that up alike and Word breaks
  // their longest words, rather than the summary's width going below nothing.
  const last = summary >= 0 ? summary : columns.length - 1;
  if (widths[last]! < least[last]!) {
    const need = least[last]! - widths[last]!;
    const shrinking = columns.map((c, i) => (i === last || DATE_COLUMNS.has(c) ? 0 : widths[i]!));
    const total = shrinking.reduce((a, b) => a + b, 0);
    if (total > 0) shrinking.forEach((w, i) => (widths[i]! -= Math.ceil((w * need) / total)));
    widths[last]! += TEXT_WIDTH - widths.reduce((a, b) => a + b, 0);
  }
  return widths;
}

/** The revision record with the columns of the document's layout, the same as the HTML and PDF outputs. */
function revisionTable(docx: Docx, view: DocumentView, t: (key: string) => string): Table {
  const columns = view.revisionColumns;
  const headers = columns.map((c) => c.label || t(c.labelKey));
  const widths = revisionWidths(
    columns.map((c) => c.column),
    headers,
    view.revisionRows.map((r) => r.cells.map((c) => c.text)),
  );
  const rows = view.revisionRows.length
    ? view.revisionRows.map((r) => ({ header: false, cells: r.cells.map((c) => [new docx.TextRun({ text: c.text, size: REVISION_SIZE })]) }))
    : [{ header: false, wide: true, cells: [[plain(docx, t("no_revisions"))]] }];
  return table(docx, [{ header: true, cells: headers.map((h) => [new docx.TextRun({ text: h, bold: true, size: REVISION_SIZE })]) }, ...rows], widths);
}

/** 符号说明 as templates/html/partials/symbol-legend.hbs prints it: nothing for a document that uses no symbol. */
function symbolLegend(docx: Docx, view: DocumentView, t: (key: string) => string): (Paragraph | Table)[] {
  if (view.symbolLegend.length === 0) return [];
  const rows = view.symbolLegend.map((r) => [r.symbol, r.class, r.meaning, r.customers]);
  return [caption(docx, t("symbol_legend")), headedTable(docx, ["symbol_legend_symbol", "symbol_legend_class", "symbol_legend_meaning", "symbol_legend_customers"].map(t), rows, [1000, 1500, 4922, 2500])];
}

function references(docx: Docx, number: string, title: string, items: ReferenceView[], t: (key: string) => string): (Paragraph | Table)[] {
  const head = heading(docx, 1, number ? `${number} ${title}` : title);
  if (items.length === 0) return [head, new docx.Paragraph({ children: [plain(docx, t("none"))] })];
  const rows = items.map((r) => ({ header: false, cells: [r.id, r.title, r.mark ? `${r.version} ${r.mark}`.trim() : r.version].map((v) => [plain(docx, v)]) }));
  return [head, table(docx, [{ header: true, cells: ["ref_number", "ref_title", "ref_version"].map((k) => [label(docx, t(k))]) }, ...rows], [2200, 5722, 2000])];
}

/**
 * Organisation, title, and number (and version) on every page, over a rule, as the HTML running
 * header: a table of three borderless cells, aligned left, centre and right, each as wide as its
 * text needs (headerWidths). A text too long for its share of the line wraps inside its cell, so
 * that the three never run into one another (an English title and organisation are long), and the
 * version at the end is never cut: it goes on a line of its own under the number. The empty
 * paragraph after the table (a header ends with a paragraph in Word) is the space between the rule
 * and the page's first line.
 */
function runningHeader(docx: Docx, texts: [string, string, string]): (Paragraph | Table)[] {
  const { Paragraph, Table, TableRow, TableCell, TextRun, WidthType, BorderStyle, AlignmentType, TableLayoutType, VerticalAlignTable } = docx;
  const natural = texts.map((text) => textWidth(text, 18) + HEADER_GAP);
  const least = texts.map((text) => Math.max(0, ...text.split(/[\s\u2e80-\uffff]+/u).map((word) => textWidth(word, 18))) + HEADER_GAP);
  const widths = headerWidths(natural, least);
  // A text that wraps breaks first where its parts meet (number · version): the version on a line of its own, not split.
  const lines = (text: string, i: number) => (natural[i]! > widths[i]! ? text.split(" · ") : [text]);
  const none = { style: BorderStyle.NONE, size: 0, color: "auto" };
  const alignments = [AlignmentType.LEFT, AlignmentType.CENTER, AlignmentType.RIGHT];
  const single = { before: 0, after: 0, line: 240 };
  return [
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      indent: { size: 0, type: WidthType.DXA },
      borders: { top: none, left: none, right: none, insideHorizontal: none, insideVertical: none, bottom: { style: BorderStyle.SINGLE, size: 6, color: "000000" } },
      rows: [
        new TableRow({
          cantSplit: true,
          children: texts.map(
            (text, i) =>
              new TableCell({
                width: { size: widths[i]!, type: WidthType.DXA },
                margins: { top: 0, bottom: 40, left: i === 0 ? 0 : HEADER_GAP / 2, right: i === 2 ? 0 : HEADER_GAP / 2 },
                verticalAlign: VerticalAlignTable.BOTTOM,
                children: [new Paragraph({ alignment: alignments[i], spacing: single, children: lines(text, i).map((line, j) => new TextRun({ text: line, size: 18, break: j > 0 ? 1 : undefined })) })],
              }),
          ),
        }),
      ],
    }),
    new Paragraph({ spacing: single, children: [new TextRun({ text: "", size: 18 })] }),
  ];
}

/** Twips between two cells of the running header (half on each side). */
const HEADER_GAP = 240;

/**
 * About how wide a text is, in twips, at `size` half-points: a Chinese (full-width) character one
 * em; in Times New Roman capitals about 0.7 em, small letters and digits 0.5 (most are narrower),
 * a space 0.25 and punctuation 0.35: rather a little wide than narrow. A guess for sharing a line,
 * not a measure: a cell too narrow for its text wraps it, it does not clip.
 */
function textWidth(text: string, size: number): number {
  let ems = 0;
  for (const c of text) ems += c.codePointAt(0)! >= 0x2e80 ? 1 : /[A-Z]/.test(c) ? 0.7 : /[a-z0-9]/.test(c) ? 0.5 : c === " " ? 0.25 : 0.35;
  return Math.ceil(ems * size * 10);
}

/**
 * The widths of the running header's three cells, adding up to the text width, for texts that need
 * `natural` twips on one line and at least `least` (their longest word): while they do not fit
 * side by side, the widest goes on one more line (a text on k lines needs a k-th of its width and
 * some room for breaking between words), so that a short text (the number) stays on one line. The
 * organisation and number cells are as wide as each other when the title can still be centred on
 * the page; else each cell is as wide as it needs and the rest is shared in proportion.
 */
function headerWidths(natural: readonly number[], least: readonly number[] = [0, 0, 0]): [number, number, number] {
  const lines = [1, 1, 1];
  const need = () => natural.map((w, i) => Math.ceil(Math.max(least[i]!, lines[i]! === 1 ? w : (w / lines[i]!) * 1.2)));
  let widths = need();
  while (widths.reduce((a, b) => a + b, 0) > TEXT_WIDTH) {
    // The widest cell that can still be narrowed, on one line more.
    const candidates = widths.map((_, i) => i).filter((i) => widths[i]! > least[i]! && lines[i]! < 6);
    if (candidates.length === 0) return share(widths, TEXT_WIDTH);
    const widest = candidates.reduce((a, b) => (widths[b]! > widths[a]! ? b : a));
    lines[widest]!++;
    widths = need();
  }
  const [left, middle, right] = widths as [number, number, number];
  const side = Math.max(left, right);
  if (2 * side + middle <= TEXT_WIDTH) return [side, TEXT_WIDTH - 2 * side, side];
  return share(widths, TEXT_WIDTH);
}

/** `weights` scaled to add up to `total`, the rounding left to the last. */
function share(weights: number[], total: number): [number, number, number] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const first = Math.floor((weights[0]! * total) / sum);
  const second = Math.floor((weights[1]! * total) / sum);
  return [first, second, total - first - second];
}

/** "第 {page} 页 共 {pages} 页" with the placeholders as PAGE and NUMPAGES fields. */
function pageFooter(docx: Docx, pattern: string): Paragraph {
  const { Paragraph, TextRun, AlignmentType, PageNumber } = docx;
  const children: (string | (typeof PageNumber)[keyof typeof PageNumber])[] = [];
  for (const part of pattern.split(/(\{page\}|\{pages\})/)) {
    if (part === "{page}") children.push(PageNumber.CURRENT);
    else if (part === "{pages}") children.push(PageNumber.TOTAL_PAGES);
    else if (part) children.push(part);
  }
  return new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children, size: 18 })] });
}

function ownStyles() {
  const font = { ascii: LATIN_FONT, eastAsia: CJK_FONT, hAnsi: LATIN_FONT, cs: LATIN_FONT };
  // Latin text is en-US and Chinese text zh-CN in both languages, as Word on Chinese Windows sets them:
  // with Latin text declared zh-CN, LibreOffice broke clause numbers at their full stops (IATF 16949 9. / 1.2.1).
  const language = { value: "en-US", eastAsia: "zh-CN" };
  const headingRun = { font, bold: true, color: "000000" };
  return {
    default: {
      document: { run: { font, size: 21, language }, paragraph: { spacing: { line: 360 } } },
      title: { run: { ...headingRun, size: 32 }, paragraph: { spacing: { before: 120, after: 120 } } },
      heading1: { run: { ...headingRun, size: 24 }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true } },
      heading2: { run: { ...headingRun, size: 21 }, paragraph: { spacing: { before: 160, after: 80 }, keepNext: true } },
      heading3: { run: { ...headingRun, size: 21 }, paragraph: { spacing: { before: 120, after: 60 }, keepNext: true } },
      heading4: { run: { ...headingRun, size: 21 }, paragraph: { spacing: { before: 120, after: 60 }, keepNext: true } },
    },
  };
}

function listNumbering(docx: Docx) {
  const { LevelFormat, AlignmentType } = docx;
  const levels = (ordered: boolean) =>
    [0, 1, 2, 3].map((level) => ({
      level,
      format: ordered ? LevelFormat.DECIMAL : LevelFormat.BULLET,
      text: ordered ? `%${level + 1}.` : "•",
      alignment: AlignmentType.LEFT,
      style: { paragraph: { indent: { left: 420 * (level + 1), hanging: 360 } } },
    }));
  return [
    { reference: BULLET_LIST, levels: levels(false) },
    { reference: ORDERED_LIST, levels: levels(true) },
  ];
}

/** Where a repository keeps the Word file whose styles replace csr's (as pandoc's --reference-doc). */
export const REFERENCE_DOCX = "templates/docx/reference.docx";

/**
 * The styles part of the repository's reference .docx, or undefined when it has none.
 * Errors: UserError when the file is not a readable .docx or has no styles part.
 */
export async function referenceStyles(root: string): Promise<string | undefined> {
  const path = repositoryFile(root, join(root, REFERENCE_DOCX));
  if (!path) return undefined;
  const parts = await readZip(path, REFERENCE_DOCX);
  const styles = parts.get("word/styles.xml");
  if (!styles) throw new UserError(`${REFERENCE_DOCX} has no styles (word/styles.xml); save a Word document with the styles you want there.`);
  return new TextDecoder().decode(styles);
}
