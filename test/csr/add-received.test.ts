/**
 * The date a requirement was received starts its review clock (IATF 16949 7.5.3.2.2): csr add refuses
 * one before its source revision was received and, without --received, takes that revision's date in
 * every mode; csr source add never records today unasked (tester16 F4).
 */
import { input, search, select } from "@inquirer/prompts";
import { screen, wrapPrompt } from "@inquirer/testing/vitest";
import { appendFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { addCsr } from "../../src/commands/add/index.js";
import type { Prompts } from "../../src/commands/add/prompting.js";
import { addSource } from "../../src/commands/source/add.js";
import { capture, read, sourceReceivedOn, tree, validRepo, weekdayCalendar } from "./fixture.js";
import { checkJsonInProcess, copyFixture, csr, csrInProcess, git } from "../helpers.js";
import { daysAfter, today, weekdaysAfter } from "../today.js";

describe("csr add --received before the source revision", () => {
  it("is refused in one line naming the revision's dates, and nothing is written", async () => {
    const dir = copyFixture("examples/acme-auto");
    const before = tree(dir);
    await expect(
      addCsr(capture(dir), { customer: "DYA", source: "DYA-KPI", clause: ["IATF16949:8.4.2.4"], title: "测试", received: "2026-02-10", yes: true }),
    ).rejects.toThrow(/^--received 2026-02-10 is before DYA-KPI 2027版 was received \(2026-11-24; issued 2026-11-18\); a requirement cannot be received before the document it comes from\. Correct the received date\.$/);
    expect(tree(dir)).toEqual(before);
  });
});

describe("csr add --received after the source revision (tester20 F19)", () => {
  it("registers the CSR and warns, naming the letter's own source document and the command that moves the CSR to it, the date of the revision and its correction", async () => {
    const dir = copyFixture("examples/acme-auto");
    const result = await csrInProcess(["-C", dir, "add", "--customer", "DYA", "--source", "DYA-KPI", "--clause", "IATF16949:8.4.2.4", "--title", "供应商月度绩效报告", "--received", "2026-11-26", "-y"], { lang: null });
    expect([result.code, result.stderr]).toEqual([
      0,
      "csr: 警告：DYA-008 的接收日期 2026-11-26 晚于来源文件 DYA-KPI 2027版的接收日期（2026-11-24），评审期限从 2026-11-26 起算（csr check 报告 date/received-after-source）。若该要求另由顾客函件、邮件或会议纪要提出，请把该函件登记为来源文件（'csr source add DYA --id <编号> --title <名称> --revision <版本> --received 2026-11-26'），再用 'csr set DYA-008 --source <编号>' 把此要求改到该函件下；若随 DYA-KPI 收到，用 'csr set DYA-008 --received 2026-11-24' 更正；若是 DYA-KPI 2027版的接收日期录错了，用 'csr source update DYA-KPI --revision 2027版 --received <日期> --amend' 更正。\n",
    ]);
  });
});

describe("csr add at a terminal, a date received after the source revision (tester20 F19)", () => {
  /** csr add with all but the date received given, at a terminal; the date typed is `day` (the day the test runs), after DYA-SQM C (2026-11-20). */
  async function typedLate(ctx: ReturnType<typeof capture>, day = today()): Promise<{ done: Promise<number>; day: string }> {
    const prompts = { input: wrapPrompt(input), select: wrapPrompt(select), search: wrapPrompt(search) } as unknown as Prompts;
    const done = addCsr(ctx, { customer: "DYA", source: "DYA-SQM", section: "6.5", clause: ["IATF16949:8.5.4"], title: "托盘标签须含发货批次", text: "托盘标签须含发货批次。", commit: true }, prompts);
    await screen.next();
    expect(screen.getScreen()).toContain("Category (optional)");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("Date received (2026-11-20)");
    for (let i = 0; i < 10; i++) screen.keypress("backspace");
    screen.type(day);
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain(
      `Date received ${day} is after DYA-SQM C was received (2026-11-20). Did the requirement come in a new document or letter of the customer?\n` +
        "❯ Yes: record the letter (e-mail, meeting minutes) as a source document and register the requirement from it\n" +
        "  No, it came with DYA-SQM C: date received 2026-11-20\n" +
        `  No, register it as received ${day} (csr check will warn)`,
    );
    return { done, day };
  }

  it("asks at once whether it came in a letter, records the letter as a source document with the CSR in one commit, and csr check has nothing to say", async () => {
    const dir = validRepo({ git: true });
    weekdayCalendar(dir);
    // The customer's first letter of the year is on record: the id offered as example is the next one (tester23 F20).
    // Received and judged on the year's first day, so that in the year's first days it is not dated after the day the test runs (date/in-future).
    const year = today().slice(0, 4);
    appendFileSync(join(dir, "customers/DYA.yaml"), `  - id: DYA-LTR-${year}-01\n    title: 关于包装的函\n    revisions:\n      - revision: "1"\n        received: ${year}-01-01\n        no_requirements: {by: xuht, date: ${year}-01-01}\n`);
    git(dir, ["commit", "-q", "-am", "weekdays, a letter"]);
    const customer = read(dir, "customers/DYA.yaml");
    const ctx = capture(dir);
    const { done, day } = await typedLate(ctx);
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toBe(`? Id of the letter as a source document of DYA (e.g. DYA-LTR-${year}-02)`);
    // The letter on record: its new revision is recorded with csr source update, which the answer names.
    screen.type(`DYA-LTR-${year}-01`);
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toBe(
      `? Id of the letter as a source document of DYA (e.g. DYA-LTR-${year}-02) DYA-LTR-${year}-01\n` +
        `> DYA has a source document DYA-LTR-${year}-01 already. If the requirement came in a new revision of it, record that revision first with 'csr source update DYA-LTR-${year}-01 --revision <rev> --received ${day}' and register the requirement from it; otherwise give another id.`,
    );
    screen.keypress("backspace");
    screen.type("2");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("Title of the letter");
    screen.type("关于托盘标签的函");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("Revision received (e.g. C or 2026-03) (1)");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toBe("? Date the customer issued it (YYYY-MM-DD, may be left blank)");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("? Department that keeps it (external document list)\n❯ QA   品质部\n  MKT  市场部\n  PRD  生产部");
    screen.keypress("enter");
    expect(await done).toBe(0);
    const hash = git(dir, ["rev-parse", "--short=7", "HEAD"]).trim();
    expect([ctx.out, ctx.err]).toEqual([
      `DYA: source document DYA-LTR-${year}-02 关于托盘标签的函 recorded, revision 1, received ${day}.\n` +
        `DYA-LTR-${year}-02 is kept by 品质部.\n` +
        "Registered DYA-011 in csr/DYA/DYA-011.yaml.\n" +
        `Review due ${weekdaysAfter(day, 10)} (10 working days after ${day}).\n` +
        `Committed ${hash}: csr add DYA-011: 托盘标签须含发货批次 (source document DYA-LTR-${year}-02 1 recorded with it)\n`,
      "",
    ]);
    expect(read(dir, "customers/DYA.yaml")).toBe(customer + `  - id: DYA-LTR-${year}-02\n    title: 关于托盘标签的函\n    department: QA\n    revisions:\n      - revision: "1"\n        received: ${day}\n`);
    expect(read(dir, "csr/DYA/DYA-011.yaml")).toContain(`source:\n  document: DYA-LTR-${year}-02\n  revision: "1"\n  section: "6.5"\n`);
    expect(git(dir, ["show", "--name-only", "--format=", "HEAD"]).trim().split("\n")).toEqual(["csr/DYA/DYA-011.yaml", "customers/DYA.yaml"]);
    expect((await checkJsonInProcess(dir, "--today", day)).findings.filter((f) => f.file === "csr/DYA/DYA-011.yaml" || f.file === "customers/DYA.yaml")).toEqual([]);
  });

  it("asks the letter's date issued and the department that keeps it, as csr source add does: the external document list names both (tester23 F3)", async () => {
    const dir = validRepo({ git: true });
    weekdayCalendar(dir);
    // Who keeps the manual keeps the customer's letters, as a rule: offered first.
    writeFileSync(join(dir, "customers/DYA.yaml"), read(dir, "customers/DYA.yaml").replace("  - id: DYA-SQM\n    title: 供应商质量手册\n", "  - id: DYA-SQM\n    title: 供应商质量手册\n    department: MKT\n"));
    git(dir, ["commit", "-q", "-am", "weekdays, the manual kept by MKT"]);
    const ctx = capture(dir);
    // Received the day before the test runs: a date issued after it (today) is refused at once.
    const { done, day } = await typedLate(ctx, daysAfter(today(), -1));
    screen.keypress("enter");
    await screen.next();
    screen.type("DYA-MAIL-1");
    screen.keypress("enter");
    await screen.next();
    screen.type("SQE 邮件：托盘标签");
    screen.keypress("enter");
    await screen.next();
    screen.keypress("enter");
    await screen.next();
    screen.type(today());
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toBe(`? Date the customer issued it (YYYY-MM-DD, may be left blank) ${today()}\n> The date issued cannot be after the date received, ${day}.`);
    for (let i = 0; i < 10; i++) screen.keypress("backspace");
    const issued = daysAfter(day, -2);
    screen.type(issued);
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("? Department that keeps it (external document list)\n  QA   品质部\n❯ MKT  市场部\n  PRD  生产部");
    screen.keypress("down");
    screen.keypress("enter");
    expect(await done).toBe(0);
    expect(ctx.out.split("\n").slice(0, 2)).toEqual([`DYA: source document DYA-MAIL-1 SQE 邮件：托盘标签 recorded, revision 1, received ${day}.`, "DYA-MAIL-1 is kept by 生产部."]);
    expect(read(dir, "customers/DYA.yaml")).toMatch(new RegExp(`  - id: DYA-MAIL-1\n    title: SQE 邮件：托盘标签\n    department: PRD\n    revisions:\n      - revision: "1"\n        issued: ${issued}\n        received: ${day}\n$`));
    const external = await csrInProcess(["-C", dir, "list", "external", "--format", "csv"]);
    expect(external.stdout.split("\r\n").find((line) => line.includes("DYA-MAIL-1"))).toBe(`3,customer document,DYA-MAIL-1,SQE 邮件：托盘标签,东岳越野车有限公司,"=""1""",${issued},,${day},current,生产部`);
  });

  it("takes the source revision's date when it came with it", async () => {
    const dir = validRepo({ git: true });
    const ctx = capture(dir);
    const { done } = await typedLate(ctx);
    screen.keypress("down");
    screen.keypress("enter");
    expect(await done).toBe(0);
    expect(ctx.err).toBe("");
    expect(read(dir, "csr/DYA/DYA-011.yaml")).toMatch(/\nreceived: 2026-11-20\n$/);
    expect(read(dir, "customers/DYA.yaml")).not.toContain("DYA-LTR");
  });
});

describe("csr add -y without --received", () => {
  it("records the date the source revision was received, as the question at a terminal offers, and says so", () => {
    const dir = validRepo();
    // Its source revision received the day the test runs (csr add has no --today): the review is due, not overdue.
    const day = today();
    sourceReceivedOn(dir, day);
    const result = csr(["-C", dir, "add", "--customer", "DYA", "--source", "DYA-PKG", "--clause", "IATF16949:8.7.1", "--title", "不合格品须在 24 小时内隔离", "-y"], { lang: "zh-CN" });
    expect(result).toEqual({
      code: 0,
      stdout: `已登记 DYA-011，文件 csr/DYA/DYA-011.yaml。\n接收日期取来源文件 DYA-PKG A 版的接收日期 ${day}（未给出 --received）。\n评审期限 ${weekdaysAfter(day, 10)}（接收日期 ${day} 之后 10 个工作日）。\n`,
      stderr: "",
    });
    expect(read(dir, "csr/DYA/DYA-011.yaml")).toMatch(new RegExp(`\\nreceived: ${day}\\n$`));
  });

  it("says nothing of the source when --received is given", () => {
    const dir = validRepo();
    const day = today();
    sourceReceivedOn(dir, day);
    const result = csr(["-C", dir, "add", "--customer", "DYA", "--source", "DYA-PKG", "--clause", "IATF16949:8.7.1", "--title", "隔离", "--received", day, "-y"]);
    expect(result.stdout).toBe(`Registered DYA-011 in csr/DYA/DYA-011.yaml.\nReview due ${weekdaysAfter(day, 10)} (10 working days after ${day}).\n`);
  });
});

describe("csr source add: the dates of the revision received", () => {
  it("with --yes, a missing --received is an error naming it; nothing is written", () => {
    const dir = validRepo();
    const before = tree(dir).map((f) => [f, read(dir, f)]);
    expect(csr(["-C", dir, "source", "add", "DYA", "--id", "DYA-PKG", "--title", "包装规范", "--revision", "A", "-y"], { lang: "zh-CN" })).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: 缺少 --received（或在终端中运行，由 csr 询问接收日期）。\n",
    });
    expect(tree(dir).map((f) => [f, read(dir, f)])).toEqual(before);
  });

  it("at a terminal, asks the dates even when --id, --title and --revision are given", async () => {
    const dir = validRepo();
    const ctx = capture(dir);
    const prompts = { input: wrapPrompt(input), select: wrapPrompt(select), search: wrapPrompt(search) } as unknown as Prompts;
    const done = addSource(ctx, "DYA", { id: "DYA-PKG", title: "包装规范", revision: "A" }, prompts);
    await screen.next();
    expect(screen.getScreen()).toContain("Date the customer issued it (YYYY-MM-DD, may be left blank)");
    screen.type("2026-11-02");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("Date received (YYYY-MM-DD)");
    for (let i = 0; i < 10; i++) screen.keypress("backspace");
    screen.type("2026-11-16");
    screen.keypress("enter");
    // The customer's 实施日期 may be left blank.
    await screen.next();
    expect(screen.getScreen()).toContain("Customer's effective date (YYYY-MM-DD, may be left blank;");
    screen.keypress("enter");
    expect(await done).toBe(0);
    expect(ctx.out.split("\n")[0]).toBe("DYA: source document DYA-PKG 包装规范 recorded, revision A, received 2026-11-16.");
    expect(read(dir, "customers/DYA.yaml")).toContain("  - id: DYA-PKG\n    title: 包装规范\n    revisions:\n      - revision: A\n        issued: 2026-11-02\n        received: 2026-11-16\n");
  });
});
