/**
 * csr diff: the 修订前后对照表 of a document (IATF 16949 7.5.3.2, 7.2.2): per changed section the text
 * before and after from the commits that released each version, the changed words marked, the
 * revision's summary as 更改原因 (tester75).
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { commitAt, csr, csrInProcess, gitInitEmpty, minimalRepo, releasedProcedure, tool } from "../helpers.js";
import { markedHtml, markedText, side, wordDiff } from "../../src/compare/words.js";

/** The text of the PDF of QP-001's A/0 → A/1 (pdftotext -layout, spaces squeezed): the heading, then the table and its legend, 第 1 页 共 1 页. */
const PDF_TEXT = [
  "文件更改对照表：QP-001 文件控制程序（A/0 → A/1）",
  "测试汽车零部件有限公司 对照版本：A/0 → A/1",
  "修订前：A/0，2026-03-02，批准 wang 王强",
  "修订后：A/1，2026-06-01，批准 wang 王强",
  "更改原因：文件评审周期由两年改为一年；新增记录保存",
  "章节 修订前 修订后",
  "2 职责（删除） 品质部归口管理。 （无）",
  "3 文件评审 → 2 文件评审（修改） 文件每两年评审一次，评审结果记入 QR-001-01。 文件每年评审一次，评审结果记入 QR-001-01。",
  "3 记录保存（新增） （无） 评审记录保存 3 年。",
  "图例：删除线（红色）为修订后删去的文字，下划线（绿色）为修订后新增的文字。",
  "第1页共1页"
];
/** Its workbook's rows (the title merged over the columns in row 1), removed words ~struck~ and inserted _underlined_ as their rich text's fonts say. */
const XLSX_ROWS = [
  [
    "文件更改对照表：QP-001 文件控制程序（A/0 → A/1）",
    "文件更改对照表：QP-001 文件控制程序（A/0 → A/1）",
    "文件更改对照表：QP-001 文件控制程序（A/0 → A/1）"
  ],
  [
    "章节",
    "修订前",
    "修订后"
  ],
  [
    "2 职责（删除）",
    "~品质部归口管理。~",
    "（无）"
  ],
  [
    "3 文件评审 → 2 文件评审（修改）",
    "文件每~两~年评审一次，评审结果记入 QR-001-01。",
    "文件每年评审一次，评审结果记入 QR-001-01。"
  ],
  [
    "3 记录保存（新增）",
    "（无）",
    "_评审记录保存 3 年。_"
  ],
  [
    "修订前：A/0，2026-03-02，批准 wang 王强"
  ],
  [
    "修订后：A/1，2026-06-01，批准 wang 王强"
  ],
  [
    "更改原因：文件评审周期由两年改为一年；新增记录保存"
  ],
  [
    "图例：删除线（红色）为修订后删去的文字，下划线（绿色）为修订后新增的文字。"
  ]
];

const A1 = [
  "  - version: A/1",
  "    date: 2026-06-01",
  "    summary: 文件评审周期由两年改为一年；新增记录保存",
  "    prepared: { by: zhang, date: 2026-05-20 }",
  "    reviewed: { by: li, date: 2026-05-25 }",
  "    approved: { by: wang, date: 2026-05-26 }",
];

/** QP-001 released as A/0 (2026-03-02) and A/1 (2026-06-01), each committed; then an unreleased edit in the working copy. */
function twoVersions(): string {
  const dir = gitInitEmpty(
    minimalRepo({
      "documents/QP-001.yaml": releasedProcedure("QP-001", "文件控制程序", [
        { title: "目的", text: "规定文件的编制、审批和发放。" },
        { title: "职责", text: "品质部归口管理。" },
        { title: "文件评审", text: "文件每两年评审一次，评审结果记入 QR-001-01。" },
      ]),
    }),
  );
  commitAt(dir, "2026-03-02", "发布 QP-001 A/0");
  const file = join(dir, "documents/QP-001.yaml");
  const a0 = readFileSync(file, "utf8");
  const a1 = a0
    .replace("    approved: { by: wang, date: 2026-02-26 }\n", `    approved: { by: wang, date: 2026-02-26 }\n${A1.join("\n")}\n`)
    .replace("  - title: 职责\n    text: 品质部归口管理。\n", "")
    .replace("文件每两年评审一次", "文件每年评审一次")
    .concat("  - title: 记录保存\n    text: 评审记录保存 3 年。\n");
  writeFileSync(file, a1);
  commitAt(dir, "2026-06-01", "发布 QP-001 A/1");
  // Not released: no part of A/1's text.
  writeFileSync(file, a1.replace("规定文件的编制", "规定受控文件的编制"));
  return dir;
}

