/**
 * Versions of controlled documents, written "A/0": the letter is the edition, the number counts
 * revisions within it (A/0, A/1 … then B/0 for a new edition).
 */
import { translate, type Lang } from "../i18n/index.js";
import { localized } from "../core/text.js";
import { SIGNATURE_ROLES, type AddressedIn, type ChangeClass, type ControlledDocument, type CustomerNotice, type Revision, type Signature, type SignatureRole } from "./types.js";

/**
 * Whether `doc` has a revision dated on or after `since` (YYYY-MM-DD): a change, a corrective action, carried into it
 * since that day (doc/affected-document-not-revised, action/document-not-revised; IATF 16949 7.5.3.2, 10.2.3). A
 * revision without a date (a paper record being completed) is not counted.
 */
export function revisedSince(doc: Pick<ControlledDocument, "revisions">, since: string): boolean {
  return (doc.revisions ?? []).some((r) => r.date !== undefined && r.date >= since);
}

export const VERSION_PATTERN = /^([A-Z])\/([0-9]+)$/;
export const FIRST_VERSION = "A/0";

export interface Version {
  edition: string;
  revision: number;
}

export function parseVersion(text: string): Version | undefined {
  const match = VERSION_PATTERN.exec(text);
  return match ? { edition: match[1]!, revision: Number(match[2]) } : undefined;
}

export function formatVersion(v: Version): string {
  return `${v.edition}/${v.revision}`;
}

/** The next version: the next revision in the edition, or with `major` X/0 of the next edition letter. */
export function nextVersion(current: string | undefined, major = false): string {
  if (current === undefined) return FIRST_VERSION;
  const v = parseVersion(current);
  if (!v) throw new Error(`not a version: ${current}`);
  if (!major) return formatVersion({ edition: v.edition, revision: v.revision + 1 });
  if (v.edition === "Z") throw new Error("no edition after Z");
  return formatVersion({ edition: String.fromCharCode(v.edition.charCodeAt(0) + 1), revision: 0 });
}

/** Whether `next` may follow `previous`: the next revision, or the first revision of the next edition. */
export function isSuccessor(previous: string, next: string): boolean {
  const a = parseVersion(previous);
  const b = parseVersion(next);
  if (!a || !b) return false;
  if (a.edition === b.edition) return b.revision === a.revision + 1;
  return b.edition.charCodeAt(0) === a.edition.charCodeAt(0) + 1 && b.revision === 0;
}

/** The successors `previous` may have, for messages: "A/2 or B/0". */
export function successors(previous: string): string[] {
  const v = parseVersion(previous);
  if (!v) return [];
  return v.edition === "Z" ? [nextVersion(previous)] : [nextVersion(previous), nextVersion(previous, true)];
}

