/**
 * Steps shared by the commands that change a controlled document and commit it (release,
 * obsolete): find it, make sure git is in a state where one commit can hold exactly this change,
 * edit the YAML keeping its comments and layout, write, commit.
 */
import { join } from "node:path";
import { isMap, isScalar, parseDocument, type Document, type Pair } from "yaml";
import { UserError } from "../../core/errors.js";
import { didYouMean } from "../../core/text.js";
import { list, t } from "../../i18n/index.js";
import { gitRaw, indexListing, refuseOnConflicts, workTreeHead, workTreePrefix } from "../../load/git.js";
import { yamlText } from "../shared/persist.js";
import { unreadableFile } from "../show/lookup.js";
import { noteSameNumber } from "../shared/same-number.js";
import { applyChange, gitReason, runGit } from "../shared/transaction.js";
import type { Located, Repository } from "../../load/repository.js";
import type { RepoIndex } from "../../model/index.js";
import type { ControlledDocument } from "../../model/types.js";

/**
 * The document numbered `id` as the index takes it, saying on `stderr` when another file has the
 * number too (noteSameNumber); else a UserError saying why there is none.
 */
export function findDocument(repo: Repository, index: RepoIndex, id: string, stderr: (text: string) => void): Located<ControlledDocument> {
  const found = index.documents.get(id);
  if (found) {
    noteSameNumber(repo, found, stderr);
    return found;
  }
  const unreadable = unreadableFile(repo, id, ["documents/"]);
  if (unreadable) throw unreadable;
  if (repo.unvalidated.documents.has(id)) {
    throw new UserError(t("edit.document-invalid", { id }), t("edit.fix-first.hint"));
  }
  throw new UserError(t("edit.no-document", { id }) + didYouMean(id, index.documents.keys()));
}

/** Refuses outside git and in the middle of a merge, before anything is read for the change. */
export async function refuseUnlessGitIsClean(root: string): Promise<void> {
  const where = workTreeHead(root);
  if (where === undefined) {
    throw new UserError(t("release.not-git", { root }), t("release.not-git.hint"));
  }
  // The index as one listing: its conflicts, and whether it tracks qms.yaml (named from `root`, a folder of the work tree or its top).
  const index = indexListing(root);
  await refuseOnConflicts(root, [...index.conflicted]);
  if (where.head === undefined) {
    throw new UserError(t("release.no-commit"), t("release.no-commit.hint"));
  }
  if (!index.tracked.has("qms.yaml")) {
    throw new UserError(t("release.config-untracked"), t("release.config-untracked.hint"));
  }
}

/**
 * The commit must hold this document's change and nothing else: other staged files would slip into it
 * unseen. `path`: the files the commit holds (a release's CSR files whose links it changes, links.ts).
 */
export async function refuseOtherStagedFiles(root: string, path: string | readonly string[]): Promise<void> {
  const prefix = workTreePrefix(root) ?? (await gitRaw(root, ["rev-parse", "--show-prefix"])).trim();
  const staged = (await gitRaw(root, ["diff", "--cached", "--name-only", "-z"])).split("\0").filter(Boolean);
  const committed = new Set((typeof path === "string" ? [path] : path).map((p) => `${prefix}${p}`));
  const others = staged.filter((p) => !committed.has(p));
  if (others.length > 0) {
    throw new UserError(
      t("release.others-staged", { paths: list(others) }),
      t("release.others-staged.hint"),
    );
  }
}

/**
 * Edits the YAML text with the Document API, so that comments, key order and quoting survive,
 * and prints it as review does (no line folding, unchanged lines taken from the original), so
 * that only the lines the edit touches differ.
 */
export function editDocument(text: string, edit: (doc: Document.Parsed) => void): string {
  const doc = parseDocument(text);
  edit(doc);
  return yamlText(doc, text);
}

