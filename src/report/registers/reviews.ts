/**
 * The review-timeliness register (顾客特定要求评审及时性记录): for each CSR, when its review
 * started (received, restarted by a new source revision, or a new source revision confirmed
 * unchanged: then from that revision's received date), when it was due, when and by whom it was
 * decided or confirmed, the working days used and whether that was within the period IATF 16949
 * 7.5.3.2.2 asks for, with the reason recorded for a late one.
 */
import { localToday } from "../../core/dates.js";
import { repositoryCalendar } from "../../load/calendar.js";
import { DEFAULT_REVIEW_DAYS } from "../../model/csr-status.js";
import { reviewTimeliness, revisionConfirmation } from "../../model/review-timeliness.js";
import type { Table } from "../table.js";
import { compareIds, customerName, personName, t, type RegisterContext } from "./context.js";

export function reviewRegister(ctx: RegisterContext, options: { customer?: string; today?: string } = {}): Table {
  const today = options.today ?? localToday();
  const config = ctx.repo.config?.value;
  const calendar = repositoryCalendar(config);
  const csrs = ctx.repo.csrs
    .map((c) => c.value)
    .filter((c) => options.customer === undefined || c.customer === options.customer)
    .sort((a, b) => compareIds(a.customer, b.customer) || compareIds(a.id, b.id));
  const reviews = csrs.map((csr) => reviewTimeliness(csr, calendar, config, today, revisionConfirmation(csr, ctx.index.customers.get(csr.customer)?.value)));
  const rows = csrs.map((csr, i) => {
    const review = reviews[i]!;
    const source = ctx.index.customers.get(csr.customer)?.value.sources?.find((s) => s.id === csr.source.document);
    const sourceTitle = source ? (ctx.lang === "en" ? (source.title_en ?? source.title) : source.title) : "";
    return {
      no: i + 1,
      id: csr.id,
      customer: customerName(ctx, csr.customer),
      source: sourceTitle ? `${csr.source.document} ${sourceTitle}` : csr.source.document,
      revision: csr.source.revision,
      start: review.start,
      startKind: review.confirmedBy ? t(ctx, "review-confirmation.start-kind") : review.restarted ? t(ctx, "register.reviews.restarted") : t(ctx, "register.reviews.received"),
      due: review.due,
      decided: review.decided ?? null,
      decidedBy: review.confirmedBy ? personName(ctx, review.confirmedBy) : review.decided ? personName(ctx, csr.review?.decision?.by) : "",
      used: review.workdaysUsed,
      verdict: t(ctx, `register.reviews.verdict.${review.timeliness}`) + (review.estimatedYears.length > 0 ? t(ctx, "register.reviews.estimated") : ""),
      reason: review.lateReason ?? "",
    };
  });
  const late = reviews.filter((r) => r.timeliness === "late" || r.timeliness === "overdue").length;
  const allowed = reviews[0]?.allowed ?? config?.csr?.review_days ?? DEFAULT_REVIEW_DAYS;
  return {
    id: "reviews",
    title: t(ctx, "register.reviews.title", { count: rows.length, today }),
    asOf: { date: today, undatedTitle: t(ctx, "as-of.reviews.title", { count: rows.length }) },
    sheet: t(ctx, "register.reviews.sheet"),
    columns: [
      { key: "no", header: t(ctx, "register.reviews.column.no"), kind: "number" },
      { key: "id", header: t(ctx, "register.reviews.column.id"), kind: "id" },
      { key: "customer", header: t(ctx, "register.reviews.column.customer"), kind: "name" },
      { key: "source", header: t(ctx, "register.reviews.column.source") },
      { key: "revision", header: t(ctx, "register.reviews.column.revision"), kind: "code" },
      { key: "startKind", header: t(ctx, "register.reviews.column.startKind"), kind: "code" },
      { key: "start", header: t(ctx, "register.reviews.column.start"), date: true },
      { key: "due", header: t(ctx, "register.reviews.column.due"), date: true },
      { key: "decided", header: t(ctx, "register.reviews.column.decided"), date: true },
      { key: "decidedBy", header: t(ctx, "review-confirmation.column.decided-by"), kind: "name" },
      { key: "used", header: t(ctx, "register.reviews.column.used"), kind: "number" },
      { key: "verdict", header: t(ctx, "register.reviews.column.verdict"), kind: "code" },
      { key: "reason", header: t(ctx, "register.reviews.column.reason") },
    ],
    rows,
    notes: [
      t(ctx, "register.reviews.note", { allowed, late }),
    ],
  };
}
