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
 * than `maxBytes` (git is stopped there).
 */
export function gitRead(root: string, args: readonly string[], maxBytes = 1024 ** 3): string | undefined {
  const result = gitSync(root, args, maxBytes);
  return result.status === 0 ? result.stdout : undefined;
}

function gitSync(root: string, args: readonly string[], maxBytes = 1024 ** 3): { status: number | null; stdout: string } {
  // Loaded when git first runs, not with this module: a check imports it (training records are dated from git) and may run no git at all.
  return process.getBuiltinModule("node:child_process").spawnSync("git", ["-c", "core.quotepath=off", ...args], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: maxBytes,
    env: { ...process.env, GIT_OPTIONAL_LOCKS: "0" },
    stdio: ["ignore", "pipe", "ignore"],
  });
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
    // Two CSRs that took one id are resolved by csr renumber, not by keeping one side.
    const { twoCsrsInConflict } = await import("../merge/two-csrs.js");
    const two = conflicted.filter((path) => path.startsWith("csr/")).flatMap((path) => twoCsrsInConflict(root, path) ?? []);
    throw new UserError(
      t("git.conflicts", { paths: list(conflicted) }),
      two.length > 0 ? t("git.conflicts.two-csrs.hint", { ids: list(two.map((x) => x.id)), id: two[0]!.id }) : t("git.conflicts.hint"),
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
