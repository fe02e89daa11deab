/**
 * A document as its records show it on a past day, for a register dated that day (`--today D`): an
 * auditor or 军代表 who asks for the list as of a day in the audit period is given what was true on
 * that day (GJB 9001C 7.5.3, IATF 16949 7.5.3.2). Every record the YAML keeps is dated: revisions
 * (date, effective), the withdrawal, each copy handed out, taken back, lost or destroyed, an external
 * document's day received; a revision imported without a date (issuedOn) was in force before any day a
 * register is asked for. What happened after the day is taken away; nothing is guessed. A document
 * revised since has the content of its version of that day, which git keeps, not the YAML (documentOn
 * `released`). A CSR
 * likewise (csrOn): its receipt, opinions, decision, rounds, implementation, distributions, training
 * and supersession are dated.
 */
import type { Located } from "../load/repository.js";
import { currentRevision, issuedOn, revisionInForce, revisionOn, type RepoIndex } from "./index.js";
import { withReleasedContent } from "./revision.js";
import { REPORT_SIGNER_ROLES, type AddressedIn, type ControlledCopy, type ControlledDocument, type Csr, type Customer, type Revision } from "./types.js";

/**
 * The day a document not yet controlled on `day` (documentOn undefined) became one: an external one's day
 * received, else the issue day of its first revision issued after `day` (issuedOn); undefined when
 * nothing records one (a draft first committed later). What csr show's card and the document's page of
 * csr site say of it ("not yet released on D, released since S").
 */
export function controlledSince(doc: ControlledDocument, day: string): string | undefined {
  return doc.kind === "external" ? doc.external?.received : (doc.revisions ?? []).map(issuedOn).find((d) => d > day);
}

/** Whether a revision or the withdrawal of the document was recorded after `day`. */
export function releaseRecordedAfter(doc: ControlledDocument, day: string): boolean {
  return (doc.obsolete?.date ?? "") > day || (doc.external?.received ?? "") > day || (doc.revisions ?? []).some((r) => issuedOn(r) > day);
}

/** Whether a copy of the document was handed out, taken back, lost or destroyed after `day`. */
export function copyRecordedAfter(doc: ControlledDocument, day: string): boolean {
  return (
    (doc.distribution ?? []).some((c) => c.date > day || (c.recalled ?? "") > day || (c.lost?.date ?? "") > day || (c.destroyed?.date ?? "") > day || (c.retained?.date ?? "") > day || (c.handovers ?? []).some((h) => h.date > day)) ||
    (doc.electronic_issue ?? []).some((e) => e.date > day)
  );
}

/** Whether a periodic review (`reviews`, csr periodic-review) of the document is dated after `day`. */
export function reviewRecordedAfter(doc: ControlledDocument, day: string): boolean {
  return (doc.reviews ?? []).some((r) => r.date > day);
}

/** Whether a training session on the document (csr train) is dated after `day`. */
export function trainingRecordedAfter(doc: ControlledDocument, day: string): boolean {
  return (doc.training?.sessions ?? []).some((s) => s.date > day);
}

/**
 * The revision whose content the document had on `day` when it is not its current one: the last one
 * issued by then (revisionOn), when a later one was issued after `day`. Its content is in git, not in
 * the YAML (load/base.ts releasedRevisions reads it); documentOn takes it.
 */
export function earlierRevisionOn(doc: ControlledDocument, day: string): Revision | undefined {
  const on = revisionOn(doc, day);
  return on !== undefined && on !== currentRevision(doc) ? on : undefined;
}

/**
 * The revision of one of the organisation's documents still in force on `day` (YYYY-MM-DD) while the
 * last one issued by then was released to take effect later (待实施, `csr release --effective`):
 * revisionInForce, when it is not the one issued (revisionOn). Undefined otherwise, and for a first
 * issue not yet in force (nothing was in force before it) and an external document (csr keeps no text
 * of its editions). Its text is in git (releasedRevisions), not in the file: what the point of use
 * works to until the 实施日期 (IATF 16949 7.5.3.2.1, 8.5.6).
 */
