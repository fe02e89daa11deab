/**
 * What a template sees: a plain view of one document or CSR review report, with names, titles and
 * numbers already looked up in the repository and in the chosen language. Building it is pure;
 * templates only lay it out.
 */
import { UserError } from "../core/errors.js";
import { localized } from "../core/text.js";
import { translate } from "../i18n/index.js";
import { repositoryCalendar } from "../load/calendar.js";
import type { Repository } from "../load/repository.js";
import { clauseTitle, parseClauseRef, referencesOn, type Catalog } from "../model/catalog.js";
import { migrationDay } from "../load/migration-day.js";
import { standardName } from "../model/citations.js";
import { addressing, unconfirmedLinkText, categoryName, countersigning, countersigningText, csrStatus, historyClosing, historyReason, missingOpinions, overruledOpinions, reviewRecordText, verifiedByOwner } from "../model/csr-status.js";
import { addressedWhenSuperseded } from "../model/link-start.js";
import { classificationName, csrClassification, documentClassification, isStateSecret } from "../model/classification.js";
import { confidentialityNotice, draftNotice } from "../model/confidentiality.js";
import { csrReviewForm } from "../model/csr-review-form.js";
import { externalPendingUntil } from "../model/external.js";
import { currentRevision, documentLayout, formRevisionOn, issuedOn, militaryParties, peopleOf, revisionEffective, revisionInForce, type RepoIndex } from "../model/index.js";
import { recordKeepingText } from "../model/record-keeping.js";
import { deviatedNumber, deviationInForce, withdrawnTemporaryText } from "../model/deviations.js";
import { withdrawalApproval } from "../model/withdrawal.js";
import { bodyOnPaper, citedDocument, firstIssueDate, neverReleased, orderingApprovalText, revisionBasis, revisionDate, revisionPages, revisionSignatures, revisionSummary } from "../model/revision.js";
import { closedRoundVerdict, currentReviewRound, historyRounds, lateByText, lateKeptDecision, workdaysPastDue, type ReviewRoundTimeliness } from "../model/review-timeliness.js";
import { addressedSection, closingSectionNumbers, documentSections, sectionAnchor } from "../model/sections.js";
import { documentCustomers } from "../model/symbol-documents.js";
import { symbolMarks } from "../model/symbol-marks.js";
import { symbolLegend } from "../model/symbols.js";
import { recordsTextIn, sessionResultColumns, sessionResultsIn, sessionTraineesIn } from "../model/training.js";
import { csrTrainingDeadline, csrTrainingDeadlineIn, csrTrainingReading, type CsrTrainingReading } from "../model/training-completion.js";
import { trainingRecordDays } from "../load/training-records.js";
import { csrDistributions, distributionRevision, redistributionDue } from "../model/distribution.js";
import { flowDownDecision, flowDownReadings } from "../model/flow-down.js";
import { customerDate, lateForCustomer } from "../model/customer-schedule.js";
import { workdaysLate, type WorkCalendar } from "../model/calendar.js";
import { dispositionKey } from "../model/decision.js";
import type { Customer, SourceRevision } from "../model/types.js";
import type { ControlledDocument, Csr, DocumentLayout, FormSheet, Opinion, Revision, RevisionColumn, SheetLabel, Signature, SignatureRole } from "../model/types.js";

export type Lang = "zh-CN" | "en";
export const LANGS: readonly Lang[] = ["zh-CN", "en"];

/** Turns a section's Markdown into what the output format needs (HTML, or Markdown as written). */
export type BodyRenderer = (markdown: string) => string;

/**
 * A value that names people, in parts: each person's name with the address of their page, and the
 * text around and between them. Views carry it (as `<field>Links`) only for an output that links
 * (the site) and only when someone named has a page; templates then print it instead of the field.
 */
export interface TextPart {
  text: string;
  href?: string;
  /** Printed on one line (HTML: white-space: nowrap): a person's name or a reference number in the revision record. */
  nowrap?: true;
}

export interface SignatureView {
  name: string;
  date: string;
}

/** One cell of the header's signature rows: the label (from qms.yaml, else the label key `labelKey`), who signed and when. */
export interface SignatureCellView {
  labelKey: string;
  label: string;
  name: string;
  /** `name` with each person linking to their page (TextPart). */
  nameLinks?: TextPart[];
  date: string;
  /** Several signers (会签), each with their own date in `name`: no date of the cell's own. */
  several?: true;
}

/** A column of the printed revision record: its label (from qms.yaml, else the label key) and whether its values never wrap. */
export interface RevisionColumnView {
  /** Which value the column holds (qms.yaml `document_layouts` revisions): Word output sizes its columns by it. */
  column: RevisionColumn;
  labelKey: string;
  label: string;
  nowrap: boolean;
}

export interface RevisionView {
  date: string;
  summary: string;
  pages: string;
  version: string;
  by: string;
  approvedBy: string;
  totalPages: string;
}

export interface SectionView {
  number: string;
  title: string;
  /** 1 for top-level sections, 2 for 5.1, … */
  depth: number;
  /** The HTML heading level: h2 for top-level sections (h1 is the title), at most h6. */
  heading: number;
  /** Rendered body: the only value templates insert unescaped. */
  body: string;
  /** The heading's id (`section-5.2`), which a CSR's 落实文件 links to on the site; "" on a number declared twice. */
  anchor: string;
}

export interface ReferenceView {
  id: string;
  title: string;
  version: string;
  /**
   * What is not in force about the referenced document, printed after its version: withdrawn (作废,
   * with its successor) or never released (草稿); empty for a document in force.
   */
  mark: string;
  /** The referenced document's page, when the output is a website (`csr site`); templates link the id. */
  href?: string;
}

/** Where a document's page is, for outputs that link (the site); `csr render` output links nothing. */
export type DocumentLinker = (id: string) => string | undefined;

/** Where the pages an output links to are (the site): a document's by its number, a person's by their id in people.yaml. */
export interface PageLinker {
  document: DocumentLinker;
  person: (id: string) => string | undefined;
  /** Where a corrective action's row is (the site's action register): a revision record's 纠正措施 links to it. */
  action?: (id: string) => string | undefined;
  /**
   * What a page shows in place of the title of a referenced document the repository does not have (csr site:
   * "（仓库中没有该文件）", tester59 G2). Without it the render stops (UserError): a controlled print must not be
   * issued listing a reference it cannot give a title and version for; a page of the site keeps the approved text
   * at the point of use and marks the one bad reference, the finding (ref/unresolved) shown with it.
   */
  unresolved?: (id: string, file: string | undefined) => string;
}

export interface Header {
  organisation: string;
  confidentiality: string;
  title: string;
  number: string;
  /**
   * `released` (受控), `external` (受控 外来文件: a controlled copy of someone else's document),
   * `draft` (草稿), `obsolete` (作废), `uncontrolled` (非受控: a page of `csr
   * site`, whose print is a reference copy, not a numbered controlled copy, and a print of `csr render`
   * without `--copy N`, tester67a A6), `external-uncontrolled` (外来文件 非受控: the same of an external
   * document) or `superseded` (已替代
   * 非受控: a revision replaced since, `csr render --revision`); `superseded-record` (已替代: the review report of a
   * CSR a later one replaced, a record still valid and retained, not a withdrawn document whose copies are
   * recalled, tester52 D13); `pending` (待实施 非受控: a version released to take effect later, printed
   * before that day for training and preparation, `csr render --revision`) or `released-pending` (受控
   * 待实施: a controlled copy of that version handed out early, `csr render --copy N`); `expired` (已到期
   * 非受控: a temporary document printed after its last valid day, `valid_until`): with `stamp_` a label
   * key, and a CSS class. Empty for no stamp: a decided CSR review report is a record (记录), not a
   * controlled document.
   */
  stamp: "released" | "released-pending" | "external" | "draft" | "obsolete" | "uncontrolled" | "external-uncontrolled" | "pending" | "superseded" | "superseded-record" | "expired" | "";
  /** The label key of `number` in the running header: a document's number, or a requirement's (a CSR report). */
  numberLabel: "document_number" | "csr_id";
  /** The controlled-copy number (受控号) printed on the stamp of a handed-out copy (`csr render --copy N`). */
  copy?: number;
  /** Who holds that copy, printed with its number (持有：品质部 张丽; 常州橡塑材料有限公司): the unit it went to and its holder, if recorded (tester73 S6). */
  copyHolder?: string;
  /** Where that copy is used (使用场所, `csr distribute --location`: 压接工位 OP20), printed with its number, if recorded. */
  copyLocation?: string;
}

