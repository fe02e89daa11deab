/**
 * A draft edited on a branch while the target branch releases it (tester57 E4): `csr check --base`
 * says so in one finding, before and after the target is merged in, with the way to a new revision,
 * instead of a content change and a removed revision entry. Real repositories, real branches and
 * commits, the release made by csr release (with its tag).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtOnce, checkJsonInProcess, csrInProcess, git, tempDir } from "../helpers.js";

/** `csr init --example` with a new procedure QP-003 written (every section filled in) as a draft, committed on main. */
const withDraft = builtOnce(async (): Promise<string> => {
  const dir = tempDir();
  expect((await csrInProcess(["init", "--example"], { cwd: dir })).code).toBe(0);
  git(dir, ["init", "-q"]);
  git(dir, ["config", "user.name", "Test User"]);
  git(dir, ["config", "user.email", "test@example.com"]);
  expect((await csrInProcess(["-C", dir, "new", "procedure", "--title", "变更管理程序", "--department", "QA", "-y"])).code).toBe(0);
  const path = join(dir, "documents/QP-003.yaml");
  writeFileSync(path, readFileSync(path, "utf8").replace(/^( {2}- title: .*)$/gm, "$1\n    text: 无。"));
  git(dir, ["add", "-A"]);
  git(dir, ["commit", "-q", "-m", "init"]);
  git(dir, ["branch", "-M", "main"]);
  return dir;
});

const findings = async (dir: string, lang: string) =>
  (await checkJsonInProcess(dir, "--today", "2026-12-04", "--lang", lang, "--base", "main")).findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.rule} ${f.message}`);

/** The branch "feature" from main, with QP-003's 作业流程 rewritten; then QP-003 released as A/0 on main. */
async function releasedWhileEdited(): Promise<string> {
  const dir = await withDraft();
  git(dir, ["checkout", "-q", "-b", "feature"]);
  const path = join(dir, "documents/QP-003.yaml");
  writeFileSync(path, readFileSync(path, "utf8").replace(/text: 无。\n$/, "text: 变更须经评审和批准后实施。\n"));
  git(dir, ["commit", "-q", "-am", "B edits the draft"]);
  git(dir, ["checkout", "-q", "main"]);
  const release = await csrInProcess(["-C", dir, "release", "QP-003", "--summary", "首次发布", "--prepared", "zhangsan", "--reviewed", "wangwu", "--approved", "lisi", "--date", "2026-12-03", "--yes"]);
  expect(release.code).toBe(0);
  expect(git(dir, ["tag"])).toContain("QP-003/A-0\n");
  git(dir, ["checkout", "-q", "feature"]);
  return dir;
}

describe("csr check --base: a draft released on the target while this branch edited it (tester57 E4)", () => {
  it("before the target is merged in: one finding on the branch's change, naming the version, the date and the way to a new revision", async () => {
    const dir = await releasedWhileEdited();
    expect(await findings(dir, "en")).toEqual([
      "documents/QP-003.yaml:19:11 doc/revision-not-bumped QP-003 was released as A/0 on 2026-12-03 on main while this branch edited its draft (sections); a released document changes only through a new revision. Merge main into this branch keeping its release (status released, revision record A/0), then put this branch's edits into the next revision: mark it as being revised with 'csr submit QP-003 --by <author>' and release A/1 or B/0 with 'csr release QP-003 --summary ...'.",
    ]);
    expect(await findings(dir, "zh-CN")).toEqual([
      "documents/QP-003.yaml:19:11 doc/revision-not-bumped 本分支编辑 QP-003 草稿期间，main 已于 2026-12-03 将其发布为 A/0（本分支改动了 sections）；已发布的文件只能通过新的修订更改。请把 main 合并到本分支并保留其发布（状态 released、修订记录 A/0），再把本分支的改动作为下一修订：用 'csr submit QP-003 --by <编制人>' 标记为修订中，然后用 'csr release QP-003 --summary ...' 发布 A/1 或 B/0。",
    ]);
  });

  it("after a merge that kept the branch's draft: the same one finding, not a removed revision entry beside a content change", async () => {
    const dir = await releasedWhileEdited();
    git(dir, ["merge", "-q", "-s", "ours", "--no-edit", "main"]);
    expect(await findings(dir, "en")).toEqual([
      "documents/QP-003.yaml:6:9 doc/revision-not-bumped QP-003 was released as A/0 on 2026-12-03 on main while this branch edited its draft, and this branch's file is still that draft (status draft, no revision record A/0). Restore the release as main has it (status released and the revision record through A/0: 'git show main:documents/QP-003.yaml') keeping this branch's edits, then mark it as being revised with 'csr submit QP-003 --by <author>' and release A/1 or B/0 with 'csr release QP-003 --summary ...'.",
    ]);
  });

  it("after a merge that kept the release: the branch's edit is a change of the released A/0, to be released as a new revision", async () => {
    const dir = await releasedWhileEdited();
    git(dir, ["merge", "-q", "--no-edit", "main"]);
    expect((await findings(dir, "en")).map((f) => f.split(" ").slice(0, 2).join(" "))).toEqual(["documents/QP-003.yaml:19:11 doc/revision-not-bumped"]);
    // Marked as being revised, as the finding says, the branch is clean.
    expect((await csrInProcess(["-C", dir, "submit", "QP-003", "--by", "zhangsan", "--yes"])).code).toBe(0);
    expect(await findings(dir, "en")).toEqual([]);
  });
});