export function replacedUntilEffective(doc: ControlledDocument, day: string): Revision | undefined {
  if (doc.kind === "external" || (doc.status !== "released" && doc.status !== "obsolete")) return undefined;
  const issued = revisionOn(doc, day);
  const inForce = revisionInForce(doc, day);
  return issued !== undefined && inForce !== undefined && issued !== inForce ? inForce : undefined;
}

/**
 * The revision whose content as released a register of `day` shows in place of the file's: the
 * earlier one of that day (earlierRevisionOn), or, for a released document being revised (修订中,
 * `revising`: the file holds the draft of the next version), its current revision, still in force.
 * Undefined when the file's content is the one to show.
 */
export function releasedContentOn(doc: ControlledDocument, day: string): Revision | undefined {
  const earlier = earlierRevisionOn(doc, day);
  if (earlier !== undefined || doc.revising === undefined || doc.status !== "released") return earlier;
  return currentRevision(doc);
}

/**
 * The document on `day`: its revisions issued by then (revisionOn), withdrawn only when the
 * withdrawal is dated by then, with the copies handed out by then, each one taken back, lost or
 * destroyed only when that is dated by then, with the periodic reviews made by then (a conclusion
 * of a later review is not in a register of that day's 备注) and the training sessions held by then
 * (a training given later is open on that day). Undefined when the records show it was not yet a
 * controlled document: released (or, an external one, received) after `day`. A draft or a document
 * in review keeps its status, which is not dated. The document itself when nothing was recorded after
 * `day`, so that a register of today is the register it always was. `released`: the document as the
 * revision of that day was released (releasedContentOn), when a later one was issued after `day` or
 * the file holds the draft of a revision in preparation:
 * its content (title, department, body, related documents and forms …) is that revision's
 * (withReleasedContent), not the later one's; without it, the content is the current one.
 */
export function documentOn(doc: ControlledDocument, day: string, released?: ControlledDocument, committed?: ControlledDocument | null): ControlledDocument | undefined {
  const records = documentAsOf(doc, day, released);
  const on = committed === undefined ? records : withCommitted(records, day, committed);
  return on === undefined ? undefined : remember(on, doc);
}

/**
 * The document on `day` (`on`, from its dated records) with what its file said at the end of the day
 * (`committed`, load/base.ts committedDocumentsOn: `null` when the file was first committed later),
 * for what the YAML does not date (tester54a A13, A7):
 * - a draft or document in review existed from its first commit, with the status and content of that
 *   day: one released since is the draft it was then (in the 在编文件 list, not yet controlled), one
 *   written later is left out;
 * - a released document whose next revision was submitted by then (修订中, `revising`) has the mark
 *   of that day, which `csr release` removed when it released that revision;
 * - a form's retention, medium and location (`record`) are those registered that day.
 */
function withCommitted(on: ControlledDocument | undefined, day: string, committed: ControlledDocument | null): ControlledDocument | undefined {
  const unreleased = (d: ControlledDocument) => d.status === "draft" || d.status === "in-review";
  if (committed === null) return on !== undefined && unreleased(on) ? undefined : on;
  if (on === undefined || unreleased(on)) return unreleased(committed) && committed.kind !== "external" ? committed : on;
  if (on.status !== "released" && on.status !== "obsolete") return on;
  let result = on;
  const revising = committed.status === "released" && currentRevision(committed)?.version === currentRevision(on)?.version ? committed.revising : undefined;
  if (on.status === "released" && revising !== undefined && revising.since <= day && on.revising?.since !== revising.since) result = { ...result, revising };
  if (on.kind === "form" && JSON.stringify(committed.record) !== JSON.stringify(on.record)) {
    result = { ...result };
    if (committed.record === undefined) delete result.record;
    else result.record = committed.record;
  }
  return result;
}

/**
 * The whole record behind a document or CSR of a past day (documentOn, csrOn): the same object when
 * it is not one. What a register of that day reads to tell which revision addressed a CSR then
 * (model/link-start.ts): the revision that cites it may have been released after the day.
 */