export interface DocumentView extends Header {
  lang: Lang;
  kind: ControlledDocument["kind"];
  level: number;
  version: string;
  department: string;
  /** 制订日期: the date of the document's first revision (YYYY-MM-DD), empty before one is recorded. */
  issued: string;
  effective: string;
  prepared: SignatureView;
  reviewed: SignatureView;
  approved: SignatureView;
  revisions: RevisionView[];
  /** The level label of qms.yaml `document_layouts`, e.g. 三阶文件; empty when none is configured. */
  levelLabel: string;
  /** The 密级 marking: the document's own, else its layout's default; empty for none. */
  classification: string;
  /** The operations the document marks 关键工序 (`key_operations`, GJB 9001C-2017 8.5.1), joined: a header row of their own; empty for none. */
  keyOperations: string;
  /** The header's signature cells, three to a row, as the document's layout lists them. */
  signatureRows: SignatureCellView[][];
  /** The revision record's columns: the layout's, else the default (日期, 修订内容摘要, 页次, 版本/版次, 修订人, and 总页数 when a revision records them), in every output format. */
  revisionColumns: RevisionColumnView[];
  /** The revision record, one row per revision, the cells in the order of `revisionColumns`. */
  revisionRows: { cells: { column: RevisionColumn; text: string; textLinks?: TextPart[]; nowrap: boolean }[] }[];
  sections: SectionView[];
  /**
   * The body is on the document's paper original only (model/revision.ts bodyOnPaper: imported from a
   * register without its text): the print says so where the body would be, and lists no 相关文件 or
   * 相关记录 it cannot know ("无" would be a statement about the paper original).
   */
  bodyOnPaper: boolean;
  relatedNumber: string;
  related: ReferenceView[];
  recordsNumber: string;
  records: ReferenceView[];
  record?: { retention: string; medium: string; location: string };
  /** Printed on A4 landscape (printOrientation): its @page and text width turned (layout.hbs). */
  landscape: boolean;
  /** A form's blank sheet (sheetView), when the form describes one (`sheet`). */
  sheet?: SheetView;
  /**
   * The print is the form's blank sheet alone (a print of csr render of a form with a `sheet`): stamp, 表单编号 with the
   * version, title, the sheet, and 保存期限 at its foot; no header block or revision record, which the form's page and
   * registers keep (tester75 P9). false for every other print and page.
   */
  blank: boolean;
  /** supersededHref: the replacement's page where the output links documents (csr site), so a reader who lands on the withdrawn one gets to it in one tap (IATF 7.5.3.2). */
  /**
   * `temporary`: a withdrawn temporary document's period and how it ended (临时，2026-11-03 至 2026-11-30，2026-11-20 提前撤销),
   * `deviatesFrom`: the documents a withdrawn deviation deviated from, by number and title; both "" for other documents, so
   * that the print keeps the evidence of a time-limited change (IATF 16949 8.5.6.1.1; tester63 N4).
   */
  /** approval: who approved the withdrawal and the 军代表 who agreed (批准：…；军代表：…), "" when unrecorded. */
  obsolete?: { date: string; reason: string; approval: string; supersededBy: string; supersededHref?: string; temporary: string; deviatesFrom: string };
  remarks: string;
  /**
   * 符号说明: one row per special-characteristic mark the body of a work instruction or form uses that the
   * symbol table lists (its class, meaning and the customer symbols converted to it: DYA ▽ CC); empty for
   * other documents and for those that use none (legendView).
   */
  symbolLegend: { symbol: string; class: string; meaning: string; customers: string }[];
  /** The notice on a revision replaced since (`csr render --revision`): 非受控, which version, replaced by which from when. */
  superseded?: string;
  /** The notice on a version released to take effect later, printed before that day: 待实施, from when, and the version in force until then. */
  pending?: string;
  /** The notice on a print that is no numbered controlled copy (`csr render` without `--copy N`): 非受控, for reference only, and what a controlled copy is. */
  uncontrolled?: string;
  /**
   * The notice on a temporary document (临时变更/偏离, `valid_until`, csr release --until): 临时文件，有效期至 2026-12-18
   * up to that day; after it 临时文件，已于 2026-12-18 到期 … 不得使用, printed under the stamp 已到期 非受控 (`expired`).
   * IATF 16949 8.5.6.1.1: a temporary change is time-limited, and its end visible where it is worked to.
   */
  temporary?: { text: string; expired: boolean };
  /**
   * The deviations from the document in force on the day of printing (deviationNotices): 同时适用偏离 WI-010-03 …
   * 须与本页一并阅读执行, one notice each, as the document's page of csr site says (IATF 16949 8.5.6.1.1).
   */
  deviations?: string[];
  /**
   * An external document (外来文件): its publisher's data and the day it was received, which its
   * print shows instead of our header block, signatures and revision record (external.hbs of templates/html and templates/md).
   * `effective` (实施日期) is "" when not recorded, and the print then has no place for it.
   */
  external?: { publisher: string; revision: string; issued: string; effective: string; received: string; pending: string };
}

const NO_SIGNATURE: SignatureView = { name: "", date: "" };

/**
 * A clause reference as the standard's documents cite it, with the clause's title from the
 * catalog: `GJB9001C:8.3.6` is `GJB 9001C 8.3.6 设计和开发更改`; a repository's own catalog (a new
 * edition, `IATF16949E2:8.3.3.4`) is named by its title, never its raw id (tester58 F8). A reference csr cannot resolve
 * (clause/unknown-clause reports it) is printed as written.
 */
export function citeClause(repo: Repository, lang: Lang, text: string): string {
  const ref = parseClauseRef(text);
  const catalog = ref && repo.catalogs.get(ref.standard);
  const clause = ref && catalog?.clauses.get(ref.clause);
  if (!ref || !catalog || !clause) return text;
  return [standardName(ref.standard, catalog.title), ref.clause, clauseTitle(clause, lang)].filter(Boolean).join(" ");
}

class Names {
  constructor(
    private readonly repo: Repository,
    private readonly index: RepoIndex,
    readonly lang: Lang,
    private readonly link?: PageLinker,
    /** The day a superseded revision printed as released took effect: references give the revisions in force then, not today's (tester53 N2). */
    private readonly onDay?: string,
  ) {}

  pick(zh: string, en: string | undefined): string {
    return localized(this.lang, zh, en);
  }

  person(id: string): string {
    const person = this.index.people.get(id)?.value;
    return person ? this.pick(person.name, person.name_en) : id;
  }

  /**
   * People named in one value, each followed by its own text (a countersigner's date), as parts that
   * link each person to their page; undefined when the output links nothing or none of them has a page.
   */
  links(people: readonly { id: string; after?: string }[]): TextPart[] | undefined {
    const page = this.link?.person;
    if (!page) return undefined;
    const separator = translate(this.lang, "common.list-separator");
    const parts: TextPart[] = [];
    let linked = false;
    people.forEach(({ id, after }, i) => {
      if (i > 0) parts.push({ text: separator });
      const part = this.personPart(id);
      linked ||= part.href !== undefined;
      parts.push(part);
      if (after) parts.push({ text: after });
    });
    return linked ? parts : undefined;
  }

  /** A person as one part of a value: their name, with the address of their page where the output links (the site) and they have one. */
  personPart(id: string): TextPart {
    const href = this.link?.person?.(id);
    return href === undefined ? { text: this.person(id) } : { text: this.person(id), href };
  }

  /** The address of a corrective action's record where the output links (the site) and has it. */
  actionHref(id: string): string | undefined {
    return this.link?.action?.(id);
  }

  /** `{ [key]Links: parts }` for one person named in a view's field `key`; nothing when there are no links. */
  linksOf<K extends string>(key: K, id: string | undefined): { [P in `${K}Links`]?: TextPart[] } {
    const parts = id === undefined ? undefined : this.links([{ id }]);
    return (parts ? { [`${key}Links`]: parts } : {}) as { [P in `${K}Links`]?: TextPart[] };
  }

  /** A department, or an outside party (a copy's holder may be the 军代表室). */
  department(code: string): string {
    const department = this.index.departments.get(code) ?? this.index.parties.get(code);
    return department ? this.pick(department.name, department.name_en) : code;
  }

  /** Values in a line of the document's language: 、 between them in Chinese, ", " in English. */
  list(values: readonly string[]): string {
    return values.join(translate(this.lang, "common.list-separator"));
  }

  /** A clause reference as the standard's documents cite it (citeClause). */
  clause(text: string): string {
    return citeClause(this.repo, this.lang, text);
  }

  signature(signature: Signature | undefined): SignatureView {
    return signature ? { name: this.person(signature.by), date: signature.date ?? "" } : NO_SIGNATURE;
  }

  header(title: string, titleEn: string | undefined, number: string, stamp: Header["stamp"], numberLabel: Header["numberLabel"] = "document_number"): Header {
    const config = this.repo.config?.value;
    return {
      organisation: config ? this.pick(config.organisation.name, config.organisation.name_en) : "",
      // The notice says the copy is controlled: a draft, a withdrawn document and a review report
      // (a record, not a controlled document) carry their own stamp or none, and not the notice.
      confidentiality: config && (stamp === "released" || stamp === "released-pending" || stamp === "external") ? confidentialityNotice(config, this.lang, stamp === "external") : "",
      title: this.pick(title, titleEn),
      number,
      stamp,
      numberLabel,
    };
  }

  /** A referenced document with its current title and version; a dangling reference stops the render. */
  reference(from: string, id: string): ReferenceView {
    const target = this.index.documents.get(id)?.value;
    if (!target) {
      // A document whose file has errors is in the repository but unread: the cause to name is that file, not a missing document (tester25 F6).
      const name = `${id.replace(/\//g, "_")}.yaml`;
      const file = this.repo.unvalidated.documents.has(id) ? this.repo.problems.find((p) => p.path === name || p.path.endsWith(`/${name}`))?.path : undefined;
      if (this.link?.unresolved) return { id, title: this.link.unresolved(id, file), version: "", mark: "" };
      if (file) throw new UserError(translate(this.lang, "render.reference.unreadable", { from, id, file }), translate(this.lang, "render.reference.unreadable.hint", { file }));
      throw new UserError(translate(this.lang, "render.reference.missing", { from, id }), translate(this.lang, "render.reference.missing.hint"));
    }
    const href = this.link?.document(id);
    const version = this.onDay === undefined || target.kind === "external" ? currentRevision(target)?.version : revisionInForce(target, this.onDay)?.version;
    return { id, title: this.pick(target.title, target.title_en), version: version ?? "", mark: this.referenceMark(target), ...(href === undefined ? {} : { href }) };
  }

  /** A withdrawn document (doc/obsolete-referenced) or one never released (doc/unreleased-referenced) is not in force: the printed list says so. */
  private referenceMark(target: ControlledDocument): string {
    // On a superseded revision's print, as that day's register would: withdrawn only if withdrawn by then, unreleased if not in force yet.
    if (this.onDay !== undefined && target.kind !== "external") {
      if (target.status === "obsolete" && target.obsolete?.date !== undefined && target.obsolete.date > this.onDay) return "";
      if (target.status !== "obsolete" && revisionInForce(target, this.onDay) === undefined) return translate(this.lang, "render.reference.draft");
    }
    if (target.status === "obsolete") {
      const successor = target.obsolete?.superseded_by;
      return successor ? translate(this.lang, "render.reference.obsolete-superseded", { successor }) : translate(this.lang, "render.reference.obsolete");
    }
    if (neverReleased(target)) return translate(this.lang, "render.reference.draft");
    return "";
  }
}

const DEFAULT_SIGNATURES: readonly SignatureRole[] = ["prepared", "reviewed", "approved"];
/** The default layout of a revision countersigned (会签) by the departments it concerns, which `csr release --countersigned` records on a level without a layout of its own. */
const DEFAULT_COUNTERSIGNED: readonly SignatureRole[] = ["prepared", "reviewed", "countersigned", "approved"];
const DEFAULT_REVISION_COLUMNS: readonly RevisionColumn[] = ["date", "summary", "pages", "version", "by"];
const SIGNATURE_LABELS: Record<SignatureRole, string> = {
  prepared: "prepared",
  reviewed: "reviewed",
  countersigned: "countersigned",
  standardization: "standardization",
  approved: "approved",
  military_representative: "military_representative",
};
const REVISION_LABELS: Record<RevisionColumn, string> = {
  date: "revision_date",
  number: "revision_number",
  version: "revision_version",
  pages: "revision_pages",
  total_pages: "revision_total_pages",
  summary: "revision_summary",
  by: "revision_by",
  reviewed_by: "revision_reviewed",
  countersigned: "revision_countersigned",
  standardization: "revision_standardization",
  approved_by: "revision_approved",
  military_representative: "revision_military_representative",
  effective: "revision_effective",
  basis: "revision_basis",
};
const NOWRAP_COLUMNS = new Set<RevisionColumn>(["date", "number", "version", "effective"]);

