/**
 * 首件鉴定台账 (GJB 9001C-2017 8.5.1, GJB 908A): a row per record of first-articles.yaml dated by `today`, in the file's order —
 * the product and operation, the 工艺规程 or 图样 with its version in force that day, why it was held and the change that called
 * for it, the day, the team, the 军代表 who attended, the result and the report's number. A 不合格 one no later 合格 one of the
 * same product and operation follows is marked in its result (as first-article/failed-without-pass reports it).
 */
import { failedWithoutPass } from "../../model/first-articles.js";
import type { Table } from "../table.js";
import { personName, t, type RegisterContext } from "./context.js";

export interface FirstArticleFilter {
  /** Only the records dated in this period (YYYY-MM-DD, both days included). */
  period?: { from: string; to: string };
}

/** 首件鉴定台账 on `today` (YYYY-MM-DD): records dated after it are left out, as the register stood that day. */
export function firstArticleRegister(ctx: RegisterContext, options: { today: string; filter?: FirstArticleFilter }): Table {
  const { today, filter = {} } = options;
  const separator = t(ctx, "register.list-separator");
  const recorded = ctx.repo.firstArticles.filter((r) => r.value.date <= today);
  const open = new Set(failedWithoutPass(recorded));
  const shown = recorded.filter((r) => !filter.period || (r.value.date >= filter.period.from && r.value.date <= filter.period.to));
  const rows = shown.map((located, i) => {
    const r = located.value;
    return {
      no: i + 1,
      id: r.id,
      product: r.product,
      operation: r.operation ?? "",
      process: r.process ?? "",
      document: r.document === undefined ? "" : r.version !== undefined ? t(ctx, "register.first-articles.document-version", { document: r.document, version: r.version }) : r.document,
      reason: t(ctx, `value.first-article-reason.${r.reason}`),
      change: r.change_request ?? "",
      date: r.date,
      members: r.members.map((m) => personName(ctx, m)).join(separator),
      military: r.military_representative === undefined ? "" : personName(ctx, r.military_representative),
      result: open.has(located) ? t(ctx, "register.first-articles.failed-open", { result: t(ctx, "value.first-article-result.fail") }) : t(ctx, `value.first-article-result.${r.result}`),
      report: r.report,
      remark: r.remark ?? "",
    };
  });
  const failed = shown.filter((r) => r.value.result === "fail").length;
  return {
    id: "first-articles",
    title: t(ctx, "register.first-articles.title", { count: rows.length }),
    sheet: t(ctx, "register.first-articles.sheet"),
    columns: [
      { key: "no", header: t(ctx, "register.first-articles.column.no"), kind: "number" },
      { key: "id", header: t(ctx, "register.first-articles.column.id"), kind: "id" },
      { key: "product", header: t(ctx, "register.first-articles.column.product"), kind: "name" },
      { key: "operation", header: t(ctx, "register.first-articles.column.operation"), kind: "code", printedIfAny: true },
      { key: "process", header: t(ctx, "register.first-articles.column.process"), kind: "code", printedIfAny: true },
      { key: "document", header: t(ctx, "register.first-articles.column.document"), kind: "id", printedIfAny: true },
      { key: "reason", header: t(ctx, "register.first-articles.column.reason"), kind: "code" },
      { key: "change", header: t(ctx, "register.first-articles.column.change"), kind: "code", printedIfAny: true },
      { key: "date", header: t(ctx, "register.first-articles.column.date"), date: true },
      { key: "members", header: t(ctx, "register.first-articles.column.members"), kind: "list" },
      { key: "military", header: t(ctx, "register.first-articles.column.military"), kind: "name", printedIfAny: true },
      { key: "result", header: t(ctx, "register.first-articles.column.result") },
      { key: "report", header: t(ctx, "register.first-articles.column.report"), kind: "id" },
      { key: "remark", header: t(ctx, "register.first-articles.column.remark"), remarks: true },
    ],
    rows,
    notes: recorded.length === 0 ? [t(ctx, "register.first-articles.none")] : [t(ctx, "register.first-articles.counts", { count: rows.length, failed, open: [...open].filter((r) => shown.includes(r)).length })],
  };
}
