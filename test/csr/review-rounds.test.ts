/**
 * Every review round on record (IATF 16949 7.5.3.2.2): a new source revision closes a round with
 * its decision and its late reason; a late reason can be recorded on its own after the decision;
 * a rejection says why; a forced decision is visible in the timeliness register and in the check.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { input, search, select } from "@inquirer/prompts";
import { screen, wrapPrompt } from "@inquirer/testing/vitest";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import type { Prompts } from "../../src/commands/add/prompting.js";
import { reviewCsr } from "../../src/commands/review/index.js";
import { updateSource } from "../../src/commands/source/update.js";
import { csrInProcess, makeRepo, tempDir } from "../helpers.js";
import { capture, read, validRepo } from "./fixture.js";

const prompts = { input: wrapPrompt(input), select: wrapPrompt(select), search: wrapPrompt(search) } as unknown as Prompts;

/** A customer with one source revision and three CSRs taken from it: decided in time, decided late with a reason, never decided. */
function nesRepo(): string {
  return makeRepo(
    {
      "customers/NES.yaml": "code: NES\nname: 北方电子系统研究所\nsources:\n  - id: NES-JDB\n    title: 电源模块技术协议\n    revisions:\n      - revision: \"1\"\n        issued: 2026-09-01\n        received: 2026-09-07\n",
      "csr/NES/NES-001.yaml": [
        "id: NES-001",
        "customer: NES",
        'source: {document: NES-JDB, revision: "1"}',
        "clauses: [IATF16949:8.3.3.3]",
        "title: 新产品试制须经军代表确认",
        "received: 2026-09-07",
        "review:",
        "  opinions:",
        "    - {department: QA, reviewer: zhang, opinion: accept, date: 2026-09-10}",
        "    - {department: MKT, reviewer: li, opinion: accept, date: 2026-09-10}",
        "  decision: {disposition: not-applicable, justification: 不涉及新产品, by: zhang, date: 2026-09-11}",
        "",
      ].join("\n"),
      "csr/NES/NES-002.yaml": [
        "id: NES-002",
        "customer: NES",
        'source: {document: NES-JDB, revision: "1"}',
        "clauses: [IATF16949:8.4.1]",
        "title: 关键元器件须从合格供方目录采购",
        "received: 2026-09-07",
        "review:",
        "  opinions:",
        "    - {department: QA, reviewer: zhang, opinion: accept, date: 2026-09-28}",
        "    - {department: MKT, reviewer: li, opinion: accept, date: 2026-09-28}",
        "  decision: {disposition: not-applicable, justification: 不采购元器件, by: zhang, date: 2026-09-30}",
        "  late_reason: 军代表外出",
        "",
      ].join("\n"),
      "csr/NES/NES-003.yaml": ["id: NES-003", "customer: NES", 'source: {document: NES-JDB, revision: "1"}', "clauses: [IATF16949:8.5.4]", "title: 产品包装须防静电", "received: 2026-09-07", ""].join("\n"),
    },
    validRepo(),
  );
}

const run = (dir: string, ...args: string[]) => csrInProcess(["-C", dir, ...args]);
const nesFindings = async (dir: string) =>
  (JSON.parse((await run(dir, "check", "--today", "2026-11-27", "--format", "json")).stdout).findings as { file: string; line: number; rule: string; message: string }[])
    .filter((f) => f.file.startsWith("csr/NES/"))
    .map((f) => `${f.file}:${f.line} ${f.rule}`);
const restart = (dir: string) => run(dir, "source", "update", "NES-JDB", "--revision", "2", "--issued", "2026-10-12", "--received", "2026-10-13", "--unchanged", "NES-001", "--by", "zhang", "--date", "2026-10-14", "-y");

