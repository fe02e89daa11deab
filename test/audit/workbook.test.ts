/** The site's workbooks (oneSheetWorkbook, made without exceljs) against writeXlsx's (exceljs), part by part. */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { oneSheetWorkbook, writeXlsx, type RegisterHeading, type Table } from "../../src/report/table.js";
import { tempDir } from "../helpers.js";

/** Every part of a workbook by its name, as unzip reads it; docProps/core.xml with its times as `T`. */
function parts(file: string): Record<string, string> {
  const names = execFileSync("unzip", ["-Z1", file], { encoding: "utf8" }).trim().split("\n").sort();
  return Object.fromEntries(
    names.map((name) => {
      const text = execFileSync("unzip", ["-p", file, name.replace(/[[\]]/g, "\\$&")], { encoding: "utf8" });
      return [name, name === "docProps/core.xml" ? text.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/g, "T") : text];
    }),
  );
}

async function bothWays(table: Table): Promise<{ exceljs: Record<string, string>; own: Record<string, string> }> {
  const dir = tempDir();
  await writeXlsx([table], join(dir, "exceljs.xlsx"));
  const own = await oneSheetWorkbook(table);
  expect(own).toBeInstanceOf(Buffer);
  writeFileSync(join(dir, "own.xlsx"), own!);
  return { exceljs: parts(join(dir, "exceljs.xlsx")), own: parts(join(dir, "own.xlsx")) };
}

const heading: RegisterHeading = {
  organisation: "示例汽车零部件有限公司 & Co",
  form: "QR-7.5-01",
  asOf: "截至 2026-06-30",
  classification: "内部",
  pageOf: "第 {page} 页 共 {pages} 页",
  page: "第 {page} 页",
  signatures: ["编制", "审核", "批准"],
  date: "日期",
  separator: "，",
  colon: "：",
  gap: " ",
};

describe("oneSheetWorkbook", () => {
  it("writes the parts writeXlsx writes: dates, numbers, empty cells, wrapped rows, notes and signatures", async () => {
    const long = Array.from({ length: 60 }, (_, i) => `4.${i}`).join("/");
    const table: Table = {
      title: "受控文件清单（共 3 份）",
      sheet: "受控文件清单",
      columns: [
        { key: "n", header: "序号" },
        { key: "id", header: "文件编号", kind: "id" },
        // Seven characters and two: 9 wide, a width exceljs leaves out of <cols>.
        { key: "code", header: "代号" },
        { key: "title", header: "文件名称" },
        { key: "issued", header: "发布日期", date: true },
        { key: "clauses", header: "条款" },
      ],
      rows: [
        { n: 1, id: "QM-001", code: "ABCDEFG", title: "质量手册 <总则> & \"附录\" 'A'", issued: "2026-01-15", clauses: long },
        { n: 2, id: "QP-001", code: null, title: "控制字符\u0001\u0008\u000b\u007f之后", issued: "", clauses: "第一行\n第二行" },
        { n: 3.5, id: "QP-002", title: "没有代号", issued: "2026-02-30x", clauses: "7.5" },
      ],
      notes: ["短注。", `长注：${"按记录上的日期列出的变更，".repeat(12)}`],
      heading,
    };
    const { exceljs, own } = await bothWays(table);
    expect(Object.keys(own)).toEqual(Object.keys(exceljs));
    for (const name of Object.keys(exceljs)) expect(own[name], name).toBe(exceljs[name]);
    // What the comparison covers: the merged long note, the signatures and the left-out 9-wide column.
    expect(own["xl/worksheets/sheet1.xml"]).toContain('<mergeCell ref="A8:F8"/>');
    expect(own["xl/worksheets/sheet1.xml"]).toContain("审核：________________ 日期：____________");
    expect(own["xl/worksheets/sheet1.xml"]).not.toContain('<col min="3"');
  });

  it("writes a wide register as writeXlsx does: A3, several pages wide, its identifying columns repeated", async () => {
    const columns = Array.from({ length: 24 }, (_, i) => ({ key: `c${i}`, header: i === 1 ? "要求编号" : `第${i}列的标题`, ...(i === 1 ? { kind: "id" as const } : {}) }));
    const rows = Array.from({ length: 30 }, (_, r) => Object.fromEntries(columns.map((c, i) => [c.key, i === 1 ? `CSR-${r}` : `${"值".repeat((r * 7 + i) % 13)}${r}`])));
    // A sheet name with an apostrophe and characters Excel forbids.
    const { exceljs, own } = await bothWays({ title: "顾客特定要求清单", sheet: "O'Brien's [CSR]/list", columns, rows, notes: ["本表不完整。"] });
    expect(Object.keys(own)).toEqual(Object.keys(exceljs));
    for (const name of Object.keys(exceljs)) expect(own[name], name).toBe(exceljs[name]);
    expect(own["xl/workbook.xml"]).toContain("!$A:$B,");
  });

  it("cuts a cell longer than Excel holds as writeXlsx does, and leaves a table without columns to writeXlsx", async () => {
    const { exceljs, own } = await bothWays({ title: "长文本", sheet: "长文本", columns: [{ key: "text", header: "正文" }], rows: [{ text: "长".repeat(40_000) }] });
    expect(own["xl/worksheets/sheet1.xml"]).toBe(exceljs["xl/worksheets/sheet1.xml"]);
    expect(own["xl/worksheets/sheet1.xml"]).toContain("…〔截断：超过 Excel 单元格 32767 字符上限，全文见 YAML 文件〕</v>");
    expect(await oneSheetWorkbook({ title: "空", sheet: "空", columns: [], rows: [] })).toBeUndefined();
  });
});
