/** Running csr asynchronously (to kill it, or to start two at once) and fingerprinting a repository's state. */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, sep } from "node:path";
import { inflateSync } from "node:zlib";
import { BIN, csrEnv, git } from "../helpers.js";

export interface AsyncRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** The environment csr processes start from (csrEnv): as the test file began, not as a csr run in this process (csrInProcess) set it meanwhile. */
const BASE_ENV = csrEnv();

/** Runs the built csr; `killAfterMs` sends SIGKILL after that long, as a crash or a power cut would. */
export function csrAsync(args: string[], options: { cwd: string; env?: Record<string, string>; killAfterMs?: number }): Promise<AsyncRun> {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd,
      env: { ...BASE_ENV, NO_COLOR: "1", GIT_CONFIG_NOSYSTEM: "1", ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    const timer = options.killAfterMs === undefined ? undefined : setTimeout(() => child.kill("SIGKILL"), options.killAfterMs);
    child.on("close", (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: Date.now() - started });
    });
  });
}

/** Runs `tasks` with at most `limit` at a time. */
export async function pool<T>(limit: number, tasks: (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

/**
 * Every file of the working tree (outside .git) with a hash of its content. A workbook is
 * reduced to whether it is complete (its zip directory is there), since it carries its creation time.
 */
export function snapshot(dir: string, sub = ""): Record<string, string> {
  const result: Record<string, string> = {};
  if (!existsSync(join(dir, sub))) return result;
  for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
    const rel = sub ? `${sub}/${entry.name}` : entry.name;
    if (entry.name === ".git") continue;
    if (entry.isDirectory()) Object.assign(result, snapshot(dir, rel));
    else {
      const bytes = readFileSync(join(dir, rel));
      result[rel] = rel.endsWith(".xlsx") ? (completeZip(bytes) ? "complete workbook" : "partial workbook") : createHash("sha1").update(bytes).digest("hex");
    }
  }
  return result;
}

function completeZip(bytes: Buffer): boolean {
  return bytes.length > 22 && bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])) >= bytes.length - 22 - 0xffff;
}

/**
 * What git holds: the commit subjects (newest first), the tags and whether the work tree is clean.
 * The kill test asks this after every kill (some 180 times): one git process (`git status`) instead
 * of three. The subjects and tags are read from the repository's files as `git log --format=%s` and
 * `git tag` print them (refs/tags and packed-refs; HEAD's commits from their loose objects, a line of
 * history); anything else (a packed or merge commit, another encoding, a ref that is not a plain
 * object id) is left to git itself.
 */
export function gitState(dir: string): { subjects: string[]; tags: string[]; status: string } {
  const gitDir = join(dir, ".git");
  return {
    subjects: subjectsOf(gitDir) ?? git(dir, ["log", "--format=%s"]).trim().split("\n"),
    tags: tagsOf(gitDir) ?? git(dir, ["tag"]).trim().split("\n").filter(Boolean),
    status: git(dir, ["status", "--porcelain", "--untracked-files=all"]).trim(),
  };
}

const OBJECT_ID = /^[0-9a-f]{40}$/;

/** The refs under refs/tags/, as `git tag` lists them (by name); undefined where git would judge: a ref file that is not an object id. */
function tagsOf(gitDir: string): string[] | undefined {
  const names = new Set<string>();
  const packed = join(gitDir, "packed-refs");
  if (existsSync(packed)) {
    for (const line of readFileSync(packed, "utf8").split("\n")) {
      const m = /^[0-9a-f]{40} refs\/tags\/(.+)$/.exec(line);
      if (m) names.add(m[1]!);
    }
  }
  const loose = join(gitDir, "refs", "tags");
  for (const entry of existsSync(loose) ? readdirSync(loose, { recursive: true, withFileTypes: true }) : []) {
    if (entry.isDirectory()) continue;
    const path = join(entry.parentPath, entry.name);
    const name = path.slice(loose.length + 1).split(sep).join("/");
    if (name.endsWith(".lock")) continue;
    if (!OBJECT_ID.test(readFileSync(path, "utf8").trimEnd())) return undefined;
    names.add(name);
  }
  return [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The object id a ref names (a loose ref file, else packed-refs), or undefined. */
function refId(gitDir: string, ref: string): string | undefined {
  const loose = join(gitDir, ref);
  if (existsSync(loose)) {
    const id = readFileSync(loose, "utf8").trimEnd();
    return OBJECT_ID.test(id) ? id : undefined;
  }
  const packed = join(gitDir, "packed-refs");
  if (!existsSync(packed)) return undefined;
  return readFileSync(packed, "utf8").split("\n").find((line) => line.endsWith(` ${ref}`))?.slice(0, 40);
}

/**
 * `git log --format=%s` of a line of history whose commits are loose objects: each commit's first
 * paragraph, its lines' trailing white space dropped and the lines joined by a space (git's
 * format_subject). Undefined for anything else.
 */
function subjectsOf(gitDir: string): string[] | undefined {
  const head = readFileSync(join(gitDir, "HEAD"), "utf8").trimEnd();
  let id = head.startsWith("ref: ") ? refId(gitDir, head.slice(5)) : OBJECT_ID.test(head) ? head : undefined;
  if (!id) return undefined;
  const subjects: string[] = [];
  while (id) {
    const path = join(gitDir, "objects", id.slice(0, 2), id.slice(2));
    if (!existsSync(path)) return undefined;
    const object = inflateSync(readFileSync(path)).toString("utf8");
    const body = object.indexOf("\0");
    if (!object.startsWith("commit ")) return undefined;
    const end = object.indexOf("\n\n", body);
    const headers = object.slice(body + 1, end === -1 ? undefined : end).split("\n");
    if (headers.some((h) => h.startsWith("encoding "))) return undefined;
    const parents = headers.filter((h) => h.startsWith("parent ")).map((h) => h.slice(7));
    if (parents.length > 1) return undefined;
    const lines = end === -1 ? [] : object.slice(end + 2).split("\n").map((line) => line.replace(/\s+$/, ""));
    const first = lines.findIndex((line) => line !== "");
    const paragraph = first === -1 ? [] : lines.slice(first);
    const blank = paragraph.indexOf("");
    subjects.push((blank === -1 ? paragraph : paragraph.slice(0, blank)).join(" "));
    id = parents[0];
  }
  return subjects;
}

/** Leftovers of an interrupted write anywhere: temporary files in the tree, csr's lock and journal folders, git's index lock. */
export function leftovers(dir: string, gitDir = join(dir, ".git")): string[] {
  const found = Object.keys(snapshot(dir)).filter((p) => /\.tmp$|\.csr-\d+\.tmp$/.test(p));
  for (const name of ["csr.lock", "index.lock"]) if (existsSync(join(gitDir, name))) found.push(`.git/${name}`);
  const tx = join(gitDir, "csr-tmp");
  if (existsSync(tx)) found.push(...readdirSync(tx).map((n) => `.git/csr-tmp/${n}`));
  return found;
}
