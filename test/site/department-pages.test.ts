/**
 * The portal as a department head reads it (tester70 P1, P2; IATF 16949 7.5.3.2, 7.5.3.2.1, 7.2): a person's page lists
 * the controlled copies they hold, with the state the copies-to-recall list gives each (在用, 待回收 once a later
 * version is released), and the electronic issues to their department; a page per department (departments/PRD.html,
 * in the navigation, linked from its people's and processes' pages) lists the documents it owns, what was issued to it
 * and who holds each copy, the copies to hand back, its CSRs, the countersigns it owes, its training and its changes of
 * the last 30 days, printable on A4 landscape. On copies of acme-auto in real git repositories.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM, committedFixture, csrInProcess, git, tempDir } from "../helpers.js";
import { today } from "../today.js";

const DAY = today();
const row = (cells: string[]) => `<tr>${cells.join("")}</tr>`;
const code = (text: string) => `<td class="code">${text}</td>`;
const doc = (id: string) => code(`<a href="../documents/${id}.html">${id}</a>`);

async function site(dir: string, ...args: string[]): Promise<(path: string) => string> {
  const out = join(tempDir(), "site");
  const result = await csrInProcess(["-C", dir, "site", "--out", out, ...args], { lang: args.includes("en") ? null : "zh-CN" });
  expect(result.code, result.stderr).toBe(0);
  return (path) => readFileSync(join(out, path), "utf8");
}

describe("csr site: a department's page and the copies a person holds (tester70 P1, P2)", () => {
  let zh: (path: string) => string;
  let en: (path: string) => string;
  let released: (path: string) => string;
  let siteDir: string;
  beforeAll(async () => {
    const dir = committedFixture("examples/acme-auto");
    zh = await site(dir, "--today", "2026-12-28");
    en = await site(dir, "--today", "2026-12-28", "--lang", "en");
    siteDir = join(tempDir(), "print");
    expect((await csrInProcess(["-C", dir, "site", "--out", siteDir, "--today", "2026-12-28"], { lang: "zh-CN" })).code).toBe(0);
    // QP-011 A/2 released today: the A/1 copies out (黄军's no. 3 among them) are due back.
    const file = join(dir, "documents/procedures/QP-011.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace(/text: /, "text: 修订："));
    git(dir, ["commit", "-qam", "edit QP-011"]);
    const release = await csrInProcess(["-C", dir, "release", "QP-011", "--summary", "追溯范围扩大", "--total-pages", "6", "--reason", "BCM-003", "--pages", "P2", "--prepared", "chenjing", "--reviewed", "huangjun", "--approved", "zhangli", "-y", "--include-changes"], { lang: "zh-CN" });
    expect(release.code, release.stderr).toBe(0);
    released = await site(dir, "--today", DAY);
  }, 400_000);

  it("lists on a person's page the paper copies the register names them as holder of, and the electronic issues to their department (P2)", () => {
    const page = zh("people/huangjun.html");
    expect(page).toContain(
      '<h2>持有的受控副本（13）</h2>\n\n<div class="site-scroll" tabindex="0" role="region" aria-label="持有的受控副本（13）">\n<table class="site-table">\n' +
        '<thead><tr><th scope="col">文件编号</th><th scope="col">文件名称</th><th scope="col">版本/版次</th><th scope="col">受控号</th><th scope="col">发放部门</th><th scope="col">发放日期</th><th scope="col">应回收日期</th><th scope="col">状态</th></tr></thead>\n<tbody>\n' +
        // HH-F-052 A/2, the first article form its 8D revised, handed out to the line (tester82 A17).
        row([doc("HH-F-052"), "<td>首件检验记录</td>", code("A/2"), code("2"), '<td class="name">生产部</td>', '<td class="date">2026-04-16</td>', '<td class="date"></td>', code("在用")]) +
        "\n" +
        row([doc("QM-001"), "<td>质量手册</td>", code("B/1"), code("26"), '<td class="name">生产部</td>', '<td class="date">2026-04-20</td>', '<td class="date"></td>', code("在用")]) +
        "\n" +
        row([doc("QP-002"), "<td>记录控制程序</td>", code("A/1"), code("4"), '<td class="name">生产部</td>', '<td class="date">2025-12-15</td>', '<td class="date"></td>', code("在用")]),
    );
    for (const [id, copy] of [["QP-003", 2], ["QP-004", 4], ["QP-006", 3], ["QP-007", 5], ["QP-008", 5], ["QP-009", 2], ["QP-011", 3], ["QP-012", 6], ["QP-013", 6], ["QP-015", 8]] as const) {
      expect(page).toMatch(new RegExp(`<tr>${doc(id)}<td>[^<]+</td><td class="code">[AB]/\\d</td>${code(String(copy))}<td class="name">生产部</td>`));
    }
    expect(page).toContain("<h2>生产部的电子版发放（6）</h2>");
    expect(page).toContain(row([doc("WI-010-01"), "<td>制动软管总成扣压作业指导书</td>", code("A/1"), code("电子版（OA，只读）"), '<td class="date">2025-03-17</td>', code("在用")]));
    // Their department links to its page.
    expect(page).toContain('<div><dt>部门</dt><dd><a href="../departments/PRD.html">生产部</a></dd></div>');
    expect(en("people/huangjun.html")).toContain("<h2>Controlled copies held (13)</h2>");
    expect(en("people/huangjun.html")).toContain("<h2>Electronic issues to Production (6)</h2>");
  });

  it("says on the holder's page, and the department's, which copy is due back once a later version is released (P2)", () => {
    const rowOf = (page: string) => new RegExp(`<tr>${doc("QP-011")}<td>标识和可追溯性控制程序</td>${code("A/1")}${code("3")}<td class="(?:name)">(生产部|黄军)</td><td class="date">2025-12-15</td><td class="date">(\\d{4}-\\d\\d-\\d\\d)</td>${code("待回收")}</tr>`).exec(page);
    const held = rowOf(released("people/huangjun.html"));
    expect(held?.[1]).toBe("生产部");
    expect(held?.[2]! > DAY).toBe(true);
    const dueBack = released("departments/PRD.html");
    expect(dueBack).toContain("<h2>应交回的受控副本（1）</h2>");
    expect(rowOf(dueBack.slice(dueBack.indexOf('id="due-back"')))?.slice(1)).toEqual(["黄军", held![2]]);
    // The same row the dashboard's copies-to-recall list gives, one computation.
    expect(released("lists/copies-to-recall.html")).toContain(`<td class="date">${held![2]}</td>`);
    // The release is among the department's changes of the last 30 days.
    expect(dueBack).toMatch(/近 30 天的变更（\d{4}-\d\d-\d\d 至 \d{4}-\d\d-\d\d，1 项）/);
    expect(dueBack).toContain('<a href="../documents/QP-011.html">QP-011</a>');
  });

  it("gives each department a page from the navigation: documents owned, issued, CSRs, countersigns, training (P1)", () => {
    const page = zh("departments/PRD.html");
    expect(page).toContain('<li><a href="../people.html">人员</a></li><li><a href="../departments.html">部门</a></li>');
    expect(zh("departments.html")).toContain('<a href="departments/PRD.html">生产部（PRD）</a>');
    expect(page).toContain("<h1>生产部（PRD）</h1>");
    expect(page).toContain('<div><dt>人员</dt><dd><a href="../people/huangjun.html">黄军</a></dd></div>');
    expect(page).toContain(
      '<h2>本部门归口的文件（9）</h2>\n\n<div class="site-scroll" tabindex="0" role="region" aria-label="本部门归口的文件（9）">\n<table class="site-table">\n' +
        '<thead><tr><th scope="col">文件编号</th><th scope="col">文件名称</th><th scope="col">版本/版次</th><th scope="col">生效日期</th><th scope="col">状态</th></tr></thead>',
    );
    expect(page).toContain(row([doc("WI-010-01"), "<td>制动软管总成扣压作业指导书</td>", code("A/1"), '<td class="date">2025-03-17</td>', code("已发布")]));
    expect(page).toContain(row([doc("WI-011-01"), "<td>北辰汽车零部件包装标识作业指导书</td>", code(""), '<td class="date"></td>', code("草稿")]));
    expect(page).toContain(row([doc("HH-F-045"), "<td>设备日常点检表</td>", code("A/1"), '<td class="date">2024-03-01</td>', code("已发布")]));
    // 13 paper copies held by 黄军 and 6 electronic issues on OA.
    expect(page).toContain("<h2>发放到本部门的受控副本和电子版（19）</h2>");
    expect(page).toContain(row([doc("QP-015"), "<td>顾客特定要求管理程序</td>", code("A/2"), code("8"), '<td class="name">黄军</td>', '<td class="date">2026-05-11</td>', '<td class="date"></td>', code("在用")]));
    expect(page).toContain("<h2>应交回的受控副本（0）</h2>");
    expect(page).toContain("<h2>发放到本部门或由本部门人员负责实施的顾客特定要求（7）</h2>");
    expect(page).toMatch(/<tr><td class="code"><a href="\.\.\/csr\/DYA-006\.html">DYA-006<\/a><\/td>.*<td class="name">黄军<\/td><td class="date">2026-12-18<\/td><td class="date">2026-12-31<\/td>/);
    expect(page).toContain("<h2>本部门待会签的顾客特定要求（2）</h2>");
    expect(page).toContain('<a href="../csr/BCM-005.html">BCM-005</a>');
    expect(page).toContain("<h2>本部门待完成的培训（3）</h2>");
    expect(page).toContain("<td>是否已培训尚不能确认：培训记录 TR-2026-025 没有写明受训人员。请核对该记录，把参加培训的人（本部门涉及 1 人）报文控登记。</td>");
    expect(page).toContain("<h2>近 30 天的变更（2026-11-29 至 2026-12-28，0 项）</h2>");
    // The process 生产部 owns links to it.
    expect(zh("processes/C3.html")).toContain('<dt>过程负责人</dt><dd><a href="../departments/PRD.html">生产部</a></dd>');
    const english = en("departments/PRD.html");
    expect(english).toContain("<h1>Production (PRD)</h1>");
    expect(english).toContain("<h2>Documents the department owns (9)</h2>");
    expect(english).toContain("<h2>Controlled copies and electronic issues to the department (19)</h2>");
    expect(english).toContain("<h2>CSRs distributed to the department or implemented by its people (7)</h2>");
    expect(english).toContain("<h2>Changes of the last 30 days (2026-11-29 to 2026-12-28, 0)</h2>");
    expect(en("departments.html")).toContain('<a href="departments/PRD.html">Production (PRD)</a>');
  });

  it("prints a department's page on A4 landscape without running off the page", { timeout: 120_000 }, async () => {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu"] });
    try {
      // 277 mm of A4 landscape less the 10 mm margins at 96 pixels to the inch.
      const width = Math.floor((277 / 25.4) * 96);
      const page = await browser.newPage({ viewport: { width, height: 800 } });
      await page.emulateMedia({ media: "print" });
      for (const code of ["PRD", "QA"]) {
        await page.goto(pathToFileURL(join(siteDir, "departments", `${code}.html`)).href);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      }
    } finally {
      await browser.close();
    }
  });
});
