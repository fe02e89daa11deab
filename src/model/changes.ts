/**
 * What changed in a quality system between two states of its repository: two commits (two audits,
 * two releases), or the records as they stood on two days (recordsOn), for a period. The facts an
 * auditor traces, compared entity by entity, matched by id so that moved files are followed. Pure:
 * both states are already loaded (see load/base.ts loadRevision). A document or CSR whose file does
 * not validate in the later state is not reported as removed: it is still there, only unreadable
 * (the command names such files).
 */
import { peopleNamed } from "./person-names.js";
import type { Repository } from "../load/repository.js";
import { csrOn, documentOn } from "./as-of.js";
import { csrDistributions } from "./distribution.js";
import { addDays } from "../core/dates.js";
import { compareClauseNumbers, correspondingClauses, formerNumbers, parseClauseRef, readInFormerEdition, successorOf } from "./catalog.js";
import { clauseCoverage } from "./coverage.js";
import { csrClassification, documentClassification, isStateSecret } from "./classification.js";
import { currentRevision, issuedOn } from "./index.js";
import { reviewedVersion } from "./periodic-review.js";
import { releaseTag } from "./paths.js";
import { documentSections, sectionNumberOnly, type NumberedSection } from "./sections.js";
import { alignSections } from "../compare/align.js";
import { normalizeText } from "../compare/sections.js";
import { SIGNATURE_ROLES } from "./types.js";
import { conversionText, conversionValues, sameConversion } from "./symbols.js";
import { configurationChangeOf, type ConfigurationChangeKey } from "./revision.js";
import type { ClassificationChange, ControlledCopy, ControlledDocument, Csr, Customer, CustomerNotice, Decision, ElectronicIssue, PeriodicReview, Person, Revision, Signature, SourceDocument, SymbolApproval, SymbolConversion, TrainingSession } from "./types.js";

/** The areas of the report, in the order it lists them. */
export const CHANGE_AREAS = ["document", "csr", "source", "symbol", "coverage", "person"] as const;
export type ChangeArea = (typeof CHANGE_AREAS)[number];

/**
 * document: added (its first revision, or a draft) | released (a later revision; an imported one that is not
 *           a first issue, A/2 brought in from a register, is one too, from versions on the paper record:
 *           `imported`) | received (an external document or a new edition of it) | effective (a revision
 *           takes effect on its 实施日期, later than its date) | issued, recalled, lost, destroyed, retained
 *           (controlled copies handed out, taken back, confirmed lost or destroyed, stamped 作废 and kept:
 *           the 发放/回收记录; an electronic issue, read-only on OA, is `issued` too) | reviewed (a periodic review, csr periodic-review: the version reviewed → its
 *           result) | trained (a training session on a version, csr train) | signed (the 军代表's signature of a revision
 *           recorded after it, csr sign) | revising (修订中: a released document's next revision drafted and submitted,
 *           csr submit, not yet released) | submitted (送审: a draft submitted for approval, csr submit, 草稿 → 审批中)
 *           | declassified | withdrawn | removed
 * csr:      added | decided | signed (the 军代表's signature of the review report, GJB 9001C 8.2.3) | reopened | confirmed (a new source revision confirmed to leave it unchanged,
 *           csr source update --unchanged) | distributed (发放 to departments) | trained (a training session on a
 *           source revision, csr train) | implemented (导入生产日期) | verified | addressed (links added, dated by their
 *           pins) | unaddressed (links removed, csr address --remove: dated by the commit that removed them) | superseded
 *           | declassified | removed
 * source:   added | revised
 * symbol:   a row of the special-characteristic symbol conversion table (symbols.yaml, IATF 16949 8.3.3.3): added |
 *           changed (csr symbol update, or by hand: then undated) | retired (停用) | approved (the customer's approval
 *           recorded, csr symbol approve) | removed
 * coverage: gained | lost | migrated (csr standard migrate: the references to an edition moved to the one that
 *           supersedes it, one row per edition and not one per clause: `migrated` counts them)
 * person:   added | roles | department | left (the day people.yaml records) | removed
 */
export type ChangeKind =
  | "added"
  | "released"
  | "received"
  | "effective"
  | "issued"
  | "recalled"
  | "destroyed"
  | "retained"
  | "withdrawn"
  | "removed"
  | "decided"
  | "reopened"
  | "confirmed"
  | "distributed"
  | "reviewed"
  | "trained"
  | "implemented"
  | "verified"
  | "addressed"
  | "unaddressed"
  | "superseded"
  | "revised"
  | "gained"
  | "lost"
  | "roles"
  | "department"
  | "left"
  | "declassified"
  | "signed"
  | "revising"
  | "submitted"
  | "changed"
  | "retired"
  | "approved"
  | "migrated";

/** A controlled copy on a row of copies handed out or taken back: its 受控号, the department or party that held it and who. */
export interface CopyHeld {
  copy: number;
  to: string;
  holder?: string;
}

export interface Change {
  area: ChangeArea;
  kind: ChangeKind;
  /** Document number, CSR id, source document id, `STANDARD:clause` or person id. */
  id: string;
  /** Title or name in the later state (the earlier one for something removed). */
  title: string;
  /**
   * The value before, e.g. a version "A/1" (on a `withdrawn` row, the version withdrawn; on a row of copies
   * taken back, lost, destroyed or kept, their version), a disposition, an implementation status, a list of
   * documents; "" when there was none.
   */
  from: string;
  /** The value after. */
  to: string;
  /**
   * Further facts in the repository's own words: a revision's summary, reasons, customer; on a row of a
   * decision, confirmation, implementation (its owner), verification or of copies, who (a people.yaml id).
   */
  detail: string;
  /** On a row of a document revision: its summary in English (summary_en), which an English register prints in place of `detail`. */
  detail_en?: string;
  /** On a `distributed` row: the departments (codes) the CSR was distributed to; on an electronic `issued` row, those the document was issued to. */
  departments?: string[];
  /** On a `trained` row: the people trained (people.yaml ids) and the training record's number (培训记录编号), as recorded. */
  /** `department` and `trainees`: a session's department trained and people outside people.yaml (TrainingSession). */
  trained?: { people: string[]; department?: string | string[]; trainees?: string[]; record?: string };
  /** On a document's `issued` row of an electronic issue: the system it was issued on (OA), when recorded; `departments` are those given it. */
  electronic?: { system?: string };
  /** On a row of controlled copies: the copies, by 受控号. */
  copies?: CopyHeld[];
  /** On a row of copies lost, destroyed or kept (作废留用): what happened, as recorded; on a `reviewed` row, the review's comment. */
  remark?: string;
  /** On a `removed` row of a document or CSR marked with a 密级: that 密级, which the later state no longer holds (a register reads the others' from the record). */
  classification?: string;
  /** On an `implemented` row: the evidence recorded (实施证据). */
  evidence?: string;
  /** On an `implemented` or `verified` row that corrects an earlier record (csr implement --amend): the date it replaced, or who verified and when. */
  replaced?: Signature | { date: string };
  /** A document revision's changed pages (更改页) as its revision record gives them. */
  pages?: string;
  /** A document revision's 更改原因, 文件更改申请单号 and the customer's change notices (ECN numbers), as its revision record gives them (csr release --reason, --change-request, --ecn). */
  reason?: string;
  /** The 更改原因 in English (reason_en), which an English register prints in its place (revisionBasis). */
  reason_en?: string;
  change_request?: string;
  /** A document revision marked a 技术状态更改 (csr release --configuration-change), whose 军代表 agreed in its signatures. */
  configuration_change?: boolean;
  /** The 技术状态更改's class (I, II, III), the products and documents it affects and whether it asks a new 首件鉴定 (configurationChangeOf). */
  change_class?: Revision["change_class"];
  affected_products?: string[];
  affected_documents?: string[];
  first_article_required?: boolean;
  ecn?: string[];
  /**
   * On an `added` or `released` row of a document revision: who prepared (编制), reviewed (审核), countersigned
   * (会签), reviewed for standardization (标准化审查), approved (批准) and, GJB, signed as 军代表, each with the
   * day signed when recorded: the revision record's signatures (IATF 16949 7.5.3.2.2, GJB 9001C 7.5.3.2: a
   * change is reviewed and approved before it is issued). Absent when the record has none.
   */
  signatures?: RevisionSignatures;
  /**
   * On a `released` row, the sections the revision added, removed, changed (title or text) or renumbered, from
   * the text in force before it to its own; on a `revising` row, from the text in force to the draft (section
   * by section: compare/align.ts pairs them by title, number and text), a released version's text as released
   * (its release tag: a later edit of the file is not its). Only where both texts are known: absent when the
   * earlier state held a draft, when another revision preceded it in the range, or when a later revision or
   * draft followed in the range and git does not hold the version as released.
   */
  sections?: SectionChange[];
  /**
   * On an `added` or `released` row of a document revision: the corrective action records it carries out (csr release
   * --action, the revision's `actions`) and the customers it was notified to or approved by, with the last day to notify
   * them (顾客通知/批准, the revision's `customer_notices`; IATF 16949 8.5.6.1), as its record stands in the later state.
   */
  actions?: string[];
  customer_notices?: CustomerNotice[];
  /** A document revision's 实施日期 when later than its date (csr release --effective); on an `effective` row, the day it takes effect. */
  effective?: string;
  /** On an `effective` row: the day the revision was released. */
  released?: string;
  /** On a CSR's `reopened` row: its source document, whose revision `from` → `to` reopened the review (the reason said from it: historyReason). */
  source?: string;
  /**
   * On an `unaddressed` row dated by git (datedLinkRemovals): the commit that removed the links; on a `submitted` or
   * `revising` row recorded without who submitted (withSubmitters): the commit that recorded it. `detail` is its
   * author (a people.yaml id when one matches).
   */
  commit?: string;
  /** A document revision released before the repository and imported (Revision `imported`): what it changed, and the versions before it, are on the paper record. */
  imported?: true;
  /** On a coverage `migrated` row: how many clause references moved to the new edition, in how many files. */
  migrated?: { references: number; files: number };
  /** The day the change took effect as recorded in the data (YYYY-MM-DD), when it records one. */
  date: string | null;
}

