/**
 * An engineering change followed as one thread (IATF 16949 8.5.6.1, 7.5.3.2.2): the revisions of the
 * documents that carry the same customer change notice (ECN, csr release --ecn) or the same internal
 * change request (文件更改申请单, csr release --change-request). No record ties them together but these
 * numbers on each revision: the PFMEA, the control plan, the work instruction and a deviation released
 * for one drawing change each name it.
 */
import type { ControlledDocument, Revision } from "./types.js";

/** Which number a thread is followed by: a customer change notice, or an internal change request. */
export type ChangeNumber = { ecn: string } | { changeRequest: string };

/** One revision of a thread (changeThread): the document and its revision record. */
export interface ThreadRevision {
  document: ControlledDocument;
  revision: Revision;
}

/** Whether `revision` carries `number`: among its `ecn`, or as its `change_request`, written exactly. */
export function carries(revision: Revision, number: ChangeNumber): boolean {
  return "ecn" in number ? (revision.ecn ?? []).includes(number.ecn) : revision.change_request === number.changeRequest;
}

/**
 * The revisions of `documents` carrying `number` (carries), by day released (one without a date last), then
 * document number, then the order of the revision record: the thread of one engineering change.
 */
export function changeThread(documents: Iterable<ControlledDocument>, number: ChangeNumber): ThreadRevision[] {
  const out: (ThreadRevision & { order: number })[] = [];
  for (const document of documents) (document.revisions ?? []).forEach((revision, order) => carries(revision, number) && out.push({ document, revision, order }));
  const day = (r: ThreadRevision) => r.revision.date ?? "9999-99-99";
  return out
    .sort((a, b) => day(a).localeCompare(day(b)) || a.document.id.localeCompare(b.document.id, "en", { numeric: true }) || a.order - b.order)
    .map(({ document, revision }) => ({ document, revision }));
}

/** Every ECN number and every change request number the revisions of `documents` carry, each once, sorted: for the closest one to an unknown number. */
export function changeNumbers(documents: Iterable<ControlledDocument>): { ecn: string[]; changeRequest: string[] } {
  const ecn = new Set<string>();
  const changeRequest = new Set<string>();
  for (const document of documents) {
    for (const revision of document.revisions ?? []) {
      for (const id of revision.ecn ?? []) ecn.add(id);
      if (revision.change_request !== undefined) changeRequest.add(revision.change_request);
    }
  }
  return { ecn: [...ecn].sort(), changeRequest: [...changeRequest].sort() };
}

/** One engineering change of a document (documentChanges): its number and its thread (changeThread). */
export interface DocumentChange {
  number: ChangeNumber;
  thread: ThreadRevision[];
}

/**
 * The engineering changes the revisions of `doc` carry, each with its thread in `documents` (the repository's documents,
 * `doc` among them): every customer change notice (ECN, csr release --ecn), in the order first carried; then every change
 * request of a revision carrying no ECN that another document's revision carries too (one of this document alone is on
 * its revision record already). What csr show's card prints as 工程变更 and its JSON gives as `engineeringChanges`
 * (IATF 16949 8.5.6.1: one change followed across the PFMEA, control plan, work instruction and deviation it touched).
 */
export function documentChanges(documents: readonly ControlledDocument[], doc: ControlledDocument): DocumentChange[] {
  const revisions = doc.revisions ?? [];
  const ecns = [...new Set(revisions.flatMap((r) => r.ecn ?? []))].map((ecn) => ({ number: { ecn }, thread: changeThread(documents, { ecn }) }));
  const requests = [...new Set(revisions.flatMap((r) => (r.ecn?.length || r.change_request === undefined ? [] : [r.change_request])))]
    .map((changeRequest) => ({ number: { changeRequest }, thread: changeThread(documents, { changeRequest }) }))
    .filter(({ thread }) => thread.some((r) => r.document.id !== doc.id));
  return [...ecns, ...requests];
}
