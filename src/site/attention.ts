/**
 * The lists behind the dashboard's numbers that count findings of one rule (implementations
 * overdue, suspect links, periodic reviews due, copies overdue for recall …), for readers who do
 * not run csr (tester25 F10): one row per finding, naming the CSR or document (linked to its page),
 * what is due, the deadline and the working days past it, and who answers for it, in the page's
 * language. The finding's message, with the command that fixes it, stays for `csr check` and the
 * findings page. A row is read from the entity the finding's file defines and the part the rule
 * reported (reportedAt: which link, which copy); a rule without a reading of its own says what the
 * rule checks (its summary, as `csr explain` gives it).
 */
import { dispositionKey } from "../model/decision.js";
import { ruleText } from "../check/docs.js";
import { rulesById } from "../check/registry.js";
import { reportedAt, type Finding } from "../core/diagnostic.js";
import { workdaysLate, workdaysOverdue, type WorkCalendar } from "../model/calendar.js";
import { isStateSecret } from "../model/classification.js";
import { csrReviewForm } from "../model/csr-review-form.js";
import { missingOpinions, reviewDue } from "../model/csr-status.js";
import { copyRecallDue, recallDays, redistributionChange, redistributionDue } from "../model/distribution.js";
import { implementationDeadline, lateForCustomer } from "../model/customer-schedule.js";
import { currentRevision, revisionEffective } from "../model/index.js";
import { worksOn } from "../model/people.js";
import { nextPeriodicReview } from "../model/periodic-review.js";
import { firstDecisionOfRound } from "../model/review-timeliness.js";
import { addressedSectionLabel, documentSections, findSection } from "../model/sections.js";
import { openTrainings, trainingPhase, type OpenTraining } from "../model/training-completion.js";
import { trainingRecordDays, trainingSessionVersions } from "../load/training-records.js";
import type { AddressedIn, ControlledDocument, Csr } from "../model/types.js";
import { citedDocument } from "../model/revision.js";
import type { MessageData, MessageKey } from "../i18n/index.js";
import { revisionNameIn } from "../i18n/values.js";
import { departmentName, documentTitle, peopleOf, personName, t, type RegisterContext } from "../report/registers/context.js";
import type { Table } from "../report/table.js";
import type { EntityRef } from "./view.js";

export interface AttentionInput {
  rc: RegisterContext;
  today: string;
  calendar: WorkCalendar;
  entityOfFile: (file: string) => EntityRef | undefined;
  /**
   * The documents and CSRs as their records show them on `today` (documentsOn, csrsOn), as the site's pages
   * give them: a site of a past day reads a finding from the records of that day. Without them, as they are now.
   */
  asOf?: { documents: ReadonlyMap<string, ControlledDocument>; csrs: ReadonlyMap<string, Csr> };
  /** The version in force of the documents being revised, by id (load/base.ts revisedInForce), whose sections a CSR link names (model/revision.ts citedDocument). */
  inForce?: ReadonlyMap<string, ControlledDocument>;
}

/** One finding's reading: what is due, by when, and who answers for it. */
export interface Reading {
  what: string;
  due?: string;
  /** Working days past `due` on the day, where the rule counts them otherwise than workdaysLate (a CSR's review: workdaysOverdue). */
  overdue?: number;
  responsible?: string;
}

type Reader = (input: AttentionInput, finding: Finding, entity: { csr?: Csr; doc?: ControlledDocument }, trainings: () => OpenTraining[]) => Reading | undefined;

/**
 * The table of a rule's findings as a reader needs it. Columns: 序号, 编号 (the CSR or document,
 * linked by the site's column linker), 名称, 待办事项, 期限, 逾期工作日, 责任人/部门; a column empty in
 * every row but the first three is left out.
 */