/** A section of a document as a section change names it: its number and title (none for a document marked 秘密 or above). */
export interface SectionName {
  number: string;
  title: string;
  title_en?: string;
}

/** One section a revision changed (Change `sections`): `was`, the section as it was when renumbered or retitled. */
export interface SectionChange extends SectionName {
  change: "added" | "removed" | "changed" | "renumbered";
  was?: SectionName;
}

export function compareStates(before: Repository, after: Repository): Change[] {
  return withSectionChanges([...documentChanges(before, after), ...csrChanges(before, after), ...statesWithoutCsrs(before, after), ...symbolChanges(before.symbols, after.symbols)], before, after);
}

/**
 * The changes, each `released` or `revising` row of a document given the sections changed (Change
 * `sections`) from `older`'s text of the document to `newer`'s, where those are the two texts the row
 * names: `older` holds the version in force the row starts from (not a draft), `newer` the version it
 * released or the draft submitted. `released`, by release tag (releaseTag, as load/base.ts
 * releasedRevisions gives them): the documents as the versions of `released` rows were released,
 * read in their place from `newer`, whose file may already hold the next, unreleased edit (the
 * working copy of a period's report). A document marked 秘密 or above names its sections by number alone.
 */
export function withSectionChanges(changes: Change[], older: Repository, newer: Repository, released?: ReadonlyMap<string, ControlledDocument>): Change[] {
  const before = byId(older.documents, (d) => d.id);
  const after = byId(newer.documents, (d) => d.id);
  const secret = secretIds(newer);
  return changes.map((change) => {
    if (change.area !== "document" || (change.kind !== "released" && change.kind !== "revising")) return change;
    const a = before.get(change.id);
    const b = (change.kind === "released" ? released?.get(releaseTag(change.id, change.to)) : undefined) ?? after.get(change.id);
    if (!a || !b || a.revising !== undefined || version(a) !== change.from) return change;
    const drafted = change.kind === "revising" ? b.revising !== undefined && version(b) === change.from : b.revising === undefined && version(b) === change.to;
    if (!drafted) return change;
    const sections = sectionChanges(a, b, secret.has(change.id));
    return sections.length > 0 ? { ...change, sections } : change;
  });
}

/**
 * The sections added, removed, changed (title or own text, whitespace aside) and only renumbered from
 * one text of a document to another, in the later text's order (a removed one after the section that
 * preceded it): sections paired as compare/align.ts pairs a customer manual's, by title, then number,
 * then similar text. `secret`: named by number alone.
 */
function sectionChanges(a: ControlledDocument, b: ControlledDocument, secret: boolean): SectionChange[] {
  const older = documentSections(a);
  const newer = documentSections(b);
  const manual = (s: NumberedSection) => ({ number: s.number, title: s.title, text: s.section.text ?? "", line: 0 });
  const name = (s: NumberedSection): SectionName => (secret ? { number: s.number, title: "" } : { number: s.number, title: s.title, ...(s.title_en ? { title_en: s.title_en } : {}) });
  return alignSections(older.map(manual), newer.map(manual)).flatMap((pair): SectionChange[] => {
    if (pair.old === null) return [{ change: "added", ...name(newer[pair.new!]!) }];
    if (pair.new === null) return [{ change: "removed", ...name(older[pair.old]!) }];
    const [was, is] = [older[pair.old]!, newer[pair.new]!];
    const moved = was.number !== is.number || normalizeText(was.title) !== normalizeText(is.title);
    if (normalizeText(was.title) !== normalizeText(is.title) || normalizeText(was.section.text ?? "") !== normalizeText(is.section.text ?? "")) {
      return [{ change: "changed", ...name(is), ...(moved ? { was: name(was) } : {}) }];
    }
    return moved ? [{ change: "renumbered", ...name(is), was: name(was) }] : [];
  });
}

/** compareStates but for the CSRs, in its order. */
function statesWithoutCsrs(before: Repository, after: Repository): Change[] {
  return [...sourceChanges(before, after), ...migrations(before, after), ...coverageChanges(before, after), ...personChanges(before, after)];
}

/**
 * The repository as its dated records show it on `day` (model/as-of.ts), but for its CSRs, whose
 * changes a period takes from their own records (csrChangesIn): the documents released by then,
 * with the revisions and withdrawal dated by then; the customers' source revisions received by
 * then; the people who had left by then. Comparing it on the day before a period and on the
 * period's last day gives what the records date in the period, however late they were committed (a
 * system imported into csr in December still dates its April revision in April). What the records
 * do not date (who joined, roles, where a CSR is addressed, processes) is the same in both, so
 * compareStates finds no change in it.
 */
function recordsOn(repo: Repository, day: string): Repository {
  return {
    ...repo,
    documents: repo.documents.flatMap((d) => {
      const on = documentOn(d.value, day);
      return on ? [{ ...d, value: on }] : [];
    }),
    csrs: [],
    customers: repo.customers.map((c) => ({ ...c, value: customerOn(c.value, day) })),
    people: repo.people.map((p) => {
      if (p.value.left === undefined || p.value.left <= day) return p;
      const { left: _later, ...person } = p.value;
      return { ...p, value: person };
    }),
  };
}

function customerOn(customer: Customer, day: string): Customer {
  if (!customer.sources) return customer;
  const sources = customer.sources.map((s) => ({ ...s, revisions: s.revisions.filter((r) => r.received <= day) })).filter((s) => s.revisions.length > 0);
  return { ...customer, sources };
}

/**
 * The changes the records do not date, which only a comparison of two commits can find: people
 * added, removed or given other roles or another department (the day one left is recorded), a CSR
 * addressed in other documents or no longer (a link removed, which the command dates from git:
 * datedLinkRemovals), a document or CSR file deleted.
 */
