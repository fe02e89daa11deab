/**
 * The dashboard's panels for what a 总经理's review looks at (tester80 M11; ISO 9001 9.3.2, GJB 9001C 9.3): customer
 * complaints (acme-auto with two complaints open on 2026-12-07 besides its closed 8D-2026-001), the quality objectives missed
 * last period (acme-auto's OBJ-02 in October 2026), the management review outputs overdue, open and done (rec82 4), and in gjb-demo the 首件鉴定
 * (FA-2026-002 failed on 2026-11-20, passed again by FA-2026-003 on 2026-11-27), each number linking to the rows behind it;
 * a page per 首件鉴定 record, linked from the register's page (fai80). A panel appears only where its data is. Built by the binary.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { copyFixture, csr, tempDir } from "../helpers.js";

/** The dashboard panel `id`'s numbers: "count label -> link". */
function panelNumbers(html: string, id: string): string[] {
  const panel = html.split(`id="panel-${id}">`)[1]?.split("</section>")[0] ?? "";
  return [...panel.matchAll(/<a class="site-number[^"]*" href="([^"]*)"><span class="count">([^<]*)<\/span> <span class="label">([^<]*)<\/span>/g)].map((m) => `${m[2]} ${m[3]} -> ${m[1]}`);
}

function site(repo: string, today: string): (path: string) => string {
  const out = join(tempDir(), "site");
  const run = csr(["-C", repo, "site", "--out", out, "--today", today, "--lang", "zh-CN"]);
  expect(run.code, run.stderr).toBe(0);
  return (path) => readFileSync(join(out, path), "utf8");
}

/** A customer complaint's 8D received on `received` whose D3 (containment) is due on `due`, not done. */
const complaint = (id: string, received: string, due: string) =>
  `id: ${id}\ntitle: 软管接头渗漏\nsource: complaint\ncustomer: DYA\ncomplaint: 2026-${id.slice(-2)}\nreceived: ${received}\nowner: zhangli\nsteps:\n  D3:\n    due: ${due}\n`;

describe("csr site: the customer complaints panel", () => {
  it("counts the complaints' corrective actions open, with a step overdue and with an 8D step due within csr.warn_days, each listing them", () => {
    const repo = copyFixture("examples/acme-auto");
    // On 2026-12-07 (a Monday): 8D-2026-002's containment was due on 2 December, 8D-2026-003's is due the next working day.
    writeFileSync(join(repo, "actions", "8D-2026-002.yaml"), complaint("8D-2026-002", "2026-12-01", "2026-12-02"));
    writeFileSync(join(repo, "actions", "8D-2026-003.yaml"), complaint("8D-2026-003", "2026-12-04", "2026-12-08"));
    const read = site(repo, "2026-12-07");
    expect(panelNumbers(read("index.html"), "complaints")).toEqual([
      "2 未关闭的顾客投诉纠正措施 -> lists/complaints-open.html",
      "1 有步骤逾期的顾客投诉纠正措施 -> lists/complaints-overdue.html",
      "1 2 个工作日内到期的 8D 步骤 -> lists/complaints-due-soon.html",
      "3 顾客投诉纠正措施（全部） -> lists/complaints-all.html",
    ]);
    const ids = (list: string) => [...read(`lists/${list}.html`).matchAll(/<td class="code">(8D-2026-\d+)<\/td>/g)].map((m) => m[1]);
    expect([ids("complaints-open"), ids("complaints-overdue"), ids("complaints-due-soon"), ids("complaints-all")]).toEqual([
      ["8D-2026-002", "8D-2026-003"],
      ["8D-2026-002"],
      ["8D-2026-003"],
      ["8D-2026-001", "8D-2026-002", "8D-2026-003"],
    ]);
    expect(read("index.html")).toContain('<a class="site-number alert" href="lists/complaints-overdue.html">');
  }, 120_000);

  it("has no complaints panel in a repository without a complaint (gjb-demo), nor a 首件鉴定 panel in one without first article records (acme-auto)", () => {
    expect(site(copyFixture("examples/gjb-demo"), "2026-12-07")("index.html")).not.toContain('id="panel-complaints"');
    expect(site(copyFixture("examples/acme-auto"), "2026-12-07")("index.html")).not.toContain('id="panel-first-articles"');
  }, 120_000);
});

describe("csr site: the quality objectives panel", () => {
  it("counts the objectives whose last period was measured and missed its target, listing the period, value and target", () => {
    // acme-auto's OBJ-02 (交付准时率 ≥ 98 %) was 97.4 % in October 2026; on 2026-11-07 October is its last period.
    const read = site(copyFixture("examples/acme-auto"), "2026-11-07");
    expect(panelNumbers(read("index.html"), "objectives")).toEqual(["1 上一期未达成的质量目标 -> lists/objectives-missed.html", "5 质量目标 -> registers/objectives.html"]);
    expect(read("lists/objectives-missed.html").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ")).toContain("1 OBJ-02 交付准时率 吴艳 ≥ 98 % 2026-10 97.4 %");
  }, 120_000);
});

describe("csr site: the management review outputs panel", () => {
  it("counts the outputs overdue, open and done, each listing their rows of the 管理评审输出跟踪表, and all of them linking to its page", () => {
    const repo = copyFixture("examples/acme-auto");
    // MR-2026 (held 2026-11-20): its first output done on 2026-11-26, the other three due 2027-06-30; MR-2025's six done.
    expect(panelNumbers(site(repo, "2026-11-27")("index.html"), "management-review-outputs")).toEqual([
      "0 逾期未完成的输出 -> lists/management-review-outputs-overdue.html",
      "3 未到期的输出 -> lists/management-review-outputs-open.html",
      "7 已完成的输出 -> lists/management-review-outputs-done.html",
      "10 管理评审输出跟踪表 -> registers/management-review-outputs.html",
    ]);
    // The day after the three were due, none of them done: overdue, and urgent.
    const read = site(repo, "2027-07-01");
    expect(panelNumbers(read("index.html"), "management-review-outputs").slice(0, 2)).toEqual(["3 逾期未完成的输出 -> lists/management-review-outputs-overdue.html", "0 未到期的输出 -> lists/management-review-outputs-open.html"]);
    expect(read("index.html")).toContain('<a class="site-number alert" href="lists/management-review-outputs-overdue.html">');
    const overdue = read("lists/management-review-outputs-overdue.html").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
    expect(overdue).toContain("1 MR-2026 MR-2026/2 BCM 计分卡交付绩效未达目标，制定交付改进措施计划并按月跟踪 顾客绩效措施计划 吴艳 2027-06-30 逾期");
    expect(overdue).toContain("截至 2027-07-01 状态为“逾期”的管理评审输出");
    // A repository without management-reviews.yaml has no such panel.
    expect(site(copyFixture("examples/gjb-demo"), "2026-12-07")("index.html")).not.toContain('id="panel-management-review-outputs"');
  }, 180_000);
});

describe("csr site: 首件鉴定 on the dashboard and a page per record", () => {
  it("counts a failed first article not yet passed again, and a change awaiting its first article, each linking to its rows", () => {
    const repo = copyFixture("examples/gjb-demo");
    // CS/WI-004 A/1 (GG-2026-004, in effect from 2026-04-13) asks for a 首件鉴定 that no record of the document or the change follows.
    const wi = join(repo, "documents", "instructions", "CS_WI-004.yaml");
    writeFileSync(wi, readFileSync(wi, "utf8").replace("    configuration_change: true\n", "    configuration_change: true\n    first_article_required: true\n"));
    const read = site(repo, "2026-11-25");
    expect(panelNumbers(read("index.html"), "first-articles")).toEqual([
      "1 不合格且尚未重新鉴定合格的首件 -> lists/first-articles-failed.html",
      "1 要求首件鉴定、尚未鉴定的更改 -> lists/first-articles-awaiting.html",
      "2 首件鉴定台账 -> registers/first-articles.html",
    ]);
    expect(read("lists/first-articles-failed.html")).toContain('<a href="../first-articles/FA-2026-002.html">FA-2026-002</a>');
    expect(read("lists/first-articles-awaiting.html").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ")).toContain("1 CS/WI-004 产品包装、贮存作业指导书 A/1 GG-2026-004 2026-04-13");
    // Passed again two days later: nothing failed is left open.
    expect(panelNumbers(site(repo, "2026-12-07")("index.html"), "first-articles")[0]).toBe("0 不合格且尚未重新鉴定合格的首件 -> lists/first-articles-failed.html");
  }, 120_000);

  it("gives each record dated by the day a page, linked from the register's page, with its facts and the other inspections of its product and operation", () => {
    const repo = copyFixture("examples/gjb-demo");
    const out = join(tempDir(), "site");
    expect(csr(["-C", repo, "site", "--out", out, "--today", "2026-11-25", "--lang", "zh-CN"]).code).toBe(0);
    // FA-2026-003 is dated 2026-11-27: no page on the 25th, as the register of that day has no row for it.
    expect(["FA-2026-001", "FA-2026-002", "FA-2026-003"].map((id) => existsSync(join(out, "first-articles", `${id}.html`)))).toEqual([true, true, false]);
    expect(readFileSync(join(out, "registers", "first-articles.html"), "utf8")).toContain('<a href="../first-articles/FA-2026-002.html">FA-2026-002</a>');
    const page = readFileSync(join(out, "first-articles", "FA-2026-002.html"), "utf8");
    expect(page).toContain("<h1>FA-2026-002 XX-3 电源模块 灌封 首件鉴定</h1>");
    expect(page).toContain('<a href="../processes/C3.html">C3</a>');
    expect(page.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ")).toContain("鉴定结论 不合格，未重新鉴定");
    expect(page).toContain('<li><a href="../first-articles/FA-2026-001.html">FA-2026-001  2026-03-18  合格  报告 SJ-2026-03</a></li>');
    expect(page).not.toContain("FA-2026-003");
  }, 120_000);
});
