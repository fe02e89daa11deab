/**
 * A review whose deadline has passed with no working day since (acme-auto's BCM-005, due Friday 2026-12-04, on Sunday
 * 2026-12-06) is 已到期, not yet late, in every register (aud68 A5), and overdue in the management review from the calendar day after
 * its deadline, not 尚未到期 (tester71 Q9); the CSR list's 剩余工作日 holds a number (0) in every format, a spreadsheet's
 * number cell too, and the words go to a 期限说明 column of their own, which csr import reads back as the column csr
 * computes that it is, not as one it does not know.
 */
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { copyFixture, csr, tempDir } from "../helpers.js";

const SUNDAY = "2026-12-06";
const acme = copyFixture("examples/acme-auto");

function list(lang: "zh-CN" | "en", ...args: string[]): string {
  const result = csr(["-C", acme, "list", ...args, "--today", SUNDAY], { lang });
  expect(result.code, result.stderr).toBe(0);
  return result.stdout;
}

describe("a review due, not yet late", () => {
  it("is overdue in the management review from the calendar day after its deadline (tester71 Q9), with the day before which a decision still counts on time", () => {
    const rows = (JSON.parse(list("zh-CN", "management-review", "--format", "json")) as { rows: { item: string; value: string | number; detail: string }[] }).rows;
    expect(rows.find((r) => r.item === "评审及时率")).toMatchObject({ value: "100%", detail: "按期 5/5 轮；尚未到期 1 轮、截止已过尚未决定 1 轮（计入“其中已逾期”）、未作结论即结束 0 轮不计入" });
    expect(rows.find((r) => r.item === "其中已逾期")).toMatchObject({ value: 1, detail: "BCM-005（截止 2026-12-04 已过；2026-12-07 前决定仍计为按期）" });
    const english = (JSON.parse(list("en", "management-review", "--format", "json")) as { rows: { item: string; detail: string }[] }).rows;
    expect(english.find((r) => r.item === "of which overdue")?.detail).toBe("BCM-005 (deadline 2026-12-04 passed; a decision before 2026-12-07 still counts on time)");
    // On the Thursday before, nothing is due yet: the detail is as it was.
    const thursday = JSON.parse(csr(["-C", acme, "list", "management-review", "--format", "json", "--today", "2026-12-03"], { lang: "zh-CN" }).stdout) as { rows: { item: string; detail: string }[] };
    expect(thursday.rows.find((r) => r.item === "其中已逾期")?.detail).toBe("");
    expect(thursday.rows.find((r) => r.item === "评审及时率")?.detail).toBe("按期 5/5 轮；尚未到期 2 轮、未作结论即结束 0 轮不计入");
  });

  it("has 0 working days left in the CSR list, a number in CSV, JSON and the workbook, and its words in 期限说明", async () => {
    const csv = list("zh-CN", "--format", "csv").replace(/^\uFEFF/, "").split("\r\n");
    const header = csv[0]!.split(",");
    const bcm005 = csv.find((line) => line.includes(",BCM-005,"))!.split(",");
    expect([header.indexOf("剩余工作日") + 1, header.indexOf("期限说明")].every((i) => i > 0)).toBe(true);
    expect(bcm005[header.indexOf("剩余工作日")]).toBe("0");
    expect(bcm005[header.indexOf("期限说明")]).toBe("已到期（截止 2026-12-04 周五），尚未逾期：下一个工作日 2026-12-07 起即逾期，须在此之前决定");
    const json = JSON.parse(list("en", "--format", "json")) as { rows: Record<string, unknown>[]; notes: string[] };
    expect(json.rows.find((r) => r.id === "BCM-005")).toMatchObject({ daysLeft: 0, deadlineNote: "past due (deadline Friday 2026-12-04) but not yet late: late from the next working day, 2026-12-07, so decide before it" });
    expect(json.rows.every((r) => r.daysLeft === null || typeof r.daysLeft === "number")).toBe(true);
    const book = join(tempDir(), "csr.xlsx");
    expect(csr(["-C", acme, "list", "--today", SUNDAY, "--format", "xlsx", "--out", book], { lang: "zh-CN" }).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(book);
    const sheet = workbook.worksheets[0]!;
    let column = 0;
    let value: unknown;
    sheet.eachRow((row) => {
      const values = row.values as unknown[];
      if (column <= 0) column = values.indexOf("剩余工作日");
      if (values.includes("BCM-005")) value = values[column];
    });
    expect(value).toBe(0);
    // 期限说明 holds one note in 12 rows: a narrow column whose note wraps over three lines, not a third of the page for it (fmt70).
    const note = sheet.getRow(2).values as unknown[];
    const noteColumn = sheet.getColumn(note.indexOf("期限说明"));
    expect(noteColumn.width).toBe(32);
    expect(sheet.getColumn(note.indexOf("要求内容")).width).toBe(60);
    let noted: { wrapText?: boolean; height?: number } = {};
    sheet.eachRow((row) => {
      if ((row.values as unknown[]).includes("BCM-005")) noted = { wrapText: row.getCell(noteColumn.number).alignment?.wrapText, height: row.height };
    });
    expect(noted).toEqual({ wrapText: true, height: 45 });
    // On the Thursday before, no row needs the column: the list keeps the columns it had.
    expect(csr(["-C", acme, "list", "--today", "2026-12-03", "--format", "csv"], { lang: "zh-CN" }).stdout).not.toContain("期限说明");
  });

  it("comes back from csr import as it went: 期限说明 is said to be a column csr computes, and computed again the same", () => {
    const dir = copyFixture("examples/acme-auto");
    const exported = list("zh-CN", "--format", "csv");
    writeFileSync(join(dir, "list.csv"), exported);
    rmSync(join(dir, "csr"), { recursive: true });
    const imported = csr(["-C", dir, "import", "list.csv", "--as", "csr", "--today", SUNDAY, "-y"], { lang: "zh-CN" });
    expect(imported.stdout).toContain("\ncsr 生成清单时计算的列，不导入（导入后由 csr 按记录重新计算）：评审期限、剩余工作日、期限说明、截至。\n");
    expect(imported.stdout).not.toContain("未导入的列");
    // The deadlines come from the dates imported: 剩余工作日 and 期限说明 of every row come out again as they went in.
    const columns = (text: string) => {
      const lines = text.replace(/^\uFEFF/, "").split("\r\n").map((line) => line.split(","));
      const picked = ["编号", "评审期限", "剩余工作日", "期限说明"].map((heading) => lines[0]!.indexOf(heading));
      return lines.map((cells) => picked.map((i) => cells[i]).join(","));
    };
    const again = csr(["-C", dir, "list", "--format", "csv", "--today", SUNDAY], { lang: "zh-CN" }).stdout;
    expect(columns(again)).toEqual(columns(exported));
    expect(columns(again).find((row) => row.startsWith("BCM-005,"))).toBe("BCM-005,2026-12-04,0,已到期（截止 2026-12-04 周五），尚未逾期：下一个工作日 2026-12-07 起即逾期，须在此之前决定");
  });
});
