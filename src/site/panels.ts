/**
 * The dashboard: a list of panels, each reading one register or one set of findings. Each number
 * on a panel links to a list page with the rows behind it. A new register or rule gets its panel
 * by adding one entry to PANELS; a panel that has nothing to read (a rule that is not registered)
 * is left out.
 */
import { rulesById } from "../check/registry.js";
import type { Finding } from "../core/diagnostic.js";
import { workdaysLeft, type WorkCalendar } from "../model/calendar.js";
import { csrStatusLabel, CSR_STATUSES, DEFAULT_REVIEW_DAYS, DEFAULT_WARN_DAYS, REVIEW_OPEN_STATUSES, type CsrFacts, type CsrStatus } from "../model/csr-status.js";
import { implementationDeadline } from "../model/customer-schedule.js";
import { formUsers, versionNotIssued } from "../model/distribution.js";
import { sourcesWithoutKeeper } from "../model/external-check.js";
import { currentRevision } from "../model/index.js";
import { reviewWarnDays } from "../model/periodic-review.js";
import { bodyOnPaper } from "../model/revision.js";
import { sourceRevisionsUnreviewed, type UnreviewedSourceRevision } from "../model/source-review.js";
import type { Catalog } from "../model/catalog.js";
import { clauseCoverage, countsAsCovered, coveragePercent, procedureCoverage, withoutProcedure } from "../model/coverage.js";
import { LATE_ROUNDS, reviewRounds, type ReviewRoundTimeliness } from "../model/review-timeliness.js";
import type { ControlledDocument, Csr } from "../model/types.js";
import type { MessageKey } from "../i18n/index.js";
import { compareIds, customerName, departmentName, documentsOn, documentTitle, personName, scopeNotes, t, type RegisterContext } from "../report/registers/context.js";
import { coverageReading, DIRECT, INHERITED, procedureNotes, THROUGH_CHILDREN } from "../report/registers/clauses.js";
import { copyRowKeys, isDueBack } from "../report/registers/distribution.js";
import { externalList } from "../report/registers/external.js";
import { supplierRegister } from "../report/registers/suppliers.js";
import { actionRegister, type ActionFilter } from "../report/registers/actions.js";
import { firstArticleRegister } from "../report/registers/first-articles.js";
import { actionOn, actionStatus, currentStep } from "../model/actions.js";
import { changesWithoutFirstArticle, failedWithoutPass } from "../model/first-articles.js";
import { measurementOf, meetsTarget, periodOf, targetText } from "../model/objectives.js";
import { objectiveText } from "../report/registers/objectives.js";
import { addDays } from "../core/dates.js";
import { auditPlanRegister } from "../report/registers/audit-plan.js";
import { auditKind, planOn, planStanding } from "../model/process-audits.js";
import { gaugeRegister, toolingRegister } from "../report/registers/tooling.js";
import { managementReviewOutputsRegister } from "../report/registers/management-review-outputs.js";
import type { OutputStatus } from "../model/management-reviews.js";
import { calibrationDue, isGauge, maintenanceDue, verificationDue } from "../model/tooling.js";
import { certificateWarnDays, daysLeft, maySupply, statusOn, suppliers } from "../model/suppliers.js";
import { trainingMissingRegister } from "../report/registers/training-missing.js";
import { pickColumns, type Table } from "../report/table.js";
import { attentionTable, ruleSummary, type AttentionInput } from "./attention.js";
import type { EntityRef } from "./view.js";

export interface CsrRow {
  csr: Csr;
  facts: CsrFacts;
}

export interface PanelInput {
  rc: RegisterContext;
  today: string;
  /**
   * A customer's audit pack (csr site --customer): its reader is the customer's auditor, who runs no csr command, so a note
   * saying how to record what is missing is worded for that reader (readerNote).
   */
  pack?: boolean;
  findings: readonly Finding[];
  csrs: readonly CsrRow[];
  /** The CSR list register (csrList), built once; lists behind CSR numbers are its rows. */
  csrRegister: Table;
  /** The review-timeliness register (reviewRegister), built once; lists behind late rounds are its rows. */
  reviewRegister: Table;
  /** The distribution register (文件发放/回收记录), built once; the copies to recall are its rows. */
  distributionRegister: Table;
  /** The CSR matrix, built once; the links never confirmed are its rows with a document and a blank 链接状态. */
  csrMatrix?: Table;
  /** The entity a file defines, for linking a finding to its page. */
  entityOfFile: (file: string) => EntityRef | undefined;
  /** The repository's working calendar, for deadlines in working days. */
  calendar: WorkCalendar;
  /** The documents and CSRs as their records show them on `today`, from which a list reads each finding (attention.ts). */
  asOf?: AttentionInput["asOf"];
  /** The clause matrix of each standard in scope (register clauses.ts), built once: the clauses no procedure addresses are its rows. */
  clauseMatrices?: readonly { catalog: Catalog; table: Table }[];
  /** The coming calendar year's plan of periodic reviews (年度文件定期评审计划, csr list periodic-reviews --year), as the site's register page lists it. */
  periodicReviewPlan?: Table;
  /** The internal audit programme (内部审核方案, registers/audit-programme.ts) as the site's register page gives it. */
  auditProgramme?: Table;
  /** The internal audit record (内部审核记录, registers/audits.ts): every audit held by the site's day, as its register page lists them. */
  audits?: Table;
  /** The records due for disposal by 31 December of `today`'s year (到期记录清单, as the site's register page lists them), built once. */
  disposalRegister?: Table;
  /** Released documents whose file differs from their current version's release tag (commands/shared/registers.ts changedSinceRelease), as tagged. */
  unreleasedChanges?: readonly { doc: ControlledDocument; tag: string; path: string }[];
}

/** The rows behind a number: written to lists/<name>.html. */
export interface ListPage {
  name: string;
  title: string;
  /** The rows, with notes that say what the list holds and as of which day, as a register's notes do. */
  table: Table;
  /** Links a row of the table to an entity page (by default, columns link by their key). */
  entityOf?: (row: Table["rows"][number]) => EntityRef | undefined;
  /** The list names the files csr could not read too (csr check's findings): it lacks nothing, and never says it is incomplete. */
  everyFile?: true;
  /** What the page says when it has no rows, if not 无 (none): behind a "—", why nothing could be counted. */
  empty?: string;
}

/** A number links to a list page of its own, to a register's page, or to a place on an entity's page. */
export interface PanelNumber {
  label: string;
  /** null: nothing is recorded that the number could count (shown "—", the panel's note says why), not zero found. */
  count: number | null;
  list?: ListPage;
  /** The id of the register whose page lists the rows behind the number (all of its rows). */
  register?: string;
  entity?: EntityRef;
  fragment?: string;
  /** "alert" for numbers that need action now, "warn" for soon; "info" for a figure to know, not to act on (shown muted); none when zero. */
  tone?: "alert" | "warn" | "info";
}

export interface Panel {
  id: string;
  title: string;
  numbers?: PanelNumber[];
  grid?: { corner: string; columns: string[]; rows: { label: string; entity?: EntityRef; numbers: (PanelNumber | undefined)[] }[] };
  links?: { text: string; entity: EntityRef; note: string }[];
  /** What the panel's numbers rest on, one paragraph each: why a number is "—" (nothing recorded it could count), or that there is nothing yet. */
  notes?: string[];
}

export type PanelDefinition = (input: PanelInput) => Panel | undefined;

/**
 * The CSRs in one of some statuses. The status grid's cells and the review panel's count of open
 * reviews both count with it, so that the panel's number is the sum of the grid's columns it names.
 */
function inStatus(statuses: readonly CsrStatus[]): (row: CsrRow) => boolean {
  return (row) => statuses.includes(row.facts.status);
}

/** The columns of the CSR list a list answers its question with: open reviews by deadline, and per status what that status is about. */
const REVIEW_COLUMNS = ["no", "id", "customerName", "title", "received", "restarted", "reviewDue", "daysLeft", "deadlineNote", "missing"];
/** A requirement decided not to be met (rejected, not applicable): who decided it and why. */
const DISMISSED_COLUMNS = ["no", "id", "customerName", "title", "disposition", "decidedBy", "decided", "justification"];
const STATUS_COLUMNS: Record<CsrStatus, string[]> = {
  received: REVIEW_COLUMNS,
  "in-review": REVIEW_COLUMNS,
  decided: ["no", "id", "customerName", "title", "disposition", "decided", "owner", "due", "implementationStatus"],
  unconfirmed: ["no", "id", "customerName", "title", "disposition", "decided", "addressed", "owner", "due", "implementationStatus"],
  addressed: ["no", "id", "customerName", "title", "disposition", "decided", "addressed", "owner", "due", "implementationStatus"],
  implemented: ["no", "id", "customerName", "title", "addressed", "owner", "due", "implemented", "evidence"],
  verified: ["no", "id", "customerName", "title", "addressed", "implemented", "evidence", "verifiedBy", "verified"],
  superseded: ["no", "id", "customerName", "title", "superseded", "supersededBy", "supersededReason"],
  rejected: DISMISSED_COLUMNS,
  "not-applicable": DISMISSED_COLUMNS,
};
/** Columns a list keeps even when every row leaves them empty: what the list is about. */
const ALWAYS = new Set(["no", "id", "customerName", "title", "reviewDue", "daysLeft", "missing"]);

/**
 * The CSR list register, narrowed to some CSRs and to the columns that answer the list's question
 * (`keys`, in that order; one empty in every row left out), with the departments whose opinion is
 * still missing (未会签) where the list is of open reviews; `notes` say what it holds.
 */
