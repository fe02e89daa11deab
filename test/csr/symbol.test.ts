/**
 * `csr symbol add` and `csr symbol approve`: the special-characteristic symbol conversion table
 * (symbols.yaml, IATF 16949 8.2.3.1.2 / 8.3.3.3) and the customer's approval of it (auditor16 F17)
 * by command, on a real temporary git repository.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { committedFixture, csrInProcess, git, makeRepo } from "../helpers.js";
import { read, tree, validRepo } from "./fixture.js";

const run = (dir: string, ...args: string[]) => csrInProcess(["-C", dir, "symbol", "add", ...args], { lang: null });
const approve = (dir: string, ...args: string[]) => csrInProcess(["-C", dir, "symbol", "approve", ...args], { lang: null });
const update = (dir: string, ...args: string[]) => csrInProcess(["-C", dir, "symbol", "update", ...args], { lang: null });
const retire = (dir: string, ...args: string[]) => csrInProcess(["-C", dir, "symbol", "retire", ...args], { lang: null });

/** DYA's ▽ → ★ and ◇ → ☆, approved by the customer on 2025-03-05 and committed. */
async function approvedTable(): Promise<string> {
  const dir = validRepo({ git: true });
  await run(dir, "--customer", "DYA", "--customer-symbol", "▽", "--customer-class", "CC", "--symbol", "★", "--class", "关键", "-y");
  await run(dir, "--customer", "DYA", "--customer-symbol", "◇", "--customer-class", "SC", "--meaning", "重要特性", "--symbol", "☆", "--class", "重要", "-y");
  git(dir, ["add", "symbols.yaml"]);
  git(dir, ["commit", "-qm", "symbols"]);
  await approve(dir, "DYA", "--by", "刘涛（东岳SQE）", "--date", "2025-03-05", "--evidence", "邮件", "--source", "DYA-SQM/B", "-y", "--commit");
  return dir;
}

/** The rows of `csr list symbols` (the lines starting with a number), columns split on runs of spaces. */
const rows = async (dir: string) =>
  (await csrInProcess(["-C", dir, "list", "symbols"], { lang: null })).stdout
    .split("\n")
    .filter((l) => /^\d+ /.test(l))
    .map((l) => l.split(/ {2,}/));

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
      stdout: "已在 symbols.yaml 中新增：DYA 的 ◇（SC）对应本公司 ★（重要）。\n注意：本公司符号 ★ 在对照表中也代表 关键（DYA 的 ▽），这里代表 重要；同一符号两种含义，图纸和控制计划上会混淆。\n已写入 symbols.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n",
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
      stderr: "csr: 对照表中 DYA 的 ▽ 已对应 ★（关键）；一个顾客符号只能对应一个本公司符号。\n提示：要改对应关系，用 'csr symbol update DYA ▽ --symbol … --class …'；顾客不再使用该符号时用 'csr symbol retire DYA ▽'。\n",
    });
    expect(await run(dir, "--customer", "DYB", "--customer-symbol", "S", "-y")).toEqual({ code: 2, stdout: "", stderr: "csr: --customer：未知顾客 'DYB'；顾客有：DYA 东岳越野车有限公司。是否应为 'DYA'？\n" });
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
    expect((await csrInProcess(["-C", dir, "list", "symbols"], { lang: null })).stderr).toBe(
      "顾客要求认可对照表时，取得认可后用 'csr symbol approve DYA --by <认可人> --date <日期> --evidence <依据>' 登记。\n对照表须作为受控记录时，发布其表单后用 'csr organisation update --register-form symbols=<表单编号>' 指定。\n",
    );
    expect(await approve(dir, "DYA", "--by", "刘涛（东岳SQE）", "--date", "2025-03-05", "--evidence", "邮件", "-y", "--commit")).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^已登记 DYA 对符号对照表 2 行（▽、◇）的认可：刘涛（东岳SQE） 2025-03-05（邮件）。\n已提交 [0-9a-f]{7}：csr symbol approve DYA：刘涛（东岳SQE） 2025-03-05（邮件）\n$/),
      stderr: "",
    });
    // The approval is of the row's values, written with it (tester58 F6).
    expect(read(dir, "symbols.yaml")).toContain(
      "    class: 关键\n    approved:\n      by: 刘涛（东岳SQE）\n      date: 2025-03-05\n      evidence: 邮件\n      conversion:\n        customer_symbol: ▽\n        customer_class: CC\n        symbol: ★\n        class: 关键\n  - customer: DYA\n",
    );
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
      stdout: "已登记 DYA 对符号对照表 2 行（▽、◇）的认可：王磊（东岳SQE） 2026-11-20。\n原认可（刘涛（东岳SQE） 2025-03-05（邮件））已被替换，保留在该行的认可历史（earlier_approvals）中。\n已写入 symbols.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n",
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
    expect(read(dir, "symbols.yaml")).toBe(["symbols:", "  - customer: DYA", "    customer_symbol: ▽", "    customer_class: CC", "    meaning: 关键特性", "    symbol: ★", "    class: 关键", "    approved:", "      by: 刘涛", "      date: 2025-03-05", "      evidence: 邮件", "      conversion:", "        customer_symbol: ▽", "        customer_class: CC", "        meaning: 关键特性", "        symbol: ★", "        class: 关键", ""].join("\n"));
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

