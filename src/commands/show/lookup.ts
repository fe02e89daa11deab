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
  throw new UserError(t("lookup.csr.missing", { id }) + didYouMean(id, repo.csrs.map((c) => c.value.id)), t("lookup.csr.missing.hint"));
}
