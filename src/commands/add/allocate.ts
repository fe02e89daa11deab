/**
 * CSR ids are <CUSTOMER>-NNN. Two controllers adding CSRs on two branches would both take the
 * next free number of their own checkout; looking at every local and remote-tracking branch as
 * well makes that collision rare (csr/duplicate-id-across-branches reports the rest).
 */
import type { Repository } from "../../load/repository.js";
import { isGitRepository, openGit } from "../../load/git.js";

export function csrId(customer: string, n: number): string {
  return `${customer}-${String(n).padStart(3, "0")}`;
}

function numberIn(name: string, customer: string): number | undefined {
  const escaped = customer.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&");
  const m = new RegExp(`^${escaped}-(\\d+)(?:\\.ya?ml)?$`).exec(name);
  return m ? Number(m[1]) : undefined;
}

/** Numbers taken in the working tree: valid CSRs, invalid ones, and file names. */
function workingTreeNumbers(repo: Repository, customer: string): number[] {
  const names = [
    ...repo.csrs.filter((c) => c.value.customer === customer).map((c) => c.value.id),
    ...repo.unvalidated.csrs,
    ...repo.files.filter((f) => f.path.startsWith(`csr/${customer}/`)).map((f) => f.path.slice(f.path.lastIndexOf("/") + 1)),
  ];
  return names.map((n) => numberIn(n, customer)).filter((n): n is number => n !== undefined);
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
      const n = numberIn(path.slice(path.lastIndexOf("/") + 1), customer);
      if (n !== undefined) numbers.push(n);
    }
  }
  return numbers;
}

export async function nextCsrId(repo: Repository, customer: string): Promise<string> {
  const taken = [...workingTreeNumbers(repo, customer), ...(await branchNumbers(repo.root, customer))];
  return csrId(customer, Math.max(0, ...taken) + 1);
}
