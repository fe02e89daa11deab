/**
 * The repository as it was at a git revision (the base of a pull request), read from git objects
 * without touching the working tree, plus who committed changes to each file since then. The
 * revision rules compare the working tree with it.
 */
import { UserError } from "../core/errors.js";
import { t } from "../i18n/index.js";
import type { FileKind, SourceFile } from "./source.js";
import { sourceFromBytes, unreadSource } from "./source.js";
import { MAX_FILE_BYTES, tooLarge } from "./guards.js";
import { openGit } from "./git.js";
import { buildRepository, type Repository } from "./repository.js";

export interface BaseState {
  /** The revision as the user named it, e.g. origin/main: used in messages. */
  rev: string;
  repo: Repository;
  /**
   * Author e-mails of the commits after the base that changed each file, by current
   * repository-relative path; uncommitted changes count as the configured git user's.
   */
  authors: Map<string, Set<string>>;
}

/** `staged`: the state compared with the base is git's index, so only staged changes count as the user's. */
export async function loadBase(root: string, rev: string, { staged = false }: { staged?: boolean } = {}): Promise<BaseState> {
  const git = await openGit(root);
  if (!(await git.checkIsRepo())) throw new UserError(t("load.base.not-repository", { root }));
  const commit = await mergeBase(root, rev);
  const prefix = (await git.revparse(["--show-prefix"])).trim();
  return { rev, repo: await loadRevision(root, commit), authors: await changeAuthors(root, commit, prefix, staged) };
}

/**
 * The repository as git's index (the staging area) holds it, what `git commit` would record, read
 * from git objects like a revision: the index is written as a tree object (`git write-tree`, as
 * `git commit` itself does), which changes neither the working tree nor the index. Throws a
 * UserError when git cannot (unmerged files, which cannot be committed either).
 */
export async function loadIndex(root: string): Promise<Repository> {
  const git = await openGit(root);
  if (!(await git.checkIsRepo())) throw new UserError(t("load.base.staged-not-repository", { root }));
  let tree: string;
  try {
    tree = (await git.raw(["write-tree"])).trim();
  } catch (error) {
    const reason = (error as Error).message.trim().split("\n")[0]!;
    throw new UserError(t("load.base.staged-failed", { reason }), t("load.base.staged-failed.hint"));
  }
  return loadRevision(root, tree);
}

/**
 * The commit a pull request from HEAD into `rev` is compared with: their merge base, as
 * `git diff rev...HEAD` has it, so that what the target branch did after the branch was made is not
 * taken for the branch's own change (a GitLab merge-request pipeline checks out the source branch's
 * head, not a merged result). For a commit that HEAD already contains (`--base HEAD`, a PR checked
 * out as its merge commit) the merge base is that commit. Without a merge base (no commit yet,
 * unrelated histories) it is `rev` itself. Throws a UserError when `rev` names no commit.
 */
export async function mergeBase(root: string, rev: string): Promise<string> {
  const git = await openGit(root);
  const commit = (await git.revparse(["--verify", "--quiet", `${rev}^{commit}`]).catch(() => "")).trim();
  if (!commit) {
    throw new UserError(t("load.base.no-commit", { rev }), t("load.base.no-commit.hint"));
  }
  return (await git.raw(["merge-base", "HEAD", commit]).catch(() => "")).trim() || commit;
}

/**
 * The repository at `root` as it was in `commit` (a full commit or tree id), read from git objects. A
 * commit in which the repository's folder did not exist yet gives an empty repository.
 */
export async function loadRevision(root: string, commit: string): Promise<Repository> {
  const git = await openGit(root);
  const prefix = (await git.revparse(["--show-prefix"])).trim();
  // -l gives each blob's size, so that a file over the size limit is never read out of git.
  const listing = await git.raw(["ls-tree", "--full-tree", "-r", "-l", "-z", `${commit}:${prefix.replace(/\/$/, "")}`]).catch(() => "");
  const blobs: { oid: string; path: string; kind: FileKind; size: number }[] = [];
  for (const entry of listing.split("\0").filter(Boolean)) {
    const [meta = "", path = ""] = entry.split("\t");
    const [, type, oid = "", size = "0"] = meta.split(/ +/);
    const kind = type === "blob" ? kindOf(path) : undefined;
    if (kind) blobs.push({ oid, path, kind, size: Number(size) });
  }
  const small = blobs.filter((b) => b.size <= MAX_FILE_BYTES);
  const contents = await readBlobs(root, small.map((b) => b.oid));
  const bytes = new Map(small.map((b, i) => [b, contents[i]!]));
  const files: SourceFile[] = blobs.map((b) => {
    const content = bytes.get(b);
    return content ? sourceFromBytes(content, b.path, b.kind) : unreadSource(b.path, b.kind, tooLarge(b.size));
  });
  return buildRepository(root, files);
}

