/**
 * The git adapter. simple-git is imported lazily; paths are never quoted (core.quotepath=off)
 * so that Chinese file names come back as written.
 */
import type { SimpleGit } from "simple-git";
import { UserError } from "../core/errors.js";
import { list, t } from "../i18n/index.js";

/**
 * GIT_OPTIONAL_LOCKS=0: a read such as `git status` does not take the index lock to refresh its
 * stat data, so a csr that only reads (or reads before it takes the repository lock) never makes
 * the git commit of another csr fail with "index.lock: File exists".
 */
export async function openGit(root: string): Promise<SimpleGit> {
  const { simpleGit } = await import("simple-git");
  // Set on csr's own environment (git inherits it): simple-git refuses an env object that carries
  // some of the user's variables (GIT_SSL_CAINFO …) through, and csr's other git calls inherit it too.
  process.env.GIT_OPTIONAL_LOCKS = "0";
  return simpleGit({ baseDir: root, config: ["core.quotepath=off"] });
}

/**
 * What `(await openGit(root)).raw(args)` gives, without loading simple-git (some 55 ms of CPU) when git
 * succeeds: git's standard output, also when git exits non-zero having printed no error, as simple-git
 * takes that. When git fails, the command is run again through simple-git, whose GitError (message,
 * class) the callers report as before.
 */
export async function gitRaw(root: string, args: readonly string[]): Promise<string> {
  process.env.GIT_OPTIONAL_LOCKS = "0";
  const result = process.getBuiltinModule("node:child_process").spawnSync("git", ["-c", "core.quotepath=off", ...args], { cwd: root, encoding: "utf8", maxBuffer: 1024 ** 3 });
  if (!result.error && (result.status === 0 || (result.status !== null && result.stderr === ""))) return result.stdout;
  return (await openGit(root)).raw([...args]);
}

/**
 * The commits of `git log --format=%x1e<fields separated by %x1f> --name-only`, in git's order:
 * each commit's fields in the order of the format, and the paths it touched as git printed them.
 */
export function logRecords(log: string): { fields: string[]; files: string[] }[] {
  const records: { fields: string[]; files: string[] }[] = [];
  for (const record of log.split("\x1e")) {
    const [head = "", ...lines] = record.split("\n");
    if (head.trim() === "") continue;
    records.push({ fields: head.split("\x1f"), files: lines.filter((line) => line.trim() !== "") });
  }
  return records;
}

/**
 * The standard output of one git command that only reads, run in `root`; undefined when git fails
 * (not a repository, no commit yet, git not installed). One process and no simple-git to load: for
 * a read whose failure means only that there is nothing to show. Undefined too when git prints more
 * than `maxBytes` bytes (git is stopped there): exactly `maxBytes` is read, one byte more never, also
 * when git had finished writing and exited before the limit was seen.
 */
export function gitRead(root: string, args: readonly string[], maxBytes = 1024 ** 3): string | undefined {
  const result = gitSync(root, args, maxBytes);
  return result.status === 0 ? result.stdout : undefined;
}

/**
 * Committed file texts by git object name (`<commit>:<path>`, `HEAD:./<path>`, `refs/tags/<tag>:<path>`), in
 * the order asked, as `git cat-file blob <name>` run for each would give them (gitRead: undefined when git has
 * no such blob, or it is over `maxBytes` bytes), from one `git cat-file --batch` for all of them: a document's
 * history reads a version per commit, and each git process costs its parent some 5 ms and itself 5 to 15 ms.
 * A name whose revision is a commit id is answered once per run (the object it names cannot change); HEAD or
 * a tag is asked each time. A name git's batch cannot take (a line break in it) is asked alone.
 */
export function gitBlobs(root: string, names: readonly string[], maxBytes = 1024 ** 3): (string | undefined)[] {
  const key = (name: string) => `${maxBytes}\0${root}\0${name}`;
  const asked = [...new Set(names.filter((name) => !blobs.has(key(name))))];
  const batched = asked.filter((name) => !name.includes("\n"));
  const answers = batched.length > 1 ? catFileBatch(root, batched, maxBytes) : undefined;
  const answered = new Map(answers?.map((text, i) => [batched[i]!, text]));
  for (const name of asked) blobs.set(key(name), answered.has(name) ? answered.get(name) : gitRead(root, ["cat-file", "blob", name], maxBytes));
  const texts = names.map((name) => blobs.get(key(name)));
  for (const name of asked) if (!IMMUTABLE_NAME.test(name)) blobs.delete(key(name));
  return texts;
}