function csrListPage(input: PanelInput, name: string, title: string, keep: (row: CsrRow) => boolean, keys: readonly string[], notes: string[]): ListPage {
  const { rc } = input;
  const kept = new Map(input.csrs.filter(keep).map((r) => [r.csr.id, r]));
  const table = input.csrRegister;
  const separator = t(rc, "common.list-separator");
  const rows = table.rows
    .filter((r) => kept.has(String(r.id)))
    .map((r, i): Table["rows"][number] => ({ ...r, no: i + 1, missing: kept.get(String(r.id))!.facts.missing.map((d) => departmentName(rc, d)).join(separator) }));
  const missing = { key: "missing", header: t(rc, "site.list.column.missing"), kind: "list" as const };
  const columns = keys
    .map((key) => (key === "missing" ? missing : table.columns.find((c) => c.key === key)))
    .filter((c): c is Table["columns"][number] => c !== undefined)
    .filter((c) => ALWAYS.has(c.key) || rows.some((r) => r[c.key] !== null && r[c.key] !== undefined && r[c.key] !== ""));
  return { name, title, table: { ...table, title, columns, rows, notes } };
}

/** The customer source revisions received by the day and awaiting review (csr/source-unreviewed's, and those still within their period). */
function unreviewedSources(input: PanelInput): UnreviewedSourceRevision[] {
  const { rc } = input;
  const days = rc.repo.config?.value.csr?.review_days ?? DEFAULT_REVIEW_DAYS;
  return sourceRevisionsUnreviewed([...rc.index.customers.values()].map((c) => c.value), input.csrs.map((r) => r.csr), input.today, input.calendar, days);
}

/** Customer source revisions awaiting review (sourceRevisionsUnreviewed) as a list: whose, which, received when, due when, working days left (negative: overdue). */
function sourceReviewPage(input: PanelInput, name: string, title: string, unreviewed: readonly UnreviewedSourceRevision[], notes: string[]): ListPage {
  const { rc } = input;
  const header = (key: MessageKey) => t(rc, key);
  const columns: Table["columns"] = [
    { key: "no", header: header("register.csr.list.column.no"), kind: "number" },
    { key: "customer", header: header("register.csr.list.column.customer"), kind: "code" },
    { key: "customerName", header: header("register.csr.list.column.customerName") },
    { key: "source", header: header("register.csr.list.column.source"), kind: "id" },
    { key: "title", header: header("register.external.column.title") },
    { key: "revision", header: header("register.csr.list.column.revision"), kind: "code" },
    { key: "received", header: header("register.csr.list.column.received"), date: true },
    { key: "reviewDue", header: header("register.csr.list.column.reviewDue"), date: true },
    { key: "daysLeft", header: header("register.csr.list.column.daysLeft"), kind: "number" },
  ];
  const rows = unreviewed.map((u, i): Table["rows"][number] => ({
    no: i + 1,
    customer: u.customer.code,
    customerName: customerName(rc, u.customer.code),
    source: u.source.id,
    title: rc.lang === "en" ? (u.source.title_en ?? u.source.title) : u.source.title,
    revision: u.revision.revision,
    received: u.revision.received,
    reviewDue: u.due,
    daysLeft: workdaysLeft(input.calendar, u.due, input.today),
  }));
  return { name, title, table: { id: name, title, sheet: t(rc, "register.external.sheet"), columns, rows, notes } };
}

/** How a review deadline is counted: the second note of every list of reviews. */
function reviewDueNote(input: PanelInput): string {
  return t(input.rc, "site.list.note.review-due", { allowed: input.rc.repo.config?.value.csr?.review_days ?? DEFAULT_REVIEW_DAYS });
}

/**
 * Review rounds as the review-timeliness register lists them (起算日期, 评审期限, 决定日期, 用时,
 * 及时性, 逾期原因), narrowed to the rounds `keep` picks; a round decided late without a reason
 * says 未记录.
 */
function roundListPage(input: PanelInput, name: string, title: string, keep: (round: ReviewRoundTimeliness, current: boolean) => boolean, note: string): ListPage {
  const { rc } = input;
  const config = rc.repo.config?.value;
  const table = input.reviewRegister;
  // The register's rows are each CSR's rounds in order: a row is the round of its CSR with the same start, due date and revision.
  const picked = new Map<string, ReviewRoundTimeliness>();
  const key = (id: unknown, start: unknown, due: unknown, revision: unknown) => `${String(id)}\n${String(start)}\n${String(due)}\n${String(revision)}`;
  for (const { csr } of input.csrs) {
    const rounds = reviewRounds(csr, input.calendar, config, input.today, rc.index.customers.get(csr.customer)?.value);
    // The current round is the last one not closed by a new source revision (currentReviewRound).
    const current = rounds.filter((round) => round.closed === undefined).at(-1);
    for (const round of rounds) {
      if (keep(round, round === current)) picked.set(key(csr.id, round.start, round.due, round.revision), round);
    }
  }
  const rows = table.rows
    .filter((r) => picked.has(key(r.id, r.start, r.due, r.revision)))
    .map((r, i): Table["rows"][number] => {
      const round = picked.get(key(r.id, r.start, r.due, r.revision))!;
      return { ...r, no: i + 1, reason: round.timeliness === "late" && !round.lateReason ? t(rc, "site.list.reason-unrecorded") : (r.reason ?? "") };
    });
  const columns = table.columns.filter((c) => c.key !== "source");
  return { name, title, table: { ...table, title, columns, rows, notes: [note, reviewDueNote(input)] } };
}

/** Findings of one rule as a list: where, what, and a link to the entity concerned. */
export function findingsTable(rc: RegisterContext, title: string, findings: readonly Finding[], notes: string[] = []): Table {
  return {
    id: "findings",
    title,
    notes,
    sheet: t(rc, "site.panel.findings.sheet"),
    columns: [
      // 错误/警告, the rule id and file:line:column each on one line; the message takes the rest of the width.
      { key: "severity", header: t(rc, "site.panel.findings.column.severity"), kind: "code" },
      { key: "rule", header: t(rc, "site.panel.findings.column.rule"), kind: "code" },
      { key: "file", header: t(rc, "site.panel.findings.column.file"), kind: "code" },
      { key: "message", header: t(rc, "site.panel.findings.column.message") },
    ],
    rows: findings.map((f) => ({
      severity: f.severity === "error" ? t(rc, "site.panel.findings.error") : t(rc, "site.panel.findings.warning"),
      rule: f.rule,
      file: `${f.file}:${f.line}:${f.column}`,
      message: f.message,
    })),
  };
}

/**
 * The findings of one rule; shown as needing action now when some are errors (with none, when the rule reports
 * errors), soon when warnings. Its list names what is due and who answers for it (attention.ts), not the finding's
 * message with its command: readers of the site do not run csr (tester25 F10).
 */
function findingNumber(input: PanelInput, rule: string, label: string, also: (finding: Finding) => boolean = () => false): PanelNumber | undefined {
  const registered = rulesById.get(rule);
  if (!registered) return undefined;
  const findings = input.findings.filter((f) => f.rule === rule || also(f));
  // By the findings' own severity where there are some: a rule lowering some reports to warnings (doc/training-overdue on a
  // document without special characteristics, tester77 E7) is not urgent for them.
  const tone = (findings.length > 0 ? findings.some((f) => f.severity === "error") : registered.severity === "error") ? "alert" : "warn";
  const name = rule.replace(/[^a-z0-9]+/gi, "-");
  return {
    label,
    count: findings.length,
    tone,
    list: {
      name,
      title: label,
      table: attentionTable(input, rule, label, findings),
    },
  };
}

/**
 * A number that rests on nothing recorded (no link confirmed, no document marked for training, no
 * deadline set …): "—", not a zero that reads "checked, none" (tester52 D4); its panel's note says why
 * and what to record.
 */
function unmeasured(number: PanelNumber, why: string): PanelNumber {
  // The list behind it is empty for the same reason: it says why, not 无.
  return { ...number, count: null, ...(number.list ? { list: { ...number.list, empty: why } } : {}) };
}

/**
 * CSRs by customer and status (IATF 16949 4.3.2: every CSR evaluated and in scope). A customer's
 * numbers link to the customer's page, where its CSRs are grouped by status; the totals to lists.
 */
const csrByCustomer: PanelDefinition = (input) => {
  const { rc } = input;
  const statuses = CSR_STATUSES.filter((s) => input.csrs.some((r) => r.facts.status === s));
  const counts = new Map<string, number>();
  const bump = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const { csr, facts } of input.csrs) {
    bump(`${csr.customer}\n${facts.status}`);
    bump(`${csr.customer}\n`);
  }
  const customers = [...new Set(input.csrs.map((r) => r.csr.customer))].sort(compareIds);
  const label = (s: CsrStatus) => csrStatusLabel(s, rc.lang);
  const customerCell = (customer: string, status: CsrStatus | undefined): PanelNumber | undefined => {
    const count = counts.get(`${customer}\n${status ?? ""}`) ?? 0;
    if (count === 0) return undefined;
    const what = status === undefined ? t(rc, "site.panel.csrs.all-statuses") : label(status);
    return { label: `${customer} · ${what}`, count, entity: { kind: "customer", id: customer }, fragment: status ? `status-${status}` : "csrs" };
  };
  const totalCell = (status: CsrStatus | undefined): PanelNumber | undefined => {
    const keep = status === undefined ? () => true : inStatus([status]);
    const count = input.csrs.filter(keep).length;
    if (count === 0) return undefined;
    // All CSRs are the CSR list register: its page, with the downloads, not a second page of the same rows.
    if (status === undefined) return { label: t(rc, "site.panel.csrs.all"), count, register: "csr-list" };
    const notes = [t(rc, `site.list.note.status.${status}`, { today: input.today }), ...(REVIEW_OPEN_STATUSES.includes(status) ? [reviewDueNote(input)] : [])];
    return { label: label(status), count, list: csrListPage(input, `csr-${status}`, t(rc, "site.fact", { label: t(rc, "site.panel.csrs.list"), value: label(status) }), keep, STATUS_COLUMNS[status], notes) };
  };
  // No CSR at all: the note says so, without an empty grid and its row of totals.
  // A source revision received and awaiting review is counted under the reviews: "none" alone read as nothing to do (tester68 G2).
  if (input.csrs.length === 0) {
    const awaiting = unreviewedSources(input).length;
    return { id: "csr-status", title: t(rc, "site.panel.csrs.title"), notes: [t(rc, "site.panel.csrs.none"), ...(awaiting > 0 ? [t(rc, "site.panel.csrs.sources-unreviewed", { count: awaiting })] : [])] };
  }
  return {
    id: "csr-status",
    title: t(rc, "site.panel.csrs.title"),
    grid: {
      corner: t(rc, "site.panel.csrs.customer"),
      columns: [...statuses.map(label), t(rc, "site.panel.csrs.total")],
      rows: [
        ...customers.map((c) => ({
          label: `${c} ${customerName(rc, c)}`,
          entity: { kind: "customer" as const, id: c },
          numbers: [...statuses.map((s) => customerCell(c, s)), customerCell(c, undefined)],
        })),
        { label: t(rc, "site.panel.csrs.total"), numbers: [...statuses.map((s) => totalCell(s)), totalCell(undefined)] },
      ],
    },
  };
};

