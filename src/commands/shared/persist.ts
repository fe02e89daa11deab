/**
 * How commands change a repository's YAML. The CSR commands check every new file text with the
 * same schema and reference rules as `csr check` before anything is written, and write the files
 * (with `--commit`, and commit exactly them) all or nothing, under the repository lock. `yamlText` (also used by release
 * and obsolete) keeps every line an edit does not touch byte for byte.
 */
import { readFileSync } from "node:fs";
import { isNode, isSeq, parseDocument, type Document, type YAMLMap } from "yaml";
import { runCheck } from "../../check/engine.js";
import { rules } from "../../check/registry.js";
import type { Finding } from "../../core/diagnostic.js";
import { UserError } from "../../core/errors.js";
import { t, type MessageKey } from "../../i18n/index.js";
import { insideRepository } from "../../core/write.js";
import { gitRead, isGitRepository, workTreeHead } from "../../load/git.js";
import { buildRepository, configProblem, type Repository } from "../../load/repository.js";
import { parseText, type FileKind } from "../../load/source.js";
import type { Path } from "../../model/types.js";
import { applyChange, runGit, uncommitted } from "./transaction.js";
import { refuseUnrepaired, type Repair } from "./repair.js";
import { isBlocking } from "../../load/silent.js";

export interface FileChange {
  /** Repository-relative, '/' separated. */
  path: string;
  kind: FileKind;
  text: string;
  /** A new file: refused if one exists already. */
  create?: boolean;
}

/**
 * Rules about what a file says, not about deadlines: a late registration is still a valid one.
 * A record dated in the future or before the event it follows is not valid (date/*), whatever
 * command wrote it; the commands also refuse such a date in one line before they get here. So is
 * work recorded in the name of someone who had left or not yet started (person/work-after-leaving,
 * person/work-before-joining).
 */
const VALIDITY_RULES = rules.filter(
  (r) => /^(ref|clause|id)\//.test(r.id) || ["csr/duplicate-id-across-branches", "csr/review-inconsistent", "date/in-future", "date/out-of-order", "person/work-after-leaving", "person/work-before-joining"].includes(r.id),
);

/**
 * Refuses to change anything while qms.yaml or people.yaml cannot be read: every check of the
 * change would then report false findings (unknown people, departments) instead of the cause.
 */
export function refuseUnreadableConfig(repo: Repository): void {
  const broken = configProblem(repo);
  if (broken) throw new UserError(t("persist.config-unreadable", broken), t("persist.config-unreadable.hint", { path: broken.path }));
}

/**
 * Refuses changes that would add an error to the files they touch. Problems a file had before
 * are not held against the change, so an opinion can still be recorded on an imperfect CSR.
 * A file of `repairs`, which failed its schema, must pass it as changed (shared/repair.ts): every
 * rule then checks it, and an error they find in it is one the change adds.
 */
export function verifyChanges(repo: Repository, changes: readonly FileChange[], today: string, repairs: readonly Repair[] = []): void {
  refuseUnreadableConfig(repo);
  const paths = new Set(changes.map((c) => c.path));
  const errorsIn = (r: Repository) =>
    runCheck(r, { today }, VALIDITY_RULES).filter((f) => f.severity === "error" && paths.has(f.file));
  const key = (f: Finding) => `${f.file}\n${f.rule}\n${f.message}`;
  const before = new Set(errorsIn(repo).map(key));
  const changed = changes.map((c) => parseText(c.path, c.kind, c.text));
  const after = buildRepository(repo.root, [...repo.files.filter((f) => !paths.has(f.path)), ...changed]);
  for (const repair of repairs) {
    const file = changed.find((f) => f.path === repair.path)!;
    const problems = file.problems.filter(isBlocking);
    if (problems.length > 0) refuseUnrepaired(repair, file, problems);
  }
  const added = errorsIn(after).filter((f) => !before.has(key(f)));
  if (added.length === 0) return;
  throw new UserError(
    t("persist.would-fail-check") + "\n" + added.map((f) => `  ${f.file}:${f.line}:${f.column} ${f.rule} ${f.message}`).join("\n"),
  );
}

