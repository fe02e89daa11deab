/**
 * The repository as it was at a git revision (the base of a pull request), read from git objects
 * without touching the working tree, plus who committed changes to each file since then. The
 * revision rules compare the working tree with it. Also the repository as the index being committed
 * holds it (`csr check --staged`, the pre-commit hook).
 */
import { readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { UserError } from "../core/errors.js";
import { list, t } from "../i18n/index.js";
import type { FileKind, SourceFile } from "./source.js";
import { sourceFromBytes, unreadSource } from "./source.js";
import { MAX_FILE_BYTES, tooLarge } from "./guards.js";
import { gitRaw, workTreePrefix, type FolderCommit } from "./git.js";
import { certainlyNoTags } from "./git-directory.js";
import { buildRepository, type Repository } from "./repository.js";
import { kindOf } from "./layout.js";
import { releaseTag } from "../model/paths.js";
import type { ControlledDocument } from "../model/types.js";
import { recordsOnly } from "../model/revision.js";

export interface BaseState {
  /** The revision as the user named it, e.g. origin/main: used in messages. */
  rev: string;
  /** The commit compared with: the merge base of HEAD and `rev`. */
  commit: string;
  repo: Repository;
  /**
   * Author e-mails of the commits after the base that changed each file, by current
   * repository-relative path; uncommitted changes count as the configured git user's.
   */
  authors: Map<string, Set<string>>;
  /**
   * `authors` without the uncommitted changes: those of HEAD's own commits since the base. The
   * pre-commit hook's check of HEAD (check --staged) credits HEAD's state with them, not with the
   * commit being made, whose author did not write what HEAD holds.
   */
  committedAuthors: Map<string, Set<string>>;
  /**
   * The releases of each document whose file changed since the base (`csr release` tags
   * QP-016/A-0): version, tag and content at the tag, by tag. A released document is compared with
   * its current version's, what was approved (doc/revision-not-bumped), even when it is new at the base.
   */
  released: Map<string, ReleasedVersion>;
}

export interface ReleasedVersion {
  version: string;
  tag: string;
  document: ControlledDocument;
}

/** `staged`: the state compared with the base is git's index, so only staged changes count as the user's. */
export async function loadBase(root: string, rev: string, { staged = false }: { staged?: boolean } = {}): Promise<BaseState> {
  const prefix = workTreePrefix(root);
  if (prefix === undefined) throw new UserError(t("load.base.not-repository", { root }));
  const commit = await mergeBase(root, rev);
  const { authors, committedAuthors } = await changeAuthors(root, commit, prefix, staged);
  return { rev, commit, repo: await loadRevision(root, commit), authors, committedAuthors, released: await releasedVersions(root, prefix, [...authors.keys()]) };
}

/**
 * The releases of the documents among `paths` (changed since the base): by release tag, the
 * document as the tag has it at the same path, when the file there is that version's (its last
 * revision entry names the tag). The tags are listed once, and only the changed documents' files
 * are read out of git, in one call: a check of a pull request that changes a few documents of
 * thousands reads a few files. Every release of a changed document is read, not only its newest:
 * the document is compared with its current version's, which a release made on another branch
 * (A/2 there, A/1 here) would otherwise hide. A document moved since its release is not found at its tag.
 */
async function releasedVersions(root: string, prefix: string, paths: readonly string[]): Promise<Map<string, ReleasedVersion>> {
  const released = new Map<string, ReleasedVersion>();
  // A tag's name is the document's file name (spaces as '_'), a '/' and its version.
  const byName = new Map(paths.filter((p) => kindOf(p) === "document").map((p) => [p.slice(p.lastIndexOf("/") + 1).replace(/\.ya?ml$/i, "").replace(/ /g, "_"), p]));
  if (byName.size === 0) return released;
  const tags = (await gitRaw(root, ["for-each-ref", "--format=%(refname:strip=2)", "refs/tags"])).split("\n");
  const picked = tags.flatMap((tag) => {
    const path = byName.get(tag.slice(0, tag.lastIndexOf("/")));
    return path === undefined ? [] : [{ tag, path }];
  });
  const contents = await readNamed(root, picked.map(({ tag, path }) => `refs/tags/${tag}:${prefix}${path}`));
  picked.forEach(({ tag, path }, i) => {
    // One repository per tag: the releases of one document share its id.
    const document = contents[i] && buildRepository(root, [sourceFromBytes(contents[i], path, "document")]).documents[0]?.value;
    const version = document?.revisions?.at(-1)?.version;
    if (version !== undefined && releaseTag(document!.id, version) === tag) released.set(tag, { version, tag, document: document! });
  });
  return released;
}

/**
 * Without a base (`csr check` of the working tree): the release of each released or withdrawn
 * document of `documents` whose file no longer holds what its current version's release tag
 * recorded (`csr release` tags QP-012/A-3), by tag, for doc/revision-not-bumped. A repository
 * without tags costs no git process when its git directory says so (certainlyNoTags), else one `git
 * for-each-ref`; with tags, one `git cat-file --batch` for all the
 * documents, and a tag holding the file's bytes is not parsed. Empty outside git.
 */
export async function releasesChanged(root: string, documents: readonly { value: ControlledDocument; file: SourceFile }[]): Promise<Map<string, ReleasedVersion>> {
  const changed = new Map<string, ReleasedVersion>();
  const released = documents.filter(({ value }) => value.revisions?.at(-1)?.version !== undefined && value.kind !== "external" && value.revising === undefined && (value.status === "released" || value.status === "obsolete"));
  if (released.length === 0 || certainlyNoTags(root) || workTreePrefix(root) === undefined) return changed;
  const anyTag = await gitOutput(root, ["for-each-ref", "--count=1", "--format=%(refname)", "refs/tags"]).catch(() => Buffer.alloc(0));
  if (anyTag.length === 0) return changed;
  // The texts only now: a file read with js-yaml is read again from disk for its text (load/source.ts
  // rereadText), which a repository without tags, as most are before their first release, never needs.
  const wanted = released.map(({ value, file }) => ({ id: value.id, path: file.path, version: value.revisions!.at(-1)!.version, unless: file.text }));
  const tagged = await releasedRevisions(root, wanted, { tagsOnly: true });
  for (const w of wanted) {
    const tag = releaseTag(w.id, w.version);
    const document = tagged.get(tag);
    if (document) changed.set(tag, { version: w.version, tag, document });
  }
  return changed;
}

/**
 * The released documents being revised (修订中, `revising`: the file holds the draft of the next
 * version) as their current version was released, by id (releasedRevisions: its release tag, else the
 * commit that recorded it): the version in force while the draft is prepared, which the rules judging
 * it read as the registers do (doc/referenced-not-in-force). No git call when no document is being
 * revised; a version git does not have (no git, a shallow clone) is not in the map.
 */
export async function revisedInForce(root: string, documents: readonly { value: ControlledDocument; file: SourceFile }[]): Promise<Map<string, ControlledDocument>> {
  const wanted = documents.flatMap(({ value, file }) => {
    const version = value.revisions?.at(-1)?.version;
    return value.status === "released" && value.revising !== undefined && value.kind !== "external" && version !== undefined ? [{ id: value.id, path: file.path, version }] : [];
  });
  const found = await releasedRevisions(root, wanted);
  return new Map(wanted.flatMap((w) => {
    const released = found.get(releaseTag(w.id, w.version));
    return released ? [[w.id, released] as const] : [];
  }));
}

/**
 * What `csr check` of the working tree reads from git beside the files, as the rules' options (check/rule.ts):
 * `released`, the released documents edited since their release tag (releasesChanged, doc/revision-not-bumped),
 * unless `edited` is false (a check against a base, or of the index, compares with that instead); `inForce`, the
 * version in force of the documents being revised (revisedInForce), which CSR links name until the release
 * (csr/section-missing, IATF 16949 7.5.1.1). An empty map is left out. `csr site` checks so too, whose findings
 * are csr check's (and share its cache).
 */
export async function checkedFromGit(root: string, documents: readonly { value: ControlledDocument; file: SourceFile }[], { edited = true }: { edited?: boolean } = {}): Promise<{ released?: Map<string, ReleasedVersion>; inForce?: Map<string, ControlledDocument> }> {
  const released = edited ? await releasesChanged(root, documents) : undefined;
  const inForce = await revisedInForce(root, documents);
  return { ...(released?.size ? { released } : {}), ...(inForce.size ? { inForce } : {}) };
}

/** A revision of a document whose content a register of a past day needs: the document's id, its file (named from the repository's root) and the version. */
export interface RevisionWanted {
  id: string;
  path: string;
  version: string;
  /** The file's text now: a tag that holds the same bytes is not parsed, nor returned (changedSinceRelease asks only for files that differ). */
  unless?: string;
}

/**
 * The documents as these revisions of them were released, by release tag (releaseTag), for the
 * registers of a past day on which a revision released since was not yet issued (model/as-of.ts
 * earlierRevisionOn): what the controlled copies of that day showed. The release tag of `csr release`
 * marks it, read at the document's path; a revision without one (released before csr, or imported,
 * or tags not fetched) is read from the first commit of the file in which that revision is the last
 * entry: the commit that recorded it, as `csr release` finds its baseline. All tags in one
 * `git cat-file --batch`, then one `git log` for the files left and one `git cat-file --batch` for
 * their commits, however many documents: a register of thousands stays fast. A revision found by
 * neither (a file moved since, no git, a shallow clone) is not in the map; nothing is thrown: a
 * register is still printed, and says which documents it could not take back (context.ts).
 */
export async function releasedRevisions(root: string, wanted: readonly RevisionWanted[], { tagsOnly = false }: { tagsOnly?: boolean } = {}): Promise<Map<string, ControlledDocument>> {
  const found = new Map<string, ControlledDocument>();
  if (wanted.length === 0) return found;
  const prefix = workTreePrefix(root);
  if (prefix === undefined) return found;
  const accept = (w: RevisionWanted, text: Buffer | undefined, path: string): boolean => {
    // A quick look before parsing: a commit whose file does not name the version cannot be its release.
    if (text === undefined || !text.includes(w.version)) return false;
    if (w.unless !== undefined && text.equals(Buffer.from(w.unless))) return true;
    // Through the schema, as the repository reads its files: a file that no longer reads as a document is not taken.
    const parsed = buildRepository(root, [sourceFromBytes(text, path, "document")]).documents[0]?.value;
    if (parsed?.id !== w.id || parsed.revisions?.at(-1)?.version !== w.version) return false;
    // A file marked 修订中 holds the draft of the next version, not this one's text as released (a
    // repository whose first commit already had the draft: its text as released was never in git).
    if (parsed.revising !== undefined) return false;
    found.set(releaseTag(w.id, w.version), parsed);
    return true;
  };
  const tagged = await readNamed(root, wanted.map((w) => `refs/tags/${releaseTag(w.id, w.version)}:${prefix}${w.path}`)).catch(() => []);
  const left = wanted.filter((w, i) => !accept(w, tagged[i], w.path));
  if (left.length === 0 || tagsOnly) return found;
  // The commits that touched each file left, newest first (--stdin takes the paths after "--", however many).
  const log = await gitOutput(root, ["log", "--format=%x1e%H", "--name-only", "--no-renames", "--stdin", "HEAD"], process.env, ["--", ...new Set(left.map((w) => w.path))].join("\n") + "\n").catch(() => undefined);
  if (log === undefined) return found;
  const commits = new Map<string, string[]>();
  for (const record of log.toString("utf8").split("\x1e")) {
    const [commit = "", ...files] = record.split("\n").filter(Boolean);
    for (const file of files) {
      if (!file.startsWith(prefix)) continue;
      const path = file.slice(prefix.length);
      commits.set(path, commits.get(path) ?? []).get(path)!.push(commit);
    }
  }
  // Oldest first: the first commit whose file ends with the version is the one that recorded it.
  const reads = left.flatMap((w) => [...(commits.get(w.path) ?? [])].reverse().map((commit) => ({ w, name: `${commit}:${prefix}${w.path}` })));
  const contents = await readNamed(root, reads.map((r) => r.name)).catch(() => []);
  const done = new Set<RevisionWanted>();
  reads.forEach(({ w }, i) => {
    if (!done.has(w) && accept(w, contents[i], w.path)) done.add(w);
  });
  return found;
}

/** A document whose file a register of a past day reads as committed then: its id and its file (named from the repository's root). */
export interface CommittedWanted {
  id: string;
  path: string;
}

/**
 * The documents as their files were committed at the end of `day`, by id, for the registers of that
 * day (report/registers/context.ts documentsOn): what the YAML does not date is read back from git,
 * a file changed after the day at the last commit of the day or before (`commits`: load/git.ts
 * folderCommits, newest first). A document's status (a draft, 审批中), the mark of a revision in
 * preparation (`revising`, which `csr release` removes) and a form's retention (`record`, which
 * `csr set --retention` changes without a revision) are not dated in the file (tester54a A13, A7).
 * `null`: the file was first committed after the day (the draft was not written yet). A file not
 * committed since the day is not read (the file says what it said then), nor one git never had.
 * Undefined when git has no commit of the day or before (no git, a repository adopted later): then
 * nothing is known. One `git cat-file --batch` for all the files read.
 */
export async function committedDocumentsOn(root: string, wanted: readonly CommittedWanted[], day: string, commits: readonly FolderCommit[]): Promise<Map<string, ControlledDocument | null> | undefined> {
  if (!commits.some((c) => c.day <= day)) return undefined;
  const prefix = workTreePrefix(root);
  if (prefix === undefined) return undefined;
  const paths = new Set(wanted.map((w) => w.path));
  const touched = new Map<string, FolderCommit[]>();
  for (const commit of commits) for (const file of commit.files) if (paths.has(file)) touched.set(file, touched.get(file) ?? []).get(file)!.push(commit);
  const found = new Map<string, ControlledDocument | null>();
  const reads: { w: CommittedWanted; name: string }[] = [];
  for (const w of wanted) {
    const history = touched.get(w.path) ?? [];
    if (!history.some((c) => c.day > day)) continue;
    const then = history.find((c) => c.day <= day);
    if (then === undefined) found.set(w.id, null);
    else reads.push({ w, name: `${then.commit}:${prefix}${w.path}` });
  }
  const contents = await readNamed(root, reads.map((r) => r.name)).catch(() => []);
  reads.forEach(({ w }, i) => {
    const text = contents[i];
    if (text === undefined) return;
    const parsed = buildRepository(root, [sourceFromBytes(text, w.path, "document")]).documents[0]?.value;
    if (parsed?.id === w.id) found.set(w.id, parsed);
  });
  return found;
}

/**
 * The repository as git's index (the staging area) holds it, what `git commit` would record, read
 * from git objects like a revision; neither the working tree nor the index changes. The index is
 * listed (`git ls-files --stage`), never locked: in a pre-commit hook git holds `.git/index.lock`,
 * and for `git commit -a` or `git commit <paths>` (csr's own commits) the index being committed is
 * a temporary one that GIT_INDEX_FILE names, which the listing reads (stagedGitEnv). Throws a
 * UserError when the index has unresolved merge conflicts, which cannot be committed either.
 */
export async function loadIndex(root: string): Promise<Repository> {
  if (workTreePrefix(root) === undefined) throw new UserError(t("load.base.staged-not-repository", { root }));
  // From `root`, which may be a folder of a larger repository: its entries, named from `root`, as loadRevision's.
  const listing = await gitOutput(root, ["ls-files", "--stage", "-z"], stagedGitEnv()).catch((error: Error) => {
    throw new UserError(t("load.base.staged-failed", { reason: error.message }));
  });
  const entries: { oid: string; path: string; kind: FileKind }[] = [];
  const conflicted = new Set<string>();
  for (const entry of listing.toString("utf8").split("\0").filter(Boolean)) {
    const tab = entry.indexOf("\t");
    const [mode = "", oid = "", stage = "0"] = entry.slice(0, tab).split(" ");
    const path = entry.slice(tab + 1);
    if (stage !== "0") conflicted.add(path);
    const kind = mode === "160000" ? undefined : kindOf(path);
    if (kind && stage === "0") entries.push({ oid, path, kind });
  }
  if (conflicted.size > 0) throw new UserError(t("load.base.staged-conflicts", { paths: list([...conflicted]) }), t("load.base.staged-conflicts.hint"));
  const sizes = await blobSizes(root, entries.map((e) => e.oid));
  return repositoryFromBlobs(root, entries.map((e, i) => ({ ...e, size: sizes[i]! })));
}

/**
 * The environment for git commands that read the index being committed. GIT_INDEX_FILE, which git
 * sets for a pre-commit hook, may be relative to the hook's folder (the top of the work tree), the
 * folder csr started in; csr runs git from the repository's root, so it is made absolute.
 */
function stagedGitEnv(): NodeJS.ProcessEnv {
  const index = process.env.GIT_INDEX_FILE;
  return { ...process.env, GIT_OPTIONAL_LOCKS: "0", ...(index ? { GIT_INDEX_FILE: resolve(index) } : {}) };
}

/** The commit HEAD names; undefined before the first commit. */
export async function headCommit(root: string): Promise<string | undefined> {
  const head = await gitOutput(root, ["rev-parse", "-q", "--verify", "HEAD^{commit}"]).catch(() => undefined);
  return head?.toString().trim() || undefined;
}

/**
 * The files under `root` (named from it) whose staged content differs from `commit`'s, deletions
 * and both sides of a rename included; from the index being committed (stagedGitEnv). Without
 * `commit`: since HEAD, and before the first commit every staged file.
 */
export async function stagedPaths(root: string, commit?: string): Promise<Set<string>> {
  const since = commit ?? (await headCommit(root));
  const output = since
    ? await gitOutput(root, ["diff", "--cached", "--name-only", "--no-renames", "--relative", "-z", since, "--"], stagedGitEnv())
    : await gitOutput(root, ["ls-files", "-z"], stagedGitEnv());
  return new Set(output.toString("utf8").split("\0").filter(Boolean));
}

/**
 * The commit a pull request from HEAD into `rev` is compared with: their merge base, as
 * `git diff rev...HEAD` has it, so that what the target branch did after the branch was made is not
 * taken for the branch's own change (a GitLab merge-request pipeline checks out the source branch's
 * head, not a merged result). For a commit that HEAD already contains (`--base HEAD`, a PR checked
 * out as its merge commit) the merge base is that commit. Without a merge base (no commit yet,
 * unrelated histories) it is `rev` itself. Throws a UserError when `rev` names no commit.
 * Asked once per pair of commits (`csr check --base … --changed-only` needs it twice): the answer is kept
 * by the commits HEAD and `rev` name when asked, not by their names, since a process that runs csr more
 * than once (the tests run it in-process) sees HEAD move between runs.
 */
export async function mergeBase(root: string, rev: string): Promise<string> {
  const commit = await revisionCommit(root, rev);
  const head = (await gitRaw(root, ["rev-parse", "--verify", "--quiet", "HEAD"]).catch(() => "")).trim();
  const key = `${root}\0${head}\0${commit}`;
  let known = mergeBases.get(key);
  if (known === undefined) {
    known = gitRaw(root, ["merge-base", "HEAD", commit]).then((base) => base.trim() || commit, () => commit);
    mergeBases.set(key, known);
  }
  return known;
}

/** mergeBase's answers in this process, by root and the commits of HEAD and of the revision. */
const mergeBases = new Map<string, Promise<string>>();

/** The commit `rev` names (a branch's tip); a UserError when it names none. */
export async function revisionCommit(root: string, rev: string): Promise<string> {
  const commit = (await gitRaw(root, ["rev-parse", "--verify", "--quiet", `${rev}^{commit}`]).catch(() => "")).trim();
  if (!commit) throw new UserError(t("load.base.no-commit", { rev }), t("load.base.no-commit.hint"));
  return commit;
}

/**
 * The repository at `root` as it was in `commit` (a full commit or tree id), read from git objects. A
 * commit in which the repository's folder did not exist yet gives an empty repository.
 */
export async function loadRevision(root: string, commit: string): Promise<Repository> {
  // Outside a work tree git's own error, as before the prefix was kept for the run.
  const prefix = workTreePrefix(root) ?? (await gitRaw(root, ["rev-parse", "--show-prefix"])).trim();
  // -l gives each blob's size, so that a file over the size limit is never read out of git.
  const listing = await gitRaw(root, ["ls-tree", "--full-tree", "-r", "-l", "-z", `${commit}:${prefix.replace(/\/$/, "")}`]).catch(() => "");
  const blobs: { oid: string; path: string; kind: FileKind; size: number }[] = [];
  for (const entry of listing.split("\0").filter(Boolean)) {
    const [meta = "", path = ""] = entry.split("\t");
    const [, type, oid = "", size = "0"] = meta.split(/ +/);
    const kind = type === "blob" ? kindOf(path) : undefined;
    if (kind) blobs.push({ oid, path, kind, size: Number(size) });
  }
  return repositoryFromBlobs(root, blobs);
}

/** The repository made of these blobs; one over the size limit is never read out of git. */
async function repositoryFromBlobs(root: string, blobs: { oid: string; path: string; kind: FileKind; size: number }[]): Promise<Repository> {
  const small = blobs.filter((b) => b.size <= MAX_FILE_BYTES);
  const contents = await readBlobs(root, small.map((b) => b.oid));
  const bytes = new Map(small.map((b, i) => [b, contents[i]!]));
  const files: SourceFile[] = blobs.map((b) => {
    const content = bytes.get(b);
    return content ? sourceFromBytes(content, b.path, b.kind) : unreadSource(b.path, b.kind, tooLarge(b.size));
  });
  return buildRepository(root, files);
}

/** All blobs in one `git cat-file --batch` process: one git call instead of one per file (their ids are git's own: all found). */
async function readBlobs(root: string, oids: string[]): Promise<Buffer[]> {
  return (await readNamed(root, oids)) as Buffer[];
}

/** Objects named `<rev>:<path>` (or by id), in one `git cat-file --batch`; undefined for a name git does not find. */
async function readNamed(root: string, names: string[]): Promise<(Buffer | undefined)[]> {
  if (names.length === 0) return [];
  const out = await catFile(root, "--batch", names);
  const texts: (Buffer | undefined)[] = [];
  let at = 0;
  for (let i = 0; i < names.length; i++) {
    const eol = out.indexOf(0x0a, at);
    const header = out.subarray(at, eol).toString();
    if (header.endsWith(" missing") || header.endsWith(" ambiguous")) {
      texts.push(undefined);
      at = eol + 1;
      continue;
    }
    const size = Number(header.split(" ")[2]);
    texts.push(out.subarray(eol + 1, eol + 1 + size));
    at = eol + 1 + size + 1;
  }
  return texts;
}

/** The sizes of blobs, from one `git cat-file --batch-check`, so that none over the size limit is read. */
async function blobSizes(root: string, oids: string[]): Promise<number[]> {
  if (oids.length === 0) return [];
  const out = (await catFile(root, "--batch-check", oids)).toString();
  return out.split("\n").slice(0, oids.length).map((line) => Number(line.split(" ")[2]));
}

/** A git that cannot start or stops with an error is the user's environment, said in one line. */
function catFile(root: string, mode: string, oids: string[]): Promise<Buffer> {
  return gitOutput(root, ["cat-file", mode], process.env, oids.join("\n") + "\n").catch((error: Error) => {
    throw new UserError(t("load.base.git-failed", { reason: error.message }));
  });
}

/**
 * The standard output of one git command run in `root`, with `input` on its standard input; rejects
 * with git's first line of error output. Not through simple-git, which drops every GIT_ variable
 * of the environment, GIT_INDEX_FILE included.
 */
function gitOutput(root: string, args: string[], env: NodeJS.ProcessEnv = process.env, input = ""): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // node:child_process, loaded here: dist/cli/check.cjs holds this module, and only a check with --base or --staged runs git.
    const child = process.getBuiltinModule("node:child_process").spawn("git", ["-c", "core.quotepath=off", ...args], { cwd: root, env, stdio: ["pipe", "pipe", "pipe"] });
    const chunks: Buffer[] = [];
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => chunks.push(c));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    const failed = (reason: string) => new Error(reason.trim().split("\n")[0]!);
    child.on("error", (error) => reject(failed(error.message)));
    child.on("close", (code) => (code === 0 ? resolve(Buffer.concat(chunks)) : reject(failed(stderr || `exit code ${code}`))));
    // A git that stops early closes its input: the write fails (EPIPE) and the exit code above says why.
    child.stdin.on("error", () => undefined);
    child.stdin.end(input);
  });
}

