/**
 * The 军代表's monthly quality supervision report (质量监督月报 / 质量信息月报) of a period: what a supplier working to
 * GJB 9001C reports to the 驻厂军代表 who supervises it (GJB 9001C-2017 4.2, 4.4: the customer's representative's
 * requirements and supervision; 7.4: quality information passed on), one dated page in five sections, each headed with its
 * count and each row citing its record's id; a section with nothing in it has one row saying 无, so that it reads "checked,
 * none" rather than disappearing (tester81 J7):
 * 1. 质量问题及归零 (GJB 9001C 10.2, 8.7): the quality problems received in the period, closed in it or still open at its
 *    end — grade, the day the 军代表 was notified, each half of the 归零 (技术归零/管理归零, x/5) and where it stands;
 * 2. 首件鉴定 (8.5.1; GJB 908A): those held in the period, those failed and not passed since, and the configuration changes
 *    in effect that asked for one not yet held (changesWithoutFirstArticle);
 * 3. 技术状态更改 (8.3.6, 8.5.6; GJB 3206B): the revisions marked configuration changes released in the period, their
 *    class, change order, the 订购方's approval and the 军代表's signature;
 * 4. 供方变化 (8.4.1): the suppliers' approvals decided in the period (new, conditional, suspended, disqualified, restored);
 * 5. 待军代表办理事项 (4.4): what waits on the 军代表 at the period's end — a 重大/严重 problem's 归零 to review, one not yet
 *    notified, a configuration change without the 军代表's signature.
 * The records as they stood at the period's end (actionOn, revisions and approvals dated by then).
 */
import { localized } from "../../core/text.js";
import { actionOn, actionStatus, ZEROING_PARTS, zeroingComplete, zeroingMissing } from "../../model/actions.js";
import { changesWithoutFirstArticle, failedWithoutPass } from "../../model/first-articles.js";
import { orderingApprovalText } from "../../model/revision.js";
import type { Period } from "../../model/review-timeliness.js";
import { suppliers } from "../../model/suppliers.js";
import { awaitsMilitaryReview, reviewRequired, zeroingReviewed } from "../../model/zeroing-review.js";
import type { CorrectiveAction, ControlledDocument, Revision } from "../../model/types.js";
import type { Table } from "../table.js";
import { compareIds, personName, t, type RegisterContext } from "./context.js";
import { periodAskedNotes, periodWords } from "./period.js";

/** The sections of the report, in their order. */
export const SUPERVISION_SECTIONS = ["problems", "first-articles", "configuration", "suppliers", "military"] as const;
type Section = (typeof SUPERVISION_SECTIONS)[number];

/** A row of a section: the record's id, what it is, its date and where it stands. */
interface Item {
  id: string;
  subject: string;
  date: string | null;
  status: string;
}

/**
 * The report of `period` (both days included; one asked to run past today is counted up to it, Period.askedTo), the records
 * as they stood on its last day. Columns: 序号, 栏目 (the section with its count), 编号, 事项, 日期, 情况, 依据 (the clause).
 */
