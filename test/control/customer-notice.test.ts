/**
 * A change notified to or approved by the customer (tester63 N8): DYA-004 asks for the control plan updated
 * and submitted to 东岳's SQE within 5 working days of a process change (customers/DYA.yaml
 * change_notification). csr release records the due date on a revision carried out for a DYA complaint
 * (--action) or named with --customer-notified/--customer-approved, csr sign records the day notified or
 * approved later, csr history and csr show print them, and doc/customer-notice-overdue warns once the due
 * date has passed with no notification. The built binary on a copy of examples/acme-auto in a real git
 * repository; QP-010 A/2 released 2026-11-16 to take effect 2026-11-18 (a Wednesday: due Wednesday 2026-11-25).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtOnce, checkJson, copyFixture, csr, git, gitInit } from "../helpers.js";

/** In Chinese, the repository's language. */
const run = (dir: string, ...args: string[]) => csr(["-C", dir, ...args], { lang: "zh-CN" });
const qp010 = (dir: string) => readFileSync(join(dir, "documents/procedures/QP-010.yaml"), "utf8");

/** DYA's complaint 8D-2026-012 open, QP-010's text changed for its A/2 and committed. */
const changed = builtOnce(() => {
  const dir = gitInit(copyFixture("examples/acme-auto"));
  expect(run(dir, "action", "open", "8D-2026-012", "--title", "D1制动软管扣压外径超差", "--customer", "DYA", "--received", "2026-11-02", "--owner", "gaoyang", "--commit").code).toBe(0);
  expect(run(dir, "submit", "QP-010", "--by", "zhaoqiang", "--date", "2026-11-10").code).toBe(0);
  const path = join(dir, "documents/procedures/QP-010.yaml");
  writeFileSync(path, readFileSync(path, "utf8").replace("首件检验合格后方可批量生产。", "首件检验合格并经班组长签字确认后方可批量生产。"));
  git(dir, ["commit", "-qam", "body"]);
  return dir;
});

const release = (dir: string, ...more: string[]) =>
  run(dir, "release", "QP-010", "--summary", "增加首件确认", "--prepared", "huangjun", "--reviewed", "zhangli", "--approved", "xuht", "--date", "2026-11-16", "--effective", "2026-11-18", "-y", ...more);

/** The finding lines of doc/customer-notice-overdue on a day, in English. */
const overdue = (dir: string, today: string) => checkJson(dir, "--today", today).findings.filter((f) => f.rule === "doc/customer-notice-overdue").map((f) => `${f.file}:${f.line}:${f.column} ${f.message}`);

