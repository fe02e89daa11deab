/**
 * A document as its records show it on a past day, for a register dated that day (`--today D`): an
 * auditor or 军代表 who asks for the list as of a day in the audit period is given what was true on
 * that day (GJB 9001C 7.5.3, IATF 16949 7.5.3.2). Every record the YAML keeps is dated: revisions
 * (date, effective), the withdrawal, each copy handed out, taken back, lost or destroyed, an external
 * document's day received. What happened after the day is taken away; nothing is guessed.
 */
import { revisionOn } from "./index.js";
import type { ControlledCopy, ControlledDocument, Csr } from "./types.js";

/** Whether a revision or the withdrawal of the document was recorded after `day`. */
export function releaseRecordedAfter(doc: ControlledDocument, day: string): boolean {
  return (doc.obsolete?.date ?? "") > day || (doc.external?.received ?? "") > day || (doc.revisions ?? []).some((r) => r.date > day);
}

/** Whether a copy of the document was handed out, taken back, lost or destroyed after `day`. */
export function copyRecordedAfter(doc: ControlledDocument, day: string): boolean {
  return (doc.distribution ?? []).some((c) => c.date > day || (c.recalled ?? "") > day || (c.lost?.date ?? "") > day || (c.destroyed?.date ?? "") > day || (c.retained?.date ?? "") > day);
}

/**
 * The document on `day`: its revisions issued by then (revisionOn), withdrawn only when the
 * withdrawal is dated by then, with the copies handed out by then, each one taken back, lost or
 * destroyed only when that is dated by then. Undefined when the records show it was not yet a
 * controlled document: released (or, an external one, received) after `day`. A draft or a document
 * in review keeps its status, which is not dated. The document itself when nothing was recorded after
 * `day`, so that a register of today is the register it always was.
 */
export function documentOn(doc: ControlledDocument, day: string): ControlledDocument | undefined {
  const releaseAfter = releaseRecordedAfter(doc, day);
  const copiesAfter = copyRecordedAfter(doc, day);
  if (!releaseAfter && !copiesAfter) return doc;
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
  const revisions = (doc.revisions ?? []).filter((r) => r.date <= day);
  const on: ControlledDocument = { ...doc, status };
  // `effective` belongs to the current revision; an earlier one records its own when it took effect later than its date.
  const effective = revisions.length === (doc.revisions ?? []).length ? doc.effective : inForce?.effective;
  if (effective === undefined) delete on.effective;
  else on.effective = effective;
  if (doc.revisions !== undefined) on.revisions = revisions;
  if (!withdrawn) delete on.obsolete;
  if (external !== undefined) on.external = external;
  if (doc.distribution !== undefined) on.distribution = doc.distribution.filter((c) => c.date <= day).map((c) => copyOn(c, day));
  return on;
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

/** A copy on `day`: still out unless it was taken back, lost, destroyed or stamped 作废 and kept by then. */
function copyOn(copy: ControlledCopy, day: string): ControlledCopy {
  const { recalled, returned_by, received_by, lost, destroyed, retained, ...rest } = copy;
  return {
    ...rest,
    ...(recalled !== undefined && recalled <= day ? { recalled, ...(returned_by !== undefined ? { returned_by } : {}), ...(received_by !== undefined ? { received_by } : {}) } : {}),
    ...(lost !== undefined && lost.date <= day ? { lost } : {}),
    ...(destroyed !== undefined && destroyed.date <= day ? { destroyed } : {}),
    ...(retained !== undefined && retained.date <= day ? { retained } : {}),
  };
}

/**
 * Whether a CSR record is dated after `day`: received, review restarted, decided or confirmed,
 * implemented, verified, superseded. The CSR registers are not rebuilt for a past day (a review
 * round's opinions, decision and implementation would all have to be taken back): under a register
 * dated `day` they say so instead.
 */
export function csrRecordedAfter(csr: Csr, day: string): boolean {
  const review = csr.review;
  const dates = [
    csr.received,
    review?.restarted,
    review?.decision?.date,
    ...(review?.confirmations ?? []).map((c) => c.date),
    csr.implementation?.implemented,
    csr.implementation?.verified?.date,
    csr.superseded?.date,
  ];
  return dates.some((date) => date !== undefined && date > day);
}
