/**
 * A change notified to or approved by the customer (tester63 N8): DYA-004 asks for the control plan updated
 * and submitted to 东岳's SQE within 5 working days of a process change (customers/DYA.yaml
 * change_notification). csr release records the due date on a revision carried out for a DYA complaint
 * (--action) or named with --customer-notified/--customer-approved, csr sign records the day notified or
 * approved later, csr history and csr show print them, and doc/customer-notice-overdue warns once the due
 * date has passed with no notification. csr in the test's process and the built binary (run, bin) on a copy of examples/acme-auto in a real git
 * repository; QP-010 A/2 released 2026-11-16 to take effect 2026-11-18 (a Wednesday: due Wednesday 2026-11-25).
 */
import { input, select } from "@inquirer/prompts";
import { screen, wrapPrompt } from "@inquirer/testing/vitest";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Prompts } from "../../src/commands/add/prompting.js";
import { signCustomerNotices } from "../../src/commands/sign/customer.js";
import { capture } from "../csr/fixture.js";
import { builtOnce, checkJsonInProcess, committedFixture, csr, csrInProcess, git } from "../helpers.js";

/**
 * In Chinese, the repository's language; in the test's process (csrInProcess), the same stdout, stderr and exit code.
 * `bin` runs the built binary, for a run of each command here whose output the binary keeps asserted (release, sign, history, show).
 */
const run = (dir: string, ...args: string[]) => csrInProcess(["-C", dir, ...args], { lang: "zh-CN" });
const bin = (dir: string, ...args: string[]) => csr(["-C", dir, ...args], { lang: "zh-CN" });
const qp010 = (dir: string) => readFileSync(join(dir, "documents/procedures/QP-010.yaml"), "utf8");

/** DYA's complaint 8D-2026-012 open, QP-010's text changed for its A/2 and committed. */
const changed = builtOnce(async () => {
  const dir = committedFixture("examples/acme-auto");
  expect((await run(dir, "action", "open", "8D-2026-012", "--title", "D1制动软管扣压外径超差", "--customer", "DYA", "--received", "2026-11-02", "--owner", "gaoyang", "--commit")).code).toBe(0);
  expect((await run(dir, "submit", "QP-010", "--by", "zhaoqiang", "--date", "2026-11-10")).code).toBe(0);
  const path = join(dir, "documents/procedures/QP-010.yaml");
  writeFileSync(path, readFileSync(path, "utf8").replace("首件检验合格后方可批量生产。", "首件检验合格并经班组长签字确认后方可批量生产。"));
  git(dir, ["commit", "-qam", "body"]);
  return dir;
});

const RELEASE = ["release", "QP-010", "--summary", "增加首件确认", "--total-pages", "2", "--prepared", "huangjun", "--reviewed", "zhangli", "--approved", "xuht", "--date", "2026-11-16", "--effective", "2026-11-18", "-y"];
const release = (dir: string, ...more: string[]) => run(dir, ...RELEASE, ...more);

/**
 * changed's repository with QP-010 A/2 released for DYA's complaint (not committed), its notice due 2026-11-25: the state
 * most tests start from, released once for the file (the first test releases it itself: its output is what that test checks).
 */
const owing = builtOnce(async () => {
  const dir = await changed();
  expect((await release(dir, "--action", "8D-2026-012")).code).toBe(0);
  return dir;
});

/** The finding lines of doc/customer-notice-overdue on a day, in English. */
const overdue = async (dir: string, today: string) => (await checkJsonInProcess(dir, "--today", today)).findings.filter((f) => f.rule === "doc/customer-notice-overdue").map((f) => `${f.file}:${f.line}:${f.column} ${f.message}`);
/** The finding lines of the rules of customer notices on a day, in English, with their rule ids. */
const notices = async (dir: string, today: string, ...more: string[]) =>
  (await checkJsonInProcess(dir, "--today", today, ...more)).findings.filter((f) => f.rule.startsWith("doc/customer-notice")).map((f) => `${f.file}:${f.line}:${f.column} ${f.rule} ${f.message}`);
/** QP-010's text changed again and committed, for its next revision. */
const changeAgain = (dir: string, text: string) => {
  const path = join(dir, "documents/procedures/QP-010.yaml");
  writeFileSync(path, readFileSync(path, "utf8").replace("后方可批量生产。", `后方可批量生产${text}。`));
  git(dir, ["commit", "-qam", text]);
};

