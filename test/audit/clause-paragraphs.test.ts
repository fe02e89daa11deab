/**
 * tester52 D14 left 9 untitled paragraphs of the clause matrix uncounted, marked 无标题段落，不计入 (ISO 9001 8.7.2,
 * 10.2.2), while equally untitled IATF 16949 numbers with clauses under them (4.4.1, 6.1.2) were counted; tester67a
 * A12 asked for one rule. Every numbered clause of the standard is counted now, a paragraph covered where the clause it
 * belongs to is, and the coverage line says what it counts in every format of both layouts. csr run in process on the
 * shipped example.
 */
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, it } from "vitest";
import { csrInProcess, ROOT, tempDir } from "../helpers.js";

const ACME = join(ROOT, "examples", "acme-auto");
const DAY = ["--today", "2026-12-01"];
const PARAGRAPHS = ["4.4.2", "6.1.1", "6.2.1", "7.5.3.1", "8.2.3.2", "8.7.2", "9.2.1", "10.2.1", "10.2.2"];
const LINE = "覆盖率：195/195 (100.0%)（计每个适用的编号条款，含 9 个无标题段落：对应其所属条款即覆盖）";

describe("csr matrix clauses: every numbered clause counted, untitled paragraphs included (tester67a A12)", () => {
  it("says what the coverage line counts, and counts each paragraph as the rows show it, in the terminal, md, html and json", async ({ expect }) => {
    const table = await csrInProcess(["-C", ACME, "matrix", "clauses", ...DAY], { lang: "zh-CN" });
    expect(table.code).toBe(0);
    const lines = table.stdout.split("\n");
    expect(lines.filter((l) => l.startsWith("覆盖率"))).toEqual([LINE]);
    expect(lines.some((l) => l.includes("不计入"))).toBe(false);
    // 195 rows, each covered: by a lower-level document (已覆盖) or by the quality manual only (仅质量手册).
    const rows = lines.filter((l) => /^\d/.test(l));
    expect(rows.length).toBe(195);
    expect(rows.filter((l) => l.trimEnd().endsWith("已覆盖")).length + rows.filter((l) => l.trimEnd().endsWith("仅质量手册")).length).toBe(195);

    const md = await csrInProcess(["-C", ACME, "matrix", "clauses", "--format", "md", ...DAY], { lang: "zh-CN" });
    expect(md.stdout).toContain(`\n${LINE}  \n`);
    expect(md.stdout.split("\n").find((l) => l.startsWith("| 8.7.2 |"))!.endsWith("| QM-001 |  | 已覆盖 |")).toBe(true);

    const html = await csrInProcess(["-C", ACME, "matrix", "clauses", "--format", "html", ...DAY], { lang: "zh-CN" });
    expect(html.stdout).toContain(LINE);
    expect(html.stdout).not.toContain("无标题段落，不计入");

    const json = JSON.parse((await csrInProcess(["-C", ACME, "matrix", "clauses", "--format", "json", ...DAY], { lang: "zh-CN" })).stdout) as { rows: Record<string, string>[]; notes: string[] };
    expect(json.notes[0]).toBe(LINE);
    expect(json.rows.filter((r) => PARAGRAPHS.includes(r.number!)).map((r) => [r.number, r.coverage])).toEqual([
      ["4.4.2", "仅质量手册"],
      ["6.1.1", "仅质量手册"],
      ["6.2.1", "仅质量手册"],
      ["7.5.3.1", "已覆盖"],
      ["8.2.3.2", "仅质量手册"],
      ["8.7.2", "已覆盖"],
      ["9.2.1", "已覆盖"],
      ["10.2.1", "已覆盖"],
      ["10.2.2", "已覆盖"],
    ]);
    expect(json.rows.length).toBe(195);
  });

  it("shows the cells in a csv, and in the xlsx says under the table what it counts", async ({ expect }) => {
    const csv = await csrInProcess(["-C", ACME, "matrix", "clauses", "--format", "csv", ...DAY], { lang: "zh-CN" });
    expect(csv.stdout.split("\r\n").find((l) => l.startsWith("8.7.2,"))).toBe("8.7.2,（属 8.7 不合格输出的控制）,,,,,,,,,,,●,△,,,,,,,,,,,,○,○,,●,○,,,QM-001,,已覆盖");
    const out = join(tempDir(), "clauses.xlsx");
    expect((await csrInProcess(["-C", ACME, "matrix", "clauses", "--out", out, ...DAY], { lang: "zh-CN" })).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const values: string[] = [];
    workbook.worksheets[0]!.eachRow((row) => row.eachCell((cell) => void values.push(String(cell.value))));
    expect(values).toContain(LINE);
    expect(values.some((v) => v.includes("不计入"))).toBe(false);
  });

  it("says it in English and in the cross-reference layout", async ({ expect }) => {
    const en = await csrInProcess(["-C", ACME, "matrix", "clauses", "--format", "json", ...DAY]);
    const grid = JSON.parse(en.stdout) as { rows: Record<string, string>[]; notes: string[] };
    expect(grid.notes[0]).toBe("Coverage: 195/195 (100.0%) (every applicable numbered clause counted, 9 untitled paragraphs among them: covered where the clause they belong to is)");
    expect(grid.rows.find((r) => r.number === "10.2.2")!.coverage).toBe("covered");
    const xref = JSON.parse((await csrInProcess(["-C", ACME, "matrix", "clauses", "--style", "cross-reference", "--format", "json", ...DAY], { lang: "zh-CN" })).stdout) as { rows: Record<string, string>[]; notes: string[] };
    expect(xref.notes[0]).toBe(LINE);
    expect(xref.rows.filter((r) => PARAGRAPHS.includes(r.number!)).map((r) => r.coverage)).toEqual(["仅质量手册", "仅质量手册", "仅质量手册", "已覆盖", "仅质量手册", "已覆盖", "已覆盖", "已覆盖", "已覆盖"]);
  });
});
