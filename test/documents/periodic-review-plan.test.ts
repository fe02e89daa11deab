/**
 * The annual plan of periodic reviews (年度文件定期评审计划, tester71 Q3; IATF 16949 7.5.3, GJB 9001C 7.5.3):
 * `csr list periodic-reviews --year 2027` lists the documents falling due in that calendar year with the month planned,
 * not a count of days from the print date; for a year under way or past it is the record of the plan too, with the
 * date, reviewer and conclusion of each review made; the reviews due before the year are named in a note. On copies of
 * examples/acme-auto: twenty documents fall due on 2027-03-01, QM-001 (12 months) fell due on 2025-03-01 and was
 * revised on 2026-04-20.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { copyFixture, csr, csrInProcess } from "../helpers.js";

const DAY = "2026-12-06";

/** The rows of a CSV as cells, its BOM left out. */
function csvRows(stdout: string): string[][] {
  return stdout.replace(/^\uFEFF/, "").trim().split("\r\n").map((line) => line.split(","));
}

/** `dir` with a periodic review of `id` appended to its reviews (as csr periodic-review writes it on that day). */
function reviewed(dir: string, path: string, entry: string): void {
  const file = join(dir, path);
  const text = readFileSync(file, "utf8");
  writeFileSync(file, /^reviews:\n/m.test(text) ? text.replace(/^reviews:\n/m, `reviews:\n${entry}`) : text.replace(/^revisions:/m, `reviews:\n${entry}revisions:`));
}

describe("csr list periodic-reviews --year", () => {
  it("plans a year not yet begun: the documents falling due in it, by the month planned", async () => {
    const dir = copyFixture("examples/acme-auto");
    const plan = csr(["-C", dir, "list", "periodic-reviews", "--year", "2027", "--today", DAY, "--format", "csv"], { lang: "zh-CN" });
    expect([plan.code, plan.stderr]).toEqual([0, ""]);
    const rows = csvRows(plan.stdout);
    expect(rows[0]).toEqual(["序号", "文件编号", "文件名称", "归口部门", "版本/版次", "上次修订或评审", "周期（月）", "计划月份", "应评审日期", "负责人", "实际评审日期", "评审人", "结论"]);
    expect(rows.length - 1).toBe(25);
    expect(rows[1]).toEqual(["1", "HH-F-028", "管理评审计划", "总经办", "A/1", "2024-03-01", "36", "3 月", "2027-03-01", "王建国", "", "", ""]);
    expect(rows.at(-1)!.slice(1, 9)).toEqual(["WI-010-02", "橡胶件硫化作业指导书", "生产部", "A/1", "2025-09-22", "24", "9 月", "2027-09-22"]);
    const text = await csrInProcess(["-C", dir, "list", "periodic-reviews", "--year", "2027", "--today", DAY], { lang: "zh-CN" });
    expect(text.stdout.split("\n")[0]).toBe("2027 年度文件定期评审计划（共 25 份）");
    expect(text.stdout).not.toContain("还有");
    const english = await csrInProcess(["-C", dir, "list", "periodic-reviews", "--year", "2027", "--today", DAY, "--format", "csv"]);
    expect(csvRows(english.stdout)[1]!.slice(7, 9)).toEqual(["March", "2027-03-01"]);
  });

  it("is the record of the plan once the year is under way, and names the reviews due before it", async () => {
    const dir = copyFixture("examples/acme-auto");
    reviewed(dir, "documents/procedures/QP-003.yaml", "  - {by: wangjg, date: 2027-03-05, comment: 仍然适用}\n");
    reviewed(dir, "documents/procedures/QP-009.yaml", "  - {by: xuht, date: 2027-02-20, result: revise, comment: 抽样方案需按新版标准修订}\n");
    const plan = await csrInProcess(["-C", dir, "list", "periodic-reviews", "--year", "2027", "--today", "2027-06-30", "--format", "csv"], { lang: "zh-CN" });
    expect([plan.code, plan.stderr]).toEqual([0, ""]);
    const rows = csvRows(plan.stdout);
    const row = (id: string) => rows.find((r) => r[1] === id)!.slice(8);
    expect(row("QP-003")).toEqual(["2027-03-01", "王建国", "2027-03-05", "王建国", "继续有效"]);
    expect(row("QP-009")).toEqual(["2027-03-01", "徐海涛", "2027-02-20", "徐海涛", "需修订"]);
    expect(row("QP-005")).toEqual(["2027-03-01", "王建国", "", "", "尚未评审"]);
    // Planned from the records of 2026-12-31: QP-003's review does not move it out of the year.
    expect(rows.length - 1).toBe(25);
    const before = await csrInProcess(["-C", dir, "list", "periodic-reviews", "--year", "2026", "--today", DAY], { lang: "zh-CN" });
    expect(before.stdout).toContain("另有 1 份文件的定期评审在 2026 年之前已到期（或周期无从起算），不在本计划中：QM-001（应于 2025-03-01 评审；2026-04-20 已换版（B/1））。");
    const past = await csrInProcess(["-C", dir, "list", "periodic-reviews", "--year", "2025", "--today", DAY, "--format", "csv"]);
    expect(csvRows(past.stdout).slice(1)).toEqual([["1", "QM-001", "Quality Manual", "Quality Assurance", "B/0", "2024-03-01", "12", "March", "2025-03-01", "Wang Jianguo", "2026-04-20", "Wang Jianguo", "revised (B/1)"]]);
  });

  it("prints the company's form of the periodic review record, is written to a file per year, and takes --year alone", async () => {
    const dir = copyFixture("examples/acme-auto");
    expect(csr(["-C", dir, "organisation", "update", "--register-form", "periodic-reviews=QR-001-02"]).code).toBe(0);
    const md = await csrInProcess(["-C", dir, "list", "periodic-reviews", "--year", "2027", "--format", "md", "--today", DAY], { lang: "zh-CN" });
    expect(md.stdout.split("\n")[2]).toContain("表单编号：QR-001-02 A/0");
    const out = await csrInProcess(["-C", dir, "list", "periodic-reviews", "--year", "2027", "--today", DAY, "--format", "xlsx", "--out", "plans/"]);
    expect([out.code, out.stderr]).toEqual([0, "wrote plans/periodic-review-plan-2027.xlsx\n"]);
    expect(readFileSync(join(dir, "plans", "periodic-review-plan-2027.xlsx")).subarray(0, 2).toString()).toBe("PK");
    const both = await csrInProcess(["-C", dir, "list", "periodic-reviews", "--year", "2027", "--from", "2026-01-01"], { lang: "zh-CN" });
    expect([both.code, both.stderr]).toEqual([2, "csr: --year 列出一年的定期评审计划，--from 另有用途；请只给 --year。\n"]);
    const year = await csrInProcess(["-C", dir, "list", "periodic-reviews", "--year", "27"]);
    expect([year.code, year.stderr]).toEqual([2, "csr: --year '27' must be a four-digit year, e.g. 2027.\n"]);
    const other = csr(["-C", dir, "list", "disposals", "--year", "2027"]);
    expect(other.code).toBe(2);
  });
});