/**
 * The fields of a document that are register data kept about it rather than its controlled
 * content: changing them needs no new revision (版次) and no new approval. A revision accounts for
 * what the printed copy shows and its approvers approved (IATF 16949 7.5.3.2, GJB 9001C 7.5.3:
 * changes to documents are controlled and identified by version): number, titles, level, kind,
 * issuing department (printed in the header), body, related documents and forms (printed as 相关文件
 * and 相关记录) and remarks. Not content:
 * - `title_en`, the English title: a translation of the approved (Chinese) title for the English
 *   registers and prints handed to a foreign customer's auditor, added or corrected without a new
 *   revision and its re-approval and redistribution (`csr set <document> --title-en`, tester23 F5);
 * - the revision record itself, and the withdrawal (csr obsolete is not a revision);
 * - the records kept about the document: distribution and recall, electronic issues (`csr distribute
 *   --electronic` after the release), training, periodic reviews;
 * - where the document sits in the system: `clauses` and `processes`, the organisation's
 *   cross-reference of clauses, processes and documents (the clause matrix), which its text does
 *   not print and which changes when the cross-reference is reworked, not when the document is;
 * - `record`, a form's retention period, medium and location: the record list of the records
 *   policy (IATF 16949 7.5.3.2.1, GJB 9001C 7.5.3; csr list forms), which sets how long records
 *   filled in on the form are kept, whatever the form's layout;
 * - `review_interval_months`, the schedule of periodic reviews;
 * - `role`, what the document is to the tracing of special characteristics (a PFMEA, a control plan): how csr
 *   reads its tables, not what they say (csr set --role);
 * - `classification`, the 密级: it is set and changed (定密, 变更, 解密) under the organisation's
 *   保密 rules by whoever they empower, not by the document's approvers, and a copy marked with a
 *   wrong 密级 must be corrected at once, not at the next revision (`csr set --classification`);
 * - `effective`, the day the current revision takes effect (生效日期, `csr release --effective`): a
 *   date of the register (受控文件清单) that a postponed 实施日期 moves, not of the approved text;
 *   doc/effective-before-signature keeps it after the revision's signatures;
 * - `revising`, the mark of a revision in preparation (修订中, `csr submit`): the state of the work on
 *   the next version, not part of any version's text;
 * - `deviates_from`, the documents a deviation deviates from (偏离): the cross-reference that lists it
 *   on their cards and pages, as `clauses` and `processes` list a document in the matrices; the
 *   deviation's text says what it changes, and the link may be made or corrected after its release;
 *   so may `deviates_from_versions`, the version of each it deviates from (a new revision of the standard
 *   document: csr set --deviates-from WI-010-01@A/2 when the deviation applies to it too);
 * - `print`, the page a copy is printed on (A4 portrait or landscape): how the approved text is laid out on
 *   paper, not what it says; every cell of it is printed either way (render/view.ts printOrientation).
 */
export const REGISTER_FIELDS = [
  "title_en",
  "revisions",
  "obsolete",
  "distribution",
  "electronic_issue",
  "training",
  "reviews",
  "clauses",
  "processes",
  "stations",
  "key_operations",
  "record",
  "review_interval_months",
  "audience",
  "role",
  "classification",
  "classification_changes",
  "effective",
  "revising",
  "submitted",
  "deviates_from",
  "deviates_from_versions",
  "countersign_departments",
  "print",
] as const satisfies readonly (keyof ControlledDocument)[];

/** Whether changing `field` of a released document needs a new revision (see REGISTER_FIELDS). */
export function isControlledContent(field: keyof ControlledDocument): boolean {
  return !(REGISTER_FIELDS as readonly string[]).includes(field);
}

/** What a revision must account for: the document without its REGISTER_FIELDS, an obsolete one as the released one it was. */
export function revisedContent(doc: ControlledDocument): string {
  const content: Partial<ControlledDocument> = { ...doc };
  for (const field of REGISTER_FIELDS) delete content[field];
  return stableJson({ ...content, status: doc.status === "obsolete" ? "released" : doc.status });
}

/**
 * How a document's revised content (revisedContent) changed from `before` to `now`: `fields`, the
 * top-level fields whose values differ (in `now`'s order, then those only `before` has), with both
 * contents parsed (`was`, `is`: field to value, REGISTER_FIELDS left out); undefined when the content is
 * the same. What doc/revision-not-bumped reports of an edit without a new revision and csr render names
 * of an uncommitted edit it prints as released (IATF 16949 / GJB 9001C 7.5.3.2).
 */
export function changedContentFields(before: ControlledDocument, now: ControlledDocument): { fields: string[]; was: Record<string, unknown>; is: Record<string, unknown> } | undefined {
  const [a, b] = [revisedContent(before), revisedContent(now)];
  if (a === b) return undefined;
  const was = JSON.parse(a) as Record<string, unknown>;
  const is = JSON.parse(b) as Record<string, unknown>;
  return { fields: [...new Set([...Object.keys(is), ...Object.keys(was)])].filter((key) => stableJson(was[key]) !== stableJson(is[key])), was, is };
}

/**
 * Whether the change of a document's file from `before` to `after` records what was done about its
 * text without changing it: the same content (revisedContent) whatever the status, its register data
 * and electronic issues. That is what `csr release` (the status, the revision entry with its
 * signatures, 生效日期, the issue on OA), `csr sign`, `csr submit` and the other register commands
 * write. Whoever commits only such a change records an approval or a release; they did not write the
 * change approved (doc/approved-by-author).
 */