function layoutItem<K extends string>(item: K | ({ label?: string; label_en?: string } & Record<string, unknown>), key: "role" | "column", lang: Lang): { value: K; label: string } {
  if (typeof item === "string") return { value: item, label: "" };
  const label = lang === "en" ? (item.label_en ?? "") : (item.label ?? "");
  return { value: item[key] as K, label };
}

function signatureCells(names: Names, revision: Revision | undefined, layout: DocumentLayout | undefined, lang: Lang): SignatureCellView[][] {
  const cells = (layout?.signatures ?? ((revision?.countersigned?.length ?? 0) > 0 ? DEFAULT_COUNTERSIGNED : DEFAULT_SIGNATURES)).map((item) => {
    const { value: role, label } = layoutItem<SignatureRole>(item, "role", lang);
    const signed = role === "countersigned" ? (revision?.countersigned ?? []) : revision?.[role] ? [revision[role]!] : [];
    // Several countersigners each keep their own date beside their name, the cell breaking between them only: a date
    // (2026-12-05) and a Chinese name never break, as in the revision record (breaker63 P6).
    if (signed.length > 1) {
      const nameLinks = signerParts(names, signed);
      return { labelKey: SIGNATURE_LABELS[role], label, name: names.list(signed.map((s) => `${names.person(s.by)}${s.date ? ` ${s.date}` : ""}`)), nameLinks, date: "", several: true as const };
    }
    return { labelKey: SIGNATURE_LABELS[role], label, name: signed[0] ? names.person(signed[0].by) : "", ...names.linksOf("name", signed[0]?.by), date: signed[0]?.date ?? "" };
  });
  const rows: SignatureCellView[][] = [];
  for (let i = 0; i < cells.length; i += 3) rows.push(cells.slice(i, i + 3));
  return rows;
}

/**
 * The parts of a cell of several signatures, "张丽 2026-12-05、周鹏 2026-12-05": each person (linking to their page where
 * the output links) and their date on one line (TextPart.nowrap), so that the cell breaks only after a separator; an
 * English name with a space may break between its words, its date still whole.
 */
function signerParts(names: Names, signed: readonly { by: string; date?: string }[]): TextPart[] {
  const separator = translate(names.lang, "common.list-separator");
  return signed.flatMap((s, i): TextPart[] => {
    const person = names.personPart(s.by);
    const date: TextPart[] = s.date ? [{ text: ` ${s.date}`, nowrap: true }] : [];
    return [...(i > 0 ? [{ text: separator }] : []), /\s/.test(person.text) ? person : { ...person, nowrap: true }, ...date];
  });
}

/** The signature (model/revision.ts revisionSignatures) each signer column of the revision record prints. */
const COLUMN_ROLE: Partial<Record<RevisionColumn, SignatureRole>> = {
  by: "prepared",
  reviewed_by: "reviewed",
  countersigned: "countersigned",
  standardization: "standardization",
  approved_by: "approved",
  military_representative: "military_representative",
};

/** Who signed a revision in the capacity of a column of the revision record (several for 会签); none for a column that names nobody. */
function revisionSigners(r: Revision, column: RevisionColumn): string[] {
  const role = COLUMN_ROLE[column];
  return role === undefined ? [] : revisionSignatures(r).flatMap((s) => (s.role === role ? [s.signature.by] : []));
}

/**
 * A reference number in a revision record's text: letters and digits joined by - / . or _
 * (QR-001-01-2026-045, DYA-C-2026-031, 8D-2026-012, A/2, CS/QP-019), up to 40 characters — a longer
 * run is no number a reader looks up, and unbroken it would push the table off the page.
 */
const REFERENCE = /[A-Za-z0-9]+(?:[-/._][A-Za-z0-9]+)+/g;
const REFERENCE_MAX = 40;

/**
 * `text` in parts with each reference number (REFERENCE) on one line, so that the HTML print breaks the
 * text around them, never inside one at a hyphen or slash (tester63 N15); undefined when it has none.
 */
function unbrokenReferences(text: string, href: (reference: string) => string | undefined = () => undefined): TextPart[] | undefined {
  const parts: TextPart[] = [];
  let at = 0;
  for (const match of text.matchAll(REFERENCE)) {
    if (match[0].length > REFERENCE_MAX) continue;
    if (match.index > at) parts.push({ text: text.slice(at, match.index) });
    const target = href(match[0]);
    parts.push(target === undefined ? { text: match[0], nowrap: true } : { text: match[0], href: target, nowrap: true });
    at = match.index + match[0].length;
  }
  if (parts.length === 0) return undefined;
  if (at < text.length) parts.push({ text: text.slice(at) });
  return parts;
}

/**
 * `{ textLinks }` of a revision record's cell in HTML: a signer column's people each on one line (a
 * 会签 of several breaks between them), linking to their page on the site; a text column's reference
 * numbers each on one line. Nothing for a cell printed as its text.
 */
function revisionParts(names: Names, r: Revision, column: RevisionColumn, text: string): { textLinks?: TextPart[] } {
  const signers = revisionSigners(r, column);
  if (signers.length === 0) {
    // The corrective actions among the basis (csr release --action) link to their record where the output links (the site's action register, look65 #5).
    const action = (reference: string) => ((r.actions ?? []).includes(reference) ? names.actionHref(reference) : undefined);
    const parts = column === "summary" || column === "pages" ? unbrokenReferences(text) : column === "basis" ? unbrokenReferences(text, action) : undefined;
    return parts ? { textLinks: parts } : {};
  }
  const separator = translate(names.lang, "common.list-separator");
  // A Chinese name stays whole (赵/强 is no name); an English one may break between its words, or the thirteen columns of a GJB record would not fit the page.
  const part = (id: string): TextPart => {
    const person = names.personPart(id);
    return /\s/.test(person.text) ? person : { ...person, nowrap: true };
  };
  return { textLinks: signers.flatMap((id, i): TextPart[] => [...(i > 0 ? [{ text: separator }] : []), part(id)]) };
}

function revisionCell(names: Names, doc: ControlledDocument, r: Revision, column: RevisionColumn): string {
  switch (column) {
    case "date":
      return revisionDate(r, names.lang);
    case "effective":
      // The current revision's is the document's (register data, corrected there); an earlier one's its own.
      return (r === currentRevision(doc) ? doc.effective : undefined) ?? r.effective ?? revisionDate(r, names.lang);
    case "number":
      return doc.id;
    case "version":
      return r.version;
    case "pages":
      return revisionPages(r, names.lang);
    case "total_pages":
      return r.total_pages === undefined ? "" : String(r.total_pages);
    case "summary":
      return revisionSummary(r, names.lang);
    case "by":
    case "reviewed_by":
    case "countersigned":
    case "standardization":
    case "approved_by":
    case "military_representative":
      return names.list(revisionSigners(r, column).map((id) => names.person(id)));
    case "basis":
      // The printed record has no column of customer notices: a class I change carries its 订购方's approval in this cell (tester81 J3).
      return [revisionBasis(r, names.lang), orderingApprovalText(r, names.lang)].filter(Boolean).join(translate(names.lang, "register.remarks-separator"));
  }
}

/**
 * The revision record's columns when the layout names none: 日期, 修订内容摘要, 页次, 版本/版次, 修订人,
 * then 审核人 and 批准人 once a revision records who reviewed and approved it (every release does:
 * an auditor asks who approved each change) — with 会签 and 标准化审查 before 批准人 and 军代表 after it,
 * in the order of the header's signatures, once a revision records them (`csr release --countersigned`,
 * `--standardization`, `--military-representative`; GJB 9001C 7.5.2; the columns `csr history` prints,
 * tester63 N3) — and 总页数 when a revision records them (most
 * registers have none). Columns nothing fills are left out rather than printed empty. 生效日期
 * follows 日期 once a revision took effect on another day than its date (`csr release --effective`):
 * without it, a version released 12-14 and in force from 12-21 read as in force from 12-14 once the
 * next one was out, the week its predecessor still governed gone from the print (tester54a A17).
 */
/** The columns defaultRevisionColumns adds after the others, in this order, each once a revision fills it. */
const OPTIONAL_REVISION_COLUMNS: readonly RevisionColumn[] = ["reviewed_by", "countersigned", "standardization", "approved_by", "military_representative", "total_pages"];

function defaultRevisionColumns(doc: ControlledDocument): RevisionColumn[] {
  const revisions = doc.revisions ?? [];
  const current = currentRevision(doc);
  const later = revisions.some((r) => {
    const effective = (r === current ? doc.effective : undefined) ?? r.effective;
    return effective !== undefined && effective !== r.date;
  });
  // 更改原因/依据 after the summary once a revision records why it was made (csr release --reason, --change-request, --ecn).
  const basis = revisions.some((r) => revisionBasis(r, "en") !== "");
  const dated = later ? (["date", "effective", ...DEFAULT_REVISION_COLUMNS.slice(1)] as RevisionColumn[]) : [...DEFAULT_REVISION_COLUMNS];
  return [
    ...(basis ? dated.flatMap((c) => (c === "summary" ? (["summary", "basis"] as RevisionColumn[]) : [c])) : dated),
    ...OPTIONAL_REVISION_COLUMNS.filter((column) => revisions.some((r) => (column === "total_pages" ? r.total_pages !== undefined : revisionSigners(r, column).length > 0))),
  ];
}

function stampOf(status: ControlledDocument["status"], kind: ControlledDocument["kind"]): Header["stamp"] {
  if (status === "released") return kind === "external" ? "external" : "released";
  if (status === "obsolete") return "obsolete";
  return "draft";
}

/** A revision printed after a later one replaced it (`csr render --revision`): its version, the one that replaced it and the day that one took effect. */
export interface SupersededRevision {
  version: string;
  by: string;
  effective: string;
}

/**
 * A version released to take effect later (待实施: model/revision.ts releasedPendingUntil), printed before
 * that day: its version, its 实施日期 (YYYY-MM-DD), the version in force until then (none before a first
 * issue takes effect), and whether the print is a controlled copy handed out early (`csr render --copy`).
 */
export interface PendingRevision {
  version: string;
  effective: string;
  inForce?: string;
  copy: boolean;
}

