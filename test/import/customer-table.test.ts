/**
 * A customer's own table of requirements, imported as sent (tester64 N8): its columns are 章节, 要求名称,
 * 要求内容 and 对应条款 only; --customer and --source name whose document it is, and the date received is
 * the source revision's, as `csr add` takes it, or --received's. A back-dated import counts its overdue
 * reviews as such, and a row repeating a registered requirement says 本行没有要求编号 (tester64 N15).
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { builtOnce, csr, csrInProcess, gitInit, minimalRepo } from "../helpers.js";

const TODAY = "2026-12-05";

const TABLE = [
  "长城汽车顾客特定要求 GWM CSR A/0",
  "章节,要求名称,要求内容,对应条款",
  "1.1,质量体系认证,供应商须持有有效的IATF 16949认证证书。,IATF 16949 4.3.2",
  "3.2,PPAP提交等级,所有新零件按PPAP第3级提交。,IATF 16949 8.3.4.4",
  "A.1,管理评审输入,顾客绩效指标须作为管理评审输入。,IATF 16949 9.3.2.1",
  "",
].join("\n");

/** A repository with customers GWM and DYA, GWM's source GWM-CSR A/0 received 2026-09-24, and GWM-001 (3.2) registered by hand. */
const repository = builtOnce(async (): Promise<string> => {
  const dir = gitInit(minimalRepo());
  // In this process (csrInProcess): the commands' binary runs have tests of their own.
  const run = async (args: string[]) => expect((await csrInProcess(["-C", dir, ...args])).code, args.join(" ")).toBe(0);
  await run(["customer", "add", "GWM", "--name", "长城汽车股份有限公司", "--class", "A", "-y", "--commit"]);
  await run(["customer", "add", "DYA", "--name", "东岳汽车股份有限公司", "--class", "A", "-y", "--commit"]);
  await run(["source", "add", "GWM", "--id", "GWM-CSR", "--title", "长城汽车顾客特定要求", "--revision", "A/0", "--issued", "2026-09-18", "--received", "2026-09-24", "--department", "QA", "-y", "--commit"]);
  await run(["add", "--customer", "GWM", "--source", "GWM-CSR", "--section", "3.2", "--clause", "IATF16949:8.3.4.4", "--title", "PPAP提交等级", "--text", "所有新零件按PPAP第3级提交。", "-y", "--commit"]);
  writeFileSync(join(dir, "gwm.csv"), TABLE);
  return dir;
});