/** Open reviews against the review deadline (IATF 16949 7.5.3.2.2: within 10 working days). */
const reviews: PanelDefinition = (input) => {
  const { rc } = input;
  const warnDays = rc.repo.config?.value.csr?.warn_days ?? DEFAULT_WARN_DAYS;
  // Open reviews are those the status grid shows as received or in review (facts.daysLeft is set for exactly these).
  const open = inStatus(REVIEW_OPEN_STATUSES);
  // Overdue from the calendar day after the deadline (facts.daysLeft below 0 from then: workdaysLeft).
  const soon = (r: CsrRow) => open(r) && r.facts.daysLeft! >= 0 && r.facts.daysLeft! <= warnDays;
  const overdue = (r: CsrRow) => open(r) && r.facts.daysLeft! < 0;
  const count = (keep: (r: CsrRow) => boolean) => input.csrs.filter(keep).length;
  const dueLabel = t(rc, "site.panel.reviews.due-soon", { warnDays });
  const overdueLabel = t(rc, "site.panel.reviews.overdue");
  const openLabel = t(rc, "site.panel.reviews.open", { statuses: REVIEW_OPEN_STATUSES.map((s) => csrStatusLabel(s, rc.lang)).join(t(rc, "common.list-separator")) });
  const { today } = input;
  const due = reviewDueNote(input);
  const numbers: PanelNumber[] = [
    { label: openLabel, count: count(open), list: csrListPage(input, "reviews-open", openLabel, open, REVIEW_COLUMNS, [t(rc, "site.list.note.reviews-open", { today }), due]) },
    { label: dueLabel, count: count(soon), tone: "warn", list: csrListPage(input, "reviews-due-soon", dueLabel, soon, REVIEW_COLUMNS, [t(rc, "site.list.note.reviews-due-soon", { today, warnDays }), due]) },
    { label: overdueLabel, count: count(overdue), tone: "alert", list: csrListPage(input, "reviews-overdue", overdueLabel, overdue, REVIEW_COLUMNS, [t(rc, "site.list.note.reviews-overdue", { today }), due]) },
  ];
  // A customer source revision received with no requirement registered from it and no nil review (无特定要求) is a review
  // open as a CSR's is, and overdue past its period (csr/source-unreviewed): the panel said 0 open and 0 overdue while
  // the check reported one (tester68 G2).
  const unreviewed = unreviewedSources(input);
  const sourcesLabel = t(rc, "site.panel.reviews.sources-unreviewed");
  const sourcesOverdueLabel = t(rc, "site.panel.reviews.sources-unreviewed-overdue");
  const lateSources = unreviewed.filter((u) => u.due < today);
  numbers.push(
    { label: sourcesLabel, count: unreviewed.length, tone: "warn", list: sourceReviewPage(input, "sources-unreviewed", sourcesLabel, unreviewed, [t(rc, "site.list.note.sources-unreviewed", { today }), due]) },
    { label: sourcesOverdueLabel, count: lateSources.length, tone: "alert", list: sourceReviewPage(input, "sources-unreviewed-overdue", sourcesOverdueLabel, lateSources, [t(rc, "site.list.note.sources-unreviewed-overdue", { today }), due]) },
  );
  // A customer's new revision not yet reviewed again (IATF 16949 7.5.3.2.2): the rounds csr source update
  // restarted and not yet decided, and the CSRs still reviewed against a superseded revision, which no
  // csr source update restarted (csr/source-superseded: a revision added by hand). It counted only the
  // latter, and said 0 while four restarted reviews were open (tester48 #13).
  const staleFiles = new Set(input.findings.filter((f) => f.rule === "csr/source-superseded").map((f) => f.file));
  const revised = (r: CsrRow) => (open(r) && r.csr.review?.restarted !== undefined) || staleFiles.has(rc.index.csrs.get(r.csr.id)?.file.path ?? "");
  const revisedLabel = t(rc, "site.panel.reviews.source-superseded");
  numbers.push({ label: revisedLabel, count: count(revised), tone: "warn", list: csrListPage(input, "reviews-source-revised", revisedLabel, revised, REVIEW_COLUMNS, [readerNote(input, "site.list.note.reviews-source-revised", { today }), due]) });
  // Decided again on the new revision, what is to be met changed, and not distributed since (csr/not-redistributed):
  // the departments still work to the earlier requirement.
  const notRedistributed = findingNumber(input, "csr/not-redistributed", t(rc, "site.panel.reviews.not-redistributed"));
  if (notRedistributed) numbers.push(notRedistributed);
  // Current review rounds closed after the review deadline, by a decision or by the confirmation of
  // an unchanged source revision (a decision such a confirmation keeps stays late: it counts too), as the review-timeliness register judges them (7.5.3.2.2), and
  // those of them without a recorded reason (csr/review-late).
  // Each number is the row count of the list behind it.
  const lateLabel = t(rc, "site.panel.reviews.late");
  const decidedLate = roundListPage(input, "reviews-decided-late", lateLabel, (round) => round.closed === undefined && round.timeliness === "late", t(rc, "site.list.note.reviews-decided-late", { today }));
  numbers.push({ label: lateLabel, count: decidedLate.table.rows.length, tone: "warn", list: decidedLate });
  // Every round, earlier ones included, judged late or overdue: the count under the review-timeliness
  // register, whose page lists them. The number above counts current rounds only, and said 0 while
  // the register showed an earlier round decided late.
  const lateRoundsLabel = t(rc, "site.panel.reviews.late-rounds");
  const lateRounds = roundListPage(input, "review-rounds-late", lateRoundsLabel, (round) => LATE_ROUNDS.includes(round.timeliness), t(rc, "site.list.note.review-rounds-late", { today }));
  numbers.push({ label: lateRoundsLabel, count: lateRounds.table.rows.length, tone: "warn", list: lateRounds });
  const unexplained = findingNumber(input, "csr/review-late", t(rc, "site.panel.reviews.late-unexplained"));
  if (unexplained) numbers.push(unexplained);
  // Decisions taken without every countersign and still missing some (csr/forced-decision): not
  // the joint review the CSR procedure asks for (IATF 16949 4.3.2).
  const forced = findingNumber(input, "csr/forced-decision", t(rc, "site.dashboard.forced"));
  if (forced) numbers.push(forced);
  return { id: "reviews", title: t(rc, "site.panel.reviews.title"), numbers };
};

/**
 * The rows of the distribution register (or of part of it: csr list distribution --holder, --department) that are
 * due back, within the recall period or past it (回收逾期), numbered anew: the copies-to-recall list of the
 * dashboard, and a person's or department's copies to hand back on their pages, one computation.
 */
export function copiesDueBack(rows: Table["rows"]): Table["rows"] {
  return rows.filter((r) => isDueBack(copyRowKeys(r)!.state)).map((r, i) => ({ ...r, no: i + 1 }));
}

/**
 * Controlled copies no longer in force (IATF 16949 7.5.3.2): all that are still out, and those
 * out after the recall period. The first number lists the copies from the distribution register.
 */
const distribution: PanelDefinition = (input) => {
  const { rc } = input;
  const register = input.distributionRegister;
  const rows = copiesDueBack(register.rows);
  const label = t(rc, "site.panel.distribution.copies-to-recall");
  const notes = [t(rc, "site.list.note.copies-to-recall", { today: input.today })];
  const numbers: PanelNumber[] = [{ label, count: rows.length, tone: "warn", list: { name: "copies-to-recall", title: label, table: { ...register, title: label, rows, notes } } }];
  const overdue = findingNumber(input, "doc/recall-overdue", t(rc, "site.panel.distribution.recall-overdue"));
  if (overdue) numbers.push(overdue);
  // Released manuals, procedures and instructions whose version in force reached nobody, on paper or electronically (tester55 C2):
  // doc/not-issued's, and those doc/no-copy-in-force reports instead as a unit left without the version in force after holding
  // the previous one. Copies of the previous version still out are not of the version in force: the number said 0 while the
  // check named such a document (tester68 G3).
  // A form is asked to be issued when a manual, procedure or instruction uses it (formUsers; tester82 A17).
  let users: Map<string, ControlledDocument[]> | undefined;
  const bare = (f: Finding) => {
    const entity = f.rule === "doc/no-copy-in-force" ? input.entityOfFile(f.file) : undefined;
    const doc = entity?.kind === "document" ? (input.asOf ? input.asOf.documents.get(entity.id) : rc.index.documents.get(entity.id)?.value) : undefined;
    users ??= formUsers(input.asOf ? input.asOf.documents.values() : [...rc.index.documents.values()].map(({ value }) => value));
    return doc !== undefined && versionNotIssued(doc, input.today, users.get(doc.id)) !== undefined;
  };
  const notIssued = findingNumber(input, "doc/not-issued", t(rc, "site.panel.distribution.not-issued"), bare);
  if (notIssued) {
    if (input.findings.some(bare)) notIssued.list?.table.notes?.push(t(rc, "site.list.note.not-issued-unit-without"));
    numbers.push(notIssued);
  }
  // No controlled copy handed out on record (an empty register): no copy can be due back, whether or not paper copies are out.
  if (register.rows.length === 0) {
    const why = readerNote(input, "site.panel.distribution.unrecorded");
    return { id: "distribution", title: t(rc, "site.panel.distribution.title"), numbers: numbers.map((n) => unmeasured(n, why)), notes: [why] };
  }
  return { id: "distribution", title: t(rc, "site.panel.distribution.title"), numbers };
};