export function isUndated(change: Change): boolean {
  return (change.area === "symbol" && change.date === null) || (change.area === "person" && change.kind !== "left") || change.kind === "removed" || (change.area === "csr" && (change.kind === "addressed" || change.kind === "unaddressed"));
}

/**
 * Of the undated changes a period's commits show (isUndated), those that only record what happened
 * before the period, entered in the repository during it (adopting a system: csr import, a late
 * entry): where a CSR received before the period and not in the repository at its first commit is
 * addressed (its places came with it, on days no record gives), and a person added who had left
 * before the period (entered so that historical signatures resolve). They are not changes of the
 * period; the report lists them apart (periodReport `entered`). `before`/`after`: the repository at
 * the period's two commits.
 */
export function enteredBeforePeriod(change: Change, before: Repository, after: Repository, from: string): boolean {
  if (change.area === "csr" && change.kind === "addressed") {
    const csr = after.csrs.find((c) => c.value.id === change.id)?.value;
    return csr !== undefined && csr.received < from && !before.csrs.some((c) => c.value.id === change.id);
  }
  if (change.area === "person" && change.kind === "added") {
    const left = after.people.find((p) => p.value.id === change.id)?.value.left;
    return left !== undefined && left < from;
  }
  return false;
}

/**
 * Ids in natural order (QP-2 before QP-10): `localeCompare(b, "en", { numeric: true })`, whose every
 * call builds a collator, through one (a 10,000-entity change report sorts some 10,000 ids twice).
 */
const ID_ORDER = new Intl.Collator("en", { numeric: true });

/**
 * Changes in the report's order, a change log: by area, then by date (the undated ones, which only
 * a comparison of commits finds, last), then by id in natural order (QP-2 before QP-10); the order of
 * one id's changes of one day, and of the clauses' coverage, is kept.
 */
export function inReportOrder(changes: readonly Change[]): Change[] {
  const area = (c: Change) => CHANGE_AREAS.indexOf(c.area);
  const day = (a: Change, b: Change) => (a.date === b.date ? 0 : a.date === null ? 1 : b.date === null ? -1 : a.date < b.date ? -1 : 1);
  return [...changes].sort((a, b) => area(a) - area(b) || (a.area === "coverage" ? 0 : day(a, b) || ID_ORDER.compare(a.id, b.id)));
}

function byId<T>(items: readonly { value: T }[], key: (v: T) => string): Map<string, T> {
  const map = new Map<string, T>();
  for (const { value } of items) if (!map.has(key(value))) map.set(key(value), value);
  return map;
}

/** Ids of both states in natural order (QP-2 before QP-10). */
function unionIds(a: Map<string, unknown>, b: Map<string, unknown>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].sort(ID_ORDER.compare);
}

const version = (doc: ControlledDocument): string => currentRevision(doc)?.version ?? "";

/**
 * A revision as its record describes it: the summary (修订内容), the pages it changed (更改页), its reason, change
 * request and the customer's change notices (更改原因, 文件更改申请单号, ECN), those recorded; the summary and reason
 * in English too where recorded.
 */
const revisionRecord = (revision: Revision): Pick<Change, "detail" | "detail_en" | "pages" | "reason" | "reason_en" | "change_request" | ConfigurationChangeKey | "ecn"> => ({
  detail: revision.summary ?? "",
  ...(revision.summary_en ? { detail_en: revision.summary_en } : {}),
  ...(revision.pages ? { pages: revision.pages } : {}),
  ...(revision.reason ? { reason: revision.reason } : {}),
  ...(revision.reason_en ? { reason_en: revision.reason_en } : {}),
  ...(revision.change_request ? { change_request: revision.change_request } : {}),
  ...configurationChangeOf(revision),
  ...(revision.ecn ? { ecn: revision.ecn } : {}),
});

/** What a revision's record says was done for and after it: the corrective actions it carries out and its customer notices (Change `actions`, `customer_notices`), those recorded. */
const revisionFollowUp = (revision: Revision): Pick<Change, "actions" | "customer_notices"> => ({
  ...(revision.actions && revision.actions.length > 0 ? { actions: [...revision.actions] } : {}),
  ...(revision.customer_notices && revision.customer_notices.length > 0 ? { customer_notices: revision.customer_notices } : {}),
});

/** The signatures of a revision record, in the order a document's signature block prints them. */
export type RevisionSignatures = Pick<Revision, (typeof SIGNATURE_ROLES)[number]>;

/** A revision's signatures (RevisionSignatures) as its record gives them, or nothing when it records none. */
function revisionSignatures(revision: Revision): Pick<Change, "signatures"> {
  const signatures: RevisionSignatures = {};
  for (const role of SIGNATURE_ROLES) {
    const signed = revision[role];
    if (signed !== undefined && (!Array.isArray(signed) || signed.length > 0)) (signatures as Record<string, unknown>)[role] = signed;
  }
  return Object.keys(signatures).length > 0 ? { signatures } : {};
}

/** The 实施日期 of the document's `i`th revision when later than its date: its own, or the document's for the current one (as revisionInForce reads it). */
function effectiveOf(doc: ControlledDocument, i: number): string | undefined {
  const revisions = doc.revisions ?? [];
  const revision = revisions[i]!;
  const effective = revision.effective ?? (i === revisions.length - 1 ? doc.effective : undefined);
  return effective !== undefined && effective > issuedOn(revision) ? effective : undefined;
}

/**
 * The revisions that take effect in a period on a 实施日期 later than their release (csr release
 * --effective): the day the version in force changes (IATF 16949 7.5.3.2.2), which the period of the
 * release does not contain. One row each, dated that day, with the day it was released; none for a
 * document withdrawn before it.
 */
function takingEffect(repo: Repository, from: string, to: string): Change[] {
  const out: Change[] = [];
  for (const { value: doc } of repo.documents) {
    const revisions = doc.revisions ?? [];
    revisions.forEach((r, i) => {
      const effective = effectiveOf(doc, i);
      if (effective === undefined || effective < from || effective > to) return;
      if (doc.status === "obsolete" && doc.obsolete !== undefined && doc.obsolete.date < effective) return;
      const previous = i > 0 ? revisions[i - 1]!.version : "";
      out.push({ area: "document", kind: "effective", id: doc.id, title: doc.title, from: previous, to: r.version, ...revisionRecord(r), effective, released: r.date, date: effective });
    });
  }
  return out;
}

