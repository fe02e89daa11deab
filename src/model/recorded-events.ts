/**
 * The dates in a file that record something done (an event): a CSR received, implemented, verified,
 * a revision prepared, reviewed, approved, a copy handed out or taken back, a training held, a
 * periodic review done, a process audited, a management review held and approved, an objective measured, a register's
 * edition signed, a cost of poor quality recorded. Records are evidence (IATF 16949 7.5.3; ISO 9001 7.5.3.2): a record of
 * something done cannot be dated after the day it is written, nor before the event it follows
 * (a verification before the implementation, an approval before the preparation).
 *
 * Planned dates (`implementation.due`, `effective`, the next periodic review) are not events and
 * are not listed. The opinions and the decision of a CSR's current review round are not listed
 * either: csr/review-inconsistent checks them against the review's start and today.
 *
 * `csr check` reports these dates (rules date/in-future, date/out-of-order) and the writing
 * commands refuse them (commands/options.ts eventDateOption), both with the labels made here.
 */
import { inDateRange } from "../core/dates.js";
import { t, type MessageData, type MessageKey } from "../i18n/index.js";
import type { ControlledDocument, CorrectiveAction, Csr, Customer, Decision, ManagementReview, Path, Process, QualityObjective, RegisterEdition, Revision, Signature, Tooling } from "./types.js";
import { periodDays } from "./objectives.js";
import { copyEdition, csrDistributions } from "./distribution.js";
import { issuedOn } from "./index.js";
import { decidedToMeet } from "./decision.js";

/** Which event, as a catalog message (translated only when a finding needs it). */
export interface EventLabel {
  key: MessageKey;
  data: MessageData;
}

export interface RecordedEvent {
  /** Of the date value, inside the entity. */
  path: Path;
  /** YYYY-MM-DD. */
  date: string;
  what: EventLabel;
  /** The event this one cannot come before. */
  follows?: Predecessor;
  /**
   * A planned day a recorded event must not come after (an objective's `to`: no period measured beginning after it):
   * listed for its order only, never reported as in the future.
   */
  planned?: true;
}

export interface Predecessor {
  what: EventLabel;
  date: string;
  /**
   * Set by someone else (a publisher's issue date), so not reported when after today: an event
   * that follows it is then out of order. A recorded event after today is date/in-future's finding.
   */
  external?: true;
}

export function describe(label: EventLabel): string {
  return t(label.key, label.data);
}

/** Dates a schema-valid entity holds as strings; anything else is the schema's finding. */
function dated(date: unknown): date is string {
  return typeof date === "string";
}

/**
 * An event, with `follows` only when that event is dated. Events are listed for every entity of a
 * check: the dates that are absent are skipped before a path or label is made for them.
 */
function recordedEvent(path: Path, date: string, what: EventLabel, follows: Predecessor | undefined): RecordedEvent {
  return follows && dated(follows.date) ? { path, date, what, follows } : { path, date, what };
}

