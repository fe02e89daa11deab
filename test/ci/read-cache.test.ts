import { chmodSync, cpSync, existsSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { csr, csrInProcess, git, gitInit, minimalRepo, tempDir, withoutYearCheck, type RunResult } from "../helpers.js";
import { rewriteCachedEntry } from "./cache-entries.js";
import { PROCESS_MAP } from "./process-map.js";

/**
 * The read-only commands (list, matrix, show, export, render, ...) read the repository through the
 * check cache (src/commands/shared/read.ts): what they print must be what they print without it.
 * The cache lives on disk between processes: the test of a file taken from the cache and of files
 * changed since runs the built binary, each run a process of its own; the others run csr in this
 * process (csrInProcess), which writes and reads the same files, nothing of the cache kept in memory
 * between runs (a check answered from the remembered findings prints the one planted in the file).
 * A test keeps to one of the two: the binary (dist's bundle) and csr in this process (src/, through
 * vite) are different builds, and the binary does not take a file from a cache csr in this process
 * wrote (tried: its `show` printed the file's title, not the one planted in that cache), so a read by
 * one through a cache the other wrote could be a read without the cache, passing for nothing.
 */

const procedure = (id: string, title = "文件控制程序", extra: string[] = []) => [`id: ${id}`, `title: ${title}`, "level: 2", "kind: procedure", "department: QA", "status: draft", ...extra, ""].join("\n");

const OLD = new Date("2026-01-05T08:00:00Z");
const today = ["--today", "2026-06-30"];

/** A git repository whose files and folders are old enough for the cache to trust their stat data. */
function repository(): string {
  const dir = gitInit(
    withoutYearCheck(
      minimalRepo({
        "processes.yaml": PROCESS_MAP,
        "documents/QP-001.yaml": procedure("QP-001", "文件控制程序", ["related: [QP-404]"]),
        "documents/QP-002.yaml": procedure("QP-002", "记录控制程序"),
        "documents/QP-003.yaml": procedure("QP-003", "内部审核程序"),
      }),
    ),
  );
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    if (!path.includes(".git")) utimesSync(path, OLD, OLD);
  }
  utimesSync(dir, OLD, OLD);
  return dir;
}

/** What the read commands print: each command's exit code, stdout and stderr; run by the built binary (`binary`) or in this process. */
async function reads(dir: string, binary = false): Promise<RunResult[]> {
  const commands = [
    ["list", "documents", "--status", "all", "--format", "csv", ...today],
    ["list", "csr", ...today],
    ["show", "QP-003", ...today],
    ["show", "QP-003", "--format", "json", ...today],
    ["matrix", "clauses", ...today],
    ["numbering", "list"],
  ];
  const results: RunResult[] = [];
  for (const args of commands) {
    const argv = ["-C", dir, "--lang", "en", ...args];
    results.push(binary ? csr(argv) : await csrInProcess(argv));
  }
  return results;
}

let plainReads: RunResult[] | undefined;
/** What the read commands print for `repository()`'s files outside git, with no cache at all: read once for the tests that compare with it. */
async function readsOutsideGit(): Promise<RunResult[]> {
  if (!plainReads) {
    const outsideGit = tempDir("csr-read-nogit-");
    cpSync(repository(), outsideGit, { recursive: true, filter: (path) => !path.includes(".git") });
    plainReads = await reads(outsideGit);
    expect(readdirSync(outsideGit).includes(".git")).toBe(false);
  }
  return plainReads;
}

const cacheDir = (dir: string) => join(dir, ".git", "csr-cache");
const indexFile = (dir: string) => join(cacheDir(dir), readdirSync(cacheDir(dir)).find((n) => n.endsWith(".index"))!);

function indexHeader(index: string) {
  const bytes = readFileSync(index);
  return JSON.parse(bytes.subarray(0, bytes.indexOf(10)).toString("utf8"));
}

/**
 * Gives a document another title in the cache alone, as an outdated cache would hold it: a new
 * record at the end of the entries file, where the index says the file's entry is (cache-entries.ts).
 */
function retitleInCache(dir: string, documentId: string, title: string): void {
  rewriteCachedEntry(indexFile(dir).replace(/\.index$/, ".entries"), documentId, (entry) => {
    entry.data!.title = title;
  });
}

