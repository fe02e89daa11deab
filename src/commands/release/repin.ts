/**
 * Links made against the text a release puts in force (tester18 F14). `csr address` (or
 * `--confirm`) run while a procedure's body is being edited pins the link to the revision released
 * then, with the fingerprint of the edited text: the link records a revision that does not contain
 * the text it was made against. The release of that text is the revision the link belongs to, so it
 * moves the pin there, and the CSR is addressed by that revision from its 实施日期, as it would be had
 * the link been made after the release (model/csr-status.ts addressing).
 */
import type { Located } from "../../load/repository.js";
import { linkedSection, sectionFingerprint } from "../../model/fingerprint.js";
import { documentSections } from "../../model/sections.js";
import type { ControlledDocument, Csr } from "../../model/types.js";
import { citedSection } from "./links.js";

export interface Repinned {
  csrs: string[];
  /** The places re-pinned in `addressed`, by CSR file (repository-relative). */
  places: Map<string, number[]>;
  /**
   * At a first release, the section fingerprints of the text released now, by CSR file and place, where the draft's
   * text changed after the link was made: the document never had a confirmed text, so the link is pinned to the one
   * approved now (tester64 N12).
   */
  sections: Map<string, Map<number, string>>;
}

/**
 * The links to `released.id` whose pin records `from` (the revision in force until this release) and
 * the fingerprint of the text released now as `to`, where that text is not the one `from` released
 * (`previous`, the document as `from` was released): they were made against the text released now.
 * A link to text that `from` had already stays with `from`, which addresses the CSR today. At a first
 * release (`previous` and `from` undefined) the links made against its draft have no revision: they get the
 * new revision (tester23 F1), and those whose text changed since the link was made the text released now
 * (`sections`): the document never had a confirmed text to compare with (tester64 N12). links.ts linkChanges writes it.
 */
export function linksToRepin(csrs: readonly Located<Csr>[], released: ControlledDocument, previous: ControlledDocument | undefined, from: string | undefined): Repinned {
  const result: Repinned = { csrs: [], places: new Map(), sections: new Map() };
  const first = previous === undefined && from === undefined;
  for (const { value: csr, file } of csrs) {
    if (csr.superseded) continue;
    const places = (csr.addressed ?? []).flatMap((place, i) => {
      if (place.document !== released.id || place.pin === undefined || place.pin.revision !== from) return [];
      const now = fingerprint(released, place.section);
      if (now !== undefined && first && now !== place.pin.section) {
        result.sections.set(file.path, (result.sections.get(file.path) ?? new Map<number, string>()).set(i, now));
        return [i];
      }
      return now !== undefined && now === place.pin.section && (previous === undefined || fingerprint(previous, place.section, true) !== now) ? [i] : [];
    });
    if (places.length === 0) continue;
    result.csrs.push(csr.id);
    result.places.set(file.path, places);
  }
  return result;
}

/**
 * The fingerprint of the section `ref` names (the whole body when undefined); undefined when the
 * document has no such section. `before`: the text released before, numbered as it was, where a link
 * re-pointed to a renumbered section names it by its title (links.ts citedSection).
 */
function fingerprint(doc: ControlledDocument, ref: string | undefined, before = false): string | undefined {
  if (ref === undefined) return sectionFingerprint(doc, undefined);
  const section = before ? citedSection(documentSections(doc), ref)?.section : linkedSection(doc, ref);
  return section ? sectionFingerprint(doc, section) : undefined;
}

