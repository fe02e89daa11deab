import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { copyFixture, csrInProcess, makeRepo, tempDir } from "../helpers.js";

/**
 * A dashboard zero reads "checked, none". Where nothing is recorded that the number could count (no
 * document marked for training, no deadline for an implementation, no review interval, no copy handed
 * out), the dashboard shows "—" and says why and what to record, and counts and lists what is not tracked
 * where there is a list of it (site54, after tester52 D4's change radar).
 */
const DAY = "2026-11-27";

async function buildSite(repo: string, ...args: string[]): Promise<{ out: string; code: number; read: (path: string) => string }> {
  const out = join(tempDir(), "site");
  const result = await csrInProcess(["-C", repo, "site", "--out", out, "--today", DAY, ...args], { lang: null });
  return { out, code: result.code, read: (path) => readFileSync(join(out, path), "utf8") };
}

/** A panel of the dashboard, from its heading to the end of its section. */
function panel(index: string, id: string): string {
  return index.split(`<section class="site-panel" id="panel-${id}">`)[1]!.split("</section>")[0]!;
}

/** The text of an empty list page's body: what it says instead of rows. */
function emptyText(page: string): string {
  return page.match(/<p class="site-empty">([^<]*)<\/p>/)?.[1] ?? "";
}

const QMS = "organisation: {name: 测试公司}\nstandards: [IATF16949]\ndepartments: [{code: QA, name: 品质部}]\nrules: {coverage/clause-uncovered: off}\n";
const PEOPLE = "people:\n  - {id: li, name: 李娜, department: QA, roles: [author, reviewer]}\n  - {id: wang, name: 王强, department: QA, roles: [approver]}\n";
const CUSTOMER = "code: DYA\nname: 东岳汽车\nsources:\n  - id: DYA-SQM\n    title: 供应商质量手册\n    revisions: [{revision: A, received: 2026-10-01}]\n";

/** A CSR decided must on 2026-10-09; `extra` lines add its implementation or training. */
function csr(id: string, ...extra: string[]): string {
  return [
    `id: ${id}`,
    "customer: DYA",
    "source: {document: DYA-SQM, revision: A}",
    "clauses: [IATF16949:8.3]",
    `title: 要求 ${id}`,
    "text: 按东岳要求执行。",
    "received: 2026-10-01",
    "review:",
    "  required: [QA]",
    "  opinions: [{department: QA, reviewer: li, opinion: accept, date: 2026-10-08}]",
    "  decision: {disposition: must, by: wang, date: 2026-10-09}",
    "addressed: [{document: QP-005}]",
    ...extra,
    "",
  ].join("\n");
}

/** QP-005 released on 2026-10-12; `extra` lines add its review interval, training or copies. */
function procedure(...extra: string[]): string {
  return [
    "id: QP-005",
    "title: 文件控制程序",
    "level: 2",
    "kind: procedure",
    "department: QA",
    "status: released",
    ...extra,
    "revisions:",
    "  - {version: A/0, date: 2026-10-12, summary: 首次发布, prepared: {by: li}, approved: {by: wang, date: 2026-10-12}}",
    "",
  ].join("\n");
}

function repo(files: { csrs: Record<string, string>; procedure: string }): string {
  return makeRepo({
    "qms.yaml": QMS,
    "people.yaml": PEOPLE,
    "customers/DYA.yaml": CUSTOMER,
    "documents/QP-005.yaml": files.procedure,
    ...Object.fromEntries(Object.entries(files.csrs).map(([id, text]) => [`csr/DYA/${id}.yaml`, text])),
  });
}

