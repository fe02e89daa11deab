/** The references of documents in force, as the rules that judge what they refer to share them. */
import type { SourceFile } from "../../../load/source.js";
import type { ControlledDocument } from "../../../model/types.js";
import type { RuleContext } from "../../rule.js";

export interface Reference {
  /** The released document that refers. */
  document: ControlledDocument;
  file: SourceFile;
  field: "related" | "forms";
  /** Position in that list: the finding's path is [field, index]. */
  index: number;
  /** The document referred to (ref/unresolved reports the references to none). */
  target: ControlledDocument;
  id: string;
}

/**
 * The entries of `fields` (`related` and `forms` unless given) of every released document that
 * refer to a document `judged` picks, in file order: what doc/obsolete-referenced and doc/unreleased-referenced report (a draft
 * may still point anywhere). Only the documents whose findings the check keeps (RuleContext.keeps).
 * Tens of thousands of references are looked at and hardly any is reported: the test comes first.
 */
export function releasedReferences(
  { index, keeps }: Pick<RuleContext, "index" | "keeps">,
  judged: (target: ControlledDocument) => boolean,
  fields: readonly Reference["field"][] = FIELDS,
): Reference[] {
  const found: Reference[] = [];
  for (const { value: document, file } of index.documents.values()) {
    if (document.status !== "released" || !keeps(file)) continue;
    for (const field of fields) {
      const ids = document[field] ?? [];
      for (let i = 0; i < ids.length; i++) {
        const target = index.documents.get(ids[i]!)?.value;
        if (target && judged(target)) found.push({ document, file, field, index: i, id: ids[i]!, target });
      }
    }
  }
  return found;
}

const FIELDS = ["related", "forms"] as const;
