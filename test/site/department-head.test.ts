/**
 * The site's search, people list and department page as a department head uses them, in Chromium, on one site of
 * acme-auto (Chinese and English, --today 2026-12-28) opened from file://.
 *
 * tester70 P1, P2 left-out ends: a department has an entry of its own (its name, code and people) leading to its page; a
 * person's name finds the documents whose controlled copies they hold, the hit quoting who holds them; people.html links
 * each person's department to its page; a training registered by its record number alone names the department's people it
 * concerns and what to do.
 *
 * tester70 P13: a department's name finds the documents it owns (归口部门), the processes it owns and the CSRs its people
 * implement, and each document found shows its version and whether it is in force (A/1 现行, 草稿).
 */
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM, committedFixture, csrInProcess, tempDir } from "../helpers.js";

/** The hits of a search: each one's kind, title and link. */
async function results(page: Page, site: string, query: string): Promise<string[]> {
  await page.goto(`${pathToFileURL(join(site, "search.html")).href}?q=${encodeURIComponent(query)}`);
  await page.locator("#site-search-results li").first().waitFor();
  return page.locator("#site-search-results li").evaluateAll((items) => items.map((item) => [item.querySelector(".kind")?.textContent ?? "", item.querySelector("a")!.textContent, item.querySelector("a")!.getAttribute("href")].join(" | ")));
}

/** The hits of a search: each one's title and status badge. */
async function resultsWithStatus(page: Page, site: string, query: string): Promise<string[]> {
  await page.goto(`${pathToFileURL(join(site, "search.html")).href}?q=${encodeURIComponent(query)}`);
  await page.locator("#site-search-results li").first().waitFor();
  return page.locator("#site-search-results li").evaluateAll((items) => items.map((item) => [item.querySelector("a")!.textContent, item.querySelector(".status")?.textContent ?? ""].join(" | ")));
}

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

describe("csr site: departments and copy holders in the search, departments linked from the people list, trainings a department cannot confirm", () => {
  it("finds a department's page by its name, its code and its people", async () => {
    const page = await browser.newPage();
    for (const query of ["生产部", "PRD", "黄军"]) expect(await results(page, zh, query)).toContain("部门 | PRD 生产部 | departments/PRD.html");
    expect(await results(page, en, "Production")).toContain("Department | PRD Production | departments/PRD.html");
    await page.close();
  }, 60_000);

  it("finds by a holder's name the documents whose controlled copies they hold, the hit saying who holds them", async () => {
    const page = await browser.newPage();
    const found = await results(page, zh, "黄军");
    expect(found).toContain("人员 | huangjun 黄军 | people/huangjun.html");
    // The twelve documents of the copies tester70 P2 lists, QM-001 no. 26 to QP-015 no. 8.
    for (const id of ["QM-001", "QP-002", "QP-003", "QP-004", "QP-006", "QP-007", "QP-008", "QP-009", "QP-011", "QP-012", "QP-013", "QP-015"]) {
      expect(found.some((hit) => hit.startsWith(`文件 | ${id} `))).toBe(true);
    }
    expect(await page.locator("#site-search-results li", { hasText: "QP-009" }).textContent()).toContain("副本领用人：张丽（品质部）、黄军（生产部）");
    expect(await results(page, en, "Huang Jun")).toContain("Document | QP-009 Incoming Inspection Procedure | documents/QP-009.html");
    await page.close();
  }, 60_000);

  it("names on a department's page the people a training record registered by its number alone should have trained, and says what to do", () => {
    const page = readFileSync(join(zh, "departments/PRD.html"), "utf8");
    expect(page).toContain(
      '<tr><td class="code"><a href="../csr/DYA-006.html">DYA-006</a></td><td>返工前风险评估，返工品100%复检并可追溯</td><td class="code">D</td><td class="name">黄军</td><td class="date"></td><td></td>' +
        "<td>是否已培训尚不能确认：培训记录 TR-2026-025 没有写明受训人员。请核对该记录，把参加培训的人（本部门涉及 1 人）报文控登记。</td></tr>",
    );
    expect(page).not.toContain("受训人员见该记录");
    expect(readFileSync(join(en, "departments/PRD.html"), "utf8")).toContain(
      '<td class="name">Huang Jun</td><td class="date"></td><td></td><td>Not known yet whether trained: training record TR-2026-025 does not name who attended. Check the record and tell document control whether this person attended, so that it is entered.</td></tr>',
    );
  });

  it("links each person's department on the people list to the department's page", () => {
    const people = readFileSync(join(zh, "people.html"), "utf8");
    expect(people).toContain('<li><a href="people/huangjun.html">黄军</a>（<a href="departments/PRD.html">生产部</a>）</li>');
    expect(readFileSync(join(en, "people.html"), "utf8")).toContain('<li><a href="people/huangjun.html">Huang Jun</a> (<a href="departments/PRD.html">Production</a>)</li>');
  });
});

describe("csr site: search by department (tester70 P13)", () => {
  it("finds a department's documents, process and CSRs by its name, each document with its version and status", async () => {
    const page = await browser.newPage();
    const found = await resultsWithStatus(page, zh, "生产部");
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
    expect(await resultsWithStatus(page, zh, "PRD")).toContain("WI-010-01 制动软管总成扣压作业指导书 | A/1 现行");
    expect(await page.locator("#site-search-results li", { hasText: "WI-010-01" }).textContent()).toContain("归口部门：生产部（PRD）");
    const english = await resultsWithStatus(page, en, "Production");
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
