/**
 * `csr site --today D` for a past day D is the portal as it was at the end of D, as an auditor
 * reproduces it for the day of an audit (tester25 F4): the latest releases, each document's version
 * in force, revision record, text and commits, each CSR's review, and the findings are those of D,
 * not of the records or commits made since. A real git repository whose commits carry fixed dates in
 * +08:00 (the committers' local day), built once; sites of D and of today.
 */
import { appendFileSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { localToday } from "../../src/core/dates.js";
import { copyFixture, commitAt, csrInProcess, git, minimalRepo, releasedProcedure, tempDir, withoutYearCheck } from "../helpers.js";

/** The day of the audit: after the 2026-11-25 23:30 commit, before the 2026-11-26 01:00 one (17:00 UTC on the 25th) and the later ones. */
const D = "2026-11-25";

const CSR = [
  "id: DYA-001",
  "customer: DYA",
  "source: {document: DYA-SQM, revision: A}",
  "clauses: [IATF16949:8.3]",
  "title: 特殊特性符号",
  "received: 2026-11-09",
  "review:",
  "  required: [QA]",
  "",
].join("\n");

/** Commits `message` with every change, by the tests' fixed user, at `when` (an ISO time with its offset) for both dates. */
/** The search entries the site ships (assets/search-entries.js), by key: their text and clauses. */
function searchEntries(read: (path: string) => string): Map<string, { text: string; clauses: string }> {
  const script = read("assets/search-entries.js");
  const { entries } = JSON.parse(script.slice(script.indexOf("{"), script.lastIndexOf("}") + 1)) as { entries: { key: string; text: string; clauses: string }[] };
  return new Map(entries.map((e) => [e.key, { text: e.text, clauses: e.clauses }]));
}

async function site(dir: string, lang: "zh-CN" | "en", ...today: string[]): Promise<(path: string) => string> {
  const out = join(tempDir(), "site");
  const result = await csrInProcess(["-C", dir, "site", "--out", out, ...today], { lang });
  expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: expect.stringContaining(lang === "en" ? "Built the site" : "已生成网站") });
  return (path) => readFileSync(join(out, path), "utf8");
}