export function recordsOnly(before: ControlledDocument, after: ControlledDocument): boolean {
  const text = (doc: ControlledDocument) => revisedContent({ ...doc, status: "released", electronic_issue: undefined });
  return text(before) === text(after);
}

/**
 * What describing the paper original of a document whose body is on paper writes in (asCompleted):
 * its body (the text, with the 相关文件 and 相关记录 it lists) and the department its header gives,
 * which the register import may have guessed (a form register's 保存部门; csr set --department).
 */
const PAPER_FIELDS = ["sections", "related", "forms", "department"] as const satisfies readonly (keyof ControlledDocument)[];

/**
 * A released (or withdrawn) document whose body is on its paper original only: its current revision
 * was released before the repository and imported (from a register), and its file has no sections.
 * What the repository holds of it is a register entry; its text, with what it lists, is on paper.
 */
export function bodyOnPaper(doc: ControlledDocument): boolean {
  return (doc.status === "released" || doc.status === "obsolete") && doc.kind !== "external" && doc.revisions?.at(-1)?.imported === true && (doc.sections?.length ?? 0) === 0;
}

/**
 * Whether writing `field` into `doc` completes the import of its paper original rather than changing
 * it (asCompleted): the body, 相关文件, 相关记录 and department of a document whose body is on paper.
 */
export function completesPaperOriginal(doc: ControlledDocument, field: keyof ControlledDocument): boolean {
  return bodyOnPaper(doc) && (PAPER_FIELDS as readonly string[]).includes(field);
}

/**
 * `before` as a later text of the same revision is to be compared with (revisedContent). While the
 * body of `before` is on paper (bodyOnPaper), writing it into the repository (a Word import, the
 * forms a register links to their procedures, csr set --add-form) completes the import of a revision
 * that was approved on paper: the sections, 相关文件 and 相关记录 then describe that paper original,
 * not a change of it, and need no new revision; so does the department its header gives (csr set
 * --department). Once the body is in the repository, changing it does.
 */
export function asCompleted(before: ControlledDocument, after: ControlledDocument): ControlledDocument {
  if (!bodyOnPaper(before)) return before;
  const completed: Partial<ControlledDocument> = { ...before };
  for (const field of PAPER_FIELDS) {
    if (after[field] === undefined) delete completed[field];
    else (completed as Record<string, unknown>)[field] = after[field];
  }
  return completed as ControlledDocument;
}

/**
 * What the paper record of an imported revision gives and a register does not: written in with its
 * body (asCompletedRecord), or, the date a form register lacks, with csr set --issued.
 */
export const RECORD_COMPLETION_FIELDS = ["date", "summary", "pages", "total_pages"] as const satisfies readonly (keyof Revision)[];

/**
 * `after`'s revision record as `before`'s is to be compared with (doc/revision-history-rewritten,
 * doc/revision-not-bumped, csr history). While the body of `before` is on paper (bodyOnPaper), the
 * import that writes it in (a Word import of the same version) may bring the paper record with it:
 * the revisions released before the first one imported, written before it, and the date, summary,
 * pages and total pages of an imported entry that had none (RECORD_COMPLETION_FIELDS). They complete the
 * record of revisions approved on paper and rewrite nothing: what is returned is `after`'s record
 * from `before`'s first version on, without those fields where `before`'s imported entry had none.
 */
export function asCompletedRecord(before: ControlledDocument | undefined, after: ControlledDocument): Revision[] {
  const now = after.revisions ?? [];
  if (!before || !bodyOnPaper(before)) return now;
  const was = before.revisions ?? [];
  const from = now.findIndex((r) => r.version === was[0]?.version);
  if (from === -1) return now;
  return now.slice(from).map((entry) => {
    const old = was.find((r) => r.version === entry.version);
    if (!old?.imported) return entry;
    const completed: Revision = { ...entry };
    for (const field of RECORD_COMPLETION_FIELDS) if (old[field] === undefined) delete completed[field];
    return completed;
  });
}

