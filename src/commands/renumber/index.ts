/**
 * `csr renumber <CSR> [<new-id>]`: gives a CSR another id (default: the next free one of its
 * customer). The file is renamed as `git mv` renames it (the rename staged), its `id` rewritten,
 * and every reference to the CSR in the repository (another CSR's `superseded.by` and a corrective
 * action record's `csr`, the fields that name a CSR: forEachCsrReference) follows, all in one change (transaction.ts).
 *
 * Its main use is the merge of two clones that each ran `csr add` for the customer's next CSR: both
 * took the same id, so the same file, and git reports an add/add conflict of two different
 * requirements (merge/two-csrs.ts). Named during that conflict, renumber takes the two sides from
 * git, keeps the one that is already shared at the id (the branch merged in; in a rebase, the
 * upstream one), writes the other under the next free id, and `git add`s both: the conflict is
 * resolved and nothing is lost. `--keep ours|theirs` chooses the other way round.
 *
 * A CSR with review records is refused without --force: the records (and a signed paper copy, an
 * e-mail) may cite its id.
 *
 * Given a document's number or file, it renumbers a draft document instead (document.ts).
 */
import { existsSync, readFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import { parseDocument } from "yaml";
import { UserError } from "../../core/errors.js";
import { localToday } from "../../core/dates.js";
import { didYouMean, oneLine } from "../../core/text.js";
import { conjunction, list, t } from "../../i18n/index.js";
import { findRoot } from "../../load/discover.js";
import { conflictedFiles, gitRead, isGitRepository } from "../../load/git.js";
import { buildRepository, loadRepository, type Located, type Repository } from "../../load/repository.js";
import { parseText } from "../../load/source.js";
import { hasReviewRecord } from "../../model/csr-duplicates.js";
import { csrId, csrNumberIn } from "../../model/csr-numbers.js";
import type { Csr, Path } from "../../model/types.js";
import { forEachCsrReference } from "../../check/rules/ref/unresolved.js";
import { twoCsrsInConflict, type TwoCsrs } from "../../merge/two-csrs.js";
import { twoDraftsInConflict } from "../../merge/two-drafts.js";
import { documentFileName } from "../../model/paths.js";
import { nextCsrId } from "../add/allocate.js";
import type { CommandContext } from "../context.js";
import { choiceOption } from "../options.js";
import { refuseUnreadableConfig, refuseUncommitted, verifyChanges, yamlText, type FileChange } from "../shared/persist.js";
import { withEditSession } from "../shared/edit.js";
import { documentsNamed, renumberDocument, resolveDocumentConflict } from "./document.js";
import { applyChange, withRepositoryLock, type FileWrite } from "../shared/transaction.js";

export interface RenumberFlags {
  /** In a conflict: the side that keeps the id. */
  keep?: string;
  /** Renumber a CSR that has review records. */
  force?: boolean;
  yes?: boolean;
  commit?: boolean;
}

const SIDES = ["ours", "theirs"] as const;

/** The commit a conflict's "theirs" side comes from: a merge's, a rebase's, a cherry-pick's or a revert's. */
const THEIRS = ["MERGE_HEAD", "REBASE_HEAD", "CHERRY_PICK_HEAD", "REVERT_HEAD"];

export async function renumberCommand(ctx: CommandContext, given: string, newId: string | undefined, flags: RenumberFlags): Promise<number> {
  const keep = flags.keep === undefined ? undefined : choiceOption(flags.keep, "--keep", SIDES, "ours");
  const root = findRoot(ctx.dir);
  const conflicted = await conflictedFiles(root);
  const conflict = conflictOf(ctx, root, given, conflicted);
  if (conflict) return resolveConflict(ctx, root, conflict.path, conflict.two, newId, keep, flags);
  const drafts = draftsConflictOf(ctx, root, given, conflicted);
  if (drafts) {
    if (flags.commit) throw new UserError(t("renumber.commit-in-conflict"), t("renumber.commit-in-conflict.hint"));
    return resolveDocumentConflict(ctx, root, drafts, keep, newId);
  }
  if (keep) throw new UserError(t("renumber.keep-without-conflict", { csr: given }));
  return withEditSession(ctx, flags.yes, undefined, async (session) => {
    const { repo } = session;
    if (!namesCsr(ctx, repo, given)) {
      const documents = documentsNamed(ctx, repo, given);
      if (documents.length > 1) {
        const paths = documents.map((d) => d.file.path).sort();
        throw new UserError(t("renumber.ambiguous", { id: given, paths: conjunction(paths) }), t("renumber.ambiguous.hint", { path: paths[paths.length - 1]! }));
      }
      const [document] = documents;
      if (document) return renumberDocument(ctx, repo, repo.documents.filter((d) => d !== document && d.value.id === document.value.id), document, newId, flags.commit);
      if (repo.unvalidated.documents.has(given)) throw new UserError(t("edit.document-invalid", { id: given }), t("edit.fix-first.hint"));
    }
    const csr = csrNamed(ctx, repo, given);
    const { id, customer } = csr.value;
    if (!flags.force) refuseReviewed(id, csr.value);
    const target = newId === undefined ? await nextCsrId(repo, customer) : newIdOption(repo, customer, newId);
    const from = csr.file.path;
    const to = `csr/${customer}/${target}.yaml`;
    const original = readFileSync(resolve(root, from), "utf8");
    const renamed = withId(original, target);
    // While another CSR keeps the old id (two files of one id), a reference to it may mean either: it stays.
    const shared = repo.csrs.some((c) => c !== csr && c.value.id === id);
    const references = shared ? [] : referenceChanges(repo, id, target, from);
    const changes: FileChange[] = [{ path: to, kind: "csr", text: renamed, create: to !== from }, ...references];
    verifyChanges(repo, changes, localToday());
    const git = await isGitRepository(root);
    const tracked = git && gitRead(root, ["--literal-pathspecs", "ls-files", "--", from])?.trim() !== "";
    const message = oneLine(t("commit.renumber", { id, to: target, title: csr.value.title }));
    if (flags.commit) await refuseUncommitted(root, [from, ...references.map((c) => c.path)]);
    const writes: FileWrite[] = [...(to !== from ? [{ path: resolve(root, from), content: "", remove: true }] : []), ...changes.map((c) => ({ path: resolve(root, c.path), content: c.text, create: c.create }))];
    // The rename as `git mv` leaves it: both sides staged; a file git never had is only renamed.
    const renamePaths = (tracked ? [from, to] : [to]).map((p) => resolve(root, p));
    const applied = await applyChange(root, {
      writes,
      ...(flags.commit ? { commit: { message, paths: [...renamePaths, ...references.map((c) => resolve(root, c.path))] } } : tracked ? { stage: renamePaths } : {}),
    });
    ctx.stdout(t(tracked && !flags.commit ? "renumber.done-staged" : "renumber.done", { id, to: target, title: csr.value.title, from, path: to }) + "\n");
    if (references.length > 0) ctx.stdout(t("renumber.references", { paths: list(references.map((c) => c.path)), to: target }) + "\n");
    else if (shared) ctx.stdout(t("renumber.references-kept", { id }) + "\n");
    if (applied.commit) ctx.stdout(t("edit.committed", { hash: applied.commit, message }) + "\n");
    return 0;
  }, conflicted);
}

/** The add/add conflict of two CSRs that `given` (an id or a CSR file) names, if it is in one, of the files in conflict (conflictedFiles). */
function conflictOf(ctx: CommandContext, root: string, given: string, conflicted: readonly string[]): { path: string; two: TwoCsrs } | undefined {
  const asPath = relative(root, resolve(ctx.dir, given)).split("\\").join("/");
  const candidates = [...conflicted.filter((p) => p.startsWith("csr/")), ...(existsSync(resolve(root, asPath)) && /^<{7}/m.test(readFileSync(resolve(root, asPath), "utf8")) ? [asPath] : [])];
  const path = candidates.find((p) => p === asPath || p.endsWith(`/${given}.yaml`));
  if (!path) return undefined;
  const two = twoCsrsInConflict(root, path);
  return two ? { path, two } : undefined;
}

/**
 * The conflict resolved: the kept side's file at the id, the other side's under the new id, both
 * `git add`ed, references that came with the renumbered side following it. No commit: the merge
 * (or rebase) is concluded by git, as any other conflict.
 */
async function resolveConflict(ctx: CommandContext, root: string, path: string, two: TwoCsrs, newId: string | undefined, keep: (typeof SIDES)[number] | undefined, flags: RenumberFlags): Promise<number> {
  if (flags.commit) throw new UserError(t("renumber.commit-in-conflict"), t("renumber.commit-in-conflict.hint"));
  return withRepositoryLock(ctx, root, async () => {
    const repo = loadRepository(root);
    refuseUnreadableConfig(repo);
    const merging = gitRead(root, ["rev-parse", "-q", "--verify", "MERGE_HEAD"]) !== undefined;
    // What is already shared keeps its id: the branch merged in, or in a rebase the upstream, which is "ours" there.
    const kept = keep ?? (merging ? "theirs" : "ours");
    const moved = kept === "ours" ? "theirs" : "ours";
    const side = two[moved];
    if (!flags.force) refuseReviewed(two.id, side.data);
    const target = newId === undefined ? await nextCsrId(repo, side.customer) : newIdOption(repo, side.customer, newId);
    const to = `csr/${side.customer}/${target}.yaml`;
    // A reference to the id is the renumbered CSR's when its side's commit has it and the kept side's has not.
    const revisions = { ours: "HEAD", theirs: THEIRS.find((rev) => gitRead(root, ["rev-parse", "-q", "--verify", rev]) !== undefined) };
    const cites = (revision: string | undefined, file: string) => {
      const text = revision === undefined ? undefined : gitRead(root, ["show", `${revision}:./${file}`]);
      return text !== undefined && referringPaths(repoOf(repo, file, text), two.id, path).size > 0;
    };
    const references = referenceChanges(repo, two.id, target, path).filter((c) => cites(revisions[moved], c.path) && !cites(revisions[kept], c.path));
    const changes: FileChange[] = [
      { path, kind: "csr", text: two[kept].text },
      { path: to, kind: "csr", text: withId(side.text, target), create: true },
      ...references,
    ];
    verifyChanges(repo, changes, localToday());
    await applyChange(root, {
      writes: changes.map((c) => ({ path: resolve(root, c.path), content: c.text, create: c.create })),
      stage: [path, to].map((p) => resolve(root, p)),
    });
    ctx.stdout(t("renumber.conflict-done", { id: two.id, kept: t(`renumber.side.${kept}`), keptTitle: two[kept].title, moved: t(`renumber.side.${moved}`), movedTitle: side.title, to: target, path, newPath: to }) + "\n");
    if (references.length > 0) ctx.stdout(t("renumber.references", { paths: list(references.map((c) => c.path)), to: target }) + "\n");
    ctx.stdout(t(merging ? "renumber.conflict-next" : "renumber.conflict-next-rebase") + "\n");
    const replayed = moved === "theirs" && !merging ? citedLater(root, two.id, path) : [];
    if (replayed.length > 0) ctx.stderr(t("renumber.cited-later", { id: two.id, to: target, paths: list(replayed) }) + "\n");
    return 0;
  });
}

/**
 * In a rebase, the files (other than `path`) where the commits still to be replayed name `id` and
 * the commit being replayed does not: they are replayed as written, naming the CSR that keeps the
 * id, while some of them may have meant the one renumbered.
 */
function citedLater(root: string, id: string, path: string): string[] {
  const naming = (revision: string) => (gitRead(root, ["grep", "-l", "-w", "-F", id, revision, "--", "csr/"]) ?? "").split("\n").filter(Boolean).map((line) => line.slice(revision.length + 1));
  const now = new Set(naming("REBASE_HEAD"));
  return naming("ORIG_HEAD").filter((file) => file !== path && !now.has(file));
}

/** Whether `given` names a CSR: a CSR file, or the id of one (valid or not). */
function namesCsr(ctx: CommandContext, repo: Repository, given: string): boolean {
  const path = relative(repo.root, resolve(ctx.dir, given)).split("\\").join("/");
  return repo.csrs.some((c) => c.file.path === path || c.value.id === given) || repo.unvalidated.csrs.has(given) || repo.files.some((f) => f.kind === "csr" && f.path === path);
}

/**
 * The file of an add/add conflict of two drafts of one number (two branches each ran `csr new`) that
 * `given` (a number or the file) names, of the files in conflict (conflictedFiles), if it is in one.
 */
function draftsConflictOf(ctx: CommandContext, root: string, given: string, conflicted: readonly string[]): string | undefined {
  const asPath = relative(root, resolve(ctx.dir, given)).split("\\").join("/");
  const named = `/${documentFileName(given)}.yaml`;
  const candidates = [...conflicted.filter((p) => !p.startsWith("csr/")), ...(existsSync(resolve(root, asPath)) && /^<{7}/m.test(readFileSync(resolve(root, asPath), "utf8")) ? [asPath] : [])];
  return candidates.find((p) => (p === asPath || `/${p}`.endsWith(named)) && twoDraftsInConflict(root, p) !== undefined);
}

/** The CSR `given` names: its id (one CSR has it) or its file. Errors: UserError, one line. */
function csrNamed(ctx: CommandContext, repo: Repository, given: string): Located<Csr> {
  const path = relative(repo.root, resolve(ctx.dir, given)).split("\\").join("/");
  const byPath = repo.csrs.find((c) => c.file.path === path);
  if (byPath) return byPath;
  const byId = repo.csrs.filter((c) => c.value.id === given);
  if (byId.length > 1) {
    // The file named after the id is the original (csr/duplicate-id-across-branches): the other is the one to renumber.
    const late = byId.find((c) => !c.file.path.endsWith(`/${given}.yaml`)) ?? byId[1]!;
    throw new UserError(t("renumber.ambiguous", { id: given, paths: conjunction(byId.map((c) => c.file.path).sort()) }), t("renumber.ambiguous.hint", { path: late.file.path }));
  }
  if (byId.length === 1) return byId[0]!;
  if (repo.unvalidated.csrs.has(given)) throw new UserError(t("edit.csr-invalid", { id: given }), t("edit.fix-first.hint"));
  throw new UserError(t("renumber.unknown", { id: given }) + didYouMean(given, [...repo.csrs.map((c) => c.value.id), ...repo.documents.map((d) => d.value.id)]));
}

/** A review record (model/csr-duplicates.ts hasReviewRecord) may cite the id, on paper too. Errors: UserError with the --force way. */
function refuseReviewed(id: string, csr: Csr): void {
  if (hasReviewRecord(csr)) throw new UserError(t("renumber.reviewed", { id }), t("renumber.reviewed.hint"));
}

/** The id a user gave: one of the customer's (<CUSTOMER>-NNN) that no CSR file has. */
function newIdOption(repo: Repository, customer: string, id: string): string {
  const n = csrNumberIn(id, customer);
  if (n === undefined || csrId(customer, n) !== id) throw new UserError(t("renumber.bad-id", { id, customer }), t("renumber.bad-id.hint", { customer }));
  const taken = repo.csrs.some((c) => c.value.id === id) || repo.unvalidated.csrs.has(id) || repo.files.some((f) => f.path === `csr/${customer}/${id}.yaml`);
  if (taken) throw new UserError(t("renumber.taken", { id }));
  return id;
}

/** A CSR file's text with its `id` set; every other line as it was. */
function withId(text: string, id: string): string {
  const doc = parseDocument(text);
  doc.set("id", id);
  return yamlText(doc, text);
}

/** The files (other than `except`) that name the CSR `id`, with where each names it. */
function referringPaths(repo: Repository, id: string, except: string): Map<string, Path[]> {
  const paths = new Map<string, Path[]>();
  const visit = (file: { path: string }, at: Path, named: string) => {
    if (named === id && file.path !== except) paths.set(file.path, [...(paths.get(file.path) ?? []), at]);
  };
  forEachCsrReference(repo, visit);
  return paths;
}

/** The files (other than `except`) that name the CSR `id`, each with the reference rewritten to `to`. */
function referenceChanges(repo: Repository, id: string, to: string, except: string): FileChange[] {
  return [...referringPaths(repo, id, except)].map(([path, ats]) => {
    const text = readFileSync(resolve(repo.root, path), "utf8");
    const doc = parseDocument(text);
    for (const at of ats) doc.setIn(at, to);
    return { path, kind: repo.files.find((f) => f.path === path)!.kind, text: yamlText(doc, text) };
  });
}

/** The repository with one file as `text` (a side's version of it), to find what that version names. */
function repoOf(repo: Repository, path: string, text: string): Repository {
  const kind = repo.files.find((f) => f.path === path)!.kind;
  return buildRepository(repo.root, [parseText(path, kind, text)]);
}