describe("review rounds", () => {
  it("a new source revision moves the late reason into the closed round, so a late decision of the new round is reported", async () => {
    const dir = nesRepo();
    expect((await restart(dir)).code).toBe(0);
    expect(read(dir, "csr/NES/NES-002.yaml")).toBe(
      [
        "id: NES-002",
        "customer: NES",
        'source: {document: NES-JDB, revision: "2"}',
        "clauses: [IATF16949:8.4.1]",
        "title: 关键元器件须从合格供方目录采购",
        "received: 2026-09-07",
        "review:",
        "  history:",
        '    - source_revision: "1"',
        "      closed: 2026-10-13",
        '      revised_to: "2"',
        "      opinions:",
        "        - {department: QA, reviewer: zhang, opinion: accept, date: 2026-09-28}",
        "        - {department: MKT, reviewer: li, opinion: accept, date: 2026-09-28}",
        "      decision: {disposition: not-applicable, justification: 不采购元器件, by: zhang, date: 2026-09-30}",
        "      late_reason: 军代表外出",
        "  restarted: 2026-10-13",
        "",
      ].join("\n"),
    );
    await run(dir, "review", "NES-002", "--department", "QA", "--reviewer", "zhang", "--opinion", "accept", "--date", "2026-10-28");
    await run(dir, "review", "NES-002", "--department", "MKT", "--reviewer", "li", "--opinion", "accept", "--date", "2026-10-28");
    const decided = await run(dir, "review", "NES-002", "--disposition", "not-applicable", "--justification", "不采购元器件", "--by", "zhang", "--date", "2026-10-29");
    expect(decided.stdout).toBe("NES-002: decision recorded: not applicable, by 张伟 (zhang) on 2026-10-29.\nDecided after the review period (due 2026-10-27); record why with --late-reason (rule csr/review-late).\n");
    expect(await nesFindings(dir)).toEqual(["csr/NES/NES-002.yaml:31 csr/review-late", "csr/NES/NES-003.yaml:12 csr/review-overdue"]);
  });

  it("lists every round in the timeliness register: closed, confirmed unchanged, forced, each with its own reason", async () => {
    const dir = nesRepo();
    await restart(dir);
    await run(dir, "review", "NES-002", "--department", "QA", "--reviewer", "zhang", "--opinion", "accept", "--date", "2026-10-28");
    await run(dir, "review", "NES-002", "--department", "MKT", "--reviewer", "li", "--opinion", "accept", "--date", "2026-10-28");
    await run(dir, "review", "NES-002", "--disposition", "not-applicable", "--justification", "不采购元器件", "--by", "zhang", "--date", "2026-10-29", "--late-reason", "等待军代表签字");
    await run(dir, "review", "NES-003", "--disposition", "must", "--by", "zhang", "--force", "--date", "2026-10-20");
    const csv = await run(dir, "list", "reviews", "--customer", "NES", "--today", "2026-11-27", "--format", "csv");
    expect(csv.stdout.split("\r\n")).toEqual([
      "\ufeffNo.,CSR,Customer,Source document,Revision,Start,Received / restarted,Due,Decided,Decided by,Working days used,On time,Reason for delay,Remarks,As of",
      "1,NES-001,北方电子系统研究所,NES-JDB 电源模块技术协议,\"=\"\"1\"\"\",received,2026-09-07,2026-09-20,2026-09-11,张伟,4,on time,,,2026-11-27",
      '2,NES-001,北方电子系统研究所,NES-JDB 电源模块技术协议,\"=\"\"2\"\"\","new revision, confirmed unchanged",2026-10-13,2026-10-27,2026-10-14,张伟,1,on time,,,2026-11-27',
      "3,NES-002,北方电子系统研究所,NES-JDB 电源模块技术协议,\"=\"\"1\"\"\",received,2026-09-07,2026-09-20,2026-09-30,张伟,17,late by 7 working days,军代表外出,,2026-11-27",
      "4,NES-002,北方电子系统研究所,NES-JDB 电源模块技术协议,\"=\"\"2\"\"\",restarted,2026-10-13,2026-10-27,2026-10-29,张伟,12,late by 2 working days,等待军代表签字,,2026-11-27",
      '5,NES-003,北方电子系统研究所,NES-JDB 电源模块技术协议,\"=\"\"1\"\"\",received,2026-09-07,2026-09-20,,,22,"overdue, not decided before the new revision",,closed by a new source revision on 2026-10-13,2026-11-27',
      '6,NES-003,北方电子系统研究所,NES-JDB 电源模块技术协议,\"=\"\"2\"\"\",restarted,2026-10-13,2026-10-27,2026-10-20,张伟,5,on time,,"decision forced; countersign missing from 2 departments: 品质部, 市场部",2026-11-27',
      "",
    ]);
    const zh = (await csrInProcess(["-C", dir, "list", "reviews", "--customer", "NES", "--today", "2026-11-27"], { lang: "zh-CN" })).stdout.split("\n");
    expect(zh[0]).toBe("顾客特定要求评审及时性记录（共 6 项，截至 2026-11-27）");
    expect(zh.slice(8, 10).map((l) => l.replace(/ +/g, " "))).toEqual([
      "5 NES-003 北方电子系统研究所 NES-JDB 电源模块技术协议 1 接收 2026-09-07 2026-09-20 22 逾期，换版前未决定 2026-10-13 换版，本轮结束",
      "6 NES-003 北方电子系统研究所 NES-JDB 电源模块技术协议 2 换版重评 2026-10-13 2026-10-27 2026-10-20 张伟 5 按期 强制决定，缺 2 个部门会签：品质部、市场部",
    ]);
    expect(zh.at(-2)).toBe("评审期限为起算日后第 10 个工作日（IATF 16949 7.5.3.2.2），按工作日历计算；逾期或逾期未决 3 项。");
  });

  it("records a late reason alone on a decided CSR, without touching the decision; refuses it for a decision in time", async () => {
    const dir = nesRepo();
    await restart(dir);
    await run(dir, "review", "NES-002", "--department", "QA", "--reviewer", "zhang", "--opinion", "accept", "--date", "2026-10-28");
    await run(dir, "review", "NES-002", "--department", "MKT", "--reviewer", "li", "--opinion", "accept", "--date", "2026-10-28");
    await run(dir, "review", "NES-002", "--disposition", "not-applicable", "--justification", "不采购元器件", "--by", "zhang", "--date", "2026-10-29");
    const before = read(dir, "csr/NES/NES-002.yaml");

    const recorded = await run(dir, "review", "NES-002", "--late-reason", "军代表外出", "--date", "2026-11-02");
    expect(recorded).toEqual({ code: 0, stdout: "NES-002: reason for the delay recorded: 军代表外出 (decided 2026-10-29, due 2026-10-27).\n", stderr: "" });
    expect(read(dir, "csr/NES/NES-002.yaml")).toBe(before + "  late_reason: 军代表外出\n");
    expect(await nesFindings(dir)).toEqual(["csr/NES/NES-003.yaml:12 csr/review-overdue"]);

    expect(await run(dir, "review", "NES-002", "--late-reason", "等待军代表签字")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: NES-002 already has a reason for the delay: 军代表外出.\nhint: Add --amend to replace it; the earlier reason is kept in the review history.\n",
    });
    const amended = await run(dir, "review", "NES-002", "--late-reason", "等待军代表签字", "--amend", "--date", "2026-11-03");
    expect(amended.stdout).toBe("NES-002: reason for the delay recorded: 等待军代表签字 (decided 2026-10-29, due 2026-10-27).\nThe earlier reason (军代表外出) is kept in the review history.\n");
    expect(read(dir, "csr/NES/NES-002.yaml")).toBe(
      before.replace("  restarted: 2026-10-13\n", "    - reason: amended\n      closed: 2026-11-03\n      late_reason: 军代表外出\n  restarted: 2026-10-13\n") + "  late_reason: 等待军代表签字\n",
    );
    expect((await run(dir, "review", "NES-002", "--late-reason", "等待军代表签字", "--amend")).stderr).toBe("csr: NES-002 already has this reason for the delay; nothing changed.\n");

    // NES-001's current round is the confirmation of revision 2, in time.
    const file = read(dir, "csr/NES/NES-001.yaml");
    expect(await run(dir, "review", "NES-001", "--late-reason", "x")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: NES-001 was confirmed unchanged in revision 2 on 2026-10-14, within that revision's review period (due 2026-10-27): there is no delay to explain.\n",
    });
    expect(read(dir, "csr/NES/NES-001.yaml")).toBe(file);
  });

  it("offers to record the late reason at a terminal when the decision was late and none is recorded", async () => {
    const dir = nesRepo();
    makeRepo({ "csr/NES/NES-002.yaml": read(dir, "csr/NES/NES-002.yaml").replace("  late_reason: 军代表外出\n", "") }, dir);
    const ctx = capture(dir);
    const done = reviewCsr(ctx, "NES-002", { date: "2026-11-02" }, prompts);
    await screen.next();
    expect(screen.getScreen()).toContain("Record why the decision was late");
    screen.keypress("down");
    screen.keypress("down");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("Decided after the review period (due 2026-09-20); reason for the delay");
    screen.type("军代表外出");
    screen.keypress("enter");
    expect(await done).toBe(0);
    expect(ctx.out).toBe("NES-002: reason for the delay recorded: 军代表外出 (decided 2026-09-30, due 2026-09-20).\n");
    expect(read(dir, "csr/NES/NES-002.yaml")).toContain("  decision: {disposition: not-applicable, justification: 不采购元器件, by: zhang, date: 2026-09-30}\n  late_reason: 军代表外出\n");
  });

  it("at a terminal, with every opinion in, offers the decision first and asks why a late one is late (tester56 D14)", async () => {
    const dir = nesRepo();
    const opinions = "review:\n  opinions:\n    - {department: QA, reviewer: zhang, opinion: accept, date: 2026-10-30}\n    - {department: MKT, reviewer: li, opinion: accept, date: 2026-10-30}\n";
    makeRepo({ "csr/NES/NES-003.yaml": read(dir, "csr/NES/NES-003.yaml") + opinions }, dir);
    const ctx = capture(dir);
    const done = reviewCsr(ctx, "NES-003", { date: "2026-11-02" }, prompts);
    await screen.next();
    expect(screen.getScreen()).toBe("? NES-003 产品包装须防静电\n  Record a department's opinion\n❯ Record the decision\n\n↑↓ navigate • ⏎ select");
    screen.keypress("enter");
    await screen.next();
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toBe("? Justification (optional)");
    screen.keypress("enter");
    await screen.next();
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toBe("? Decided after the review period (due 2026-09-20); reason for the delay");
    screen.type("军代表外出");
    screen.keypress("enter");
    expect(await done).toBe(0);
    expect(ctx.out).toContain("NES-003: decision recorded: must meet, by 张伟 (zhang) on 2026-11-02.\n");
    expect(read(dir, "csr/NES/NES-003.yaml")).toContain("  late_reason: 军代表外出\n  decision:\n    disposition: must\n    by: zhang\n    date: 2026-11-02\n");
  });

  it("refuses a rejection without its reason, and asks for it at a terminal", async () => {
    const dir = nesRepo();
    await restart(dir);
    const file = read(dir, "csr/NES/NES-003.yaml");
    const args = ["review", "NES-003", "--department", "MKT", "--reviewer", "li", "--opinion", "reject", "--date", "2026-10-20"];
    expect(await run(dir, ...args)).toEqual({ code: 2, stdout: "", stderr: "csr: An opinion 'reject' needs --comment saying why, e.g. --comment 现有设备达不到公差要求.\n" });
    expect((await csrInProcess(["-C", dir, ...args], { lang: "zh-CN" })).stderr).toBe("csr: 意见“不同意”需要用 --comment 写明理由，例如 --comment 现有设备达不到公差要求。\n");
    expect(read(dir, "csr/NES/NES-003.yaml")).toBe(file);

    const ctx = capture(dir);
    const done = reviewCsr(ctx, "NES-003", { department: "MKT", reviewer: "li", opinion: "reject", date: "2026-10-20" }, prompts);
    await screen.next();
    expect(screen.getScreen()).toContain("Why not (required for a rejection)");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("Please say why.");
    screen.type("包装供方无防静电资质");
    screen.keypress("enter");
    expect(await done).toBe(0);
    expect(read(dir, "csr/NES/NES-003.yaml")).toBe(file + "  opinions:\n    - department: MKT\n      reviewer: li\n      opinion: reject\n      date: 2026-10-20\n      comment: 包装供方无防静电资质\n");
  });

  it("warns of a forced decision until the missing departments have countersigned", async () => {
    const dir = nesRepo();
    await restart(dir);
    await run(dir, "review", "NES-003", "--disposition", "must", "--by", "zhang", "--force", "--date", "2026-10-20");
    const check = JSON.parse((await run(dir, "check", "--today", "2026-11-27", "--format", "json")).stdout).findings.filter((f: { rule: string }) => f.rule === "csr/forced-decision");
    expect(check.map((f: { file: string; line: number; column: number; message: string }) => `${f.file}:${f.line}:${f.column} ${f.message}`)).toEqual([
      "csr/NES/NES-003.yaml:17:13 NES-003 was decided on 2026-10-20 without the countersigns of 品质部, 市场部 (forced), which are still missing (2 departments). Record them with 'csr review NES-003 --department QA --opinion ...', or record the signed paper review record with 'csr review NES-003 --record <number>'.",
    ]);
    // The countersigns given after the forced decision complete it: no csr/review-inconsistent for their dates.
    expect((await run(dir, "review", "NES-003", "--department", "QA", "--reviewer", "zhang", "--opinion", "accept", "--date", "2026-10-22")).code).toBe(0);
    expect((await run(dir, "review", "NES-003", "--department", "MKT", "--reviewer", "li", "--opinion", "accept", "--date", "2026-10-23")).code).toBe(0);
    expect(await nesFindings(dir)).toEqual(["csr/NES/NES-002.yaml:17 csr/review-overdue", "csr/NES/NES-003.yaml:14 csr/not-addressed"]);
    const csv = (await run(dir, "list", "reviews", "--customer", "NES", "--today", "2026-11-27", "--format", "csv")).stdout.split("\r\n");
    expect(csv[6]).toBe("6,NES-003,北方电子系统研究所,NES-JDB 电源模块技术协议,\"=\"\"2\"\"\",restarted,2026-10-13,2026-10-27,2026-10-20,张伟,5,on time,,decision forced; the countersigns were given afterwards,2026-11-27");
  });
});

