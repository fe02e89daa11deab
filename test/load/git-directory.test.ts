/**
 * certainlyNoTags answers from the git directory's files what `git for-each-ref refs/tags` would, so that a
 * check of a repository never released starts no git process: a yes only when git would list no tag, loose
 * or packed, in a worktree too; where the files cannot say (GIT_DIR set, a reftable), no.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { certainlyNoTags } from "../../src/load/git-directory.js";
import { git, gitInit, makeRepo, tempDir } from "../helpers.js";

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
