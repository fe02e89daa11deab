/**
 * `csr import BOOK.xlsx --as KIND` without --sheet reads the sheet that holds that register: in a
 * workbook of the user's the one whose header row it reads; when it cannot tell, one line names the
 * sheets and says how to choose. (A whole workbook of `csr export` going back in without --sheet is
 * test/audit/csr-round-trip.test.ts.) In process: the choice is under test, not the CLI wrapper.
 */
import ExcelJS from "exceljs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importCommand } from "../../src/commands/import/index.js";
import { UserError } from "../../src/core/errors.js";
import { capture } from "../csr/fixture.js";
import { copyFixture, tempDir } from "../helpers.js";

async function workbook(sheets: Record<string, string[][]>): Promise<string> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) book.addWorksheet(name).addRows(rows);
  const path = join(tempDir(), "book.xlsx");
  await book.xlsx.writeFile(path);
  return path;
}

async function refusal(run: Promise<number>): Promise<string> {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  expect((error as UserError).hint).toBeUndefined();
  return (error as UserError).message;
}

const CSR_HEADER = ["顾客代码", "编号", "要求名称", "条款", "来源文件", "来源版本", "接收日期"];
const CSR_ROW = ["DYA", "DYA-101", "包装标签须含批次号", "IATF16949:8.5.2", "DYA-SQM", "D", "2026-03-20"];

describe("csr import --as csr without --sheet", () => {
  it("reads the one sheet whose header it reads in a workbook of the user's", async () => {
    const dir = copyFixture("examples/acme-auto");
    const book = await workbook({ 说明: [["本表由市场部维护"]], 清单: [CSR_HEADER, CSR_ROW] });
    const ctx = capture(dir);
    // The exit code follows the check of what it would write, which counts the review deadline from the real day.
    await importCommand(ctx, book, { as: "csr", dryRun: true });
    // The other sheet is named as not read (tester54b B20).
    expect(ctx.out.split("\n").slice(0, 4)).toEqual([`Reading ${book}, sheet 清单: header on row 1, data rows: 1.`, "Sheets not read: 说明.", "", "would write csr/DYA/DYA-101.yaml"]);
  });

  it("names the candidates when several sheets could be the register", async () => {
    const dir = copyFixture("examples/acme-auto");
    const book = await workbook({ 顾客特定要求清单: [CSR_HEADER, CSR_ROW], "CSR list": [CSR_HEADER, CSR_ROW] });
    expect(await refusal(importCommand(capture(dir), book, { as: "csr", dryRun: true }))).toBe(
      `${book} has several sheets that could be the CSR list: '顾客特定要求清单', 'CSR list'. Choose one with --sheet, e.g. --sheet '顾客特定要求清单'.`,
    );
    const ctx = capture(dir);
    await importCommand(ctx, book, { as: "csr", sheet: "CSR list", dryRun: true });
    expect(ctx.out.split("\n")[0]).toBe(`Reading ${book}, sheet CSR list: header on row 1, data rows: 1.`);
  });

  it("names every sheet when none is recognisably the register", async () => {
    const dir = copyFixture("examples/acme-auto");
    const book = await workbook({ 说明: [["本表由市场部维护"]], 备注: [["2026年版"]] });
    expect(await refusal(importCommand(capture(dir), book, { as: "csr", dryRun: true }))).toBe(
      `None of the 2 sheets of ${book} ('说明', '备注') is recognisably the CSR list; choose one with --sheet, e.g. --sheet '说明'.`,
    );
  });
});

describe("csr import --as documents without --sheet", () => {
  it("reads the 文件清单 sheet that csr export names its list of every status", async () => {
    const dir = copyFixture("examples/acme-auto");
    const header = ["文件编号", "文件名称", "版本", "层级"];
    // Two sheets with a header row it reads: only the sheet's name tells the register apart.
    const book = await workbook({ 记录: [header, ["QR-900-01", "领料单", "A/0", "4"]], 文件清单: [header, ["WI-900", "焊接作业指导书", "A/0", "3"]] });
    const ctx = capture(dir);
    await importCommand(ctx, book, { as: "documents", dryRun: true });
    expect(ctx.out.split("\n")[0]).toBe(`Reading ${book}, sheet 文件清单: header on row 1, data rows: 1.`);
  });
});
