/** A document number two files carry (id/duplicate): which one a command works on, said on stderr. */
import { conjunction, t } from "../../i18n/index.js";
import type { Located, Repository } from "../../load/repository.js";
import type { ControlledDocument } from "../../model/types.js";

/**
 * Says on stderr (one line) that other files carry the number of the document a command found
 * (`chosen`, the repository index's choice: the longer revision record, model/index.ts, tester57
 * E6), naming them and the file the command works on, so that an edit, a release or a print is not
 * taken for one of the other file's.
 */
export function noteSameNumber(repo: Pick<Repository, "documents">, chosen: Located<ControlledDocument>, stderr: (text: string) => void): void {
  const others = repo.documents.filter((d) => d.value.id === chosen.value.id && d.file.path !== chosen.file.path).map((d) => d.file.path);
  if (others.length > 0) stderr(t("lookup.document.same-number", { id: chosen.value.id, path: chosen.file.path, others: conjunction(others) }) + "\n");
}