export function csrEvents(csr: Csr): RecordedEvent[] {
  const events: RecordedEvent[] = [];
  const received = { what: eventLabel("rule.date/event.csr-received"), date: csr.received };
  const add = (path: Path, date: unknown, what: EventLabel, follows?: Predecessor) => {
    if (dated(date)) events.push(recordedEvent(path, date, what, follows));
  };
  add(["received"], csr.received, received.what);
  const review = csr.review;
  if (dated(review?.restarted)) {
    // A review restarts when a new source revision closes the round before it (csr source update dates
    // both alike): the round closed last in the history comes first. A round closed after the restart
    // would leave two rounds open at once, and the reports would take the wrong one as the current round.
    const closedRounds = (review.history ?? []).flatMap((round, j) => (round.source_revision !== undefined && dated(round.closed) ? [{ n: j + 1, closed: round.closed }] : []));
    const lastClosed = closedRounds.reduce<(typeof closedRounds)[number] | undefined>((latest, round) => (latest === undefined || round.closed > latest.closed ? round : latest), undefined);
    const follows = lastClosed && lastClosed.closed > csr.received ? { what: eventLabel("rule.date/event.csr-round-closed", { n: lastClosed.n }), date: lastClosed.closed } : received;
    add(["review", "restarted"], review.restarted, eventLabel("rule.date/event.csr-restarted"), follows);
  }
  // Plain loops, and nothing made for what a CSR does not have: a check lists the events of every CSR.
  const confirmations = review?.confirmations;
  if (confirmations) {
    for (let i = 0; i < confirmations.length; i++) {
      const c = confirmations[i]!;
      add(["review", "confirmations", i, "date"], c.date, eventLabel("rule.date/event.csr-confirmation", { revision: c.source_revision }), received);
    }
  }
  review?.history?.forEach((round, j) => {
    const n = j + 1;
    add(["review", "history", j, "closed"], round.closed, eventLabel("rule.date/event.csr-round-closed", { n }));
    (round.opinions ?? []).forEach((o, i) =>
      add(["review", "history", j, "opinions", i, "date"], o.date, eventLabel("rule.date/event.csr-round-opinion", { n, department: o.department })),
    );
    add(["review", "history", j, "decision", "date"], round.decision?.date, eventLabel("rule.date/event.csr-round-decision", { n }));
  });
  const addressed = csr.addressed;
  if (addressed) {
    for (let i = 0; i < addressed.length; i++) {
      const a = addressed[i]!;
      if (dated(a.pin?.date)) add(["addressed", i, "pin", "date"], a.pin.date, eventLabel("rule.date/event.csr-pin", { document: a.document }), received);
    }
  }
  const implementation = csr.implementation;
  const implemented = implementation?.implemented;
  if (dated(implemented)) add(["implementation", "implemented"], implemented, eventLabel("rule.date/event.csr-implemented"), implementationFollows(csr));
  // A record a changed source revision closed with its round implemented what that round decided.
  implementation?.history?.forEach((h, i) => {
    if (h.source_revision !== undefined && dated(h.implemented)) add(["implementation", "history", i, "implemented"], h.implemented, eventLabel("rule.date/event.csr-implemented"), closedImplementationFollows(csr, h.source_revision));
  });
  if (dated(implementation?.verified?.date)) {
    add(
      ["implementation", "verified", "date"],
      implementation.verified.date,
      eventLabel("rule.date/event.csr-verified"),
      dated(implemented) ? { what: eventLabel("rule.date/event.csr-implemented"), date: implemented } : received,
    );
  }
  if (csr.distribution) for (const d of csrDistributions(csr)) if (dated(d.date)) add([...d.path, "date"], d.date, eventLabel("rule.date/event.csr-distributed"), received);
  csr.training?.sessions?.forEach((s, i) => add(["training", "sessions", i, "date"], s.date, eventLabel("rule.date/event.csr-training"), received));
  if (dated(csr.superseded?.date)) add(["superseded", "date"], csr.superseded.date, eventLabel("rule.date/event.csr-superseded"), received);
  return events;
}

/**
 * What the implementation of a CSR follows (IATF 16949 7.5.3.2.2: a change is implemented once it
 * is decided): the first decision to meet it (must or optional) of the review round whose decision
 * is in force, the current one, so that a decision amended since (`csr review --amend`) does not put
 * an implementation made under the first one out of order (tester18 F13); the receipt while there is
 * none. An earlier round's decision does not count: a new source revision that changed the
 * requirement closed that round and its implementation record (csr source update moves both into the
 * histories), and the current record implements what the current round decided (impl51 #1).
 */
export function implementationFollows(csr: Csr): Predecessor {
  return firstDecisionToMeet(decisionsByRound(csr).at(-1)!) ?? { what: eventLabel("rule.date/event.csr-received"), date: csr.received };
}

/** A decision on record, with the label a finding names it by. */
interface LabelledDecision {
  decision: Decision | undefined;
  what: EventLabel;
}

/**
 * The decisions of each review round, oldest round first and the current round last: a round's are
 * those `csr review --amend` replaced in it (`review.history` entries without a source revision), then
 * the one it closed with (the entry of the source revision it reviewed) or, for the current round, the
 * decision on record. `revision` is the source revision a closed round reviewed.
 */
function decisionsByRound(csr: Csr): { revision?: string; decisions: LabelledDecision[] }[] {
  const review = csr.review;
  const rounds: { revision?: string; decisions: LabelledDecision[] }[] = [];
  let decisions: LabelledDecision[] = [];
  (review?.history ?? []).forEach((round, j) => {
    decisions.push({ decision: round.decision, what: eventLabel("rule.date/event.csr-round-decision", { n: j + 1 }) });
    if (round.source_revision === undefined) return;
    rounds.push({ revision: round.source_revision, decisions });
    decisions = [];
  });
  decisions.push({ decision: review?.decision, what: eventLabel("rule.date/event.csr-decision") });
  rounds.push({ decisions });
  return rounds;
}

