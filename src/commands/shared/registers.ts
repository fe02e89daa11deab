/** What a command that prints registers dated a day (`--today`) reads besides the repository. */
import type { ControlledDocument } from "../../model/types.js";
import { releasedRevisions } from "../../load/base.js";
import type { Repository } from "../../load/repository.js";
import { releasedContentOn } from "../../model/as-of.js";
import { registerContext, type Lang, type RegisterContext } from "../../report/registers/context.js";

/**
 * The content of every document revised after `day` as the revision issued by then was released, read
 * from git (releasedRevisions), by release tag: a register of a past day lists a procedure's version of
 * that day with that version's 相关文件 and 相关记录, not a later one's (tester18 F11), and a document
 * being revised (修订中) with its version in force, not the draft in its file. For a register of today
 * only the documents being revised are read.
 */
export function releasedOn(repo: Repository, day: string): Promise<Map<string, ControlledDocument>> {
  const wanted = repo.documents.flatMap(({ value, file }) => {
    const revision = releasedContentOn(value, day);
    return revision ? [{ id: value.id, path: file.path, version: revision.version }] : [];
  });
  return releasedRevisions(repo.root, wanted);
}

/** The context of registers dated `day`, with the content of the documents on that day (releasedOn). */
export async function registerContextOn(repo: Repository, lang: Lang, day: string): Promise<RegisterContext> {
  return registerContext(repo, lang, await releasedOn(repo, day));
}
