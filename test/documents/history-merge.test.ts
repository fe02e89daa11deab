/**
 * `csr history` over merges (tester57 E13): changes made on branches and merged with --no-ff (a
 * pull request's merge) are listed once each, with who made them, and the merge that brought them
 * in, with who merged it and when. Real repository, real branches and merges.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { csr, csrInProcess, git, gitInit, minimalRepo } from "../helpers.js";

const DRAFT = "id: QP-020\ntitle: 顾客特定要求管理程序\nlevel: 2\nkind: procedure\ndepartment: QA\nstatus: draft\nsections:\n  - title: 目的\n    text: 规定评审方法。\n  - title: 范围\n    text: 适用于全部顾客。\n";
const SIGNERS = ["--prepared", "zhang", "--reviewed", "li", "--approved", "wang"];
const LI = { GIT_AUTHOR_NAME: "李娜", GIT_AUTHOR_EMAIL: "li@example.com" };
const WANG = { GIT_AUTHOR_NAME: "王强", GIT_AUTHOR_EMAIL: "wang@example.com" };
const FILE = "documents/QP-020.yaml";

function edit(repo: string, from: string, to: string): void {
  const file = join(repo, FILE);
  writeFileSync(file, readFileSync(file, "utf8").replace(from, to));
}

describe("csr history over merges", () => {
  it("lists each change once with its author, and the merge that brought it in with who merged it", async () => {
    const repo = gitInit(minimalRepo({ [FILE]: DRAFT }));
    expect((await csrInProcess(["-C", repo, "release", "QP-020", "--summary", "首次发布", ...SIGNERS, "--date", "2024-01-10"])).code).toBe(0);
    // A typo fixed on a branch forked at A/0, merged after A/1: its version before is A/0's, not A/1's (no rewritten revision record).
    git(repo, ["switch", "-q", "-c", "typo"]);
    edit(repo, "适用于全部顾客。", "适用于全部顾客和项目。");
    git(repo, ["commit", "-qam", "改了范围"], LI);
    git(repo, ["switch", "-q", "-c", "rev-a1", "main"]);
    edit(repo, "规定评审方法。", "规定评审方法和期限。");
    git(repo, ["commit", "-qam", "改了目的"], LI);
    expect((await csrInProcess(["-C", repo, "release", "QP-020", "--summary", "增加期限", ...SIGNERS, "--date", "2024-02-01"])).code).toBe(0);
    git(repo, ["switch", "-q", "main"]);
    writeFileSync(join(repo, "README.txt"), "其他\n");
    git(repo, ["add", "README.txt"]);
    git(repo, ["commit", "-qm", "其他文件"]);
    git(repo, ["merge", "-q", "--no-ff", "rev-a1", "-m", "Merge pull request #1 from rev-a1"], WANG);
    git(repo, ["merge", "-q", "--no-ff", "typo", "-m", "Merge pull request #2 from typo"], WANG);
    const hash = (rev: string) => git(repo, ["rev-parse", "--short", rev]).trim();
    const [init, a0, typo, purpose, a1, pr1, pr2] = ["main~4", "main~3", "typo", "rev-a1^", "rev-a1", "main^", "main"].map(hash);

    const result = csr(["-C", repo, "history", "QP-020", "--format", "json"]);
    expect(result.code).toBe(0);
    const history = JSON.parse(result.stdout) as { revisions: { version: string; commit: string; merged?: string }[]; commits: Record<string, unknown>[] };
    expect(history.revisions.map((r) => [r.version, r.commit, r.merged])).toEqual([
      ["A/0", a0, undefined],
      ["A/1", a1, pr1],
    ]);
    expect(history.commits.map((c) => [c.commit, c.author, c.message, c.version, c.newRevisions, c.unrevised, c.historyRewritten, c.mergedIn, c.merged])).toEqual([
      [init, "Test User", "initial", "", [], false, false, undefined, undefined],
      [a0, "Test User", "release QP-020 A/0: 首次发布", "A/0", ["A/0"], false, false, undefined, undefined],
      [purpose, "李娜", "改了目的", "A/0", [], true, false, pr1, undefined],
      [a1, "Test User", "release QP-020 A/1: 增加期限", "A/1", ["A/1"], false, false, pr1, undefined],
      [pr1, "王强", "Merge pull request #1 from rev-a1", "A/1", [], false, false, undefined, [purpose, a1]],
      [typo, "李娜", "改了范围", "A/0", [], true, false, pr2, undefined],
      [pr2, "王强", "Merge pull request #2 from typo", "A/1", [], false, false, undefined, [typo]],
    ]);

    const text = (await csrInProcess(["-C", repo, "history", "QP-020"])).stdout.split("\n");
    expect(text.find((l) => l.startsWith("A/1 "))).toMatch(new RegExp(` ${a1} \\(merged in ${pr1}\\)$`));
    expect(text.find((l) => l.includes(`${pr1}  Merge pull request #1`))).toMatch(new RegExp(`^\\d{4}-\\d\\d-\\d\\d  王强 <wang@example.com> +${pr1}  Merge pull request #1 from rev-a1 +A/1 +merge that brought in ${purpose}, ${a1}$`));
    expect(text.find((l) => l.includes("改了范围"))).toMatch(new RegExp(`改了范围 +A/0 +! changed without a new revision; merged in ${pr2}$`));
    // Each change once.
    for (const commit of [purpose, a1, typo]) expect(text.filter((l) => l.includes(`  ${commit}  `))).toHaveLength(1);
  }, 60_000);
});