/**
 * Who changed each file since `commit`: the authors of the commits, then with the uncommitted changes
 * (the index's, when `staged`) as well. A change of a document's file that only records an approval
 * or a release (recordsOnly: `csr release`, `csr sign` run by the approver) makes nobody its author:
 * the approver who commits the release of a revision the preparer wrote did not write it (tester57 E7).
 */
async function changeAuthors(root: string, commit: string, prefix: string, staged: boolean): Promise<{ authors: Map<string, Set<string>>; committedAuthors: Map<string, Set<string>> }> {
  const add = (authors: Map<string, Set<string>>, { path: topLevelPath, email }: FileChange) => {
    if (!email || !topLevelPath.startsWith(prefix)) return;
    const path = topLevelPath.slice(prefix.length);
    const set = authors.get(path) ?? new Set<string>();
    set.add(email.toLowerCase());
    authors.set(path, set);
  };
  const committed: FileChange[] = [];
  // --raw: each file's blobs before and after the commit, to tell a change of its text from a record of its approval.
  const log = await gitRaw(root, ["log", "--format=%x1e%ae", "--raw", "--no-abbrev", `${commit}..HEAD`, "--", "."]);
  for (const record of log.split("\x1e").filter((r) => r.trim() !== "")) {
    const [email = "", ...lines] = record.split("\n");
    for (const line of lines) {
      const change = rawChange(line, email.trim());
      if (change) committed.push(change);
    }
  }
  const me = (await gitRaw(root, ["config", "--get", "user.email"]).catch(() => "")).trim();
  const uncommitted: FileChange[] = [];
  if (staged) {
    // The author of the commit being made: in a pre-commit hook git names it (git commit --author).
    const author = process.env.GIT_AUTHOR_EMAIL || me;
    const diff = await gitOutput(root, ["diff", "--cached", "--raw", "--no-abbrev", "--no-renames", "HEAD", "--", "."], stagedGitEnv());
    for (const line of diff.toString("utf8").split("\n")) {
      const change = rawChange(line, author);
      if (change) uncommitted.push(change);
    }
  } else {
    const status = (await gitRaw(root, ["status", "--porcelain", "-z", "--untracked-files=all", "--", "."])).split("\0");
    for (let i = 0; i < status.length; i++) {
      const entry = status[i]!;
      if (entry.length < 4) continue;
      const path = entry.slice(3);
      // A file changed in the working tree: as HEAD has it, and as it is on disk.
      const tracked = entry[0] !== "?" && entry[0] !== "A" && entry[0] !== "R" && entry[0] !== "C";
      uncommitted.push({ email: me, path, ...(tracked ? { before: `HEAD:${path}`, after: { file: resolve(root, path.slice(prefix.length)) } } : {}) });
      if (entry[0] === "R" || entry[0] === "C") i++;
    }
  }
  const recorded = await approvalRecords(root, prefix, [...committed, ...uncommitted]);
  const committedAuthors = new Map<string, Set<string>>();
  committed.forEach((change, i) => {
    if (!recorded[i]) add(committedAuthors, change);
  });
  const authors = new Map([...committedAuthors].map(([path, emails]) => [path, new Set(emails)]));
  uncommitted.forEach((change, i) => {
    if (!recorded[committed.length + i]) add(authors, change);
  });
  return { authors, committedAuthors };
}