describe("a confirmation after the new revision's review period", () => {
  // Revision 2, received 2026-10-13, is due for review on 2026-10-27.
  const confirm = (dir: string, ...more: string[]) =>
    run(dir, "source", "update", "NES-JDB", "--revision", "2", "--issued", "2026-10-12", "--received", "2026-10-13", "--unchanged", "NES-001", "--by", "zhang", ...more, "-y");
  const register = async (dir: string) => (await run(dir, "list", "reviews", "--customer", "NES", "--today", "2026-11-27", "--format", "csv")).stdout.split("\r\n")[2];

  it("records why with csr source update --late-reason, on the confirmation, where csr/review-late and the register read it", async () => {
    const dir = nesRepo();
    const result = await confirm(dir, "--date", "2026-10-29", "--late-reason", "等待军代表确认换版范围");
    expect(result.stderr).toBe("");
    expect(result.stdout.split("\n").slice(-4)).toEqual([
      "1 CSR unchanged in revision 2; decision kept, confirmed by 张伟 (zhang) on 2026-10-29:",
      "  NES-001  新产品试制须经军代表确认",
      "Confirmed after the new revision's review period (due 2026-10-27); reason for the delay recorded: 等待军代表确认换版范围.",
      "",
    ]);
    expect(read(dir, "csr/NES/NES-001.yaml")).toContain('  confirmations:\n    - {source_revision: "2", by: zhang, date: 2026-10-29, late_reason: 等待军代表确认换版范围}\n');
    expect((await nesFindings(dir)).filter((f) => f.endsWith("csr/review-late"))).toEqual([]);
    expect(await register(dir)).toBe('2,NES-001,北方电子系统研究所,NES-JDB 电源模块技术协议,"=""2""","new revision, confirmed unchanged",2026-10-13,2026-10-27,2026-10-29,张伟,12,late by 2 working days,等待军代表确认换版范围,,2026-11-27');
  });

  it("refuses --late-reason for a confirmation in time, without a confirmation, or empty, and writes nothing", async () => {
    const dir = nesRepo();
    const before = read(dir, "customers/NES.yaml");
    expect(await confirm(dir, "--date", "2026-10-27", "--late-reason", "等待军代表确认")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --late-reason is for a confirmation after the review period; the confirmations dated 2026-10-27 are within it (due 2026-10-27).\n",
    });
    expect(await confirm(dir, "--date", "2026-10-29", "--late-reason", "  ")).toEqual({ code: 2, stdout: "", stderr: "csr: The reason for the delay is empty: write it with --late-reason.\n" });
    expect(await run(dir, "source", "update", "NES-JDB", "--revision", "2", "--received", "2026-10-13", "--late-reason", "等待军代表确认", "-y")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --late-reason is for the confirmations of unchanged CSRs (--unchanged), and no CSR is confirmed unchanged here.\n",
    });
    expect(read(dir, "customers/NES.yaml")).toBe(before);
    // Before the new revision, NES-001's current round is its decision, in time.
    expect(await run(dir, "review", "NES-001", "--late-reason", "x", "--date", "2026-11-02")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: NES-001 was decided on 2026-09-11, within its review period (due 2026-09-20): there is no delay to explain.\n",
    });
  });

  it("without a reason says how to record it; csr review --late-reason then records it on the confirmation", async () => {
    const dir = nesRepo();
    expect((await confirm(dir, "--date", "2026-10-29")).stdout.split("\n").slice(-2)).toEqual([
      "Confirmed after the new revision's review period (due 2026-10-27); record why with 'csr review <id> --late-reason \"...\"' (rule csr/review-late).",
      "",
    ]);
    const late = (await run(dir, "check", "--today", "2026-11-27", "--format", "json")).stdout;
    expect((JSON.parse(late).findings as { rule: string; file: string; line: number; column: number; message: string }[]).filter((f) => f.rule === "csr/review-late").map((f) => `${f.file}:${f.line}:${f.column} ${f.message}`)).toEqual([
      "csr/NES/NES-001.yaml:13:47 NES-001 was confirmed unchanged in NES-JDB revision 2 on 2026-10-29, after that revision's review period ended on 2026-10-27 (10 working days from its receipt on 2026-10-13; 12 used). Record why under 'late_reason' of that confirmation (csr review NES-001 --late-reason \"...\"), so the timeliness register shows it.",
    ]);
    const recorded = await run(dir, "review", "NES-001", "--late-reason", "等待军代表确认换版范围", "--date", "2026-11-02");
    expect(recorded).toEqual({ code: 0, stdout: "NES-001: reason for the delay recorded for the confirmation of revision 2: 等待军代表确认换版范围 (confirmed 2026-10-29, due 2026-10-27).\n", stderr: "" });
    expect(read(dir, "csr/NES/NES-001.yaml")).toContain('  confirmations:\n    - {source_revision: "2", by: zhang, date: 2026-10-29, late_reason: 等待军代表确认换版范围}\n');
    expect((await nesFindings(dir)).filter((f) => f.endsWith("csr/review-late"))).toEqual([]);
    // The reason is recorded once; replacing it takes --amend, as for a decision.
    expect((await run(dir, "review", "NES-001", "--late-reason", "另一个原因", "--date", "2026-11-02")).stderr).toBe(
      "csr: NES-001 already has a reason for the delay: 等待军代表确认换版范围.\nhint: Add --amend to replace it; the earlier reason is kept in the review history.\n",
    );
  });

  it("offers at a terminal to record why the confirmation was late, and records it on the confirmation", async () => {
    const dir = nesRepo();
    await confirm(dir, "--date", "2026-10-29");
    const ctx = capture(dir);
    const done = reviewCsr(ctx, "NES-001", { date: "2026-11-02" }, prompts);
    await screen.next();
    expect(screen.getScreen()).toContain("Record why the confirmation of the new revision was late");
    screen.keypress("down");
    screen.keypress("down");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("Confirmed unchanged in revision 2 after its review period (due 2026-10-27); reason for the delay");
    screen.type("军代表外出");
    screen.keypress("enter");
    expect(await done).toBe(0);
    expect(ctx.out).toBe("NES-001: reason for the delay recorded for the confirmation of revision 2: 军代表外出 (confirmed 2026-10-29, due 2026-10-27).\n");
    expect(read(dir, "csr/NES/NES-001.yaml")).toContain('    - {source_revision: "2", by: zhang, date: 2026-10-29, late_reason: 军代表外出}\n');
  });

  it("asks for the reason at a terminal, and may be left without one", async () => {
    const dir = nesRepo();
    const ctx = capture(dir);
    const done = updateSource(ctx, "NES-JDB", { revision: "2", issued: "2026-10-12", received: "2026-10-13", unchanged: ["NES-001"], removed: ["NES-002", "NES-003"], by: "zhang", date: "2026-10-29" }, prompts);
    await screen.next();
    expect(screen.getScreen()).toBe("? Confirmed after the review period (due 2026-10-27); reason for the delay (may be left blank)");
    screen.type("军代表外出");
    screen.keypress("enter");
    expect(await done).toBe(0);
    expect(ctx.out).toContain("Confirmed after the new revision's review period (due 2026-10-27); reason for the delay recorded: 军代表外出.\n");
    expect(read(dir, "csr/NES/NES-001.yaml")).toContain('    - {source_revision: "2", by: zhang, date: 2026-10-29, late_reason: 军代表外出}\n');
  });
});

