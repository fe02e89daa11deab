/**
 * 管理评审输出跟踪表 (ISO 9001 / IATF 16949 9.3.3, GJB 9001C 9.3.3; 9.3.2 a: "the status of actions from previous management
 * reviews"): a row per output of the reviews of management-reviews.yaml held by `today`, in the file's order — the record
 * and the output's number, the decision or action, its kind, owner and due day, its status on `today` (已完成, 未到期,
 * 逾期 as management-review/output-overdue reports it), the day it was done and its evidence.
 */
import { outputLabel, outputStatus, type OutputStatus } from "../../model/management-reviews.js";
import type { Table } from "../table.js";
import { personName, t, type RegisterContext } from "./context.js";

/**
 * 管理评审输出跟踪表 on `today` (YYYY-MM-DD): reviews held after it are left out, as the register stood that day. `status`:
 * the rows of the outputs of that status only, numbered from 1 (the dashboard's lists); the note counts them all.
 */
export function managementReviewOutputsRegister(ctx: RegisterContext, options: { today: string; status?: OutputStatus }): Table {
  const { today } = options;
  const reviews = ctx.repo.managementReviews.filter((r) => r.value.held <= today).map((r) => r.value);
  const outputs = reviews.flatMap((review) => (review.outputs ?? []).map((output) => ({ review, output, status: outputStatus(output, today) })));
  const rows = outputs.filter((o) => options.status === undefined || o.status === options.status).map(({ review, output, status }, i) => ({
    no: i + 1,
    review: review.id,
    output: outputLabel(review, output),
    text: output.text,
    kind: t(ctx, `value.management-review-output.${output.kind}`),
    owner: personName(ctx, output.owner),
    due: output.due,
    status: t(ctx, `register.management-review-outputs.status.${status}`),
    done: status === "done" ? output.done! : "",
    evidence: status === "done" ? (output.evidence ?? "") : "",
  }));
  const count = (status: string) => outputs.filter((o) => o.status === status).length;
  return {
    id: "management-review-outputs",
    title: t(ctx, "register.management-review-outputs.title", { count: rows.length }),
    sheet: t(ctx, "register.management-review-outputs.sheet"),
    columns: [
      { key: "no", header: t(ctx, "register.management-review-outputs.column.no"), kind: "number" },
      { key: "review", header: t(ctx, "register.management-review-outputs.column.review"), kind: "id" },
      { key: "output", header: t(ctx, "register.management-review-outputs.column.output"), kind: "id" },
      { key: "text", header: t(ctx, "register.management-review-outputs.column.text") },
      { key: "kind", header: t(ctx, "register.management-review-outputs.column.kind"), kind: "code" },
      { key: "owner", header: t(ctx, "register.management-review-outputs.column.owner"), kind: "name" },
      { key: "due", header: t(ctx, "register.management-review-outputs.column.due"), date: true },
      { key: "status", header: t(ctx, "register.management-review-outputs.column.status"), kind: "code" },
      { key: "done", header: t(ctx, "register.management-review-outputs.column.done"), date: true },
      { key: "evidence", header: t(ctx, "register.management-review-outputs.column.evidence"), remarks: true },
    ],
    rows,
    notes: reviews.length === 0 ? [t(ctx, "register.management-review-outputs.none")] : [t(ctx, "register.management-review-outputs.counts", { count: rows.length, done: count("done"), open: count("open"), overdue: count("overdue"), today })],
  };
}
