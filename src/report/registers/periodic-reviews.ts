/**
 * The periodic document review record (文件定期评审记录): every periodic review of every document
 * (`reviews`, csr periodic-review), oldest first — which document and version, when, by whom, the
 * conclusion (继续有效 / 需修订 / 拟作废) and the reviewer's remark. GJB 9001C 7.5.2/7.5.3 and
 * IATF 16949 7.5.3 ask that documents be reviewed for suitability and adequacy; this is the evidence
 * an auditor asks for. An entry without `result` found the document suitable.
 */
import { daysBetween } from "../../core/dates.js";
import { currentRevision, issuedOn } from "../../model/index.js";
import { documentOn } from "../../model/as-of.js";
import { addDays } from "../../core/dates.js";
import { pendingReviewConclusion, periodicReviewOn, reviewedVersion } from "../../model/periodic-review.js";
import type { Period } from "../../model/review-timeliness.js";
import type { ControlledDocument, PeriodicReview } from "../../model/types.js";
import type { Cell, Table } from "../table.js";
import { asOfNotes, compareIds, departmentName, documentsOn, documentTitle, documentVersion, personName, t, type RegisterContext } from "./context.js";
import { periodAskedNotes, periodWords } from "./period.js";

/**
 * Dated `today`: the reviews made by that day; with a `period` (csr list periodic-reviews --from/--to,
 * its last day not after `today`), those made within it, the record kept per year (tester60 J8), its
 * title, a note and its file's name saying so.
 */
export function periodicReviewRegister(ctx: RegisterContext, options: { today: string; period?: Period }): Table {
  const { today, period } = options;
  const made = ctx.repo.documents.flatMap(({ value: doc }) => (doc.reviews ?? []).map((review) => ({ doc, review })));
  const entries = made
    .filter(({ review }) => review.date <= today && (period === undefined || (review.date >= period.from && review.date <= period.to)))
    .sort((a, b) => (a.review.date < b.review.date ? -1 : a.review.date > b.review.date ? 1 : compareIds(a.doc.id, b.doc.id)));
  const pending = entries.filter(({ review }) => (review.result ?? "suitable") !== "suitable").length;
  const periodText = period ? t(ctx, "register.filter.review-period", periodWords(ctx, period)) : "";
  const whole = t(ctx, "register.periodic-reviews.whole");
  return {
    id: "periodic-reviews",
    title: period ? t(ctx, "register.periodic-reviews.title-period", { ...periodWords(ctx, period), count: entries.length }) : t(ctx, "register.periodic-reviews.title", { count: entries.length }),
    ...(period ? { filtered: { filter: periodText, register: whole, command: "csr list periodic-reviews", name: `periodic-reviews-${period.from}-${period.to}` } } : {}),
    sheet: t(ctx, "register.periodic-reviews.sheet"),
    columns: [
      { key: "no", header: t(ctx, "register.periodic-reviews.column.no"), kind: "number" },
      { key: "id", header: t(ctx, "register.periodic-reviews.column.id"), kind: "id" },
      { key: "title", header: t(ctx, "register.periodic-reviews.column.title") },
      { key: "version", header: t(ctx, "register.periodic-reviews.column.version"), kind: "code" },
      { key: "due", header: t(ctx, "register.periodic-reviews.column.due"), date: true },
      { key: "date", header: t(ctx, "register.periodic-reviews.column.date"), date: true },
      { key: "timeliness", header: t(ctx, "register.periodic-reviews.column.timeliness"), kind: "code" },
      { key: "by", header: t(ctx, "register.periodic-reviews.column.by"), kind: "name" },
      { key: "result", header: t(ctx, "register.periodic-reviews.column.result"), kind: "code" },
      { key: "comment", header: t(ctx, "register.periodic-reviews.column.comment") },
    ],
    rows: entries.map(({ doc, review }, i) => {
      const due = reviewDue(doc, review);
      const late = due !== undefined && review.date > due ? daysBetween(due, review.date) : 0;
      return {
      no: i + 1,
      id: doc.id,
      title: documentTitle(ctx, doc),
      version: reviewedVersion(doc, review),
      due: due ?? "",
      date: review.date,
      timeliness: due === undefined ? "" : late > 0 ? t(ctx, "register.periodic-reviews.late", { count: late }) : t(ctx, "register.periodic-reviews.on-time"),
      by: personName(ctx, review.by),
      result: periodicReviewResult(ctx, review),
      comment: review.comment ?? "",
      };
    }),
    notes: [
      ...(period ? [t(ctx, "register.filter.note", { filter: periodText, register: whole })] : []),
      ...periodAskedNotes(ctx, period),
      ...(pending > 0 ? [t(ctx, "register.periodic-reviews.pending", { count: pending })] : []),
      ...asOfNotes(ctx, today, made.some(({ review }) => review.date > today)),
    ],
  };
}