describe("the review report's and csr show's earlier rounds", () => {
  it("show each round's late reason: a round closed by a new revision, and a revision confirmed unchanged late", async () => {
    const dir = nesRepo();
    await run(dir, "source", "update", "NES-JDB", "--revision", "2", "--received", "2026-10-13", "--unchanged", "NES-001", "--by", "zhang", "--date", "2026-10-29", "--late-reason", "等待军代表确认换版范围", "-y");
    const shown = async (id: string) => (await run(dir, "show", id, "--today", "2026-11-27")).stdout.split("\n");
    expect((await shown("NES-001")).filter((l) => /^  (Review due|Unchanged in) /.test(l))).toEqual([
      "  Review due      2: 2026-10-27; confirmed unchanged 2026-10-29, late by 2 working days; reason for delay: 等待军代表确认换版范围",
      "  Unchanged in    2, zhang 张伟, 2026-10-29; reason for delay: 等待军代表确认换版范围",
    ]);
    const history = await shown("NES-002");
    expect(history.slice(history.findIndex((l) => l.startsWith("  History")))).toEqual([
      "  History         revision 1: received 2026-09-07, due 2026-09-20, decided 2026-09-30, late by 7 working days",
      "                    Departments to countersign: QA 品质部, MKT 市场部",
      "                    QA 品质部 accept, zhang 张伟, 2026-09-28",
      "                    MKT 市场部 accept, li 李娜, 2026-09-28",
      "                    decision not applicable, zhang 张伟, 2026-09-30: 不采购元器件",
      "                    reason for delay: 军代表外出",
      "                    closed on 2026-10-13 for the re-review of revision 2",
      "",
    ]);
    const out = tempDir();
    for (const format of ["md", "html", "docx"]) expect((await csrInProcess(["-C", dir, "render", "NES-001", "NES-002", "--format", format, "--out", out, "--today", "2026-11-27"], { lang: null })).code).toBe(0);
    const md = (id: string) => readFileSync(join(out, `${id}.review.zh-CN.md`), "utf8");
    expect(md("NES-002").split("\n").filter((l) => l.startsWith("| 1 |"))).toEqual(["| 1 | 1 | 接收日期 2026-09-07; 评审期限 2026-09-20; 决定日期 2026-09-30; 及时性 逾期 7 个工作日 | 须会签部门：品质部、市场部; 品质部 张伟 同意 2026-09-28; 市场部 李娜 同意 2026-09-28 | 不适用 张伟 2026-09-30; 逾期原因：军代表外出 | 2026-10-13 因 2 版换版重评而关闭 |"]);
    // NES-001's current round is the late confirmation: its header says so, with the reason.
    expect(md("NES-001")).toContain("| 评审期限 | 2026-10-27 | 决定日期 | 2026-10-29 张伟（确认未变） |\n| 评审用时 | 12 个工作日 | 及时性 | 逾期 2 个工作日 |\n| 逾期原因 | 等待军代表确认换版范围 |  |  |\n");
    expect(md("NES-001")).toContain("| 来源文件版本 | 确认人 | 确认日期 | 说明 |\n| --- | --- | --- | --- |\n| 2 | 张伟 | 2026-10-29 | 逾期原因：等待军代表确认换版范围 |\n");
    const html = (id: string) => readFileSync(join(out, `${id}.review.zh-CN.html`), "utf8");
    expect(html("NES-002")).toContain('<td><span class="nowrap">不适用</span> <span class="nowrap">张伟</span> <span class="nowrap">2026-09-30</span><br>逾期原因：军代表外出</td></tr>\n<tr class="history-closing"><td colspan="4">2026-10-13 因 2 版换版重评而关闭</td></tr>\n</tbody>\n');
    // One tbody a round, kept on one page with its closing line (tester58 F15).
    expect(html("NES-002").match(/<tbody class="round">/g)).toHaveLength(1);
    // A table a round, whose header, repeated where a round longer than a page continues, labels it 第 1 轮（续）; on its first page a row moved over that label reads 第 1 轮 (csrflow59).
    expect(html("NES-002")).toContain(
      '<th>评审结论</th></tr>\n<tr class="round-continued"><th colspan="5">第 1 轮（续）</th></tr></thead>\n<tbody class="round">\n<tr class="round-label"><th colspan="5"><div>第 1 轮</div></th></tr>\n<tr><td class="nowrap" rowspan="2">1</td>',
    );
    expect(html("NES-002")).toContain("table.history tr.round-label { position: relative; top: -6mm; break-after: avoid; }");
    expect(html("NES-002")).toContain("table.history > tbody.round { break-inside: avoid; }");
    expect(html("NES-001")).toContain('<tr><td class="nowrap">2</td><td class="nowrap">张伟</td><td class="nowrap">2026-10-29</td><td>逾期原因：等待军代表确认换版范围</td></tr>');
    const docx = (id: string) => wordParagraphs(join(out, `${id}.review.zh-CN.docx`));
    // In Word a cell's second line is a break in the same paragraph.
    expect(docx("NES-002").slice(docx("NES-002").indexOf("5 历次评审") + 7, docx("NES-002").indexOf("记录"))).toEqual([
      "1", "1", "接收日期 2026-09-07评审期限 2026-09-20决定日期 2026-09-30及时性 逾期 7 个工作日", "须会签部门：品质部、市场部品质部 张伟 同意 2026-09-28市场部 李娜 同意 2026-09-28", "不适用 张伟 2026-09-30逾期原因：军代表外出", "2026-10-13 因 2 版换版重评而关闭",
    ]);
    expect(docx("NES-001").slice(docx("NES-001").indexOf("换版确认未变"), docx("NES-001").indexOf("4 措施与落实"))).toEqual(["换版确认未变", "来源文件版本", "确认人", "确认日期", "说明", "2", "张伟", "2026-10-29", "逾期原因：等待军代表确认换版范围"]);
  });
});