/** The committed text of one file by git object name: gitBlobs of one name. */
export function gitBlob(root: string, name: string, maxBytes = 1024 ** 3): string | undefined {
  return gitBlobs(root, [name], maxBytes)[0];
}

/** A git object name whose revision is an object id: what it names stays the same while csr runs. */
const IMMUTABLE_NAME = /^[0-9a-f]{7,64}:/;

/** The answers of gitBlobs kept for the run, by maxBytes, root and name. */
const blobs = new Map<string, string | undefined>();

/**
 * The texts of `names` from one `git cat-file --batch` ("<object> blob <size>" and the bytes, or "<name>
 * missing"); undefined when git fails or answers otherwise than expected, and the caller asks one by one.
 * A blob over `maxBytes` is undefined, as gitRead's limit makes it.
 */
function catFileBatch(root: string, names: readonly string[], maxBytes: number): (string | undefined)[] | undefined {
  const result = process.getBuiltinModule("node:child_process").spawnSync("git", ["-c", "core.quotepath=off", "cat-file", "--batch"], {
    cwd: root,
    input: names.join("\n") + "\n",
    maxBuffer: Math.min(1024 ** 3, names.length * (maxBytes + 200)),
    env: { ...process.env, GIT_OPTIONAL_LOCKS: "0" },
    stdio: ["pipe", "pipe", "ignore"],
  });
  if (result.status !== 0 || !Buffer.isBuffer(result.stdout)) return undefined;
  const out = result.stdout;
  const texts: (string | undefined)[] = [];
  let at = 0;
  for (const name of names) {
    const eol = out.indexOf(0x0a, at);
    if (eol === -1) return undefined;
    const header = out.subarray(at, eol).toString("utf8");
    at = eol + 1;
    if (header === `${name} missing` || header === `${name} ambiguous`) {
      texts.push(undefined);
      continue;
    }
    const [, type, size] = /^[0-9a-f]+ ([a-z]+) (\d+)$/.exec(header) ?? [];
    if (type === undefined || at + Number(size) + 1 > out.length) return undefined;
    texts.push(type === "blob" && Number(size) <= maxBytes ? out.subarray(at, at + Number(size)).toString("utf8") : undefined);
    at += Number(size) + 1;
  }
  return texts;
}

/**
 * git's exit status and standard output (UTF-8); status null when its output passed `maxBytes` bytes. Node
 * counts the bytes as they come and stops git at the first one past the limit, but a git that had exited by
 * then keeps its exit status 0 beside the ENOBUFS error, and its output is all there: the error (or the
 * length, were it missed) is what refuses it.
 */
function gitSync(root: string, args: readonly string[], maxBytes = 1024 ** 3): { status: number | null; stdout: string } {
  // Loaded when git first runs, not with this module: a check imports it (training records are dated from git) and may run no git at all.
  const result = process.getBuiltinModule("node:child_process").spawnSync("git", ["-c", "core.quotepath=off", ...args], {
    cwd: root,
    maxBuffer: maxBytes,
    env: { ...process.env, GIT_OPTIONAL_LOCKS: "0" },
    stdio: ["ignore", "pipe", "ignore"],
  });
  const stdout = Buffer.isBuffer(result.stdout) ? result.stdout : Buffer.alloc(0);
  if ((result.error as NodeJS.ErrnoException | undefined)?.code === "ENOBUFS" || stdout.length > maxBytes) return { status: null, stdout: "" };
  return { status: result.status, stdout: stdout.toString("utf8") };
}

/**
 * The folders found to be in a git work tree in this run, each with its path from the top of the
 * work tree (`git rev-parse --show-prefix`: "" at the top, "sub/dir/" below it). One stays one,
 * at the same place, while a command runs: a writing command asks both several times, and on a
 * machine where starting a process is slow (a virtual machine, Windows) each git process costs
 * 10 to 40 ms.
 */
const workTrees = new Map<string, string>();

