/**
 * certainlyNoTags answers from the git directory's files what `git for-each-ref refs/tags` would, so that a
 * check of a repository never released starts no git process: a yes only when git would list no tag, loose
 * or packed, in a worktree too; where the files cannot say (GIT_DIR set, a reftable), no.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { certainlyValidTag } from "../../src/commands/release/document.js";
import { certainlyNoTags, refFromFiles } from "../../src/load/git-directory.js";
import { git, gitInit, makeRepo, tempDir } from "../helpers.js";

/** git's exit code and standard output in `dir`, where a refusal is the answer (helpers.ts git throws on it). */
function gitResult(dir: string, args: string[]): { code: number | null; stdout: string } {
  const result = spawnSync("git", args, { cwd: dir, encoding: "utf8" });
  return { code: result.status, stdout: result.stdout };
}

describe("certainlyNoTags", () => {
  it("says no tag for a repository without one, from a folder inside it too, and outside git", () => {
    const dir = gitInit(makeRepo({ "documents/QP-001.yaml": "id: QP-001\n" }));
    expect(certainlyNoTags(dir)).toBe(true);
    expect(certainlyNoTags(join(dir, "documents"))).toBe(true);
    expect(certainlyNoTags(tempDir())).toBe(true);
  });

  it("sees a tag in refs/tags, in a folder of it, and once packed in packed-refs; a branch is not a tag", () => {
    const dir = gitInit(makeRepo({ "documents/QP-001.yaml": "id: QP-001\n" }));
    git(dir, ["branch", "QP-001/A-1"]);
    git(dir, ["pack-refs", "--all"]);
    expect(certainlyNoTags(dir)).toBe(true);
    git(dir, ["tag", "QP-001/A-1"]);
    expect(certainlyNoTags(dir)).toBe(false);
    git(dir, ["pack-refs", "--all"]);
    expect(git(dir, ["for-each-ref", "--format=%(refname)", "refs/tags"])).toBe("refs/tags/QP-001/A-1\n");
    expect(certainlyNoTags(dir)).toBe(false);
    git(dir, ["tag", "-d", "QP-001/A-1"]);
    expect(certainlyNoTags(dir)).toBe(true);
  });

  it("reads the tags of a worktree's repository, which the worktrees share", () => {
    const dir = gitInit(makeRepo({ "documents/QP-001.yaml": "id: QP-001\n" }));
    const worktree = join(tempDir(), "wt");
    git(dir, ["worktree", "add", "-q", "-b", "other", worktree]);
    expect(certainlyNoTags(worktree)).toBe(true);
    git(dir, ["tag", "QP-001/A-1"]);
    expect(certainlyNoTags(worktree)).toBe(false);
  });

  it("cannot say when GIT_DIR names the repository or its refs are in a reftable", () => {
    const dir = gitInit(makeRepo({ "documents/QP-001.yaml": "id: QP-001\n" }));
    process.env.GIT_DIR = join(dir, ".git");
    try {
      expect(certainlyNoTags(dir)).toBe(false);
    } finally {
      delete process.env.GIT_DIR;
    }
    mkdirSync(join(dir, ".git", "reftable"));
    writeFileSync(join(dir, ".git", "reftable", "tables.list"), "");
    expect(certainlyNoTags(dir)).toBe(false);
  });
});

