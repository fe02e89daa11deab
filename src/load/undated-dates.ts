/**
 * The day each change no record dates (model/changes.ts isUndated: a person added, moved or given roles, where a
 * CSR is addressed, a row of the symbol conversion table added or removed, a file deleted) was entered: the day
 * of the commit that made it. The report of a long period lists them undated, from a comparison of its two ends;
 * a short one (csr site's changes of the last 30 days and of the current and previous month, tester70 P11) has
 * few commits, so each can be placed on its own: a change whose file only one commit of the period touched was
 * made there; for a file several touched, the repository is read at each of them and compared with the state
 * before, the change taking the day of the last commit that made it.
 */
import type { FolderCommit } from "./git.js";
import { loadRevision } from "./base.js";
import type { Repository } from "./repository.js";
import { compareStates, isUndated, type Change } from "../model/changes.js";

/** The file a change no record dates was made in, in the later state (the earlier one for something removed). */
function fileOf(change: Change, before: Repository, after: Repository): string | undefined {
  const located = (repo: Repository) => {
    if (change.area === "person") return repo.people[0]?.file.path;
    if (change.area === "symbol") return repo.symbols[0]?.file.path;
    if (change.area === "csr") return repo.csrs.find((c) => c.value.id === change.id)?.file.path;
    if (change.area === "document") return repo.documents.find((d) => d.value.id === change.id)?.file.path;
    return undefined;
  };
  return change.kind === "removed" ? located(before) : (located(after) ?? located(before));
}

/** A change as compared: what changed, from what, to what. */
const sameChange = (a: Change, b: Change) => a.area === b.area && a.kind === b.kind && a.id === b.id && a.from === b.from && a.to === b.to;

/**
 * `changes` with each undated one (isUndated, no date) dated by the commit of `commits` (folderCommits: newest first)
 * made on `from` or later that made it (its `date` the commit's day, `commit` its id); `before` and `after`: the
 * repository at the commit before `from` and at the last one. A change no commit of the period is found to make keeps
 * no date.
 */
export async function datedByCommit(root: string, changes: readonly Change[], before: Repository, after: Repository, commits: readonly FolderCommit[], from: string): Promise<Change[]> {
  const undated = changes.filter((c) => c.date === null && isUndated(c));
  if (undated.length === 0) return [...changes];
  // Oldest first: the period's commits.
  const period = commits.filter((c) => c.day >= from).reverse();
  const states = new Map<string, Promise<Repository>>();
  const stateAt = (commit: string) => {
    let state = states.get(commit);
    if (!state) states.set(commit, (state = loadRevision(root, commit)));
    return state;
  };
  const dated = new Map<Change, FolderCommit>();
  for (const change of undated) {
    const file = fileOf(change, before, after);
    const touching = file === undefined ? [] : period.filter((c) => c.files.includes(file));
    if (touching.length === 1) dated.set(change, touching[0]!);
    else if (touching.length > 1) {
      // Made in one step, the change as compared; in several (a CSR addressed in two documents on two days), its last step.
      let earlier = before;
      let exact: FolderCommit | undefined;
      let step: FolderCommit | undefined;
      for (const commit of touching) {
        const state = await stateAt(commit.commit);
        const made = compareStates(earlier, state);
        if (made.some((c) => sameChange(c, change))) exact = commit;
        if (made.some((c) => c.area === change.area && c.kind === change.kind && c.id === change.id)) step = commit;
        earlier = state;
      }
      const found = exact ?? step;
      if (found) dated.set(change, found);
    }
  }
  return changes.map((change) => {
    const commit = dated.get(change);
    return commit ? { ...change, date: commit.day, commit: commit.commit } : change;
  });
}