function documentChanges(before: Repository, after: Repository): Change[] {
  const old = byId(before.documents, (d) => d.id);
  const now = byId(after.documents, (d) => d.id);
  const out: Change[] = [];
  for (const id of unionIds(old, now)) {
    const a = old.get(id);
    const b = now.get(id);
    if (!b && after.unvalidated.documents.has(id)) continue;
    if (!b) {
      const classification = documentClassification(before, a!);
      out.push({ area: "document", kind: "removed", id, title: a!.title, from: version(a!), to: "", detail: "", ...(classification !== "" && { classification }), date: null });
      continue;
    }
    // One row per revision recorded in the later state only: each has its own date, summary and pages (the revision record).
    const known = new Set((a?.revisions ?? []).map((r) => r.version));
    const revisions = b.revisions ?? [];
    revisions.forEach((r, i) => {
      if (known.has(r.version)) return;
      const previous = i > 0 ? revisions[i - 1]!.version : "";
      const effective = effectiveOf(b, i);
      // An imported record that starts at a later version (A/2) was not first issued then (firstIssueDate).
      const fromPaper = previous === "" && r.imported === true && r.version !== "A/0";
      out.push({ area: "document", kind: previous || fromPaper ? "released" : "added", id, title: b.title, from: previous, to: r.version, ...revisionRecord(r), ...revisionFollowUp(r), ...revisionSignatures(r), ...(effective ? { effective } : {}), ...(r.imported ? { imported: true as const } : {}), date: r.date ?? null });
    });
    out.push(...militarySignatures(id, b, a));
    // A released document's next revision drafted and submitted (修订中, csr submit), on the day submitted, by whom: newly so, or its draft changed.
    if (b.status === "released" && b.revising !== undefined && (a?.revising?.since !== b.revising.since || sectionsDiffer(a, b))) out.push(revisingRow(b));
    // A draft submitted for approval (送审, csr submit), on its day, by whom: newly so, or again after it came back.
    if (b.submitted !== undefined && (a?.submitted?.since !== b.submitted.since || a.submitted.by !== b.submitted.by)) out.push(submittedRow(b));
    if (b.kind === "external") {
      // The edition received (接收), on the day the record gives, from the one it replaced.
      const [was, is] = [a?.external, b.external];
      if (is?.revision !== was?.revision || is?.received !== was?.received) {
        const effective = is?.effective !== undefined && is.effective > (is.received ?? "") ? is.effective : undefined;
        out.push({ area: "document", kind: "received", id, title: b.title, from: was?.revision ?? "", to: is?.revision ?? "", detail: is?.publisher ?? "", ...(effective ? { effective } : {}), date: is?.received ?? null });
      }
    } else if (!a && revisions.length === 0) out.push({ area: "document", kind: "added", id, title: b.title, from: "", to: "", detail: b.status, date: null });
    out.push(...copyChanges(a, b));
    out.push(...periodicReviewChanges(id, b, a?.reviews));
    out.push(...declassifications("document", id, b.title, a?.classification_changes, b.classification_changes));
    out.push(...trainingChanges("document", id, b.title, a?.training?.sessions, b.training?.sessions, (revision) => revision));
    if (b.status === "obsolete" && a?.status !== "obsolete") {
      const reason = [b.obsolete?.reason ?? "", b.obsolete?.superseded_by ? `→ ${b.obsolete.superseded_by}` : ""].filter(Boolean).join(" ");
      // The version withdrawn, as the 作废文件清单 names it.
      out.push({ area: "document", kind: "withdrawn", id, title: b.title, from: version(b), to: "obsolete", detail: reason, date: b.obsolete?.date ?? null });
    }
  }
  return out;
}

/** A released document being revised (修订中): from the version in force, on the day its draft was submitted, by whom (people.yaml id, or ""). */
function revisingRow(doc: ControlledDocument): Change {
  return { area: "document", kind: "revising", id: doc.id, title: doc.title, from: version(doc), to: "", detail: doc.revising!.by ?? "", date: doc.revising!.since };
}

/** A draft submitted for approval (送审): from 草稿 to 审批中, on the day submitted, by whom (people.yaml id, or ""). */
function submittedRow(doc: ControlledDocument): Change {
  return { area: "document", kind: "submitted", id: doc.id, title: doc.title, from: "draft", to: "in-review", detail: doc.submitted!.by ?? "", date: doc.submitted!.since };
}

/** The drafts submitted for approval in a period (送审, csr submit), as the working tree records them, one row each on the day submitted. */
function submittedIn(repo: Repository, from: string, to: string): Change[] {
  return repo.documents.flatMap(({ value: doc }) => (doc.submitted !== undefined && doc.submitted.since >= from && doc.submitted.since <= to ? [submittedRow(doc)] : []));
}

const sectionsDiffer = (a: ControlledDocument | undefined, b: ControlledDocument): boolean => JSON.stringify(a?.sections ?? null) !== JSON.stringify(b.sections ?? null);

/**
 * The released documents whose next revision was submitted (修订中, csr submit) in a period, as the working
 * tree marks them, one row each on the day submitted: the mark is not kept once the revision is released.
 */
function revisingIn(repo: Repository, from: string, to: string): Change[] {
  return repo.documents.flatMap(({ value: doc }) => (doc.status === "released" && doc.revising !== undefined && doc.revising.since >= from && doc.revising.since <= to ? [revisingRow(doc)] : []));
}

/**
 * The 军代表's signatures (GJB 9001C 7.5.3: the military representative signs the documents the contract
 * requires) of revisions both states record, given after the revision was (csr sign from the paper
 * original): one row each, to the version signed, by whom, on the day signed. A revision new in the later
 * state carries its own signatures on its row (`signatures`).
 */
function militarySignatures(id: string, b: ControlledDocument, a: ControlledDocument | undefined): Change[] {
  const was = new Map((a?.revisions ?? []).map((r) => [r.version, r.military_representative]));
  return (b.revisions ?? []).flatMap((r): Change[] => {
    const signed = r.military_representative;
    if (!signed || !was.has(r.version) || sameSignature(was.get(r.version), signed)) return [];
    return [{ area: "document", kind: "signed", id, title: b.title, from: "", to: r.version, detail: signed.by, date: signed.date ?? null }];
  });
}

const sameSignature = (a: Signature | undefined, b: Signature | undefined): boolean => a?.by === b?.by && a?.date === b?.date;

/**
 * The controlled copies (受控副本) handed out, taken back, confirmed lost or destroyed, or stamped 作废 and
 * kept by their holder (作废留用) in the later state only, as the 发放/回收记录 dates them (IATF 16949
 * 7.5.3.2.1, GJB 9001C 7.5.3.2): one row for the copies of one version the same person handed out or took
 * back on one day, in the order of their 受控号; one for each copy lost, destroyed or kept, with what
 * happened to it.
 */
function copyChanges(a: ControlledDocument | undefined, b: ControlledDocument): Change[] {
  const old = new Map((a?.distribution ?? []).map((c) => [c.copy, c]));
  const rows = new Map<string, Change>();
  const add = (kind: ChangeKind, copy: ControlledCopy, date: string, by: string | undefined, remark?: string) => {
    const key = JSON.stringify([kind, copy.version, date, by ?? "", remark ?? ""]);
    const held: CopyHeld = { copy: copy.copy, to: copy.to, ...(copy.holder !== undefined ? { holder: copy.holder } : {}) };
    const row = rows.get(key);
    if (row) row.copies!.push(held);
    else {
      const [from, to] = kind === "issued" ? ["", copy.version] : [copy.version, ""];
      rows.set(key, { area: "document", kind, id: b.id, title: b.title, from, to, detail: by ?? "", copies: [held], ...(remark !== undefined ? { remark } : {}), date });
    }
  };
  const copies = [...(b.distribution ?? [])].sort((x, y) => x.copy - y.copy);
  // The new version's copies handed out before the old ones taken back, as a revision is put in use.
  for (const copy of copies) if (!old.has(copy.copy)) add("issued", copy, copy.date, copy.issued_by);
  for (const copy of copies) {
    const was = old.get(copy.copy);
    if (copy.recalled !== undefined && was?.recalled === undefined) add("recalled", copy, copy.recalled, copy.received_by);
    for (const kind of ["lost", "destroyed", "retained"] as const) {
      const gone = copy[kind];
      if (gone && !was?.[kind]) add(kind, copy, gone.date, gone.by, gone.remark);
    }
  }
  return [...rows.values(), ...electronicChanges(a, b)];
}

/**
 * The electronic issues (电子版发放, csr distribute --electronic) in the later state only: one `issued` row
 * for each issue, of the departments it gave read-only access that the earlier state did not record, with the
 * system (OA) and who issued it, as the 发放/回收记录 lists them (tester55 C2).
 */
function electronicChanges(a: ControlledDocument | undefined, b: ControlledDocument): Change[] {
  const key = (e: ElectronicIssue, department: string) => JSON.stringify([e.version, e.date, e.system ?? "", e.issued_by ?? "", department]);
  const old = new Set((a?.electronic_issue ?? []).flatMap((e) => e.to.map((d) => key(e, d))));
  return (b.electronic_issue ?? []).flatMap((e): Change[] => {
    const departments = e.to.filter((d) => !old.has(key(e, d)));
    if (departments.length === 0) return [];
    return [{ area: "document", kind: "issued", id: b.id, title: b.title, from: "", to: e.version, detail: e.issued_by ?? "", departments, electronic: { ...(e.system !== undefined ? { system: e.system } : {}) }, date: e.date }];
  });
}

