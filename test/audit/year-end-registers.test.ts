/**
 * The year-end registers where the other registers are (helpers' notes of session 61): the process list
 * (过程清单), the records due for disposal (到期记录清单) and the management review inputs (管理评审输入),
 * each on a sheet of its own in the workbook of `csr export` and on a page of its own of `csr site`, with
 * the columns and rows `csr list processes|disposals|management-review` print, from the built binary on a
 * copy of examples/acme-auto made a git repository.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { builtOnce, committedFixture, csr, tempDir } from "../helpers.js";

const acme = builtOnce(() => committedFixture("examples/acme-auto"));
const TODAY = "2026-12-05";

/** A sheet's rows from its header row (row 2) on, each cell as the text a reader sees (a date as YYYY-MM-DD, an empty cell ""). */
function rowsOf(sheet: ExcelJS.Worksheet): string[][] {
  const rows: string[][] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) {
      const value = row.getCell(c).value;
      cells.push(value instanceof Date ? value.toISOString().slice(0, 10) : value === null || value === undefined ? "" : String(value));
    }
    rows.push(cells);
  }
  return rows;
}

/**
 * The rows of a CSV that `csr list` writes, each line's cells split at the commas outside quotes, a quoted cell unquoted
 * (the management review's 不良质量成本 detail writes 15,500 元); no cell of these registers holds a line break.
 */