describe("a change to be notified to the customer", () => {
  it("gets DYA-004's due date when released for a DYA complaint, is warned of once past it, and is settled by csr sign", async () => {
    const dir = await changed();
    const released = bin(dir, ...RELEASE, "--action", "8D-2026-012");
    expect(released.stderr).toBe("");
    expect(released.code).toBe(0);
    // Run after 2026-11-25, the release finds the notice overdue already (test/control/action-release.test.ts counts the days on a fixed day).
    expect(released.stdout.split("\n")).toContainEqual(expect.stringMatching(/^QP-010 A\/2 的更改应在 2026-11-25 前通知顾客 DYA（东岳汽车股份有限公司，DYA-004），已逾期 \d+ 个工作日：请立即通知（提交控制计划、PPAP），然后用 'csr sign QP-010 --customer-notified DYA=<通知日期>' 记录。$/));
    expect(qp010(dir)).toContain("    actions:\n      - 8D-2026-012\n");
    expect(qp010(dir)).toContain("    customer_notices:\n      - customer: DYA\n        due: 2026-11-25\n");
    expect(await overdue(dir, "2026-11-25")).toEqual([]);
    const line = qp010(dir).split("\n").indexOf("        due: 2026-11-25") + 1;
    expect(await overdue(dir, "2026-11-26")).toEqual([
      `documents/procedures/QP-010.yaml:${line}:14 The change of QP-010 A/2 was to be notified to customer DYA (Dongyue Automobile Co., Ltd., DYA-004) by 2026-11-25, but no notification is recorded. If it was notified, record it with 'csr sign QP-010 --customer-notified DYA=<date>' (and --customer-approved DYA=<date> once the customer approved it); if not, notify the customer now.`,
    ]);

    const signed = bin(dir, "sign", "QP-010", "--customer-notified", "DYA=2026-11-27", "--customer-approved", "DYA=2026-11-30", "--commit");
    expect(signed.stderr).toBe("");
    expect(signed.stdout.split("\n").slice(0, 3)).toEqual([
      "已记录：QP-010 A/2 的更改于 2026-11-27 通知顾客 DYA（东岳汽车股份有限公司），逾期 2 个工作日（要求 2026-11-25 前）。",
      "已记录：顾客 DYA（东岳汽车股份有限公司）于 2026-11-30 批准 QP-010 A/2 的更改。",
      `逾期通知须记下原因（已告知顾客的情况、纠正措施编号）：'csr sign QP-010 --late-reason "DYA=<逾期原因>"'。`,
    ]);
    expect(qp010(dir)).toContain("    customer_notices:\n      - customer: DYA\n        due: 2026-11-25\n        notified: 2026-11-27\n        approved: 2026-11-30\n");
    expect(await overdue(dir, "2026-12-01")).toEqual([]);
    // Notified late: reported until the reason is recorded (breaker64 P2).
    const notifiedLine = qp010(dir).split("\n").indexOf("        notified: 2026-11-27") + 1;
    expect(await notices(dir, "2026-12-01")).toEqual([
      `documents/procedures/QP-010.yaml:${notifiedLine}:19 doc/customer-notice-late The change of QP-010 A/2 was notified to customer DYA (Dongyue Automobile Co., Ltd., DYA-004) on 2026-11-27, 2 working days after its due date 2026-11-25, and no reason for the delay is recorded. Record why, with the customer informed and the corrective action's number: 'csr sign QP-010 --late-reason "DYA=<reason>"'; csr show and csr history still show the lateness, with the reason.`,
    ]);
    const again = await run(dir, "sign", "QP-010", "--customer-notified", "DYA=2026-11-28");
    expect([again.code, again.stdout, again.stderr]).toEqual([2, "", "csr: QP-010 A/2 已记录顾客 DYA 的通知日期 2026-11-27。\n提示：记录有误的，请在 documents/procedures/QP-010.yaml 中更正并提交（git 保留更改历史）\n"]);

    // Where it is read: csr show's revision record and csr history (a column, and in JSON as recorded).
    expect(bin(dir, "show", "QP-010").stdout).toContain("A/2  2026-11-16  增加首件确认  纠正措施：8D-2026-012  2026-11-27 通知顾客 DYA（逾期 2 个工作日，要求 2026-11-25 前）；2026-11-30 顾客 DYA 批准\n");
    expect((await run(dir, "show", "QP-010", "--lang", "en")).stdout).toContain("A/2  2026-11-16  增加首件确认  corrective action 8D-2026-012  notified to customer DYA on 2026-11-27 (2 working days late, due 2026-11-25); approved by customer DYA on 2026-11-30\n");
    const history = bin(dir, "history", "QP-010").stdout.split("\n");
    expect(history[2]).toMatch(/ {2}顾客通知\/批准 {2}/);
    expect(history.find((l) => l.startsWith("A/2 "))).toMatch(/ {2}2026-11-27 通知顾客 DYA（逾期 2 个工作日，要求 2026-11-25 前）；2026-11-30 顾客 DYA 批准 {2}/);
    const json = JSON.parse((await run(dir, "history", "QP-010", "--format", "json")).stdout) as { revisions: { version: string; customer_notices?: unknown }[] };
    expect(json.revisions.find((r) => r.version === "A/2")!.customer_notices).toEqual([{ customer: "DYA", due: "2026-11-25", notified: "2026-11-27", approved: "2026-11-30" }]);

    // The reason recorded settles the finding; the card still says the notification was late, with it.
    const reason = await run(dir, "sign", "QP-010", "--late-reason", "DYA=东岳SQE出差，11-24 电话告知，书面提交延后", "--commit");
    expect([reason.code, reason.stderr, reason.stdout.split("\n")[0]]).toEqual([0, "", "已记录：QP-010 A/2 的更改逾期通知顾客 DYA 的原因：东岳SQE出差，11-24 电话告知，书面提交延后。"]);
    expect(qp010(dir)).toContain("        approved: 2026-11-30\n        late_reason: 东岳SQE出差，11-24 电话告知，书面提交延后\n");
    expect(await notices(dir, "2026-12-01")).toEqual([]);
    expect((await run(dir, "show", "QP-010")).stdout).toContain("A/2  2026-11-16  增加首件确认  纠正措施：8D-2026-012  2026-11-27 通知顾客 DYA（逾期 2 个工作日，要求 2026-11-25 前；逾期原因：东岳SQE出差，11-24 电话告知，书面提交延后）；2026-11-30 顾客 DYA 批准\n");
    const twice = await run(dir, "sign", "QP-010", "--late-reason", "DYA=另一个原因");
    expect([twice.code, twice.stdout, twice.stderr]).toEqual([2, "", "csr: QP-010 A/2 已记录通知顾客 DYA 逾期的原因：东岳SQE出差，11-24 电话告知，书面提交延后。\n提示：记录有误的，请在 documents/procedures/QP-010.yaml 中更正并提交（git 保留更改历史）\n"]);
  });

  it("records a notification and an approval given on release (the customer by its code in any case or short name), the release's date for a code without one, and refuses an approval before the notification", async () => {
    const dir = await changed();
    const early = await release(dir, "--customer-notified", "DYA", "--customer-approved", "DYA=2026-11-13");
    expect([early.code, early.stdout, early.stderr]).toEqual([2, "", "csr: QP-010 A/2：顾客 DYA 的批准日期 2026-11-13 早于通知日期 2026-11-16；顾客只能批准已通知它的更改，请核对日期。\n"]);
    const released = await release(dir, "--customer-notified", "dya", "--customer-approved", "东岳汽车");
    expect(released.stderr).toBe("");
    expect(released.stdout.split("\n")).toEqual(
      expect.arrayContaining(["已记录：QP-010 A/2 的更改于 2026-11-16 通知顾客 DYA（东岳汽车股份有限公司），按期（要求 2026-11-25 前）。", "已记录：顾客 DYA（东岳汽车股份有限公司）于 2026-11-16 批准 QP-010 A/2 的更改。"]),
    );
    expect(qp010(dir)).toContain("    customer_notices:\n      - customer: DYA\n        due: 2026-11-25\n        notified: 2026-11-16\n        approved: 2026-11-16\n");
    expect(await notices(dir, "2026-12-01")).toEqual([]);
    expect((await run(dir, "show", "QP-010")).stdout).toContain("A/2  2026-11-16  增加首件确认  2026-11-16 通知顾客 DYA（按期，要求 2026-11-25 前）；2026-11-16 顾客 DYA 批准\n");
  });

  it("owes the customer whose change notice a procedure carries out a notice, none for the procedure alone, and refuses an unknown customer (tester77 E2)", async () => {
    const dir = await changed();
    const unknown = await release(dir, "--customer-notified", "DYB=2026-11-20");
    expect([unknown.code, unknown.stdout, unknown.stderr]).toEqual([2, "", "csr: --customer-notified：未知顾客 'DYB'；顾客有：BCM 北辰汽车集团有限公司、DYA 东岳汽车股份有限公司。是否应为 'DYA'？\n"]);
    // QP-010 addresses DYA-004 (csr/DYA/DYA-004.yaml), but a procedure changes the quality system, not DYA's product or
    // process: its revision owes DYA a notice only by DYA's change notice (--ecn DYA-…) or complaint.
    const procedure = await changed();
    expect((await release(procedure)).code).toBe(0);
    expect(qp010(procedure)).not.toContain("customer_notices");
    const released = await release(dir, "--ecn", "DYA-ECN-2026-201");
    expect(released.code).toBe(0);
    expect(released.stdout.split("\n")).toContainEqual(expect.stringMatching(/^QP-010 A\/2 的更改应在 2026-11-25 前通知顾客 DYA（东岳汽车股份有限公司，DYA-004），已逾期 \d+ 个工作日/));
    expect(qp010(dir)).toContain("    customer_notices:\n      - customer: DYA\n        due: 2026-11-25\nrelated:");
    const mixed = await run(dir, "sign", "QP-010", "--customer-notified", "DYA", "--approved", "xuht");
    expect([mixed.code, mixed.stderr]).toEqual([2, "csr: csr sign 一次只记录签字或顾客通知/批准中的一种：请分两次运行。\n"]);
  });

  it("counts the customer's approval as its notice by that day: no overdue notice, shown as notified (tester77 E10)", async () => {
    const dir = await changed();
    const released = await release(dir, "--customer-approved", "DYA=2026-11-17");
    expect([released.code, released.stderr]).toEqual([0, ""]);
    expect(released.stdout.split("\n")).toContain("已记录：顾客 DYA（东岳汽车股份有限公司）于 2026-11-17 批准 QP-010 A/2 的更改，即已于当日前通知，按期（要求 2026-11-25 前）。");
    expect(released.stdout).not.toContain("已逾期");
    expect(qp010(dir)).toContain("    customer_notices:\n      - customer: DYA\n        due: 2026-11-25\n        approved: 2026-11-17\nrelated:");
    expect(await notices(dir, "2027-01-04")).toEqual([]);
    const shown = await run(dir, "show", "QP-010");
    expect(shown.stdout).toContain("2026-11-17 顾客 DYA 批准，即已通知（按期，要求 2026-11-25 前）");
    expect(shown.stdout).not.toContain("须于 2026-11-25 前通知顾客 DYA");
  });

  it("records a notice on the revision that owes it, not the newest, and never makes up a due date (breaker64 P1)", async () => {
    const dir = await owing();
    changeAgain(dir, "（A/3）");
    // An editorial revision (编辑性修改) changes nothing to notify: A/3 owes DYA nothing, though QP-010 addresses DYA-004.
    expect((await run(dir, "release", "QP-010", "--summary", "首件确认表改版", "--editorial", "--total-pages", "2", "--prepared", "huangjun", "--reviewed", "zhangli", "--approved", "xuht", "--date", "2026-11-30", "-y")).code).toBe(0);
    // The rule's hint names the revision that owes the notice.
    const dueLine = qp010(dir).split("\n").indexOf("        due: 2026-11-25") + 1;
    expect(await notices(dir, "2026-12-01")).toEqual([
      `documents/procedures/QP-010.yaml:${dueLine}:14 doc/customer-notice-overdue The change of QP-010 A/2 was to be notified to customer DYA (Dongyue Automobile Co., Ltd., DYA-004) by 2026-11-25, but no notification is recorded. If it was notified, record it with 'csr sign QP-010 --revision A/2 --customer-notified DYA=<date>' (and --customer-approved DYA=<date> once the customer approved it); if not, notify the customer now.`,
    ]);
    const before = qp010(dir);
    const signed = await run(dir, "sign", "QP-010", "--customer-notified", "DYA=2026-11-24");
    expect([signed.code, signed.stderr, signed.stdout.split("\n")[0]]).toEqual([0, "", "已记录：QP-010 A/2 的更改于 2026-11-24 通知顾客 DYA（东岳汽车股份有限公司），按期（要求 2026-11-25 前）。"]);
    expect(qp010(dir)).toBe(before.replace("        due: 2026-11-25\n", "        due: 2026-11-25\n        notified: 2026-11-24\n"));
    expect(await notices(dir, "2026-12-01")).toEqual([]);
    // Approved before it was notified: refused on the revision named.
    const early = await run(dir, "sign", "QP-010", "--revision", "A/2", "--customer-approved", "DYA=2026-11-20");
    expect([early.code, early.stdout, early.stderr]).toEqual([2, "", "csr: QP-010 A/2：顾客 DYA 的批准日期 2026-11-20 早于通知日期 2026-11-24；顾客只能批准已通知它的更改，请核对日期。\n"]);
    // An approval alone lands on the revision notified and awaiting it (mend65A: it went to the newest, refused before its date).
    const approved = await run(dir, "sign", "QP-010", "--customer-approved", "DYA=2026-11-26");
    expect([approved.code, approved.stderr, approved.stdout.split("\n")[0]]).toEqual([0, "", "已记录：顾客 DYA（东岳汽车股份有限公司）于 2026-11-26 批准 QP-010 A/2 的更改。"]);
    // Nothing owed any more: the newest revision, which a notice dated before it cannot be of.
    const stale = await run(dir, "sign", "QP-010", "--customer-approved", "DYA=2026-11-26");
    expect([stale.code, stale.stdout, stale.stderr]).toEqual([
      2,
      "",
      "csr: --customer-approved DYA=2026-11-26 早于 QP-010 A/3 的日期 2026-11-30：那时这一版的更改还没有。\n提示：通知或批准的是较早版本的更改的，请用 --revision 指明（A/0、A/1、A/2）；日期录错的，请更正。\n",
    ]);
    // A customer added to a revision released without a due date for it gets none.
    const newest = await run(dir, "sign", "QP-010", "--customer-notified", "DYA=2026-12-01");
    expect([newest.code, newest.stderr, newest.stdout.split("\n")[0]]).toEqual([0, "", "已记录：QP-010 A/3 的更改于 2026-12-01 通知顾客 DYA（东岳汽车股份有限公司）。"]);
    expect(qp010(dir)).toContain("    customer_notices:\n      - customer: DYA\n        due: 2026-11-25\n        notified: 2026-11-24\n        approved: 2026-11-26\n");
    // A/3, the last revision, then the document's links.
    expect(qp010(dir)).toContain("    customer_notices:\n      - customer: DYA\n        notified: 2026-12-01\nrelated:");
    const unknown = await run(dir, "sign", "QP-010", "--revision", "B/0", "--customer-notified", "DYA=2026-12-01");
    expect([unknown.code, unknown.stderr]).toEqual([2, "csr: QP-010 没有版本 B/0（有 A/0、A/1、A/2、A/3）。\n"]);
  });

  it("asks which revision when two owe the customer its notification", async () => {
    const dir = await owing();
    changeAgain(dir, "（A/3）");
    expect((await run(dir, "release", "QP-010", "--summary", "首件确认表改版", "--total-pages", "2", "--action", "8D-2026-012", "--prepared", "huangjun", "--reviewed", "zhangli", "--approved", "xuht", "--date", "2026-11-30", "-y")).code).toBe(0);
    const before = qp010(dir);
    const both = await run(dir, "sign", "QP-010", "--customer-notified", "DYA=2026-12-01");
    expect([both.code, both.stdout, both.stderr]).toEqual([
      2,
      "",
      "csr: QP-010 有多个版本与顾客 DYA 的通知有关（A/2、A/3），无法确定记在哪一版。\n提示：请用 --revision 指明版本，例如 'csr sign QP-010 --revision A/3 …'。\n",
    ]);
    expect(qp010(dir)).toBe(before);
    // Both overdue: each finding's command names its revision, the newest too, as csr sign without --revision refuses (mend65A).
    const found = await notices(dir, "2026-12-08");
    expect(found).toHaveLength(2);
    expect(found[0]).toContain("QP-010 A/2 was to be notified");
    expect(found[0]).toContain("'csr sign QP-010 --revision A/2 --customer-notified DYA=<date>'");
    expect(found[1]).toContain("QP-010 A/3 was to be notified");
    expect(found[1]).toContain("'csr sign QP-010 --revision A/3 --customer-notified DYA=<date>'");
    const named = await run(dir, "sign", "QP-010", "--revision", "A/3", "--customer-notified", "DYA=2026-12-01");
    expect([named.code, named.stderr, named.stdout.split("\n")[0]]).toEqual([0, "", "已记录：QP-010 A/3 的更改于 2026-12-01 通知顾客 DYA（东岳汽车股份有限公司），按期（要求 2026-12-07 前）。"]);
  });

  it("records an approval alone on the newest revision notified and awaiting it when two are (mend66a)", async () => {
    const dir = await owing();
    expect((await run(dir, "sign", "QP-010", "--customer-notified", "DYA=2026-11-24", "--commit")).code).toBe(0);
    changeAgain(dir, "（A/3）");
    expect((await run(dir, "release", "QP-010", "--summary", "首件确认表改版", "--total-pages", "2", "--customer-notified", "DYA", "--prepared", "huangjun", "--reviewed", "zhangli", "--approved", "xuht", "--date", "2026-11-30", "-y")).code).toBe(0);
    const newest = await run(dir, "sign", "QP-010", "--customer-approved", "DYA=2026-12-01");
    expect([newest.code, newest.stderr, newest.stdout.split("\n")[0]]).toEqual([0, "", "已记录：顾客 DYA（东岳汽车股份有限公司）于 2026-12-01 批准 QP-010 A/3 的更改。"]);
    expect(qp010(dir)).toContain("    customer_notices:\n      - customer: DYA\n        due: 2026-12-07\n        notified: 2026-11-30\n        approved: 2026-12-01\nrelated:");
    // A/3 approved: the next approval alone is A/2's, the one still awaiting it.
    const older = await run(dir, "sign", "QP-010", "--customer-approved", "DYA=2026-12-02");
    expect([older.code, older.stderr, older.stdout.split("\n")[0]]).toEqual([0, "", "已记录：顾客 DYA（东岳汽车股份有限公司）于 2026-12-02 批准 QP-010 A/2 的更改。"]);
    expect(qp010(dir)).toContain("    customer_notices:\n      - customer: DYA\n        due: 2026-11-25\n        notified: 2026-11-24\n        approved: 2026-12-02\n");
  });

  it("records the evidence of a notification and an approval, and prints it wherever the notice is printed (tester66 N6)", async () => {
    const dir = await owing();
    const signed = await run(dir, "sign", "QP-010", "--customer-notified", "DYA=2026-11-20", "--notice-ref", "DYA=PCN-2026-07 控制计划更新", "--notice-to", "DYA=LIU.TAO@dya.example.com", "--customer-approved", "DYA=2026-11-24", "--approval-ref", "DYA=PSW-2026-118", "--commit");
    expect(signed.stderr).toBe("");
    expect(signed.stdout.split("\n").slice(0, 2)).toEqual([
      "已记录：QP-010 A/2 的更改于 2026-11-20 通知顾客 DYA（东岳汽车股份有限公司），按期（要求 2026-11-25 前），致 刘涛，凭证 PCN-2026-07 控制计划更新。",
      "已记录：顾客 DYA（东岳汽车股份有限公司）于 2026-11-24 批准 QP-010 A/2 的更改，凭证 PSW-2026-118。",
    ]);
    // The contact named by e-mail is recorded as the customer's file names it.
    expect(qp010(dir)).toContain("      - customer: DYA\n        due: 2026-11-25\n        notified: 2026-11-20\n        to: 刘涛\n        reference: PCN-2026-07 控制计划更新\n        approved: 2026-11-24\n        approval_reference: PSW-2026-118\n");
    const zh = "2026-11-20 通知顾客 DYA（按期，要求 2026-11-25 前），致 刘涛，凭证 PCN-2026-07 控制计划更新；2026-11-24 顾客 DYA 批准，凭证 PSW-2026-118";
    const en = "notified to customer DYA on 2026-11-20 (on time, due 2026-11-25), to 刘涛, ref. PCN-2026-07 控制计划更新; approved by customer DYA on 2026-11-24, ref. PSW-2026-118";
    expect((await run(dir, "show", "QP-010")).stdout).toContain(`纠正措施：8D-2026-012  ${zh}\n`);
    expect((await run(dir, "show", "QP-010", "--lang", "en")).stdout).toContain(`corrective action 8D-2026-012  ${en}\n`);
    expect((await run(dir, "history", "QP-010")).stdout).toContain(zh);
    expect((await run(dir, "changes", "2026-11-01", "2026-11-30", "--customer", "DYA", "--lang", "en")).stdout).toContain(en);
    expect((await checkJsonInProcess(dir, "--today", "2026-12-01")).findings.filter((f) => f.rule === "schema/invalid")).toEqual([]);
  });

  it("records a notification's evidence given later, once, and refuses evidence with nothing to go with (tester66 N6)", async () => {
    const dir = await owing();
    const early = await run(dir, "sign", "QP-010", "--notice-ref", "DYA=PCN-2026-07");
    expect([early.code, early.stdout, early.stderr]).toEqual([2, "", "csr: QP-010 A/2 没有记录通知顾客 DYA 的日期，--notice-ref 无处可记：请同时用 --customer-notified DYA=<通知日期> 记录通知。\n"]);
    const form = await run(dir, "sign", "QP-010", "--approval-ref", "DYA");
    expect([form.code, form.stderr]).toEqual([2, 'csr: --approval-ref 应写作 <顾客代码>=<内容>，例如 "DYA=PCN-2026-07"；收到的是 "DYA"。\n']);
    const reasonForm = await run(dir, "sign", "QP-010", "--late-reason", "DYA=");
    expect([reasonForm.code, reasonForm.stderr]).toEqual([2, 'csr: --late-reason 应写作 <顾客代码>=<原因>，例如 "DYA=东岳SQE出差，书面提交延后"；收到的是 "DYA="。\n']);
    expect((await run(dir, "sign", "QP-010", "--customer-notified", "DYA=2026-11-20", "--commit")).code).toBe(0);
    const later = await run(dir, "sign", "QP-010", "--notice-ref", "DYA=邮件：QP-010 A/2 控制计划更新", "--notice-to", "DYA=王工");
    expect([later.code, later.stderr, later.stdout.split("\n")[0]]).toEqual([0, "", "已记录：QP-010 A/2 的更改通知顾客 DYA，致 王工，凭证 邮件：QP-010 A/2 控制计划更新。"]);
    expect(qp010(dir)).toContain("        notified: 2026-11-20\n        to: 王工\n        reference: 邮件：QP-010 A/2 控制计划更新\n");
    const again = await run(dir, "sign", "QP-010", "--notice-ref", "DYA=PCN-2026-08");
    expect([again.code, again.stderr.split("\n")[0]]).toEqual([2, "csr: QP-010 A/2 已为顾客 DYA 记录 --notice-ref 的内容：邮件：QP-010 A/2 控制计划更新。"]);
    const approval = await run(dir, "sign", "QP-010", "--approval-ref", "DYA=PSW-1", "--lang", "en");
    expect([approval.code, approval.stderr]).toEqual([2, "csr: QP-010 A/2 records no approval by customer DYA: --approval-ref has nothing to go with; record the approval with it: --customer-approved DYA=<date>.\n"]);
  });

  it("warns of a notification or approval written before the notification, the revision or the complaint it follows (breaker64 P4)", async () => {
    const dir = await owing();
    const path = join(dir, "documents/procedures/QP-010.yaml");
    writeFileSync(path, qp010(dir).replace("        due: 2026-11-25\n", "        due: 2026-11-25\n        notified: 2026-11-20\n        approved: 2026-11-18\n"));
    const line = (text: string) => qp010(dir).split("\n").indexOf(text) + 1;
    expect(await notices(dir, "2026-12-01")).toEqual([
      `documents/procedures/QP-010.yaml:${line("        approved: 2026-11-18")}:19 doc/customer-notice-out-of-order QP-010 A/2 dates customer DYA's approval 2026-11-18, before the change was notified to customer DYA (2026-11-20): a customer approves a change it was told of. Correct the day as the record of the notification or approval shows; a notice of an earlier revision's change belongs to that revision's customer_notices ('csr sign <document> --revision <version>').`,
    ]);
    writeFileSync(path, qp010(dir).replace("        notified: 2026-11-20\n        approved: 2026-11-18\n", "        notified: 2026-11-12\n"));
    expect(await notices(dir, "2026-12-01")).toEqual([
      `documents/procedures/QP-010.yaml:${line("        notified: 2026-11-12")}:19 doc/customer-notice-out-of-order QP-010 A/2 dates the notification to customer DYA 2026-11-12, before the revision's date 2026-11-16: its change did not exist yet. Correct the day as the record of the notification or approval shows; a notice of an earlier revision's change belongs to that revision's customer_notices ('csr sign <document> --revision <version>').`,
    ]);
  });

  it("prints the same finding through the check cache as without it (breaker64 P11)", async () => {
    const dir = await owing();
    expect(await notices(dir, "2026-12-01")).toHaveLength(1);
    // An edit of the document that leaves its notices: the check reads the changed file alone.
    const path = join(dir, "documents/procedures/QP-010.yaml");
    writeFileSync(path, qp010(dir).replace(/^title: (.*)$/m, "title: $1（修订）"));
    const cached = await notices(dir, "2026-12-01");
    expect(cached).toEqual(await notices(dir, "2026-12-01", "--no-cache"));
    expect(cached[0]).toContain("customer DYA (Dongyue Automobile Co., Ltd., DYA-004) by 2026-11-25");
  });
});

