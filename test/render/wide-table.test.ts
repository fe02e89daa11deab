/**
 * Nothing is cut off a printed controlled document (tester77 E4): a control plan typed as a Markdown table of ten
 * columns widened the whole A4 portrait page, and its header (版本/版次：A without "/1"), stamp, revision record's
 * 批准人 and the table's 反应计划 were cut. A document with a table of more than eight columns prints on A4 landscape
 * (render/view.ts printOrientation), and a wide table's cells wrap within the page whatever the orientation: each
 * cell's text is in the PDF's text (pdftotext), so a cut one fails. One PDF per orientation, printed by csr render.
 * The Word file turns its page as the PDF does (orient77): w:pgSz landscape, its width and height swapped.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { strFromU8, unzipSync } from "fflate";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { printOrientation, widestTableColumns } from "../../src/render/view.js";
import { CHROMIUM, checkJsonInProcess, csrInProcess, gitInit, minimalRepo, tempDir } from "../helpers.js";

/** A control plan's ten columns, its cells long enough to wrap: an OP30 row as 李工 typed it (tester77). */
const HEADINGS = ["工序号", "工序名称", "设备/工装", "特性", "特殊特性", "规格/公差", "测量技术", "容量/频率", "控制方法", "反应计划"];
const ROW = ["OP30", "接头拧紧", "电动定扭扳手 ET-30；定位夹具 FX-30-02；防错：拧紧计数 EP-30-01", "拧紧扭矩", "★（东岳▽CC）", "25±2 N·m", "控制器扭矩监控", "100%", "防错（未完成不放行）+每班标准样件验证", "停机、隔离上次验证以来产品、100%复测"];
const TABLE = [`| ${HEADINGS.join(" | ")} |`, `|${HEADINGS.map(() => "---").join("|")}|`, `| ${ROW.join(" | ")} |`].join("\n");

const form = (orientation: string) => `id: QR-010-01
title: D1制动软管总成控制计划
level: 4
kind: form
department: QA
status: released
effective: 2026-12-07
${orientation}revisions:
  - version: A/1
    date: 2026-12-07
    summary: OP30拧紧扭矩标注★，100%监控，增加夹具FX-30-02和防错EP-30-01
    prepared: { by: zhang, date: 2026-12-07 }
    reviewed: { by: li, date: 2026-12-07 }
    approved: { by: wang, date: 2026-12-07 }
record:
  retention: 产品寿命期+1年
  medium: electronic
  location: 技术部PLM
sections:
  - title: 控制计划（生产）
    text: |
${TABLE.split("\n").map((line) => `      ${line}`).join("\n")}
`;

const tools = existsSync(CHROMIUM) && spawnSync("pdftotext", ["-v"]).error === undefined && spawnSync("pdfinfo", ["-v"]).error === undefined;

/**
 * The PDF of QR-010-01 printed with `orientation` (a `print:` line, or "" for none): its page size in points, its text
 * without blanks (pdftotext reads a table's columns in an order of its own, some before the section's heading: the
 * whole text is searched) and the words whose box reaches past the page's right edge less 10 mm (pdftotext -bbox).
 */
