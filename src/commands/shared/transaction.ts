/**
 * Write safety for every command that changes a repository (see docs/writing.md):
 *
 * - A repository lock (`csr.lock` in the git directory, git's own `.lock` convention): one csr
 *   writer at a time; a second one waits up to CSR_LOCK_WAIT_MS (default 20 s), then fails with
 *   one line naming the holder. A lock left by a killed process (its pid is gone) is taken over.
 * - A journal: a change (files to write, then optionally a git commit and tag) is prepared in a
 *   folder of its own under `csr-tmp/` in the git directory (never among the data folders): new
 *   contents and backups first, then `journal.json`, written atomically, which is the point of no
 *   return. Only then are the files renamed into place and git run. A run that is killed before
 *   the journal exists leaves the repository untouched; one killed after it is completed by the
 *   next csr writer (or `csr recover`), which says so. Outside git, the folder is `.csr/` in the root.
 * - If a git step fails (not a kill, a refusal), the change is rolled back: HEAD, the index
 *   entries and the files are put back as they were.
 */
import {
  accessSync,
  chmodSync,
  constants,
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  rmdirSync,
  statSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { UserError } from "../../core/errors.js";
import { list, t } from "../../i18n/index.js";
import { oneLine } from "../../core/text.js";
import { writeFailure, writeNewFileDurably } from "../../core/write.js";
import { gitDirectory, refFromFiles } from "../../load/git-directory.js";
import { workTreePrefix } from "../../load/git.js";
import type { CommandContext } from "../context.js";

/** One file of a change. Paths are absolute. */
export interface FileWrite {
  path: string;
  /** The new content, or a function that streams it into the temporary file it is given. */
  content: string | Uint8Array | ((temp: string) => Promise<void>);
  /** A new file: refused if one exists already. */
  create?: boolean;
  /** File mode, e.g. 0o755 for a hook script. */
  mode?: number;
  /** The file is deleted (`content` is not used): one side of a rename (csr renumber). */
  remove?: boolean;
}

export interface CommitStep {
  /** One line; control characters and line breaks in it are replaced by spaces. */
  message: string;
  /** The files to commit, absolute; they are committed alone, whatever else is staged. */
  paths: string[];
  /** A tag for the new commit. */
  tag?: string;
}

export interface Change {
  writes: FileWrite[];
  commit?: CommitStep;
  /**
   * Without a commit: files to `git add -A` once written, absolute (a rename staged as `git mv`
   * stages it, the two sides of a merge conflict marked resolved).
   */
  stage?: string[];
  /**
   * With a commit: HEAD's commit id ("" before the first commit) as the caller asked git for it under
   * the repository lock, with nothing written since (persistChanges): not asked again.
   */
  head?: string;
}

export interface Applied {
  /** Short hash of the new commit, when the change had a commit step. */
  commit?: string;
}

interface Journal {
  format: 1;
  /** The command line that made the change, e.g. ["review", "CSR-001", "--department", "QA"]. */
  argv: string[];
  head: string;
  writes: { path: string; create: boolean; existed: boolean; remove?: boolean }[];
  commit?: CommitStep;
  stage?: string[];
}

const LOCK_FILE = "csr.lock";
const TX_FOLDER = "csr-tmp";
/**
 * node:os and node:child_process are loaded on first use: `csr check` loads this module (for
 * warnInterrupted) and neither locks nor runs git, and the two cost it 3 ms of CPU to load.
 */
const hostname = () => process.getBuiltinModule("node:os").hostname();

/** Where csr keeps its lock and journals: the git directory, or `.csr/` in the root outside git. */
export function stateDirectory(root: string): string {
  return gitDirectory(root) ?? join(root, ".csr");
}

/**
 * Runs `body` holding the repository lock, after completing any change an earlier run left
 * unfinished. `body` must read the repository itself (under the lock), not use what was read
 * before. If the interrupted change was this very command, it is not run a second time.
 */
export async function withRepositoryLock(ctx: CommandContext, root: string, body: () => Promise<number>): Promise<number> {
  const state = stateDirectory(root);
  const release = await acquireLock(state);
  try {
    const recovered = await recoverInterrupted(ctx, root, state);
    const argv = commandArgv();
    if (recovered.some((r) => r.completed && sameArgv(r.argv, argv))) {
      ctx.stderr(t("transaction.same-command") + "\n");
      return 0;
    }
    return await body();
  } finally {
    release();
    // Outside git, leave no empty .csr/ behind.
    if (state === join(root, ".csr")) removeEmptyFolders(state);
  }
}

/** `csr recover`: completes an interrupted change, if any, and says what it did. */
export async function recoverCommandBody(ctx: CommandContext, root: string): Promise<number> {
  const state = stateDirectory(root);
  const release = await acquireLock(state);
  try {
    const recovered = await recoverInterrupted(ctx, root, state);
    if (recovered.length === 0) ctx.stdout(t("transaction.nothing-to-recover") + "\n");
    return 0;
  } finally {
    release();
    if (state === join(root, ".csr")) removeEmptyFolders(state);
  }
}

/**
 * The command lines of changes that were interrupted after their point of no return. None while a
 * running csr holds the lock: a journal is then that command's change in progress (its `git
 * commit` runs the pre-commit hook, whose `csr check` finds the journal), or one it completes
 * before it goes on, never one left waiting.
 */
export function interruptedChanges(root: string): string[][] {
  const state = stateDirectory(root);
  const folder = join(state, TX_FOLDER);
  let names: string[];
  try {
    names = readdirSync(folder).sort();
  } catch {
    return [];
  }
  if (names.length === 0 || heldByRunningCommand(join(state, LOCK_FILE))) return [];
  return names.flatMap((name) => {
    const journal = readJournal(join(folder, name, "journal.json"));
    return journal ? [journal.argv] : [];
  });
}

/** For read-only commands: one line on stderr when an interrupted change waits to be completed. */
export function warnInterrupted(ctx: CommandContext, root: string): void {
  for (const argv of interruptedChanges(root)) {
    ctx.stderr(t("transaction.interrupted-warning", { command: shownArgv(argv) }) + "\n");
  }
}

// ---------------------------------------------------------------------------------------------
// The lock

interface LockHolder {
  pid: number;
  host: string;
  argv: string[];
  started: string;
}

async function acquireLock(state: string): Promise<() => void> {
  const path = join(state, LOCK_FILE);
  const waitMs = Number(process.env.CSR_LOCK_WAIT_MS ?? 20_000);
  const deadline = Date.now() + waitMs;
  const me: LockHolder = { pid: process.pid, host: hostname(), argv: commandArgv(), started: new Date().toISOString() };
  try {
    mkdirSync(state, { recursive: true });
  } catch (error) {
    throw new UserError(t("transaction.cannot-create-state", { state, reason: (error as Error).message }));
  }
  for (;;) {
    try {
      const fd = openSync(path, "wx");
      try {
        writeSync(fd, JSON.stringify(me));
      } finally {
        closeSync(fd);
      }
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") {
        throw new UserError(t("transaction.cannot-create-lock", { path, reason: (error as Error).message }));
      }
    }
    const holder = readHolder(path);
    if (holder === "stale") {
      takeOverStale(path);
      continue;
    }
    if (Date.now() >= deadline) {
      const who = holder ? t("transaction.lock-holder", { command: shownArgv(holder.argv), pid: holder.pid, since: holder.started.slice(11, 19) }) : t("transaction.another-command");
      throw new UserError(t("transaction.locked", { who, path }));
    }
    await sleep(30 + Math.random() * 70);
  }
}