function firstDecisionToMeet(round: { decisions: LabelledDecision[] }): Predecessor | undefined {
  let first: Predecessor | undefined;
  for (const { decision, what } of round.decisions) {
    if (!decidedToMeet(decision) || !dated(decision!.date)) continue;
    if (first === undefined || decision!.date < first.date) first = { what, date: decision!.date };
  }
  return first;
}

/**
 * What an implementation record closed with its review round (`implementation.history` with a
 * `source_revision`, csr source update) follows: the first decision to meet the CSR of the round
 * that reviewed that revision.
 */
function closedImplementationFollows(csr: Csr, revision: string): Predecessor | undefined {
  const round = decisionsByRound(csr).find((r) => r.revision === revision);
  return round && firstDecisionToMeet(round);
}

/** The signatures that check a prepared revision before it is approved. */
const CHECKS = ["reviewed", "standardization"] as const;
type SignedAs = "prepared" | "countersigned" | "approved" | "military_representative" | (typeof CHECKS)[number];

export function documentEvents(doc: ControlledDocument): RecordedEvent[] {
  const events: RecordedEvent[] = [];
  const add = (path: Path, date: unknown, what: EventLabel, follows?: Predecessor) => {
    if (dated(date)) events.push(recordedEvent(path, date, what, follows));
  };
  const revisions = doc.revisions ?? [];
  // A plain loop: a check lists the events of every document.
  for (let k = 0; k < revisions.length; k++) {
    const r = revisions[k]!;
    // A revision dated before the one above it is doc/version-sequence's finding.
    add(["revisions", k, "date"], r.date, revisionEvent(r).what);
    const prepared = signed("prepared", r, r.prepared);
    if (prepared) add(["revisions", k, "prepared", "date"], prepared.date, prepared.what);
    // The approval follows the last of the checks (or the preparation when nobody checked).
    let latest: Predecessor | undefined;
    for (let c = 0; c < CHECKS.length; c++) {
      const role = CHECKS[c]!;
      const s = signed(role, r, r[role]);
      if (!s) continue;
      if (latest === undefined || s.date > latest.date) latest = s;
      add(["revisions", k, role, "date"], s.date, s.what, prepared);
    }
    r.countersigned?.forEach((c, i) => {
      const s = signed("countersigned", r, c);
      if (s) add(["revisions", k, "countersigned", i, "date"], s.date, s.what, prepared);
    });
    const approved = signed("approved", r, r.approved);
    if (approved) add(["revisions", k, "approved", "date"], approved.date, approved.what, latest ?? prepared);
    // 军代表 signs the approved revision (the preparation when no approval is dated); before or after it takes effect differs between units.
    const military = signed("military_representative", r, r.military_representative);
    if (military) add(["revisions", k, "military_representative", "date"], military.date, military.what, approved ?? prepared);
  }
  if (doc.reviews) {
    const first = revisions[0] ? revisionEvent(revisions[0]) : undefined;
    doc.reviews.forEach((r, i) => add(["reviews", i, "date"], r.date, eventLabel("rule.date/event.doc-periodic-review"), first));
  }
  if (dated(doc.obsolete?.date)) {
    const last = revisions.length > 0 ? revisionEvent(revisions[revisions.length - 1]!) : undefined;
    add(["obsolete", "date"], doc.obsolete.date, eventLabel("rule.date/event.doc-obsolete"), last);
  }
  const external = doc.external;
  if (dated(external?.received)) {
    add(
      ["external", "received"],
      external.received,
      eventLabel("rule.date/event.doc-external-received"),
      external.issued ? { what: eventLabel("rule.date/event.doc-external-issued"), date: external.issued, external: true } : undefined,
    );
  }
  // A check that the edition held is current (csr source confirm) follows its receipt.
  (external?.confirmations ?? []).forEach((c, i) =>
    add(["external", "confirmations", i, "date"], c.date, eventLabel("rule.date/event.external-confirmed", { id: doc.id, revision: c.revision }), dated(external?.received) ? { what: eventLabel("rule.date/event.doc-external-received"), date: external.received } : undefined),
  );
  // Copies and training follow the revision of their version.
  if (!doc.distribution && !doc.training?.sessions) return events;
  const versions = new Map(revisions.map((r) => [r.version, revisionEvent(r)]));
  // An external document's copies are of the edition received (model/distribution.ts copyEdition).
  if (doc.kind === "external" && dated(external?.received) && !versions.has(copyEdition(doc)!)) versions.set(copyEdition(doc)!, { what: eventLabel("rule.date/event.doc-external-received"), date: external.received });
  (doc.distribution ?? []).forEach((c, i) => {
    const handedOut = { what: eventLabel("rule.date/event.doc-copy-handed-out", { copy: c.copy, version: c.version }), date: c.date };
    add(["distribution", i, "date"], c.date, handedOut.what, versions.get(c.version));
    add(["distribution", i, "recalled"], c.recalled, eventLabel("rule.date/event.doc-copy-recalled", { copy: c.copy }), handedOut);
    add(["distribution", i, "lost", "date"], c.lost?.date, eventLabel("rule.date/event.doc-copy-lost", { copy: c.copy }), handedOut);
    add(["distribution", i, "destroyed", "date"], c.destroyed?.date, eventLabel("rule.date/event.doc-copy-destroyed", { copy: c.copy }), handedOut);
    add(["distribution", i, "retained", "date"], c.retained?.date, eventLabel("rule.date/event.doc-copy-retained", { copy: c.copy }), handedOut);
  });
  (doc.training?.sessions ?? []).forEach((s, i) =>
    add(
      ["training", "sessions", i, "date"],
      s.date,
      s.revision ? eventLabel("rule.date/event.doc-training", { version: s.revision }) : eventLabel("rule.date/event.doc-training-unversioned"),
      s.revision ? versions.get(s.revision) : undefined,
    ),
  );
  return events;
}