/**
 * A panel of finding sets that ask for action, one number per rule. A rule that is not registered
 * (a feature not in this version) simply has no number, and a panel without numbers is left out.
 */
/** A panel of finding counts: its title is `site.panel.<id>.title`, each number's label `site.panel.<id>.<rule>`. */
/** `whenFound`: rules whose number is shown only when they found something (one that most repositories never meet). */
function findingPanel(id: string, rules: string[], whenFound: string[] = []): PanelDefinition {
  return (input) => {
    const present = [...rules, ...whenFound.filter((rule) => input.findings.some((f) => f.rule === rule))].flatMap((rule) => findingNumber(input, rule, t(input.rc, `site.panel.${id}.${rule}` as MessageKey)) ?? []);
    return present.length > 0 ? { id, title: t(input.rc, `site.panel.${id}.title` as MessageKey), numbers: present } : undefined;
  };
}

/** A CSR decided must or optional, not superseded, and not implemented yet: csr/implementation-overdue's CSRs. */
const toImplement = inStatus(["decided", "unconfirmed", "addressed"]);

/**
 * Where CSRs are addressed and implemented. csr/implementation-overdue judges a CSR by its implementation's
 * due date or the customer's date: one to be implemented with neither cannot be late, and its zero read
 * "checked, none late". Those are counted and listed beside it; while none to be implemented has a date,
 * the overdue count is "—" and the note says why.
 */
const implementations: PanelDefinition = (input) => {
  // Late for the customer's date only where a customer set one (csr/late-for-customer).
  const found = findingPanel("implementations", ["csr/not-addressed", "csr/section-missing", "csr/addressed-by-obsolete", "csr/implementation-overdue"], ["csr/late-for-customer"])(input);
  if (!found) return undefined;
  const panel = withSectionsOnPaper(input, found);
  const { rc } = input;
  // As the rule reads it: an implementation record with a due date, or the customer's date for it.
  const dated = ({ csr }: CsrRow) => csr.implementation !== undefined && implementationDeadline(csr, rc.index.customers.get(csr.customer)?.value) !== undefined;
  const undated = (row: CsrRow) => toImplement(row) && !dated(row);
  const count = input.csrs.filter(undated).length;
  if (count === 0) return panel;
  const measured = input.csrs.some((row) => toImplement(row) && dated(row));
  const label = t(rc, "site.panel.implementations.undated");
  const list = csrListPage(input, "implementations-undated", label, undated, ["no", "id", "customerName", "title", "disposition", "decided", "owner", "due", "requiredBy", "implementationStatus"], [readerNote(input, "site.list.note.implementations-undated", { today: input.today })]);
  const why = readerNote(input, "site.panel.implementations.undated-only");
  const numbers = (panel.numbers ?? []).flatMap((n) => (n.list?.name !== "csr-implementation-overdue" ? [n] : [measured ? n : unmeasured(n, why), { label, count, tone: "warn" as const, list }]));
  return { ...panel, numbers, ...(measured ? {} : { notes: [...(panel.notes ?? []), why] }) };
};

/**
 * csr/section-missing looks a cited section up in the document's text: in a document whose body is on its
 * paper original (imported from a register, bodyOnPaper) there is none, and the section is not checked, so
 * its zero read "every section cited exists". The places cited in such documents are counted and listed
 * beside it, from the CSR matrix's rows; while no cited section is in a document with its text, the count is
 * "—" and the note says why.
 */
function withSectionsOnPaper(input: PanelInput, panel: Panel): Panel {
  const { rc } = input;
  const matrix = input.csrMatrix;
  const documents = documentsOn(rc, input.today).byId;
  const onPaper = (id: unknown) => {
    const doc = documents.get(String(id));
    return doc !== undefined && bodyOnPaper(doc);
  };
  const rows = (matrix?.rows ?? []).filter((r) => r.document && r.section && onPaper(r.document)).map((r, i) => ({ ...r, no: i + 1 }));
  if (!matrix || rows.length === 0) return panel;
  const checked = input.csrs.some(({ csr }) => (csr.addressed ?? []).some((place) => place.section !== undefined && documents.has(place.document) && !onPaper(place.document)));
  const label = t(rc, "site.panel.implementations.sections-on-paper");
  const keys = ["id", "customer", "summary", "document", "section", "version", "docTitle", "owner", "status"];
  const columns = keys.flatMap((key) => matrix.columns.filter((c) => c.key === key));
  const notes = [t(rc, "site.list.note.sections-on-paper", { today: input.today })];
  const number: PanelNumber = { label, count: rows.length, tone: "warn", list: { name: "sections-on-paper", title: label, table: { ...matrix, id: "sections-on-paper", title: label, columns, rows, notes, banding: undefined } } };
  const why = t(rc, "site.panel.implementations.sections-on-paper-only");
  const numbers = (panel.numbers ?? []).flatMap((n) => (n.list?.name !== "csr-section-missing" ? [n] : [checked ? n : unmeasured(n, why), number]));
  return { ...panel, numbers, ...(checked ? {} : { notes: [...(panel.notes ?? []), why] }) };
}

/**
 * Whether trainings are tracked on `today` (a day YYYY-MM-DD): `documents` false when documents in force exist and
 * none says whether its revisions need training, `csrs` false when CSRs to be met exist and none says so. While
 * one is false, no open or overdue training of that kind can be told, and a zero would mislead (IATF 16949 7.2.2).
 */
export function trainingTracked(rc: RegisterContext, today: string, rows: readonly CsrRow[]): { documents: boolean; csrs: boolean } {
  const released = documentsOn(rc, today).list.filter((d) => d.status === "released" && d.kind !== "external");
  const met = rows.filter(inStatus(["decided", "unconfirmed", "addressed", "implemented", "verified"]));
  return { documents: released.length === 0 || released.some((d) => d.training !== undefined), csrs: met.length === 0 || met.some(({ csr }) => csr.training !== undefined) };
}

/**
 * Training (IATF 16949 7.2.2, 7.3.2): doc/training-overdue and csr/training-overdue judge only what is
 * marked `training: {required: …}`, once the training period is over. Beside them, the people still to
 * be trained (csr list training --missing), overdue or not, linked to that list's page. Where no document in force, or no CSR to be met, says whether it
 * needs training, nothing is tracked and its zero read "trained on time": "—", and the note says what to mark.
 */
const training: PanelDefinition = (input) => {
  const found = findingPanel("training", ["doc/training-overdue", "csr/training-overdue"])(input);
  if (!found) return undefined;
  const { rc } = input;
  // Who still lacks training, revision by revision (csr list training --missing): the people behind the findings, on that register's page.
  const missing = trainingMissingRegister(rc, { today: input.today });
  // Its rows are people, and also revisions whose trainees csr cannot count (only a record number, nobody to train): those are
  // no person, so the number counts the named people, as the management review's 未培训 does, and a note says what it leaves out (tester67a A8).
  const named = missing.rows.filter((row) => row.person !== "").length;
  const uncounted = missing.rows.length - named;
  const people: PanelNumber = { label: t(rc, "site.panel.training.missing"), count: named, ...(named > 0 ? { tone: "warn" as const } : {}), register: "training-missing" };
  const uncountedNote = uncounted > 0 ? [t(rc, "site.panel.training.missing-uncounted", { count: uncounted })] : [];
  const panel = { ...found, numbers: [...(found.numbers ?? []), people], notes: [...(found.notes ?? []), ...uncountedNote] };
  const { documents: docs, csrs } = trainingTracked(rc, input.today, input.csrs);
  if (docs && csrs) return panel;
  const docsWhy = t(rc, "site.panel.training.documents-unmarked");
  const csrsWhy = t(rc, "site.panel.training.csrs-unmarked");
  // Nothing marked for training at all: nobody can be counted as missing, and a 0 would read "everyone trained".
  const bothWhy = [docsWhy, csrsWhy].join(" ");
  const numbers = (panel.numbers ?? []).map((n) =>
    n.list?.name === "doc-training-overdue" && !docs ? unmeasured(n, docsWhy) : n.list?.name === "csr-training-overdue" && !csrs ? unmeasured(n, csrsWhy) : n === people && !docs && !csrs ? unmeasured(n, bothWhy) : n,
  );
  return { ...panel, numbers, notes: [...(docs ? [] : [docsWhy]), ...(csrs ? [] : [csrsWhy]), ...uncountedNote] };
};

/**
 * The change radar (csr/suspect-link): a link is watched only once it is pinned (confirmed), so its zero
 * read as "checked, nothing changed" while no link was (tester52 D4). The links never confirmed are
 * counted and listed beside it, as the CSR matrix's note counts them (its rows with a document and a blank
 * 链接状态); while no link of a CSR in force is pinned, the suspect count is "—" and the note says why.
 */
