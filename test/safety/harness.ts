/** Running csr asynchronously (to kill it, or to start two at once) and fingerprinting a repository's state. */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
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

/** What git holds: the commit subjects (newest first), the tags and whether the work tree is clean. */
export function gitState(dir: string): { subjects: string[]; tags: string[]; status: string } {
  return {
    subjects: git(dir, ["log", "--format=%s"]).trim().split("\n"),
    tags: git(dir, ["tag"]).trim().split("\n").filter(Boolean),
    status: git(dir, ["status", "--porcelain", "--untracked-files=all"]).trim(),
  };
}

/** Leftovers of an interrupted write anywhere: temporary files in the tree, csr's lock and journal folders, git's index lock. */
export function leftovers(dir: string, gitDir = join(dir, ".git")): string[] {
  const found = Object.keys(snapshot(dir)).filter((p) => /\.tmp$|\.csr-\d+\.tmp$/.test(p));
  for (const name of ["csr.lock", "index.lock"]) if (existsSync(join(gitDir, name))) found.push(`.git/${name}`);
  const tx = join(gitDir, "csr-tmp");
  if (existsSync(tx)) found.push(...readdirSync(tx).map((n) => `.git/csr-tmp/${n}`));
  return found;
}
