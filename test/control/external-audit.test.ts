/**
 * An external audit's nonconformity as a record of its own (tester82 A1, A6, A11): csr action open --source external-audit
 * with who audited, the audit, its report, the closing meeting, the NC number, grade, clause, requirement, statement and
 * evidence; the auditor's deadlines computed in calendar days from the closing meeting (IATF Rules 5th ed. 5.11.1: 60 days,
 * 5.11.3: 90), an error once missed (action/external-audit-overdue); the responses, the auditor's acceptance or rejection
 * and its verification (csr action respond|accept|reject|verify); the register's 来源 and its filter, the card, the printed
 * response form and the management review's external audit rows, never counted as internal audits (ISO 9001 9.3.2 c) 6)).
 * The built binary on a copy of examples/acme-auto in a real git repository; variations in the test's process.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtOnce, committedFixture, csr, csrInProcess, tempDir, tool } from "../helpers.js";
import { findChromium } from "../../src/render/pdf.js";

const acme = builtOnce(() => committedFixture("examples/acme-auto"));
const run = (dir: string, ...args: string[]) => csr(["-C", dir, ...args], { lang: "zh-CN" });
const runIn = (dir: string, ...args: string[]) => csrInProcess(["-C", dir, ...args], { lang: "zh-CN" });
const read = (dir: string, id: string) => readFileSync(join(dir, "actions", `${id}.yaml`), "utf8");

/** The certification body's minor NC of the surveillance audit closed on 2026-12-08, as the controller records it that day. */
const OPEN = [
  "action", "open", "--source", "external-audit", "--auditor", "华信认证", "--audit-type", "surveillance", "--audit-report", "HX-2026-118",
  "--closing-meeting", "2026-12-08", "--nc", "NC-01", "--grade", "一般", "--clause", "IATF16949:8.5.1.1", "--requirement", "控制计划应规定反应计划",
  "--statement", "C3 控制计划 CP-003 未规定防错装置失效时的反应计划", "--evidence", "抽查 CP-003 第 30 工序", "--process", "C3", "--owner", "zhangli", "--today", "2026-12-08",
];

const opened = builtOnce(async () => {
  const dir = await acme();
  const result = await runIn(dir, ...OPEN, "--commit");
  if (result.code !== 0) throw new Error(result.stderr);
  return dir;
});