export function attentionTable(input: AttentionInput, rule: string, title: string, findings: readonly Finding[]): Table {
  const { rc, today, calendar } = input;
  const read = findingReader(input);
  const summary = ruleSummary(rc, rule);
  const rows = findings.map((finding, i): Table["rows"][number] => {
    const entity = input.entityOfFile(finding.file);
    const { csr, doc } = entityOf(input, entity);
    const reading = read(finding);
    const title = csr ? (rc.lang === "en" ? (csr.title_en ?? csr.title) : csr.title) : doc ? documentTitle(rc, doc) : "";
    return {
      no: i + 1,
      id: entity?.id ?? finding.file,
      title,
      what: reading.what,
      due: reading.due ?? null,
      // Working days past the deadline as the rule counts them (workdaysLate unless the reading says: none on a day off right after it).
      overdue: reading.due ? (reading.overdue ?? workdaysLate(calendar, reading.due, today)) || null : null,
      responsible: reading.responsible ?? "",
    };
  });
  const column = (key: string, kind?: Table["columns"][number]["kind"], date = false): Table["columns"][number] => ({
    key,
    header: t(rc, `site.attention.column.${key}` as MessageKey),
    ...(kind ? { kind } : {}),
    ...(date ? { date } : {}),
  });
  const always = new Set(["no", "id", "title", "what"]);
  const columns = [column("no", "number"), column("id", "id"), column("title"), column("what"), column("due", undefined, true), column("overdue", "number"), column("responsible", "name")].filter(
    (c) => always.has(c.key) || rows.some((r) => r[c.key] !== null && r[c.key] !== ""),
  );
  return {
    id: "attention",
    title,
    sheet: t(rc, "site.panel.findings.sheet"),
    columns,
    rows,
    notes: [t(rc, "site.attention.note", { summary, today, rule }), ...(columns.some((c) => c.key === "overdue") ? [t(rc, "site.attention.note-overdue")] : [])],
  };
}

/**
 * How each finding reads for a reader of the site: what is wrong or due, by when, who answers for it, from the
 * entity its file defines (as of `today` where `asOf` gives it) and the part the rule reported; a rule without
 * a reading of its own is read as its summary (as `csr explain` gives it). The finding's message, with the
 * command that fixes it, is for `csr check` and the findings page.
 */
export function findingReader(input: AttentionInput): (finding: Finding) => Reading {
  const { rc, calendar } = input;
  let trainings: OpenTraining[] | undefined;
  const documents = () => (input.asOf ? [...input.asOf.documents.values()] : rc.repo.documents.map((d) => d.value));
  const csrs = () => (input.asOf ? [...input.asOf.csrs.values()] : rc.repo.csrs.map((c) => c.value));
  const openTraining = () => (trainings ??= openTrainings(documents(), csrs(), peopleOf(rc), rc.repo.config?.value, calendar, input.today, trainingRecordDays(rc.repo), trainingSessionVersions(rc.repo), rc.index.customers));
  return (finding) => READERS[finding.rule]?.(input, finding, entityOf(input, input.entityOfFile(finding.file)), openTraining) ?? { what: ruleSummary(rc, finding.rule) };
}

/** What a rule checks, as `csr explain` summarises it in the site's language; the id itself for a rule not registered. */
export function ruleSummary(rc: RegisterContext, rule: string): string {
  const known = rulesById.get(rule);
  return known ? ruleText(known, rc.lang, rc.repo.config?.value.standards).summary : rule;
}

function entityOf(input: AttentionInput, entity: EntityRef | undefined): { csr?: Csr; doc?: ControlledDocument } {
  const { index } = input.rc;
  if (entity?.kind === "csr") return { csr: input.asOf ? input.asOf.csrs.get(entity.id) : index.csrs.get(entity.id)?.value };
  if (entity?.kind === "document") return { doc: input.asOf ? input.asOf.documents.get(entity.id) : index.documents.get(entity.id)?.value };
  return {};
}

const tr = (input: AttentionInput, key: MessageKey, data?: MessageData) => t(input.rc, key, data);
/** The index of the part of its file a rule reported (addressed[i], distribution[i]), if it said so. */
const partIndex = (finding: Finding, field: string): number | undefined => {
  const path = reportedAt.get(finding)?.path;
  return path?.[0] === field && typeof path[1] === "number" ? path[1] : undefined;
};
/** The text a CSR link's section is looked up in: the document's (its text where the site withholds it), the version in force while it is revised (citedDocument). */
const citedText = (input: AttentionInput, place: AddressedIn) => {
  const doc = input.rc.index.documents.get(place.document)?.value;
  return doc && citedDocument(input.rc.textOf?.(doc) ?? doc, place, input.inForce);
};
/**
 * A place a CSR is addressed in, as the CSR list cites it: a secret document's section by number only
 * (tester25 F2), judged on its text (which the site withholds from the document's page).
 */
