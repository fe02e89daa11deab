/**
 * The two CSR registers: the CSR list (顾客特定要求清单) that the CSR procedure names as its
 * record, and the CSR matrix (顾客特定要求矩阵) of IATF 16949 7.5.1.1 showing where each
 * requirement is addressed in the organisation's own documents.
 */
import { flowDownDecision, flowDownReadings } from "../../model/flow-down.js";
import { customerDate, implementationOverdue, lateForCustomer, type CustomerDate } from "../../model/customer-schedule.js";
import { lawHolidaysCounted, workdaysLate } from "../../model/calendar.js";
import { repositoryCalendar } from "../../load/calendar.js";
import { addressing, unconfirmedLinkText, categoryName, csrFacts, csrStatus, csrStatusText, DEFAULT_REVIEW_DAYS, implementationStatusText, verifiedByOwner, type CsrFacts } from "../../model/csr-status.js";
import { addressedWhenSuperseded } from "../../model/link-start.js";
import { changedEnds, SectionPrints } from "../../model/fingerprint.js";
import type { WorkCalendar } from "../../model/calendar.js";
import { currentReviewRound, reviewRounds, startedIn, workdaysPastDue, type Period, type ReviewRoundTimeliness } from "../../model/review-timeliness.js";
import { estimatedMark, periodTallyNote, supersededVerdict } from "./reviews.js";
import { clausesInProcess, csrProcesses, processesByDocument } from "./csr-processes.js";
import { periodAskedNotes, periodFilterText } from "./period.js";
import { filterNotesOf } from "./filter.js";
import { classificationName, csrClassification, highestClassification, isStateSecret } from "../../model/classification.js";
import { addressedSection, addressedSectionLabel } from "../../model/sections.js";
import type { ControlledDocument, Csr, Person, Process } from "../../model/types.js";
import { militaryParties } from "../../model/index.js";
import type { Table } from "../table.js";
import { csrDistributions, distributionRevision, redistributionDue } from "../../model/distribution.js";
import { recordsTextIn, type RecordDays } from "../../model/training.js";
import { csrTrainingReading } from "../../model/training-completion.js";
import { trainingRecordDays } from "../../load/training-records.js";
import { revisionNameIn } from "../../i18n/values.js";
import { compareSectionKeys, sectionSortKey } from "../../compare/sections.js";
import { clauseList, compareIds, csrAsOfNotes, csrsOn, customerName, departmentName, documentsOn, documentTitle, peopleOf, personName, statusLabel, t, versionInForce, wantsTranslationHints, withHints, type RegisterContext } from "./context.js";
import { decidedToMeet, dispositionKey } from "../../model/decision.js";

/**
 * The orders of the CSR registers (`--sort`): `id`, by customer and CSR id (the register as
 * numbered); `section`, by customer, then source document (in the order the customer's file lists
 * them), then the source revision the CSR cites, the current one first and earlier ones after it,
 * newest first (a requirement of a superseded revision, 8.4 of C, does not sit among the current
 * revision's sections: breaker64 P10), then the customer's section in natural order (1.1, 2.1, 3.2,
 * 3.10, 3.11, A.1), then id — the order an SQE reads the matrix in against the customer's own
 * document (IATF 16949 4.3.2; tester64 N3). The list in this order shows the source document and
 * revision beside the section (csrList).
 */
export const CSR_ORDERS = ["section", "id"] as const;
export type CsrOrder = (typeof CSR_ORDERS)[number];

/** The CSRs on `day` (csrsOn), of `customer` when given, in `order` (CSR_ORDERS; by customer and id when not given). */
function sortedCsrs(ctx: RegisterContext, day: string, customer?: string, order: CsrOrder = "id"): Csr[] {
  const csrs = csrsOn(ctx, day).filter((c) => customer === undefined || c.customer === customer);
  if (order === "id") return csrs.sort((a, b) => compareIds(a.customer, b.customer) || compareIds(a.id, b.id));
  // Each CSR's source document's place in its customer's file, how many revisions its own is behind the document's latest
  // (0 for the current one; one the file does not record after all), and its section's sort key, found once rather than per comparison.
  const placeOf = (csr: Csr) => {
    const sources = ctx.index.customers.get(csr.customer)?.value.sources ?? [];
    const at = sources.findIndex((s) => s.id === csr.source.document);
    if (at < 0) return { source: Number.MAX_SAFE_INTEGER, behind: 0 };
    const revisions = sources[at]!.revisions;
    const revision = revisions.findIndex((r) => r.revision === csr.source.revision);
    return { source: at, behind: revision < 0 ? revisions.length : revisions.length - 1 - revision };
  };
  const keys = new Map(csrs.map((csr) => [csr, { ...placeOf(csr), section: sectionSortKey(csr.source.section) }]));
  return csrs.sort(
    (a, b) =>
      compareIds(a.customer, b.customer) ||
      keys.get(a)!.source - keys.get(b)!.source ||
      compareIds(a.source.document, b.source.document) ||
      keys.get(a)!.behind - keys.get(b)!.behind ||
      compareIds(a.source.revision, b.source.revision) ||
      compareSectionKeys(keys.get(a)!.section, keys.get(b)!.section) ||
      compareIds(a.id, b.id),
  );
}

/** The CSRs as the repository has them now, of `customer` when given: what the as-of note weighs. */
function recordedCsrs(ctx: RegisterContext, customer?: string): Csr[] {
  return ctx.repo.csrs.map((c) => c.value).filter((c) => customer === undefined || c.customer === customer);
}


/** A pinned link: confirmed, or suspect because one end changed since (csr/suspect-link). */
function linkLabel(ctx: RegisterContext, changed: { section: boolean; csr: boolean }): string {
  if (changed.section && changed.csr) return t(ctx, "register.csr.link.suspect-both");
  if (changed.section) return t(ctx, "register.csr.link.suspect-section");
  if (changed.csr) return t(ctx, "register.csr.link.suspect-requirement");
  return t(ctx, "register.csr.link.confirmed");
}

/** The source document as an auditor looks it up in the customer's file: its id, then its title ("VW-FQ Formel Q 能力"). */
function sourceTitle(ctx: RegisterContext, csr: Csr): string {
  const source = ctx.index.customers.get(csr.customer)?.value.sources?.find((s) => s.id === csr.source.document);
  if (!source) return csr.source.document;
  return `${csr.source.document} ${ctx.lang === "en" ? (source.title_en ?? source.title) : source.title}`;
}

/**
 * Whether the current review round closed within its period, in the words of the matrix: 按期,
 * 逾期 N 个工作日 (decided or confirmed after the deadline day, by N working days, at least 1), 未到期 (open, the
 * deadline day not passed) or 逾期未决 (open past the deadline day: how long, the CSR list's 剩余工作日 says), with the estimate mark of the
 * review-timeliness register when the deadline runs through a year without public holidays; 已替代（date，由 … 替代）
 * for a CSR superseded before its decision (逾期，已替代（…） when past its deadline then).
 */
function timelinessLabel(ctx: RegisterContext, round: ReviewRoundTimeliness, calendar: WorkCalendar): string {
  // Superseded undecided: no deadline running, so no estimate mark either.
  if (round.superseded) return supersededVerdict(ctx, round);
  const verdict =
    round.timeliness === "on-time"
      ? t(ctx, "register.csr.matrix.timeliness.on-time")
      : round.timeliness === "late"
        ? t(ctx, "register.csr.matrix.timeliness.late", { count: workdaysPastDue(round) })
        : round.timeliness === "overdue"
          ? t(ctx, "register.csr.matrix.timeliness.overdue")
          : t(ctx, "register.csr.matrix.timeliness.open");
  // A round closed by confirming a new source revision unchanged: its 决定日期 is the confirmation's, which the CSR
  // list and the review report give as such (tester49 #10).
  const confirmed = round.kind === "confirmed" ? t(ctx, "register.csr.matrix.confirmed") : "";
  return verdict + confirmed + estimatedMark(ctx, calendar, round.estimatedYears);
}

/** The CSR's status on `day`: addressed only by a document released by then (documentsOn). */
/** The customer's date of a CSR (model/customer-schedule.ts), printed beside 完成期限. */
function customerDateOf(ctx: RegisterContext, csr: Csr): CustomerDate | undefined {
  return customerDate(csr, ctx.index.customers.get(csr.customer)?.value);
}

/**
 * The requirements implemented, or planned, after the customer's date, as csr/late-for-customer
 * finds them (IATF 16949 7.5.3.2.2: on the customer's schedule): one note under the CSR list and the
 * matrix, each with its dates and the working days between, so the register shows what a due date
 * alone hid (tester52 D8).
 */