async function printed(orientation: string): Promise<{ size: string; text: string; pastMargin: string[] }> {
  const repo = gitInit(minimalRepo({ "documents/QR-010-01.yaml": form(orientation) }));
  const out = join(tempDir(), "QR-010-01.pdf");
  const result = await csrInProcess(["-C", repo, "render", "QR-010-01", "--format", "pdf", "--today", "2026-12-07", "--out", out], { lang: null });
  expect(result.code, result.stderr).toBe(0);
  const size = /Page size:\s+(\S+ x \S+)/.exec(spawnSync("pdfinfo", [out], { encoding: "utf8" }).stdout)?.[1] ?? "";
  const text = spawnSync("pdftotext", [out, "-"], { encoding: "utf8" }).stdout.replace(/\s+/g, "");
  const bbox = spawnSync("pdftotext", ["-bbox", out, "-"], { encoding: "utf8" }).stdout;
  const width = Number(/<page width="([\d.]+)"/.exec(bbox)?.[1]);
  const pastMargin = [...bbox.matchAll(/<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].filter((m) => Number(m[1]) > width - (10 / 25.4) * 72).map((m) => m[2]!);
  return { size, text, pastMargin };
}

/**
 * Whether the characters of `cell` (blanks and hyphens aside: pdftotext joins "FX-" at a line's end to the next line's
 * "30-02") come in `text` in their order: a cell wrapped over lines interleaves with its row's other cells in
 * pdftotext's reading, but keeps its order; a cut one loses its end.
 */
function inOrder(text: string, cell: string): boolean {
  let at = 0;
  for (const c of cell.replace(/[\s-]+/g, "")) {
    at = text.indexOf(c, at) + 1;
    if (at === 0) return false;
  }
  return true;
}

describe("a wide table on a printed document", () => {
  it("turns the page when a body table has more than eight columns, unless print.orientation says", () => {
    expect(widestTableColumns(TABLE)).toBe(10);
    expect(widestTableColumns("| a | b |\n|:-:|--:|\n| 1 | 2 |\n\n" + TABLE.replace(/^\| 工序号 \| /, ""))).toBe(2);
    expect(widestTableColumns("a | b | c\n--- | --- | ---\n1 | 2 | 3")).toBe(3);
    expect(widestTableColumns("| 一 | 二 |\n不是分隔行\n")).toBe(0);
    const sections = [{ title: "控制计划", text: TABLE }];
    expect(printOrientation({ sections })).toBe("landscape");
    expect(printOrientation({ sections, print: { orientation: "portrait" } })).toBe("portrait");
    expect(printOrientation({ sections: [{ title: "目的", text: "| a | b |\n|---|---|\n| 1 | 2 |" }] })).toBe("portrait");
    expect(printOrientation({ sections: [], print: { orientation: "landscape" } })).toBe("landscape");
  });

  it.runIf(tools)("prints every cell, the header, the stamp and the revision record whole, on A4 landscape or, as asked, portrait", { timeout: 120_000 }, async () => {
    for (const [orientation, size] of [
      ["", "841.92 x 594.96"],
      ["print:\n  orientation: portrait\n", "594.96 x 841.92"],
    ] as const) {
      const { size: got, text, pastMargin } = await printed(orientation);
      expect(got).toBe(size);
      for (const cell of [...HEADINGS, ...ROW]) expect(inOrder(text, cell), `${orientation || "auto"}: ${cell} in ${text}`).toBe(true);
      // Nothing printed in the right margin or past it (the page number's line is centred).
      expect(pastMargin).toEqual([]);
      expect(text).toContain("文件编号：QR-010-01·版本/版次：A/1");
      expect(text).toContain("非受控");
      // The revision record's last column, 批准人, and its name.
      expect(text).toMatch(/批准人.*王强/);
    }
  });

  it("turns the Word file's page as the PDF's, its body table across the landscape text width", async () => {
    const pages: Record<string, string> = {};
    for (const [name, orientation] of [["auto", ""], ["portrait", "print:\n  orientation: portrait\n"], ["landscape", "print: {orientation: landscape}\n"]] as const) {
      const repo = gitInit(minimalRepo({ "documents/QR-010-01.yaml": form(orientation) }));
      const out = join(tempDir(), "QR-010-01.docx");
      const result = await csrInProcess(["-C", repo, "render", "QR-010-01", "--format", "docx", "--today", "2026-12-07", "--out", out], { lang: null });
      expect(result.code, result.stderr).toBe(0);
      const xml = strFromU8(unzipSync(readFileSync(out))["word/document.xml"]!);
      pages[name] = [...xml.matchAll(/<w:pgSz [^>]*\/>/g)].map((m) => m[0]).join(" ");
      // The control plan's table: its ten columns share the text width of its page (262 mm landscape, 175 mm portrait).
      const table = xml.slice(xml.lastIndexOf("<w:tbl>", xml.indexOf("反应计划")));
      expect(/<w:tblW w:type="dxa" w:w="(\d+)"\/>/.exec(table)?.[1], name).toBe(name === "portrait" ? "9922" : "14854");
    }
    expect(pages).toEqual({
      auto: '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>',
      portrait: '<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>',
      landscape: '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>',
    });
  });

  it("refuses an orientation that is neither portrait nor landscape", async () => {
    const repo = gitInit(minimalRepo({ "documents/QR-010-01.yaml": form("print:\n  orientation: sideways\n") }));
    const found = (await checkJsonInProcess(repo, "--today", "2026-12-07")).findings.filter((f) => f.file === "documents/QR-010-01.yaml");
    expect(found.map((f) => `${f.line}:${f.column} ${f.severity} ${f.rule}`)).toEqual(["9:16 error schema/invalid-value"]);
  });
});