const recordedOf = new WeakMap<object, object>();

function remember<T extends object>(on: T, recorded: T): T {
  if (on !== recorded) recordedOf.set(on, recordedOf.get(recorded) ?? recorded);
  return on;
}

export function recordedDocument(doc: ControlledDocument): ControlledDocument {
  return (recordedOf.get(doc) as ControlledDocument | undefined) ?? doc;
}

export function recordedCsr(csr: Csr): Csr {
  return (recordedOf.get(csr) as Csr | undefined) ?? csr;
}

function documentAsOf(doc: ControlledDocument, day: string, released?: ControlledDocument): ControlledDocument | undefined {
  const releaseAfter = releaseRecordedAfter(doc, day);
  const copiesAfter = copyRecordedAfter(doc, day);
  const reviewsAfter = reviewRecordedAfter(doc, day);
  const trainingAfter = trainingRecordedAfter(doc, day);
  const declassifiedAfter = (doc.classification_changes ?? []).some((c) => c.date > day);
  if (!releaseAfter && !copiesAfter && !reviewsAfter && !trainingAfter && !declassifiedAfter) return released !== undefined ? withReleasedContent(doc, released) : doc;
  const inForce = revisionOn(doc, day);
  const withdrawn = doc.status === "obsolete" && doc.obsolete !== undefined && doc.obsolete.date <= day;
  let status = doc.status;
  let external = doc.external;
  if (doc.kind === "external") {
    if ((external?.received ?? "") > day) {
      external = editionOn(doc, day);
      if (external === undefined) return undefined;
    }
  } else if (doc.status === "released" || doc.status === "obsolete") {
    if (inForce === undefined) return undefined;
  }
  if (doc.status === "obsolete" && !withdrawn) status = "released";
  const revisions = (doc.revisions ?? []).filter((r) => issuedOn(r) <= day);
  const on: ControlledDocument = { ...doc, status };
  // `effective` belongs to the current revision; an earlier one records its own when it took effect later than its date.
  const effective = revisions.length === (doc.revisions ?? []).length ? doc.effective : inForce?.effective;
  if (effective === undefined) delete on.effective;
  else on.effective = effective;
  if (doc.revisions !== undefined) on.revisions = revisions;
  if (!withdrawn) delete on.obsolete;
  if (external !== undefined) on.external = external;
  if (doc.distribution !== undefined) on.distribution = doc.distribution.filter((c) => c.date <= day).map((c) => copyOn(c, day));
  if (doc.electronic_issue !== undefined) on.electronic_issue = doc.electronic_issue.filter((e) => e.date <= day);
  if (doc.reviews !== undefined) on.reviews = doc.reviews.filter((r) => r.date <= day);
  if (doc.classification_changes !== undefined) on.classification_changes = doc.classification_changes.filter((c) => c.date <= day);
  if (doc.training?.sessions !== undefined) on.training = { ...doc.training, sessions: doc.training.sessions.filter((s) => s.date <= day) };
  return released !== undefined ? withReleasedContent(on, released) : on;
}

/**
 * An external document's data on `day` when its current edition was received later: the last edition
 * it replaced (`external.previous`) received by then, with those before it; undefined when none was.
 */
function editionOn(doc: ControlledDocument, day: string): ControlledDocument["external"] {
  const previous = doc.external?.previous ?? [];
  for (let i = previous.length - 1; i >= 0; i--) {
    if ((previous[i]!.received ?? "") > day) continue;
    const publisher = doc.external?.publisher;
    return { ...(publisher !== undefined ? { publisher } : {}), ...previous[i]!, ...(i > 0 ? { previous: previous.slice(0, i) } : {}) };
  }
  return undefined;
}

/**
 * A copy on `day`: still out unless it was taken back, lost, destroyed or stamped 作废 and kept by then (stillControlled reads it),
 * held by whoever held it then (a hand-over after `day` not yet made: its `from`).
 */