function lateForCustomerNotes(ctx: RegisterContext, csrs: readonly Csr[]): string[] {
  const late = lateForCustomerEntries(ctx, csrs).map((entry) => entry.text);
  return late.length === 0 ? [] : [t(ctx, "register.csr.late-for-customer", { count: late.length, ids: late.join(t(ctx, "register.list-separator")) })];
}

/**
 * The CSRs of `csrs` implemented, or planned, after the customer's date (lateForCustomer, as csr/late-for-customer finds
 * them; IATF 16949 7.5.3.2.2), each with `field` (implemented: put into production on `date`; due: planned for `date`) and
 * its text: "DYA-002（2026-04-20 导入生产，晚于 2026-04-01 12 个工作日）", with the reason when one is recorded. The CSR
 * list's note and the management review's row of CSRs implemented late (tester80 M5) print these.
 */
export function lateForCustomerEntries(ctx: RegisterContext, csrs: readonly Csr[]): { csr: Csr; field: "implemented" | "due"; date: string; text: string }[] {
  const calendar = repositoryCalendar(ctx.repo.config?.value);
  return csrs.flatMap((csr) => {
    const found = lateForCustomer(csr, ctx.index.customers.get(csr.customer)?.value);
    if (!found) return [];
    const data = { id: csr.id, date: found.date, required: found.customer.date, count: workdaysLate(calendar, found.customer.date, found.date) };
    const implemented = found.field === "implemented";
    // A reason recorded (csr implement --late-reason) settles the finding, not the fact: still listed, with it.
    const reason = csr.implementation?.late_reason;
    const text =
      reason !== undefined
        ? t(ctx, implemented ? "register.csr.late-for-customer.implemented-reason" : "register.csr.late-for-customer.due-reason", { ...data, reason })
        : t(ctx, implemented ? "register.csr.late-for-customer.implemented" : "register.csr.late-for-customer.due", data);
    return [{ csr, field: found.field, date: found.date, text }];
  });
}

/**
 * A line naming the CSRs listed whose record says 已验证 by the implementation's owner (verifiedByOwner,
 * tester53 N4): their status is marked and counted as 已实施, and the reader of a register is told why.
 */
function verifiedByOwnerNotes(ctx: RegisterContext, csrs: readonly Csr[]): string[] {
  const ids = csrs.filter((csr) => verifiedByOwner(csr, ctx.repo.config?.value)).map((csr) => csr.id);
  return ids.length === 0 ? [] : [t(ctx, "register.csr.verified-by-owner", { count: ids.length, ids: ids.join(t(ctx, "register.list-separator")) })];
}

function statusOf(ctx: RegisterContext, csr: Csr, day: string): string {
  const documents = documentsOn(ctx, day).byId;
  const config = ctx.repo.config?.value;
  return csrStatusText(csr, csrStatus(csr, (id) => documents.get(id), day, config), config, ctx.lang);
}

/**
 * The decided requirements (to meet: must or optional) that no place addresses on `today`
 * (addressing), each with why its places do not ("DYA-008（QP-014 A/2 2026-12-20 实施）", "BCM-004（WI-011-01
 * 尚未发布）", "GWM-001（QP-007 的链接待确认）"): the CSR list and the matrix name the same ones, whose status is 已决定
 * (待确认落实 when only links to be confirmed are in the way).
 */
function unaddressedCsrs(ctx: RegisterContext, csrs: readonly Csr[], documents: ReadonlyMap<string, ControlledDocument>, today: string): string[] {
  return csrs.flatMap((csr) => {
    if (csr.superseded || !decidedToMeet(csr.review?.decision)) return [];
    const places = (csr.addressed ?? []).map((place) => ({ place, standing: addressing(place, documents.get(place.document), today, csr) }));
    if (places.some(({ standing }) => standing.counts)) return [];
    const why = places.map(({ place, standing }) =>
      standing.counts
        ? ""
        : standing.why === "pending" || standing.why === "later"
          ? t(ctx, `register.csr.unaddressed.${standing.why}`, { document: place.document, version: standing.version, date: standing.date })
          : standing.why === "revised"
          ? t(ctx, "register.csr.unaddressed.revised", { document: place.document, revision: standing.revision })
          : standing.why === "suspect"
          ? t(ctx, "register.csr.unaddressed.suspect", { document: place.document })
          : standing.why === "draft"
          ? t(ctx, "register.csr.unaddressed.draft", { document: place.document, version: standing.version })
          : t(ctx, `register.csr.unaddressed.${standing.why}`, { document: place.document }),
    );
    return [why.length === 0 ? csr.id : t(ctx, "register.csr.unaddressed.why", { id: csr.id, why: [...new Set(why)].join(t(ctx, "register.list-separator")) })];
  });
}

function dispositionOf(ctx: RegisterContext, csr: Csr): string {
  const decision = csr.review?.decision;
  return decision ? t(ctx, `register.disposition.${dispositionKey(decision)}`) : "";
}

/**
 * 处置理由 as the CSR list and the matrix print it: the decision's justification, then, for a requirement rejected
 * as written, the alternative agreed with the customer that is met instead (IATF 16949 4.3.2), on a line of its own.
 */
function justificationOf(ctx: RegisterContext, csr: Csr): string {
  const decision = csr.review?.decision;
  const alternative = decision?.alternative;
  const agreed = alternative
    ? t(ctx, "register.csr.alternative", { text: alternative.text, with: alternative.agreed_with, on: alternative.agreed_on, record: alternative.record ? t(ctx, "show.alternative.record", { record: alternative.record }) : "" })
    : undefined;
  return [decision?.justification, agreed].filter((part) => part).join("\n");
}

function csrTitle(ctx: RegisterContext, csr: Csr): string {
  return ctx.lang === "en" ? (csr.title_en ?? csr.title) : csr.title;
}

/**
 * The signed review record's number (评审记录编号) as the list writes it: the form, then which filled-in
 * record ("QR-015-01 2023-07 第12号"), which `csr import --as csr` splits again at the form's number.
 * A record that only has a note (a decision imported from a list: 从 顾客特定要求清单.xlsx 第 5 行导入) prints
 * the note, as `csr show` does: the evidence an auditor sampling the list is to look for, not a blank
 * (tester54b B21); `csr import --as csr` reads it back as the note.
 */
function reviewRecordCell(csr: Csr): string {
  const record = csr.review?.record;
  return [record?.form, record?.ref].filter(Boolean).join(" ") || (record?.note ?? "");
}

/** What `csr list csr`'s filters keep, as the list's title says it (`顾客：东岳汽车`) and its file is named (`DYA`). */
export interface CsrListFilter {
  parts: string[];
  name: string[];
}

/** The processes each of `csrs` concerns on `today` (csrProcesses over the documents in force that day). */
function processesOfCsrs(ctx: RegisterContext, today: string, csrs: readonly Csr[]): Map<Csr, Process[]> {
  const processes = ctx.repo.processes.map((p) => p.value);
  const byDocument = processesByDocument(processes, documentsOn(ctx, today).list);
  return new Map(csrs.map((csr) => [csr, csrProcesses(csr, byDocument, processes)]));
}

/**
 * The CSR list (顾客特定要求清单), the one definition behind `csr list csr` and the export's sheet:
 * every fact of a requirement that a list can carry (what it is, when the review started, the
 * decision and the number of its signed record, who implements it by when, where it is addressed,
 * when it was implemented and verified, what superseded it), and, on `today`, the review deadline
 * and the working days left of an open review. `csr import --as csr` reads it back, so a workbook
 * round-trips (test/audit/csr-round-trip.test.ts; what a list cannot carry — the opinions, the
 * distribution and training records — is listed in README.md); the derived columns (review due,
 * days left, status) are recomputed, not imported. `keep` narrows the rows (the command's
 * filters); `process` keeps those whose addressing documents serve the process (csrProcesses,
 * IATF 16949 9.2.2.1 and 9.2.2.3) and names under the list the ones no document places in any
 * process yet that cite its clauses; a terminal shows the columns of `terminal` only.
 */