describe("csr import --as csr of a customer's own table (tester64 N8, N15)", () => {
  it("refuses the table without --customer and --source, naming them", async () => {
    const dir = await repository();
    expect(csr(["-C", dir, "import", "gwm.csv", "--as", "csr", "--dry-run", "--lang", "zh-CN"])).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "csr: 清单缺少必需的列 “顾客代码”或“顾客名称”、“来源文件”和“接收日期”，无法导入任何一行；表头（第 2 行）为：“章节”、“要求名称”、“要求内容”、“对应条款”。\n" +
        "提示：顾客原样发来的要求表没有顾客、来源文件或接收日期列时，用 --customer <顾客代码> --source <来源文件> 指明（接收日期默认取该来源文件现行版本的接收日期，也可用 --received <日期> 指定）；否则请在表头中加上这些列（可识别的列名见 docs/import.md），然后重新导入。\n",
    });
  });

  it("imports it with --customer and --source, received when the source revision was; says the repeat and the overdue reviews as they are", async () => {
    const dir = await repository();
    const imported = csr(["-C", dir, "import", "gwm.csv", "--as", "csr", "--customer", "GWM", "--source", "GWM-CSR", "--today", TODAY, "--lang", "zh-CN"]);
    const lines = imported.stdout.split("\n");
    expect(lines).toContain("第 4 行：本行没有要求编号，而 GWM-001（csr/GWM/GWM-001.yaml）已是同一顾客、同一来源文件、要求内容相同的要求，未重复登记；若确是另一条要求，请在“编号”列写明它的编号（该行未导入）");
    expect(lines).toContain("清单没有接收日期：GWM-002、GWM-003 的接收日期取来源文件 GWM-CSR A/0 版的接收日期 2026-09-24（与 csr add 相同），评审期限从这天起算；实际接收日期不同时用 --received <日期> 重新导入。");
    expect(lines).toContain("已导入 3 行中的 2 行；拒绝 1 行，与现有文件冲突 0 处；2 个文件的评审已逾期（csr/review-overdue，见下方 csr check）。");
    expect(imported.code).toBe(1);
    const file = (id: string) => parse(readFileSync(join(dir, `csr/GWM/${id}.yaml`), "utf8"));
    expect(file("GWM-002")).toMatchObject({ customer: "GWM", source: { document: "GWM-CSR", revision: "A/0", section: "1.1" }, clauses: ["IATF16949:4.3.2"], title: "质量体系认证", received: "2026-09-24" });
    expect(file("GWM-003")).toMatchObject({ source: { document: "GWM-CSR", revision: "A/0", section: "A.1" }, received: "2026-09-24" });
  });

  it("takes --received for every row; refuses a row naming another customer than --customer, and the options with another register or an unknown source", async () => {
    const dir = await repository();
    // The first through the built binary, the others in this process (csrInProcess).
    let first = true;
    const dry = async (...args: string[]) => {
      const argv = ["-C", dir, "import", ...args, "--dry-run", "--today", TODAY, "--lang", "zh-CN"];
      const result = first ? csr(argv) : await csrInProcess(argv);
      first = false;
      return result;
    };
    expect((await dry("gwm.csv", "--as", "csr", "--customer", "GWM", "--source", "GWM-CSR", "--received", "2026-09-25")).stdout.split("\n")).toContain(
      "GWM-002、GWM-003 的接收日期取 --received 2026-09-25（来源文件 GWM-CSR A/0 版），评审期限从这天起算。",
    );
    // A table of an older revision csr does not have, received (--received) before the current one's: refused as csr refuses it with a 接收日期 column (R2 #6).
    writeFileSync(join(dir, "old.csv"), "来源版本,章节,要求名称,要求内容,对应条款\n0/9,1.1,质量体系认证,供应商须持有有效的IATF 16949认证证书。,IATF 16949 4.3.2\n");
    expect((await dry("old.csv", "--as", "csr", "--customer", "GWM", "--source", "GWM-CSR", "--received", "2026-09-01")).stdout.split("\n")).toContain(
      "第 2 行：来源文件 GWM-CSR 没有 '0/9' 版，而该行的接收日期 2026-09-01 早于现行版 A/0 的接收日期 2026-09-24：这是较早的版本，该行未写入（写入会留下 csr check 错误）。请先把它登记为较早的版本：csr source update GWM-CSR --revision 0/9 --received 2026-09-01 --earlier，再重新导入（该行未导入）",
    );
    writeFileSync(join(dir, "other.csv"), "顾客,来源文件,章节,要求名称,要求内容,对应条款\nGWM,GWM-CSR,1.1,质量体系认证,供应商须持有有效的IATF 16949认证证书。,IATF 16949 4.3.2\n");
    expect((await dry("other.csv", "--as", "csr", "--customer", "DYA")).stdout.split("\n")).toContain("第 2 行：“顾客”为 'GWM'，而 --customer 为 DYA：不知哪个对，请更正该单元格或 --customer 后重新导入（该行未导入）");
    expect(await dry("other.csv", "--as", "csr", "--customer", "XYZ")).toEqual({ code: 2, stdout: "", stderr: "csr: --customer：未知顾客 'XYZ'；顾客有：DYA 东岳汽车股份有限公司、GWM 长城汽车股份有限公司。\n" });
    expect(await dry("other.csv", "--as", "csr", "--customer", "GWM", "--source", "GWM-X")).toMatchObject({ code: 2, stderr: expect.stringMatching(/^csr: 顾客 GWM 没有来源文件 'GWM-X'。\n/) });
    expect(await dry("gwm.csv", "--as", "csr", "--source", "GWM-CSR")).toEqual({ code: 2, stdout: "", stderr: "csr: --source 须与 --customer 一起给出：来源文件是某个顾客的。\n" });
    expect(await dry("gwm.csv", "--as", "documents", "--customer", "GWM")).toEqual({ code: 2, stdout: "", stderr: "csr: --customer 只用于 CSR 清单（--as csr），不用于 --as documents。\n" });
    expect(existsSync(join(dir, "csr/GWM/GWM-002.yaml"))).toBe(false);
  });
});

