/**
 * gitBlobs reads many committed files in one `git cat-file --batch`: each answer must be what
 * `git cat-file blob <name>` alone gives (gitRead), missing files, trees and files over the size
 * limit included, and a name through HEAD must be asked again after a commit. gitRead's limit is exact.
 */
import { chmodSync, readFileSync, writeFileSync } from "node:fs";
import { delimiter, join } from "node:path";
import { describe, expect, it } from "vitest";
import { gitBlob, gitBlobs, gitRead } from "../../src/load/git.js";
import { commitAt, git, gitInit, makeRepo, tempDir } from "../helpers.js";

/** The git commands `run` starts (their arguments), through a `git` first on PATH that logs them and runs git. */
function gitCommandsOf(run: () => void): string[] {
  const bin = tempDir();
  const log = join(bin, "log");
  writeFileSync(log, "");
  const real = git(bin, ["--exec-path"]).trim();
  writeFileSync(join(bin, "git"), `#!/bin/sh\necho "$*" >> '${log}'\nexec '${real}/git' "$@"\n`);
  chmodSync(join(bin, "git"), 0o755);
  const path = process.env.PATH;
  process.env.PATH = `${bin}${delimiter}${path}`;
  try {
    run();
  } finally {
    process.env.PATH = path;
  }
  return readFileSync(log, "utf8").split("\n").filter(Boolean);
}

describe("gitRead", () => {
  it("reads output of exactly the limit and refuses one byte more, however soon git exits", () => {
    const dir = gitInit(makeRepo({ "big.yaml": "x".repeat(100), "规程.yaml": "规程" }));
    expect(gitRead(dir, ["cat-file", "blob", "HEAD:big.yaml"], 100)).toBe("x".repeat(100));
    // git writes the 100 bytes at once and often exits before Node sees the 100th pass the limit: asked
    // 40 times, the answer let through with exit status 0 came about one time in four.
    const answers = new Set(Array.from({ length: 40 }, () => gitRead(dir, ["cat-file", "blob", "HEAD:big.yaml"], 99)));
    expect([...answers]).toEqual([undefined]);
    // The limit is in bytes, not characters: 规程 is six bytes of UTF-8.
    expect(gitRead(dir, ["cat-file", "blob", "HEAD:规程.yaml"], 6)).toBe("规程");
    expect(gitRead(dir, ["cat-file", "blob", "HEAD:规程.yaml"], 5)).toBeUndefined();
  });
});

describe("gitBlobs", () => {
  it("answers each name as git cat-file blob does, in the order asked", () => {
    const dir = gitInit(makeRepo({ "a.yaml": "id: QP-001\n", "docs/规程 1.yaml": "标题: 一\n", "big.yaml": "x".repeat(100), "latin1.yaml": Buffer.from([0x69, 0x64, 0x3a, 0xe9, 0x0a]) }));
    const first = git(dir, ["rev-parse", "--short", "HEAD"]).trim();
    writeFileSync(join(dir, "a.yaml"), "id: QP-001\nstatus: released\n");
    commitAt(dir, "2026-12-01", "second");
    const second = git(dir, ["rev-parse", "--short", "HEAD"]).trim();
    const names = [`${second}:a.yaml`, `${first}:a.yaml`, `${first}:docs/规程 1.yaml`, `${first}:gone.yaml`, `${first}:docs`, `${first}:big.yaml`, `${first}:latin1.yaml`, "HEAD:./a.yaml", "nosuchrev:a.yaml", `${first}:a.yaml`];
    let texts: (string | undefined)[] = [];
    expect(gitCommandsOf(() => (texts = gitBlobs(dir, names, 99)))).toEqual(["-c core.quotepath=off cat-file --batch"]);
    expect(texts).toEqual(["id: QP-001\nstatus: released\n", "id: QP-001\n", "标题: 一\n", undefined, undefined, undefined, "id:\ufffd\n", "id: QP-001\nstatus: released\n", undefined, "id: QP-001\n"]);
    expect(texts).toEqual(names.map((name) => gitRead(dir, ["cat-file", "blob", name], 99)));
    // Asked again, the names of a commit id are answered from memory, HEAD's from git.
    expect(gitCommandsOf(() => gitBlobs(dir, names.slice(0, 3), 99))).toEqual([]);
    expect(gitCommandsOf(() => gitBlobs(dir, ["HEAD:./a.yaml", `${first}:a.yaml`], 99))).toEqual(["-c core.quotepath=off cat-file blob HEAD:./a.yaml"]);
  });

  it("asks HEAD again after a commit, and a name with a line break alone", () => {
    const dir = gitInit(makeRepo({ "a.yaml": "one\n" }));
    expect(gitBlobs(dir, ["HEAD:a.yaml", "HEAD:a\n.yaml"])).toEqual(["one\n", undefined]);
    writeFileSync(join(dir, "a.yaml"), "two\n");
    commitAt(dir, "2026-12-02", "two");
    expect(gitBlob(dir, "HEAD:a.yaml")).toBe("two\n");
  });

  it("gives nothing outside a repository", () => {
    const dir = makeRepo({ "a.yaml": "one\n" });
    expect(gitBlobs(dir, ["HEAD:a.yaml", "HEAD:b.yaml"])).toEqual([undefined, undefined]);
  });
});