const suspectLinks: PanelDefinition = (input) => {
  const { rc } = input;
  const suspect = findingNumber(input, "csr/suspect-link", t(rc, "site.panel.suspect-links.csr/suspect-link"));
  if (!suspect) return undefined;
  const monitored = input.csrs.some(({ csr }) => !csr.superseded && (csr.addressed ?? []).some((place) => place.pin));
  const unmonitored = t(rc, "site.panel.suspect-links.unmonitored");
  const numbers: PanelNumber[] = [monitored ? suspect : unmeasured(suspect, unmonitored)];
  const matrix = input.csrMatrix;
  const unconfirmed = t(rc, "register.csr.link.not-confirmed");
  const rows = (matrix?.rows ?? []).filter((r) => r.document && r.link === unconfirmed);
  if (matrix && rows.length > 0) {
    const label = t(rc, "site.panel.suspect-links.unconfirmed");
    const keys = ["id", "customer", "summary", "document", "section", "version", "docTitle", "owner", "status"];
    const columns = keys.flatMap((key) => matrix.columns.filter((c) => c.key === key));
    const notes = [t(rc, "site.list.note.links-unconfirmed", { today: input.today })];
    numbers.push({ label, count: rows.length, tone: "warn", list: { name: "links-unconfirmed", title: label, table: { ...matrix, id: "links-unconfirmed", title: label, columns, rows, notes, banding: undefined } } });
  }
  return { id: "suspect-links", title: t(rc, "site.panel.suspect-links.title"), numbers, ...(monitored ? {} : { notes: [unmonitored] }) };
};

/**
 * The most recent releases by `today`, newest first, as the records show the documents that day
 * (documentsOn: a site of a past day has no later release): not a version imported without a date,
 * released before the repository.
 */
const latestReleases: PanelDefinition = (input) => {
  const { rc } = input;
  const released = documentsOn(rc, input.today)
    .list.filter((d) => d.status === "released" && currentRevision(d)?.date !== undefined)
    .sort((a, b) => currentRevision(b)!.date!.localeCompare(currentRevision(a)!.date!) || compareIds(a.id, b.id))
    .slice(0, 8);
  return {
    id: "latest-releases",
    title: t(rc, "site.panel.releases.title"),
    links: released.map((d) => ({
      text: `${d.id} ${documentTitle(rc, d)}`,
      entity: { kind: "document" as const, id: d.id },
      note: `${currentRevision(d)!.version} · ${currentRevision(d)!.date}`,
    })),
    ...(released.length === 0 ? { notes: [t(rc, "site.panel.releases.none")] } : {}),
  };
};

/**
 * Clause coverage by procedures (tester55 C8): for each standard in scope, the clauses covered that no procedure addresses
 * (only the quality manual, a process or level-3/4 documents name them), listed with the matrix's rows; the notes give the
 * coverage ratio and the procedures' own, as under the matrix. An auditor asks for the clause-to-procedure matrix.
 */
const clauseProcedures: PanelDefinition = (input) => {
  const { rc, today } = input;
  const matrices = input.clauseMatrices ?? [];
  if (matrices.length === 0) return undefined;
  const config = rc.repo.config?.value;
  const coverageInput = { processes: rc.repo.processes.map((p) => p.value), documents: documentsOn(rc, input.today).list, exclusions: config?.exclusions, inherit: config?.coverage?.inherit_from_parent };
  const numbers: PanelNumber[] = [];
  const notes: string[] = [];
  for (const { catalog, table } of matrices) {
    const read = coverageReading(rc, catalog);
    const input = { ...coverageInput, processes: read(coverageInput.processes), documents: read(coverageInput.documents) };
    const coverage = clauseCoverage(catalog, input);
    const byProcedures = procedureCoverage(catalog, input);
    const without = new Set(withoutProcedure(coverage, byProcedures).map((e) => e.clause.number));
    const uncovered = new Set(coverage.entries.filter((e) => e.state !== "excluded" && !countsAsCovered(coverage, e)).map((e) => e.clause.number));
    const label = t(rc, "site.panel.clause-procedures.without", { standard: catalog.title });
    const uncoveredLabel = t(rc, "site.panel.clause-procedures.uncovered", { standard: catalog.title });
    const manual = coverage.entries.filter((e) => e.basis === "manual").length;
    notes.push(
      t(rc, "site.panel.clause-procedures.ratios", {
        standard: catalog.title,
        covered: coverage.covered,
        byProcedures: byProcedures.covered,
        applicable: coverage.applicable,
        percent: coveragePercent(coverage),
        procedurePercent: coveragePercent(byProcedures),
        manual,
        manualPercent: coveragePercent({ covered: manual, applicable: coverage.applicable }),
      }),
    );
    // The processes that name each clause by their codes and marks (a process's own column in the matrix), before the documents;
    // the procedures that reach it only through a parent clause (△) or their forms and related documents (○), as the matrix marks them (tester55 C8).
    const marked = (prefix: string) => {
      const columns = table.columns.filter((c) => c.key.startsWith(prefix));
      return (row: Table["rows"][number]) =>
        columns
          .filter((c) => row[c.key])
          .map((c) => `${c.short ?? c.key.slice(prefix.length)} ${String(row[c.key])}`)
          .join(t(rc, "common.list-separator"));
    };
    const processes = marked("p:");
    const procedures = marked("d:");
    const picked = pickColumns(
      {
        ...table,
        columns: [
          ...table.columns,
          { key: "processes", header: t(rc, "register.clause-xref.column.processes"), kind: "list" },
          { key: "procedures", header: t(rc, "register.clause-xref.column.procedures"), kind: "list" },
        ],
      },
      ["number", "title", "processes", "procedures", "manual", "other", "coverage"].filter((key) => key === "processes" || key === "procedures" || table.columns.some((c) => c.key === key)),
    );
    const legend = t(rc, "register.clauses.legend", { direct: DIRECT, inherited: INHERITED, throughChildren: THROUGH_CHILDREN });
    const clauseList = (name: string, title: string, keep: ReadonlySet<string>, listNotes: string[]): ListPage => ({
      name,
      title,
      table: withoutHints({ ...picked, id: name, title, rows: table.rows.filter((row) => keep.has(String(row.number))).map((row) => ({ ...row, processes: processes(row), procedures: procedures(row) })), notes: [...scopeNotes(rc), ...listNotes, legend] }),
    });
    // What needs attention first: the clauses nothing covers (tester80 M11). The clauses without a procedure are covered, by the
    // quality manual, a process or other documents, and no standard asks for a procedure per clause: their count read as that many
    // problems while coverage was 195/195, so it comes second, muted ("info"), and the note says what it is.
    numbers.push(
      { label: uncoveredLabel, count: uncovered.size, tone: "alert", list: clauseList(`clauses-uncovered-${catalog.id}`, uncoveredLabel, uncovered, [t(rc, "site.list.note.clauses-uncovered", { today })]) },
      { label, count: without.size, tone: "info", list: clauseList(`clauses-without-procedure-${catalog.id}`, label, without, procedureNotes(rc, coverage, byProcedures)) },
    );
    if (without.size > 0) notes.push(t(rc, "site.panel.clause-procedures.without-note", { standard: catalog.title, count: without.size }));
  }
  return { id: "clause-procedures", title: t(rc, "site.panel.clause-procedures.title"), numbers, notes: [...scopeNotes(rc), ...notes] };
};

/** A list page's table says what it holds; what to run about the register it was taken from is not for its reader. */
function withoutHints(table: Table): Table {
  const list = { ...table };
  delete list.hints;
  return list;
}

/** Everything `csr check` reports, by severity. */
const findingsSummary: PanelDefinition = (input) => {
  const { rc } = input;
  const bySeverity = (severity: Finding["severity"], label: string, tone: PanelNumber["tone"]): PanelNumber => {
    const findings = input.findings.filter((f) => f.severity === severity);
    return {
      label,
      count: findings.length,
      tone,
      list: {
        name: `findings-${severity}`,
        title: label,
        table: findingsTable(rc, label, findings, [t(rc, `site.list.note.findings-${severity}`, { today: input.today })]),
        entityOf: (row) => input.entityOfFile(String(row.file).replace(/:\d+:\d+$/, "")),
        everyFile: true,
      },
    };
  };
  return {
    id: "findings",
    title: t(rc, "site.panel.check.title"),
    numbers: [bySeverity("error", t(rc, "site.panel.check.errors"), "alert"), bySeverity("warning", t(rc, "site.panel.check.warnings"), "warn")],
  };
};

function column(key: string, header: string, kind?: Table["columns"][number]["kind"]): Table["columns"][number] {
  return { key, header, ...(kind ? { kind } : {}) };
}

/**
 * doc/periodic-review-due judges only the documents with a `review_interval_months`: one in force without
 * it is never due, and the zero read "reviewed in time". Those are counted and listed beside it; while none
 * has an interval, the count is "—" and the note says why. External documents are checked for currency, not
 * reviewed for suitability at an interval.
 */