describe("csr action open --source external-audit", () => {
  it("writes the auditor's NC as written and its deadlines in calendar days from the closing meeting", async () => {
    const dir = await acme();
    const result = run(dir, ...OPEN);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout.split("\n")).toEqual([
      "已建立纠正措施 NC-2026-001（外部审核不符合项）：C3 控制计划 CP-003 未规定防错装置失效时的反应计划（actions/NC-2026-001.yaml）",
      "  认证机构回复期限：2027-02-06 前提交纠正、根本原因分析、系统性纠正措施及有效性验证（末次会议 2026-12-08 后 60 个日历日，IATF 认可规则 5.11.1）",
      "  不符合项管理完成期限：2027-03-08 前（末次会议后 90 个日历日，IATF 认可规则 5.11.3）",
      "下一步：csr action step NC-2026-001 D3 --date <日期> --by <人员> --note <纠正>；向审核方提交回复后：csr action respond NC-2026-001 --date <日期> --note <提交内容>",
      "已写入 actions/NC-2026-001.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。",
      "",
    ]);
    expect(read(dir, "NC-2026-001")).toBe(
      [
        "id: NC-2026-001",
        "title: C3 控制计划 CP-003 未规定防错装置失效时的反应计划",
        "source: external-audit",
        "process: C3",
        "external_audit:",
        "  auditor: 华信认证",
        "  type: surveillance",
        "  report: HX-2026-118",
        "  closing_meeting: 2026-12-08",
        "  nc: NC-01",
        "  grade: minor",
        "  clause: IATF16949:8.5.1.1",
        "  requirement: 控制计划应规定反应计划",
        "  statement: C3 控制计划 CP-003 未规定防错装置失效时的反应计划",
        "  evidence: 抽查 CP-003 第 30 工序",
        "  response_due: 2027-02-06",
        "  closure_due: 2027-03-08",
        "received: 2026-12-08",
        "owner: zhangli",
        "",
      ].join("\n"),
    );
  });

  it("takes qms.yaml's external_audit days; a major says how the certification body verifies it", async () => {
    const dir = await acme();
    writeFileSync(join(dir, "qms.yaml"), readFileSync(join(dir, "qms.yaml"), "utf8") + "external_audit:\n  response_days: 30\n  closure_days: 60\n");
    const result = await runIn(dir, ...OPEN.map((a) => (a === "一般" ? "严重" : a)), "-y");
    expect(result.code).toBe(0);
    expect(result.stdout.split("\n").slice(1, 4)).toEqual([
      "  认证机构回复期限：2027-01-07 前提交纠正、根本原因分析、系统性纠正措施及有效性验证（末次会议 2026-12-08 后 30 个日历日，IATF 认可规则 5.11.1）",
      "  不符合项管理完成期限：2027-02-06 前（末次会议后 60 个日历日，IATF 认可规则 5.11.3）",
      "  严重不符合项：认证机构通常以现场特殊审核验证纠正措施的实施；末次会议后 90 日内不能关闭将导致证书暂停（IATF 认可规则 5.11）。",
    ]);
    expect(read(dir, "NC-2026-001")).toContain("  grade: major\n");
  });

  it("records a customer's second-party audit with the customer as auditor and the customer's deadline given by hand", async () => {
    const dir = await acme();
    const args = ["action", "open", "--source", "external-audit", "--customer", "DYA", "--audit-report", "DYA-A-2026-07", "--closing-meeting", "2026-11-20", "--nc", "3", "--grade", "major", "--statement", "PPAP 文件未按 DYA 要求更新", "--owner", "zhangli", "--today", "2026-12-08", "-y"];
    const result = await runIn(dir, ...args, "--response-due", "2026-12-20");
    expect(result.stdout.split("\n").slice(0, 2)).toEqual(["已建立纠正措施 NC-2026-001（外部审核不符合项）：PPAP 文件未按 DYA 要求更新（actions/NC-2026-001.yaml）", "  顾客回复期限：2026-12-20 前（按 --response-due）"]);
    expect(read(dir, "NC-2026-001")).toContain(["customer: DYA", "external_audit:", "  auditor: DYA", "  type: customer", "  report: DYA-A-2026-07", "  closing_meeting: 2026-11-20", '  nc: "3"', "  grade: major", "  statement: PPAP 文件未按 DYA 要求更新", "  response_due: 2026-12-20", "received: 2026-11-20"].join("\n"));
    // Past the customer's deadline: an error without the certificate's words (the customer's deadline, not the IATF Rules').
    const check = await runIn(dir, "check", "--today", "2026-12-21");
    expect(check.stdout).toContain(
      "actions/NC-2026-001.yaml:13:17 error action/external-audit-overdue 顾客审核不符合项 NC-2026-001（审核报告 DYA-A-2026-07 的 3）应于 2026-12-20 前向顾客提交纠正、根本原因分析、系统性纠正措施及有效性验证（顾客要求的期限），已逾期 1 个日历日，尚未记录提交。",
    );
  });

  it("refuses, one line each: a missing option with the external audit's needs, a customer audit without the customer, a clause no catalog has", async () => {
    const dir = await acme();
    const lines = async (...args: string[]) => {
      const r = await runIn(dir, "action", "open", "--source", "external-audit", "--owner", "zhangli", "--today", "2026-12-08", "-y", ...args);
      return [r.code, r.stderr.split("\n")[0]];
    };
    expect(await lines("--auditor", "华信认证", "--audit-type", "surveillance", "--audit-report", "HX-1", "--closing-meeting", "2026-12-08", "--nc", "NC-01", "--grade", "minor")).toEqual([
      2,
      "csr: 缺少 --statement：外部审核不符合项要写审核方（顾客审核写顾客）、审核类型、审核报告编号、末次会议日期、不符合项编号、等级、不符合陈述和责任人。",
    ]);
    expect(await lines("--audit-type", "顾客审核", "--audit-report", "A-1", "--closing-meeting", "2026-12-08", "--nc", "1", "--grade", "minor", "--statement", "x")).toEqual([
      2,
      "csr: 缺少 --customer：外部审核不符合项要写审核方（顾客审核写顾客）、审核类型、审核报告编号、末次会议日期、不符合项编号、等级、不符合陈述和责任人。",
    ]);
    expect(await lines("--auditor", "华信认证", "--audit-type", "surveillance", "--audit-report", "HX-1", "--closing-meeting", "2026-12-08", "--nc", "NC-01", "--grade", "minor", "--statement", "x", "--clause", "8.5.1.9")).toEqual([
      2,
      "csr: --clause 8.5.1.9：IATF 16949:2016 没有这个条款；最接近的上级条款是 IATF16949:8.5.1。",
    ]);
    expect(await lines("--auditor", "华信认证", "--audit-type", "surveillance", "--audit-report", "HX-1", "--closing-meeting", "2026-12-08", "--nc", "NC-01", "--grade", "minor", "--statement", "x", "--received", "2026-12-01")).toEqual([
      2,
      "csr: --received 2026-12-01 早于末次会议 2026-12-08：外部审核的不符合项在末次会议上提出",
    ]);
  });
});

