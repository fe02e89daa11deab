/** Finding one CSR by id for the commands that take one. */
import { UserError } from "../../core/errors.js";
import { didYouMean } from "../../core/text.js";
import type { Located, Repository } from "../../load/repository.js";
import type { Csr } from "../../model/types.js";
import { conjunction, t } from "../../i18n/index.js";

export function findCsr(repo: Repository, id: string): Located<Csr> {
  const matches = repo.csrs.filter((c) => c.value.id === id);
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) {
    throw new UserError(t("lookup.csr.duplicate", { id, paths: conjunction(matches.map((m) => m.file.path)) }), t("lookup.csr.duplicate.hint"));
  }
  if (repo.unvalidated.csrs.has(id)) {
    throw new UserError(t("lookup.csr.unreadable", { id }), t("lookup.fix-file-first"));
  }
  // A file that cannot be parsed at all has no id to find it by; its name usually is the id.
  const unreadable = repo.problems.find((p) => p.path.startsWith("csr/") && p.path.replace(/^.*\//, "").replace(/\.ya?ml$/i, "") === id);
  if (unreadable) {
    const { problem } = unreadable;
    throw new UserError(
      t("lookup.csr.cannot-read", { path: unreadable.path, id, rule: problem.rule, line: problem.line, column: problem.column, reason: firstSentence(problem.message) }),
      t("lookup.fix-file-then-again"),
    );
  }
  throw new UserError(t("lookup.csr.missing", { id }) + didYouMean(id, repo.csrs.map((c) => c.value.id)), t("lookup.csr.missing.hint"));
}

function firstSentence(message: string): string {
  return /^[^.]*(\.|$)/.exec(message)![0].replace(/\.$/, "");
}
