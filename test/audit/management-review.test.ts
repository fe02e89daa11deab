/**
 * `csr list management-review`: the management review inputs of a period on one page (tester60 J9; IATF
 * 16949 9.3.2.1), from the built binary on a copy of examples/acme-auto in a real git repository, with
 * two periodic reviews recorded by csr: QP-003 继续有效 on 2026-12-03, QP-010 拟作废 on 2026-11-26. Each
 * figure is checked against the detailed register that lists its rows for the same period. The records
 * the registers start from are written by csr in the test's process (csrInProcess): what is checked is
 * what the registers print, not the commands that wrote them.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { builtOnce, checkJsonInProcess, copyFixture, csr, csrInProcess, gitInit, tempDir, withoutAudits } from "../helpers.js";

const acme = builtOnce(async () => {
  const dir = gitInit(withoutAudits(copyFixture("examples/acme-auto")));
  for (const args of [
    ["periodic-review", "QP-003", "--by", "王建国", "--date", "2026-12-03", "--comment", "仍然适用", "--commit"],
    ["periodic-review", "QP-010", "--by", "张丽", "--date", "2026-11-26", "--result", "withdraw", "--comment", "并入QP-009", "--commit"],
  ]) {
    const result = await csrInProcess(["-C", dir, ...args], { lang: "zh-CN" });
    if (result.code !== 0) throw new Error(result.stderr);
  }
  return dir;
});

interface Json {
  title: string;
  rows: Record<string, string | number | null>[];
}

/** `csr list <args> --format json`, in English, which must succeed: on the built binary (the first run of each list's JSON path here). */
function json(dir: string, ...args: string[]): Json {
  const result = csr(["-C", dir, "list", ...args, "--format", "json"]);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as Json;
}

/** `json` in the test's process (csrInProcess): the variations of a list whose output the binary's run above proves. */
async function jsonIn(dir: string, ...args: string[]): Promise<Json> {
  const result = await csrInProcess(["-C", dir, "list", ...args, "--format", "json"]);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as Json;
}

