/**
 * `csr renumber <document> [<new-number>]`: gives a draft document another number (default: the
 * next free one of its numbering family, as `csr new` takes it, numbers that branches not merged
 * here have taken included). The file is renamed as `git mv` renames it, its `id` rewritten, and
 * every reference to it (forEachDocumentReference: other documents' `related` and `forms`, a
 * withdrawn form's `used_by`, CSRs' `addressed`, processes.yaml, qms.yaml) follows, in one change.
 *
 * Its main use is two branches that each ran `csr new` without seeing the other's draft: both took
 * the same number, and the merge is an add/add conflict of two different documents in one file (or,
 * filed in two folders, two files of one number). Named during that conflict, renumber keeps the
 * side already shared at the number and writes the other under the next free one, as it does for
 * two CSRs (index.ts).
 *
 * A released number is never changed: it is printed on the paper controlled copies and cited in
 * records (IATF 16949 / GJB 9001C 7.5.3.2: documents are identified, changes traceable).
 */
import { readFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { parseDocument } from "yaml";
import { UserError } from "../../core/errors.js";
import { localToday } from "../../core/dates.js";
import { escapeRegExp, oneLine, shellArgument } from "../../core/text.js";
import { conjunction, list, t } from "../../i18n/index.js";
import { forEachDocumentReference } from "../../check/rules/ref/unresolved.js";
import { numbersOnOtherBranches } from "../../load/branch-numbers.js";
import { gitRead, isGitRepository } from "../../load/git.js";
import { buildRepository, loadRepository, type Located, type Repository } from "../../load/repository.js";
import { parseText } from "../../load/source.js";
import { numberKind, numberPatternToRegExp } from "../../model/numbering.js";
import { documentFileName, numbersSharingFileName } from "../../model/paths.js";
import { twoDraftsInConflict } from "../../merge/two-drafts.js";
import type { ControlledDocument, Path } from "../../model/types.js";
import type { CommandContext } from "../context.js";
import { nextNumber } from "../new/index.js";
import { markRevising, revisingMarked } from "../shared/revising.js";
import { refuseUnreadableConfig, refuseUncommitted, verifyChanges, yamlText, type FileChange } from "../shared/persist.js";
import { applyChange, withRepositoryLock, type FileWrite } from "../shared/transaction.js";

/** The commit a conflict's "theirs" side comes from: a merge's, a rebase's, a cherry-pick's or a revert's. */
const THEIRS = ["MERGE_HEAD", "REBASE_HEAD", "CHERRY_PICK_HEAD", "REVERT_HEAD"];

/** The documents `given` names: the one of its file, else those numbered `given` (several after a merge that kept both files). */
export function documentsNamed(ctx: CommandContext, repo: Repository, given: string): Located<ControlledDocument>[] {
  const path = relative(repo.root, resolve(ctx.dir, given)).split("\\").join("/");
  const byPath = repo.documents.find((d) => d.file.path === path);
  return byPath ? [byPath] : repo.documents.filter((d) => d.value.id === given);
}

/**
 * Renumbers the draft document `located` of `repo` to `newNumber` (default: the next free one of
 * its family) and prints what changed. Errors: UserError, one line with a hint, for a released or
 * obsolete document (or one with a revision recorded), one in review, a number that is not of its
 * kind or is taken, a document in review that names it, and --commit over uncommitted changes.
 */
export async function renumberDocument(ctx: CommandContext, repo: Repository, others: readonly Located<ControlledDocument>[], located: Located<ControlledDocument>, newNumber: string | undefined, commit: boolean | undefined): Promise<number> {
  const { root } = repo;
  const document = located.value;
  const { id } = document;
  refuseReleased(document);
  const target = newNumber === undefined ? nextFree(repo, document, [id]) : numberOption(repo, document, newNumber);
  const from = located.file.path;
  const to = `${dirname(from) === "." ? "" : `${dirname(from)}/`}${documentFileName(target)}.yaml`;
  const today = localToday();
  const original = readFileSync(resolve(root, from), "utf8");
  const changes: FileChange[] = [{ path: to, kind: "document", text: withId(original, target), create: to !== from }];
  // While another file keeps the number (two files of one number), a reference to it may mean either: it stays.
  const shared = others.length > 0;
  const notes: string[] = [];
  const references = shared ? [] : referenceChanges(repo, id, target, from, today, notes);
  changes.push(...references);
  verifyChanges(repo, changes, today);
  const git = await isGitRepository(root);
  const tracked = git && gitRead(root, ["--literal-pathspecs", "ls-files", "--", from])?.trim() !== "";
  const message = oneLine(t("commit.renumber", { id, to: target, title: document.title }));
  if (commit) await refuseUncommitted(root, [from, ...references.map((c) => c.path)]);
  const writes: FileWrite[] = [...(to !== from ? [{ path: resolve(root, from), content: "", remove: true }] : []), ...changes.map((c) => ({ path: resolve(root, c.path), content: c.text, create: c.create }))];
  // The rename as `git mv` leaves it: both sides staged; a file git never had is only renamed.
  const renamePaths = (tracked ? [from, to] : [to]).map((p) => resolve(root, p));
  const applied = await applyChange(root, {
    writes,
    ...(commit ? { commit: { message, paths: [...renamePaths, ...references.map((c) => resolve(root, c.path))] } } : tracked ? { stage: renamePaths } : {}),
  });
  ctx.stdout(t(tracked && !commit ? "renumber.done-staged" : "renumber.done", { id, to: target, title: document.title, from, path: to }) + "\n");
  if (references.length > 0) ctx.stdout(t("renumber.references", { paths: list(references.map((c) => c.path)), to: target }) + "\n");
  else if (shared) ctx.stdout(t("renumber.references-kept-document", { id }) + "\n");
  for (const note of notes) ctx.stdout(note + "\n");
  const mentioned = mentionedIn(repo, id, from);
  if (mentioned.length > 0) ctx.stdout(t("renumber.mentioned", { id, to: target, places: list(mentioned) }) + "\n");
  if (applied.commit) ctx.stdout(t("edit.committed", { hash: applied.commit, message }) + "\n");
  return 0;
}

/**
 * A released number is printed on the controlled copies and cited by records: never changed. A
 * document in review has reviewers who must see every change: withdrawn from review first.
 */
function refuseReleased(document: ControlledDocument): void {
  const { id, status } = document;
  const arg = shellArgument(id);
  if (status === "released" || status === "obsolete" || (document.revisions ?? []).length > 0) {
    throw new UserError(t(status === "obsolete" ? "renumber.document-obsolete" : "renumber.document-released", { id }), t("renumber.document-released.hint", { id: arg }));
  }
  if (status === "in-review") throw new UserError(t("renumber.document-in-review", { id }), t("renumber.document-in-review.hint", { id: arg }));
}

/** The numbering family (qms.yaml `numbering`) `number` is of among its kind's, to stay in: the first telling pattern it fits. */
function familyOf(repo: Repository, document: Pick<ControlledDocument, "id" | "kind">): string | undefined {
  return (repo.config?.value.numbering ?? []).find((n) => n.kind === document.kind && n.pattern !== "*" && numberPatternToRegExp(n.pattern).test(document.id))?.pattern;
}

/**
 * The next free number of the document's family, as `csr new` gives it: past every number of the
 * repository, of `alsoTaken` and of the branches not merged here; a form of a procedure (QR-###-##)
 * after that procedure's forms. Errors: UserError when the family has no next number (an external
 * document's, or its digits ran out).
 */
function nextFree(repo: Repository, document: ControlledDocument, alsoTaken: readonly string[]): string {
  const config = repo.config?.value;
  const family = familyOf(repo, document);
  const elsewhere = numbersOnOtherBranches(repo.root, config?.numbering ?? []);
  const taken = new Set([...repo.documents.map((d) => d.value.id), ...repo.unvalidated.documents, ...alsoTaken, ...elsewhere.keys()]);
  const owner = document.kind === "form" ? repo.documents.find((d) => d.value.status !== "obsolete" && (d.value.forms ?? []).includes(document.id))?.value : undefined;
  const next = family === undefined ? undefined : nextNumber(config, document.kind, family, taken, owner?.forms, owner?.id);
  if (next === undefined) throw new UserError(t("renumber.document-no-next", { id: document.id }), t("renumber.document-no-next.hint"));
  return next;
}

/** The number a user gave: one of the document's kind by qms.yaml `numbering`, that no document or file has. */
function numberOption(repo: Repository, document: ControlledDocument, number: string): string {
  const numbering = repo.config?.value.numbering ?? [];
  if (numberKind(number, numbering) !== document.kind) {
    const patterns = numbering.filter((n) => n.kind === document.kind && n.pattern !== "*").map((n) => n.pattern);
    throw new UserError(t("renumber.document-bad-number", { number, kind: t(`new.kind.${document.kind}`) }), patterns.length > 0 ? t("renumber.document-bad-number.hint", { patterns: conjunction(patterns) }) : undefined);
  }
  const file = documentFileName(number);
  const sharing = numbersSharingFileName([number, ...[...new Set([...repo.documents.map((d) => d.value.id), ...repo.unvalidated.documents])].filter((id) => id !== number && id !== document.id)]).get(number);
  if (sharing) throw new UserError(t("new.same-file-name", { number, others: conjunction(sharing), name: file }));
  const taken = repo.documents.some((d) => d.value.id === number) || repo.unvalidated.documents.has(number) || repo.files.some((f) => f.kind === "document" && f.path.endsWith(`/${file}.yaml`));
  if (taken) throw new UserError(t("renumber.taken", { id: number }));
  return number;
}

/** A document file's text with its `id` set; every other line as it was. */
function withId(text: string, id: string): string {
  const doc = parseDocument(text);
  doc.set("id", id);
  return yamlText(doc, text);
}

/** The files (other than `except`) that name the document `id`, with where each names it, and whose (a document's or CSR's id) each place is. */
function referringPaths(repo: Pick<Repository, "config" | "processes" | "documents" | "csrs" | "actions" | "firstArticles">, id: string, except: string): Map<string, { at: Path; owner?: string }[]> {
  const paths = new Map<string, { at: Path; owner?: string }[]>();
  forEachDocumentReference(repo, (file, at, named, owner) => {
    if (named === id && file.path !== except) paths.set(file.path, [...(paths.get(file.path) ?? []), { at, ...(owner === undefined ? {} : { owner }) }]);
  });
  return paths;
}

/**
 * The files (other than `except`) that name the document `id`, each with the reference rewritten to
 * `to`. A released document's `related` and `forms` are content: its file then holds the draft of its
 * next revision and is marked 修订中 as `csr new --used-by` marks it (a line in `notes` says so); one
 * in review is refused, its reviewers must see every change. `only`: the files to change of them.
 */
function referenceChanges(repo: Repository, id: string, to: string, except: string, today: string, notes: string[], only: (path: string) => boolean = () => true): FileChange[] {
  return [...referringPaths(repo, id, except)].filter(([path]) => only(path)).map(([path, places]) => {
    const text = readFileSync(resolve(repo.root, path), "utf8");
    const doc = parseDocument(text);
    for (const { at } of places) doc.setIn(at, to);
    const owner = repo.documents.find((d) => d.file.path === path)?.value;
    const content = owner !== undefined && places.some(({ at }) => at[0] === "related" || at[0] === "forms");
    if (content && owner.status === "in-review") throw new UserError(t("renumber.referrer-in-review", { id, user: owner.id }), t("renumber.referrer-in-review.hint", { user: shellArgument(owner.id) }));
    if (content && owner.status === "released" && owner.revising === undefined) {
      markRevising(doc, owner, today);
      notes.push(revisingMarked(owner, today));
    }
    return { path, kind: repo.files.find((f) => f.path === path)!.kind, text: yamlText(doc, text) };
  });
}

/** Where documents' section text mentions `id` as a word (doc/cited-not-listed reads them): "QP-010 (documents/QP-010.yaml)". Text is not rewritten. */
function mentionedIn(repo: Repository, id: string, except: string): string[] {
  const word = new RegExp(`(?<![A-Za-z0-9/_-])${escapeRegExp(id)}(?![A-Za-z0-9_]|-[0-9])`);
  const texts = (sections: ControlledDocument["sections"]): boolean => (sections ?? []).some((s) => (s.text !== undefined && word.test(s.text)) || texts(s.sections));
  return repo.documents.filter((d) => d.file.path !== except && texts(d.value.sections)).map((d) => `${d.value.id} (${d.file.path})`);
}

/**
 * The conflict of two drafts of one number resolved: the kept side's file at the number, the other
 * side's under the next free number of its family (or `newNumber`) in the same folder, both `git
 * add`ed, and the references that came with the renumbered side (its commit has them, the kept side's
 * has not) following it. No commit: git concludes the merge. `kept`: the side that keeps the number.
 */
export async function resolveDocumentConflict(ctx: CommandContext, root: string, path: string, keep: "ours" | "theirs" | undefined, newNumber: string | undefined): Promise<number> {
  return withRepositoryLock(ctx, root, async () => {
    const two = twoDraftsInConflict(root, path)!;
    const repo = loadRepository(root);
    refuseUnreadableConfig(repo);
    const merging = gitRead(root, ["rev-parse", "-q", "--verify", "MERGE_HEAD"]) !== undefined;
    // What is already shared keeps its number: the branch merged in, or in a rebase the upstream, which is "ours" there.
    const kept = keep ?? (merging ? "theirs" : "ours");
    const moved = kept === "ours" ? "theirs" : "ours";
    const side = two[moved].data;
    const target = newNumber === undefined ? nextFree(repo, side, [two.id]) : numberOption(repo, side, newNumber);
    const to = `${dirname(path) === "." ? "" : `${dirname(path)}/`}${documentFileName(target)}.yaml`;
    const revisions = { ours: "HEAD", theirs: THEIRS.find((rev) => gitRead(root, ["rev-parse", "-q", "--verify", rev]) !== undefined) };
    // Our side of a file is HEAD's, or the working tree's where it holds a change of ours not committed
    // (a released document's list, left for its release): during a merge, only our own changes are unstaged.
    const sideText = (side: "ours" | "theirs", file: string) => {
      if (side === "ours" && (gitRead(root, ["--literal-pathspecs", "diff", "--name-only", "--", file]) ?? "").trim() !== "") return readFileSync(resolve(root, file), "utf8");
      const revision = revisions[side];
      return revision === undefined ? undefined : gitRead(root, ["show", `${revision}:./${file}`]);
    };
    const cites = (side: "ours" | "theirs", file: string) => {
      const text = sideText(side, file);
      if (text === undefined) return false;
      const kind = repo.files.find((f) => f.path === file)!.kind;
      return referringPaths(buildRepository(root, [parseText(file, kind, text)]), two.id, path).size > 0;
    };
    const today = localToday();
    const notes: string[] = [];
    const references = referenceChanges(repo, two.id, target, path, today, notes, (file) => cites(moved, file) && !cites(kept, file));
    const changes: FileChange[] = [
      { path, kind: "document", text: two[kept].text },
      { path: to, kind: "document", text: withId(two[moved].text, target), create: true },
      ...references,
    ];
    verifyChanges(repo, changes, today);
    await applyChange(root, {
      writes: changes.map((c) => ({ path: resolve(root, c.path), content: c.text, create: c.create })),
      stage: [path, to].map((p) => resolve(root, p)),
    });
    ctx.stdout(t("renumber.conflict-done-document", { id: two.id, kept: t(`renumber.side.${kept}`), keptTitle: two[kept].data.title, moved: t(`renumber.side.${moved}`), movedTitle: side.title, to: target, path, newPath: to }) + "\n");
    if (references.length > 0) ctx.stdout(t("renumber.references", { paths: list(references.map((c) => c.path)), to: target }) + "\n");
    for (const note of notes) ctx.stdout(note + "\n");
    ctx.stdout(t(merging ? "renumber.conflict-next" : "renumber.conflict-next-rebase") + "\n");
    return 0;
  });
}