/** Sets a top-level key; a new key is placed right after `after` rather than at the end of the file. */
export function setAfter(doc: Document.Parsed, key: string, value: unknown, after: string): void {
  const map = doc.contents;
  if (!isMap(map) || map.has(key)) {
    doc.set(key, value);
    return;
  }
  const items = map.items as Pair[];
  const position = items.findIndex((pair) => isScalar(pair.key) && pair.key.value === after);
  const pair = doc.createPair(key, value);
  if (position === -1) items.push(pair);
  else items.splice(position + 1, 0, pair);
}

/**
 * Turns simple-git's GitError (and a failed git step) into a one-line UserError: a git failure
 * is a state of the user's repository, not a bug of csr.
 */
export async function withGitErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof UserError) throw error;
    const { GitError } = await import("simple-git");
    if (error instanceof GitError) throw new UserError(t("release.git-failed", { reason: gitReason(error.message) }));
    throw error;
  }
}

/** A commit needs an author and a committer: refused before anything is written when git has none. */
export async function refuseWithoutIdentity(root: string): Promise<void> {
  for (const ident of ["GIT_AUTHOR_IDENT", "GIT_COMMITTER_IDENT"]) {
    const run = await runGit(root, ["var", ident]);
    if (run.code !== 0) {
      throw new UserError(
        t("release.no-identity", { reason: gitReason(run.stderr) }),
      );
    }
  }
}

/**
 * A tag name git would refuse is refused before anything is written: `git check-ref-format refs/tags/<tag>` is
 * asked unless the name is one certainlyValidTag accepts, as the tags of documents numbered as usual are.
 */
export async function refuseInvalidTag(root: string, tag: string, id: string): Promise<void> {
  if (certainlyValidTag(tag)) return;
  const run = await runGit(root, ["check-ref-format", `refs/tags/${tag}`]);
  if (run.code !== 0) {
    throw new UserError(
      t("release.invalid-tag", { tag, id }),
    );
  }
}

/**
 * Whether git certainly takes `refs/tags/<tag>` as a ref name, by a subset of git-check-ref-format(1)'s rules: one or
 * more components separated by single slashes, each made of letters, digits (any script: git refuses no byte over
 * 0x7f), '-' and '_' with single dots between them (so none begins or ends with a dot, nor holds "..") and none ending
 * in ".lock". False for anything else (a space, '@', '~', a control character …), which git is asked about: a no
 * here is not a refusal.
 */
export function certainlyValidTag(tag: string): boolean {
  return /^[\p{L}\p{N}_-]+(?:\.[\p{L}\p{N}_-]+)*(?:\/[\p{L}\p{N}_-]+(?:\.[\p{L}\p{N}_-]+)*)*$/u.test(tag) && !tag.split("/").some((part) => part.endsWith(".lock"));
}

export interface CommitChange {
  /** Repository-relative, as in the Located file. */
  path: string;
  after: string;
  message: string;
  /** A tag for the new commit; if it cannot be made, the commit is undone too. */
  tag?: string;
  /** Other files the change writes (repository-relative), each committed with it or only written. */
  others?: readonly { path: string; after: string; commit: boolean }[];
}

/**
 * Writes the file (and `others`), commits it alone (with those of `others` to commit) with
 * `message`, tags the commit if asked, and returns the short commit hash. All or nothing (see
 * transaction.ts): a git step that fails undoes the commit and puts the files and their index
 * entries back; a kill is completed by the next run.
 */
export async function writeAndCommit(root: string, change: CommitChange): Promise<string> {
  const files = [{ path: change.path, after: change.after, commit: true }, ...(change.others ?? [])].map((f) => ({ ...f, path: join(root, f.path) }));
  const writes = files.map((f) => ({ path: f.path, content: f.after }));
  const applied = await applyChange(root, { writes, commit: { message: change.message, paths: files.filter((f) => f.commit).map((f) => f.path), tag: change.tag } });
  return applied.commit!;
}