export function csrList(ctx: RegisterContext, options: { today: string; customer?: string; keep?: (csr: Csr, facts: CsrFacts) => boolean; filter?: CsrListFilter; period?: Period; process?: Process; order?: CsrOrder }): Table {
  const config = ctx.repo.config?.value;
  const documents = documentsOn(ctx, options.today).byId;
  const process = options.process;
  const factsContext = { config, calendar: repositoryCalendar(config), document: (id: string) => documents.get(id), today: options.today };
  const prints = new SectionPrints(ctx.textOf);
  const period = options.period;
  const recordDays = trainingRecordDays(ctx.repo);
  // Those training is counted for, once for every row's 培训 (trainingCell).
  const people = peopleOf(ctx);
  const kept = sortedCsrs(ctx, options.today, options.customer, options.order)
    .map((csr) => ({ csr, facts: csrFacts(csr, factsContext), rounds: reviewRounds(csr, factsContext.calendar, config, options.today, ctx.index.customers.get(csr.customer)?.value) }))
    .filter(({ rounds }) => period === undefined || rounds.some((round) => startedIn(round, period)))
    .filter(({ csr, facts }) => options.keep?.(csr, facts) ?? true);
  // The requirements no document places in any process yet, whose clauses the process asked for addresses: named under
  // the list, not listed, as they are not placed by a document (a CSR received but not reviewed: tester62 N8's BCM-005).
  // The processes each CSR concerns, worked out only for --process, once per CSR.
  const concerned = process ? processesOfCsrs(ctx, options.today, kept.map(({ csr }) => csr)) : undefined;
  const unplaced = process ? kept.filter(({ csr }) => concerned!.get(csr)!.length === 0).flatMap(({ csr }) => {
    const clauses = clausesInProcess(csr, process);
    return clauses.length > 0 ? [t(ctx, "register.csr.list.process-by-clause.item", { id: csr.id, clauses: clauseList(ctx, clauses) })] : [];
  }) : [];
  const rows = process ? kept.filter(({ csr }) => concerned!.get(csr)!.includes(process)) : kept;
  const overdue = rows.filter((r) => r.facts.daysLeft !== undefined && r.facts.daysLeft < 0).length;
  // Reviewed late, not only late now (tester52 D2): the CSRs whose rounds still on record were decided or confirmed after the deadline,
  // or superseded undecided past it; "评审逾期 0 项" alone read as "none was late".
  const lateOf = (verdict: ReviewRoundTimeliness["timeliness"]) => rows.filter((r) => standing(r.rounds).some((round) => round.timeliness === verdict)).map((r) => r.csr.id);
  const decidedLate = lateOf("late");
  const supersededLate = lateOf("superseded-overdue");
  const unaddressed = unaddressedCsrs(ctx, rows.map((r) => r.csr), documents, options.today);
  // A deadline or a count of days left through a year without public holidays is an estimate: say so under the list.
  const estimatedOf = ({ facts }: (typeof rows)[number]): number[] =>
    facts.due === undefined ? [] : [...factsContext.calendar.yearsWithoutData(facts.reviewStart, facts.due), ...factsContext.calendar.yearsWithoutData(options.today, facts.due)];
  const estimated = [...new Set(rows.flatMap(estimatedOf))].sort();
  // A list narrowed by the command's filters says so in its title and a note, and names its CSV file
  // after them, as the distribution register does (auditor16 F25: a filtered list passed for the whole).
  const filter = options.filter && options.filter.parts.length > 0 ? options.filter : undefined;
  const untranslated = untranslatedNotes(ctx, rows.map((r) => r.csr));
  const filterText = filter?.parts.join(t(ctx, "register.remarks-separator"));
  const whole = { register: t(ctx, "register.csr.whole"), command: "csr list csr" };
  const estimatedYears = estimated.join(t(ctx, "register.list-separator"));
  // A year before the law's public holidays was counted Monday to Friday: the notes say which count it was.
  const weekdaysOnly = !lawHolidaysCounted(factsContext.calendar, estimated);
  // A GJB register of requirements from classified contracts marks each with its 密级; one without markings (IATF) keeps its columns.
  const classified = rows.some(({ csr }) => classificationOf(ctx, csr) !== "");
  const military = withMilitaryRepresentative(ctx, rows.map((r) => r.csr));
  // The list quotes each requirement's text: printed, it is a carrier of the highest 密级 among them (tester56 D3).
  const carried = highestClassification(rows.map(({ csr }) => classificationOf(ctx, csr)));
  const title = filterText !== undefined ? t(ctx, "register.csr.list.title-filtered", { filter: filterText, count: rows.length }) : t(ctx, "register.csr.list.title", { count: rows.length });
  // 期限说明, beside 剩余工作日: a decision taken after the deadline, by how many working days, as the matrix and the
  // review-timeliness register say it.
  const notes = rows.map(({ csr, facts, rounds }) => (facts.daysLeft === undefined ? decidedLateText(ctx, confirmationOf(csr, rounds) ?? decisionRound(rounds)) : null));
  const noted = notes.some((note) => note);
  const remarked = rows.some(({ csr }) => csr.remarks !== undefined);
  // An 80-column terminal cannot hold the ten columns with the section (tester64 N3): the requirement, its section, status and deadline.
  return narrowedOn(ctx, "register.csr.list.narrow", ["id", "section", "title", "status", "reviewDue"], {
    id: "csr-list",
    title,
    // Sections, texts and evidence as the customer and the organisation wrote them: an English list says how many it quotes in Chinese.
    quotes: true,
    ...(carried ? { classification: carried } : {}),
    // Its review deadlines and working days left hold on one day only: a CSV, which has no heading, ends each row with it (tester49 #6).
    asOf: { date: options.today, undatedTitle: title },
    ...(filter && filterText !== undefined ? { filtered: { filter: filterText, ...whole, name: ["csr", ...filter.name].join("-") } } : {}),
    sheet: t(ctx, "register.csr.list.sheet"),
    columns: [
      { key: "no", header: t(ctx, "register.csr.list.column.no"), kind: "number" },
      { key: "id", header: t(ctx, "register.csr.list.column.id"), kind: "id" },
      { key: "customer", header: t(ctx, "register.csr.list.column.customer"), kind: "code" },
      { key: "customerName", header: t(ctx, "register.csr.list.column.customerName") },
      { key: "source", header: t(ctx, "register.csr.list.column.source"), kind: "id" },
      { key: "revision", header: t(ctx, "register.csr.list.column.revision"), kind: "code" },
      { key: "section", header: t(ctx, "register.csr.list.column.section") },
      { key: "clauses", header: t(ctx, "register.csr.list.column.clauses"), kind: "list" },
      { key: "title", header: t(ctx, "register.csr.list.column.title") },
      { key: "text", header: t(ctx, "register.csr.list.column.text"), kind: "prose" },
      { key: "category", header: t(ctx, "register.csr.list.column.category") },
      ...(classified ? [{ key: "classification", header: t(ctx, "register.csr.list.column.classification"), kind: "code" as const }] : []),
      { key: "received", header: t(ctx, "register.csr.list.column.received"), date: true },
      { key: "restarted", header: t(ctx, "register.csr.list.column.restarted"), date: true },
      { key: "reviewDue", header: t(ctx, "register.csr.list.column.reviewDue"), date: true },
      { key: "daysLeft", header: t(ctx, "register.csr.list.column.daysLeft"), kind: "number" },
      // Only where a row has one: a list without any keeps the columns it had.
      ...(noted ? [{ key: "deadlineNote", header: t(ctx, "register.csr.list.column.deadlineNote"), note: true }] : []),
      { key: "disposition", header: t(ctx, "register.csr.list.column.disposition"), kind: "code" },
      { key: "decidedBy", header: t(ctx, "register.csr.list.column.decidedBy"), kind: "name" },
      { key: "decided", header: t(ctx, "register.csr.list.column.decided"), date: true },
      // Only where a CSR's current source revision was confirmed unchanged: a repository with none keeps the list it had.
      ...(rows.some(({ csr, rounds }) => confirmationOf(csr, rounds))
        ? [
            { key: "confirmedBy", header: t(ctx, "register.csr.list.column.confirmedBy"), kind: "name" as const },
            { key: "confirmed", header: t(ctx, "register.csr.list.column.confirmed"), date: true },
          ]
        : []),
      // GJB 9001C 8.2.3: the customer's 军代表 signs the review report; the list says who and when, where the organisation has
      // a military representative office (or one signed): an IATF list gains no empty column (tester56 D12).
      ...(military
        ? [
            { key: "militaryRepresentative", header: t(ctx, "register.csr.list.column.militaryRepresentative"), kind: "name" as const },
            { key: "militaryRepresentativeSigned", header: t(ctx, "register.csr.list.column.militaryRepresentativeSigned"), date: true },
          ]
        : []),
      { key: "justification", header: t(ctx, "register.csr.list.column.justification") },
      { key: "lateReason", header: t(ctx, "register.csr.list.column.lateReason") },
      { key: "reviewRecord", header: t(ctx, "register.csr.list.column.reviewRecord"), kind: "list" },
      // Who signed the review report as its team leader (评审组长, review.leader), by name as 决定人 is; csr import reads it back.
      { key: "reviewLeader", header: t(ctx, "register.csr.list.column.reviewLeader"), kind: "name" },
      { key: "owner", header: t(ctx, "register.csr.list.column.owner"), kind: "name" },
      { key: "due", header: t(ctx, "register.csr.list.column.due"), date: true },
      // Only where a customer set a date: a repository that records none keeps the list it had.
      ...(rows.some(({ csr }) => customerDateOf(ctx, csr)) ? [{ key: "requiredBy", header: t(ctx, "register.csr.list.column.requiredBy"), date: true }] : []),
      { key: "implementationStatus", header: t(ctx, "register.csr.list.column.implementationStatus"), kind: "code" },
      { key: "addressed", header: t(ctx, "register.csr.list.column.addressed") },
      { key: "implemented", header: t(ctx, "register.csr.list.column.implemented"), date: true },
      { key: "evidence", header: t(ctx, "register.csr.list.column.evidence") },
      { key: "verifiedBy", header: t(ctx, "register.csr.list.column.verifiedBy"), kind: "name" },
      { key: "verified", header: t(ctx, "register.csr.list.column.verified"), date: true },
      // Registered in the CSR list, as the examples' QP-015 A/2 §5.7 and §5.9 have it (tester55 C5): to whom and when it went,
      // and its training, as `csr show` prints them; csr import says it does not read them (csr distribute / csr train keep them).
      { key: "distributed", header: t(ctx, "register.csr.list.column.distributed") },
      // Only where a CSR was passed down to suppliers or is to be (IATF 16949 8.4.3.1): a list without any keeps its columns.
      ...(rows.some(({ csr }) => csr.flow_down) ? [{ key: "flowDown", header: t(ctx, "register.csr.list.column.flowDown") }] : []),
      { key: "training", header: t(ctx, "register.csr.list.column.training") },
      { key: "superseded", header: t(ctx, "register.csr.list.column.superseded"), date: true },
      { key: "supersededReason", header: t(ctx, "register.csr.list.column.supersededReason") },
      { key: "supersededBy", header: t(ctx, "register.csr.list.column.supersededBy"), kind: "id" },
      { key: "status", header: t(ctx, "register.csr.list.column.status"), kind: "code" },
      // The CSR's 备注 (csr set --remarks; tester76 M9), last as a list keeps it; only where a CSR has one, so a list without any keeps its columns.
      ...(remarked ? [{ key: "remarks", header: t(ctx, "register.csr.list.column.remarks"), remarks: true }] : []),
    ],
    // The customer's section beside the customer: the number the SQE reads the list by (tester64 N3); in section order
    // with the source document and revision it is a section of, which that order follows (breaker64 P10).
    terminal: ["id", "customer", ...(options.order === "section" ? ["source", "revision"] : []), "section", "title", ...(classified ? ["classification"] : []), "clauses", "status", "reviewDue", "daysLeft", ...(noted ? ["deadlineNote"] : []), "owner"],
    // Printed in bands (too wide for one page): what the requirement is, how it was reviewed, how it is implemented.
    banding: {
      repeat: ["no", "id", "customer"],
      groups: [
        { title: t(ctx, "register.csr.list.group.requirement"), from: "customerName" },
        { title: t(ctx, "register.csr.list.group.review"), from: "received" },
        { title: t(ctx, "register.csr.list.group.implementation"), from: "owner" },
      ],
    },
    rows: rows.map(({ csr, facts, rounds }, i) => {
      // The round of the current source revision when it was confirmed unchanged (tester54a A5): its deadline, lateness and
      // late reason are the row's, as the matrix prints them; the decision it kept stays in 处置, 决定人 and 决定日期.
      const confirmation = confirmationOf(csr, rounds);
      const current = confirmation ?? decisionRound(rounds);
      return {
      no: i + 1,
      id: csr.id,
      customer: csr.customer,
      customerName: customerName(ctx, csr.customer),
      source: csr.source.document,
      revision: csr.source.revision,
      section: csr.source.section ?? "",
      clauses: clauseList(ctx, csr.clauses),
      title: csrTitle(ctx, csr),
      text: csr.text ?? "",
      category: categoryName(ctx.repo.config?.value, csr.category, ctx.lang),
      ...(classified ? { classification: classificationName(ctx.lang, classificationOf(ctx, csr)) } : {}),
      received: csr.received,
      restarted: csr.review?.restarted ?? null,
      // The deadline of the decision's round stays once decided: the late reason beside it explains a deadline missed (tester52 D2).
      reviewDue: facts.due ?? deadlineOf(current),
      // A number, or nothing: a spreadsheet sorts and sums the column (aud68 A5). What a number cannot say is in 期限说明 beside it.
      daysLeft: facts.daysLeft ?? null,
      ...(noted ? { deadlineNote: notes[i] ?? "" } : {}),
      disposition: dispositionOf(ctx, csr),
      decidedBy: personName(ctx, csr.review?.decision?.by),
      decided: csr.review?.decision?.date ?? null,
      confirmedBy: personName(ctx, confirmation?.by),
      confirmed: confirmation?.decided ?? null,
      ...(military ? militarySignature(ctx, csr) : {}),
      justification: justificationOf(ctx, csr),
      // The current round's: a round still open has no late decision to explain; a late confirmation has a reason of its own.
      lateReason: confirmation ? (confirmation.lateReason ?? "") : ((csr.review?.decision && csr.review.late_reason) ?? ""),
      reviewRecord: reviewRecordCell(csr),
      reviewLeader: personName(ctx, csr.review?.leader?.by),
      owner: personName(ctx, csr.implementation?.owner),
      due: csr.implementation?.due ?? null,
      // The customer's date beside the internal one (IATF 16949 7.5.3.2.2: on the customer's schedule); csr import
      // reads back only one that differs from the source revision's 实施日期, the CSR's own.
      requiredBy: customerDateOf(ctx, csr)?.date ?? null,
      implementationStatus: implementationStatusText(csr, ctx.repo.config?.value, ctx.lang),
      // One place per line, number first, as `csr import --as csr` reads it back; the version and section as the
      // matrix cites them (the document's own number and title), not as typed (auditor16 F5, tester55 C6).
      addressed: addressedPlaces(ctx, csr, documents, options.today, prints).map((place) => listedPlace(ctx, place)).join("\n"),
      implemented: csr.implementation?.implemented ?? null,
      evidence: csr.implementation?.evidence ?? "",
      verifiedBy: personName(ctx, csr.implementation?.verified?.by),
      verified: csr.implementation?.verified?.date ?? null,
      distributed: distributedCell(ctx, csr),
      flowDown: flowDownCell(ctx, csr, options.today),
      training: trainingCell(ctx, csr, people, recordDays, options.today),
      superseded: csr.superseded?.date ?? null,
      supersededReason: csr.superseded?.reason ?? "",
      supersededBy: csr.superseded?.by ?? "",
      ...(remarked ? { remarks: csr.remarks ?? "" } : {}),
      // A deadline through a year without public holidays is an estimate, said in the cell as the matrix and the
      // review-timeliness register say it: a CSV has no notes (tester49 #6).
      status: csrStatusText(csr, facts.status, ctx.repo.config?.value, ctx.lang) + estimatedMark(ctx, factsContext.calendar, estimatedOf(rows[i]!)),
      };
    }),
    notes: [
      ...(filterText !== undefined ? [t(ctx, "register.filter.note", { filter: filterText, ...whole })] : []),
      ...(unplaced.length > 0 ? [t(ctx, "register.csr.list.process-by-clause", { count: unplaced.length, ids: unplaced.join(t(ctx, "register.list-separator")) })] : []),
      ...periodAskedNotes(ctx, period),
      t(ctx, "register.csr.list.note", {
        overdue,
        late: decidedLate.length === 0 ? t(ctx, "register.csr.list.decided-late-none") : t(ctx, "register.csr.list.decided-late", { count: decidedLate.length, ids: decidedLate.join(t(ctx, "register.list-separator")) }),
        superseded: supersededLate.length === 0 ? "" : t(ctx, "register.csr.list.superseded-late", { count: supersededLate.length, ids: supersededLate.join(t(ctx, "register.list-separator")) }),
      }),
      ...(noted ? [t(ctx, "register.csr.list.deadline-note")] : []),
      ...(period
        ? [periodTallyNote(ctx, period, rows.flatMap(({ csr, rounds }) => rounds.filter((round) => startedIn(round, period)).map((round) => ({ id: csr.id, round })))), implementationNote(ctx, rows.map((r) => r.csr), options.today)]
        : []),
      ...confirmedNotes(ctx, rows),
      ...lateForCustomerNotes(ctx, rows.map((r) => r.csr)),
      ...verifiedByOwnerNotes(ctx, rows.map((r) => r.csr)),
      ...(unaddressed.length > 0 ? [t(ctx, "register.csr.matrix.unaddressed", { ids: unaddressed.join(t(ctx, "register.list-separator")) })] : []),
      ...(estimated.length > 0 ? [t(ctx, weekdaysOnly ? "calendar.estimated-list-weekdays" : "calendar.estimated-list", { years: estimatedYears, count: estimated.length })] : []),
      ...csrAsOfNotes(ctx, options.today, recordedCsrs(ctx, options.customer), rows.map((r) => r.csr)),
    ],
    // How to add the missing holidays is for the one who runs the command; the register says only how it counted.
    ...withHints([...untranslated, ...(estimated.length > 0 ? [t(ctx, weekdaysOnly ? "calendar.estimated-list.hint-weekdays" : "calendar.estimated-list.hint", { years: estimatedYears, count: estimated.length })] : [])]),
  });
}

