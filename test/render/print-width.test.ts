/**
 * What csr renders fits the printed page: every document and every CSR review report of the
 * examples, opened in the system Chromium with the width its own @page rule leaves for the text
 * (A4, 210 mm less margins of 20 mm and 15 mm: 175 mm), is no wider than that. A table that
 * cannot wrap (a review report's long source title or clause list once was) runs off the right
 * edge of the PDF, and the printed record loses its text.
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { describe, expect, it } from "vitest";
import { copyFixture, csr, tempDir } from "../helpers.js";

/** 175 mm at CSS's 96 pixels to the inch. */
const TEXT_WIDTH_PX = Math.floor((175 / 25.4) * 96);

function csrIds(repo: string): string[] {
  if (!existsSync(join(repo, "csr"))) return [];
  return readdirSync(join(repo, "csr"), { recursive: true, encoding: "utf8" })
    .filter((path) => path.endsWith(".yaml"))
    .map((path) => path.replace(/^.*[\\/]/, "").replace(/\.yaml$/, ""));
}

/** Renders every document and every CSR review report of an example as HTML; returns the files. */
function renderAll(example: string): string[] {
  const repo = copyFixture(`examples/${example}`);
  const out = tempDir();
  for (const args of [["--all"], csrIds(repo)].filter((a) => a.length > 0)) {
    const result = csr(["-C", repo, "render", ...args, "--format", "html", "--out", out, "--today", "2026-11-27"], { lang: null });
    expect(result.code, result.stderr).toBe(0);
  }
  return readdirSync(out).map((name) => join(out, name));
}

describe("rendered documents fit the printed page", { timeout: 120_000 }, () => {
  it("no document or review report of the examples is wider than the text width of an A4 page", async () => {
    const files = ["acme-auto", "gjb-demo"].flatMap(renderAll);
    expect(files.filter((f) => f.includes(".review.")).length).toBeGreaterThan(10);
    const browser = await chromium.launch({
      executablePath: "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    try {
      const page = await browser.newPage({ viewport: { width: TEXT_WIDTH_PX, height: 1000 } });
      await page.emulateMedia({ media: "print" });
      const tooWide: string[] = [];
      for (const file of files) {
        await page.goto(pathToFileURL(file).href);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        if (width > TEXT_WIDTH_PX) tooWide.push(`${file.replace(/^.*[\\/]/, "")}: ${width}px`);
      }
      expect(tooWide).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
