/** What a command that prints registers dated a day (`--today`) reads besides the repository. */
import type { ControlledDocument } from "../../model/types.js";
import { localToday } from "../../core/dates.js";
import { committedDocumentsOn, loadRevision, releasedRevisions } from "../../load/base.js";
import { folderCommits, type FolderCommit } from "../../load/git.js";
import type { Repository } from "../../load/repository.js";
import { releasedContentOn, replacedUntilEffective } from "../../model/as-of.js";
import { releaseTag } from "../../model/paths.js";
import { currentRevision, issuedOn, type RepoIndex } from "../../model/index.js";
import { asCompleted, revisedContent } from "../../model/revision.js";
import { registerContext, type Lang, type RegisterContext } from "../../report/registers/context.js";
import type { DraftsOn } from "../../report/registers/documents.js";

/**
 * The content of every document revised after `day` as the revision issued by then was released, read
 * from git (releasedRevisions), by release tag: a register of a past day lists a procedure's version of
 * that day with that version's 相关文件 and 相关记录, not a later one's (tester18 F11), and a document
 * being revised (修订中) with its version in force, not the draft in its file. For a register of today
 * only the documents being revised are read. `inForce` (csr site): also, for a document whose version issued
 * by `day` is not yet in force (待实施), the version still in force (model/as-of.ts replacedUntilEffective).
 */
export function releasedOn(repo: Repository, day: string, { inForce = false }: { inForce?: boolean } = {}): Promise<Map<string, ControlledDocument>> {
  const wanted = repo.documents.flatMap(({ value, file }) => {
    const revision = releasedContentOn(value, day);
    const own = revision ? [{ id: value.id, path: file.path, version: revision.version }] : [];
    // `inForce` (csr site): also the version still in force while the one issued is 待实施 (replacedUntilEffective), read in the same git calls.
    const replaced = inForce ? replacedUntilEffective(value, day) : undefined;
    return replaced && replaced.version !== revision?.version ? [...own, { id: value.id, path: file.path, version: replaced.version }] : own;
  });
  return releasedRevisions(repo.root, wanted);
}

/**
 * What a register of a past `day` reads of the files as committed at the end of that day
 * (committedDocumentsOn): the drafts and documents in review, the documents revised after the day
 * (the 修订中 mark of that day) and the forms (their retention). Undefined for today or a day ahead.
 */
export function committedFilesOn(repo: Repository, day: string, commits?: readonly FolderCommit[]): Promise<Map<string, ControlledDocument | null> | undefined> {
  if (day >= localToday()) return Promise.resolve(undefined);
  const wanted = repo.documents.flatMap(({ value, file }) => {
    const read = value.kind !== "external" && (value.status === "draft" || value.status === "in-review" || value.kind === "form" || (value.revisions ?? []).some((r) => issuedOn(r) > day));
    return read ? [{ id: value.id, path: file.path }] : [];
  });
  if (wanted.length === 0) return Promise.resolve(undefined);
  return committedDocumentsOn(repo.root, wanted, day, commits ?? folderCommits(repo.root));
}

/**
 * The context of registers dated `day`, with the content of the documents on that day (releasedOn) and
 * what their files said then (committedFilesOn); `index`: the index of `repo` when the command built it already.
 */
export async function registerContextOn(repo: Repository, lang: Lang, day: string, index?: RepoIndex): Promise<RegisterContext> {
  return registerContext(repo, lang, await releasedOn(repo, day), await committedFilesOn(repo, day), index);
}

/**
 * The released documents whose file no longer holds what their current version's release tag
 * (`csr release` tags QP-012/A-3) recorded, by id, with the document as tagged: a change committed
 * (or only saved) without a new revision, which csr check reports with --base (doc/revision-not-bumped)
 * but a site built from the working tree would publish as the approved version (IATF 16949 7.5.3.2,
 * GJB 9001C 7.5.3: only approved documents at points of use). Content as that rule compares it: the
 * register data kept about a document (copies, training, periodic reviews …) change without a release.
 * Only tags are read (one `git cat-file --batch`): a repository that never ran csr release has none.
 */
export async function changedSinceRelease(repo: Repository, day: string): Promise<Map<string, ControlledDocument>> {
  const wanted = repo.documents.flatMap(({ value, file }) => {
    const revision = currentRevision(value);
    if (value.kind === "external" || value.status !== "released" || value.revising !== undefined || revision === undefined || issuedOn(revision) > day || releasedContentOn(value, day)) return [];
    // The file's text read only for a document whose release tag git has (releasedRevisions compares it with the tag's): a file read
    // with js-yaml is read again from disk for its text (load/source.ts), which a repository without release tags never needs.
    return [{ id: value.id, path: file.path, version: revision.version, get unless() { return file.text; }, current: value }];
  });
  const tagged = await releasedRevisions(repo.root, wanted, { tagsOnly: true });
  const changed = new Map<string, ControlledDocument>();
  for (const w of wanted) {
    const released = tagged.get(releaseTag(w.id, w.version));
    if (released && revisedContent(asCompleted(released, w.current)) !== revisedContent(w.current)) changed.set(w.id, released);
  }
  return changed;
}

export type Committed = { repo: Repository; commit: FolderCommit } | { repo?: undefined; commit: undefined };

/**
 * The repository as committed at the end of a past `day`: the last of the folder's `commits`
 * (load/git.ts folderCommits, newest first) whose committer day is that day or earlier. Undefined
 * for today or a day ahead, whose repository is the working tree; `commit` undefined when there is
 * no commit by then (not in git, or none made by that day).
 */
export async function committedOn(root: string, day: string, commits: readonly FolderCommit[]): Promise<Committed | undefined> {
  if (day >= localToday()) return undefined;
  const last = commits.find((c) => c.day <= day);
  return last === undefined ? { commit: undefined } : { repo: await loadRevision(root, last.commit), commit: last };
}

/** Where a register of `day` takes its drafts and documents in review from (DraftsOn), given what committedOn found. */
export function draftsOn(committed: Committed | undefined, lang: Lang): DraftsOn | undefined {
  if (committed === undefined) return undefined;
  if (committed.repo === undefined) return { unknown: true };
  return { ctx: registerContext(committed.repo, lang), commit: committed.commit.short, date: committed.commit.day };
}
