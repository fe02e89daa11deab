/**
 * Steps shared by the commands that change a controlled document and commit it (release,
 * obsolete): find it, make sure git is in a state where one commit can hold exactly this change,
 * edit the YAML keeping its comments and layout, write, commit.
 */
import { join } from "node:path";
import { isMap, isScalar, parseDocument, type Document, type Pair } from "yaml";
import { UserError } from "../../core/errors.js";
import { didYouMean } from "../../core/text.js";
import { writeFileAtomic } from "../../core/write.js";
import { openGit, refuseOnConflicts } from "../../load/git.js";
import type { Located, Repository } from "../../load/repository.js";
import type { RepoIndex } from "../../model/index.js";
import type { ControlledDocument } from "../../model/types.js";

export function findDocument(repo: Repository, index: RepoIndex, id: string): Located<ControlledDocument> {
  const found = index.documents.get(id);
  if (found) return found;
  if (repo.unvalidated.documents.has(id)) {
    throw new UserError(`The file of ${id} has errors; csr changes only valid documents.`, "Run 'csr check' and fix them first.");
  }
  throw new UserError(`No document '${id}' in the repository.${didYouMean(id, index.documents.keys())}`);
}

/** Refuses outside git and in the middle of a merge, before anything is read for the change. */
export async function refuseUnlessGitIsClean(root: string): Promise<void> {
  const git = await openGit(root);
  if (!(await git.checkIsRepo())) {
    throw new UserError(`${root} is not a git repository; csr records releases as git commits.`, "Run 'git init' and commit the repository first.");
  }
  await refuseOnConflicts(root);
}

/** The commit must hold this document's change and nothing else: other staged files would slip into it unseen. */
export async function refuseOtherStagedFiles(root: string, path: string): Promise<void> {
  const git = await openGit(root);
  const prefix = (await git.revparse(["--show-prefix"])).trim();
  const staged = (await git.raw(["diff", "--cached", "--name-only", "-z"])).split("\0").filter(Boolean);
  const others = staged.filter((p) => p !== `${prefix}${path}`);
  if (others.length > 0) {
    throw new UserError(
      `Other files are staged for commit (${others.join(", ")}); csr commits this document on its own and wrote nothing.`,
      "Commit them or unstage them ('git restore --staged <file>') first.",
    );
  }
}

/** Edits the YAML text with the Document API, so that comments, key order and quoting survive. */
export function editDocument(text: string, edit: (doc: Document.Parsed) => void): string {
  const doc = parseDocument(text);
  edit(doc);
  return String(doc);
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

/** Writes the file, commits it alone with `message`, and returns the short commit hash. */
export async function writeAndCommit(root: string, path: string, text: string, message: string): Promise<string> {
  writeFileAtomic(join(root, path), text, { overwrite: true });
  const git = await openGit(root);
  await git.add(["--", path]);
  await git.commit(message, [path]);
  return (await git.revparse(["--short", "HEAD"])).trim();
}
