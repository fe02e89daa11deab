/**
 * A workbook's text comes into csr exactly as its cells hold it: `R&amp;D` stays `R&amp;D` and `&lt;`
 * stays `&lt;` (exceljs decoded the XML of a `t="str"` cell, and a sheet's name, a second time),
 * whichever way the workbook stores the text, and through `csr export` and back. csr runs in this
 * process (csrInProcess), on workbooks made here.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { csrInProcess, minimalRepo, releasedProcedure, tempDir } from "../helpers.js";

const AS_OF = ["--today", "2026-11-27"];
const HEADER = ["文件名称", "文件编号", "版本", "发布日期", "归口部门", "备注"];
const SHEET = "R&amp;D 程序";

/**
 * A procedure list with text written as a 文控 may write it, in every kind of cell: plain, rich
 * text, a formula's text result and a hyperlink. With shared strings as Excel and LibreOffice save
 * a workbook, or each text in its cell (`t="str"`) as csr export and other writers save it.
 */
async function register(sharedStrings: boolean): Promise<string> {
  const path = join(tempDir(), "程序文件一览表.xlsx");
  const rows = [
    HEADER,
    ["R&amp;D 管理程序", "QP-101", "A/0", "2024-03-01", "品质部", "<见附件> & 说明 &#20219;"],
    [{ richText: [{ text: "&lt;风险" }, { text: "&gt; 评估程序", font: { bold: true } }] }, "QP-102", "A/0", "2024-03-01", "品质部", { formula: 'CONCAT("R","&")', result: "R&amp;D&lt;" }],
    [{ text: "A &amp; B 控制程序", hyperlink: "https://example.com/?a=1&amp;b=2" }, "QP-103", "A/0", "2024-03-01", "品质部", ""],
  ];
  if (sharedStrings) {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet(SHEET).addRows(rows);
    await workbook.xlsx.writeFile(path);
  } else {
    // exceljs's workbook in memory always writes shared strings; its streaming writer, as csr export uses it, none.
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false });
    const sheet = workbook.addWorksheet(SHEET);
    for (const row of rows) sheet.addRow(row).commit();
    await workbook.commit();
  }
  return path;
}

const document = (dir: string, id: string) => parse(readFileSync(join(dir, "documents", `${id}.yaml`), "utf8"));

describe("csr import keeps a workbook's text exactly", () => {
  for (const sharedStrings of [true, false]) {
    it(`&amp;, &lt; and & in plain, rich-text, formula and hyperlink cells and in the sheet's name (${sharedStrings ? "shared strings" : 'text in each cell: t="str", rich text inline'})`, async () => {
      const dir = minimalRepo();
      const book = await register(sharedStrings);
      const result = await csrInProcess(["-C", dir, "import", book, ...AS_OF, "--as", "procedures"]);
      expect([document(dir, "QP-101").title, document(dir, "QP-102").title, document(dir, "QP-103").title]).toEqual(["R&amp;D 管理程序", "&lt;风险&gt; 评估程序", "A &amp; B 控制程序"]);
      expect([document(dir, "QP-101").remarks, document(dir, "QP-102").remarks]).toEqual(["<见附件> & 说明 &#20219;", "R&amp;D&lt;"]);
      expect(result.stdout.split("\n")[0]).toBe(`Reading ${book}, sheet ${SHEET}: header on row 1, data rows: 3.`);
      const bySheet = await csrInProcess(["-C", minimalRepo(), "import", book, ...AS_OF, "--as", "procedures", "--sheet", SHEET, "--dry-run"]);
      expect(bySheet.stdout.split("\n")[0]).toBe(`Reading ${book}, sheet ${SHEET}: header on row 1, data rows: 3.`);
    });
  }
});

describe("csr export, then csr import, gives the same text", () => {
  it("a title with &amp;, &lt;, < and & comes back as it was", async () => {
    const title = "R&amp;D <控制> & 程序 &lt;x&gt; &quot;";
    const from = minimalRepo({ "documents/QP-001.yaml": releasedProcedure("QP-001", "文件控制程序", { title: "目的", text: "规定文件的控制。" }).replace("title: 文件控制程序", `title: '${title}'`) });
    const book = join(tempDir(), "registers.xlsx");
    expect((await csrInProcess(["-C", from, "export", ...AS_OF, "--out", book])).code).toBe(0);
    const to = minimalRepo();
    await csrInProcess(["-C", to, "import", book, ...AS_OF, "--as", "procedures", "--department", "QA"]);
    expect(document(to, "QP-001").title).toBe(title);
  });
});