const sameDecision = (a: Decision | undefined, b: Decision | undefined): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
/**
 * Where a CSR is addressed, as the change report prints it (`links`, some of a CSR's `addressed`); `secret` (the ids
 * of documents marked 秘密, 机密 or 绝密) shows a section of those by its number alone (sectionNumberOnly, tester25 F2).
 */
const places = (links: Csr["addressed"], secret: ReadonlySet<string>): string =>
  (links ?? [])
    .map((p) => {
      const section = p.section && secret.has(p.document) ? sectionNumberOnly(undefined, p.section) : p.section;
      return section ? `${p.document} ${section}` : p.document;
    })
    .join(", ");

/** A link of a CSR (one of its `addressed`) as two states of it are matched: its document and section. */
export const linkKey = (link: AddressedLink): string => `${link.document} ${link.section ?? ""}`;
type AddressedLink = NonNullable<Csr["addressed"]>[number];
const secretIds = (repo: Repository): ReadonlySet<string> => new Set(repo.documents.filter((d) => isStateSecret(repo, d.value)).map((d) => d.value.id));

function csrChanges(before: Repository, after: Repository): Change[] {
  const old = byId(before.csrs, (c) => c.id);
  const now = byId(after.csrs, (c) => c.id);
  const secret = secretIds(after);
  const out: Change[] = [];
  for (const id of unionIds(old, now)) {
    if (!now.has(id) && after.unvalidated.csrs.has(id)) continue;
    const a = old.get(id);
    // A removed CSR's 密级, from the state that still holds it and its source.
    const classification = a && !now.has(id) ? csrClassification(before.customers.find((c) => c.value.code === a.customer)?.value, a) : "";
    out.push(...csrChange(id, a, now.get(id), secret, classification));
  }
  return out;
}

/** What changed in one CSR between two of its states (`a` absent: new; `b` absent: removed). */
function csrChange(id: string, a: Csr | undefined, b: Csr | undefined, secret: ReadonlySet<string>, classification = ""): Change[] {
  const out: Change[] = [];
  const change = (kind: ChangeKind, from: string, to: string, detail: string, date: string | null, more: Partial<Change> = {}) => out.push({ area: "csr", kind, id, title: (b ?? a)!.title, from, to, detail, date, ...more });
  if (!b) {
    change("removed", a!.customer, "", "", null, classification !== "" ? { classification } : {});
    return out;
  }
  if (!a) change("added", "", `${b.source.document} ${b.source.revision}`, b.customer, b.received);
  out.push(...declassifications("csr", id, b.title, a?.classification_changes, b.classification_changes));
  // A restart moves the decision into the history, so it is told apart from a changed decision.
  const restarted = b.review?.restarted !== undefined && b.review.restarted !== a?.review?.restarted;
  if (a && restarted) {
    const reason = b.review?.history?.[b.review.history.length - 1]?.reason ?? "";
    change("reopened", a.source.revision, b.source.revision, reason, b.review!.restarted!, { source: b.source.document });
  }
  const decision = b.review?.decision;
  if (decision && (restarted || !sameDecision(a?.review?.decision, decision))) {
    change("decided", restarted ? "" : (a?.review?.decision?.disposition ?? ""), decision.disposition, decision.by, decision.date);
  }
  // The 军代表's signature of the review report (GJB 9001C 8.2.3: the customer's representative agrees to the
  // decision), to the disposition signed, by whom and when; a new round's once it is signed.
  const military = b.review?.military_representative;
  if (military && (restarted || !sameSignature(a?.review?.military_representative, military))) change("signed", "", decision?.disposition ?? "", military.by, military.date ?? null);
  // Each source revision confirmed to leave it unchanged (csr source update --unchanged) is a review of that
  // revision (IATF 16949 7.5.3.2.2, GJB 9001C 8.2.3): from the revision the decision stood on, by whom, on its day.
  let on = a?.source.revision ?? "";
  const confirmed = new Set((a?.review?.confirmations ?? []).map((c) => `${c.source_revision} ${c.date}`));
  for (const c of b.review?.confirmations ?? []) {
    if (!confirmed.has(`${c.source_revision} ${c.date}`)) change("confirmed", on === c.source_revision ? "" : on, c.source_revision, c.by, c.date);
    on = c.source_revision;
  }
  // Each distribution (发放) to departments, on its day, by whom, of the source revision it names.
  const entry = (d: { date?: string; departments: string[]; source_revision?: string }) => JSON.stringify([d.date, d.departments, d.source_revision]);
  const distributed = new Set((a ? csrDistributions(a) : []).map(entry));
  for (const d of csrDistributions(b)) {
    if (distributed.has(entry(d))) continue;
    change("distributed", "", d.source_revision !== undefined ? `${b.source.document} ${d.source_revision}` : "", d.by ?? "", d.date ?? null, { departments: d.departments });
  }
  out.push(...trainingChanges("csr", id, b.title, a?.training?.sessions, b.training?.sessions, (revision) => `${b.source.document} ${revision}`));
  out.push(...implementationChanges(id, (b ?? a)!.title, a, b));
  // A new CSR's places too: where the QMS addresses it is what an auditor traces first (IATF 16949 7.5.1.1).
  // A link added with its pin (csr address writes who and when) is dated by it (tester57 E18): the latest pin's day, who made those of that day.
  const had = new Set((a?.addressed ?? []).map(linkKey));
  const kept = new Set((b.addressed ?? []).map(linkKey));
  const added = (b.addressed ?? []).filter((p) => !had.has(linkKey(p)));
  const gone = (a?.addressed ?? []).filter((p) => !kept.has(linkKey(p)));
  if (added.length > 0) {
    const pins = added.map((p) => p.pin);
    const day = pins.every((p) => p?.date !== undefined) ? pins.map((p) => p!.date).sort().at(-1)! : null;
    const by = day === null ? "" : [...new Set(pins.filter((p) => p!.date === day && p!.by).map((p) => p!.by!))].join(", ");
    // The places as the links added left them: a link removed is a row of its own.
    change("addressed", places(a?.addressed, secret), places([...(a?.addressed ?? []), ...added], secret), by, day);
  }
  // A link removed (csr address --remove) records neither who nor when: the commit that removed it tells (datedLinkRemovals).
  if (gone.length > 0) change("unaddressed", places(gone, secret), "", "", null);
  if (b.superseded && !a?.superseded) change("superseded", "", b.superseded.by ?? "", b.superseded.reason, b.superseded.date);
  return out;
}

/** The CSR files whose links a report's `unaddressed` rows removed, and those links (linkKey), for load/link-removals.ts to date: paths as `before` holds them. */
export function linkRemovalsWanted(changes: readonly Change[], before: Repository, after: Repository): { id: string; path: string; links: string[] }[] {
  const ids = new Set(changes.filter((c) => c.area === "csr" && c.kind === "unaddressed").map((c) => c.id));
  return before.csrs.flatMap(({ value, file }) => {
    if (!ids.has(value.id)) return [];
    const kept = new Set((after.csrs.find((c) => c.value.id === value.id)?.value.addressed ?? []).map(linkKey));
    return [{ id: value.id, path: file.path, links: (value.addressed ?? []).map(linkKey).filter((k) => !kept.has(k)) }];
  });
}

/** The commit that removed a link (load/link-removals.ts): its id, committer day (YYYY-MM-DD), author's name and e-mail. */
export interface LinkRemoval {
  commit: string;
  date: string;
  author: string;
  email: string;
}

/**
 * The `unaddressed` rows dated by the commits that removed their links (`removals`, by CSR id and linkKey;
 * tester57 E18): one row per CSR and commit, dated its day, `detail` its author as people.yaml knows them (by
 * e-mail, then name), else the author's name as git gives it, `commit` its id. A link no commit is found for
 * (removed since the last commit, or outside git) stays on an undated row.
 */