describe("a change to be notified to the customer", () => {
  it("gets DYA-004's due date when released for a DYA complaint, is warned of once past it, and is settled by csr sign", async () => {
    const dir = await changed();
    const released = release(dir, "--action", "8D-2026-012");
    expect(released.stderr).toBe("");
    expect(released.code).toBe(0);
    expect(released.stdout.split("\n")).toContain("QP-010 A/2 的更改须在 2026-11-25 前通知顾客 DYA（东岳汽车股份有限公司，DYA-004）：通知（提交控制计划、PPAP）后用 'csr sign QP-010 --customer-notified DYA=<通知日期>' 记录。");
    expect(qp010(dir)).toContain("    actions:\n      - 8D-2026-012\n");
    expect(qp010(dir)).toContain("    customer_notices:\n      - customer: DYA\n        due: 2026-11-25\n");
    expect(overdue(dir, "2026-11-25")).toEqual([]);
    const line = qp010(dir).split("\n").indexOf("        due: 2026-11-25") + 1;
    expect(overdue(dir, "2026-11-26")).toEqual([
      `documents/procedures/QP-010.yaml:${line}:14 The change of QP-010 A/2 was to be notified to customer DYA (Dongyue Automobile Co., Ltd., DYA-004) by 2026-11-25, but no notification is recorded. If it was notified, record it with 'csr sign QP-010 --customer-notified DYA=<date>' (and --customer-approved DYA=<date> once the customer approved it); if not, notify the customer now.`,
    ]);

    const signed = run(dir, "sign", "QP-010", "--customer-notified", "DYA=2026-11-27", "--customer-approved", "DYA=2026-11-30", "--commit");
    expect(signed.stderr).toBe("");
    expect(signed.stdout.split("\n").slice(0, 2)).toEqual([
      "已记录：QP-010 A/2 的更改于 2026-11-27 通知顾客 DYA（东岳汽车股份有限公司），逾期 2 个工作日（要求 2026-11-25 前）。",
      "已记录：顾客 DYA（东岳汽车股份有限公司）于 2026-11-30 批准 QP-010 A/2 的更改。",
    ]);
    expect(qp010(dir)).toContain("    customer_notices:\n      - customer: DYA\n        due: 2026-11-25\n        notified: 2026-11-27\n        approved: 2026-11-30\n");
    expect(overdue(dir, "2026-12-01")).toEqual([]);
    const again = run(dir, "sign", "QP-010", "--customer-notified", "DYA=2026-11-28");
    expect([again.code, again.stdout, again.stderr]).toEqual([2, "", "csr: QP-010 A/2 已记录顾客 DYA 的通知日期 2026-11-27。\n提示：记录有误的，请在 documents/procedures/QP-010.yaml 中更正并提交（git 保留更改历史）\n"]);

    // Where it is read: csr show's revision record and csr history (a column, and in JSON as recorded).
    expect(run(dir, "show", "QP-010").stdout).toContain("A/2  2026-11-16  增加首件确认  2026-11-27 通知顾客 DYA；2026-11-30 顾客 DYA 批准\n");
    const history = run(dir, "history", "QP-010").stdout.split("\n");
    expect(history[2]).toMatch(/ {2}顾客通知\/批准 {2}/);
    expect(history.find((l) => l.startsWith("A/2 "))).toMatch(/ {2}2026-11-27 通知顾客 DYA；2026-11-30 顾客 DYA 批准 {2}/);
    const json = JSON.parse(run(dir, "history", "QP-010", "--format", "json").stdout) as { revisions: { version: string; customer_notices?: unknown }[] };
    expect(json.revisions.find((r) => r.version === "A/2")!.customer_notices).toEqual([{ customer: "DYA", due: "2026-11-25", notified: "2026-11-27", approved: "2026-11-30" }]);
  });

  it("records a notification and an approval given on release, the release's date for a code without one", async () => {
    const dir = await changed();
    const released = release(dir, "--customer-notified", "DYA", "--customer-approved", "DYA=2026-11-13");
    expect(released.stderr).toBe("");
    expect(released.stdout.split("\n")).toEqual(
      expect.arrayContaining(["已记录：QP-010 A/2 的更改于 2026-11-16 通知顾客 DYA（东岳汽车股份有限公司），按期（要求 2026-11-25 前）。", "已记录：顾客 DYA（东岳汽车股份有限公司）于 2026-11-13 批准 QP-010 A/2 的更改。"]),
    );
    expect(qp010(dir)).toContain("    customer_notices:\n      - customer: DYA\n        due: 2026-11-25\n        notified: 2026-11-16\n        approved: 2026-11-13\n");
    expect(overdue(dir, "2026-12-01")).toEqual([]);
  });

  it("records nothing for a release without a complaint or a customer named, and refuses an unknown customer", async () => {
    const dir = await changed();
    const unknown = release(dir, "--customer-notified", "DYB=2026-11-20");
    expect([unknown.code, unknown.stdout, unknown.stderr]).toEqual([2, "", "csr: --customer-notified：没有顾客 DYB。是否应为 'DYA'？\n"]);
    expect(release(dir).code).toBe(0);
    expect(qp010(dir)).not.toContain("customer_notices");
    const mixed = run(dir, "sign", "QP-010", "--customer-notified", "DYA", "--approved", "xuht");
    expect([mixed.code, mixed.stderr]).toEqual([2, "csr: csr sign 一次只记录签字或顾客通知/批准中的一种：请分两次运行。\n"]);
  });
});
