/**
 * Who signed which edition of a register (register-editions.yaml, 登记表各版签署记录; GJB 9001C 7.5.3, IATF 16949
 * 7.5.3.2.1; tester79 G7): `csr register sign` records the 编制/审核/批准 of an edition of a register with the day it
 * stands as, refusing an unknown register, line or person, a future day, a signature before the edition's day and an
 * edition signed again without --amend; `csr list <register> --edition` prints that edition as of its day with the
 * signature lines filled, in every printed format. gjb-demo in a temporary git repository; the story's day is 2026-12-04.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { builtOnce, copyFixture, csr, csrInProcess, git, gitInit, tempDir, tool } from "../helpers.js";

const zh = (dir: string, ...args: string[]) => csrInProcess(["-C", dir, ...args, "--today", "2026-12-04"], { lang: null });
const refused = (stderr: string) => ({ code: 2, stdout: "", stderr });
/** csr list without --today: --edition gives the day. */
const list = (dir: string, ...args: string[]) => csrInProcess(["-C", dir, "list", ...args], { lang: null });
const SIGN = ["register", "sign", "documents", "--edition", "2026-12", "--as-of", "2026-12-01", "--sign", "编制=chenhw@2026-12-01", "--sign", "审核=罗欣@2026-12-02", "--sign", "批准=liuzm@2026-12-03"];
const FILLED = "编制：陈宏伟 日期：2026-12-01　审核：罗欣 日期：2026-12-02　批准：刘志明 日期：2026-12-03";

/** The 2026-12 edition of the 受控文件清单 signed and committed. */
const signed = builtOnce(async () => {
  const dir = gitInit(copyFixture("examples/gjb-demo"));
  expect(csr(["-C", dir, ...SIGN, "--commit", "--today", "2026-12-04"], { lang: null })).toMatchObject({
    code: 0,
    stdout: expect.stringMatching(
      /^已记录登记表 documents 的 2026-12 版（截至 2026-12-01）：编制 陈宏伟（chenhw）2026-12-01、审核 罗欣（luox）2026-12-02、批准 刘志明（liuzm）2026-12-03（register-editions\.yaml）\n已提交 [0-9a-f]{7}：登记表 documents 2026-12 版的签署\n$/,
    ),
    stderr: "",
  });
  return dir;
});

