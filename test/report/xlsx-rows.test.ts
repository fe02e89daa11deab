import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { writeXlsx, type Cell, type Table } from "../../src/report/table.js";

const dir = mkdtempSync(join(tmpdir(), "csr-xlsx-rows-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every part of a workbook but docProps/core.xml (its creation time), as text. */
function parts(path: string): Record<string, string> {
  const entries = unzipSync(readFileSync(path));
  return Object.fromEntries(Object.entries(entries).filter(([name]) => name !== "docProps/core.xml").map(([name, bytes]) => [name, strFromU8(bytes)]));
}

/** Writes the tables both ways (csr's row writer, exceljs's row objects); gives both workbooks' parts and cut reports. */
async function bothWays(tables: Table[], registers?: "one" | "several") {
  const result = [];
  for (const exceljsRows of [false, true]) {
    const path = join(dir, `${exceljsRows ? "exceljs" : "csr"}-${Math.random().toString(36).slice(2)}.xlsx`);
    const cuts: string[] = [];
    await writeXlsx(tables, path, (where, length) => cuts.push(`${where} ${length}`), { registers, exceljsRows });
    result.push({ parts: parts(path), cuts });
  }
  return result;
}

const heading = { organisation: "北辰 & <公司>", form: "QR-001-02 A/0", asOf: "截至 2026-06-30", pageOf: "第 {page} 页 共 {pages} 页", page: "第 {page} 页", signatures: ["编制", "审核"], date: "日期", separator: " ｜ ", colon: "：", gap: "　" };

describe("a workbook's data rows written by csr", () => {
  it("are the XML exceljs's row objects make, byte for byte, for every kind of value", async () => {
    const values: Cell[] = ["QP-006", "", "a & b <c> \"d\" 'e'", "控制\u0001字符\u000b与\t制表\r\n换行", "第一行\n第二行\n第三行", "很长的中文要求内容".repeat(30), 0, 42, -3.5, 1e21, null];
    const columns = Array.from({ length: 30 }, (_, i) => ({ key: `k${i}`, header: `列 ${i}`, ...(i % 7 === 3 ? { date: true } : {}), ...(i === 5 ? { kind: "prose" as const } : {}) }));
    const rows: Record<string, Cell>[] = [];
    // A row of nothing first (exceljs writes no such row and numbers no style for it), then every value in every column.
    rows.push({});
    for (let r = 0; r < 1200; r++) {
      const row: Record<string, Cell> = {};
      columns.forEach((c, i) => {
        if (c.date) row[c.key] = r % 3 === 0 ? "2026-06-30" : r % 3 === 1 ? "2026-13-45" : values[(r + i) % values.length]!;
        else if ((r + i) % 13 !== 12) row[c.key] = values[(r * 7 + i) % values.length]!;
      });
      rows.push(row);
      if (r % 100 === 50) rows.push({ k0: null, k1: null });
    }
    rows.push({ k2: "x".repeat(40_000), k3: "2026-01-01" });
    const table: Table = { id: "csr-list", title: "顾客特定要求清单（共 1200 项）", sheet: "CSR:清单", columns, rows, notes: ["注：第一条说明。", "很长的说明".repeat(60)], heading };
    const small: Table = { title: "第二张表", sheet: "CSR:清单", columns: [{ key: "a", header: "日期", date: true }, { key: "b", header: "数量", kind: "number" }], rows: [{ a: "2026-02-03", b: 3 }, { a: null, b: "" }] };
    const empty: Table = { title: "没有列", sheet: "空", columns: [], rows: [{}, {}] };
    const [csr, exceljs] = await bothWays([table, small, empty], "several");
    expect(Object.keys(csr!.parts)).toEqual(Object.keys(exceljs!.parts));
    for (const name of Object.keys(exceljs!.parts)) expect(csr!.parts[name], name).toBe(exceljs!.parts[name]);
    expect(csr!.cuts).toEqual(exceljs!.cuts);
    expect(csr!.cuts).toEqual(["sheet CSR_清单, cell C1216 (列 2) 40000"]);
    // The rows are there: a date as Excel's day number, a cut cell, escaped text without the control characters.
    const sheet = csr!.parts["xl/worksheets/sheet1.xml"]!;
    expect(sheet).toContain('<c r="D4" s="4"><v>46203</v></c>');
    expect(sheet).toContain("<v>a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;</v>");
    expect(sheet).toContain("<v>控制字符与\t制表\r\n换行</v>");
    expect(sheet).not.toContain('<row r="3"');
  });

  it("are the same as exceljs's for a register of the example's kind", async () => {
    const table: Table = {
      title: "程序文件一览表（共 2 份）",
      sheet: "程序文件",
      columns: [{ key: "no", header: "序号", kind: "number" }, { key: "id", header: "文件编号", kind: "id" }, { key: "title", header: "文件名称" }, { key: "date", header: "实施日期", date: true }],
      rows: [{ no: 1, id: "QP-001", title: "文件控制程序", date: "2026-01-15" }, { no: 2, id: "QP-002", title: "记录控制程序", date: "" }],
      heading,
    };
    const [csr, exceljs] = await bothWays([table]);
    expect(csr!.parts).toEqual(exceljs!.parts);
  });
});
