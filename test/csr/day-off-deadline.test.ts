/**
 * One notion of an overdue CSR review (IATF 16949 7.5.3.2.2: within ten working days of receipt): the deadline is
 * counted in working days, and whether it has passed is read on the calendar (model/calendar.ts workdaysOverdue,
 * model/review-timeliness.ts pastDeadline). A CSR decided on the Saturday after a Friday deadline was decided late,
 * by 1 working day, as an auditor reading 到期 2026-12-04 / 决定 2026-12-05 concludes; one undecided that Saturday is
 * overdue in every output — csr check, csr show, the CSR list, the review register, the matrix, the review report,
 * management review (rows 4 and 8 alike) and the site. One decided on the deadline day is on time. A controlled copy
 * taken back on that Saturday is still back in time: a recall is counted in working days (workdaysLate).
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
  const list = (await rows(dir, "BCM-005", "list", "csr")).map((r) => r["期限说明"] ?? "");
  const show = (await run(dir, "show", "BCM-005")).split("\n").filter((l) => l.includes("评审期限"));
  const check = JSON.parse(await run(dir, "check", "--format", "json")) as { findings: { rule: string; file: string; message: string }[] };
  const findings = check.findings.filter((f) => f.rule === "csr/review-late" || f.rule === "doc/recall-overdue").map((f) => `${f.rule} ${f.file}`);
  const copies = (await rows(dir, "QP-011", "list", "distribution")).filter((r) => r["版本/版次"] === "A/1").map((r) => [r["受控号"], r["应回收日期"], r["回收日期"], r["状态"], r["备注"]]);
  return { review, matrix, list, show, findings, copies };
}

// Copies 4 and 5 (采购物流部's), still out on Tuesday, are overdue in every case.
const STILL_OUT = [
  ["4", "2026-12-04", "", "回收逾期", ""],
  ["5", "2026-12-04", "", "回收逾期", ""],
];
const RECALL_FINDINGS = ["doc/recall-overdue documents/procedures/QP-011.yaml", "doc/recall-overdue documents/procedures/QP-011.yaml"];

describe("a review due on a Friday, decided on the Friday, the Saturday or the Monday after", () => {
  it("is on time decided on the deadline day", async () => {
    expect(await outputs(repo("2026-12-04", "2026-12-04"))).toEqual({
      review: [["2026-12-04", "2026-12-04", "10", "按期"]],
      matrix: ["按期"],
      list: [""],
      show: ["  评审期限        2026-12-04；2026-12-04 作出结论"],
      findings: RECALL_FINDINGS,
      copies: [["3", "2026-12-04", "2026-12-04", "已回收", ""], ...STILL_OUT],
    });
  });

  it("is late by 1 working day decided on the Saturday after, everywhere; a copy taken back that Saturday is back in time", async () => {
    expect(await outputs(repo("2026-12-05", "2026-12-05"))).toEqual({
      review: [["2026-12-04", "2026-12-05", "10", "逾期 1 个工作日"]],
      matrix: ["逾期 1 个工作日"],
      list: ["逾期 1 个工作日作出结论"],
      show: ["  评审期限        2026-12-04；2026-12-05 作出结论，逾期 1 个工作日"],
      findings: ["csr/review-late csr/BCM/BCM-005.yaml", ...RECALL_FINDINGS],
      copies: [["3", "2026-12-04", "2026-12-05", "已回收", ""], ...STILL_OUT],
    });
  });

  it("is late by 1 working day on the Monday, never by 0", async () => {
    expect(await outputs(repo("2026-12-07", "2026-12-07"))).toEqual({
      review: [["2026-12-04", "2026-12-07", "11", "逾期 1 个工作日"]],
      matrix: ["逾期 1 个工作日"],
      list: ["逾期 1 个工作日作出结论"],
      show: ["  评审期限        2026-12-04；2026-12-07 作出结论，逾期 1 个工作日"],
      findings: ["csr/review-late csr/BCM/BCM-005.yaml", ...RECALL_FINDINGS],
      copies: [["3", "2026-12-04", "2026-12-07", "已回收", "逾期 1 个工作日回收"], ...STILL_OUT],
    });
  });
});

/**
 * BCM-005 of acme-auto, received Friday 2026-11-20 and due Friday 2026-12-04, still undecided. From the Saturday after
 * it is overdue, by 1 working day until Monday: every output says so, and none "今天到期" (due today), "0 working days
 * left" or 未到期 (not yet due) of a deadline of the day before (tester60 J6, tester71 Q9).
 */