/**
 * A periodic review's conclusion as registers print it (继续有效 / 需修订 / 拟作废), followed, for a
 * review that was also the review for a new edition (`edition`, csr periodic-review --for-edition),
 * by that edition's catalog title: 继续有效（换版评审：IATF 16949 第二版）.
 */
export function periodicReviewResult(ctx: RegisterContext, review: Pick<PeriodicReview, "result" | "edition">): string {
  const result = t(ctx, `value.periodic-review-result.${review.result ?? "suitable"}`);
  if (!review.edition) return result;
  return result + t(ctx, "register.periodic-reviews.for-edition", { edition: ctx.repo.catalogs.get(review.edition)?.title ?? review.edition });
}

/**
 * The day a periodic review was due by (应评审日期): the next review as the records stood the day
 * before it (periodicReviewOn of the document on that day: from its revision, 实施日期 or last review
 * found suitable, IATF 16949 7.5.3); undefined for a document without an interval, or whose interval
 * had no known start.
 */
function reviewDue(doc: ControlledDocument, review: PeriodicReview): string | undefined {
  const before = addDays(review.date, -1);
  const on = documentOn(doc, before);
  return on ? periodicReviewOn(on, before)?.due : undefined;
}


/**
 * The periodic reviews falling due by `dueBy` (定期评审到期清单, `csr list periodic-reviews --due-by D`):
 * every document in force on `today` with a `review_interval_months` whose next review
 * (periodicReviewOn) falls on or before `dueBy`, overdue ones included, and those whose interval has
 * no known start (due now) — what the 文控 plans for the weeks ahead (IATF 16949 7.5.3, GJB 9001C
 * 7.5.3; tester54a A9). Soonest first; the person who answers for the review is the approver of the
 * version in force, else its last reviewer, else its author (as doc/periodic-review-due names him).
 */
