/**
 * Where a repository's git directory is, found from the files alone, without git: the check cache
 * and the write journal live there. Apart from the git adapter (load/git.ts), so that a check,
 * which runs no git, does not load node:child_process for it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

/**
 * The git directory of the repository that holds `root` (worktrees included: their `.git` file
 * names it), found without running git; undefined outside git.
 */
export function gitDirectory(root: string): string | undefined {
  let dir = resolve(root);
  for (;;) {
    const dotGit = join(dir, ".git");
    try {
      const stat = statSync(dotGit);
      if (stat.isDirectory()) return dotGit;
      const gitdir = /^gitdir: (.+)$/m.exec(readFileSync(dotGit, "utf8"))?.[1];
      if (gitdir) return resolve(dir, gitdir.trim());
    } catch {
      // No .git here: keep walking up.
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * Whether the repository holding `root` certainly has no tag, read from its git directory without running
 * git (`git for-each-ref refs/tags` would print nothing): no file under refs/tags and no tag in packed-refs,
 * in the directory the worktrees share (`commondir`). True outside git too, where there is no tag either.
 * False whenever the files cannot say: GIT_DIR or GIT_COMMON_DIR set, refs kept in a reftable, a file that
 * cannot be read. A check of a repository never released asks this and starts no process: loading
 * node:child_process and two git processes were about a sixth of the CPU of a check of examples/acme-auto.
 */
export function certainlyNoTags(root: string): boolean {
  if (process.env.GIT_DIR !== undefined || process.env.GIT_COMMON_DIR !== undefined) return false;
  const gitdir = gitDirectory(root);
  if (gitdir === undefined) return true;
  try {
    const common = existsSync(join(gitdir, "commondir")) ? resolve(gitdir, readFileSync(join(gitdir, "commondir"), "utf8").trim()) : gitdir;
    if (existsSync(join(common, "reftable"))) return false;
    const tags = join(common, "refs", "tags");
    if (existsSync(tags) && readdirSync(tags, { recursive: true, withFileTypes: true }).some((entry) => !entry.isDirectory())) return false;
    const packed = join(common, "packed-refs");
    return !existsSync(packed) || !/^[0-9a-f]+ refs\/tags\//m.test(readFileSync(packed, "utf8"));
  } catch {
    return false;
  }
}

/**
 * Variables that make git find its repository or its refs otherwise than by walking up from the folder
 * (gitDirectory): where one is set, only git can say what a ref names.
 */
const DISCOVERY_VARIABLES = ["GIT_DIR", "GIT_COMMON_DIR", "GIT_WORK_TREE", "GIT_CEILING_DIRECTORIES", "GIT_DISCOVERY_ACROSS_FILESYSTEM", "GIT_NAMESPACE"];

/** A full object id: SHA-1 (40 hex digits) or SHA-256 (64). */
const OBJECT_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/**
 * The object id `name` ("HEAD" or a full ref such as "refs/tags/QP-001/A-1") names, read from the files of the git
 * directory of the repository that holds `root`, as `git rev-parse -q --verify <name>` prints it: the id when the ref
 * is there (a symbolic ref such as HEAD followed, up to five steps), "" when it is not (a tag never made, HEAD of a
 * branch without a commit). HEAD is the worktree's own, branches and tags are in the directory the worktrees share
 * (`commondir`), loose (a file under refs/) or packed (packed-refs). Undefined whenever the files cannot say, and
 * the caller asks git: outside git, a variable of DISCOVERY_VARIABLES set, refs kept in a reftable, a file that
 * cannot be read or holds what a ref file does not. Git writes a ref (and packed-refs) to a `.lock` file and
 * renames it into place, so a ref read while git writes it is the old or the new one, never half of one. Each git
 * process costs a writing command 10 to 40 ms; a commit asks HEAD, a release its tag (transaction.ts, release).
 */
export function refFromFiles(root: string, name: string): string | undefined {
  if (DISCOVERY_VARIABLES.some((variable) => process.env[variable] !== undefined)) return undefined;
  const gitdir = gitDirectory(root);
  if (gitdir === undefined) return undefined;
  try {
    const common = existsSync(join(gitdir, "commondir")) ? resolve(gitdir, readFileSync(join(gitdir, "commondir"), "utf8").trim()) : gitdir;
    if (existsSync(join(common, "reftable"))) return undefined;
    let ref = name;
    for (let step = 0; step < 5; step++) {
      // HEAD is per worktree; refs/heads and refs/tags are shared (the per-worktree refs/bisect and the like are not asked here).
      if (ref !== "HEAD" && !/^refs\/(?:heads|tags)\//.test(ref)) return undefined;
      const loose = looseRef(ref === "HEAD" ? gitdir : common, ref);
      if (loose === undefined) return undefined;
      if (loose === "") return ref === "HEAD" ? undefined : packedRef(common, ref);
      if (OBJECT_ID.test(loose)) return loose;
      const target = /^ref: (\S+)$/.exec(loose)?.[1];
      if (target === undefined) return undefined;
      ref = target;
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/** The trimmed text of the loose ref file `ref` in `dir`; "" when there is none; undefined when it cannot be read (a folder of refs). */
function looseRef(dir: string, ref: string): string | undefined {
  try {
    return readFileSync(join(dir, ...ref.split("/")), "utf8").trim();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // ENOTDIR: a file where a folder of the path would be (refs/tags/QP-001 holds no refs/tags/QP-001/A-1).
    return code === "ENOENT" || code === "ENOTDIR" ? "" : undefined;
  }
}

/** The id `ref` has in packed-refs ("<id> <ref>" lines; "^<id>" peels the line before), "" when it is not there; undefined when the file holds what it should not. */
function packedRef(common: string, ref: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(join(common, "packed-refs"), "utf8");
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ENOENT" ? "" : undefined;
  }
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith("#") || line.startsWith("^")) continue;
    const space = line.indexOf(" ");
    const id = line.slice(0, space);
    if (space === -1 || !OBJECT_ID.test(id)) return undefined;
    if (line.slice(space + 1) === ref) return id;
  }
  return "";
}