export function supervisionReport(ctx: RegisterContext, options: { period: Period }): Table {
  const { period } = options;
  const day = period.to;
  const sections: Record<Section, Item[]> = {
    problems: problemItems(ctx, period),
    "first-articles": firstArticleItems(ctx, period),
    configuration: configurationItems(ctx, period),
    suppliers: supplierItems(ctx, period),
    military: militaryItems(ctx, day),
  };
  const words = periodWords(ctx, period);
  const rows = SUPERVISION_SECTIONS.flatMap((section, i) => {
    const items = sections[section];
    const heading = t(ctx, `register.supervision.section.${section}`, { n: t(ctx, `register.supervision.number.${i + 1}` as "register.supervision.number.1"), items: items.length });
    const clause = t(ctx, `register.supervision.clause.${section}`);
    if (items.length === 0) return [{ section: heading, id: "", subject: t(ctx, "register.supervision.none"), date: null, status: "", clause }];
    return items.map((item) => ({ section: heading, ...item, clause }));
  });
  const count = (section: Section) => sections[section].length;
  return {
    id: "supervision",
    title: t(ctx, "register.supervision.title", words),
    span: {
      label: t(ctx, "register.supervision.span", words),
      untitledTitle: t(ctx, "register.supervision.title", words),
      column: { header: t(ctx, "register.supervision.column.period"), value: t(ctx, "register.supervision.period", words) },
    },
    sheet: t(ctx, "register.supervision.sheet"),
    columns: [
      { key: "no", header: t(ctx, "register.supervision.column.no"), kind: "number" },
      { key: "section", header: t(ctx, "register.supervision.column.section"), kind: "code" },
      { key: "id", header: t(ctx, "register.supervision.column.id"), kind: "id" },
      { key: "subject", header: t(ctx, "register.supervision.column.subject") },
      { key: "date", header: t(ctx, "register.supervision.column.date"), date: true },
      { key: "status", header: t(ctx, "register.supervision.column.status") },
      { key: "clause", header: t(ctx, "register.supervision.column.clause"), kind: "list" },
    ],
    rows: rows.map((row, i) => ({ no: i + 1, ...row })),
    notes: [
      ...periodAskedNotes(ctx, period),
      t(ctx, "register.supervision.counts", {
        problems: count("problems"),
        firstArticles: count("first-articles"),
        configuration: count("configuration"),
        suppliers: count("suppliers"),
        military: count("military"),
      }),
      t(ctx, "register.supervision.note", { day }),
    ],
    // The records quoted as written (titles, products, summaries), which an English report says it does not translate.
    quotes: true,
    // The 军代表 signs the report he is given, beside the organisation's own lines (registers.signatures).
    signatures: [t(ctx, "register.supervision.signature")],
  };
}

/**
 * The problems as they stood at the end of `day` (actionOn), a 军代表 review of the 归零 dated after it not yet made: a report of
 * November still has a problem reviewed on 1 December waiting on him.
 */
function problemsOn(ctx: RegisterContext, day: string): CorrectiveAction[] {
  return ctx.repo.actions
    .flatMap(({ value }) => actionOn(value, day) ?? [])
    .map((a) => {
      if (a.zeroing?.reviewed === undefined || a.zeroing.reviewed <= day) return a;
      const { reviewed: _reviewed, reviewed_by: _by, ...zeroing } = a.zeroing;
      return { ...a, zeroing };
    })
    .sort((a, b) => a.received.localeCompare(b.received) || compareIds(a.id, b.id));
}

/** The quality problems of the period: received in it, closed in it, or open at its end; by the day received, then id. */
function problemItems(ctx: RegisterContext, period: Period): Item[] {
  const day = period.to;
  const all = problemsOn(ctx, day);
  const inPeriod = all.filter((a) => a.received >= period.from || a.steps?.D8?.done === undefined || a.steps.D8.done >= period.from);
  return inPeriod.map((a) => ({
      id: a.id,
      subject: localized(ctx.lang, a.title, a.title_en),
      date: a.received,
      status: [
        ...(a.problem_grade ? [t(ctx, `register.actions.grade.${a.problem_grade}`)] : [t(ctx, "register.supervision.problem.ungraded")]),
        a.notified !== undefined ? t(ctx, "register.supervision.problem.notified", { date: a.notified }) : t(ctx, "register.supervision.problem.not-notified"),
        ...ZEROING_PARTS.map(({ part, criteria }) => t(ctx, `register.supervision.problem.zeroing-${part}`, { done: criteria.length - zeroingMissing(a, criteria).length, total: criteria.length })),
        problemStanding(ctx, a, day),
      ].join(t(ctx, "register.supervision.separator")),
    }));
}

