/**
 * tester52 D14: the clause matrix printed 195 clause rows, every one 已覆盖, under "覆盖率：186/186 (100.0%)"
 * with no word on the 9 untitled paragraphs it lists and does not count (ISO 9001 8.7.2, 10.2.2:
 * model/coverage.ts); only the site said so. Every format of both layouts now says it on the coverage line
 * and marks each such row's 覆盖 cell. csr run in process on the shipped example.
 */
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, it } from "vitest";
import { csrInProcess, ROOT, tempDir } from "../helpers.js";

const ACME = join(ROOT, "examples", "acme-auto");
const DAY = ["--today", "2026-12-01"];
const PARAGRAPHS = ["4.4.2", "6.1.1", "6.2.1", "7.5.3.1", "8.2.3.2", "8.7.2", "9.2.1", "10.2.1", "10.2.2"];

describe("csr matrix clauses: the untitled paragraphs the coverage line does not count", () => {
  it("says how many rows are not counted on the coverage line, and marks each of them, in the terminal, md, html and json", async ({ expect }) => {
    const line = "覆盖率：186/186 (100.0%)（另列 9 个无标题段落，不计入）";
    const table = await csrInProcess(["-C", ACME, "matrix", "clauses", ...DAY], { lang: "zh-CN" });
    expect(table.code).toBe(0);
    const lines = table.stdout.split("\n");
    expect(lines.filter((l) => l.startsWith("覆盖率"))).toEqual([line]);
    const marked = lines.filter((l) => l.trimEnd().endsWith("无标题段落，不计入")).map((l) => l.split(/\s+/)[0]);
    expect(marked).toEqual(PARAGRAPHS);
    // 195 rows: 186 counted, every one 已覆盖, and the 9 paragraphs.
    expect(lines.filter((l) => /^\d/.test(l) && l.trimEnd().endsWith("已覆盖")).length).toBe(186);

    const md = await csrInProcess(["-C", ACME, "matrix", "clauses", "--format", "md", ...DAY], { lang: "zh-CN" });
    expect(md.stdout).toContain(`\n${line}  \n`);
    expect(md.stdout).toContain("| 8.7.2 | （属 8.7 不合格输出的控制） |");
    expect(md.stdout.split("\n").find((l) => l.startsWith("| 8.7.2 |"))!.endsWith("| QM-001 |  | 无标题段落，不计入 |")).toBe(true);

    const html = await csrInProcess(["-C", ACME, "matrix", "clauses", "--format", "html", ...DAY], { lang: "zh-CN" });
    expect(html.stdout).toContain(line);
    expect(html.stdout.match(/<td[^>]*>无标题段落，不计入<\/td>/g)?.length).toBe(9);

    const json = JSON.parse((await csrInProcess(["-C", ACME, "matrix", "clauses", "--format", "json", ...DAY], { lang: "zh-CN" })).stdout) as { rows: Record<string, string>[]; notes: string[] };
    expect(json.notes[0]).toBe(line);
    expect(json.rows.filter((r) => r.coverage === "无标题段落，不计入").map((r) => r.number)).toEqual(PARAGRAPHS);
    expect(json.rows.length).toBe(195);
  });

  it("marks the rows in a csv, and in the xlsx says it under the table too", async ({ expect }) => {
    const csv = await csrInProcess(["-C", ACME, "matrix", "clauses", "--format", "csv", ...DAY], { lang: "zh-CN" });
    expect(csv.stdout.split("\r\n").find((l) => l.startsWith("8.7.2,"))).toBe("8.7.2,（属 8.7 不合格输出的控制）,,,,,,,,,,,●,△,,,,,,,,,,,,○,○,,●,○,,,QM-001,,无标题段落，不计入");
    const out = join(tempDir(), "clauses.xlsx");
    expect((await csrInProcess(["-C", ACME, "matrix", "clauses", "--out", out, ...DAY], { lang: "zh-CN" })).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const values: string[] = [];
    workbook.worksheets[0]!.eachRow((row) => row.eachCell((cell) => void values.push(String(cell.value))));
    expect(values).toContain("覆盖率：186/186 (100.0%)（另列 9 个无标题段落，不计入）");
    expect(values.filter((v) => v === "无标题段落，不计入").length).toBe(9);
  });

  it("says it in English and in the cross-reference layout", async ({ expect }) => {
    const en = await csrInProcess(["-C", ACME, "matrix", "clauses", "--format", "json", ...DAY]);
    const grid = JSON.parse(en.stdout) as { rows: Record<string, string>[]; notes: string[] };
    expect(grid.notes[0]).toBe("Coverage: 186/186 (100.0%) (9 untitled paragraphs are listed and not counted)");
    expect(grid.rows.find((r) => r.number === "10.2.2")!.coverage).toBe("untitled paragraph, not counted");
    const xref = JSON.parse((await csrInProcess(["-C", ACME, "matrix", "clauses", "--style", "cross-reference", "--format", "json", ...DAY], { lang: "zh-CN" })).stdout) as { rows: Record<string, string>[]; notes: string[] };
    expect(xref.notes[0]).toBe("覆盖率：186/186 (100.0%)（另列 9 个无标题段落，不计入）");
    expect(xref.rows.filter((r) => r.coverage === "无标题段落，不计入").map((r) => r.number)).toEqual(PARAGRAPHS);
  });
});
