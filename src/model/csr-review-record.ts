/**
 * A CSR's review record as evidence (IATF 16949 8.2.3.1, 7.5.3.2.2; GJB 9001C 8.2.3): once given, an
 * opinion, a decision, a signature of the review report, the paper record's number, a late reason,
 * a confirmation, an earlier round and a supersession change only through csr's commands, and each
 * of those keeps what it replaces: `csr review … --amend` and `csr source update` move it to
 * `review.history`, which is only ever appended to. reviewRewrites finds what changed between two
 * versions of a CSR file without that trace, for csr/review-rewritten.
 */
import type { Csr, ReviewRound } from "./types.js";

/** The parts of the review record a hand edit can rewrite, each with its own way to change it properly. */
export type ReviewPart = "decision" | "opinion" | "signature" | "record" | "late-reason" | "confirmation" | "history" | "superseded";

/** The report signatures of a review round, in the order the report prints them. */
const SIGNERS = ["recorder", "leader", "military_representative"] as const;
export type ReviewSigner = (typeof SIGNERS)[number];

export interface ReviewRewrite {
  part: ReviewPart;
  /** Where the finding stands in the current file. */
  path: (string | number)[];
  /** The fields that differ, in the record's order; empty when the whole record was removed. */
  fields: { key: string; was: unknown; now: unknown }[];
  /** The record at the base, when it was removed. */
  removed?: unknown;
  department?: string;
  signer?: ReviewSigner;
  /** 1-based position of a confirmation or history entry. */
  position?: number;
}

export interface RewriteContext {
  /** Whether a CSR of that id exists now: a successor renumbered (csr renumber) is named anew in `superseded.by`. */
  csrExists(id: string): boolean;
  /** The dates the CSR's source document's revisions are received on now (`csr source update --amend` moves a removal's date with them). */
  receivedDates: ReadonlySet<string>;
}

/**
 * What of `before`'s review record and supersession `after` changed or removed without keeping it
 * in the review history entries appended since. Completing a record is no rewrite: a signature's
 * date or a paper record's form given where there was none, a late reason given to a confirmation, the
 * wording a closed round reviewed given to it when the requirement changes for the next round.
 */
