/**
 * CSR ids are <CUSTOMER>-NNN (model/csr-numbers.ts). Two controllers adding CSRs on two branches
 * would both take the next free number of their own checkout; looking at every local and
 * remote-tracking branch as well makes that collision rare (csr/duplicate-id-across-branches
 * reports the rest).
 */
import type { Repository } from "../../load/repository.js";
import { isGitRepository, openGit } from "../../load/git.js";
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

/** Numbers taken on any local or remote-tracking branch, read with ls-tree (no checkout). */
async function branchNumbers(root: string, customer: string): Promise<number[]> {
  if (!(await isGitRepository(root))) return [];
  const git = await openGit(root);
  const refs = (await git.raw(["for-each-ref", "--format=%(refname)", "refs/heads", "refs/remotes"])).split("\n").filter(Boolean);
  const numbers: number[] = [];
  for (const ref of refs) {
    const listing = await git.raw(["ls-tree", "-r", "--name-only", ref, "--", `csr/${customer}/`]);
    for (const path of listing.split("\n").filter(Boolean)) {
      const n = csrNumberIn(path.slice(path.lastIndexOf("/") + 1), customer);
      if (n !== undefined) numbers.push(n);
    }
  }
  return numbers;
}

/** The numbers taken for these customers, in the working tree and on every branch: what `csr add` and `csr import` number from. */
export async function csrNumbers(repo: Repository, customers: readonly string[]): Promise<CsrNumbers> {
  const taken = new Map<string, number[]>();
  for (const customer of customers) taken.set(customer, [...workingTreeNumbers(repo, customer), ...(await branchNumbers(repo.root, customer))]);
  return new CsrNumbers(taken);
}

export async function nextCsrId(repo: Repository, customer: string): Promise<string> {
  return (await csrNumbers(repo, [customer])).next(customer);
}