describe("csr register sign", () => {
  it("records each signature of the edition on a line of register-editions.yaml, committed (the binary)", async () => {
    const dir = await signed();
    expect(readFileSync(join(dir, "register-editions.yaml"), "utf8")).toBe(
      "editions:\n  - register: documents\n    edition: 2026-12\n    as_of: 2026-12-01\n    signatures:\n      - {role: 编制, by: chenhw, date: 2026-12-01}\n      - {role: 审核, by: luox, date: 2026-12-02}\n      - {role: 批准, by: liuzm, date: 2026-12-03}\n",
    );
    expect(git(dir, ["status", "--porcelain"])).toBe("");
    expect((await csrInProcess(["-C", dir, "check"], { lang: null })).code).toBe(0);
  });

  it("refuses an edition signed again without --amend, and --amend replaces the signatures of the lines given", async () => {
    const dir = copyFixture("examples/gjb-demo");
    expect((await zh(dir, ...SIGN)).code).toBe(0);
    expect(await zh(dir, ...SIGN)).toEqual(
      refused("csr: 登记表 documents 的 2026-12 版已记录在 register-editions.yaml 中。\n提示：要更正它，请加 --amend：csr register sign documents --edition 2026-12 --amend --sign <签字栏>=<人员>@<日期>\n"),
    );
    expect(await zh(dir, "register", "sign", "documents", "--edition", "2026-12", "--amend", "--sign", "审核=yangf@2026-12-04")).toEqual({
      code: 0,
      stdout: "已更正登记表 documents 的 2026-12 版（截至 2026-12-01）：编制 陈宏伟（chenhw）2026-12-01、审核 杨帆（yangf）2026-12-04、批准 刘志明（liuzm）2026-12-03（register-editions.yaml）\n",
      stderr: "",
    });
    expect(readFileSync(join(dir, "register-editions.yaml"), "utf8")).toContain("      - {role: 审核, by: yangf, date: 2026-12-04}\n");
    expect(await zh(dir, "register", "sign", "documents", "--edition", "2027-01", "--amend", "--sign", "审核=yangf@2026-12-04")).toEqual(
      refused("csr: 登记表 documents 没有已记录的 2027-01 版，无从 --amend；去掉 --amend 并给出 --as-of 以记录它。\n"),
    );
  });

  it("refuses an unknown register, line or person, a malformed --sign, a future day and a signature before the edition's day", async () => {
    const dir = copyFixture("examples/gjb-demo");
    const sign = (register: string, asOf: string, ...signs: string[]) => zh(dir, "register", "sign", register, "--edition", "2027-01", "--as-of", asOf, ...signs.flatMap((s) => ["--sign", s]));
    expect((await sign("documnts", "2026-12-01", "编制=chenhw")).stderr).toMatch(/^csr: 未知的登记表 'documnts'（您是否要输入 documents？）；可选：procedures、documents、/);
    expect(await sign("documents", "2026-12-01", "会签=chenhw@2026-12-02")).toEqual(refused("csr: 签字栏 '会签' 不在 qms.yaml 的 registers.signatures 中；可选：编制、审核、批准。\n"));
    expect(await sign("documents", "2026-12-01", "编制=chenhw@2026-12-02", "编制=luox@2026-12-02")).toEqual(refused("csr: 签字栏 编制 给出了两次。\n"));
    expect(await sign("documents", "2026-12-01", "编制")).toEqual(refused("csr: --sign '编制' 应写作 <签字栏>=<人员>[@<日期>]，如 编制=chenhw@2026-12-01。\n"));
    expect(await sign("documents", "2026-12-01", "编制=nobody@2026-12-02")).toEqual(refused("csr: --sign nobody：people.yaml 中没有 id 或姓名为此的人员（用 'csr list people' 查看人员名单）。\n"));
    expect(await sign("documents", "2026-12-01", "编制=chenhw@2026-12-05")).toEqual(refused("csr: --sign 2026-12-05 晚于今天（2026-12-04）：已完成事项的记录不能填写将来的日期。\n"));
    expect(await sign("documents", "2026-12-05", "编制=chenhw@2026-12-01")).toEqual(refused("csr: --as-of 2026-12-05 晚于今天（2026-12-04）：已完成事项的记录不能填写将来的日期。\n"));
    expect(await sign("documents", "2026-12-02", "编制=chenhw@2026-12-01")).toEqual(refused("csr: 编制 的签署日期 2026-12-01 早于本版的截至日 2026-12-02：登记表须先截至，后签署。\n"));
    expect(await sign("documents", "2026-12-02")).toEqual(
      refused("csr: 缺少 --sign。\n提示：例如：csr register sign documents --edition 2026-12 --as-of 2026-12-01 --sign 编制=<人员>@2026-12-01 --sign 审核=<人员>@2026-12-02 --sign 批准=<人员>@2026-12-03\n"),
    );
    expect(spawnSync("git", ["-C", dir, "status", "--porcelain"]).stdout?.toString() ?? "").not.toContain("register-editions.yaml");
  });
});