export function copyOn(copy: ControlledCopy, day: string): ControlledCopy {
  const { recalled, returned_by, received_by, lost, destroyed, retained, handovers, ...rest } = copy;
  const made = (handovers ?? []).filter((h) => h.date <= day);
  const later = (handovers ?? []).find((h) => h.date > day);
  return {
    ...rest,
    ...(later ? { holder: later.from } : {}),
    ...(made.length > 0 ? { handovers: made } : {}),
    ...(recalled !== undefined && recalled <= day ? { recalled, ...(returned_by !== undefined ? { returned_by } : {}), ...(received_by !== undefined ? { received_by } : {}) } : {}),
    ...(lost !== undefined && lost.date <= day ? { lost } : {}),
    ...(destroyed !== undefined && destroyed.date <= day ? { destroyed } : {}),
    ...(retained !== undefined && retained.date <= day ? { retained } : {}),
  };
}

/**
 * Whether a record of a CSR is dated after `day`: received, an opinion, the decision, a review
 * report's signature, a confirmation, an earlier round closed or an amendment, the implementation and
 * its verification, a distribution, a training session, the supersession.
 */
export function csrRecordedAfter(csr: Csr, day: string): boolean {
  // Date by date, without listing them first: the change report asks it of every CSR for both ends of
  // its period, and the list of dates was most of what that cost (0.37 s of 1.1 s at 10,000 entities).
  const after = (date: string | undefined) => date !== undefined && date > day;
  const review = csr.review;
  const implementation = csr.implementation;
  if (after(csr.received) || after(review?.restarted) || after(review?.decision?.date)) return true;
  for (const opinion of review?.opinions ?? []) if (after(opinion.date)) return true;
  for (const role of REPORT_SIGNER_ROLES) if (after(review?.[role]?.date)) return true;
  for (const confirmation of review?.confirmations ?? []) if (after(confirmation.date)) return true;
  for (const entry of review?.history ?? []) if (after(entry.closed)) return true;
  if (after(implementation?.implemented) || after(implementation?.verified?.date)) return true;
  for (const entry of implementation?.history ?? []) if (after(entry.closed)) return true;
  // As csrDistributions lists them: each of a list, or the one object's date.
  const distribution = csr.distribution;
  if (Array.isArray(distribution)) {
    for (const d of distribution) if (after(d.date)) return true;
  } else if (after(distribution?.date)) return true;
  for (const session of csr.training?.sessions ?? []) if (after(session.date)) return true;
  // A confirmation that replaced one of that day (pinOn).
  for (const place of csr.addressed ?? []) if (place.pin?.history?.length && after(place.pin.date)) return true;
  for (const change of csr.classification_changes ?? []) if (after(change.date)) return true;
  return after(csr.superseded?.date);
}

/**
 * The CSR on `day`, as its records show it then: undefined when it was received later; otherwise
 * without what was recorded after the day. The review history is unwound, newest first: a round a new
 * source revision closed later is the current round again, on its revision (`restarted` then the
 * restart before it, if any); an opinion, decision or late reason amended later is the one it replaced.
 * Then opinions, the decision (with its late reason), the report's signatures and the confirmations
 * dated later are taken away, the source revision going back before each confirmation taken away
 * (`customer`'s source revisions tell which); an implementation amended later is the one it replaced,
 * one implemented or verified later is not (its status goes back to in progress or implemented), and
 * a CSR decided later had none (its owner, due date and evidence are undated: see csrImplementationNote); the
 * distributions, training sessions and lowerings of its 密级 (classification_changes) of later days are taken
 * away, a supersession dated later too.
 * The CSR itself when nothing was recorded after `day`, so that a register of today is the register it
 * always was.
 */
export function csrOn(csr: Csr, day: string, customer?: Customer): Csr | undefined {
  const on = csrAsOf(csr, day, customer);
  return on === undefined ? undefined : remember(on, csr);
}