const placeLabel = (input: AttentionInput, place: AddressedIn) => {
  const doc = input.rc.index.documents.get(place.document)?.value;
  const judged = citedText(input, place);
  return place.section ? `${place.document} ${addressedSectionLabel(judged, place.section, input.rc.lang, doc !== undefined && isStateSecret(input.rc.repo, doc))}` : place.document;
};
const csrOwner = (input: AttentionInput, csr: Csr) => personName(input.rc, csr.implementation?.owner ?? csr.review?.decision?.by);
const departments = (input: AttentionInput, codes: readonly string[]) => codes.map((code) => departmentName(input.rc, code)).join(tr(input, "common.list-separator"));
const training: (kind: OpenTraining["kind"]) => Reader = (kind) => (input, _finding, { csr, doc }, trainings) => {
  const id = kind === "csr" ? csr?.id : doc?.id;
  const open = trainings().find((o) => o.kind === kind && o.id === id);
  if (open === undefined) return undefined;
  // Due before the work (a document's version), it is late from the day it takes effect, that day counted (trainingPhase).
  const { start, ahead } = open.completion;
  const overdue = ahead && start !== undefined ? { overdue: trainingPhase(input.calendar, start, 0, input.today, true).count } : {};
  return { what: tr(input, kind === "csr" ? "site.attention.training-csr" : "site.attention.training-document", { revision: open.revision }), due: open.due, ...overdue, responsible: departments(input, owing(input, open)) };
};
/**
 * The departments whose people still owe a training, in the order the training names its departments, as the
 * missing-training list (csr list training --missing) gives each person's: not a department all of whose people
 * were trained (生产部 for DYA-002 once 黄军 was, tester70 P4). Nobody to count (no one of people.yaml in them):
 * the departments it went to, which owe it as a whole.
 */
const owing = (input: AttentionInput, open: OpenTraining): string[] => {
  const people = open.completion.missing.map((id) => input.rc.index.people.get(id)?.value.department);
  return open.completion.missing.length === 0 ? open.departments : open.departments.filter((code) => people.includes(code));
};
/**
 * A review not decided, overdue or due soon: the departments whose opinion is missing answer for it, else the decision is.
 * Overdue from the calendar day after its deadline, by at least 1 working day (workdaysOverdue), as csr/review-overdue says.
 */
const openReview: Reader = (input, _f, { csr }) => {
  if (!csr) return undefined;
  const missing = missingOpinions(csr, input.rc.repo.config?.value);
  const due = reviewDue(csr, input.calendar, input.rc.repo.config?.value);
  const overdue = workdaysOverdue(input.calendar, due, input.today);
  return missing.length > 0
    ? { what: tr(input, "site.attention.review-overdue", { departments: departments(input, missing) }), due, overdue, responsible: departments(input, missing) }
    : { what: tr(input, "site.attention.review-overdue-decision"), due, overdue, responsible: personName(input.rc, csr.review?.decision?.by) };
};

/**
 * A version of a document that took effect before its first issue (doc/effective-before-issue, reported at that issue's
 * date): which version, the day it took effect and the day it was first issued, on paper or electronically, and the
 * document controller who corrects either date — the issue's 发放人 if at work on the day, else the document
 * controllers of people.yaml at work (role document-controller), else the role (文控). One row per version.
 */
const effectiveBeforeIssue: Reader = (input, finding, { doc }) => {
  if (!doc) return undefined;
  const copy = partIndex(finding, "distribution");
  const electronic = partIndex(finding, "electronic_issue");
  const issue = copy !== undefined ? doc.distribution?.[copy] : electronic !== undefined ? doc.electronic_issue?.[electronic] : undefined;
  const i = issue ? (doc.revisions ?? []).findIndex((r) => r.version === issue.version) : -1;
  if (!issue || i < 0) return undefined;
  const data = { version: issue.version, effective: revisionEffective(doc, i), issued: issue.date };
  const people = peopleOf(input.rc);
  const issuer = issue.issued_by === undefined ? undefined : people.find((p) => p.id === issue.issued_by && worksOn(p, input.today));
  const controllers = issuer ? [issuer] : people.filter((p) => (p.roles ?? []).includes("document-controller") && worksOn(p, input.today));
  return {
    what: tr(input, copy !== undefined ? "site.attention.effective-before-issue" : "site.attention.effective-before-issue.electronic", data),
    responsible: controllers.length > 0 ? controllers.map((p) => personName(input.rc, p.id)).join(tr(input, "common.list-separator")) : tr(input, "site.attention.document-controller"),
  };
};

/**
 * A decided CSR review whose report has no record number or no review team leader's signature (csr/review-unsigned):
 * the round (the customer's document and revision it reviewed), the day it was decided, the form and what the report
 * lacks; the review team leader who signed answers for it, else (no leader recorded) who decided it, who has the
 * report completed. One row per CSR, as the rule reports it.
 */