/**
 * Where `root` is in its git work tree: its path from the top ("" at the top, else ending in "/"),
 * from one `git rev-parse --is-inside-work-tree --show-prefix`; undefined when it is in none (or
 * git is not installed). A yes is kept for the rest of the run; a no is asked again, since
 * `csr init` may make the repository meanwhile.
 */
export function workTreePrefix(root: string): string | undefined {
  const known = workTrees.get(root);
  if (known !== undefined) return known;
  const [inside, prefix = ""] = (gitRead(root, ["rev-parse", "--is-inside-work-tree", "--show-prefix"]) ?? "").split("\n");
  if (inside !== "true") return undefined;
  workTrees.set(root, prefix.trim());
  return prefix.trim();
}

/**
 * Where `root` is in its git work tree (workTreePrefix) and the commit HEAD names (undefined before
 * the first commit), from one `git rev-parse --is-inside-work-tree --show-prefix --verify -q HEAD`:
 * git prints the answers in the order asked and, without a commit, leaves out the last and exits 1.
 * Undefined outside a work tree. HEAD is asked every time (a csr that waits for another's lock
 * sees its commit); the place is kept for the run, as workTreePrefix keeps it.
 */
export function workTreeHead(root: string): { prefix: string; head: string | undefined } | undefined {
  const { status, stdout } = gitSync(root, ["rev-parse", "--is-inside-work-tree", "--show-prefix", "--verify", "-q", "HEAD"]);
  const [inside, prefix = "", head = ""] = stdout.split("\n").map((line) => line.trim());
  if ((status !== 0 && status !== 1) || inside !== "true") return undefined;
  workTrees.set(root, prefix);
  return { prefix, head: status === 0 && head !== "" ? head : undefined };
}

/**
 * Whether `root` is in a git work tree (`git rev-parse --is-inside-work-tree`, as simple-git's
 * checkIsRepo asks, without loading simple-git): workTreePrefix, whose yes is kept for the run.
 */
export async function isGitRepository(root: string): Promise<boolean> {
  return workTreePrefix(root) !== undefined;
}

/**
 * Files with unresolved merge conflicts, repository-relative: the paths of the index's unmerged
 * entries (`git ls-files -u`, an entry per stage), which are the files `git status` calls
 * conflicted (UU, AA, DU …). None outside a repository. One git process that reads the index
 * alone, where `git status` also compared the work tree and listed every untracked file.
 */
export async function conflictedFiles(root: string): Promise<string[]> {
  return [...indexPaths(gitRead(root, ["ls-files", "-u", "-z"]) ?? "").conflicted];
}

/**
 * The index's entries under `root` (`git ls-files --stage`, named from `root`): the paths it tracks
 * and those with unresolved merge conflicts (conflictedFiles), from one git process where a command
 * asks both. None outside a repository.
 */
export function indexListing(root: string): { tracked: Set<string>; conflicted: Set<string> } {
  return indexPaths(gitRead(root, ["ls-files", "--stage", "-z"]) ?? "");
}

/** The paths of `git ls-files --stage -z` (or -u) output: each entry is "<mode> <object> <stage>\t<path>", stage 0 when merged. */
function indexPaths(listed: string): { tracked: Set<string>; conflicted: Set<string> } {
  const tracked = new Set<string>();
  const conflicted = new Set<string>();
  for (const entry of listed.split("\0")) {
    const tab = entry.indexOf("\t");
    if (tab === -1) continue;
    const path = entry.slice(tab + 1);
    tracked.add(path);
    if (entry.slice(0, tab).split(" ")[2] !== "0") conflicted.add(path);
  }
  return { tracked, conflicted };
}

/**
 * Commands that write refuse to run in the middle of a merge: they could bury a conflict. `known`:
 * conflictedFiles as the caller asked it in this run, before the repository lock as this is asked.
 */