/**
 * `doc` with the controlled content of `released`, the document as one of its revisions was released:
 * what that revision accounts for (revisedContent: titles, level, kind, issuing department, body,
 * related documents and forms, remarks) as released, and the register data (REGISTER_FIELDS) and
 * status as `doc` has them. A register of a past day (model/as-of.ts documentOn) shows the version of
 * that day with the 相关文件 and 相关记录 its copies printed, not those of a later revision.
 */
export function withReleasedContent(doc: ControlledDocument, released: ControlledDocument): ControlledDocument {
  const on: Partial<ControlledDocument> = { ...released };
  for (const field of REGISTER_FIELDS) delete on[field];
  for (const field of REGISTER_FIELDS) if (doc[field] !== undefined) (on as Record<string, unknown>)[field] = doc[field];
  return { ...(on as ControlledDocument), status: doc.status };
}

/**
 * `doc` as the version in force reads: for a released document being revised (修订中, `revising`: the file holds the
 * draft of the next version), its current version as released (`inForce`, by id: load/base.ts revisedInForce, the
 * rules' options.inForce) with the register data of the file (withReleasedContent); otherwise, or when git does not
 * have that version (no git, a shallow clone: not in `inForce`), `doc` itself. What the point of use works to decides
 * what it is held to, not an unreleased draft (IATF 16949 7.5.3.2.1, 8.3.3.3; review78 #1).
 */
export function contentInForce(doc: ControlledDocument, inForce: ReadonlyMap<string, ControlledDocument> | undefined): ControlledDocument {
  const released = doc.revising !== undefined && doc.status === "released" ? inForce?.get(doc.id) : undefined;
  return released === undefined ? doc : withReleasedContent(doc, released);
}

/**
 * The document whose sections a CSR link (`place`, an `addressed[]` entry) names: for a released document being
 * revised (修订中), the version in force as released (`inForce`, by id: load/base.ts revisedInForce), which the link
 * names until `csr release` moves it to the draft's sections, unless it was made to the draft's own text
 * (`pin.draft`); otherwise, or when git does not have that version, `doc` itself. csr/section-missing, csr show, the
 * CSR matrix and csr site read a link so, as the controlled copies in use read (IATF 16949 7.5.1.1).
 */
export function citedDocument(doc: ControlledDocument, place: Pick<AddressedIn, "pin">, inForce: ReadonlyMap<string, ControlledDocument> | undefined): ControlledDocument {
  const released = doc.revising !== undefined && doc.status === "released" && !place.pin?.draft ? inForce?.get(doc.id) : undefined;
  return released ?? doc;
}

/**
 * `doc` as its revision `version` stood when it was the last one: the revisions up to it, its 实施日期
 * (the revision's own `effective`, recorded when it differed from its date, else the one its released
 * file had), and, with `released`
 * (the document as that revision was released: load/base.ts releasedRevisions), that revision's
 * content (withReleasedContent). A controlled copy of the version in force reprinted while a later
 * revision is released but not yet in force (待实施) prints this, not the later text.
 */
export function asRevision(doc: ControlledDocument, version: string, released: ControlledDocument): ControlledDocument {
  const revisions = doc.revisions ?? [];
  const upTo = revisions.slice(0, revisions.findIndex((r) => r.version === version) + 1);
  const on: ControlledDocument = { ...withReleasedContent(doc, released), revisions: upTo };
  const effective = upTo.at(-1)?.effective ?? released.effective;
  if (effective === undefined) delete on.effective;
  else on.effective = effective;
  return on;
}

/** JSON with sorted keys, so that reordering keys in YAML is not a change. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/**
 * A document that has never been in force: a draft or a document in review with no revision entry.
 * A draft with entries is a new revision in preparation, and its last released version is in force.
 */
export function neverReleased(doc: ControlledDocument): boolean {
  return doc.status !== "released" && doc.status !== "obsolete" && (doc.revisions?.length ?? 0) === 0;
}