describe("symbol/approval-missing in the words of the organisation's standards (tester79 G8)", () => {
  it("speaks of the characteristic classification table on drawings, process and inspection documents under GJB 9001C, not of control plans and PFMEAs", async () => {
    const dir = committedFixture("examples/gjb-demo");
    expect((await run(dir, "--customer", "NES", "--customer-symbol", "G", "--customer-class", "关键特性", "--symbol", "★", "--class", "关键", "-y")).code).toBe(0);
    const checked = await csrInProcess(["-C", dir, "check", "--today", "2026-12-04"], { lang: null });
    expect(checked.stdout).toContain(
      "symbols.yaml:17:22 warning symbol/approval-missing NES 的 G 行（G 关键特性 → ★ 关键）在用，但没有登记顾客认可：特性分类符号对照表经顾客认可后才能用于图样、工艺文件和检验文件。请将对照表提交顾客，认可后用 'csr symbol approve NES --rows G --by <认可人> --date <日期> --evidence <依据>' 登记。\n",
    );
  });
});

describe("csr symbol update, retire and approve by row (tester58 F5, F6, F12)", () => {
  it("changes a row, recording who, when and why, and moves the customer's approval of the old conversion into the row's history", async () => {
    const dir = await approvedTable();
    expect(await update(dir, "DYA", "◇", "--customer-class", "法规特性", "--meaning", "影响法规符合性的特性", "--symbol", "◆", "--class", "安全", "--by", "zhang", "--date", "2026-11-18", "--reason", "DYA-SQM C版", "-y", "--commit")).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(
        /^已修改 symbols\.yaml 中 DYA 的 ◇：◇ SC → ☆ 重要 改为 ◇ 法规特性 → ◆ 安全。\n原顾客认可（刘涛（东岳SQE） 2025-03-05（邮件））是对修改前的对应关系的，已移入该行的认可历史；取得顾客认可后用 'csr symbol approve DYA --rows ◇' 登记。\n已提交 [0-9a-f]{7}：csr symbol update：DYA ◇ 改为 ◇ 法规特性 → ◆ 安全\n$/,
      ),
      stderr: "",
    });
    expect(read(dir, "symbols.yaml").split("  - customer: DYA\n")[2]).toBe(
      [
        "    customer_symbol: ◇",
        "    customer_class: 法规特性",
        "    meaning: 影响法规符合性的特性",
        "    symbol: ◆",
        "    class: 安全",
        "    earlier_approvals:",
        "      - by: 刘涛（东岳SQE）",
        "        date: 2025-03-05",
        "        evidence: 邮件",
        "        source: DYA-SQM/B",
        "        conversion:",
        "          customer_symbol: ◇",
        "          customer_class: SC",
        "          meaning: 重要特性",
        "          symbol: ☆",
        "          class: 重要",
        "    changes:",
        "      - date: 2026-11-18",
        "        by: zhang",
        "        reason: DYA-SQM C版",
        "        was:",
        "          customer_class: SC",
        "          meaning: 重要特性",
        "          symbol: ☆",
        "          class: 重要",
        "",
      ].join("\n"),
    );
    expect((await rows(dir)).map((r) => r.slice(2))).toEqual([
      ["▽", "CC", "★", "关键", "刘涛（东岳SQE） 2025-03-05（邮件）", "认可依据 DYA-SQM/B"],
      ["◇", "法规特性", "影响法规符合性的特性", "◆", "安全", "2026-11-18 张伟 修改，原为 ◇ SC → ☆ 重要（DYA-SQM C版）；原认可 刘涛（东岳SQE） 2025-03-05（邮件）：◇ SC → ☆ 重要"],
    ]);
    expect((await csrInProcess(["-C", dir, "list", "symbols"], { lang: null })).stdout).toContain("\n未登记顾客认可：东岳越野车有限公司 1 行。\n");
    // The same values again change nothing; a retired row is not changed; no value at all is refused.
    expect(await update(dir, "DYA", "◇", "--symbol", "◆", "--by", "zhang", "-y")).toEqual({ code: 0, stdout: "DYA 的 ◇ 已是 ◇ 法规特性 → ◆ 安全，未作更改。\n", stderr: "" });
    expect(await update(dir, "DYA", "◇", "--by", "zhang", "-y")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: 没有给出要修改的值。\n提示：用 --customer-class、--meaning、--symbol 或 --class 给出新值（英文用 --meaning-en、--class-en），如 'csr symbol update DYA ◇ --symbol ◆ --class 安全 --by <经办人>'。\n",
    });
    expect(await update(dir, "DYA", "▲", "--symbol", "◆", "-y")).toEqual({ code: 2, stdout: "", stderr: "csr: 对照表中没有 DYA 的符号 '▲'；DYA 的符号：▽、◇。\n" });
  });

  it("writes a meaning a row lacked where csr symbol add writes it, before our symbol, not after the row's approval (mend66a)", async () => {
    const dir = await approvedTable();
    expect((await update(dir, "DYA", "▽", "--meaning", "关键特性", "--class-en", "Critical", "--by", "zhang", "--date", "2026-11-18", "-y")).code).toBe(0);
    expect(read(dir, "symbols.yaml").split("  - customer: DYA\n")[1]!.split("\n").filter((l) => /^ {4}\w/.test(l))).toEqual([
      "    customer_symbol: ▽",
      "    customer_class: CC",
      "    meaning: 关键特性",
      "    symbol: ★",
      "    class: 关键",
      "    class_en: Critical",
      "    earlier_approvals:",
      "    changes:",
    ]);
  });

  it("records the English of a row's meaning and our class, which the English table prints; alone it changes nothing approved (tester65 N11)", async () => {
    const dir = await approvedTable();
    const english = async () => csrInProcess(["-C", dir, "list", "symbols"], { lang: "en" });
    const before = await english();
    expect(before.stderr.split("\n")).toContain(
      "2 rows of the table have no English meaning or class and print them as written: add the English with 'csr symbol update <customer> <symbol> --meaning-en <text> --class-en <text>' (e.g. DYA ▽).",
    );
    expect(await update(dir, "DYA", "◇", "--meaning-en", " Significant characteristic ", "--class-en", "Significant", "-y", "--commit")).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^已在 symbols\.yaml 中记录 DYA 的 ◇ 的英文（meaning_en: Significant characteristic、class_en: Significant）；对照关系及其顾客认可不变。\n已提交 [0-9a-f]{7}：csr symbol update: DYA ◇ 英文\n$/),
      stderr: "",
    });
    // Each after the text it translates; no change recorded, and the approval stays.
    expect(read(dir, "symbols.yaml").split("  - customer: DYA\n")[2]).toMatch(
      /^ {4}customer_symbol: ◇\n {4}customer_class: SC\n {4}meaning: 重要特性\n {4}meaning_en: Significant characteristic\n {4}symbol: ☆\n {4}class: 重要\n {4}class_en: Significant\n {4}approved:\n/,
    );
    expect(read(dir, "symbols.yaml")).not.toContain("changes:");
    const after = await english();
    expect(after.stdout.split("\n").find((line) => line.startsWith("2 "))).toMatch(/^2 +\S.* +◇ +SC +Significant characteristic +☆ +Significant +刘涛（东岳SQE） 2025-03-05 \(邮件\) +/);
    expect(after.stderr).toContain("1 row of the table has no English meaning or class and prints it as written: add the English with 'csr symbol update <customer> <symbol> --meaning-en <text> --class-en <text>' (e.g. DYA ▽).");
    expect((await csrInProcess(["-C", dir, "list", "symbols"], { lang: "zh-CN" })).stderr).not.toContain("--class-en");
    // Our class changed without its English: the English of the old class goes, and the output says so.
    expect(await update(dir, "DYA", "◇", "--class", "关键", "--by", "zhang", "--date", "2026-11-18", "-y")).toMatchObject({
      code: 0,
      stdout: expect.stringContaining("\n已删除 class_en（原为 Significant，是旧文本的英文）；请用 --class-en 给出新的英文。\n"),
    });
    expect(read(dir, "symbols.yaml")).not.toMatch(/^ {4}class_en: Significant$/m);
    expect(read(dir, "symbols.yaml")).toContain("    meaning_en: Significant characteristic\n");
    expect(read(dir, "symbols.yaml")).toContain("        was:\n          class: 重要\n          class_en: Significant\n");
    // csr symbol add takes the English with the row.
    expect((await run(dir, "--customer", "DYA", "--customer-symbol", "◎", "--customer-class", "PC", "--meaning", "过程特性", "--meaning-en", "Process characteristic", "--symbol", "●", "--class", "重要", "--class-en", "Significant", "-y")).code).toBe(0);
    expect(read(dir, "symbols.yaml")).toContain("    meaning: 过程特性\n    meaning_en: Process characteristic\n    symbol: ●\n    class: 重要\n    class_en: Significant\n");
  });

  it("retires a row, which keeps its approval, is never approved again, and frees its customer symbol for a new row", async () => {
    const dir = await approvedTable();
    expect(await retire(dir, "DYA", "▽", "--by", "zhang", "--date", "2026-11-18", "-y")).toEqual({ code: 2, stdout: "", stderr: "csr: 缺少 --reason（或在终端中运行，由 csr 询问停用原因）。\n" });
    expect(await retire(dir, "DYA", "▽", "--by", "zhang", "--date", "2026-11-18", "--reason", "DYA-SQM C版取消该符号", "-y", "--commit")).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^已停用 DYA 的 ▽（▽ CC → ★ 关键），2026-11-18：DYA-SQM C版取消该符号。该行及其认可保留在对照表中，供旧版本文件查阅。\n已提交 [0-9a-f]{7}：csr symbol retire：DYA ▽（DYA-SQM C版取消该符号）\n$/),
    });
    expect(read(dir, "symbols.yaml")).toContain("        class: 关键\n    retired:\n      date: 2026-11-18\n      by: zhang\n      reason: DYA-SQM C版取消该符号\n");
    expect((await rows(dir))[0]!.slice(2)).toEqual(["▽", "CC", "★", "关键", "刘涛（东岳SQE） 2025-03-05（邮件）", "2026-11-18 张伟 停用：DYA-SQM C版取消该符号；认可依据 DYA-SQM/B"]);
    expect(await retire(dir, "DYA", "▽", "--by", "zhang", "--reason", "x", "-y")).toEqual({ code: 2, stdout: "", stderr: "csr: DYA 的 ▽ 已于 2026-11-18 停用（DYA-SQM C版取消该符号）。\n" });
    expect(await update(dir, "DYA", "▽", "--symbol", "◆", "--by", "zhang", "-y")).toMatchObject({ code: 2, stderr: "csr: DYA 的 ▽ 已于 2026-11-18 停用，不能再修改。\n提示：顾客重新启用该符号时，用 'csr symbol add --customer DYA --customer-symbol ▽ …' 新增一行。\n" });
    expect(await approve(dir, "DYA", "--rows", "▽", "--by", "王磊（东岳SQE）", "--date", "2026-11-20", "--amend", "-y")).toEqual({ code: 2, stdout: "", stderr: "csr: DYA 的 ▽ 已于 2026-11-18 停用；停用的行保留原认可，不再认可。\n" });
    // The customer symbol reused with another meaning is a new row; the table converts it once (symbol/conflict counts rows in use).
    expect((await run(dir, "--customer", "DYA", "--customer-symbol", "▽", "--customer-class", "安全特性", "--symbol", "◆", "--class", "安全", "-y")).code).toBe(0);
    expect((await csrInProcess(["-C", dir, "check", "--today", "2026-11-27"], { lang: null })).stdout).not.toContain("symbol/conflict");
  });

  it("approves only the rows whose approval does not hold, keeps the others' with their date, and links the approval to the customer's document revision", async () => {
    const dir = await approvedTable();
    await update(dir, "DYA", "◇", "--symbol", "◆", "--class", "安全", "--by", "zhang", "--date", "2026-11-18", "-y");
    await run(dir, "--customer", "DYA", "--customer-symbol", "◆", "--customer-class", "安全特性", "--symbol", "◆", "--class", "安全", "-y");
    expect(await approve(dir, "DYA", "--by", "刘涛（东岳SQE）", "--date", "2026-11-20", "--evidence", "SQE邮件", "--source", "DYA-SQM/X", "-y")).toEqual({ code: 2, stdout: "", stderr: "csr: 来源文件 DYA-SQM 没有版本 'X'；已有：B、C。\n" });
    expect(await approve(dir, "DYA", "--by", "刘涛（东岳SQE）", "--date", "2026-11-20", "--evidence", "SQE邮件", "--source", "dya-sqm", "-y")).toEqual({
      code: 0,
      stdout: "已登记 DYA 对符号对照表 2 行（◇、◆）的认可：刘涛（东岳SQE） 2026-11-20（SQE邮件）。\n其余 1 行（▽）的原认可仍有效，未作更改。\n已写入 symbols.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n",
      stderr: "",
    });
    expect((await rows(dir)).map((r) => [r[2], r.at(-2), r.at(-1)])).toEqual([
      ["▽", "刘涛（东岳SQE） 2025-03-05（邮件）", "认可依据 DYA-SQM/B"],
      ["◇", "刘涛（东岳SQE） 2026-11-20（SQE邮件）", "认可依据 DYA-SQM/C；2026-11-18 张伟 修改，原为 ◇ SC → ☆ 重要；原认可 刘涛（东岳SQE） 2025-03-05（邮件）：◇ SC → ☆ 重要"],
      ["◆", "刘涛（东岳SQE） 2026-11-20（SQE邮件）", "认可依据 DYA-SQM/C"],
    ]);
  });

  it("reads a row changed by hand after its approval as not approved, and csr check says so (symbol/approval-stale)", async () => {
    const dir = await approvedTable();
    writeFileSync(join(dir, "symbols.yaml"), read(dir, "symbols.yaml").replace("    symbol: ☆\n    class: 重要\n", "    symbol: ◆\n    class: 安全\n"));
    expect((await rows(dir))[1]!.slice(2)).toEqual(["◇", "SC", "重要特性", "◆", "安全", "未认可（行在认可后已修改）", "原认可 刘涛（东岳SQE） 2025-03-05（邮件）：◇ SC → ☆ 重要"]);
    const check = await csrInProcess(["-C", dir, "check", "--today", "2026-11-27"], { lang: null });
    expect(check.stdout.split("\n").filter((l) => l.includes("symbol/approval-stale"))[0]).toBe(
      "symbols.yaml:23:5 warning symbol/approval-stale DYA 的 ◇ 行在顾客认可（刘涛（东岳SQE） 2025-03-05（邮件））之后已修改：认可的是 ◇ SC → ☆ 重要，现为 ◇ SC → ◆ 安全；原认可不再适用。请用 'csr symbol update' 修改该行（原认可移入认可历史），顾客认可新的对应关系后用 'csr symbol approve DYA --rows ◇' 登记。",
    );
    expect(await approve(dir, "DYA", "--rows", "◇", "--by", "刘涛（东岳SQE）", "--date", "2026-11-20", "-y")).toMatchObject({ code: 0, stdout: "已登记 DYA 对符号对照表 1 行（◇）的认可：刘涛（东岳SQE） 2026-11-20。\n其余 1 行（▽）的原认可仍有效，未作更改。\n已写入 symbols.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n" });
    expect((await csrInProcess(["-C", dir, "check", "--today", "2026-11-27"], { lang: null })).stdout).not.toContain("symbol/approval-stale");
  });
});
