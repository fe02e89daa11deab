import { checkbox, input, search, select } from "@inquirer/prompts";
import { screen, wrapPrompt } from "@inquirer/testing/vitest";
import { describe, expect, it } from "vitest";
import { addCsr } from "../../src/commands/add/index.js";
import type { Prompts } from "../../src/commands/add/prompting.js";
import { addPerson, removePeople } from "../../src/commands/person/index.js";
import { reviewCsr } from "../../src/commands/review/index.js";
import { localToday } from "../../src/core/dates.js";
import { setLanguage } from "../../src/i18n/index.js";
import { appendFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { copyFixture, csrInProcess } from "../helpers.js";
import { today, weekdaysAfter } from "../today.js";
import { capture, read, sourceReceivedOn, validRepo } from "./fixture.js";

const prompts = { input: wrapPrompt(input), select: wrapPrompt(select), search: wrapPrompt(search), checkbox: wrapPrompt(checkbox) } as unknown as Prompts;

describe("csr add, asked at a terminal", () => {
  it("asks in Chinese when csr speaks Chinese, and says how to write a date it cannot read", async () => {
    setLanguage("zh-CN");
    try {
      const dir = validRepo();
      const done = addCsr(capture(dir), { clause: [], customer: "DYA", source: "DYA-SQM" }, prompts);
      await screen.next();
      expect(screen.getScreen()).toContain("来源文件中的章节（可不填）");
      screen.keypress("enter");
      await screen.next();
      expect(screen.getScreen()).toContain("条款（输入条款号或标题中的词）");
      screen.type("防护");
      await screen.next();
      // The line below the list is the Chinese title of the clause under the cursor, not its English one.
      expect(screen.getScreen()).toContain("❯ IATF16949:8.5.4  防护\n  IATF16949:8.5.4.1  防护——补充\n\n防护\n");
      expect(screen.getScreen()).not.toContain("Preservation");
      screen.keypress("enter");
      await screen.next();
      expect(screen.getScreen()).toContain("再选一个条款");
      expect(screen.getScreen()).toContain("（完成：IATF16949:8.5.4）");
      screen.keypress("enter");
      await screen.next();
      expect(screen.getScreen()).toContain("标题");
      screen.type("包装标签须含批次号");
      screen.keypress("enter");
      await screen.next();
      expect(screen.getScreen()).toContain("英文标题（可留空）");
      screen.keypress("enter");
      await screen.next();
      expect(screen.getScreen()).toContain("要求原文或摘要（可不填）");
      screen.keypress("enter");
      await screen.next();
      expect(screen.getScreen()).toContain("类别（可不填）");
      screen.keypress("enter");
      await screen.next();
      expect(screen.getScreen()).toContain("接收日期");
      // Slashes with the year last are read neither way round (the order differs by country).
      screen.type("20/11/2026");
      screen.keypress("enter");
      await screen.next();
      expect(screen.getScreen()).toContain("日期请写成 YYYY-MM-DD，例如 2026-11-20（也可写 2026.11.20、2026/11/20 或 2026年11月20日）。");
      for (let i = 0; i < 10; i++) screen.keypress("backspace");
      // Typed as the customer's letter writes it, recorded as YYYY-MM-DD, as --received would be.
      screen.type("2026年11月20日");
      screen.keypress("enter");
      expect(await done).toBe(0);
      expect(read(dir, "csr/DYA/DYA-011.yaml")).toContain("received: 2026-11-20\n");
    } finally {
      setLanguage("en");
    }
  });

  it("asks for customer, source, section, clauses, title, English title, text, category and date, then writes the CSR", async () => {
    const dir = validRepo();
    // Its source document received the day the test runs (csr add has no --today): the review is due, not overdue.
    const day = today();
    sourceReceivedOn(dir, day);
    const ctx = capture(dir);
    const done = addCsr(ctx, { clause: [] }, prompts);
    await screen.next();

    expect(screen.getScreen()).toContain("Customer");
    expect(screen.getScreen()).toContain("DYA  东岳越野车有限公司");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("DYA-SQM  供应商质量手册 (rev C)");
    expect(screen.getScreen()).toContain("DYA-PKG  包装规范 (rev A)");
    screen.keypress("down");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("Section of the source document");
    screen.type("6.4");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("Clause (type a number or words of its title)");
    screen.type("防护");
    await screen.next();
    expect(screen.getScreen()).toContain("❯ IATF16949:8.5.4  防护");
    expect(screen.getScreen()).toContain("IATF16949:8.5.4.1  防护——补充");
    expect(screen.getScreen()).toContain("\n\nPreservation\n");
    expect(screen.getScreen()).not.toContain("8.3.3.3");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("Another clause");
    expect(screen.getScreen()).toContain("(done: IATF16949:8.5.4)");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("Title");
    screen.type("包装标签须含批次号");
    screen.keypress("enter");
    await screen.next();
    // Asked with the title: the English registers print it (tester19 F6).
    expect(screen.getScreen()).toContain("English title (may be left blank)");
    screen.type("Batch number on every packaging label");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("Requirement text (optional)");
    screen.type("每个包装箱的标签上印刷生产批次号。");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("Category (optional)");
    screen.type("包装");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("Date received");
    screen.type(day);
    screen.keypress("enter");

    expect(await done).toBe(0);
    expect(ctx.out).toBe(`Registered DYA-011 in csr/DYA/DYA-011.yaml.\nReview due ${weekdaysAfter(day, 10)} (10 working days after ${day}).\n`);
    expect(read(dir, "csr/DYA/DYA-011.yaml")).toBe(
      [
        "id: DYA-011",
        "customer: DYA",
        "source:",
        "  document: DYA-PKG",
        "  revision: A",
        '  section: "6.4"',
        "clauses:",
        "  - IATF16949:8.5.4",
        "title: 包装标签须含批次号",
        "title_en: Batch number on every packaging label",
        "text: 每个包装箱的标签上印刷生产批次号。",
        "category: 包装",
        `received: ${day}`,
        "",
      ].join("\n"),
    );
  });

  it("names an untitled paragraph by the clause it belongs to, and offers the source revision's received date", async () => {
    const dir = validRepo();
    const ctx = capture(dir);
    const done = addCsr(ctx, { customer: "DYA", source: "DYA-SQM", section: "6.4", clause: [], title: "过程变更须提前通知", text: "", category: "" }, prompts);
    await screen.next();
    screen.type("4.4.1");
    await screen.next();
    // IATF 16949 4.4.1 has no title of its own: as the clause matrix prints it (month report #17).
    expect(screen.getScreen()).toContain("❯ IATF16949:4.4.1  (part of 4.4 Quality management system and its processes)");
    screen.keypress("enter");
    await screen.next();
    screen.keypress("enter");
    await screen.next();
    // The review clock starts at the receipt of the revision the CSR is taken from (rev C, received 2026-11-20), not today.
    expect(screen.getScreen()).toContain("Date received (2026-11-20)");
    screen.keypress("enter");
    expect(await done).toBe(0);
    expect(read(dir, "csr/DYA/DYA-011.yaml")).toContain("clauses:\n  - IATF16949:4.4.1\ntitle: 过程变更须提前通知\nreceived: 2026-11-20\n");
  });

  it("asks only for what the flags left open", async () => {
    const dir = validRepo();
    const ctx = capture(dir);
    const done = addCsr(ctx, { customer: "DYA", source: "DYA-SQM", section: "6.4", clause: ["IATF16949:8.5.4"], text: "", category: "", received: "2026-11-20" }, prompts);
    await screen.next();
    expect(screen.getScreen()).toContain("Title");
    screen.type("包装标签须含批次号");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("English title (may be left blank)");
    screen.keypress("enter");
    expect(await done).toBe(0);
    expect(read(dir, "csr/DYA/DYA-011.yaml")).toContain("title: 包装标签须含批次号\nreceived: 2026-11-20\n");
  });
});

describe("csr add: the clause picker (tester16 F13)", () => {
  it("adds a clause typed in full at 'Another clause', the exact number first and 'done' after the matches", async () => {
    const dir = validRepo();
    const ctx = capture(dir);
    const done = addCsr(ctx, { clause: [], customer: "DYA", source: "DYA-SQM", section: "3.2", title: "临时更改须经顾客批准", text: "临时更改须书面批准", category: "过程", received: "2026-11-20" }, prompts);
    await screen.next();
    screen.type("8.5.6");
    await screen.next();
    expect(screen.getScreen()).toContain("❯ IATF16949:8.5.6  更改控制\n  IATF16949:8.5.6.1  更改控制——补充\n");
    screen.keypress("down");
    screen.keypress("enter");
    await screen.next();
    screen.type("8.5.6.1.1");
    await screen.next();
    expect(screen.getScreen()).toContain("❯ IATF16949:8.5.6.1.1  过程控制的临时更改\n  (done: IATF16949:8.5.6.1)\n");
    screen.keypress("enter");
    await screen.next();
    // With nothing typed, "done" is first again: Enter ends the list.
    expect(screen.getScreen()).toContain("❯ (done: IATF16949:8.5.6.1, IATF16949:8.5.6.1.1)\n");
    screen.keypress("enter");
    expect(await done).toBe(0);
    expect(read(dir, "csr/DYA/DYA-011.yaml")).toContain("clauses:\n  - IATF16949:8.5.6.1\n  - IATF16949:8.5.6.1.1\ntitle:");
  });

  it("finds the catalogue's 更改 by the plant's 变更, and 6.3 变更的策划 by 更改 (tester20 F19)", async () => {
    const dir = validRepo();
    const done = addCsr(capture(dir), { clause: [], customer: "DYA", source: "DYA-SQM", section: "3.2", title: "过程变更须经顾客批准", text: "过程变更须书面批准", category: "过程", received: "2026-11-20" }, prompts);
    await screen.next();
    screen.type("变更控制");
    await screen.next();
    expect(screen.getScreen()).toContain("❯ IATF16949:8.5.6  更改控制\n  IATF16949:8.5.6.1  更改控制——补充\n");
    for (let i = 0; i < 4; i++) screen.keypress("backspace");
    screen.type("更改");
    await screen.next();
    expect(screen.getScreen()).toContain("❯ IATF16949:6.3  变更的策划\n  IATF16949:8.2.4  产品和服务要求的更改\n");
    screen.keypress("enter");
    await screen.next();
    screen.keypress("enter");
    expect(await done).toBe(0);
    expect(read(dir, "csr/DYA/DYA-011.yaml")).toContain("clauses:\n  - IATF16949:6.3\ntitle:");
  });
});

describe("csr review, asked at a terminal", () => {
  it("offers the departments whose opinion is missing first, then that department's people", async () => {
    const dir = validRepo();
    const ctx = capture(dir);
    const done = reviewCsr(ctx, "DYA-002", { date: "2026-11-26" }, prompts);
    await screen.next();
    expect(screen.getScreen()).toContain("DYA-002 控制计划须经顾客批准");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("❯ MKT  市场部  (opinion missing)");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("li  李娜");
    expect(screen.getScreen()).not.toContain("zhang");
    screen.keypress("enter");
    await screen.next();
    screen.keypress("down");
    screen.keypress("enter");
    await screen.next();
    // Accepting with action asks which action, and takes no blank answer.
    expect(screen.getScreen()).toContain("Action needed (required when accepting with action)");
    screen.type(" ");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("Say which action is needed.");
    screen.keypress("backspace");
    screen.type("需增加检具");
    screen.keypress("enter");
    expect(await done).toBe(0);
    expect(ctx.out).toBe(
      "DYA-002: opinion of 市场部 recorded: accept-with-action, by 李娜 (li) on 2026-11-26.\nEvery required opinion is in; record the decision with 'csr review DYA-002 --disposition <disposition> --by zhang', <disposition> being must (must meet), optional, not-applicable (not applicable), or rejected.\n",
    );
    expect(read(dir, "csr/DYA/DYA-002.yaml")).toContain(
      "    - { department: QA, reviewer: zhang, opinion: accept, date: 2026-11-25 }\n    - department: MKT\n      reviewer: li\n      opinion: accept-with-action\n      date: 2026-11-26\n      comment: 需增加检具\n",
    );
  });

  it("asks how a department's 不同意 was resolved when the decision meets the requirement over it, and prints the answer on the review report", async () => {
    const dir = validRepo();
    const ctx = capture(dir);
    expect(await reviewCsr(ctx, "DYA-002", { department: "MKT", reviewer: "li", opinion: "reject", comment: "顾客未提供批准流程", date: "2026-11-26", yes: true })).toBe(0);
    // Without a terminal the justification is a flag, named with what it is for.
    const refused = await csrInProcess(["-C", dir, "review", "DYA-002", "--disposition", "must", "--by", "zhang", "--date", "2026-11-26"]);
    expect(refused).toEqual({ code: 2, stdout: "", stderr: "csr: --justification is required (or run in a terminal to be asked for how the reject opinion of 市场部 was resolved).\n" });
    const done = reviewCsr(ctx, "DYA-002", { disposition: "must", date: "2026-11-26" }, prompts);
    await screen.next();
    expect(screen.getScreen()).toContain("市场部 rejected it: how was the objection resolved (justification)");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("You must provide a value");
    screen.type("顾客SQE已书面确认批准流程");
    screen.keypress("enter");
    await screen.next();
    // Only the people the decision accepts: approvers working that day (tester16 F7), with name and department.
    expect(screen.getScreen()).toBe("? Decided by\n❯ zhang  张伟 (品质部)\n\n↑↓ navigate • ⏎ select");
    screen.keypress("enter");
    expect(await done).toBe(0);
    expect(read(dir, "csr/DYA/DYA-002.yaml")).toContain("  decision:\n    disposition: must\n    justification: 顾客SQE已书面确认批准流程\n    by: zhang\n    date: 2026-11-26\n");
    const report = async () => {
      expect((await csrInProcess(["-C", dir, "render", "DYA-002", "--format", "md", "--today", "2026-11-27"], { lang: null })).code).toBe(0);
      return read(dir, "out/DYA-002.review.zh-CN.md");
    };
    expect(await report()).toContain("| 必须满足 | 张伟 | 2026-11-26 | 不同意意见的处理（市场部不同意）：顾客SQE已书面确认批准流程 |");
    // Written by hand without it, the decision is reported and the report says the objection was left unanswered.
    writeFileSync(join(dir, "csr/DYA/DYA-002.yaml"), read(dir, "csr/DYA/DYA-002.yaml").replace("    justification: 顾客SQE已书面确认批准流程\n", ""));
    expect(await report()).toContain(" | 不同意意见的处理（市场部不同意）：未说明 |");
    const check = JSON.parse((await csrInProcess(["-C", dir, "check", "--today", "2026-11-27", "--format", "json"])).stdout) as { findings: { rule: string }[] };
    expect(check.findings.map((f) => f.rule)).toContain("csr/rejection-overruled");
  });

  it("asks for a justification when the decision rejects the requirement", async () => {
    const dir = validRepo();
    const ctx = capture(dir);
    const done = reviewCsr(ctx, "DYA-002", { disposition: "rejected", force: true, date: "2026-11-26" }, prompts);
    await screen.next();
    expect(screen.getScreen()).toContain("Justification");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("You must provide a value");
    screen.type("与顾客协商取消");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("Decided by");
    screen.keypress("enter");
    expect(await done).toBe(0);
    expect(read(dir, "csr/DYA/DYA-002.yaml")).toContain(
      "  decision:\n    disposition: rejected\n    justification: 与顾客协商取消\n    by: zhang\n    date: 2026-11-26\n    forced: true\n",
    );
  });
});

describe("csr review at a terminal in a GJB repository asks the review report's signatures", () => {
  /** examples/gjb-demo (军代表室 MRO, 军代表 王建东) with a CSR of NES whose three required departments have countersigned. */
  function gjbRepo(): string {
    const dir = copyFixture("examples/gjb-demo");
    appendFileSync(join(dir, "customers", "NES.yaml"), "sources:\n  - id: NES-JS-01\n    title: 技术协议\n    revisions:\n      - revision: A\n        received: 2026-11-16\n");
    mkdirSync(join(dir, "csr", "NES"), { recursive: true });
    writeFileSync(
      join(dir, "csr", "NES", "NES-001.yaml"),
      [
        "id: NES-001",
        "customer: NES",
        "source: { document: NES-JS-01, revision: A, section: \"3.1\" }",
        "clauses: [GJB9001C:8.2.3]",
        "title: 电源模块须经军代表检验验收",
        "received: 2026-11-16",
        "review:",
        "  opinions:",
        "    - { department: SAL, reviewer: tangl, opinion: accept, date: 2026-11-17 }",
        "    - { department: RD, reviewer: yangf, opinion: accept, date: 2026-11-17 }",
        "    - { department: QA, reviewer: chenhw, opinion: accept, date: 2026-11-18 }",
        "",
      ].join("\n"),
    );
    return dir;
  }

  it("after the decider, asks 记录 and 评审组长 among the organisation's people and the 军代表 among the office's, and records them with the decision", async () => {
    const dir = gjbRepo();
    const ctx = capture(dir);
    const done = reviewCsr(ctx, "NES-001", { disposition: "must", justification: "", date: "2026-11-19" }, prompts);
    await screen.next();
    expect(screen.getScreen()).toContain("? Decided by\n❯ liuzm  Liu Zhiming (General Affairs (administration, purchasing, documents))\n  chenhw  Chen Hongwei (Quality)\n");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("? Review report recorded by (记录)\n❯ liuzm  Liu Zhiming (General Affairs (administration, purchasing, documents))\n");
    expect(screen.getScreen()).not.toContain("wangjd");
    for (let i = 0; i < 8; i++) screen.keypress("down");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("? Review team leader (评审组长)");
    screen.keypress("down");
    screen.keypress("enter");
    await screen.next();
    // Only the office's people sign as 军代表; the signature can also wait for the paper.
    expect(screen.getScreen()).toBe(
      "? Military representative agreeing to the decision (军代表)\n❯ wangjd  Wang Jiandong (Military Representative Office)\n  (not signed yet: record it later with --military-representative)\n\n↑↓ navigate • ⏎ select",
    );
    screen.keypress("enter");
    expect(await done).toBe(0);
    expect(ctx.out).toBe(
      "NES-001: decision recorded: must meet, by Liu Zhiming (liuzm) on 2026-11-19.\nReview report signed: recorded by Ma Xiaolan (maxl), review team leader Chen Hongwei (chenhw), military representative Wang Jiandong (wangjd), 2026-11-19.\n",
    );
    expect(read(dir, "csr/NES/NES-001.yaml")).toContain(
      "  decision:\n    disposition: must\n    by: liuzm\n    date: 2026-11-19\n  recorder: {by: maxl, date: 2026-11-19}\n  leader: {by: chenhw, date: 2026-11-19}\n  military_representative: {by: wangjd, date: 2026-11-19}\n",
    );
  });

  it("asks only for the signatures the flags leave open, and records none left for later", async () => {
    const dir = gjbRepo();
    const ctx = capture(dir);
    const done = reviewCsr(ctx, "NES-001", { disposition: "must", justification: "", date: "2026-11-19", by: "liuzm", recorder: "maxl", leader: "chenhw" }, prompts);
    await screen.next();
    expect(screen.getScreen()).toContain("? Military representative agreeing to the decision (军代表)");
    screen.keypress("down");
    screen.keypress("enter");
    expect(await done).toBe(0);
    expect(read(dir, "csr/NES/NES-001.yaml")).not.toContain("military_representative");
  });
});

describe("csr review --record at a terminal asks the form of the paper review record", () => {
  const form = (id: string, title: string, status: string) => `id: ${id}\ntitle: ${title}\nlevel: 4\nkind: form\ndepartment: QA\nstatus: ${status}\n`;

  it("offers the forms in use first, then obsolete ones and none, preselecting csr.review_form", async () => {
    const dir = validRepo();
    writeFileSync(join(dir, "documents", "QR-015-01.yaml"), form("QR-015-01", "评审记录（旧）", "obsolete\nobsolete: { date: 2026-01-05, reason: 换版 }"));
    writeFileSync(join(dir, "documents", "QR-020-01.yaml"), form("QR-020-01", "顾客特定要求评审记录", "draft"));
    writeFileSync(join(dir, "documents", "QR-020-02.yaml"), form("QR-020-02", "顾客特定要求评审记录（续页）", "draft"));
    writeFileSync(join(dir, "qms.yaml"), read(dir, "qms.yaml").replace("  review_days: 10\n", "  review_days: 10\n  review_form: QR-020-02\n"));
    const ctx = capture(dir);
    const done = reviewCsr(ctx, "DYA-002", { record: "第12号" }, prompts);
    await screen.next();
    expect(screen.getScreen()).toBe(
      "? Form the review record was filled in on (表单编号)\n  QR-020-01  顾客特定要求评审记录\n❯ QR-020-02  顾客特定要求评审记录（续页）\n  QR-015-01  评审记录（旧）  (obsolete)\n  (no form number)\n\n↑↓ navigate • ⏎ select",
    );
    screen.keypress("up");
    screen.keypress("enter");
    expect(await done).toBe(0);
    expect(read(dir, "csr/DYA/DYA-002.yaml")).toContain("  record:\n    form: QR-020-01\n    ref: 第12号\n");
  });

  it("records the number alone when no form is chosen", async () => {
    const dir = validRepo();
    writeFileSync(join(dir, "documents", "QR-020-01.yaml"), form("QR-020-01", "顾客特定要求评审记录", "draft"));
    const done = reviewCsr(capture(dir), "DYA-002", { record: "第12号" }, prompts);
    await screen.next();
    screen.keypress("down");
    screen.keypress("enter");
    expect(await done).toBe(0);
    expect(read(dir, "csr/DYA/DYA-002.yaml")).toContain("  record:\n    ref: 第12号\n");
  });
});

describe("csr review asks the date of the opinion and of the decision (tester16 F7)", () => {
  it("asks the date of a department's opinion, today by default, read and checked as --date is, before offering that day's people", async () => {
    const dir = validRepo();
    const ctx = capture(dir);
    const done = reviewCsr(ctx, "DYA-002", {}, prompts);
    await screen.next();
    screen.keypress("enter");
    await screen.next();
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toBe(`? Date of the opinion (YYYY-MM-DD) (${localToday()})`);
    // DYA-002 was received on 2026-11-20: an opinion cannot come before it.
    screen.type("2026-11-19");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toBe("? Date of the opinion (YYYY-MM-DD) 2026-11-19\n> 2026-11-19 is before the receipt of DYA-002 (2026-11-20), which it must follow.");
    for (let i = 0; i < 10; i++) screen.keypress("backspace");
    screen.type("2026/11/25");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("❯ li  李娜 (市场部)");
    screen.keypress("enter");
    await screen.next();
    screen.keypress("enter");
    await screen.next();
    screen.keypress("enter");
    expect(await done).toBe(0);
    expect(ctx.out.split("\n")[0]).toBe("DYA-002: opinion of 市场部 recorded: accept, by 李娜 (li) on 2026-11-25.");
    expect(read(dir, "csr/DYA/DYA-002.yaml")).toContain("    - department: MKT\n      reviewer: li\n      opinion: accept\n      date: 2026-11-25\n");
  });

  it("asks the date of the decision, not before the last opinion, then offers only the approvers working that day", async () => {
    const dir = validRepo();
    const ctx = capture(dir);
    expect(await reviewCsr(ctx, "DYA-002", { department: "MKT", reviewer: "li", opinion: "accept", date: "2026-11-26", yes: true })).toBe(0);
    // A second approver, whose last working day was 2026-11-26: offered for a decision dated on or before that day only.
    writeFileSync(join(dir, "people.yaml"), read(dir, "people.yaml") + "  - id: chen\n    name: 陈明\n    department: QA\n    roles: [approver]\n    left: 2026-11-26\n");
    const done = reviewCsr(ctx, "DYA-002", { disposition: "must", justification: "" }, prompts);
    await screen.next();
    expect(screen.getScreen()).toBe(`? Date of the decision (YYYY-MM-DD) (${localToday()})`);
    screen.type("2026-11-25");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toBe("? Date of the decision (YYYY-MM-DD) 2026-11-25\n> 2026-11-25 is before the last opinion of DYA-002 (2026-11-26), which it must follow.");
    for (let i = 0; i < 10; i++) screen.keypress("backspace");
    screen.type("2026-11-27");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toBe("? Decided by\n❯ zhang  张伟 (品质部)\n\n↑↓ navigate • ⏎ select");
    screen.keypress("enter");
    expect(await done).toBe(0);
    expect(read(dir, "csr/DYA/DYA-002.yaml")).toContain("  decision:\n    disposition: must\n    by: zhang\n    date: 2026-11-27\n");
  });
});

describe("csr person add, asked at a terminal", () => {
  it("asks for the id, the name, the department of qms.yaml, the roles with their Chinese labels and the title", async () => {
    setLanguage("zh-CN");
    try {
      const dir = validRepo();
      const ctx = capture(dir);
      const done = addPerson(ctx, undefined, { today: "2026-12-04" }, prompts);
      await screen.next();
      expect(screen.getScreen()).toContain("人员 id（如 zhangli 或 张丽）");
      screen.type("liuyang");
      screen.keypress("enter");
      await screen.next();
      expect(screen.getScreen()).toContain("签字用的姓名");
      screen.type("刘洋");
      screen.keypress("enter");
      await screen.next();
      expect(screen.getScreen()).toContain("❯ QA  品质部\n  MKT  市场部\n  PRD  生产部");
      screen.keypress("enter");
      await screen.next();
      expect(screen.getScreen()).toContain(
        "❯◯ author（编制）\n ◯ reviewer（审核）\n ◯ approver（批准）\n ◯ document-controller（文控）\n ◯ standardization（标准化审查）",
      );
      screen.keypress("space");
      screen.keypress("down");
      screen.keypress("space");
      screen.keypress("enter");
      await screen.next();
      expect(screen.getScreen()).toContain("职务（可留空）");
      screen.type("质量工程师");
      screen.keypress("enter");
      expect(await done).toBe(0);
      expect(ctx.out).toBe("已在 people.yaml 中新增 刘洋（liuyang）：品质部，角色 编制、审核。\n到岗日期 2026-12-04，即新增之日（people.yaml 中的 joined；未给 --from）：此前此人不算在职，也不欠培训；到岗更早的，请用 --from <日期> 给出。\n");
      expect(read(dir, "people.yaml").endsWith("  - id: liuyang\n    name: 刘洋\n    department: QA\n    title: 质量工程师\n    roles: [author, reviewer]\n    joined: 2026-12-04\n")).toBe(true);
    } finally {
      setLanguage("en");
    }
  });
});

describe("csr person remove, asked at a terminal", () => {
  it("offers only the people no record names, and removes those ticked", async () => {
    setLanguage("zh-CN");
    try {
      const dir = validRepo();
      writeFileSync(join(dir, "people.yaml"), read(dir, "people.yaml") + "  - id: zhao\n    name: 赵敏\n    department: PRD\n    roles: [author]\n  - id: sun\n    name: 孙丽\n    department: QA\n    roles: []\n");
      const ctx = capture(dir);
      const done = removePeople(ctx, [], {}, prompts);
      await screen.next();
      expect(screen.getScreen()).toContain("要删除的人员（只列出没有被任何记录提到的人员；空格键勾选）：\n❯◯ zhao  赵敏（生产部）\n ◯ sun  孙丽（品质部）");
      screen.keypress("down");
      screen.keypress("space");
      screen.keypress("enter");
      expect(await done).toBe(0);
      expect(ctx.out).toBe("已从 people.yaml 中删除 孙丽（sun）（1 人）。\n");
      expect(read(dir, "people.yaml").endsWith("    roles: [reviewer]\n  - id: zhao\n    name: 赵敏\n    department: PRD\n    roles: [author]\n")).toBe(true);
    } finally {
      setLanguage("en");
    }
  });
});