/** The text of a Word file's body, paragraph by paragraph (a table cell's lines are paragraphs). */
function wordParagraphs(path: string): string[] {
  const xml = strFromU8(unzipSync(readFileSync(path))["word/document.xml"]!);
  return [...xml.matchAll(/<w:p[ >].*?<\/w:p>/gs)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join("")).filter(Boolean);
}

describe("a decision amended after the round was decided in time (tester18 F16)", () => {
  const CSR = [
    "id: DYA-012",
    "customer: DYA",
    "source: { document: DYA-SQM, revision: B }",
    "clauses: [IATF16949:8.5.1.1]",
    "title: 特殊特性须每班验证",
    "received: 2025-06-05",
    "review:",
    "  required: [QA]",
    "  opinions:",
    "    - { department: QA, reviewer: zhang, opinion: accept, date: 2025-06-09 }",
    "",
  ].join("\n");
  const zh = (dir: string, ...args: string[]) => csrInProcess(["-C", dir, "--lang", "zh-CN", ...args]);

  it("keeps the round on time, measured on its first decision, and moves the report's signatures to the history with it", async () => {
    const dir = makeRepo({ "csr/DYA/DYA-012.yaml": CSR }, validRepo());
    expect((await zh(dir, "review", "DYA-012", "--disposition", "must", "--by", "zhang", "--date", "2025-06-10", "--recorder", "li", "--leader", "zhang", "-y")).code).toBe(0);
    expect(await zh(dir, "review", "DYA-012", "--disposition", "optional", "--by", "zhang", "--date", "2025-07-01", "--amend", "-y")).toEqual({
      code: 0,
      stdout: [
        "DYA-012：已登记评审结论：可选，张伟（zhang），2025-07-01。",
        "原结论（必须满足，2025-06-10）保留在评审历史中。",
        "本轮评审已于 2025-06-10 作出结论，在评审期限 2025-06-19 之内；修改结论不计为逾期。",
        "原评审报告签字（记录 李娜（li）、评审组长 张伟（zhang））随原结论保留在评审历史中；新结论的评审报告须重新签字：'csr review DYA-012 --recorder <人员> --leader <人员>'。",
        "",
      ].join("\n"),
      stderr: "",
    });
    expect(read(dir, "csr/DYA/DYA-012.yaml")).toBe(
      CSR +
        [
          "  decision:",
          "    disposition: optional",
          "    by: zhang",
          "    date: 2025-07-01",
          "  history:",
          "    - reason: amended",
          "      closed: 2025-07-01",
          "      decision:",
          "        disposition: must",
          "        by: zhang",
          "        date: 2025-06-10",
          "      recorder: {by: li, date: 2025-06-10}",
          "      leader: {by: zhang, date: 2025-06-10}",
          "",
        ].join("\n"),
    );
    const row = (await zh(dir, "list", "reviews", "--format", "csv", "--today", "2025-07-02")).stdout.split("\r\n").find((l) => l.includes("DYA-012"));
    expect(row).toBe("2,DYA-012,东岳越野车有限公司,DYA-SQM 供应商质量手册,B,接收,2025-06-05,2025-06-19,2025-06-10,张伟,3,按期,,结论于 2025-07-01 修改为可选（张伟）,2025-07-02");
    const shown = (await zh(dir, "show", "DYA-012", "--today", "2025-07-02")).stdout;
    expect(shown).toContain("  评审期限        2025-06-19；2025-06-10 作出结论\n");
    expect(shown).toContain("  历次评审        修改，2025-07-01 结束\n                    结论 必须满足，张伟，2025-06-10\n                    记录 李娜，2025-06-10\n                    评审组长 张伟，2025-06-10\n");
    expect(await zh(dir, "review", "DYA-012", "--late-reason", "等待顾客答复", "-y")).toEqual({ code: 2, stdout: "", stderr: "csr: DYA-012 的结论（2025-06-10）在评审期限 2025-06-19 之内，不需要逾期原因。\n" });
  });
});