export function periodicReviewsDueRegister(ctx: RegisterContext, options: { today: string; dueBy: string }): Table {
  const { today, dueBy } = options;
  const inForce = documentsOn(ctx, today).list.filter((d) => d.status === "released" && d.kind !== "external");
  const due = inForce
    .flatMap((doc) => {
      const next = periodicReviewOn(doc, today);
      return next && (next.due === undefined || next.due <= dueBy) ? [{ doc, next }] : [];
    })
    .sort((a, b) => ((a.next.due ?? "") < (b.next.due ?? "") ? -1 : (a.next.due ?? "") > (b.next.due ?? "") ? 1 : compareIds(a.doc.id, b.doc.id)));
  const without = inForce.filter((d) => !d.review_interval_months).map((d) => d.id).sort(compareIds);
  const status = (dueOn: string | undefined): string => {
    if (dueOn === undefined) return t(ctx, "register.periodic-reviews-due.undated");
    const left = daysBetween(today, dueOn);
    return left < 0 ? t(ctx, "register.periodic-reviews-due.overdue", { count: -left }) : left === 0 ? t(ctx, "register.periodic-reviews-due.today") : t(ctx, "register.periodic-reviews-due.left", { count: left });
  };
  return {
    id: "periodic-reviews-due",
    title: t(ctx, "register.periodic-reviews-due.title", { dueBy, count: due.length }),
    sheet: t(ctx, "register.periodic-reviews-due.sheet"),
    columns: [
      ...dueColumns(ctx),
      { key: "due", header: t(ctx, "register.periodic-reviews-due.column.due"), date: true },
      { key: "status", header: t(ctx, "register.periodic-reviews-due.column.status"), kind: "code" },
      { key: "responsible", header: t(ctx, "register.periodic-reviews-due.column.responsible"), kind: "name" },
    ],
    rows: due.map(({ doc, next }, i) => {
      const current = currentRevision(doc);
      // Reviewed already, found to need a revision or a withdrawal not yet made: not "never reviewed" (tester56 D10).
      const open = pendingReviewConclusion({ ...doc, reviews: (doc.reviews ?? []).filter((r) => r.date <= today) });
      const result = open ? t(ctx, `value.periodic-review-result.${open.review.result!}`) : "";
      return {
        ...dueCells(ctx, i, doc, next),
        due: next.due ?? null,
        status: open ? t(ctx, `register.periodic-reviews-due.open-${open.review.result as "revise" | "withdraw"}`, { date: open.review.date, result }) : status(next.due),
        responsible: personName(ctx, current?.approved?.by ?? doc.reviews?.filter((r) => r.date <= today).at(-1)?.by ?? current?.prepared?.by),
      };
    }),
    notes: [t(ctx, "register.periodic-reviews-due.note", { today, dueBy }), ...withoutIntervalNotes(ctx, without)],
  };
}

/**
 * The annual plan of periodic reviews (年度文件定期评审计划, `csr list periodic-reviews --year Y`; tester71 Q3): the
 * documents whose periodic review falls due in calendar year `year`, as the records stood when the plan was drawn up
 * (the last day before the year, or `today` for a year not yet begun), with the month each is planned for instead of a
 * count of days from the print date, the approver who answers for it, and, once made (by `today`), the review's date,
 * reviewer and conclusion, or the revision or withdrawal that answered it — so that the plan of a past or current year
 * is also its record (IATF 16949 7.5.3, GJB 9001C 7.5.3: the evidence of planned periodic review). Reviews that fell due
 * before the year are not the year's plan: a note names them with their due date and what has answered them since. One row per document: the first review
 * due in the year (an interval under twelve months falls due again in the year; the plan of the next one follows it).
 */
