/**
 * The site as a customer's SQE reads it in a second-party audit (tester70): acme-auto in a real git
 * repository, its site built by the built binary on 2026-12-06.
 * P7: the customer's page lists its CSRs in one table with the CSR list's and the matrix's values.
 * P8: csr site --customer DYA, an audit pack with nothing of the other customer and no internal notes.
 * tester74 T1: the pack holds the revision made for the customer's complaint and notified to it (HH-F-052 A/2).
 * tester74 T2: a paragraph, list item or section naming the other customer (北辰) is withheld with a note.
 * tester74 T10: no clause coverage counted from the pack's documents; findings as what is due, without csr commands.
 * P4: the training lists name the departments whose people still owe the training.
 * P6: a CSR's or customer's page says what is due, by whom and by when, the rule id last and small.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync, existsSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { commitAt, copyFixture, csr, git, gitInit, gitInitEmpty, tempDir } from "../helpers.js";

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

/** Builds the site of `dir` in `lang` on 2026-12-06 with `args` and returns its folder. */
function site(dir: string, lang: "zh-CN" | "en", ...args: string[]): string {
  const out = join(tempDir(), "site");
  const run = csr(["-C", dir, "site", "--out", out, "--lang", lang, "--today", "2026-12-06", ...args], { lang: null });
  expect(run.code, run.stderr).toBe(0);
  return out;
}

const page = (out: string, path: string) => readFileSync(join(out, path), "utf8");