/** Where a problem stands at `day`: 已归零 (with the 军代表's review), 已关闭 awaiting the review or lacking evidence, or open. */
function problemStanding(ctx: RegisterContext, a: CorrectiveAction, day: string): string {
  const status = actionStatus(a, day);
  if (status !== "closed") return t(ctx, `register.supervision.problem.${status}`);
  const closed = a.steps!.D8!.done!;
  if (!zeroingComplete(a)) return t(ctx, "register.supervision.problem.closed-incomplete", { closed });
  if (awaitsMilitaryReview(a)) return t(ctx, "register.supervision.problem.closed-unreviewed", { closed });
  if (zeroingReviewed(a)) return t(ctx, "register.supervision.problem.zeroed-reviewed", { closed, by: personName(ctx, a.zeroing!.reviewed_by), date: a.zeroing!.reviewed! });
  return t(ctx, "register.supervision.problem.zeroed", { closed });
}

/**
 * The 首件鉴定 of the period: each held in it (result, 军代表), each failed before it and not passed by its end, and each
 * configuration change in effect by its end that asked for one not yet held.
 */
function firstArticleItems(ctx: RegisterContext, period: Period): Item[] {
  const day = period.to;
  const recorded = ctx.repo.firstArticles.filter((r) => r.value.date <= day);
  const open = new Set(failedWithoutPass(recorded));
  const subject = (r: { product: string; operation?: string }) => (r.operation ? t(ctx, "register.supervision.first-article.subject", { product: r.product, operation: r.operation }) : r.product);
  const held = recorded
    .filter((r) => r.value.date >= period.from)
    .map((located) => {
      const r = located.value;
      const result = t(ctx, open.has(located) ? "register.supervision.first-article.failed-open" : `register.supervision.first-article.${r.result}`);
      const parts = [result, t(ctx, "register.supervision.first-article.report", { report: r.report }), ...(r.military_representative ? [t(ctx, "register.supervision.first-article.military", { name: personName(ctx, r.military_representative) })] : [])];
      return { id: r.id, subject: subject(r), date: r.date, status: parts.join(t(ctx, "register.supervision.separator")) };
    });
  const earlier = [...open]
    .filter((r) => r.value.date < period.from)
    .map(({ value: r }) => ({ id: r.id, subject: subject(r), date: r.date, status: t(ctx, "register.supervision.first-article.failed-earlier") }));
  const records = recorded.map((r) => r.value);
  const awaiting = [...ctx.index.documents.values()].flatMap(({ value: doc }) =>
    changesWithoutFirstArticle(doc, records, day).map(({ revision, effective }) => ({
      id: `${doc.id} ${revision.version}`,
      subject: t(ctx, "register.supervision.first-article.awaiting-subject", { title: localized(ctx.lang, doc.title, doc.title_en), summary: revision.summary ?? "" }),
      date: effective,
      status: t(ctx, "register.supervision.first-article.awaiting", { order: revision.change_request ?? "—" }),
    })),
  );
  return [...held, ...earlier, ...awaiting];
}

/** The revisions marked 技术状态更改 released in the period (their `date`), by day then document id. */
function configurationItems(ctx: RegisterContext, period: Period): Item[] {
  const changes = configurationChanges(ctx).filter(({ revision }) => revision.date !== undefined && revision.date >= period.from && revision.date <= period.to);
  return changes.map(({ doc, revision }) => ({
    id: `${doc.id} ${revision.version}`,
    subject: localized(ctx.lang, revision.summary ?? "", revision.summary_en),
    date: revision.date ?? null,
    status: configurationStatus(ctx, revision),
  }));
}

/** Every revision of a document marked a configuration change, by release day then document id. */
function configurationChanges(ctx: RegisterContext): { doc: ControlledDocument; revision: Revision; index: number }[] {
  return [...ctx.index.documents.values()]
    .flatMap(({ value: doc }) => (doc.revisions ?? []).flatMap((revision, index) => (revision.configuration_change === true ? [{ doc, revision, index }] : [])))
    .sort((a, b) => (a.revision.date ?? "").localeCompare(b.revision.date ?? "") || compareIds(a.doc.id, b.doc.id));
}