/**
 * `today`: the day a controlled copy is printed, which says whether an external document is still 待实施
 * (its 实施日期 ahead: the external document list says so, and so does the copy); without it, not said.
 * `revisionDraft`: the file's text is printed as the draft of the revision in preparation (修订中,
 * `csr render --draft`): stamped 草稿, its version "修订稿（现行 A/0）", no signatures (those of the
 * version in force did not approve it). `superseded`: `doc` is an earlier revision as released
 * (model/revision.ts asRevision), stamped 已替代 非受控 with a notice naming the revision that
 * replaced it, so that the print cannot pass as a controlled copy (IATF 16949 7.5.3.2). `pending`: `doc`
 * is a version not yet in force (IATF 16949 7.5.3.2.1: the version in force is the earlier one until the
 * 实施日期), stamped 待实施 非受控 for training and preparation, or 受控 待实施 on a controlled copy
 * handed out early, with a notice naming the day and the version in force until then. `reference`: the print is no
 * controlled copy (`csr render` without `--copy N`): a controlled copy is a numbered copy in the distribution record
 * (文件发放/回收记录, QP-001: 加盖"受控"章并注明分发号), so a released document prints 非受控 (外来文件 非受控) with a
 * notice saying it is for reference only, as a page of `csr site` does, and its handling rule without the word 受控 (tester67a A6).
 * `printed`: a print of `csr render` (not a page of csr site, whose banner says it), which carries the notices of the
 * deviations from the document in force on `today` (deviationNotices).
 */
export function documentView(repo: Repository, index: RepoIndex, doc: ControlledDocument, lang: Lang, body: BodyRenderer, link?: PageLinker, today?: string, revisionDraft = false, superseded?: SupersededRevision, pending?: PendingRevision, reference = false, printed = false): DocumentView {
  // A superseded revision printed as released (csr render --revision) names the documents it refers to at their revisions of its own day.
  const names = new Names(repo, index, lang, link, superseded && doc.revisions?.length ? revisionEffective(doc, doc.revisions.length - 1) : undefined);
  const inForce = currentRevision(doc);
  const current = revisionDraft ? undefined : inForce;
  const sections = sectionViews(doc, lang, body);
  const closing = closingSectionNumbers(doc);
  const layout = documentLayout(repo, doc, current && issuedOn(current));
  const defaults = defaultRevisionColumns(doc);
  const columns = (layout?.revisions ?? defaults).map((item) => layoutItem<RevisionColumn>(item, "column", lang));
  const temporary = revisionDraft || superseded ? undefined : temporaryNotice(doc, lang, today);
  const stamp = revisionDraft ? "draft" : superseded ? "superseded" : temporary?.expired ? "expired" : pending ? (pending.copy ? "released-pending" : "pending") : stampOf(doc.status, doc.kind);
  const uncontrolled = reference && (stamp === "released" || stamp === "external");
  // A draft, a revision replaced since and an expired temporary document are worked to by no one: no deviation applies to them.
  const deviations = !printed || today === undefined || revisionDraft || superseded || temporary?.expired || doc.status !== "released" ? [] : deviationNotices(index, doc.id, lang, today, pending?.effective);
  const header = names.header(doc.title, doc.title_en, doc.id, uncontrolled ? (stamp === "external" ? "external-uncontrolled" : "uncontrolled") : stamp);
  const classification = classificationName(lang, documentClassification(repo, doc));
  // A document marked 秘密 or above is not an internal document, which the organisation's notice may call it: its notice names its 密级.
  // A superseded revision, or a version not yet in force printed for training, is no controlled copy and has no 受控 notice; its 密级 still binds whoever holds the print.
  // A draft (the revision in preparation, or a document never released) goes round for 会签 printed and mailed, holding
  // the new text: the handling rule binds it as it does the copy in force, without the word that calls it controlled (tester57 E11);
  // so does a reference print of the released text (tester67a A6).
  const config = repo.config?.value;
  const handlingOnly = (header.stamp === "draft" || uncontrolled) && config !== undefined;
  const confidentiality =
    (header.confidentiality !== "" || superseded || pending || handlingOnly || temporary?.expired) && isStateSecret(repo, doc)
      ? translate(lang, "render.confidentiality-classified", { classification })
      : handlingOnly
        ? draftNotice(confidentialityNotice(config, lang, doc.kind === "external"), doc.kind === "external")
        : header.confidentiality;
  return {
    // The header's fields one by one: an object literal that starts with a spread and goes on with
    // forty properties cost V8 37 KB of allocation for each review report's view instead of 10 KB
    // (its hidden classes built again for every object), which the young-generation collections copied.
    organisation: header.organisation,
    confidentiality,
    title: header.title,
    number: header.number,
    stamp: header.stamp,
    numberLabel: header.numberLabel,
    lang,
    kind: doc.kind,
    level: doc.level,
    version: revisionDraft ? translate(lang, "render.version.revision-draft", { version: inForce?.version ?? "" }) : (current?.version ?? ""),
    department: names.department(doc.department),
    // 制订日期 is when the document was first established, not when the current version was (that is 生效日期's business).
    issued: firstIssueDate(doc, lang),
    // Not recorded (an earlier version on a page of a past day: model/as-of.ts documentOn keeps only a later 实施日期):
    // the version's date, as the registers give it (effectiveDate); a version imported without a date: on the paper record.
    effective: revisionDraft ? "" : (doc.effective ?? current?.date ?? (current?.imported ? revisionDate(current, lang) : "")),
    prepared: names.signature(current?.prepared),
    reviewed: names.signature(current?.reviewed),
    approved: names.signature(current?.approved),
    revisions: (doc.revisions ?? []).map((r) => ({
      date: revisionDate(r, lang),
      summary: revisionSummary(r, lang),
      pages: revisionPages(r, lang),
      version: r.version,
      by: r.prepared ? names.person(r.prepared.by) : "",
      approvedBy: r.approved ? names.person(r.approved.by) : "",
      totalPages: r.total_pages === undefined ? "" : String(r.total_pages),
    })),
    levelLabel: layout ? names.pick(layout.label ?? "", layout.label_en) : "",
    classification,
    keyOperations: (doc.key_operations ?? []).join(translate(lang, "register.list-separator")),
    signatureRows: signatureCells(names, current, layout, lang),
    revisionColumns: columns.map(({ value, label }) => ({ column: value, labelKey: REVISION_LABELS[value], label, nowrap: NOWRAP_COLUMNS.has(value) })),
    revisionRows: (doc.revisions ?? []).map((r) => ({
      cells: columns.map(({ value }) => {
        const text = revisionCell(names, doc, r, value);
        return { column: value, text, ...revisionParts(names, r, value, text), nowrap: NOWRAP_COLUMNS.has(value) };
      }),
    })),
    sections,
    landscape: printOrientation(doc) === "landscape",
    bodyOnPaper: bodyOnPaper(doc),
    relatedNumber: closing.related,
    related: (doc.related ?? []).map((id) => names.reference(doc.id, id)),
    recordsNumber: closing.records,
    records: (doc.forms ?? []).map((id) => names.reference(doc.id, id)),
    record: doc.record ? recordView(lang, doc, repo) : undefined,
    ...(doc.sheet ? { sheet: sheetView(doc.sheet, lang) } : {}),
    blank: printed && doc.kind === "form" && doc.sheet !== undefined,
    obsolete: doc.obsolete
      ? {
          date: doc.obsolete.date,
          reason: doc.obsolete.reason,
          approval: withdrawalApproval(lang, doc.obsolete, (id) => names.person(id)),
          supersededBy: doc.obsolete.superseded_by ? referenceLabel(names, doc.id, doc.obsolete.superseded_by) : "",
          ...(doc.obsolete.superseded_by && names.reference(doc.id, doc.obsolete.superseded_by).href !== undefined ? { supersededHref: names.reference(doc.id, doc.obsolete.superseded_by).href } : {}),
          temporary: doc.valid_until !== undefined ? (withdrawnTemporaryText(lang, doc) ?? "") : "",
          // The version it deviated from (when recorded), not the one in force today.
          deviatesFrom: (doc.deviates_from ?? []).map((id) => deviatedLabel(index, lang, doc, id)).join(translate(lang, "register.list-separator")),
        }
      : undefined,
    remarks: doc.remarks ?? "",
    symbolLegend: legendView(repo, doc, lang),
    ...(superseded ? { superseded: translate(lang, "render.superseded.notice", { id: doc.id, ...superseded }) } : {}),
    ...(pending ? { pending: pendingNotice(doc.id, pending, lang) } : {}),
    ...(uncontrolled ? { uncontrolled: translate(lang, "render.uncontrolled.notice", { id: doc.id }) } : {}),
    ...(temporary ? { temporary } : {}),
    ...(deviations.length > 0 ? { deviations } : {}),
    ...(doc.kind === "external"
      ? { external: { publisher: doc.external?.publisher ?? "", revision: doc.external?.revision ?? "", issued: doc.external?.issued ?? "", effective: doc.external?.effective ?? "", received: doc.external?.received ?? "", pending: externalPendingNote(doc, lang, today) } }
      : {}),
  };
}

/** A form's blank sheet as printed: every text in the output's language, each row as many cells as there are columns. */
/**
 * The 符号说明 rows of `doc` (DocumentView.symbolLegend): a work instruction's or form's marks in the order
 * its body first shows them, as model/symbols.ts symbolLegend explains them.
 */
function legendView(repo: Repository, doc: ControlledDocument, lang: Lang): DocumentView["symbolLegend"] {
  if ((doc.kind !== "instruction" && doc.kind !== "form") || repo.symbols.length + repo.ownSymbols.length === 0) return [];
  const marks = [...new Set(documentSections(doc).flatMap((s) => symbolMarks(s.section.text ?? "")))];
  const separator = translate(lang, "register.list-separator");
  return symbolLegend(
    repo.symbols.map((s) => s.value),
    marks,
    lang === "en",
    documentCustomers(repo).get(doc.id),
    repo.ownSymbols.map((s) => s.value),
  ).map((row) => ({
    symbol: row.symbol,
    class: row.class,
    meaning: row.meanings.join(lang === "en" ? "; " : "；"),
    customers: row.customers.map((c) => [c.customer, c.symbol, c.class].filter(Boolean).join(" ")).join(separator),
  }));
}

export interface SheetView {
  /** The fields above the table, three to a line, each printed with an empty box. */
  fieldRows: string[][];
  /**
   * The columns' headings and printed widths: `mm` as written (0: none), `width` the share of the A4 portrait text width
   * (175 mm) it is, for an HTML width attribute ("6.9%"; "" for none: a page of csr site allows no inline style).
   */
  columns: { label: string; mm: number; width: string }[];
  /** The rows to fill in: the items' cells first (as written), then empty ones ("") up to the column count; then the empty rows. */
  rows: string[][];
  notes: string;
  signatures: string[];
}

