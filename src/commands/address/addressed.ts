/**
 * Where a CSR is addressed (IATF 16949 7.5.1.1): the entries of its `addressed` list, added and
 * removed through the YAML Document so that the rest of the file keeps its layout. An entry is a
 * map ({document, section}); later fields (e.g. the version it was checked against) fit beside them.
 */
import { isSeq, type Document } from "yaml";
import { UserError } from "../../core/errors.js";
import { list, t } from "../../i18n/index.js";
import { documentSections, findSection, parseSectionReference, sectionLabel } from "../../model/sections.js";
import type { ControlledDocument, Csr } from "../../model/types.js";
import { appendIn } from "../shared/persist.js";

export type AddressedEntry = NonNullable<Csr["addressed"]>[number];

/**
 * The entry for `document` and an optional section reference (number, title, or both), recorded
 * as the document's own number and title, or its number alone with `numberOnly` (a document marked
 * 秘密, 机密 or 绝密: the CSR file, its registers and the site must not quote the withheld text's
 * titles, tester25 F2); refuses a section the document does not declare, naming the ones it has.
 */
export function addressedEntry(document: ControlledDocument, section: string | undefined, numberOnly = false): AddressedEntry {
  if (section === undefined || section.trim() === "") return { document: document.id };
  const sections = documentSections(document);
  const { found, movedFrom, numbered, titled } = findSection(sections, section);
  if (found && movedFrom === undefined) return { document: document.id, section: numberOnly ? found.number : sectionLabel(found, "zh-CN") };
  // The title written is now another number's: said, not recorded under a guess at which of the two was meant.
  if (found) throw new UserError(t("address.section-moved", { document: document.id, title: found.title, number: found.number, given: movedFrom }), t("address.section-moved.hint", { section: numberOnly ? found.number : sectionLabel(found, "zh-CN") }));
  if (numbered && !titled) {
    // The section now under the number is another: not offered as the fix (tester49).
    throw new UserError(
      t("address.section-title-mismatch", { document: document.id, number: numbered.number, title: numbered.title, given: parseSectionReference(section).title! }),
      t("address.sections", { sections: list(sections.map((s) => sectionLabel(s, "zh-CN"))), example: sections[sections.length - 1]!.number }),
    );
  }
  throw new UserError(
    t("address.no-section", { document: document.id, section }),
    sections.length > 0
      ? t("address.sections", { sections: list(sections.map((s) => sectionLabel(s, "zh-CN"))), example: sections[sections.length - 1]!.number })
      : t("address.no-sections", { document: document.id }),
  );
}

function sameEntry(a: AddressedEntry, b: AddressedEntry): boolean {
  return a.document === b.document && (a.section ?? "") === (b.section ?? "");
}

/** Adds the entry to the CSR file; false when the CSR lists it already (nothing to do). */
export function addAddressed(csr: Csr, doc: Document, entry: AddressedEntry): boolean {
  if ((csr.addressed ?? []).some((e) => sameEntry(e, entry))) return false;
  appendIn(doc, ["addressed"], entry);
  return true;
}

/**
 * Removes the entries for `documentId` (only the one for `section` when given); returns how many
 * were removed. An emptied list is removed with its key.
 */
export function removeAddressed(csr: Csr, doc: Document, documentId: string, section: string | undefined): number {
  const list = csr.addressed ?? [];
  const drop = list.map((e, i) => ({ e, i })).filter(({ e }) => e.document === documentId && (section === undefined || e.section === section));
  const node = doc.get("addressed", true);
  if (!isSeq(node)) return 0;
  for (const { i } of [...drop].reverse()) node.items.splice(i, 1);
  if (node.items.length === 0) doc.delete("addressed");
  return drop.length;
}