/**
 * A file's change by `email`: its path from the top of the work tree, and, when it was neither added
 * nor deleted, its content before (a git object) and after (a git object, or a file on disk).
 */
interface FileChange {
  email: string;
  path: string;
  before?: string;
  after?: string | { file: string };
}

const NO_BLOB = /^0+$/;

/** One line of git's --raw output (`:100644 100644 <before> <after> M<TAB>path`, a rename's two paths); undefined for any other line. */
function rawChange(line: string, email: string): FileChange | undefined {
  if (!line.startsWith(":")) return undefined;
  const [meta = "", ...paths] = line.split("\t");
  const [, , before = "", after = "", status = ""] = meta.split(" ");
  const path = paths.at(-1);
  if (path === undefined) return undefined;
  // A blob of zeros: the file was added or deleted (or, in the working tree, git has not hashed it).
  const both = !NO_BLOB.test(before) && !NO_BLOB.test(after) && !status.startsWith("T");
  return { email, path, ...(both ? { before, after } : {}) };
}

/**
 * Which of `changes` only record the approval or release of a document (recordsOnly): both contents
 * of each change of a document's file read in one git call, none over the size limit (that one, and
 * one git cannot parse, counts as a change of the text).
 */
async function approvalRecords(root: string, prefix: string, changes: readonly FileChange[]): Promise<boolean[]> {
  const compared = changes.map((c) => c.before !== undefined && c.after !== undefined && c.path.startsWith(prefix) && kindOf(c.path.slice(prefix.length)) === "document");
  const names = [...new Set(changes.flatMap((c, i) => (compared[i] ? [c.before!, ...(typeof c.after === "string" ? [c.after] : [])] : [])))];
  if (names.length === 0) return changes.map(() => false);
  const sizes = await blobSizes(root, names);
  const small = names.filter((_, i) => sizes[i]! <= MAX_FILE_BYTES);
  const contents = await readNamed(root, small);
  const objects = new Map(small.map((name, i) => [name, contents[i]]));
  const documentOf = (bytes: Buffer | undefined, path: string) => (bytes === undefined ? undefined : (sourceFromBytes(bytes, path, "document").data as ControlledDocument | undefined));
  return changes.map((c, i) => {
    if (!compared[i]) return false;
    const path = c.path.slice(prefix.length);
    const before = documentOf(objects.get(c.before!), path);
    const after = documentOf(typeof c.after === "string" ? objects.get(c.after) : fileBytes(c.after!.file), path);
    return before !== undefined && after !== undefined && typeof before === "object" && typeof after === "object" && recordsOnly(before, after);
  });
}

/** A file's bytes, or undefined when it cannot be read or is over the size limit. */
function fileBytes(path: string): Buffer | undefined {
  try {
    return statSync(path).size <= MAX_FILE_BYTES ? readFileSync(path) : undefined;
  } catch {
    return undefined;
  }
}