/** The lock is there and its holder runs (or runs on another machine, or is writing it this moment). */
function heldByRunningCommand(path: string): boolean {
  return existsSync(path) && readHolder(path) !== "stale";
}

/** The holder of the lock; "stale" when it is a process of this machine that no longer runs. */
function readHolder(path: string): LockHolder | "stale" | undefined {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
  let holder: LockHolder;
  try {
    holder = JSON.parse(text) as LockHolder;
  } catch {
    // Being written this very moment, or left empty by a process killed right after creating it.
    return ageMs(path) > 5_000 ? "stale" : undefined;
  }
  if (holder.host !== hostname()) return holder;
  return alive(holder.pid) ? holder : "stale";
}

/**
 * Moves a stale lock aside before deleting it, so that two waiters that both saw it stale do
 * not delete a fresh lock one of them has just taken.
 */
function takeOverStale(path: string): void {
  const aside = `${path}.stale-${process.pid}`;
  try {
    renameSync(path, aside);
  } catch {
    return;
  }
  const moved = readHolder(aside);
  if (moved !== "stale") {
    try {
      linkSync(aside, path);
    } catch {
      // Another process took the lock meanwhile; the one moved aside is lost, and its holder will find it gone.
    }
  }
  rmSync(aside, { force: true });
}