/** The management review's row whose 指标 is `item` (there must be one). */
function row(table: Json, item: string): Record<string, string | number | null> {
  const rows = table.rows.filter((r) => r.item === item);
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

describe("csr list management-review", () => {
  it("prints the calendar year to --today on one page, in Chinese", async () => {
    const dir = await acme();
    const result = csr(["-C", dir, "list", "management-review", "--from", "2026-01-01", "--today", "2026-12-05"], { lang: "zh-CN" });
    // How to list the rows behind the figures is for the one who runs the command: on stderr, not on the page.
    expect(result.stderr).toBe("明细：csr list reviews、csr list periodic-reviews、csr list distribution、csr list audits 加 --from 2026-01-01 --to 2026-12-05；csr list periodic-reviews --due-by 2026-12-05；csr list processes --today 2026-12-05；csr list audit-programme --today 2026-12-05；csr list training；csr list actions；csr changes 2026-01-01 2026-12-05。\n");
    expect(result.code).toBe(0);
    expect(result.stdout.split("\n")).toEqual(EXPECTED_ZH);
  });

  it("gives for a period the figures the detailed registers give for it (2026, as of 2027-01-05)", async () => {
    const dir = await acme();
    const period = ["--from", "2026-01-01", "--to", "2026-12-31", "--today", "2027-01-05"];
    const review = json(dir, "management-review", ...period);
    expect(review.title).toBe("Management review inputs (2026-01-01 to 2026-12-31)");

    // Review rounds started in the period: the review-timeliness register of the same period, row by row.
    const rounds = json(dir, "reviews", ...period).rows;
    expect(rounds).toHaveLength(7);
    expect(row(review, "Review rounds started in the period").value).toBe(rounds.length);
    expect(row(review, "of which decided on time").value).toBe(rounds.filter((r) => r.verdict === "on time").length);
    const late = rounds.filter((r) => r.verdict !== "on time");
    expect(row(review, "of which late (incl. overdue undecided)")).toMatchObject({ value: late.length, detail: late.map((r) => r.id).join(", ") });
    expect(row(review, "Review timeliness rate").value).toBe("71.4%");
    expect(row(review, "Reviews undecided on 2026-12-31")).toMatchObject({ value: 2, detail: "BCM-005, DYA-007" });
    expect(row(review, "of which overdue")).toMatchObject({ value: 2, detail: "BCM-005, DYA-007" });

    // Implementations past their deadline: what csr/implementation-overdue reports on the period's last day.
    const findings = (await checkJsonInProcess(dir, "--today", "2026-12-31")).findings.filter((f) => f.rule === "csr/implementation-overdue");
    expect(findings).toHaveLength(2);
    expect(row(review, "of which past their implementation deadline").value).toBe(findings.length);
    expect(row(review, "CSRs to be met not implemented on 2026-12-31")).toMatchObject({ value: 3, detail: "BCM-004, DYA-004, DYA-006" });

    // Periodic reviews made in the period, and their conclusions: the periodic review record of the period.
    const periodic = json(dir, "periodic-reviews", ...period).rows;
    expect(periodic.map((r) => [r.id, r.result])).toEqual([
      ["QP-010", "withdraw"],
      ["QP-003", "suitable"],
    ]);
    expect(row(review, "Periodic document reviews made in the period").value).toBe(periodic.length);
    expect(row(review, "of which concluded: still suitable")).toMatchObject({ value: 1, detail: "QP-003" });
    expect(row(review, "of which concluded: to be revised").value).toBe(0);
    expect(row(review, "of which concluded: to be withdrawn")).toMatchObject({ value: 1, detail: "QP-010" });
    expect(row(review, "Periodic document reviews due and not made on 2026-12-31").value).toBe((await jsonIn(dir, "periodic-reviews", "--due-by", "2026-12-31", "--today", "2026-12-31")).rows.length);

    // Copies: the distribution register of the period by state.
    expect(row(review, "Controlled copies overdue for recall on 2026-12-31").value).toBe(json(dir, "distribution", "--overdue", ...period).rows.length);
    expect(row(review, "Controlled copies lost in the period").value).toBe((await jsonIn(dir, "distribution", "--status", "lost", ...period)).rows.length);

    // Training: the people counted as trained are those the training register lists for that revision, and its trainer (张丽).
    const training = json(dir, "training", "--today", "2027-01-05").rows;
    expect(training.filter((r) => r.subject === "BCM-004").map((r) => [r.revision, r.people])).toEqual([["A", "Huang Jun, Wu Yan"]]);
    expect(row(review, "BCM-004 A training completion (as of 2026-12-31)")).toMatchObject({
      value: "3/9 people (33.3%)",
      detail: "not trained: Chen Jing, Zhao Qiang, Sun Wei, Li Na, Zhou Peng, Gao Yang",
    });
    // A record number given on its own says nothing of who was trained: "—", left out of the total, not a 0.
    expect(row(review, "BCM-003 V2.0 training completion (as of 2026-12-31)").value).toBe("—");
    expect(row(review, "Total (3 revisions needing training, as of 2026-12-31)")).toMatchObject({ value: "15/25 people (60%)", detail: "3 more cannot be computed and are not in the total" });
  });

  it("marks a version released in the period to take effect after it with its 实施日期 (breaker61 M10)", async () => {
    const dir = gitInit(withoutAudits(copyFixture("examples/acme-auto")));
    const file = join(dir, "documents/procedures/QP-010.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("适用于硫化、编织、扣压、装配、试验和包装等生产过程。", "适用于硫化、编织、扣压、装配、试验、包装和返工等生产过程。"));
    for (const args of [
      ["submit", "QP-010", "--date", "2026-12-01", "-y"],
      ["release", "QP-010", "--summary", "增加返工", "--total-pages", "2", "--pages", "1", "--prepared", "huangjun", "--reviewed", "zhangli", "--approved", "xuht", "--date", "2026-12-03", "--effective", "2026-12-21", "-y", "--include-changes"],
    ]) {
      const result = await csrInProcess(["-C", dir, ...args], { lang: "zh-CN" });
      expect(result.stderr).not.toMatch(/^csr:/);
      expect(result.code).toBe(0);
    }
    const released = async (today: string) => row(await jsonIn(dir, "management-review", "--from", "2026-01-01", "--today", today), "Document versions released in the period");
    expect(await released("2026-12-05")).toMatchObject({ value: 10, detail: "HH-F-052 A/2, QM-001 B/1, QP-010 A/1, QP-010 A/2 (in force from 2026-12-21), QP-012 A/2, QP-013 A/2, QP-015 A/2, QR-012-02 A/1, QR-013-01 A/1, QR-015-02 A/1" });
    // From its 实施日期 it is practice in force, listed as any other.
    expect(await released("2026-12-21")).toMatchObject({ value: 10, detail: "HH-F-052 A/2, QM-001 B/1, QP-010 A/1, QP-010 A/2, QP-012 A/2, QP-013 A/2, QP-015 A/2, QR-012-02 A/1, QR-013-01 A/1, QR-015-02 A/1" });
  });

  it("takes the calendar year of --to without --from, and counts a period running past --today up to it, saying so (tester60 J7)", async () => {
    const dir = await acme();
    expect((await jsonIn(dir, "management-review", "--to", "2025-12-31", "--today", "2026-12-05")).title).toBe("Management review inputs (2025-01-01 to 2025-12-31)");
    const result = csr(["-C", dir, "list", "management-review", "--to", "2026-12-31", "--today", "2026-12-05", "--format", "json"]);
    expect(result.code).toBe(0);
    const table = JSON.parse(result.stdout) as Json & { notes: string[] };
    expect(table.title).toBe("Management review inputs (2026-01-01 to 2026-12-05, up to today)");
    expect(table.notes[0]).toBe("The period asked for runs to 2026-12-31, which has not ended: this register counts up to today (2026-12-05), the days after it have no records yet; run it again after 2026-12-31 for the whole period.");
    expect(row(table, "Reviews undecided on 2026-12-05")).toMatchObject({ value: 2, detail: "BCM-005, DYA-007" });
    // BCM-005's deadline was Friday 2026-12-04: undecided on the Saturday, it is overdue for management review (tester71 Q9), and late in the rate alike.
    expect(row(table, "of which overdue")).toMatchObject({ value: 1, detail: "BCM-005" });
    expect(row(table, "of which late (incl. overdue undecided)")).toMatchObject({ value: 1, detail: "BCM-005" });
  });
});

/**
 * The corrective action input (breaker64 P9; IATF 16949 9.3.2.1): DYA's complaint 8D-2026-002 received 2026-11-02 and
 * closed 2026-11-20, 8D-2026-003 received 2026-11-16 and open with D3 and D4 past due on 2026-12-05; WI-010-02 A/2
 * released for it on 2026-11-24, DYA's notice due 2026-12-01 and not given; WI-010-01 A/2 released on 2026-11-06 and
 * notified to DYA on 2026-11-20, past its due date 2026-11-13 (DYA-004: 5 working days); C3 audited on 2026-08-01 by 赵强,
 * whose qualification ended on 2026-06-30, one nonconformity raised and its record NC-2026-001 opened.
 */
const withActions = builtOnce(async () => {
  const dir = gitInit(withoutAudits(copyFixture("examples/acme-auto")));
  const file = join(dir, "documents/instructions/WI-010-02.yaml");
  writeFileSync(file, readFileSync(file, "utf8").replace("适用于平板硫化机生产的橡胶密封件。", "适用于平板硫化机生产的橡胶密封件（含O形圈）。"));
  const crimping = join(dir, "documents/instructions/WI-010-01.yaml");
  writeFileSync(crimping, readFileSync(crimping, "utf8").replace("适用于扣压工序所有制动软管总成。", "适用于扣压工序所有制动软管总成（含返修件）。"));
  for (const args of [
    ["release", "WI-010-01", "--summary", "增加返修件", "--total-pages", "1", "--customer-notified", "DYA=2026-11-20", "--prepared", "gaoyang", "--reviewed", "huangjun", "--approved", "zhangli", "--date", "2026-11-06", "-y", "--include-changes"],
    ["action", "open", "--title", "硫化不良", "--customer", "DYA", "--received", "2026-11-02", "--owner", "gaoyang"],
    ...["D3", "D4", "D5", "D6", "D7"].map((step) => ["action", "step", "8D-2026-002", step, "--date", "2026-11-06", "--by", "gaoyang", "--note", "已完成", "-y"]),
    ["action", "close", "8D-2026-002", "--verified-by", "zhangli", "--date", "2026-11-20", "--evidence", "跟踪3批合格", "-y"],
    ["action", "open", "--title", "漏装O形圈", "--customer", "DYA", "--received", "2026-11-16", "--owner", "gaoyang"],
    ["person", "update", "zhaoqiang", "--auditor-since", "2026-01-01", "--auditor-until", "2026-06-30", "--auditor-record", "NS-001", "-y"],
    ["process", "audited", "C3", "--date", "2026-08-01", "--by", "zhaoqiang", "--report", "IA-01", "--nonconformities", "1", "-y"],
    ["action", "open", "--source", "audit", "--process", "C3", "--audit-report", "IA-01", "--title", "首件记录缺签", "--received", "2026-08-02", "--owner", "gaoyang", "--commit"],
    ["release", "WI-010-02", "--summary", "增加O形圈", "--total-pages", "1", "--action", "8D-2026-003", "--prepared", "gaoyang", "--reviewed", "huangjun", "--approved", "zhangli", "--date", "2026-11-24", "-y"],
  ]) {
    const result = await csrInProcess(["-C", dir, ...args], { lang: "zh-CN" });
    if (result.code !== 0) throw new Error(`csr ${args.join(" ")}: ${result.stderr}`);
  }
  return dir;
});

describe("csr list management-review: complaints and corrective actions (breaker64 P9)", () => {
  it("counts the changes notified to a customer late in the period, with the revision, the due date, the day notified and the working days late, in every format (look65 #7)", async () => {
    const dir = await withActions();
    const period = ["--from", "2026-11-01", "--to", "2026-11-30", "--today", "2026-12-05"];
    expect(row(await jsonIn(dir, "management-review", ...period), "Changes notified to the customer late, in the period")).toMatchObject({
      value: 1,
      detail: "WI-010-01 A/2 (DYA, due by 2026-11-13, notified 2026-11-20: 5 working days late)",
      source: "Changes",
    });
    // Notified on 2026-11-20: not in a period that ends before that day.
    expect(row(await jsonIn(dir, "management-review", "--from", "2026-11-01", "--to", "2026-11-19", "--today", "2026-12-05"), "Changes notified to the customer late, in the period")).toMatchObject({ value: 0, detail: "" });
    const text = (await csrInProcess(["-C", dir, "list", "management-review", ...period], { lang: "zh-CN" })).stdout.split("\n");
    expect(text.filter((line) => line.includes("期间逾期通知顾客的更改")).map((line) => line.replace(/ {2,}/g, " | "))).toEqual([
      "19 | 顾客投诉和纠正措施 | 期间逾期通知顾客的更改 | 1 | WI-010-01 A/2（DYA，须于 2026-11-13 前通知，2026-11-20 通知，逾期 5 个工作日） | 变更报告",
    ]);
    const out = tempDir();
    // The workbook from the built binary (csr's --out path, exceljs loaded as a user's run loads it); Markdown and HTML in the worker.
    expect(csr(["-C", dir, "list", "management-review", ...period, "--out", join(out, "review.xlsx")], { lang: "zh-CN" }).code).toBe(0);
    for (const format of ["md", "html"]) expect((await csrInProcess(["-C", dir, "list", "management-review", ...period, "--out", join(out, `review.${format}`)], { lang: "zh-CN" })).code).toBe(0);
    expect(readFileSync(join(out, "review.md"), "utf8")).toContain("| 19 | 顾客投诉和纠正措施 | 期间逾期通知顾客的更改 | 1 | WI-010-01 A/2（DYA，须于 2026-11-13 前通知，2026-11-20 通知，逾期 5 个工作日） | 变更报告 |");
    expect(readFileSync(join(out, "review.html"), "utf8")).toContain(">期间逾期通知顾客的更改</td>");
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(out, "review.xlsx"));
    const sheet = book.worksheets[0]!;
    const found = sheet.getRows(1, sheet.rowCount)!.find((r) => r.getCell(3).value === "期间逾期通知顾客的更改");
    expect((found?.values as unknown[] | undefined)?.slice(1, 7)).toEqual([19, "顾客投诉和纠正措施", "期间逾期通知顾客的更改", 1, "WI-010-01 A/2（DYA，须于 2026-11-13 前通知，2026-11-20 通知，逾期 5 个工作日）", "变更报告"]);
  }, 300_000);

  it("gives the complaints received, the actions closed, open and overdue and the customer notices overdue, with ids, and counts an unqualified audit's nonconformity as its audit", async () => {
    const dir = await withActions();
    const result = csr(["-C", dir, "list", "management-review", "--format", "csv", "--from", "2026-01-01", "--today", "2026-12-05"], { lang: "zh-CN" });
    expect(result.code).toBe(0);
    const rows = result.stdout.replace(/^\uFEFF/, "").split(/\r?\n/).map((line) => line.split(",").slice(1, 6).join(","));
    expect(rows.filter((line) => line.startsWith("顾客投诉和纠正措施,"))).toEqual([
      "顾客投诉和纠正措施,期间收到的顾客投诉和市场失效,3,8D-2026-001（DYA）、8D-2026-002（DYA）、8D-2026-003（DYA）,纠正措施台账",
      "顾客投诉和纠正措施,期间关闭的纠正措施,2,8D-2026-001、8D-2026-002,纠正措施台账",
      "顾客投诉和纠正措施,2026-12-05 未关闭的纠正措施,2,NC-2026-001、8D-2026-003,纠正措施台账",
      "顾客投诉和纠正措施,其中有步骤逾期,1,8D-2026-003（D3、D4）,纠正措施台账",
      "顾客投诉和纠正措施,2026-12-05 逾期未通知顾客的更改,1,WI-010-02 A/2（DYA，须于 2026-12-01 前通知）,变更报告",
      "顾客投诉和纠正措施,期间逾期通知顾客的更改,1,WI-010-01 A/2（DYA，须于 2026-11-13 前通知，2026-11-20 通知，逾期 5 个工作日）,变更报告",
    ]);
    expect(rows.filter((line) => line.startsWith("内部审核,期间"))).toEqual([
      "内部审核,期间完成的内部审核（次）,0,另有 1 次审核员无资格，不计：C3 1 次,内部审核记录",
      "内部审核,期间审核开出的不符合项,0,另有 1 项出自审核员无资格、不计的审核：C3 1 项,内部审核记录",
      "内部审核,期间关闭的内部审核不符合项（纠正措施）,0,,纠正措施台账",
      "内部审核,期间审核员无资格、不计入审核方案的审核,1,C3 IA-01（赵强）,内部审核记录",
      "内部审核,期间审核员审核本部门工作的审核（客观公正存疑）,0,,内部审核记录",
    ]);
    // The audit's nonconformity is followed up by NC-2026-001, open and with no step overdue on 2026-12-05 (IATF 16949 9.2.2.1, last sentence).
    expect(rows.filter((line) => line.startsWith("内部审核,2026-12-05 未关闭") || line.startsWith("内部审核,其中"))).toEqual(["内部审核,2026-12-05 未关闭的内部审核不符合项,1,NC-2026-001,纠正措施台账", "内部审核,其中有步骤逾期的,0,,纠正措施台账"]);
    // The same figures from the register they are counted from, and from csr check.
    const findings = (await checkJsonInProcess(dir, "--today", "2026-12-05")).findings;
    expect(findings.filter((f) => f.rule === "doc/customer-notice-overdue").map((f) => f.file)).toEqual(["documents/instructions/WI-010-02.yaml"]);
    expect(findings.filter((f) => f.rule === "doc/customer-notice-late").map((f) => f.file)).toEqual(["documents/instructions/WI-010-01.yaml"]);
    // csr list audits closes with the same counting as the process list (C3 尚未审核) and the review.
    const audits = csr(["-C", dir, "list", "audits", "--today", "2026-12-05"], { lang: "zh-CN" }).stdout;
    expect(audits).toContain("\n共 1 次审核，其中 1 次审核员无资格、不计；计入的审核了 0 个过程（共 15 个），开出不符合项 0 项；不计的审核另开出 1 项。\n");
    expect((await csrInProcess(["-C", dir, "list", "audits", "--today", "2026-12-05"], { lang: "en" })).stdout).toContain(
      "\n1 audit, 1 by an unqualified auditor and not counted; those counted audited 0 of 15 processes and raised 0 nonconformities; those not counted raised 1 more.\n",
    );
  });
});

const EXPECTED_ZH = [
  "管理评审输入（2026-01-01 至 2026-12-05）",
  "",
  "序号  输入项                  指标                                                                数值               说明                                                                                                                                                                                                            明细见",
  "----  ----------------------  ------------------------------------------------------------------  -----------------  --------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------  ------------------",
  "1     以往管理评审            以往管理评审措施的实施情况（MR-2026，2026-11-20；截至 2026-12-05）  1/4 已完成         已完成 1 项，未到期 3 项，逾期 0 项                                                                                                                                                                             管理评审输出跟踪表",
  "2     顾客特定要求            期间收到的顾客特定要求                                              6                  BCM-004、BCM-005、DYA-004、DYA-005、DYA-006、DYA-007；顾客特定要求清单同期另列 1 项期前收到、期间重新评审的：DYA-002                                                                                            顾客特定要求清单",
  "3     顾客特定要求            期间起算的评审（轮）                                                7                                                                                                                                                                                                                                  评审及时性",
  "4     顾客特定要求            其中按期决定（轮）                                                  5                                                                                                                                                                                                                                  评审及时性",
  "5     顾客特定要求            其中逾期（轮，含逾期未决定）                                        1                  BCM-005                                                                                                                                                                                                         评审及时性",
  "6     顾客特定要求            评审及时率                                                          83.3%              按期 5/6 轮；尚未到期 1 轮、未作结论即结束 0 轮不计入                                                                                                                                                           评审及时性",
  "7     顾客特定要求            期间作出的评审结论（轮）                                            5                  BCM-004、DYA-002、DYA-004、DYA-005、DYA-006                                                                                                                                                                     评审及时性",
  "8     顾客特定要求            2026-12-05 尚未决定的评审                                           2                  BCM-005、DYA-007                                                                                                                                                                                                评审及时性",
  "9     顾客特定要求            其中已逾期                                                          1                  BCM-005                                                                                                                                                                                                         评审及时性",
  "10    顾客特定要求            2026-12-05 须满足而尚未实施的要求                                   3                  BCM-004、DYA-004、DYA-006                                                                                                                                                                                       顾客特定要求清单",
  "11    顾客特定要求            其中已过实施期限                                                    0                                                                                                                                                                                                                                  顾客特定要求清单",
  "12    顾客特定要求            期间晚于顾客要求日期导入生产的要求                                  1                  DYA-002（2026-04-20 导入生产，晚于 2026-04-01 12 个工作日）                                                                                                                                                     顾客特定要求清单",
  "13    质量目标                期间质量目标的实现程度                                              达成 4 / 未达成 1  OBJ-02 交付准时率 2026-10：97.4 %（目标 ≥ 98 %）                                                                                                                                                                质量目标及实现情况",
  "14    顾客投诉和纠正措施      期间收到的顾客投诉和市场失效                                        1                  8D-2026-001（DYA）                                                                                                                                                                                              纠正措施台账",
  "15    顾客投诉和纠正措施      期间关闭的纠正措施                                                  1                  8D-2026-001                                                                                                                                                                                                     纠正措施台账",
  "16    顾客投诉和纠正措施      2026-12-05 未关闭的纠正措施                                         0                                                                                                                                                                                                                                  纠正措施台账",
  "17    顾客投诉和纠正措施      其中有步骤逾期                                                      0                                                                                                                                                                                                                                  纠正措施台账",
  "18    顾客投诉和纠正措施      2026-12-05 逾期未通知顾客的更改                                     0                                                                                                                                                                                                                                  变更报告",
  "19    顾客投诉和纠正措施      期间逾期通知顾客的更改                                              0                                                                                                                                                                                                                                  变更报告",
  "20    不良质量成本和产品安全  期间不良质量成本（元，IATF 16949 9.3.2.1）                          35,500             内部失效 15,500 元（报废 12,000、挑选 3,500）；外部失效 20,000 元（顾客索赔 20,000）；最大：8D-2026-001 35,500 元                                                                                               纠正措施台账",
  "21    不良质量成本和产品安全  涉及产品安全的问题（期间提出或期末未关闭）                          1                  8D-2026-001（2026-04-20 关闭）                                                                                                                                                                                  纠正措施台账",
  "22    文件控制                2026-12-05 到期未作的文件定期评审                                   0                                                                                                                                                                                                                                  定期评审到期清单",
  "23    文件控制                期间完成的文件定期评审                                              2                                                                                                                                                                                                                                  文件定期评审记录",
  "24    文件控制                其中结论：继续有效                                                  1                  QP-003                                                                                                                                                                                                          文件定期评审记录",
  "25    文件控制                其中结论：需修订                                                    0                                                                                                                                                                                                                                  文件定期评审记录",
  "26    文件控制                其中结论：拟作废                                                    1                  QP-010                                                                                                                                                                                                          文件定期评审记录",
  "27    文件控制                期间发布的文件版本                                                  9                  HH-F-052 A/2、QM-001 B/1、QP-010 A/1、QP-012 A/2、QP-013 A/2、QP-015 A/2、QR-012-02 A/1、QR-013-01 A/1、QR-015-02 A/1                                                                                           变更报告",
  "28    文件控制                期间作废的文件                                                      0                                                                                                                                                                                                                                  作废文件清单",
  "29    文件控制                2026-12-05 逾期未回收的受控副本                                     0                                                                                                                                                                                                                                  发放回收记录",
  "30    文件控制                期间遗失的受控副本                                                  0                                                                                                                                                                                                                                  发放回收记录",
  "31    文件控制                期间接收的顾客文件及新版本                                          4                  BCM-PKG A 版、BCM-SPA 1.0 版、DYA-SQM D 版、DYA-KPI 2027版                                                                                                                                                      外来文件清单",
  "32    文件控制                2026-12-05 到期未核对的外来文件                                     —                  qms.yaml 未规定外来文件核对周期，无从判断（csr organisation update --external-check-months 12）                                                                                                                 外来文件清单",
  "33    内部审核                期间完成的内部审核（次）                                            0                                                                                                                                                                                                                                  内部审核记录",
  "34    内部审核                期间审核开出的不符合项                                              0                                                                                                                                                                                                                                  内部审核记录",
  "35    内部审核                2026-12-05 尚未审核的过程                                           15                 C1、C2、C3、C4、C5、S1、S2、S3、S4、S5、S6、M1、M2、M3、M4                                                                                                                                                      过程清单",
  "36    内部审核                2026-12-05 到期未审核的过程（含尚未审核）                           2                  尚未审核：C3、M1；未设内审间隔，按 IATF 16949 9.2.2.1 的三年审核周期计                                                                                                                                          过程清单",
  "37    内部审核                2026-12-05 到期未做制造过程审核的制造过程                           —                  过程清单没有标明制造过程（csr process update <过程代码> --manufacturing），无从判断                                                                                                                             内部审核方案",
  "38    内部审核                期间关闭的内部审核不符合项（纠正措施）                              0                                                                                                                                                                                                                                  纠正措施台账",
  "39    内部审核                2026-12-05 未关闭的内部审核不符合项                                 0                                                                                                                                                                                                                                  纠正措施台账",
  "40    内部审核                其中有步骤逾期的                                                    0                                                                                                                                                                                                                                  纠正措施台账",
  "41    内部审核                期间审核员无资格、不计入审核方案的审核                              —                  people.yaml 未登记内审员资格，无从判断（csr person update <人员> --auditor-since <日期> --auditor-record <证书或记录编号>）                                                                                     内部审核记录",
  "42    内部审核                期间审核员审核本部门工作的审核（客观公正存疑）                      0                                                                                                                                                                                                                                  内部审核记录",
  "43    培训                    BCM-003 V2.0 培训完成（截至 2026-12-05）                            —                  只登记了记录编号 TR-2026-003，受训人员见该记录，完成率无从计算（应培训 9 人）                                                                                                                                   培训记录",
  "44    培训                    BCM-004 A 培训完成（截至 2026-12-05）                               3/9 人（33.3%）    未培训：陈静、赵强、孙伟、李娜、周鹏、高扬                                                                                                                                                                      培训记录",
  "45    培训                    DYA-001 B 培训完成（截至 2026-12-05）                               —                  只登记了记录编号 TR-2025-014，受训人员见该记录，完成率无从计算（应培训 8 人）                                                                                                                                   培训记录",
  "46    培训                    DYA-002 D 培训完成（截至 2026-12-05）                               4/8 人（50%）      未培训：陈静、赵强、李娜、高扬                                                                                                                                                                                  培训记录",
  "47    培训                    DYA-005 D 培训完成（截至 2026-12-05）                               8/8 人（100%）                                                                                                                                                                                                                     培训记录",
  "48    培训                    DYA-006 D 培训完成（截至 2026-12-05）                               —                  只登记了记录编号 TR-2026-025，受训人员见该记录，完成率无从计算（应培训 8 人）                                                                                                                                   培训记录",
  "49    培训                    合计（3 项需培训的版本，截至 2026-12-05）                           15/25 人（60%）    另有 3 项无从计算，不计入合计                                                                                                                                                                                   培训记录",
  "50    顾客绩效                期间登记的顾客计分卡                                                3                  DYA 2026-08：PPM 18，交付准时率 99.1%，等级 A，排名 5/62，抱怨 0 次、DYA 2026-09：PPM 41，交付准时率 97.2%，等级 B，排名 14/62，抱怨 1 次、DYA 2026-10：PPM 26，交付准时率 98.4%，等级 A，排名 8/62，抱怨 0 次  顾客清单",
  "51    供方绩效                期间的供方业绩评价                                                  —                  合格供方名录中没有供方（csr supplier add），供方绩效不在 csr 中登记",
  "",
  "期间 2026-01-01 至 2026-12-05：“期间”各项按日期落在期间内计，“2026-12-05”各项为期末状态；各数值等于“明细见”所列清单同期的行数。",
  "本页只汇总 csr 登记的输入：以往管理评审措施的实施情况、顾客特定要求评审、质量目标的实现程度、顾客投诉和纠正措施、文件控制、内部审核、培训、顾客计分卡、供方绩效、不良质量成本和产品安全。ISO 9001 9.3.2 和 IATF 16949 9.3.2.1 的其他输入——与质量管理体系相关的内外部因素的变化，资源的充分性，改进的机会，纠正措施记录以外的不良质量成本、保修和现场失效、计分卡以外的顾客满意、过程绩效和产品符合性、制造可行性评价、维护目标的实现、风险和机遇应对措施的有效性等——不在本页，来自其他记录，须另行提交。",
  "培训完成率：应培训人员为人员名册（people.yaml）中所涉部门（文件的归口部门和持有该文件本版或其所替代版本的部门，受控副本或电子版；顾客特定要求的发放、会签部门）的在职人员；部门培训计培训当天在该部门的人员（只有签到表、未列受训人员的部门培训不计任何人，名单见签到表），培训人计为已接受该次培训（IATF 16949 7.2）；名册外人员（如操作工）只列出，不计入。",
  "",
];
