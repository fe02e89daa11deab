/**
 * What of the quality system concerns one customer, as its SQE audits it (IATF 16949 4.3.2, 7.5.1.1, 8.5.6.1,
 * 10.2.3, 10.2.6): one answer for `csr changes --customer` and the audit pack `csr site --customer`, so that the
 * pack holds every document revision the terminal lists as that customer's (tester74 T1).
 */
import { actionRevisions } from "./actions.js";
import type { Change } from "./changes.js";
import type { ControlledDocument, CorrectiveAction, Csr } from "./types.js";

/** The documents tied to a customer: whole ones, and ones tied by some of their revisions only. */
export interface CustomerDocuments {
  /**
   * Documents tied as a whole: those addressing one of its CSRs (in any round on record), those numbered `CODE-…`
   * (its notices registered as external documents) and those with a revision citing one of its change notices
   * (`ecn` `CODE-…`).
   */
  whole: Set<string>;
  /**
   * Document id → the versions tied to the customer though the document addresses none of its CSRs: a revision
   * recorded against one of its corrective action records (`actions`, a PFMEA, control plan or first-piece form
   * revised for its complaint) or notified to it (`customer_notices`, IATF 16949 8.5.6.1).
   */
  revisions: Map<string, Set<string>>;
}

/** The input customerDocuments reads: the repository's CSRs, documents and corrective action records (plain values). */
export interface CustomerTieSources {
  csrs: readonly Csr[];
  documents: readonly ControlledDocument[];
  actions: readonly CorrectiveAction[];
}

/** The documents tied to customer `code` (see CustomerDocuments); a code with no CSR, document or action ties none. */
export function customerDocuments(repo: CustomerTieSources, code: string): CustomerDocuments {
  const own = (id: string) => id.startsWith(`${code}-`);
  const whole = new Set(repo.csrs.filter((c) => c.customer === code).flatMap((c) => (c.addressed ?? []).map((a) => a.document)));
  for (const doc of repo.documents) {
    if (own(doc.id) || (doc.revisions ?? []).some((r) => (r.ecn ?? []).some(own))) whole.add(doc.id);
  }
  const revisions = new Map<string, Set<string>>();
  const add = (document: string, version: string) => {
    if (!revisions.has(document)) revisions.set(document, new Set());
    revisions.get(document)!.add(version);
  };
  const byAction = actionRevisions(repo.documents);
  for (const action of repo.actions) {
    if (action.customer !== code) continue;
    for (const { document, version } of byAction.get(action.id) ?? []) add(document, version);
  }
  for (const doc of repo.documents) {
    for (const r of doc.revisions ?? []) if ((r.customer_notices ?? []).some((n) => n.customer === code)) add(doc.id, r.version);
  }
  return { whole, revisions };
}

/** Every document customerDocuments ties to the customer, whole or by a revision. */
export function customerDocumentIds(tied: CustomerDocuments): Set<string> {
  return new Set([...tied.whole, ...tied.revisions.keys()]);
}

/**
 * Whether a row of the change report (area document) is the customer's: a row of a document tied as a whole, a row
 * citing one of its change notices, or a row of one of the tied revisions (revisionRows). Other areas: false.
 */
export function isCustomerDocumentChange(tied: CustomerDocuments, code: string, change: Change): boolean {
  if (change.area !== "document") return false;
  return tied.whole.has(change.id) || (change.ecn ?? []).some((id) => id.startsWith(`${code}-`)) || revisionRows(tied.revisions)(change);
}

/**
 * Whether a row of the change report concerns one of `revisions` (document id → versions): a row of the area document
 * whose version (the one released, taking effect, signed, issued or trained on in `to`; the one taken back, lost,
 * destroyed, kept, reviewed or withdrawn in `from`) is one of the document's there.
 */
export function revisionRows(revisions: ReadonlyMap<string, ReadonlySet<string>>): (change: Change) => boolean {
  return (change) => {
    if (change.area !== "document") return false;
    const versions = revisions.get(change.id);
    if (!versions) return false;
    const version = ["recalled", "lost", "destroyed", "retained", "reviewed", "withdrawn", "removed"].includes(change.kind) ? change.from : change.to;
    return versions.has(version);
  };
}