export async function refuseOnConflicts(root: string, known?: readonly string[]): Promise<void> {
  const conflicted = known ?? (await conflictedFiles(root));
  if (conflicted.length > 0) {
    // Two CSRs (or two drafts) that took one number are resolved by csr renumber, not by keeping one side.
    const { twoCsrsInConflict } = await import("../merge/two-csrs.js");
    const { twoDraftsInConflict } = await import("../merge/two-drafts.js");
    const two = conflicted.filter((path) => path.startsWith("csr/")).flatMap((path) => twoCsrsInConflict(root, path) ?? []);
    const drafts = two.length > 0 ? [] : conflicted.filter((path) => path.startsWith("documents/")).flatMap((path) => twoDraftsInConflict(root, path) ?? []);
    throw new UserError(
      t("git.conflicts", { paths: list(conflicted) }),
      two.length > 0
        ? t("git.conflicts.two-csrs.hint", { ids: list(two.map((x) => x.id)), id: two[0]!.id })
        : drafts.length > 0
          ? t("git.conflicts.two-drafts.hint", { ids: list(drafts.map((x) => x.id)), id: drafts[0]!.id })
          : t("git.conflicts.hint"),
    );
  }
}

/** The two sides of a file in conflict, and their common base (none for an add/add), as git holds them. */
export interface ConflictSides {
  ours: string;
  theirs: string;
  base?: string;
}

/**
 * The sides of the conflict at `path` (relative to `root`): the index's stages 2 and 3 (and 1, the
 * base) while the conflict is unresolved; once the file has been `git add`ed with its markers in
 * the middle of a merge, HEAD's and MERGE_HEAD's versions and their merge base's. Undefined when
 * the path is in no conflict git can tell the sides of.
 */
export function conflictSides(root: string, path: string): ConflictSides | undefined {
  const blob = (object: string) => gitRead(root, ["cat-file", "blob", object]);
  const stages = new Map<string, string>();
  for (const entry of (gitRead(root, ["--literal-pathspecs", "ls-files", "-u", "-z", "--", path]) ?? "").split("\0").filter(Boolean)) {
    const [, object, stage] = /^\d+ ([0-9a-f]+) (\d)\t/.exec(entry) ?? [];
    if (object && stage) stages.set(stage, object);
  }
  if (stages.size > 0) {
    const [base, ours, theirs] = ["1", "2", "3"].map((stage) => (stages.has(stage) ? blob(stages.get(stage)!) : undefined));
    return ours === undefined || theirs === undefined ? undefined : { ours, theirs, ...(base === undefined ? {} : { base }) };
  }
  if (gitRead(root, ["rev-parse", "-q", "--verify", "MERGE_HEAD"]) === undefined) return undefined;
  const [ours, theirs] = ["HEAD", "MERGE_HEAD"].map((rev) => gitRead(root, ["show", `${rev}:./${path}`]));
  if (ours === undefined || theirs === undefined) return undefined;
  const mergeBase = gitRead(root, ["merge-base", "HEAD", "MERGE_HEAD"])?.trim();
  const base = mergeBase ? gitRead(root, ["show", `${mergeBase}:./${path}`]) : undefined;
  return { ours, theirs, ...(base === undefined ? {} : { base }) };
}

/** A commit that touched a folder (folderCommits): its ids, committer day, author, subject and the files it touched. */
export interface FolderCommit {
  commit: string;
  short: string;
  /** The committer date, YYYY-MM-DD, in the time zone it was committed in. */
  day: string;
  author: string;
  message: string;
  /** The files it touched, relative to the folder, '/'-separated. */
  files: string[];
}

/**
 * The commits that touched the folder `root` (`git log -- .`), newest first as git lists them, from one
 * `git log` (renames are not followed; `csr history` does that for one document). Empty outside git or
 * before the first commit.
 *
 * A commit's day is its committer date in the time zone it was committed in (git's --date=short keeps
 * the commit's own offset): the committer date is when the change entered the repository (an author
 * date survives a rebase or cherry-pick and may be days older), and the committer's own calendar day is
 * the day of the records the document controller wrote that day, wherever the command runs (a CI runner
 * in UTC would move a commit made at 01:00 in Beijing to the day before). csr site dates by it both the
 * commits a page lists and the commit whose check a site of a past day shows.
 */
export function folderCommits(root: string): FolderCommit[] {
  const log = gitRead(root, ["log", "--date=short", "--format=%x1e%H%x1f%h%x1f%cd%x1f%an%x1f%s", "--name-only", "--relative", "--", "."]);
  if (log === undefined) return [];
  return logRecords(log).map(({ fields: [commit = "", short = "", day = "", author = "", message = ""], files }) => ({ commit, short, day, author, message, files }));
}
