/** The repository lock, layout kept on edit, one-line commit messages and --out through symbolic links (issue 10). */
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { committedFixture, copyFixture, csr, csrInProcess, git, gitInit, tempDir } from "../helpers.js";
import { csrAsync, leftovers, snapshot } from "./harness.js";

const repo = () => committedFixture("test/fixtures/csr/valid");

describe("the repository lock", () => {
  it("makes a second writer fail with one line naming the holder, and write nothing", async () => {
    const dir = repo();
    const holder = spawn("sleep", ["30"]);
    writeFileSync(join(dir, ".git", "csr.lock"), JSON.stringify({ pid: holder.pid, host: hostname(), argv: ["review", "DYA-001"], started: "2026-11-27T08:01:02.000Z" }));
    const before = snapshot(dir);
    const result = csr(["-C", dir, "review", "DYA-001", "--department", "QA", "--reviewer", "zhang", "--opinion", "accept", "--yes"], { env: { CSR_LOCK_WAIT_MS: "300" } });
    holder.kill();
    expect(result.stderr).toBe(
      `csr: 'csr review DYA-001' (pid ${holder.pid}, since 08:01:02 UTC) is changing this repository; nothing was written. Run the command again when it has finished (if no csr is running, delete ${join(dir, ".git", "csr.lock")}).\n`,
    );
    expect(result.code).toBe(2);
    expect(snapshot(dir)).toEqual(before);
  });

  it("commits once git's own index lock, held by another git (an editor's git status), is let go", async () => {
    const dir = repo();
    const lock = join(dir, ".git", "index.lock");
    writeFileSync(lock, "");
    // Let go only once csr has written the file it is about to commit, so that its commit meets the lock.
    const file = join(dir, "csr", "DYA", "DYA-001.yaml");
    const before = readFileSync(file, "utf8");
    const watch = setInterval(() => {
      if (readFileSync(file, "utf8") === before) return;
      clearInterval(watch);
      setTimeout(() => rmSync(lock), 300);
    }, 10);
    const result = await csrAsync(["-C", dir, "review", "DYA-001", "--department", "QA", "--reviewer", "zhang", "--opinion", "accept", "--date", "2026-11-27", "--yes", "--commit"], { cwd: dir });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(git(dir, ["log", "-1", "--format=%s"]).trim()).toMatch(/^csr review DYA-001/);
    expect(leftovers(dir)).toEqual([]);
  });

  it("takes over a lock whose process is gone", () => {
    const dir = repo();
    writeFileSync(join(dir, ".git", "csr.lock"), JSON.stringify({ pid: 2 ** 22 + 7, host: hostname(), argv: ["add"], started: "2026-11-27T08:00:00.000Z" }));
    const result = csr(["-C", dir, "review", "DYA-001", "--department", "QA", "--reviewer", "zhang", "--opinion", "accept", "--date", "2026-11-27", "--yes"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(leftovers(dir)).toEqual([]);
  });
});

describe("layout kept on edit", () => {
  it("keeps a committed file's UTF-8 byte-order mark and CRLF line ends when review edits it", async () => {
    const dir = copyFixture("test/fixtures/csr/valid");
    const path = join(dir, "csr/DYA/DYA-002.yaml");
    const original = "\ufeff" + readFileSync(path, "utf8").replace(/\n/g, "\r\n");
    writeFileSync(path, original);
    gitInit(dir);
    const result = await csrInProcess(["-C", dir, "review", "DYA-002", "--department", "MKT", "--reviewer", "li", "--opinion", "accept", "--date", "2026-11-27", "--yes", "--commit"]);
    expect(result.code).toBe(0);
    expect(readFileSync(path, "utf8")).toBe(original + "    - department: MKT\r\n      reviewer: li\r\n      opinion: accept\r\n      date: 2026-11-27\r\n");
    expect(git(dir, ["status", "--porcelain"])).toBe("");
  });
});

describe("commit messages", () => {
  it("keep each value on one line, so a title cannot forge a trailer", async () => {
    const dir = repo();
    const title = "包装要求\n\nSigned-off-by: Mallory <m@example.com>\u001b[2J\u0007";
    const result = await csrInProcess(["-C", dir, "add", "--customer", "DYA", "--source", "DYA-SQM", "--clause", "IATF16949:8.5.1", "--title", title, "--received", "2026-11-27", "--yes", "--commit"]);
    expect(result.stdout).toMatch(/\nCommitted [0-9a-f]{7}: csr add DYA-011: 包装要求 Signed-off-by: Mallory <m@example.com> \[2J\n$/);
    expect(git(dir, ["log", "-1", "--format=%B"])).toBe("csr add DYA-011: 包装要求 Signed-off-by: Mallory <m@example.com> [2J\n\n");
    expect(git(dir, ["log", "-1", "--format=%(trailers)"]).trim()).toBe("");
  });

  it("keep a release summary on one line too", async () => {
    const dir = repo();
    const result = await csrInProcess(["-C", dir, "release", "QP-020", "--summary", "修订\nCo-authored-by: x <x@example.com>", "--prepared", "li", "--reviewed", "wang", "--approved", "zhang", "--date", "2026-11-27", "--force"]);
    expect(result.code).toBe(0);
    expect(git(dir, ["log", "-1", "--format=%B"])).toBe("release QP-020 A/2: 修订 Co-authored-by: x <x@example.com>\n\n");
  });
});

describe("--out and symbolic links", () => {
  it("refuses an output folder that a committed link leads outside the repository", async () => {
    const parent = tempDir();
    const dir = join(parent, "repo");
    mkdirSync(join(parent, "elsewhere"));
    const fixture = copyFixture("test/fixtures/csr/valid");
    cpSync(fixture, dir, { recursive: true });
    symlinkSync("../elsewhere", join(dir, "out"));
    gitInit(dir);
    for (const args of [
      ["render", "--all", "--format", "md"],
      ["render", "QP-020", "--out", "out/sub"],
      ["list", "--out", "out/csr.md"],
      ["matrix", "csr", "--out", "out/m.csv"],
      ["export", "--out", "out/all.xlsx"],
    ]) {
      const result = await csrInProcess(["-C", dir, ...args]);
      expect(result.stderr, args.join(" ")).toMatch(/^csr: --out (out|out\/sub|out\/csr\.md|out\/m\.csv|out\/all\.xlsx) leads outside the repository through a symbolic link \(to .*elsewhere.*\); csr writes there only if you name that folder yourself, e\.g\. --out .*elsewhere.*\.\n$/);
      expect(result.code).toBe(2);
    }
    expect(readdirSync(join(parent, "elsewhere"))).toEqual([]);
    // Named outright, the same folder is the user's choice.
    const named = await csrInProcess(["-C", dir, "render", "QP-020", "--format", "md", "--out", join(parent, "elsewhere")], { lang: null });
    expect(named.code).toBe(0);
    expect(existsSync(join(parent, "elsewhere", "QP-020.zh-CN.md"))).toBe(true);
  });
});