/** A dated signature of a revision as an event that others follow. */
function signed(role: SignedAs, revision: Revision, signature: Signature | undefined): Predecessor | undefined {
  return signature && dated(signature.date) ? { what: eventLabel(`rule.date/event.doc-${role}`, { version: revision.version }), date: signature.date } : undefined;
}

/**
 * A revision as an event that others follow (its copies, its training, a periodic review, the
 * withdrawal); one imported without a date was released before every recorded day (issuedOn).
 */
export function revisionEvent(revision: Revision): Predecessor {
  return { what: eventLabel("rule.date/event.doc-revision", { version: revision.version }), date: issuedOn(revision) };
}

/** A process's internal audits (processes.yaml `audits`, csr process audited), each on the day it ended. */
export function processEvents(process: Process): RecordedEvent[] {
  return (process.audits ?? []).flatMap((a, i) => (dated(a.date) ? [{ path: ["audits", i, "date"], date: a.date, what: eventLabel("rule.date/event.process-audit", { report: a.report }) }] : []));
}

/** A piece of tooling's error-proofing verifications and maintenance (tooling.yaml, csr tooling verify|maintain), each on its day. */
export function toolingEvents(tooling: Tooling): RecordedEvent[] {
  return [
    ...(tooling.verification?.records ?? []).flatMap((r, i) => (dated(r.date) ? [{ path: ["verification", "records", i, "date"], date: r.date, what: eventLabel("rule.date/event.tooling-verification") }] : [])),
    ...(tooling.maintenance?.records ?? []).flatMap((r, i) => (dated(r.date) ? [{ path: ["maintenance", "records", i, "date"], date: r.date, what: eventLabel("rule.date/event.tooling-maintenance") }] : [])),
  ];
}

/**
 * A management review's record (management-reviews.yaml, csr management-review held|approve|done): the day it was held,
 * the approval of its report and each output's completion, both after it was held. ISO 9001 / IATF 16949 9.3,
 * GJB 9001C 9.3 (the review's records are evidence, 7.5.3).
 */
export function managementReviewEvents(review: ManagementReview): RecordedEvent[] {
  if (!dated(review.held)) return [];
  const held = { what: eventLabel("rule.date/event.mr-held"), date: review.held };
  const events: RecordedEvent[] = [{ path: ["held"], date: review.held, what: held.what }];
  if (dated(review.approved)) events.push({ path: ["approved"], date: review.approved, what: eventLabel("rule.date/event.mr-approved"), follows: held });
  review.outputs?.forEach((o, i) => {
    if (dated(o?.done)) events.push({ path: ["outputs", i, "done"], date: o.done, what: eventLabel("rule.date/event.mr-output-done", { output: `${review.id}/${o.no}` }), follows: held });
  });
  return events;
}

/**
 * A quality objective's measurements (objectives.yaml, csr objective measure; ISO 9001 6.2, IATF 16949 6.2.2.1, GJB
 * 9001C 6.2), each as the end of its period: a period not over by today cannot have been measured (date/in-future), nor
 * one ending before the objective's `from` (date/out-of-order). One beginning after its `to` is out of order as the `to`
 * that comes before it (a planned day: `to` itself may lie ahead). A period that is not one (objective/… and the schema's
 * finding) is skipped.
 */