/** Whether the process `pid` is running on this machine (signal 0); EPERM: it is, as another user's. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function ageMs(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

// ---------------------------------------------------------------------------------------------
// Applying a change

/**
 * Writes all files of `change` and makes its commit (and tag), all or nothing. Must be called
 * under withRepositoryLock.
 */
export async function applyChange(root: string, change: Change): Promise<Applied> {
  const state = stateDirectory(root);
  const tx = join(state, TX_FOLDER, `${process.pid}-${Date.now()}`);
  mkdirSync(tx, { recursive: true });
  writeNewFileDurably(join(tx, "intent.json"), JSON.stringify({ argv: commandArgv() }));
  const commit = change.commit ? { ...change.commit, message: oneLine(change.commit.message) } : undefined;
  let journal: Journal;
  try {
    const writes: Journal["writes"] = [];
    for (const [i, write] of change.writes.entries()) {
      const existed = existsSync(write.path);
      if (write.remove) {
        if (existed) copyFileSync(write.path, join(tx, `old-${i}`));
        writes.push({ path: write.path, create: false, existed, remove: true });
        continue;
      }
      if (write.create && existed) throw new UserError(t("transaction.exists", { path: write.path }));
      const temp = join(tx, `new-${i}`);
      killPoint();
      try {
        if (typeof write.content === "function") {
          closeSync(openSync(temp, "wx"));
          await write.content(temp);
          syncFile(temp);
        } else {
          writeNewFileDurably(temp, write.content);
        }
        if (write.mode !== undefined) chmodSync(temp, write.mode);
        if (existed) copyFileSync(write.path, join(tx, `old-${i}`));
        // The target's folder is made now, so that a file where a folder should be stops the change before it starts.
        mkdirSync(dirname(write.path), { recursive: true });
      } catch (error) {
        throw writeFailure(error, write.path);
      }
      writes.push({ path: write.path, create: write.create === true, existed });
    }
    const head = commit ? (change.head ?? (await headOf(root))) : "";
    const stage = commit ? undefined : change.stage;
    journal = { format: 1, argv: commandArgv(), head, writes, commit, ...(stage && stage.length > 0 ? { stage } : {}) };
    killPoint();
    writeNewFileDurably(join(tx, "journal.json.new"), JSON.stringify(journal));
    renameSync(join(tx, "journal.json.new"), join(tx, "journal.json"));
    syncFile(tx);
    killPoint();
  } catch (error) {
    rmSync(tx, { recursive: true, force: true });
    throw error;
  }
  // From here on the change is decided: a kill is completed by the next run.
  let placed = 0;
  try {
    for (const [i, write] of journal.writes.entries()) {
      if (write.remove) rmSync(write.path, { force: true });
      else place(join(tx, `new-${i}`), write.path, write.create);
      placed++;
      killPoint();
    }
  } catch (error) {
    restoreFiles(tx, journal.writes.slice(0, placed));
    rmSync(tx, { recursive: true, force: true });
    throw writeFailure(error, journal.writes[placed]!.path);
  }
  let applied: Applied = {};
  if (journal.stage) {
    const indexBefore = await indexEntries(root, journal.stage);
    try {
      await stageFiles(root, journal.stage);
    } catch (error) {
      const undone = await rollBack(root, tx, journal, indexBefore);
      rmSync(tx, { recursive: true, force: true });
      throw new UserError(t("transaction.git-failed", { failed: t("transaction.stage-failed", { paths: shownPaths(root, journal.stage) }), reason: error instanceof GitFailure ? error.reason : String(error), undone }));
    }
  }
  if (commit) {
    const indexBefore = await indexEntries(root, commit.paths);
    try {
      // `git commit -- <paths>` takes the files of the index as they are in the work tree, a deletion too: only a path new to the index is added first.
      applied = { commit: await commitAndTag(root, commit, commit.paths.filter((path) => indexBefore.get(path) === "")) };
    } catch (error) {
      const undone = await rollBack(root, tx, journal, indexBefore);
      rmSync(tx, { recursive: true, force: true });
      const hook = error instanceof GitFailure && error.step === "commit" && error.code === 1 ? await preCommitHook(root) : undefined;
      if (hook) {
        // The hook's own report, whole: the findings of its `csr check` are the reason, and a first line alone would be a file name.
        const output = (error as GitFailure).output.replace(/\s+$/, "").replace(/^(?=.)/gm, "  ") || `  ${t("transaction.git-no-message")}`;
        // The report's advice names the files as the command would have left them; a new file was not kept, so nothing can be done to it until it is written without the commit.
        const created = journal.writes.filter((w) => w.create).map((w) => w.path);
        const hint = created.length > 0 ? t("transaction.hook-refused.hint-created", { created: shownPaths(root, created), count: created.length }) : t("transaction.hook-refused.hint");
        throw new UserError(t("transaction.hook-refused", { hook, paths: shownPaths(root, commit.paths), undone, output }), hint, 1);
      }
      const reason = error instanceof GitFailure ? error.reason : error instanceof Error ? error.message : String(error);
      const failed = error instanceof GitFailure && error.step === "tag" ? t("transaction.tag-failed", { tag: commit.tag ?? "" }) : t("transaction.commit-failed", { paths: shownPaths(root, commit.paths) });
      throw new UserError(t("transaction.git-failed", { failed, reason, undone }));
    }
  }
  killPoint();
  rmSync(tx, { recursive: true, force: true });
  return applied;
}