/**
 * The summary of change (修订内容摘要) as a reader sees it: the one recorded, else, for a revision
 * imported from a register or Word file (released before the repository), that what it changed is on
 * the paper record — not a text that reads as if importing were the change. In English: its `summary_en`
 * where recorded (csr release --summary-en), else the summary as written.
 */
export function revisionSummary(revision: Pick<Revision, "summary" | "summary_en" | "imported">, lang: Lang): string {
  if (lang === "en" && revision.summary_en) return revision.summary_en;
  return revision.summary ?? (revision.imported ? translate(lang, "revision.imported.summary") : "");
}

/** The fields of a revision that record a 技术状态更改 (csr release --configuration-change and what it reaches). */
export type ConfigurationChangeKey = "configuration_change" | "change_class" | "affected_products" | "affected_documents" | "first_article_required";

/**
 * A revision's 技术状态更改 record, those of its fields recorded (configuration_change, change_class, affected_products,
 * affected_documents, first_article_required), for the outputs that carry it on (csr history --format json, csr changes).
 */
export function configurationChangeOf(revision: Pick<Revision, ConfigurationChangeKey>): Pick<Revision, ConfigurationChangeKey> {
  if (!revision.configuration_change) return {};
  return {
    configuration_change: true,
    ...(revision.change_class ? { change_class: revision.change_class } : {}),
    ...(revision.affected_products?.length ? { affected_products: revision.affected_products } : {}),
    ...(revision.affected_documents?.length ? { affected_documents: revision.affected_documents } : {}),
    ...(revision.first_article_required ? { first_article_required: true } : {}),
  };
}

/**
 * Whether a 技术状态更改 of `changeClass` is carried out under a numbered 更改单 (Revision change_request): classes I and II,
 * which the 订购方 approves (I) or the 军代表 countersigns (II) on it; class III is the organisation's own (GJB 3206B).
 */
export function changeOrderNeeded(changeClass: ChangeClass): boolean {
  return changeClass === "I" || changeClass === "II";
}

/**
 * What a revision's 技术状态更改 record lacks of its approval (GJB 3206B; GJB 9001C 8.3.6, 8.5.6; tester81 J3): `order`, a
 * class I or II change with no 更改单号 (change_request); `approval`, a class I change no customer approved
 * (customer_notices `approved`: the 订购方). Neither for a revision that is no configuration change, has no class or was
 * imported (its 更改单 is on the paper record).
 */
export function configurationChangeGaps(revision: Pick<Revision, "configuration_change" | "change_class" | "change_request" | "customer_notices" | "imported">): { order: boolean; approval: boolean } {
  if (!revision.configuration_change || revision.change_class === undefined || revision.imported || !changeOrderNeeded(revision.change_class)) return { order: false, approval: false };
  return { order: !revision.change_request?.trim(), approval: revision.change_class === "I" && !(revision.customer_notices ?? []).some((n) => n.approved !== undefined) };
}

/**
 * The 订购方's approval of a class I 技术状态更改 as the printed revision record adds it to its 更改原因/依据 cell
 * (GJB 3206B: approved before it is implemented; tester81 J3): "订购方批准：NES 2026-11-30", each customer that approved
 * it (customer_notices `approved`) with its day; "" for any other revision or one with no approval recorded. csr show and
 * csr history print every customer notice in a column of their own instead.
 */
export function orderingApprovalText(revision: Pick<Revision, "configuration_change" | "change_class" | "customer_notices">, lang: Lang): string {
  if (!revision.configuration_change || revision.change_class !== "I") return "";
  const approvals = (revision.customer_notices ?? []).filter((n) => n.approved !== undefined).map((n) => `${n.customer} ${n.approved}`);
  return approvals.length === 0 ? "" : translate(lang, "revision.basis.ordering-approval", { approvals: approvals.join(translate(lang, "common.list-separator")) });
}