describe("a changed source revision closes the implementation of the round it reopens (tester18 F15)", () => {
  it("moves what was implemented and verified to implementation.history with the earlier round, so the new revision is not 已验证", async () => {
    const dir = validRepo();
    const before = read(dir, "csr/DYA/DYA-006.yaml");
    const updated = await csrInProcess(
      ["-C", dir, "--lang", "zh-CN", "source", "update", "DYA-SQM", "--revision", "D", "--issued", "2026-11-27", "--received", "2026-11-30", "--unchanged", "DYA-003,DYA-004,DYA-005,DYA-007,DYA-008,DYA-010", "--by", "zhang", "--date", "2026-11-30", "-y"],
    );
    expect(updated.stdout.split("\n").slice(1, 7)).toEqual([
      "3 条 CSR 需按版本 D 重新评审，期限 2026-12-14：",
      "  DYA-001  特殊特性符号按顾客规定标识（原为版本 C）",
      "  DYA-002  控制计划须经顾客批准（原为版本 C）",
      "  DYA-006  特殊特性变更须通知顾客（原为版本 C）",
      // With flags the new wording was not asked: the output says to enter it (tester56 D1).
      "请在评审前用 'csr set <编号> --text …' 写入 D 版的新要求内容（如 csr set DYA-001 --text …）；原内容留在上一轮评审记录中。",
      "其中 DYA-006 已按上一版本实施或验证：该实施记录随上一轮评审移入 implementation.history；按 D 版作出结论后，用 csr implement 重新登记实施和验证。",
    ]);
    expect(read(dir, "csr/DYA/DYA-006.yaml").split("implementation:\n")[1]).toBe(
      [
        "  owner: wang",
        "  history:",
        "    - closed: 2026-11-30",
        "      source_revision: C",
        "      revised_to: D",
        "      status: verified",
        "      due: 2026-11-26",
        "      implemented: 2026-11-25",
        "      verified: {by: zhang, date: 2026-11-26}",
        "",
      ].join("\n"),
    );
    expect(before.split("implementation:\n")[1]).toBe("  owner: wang\n  due: 2026-11-26\n  status: verified\n  implemented: 2026-11-25\n  verified: { by: zhang, date: 2026-11-26 }\n");
    const status = async (today: string) => (await csrInProcess(["-C", dir, "--lang", "zh-CN", "list", "csr", "--format", "csv", "--today", today])).stdout.split("\r\n").find((l) => l.startsWith("6,DYA-006,"))!.split(",").at(-2);
    expect([await status("2026-12-01"), await status("2026-11-28")]).toEqual(["已接收", "已验证"]);
    const shown = (await csrInProcess(["-C", dir, "--lang", "zh-CN", "show", "DYA-006", "--today", "2026-12-01"])).stdout;
    expect(shown).toContain("  实施            计划中，负责人 王强\n  实施记录修改    2026-11-30 DYA-SQM 换版（C → D），重新评审；原记录：2026-11-25 实施，验证人 张伟 2026-11-26\n");
    // A corrected date received moves the close of that record with the round's.
    expect((await csrInProcess(["-C", dir, "source", "update", "DYA-SQM", "--revision", "D", "--issued", "2026-11-27", "--received", "2026-11-27", "--amend", "-y"])).code).toBe(0);
    expect(read(dir, "csr/DYA/DYA-006.yaml")).toContain("  history:\n    - closed: 2026-11-27\n      source_revision: C\n");
  });
});

