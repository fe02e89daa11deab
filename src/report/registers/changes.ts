/**
 * The change report (变更报告): what changed in the quality system over a period (from the dated
 * records) or between two commits, one row per change, grouped by area, with a count per area and
 * kind below, headed and signed as every register.
 */
import { CHANGE_AREAS, type Change, type ChangeArea, type ChangeKind, type SectionChange, type SectionName } from "../../model/changes.js";
import { PERIODIC_REVIEW_RESULTS, SIGNATURE_ROLES, type Csr, type Disposition, type PeriodicReviewResult, type Role } from "../../model/types.js";
import type { Table } from "../table.js";
import type { Signature } from "../../model/types.js";
import type { MessageKey } from "../../i18n/index.js";
import { repositoryCalendar } from "../../load/calendar.js";
import { classificationName, csrClassification, documentClassification, highestClassification } from "../../model/classification.js";
import { electronicLabel } from "../../model/labels.js";
import { DEFAULT_REVIEW_DAYS, historyReason, verifiedByOwner } from "../../model/csr-status.js";
import { lateByText, reviewRounds } from "../../model/review-timeliness.js";
import { localized } from "../../core/text.js";
import { configurationChangeGaps, revisionBasis } from "../../model/revision.js";
import { customerNoticesText } from "../../model/customer-notices.js";
import { sessionTraineesIn } from "../../model/training.js";
import { customerName, departmentName, documentTitle, personName, t, type RegisterContext } from "./context.js";
import { roundRemark } from "./reviews.js";
import { clauseLabel } from "./clauses.js";
import { parseClauseRef } from "../../model/catalog.js";
import { standardName } from "../../model/citations.js";

/** One end of the compared range as the user named it and as git resolved it. */
export interface RangeEnd {
  /** What the user typed (a revision or a tag); for a period, the day whose last commit it is (the first commit, by its short id, when the history starts in the period). */
  spec: string;
  /** Full commit id, or null when the repository had no commit yet at that point. */
  commit: string | null;
  /** Committer date of that commit (YYYY-MM-DD). */
  date: string | null;
}

/**
 * Where a period's changes that no record dates (people, where CSRs are addressed, deleted files)
 * come from: the commits at its start and end (`historyFrom`: the history starts in the period, so
 * the comparison starts at its first commit, of that day); none, when the history starts after the
 * period (`first`: the first commit's day, null without a commit) or the folder is not in git.
 */
export type UndatedBasis = { kind: "commits"; from: RangeEnd; to: RangeEnd; historyFrom?: string } | { kind: "history-later"; first: string | null } | { kind: "no-git" };

/** The kinds of change each area has, in the order the report counts them. */
const KINDS: Record<ChangeArea, readonly ChangeKind[]> = {
  document: ["added", "submitted", "released", "revising", "received", "effective", "signed", "issued", "recalled", "lost", "destroyed", "retained", "reviewed", "trained", "declassified", "withdrawn", "removed"],
  csr: ["added", "decided", "signed", "reopened", "confirmed", "distributed", "trained", "implemented", "verified", "addressed", "unaddressed", "superseded", "declassified", "removed"],
  source: ["added", "revised"],
  symbol: ["added", "changed", "retired", "approved", "removed"],
  coverage: ["migrated", "gained", "lost"],
  person: ["added", "roles", "department", "left", "removed"],
};

const DISPOSITIONS: readonly string[] = ["must", "optional", "not-applicable", "rejected"] satisfies Disposition[];
const DOC_STATUSES: readonly string[] = ["draft", "in-review", "released", "obsolete"];
const COVERAGE: readonly string[] = ["covered", "uncovered"];
const ROLES: readonly string[] = ["author", "reviewer", "approver", "document-controller", "standardization"] satisfies Role[];
const IMPLEMENTATION: readonly string[] = ["planned", "in-progress", "implemented", "verified"] satisfies ImplementationStatus[];
type ImplementationStatus = NonNullable<NonNullable<Csr["implementation"]>["status"]>;

function kindLabel(ctx: RegisterContext, area: ChangeArea, kind: ChangeKind): string {
  return t(ctx, `register.changes.kind.${area}.${kind}` as MessageKey);
}

/** Whether a `verified` change is the CSR's verification in force, made by its implementation's owner (verifiedByOwner). */
function verifiedByOwnerOn(ctx: RegisterContext, change: Change): boolean {
  const csr = ctx.index.csrs.get(change.id)?.value;
  const verified = csr?.implementation?.verified;
  return csr !== undefined && verified?.by === change.detail && (verified.date ?? null) === change.date && verifiedByOwner(csr, ctx.repo.config?.value);
}

