/** Finding one CSR by id for the commands that take one. */
import { UserError } from "../../core/errors.js";
import { didYouMean } from "../../core/text.js";
import type { Located, Repository } from "../../load/repository.js";
import { documentFileName } from "../../model/paths.js";
import type { Csr } from "../../model/types.js";
import { conjunction, t } from "../../i18n/index.js";

/**
 * The CSR `id` of `repo`, or a UserError saying why there is none (no such id, two files with it, a
 * file that cannot be read). With `documents` (the ids csr show takes besides a CSR's: documents, customer
 * source documents, corrective action records), the refusal says none of them is there and suggests the
 * closest, and a corrective action record's file that cannot be read is named as a CSR's or a document's is.
 */
export function findCsr(repo: Repository, id: string, documents?: Iterable<string>): Located<Csr> {
  const matches = repo.csrs.filter((c) => c.value.id === id);
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) {
    throw new UserError(t("lookup.csr.duplicate", { id, paths: conjunction(matches.map((m) => m.file.path)) }), t("lookup.csr.duplicate.hint"));
  }
  if (repo.unvalidated.csrs.has(id)) {
    throw new UserError(t("lookup.csr.unreadable", { id }), t("lookup.fix-file-first"));
  }
  // csr show's ids: a corrective action record's file is named by its id as a document's is.
  const unreadable = unreadableFile(repo, id, documents ? ["csr/", "documents/", "actions/"] : ["csr/"]);
  if (unreadable) throw unreadable;
  if (documents && repo.unvalidated.actions.has(id)) throw new UserError(t("lookup.action.unreadable", { id }), t("lookup.fix-file-first"));
  const csrs = repo.csrs.map((c) => c.value.id);
  if (documents) throw new UserError(t("lookup.show.missing", { id }) + didYouMean(id, [...documents, ...csrs]), t("lookup.show.missing.hint"));
  throw new UserError(t("lookup.csr.missing", { id }) + didYouMean(id, csrs), t("lookup.csr.missing.hint"));
}

/**
 * A file that cannot be parsed at all (a YAML error, git's merge-conflict markers) has no id to find
 * it by; its name usually is the id: the refusal of a command given that id, naming the file, the
 * problem and its place, rather than "no such document" (tester57 E20). `folders`: where to look
 * (csr/, documents/, actions/). Undefined when no such file has a problem.
 */
export function unreadableFile(repo: Pick<Repository, "problems">, id: string, folders: readonly string[] = ["csr/", "documents/"]): UserError | undefined {
  const name = documentFileName(id);
  const found = repo.problems.find((p) => folders.some((f) => p.path.startsWith(f)) && p.path.replace(/^.*\//, "").replace(/\.ya?ml$/i, "") === name);
  if (!found) return undefined;
  const { problem } = found;
  return new UserError(
    t("lookup.csr.cannot-read", { path: found.path, id, rule: problem.rule, line: problem.line, column: problem.column, reason: firstSentence(problem.message) }),
    t("lookup.fix-file-then-again"),
  );
}

function firstSentence(message: string): string {
  return /^[^.。]*(\.|。|$)/.exec(message)![0].replace(/[.。]$/, "");
}
