/**
 * The record of management reviews (management-reviews.yaml, 管理评审记录; ISO 9001 / IATF 16949 9.3, GJB 9001C 9.3): a
 * review held by top management at planned intervals — IATF 16949 9.3.1: at least once a year — over a period, its outputs
 * (9.3.3: improvement opportunities, changes to the quality management system, resource needs; 9.3.3.1: an action plan for
 * a customer performance target missed) each with an owner and a due day, carried out and shown done, the record approved
 * by the 总经理. Pure functions of the data: csr management-review, csr list management-review(-outputs), csr show MR-…
 * and csr check's management-review/* rules read them.
 */
import { addMonths } from "../core/dates.js";
import type { ManagementReview, ManagementReviewOutput } from "./types.js";

/** The letters of a record's number: MR-2026, MR-2026-2. */
export const MANAGEMENT_REVIEW_PREFIX = "MR";

/** The months within which the next review is held (IATF 16949 9.3.1: "at least annually"). */
export const REVIEW_INTERVAL_MONTHS = 12;

/**
 * The number of a review held over a period of `year` (YYYY): MR-<year> when no record of `taken` has it (any letter case),
 * else MR-<year>-N, N one more than the highest of that year (the first being N = 1).
 */
export function nextManagementReviewId(taken: Iterable<string>, year: string): string {
  const base = `${MANAGEMENT_REVIEW_PREFIX}-${year}`;
  let highest = 0;
  for (const id of taken) {
    const upper = id.toUpperCase();
    if (upper === base) highest = Math.max(highest, 1);
    else if (upper.startsWith(`${base}-`) && /^\d+$/.test(upper.slice(base.length + 1))) highest = Math.max(highest, Number(upper.slice(base.length + 1)));
  }
  return highest === 0 ? base : `${base}-${highest + 1}`;
}

/** An output's label as commands, registers and findings write it: MR-2026/1. */
export function outputLabel(review: Pick<ManagementReview, "id">, output: Pick<ManagementReviewOutput, "no">): string {
  return `${review.id}/${output.no}`;
}

/** Where an output stands on `today` (YYYY-MM-DD): done (a done day recorded), overdue (past its due day, not done) or open. */
export type OutputStatus = "done" | "open" | "overdue";

/** `output`'s OutputStatus on `today`: overdue from the day after its due day. */
export function outputStatus(output: Pick<ManagementReviewOutput, "due" | "done">, today: string): OutputStatus {
  if (output.done !== undefined && output.done <= today) return "done";
  return output.due < today ? "overdue" : "open";
}

/**
 * The review whose outputs the management review inputs of a period ending `to` report on (ISO 9001 9.3.2 a, GJB 9001C 9.3.2
 * a: "the status of actions from previous management reviews"): of `reviews` held by `to`, the one whose reviewed period
 * ended last before `to` — not the review the inputs are for, whose period ends on or after it. The latest held among those
 * ending on the same day; undefined when none.
 */
export function previousReview<R extends { value: ManagementReview }>(reviews: readonly R[], to: string): R | undefined {
  const before = reviews.filter((r) => r.value.held <= to && r.value.period.to < to);
  return before.sort((a, b) => a.value.period.to.localeCompare(b.value.period.to) || a.value.held.localeCompare(b.value.held)).at(-1);
}

/** The outputs of `review` counted by status on `today`, the overdue ones in the record's order. */
export function outputTally(review: ManagementReview, today: string): { done: number; open: number; overdue: ManagementReviewOutput[] } {
  const outputs = review.outputs ?? [];
  return {
    done: outputs.filter((o) => outputStatus(o, today) === "done").length,
    open: outputs.filter((o) => outputStatus(o, today) === "open").length,
    overdue: outputs.filter((o) => outputStatus(o, today) === "overdue"),
  };
}

/** The latest review of `reviews` held by `today` (the one the next is counted from), the last written among those of one day. */
export function latestHeld<R extends { value: ManagementReview }>(reviews: readonly R[], today: string): R | undefined {
  let latest: R | undefined;
  for (const r of reviews) if (r.value.held <= today && (!latest || r.value.held >= latest.value.held)) latest = r;
  return latest;
}

/** The last day the review after one held on `held` (YYYY-MM-DD) is due: twelve months later (IATF 16949 9.3.1). */
export function nextReviewDue(held: string): string {
  return addMonths(held, REVIEW_INTERVAL_MONTHS);
}
