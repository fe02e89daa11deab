/**
 * A review whose deadline has passed (acme-auto's BCM-005, due Friday 2026-12-04, on Sunday 2026-12-06) is overdue
 * from the calendar day after it in every register and in the management review alike (tester71 Q9: the page said
 * 其中逾期 0 and 其中已逾期 1 the same day): the CSR list's 剩余工作日 holds a number (-1) in every format, a
 * spreadsheet's number cell too. A decision taken after the deadline has its words in a 期限说明 column of its own,
 * which csr import reads back as the column csr computes that it is, not as one it does not know.
 */
import { appendFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { copyFixture, csr, csrInProcess, tempDir } from "../helpers.js";

const SUNDAY = "2026-12-06";
const acme = copyFixture("examples/acme-auto");

/** acme-auto with BCM-005 decided on Saturday 2026-12-05, the day after its deadline: late by 1 working day. */
function decidedSaturday(): string {
  const dir = copyFixture("examples/acme-auto");
  const opinion = (department: string, reviewer: string) => `    - {department: ${department}, reviewer: ${reviewer}, opinion: accept, date: 2026-12-04}\n`;
  appendFileSync(join(dir, "csr", "BCM", "BCM-005.yaml"), `review:\n  opinions:\n${opinion("MKT", "sunwei")}${opinion("QA", "zhangli")}${opinion("ENG", "zhoupeng")}${opinion("PRD", "huangjun")}  decision: {disposition: must, by: xuht, date: 2026-12-05}\n`);
  return dir;
}

/** csr list of acme-auto on SUNDAY, in the worker (csrInProcess); the file's other lists keep a run of the built binary. */
async function list(lang: "zh-CN" | "en", ...args: string[]): Promise<string> {
  const result = await csrInProcess(["-C", acme, "list", ...args, "--today", SUNDAY], { lang });
  expect(result.code, result.stderr).toBe(0);
  return result.stdout;
}

describe("a review past its deadline day", () => {
  it("is overdue in the management review from the calendar day after its deadline, late in its rate alike (tester71 Q9)", async () => {
    const rows = (JSON.parse(await list("zh-CN", "management-review", "--format", "json")) as { rows: { item: string; value: string | number; detail: string }[] }).rows;
    expect(rows.find((r) => r.item === "评审及时率")).toMatchObject({ value: "83.3%", detail: "按期 5/6 轮；尚未到期 1 轮、未作结论即结束 0 轮不计入" });
    expect(rows.find((r) => r.item === "其中已逾期")).toMatchObject({ value: 1, detail: "BCM-005" });
    const english = (JSON.parse(await list("en", "management-review", "--format", "json")) as { rows: { item: string; detail: string }[] }).rows;
    expect(english.find((r) => r.item === "of which overdue")?.detail).toBe("BCM-005");
    // On the Thursday before, nothing is due yet: the detail is as it was.
    const thursday = JSON.parse((await csrInProcess(["-C", acme, "list", "management-review", "--format", "json", "--today", "2026-12-03"], { lang: "zh-CN" })).stdout) as { rows: { item: string; detail: string }[] };
    expect(thursday.rows.find((r) => r.item === "其中已逾期")?.detail).toBe("");
    expect(thursday.rows.find((r) => r.item === "评审及时率")?.detail).toBe("按期 5/5 轮；尚未到期 2 轮、未作结论即结束 0 轮不计入");
  });

  it("has -1 working days left in the CSR list, a number in CSV, JSON and the workbook", async () => {
    const csv = (await list("zh-CN", "--format", "csv")).replace(/^\uFEFF/, "").split("\r\n");
    const header = csv[0]!.split(",");
    const bcm005 = csv.find((line) => line.includes(",BCM-005,"))!.split(",");
    expect(bcm005[header.indexOf("剩余工作日")]).toBe("-1");
    // No decision was taken late: no row needs 期限说明.
    expect(header).not.toContain("期限说明");
    const json = JSON.parse(await list("en", "--format", "json")) as { rows: Record<string, unknown>[]; notes: string[] };
    expect(json.rows.find((r) => r.id === "BCM-005")).toMatchObject({ daysLeft: -1 });
    expect(json.rows.every((r) => r.daysLeft === null || typeof r.daysLeft === "number")).toBe(true);
    const book = join(tempDir(), "csr.xlsx");
    expect((await csrInProcess(["-C", acme, "list", "--today", SUNDAY, "--format", "xlsx", "--out", book], { lang: "zh-CN" })).code).toBe(0);
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
    expect(value).toBe(-1);
  });

  it("decided the day after, has its lateness in 期限说明, in the workbook a column as wide as its note", async () => {
    const dir = decidedSaturday();
    const csv = (await csrInProcess(["-C", dir, "list", "--today", SUNDAY, "--format", "csv"], { lang: "zh-CN" })).stdout.replace(/^\uFEFF/, "").split("\r\n");
    const header = csv[0]!.split(",");
    const bcm005 = csv.find((line) => line.includes(",BCM-005,"))!.split(",");
    expect([bcm005[header.indexOf("剩余工作日")], bcm005[header.indexOf("期限说明")]]).toEqual(["", "逾期 1 个工作日作出结论"]);
    const json = JSON.parse((await csrInProcess(["-C", dir, "list", "--today", SUNDAY, "--format", "json"], { lang: "en" })).stdout) as { rows: Record<string, unknown>[] };
    expect(json.rows.find((r) => r.id === "BCM-005")).toMatchObject({ daysLeft: null, deadlineNote: "decided 1 working day late" });
    const book = join(tempDir(), "csr.xlsx");
    expect(csr(["-C", dir, "list", "--today", SUNDAY, "--format", "xlsx", "--out", book], { lang: "zh-CN" }).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(book);
    const sheet = workbook.worksheets[0]!;
    // 期限说明 holds one note in 12 rows: a column as wide as it, not a third of the page for it (fmt70).
    const note = sheet.getRow(2).values as unknown[];
    const noteColumn = sheet.getColumn(note.indexOf("期限说明"));
    expect(noteColumn.width).toBe(25);
    expect(sheet.getColumn(note.indexOf("要求内容")).width).toBe(60);
    let noted: unknown;
    sheet.eachRow((row) => {
      if ((row.values as unknown[]).includes("BCM-005")) noted = row.getCell(noteColumn.number).value;
    });
    expect(noted).toBe("逾期 1 个工作日作出结论");
    // On the Thursday before, no row needs the column: the list keeps the columns it had.
    expect((await csrInProcess(["-C", acme, "list", "--today", "2026-12-03", "--format", "csv"], { lang: "zh-CN" })).stdout).not.toContain("期限说明");
  });

  it("comes back from csr import as it went: 期限说明 is said to be a column csr computes, not imported", async () => {
    const dir = decidedSaturday();
    const exported = (await csrInProcess(["-C", dir, "list", "--format", "csv", "--today", SUNDAY], { lang: "zh-CN" })).stdout;
    writeFileSync(join(dir, "list.csv"), exported);
    rmSync(join(dir, "csr"), { recursive: true });
    const imported = csr(["-C", dir, "import", "list.csv", "--as", "csr", "--today", SUNDAY, "-y"], { lang: "zh-CN" });
    expect(imported.stdout).toContain("\ncsr 生成清单时计算的列，不导入（导入后由 csr 按记录重新计算）：评审期限、剩余工作日、期限说明、截至。\n");
    expect(imported.stdout).not.toContain("未导入的列");
    // The deadlines come from the dates imported: 评审期限 and 剩余工作日 of every row come out again as they went in.
    const columns = (text: string) => {
      const lines = text.replace(/^\uFEFF/, "").split("\r\n").map((line) => line.split(","));
      const picked = ["编号", "评审期限", "剩余工作日"].map((heading) => lines[0]!.indexOf(heading));
      return lines.filter((cells) => cells[0] !== "").map((cells) => picked.map((i) => cells[i]).join(","));
    };
    const again = (await csrInProcess(["-C", dir, "list", "--format", "csv", "--today", SUNDAY], { lang: "zh-CN" })).stdout;
    expect(columns(again)).toEqual(columns(exported));
  });
});