/** The most columns a body table prints with on A4 portrait, as a register prints (report/table.ts printedWide): a wider one turns the page. */
const PORTRAIT_COLUMNS = 8;

/**
 * The columns of the widest Markdown table in `text` (a header row followed by a delimiter row `|---|:--:|`), 0 for none.
 * Cells are counted between unescaped pipes, outer pipes optional, as markdown-it reads a GFM table.
 */
export function widestTableColumns(text: string): number {
  const lines = text.split("\n").map((line) => line.trim());
  const cells = (line: string) => line.replace(/^\|/, "").replace(/(?<!\\)\|$/, "").split(/(?<!\\)\|/);
  let widest = 0;
  for (let i = 1; i < lines.length; i++) {
    const delimiter = cells(lines[i]!);
    if (!lines[i]!.includes("-") || !delimiter.every((c) => /^\s*:?-+:?\s*$/.test(c))) continue;
    if (cells(lines[i - 1]!).length === delimiter.length) widest = Math.max(widest, delimiter.length);
  }
  return widest;
}

/**
 * The A4 page's orientation `doc` prints on: its `print.orientation` when written, else landscape when a body table
 * (its sections' Markdown) or its blank sheet has more than eight columns (a control plan's ten, a PFMEA's fifteen),
 * as a register is (report/table.ts), else portrait. Every column is printed whole either way: cells wrap within the
 * page (document-style.hbs), since nothing may be cut off a controlled document's print (IATF 16949 7.5.3.1).
 */
export function printOrientation(doc: Pick<ControlledDocument, "print" | "sections" | "sheet">): "portrait" | "landscape" {
  if (doc.print?.orientation) return doc.print.orientation;
  const columns = Math.max(doc.sheet?.columns.length ?? 0, ...documentSections(doc).map((s) => widestTableColumns(s.section.text ?? "")));
  return columns > PORTRAIT_COLUMNS ? "landscape" : "portrait";
}

/** The text width of an A4 portrait page (document-style.hbs: body max-width 175mm), in millimetres: a sheet column's width is its share. */
const SHEET_TEXT_WIDTH_MM = 175;

/** `label` of a sheet in `lang`: its English where --lang en and given, else as written. */
function sheetLabel(label: SheetLabel, lang: Lang): string {
  return typeof label === "string" ? label : lang === "en" ? (label.label_en ?? label.label) : label.label;
}

/**
 * The blank sheet of a form (document.schema.json `sheet`) as printed in `lang`: fields three to a line; the items'
 * rows padded with empty cells to the column count (an item with more cells than columns keeps them all: nothing
 * written is dropped from the print); then `rows` empty rows (absent: 10 without items, none with them).
 */
export function sheetView(sheet: FormSheet, lang: Lang): SheetView {
  const fields = (sheet.fields ?? []).map((f) => sheetLabel(f, lang));
  const fieldRows: string[][] = [];
  for (let i = 0; i < fields.length; i += 3) fieldRows.push(fields.slice(i, i + 3));
  const width = sheet.columns.length;
  const items = (sheet.items ?? []).map((item) => {
    const cells = item.map(String);
    return cells.length >= width ? cells : [...cells, ...Array<string>(width - cells.length).fill("")];
  });
  const empty = sheet.rows ?? (items.length === 0 ? 10 : 0);
  return {
    fieldRows,
    columns: sheet.columns.map((c) => {
      const mm = typeof c === "string" ? 0 : (c.width ?? 0);
      return { label: sheetLabel(c, lang), mm, width: mm > 0 ? `${Math.round((mm / SHEET_TEXT_WIDTH_MM) * 1000) / 10}%` : "" };
    }),
    rows: [...items, ...Array.from({ length: empty }, () => Array<string>(width).fill(""))],
    notes: lang === "en" ? (sheet.notes_en ?? sheet.notes ?? "") : (sheet.notes ?? ""),
    signatures: (sheet.signatures ?? []).map((s) => sheetLabel(s, lang)),
  };
}

/**
 * The notices of the deviations from document `id` in force on `today` (model/deviations.ts deviationInForce), by
 * number, in the words of its page of csr site: 同时适用偏离 WI-010-03 扣压夹具维修期间临时偏离（至 2026-12-19）：在此之前须与本页
 * 一并阅读执行。 On a print of a version 待实施 from `pending` (YYYY-MM-DD), that the deviation applies now, to the version
 * in force, and whether it still will once this one takes effect. A deviation not on the print of the document
 * it deviates from is not at the point of use (IATF 16949 8.5.6.1.1, 8.5.1.2; tester75 P8).
 */
function deviationNotices(index: RepoIndex, id: string, lang: Lang, today: string, pending: string | undefined): string[] {
  return [...index.documents.values()]
    .map((entry) => entry.value)
    .filter((d) => d.id !== id && (d.deviates_from ?? []).includes(id) && deviationInForce(d, today))
    .sort((a, b) => a.id.localeCompare(b.id, "en", { numeric: true }))
    .map((d) => {
      const name = `${d.id} ${localized(lang, d.title, d.title_en)}`;
      const until = d.valid_until;
      const end =
        pending === undefined
          ? until === undefined
            ? translate(lang, "site.document.status.deviation.open")
            : translate(lang, "site.document.status.deviation.until", { until })
          : until === undefined
            ? translate(lang, "site.document.status.deviation-pending.open", { date: pending })
            : until < pending
              ? translate(lang, "site.document.status.deviation-pending.ends-before", { until, date: pending })
              : translate(lang, "site.document.status.deviation-pending.until", { until, date: pending });
      return `${translate(lang, pending === undefined ? "site.document.status.deviation" : "site.document.status.deviation-pending")}${name}${end}`.trim();
    });
}

/**
 * What a printed page of a document is, on every page (the PDF's page foot above 第 x 页 共 y 页, the
 * Word footer): the stamp's words (`t`: the print labels, `stamp_…`), and on a numbered controlled copy
 * its 受控号, holder and place of use (受控 受控号 3 持有：生产部 黄军 使用场所：压接工位 OP20); on a print
 * that is no controlled copy the short 非受控 notice. A loose sheet of a copy at the point of use is then
 * known for what it is, not only its first page (IATF 16949 7.5.3.2.1, 8.5.1.2). Undefined without a stamp.
 */
export function pageBand(view: Pick<DocumentView, "stamp" | "copy" | "copyHolder" | "copyLocation" | "lang" | "number">, t: (key: string) => string): string | undefined {
  if (view.stamp === "") return undefined;
  if (view.stamp === "uncontrolled" || view.stamp === "external-uncontrolled") return translate(view.lang, "render.uncontrolled.band", { stamp: t(`stamp_${view.stamp}`), id: view.number });
  const copy = view.copy === undefined ? [] : [`${t("copy_number")} ${view.copy}`, ...(view.copyHolder ? [`${t("copy_holder")}${t("colon")}${view.copyHolder}`] : []), ...(view.copyLocation ? [`${t("copy_location")}${t("colon")}${view.copyLocation}`] : [])];
  return [t(`stamp_${view.stamp}`), ...copy].join(" ");
}

/**
 * A document a deviation deviated from, by number, the version it deviated from when recorded, and title
 * (by number only when the repository lacks it: ref/unresolved reports that); the document page's and the
 * site's deviation cells alike ("WI-010-01 A/1 制动软管总成扣压作业指导书", tester63 N7).
 */
export function deviatedLabel(index: RepoIndex, lang: Lang, deviation: ControlledDocument, id: string): string {
  const target = index.documents.get(id)?.value;
  const number = deviatedNumber(deviation, id);
  return target ? `${number} ${localized(lang, target.title, target.title_en)}` : number;
}

function referenceLabel(names: Names, from: string, id: string): string {
  const ref = names.reference(from, id);
  return `${ref.id} ${ref.title}${ref.version ? ` (${ref.version})` : ""}`;
}

/** The notice on a version printed before it takes effect: a reference copy for training, or a controlled copy handed out early. */
function pendingNotice(id: string, pending: PendingRevision, lang: Lang): string {
  const data = { id, version: pending.version, effective: pending.effective, inForce: pending.inForce ?? "" };
  const first = pending.inForce === undefined;
  if (pending.copy) return translate(lang, first ? "render.pending.copy-notice.first" : "render.pending.copy-notice", data);
  return translate(lang, first ? "render.pending.notice.first" : "render.pending.notice", data);
}

/**
 * A released temporary document's notice on `today` (YYYY-MM-DD): 临时文件，有效期至 2026-12-18 up to and on its last
 * valid day (`valid_until`), expired after it; undefined for a document not temporary or not released, or with no day
 * to judge it on. The registers' 临时（至 …） status (report/registers/context.ts temporaryStatus) is the same judgement.
 */
function temporaryNotice(doc: ControlledDocument, lang: Lang, today: string | undefined): { text: string; expired: boolean } | undefined {
  const until = doc.valid_until;
  if (doc.status !== "released" || until === undefined || today === undefined) return undefined;
  const expired = until < today;
  return { text: translate(lang, expired ? "render.temporary.expired" : "render.temporary.notice", { until }), expired };
}

/** "待实施：自 2027-03-01 起实施。" on an external document's copy printed before its 实施日期; "" otherwise. */
function externalPendingNote(doc: ControlledDocument, lang: Lang, today: string | undefined): string {
  const pending = today === undefined ? undefined : externalPendingUntil(doc, today);
  return pending ? translate(lang, "render.external.pending", { date: pending }) : "";
}

/** The body sections with the numbers the document declares (model/sections.ts), flattened in reading order. */
export function sectionViews(doc: Pick<ControlledDocument, "sections">, lang: Lang, body: BodyRenderer): SectionView[] {
  const anchors = new Set<string>();
  return documentSections(doc).map((s) => {
    // A number declared twice (doc/section-number reports it) gives its id to the first section only.
    const anchor = sectionAnchor(s.number);
    const first = !anchors.has(anchor);
    anchors.add(anchor);
    return {
      anchor: first ? anchor : "",
      number: s.number,
      title: lang === "en" && s.title_en ? s.title_en : s.title,
      depth: s.depth,
      heading: Math.min(s.depth + 1, 6),
      body: s.section.text ? body(s.section.text.trim()) : "",
    };
  });
}

export interface OpinionView {
  department: string;
  reviewer: string;
  reviewerLinks?: TextPart[];
  /** A label key suffix: accept, accept-with-action, reject; empty when the opinion is missing. */
  opinion: string;
  date: string;
  comment: string;
}