/**
 * Whether the CSR registers have the 军代表 columns: the organisation has a military representative office (qms.yaml
 * `external_parties` of kind military-representative), as the review report has its 军代表 cell, or a CSR listed records one.
 */
function withMilitaryRepresentative(ctx: RegisterContext, csrs: readonly Csr[]): boolean {
  return militaryParties(ctx.index).length > 0 || csrs.some((csr) => csr.review?.military_representative !== undefined);
}

/** The 军代表's signature of the current round's review report (review.military_representative): who, and the day signed. */
function militarySignature(ctx: RegisterContext, csr: Csr): { militaryRepresentative: string; militaryRepresentativeSigned: string | null } {
  const signed = csr.review?.military_representative;
  return { militaryRepresentative: personName(ctx, signed?.by), militaryRepresentativeSigned: signed?.date ?? null };
}

/**
 * 发放 as `csr show` prints it, one distribution a line: the departments and the day ("生产部、品质部、采购物流部，
 * 2025-09-18 发放"), each naming its source revision once one is of an earlier wording, and a current revision
 * re-reviewed but not distributed again said on a line of its own ("V3.0 版尚未发放"; model/distribution.ts).
 */
function distributedCell(ctx: RegisterContext, csr: Csr): string {
  const entries = csrDistributions(csr);
  const named = entries.some((d) => distributionRevision(csr, d) !== csr.source.revision);
  const lines = entries.map((d) => {
    const revision = named ? distributionRevision(csr, d) : undefined;
    const departments = d.departments.map((code) => departmentName(ctx, code)).join(t(ctx, "register.list-separator"));
    const text = d.date ? t(ctx, "register.csr.list.distributed", { departments, date: d.date }) : departments;
    return revision === undefined ? text : t(ctx, "register.csr.list.distributed.revision", { revision: revisionNameIn(ctx.lang, revision), text });
  });
  const due = redistributionDue(csr);
  return [...lines, ...(due ? [t(ctx, "register.csr.list.distributed.pending", { revision: revisionNameIn(ctx.lang, due.revision) })] : [])].join("\n");
}