describe("the auditor's deadline missed (tester82 A11)", () => {
  it("is an error in calendar days with the certification body's deadline, and the register's 进度 says so", async () => {
    const dir = await opened();
    const check = run(dir, "check", "--today", "2027-02-10");
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(
      "actions/NC-2026-001.yaml:16:17 error action/external-audit-overdue 外部审核不符合项 NC-2026-001（审核报告 HX-2026-118 的 NC-01）应于 2027-02-06 前向认证机构提交纠正、根本原因分析、系统性纠正措施及有效性验证（末次会议 2026-12-08 起按日历日计），已逾期 4 个日历日，尚未记录提交：证书面临风险。",
    );
    const list = run(dir, "list", "actions", "--source", "external-audit", "--today", "2027-02-10", "--format", "csv");
    expect(list.code).toBe(0);
    const [head, row] = list.stdout.replace(/^\uFEFF/, "").split("\n");
    const cells = Object.fromEntries(head!.split(",").map((h, i) => [h, row!.split(",")[i]]));
    expect(cells).toMatchObject({
      来源: "外部审核不符合项",
      "顾客/过程": "C3 生产过程控制",
      "投诉编号/审核报告": "HX-2026-118 NC-01",
      外部审核不符合项: "华信认证 监督审核 HX-2026-118 NC-01，一般，IATF16949:8.5.1.1",
      审核方回复期限: "2027-02-06",
      进度: "待 D3 采取围堵措施（未定期限）；待向认证机构提交回复，要求 2027-02-06 前，已逾期 4 个日历日",
      状态: "逾期",
    });
    // --source takes the label too; a complaint's register does not list it.
    expect((await runIn(dir, "list", "actions", "--source", "外部审核不符合项", "--today", "2027-02-10")).stdout).toContain("NC-2026-001");
    expect((await runIn(dir, "list", "actions", "--source", "audit", "--today", "2027-02-10")).stdout).not.toContain("NC-2026-001");
  });
});