function csrAsOf(csr: Csr, day: string, customer?: Customer): Csr | undefined {
  if (!csrRecordedAfter(csr, day)) return csr;
  if (csr.received > day) return undefined;
  const on: Csr = { ...csr };
  let revision = csr.source.revision;
  if (csr.review) {
    const unwound = reviewOn(csr.review, day);
    revision = unwound.revision ?? revision;
    // The requirement as the round current that day reviewed it, when a later revision changed it (tester54a A1).
    for (const field of ["title", "text", "clauses"] as const) if (unwound.requirement[field] !== undefined) (on as unknown as Record<string, unknown>)[field] = unwound.requirement[field];
    const source = customer?.sources?.find((s) => s.id === csr.source.document);
    // A confirmation moved the CSR on to the revision it confirmed: taken away, the CSR is on the revision before it.
    for (const confirmation of [...(csr.review.confirmations ?? [])].reverse()) {
      if (confirmation.date <= day || confirmation.source_revision !== revision) continue;
      const at = source?.revisions.findIndex((r) => r.revision === revision) ?? -1;
      const previous = at > 0 ? source!.revisions.find((r) => r.revision === source!.revisions[at]!.supersedes) ?? source!.revisions[at - 1] : undefined;
      if (previous) revision = previous.revision;
    }
    on.review = unwound.review;
  }
  if (revision !== csr.source.revision) on.source = { ...csr.source, revision };
  if (csr.implementation) on.implementation = implementationOn(csr.implementation, day);
  // csr implement records an implementation only once the CSR is decided (must or optional): a CSR whose
  // decision came after `day` had none on that day, whatever its undated owner, due date and evidence now
  // say (tester49 #4). An earlier round's, closed by a restart by then, stays in the history.
  if (on.implementation && csr.review?.decision && !on.review?.decision) {
    const history = on.implementation.history;
    if (history) on.implementation = { history };
    else delete on.implementation;
  }
  if (Array.isArray(csr.distribution)) on.distribution = csr.distribution.filter((d) => d.date <= day);
  else if (csr.distribution?.date !== undefined && csr.distribution.date > day) delete on.distribution;
  if (csr.training?.sessions) on.training = { ...csr.training, sessions: csr.training.sessions.filter((s) => s.date <= day) };
  if (csr.superseded && csr.superseded.date > day) delete on.superseded;
  if (csr.classification_changes !== undefined) on.classification_changes = csr.classification_changes.filter((c) => c.date <= day);
  if (csr.addressed?.some((place) => place.pin?.history?.length && place.pin.date > day)) on.addressed = csr.addressed.map((place) => pinOn(place, day));
  return on;
}

/**
 * The link with the pin it had on `day`: the confirmation of that day, when `csr address --confirm`
 * replaced it later (pin.history, tester54a A12). The link is compared with its document as it was
 * then, not with a confirmation of a later revision. A pin made after `day` with none before it stays.
 */
function pinOn(place: AddressedIn, day: string): AddressedIn {
  const history = place.pin?.history ?? [];
  if (place.pin === undefined || place.pin.date <= day) return place;
  let at = history.length - 1;
  while (at >= 0 && history[at]!.date > day) at--;
  if (at < 0) return place;
  return { ...place, pin: at === 0 ? history[0]! : { ...history[at]!, history: history.slice(0, at) } };
}

type Review = NonNullable<Csr["review"]>;

