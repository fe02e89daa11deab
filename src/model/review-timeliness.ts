/**
 * Was a CSR reviewed within its review period? IATF 16949 7.5.3.2.2 expects customer requirements
 * and their changes to be reviewed within ten working days of receipt; this is the evidence, one
 * CSR at a time, shared by `csr list reviews`, the export and the rule csr/review-late.
 */
import type { WorkCalendar } from "./calendar.js";
import { DEFAULT_REVIEW_DAYS, missingOpinions, requiredDepartments, reviewDue, reviewStart } from "./csr-status.js";
import type { Csr, Customer, Decision, QmsConfig, ReviewRound } from "./types.js";

export type Timeliness = "on-time" | "late" | "open" | "overdue";

export interface ReviewTimeliness {
  /** Received, or restarted by a new source revision (YYYY-MM-DD). */
  start: string;
  restarted: boolean;
  due: string;
  /** Date of the decision, when there is one (or of the confirmation, see confirmedBy). */
  decided?: string;
  /**
   * Who confirmed that the current source revision left the CSR unchanged (person id), when that
   * confirmation, not a decision, closed the current round; `start` is then that revision's
   * received date and `decided` the confirmation's date.
   */
  confirmedBy?: string;
  /** Working days from the start to the decision (or to today while open): (start, day]. */
  workdaysUsed: number;
  allowed: number;
  timeliness: Timeliness;
  /** Why the current round's late decision was late (`review.late_reason`, read only when there is a decision). */
  lateReason?: string;
  /** Years in the review period without public-holiday data (the deadline is an estimate). */
  estimatedYears: number[];
}

/**
 * The confirmation that closed the review of the CSR's current source revision, with that
 * revision's received date from the customer's file (`sources[].revisions[]`): `csr source update
 * --unchanged` records it instead of a new round, and keeps the earlier revision's decision.
 * Undefined when the current revision has no confirmation, or its received date is unknown.
 */
export interface RevisionConfirmation {
  /** The revision's received date, YYYY-MM-DD: the day its review started. */
  received: string;
  /** Person id. */
  by: string;
  /** YYYY-MM-DD. */
  date: string;
}

export function revisionConfirmation(csr: Csr, customer: Customer | undefined): RevisionConfirmation | undefined {
  const confirmation = (csr.review?.confirmations ?? []).filter((c) => c.source_revision === csr.source.revision).at(-1);
  if (!confirmation) return undefined;
  const source = customer?.sources?.find((s) => s.id === csr.source.document);
  const received = source?.revisions.find((r) => r.revision === csr.source.revision)?.received;
  return received ? { received, by: confirmation.by, date: confirmation.date } : undefined;
}

/**
 * The timeliness of the CSR's current review round: its decision, measured from its received or
 * restarted date; or, given the confirmation of the current source revision, that confirmation,
 * measured from the revision's received date (IATF 16949 4.3.2, 7.5.3.2.2: each revision of a
 * customer's requirements is reviewed in time, unchanged or not).
 */
export function reviewTimeliness(csr: Csr, calendar: WorkCalendar, config: QmsConfig | undefined, today: string, confirmation?: RevisionConfirmation): ReviewTimeliness {
  const allowed = config?.csr?.review_days ?? DEFAULT_REVIEW_DAYS;
  const start = confirmation?.received ?? reviewStart(csr);
  const due = confirmation ? calendar.addWorkdays(start, allowed) : reviewDue(csr, calendar, config);
  const decided = confirmation?.date ?? csr.review?.decision?.date;
  const end = decided ?? today;
  const workdaysUsed = Math.max(0, calendar.workdaysBetween(start, end));
  const timeliness: Timeliness = decided ? (decided > due ? "late" : "on-time") : today > due ? "overdue" : "open";
  // A reason recorded for a late decision explains that decision, not a later confirmation nor a
  // round still open (a reason left over from before a restart, say).
  const lateReason = confirmation || !csr.review?.decision ? undefined : csr.review.late_reason;
  return {
    start,
    restarted: confirmation !== undefined || csr.review?.restarted !== undefined,
    due,
    ...(decided ? { decided } : {}),
    ...(confirmation ? { confirmedBy: confirmation.by } : {}),
    workdaysUsed,
    allowed,
    timeliness,
    ...(lateReason ? { lateReason } : {}),
    estimatedYears: calendar.yearsWithoutData(start, due),
  };
}

/** How a review round started: the CSR received, restarted by a new source revision, or a new revision confirmed unchanged. */
export type RoundStart = "received" | "restarted" | "confirmed";

/**
 * The timeliness of one review round, as the review-timeliness register lists it. A round closed by
 * a new source revision before any decision is `closed` (within its period) or `closed-overdue`.
 */