/** Values the model keeps language-neutral, in the reader's words. */
function word(ctx: RegisterContext, change: Change, value: string): string {
  if (change.area === "csr" && (change.kind === "decided" || change.kind === "signed") && DISPOSITIONS.includes(value)) return t(ctx, `register.disposition.${value as Disposition}`);
  // A verification by the implementation's own owner, as the CSR's record stands, is marked as every other output marks it (tester53 N4).
  if (change.area === "csr" && change.kind === "verified" && value === "verified" && verifiedByOwnerOn(ctx, change)) return t(ctx, "register.implementation.verified-by-owner");
  if (change.area === "csr" && (change.kind === "implemented" || change.kind === "verified") && IMPLEMENTATION.includes(value)) return t(ctx, `value.implementation.${value as ImplementationStatus}`);
  if (change.kind === "declassified") return classificationName(ctx.lang, value);
  if (change.area === "document" && change.kind === "reviewed" && (PERIODIC_REVIEW_RESULTS as readonly string[]).includes(value)) return t(ctx, `value.periodic-review-result.${value as PeriodicReviewResult}`);
  if (change.area === "document" && change.kind !== "released" && DOC_STATUSES.includes(value)) return t(ctx, `register.status.${value as "draft" | "in-review" | "released" | "obsolete"}`);
  // A migration's editions by their catalogs' titles (IATF 16949:2016 → IATF 16949 第二版).
  if (change.area === "coverage" && change.kind === "migrated") return ctx.repo.catalogs.get(value)?.title ?? value;
  if (change.area === "coverage" && COVERAGE.includes(value)) return t(ctx, `register.changes.coverage.${value as "covered" | "uncovered"}`);
  // A person's roles (model/changes.ts joins the codes with ", ") as the signatures name them: 编制、审核.
  if (change.area === "person" && change.kind !== "department" && value !== "") {
    return value
      .split(", ")
      .map((role) => (ROLES.includes(role) ? t(ctx, `value.role.${role as Role}`) : role))
      .join(t(ctx, "register.list-separator"));
  }
  return value;
}

/** A section title as compared: whitespace does not count. */
const normalizeTitle = (title: string) => title.replace(/\s+/g, "");

/** A commit as the report names it: its short id and its day. */
function commitLabel(end: RangeEnd): string {
  return `${end.commit?.slice(0, 7) ?? ""}${end.date ? `, ${end.date}` : ""}`;
}

/** An end of a range of commits: as the user named it, with its commit. */
function endLabel(end: RangeEnd): string {
  const at = commitLabel(end);
  return end.commit && end.spec === end.commit.slice(0, end.spec.length) ? at : `${end.spec} (${at})`;
}

/**
 * The changes between two commits. Its dates are the records' own, which need not lie between the
 * commits' (a system imported in one commit brings years of revisions): a note says so, with how
 * many do not; how to ask for a period instead is a hint (Table.hints).
 */
/** `ledger`: the 技术状态更改台账 (csr changes --configuration-change): its class, change order and approval in columns of their own (reportTable). */
export function changeReport(ctx: RegisterContext, changes: readonly Change[], from: RangeEnd, to: RangeEnd, ledger = false): Table {
  const range = `${endLabel(from)} → ${endLabel(to)}`;
  const outside = changes.filter((c) => c.date !== null && ((from.date !== null && c.date < from.date) || (to.date !== null && c.date > to.date))).length;
  const note = [t(ctx, "register.changes.note.commits"), outside > 0 ? t(ctx, "register.changes.note.outside", { count: outside, from: from.date ?? "", to: to.date ?? "" }) : "", symbolsNote(ctx, changes, "commits")];
  // How to ask for a period instead is for the one who runs the command, not a line of the report.
  const hints = [t(ctx, "register.changes.ask-period.hint", { from: from.date ?? "", to: to.date ?? "" })];
  return { ...reportTable(ctx, changes, range, t(ctx, "register.changes.heading.commits", { range }), note, undefined, ledger), hints };
}

/**
 * The changes the records date in a period, and those no record dates from the commits `basis` names;
 * `today` when the period ends after it, which the note says: the days after it have not happened.
 * `entered`: what the commits show entered in the period that records the time before it (model/changes.ts
 * enteredBeforePeriod), named in the note, not listed as changes.
 */
