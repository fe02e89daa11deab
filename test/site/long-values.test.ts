/**
 * Long unbroken values on the site's pages in Chromium (the system's, driven by playwright-core): a URL, a number of
 * 114 digits and a long English word, in an organisation's name, a document's number, titles, a section's text and a
 * Markdown table. At 1,280 px a document numbered by the number made its page 1,505 px wide and the page panned
 * sideways, a URL in a section widened the A4 column from 661 to 860 px and the documents register scrolled for a
 * title; at 390 px the organisation's name in the header widened every page to 733 px. They break where they must.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM, copyFixture, csr, tempDir } from "../helpers.js";

const URL_ = "https://supplier.dongyue-automobile.example.com/portal/quality/specifications/special-characteristics/DYA-SC-revision-B-2025-02-10-final-approved-version.pdf";
const NUMBER = `42${"0".repeat(110)}17`;
const WORD = "Pneumonoultramicroscopicsilicovolcanoconiosisspecificationrequirementsforbrakehoses";

function edit(repo: string, path: string, change: (text: string) => string): void {
  const file = join(repo, path);
  const before = readFileSync(file, "utf8");
  const after = change(before);
  expect(after, path).not.toBe(before);
  writeFileSync(file, after);
}

/** acme-auto with long values in its organisation's name, DYA-001, QP-014 and a work instruction numbered by the number. */
function hostileSite(): string {
  const repo = copyFixture("examples/acme-auto");
  edit(repo, "qms.yaml", (text) => text.replace(/^( {2}name: .*)$/m, `$1${WORD}`));
  edit(repo, "csr/DYA/DYA-001.yaml", (text) => text.replace(/^title: .*$/m, `title: 特殊特性须使用东岳符号 ${URL_}`).replace(/^text: .*$/m, `text: 见 ${URL_} 编号 ${NUMBER}`));
  edit(repo, "documents/procedures/QP-014.yaml", (text) =>
    text
      .replace(/^title: (.*)$/m, `title: $1${WORD}`)
      .replace(
        /^ {4}text: 识别、标识.*$/m,
        `    text: |\n      识别特殊特性，见 ${URL_}，编号 ${NUMBER}。\n\n      | 项目 | 值 |\n      | --- | --- |\n      | 网址 | ${URL_} |\n      | 编号 | ${NUMBER} |\n      | 词 | ${WORD} |`,
      ),
  );
  writeFileSync(join(repo, "documents/instructions/WI-LONG.yaml"), `id: WI-${NUMBER}\ntitle: 超长编号${WORD}\nlevel: 3\nkind: instruction\ndepartment: PRD\nstatus: draft\n`);
  const out = join(tempDir(), "site");
  // csr check finds the instruction's number and file name wrong (2 errors): the site is built all the same.
  const result = csr(["-C", repo, "site", "--out", out, "--today", "2026-11-27"], { lang: null });
  expect(result.code, result.stderr).toBe(0);
  return out;
}

describe("csr site with long unbroken values, in Chromium", () => {
  let browser: Browser;
  let site: string;

  beforeAll(async () => {
    site = hostileSite();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"] });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  const pages = ["index.html", "customers/DYA.html", "csr/DYA-001.html", "documents/QP-014.html", `documents/WI-${NUMBER}.html`, "registers/documents.html"];

  it("keeps every page to the window's width, at 1,280 and at 390 px", async () => {
    const widths: Record<string, number> = {};
    for (const width of [1280, 390]) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      for (const path of pages) {
        await page.goto(pathToFileURL(join(site, path)).href);
        widths[`${width} ${path}`] = await page.evaluate(() => document.documentElement.scrollWidth);
      }
      await page.close();
    }
    expect(widths).toEqual(Object.fromEntries([1280, 390].flatMap((width) => pages.map((path) => [`${width} ${path}`, width]))));
  }, 120_000);

  it("keeps a document's A4 column at 175 mm and the documents register in its box at 1,280 px", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const seen: Record<string, number[]> = {};
    for (const path of ["documents/QP-014.html", `documents/WI-${NUMBER}.html`, "csr/DYA-001.html"]) {
      await page.goto(pathToFileURL(join(site, path)).href);
      expect(await page.locator("main").textContent(), path).toContain(path.startsWith("csr") ? URL_ : WORD);
      // The A4 column's width, and the widest of its tables.
      seen[path] = await page.evaluate(() => [
        Math.round(document.querySelector(".site-document > table.page")!.getBoundingClientRect().width),
        Math.max(...[...document.querySelectorAll(".site-document > table.page table")].map((table) => Math.round(table.getBoundingClientRect().width))),
      ]);
    }
    expect(seen).toEqual({ "documents/QP-014.html": [661, 661], [`documents/WI-${NUMBER}.html`]: [661, 661], "csr/DYA-001.html": [661, 661] });
    // The register's title column wraps the long word: its table is no wider than its box, which does not scroll.
    await page.goto(pathToFileURL(join(site, "registers/documents.html")).href);
    const box = await page.evaluate(() => {
      const scroll = document.querySelector(".site-register .site-scroll")!;
      return scroll.scrollWidth - scroll.clientWidth;
    });
    expect(box).toBe(0);
    await page.close();
  }, 120_000);

  it("keeps each cell of a CSR's 历次评审 inside its border at 1,400 px: 评审结论's decider and date wrap between them (aud68 A15)", async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(pathToFileURL(join(site, "csr/DYA-002.html")).href);
    // A run kept whole (.nowrap) that is wider than its cell paints past the cell's right border.
    const overflowing = await page.evaluate(() =>
      [...document.querySelectorAll("table.history td")]
        .filter((cell) => [...cell.querySelectorAll("span")].some((span) => span.getBoundingClientRect().right > cell.getBoundingClientRect().right))
        .map((cell) => cell.textContent),
    );
    expect(await page.locator("table.history").count()).toBe(1);
    expect(overflowing).toEqual([]);
    await page.close();
  }, 120_000);
});