/** The review on `day` (see csrOn), and the source revision its current round was on when a later restart is unwound. */
function reviewOn(review: Review, day: string): { review: Review; revision?: string; requirement: { title?: string; text?: string; clauses?: string[] } } {
  let current: Review = { ...review };
  let revision: string | undefined;
  const requirement: { title?: string; text?: string; clauses?: string[] } = {};
  const history = [...(review.history ?? [])];
  while (history.length > 0 && (history[history.length - 1]!.closed ?? "") > day) {
    const entry = history.pop()!;
    if (entry.source_revision !== undefined) {
      // A round a new source revision closed: its opinions, record, decision, late reason and signatures are the current round's again.
      const { required, confirmations } = current;
      const { opinions, record, decision, late_reason, recorder, leader, military_representative } = entry;
      current = {
        ...(required ? { required } : {}),
        ...(confirmations ? { confirmations } : {}),
        ...(opinions ? { opinions } : {}),
        ...(record ? { record } : {}),
        ...(decision ? { decision } : {}),
        ...(late_reason !== undefined ? { late_reason } : {}),
        ...(recorder ? { recorder } : {}),
        ...(leader ? { leader } : {}),
        ...(military_representative ? { military_representative } : {}),
      };
      const restart = [...history].reverse().find((h) => h.source_revision !== undefined);
      if (restart?.closed !== undefined) current.restarted = restart.closed;
      revision = entry.source_revision;
      // The wording that round reviewed, kept when the revision that closed it changed it.
      if (entry.title !== undefined) requirement.title = entry.title;
      if (entry.text !== undefined) requirement.text = entry.text;
      if (entry.clauses !== undefined) requirement.clauses = entry.clauses;
    } else {
      // An amendment: what it replaced was on record until then.
      if (entry.opinions) {
        const replaced = new Map(entry.opinions.map((o) => [o.department, o]));
        current.opinions = (current.opinions ?? []).map((o) => replaced.get(o.department) ?? o);
      }
      if (entry.decision) current.decision = entry.decision;
      if (entry.late_reason !== undefined) current.late_reason = entry.late_reason;
      // The report's signatures given under an amended decision went with it.
      for (const role of REPORT_SIGNER_ROLES) if (entry[role]) current[role] = entry[role];
    }
  }
  if (history.length > 0) current.history = history;
  else delete current.history;
  if (current.opinions) current.opinions = current.opinions.filter((o) => o.date <= day);
  if (current.decision && current.decision.date > day) {
    delete current.decision;
    delete current.late_reason;
  }
  for (const role of REPORT_SIGNER_ROLES) if ((current[role]?.date ?? "") > day) delete current[role];
  if (current.confirmations) current.confirmations = current.confirmations.filter((c) => c.date <= day);
  return { review: current, ...(revision !== undefined ? { revision } : {}), requirement };
}

type Implementation = NonNullable<Csr["implementation"]>;

/** The implementation record on `day` (see csrOn). */
function implementationOn(implementation: Implementation, day: string): Implementation {
  const on: Implementation = { ...implementation };
  const history = [...(implementation.history ?? [])];
  while (history.length > 0 && history[history.length - 1]!.closed > day) {
    const entry = history.pop()!;
    if (entry.implemented !== undefined) on.implemented = entry.implemented;
    if (entry.verified !== undefined) on.verified = entry.verified;
    // A record a changed source revision closed with its round keeps that round's status, due date and evidence.
    if (entry.due !== undefined) on.due = entry.due;
    if (entry.evidence !== undefined) on.evidence = entry.evidence;
    on.status = entry.status ?? (entry.verified !== undefined ? "verified" : "implemented");
  }
  if (history.length > 0) on.history = history;
  else delete on.history;
  if (on.verified && (on.verified.date ?? "") > day) {
    delete on.verified;
    if (on.status === "verified") on.status = "implemented";
  }
  if (on.implemented !== undefined && on.implemented > day) {
    delete on.implemented;
    if (on.status === "implemented" || on.status === "verified") on.status = "in-progress";
  }
  return on;
}

/**
 * The index with each document as its records show it on `today` (documentOn, with its content as
 * now): a document's page and a review report mark a document they name 作废 only when it was withdrawn by then
 * (a review report of D said 已作废，不计入落实 of a document withdrawn after D), with its version of that day. One
 * not yet controlled then stays as it is now. The index itself when nothing was recorded after `today`.
 */
export function indexOn(index: RepoIndex, today: string): RepoIndex {
  let changed = false;
  const documents = new Map<string, Located<ControlledDocument>>();
  for (const [id, located] of index.documents) {
    const on = documentOn(located.value, today);
    if (on === undefined || on === located.value) documents.set(id, located);
    else {
      documents.set(id, { ...located, value: on });
      changed = true;
    }
  }
  return changed ? { ...index, documents } : index;
}