describe("read commands and the check cache", () => {
  it("print the same through the cache as without one and outside git, make none themselves, and write nothing in the working tree", async () => {
    const dir = repository();
    const plain = await readsOutsideGit();
    expect(plain[2]!.stdout).toContain("QP-003  内部审核程序");
    expect(plain.map((r) => r.code)).toEqual([0, 0, 0, 0, 0, 0]);
    // No cache yet: read as outside git, and none is made (making it would cost the first command more).
    expect(await reads(dir)).toEqual(plain);
    expect(existsSync(cacheDir(dir))).toBe(false);
    // Made by a check: read through it, and again after the reads kept it up to date.
    await csrInProcess(["-C", dir, "check", ...today]);
    expect(existsSync(cacheDir(dir))).toBe(true);
    expect(await reads(dir)).toEqual(plain);
    expect(await reads(dir)).toEqual(plain);
    expect(git(dir, ["status", "--porcelain", "--ignored"])).toBe("");
  });

  it("take an unchanged file from the cache, and read a file changed since the cache was written", async () => {
    const dir = repository();
    csr(["-C", dir, "check", ...today]);
    // Proof that the cache is read: a title the cache alone holds is shown for a file whose stat data is unchanged.
    retitleInCache(dir, "QP-003", "缓存中的标题");
    expect(csr(["-C", dir, "--lang", "en", "show", "QP-003", ...today]).stdout).toContain("QP-003  缓存中的标题");
    // Edited since (a new time): read afresh, whatever the cache says; likewise an added and a deleted file.
    writeFileSync(join(dir, "documents/QP-003.yaml"), procedure("QP-003", "管理评审程序"));
    writeFileSync(join(dir, "documents/QP-004.yaml"), procedure("QP-004", "培训程序"));
    rmSync(join(dir, "documents/QP-002.yaml"));
    const list = csr(["-C", dir, "--lang", "en", "list", "documents", "--status", "all", "--format", "csv", ...today]);
    expect(list.stdout).toContain(",QP-003,管理评审程序,");
    expect(list.stdout).toContain(",QP-004,培训程序,");
    expect(list.stdout).not.toContain("QP-002");
    expect(list.stdout).not.toContain("缓存中的标题");
    // A file that no longer reads as YAML gets the same refusal as without the cache.
    writeFileSync(join(dir, "documents/QP-001.yaml"), "id: [QP-001\n");
    const outsideGit = tempDir("csr-read-nogit-");
    cpSync(dir, outsideGit, { recursive: true, filter: (path) => !path.includes(".git") });
    const broken = await reads(dir, true);
    expect(broken).toEqual(await reads(outsideGit, true));
    expect(broken[0]!.stderr).toContain("documents/QP-001.yaml");
  });

  it("keep the last check's findings in the index, so that the next check with nothing changed still prints them without running", async () => {
    const dir = repository();
    const check = () => csrInProcess(["-C", dir, "--lang", "en", "check", "--format", "json", ...today]);
    const findings = (r: RunResult) => JSON.parse(r.stdout).findings.map((f: { rule: string; file: string }) => `${f.file} ${f.rule}`);
    expect(findings(await check())).toEqual(["documents/QP-001.yaml ref/unresolved"]);
    // A finding planted among the remembered ones is printed only when the check is answered from them.
    const index = indexFile(dir);
    const bytes = readFileSync(index);
    const header = indexHeader(index);
    header.result.findings.push({ rule: "yaml/syntax", severity: "error", file: "documents/QP-003.yaml", line: 1, column: 1, message: "Remembered." });
    writeFileSync(index, Buffer.concat([Buffer.from(JSON.stringify(header)), bytes.subarray(bytes.indexOf(10))]));
    // Same content, new stat data: the read command writes the index again, with the findings.
    const newer = new Date("2026-02-05T08:00:00Z");
    utimesSync(join(dir, "documents/QP-003.yaml"), newer, newer);
    expect((await csrInProcess(["-C", dir, "list", "documents", "--status", "all", ...today])).code).toBe(0);
    expect(indexHeader(index).written).toBeGreaterThan(header.written);
    expect(findings(await check())).toContain("documents/QP-003.yaml yaml/syntax");
  });

  it("print the same when the cache cannot be written", async () => {
    const dir = repository();
    await csrInProcess(["-C", dir, "check", ...today]);
    // What they print outside git, as they print through a cache that can be written (the first test).
    const plain = await readsOutsideGit();
    // A read-only cache folder (which root may still write to) and a cache path that is a file (which no one can write into).
    chmodSync(join(cacheDir(dir)), 0o555);
    for (const name of readdirSync(cacheDir(dir))) chmodSync(join(cacheDir(dir), name), 0o444);
    expect(await reads(dir)).toEqual(plain);
    chmodSync(join(cacheDir(dir)), 0o755);
    rmSync(cacheDir(dir), { recursive: true });
    writeFileSync(cacheDir(dir), "not a folder\n");
    expect(await reads(dir)).toEqual(plain);
    expect(readFileSync(cacheDir(dir), "utf8")).toBe("not a folder\n");
  });
});