describe("csr action respond, reject, accept, verify", () => {
  it("records the responses, the auditor's decisions and the verification, in calendar days against the deadlines", async () => {
    const dir = await opened();
    const respond = run(dir, "action", "respond", "NC-2026-001", "--date", "2027-01-20", "--note", "纠正、根本原因、系统性纠正措施及验证证据", "--today", "2027-01-20", "-y");
    expect(respond.stderr).toBe("");
    expect(respond.stdout.split("\n")).toEqual([
      "已记录 NC-2026-001（NC-01）2027-01-20 向认证机构提交回复，按期（要求 2027-02-06 前）（actions/NC-2026-001.yaml）",
      "  注意：记录中 D3 纠正、D4 根本原因分析、D6 纠正措施实施及验证 尚无完成日期；IATF 认可规则 5.11.1 要求回复包括纠正、根本原因分析、系统性纠正措施及其有效性验证（csr action step NC-2026-001 …）",
      "下一步：审核方评审后用 csr action accept NC-2026-001 --by <审核员> --date <日期> 记录，不认可的用 csr action reject NC-2026-001 --by <审核员> --date <日期> --note <理由>",
      "已写入 actions/NC-2026-001.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。",
      "",
    ]);
    const noWhy = await runIn(dir, "action", "reject", "NC-2026-001", "--by", "孙立平", "--date", "2027-01-25", "--today", "2027-01-26", "-y");
    expect([noWhy.code, noWhy.stderr]).toEqual([2, "csr: 缺少 --note\n"]);
    const reject = run(dir, "action", "reject", "NC-2026-001", "--by", "孙立平", "--date", "2027-01-25", "--note", "根本原因未分析到体系层面", "--today", "2027-01-26", "-y");
    expect(reject.stdout.split("\n").slice(0, 2)).toEqual([
      "已记录 NC-2026-001（NC-01）：认证机构 孙立平 2027-01-25 不认可回复（actions/NC-2026-001.yaml）",
      "下一步：改进后重新提交并记录：csr action respond NC-2026-001 --date <日期>；要求 2027-03-08 前完成不符合项管理",
    ]);
    // A decision on a response reviewed already is refused; a verification before the acceptance too.
    expect((await runIn(dir, "action", "accept", "NC-2026-001", "--by", "孙立平", "--date", "2027-01-27", "--today", "2027-01-27", "-y")).stderr).toBe(
      "csr: NC-2026-001 于 2027-01-20 提交的回复已于 2027-01-25 评审（不认可）：重新提交后才能再评审\n",
    );
    expect((await runIn(dir, "action", "verify", "NC-2026-001", "--by", "孙立平", "--date", "2027-01-27", "--today", "2027-01-27", "-y")).stderr.split("\n")[0]).toBe("csr: NC-2026-001 的回复尚未被审核方认可：先记录认可");
    expect((await runIn(dir, "action", "respond", "NC-2026-001", "--date", "2027-02-01", "--today", "2027-02-01", "-y")).stdout.split("\n")[0]).toBe(
      "已记录 NC-2026-001（NC-01）2027-02-01 向认证机构提交回复，按期（要求 2027-03-08 前）（actions/NC-2026-001.yaml）",
    );
    const accept = run(dir, "action", "accept", "NC-2026-001", "--by", "孙立平", "--date", "2027-02-03", "--today", "2027-02-03", "-y");
    expect(accept.stdout.split("\n").slice(0, 2)).toEqual([
      "已记录 NC-2026-001（NC-01）：认证机构 孙立平 2027-02-03 认可回复（actions/NC-2026-001.yaml）",
      "下一步：审核方在下次审核验证后用 csr action verify NC-2026-001 --at next-audit --by <审核员> --date <日期> 记录",
    ]);
    const verify = run(dir, "action", "verify", "NC-2026-001", "--by", "孙立平", "--date", "2027-11-20", "--report", "HX-2027-201", "--today", "2027-11-20", "-y");
    expect(verify.stdout.split("\n")[0]).toBe("已记录 NC-2026-001（NC-01）：孙立平 2027-11-20 于下次审核验证（actions/NC-2026-001.yaml）");
    expect(read(dir, "NC-2026-001")).toContain(
      [
        "  closure_due: 2027-03-08",
        "  responses:",
        "    - {date: 2027-01-20, note: 纠正、根本原因、系统性纠正措施及验证证据}",
        "    - {date: 2027-02-01}",
        "  reviews:",
        "    - {date: 2027-01-25, by: 孙立平, decision: rejected, note: 根本原因未分析到体系层面}",
        "    - {date: 2027-02-03, by: 孙立平, decision: accepted}",
        "  verification: {date: 2027-11-20, by: 孙立平, at: next-audit, report: HX-2027-201}",
        "received: 2026-12-08",
      ].join("\n"),
    );
    // Accepted in time: no deadline missed on any later day.
    expect((await runIn(dir, "check", "--today", "2027-12-01")).stdout).not.toContain("external-audit-overdue");

    // The card, as it stood after the rejection, and the card now.
    const card = run(dir, "show", "NC-2026-001", "--today", "2027-01-27");
    expect(card.stdout.split("\n").slice(0, 19)).toEqual([
      "NC-2026-001  C3 控制计划 CP-003 未规定防错装置失效时的反应计划",
      "",
      "  文件            actions/NC-2026-001.yaml",
      "  来源            外部审核不符合项：C3 生产过程控制，华信认证，审核报告 HX-2026-118，不符合项 NC-01",
      "  外部审核        华信认证，监督审核，审核报告 HX-2026-118，末次会议 2026-12-08",
      "  不符合项        NC-01（一般），IATF16949:8.5.1.1",
      "  要求            控制计划应规定反应计划",
      "  不符合陈述      C3 控制计划 CP-003 未规定防错装置失效时的反应计划",
      "  客观证据        抽查 CP-003 第 30 工序",
      "  审核方期限      2027-02-06 前向认证机构提交纠正、根本原因分析、系统性纠正措施及有效性验证（末次会议后 60 个日历日）",
      "                  2027-03-08 前认证机构完成不符合项管理（末次会议后 90 个日历日）",
      "  提交回复        2027-01-20 提交：纠正、根本原因、系统性纠正措施及验证证据",
      "  审核方评审      2027-01-25 孙立平 不认可：根本原因未分析到体系层面",
      "  接收/提出日期   2026-12-08",
      "  责任人          张丽",
      "  状态            进行中：待 D3 采取围堵措施（未定期限）",
      "                  认证机构 2027-01-25 不认可，待重新提交（要求 2027-03-08 前完成不符合项管理）",
      "  步骤            D3 围堵措施：未定期限，尚未完成",
      "                  D4 根本原因分析：未定期限，尚未完成",
    ]);
    expect(run(dir, "show", "NC-2026-001", "--today", "2027-11-20").stdout).toContain(
      ["  审核方评审      2027-01-25 孙立平 不认可：根本原因未分析到体系层面", "                  2027-02-03 孙立平 认可", "  审核方验证      2027-11-20 孙立平 于下次审核验证（审核报告 HX-2027-201）"].join("\n"),
    );
  });

  it("is refused for a record of another source", async () => {
    const dir = await opened();
    const result = await runIn(dir, "action", "respond", "8D-2026-001", "--date", "2026-12-08", "--today", "2026-12-08", "-y");
    expect([result.code, result.stderr]).toEqual([2, "csr: 8D-2026-001 的来源是顾客投诉，不是外部审核不符合项：csr action respond、accept、reject、verify 只用于 --source external-audit 的记录\n"]);
  });
});