/**
 * Why and under which request a revision was made, in one line as a reader sees it (技术状态更改；原因：…；更改申请：…；纠正措施：…；ECN：…):
 * 技术状态更改 when it changes the product's configuration (`configuration_change`, GJB 9001C 8.3.6, 8.5.6) with its class (I类,
 * GJB 3206B), the products and documents it affects and whether it asks a new 首件鉴定 (configurationChangeOf), its reason (更改原因; in English its `reason_en` where recorded), change request number (文件更改申请单号), the
 * corrective actions it carries out (csr release --action) and the customer's change notices (ECN), those recorded,
 * in that order; "" when it records none. Every revision record prints this one cell: csr history, csr show, csr
 * changes, csr render and the site. IATF 16949 8.5.6 and 8.3.6 (documented information on the reason and
 * authorisation of a change), 10.2.3/10.2.4 with 7.5.3.2.1 (the corrective action that drove a revision, as the
 * request and ECN are: tester65 N4), 7.5.3.2.2 (a customer's engineering changes recorded).
 */
export function revisionBasis(revision: Pick<Revision, "reason" | "reason_en" | "change_request" | "ecn" | "actions" | ConfigurationChangeKey>, lang: Lang): string {
  const reason = revision.reason ? localized(lang, revision.reason, revision.reason_en) : "";
  const separator = translate(lang, "common.list-separator");
  const parts = [
    // First: what kind of change it is, which the 军代表 column beside it answers (GJB 9001C 8.3.6, 8.5.6; tester68 G12),
    // then what it reaches: its class, the products and documents it affects, a new 首件鉴定 (GJB 3206B; tester79 G6).
    revision.configuration_change
      ? revision.change_class
        ? translate(lang, "revision.basis.configuration-change-class", { class: revision.change_class })
        : translate(lang, "revision.basis.configuration-change")
      : "",
    revision.configuration_change && revision.affected_products?.length ? translate(lang, "revision.basis.affected-products", { products: revision.affected_products.join(separator) }) : "",
    revision.configuration_change && revision.affected_documents?.length ? translate(lang, "revision.basis.affected-documents", { documents: revision.affected_documents.join(separator) }) : "",
    revision.configuration_change && revision.first_article_required ? translate(lang, "revision.basis.first-article") : "",
    reason ? translate(lang, "revision.basis.reason", { reason }) : "",
    revision.change_request ? translate(lang, "revision.basis.request", { number: revision.change_request }) : "",
    revision.actions && revision.actions.length > 0 ? translate(lang, "revision.basis.actions", { count: revision.actions.length, ids: revision.actions.join(separator) }) : "",
    revision.ecn && revision.ecn.length > 0 ? translate(lang, "revision.basis.ecn", { numbers: revision.ecn.join(separator) }) : "",
  ];
  return parts.filter(Boolean).join(translate(lang, "register.remarks-separator"));
}

/**
 * A revision's date as a reader sees it: the one recorded, else, for a revision imported from a
 * register that gave none (a form register without 发布日期), that it is on the paper record — never
 * a date made up, nor a blank that says nothing.
 */
export function revisionDate(revision: Revision, lang: Lang): string {
  return revision.date ?? translate(lang, "revision.date.unknown");
}

/** The Chinese words a revision record writes in 页次 when a revision changed the whole document. */
const WHOLE_DOCUMENT_PAGES: ReadonlySet<string> = new Set(["全部", "全部页", "全文", "全本", "全册", "整本", "所有页"]);

/**
 * A revision's 页次 (pages affected) as printed in `lang`: as written, except the conventional word for
 * "the whole document" (全部, 全文 …), which is a label rather than data and prints as "All" in English.
 * Empty when the revision records no pages.
 */
export function revisionPages(revision: Revision, lang: Lang): string {
  const pages = revision.pages ?? "";
  return lang === "en" && WHOLE_DOCUMENT_PAGES.has(pages.trim()) ? translate(lang, "revision.pages.all") : pages;
}

/** One page or a range of a 页次: P2, p2, 2, 第2页, P3-P4, 3~5, 第3至5页. */
const PAGE_RANGE = /^(?:第)?[Pp]?(\d+)(?:页)?(?:\s*[-~～–—至]\s*(?:第)?[Pp]?(\d+)(?:页)?)?$/;

