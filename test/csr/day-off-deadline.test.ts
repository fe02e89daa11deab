/**
 * One reading of "in time" for every deadline counted in working days (model/calendar.ts
 * workdaysLate; tester49 #13): a CSR decided, or a controlled copy taken back, on the Saturday after
 * a Friday deadline used no working day past it and is in time in every output — the reviews
 * register, the CSR matrix, csr check and the distribution register; on the Monday after, it is late
 * by 1 working day, never by 0 (IATF 16949 7.5.3.2.2: within ten working days).
 */
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { csrInProcess, gitInit, ROOT, tempDir } from "../helpers.js";

const TODAY = "2026-12-08";

/**
 * acme-auto with BCM-005 (received Friday 2026-11-20, due Friday 2026-12-04) decided on `decided`,
 * and QP-011 A/2 released on Friday 2026-11-27, so that copy 3 of A/1 (due back Friday 2026-12-04)
 * was taken back on `recalled`; copy 4 stays out.
 */
function repo(decided: string, recalled: string): string {
  const dir = tempDir();
  cpSync(join(ROOT, "examples", "acme-auto"), dir, { recursive: true });
  const csrFile = join(dir, "csr", "BCM", "BCM-005.yaml");
  const opinion = (department: string, reviewer: string) => `    - {department: ${department}, reviewer: ${reviewer}, opinion: accept, date: 2026-12-04}\n`;
  const review = `review:\n  opinions:\n${opinion("MKT", "sunwei")}${opinion("QA", "zhangli")}${opinion("ENG", "zhoupeng")}${opinion("PRD", "huangjun")}  decision: {disposition: must, by: xuht, date: ${decided}}\n`;
  writeFileSync(csrFile, readFileSync(csrFile, "utf8").replace(/\n*$/, "\n") + review);
  const docFile = join(dir, "documents", "procedures", "QP-011.yaml");
  const released = "  - version: A/2\n    date: 2026-11-27\n    summary: 追溯演练结果报品质部\n    pages: P3\n    prepared: {by: huangjun, date: 2026-11-27}\n    reviewed: {by: zhangli, date: 2026-11-27}\n    approved: {by: xuht, date: 2026-11-27}\n";
  let doc = readFileSync(docFile, "utf8").replace("effective: 2025-12-15", "effective: 2026-11-27");
  doc = doc.replace(/(revisions:\n(?:  .*\n|    .*\n)*)/, (block) => block + released);
  doc = doc.replace("date: 2025-12-15}\n  - {copy: 4", `date: 2025-12-15, recalled: ${recalled}, returned_by: huangjun, received_by: chenjing}\n  - {copy: 4`);
  writeFileSync(docFile, doc);
  return gitInit(dir);
}

async function run(dir: string, ...args: string[]): Promise<string> {
  const result = await csrInProcess(["-C", dir, ...args, "--today", TODAY], { lang: "zh-CN" });
  return result.stdout;
}

/** The rows of a CSV output that have a cell `cell`, each by its column headers. */
async function rows(dir: string, cell: string, ...args: string[]): Promise<Record<string, string>[]> {
  const [header, ...lines] = (await run(dir, ...args, "--format", "csv")).trim().split(/\r?\n/);
  const columns = header!.replace(/^\uFEFF/, "").split(",");
  return lines.filter((l) => l.split(",").includes(cell)).map((l) => Object.fromEntries(l.split(",").map((v, i) => [columns[i], v])));
}

async function outputs(dir: string) {
  const review = (await rows(dir, "BCM-005", "list", "reviews")).map((r) => [r["评审期限"], r["决定日期"], r["用时（工作日）"], r["及时性"]]);
  const matrix = (await rows(dir, "BCM-005", "matrix", "csr")).map((r) => r["及时性"]);
  const check = JSON.parse(await run(dir, "check", "--format", "json")) as { findings: { rule: string; file: string; message: string }[] };
  const findings = check.findings.filter((f) => f.rule === "csr/review-late" || f.rule === "doc/recall-overdue").map((f) => `${f.rule} ${f.file}`);
  const copies = (await rows(dir, "QP-011", "list", "distribution")).filter((r) => r["版本/版次"] === "A/1").map((r) => [r["受控号"], r["应回收日期"], r["回收日期"], r["状态"], r["备注"]]);
  return { review, matrix, findings, copies };
}