export function objectiveEvents(objective: QualityObjective): RecordedEvent[] {
  const events: RecordedEvent[] = [];
  const from = dated(objective.from) ? { what: eventLabel("rule.date/event.objective-from"), date: objective.from, external: true as const } : undefined;
  objective.measurements?.forEach((m, i) => {
    const days = typeof m?.period === "string" ? periodDays(m.period) : undefined;
    if (!days) return;
    const path = ["measurements", i, "period"];
    events.push(recordedEvent(path, days.to, eventLabel("rule.date/event.objective-period-end", { period: m.period }), from));
    if (dated(objective.to) && days.from > objective.to) {
      events.push({ path, date: objective.to, what: eventLabel("rule.date/event.objective-to"), follows: { what: eventLabel("rule.date/event.objective-period-start", { period: m.period }), date: days.from }, planned: true });
    }
  });
  return events;
}

/**
 * An edition of a register (register-editions.yaml, csr register sign; GJB 9001C 7.5.3, IATF 16949 7.5.3.2.1): the day
 * it stands as, and each signature (编制/审核/批准), none before that day: a register is signed as it stood.
 */
export function registerEditionEvents(edition: RegisterEdition): RecordedEvent[] {
  if (!dated(edition.as_of)) return [];
  const asOf = { what: eventLabel("rule.date/event.register-as-of"), date: edition.as_of };
  const events: RecordedEvent[] = [{ path: ["as_of"], date: edition.as_of, what: asOf.what }];
  if (Array.isArray(edition.signatures)) {
    edition.signatures.forEach((s, i) => {
      if (dated(s?.date)) events.push({ path: ["signatures", i, "date"], date: s.date, what: eventLabel("rule.date/event.register-signature", { role: s.role }), follows: asOf });
    });
  }
  return events;
}

/**
 * A corrective action record's costs of poor quality (`cost`, csr action cost; IATF 16949 9.3.2.1), each recorded on its
 * day, not before the record was received.
 */
export function actionEvents(action: CorrectiveAction): RecordedEvent[] {
  const received = dated(action.received) ? { what: eventLabel("action.follows.received"), date: action.received } : undefined;
  return (action.cost ?? []).flatMap((c, i) => (dated(c?.date) ? [recordedEvent(["cost", i, "date"], c.date, eventLabel("rule.date/event.action-cost"), received)] : []));
}

export function customerEvents(customer: Customer): RecordedEvent[] {
  const events: RecordedEvent[] = [];
  (customer.sources ?? []).forEach((source, i) =>
    source.revisions.forEach((r, k) => {
      if (!dated(r.received)) return;
      const data = { source: source.id, revision: r.revision };
      const issued = dated(r.issued) ? { what: eventLabel("rule.date/event.source-issued", data), date: r.issued, external: true as const } : undefined;
      events.push({ path: ["sources", i, "revisions", k, "received"], date: r.received, what: eventLabel("rule.date/event.source-received", data), ...(issued ? { follows: issued } : {}) });
    }),
  );
  // A check that a revision is the customer's current one (csr source confirm) follows its receipt.
  (customer.sources ?? []).forEach((source, i) =>
    (source.confirmations ?? []).forEach((c, k) => {
      if (!dated(c.date)) return;
      const revision = source.revisions.find((r) => r.revision === c.revision);
      const received = revision && dated(revision.received) ? { what: eventLabel("rule.date/event.source-received", { source: source.id, revision: revision.revision }), date: revision.received } : undefined;
      events.push({ path: ["sources", i, "confirmations", k, "date"], date: c.date, what: eventLabel("rule.date/event.external-confirmed", { id: source.id, revision: c.revision }), ...(received ? { follows: received } : {}) });
    }),
  );
  return events;
}

/**
 * What is wrong with one event's date, if anything: after `today`, or before the event it follows.
 * A date outside the sane range is date/out-of-range's finding, and an event that follows one
 * dated in the future is out of order only because of that date: one root cause, one finding.
 */
export function eventProblem(event: RecordedEvent, today: string): "in-future" | "out-of-order" | undefined {
  // Every event of a check is looked at and nearly none has a problem: the comparisons that clear an
  // event come first, the range only for what they leave.
  const { date, follows } = event;
  if (date > today) return !event.planned && inDateRange(date) ? "in-future" : undefined;
  if (!follows || date >= follows.date || !inDateRange(date)) return undefined;
  return inDateRange(follows.date) && (follows.external || follows.date <= today) ? "out-of-order" : undefined;
}

export function eventLabel(key: MessageKey, data: MessageData = {}): EventLabel {
  return { key, data };
}