export interface ReviewRoundView {
  /** Why the entry went to the history as written (historyReason); the report prints `closing`. */
  reason: string;
  sourceRevision: string;
  closed: string;
  /**
   * The round as the review-timeliness register judges it (a round a new source revision closed; all "" for an
   * amended decision's entry): how it started (`received`, or `restarted` by a new source revision) and when, its
   * deadline, the day it was decided, its timeliness (按期, 逾期 3 个工作日, 换版前未决定).
   */
  startKind: "received" | "restarted" | "";
  start: string;
  due: string;
  decidedOn: string;
  timeliness: string;
  /** How the round was closed: "2026-03-16 因 D 版换版重评而关闭：<reason>" (historyClosing), not its own reason (tester55 C7). */
  closing: string;
  /** The departments that round had to countersign, and who did not, on one line (countersigningText); "" when the record does not say. */
  required: string;
  opinions: OpinionView[];
  /** That round's signed review record on one line (reviewRecordText); "" when none is named. */
  record: string;
  decision?: { disposition: string; by: string; byLinks?: TextPart[]; date: string };
  /** Why that round's decision was late ("" when none is recorded); in an amended entry, the reason it replaced. */
  lateReason: string;
}

/** A signature on the review report: who (by name) and when; "" when not recorded. */
export interface SignedView {
  by: string;
  byLinks?: TextPart[];
  date: string;
}

export interface CsrReportView extends Header {
  lang: Lang;
  /** The CSR's 密级 as printed ("" for none): above the title and in the running header, as a document's (csrClassification). */
  classification: string;
  /**
   * The report's own form (csr.review_form in qms.yaml): its number and the version in force on the
   * day printed, whose layout the print has; `reprint` says when the review was decided on an earlier
   * version (or before the form was released): "依 2025-02-17 评审记录按 QR-015-02 A/1 重新输出（评审时为 A/0 版表单）".
   */
  form?: { number: string; version: string; reprint: string };
  /**
   * A report printed for a past day (`csr render --as-of`): "本报告按 2025-09-16 当日的记录还原：…", the day and what
   * the report cannot date (负责人、完成期限、证据), as the registers of a past day say under their tables; "" otherwise.
   */
  asOf?: string;
  /** Start of the current review: received, restarted by a new source revision, or the received date of a revision confirmed unchanged. */
  reviewStart: string;
  restarted: boolean;
  /** Who confirmed that the current source revision left the CSR unchanged ("" when nobody did); decidedOn is then that confirmation's date. */
  confirmedBy: string;
  confirmedByLinks?: TextPart[];
  /** Every revision confirmed unchanged (review.confirmations), oldest first. */
  confirmations: { sourceRevision: string; by: string; byLinks?: TextPart[]; date: string; comment: string; lateReason: string }[];
  due: string;
  decidedOn: string;
  workdaysUsed: number;
  /** on-time, late, open, overdue, superseded (superseded undecided within its period: no deadline, no working days printed) or superseded-overdue: a label key suffix. */
  timeliness: string;
  /**
   * Printed for its timeliness instead of the label of `timeliness`: a review decided late, by how many working days
   * (逾期 3 个工作日, as the matrix and the review-timeliness register say it, tester52 D2); "" otherwise.
   */
  pastDue: string;
  lateReason: string;
  /** The deadline runs through a year without public-holiday data. */
  estimated: boolean;
  history: ReviewRoundView[];
  customer: string;
  source: string;
  sourceRevision: string;
  /** What the source revision reviewed changed from the one before (变更内容, its `summary`), in the report's language; "" when not recorded. */
  sourceChange: string;
  section: string;
  clauses: string;
  category: string;
  received: string;
  status: string;
  /** The supersession (csr supersede), printed with the status: its date, successor and reason; "" when not superseded. */
  supersession: string;
  requirementTitle: string;
  body: string;
  /**
   * The typing errors corrected in the reviewed requirement after its decision (csr set --amend, `amendments`), oldest
   * first: the day, the field by name, what it read before (on one line) and why; the opinions and the decision below
   * were given on the earlier text, and the report says so (tester56 D11).
   */
  amendments: { date: string; field: string; was: string; reason: string; by: string }[];
  /** Whether one was corrected since the current round started: its opinions and decision were given on the text before (a later round's on the text corrected). */
  amendedAfterReview: boolean;
  /**
   * The departments this round has to countersign (须会签部门), and how the CSR's own list differs from qms.yaml's
   * csr.reviewers, on one line (countersigningText; tester56 D13); "" when none is required.
   */
  required: string;
  opinions: OpinionView[];
  /** The signed review record that holds the opinions not recorded here (review.record), on one line; "" when none is named. */
  record: string;
  /**
   * `overruled`: the departments whose 不同意 the decision overrules (must or optional over a reject
   * opinion), as one list; "" when none. The report then labels the justification as how the
   * objection was resolved, and says so when it is missing (csr/rejection-overruled).
   */
  /** late: the decision was taken after its review period and a later source revision confirmed unchanged keeps it (the header judges the confirmation). */
  /**
   * `disposition` is `rejected-alternative` for a requirement rejected as written whose alternative the customer agreed
   * (model/decision.ts dispositionKey); `alternative` then says that alternative, who agreed it for the customer, when and
   * its record on one line (IATF 16949 4.3.2), "" otherwise.
   */
  decision?: { disposition: string; justification: string; alternative: string; by: string; byLinks?: TextPart[]; date: string; forced: boolean; overruled: string; late?: { text: string; reason: string } };
  /** The review report's 记录 and 评审组长 (review.recorder, review.leader): name and date, "" when not recorded. */
  recorder: SignedView;
  leader: SignedView;
  /**
   * The military representative's (军代表) signature of agreement (review.military_representative), as
   * the recorder's; present only in a repository with a military representative office (qms.yaml
   * external_parties of kind military-representative) or when one is recorded, so that an IATF
   * report has no 军代表 cell.
   */
  militaryRepresentative?: SignedView;
  /** Each 落实文件 with the section it addresses (`section`, its label) and that section's id on the document's page (`anchor`; "" where the document is not linked). */
  addressed: (ReferenceView & { section: string; anchor: string })[];
  implementation?: {
    owner: string;
    ownerLinks?: TextPart[];
    due: string;
    /** The customer's date beside the due date, its source, and how the implementation misses it; empty when the customer set none. */
    customerDate: string;
    status: string;
    implemented: string;
    evidence: string;
    /** Dates implemented and verifications replaced with csr implement --amend (implementation.history), oldest first: the record as it was, and when and why it was replaced. */
    history: { closed: string; reason: string; implemented: string; verifiedBy: string; verifiedByLinks?: TextPart[]; verifiedOn: string }[];
  };
  distribution: string;
  /** To which suppliers the requirement was passed down, one supplier each, with its acknowledgement or 待重新传递 (csr flow-down); empty when not to be passed down. */
  flowDown: string;
  /**
   * `state` is model/training-completion.ts csrTrainingReading's (`counted` its 已培训 2/9 人 when `partial`, else empty); `sessions` the sessions recorded with `csr
   * train`, oldest first, with people and trainer by name; `records` the record numbers of a
   * training recorded without sessions (an imported list's). Each session's `method`, `hours`, `failed` and `evaluation` are
   * the training register's (model/training.ts sessionResultsIn, "" when not recorded); `results` and `evaluated` say
   * whether the report has their columns, as the register adds them (sessionResultColumns; tester72 Q5).
   */
  training?: {
    required: boolean;
    state: CsrTrainingReading["state"];
    counted: string;
    /** 培训期限 with how it was counted and, while someone is owed it, where it stands (csrTrainingDeadlineIn); "" when it has none (not decided to be met). */
    deadline: string;
    records: string;
    results: boolean;
    evaluated: boolean;
    sessions: { date: string; revision: string; people: string; peopleLinks?: TextPart[]; trainer: string; trainerLinks?: TextPart[]; record: string; method: string; hours: string; failed: string; evaluation: string }[];
  };
}

/**
 * The review form a report is printed on. csr prints one layout, the form's as it stands: the
 * version named is the one in force on the day printed (`today`), not the one the review was decided
 * on, which had other fields (QR-015-02 A/1 added the 会签, 结论分类 and 实施跟踪 columns: an auditor
 * comparing an "A/0" print with the A/0 blank form sees columns it never had, tester52 D5). A review
 * decided on an earlier version, or before the form was released, is printed again on today's form,
 * and the print says so and names the version the record was made on (IATF 16949 7.5.3.2.1).
 */
function reviewForm(lang: Lang, number: string, form: ControlledDocument | undefined, decided: string | undefined, today: string): { number: string; version: string; reprint: string } {
  const version = form ? (formRevisionOn(form, today)?.version ?? "") : "";
  if (!form || version === "" || decided === undefined) return { number, version, reprint: "" };
  const then = formRevisionOn(form, decided)?.version;
  if (then === version) return { number, version, reprint: "" };
  const data = { date: decided, form: number, version, then: then ?? "" };
  return { number, version, reprint: translate(lang, then === undefined ? "render.csr.form-reprint-unreleased" : "render.csr.form-reprint", data) };
}

/**
 * `today` (YYYY-MM-DD) measures an open review's working days. `versionOn`: the version of a 落实文件 in force on `today` as the CSR matrix prints it (report/registers/context.ts
 * versionInForce of the document as its records show it that day: "A/1；A/2 待实施（2026-12-15 实施）"), "" for one not
 * yet released then; without it, the document's latest version. `textOf`: the document whose text a section it is
 * addressed in is looked up in, when the one in `index` lacks it (csr site withholds a 秘密 document's sections from its
 * pages, not from the judgement of the sections its CSRs cite: a section gone is marked 未找到该章节 as csr render marks it).
 * `inForce`: the version in force of the documents being revised, by id (load/base.ts revisedInForce), whose sections a
 * link names until the release (model/revision.ts citedDocument), as csr show and the CSR matrix print them.
 */
/**
 * A review report's clauses (对应条款) as the review was made: a review decided before 'csr standard
 * migrate' moved the references to a new edition cites the old clauses it was reviewed against
 * (referencesOn; tester58 F8), and, printed after the migration, the new clause beside each
 * (IATF 16949 8.3.3.3 特殊特性（现为 IATF 16949 第二版 8.3.3.4 特殊特性）) where its number changed. An undecided review is
 * made on `today`, the report's day (--as-of or today).
 */