function withoutReviewInterval(input: PanelInput, panel: Panel): Panel {
  const { rc } = input;
  const released = documentsOn(rc, input.today).list.filter((d) => d.status === "released" && d.kind !== "external");
  const without = released.filter((d) => !d.review_interval_months).sort((a, b) => compareIds(a.id, b.id));
  if (without.length === 0) return panel;
  const measured = released.length > without.length;
  const label = t(rc, "site.panel.documents.no-review-interval");
  const number: PanelNumber = {
    label,
    count: without.length,
    tone: "warn",
    list: {
      name: "documents-no-review-interval",
      title: label,
      table: {
        id: "documents-no-review-interval",
        title: label,
        sheet: t(rc, "site.panel.findings.sheet"),
        columns: [
          column("no", t(rc, "site.attention.column.no"), "number"),
          column("id", t(rc, "site.attention.column.id"), "id"),
          column("title", t(rc, "site.attention.column.title")),
          column("version", t(rc, "site.list.unreleased-changes.column.version"), "code"),
          column("department", t(rc, "site.list.no-review-interval.column.department")),
        ],
        rows: without.map((doc, i) => ({ no: i + 1, id: doc.id, title: documentTitle(rc, doc), version: currentRevision(doc)?.version ?? "", department: doc.department ? departmentName(rc, doc.department) : "" })),
        notes: [t(rc, "site.list.note.documents-no-review-interval", { today: input.today })],
      },
      entityOf: (row) => ({ kind: "document", id: String(row.id) }),
    },
  };
  const why = t(rc, "site.panel.documents.no-review-interval-any");
  const numbers = (panel.numbers ?? []).flatMap((n) => (n.list?.name !== "doc-periodic-review-due" ? [n] : [measured ? n : unmeasured(n, why), number]));
  return { ...panel, numbers, ...(measured ? {} : { notes: [...(panel.notes ?? []), why] }) };
}

/**
 * doc/periodic-review-due's number says its window: the reviews overdue and those falling due within
 * `document_control.review_warn_days` days, which the rule reports as due soon so that the 文控 plans
 * them (tester54a A9); its list is the rule's findings, the due date of each.
 */
function withReviewWindow(input: PanelInput, panel: Panel): Panel {
  const label = t(input.rc, "site.panel.documents.periodic-review-due-within", { count: reviewWarnDays(input.rc.repo.config?.value) });
  const numbers = (panel.numbers ?? []).map((n) => (n.list?.name === "doc-periodic-review-due" ? (findingNumber(input, "doc/periodic-review-due", label) ?? n) : n));
  return { ...panel, numbers };
}

/** Beside the periodic reviews due, the coming calendar year's plan of them: how many documents fall due in it, linking to its register page. */
function withPlan(input: PanelInput, panel: Panel): Panel {
  const plan = input.periodicReviewPlan;
  if (!plan) return panel;
  const number: PanelNumber = { label: t(input.rc, "site.panel.documents.periodic-review-plan", { year: Number(input.today.slice(0, 4)) + 1 }), count: plan.rows.length, register: "periodic-review-plan" };
  const numbers = panel.numbers ?? [];
  const at = numbers.findIndex((n) => n.list?.name === "documents-no-review-interval" || n.list?.name === "doc-periodic-review-due");
  const after = numbers.findIndex((n, i) => i > at && n.list?.name !== "documents-no-review-interval");
  const place = after === -1 ? numbers.length : after;
  return { ...panel, numbers: [...numbers.slice(0, place), number, ...numbers.slice(place)] };
}

/**
 * Document control: its findings, and the released documents whose file holds changes not released (IATF 16949
 * 7.5.3.2, GJB 9001C 7.5.3: only approved text at points of use), a number shown only when there are any.
 */
const documentControl: PanelDefinition = (input) => {
  const found = findingPanel("documents", ["doc/periodic-review-due", "doc/revision-pending", "doc/obsolete-referenced"])(input);
  const panel = withSourcesWithoutKeeper(input, found && withPlan(input, withoutReviewInterval(input, withReviewWindow(input, found))));
  const changed = input.unreleasedChanges ?? [];
  if (changed.length === 0) return panel;
  const { rc } = input;
  const label = t(rc, "site.panel.documents.unreleased-changes");
  const number: PanelNumber = {
    label,
    count: changed.length,
    tone: "alert",
    list: {
      name: "unreleased-changes",
      title: label,
      table: {
        id: "unreleased-changes",
        title: label,
        sheet: t(rc, "site.panel.findings.sheet"),
        columns: [
          column("no", t(rc, "site.attention.column.no"), "number"),
          column("id", t(rc, "site.attention.column.id"), "id"),
          column("title", t(rc, "site.attention.column.title")),
          column("version", t(rc, "site.list.unreleased-changes.column.version"), "code"),
          column("tag", t(rc, "site.list.unreleased-changes.column.tag"), "code"),
          column("path", t(rc, "site.list.unreleased-changes.column.path"), "code"),
        ],
        rows: [...changed]
          .sort((a, b) => compareIds(a.doc.id, b.doc.id))
          .map(({ doc, tag, path }, i) => ({ no: i + 1, id: doc.id, title: documentTitle(rc, doc), version: currentRevision(doc)?.version ?? "", tag, path })),
        notes: [t(rc, "site.list.note.unreleased-changes", { today: input.today })],
      },
      entityOf: (row) => ({ kind: "document", id: String(row.id) }),
    },
  };
  return panel ? { ...panel, numbers: [...(panel.numbers ?? []), number] } : { id: "documents", title: t(rc, "site.panel.documents.title"), numbers: [number] };
};

/**
 * The customer source documents held that no department keeps (sourcesWithoutKeeper: no keeper recorded, no controlled copy
 * of the edition held out; IATF 16949 7.5.3.2, tester70 P9), a number shown only when there are any: the sources
 * csr/source-keeper-missing warns of and the external document list (外来文件清单) names under it, each with its customer's
 * code linking to the customer's page.
 */
function withSourcesWithoutKeeper(input: PanelInput, panel: Panel | undefined): Panel | undefined {
  const { rc, today } = input;
  const unkept = sourcesWithoutKeeper(
    rc.repo.customers.map((c) => c.value).sort((a, b) => compareIds(a.code, b.code)),
    today,
  );
  if (unkept.length === 0) return panel;
  const label = t(rc, "site.panel.documents.sources-without-keeper");
  const number: PanelNumber = {
    label,
    count: unkept.length,
    tone: "warn",
    list: {
      name: "sources-without-keeper",
      title: label,
      table: {
        id: "sources-without-keeper",
        title: label,
        sheet: t(rc, "site.panel.findings.sheet"),
        columns: [
          column("no", t(rc, "site.attention.column.no"), "number"),
          column("id", t(rc, "register.external.column.number"), "id"),
          column("title", t(rc, "register.external.column.title")),
          column("customer", t(rc, "register.csr.list.column.customer"), "code"),
          column("revision", t(rc, "register.external.column.revision"), "code"),
          { ...column("received", t(rc, "register.external.column.received")), date: true },
        ],
        // The customer's code links to its page, where the source is listed (view.ts LINKED_COLUMNS).
        rows: unkept.map(({ customer, source, held }, i) => ({ no: i + 1, id: source.id, title: source.title, customer, revision: held.revision, received: held.received ?? "" })),
        notes: [t(rc, "site.list.note.sources-without-keeper", { today })],
      },
    },
  };
  return panel ? { ...panel, numbers: [...(panel.numbers ?? []), number] } : { id: "documents", title: t(rc, "site.panel.documents.title"), numbers: [number] };
}

/**
 * What falls due by 31 December of `today`'s year, for the year-end work (tester71 Q2): the record batches whose retention ends
 * by then and are not yet disposed of (the site's 到期记录清单, csr list disposals --due-by), and the external and customer documents
 * whose periodic check falls due by then, those overdue included (the check plan, csr list external --due-by). While qms.yaml sets
 * no document_control.external_check_months, no check can fall due: "—", and the note says what to set.
 */
const yearEnd: PanelDefinition = (input) => {
  const { rc, today } = input;
  const dueBy = `${today.slice(0, 4)}-12-31`;
  const numbers: PanelNumber[] = [];
  const disposals = input.disposalRegister;
  if (disposals) {
    const label = t(rc, "site.panel.year-end.disposals");
    const rows = disposals.rows.filter((row) => row.ends !== null && row.disposed === null).map((row, i) => ({ ...row, no: i + 1 }));
    const notes = [...(disposals.notes ?? []).slice(0, 1), t(rc, "site.list.note.records-due-disposal")];
    numbers.push({ label, count: rows.length, tone: "warn", list: { name: "records-due-disposal", title: label, table: { ...disposals, title: label, rows, notes } } });
  }
  const label = t(rc, "site.panel.year-end.external-check");
  const plan = externalList(rc, { today, dueBy });
  const check: PanelNumber = { label, count: plan.rows.length, tone: "warn", list: { name: "external-check-due", title: label, table: { ...plan, title: label } } };
  if (rc.repo.config?.value.document_control?.external_check_months !== undefined) numbers.push(check);
  else {
    const why = readerNote(input, "site.panel.year-end.no-check-months");
    numbers.push(unmeasured({ ...check, list: { ...check.list!, table: { ...plan, title: label, rows: [], notes: [why] } } }, why));
    return { id: "year-end", title: t(rc, "site.panel.year-end.title", { dueBy }), numbers, notes: [why] };
  }
  return { id: "year-end", title: t(rc, "site.panel.year-end.title", { dueBy }), numbers };
};

/**
 * Suppliers (供方), once qms.yaml has any, as a 总经理's review reads them (IATF 16949 8.4.2.4; ISO 9001 9.3.2 c 5; tester80 M11), each number
 * listing the rows of the approved supplier list (合格供方名录) for it: those purchasing may not buy from on `today` (待评价, 暂停, 取消资格);
 * the corrective actions asked of suppliers (SCAR) still open, overdue ones making it urgent, listed as the corrective action register
 * gives them; those past their second-party audit (supplier/audit-due) and those rated at or below the action grade with no SCAR open
 * (supplier/rating-without-action), as csr check reports them; and of those purchasing may buy from, a certificate lapsed or lapsing
 * within qms.yaml `suppliers.certificate_warn_days` (supplier/certificate-expired, certificate-expiring; IATF 16949 8.4.2.3).
 * No panel for a repository without suppliers.
 */
