/**
 * The site's search as a department head uses it (tester70 P13): a department's name finds the documents it owns
 * (归口部门), the processes it owns and the CSRs its people implement, and each document found shows its version and
 * whether it is in force (A/1 现行, 草稿). In Chromium, on a site of acme-auto opened from file://.
 */
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM, committedFixture, csrInProcess, tempDir } from "../helpers.js";

async function results(page: Page, site: string, query: string): Promise<string[]> {
  await page.goto(`${pathToFileURL(join(site, "search.html")).href}?q=${encodeURIComponent(query)}`);
  await page.locator("#site-search-results li").first().waitFor();
  return page.locator("#site-search-results li").evaluateAll((items) => items.map((item) => [item.querySelector("a")!.textContent, item.querySelector(".status")?.textContent ?? ""].join(" | ")));
}

describe("csr site: search by department (tester70 P13)", () => {
  let browser: Browser;
  let zh: string;
  let en: string;
  beforeAll(async () => {
    const dir = committedFixture("examples/acme-auto");
    zh = join(tempDir(), "site");
    en = join(tempDir(), "site");
    expect((await csrInProcess(["-C", dir, "site", "--out", zh, "--today", "2026-12-28"], { lang: "zh-CN" })).code).toBe(0);
    expect((await csrInProcess(["-C", dir, "site", "--out", en, "--today", "2026-12-28", "--lang", "en"], { lang: null })).code).toBe(0);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu", "--allow-file-access-from-files"] });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
  });

  it("finds a department's documents, process and CSRs by its name, each document with its version and status", async () => {
    const page = await browser.newPage();
    const found = await results(page, zh, "生产部");
    for (const hit of [
      "WI-010-01 制动软管总成扣压作业指导书 | A/1 现行",
      "WI-010-02 橡胶件硫化作业指导书 | A/1 现行",
      "HH-WI-06 过程临时变更管理办法 | A/2 现行",
      "QR-011-01 产品追溯记录 | A/1 现行",
      "HH-F-045 设备日常点检表 | A/1 现行",
      "WI-011-01 北辰汽车零部件包装标识作业指导书 | 草稿",
      "C3 生产过程控制 | ",
      "BCM-004 零件标签采用北辰统一二维码格式 | ",
      "DYA-006 返工前风险评估，返工品100%复检并可追溯 | ",
    ]) {
      expect(found).toContain(hit);
    }
    // What is in force before the draft, as for any search.
    expect(found.indexOf("WI-011-01 北辰汽车零部件包装标识作业指导书 | 草稿")).toBeGreaterThan(found.indexOf("WI-010-01 制动软管总成扣压作业指导书 | A/1 现行"));
    // By its code too, and the line that matched is quoted.
    expect(await results(page, zh, "PRD")).toContain("WI-010-01 制动软管总成扣压作业指导书 | A/1 现行");
    expect(await page.locator("#site-search-results li", { hasText: "WI-010-01" }).textContent()).toContain("归口部门：生产部（PRD）");
    const english = await results(page, en, "Production");
    expect(english).toContain("WI-010-01 Brake Hose Crimping Work Instruction | A/1 in force");
    expect(english).toContain("WI-011-01 Beichen Packaging and Labelling Work Instruction | draft");
    await page.close();
  }, 60_000);

  it("keeps the index small: the entries file grows by a few kilobytes", () => {
    const size = statSync(join(zh, "assets", "search-entries.js")).size;
    // 75,295 bytes before the departments and badges (csr site --today 2026-12-28 of acme-auto).
    expect(size).toBeLessThan(75_295 + 8_000);
    expect(readFileSync(join(zh, "assets", "search-entries.js"), "utf8")).toContain('"badge":"A/1 现行"');
  });
});