const TOP_FILES: Record<string, FileKind> = { "qms.yaml": "qms", "people.yaml": "people", "processes.yaml": "processes", "symbols.yaml": "symbols" };
const FOLDERS: Record<string, { kind: FileKind; nested: boolean }> = {
  customers: { kind: "customer", nested: false },
  csr: { kind: "csr", nested: true },
  documents: { kind: "document", nested: true },
  standards: { kind: "standard", nested: false },
};

/** Which kind of repository file a path holds, by the same layout rules as discover() on disk. */
export function kindOf(path: string): FileKind | undefined {
  const top = TOP_FILES[path];
  if (top) return top;
  const parts = path.split("/");
  const folder = FOLDERS[parts[0]!];
  if (!folder || parts.length < 2 || parts.some((p) => p.startsWith("."))) return undefined;
  if (!folder.nested && parts.length > 2) return undefined;
  return /\.ya?ml$/i.test(path) ? folder.kind : undefined;
}

/** All blobs in one `git cat-file --batch` process: one git call instead of one per file. */
function readBlobs(root: string, oids: string[]): Promise<Buffer[]> {
  if (oids.length === 0) return Promise.resolve([]);
  return new Promise((resolve, reject) => {
    // node:child_process, loaded here: dist/cli/check.cjs holds this module, and only a check with --base or --staged reads blobs.
    const child = process.getBuiltinModule("node:child_process").spawn("git", ["cat-file", "--batch"], { cwd: root, stdio: ["pipe", "pipe", "pipe"] });
    const chunks: Buffer[] = [];
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => chunks.push(c));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    // A git that cannot start or stops with an error is the user's environment, said in one line.
    const failed = (reason: string) => new UserError(t("load.base.git-failed", { reason: reason.trim().split("\n")[0]! }));
    child.on("error", (error) => reject(failed(error.message)));
    child.on("close", (code) => {
      if (code !== 0) return reject(failed(stderr || `exit code ${code}`));
      const out = Buffer.concat(chunks);
      const texts: Buffer[] = [];
      let at = 0;
      for (let i = 0; i < oids.length; i++) {
        const eol = out.indexOf(0x0a, at);
        const size = Number(out.subarray(at, eol).toString().split(" ")[2]);
        texts.push(out.subarray(eol + 1, eol + 1 + size));
        at = eol + 1 + size + 1;
      }
      resolve(texts);
    });
    // A git that stops early closes its input: the write fails (EPIPE) and the exit code above says why.
    child.stdin.on("error", () => undefined);
    child.stdin.end(oids.join("\n") + "\n");
  });
}

async function changeAuthors(root: string, commit: string, prefix: string, staged: boolean): Promise<Map<string, Set<string>>> {
  const git = await openGit(root);
  const authors = new Map<string, Set<string>>();
  const add = (topLevelPath: string, email: string) => {
    if (!email || !topLevelPath.startsWith(prefix)) return;
    const path = topLevelPath.slice(prefix.length);
    const set = authors.get(path) ?? new Set<string>();
    set.add(email.toLowerCase());
    authors.set(path, set);
  };
  const log = await git.raw(["log", "--format=%x1e%ae", "--name-only", `${commit}..HEAD`, "--", "."]);
  for (const record of log.split("\x1e").filter((r) => r.trim() !== "")) {
    const [email = "", ...paths] = record.split("\n");
    for (const path of paths) if (path.trim() !== "") add(path, email.trim());
  }
  const me = (await git.raw(["config", "--get", "user.email"]).catch(() => "")).trim();
  const status = (await git.raw(["status", "--porcelain", "-z", "--untracked-files=all", "--", "."])).split("\0");
  for (let i = 0; i < status.length; i++) {
    const entry = status[i]!;
    if (entry.length < 4) continue;
    // Porcelain's first column is the index's change, the second the working tree's.
    if (!staged || (entry[0] !== " " && entry[0] !== "?")) add(entry.slice(3), me);
    if (entry[0] === "R" || entry[0] === "C") i++;
  }
  return authors;
}