export interface ReviewRoundTimeliness {
  kind: RoundStart;
  /** The source revision the round reviewed, or the one it confirmed unchanged. */
  revision: string;
  /** YYYY-MM-DD. */
  start: string;
  due: string;
  /** The decision's or the confirmation's date. */
  decided?: string;
  /** Person id of who decided or confirmed. */
  by?: string;
  /** The day a new source revision closed the round (history rounds only). */
  closed?: string;
  /** Working days from the start to the decision, the closing, or today while open: (start, day]. */
  workdaysUsed: number;
  timeliness: Timeliness | "closed" | "closed-overdue";
  lateReason?: string;
  /** The decision was taken without every required countersign (`csr review --force`): the departments still missing. */
  forced?: { missing: string[] };
  estimatedYears: number[];
}

/**
 * Every review round of a CSR, oldest first: the rounds closed by a new source revision
 * (`review.history` entries with a `source_revision`), the current round, and each source revision
 * confirmed unchanged (`review.confirmations`, measured from that revision's received date in the
 * customer's file, left out when that date is unknown). An auditor checks each round's timeliness
 * and reason, not only the last (IATF 16949 4.3.2, 7.5.3.2.2).
 */
export function reviewRounds(csr: Csr, calendar: WorkCalendar, config: QmsConfig | undefined, today: string, customer: Customer | undefined): ReviewRoundTimeliness[] {
  const allowed = config?.csr?.review_days ?? DEFAULT_REVIEW_DAYS;
  const source = customer?.sources?.find((s) => s.id === csr.source.document);
  const receivedOf = (revision: string) => source?.revisions.find((r) => r.revision === revision)?.received;
  const confirmations = (csr.review?.confirmations ?? []).flatMap((c) => {
    const received = receivedOf(c.source_revision);
    return received ? [{ ...c, received }] : [];
  });
  // A round's decision stands through the revisions confirmed unchanged after it: the revision it
  // reviewed is the one before the first of them.
  const reviewed = (revision: string, start: string): string => {
    let current = revision;
    for (let guard = 0; guard < (source?.revisions.length ?? 0); guard++) {
      if (!confirmations.some((c) => c.source_revision === current && c.received > start)) break;
      const index = source!.revisions.findIndex((r) => r.revision === current);
      const previous = source!.revisions.find((r) => r.revision === source!.revisions[index]?.supersedes) ?? source!.revisions[index - 1];
      if (!previous) break;
      current = previous.revision;
    }
    return current;
  };
  const decisionRound = (kind: RoundStart, start: string, revision: string, round: ReviewRound, missing: string[], closed?: string): ReviewRoundTimeliness => {
    const due = calendar.addWorkdays(start, allowed);
    const decision: Decision | undefined = round.decision;
    const end = decision?.date ?? closed ?? today;
    const timeliness: ReviewRoundTimeliness["timeliness"] = decision
      ? decision.date > due ? "late" : "on-time"
      : closed !== undefined
        ? closed > due ? "closed-overdue" : "closed"
        : today > due ? "overdue" : "open";
    return {
      kind,
      revision: reviewed(revision, start),
      start,
      due,
      ...(decision ? { decided: decision.date, by: decision.by } : {}),
      ...(closed !== undefined ? { closed } : {}),
      workdaysUsed: Math.max(0, calendar.workdaysBetween(start, end)),
      timeliness,
      ...(decision && round.late_reason ? { lateReason: round.late_reason } : {}),
      ...(decision?.forced ? { forced: { missing } } : {}),
      estimatedYears: calendar.yearsWithoutData(start, due),
    };
  };
  const required = requiredDepartments(csr, config);
  const rounds: ReviewRoundTimeliness[] = [];
  let start = csr.received;
  for (const entry of csr.review?.history ?? []) {
    if (entry.source_revision === undefined || entry.closed === undefined) continue;
    const given = new Set((entry.opinions ?? []).map((o) => o.department));
    rounds.push(decisionRound(rounds.length === 0 ? "received" : "restarted", start, entry.source_revision, entry, required.filter((d) => !given.has(d)), entry.closed));
    start = entry.closed;
  }
  const current = reviewStart(csr);
  rounds.push(decisionRound(csr.review?.restarted ? "restarted" : "received", current, csr.source.revision, csr.review ?? {}, missingOpinions(csr, config)));
  for (const c of confirmations) {
    const due = calendar.addWorkdays(c.received, allowed);
    rounds.push({
      kind: "confirmed",
      revision: c.source_revision,
      start: c.received,
      due,
      decided: c.date,
      by: c.by,
      workdaysUsed: Math.max(0, calendar.workdaysBetween(c.received, c.date)),
      timeliness: c.date > due ? "late" : "on-time",
      estimatedYears: calendar.yearsWithoutData(c.received, due),
    });
  }
  // Stable: a confirmation received the day a round restarted follows that round.
  return rounds.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}