function reviewedClauses(repo: Repository, lang: Lang, csr: Csr, today: string, cite: (ref: string) => string): string[] {
  // A repository migrated before csr recorded the day: the day of its migration commit, asked of git only here.
  const migratedOn = (successor: Catalog) => migrationDay(repo, successor);
  const reviewed = referencesOn(csr.clauses, repo.catalogs, csr.review?.decision?.date ?? today, migratedOn);
  // Printed on a day before the migration too (--as-of), the report knows no new numbers.
  const stillOld = new Set(referencesOn(csr.clauses, repo.catalogs, today, migratedOn).flatMap((e) => (e.now ? [e.now] : [])));
  // A clause kept under its number needs no new number beside it.
  const renumbered = (ref: string, now: string) => parseClauseRef(ref)?.clause !== parseClauseRef(now)?.clause;
  return reviewed.map(({ ref, now }) => cite(ref) + (now && !stillOld.has(now) && renumbered(ref, now) ? translate(lang, "render.clause.now", { clause: cite(now) }) : ""));
}

export function csrReportView(
  repo: Repository,
  index: RepoIndex,
  csr: Csr,
  lang: Lang,
  body: BodyRenderer,
  today: string,
  link?: PageLinker,
  versionOn?: (id: string) => string,
  textOf?: (doc: ControlledDocument) => ControlledDocument,
  asOf?: { now: Csr },
  inForce?: ReadonlyMap<string, ControlledDocument>,
): CsrReportView {
  const names = new Names(repo, index, lang, link);
  const customer = index.customers.get(csr.customer)?.value;
  const source = customer?.sources?.find((s) => s.id === csr.source.document);
  const config = repo.config?.value;
  const opinionView = (o: Opinion): OpinionView => ({
    department: names.department(o.department),
    reviewer: names.person(o.reviewer),
    ...names.linksOf("reviewer", o.reviewer),
    opinion: o.opinion,
    date: o.date,
    comment: o.comment ?? "",
  });
  const opinions: OpinionView[] = (csr.review?.opinions ?? []).map(opinionView);
  // The outstanding ones of the current round are rows of the opinions table; a closed round's are said in its line.
  const countersignedIn = (c: ReturnType<typeof countersigning>, missing: boolean) => (c ? countersigningText(c, lang, (code) => names.department(code), missing) : "");
  const signed = (s: Signature | undefined): SignedView => ({ by: s ? names.person(s.by) : "", ...names.linksOf("by", s?.by), date: s?.date ?? "" });
  const record = csr.review?.record ? reviewRecordText(csr.review.record) : "";
  // With a named record the departments' signatures are on it: no blank row asks for them here.
  if (!record) for (const code of missingOpinions(csr, config)) opinions.push({ department: names.department(code), reviewer: "", opinion: "", date: "", comment: "" });
  const decision = csr.review?.decision;
  const implementation = csr.implementation;
  const status = csrStatus(csr, (id) => index.documents.get(id)?.value, today, config);
  // 已验证 by the implementation's owner is marked where the report prints a status (templates' status_/implementation_verified-by-owner, tester53 N4).
  const byOwner = verifiedByOwner(csr, config);
  const round = currentReviewRound(csr, repositoryCalendar(config), config, today, customer);
  const closedRounds = historyRounds(csr, repositoryCalendar(config), config, today, customer);
  // The decision a confirmation of an unchanged revision keeps, when it was late: the header judges the confirmation, this says the decision was late.
  const keptLate = lateKeptDecision(csr, repositoryCalendar(config), config, today, customer);
  const formNumber = csrReviewForm(index, config);
  const formDoc = formNumber ? index.documents.get(formNumber)?.value : undefined;
  // A filled-in review report is a record: it carries no 受控 stamp; one not yet decided is a draft. One whose requirement
  // was superseded is stamped 已替代: the record stays valid and retained; 作废 (and its watermark) is for a withdrawn
  // document whose copies are recalled (tester52 D13).
  const header = names.header(csr.title, csr.title_en, csr.id, status === "superseded" ? "superseded-record" : decision ? "" : "draft", "csr_id");
  // One reading with csr show and csr list training --missing on the report's day (breaker63 P1); none without training.
  const training = csr.training ? csrTrainingReading(csr, peopleOf({ index }), config, today, trainingRecordDays(repo)) : undefined;
  const trainingDeadline = csr.training ? csrTrainingDeadline(csr, customer, config, repositoryCalendar(config), today) : undefined;
  return {
    // The header's fields one by one, not spread (see documentView).
    organisation: header.organisation,
    confidentiality: header.confidentiality,
    title: header.title,
    number: header.number,
    stamp: header.stamp,
    numberLabel: header.numberLabel,
    lang,
    classification: classificationName(lang, csrClassification(customer, csr)),
    form: formNumber ? reviewForm(lang, formNumber, formDoc, round.decided, today) : undefined,
    ...(asOf ? { asOf: translate(lang, "render.csr.as-of", { date: today }) } : {}),
    reviewStart: round.start,
    restarted: round.kind !== "received",
    confirmedBy: round.kind === "confirmed" ? names.person(round.by!) : "",
    ...(round.kind === "confirmed" ? names.linksOf("confirmedBy", round.by) : {}),
    confirmations: (csr.review?.confirmations ?? []).map((c) => ({ sourceRevision: c.source_revision, by: names.person(c.by), ...names.linksOf("by", c.by), date: c.date, comment: c.comment ?? "", lateReason: c.late_reason ?? "" })),
    due: round.timeliness === "superseded" ? "" : round.due,
    decidedOn: round.decided ?? "",
    workdaysUsed: round.workdaysUsed,
    timeliness: round.timeliness,
    pastDue: lateByText(lang, round) ?? "",
    lateReason: round.lateReason ?? "",
    estimated: round.estimatedYears.length > 0 && round.timeliness !== "superseded",
    history: (csr.review?.history ?? []).map((round, i) => ({
      reason: historyReason(round, csr.source.document, lang),
      sourceRevision: round.source_revision ?? "",
      closed: round.closed ?? "",
      ...historyRoundTiming(lang, closedRounds[i]?.round),
      closing: historyClosing(round, closedRounds[i]?.closedBy, csr.source.document, lang),
      required: countersignedIn(countersigning(csr, config, round), true),
      opinions: (round.opinions ?? []).map(opinionView),
      record: round.record ? reviewRecordText(round.record) : "",
      decision: round.decision ? { disposition: dispositionKey(round.decision), by: names.person(round.decision.by), ...names.linksOf("by", round.decision.by), date: round.decision.date } : undefined,
      lateReason: round.late_reason ?? "",
    })),
    customer: customer ? `${csr.customer} ${names.pick(customer.name, customer.name_en)}` : csr.customer,
    source: source ? `${source.id} ${names.pick(source.title, source.title_en)}` : csr.source.document,
    sourceRevision: csr.source.revision,
    sourceChange: sourceChangeOf(source?.revisions.find((r) => r.revision === csr.source.revision), (zh, en) => names.pick(zh, en)),
    section: csr.source.section ?? "",
    clauses: names.list(reviewedClauses(repo, lang, csr, today, (c) => names.clause(c))),
    category: categoryName(config, csr.category, lang),
    received: csr.received,
    status: status === "implemented" && byOwner ? "verified-by-owner" : status,
    supersession: csr.superseded
      ? translate(lang, csr.superseded.by ? "render.csr.superseded-by" : "render.csr.superseded", { date: csr.superseded.date, by: csr.superseded.by ?? "", reason: csr.superseded.reason })
      : "",
    requirementTitle: names.pick(csr.title, csr.title_en),
    body: csr.text ? body(csr.text.trim()) : "",
    amendments: (csr.amendments ?? []).map((a) => ({
      date: a.date,
      field: translate(lang, `set.field.${a.field}`),
      was: a.was === undefined || a.was.length === 0 ? translate(lang, "show.amendment.empty") : Array.isArray(a.was) ? names.list(a.was.map((c) => names.clause(c))) : a.was.trim().replace(/\s*\n\s*/g, " "),
      reason: a.reason ?? "",
      by: a.by ? names.person(a.by) : "",
    })),
    amendedAfterReview: (csr.amendments ?? []).some((a) => a.date >= round.start),
    required: countersignedIn(countersigning(csr, config), false),
    opinions,
    record,
    decision: decision
      ? {
          disposition: dispositionKey(decision),
          justification: decision.justification ?? "",
          alternative: decision.alternative
            ? translate(lang, "show.alternative", { text: decision.alternative.text, with: decision.alternative.agreed_with, on: decision.alternative.agreed_on, record: decision.alternative.record ? translate(lang, "show.alternative.record", { record: decision.alternative.record }) : "" })
            : "",
          by: names.person(decision.by),
          ...names.linksOf("by", decision.by),
          date: decision.date,
          // Forced without countersigns that are on the named paper record is not forced for want of them (csr/forced-decision).
          forced: decision.forced === true && csr.review?.record === undefined,
          overruled: names.list(overruledOpinions(csr).map((o) => names.department(o.department))),
          ...(keptLate ? { late: { text: translate(lang, "render.csr.decision-late", { due: keptLate.due, count: workdaysPastDue(keptLate) }), reason: keptLate.lateReason ?? "" } } : {}),
        }
      : undefined,
    recorder: signed(csr.review?.recorder),
    leader: signed(csr.review?.leader),
    ...(militaryParties(index).length > 0 || csr.review?.military_representative ? { militaryRepresentative: signed(csr.review?.military_representative) } : {}),
    addressed: (csr.addressed ?? []).map((a) => {
      const reference = names.reference(csr.id, a.document);
      const target = index.documents.get(a.document)?.value;
      // A link into a document being revised names the version in force's section (citedDocument), as csr show prints it.
      const own = target && (textOf?.(target) ?? target);
      const judged = own && citedDocument(own, a, inForce);
      const { section, anchor } = addressedSection(judged, a.section, lang, target !== undefined && isStateSecret(repo, target));
      // A place that does not address the requirement on the day says so, as the CSR matrix does (已作废 <date> / 待实施, 不计入落实).
      const standing = addressing(a, target, today, csr);
      // A superseded requirement was addressed by the revision in force when it was superseded, not by a later one, which may be
      // the very revision that removed it (tester52 D1): that revision, marked; and no link into today's text of the section.
      // A withdrawal after that day does not undo it; one before it means no revision addressed it then (model/link-start.ts).
      const then = target && csr.superseded ? addressedWhenSuperseded(target, csr.superseded.date) : undefined;
      if (then?.kind === "in-force") {
        const shown = versionOn ? versionOn(a.document) : reference.version;
        const mark = then.withdrawn
          ? translate(lang, "render.addressed.superseded-withdrawn", { date: csr.superseded!.date, withdrawn: then.withdrawn })
          : translate(lang, "render.addressed.superseded", { date: csr.superseded!.date });
        return { ...reference, version: then.version, mark, section, anchor: reference.href === undefined || own !== target || shown !== then.version ? "" : anchor };
      }
      const mark =
        standing.counts
          ? standing.undated
            ? translate(lang, "render.addressed.undated", { date: today })
            : reference.mark
          : standing.why === "unreleased"
            ? reference.mark
            : standing.why === "pending"
              ? translate(lang, "render.addressed.pending", { date: standing.date })
              : standing.why === "later"
                ? translate(lang, "render.addressed.later", { version: standing.version, date: standing.date })
                : standing.why === "revised"
                ? translate(lang, "render.addressed.revised", { revision: standing.revision, date: standing.date })
                : standing.why === "draft"
                ? translate(lang, "render.addressed.draft", { version: standing.version, date: standing.date })
                : standing.why === "suspect"
                ? unconfirmedLinkText(standing, lang)
                : standing.date
                  ? translate(lang, "render.addressed.withdrawn", { date: standing.date })
                  : translate(lang, "render.addressed.withdrawn-undated");
      // A section is linked only where the document is.
      // A link to the pending revision names that revision beside its mark, as csr show does.
      const version = versionOn && (standing.counts || standing.why !== "pending") ? versionOn(a.document) : reference.version;
      // Not into a document whose page withholds its sections.
      return { ...reference, version, mark, section, anchor: reference.href === undefined || own !== target ? "" : anchor };
    }),
    implementation: implementation
      ? {
          owner: implementation.owner ? names.person(implementation.owner) : "",
          ...names.linksOf("owner", implementation.owner),
          due: implementation.due ?? "",
          customerDate: customerDateView(csr, customer, lang, repositoryCalendar(config)),
          status: byOwner ? "verified-by-owner" : (implementation.status ?? ""),
          implemented: implementation.implemented ?? "",
          evidence: evidenceOn(lang, implementation, today, asOf?.now),
          history: (implementation.history ?? []).map((h) => ({
            closed: h.closed,
            reason: historyReason(h, csr.source.document, lang),
            implemented: h.implemented ?? "",
            verifiedBy: h.verified ? names.person(h.verified.by) : "",
            ...names.linksOf("verifiedBy", h.verified?.by),
            verifiedOn: h.verified?.date ?? "",
          })),
        }
      : undefined,
    // Each distribution with its date and who distributed it: 品质部、生产部（2026-11-19，陈静）；市场部（2026-11-21）.
    // Once one is of another wording than the current revision's, each names its revision, and a current one not yet
    // distributed is said (tester54a A10): V2.0 版：品质部、技术部（2025-09-17）；V3.0 版尚未发放.
    distribution: csrDistributionView(csr, lang, names),
    flowDown: csrFlowDownView(csr, lang, index, today, names),
    training: csr.training && training
      ? {
          required: csr.training.required,
          state: training.state,
          counted: training.state === "partial" ? translate(lang, "render.training.counted", { trained: training.trained, required: training.required }) : "",
          deadline: trainingDeadline ? csrTrainingDeadlineIn(lang, trainingDeadline, training.state === "open" || training.state === "partial") : "",
          records: names.list(recordsTextIn(lang, csr, trainingRecordDays(repo))),
          ...sessionResultColumns(csr.training.sessions ?? [], today),
          sessions: (csr.training.sessions ?? []).map((s) => {
            const results = sessionResultsIn(lang, s, today, (id) => names.person(id));
            // Linked to the people's pages only when they are all the session names: a department or trainees outside people.yaml have none.
            const onlyPeople = s.department === undefined && s.trainees === undefined;
            const peopleLinks = onlyPeople ? names.links((s.people ?? []).map((id) => ({ id }))) : undefined;
            return {
              date: s.date,
              revision: s.revision ?? "",
              people: sessionTraineesIn(lang, s, (p) => names.person(p), (d) => names.department(d), (p) => index.people.get(p)?.value.department),
              ...(peopleLinks ? { peopleLinks } : {}),
              trainer: s.trainer ? names.person(s.trainer) : s.external_trainer ? translate(lang, "train.external-trainer", { trainer: s.external_trainer }) : "",
              ...names.linksOf("trainer", s.trainer),
              record: s.record ?? "",
              ...results,
              hours: results.hours === undefined ? "" : String(results.hours),
            };
          }),
        }
      : undefined,
  };
}

