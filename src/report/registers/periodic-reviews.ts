/**
 * The periodic document review record (文件定期评审记录): every periodic review of every document
 * (`reviews`, csr periodic-review), oldest first — which document and version, when, by whom, the
 * conclusion (继续有效 / 需修订 / 拟作废) and the reviewer's remark. GJB 9001C 7.5.2/7.5.3 and
 * IATF 16949 7.5.3 ask that documents be reviewed for suitability and adequacy; this is the evidence
 * an auditor asks for. An entry without `result` found the document suitable.
 */
import { revisionOn } from "../../model/index.js";
import type { ControlledDocument, PeriodicReview } from "../../model/types.js";
import type { Table } from "../table.js";
import { asOfNotes, compareIds, documentTitle, personName, t, type RegisterContext } from "./context.js";

/** Dated `today`: the reviews made by that day. */
export function periodicReviewRegister(ctx: RegisterContext, options: { today: string }): Table {
  const { today } = options;
  const made = ctx.repo.documents.flatMap(({ value: doc }) => (doc.reviews ?? []).map((review) => ({ doc, review })));
  const entries = made
    .filter(({ review }) => review.date <= today)
    .sort((a, b) => (a.review.date < b.review.date ? -1 : a.review.date > b.review.date ? 1 : compareIds(a.doc.id, b.doc.id)));
  const pending = entries.filter(({ review }) => (review.result ?? "suitable") !== "suitable").length;
  return {
    id: "periodic-reviews",
    title: t(ctx, "register.periodic-reviews.title", { count: entries.length }),
    sheet: t(ctx, "register.periodic-reviews.sheet"),
    columns: [
      { key: "no", header: t(ctx, "register.periodic-reviews.column.no"), kind: "number" },
      { key: "id", header: t(ctx, "register.periodic-reviews.column.id"), kind: "id" },
      { key: "title", header: t(ctx, "register.periodic-reviews.column.title") },
      { key: "version", header: t(ctx, "register.periodic-reviews.column.version"), kind: "code" },
      { key: "date", header: t(ctx, "register.periodic-reviews.column.date"), date: true },
      { key: "by", header: t(ctx, "register.periodic-reviews.column.by"), kind: "name" },
      { key: "result", header: t(ctx, "register.periodic-reviews.column.result"), kind: "code" },
      { key: "comment", header: t(ctx, "register.periodic-reviews.column.comment") },
    ],
    rows: entries.map(({ doc, review }, i) => ({
      no: i + 1,
      id: doc.id,
      title: documentTitle(ctx, doc),
      version: reviewedVersion(doc, review),
      date: review.date,
      by: personName(ctx, review.by),
      result: t(ctx, `value.periodic-review-result.${review.result ?? "suitable"}`),
      comment: review.comment ?? "",
    })),
    notes: [...(pending > 0 ? [t(ctx, "register.periodic-reviews.pending", { count: pending })] : []), ...asOfNotes(ctx, today, entries.length < made.length)],
  };
}

/** The version in force on the day of the review: the last revision issued by then ("" when none was). */
export function reviewedVersion(doc: ControlledDocument, review: PeriodicReview): string {
  return revisionOn(doc, review.date)?.version ?? "";
}