describe("csr render <id> of an external audit's nonconformity", () => {
  const answered = builtOnce(async () => {
    const dir = await opened();
    for (const args of [
      ["action", "step", "NC-2026-001", "D3", "--date", "2026-12-10", "--by", "zhangli", "--note", "CP-003 增加防错失效反应计划", "--today", "2026-12-10"],
      ["action", "respond", "NC-2026-001", "--date", "2027-01-20", "--note", "纠正、根本原因、系统性纠正措施", "--today", "2027-01-20"],
      ["action", "accept", "NC-2026-001", "--by", "孙立平", "--date", "2027-02-03", "--today", "2027-02-03"],
    ]) {
      const r = await runIn(dir, ...args, "-y", "--commit");
      if (r.code !== 0) throw new Error(r.stderr);
    }
    return dir;
  });

  it("prints the auditor's NC, the organisation's response and the auditor's deadlines and acceptance", async () => {
    const dir = await answered();
    const out = join(tempDir(), "nc.md");
    const result = run(dir, "render", "NC-2026-001", "--format", "md", "--out", out, "--as-of", "2027-02-03");
    expect(result.code).toBe(0);
    const md = readFileSync(out, "utf8");
    expect(md).toContain(
      [
        "| 审核方 | 华信认证 | 审核类型 | 监督审核 |",
        "| 审核报告编号 | HX-2026-118 | 末次会议日期 | 2026-12-08 |",
        "| 不符合项编号 | NC-01 | 不符合等级 | 一般不符合 |",
        "| 条款 | IATF16949:8.5.1.1 | 纠正措施编号 | NC-2026-001 |",
      ].join("\n"),
    );
    for (const part of ["## 1 要求\n\n控制计划应规定反应计划\n", "## 2 不符合陈述\n\nC3 控制计划 CP-003 未规定防错装置失效时的反应计划\n", "## 3 客观证据\n\n抽查 CP-003 第 30 工序\n", "## 4 纠正\n\nCP-003 增加防错失效反应计划\n"]) expect(md).toContain(part);
    expect(md).toContain(
      [
        "## 8 认证机构期限、评审及验证",
        "",
        "| 事项 | 日期 | 人员 | 说明 |",
        "| --- | --- | --- | --- |",
        "| 回复期限 | 2027-02-06 |  | 末次会议后 60 个日历日 |",
        "| 不符合项管理完成期限 | 2027-03-08 |  | 末次会议后 90 个日历日 |",
        "| 提交回复 | 2027-01-20 | 张丽 | 纠正、根本原因、系统性纠正措施 |",
        "| 认可 | 2027-02-03 | 孙立平 |  |",
      ].join("\n"),
    );
    expect(md).toContain("| 编制 | ________ | 批准 | ________ | 认证机构认可 | 孙立平 |\n| --- | --- | --- | --- | --- | --- |\n| 日期 | ________ | 日期 | ________ | 日期 | 2027-02-03 |\n");
  });

  const chromium = findChromium();
  it.runIf(chromium && tool("pdftotext"))("prints it to an A4 PDF whose text holds the statement, the deadlines and the acceptance", { timeout: 60_000 }, async () => {
    const dir = await answered();
    const out = join(tempDir(), "nc.pdf");
    expect(run(dir, "render", "NC-2026-001", "--format", "pdf", "--out", out).code).toBe(0);
    const text = (await import("node:child_process")).execFileSync("pdftotext", ["-layout", out, "-"], { encoding: "utf8" });
    for (const words of ["外部审核不符合项报告及纠正措施回复", "C3 控制计划 CP-003 未规定防错装置失效时的反应计划", "IATF16949:8.5.1.1", "末次会议后 60 个日历日", "认证机构认可"]) expect(text).toContain(words);
  });
});