const csvRows = (csv: string) =>
  csv
    .replace(/^\uFEFF/, "")
    .split("\r\n")
    .filter((line) => line !== "")
    .map((line) => [...`${line},`.matchAll(/("(?:[^"]|"")*"|[^,]*),/g)].map(([, cell]) => (cell!.startsWith('"') ? cell!.slice(1, -1).replace(/""/g, '"') : cell!)));

describe("csr export, the year-end registers", () => {
  it("has 过程清单 first, 到期记录清单 after the documented information, 管理评审输入 after the internal audits, with the cells csr list gives them", async () => {
    const dir = await acme();
    const out = join(tempDir(), "registers.xlsx");
    const result = csr(["-C", dir, "export", "--out", out, "--today", TODAY], { lang: null });
    expect(result.code).toBe(0);
    // The process list's hint on an audit interval is about working through its rows: csr list processes prints it, not csr export.
    expect(result.stderr).not.toContain("内审间隔");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    // In the order of an audit file (tester82 A6): the process list opens the context (4.4), the records due for disposal close
    // the documented information (7.5.3.2.1), the management review follows the internal audits (9.2, 9.3), the corrective actions last (10.2).
    const names = workbook.worksheets.map((w) => w.name);
    expect(names[0]).toBe("过程清单");
    expect(names.slice(names.indexOf("到期记录清单") - 1, names.indexOf("到期记录清单") + 2)).toEqual(["文件定期评审记录", "到期记录清单", "特殊特性符号对照表"]);
    expect(names.slice(-4)).toEqual(["内部审核记录", "管理评审输入", "管理评审输出跟踪表", "纠正措施台账"]);

    const processes = workbook.getWorksheet("过程清单")!;
    expect(processes.getCell("A1").value).toBe("过程清单（共 15 个过程）");
    const processRows = rowsOf(processes);
    expect(processRows[0]).toEqual(["序号", "过程编号", "过程名称", "类别", "负责部门", "过程所有者", "过程绩效指标", "对应条款", "程序文件", "其他文件", "制造过程", "上次审核", "审核结果", "审核员", "审核报告", "间隔（月）", "下次审核", "状态", "上次制造过程审核", "上次产品审核"]);
    expect(processRows[12]).toEqual(["12", "M1", "经营策划与体系管理", "管理过程", "总经办", "徐海涛", "", "4/4.1/4.2/4.3/4.3.1/4.4/4.4.1/4.4.2/5（全部条款）/6/6.1/6.1.1/6.1.2/6.1.2.1/6.1.2.2/6.2/6.2.1/6.2.2/6.2.2.1/6.3/7/7.1/7.1.1/7.4/8", "无程序文件", "QM-001", "", "2026-10-19", "符合", "赵强、李娜", "IA-2026-01", "12", "2027-10-19", "还有 318 天", "", ""]);
    expect(processRows[3]!.slice(10)).toEqual(["是", "2026-10-13", "符合", "赵强、李娜", "IA-2026-01", "12", "2027-10-13", "还有 312 天", "2026-06-17", ""]);
    expect(processes.getCell("A3").value).toBe(1);

    const disposals = workbook.getWorksheet("到期记录清单")!;
    expect(disposals.getCell("A1").value).toBe("到期记录清单（2026-12-05 前保存期满 1 批）");
    const disposalRows = rowsOf(disposals);
    expect(disposalRows.slice(0, 4)).toEqual([
      ["序号", "表单编号", "记录名称", "记录批次", "形成日期", "存放地点", "保存期限", "保存期满日", "状态", "销毁日期", "销毁方式", "批准人", "监销人", "销毁记录编号", "备注"],
      ["1", "HH-F-045", "设备日常点检表", "2022年度", "2022-12-31", "生产部各车间", "3年", "2025-12-31", "可销毁", "", "", "", "", "", ""],
      ["2", "QR-011-01", "产品追溯记录", "BX-350 壳体 2025年度", "2025-12-31", "MES系统", "北辰汽车集团有限公司：停产后15年", "", "无法计算期满日", "", "", "", "", "", "保存期限从“停产”起算，该批未登记其日期（counted_from）"],
      ["3", "HH-F-045", "设备日常点检表", "2021年度", "2021-12-31", "生产部各车间", "3年", "2024-12-31", "已销毁", "2025-01-15", "粉碎", "张丽", "陈静", "JL-XH-2025-01", ""],
    ]);
    // Real dates, as on every other sheet.
    expect(disposals.getCell("H3").value).toEqual(new Date("2025-12-31T00:00:00Z"));

    const review = workbook.getWorksheet("管理评审输入")!;
    // The period, the calendar year to the day, is in the sheet's heading, as csr list management-review prints it in a file.
    expect(review.getCell("A1").value).toBe("管理评审输入（2026-01-01 至 2026-12-05）");
    expect(review.headerFooter.oddHeader).toBe("&L江苏安迈汽车零部件有限公司&C&14&B管理评审输入（2026-01-01 至 2026-12-05）&R期间：2026-01-01 至 2026-12-05");
    const reviewRows = rowsOf(review);
    expect(reviewRows.slice(0, 7)).toEqual([
      ["序号", "输入项", "指标", "数值", "说明", "明细见"],
      // First the status of the previous management review's outputs (ISO 9001 9.3.2 a): MR-2026's, one of four done.
      ["1", "以往管理评审", "以往管理评审措施的实施情况（MR-2026，2026-11-20；截至 2026-12-05）", "1/4 已完成", "已完成 1 项，未到期 3 项，逾期 0 项", "管理评审输出跟踪表"],
      ["2", "顾客特定要求", "期间收到的顾客特定要求", "6", "BCM-004、BCM-005、DYA-004、DYA-005、DYA-006、DYA-007；顾客特定要求清单同期另列 1 项期前收到、期间重新评审的：DYA-002", "顾客特定要求清单"],
      ["3", "顾客特定要求", "期间起算的评审（轮）", "7", "", "评审及时性"],
      ["4", "顾客特定要求", "其中按期决定（轮）", "5", "", "评审及时性"],
      // BCM-005, due Friday 2026-12-04, is overdue from the Saturday: late in the rate as in 其中已逾期.
      ["5", "顾客特定要求", "其中逾期（轮，含逾期未决定）", "1", "BCM-005", "评审及时性"],
      ["6", "顾客特定要求", "评审及时率", "83.3%", "按期 5/6 轮；尚未到期 1 轮、未作结论即结束 0 轮不计入", "评审及时性"],
    ]);
    // A count is a number a spreadsheet sums, a rate text; so is the cost of poor quality, shown 35,500 (#,##0) as its detail writes money (rec82).
    expect([review.getCell("D4").value, review.getCell("D8").value]).toEqual([6, "83.3%"]);
    const cost = reviewRows.findIndex((row) => row[2]!.startsWith("期间不良质量成本"));
    expect([reviewRows[cost]![3], review.getCell(cost + 2, 4).value, review.getCell(cost + 2, 4).numFmt]).toEqual(["35500", 35500, "#,##0"]);

    // Every row and column as csr list gives it in a file .
    for (const [what, rows] of [["processes", processRows], ["disposals", disposalRows], ["management-review", reviewRows]] as const) {
      const listed = csr(["-C", dir, "list", what, "--format", "csv", "--today", TODAY], { lang: null });
      expect(listed.code, what).toBe(0);
      // The management review's CSV ends with its period (期间), which the sheet's title gives (breaker62 P10).
      const period = what === "management-review" ? 1 : 0;
      const csv = csvRows(listed.stdout);
      if (period) expect(new Set(csv.map((row) => row.at(-1))), what).toEqual(new Set(["期间", `2026-01-01 至 ${TODAY}`]));
      const cells = csv.map((row) => row.slice(0, row.length - period));
      expect(rows.slice(0, cells.length).map((row) => row.slice(0, cells[0]!.length)), what).toEqual(cells);
    }
  });
});

describe("csr site, the year-end registers", () => {
  it("has a page for each, listed among the registers, with its xlsx and csv; a process links to its page, a batch to its form's", async () => {
    const dir = await acme();
    const out = join(tempDir(), "site");
    const result = csr(["-C", dir, "site", "--out", out, "--today", TODAY], { lang: null });
    expect(result.code).toBe(0);
    const read = (path: string) => readFileSync(join(out, path), "utf8");
    const index = read("registers/index.html");
    expect(index).toContain('<a href="../registers/processes.html">过程清单（共 15 个过程）</a>');
    // The site's is due by 31 December of the year (tester71 Q2): HH-F-045's 2023年度, due 2026-12-31, is listed, not left to a note.
    expect(index).toContain('<a href="../registers/disposals.html">到期记录清单（2026-12-31 前保存期满 2 批）</a>');
    expect(index).toContain('<a href="../registers/management-review.html">管理评审输入（2026-01-01 至 2026-12-05）</a>');
    for (const name of ["processes", "disposals", "management-review"]) {
      const page = read(`registers/${name}.html`);
      expect(page, name).toContain(`href="../registers/${name}.xlsx"`);
      expect(page, name).toContain(`href="../registers/${name}.csv"`);
      expect([existsSync(join(out, "registers", `${name}.xlsx`)), existsSync(join(out, "registers", `${name}.csv`))], name).toEqual([true, true]);
    }
    const processes = read("registers/processes.html");
    expect(processes).toContain('<td class="code"><a href="../processes/C1.html">C1</a></td>');
    expect(processes).toContain('<td class="code"><a href="../processes/M1.html">M1</a></td>');
    // A process's page lists the documents its row does (procedures, then the others), HH-F-052 naming C3 among them (tester62 N12).
    const listed = csvRows(csr(["-C", dir, "list", "processes", "--format", "csv", "--today", TODAY], { lang: null }).stdout).find((row) => row[1] === "C3")!;
    const c3 = read("processes/C3.html").split("<h2>过程文件</h2>")[1]!.split("</section>")[0]!;
    // Its rows (the forms they name after them, with a note: HH-F-045, which WI-010-02 names, tester70 P12).
    const onPage = [...c3.matchAll(/<tr><td class="code"><a [^>]*>([^<]+)<\/a><\/td>.*?<td>([^<]*)<\/td><\/tr>/g)].filter((m) => m[2] === "").map((m) => m[1]!);
    expect(onPage).toEqual(["QP-010", "HH-F-052", "HH-WI-06", "WI-010-01", "WI-010-02"]);
    expect([...listed[8]!.split("、"), ...listed[9]!.split("、")].sort()).toEqual([...onPage].sort());
    const disposals = read("registers/disposals.html");
    expect(disposals.match(/<td class="code"><a href="[^"]*">[^<]*<\/a><\/td>/g)).toEqual([
      '<td class="code"><a href="../documents/HH-F-045.html">HH-F-045</a></td>',
      '<td class="code"><a href="../documents/HH-F-045.html">HH-F-045</a></td>',
      '<td class="code"><a href="../documents/QR-011-01.html">QR-011-01</a></td>',
      '<td class="code"><a href="../documents/HH-F-045.html">HH-F-045</a></td>',
    ]);
    // The site's CSV is csr list's: the rate as the percentage it is.
    // With its period, as the title of the page says it (breaker62 P10).
    expect(read("registers/management-review.csv").split("\r\n").slice(0, 7).filter((_, i) => i === 0 || i === 6)).toEqual([
      "\uFEFF序号,输入项,指标,数值,说明,明细见,期间",
      `6,顾客特定要求,评审及时率,83.3%,按期 5/6 轮；尚未到期 1 轮、未作结论即结束 0 轮不计入,评审及时性,2026-01-01 至 ${TODAY}`,
    ]);
  });
});

describe("registers.forms, the year-end registers", () => {
  it("takes a form for each (csr organisation update --register-form), whose number and version head the printed register and the sheet", async () => {
    const dir = committedFixture("examples/acme-auto");
    const set = csr(["-C", dir, "organisation", "update", "--register-form", "processes=QR-004-01", "--register-form", "disposals=QR-002-01", "--register-form", "management-review=HH-F-028", "--commit"], { lang: null });
    expect([set.code, set.stderr, set.stdout.split("\n")[0]]).toEqual([
      0,
      "",
      "已更新组织信息：登记表 processes 的表单编号：（无）→ QR-004-01；登记表 disposals 的表单编号：（无）→ QR-002-01；登记表 management-review 的表单编号：（无）→ HH-F-028。",
    ]);
    expect(readFileSync(join(dir, "qms.yaml"), "utf8")).toContain("    symbols: QR-014-01\n    gauges: QR-006-01\n    processes: QR-004-01\n    disposals: QR-002-01\n    management-review: HH-F-028\n");
    // Released forms: no config/register-form finding.
    expect(csr(["-C", dir, "check", "--format", "json", "--today", TODAY]).stdout).not.toContain("config/register-form");
    const heading = (what: string) => csr(["-C", dir, "list", what, "--format", "md", "--today", TODAY], { lang: null }).stdout.split("\n")[2];
    expect(heading("processes")).toBe("江苏安迈汽车零部件有限公司 ｜ 表单编号：QR-004-01 A/0 ｜ 截至 2026-12-05");
    expect(heading("disposals")).toBe("江苏安迈汽车零部件有限公司 ｜ 表单编号：QR-002-01 A/1 ｜ 截至 2026-12-05");
    expect(heading("management-review")).toBe("江苏安迈汽车零部件有限公司 ｜ 表单编号：HH-F-028 A/1 ｜ 期间：2026-01-01 至 2026-12-05");
    const out = join(tempDir(), "registers.xlsx");
    expect(csr(["-C", dir, "export", "--out", out, "--today", TODAY], { lang: null }).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    // With the form number the right part and the title no longer sit on one line, printed at 100 %: the title goes under them.
    expect(workbook.getWorksheet("管理评审输入")!.headerFooter.oddHeader).toBe("&L江苏安迈汽车零部件有限公司\n&14 &C\n&14&B管理评审输入（2026-01-01 至 2026-12-05）&R表单编号：HH-F-028 A/1 期间：2026-01-01 至 2026-12-05\n&14 ");
  });
});