describe("an undecided review on the Saturday after its Friday deadline", () => {
  const SATURDAY = "2026-12-05";

  function acme(): string {
    const dir = tempDir();
    cpSync(join(ROOT, "examples", "acme-auto"), dir, { recursive: true });
    return gitInit(dir);
  }

  async function at(dir: string, today: string, lang: "zh-CN" | "en", ...args: string[]): Promise<string> {
    const result = await csrInProcess(["-C", dir, ...args, "--today", today], { lang });
    return result.stdout;
  }

  it("is overdue in csr check (an error), csr show, the CSR list, the review register, the matrix, the review report and management review", async () => {
    const dir = acme();
    const finding = async (lang: "zh-CN" | "en") =>
      (JSON.parse(await at(dir, SATURDAY, lang, "check", "--format", "json")) as { findings: { rule: string; file: string; severity: string; message: string }[] }).findings
        .filter((f) => f.file === "csr/BCM/BCM-005.yaml")
        .map((f) => `${f.severity} ${f.rule} ${f.message}`);
    const csv = async (...args: string[]) => (await at(dir, SATURDAY, "zh-CN", ...args, "--format", "csv")).trim().split(/\r?\n/);
    const cell = async (column: string, ...args: string[]) => {
      const [header, ...lines] = await csv(...args);
      const index = header!.replace(/^\uFEFF/, "").split(",").indexOf(column);
      return lines.filter((l) => l.split(",").includes("BCM-005")).map((l) => l.split(",")[index]);
    };
    const management = async (lang: "zh-CN" | "en") =>
      (JSON.parse(await at(dir, SATURDAY, lang, "list", "management-review", "--format", "json")) as { rows: { item: string; value: string | number; detail: string }[] }).rows
        .filter((r) => ["其中逾期（轮，含逾期未决定）", "评审及时率", "其中已逾期", "of which late (incl. overdue undecided)", "Review timeliness rate", "of which overdue"].includes(r.item))
        .map((r) => `${r.item}: ${r.value} ${r.detail}`);
    const out = join(tempDir(), "out");
    await at(dir, SATURDAY, "zh-CN", "render", "BCM-005", "--format", "md", "--out", out);
    const report = readFileSync(join(out, "BCM-005.review.zh-CN.md"), "utf8");
    expect({
      check: await finding("zh-CN"),
      checkEn: await finding("en"),
      show: (await at(dir, SATURDAY, "zh-CN", "show", "BCM-005")).split("\n").filter((l) => l.includes("评审期限")),
      showEn: (await at(dir, SATURDAY, "en", "show", "BCM-005")).split("\n").filter((l) => l.includes("Review due")),
      list: await cell("剩余工作日", "list", "csr"),
      // No row needs 期限说明 that day: no decision was taken late.
      listNote: (await csv("list", "csr"))[0]!.includes("期限说明"),
      overdueOnly: (await at(dir, SATURDAY, "zh-CN", "list", "csr", "--overdue", "--format", "csv")).includes(",BCM-005,"),
      reviews: await cell("及时性", "list", "reviews"),
      matrix: await cell("及时性", "matrix", "csr"),
      report: report.split("\n").filter((l) => l.includes("及时性")),
      // Row 4 (rounds late, open ones past the deadline included) and row 8 (undecided past the deadline) agree.
      management: await management("zh-CN"),
      managementEn: await management("en"),
    }).toEqual({
      check: ["error csr/review-overdue BCM-005 的评审已逾期：2026-11-20 接收，应于 2026-12-04 前完成（10 个工作日），已超期 1 个工作日；请用 'csr review BCM-005' 记录缺少的意见和评审结论。"],
      checkEn: ["error csr/review-overdue The review of BCM-005 is overdue: received on 2026-11-20, it was due on 2026-12-04 (10 working days) and is 1 working day late; record the missing opinions and the decision with 'csr review BCM-005'."],
      show: ["  评审期限        2026-12-04，已逾期 1 个工作日"],
      showEn: ["  Review due      2026-12-04, overdue by 1 working day"],
      list: ["-1"],
      listNote: false,
      overdueOnly: true,
      reviews: ["逾期未决"],
      matrix: ["逾期未决"],
      report: ["| 评审用时 | 10 个工作日 | 及时性 | 逾期未决 |"],
      management: ["其中逾期（轮，含逾期未决定）: 1 BCM-005", "评审及时率: 83.3% 按期 5/6 轮；尚未到期 1 轮、未作结论即结束 0 轮不计入", "其中已逾期: 1 BCM-005"],
      managementEn: ["of which late (incl. overdue undecided): 1 BCM-005", "Review timeliness rate: 83.3% on time 5/6 rounds; 1 not yet due and 0 ended undecided are not counted", "of which overdue: 1 BCM-005"],
    });
  });

  it("is due today on the Friday, then overdue by 1 working day on the Saturday, the Sunday and the Monday, by 2 on the Tuesday", async () => {
    const dir = acme();
    const show = async (today: string) => (await at(dir, today, "zh-CN", "show", "BCM-005")).split("\n").filter((l) => l.includes("评审期限"));
    const check = async (today: string) =>
      (JSON.parse(await at(dir, today, "zh-CN", "check", "--format", "json")) as { findings: { rule: string; file: string }[] }).findings.filter((f) => f.file === "csr/BCM/BCM-005.yaml").map((f) => f.rule);
    expect(await Promise.all(["2026-12-04", "2026-12-05", "2026-12-06", "2026-12-07", "2026-12-08"].map(async (day) => [day, ...(await show(day)), ...(await check(day))]))).toEqual([
      ["2026-12-04", "  评审期限        2026-12-04，今天到期", "csr/review-due-soon"],
      ["2026-12-05", "  评审期限        2026-12-04，已逾期 1 个工作日", "csr/review-overdue"],
      ["2026-12-06", "  评审期限        2026-12-04，已逾期 1 个工作日", "csr/review-overdue"],
      ["2026-12-07", "  评审期限        2026-12-04，已逾期 1 个工作日", "csr/review-overdue"],
      ["2026-12-08", "  评审期限        2026-12-04，已逾期 2 个工作日", "csr/review-overdue"],
    ]);
  });

  it("counts as late in the summary under a period's review register and in its timeliness rate, not as awaiting decision", async () => {
    const dir = acme();
    const summary = async (lang: "zh-CN" | "en", today: string) => (await at(dir, today, lang, "list", "reviews", "--from", "2026-01-01")).split("\n").filter((l) => l.startsWith("2026-01-01") || l.startsWith("Review rounds started"));
    expect([await summary("zh-CN", SATURDAY), await summary("en", SATURDAY), await summary("zh-CN", "2026-12-04")]).toEqual([
      ["2026-01-01 至 2026-12-05 期间起算的评审 7 轮：按期 5 轮，逾期 1 轮（BCM-005）；另有尚未到期 1 轮，不计入及时率；评审及时率 83.3%（5/6）。"],
      ["Review rounds started 2026-01-01 to 2026-12-05: 7; on time 5, late 1 (BCM-005); besides, 1 not yet due, not counted in the rate; review timeliness rate 83.3% (5/6)."],
      ["2026-01-01 至 2026-12-04 期间起算的评审 7 轮：按期 5 轮，逾期 0 轮；另有尚未到期 2 轮，不计入及时率；评审及时率 100%（5/5）。"],
    ]);
  });

  it("is overdue on the site: the CSR's page, the dashboard's overdue box and list, the findings, not among the reviews due soon", async () => {
    const dir = acme();
    const out = join(tempDir(), "site");
    await at(dir, SATURDAY, "zh-CN", "site", "--out", out);
    const text = (path: string) => readFileSync(join(out, path), "utf8").replace(/<[^>]+>/g, "");
    expect({
      page: text("csr/BCM-005.html").split("\n").filter((l) => l.includes("评审期限") || l.includes("及时性")),
      soon: text("lists/reviews-due-soon.html").split("\n").filter((l) => l.includes("BCM-005")),
      overdue: text("lists/reviews-overdue.html").split("\n").filter((l) => l.includes("BCM-005")),
      // The review boxes (the complaints panel's box of 8D steps due within two working days counts steps, not reviews).
      boxes: text("index.html").split("\n").filter((l) => (l.includes("个工作日内到期") && !l.includes("8D 步骤")) || l.includes("评审中逾期") || l.includes("逾期的评审轮次")),
      findings: ["csr/BCM-005.html", "customers/BCM.html"].map((page) => text(page).split("\n").filter((l) => l.includes("csr/review-overdue"))),
    }).toEqual({
      page: ["评审期限2026-12-04决定日期", "评审用时10 个工作日及时性逾期未决", "状态：已接收顾客：BCM 北辰汽车集团有限公司评审期限：2026-12-04（已逾期 1 个工作日）未会签部门：市场部、品质部、技术部、生产部"],
      soon: [],
      overdue: ["1BCM-005北辰汽车集团有限公司特殊过程每年按北辰评估表自评并提交结果2026-11-202026-12-04-1市场部、品质部、技术部、生产部"],
      // BCM-005 is the review overdue; DYA-007 (due 2026-12-08) the one due soon.
      boxes: ["1 2 个工作日内到期", "1 评审中逾期", "1 逾期的评审轮次（含历次，同评审及时性记录）"],
      findings: [
        ["错误评审未完成：缺少市场部、品质部、技术部、生产部的会签意见，尚未作出结论2026-12-04市场部、品质部、技术部、生产部csr/review-overdue"],
        ["错误BCM-005评审未完成：缺少市场部、品质部、技术部、生产部的会签意见，尚未作出结论2026-12-04市场部、品质部、技术部、生产部csr/review-overdue"],
      ],
    });
  });
});