describe("who signed an edition is a person the repository keeps (review81 2)", () => {
  it("csr person remove refuses a signer and names the signature; ref/unresolved reports an unknown signer at its line", async () => {
    const dir = copyFixture("examples/gjb-demo");
    expect((await zh(dir, "person", "add", "xiaoz", "--name", "肖正", "--department", "QA", "--from", "2026-01-01", "-y")).code).toBe(0);
    expect((await zh(dir, "register", "sign", "documents", "--edition", "2026-12", "--as-of", "2026-12-01", "--sign", "审核=xiaoz@2026-12-02")).code).toBe(0);
    expect(await zh(dir, "person", "remove", "xiaoz", "--yes")).toEqual(
      refused(
        "csr: 不能删除 肖正（xiaoz）：有 1 处记录提到此人，删除后这些记录将无法追溯到签字人：\n  register-editions.yaml:6:24 editions.0.signatures.0.by\n" +
          "提示：删除只用于从未出现在记录中的人员（如 csr init 写入的示例人员）；此人如已不在本公司，请用 'csr person leave xiaoz --date <离职日期>' 登记离职，此人留在名单中，但不再作为新工作的人选。\n",
      ),
    );
    const file = join(dir, "register-editions.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("by: xiaoz", "by: xiaozz"));
    const checked = await zh(dir, "check", "--format", "json");
    expect(checked.code).toBe(1);
    expect(JSON.parse(checked.stdout).findings.filter((f: { file: string }) => f.file === "register-editions.yaml")).toEqual([
      expect.objectContaining({ rule: "ref/unresolved", severity: "error", line: 6, column: 24, message: "未知的人员 'xiaozz'。是否应为 'xiaoz'？请用 'csr person add' 登记此人，或更正人员编号。" }),
    ]);
  });
});

describe("csr list <register> --edition", () => {
  it("prints the edition as of its day with the signature lines filled (Markdown, HTML, workbook)", async () => {
    const dir = await signed();
    const md = await list(dir, "documents", "--edition", "2026-12", "--format", "md");
    expect(md.code).toBe(0);
    expect(md.stdout).toContain("湖南晨晟电子技术有限公司 ｜ 2026-12 版，截至 2026-12-01\n");
    expect(md.stdout.endsWith(`\n${FILLED}\n`)).toBe(true);
    const html = (await list(dir, "documents", "--edition", "2026-12", "--format", "html")).stdout;
    expect(html).toContain('<div class="signatures"><span>编制：陈宏伟 日期：2026-12-01</span><span>审核：罗欣 日期：2026-12-02</span><span>批准：刘志明 日期：2026-12-03</span></div>');
    // Without --edition the lines stay blank, to be signed by hand.
    expect((await list(dir, "documents", "--format", "md")).stdout).toContain("编制：________________ 日期：____________");
    const out = join(tempDir(), "documents.xlsx");
    expect((await list(dir, "documents", "--edition", "2026-12", "--out", out)).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const cells: string[] = [];
    workbook.worksheets[0]!.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
    expect(cells).toEqual(expect.arrayContaining(["编制：陈宏伟 日期：2026-12-01", "审核：罗欣 日期：2026-12-02", "批准：刘志明 日期：2026-12-03"]));
  });

  it("refuses an edition not signed, --today beside it, and the CSR list", async () => {
    const dir = await signed();
    expect(await list(dir, "documents", "--edition", "2026-11")).toEqual(refused("csr: 登记表 documents 没有已签署的 2026-11 版；已签署：2026-12。\n"));
    expect(await list(dir, "suppliers", "--edition", "2026-12")).toEqual(refused("csr: 登记表 suppliers 没有已签署的 2026-12 版；已签署：无。\n"));
    expect(await list(dir, "documents", "--edition", "2026-12", "--today", "2026-12-04")).toEqual(refused("csr: --edition 按该版的截至日打印登记表，不能再给 --today。\n"));
    expect((await list(dir, "--edition", "2026-12")).stderr).toMatch(/^csr: --edition 只用于 csr list procedures、.*，不用于 'csr list'。\n$/);
  });

  const chromium = tool("chromium");
  const pdftotext = tool("pdftotext");
  it.runIf(chromium && pdftotext)("prints the filled signature lines in the PDF", { timeout: 120_000 }, async () => {
    const dir = await signed();
    const pdf = join(tempDir(), "受控文件清单.pdf");
    expect(await list(dir, "documents", "--edition", "2026-12", "--out", pdf)).toMatchObject({ code: 0, stderr: `已写入 ${pdf}\n` });
    const text = spawnSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).stdout.replace(/\s+/g, "");
    expect(text).toContain("2026-12版，截至2026-12-01");
    expect(text).toContain("编制：陈宏伟日期：2026-12-01审核：罗欣日期：2026-12-02批准：刘志明日期：2026-12-03");
  });
});

describe("csr list register-editions, and the site's register pages (rec82 3)", () => {
  /** gjb-demo with two signed editions of the 受控文件清单 and one of the 程序文件一览表, committed. */
  const editions = builtOnce(async () => {
    const dir = gitInit(copyFixture("examples/gjb-demo"));
    const sign = (...args: string[]) => expect(csr(["-C", dir, "register", "sign", ...args, "--commit", "--today", "2026-12-04"], { lang: null }).code).toBe(0);
    sign("documents", "--edition", "2026-11", "--as-of", "2026-11-02", "--sign", "编制=maxl@2026-11-02", "--sign", "审核=chenhw@2026-11-03", "--sign", "批准=liuzm@2026-11-05");
    sign("procedures", "--edition", "2026-01", "--as-of", "2026-01-05", "--sign", "编制=maxl@2026-01-05", "--sign", "批准=liuzm@2026-01-08");
    sign(...SIGN.slice(2));
    return dir;
  });

  it("lists every signed edition with who signed each line and the day, in every format, as the record stood on --today", async () => {
    const dir = await editions();
    expect((await zh(dir, "list", "register-editions")).stdout).toBe(
      [
        "登记表签署记录（共 3 版）",
        "",
        "序号  登记表                        版本     截至日期    编制    编制日期    审核    审核日期    批准    批准日期",
        "----  ----------------------------  -------  ----------  ------  ----------  ------  ----------  ------  ----------",
        "1     受控文件清单（documents）     2026-11  2026-11-02  马晓岚  2026-11-02  陈宏伟  2026-11-03  刘志明  2026-11-05",
        "2     程序文件一览表（procedures）  2026-01  2026-01-05  马晓岚  2026-01-05                      刘志明  2026-01-08",
        "3     受控文件清单（documents）     2026-12  2026-12-01  陈宏伟  2026-12-01  罗欣    2026-12-02  刘志明  2026-12-03",
        "",
      ].join("\n"),
    );
    // An edition standing as a later day is not yet on the record of an earlier one.
    expect((await list(dir, "register-editions", "--today", "2026-11-30", "--format", "json")).stdout).toContain('"title": "登记表签署记录（共 2 版）"');
    expect((await zh(dir, "list", "register-editions", "--format", "md")).stdout).toContain("| 2 | 程序文件一览表（procedures） | 2026-01 | 2026-01-05 | 马晓岚 | 2026-01-05 |  |  | 刘志明 | 2026-01-08 |");
    expect((await zh(dir, "list", "register-editions", "--format", "html")).stdout).toContain("受控文件清单（documents）");
    const csv = (await zh(dir, "list", "register-editions", "--format", "csv")).stdout.split("\r\n");
    expect(csv.slice(0, 2)).toEqual(["\ufeff序号,登记表,版本,截至日期,编制,编制日期,审核,审核日期,批准,批准日期", '1,受控文件清单（documents）,"=""2026-11""",2026-11-02,马晓岚,2026-11-02,陈宏伟,2026-11-03,刘志明,2026-11-05']);
    const json = JSON.parse((await zh(dir, "list", "register-editions", "--format", "json")).stdout) as { rows: Record<string, unknown>[] };
    expect(json.rows[2]).toEqual({ no: 3, register: "受控文件清单（documents）", edition: "2026-12", asOf: "2026-12-01", by0: "陈宏伟", on0: "2026-12-01", by1: "罗欣", on1: "2026-12-02", by2: "刘志明", on2: "2026-12-03" });
    const out = join(tempDir(), "editions.xlsx");
    expect((await zh(dir, "list", "register-editions", "--out", out)).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.worksheets[0]!;
    expect([sheet.name, sheet.getCell("B3").value, sheet.getCell("D3").value]).toEqual(["登记表签署记录", "受控文件清单（documents）", new Date("2026-11-02T00:00:00Z")]);
    expect((await csrInProcess(["-C", dir, "list", "register-editions", "--today", "2026-12-04"], { lang: "en" })).stdout.split("\n").slice(0, 5)).toEqual([
      "Signed register editions (3 editions)",
      "",
      "No.  Register                              Edition  As of       编制          编制 date   审核          审核 date   批准         批准 date",
      "---  ------------------------------------  -------  ----------  ------------  ----------  ------------  ----------  -----------  ----------",
      "1    Controlled document list (documents)  2026-11  2026-11-02  Ma Xiaolan    2026-11-02  Chen Hongwei  2026-11-03  Liu Zhiming  2026-11-05",
    ]);
    // None recorded: the register says so, and how to record one.
    const none = await zh(copyFixture("examples/gjb-demo"), "list", "register-editions");
    expect(none.stdout).toContain("register-editions.yaml 中还没有已签署的登记表版本：用 csr register sign 记录。");
    expect(none.stderr).toBe("重新打印某一版（按其截至日，签字栏已填）：csr list <登记表> --edition <版本>。\n");
  });

  it("puts the edition of a register signed last by the site's day on its page, with who signed and when", async () => {
    const dir = await editions();
    const text = (day: string, page: string) => {
      const out = join(tempDir(), "site");
      expect(csr(["-C", dir, "site", "--out", out, "--today", day], { lang: null }).code).toBe(0);
      return readFileSync(join(out, "registers", page), "utf8").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
    };
    expect(text("2026-12-04", "documents.html")).toContain("已签署的最近一版：2026-12（截至 2026-12-01）：编制 陈宏伟 2026-12-01、审核 罗欣 2026-12-02、批准 刘志明 2026-12-03。");
    // On 2026-12-02 the 2026-12 edition is not signed through: the page names the 2026-11 one.
    const before = text("2026-12-02", "documents.html");
    expect(before).toContain("已签署的最近一版：2026-11（截至 2026-11-02）：编制 马晓岚 2026-11-02、审核 陈宏伟 2026-11-03、批准 刘志明 2026-11-05。");
    expect(before).not.toContain("2026-12（截至");
  }, 120_000);
});