describe("csr source update of a new edition sent as a table (tester64 N9)", () => {
  it("compares the two tables row by row as two documents' sections: unchanged, changed with its diff, moved, removed, new", async () => {
    const dir = await repository();
    expect((await csrInProcess(["-C", dir, "import", "gwm.csv", "--as", "csr", "--customer", "GWM", "--source", "GWM-CSR", "--today", TODAY, "--commit"])).code).toBe(1);
    writeFileSync(join(dir, "A.csv"), TABLE);
    writeFileSync(
      join(dir, "B.csv"),
      [
        "长城汽车顾客特定要求 GWM CSR B/0",
        "章节,要求名称,要求内容,对应条款",
        "1.1,质量体系认证,供应商须持有有效的IATF 16949认证证书。,IATF 16949 4.3.2",
        "3.2,PPAP提交等级,所有新零件按PPAP第3级提交；提交前须完成产能验证（Run@Rate）。,IATF 16949 8.3.4.4",
        "6.1,变更通知,任何过程变更须提前30天书面通知长城SQE。,IATF 16949 8.5.6.1",
        "B.1,管理评审输入,顾客绩效指标须作为管理评审输入。,IATF 16949 9.3.2.1",
        "",
      ].join("\n"),
    );
    const update = csr(["-C", dir, "source", "update", "GWM-CSR", "--revision", "B/0", "--issued", "2026-11-18", "--received", "2026-11-23", "--file", "B.csv", "--previous-file", "A.csv", "--accept", "--by", "zhang", "--date", "2026-11-24", "-y", "--lang", "zh-CN"]);
    expect(update.stderr).toBe("");
    expect(update.stdout.split("\n").slice(0, 10)).toEqual([
      "比较 A.csv 与 B.csv：",
      "  GWM-001  3.2：已更改",
      "      - 所有新零件按PPAP第3级提交。",
      "      + 所有新零件按PPAP第3级提交；",
      "      + 提交前须完成产能验证（Run@Rate）。",
      "  GWM-002  1.1：未变",
      "  GWM-003  A.1：未变（现为 B.1 管理评审输入）",
      "尚无 CSR 引用的新章节（如属要求，请用 'csr add' 登记）：",
      "  6.1 变更通知",
      "已登记 GWM-CSR 的版本 B/0（接收日期 2026-11-23）；版本 A/0 已被替代。",
    ]);
  });

  it("refuses a table without a 章节 column, saying what it needs", async () => {
    const dir = await repository();
    writeFileSync(join(dir, "A.csv"), "要求名称,要求内容\n质量体系认证,供应商须持有有效的IATF 16949认证证书。\n");
    writeFileSync(join(dir, "B.csv"), "要求名称,要求内容\n质量体系认证,供应商须持有有效的IATF 16949认证证书。\n");
    const update = await csrInProcess(["-C", dir, "source", "update", "GWM-CSR", "--revision", "B/0", "--issued", "2026-11-18", "--received", "2026-11-23", "--file", "B.csv", "--previous-file", "A.csv", "--accept", "--by", "zhang", "--date", "2026-11-24", "-y", "--lang", "zh-CN"]);
    expect(update).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: A.csv：表格中找不到“章节”列和“要求名称”或“要求内容”列，无法按章节比较。\n提示：按章节比较的表格须有“章节”列（每行一条要求的章节号），以及“要求名称”或“要求内容”列；列名见 docs/import.md。\n",
    });
  });
});