describe("a late decision kept by a confirmation (tester50b #1, #13)", () => {
  it("stays late: csr/review-late reports it, csr review --late-reason records its reason, show and the review report say it", async () => {
    const dir = nesRepo();
    writeFileSync(
      join(dir, "csr/NES/NES-004.yaml"),
      read(dir, "csr/NES/NES-002.yaml").replace("NES-002", "NES-004").replace("关键元器件须从合格供方目录采购", "元器件须有合格证").replace("  late_reason: 军代表外出\n", ""),
    );
    expect((await run(dir, "source", "update", "NES-JDB", "--revision", "2", "--issued", "2026-10-12", "--received", "2026-10-13", "--unchanged", "NES-001", "NES-004", "--by", "zhang", "--date", "2026-10-14", "-y")).code).toBe(0);
    // The confirmation of revision 2 is in time; the decision it keeps (2026-09-30) was not.
    expect(await nesFindings(dir)).toContain("csr/NES/NES-004.yaml:11 csr/review-late");
    const shown = (await run(dir, "show", "NES-004", "--today", "2026-11-02")).stdout;
    expect(shown).toContain("  Decision        not applicable, zhang 张伟, 2026-09-30: 不采购元器件, late by 7 working days (due 2026-09-20)\n");
    const page = (await run(dir, "render", "NES-004", "--format", "md", "--out", join(dir, "NES-004.md"), "--today", "2026-11-02")).code;
    expect(page).toBe(0);
    expect(readFileSync(join(dir, "NES-004.md"), "utf8")).toContain(
      "Timeliness: late: decided 7 working days after the review deadline 2026-09-20 (kept by the later revision confirmed unchanged)\n\nReason for delay: Not recorded\n",
    );

    const recorded = await run(dir, "review", "NES-004", "--late-reason", "等待顾客澄清", "--date", "2026-11-02");
    expect(recorded).toEqual({ code: 0, stdout: "NES-004: reason for the delay recorded: 等待顾客澄清 (decided 2026-09-30, due 2026-09-20).\n", stderr: "" });
    expect(read(dir, "csr/NES/NES-004.yaml")).toContain("  late_reason: 等待顾客澄清\n");
    expect((await nesFindings(dir)).filter((f) => f.includes("NES-004"))).toEqual([]);
    expect((await run(dir, "show", "NES-004", "--today", "2026-11-02")).stdout).toContain("2026-09-30: 不采购元器件, late by 7 working days (due 2026-09-20); reason for delay: 等待顾客澄清\n");
  });

  it("csr show gives a round closed overdue by a new revision its verdict, as the register does", async () => {
    const dir = nesRepo();
    await restart(dir);
    expect((await run(dir, "show", "NES-003", "--today", "2026-11-02")).stdout).toContain(
      "  History         revision 1: received 2026-09-07, due 2026-09-20, overdue, not decided before the new revision\n",
    );
  });
});