describe("a deadline on a Friday, met on the Saturday or the Monday after", () => {
  it("is in time on the Saturday everywhere: no working day went by after the deadline", async () => {
    expect(await outputs(repo("2026-12-05", "2026-12-05"))).toEqual({
      review: [["2026-12-04", "2026-12-05", "10", "按期"]],
      matrix: ["按期"],
      // Copies 4 and 5 (采购物流部's), still out on Tuesday, are overdue; BCM-005 has no csr/review-late.
      findings: ["doc/recall-overdue documents/procedures/QP-011.yaml", "doc/recall-overdue documents/procedures/QP-011.yaml"],
      copies: [
        ["3", "2026-12-04", "2026-12-05", "已回收", ""],
        ["4", "2026-12-04", "", "回收逾期", ""],
        ["5", "2026-12-04", "", "回收逾期", ""],
      ],
    });
  });

  it("is late by 1 working day on the Monday, never by 0", async () => {
    expect(await outputs(repo("2026-12-07", "2026-12-07"))).toEqual({
      review: [["2026-12-04", "2026-12-07", "11", "逾期 1 个工作日"]],
      matrix: ["逾期 1 个工作日"],
      findings: ["csr/review-late csr/BCM/BCM-005.yaml", "doc/recall-overdue documents/procedures/QP-011.yaml", "doc/recall-overdue documents/procedures/QP-011.yaml"],
      copies: [
        ["3", "2026-12-04", "2026-12-07", "已回收", "逾期 1 个工作日回收"],
        ["4", "2026-12-04", "", "回收逾期", ""],
        ["5", "2026-12-04", "", "回收逾期", ""],
      ],
    });
  });
});

/**
 * BCM-005 of acme-auto, received Friday 2026-11-20 and due Friday 2026-12-04, still undecided. On the
 * Saturday after, no working day is left and none has passed since the deadline: a decision before
 * Monday is in time (workdaysLate), but "今天到期" (due today), "0 working days left" or 未到期 (not yet
 * due) misread a deadline of the day before. Every output words it one way.
 */
