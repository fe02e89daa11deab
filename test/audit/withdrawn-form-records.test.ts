/**
 * The record list (表单清单, printed on QR-002-01) keeps a withdrawn form while the records filled on it
 * are still kept (tester52 D9; IATF 16949 7.5.3.2.1): an auditor sampling a 2024 stage review record
 * on HH-F-013, withdrawn on 2025-05-12 and kept for the product's life + 1 year, finds its retention,
 * medium and location there, marked 已作废 with the date and its successor, in every format; a form
 * whose records were kept for years or months drops off once that period after its withdrawal has
 * passed. `csr show <form>` prints the form's 保存期限, 保存方式 and 存放地点. Such a form's 所属程序 is the
 * procedure version that used it last (obsolete.used_by, tester55 C12); a customer's longer period has
 * its 顾客特殊期限 column, on the register titled as the form it is printed on, 记录清单 (tester55 C11).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { copyFixture, csr, csrInProcess, tempDir } from "../helpers.js";

const ROW_ZH = "26,HH-F-013,阶段评审记录,A/1,2024-03-01,QP-007 A/0,技术部,产品寿命期+1年,,纸质,技术部项目文件夹,已作废（2025-05-12），由 QR-007-02 替代";
const NOTE_ZH = "表末另列已作废的表单 1 种（HH-F-013）：已停止填写，已填写的记录仍按表中的保存期限、保存方式和存放地点保存。";

/** `csr list forms` in Chinese, in this process (csrInProcess); `listBinary` through the built binary, as the first list does. */
async function list(dir: string, ...args: string[]): Promise<string> {
  return listed(await csrInProcess(listArgs(dir, args), { lang: "zh-CN" }));
}

function listBinary(dir: string, ...args: string[]): string {
  return listed(csr(listArgs(dir, args), { lang: "zh-CN" }));
}

function listArgs(dir: string, args: string[]): string[] {
  // 2026-12-01 unless the call names its own day (one --today: csr refuses two different ones).
  const today = args.includes("--today") ? [] : ["--today", "2026-12-01"];
  return ["-C", dir, "list", "forms", ...today, ...args];
}

function listed(result: { code: number; stdout: string }): string {
  expect(result.code).toBe(0);
  return result.stdout;
}

/** `csr show` in this process (csrInProcess): its stdout. */
const show = async (dir: string, id: string, lang: "zh-CN" | "en" = "zh-CN") => (await csrInProcess(["-C", dir, "show", id, "--today", "2026-12-01"], { lang })).stdout;