const reviewUnsigned: Reader = (input, _f, { csr }) => {
  const review = csr?.review;
  const form = csrReviewForm(input.rc.index, input.rc.repo.config?.value);
  if (!csr || !review?.decision || form === undefined) return undefined;
  const noRecord = !review.record?.ref?.trim();
  const noLeader = review.leader === undefined;
  if (!noRecord && !noLeader) return undefined;
  const missing = tr(input, `rule.csr/review-unsigned.${noRecord && noLeader ? "both" : noRecord ? "record" : "leader"}`);
  const leader = review.leader?.by ?? review.decision.by;
  return {
    what: tr(input, "site.attention.review-unsigned", { source: csr.source.document, revision: revisionNameIn(input.rc.lang, csr.source.revision), date: review.decision.date, form, missing }),
    responsible: personName(input.rc, leader),
  };
};

/** How each rule's finding reads as a row; a rule not here is read as its summary. */
const READERS: Record<string, Reader> = {
  // Due by the earlier of its due date and the customer's date, as the rule judges it.
  "csr/implementation-overdue": (input, _f, { csr }) => {
    const deadline = csr?.implementation && implementationDeadline(csr, input.rc.index.customers.get(csr.customer)?.value);
    return deadline
      ? {
          what: tr(input, "site.attention.implementation", { status: tr(input, `register.implementation.${csr.implementation!.status ?? "planned"}` as MessageKey) }),
          due: deadline.date,
          responsible: personName(input.rc, csr.implementation!.owner),
        }
      : undefined;
  },
  // A date past already (in production after the customer's date) or a plan: no deadline of its own to count from today.
  "csr/late-for-customer": (input, _f, { csr }) => {
    const late = csr && lateForCustomer(csr, input.rc.index.customers.get(csr.customer)?.value);
    if (!late) return undefined;
    const data = { id: csr.id, date: late.date, required: late.customer.date, count: workdaysLate(input.calendar, late.customer.date, late.date) };
    // What is due of a date past: the reason for the delay, which the owner records (tester70 P6).
    const fact = tr(input, late.field === "implemented" ? "register.csr.late-for-customer.implemented" : "register.csr.late-for-customer.due", data);
    return { what: tr(input, "site.attention.late-for-customer", { fact }), responsible: personName(input.rc, csr.implementation?.owner) };
  },
  "csr/suspect-link": (input, finding, { csr }) => {
    const i = partIndex(finding, "addressed");
    const place = i === undefined ? undefined : csr?.addressed?.[i];
    if (!csr || !place) return undefined;
    return { what: tr(input, "site.attention.suspect-link", { place: placeLabel(input, place), date: place.pin?.date ?? "" }), responsible: personName(input.rc, place.pin?.by ?? csr.implementation?.owner ?? csr.review?.decision?.by) };
  },
  "csr/section-missing": (input, finding, { csr }) => {
    const i = partIndex(finding, "addressed");
    const place = i === undefined ? undefined : csr?.addressed?.[i];
    if (!csr || !place) return undefined;
    // placeLabel marks the section: found under another number (原写 5.4), or not found.
    const cited = citedText(input, place);
    const moved = cited && place.section !== undefined && findSection(documentSections(cited), place.section).movedFrom !== undefined;
    return { what: tr(input, moved ? "site.attention.section-moved" : "site.attention.section-missing", { place: placeLabel(input, place) }), responsible: csrOwner(input, csr) };
  },
  "csr/addressed-by-obsolete": (input, finding, { csr }) => {
    const i = partIndex(finding, "addressed");
    const place = i === undefined ? undefined : csr?.addressed?.[i];
    return csr && place ? { what: tr(input, "site.attention.addressed-by-obsolete", { document: place.document }), responsible: csrOwner(input, csr) } : undefined;
  },
  "csr/not-addressed": (input, _f, { csr }) =>
    csr?.review?.decision
      ? { what: tr(input, "site.attention.not-addressed", { disposition: tr(input, `register.disposition.${dispositionKey(csr.review.decision)}` as MessageKey), date: csr.review.decision.date }), responsible: csrOwner(input, csr) }
      : undefined,
  "csr/review-late": (input, _f, { csr }) =>
    csr?.review?.decision
      ? // Decided already: what is missing is the reason, not the decision; the deadline is part of what is said, not counted to today.
        { what: tr(input, "site.attention.review-late", { date: csr.review.decision.date, due: reviewDue(csr, input.calendar, input.rc.repo.config?.value) }), responsible: personName(input.rc, csr.review.decision.by) }
      : undefined,
  "csr/forced-decision": (input, _f, { csr }) =>
    csr?.review?.decision
      ? { what: tr(input, "site.attention.forced-decision", { date: csr.review.decision.date }), responsible: departments(input, missingOpinions(csr, input.rc.repo.config?.value)) }
      : undefined,
  "csr/review-overdue": openReview,
  "csr/review-unsigned": reviewUnsigned,
  "csr/review-due-soon": openReview,
  // The decision on the customer's new revision, what it changed, and the departments that hold the earlier requirement,
  // due recall_days working days after the round's first decision, as the rule counts it.
  "csr/not-redistributed": (input, _f, { csr }) => {
    const pending = csr && redistributionDue(csr);
    const decision = csr && firstDecisionOfRound(csr);
    const change = csr && redistributionChange(csr);
    if (!csr || !pending || !decision || !change) return undefined;
    const changed =
      "wording" in change
        ? tr(input, "rule.csr/not-redistributed.wording")
        : tr(input, "rule.csr/not-redistributed.disposition", { was: tr(input, `value.disposition.${change.was}`), now: tr(input, `value.disposition.${change.now}`) });
    return {
      what: tr(input, "site.attention.not-redistributed", { source: csr.source.document, revision: revisionNameIn(input.rc.lang, csr.source.revision), date: decision.date, change: changed, departments: departments(input, pending.departments) }),
      due: input.calendar.addWorkdays(decision.date, recallDays(input.rc.repo.config?.value)),
      responsible: personName(input.rc, decision.by),
    };
  },
  "csr/training-overdue": training("csr"),
  "doc/training-overdue": training("document"),
  "doc/periodic-review-due": (input, _f, { doc }) => {
    const next = doc && nextPeriodicReview(doc);
    if (!doc || !next) return undefined;
    const current = currentRevision(doc);
    return {
      what: next.last ? tr(input, "site.attention.periodic-review", { months: next.months, last: next.last, count: next.months }) : tr(input, "site.attention.periodic-review-undated", { months: next.months, count: next.months }),
      ...(next.due ? { due: next.due } : {}),
      responsible: personName(input.rc, current?.approved?.by ?? doc.reviews?.at(-1)?.by ?? current?.prepared?.by) || departmentName(input.rc, doc.department),
    };
  },
  // Which of the rule's cases it is: expired and still released, its end near, or not even in force yet (breaker62 P12).
  "doc/temporary-expired": (input, _f, { doc }) => {
    const until = doc?.valid_until;
    if (!doc || until === undefined) return undefined;
    const effective = doc.effective;
    const key = until < input.today ? "site.attention.temporary-expired" : effective !== undefined && effective > input.today ? "site.attention.temporary-not-yet-in-force" : "site.attention.temporary-due-soon";
    return { what: tr(input, key, { until, effective: effective ?? "" }), due: until, responsible: departmentName(input.rc, doc.department) };
  },
  "doc/revision-pending": (input, _f, { doc }) => {
    const review = doc?.reviews?.filter((r) => r.result === "revise" || r.result === "withdraw").at(-1);
    return review && { what: tr(input, review.result === "revise" ? "site.attention.revision-pending" : "site.attention.withdrawal-pending", { date: review.date }), responsible: personName(input.rc, review.by) };
  },
  "doc/effective-before-issue": effectiveBeforeIssue,
  "doc/recall-overdue": (input, finding, { doc }) => {
    const i = partIndex(finding, "distribution");
    const copy = i === undefined ? undefined : doc?.distribution?.[i];
    if (!doc || !copy) return undefined;
    const due = copyRecallDue(doc, copy, input.calendar, input.rc.repo.config?.value, input.rc.repo.symbols.map((s) => s.value));
    // Who handed the copy out (发放人) and who holds it (领用人, else the department holding it), as the distribution register
    // records them: they bring it back, not the department that wrote the document (tester48 #16).
    const holder = copy.holder ? tr(input, "site.attention.recall.holder", { name: personName(input.rc, copy.holder) }) : tr(input, "site.attention.recall.holding-department", { name: departmentName(input.rc, copy.to) });
    const issuer = copy.issued_by && tr(input, "site.attention.recall.issuer", { name: personName(input.rc, copy.issued_by) });
    const responsible = [...(issuer ? [issuer] : []), holder].join(tr(input, "common.list-separator"));
    return { what: tr(input, "site.attention.recall", { copy: copy.copy, version: copy.version, holder: departmentName(input.rc, copy.to) }), ...(due ? { due } : {}), responsible };
  },
};