describe("an undecided review on the Saturday after its Friday deadline", () => {
  const SATURDAY = "2026-12-05";
  const PASSED = "已到期（截止 2026-12-04 周五），尚未逾期：下一个工作日 2026-12-07 起即逾期，须在此之前决定";
  const PASSED_EN = "past due (deadline Friday 2026-12-04) but not yet late: late from the next working day, 2026-12-07, so decide before it";

  function acme(): string {
    const dir = tempDir();
    cpSync(join(ROOT, "examples", "acme-auto"), dir, { recursive: true });
    return gitInit(dir);
  }

  async function at(dir: string, today: string, lang: "zh-CN" | "en", ...args: string[]): Promise<string> {
    const result = await csrInProcess(["-C", dir, ...args, "--today", today], { lang });
    return result.stdout;
  }

  it("is past due yet in time in csr check, csr show, the CSR list, the review register, the matrix and the review report", async () => {
    const dir = acme();
    const finding = async (lang: "zh-CN" | "en") =>
      (JSON.parse(await at(dir, SATURDAY, lang, "check", "--format", "json")) as { findings: { rule: string; file: string; severity: string; message: string }[] }).findings
        .filter((f) => f.file === "csr/BCM/BCM-005.yaml")
        .map((f) => `${f.severity} ${f.rule} ${f.message}`);
    const cell = async (column: string, ...args: string[]) => {
      const [header, ...lines] = (await at(dir, SATURDAY, "zh-CN", ...args, "--format", "csv")).trim().split(/\r?\n/);
      const index = header!.replace(/^\uFEFF/, "").split(",").indexOf(column);
      return lines.filter((l) => l.split(",").includes("BCM-005")).map((l) => l.split(",")[index]);
    };
    const out = join(tempDir(), "out");
    await at(dir, SATURDAY, "zh-CN", "render", "BCM-005", "--format", "md", "--out", out);
    const report = readFileSync(join(out, "BCM-005.review.zh-CN.md"), "utf8");
    expect({
      check: await finding("zh-CN"),
      checkEn: await finding("en"),
      show: (await at(dir, SATURDAY, "zh-CN", "show", "BCM-005")).split("\n").filter((l) => l.includes("评审期限")),
      showEn: (await at(dir, SATURDAY, "en", "show", "BCM-005")).split("\n").filter((l) => l.includes("Review due")),
      // 剩余工作日 a number, its words in 期限说明 beside it (aud68 A5).
      list: await cell("剩余工作日", "list", "csr"),
      listNote: await cell("期限说明", "list", "csr"),
      reviews: await cell("及时性", "list", "reviews"),
      matrix: await cell("及时性", "matrix", "csr"),
      report: report.split("\n").filter((l) => l.includes("及时性")),
    }).toEqual({
      check: [`warning csr/review-due-soon BCM-005（2026-11-20 接收）的评审${PASSED}；请用 'csr review BCM-005' 记录缺少的意见和评审结论。`],
      checkEn: [`warning csr/review-due-soon The review of BCM-005 (received on 2026-11-20) is ${PASSED_EN}; record the missing opinions and the decision with 'csr review BCM-005'.`],
      show: [`  评审期限        ${PASSED}`],
      showEn: [`  Review due      ${PASSED_EN}`],
      list: ["0"],
      listNote: [PASSED],
      reviews: [PASSED],
      matrix: [PASSED],
      report: [`| 评审用时 | 10 个工作日 | 及时性 | ${PASSED} |`],
    });
  });

  it("is due today on the Friday and overdue by 1 working day on the Monday, as before", async () => {
    const dir = acme();
    const show = async (today: string) => (await at(dir, today, "zh-CN", "show", "BCM-005")).split("\n").filter((l) => l.includes("评审期限"));
    expect([await show("2026-12-04"), await show("2026-12-06"), await show("2026-12-07")]).toEqual([
      ["  评审期限        2026-12-04，今天到期"],
      [`  评审期限        ${PASSED}`],
      ["  评审期限        2026-12-04，已逾期 1 个工作日"],
    ]);
  });

  it("is counted as awaiting decision, past due yet in time, in the summary under a period's review register, not as not yet due (tester60 J6)", async () => {
    const dir = acme();
    const summary = async (lang: "zh-CN" | "en", today: string) => (await at(dir, today, lang, "list", "reviews", "--from", "2026-01-01")).split("\n").filter((l) => l.startsWith("2026-01-01") || l.startsWith("Review rounds started"));
    expect([await summary("zh-CN", SATURDAY), await summary("en", SATURDAY), await summary("zh-CN", "2026-12-03")]).toEqual([
      ["2026-01-01 至 2026-12-05 期间起算的评审 7 轮：按期 5 轮，逾期 0 轮；另有待决定 2 轮（其中 1 轮已到期，尚未逾期：下一个工作日起即逾期），不计入及时率；评审及时率 100%（5/5）。"],
      ["Review rounds started 2026-01-01 to 2026-12-05: 7; on time 5, late 0; besides, 2 awaiting decision (1 of them past due but not yet late: late from the next working day), not counted in the rate; review timeliness rate 100% (5/5)."],
      ["2026-01-01 至 2026-12-03 期间起算的评审 7 轮：按期 5 轮，逾期 0 轮；另有尚未到期 2 轮，不计入及时率；评审及时率 100%（5/5）。"],
    ]);
  });

  it("is past due yet in time on the site's CSR page, in its review report and in a dashboard box of its own, not among the reviews due soon (tester60 J6)", async () => {
    const dir = acme();
    const out = join(tempDir(), "site");
    await at(dir, SATURDAY, "zh-CN", "site", "--out", out);
    const text = (path: string) => readFileSync(join(out, path), "utf8").replace(/<[^>]+>/g, "");
    expect({
      page: text("csr/BCM-005.html").split("\n").filter((l) => l.includes("评审期限") || l.includes("及时性")),
      soon: text("lists/reviews-due-soon.html").split("\n").filter((l) => l.includes("BCM-005")),
      pastDue: text("lists/reviews-past-due-in-time.html").split("\n").filter((l) => l.includes("BCM-005")),
      boxes: text("index.html").split("\n").filter((l) => l.includes("个工作日内到期") || l.includes("起即逾期")),
      // The findings of the CSR's and its customer's page: the 期限 passed is said to be in time, not left to read as overdue (breaker60 K9).
      findings: ["csr/BCM-005.html", "customers/BCM.html"].map((page) => text(page).split("\n").filter((l) => l.includes("csr/review-due-soon"))),
    }).toEqual({
      page: ["评审期限2026-12-04决定日期", `评审用时10 个工作日及时性${PASSED}`, `状态：已接收顾客：BCM 北辰汽车集团有限公司评审期限：${PASSED}未会签部门：市场部、品质部、技术部、生产部`],
      soon: [],
      pastDue: [`1BCM-005北辰汽车集团有限公司特殊过程每年按北辰评估表自评并提交结果2026-11-202026-12-040${PASSED}市场部、品质部、技术部、生产部`],
      boxes: ["1 2 个工作日内到期", "1 已到期，尚未逾期：2026-12-07（下一个工作日）起即逾期"],
      findings: [
        [`警告评审未完成：缺少市场部、品质部、技术部、生产部的会签意见，尚未作出结论；${PASSED}2026-12-04市场部、品质部、技术部、生产部csr/review-due-soon`],
        [`警告BCM-005评审未完成：缺少市场部、品质部、技术部、生产部的会签意见，尚未作出结论；${PASSED}2026-12-04市场部、品质部、技术部、生产部csr/review-due-soon`],
      ],
    });
  });
});