/**
 * 培训 as `csr show` states it on `today` (model/training-completion.ts csrTrainingReading: 已培训, 部分培训（已培训 2/9 人）, 需要培训, 不需要培训), then each session a
 * line with its day and record number ("2026-10-28 TR-2026-041"; of an earlier source revision, named), and the record
 * numbers recorded without a session (recordsTextIn: one of an earlier revision says so); blank when nothing is recorded.
 */
function trainingCell(ctx: RegisterContext, csr: Csr, people: readonly Person[], days: RecordDays, today: string): string {
  if (!csr.training) return "";
  const sessions = (csr.training.sessions ?? []).map((s) =>
    [s.date, s.revision !== undefined && s.revision !== csr.source.revision ? t(ctx, "register.csr.list.training.revision", { revision: revisionNameIn(ctx.lang, s.revision) }) : "", s.record ?? ""].filter(Boolean).join(" "),
  );
  // A record number given on its own says when it trained an earlier revision, as csr show says it (tester56 D4).
  const records = csr.training.records?.length ? recordsTextIn(ctx.lang, csr, days) : [];
  const reading = csrTrainingReading(csr, people, ctx.repo.config?.value, today, days);
  return [
    t(ctx, `train.state.${reading.state}`, { ...reading }),
    ...sessions,
    ...(records.length > 0 ? [t(ctx, "register.csr.list.training.records", { records: records.join(t(ctx, "register.list-separator")) })] : []),
  ].join("\n");
}

/**
 * The period's 实施完成率, beside its 评审及时率 (the examples' QP-015 §5.14 reports both to management
 * review): of the CSRs listed that are to be met (decided must or optional, not superseded), how many
 * were implemented in production (implemented or verified), how many of those verified, and which
 * are past their implementation deadline on `today` without it (implementationOverdue: the earlier of
 * the internal due date and the customer's date).
 */
function implementationNote(ctx: RegisterContext, csrs: readonly Csr[], today: string): string {
  const toMeet = csrs.filter((csr) => !csr.superseded && decidedToMeet(csr.review?.decision));
  if (toMeet.length === 0) return t(ctx, "register.period.implementation-none");
  const done = toMeet.filter((csr) => csr.implementation?.status === "implemented" || csr.implementation?.status === "verified");
  // 已验证 by the implementation's owner is no verification: counted as implemented only, and said (tester53 N4).
  const byOwner = done.filter((csr) => verifiedByOwner(csr, ctx.repo.config?.value)).map((csr) => csr.id);
  const verified = done.filter((csr) => csr.implementation?.status === "verified").length - byOwner.length;
  // Past the earlier of the internal due date and the customer's date, as csr/implementation-overdue and the management review count it.
  const overdue = toMeet.filter((csr) => !done.includes(csr) && implementationOverdue(csr, ctx.index.customers.get(csr.customer)?.value, today) !== undefined).map((csr) => csr.id);
  return t(ctx, "register.period.implementation", {
    count: toMeet.length,
    done: done.length,
    verified,
    byOwner: byOwner.length === 0 ? "" : t(ctx, "register.period.implementation-verified-by-owner", { count: byOwner.length, ids: byOwner.join(t(ctx, "register.list-separator")) }),
    rate: `${Math.round((done.length / toMeet.length) * 1000) / 10}%`,
    overdue: overdue.length === 0 ? "" : t(ctx, "register.period.implementation-overdue", { count: overdue.length, ids: overdue.join(t(ctx, "register.list-separator")) }),
  });
}

/** The rounds still on record (standingReviewRounds): no new source revision closed them. */
function standing(rounds: readonly ReviewRoundTimeliness[]): ReviewRoundTimeliness[] {
  return rounds.filter((round) => round.closed === undefined);
}

/** The round of the current decision (or the open review): the last standing round that is not a confirmation of an unchanged source revision. */
function decisionRound(rounds: readonly ReviewRoundTimeliness[]): ReviewRoundTimeliness | undefined {
  return standing(rounds).filter((round) => round.kind !== "confirmed").at(-1);
}

/**
 * 传递至供方 as `csr show` says it, one supplier a line: its latest passing (document and revision, day), then 已回执
 * with its day, 未回执, or 待重新传递 once the CSR's source or the document was revised (model/flow-down.ts); a CSR to be
 * passed down that reached no supplier says 须传递，未传递; one decided not to apply to suppliers 不适用 with its reason.
 */
function flowDownCell(ctx: RegisterContext, csr: Csr, today: string): string {
  const readings = flowDownReadings(csr, ctx.index.documents, today);
  if (readings.length === 0) {
    const decision = flowDownDecision(csr);
    return decision?.kind === "not-required" ? t(ctx, "register.csr.list.flow-down.not-required", { reason: decision.reason }) : decision ? t(ctx, "register.csr.list.flow-down.none") : "";
  }
  return readings
    .map(({ supplier, latest, status }) =>
      t(ctx, `register.csr.list.flow-down.${status.state}`, {
        supplier: departmentName(ctx, supplier),
        document: latest.revision ? `${latest.document} ${latest.revision}` : latest.document,
        date: latest.date,
        acknowledged: latest.acknowledged?.date ?? "",
      }),
    )
    .join("\n");
}

/** The CSR list's note on the rows whose current round confirmed a new source revision unchanged (tester54a A5): which, and what their columns then say. */
function confirmedNotes(ctx: RegisterContext, rows: readonly { csr: Csr; rounds: readonly ReviewRoundTimeliness[] }[]): string[] {
  const ids = rows.filter(({ csr, rounds }) => confirmationOf(csr, rounds)).map(({ csr }) => csr.id);
  return ids.length === 0 ? [] : [t(ctx, "register.csr.list.confirmed-note", { ids: ids.join(t(ctx, "register.list-separator")) })];
}

