/**
 * Was a CSR reviewed within its review period? IATF 16949 7.5.3.2.2 expects customer requirements
 * and their changes to be reviewed within ten working days of receipt; this is the evidence, one
 * CSR at a time. Every round is judged here once: the review-timeliness register (`csr list
 * reviews`, the export) lists them all; `csr show`, the review report, the site and the rule
 * csr/review-late read the current one, the last.
 */
import { translate, type Lang } from "../i18n/index.js";
import type { WorkCalendar } from "./calendar.js";
import { DEFAULT_REVIEW_DAYS, missingOpinions, requiredDepartments, reviewStart } from "./csr-status.js";
import type { Csr, Customer, Decision, QmsConfig, ReviewRecord, ReviewRound } from "./types.js";

export type Timeliness = "on-time" | "late" | "open" | "overdue";

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
  /** The decision's or the confirmation's date: of a decision amended since (`csr review --amend`), the first one's, which closed the round. */
  decided?: string;
  /** Person id of who decided or confirmed. */
  by?: string;
  /** The decision in force when it amended the round's first (the last amendment): a new decision, not a late review. */
  amended?: Decision;
  /** The day a new source revision closed the round (history rounds only). */
  closed?: string;
  /** Working days from the start to the decision, the closing, or today while open: (start, day]. */
  workdaysUsed: number;
  /** The review period in working days (`csr.review_days`). */
  allowed: number;
  timeliness: Timeliness | "closed" | "closed-overdue" | "superseded" | "superseded-overdue";
  /**
   * The CSR was superseded (`csr supersede`) while this round, its current one, had no decision: the
   * round ended then, with no deadline left running (the working days count to that day). Superseded
   * within its period it is `superseded`, neither open nor overdue; superseded past its deadline it is
   * `superseded-overdue`, a late review the supersession does not undo (IATF 16949 7.5.3.2.2). A round
   * decided before keeps its judgement.
   */
  superseded?: { date: string; by?: string };
  /** Why a late round was late: the round's `late_reason` for a decision, the confirmation's `late_reason` for a confirmation. */
  lateReason?: string;
  /** The decision was taken without every required countersign (`csr review --force`): the departments still missing. */
  forced?: { missing: string[] };
  /**
   * The round's signed paper review record (`review.record`): the countersigns not recorded here are on
   * it (csr/forced-decision accepts them), however it was named: with the decision, before it, or after
   * a forced one.
   */
  record?: ReviewRecord;
  estimatedYears: number[];
  /** Source revisions confirmed unchanged while this round had no decision to keep (csr/confirmed-without-decision): they close nothing. */
  unkept?: { revision: string; by: string; date: string }[];
}

/**
 * Every review round of a CSR, oldest first: the rounds closed by a new source revision
 * (`review.history` entries with a `source_revision`), the round of the current decision, and each
 * source revision confirmed unchanged (`review.confirmations`, measured from that revision's
 * received date in the customer's file, left out when that date is unknown). An auditor checks each
 * round's timeliness and reason, not only the last (IATF 16949 4.3.2, 7.5.3.2.2).
 *
 * The last is the round the CSR is in now (currentReviewRound): a round starts when the one before
 * it closed, and a confirmation of the current source revision, received no earlier than the
 * decision's round started, follows it.
 */
export function reviewRounds(csr: Csr, calendar: WorkCalendar, config: QmsConfig | undefined, today: string, customer: Customer | undefined): readonly ReviewRoundTimeliness[] {
  const known = remembered?.get(csr);
  if (known && known.calendar === calendar && known.config === config && known.today === today && known.customer === customer) return known.rounds;
  const rounds = judgedRounds(csr, calendar, config, today, customer);
  remembered?.set(csr, { calendar, config, today, customer, rounds });
  return rounds;
}

/**
 * While `work` runs, each CSR's rounds are judged once (reviewRounds keeps them by CSR and
 * arguments): a site build asks for them in the CSR list and matrix, the review-timeliness
 * register, the dashboard's panels and every review report. Only for work that changes no CSR.
 */
export async function judgingRoundsOnce<T>(work: () => Promise<T>): Promise<T> {
  const before = remembered;
  remembered = before ?? new WeakMap();
  try {
    return await work();
  } finally {
    remembered = before;
  }
}

