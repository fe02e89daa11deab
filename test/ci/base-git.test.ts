/** `csr check --base` when git cannot give the base revision's files: one line saying so, exit 2, no stack. */
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { csr, gitInit, minimalRepo, tempDir } from "../helpers.js";

describe("csr check --base with a git that fails to read objects", () => {
  it("says what git said, in one line, without a stack", () => {
    const repo = gitInit(minimalRepo());
    // A git that answers everything but `cat-file`, which fails as on a damaged object store.
    const bin = join(tempDir(), "bin");
    mkdirSync(bin);
    const realGit = execFileSync("sh", ["-c", "command -v git"], { encoding: "utf8" }).trim();
    writeFileSync(
      join(bin, "git"),
      `#!/bin/sh\nfor a; do [ "$a" = cat-file ] && { echo "fatal: object store unreadable" >&2; echo "more detail" >&2; exit 128; }; done\nexec "${realGit}" "$@"\n`,
    );
    chmodSync(join(bin, "git"), 0o755);
    const env = { PATH: `${bin}:${process.env.PATH}` };
    expect(csr(["-C", repo, "check", "--base", "HEAD"], { env })).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: Could not read the files of the base revision from git (git cat-file: fatal: object store unreadable).\n",
    });
    expect(csr(["-C", repo, "check", "--base", "HEAD"], { env, lang: "zh-CN" }).stderr).toBe("csr: 无法从 git 读取基准版本中的文件（git cat-file：fatal: object store unreadable）。\n");
  });
});
