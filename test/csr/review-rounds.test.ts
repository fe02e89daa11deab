/**
 * Every review round on record (IATF 16949 7.5.3.2.2): a new source revision closes a round with
 * its decision and its late reason; a late reason can be recorded on its own after the decision;
 * a rejection says why; a forced decision is visible in the timeliness register and in the check.
 */
import { input, search, select } from "@inquirer/prompts";
import { screen, wrapPrompt } from "@inquirer/testing/vitest";
import { describe, expect, it } from "vitest";
import type { Prompts } from "../../src/commands/add/prompting.js";
import { reviewCsr } from "../../src/commands/review/index.js";
import { csrInProcess, makeRepo } from "../helpers.js";
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
        "      reason: NES-JDB 换版为 2，重新评审",
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
    expect(decided.stdout).toBe("NES-002: decision recorded: not-applicable, by 张伟 (zhang) on 2026-10-29.\nDecided after the review period (due 2026-10-27); record why with --late-reason (rule csr/review-late).\n");
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
      "1,NES-001,北方电子系统研究所,NES-JDB 电源模块技术协议,1,received,2026-09-07,2026-09-20,2026-09-11,张伟,4,on time,,,2026-11-27",
      '2,NES-001,北方电子系统研究所,NES-JDB 电源模块技术协议,2,"new revision, confirmed unchanged",2026-10-13,2026-10-27,2026-10-14,张伟,1,on time,,,2026-11-27',
      "3,NES-002,北方电子系统研究所,NES-JDB 电源模块技术协议,1,received,2026-09-07,2026-09-20,2026-09-30,张伟,17,late,军代表外出,,2026-11-27",
      "4,NES-002,北方电子系统研究所,NES-JDB 电源模块技术协议,2,restarted,2026-10-13,2026-10-27,2026-10-29,张伟,12,late,等待军代表签字,,2026-11-27",
      '5,NES-003,北方电子系统研究所,NES-JDB 电源模块技术协议,1,received,2026-09-07,2026-09-20,,,22,"overdue, not decided before the new revision",,closed by a new source revision on 2026-10-13,2026-11-27',
      '6,NES-003,北方电子系统研究所,NES-JDB 电源模块技术协议,2,restarted,2026-10-13,2026-10-27,2026-10-20,张伟,5,on time,,"decision forced; countersign missing from 2 departments: 品质部, 市场部",2026-11-27',
      "",
    ]);
    const zh = (await csrInProcess(["-C", dir, "list", "reviews", "--customer", "NES", "--today", "2026-11-27"], { lang: "zh-CN" })).stdout.split("\n");
    expect(zh[0]).toBe("顾客特定要求评审及时性记录（共 6 项，截至 2026-11-27）");
    expect(zh.slice(8, 10).map((l) => l.replace(/ +/g, " "))).toEqual([
      "5 NES-003 北方电子系统研究所 NES-JDB 电源模块技术协议 1 接收 2026-09-07 2026-09-20 22 逾期，换版前未决定 2026-10-13 换版，本轮结束",
      "6 NES-003 北方电子系统研究所 NES-JDB 电源模块技术协议 2 换版重评 2026-10-13 2026-10-27 2026-10-20 张伟 5 按期 强制决定，缺 2 个部门会签：品质部、市场部",
    ]);
    expect(zh.at(-2)).toBe("评审期限为起算日后第 10 个工作日（IATF 16949 7.5.3.2.2），按工作日历计算；逾期或评审中已逾期 3 项。");
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

    const file = read(dir, "csr/NES/NES-001.yaml");
    expect(await run(dir, "review", "NES-001", "--late-reason", "x")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: NES-001 was decided on 2026-09-11, within its review period (due 2026-09-20): there is no delay to explain.\n",
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
      "csr/NES/NES-003.yaml:17:13 NES-003 was decided on 2026-10-20 without the countersigns of 品质部, 市场部 (forced), which are still missing (2 departments). Record them with 'csr review NES-003 --department QA --opinion ...', or name the signed paper review record under 'review.record'.",
    ]);
    // The countersigns given after the forced decision complete it: no csr/review-inconsistent for their dates.
    expect((await run(dir, "review", "NES-003", "--department", "QA", "--reviewer", "zhang", "--opinion", "accept", "--date", "2026-10-22")).code).toBe(0);
    expect((await run(dir, "review", "NES-003", "--department", "MKT", "--reviewer", "li", "--opinion", "accept", "--date", "2026-10-23")).code).toBe(0);
    expect(await nesFindings(dir)).toEqual(["csr/NES/NES-002.yaml:17 csr/review-overdue", "csr/NES/NES-003.yaml:14 csr/not-addressed"]);
    const csv = (await run(dir, "list", "reviews", "--customer", "NES", "--today", "2026-11-27", "--format", "csv")).stdout.split("\r\n");
    expect(csv[6]).toBe("6,NES-003,北方电子系统研究所,NES-JDB 电源模块技术协议,2,restarted,2026-10-13,2026-10-27,2026-10-20,张伟,5,on time,,decision forced; the countersigns were given afterwards,2026-11-27");
  });
});