/**
 * The review round of `csr`'s current source revision when that revision was confirmed unchanged
 * (`csr source update --unchanged`, review.confirmations): the last round still on record, of kind
 * "confirmed", for csr.source.revision. Its `by` and `decided` are who confirmed and when; its due date
 * the confirmation's deadline (IATF 16949 7.5.3.2.2: a new revision reviewed within the review period).
 * Undefined when the current round is a decision or an open review.
 */
function confirmationOf(csr: Csr, rounds: readonly ReviewRoundTimeliness[]): ReviewRoundTimeliness | undefined {
  const last = standing(rounds).at(-1);
  return last?.kind === "confirmed" && last.revision === csr.source.revision ? last : undefined;
}

/** A round's deadline as the list prints it: none for a CSR superseded within its review period (no deadline ran out). */
function deadlineOf(round: ReviewRoundTimeliness | undefined): string | null {
  return round === undefined || round.timeliness === "superseded" ? null : round.due;
}

/** 剩余工作日 of a decided row: "逾期 3 个工作日作出结论" when decided late, else blank (no review left to run). */
function decidedLateText(ctx: RegisterContext, round: ReviewRoundTimeliness | undefined): string | null {
  return round?.timeliness === "late" ? t(ctx, "register.csr.list.days-late", { count: workdaysPastDue(round) }) : null;
}

/**
 * In English, one line each for what the list prints in Chinese for want of English (auditor16 F13):
 * how many titles and categories, and where their English goes. None in Chinese, nor when all have it.
 * Hints for the one who runs the command (Table.hints), not lines of the register (tester23 F12).
 */
function untranslatedNotes(ctx: RegisterContext, csrs: readonly Csr[]): string[] {
  // A repository kept in English has its titles and categories in English already (tester23 F22).
  if (!wantsTranslationHints(ctx)) return [];
  const titles = csrs.filter((csr) => !csr.title_en).length;
  const named = ctx.repo.config?.value.csr?.categories_en ?? {};
  const categories = new Set(csrs.map((csr) => csr.category).filter((category): category is string => category !== undefined && named[category] === undefined)).size;
  return [
    ...(titles > 0 ? [t(ctx, "register.csr.untranslated-titles", { count: titles })] : []),
    ...(categories > 0 ? [t(ctx, "register.csr.untranslated-categories", { count: categories })] : []),
  ];
}

/**
 * One row per place a requirement is addressed; a requirement addressed nowhere yet still has its row.
 * A row reads from the customer's side (source document, revision, section) through its review
 * (received, due, decided, on time: the current round as the review-timeliness register judges it
 * on `today`, IATF 16949 4.3.2 and 7.5.3.2.2) to the organisation's (document, the processes it
 * serves, section, version), as IATF 16949 7.5.1.1 asks the matrix to show: one sheet answers "where
 * is it addressed", "was it reviewed in time" and, for the audit programme (9.2.2.1), "in which
 * process is it audited".
 */
