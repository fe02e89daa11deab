import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cjkFonts, cssString, pageFontFamilies } from "../../src/render/pdf-fonts.js";
import { findChromium, pageFooter, printedPageCount, startPdfPrinter, withPrintStyle } from "../../src/render/pdf.js";
import { tempDir, tool } from "../helpers.js";

const PAGE = `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<style>
html { font-family: "Noto Serif CJK SC", 'Source Han Serif SC', SimSun, serif; }
</style>
</head>
<body><p>质量手册 QM-001</p></body>
</html>
`;

describe("what csr gives Chromium to print", () => {
  it("prints with Chromium's headless shell when it is installed, else the browser, else says what to install", () => {
    const bin = (names: string[]) => {
      const dir = join(tempDir(), "bin");
      mkdirSync(dir);
      for (const name of names) {
        writeFileSync(join(dir, name), "#!/bin/sh\n");
        chmodSync(join(dir, name), 0o755);
      }
      return dir;
    };
    const both = bin(["chromium", "chromium-headless-shell"]);
    expect(findChromium({ PATH: both })).toBe(join(both, "chromium-headless-shell"));
    const browser = bin(["chromium"]);
    expect(findChromium({ PATH: browser })).toBe(join(browser, "chromium"));
    expect(findChromium({ PATH: both, CSR_CHROMIUM: "/opt/chrome" })).toBe("/opt/chrome");
    expect(() => findChromium({ PATH: bin([]) })).toThrow(/chromium-headless-shell/);
  });

  it("prints the page footer in the page's bottom margin box, the label's text as CSS strings", () => {
    expect(pageFooter({ page_x_of_y: "第 {page} 页 共 {pages} 页" })).toBe('"\\7b2c  " counter(page) " \\9875  \\5171  " counter(pages) " \\9875 "');
    expect(pageFooter({ page_x_of_y: "Page {page} of {pages}" })).toBe('"Page " counter(page) " of " counter(pages)');
    // A label from the repository cannot end the style element or the CSS string.
    const hostile = pageFooter({ page_x_of_y: '"}</style><script>alert(1)</script>\\ {page}' });
    expect(hostile).toBe('"\\22 }\\3c /style\\3e \\3c script\\3e alert(1)\\3c /script\\3e \\5c  " counter(page)');
    const page = withPrintStyle(PAGE, hostile);
    expect(page.match(/<\/style>/g)).toHaveLength(2);
    expect(page).not.toContain("<script>");
  });

  it("prints what the print is on a line of its own above the page numbers, and hides what the band says in its place (tester75 P7)", () => {
    expect(pageFooter({ page_x_of_y: "{page}/{pages}" }, "受控 3")).toBe('"\\53d7 \\63a7  3" "\\A " counter(page) "/" counter(pages)');
    expect(pageFooter({ page_x_of_y: "{page}/{pages}" }, "")).toBe('counter(page) "/" counter(pages)');
    const hidden = withPrintStyle(PAGE, pageFooter({ page_x_of_y: "{page}" }, "x"), [".uncontrolled-notice"]);
    expect(hidden).toContain('content:"x" "\\A " counter(page);');
    expect(hidden).toContain("}}.uncontrolled-notice{display:none}</style></head>");
  });

  it("adds the style at the end of the head, in the page's fonts, and leaves a page without a footer as it is", () => {
    const footer = pageFooter({ page_x_of_y: "{page}/{pages}" });
    expect(withPrintStyle(PAGE, footer)).toBe(
      PAGE.replace(
        "</head>",
        '<style>@page{@bottom-center{content:counter(page) "/" counter(pages);font-size:9pt;vertical-align:middle;white-space:pre-wrap;font-family:"Noto Serif CJK SC","Source Han Serif SC","SimSun",serif;}}</style></head>',
      ),
    );
    // The page's Content-Security-Policy is left as it is: the run's fonts are given to the page, not to each document.
    expect(withPrintStyle(PAGE, undefined)).toBe(PAGE);
  });

  it("reads the page count from the largest /Count of the PDF's page tree, not from stream bytes or other dictionaries", () => {
    const noise = Buffer.from([0x00, 0xff, 0x3c, 0x2f, 0x50, 0x61, 0x67, 0x65, 0x73, 0x3e, 0x80]);
    const pdf = Buffer.concat([
      Buffer.from("%PDF-1.4\n1 0 obj\n<</Type /Catalog\n/Pages 2 0 R>>\nendobj\n"),
      Buffer.from("stream\n"),
      noise,
      Buffer.from("<</Type /Pages /Count 99 x>\nendstream\n"),
      Buffer.from("2 0 obj\n<</Type /Pages\n/Count 11\n/Kids [3 0 R 4 0 R]>>\nendobj\n"),
      Buffer.from("3 0 obj\n<</Type/Pages/Count 3/Parent 2 0 R>>\nendobj\n"),
      Buffer.from("5 0 obj\n<</Type /PagesX /Count 50>>\nendobj\n"),
    ]);
    expect(printedPageCount(pdf)).toBe(11);
    expect(printedPageCount(Buffer.from("%PDF-1.4\n<</Type /Page /Count 4>>"))).toBeUndefined();
  });

  it("reads the page's font-family list and writes any text as a CSS string", () => {
    expect(pageFontFamilies(PAGE)).toEqual(["Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "serif"]);
    expect(pageFontFamilies("<p>no style</p>")).toEqual([]);
    expect(cssString('宋体 "A"\\')).toBe('"\\5b8b \\4f53  \\22 A\\22 \\5c "');
  });

  const chineseFont = spawnSync("fc-list", [":lang=zh", "file"], { encoding: "utf8" }).stdout?.trim().split("\n")[0]?.replace(/:\s*$/, "");
  it.runIf(chineseFont)("gives Chromium the run's Chinese font cut down to the run's characters", async () => {
    const fonts = await cjkFonts(["<p>质量手册 第一章</p>", "<p>受控文件清单</p>"], ["Noto Serif CJK SC", "serif"], "zh-CN");
    expect(fonts.length).toBeGreaterThanOrEqual(1);
    // A font file (TrueType or CFF), far smaller than the system's CJK font it was cut from.
    expect(["00010000", "4f54544f"]).toContain(fonts[0]!.data.subarray(0, 4).toString("hex"));
    expect(fonts[0]!.data.length).toBeLessThan(statSync(chineseFont!).size / 20);
    // The family it stands in for; without Noto installed, only for the CJK blocks.
    expect(fonts[0]).toMatchObject({ family: "Noto Serif CJK SC", weight: "normal" });
    // An English page without the family installed prints as before: no fallback font is made for it.
    const installed = spawnSync("fc-list", ["Noto Serif CJK SC"], { encoding: "utf8" }).stdout.trim() !== "";
    if (!installed) {
      expect(fonts[0]!.unicodeRange).toMatch(/^U\+2460-24FF,U\+2E80-33FF,U\+3400-4DBF,U\+4E00-9FFF,/);
      expect(await cjkFonts(["<p>质量手册</p>"], ["Noto Serif CJK SC", "serif"], "en")).toEqual([]);
      // ① of a Chinese numbered list is in the cut font and in its range: left to the system's
      // fallback, the headless shell printed it blank after a character no installed font has (𠮷).
      const numbered = await cjkFonts(["<p>张𠮷华，参见①号</p>"], ["Noto Serif CJK SC", "serif"], "zh-CN");
      expect(numbered[0]!.unicodeRange).toContain("U+2460-24FF");
      const cut = join(tempDir(), "cut.ttf");
      writeFileSync(cut, numbered[0]!.data);
      expect(spawnSync("fc-query", ["-f", "%{charset}", cut], { encoding: "utf8" }).stdout.split(" ")).toContain("2460");
    }
    // A family the page names that is installed stands in for it whole, for any language.
    const family = spawnSync("fc-list", [":lang=zh", "family"], { encoding: "utf8" }).stdout.split("\n")[0]!.split(",")[0]!;
    const named = await cjkFonts(["<p>质量手册 QM-001</p>"], ["No Such Font", family, "serif"], "en");
    expect(named[0]).toMatchObject({ family, weight: "normal" });
    expect(named[0]!.unicodeRange).toBeUndefined();
  });

  const browser = tool("chromium");
  const pdftotext = tool("pdftotext");
  it.runIf(chineseFont && browser && pdftotext)("prints every document of a run with the cut font, given to the page once, and the same text", { timeout: 120_000 }, async () => {
    const titles = ["质量手册", "受控文件清单", "质量手册 受控文件"];
    // Bold (h1) and regular Chinese text; the footer's 页 and 共 are in no page's text.
    const pages = titles.map((title) => PAGE.replace("<p>质量手册 QM-001</p>", `<h1>${title}</h1><p>${title} 第一章</p>`));
    const footer = pageFooter({ page_x_of_y: "第 {page} 页 共 {pages} 页" });
    const printer = await startPdfPrinter(browser!, pages);
    const pdfs: Buffer[] = [];
    try {
      for (const html of pages) pdfs.push(await printer.print(html, footer));
    } finally {
      await printer.close();
    }
    const dir = tempDir();
    for (const [i, pdf] of pdfs.entries()) {
      // Each embedded TrueType font is the cut one, of a few glyphs: the system's CJK font (17 MB
      // of WenQuanYi Zen Hei, 45,000 glyphs) subset by Chromium kept every glyph's metrics, some
      // 470 KB for a handful of characters.
      const lengths = [...pdf.toString("latin1").matchAll(/\/Length1 (\d+)/g)].map((m) => Number(m[1]));
      expect(Math.max(0, ...lengths)).toBeLessThan(100_000);
      writeFileSync(join(dir, `${i}.pdf`), pdf);
      const text = spawnSync("pdftotext", [join(dir, `${i}.pdf`), "-"], { encoding: "utf8" }).stdout;
      expect(text.replace(/\s+/g, " ").trim()).toBe(`${titles[i]} ${titles[i]} 第一章 第1页共1页`);
    }
  });
});
