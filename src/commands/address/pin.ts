/**
 * Pins on the `addressed` links of CSRs: what a link was made or confirmed against (the
 * document's version and the fingerprints of both ends, model/fingerprint.ts), so that
 * csr/suspect-link can tell when either end changed since.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseDocument } from "yaml";
import { UserError } from "../../core/errors.js";
import { list, t } from "../../i18n/index.js";
import type { Repository } from "../../load/repository.js";
import { csrFingerprint, linkedSection, sectionFingerprint } from "../../model/fingerprint.js";
import { addressing } from "../../model/csr-status.js";
import { currentRevision, revisionInForce } from "../../model/index.js";
import { releasedPendingUntil } from "../../model/revision.js";
import { releasedRevisions } from "../../load/base.js";
import { releaseTag } from "../../model/paths.js";
import type { AddressedIn, ControlledDocument, Csr, LinkPin } from "../../model/types.js";
import { yamlText, type FileChange } from "../shared/persist.js";

export type Pin = NonNullable<AddressedIn["pin"]>;

/** The `history` of a pin that replaces `pin`: its own, then `pin` without it. */
export function replacedPins(pin: Pin): LinkPin[] {
  const { history, ...replaced } = pin;
  return [...(history ?? []), replaced];
}

/**
 * The pin of a link made or confirmed now; `by` is who confirmed it (absent when only pinned);
 * `previous`, the revision in force through which a confirmed link addresses the CSR while the one it
 * is confirmed against is pending (heldThrough).
 */
export function pinFor(csr: Csr, doc: ControlledDocument, section: string | undefined, by: string | undefined, date: string, previous?: string): Pin {
  const revision = currentRevision(doc)?.version;
  return {
    ...(revision ? { revision } : {}),
    ...(previous ? { previous } : {}),
    section: sectionFingerprint(doc, section === undefined ? undefined : linkedSection(doc, section)),
    csr: csrFingerprint(csr),
    ...(by ? { by } : {}),
    date,
  };
}

/**
 * Whether a link to `section` of `doc` (`path`, its file) made now is made against the draft of its next
 * revision (tester56 D2): the document is being revised (修订中, the file holds the draft) and the text
 * linked is not the one its current revision released (git's tag or release commit): a section the draft
 * added or changed. Such a link addresses the CSR once that text is released, not through the revision
 * in force; the pin says so (`draft`). A released text git does not have cannot show the section was
 * there: the link is taken as made on the draft, as the file it was made on is.
 */
export async function linkedToDraft(root: string, doc: ControlledDocument, path: string, section: string | undefined): Promise<boolean> {
  const version = currentRevision(doc)?.version;
  if (doc.status !== "released" || doc.revising === undefined || version === undefined) return false;
  const released = (await releasedRevisions(root, [{ id: doc.id, path, version }])).get(releaseTag(doc.id, version));
  if (released === undefined) return true;
  const then = section === undefined ? undefined : linkedSection(released, section);
  if (section !== undefined && then === undefined) return true;
  return sectionFingerprint(released, then) !== sectionFingerprint(doc, section === undefined ? undefined : linkedSection(doc, section));
}

/**
 * The revision in force on `date` through which `place` addresses the CSR, when the document's
 * current revision takes effect after `date` (csr release --effective) and the link counts that day
 * (model/csr-status.ts addressing): confirmed against the pending revision, as the release asks, the
 * link keeps counting through the one in force until the new one takes effect (tester20 F18).
 */
export function heldThrough(place: AddressedIn, doc: ControlledDocument, csr: Csr, date: string): { previous: string; pending: string; until: string } | undefined {
  const until = releasedPendingUntil(doc, date);
  const previous = revisionInForce(doc, date)?.version;
  const pending = currentRevision(doc)?.version;
  // As the requirement stands (csr): a link the customer's rewording left unconfirmed did not count (tester58 F10).
  return until && previous && pending && addressing(place, doc, date, csr).counts ? { previous, pending, until } : undefined;
}

/**
 * The index of the link to confirm: the one to `doc` (and `section`, when given).
 * @throws UserError when there is none, or several and no section says which.
 */
export function linkToConfirm(csr: Csr, doc: ControlledDocument, section: string | undefined): number {
  const places = csr.addressed ?? [];
  // A section the document does not have matches only the link written so, not every other link to a missing one.
  const named = section === undefined ? undefined : linkedSection(doc, section);
  const matching = places.map((p, i) => ({ p, i })).filter(({ p }) => p.document === doc.id && (section === undefined || p.section === section || (named !== undefined && p.section !== undefined && linkedSection(doc, p.section) === named)));
  if (matching.length === 0) throw new UserError(t("address.confirm-not-linked", { id: csr.id, where: section ? t("address.document-section", { document: doc.id, section }) : doc.id, document: doc.id }));
  if (matching.length > 1) throw new UserError(t("address.confirm-which-section", { id: csr.id, document: doc.id, sections: list(matching.map(({ p }) => p.section ?? t("prompt.address.whole-document"))) }));
  return matching[0]!.i;
}

/** Links without a pin get one; links to a missing document or section are left for 'csr check' to report. */
export function pinAll(root: string, repo: Repository, by: string | undefined, date: string): FileChange[] {
  const documents = new Map(repo.documents.map((d) => [d.value.id, d.value]));
  const changes: FileChange[] = [];
  for (const { value: csr, file } of repo.csrs) {
    const places = csr.addressed ?? [];
    if (!places.some((p) => !p.pin)) continue;
    const text = readFileSync(join(root, file.path), "utf8");
    const yaml = parseDocument(text);
    let pinned = false;
    places.forEach((place, i) => {
      const doc = documents.get(place.document);
      if (place.pin || !doc || (place.section !== undefined && !linkedSection(doc, place.section))) return;
      yaml.setIn(["addressed", i, "pin"], yaml.createNode(pinFor(csr, doc, place.section, by, date)));
      pinned = true;
    });
    if (pinned) changes.push({ path: file.path, kind: "csr", text: yamlText(yaml, text) });
  }
  return changes;
}