/** Renames the prepared file into place; a new file is linked, which fails if one appeared meanwhile. */
function place(temp: string, target: string, create: boolean): void {
  mkdirSync(dirname(target), { recursive: true });
  try {
    if (create) {
      linkSync(temp, target);
      unlinkSync(temp);
    } else {
      renameSync(temp, target);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EXDEV") throw error;
    // An output folder on another file system: copy next to the target, then rename there.
    const near = `${target}.csr-${process.pid}.tmp`;
    copyFileSync(temp, near);
    syncFile(near);
    if (create) {
      linkSync(near, target);
      unlinkSync(near);
    } else {
      renameSync(near, target);
    }
    unlinkSync(temp);
  }
}

function restoreFiles(tx: string, writes: Journal["writes"]): string[] {
  const problems: string[] = [];
  writes.forEach((write, i) => {
    try {
      if (write.existed) copyFileSync(join(tx, `old-${i}`), write.path);
      else rmSync(write.path, { force: true });
    } catch (error) {
      problems.push(t("transaction.not-put-back", { path: write.path, reason: (error as Error).message }));
    }
  });
  return problems;
}

async function rollBack(root: string, tx: string, journal: Journal, indexBefore: Map<string, string>): Promise<string> {
  const problems: string[] = [];
  const head = await headOf(root);
  if (head !== journal.head) {
    const reset = journal.head ? await runGit(root, ["reset", "-q", "--soft", journal.head]) : await runGit(root, ["update-ref", "-d", "HEAD"]);
    if (reset.code !== 0) problems.push(t("transaction.commit-not-undone", { reason: gitReason(reset.stderr) }));
  }
  // update-index takes paths from the top of the work tree, whatever the current folder.
  const [top = "", prefix = ""] = (await runGit(root, ["rev-parse", "--show-toplevel", "--show-prefix"])).stdout.split("\n").map((line) => line.trim());
  for (const [path, entry] of indexBefore) {
    const match = /^(\d+) ([0-9a-f]+) \d+\t/.exec(entry);
    const rel = relative(root, path);
    const index = match
      ? await runGit(top, ["update-index", "--add", "--cacheinfo", `${match[1]},${match[2]},${prefix}${rel}`])
      : await runGit(top, ["rm", "-q", "--cached", "--ignore-unmatch", "--", `${prefix}${rel}`]);
    if (index.code !== 0) problems.push(t("transaction.index-not-restored", { path: rel, reason: gitReason(index.stderr) }));
  }
  problems.push(...restoreFiles(tx, journal.writes));
  if (problems.length === 0) return t("transaction.rolled-back", { paths: shownPaths(root, journal.writes.map((w) => w.path)) });
  return t("transaction.not-rolled-back", { problems: problems.join(t("transaction.problem-separator")) });
}

// ---------------------------------------------------------------------------------------------
// Recovery

interface Recovered {
  argv: string[];
  completed: boolean;
}

async function recoverInterrupted(ctx: CommandContext, root: string, state: string): Promise<Recovered[]> {
  const folder = join(state, TX_FOLDER);
  let names: string[];
  try {
    names = readdirSync(folder).sort();
  } catch {
    return [];
  }
  const recovered: Recovered[] = [];
  for (const name of names) {
    const tx = join(folder, name);
    const journal = readJournal(join(tx, "journal.json"));
    if (!journal) {
      const intent = readJournal(join(tx, "intent.json")) as { argv?: string[] } | undefined;
      rmSync(tx, { recursive: true, force: true });
      if (intent?.argv) {
        ctx.stderr(t("transaction.interrupted-early", { command: shownArgv(intent.argv) }) + "\n");
        recovered.push({ argv: intent.argv, completed: false });
      }
      continue;
    }
    const done: string[] = [];
    journal.writes.forEach((write, i) => {
      if (write.remove) {
        if (!existsSync(write.path)) return;
        unlinkSync(write.path);
        done.push(relative(root, write.path) || write.path);
        return;
      }
      const temp = join(tx, `new-${i}`);
      if (!existsSync(temp)) return;
      if (write.create && existsSync(write.path)) {
        if (!readFileSync(write.path).equals(readFileSync(temp))) {
          ctx.stderr(t("transaction.created-meanwhile", { path: write.path }) + "\n");
          return;
        }
        unlinkSync(temp);
      } else {
        place(temp, write.path, write.create);
      }
      done.push(relative(root, write.path) || write.path);
    });
    let committed = "";
    if (journal.stage) {
      await waitForGitIndex(root);
      await stageFiles(root, journal.stage).catch((error: unknown) => {
        throw new UserError(t("transaction.completing-failed", { command: shownArgv(journal.argv), reason: error instanceof Error ? error.message : String(error) }));
      });
    }
    if (journal.commit) committed = await completeCommit(root, journal);
    rmSync(tx, { recursive: true, force: true });
    const parts = [done.length > 0 ? t("transaction.completed-wrote", { paths: list(done) }) : t("transaction.completed-already-written"), committed].filter(Boolean);
    ctx.stderr(t("transaction.completed", { command: shownArgv(journal.argv), parts: parts.join(t("transaction.problem-separator")) }) + "\n");
    recovered.push({ argv: journal.argv, completed: true });
  }
  return recovered;
}

/** Makes the commit and tag of an interrupted change, unless they were made before the kill. */
async function completeCommit(root: string, journal: Journal): Promise<string> {
  const commit = journal.commit!;
  await waitForGitIndex(root);
  // The short hash of the change's commit when HEAD has moved to it (its message is the journal's); undefined before.
  const madeAlready = async (): Promise<string | undefined> => {
    const head = await headOf(root);
    return head !== journal.head && head !== "" && (await runGit(root, ["log", "-1", "--format=%s"])).stdout.trim() === commit.message ? head.slice(0, 7) : undefined;
  };
  const hash =
    (await madeAlready()) ??
    (await commitAndTag(root, { ...commit, tag: undefined }).catch(async (error: unknown) => {
      // The killed run's own `git commit` outlives it (SIGKILL reaches csr, not its child) and may take the index
      // after the wait above: it made the commit meanwhile, and ours found nothing to commit.
      const made = await madeAlready();
      if (made) return made;
      throw new UserError(t("transaction.completing-failed", { command: shownArgv(journal.argv), reason: error instanceof Error ? error.message : String(error) }));
    }));
  if (commit.tag) {
    const existing = (await runGit(root, ["rev-parse", "-q", "--verify", `refs/tags/${commit.tag}^{commit}`])).stdout.trim();
    if (!existing) await mustGit(root, ["tag", commit.tag], "tag");
    return t("transaction.completed-committed-tagged", { hash, tag: commit.tag });
  }
  return t("transaction.completed-committed", { hash });
}

/** A git process that outlived its killed csr may still be finishing; give it a moment. */
async function waitForGitIndex(root: string): Promise<void> {
  const lock = join(gitDirectory(root) ?? join(root, ".git"), "index.lock");
  const deadline = Date.now() + 10_000;
  while (existsSync(lock)) {
    if (Date.now() > deadline) throw new UserError(t("transaction.git-lock", { lock }));
    await sleep(50);
  }
}

function readJournal(path: string): Journal | undefined {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as Journal;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// git

interface GitRun {
  code: number;
  stdout: string;
  stderr: string;
}

class GitFailure extends Error {
  constructor(
    readonly step: string,
    readonly reason: string,
    /** git's exit code and all it printed (a hook's output included). */
    readonly code = 1,
    readonly output = "",
  ) {
    super(`git ${step}: ${reason}`);
  }
}

/** Runs git in `cwd` without throwing (pathspecs literal, paths unquoted); the exit code and output are returned. */
export function runGit(cwd: string, args: string[]): Promise<GitRun> {
  return new Promise((resolve) => {
    // No optional locks: a `git status` of one csr must not hold .git/index.lock while another commits
    // (two writers at once saw "Unable to create '.git/index.lock': File exists"); only writes lock.
    const env = { ...process.env, GIT_OPTIONAL_LOCKS: "0" };
    process.getBuiltinModule("node:child_process").execFile("git", ["--literal-pathspecs", "-c", "core.quotepath=off", ...args], { cwd, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
      resolve({ code, stdout, stderr: stderr || (error && typeof error.code !== "number" ? error.message : "") });
    });
  });
}

/** git's own reason for a failure, as one line: its 'fatal:'/'error:' line, else its first line. */
export function gitReason(output: string): string {
  const lines = output.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const reason = lines.find((l) => /^(fatal|error):/.test(l)) ?? lines[0] ?? t("transaction.git-no-message");
  return reason.replace(/^(fatal|error):\s*/, "");
}

async function mustGit(cwd: string, args: string[], step: string): Promise<string> {
  const run = await runGit(cwd, args);
  if (run.code !== 0) throw new GitFailure(step, gitReason(`${run.stderr}\n${run.stdout}`));
  return run.stdout;
}

/**
 * A git step that writes the index (add, commit), run again while another git process holds
 * .git/index.lock: an editor's or a git GUI's `git status` refreshing the index, or the status of a
 * csr that has not taken the repository lock yet. git refuses at once ("Unable to create
 * '.git/index.lock': File exists") and changes nothing then, so the step is retried for up to 10 s;
 * other failures, and a lock held longer, are reported as they are.
 */
async function indexGit(cwd: string, args: string[], step: string): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const run = await runGit(cwd, args);
    if (run.code === 0) return run.stdout;
    if (!/index\.lock.*File exists/s.test(run.stderr) || Date.now() > deadline) throw new GitFailure(step, gitReason(`${run.stderr}\n${run.stdout}`), run.code, `${run.stdout}${run.stderr}`);
    await sleep(50 + Math.random() * 100);
  }
}