/** A configuration change's class, change order, the 订购方's approval of a class I one, and the 军代表's signature or its lack. */
function configurationStatus(ctx: RegisterContext, revision: Revision): string {
  const separator = t(ctx, "register.supervision.separator");
  const approval = orderingApprovalText(revision, ctx.lang);
  const signed = revision.military_representative;
  return [
    revision.change_class ? t(ctx, "register.supervision.configuration.class", { class: revision.change_class }) : t(ctx, "register.supervision.configuration.unclassed"),
    ...(revision.change_request ? [t(ctx, "register.supervision.configuration.order", { order: revision.change_request })] : []),
    ...(revision.change_class === "I" ? [approval !== "" ? approval : t(ctx, "register.supervision.configuration.unapproved")] : []),
    signed ? t(ctx, "register.supervision.configuration.signed", { name: personName(ctx, signed.by), date: signed.date ?? "" }).trim() : t(ctx, "register.supervision.configuration.unsigned"),
  ].join(separator);
}

/** The suppliers' approvals decided in the period, by day then code: a supplier's first is 新增, a later one says what it became. */
function supplierItems(ctx: RegisterContext, period: Period): Item[] {
  return suppliers(ctx.repo)
    .flatMap((s) =>
      (s.record?.value.approvals ?? []).flatMap((approval, i, all) => {
        if (approval.date < period.from || approval.date > period.to) return [];
        const previous = all.slice(0, i).filter((a) => a.date <= approval.date).at(-1);
        const change = previous === undefined ? t(ctx, "register.supervision.supplier.new", { status: t(ctx, `supplier.status.${approval.status}`) }) : t(ctx, "register.supervision.supplier.changed", { from: t(ctx, `supplier.status.${previous.status}`), to: t(ctx, `supplier.status.${approval.status}`) });
        const parts = [change, t(ctx, "register.supervision.supplier.by", { name: personName(ctx, approval.by) }), ...(approval.remark ? [approval.remark] : [])];
        return [{ id: s.code, subject: localized(ctx.lang, s.name, s.name_en), date: approval.date, status: parts.join(t(ctx, "register.supervision.separator")) }];
      }),
    )
    .sort((a, b) => a.date.localeCompare(b.date) || compareIds(a.id, b.id));
}

/**
 * What waits on the 军代表 at the end of `day`: a 重大/严重 problem whose 归零 is evidenced and not reviewed (open or closed),
 * one not notified to him (action/problem-unnotified), a configuration change released by then without his signature
 * (doc/configuration-change-unagreed).
 */
function militaryItems(ctx: RegisterContext, day: string): Item[] {
  const actions = problemsOn(ctx, day);
  const grade = (a: CorrectiveAction) => t(ctx, `register.actions.grade.${a.problem_grade!}`);
  const review = actions
    .filter((a) => reviewRequired(a) && zeroingComplete(a) && !zeroingReviewed(a))
    .map((a) => ({ id: a.id, subject: localized(ctx.lang, a.title, a.title_en), date: a.received, status: t(ctx, "register.supervision.military.review", { grade: grade(a), report: a.zeroing?.report ?? "—" }) }));
  const notify = actions
    .filter((a) => reviewRequired(a) && a.notified === undefined)
    .map((a) => ({ id: a.id, subject: localized(ctx.lang, a.title, a.title_en), date: a.received, status: t(ctx, "register.supervision.military.notify", { grade: grade(a) }) }));
  const sign = configurationChanges(ctx)
    .filter(({ revision }) => revision.military_representative === undefined && revision.date !== undefined && revision.date <= day)
    .map(({ doc, revision }) => ({ id: `${doc.id} ${revision.version}`, subject: localized(ctx.lang, revision.summary ?? "", revision.summary_en), date: revision.date ?? null, status: t(ctx, "register.supervision.military.sign") }));
  return [...review, ...notify, ...sign];
}