describe("csr sign --customer-notified at a terminal", () => {
  const prompts = { input: wrapPrompt(input), select: wrapPrompt(select) } as unknown as Prompts;
  /** The notice's evidence asked first (its reference, then to whom, of DYA's contacts): here PCN-2026-07, to 刘涛, the first. */
  const answerEvidence = async () => {
    await screen.next();
    expect(screen.getScreen()).toContain("? Evidence of the notification to customer DYA");
    screen.type("PCN-2026-07");
    screen.keypress("enter");
    await screen.next();
    screen.keypress("enter");
  };
  it("asks why a notification recorded after its due date was late, and records the answer with it", async () => {
    const dir = await owing();
    const ctx = capture(dir);
    const done = signCustomerNotices(ctx, ["QP-010"], { customerNotified: ["DYA=2026-11-27"] }, prompts);
    await answerEvidence();
    await screen.next();
    expect(screen.getScreen()).toBe(
      "? QP-010 A/2 notified to customer DYA on 2026-11-27, after its due date 2026-11-25; reason for the delay (the customer informed, the corrective action's number; left blank, record it later with --late-reason)",
    );
    screen.type("SQE away, phoned 11-24");
    screen.keypress("enter");
    expect(await done).toBe(0);
    expect(ctx.out.split("\n")).toEqual([
      "Recorded: the change of QP-010 A/2 notified to customer DYA (Dongyue Automobile Co., Ltd.) on 2026-11-27, late by 2 working days (due 2026-11-25), to 刘涛, ref. PCN-2026-07.",
      "Recorded: why the change of QP-010 A/2 was notified late to customer DYA: SQE away, phoned 11-24.",
      "Wrote documents/procedures/QP-010.yaml; not committed (git commit it, or run with --commit).",
      "",
    ]);
    expect(qp010(dir)).toContain("      - customer: DYA\n        due: 2026-11-25\n        notified: 2026-11-27\n        to: 刘涛\n        reference: PCN-2026-07\n        late_reason: SQE away, phoned 11-24\n");
    expect(await notices(dir, "2026-12-01")).toEqual([]);
  });

  it("left blank, records the day alone and prints the --late-reason to run, as without a terminal; an on-time one or one given --late-reason is not asked", async () => {
    const dir = await owing();
    const blank = capture(dir);
    const done = signCustomerNotices(blank, ["QP-010"], { customerNotified: ["DYA=2026-11-27"] }, prompts);
    await answerEvidence();
    await screen.next();
    screen.keypress("enter");
    expect(await done).toBe(0);
    expect(blank.out.split("\n").slice(1, -2)).toEqual([`A late notification needs its reason (the customer informed, the corrective action's number): 'csr sign QP-010 --late-reason "DYA=<reason>"'.`]);
    expect(qp010(dir)).toContain("        notified: 2026-11-27\n        to: 刘涛\n        reference: PCN-2026-07\nrelated:");

    // Asked nothing (the evidence given too): a question would leave the command waiting for an answer.
    const evidence = { noticeRef: ["DYA=PCN-2026-07"], noticeTo: ["DYA=刘涛"] };
    const given = await owing();
    expect(await signCustomerNotices(capture(given), ["QP-010"], { customerNotified: ["DYA=2026-11-27"], lateReason: ["DYA=SQE away"], ...evidence }, prompts)).toBe(0);
    expect(qp010(given)).toContain("        notified: 2026-11-27\n        to: 刘涛\n        reference: PCN-2026-07\n        late_reason: SQE away\n");
    const onTime = await owing();
    expect(await signCustomerNotices(capture(onTime), ["QP-010"], { customerNotified: ["DYA=2026-11-24"], ...evidence }, prompts)).toBe(0);
    expect(qp010(onTime)).toContain("        notified: 2026-11-24\n        to: 刘涛\n        reference: PCN-2026-07\nrelated:");
  });
});
