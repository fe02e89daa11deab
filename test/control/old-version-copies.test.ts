/**
 * Paper copies handed out before csr (tester20 F11): once the next version is released, the copies of
 * the one it supersedes are recorded with `csr distribute --old-version`, inside that version's
 * validity, and then recalled as any other; the release of a version superseding an imported one
 * without such a record says so.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { csrInProcess, git, gitInit, minimalRepo } from "../helpers.js";

/** QP-001 as its Word original imported it: A/0, released before csr, with its body. */
function imported(): string {
  return gitInit(
    minimalRepo({
      "documents/QP-001.yaml": [
        "id: QP-001",
        "title: 仓储管理程序",
        "level: 2",
        "kind: procedure",
        "department: QA",
        "status: released",
        "revisions:",
        "  - version: A/0",
        "    date: 2024-03-01",
        "    imported: true",
        "    prepared: {by: zhang}",
        "    reviewed: {by: li}",
        "    approved: {by: wang}",
        "sections:",
        "  - title: 目的",
        "    text: 规范物料的储存和交付。",
        "",
      ].join("\n"),
    }),
  );
}

describe("copies of an earlier version handed out before csr (tester20 F11)", () => {
  it("are recorded with --old-version within that version's validity, and recalled", async () => {
    const repo = imported();
    // The revision to release: the text of A/1.
    const path = join(repo, "documents", "QP-001.yaml");
    writeFileSync(path, readFileSync(path, "utf8").replace("规范物料的储存和交付。", "规范物料的储存和交付；华宇产品加贴二维码标签。"));
    git(repo, ["commit", "-q", "-am", "A/1 的修订稿"]);
    const release = await csrInProcess(["-C", repo, "release", "QP-001", "--summary", "增加二维码标签要求", "--prepared", "zhang", "--reviewed", "li", "--approved", "wang", "--date", "2026-03-02", "-y"], { lang: "zh-CN" });
    expect(release.stderr).toBe("");
    expect(release.code).toBe(0);
    expect(release.stdout.split("\n").slice(1, 2)).toEqual([
      "注意：QP-001 A/0 是导入前发布的版本，没有其受控副本的发放记录。如有纸质副本在外，请登记其发放（csr distribute QP-001 --old-version A/0 --date <发放日期> --to <部门>），再用 'csr recall QP-001' 登记回收。",
    ]);

    // Without --old-version a copy dated before the current version is refused, as before.
    expect((await csrInProcess(["-C", repo, "distribute", "QP-001", "--to", "QA", "--date", "2024-03-05", "-y"])).stderr).toBe(
      "csr: --date 2024-03-05 is before revision A/1 of QP-001 (2026-03-02), which it must follow.\n",
    );
    expect(await csrInProcess(["-C", repo, "distribute", "QP-001", "--old-version", "A/3", "--to", "QA", "--date", "2024-03-05", "-y"])).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "csr: The revision record of QP-001 has no version A/3 (it has A/0, A/1).\nhint: Copies handed out before csr are recorded as a version of the revision record; where the record lacks it, import the document's Word original first, which completes the record.\n",
    });
    expect((await csrInProcess(["-C", repo, "distribute", "QP-001", "--old-version", "A/0", "--to", "QA", "--date", "2026-03-02", "-y"])).stderr).toBe(
      "csr: --date 2026-03-02: QP-001 A/0 was superseded by A/1 from 2026-03-02, and no copy of it was handed out after that.\nhint: Check the date and the version against the paper distribution record.\n",
    );
    expect((await csrInProcess(["-C", repo, "distribute", "QP-001", "--old-version", "A/0", "--to", "QA", "--date", "2024-02-05", "-y"])).stderr).toBe(
      "csr: --date 2024-02-05 is before revision A/0 of QP-001 (2024-03-01), which it must follow.\n",
    );
    expect((await csrInProcess(["-C", repo, "distribute", "QP-001", "--old-version", "A/1", "--to", "QA", "-y"])).stderr).toBe(
      "csr: A/1 is the current version of QP-001: leave out --old-version to hand out its copies.\n",
    );

    const handed = await csrInProcess(["-C", repo, "distribute", "QP-001", "--old-version", "A/0", "--to", "QA", "--holder", "zhang", "--issued-by", "zhang", "--date", "2024-03-05", "-y"]);
    expect(handed).toEqual({
      code: 0,
      stderr: "",
      stdout: [
        "QP-001 A/0: 1 controlled copy handed out on 2024-03-05:",
        "  copy 1  品质部, holder 张伟 (zhang)",
        "Issued by 张伟 (zhang).",
        // Due back at once: A/1 is in force.
        "Still to recall: 1 (A/0, 品质部); record their return with 'csr recall QP-001'.",
        "Wrote documents/QP-001.yaml; not committed (git commit it, or run with --commit).",
        "",
      ].join("\n"),
    });
    expect(readFileSync(join(repo, "documents", "QP-001.yaml"), "utf8")).toContain("distribution:\n  - {copy: 1, version: A/0, to: QA, holder: zhang, issued_by: zhang, date: 2024-03-05}\n");
    const recall = await csrInProcess(["-C", repo, "recall", "QP-001", "--copy", "1", "--by", "zhang", "--received-by", "zhang", "--date", "2026-03-03", "-y"]);
    expect(recall.code).toBe(0);
    expect(readFileSync(join(repo, "documents", "QP-001.yaml"), "utf8")).toContain("date: 2024-03-05, recalled: 2026-03-03");
  });
});
