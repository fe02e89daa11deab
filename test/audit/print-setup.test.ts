/**
 * Registers as an auditor prints them: the workbook's print setup read back with exceljs and
 * through LibreOffice (which shows an autofilter only with the _FilterDatabase name), and the
 * HTML page setup. csr runs in this process (csrInProcess): what is looked at is the files and
 * messages it writes.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { copyFixture, csrInProcess, FIXTURES, ROOT, tempDir, tool, type RunResult } from "../helpers.js";

const REPO = join(FIXTURES, "audit", "registers");
const ACME = join(ROOT, "examples", "acme-auto");

describe("printed registers", () => {
  const out = tempDir();
  const file = join(out, "registers.xlsx");
  let exported: RunResult;
  beforeAll(async () => {
    exported = await csrInProcess(["-C", REPO, "export", "--out", file, "--today", "2026-11-27"], { lang: null });
  }, 120_000);

  it("prints every sheet landscape, one page wide where it reads at 70 % (else as many pages wide as it needs, the id repeated), with the header row repeated, the title in the page header, borders and the heading", async () => {
    expect(exported.code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    // The 33 columns of the CSR list and the 22 of the CSR matrix on A3, as their PDF; fitted to one A4 page they were unreadable.
    const across: Record<string, object> = {
      顾客特定要求矩阵: { paperSize: 8, fitToWidth: 2, printTitlesColumn: "A:A" },
      // With its 备注 (FORD-PKG 经评审无特定要求) beside the long publisher of GB/T 19001, the external list no longer reads at 70 % on one A4 width.
      外来文件清单: { fitToWidth: 2, printTitlesColumn: "A:C" },
      顾客特定要求清单: { paperSize: 8, fitToWidth: 2, printTitlesColumn: "A:B" },
      // Its 27 columns (each D3–D8 step's due and done date) on A3, as the CSR list's.
      纠正措施台账: { paperSize: 8, fitToWidth: 2, printTitlesColumn: "A:B" },
    };
    for (const sheet of workbook.worksheets) {
      expect(sheet.pageSetup, sheet.name).toMatchObject({ paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "2:2", ...across[sheet.name] });
      // Row 1 (the title, for the screen) is not printed: printed, it topped every page across, cut at the page's edge.
      expect(sheet.pageSetup.printArea, sheet.name).toBe(`A2:${sheet.getColumn(sheet.columnCount).letter}${sheet.rowCount}`);
      if (!across[sheet.name]) expect(sheet.pageSetup.printTitlesColumn, sheet.name).toBeUndefined();
      expect(sheet.getCell("A2").border).toMatchObject({ top: { style: "thin" }, left: { style: "thin" } });
      if (sheet.getCell("A3").value !== null) expect(sheet.getCell("A3").border).toMatchObject({ top: { style: "thin" }, left: { style: "thin" } });
      // The management review inputs are of a period (the calendar year to the day): its heading says so.
      expect(sheet.headerFooter.oddHeader).toMatch(/^&L测试汽车零部件有限公司&C&14&B.+&R.*(截至|期间：2026-01-01 至) 2026-11-27$/);
      // Each sheet numbered from its own first page: printed whole, the export's document list was pages 2–5 of 46.
      // &N would count the whole print job's pages (Excel and LibreOffice alike), so a sheet of several registers says 第 x 页 alone.
      expect(sheet.pageSetup.firstPageNumber, sheet.name).toBe(1);
      expect(sheet.headerFooter.oddFooter).toBe("&C第 &P 页");
    }
    const procedures = workbook.getWorksheet("程序文件一览表")!;
    expect(procedures.headerFooter.oddHeader).toBe("&L测试汽车零部件有限公司&C&14&B程序文件一览表（共 2 份）&R表单编号：QR-001-01 A/0 截至 2026-11-27");
    // One signature and its date a row, right-aligned in the last column: on the register's last page.
    const lastColumn = procedures.columnCount;
    expect([8, 9, 10].map((r) => procedures.getCell(r, lastColumn).value)).toEqual(["编制：________________ 日期：____________", "审核：________________ 日期：____________", "批准：________________ 日期：____________"]);
    expect(procedures.getCell(8, lastColumn).alignment).toMatchObject({ horizontal: "right" });
    expect(procedures.getCell("A8").value).toBeNull();
    // Printed two pages wide with 序号 and 编号 on each: the notes start after them, in C (in a repeated
    // column, the second page printed them cut at its edge); the signatures end the last page, in the last column:
    // in C they were signed on page 1 of 2.
    const list = workbook.getWorksheet("顾客特定要求清单")!;
    const end = list.columnCount;
    const tail = [list.rowCount - 4, list.rowCount - 2, list.rowCount - 1, list.rowCount].map((r) => [1, 2, 3, end].map((c) => list.getCell(r, c).value));
    expect(tail).toEqual([
      [null, null, expect.stringMatching(/^评审中逾期 \d+ 项；逾期作出结论 \d+ 项。/), null],
      [null, null, null, "编制：________________ 日期：____________"],
      [null, null, null, "审核：________________ 日期：____________"],
      [null, null, null, "批准：________________ 日期：____________"],
    ]);
    // A note merged across both pages was cut at the first page's edge, mid-word (look65 #4): on a sheet printed
    // two pages wide each note ends at a column within half the columns' total width, so on the first page.
    for (const name of Object.keys(across)) {
      const sheet = workbook.getWorksheet(name)!;
      const widths = Array.from({ length: sheet.columnCount }, (_, i) => sheet.getColumn(i + 1).width ?? 9);
      const half = widths.reduce((a, b) => a + b, 0) / 2;
      const merges = (sheet.model as unknown as { merges: string[] }).merges.filter((range) => Number(/\d+$/.exec(range)![0]) > 2);
      for (const range of merges) {
        const endColumn = sheet.getColumn(/:([A-Z]+)/.exec(range)![1]!).number;
        expect(widths.slice(0, endColumn).reduce((a, b) => a + b, 0), `${name} ${range}`).toBeLessThanOrEqual(half);
      }
      if (name === "顾客特定要求清单") expect(merges.length).toBeGreaterThan(0);
    }
  });

  it("gives every column of every sheet its width in the file, a width of 9 too (exceljs writes none for 9, and Excel opened it 8.43 wide)", () => {
    const files = unzipSync(readFileSync(file), { filter: (entry) => /^xl\/worksheets\/sheet\d+\.xml$/.test(entry.name) });
    const widths: string[] = [];
    for (const [name, data] of Object.entries(files)) {
      const xml = strFromU8(data);
      const spans = /<row r="2"[^>]* spans="1:(\d+)"/.exec(xml)?.[1];
      const cols = [...xml.matchAll(/<col min="(\d+)" max="(\d+)" width="([\d.]+)"/g)].map((m) => ({ min: Number(m[1]), max: Number(m[2]), width: m[3]! }));
      // One <col> after another from column 1 to the last, none left out.
      expect(cols.map((c) => c.min), name).toEqual([1, ...cols.slice(0, -1).map((c) => c.max + 1)]);
      expect(String(cols.at(-1)?.max), name).toBe(spans);
      widths.push(...cols.map((c) => c.width));
    }
    expect(widths).toContain("9");
  });

  it("numbers the pages of a register's own workbook 第 x 页 共 y 页 (Page x of y)", async () => {
    const single = join(out, "procedures.xlsx");
    const english = join(out, "procedures.en.xlsx");
    expect((await csrInProcess(["-C", REPO, "list", "procedures", "--out", single, "--today", "2026-11-27"], { lang: null })).code).toBe(0);
    expect((await csrInProcess(["-C", REPO, "list", "procedures", "--out", english, "--today", "2026-11-27"], { lang: "en" })).code).toBe(0);
    const footer = async (path: string) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(path);
      const sheet = workbook.worksheets[0]!;
      return [sheet.headerFooter.oddFooter, sheet.pageSetup.firstPageNumber, sheet.getCell(sheet.rowCount, sheet.columnCount).value];
    };
    expect(await footer(single)).toEqual(["&C第 &P 页 共 &N 页", 1, "批准：________________ 日期：____________"]);
    expect(await footer(english)).toEqual(["&CPage &P of &N", 1, "Approved by: ________________ Date: ____________"]);
  });

  it("prints a title too long to sit between the organisation and the date on a line of its own under them, so that none is printed over another", async () => {
    const path = join(out, "reviews.en.xlsx");
    expect((await csrInProcess(["-C", ACME, "list", "reviews", "--from", "2026-01-01", "--to", "2026-06-30", "--out", path, "--today", "2026-12-06"], { lang: "en" })).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    // On one line, LibreOffice printed "Jiangsu Acme Auto Parts Co., Ltd." and the centred title over each other. Each part has
    // two lines, the second as tall as the title's, since the three parts are centred on each other.
    expect(workbook.worksheets[0]!.headerFooter.oddHeader).toBe(
      "&LJiangsu Acme Auto Parts Co., Ltd.\n&14 &C\n&14&BCSR review timeliness (started 2026-01-01 to 2026-06-30; 4 in total)&RAs of 2026-12-06\n&14 ",
    );
  });

  it("keeps sheets, cells and autofilters when LibreOffice opens the workbook", async () => {
    const converted = join(out, "libreoffice");
    const profile = `file://${join(out, "profile")}`;
    const result = spawnSync("libreoffice", [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "xlsx", "--outdir", converted, file], { encoding: "utf8", timeout: 120_000 });
    expect(result.status).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(converted, "registers.xlsx"));
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["过程清单", "条款覆盖矩阵 MINI", "条款过程文件对照 MINI", "顾客清单", "顾客特定要求矩阵", "顾客特定要求清单", "评审及时性", "人员名单", "培训记录", "未完成培训", "2026年度培训计划", "程序文件一览表", "受控文件清单", "在编文件", "表单清单", "外来文件清单", "作废文件清单", "发放回收记录", "文件定期评审记录", "到期记录清单", "特殊特性符号对照表", "合格供方名录", "内部审核方案", "2026年度内部审核计划", "内部审核记录", "管理评审输入", "纠正措施台账"]);
    // LibreOffice keeps a header cell of several runs (文件/要求) as rich text.
    const text = (value: ExcelJS.CellValue) => (value !== null && typeof value === "object" && "richText" in value ? value.richText.map((run) => run.text).join("") : value);
    expect(workbook.worksheets.map((w) => text(w.getCell("B2").value))).toEqual(["过程编号", "条款名称", "条款", "顾客代码", "顾客", "编号", "编号", "id", "培训日期", "文件/要求", "计划月份", "文件名称", "层级", "层级", "表单编号", "类别", "层级", "文件编号", "文件编号", "表单编号", "顾客", "供方代码", "过程名称", "计划月份", "审核日期", "输入项", "编号"]);
    expect(workbook.worksheets.map((w) => typeof w.autoFilter === "string" ? w.autoFilter.replace(/\$/g, "").split(":")[0] : w.autoFilter)).toEqual(Array(27).fill("A2"));
  }, 130_000);

  it("lays HTML out on A4, landscape when the table is wide, with the header row repeated and the heading", async () => {
    const wide = (await csrInProcess(["-C", REPO, "list", "reviews", "--format", "html", "--today", "2026-11-27"], { lang: null })).stdout;
    expect(wide).toContain("@page { size: A4 landscape; margin: 12mm 10mm; }");
    // Twenty columns whose ids, codes and dates never wrap: wider than landscape A4.
    const crowded = (await csrInProcess(["-C", REPO, "matrix", "csr", "--format", "html", "--today", "2026-11-27"], { lang: null })).stdout;
    expect(crowded).toContain("@page { size: A3 landscape; margin: 12mm 10mm; }");
    expect(wide).toContain("thead { display: table-header-group; }");
    // The title and the heading are the first row of the header, which the print repeats on every page.
    expect(wide).toMatch(/<thead>\n<tr class="running"><th colspan="\d+"><h1>顾客特定要求评审及时性记录（共 \d+ 项）<\/h1><div class="heading"><span>测试汽车零部件有限公司<\/span><span><\/span><span>截至 2026-11-27<\/span><\/div><\/th><\/tr>\n<tr>/);
    expect(wide).not.toMatch(/<body>\n<h1>/);
    expect(wide).toContain('<div class="signatures"><span>编制：________________ 日期：____________</span><span>审核：________________ 日期：____________</span><span>批准：________________ 日期：____________</span></div>');
    // qms.yaml names the signature lines in Chinese; an English register prints the usual ones in English.
    const english = (await csrInProcess(["-C", REPO, "list", "reviews", "--format", "html", "--today", "2026-11-27"], { lang: "en" })).stdout;
    expect(english).toContain('<div class="signatures"><span>Prepared by: ________________ Date: ____________</span><span>Reviewed by: ________________ Date: ____________</span><span>Approved by: ________________ Date: ____________</span></div>');
    const narrow = (await csrInProcess(["-C", REPO, "list", "training", "--format", "html", "--today", "2026-11-27"], { lang: null })).stdout;
    expect(narrow).toContain("@page { size: A4; margin: 12mm 10mm; }");
    expect(readFileSync(file).length).toBeGreaterThan(0);
  });
});

describe("registers and layouts as PDF", () => {
  const chromium = tool("chromium");
  const pdftotext = tool("pdftotext");
  // pdftotext drops the spaces of the page footer and may break lines: text is compared without whitespace.
  const text = (pdf: string) => spawnSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).stdout.replace(/\s+/g, "");

  it.runIf(chromium && pdftotext)("prints a register with its heading, columns, notes, signature lines and 第 x 页 共 y 页", { timeout: 120_000 }, async () => {
    const out = tempDir();
    const external = join(out, "外来文件清单.pdf");
    expect(await csrInProcess(["-C", REPO, "list", "external", "--out", external, "--today", "2026-11-27"], { lang: null })).toMatchObject({ code: 0, stderr: `已写入 ${external}\n` });
    expect(readFileSync(external).subarray(0, 5).toString()).toBe("%PDF-");
    const printed = text(external);
    for (const expected of ["外来文件清单（共3份）", "测试汽车零部件有限公司", "截至2026-11-27", "发布单位", "GB/T19001-2016", "2017-03-02", "现行3份", "编制：", "批准：", "第1页共1页"]) {
      expect(printed).toContain(expected);
    }
    const xref = join(out, "xref.pdf");
    expect((await csrInProcess(["-C", REPO, "matrix", "clauses", "--style", "cross-reference", "--format", "pdf", "--out", xref, "--today", "2026-11-27"], { lang: null })).code).toBe(0);
    const matrix = text(xref);
    for (const expected of ["MINIQMS条款、过程和文件对照表", "△由上级条款继承", "覆盖率：8/13(61.5%)", "第1页共2页", "第2页共2页"]) expect(matrix).toContain(expected);
    // Page 2 says which register, whose and as of when, above the repeated header row, as page 1 does.
    const page2 = spawnSync("pdftotext", ["-f", "2", "-l", "2", "-layout", xref, "-"], { encoding: "utf8" }).stdout.replace(/\s+/g, "");
    expect(page2).toMatch(/^MINIQMS条款、过程和文件对照表测试汽车零部件有限公司截至2026-11-27序号条款条款名称/);
  });

  it.runIf(chromium && pdftotext)("wraps English text only between words, unless a word is wider than its column, and Chinese text between any two characters", { timeout: 120_000 }, async () => {
    const out = tempDir();
    const layout = async (lang: "en" | "zh-CN") => {
      const pdf = join(out, `matrix-${lang}.pdf`);
      expect((await csrInProcess(["-C", ACME, "matrix", "csr", "--format", "pdf", "--out", pdf, "--today", "2026-11-27"], { lang })).code).toBe(0);
      return spawnSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).stdout;
    };
    // The source document "Beichen Supplier Quality Requirements" in a narrow column: it printed "Requirem" / "ents".
    const english = await layout("en");
    expect(english).toMatch(/ Requirements /);
    expect(english).not.toMatch(/Requirem /);
    // The evidence of BCM-002 wraps where its column ends, inside a phrase (试 / 验的, beside the column 过程 (tester62 N8); the
    // headless shell's line may hold one character more than the browser's); with the columns 完成期限, 顾客要求日期 (DYA-002's
    // 2026-04-01) and 导入生产日期 the matrix prints in three bands, the evidence in the last. The column 链接状态 is printed: the link of
    // the superseded DYA-003 reads 已替代（2026-03-23），不计入落实 (an empty column is left out: outputs.test.ts).
    const chinese = await layout("zh-CN");
    expect(chinese).toMatch(/盐雾试(验?\n.* 验?)的实验室已停用；2家实验室的CNAS证书/);
    expect(chinese).not.toMatch(/本打印未列出/);
    // In the band 负责人 (names of two characters) is headed on two lines, 负责 above 人; 过程 follows the document's columns (notes64).
    expect(chinese).toMatch(/链接状态\s+过程\s+负责 /);
    expect(chinese).toContain("已替代（2026-03-23），不计入落实");
  });

  it.runIf(chromium && pdftotext)("breaks a long English name at its spaces, keeps a short one whole, and leaves the remarks a readable width", { timeout: 120_000 }, async () => {
    // General Affairs (administration, purchasing, documents), kept on one line, took a third of the page: the remarks printed a word a line.
    const dir = copyFixture("examples/gjb-demo");
    const qp008 = join(dir, "documents/procedures/CS_QP-008.yaml");
    writeFileSync(
      qp008,
      readFileSync(qp008, "utf8") +
        // After the example's copy 1 (研发部).
        [
          "  - {copy: 2, version: B/1, to: GEN, holder: songyy, issued_by: maxl, date: 2026-11-02, lost: {date: 2026-11-20, by: songyy, remark: Lost during the office move of the General Affairs department; replacement copy requested}}",
          "  - {copy: 3, version: B/1, to: MRO, holder: wangjd, issued_by: maxl, date: 2026-11-02}",
          "",
        ].join("\n"),
    );
    const html = (await csrInProcess(["-C", dir, "list", "distribution", "--format", "html", "--today", "2026-11-27"], { lang: "en" })).stdout;
    expect(html).toContain('<td class="name">General Affairs (administration, purchasing, documents)</td><td class="name"><span class="nobr">Song Yayun</span></td>');
    expect(html).toContain('<th class="text remarks"><span class="nobr">Remarks</span></th>');
    expect(html).toMatch(/td\.id, td\.code, td\.date, td\.number, td\.mark \{ white-space: nowrap; \}\ntd\.name \{ word-break: keep-all; \}/);
    const pdf = join(dir, "distribution.pdf");
    expect((await csrInProcess(["-C", dir, "list", "distribution", "--format", "pdf", "--out", pdf, "--today", "2026-11-27"], { lang: "en" })).code).toBe(0);
    const printed = spawnSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).stdout;
    expect(printed).not.toMatch(/General Affairs \(administration, purchasing, documents\)/);
    expect(printed).toMatch(/ Wang Jiandong /);
    // A line of the remark holds several words, not one: at least the two of its readable width (REMARKS_EM), beside the 密级 column of the GJB layouts' 内部.
    // The English register, 1,254 px on the 1,046 px page, is printed dense (33ce6306, TableView.dense): at 0.65em the remark reads four words a line.
    expect(printed).toMatch(/ Lost during the\n[^\n]* office move of the\n/);
    // Chinese names keep their one line, and the 备注 its width.
    const chinese = (await csrInProcess(["-C", dir, "list", "distribution", "--format", "html", "--today", "2026-11-27"], { lang: "zh-CN" })).stdout;
    expect(chinese).toContain('<td class="name">综合部</td><td class="name">宋雅芸</td>');
    expect(chinese).toContain("td.remarks { min-width: 6em; }");
  });
});

describe("the examples' revision records", () => {
  const chromium = tool("chromium");
  it.runIf(chromium)("record as 总页数 of the version in force the pages csr prints, so that a controlled copy does not look as if pages were missing (auditor16 F4)", { timeout: 120_000 }, async () => {
    for (const [example, ids] of [
      ["acme-auto", ["QP-015", "QM-001", "WI-009-01"]],
      ["gjb-demo", ["CS/QP-010"]],
    ] as const) {
      const out = tempDir();
      const result = await csrInProcess(["-C", join(ROOT, "examples", example), "render", ...ids, "--format", "pdf", "--out", out, "--today", "2026-11-27"], { lang: "zh-CN" });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).not.toContain("总页数");
    }
  });
});