const supplierPanel: PanelDefinition = (input) => {
  const { rc, today } = input;
  const all = suppliers(rc.repo);
  if (all.length === 0) return undefined;
  const register = supplierRegister(rc, { today });
  const rowsOf = (codes: ReadonlySet<string>) => register.rows.filter((row) => codes.has(String(row.code))).map((row, i) => ({ ...row, no: i + 1 }));
  const supplierList = (name: string, label: string, codes: ReadonlySet<string>, note: string): ListPage => ({ name, title: label, table: { ...register, title: label, rows: rowsOf(codes), notes: [note] } });
  const numbers: PanelNumber[] = [];
  const barred = new Set(all.filter((s) => !maySupply(statusOn(s, today))).map((s) => s.code));
  const barredLabel = t(rc, "site.panel.suppliers.not-approved");
  numbers.push({ label: barredLabel, count: barred.size, tone: "warn", list: supplierList("suppliers-not-approved", barredLabel, barred, t(rc, "site.list.note.suppliers-not-approved", { today })) });
  const scars = actionRegister(rc, { today, filter: { source: "supplier", status: "open" } });
  const scarLabel = t(rc, "site.panel.suppliers.scar-open");
  const scarOverdue = rc.repo.actions.flatMap(({ value }) => (value.source === "supplier" ? (actionOn(value, today) ?? []) : [])).some((a) => actionStatus(a, today) === "overdue");
  numbers.push({ label: scarLabel, count: scars.rows.length, tone: scarOverdue ? "alert" : "warn", list: { name: "supplier-scar-open", title: scarLabel, table: { ...scars, title: scarLabel } } });
  // The suppliers csr check reports under a rule, by the file of each finding: the rule judges, the list shows their rows.
  const codeOfFile = new Map(all.flatMap((s) => (s.record ? [[s.record.file.path, s.code] as const] : [])));
  for (const [rule, name] of [
    ["supplier/audit-due", "suppliers-audit-due"],
    ["supplier/rating-without-action", "suppliers-rating-without-action"],
  ] as const) {
    if (!rulesById.has(rule)) continue;
    const found = input.findings.filter((f) => f.rule === rule);
    const codes = new Set(found.flatMap((f) => codeOfFile.get(f.file) ?? []));
    const label = t(rc, `site.panel.suppliers.${rule}`);
    numbers.push({ label, count: codes.size, tone: "warn", list: supplierList(name, label, codes, t(rc, "site.attention.note", { summary: ruleSummary(rc, rule), today, rule })) });
  }
  const warnDays = certificateWarnDays(rc.repo);
  const lapsing = new Set(all.filter((s) => maySupply(statusOn(s, today)) && (s.record?.value.certificates ?? []).some((c) => daysLeft(c, today) <= warnDays)).map((s) => s.code));
  const label = t(rc, "site.panel.suppliers.certificates");
  numbers.push(
    { label, count: lapsing.size, tone: "warn", list: supplierList("supplier-certificates", label, lapsing, t(rc, "site.list.note.supplier-certificates", { days: warnDays, today })) },
    { label: t(rc, "site.panel.suppliers.all"), count: all.length, register: "suppliers" },
  );
  return { id: "suppliers", title: t(rc, "site.panel.suppliers.title"), numbers };
};

/**
 * Customer complaints (顾客投诉, IATF 16949 10.2.6; ISO 9001 9.3.2 c 1; tester80 M11), once actions/ holds a corrective action from one: those
 * still open on `today` (D8 not done), those with a step past its due date (action/step-overdue), and those whose next step with
 * a due date falls due within qms.yaml `csr.warn_days` working days (8D 即将到期), each listed as the corrective action register
 * (纠正措施台账) gives them.
 */
const complaints: PanelDefinition = (input) => {
  const { rc, today } = input;
  const recorded = rc.repo.actions.flatMap(({ value }) => (value.source === "complaint" ? (actionOn(value, today) ?? []) : []));
  if (recorded.length === 0) return undefined;
  const warnDays = rc.repo.config?.value.csr?.warn_days ?? DEFAULT_WARN_DAYS;
  const soon = new Set(
    recorded.flatMap((a) => {
      const step = currentStep(a, today);
      return step?.due !== undefined && !step.overdue && workdaysLeft(input.calendar, step.due, today) <= warnDays ? [a.id] : [];
    }),
  );
  const list = (name: string, label: string, filter: ActionFilter, keep: (id: string) => boolean = () => true): ListPage => {
    const table = actionRegister(rc, { today, filter: { source: "complaint", ...filter } });
    return { name, title: label, table: { ...table, title: label, rows: table.rows.filter((row) => keep(String(row.id))).map((row, i) => ({ ...row, no: i + 1 })) } };
  };
  const openLabel = t(rc, "site.panel.complaints.open");
  const overdueLabel = t(rc, "site.panel.complaints.overdue");
  const soonLabel = t(rc, "site.panel.complaints.due-soon", { warnDays });
  const open = list("complaints-open", openLabel, { status: "open" });
  const overdue = list("complaints-overdue", overdueLabel, { status: "overdue" });
  const dueSoon = list("complaints-due-soon", soonLabel, { status: "open" }, (id) => soon.has(id));
  dueSoon.table.notes = [t(rc, "site.list.note.complaints-due-soon", { today, warnDays }), ...(dueSoon.table.notes ?? [])];
  return {
    id: "complaints",
    title: t(rc, "site.panel.complaints.title"),
    numbers: [
      { label: openLabel, count: open.table.rows.length, list: open },
      { label: overdueLabel, count: overdue.table.rows.length, tone: "alert", list: overdue },
      { label: soonLabel, count: dueSoon.table.rows.length, tone: "warn", list: dueSoon },
      { label: t(rc, "site.panel.complaints.all"), count: recorded.length, list: list("complaints-all", t(rc, "site.panel.complaints.all"), {}) },
    ],
  };
};

/**
 * 首件鉴定 (GJB 9001C 8.5.1, GJB 908A; tester80 M11), once first-articles.yaml has a record or a change asked for one: the
 * inspections judged 不合格 that no passing one of the same product and operation followed (first-article/failed-without-pass),
 * listed as the 首件鉴定台账 gives them, and the changes released that asked for a 首件鉴定 none followed
 * (first-article/change-without-inspection), each document and version; and all the records, linking to the register's page.
 */
const firstArticles: PanelDefinition = (input) => {
  const { rc, today } = input;
  const documents = documentsOn(rc, today).list;
  const records = rc.repo.firstArticles.filter((r) => r.value.date <= today);
  const awaiting = documents.flatMap((doc) => changesWithoutFirstArticle(doc, records.map((r) => r.value), today).map((change) => ({ doc, ...change })));
  if (records.length === 0 && awaiting.length === 0) return undefined;
  const register = firstArticleRegister(rc, { today });
  const failed = new Set(failedWithoutPass(records).map((r) => r.value.id));
  const failedLabel = t(rc, "site.panel.first-articles.failed");
  const failedRows = register.rows.filter((row) => failed.has(String(row.id))).map((row, i) => ({ ...row, no: i + 1 }));
  const awaitingLabel = t(rc, "site.panel.first-articles.awaiting");
  const awaitingTable: Table = {
    id: "first-articles-awaiting",
    title: awaitingLabel,
    sheet: t(rc, "site.panel.findings.sheet"),
    columns: [
      column("no", t(rc, "site.attention.column.no"), "number"),
      column("id", t(rc, "site.attention.column.id"), "id"),
      column("title", t(rc, "site.attention.column.title")),
      column("version", t(rc, "site.list.unreleased-changes.column.version"), "code"),
      column("change", t(rc, "register.first-articles.column.change"), "code"),
      { ...column("effective", t(rc, "site.list.first-articles-awaiting.column.effective")), date: true },
    ],
    rows: awaiting
      .sort((a, b) => compareIds(a.doc.id, b.doc.id) || a.index - b.index)
      .map(({ doc, revision, effective }, i) => ({ no: i + 1, id: doc.id, title: documentTitle(rc, doc), version: revision.version, change: revision.change_request ?? "", effective })),
    notes: [t(rc, "site.list.note.first-articles-awaiting", { today })],
  };
  return {
    id: "first-articles",
    title: t(rc, "site.panel.first-articles.title"),
    numbers: [
      { label: failedLabel, count: failedRows.length, tone: "alert", list: { name: "first-articles-failed", title: failedLabel, table: { ...register, title: failedLabel, rows: failedRows, notes: [t(rc, "site.list.note.first-articles-failed", { today })] } } },
      { label: awaitingLabel, count: awaiting.length, tone: "warn", list: { name: "first-articles-awaiting", title: awaitingLabel, table: awaitingTable } },
      { label: t(rc, "site.panel.first-articles.all"), count: records.length, register: "first-articles" },
    ],
  };
};

/**
 * Quality objectives (质量目标, ISO 9001 6.2, 9.3.2 c 2; IATF 16949 6.2.2.1), once objectives.yaml has one: those whose last period
 * ended by `today` (the month, quarter or year before the current one of its frequency) was measured and missed its target,
 * each with that period, its value and its target, and all of them, linking to the 质量目标及实现情况一览表's page.
 */