describe("a withdrawn form whose filled records are still kept", () => {
  const acme = copyFixture("examples/acme-auto");

  it("stays on the record list, last, marked 已作废 with its date and successor, and the note says why (csv, table, md, json)", async () => {
    const csv = listBinary(acme, "--format", "csv").replace(/^\uFEFF/, "").split("\r\n");
    expect(csv[0]).toBe("序号,表单编号,表单名称,版本/版次,发布日期,所属程序,部门,保存期限,顾客特殊期限,保存方式,存放地点,备注");
    expect(csv.filter((line) => line.includes("HH-F-013"))).toEqual([ROW_ZH]);
    expect(csv.at(-2)).toBe(ROW_ZH);
    // The forms in use have nothing in 备注.
    expect(csv[1]).toBe("1,HH-F-028,管理评审计划,A/1,2024-03-01,QP-003,总经办,5年,,纸质+电子,总经办,");
    // BCM-003's longer period, in the column QR-002-01 A/1 added for it (tester55 C11).
    expect(csv.filter((line) => line.includes("QR-011-01"))).toEqual(["19,QR-011-01,产品追溯记录,A/1,2025-12-15,QP-011,生产部,产品寿命期+1年,北辰汽车集团有限公司：停产后15年,电子,MES系统,"]);

    const table = (await list(acme)).split("\n");
    // Printed on QR-002-01 (qms.yaml registers.forms), the register is titled as that form (tester55 C11).
    expect(table[0]).toBe("记录清单（共 26 份）");
    expect(table.find((line) => line.startsWith("26 "))).toMatch(/^26 +HH-F-013 +阶段评审记录 +A\/1 +2024-03-01 +QP-007 A\/0 +技术部 +产品寿命期\+1年 +纸质 +技术部项目文件夹 +已作废（2025-05-12），由 QR-007-02 替代$/);
    expect(table).toContain(NOTE_ZH);

    expect(await list(acme, "--format", "md")).toContain("| 26 | HH-F-013 | 阶段评审记录 | A/1 | 2024-03-01 | QP-007 A/0 | 技术部 | 产品寿命期+1年 |  | 纸质 | 技术部项目文件夹 | 已作废（2025-05-12），由 QR-007-02 替代 |\n");
    const json = JSON.parse(await list(acme, "--format", "json")) as { rows: Record<string, unknown>[]; notes: string[] };
    expect(json.rows.at(-1)).toEqual({ no: 26, number: "HH-F-013", title: "阶段评审记录", version: "A/1", issued: "2024-03-01", procedure: "QP-007 A/0", department: "技术部", retention: "产品寿命期+1年", customerRetention: "", medium: "纸质", location: "技术部项目文件夹", remarks: "已作废（2025-05-12），由 QR-007-02 替代" });
    // Dated a past day, it says the record keeping printed is today's (tester54a A7).
    expect(json.notes).toEqual([NOTE_ZH, "保存期限、保存方式和存放地点没有记录日期，按现在的登记列出，不一定是 2026-12-01 当日的登记（其更改见 csr history <表单编号>）。"]);

    // In English, and picked by --columns.
    const english = await csrInProcess(["-C", acme, "list", "forms", "--today", "2026-12-01", "--columns", "number,procedure,retention,customerRetention,medium,location,remarks", "--format", "csv"], { lang: "en" });
    const englishRows = english.stdout.split("\r\n");
    expect(englishRows.at(-2)).toBe("HH-F-013,QP-007 A/0,Product life + 1 year,,paper,技术部项目文件夹,\"Withdrawn 2025-05-12, replaced by QR-007-02\"");
    expect(englishRows.find((line) => line.startsWith("QR-011-01,"))).toBe("QR-011-01,QP-011,Product life + 1 year,\"Beichen Motor Group Co., Ltd.: 15 years after end of production\",electronic,MES系统,");
  });

  it("is in the workbook of csr export and on the site's register page", async () => {
    const book = join(tempDir(), "book.xlsx");
    expect((await csrInProcess(["-C", acme, "export", "--out", book, "--today", "2026-12-01"], { lang: "zh-CN" })).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(book);
    const rows: unknown[][] = [];
    workbook.getWorksheet("表单清单")!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows.find((row) => row[1] === "HH-F-013")).toEqual([26, "HH-F-013", "阶段评审记录", "A/1", new Date("2024-03-01T00:00:00.000Z"), "QP-007 A/0", "技术部", "产品寿命期+1年", undefined, "纸质", "技术部项目文件夹", "已作废（2025-05-12），由 QR-007-02 替代"]);

    const site = join(tempDir(), "site");
    expect((await csrInProcess(["-C", acme, "site", "--out", site, "--today", "2026-12-01"], { lang: "zh-CN" })).code).toBe(0);
    const page = readFileSync(join(site, "registers", "forms.html"), "utf8");
    expect(page).toContain('<td>已作废（<span class="nobr">2025-05-12</span>），由 <span class="nobr">QR-007-02</span> 替代</td>');
    expect(page).toContain(NOTE_ZH);
    // The form's own page names the procedure that listed it among the documents referring to it, as 所属程序 does (aud68 A15).
    const form = readFileSync(join(site, "documents", "HH-F-013.html"), "utf8").split("<h2>引用本文件的文件和过程</h2>")[1]!.split("</section>")[0]!;
    expect([...form.matchAll(/<li>(.*?)<\/li>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ""))).toEqual(["QP-007 产品质量先期策划控制程序（所属程序，A/0 列有本表单）"]);
    expect(form).toContain('href="../documents/QP-007.html"');
  });

  it("was not on the list before it was withdrawn as a withdrawn one, and a period in years ends its listing", async () => {
    // On 2025-01-01 HH-F-013 was in use: listed among the others, nothing in 备注.
    const before = (await list(acme, "--format", "csv", "--today", "2025-01-01")).split("\r\n").filter((line) => line.includes("HH-F-013"));
    expect(before).toHaveLength(1);
    expect(before[0]).toMatch(/,技术部项目文件夹,$/);
    // Kept 3 years instead: listed up to 2028-05-12, three years after the withdrawal, and not after.
    const dir = copyFixture("examples/acme-auto");
    const path = join(dir, "documents/forms/HH-F-013.yaml");
    writeFileSync(path, readFileSync(path, "utf8").replace("retention: 产品寿命期+1年", "retention: 3年"));
    expect(await list(dir, "--format", "csv", "--today", "2028-05-12")).toContain(",HH-F-013,");
    const after = await list(dir, "--today", "2028-05-13");
    expect(after).not.toContain("HH-F-013");
    expect(after).not.toContain("已作废");
    // Without a retention period it says nothing of its records: not listed.
    writeFileSync(path, readFileSync(path, "utf8").replace(/record:\n(  .*\n)+/, ""));
    expect(await list(dir)).not.toContain("HH-F-013");
  });

  it("csr show prints the form's 保存期限, 保存方式 and 存放地点, and says when none is set", async () => {
    const shown = csr(["-C", acme, "show", "HH-F-013", "--today", "2026-12-01"], { lang: "zh-CN" }).stdout.split("\n");
    expect(shown.slice(7, 11)).toEqual([
      "  主管部门        技术部",
      "  保存期限        产品寿命期+1年",
      "  保存方式        纸质",
      "  存放地点        技术部项目文件夹",
    ]);
    // The procedure that governed its records, though QP-007 A/1 no longer lists it (tester55 C12).
    expect(shown.filter((line) => line.includes("QP-007"))).toEqual(["  所属程序        QP-007 A/0 产品质量先期策划控制程序"]);
    // A customer's longer period (BCM-003), after the form's own (tester55 C11).
    expect((await show(acme, "QR-011-01")).split("\n").slice(8, 12)).toEqual([
      "  保存期限        产品寿命期+1年",
      "  保存方式        电子",
      "  存放地点        MES系统",
      "  顾客特殊期限    北辰汽车集团有限公司：停产后15年",
    ]);
    expect((await show(acme, "QR-007-02", "en")).split("\n").slice(7, 11)).toEqual([
      "  Department              Engineering",
      "  Retention               Product life + 1 year",
      "  Medium                  paper and electronic",
      "  Location                技术部项目文件夹",
    ]);
    const dir = copyFixture("examples/acme-auto");
    const path = join(dir, "documents/forms/QR-007-02.yaml");
    writeFileSync(path, readFileSync(path, "utf8").replace(/record:\n(  .*\n)+/, ""));
    expect((await show(dir, "QR-007-02")).split("\n")[8]).toBe(
      "  保存期限        未规定（用 'csr set QR-007-02 --retention <期限> --medium <方式> --location <地点>' 规定）",
    );
    // A procedure has no record keeping of its own: no such lines.
    expect(await show(acme, "QP-007")).not.toContain("保存期限");
  });
});
