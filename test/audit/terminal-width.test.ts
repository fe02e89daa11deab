/**
 * `csr list`, `csr matrix`, `csr history` and `csr numbering` on a terminal fit their table to its width: free text and lists wrap
 * within their column (Chinese text between any two characters, English between words), ids, codes,
 * names and dates stay whole; piped or written to a file, every row stays one line for scripts.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/main.js";
import { displayWidth } from "../../src/core/text.js";
import { toTerminal, type Table } from "../../src/report/table.js";
import { committedFixture, ROOT } from "../helpers.js";

const TABLE: Table = {
  title: "顾客特定要求清单（共 2 项）",
  sheet: "t",
  columns: [
    { key: "id", header: "编号", kind: "id" },
    { key: "clauses", header: "条款", kind: "list" },
    { key: "title", header: "要求名称", kind: "prose" },
    { key: "days", header: "剩余工作日", kind: "number" },
    { key: "status", header: "状态", kind: "code" },
  ],
  rows: [
    { id: "BCM-001", clauses: "8.3.2.3/8.4.2.3.1", title: "含嵌入式软件的产品须按汽车SPICE评估软件开发能力", days: 5, status: "已落实到文件" },
    { id: "DYA-002", clauses: "10.2.3", title: "Lot traceability down to compound batch", days: null, status: "已实施" },
  ],
};

describe("a terminal table fitted to the terminal's width", () => {
  it("wraps the list and the free text within their columns, CJK characters two columns wide, and breaks no id or code", () => {
    const lines = toTerminal(TABLE, 60).split("\n");
    expect(lines).toEqual([
      "顾客特定要求清单（共 2 项）",
      "",
      "编号     条款            要求名称        剩余  状态",
      "                                         工作",
      "                                         日",
      "-------  --------------  --------------  ----  ------------",
      "BCM-001  8.3.2.3/        含嵌入式软件的  5     已落实到文件",
      "         8.4.2.3.1       产品须按汽车",
      "                         SPICE评估软件",
      "                         开发能力",
      "DYA-002  10.2.3          Lot                   已实施",
      "                         traceability",
      "                         down to",
      "                         compound batch",
      "",
    ]);
    expect(Math.max(...lines.map(displayWidth))).toBeLessThanOrEqual(60);
  });

  it("starts a word wider than its column on a line of its own before breaking it", () => {
    const narrow: Table = { ...TABLE, rows: [{ ...TABLE.rows[1]!, title: "Lot traceabilityrecords kept" }] };
    expect(toTerminal(narrow, 40).split("\n").slice(6, 11)).toEqual(["DYA-002  10.2.3  Lot              已实施", "                 traceabil", "                 ityrecord", "                 s kept", ""]);
  });

  it("wraps a list of versions between them, never after the \"/\" of a version (tester62 N18)", () => {
    const versions: Table = { title: "t", sheet: "t", columns: [{ key: "no", header: "序号", kind: "number" }, { key: "versions", header: "版本", kind: "list" }], rows: [{ no: 16, versions: "QM-001 B/1、QP-010 A/1、QP-013 A/2" }] };
    expect(toTerminal(versions, 20).split("\n").slice(4)).toEqual(["16    QM-001 B/1、", "      QP-010 A/1、", "      QP-013 A/2", ""]);
    // Narrower than an item: it breaks at the space between the number and its version.
    expect(toTerminal(versions, 16).split("\n").slice(4)).toEqual(["16    QM-001", "      B/1、", "      QP-010", "      A/1、", "      QP-013 A/2", ""]);
  });

  it("prints every row on one line without a width, and when the table fits", () => {
    const whole = toTerminal(TABLE);
    expect(whole.split("\n")[4]).toBe("BCM-001  8.3.2.3/8.4.2.3.1  含嵌入式软件的产品须按汽车SPICE评估软件开发能力  5           已落实到文件");
    expect(toTerminal(TABLE, 200)).toBe(whole);
  });

  it("csr list on an 80-column terminal prints no line wider than 80 and names the columns left out, which the same command piped through less -S shows; piped it prints the whole width", async () => {
    const output = (terminal: boolean) => {
      const out = { text: "" };
      return { out, stdout: (t: string) => void (out.text += t), stderr: () => undefined, terminal: () => terminal, columns: () => 80 };
    };
    const argv = (lang: string) => [process.execPath, "csr", "-C", join(ROOT, "examples", "acme-auto"), "--lang", lang, "list", "--today", "2026-11-27"];
    const notes = {
      "zh-CN": ["终端宽度不够，未列出顾客代码、条款、剩余工作日、负责人；要看这些列：同一命令加 |", "less -S（筛选条件照旧），或 --format xlsx --out 文件（全部各列）。", ""],
      en: [
        "The terminal is too narrow for every column; left out: Customer, Clauses,",
        "Working days left, Owner. To see them, run the same command piped through | less",
        "-S (with the same filters), or with --format xlsx --out <file> (every column).",
        "",
      ],
    };
    for (const lang of ["zh-CN", "en"] as const) {
      const tty = output(true);
      await run(argv(lang), tty);
      const table = tty.out.text.split("\n\n")[1]!.split("\n");
      expect(Math.max(...table.map(displayWidth))).toBeLessThanOrEqual(80);
      // Left out in the table's order, headed as a wider terminal heads them.
      expect(tty.out.text.split("\n").slice(-notes[lang].length)).toEqual(notes[lang]);
      const piped = output(false);
      await run(argv(lang), piped);
      expect(Math.max(...piped.out.text.split("\n").map(displayWidth))).toBeGreaterThan(120);
      expect(piped.out.text.split("\n")[2]).toMatch(lang === "en" ? /^ID +Customer +Section +Clauses .* Working days left +Owner +Status$/ : /^编号 +顾客代码 +章节 +条款 .* 剩余工作日 +负责人 +状态$/);
    }
  });

  it("csr matrix csr on an 80-column terminal shows what is addressed where, in which process, no line wider than 80, and says where the other columns are; piped it prints every column (excel51)", async () => {
    const output = (terminal: boolean) => {
      const out = { text: "" };
      return { out, stdout: (t: string) => void (out.text += t), stderr: () => undefined, terminal: () => terminal, columns: () => 80 };
    };
    const argv = [process.execPath, "csr", "-C", join(ROOT, "examples", "acme-auto"), "matrix", "csr", "--today", "2026-11-27"];
    const tty = output(true);
    expect(await run(argv, tty)).toBe(0);
    const lines = tty.out.text.split("\n");
    expect(Math.max(...lines.map(displayWidth))).toBeLessThanOrEqual(80);
    // 现行版本 holds superseded DYA-003's A/1（替代时） (aud68 A7): the summary gives it the width.
    expect(lines.slice(2, 8)).toEqual([
      "编号     要求摘要                 落实文件   现行版本       过程    状态",
      "-------  -----------------------  ---------  -------------  ------  ------------",
      "BCM-001  含嵌入式软件的产品须按                                     不适用",
      "         汽车SPICE评估软件开发能",
      "         力",
      "BCM-002  外部实验室须具有CNAS认   QP-006     A/1            S3、S4  已验证",
    ]);
    expect(lines.filter((l) => l.startsWith("DYA-00"))).toContain("DYA-004  控制计划的年度评审和变   QP-010     A/1            C3      已落实到文件");
    expect(lines.filter((l) => l.startsWith("DYA-003"))).toEqual(["DYA-003  返工产品须事先取得东岳   QP-012     A/1（替代时）  S6      已替代"]);
    // The columns left out, in the table's order; the same command (its filters kept) piped through less -S shows them.
    expect(lines.slice(-5)).toEqual([
      "终端宽度不够，未列出顾客、来源文件、版本、来源章节、条款、要求内容、处置、处置理",
      "由、起算日期、评审期限、决定日期、及时性、落实章节、文件名称、链接状态、负责人、",
      "完成期限、顾客要求日期、导入生产日期、证据；要看这些列：同一命令加 | less -S（筛",
      "选条件照旧），或 --format xlsx --out 文件。",
      "",
    ]);
    const piped = output(false);
    await run(argv, piped);
    expect(piped.out.text.split("\n")[2]).toMatch(/^编号 +顾客 +来源文件 .* 落实文件 +落实章节 .* 链接状态 +过程 +负责人 .* 证据$/);
    expect(piped.out.text).not.toContain("终端宽度不够");
  });

  it("csr history on an 80-column terminal and csr numbering list on a 56-column one print their tables no wider, as csr list; piped they print the whole width (excel51 #3)", async () => {
    const dir = committedFixture("examples/acme-auto");
    const output = (terminal: boolean, columns: number) => {
      const out = { text: "" };
      return { out, stdout: (t: string) => void (out.text += t), stderr: () => undefined, terminal: () => terminal, columns: () => columns };
    };
    // The tables' lines: numbering list's note after its table is one line of text, not a table's; so is history's heading
    // (the document's number, title and file: "QP-001 Document Control Procedure: revision record (…)", 85 columns in English).
    const cases = [
      { command: ["history", "QP-001"], columns: 80, lines: (text: string) => text.split("\n").slice(1) },
      { command: ["numbering", "list"], columns: 56, lines: (text: string) => text.split("\n\n")[1]!.split("\n") },
    ];
    for (const { command, columns, lines } of cases) {
      for (const lang of ["zh-CN", "en"]) {
        const argv = [process.execPath, "csr", "-C", dir, "--lang", lang, ...command];
        const tty = output(true, columns);
        expect(await run(argv, tty)).toBe(0);
        expect(Math.max(...lines(tty.out.text).map(displayWidth)), `${command[0]} ${lang}`).toBeLessThanOrEqual(columns);
        const piped = output(false, columns);
        await run(argv, piped);
        expect(Math.max(...lines(piped.out.text).map(displayWidth)), `${command[0]} ${lang}`).toBeGreaterThan(columns);
      }
    }
  });

  it("csr matrix clauses on an 80-column terminal wraps the clauses no procedure addresses instead of cutting them, and names the process no procedure serves (tester60 J10)", async () => {
    const output = (terminal: boolean) => {
      const out = { text: "" };
      return { out, stdout: (t: string) => void (out.text += t), stderr: () => undefined, terminal: () => terminal, columns: () => 80 };
    };
    const argv = [process.execPath, "csr", "-C", join(ROOT, "examples", "acme-auto"), "matrix", "clauses", "--today", "2026-11-27"];
    const tty = output(true);
    await run(argv, tty);
    const notes = tty.out.text.split("\n\n").at(-1)!.split("\n");
    expect(Math.max(...notes.map(displayWidth))).toBeLessThanOrEqual(80);
    const start = notes.findIndex((l) => l.startsWith("无程序文件对应的条款 67 条"));
    const end = notes.indexOf("无程序文件：M1 经营策划与体系管理（仅由 QM-001 覆盖）");
    expect(end).toBeGreaterThan(start + 1);
    // Read back without the line breaks (a break takes the space before a △), the wrapped note is the whole list, from 4 to 9.1.3.1.
    const whole =
      "无程序文件对应的条款 67 条（仅由质量手册、过程或其他文件覆盖）：4、4.1、4.2、4.3、4.3.1、4.4、4.4.1、4.4.1.1、4.4.2、5、5.1、5.1.1、5.1.1.1、5.1.1.2、5.1.1.3、5.1.2、5.2、5.2.1、5.2.2、5.3、5.3.1、5.3.2、6、6.1、6.1.1、6.1.2、6.1.2.1、6.1.2.2、6.1.2.3、6.2、6.2.1、6.2.2、6.2.2.1、6.3、7、7.1、7.1.1、7.1.6、7.4、8、8.1.2 △、8.2、8.2.1、8.2.1.1、8.2.3、8.2.3.1、8.2.3.1.3、8.2.3.2、8.2.4、8.3.2.3 △、8.4.2.3.1 △、8.5.5 △、8.5.5.1 △、8.5.5.2 △、8.6、8.6.1、8.6.2、8.6.3、9、9.1、9.1.1、9.1.1.2、9.1.1.3、9.1.2、9.1.2.1、9.1.3、9.1.3.1";
    expect(notes.slice(start, end).join("").replaceAll(" ", "")).toBe(whole.replaceAll(" ", ""));
    const piped = output(false);
    await run(argv, piped);
    const lines = piped.out.text.split("\n");
    expect(lines.filter((l) => l.startsWith("无程序文件"))).toEqual([whole, "无程序文件：M1 经营策划与体系管理（仅由 QM-001 覆盖）"]);
    const en = output(false);
    await run([...argv.slice(0, 4), "--lang", "en", ...argv.slice(4)], en);
    expect(en.out.text.split("\n").filter((l) => l.startsWith("No procedure:"))).toEqual(["No procedure: M1 Business planning and QMS management (covered by QM-001 only)"]);
  });
});