/**
 * How many pages a revision's 页次 names (P2 → 1, P3-P4 → 2, 第2、5页 → 2), each page once; undefined for
 * the whole document (全部 …), none recorded, or a text csr cannot count.
 */
export function changedPageCount(pages: string | undefined): number | undefined {
  const text = pages?.trim().replace(/页$/, "");
  if (!text || WHOLE_DOCUMENT_PAGES.has(text) || WHOLE_DOCUMENT_PAGES.has(text + "页")) return undefined;
  const counted = new Set<number>();
  for (const part of text.split(/\s*[,，、;；]\s*|\s+/)) {
    const match = PAGE_RANGE.exec(part);
    if (!match) return undefined;
    const [from, to] = [Number(match[1]), Number(match[2] ?? match[1])];
    if (from < 1 || to < from || to - from > 9999) return undefined;
    for (let page = from; page <= to; page++) counted.add(page);
  }
  return counted.size;
}

/**
 * When the document was first issued (制订日期): the date of its first revision, when the record goes
 * back that far: a revision recorded in the repository, or an imported first issue (A/0). A record
 * imported from a register or Word file that starts at a later version (B/0) does not know that
 * date, and the reader is sent to the paper record instead of being shown the later version's date.
 */
export function firstIssueDate(doc: ControlledDocument, lang: Lang): string {
  const first = doc.revisions?.[0];
  if (!first) return "";
  if (!first.imported || first.version === "A/0") return revisionDate(first, lang);
  return translate(lang, "revision.first-issue.unknown", { version: first.version });
}

/** The signatures of a revision entry: 编制, 审核, 会签, 标准化审查, 批准, 军代表. */
const SIGNATURE_FIELDS: ReadonlySet<string> = new Set(SIGNATURE_ROLES satisfies readonly (keyof Revision)[]);
/** The English of a revision's summary and reason, which may be written in after its release. */
const TRANSLATION_FIELDS: ReadonlySet<string> = new Set(["summary_en", "reason_en"] satisfies (keyof Revision)[]);

/** Every signature a revision entry records, each with its role, in the header's order (会签 one entry per signer). */
export function revisionSignatures(revision: Revision): { role: SignatureRole; signature: Signature }[] {
  const signatures: { role: SignatureRole; signature: Signature }[] = [];
  for (const role of SIGNATURE_ROLES) {
    const value: Signature | Signature[] | undefined = revision[role];
    if (Array.isArray(value)) for (const signature of value) signatures.push({ role, signature });
    else if (value) signatures.push({ role, signature: value });
  }
  return signatures;
}

/** A revision entry of an earlier state of a document that its file no longer holds as it was: removed, or edited in `fields`. */
export interface RewrittenEntry {
  /** The entry as it was recorded. */
  was: Revision;
  /** Its index in the file's `revisions` now; -1 when removed. */
  index: number;
  /** The fields edited (RECORD_FIELDS, in the entry's order); empty when removed. */
  fields: (keyof Revision)[];
}

/** The fields of a revision entry that are evidence of what was approved when (doc/revision-history-rewritten; ISO 9001 7.5.3.2 c). */
export const RECORD_FIELDS = ["date", "summary", "pages", "total_pages", "prepared", "reviewed", "countersigned", "standardization", "approved", "military_representative"] as const satisfies readonly (keyof Revision)[];

/**
 * The revision entries recorded in `before` (the document at a base revision, or at its release tag) that `after` has
 * removed or edited (changedRevisionFields: a signature recorded where there was none, a 会签 added after those recorded,
 * and the paper record written in with a body imported from a register, asCompletedRecord, are not rewrites). Entries
 * are matched by version. Empty when `before` is undefined. Source: ISO 9001 7.5.3.2 c (documented information protected
 * from unintended alteration), IATF 16949 7.5.3.2.2 (revision history kept).
 */
