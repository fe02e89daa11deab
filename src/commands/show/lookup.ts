/** Finding one CSR by id for the commands that take one. */
import { UserError } from "../../core/errors.js";
import { didYouMean } from "../../core/text.js";
import type { Located, Repository } from "../../load/repository.js";
import type { Csr } from "../../model/types.js";

export function findCsr(repo: Repository, id: string): Located<Csr> {
  const matches = repo.csrs.filter((c) => c.value.id === id);
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) {
    throw new UserError(`The CSR id '${id}' is claimed by ${matches.map((m) => m.file.path).join(" and ")}.`, "Give one of them a new id first (see 'csr check', rule csr/duplicate-id-across-branches).");
  }
  if (repo.unvalidated.csrs.has(id)) {
    throw new UserError(`The file of CSR ${id} has errors, so csr cannot read it reliably.`, "Run 'csr check' and fix the file first.");
  }
  // A file that cannot be parsed at all has no id to find it by; its name usually is the id.
  const unreadable = repo.problems.find((p) => p.path.startsWith("csr/") && p.path.replace(/^.*\//, "").replace(/\.ya?ml$/i, "") === id);
  if (unreadable) {
    const { problem } = unreadable;
    throw new UserError(
      `${unreadable.path}, the file of ${id}, cannot be read: ${problem.rule} on line ${problem.line}, column ${problem.column} (${firstSentence(problem.message)}).`,
      "Fix the file (run 'csr check' for details), then run the command again.",
    );
  }
  throw new UserError(`No CSR '${id}' in this repository.${didYouMean(id, repo.csrs.map((c) => c.value.id))}`, "'csr list' shows every CSR.");
}

function firstSentence(message: string): string {
  return /^[^.]*(\.|$)/.exec(message)![0].replace(/\.$/, "");
}