/**
 * Writes the files and, given a commit message, commits exactly those files, whatever else is
 * staged (or, given `commitOnly`, just those of them): all or nothing (see transaction.ts). Returns
 * the short commit hash (undefined when no file changed or no message was given) and the paths
 * written (relative to the root; empty when no file's text changed). A file to commit
 * that has uncommitted changes already is refused (refuseUncommitted), for every command, except those
 * of `along`: files whose uncommitted changes the caller has looked at under the same lock and commits
 * with its own (csr review: the earlier steps of the same review round, which its commit message names),
 * or found to have none (uncommittedUnder's "clean": git is not asked twice). Call it under
 * withRepositoryLock, with changes computed from the repository as read under the lock.
 */
export async function persistChanges(root: string, changes: readonly FileChange[], commitMessage?: string, commitOnly?: readonly string[], along: readonly string[] = []): Promise<Persisted> {
  const head = commitMessage === undefined ? undefined : headForCommit(root);
  // A file whose text does not change is neither written nor committed (a repeated `source update`).
  const changed = changes.filter((c) => c.create || !sameText(insideRepository(root, c.path), c.text));
  if (changed.length === 0) return { written: [] };
  if (commitMessage !== undefined) await refuseUncommitted(root, (commitOnly ?? changed.map((c) => c.path)).filter((path) => !along.includes(path)));
  const paths = changed.map((c) => insideRepository(root, c.path));
  const applied = await applyChange(root, {
    writes: changed.map((c, i) => ({ path: paths[i]!, content: c.text, create: c.create })),
    commit: commitMessage === undefined ? undefined : { message: commitMessage, paths: commitOnly ? commitOnly.map((path) => insideRepository(root, path)) : paths },
    ...(head === undefined ? {} : { head }),
  });
  if (applied.commit !== undefined) return { commit: applied.commit, written: changed.map((c) => c.path) };
  return { written: changed.map((c) => c.path), uncommitted: [...(await uncommitted(root, changed.map((c) => c.path)))] };
}

/**
 * What persistChanges did: the short hash of its commit, if it made one; the files it wrote (paths
 * relative to the root); without a commit, those of them git lists as not committed (a file written
 * back to its committed text is not among them).
 */
export interface Persisted {
  commit?: string;
  written: string[];
  uncommitted?: string[];
}

/**
 * The value under `key` of the YAML file at `path` as last committed and as it is now, when all the
 * file's uncommitted changes are under `key` (compared with HEAD, comments and layout included): the
 * earlier steps of one piece of work written without --commit, which a --commit run commits with its
 * own and names in its message (persistChanges' `along`: csr review's round, csr distribute's copies).
 * "clean" when git status lists no uncommitted change of the file (the caller, under the repository lock,
 * may then leave the file out of refuseUncommitted, which would ask the same). Undefined when the file
 * has others (a hand edit, a file not yet committed), which --commit refuses as it does for every
 * command, or when git could not tell.
 */
export function uncommittedUnder<T>(root: string, path: string, key: string | readonly (string | number)[]): { was: T | undefined; is: T | undefined } | "clean" | undefined {
  const status = gitRead(root, ["--literal-pathspecs", "status", "--porcelain", "--", path]);
  if (status === "") return "clean";
  if (!status) return undefined;
  const committed = gitRead(root, ["show", `HEAD:./${path}`]);
  if (committed === undefined) return undefined;
  const [before, after] = [parseDocument(committed), parseDocument(readFileSync(insideRepository(root, path), "utf8"))];
  if (before.errors.length > 0 || after.errors.length > 0) return undefined;
  const at = typeof key === "string" ? [key] : key;
  // A nested key (a customer source's `distribution`) whose parent either side lacks is more than a change under it.
  if (!before.hasIn(at.slice(0, -1)) || !after.hasIn(at.slice(0, -1))) return undefined;
  const [was, is] = [before, after].map((doc) => (doc.getIn(at, true) as { toJSON(): T } | undefined)?.toJSON());
  before.deleteIn(at);
  after.deleteIn(at);
  if (before.toString() !== after.toString()) return undefined;
  return { was, is };
}

