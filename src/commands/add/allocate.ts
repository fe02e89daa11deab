/**
 * CSR ids are <CUSTOMER>-NNN (model/csr-numbers.ts). Two controllers adding CSRs on two branches
 * would both take the next free number of their own checkout; looking at every number ever
 * committed on any local or remote-tracking branch as well makes that collision rare
 * (csr/duplicate-id-across-branches reports the rest), and a number once committed is never given
 * again, even after its file was deleted.
 */
import type { Repository } from "../../load/repository.js";
import { gitRead } from "../../load/git.js";
import { CsrNumbers, csrNumberIn } from "../../model/csr-numbers.js";

/** Numbers taken in the working tree: valid CSRs, invalid ones, and file names. */
function workingTreeNumbers(repo: Repository, customer: string): number[] {
  const names = [
    ...repo.csrs.filter((c) => c.value.customer === customer).map((c) => c.value.id),
    ...repo.unvalidated.csrs,
    ...repo.files.filter((f) => f.path.startsWith(`csr/${customer}/`)).map((f) => f.path.slice(f.path.lastIndexOf("/") + 1)),
  ];
  return names.map((n) => csrNumberIn(n, customer)).filter((n): n is number => n !== undefined);
}

/**
 * Numbers ever given in git: every file added under csr/<customer>/ in the history of any branch,
 * remote-tracking branch or tag, whether it is still there or was deleted or renamed since (a
 * number cited in a commit message, on a paper review record or in an e-mail must never name
 * another requirement, tester23 F16). One git call for all the customers; names NUL-separated, so
 * that a folder or file name in Chinese comes back as written.
 */
function historyNumbers(root: string, customers: readonly string[]): Map<string, number[]> {
  const taken = new Map(customers.map((c) => [c, [] as number[]]));
  if (customers.length === 0) return taken;
  // --relative: paths from `root` (csr/<customer>/…), which may be a folder of a larger work tree; undefined outside git.
  const log = gitRead(root, ["log", "--all", "--root", "--no-renames", "--diff-filter=A", "--relative", "--name-only", "--format=", "-z", "--", ...customers.map((c) => `csr/${c}/`)]);
  for (const path of log?.split("\0") ?? []) {
    const customer = path.trim().split("/")[1] ?? "";
    const n = csrNumberIn(path.slice(path.lastIndexOf("/") + 1), customer);
    if (n !== undefined) taken.get(customer)?.push(n);
  }
  return taken;
}

/** The numbers taken for these customers, in the working tree and ever in git: what `csr add` and `csr import` number from. */
export async function csrNumbers(repo: Repository, customers: readonly string[]): Promise<CsrNumbers> {
  const committed = historyNumbers(repo.root, customers);
  return new CsrNumbers(new Map(customers.map((customer) => [customer, [...workingTreeNumbers(repo, customer), ...committed.get(customer)!]])));
}

export async function nextCsrId(repo: Repository, customer: string): Promise<string> {
  return (await csrNumbers(repo, [customer])).next(customer);
}