export function periodReport(ctx: RegisterContext, changes: readonly Change[], period: { from: string; to: string }, basis: UndatedBasis, today?: string, entered: readonly Change[] = [], plain?: PlainNotes, cells?: ChangeCells, ledger = false): Table {
  const range = t(ctx, "register.changes.period", period);
  const undated = (() => {
    if (plain) return plainUndatedNote(ctx, basis, period, plain);
    if (basis.kind === "no-git") return t(ctx, "register.changes.note.undated-no-git");
    if (basis.kind === "history-later") return basis.first ? t(ctx, "register.changes.note.undated-history-later", { first: basis.first }) : t(ctx, "register.changes.note.undated-no-commit");
    const commits = { from: commitLabel(basis.from), to: commitLabel(basis.to) };
    return basis.historyFrom ? t(ctx, "register.changes.note.undated-history-from", { ...commits, first: basis.historyFrom }) : t(ctx, "register.changes.note.undated", commits);
  })();
  const future = today !== undefined ? t(ctx, "register.changes.note.future", { to: period.to, today }) : "";
  const places = entered.filter((c) => c.area === "csr").map((c) => c.id);
  const people = entered.filter((c) => c.area === "person").map((c) => `${c.id} ${c.title}`);
  const separator = t(ctx, "register.list-separator");
  const before = [
    places.length > 0 ? t(ctx, "register.changes.note.entered-addressed", { count: places.length, ids: places.join(separator), from: period.from }) : "",
    people.length > 0 ? t(ctx, "register.changes.note.entered-people", { count: people.length, people: people.join(separator), from: period.from }) : "",
  ];
  const symbols = plain && symbolsNote(ctx, changes, "dated") ? t(ctx, "register.changes.note.symbols-plain") : symbolsNote(ctx, changes, "dated");
  return reportTable(ctx, changes, range, t(ctx, "register.changes.heading.period", period), [t(ctx, "register.changes.note.dated", period), symbols, undated, ...before, future], cells, ledger);
}

/** The cells of a change's row as reportTable words them, every optional one included. */
interface ChangeRowCells {
  area: string;
  kind: string;
  id: string;
  title: string;
  classification: string;
  from: string;
  to: string;
  detail: string;
  notices: string;
  signatures: string;
  /** The 技术状态更改台账's (reportTable `ledger`): I类, the 更改单号. */
  changeClass: string;
  changeOrder: string;
  date: string | null;
}

/**
 * The rows of one context's change reports by change, each worded once (newChangeCells): csr site takes many reports of
 * parts of one period's changes (a department's, its last 30 days, the current and previous month), whose rows are those
 * of the whole period's, taken again.
 */
export interface ChangeCells {
  readonly ctx: RegisterContext;
  readonly rows: Map<Change, ChangeRowCells>;
}

export function newChangeCells(ctx: RegisterContext): ChangeCells {
  return { ctx, rows: new Map() };
}

/**
 * The notes of a report read by people who never use git (csr site, tester70 P11): what no record dates is said
 * as entered into the document repository (录入文件库), not compared by commit; `datedFrom`, the first day from
 * which those changes are dated by the commit that made them (load/undated-dates.ts datedByCommit).
 */
export interface PlainNotes {
  datedFrom: string;
}

/** What a report in plain words (PlainNotes) says of the changes no record dates. */
function plainUndatedNote(ctx: RegisterContext, basis: UndatedBasis, period: { from: string }, plain: PlainNotes): string {
  if (basis.kind === "no-git") return t(ctx, "register.changes.note.plain.no-git");
  if (basis.kind === "history-later") return basis.first ? t(ctx, "register.changes.note.plain.history-later", { first: basis.first }) : t(ctx, "register.changes.note.plain.no-commit");
  const dated = t(ctx, period.from < plain.datedFrom ? "register.changes.note.plain.dated-since" : "register.changes.note.plain.dated", { from: plain.datedFrom });
  return basis.historyFrom ? [dated, t(ctx, "register.changes.note.plain.history-from", { first: basis.historyFrom })].join(t(ctx, "common.sentence-separator")) : dated;
}

/** What the report covers of the symbol conversion table (tester58 F7), said where the repository keeps one or the report lists a row of it. */
function symbolsNote(ctx: RegisterContext, changes: readonly Change[], mode: "commits" | "dated"): string {
  return ctx.repo.symbols.length > 0 || changes.some((c) => c.area === "symbol") ? t(ctx, `register.changes.note.symbols-${mode}`) : "";
}

