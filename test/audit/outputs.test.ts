/** The workbook, the HTML page, CSV safety and repository templates. */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readRegister } from "../../src/import/read.js";
import { renderTableTemplate, tableView, toCsv, toMarkdown, twoLineHeading, writeXlsx, type Table } from "../../src/report/table.js";
import { copyFixture, csr, csrInProcess, FIXTURES, makeRepo, ROOT, tempDir, tool } from "../helpers.js";

const REPO = join(FIXTURES, "audit", "registers");

async function readWorkbook(path: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  return workbook;
}

describe("csr export", () => {
  it("writes one sheet per register with a frozen header, an autofilter, widths and real dates", async () => {
    const out = join(tempDir(), "sub", "registers.xlsx");
    // On a day of 2026: a deadline counted into a year whose holiday notice csr does not ship is a hint more (calendar/year-missing).
    const result = await csrInProcess(["-C", REPO, "export", "--out", out, "--today", "2026-12-04"], { lang: null });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("");
    // Each register's hints once, for the one who runs the command, none in the workbook (tester23 F12).
    expect(result.stderr).toBe(
      `已写入 ${out}\n` +
        "要覆盖继承的条款，请在满足这些条款的文件中直接对应；如果对应上级条款即覆盖其下级条款，请在 qms.yaml 中设置 coverage.inherit_from_parent: true。\n" +
        "用 'csr list documents --status draft' 或 '--status all' 列出尚未发布的文件。\n" +
        "顾客要求认可对照表时，取得认可后用 'csr symbol approve FORD --by <认可人> --date <日期> --evidence <依据>' 登记。\n" +
        "对照表须作为受控记录时，发布其表单后用 'csr organisation update --register-form symbols=<表单编号>' 指定。\n",
    );
    const workbook = await readWorkbook(out);
    // In the order of an audit file (tester82 A6): context and planning (4–6), support (7), operation (8), performance evaluation (9), improvement (10).
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      "过程清单",
      "条款覆盖矩阵 MINI",
      "条款过程文件对照 MINI",
      "顾客清单",
      "顾客特定要求矩阵",
      "顾客特定要求清单",
      "评审及时性",
      "人员名单",
      "培训记录",
      "未完成培训",
      "2026年度培训计划",
      "程序文件一览表",
      "受控文件清单",
      "在编文件",
      "表单清单",
      "外来文件清单",
      "作废文件清单",
      "发放回收记录",
      "文件定期评审记录",
      "到期记录清单",
      "特殊特性符号对照表",
      "合格供方名录",
      "内部审核方案",
      "2026年度内部审核计划",
      "内部审核记录",
      "管理评审输入",
      "纠正措施台账",
    ]);
    const procedures = workbook.getWorksheet("程序文件一览表")!;
    // QP-005, a draft, is on 在编文件, not on the procedure list (auditor16 F24).
    expect(procedures.getCell("A1").value).toBe("程序文件一览表（共 2 份）");
    expect(procedures.getRow(2).values).toEqual([undefined, "序号", "文件名称", "文件编号", "版本/版次", "编制/修订", "审核", "批准", "发布日期", "备注"]);
    expect(procedures.getCell("B3").value).toBe("文件控制程序");
    expect(procedures.getCell("A3").value).toBe(1);
    const issued = procedures.getCell("H3");
    // 发布日期 is the current revision's date; the fixture's QP-001 takes effect nine days later (2024-03-10).
    expect(issued.value).toEqual(new Date("2024-03-01T00:00:00Z"));
    expect(issued.numFmt).toBe("yyyy-mm-dd");
    // An empty date: the draft's 发布日期 on the sheet of documents in preparation.
    const drafts = workbook.getWorksheet("在编文件")!;
    expect([drafts.getCell("C3").value, drafts.getCell("J2").value, drafts.getCell("J3").value]).toEqual(["QP-005", "发布日期", null]);
    expect(procedures.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    expect(procedures.autoFilter).toBe("A2:I2");
    // 生产过程控制程序 is 8 wide characters = 16 columns, plus 2 of padding.
    expect(procedures.getColumn(2).width).toBe(18);
    expect(procedures.getRow(2).getCell(1).font?.bold).toBe(true);
    // Data cells (numbers, text, dates, empty ones) share a style per kind: thin borders, top-aligned, wrapped only on several lines.
    const thin = { style: "thin" };
    for (const cell of [procedures.getCell("A3"), procedures.getCell("B3"), procedures.getCell("H3"), procedures.getCell("I3"), drafts.getCell("J3")]) {
      expect(cell.border).toEqual({ left: thin, right: thin, top: thin, bottom: thin });
      expect(cell.alignment).toEqual({ vertical: "top" });
    }
    expect(procedures.getCell("A3").numFmt).toBeUndefined();
    const addressed = workbook.getWorksheet("顾客特定要求清单")!.getCell("Z3");
    expect(addressed.value).toBe("QP-001 A/1 5.3 特殊特性标识\nQP-003 B/0 5.2 控制计划");
    expect(addressed.alignment).toEqual({ vertical: "top", wrapText: true });
    // A printed workbook shows every line: the row is as tall as its cell of two lines (15 points a line).
    expect(addressed.worksheet.getRow(3).height).toBe(30);
    expect(procedures.getRow(3).height).toBeUndefined();

    const clauses = workbook.getWorksheet("条款覆盖矩阵 MINI")!;
    expect(clauses.getCell("A1").value).toBe("MINI QMS 条款覆盖矩阵");
    expect(clauses.getCell("E7").value).toBe("●");
    expect(clauses.getCell("A19").value).toBe("覆盖率：8/13 (61.5%)（计每个适用的编号条款）");
    expect(clauses.getCell("E8").value).toBe("△");
  });

  it("wraps a value wider than the widest column and makes its row tall enough to print it whole", async () => {
    // A manual names every clause: 60 characters a line at most, so 170 clause numbers take several lines.
    const clauses = Array.from({ length: 170 }, (_, i) => `${Math.floor(i / 20) + 4}.${i % 20}`).join("/");
    const table: Table = { title: "受控文件清单", sheet: "受控文件清单", columns: [{ key: "number", header: "文件编号" }, { key: "clauses", header: "条款" }], rows: [{ number: "QM-001", clauses }, { number: "QP-001", clauses: "7.5" }] };
    const out = join(tempDir(), "wide.xlsx");
    await writeXlsx([table], out);
    const sheet = (await readWorkbook(out)).getWorksheet("受控文件清单")!;
    expect(sheet.getColumn(2).width).toBe(60);
    expect(sheet.getCell("B3").value).toBe(clauses);
    expect(sheet.getCell("B3").alignment).toEqual({ vertical: "top", wrapText: true });
    // ceil(width / 59 usable characters) lines of 15 points.
    expect(sheet.getRow(3).height).toBe(15 * Math.ceil(clauses.length / 59));
    expect(sheet.getCell("B4").alignment).toEqual({ vertical: "top" });
    expect(sheet.getRow(4).height).toBeUndefined();
  });

  it("writes English headers with --lang en", async () => {
    const out = join(tempDir(), "en.xlsx");
    expect((await csrInProcess(["-C", REPO, "export", "--out", out, "--lang", "en", "--today", "2026-12-04"])).code).toBe(0);
    const workbook = await readWorkbook(out);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["Processes", "Coverage MINI", "Clause xref MINI", "Customers", "CSR matrix", "CSR list", "Review timeliness", "People", "Training", "Training missing", "Training plan 2026", "Procedures", "Documents", "In preparation", "Forms", "External documents", "Obsolete documents", "Distribution", "Periodic reviews", "Records due for disposal", "Symbols", "Suppliers", "Audit programme", "Audit plan 2026", "Internal audits", "Management review", "Corrective actions"]);
    expect(workbook.getWorksheet("Forms")!.getCell("A1").value).toBe("Form register (2 in total)");
  });

  it("refuses a file name that is not .xlsx", async () => {
    const result = await csrInProcess(["-C", REPO, "export", "--out", "registers.csv"], { lang: null });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("csr: csr export 生成 Excel 工作簿：请给出以 .xlsx 结尾的文件名，或文件夹（以 / 结尾，写入其中的 registers.xlsx）（实际为 'registers.csv'）。\n");
  });

  it("a single list as xlsx needs --out", async () => {
    const result = await csrInProcess(["-C", REPO, "list", "forms", "--format", "xlsx"], { lang: null });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("csr: --format xlsx 生成二进制工作簿；请用 --out FILE.xlsx 指定要写入的文件。\n");
    expect(result.stdout).toBe("");
  });

  it("never puts output among the repository's data, never replaces a file without --force, and needs a known extension", async () => {
    const dir = copyFixture("test/fixtures/audit/registers");
    const qms = readFileSync(join(dir, "qms.yaml"), "utf8");
    expect(await csrInProcess(["-C", dir, "list", "procedures", "--out", "qms.yaml", "--format", "md"], { lang: null })).toMatchObject({
      code: 2,
      stderr: "csr: --out qms.yaml 位于仓库的数据之中；生成的输出请写到单独的文件夹，例如 out/。\n",
    });
    expect((await csrInProcess(["-C", dir, "matrix", "clauses", "--out", "documents/QP-001.md"], { lang: null })).stderr).toBe(
      "csr: --out documents/QP-001.md 位于仓库的数据之中；生成的输出请写到单独的文件夹，例如 out/。\n",
    );
    expect((await csrInProcess(["-C", dir, "export", "--out", ".git/registers.xlsx"], { lang: null })).code).toBe(2);
    expect((await csrInProcess(["-C", dir, "list", "forms", "--out", "out/forms.txt"], { lang: null })).stderr).toBe(
      "csr: 无法从扩展名判断 --out out/forms.txt 的格式；请将文件命名为 .md、.html、.csv、.json、.xlsx 或 .pdf，或者给出 --format；要写入文件夹，请以 / 结尾。\n",
    );
    // A format the extension contradicts would write a PDF named .xlsx (tester18 F9); .htm is html.
    expect(csr(["-C", dir, "list", "procedures", "--out", "out/p.xlsx", "--format", "pdf"], { lang: null })).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --out out/p.xlsx 的扩展名表示 xlsx，与 --format pdf 不一致；请去掉 --format，或改用 .pdf 结尾的文件名。\n",
    });
    expect((await csrInProcess(["-C", dir, "matrix", "csr", "--out", "out/m.csv", "--format", "table"], { lang: "en" })).stderr).toBe(
      "csr: --out out/m.csv ends in .csv, which is not --format table; leave out --format, or name a .txt file.\n",
    );
    expect(existsSync(join(dir, "out"))).toBe(false);
    expect((await csrInProcess(["-C", dir, "list", "forms", "--out", "out/forms.htm", "--format", "html"], { lang: null })).code).toBe(0);
    expect(await csrInProcess(["-C", dir, "list", "forms", "--out", "out/forms.md"], { lang: null })).toMatchObject({ code: 0, stderr: "已写入 out/forms.md\n" });
    expect((await csrInProcess(["-C", dir, "list", "forms", "--out", "out/forms.md"], { lang: null })).code).toBe(2);
    expect((await csrInProcess(["-C", dir, "list", "forms", "--out", "out/forms.md", "--force"], { lang: null })).code).toBe(0);
    expect(readFileSync(join(dir, "qms.yaml"), "utf8")).toBe(qms);
  });

  it("reports a path it cannot write to in one line, without a stack trace", async () => {
    const blocker = join(tempDir(), "not-a-folder");
    writeFileSync(blocker, "");
    const result = await csrInProcess(["-C", REPO, "list", "forms", "--out", join(blocker, "forms.md")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^csr: Could not write .*forms\.md: .*; it is unchanged\.\nhint: Check the path, free disk space and permissions, then run the command again\.\n$/);
  });

  it("a single list goes to the format of the --out extension", async () => {
    const out = join(tempDir(), "forms.xlsx");
    expect((await csrInProcess(["-C", REPO, "list", "forms", "--out", out], { lang: null })).code).toBe(0);
    const workbook = await readWorkbook(out);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["表单清单"]);
    expect(workbook.worksheets[0]!.getCell("C4").value).toBe("首件检验记录");
  });
});