const objectivesPanel: PanelDefinition = (input) => {
  const { rc, today } = input;
  const objectives = rc.repo.objectives.map((o) => o.value).filter((o) => o.from <= today);
  if (objectives.length === 0) return undefined;
  const missed = objectives.flatMap((objective) => {
    const last = periodOf(objective.frequency, addDays(periodOf(objective.frequency, today).from, -1));
    const measured = measurementOf(objective, last.period);
    return measured !== undefined && !meetsTarget(objective, measured.value) ? [{ objective, period: last.period, value: measured.value }] : [];
  });
  const label = t(rc, "site.panel.objectives.missed");
  const header = (key: string) => t(rc, `register.objectives.column.${key}` as MessageKey);
  const table: Table = {
    id: "objectives-missed",
    title: label,
    sheet: t(rc, "register.objectives.sheet"),
    columns: [
      column("no", header("no"), "number"),
      column("id", header("id"), "id"),
      column("text", header("text"), "name"),
      column("owner", header("owner"), "name"),
      column("target", header("target"), "code"),
      column("period", t(rc, "site.list.objectives-missed.column.period"), "code"),
      column("value", t(rc, "site.list.objectives-missed.column.value"), "code"),
    ],
    rows: missed.map(({ objective, period, value }, i) => ({ no: i + 1, id: objective.id, text: objectiveText(rc, objective), owner: personName(rc, objective.owner), target: targetText(objective), period, value: `${value} ${objective.unit}`.trim() })),
    notes: [t(rc, "site.list.note.objectives-missed", { today })],
  };
  return {
    id: "objectives",
    title: t(rc, "site.panel.objectives.title"),
    numbers: [
      { label, count: missed.length, tone: "warn", list: { name: "objectives-missed", title: label, table } },
      { label: t(rc, "site.panel.objectives.all"), count: objectives.length, register: "objectives" },
    ],
  };
};

/**
 * Management review outputs (管理评审输出, ISO 9001 / IATF 16949 9.3.3, GJB 9001C 9.3.3), once management-reviews.yaml records a
 * review held by `today`: its outputs overdue (those management-review/output-overdue reports), open and done, each listed with
 * the rows of the 管理评审输出跟踪表, and all of them, linking to its page. Their status is the first input of the next review
 * (9.3.2 a).
 */
const managementReviewOutputsPanel: PanelDefinition = (input) => {
  const { rc, today } = input;
  if (!rc.repo.managementReviews.some((r) => r.value.held <= today)) return undefined;
  const number = (status: OutputStatus, tone: PanelNumber["tone"]): PanelNumber => {
    const { rows, ...register } = managementReviewOutputsRegister(rc, { today, status });
    const label = t(rc, `site.panel.management-review-outputs.${status}`);
    const note = t(rc, "site.list.note.management-review-outputs", { status: t(rc, `register.management-review-outputs.status.${status}`), today });
    // An output not done has no done day or evidence: its list leaves those columns out.
    const columns = status === "done" ? register.columns : register.columns.filter((c) => c.key !== "done" && c.key !== "evidence");
    const table: Table = { ...register, id: `management-review-outputs-${status}`, title: label, columns, rows, notes: [note] };
    return { label, count: rows.length, ...(rows.length > 0 && tone ? { tone } : {}), list: { name: `management-review-outputs-${status}`, title: label, table } };
  };
  const all = rc.repo.managementReviews.filter((r) => r.value.held <= today).reduce((n, r) => n + (r.value.outputs ?? []).length, 0);
  return {
    id: "management-review-outputs",
    title: t(rc, "site.panel.management-review-outputs.title"),
    numbers: [number("overdue", "alert"), number("open", undefined), number("done", undefined), { label: t(rc, "site.panel.management-review-outputs.all"), count: all, register: "management-review-outputs" }],
  };
};

/**
 * The tooling register (工装夹具台账, IATF 16949 8.5.1.5, 8.5.1.6, 10.2.4), once tooling.yaml has an entry: the error-proofing
 * verifications and planned maintenance due on `today` or overdue (as csr list tooling --due lists them and
 * tooling/verification-overdue, tooling/maintenance-overdue report them), and all the tooling, each linking to its rows.
 */
const toolingPanel: PanelDefinition = (input) => {
  const { rc, today } = input;
  if (rc.repo.tooling.length === 0) return undefined;
  const due = toolingRegister(rc, { today, filter: { due: true } });
  const label = t(rc, "site.panel.tooling.due");
  const overdue = rc.repo.tooling.some(({ value }) => verificationDue(value, today, input.calendar)?.overdue || maintenanceDue(value, today)?.overdue);
  return {
    id: "tooling",
    title: t(rc, "site.panel.tooling.title"),
    numbers: [
      { label, count: due.rows.length, ...(due.rows.length > 0 ? { tone: overdue ? ("alert" as const) : ("warn" as const) } : {}), list: { name: "tooling-due", title: due.title, table: due } },
      { label: t(rc, "site.panel.tooling.all"), count: rc.repo.tooling.length, register: "tooling" },
      ...calibrationNumbers(rc, today),
    ],
  };
};

/** The tooling panel's gauges owing their calibration within 30 days or overdue (csr list gauges --due), once tooling.yaml has a gauge. */
function calibrationNumbers(rc: RegisterContext, today: string): PanelNumber[] {
  if (!rc.repo.tooling.some(({ value }) => isGauge(value))) return [];
  const due = gaugeRegister(rc, { today, filter: { due: true } });
  const overdue = rc.repo.tooling.some(({ value }) => calibrationDue(value, today)?.overdue);
  return [{ label: t(rc, "site.panel.tooling.calibration-due"), count: due.rows.length, ...(due.rows.length > 0 ? { tone: overdue ? ("alert" as const) : ("warn" as const) } : {}), list: { name: "gauges-due", title: due.title, table: due } }];
}

/**
 * The internal audit programme (内部审核方案, IATF 16949 9.2.2.1): how many of its audits (a process's QMS, manufacturing
 * process or product audit, a row of the programme) are past their due day on `today` (those process/audit-due and
 * process/manufacturing-audit-due report), and all of them, each linking to the programme's page. Once processes.yaml plans
 * audits (csr process plan), the annual plan's entries whose month ended without their audit, neither moved nor cancelled
 * (those process/planned-audit-missed reports, whatever their year), listed on a page of their own (the plan's rows), and
 * this year's plan (年度内部审核计划), linking to its page; last, the audits held (内部审核记录), linking to their record (tester82 A6).
 */
const auditProgrammePanel: PanelDefinition = (input) => {
  const programme = input.auditProgramme;
  if (!programme || programme.rows.length === 0) return undefined;
  const { rc, today } = input;
  const overdue = programme.rows.filter((row) => typeof row.due === "string" && row.due < today).length;
  const planning = rc.repo.processes.some(({ value }) => (value.planned_audits ?? []).length > 0);
  return {
    id: "audit-programme",
    title: t(rc, "site.panel.audit-programme.title"),
    numbers: [
      { label: t(rc, "site.panel.audit-programme.overdue"), count: overdue, ...(overdue > 0 ? { tone: "alert" as const } : {}), register: "audit-programme" },
      { label: t(rc, "site.panel.audit-programme.all"), count: programme.rows.length, register: "audit-programme" },
      ...(planning ? plannedAuditNumbers(rc, today) : []),
      ...(input.audits ? [{ label: t(rc, "site.panel.audit-programme.held"), count: input.audits.rows.length, register: "audits" }] : []),
    ],
  };
};

/** The audit programme panel's numbers of the annual internal audit plan: entries missed (with their list page) and this year's entries. */
function plannedAuditNumbers(rc: RegisterContext, today: string): PanelNumber[] {
  const missed = rc.repo.processes.flatMap(({ value: process }) =>
    (process.planned_audits ?? []).flatMap((plan) => {
      if (typeof plan?.month !== "string") return [];
      const standing = planStanding(process, plan, today);
      return standing.state === "missed" && !standing.rescheduled ? [{ process, month: planOn(plan, today).month, kind: auditKind(plan) }] : [];
    }),
  );
  const year = Number(today.slice(0, 4));
  const plan = auditPlanRegister(rc, { today, year });
  const label = t(rc, "site.panel.audit-programme.plan-missed");
  const years = [...new Set(missed.map((m) => Number(m.month.slice(0, 4))))].sort();
  const kindName = (kind: string) => t(rc, `value.audit-kind.${kind as "qms"}`);
  const rows = years
    .flatMap((y) => (y === year ? plan : auditPlanRegister(rc, { today, year: y })).rows)
    .filter((row) => missed.some((m) => m.process.code === row.code && m.month === row.month && kindName(m.kind) === row.kind))
    .map((row, i) => ({ ...row, no: String(i + 1) }));
  const notes = [t(rc, "site.list.note.plan-missed", { today })];
  return [
    { label, count: missed.length, ...(missed.length > 0 ? { tone: "alert" as const } : {}), list: { name: "audit-plan-missed", title: label, table: { ...plan, title: label, rows, notes } } },
    { label: t(rc, "site.panel.audit-programme.plan", { year }), count: plan.rows.length, register: "audit-plan" },
  ];
}

export const PANELS: readonly PanelDefinition[] = [
  csrByCustomer,
  reviews,
  implementations,
  suspectLinks,
  documentControl,
  distribution,
  complaints,
  supplierPanel,
  firstArticles,
  objectivesPanel,
  managementReviewOutputsPanel,
  toolingPanel,
  auditProgrammePanel,
  yearEnd,
  training,
  clauseProcedures,
  latestReleases,
  findingsSummary,
];

/** The notes of the panels and their lists that say which csr command records what is missing (PanelInput.pack). */
type ReaderNoteKey = "site.panel.year-end.no-check-months" | "site.panel.distribution.unrecorded" | "site.panel.implementations.undated-only" | "site.list.note.implementations-undated" | "site.list.note.reviews-source-revised";

/**
 * A panel's or its list's note (`key`) as its reader reads it: the organisation's own site says which csr command records
 * what is missing; a customer's audit pack (input.pack) says what is missing only (`<key>.pack`), with no command to run.
 */
function readerNote(input: PanelInput, key: ReaderNoteKey, values: Record<string, string> = {}): string {
  return t(input.rc, input.pack ? (`${key}.pack` as const) : key, values);
}