export function periodicReviewPlan(ctx: RegisterContext, options: { today: string; year: number }): Table {
  const { today, year } = options;
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const eve = addDays(start, -1);
  const drawn = today < eve ? today : eve;
  const inForce = documentsOn(ctx, drawn).list.filter((d) => d.status === "released" && d.kind !== "external");
  const planned: { doc: ControlledDocument; next: { months: number; last?: string; due: string } }[] = [];
  const earlier: { doc: ControlledDocument; due?: string }[] = [];
  for (const doc of inForce) {
    const next = periodicReviewOn(doc, drawn);
    if (!next) continue;
    if (next.due === undefined || next.due < start) earlier.push({ doc, ...(next.due ? { due: next.due } : {}) });
    else if (next.due <= end) planned.push({ doc, next: { ...next, due: next.due } });
  }
  planned.sort((a, b) => (a.next.due < b.next.due ? -1 : a.next.due > b.next.due ? 1 : compareIds(a.doc.id, b.doc.id)));
  earlier.sort((a, b) => ((a.due ?? "") < (b.due ?? "") ? -1 : (a.due ?? "") > (b.due ?? "") ? 1 : compareIds(a.doc.id, b.doc.id)));
  const current = new Map(ctx.repo.documents.map(({ value }) => [value.id, value]));
  const without = inForce.filter((d) => !d.review_interval_months).map((d) => d.id).sort(compareIds);
  const month = (due: string) => {
    const number = Number(due.slice(5, 7));
    // The month as each language names it: 3 月, March (the two catalogs take the same placeholder).
    return t(ctx, "register.periodic-review-plan.month", { month: ctx.lang === "en" ? new Intl.DateTimeFormat("en", { month: "long", timeZone: "UTC" }).format(new Date(`${due}T00:00:00Z`)) : number });
  };
  // Each with what has answered it since, or 尚未评审: a past year's plan is read after the event.
  const earlierText = earlier.map(({ doc, due }) => {
    const done = planOutcome(ctx, current.get(doc.id) ?? doc, drawn, today);
    const outcome = done ? t(ctx, "register.periodic-review-plan.earlier-outcome", done) : t(ctx, "register.periodic-review-plan.not-done");
    return t(ctx, "register.periodic-review-plan.earlier-item", { id: doc.id, due: due ?? t(ctx, "register.periodic-reviews-due.undated"), outcome });
  });
  return {
    id: "periodic-review-plan",
    form: "periodic-reviews",
    title: t(ctx, "register.periodic-review-plan.title", { year, count: planned.length }),
    sheet: t(ctx, "register.periodic-review-plan.sheet", { year }),
    columns: [
      ...dueColumns(ctx),
      { key: "month", header: t(ctx, "register.periodic-review-plan.column.month"), kind: "code" },
      { key: "due", header: t(ctx, "register.periodic-reviews.column.due"), date: true },
      { key: "responsible", header: t(ctx, "register.periodic-reviews-due.column.responsible"), kind: "name" },
      { key: "date", header: t(ctx, "register.periodic-review-plan.column.date"), date: true },
      { key: "by", header: t(ctx, "register.periodic-reviews.column.by"), kind: "name" },
      { key: "result", header: t(ctx, "register.periodic-reviews.column.result") },
    ],
    rows: planned.map(({ doc, next }, i) => {
      const done = planOutcome(ctx, current.get(doc.id) ?? doc, drawn, today);
      const revision = currentRevision(doc);
      return {
        ...dueCells(ctx, i, doc, next),
        month: month(next.due),
        due: next.due,
        responsible: personName(ctx, revision?.approved?.by ?? doc.reviews?.filter((r) => r.date <= drawn).at(-1)?.by ?? revision?.prepared?.by),
        date: done?.date ?? null,
        by: done?.by ? personName(ctx, done.by) : "",
        result: done?.result ?? (next.due < today ? t(ctx, "register.periodic-review-plan.not-done") : ""),
      };
    }),
    notes: [
      t(ctx, "register.periodic-review-plan.note", { year, drawn, today }),
      ...(earlier.length > 0 ? [t(ctx, "register.periodic-review-plan.earlier", { year, count: earlier.length, documents: earlierText.join(t(ctx, "register.list-separator")) })] : []),
      ...withoutIntervalNotes(ctx, without),
    ],
  };
}

/**
 * What answered a planned periodic review by `today`: the first, after the day the plan was drawn up, of a periodic
 * review recorded (its reviewer and conclusion), a new revision released (its approver; the interval restarts from it)
 * and the document's withdrawal. Undefined when nothing has yet.
 */
function planOutcome(ctx: RegisterContext, doc: ControlledDocument, drawn: string, today: string): { date: string; by?: string; result: string } | undefined {
  const within = (date: string | undefined): date is string => date !== undefined && date > drawn && date <= today;
  const events: { date: string; by?: string; result: string }[] = [
    ...(doc.reviews ?? []).filter((r) => within(r.date)).map((r) => ({ date: r.date, by: r.by, result: periodicReviewResult(ctx, r) })),
    ...(doc.revisions ?? []).filter((r) => within(issuedOn(r))).map((r) => ({ date: issuedOn(r), ...(r.approved?.by ? { by: r.approved.by } : {}), result: t(ctx, "register.periodic-review-plan.revised", { version: r.version }) })),
    ...(within(doc.obsolete?.date) ? [{ date: doc.obsolete!.date, ...(doc.obsolete!.approved_by ? { by: doc.obsolete!.approved_by } : {}), result: t(ctx, "register.periodic-review-plan.withdrawn") }] : []),
  ];
  return events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))[0];
}