export function datedLinkRemovals(changes: readonly Change[], before: Repository, after: Repository, removals: ReadonlyMap<string, ReadonlyMap<string, LinkRemoval>>): Change[] {
  const secret = secretIds(after);
  const person = (r: LinkRemoval) => committer(after, r);
  return changes.flatMap((change): Change[] => {
    if (change.area !== "csr" || change.kind !== "unaddressed") return [change];
    const was = before.csrs.find((c) => c.value.id === change.id)?.value.addressed ?? [];
    const kept = new Set((after.csrs.find((c) => c.value.id === change.id)?.value.addressed ?? []).map(linkKey));
    const byCommit = new Map<string, { removal?: LinkRemoval; links: AddressedLink[] }>();
    for (const link of was.filter((l) => !kept.has(linkKey(l)))) {
      const removal = removals.get(change.id)?.get(linkKey(link));
      const group = byCommit.get(removal?.commit ?? "") ?? { ...(removal ? { removal } : {}), links: [] };
      group.links.push(link);
      byCommit.set(removal?.commit ?? "", group);
    }
    return [...byCommit.values()].map(({ removal, links }) => ({ ...change, from: places(links, secret), ...(removal ? { detail: person(removal), commit: removal.commit, date: removal.date } : {}) }));
  });
}

/** A commit's author as people.yaml knows them (by e-mail, then by id or name as peopleNamed finds one person, never one of two namesakes): their id; else the author's name as git gives it. */
function committer(repo: Repository, r: LinkRemoval): string {
  const people = repo.people.map((p) => p.value);
  const named = peopleNamed(r.author, people);
  const found = people.find((p) => r.email !== "" && (p.emails ?? []).some((e) => e.toLowerCase() === r.email.toLowerCase())) ?? (named.length === 1 ? named[0] : undefined);
  return found?.id ?? r.author;
}

/**
 * The 送审 and 修订中 rows recorded without who submitted (csr submit without --by) given the author of the
 * commit that recorded the submission (`commitOf`, load/submitters.ts) as `detail`, a people.yaml id when one
 * matches, and that commit as `commit`, as a removed link's row names it (breaker59 H8); so is a migration's row
 * (its catalog's `migrated`). `repo`: the state
 * the rows were read from.
 */
export function withSubmitters(changes: readonly Change[], repo: Repository, commitOf: (path: string, key: "submitted" | "revising" | "migrated") => LinkRemoval | undefined): Change[] {
  return changes.map((change) => {
    // A migration: who committed the day it was recorded in the new catalog (supersedes.migrated).
    if (change.area === "coverage" && change.kind === "migrated") {
      const file = repo.catalogFiles.find((f) => f.value.id === change.to)?.file;
      const commit = file && commitOf(file.path, "migrated");
      return commit ? { ...change, detail: committer(repo, commit), commit: commit.commit } : change;
    }
    if (change.area !== "document" || (change.kind !== "submitted" && change.kind !== "revising") || change.detail !== "") return change;
    const file = repo.documents.find((d) => d.value.id === change.id)?.file;
    const commit = file && commitOf(file.path, change.kind === "submitted" ? "submitted" : "revising");
    return commit ? { ...change, detail: committer(repo, commit), commit: commit.commit } : change;
  });
}

/**
 * The lowered 密级 (降密/解密, csr set --classification --by --reason) the later state records and the earlier one did
 * not: one row each, on its day, from and to the level, with who authorised it and the grounds (tester57 E1).
 */
function declassifications(area: "document" | "csr", id: string, title: string, was: readonly ClassificationChange[] | undefined, is: readonly ClassificationChange[] | undefined): Change[] {
  const known = new Set((was ?? []).map((c) => JSON.stringify(c)));
  return (is ?? []).filter((c) => !known.has(JSON.stringify(c))).map((c) => ({ area, kind: "declassified" as const, id, title, from: c.from, to: c.to, detail: c.by, remark: c.reason, date: c.date }));
}

/**
 * The periodic reviews (定期评审, csr periodic-review) the later state of a document records and the earlier
 * one did not: one row each, on its day, from the version it found in force (reviewedVersion) to the result (suitable 继续有效,
 * revise 需修订, withdraw 拟作废), with who reviewed and the comment (IATF 16949 7.5.3, GJB 9001C 7.5.2:
 * documents reviewed and updated as necessary; only 继续有效 restarts the interval).
 */
function periodicReviewChanges(id: string, doc: ControlledDocument, was: readonly PeriodicReview[] | undefined): Change[] {
  const key = (r: PeriodicReview) => JSON.stringify([r.by, r.date, r.result ?? "suitable", r.comment ?? ""]);
  const known = new Set((was ?? []).map(key));
  return (doc.reviews ?? [])
    .filter((r) => !known.has(key(r)))
    .map((r) => ({ area: "document" as const, kind: "reviewed" as const, id, title: doc.title, from: reviewedVersion(doc, r), to: r.result ?? "suitable", detail: r.by, ...(r.comment ? { remark: r.comment } : {}), date: r.date }));
}

/**
 * The training sessions (培训, csr train) the later state records and the earlier one did not: one row
 * each, on its day, with the version or source revision trained on (`on` names it: a document's version,
 * a CSR's source document and revision), who trained (the trainer), the people trained and the record's
 * number (IATF 16949 7.2.2, 7.5.3.2.2; the CSR procedure's training step). A session without a revision
 * names none.
 */
function trainingChanges(area: "document" | "csr", id: string, title: string, was: readonly TrainingSession[] | undefined, is: readonly TrainingSession[] | undefined, on: (revision: string) => string): Change[] {
  const key = (s: TrainingSession) => JSON.stringify([s.revision ?? "", s.date, s.people ?? [], s.department ?? "", s.trainees ?? [], s.trainer ?? s.external_trainer ?? "", s.record ?? ""]);
  const known = new Set((was ?? []).map(key));
  return (is ?? [])
    .filter((s) => !known.has(key(s)))
    .map((s) => ({ area, kind: "trained" as const, id, title, from: "", to: s.revision !== undefined ? on(s.revision) : "", detail: s.trainer ?? "", trained: { people: s.people ?? [], ...(s.department ? { department: s.department } : {}), ...(s.trainees ? { trainees: s.trainees } : {}), ...(s.record ? { record: s.record } : {}) }, date: s.date }));
}

/**
 * The implementation in production (导入生产日期, IATF 16949 7.5.3.2.2) and its verification that one state
 * of a CSR records and the one before did not: each on its own day, with who (the owner; the verifier), the
 * evidence, and the record it corrects when it replaced one (csr implement --amend). One a changed source
 * revision moved to the history with its round is what happened on its day: the state of that day (csrOn)
 * still holds it as the current one.
 */
function implementationChanges(id: string, title: string, a: Csr | undefined, b: Csr): Change[] {
  const was = a?.implementation;
  const is = b.implementation;
  const out: Change[] = [];
  // A record the later state keeps as corrected (an amended history entry), not one a restart closed with its round.
  const amended = (match: (h: NonNullable<NonNullable<Csr["implementation"]>["history"]>[number]) => boolean) => (is?.history ?? []).some((h) => h.source_revision === undefined && match(h));
  if (is?.implemented !== undefined && is.implemented !== was?.implemented) {
    const replaced = was?.implemented !== undefined && amended((h) => h.implemented === was.implemented) ? was.implemented : undefined;
    // The status it had, unless that was an earlier round's implementation (a restart closed it).
    const before = was?.implemented !== undefined && replaced === undefined ? "" : (was?.status ?? "");
    out.push({ area: "csr", kind: "implemented", id, title, from: before, to: "implemented", detail: is.owner ?? "", ...(is.evidence ? { evidence: is.evidence } : {}), ...(replaced !== undefined ? { replaced: { date: replaced } } : {}), date: is.implemented });
  }
  const verified = is?.verified;
  if (verified && (verified.by !== was?.verified?.by || verified.date !== was?.verified?.date)) {
    const earlier = was?.verified;
    const replaced = earlier && amended((h) => h.verified?.by === earlier.by && h.verified?.date === earlier.date) ? earlier : undefined;
    out.push({ area: "csr", kind: "verified", id, title, from: "implemented", to: "verified", detail: verified.by, ...(replaced ? { replaced } : {}), date: verified.date ?? null });
  }
  return out;
}