export function csrMatrix(ctx: RegisterContext, options: { customer?: string; today: string; period?: Period; order?: CsrOrder }): Table {
  const documents = documentsOn(ctx, options.today).byId;
  const processes = ctx.repo.processes.map((p) => p.value);
  const byDocument = processesByDocument(processes, documentsOn(ctx, options.today).list);
  const separator = t(ctx, "register.list-separator");
  const config = ctx.repo.config?.value;
  const calendar = repositoryCalendar(config);
  // --from/--to: the CSRs with a review round started in the period, counted under the matrix as in the CSR list.
  const inPeriod = periodRoundsOf(ctx, calendar, options.today, options.period);
  const csrs = sortedCsrs(ctx, options.today, options.customer, options.order).filter((csr) => inPeriod === undefined || inPeriod.some((entry) => entry.id === csr.id));
  const prints = new SectionPrints(ctx.textOf);
  let suspect = 0;
  let unconfirmed = 0;
  const withdrawn = new Set<string>();
  const classified = csrs.some((csr) => classificationOf(ctx, csr) !== "");
  const military = withMilitaryRepresentative(ctx, csrs);
  // Each row's summary says what the requirement asks: the matrix carries the highest 密级 among them, as the list does.
  const carried = highestClassification(csrs.map((csr) => classificationOf(ctx, csr)));
  // Links no record dates on a day whose revision or review round is not today's (model/link-start.ts): counted as recorded now, and said.
  const undated: string[] = [];
  const rows = csrs.flatMap((csr) => {
    const round = currentReviewRound(csr, calendar, config, options.today, ctx.index.customers.get(csr.customer)?.value);
    const base = {
      customer: customerName(ctx, csr.customer),
      source: sourceTitle(ctx, csr),
      revision: csr.source.revision,
      sourceSection: csr.source.section ?? "",
      id: csr.id,
      clauses: clauseList(ctx, csr.clauses),
      summary: csrTitle(ctx, csr),
      text: csr.text ?? "",
      ...(classified ? { classification: classificationName(ctx.lang, classificationOf(ctx, csr)) } : {}),
      start: round.start,
      reviewDue: round.timeliness === "superseded" ? null : round.due,
      disposition: dispositionOf(ctx, csr),
      justification: justificationOf(ctx, csr),
      decided: round.decided ?? null,
      timeliness: timelinessLabel(ctx, round, calendar),
      ...(military ? militarySignature(ctx, csr) : {}),
      owner: personName(ctx, csr.implementation?.owner),
      due: csr.implementation?.due ?? null,
      requiredBy: customerDateOf(ctx, csr)?.date ?? null,
      implemented: csr.implementation?.implemented ?? null,
      status: statusOf(ctx, csr, options.today),
      evidence: csr.implementation?.evidence ?? "",
      flowDown: flowDownCell(ctx, csr, options.today),
    };
    const places = addressedPlaces(ctx, csr, documents, options.today, prints);
    if (places.length === 0) return [{ ...base, document: "", processes: "", section: "", version: "", docTitle: "", link: "" }];
    return places.map(({ tally, remarks: _, historical, ...place }) => {
      if (tally.suspect) suspect++;
      if (tally.unconfirmed) unconfirmed++;
      if (tally.withdrawn) withdrawn.add(csr.id);
      if (tally.undated) undated.push(t(ctx, "register.csr.matrix.undated.link", { id: csr.id, document: place.document }));
      const version = historical ? t(ctx, "register.csr.matrix.version.when-superseded", { version: place.version }) : place.version;
      return { ...base, ...place, version, processes: (byDocument.get(place.document) ?? []).map((p) => p.code).join(separator) };
    });
  });
  const unaddressed = unaddressedCsrs(ctx, csrs, documents, options.today);
  // One customer's matrix, which goes to that customer's SQE, names the customer in its title and a note, as the CSR list
  // filtered by customer does, and is written as csr-matrix-GWM (tester64 N11); a period's comes first, as in the list.
  const parts = [
    ...(options.period ? [periodFilterText(ctx, options.period)] : []),
    ...(options.customer === undefined ? [] : [t(ctx, "register.filter.customer", { customer: customerName(ctx, options.customer) })]),
  ];
  const filtered = filterNotesOf(ctx, parts, "csr.matrix", "csr matrix csr", [options.period?.from, options.period?.to, options.customer]);
  const title = filtered ? t(ctx, "register.csr.matrix.title-period", { filter: filtered.title }) : t(ctx, "register.csr.matrix.title");
  // On a terminal too narrow for its 24 columns (every one a few characters wide, ids and dates cut in two: excel51): what the
  // requirement is, where it is addressed, in which process, and its status; the review's columns are in the files.
  return narrowedOn(ctx, "register.csr.matrix.narrow", ["id", "summary", "document", "version", "processes", "status"], {
    id: "csr-matrix",
    title,
    quotes: true,
    ...(carried ? { classification: carried } : {}),
    // An open review is 未到期 or 逾期未决 on one day only: a CSV says which.
    asOf: { date: options.today, undatedTitle: title },
    ...(filtered ? { filtered: filtered.filtered } : {}),
    sheet: t(ctx, "register.csr.matrix.sheet"),
    columns: [
      // The requirement's id first: a workbook printed several pages across repeats it on each (printLayout).
      { key: "id", header: t(ctx, "register.csr.matrix.column.id"), kind: "id" },
      { key: "customer", header: t(ctx, "register.csr.matrix.column.customer") },
      { key: "source", header: t(ctx, "register.csr.matrix.column.source") },
      { key: "revision", header: t(ctx, "register.csr.matrix.column.revision"), kind: "code" },
      // The customer's own section (来源章节) beside its document; the supplier's section (落实章节) is beside 落实文件.
      { key: "sourceSection", header: t(ctx, "register.csr.matrix.column.sourceSection") },
      { key: "clauses", header: t(ctx, "register.csr.matrix.column.clauses"), kind: "list" },
      { key: "summary", header: t(ctx, "register.csr.matrix.column.summary"), kind: "prose" },
      // The requirement as the customer wrote it, which the auditor reads against where it is addressed (tester74 T13).
      { key: "text", header: t(ctx, "register.csr.matrix.column.text"), kind: "prose" },
      ...(classified ? [{ key: "classification", header: t(ctx, "register.csr.matrix.column.classification"), kind: "code" as const }] : []),
      // What was decided about the requirement, beside it (a printed matrix's first part, tester74 T13): the current round's disposition.
      { key: "disposition", header: t(ctx, "register.csr.matrix.column.disposition"), kind: "code" },
      // Why a requirement does not apply or is not met as written, and the alternative agreed with the customer that is
      // (IATF 16949 4.3.2, tester74 T4): where a CSR listed has either, so a matrix without any keeps its columns.
      ...(csrs.some((csr) => justificationOf(ctx, csr) !== "") ? [{ key: "justification", header: t(ctx, "register.csr.list.column.justification"), kind: "prose" as const }] : []),
      // The current review round: its start (received, or restarted by a new source revision), due, decided, in time or
      // not. Headed 起算日期 as the review-timeliness register heads it: the CSR list's 接收日期 is the first receipt (auditor16 F18).
      { key: "start", header: t(ctx, "register.csr.matrix.column.start"), date: true },
      { key: "reviewDue", header: t(ctx, "register.csr.matrix.column.reviewDue"), date: true },
      { key: "decided", header: t(ctx, "register.csr.matrix.column.decided"), date: true },
      { key: "timeliness", header: t(ctx, "register.csr.matrix.column.timeliness") },
      ...(military
        ? [
            { key: "militaryRepresentative", header: t(ctx, "register.csr.list.column.militaryRepresentative"), kind: "name" as const },
            { key: "militaryRepresentativeSigned", header: t(ctx, "register.csr.list.column.militaryRepresentativeSigned"), date: true },
          ]
        : []),
      { key: "document", header: t(ctx, "register.csr.matrix.column.document"), kind: "id" },
      { key: "section", header: t(ctx, "register.csr.matrix.column.section") },
      // A list: "A/1；A/2 待实施（…）" breaks between the version in force and the one to come.
      { key: "version", header: t(ctx, "register.csr.matrix.column.version"), kind: "list" },
      { key: "docTitle", header: t(ctx, "register.csr.matrix.column.docTitle") },
      { key: "link", header: t(ctx, "register.csr.matrix.column.link"), kind: "code" },
      // The processes the document serves (processesByDocument, by servingDocuments: as csr list processes counts them), by code: where an internal
      // auditor samples the requirement (IATF 16949 9.2.2.1, 9.2.2.3; tester62 N8). After the document's columns, which 落实章节 follows (notes64).
      { key: "processes", header: t(ctx, "register.csr.matrix.column.processes"), kind: "list" },
      { key: "owner", header: t(ctx, "register.csr.matrix.column.owner"), kind: "name" },
      // The internal due date, the customer's and the day it went into production side by side, as QP-015 §5.5 has the
      // matrix record them (IATF 16949 7.5.3.2.2): a row implemented after the customer's date shows it (tester55 C9).
      { key: "due", header: t(ctx, "register.csr.list.column.due"), date: true },
      ...(csrs.some((csr) => customerDateOf(ctx, csr)) ? [{ key: "requiredBy", header: t(ctx, "register.csr.list.column.requiredBy"), date: true }] : []),
      { key: "implemented", header: t(ctx, "register.csr.list.column.implemented"), date: true },
      { key: "status", header: t(ctx, "register.csr.matrix.column.status"), kind: "code" },
      { key: "evidence", header: t(ctx, "register.csr.matrix.column.evidence"), kind: "prose" },
      // How the requirement reaches the suppliers (IATF 16949 8.4.3.1), where one was passed down or is to be: a matrix without any keeps its columns.
      ...(csrs.some((csr) => csr.flow_down) ? [{ key: "flowDown", header: t(ctx, "register.csr.list.column.flowDown") }] : []),
    ],
    // Printed in bands when too wide for one page (longer values than the examples'): the requirement and what was decided,
    // its review, where it is addressed. The first two are one row per requirement, the review's listing the documents and
    // sections that address it (tester74 T13: DYA-001 printed three times over, once per document).
    banding: {
      repeat: ["id", "customer"],
      merge: { key: "id", gather: { group: "start", header: t(ctx, "register.csr.matrix.column.document"), columns: ["document", "section"] } },
      groups: [
        { title: t(ctx, "register.csr.matrix.group.requirement"), from: "source" },
        { title: t(ctx, "register.csr.matrix.group.review"), from: "start" },
        { title: t(ctx, "register.csr.matrix.group.addressed"), from: "document" },
      ],
    },
    rows,
    notes: [
      ...(filtered ? [filtered.note] : []),
      ...(inPeriod ? [...periodAskedNotes(ctx, options.period), periodTallyNote(ctx, options.period!, inPeriod.filter((entry) => csrs.some((csr) => csr.id === entry.id)))] : []),
      // A CSR reviewed again after a new source revision shows that round: say where the earlier ones are.
      ...(csrs.length > 0 ? [t(ctx, "register.csr.matrix.current-round", { allowed: config?.csr?.review_days ?? DEFAULT_REVIEW_DAYS })] : []),
      ...(unaddressed.length
        ? [t(ctx, "register.csr.matrix.unaddressed", { ids: unaddressed.join(t(ctx, "register.list-separator")) })]
        : []),
      ...(withdrawn.size > 0 ? [t(ctx, "register.csr.matrix.withdrawn", { ids: [...withdrawn].join(t(ctx, "register.list-separator")) })] : []),
      ...(suspect > 0
        ? [t(ctx, "register.csr.matrix.suspect", { count: suspect })]
        : []),
      // What 未确认, 已确认 and 可疑 mean, or a reader takes a link never confirmed for "unchanged".
      ...(unconfirmed > 0 ? [t(ctx, "register.csr.matrix.unconfirmed", { count: unconfirmed })] : []),
      ...(undated.length > 0 ? [t(ctx, "register.csr.matrix.undated", { date: options.today, count: undated.length, links: undated.join(t(ctx, "register.list-separator")) })] : []),
      ...lateForCustomerNotes(ctx, csrs),
      ...verifiedByOwnerNotes(ctx, csrs),
      ...csrAsOfNotes(ctx, options.today, recordedCsrs(ctx, options.customer), csrs),
    ],
    // What to do about the withdrawn documents is for the one who runs the command, not the matrix's reader.
    ...withHints(withdrawn.size > 0 ? [t(ctx, "register.csr.matrix.withdrawn.hint")] : []),
  });
}

/**
 * A CSR register with what a terminal too narrow for it shows (Table `narrow`): the `columns` and, under them,
 * the note `key` naming the columns left out (of those a wider terminal shows, Table `terminal`), in the
 * table's order and headed as there, which the same command piped through less -S shows.
 */
function narrowedOn(ctx: RegisterContext, key: "register.csr.list.narrow" | "register.csr.matrix.narrow", columns: string[], table: Table): Table {
  const wider = table.terminal === undefined ? undefined : new Set(table.terminal);
  const kept = new Set(columns);
  const left = table.columns.filter((c) => (wider?.has(c.key) ?? true) && !kept.has(c.key)).map((c) => c.short ?? c.header);
  return { ...table, narrow: { columns, note: t(ctx, key, { columns: left.join(t(ctx, "register.list-separator")) }) } };
}

/** What the matrix counts under itself of one place: a suspect link, one never confirmed, a withdrawn document, a link undated. */
interface PlaceTally {
  suspect: boolean;
  unconfirmed: boolean;
  withdrawn: boolean;
  undated: boolean;
}

/** One place a CSR is addressed, as the matrix prints it: the document, its section, the version that addresses it, its title, the link's state. */
interface AddressedPlace {
  document: string;
  section: string;
  version: string;
  docTitle: string;
  link: string;
  /**
   * `version` is the one in force on the day the requirement was superseded, not today's: the matrix's 现行版本 cell says so
   * beside it (A/1（替代时）), so that it does not read as current beside a later requirement's A/2 (aud68 A7).
   */
  historical?: true;
  /** The link's state but for a section the document no longer has, which the list prints once, as the section. */
  remarks: string[];
  tally: PlaceTally;
}

