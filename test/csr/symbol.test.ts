/**
 * `csr symbol add` and `csr symbol approve`: the special-characteristic symbol conversion table
 * (symbols.yaml, IATF 16949 8.2.3.1.2 / 8.3.3.3) and the customer's approval of it (auditor16 F17)
 * by command, on a real temporary git repository.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { csrInProcess, git, makeRepo } from "../helpers.js";
import { read, tree, validRepo } from "./fixture.js";

const run = (dir: string, ...args: string[]) => csrInProcess(["-C", dir, "symbol", "add", ...args], { lang: null });
const approve = (dir: string, ...args: string[]) => csrInProcess(["-C", dir, "symbol", "approve", ...args], { lang: null });

describe("csr symbol add", () => {
  it("starts symbols.yaml, puts a customer's next symbol after its others, and notes one of our symbols given two classes", async () => {
    const dir = validRepo({ git: true });
    expect(await run(dir, "--customer", "dya", "--customer-symbol", "▽", "--customer-class", "CC", "--meaning", "关键特性", "--symbol", "★", "--class", "关键", "--commit")).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^已在 symbols\.yaml 中新增：DYA 的 ▽（CC）对应本公司 ★（关键）。\n已提交 [0-9a-f]{7}：csr symbol add：DYA ▽ → ★\n$/),
      stderr: "",
    });
    expect(git(dir, ["show", "--name-only", "--format=%s", "HEAD"]).trim().split("\n")).toEqual(["csr symbol add：DYA ▽ → ★", "", "symbols.yaml"]);
    expect(await run(dir, "--customer", "DYA", "--customer-symbol", "◇", "--customer-class", "SC", "--symbol", "★", "--class", "重要", "-y")).toEqual({
      code: 0,
      stdout: "已在 symbols.yaml 中新增：DYA 的 ◇（SC）对应本公司 ★（重要）。\n注意：本公司符号 ★ 在对照表中也代表 关键（DYA 的 ▽），这里代表 重要；同一符号两种含义，图纸和控制计划上会混淆。\n",
      stderr: "",
    });
    expect(read(dir, "symbols.yaml")).toBe(
      [
        "symbols:",
        "  - customer: DYA",
        "    customer_symbol: ▽",
        "    customer_class: CC",
        "    meaning: 关键特性",
        "    symbol: ★",
        "    class: 关键",
        "  - customer: DYA",
        "    customer_symbol: ◇",
        "    customer_class: SC",
        "    symbol: ★",
        "    class: 重要",
        "",
      ].join("\n"),
    );
  });

  it("refuses a symbol of the customer converted already, an unknown customer and a missing value, writing nothing", async () => {
    const dir = validRepo({ git: true });
    await run(dir, "--customer", "DYA", "--customer-symbol", "▽", "--customer-class", "CC", "--symbol", "★", "--class", "关键", "-y");
    const files = tree(dir).map((f) => [f, read(dir, f)]);
    expect(await run(dir, "--customer", "DYA", "--customer-symbol", "▽", "--customer-class", "CC", "--symbol", "☆", "--class", "重要", "-y")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: 对照表中 DYA 的 ▽ 已对应 ★（关键）；一个顾客符号只能对应一个本公司符号。\n提示：要改对应关系，请修改 symbols.yaml 中的那一行；'csr list symbols' 列出对照表。\n",
    });
    expect(await run(dir, "--customer", "DYB", "--customer-symbol", "S", "-y")).toEqual({ code: 2, stdout: "", stderr: "csr: 没有顾客 'DYB'；已有的顾客：DYA。是否应为 'DYA'？\n" });
    expect(await run(dir, "--customer", "DYA", "--customer-symbol", "S", "--customer-class", "安全", "--symbol", "◆", "-y")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: 缺少 --class（或在终端中运行，由 csr 询问本公司的分类）。\n",
    });
    expect(tree(dir).map((f) => [f, read(dir, f)])).toEqual(files);
  });

  it("records a customer's approval on each of its rows, prints it in the table, names the rows without one, and replaces an earlier approval with --amend only", async () => {
    const dir = validRepo({ git: true });
    await run(dir, "--customer", "DYA", "--customer-symbol", "▽", "--customer-class", "CC", "--symbol", "★", "--class", "关键", "-y");
    await run(dir, "--customer", "DYA", "--customer-symbol", "◇", "--customer-class", "SC", "--symbol", "☆", "--class", "重要", "-y");
    git(dir, ["add", "symbols.yaml"]);
    git(dir, ["commit", "-qm", "symbols"]);
    const list = async () => (await csrInProcess(["-C", dir, "list", "symbols"], { lang: null })).stdout;
    expect(await list()).toContain("\n未登记顾客认可：东岳越野车有限公司 2 行。\n");
    // The command that records it is for the one who runs the command, not the table's reader (tester23 F12).
    expect((await csrInProcess(["-C", dir, "list", "symbols"], { lang: null })).stderr).toBe("顾客要求认可对照表时，取得认可后用 'csr symbol approve DYA --by <认可人> --date <日期> --evidence <依据>' 登记。\n");
    expect(await approve(dir, "DYA", "--by", "刘涛（东岳SQE）", "--date", "2025-03-05", "--evidence", "邮件", "-y", "--commit")).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^已登记 DYA 对符号对照表 2 行的认可：刘涛（东岳SQE） 2025-03-05（邮件）。\n已提交 [0-9a-f]{7}：csr symbol approve DYA：刘涛（东岳SQE） 2025-03-05（邮件）\n$/),
      stderr: "",
    });
    expect(read(dir, "symbols.yaml")).toContain("    class: 关键\n    approved:\n      by: 刘涛（东岳SQE）\n      date: 2025-03-05\n      evidence: 邮件\n  - customer: DYA\n");
    const table = await list();
    expect(table).toMatch(/\n1 +东岳越野车有限公司 +▽ +CC +★ +关键 +刘涛（东岳SQE） 2025-03-05（邮件）\n2 +东岳越野车有限公司 +◇ +SC +☆ +重要 +刘涛（东岳SQE） 2025-03-05（邮件）\n/);
    expect(table).not.toContain("未登记顾客认可");
    // Our class in English where symbols.yaml gives it (tester19 F7), as written where it does not.
    makeRepo({ "symbols.yaml": read(dir, "symbols.yaml").replace("    class: 关键\n", "    class: 关键\n    class_en: Critical\n") }, dir);
    expect((await csrInProcess(["-C", dir, "list", "symbols", "--format", "csv"])).stdout.split("\r\n").slice(1, 3).map((row) => row.split(",")[6])).toEqual(["Critical", "重要"]);
    // The same approval again changes nothing; another one replaces it, saying which.
    expect(await approve(dir, "DYA", "--by", "刘涛（东岳SQE）", "--date", "2025-03-05", "--evidence", "邮件", "-y")).toEqual({ code: 0, stdout: "DYA 的 2 行已是这一认可，未作更改。\n", stderr: "" });
    expect(await approve(dir, "DYA", "--by", "王磊（东岳SQE）", "--date", "2026-11-20", "-y")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: DYA 的行已登记认可：刘涛（东岳SQE） 2025-03-05（邮件）。\n提示：顾客重新认可时，加 --amend 替换：'csr symbol approve DYA --by … --date … --amend'。\n",
    });
    expect((await approve(dir, "DYA", "--by", "王磊（东岳SQE）", "--date", "2099-01-01", "--amend", "-y")).stderr).toMatch(/^csr: --date 2099-01-01 晚于今天（\d{4}-\d{2}-\d{2}）：已完成事项的记录不能填写将来的日期。\n$/);
    expect(await approve(dir, "DYA", "--by", "王磊（东岳SQE）", "--date", "2026-11-20", "--amend", "-y")).toEqual({
      code: 0,
      stdout: "已登记 DYA 对符号对照表 2 行的认可：王磊（东岳SQE） 2026-11-20。\n原认可（刘涛（东岳SQE） 2025-03-05（邮件））已被替换；git 保留原文件。\n",
      stderr: "",
    });
  });

  it("refuses an approval for an unknown customer, for a customer without rows, and without --by, writing nothing", async () => {
    const dir = validRepo({ git: true });
    const files = tree(dir).map((f) => [f, read(dir, f)]);
    expect(await approve(dir, "DYB", "--by", "x", "-y")).toEqual({ code: 2, stdout: "", stderr: "csr: 没有顾客 'DYB'；已有的顾客：DYA。是否应为 'DYA'？\n" });
    expect(await approve(dir, "DYA", "--by", "x", "-y")).toEqual({ code: 2, stdout: "", stderr: "csr: 符号对照表中没有 DYA 的行，无可认可。\n提示：先用 'csr symbol add --customer DYA ...' 登记其符号。\n" });
    expect(tree(dir).map((f) => [f, read(dir, f)])).toEqual(files);
    await run(dir, "--customer", "DYA", "--customer-symbol", "▽", "--customer-class", "CC", "--symbol", "★", "--class", "关键", "-y");
    const before = read(dir, "symbols.yaml");
    expect(await approve(dir, "DYA", "-y")).toEqual({ code: 2, stdout: "", stderr: "csr: 缺少 --by（或在终端中运行，由 csr 询问认可人）。\n" });
    expect(read(dir, "symbols.yaml")).toBe(before);
  });

  it("csr import reads the approval back from the table's 顾客认可 column, and refuses a row whose approval does not read as one", async () => {
    const dir = validRepo({ git: true });
    const table = join(dir, "对照表.csv");
    writeFileSync(table, "序号,顾客,顾客符号,顾客分类,含义,本公司符号,本公司分类,顾客认可\n1,DYA,▽,CC,关键特性,★,关键,刘涛 2025-03-05（邮件）\n2,DYA,◇,SC,重要特性,☆,重要,已认可\n");
    const imported = await csrInProcess(["-C", dir, "import", table, "--as", "symbols", "-y"], { lang: null });
    expect(imported.code).toBe(1);
    expect(imported.stdout).toContain("\n第 3 行：顾客认可“已认可”应写作“认可人 日期（依据）”，如“刘涛 2025-03-05（邮件）”（该行未导入）\n");
    expect(read(dir, "symbols.yaml")).toBe(["symbols:", "  - customer: DYA", "    customer_symbol: ▽", "    customer_class: CC", "    meaning: 关键特性", "    symbol: ★", "    class: 关键", "    approved:", "      by: 刘涛", "      date: 2025-03-05", "      evidence: 邮件", ""].join("\n"));
  });

  it("csr import into an existing table adds the customer symbols it lacks, says the rows it has, and refuses a row converting one otherwise (tester20 F23)", async () => {
    const dir = validRepo({ git: true });
    await run(dir, "--customer", "DYA", "--customer-symbol", "▽", "--customer-class", "CC", "--symbol", "★", "--class", "关键", "-y");
    await run(dir, "--customer", "DYA", "--customer-symbol", "△", "--customer-class", "SC", "--symbol", "▲", "--class", "重要", "-y");
    const table = join(dir, "对照表.csv");
    writeFileSync(table, "序号,顾客,顾客符号,顾客分类,本公司符号,本公司分类\n1,DYA,▽,CC,★,关键\n2,DYA,△,SC,◆,重要\n3,DYA,◇,HI,☆,一般\n");
    const before = read(dir, "symbols.yaml");
    const dry = await csrInProcess(["-C", dir, "import", table, "--as", "symbols", "--dry-run"], { lang: null });
    expect(dry.stdout).toContain("\n将在 symbols.yaml 中加入 1 行：DYA ◇ → ☆。\n");
    expect(read(dir, "symbols.yaml")).toBe(before);
    const imported = await csrInProcess(["-C", dir, "import", table, "--as", "symbols"], { lang: null });
    expect(imported.code).toBe(1);
    expect(imported.stdout.split("\n").filter((l) => l.startsWith("第 ") || l.startsWith("symbols.yaml") || l.startsWith("已导入"))).toEqual([
      "symbols.yaml：加入 1 行：DYA ◇ → ☆。",
      "第 2 行：DYA 的 ▽ 已在对照表中，对应关系相同，未重复写入",
      "第 3 行：对照表（symbols.yaml）中 DYA 的 △ 已对应 ▲（重要），本行写的是 ◆（重要）；一个顾客符号只能对应一个本公司符号。确认哪一个正确：本行有误请更正本行，对照表有误请修改 symbols.yaml 中的那一行（该行未导入）",
      "已导入 3 行中的 1 行；拒绝 1 行，与现有文件冲突 0 处。",
    ]);
    expect(read(dir, "symbols.yaml")).toBe(
      before + ["  - customer: DYA", "    customer_symbol: ◇", "    customer_class: HI", "    symbol: ☆", "    class: 一般", ""].join("\n"),
    );
  });
});