/**
 * The pre-commit hook git runs here (core.hooksPath honoured), as shown to the user; undefined when
 * there is none. git commit exits 1, without a message of its own, when the hook refuses.
 */
async function preCommitHook(root: string): Promise<string | undefined> {
  const path = (await runGit(root, ["rev-parse", "--git-path", "hooks/pre-commit"])).stdout.trim();
  if (!path) return undefined;
  try {
    accessSync(resolve(root, path), constants.X_OK);
  } catch {
    return undefined;
  }
  return isAbsolute(path) ? path : path.split(sep).join("/");
}

/**
 * HEAD's commit id, "" before the first commit, as `git rev-parse -q --verify HEAD` prints it: read from the git
 * directory's files when they can say (refFromFiles), which a commit of every writing command asks once.
 */
async function headOf(root: string): Promise<string> {
  return refFromFiles(root, "HEAD") ?? (await runGit(root, ["rev-parse", "-q", "--verify", "HEAD"])).stdout.trim();
}

/**
 * Each path's index entry before the change ("<mode> <object> <stage>\t<path>", "" when the index
 * has none), for the roll-back: one `git ls-files -s` for all the paths, since an import writes
 * dozens of files and a git process costs 10 to 40 ms where starting processes is slow.
 */
async function indexEntries(root: string, paths: string[]): Promise<Map<string, string>> {
  const rels = paths.map((path) => relative(root, path));
  const listed = new Map<string, string>();
  if (paths.length > 0) {
    for (const entry of (await runGit(root, ["ls-files", "-s", "-z", "--", ...rels])).stdout.split("\0")) {
      const path = entry.slice(entry.indexOf("\t") + 1);
      // The first entry of a path, as the listing of the path alone gave it.
      if (entry && !listed.has(path)) listed.set(path, entry);
    }
  }
  return new Map(paths.map((path, i) => [path, listed.get(rels[i]!.split(sep).join("/")) ?? ""]));
}