describe("csr site: a customer's page for the customer's SQE", () => {
  let zh: string;
  let en: string;
  let pack: string;
  let acme: string;
  beforeAll(() => {
    // Committed on a day of the example's story, before the site's day: a commit of the day the test runs would be after
    // 2026-12-06 from then on, and the pages' commit lists (没有 git 提交记录) would change with the day.
    acme = gitInitEmpty(copyFixture("examples/acme-auto"));
    commitAt(acme, "2026-12-04", "initial");
    zh = site(acme, "zh-CN");
    en = site(acme, "en");
    pack = site(acme, "zh-CN", "--customer", "DYA");
  }, 240_000);

  it("lists the customer's CSRs in one table: received, deadline, decided, in time, disposition, where addressed, owner, dates, status and training", () => {
    const dya = text(page(zh, "customers/DYA.html"));
    expect(dya).toContain(
      "顾客特定要求（7 项） 编号 要求名称 接收日期 评审期限 决定日期 及时性 处置 落实文件 负责人 完成期限 顾客要求日期 导入生产日期 状态 培训 " +
        "DYA-001 特殊特性须使用东岳符号或经认可的等效符号标注 2025-02-10 2025-02-24 2025-02-17 按期 必须满足 QP-014 A/1 5.2 符号转换 WI-010-01 A/1 3 质量要求 QR-014-01 A/1 周鹏 2025-04-30 2025-04-25 已验证 只登记了记录编号，受训人员见该记录 培训记录 TR-2025-014 " +
        "DYA-002 顾客投诉的围堵和8D报告时限 2024-06-17 换版重评日期 2026-03-16 2026-03-30 2026-03-23 按期 必须满足 QP-013 A/2 5.2 顾客投诉时限 QR-013-01 A/1 张丽 2026-04-30 2026-04-01 2026-04-20 已实施 部分培训（已培训 4/8 人） 2026-03-30 TR-2026-018 ",
    );
    expect(dya).toContain("DYA-006 返工前风险评估，返工品100%复检并可追溯 2026-03-16 2026-03-30 2026-03-23 按期 必须满足 QP-012 A/2 5.4 返工和返修 QR-012-02 A/1 黄军 2026-12-18 2026-12-31 已落实到文件 ");
    expect(dya).toContain("DYA-007 2027年度供应商质量和交付绩效目标 2026-11-24 2026-12-08 未到期 评审中 按 IATF 16949 7.5.3.2.2，顾客要求自接收日起 10 个工作日内评审；各栏的数值与顾客特定要求清单和矩阵中同一要求的相同。");
    // No table a status: every CSR in the one table.
    expect(dya).not.toContain("已验证（1）");
    // Each addressing document linked to its page, one place a line.
    expect(page(zh, "customers/DYA.html")).toContain('<a href="../documents/QP-013.html">QP-013</a> A/2 5.2 顾客投诉时限<br><a href="../documents/QR-013-01.html">QR-013-01</a> A/1');
    expect(text(page(en, "customers/DYA.html"))).toContain(
      "Customer-specific requirements (7) ID Title Received Review due Decided on Timeliness Disposition Addressed in Owner Due Customer&#x27;s date Implemented on Status Training " +
        "DYA-001 Mark special characteristics with Dongyue symbols or approved equivalents 2025-02-10 2025-02-24 2025-02-17 on time must meet QP-014 A/1 5.2 符号转换",
    );
  });

  it("builds with --customer DYA an audit pack without the other customer's requirements or the internal notes, in any file", () => {
    const files = filesUnder(pack);
    // A workbook is a zip: its sheets read as text.
    const contents = (file: string) => (file.endsWith(".xlsx") ? execFileSync("unzip", ["-p", join(pack, file)], { encoding: "utf8", maxBuffer: 64 << 20 }) : readFileSync(join(pack, file), "utf8"));
    expect(files.filter((file) => file.endsWith(".xlsx")).length).toBeGreaterThan(0);
    expect(files.filter((file) => /BCM|北辰|Beichen|约占销售额/.test(contents(file)))).toEqual([]);
    expect(files.filter((file) => file.startsWith("customers/") || file.startsWith("csr/") || file.startsWith("documents/")).sort()).toEqual([
      "csr/DYA-001.html", "csr/DYA-002.html", "csr/DYA-003.html", "csr/DYA-004.html", "csr/DYA-005.html", "csr/DYA-006.html", "csr/DYA-007.html",
      "customers/DYA.html",
      "documents/HH-F-052.html",
      // QP-006 addresses DYA-005's agreed alternative (its laboratories).
      "documents/QP-006.html",
      "documents/QP-010.html", "documents/QP-012.html", "documents/QP-013.html", "documents/QP-014.html", "documents/QR-012-02.html", "documents/QR-013-01.html", "documents/QR-014-01.html", "documents/WI-010-01.html",
    ]);
    const dya = text(page(pack, "customers/DYA.html"));
    expect(dya).toContain("DYA 东岳汽车股份有限公司 顾客代码 DYA 待处理的事项（4）");
    expect(dya).not.toContain("顾客类别");
    // A reference to a document the pack leaves out says so, without a link.
    expect(text(page(pack, "documents/QP-013.html"))).toContain("6 相关文件 文件编号 文件名称 版本/版次 QP-012 不合格品控制程序 A/2 QP-004 （不在本审核包中）");
    // Every link of every page leads to a file of the pack.
    const broken = files.filter((file) => file.endsWith(".html")).flatMap((file) =>
      [...readFileSync(join(pack, file), "utf8").matchAll(/(?:href|src)="(?![a-z][a-z0-9+.-]*:)([^"#?]+)[^"]*"/g)].map((m) => decodeURIComponent(m[1]!)).filter((target) => !existsSync(normalize(join(pack, dirname(file), target)))).map((target) => `${file} -> ${target}`),
    );
    expect(broken).toEqual([]);
  });

  it("holds the revision made for the customer's complaint and notified to it: its page, its change register row and the action register's 相关文件修订", () => {
    const changes = readFileSync(join(pack, "registers/changes.csv"), "utf8");
    expect(changes).toContain("文件,换版,HH-F-052,首件检验记录,A/1,A/2,");
    expect(changes).toContain("纠正措施：8D-2026-001,2026-04-17 通知顾客 DYA（按期，要求 2026-04-23 前）,");
    expect(readFileSync(join(pack, "registers/actions.csv"), "utf8")).toContain(",已验证关闭,已关闭,HH-F-052 A/2,1,2026-04-20,");
    expect(text(page(pack, "documents/HH-F-052.html"))).toContain("HH-F-052 首件检验记录");
    // The whole site's register lists it too: the pack's row is the same row.
    expect(readFileSync(join(zh, "registers/changes.csv"), "utf8")).toContain("文件,换版,HH-F-052,首件检验记录,A/1,A/2,");
  });

  it("withholds in a pack each list item of a document's text that names the other customer, with a note, and indexes for search only what it shows", () => {
    const qp014 = page(pack, "documents/QP-014.html");
    expect(qp014.match(/<li>（此处涉及其他顾客的内容，本资料包中已略去）<\/li>/g)).toHaveLength(3);
    expect(text(page(zh, "documents/QP-014.html"))).toContain("对应东岳CC（▽）和北辰关键特性（K）");
    const search = readFileSync(join(pack, "assets/search-entries.js"), "utf8");
    expect(search).toContain("此处涉及其他顾客的内容，本资料包中已略去");
    expect(search).not.toContain("北辰");
    // The CSR matrix judges DYA-001's link to QP-014 5.2 on the text it was pinned to, not the text shown: not suspect.
    expect(readFileSync(join(pack, "registers/csr-matrix.csv"), "utf8")).toMatch(/\nDYA-001,[^\n]*,QP-014,5\.2 符号转换,A\/1,特殊特性管理程序,未确认,/);
  });

  it("gives in a pack no clause coverage counted from its documents, says on the dashboard what it holds, and lists findings as what is due without csr commands", () => {
    expect(existsSync(join(pack, "coverage.html"))).toBe(false);
    expect(existsSync(join(pack, "lists/clauses-without-procedure-IATF16949.html"))).toBe(false);
    const dashboard = text(page(pack, "index.html"));
    expect(dashboard).toContain("之后提交的内容不计入。 本资料包仅含与顾客 DYA 相关的 10 份文件（落实其要求、为其投诉修订或向其通知更改的文件），不是整个质量管理体系：不给出条款覆盖；发现项按待办事项列出。");
    expect(dashboard).not.toContain("无程序文件对应的条款");
    // The panels' notes are worded for the customer's auditor, who runs no csr command: the year-end panel's, and its list's.
    expect(dashboard).toContain("本组织没有规定外来文件的核对周期：无从计算哪些外来文件和顾客文件到期待核对，“—”不表示没有。");
    expect(text(page(pack, "lists/external-check-due.html"))).toContain("本组织没有规定外来文件的核对周期");
    for (const file of ["index.html", "lists/external-check-due.html"]) expect(page(pack, file)).not.toMatch(/csr (organisation|distribute|implement|source)/);
    expect(page(pack, "index.html")).not.toContain("coverage.html");
    expect(text(page(pack, "registers/clauses-IATF16949.html"))).toContain("本资料包仅含与顾客 DYA 相关的 10 份文件：条款覆盖只按这些文件计算，不是整个质量管理体系的覆盖。");
    expect(text(page(pack, "registers/clauses-xref.html"))).toContain("本资料包仅含与顾客 DYA 相关的 10 份文件");
    expect(existsSync(join(zh, "coverage.html"))).toBe(true);
    expect(text(page(zh, "index.html"))).not.toContain("本资料包");
    const findings = text(page(pack, "findings.html"));
    expect(findings).toContain("csr/late-for-customer csr/DYA/DYA-002.yaml:80:16 DYA-002（2026-04-20 导入生产，晚于 2026-04-01 12 个工作日）：须记录延误原因；责任人/部门 张丽 ");
    expect(findings).not.toMatch(/用 ?&#x27;csr|csr [a-z-]+ --/);
    expect(text(page(zh, "findings.html"))).toContain("--late-reason");
    expect(text(page(pack, "documents/QP-013.html"))).toContain("（审核包中不显示提交说明）");
    expect(text(page(pack, "documents/QP-013.html"))).not.toContain(" initial ");
  });

  it("leaves out of a pack of a past day the other customer's drafts as committed then and its commit messages", () => {
    const past = copyFixture("examples/acme-auto");
    gitInit(past);
    // The one commit, dated before the pack's day, names the other customer's requirement in its message.
    git(past, ["commit", "-q", "--amend", "-m", "北辰 BCM-004 标签格式"], { GIT_AUTHOR_DATE: "2026-12-01T10:00:00+08:00", GIT_COMMITTER_DATE: "2026-12-01T10:00:00+08:00" });
    const out = join(tempDir(), "site");
    const run = csr(["-C", past, "site", "--out", out, "--today", "2026-12-03", "--customer", "DYA"], { lang: "zh-CN" });
    expect(run.code, run.stderr).toBe(0);
    // WI-011-01 is the other customer's draft: the register of unreleased documents of that day lists it in the whole site only.
    expect(filesUnder(out).filter((file) => /BCM-|WI-011-01/.test(readFileSync(join(out, file), "utf8")))).toEqual([]);
  });

  it("refuses a customer the repository does not have, naming those it has", () => {
    const run = csr(["-C", acme, "site", "--out", join(tempDir(), "site"), "--customer", "XYZ"], { lang: null });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--customer：未知顾客 'XYZ'；顾客有：BCM 北辰汽车集团有限公司、DYA 东岳汽车股份有限公司。");
  });

  // DYA-002 was decided before DYA-SQM D took effect on Wednesday 2026-04-01: overdue from that day, the working days in [2026-04-01, 2026-12-06].
  it("names under 责任人/部门 of a training the departments whose people still owe it, not 生产部 whose one person was trained", () => {
    expect(text(page(zh, "lists/csr-training-overdue.html"))).toContain(
      "1 BCM-004 零件标签采用北辰统一二维码格式 来源文件版本 A 的培训 2026-11-17 13 品质部、市场部、技术部 2 DYA-002 顾客投诉的围堵和8D报告时限 来源文件版本 D 的培训 2026-04-01 165 品质部、技术部、市场部 ",
    );
    expect(text(page(en, "lists/csr-training-overdue.html"))).toContain("Training on source revision D 2026-04-01 165 Quality Assurance, Engineering, Marketing &amp; Sales ");
  });

  it("heads a page's findings as what is to be done, by when and by whom, the rule id last as a small link to the findings page", () => {
    const html = page(zh, "csr/DYA-002.html");
    expect(text(html)).toContain(
      "待处理的事项（2） 严重程度 待办事项 期限 责任人/部门 规则 警告 DYA-002（2026-04-20 导入生产，晚于 2026-04-01 12 个工作日）：须记录延误原因 张丽 csr/late-for-customer 警告 来源文件版本 D 的培训 2026-04-01 品质部、技术部、市场部 csr/training-overdue 最后一栏的规则编号供维护记录的人员使用：点击可在发现项页面查看检查的原始消息和处理方法。",
    );
    expect(html).toContain('<td class="code site-rule"><a href="../findings.html">csr/late-for-customer</a></td>');
    expect(html).not.toContain("csr check 发现的问题");
    expect(text(page(en, "customers/DYA.html"))).toContain("Open items (4) Severity Concerns What is due Due Responsible Rule warning DYA-002 DYA-002 (in production 2026-04-20, 12 working days after 2026-04-01): the reason for the delay is to be recorded Zhang Li csr/late-for-customer ");
  });
});

/** Every file under `dir`, by its '/'-separated path. */
function filesUnder(dir: string, under = dir): string[] {
  return readdirSync(under).flatMap((name) => {
    const path = join(under, name);
    return statSync(path).isDirectory() ? filesUnder(dir, path) : [relative(dir, path).split("\\").join("/")];
  });
}