/** An earlier round's start, deadline, decision and timeliness as the review-timeliness register gives them (`csr list reviews`); all "" for an entry that is no round. */
function historyRoundTiming(lang: Lang, round: ReviewRoundTimeliness | undefined): Pick<ReviewRoundView, "startKind" | "start" | "due" | "decidedOn" | "timeliness"> {
  if (round === undefined) return { startKind: "", start: "", due: "", decidedOn: "", timeliness: "" };
  return {
    startKind: round.kind === "restarted" ? "restarted" : "received",
    start: round.start,
    due: round.due,
    decidedOn: round.decided ?? "",
    timeliness: closedRoundVerdict(lang, round),
  };
}

/**
 * For Markdown output every value is escaped before it reaches the template (Handlebars only knows
 * HTML escaping); `body` fields hold the section text, which is Markdown already and passes through,
 * and `labelKey` fields name a label of the catalog, not text to print.
 */
/**
 * The evidence as a report prints it. On a past day (`now`: the CSR as recorded today) evidence carries no date: one of an
 * implementation recorded as done only after the day (implemented or verified later) is not printed as a fact of that day,
 * and the report says why (tester55 C4: "QP-012 A/1已发布；2024年下半年3次返工…" under a decision of 2024-06-24).
 */
function evidenceOn(lang: Lang, implementation: NonNullable<Csr["implementation"]>, day: string, now: Csr | undefined): string {
  const evidence = implementation.evidence ?? "";
  const later = now?.implementation;
  if (evidence === "" || later === undefined) return evidence;
  const done = [later.implemented, later.verified?.date].find((date) => date !== undefined && date > day);
  if (done === undefined || (implementation.implemented !== undefined && implementation.implemented <= day)) return evidence;
  return translate(lang, "render.csr.evidence-later", { date: day, done });
}

/**
 * The customer's date of a CSR as the review report prints it beside 完成期限 (IATF 16949 7.5.3.2.2:
 * on the customer's schedule): 2026-04-01（DYA-SQM D 版实施日期）；晚于该日 13 个工作日导入生产, as
 * csr/late-for-customer judges it. Empty when the customer set none.
 */
function customerDateView(csr: Csr, customer: Customer | undefined, lang: Lang, calendar: WorkCalendar): string {
  const schedule = customerDate(csr, customer);
  if (!schedule) return "";
  const revision = translate(lang, /版\s*$/.test(schedule.revision) ? "value.revision.named" : "value.revision", { revision: schedule.revision });
  const text = schedule.own ? schedule.date : translate(lang, "render.customer-date.effective", { date: schedule.date, source: schedule.source, revision });
  const late = lateForCustomer(csr, customer);
  if (!late) return text;
  const count = workdaysLate(calendar, schedule.date, late.date);
  const reason = csr.implementation?.late_reason;
  return text + translate(lang, late.field === "implemented" ? "render.customer-date.implemented-late" : "render.customer-date.due-late", { count }) + (reason === undefined ? "" : translate(lang, "render.customer-date.late-reason", { reason }));
}

function csrDistributionView(csr: Csr, lang: Lang, names: { list(items: string[]): string; department(code: string): string; person(id: string): string }): string {
  const revisionText = (revision: string) => translate(lang, /版\s*$/.test(revision) ? "value.revision.named" : "value.revision", { revision });
  const entries = csrDistributions(csr);
  const named = entries.some((d) => distributionRevision(csr, d) !== csr.source.revision);
  const due = redistributionDue(csr);
  return [
    ...entries.map((d) => {
      const when = [d.date ?? "", d.by ? names.person(d.by) : ""].filter(Boolean).join(translate(lang, "person.distribution-detail-separator"));
      const revision = named ? distributionRevision(csr, d) : undefined;
      const prefix = revision === undefined ? "" : translate(lang, "show.distributed.revision", { revision: revisionText(revision) });
      return prefix + names.list(d.departments.map((code) => names.department(code))) + (when ? translate(lang, "common.parenthesis", { text: when }) : "");
    }),
    ...(due ? [translate(lang, "render.distribution.pending", { revision: revisionText(due.revision) })] : []),
  ].join(translate(lang, "person.distribution-separator"));
}

/** 传递至供方 as the CSR list says it (register.csr.list.flow-down.*), the suppliers separated as the distributions are. */
function csrFlowDownView(csr: Csr, lang: Lang, index: RepoIndex, today: string, names: { department(code: string): string }): string {
  const readings = flowDownReadings(csr, index.documents, today);
  if (readings.length === 0) {
    const decision = flowDownDecision(csr);
    return decision?.kind === "not-required" ? translate(lang, "register.csr.list.flow-down.not-required", { reason: decision.reason }) : decision ? translate(lang, "register.csr.list.flow-down.none") : "";
  }
  return readings
    .map(({ supplier, latest, status }) =>
      translate(lang, `register.csr.list.flow-down.${status.state}`, { supplier: names.department(supplier), document: latest.revision ? `${latest.document} ${latest.revision}` : latest.document, date: latest.date, acknowledged: latest.acknowledged?.date ?? "" }),
    )
    .join(translate(lang, "person.distribution-separator"));
}

export function escapeView<T>(view: T, escape: (s: string) => string): T {
  const walk = (value: unknown, key: string): unknown => {
    if (typeof value === "string") return key === "body" || key === "labelKey" ? value : escape(value);
    if (Array.isArray(value)) return value.map((v) => walk(v, ""));
    if (value && typeof value === "object") {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    }
    return value;
  };
  return walk(view, "") as T;
}

/** A form's record keeping as printed: retention and location in the document's language (model/record-keeping.ts), the medium's key. */
function recordView(lang: Lang, doc: ControlledDocument, repo: Repository): { retention: string; medium: string; location: string } {
  const { retention, location } = recordKeepingText(lang, doc, repo.config?.value.departments ?? [], repo.config?.value.language);
  return { retention, medium: doc.record?.medium ?? "", location };
}

/** What a source revision changed (变更内容), in the language `pick` chooses: its summary, "" when none is recorded. */
function sourceChangeOf(revision: SourceRevision | undefined, pick: (text: string, en: string | undefined) => string): string {
  return revision?.summary === undefined ? "" : pick(revision.summary, revision.summary_en);
}
