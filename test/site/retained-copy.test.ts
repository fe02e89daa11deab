/**
 * A copy stamped 作废 and kept by its holder (作废留用, csr recall --retained) is no longer a controlled copy to recall, but the
 * holder still has it: the person's page lists it under the copies they hold, and the search finds the document by the
 * holder's name (副本领用人), both reading the same predicate (stillHeld), where the search left it out (site72 item 1a).
 * In Chromium, on a site of acme-auto whose QP-007 A/0 copy 1 高扬 (ENG) kept stamped 作废 and holds no other copy of.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM, committedFixture, csr, git, tempDir } from "../helpers.js";

async function results(page: Page, site: string, query: string): Promise<string[]> {
  await page.goto(`${pathToFileURL(join(site, "search.html")).href}?q=${encodeURIComponent(query)}`);
  await page.locator("#site-search-results li").first().waitFor();
  return page.locator("#site-search-results li").evaluateAll((items) => items.map((item) => [item.querySelector("a")!.textContent, item.querySelector("a")!.getAttribute("href")].join(" | ")));
}

/** The rows of the person page's table under the heading `title`, each row's cells as text joined by " | ". */
function rows(html: string, title: string): string[] {
  const section = html.split(`<h2>${title}</h2>`)[1]?.split("</section>")[0];
  if (section === undefined) return [`no section ${title}`];
  return [...section.matchAll(/<tr(?: id="[^"]*")?>(.*?)<\/tr>/gs)].map((m) => [...m[1]!.matchAll(/<td[^>]*>(.*?)<\/td>/gs)].map((c) => c[1]!.replace(/<[^>]+>/g, "").trim()).join(" | ")).filter((row) => row !== "");
}

describe("csr site: a copy kept stamped 作废 on its holder's page and in the search", () => {
  let browser: Browser;
  let zh: string;
  let en: string;
  beforeAll(() => {
    const dir = committedFixture("examples/acme-auto");
    const file = join(dir, "documents/procedures/QP-007.yaml");
    const recalled = "{copy: 1, version: A/0, to: ENG, holder: zhoupeng, issued_by: chenjing, date: 2024-03-01, recalled: 2025-05-12, returned_by: zhoupeng, received_by: chenjing}";
    const yaml = readFileSync(file, "utf8");
    expect(yaml).toContain(recalled);
    writeFileSync(file, yaml.replace(recalled, "{copy: 1, version: A/0, to: ENG, holder: gaoyang, issued_by: chenjing, date: 2024-03-01, retained: {date: 2025-05-12, by: chenjing, remark: 留作工艺参考，存技术资料柜}}"));
    git(dir, ["commit", "-qam", "QP-007 A/0 copy 1 kept by gaoyang"]);
    zh = join(tempDir(), "site");
    en = join(tempDir(), "site");
    for (const [out, lang] of [[zh, "zh-CN"], [en, "en"]] as const) {
      const result = csr(["-C", dir, "site", "--out", out, "--today", "2026-12-28", "--lang", lang]);
      expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: expect.stringContaining(lang === "en" ? "Built the site" : "已生成网站") });
    }
    return chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu", "--allow-file-access-from-files"] }).then((b) => {
      browser = b;
    });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
  });

  it("lists the copy on the holder's page, in its state 作废留用", () => {
    expect(rows(readFileSync(join(zh, "people/gaoyang.html"), "utf8"), "持有的受控副本（1）")).toEqual(["QP-007 | 产品质量先期策划控制程序 | A/0 | 1 | 技术部 | 2024-03-01 | 2025-05-19 | 作废留用"]);
  });

  it("finds the document by the holder's name, the hit quoting who holds its copies", async () => {
    const page = await browser.newPage();
    expect(await results(page, zh, "高扬")).toContain("QP-007 产品质量先期策划控制程序 | documents/QP-007.html");
    expect(await page.locator("#site-search-results li", { hasText: "QP-007" }).textContent()).toContain("副本领用人：高扬（技术部）、周鹏（技术部）");
    expect(await results(page, en, "Gao Yang")).toContain("QP-007 Advanced Product Quality Planning (APQP) Procedure | documents/QP-007.html");
    await page.close();
  }, 60_000);
});
