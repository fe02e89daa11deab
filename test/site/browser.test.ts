/**
 * The site in a real browser: the system Chromium (its headless shell where installed, test/helpers.ts
 * CHROMIUM) driven by playwright-core (nothing downloaded), one browser for the whole file. The
 * site is served from 127.0.0.1 and opened from file://.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { createRequire } from "node:module";
import { extname, join, normalize, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM, copyFixture, csr, csrInProcess, makeRepo, tempDir } from "../helpers.js";

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8", ".csv": "text/csv", ".xlsx": "application/octet-stream" };

/** The site of `repo`, built by csr in this process: what the tests look at is the site in Chromium (test/site/out-folder.test.ts and the incomplete site below run the binary). */
async function buildSite(repo: string, ...args: string[]): Promise<string> {
  const out = join(tempDir(), "site");
  const result = await csrInProcess(["-C", repo, "site", "--out", out, "--today", "2026-11-27", ...args], { lang: null });
  if (result.code !== 0) throw new Error(result.stderr);
  return out;
}

let englishAcme: Promise<string> | undefined;
/** acme-auto's English site, built once for the tests that only read it. */
const englishSite = (): Promise<string> => (englishAcme ??= buildSite(copyFixture("examples/acme-auto"), "--lang", "en"));

/** A static file server for one folder, on a free port of 127.0.0.1. */
async function serve(dir: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    const path = normalize(join(dir, decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname)));
    if (!path.startsWith(dir + sep)) return void response.writeHead(403).end();
    try {
      const body = readFileSync(path);
      response.writeHead(200, { "content-type": TYPES[extname(path)] ?? "application/octet-stream" }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("no port");
  return { server, origin: `http://127.0.0.1:${address.port}` };
}

/** What a page did that it should not: console errors, script errors, requests outside the site, dialogs. */
function watch(page: Page, allowed: (url: string) => boolean) {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`script error: ${error.message}`));
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
  });
  page.on("request", (request) => {
    if (!allowed(request.url())) problems.push(`request outside the site: ${request.url()}`);
  });
  page.on("dialog", (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return problems;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** axe-core's violations of impact serious or critical on the page, as "rule: selector" lines. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return (await axe.run(document)).violations;
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
}

async function resultTitles(page: Page): Promise<string[]> {
  await page.locator("#site-search-results li").first().waitFor();
  return page.locator("#site-search-results li a").allTextContents();
}

describe("csr site in Chromium", () => {
  let browser: Browser;
  let site: string;
  let server: Server;
  let origin: string;

  beforeAll(async () => {
    site = await buildSite(copyFixture("examples/acme-auto"));
    ({ server, origin } = await serve(site));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  it("goes from the dashboard to a CSR, to the procedure that addresses it, and back", async () => {
    const page = await browser.newPage();
    const problems = watch(page, (url) => url.startsWith(`${origin}/`));
    await page.goto(`${origin}/index.html`);
    await page.locator('#panel-csr-status a[aria-label^="DYA · 已验证"]').click();
    await page.waitForURL(`${origin}/customers/DYA.html#status-verified`);
    await page.locator("#status-verified").getByRole("link", { name: "DYA-001", exact: true }).click();
    await page.waitForURL(`${origin}/csr/DYA-001.html`);
    expect(await page.locator("h1").textContent()).toBe("顾客特定要求评审报告");
    await page.getByRole("link", { name: "QP-014", exact: true }).first().click();
    await page.waitForURL(`${origin}/documents/QP-014.html`);
    expect(await page.locator("h1").textContent()).toBe("特殊特性管理程序");
    await page.goBack();
    expect(page.url()).toBe(`${origin}/csr/DYA-001.html`);
    // A review not yet decided: 措施与落实 has only label-and-value rows, its labels as narrow as the header's.
    await page.goto(`${origin}/csr/BCM-005.html`);
    const labelShare = await page.evaluate(() => document.querySelector("table.actions th")!.getBoundingClientRect().width / document.querySelector("table.actions")!.getBoundingClientRect().width);
    expect(labelShare).toBeLessThan(0.2);
    // On a phone (390 px) the A4 column of a document or CSR page shrinks to the screen: the page does not pan sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    for (const path of ["csr/DYA-002.html", "documents/QP-015.html"]) {
      await page.goto(`${origin}/${path}`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390);
    }
    // Printed, the heat map keeps its colour code and its table is not cut at a scroll box.
    await page.emulateMedia({ media: "print" });
    await page.goto(`${origin}/coverage.html`);
    const printed = await page.evaluate(() => {
      const cell = document.querySelector(".site-heatmap td.direct")!;
      return { adjust: getComputedStyle(cell).printColorAdjust, overflow: getComputedStyle(document.querySelector(".site-scroll")!).overflowX };
    });
    expect(printed).toEqual({ adjust: "exact", overflow: "visible" });
    await page.emulateMedia({ media: "screen" });
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it("searches Chinese text, from the search page and from the box on every page", async () => {
    const page = await browser.newPage();
    const problems = watch(page, (url) => url.startsWith(`${origin}/`));
    await page.goto(`${origin}/search.html`);
    await page.locator("#site-search-input").fill("特殊特性");
    await page.locator("#site-search-input").press("Enter");
    expect(await resultTitles(page)).toEqual([
      "QP-014 特殊特性管理程序",
      "QR-014-01 特殊特性清单",
      "DYA-001 特殊特性须使用东岳符号或经认可的等效符号标注",
      "DYA 东岳汽车股份有限公司",
      "QP-010 生产过程控制程序",
      "QP-012 不合格品控制程序",
      "QP-007 产品质量先期策划控制程序",
      "QP-015 顾客特定要求管理程序",
    ]);
    expect(await page.locator("#site-search-status").textContent()).toBe("找到 8 项");
    // A result whose title does not hold the term quotes where the text does, the term marked.
    expect(await page.locator("#site-search-results li", { hasText: "QP-010 生产过程控制程序" }).locator(".snippet mark").textContent()).toBe("特殊特性");
    // A number typed without its hyphen, a clause number, an English word in the singular (the
    // entries hold the English titles: Special Characteristics Procedure).
    // A person's name in pinyin as colleagues type it: run together, spaced, initials.
    for (const [query, found] of [["QP014", "QP-014 特殊特性管理程序"], ["4.3.2", "QM-001 质量手册"], ["characteristic", "QP-014 特殊特性管理程序"], ["xuhaitao", "xuht 徐海涛"], ["xu hai tao", "xuht 徐海涛"], ["xht", "xuht 徐海涛"]] as const) {
      await page.locator("#site-search-input").fill(query);
      await page.locator("#site-search-input").press("Enter");
      await page.waitForFunction((q) => document.getElementById("site-search-status")?.textContent !== "" && new URLSearchParams(location.search).get("q") === q, query);
      expect(await resultTitles(page)).toContain(found);
    }

    await page.goto(`${origin}/documents/QP-001.html`);
    await page.locator('.site-search input[name="q"]').fill("追溯");
    await page.locator(".site-search button").click();
    await page.waitForURL(/search\.html\?q=/);
    const found = await resultTitles(page);
    expect(found).toContain("QP-011 标识和可追溯性控制程序");
    expect(found).toContain("DYA-006 返工前风险评估，返工品100%复检并可追溯");
    await page.locator("#site-search-results a", { hasText: "QP-011" }).click();
    await page.waitForURL(`${origin}/documents/QP-011.html`);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it("finds a customer's notes, training records' numbers, the symbols of special characteristics and ids typed full-width (tester25 F12)", async () => {
    const page = await browser.newPage();
    const problems = watch(page, (url) => url.startsWith(`${origin}/`));
    const search = async (query: string) => {
      await page.goto(`${origin}/search.html?q=${encodeURIComponent(query)}`);
      return resultTitles(page);
    };
    expect(await search("8D响应速度")).toEqual(["DYA 东岳汽车股份有限公司"]);
    expect(await search("TR-2026-018")).toEqual(["DYA-002 顾客投诉的围堵和8D报告时限"]);
    expect(await search("TR-2026-041")).toEqual(["BCM-004 零件标签采用北辰统一二维码格式"]);
    expect(await search("★")).toEqual(["WI-010-01 制动软管总成扣压作业指导书", "DYA-001 特殊特性须使用东岳符号或经认可的等效符号标注", "QP-014 特殊特性管理程序"]);
    expect(await search("◆")).toEqual(["QP-014 特殊特性管理程序"]);
    // As QP-014 typed in ASCII: the document, then the CSR addressed in it.
    expect(await search("ＱＰ－０１４")).toEqual(["QP-014 特殊特性管理程序", "DYA-001 特殊特性须使用东岳符号或经认可的等效符号标注"]);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it("puts the entity whose number is typed first, finds a clause as the heat map marks it, and marks what is not in force (tester50a #3, #8, #12)", async () => {
    const page = await browser.newPage();
    const problems = watch(page, (url) => url.startsWith(`${origin}/`));
    const search = async (query: string) => {
      await page.goto(`${origin}/search.html?q=${encodeURIComponent(query)}`);
      return resultTitles(page);
    };
    // The CSRs whose evidence names the number no longer come before it.
    for (const [query, first] of [["QP-012", "QP-012 不合格品控制程序"], ["QP-013", "QP-013 纠正措施控制程序"], ["QR-013-01", "QR-013-01 "], ["qp012", "QP-012 不合格品控制程序"]]) {
      expect((await search(query!))[0], query).toMatch(new RegExp(`^${first}`));
    }
    // What row 8.7.1.4 of the heat map marks and lists (QP-009, QP-010, QP-013 ○), and the CSRs naming the clause; not the other documents of S6.
    expect(await search("IATF16949:8.7.1.4")).toEqual([
      "QM-001 质量手册",
      "QP-009 进料检验控制程序",
      "QP-010 生产过程控制程序",
      "QP-012 不合格品控制程序",
      "S6 检验与不合格品控制",
      "QP-013 纠正措施控制程序",
      "DYA-006 返工前风险评估，返工品100%复检并可追溯",
      "QR-012-02 返工返修确认记录",
      // Superseded: after what is in force (tester59 G9).
      "DYA-003 返工产品须事先取得东岳SQE书面批准",
    ]);
    // A form's name finds the form in force first, the withdrawn one it replaced after it (tester59 G9).
    expect(await search("阶段评审")).toEqual(["QR-007-02 APQP阶段评审记录", "QP-007 产品质量先期策划控制程序", "HH-F-013 阶段评审记录"]);
    // A section reference typed whole finds the CSRs addressed in that section, as README says; a document's number its own page first, then those CSRs.
    expect(await search("QP-014#5.2")).toEqual(["DYA-001 特殊特性须使用东岳符号或经认可的等效符号标注"]);
    expect((await search("QP-014")).slice(0, 2)).toEqual(["QP-014 特殊特性管理程序", "DYA-001 特殊特性须使用东岳符号或经认可的等效符号标注"]);
    // A superseded CSR says so after its title, an obsolete document its version and 作废 (tester70 P13).
    for (const [query, item] of [["DYA-003", "顾客特定要求DYA-003 返工产品须事先取得东岳SQE书面批准 【已替代】"], ["HH-F-013", "文件HH-F-013 阶段评审记录 A/1 作废"]]) {
      await search(query!);
      expect(await page.locator("#site-search-results li").first().textContent(), query).toBe(item);
    }
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it("finds every entity whose number begins with what is typed, the number typed whole first (tester51 #1)", async () => {
    const page = await browser.newPage();
    const problems = watch(page, (url) => url.startsWith(`${origin}/`));
    const search = async (query: string) => {
      await page.goto(`${origin}/search.html?q=${encodeURIComponent(query)}`);
      return resultTitles(page);
    };
    // QP-010 … QP-015 in the order of their numbers, typed with or without the hyphen, in lower case or full-width; then the CSRs addressed in them.
    const procedures = ["QP-010 生产过程控制程序", "QP-011 标识和可追溯性控制程序", "QP-012 不合格品控制程序", "QP-013 纠正措施控制程序", "QP-014 特殊特性管理程序", "QP-015 顾客特定要求管理程序"];
    for (const query of ["QP-01", "qp-01", "ＱＰ－０１", "qp01"]) {
      const found = await search(query);
      expect(found.slice(0, 6), query).toEqual(procedures);
      expect(found.slice(6), query).toContain("DYA-001 特殊特性须使用东岳符号或经认可的等效符号标注");
    }
    // A number typed whole is first, then those it begins: the customer, then its CSRs.
    expect((await search("DYA")).slice(0, 8)).toEqual([
      "DYA 东岳汽车股份有限公司",
      "DYA-001 特殊特性须使用东岳符号或经认可的等效符号标注",
      "DYA-002 顾客投诉的围堵和8D报告时限",
      "DYA-003 返工产品须事先取得东岳SQE书面批准",
      "DYA-004 控制计划的年度评审和变更后提交",
      "DYA-005 每批交付随附第三方实验室爆破试验报告",
      "DYA-006 返工前风险评估，返工品100%复检并可追溯",
      "DYA-007 2027年度供应商质量和交付绩效目标",
    ]);
    expect((await search("QR-013-0"))[0]).toBe("QR-013-01 8D问题解决报告");
    // The GJB example's numbers carry their family (CS/QP-010): the number is begun without it.
    const { server: gjbServer, origin: gjbOrigin } = await serve(await buildSite(copyFixture("examples/gjb-demo")));
    await page.goto(`${gjbOrigin}/search.html?q=${encodeURIComponent("QP-01")}`);
    expect(await resultTitles(page)).toEqual(["CS/QP-010 新产品试制控制程序", "CS/QP-011 采购控制程序", "CS/QP-012 供方管理程序", "CS/QP-013 生产过程控制程序", "CS/QP-014 产品标识和防护控制程序", "CS/QP-019 质量改进控制程序"]);
    gjbServer.close();
    expect(problems.filter((problem) => !problem.includes(gjbOrigin))).toEqual([]);
    await page.close();
  }, 180_000);

  it("finds the words of a CSR's review report, of a document's revision record and the English titles of a customer's documents (tester51 #2)", async () => {
    const page = await browser.newPage();
    const problems = watch(page, (url) => url.startsWith(`${origin}/`));
    const search = async (query: string) => {
      await page.goto(`${origin}/search.html?q=${encodeURIComponent(query)}`);
      return resultTitles(page);
    };
    // A department's comment on DYA-001, the record of the alternative agreed for DYA-005 (the minutes' number), QM-001's summary of revision A/1.
    expect(await search("班前会培训操作工")).toEqual(["DYA-001 特殊特性须使用东岳符号或经认可的等效符号标注"]);
    expect(await search("MKT-2026-031")).toEqual(["DYA-005 每批交付随附第三方实验室爆破试验报告"]);
    expect(await search("技术部与研发部合并")).toEqual(["QM-001 质量手册"]);
    expect(await page.locator("#site-search-results .snippet mark").textContent()).toBe("技术部与研发部合并");
    // Beichen's source documents are titled … Requirements in English: the singular finds them, and the customer and every CSR reviewed against them;
    // last, by the stem they share (Porter's requir), DYA-003, whose English title says "Rework requires …" (search52).
    const requirement = await search("requirement");
    expect(requirement).toEqual([
      "BCM 北辰汽车集团有限公司",
      "C1 市场开发与顾客要求评审",
      "QR-015-01 顾客特定要求清单",
      "BCM-005 特殊过程每年按北辰评估表自评并提交结果",
      // BCM-003 and BCM-004 after BCM-001: their texts name who implements them (tester70 P13), longer, each word weighing less.
      "BCM-001 含嵌入式软件的产品须按汽车SPICE评估软件开发能力",
      "BCM-003 批次追溯至胶料批次，追溯记录保存至停产后15年",
      "BCM-004 零件标签采用北辰统一二维码格式",
      "BCM-002 外部实验室须具有CNAS认可且认可范围覆盖委托项目",
      "QM-001 质量手册",
      "QP-015 顾客特定要求管理程序",
      "DYA-003 返工产品须事先取得东岳SQE书面批准",
    ]);
    expect(await search("requirements")).toEqual(requirement);
    // An earlier review round's comment: DYA-002's round of DYA-SQM C (search52).
    expect(await search("与东岳SQE确认按工作日计算")).toEqual(["DYA-002 顾客投诉的围堵和8D报告时限"]);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it("finds a document by the reason, change request and ECN of its revisions, where an 8D or complaint number is recorded (tester63 N6)", async () => {
    // csr release --reason "东岳投诉…，8D-… D7永久措施" --change-request … --ecn …, as README says the numbers are recorded.
    const repo = copyFixture("examples/acme-auto");
    const file = join(repo, "documents/instructions/WI-010-01.yaml");
    const summary = "    summary: 扣压外径标注为关键特性★（东岳▽），增加每2小时扣压外径记录\n";
    writeFileSync(file, readFileSync(file, "utf8").replace(summary, `${summary}    reason: 东岳投诉DYA-C-2025-007，8D-2025-003 D7永久措施\n    change_request: QR-001-01-2025-012\n    ecn: [DY-ECN-2025-031]\n`));
    const served = await serve(await buildSite(repo));
    const page = await browser.newPage();
    const problems = watch(page, (url) => url.startsWith(`${served.origin}/`));
    const search = async (query: string) => {
      await page.goto(`${served.origin}/search.html?q=${encodeURIComponent(query)}`);
      return resultTitles(page);
    };
    for (const query of ["DYA-C-2025-007", "8D-2025-003 D7", "QR-001-01-2025-012", "DY-ECN-2025-031"]) expect(await search(query), query).toEqual(["WI-010-01 制动软管总成扣压作业指导书"]);
    expect(await page.locator("#site-search-results .snippet mark").textContent()).toBe("DY-ECN-2025-031");
    expect(problems).toEqual([]);
    await page.close();
    served.server.close();
  }, 60_000);

  it("finds an English word's other forms by their stem, what holds the word as typed first (search52)", async () => {
    const page = await browser.newPage();
    const problems = watch(page, (url) => url.startsWith(`${origin}/`));
    const search = async (query: string) => {
      await page.goto(`${origin}/search.html?q=${encodeURIComponent(query)}`);
      return resultTitles(page);
    };
    const snippets = () => page.locator("#site-search-results li").evaluateAll((items) => items.map((item) => item.querySelector(".snippet mark")?.textContent ?? ""));
    // The English text of a Chinese site: BCM-005 says "special processes" and QM-001 "Processes and their interaction"; then what says process.
    const processes = await search("processes");
    expect(processes).toEqual([
      "BCM-005 特殊过程每年按北辰评估表自评并提交结果",
      "QM-001 质量手册",
      "C2 产品和过程设计开发（APQP）",
      "BCM 北辰汽车集团有限公司",
      "HH-WI-06 过程临时变更管理办法",
      "QP-010 生产过程控制程序",
    ]);
    // Each result quotes the word it was found by, whole.
    expect(await snippets()).toEqual(["processes", "Processes", "process", "Process", "Process", "Process"]);
    expect((await search("process")).sort()).toEqual([...processes].sort());
    // An English site: the past participle, the gerund and the word itself find the same, the form typed first.
    const english = await serve(await englishSite());
    const searchEnglish = async (query: string) => {
      await page.goto(`${english.origin}/search.html?q=${encodeURIComponent(query)}`);
      return resultTitles(page);
    };
    const control = await searchEnglish("control");
    const controlled = await searchEnglish("controlled");
    expect(controlled[0]).toBe("QR-001-03 Controlled Document List");
    expect([control.length, [...controlled].sort()]).toEqual([7, [...control].sort()]);
    const review = await searchEnglish("review");
    expect([review.length, (await searchEnglish("reviewing")).sort(), (await searchEnglish("reviews")).sort()]).toEqual([9, [...review].sort(), [...review].sort()]);
    english.server.close();
    expect(problems.filter((problem) => !problem.includes(english.origin))).toEqual([]);
    await page.close();
  }, 120_000);

  it("shows the English search box's whole placeholder (tester25 F12)", async () => {
    const english = await englishSite();
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${pathToFileURL(english).href}/index.html`);
    const fits = await page.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('.site-search input[name="q"]')!;
      const style = getComputedStyle(input);
      const context = document.createElement("canvas").getContext("2d")!;
      context.font = style.font;
      const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return { placeholder: input.placeholder, fits: context.measureText(input.placeholder).width <= room };
    });
    expect(fits).toEqual({ placeholder: "Search documents and CSRs", fits: true });
    await page.close();
  }, 60_000);

  it("shows the same header on every kind of page: a rendered document's styles do not reach it (tester47 #9)", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const headers: Record<string, unknown> = {};
    for (const path of ["index.html", "registers/procedures.html", "documents/QP-014.html", "csr/DYA-001.html"]) {
      await page.goto(`${origin}/${path}`);
      headers[path] = await page.evaluate(() => {
        const box = (selector: string) => {
          const r = document.querySelector(selector)!.getBoundingClientRect();
          return [Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)];
        };
        const brand = getComputedStyle(document.querySelector(".site-brand")!);
        return { header: box(".site-header"), brand: box(".site-brand"), nav: box(".site-nav"), search: box(".site-search input"), font: `${brand.fontSize} ${brand.lineHeight} ${brand.fontFamily}` };
      });
    }
    for (const path of Object.keys(headers)) expect(headers[path], path).toEqual(headers["index.html"]);
    await page.close();
  }, 60_000);

  it("wraps a long unbroken title on a document's and a CSR's page: the A4 column is kept (tester47 #8)", async () => {
    const repo = copyFixture("examples/acme-auto");
    const long = "A".repeat(300);
    for (const file of ["documents/procedures/QP-014.yaml", "csr/DYA/DYA-001.yaml"]) {
      const path = join(repo, file);
      writeFileSync(path, readFileSync(path, "utf8").replace(/^title: .*$/m, `title: ${long}`));
    }
    const { server: longServer, origin: longOrigin } = await serve(await buildSite(repo));
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const widths: Record<string, number[]> = {};
    for (const path of ["documents/QP-014.html", "csr/DYA-001.html"]) {
      await page.goto(`${longOrigin}/${path}`);
      expect(await page.locator("main").textContent()).toContain(long);
      // The page's width, its A4 column's (175 mm is 661 px) and whether its running header ends inside the window.
      widths[path] = await page.evaluate(() => [document.documentElement.scrollWidth, Math.round(document.querySelector(".site-document > table.page")!.getBoundingClientRect().width), document.querySelector(".running-header")!.getBoundingClientRect().right <= 1280 ? 1 : 0]);
    }
    // QP-015 lists QP-014 among its references, DYA-001's actions name it.
    for (const path of ["documents/QP-015.html"]) {
      await page.goto(`${longOrigin}/${path}`);
      widths[path] = await page.evaluate(() => [document.documentElement.scrollWidth, Math.round(document.querySelector(".site-document > table.page")!.getBoundingClientRect().width), document.querySelector(".running-header")!.getBoundingClientRect().right <= 1280 ? 1 : 0]);
    }
    expect(widths).toEqual({ "documents/QP-014.html": [1280, 661, 1], "csr/DYA-001.html": [1280, 661, 1], "documents/QP-015.html": [1280, 661, 1] });
    await page.close();
    longServer.close();
  }, 60_000);

  it("sets the dashboard's notice that the site is incomplete apart from the title above and the panels below", async () => {
    const repo = copyFixture("examples/acme-auto");
    const file = join(repo, "csr/DYA/DYA-005.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace(/^source:\n(?: .*\n)+/m, ""));
    const out = join(tempDir(), "site");
    expect(csr(["-C", repo, "site", "--out", out, "--today", "2026-11-27"], { lang: null }).code).toBe(1);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(pathToFileURL(join(out, "index.html")).href);
    // The space between the lead (截至 …) and the notice, and between the notice and the first panel, in px.
    const gaps = await page.evaluate(() => {
      const box = (selector: string) => document.querySelector(selector)!.getBoundingClientRect();
      return [Math.round(box(".site-incomplete").top - box(".site-lead").bottom), Math.round(box(".site-panel").top - box(".site-incomplete").bottom)];
    });
    expect(gaps).toEqual([12, 16]);
    await page.close();
  }, 60_000);

  it("shows the first 200 results of a search and the rest on request (tester48 #5)", async () => {
    const people = Array.from({ length: 205 }, (_, i) => `  - {id: p${i}, name: 检验员${i}, department: QA, roles: [author]}`).join("\n");
    const out = await buildSite(makeRepo({ "qms.yaml": "organisation: {name: 测试公司}\nstandards: [IATF16949]\ndepartments: [{code: QA, name: 品质部}]\nrules: {coverage/clause-uncovered: off}\n", "people.yaml": `people:\n${people}\n` }));
    const page = await browser.newPage();
    await page.goto(`${pathToFileURL(out).href}/search.html?q=${encodeURIComponent("检验员")}`);
    await resultTitles(page);
    // The 205 people and their department, found by its people's names.
    expect([await page.locator("#site-search-status").textContent(), await page.locator("#site-search-results li").count()]).toEqual(["找到 206 项", 200]);
    await page.getByRole("button", { name: "显示其余 6 项" }).click();
    expect([await page.locator("#site-search-results li").count(), await page.locator(".site-more").count()]).toEqual([206, 0]);
    await page.close();
  }, 60_000);

  it("keeps the heat map's column heads and clause column in view while its box scrolls (tester48 #4)", async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
    await page.goto(`${origin}/coverage.html`);
    // Scrolled down and right inside its box: where the heads and the clause of a row in view are, against the box.
    const seen = await page.evaluate(() => {
      const box = document.querySelector(".site-heatmap-box")!;
      box.scrollIntoView();
      box.scrollTop = 2000;
      box.scrollLeft = 2000;
      const edge = box.getBoundingClientRect();
      const head = document.querySelector(".site-heatmap thead th.vertical")!.getBoundingClientRect();
      const row = [...document.querySelectorAll(".site-heatmap tbody tr")].find((tr) => tr.getBoundingClientRect().top > edge.top + 100)!;
      return { scrolled: [box.scrollTop > 0, box.scrollLeft > 0], head: Math.round(head.top - edge.top), clause: Math.round(row.querySelector("th")!.getBoundingClientRect().left - edge.left) };
    });
    expect(seen).toEqual({ scrolled: [true, true], head: 0, clause: 0 });
    await page.close();
  }, 60_000);

  it("works from file:// without loading anything else", async () => {
    const root = pathToFileURL(site).href;
    const page = await browser.newPage();
    const problems = watch(page, (url) => url.startsWith(`${root}/`));
    await page.goto(`${root}/search.html?q=${encodeURIComponent("追溯")}`);
    expect(await resultTitles(page)).toContain("QP-011 标识和可追溯性控制程序");
    await page.goto(`${root}/index.html`);
    await page.getByRole("link", { name: "QP-015 顾客特定要求管理程序" }).click();
    expect(await page.locator("h1").textContent()).toBe("顾客特定要求管理程序");
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it("has no serious or critical accessibility violations (axe-core)", async () => {
    const page = await browser.newPage();
    const found: string[] = [];
    for (const path of ["index.html", "coverage.html", "documents/QP-014.html", "documents/QP-012.html", "csr/DYA-001.html", "customers/DYA.html", "registers/procedures.html", "registers/processes.html", "registers/disposals.html", "registers/management-review.html", "findings.html", "search.html?q=%E8%BF%BD%E6%BA%AF"]) {
      await page.goto(`${origin}/${path}`);
      if (path.startsWith("search")) await resultTitles(page);
      for (const violation of await seriousViolations(page)) found.push(`${path} ${violation}`);
    }
    // The English site (tester48 #7): a document's copies wider than its A4 column at 1280 px; the year-end registers at 800 px; on a phone (390 px)
    // each table of a CSR's or document's A4 column scrolls in its own box, also one without a link in it (a draft's
    // header, WI-011-01: not keyboard-reachable before), and the opinions and signatures of CSR review reports.
    const english = pathToFileURL(await englishSite()).href;
    const pages: [number, string][] = [[1280, "documents/QP-012.html"], [800, "registers/processes.html"], [800, "registers/disposals.html"], [800, "registers/management-review.html"], [390, "csr/BCM-005.html"], [390, "csr/DYA-007.html"], [390, "documents/WI-011-01.html"], [390, "csr/DYA-006.html"]];
    for (const [width, path] of pages) {
      await page.setViewportSize({ width, height: 844 });
      await page.goto(`${english}/${path}`);
      for (const violation of await seriousViolations(page)) found.push(`en ${width} ${path} ${violation}`);
    }
    // At 390 px the opinions of BCM-005 do scroll in their box: the case the attribute is for.
    await page.goto(`${english}/csr/BCM-005.html`);
    expect(await page.evaluate(() => document.querySelector("table.opinions")!.scrollWidth > document.querySelector("table.opinions")!.clientWidth)).toBe(true);
    expect(found).toEqual([]);
    await page.close();
  }, 240_000);

  it("runs nothing that a hostile repository put in its values", async () => {
    const hostile = await buildSite(
      makeRepo({
        "qms.yaml": 'organisation: {name: "<img src=x onerror=alert(1)>"}\nstandards: [IATF16949]\ndepartments: [{code: QA, name: "<svg onload=alert(2)>"}]\nrules: {coverage/clause-uncovered: off}\n',
        "people.yaml": "people: []\n",
        "documents/QP-666.yaml": 'id: QP-666\ntitle: "</script><script>alert(3)</script>"\nlevel: 2\nkind: procedure\ndepartment: QA\nstatus: draft\nsections:\n  - title: x\n    text: "<script>alert(4)</script> [a](javascript:alert(5))"\n',
      }),
    );
    const { server: hostileServer, origin: hostileOrigin } = await serve(hostile);
    const page = await browser.newPage();
    const problems = watch(page, (url) => url.startsWith(`${hostileOrigin}/`));
    for (const path of ["index.html", "documents/QP-666.html", "registers/documents.html", `search.html?q=${encodeURIComponent("script")}`]) {
      await page.goto(`${hostileOrigin}/${path}`);
    }
    expect(await resultTitles(page)).toEqual(["QP-666 </script><script>alert(3)</script>"]);
    await page.goto(`${hostileOrigin}/documents/QP-666.html`);
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
    hostileServer.close();
  }, 60_000);
});
