/**
 * The documents to review for a new edition (换版评审清单, csr list edition-review) and the record that
 * a document was reviewed for it (csr periodic-review --for-edition), on the fictitious second edition
 * of IATF 16949 (test/fixtures/editions/IATF16949E2.yaml: 8.3.3.3 renumbered 8.3.3.4, 8.5.1.1 split,
 * 4.4.1.2 removed, 8.5.4 unchanged) (tester58 F9).
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { csrInProcess, FIXTURES, git, gitInit, makeRepo } from "../helpers.js";
import { read, validRepo } from "./fixture.js";

describe("reviewing the documents for a new edition (tester58 F9)", () => {
  let dir: string;

  beforeAll(() => {
    dir = validRepo();
    makeRepo(
      {
        "standards/IATF16949E2.yaml": readFileSync(join(FIXTURES, "editions", "IATF16949E2.yaml")),
        "documents/QP-020.yaml": read(dir, "documents/QP-020.yaml").replace("status: released\n", "status: released\nclauses: [IATF16949:8.3.3.3, IATF16949:4.4.1.2, IATF16949:8.5.4]\n"),
      },
      dir,
    );
    gitInit(dir);
  });

  const list = async () => csrInProcess(["-C", dir, "list", "edition-review", "--format", "md", "--today", "2026-11-27"], { lang: null });
  const row = (status: string) => `| 1 | QP-020 | 特殊特性管理程序 | A/1 | 品质部 | 4.4.1.2 新版已删除；8.3.3.3 → 8.3.3.4 | ${status} |`;
  const notes = (reviewed: number) => [
    "列出引用了 IATF 16949:2016 中改号、拆分或删除的条款（或新版中与之对应的条款）的已发布文件；条款号和名称不变的条款无需换版评审。  ",
    `已完成换版评审：${reviewed}/1 份文件。  `,
    "另有 0 个过程（processes.yaml）、7 条顾客特定要求引用了这些条款，不在本清单中评审。  ",
  ];
  const HINT = "评审一份文件后用 csr periodic-review <文件编号> --for-edition IATF16949E2 --by <评审人> 登记。\n";
  // The command is for the one who runs csr: on stderr, not among the register's notes that print and go to the site.
  const OTHERS = "尚引用 IATF 16949:2016 的过程和顾客特定要求，csr standard migrate IATF16949 IATF16949E2 --dry-run 逐条列出。\n";

  it("lists the released documents citing a renumbered, split or removed clause, with their department, before and after the migration", async () => {
    // QP-020's 8.5.4 keeps its number and title: no review needed for it.
    const table = [
      "## IATF 16949 第二版（虚构示例）换版评审清单（1 份文件）",
      "",
      "东岳测试零部件有限公司 ｜ 截至 2026-11-27",
      "",
      "| 序号 | 文件编号 | 文件名称 | 版本/版次 | 归口部门 | 涉及条款（旧版 → 新版） | 换版评审 | 评审日期 | 评审人 | 评审结论 | 评审意见 |",
      "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
      `${row("未评审")}  |  |  |  |`,
      "",
      ...notes(0),
      "",
    ].join("\n");
    expect(await list()).toEqual({ code: 0, stdout: table, stderr: HINT + OTHERS });
    // After the migration QP-020 cites IATF16949E2:8.3.3.4: the same document to review, read through the correspondence.
    expect((await csrInProcess(["-C", dir, "standard", "migrate", "IATF16949", "IATF16949E2", "--commit"])).code).toBe(0);
    expect(read(dir, "documents/QP-020.yaml")).toContain("clauses: [IATF16949E2:8.3.3.4, IATF16949:4.4.1.2, IATF16949E2:8.5.4]");
    expect(await list()).toEqual({ code: 0, stdout: table, stderr: HINT + OTHERS });
  });

  it("records a periodic review that was the review for the edition, and shows it in the register, the periodic review record and csr show", async () => {
    const result = await csrInProcess(["-C", dir, "periodic-review", "QP-020", "--for-edition", "IATF16949E2", "--by", "zhang", "--date", "2026-11-26", "--comment", "5.2 改引 8.3.3.4", "--commit"], { lang: null });
    expect([result.code, result.stdout.split("\n")[0], result.stderr]).toEqual([0, "QP-020：已登记定期评审，同时为 IATF 16949 第二版（虚构示例）换版评审，张伟（zhang），2026-11-26；文件不升版。", ""]);
    expect(read(dir, "documents/QP-020.yaml")).toContain("  - by: zhang\n    date: 2026-11-26\n    comment: 5.2 改引 8.3.3.4\n    edition: IATF16949E2\n");
    expect(git(dir, ["log", "-1", "--format=%s"]).trim()).toBe("csr periodic-review QP-020：仍然适用，张伟（zhang）于 2026-11-26 评审（IATF 16949 第二版（虚构示例）换版评审）");
    const after = await list();
    expect([after.stdout.split("\n")[6], after.stdout.split("\n").slice(8, 11), after.stderr]).toEqual([`${row("已评审")} 2026-11-26 | 张伟 | 继续有效 | 5.2 改引 8.3.3.4 |`, notes(1), OTHERS]);
    const periodic = await csrInProcess(["-C", dir, "list", "periodic-reviews", "--format", "csv", "--today", "2026-11-27"], { lang: null });
    expect(periodic.stdout.split("\r\n")[1]).toContain(",继续有效（IATF 16949 第二版（虚构示例）换版评审）,5.2 改引 8.3.3.4");
    const show = await csrInProcess(["-C", dir, "show", "QP-020", "--today", "2026-11-27"], { lang: null });
    expect(show.stdout.split("\n").filter((l) => l.includes("换版评审"))).toEqual(["  换版评审        IATF 16949 第二版（虚构示例）：2026-11-26 张伟 继续有效"]);
  });

  it("refuses the same review recorded again, by the same person on the same day (breaker59 H4)", async () => {
    const again = await csrInProcess(["-C", dir, "periodic-review", "QP-020", "--for-edition", "IATF16949E2", "--by", "zhang", "--date", "2026-11-26", "--commit"], { lang: null });
    expect(again).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: QP-020 已有 张伟（zhang）2026-11-26 的定期评审记录，不再重复登记。\n提示：要更正那条记录，请编辑 documents/QP-020.yaml 中 reviews 下的该条并提交；另一次评审请用它自己的日期登记。\n",
    });
    expect(read(dir, "documents/QP-020.yaml").match(/date: 2026-11-26/g)).toHaveLength(1);
  });

  it("says when the document reviewed for the edition is not on its register, and records the review (breaker59 H5)", async () => {
    const plain = validRepo();
    makeRepo({ "standards/IATF16949E2.yaml": readFileSync(join(FIXTURES, "editions", "IATF16949E2.yaml")) }, plain);
    gitInit(plain);
    const result = await csrInProcess(["-C", plain, "periodic-review", "QP-020", "--for-edition", "IATF16949E2", "--by", "zhang", "--date", "2026-11-26"], { lang: null });
    expect([result.code, result.stdout.split("\n").slice(0, 2), result.stderr]).toEqual([
      0,
      [
        "QP-020：已登记定期评审，同时为 IATF 16949 第二版（虚构示例）换版评审，张伟（zhang），2026-11-26；文件不升版。",
        "注意：QP-020 没有引用 IATF 16949 第二版（虚构示例）改号、拆分或删除的条款，不在换版评审清单（csr list edition-review）中；本次评审照常作为定期评审登记，并注明换版评审。",
      ],
      "",
    ]);
    expect(read(plain, "documents/QP-020.yaml")).toContain("edition: IATF16949E2");
  });

  it("reports with csr check a review record, edited or merged by hand, that names no new edition's catalog", async () => {
    const edited = validRepo();
    const file = join(edited, "documents/QP-020.yaml");
    makeRepo({ "standards/IATF16949E2.yaml": readFileSync(join(FIXTURES, "editions", "IATF16949E2.yaml")) }, edited);
    writeFileSync(file, `${read(edited, "documents/QP-020.yaml")}reviews:\n  - {by: zhang, date: 2026-11-26, edition: IATF16949E3}\n`);
    const line = read(edited, "documents/QP-020.yaml").split("\n").length - 1;
    const findings = async () => (await csrInProcess(["-C", edited, "check", "--today", "2026-11-27"], { lang: null })).stdout.split("\n").filter((l) => l.includes(" error doc/review-edition-unknown "));
    expect(await findings()).toEqual([
      `documents/QP-020.yaml:${line}:44 error doc/review-edition-unknown QP-020 于 2026-11-26 的定期评审记为新版 'IATF16949E3' 的换版评审，但没有条款目录 'IATF16949E3'。是否应为 'IATF16949E2'？请改为该文件所评审的新版目录（IATF16949E2）；如只是普通定期评审，删除 edition。`,
    ]);
    // Without the new edition's catalog, the record names nothing the repository has.
    rmSync(join(edited, "standards/IATF16949E2.yaml"));
    expect(await findings()).toEqual([
      `documents/QP-020.yaml:${line}:44 error doc/review-edition-unknown QP-020 于 2026-11-26 的定期评审记为新版 'IATF16949E3' 的换版评审，但没有条款目录 'IATF16949E3'。本仓库没有新版标准的条款目录（standards/<ID>.yaml，带 supersedes）：请删除 edition，或加入所评审新版的条款目录。`,
    ]);
  });

  it("keeps a document found to need revising or withdrawing open until its new revision is released, and does not count it as done (breaker59 H3)", async () => {
    const review = async (result: string) =>
      (await csrInProcess(["-C", dir, "periodic-review", "QP-020", "--for-edition", "IATF16949E2", "--by", "zhang", "--date", "2026-11-27", "--result", result, "--comment", "按新版修订", "--commit"], { lang: null })).code;
    const pendingNotes = (open: string) => [notes(0)[0], notes(0)[1], open, notes(0)[2]];
    const OPEN = "另有 1 份文件评审结论为需修订或拟作废，尚未发布新版或作废，不计为已完成。  ";
    expect(await review("revise")).toBe(0);
    const revise = await list();
    expect([revise.stdout.split("\n")[6], revise.stdout.split("\n").slice(8, 12), revise.stderr]).toEqual([`${row("需修订，待发布新版")} 2026-11-27 | 张伟 | 需修订 | 按新版修订 |`, pendingNotes(OPEN), OTHERS]);
    // A revision issued on the review's day answers it: the document is ready for the edition.
    const file = join(dir, "documents/QP-020.yaml");
    writeFileSync(file, read(dir, "documents/QP-020.yaml").replace("sections:\n  - title: 目的", "  - version: A/2\n    date: 2026-11-27\n    summary: 按 IATF 16949 第二版修订\n    prepared: {by: li, date: 2026-11-27}\n    reviewed: {by: wang, date: 2026-11-27}\n    approved: {by: zhang, date: 2026-11-27}\nsections:\n  - title: 目的"));
    const revised = await list();
    expect([revised.stdout.split("\n")[6], revised.stdout.split("\n").slice(8, 11), revised.stderr]).toEqual([
      `${row("已评审，已发布新版").replace("A/1", "A/2")} 2026-11-27 | 张伟 | 需修订 | 按新版修订 |`,
      notes(1),
      OTHERS,
    ]);
    // The same reviewer's review of the same day is recorded once (H4): the revise review is reverted before the withdrawal is tried.
    git(dir, ["checkout", "--", "documents/QP-020.yaml"]);
    git(dir, ["revert", "--no-edit", "HEAD"]);
    expect(await review("withdraw")).toBe(0);
    const withdraw = await list();
    expect([withdraw.stdout.split("\n")[6], withdraw.stdout.split("\n").slice(8, 12), withdraw.stderr]).toEqual([`${row("拟作废，待作废")} 2026-11-27 | 张伟 | 拟作废 | 按新版修订 |`, pendingNotes(OPEN), OTHERS]);
  });

  it("refuses an edition that is not a new edition's catalog, --standard for another list, and a repository without a new edition", async () => {
    expect(await csrInProcess(["-C", dir, "periodic-review", "QP-020", "--for-edition", "ISO9001", "--by", "zhang", "--date", "2026-11-26"], { lang: null })).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --for-edition ISO9001 不是新版标准的条款目录（standards/ 中带 supersedes 的目录）。\n提示：新版目录：IATF16949E2。\n",
    });
    expect((await csrInProcess(["-C", dir, "periodic-review", "QP-020", "--for-edition", "IATF16949E3", "--by", "zhang", "--date", "2026-11-26"], { lang: null })).stderr).toBe(
      "csr: --for-edition IATF16949E3 不是新版标准的条款目录（standards/ 中带 supersedes 的目录）。是否应为 'IATF16949E2'？\n提示：新版目录：IATF16949E2。\n",
    );
    expect(await csrInProcess(["-C", dir, "list", "periodic-reviews", "--standard", "IATF16949E2"], { lang: null })).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --standard 只用于 csr list edition-review，不用于 'csr list periodic-reviews'。\n",
    });
    expect(await csrInProcess(["-C", validRepo(), "list", "edition-review"], { lang: null })).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: 仓库中没有新版标准的条款目录：请在 standards/<ID>.yaml 中加入新版目录，并用 supersedes 指明它替代的版本。\n",
    });
    // Named, with no new edition at all: how to add one, as without --standard, not "新版目录：无" (breaker59 H10).
    expect(await csrInProcess(["-C", validRepo(), "list", "edition-review", "--standard", "IATF16949"], { lang: null })).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: IATF16949 不是新版标准的条款目录。\n提示：仓库中没有新版标准的条款目录：请在 standards/<ID>.yaml 中加入新版目录，并用 supersedes 指明它替代的版本。\n",
    });
    expect(await csrInProcess(["-C", dir, "list", "edition-review", "--standard", "IATF16949"], { lang: null })).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: IATF16949 不是新版标准的条款目录；新版目录：IATF16949E2。\n",
    });
  });

  it("prints how to record a review only on csr list, not on csr export, whose workbook has the list as a sheet (breaker59 H10)", async () => {
    const fresh = validRepo();
    makeRepo({ "standards/IATF16949E2.yaml": readFileSync(join(FIXTURES, "editions", "IATF16949E2.yaml")), "documents/QP-020.yaml": read(fresh, "documents/QP-020.yaml").replace("status: released\n", "status: released\nclauses: [IATF16949:8.3.3.3]\n") }, fresh);
    gitInit(fresh);
    expect((await csrInProcess(["-C", fresh, "standard", "migrate", "IATF16949", "IATF16949E2", "--commit"])).code).toBe(0);
    expect((await csrInProcess(["-C", fresh, "list", "edition-review", "--today", "2026-11-27"], { lang: null })).stderr).toBe(HINT + OTHERS);
    const out = join(fresh, "out", "registers.xlsx");
    const exported = await csrInProcess(["-C", fresh, "export", "--out", out, "--today", "2026-11-27"], { lang: null });
    expect(exported.code).toBe(0);
    // The other registers' hints are about what the workbook leaves out; none says how to record a review.
    // In the order of the sheets (179ef57b): the clause matrices (context) first, then the document lists (support), the symbol table (operation).
    expect(exported.stderr.split("\n").slice(1)).toEqual([
      "引用 IATF 16949:2016 条款的文件请改引 IATF 16949 第二版（虚构示例）的条款：csr standard migrate IATF16949 IATF16949E2。",
      "用 'csr list documents --status draft' 或 '--status all' 列出尚未发布的文件。",
      "用 'csr source update <来源文件编号> --department <部门>' 登记保管部门，例如 'csr source update DYA-SQM --department QA'；或用 'csr distribute' 登记发放的受控副本。",
      "顾客规定了符号时，用 'csr symbol add' 登记其与本公司符号的对照（写入 symbols.yaml）。",
      "",
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.map((w) => w.name)).toContain("换版评审清单");
  });
});
