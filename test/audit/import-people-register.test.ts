/**
 * A people register (人员名单) given to csr import (io59 rest d): people.yaml is kept with csr person add,
 * so the import recognises the register, in Chinese and English headers, and prints the command for
 * each row instead of refusing it for a 文件名称 column; run, those commands give back the people that
 * `csr list people` printed.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { csr, minimalRepo, tempDir } from "../helpers.js";

function register(text: string): string {
  const path = join(tempDir(), "人员名单.csv");
  writeFileSync(path, text);
  return path;
}

describe("csr import of a people register (io59 rest d)", () => {
  it("prints the csr person add command of each row, writes nothing and exits 2, with or without --as people, in Chinese and English", () => {
    const dir = minimalRepo();
    const before = readFileSync(join(dir, "people.yaml"), "utf8");
    const chinese = register("序号,姓名,部门,岗位\n1,赵磊,品质部,质量工程师\n2,孙伟,市场部,销售经理\n");
    const commands = ["csr person add 赵磊 --name 赵磊 --department 品质部 --title 质量工程师 -y", "csr person add 孙伟 --name 孙伟 --department 市场部 --title 销售经理 -y", ""].join("\n");
    for (const as of [[], ["--as", "people"], ["--as", "人员名单"]]) {
      const result = csr(["-C", dir, "import", chinese, ...as], { lang: "zh-CN" });
      expect([result.code, result.stdout, result.stderr]).toEqual([
        2,
        commands,
        `csr: ${chinese} 是人员名单（姓名、部门）：人员由 csr person add 登记到 people.yaml，csr import 不导入人员名单；上面是按行登记的 2 条命令，核对部门和角色后运行。\n提示：文件清单中的签字人员也可以在导入该清单时用 --add-people 加入 people.yaml。\n`,
      ]);
    }
    const english = register("No.,ID,Name,Department,Position,Roles\n1,sunw,Sun Wei,QA,Engineer,\"author, reviewer\"\n");
    const result = csr(["-C", dir, "import", english]);
    expect([result.code, result.stdout]).toEqual([2, "csr person add sunw --name \"Sun Wei\" --department QA --title Engineer --roles author,reviewer -y\n"]);
    expect(result.stderr).toContain(`is a people register (name, department)`);
    // Given as a document register: the missing 文件名称 is said with what records people instead.
    const asDocuments = csr(["-C", dir, "import", chinese, "--as", "documents"], { lang: "zh-CN" });
    expect([asDocuments.code, asDocuments.stderr]).toEqual([
      2,
      "csr: 清单缺少必需的列 “文件编号”和“文件名称”，无法导入任何一行；表头（第 1 行）为：“序号”、“姓名”、“部门”、“岗位”。\n提示：这是人员名单（姓名、部门）：人员由 csr person add 登记到 people.yaml；运行 csr import <文件>（不带 --as）可得到按行登记的命令。\n",
    ]);
    // A register csr imports still needs --as; --as people on one without 姓名 and 部门 names the kinds.
    const documents = register("序号,文件编号,文件名称\n1,QP-001,文件控制程序\n");
    expect(csr(["-C", dir, "import", documents], { lang: "zh-CN" }).stderr).toBe("csr: 导入清单需要 --as procedures|instructions|forms|documents|csr|symbols。\n");
    expect(csr(["-C", dir, "import", documents, "--as", "people"], { lang: "zh-CN" }).stderr).toBe(
      `csr: --as people：csr import 不导入人员名单（人员由 csr person add 登记到 people.yaml），${documents} 中也没有可识别的“姓名”和“部门”列；导入其他清单请用 --as procedures、instructions、forms、documents、external、csr、symbols。\n`,
    );
    expect(readFileSync(join(dir, "people.yaml"), "utf8")).toBe(before);
    // A department qms.yaml lacks is said above its command, which would be refused (breaker60 K1).
    const unknown = csr(["-C", dir, "import", register("姓名,部门,岗位\n王五,不存在部,操作工\n")], { lang: "zh-CN" });
    expect(unknown.stdout).toBe("# 部门“不存在部”不在 qms.yaml 中：先用 csr department add 登记，或改成已有的部门，再运行下一行。\ncsr person add 王五 --name 王五 --department 不存在部 --title 操作工 -y\n");
    expect(unknown.stderr).toContain("上面是按行登记的 1 条命令");
  });

  it("reads back csr list people: its commands, run in a repository without those people, list the same people", () => {
    const dir = minimalRepo();
    const listed = csr(["-C", dir, "list", "people", "--format", "csv"], { lang: "zh-CN" }).stdout;
    // Into the repository that has them, each row says so instead of adding the person twice (breaker60 K1).
    const again = csr(["-C", dir, "import", register(listed)], { lang: "zh-CN" }).stdout.trim().split("\n");
    expect(again).toEqual(["# 张伟 已在 people.yaml 中：张伟（zhang），不再登记。", "# 李娜 已在 people.yaml 中：李娜（li），不再登记。", "# 王强 已在 people.yaml 中：王强（wang），不再登记。"]);
    const fresh = minimalRepo({ "people.yaml": "people: []\n" });
    const commands = csr(["-C", fresh, "import", register(listed)], { lang: "zh-CN" }).stdout.trim().split("\n");
    expect(commands).toHaveLength(3);
    for (const command of commands) {
      const added = csr(["-C", fresh, ...command.split(" ").slice(1)], { lang: "zh-CN" });
      expect(added.stderr).toBe("");
      expect(added.code).toBe(0);
    }
    expect(csr(["-C", fresh, "list", "people", "--format", "csv"], { lang: "zh-CN" }).stdout).toBe(listed);
  });
});
