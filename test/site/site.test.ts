import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { runInNewContext } from "node:vm";
import { beforeAll, describe, expect, it } from "vitest";
import { stemmer } from "stemmer";
import { tokenize } from "../../src/site/tokenize.js";
import { copyFixture, csr, csrInProcess, filesOf, FIXTURES, git, gitInit, makeRepo, tempDir } from "../helpers.js";

const DAY = "2026-11-27";
/** The qms.yaml of a small test repository (one department, coverage not judged); a test may append keys. */
const QMS = "organisation: {name: 测试公司}\nstandards: [IATF16949]\ndepartments: [{code: QA, name: 品质部}]\nrules: {coverage/clause-uncovered: off}\n";

async function buildSite(repo: string, ...args: string[]): Promise<{ out: string; code: number; stdout: string; stderr: string }> {
  const out = join(tempDir(), "site");
  // A test that names its own day gives it alone: csr refuses an option given twice.
  const result = await csrInProcess(["-C", repo, "site", "--out", out, ...(args.includes("--today") ? [] : ["--today", DAY]), ...args], { lang: null });
  return { out, ...result };
}

let bundled: Promise<{ repo: string; site: Awaited<ReturnType<typeof buildSite>> }> | undefined;
/**
 * A copy of examples/acme-auto and its site in Chinese on DAY, built once for the tests that read it
 * (one of them builds it again in place, to the same pages).
 */
const bundledSite = () => (bundled ??= (async () => {
  const repo = copyFixture("examples/acme-auto");
  return { repo, site: await buildSite(repo) };
})());