/**
 * The report's table; `note`, sentences that say what it was built from, follows the counts as one line. `ledger`: the
 * 技术状态更改台账 the 军代表 reads (GJB 3206B; GJB 9001C 8.3.6, 8.5.6; tester81 J3), every row a document's: no area column,
 * and each change's class (更改类别), change order number (更改单号) and the ordering party's approval (订购方批准, its customer
 * notices; 未记录 on a class I change without one) in columns of their own, which its 说明 then leaves out.
 */
function reportTable(ctx: RegisterContext, changes: readonly Change[], range: string, label: string, note: string[], cells?: ChangeCells, ledger = false): Table {
  // The name every other register of the repository prints in the reader's language (title_en, name_en),
  // from the record as it stands; the row's own title for one no longer there.
  const name = (change: Change) => {
    if (change.area === "person" && ctx.index.people.has(change.id)) return personName(ctx, change.id);
    if (change.area === "document") {
      const doc = ctx.index.documents.get(change.id)?.value;
      if (doc) return documentTitle(ctx, doc);
    }
    if (change.area === "csr") {
      const csr = ctx.index.csrs.get(change.id)?.value;
      if (csr) return localized(ctx.lang, csr.title, csr.title_en);
    }
    if (change.area === "source") {
      const source = ctx.index.customers.get(change.detail)?.value.sources?.find((s) => s.id === change.id);
      if (source) return localized(ctx.lang, source.title, source.title_en);
    }
    // A clause by its catalog's title in the report's language (title_en in English), as the clause matrix names it (breaker59 H6).
    if (change.area === "coverage") {
      const ref = parseClauseRef(change.id);
      const catalog = ref && ctx.repo.catalogs.get(ref.standard);
      const clause = ref && catalog?.clauses.get(ref.clause);
      if (catalog && clause) return clauseLabel(ctx, catalog, clause);
    }
    return change.title;
  };
  // A clause as review reports and documents cite it, by its standard's name or its catalog's title, never a raw
  // catalog id (IATF 16949 第二版 10.3, not IATF16949E2:10.3; breaker59 H6); its id stays in the JSON, for machines.
  const idText = (change: Change) => {
    if (change.area !== "coverage") return change.id;
    if (change.kind === "migrated") return standardName(change.id, ctx.repo.catalogs.get(change.id)?.title);
    const ref = parseClauseRef(change.id);
    const catalog = ref && ctx.repo.catalogs.get(ref.standard);
    return ref && catalog ? `${standardName(ref.standard, catalog.title)} ${ref.clause}` : change.id;
  };
  const detail = (change: Change) => {
    // The 实施日期 of a revision released to take effect later; on the row of the day it takes effect, the day it was released.
    const when = change.kind === "effective" && change.released ? t(ctx, "register.changes.released-on", { date: change.released }) : change.effective ? t(ctx, "register.changes.effective-on", { date: change.effective }) : "";
    return [recordText(change) + when, sectionsText(change)].filter(Boolean).join(t(ctx, "register.remarks-separator"));
  };
  // The sections a revision or a draft changed (tester57 E8): 章节：新增 5.3 …；删除 4 定义；修改 5.2 …；改号 4 作业流程（原 5）.
  const sectionName = (s: SectionName) => [s.number, localized(ctx.lang, s.title, s.title_en)].filter(Boolean).join(" ");
  const sectionsText = (change: Change): string => {
    if (!change.sections) return "";
    const wasText = (s: SectionChange) => {
      if (!s.was) return sectionName(s);
      const was = normalizeTitle(s.was.title) === normalizeTitle(s.title) ? s.was.number : sectionName(s.was);
      return t(ctx, "register.changes.section-was", { section: sectionName(s), was });
    };
    const groups = (["added", "removed", "changed", "renumbered"] as const).flatMap((kind) => {
      const of = change.sections!.filter((s) => s.change === kind);
      return of.length > 0 ? [t(ctx, `register.changes.section.${kind}`, { sections: of.map(wasText).join(t(ctx, "register.list-separator")) })] : [];
    });
    return t(ctx, "register.changes.sections", { changes: groups.join(t(ctx, "register.remarks-separator")) });
  };
  // A revision's reason, change request, corrective actions (csr release --action; breaker64 P8) and ECN after what it changed (revisionBasis).
  const recordText = (recorded: Change) => {
    // A revision's summary in English where recorded (summary_en), as revisionSummary picks it.
    const change = { ...recorded, detail: localized(ctx.lang, recorded.detail, recorded.detail_en) };
    const text = baseRecordText(change);
    // The reason, request, corrective actions and ECN in the one cell every revision record prints (revisionBasis).
    const basis = change.area === "document" ? revisionBasis(ledger ? { ...change, change_class: undefined, change_request: undefined } : change, ctx.lang) : "";
    return basis ? [text, basis].join(t(ctx, "register.remarks-separator")) : text;
  };
  const baseRecordText = (change: Change) => {
    if (change.area === "document" && change.pages) return change.detail ? change.detail + t(ctx, "register.changes.pages", { pages: change.pages }) : t(ctx, "register.changes.pages-alone", { pages: change.pages });
    if (change.area === "document" && change.kind === "added" && !change.imported) return word(ctx, change, change.detail);
    // A revision in preparation: who submitted its draft.
    // Recorded without who submitted: who committed it, as a removed link's row names them (breaker59 H8).
    if ((change.kind === "revising" || change.kind === "submitted") && change.commit) return t(ctx, "register.changes.unaddressed-by", { by: personName(ctx, change.detail), commit: change.commit.slice(0, 7) });
    if (change.kind === "revising" || change.kind === "submitted") return change.detail ? t(ctx, "register.changes.submitted-by", { by: personName(ctx, change.detail) }) : "";
    // An external document is received, not released: who published it.
    if (change.area === "document" && change.kind === "received") return change.detail ? t(ctx, "register.changes.external-received", { publisher: change.detail }) : "";
    if (change.area === "document" && change.imported && !change.detail) return t(ctx, "revision.imported.summary");
    if (change.area === "document" && change.copies) return copiesText(change);
    if (change.area === "document" && change.electronic) return electronicText(change);
    if (change.kind === "trained") return trainedText(change);
    // A periodic review: who reviewed, and what they found.
    // A lowered 密级: who authorised it and the grounds (tester57 E1).
    if (change.kind === "declassified") return t(ctx, "register.changes.declassified-by", { by: personName(ctx, change.detail), reason: change.remark ?? "" });
    // The 军代表 who signed a review report or a revision (GJB 9001C 8.2.3, 7.5.3).
    if (change.kind === "signed") return t(ctx, "register.changes.military-signed", { by: personName(ctx, change.detail) });
    if (change.kind === "reviewed") return [t(ctx, "register.changes.reviewed-by", { by: personName(ctx, change.detail) }), change.remark ?? ""].filter(Boolean).join(t(ctx, "register.remarks-separator"));
    if (change.area === "csr") return csrText(change);
    if (change.area === "source") return sourceText(change);
    if (change.migrated) return migratedText(change);
    if (change.area === "symbol") return symbolText(change);
    if (change.area === "person") return departmentName(ctx, change.detail);
    return change.detail;
  };
  // A row of the CSRs and the customers' sources says in words what happened: who decided or confirmed a new
  // source revision unchanged, from which customer's source and section a requirement came and by when its review
  // is due, when the customer issued a revision.
  const config = ctx.repo.config?.value;
  const calendar = repositoryCalendar(config);
  const reviewDue = (start: string) => t(ctx, "register.changes.review-due", { due: calendar.addWorkdays(start, config?.csr?.review_days ?? DEFAULT_REVIEW_DAYS) });
  // What the review-timeliness register's 备注 says of the round a decision or confirmation ended (a decision
  // forced, its countersigns on a paper review record…), judged on the CSR's records as they stand: none for a
  // decision amended since, which ends no round.
  const remark = (change: Change): string => {
    const csr = ctx.index.csrs.get(change.id)?.value;
    if (!csr || change.date === null) return "";
    const rounds = reviewRounds(csr, calendar, config, change.date, ctx.index.customers.get(csr.customer)?.value);
    const round = rounds.find((r) => r.decided === change.date && r.by === change.detail && (r.kind === "confirmed") === (change.kind === "confirmed"));
    if (!round) return "";
    // A decision or confirmation after the deadline says by how much and why, as the CSR list and matrix do (tester54a A15; IATF 16949 7.5.3.2.2).
    const late = lateByText(ctx.lang, round);
    const text = [late ? t(ctx, "register.changes.late", { late, due: round.due }) : "", late && round.lateReason ? t(ctx, "review.show.history.late-reason", { reason: round.lateReason }) : "", roundRemark(ctx, round)]
      .filter(Boolean)
      .join(t(ctx, "register.remarks-separator"));
    return text ? t(ctx, "register.remarks-separator") + text : "";
  };
  const csrText = (change: Change): string => {
    if (change.kind === "added" && change.date) {
      const section = ctx.index.csrs.get(change.id)?.value.source.section;
      return t(ctx, "register.changes.csr-received", { customer: customerName(ctx, change.detail), source: section ? `${change.to} ${section}` : change.to }) + reviewDue(change.date);
    }
    // The reason as the user wrote it, else said from the source revisions in the reader's language; its closing full stop giving way to the deadline.
    if (change.kind === "reopened" && change.date) {
      const reason = historyReason({ ...(change.detail ? { reason: change.detail } : {}), source_revision: change.from, revised_to: change.to }, change.source ?? "", ctx.lang);
      return reason.replace(/[。.]$/u, "") + reviewDue(change.date);
    }
    if (change.kind === "addressed") return change.detail ? t(ctx, "register.changes.addressed-by", { by: change.detail.split(", ").map((p) => personName(ctx, p)).join(t(ctx, "register.list-separator")) }) : "";
    // A link removed: who committed its removal, and in which commit (tester57 E18).
    if (change.kind === "unaddressed") return change.commit ? t(ctx, "register.changes.unaddressed-by", { by: personName(ctx, change.detail), commit: change.commit.slice(0, 7) }) : "";
    if (change.kind === "decided") return t(ctx, change.from ? "register.changes.decision-changed" : "register.changes.decided-by", { by: personName(ctx, change.detail) }) + remark(change);
    if (change.kind === "confirmed") return t(ctx, "register.changes.confirmed-by", { by: personName(ctx, change.detail) }) + remark(change);
    // A distribution: to which departments, by whom.
    if (change.kind === "distributed") {
      const to = t(ctx, "register.changes.distributed-to", { departments: (change.departments ?? []).map((d) => departmentName(ctx, d)).join(t(ctx, "register.list-separator")) });
      return [to, change.detail ? t(ctx, "register.changes.distributed-by", { by: personName(ctx, change.detail) }) : ""].filter(Boolean).join(t(ctx, "register.remarks-separator"));
    }
    // The implementation in production: who owns it and the evidence; the verification: who verified it; each saying the record it corrected.
    if (change.kind === "implemented") {
      const parts = [change.replaced?.date ? t(ctx, "register.changes.implemented-amended", { was: change.replaced.date }) : "", change.detail ? t(ctx, "register.changes.implemented-by", { by: personName(ctx, change.detail) }) : "", change.evidence ? t(ctx, "register.changes.evidence", { evidence: change.evidence }) : ""];
      return parts.filter(Boolean).join(t(ctx, "register.remarks-separator"));
    }
    if (change.kind === "verified") {
      const was = change.replaced && "by" in change.replaced ? [personName(ctx, change.replaced.by), change.replaced.date ?? ""].filter(Boolean).join(" ") : "";
      const replaced = was ? t(ctx, "register.changes.verified-amended", { was }) : "";
      return [replaced, t(ctx, "register.changes.verified-by", { by: personName(ctx, change.detail) })].filter(Boolean).join(t(ctx, "register.remarks-separator"));
    }
    return change.detail;
  };
  // Copies handed out or taken back: their 受控号 with the department (or party) and person holding each, who handed them out or took them back, what happened to one lost, destroyed or kept.
  const copiesText = (change: Change): string => {
    const copies = change.copies!.map((c) => t(ctx, "register.changes.copy", { copy: c.copy, holder: [departmentName(ctx, c.to), personName(ctx, c.holder)].filter(Boolean).join(" ") })).join(t(ctx, "register.list-separator"));
    const by = change.detail ? t(ctx, `register.changes.copies-by.${change.kind as "issued" | "recalled" | "lost" | "destroyed" | "retained"}`, { by: personName(ctx, change.detail) }) : "";
    return [t(ctx, "register.changes.copies", { copies }), by, change.remark ?? ""].filter(Boolean).join(t(ctx, "register.remarks-separator"));
  };
  // An electronic issue: on which system, to which departments, by whom.
  const electronicText = (change: Change): string => {
    const departments = (change.departments ?? []).map((d) => departmentName(ctx, d)).join(t(ctx, "register.list-separator"));
    const to = t(ctx, "register.changes.electronic", { how: electronicLabel(change.electronic?.system, ctx.lang), departments });
    return [to, change.detail ? t(ctx, "register.changes.copies-by.issued", { by: personName(ctx, change.detail) }) : ""].filter(Boolean).join(t(ctx, "register.remarks-separator"));
  };
  // A training session: who trained whom, and the record's number (培训记录编号).
  const trainedText = (change: Change): string => {
    const people = change.trained ? sessionTraineesIn(ctx.lang, change.trained, (p) => personName(ctx, p), (d) => departmentName(ctx, d), (p) => ctx.index.people.get(p)?.value.department) : "";
    return [
      change.detail ? t(ctx, "register.changes.trained-by", { by: personName(ctx, change.detail) }) : "",
      people ? t(ctx, "register.changes.trained", { people }) : "",
      change.trained?.record ? t(ctx, "register.changes.training-record", { record: change.trained.record }) : "",
    ]
      .filter(Boolean)
      .join(t(ctx, "register.remarks-separator"));
  };
  // A row of the symbol conversion table: who changed or retired it and why; who approved it for the customer and the evidence (tester58 F7).
  const symbolText = (change: Change): string => {
    if (change.kind === "approved") return [t(ctx, "register.changes.symbol-approved-by", { by: change.detail }), change.remark ? t(ctx, "register.changes.evidence", { evidence: change.remark }) : ""].filter(Boolean).join(t(ctx, "register.remarks-separator"));
    if (change.kind === "changed" || change.kind === "retired") {
      const by = change.detail ? t(ctx, `register.changes.symbol-${change.kind}-by`, { by: personName(ctx, change.detail) }) : "";
      return [by, change.remark ? t(ctx, "register.changes.symbol-reason", { reason: change.remark }) : ""].filter(Boolean).join(t(ctx, "register.remarks-separator"));
    }
    return "";
  };
  // A migration: how many references moved in how many files (csr standard migrate), and who committed it.
  const migratedText = (change: Change): string => {
    const moved = t(ctx, "register.changes.migrated", { count: change.migrated!.references, files: change.migrated!.files, old: word(ctx, change, change.from), new: word(ctx, change, change.to) });
    const by = change.commit ? t(ctx, "register.changes.unaddressed-by", { by: personName(ctx, change.detail), commit: change.commit.slice(0, 7) }) : "";
    return [moved, by].filter(Boolean).join(t(ctx, "register.remarks-separator"));
  };
  const sourceText = (change: Change): string => {
    const customer = ctx.index.customers.get(change.detail)?.value;
    const issued = customer?.sources?.find((s) => s.id === change.id)?.revisions.find((r) => r.revision === change.to)?.issued;
    return t(ctx, "register.changes.source-received", { customer: customerName(ctx, change.detail) }) + (issued ? t(ctx, "register.changes.source-issued", { issued }) : "");
  };
  // A GJB report of changes to classified documents and requirements from classified contracts marks each row with
  // the 密级 of what changed, as the registers it summarises do: its summaries, reasons and evidence may quote them.
  const classificationOf = (change: Change): string => {
    if (change.classification !== undefined) return change.classification;
    if (change.area === "document") {
      const doc = ctx.index.documents.get(change.id)?.value;
      return doc ? documentClassification(ctx.repo, doc) : "";
    }
    if (change.area === "csr") {
      const csr = ctx.index.csrs.get(change.id)?.value;
      return csr ? csrClassification(ctx.index.customers.get(csr.customer)?.value, csr) : "";
    }
    if (change.area === "source") return ctx.index.customers.get(change.detail)?.value.sources?.find((s) => s.id === change.id)?.classification ?? "";
    return "";
  };
  const classified = changes.some((change) => classificationOf(change) !== "");
  // Who prepared, reviewed, countersigned and approved each revision listed, and when, as its record gives them (tester57 E12).
  const signed = (who: Signature) => [personName(ctx, who.by), who.date ?? ""].filter(Boolean).join(" ");
  const signaturesText = (change: Change): string =>
    SIGNATURE_ROLES.flatMap((role) => {
      const value = change.signatures?.[role];
      const all = value === undefined ? [] : Array.isArray(value) ? value : [value];
      return all.length > 0 ? [t(ctx, `register.changes.signed.${role}`, { who: all.map(signed).join(t(ctx, "register.list-separator")) })] : [];
    }).join(t(ctx, "register.remarks-separator"));
  const withSignatures = changes.some((change) => change.signatures !== undefined);
  const words = (change: Change): ChangeRowCells => ({
    area: t(ctx, `register.changes.area.${change.area}`),
    kind: kindLabel(ctx, change.area, change.kind),
    id: idText(change),
    title: name(change),
    classification: classificationName(ctx.lang, classificationOf(change)),
    // An imported revision that is not a first issue: the versions before it are on the paper record.
    from: change.imported && change.kind === "released" && change.from === "" ? t(ctx, "register.changes.from-paper") : word(ctx, change, change.from),
    // A revision in preparation: the document's status as the document lists give it, 已发布（修订中，… 送审）.
    to: change.kind === "revising" && change.date ? t(ctx, "register.status.revising", { status: t(ctx, "register.status.released"), since: change.date }) : word(ctx, change, change.to),
    detail: detail(change),
    notices: ledger && change.area === "document" && (change.kind === "added" || change.kind === "released") && configurationChangeGaps(change).approval ? t(ctx, "register.changes.approval-missing") : customerNoticesText(change, ctx.lang, calendar),
    changeClass: change.configuration_change && change.change_class ? t(ctx, "register.changes.change-class", { class: change.change_class }) : "",
    changeOrder: change.configuration_change ? (change.change_request ?? "") : "",
    signatures: signaturesText(change),
    // A revision imported without a date: on the paper record.
    date: change.date ?? (change.imported ? t(ctx, "revision.date.unknown") : null),
  });
  // The ledger words its 说明 its own way: not the rows of the other reports.
  const rows = cells?.ctx === ctx && !ledger ? cells.rows : undefined;
  const cellsOf = (change: Change): ChangeRowCells => {
    let row = rows?.get(change);
    if (row === undefined) {
      row = words(change);
      rows?.set(change, row);
    }
    return row;
  };
  // Who each revision listed was notified to or approved by, and by when it had to be (顾客通知/批准, IATF 16949 8.5.6.1): the SQE's evidence of a change (breaker64 P8).
  const withNotices = changes.some((change) => change.customer_notices !== undefined);
  const counts = CHANGE_AREAS.map((area) => {
    const inArea = changes.filter((c) => c.area === area);
    if (inArea.length === 0) return undefined;
    const kinds = KINDS[area]
      .map((kind) => [kind, inArea.filter((c) => c.kind === kind).length] as const)
      .filter(([, n]) => n > 0)
      .map(([kind, n]) => `${kindLabel(ctx, area, kind)} ${n}`);
    return `${t(ctx, `register.changes.area.${area}`)}${t(ctx, "register.label-separator")}${kinds.join(t(ctx, "register.changes.kind-separator"))}`;
  }).filter((line): line is string => line !== undefined);
  return {
    id: "changes",
    title: t(ctx, "register.changes.title", { range }),
    // Its summaries, reasons and evidence quote what changed: printed, it carries the highest 密级 of its rows.
    ...(classified ? { classification: highestClassification(changes.map(classificationOf)) } : {}),
    span: { label, untitledTitle: t(ctx, "register.changes.title-alone") },
    sheet: t(ctx, "register.changes.sheet"),
    columns: [
      ...(ledger ? [] : [{ key: "area", header: t(ctx, "register.changes.column.area"), kind: "code" as const }]),
      { key: "kind", header: t(ctx, "register.changes.column.kind"), kind: "code" },
      { key: "id", header: t(ctx, "register.changes.column.id"), kind: "id" },
      { key: "title", header: t(ctx, "register.changes.column.title") },
      ...(classified ? [{ key: "classification", header: t(ctx, "register.changes.column.classification"), kind: "code" as const }] : []),
      { key: "from", header: t(ctx, "register.changes.column.from") },
      { key: "to", header: t(ctx, "register.changes.column.to") },
      ...(ledger
        ? [
            { key: "changeClass", header: t(ctx, "register.changes.column.change-class"), kind: "code" as const },
            { key: "changeOrder", header: t(ctx, "register.changes.column.change-order"), kind: "id" as const },
          ]
        : []),
      { key: "detail", header: t(ctx, "register.changes.column.detail") },
      ...(ledger ? [{ key: "notices", header: t(ctx, "register.changes.column.ordering-approval") }] : withNotices ? [{ key: "notices", header: t(ctx, "register.changes.column.notices") }] : []),
      ...(withSignatures ? [{ key: "signatures", header: t(ctx, "register.changes.column.signatures") }] : []),
      { key: "date", header: t(ctx, "register.changes.column.date"), date: true },
    ],
    rows: changes.map((change) => {
      const row = cellsOf(change);
      return {
        ...(ledger ? {} : { area: row.area }),
        kind: row.kind,
        id: row.id,
        title: row.title,
        ...(classified ? { classification: row.classification } : {}),
        from: row.from,
        to: row.to,
        ...(ledger ? { changeClass: row.changeClass, changeOrder: row.changeOrder } : {}),
        detail: row.detail,
        ...(withNotices || ledger ? { notices: row.notices } : {}),
        ...(withSignatures ? { signatures: row.signatures } : {}),
        date: row.date,
      };
    }),
    notes: [...(counts.length > 0 ? counts : [t(ctx, "register.changes.none")]), note.filter(Boolean).join(t(ctx, "common.sentence-separator"))],
  };
}