/** The rows of a page's table under the heading `title`, each row's cells as text joined by " | ". */
function rows(html: string, title: string): string[] {
  const section = html.split(`<h2>${title}</h2>`)[1]?.split("</section>")[0];
  if (section === undefined) return [`no section ${title}`];
  return [...section.matchAll(/<tr(?: id="[^"]*")?>(.*?)<\/tr>/gs)].map((m) => [...m[1]!.matchAll(/<td[^>]*>(.*?)<\/td>/gs)].map((c) => c[1]!.replace(/<[^>]+>/g, "").trim()).join(" | ")).filter((row) => row !== "");
}

/** The items of the dashboard's latest releases panel. */
function latestReleases(html: string): string | undefined {
  return html.split('<section class="site-panel" id="panel-latest-releases">')[1]?.match(/<ul class="site-items">(.*?)<\/ul>/s)?.[1];
}

describe("csr site --today D of a past day", () => {
  let dir: string;
  let lastOfD: string;
  beforeAll(() => {
    dir = withoutYearCheck(
      minimalRepo({
        "customers/DYA.yaml": "code: DYA\nname: 东岳汽车\nsources:\n  - id: DYA-SQM\n    title: 供应商质量手册\n    title_en: Supplier Quality Manual\n    department: QA\n    revisions: [{revision: A, received: 2026-11-09}]\n",
        "csr/DYA/DYA-001.yaml": CSR,
        "documents/QP-001.yaml": releasedProcedure("QP-001", "文件控制程序", { title: "目的", text: "第一版文本。" }),
      }),
    );
    git(dir, ["init", "-q"]);
    commitAt(dir, "2026-03-02T10:00:00+08:00", "QP-001 A/0");
    const file = join(dir, "documents/QP-001.yaml");
    // The last commit of D in the committers' day: 15:30 UTC.
    writeFileSync(file, readFileSync(file, "utf8").replace("title: 文件控制程序", "title: 文件控制程序\nremarks: 备注甲"));
    commitAt(dir, "2026-11-25T23:30:00+08:00", "QP-001 备注");
    lastOfD = git(dir, ["rev-parse", "--short", "HEAD"]).trim();
    // 17:00 UTC on D, but the 26th where it was committed: after D.
    writeFileSync(file, readFileSync(file, "utf8").replace("备注甲", "备注乙"));
    commitAt(dir, "2026-11-26T01:00:00+08:00", "QP-001 备注改");
    // A/1 released and the CSR decided after D.
    writeFileSync(
      file,
      readFileSync(file, "utf8")
        .replace("第一版文本。", "第二版文本。")
        .replace("status: released", "status: released\neffective: 2026-11-30")
        .replace("sections:", ["  - version: A/1", "    date: 2026-11-30", "    summary: 改写目的", "    prepared: { by: zhang, date: 2026-11-27 }", "    reviewed: { by: li, date: 2026-11-28 }", "    approved: { by: wang, date: 2026-11-30 }", "sections:"].join("\n")),
    );
    appendFileSync(join(dir, "csr/DYA/DYA-001.yaml"), ["  opinions: [{department: QA, reviewer: zhang, opinion: accept, date: 2026-11-30, comment: 需确认模具}]", "  late_reason: 顾客延期答复", "  decision: {disposition: not-applicable, justification: 本公司不生产该类产品, by: wang, date: 2026-11-30}", ""].join("\n"));
    writeFileSync(join(dir, "documents/QP-002.yaml"), releasedProcedure("QP-002", "记录控制程序", { title: "目的", text: "记录。" }).replaceAll("2026-03-02", "2026-11-30").replaceAll("2026-02-2", "2026-11-2"));
    commitAt(dir, "2026-11-30T16:00:00+08:00", "QP-001 A/1, QP-002 A/0, DYA-001 决定");
  });

  it("shows each document as it was on D: its version in force, revision record, text and the commits made by the end of D", async () => {
    const read = await site(dir, "zh-CN", "--today", D);
    const page = read("documents/QP-001.html");
    expect(rows(page, "修改过本文件的提交（git）").map((row) => row.replace(/ \| [0-9a-f]{7,} \| /, " | "))).toEqual(["2026-11-25 | Test User | QP-001 备注", "2026-03-02 | Test User | QP-001 A/0"]);
    expect(page).toContain("<li>状态：已发布</li><li>现行版本：A/0</li>");
    const text = page.split('<main id="main" class="site-document">')[1]!;
    expect(text).toContain('<span class="nowrap">版本/版次：A/0</span>');
    // A/1 took effect on 2026-11-30 (its file's effective); A/0's 生效日期 is its date, as the documents register of D gives it (tester49 #2).
    expect(text).toContain("<tr><th>制订日期</th><td>2026-03-02</td><th>生效日期</th><td colspan=\"3\">2026-03-02</td></tr>");
    expect(read("registers/documents.csv")).toContain("QP-001,文件控制程序,品质部,A/0,张伟,李娜,王强,2026-03-02,2026-03-02,");
    expect(text.split("<h2>修订记录</h2>")[1]!.split("</table>")[0]!.match(/<tr>.*<\/tr>/g)).toEqual([
      '<tr><th class="col-date">日期</th><th class="col-summary">修订内容摘要</th><th class="col-pages">页次</th><th class="col-version">版本/版次</th><th class="col-by">修订人</th><th class="col-reviewed_by">审核人</th><th class="col-approved_by">批准人</th></tr>',
      '<tr><td class="col-date nowrap">2026-03-02</td><td class="col-summary">首次发布</td><td class="col-pages"></td><td class="col-version nowrap">A/0</td><td class="col-by"><span class="nowrap"><a href="../people/zhang.html">张伟</a></span></td><td class="col-reviewed_by"><span class="nowrap"><a href="../people/li.html">李娜</a></span></td><td class="col-approved_by"><span class="nowrap"><a href="../people/wang.html">王强</a></span></td></tr>',
    ]);
    expect(text).toContain("<p>第一版文本。</p>");
    expect(text).not.toContain("第二版文本。");
    expect(text).not.toContain("A/1");
    expect(latestReleases(read("index.html"))).toBe('<li><a href="documents/QP-001.html">QP-001 文件控制程序</a> <span class="site-muted">A/0 · 2026-03-02</span></li>');
    // QP-002 was first released, and its file first committed, after D: the site of D has no page of it (past-day-pages.test.ts).
    expect(() => read("documents/QP-002.html")).toThrow(/ENOENT/);
    // 王强 approved QP-001 A/0 by D; QP-002 only after it.
    expect(rows(read("people/wang.html"), "签署现行版本的文件")).toEqual(["QP-001 文件控制程序 | 批准"]);
    // DYA-001 was decided after D: on D its review is overdue, undecided, and the opinion of QA missing.
    const csr = read("csr/DYA-001.html");
    expect(csr).toContain('<tr><th>评审用时</th><td class="nowrap">12 个工作日</td><th>及时性</th><td class="nowrap">逾期未决</td></tr>');
    expect(csr).toContain('<h2>3 评审结论</h2>\n<p class="empty">尚未作出结论</p>');
    expect(csr).toContain("<li>状态：已接收</li><li>");
    // Past its deadline the page counts the days overdue, not a negative number of days left (tester49 #7).
    expect(csr).toContain("<li>评审期限：2026-11-23（已逾期 2 个工作日）</li><li>未会签部门：品质部</li>");
    expect((await site(dir, "en", "--today", D))("csr/DYA-001.html")).toContain("<li>Review due: 2026-11-23 (2 working days overdue)</li>");
    // So do the customer's page and the pages of those whose department owes the opinion (tester49 #12).
    expect(rows(read("customers/DYA.html"), "顾客特定要求（1 项）")).toEqual(["DYA-001 | 特殊特性符号 | 2026-11-09 | 2026-11-23（已逾期 2 个工作日） |  | 逾期未决 |  |  |  |  |  | 已接收 | "]);
    expect(rows(read("people/zhang.html"), "本部门待会签的顾客特定要求（1）")).toEqual(["DYA-001 | 特殊特性符号 | 已接收 | 2026-11-23（已逾期 2 个工作日）"]);
    // The search finds what the pages of D show (tester51 #3): A/0's summary, not A/1's; the source's titles, none of the opinion, decision and late reason recorded after D.
    const entries = searchEntries(read);
    expect(entries.get("document:QP-001")?.text).toMatch(/\n首次发布$/);
    expect(entries.get("document:QP-001")?.text).not.toContain("改写目的");
    expect(entries.get("csr:DYA-001")?.text).toBe("特殊特性符号\n\n\n\nDYA\nDYA-SQM\n\n\n供应商质量手册\nSupplier Quality Manual");
  });

  it("shows the findings csr check gave at the end of D: of the last commit of D, checked against D", async () => {
    const read = await site(dir, "zh-CN", "--today", D);
    const findings = read("findings.html");
    expect(findings).toContain(
      `<p class="site-lead">csr check 截至 2026-11-25 的结果：1 个错误，0 个警告。发现项是 csr check 在 2026-11-25 当日结束时的结果：按当时已提交的仓库（提交 ${lastOfD}，2026-11-25）检查，之后提交的内容不计入。</p>`,
    );
    // Not decided on D, and overdue: not the records of A/1 and of the decision, dated after D, reported as dated in the future.
    expect(rows(findings, "全部发现项")).toEqual(["错误 | csr/review-overdue | csr/DYA/DYA-001.yaml:6:11 | DYA-001 的评审已逾期：2026-11-09 接收，应于 2026-11-23 前完成（10 个工作日），已超期 2 个工作日；请用 &#x27;csr review DYA-001&#x27; 记录缺少的意见和评审结论。"]);
    expect(read("index.html")).toContain(`<p class="site-lead">截至 2026-11-25。发现项是 csr check 在 2026-11-25 当日结束时的结果：按当时已提交的仓库（提交 ${lastOfD}，2026-11-25）检查，之后提交的内容不计入。</p>`);
    expect(read("csr/DYA-001.html")).toContain("csr/review-overdue");
  });

  it("checks the commit of D and not the files as they are now, and so leaves no findings of D in the check cache", async () => {
    /** The day of the findings the check cache remembers (the header line of its index, src/load/cache.ts), undefined for none. */
    const remembered = () => {
      const cache = join(dir, ".git", "csr-cache");
      const index = readFileSync(join(cache, readdirSync(cache).find((name) => name.endsWith(".index"))!));
      return (JSON.parse(index.subarray(0, index.indexOf(10)).toString("utf8")) as { result?: { today: string } }).result?.today;
    };
    await site(dir, "zh-CN");
    expect(remembered()).toBe(localToday());
    await site(dir, "zh-CN", "--today", D);
    // Not D's: the last check's findings of the files as they are now stay, as after any read of the files.
    expect(remembered()).toBe(localToday());
    // No commit by that day: the files as they are now, checked against it, are its findings and are remembered.
    await site(dir, "zh-CN", "--today", "2026-03-01");
    expect(remembered()).toBe("2026-03-01");
  });

  it("says so where no commit was made by D, and shows the findings of the files as they are now", async () => {
    const read = await site(dir, "en", "--today", "2026-03-01");
    const note = "csr cannot take the findings back to 2026-03-01: git has no commit of the repository made by then. They are the findings of the files as they are now, checked against 2026-03-01, and may count what was recorded later (a record dated after 2026-03-01 is reported as dated in the future); only the deadlines, decisions and withdrawals the dashboard lists (reviews, implementations, trainings, recalls, periodic reviews, withdrawn documents) are judged on the records of 2026-03-01, without what was recorded later.";
    expect(read("findings.html")).toContain(`<p class="site-lead">What csr check reports as of 2026-03-01: errors: 13, warnings: 0. ${note}</p>`);
    expect(read("index.html")).toContain(`<p class="site-lead">As of 2026-03-01. ${note}</p>`);
    // Both documents were released after that day.
    expect(read("documents/QP-001.html")).toContain('<p class="site-lead">QP-001 was released on 2026-03-02, after 2026-03-01: on 2026-03-01 it was not yet a controlled document, and a site as of that day does not show it.</p>');
    expect(read("csr/DYA-001.html")).toContain('<p class="site-lead">DYA-001 was received on 2026-11-09, after 2026-03-01: on 2026-03-01 it was not yet among the customer-specific requirements, and a site as of that day does not show it.</p>');
  });

  it("shows everything as it is now on a site of today", async () => {
    const read = await site(dir, "zh-CN");
    const page = read("documents/QP-001.html");
    expect(rows(page, "修改过本文件的提交（git）").map((row) => row.replace(/ \| [0-9a-f]{7,} \| /, " | "))).toEqual([
      "2026-11-30 | Test User | QP-001 A/1, QP-002 A/0, DYA-001 决定",
      "2026-11-26 | Test User | QP-001 备注改",
      "2026-11-25 | Test User | QP-001 备注",
      "2026-03-02 | Test User | QP-001 A/0",
    ]);
    expect(page).toContain("<li>状态：已发布</li><li>现行版本：A/1</li>");
    expect(page).toContain("<p>第二版文本。</p>");
    expect(page).toContain("<th>生效日期</th><td colspan=\"3\">2026-11-30</td>");
    expect(rows(read("people/wang.html"), "签署现行版本的文件")).toEqual(["QP-001 文件控制程序 | 批准", "QP-002 记录控制程序 | 批准"]);
    expect(latestReleases(read("index.html"))).toBe(
      '<li><a href="documents/QP-001.html">QP-001 文件控制程序</a> <span class="site-muted">A/1 · 2026-11-30</span></li><li><a href="documents/QP-002.html">QP-002 记录控制程序</a> <span class="site-muted">A/0 · 2026-11-30</span></li>',
    );
    expect(read("index.html")).toContain(`截至 ${localToday()}`);
    expect(read("csr/DYA-001.html")).toContain('<tr><th>评审期限</th><td class="nowrap">2026-11-23</td><th>决定日期</th><td class="nowrap">2026-11-30</td></tr>\n<tr><th>评审用时</th><td class="nowrap">15 个工作日</td><th>及时性</th><td>逾期 5 个工作日</td></tr>');
    // The search finds what the pages show today: both summaries, the opinion's comment, the decision's reasons and the late reason.
    const entries = searchEntries(read);
    expect(entries.get("document:QP-001")?.text.split("\n").slice(-3)).toEqual(["备注乙", "首次发布", "改写目的"]);
    expect(entries.get("csr:DYA-001")?.text.split("\n").slice(-5)).toEqual(["供应商质量手册", "Supplier Quality Manual", "需确认模具", "本公司不生产该类产品", "顾客延期答复"]);
  });
});

/**
 * What a site of a past day takes from the records of that day besides the registers (documentsOn,
 * csrsOn): the coverage heat map's colours, the search index, the trainings open on a person's page and
 * the notice on estimated working days. No git: the records alone date these.
 */
describe("csr site --today D: the heat map, the search index, the trainings and the calendar notice of D", () => {
  let dir: string;
  beforeAll(() => {
    dir = withoutYearCheck(
      minimalRepo({
        // Trained after D: on D the training of A/0 was still open, and its record not yet made.
        "documents/QP-001.yaml": releasedProcedure("QP-001", "文件控制程序", { title: "目的", text: "文件。" }) + ["clauses: [IATF16949:7.5.3]", "training:", "  required: true", "  sessions: [{revision: A/0, date: 2026-11-30, people: [zhang], record: PX-2611}]", ""].join("\n"),
        // Released after D: on D nothing addressed 8.3, and its text was not searchable.
        "documents/QP-002.yaml": releasedProcedure("QP-002", "设计开发程序", { title: "目的", text: "产品开发评审。" }).replaceAll("2026-03-02", "2026-11-30").replaceAll("2026-02-2", "2026-11-2") + "clauses: [IATF16949:8.3]\n",
        // Received after D, its review deadline (60 working days) in 2027, a year without holidays in csr.
        "customers/DYA.yaml": "code: DYA\nname: 东岳汽车\nsources:\n  - id: DYA-SQM\n    title: 供应商质量手册\n    department: QA\n    revisions: [{revision: A, received: 2026-12-01}]\n",
        "csr/DYA/DYA-001.yaml": ["id: DYA-001", "customer: DYA", "source: {document: DYA-SQM, revision: A}", "clauses: [IATF16949:8.3]", "title: 特殊特性符号", "text: 图纸标注要求", "received: 2026-12-01", "review:", "  required: [QA]", ""].join("\n"),
      }),
    );
    writeFileSync(join(dir, "qms.yaml"), readFileSync(join(dir, "qms.yaml"), "utf8").replace("csr:\n", "csr:\n  review_days: 60\n"));
  });

  /** The class of the heat map's row of clause `number`. */
  const rowClass = (html: string, number: string) => html.match(new RegExp(`<tr class="([^"]*)"><th scope="row"><span class="number">${number.replace(/\./g, "\\.")}</span>`))?.[1];
  const notice = (html: string) => html.match(/<p class="site-notice"[^>]*>(.*?)<\/p>/s)?.[1];

  it("takes each from the records of D", async () => {
    const read = await site(dir, "zh-CN", "--today", D);
    const coverage = read("coverage.html");
    expect([rowClass(coverage, "7.5.3"), rowClass(coverage, "8.3")]).toEqual(["row-covered", "row-uncovered"]);
    const entries = searchEntries(read);
    expect(entries.get("document:QP-001")).toEqual({ text: "文件控制程序\n\n归口部门：品质部（QA）\n目的\n\n文件。\n\n\n首次发布", clauses: "IATF16949:7.5.3" });
    expect(entries.get("document:QP-002")).toEqual({ text: "设计开发程序\n", clauses: "" });
    expect(entries.get("csr:DYA-001")).toEqual({ text: "特殊特性符号\n", clauses: "" });
    // Due on the day A/0 took effect (training comes before working to it, IATF 16949 7.2.2).
    expect(rows(read("people/zhang.html"), "本人待完成的培训（1）")).toEqual(["QP-001 | 文件控制程序 | A/0 | 2026-03-02 | 逾期"]);
    expect(notice(read("index.html"))).toBeUndefined();
  });

  it("takes each from the records as they are now on a site of today", async () => {
    const read = await site(dir, "zh-CN");
    const coverage = read("coverage.html");
    expect([rowClass(coverage, "7.5.3"), rowClass(coverage, "8.3")]).toEqual(["row-covered", "row-covered"]);
    const entries = searchEntries(read);
    expect(entries.get("document:QP-001")?.text).toContain("PX-2611");
    expect(entries.get("document:QP-002")?.text).toContain("产品开发评审。");
    expect(entries.get("csr:DYA-001")?.text).toContain("图纸标注要求");
    expect(rows(read("people/zhang.html"), "本人待完成的培训（0）")).toEqual([]);
    expect(notice(read("index.html"))).toContain("2027");
  });
});

/**
 * A CSR's earlier review rounds (its page's 5 评审记录) are searched by what they say, as the round in force is: the
 * departments' comments, where the paper record is kept, the decision's reasons and why it was late. acme-auto's
 * DYA-002, whose round of DYA-SQM C closed on 2026-03-16 when D restarted the review.
 */
describe("csr site: a CSR's earlier review rounds in the search index", () => {
  let dir: string;
  beforeAll(() => {
    dir = copyFixture("examples/acme-auto");
    const file = join(dir, "csr/DYA/DYA-002.yaml");
    const earlier = ["      decision:", "        disposition: must", "        by: xuht", "        date: 2024-06-24"].join("\n");
    const yaml = readFileSync(file, "utf8");
    expect(yaml).toContain(earlier);
    writeFileSync(
      file,
      yaml.replace(earlier, ["      record: {form: QR-015-01, ref: 2024-06 评审记录 第7号}", earlier, "        justification: 8D时限按工作日计算可满足", "      late_reason: 等待东岳SQE书面确认"].join("\n")),
    );
  });

  /** The words of DYA-002's search entry after its source document's titles: its review report's. */
  const reportWords = (read: (path: string) => string) => {
    const text = searchEntries(read).get("csr:DYA-002")!.text.split("\n");
    return text.slice(text.indexOf("Dongyue Supplier Quality Manual") + 1);
  };

  it("finds a closed round by its comments, record, reasons and late reason after those of the round in force", async () => {
    expect(reportWords(await site(dir, "zh-CN", "--today", "2026-11-27"))).toEqual([
      "东岳SQE确认D版时限自2026年4月1日起执行。",
      "修订纠正措施控制程序和8D报告表单，增加时限栏。",
      "根本原因分析由技术部派员参加8D小组，时限可满足。",
      "围堵由生产部当班执行，已有24小时响应机制。",
      "QR-015-02 JL-PS-2026-01",
      // Round 1 of 5 评审记录: why it closed, then what it said.
      "东岳SQM升版为D版，8D提交时限由10个工作日改为D4 5个工作日、D8 15个工作日，按程序重新评审。",
      "与东岳SQE确认按工作日计算。",
      "纠正措施控制程序增加东岳8D时限。",
      "无异议。",
      "无异议。",
      "QR-015-01 2024-06 评审记录 第7号",
      "8D时限按工作日计算可满足",
      "等待东岳SQE书面确认",
    ]);
  });

  it("finds that round as the round in force on a site of a day before it closed, and nothing of the later round", async () => {
    expect(reportWords(await site(dir, "zh-CN", "--today", "2026-03-01"))).toEqual([
      "与东岳SQE确认按工作日计算。",
      "纠正措施控制程序增加东岳8D时限。",
      "无异议。",
      "无异议。",
      "QR-015-01 2024-06 评审记录 第7号",
      "8D时限按工作日计算可满足",
      "等待东岳SQE书面确认",
    ]);
  });
});