describe("wordDiff", () => {
  it("marks Chinese characters one by one and Latin words and numbers whole", () => {
    const parts = wordDiff("每两年评审 QR-001-01 一次", "每年评审 QR-001-02 一次");
    expect(markedText(side(parts, "before"), false)).toBe("每[-两-]年评审 [-QR-001-01-] 一次");
    expect(markedText(side(parts, "after"), false)).toBe("每年评审 {+QR-001-02+} 一次");
    expect(markedText(side(parts, "after"), true)).toBe("每年评审 \x1b[32m{+QR-001-02+}\x1b[39m 一次");
    expect(markedText(side(parts, "before"), true)).toBe("每\x1b[31m[-两-]\x1b[39m年评审 \x1b[31m[-QR-001-01-]\x1b[39m 一次");
    // A part over two lines is coloured on each line, as the check report is, so a pager drawing one line keeps it.
    expect(markedText(side(wordDiff("甲\n乙", "丙"), "before"), true)).toBe("\x1b[31m[-甲\x1b[39m\n\x1b[31m乙-]\x1b[39m");
  });
  it("escapes HTML inside and outside the marks", () => {
    expect(markedHtml(wordDiff("a<b", "a<c&"))).toBe("a&lt;<del>b</del><ins>c&amp;</ins>");
  });
});

describe("csr diff", () => {
  let dir: string;
  beforeAll(() => {
    dir = twoVersions();
  });

  it("prints the comparison of the last two versions from the commits that released them", () => {
    const run = csr(["diff", "QP-001"], { cwd: dir, lang: "zh-CN" });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        "文件更改对照表：QP-001 文件控制程序（A/0 → A/1）",
        "修订前：A/0，2026-03-02，批准 wang 王强",
        "修订后：A/1，2026-06-01，批准 wang 王强",
        "更改原因：文件评审周期由两年改为一年；新增记录保存",
        "",
        "2 职责（删除）",
        "  修订前：[-品质部归口管理。-]",
        "  修订后：（无）",
        "",
        "3 文件评审 → 2 文件评审（修改）",
        "  修订前：文件每[-两-]年评审一次，评审结果记入 QR-001-01。",
        "  修订后：文件每年评审一次，评审结果记入 QR-001-01。",
        "",
        "3 记录保存（新增）",
        "  修订前：（无）",
        "  修订后：{+评审记录保存 3 年。+}",
        "",
      ].join("\n"),
    );
  });
});

describe("csr diff: printed, json and refusals", () => {
  let dir: string;
  beforeAll(() => {
    dir = twoVersions();
  });

  it("prints the table as Markdown with <del> and <ins>, and as a page of HTML", async () => {
    const md = await csrInProcess(["diff", "QP-001", "--from", "A/0", "--to", "A/1", "--format", "md"], { cwd: dir, lang: "zh-CN" });
    expect(md.code).toBe(0);
    expect(md.stdout.split("\n").slice(0, 11)).toEqual([
      "# 文件更改对照表：QP-001 文件控制程序（A/0 → A/1）",
      "",
      "修订前：A/0，2026-03-02，批准 wang 王强  ",
      "修订后：A/1，2026-06-01，批准 wang 王强  ",
      "更改原因：文件评审周期由两年改为一年；新增记录保存  ",
      "",
      "| 章节 | 修订前 | 修订后 | 更改原因 |",
      "|---|---|---|---|",
      "| 2 职责（删除） | <del>品质部归口管理。</del> | （无） | 文件评审周期由两年改为一年；新增记录保存 |",
      "| 3 文件评审 → 2 文件评审（修改） | 文件每<del>两</del>年评审一次，评审结果记入 QR-001-01。 | 文件每年评审一次，评审结果记入 QR-001-01。 | 文件评审周期由两年改为一年；新增记录保存 |",
      "| 3 记录保存（新增） | （无） | <ins>评审记录保存 3 年。</ins> | 文件评审周期由两年改为一年；新增记录保存 |",
    ]);
    const html = await csrInProcess(["diff", "QP-001", "--format", "html"], { cwd: dir, lang: "zh-CN" });
    expect(html.stdout).toContain(
      "<tr><th scope=\"row\">3 文件评审 → 2 文件评审（修改）</th><td>文件每<del>两</del>年评审一次，评审结果记入 QR-001-01。</td><td>文件每年评审一次，评审结果记入 QR-001-01。</td><td>文件评审周期由两年改为一年；新增记录保存</td></tr>",
    );
    expect(html.stdout).toContain("<p>修订后：A/1，2026-06-01，批准 wang 王强</p>");
  });

  it("gives the words of each section as JSON", async () => {
    const run = await csrInProcess(["diff", "QP-001", "--format", "json"], { cwd: dir, lang: "zh-CN" });
    const data = JSON.parse(run.stdout);
    expect(data.from).toEqual({ version: "A/0", date: "2026-03-02", approved: "wang" });
    expect(data.to).toEqual({ version: "A/1", date: "2026-06-01", approved: "wang" });
    expect(data.sections[1]).toEqual({
      change: "changed",
      before: "3 文件评审",
      after: "2 文件评审",
      words: [
        { op: " ", text: "文件每" },
        { op: "-", text: "两" },
        { op: " ", text: "年评审一次，评审结果记入 QR-001-01。" },
      ],
    });
  });

  it("refuses a version the document does not have, naming those it has (exit 2)", () => {
    const run = csr(["diff", "QP-001", "--from", "A/9"], { cwd: dir, lang: "zh-CN" });
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe("csr: QP-001 没有版本 A/9（--from）；已有版本：A/0、A/1。\n");
    expect(run.code).toBe(2);
  });

  it("names a secret document's changed sections by number only", async () => {
    const { documentDiff } = await import("../../src/commands/diff/index.js");
    const doc = (text: string) => ({ id: "QP-001", title: "文件控制程序", level: 2, kind: "procedure", department: "QA", classification: "秘密", sections: [{ title: "文件评审", text }] }) as never;
    const end = { version: "A/0", date: "2026-03-02", approved: "wang" };
    const diff = documentDiff({ config: undefined } as never, doc("每两年"), [], end, { ...end, version: "A/1" }, doc("每两年"), doc("每年"));
    expect(diff.secret).toBe(true);
    expect(diff.sections).toEqual([{ change: "changed", before: "1", after: "1" }]);
  });
});