/**
 * HEAD's commit id ("" before the first commit), for the journal of a commit made under the same lock:
 * refuseCommitOutsideGit's question and applyChange's in one git process (workTreeHead).
 * Errors: UserError outside a git repository, as refuseCommitOutsideGit.
 */
function headForCommit(root: string): string {
  const where = workTreeHead(root);
  if (where === undefined) throw new UserError(t("persist.commit-needs-git", { root }), t("persist.commit-needs-git.hint"));
  return where.head ?? "";
}

/** `--commit` outside a git repository: refused before anything is written. */
export async function refuseCommitOutsideGit(root: string): Promise<void> {
  if (!(await isGitRepository(root))) throw new UserError(t("persist.commit-needs-git", { root }), t("persist.commit-needs-git.hint"));
}

function sameText(path: string, text: string): boolean {
  try {
    return readFileSync(path, "utf8") === text;
  } catch {
    return false;
  }
}

/**
 * YAML text as csr writes it, without line folding. The yaml library re-prints flow collections
 * with one spacing convention and puts one space before a trailing comment, while hand-written
 * files often mix `{ a: b }` and `[a, b]` and align comments; lines that differ from an original
 * line only in that spacing are therefore taken from the original, so that an edit changes only
 * the lines it edits.
 */
export function yamlText(doc: Document, original = ""): string {
  const spacing = (line: string) => line.replace(/([[{]) +/g, "$1").replace(/ +([\]}])/g, "$1").replace(/ +#/g, " #");
  const layout = layoutOf(original);
  const originals = new Map(layout.lines.map((line) => [spacing(line), line]));
  const text = doc
    .toString({ lineWidth: 0, flowCollectionPadding: false })
    .split("\n")
    .map((line) => originals.get(spacing(line)) ?? line)
    .join("\n");
  return (layout.bom ? "\ufeff" : "") + (layout.crlf ? text.replace(/\n/g, "\r\n") : text);
}

/** A file's byte-order mark and line ends, which an edit keeps (Windows editors write both). */
function layoutOf(original: string): { bom: boolean; crlf: boolean; lines: string[] } {
  const bom = original.startsWith("\ufeff");
  const body = bom ? original.slice(1) : original;
  const crlf = /\r\n/.test(body) && !/(^|[^\r])\n/.test(body);
  return { bom, crlf, lines: body.split(/\r?\n/) };
}

/** Appends to the list at `path`, creating the list (and the maps above it) when absent. */
export function appendIn(doc: Document, path: Path, value: unknown): void {
  const node = isNode(value) ? value : doc.createNode(value);
  const existing = doc.getIn(path, true);
  if (isSeq(existing)) existing.add(node);
  else doc.setIn(path, doc.createNode([node]));
}

/** A new mapping node, to which existing nodes can be moved with `set` (keeping their layout). */
export function mapNode(doc: Document, value: Record<string, unknown>): YAMLMap<string, unknown> {
  return doc.createNode(value) as unknown as YAMLMap<string, unknown>;
}

/**
 * Refuses `--commit` of files that have uncommitted changes, all in one `git status`: a file is
 * committed whole, so edits made to it by hand (or a content change left for a release) would go
 * into the commit unseen. The message names the file (of several, the first git lists); a command
 * whose commit is not a --commit (obsolete) passes its own wording.
 */
export async function refuseUncommitted(
  root: string,
  path: string | readonly string[],
  message: { key: MessageKey; hint: MessageKey } = { key: "edit.uncommitted", hint: "edit.uncommitted.hint" },
): Promise<void> {
  const paths = typeof path === "string" ? [path] : path;
  if (paths.length === 0 || !(await isGitRepository(root))) return;
  const dirty = (await runGit(root, ["status", "--porcelain", "-z", "--", ...paths])).stdout.split("\0").filter(Boolean);
  if (dirty.length > 0) throw new UserError(t(message.key, { path: paths.length === 1 ? paths[0]! : dirty[0]!.slice(3) }), t(message.hint));
}
