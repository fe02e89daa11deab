/**
 * One review meeting, many documents (tester71 Q6): `csr periodic-review` takes several documents, or those due by a
 * day (--due-by, --department), with one --by/--date/--result, written in one commit; a document refused for its own
 * reason is named with that reason, and then nothing is written.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { copyFixture, csr, git, gitInit } from "../helpers.js";

describe("csr periodic-review with several documents", () => {
  it("records one conclusion on each document given, in one commit", () => {
    const dir = gitInit(copyFixture("examples/acme-auto"));
    const done = csr(["-C", dir, "periodic-review", "QR-001-02", "QP-009", "--by", "徐海涛", "--date", "2026-12-01", "--result", "需修订", "--comment", "条款更新", "-y", "--commit"], { lang: null });
    expect([done.code, done.stderr]).toEqual([0, ""]);
    expect(done.stdout.split("\n").slice(0, 5)).toEqual([
      "已登记 2 份文件的定期评审：需修订，徐海涛（xuht），2026-12-01；文件不升版。",
      "  QR-001-02：已登记定期评审，徐海涛（xuht），2026-12-01；文件不升版。",
      "  结论：需修订。请修订 QR-001-02 并用 'csr release QR-001-02' 发布新版本；本次评审不重新计算定期评审期限。",
      "  QP-009：已登记定期评审，徐海涛（xuht），2026-12-01；文件不升版。",
      "  结论：需修订。请修订 QP-009 并用 'csr release QP-009' 发布新版本；本次评审不重新计算定期评审期限。",
    ]);
    expect(git(dir, ["log", "-1", "--format=%s"]).trim()).toBe("csr periodic-review QR-001-02、QP-009（2 份）：需修订，徐海涛（xuht）于 2026-12-01 评审");
    expect(git(dir, ["show", "--name-only", "--format=", "HEAD"]).trim().split("\n").sort()).toEqual(["documents/forms/QR-001-02.yaml", "documents/procedures/QP-009.yaml"]);
    expect(readFileSync(join(dir, "documents/procedures/QP-009.yaml"), "utf8")).toContain("  - by: xuht\n    date: 2026-12-01\n    result: revise\n    comment: 条款更新\n");
  });

  it("selects the released documents due by a day, of one department, and says when there is none", () => {
    const dir = gitInit(copyFixture("examples/acme-auto"));
    const done = csr(["-C", dir, "periodic-review", "--due-by", "2027-03-31", "--department", "QA", "--by", "徐海涛", "--date", "2026-12-06", "-y", "--commit", "--lang", "en"]);
    expect([done.code, done.stderr]).toEqual([0, ""]);
    const first = done.stdout.split("\n")[0]!;
    expect(first).toBe("Recorded the periodic review of 9 documents: suitable, Xu Haitao (xuht), 2026-12-06; no new revision.");
    const files = git(dir, ["show", "--name-only", "--format=", "HEAD"]).trim().split("\n");
    expect(files.length).toBe(9);
    for (const file of files) expect(readFileSync(join(dir, file), "utf8")).toMatch(/^department: QA$/m);
    const again = csr(["-C", dir, "periodic-review", "--due-by", "2027-03-31", "--department", "QA", "--by", "徐海涛", "-y"], { lang: null });
    expect([again.code, again.stderr]).toEqual([2, "csr: 部门 QA 没有在 2027-03-31 或之前到期定期评审的已发布文件，未作改动。\n"]);
  });

  it("names each document refused with its reason and writes nothing", () => {
    const dir = gitInit(copyFixture("examples/acme-auto"));
    expect(csr(["-C", dir, "periodic-review", "QP-009", "--by", "徐海涛", "--date", "2026-12-01", "-y", "--commit"], { lang: null }).code).toBe(0);
    const head = git(dir, ["rev-parse", "HEAD"]);
    const refused = csr(["-C", dir, "periodic-review", "QR-001-02", "QP-009", "QP-999", "--by", "徐海涛", "--date", "2026-12-01", "-y", "--commit"], { lang: null });
    expect([refused.code, refused.stdout]).toEqual([2, ""]);
    expect(refused.stderr.split("\n")).toEqual([
      "csr: 3 份文件中有 2 份不能登记，全部未作改动：",
      "  QP-009 已有 徐海涛（xuht）2026-12-01 的定期评审记录，不再重复登记。",
      "  仓库中没有文件 'QP-999'。是否应为 'QP-009'？",
      "提示：更正或从命令中去掉这些文件后重新运行，本次评审的其余文件随之一次登记。",
      "",
    ]);
    expect(git(dir, ["rev-parse", "HEAD"])).toBe(head);
    expect(git(dir, ["status", "--porcelain"])).toBe("");
  });

  it("asks for documents or a selection, and keeps --department for a selection", () => {
    const dir = copyFixture("examples/acme-auto");
    const none = csr(["-C", dir, "periodic-review", "--by", "徐海涛", "-y"], { lang: null });
    expect([none.code, none.stderr]).toEqual([2, "csr: 未给出要登记定期评审的文件。\n提示：写出文件编号（可写多份），或用 --due-by <日期> [--department <部门代码>] 选出到期的文件。\n"]);
    const alone = csr(["-C", dir, "periodic-review", "QP-009", "--department", "QA", "--by", "徐海涛", "-y"], { lang: null });
    expect([alone.code, alone.stderr]).toEqual([2, "csr: --department 与 --due-by 同用，选出该部门到期的文件；单份文件请直接写出其编号。\n"]);
  });
});

describe("registers.forms periodic-reviews (tester71 Q3)", () => {
  it("is accepted by csr organisation update, and the periodic review record prints the form number", () => {
    const dir = copyFixture("examples/acme-auto");
    const set = csr(["-C", dir, "organisation", "update", "--register-form", "periodic-reviews=QR-001-02", "-y"], { lang: null });
    expect([set.code, set.stderr, set.stdout.split("\n")[0]]).toEqual([0, "", "已更新组织信息：登记表 periodic-reviews 的表单编号：（无）→ QR-001-02。"]);
    const listed = csr(["-C", dir, "list", "periodic-reviews", "--format", "md", "--today", "2026-12-06"], { lang: null });
    expect(listed.stdout.split("\n")[2]).toContain("表单编号：QR-001-02 A/0");
  });
});
