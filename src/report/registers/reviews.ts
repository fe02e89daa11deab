/**
 * The review-timeliness register (顾客特定要求评审及时性记录): for each CSR, when its review
 * started (received, or restarted by a new source revision), when it was due, when it was decided,
 * the working days used and whether that was within the period IATF 16949 7.5.3.2.2 asks for, with
 * the reason recorded for a late one.
 */
import { localToday } from "../../core/dates.js";
import { repositoryCalendar } from "../../load/calendar.js";
import { DEFAULT_REVIEW_DAYS } from "../../model/csr-status.js";
import { reviewTimeliness, type Timeliness } from "../../model/review-timeliness.js";
import type { Table } from "../table.js";
import { compareIds, customerName, t, type RegisterContext } from "./context.js";

const VERDICT: Record<Timeliness, [string, string]> = {
  "on-time": ["按期", "on time"],
  late: ["逾期", "late"],
  open: ["评审中", "open"],
  overdue: ["评审中，已逾期", "open, overdue"],
};

export function reviewRegister(ctx: RegisterContext, options: { customer?: string; today?: string } = {}): Table {
  const today = options.today ?? localToday();
  const config = ctx.repo.config?.value;
  const calendar = repositoryCalendar(config);
  const csrs = ctx.repo.csrs
    .map((c) => c.value)
    .filter((c) => options.customer === undefined || c.customer === options.customer)
    .sort((a, b) => compareIds(a.customer, b.customer) || compareIds(a.id, b.id));
  const reviews = csrs.map((csr) => reviewTimeliness(csr, calendar, config, today));
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
      startKind: review.restarted ? t(ctx, "换版重评", "restarted") : t(ctx, "接收", "received"),
      due: review.due,
      decided: review.decided ?? null,
      used: review.workdaysUsed,
      verdict: t(ctx, ...VERDICT[review.timeliness]) + (review.estimatedYears.length > 0 ? t(ctx, "（期限按周一至周五估算）", " (deadline estimated Mon–Fri)") : ""),
      reason: review.lateReason ?? "",
    };
  });
  const late = reviews.filter((r) => r.timeliness === "late" || r.timeliness === "overdue").length;
  const allowed = reviews[0]?.allowed ?? config?.csr?.review_days ?? DEFAULT_REVIEW_DAYS;
  return {
    id: "reviews",
    title: t(ctx, `顾客特定要求评审及时性记录（共 ${rows.length} 项，截至 ${today}）`, `CSR review timeliness (${rows.length} in total, as of ${today})`),
    sheet: t(ctx, "评审及时性", "Review timeliness"),
    columns: [
      { key: "no", header: t(ctx, "序号", "No.") },
      { key: "id", header: t(ctx, "编号", "CSR") },
      { key: "customer", header: t(ctx, "顾客", "Customer") },
      { key: "source", header: t(ctx, "来源文件", "Source document") },
      { key: "revision", header: t(ctx, "版本", "Revision") },
      { key: "startKind", header: t(ctx, "起算", "Start") },
      { key: "start", header: t(ctx, "起算日期", "Received / restarted"), date: true },
      { key: "due", header: t(ctx, "评审期限", "Due"), date: true },
      { key: "decided", header: t(ctx, "决定日期", "Decided"), date: true },
      { key: "used", header: t(ctx, "用时（工作日）", "Working days used") },
      { key: "verdict", header: t(ctx, "及时性", "On time") },
      { key: "reason", header: t(ctx, "逾期原因", "Reason for delay") },
    ],
    rows,
    notes: [
      t(
        ctx,
        `评审期限为起算日后第 ${allowed} 个工作日（IATF 16949 7.5.3.2.2），按工作日历计算；逾期或评审中已逾期 ${late} 项。`,
        `Due on the ${allowed}th working day after the start (IATF 16949 7.5.3.2.2), counted in the working-day calendar; ${late} late or overdue.`,
      ),
    ],
  };
}
