/**
 * The management review package in one workbook (tester71 Q8): `csr list management-review --with-details --out
 * <file>.xlsx` writes the 管理评审输入 page and, after it, each register its 明细见 column names, of the same period,
 * in the order the page names them, each sheet titled with the period. On a copy of examples/acme-auto, 2026 to date.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { committedFixture, csr } from "../helpers.js";

const DAY = "2026-12-06";

/** Each sheet's name and its first row's text (the title over the table). */
async function sheets(path: string): Promise<[string, string][]> {
  const { default: ExcelJS } = await import("exceljs");
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  return book.worksheets.map((sheet) => [sheet.name, [...new Set((sheet.getRow(1).values as unknown[]).filter((v) => typeof v === "string"))].join(" ")]);
}

describe("csr list management-review --with-details", () => {
  it("writes the page and the registers its 明细见 names, of the period, in one workbook", async () => {
    const dir = committedFixture("examples/acme-auto");
    const written = csr(["-C", dir, "list", "management-review", "--with-details", "--out", "mr.xlsx", "--today", DAY], { lang: "zh-CN" });
    expect(written.code, written.stderr).toBe(0);
    expect(written.stderr).toBe(
      "已写入 mr.xlsx\n工作簿中管理评审输入之后有 13 份明细登记表：顾客特定要求清单、评审及时性、纠正措施台账、变更报告、定期评审到期清单、文件定期评审记录、作废文件清单、发放回收记录、外来文件清单、内部审核记录、过程清单、培训记录、顾客清单。\n",
    );
    const book = await sheets(join(dir, "mr.xlsx"));
    expect(book.map(([name]) => name)).toEqual(["管理评审输入", "顾客特定要求清单", "评审及时性", "纠正措施台账", "变更报告", "定期评审到期清单", "文件定期评审记录", "作废文件清单", "发放回收记录", "外来文件清单", "内部审核记录", "过程清单", "培训记录", "顾客清单"]);
    const titles = new Map(book);
    expect(titles.get("管理评审输入")).toContain("管理评审输入（2026-01-01 至 2026-12-06）");
    expect(titles.get("内部审核记录")).toContain("内部审核记录（2026-01-01 至 2026-12-06；共 17 次）");
    // A register of a day says the period it is the management review's annex of.
    expect(titles.get("过程清单")).toContain("过程清单（共 15 个过程）（管理评审期间：2026-01-01 至 2026-12-06）");
  });

  it("is a workbook only, and says what it holds in English", async () => {
    const dir = committedFixture("examples/acme-auto");
    const printed = csr(["-C", dir, "list", "management-review", "--with-details", "--today", DAY], { lang: "zh-CN" });
    expect([printed.code, printed.stdout]).toEqual([2, ""]);
    expect(printed.stderr).toBe("csr: --with-details 把管理评审输入和各明细登记表写入一个工作簿：请用 --out <文件>.xlsx（或一个文件夹）。\n提示：例如：csr list management-review --with-details --out 管理评审附件.xlsx\n");
    const other = csr(["-C", dir, "list", "audits", "--with-details"]);
    expect(other.code).toBe(2);
    const english = csr(["-C", dir, "list", "management-review", "--with-details", "--from", "2026-01-01", "--to", "2026-06-30", "--out", "annex/", "--today", DAY]);
    expect(english.code, english.stderr).toBe(0);
    const book = await sheets(join(dir, "annex", "management-review-2026-01-01-2026-06-30.xlsx"));
    expect(book[0]![1]).toContain("Management review inputs (2026-01-01 to 2026-06-30)");
    expect(book.length).toBe(14);
  });
});