/** At most this many documents without an interval are named in the plan's note, then 等共 N 份. */
const NAMED_WITHOUT_INTERVAL = 10;

/**
 * The note under a plan of periodic reviews naming the documents in force it leaves out for want of an interval
 * (tester71 Q4): the 文控 sees which to give one (csr set --review-interval), without opening another list.
 */
function withoutIntervalNotes(ctx: RegisterContext, ids: readonly string[]): string[] {
  if (ids.length === 0) return [];
  const shown = ids.slice(0, NAMED_WITHOUT_INTERVAL);
  const more = ids.length > shown.length ? t(ctx, "register.periodic-reviews-due.without-more", { count: ids.length }) : "";
  return [t(ctx, "register.periodic-reviews-due.without", { count: ids.length, documents: shown.join(t(ctx, "register.list-separator")), more })];
}

/**
 * The 下次定期评审 of a register's row of document `id` on `today` (periodicReviewOn): its due date,
 * 无从起算 for an interval without a known start, empty for a document without an interval or not in force.
 */
export function nextReviewCell(ctx: RegisterContext, id: string, today: string): Cell {
  const doc = documentsOn(ctx, today).byId.get(id);
  const next = doc && periodicReviewOn(doc, today);
  return next ? (next.due ?? t(ctx, "register.periodic-reviews-due.undated")) : "";
}

/** `table`, a register of documents numbered in its column `number`, with the column 下次定期评审 (`next_review`) added for csr list --columns to pick. */
export function withNextReview(ctx: RegisterContext, table: Table, today: string): Table {
  if (!table.columns.some((c) => c.key === "number") || table.columns.some((c) => c.key === "next_review")) return table;
  return {
    ...table,
    columns: [...table.columns, { key: "next_review", header: t(ctx, "register.periodic-reviews-due.column.due"), date: true }],
    rows: table.rows.map((row) => ({ ...row, next_review: typeof row.number === "string" ? nextReviewCell(ctx, row.number, today) : "" })),
  };
}

/** The columns the list of periodic reviews due and the year's plan of them share: which document, its last revision or review and its interval. */
function dueColumns(ctx: RegisterContext): Table["columns"] {
  return [
    { key: "no", header: t(ctx, "register.periodic-reviews.column.no"), kind: "number" },
    { key: "id", header: t(ctx, "register.periodic-reviews.column.id"), kind: "id" },
    { key: "title", header: t(ctx, "register.periodic-reviews.column.title") },
    { key: "department", header: t(ctx, "register.periodic-reviews-due.column.department"), kind: "name" },
    { key: "version", header: t(ctx, "register.periodic-reviews.column.version"), kind: "code" },
    { key: "last", header: t(ctx, "register.periodic-reviews-due.column.last"), date: true },
    { key: "interval", header: t(ctx, "register.periodic-reviews-due.column.interval"), kind: "number" },
  ];
}

/** The cells of dueColumns for the `index`th row (0-based, numbered from 1): document `doc`, whose next periodic review (periodicReviewOn) is `next`. */
function dueCells(ctx: RegisterContext, index: number, doc: ControlledDocument, next: { months: number; last?: string }): Record<string, Cell> {
  return {
    no: index + 1,
    id: doc.id,
    title: documentTitle(ctx, doc),
    department: departmentName(ctx, doc.department),
    version: documentVersion(doc),
    last: next.last ?? null,
    interval: next.months,
  };
}