describe("refFromFiles", () => {
  /** What `git rev-parse -q --verify <name>` prints in `dir`, trimmed ("" when git finds no such ref). */
  const verified = (dir: string, name: string) => gitResult(dir, ["rev-parse", "-q", "--verify", name]).stdout.trim();

  it("reads HEAD as git rev-parse does: before the first commit, on a branch loose and packed, detached, in a folder of the repository", () => {
    const dir = makeRepo({ "documents/QP-001.yaml": "id: QP-001\n" });
    git(dir, ["init", "-q", "-b", "main"]);
    expect(refFromFiles(dir, "HEAD")).toBe("");
    expect(verified(dir, "HEAD")).toBe("");
    gitInit(dir);
    const head = verified(dir, "HEAD");
    expect(head).toMatch(/^[0-9a-f]{40}$/);
    expect(refFromFiles(dir, "HEAD")).toBe(head);
    expect(refFromFiles(join(dir, "documents"), "HEAD")).toBe(head);
    git(dir, ["pack-refs", "--all"]);
    expect(refFromFiles(dir, "HEAD")).toBe(head);
    writeFileSync(join(dir, "documents/QP-001.yaml"), "id: QP-001\ntitle: x\n");
    git(dir, ["commit", "-qam", "second"]);
    const second = verified(dir, "HEAD");
    expect(second).not.toBe(head);
    // The new commit is in a loose file again; packed-refs still holds the first.
    expect(refFromFiles(dir, "HEAD")).toBe(second);
    git(dir, ["checkout", "-q", "--detach", head]);
    expect(refFromFiles(dir, "HEAD")).toBe(head);
  });

  it("reads a tag loose, packed and annotated, and none where git has none (a tag named like a folder of another, a branch of that name)", () => {
    const dir = gitInit(makeRepo({ "documents/QP-001.yaml": "id: QP-001\n" }));
    git(dir, ["branch", "QP-001/A-1"]);
    expect(refFromFiles(dir, "refs/tags/QP-001/A-1")).toBe("");
    git(dir, ["tag", "QP-001/A-1"]);
    git(dir, ["tag", "-a", "-m", "annotated", "QP-002/A-1"]);
    for (const name of ["refs/tags/QP-001/A-1", "refs/tags/QP-002/A-1"]) expect(refFromFiles(dir, name)).toBe(verified(dir, name));
    expect(refFromFiles(dir, "refs/tags/QP-002/A-1")).not.toBe(verified(dir, "HEAD"));
    expect(refFromFiles(dir, "refs/tags/QP-001/A-1/x")).toBe("");
    expect(refFromFiles(dir, "refs/tags/QP-003/A-1")).toBe("");
    git(dir, ["pack-refs", "--all"]);
    for (const name of ["refs/tags/QP-001/A-1", "refs/tags/QP-002/A-1"]) expect(refFromFiles(dir, name)).toBe(verified(dir, name));
    expect(refFromFiles(dir, "refs/tags/QP-003/A-1")).toBe("");
    // A folder of loose refs where the asked ref would be a file: the files cannot say.
    git(dir, ["tag", "QP-004/A-1/x"]);
    expect(refFromFiles(dir, "refs/tags/QP-004/A-1")).toBeUndefined();
  });

  it("reads a worktree's own HEAD and the tags it shares", () => {
    const dir = gitInit(makeRepo({ "documents/QP-001.yaml": "id: QP-001\n" }));
    const worktree = join(tempDir(), "wt");
    git(dir, ["worktree", "add", "-q", "-b", "other", worktree]);
    writeFileSync(join(worktree, "documents/QP-001.yaml"), "id: QP-001\ntitle: x\n");
    git(worktree, ["commit", "-qam", "on the worktree's branch"]);
    git(worktree, ["tag", "QP-001/A-1"]);
    expect(refFromFiles(worktree, "HEAD")).toBe(verified(worktree, "HEAD"));
    expect(refFromFiles(worktree, "HEAD")).not.toBe(verified(dir, "HEAD"));
    expect(refFromFiles(dir, "HEAD")).toBe(verified(dir, "HEAD"));
    expect(refFromFiles(dir, "refs/tags/QP-001/A-1")).toBe(verified(worktree, "HEAD"));
  });

  it("cannot say outside git, when GIT_DIR or GIT_CEILING_DIRECTORIES is set, or with a reftable", () => {
    const dir = gitInit(makeRepo({ "documents/QP-001.yaml": "id: QP-001\n" }));
    expect(refFromFiles(tempDir(), "HEAD")).toBeUndefined();
    for (const variable of ["GIT_DIR", "GIT_CEILING_DIRECTORIES"]) {
      process.env[variable] = join(dir, ".git");
      try {
        expect(refFromFiles(dir, "HEAD")).toBeUndefined();
      } finally {
        delete process.env[variable];
      }
    }
    mkdirSync(join(dir, ".git", "reftable"));
    expect(refFromFiles(dir, "HEAD")).toBeUndefined();
  });
});

describe("certainlyValidTag", () => {
  it("accepts only names git check-ref-format takes, and leaves the others to git", () => {
    const dir = gitInit(makeRepo({ "qms.yaml": "x: 1\n" }));
    const accepted = ["QP-001/A-1", "CS/QP-006/B-0", "WI-010-01/A-12", "质量手册/A-0", "QP_1.2/A-1"];
    const left = ["QP..015/A-1", ".QP/A-1", "QP./A-1", "QP.lock/A-1", "QP 1/A-1", "QP@{1}/A-1", "@", "QP~1/A-1", "QP^/A-1", "QP:1/A-1", "QP?/A-1", "QP*/A-1", "QP[1]/A-1", "QP\\1/A-1", "QP//A-1", "QP/A-1/", "/QP", "QP\u0001/A-1", "QP@/A-1"];
    for (const tag of accepted) {
      expect(certainlyValidTag(tag)).toBe(true);
      expect(gitResult(dir, ["check-ref-format", `refs/tags/${tag}`]).code).toBe(0);
    }
    for (const tag of left) expect(certainlyValidTag(tag)).toBe(false);
    // Some of those left to git are valid all the same ('@' inside a name): a no here is not a refusal.
    expect(gitResult(dir, ["check-ref-format", "refs/tags/QP@/A-1"]).code).toBe(0);
    expect(gitResult(dir, ["check-ref-format", "refs/tags/QP..015/A-1"]).code).not.toBe(0);
  });
});