/**
 * The days a CSR's records date a receipt, a restart, a decision (an amended one too), the 军代表's signature
 * of a review report, a source revision confirmed unchanged, an earlier round closed, a distribution, a
 * training session, an implementation in production, a verification (an earlier round's, or one corrected
 * since, too), a lowered 密级 (降密) or a supersession.
 */
function csrEventDays(csr: Csr): string[] {
  const review = csr.review;
  const implementation = csr.implementation;
  const implemented = [implementation, ...(implementation?.history ?? [])].flatMap((i) => [i?.implemented, i?.verified?.date]);
  const signed = [review?.military_representative?.date, ...(review?.history ?? []).map((h) => h.military_representative?.date)];
  const days = [csr.received, review?.restarted, review?.decision?.date, ...signed, ...(review?.confirmations ?? []).map((c) => c.date), ...(review?.history ?? []).flatMap((h) => [h.closed, h.decision?.date]), ...csrDistributions(csr).map((d) => d.date), ...(csr.training?.sessions ?? []).map((s) => s.date), ...implemented, ...(implementation?.history ?? []).map((h) => h.closed), ...(csr.classification_changes ?? []).map((c) => c.date), csr.superseded?.date];
  return [...new Set(days.filter((d): d is string => typeof d === "string"))].sort();
}

/**
 * A CSR's changes in a period, one row per dated event: each CSR is compared on the day before each
 * day its records date something (csrOn) with that day, so that a receipt, a restart, a decision,
 * its amendment and a new source revision confirmed unchanged in the same period are each listed on
 * their day, with what they replaced; comparing only the period's two ends would show the last of
 * them alone (a second source revision in the period would hide the first, and the decisions
 * between them).
 */
function csrChangesIn(repo: Repository, from: string, to: string): Change[] {
  const customers = new Map(repo.customers.map((c) => [c.value.code, c.value]));
  const secret = secretIds(repo);
  const out: Change[] = [];
  const dayBefore = (day: string) => addDays(day, -1);
  for (const { value: csr } of repo.csrs) {
    const customer = customers.get(csr.customer);
    let previous = csrOn(csr, dayBefore(from), customer);
    for (const day of csrEventDays(csr)) {
      if (day < from || day > to) continue;
      const current = csrOn(csr, day, customer);
      // A row dated by its record, not by the day it shows (an implementation dated before the decision that allows it), only within the period.
      if (current) out.push(...csrChange(csr.id, previous, current, secret).filter((c) => !isUndated(c) && c.date !== null && c.date >= from && c.date <= to));
      previous = current;
    }
  }
  return out;
}

/**
 * The changes the records date in a period: the documents' revisions, withdrawals and 实施日期, the
 * customers' source revisions, the people who left and the clauses covered as a result, from the
 * records on the day before it and on its last day (recordsOn); the CSRs event by event (csrChangesIn);
 * the revisions submitted in it and not yet released (revisingIn), the drafts submitted in it (submittedIn).
 */
export function periodChanges(repo: Repository, from: string, to: string): Change[] {
  const before = recordsOn(repo, addDays(from, -1));
  const after = recordsOn(repo, to);
  // A revision in preparation is not dated by recordsOn's two states: its own day gives it (revisingIn).
  const ends = [...documentChanges(before, after), ...statesWithoutCsrs(before, after)].filter((c) => !isUndated(c) && c.kind !== "revising" && c.kind !== "submitted");
  const symbols = symbolChanges([], repo.symbols).filter((c) => c.kind !== "added" && c.date !== null && c.date >= from && c.date <= to);
  return [...ends, ...csrChangesIn(repo, from, to), ...takingEffect(repo, from, to), ...revisingIn(repo, from, to), ...submittedIn(repo, from, to), ...symbols];
}

/** A changed row's conversion before and after ("◇ SC → ☆ 重要"), each with the customer's meaning (含义) when that is what changed. */
function changedTexts(was: SymbolConversion, is: SymbolConversion): [string, string] {
  const text = (row: SymbolConversion) => conversionText(conversionValues(row)) + ((was.meaning ?? "") !== (is.meaning ?? "") ? `（${row.meaning ?? ""}）` : "");
  return [text(was), text(is)];
}

/** A row of the symbol conversion table as the report names it: the customer and the customer's symbol ("DYA ◆"). */
const symbolId = (row: SymbolConversion): string => `${row.customer} ${row.customer_symbol}`;

/**
 * The changes of the special-characteristic symbol conversion table (symbols.yaml; IATF 16949 8.3.3.3, 7.5.3.2.2:
 * a customer's change and its approval are recorded) from one state to another, rows matched by customer and
 * customer symbol (`id` "DYA ◆", `title` the customer's class): a row added or removed (undated: the table dates
 * neither); each change csr symbol update recorded (SymbolChange), from the conversion before it to the one after,
 * by whom (`detail`, a person id), why (`remark`), on its day; a row changed by hand without such a record, from
 * and to its conversion, undated; a row retired (停用), by whom, why, on its day; each customer approval recorded
 * (the one in force or one kept in earlier_approvals), to the customer document and revision approved for
 * (`to`, "DYA-SC/C"), by the customer's representative (`detail`, not a people.yaml id), its evidence (`remark`),
 * on its day. `before` empty: every dated record of `after` (a period picks those in it).
 */
export function symbolChanges(before: readonly { value: SymbolConversion }[], after: readonly { value: SymbolConversion }[]): Change[] {
  const old = byId(before, symbolId);
  const now = byId(after, symbolId);
  const out: Change[] = [];
  for (const id of unionIds(old, now)) {
    const a = old.get(id);
    const b = now.get(id);
    if (!b) {
      out.push({ area: "symbol", kind: "removed", id, title: a!.customer_class, from: conversionText(conversionValues(a!)), to: "", detail: "", date: null });
      continue;
    }
    const row = (kind: ChangeKind, from: string, to: string, detail: string, date: string | null, remark?: string): void => {
      out.push({ area: "symbol", kind, id, title: b.customer_class, from, to, detail, ...(remark ? { remark } : {}), date });
    };
    if (!a) row("added", "", conversionText(conversionValues(b)), "", null);
    // Each recorded change, from the row before it to the row after it: the values before a change are the row after it with what it replaced (`was`).
    const changes = b.changes ?? [];
    const known = new Set((a?.changes ?? []).map((c) => JSON.stringify(c)));
    const states: SymbolConversion[] = [b];
    for (let i = changes.length - 1; i >= 0; i--) states.unshift({ ...states[0]!, ...changes[i]!.was });
    changes.forEach((c, i) => {
      const [was, is] = changedTexts(states[i]!, states[i + 1]!);
      if (!known.has(JSON.stringify(c))) row("changed", was, is, c.by, c.date, c.reason);
    });
    // Changed by hand: the values differ and no recorded change says so.
    if (a && changes.length === (a.changes ?? []).length && !sameConversion(conversionValues(a), conversionValues(b))) row("changed", ...changedTexts(a, b), "", null);
    if (b.retired && JSON.stringify(b.retired) !== JSON.stringify(a?.retired)) row("retired", conversionText(conversionValues(b)), "", b.retired.by, b.retired.date, b.retired.reason);
    const approvals = (r: SymbolConversion | undefined) => [...(r?.earlier_approvals ?? []), ...(r?.approved ? [r.approved] : [])];
    const approvalKey = (p: SymbolApproval) => JSON.stringify([p.by, p.date, p.source ?? "", p.evidence ?? ""]);
    const approved = new Set(approvals(a).map(approvalKey));
    for (const p of approvals(b)) if (!approved.has(approvalKey(p))) row("approved", "", p.source ?? "", p.by, p.date, p.evidence);
  }
  return out;
}