/**
 * The places `csr` is addressed on `today`, each with the version of its document that addresses it
 * (the one in force, or, for a superseded requirement, the one in force when it was superseded) and
 * whether the link counts (链接状态: 已替代…，不计入落实, 待实施…, 可疑…): the matrix's columns and the
 * CSR list's 落实文件 (listedPlace), one reading for both (tester55 C6).
 */
function addressedPlaces(ctx: RegisterContext, csr: Csr, documents: ReadonlyMap<string, ControlledDocument>, today: string, prints: SectionPrints): AddressedPlace[] {
  const none: PlaceTally = { suspect: false, unconfirmed: false, withdrawn: false, undated: false };
  const link = (text: string) => ({ link: text, remarks: [text] });
  return (csr.addressed ?? []).map((place) => {
    const doc = documents.get(place.document);
    const standing = addressing(place, doc, today, csr);
    // A superseded requirement was addressed by the revision in force on the day it was superseded, not by a later one,
    // which may be the very revision that removed it, nor undone by a withdrawal after that day (model/link-start.ts, tester52 D1).
    const then = doc && csr.superseded ? addressedWhenSuperseded(doc, csr.superseded.date) : undefined;
    if (then?.kind === "in-force") {
      return {
        document: place.document,
        section: sectionCell(ctx, doc!, place.section),
        version: then.version,
        historical: true,
        docTitle: documentTitle(ctx, doc!),
        ...link(then.withdrawn ? t(ctx, "register.csr.link.superseded-withdrawn", { date: csr.superseded!.date, withdrawn: then.withdrawn }) : t(ctx, "register.csr.link.superseded", { date: csr.superseded!.date })),
        tally: none,
      };
    }
    // A withdrawn document no longer addresses the requirement (7.5.3.2): marked, with its date, and not counted (auditor17 F14).
    if (doc?.status === "obsolete") {
      return {
        document: place.document,
        section: sectionCell(ctx, doc, place.section),
        version: doc.obsolete?.date ? t(ctx, "register.csr.matrix.version.withdrawn", { date: doc.obsolete.date }) : statusLabel(ctx, doc.status),
        docTitle: documentTitle(ctx, doc),
        ...link(t(ctx, "register.csr.link.withdrawn")),
        tally: { ...none, withdrawn: !csr.superseded },
      };
    }
    if (doc && csr.superseded) {
      return {
        document: place.document,
        section: sectionCell(ctx, doc, place.section),
        version: statusLabel(ctx, doc.status),
        docTitle: documentTitle(ctx, doc),
        ...link(t(ctx, "register.csr.link.superseded", { date: csr.superseded.date })),
        tally: none,
      };
    }
    const ends = doc ? changedEnds(csr, place, doc, undefined, prints) : undefined;
    // A link made on the draft is compared with the text in force here, which it was not made against (tester56 D2).
    const changed = ends && place.pin?.draft ? { ...ends, section: false } : ends;
    // A link made against a revision released to take effect later counts from its 实施日期 (auditor17 F10): the cell says so.
    const pending = !standing.counts && standing.why === "pending" ? t(ctx, "register.csr.link.pending", { status: t(ctx, "register.status.pending", { date: standing.date }) }) : undefined;
    // A revision before the first one that cites the requirement in its round did not contain it yet (tester52 D3).
    const later =
      !standing.counts && standing.why === "later"
        ? t(ctx, "register.csr.link.later", { version: standing.version, date: standing.date })
        : // Made for the wording of an earlier source revision, not confirmed since the requirement changed (tester54a A4).
          !standing.counts && standing.why === "revised"
          ? t(ctx, "register.csr.link.revised", { revision: standing.revision, date: standing.date })
          : // Linked to the draft of the next revision: the version in force does not have the text (tester56 D2).
            !standing.counts && standing.why === "draft"
            ? t(ctx, "register.csr.link.draft", { version: standing.version, date: standing.date })
            : undefined;
    const undated = standing.counts && standing.undated === true;
    const section = sectionPlace(ctx, doc, place.section);
    // A link into a section the document no longer has is broken, not unconfirmed: its cell names the section as written,
    // marked not found as csr/section-missing says (a blank cell is counted as a link not yet confirmed).
    const gone = section.gone ? section.label : undefined;
    const suspect = !standing.counts && standing.why === "suspect" ? unconfirmedLinkText(standing, ctx.lang) : undefined;
    const remarks = [gone ? "" : (suspect ?? (changed ? linkLabel(ctx, changed) : "")), pending ?? "", later ?? "", undated ? t(ctx, "register.csr.link.undated") : ""].filter(Boolean);
    const unconfirmed = doc !== undefined && !changed && !pending && !later && !gone && !undated;
    return {
      document: place.document,
      section: section.label,
      // The version in force on the day, and one released to take effect later marked as the procedure list marks it (auditor16 F6).
      // A document never released has no version; its status says why (草稿): a blank cell looked like a gap in the record.
      version: doc ? versionInForce(ctx, doc, today) || statusLabel(ctx, doc.status) : "",
      docTitle: doc ? documentTitle(ctx, doc) : "",
      // A link never confirmed says so (未确认): a blank cell read as "fine" beside the dashboard's 链接未确认 (tester70 P14).
      // The CSR list's 落实文件 (remarks) stays as it was: its brackets name only what the link's state changes.
      link: [gone ?? "", ...remarks, unconfirmed ? t(ctx, "register.csr.link.not-confirmed") : ""].filter(Boolean).join(t(ctx, "register.remarks-separator")),
      remarks,
      tally: {
        suspect: changed !== undefined && (changed.section || changed.csr),
        unconfirmed,
        withdrawn: false,
        undated,
      },
    };
  });
}

/**
 * A place as the CSR list's 落实文件 writes it, on one line: the document, the version of it that
 * addresses the requirement, the section, and what the matrix's 链接状态 says of it in brackets
 * ("QP-012 A/1 5.4 返工和返修（已替代（2026-03-23），不计入落实）"), so a list read alone does not send the
 * auditor to today's text of a revision that no longer holds the requirement (tester55 C6).
 * `csr import --as csr` reads the document and section back and says that it leaves the rest.
 */
function listedPlace(ctx: RegisterContext, place: AddressedPlace): string {
  const where = [place.document, place.version, place.section].filter(Boolean).join(" ");
  const link = place.remarks.join(t(ctx, "register.remarks-separator"));
  return link ? t(ctx, "register.csr.list.addressed-link", { place: where, link }) : where;
}

/** The review rounds of every CSR on `today` started within the period, with their CSR's id; undefined without a period. */
function periodRoundsOf(ctx: RegisterContext, calendar: WorkCalendar, today: string, period: Period | undefined): { id: string; round: ReviewRoundTimeliness }[] | undefined {
  if (period === undefined) return undefined;
  const config = ctx.repo.config?.value;
  return csrsOn(ctx, today).flatMap((csr) =>
    reviewRounds(csr, calendar, config, today, ctx.index.customers.get(csr.customer)?.value)
      .filter((round) => startedIn(round, period))
      .map((round) => ({ id: csr.id, round })),
  );
}

/**
 * A place's section as the registers print it (model/sections.ts addressedSection: marked when
 * renumbered or not found), judged on the document's text where the site withholds it (ctx.textOf).
 */
function sectionCell(ctx: RegisterContext, doc: ControlledDocument | undefined, section: string | undefined): string {
  return addressedSectionLabel(doc && (ctx.textOf?.(doc) ?? doc), section, ctx.lang, secretDocument(ctx, doc));
}

/** sectionCell's label, and whether the section written is one the document (judged on its text) does not have. */
function sectionPlace(ctx: RegisterContext, doc: ControlledDocument | undefined, section: string | undefined): { label: string; gone: boolean } {
  const text = doc && (ctx.textOf?.(doc) ?? doc);
  const { section: label, anchor } = addressedSection(text, section, ctx.lang, secretDocument(ctx, doc));
  return { label, gone: section !== undefined && section !== "" && (text?.sections?.length ?? 0) > 0 && anchor === "" };
}

/** Whether a link into `doc` shows its section by number alone: the document is marked 秘密, 机密 or 绝密 (tester25 F2). */
/** A CSR's 密级 (its own, else its source document's: model/classification.ts csrClassification); "" for none. */
function classificationOf(ctx: RegisterContext, csr: Csr): string {
  return csrClassification(ctx.index.customers.get(csr.customer)?.value, csr);
}

function secretDocument(ctx: RegisterContext, doc: ControlledDocument | undefined): boolean {
  return doc !== undefined && isStateSecret(ctx.repo, doc);
}