describe("html", () => {
  it("is a self-contained page with every value escaped", async () => {
    const result = await csrInProcess(["-C", REPO, "matrix", "csr", "--format", "html"], { lang: null });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^<!DOCTYPE html>\n<html lang="zh-CN">/);
    expect(result.stdout).toContain("<style>");
    expect(result.stdout).not.toMatch(/<script|<link|src=/);
    expect(result.stdout).toContain('<td class="prose">包装标签 &lt;Label&gt; &amp; &quot;条码&quot;</td>');
    expect(result.stdout).not.toContain("<Label>");
    // A crowded table's heading is printed on at most two lines, each kept whole.
    expect(result.stdout).toContain('<th class="prose"><span class="nobr">要求</span><wbr><span class="nobr">摘要</span></th>');
  });

  it("breaks a list only after its separators and never inside a document number or a tag", async () => {
    const table: Table = { title: "t", sheet: "t", columns: [{ key: "docs", header: "文件", kind: "list" }], rows: [{ docs: "QM-001/QP-002、WI-010-01；A&B" }] };
    expect(await renderTableTemplate(table, "html")).toContain(
      '<td class="list"><span class="nobr">QM-001</span>/<wbr><span class="nobr">QP-002</span>、<wbr><span class="nobr">WI-010-01</span>；<wbr>A&amp;B</td>',
    );
  });

  it("keeps a version whole with the document number before it, and a list of versions breaks only between them (tester62 N18)", async () => {
    const table: Table = {
      title: "t",
      sheet: "t",
      columns: [
        { key: "versions", header: "版本", kind: "list" },
        { key: "clauses", header: "条款", kind: "list" },
        { key: "evidence", header: "证据" },
      ],
      rows: [{ versions: "QM-001 B/1、QR-012-02 A/1；A/2 待实施（2026-12-20）", clauses: "8.3.2.3/8.4.2.3.1", evidence: "QP-013 A/2、QR-013-01 A/1已发布，N/A 不变" }],
    };
    const html = await renderTableTemplate(table, "html");
    // "QP-013 A/" over "2" read as two things: the "/" of a version is no separator of the list.
    expect(html).toContain(
      '<td class="list"><span class="nobr">QM-001 B/1</span>、<wbr><span class="nobr">QR-012-02 A/1</span>；<wbr><span class="nobr">A/2</span> 待实施（<span class="nobr">2026-12-20</span>）</td>',
    );
    // A clause list still breaks after its "/".
    expect(html).toContain('<td class="list">8.3.2.3/<wbr>8.4.2.3.1</td>');
    expect(html).toContain('<td class="text"><span class="nobr">QP-013 A/2</span>、<span class="nobr">QR-013-01 A/1</span>已发布，N/A 不变</td>');
  });

  it("prints a crowded table's headings on at most two lines, leaves out columns empty in every row and says so, and keeps the notes and signatures with the last row", async () => {
    const columns = [
      ...Array.from({ length: 18 }, (_, i) => ({ key: `c${i}`, header: `列${i}`, kind: "code" as const })),
      { key: "days", header: "剩余工作日", kind: "number" as const },
      { key: "record", header: "评审记录编号", kind: "list" as const },
      { key: "reason", header: "Reason for delay" },
      { key: "title", header: "要求名称" },
    ];
    const row = Object.fromEntries(columns.map((c) => [c.key, c.key === "record" || c.key === "reason" ? "" : "值"]));
    const table: Table = { title: "t", sheet: "t", columns, rows: [row, { ...row, days: null }], notes: ["共 2 项"], heading: { organisation: "o", form: "", asOf: "", signatures: ["编制"], date: "日期", pageOf: "第 {page} 页 共 {pages} 页", page: "第 {page} 页", separator: " ｜ ", colon: "：", gap: "　" } };
    const html = await renderTableTemplate(table, "html");
    expect(html).toContain('<th class="number"><span class="nobr">剩余</span><wbr><span class="nobr">工作日</span></th>');
    expect(html).toContain('<th class="text"><span class="nobr">要求</span><wbr><span class="nobr">名称</span></th>');
    const headings = [...html.matchAll(/<th[^>]*>(.*?)<\/th>/g)].map((m) => m[1]).join(" ");
    expect(headings).not.toMatch(/评审|Reason/);
    // Twenty columns, and the row over them that holds the title and heading.
    expect(html.match(/<th /g)).toHaveLength(21);
    expect(html).toContain('<tr class="running"><th colspan="20"><h1>t</h1><div class="heading"><span>o</span><span></span><span></span></div></th></tr>');
    // The page is still the full table's (A3); the note names what was left out.
    expect(html).toContain("@page { size: A3 landscape;");
    expect(html).toMatch(/<tr class="tail"><td colspan="20">[^]*<p>共 2 项<\/p>\n<p>以下各列在每一行中均为空，本打印未列出：评审记录编号、Reason for delay<\/p>[^]*编制：[^]*<\/td><\/tr>\n<\/tbody>/);
    // Markdown and the other formats keep every column.
    expect(await renderTableTemplate(table, "md")).toContain("评审记录编号");
    expect(await renderTableTemplate(table, "html", { lang: "en" })).toContain("Columns empty in every row, left out of this print: 评审记录编号, Reason for delay");
    expect(twoLineHeading("Working days left")).toBe('<span class="nobr">Working</span> <span class="nobr">days left</span>');
    expect(twoLineHeading("换版重评日期")).toBe('<span class="nobr">换版重</span><wbr><span class="nobr">评日期</span>');
    expect(twoLineHeading("序号")).toBe('<span class="nobr">序号</span>');
    // Never a line that starts with closing punctuation or ends with an opening bracket.
    expect(twoLineHeading("设计（APQP）")).toBe('<span class="nobr">设计</span><wbr><span class="nobr">（APQP）</span>');
  });

  /** Each printed band of a register's HTML: its heading over the header row, and its columns' headings. */
  function printedBands(html: string): { part: string; columns: string[] }[] {
    const plain = (s: string) => s.replace(/<[^>]+>/g, "");
    return [...(html.split('<div class="bands">')[1] ?? "").matchAll(/<table class="band">([^]*?)<\/table>/g)].map(([, band]) => ({
      part: plain(/<tr class="band"><th colspan="\d+">(.*?)<\/th><\/tr>/.exec(band!)![1]!.replace("</span>", " / ")),
      columns: [...band!.matchAll(/<th class="[a-z]+">(.*?)<\/th>/g)].map((m) => plain(m[1]!)),
    }));
  }

  it("prints the CSR list in bands of columns, the identifying columns repeated in each, and shows the whole table on a screen", async () => {
    const args = ["-C", join(ROOT, "examples", "acme-auto"), "list", "csr", "--format", "html", "--today", "2026-11-27"];
    const html = (await csrInProcess(args, { lang: null })).stdout;
    expect(printedBands(html)).toEqual([
      { part: "第 1 部分（共 3 部分）：标识与要求", columns: ["序号", "编号", "顾客代码", "顾客名称", "来源文件", "来源版本", "章节", "条款", "要求名称", "要求内容", "类别"] },
      {
        part: "顾客特定要求清单（共 12 项）（续） / 第 2 部分（共 3 部分）：评审与决定",
        columns: ["序号", "编号", "顾客代码", "接收日期", "换版重评日期", "评审期限", "剩余工作日", "处置", "决定人", "决定日期", "处置理由", "评审记录编号", "评审组长"],
      },
      {
        part: "顾客特定要求清单（共 12 项）（续） / 第 3 部分（共 3 部分）：实施、验证与状态",
        columns: ["序号", "编号", "顾客代码", "负责人", "完成期限", "顾客要求日期", "实施状态", "落实文件", "导入生产日期", "实施证据", "验证人", "验证日期", "发放", "培训", "替代日期", "替代原因", "替代要求", "状态"],
      },
    ]);
    // Every band has every row, each row under its number, id and customer.
    const bands = html.split('<div class="bands">')[1]!.split('<table class="band">').slice(1);
    for (const band of bands) expect([...band.matchAll(/<tr><td class="number">(\d+)<\/td><td class="id">([^<]+)<\/td><td class="code">([A-Z]+)<\/td>/g)].map((m) => m.slice(1).join(" ")).slice(0, 2)).toEqual(["1 BCM-001 BCM", "2 BCM-002 BCM"]);
    for (const band of bands) expect(band.match(/<tr><td class="number">/g)).toHaveLength(12);
    // The heading over every band (in its header, repeated on every page), the title over the first (the
    // others continue it); the notes, the columns left out and the signature lines under the last. One more for the screen's table.
    expect(bands.map((band) => [band.includes('<div class="heading"><span>江苏安迈汽车零部件有限公司</span>'), band.includes("<h1>")])).toEqual([
      [true, true],
      [true, false],
      [true, false],
    ]);
    expect(html.match(/<div class="heading">/g)).toHaveLength(4);
    expect(bands.map((band) => [band.includes("以下各列在每一行中均为空，本打印未列出：逾期原因"), band.includes('<div class="signatures">')])).toEqual([
      [false, false],
      [false, false],
      [true, true],
    ]);
    // The screen shows the whole table (the columns empty in every row left out, as printed); a PDF has only the bands.
    expect(html).toContain("@media screen { .bands { display: none; } }");
    const screen = html.split('<div class="screen">')[1]!.split('<div class="bands">')[0]!;
    expect(screen.match(/<th /g)).toHaveLength(36 + 1);
    const english = (await csrInProcess(args, { lang: "en" })).stdout;
    expect(printedBands(english).map((b) => b.part)).toEqual([
      "Part 1 of 4: Identification and requirement",
      "Customer-specific requirements list (12 in total) (continued) / Part 2 of 4: Review and decision",
      "Customer-specific requirements list (12 in total) (continued) / Part 3 of 4: Implementation, verification and status",
      // The English heads and cells are wider: with Distributed and Training (tester55 C5) the last group takes two bands, as on the site.
      "Customer-specific requirements list (12 in total) (continued) / Part 4 of 4: Implementation, verification and status",
    ]);
  });

  it("prints a customer's CSR matrix with each requirement's text and 处置理由 in its first part, one row per requirement in the first two parts, the review's listing the documents and sections that address it (tester74 T13)", async () => {
    const args = ["-C", join(ROOT, "examples", "acme-auto"), "matrix", "csr", "--customer", "DYA", "--format", "html", "--today", "2026-12-04"];
    const html = (await csrInProcess(args, { lang: null })).stdout;
    expect(printedBands(html).map((band) => band.columns.join(" "))).toEqual([
      "编号 顾客 来源文件 版本 来源章节 条款 要求摘要 要求内容 处置 处置理由",
      "编号 顾客 起算日期 评审期限 决定日期 及时性 落实文件",
      "编号 顾客 落实文件 落实章节 现行版本 文件名称 链接状态 过程 负责人 完成期限 顾客要求日期 导入生产日期 状态 证据",
    ]);
    const plain = (s: string) => s.replace(/<br>/g, "\n").replace(/<[^>]+>/g, "");
    const rows = (band: string) => [...band.matchAll(/<tr><td class="id">([^<]+)<\/td>([^]*?)<\/tr>/g)].map(([, id, cells]) => ({ id: id!, cells: [...cells!.matchAll(/<td class="[^"]*">([^]*?)<\/td>/g)].map((m) => plain(m[1]!)) }));
    const [requirement, review, addressed] = html.split('<div class="bands">')[1]!.split('<table class="band">').slice(1).map(rows);
    // DYA-001 is addressed in three documents: one row in the first two parts, three in the third.
    expect([requirement, review, addressed].map((band) => band!.filter((row) => row.id === "DYA-001").length)).toEqual([1, 1, 3]);
    expect(requirement!.map((row) => row.id)).toEqual(["DYA-004", "DYA-002", "DYA-006", "DYA-005", "DYA-003", "DYA-001", "DYA-007"]);
    expect(review!.map((row) => row.id)).toEqual(requirement!.map((row) => row.id));
    // The requirement's text whole, and the reason of the one not met as written with the alternative agreed.
    const dya005 = requirement!.find((row) => row.id === "DYA-005")!.cells;
    expect(dya005.slice(-4)).toEqual([
      "每批交付随附第三方实验室爆破试验报告",
      "每一交付批次须随附具有CNAS认可的第三方实验室出具的制动软管爆破压力试验报告。",
      "不合理（按商定替代方案满足）",
      expect.stringMatching(/^逐批第三方爆破试验周期约5天、费用高，无法满足JIT交付，且内部实验室已按实验室范围每批抽检爆破压力。\n替代方案：每年一次由CNAS认可的第三方实验室/),
    ]);
    expect(review!.find((row) => row.id === "DYA-001")!.cells).toEqual(["东岳汽车股份有限公司", "2025-02-10", "2025-02-24", "2025-02-17", "按期", "QP-014 5.2 符号转换\nWI-010-01 3 质量要求\nQR-014-01"]);
    expect(review!.find((row) => row.id === "DYA-005")!.cells.at(-1)).toBe("QP-006 5.4 内部实验室\nQP-006 5.5 外部实验室");
    // Addressed nowhere yet: an empty cell, not a row left out.
    expect(review!.find((row) => row.id === "DYA-007")!.cells.at(-1)).toBe("");
    // The screen's whole table, the workbook and the CSV keep a row per place, with the same columns but the review's list.
    const screen = html.split('<div class="screen">')[1]!.split('<div class="bands">')[0]!;
    expect(screen.match(/<td class="id">DYA-001<\/td>/g)).toHaveLength(3);
    const csv = (await csrInProcess([...args.slice(0, -4), "--format", "csv", "--today", "2026-12-04"], { lang: null })).stdout;
    expect(csv.replace(/^\ufeff/, "").split("\r\n")[0]).toBe("编号,顾客,来源文件,版本,来源章节,条款,要求摘要,要求内容,处置,处置理由,起算日期,评审期限,决定日期,及时性,落实文件,落实章节,现行版本,文件名称,链接状态,过程,负责人,完成期限,顾客要求日期,导入生产日期,状态,证据,截至");
    expect(csv.split("\r\n").filter((line) => line.startsWith("DYA-001,"))).toHaveLength(3);
  });

  it("prints a crowded table whole while it fits its page, else in bands as wide as fit, by its groups or, without any, by width", async () => {
    const row = (value: string) => ({ no: 1, id: "BCM-001", ...Object.fromEntries(Array.from({ length: 22 }, (_, i) => [`c${i}`, value])) });
    const columns: Table["columns"] = [
      { key: "no", header: "序号", kind: "number" },
      { key: "id", header: "编号", kind: "id" },
      ...Array.from({ length: 22 }, (_, i) => ({ key: `c${i}`, header: `列${i}` })),
    ];
    const short: Table = { title: "t", sheet: "t", columns, rows: [row("追溯")] };
    expect(tableView(short, "zh-CN", true).bands).toBeUndefined();
    // 22 text columns of a readable six characters a line: 141 ems, more than an A3 page at 0.65em leaves to share (135).
    const long: Table = { ...short, rows: [row("成品批次须可追溯至原材料批次")] };
    const parts = (table: Table, lang = "zh-CN") => tableView(table, lang, true).bands?.map((b) => [b.part, b.columns.map((c) => c.key).join(" ")]);
    expect(parts(long)).toEqual([
      ["第 1 部分（共 2 部分）", "no id c0 c1 c2 c3 c4 c5 c6 c7 c8 c9 c10 c11 c12 c13 c14"],
      ["第 2 部分（共 2 部分）", "no id c15 c16 c17 c18 c19 c20 c21"],
    ]);
    // Groups: each its own band; a group too wide for one is cut, its title on each; the repeated columns as the table names them.
    const grouped: Table = { ...long, banding: { repeat: ["id"], groups: [{ title: "甲", from: "c0" }, { title: "乙", from: "c2" }] } };
    expect(parts(grouped, "en")).toEqual([
      ["Part 1 of 3: 甲", "no id c0 c1"],
      ["Part 2 of 3: 乙", "id c2 c3 c4 c5 c6 c7 c8 c9 c10 c11 c12 c13 c14 c15 c16"],
      ["Part 3 of 3: 乙", "id c17 c18 c19 c20 c21"],
    ]);
    // Without rows there is nothing to read across pages, and the screen copy is left out of a PDF.
    expect(tableView({ ...long, rows: [] }, "zh-CN", true).bands).toBeUndefined();
    const pdf = await renderTableTemplate(long, "html", { printOnly: true });
    expect(pdf).not.toContain('<div class="screen">');
    expect(pdf.match(/<table class="band">/g)).toHaveLength(2);
  });

  /** The review-timeliness register (14 columns, landscape A4): long source titles, one late reason, remarks empty. */
  function reviewRegister(rows: number, reason: string): Table {
    const columns: Table["columns"] = [
      { key: "no", header: "序号", kind: "number" },
      { key: "id", header: "编号", kind: "id" },
      { key: "customer", header: "顾客", kind: "name" },
      { key: "source", header: "来源文件" },
      { key: "revision", header: "版本", kind: "code" },
      { key: "startKind", header: "起算", kind: "code" },
      { key: "start", header: "起算日期", date: true },
      { key: "due", header: "评审期限", date: true },
      { key: "decided", header: "决定日期", date: true },
      { key: "decidedBy", header: "决定人", kind: "name" },
      { key: "used", header: "用时（工作日）", kind: "number" },
      { key: "verdict", header: "及时性", kind: "code" },
      { key: "reason", header: "逾期原因" },
      { key: "remark", header: "备注" },
    ];
    const row = (i: number) => ({ no: i + 1, id: `BCM-00${i + 1}`, customer: "北辰汽车集团有限公司", source: "BCM-SQR 北辰汽车供应商质量要求及生产件批准程序手册", revision: "V2.0", startKind: "接收", start: "2025-09-08", due: "2025-09-22", decided: "2025-09-26", decidedBy: "徐海涛", used: 14, verdict: i === 1 ? "逾期" : "按期", reason: i === 1 ? reason : "", remark: "" });
    return { title: "顾客特定要求评审及时性记录", sheet: "t", columns, rows: Array.from({ length: rows }, (_, i) => row(i)) };
  }

  it("gives the free-text columns of every printed register widths by what they hold: a late reason beside long titles reads six characters a line, not three", async () => {
    const table = reviewRegister(5, "等待研发部确认图纸系统");
    const view = tableView(table, "zh-CN", true);
    expect([view.wide, view.crowded, view.sized]).toEqual([true, false, true]);
    // Each free-text column starts at a readable six characters (its longest line if shorter, 备注 its heading), the
    // rest of the 81 ems of landscape A4 after the columns that never wrap goes where it shortens the rows.
    expect(view.columns.map((c) => c.width ?? "")).toEqual(["", "", "", "17.3%", "", "", "", "", "", "", "", "", "8.4%", "4.7%"]);
    const html = await renderTableTemplate(table, "html");
    expect(html).toContain('<table class="sized">\n<colgroup><col><col><col><col style="width: 17.3%"><col><col><col><col><col><col><col><col><col style="width: 8.4%"><col style="width: 4.7%"></colgroup>');
    // Those widths alone: the minimums per kind (td.text 3em) are for a table left to the browser.
    expect(html).toContain("table.sized td.text, table.sized td.prose { min-width: 0; width: auto; }");
    // A heading breaks between its words, a bracketed part on a line of its own; up to four characters it stays whole.
    expect(html).toContain('<th class="text"><span class="nobr">逾期原因</span></th>');
    expect(html).toContain('<th class="number"><span class="nobr">用时</span><wbr><span class="nobr">（工作日）</span></th>');
    expect(twoLineHeading("本公司符号", 8)).toBe('<span class="nobr">本公司</span><wbr><span class="nobr">符号</span>');
    expect(twoLineHeading("编制/修订", 8)).toBe('<span class="nobr">编制/</span><wbr><span class="nobr">修订</span>');
    // Every value on one line: the browser's own layout gives each column its line and shares out the rest.
    const roomy = { ...table, columns: table.columns.filter((c) => ["no", "id", "verdict", "reason"].includes(c.key)) };
    expect(tableView(roomy, "zh-CN", true).sized).toBe(false);
    const left = await renderTableTemplate(roomy, "html");
    expect(left).toContain("<table>\n");
    expect(left).not.toContain("<colgroup>");
    // Markdown is not printed: no widths.
    expect(tableView(table, "zh-CN", false).sized).toBe(false);
  });

  it("prints a check-mark column's code in its header and names it in a legend under the table", async () => {
    const table: Table = {
      title: "t",
      sheet: "t",
      columns: [
        { key: "n", header: "条款", kind: "id" },
        { key: "p", header: "C2 产品和过程设计开发（APQP）", short: "C2", kind: "mark" },
        { key: "d", header: "QP-001 文件控制程序", short: "QP-001", kind: "mark" },
      ],
      rows: [{ n: "4.1", p: "●", d: "" }],
    };
    const html = await renderTableTemplate(table, "html");
    expect(html).toContain('<th class="mark" title="C2 产品和过程设计开发（APQP）">C2</th><th class="mark" title="QP-001 文件控制程序">QP-001</th>');
    expect(html).toContain('<div class="legend">表头代号：\n<ul><li>C2 产品和过程设计开发（APQP）</li><li>QP-001 文件控制程序</li></ul>');
    // Markdown names each column in its header.
    expect(await renderTableTemplate(table, "md")).toContain("| C2 产品和过程设计开发（APQP） | QP-001 文件控制程序 |");
  });
});

describe("csv", () => {
  it("neutralises formulas, keeps the BOM and quotes what needs quoting", async () => {
    const table: Table = {
      title: "t",
      sheet: "t",
      columns: [
        { key: "a", header: "A" },
        { key: "b", header: "B" },
      ],
      rows: [
        { a: "=HYPERLINK(\"x\")", b: -5 },
        { a: "@SUM(1)", b: "a,b" },
        { a: "+1", b: "多行\n文本" },
        // A tab or a carriage return before a formula too (tester49's hardening note).
        { a: "\t=1+1", b: "\r=3+3" },
      ],
    };
    // +1 is a number to a spreadsheet: written as the text formula ="+1", which shows +1 and runs nothing.
    expect(toCsv(table)).toBe('\ufeffA,B\r\n"\'=HYPERLINK(""x"")",-5\r\n\'@SUM(1),"a,b"\r\n"=""+1""","多行\n文本"\r\n\'\t=1+1,"\'\r=3+3"\r\n');
  });

  /** Text a spreadsheet would show otherwise, with what csr writes for it; csr import reads each back as it was. */
  const SPREADSHEET_TEXT: [string, string][] = [
    ["1.0", '"=""1.0"""'],
    ["8.10", '"=""8.10"""'],
    ["007", '"=""007"""'],
    ["2", '"=""2"""'],
    ["-1", '"=""-1"""'],
    ["1e5", '"=""1e5"""'],
    // A percentage is read as that percentage (0.5 shown as 50%): written as it is (breaker61 M13).
    ["50%", "50%"],
    ["85.7%", "85.7%"],
    ["+50%", '"=""+50%"""'],
    ["1,000", '"=""1,000"""'],
    ["1/2", '"=""1/2"""'],
    ["8-1", '"=""8-1"""'],
    ["2026-03-01", '"=""2026-03-01"""'],
    ["2026年3月1日", '"=""2026年3月1日"""'],
    ["3-Jan", '"=""3-Jan"""'],
    ["9:30", '"=""9:30"""'],
    ["TRUE", '"=""TRUE"""'],
    ["=1+1", "'=1+1"],
    ["'=1+1", "''=1+1"],
    ['="1.0"', '"\'=""1.0"""'],
    ["'1.0", "'1.0"],
    ["8.5.2", "8.5.2"],
    ["A/0", "A/0"],
    ["QR-001-02", "QR-001-02"],
    ["R&amp;D", "R&amp;D"],
  ];

  it("writes text a spreadsheet would read as a number or a date as the formula =\"…\", whose value is the text; a date column's dates stay dates", async () => {
    const table: Table = {
      title: "t",
      sheet: "t",
      columns: [
        { key: "text", header: "Text" },
        { key: "date", header: "Date", date: true },
        { key: "number", header: "No." },
      ],
      rows: SPREADSHEET_TEXT.map(([text]) => ({ text, date: "2026-03-01", number: 7 })),
    };
    const csv = toCsv(table);
    expect(csv.slice(1).split("\r\n")).toEqual(["Text,Date,No.", ...SPREADSHEET_TEXT.map(([, written]) => `${written},2026-03-01,7`), ""]);
    const file = join(tempDir(), "t.csv");
    writeFileSync(file, csv);
    expect((await readRegister(file)).rows.map((r) => r.cells[0])).toEqual(["Text", ...SPREADSHEET_TEXT.map(([text]) => text)]);
  });

  const libreoffice = tool("libreoffice");
  it.runIf(libreoffice)("LibreOffice opens csr list's CSV with each text as it is: a version 1.0 stays 1.0", async () => {
    const dir = tempDir();
    const file = join(dir, "csr.csv");
    const bcm = join(ROOT, "examples", "acme-auto");
    expect((await csrInProcess(["-C", bcm, "list", "csr", "--customer", "BCM", "--today", "2026-11-27", "--out", file], { lang: "en" })).code).toBe(0);
    const profile = `file://${join(dir, "profile")}`;
    // The CSV filter's options as its dialog gives them for a UTF-8 file: comma-separated, "-quoted, UTF-8 (76), from line 1.
    const result = spawnSync("libreoffice", [`-env:UserInstallation=${profile}`, "--headless", "--infilter=CSV:44,34,76,1", "--convert-to", "xlsx", "--outdir", dir, file], { encoding: "utf8", timeout: 240_000 });
    expect(result.status).toBe(0);
    const sheet = (await readWorkbook(join(dir, "csr.xlsx"))).worksheets[0]!;
    const column = (header: string) => (sheet.getRow(1).values as ExcelJS.CellValue[]).indexOf(header);
    const row = (id: string) => sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(column("ID")).value === id)!;
    expect(row("BCM-005").getCell(column("Source revision")).text).toBe("1.0");
    expect(row("BCM-005").getCell(column("Source revision")).type).toBe(ExcelJS.ValueType.Formula);
  }, 250_000);
  it.runIf(libreoffice)("LibreOffice reads the management review's 评审及时率 in csr list's CSV as the percentage it is, not a formula (breaker61 M13)", async () => {
    const dir = tempDir();
    const file = join(dir, "management-review.csv");
    const acme = join(ROOT, "examples", "acme-auto");
    // On the Thursday before BCM-005's deadline (Friday 2026-12-04), while every review judged was on time.
    expect((await csrInProcess(["-C", acme, "list", "management-review", "--today", "2026-12-03", "--out", file], { lang: null })).code).toBe(0);
    // Row 1 is the status of the previous management review's outputs (management-reviews.yaml).
    const line = readFileSync(file, "utf8").split("\r\n")[6];
    expect(line).toBe("6,顾客特定要求,评审及时率,100%,按期 5/5 轮；尚未到期 2 轮、未作结论即结束 0 轮不计入,评审及时性,2026-01-01 至 2026-12-03");
    const profile = `file://${join(dir, "profile")}`;
    const result = spawnSync("libreoffice", [`-env:UserInstallation=${profile}`, "--headless", "--infilter=CSV:44,34,76,1", "--convert-to", "xlsx", "--outdir", dir, file], { encoding: "utf8", timeout: 240_000 });
    expect(result.status).toBe(0);
    const cell = (await readWorkbook(join(dir, "management-review.xlsx"))).worksheets[0]!.getCell("D7");
    // 100% as the number 1 in a percent format; the counts above it stay numbers.
    expect([cell.value, cell.numFmt]).toEqual([1, "0.00%"]);
    expect(cell.type).toBe(ExcelJS.ValueType.Number);
  }, 250_000);

  it("a list written with --out FILE.csv is CSV with a BOM", async () => {
    const out = join(tempDir(), "procedures.csv");
    expect((await csrInProcess(["-C", REPO, "list", "procedures", "--out", out], { lang: null })).code).toBe(0);
    expect(readFileSync(out, "utf8").startsWith("\ufeff序号,文件名称")).toBe(true);
  });
});

describe("table templates", () => {
  const table: Table = {
    title: "清单 | 一",
    sheet: "清单",
    columns: [
      { key: "a", header: "编号" },
      { key: "b", header: "名称" },
    ],
    rows: [{ a: "QP-1", b: "a|b \\ c\n续行" }, { a: null, b: 3 }],
    notes: ["共 2 项"],
  };
  it("the shipped Markdown template renders exactly what toMarkdown does", async () => {
    expect(await renderTableTemplate(table, "md")).toBe(toMarkdown(table));
  });

  it("a repository overrides the template per table, then for every table", async () => {
    const dir = copyFixture("test/fixtures/audit/registers");
    makeRepo(
      {
        "templates/tables/forms.md.hbs": "# {{title}}\n{{#each rows}}- {{lookup cells 1}} {{lookup cells 2}}\n{{/each}}",
        "templates/tables/table.md.hbs": "generic: {{title}}\n",
      },
      dir,
    );
    const forms = await csrInProcess(["-C", dir, "list", "forms", "--format", "md"], { lang: null });
    expect(forms.stdout).toBe("# 表单清单（共 2 份）\n- QR-001-01 文件发放/回收记录\n- QR-003-01 首件检验记录\n");
    const symbols = await csrInProcess(["-C", dir, "list", "symbols", "--format", "md"], { lang: null });
    expect(symbols.stdout).toBe("generic: 特殊特性符号对照表\n");
  });
});

describe("usage errors", () => {
  it("an unknown format or language is one line, exit 2", async () => {
    expect((await csrInProcess(["-C", REPO, "list", "forms", "--format", "docx"], { lang: null })).stderr).toBe("csr: --format 必须是 table、md、html、csv、xlsx、json、pdf 之一；实际为 'docx'。\n");
    // --lang is a global option that commander checks: an unknown language is a usage error in the repository's language.
    expect(await csrInProcess(["-C", REPO, "matrix", "clauses", "--lang", "fr"])).toEqual({ code: 2, stdout: "", stderr: "csr: 选项 '--lang <lang>' 不接受 'fr'；可选值：zh-CN, en；参见 'csr --help'。\n" });
  });
  it("an unknown standard names the known catalogs", async () => {
    const result = await csrInProcess(["-C", REPO, "matrix", "clauses", "--standard", "IATF1649"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("csr: No catalog for standard 'IATF1649'. Did you mean 'IATF16949'? Known: GJB9001C, IATF16949, ISO9001, MINI.\n");
  });
});