describe("csr site on the bundled example", () => {
  let repo: string;
  let site: Awaited<ReturnType<typeof buildSite>>;
  let files: string[];
  const read = (path: string) => readFileSync(join(site.out, path), "utf8");

  beforeAll(async () => {
    ({ repo, site } = await bundledSite());
    files = filesOf(site.out);
  });

  it("builds the site and says what it wrote", async () => {
    // The warnings: DYA-002 put into production after Dongyue's date (its rule has a page of its own, lists/csr-late-for-customer.html), and BCM-004's and DYA-002's trainings overdue with people untrained.
    expect(site.stderr).toBe("已生成网站：202 个页面，281 个文件（zh-CN）；csr check：0 个错误，6 个警告。\n");
    expect(site.stdout).toBe(`${site.out}/index.html\n`);
    expect(site.code).toBe(0);
    expect(files.filter((f) => !f.includes("/"))).toEqual([".csr-site", "coverage.html", "customers.html", "departments.html", "findings.html", "index.html", "people.html", "robots.txt", "search.html"]);
    // The site is confidential: search engines are asked to index none of it (tester25 F8), and every page says so in its head.
    expect(readFileSync(join(site.out, "robots.txt"), "utf8")).toBe("User-agent: *\nDisallow: /\n");
    // Every printed page numbered as csr render's PDFs (第 x 页 共 y 页) in its bottom margin box, from the one style sheet every page links (tester49 #8).
    expect(read("assets/site.css").split("\n").slice(-3)).toEqual([
      "/* Page numbers on paper, as csr render's PDFs (render/pdf.ts pageFooter). */",
      '@page { @bottom-center { content: "\\7b2c  " counter(page) " \\9875  \\5171  " counter(pages) " \\9875 "; font-size: 9pt; vertical-align: middle; } }',
      "",
    ]);
    const pages = files.filter((f) => f.endsWith(".html"));
    expect(pages.length).toBe(202);
    expect(pages.filter((f) => read(f).split("</head>")[0]!.split('<meta name="robots" content="noindex">').length !== 2)).toEqual([]);
    expect(files.filter((f) => f.startsWith("assets/"))).toEqual([
      "assets/document.css",
      "assets/minisearch.js",
      "assets/search-entries.js",
      "assets/search.js",
      "assets/site.css",
      "assets/tokenize.js",
    ]);
  });

  it("names opinions and decisions on a CSR's page as csr does elsewhere, in Chinese punctuation", async () => {
    // The earlier round as the review report records it (5 历次评审): its own start, deadline, decision and timeliness,
    // and under it why it was closed (tester55 C7).
    expect(read("csr/DYA-002.html")).toContain('<tr><td class="nowrap" rowspan="2">1</td><td class="nowrap">C</td><td><span class="nowrap">接收日期 2024-06-17</span><br><span class="nowrap">评审期限 2024-07-01</span><br><span class="nowrap">决定日期 2024-06-24</span><br><span class="nowrap">及时性 按期</span></td><td>须会签部门：市场部、品质部、技术部、生产部<br><span class="nowrap">市场部 <a href="../people/sunwei.html">孙伟</a></span> <span class="nowrap">同意</span> <span class="nowrap">2024-06-18</span><br>');
    expect(read("csr/DYA-002.html")).toContain('</span></td></tr>\n<tr class="history-closing"><td colspan="4">2026-03-16 因 D 版换版重评而关闭：东岳SQM升版为D版，8D提交时限由10个工作日改为D4 5个工作日、D8 15个工作日，按程序重新评审。</td></tr>\n</tbody>\n');
    // Each round is a tbody of its own, its closing line in it, as in the review report: they print on one page (tester58 F15).
    expect(read("csr/DYA-002.html")).toContain(
      '<th>评审结论</th></tr>\n<tr class="round-continued"><th colspan="5">第 1 轮（续）</th></tr></thead>\n<tbody class="round">\n<tr class="round-label"><th colspan="5"><div>第 1 轮</div></th></tr>\n<tr><td class="nowrap" rowspan="2">1</td>',
    );
    // Earlier rounds once: the report's own 历次评审, not a second table under it.
    expect(read("csr/DYA-002.html").match(/<h2>5 历次评审<\/h2>|以往评审轮次/g)).toEqual(["<h2>5 历次评审</h2>"]);
    // A superseded CSR links to its successor with date and reason, and the successor back.
    expect(read("csr/DYA-003.html")).toContain('<li><a href="../csr/DYA-006.html">已于 2026-03-23 由 DYA-006 取代：东岳SQM D版删除逐次书面批准要求');
    expect(read("csr/DYA-006.html")).toContain('<li><a href="../csr/DYA-003.html">取代 DYA-003（2026-03-23）：东岳SQM D版删除逐次书面批准要求');
    // The change radar says what it does not watch: no link is confirmed, so no suspect count but "—" and a note, and the
    // links never confirmed (15: the CSR matrix's note counts them) listed behind their number (tester52 D4).
    expect(read("index.html")).toContain(
      '<li><a class="site-number " href="lists/csr-suspect-link.html"><span class="count">—</span> <span class="label">要求或落实章节已更改（可疑链接）</span></a></li>\n' +
        '<li><a class="site-number warn" href="lists/links-unconfirmed.html"><span class="count">15</span> <span class="label">链接未确认，未受监视</span></a></li>\n\n</ul>\n' +
        '<p class="site-note">尚无一处链接经过确认：要求或落实章节变更时无从标出可疑链接，“—”不表示没有变更。</p>',
    );
    expect(read("registers/csr-matrix.html")).toContain("链接状态“未确认”的 15 处尚未核实");
    const unconfirmed = read("lists/links-unconfirmed.html");
    expect(unconfirmed.split("<tbody>")[1]!.split("</tbody>")[0]!.match(/<tr>/g)?.length).toBe(15);
    expect(unconfirmed).toContain('<a href="../documents/QP-012.html">QP-012</a>');
    // Its review record stays valid and retained: stamped 已替代, not 作废 with a watermark (tester52 D13).
    expect(read("csr/DYA-003.html")).toContain('<div class="stamp stamp-superseded-record">已替代</div>');
    expect(read("csr/DYA-003.html")).not.toMatch(/作废|class="watermark"/);
    // A document's page marks a CSR superseded by the day among those it addresses, after the others (tester49 #5).
    expect(read("documents/QP-012.html")).toContain(
      '<ul class="site-items"><li><a href="../csr/DYA-006.html">DYA-006 返工前风险评估，返工品100%复检并可追溯（5.4 返工和返修）</a></li><li><a href="../csr/DYA-003.html">DYA-003 返工产品须事先取得东岳SQE书面批准（5.4 返工和返修；已于 2026-03-23 由 DYA-006 替代）</a></li></ul>',
    );
    // An owner's implementations with their deadline, not yet due on this day.
    expect(read("people/huangjun.html")).toContain('<tr><td><a href="../csr/BCM-004.html">BCM-004</a></td><td>零件标签采用北辰统一二维码格式</td><td>已决定</td><td>计划中</td><td class="date">2026-12-25</td><td>未到期</td></tr>');
    expect(read("csr/DYA-007.html")).toContain("<li>评审期限：2026-12-08（剩余 7 个工作日）</li><li>未会签部门：技术部、生产部</li>");
    expect(read("documents/QP-014.html")).toContain("<li>状态：已发布</li>");
    expect(read("people/zhangli.html")).toContain("<div><dt>角色</dt><dd>编制、审核、批准</dd></div>");
    // Each current version a person signed, with the cell they signed in (会签, 标准化审查 and 军代表 too).
    expect(read("people/zhangli.html")).toContain('<thead><tr><th scope="col">文件</th><th scope="col">签字栏</th></tr></thead>\n<tbody>\n<tr><td><a href="../documents/HH-F-028.html">HH-F-028 管理评审计划</a></td><td>编制</td></tr>');
  });

  it("lists a document's periodic reviews with their conclusions (文件定期评审记录), or says there is none yet", async () => {
    expect(read("documents/QM-001.html")).toContain('<h2>定期评审</h2>\n\n<p class="site-empty">尚无定期评审记录。</p>');
    const reviewed = copyFixture("examples/acme-auto");
    expect((await csrInProcess(["-C", reviewed, "periodic-review", "QM-001", "--by", "zhangli", "--date", "2026-11-25", "--result", "revise", "--comment", "需按新版顾客要求修订", "-y"])).code).toBe(0);
    const page = readFileSync(join((await buildSite(reviewed)).out, "documents/QM-001.html"), "utf8");
    // The version the review found in force, as the 文件定期评审记录 register gives it.
    expect(page).toContain('<tr><td class="date">2026-11-25</td><td>B/1</td><td><a href="../people/zhangli.html">张丽</a></td><td>需修订</td><td>需按新版顾客要求修订</td></tr>');
  });

  it("names a process's owning department, and cites its clauses and a document's as the standard does, with their titles", async () => {
    expect(read("processes/C1.html")).toContain('<div><dt>过程负责人</dt><dd><a href="../departments/MKT.html">市场部</a></dd></div>');
    // In the standard's order, as a register lists them (auditor16 F8): processes.yaml has 4.3.2, 8.1.2 and 7.5.3.2.2 after 8.2.4.
    expect(read("processes/C1.html")).toContain(
      "<h2>条款</h2>\n\n<ul class=\"site-items\"><li>IATF 16949 4.3.2 顾客特定要求</li><li>IATF 16949 7.5.3.2.2 工程规范</li><li>IATF 16949 8.1.2 保密</li><li>IATF 16949 8.2 产品和服务的要求</li><li>IATF 16949 8.2.1 顾客沟通</li>",
    );
    expect(read("documents/QP-013.html")).toContain("<li>IATF 16949 10.2.3 问题解决</li>");
    for (const page of ["processes/C1.html", "documents/QP-013.html", "documents/QM-001.html"]) expect(read(page), page).not.toMatch(/>[^<]*IATF16949:/);
    // The review report cites each clause as the standard does, with its title.
    expect(read("csr/DYA-001.html")).toContain("<th>对应条款</th><td>IATF 16949 8.3.3.3 特殊特性、IATF 16949 8.2.3.1.2 顾客指定的特殊特性</td>");
  });

  it("has a page for every document, CSR, customer, process and person", async () => {
    const pagesOf = (folder: string) => filesOf(join(repo, folder)).map((f) => `${folder}/${f.replace(/^.*\//, "").replace(/\.yaml$/, ".html")}`).sort();
    expect(files.filter((f) => f.startsWith("documents/"))).toEqual(pagesOf("documents"));
    expect(files.filter((f) => f.startsWith("csr/"))).toEqual(pagesOf("csr"));
    expect(files.filter((f) => f.startsWith("customers/"))).toEqual(["customers/BCM.html", "customers/DYA.html"]);
    expect(files.filter((f) => f.startsWith("processes/"))).toHaveLength(15);
    expect(files.filter((f) => f.startsWith("people/")).length).toBeGreaterThan(5);
  });

  it("reaches every page from index.html by its links: customers and people from their pages in the navigation (tester47 #3)", async () => {
    const reached = new Set(["index.html"]);
    const todo = ["index.html"];
    for (let page = todo.pop(); page !== undefined; page = todo.pop()) {
      for (const [, target] of read(page).matchAll(/<a [^>]*href="([^"#?]+)/g)) {
        const path = decodeURIComponent(new URL(target!, `http://site/${page}`).pathname.slice(1));
        if (path.endsWith(".html") && !reached.has(path)) {
          reached.add(path);
          todo.push(path);
        }
      }
    }
    expect(files.filter((f) => f.endsWith(".html") && !reached.has(f))).toEqual([]);
    expect(read("people.html")).toContain('<li><a href="people/xuht.html">徐海涛</a>（<a href="departments/GMO.html">总经办</a>）</li>');
    expect(read("customers.html")).toContain('<li><a href="customers/DYA.html">DYA ');
    expect(read("documents/QP-014.html")).toContain('<a href="../customers.html">顾客</a></li><li><a href="../people.html">人员</a>');
  });

  it("links every person a document's or CSR's page names to their page: signers, reviewers, the decider, the owner, holders of copies (tester47 #3)", async () => {
    const qp014 = read("documents/QP-014.html");
    // The header's signatures and the revision record's 修订人, 审核人, 批准人.
    expect(qp014).toContain('<tr class="signature"><th>编制</th><td><a href="../people/gaoyang.html">高扬</a><span class="date">2025-03-03</span></td><th>审核</th><td><a href="../people/zhoupeng.html">周鹏</a><span class="date">2025-03-06</span></td><th>批准</th><td><a href="../people/xuht.html">徐海涛</a><span class="date">2025-03-10</span></td></tr>');
    expect(qp014).toContain('<td class="col-version nowrap">A/1</td><td class="col-by"><span class="nowrap"><a href="../people/gaoyang.html">高扬</a></span></td><td class="col-reviewed_by"><span class="nowrap"><a href="../people/zhoupeng.html">周鹏</a></span></td><td class="col-approved_by"><span class="nowrap"><a href="../people/xuht.html">徐海涛</a></span></td><td class="col-total_pages">2</td></tr>');
    const dya002 = read("csr/DYA-002.html");
    // Each reviewer of this round and of the earlier ones, the decider (and in the signature line), the implementation owner.
    expect(dya002).toContain('<tr><td class="nowrap">市场部</td><td class="nowrap"><a href="../people/sunwei.html">孙伟</a></td>');
    expect(dya002).toContain('<td>须会签部门：市场部、品质部、技术部、生产部<br><span class="nowrap">市场部 <a href="../people/sunwei.html">孙伟</a></span> <span class="nowrap">同意</span> <span class="nowrap">2024-06-18</span><br>');
    expect(dya002).toContain('<th>决定人</th><td><a href="../people/xuht.html">徐海涛</a></td>');
    expect(dya002).toContain('<th>批准</th><td><a href="../people/xuht.html">徐海涛</a></td></tr>');
    expect(dya002).toContain('<th>负责人</th><td><a href="../people/zhangli.html">张丽</a></td>');
    // A copy's holder, who issued it, who returned it and who received it back.
    expect(read("documents/QP-002.html")).toContain('<td class="code">1</td><td class="name">品质部</td><td class="name"><a href="../people/zhangli.html">张丽</a></td><td class="name"><a href="../people/chenjing.html">陈静</a></td><td class="date">2024-03-01</td><td class="date">2025-12-22</td><td class="date">2025-12-15</td><td class="name"><a href="../people/zhangli.html">张丽</a></td><td class="name"><a href="../people/chenjing.html">陈静</a></td>');
    // No name of people.yaml is left unlinked on a document's or a CSR's page (the commits' git authors are not people.yaml's).
    const names = [...read("people.html").matchAll(/<a href="people\/[^"]+">([^<（]+)<\/a>（/g)].map((m) => m[1]!);
    expect(names.length).toBe(12);
    const unlinked = files
      .filter((f) => /^(documents|csr)\/.*\.html$/.test(f))
      .flatMap((f) => names.filter((name) => read(f).replace(/<a [^>]*>[^<]*<\/a>/g, "").includes(name)).map((name) => `${f}: ${name}`));
    expect(unlinked).toEqual([]);
  });

  it("shows each document as csr render does, with links to what it references and to the CSRs it addresses", async () => {
    const page = read("documents/QP-014.html");
    const rendered = tempDir();
    expect((await csrInProcess(["-C", repo, "render", "QP-014", "--out", rendered], { lang: null })).code).toBe(0);
    const alone = readFileSync(join(rendered, "QP-014.zh-CN.html"), "utf8");
    // The document's own body is the same markup; only links are added around referenced ids, and a page of the
    // site, printed from the browser, is a reference copy stamped 非受控, as a render without --copy is (tester67a A6), without
    // the render's note on what a controlled copy is and without its handling notice.
    const body = (html: string) => html.slice(html.indexOf('<table class="page">'), html.indexOf("</td></tr></tbody>\n</table>")).replace(/<a href="[^"]*">([^<]*)<\/a>/g, "$1");
    expect(alone).toContain('<div class="stamp stamp-uncontrolled">非受控</div>');
    expect(page).toContain('<div class="stamp stamp-uncontrolled">非受控</div>');
    const notice = '<p class="confidentiality">本文件为江苏安迈汽车零部件有限公司文件，版权归本公司所有。未经品质部文控书面许可，不得外借、复印、拍照或向第三方提供。</p>';
    expect(alone).toContain(notice);
    const uncontrolled = "<div class=\"uncontrolled-notice\">非受控 仅供参考：本打印件不是受控副本，未登记在文件发放/回收记录中；受控副本是加盖“受控”章、注明受控号并登记发放的编号副本（csr render QP-014 --copy N）。</div>\n";
    expect(alone).toContain(uncontrolled);
    // And each table of the A4 column is focusable, as it scrolls in its own box on a phone (tester48 #7).
    expect(page).toContain('<table tabindex="0" class="header">');
    expect(body(page).replaceAll('<table tabindex="0"', "<table")).toBe(body(alone).replace(uncontrolled, "").replace(notice, ""));
    expect(page).toContain('<a href="../documents/QR-014-01.html">QR-014-01</a>');
    expect(page).toContain('<li><a href="../csr/DYA-001.html">DYA-001 特殊特性须使用东岳符号或经认可的等效符号标注（5.2 符号转换）</a></li>');
    expect(page).toContain('<link rel="stylesheet" href="../assets/site.css">');
    // The print style that csr render puts in each file is one style sheet of the site, linked from every document's page.
    expect(page).toContain('<link rel="stylesheet" href="../assets/document.css"><link rel="icon" href="data:,">');
    expect(page).not.toContain("<style>");
    expect(alone).toContain(`<style>\n${read("assets/document.css")}</style>\n</head>`);
  });

  it("indexes a document or process by the clauses the heat map gives it, kept out of the text a result quotes (tester50a #8)", async () => {
    const script = read("assets/search-entries.js");
    const { entries } = JSON.parse(script.slice(script.indexOf("{"), script.lastIndexOf("}") + 1)) as { entries: { key: string; text: string; clauses: string }[] };
    const byClause = (clause: string) => entries.filter((e) => e.clauses.split(" ").includes(clause)).map((e) => e.key);
    // Row 8.7.1.4 of the heat map: S6 ●, QP-012 ●, QP-009/QP-010/QP-013 ○, QM-001 in 质量手册, QR-012-02 in 其他文件 (M1 △ not counted);
    // not QR-009-01, QR-012-01 or WI-009-01, documents of process S6 that name no such clause. The CSRs by their own clauses.
    expect(byClause("IATF16949:8.7.1.4")).toEqual(["document:QM-001", "document:QR-012-02", "document:QP-009", "document:QP-010", "document:QP-012", "document:QP-013", "csr:DYA-003", "csr:DYA-006", "process:S6"]);
    // Row 4.3.2: QP-001/QP-003/QP-007 ○ are found, QP-014 (no mark) is not.
    expect(byClause("IATF16949:4.3.2")).toEqual(["document:QM-001", "document:QR-015-01", "document:QR-015-02", "document:QP-001", "document:QP-003", "document:QP-007", "document:QP-015", "process:C1"]);
    const coverage = read("coverage.html");
    for (const id of ["QP-009", "QP-010", "QP-013"]) expect(coverage).toMatch(new RegExp(`aria-label="8\\.7\\.1\\.4 × ${id} [^"]*">○</a>`));
    expect(entries.find((e) => e.key === "document:QP-015")!.text).not.toContain("IATF16949:");
  });

  it("marks a search result for an obsolete or draft document or a superseded CSR (tester50a #12)", async () => {
    const script = read("assets/search-entries.js");
    const { options, entries } = JSON.parse(script.slice(script.indexOf("{"), script.lastIndexOf("}") + 1)) as { options: { storeFields: string[] }; entries: { key: string; mark?: string }[] };
    expect(options.storeFields).toContain("mark");
    expect(entries.filter((e) => e.mark !== undefined).map((e) => `${e.key} ${e.mark}`)).toEqual(["document:HH-F-013 【作废】", "document:WI-011-01 【草稿，未发布】", "csr:DYA-003 【已替代】"]);
  });

  it("indexes a customer's notes, a CSR's evidence and training records (tester25 F12)", async () => {
    const script = read("assets/search-entries.js");
    const { entries } = JSON.parse(script.slice(script.indexOf("{"), script.lastIndexOf("}") + 1)) as { entries: { key: string; text: string }[] };
    const text = (key: string) => entries.find((e) => e.key === key)!.text.split("\n");
    expect(text("customer:DYA")).toContain("2019年起供应制动软管总成（乘用车平台D1、D2），约占销售额45%。关注8D响应速度和批次追溯；SQM每年第一季度可能换版，换版后须逐条比对重新评审。");
    expect(text("csr:DYA-001")).toEqual(expect.arrayContaining(["TR-2025-014", "符号对照表经东岳SQE刘涛2025-03-05邮件认可；D1、D2平台控制计划及PFMEA已按★/☆重新标注。"]));
    expect(text("csr:BCM-004")).toContain("TR-2026-041");
  });

  it("indexes a CSR's review report, a document's revision record and the English titles of a customer's documents (tester51 #2)", async () => {
    const script = read("assets/search-entries.js");
    const { entries } = JSON.parse(script.slice(script.indexOf("{"), script.lastIndexOf("}") + 1)) as { entries: { key: string; text: string }[] };
    const text = (key: string) => entries.find((e) => e.key === key)!.text.split("\n");
    // After what was indexed before: the source's titles, the departments' comments and why it was superseded; the decision's reasons; the summaries of the revision record.
    expect(text("csr:DYA-003").slice(-7)).toEqual([
      "东岳汽车供应商质量手册",
      "Dongyue Supplier Quality Manual",
      "返工申请由市场部统一提交东岳SQE。",
      "不合格品控制程序增加东岳返工批准步骤。",
      "无异议。",
      "返工须等待批准，生产计划预留时间。",
      "东岳SQM D版删除逐次书面批准要求，改为返工前风险评估并经内部批准（见DYA-006）。",
    ]);
    // DYA-005's decision: its reasons, then the alternative agreed with 东岳 (text, with whom, the minutes).
    expect(text("csr:DYA-005").slice(-4)).toEqual([
      "逐批第三方爆破试验周期约5天、费用高，无法满足JIT交付，且内部实验室已按实验室范围每批抽检爆破压力。",
      "每年一次由CNAS认可的第三方实验室做爆破压力型式试验，每一交付批次随附内部实验室爆破压力试验报告",
      "刘涛（东岳SQE）",
      "电话会议纪要MKT-2026-031",
    ]);
    expect(text("document:QM-001").slice(-4)).toEqual(["首次发布（HH体系）", "组织机构调整，技术部与研发部合并", "体系换版：程序文件改为QP编号，手册按IATF 16949条款逐条重新编排", "增加顾客特定要求矩阵的引用及过程清单更新"]);
    expect(text("customer:BCM")).toContain("BCM-SQR 北辰汽车供应商质量要求 Beichen Supplier Quality Requirements");
  });

  it("ships the tokenizer with Porter's English stemmer inside it, from the site itself (search52)", async () => {
    const script = read("assets/tokenize.js");
    const window: { csrTokenize?: (text: string) => string[] } = {};
    runInNewContext(script, { window });
    const tokens = (text: string) => JSON.parse(JSON.stringify(window.csrTokenize!(text))) as string[];
    expect(tokens("Controlled processes QP-010 特殊")).toEqual(["controlled~control", "processes~process", "qp-010", "qp", "qp010", "010", "特殊"]);
    expect(tokens("reviewing reviews review")).toEqual(["reviewing~review", "reviews~review", "review~review"]);
    expect(script).toContain("/*! stemmer 2.0.1 (https://github.com/words/stemmer)\n(The MIT License)\n\nCopyright (c) 2014 Titus Wormer");
  });

  it("indexes a person by the pinyin of the name, and nothing else by pinyin", async () => {
    const script = read("assets/search-entries.js");
    const { options, entries } = JSON.parse(script.slice(script.indexOf("{"), script.lastIndexOf("}") + 1)) as { options: { fields: string[] }; entries: { key: string; pinyin?: string }[] };
    expect(options.fields).toContain("pinyin");
    expect(entries.find((e) => e.key === "person:xuht")!.pinyin).toBe("xuhaitao xu hai tao haitao xuhai xht xuht xuhait");
    // Every person, and no document, CSR, customer or process: titles and texts are searched in Chinese.
    expect(entries.filter((e) => e.pinyin !== undefined).map((e) => e.key)).toEqual(entries.filter((e) => e.key.startsWith("person:")).map((e) => e.key));
  });

  it("links a CSR to the documents that address it, and to the section it is addressed in", async () => {
    const page = read("csr/DYA-001.html");
    expect(page).toContain('<a href="../documents/QP-014.html">QP-014</a> 特殊特性管理程序（A/1） 章节 <a href="../documents/QP-014.html#section-5.2">5.2 符号转换</a>');
    expect(read("documents/QP-014.html")).toContain('<section class="depth-2" id="section-5.2">\n<h3>5.2 符号转换</h3>');
    expect(page).toContain('<a href="../customers/DYA.html">顾客：DYA 东岳汽车股份有限公司</a>');
    // The customer's page gives each source revision's 实施日期, which csr/late-for-customer judges against (tester55 C13).
    expect(read("customers/DYA.html")).toContain(
      '<thead><tr><th scope="col">版本</th><th scope="col">发布日期</th><th scope="col">实施日期</th><th scope="col">接收日期</th><th scope="col">状态</th></tr></thead>\n<tbody>\n<tr><td>C</td><td class="date">2024-06-12</td><td class="date"></td><td class="date">2024-06-17</td><td>已被 D 版替代</td></tr>\n<tr><td>D</td><td class="date">2026-03-09</td><td class="date">2026-04-01</td><td class="date">2026-03-16</td><td>现行</td></tr>',
    );
  });

  it("every link leads to a file of the site and nothing is loaded from outside", async () => {
    let links = 0;
    for (const file of files.filter((f) => f.endsWith(".html"))) {
      const html = read(file);
      expect(html, file).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; [^"]*">/);
      // No page needs inline style, so none allows it; the skip link of every page leads to its main landmark.
      expect(html, file).not.toContain("unsafe-inline");
      expect(html, file).not.toMatch(/<style|\sstyle=/);
      expect(html, file).toContain('<a class="site-skip" href="#main">');
      expect(html.match(/<main id="main"[ >]/g), file).toHaveLength(1);
      expect(html, file).not.toMatch(/<script(?![^>]*\bsrc="(\.\.\/)?assets\/[a-z-]+\.js")/);
      // The empty icon (data:,) keeps the browser from asking the server for /favicon.ico.
      for (const [, target] of html.matchAll(/(?:href|src)="([^"]*)"/g)) {
        if (target === "data:,") continue;
        expect(target, file).not.toMatch(/^([a-z]+:|\/\/)/i);
        const path = decodeURIComponent(target!.replace(/[#?].*$/, ""));
        if (path === "") continue;
        expect(existsSync(join(site.out, dirname(file), path)), `${file} -> ${target}`).toBe(true);
        links++;
      }
    }
    expect(links).toBeGreaterThan(2000);
  });

  it("the dashboard's numbers link to the lists behind them", async () => {
    const index = read("index.html");
    expect(index).toContain('<a class="site-number" href="customers/DYA.html#status-in-review" aria-label="DYA · 评审中: 1">1</a>');
    expect(read("lists/reviews-open.html")).toContain('<a href="../csr/DYA-007.html">DYA-007</a>');
    // All CSRs are the CSR list register: the total links to its page (with the downloads), not to a copy of it.
    const all = [...index.matchAll(/<a class="site-number" href="([^"]+)" aria-label="全部: (\d+)">/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(all).toEqual([`registers/csr-list.html ${filesOf(join(repo, "csr")).length}`]);
    expect(files).not.toContain("lists/csr-all.html");
    const panels = [...index.matchAll(/<section class="site-panel" id="panel-([a-z-]+)">/g)].map((m) => m[1]);
    expect(panels).toEqual(["csr-status", "reviews", "implementations", "suspect-links", "documents", "distribution", "complaints", "objectives", "management-review-outputs", "tooling", "audit-programme", "year-end", "training", "clause-procedures", "latest-releases", "findings"]);
    // What needs attention first: the clauses nothing covers (none); then the clauses no procedure addresses, counted and listed with
    // the processes and documents that do (tester55 C8), as information, muted, not as 67 problems (tester80 M11).
    expect(index).toContain(
      '<li><a class="site-number " href="lists/clauses-uncovered-IATF16949.html"><span class="count">0</span> <span class="label">IATF 16949:2016 未覆盖的条款（没有任何过程或文件对应）</span></a></li>\n<li><a class="site-number info" href="lists/clauses-without-procedure-IATF16949.html"><span class="count">67</span> <span class="label">IATF 16949:2016 无程序文件对应的条款（仅由质量手册、过程或其他文件覆盖，供参考）</span></a></li>',
    );
    expect(index).toContain('<p class="site-note">IATF 16949:2016：覆盖率 195/195 (100.0%)，其中由程序文件覆盖 128/195 (65.6%)，仅由质量手册覆盖 66/195 (33.8%)。</p>');
    expect(index).toContain('<p class="site-note">IATF 16949:2016 有 67 个条款没有对应的程序文件，但已由质量手册、过程或其他文件覆盖：标准并不要求每个条款各有一份程序文件，这一数字供参考，不是待处理的问题。</p>');
    expect(read("lists/clauses-uncovered-IATF16949.html")).toContain('<p class="site-empty">无</p>');
    const withoutProcedure = read("lists/clauses-without-procedure-IATF16949.html");
    expect([...withoutProcedure.matchAll(/<tr>\s*<td[^>]*>([\d.]+)<\/td>/g)].length).toBe(67);
    expect(withoutProcedure).toContain('<td class="code">6.1.2.3</td><td>应急计划</td><td class="list"><div class="site-list">S3 ●、<wbr>M1 △</div></td><td class="list"><div class="site-list"></div></td><td class="list"><div class="site-list">QM-001</div></td>');
    // The procedures that reach a clause only through its parent (△) or their forms and related documents (○), as the matrix marks them, and its legend.
    expect(withoutProcedure).toContain(
      '<td class="code">8.1.2</td><td>保密</td><td class="list"><div class="site-list">C1 ●、<wbr>C2 △、<wbr>M1 △</div></td><td class="list"><div class="site-list">QP-007 △、<wbr>QP-014 ○、<wbr>QP-015 ○</div></td><td class="list"><div class="site-list">QM-001</div></td>',
    );
    expect(withoutProcedure).toContain('<p class="site-note">● 直接对应；△ 仅对应上级条款（继承）；○ 通过下级文件对应</p>');
  });

  it("counts open reviews as the status grid does: the card is the sum of the grid's received and in-review columns", () => {
    const index = read("index.html");
    const total = (status: string) => [...index.matchAll(new RegExp(`href="lists/csr-${status}.html" aria-label="[^"]*: (\\d+)">`, "g"))].map((m) => Number(m[1]));
    expect(total("received")).toEqual([1]);
    expect(total("in-review")).toEqual([1]);
    expect(index).toContain('<a class="site-number " href="lists/reviews-open.html"><span class="count">2</span> <span class="label">未决定（已接收、评审中）</span></a>');
    const csrsOf = (list: string) => [...read(`lists/${list}.html`).matchAll(/<a href="..\/csr\/([^"]+)\.html">/g)].map((m) => m[1]);
    expect(csrsOf("csr-received")).toEqual(["BCM-005"]);
    expect(csrsOf("csr-in-review")).toEqual(["DYA-007"]);
    expect(csrsOf("reviews-open")).toEqual(["BCM-005", "DYA-007"]);
    // An open review's list: its deadline, the working days left and the departments that still owe their opinion.
    expect(read("lists/reviews-open.html")).toContain(
      '<thead><tr><th scope="col">序号</th><th scope="col">编号</th><th scope="col">顾客名称</th><th scope="col">要求名称</th><th scope="col">接收日期</th><th scope="col">评审期限</th><th scope="col">剩余工作日</th><th scope="col">未会签部门</th></tr></thead>',
    );
    expect(read("lists/reviews-open.html")).toContain('<td class="date">2026-12-08</td><td class="number">7</td><td class="list"><div class="site-list">技术部、<wbr>生产部</div></td></tr>');
    // Under the table, what the list holds and as of when, and how the deadline is counted, as a register says it.
    expect(read("lists/reviews-open.html")).toContain(
      '</table>\n</div>\n\n<p class="site-note">截至 2026-11-27 尚未作出评审结论（已接收、评审中）的顾客特定要求。</p><p class="site-note">评审期限 &#x3D; 接收日期（来源文件换版后为重新起算日期）+ 10 个工作日，按公司工作日历计算。</p>',
    );
    expect(read("lists/csr-decided.html")).toContain('<p class="site-note">截至 2026-11-27 结论为必须满足或可选、但尚无已发布的落实文件的顾客特定要求（落实文件可能仍是草稿）。</p>');
    // A list page stands alone: a number's label read under its panel's title is titled by both.
    const heading = (list: string) => /<h1[^>]*>([^<]*)<\/h1>/.exec(read(`lists/${list}.html`))?.[1];
    expect(["reviews-overdue", "findings-error", "doc-recall-overdue", "csr-received"].map(heading)).toEqual([
      "顾客特定要求评审：评审中逾期",
      "检查发现项（csr check）：错误",
      "文件发放与回收：回收逾期",
      "顾客特定要求：已接收",
    ]);
    const numbers = [...read("index.html").matchAll(/href="(lists\/[a-z-]+\.html)"[^>]*>(?:<span class="count">)?(\d+)</g)];
    // The dashboard's numbers are found at all (30 on the example), so that the loop checks something.
    expect(numbers.length).toBeGreaterThanOrEqual(20);
    for (const m of numbers) {
      expect([m[1], (read(m[1]!).split("<tbody>")[1] ?? "").split("</tbody>")[0]!.match(/<tr>/g)?.length ?? 0]).toEqual([m[1], Number(m[2])]);
    }
  });

  it("has a page per tooling entry (工装台账) with its facts and verifications, the tooling registers with their downloads, and the tooling panel", () => {
    const register = read("registers/tooling.html");
    expect(register).toContain('<td class="code"><a href="../tooling/MD-20-01.html">MD-20-01</a></td>');
    expect(files.filter((f) => f.startsWith("tooling/") || /^registers\/(tooling|error-proofing|gauges)\./.test(f))).toEqual([
      "registers/error-proofing.csv",
      "registers/error-proofing.html",
      "registers/error-proofing.xlsx",
      "registers/gauges.csv",
      "registers/gauges.html",
      "registers/gauges.xlsx",
      "registers/tooling.csv",
      "registers/tooling.html",
      "registers/tooling.xlsx",
      "tooling/EP-30-01.html",
      "tooling/FX-30-02.html",
      "tooling/GA-30-01.html",
      "tooling/GA-30-02.html",
      "tooling/MD-20-01.html",
      "tooling/TE-40-01.html",
    ]);
    const mould = read("tooling/MD-20-01.html");
    expect(mould).toContain("<h1>MD-20-01 护套注塑模</h1>");
    expect(mould).toContain('<div><dt>所有权</dt><dd><a href="../customers/DYA.html">顾客财产：DYA 东岳汽车股份有限公司</a></dd></div>\n<div><dt>顾客财产标识</dt><dd>东岳资产标牌 DYA-T-0012</dd></div>');
    const device = read("tooling/EP-30-01.html");
    expect(device).toContain('<div><dt>验证频次</dt><dd>每 500 件（按件数，无法推算日期）</dd></div>\n<div><dt>上次验证</dt><dd>2026-09-29 合格</dd></div>');
    expect(device).toContain('<thead><tr><th scope="col">序号</th><th scope="col">验证日期</th><th scope="col">班次</th><th scope="col">验证人</th><th scope="col">结果</th><th scope="col">反应措施</th></tr></thead>');
    expect(device).toContain('<td class="date">2026-09-29</td><td class="code">早班</td><td class="name">高扬</td><td class="code">不合格</td><td>隔离上次验证后产品 500 件全检无不良，更换计数传感器后复验合格</td></tr>');
    expect(device).toContain('<p class="site-note">1 台装置共验证 3 次，其中不合格 1 次。</p>');
    // Nothing due on the site's day: EP-30-01 is verified by parts counted, FX-30-02's first maintenance falls due 2027-03-01, the gauges' calibrations in 2027.
    expect(read("index.html")).toContain(
      '<li><a class="site-number " href="lists/tooling-due.html"><span class="count">0</span> <span class="label">今日到期或逾期的验证和维护</span></a></li>\n<li><a class="site-number " href="registers/tooling.html"><span class="count">6</span> <span class="label">工装夹具台账</span></a></li>\n<li><a class="site-number " href="lists/gauges-due.html"><span class="count">0</span> <span class="label">30 天内到期或已逾期的校准</span></a></li>',
    );
    // A gauge's page: its calibration standing, its calibrations and its MSA (7.1.5.2, 7.1.5.1.1).
    const tester = read("tooling/TE-40-01.html");
    expect(tester).toContain("<h1>TE-40-01 拉脱力试验机</h1>");
    expect(tester).toContain("<div><dt>下次校准</dt><dd>2027-03-18</dd></div>\n<div><dt>校准状态</dt><dd>合格</dd></div>");
    expect(tester).toContain("<li>2026-03-18  调整后合格  苏州市计量测试院（CNAS L0208），证书编号 JL-2026-03118</li>");
    expect(read("registers/gauges.html")).toContain("<h1>计量器具台账（共 3 项）</h1>");
  });

  it("registers are the same tables as csr list and csr matrix, with their downloads", async () => {
    // A procedure's clause numbers: a line may end after each "/", in a column of bounded width; the manual names chapters 4–10 whole (auditor16 F9).
    const documents = read("registers/documents.html");
    expect(documents).toContain('<td class="list"><div class="site-list">7.5/<wbr>7.5.1/<wbr>7.5.2/<wbr>7.5.3/<wbr>');
    expect(documents).toContain('<td class="list"><div class="site-list">4–10（全部条款）</div></td>');
    const listed = await csrInProcess(["-C", repo, "list", "procedures", "--format", "csv"], { lang: null });
    expect(read("registers/procedures.csv")).toBe(listed.stdout);
    const matrix = await csrInProcess(["-C", repo, "matrix", "csr", "--format", "csv", "--today", DAY], { lang: null });
    expect(read("registers/csr-matrix.csv")).toBe(matrix.stdout);
    const { default: ExcelJS } = await import("exceljs");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(site.out, "registers", "procedures.xlsx"));
    expect(workbook.worksheets[0]!.getCell(1, 1).value).toBe("程序文件一览表（共 15 份）");
    const page = read("registers/procedures.html");
    expect(page).toContain('<a href="../registers/procedures.xlsx" download>下载 Excel（xlsx）</a><a href="../registers/procedures.csv" download>下载 CSV</a>');
    expect(page).toContain('<td class="code"><a href="../documents/QP-001.html">QP-001</a></td>');
  });

  it("has the change report (变更报告) of the twelve months to --today among the registers, with its downloads (tester20 F33)", async () => {
    const report = await csrInProcess(["-C", repo, "changes", "2025-11-28", DAY, "--format", "csv"], { lang: null });
    expect(report.code).toBe(0);
    expect(read("registers/changes.csv")).toBe(report.stdout);
    expect(files.filter((f) => f.startsWith("registers/changes."))).toEqual(["registers/changes.csv", "registers/changes.html", "registers/changes.xlsx"]);
    expect(read("registers/index.html")).toContain('<a href="../registers/changes.html">变更报告：2025-11-28 至 2026-11-27</a>');
  });

  it("heads a register's page and its workbook as csr list does: organisation, form, as-of day; signature lines and no downloads on paper (tester25 F1)", async () => {
    const page = read("registers/documents.html");
    expect(page).toContain('<p class="site-heading"><span>江苏安迈汽车零部件有限公司</span><span>表单编号：QR-001-03 A/0</span><span>截至 2026-11-27</span></p>');
    // On paper the register as csr list prints it (section.ts writePrinted): the heading over its columns' heads, the signature lines after its rows.
    expect(page).toContain('<div class="site-print">\n<table>\n<thead>');
    expect(page).toContain('<thead>\n<tr class="running"><th colspan="15"><p class="title">受控文件清单（共 45 份）</p><div class="heading"><span>江苏安迈汽车零部件有限公司</span><span>表单编号：QR-001-03 A/0</span><span>截至 2026-11-27</span></div></th></tr>\n');
    expect(page).toContain('<div class="signatures"><span>编制：________________ 日期：____________</span><span>审核：________________ 日期：____________</span><span>批准：________________ 日期：____________</span></div>');
    const css = read("assets/site.css");
    expect(css).toContain(".site-print { display: none; }");
    expect(css).toContain("@media print { .site-header, .site-footer, .site-extras, .site-skip, .site-downloads { display: none; } }");
    expect(css).toMatch(/@media print \{\n  \.site-register:has\(> \.site-print\) > :not\(\.site-print\), \.site-main:has\(\.site-print\) > h1 \{ display: none; \}\n  \.site-print \{ display: block;/);
    const out = join(tempDir(), "documents.xlsx");
    expect((await csrInProcess(["-C", repo, "list", "documents", "--today", DAY, "--format", "xlsx", "--out", out], { lang: null })).code).toBe(0);
    const ExcelJS = (await import("exceljs")).default;
    const sheets = async (file: string) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(file);
      return workbook.worksheets.map((s) => ({ name: s.name, header: s.headerFooter.oddHeader, rows: s.getSheetValues() }));
    };
    const listed = await sheets(out);
    expect(listed[0]!.header).toBe("&L江苏安迈汽车零部件有限公司&C&14&B受控文件清单（共 45 份）&R表单编号：QR-001-03 A/0 截至 2026-11-27");
    expect(await sheets(join(site.out, "registers/documents.xlsx"))).toEqual(listed);
  });

  it("has the drafts and documents in review (在编文件), csr export's sheet, among the registers, with its downloads (tester47 F7)", async () => {
    expect(files.filter((f) => f.startsWith("registers/documents-unreleased."))).toEqual(["registers/documents-unreleased.csv", "registers/documents-unreleased.html", "registers/documents-unreleased.xlsx"]);
    expect(read("registers/index.html")).toContain('<a href="../registers/documents-unreleased.html">在编文件清单（草稿及审批中，共 1 份）</a>');
    const page = read("registers/documents-unreleased.html");
    expect(page).toContain("<h1>在编文件清单（草稿及审批中，共 1 份）</h1>");
    expect(page).toContain('<td class="code"><a href="../documents/WI-011-01.html">WI-011-01</a></td>');
    expect(page).toContain('<p class="site-note">草稿和审批中的文件不是受控文件，不列入受控文件清单，不得发放使用；发布后列入受控文件清单。</p>');
    expect(read("registers/documents-unreleased.csv").split("\r\n")[1]).toMatch(/^1,三级,WI-011-01,北辰汽车零部件包装标识作业指导书,生产部,/);
    // The same sheet as csr export's 在编文件, under the same heading.
    const { default: ExcelJS } = await import("exceljs");
    const exported = join(tempDir(), "registers.xlsx");
    expect((await csrInProcess(["-C", repo, "export", "--out", exported, "--today", DAY], { lang: null })).code).toBe(0);
    const sheetOf = async (file: string, name?: string) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(file);
      const sheet = name === undefined ? workbook.worksheets[0]! : workbook.getWorksheet(name)!;
      const values: unknown[] = [];
      sheet.eachRow((row) => values.push(row.values));
      return values;
    };
    const own = await sheetOf(join(site.out, "registers", "documents-unreleased.xlsx"));
    expect(own.length).toBeGreaterThan(3);
    expect(own).toEqual(await sheetOf(exported, "在编文件"));
  });

  it("lays out a register's list cells as csr list's HTML: one item a line, numbers unbroken (tester25 F5), each with its version (tester62 N18)", async () => {
    expect(read("registers/csr-list.html")).toContain('<td><span class="nobr">QP-011 A/1</span> 5.3 追溯记录<br><span class="nobr">QP-002 A/1</span> 5.3 保存期限<br><span class="nobr">QR-011-01 A/1</span></td>');
    expect(read("assets/site.css")).toContain(".nobr { white-space: nowrap; }");
  });

  it("colours a heat map's row by classes of its own, never by a cell's (tester25 F3), and says what the ratio counts (F11, tester67a A12)", async () => {
    const page = read("coverage.html");
    const rowClasses = new Set([...page.matchAll(/<tr class="([^"]*)"/g)].map((m) => m[1]));
    expect([...rowClasses]).toEqual(["row-covered row-manual-only", "row-covered"]);
    const css = read("assets/site.css");
    // The cells' classes colour whatever carries them: no row's class may be one of them.
    const cellColours = [...css.matchAll(/^\.([a-z-]+) \{ background/gm)].map((m) => m[1]);
    expect(cellColours).toEqual(["direct", "parent", "inherited", "uncovered", "excluded"]);
    for (const row of rowClasses) for (const name of row!.split(" ")) expect(cellColours).not.toContain(name);
    expect(page).toContain("覆盖率：195/195 (100.0%)（计每个适用的编号条款，含 9 个无标题段落：对应其所属条款即覆盖）");
    // Under it, as under the matrix: the procedures' own coverage, the share only the quality manual covers (tester68 G10) and the
    // clauses only the manual, a process or other documents cover (tester55 C8).
    expect(page).toContain('<p class="site-lead">其中由程序文件覆盖：128/195 (65.6%)（只计程序文件本身对应的条款）</p>');
    expect(page).toContain('<p class="site-lead">仅由质量手册覆盖：66/195 (33.8%)（没有程序文件、作业指导书或表单对应，覆盖列记为“仅质量手册”）</p>');
    expect(page).toContain('<p class="site-lead">无程序文件对应的条款 67 条（仅由质量手册、过程或其他文件覆盖）：4、4.1、4.2、4.3、4.3.1、4.4、4.4.1、4.4.1.1、4.4.2、5、');
    // A clause only the manual covers has its number and title in amber, the legend says so; 8.6.1, covered by a work instruction, does not.
    expect(page).toContain('<tr class="row-covered row-manual-only"><th scope="row"><span class="number">5.1</span> 领导作用和承诺</th>');
    expect(page).toContain('<tr class="row-covered"><th scope="row"><span class="number">8.6.1</span>');
    expect(page).toContain('<li><span class="swatch manual-only"></span>仅质量手册（条款号橙色标出：已覆盖，但没有程序文件、作业指导书或表单对应，只有质量手册或过程列出该条款）</li>');
    expect(css).toContain(".site-heatmap tr.row-manual-only th, .site-heatmap tr.row-process-only th, .swatch.manual-only { background: #ffd9a8; color: #5c3100; }");
    expect(page).toContain("、6.1.2.3、");
    expect(page).toContain("、8.1.2 △、");
    // The manual's and other documents' cells are blue, not the green of a procedure's mark, and the legend says so.
    expect(page).toContain('<li><span class="swatch list-direct"></span>质量手册、其他文件列（蓝色）：列出该条款的非程序文件；只有这两列或过程列着色的条款，无程序文件对应</li>');
    expect(css).toContain(".site-heatmap td.list.direct, .swatch.list-direct { background: #cfe0f3; color: #1a1a1a; }");
  });

  it("the heat map colours each clause against processes and procedures and links each mark", async () => {
    const page = read("coverage.html");
    expect(page).toContain('<td class="direct"><a href="processes/C1.html" title="4.3.2 × C1 市场开发与顾客要求评审" aria-label="4.3.2 × C1 市场开发与顾客要求评审">●</a></td>');
    expect(page).toContain('<td class="inherited"><a href="documents/QP-001.html" title="4.3.2 × QP-001 文件控制程序" aria-label="4.3.2 × QP-001 文件控制程序">○</a></td>');
    // A blank cell is neutral (no class); a clause nothing addresses is coloured as a row, the legend says so.
    expect(page).toContain('<td></td>');
    expect(page).not.toContain('class="none"');
    expect(page).not.toContain('<tr class="row-uncovered">');
    // Without coverage.inherit_from_parent a clause only its parent names (△) is not covered, and its row is pink too (tester47 F10).
    expect(page).toContain('<li><span class="swatch uncovered"></span>未对应的条款（整行标出：没有过程或文件列出该条款，或仅由上级条款继承（△），不计入覆盖率）</li>');
    // Columns are headed by their codes, the full names in the key above the table.
    expect(page).toContain('<th scope="col" class="vertical" title="C1 市场开发与顾客要求评审"><span><a href="processes/C1.html">C1</a></span></th>');
    expect(page).toContain('<li><a href="processes/C1.html">C1 市场开发与顾客要求评审</a></li>');
  });

  it("replaces a site it built before, and only that", async () => {
    // A page csr wrote that the new site no longer has (a document since removed): its marker lists it, so it goes.
    // A file csr did not write is kept (test/site/out-folder.test.ts).
    writeFileSync(join(site.out, "stale.html"), "old");
    writeFileSync(join(site.out, ".csr-site"), `${readFileSync(join(site.out, ".csr-site"), "utf8")}stale.html\n`);
    const again = await csrInProcess(["-C", repo, "site", "--out", site.out, "--today", DAY], { lang: null });
    expect(again.code).toBe(0);
    expect(existsSync(join(site.out, "stale.html"))).toBe(false);
    expect(existsSync(join(site.out, "index.html"))).toBe(true);
  });
});

describe("csr site: people named on a document's page", () => {
  it("links each of several people in one cell, and leaves a name people.yaml does not have as text, in both languages", async () => {
    const repo = copyFixture("examples/gjb-demo");
    const file = join(repo, "documents", "CS_QM-001.yaml");
    const yaml = readFileSync(file, "utf8");
    // The current revision's second countersigner, someone people.yaml does not list.
    const at = yaml.lastIndexOf("      - by: tangl\n");
    writeFileSync(file, `${yaml.slice(0, at)}      - by: 外聘专家\n${yaml.slice(at + "      - by: tangl\n".length)}`);
    const zh = readFileSync(join((await buildSite(repo)).out, "documents", "CS_QM-001.html"), "utf8");
    // Each "name date" on one line, the cell breaking between them only (breaker63 P6).
    expect(zh).toContain('<th>会签</th><td><span class="nowrap"><a href="../people/hejun.html">何军</a></span><span class="nowrap"> 2026-02-27</span>、<span class="nowrap">外聘专家</span><span class="nowrap"> 2026-02-27</span><span class="date"></span></td>');
    expect(zh).toContain('<th>军代表</th><td><a href="../people/wangjd.html">王建东</a><span class="date">2026-03-02</span></td>');
    const en = readFileSync(join((await buildSite(repo, "--lang", "en")).out, "documents", "CS_QM-001.html"), "utf8");
    expect(en).toContain('<a href="../people/hejun.html">He Jun</a><span class="nowrap"> 2026-02-27</span>, <span class="nowrap">外聘专家</span><span class="nowrap"> 2026-02-27</span><span class="date"></span></td>');
  });
});

describe("csr site refuses", () => {
  const repo = copyFixture("examples/acme-auto");

  it("a non-empty folder it did not make", async () => {
    const out = tempDir();
    writeFileSync(join(out, "notes.txt"), "keep me");
    const result = await csrInProcess(["-C", repo, "site", "--out", out]);
    expect(result.stderr).toBe(`csr: --out ${out} is not empty and was not made by 'csr site'; csr does not write over it.\nhint: Give a new or empty folder, e.g. --out out/site.\n`);
    expect(result.code).toBe(2);
    expect(readdirSync(out)).toEqual(["notes.txt"]);
  });

  it("a folder among the repository's data, and a base URL that is not http(s)", async () => {
    const data = await csrInProcess(["-C", repo, "site", "--out", join(repo, "documents", "site")], { lang: null });
    expect(data.stderr).toBe("csr: --out documents/site 位于仓库的数据之中；生成的输出请写到单独的文件夹，例如 out/。\n");
    expect(data.code).toBe(2);
    const url = await csrInProcess(["-C", repo, "site", "--out", join(tempDir(), "s"), "--base-url", "ftp://example.com"], { lang: null });
    expect(url.stderr).toBe("csr: --base-url 需要 http 或 https 地址，实际为 'ftp://example.com'。\n");
    expect(url.code).toBe(2);
  });

  it("refuses a base URL with a query, fragment, file name or credentials, saying what to write (tester50a #9)", async () => {
    const refused = async (value: string, lang: "zh-CN" | "en" = "zh-CN") => {
      const out = join(tempDir(), "s");
      const result = await csrInProcess(["-C", repo, "--lang", lang, "site", "--out", out, "--base-url", value], { lang: null });
      expect(result.code).toBe(2);
      expect(existsSync(out)).toBe(false);
      return result.stderr;
    };
    const query = "；请写 http(s) 文件夹地址，以 / 结尾，例如 https://qms.example.com/site/。\n";
    expect(await refused("http://h/x?y=1")).toBe(`csr: --base-url 不能包含查询（?）或片段（#），否则其路径会丢失，实际为 'http://h/x?y=1'${query}`);
    expect(await refused("http://h/x#z")).toBe(`csr: --base-url 不能包含查询（?）或片段（#），否则其路径会丢失，实际为 'http://h/x#z'${query}`);
    expect(await refused("http://h/x?")).toBe(`csr: --base-url 不能包含查询（?）或片段（#），否则其路径会丢失，实际为 'http://h/x?'${query}`);
    expect(await refused("http://h/x/index.html")).toBe("csr: --base-url 需要文件夹地址而不是文件，实际为 'http://h/x/index.html'；请写 http://h/x/。\n");
    const credentials = await refused("https://user:pw@h/x/");
    expect(credentials).toBe("csr: --base-url 不能包含用户名或密码（会写入每一页和 sitemap.xml），实际为 'https://user:***@h/x/'；请写不带凭据的 http(s) 文件夹地址，例如 https://qms.example.com/site/。\n");
    expect(await refused("https://user:pw@h/x/", "en")).toBe("csr: --base-url must not contain a user name or password (they would be written into every page and sitemap.xml), got 'https://user:***@h/x/'; write an http(s) folder address without credentials, e.g. https://qms.example.com/site/.\n");
  });
});

describe("csr site --out through a symbolic link", () => {
  it("refuses a folder that a link in the repository leads outside it, and writes there when that folder is named", async () => {
    // What is tested is where csr writes, not the pages: a small repository's site is built faster.
    const repo = copyFixture("test/fixtures/csr/valid");
    const elsewhere = tempDir();
    symlinkSync(elsewhere, join(repo, "published"));
    for (const out of ["published", join("published", "site")]) {
      const refused = await csrInProcess(["-C", repo, "site", "--out", out, "--today", DAY]);
      expect(refused.stderr).toBe(
        `csr: --out ${out} leads outside the repository through a symbolic link (to ${join(realpathSync(elsewhere), out.slice("published".length))}); csr writes there only if you name that folder yourself, e.g. --out ${join(realpathSync(elsewhere), out.slice("published".length))}.\n`,
      );
      expect(refused.code).toBe(2);
    }
    expect(readdirSync(elsewhere)).toEqual([]);
    const named = await csrInProcess(["-C", repo, "site", "--out", join(elsewhere, "site"), "--today", DAY]);
    expect(named.code).toBe(0);
    expect(existsSync(join(elsewhere, "site", "index.html"))).toBe(true);
  });
});

describe("csr site options", () => {
  const repo = copyFixture("examples/acme-auto");

  it("--base-url gives canonical addresses and a sitemap; --lang en the English labels", async () => {
    const site = await buildSite(repo, "--base-url", "https://qms.example.com/site", "--sitemap", "--lang", "en");
    expect(site.code).toBe(0);
    const sitemap = readFileSync(join(site.out, "sitemap.xml"), "utf8");
    expect(sitemap).toContain("  <url><loc>https://qms.example.com/site/documents/QP-014.html</loc></url>\n");
    const index = readFileSync(join(site.out, "index.html"), "utf8");
    expect(index).toContain('<link rel="canonical" href="https://qms.example.com/site/index.html">');
    // Every page has its address, and the sitemap lists every page: documents, CSRs, registers and lists too (tester47 5).
    const pages = filesOf(site.out).filter((f) => f.endsWith(".html"));
    expect(pages.length).toBe(202);
    const addresses = pages.map((p) => `https://qms.example.com/site/${p}`);
    expect(pages.filter((p, i) => !readFileSync(join(site.out, p), "utf8").split("</head>")[0]!.includes(`<link rel="canonical" href="${addresses[i]}">\n`))).toEqual([]);
    expect([...sitemap.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]).sort()).toEqual(addresses.sort());
    expect(sitemap).toContain("  <url><loc>https://qms.example.com/site/registers/csr-list.html</loc></url>\n");
    expect(index).toContain("<h1>Quality system dashboard</h1>");
    expect(readFileSync(join(site.out, "documents", "QP-014.html"), "utf8")).toContain('<html lang="en">');
    const csrPage = (id: string) => readFileSync(join(site.out, "csr", `${id}.html`), "utf8");
    expect(csrPage("DYA-002")).toContain('<td>Departments to countersign: Marketing &amp; Sales, Quality Assurance, Engineering, Production<br><span class="nowrap">Marketing &amp; Sales <a href="../people/sunwei.html">Sun Wei</a></span> <span class="nowrap">accept</span> <span class="nowrap">2024-06-18</span><br>');
    expect(csrPage("DYA-003")).toContain('<li><a href="../csr/DYA-006.html">Superseded by DYA-006 on 2026-03-23: ');
    expect(readFileSync(join(site.out, "people", "zhangli.html"), "utf8")).toContain("<div><dt>Roles</dt><dd>author, reviewer, approver</dd></div>");
    expect(csrPage("DYA-007")).toContain("<li>Review due: 2026-12-08 (7 working days left)</li><li>Opinions missing: Engineering, Production</li>");
    expect(csrPage("DYA-001")).toContain("<th>Clauses</th><td>IATF 16949 8.3.3.3 Special characteristics, IATF 16949 8.2.3.1.2 Customer-designated special characteristics</td>");
    expect(readFileSync(join(site.out, "processes", "C1.html"), "utf8")).toContain('<div><dt>Owner</dt><dd><a href="../departments/MKT.html">Marketing &amp; Sales</a></dd></div>');
    expect(readFileSync(join(site.out, "customers", "DYA.html"), "utf8")).toContain('<tr id="status-in-review"><td class="code"><a href="../csr/DYA-007.html">DYA-007</a></td>');
    expect(readFileSync(join(site.out, "lists", "reviews-due-soon.html"), "utf8")).toContain(
      '<p class="site-note">Customer-specific requirements not yet decided with 0 to 2 working days left before their review deadline (the warning period the company set), as of 2026-11-27.</p><p class="site-note">Review deadline &#x3D; date received (after a new source revision, the date the review restarted) + 10 working days, by the working-day calendar the company set.</p>',
    );
  });

  it("a repository's own site-section partial lays out the sections of every page", async () => {
    const dir = makeRepo({
      "qms.yaml": QMS,
      "people.yaml": "people: []\n",
      "documents/QP-001.yaml": "id: QP-001\ntitle: 文件控制程序\nlevel: 2\nkind: procedure\ndepartment: QA\nstatus: draft\n",
      "documents/QP-002.yaml": "id: QP-002\ntitle: 记录控制程序\nlevel: 2\nkind: procedure\ndepartment: QA\nstatus: released\nrevisions:\n  - { version: A/0, date: 2026-01-10, summary: 首次发布 }\n",
      "documents/QP-003.yaml": "id: QP-003\ntitle: 旧程序\nlevel: 2\nkind: procedure\ndepartment: QA\nstatus: obsolete\nrevisions:\n  - { version: A/0, date: 2026-01-10, summary: 首次发布 }\n",
      "templates/html/partials/site-section.hbs": '<div class="own">{{title}}:{{#each table.rows}}[{{#each this}}{{text}};{{/each}}]{{/each}}{{#each items}}({{text}}){{/each}}</div>\n',
    });
    const site = await buildSite(dir);
    expect(site.code).toBe(0);
    // The procedure list is of released documents: the draft QP-001 is counted under it, not listed.
    expect(readFileSync(join(site.out, "registers", "procedures.html"), "utf8")).toContain('<div class="own">:[1;记录控制程序;QP-002;A/0;;;;2026-01-10;;]</div>');
    expect(readFileSync(join(site.out, "documents", "QP-001.html"), "utf8")).toContain('<div class="own">文件状态:(状态：草稿)(现行版本：—)(部门：品质部)</div>');
    // An obsolete document has no version in force: its last one, as the obsolete register heads it (tester49 #11).
    expect(readFileSync(join(site.out, "documents", "QP-003.html"), "utf8")).toContain('<div class="own">文件状态:(状态：作废)(最后版本：A/0)(部门：品质部)</div>');
  });

  it("a repository's own review report template, or own partial of its page, makes the CSR pages", async () => {
    // The site writes the report by code (src/site/report.ts) only while every template of the page is csr's.
    const own = copyFixture("examples/acme-auto");
    mkdirSync(join(own, "templates", "html"), { recursive: true });
    writeFileSync(join(own, "templates", "html", "csr-review-report.hbs"), '{{#> layout}}<p class="own-report">{{number}} {{t "csr_decision"}}</p>\n{{/layout}}\n', { flag: "wx" });
    const site = await buildSite(own);
    expect(site.code).toBe(0);
    const page = readFileSync(join(site.out, "csr", "DYA-001.html"), "utf8");
    expect(page).toContain('<p class="own-report">DYA-001 评审结论</p>\n</td></tr></tbody>');
    expect(page).not.toContain("<h2>3 评审结论</h2>");
    const footed = copyFixture("examples/acme-auto");
    mkdirSync(join(footed, "templates", "html", "partials"), { recursive: true });
    writeFileSync(join(footed, "templates", "html", "partials", "site-footer.hbs"), '<footer class="own-footer">{{site.footer}}</footer>\n', { flag: "wx" });
    const withFooter = await buildSite(footed);
    expect(withFooter.code).toBe(0);
    const report = readFileSync(join(withFooter.out, "csr", "DYA-001.html"), "utf8");
    expect(report).toContain("<h2>3 评审结论</h2>");
    expect(report).toContain('</main>\n<footer class="own-footer">由 csr ');
  });

  it("leaves a heat map's row addressed only through its parent uncoloured: its class is the row's, not the ○ cell's (tester25 F3); only a process names it: amber (tester68 G10)", async () => {
    const dir = makeRepo({
      "qms.yaml": `${QMS}coverage: {inherit_from_parent: true}\n`,
      "people.yaml": "people: []\n",
      "processes.yaml": "processes:\n  - code: M1\n    name: 组织环境\n    type: management\n    owner: QA\n    clauses: [IATF16949:4]\n",
    });
    const site = await buildSite(dir);
    expect(site.code).toBe(0);
    const coverage = readFileSync(join(site.out, "coverage.html"), "utf8");
    // Process M1 names 4, no document does: the clause is marked as resting on the process list alone.
    expect(coverage).toContain('<tr class="row-inherited row-process-only"><th scope="row"><span class="number">4.1</span> 理解组织及其环境</th><td class="parent">');
    // Such a row is covered, so the legend's pink is only for what nothing names.
    expect(coverage).toContain('<li><span class="swatch uncovered"></span>未对应的条款（整行标出：没有过程或文件列出该条款，不计入覆盖率）</li>');
    // The light green of ○ (.inherited) colours only what carries the class: the cells, never a row.
    expect(coverage).not.toMatch(/<tr class="(?:[^"]* )?inherited[" ]/);
    expect(readFileSync(join(site.out, "assets", "site.css"), "utf8")).toMatch(/^\.inherited \{ background: #a5d6a7;/m);
  });

  it("colours a row only a parent clause names as not addressed, and its legend says so, in both languages (tester47 F10)", async () => {
    const dir = makeRepo({
      "qms.yaml": QMS,
      "people.yaml": "people: []\n",
      "processes.yaml": "processes:\n  - code: M1\n    name: 组织环境\n    type: management\n    owner: QA\n    clauses: [IATF16949:4]\n",
    });
    const zh = await buildSite(dir);
    expect(zh.code).toBe(0);
    const coverage = readFileSync(join(zh.out, "coverage.html"), "utf8");
    expect(coverage).toContain('<tr class="row-inherited row-uncovered"><th scope="row"><span class="number">4.1</span> 理解组织及其环境</th><td class="parent">');
    expect(coverage).toContain('<li><span class="swatch uncovered"></span>未对应的条款（整行标出：没有过程或文件列出该条款，或仅由上级条款继承（△），不计入覆盖率）</li>');
    const en = await buildSite(dir, "--lang", "en");
    expect(readFileSync(join(en.out, "coverage.html"), "utf8")).toContain(
      '<li><span class="swatch uncovered"></span>clause not addressed (whole row: no process or document names it, or it is only inherited from a parent clause (△); not counted as covered)</li>',
    );
  });

  it("a document with a reference that does not resolve keeps its body, the reference marked in place (tester59 G2)", async () => {
    const dir = makeRepo({
      "qms.yaml": QMS,
      "people.yaml": "people: []\n",
      "documents/QP-001.yaml": "id: QP-001\ntitle: 文件控制程序\nlevel: 2\nkind: procedure\ndepartment: QA\nstatus: draft\nrelated: [QP-404]\n",
    });
    const site = await buildSite(dir);
    expect(site.stderr).not.toContain("改为显示提示");
    expect(site.code).toBe(0);
    expect(readFileSync(join(site.out, "documents", "QP-001.html"), "utf8")).not.toContain("无法显示");
    expect(readFileSync(join(site.out, "documents", "QP-001.html"), "utf8")).toContain('<td class="nowrap">QP-404</td><td>（仓库中没有该文件）</td>');
    // Nothing addresses any clause: every row of the heat map is marked uncovered, its blank cells neutral.
    const coverage = readFileSync(join(site.out, "coverage.html"), "utf8");
    expect(coverage).toContain('<tr class="row-uncovered"><th scope="row"><span class="number">4</span> 组织环境</th><td></td>');
    expect(coverage).not.toContain('<tr class="row-covered">');
    // The finding is on the dashboard, and its list links to the document's page.
    const index = readFileSync(join(site.out, "index.html"), "utf8");
    expect(index).toContain('<a class="site-number alert" href="lists/findings-error.html"><span class="count">1</span> <span class="label">错误</span></a>');
    const list = readFileSync(join(site.out, "lists", "findings-error.html"), "utf8");
    expect(list).toContain('<td class="code"><a href="../documents/QP-001.html">documents/QP-001.yaml:7:11</a></td>');
    // The page that cannot show the document still shows the finding; no CSR: the panel says so, with no empty grid.
    expect(readFileSync(join(site.out, "documents", "QP-001.html"), "utf8")).toMatch(/<td class="alert">错误<\/td><td>[^<]*<\/td>.*?<td class="code site-rule"><a href="..\/findings.html">ref\/unresolved<\/a><\/td><\/tr>/);
    expect(index).toContain('<h2>顾客特定要求：按顾客和状态</h2>\n<p class="site-note">尚无顾客特定要求。</p>\n</section>');
  });
});

describe("csr site with a document it cannot show", () => {
  it("links a CSR's addressing section to the section of a document whose reference does not resolve, its body shown (tester59 G2; tester50a #7), and shows files named outside the site as text (#2)", async () => {
    const repo = copyFixture("examples/acme-auto");
    const file = join(repo, "documents", "procedures", "QP-012.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("related: [QP-013, QP-011]", "related: [QP-013, QP-011, QP-404]"));
    // And a document whose text names files outside the site (tester50a #2): shown as text and address, not loaded or linked.
    const qp013 = join(repo, "documents", "procedures", "QP-013.yaml");
    writeFileSync(qp013, readFileSync(qp013, "utf8").replace("    text: 对不合格、顾客投诉", '    text: "![图](../../assets/site.css) [表](../../../etc/passwd) [外](//evil.example/x) 对不合格、顾客投诉'));
    writeFileSync(qp013, readFileSync(qp013, "utf8").replace("防止再发生，并推动持续改进。\n", '防止再发生，并推动持续改进。"\n'));
    const site = await buildSite(repo);
    const read = (path: string) => readFileSync(join(site.out, path), "utf8");
    // A reference that does not resolve no longer takes the body off the page (tester59 G2): QP-404 is marked in place,
    // and DYA-006, addressed in QP-012's 5.4, links to that section, which the page shows.
    expect(read("documents/QP-012.html")).not.toContain("无法显示");
    expect(read("documents/QP-012.html")).toContain('<td class="nowrap">QP-404</td><td>（仓库中没有该文件）</td>');
    expect(read("documents/QP-012.html")).toContain('id="section-5.4"');
    const dya006 = read("csr/DYA-006.html");
    expect(dya006).toContain('章节 <a href="../documents/QP-012.html#section-5.4">5.4 返工和返修</a>');
    expect(read("documents/QP-013.html")).toContain(
      '<span class="remote-image">图 (../../assets/site.css)</span> <span class="local-link">表</span> (../../../etc/passwd) <span class="local-link">外</span> (//evil.example/x) 对不合格',
    );
  });
});

describe("csr site with a file it cannot read (tester47 F1)", () => {
  it("says under every register, matrix and list that it lacks the file, as csr list does, and at the top of the dashboard", async () => {
    const repo = copyFixture("examples/acme-auto");
    const file = join(repo, "csr", "DYA", "DYA-005.yaml");
    // A CSR without its source fails its schema: csr sets the file aside.
    writeFileSync(file, readFileSync(file, "utf8").replace(/^source:\n(?: {2}.*\n)+/m, ""));
    const site = await buildSite(repo);
    expect(site.code).toBe(1);
    const read = (path: string) => readFileSync(join(site.out, path), "utf8");
    const note = "本表不完整：有 1 个文件无法读取，未列入（csr/DYA/DYA-005.yaml）。";
    const listed = await csrInProcess(["-C", repo, "list", "csr", "--format", "html", "--today", DAY], { lang: null });
    expect(listed.code).toBe(1);
    expect(listed.stdout).toContain(note);
    const files = filesOf(site.out);
    const registers = files.filter((f) => /^registers\/(?!index\.)[^/]+\.html$/.test(f));
    // With the coming year's plan of periodic reviews (registers/periodic-review-plan.html), the audit programme (registers/audit-programme.html),
    // the tooling register and the error-proofing record (registers/tooling.html, registers/error-proofing.html), the quality objectives (registers/objectives.html),
    // the management review outputs (registers/management-review-outputs.html), the register of gauges (registers/gauges.html); every register
    // csr list lists (tester82 A6): the customer list, the people, this and the coming year's training plans, the approved supplier list,
    // this year's audit plan and the internal audit record.
    expect(registers.length).toBe(36);
    const lists = files.filter((f) => f.startsWith("lists/"));
    expect(lists.length).toBeGreaterThan(20);
    // The findings name the unread file itself: only their lists lack nothing.
    const whole = ["lists/findings-error.html", "lists/findings-warning.html"];
    for (const page of [...registers, "coverage.html", ...lists.filter((f) => !whole.includes(f))]) expect(read(page), page).toContain(`<p class="site-note">${note}</p>`);
    for (const page of whole) expect(read(page), page).not.toContain(note);
    expect(read("lists/findings-error.html")).toContain("csr/DYA/DYA-005.yaml");
    // First thing under the dashboard's heading and its as-of line, before any number.
    expect(read("index.html")).toMatch(
      /<h1>质量体系仪表板<\/h1>\n<p class="site-lead">截至 2026-11-27[^<]*<\/p>\n<p class="site-notice site-incomplete" role="alert">本网站不完整：有 1 个文件无法读取，其内容未列入各页面、登记表和下面的数字（csr\/DYA\/DYA-005\.yaml）。 <a href="findings\.html">查看检查结果<\/a><\/p>\n<div class="site-panels">/,
    );
    // The workbook says it under its table as csr list's does; the CSV, as csr list's, carries the rows only.
    const { default: ExcelJS } = await import("exceljs");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(site.out, "registers", "csr-list.xlsx"));
    const cells: unknown[] = [];
    workbook.worksheets[0]!.eachRow((row) => row.eachCell((cell) => cells.push(cell.value)));
    expect(cells).toContain(note);
    const csv = await csrInProcess(["-C", repo, "list", "csr", "--format", "csv", "--today", DAY], { lang: null });
    expect(read("registers/csr-list.csv")).toBe(csv.stdout);
    expect(read("registers/csr-list.csv")).not.toContain("本表不完整");
  });

  it("says nothing of the kind when every file was read", async () => {
    const site = await buildSite(copyFixture("examples/acme-auto"), "--lang", "en");
    expect(site.code).toBe(0);
    expect(readFileSync(join(site.out, "assets/site.css"), "utf8")).toContain('@page { @bottom-center { content: "Page " counter(page) " of " counter(pages); font-size: 9pt; vertical-align: middle; } }\n');
    // (And, in English, a superseded CSR on a document's page: tester49 #5.)
    expect(readFileSync(join(site.out, "documents/QP-012.html"), "utf8")).toContain("DYA-003 Rework requires prior written approval of Dongyue SQE (5.4 返工和返修; superseded by DYA-006 on 2026-03-23)</a></li></ul>");
    for (const page of filesOf(site.out).filter((f) => f.endsWith(".html"))) expect(readFileSync(join(site.out, page), "utf8"), page).not.toMatch(/incomplete/i);
  });
});

describe("csr site: a person's trainings while nothing says what needs training (tester59 G8)", () => {
  it("reads — with the dashboard's reason, not 0 / 无", async () => {
    const { site } = await bundledSite();
    expect(readFileSync(join(site.out, "people/huangjun.html"), "utf8")).toContain(
      '<h2>本人待完成的培训（—）</h2>\n\n<p class="site-empty">—</p>\n\n<p class="site-note">没有一份现行文件标明换版是否需要培训：本人的换版培训无从判断，“—”不表示没有待完成的培训。</p>',
    );
  });
});

describe("csr site: a review due soon on the findings page (tester59 G13)", () => {
  it("names the rule of a review due soon csr/review-due-soon, not csr/review-overdue, as the dashboard counts it under 即将到期", async () => {
    const site = await buildSite(copyFixture("examples/acme-auto"), "--today", "2026-12-04");
    const findings = readFileSync(join(site.out, "findings.html"), "utf8");
    expect(findings).toContain('<td class="code">警告</td><td class="code">csr/review-due-soon</td>');
    expect(findings).not.toContain("csr/review-overdue");
    expect(findings).toContain("BCM-005 的评审今天（2026-12-04）到期");
  });
});

describe("csr site on data with an error (tester59 G3)", () => {
  it("says at the top of the dashboard how many errors csr check found, linking to the findings, not only in the last panel", async () => {
    const repo = copyFixture("examples/acme-auto");
    const file = join(repo, "documents", "procedures", "QP-001.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("related: [", "related: [QP-404, "));
    const site = await buildSite(repo);
    expect(site.stderr).toContain("csr check：1 个错误，6 个警告。\n");
    // Named (tester80 M11): its rule, the record and what is wrong as the site reads it, linking to the record's findings.
    expect(readFileSync(join(site.out, "index.html"), "utf8")).toMatch(
      /<h1>质量体系仪表板<\/h1>\n<p class="site-lead">截至 2026-11-27[^<]*<\/p>\n<div class="site-notice site-incomplete site-errors" role="alert"><p>数据有 1 个错误：部分页面可能不完整或不准确。 <a href="findings\.html">查看检查结果<\/a><\/p>\n<ul><li><a href="documents\/QP-001\.html#findings"><code>ref\/unresolved<\/code> QP-001：[^<]+<\/a><\/li><\/ul><\/div>\n<div class="site-panels">/,
    );
    const en = await buildSite(repo, "--lang", "en");
    expect(readFileSync(join(en.out, "index.html"), "utf8")).toContain(
      '<div class="site-notice site-incomplete site-errors" role="alert"><p>The data has 1 error: some pages may be incomplete or wrong. <a href="findings.html">See the findings</a></p>\n<ul><li><a href="documents/QP-001.html#findings"><code>ref/unresolved</code> QP-001: ',
    );
  });

  it("counts the errors per rule once there are more than three, each count linking to the findings (tester80 M11)", async () => {
    const repo = copyFixture("examples/acme-auto");
    for (const id of ["QP-001", "QP-010", "QP-012"]) {
      const file = join(repo, "documents", "procedures", `${id}.yaml`);
      writeFileSync(file, readFileSync(file, "utf8").replace("related: [", "related: [QP-404, "));
    }
    const site = await buildSite(repo, "--today", "2026-12-07");
    expect(site.stderr).toContain("csr check：4 个错误，");
    const banner = readFileSync(join(site.out, "index.html"), "utf8").split('<div class="site-notice site-incomplete site-errors" role="alert">')[1]!.split("</div>")[0];
    expect(banner).toBe(
      '<p>数据有 4 个错误：部分页面可能不完整或不准确。 <a href="findings.html">查看检查结果</a></p>\n<ul><li><a href="findings.html"><code>csr/review-overdue</code> 1 个</a></li><li><a href="findings.html"><code>ref/unresolved</code> 3 个</a></li></ul>',
    );
  });
});

describe("csr site: what needs attention", () => {
  it("counts copies to recall, overdue trainings and late decisions, links each to its list, and shows a department's open trainings on its people's pages", async () => {
    const dir = makeRepo({
      "qms.yaml": "organisation: {name: 测试公司}\nstandards: [IATF16949]\ndepartments: [{code: QA, name: 品质部}, {code: MKT, name: 市场部}]\nrules: {coverage/clause-uncovered: off}\n",
      "people.yaml": [
        "people:",
        "  - {id: li, name: 李娜, department: QA, roles: [author, reviewer]}",
        "  - {id: wang, name: 王强, department: QA, roles: [approver]}",
        "  - {id: sun, name: 孙伟, department: MKT, roles: [author]}",
        "",
      ].join("\n"),
      "customers/DYA.yaml": "code: DYA\nname: 东岳汽车\nsources:\n  - id: DYA-SQM\n    title: 供应商质量手册\n    revisions: [{revision: A, received: 2026-10-01}]\n",
      "csr/DYA/DYA-001.yaml": [
        "id: DYA-001",
        "customer: DYA",
        "source: {document: DYA-SQM, revision: A}",
        "clauses: [IATF16949:8.3]",
        "title: 特殊特性符号",
        "text: 使用东岳符号。",
        "received: 2026-10-01",
        "review:",
        "  required: [QA]",
        "  opinions: [{department: QA, reviewer: li, opinion: accept, date: 2026-11-19}]",
        "  decision: {disposition: must, by: wang, date: 2026-11-20}",
        "addressed: [{document: QP-005}]",
        "implementation: {owner: li, due: 2026-11-25, status: in-progress}",
        "training: {required: true}",
        "",
      ].join("\n"),
      // A periodic review concluded 需修订 and no revision since: counted under 文件控制 (doc/revision-pending).
      "documents/QP-006.yaml": [
        "id: QP-006",
        "title: 记录控制程序",
        "level: 2",
        "kind: procedure",
        "department: QA",
        "status: released",
        "revisions:",
        "  - {version: A/0, date: 2024-01-10, summary: 首次发布, prepared: {by: li}, approved: {by: wang, date: 2024-01-10}}",
        "reviews:",
        "  - {by: wang, date: 2026-11-02, result: revise, comment: 需增加电子记录的要求}",
        "",
      ].join("\n"),
      "documents/QP-005.yaml": [
        "id: QP-005",
        "title: 文件控制程序",
        "level: 2",
        "kind: procedure",
        "department: QA",
        "status: released",
        "effective: 2026-10-12",
        "revisions:",
        "  - {version: A/0, date: 2024-01-10, summary: 首次发布, prepared: {by: li}, approved: {by: wang, date: 2024-01-10}}",
        "  - {version: A/1, date: 2026-10-12, summary: 修订, prepared: {by: li}, approved: {by: wang, date: 2026-10-12}}",
        "distribution:",
        "  - {copy: 1, version: A/0, to: QA, issued_by: li, date: 2024-01-12}",
        "  - {copy: 2, version: A/1, to: MKT, issued_by: li, date: 2026-10-13}",
        "  - {copy: 3, version: A/1, to: QA, issued_by: li, date: 2026-10-13}",
        "training:",
        "  required: true",
        "  sessions: [{revision: A/0, date: 2024-01-20, people: [li], record: TR-2024-003}]",
        "",
      ].join("\n"),
    });
    const site = await buildSite(dir);
    expect(site.code).toBe(0);
    const index = readFileSync(join(site.out, "index.html"), "utf8");
    const numbers = [...index.matchAll(/href="((?:lists|registers)\/[a-z-]+\.html)"><span class="count">(\d+)<\/span> <span class="label">([^<]+)<\/span>/g)].map((m) => `${m[3]} ${m[2]} ${m[1]}`);
    expect(numbers.filter((n) => /late|recall|training|suspect|revision-pending/.test(n))).toEqual([
      "本轮结论或换版确认晚于评审期限 1 lists/reviews-decided-late.html",
      "逾期的评审轮次（含历次，同评审及时性记录） 1 lists/review-rounds-late.html",
      "晚于期限且未记录原因 1 lists/csr-review-late.html",
      "评审后待修订 1 lists/doc-revision-pending.html",
      "待回收的受控副本 1 lists/copies-to-recall.html",
      "回收逾期 1 lists/doc-recall-overdue.html",
      "文件换版培训逾期 1 lists/doc-training-overdue.html",
      "顾客特定要求培训逾期 0 lists/csr-training-overdue.html",
      // Who of 品质部 and 市场部 (a copy of A/1) is not trained on QP-005 A/1 (csr list training --missing, tester61 L5).
      "尚未培训的人员（按版本计人次，不含只登记记录编号的版本） 5 registers/training-missing.html",
    ]);
    // No link is pinned: the change radar counts nothing, and says so (tester52 D4).
    expect(index).toContain('href="lists/csr-suspect-link.html"><span class="count">—</span> <span class="label">要求或落实章节已更改（可疑链接）</span>');
    const read = (path: string) => readFileSync(join(site.out, path), "utf8");
    expect(read("registers/reviews.html")).toContain("逾期或逾期未决 1 项");
    // Every number's list has exactly that many rows.
    const linked = [...index.matchAll(/href="(lists\/[a-z-]+\.html)"><span class="count">(\d+)<\/span>/g)];
    expect(linked.filter((m) => m[2] !== "0").length).toBeGreaterThanOrEqual(3);
    for (const m of linked) {
      expect([m[1], (read(m[1]!).split("<tbody>")[1] ?? "").split("</tbody>")[0]!.match(/<tr>/g)?.length ?? 0]).toEqual([m[1], Number(m[2])]);
    }
    // Late rounds in the review-timeliness register's columns: start, deadline, decision, working days, verdict, reason (未记录 when none).
    const lateRound =
      '<thead><tr><th scope="col">序号</th><th scope="col">编号</th><th scope="col">顾客</th><th scope="col">版本</th><th scope="col">起算</th><th scope="col">起算日期</th><th scope="col">评审期限</th><th scope="col">决定日期</th><th scope="col">决定人</th><th scope="col">用时（工作日）</th><th scope="col">及时性</th><th scope="col">逾期原因</th><th scope="col">备注</th></tr></thead>\n<tbody>\n<tr><td class="number">1</td><td class="code"><a href="../csr/DYA-001.html">DYA-001</a></td><td>东岳汽车</td><td class="code">A</td><td class="code">接收</td><td class="date">2026-10-01</td><td class="date">2026-10-20</td><td class="date">2026-11-20</td><td class="name">王强</td><td class="number">33</td><td>逾期 23 个工作日</td><td>未记录</td><td></td></tr>\n</tbody>';
    expect(read("lists/reviews-decided-late.html")).toContain(lateRound);
    expect(read("lists/review-rounds-late.html")).toContain(lateRound);
    expect(read("lists/copies-to-recall.html")).toMatch(/<td class="code"><a href="..\/documents\/QP-005.html">QP-005<\/a><\/td><td>文件控制程序<\/td><td class="code">A\/0<\/td><td class="code">1<\/td><td class="name">品质部<\/td>/);
    expect(read("lists/copies-to-recall.html")).not.toContain("<td>2</td><td>市场部</td>");
    // A list of one rule's findings names the item (linked), what is due, by when, how late and who answers for it,
    // in the page's language: no finding message, no command to run (tester25 F10).
    const head =
      '<thead><tr><th scope="col">序号</th><th scope="col">编号</th><th scope="col">名称</th><th scope="col">待办事项</th><th scope="col">期限</th><th scope="col">逾期工作日</th><th scope="col">责任人/部门</th></tr></thead>\n<tbody>\n';
    const lists = {
      "lists/csr-implementation-overdue.html": `${head}<tr><td class="number">1</td><td class="code"><a href="../csr/DYA-001.html">DYA-001</a></td><td>特殊特性符号</td><td>实施（实施中）</td><td class="date">2026-11-25</td><td class="number">2</td><td class="name">李娜</td></tr>\n</tbody>`,
      "lists/doc-recall-overdue.html": `${head}<tr><td class="number">1</td><td class="code"><a href="../documents/QP-005.html">QP-005</a></td><td>文件控制程序</td><td>回收品质部持有的 A/0 版受控副本 1</td><td class="date">2026-10-19</td><td class="number">29</td><td class="name">李娜（发放人）、品质部（领用部门）</td></tr>\n</tbody>`,
      "lists/doc-training-overdue.html": `${head}<tr><td class="number">1</td><td class="code"><a href="../documents/QP-005.html">QP-005</a></td><td>文件控制程序</td><td>A/1 版的换版培训</td><td class="date">2026-10-12</td><td class="number">35</td><td class="name">品质部、市场部</td></tr>\n</tbody>`,
      "lists/csr-review-late.html":
        '<thead><tr><th scope="col">序号</th><th scope="col">编号</th><th scope="col">名称</th><th scope="col">待办事项</th><th scope="col">责任人/部门</th></tr></thead>\n<tbody>\n<tr><td class="number">1</td><td class="code"><a href="../csr/DYA-001.html">DYA-001</a></td><td>特殊特性符号</td><td>2026-11-20 作出决定，晚于评审期限 2026-10-20，未记录逾期原因</td><td class="name">王强</td></tr>\n</tbody>',
      "lists/doc-revision-pending.html":
        '<thead><tr><th scope="col">序号</th><th scope="col">编号</th><th scope="col">名称</th><th scope="col">待办事项</th><th scope="col">责任人/部门</th></tr></thead>\n<tbody>\n<tr><td class="number">1</td><td class="code"><a href="../documents/QP-006.html">QP-006</a></td><td>记录控制程序</td><td>2026-11-02 定期评审结论为需修订，尚未修订</td><td class="name">王强</td></tr>\n</tbody>',
    };
    for (const [path, table] of Object.entries(lists)) {
      expect(read(path)).toContain(table);
      expect(read(path)).not.toMatch(/csr (implement|review|address|recall|train|explain)|&#x27;csr /);
    }
    expect(read("lists/csr-implementation-overdue.html")).toContain(
      '<p class="site-note">某条 CSR 已过实施期限但尚未实施。截至 2026-11-27（csr check 规则 csr/implementation-overdue）。</p><p class="site-note">逾期工作日从期限算到该日。</p>',
    );
    // Each entity's page shows what csr check reports about it, errors first; on a document's page, a point-of-use page,
    // folded as document control's to-dos under the text, never above it (tester59 G7).
    const qp005 = read("documents/QP-005.html");
    expect(qp005).not.toContain('<aside class="site-alerts">');
    expect(qp005).toMatch(/<\/table><div class="site-extras">\n<details class="site-todo"><summary>文控待办（4）<\/summary><section class="site-section" id="findings">\n<h2>待处理的事项（4）<\/h2>/);
    // Read for a reader, as the dashboard's lists read them: what is due, by when, who answers; the rule leads to csr check's own message.
    expect(qp005).toContain(
      '<thead><tr><th scope="col">严重程度</th><th scope="col">待办事项</th><th scope="col">期限</th><th scope="col">责任人/部门</th><th scope="col">规则</th></tr></thead>\n<tbody>\n<tr><td class="alert">错误</td><td>回收品质部持有的 A/0 版受控副本 1</td><td class="date">2026-10-19</td><td>李娜（发放人）、品质部（领用部门）</td><td class="code site-rule"><a href="../findings.html">doc/recall-overdue</a></td></tr>\n' +
        // A/0 and A/1 each took effect (2024-01-10, 2026-10-12) before their first copies (2024-01-12, 2026-10-13): one row per
        // version, with its dates, for the document controller who issued them (李娜, 发放人) to correct either date.
        '<tr><td class="warn">警告</td><td>A/0 版 2024-01-10 生效，首份受控副本 2024-01-12 才发放：更正发放日期或生效日期</td><td class="date"></td><td><a href="../people/li.html">李娜</a></td><td class="code site-rule"><a href="../findings.html">doc/effective-before-issue</a></td></tr>\n' +
        '<tr><td class="warn">警告</td><td>A/1 版 2026-10-12 生效，首份受控副本 2026-10-13 才发放：更正发放日期或生效日期</td><td class="date"></td><td><a href="../people/li.html">李娜</a></td><td class="code site-rule"><a href="../findings.html">doc/effective-before-issue</a></td></tr>\n' +
        '<tr><td class="warn">警告</td><td>A/1 版的换版培训</td><td class="date">2026-10-12</td><td>品质部、市场部</td><td class="code site-rule"><a href="../findings.html">doc/training-overdue</a></td></tr>\n</tbody>\n</table>\n</div>\n\n<p class="site-note">最后一栏的规则编号供维护记录的人员使用：点击可在发现项页面查看检查的原始消息和处理方法。</p>',
    );
    expect(read("csr/DYA-001.html")).toContain(
      '<tr><td class="alert">错误</td><td>实施（实施中）</td><td class="date">2026-11-25</td><td><a href="../people/li.html">李娜</a></td><td class="code site-rule"><a href="../findings.html">csr/implementation-overdue</a></td></tr>\n<tr><td class="warn">警告</td><td>2026-11-20 作出决定，晚于评审期限 2026-10-20，未记录逾期原因</td><td class="date"></td><td><a href="../people/wang.html">王强</a></td><td class="code site-rule"><a href="../findings.html">csr/review-late</a></td></tr>',
    );
    for (const page of [qp005.split('<details class="site-todo">')[1]!.split("</details>")[0]!, read("csr/DYA-001.html").split('<aside class="site-alerts">')[1]!.split("</aside>")[0]!]) expect(page).not.toMatch(/csr (implement|review|address|recall|train|explain|release)|&#x27;csr /);
    // Its controlled copies, as the distribution register lists them.
    expect(qp005).toContain(
      '<h2>受控副本（3）</h2>\n\n<div class="site-scroll" tabindex="0" role="region" aria-label="受控副本（3）">\n<table class="site-table">\n<thead><tr><th scope="col">版本/版次</th><th scope="col">受控号</th><th scope="col">发放部门</th><th scope="col">领用人</th><th scope="col">发放人</th><th scope="col">发放日期</th><th scope="col">应回收日期</th><th scope="col">回收日期</th><th scope="col">交回人</th><th scope="col">回收人</th><th scope="col">状态</th><th scope="col">备注</th></tr></thead>\n<tbody>\n<tr><td class="code">A/0</td><td class="code">1</td><td class="name">品质部</td><td class="name"></td><td class="name"><a href="../people/li.html">李娜</a></td><td class="date">2024-01-12</td><td class="date">2026-10-19</td><td class="date"></td><td class="name"></td><td class="name"></td><td class="code">回收逾期</td><td></td></tr>\n<tr><td class="code">A/1</td><td class="code">2</td><td class="name">市场部</td><td class="name"></td><td class="name"><a href="../people/li.html">李娜</a></td><td class="date">2026-10-13</td><td class="date"></td><td class="date"></td><td class="name"></td><td class="name"></td><td class="code">在用</td><td></td></tr>\n<tr><td class="code">A/1</td><td class="code">3</td><td class="name">品质部</td><td class="name"></td><td class="name"><a href="../people/li.html">李娜</a></td><td class="date">2026-10-13</td><td class="date"></td><td class="date"></td><td class="name"></td><td class="name"></td><td class="code">在用</td><td></td></tr>',
    );
    // Its training, as its card has it (csr show, tester63 N12): each session with the version it trained, and where A/1's stands.
    expect(qp005).toContain(
      '<section class="site-section" id="training">\n<h2>培训</h2>\n\n<div class="site-scroll" tabindex="0" role="region" aria-label="培训">\n<table class="site-table">\n<thead><tr><th scope="col">培训日期</th><th scope="col">版本</th><th scope="col">参训人员</th><th scope="col">培训人</th><th scope="col">记录编号</th></tr></thead>\n<tbody>\n<tr><td class="date">2024-01-20</td><td>A/0</td><td>李娜</td><td></td><td>TR-2024-003</td></tr>\n</tbody>\n</table>\n</div>\n\n<p class="site-note">A/1 需要培训：培训逾期（应于 2026-10-12 前完成）</p>\n</section>',
    );
    expect(read("csr/DYA-001.html")).toMatch(/<td class="warn">警告<\/td><td>[^<]*<\/td>.*?<td class="code site-rule"><a href="..\/findings.html">csr\/review-late<\/a><\/td><\/tr>/);
    // Decided late without a reason: the report says the reason is not recorded.
    expect(read("csr/DYA-001.html")).toContain('<th>及时性</th><td>逾期 23 个工作日</td></tr>\n<tr><th>逾期原因</th><td colspan="3">未记录</td></tr>');
    // So does csr render's review report in Markdown and Word.
    const rendered = tempDir();
    for (const format of ["md", "docx"]) expect((await csrInProcess(["-C", dir, "render", "DYA-001", "--format", format, "--out", join(rendered, `DYA-001.${format}`)], { lang: null })).code).toBe(0);
    expect(readFileSync(join(rendered, "DYA-001.md"), "utf8")).toContain("| 逾期原因 | 未记录 |  |  |");
    const { strFromU8, unzipSync } = await import("fflate");
    expect(strFromU8(unzipSync(readFileSync(join(rendered, "DYA-001.docx")))["word/document.xml"]!).replace(/<[^>]+>/g, "")).toContain("逾期原因未记录");
    // The owner's page: the implementation deadline, overdue as csr/implementation-overdue reports it.
    expect(read("people/li.html")).toContain(
      '<th scope="col">实施状态</th><th scope="col">完成期限</th><th scope="col">期限</th></tr></thead>\n<tbody>\n<tr><td><a href="../csr/DYA-001.html">DYA-001</a></td><td>特殊特性符号</td><td>已落实到文件</td><td>实施中</td><td class="date">2026-11-25</td><td class="alert">逾期</td></tr>',
    );
    expect(read("people/li.html")).toMatch(/<td class="alert">错误<\/td><td class="code"><a href="..\/csr\/DYA-001.html">DYA-001<\/a><\/td>.*?<td class="code site-rule"><a href="..\/findings.html">csr\/implementation-overdue<\/a><\/td><\/tr>/);
    // findings.html: errors before warnings.
    const severities = [...read("findings.html").matchAll(/<tr><td class="code">(错误|警告)<\/td>/g)].map((m) => m[1]);
    expect(severities).toEqual([...severities].sort((a, b) => (a === b ? 0 : a === "错误" ? -1 : 1)));
    expect(severities.slice(0, 1)).toEqual(["错误"]);
    expect(severities).toContain("警告");
    const training = (person: string) => [...read(`people/${person}.html`).split('id="training"')[1]!.split("</section>")[0]!.matchAll(/<tr><td><a href="[^"]+">([^<]+)<\/a><\/td><td>[^<]*<\/td><td>([^<]*)<\/td><td class="date">([^<]*)<\/td><td>([^<]*)<\/td><\/tr>/g)].map((m) => m.slice(1).join(" "));
    expect(training("li")).toEqual(["QP-005 A/1 2026-10-12 逾期", "DYA-001 A 2026-12-18 未到期"]);
    expect(training("sun")).toEqual(["QP-005 A/1 2026-10-12 逾期"]);
    // A document's training records are searched by their numbers (tester25 F12).
    expect(read("assets/search-entries.js")).toMatch(/"key":"document:QP-005",[^}]*"text":"[^"]*\\nTR-2024-003\\n首次发布\\n修订"/);
  });
});

describe("csr site: working days counted without public holidays (tester25 F9)", () => {
  const notice =
    '<p class="site-notice" role="note">工作日为估算：csr 尚无 2027 年的放假通知，其中的工作日已计入法定节假日（《全国年节及纪念日放假办法》），但调休（连休补假和调休上班日）未知；涉及这些日子的评审、培训和回收期限以及剩余或逾期工作日可能相差数日（csr check 规则 calendar/year-missing）。</p>';

  it("says so under the header of every page while a deadline runs into a year csr has no holidays for, and nowhere otherwise", async () => {
    const csr = (id: string, received: string) =>
      [`id: ${id}`, "customer: DYA", "source: {document: DYA-SQM, revision: A}", "clauses: [IATF16949:8.3]", "title: 特殊特性符号", "text: 使用东岳符号。", `received: ${received}`, "review: {required: [QA]}", ""].join("\n");
    const files = {
      "people.yaml": "people:\n  - {id: li, name: 李娜, department: QA, roles: [author, reviewer, approver]}\n",
      "customers/DYA.yaml": "code: DYA\nname: 东岳汽车\nsources:\n  - id: DYA-SQM\n    title: 供应商质量手册\n    revisions: [{revision: A, received: 2026-10-01}]\n",
      "documents/QP-005.yaml": "id: QP-005\ntitle: 文件控制程序\nlevel: 2\nkind: procedure\ndepartment: QA\nstatus: released\nrevisions:\n  - {version: A/0, date: 2024-01-10, summary: 首次发布, prepared: {by: li}, approved: {by: li, date: 2024-01-10}}\n",
    };
    // 40 working days from 2026-11-20 end on 2027-01-18: 元旦 counted by law, 2027's 调休 unknown.
    const late = await buildSite(makeRepo({ ...files, "qms.yaml": `${QMS}csr: {review_days: 40}\n`, "csr/DYA/DYA-001.yaml": csr("DYA-001", "2026-11-20") }));
    expect(late.code).toBe(0);
    const pages = filesOf(late.out).filter((f) => f.endsWith(".html"));
    const read = (path: string) => readFileSync(join(late.out, path), "utf8");
    expect(pages.filter((f) => read(f).split(notice).length !== 2)).toEqual([]);
    expect(read("lists/reviews-open.html")).toContain(`</header>\n${notice}\n<main id="main" class="site-main">`);
    expect(read("csr/DYA-001.html")).toContain(`</header>\n${notice}\n<aside class="site-alerts">`);
    expect(read("documents/QP-005.html")).toContain(`</header>\n${notice}\n`);
    // Ten working days end in 2026: nothing is an estimate, no page says so.
    const inTime = await buildSite(makeRepo({ ...files, "qms.yaml": QMS, "csr/DYA/DYA-001.yaml": csr("DYA-001", "2026-11-20") }));
    expect(filesOf(inTime.out).filter((f) => f.endsWith(".html") && readFileSync(join(inTime.out, f), "utf8").includes('<p class="site-notice" role="note">'))).toEqual([]);
  });
});

describe("csr site: forced decisions", () => {
  it("counts the decisions forced without every countersign (csr/forced-decision) and lists them, naming the departments as qms.yaml does", async () => {
    const dir = tempDir();
    cpSync(join(FIXTURES, "rules", "_base"), dir, { recursive: true });
    cpSync(join(FIXTURES, "rules", "csr-forced-decision", "invalid"), dir, { recursive: true });
    const site = await buildSite(gitInit(dir));
    expect(site.code).toBe(0);
    const index = readFileSync(join(site.out, "index.html"), "utf8");
    expect(index).toContain('<a class="site-number warn" href="lists/csr-forced-decision.html"><span class="count">1</span> <span class="label">缺少会签而强制作出的结论</span></a>');
    const list = readFileSync(join(site.out, "lists", "csr-forced-decision.html"), "utf8");
    // The CSR, what was forced when, and the departments whose opinion is still missing (tester25 F10).
    expect(list).toContain(
      '<tr><td class="number">1</td><td class="code"><a href="../csr/DYA-001.html">DYA-001</a></td><td>出口包装须经熏蒸处理</td><td>2026-11-16 未经全部部门会签作出决定，仍缺部门意见</td><td class="name">市场部</td></tr>',
    );
  });
});

describe("csr site: suspect links", () => {
  it("lists each suspect link as the CSR, the place it is addressed in, since when, and who confirms it, in English without a command (tester25 F10)", async () => {
    const dir = tempDir();
    cpSync(join(FIXTURES, "rules", "_base"), dir, { recursive: true });
    cpSync(join(FIXTURES, "rules", "csr-suspect-link", "invalid"), dir, { recursive: true });
    const site = await buildSite(gitInit(dir), "--lang", "en");
    expect(site.code).toBe(0);
    const list = readFileSync(join(site.out, "lists", "csr-suspect-link.html"), "utf8");
    expect(list).toContain(
      '<thead><tr><th scope="col">No.</th><th scope="col">Item</th><th scope="col">Title</th><th scope="col">What is due</th><th scope="col">Responsible</th></tr></thead>\n<tbody>\n' +
        '<tr><td class="number">1</td><td class="code"><a href="../csr/DYA-001.html">DYA-001</a></td><td>特殊特性符号须按顾客要求标识</td><td>Addressed in QP-020 5.2 特殊特性符号, changed since the link was confirmed on 2026-11-25: confirm it still addresses the requirement</td><td class="name">张伟</td></tr>\n' +
        '<tr><td class="number">2</td><td class="code"><a href="../csr/DYA-002.html">DYA-002</a></td><td>顾客特定要求须在五个工作日内评审</td><td>Addressed in QP-020, changed since the link was confirmed on 2026-11-25: confirm it still addresses the requirement</td><td class="name">李娜</td></tr>\n</tbody>',
    );
    expect(list).toContain('<p class="site-note">The requirement or the section addressing it changed since the link was made or confirmed. As of 2026-11-27 (csr check, rule csr/suspect-link).</p>');
    expect(list).not.toContain("csr address");
    // The findings page keeps csr check's messages, each linked to the CSR's page.
    expect(readFileSync(join(site.out, "findings.html"), "utf8")).toContain('<td class="code"><a href="csr/DYA-001.html">csr/DYA/DYA-001.yaml:9:5</a></td><td>The link from DYA-001 to section 5.2 of QP-020 is suspect');
  });
});

describe("csr site: an issue after the effective day and an unsigned review, as to-do rows (stop 74 review)", () => {
  const site = async (fixture: string, edit: (dir: string) => void, ...args: string[]) => {
    const dir = tempDir();
    cpSync(join(FIXTURES, "rules", "_base"), dir, { recursive: true });
    cpSync(join(FIXTURES, "rules", fixture, "invalid"), dir, { recursive: true });
    edit(dir);
    const built = await buildSite(gitInit(dir), ...args);
    expect(built.code).toBe(0);
    return (page: string) => readFileSync(join(built.out, page), "utf8");
  };
  const row = (severity: string, what: string, responsible: string, rule: string) =>
    `<tr><td class="warn">${severity}</td><td>${what}</td><td>${responsible}</td><td class="code site-rule"><a href="../findings.html">${rule}</a></td></tr>`;
  const replace = (dir: string, path: string, from: string, to: string) => {
    const file = join(dir, path);
    const text = readFileSync(file, "utf8");
    expect(text.split(from).length - 1).toBe(1);
    writeFileSync(file, text.replace(from, to));
  };

  it("names the version, the day it took effect and the day of its first issue, for its issuer, else the document controllers, else 文控", async () => {
    const en = await site("doc-effective-before-issue", () => {}, "--lang", "en");
    const wang = '<a href="../people/wang.html">王强</a>';
    expect(en("documents/QP-014.html")).toContain(row("warning", "Version A/1 took effect on 2025-03-10, first issued electronically on 2025-03-12: correct the date of the issue or the effective date", wang, "doc/effective-before-issue"));
    expect(en("documents/QP-016.html")).toContain(row("warning", "Version A/0 took effect on 2025-05-12, its first controlled copy was handed out on 2025-05-14: correct the date of the copy or the effective date", wang, "doc/effective-before-issue"));
    // Issued by nobody recorded, and nobody of people.yaml is a document controller: the role.
    const noIssuer = (dir: string) => replace(dir, "documents/QP-014.yaml", ", issued_by: wang}", "}");
    const zh = await site("doc-effective-before-issue", noIssuer);
    expect(zh("documents/QP-014.html")).toContain(row("警告", "A/1 版 2025-03-10 生效，2025-03-12 才首次电子版发放：更正发放日期或生效日期", "文控", "doc/effective-before-issue"));
    expect(zh("documents/QP-016.html")).toContain(row("警告", "A/0 版 2025-05-12 生效，首份受控副本 2025-05-14 才发放：更正发放日期或生效日期", '<a href="../people/wang.html">王强</a>', "doc/effective-before-issue"));
    // 李娜 made the document controller: she corrects the issue nobody is recorded to have made.
    const controller = await site("doc-effective-before-issue", (dir) => {
      noIssuer(dir);
      replace(dir, "people.yaml", "    department: MKT\n    roles: [author, reviewer]\n", "    department: MKT\n    roles: [author, reviewer, document-controller]\n");
    });
    expect(controller("documents/QP-014.html")).toContain(row("警告", "A/1 版 2025-03-10 生效，2025-03-12 才首次电子版发放：更正发放日期或生效日期", '<a href="../people/li.html">李娜</a>', "doc/effective-before-issue"));
  });

  it("names the round reviewed, the day decided, the form and what its report lacks, for its review team leader, else who decided it", async () => {
    const read = await site("csr-review-unsigned", () => {});
    const alerts = (id: string) => read(`csr/${id}.html`).split('<aside class="site-alerts">')[1]?.split("</aside>")[0] ?? "";
    const wang = '<a href="../people/wang.html">王强</a>';
    expect(alerts("DYA-001")).toContain(`<tbody>\n${row("警告", "DYA-SQM C 版的评审（2026-11-16 作出结论）：QR-015-02 评审报告既没有记录编号，也没有评审组长签字", wang, "csr/review-unsigned")}\n</tbody>`);
    expect(alerts("DYA-002")).toContain(`<tbody>\n${row("警告", "DYA-SQM C 版的评审（2026-11-16 作出结论）：QR-015-02 评审报告没有评审组长签字", wang, "csr/review-unsigned")}\n</tbody>`);
    // Signed by 李娜 as the review team leader, not numbered: she has the number recorded.
    expect(alerts("DYA-003")).toContain(`<tbody>\n${row("警告", "DYA-PKG A 版的评审（2026-11-24 作出结论）：QR-015-02 评审报告没有记录编号", '<a href="../people/li.html">李娜</a>', "csr/review-unsigned")}\n</tbody>`);
    expect(alerts("DYA-004")).not.toContain("csr/review-unsigned");
  });
});

describe("csr site: a customer's page", () => {
  it("lists what csr check reports about the customer's file and its CSRs, errors first, saying which CSR; a CSR's review report links the customer and the source document's revisions", async () => {
    const dir = makeRepo({
      "qms.yaml": QMS,
      "people.yaml": "people:\n  - {id: li, name: 李娜, department: QA, roles: [author, reviewer]}\n  - {id: wang, name: 王强, department: QA, roles: [approver]}\n",
      // Received before it was issued: date/out-of-order, in the customer's own file.
      // Kept by 品质部 (csr/source-keeper-missing is not what this page's test is about).
      "customers/DYA.yaml": "code: DYA\nname: 东岳汽车\nsources:\n  - id: DYA-SQM\n    title: 供应商质量手册\n    department: QA\n    revisions: [{revision: A, issued: 2026-10-09, received: 2026-10-01}]\n",
      // Decided must, addressed nowhere: csr/not-addressed (a warning).
      "csr/DYA/DYA-001.yaml": [
        "id: DYA-001",
        "customer: DYA",
        "source: {document: DYA-SQM, revision: A}",
        "clauses: [IATF16949:8.3]",
        "title: 特殊特性符号",
        "received: 2026-10-01",
        "review:",
        "  required: [QA]",
        "  opinions: [{department: QA, reviewer: li, opinion: accept, date: 2026-10-09}]",
        "  decision: {disposition: must, by: wang, date: 2026-10-12}",
        "",
      ].join("\n"),
      // Not decided after its deadline: csr/review-overdue (an error).
      "csr/DYA/DYA-002.yaml": "id: DYA-002\ncustomer: DYA\nsource: {document: DYA-SQM, revision: A}\nclauses: [IATF16949:8.3]\ntitle: 包装标识\nreceived: 2026-10-01\nreview:\n  required: [QA]\n",
    });
    const site = await buildSite(dir);
    expect(site.stderr).toContain("csr check：2 个错误，1 个警告。");
    const read = (path: string) => readFileSync(join(site.out, path), "utf8");
    const findings = read("customers/DYA.html").split('<section class="site-section" id="findings">')[1]!.split("</section>")[0]!;
    const rows = [...findings.matchAll(/<tr><td class="(?:alert|warn)">([^<]+)<\/td><td(?: class="code")?>(.*?)<\/td>.*?<td class="code site-rule"><a href="..\/findings.html">([^<]+)<\/a><\/td><\/tr>/g)].map((m) => m.slice(1).join(" "));
    expect(rows).toEqual([
      '错误 <a href="../csr/DYA-002.html">DYA-002</a> csr/review-overdue',
      "错误 顾客及其来源文件 date/out-of-order",
      '警告 <a href="../csr/DYA-001.html">DYA-001</a> csr/not-addressed',
    ]);
    expect(findings).toContain(
      '<thead><tr><th scope="col">严重程度</th><th scope="col">涉及</th><th scope="col">待办事项</th><th scope="col">期限</th><th scope="col">责任人/部门</th><th scope="col">规则</th></tr></thead>\n<tbody>\n<tr><td class="alert">错误</td><td class="code"><a href="../csr/DYA-002.html">DYA-002</a></td><td>评审未完成：缺少品质部的会签意见，尚未作出结论</td><td class="date">2026-10-20</td><td>品质部</td><td class="code site-rule"><a href="../findings.html">csr/review-overdue</a></td></tr>\n<tr><td class="alert">错误</td><td>顾客及其来源文件</td><td>已完成事项的记录日期早于它应在其后的事项。</td><td class="date"></td><td></td><td class="code site-rule"><a href="../findings.html">date/out-of-order</a></td></tr>\n<tr><td class="warn">警告</td><td class="code"><a href="../csr/DYA-001.html">DYA-001</a></td><td>2026-10-12 决定为“必须满足”，尚未指定落实文件</td><td class="date"></td><td><a href="../people/wang.html">王强</a></td><td class="code site-rule"><a href="../findings.html">csr/not-addressed</a></td></tr>',
    );
    // The review report's 顾客 and 来源文件 lead to the customer's page, the latter to the source document's revisions.
    expect(read("csr/DYA-001.html")).toContain(
      '<tr><th>要求编号</th><td>DYA-001</td><th>顾客</th><td><a href="../customers/DYA.html">DYA 东岳汽车</a></td></tr>\n<tr><th>来源文件</th><td><a href="../customers/DYA.html#source-DYA-SQM">DYA-SQM 供应商质量手册</a></td>',
    );
    expect(read("customers/DYA.html")).toContain('<section class="site-section" id="source-DYA-SQM">\n<h2>来源文件 DYA-SQM 供应商质量手册</h2>');
    // The list behind the overdue number says what it holds, how the deadline is counted and as of when.
    expect(read("lists/reviews-overdue.html")).toContain(
      '<p class="site-note">截至 2026-11-27 已过评审期限仍未作出结论的顾客特定要求；剩余工作日为负数，即已逾期的工作日数。</p><p class="site-note">评审期限 &#x3D; 接收日期（来源文件换版后为重新起算日期）+ 10 个工作日，按公司工作日历计算。</p>',
    );
    expect(read("lists/csr-not-addressed.html")).toContain(
      '<p class="site-note">结论为必须满足或可选的 CSR 没有写明由哪份文件落实。截至 2026-11-27（csr check 规则 csr/not-addressed）。</p>',
    );
  });
});

describe("csr site and the check cache", () => {
  it("reads files and findings through the cache csr check keeps: after a check, and again after an edit, the pages are the same as without a cache", async () => {
    const dir = copyFixture("examples/acme-auto");
    const file = join(dir, "documents", "procedures", "QP-001.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("related: [", "related: [QP-404, "));
    gitInit(dir);
    // The first build finds no cache and reads every file; the cache it leaves is removed.
    const plain = await buildSite(dir);
    rmSync(join(dir, ".git", "csr-cache"), { recursive: true });
    expect((await csrInProcess(["-C", dir, "check", "--today", DAY], { lang: null })).code).toBe(1);
    const cached = await buildSite(dir);
    writeFileSync(file, readFileSync(file, "utf8").replace("related: [QP-404, ", "related: [QP-405, "));
    const edited = await buildSite(dir);
    for (const site of [plain, cached, edited]) expect(site.stderr).toContain("csr check：1 个错误，6 个警告。\n");
    const page = (site: { out: string }, path: string) => readFileSync(join(site.out, path), "utf8");
    for (const path of ["index.html", "findings.html", "documents/QP-001.html", "documents/QP-015.html"]) expect(page(cached, path)).toBe(page(plain, path));
    // The edited file is read again and checked again: its finding follows the edit.
    expect(page(edited, "findings.html")).toContain("未知的文件 &#x27;QP-405&#x27;。");
    expect(page(edited, "findings.html")).not.toContain("QP-404");
    // Three builds and a check: more than the default timeout on a loaded machine.
  }, 120_000);
});

describe("csr site: the commits that touched a document", () => {
  it("lists them newest first on the document's page, from one git log; a repository without commits has none", async () => {
    // Before git: the bundled example's site (a copy of examples/acme-auto outside git, built on DAY).
    const before = (await bundledSite()).site;
    const dir = copyFixture("examples/acme-auto");
    const file = join(dir, "documents", "procedures", "QP-001.yaml");
    // Dated before DAY, as the site of DAY lists only the commits made by then (test/site/as-of-day.test.ts).
    git(dir, ["init", "-q"]);
    git(dir, ["add", "-A"]);
    git(dir, ["commit", "-q", "-m", "initial"], { GIT_AUTHOR_DATE: "2026-11-10T10:00:00+08:00", GIT_COMMITTER_DATE: "2026-11-10T10:00:00+08:00" });
    writeFileSync(file, `${readFileSync(file, "utf8")}# 相关文件见 related\n`);
    git(dir, ["commit", "-q", "-a", "-m", "QP-001 <b>相关文件</b>"], { GIT_AUTHOR_DATE: "2026-11-20T10:00:00+08:00", GIT_COMMITTER_DATE: "2026-11-20T10:00:00+08:00" });
    const after = await buildSite(dir);
    const commits = (site: { out: string }, path: string) => {
      const section = readFileSync(join(site.out, path), "utf8").split("<h2>修改过本文件的提交（git）</h2>")[1]!.split("</section>")[0]!;
      const rows = [...section.matchAll(/<tr><td class="date">([^<]*)<\/td><td>([0-9a-f]+)<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td><\/tr>/g)];
      return rows.length > 0 ? rows.map((m) => `${m[3]} ${m[4]}`) : section.includes("没有 git 提交记录。") ? "none" : section;
    };
    expect(commits(before, "documents/QP-001.html")).toBe("none");
    expect(commits(after, "documents/QP-001.html")).toEqual(["Test User QP-001 &lt;b&gt;相关文件&lt;/b&gt;", "Test User initial"]);
    expect(commits(after, "documents/QP-002.html")).toEqual(["Test User initial"]);
    expect(readFileSync(join(after.out, "documents/QP-001.html"), "utf8")).toContain('<tr><td class="date">2026-11-20</td>');
  }, 60_000);
});

describe("csr site: hostile input", () => {
  it("escapes every value: no markup from the repository reaches a page", async () => {
    const dir = makeRepo({
      "qms.yaml": [
        "organisation:",
        '  name: "<b>ACME</b> & Co"',
        "standards: [IATF16949]",
        "departments:",
        "  - code: QA",
        '    name: "<svg onload=alert(1)>"',
        'confidentiality: "<style>body{display:none}</style>"',
        "rules: {coverage/clause-uncovered: off}",
        "",
      ].join("\n"),
      "people.yaml": 'people:\n  - id: evil\n    name: "<img src=x onerror=alert(2)>"\n    department: QA\n    roles: [author]\n',
      "customers/EVIL.yaml": 'code: EVIL\nname: "</script><script>alert(5)</script>"\nsources:\n  - id: S1\n    title: "<iframe src=//evil>"\n    revisions: [{revision: A, received: 2024-01-01}]\n',
      "csr/EVIL/EVIL-001.yaml": [
        "id: EVIL-001",
        "customer: EVIL",
        "source: {document: S1, revision: A}",
        "clauses: [IATF16949:8.3]",
        'title: "\\"><img src=x onerror=alert(6)>"',
        'text: "<script>alert(7)</script> [x](javascript:alert(8))"',
        "received: 2024-01-02",
        "",
      ].join("\n"),
      "documents/QP-666.yaml": [
        "id: QP-666",
        'title: "<script>alert(1)</script>"',
        "level: 2",
        "kind: procedure",
        "department: QA",
        "status: draft",
        "sections:",
        '  - title: "</h2><iframe src=//evil>"',
        "    text: |",
        '      <iframe src="https://evil.example"></iframe> [click](javascript:alert(3)) <script>alert(4)</script>',
        "",
        "      ![追踪](https://evil.example/t.png)",
        "",
      ].join("\n"),
      "documents/QP-667.yaml": "id: QP-667\ntitle: 签字\nlevel: 2\nkind: procedure\ndepartment: QA\nstatus: released\nrevisions:\n  - {version: A/0, date: 2024-01-01, summary: 首次发布, prepared: {by: evil, date: 2024-01-01}}\n",
    });
    const site = await buildSite(dir);
    expect(site.code).toBe(0);
    for (const file of filesOf(site.out).filter((f) => f.endsWith(".html"))) {
      const html = readFileSync(join(site.out, file), "utf8");
      for (const raw of ["<script>", "<iframe", "<img", "<svg", "<b>ACME", "<style>body", 'href="javascript:', "onerror=alert", "onload=alert"]) {
        expect(html, `${file}: ${raw}`).not.toContain(raw);
      }
    }
    expect(readFileSync(join(site.out, "customers", "EVIL.html"), "utf8")).toContain("&lt;/script&gt;&lt;script&gt;alert(5)&lt;/script&gt;");
    // A signer's name links to their page, escaped.
    expect(readFileSync(join(site.out, "documents", "QP-667.html"), "utf8")).toContain('<th>编制</th><td><a href="../people/evil.html">&lt;img src&#x3D;x onerror&#x3D;alert(2)&gt;</a><span class="date">2024-01-01</span></td>');
    // An image on another host is not loaded (tester47 #6): its alt text and address as text.
    expect(readFileSync(join(site.out, "documents", "QP-666.html"), "utf8")).toContain('<span class="remote-image">追踪 (https://evil.example/t.png)</span>');
    const index = readFileSync(join(site.out, "assets", "search-entries.js"), "utf8");
    expect(index).not.toContain("<");
    expect(index).toContain("\\u003c/script>\\u003cscript>alert(5)");
  });
});

describe("the search tokenizer", () => {
  it("splits Chinese into character pairs and keeps numbers and ids whole and in parts", async () => {
    expect(tokenize("特殊特性")).toEqual(["特殊", "殊特", "特性"]);
    expect(tokenize("可追溯性 追")).toEqual(["可追", "追溯", "溯性", "追"]);
    // Each part, each tail from a part on and each without its separators: CS/QP-010 is found as QP-010 and as qp010.
    expect(tokenize("QP-014 IATF16949:8.3.3.3 Control")).toEqual(["qp-014", "qp", "qp014", "014", "iatf16949:8.3.3.3", "iatf16949", "iatf169498333", "8", "8.3.3.3", "8333", "3", "3.3.3", "333", "3", "3.3", "33", "3", "control"]);
    expect(tokenize("CS/QP-010")).toEqual(["cs/qp-010", "cs", "csqp010", "qp", "qp-010", "qp010", "010"]);
    expect(tokenize("ABC特性")).toEqual(["abc", "特性"]);
  });

  it("keeps a clause or section reference joined by ':', '#' or '+' whole, as it is typed, and in parts", async () => {
    expect(tokenize("IATF16949:8.5.1")).toEqual(["iatf16949:8.5.1", "iatf16949", "iatf16949851", "8", "8.5.1", "851", "5", "5.1", "51", "1"]);
    expect(tokenize("QP-014#5.2")).toEqual(["qp-014#5.2", "qp", "qp01452", "014", "014#5.2", "01452", "5", "5.2", "52", "2"]);
    expect(tokenize("GJB9001C+IATF16949")).toEqual(["gjb9001c+iatf16949", "gjb9001c", "gjb9001ciatf16949", "iatf16949"]);
    // A query tokenized as the text it is looked up in: every token of the reference is one of the text's.
    expect(tokenize("见 IATF16949:8.5.1 条").filter((token) => !tokenize("IATF16949:8.5.1").includes(token))).toEqual(["见", "条"]);
  });

  it("gives an English word its stem after a tilde, and no number, part of one, clause or Chinese (search52)", async () => {
    expect(tokenize("Controlled processes, reviewing: QP-010 GJB9001C CS/QP-010 8.3 特殊特性 ★ ＰＲＯＣＥＳＳ", stemmer)).toEqual([
      "controlled~control", "processes~process", "reviewing~review",
      "qp-010", "qp", "qp010", "010", "gjb9001c", "cs/qp-010", "cs", "csqp010", "qp", "qp-010", "qp010", "010", "8.3", "8", "83", "3",
      "特殊", "殊特", "特性", "★", "process~process",
    ]);
    // The other forms of a word share its stem; without a stemmer no stem is given.
    expect(["process", "processing", "control", "controls", "review", "reviews"].flatMap((word) => tokenize(word, stemmer))).toEqual(["process~process", "processing~process", "control~control", "controls~control", "review~review", "reviews~review"]);
    expect(tokenize("Controlled processes")).toEqual(["controlled", "processes"]);
  });

  it("keeps each symbol a token and reads full-width letters and digits as ASCII (tester25 F12)", async () => {
    expect(tokenize("关键特性★（东岳▽）")).toEqual(["关键", "键特", "特性", "★", "东岳", "▽"]);
    expect(tokenize("◆")).toEqual(["◆"]);
    expect(tokenize("ＱＰ－０１４")).toEqual(tokenize("QP-014"));
  });
});

describe("csr site as CI publishes it (tester69 T4, T10)", () => {
  it("writes no sitemap.xml unless asked, and says once that a file could not be read, exiting 1 with the site built", () => {
    const repo = copyFixture("test/fixtures/ci/findings");
    gitInit(repo);
    const out = join(tempDir(), "site");
    const site = csr(["-C", repo, "site", "--out", out, "--today", "2026-06-30", "--base-url", "https://git.example.com/pages/qms/"]);
    expect(site.code).toBe(1);
    expect(existsSync(join(out, "index.html"))).toBe(true);
    // A list of every confidential page's address is for who asks for it; robots.txt stays, though under a sub-path no crawler reads it.
    expect([existsSync(join(out, "sitemap.xml")), existsSync(join(out, "robots.txt"))]).toEqual([false, true]);
    expect(site.stderr.split("\n").filter((line) => line.includes("could not be read"))).toEqual([
      "csr: 1 file could not be read and is left out (customers/BAD.yaml); run 'csr check' for details.",
    ]);
    const mapped = csr(["-C", repo, "site", "--out", out, "--today", "2026-06-30", "--base-url", "https://git.example.com/pages/qms/", "--sitemap"]);
    expect(mapped.code).toBe(1);
    expect(readFileSync(join(out, "sitemap.xml"), "utf8")).toContain("<loc>https://git.example.com/pages/qms/index.html</loc>");
    expect(csr(["-C", repo, "site", "--out", out, "--sitemap"])).toMatchObject({
      code: 2,
      stderr: "csr: --sitemap needs --base-url: a sitemap lists the pages' full addresses.\nhint: e.g. csr site --out site --base-url https://qms.example.local/ --sitemap\n",
    });
  });
});