/**
 * Stages the files as they now are: `git add` of those written, `git rm --cached` of those deleted
 * (a rename's old side). Run again after a kill, it changes nothing: a deletion staged already is
 * not an error, where `git add` of a path gone from the work tree and the index would be one.
 */
async function stageFiles(root: string, paths: string[]): Promise<void> {
  const rels = paths.map((p) => relative(root, p));
  const written = rels.filter((_, i) => existsSync(paths[i]!));
  const deleted = rels.filter((_, i) => !existsSync(paths[i]!));
  if (written.length > 0) await indexGit(root, ["add", "-A", "--", ...written], "add");
  if (deleted.length > 0) await indexGit(root, ["rm", "-q", "--cached", "--ignore-unmatch", "--", ...deleted], "add");
  killPoint();
}

/**
 * Commits the files of `commit` alone, whatever else is staged (`git commit -- <paths>`, which stages
 * them as they are in the work tree and rolls the index back when it fails), and tags the commit.
 * `untracked`: the paths to `git add` first, which git commit would not know (all of them unless told,
 * as when a killed run's commit is completed). Returns the short hash of the commit.
 */
async function commitAndTag(root: string, commit: CommitStep, untracked: string[] = commit.paths): Promise<string> {
  const rels = commit.paths.map((p) => relative(root, p));
  if (untracked.length > 0) await stageFiles(root, untracked);
  const summary = await indexGit(root, ["commit", "-m", commit.message, "--", ...rels], "commit");
  killPoint();
  if (commit.tag) await mustGit(root, ["tag", commit.tag], "tag");
  killPoint();
  return committedHash(summary) ?? (await mustGit(root, ["rev-parse", "--short", "HEAD"], "rev-parse")).trim();
}

