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
  /** The document referred to, when the repository has it (ref/unresolved reports the others). */
  target: ControlledDocument | undefined;
  id: string;
}

/**
 * Every entry of `related` and `forms` of every released document, in file order: what
 * doc/obsolete-referenced and doc/unreleased-referenced judge (a draft may still point anywhere).
 * Only the documents whose findings the check keeps (RuleContext.keeps).
 */
export function* releasedReferences({ index, keeps }: Pick<RuleContext, "index" | "keeps">): Generator<Reference> {
  for (const { value: document, file } of index.documents.values()) {
    if (document.status !== "released" || !keeps(file)) continue;
    for (const field of ["related", "forms"] as const) {
      const ids = document[field] ?? [];
      for (let i = 0; i < ids.length; i++) yield { document, file, field, index: i, id: ids[i]!, target: index.documents.get(ids[i]!)?.value };
    }
  }
}