let remembered: WeakMap<Csr, { calendar: WorkCalendar; config: QmsConfig | undefined; today: string; customer: Customer | undefined; rounds: readonly ReviewRoundTimeliness[] }> | undefined;

function judgedRounds(csr: Csr, calendar: WorkCalendar, config: QmsConfig | undefined, today: string, customer: Customer | undefined): ReviewRoundTimeliness[] {
  const allowed = config?.csr?.review_days ?? DEFAULT_REVIEW_DAYS;
  const source = customer?.sources?.find((s) => s.id === csr.source.document);
  const receivedOf = (revision: string) => source?.revisions.find((r) => r.revision === revision)?.received;
  const unkept = unkeptConfirmations(csr, customer);
  const confirmations = (csr.review?.confirmations ?? []).flatMap((c, i) => {
    const received = receivedOf(c.source_revision);
    return received ? [{ ...c, received, keeps: !unkept.some((u) => u.index === i) }] : [];
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
  const decisionRound = (kind: RoundStart, start: string, revision: string, round: ReviewRound, replaced: readonly Decision[], missing: string[], closed?: string): ReviewRoundTimeliness => {
    const due = calendar.addWorkdays(start, allowed);
    // The round was reviewed when its first decision was taken; an amendment later is a new decision on it.
    const current: Decision | undefined = round.decision;
    const decision: Decision | undefined = replaced[0] ?? current;
    // Superseded undecided, the current round ends the day of the supersession (csr supersede: no review deadline any more).
    const superseded = !decision && closed === undefined ? csr.superseded : undefined;
    const end = decision?.date ?? closed ?? (superseded && superseded.date < today ? superseded.date : today);
    // Late from the calendar day after the deadline (pastDeadline): a decision on the Saturday after a Friday deadline is late.
    const late = pastDeadline(due, end);
    const timeliness: ReviewRoundTimeliness["timeliness"] = decision
      ? late ? "late" : "on-time"
      : closed !== undefined
        ? late ? "closed-overdue" : "closed"
        : superseded
          ? late ? "superseded-overdue" : "superseded"
          : late ? "overdue" : "open";
    return {
      kind,
      revision: reviewed(revision, start),
      start,
      due,
      ...(decision ? { decided: decision.date, by: decision.by } : {}),
      ...(current && decision !== current ? { amended: current } : {}),
      ...(closed !== undefined ? { closed } : {}),
      ...(superseded ? { superseded: { date: superseded.date, ...(superseded.by ? { by: superseded.by } : {}) } } : {}),
      workdaysUsed: Math.max(0, calendar.workdaysBetween(start, end)),
      allowed,
      timeliness,
      ...(decision && round.late_reason ? { lateReason: round.late_reason } : {}),
      ...(current?.forced ? { forced: { missing } } : {}),
      ...(round.record ? { record: round.record } : {}),
      estimatedYears: calendar.yearsWithoutData(start, due),
    };
  };
  const required = requiredDepartments(csr, config);
  const rounds = decisionRounds(csr).map(({ start, round, revision, closed, replaced }, i, all): ReviewRoundTimeliness => {
    if (i === all.length - 1) return decisionRound(csr.review?.restarted ? "restarted" : "received", start, revision, round, replaced, missingOpinions(csr, config));
    const given = new Set((round.opinions ?? []).map((o) => o.department));
    return decisionRound(i === 0 ? "received" : "restarted", start, revision, round, replaced, required.filter((d) => !given.has(d)), closed);
  });
  for (const { index, round } of unkept) {
    const c = csr.review!.confirmations![index]!;
    (rounds[round]!.unkept ??= []).push({ revision: c.source_revision, by: c.by, date: c.date });
  }
  // A confirmation with no decision to keep closes nothing: the round it follows stays open (csr/confirmed-without-decision).
  for (const c of confirmations.filter((c) => c.keeps)) {
    const due = calendar.addWorkdays(c.received, allowed);
    rounds.push({
      kind: "confirmed",
      revision: c.source_revision,
      start: c.received,
      due,
      decided: c.date,
      by: c.by,
      workdaysUsed: Math.max(0, calendar.workdaysBetween(c.received, c.date)),
      allowed,
      timeliness: pastDeadline(due, c.date) ? "late" : "on-time",
      ...(c.late_reason ? { lateReason: c.late_reason } : {}),
      estimatedYears: calendar.yearsWithoutData(c.received, due),
    });
  }
  // Stable: a confirmation received the day a round restarted follows that round.
  return rounds.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}

/**
 * The confirmations (indexes into `review.confirmations`) that keep no decision: the review round they
 * follow, the last to start on or before the confirmed revision was received, had no decision on the
 * day of the confirmation. `csr source update --unchanged` refuses to write one; one in the file is
 * reported by csr/confirmed-without-decision and closes no round. A confirmation whose revision's
 * received date is unknown is left out, as reviewRounds leaves it out.
 */
export function confirmationsKeepingNoDecision(csr: Csr, customer: Customer | undefined): number[] {
  return unkeptConfirmations(csr, customer).map((u) => u.index);
}

/** confirmationsKeepingNoDecision, each with the decision round it follows (its place among the history rounds and the current one). */
function unkeptConfirmations(csr: Csr, customer: Customer | undefined): { index: number; round: number }[] {
  const confirmations = csr.review?.confirmations ?? [];
  if (confirmations.length === 0) return [];
  const revisions = customer?.sources?.find((s) => s.id === csr.source.document)?.revisions ?? [];
  const rounds = decisionRounds(csr);
  return confirmations.flatMap((c, i) => {
    const received = revisions.find((r) => r.revision === c.source_revision)?.received;
    if (received === undefined) return [];
    const at = Math.max(0, rounds.map((r) => r.start <= received).lastIndexOf(true));
    const decision = rounds[at]!.round.decision;
    return decision !== undefined && decision.date <= c.date ? [] : [{ index: i, round: at }];
  });
}

/**
 * The decision rounds of a CSR's review, oldest first: each `review.history` round closed by a new
 * source revision, from the day the round before it closed (the first from the CSR's receipt), then
 * the current round (`review` itself, not closed). reviewRounds judges them and the confirmations
 * are placed among them by index: both must see the same rounds.
 */
function decisionRounds(csr: Csr): DecisionRound[] {
  const rounds: DecisionRound[] = [];
  let start = csr.received;
  let replaced: Decision[] = [];
  for (const round of csr.review?.history ?? []) {
    // An amendment's entry (no source revision) keeps the decision it replaced, in the round it amended.
    if (round.source_revision === undefined) {
      if (round.decision) replaced.push(round.decision);
      continue;
    }
    if (round.closed === undefined) continue;
    rounds.push({ start, round, revision: round.source_revision, closed: round.closed, replaced });
    start = round.closed;
    replaced = [];
  }
  rounds.push({ start: reviewStart(csr), round: csr.review ?? {}, revision: csr.source.revision, replaced });
  return rounds;
}

/** A decision round (decisionRounds): `replaced` are the decisions `csr review --amend` replaced in it, oldest first. */
interface DecisionRound {
  start: string;
  round: ReviewRound;
  revision: string;
  closed?: string;
  replaced: Decision[];
}

/**
 * The first decision of the current review round: the one `csr review --amend` first replaced, else
 * the decision on record; the round's timeliness is measured on it (an amendment is a new decision,
 * not a late review). Undefined while the round is undecided.
 */
export function firstDecisionOfRound(csr: Csr): Decision | undefined {
  const current = decisionRounds(csr).at(-1)!;
  return current.replaced[0] ?? current.round.decision;
}

/** The verdicts of a round not closed within its review period: decided late, still open past it, or closed by a new revision or a supersession past it. */
export const LATE_ROUNDS: readonly ReviewRoundTimeliness["timeliness"][] = ["late", "overdue", "closed-overdue", "superseded-overdue"];

/**
 * How many working days past its deadline a round was decided, or is still open on the day it was
 * measured (0 for a round within its period): the working days used less the review period, as
 * the deadline is the period's last working day after the start, and at least 1 for a round late
 * by the calendar alone (decided on the Saturday after a Friday deadline), as workdaysOverdue counts.
 */
export function workdaysPastDue(round: ReviewRoundTimeliness): number {
  return LATE_ROUNDS.includes(round.timeliness) ? Math.max(1, round.workdaysUsed - round.allowed) : 0;
}

/**
 * The review round a CSR is in now, the last of reviewRounds: the decision's (or the open review's)
 * round, measured from `received` or `review.restarted`; or, when the current source revision was
 * confirmed unchanged, that confirmation, measured from the revision's received date (each revision
 * of a customer's requirements is reviewed in time, changed or not: IATF 16949 4.3.2, 7.5.3.2.2).
 * `today` measures an open round; `customer` is the CSR's customer (its revisions' received dates).
 * A round of `review.history` is closed, so never the current one, even when its dates are wrong (one
 * closed after `review.restarted` sorts last: date/out-of-order reports it).
 */
export function currentReviewRound(csr: Csr, calendar: WorkCalendar, config: QmsConfig | undefined, today: string, customer: Customer | undefined): ReviewRoundTimeliness {
  return reviewRounds(csr, calendar, config, today, customer).filter((round) => round.closed === undefined).at(-1)!;
}

/**
 * Each `review.history` entry's round as reviewRounds judged it, in the entries' order: for a round a
 * new source revision closed, its judgement (start, deadline, decision, timeliness) and the source
 * revision whose re-review closed it (the entry's `revised_to`, else the revision the next decision
 * round reviewed); undefined for an entry `csr review --amend` wrote. The review report, `csr show`
 * and the site print each earlier round with its own start and deadline and say why it was closed,
 * not the next round's reason as its own (tester55 C7).
 */
export function historyRounds(csr: Csr, calendar: WorkCalendar, config: QmsConfig | undefined, today: string, customer: Customer | undefined): ({ round: ReviewRoundTimeliness; closedBy?: string } | undefined)[] {
  const rounds = reviewRounds(csr, calendar, config, today, customer);
  const closed = rounds.filter((round) => round.closed !== undefined);
  const current = rounds.filter((round) => round.closed === undefined && round.kind !== "confirmed").at(-1);
  let at = 0;
  return (csr.review?.history ?? []).map((entry) => {
    if (entry.source_revision === undefined || entry.closed === undefined) return undefined;
    const round = closed[at];
    const next = closed[++at] ?? current;
    if (round === undefined) return undefined;
    const closedBy = entry.revised_to ?? next?.revision;
    return { round, ...(closedBy !== undefined ? { closedBy } : {}) };
  });
}

/**
 * The review rounds still on record, oldest first: those no new source revision closed, that is the
 * current decision's round and the confirmations of unchanged source revisions that keep its
 * decision. A confirmation closes no late decision: the decision it keeps stays late, and its reason
 * is still asked for (csr/review-late) and can still be recorded (`csr review --late-reason`), as the
 * review-timeliness register keeps it late (IATF 16949 7.5.3.2.2).
 */
export function standingReviewRounds(csr: Csr, calendar: WorkCalendar, config: QmsConfig | undefined, today: string, customer: Customer | undefined): readonly ReviewRoundTimeliness[] {
  return reviewRounds(csr, calendar, config, today, customer).filter((round) => round.closed === undefined);
}

/**
 * The decision a confirmation of an unchanged source revision keeps, when it was taken after its
 * review period: its round (the current decision's), else undefined (no confirmation, or the
 * decision in time). `csr show` and the CSR's page say it beside the confirmation's own timeliness.
 */
export function lateKeptDecision(csr: Csr, calendar: WorkCalendar, config: QmsConfig | undefined, today: string, customer: Customer | undefined): ReviewRoundTimeliness | undefined {
  const standing = standingReviewRounds(csr, calendar, config, today, customer);
  if (standing.at(-1)?.kind !== "confirmed") return undefined;
  return standing.find((round) => round.kind !== "confirmed" && round.timeliness === "late");
}

/**
 * A round's timeliness in the words every output prints for a round decided late: "逾期 3 个工作日"
 * (README: 逾期 N 个工作日), in the review-timeliness register, the CSR matrix and list, and the
 * review report alike; undefined for any other verdict.
 */
export function lateByText(lang: Lang, round: ReviewRoundTimeliness): string | undefined {
  return round.timeliness === "late" ? translate(lang, "register.csr.matrix.timeliness.late", { count: workdaysPastDue(round) }) : undefined;
}

/** A closed round's timeliness as the review-timeliness register prints it: 按期, 逾期 3 个工作日, 换版前未决定. */
export function closedRoundVerdict(lang: Lang, round: ReviewRoundTimeliness): string {
  return lateByText(lang, round) ?? translate(lang, `register.reviews.verdict.${round.timeliness}`);
}

/**
 * A period of days, both ends included (YYYY-MM-DD): `--from` and `--to` of `csr list` and `csr matrix csr`.
 * `askedTo`: the last day asked for when it is after today (the year's figures asked in December, tester60 J7):
 * `to` is then today, the registers count up to it and say so (report/registers/period.ts).
 */
export interface Period {
  from: string;
  to: string;
  askedTo?: string;
}

/** Whether a review round started within the period: received, restarted by a new source revision, or a new revision received that was confirmed unchanged. */
export function startedIn(round: ReviewRoundTimeliness, period: Period): boolean {
  return round.start >= period.from && round.start <= period.to;
}

/**
 * How the review rounds started in a period went, the yearly 评审及时率 of a CSR procedure (the
 * examples' QP-015 §5.14) that management review takes as input (IATF 16949 9.3.2.1): on time; late
 * (decided late, or still open, closed or superseded past the deadline: LATE_ROUNDS), with the CSRs;
 * not yet due; and ended within the period without a decision (a new source revision or a
 * supersession), which count neither way. The rate is on time over on time and late.
 */
export interface PeriodTally {
  rounds: number;
  onTime: number;
  late: number;
  lateIds: string[];
  pending: number;
  ended: number;
}

/**
 * The rounds of a period counted as the period's footer prints them: on time, late (by CSR), pending
 * (open within the review period) and ended undecided.
 */
export function tallyRounds(entries: readonly { id: string; round: ReviewRoundTimeliness }[]): PeriodTally {
  const tally: PeriodTally = { rounds: entries.length, onTime: 0, late: 0, lateIds: [], pending: 0, ended: 0 };
  for (const { id, round } of entries) {
    if (round.timeliness === "on-time") tally.onTime++;
    else if (LATE_ROUNDS.includes(round.timeliness)) {
      tally.late++;
      if (!tally.lateIds.includes(id)) tally.lateIds.push(id);
    } else if (round.timeliness === "open") tally.pending++;
    else tally.ended++;
  }
  return tally;
}

/**
 * Whether a review due on `due` and undecided on `day`, or decided on `day`, is past its deadline: from the calendar
 * day after it (IATF 16949 7.5.3.2.2: reviewed within the ten working days, counted in working days; whether the
 * last of them has passed is read on the calendar). The one test of every output: a round decided on the Saturday
 * after a Friday deadline is late, one undecided that Saturday overdue (csr/review-overdue, the registers, `csr
 * show`, management review, the site), as is a source revision received with no requirement registered
 * (csr/source-unreviewed).
 */
export function pastDeadline(due: string, day: string): boolean {
  return due < day;
}

/** A round undecided on `day` (open, neither closed nor superseded) past its deadline (pastDeadline). */
export function overdueUndecided(round: ReviewRoundTimeliness, day: string): boolean {
  return (round.timeliness === "overdue" || round.timeliness === "open") && pastDeadline(round.due, day);
}

/**
 * A round started before `period` that was overdue on some day in it: decided, closed or superseded late on or after
 * its first day, or still undecided past its deadline on its last. The period's timeliness rate counts the rounds
 * started in it (startedIn), so management review names these beside the rate (tester71 Q9: gjb-demo's only
 * overdue review, received in 2025, dropped out of the 2026 figures).
 */
export function overdueInPeriodFromBefore(round: ReviewRoundTimeliness, period: Period): boolean {
  if (round.start >= period.from) return false;
  if (overdueUndecided(round, period.to)) return true;
  const end = round.decided ?? round.closed ?? round.superseded?.date;
  return LATE_ROUNDS.includes(round.timeliness) && end !== undefined && end >= period.from;
}
