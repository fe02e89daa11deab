/** The numbered sections of the documents of a repository, as the rules that read them share them. */
import type { Repository } from "../../../load/repository.js";
import { documentSections, type NumberedSection } from "../../../model/sections.js";
import type { ControlledDocument } from "../../../model/types.js";

/**
 * Four rules read every document's numbered sections (doc/section-number, doc/empty-section,
 * doc/mention-unresolved, csr/section-missing): each document's are numbered once per check, by
 * whichever rule comes first, and kept for the others.
 */
const numbered = new WeakMap<Repository, WeakMap<ControlledDocument, NumberedSection[]>>();

/** model/sections.ts documentSections of `doc`, a document of `repo`; the list is shared: not to be changed. */
export function numberedSections(repo: Repository, doc: ControlledDocument): readonly NumberedSection[] {
  let byDocument = numbered.get(repo);
  if (!byDocument) numbered.set(repo, (byDocument = new WeakMap()));
  let sections = byDocument.get(doc);
  if (!sections) byDocument.set(doc, (sections = documentSections(doc)));
  return sections;
}
