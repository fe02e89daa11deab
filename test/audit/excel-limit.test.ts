/**
 * A text longer than an Excel cell holds (32,767 characters) is cut with a visible marker and a
 * warning; any other text is in its cell as written, `_xHHHH_` and control characters too.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { expect, it } from "vitest";
import { strFromU8, unzipSync } from "fflate";
import { copyFixture, csr, tempDir } from "../helpers.js";

it("csr export cuts a 40,000-character remark to 32,767 characters, ends it with a marker and warns", async () => {
  const dir = copyFixture("examples/acme-auto");
  const file = join(dir, "documents", "procedures", "QP-001.yaml");
  const long = "长".repeat(40_000);
  writeFileSync(file, `${readFileSync(file, "utf8")}remarks: ${long}\n`);
  const out = join(tempDir(), "registers.xlsx");
  const result = csr(["-C", dir, "export", "--out", out]);
  expect(result.code).toBe(0);
  const warnings = result.stderr.split("\n").filter((l) => l.startsWith("warning:"));
  expect(warnings.length).toBeGreaterThan(0);
  expect(warnings[0]).toMatch(/^warning: sheet .+, cell [A-Z]+\d+ \(.+\) has 40000 characters, more than an Excel cell holds \(32,767\); it was cut and ends with a marker\. The full text is in the YAML file\.$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(out);
  const cut = workbook.worksheets.flatMap((sheet) => {
    const found: string[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => void (typeof cell.value === "string" && cell.value.startsWith("长长长") && found.push(cell.value))));
    return found;
  });
  expect(cut.length).toBe(warnings.length);
  for (const value of cut) {
    expect(value.length).toBe(32_767);
    expect(value.endsWith("…〔截断：超过 Excel 单元格 32767 字符上限，全文见 YAML 文件〕")).toBe(true);
  }
});

it("csr list writes a title holding _x0041_ and a vertical tab as written, escaped as Excel and LibreOffice read it back (excel51)", async () => {
  const dir = copyFixture("test/fixtures/render/basic");
  const file = join(dir, "documents", "QP-020.yaml");
  writeFileSync(file, readFileSync(file, "utf8").replace(/^title: .*$/m, 'title: "顾客特定要求_x0041_管理\\v程序"'));
  const out = join(tempDir(), "documents.xlsx");
  expect(csr(["-C", dir, "list", "documents", "--out", out], { lang: "zh-CN" }).code).toBe(0);
  const sheet = strFromU8(unzipSync(readFileSync(out), { filter: (entry) => entry.name === "xl/worksheets/sheet1.xml" })["xl/worksheets/sheet1.xml"]!);
  // Written plain, Excel showed 顾客特定要求A管理程序, and exceljs left the vertical tab out.
  expect(sheet).toContain('<c r="D4" s="3" t="inlineStr"><is><r><t>顾客特定要求_x005F_x0041_管理_x000B_程序</t></r></is></c>');
  // A text with neither is written as before.
  expect(sheet).toContain('<c r="D3" s="3" t="str"><v>质量手册</v></c>');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(out);
  expect(workbook.worksheets[0]!.getCell("D4").text).toBe("顾客特定要求_x0041_管理\v程序");
});