function sourceChanges(before: Repository, after: Repository): Change[] {
  const key = (customer: string, source: SourceDocument) => `${customer}/${source.id}`;
  const collect = (repo: Repository) => {
    const map = new Map<string, { customer: string; source: SourceDocument }>();
    for (const { value: c } of repo.customers) for (const s of c.sources ?? []) map.set(key(c.code, s), { customer: c.code, source: s });
    return map;
  };
  const old = collect(before);
  const now = collect(after);
  const out: Change[] = [];
  for (const k of unionIds(old, now)) {
    const b = now.get(k);
    if (!b) continue;
    const a = old.get(k);
    // One row per revision received in the later state only, each from the one it supersedes, on the day it was received.
    const known = new Set((a?.source.revisions ?? []).map((r) => r.revision));
    b.source.revisions.forEach((r, i) => {
      if (known.has(r.revision)) return;
      const previous = r.supersedes ?? b.source.revisions[i - 1]?.revision ?? "";
      out.push({ area: "source", kind: previous ? "revised" : "added", id: b.source.id, title: b.source.title, from: previous, to: r.revision, detail: b.customer, date: r.received });
    });
  }
  return out;
}

/**
 * The clauses whose coverage changed between two states, per standard in scope. During a transition to
 * a new edition each state is read through the correspondence (model/catalog.ts): the old edition's
 * coverage counts references to the new one for the clauses they came from (as the matrix does,
 * coverageReading), and the new edition's counts references to the old one for what they become, also
 * on the side where it is not yet in scope. So 'csr standard migrate', which only renumbers, loses and
 * gains no coverage; a reference really added or removed still shows (breaker59 H1).
 */
function coverageChanges(before: Repository, after: Repository): Change[] {
  const standards = [...new Set([...(before.config?.value.standards ?? []), ...(after.config?.value.standards ?? [])])];
  const inScope = (repo: Repository, standard: string) => (repo.config?.value.standards ?? []).includes(standard);
  const covered = (repo: Repository, standard: string, other: Repository): Set<string> => {
    const catalog = repo.catalogs.get(standard);
    if (!catalog) return new Set();
    const old = catalog.supersedes ? repo.catalogs.get(catalog.supersedes.standard) : undefined;
    // A new edition not yet in scope, on the side before its migration: what its predecessor's references become.
    if (!inScope(repo, standard) && !(old && inScope(repo, old.id) && inScope(other, standard))) return new Set();
    const successor = successorOf(repo.catalogs, standard);
    const former = successor ? formerNumbers(successor, catalog) : undefined;
    const read = (refs: readonly string[] | undefined): readonly string[] | undefined => {
      if (successor && former) return readInFormerEdition(refs, successor, catalog, former);
      if (!old || !refs) return refs;
      const added = refs.flatMap((text) => {
        const ref = parseClauseRef(text);
        return ref?.standard === old.id ? (correspondingClauses(catalog, ref.clause) ?? []).map((n) => `${catalog.id}:${n}`) : [];
      });
      return added.length === 0 ? refs : [...new Set([...refs, ...added])];
    };
    const config = repo.config?.value;
    const coverage = clauseCoverage(catalog, {
      processes: repo.processes.map((p) => ({ ...p.value, clauses: read(p.value.clauses) as typeof p.value.clauses })),
      documents: repo.documents.map((d) => ({ ...d.value, clauses: read(d.value.clauses) as typeof d.value.clauses })),
      exclusions: config?.exclusions,
      inherit: config?.coverage?.inherit_from_parent,
    });
    return new Set(coverage.entries.filter((e) => e.state === "covered" || (coverage.inherit && e.state === "inherited")).map((e) => e.clause.number));
  };
  const out: Change[] = [];
  for (const standard of standards) {
    const a = covered(before, standard, after);
    const b = covered(after, standard, before);
    const catalog = after.catalogs.get(standard) ?? before.catalogs.get(standard);
    const numbers = [...new Set([...a, ...b])].filter((n) => a.has(n) !== b.has(n)).sort(compareClauseNumbers);
    for (const n of numbers) {
      const title = catalog?.clauses.get(n)?.title ?? "";
      out.push({ area: "coverage", kind: b.has(n) ? "gained" : "lost", id: `${standard}:${n}`, title, from: a.has(n) ? "covered" : "uncovered", to: b.has(n) ? "covered" : "uncovered", detail: "", date: null });
    }
  }
  return out;
}

/**
 * The moves of clause references from an edition to the one that supersedes it (csr standard migrate)
 * between two states: for each new edition's catalog, the references to the old edition a file no
 * longer holds where it now cites the new one more, counted with their files (a file both edited and
 * migrated counts too). One row per edition, from the old catalog's id to the new one's, dated
 * `supersedes.migrated`: hundreds of renumbered references are one fact, not hundreds of rows.
 */
function migrations(before: Repository, after: Repository): Change[] {
  const refs = (repo: Repository): Map<string, string[]> => {
    const byFile = new Map<string, string[]>();
    const add = (path: string, clauses: readonly string[] | undefined) => byFile.set(path, [...(byFile.get(path) ?? []), ...(clauses ?? [])]);
    for (const d of repo.documents) add(d.file.path, d.value.clauses);
    for (const p of repo.processes) add(p.file.path, p.value.clauses);
    for (const c of repo.csrs) add(c.file.path, c.value.clauses);
    if (repo.config) add(repo.config.file.path, (repo.config.value.exclusions ?? []).map((e) => e.clause));
    return byFile;
  };
  const [was, is] = [refs(before), refs(after)];
  const out: Change[] = [];
  for (const catalog of after.catalogs.values()) {
    const old = catalog.supersedes?.standard;
    if (!old) continue;
    const count = (texts: readonly string[] | undefined, standard: string) => (texts ?? []).filter((text) => parseClauseRef(text)?.standard === standard).length;
    let references = 0;
    let files = 0;
    for (const [path, texts] of is) {
      const moved = count(was.get(path), old) - count(texts, old);
      if (moved > 0 && count(texts, catalog.id) > count(was.get(path), catalog.id)) {
        references += moved;
        files += 1;
      }
    }
    if (references > 0) out.push({ area: "coverage", kind: "migrated", id: old, title: after.catalogs.get(old)?.title ?? old, from: old, to: catalog.id, detail: "", migrated: { references, files }, date: catalog.supersedes?.migrated ?? null });
  }
  return out;
}

function personChanges(before: Repository, after: Repository): Change[] {
  const old = byId(before.people, (p) => p.id);
  const now = byId(after.people, (p) => p.id);
  const roles = (p: Person) => [...p.roles].sort().join(", ");
  const out: Change[] = [];
  for (const id of unionIds(old, now)) {
    const a = old.get(id);
    const b = now.get(id);
    if (!b) out.push({ area: "person", kind: "removed", id, title: a!.name, from: roles(a!), to: "", detail: a!.department, date: null });
    else if (!a) out.push({ area: "person", kind: "added", id, title: b.name, from: "", to: roles(b), detail: b.department, date: null });
    else {
      if (roles(a) !== roles(b)) out.push({ area: "person", kind: "roles", id, title: b.name, from: roles(a), to: roles(b), detail: b.department, date: null });
      if (a.department !== b.department) out.push({ area: "person", kind: "department", id, title: b.name, from: a.department, to: b.department, detail: "", date: null });
    }
    if (b?.left !== undefined && b.left !== a?.left) out.push({ area: "person", kind: "left", id, title: b.name, from: roles(b), to: "", detail: b.department, date: b.left });
  }
  return out;
}
