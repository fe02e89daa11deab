/**
 * A people register (人员名单) given to csr import (io59 rest d): people.yaml is kept with csr person add,
 * so the import recognises the register, in Chinese and English headers, and prints the command for
 * each row instead of refusing it for a 文件名称 column; run, those commands give back the people that
 * `csr list people` printed.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { personAddCommands } from "../../src/import/people-register.js";
import { language, setLanguage } from "../../src/i18n/index.js";
import { csr, csrInProcess, minimalRepo, tempDir } from "../helpers.js";

function register(text: string): string {
  const path = join(tempDir(), "人员名单.csv");
  writeFileSync(path, text);
  return path;
}

describe("csr import of a people register (io59 rest d)", () => {
  it("prints the csr person add command of each row, writes nothing and exits 2, with or without --as people, in Chinese and English", async () => {
    const dir = minimalRepo();
    const before = readFileSync(join(dir, "people.yaml"), "utf8");
    const chinese = register("序号,姓名,部门,岗位\n1,赵磊,品质部,质量工程师\n2,孙伟,市场部,销售经理\n");
    const commands = ["csr person add 赵磊 --name 赵磊 --department 品质部 --title 质量工程师 -y", "csr person add 孙伟 --name 孙伟 --department 市场部 --title 销售经理 -y", ""].join("\n");
    // The built binary for the first run, the variations in the worker (csrInProcess).
    for (const as of [[], ["--as", "people"], ["--as", "人员名单"]]) {
      const args = ["-C", dir, "import", chinese, ...as];
      const result = as.length === 0 ? csr(args, { lang: "zh-CN" }) : await csrInProcess(args, { lang: "zh-CN" });
      expect([result.code, result.stdout, result.stderr]).toEqual([
        2,
        commands,
        `csr: ${chinese} 是人员名单（姓名、部门）：人员由 csr person add 登记到 people.yaml，csr import 不导入人员名单；上面是按行登记的 2 条命令，核对部门和角色后运行。\n提示：文件清单中的签字人员也可以在导入该清单时用 --add-people 加入 people.yaml。\n`,
      ]);
    }
    const english = register("No.,ID,Name,Department,Position,Roles\n1,sunw,Sun Wei,QA,Engineer,\"author, reviewer\"\n");
    const result = await csrInProcess(["-C", dir, "import", english]);
    expect([result.code, result.stdout]).toEqual([2, "csr person add sunw --name \"Sun Wei\" --department QA --title Engineer --roles author,reviewer -y\n"]);
    expect(result.stderr).toContain(`is a people register (name, department)`);
    // Given as a document register: the missing 文件名称 is said with what records people instead.
    const asDocuments = await csrInProcess(["-C", dir, "import", chinese, "--as", "documents"], { lang: "zh-CN" });
    expect([asDocuments.code, asDocuments.stderr]).toEqual([
      2,
      "csr: 清单缺少必需的列 “文件编号”和“文件名称”，无法导入任何一行；表头（第 1 行）为：“序号”、“姓名”、“部门”、“岗位”。\n提示：这是人员名单（姓名、部门）：人员由 csr person add 登记到 people.yaml；运行 csr import <文件>（不带 --as）可得到按行登记的命令。\n",
    ]);
    // A register csr imports still needs --as; --as people on one without 姓名 and 部门 names the kinds.
    const documents = register("序号,文件编号,文件名称\n1,QP-001,文件控制程序\n");
    expect((await csrInProcess(["-C", dir, "import", documents], { lang: "zh-CN" })).stderr).toBe("csr: 导入清单需要 --as procedures|instructions|forms|documents|csr|symbols。\n");
    expect((await csrInProcess(["-C", dir, "import", documents, "--as", "people"], { lang: "zh-CN" })).stderr).toBe(
      `csr: --as people：csr import 不导入人员名单（人员由 csr person add 登记到 people.yaml），${documents} 中也没有可识别的“姓名”和“部门”列；导入其他清单请用 --as procedures、instructions、forms、documents、external、csr、symbols、distribution。\n`,
    );
    expect(readFileSync(join(dir, "people.yaml"), "utf8")).toBe(before);
    // A department qms.yaml lacks is said above its command, which would be refused (breaker60 K1).
    const unknown = await csrInProcess(["-C", dir, "import", register("姓名,部门,岗位\n王五,不存在部,操作工\n")], { lang: "zh-CN" });
    expect(unknown.stdout).toBe("# 部门“不存在部”不在 qms.yaml 中：先用 csr department add 登记，或改成已有的部门，再运行下一行。\ncsr person add 王五 --name 王五 --department 不存在部 --title 操作工 -y\n");
    expect(unknown.stderr).toContain("上面是按行登记的 1 条命令");
  });

  it("reads back csr list people: its commands, run in a repository without those people, list the same people", async () => {
    const dir = minimalRepo();
    const listed = csr(["-C", dir, "list", "people", "--format", "csv"], { lang: "zh-CN" }).stdout;
    // Into the repository that has them, each row says so instead of adding the person twice (breaker60 K1).
    const again = (await csrInProcess(["-C", dir, "import", register(listed)], { lang: "zh-CN" })).stdout.trim().split("\n");
    expect(again).toEqual(["# 张伟 已在 people.yaml 中：张伟（zhang），不再登记。", "# 李娜 已在 people.yaml 中：李娜（li），不再登记。", "# 王强 已在 people.yaml 中：王强（wang），不再登记。"]);
    const fresh = minimalRepo({ "people.yaml": "people: []\n" });
    const commands = (await csrInProcess(["-C", fresh, "import", register(listed)], { lang: "zh-CN" })).stdout.trim().split("\n");
    expect(commands).toHaveLength(3);
    for (const command of commands) {
      // The built binary for the first csr person add, the others in the worker.
      const args = ["-C", fresh, ...command.split(" ").slice(1)];
      const added = command === commands[0] ? csr(args, { lang: "zh-CN" }) : await csrInProcess(args, { lang: "zh-CN" });
      expect(added.stderr).toBe("");
      expect(added.code).toBe(0);
    }
    expect((await csrInProcess(["-C", fresh, "list", "people", "--format", "csv"], { lang: "zh-CN" })).stdout).toBe(listed);
  });

  it("reads a 人员名册's 工号, 工位 and 人员类别 into --number, --station and --operator; a 工号 twice and an operator with roles are refused per row (roster76; IATF 16949 7.2.1, 7.2.2)", async () => {
    const dir = minimalRepo();
    const before = readFileSync(join(dir, "people.yaml"), "utf8");
    const roster = register(
      [
        "序号,工号,姓名,部门,工位,人员类别,角色",
        "1,1023,王小二,品质部,OP20、OP30,操作工,",
        "2,1024,李小三,品质部,OP40/装配线,一线员工,",
        "3,1023,赵四,品质部,OP50,操作工,",
        "4,1025,钱五,品质部,,操作工,审核",
        "5,1026,孙六,品质部,,管理人员,编制",
        "",
      ].join("\n"),
    );
    const result = await csrInProcess(["-C", dir, "import", roster], { lang: "zh-CN" });
    expect([result.code, result.stdout, result.stderr]).toEqual([
      2,
      [
        "csr person add 王小二 --name 王小二 --number 1023 --department 品质部 --station OP20,OP30 --operator -y",
        "# 第 3 行 李小三：工位“装配线”不是工位代号（字母、数字、'_'、'.'、'-'，如 OP20），下一行未写入；按控制计划的代号用 --station 补上。",
        "csr person add 李小三 --name 李小三 --number 1024 --department 品质部 --station OP40 --operator -y",
        "# 第 4 行 赵四：工号 1023 与第 2 行相同；工号每人一个，核对后再登记此人（不给出命令）。",
        "# 第 5 行 钱五：操作工不签署文件，却有角色 审核；去掉角色或人员类别后再登记此人（不给出命令）。",
        "csr person add 孙六 --name 孙六 --number 1026 --department 品质部 --roles author -y",
        "",
      ].join("\n"),
      `csr: ${roster} 是人员名单（姓名、部门）：人员由 csr person add 登记到 people.yaml，csr import 不导入人员名单；上面是按行登记的 3 条命令，核对部门和角色后运行。\n提示：文件清单中的签字人员也可以在导入该清单时用 --add-people 加入 people.yaml。\n`,
    ]);
    expect(readFileSync(join(dir, "people.yaml"), "utf8")).toBe(before);
    // Run as printed, the commands write the operators with their 工号 and stations.
    for (const command of result.stdout.split("\n").filter((line) => line.startsWith("csr "))) {
      const added = await csrInProcess(["-C", dir, ...command.split(" ").slice(1), "--today", "2026-12-04"], { lang: "zh-CN" });
      expect([added.code, added.stderr]).toEqual([0, ""]);
    }
    expect(readFileSync(join(dir, "people.yaml"), "utf8")).toBe(
      before +
        [
          "  - id: 王小二",
          "    name: 王小二",
          "    number: \"1023\"",
          "    department: QA",
          "    roles: []",
          "    stations: [OP20, OP30]",
          "    operator: true",
          "    joined: 2026-12-04",
          "  - id: 李小三",
          "    name: 李小三",
          "    number: \"1024\"",
          "    department: QA",
          "    roles: []",
          "    stations: [OP40]",
          "    operator: true",
          "    joined: 2026-12-04",
          "  - id: 孙六",
          "    name: 孙六",
          "    number: \"1026\"",
          "    department: QA",
          "    roles: [author]",
          "    joined: 2026-12-04",
          "",
        ].join("\n"),
    );
    // Imported again into that repository: each person is there; a new row with a 工号 people.yaml has is refused naming its holder.
    const sheet = (rows: string[][]) => ({ name: "人员名册", rows: rows.map((cells, i) => ({ row: i + 1, cells })) });
    const previous = language();
    setLanguage("zh-CN");
    const known = { people: [{ id: "王小二", name: "王小二", number: "1023" }], departments: [{ code: "QA", name: "品质部" }] };
    expect(personAddCommands(sheet([["员工编号", "姓名", "部门", "工序", "是否操作工"], ["１０２３", "周七", "品质部", "OP60；OP70", "是"]]), known)).toEqual([
      "# 第 2 行 周七：工号 １０２３ 已是 people.yaml 中 王小二（王小二）的工号；工号每人一个，核对后再登记此人（不给出命令）。",
    ]);
    expect(personAddCommands(sheet([["职工号", "姓名", "部门", "岗位", "岗位类别"], ["2001", "吴八", "品质部", "质量工程师", "管理人员"], ["2002", "郑九", "品质部", "", "否"]]), known)).toEqual([
      "csr person add 吴八 --name 吴八 --number 2001 --department 品质部 --title 质量工程师 -y",
      "csr person add 郑九 --name 郑九 --number 2002 --department 品质部 -y",
    ]);
    expect(personAddCommands(sheet([["姓名", "部门", "工位", "人员类别"], ["冯十", "品质部", "OP10,OP20；OP20", "一线员工"]]), known)).toEqual([
      "csr person add 冯十 --name 冯十 --department 品质部 --station OP10,OP20 --operator -y",
    ]);
    // Columns no option takes are named first, as the other imports name them (copies77): never dropped silently.
    expect(personAddCommands(sheet([["序号", "工号", "姓名", "部门", "入职日期", "备注"], ["1", "3001", "陈一", "品质部", "2024.3.1", "试用期"]]), known)).toEqual([
      "# 未导入的列：入职日期、备注（csr 按列名读取，各类清单读取的列名见 docs/import.md 的“Column names”表）。",
      "csr person add 陈一 --name 陈一 --number 3001 --department 品质部 -y",
    ]);
    setLanguage(previous);
  });
});