export function reviewRewrites(before: Csr, after: Csr, context: RewriteContext): ReviewRewrite[] {
  const found: ReviewRewrite[] = [];
  const was = before.review ?? {};
  const now = after.review ?? {};
  const baseHistory = was.history ?? [];
  const history = now.history ?? [];
  baseHistory.forEach((round, i) => {
    const current = history[i];
    if (current === undefined) found.push({ part: "history", path: history.length > 0 ? ["review", "history"] : now.history === undefined ? ["id"] : ["review", "history"], fields: [], removed: round, position: i + 1 });
    else {
      // The wording a round reviewed, written to it once when the requirement is changed for the next round
      // (csr set --text/--title/--clauses after csr source update, tester54a A1), completes it; so do the departments
      // it had to countersign, written when csr review --required names others for the next round (tester56 D13).
      const fields = differences(comparableRound(round), comparableRound(current)).filter((f) => !(f.was === undefined && REVIEWED_WORDING.has(f.key)));
      if (fields.length > 0) found.push({ part: "history", path: ["review", "history", i, fields[0]!.key], fields, position: i + 1 });
    }
  });
  // What a command replaced, it kept in an entry appended since the base.
  const appended = history.slice(baseHistory.length);
  const kept = (key: keyof ReviewRound, value: unknown) => appended.some((round) => round[key] !== undefined && same(round[key], value));

  if (was.decision && !same(was.decision, now.decision) && !kept("decision", was.decision)) {
    found.push(now.decision ? { part: "decision", path: ["review", "decision", differences(was.decision, now.decision)[0]!.key], fields: differences(was.decision, now.decision) } : { part: "decision", path: reviewPath(after), fields: [], removed: was.decision });
  }
  for (const opinion of was.opinions ?? []) {
    const index = (now.opinions ?? []).findIndex((o) => o.department === opinion.department);
    const current = now.opinions?.[index];
    if (same(opinion, current) || appended.some((round) => (round.opinions ?? []).some((o) => same(o, opinion)))) continue;
    found.push(
      current
        ? { part: "opinion", path: ["review", "opinions", index, differences(opinion, current)[0]!.key], fields: differences(opinion, current), department: opinion.department }
        : { part: "opinion", path: now.opinions ? ["review", "opinions"] : reviewPath(after), fields: [], removed: opinion, department: opinion.department },
    );
  }
  for (const signer of SIGNERS) {
    const signature = was[signer];
    const current = now[signer];
    if (!signature || same(signature, current) || kept(signer, signature)) continue;
    // A date added to a signature recorded without one completes it.
    if (current && current.by === signature.by && signature.date === undefined) continue;
    found.push(current ? { part: "signature", path: ["review", signer], fields: differences(signature, current), signer } : { part: "signature", path: reviewPath(after), fields: [], removed: signature, signer });
  }
  if (was.record && !same(was.record, now.record) && !kept("record", was.record)) {
    const current = now.record;
    // The form named for a record that had none (csr review --record-form) completes it.
    const completes = current !== undefined && Object.entries(was.record).every(([key, value]) => same(value, (current as Record<string, unknown>)[key]));
    if (!completes) found.push(current ? { part: "record", path: ["review", "record"], fields: differences(was.record, current) } : { part: "record", path: reviewPath(after), fields: [], removed: was.record });
  }
  if (was.late_reason !== undefined && was.late_reason !== now.late_reason && !kept("late_reason", was.late_reason)) {
    found.push({ part: "late-reason", path: now.late_reason === undefined ? reviewPath(after) : ["review", "late_reason"], fields: [{ key: "late_reason", was: was.late_reason, now: now.late_reason }] });
  }
  (was.confirmations ?? []).forEach((confirmation, i) => {
    const current = now.confirmations?.[i];
    if (current === undefined) {
      found.push({ part: "confirmation", path: now.confirmations ? ["review", "confirmations"] : reviewPath(after), fields: [], removed: confirmation, position: i + 1 });
      return;
    }
    const fields = differences(confirmation, current).filter(
      // A late reason given where there was none, or replaced with the earlier one kept (csr review --late-reason [--amend]).
      (f) => !(f.key === "late_reason" && (f.was === undefined || kept("late_reason", f.was))),
    );
    if (fields.length > 0) found.push({ part: "confirmation", path: ["review", "confirmations", i, fields[0]!.key], fields, position: i + 1 });
  });

  const superseded = before.superseded;
  if (superseded && !same(superseded, after.superseded)) {
    if (!after.superseded) found.push({ part: "superseded", path: ["id"], fields: [], removed: superseded });
    else {
      const fields = differences(superseded, after.superseded).filter(
        (f) =>
          // The successor renumbered (csr renumber), or the removal's date moved with its revision's (csr source update --amend).
          !(f.key === "by" && typeof f.was === "string" && !context.csrExists(f.was)) &&
          !(f.key === "date" && typeof f.now === "string" && context.receivedDates.has(f.now) && !context.receivedDates.has(String(f.was))),
      );
      if (fields.length > 0) found.push({ part: "superseded", path: ["superseded", fields[0]!.key], fields });
    }
  }
  return found;
}

/** The requirement's wording as a closed round reviewed it (ReviewRound title/text/clauses) and its 须会签部门 (required), recorded once, after the round closed. */
const REVIEWED_WORDING: ReadonlySet<string> = new Set(["title", "text", "clauses", "required"]);

/** A closed round as compared: its `closed` date moves with its source revision's received date (csr source update --amend). */
function comparableRound(round: ReviewRound): Record<string, unknown> {
  if (round.source_revision === undefined) return { ...round };
  const { closed: _closed, ...rest } = round;
  return rest;
}

function reviewPath(csr: Csr): (string | number)[] {
  return csr.review ? ["review"] : ["id"];
}

/** The keys whose values differ, those of `before` first in its order. */
function differences(before: object, after: object | undefined): { key: string; was: unknown; now: unknown }[] {
  const a = before as Record<string, unknown>;
  const b = (after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return keys.filter((key) => !same(a[key], b[key])).map((key) => ({ key, was: a[key], now: b[key] }));
}

/** Equal as data: objects whatever their key order. */
export function same(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    return `{${Object.keys(value)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value) ?? "undefined";
}
