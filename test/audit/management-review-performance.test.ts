/**
 * What the management review inputs page shows of performance (tester80; IATF 16949 9.3.2.1): the CSRs put into production in
 * the period after the customer's date (M5: the page said 0 overdue while csr check reported DYA-002 12 working days late), and
 * the supplier performance ratings recorded with csr supplier rate (M2: 供方绩效 was among the inputs "不在本页"), with the
 * approved supplier list among the --with-details annex's sheets. On a copy of examples/acme-auto, 2026 to 2026-12-07.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtOnce, committedFixture, csr, csrInProcess } from "../helpers.js";

const DAY = "2026-12-07";

const rated = builtOnce(async () => {
  const dir = committedFixture("examples/acme-auto");
  for (const args of [
    ["supplier", "add", "RUB01", "--name", "常州橡塑材料有限公司", "--supplies", "胶管", "--commit"],
    ["supplier", "add", "MJ02", "--name", "无锡精密机加有限公司", "--supplies", "阀体", "--commit"],
    ["supplier", "rate", "RUB01", "--period", "2026-H2", "--ppm", "850", "--on-time", "91", "--disruptions", "1", "--grade", "C", "--by", "zhangli", "--date", "2026-12-05", "--commit"],
    ["supplier", "rate", "MJ02", "--period", "2026-H1", "--ppm", "20", "--grade", "A", "--by", "zhangli", "--date", "2026-07-06", "--commit"],
    // Rated before the period: not one of its ratings.
    ["supplier", "rate", "MJ02", "--period", "2025-H2", "--ppm", "35", "--grade", "B", "--by", "zhangli", "--date", "2025-12-20", "--commit"],
  ]) {
    const result = await csrInProcess(["-C", dir, ...args, "--today", DAY], { lang: "zh-CN" });
    if (result.code !== 0) throw new Error(result.stderr);
  }
  return dir;
});

interface Json {
  rows: Record<string, string | number | null>[];
}

async function page(dir: string, ...args: string[]): Promise<Json> {
  const result = await csrInProcess(["-C", dir, "list", "management-review", "--format", "json", "--today", DAY, ...args], { lang: "zh-CN" });
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as Json;
}

const pick = (table: Json, area: string) => table.rows.filter((r) => r.area === area).map((r) => [r.item, r.value, r.detail, r.source]);

describe("csr list management-review: performance", () => {
  it("counts a CSR put into production in the period after the customer's date, as csr check reports it (tester80 M5)", async () => {
    const dir = committedFixture("examples/acme-auto");
    const rows = pick(await page(dir), "顾客特定要求").slice(-2);
    expect(rows).toEqual([
      ["其中已过实施期限", 0, "", "顾客特定要求清单"],
      ["期间晚于顾客要求日期导入生产的要求", 1, "DYA-002（2026-04-20 导入生产，晚于 2026-04-01 12 个工作日）", "顾客特定要求清单"],
    ]);
    // Put into production before the period: not one of it.
    expect(pick(await page(dir, "--from", "2026-05-01"), "顾客特定要求").at(-1)).toEqual(["期间晚于顾客要求日期导入生产的要求", 0, "", "顾客特定要求清单"]);
  });

  it("lists the customer scorecards recorded in the period (tester80 M4)", async () => {
    const dir = committedFixture("examples/acme-auto");
    expect(pick(await page(dir, "--from", "2026-10-01"), "顾客绩效")).toEqual([
      ["期间登记的顾客计分卡", 2, "DYA 2026-09：PPM 41，交付准时率 97.2%，等级 B，排名 14/62，抱怨 1 次、DYA 2026-10：PPM 26，交付准时率 98.4%，等级 A，排名 8/62，抱怨 0 次", "顾客清单"],
    ]);
  });

  it("says no customer scorecard is recorded, with no sheet to annex", async () => {
    const dir = committedFixture("examples/gjb-demo");
    expect(pick(await page(dir), "顾客绩效")).toEqual([["期间登记的顾客计分卡", "—", "没有登记顾客计分卡（csr customer score），顾客绩效不在 csr 中登记", ""]]);
  });

  it("says the approved supplier list has no supplier, with no sheet to annex", async () => {
    const dir = committedFixture("examples/acme-auto");
    expect(pick(await page(dir), "供方绩效")).toEqual([["期间的供方业绩评价", "—", "合格供方名录中没有供方（csr supplier add），供方绩效不在 csr 中登记", ""]]);
  });

  it("lists the supplier ratings of the period, those at or below the action grade with their SCARs, and annexes the approved supplier list (tester80 M2)", async () => {
    const dir = await rated();
    expect(pick(await page(dir), "供方绩效")).toEqual([
      ["期间的供方业绩评价", 2, "RUB01 C（2026-H2：PPM 850，准时率 91%，顾客干扰 1）、MJ02 A（2026-H1：PPM 20）", "合格供方名录"],
      ["其中 C 级及以下", 1, "RUB01 C（2026-H2，无未关闭的SCAR）", "合格供方名录"],
    ]);
    const written = csr(["-C", dir, "list", "management-review", "--with-details", "--out", "mr.xlsx", "--today", DAY], { lang: "zh-CN" });
    expect(written.code, written.stderr).toBe(0);
    expect(written.stderr).toContain("工作簿中管理评审输入之后有 14 份明细登记表：");
    const { default: ExcelJS } = await import("exceljs");
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, "mr.xlsx"));
    const sheet = book.getWorksheet("合格供方名录");
    expect(book.worksheets.at(-1)?.name).toBe("合格供方名录");
    const cells = sheet!.getSheetValues().flatMap((r) => (Array.isArray(r) ? r.filter((v) => typeof v === "string") : []));
    expect(cells).toContain("C（2026-H2：PPM 850，准时率 91%，顾客干扰 1）");
    expect(cells.some((c) => c.includes("管理评审期间：2026-01-01 至 2026-12-07"))).toBe(true);
  });
});