describe("csr diff --format pdf|xlsx: the 修订前后对照表 filed with the change record (tester76)", () => {
  let dir: string;
  beforeAll(() => {
    dir = twoVersions();
  });
  const tools = tool("pdftotext") && tool("chromium");

  it.runIf(tools)("prints a PDF laid out as the registers: title, versions compared and 更改原因 on every page, 章节 / 修订前 / 修订后 with the words marked, and a legend", { timeout: 120_000 }, async () => {
    const run = await csrInProcess(["diff", "QP-001", "--format", "pdf", "--out", "QP-001-A1.pdf"], { cwd: dir, lang: "zh-CN" });
    expect([run.code, run.stdout, run.stderr]).toEqual([0, "", "已写入 QP-001-A1.pdf\n"]);
    const text = spawnSync("pdftotext", ["-layout", join(dir, "QP-001-A1.pdf"), "-"], { encoding: "utf8" }).stdout.split("\n").map((l) => l.replace(/\s+/g, " ").trim()).filter(Boolean);
    expect(text).toEqual(PDF_TEXT);
    // The marks are drawn, not only coloured (a black-and-white print keeps them): the page it prints has <del> and <ins>, struck through and underlined.
    const { renderTableTemplate, CELL_MARKS } = await import("../../src/report/table.js");
    const html = await renderTableTemplate({ title: "t", sheet: "t", columns: [{ key: "a", header: "修订前", kind: "text" }], rows: [{ a: `每${CELL_MARKS.removed[0]}两<${CELL_MARKS.removed[1]}年${CELL_MARKS.inserted[0]}QR-001-02${CELL_MARKS.inserted[1]}` }] }, "html");
    expect(html).toContain('<td class="text">每<del>两&lt;</del>年<ins><span class="nobr">QR-001-02</span></ins></td>');
    expect(html).toContain("del { color: #b00; text-decoration: line-through; }");
  });

  it("writes an xlsx with the same columns, the marked words as rich text (struck through red, underlined green)", async () => {
    const run = await csrInProcess(["diff", "QP-001", "--format", "xlsx", "--out", "QP-001-A1.xlsx"], { cwd: dir, lang: "zh-CN" });
    expect([run.code, run.stderr]).toEqual([0, "已写入 QP-001-A1.xlsx\n"]);
    const { default: ExcelJS } = await import("exceljs");
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, "QP-001-A1.xlsx"));
    const sheet = book.worksheets[0]!;
    const rows: unknown[] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v && typeof v === "object" && "richText" in v ? (v as { richText: { text: string; font?: { strike?: boolean; underline?: boolean } }[] }).richText.map((r) => (r.font?.strike ? `~${r.text}~` : r.font?.underline ? `_${r.text}_` : r.text)).join("") : v))));
   
    expect(rows).toEqual(XLSX_ROWS);
  });

  it("keeps a 秘密 document's sections by number only in the PDF's and the workbook's table", async () => {
    const { diffTable } = await import("../../src/commands/diff/index.js");
    const end = { version: "A/0", date: "2026-03-02", approved: "" };
    const table = diffTable({ people: [] } as never, { document: "QP-001", title: "文件控制程序", from: end, to: { ...end, version: "A/1" }, reason: "每年评审", secret: true, sections: [{ change: "changed", before: "1", after: "1" }] });
    expect(table.rows).toEqual([{ section: "1 (changed)", before: "(classified, not shown)", after: "(classified, not shown)" }]);
    expect(table.notes).toEqual(["This document is marked 秘密 or above: section numbers only, no text."]);
  });
});

describe("csr changes given a document's version", () => {
  it("points to csr diff", () => {
    const dir = minimalRepo({ "documents/QP-001.yaml": releasedProcedure("QP-001", "文件控制程序", { title: "目的", text: "规定文件的编制。" }) });
    gitInitEmpty(dir);
    commitAt(dir, "2026-03-02", "发布 QP-001 A/0");
    const run = csr(["changes", "QP-001/A-0", "QP-001/A-1"], { cwd: dir, lang: "zh-CN" });
    expect(run.stderr).toBe("csr: QP-001/A-1：没有这个提交、分支或标签（日期请写成 YYYY-MM-DD）。\n提示：QP-001 是文件编号：两个版本的修订前后对照表用 'csr diff QP-001 --from <版本> --to <版本>'。\n");
    expect(run.code).toBe(2);
  });
});