/**
 * The short hash of the commit `git commit` made, from the summary it prints on its standard output
 * ("[main d44544a] subject", "[main (root-commit) d44544a] …", "[detached HEAD d44544a] …", the words
 * translated in the user's language: "[master（根提交） d44544a] …"): one git process fewer than asking
 * `git rev-parse --short HEAD` afterwards. A branch name has no space, so the hash is the first word
 * that ends in "] ". Hooks print on the standard error, but the last such line is taken all the same;
 * undefined when there is none (a git that prints its summary otherwise), and the caller asks git.
 */
export function committedHash(summary: string): string | undefined {
  const lines = summary.split(/\r?\n/).filter((line) => line.startsWith("["));
  for (const line of lines.reverse()) {
    const hash = /^\[.*? ([0-9a-f]{4,64})\] /.exec(line)?.[1];
    if (hash) return hash;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Small helpers

function syncFile(path: string): void {
  const fd = openSync(path, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Paths named in a message before the rest are counted: an import commits dozens of files, and a message naming each twice is not read. */
const SHOWN_PATHS = 3;

function shownPaths(root: string, paths: string[]): string {
  const shown = paths.map((p) => relative(root, p).split(sep).join("/"));
  if (shown.length <= SHOWN_PATHS) return list(shown);
  return t("transaction.paths-and-more", { paths: list(shown.slice(0, SHOWN_PATHS - 1)), count: shown.length - SHOWN_PATHS + 1 });
}

function removeEmptyFolders(state: string): void {
  for (const dir of [join(state, TX_FOLDER), state]) {
    try {
      rmdirSync(dir);
    } catch {
      // Not empty (a lock of another process, an unfinished change): it stays.
    }
  }
}

let steps = 0;

/**
 * The crash test's hooks: with CSR_TEST_KILL_AT=N, csr kills itself (SIGKILL, no cleanup) at the
 * Nth step of a change, so that the test can stop it at every step in turn; with
 * CSR_TEST_STEPS=<file>, it writes the number of steps passed so far to that file, so that the
 * test learns from one clean run where the change ends (rather than from whole runs that get
 * past the step they were to be killed at).
 */
function killPoint(): void {
  const { CSR_TEST_KILL_AT: killAt, CSR_TEST_STEPS: stepsFile } = process.env;
  if (killAt === undefined && stepsFile === undefined) return;
  steps++;
  if (stepsFile !== undefined) writeFileSync(stepsFile, String(steps));
  if (steps === Number(killAt)) process.kill(process.pid, "SIGKILL");
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The arguments the user typed, for messages and for recognising a re-run of the same command. */
function commandArgv(): string[] {
  return process.argv.slice(2);
}

function sameArgv(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function shownArgv(argv: string[]): string {
  return oneLine(argv.map((a) => (a !== "" && !/[\s'"\\$`!*?;&|<>(){}[\]#~]/.test(a) ? a : `'${a.replace(/'/g, "'\\''")}'`)).join(" "));
}

/**
 * Of `paths` (relative to the root), those with uncommitted changes (or not in git yet; none outside git): csr
 * release writes its links' repins into such a file but leaves it out of its commit, so that those changes do not
 * go into the release unseen (release/index.ts); a command that writes without committing names those it wrote
 * (persist.ts persistChanges). One `git status` for all of them, whose paths are from the top of
 * the work tree: each path is looked for after the root's own (workTreePrefix), so that a repository that
 * is a folder of a larger one finds them too; a folder git shows whole (untracked) holds its files.
 */
export async function uncommitted(root: string, paths: readonly string[]): Promise<Set<string>> {
  if (paths.length === 0) return new Set();
  const prefix = workTreePrefix(root) ?? "";
  const listed = statusPaths((await runGit(root, ["status", "--porcelain", "-z", "--", ...paths])).stdout);
  return new Set(paths.filter((path) => listed.some((shown) => shown === `${prefix}${path}` || (shown.endsWith("/") && `${prefix}${path}`.startsWith(shown)))));
}

/**
 * The paths `git status --porcelain -z` lists in `stdout`, from the top of the work tree (a folder git
 * shows whole ends in '/'): each entry's, and of a rename or copy also the path it came from.
 */
export function statusPaths(stdout: string): string[] {
  const listed: string[] = [];
  const entries = stdout.split("\0");
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    if (entry.length < 4) continue;
    listed.push(entry.slice(3));
    // A rename or copy: the path it came from follows as a field of its own.
    if (/^[RC]/.test(entry) && i + 1 < entries.length) listed.push(entries[++i]!);
  }
  return listed;
}