describe("the management review input (ISO 9001 9.3.2 c) 6); tester82 A6)", () => {
  it("gives the external audit results beside the internal audit's rows, never counted among them", async () => {
    const dir = await opened();
    const before = await runIn(dir, "list", "management-review", "--from", "2026-12-01", "--to", "2027-02-28", "--today", "2027-03-01", "--format", "csv");
    const rows = before.stdout.replace(/^\uFEFF/, "").split("\n").filter((l) => l.includes(",外部审核,") || l.includes("内部审核不符合项"));
    expect(rows.map((l) => l.split(",").slice(1, 5).join(" | "))).toEqual([
      "内部审核 | 期间关闭的内部审核不符合项（纠正措施） | 0 | ",
      "内部审核 | 2027-02-28 未关闭的内部审核不符合项 | 0 | ",
      "外部审核 | 期间开出不符合项的外部审核（次） | 1 | 华信认证 监督审核 HX-2026-118（末次会议 2026-12-08）：不符合项 1 项，严重 0 项、一般 1 项；未开出不符合项的外部审核在 csr 中没有记录，不在此数内",
      "外部审核 | 期间外部审核开出的不符合项 | 1 | 严重 0 项、一般 1 项；NC-2026-001（HX-2026-118 NC-01，一般）",
      "外部审核 | 2027-02-28 审核方尚未认可的外部审核不符合项 | 1 | NC-2026-001（HX-2026-118 NC-01，一般）",
      "外部审核 | 其中已过审核方期限的（日历日） | 1 | NC-2026-001（HX-2026-118 NC-01，一般），要求 2027-02-06 前，逾期 22 个日历日",
      "外部审核 | 期间审核方认可的外部审核不符合项 | 0 | ",
    ]);
  });

  it("has no external audit rows in a repository that records no external audit's nonconformity", async () => {
    const dir = await acme();
    expect((await runIn(dir, "list", "management-review", "--from", "2026-01-01", "--to", "2026-11-30", "--today", "2026-12-01")).stdout).not.toContain("外部审核");
  });
});