describe("csr site: no zero on the dashboard where nothing is tracked", () => {
  it("shows — with the reason where nothing is recorded to count, and counts and lists what is not tracked", async () => {
    const site = await buildSite(repo({ csrs: { "DYA-001": csr("DYA-001") }, procedure: procedure() }));
    expect(site.code).toBe(0);
    const index = site.read("index.html");
    // DYA-001 is to be implemented, without a due date or a customer's date: it can never be late.
    expect(panel(index, "implementations")).toContain(
      '<li><a class="site-number " href="lists/csr-implementation-overdue.html"><span class="count">—</span> <span class="label">实施逾期</span></a></li>\n' +
        '<li><a class="site-number warn" href="lists/implementations-undated.html"><span class="count">1</span> <span class="label">须实施但无完成期限，不判逾期</span></a></li>\n\n</ul>\n' +
        '<p class="site-note">须实施的要求都没有完成期限或顾客要求日期：无从判断实施是否逾期，“—”不表示没有逾期。请用 csr implement &lt;CSR&gt; --due &lt;日期&gt; 记录完成期限。</p>\n',
    );
    const undated = site.read("lists/implementations-undated.html");
    expect(undated).toContain("<h1>顾客特定要求的落实和实施：须实施但无完成期限，不判逾期</h1>");
    expect(undated).toContain('<td class="code"><a href="../csr/DYA-001.html">DYA-001</a></td><td>东岳汽车</td><td>要求 DYA-001</td><td class="code">必须满足</td><td class="date">2026-10-09</td>');
    expect(undated).toContain("截至 2026-11-27，结论为必须满足或可选、尚未实施，既无完成期限也无顾客要求日期的顾客特定要求：不会判为实施逾期。");
    // The list behind the "—" says why it is empty, not 无.
    expect(emptyText(site.read("lists/csr-implementation-overdue.html"))).toBe("须实施的要求都没有完成期限或顾客要求日期：无从判断实施是否逾期，“—”不表示没有逾期。请用 csr implement &lt;CSR&gt; --due &lt;日期&gt; 记录完成期限。");
    // QP-005 has no review interval: never due for a periodic review.
    expect(panel(index, "documents")).toContain(
      '<li><a class="site-number " href="lists/doc-periodic-review-due.html"><span class="count">—</span> <span class="label">定期评审已到期或 30 天内到期</span></a></li>\n' +
        '<li><a class="site-number warn" href="lists/documents-no-review-interval.html"><span class="count">1</span> <span class="label">未定定期评审周期的现行文件</span></a></li>\n',
    );
    expect(panel(index, "documents")).toContain('<p class="site-note">没有一份现行文件规定定期评审周期：无从判断定期评审是否到期，“—”不表示没有到期。请在文件中写明 review_interval_months（如 36，单位为月）。</p>\n');
    expect(site.read("lists/documents-no-review-interval.html")).toContain(
      '<tr><td class="number">1</td><td class="code"><a href="../documents/QP-005.html">QP-005</a></td><td>文件控制程序</td><td class="code">A/0</td><td>品质部</td></tr>',
    );
    // No copy handed out: none can be due back.
    expect(panel(index, "distribution")).toBe(
      "\n<h2>文件发放与回收</h2>\n<ul class=\"site-numbers\">\n" +
        '<li><a class="site-number " href="lists/copies-to-recall.html"><span class="count">—</span> <span class="label">待回收的受控副本</span></a></li>\n' +
        '<li><a class="site-number " href="lists/doc-recall-overdue.html"><span class="count">—</span> <span class="label">回收逾期</span></a></li>\n' +
        '<li><a class="site-number " href="lists/doc-not-issued.html"><span class="count">—</span> <span class="label">现行版本未发放的文件</span></a></li>\n\n</ul>\n' +
        '<p class="site-note">尚无受控副本的发放记录：无从判断哪些副本待回收、回收是否逾期，“—”不表示没有。发放纸质受控副本时请用 csr distribute 登记。</p>\n',
    );
    // Neither QP-005 nor DYA-001 says whether it needs training.
    expect(panel(index, "training")).toBe(
      "\n<h2>培训</h2>\n<ul class=\"site-numbers\">\n" +
        '<li><a class="site-number " href="lists/doc-training-overdue.html"><span class="count">—</span> <span class="label">文件换版培训逾期</span></a></li>\n' +
        '<li><a class="site-number " href="lists/csr-training-overdue.html"><span class="count">—</span> <span class="label">顾客特定要求培训逾期</span></a></li>\n' +
        // Nothing marked for training: nobody can be counted as missing either.
        '<li><a class="site-number " href="registers/training-missing.html"><span class="count">—</span> <span class="label">尚未培训的人员（按版本计人次，不含只登记记录编号的版本）</span></a></li>\n\n</ul>\n' +
        '<p class="site-note">没有一份现行文件标明换版是否需要培训：无从判断换版培训是否逾期，“—”不表示没有逾期。需要培训的文件请文控在文件中标明。</p>\n' +
        '<p class="site-note">须满足的顾客特定要求都没有标明是否需要培训：无从判断培训是否逾期，“—”不表示没有逾期。需要培训的请文控在该要求中标明。</p>\n',
    );
    expect(emptyText(site.read("lists/doc-training-overdue.html"))).toBe("没有一份现行文件标明换版是否需要培训：无从判断换版培训是否逾期，“—”不表示没有逾期。需要培训的文件请文控在文件中标明。");
    // The number links to the register of people still to be trained, which says why nobody is listed.
    expect(site.read("registers/training-missing.html")).toContain("没有标明需要培训（training.required）的现行文件或须满足的顾客特定要求。");

    // In English too.
    const en = (await buildSite(repo({ csrs: { "DYA-001": csr("DYA-001") }, procedure: procedure() }), "--lang", "en")).read("index.html");
    expect(panel(en, "implementations")).toContain(
      '<span class="count">—</span> <span class="label">implementation overdue</span></a></li>\n' +
        '<li><a class="site-number warn" href="lists/implementations-undated.html"><span class="count">1</span> <span class="label">to be implemented without a due date, never overdue</span></a></li>',
    );
    expect(panel(en, "training")).toContain(
      '<p class="site-note">No document in force says whether its revisions need training: overdue training cannot be told, so “—” does not mean none is late. Document control marks in each document whether it does.</p>',
    );
    expect(panel(en, "distribution")).toContain('<span class="count">—</span> <span class="label">controlled copies to recall</span>');
    expect(panel(en, "documents")).toContain('<span class="count">1</span> <span class="label">documents in force without a review interval</span>');
  });

  it("counts again once one item is tracked, and keeps counting and listing those that are not", async () => {
    const site = await buildSite(
      repo({
        // DYA-001 is late for its due date; DYA-002 has none; DYA-002 alone says it needs no training.
        csrs: { "DYA-001": csr("DYA-001", "implementation: {owner: li, due: 2026-11-20, status: in-progress}"), "DYA-002": csr("DYA-002", "training: {required: false}") },
        procedure: procedure("review_interval_months: 36", "training: {required: true}", "distribution:", "  - {copy: 1, version: A/0, to: QA, issued_by: li, date: 2026-10-13}"),
      }),
    );
    const index = site.read("index.html");
    expect(panel(index, "implementations")).toContain(
      '<li><a class="site-number alert" href="lists/csr-implementation-overdue.html"><span class="count">1</span> <span class="label">实施逾期</span></a></li>\n' +
        '<li><a class="site-number warn" href="lists/implementations-undated.html"><span class="count">1</span> <span class="label">须实施但无完成期限，不判逾期</span></a></li>\n\n</ul>\n',
    );
    expect(panel(index, "implementations")).not.toContain("site-note");
    expect(site.read("lists/implementations-undated.html")).toContain('<a href="../csr/DYA-002.html">DYA-002</a>');
    expect(site.read("lists/implementations-undated.html")).not.toContain('<a href="../csr/DYA-001.html">');
    // QP-005's interval is set, it says it needs training (none recorded on A/0 after 20 working days), and a copy is out.
    expect(panel(index, "documents")).toContain('<span class="count">0</span> <span class="label">定期评审已到期或 30 天内到期</span>');
    expect(panel(index, "documents")).not.toMatch(/未定定期评审周期|site-note/);
    expect(panel(index, "distribution")).toContain('<span class="count">0</span> <span class="label">待回收的受控副本</span>');
    expect(panel(index, "distribution")).not.toContain("site-note");
    expect(panel(index, "training")).toContain('<span class="count">1</span> <span class="label">文件换版培训逾期</span>');
    expect(panel(index, "training")).toContain('<span class="count">0</span> <span class="label">顾客特定要求培训逾期</span>');
    expect(panel(index, "training")).not.toContain("site-note");
    expect(emptyText(site.read("lists/csr-training-overdue.html"))).toBe("无");
  });

  it("counts and lists the sections cited in documents whose body is on paper, and shows — while no cited section can be checked", async () => {
    // QP-005 imported from a register: its body is on the paper original, so csr/section-missing cannot look 5.2 up.
    const onPaper = ["id: QP-005", "title: 文件控制程序", "level: 2", "kind: procedure", "department: QA", "status: released", "revisions:", "  - {version: A/2, date: 2024-03-01, imported: true, prepared: {by: li}, approved: {by: wang}}", ""].join("\n");
    const cites = (id: string, place: string) => csr(id, "implementation: {owner: li, due: 2026-12-20, status: in-progress}").replace("addressed: [{document: QP-005}]", `addressed: [${place}]`);
    const site = await buildSite(repo({ csrs: { "DYA-001": cites("DYA-001", "{document: QP-005, section: '5.2'}") }, procedure: onPaper }));
    const index = site.read("index.html");
    expect(panel(index, "implementations")).toContain(
      '<li><a class="site-number " href="lists/csr-section-missing.html"><span class="count">—</span> <span class="label">落实章节不存在或已改号</span></a></li>\n' +
        '<li><a class="site-number warn" href="lists/sections-on-paper.html"><span class="count">1</span> <span class="label">落实章节在纸质原件上，未核对</span></a></li>\n',
    );
    expect(panel(index, "implementations")).toContain('<p class="site-note">所引落实章节所在文件的正文都在纸质原件上：无从核对章节是否存在或已改号，“—”不表示没有问题。请导入这些文件的 Word 原件（csr import）。</p>\n');
    const list = site.read("lists/sections-on-paper.html");
    expect(list).toContain("<h1>顾客特定要求的落实和实施：落实章节在纸质原件上，未核对</h1>");
    expect(list).toMatch(/<tr><td class="code"><a href="..\/csr\/DYA-001.html">DYA-001<\/a><\/td><td>东岳汽车<\/td><td[^>]*>要求 DYA-001<\/td><td class="code"><a href="..\/documents\/QP-005.html">QP-005<\/a><\/td><td>5.2<\/td>/);
    expect(list).toContain("截至 2026-11-27，CSR 矩阵中落实章节所在文件的正文在纸质原件上（从清单导入）的落实链接：章节是否存在、是否已改号无从核对。");
    // A second CSR cites a section of a document with its text: sections are checked, the count is a number again.
    const withText = repo({ csrs: { "DYA-001": cites("DYA-001", "{document: QP-005, section: '5.2'}"), "DYA-002": cites("DYA-002", "{document: QP-006, section: 1 目的}") }, procedure: onPaper });
    writeFileSync(join(withText, "documents/QP-006.yaml"), procedure().replaceAll("QP-005", "QP-006") + "sections:\n  - {title: 目的, text: 规定记录的控制。}\n");
    const checked = (await buildSite(withText)).read("index.html");
    expect(panel(checked, "implementations")).toContain('<span class="count">0</span> <span class="label">落实章节不存在或已改号</span>');
    expect(panel(checked, "implementations")).toContain('<span class="count">1</span> <span class="label">落实章节在纸质原件上，未核对</span>');
    expect(panel(checked, "implementations")).not.toContain("site-note");
  });

  it("on the bundled example: no document says whether it needs training, so its training count is —; the rest is tracked", async () => {
    const example = copyFixture("examples/acme-auto");
    const index = (await buildSite(example)).read("index.html");
    expect(panel(index, "training")).toBe(
      "\n<h2>培训</h2>\n<ul class=\"site-numbers\">\n" +
        '<li><a class="site-number " href="lists/doc-training-overdue.html"><span class="count">—</span> <span class="label">文件换版培训逾期</span></a></li>\n' +
        // BCM-004 and DYA-002 had a session, not everyone trained: overdue, as the list says who (breaker63 P1).
        '<li><a class="site-number warn" href="lists/csr-training-overdue.html"><span class="count">2</span> <span class="label">顾客特定要求培训逾期</span></a></li>\n' +
        // The CSRs marked for training: who of their departments is not trained yet (csr list training --missing); the trainers count as trained.
        // The named people only: 10, as the management review's 7/17 人 leaves 10 untrained; the 3 revisions with only a record number are said, not counted (tester67a A8).
        '<li><a class="site-number warn" href="registers/training-missing.html"><span class="count">10</span> <span class="label">尚未培训的人员（按版本计人次，不含只登记记录编号的版本）</span></a></li>\n\n</ul>\n' +
        '<p class="site-note">没有一份现行文件标明换版是否需要培训：无从判断换版培训是否逾期，“—”不表示没有逾期。需要培训的文件请文控在文件中标明。</p>\n' +
        '<p class="site-note">另有 3 个需培训的版本只登记了记录编号（或无人可计），受训人员见该记录，无从计算，未计入上面的人次；它们在未完成培训人员清单中各占一行。</p>\n',
    );
    // Every CSR to be implemented has a due date, every document in force a review interval, and copies are recorded.
    for (const id of ["implementations", "documents", "distribution"]) expect(panel(index, id), id).not.toMatch(/count">—|site-note/);
    // Marking one document for training makes the count a number again: QP-013 A/2, in force since 2026-04-08, has no session on it.
    expect((await csrInProcess(["-C", example, "train", "QP-013", "--require", "-y"])).code).toBe(0);
    const marked = (await buildSite(example)).read("index.html");
    expect(panel(marked, "training")).toContain('<li><a class="site-number warn" href="lists/doc-training-overdue.html"><span class="count">1</span> <span class="label">文件换版培训逾期</span></a></li>');
    // The note on the revisions with only a record number stays: they are still not counted (tester67a A8).
    expect([...panel(marked, "training").matchAll(/<p class="site-note">(.{0,12})/g)].map((m) => m[1])).toEqual(["另有 3 个需培训的版本"]);
  });

  it("gives a repository's own dashboard written for one note per panel its notes as {{note}}", async () => {
    const dir = repo({ csrs: { "DYA-001": csr("DYA-001") }, procedure: procedure() });
    makeRepo({ "templates/html/partials/site-dashboard.hbs": '{{#> site-page}}{{#each panels}}<p class="own" id="{{id}}">{{note}}</p>{{/each}}{{/site-page}}\n' }, dir);
    const index = (await buildSite(dir)).read("index.html");
    expect(index.match(/<p class="own" id="distribution">[^<]*<\/p>/)?.[0]).toBe(
      '<p class="own" id="distribution">尚无受控副本的发放记录：无从判断哪些副本待回收、回收是否逾期，“—”不表示没有。发放纸质受控副本时请用 csr distribute 登记。</p>',
    );
    expect(index.match(/<p class="own" id="training">[^<]*<\/p>/)?.[0]).toBe(
      '<p class="own" id="training">没有一份现行文件标明换版是否需要培训：无从判断换版培训是否逾期，“—”不表示没有逾期。需要培训的文件请文控在文件中标明。 须满足的顾客特定要求都没有标明是否需要培训：无从判断培训是否逾期，“—”不表示没有逾期。需要培训的请文控在该要求中标明。</p>',
    );
  });
});