export function rewrittenEntries(before: ControlledDocument | undefined, after: ControlledDocument): RewrittenEntry[] {
  const now = asCompletedRecord(before, after);
  const offset = (after.revisions?.length ?? 0) - now.length;
  return (before?.revisions ?? []).flatMap((was): RewrittenEntry[] => {
    const found = now.findIndex((r) => r.version === was.version);
    if (found === -1) return [{ was, index: -1, fields: [] }];
    const fields = changedRevisionFields(was, now[found] as Revision, RECORD_FIELDS);
    return fields.length > 0 ? [{ was, index: found + offset, fields }] : [];
  });
}

/**
 * The fields of a revision entry that changed from `before` to `after` (every field, or those of
 * `fields`), in the order of `before`'s keys then `after`'s. A signature recorded where the entry had
 * none, and 会签 signatures added after those recorded, complete the record from the paper original
 * (补签, `csr sign`): they change nothing, nor does an English summary or reason (summary_en, reason_en)
 * written in later: a translation of the record, not a change of it, nor a customer's notification or approval
 * or a late notification's reason recorded later (`csr sign --customer-notified`, noticesKept). A signature
 * changed or removed is a change, as is any other field.
 */
export function changedRevisionFields(before: Revision, after: Revision, fields?: readonly (keyof Revision)[]): (keyof Revision)[] {
  const keys = fields ?? ([...new Set([...Object.keys(before), ...Object.keys(after)])] as (keyof Revision)[]);
  return keys.filter((field) => {
    const [was, is] = [before[field], after[field]];
    if (stableJson(was) === stableJson(is)) return false;
    if (field === "customer_notices") return !noticesKept(before.customer_notices ?? [], after.customer_notices ?? []);
    if (!SIGNATURE_FIELDS.has(field) && !TRANSLATION_FIELDS.has(field)) return true;
    if (was === undefined) return false;
    // 会签: the signatures recorded stay as they were, in their order; more may follow.
    return !(Array.isArray(was) && Array.isArray(is) && was.every((s, i) => stableJson(s) === stableJson(is[i])));
  });
}

/** What csr sign records on a customer notice after the release: the days notified and approved, why a notification was late, the evidence of each. */
const NOTICE_COMPLETION: ReadonlySet<string> = new Set(["notified", "approved", "late_reason", "reference", "to", "approval_reference"] satisfies (keyof CustomerNotice)[]);

/**
 * Whether the customer notices `after` keep those of `before` (IATF 16949 8.5.6.1): each still in its place for
 * the same customer, with its due date and every day, reason and evidence it recorded, and at most a day notified or
 * approved, a late reason or the evidence of either added; notices added after them have no due date (csr sign, for a customer the
 * release did not name: only a release sets one). A notice removed, a day changed or a due date added is a change.
 */
function noticesKept(before: readonly CustomerNotice[], after: readonly CustomerNotice[]): boolean {
  const completes = (was: CustomerNotice, is: CustomerNotice) =>
    [...new Set([...Object.keys(was), ...Object.keys(is)])].every((key) => {
      const [a, b] = [was[key as keyof CustomerNotice], is[key as keyof CustomerNotice]];
      return a === b || (a === undefined && NOTICE_COMPLETION.has(key));
    });
  return before.every((was, i) => after[i] !== undefined && completes(was, after[i]!)) && after.slice(before.length).every((is) => is.due === undefined);
}

/**
 * The 生效日期 of a released document of the organisation's own whose current version is not yet in
 * force on `today` (YYYY-MM-DD): released with a later `csr release --effective` (实施日期), it is
 * issued and distributed but 待实施, and the version before it stays in force until then (IATF 16949
 * 7.5.3.2.1: the version in use at the point of use; GJB 9001C 7.5.3). Undefined when it is in force,
 * not released, or external (model/external.ts externalPendingUntil).
 */
export function releasedPendingUntil(doc: ControlledDocument, today: string): string | undefined {
  if (doc.kind === "external" || doc.status !== "released" || doc.effective === undefined) return undefined;
  return doc.effective > today ? doc.effective : undefined;
}
