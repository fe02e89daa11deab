/**
 * The record of management reviews (management-reviews.yaml, 管理评审记录; ISO 9001 / IATF 16949 9.3, GJB 9001C 9.3;
 * tester80 M1): `csr management-review held` records the review (period, day, chair, attendees), `output` adds its outputs
 * (9.3.3) numbered MR-2026/1 and closes them with the day and evidence, `approve` records the 总经理's approval; each
 * refuses an unknown record, output or person, a future day, a day before the review, and writes nothing during a merge
 * conflict. `csr list management-review-outputs` tracks the outputs, `csr list management-review` counts the previous
 * review's on its first row (9.3.2 a), `csr show MR-…` prints the record, and management-review/output-overdue and
 * management-review/not-held report what is late. acme-auto (MR-2025 all done, MR-2026 held 2026-11-20) in a temporary
 * git repository; the story's day is 2026-12-20.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtOnce, checkJsonInProcess, copyFixture, csr, csrInProcess, git, gitInit } from "../helpers.js";

const zh = (dir: string, ...args: string[]) => csrInProcess(["-C", dir, ...args, "--today", "2026-12-20"], { lang: null });
const refused = (stderr: string) => ({ code: 2, stdout: "", stderr });
const UNCOMMITTED = "已写入 management-reviews.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n";
const HELD = ["management-review", "held", "--period", "2026-01-01..2026-11-30", "--date", "2026-12-18", "--chair", "王建国", "--attendees", "xuht,zhangli,huangjun"];

const acme = builtOnce(() => gitInit(copyFixture("examples/acme-auto")));

/** The story recorded and committed: MR-2026-2 of the year 2026, held 2026-12-18, with one output. */
const recorded = builtOnce(async () => {
  const dir = gitInit(copyFixture("examples/acme-auto"));
  expect((await zh(dir, ...HELD, "--commit")).code).toBe(0);
  expect((await zh(dir, "management-review", "output", "MR-2026-2", "增加一台三坐标", "--kind", "resource", "--owner", "zhangli", "--due", "2027-03-31", "--commit")).code).toBe(0);
  return dir;
});

const file = (dir: string) => readFileSync(join(dir, "management-reviews.yaml"), "utf8");

describe("csr management-review held|output|approve", () => {
  it("records the review, an output, its completion and the approval (the binary)", async () => {
    const dir = await acme();
    const run = (...args: string[]) => csr(["-C", dir, ...args, "--today", "2026-12-20"], { lang: null });
    expect(run(...HELD, "--inputs", "2026 年度管理评审输入报告", "--commit")).toEqual({
      code: 0,
      stdout: expect.stringMatching(
        /^已记录管理评审 MR-2026-2：2026-12-18，主持人 王建国（wangjg），参加 3 人，评审期间 2026-01-01 至 2026-11-30，写入 management-reviews\.yaml。\n下一步：逐项记录输出（csr management-review output MR-2026-2 <内容> --kind … --owner … --due …），再由总经理批准（csr management-review approve MR-2026-2 --by …）。\n已提交 [0-9a-f]{7}：管理评审 MR-2026-2（2026-12-18）\n$/,
      ),
      stderr: "",
    });
    expect(run("management-review", "output", "MR-2026-2", "增加一台三坐标", "--kind", "resource", "--owner", "张丽", "--due", "2027-03-31")).toEqual({
      code: 0,
      stdout: "已记录管理评审输出 MR-2026-2/1：增加一台三坐标（资源需求），责任人 张丽（zhangli），完成期限 2027-03-31。\n" + UNCOMMITTED,
      stderr: "",
    });
    expect(run("management-review", "output", "MR-2026-2/1", "--done", "2026-12-19", "--evidence", "验收单 YS-2026-020")).toEqual({
      code: 0,
      stdout: "已关闭管理评审输出 MR-2026-2/1：增加一台三坐标，2026-12-19 完成，证据：验收单 YS-2026-020。\n" + UNCOMMITTED,
      stderr: "",
    });
    expect(run("management-review", "approve", "mr-2026-2", "--by", "wangjg", "--date", "2026-12-20")).toEqual({ code: 0, stdout: "已批准管理评审 MR-2026-2：王建国（wangjg），2026-12-20。\n" + UNCOMMITTED, stderr: "" });
    expect(file(dir)).toContain(
      [
        "  - id: MR-2026-2",
        "    period: {from: 2026-01-01, to: 2026-11-30}",
        "    held: 2026-12-18",
        "    chair: wangjg",
        "    attendees: [xuht, zhangli, huangjun]",
        "    inputs: 2026 年度管理评审输入报告",
        "    outputs:",
        "      - no: 1",
        "        text: 增加一台三坐标",
        "        kind: resource",
        "        owner: zhangli",
        "        due: 2027-03-31",
        "        done: 2026-12-19",
        "        evidence: 验收单 YS-2026-020",
        "    approved_by: wangjg",
        "    approved: 2026-12-20",
        "",
      ].join("\n"),
    );
    expect(run("management-review", "approve", "MR-2026-2", "--by", "wangjg")).toEqual(refused("csr: 管理评审 MR-2026-2 已由 王建国（wangjg）于 2026-12-20 批准。\n"));
  });

  it("refuses an unknown record, output or person, a future day, a day before the review, a closed output, what is missing; nothing written", async () => {
    const dir = await recorded();
    const before = file(dir);
    const mr = (...args: string[]) => zh(dir, "management-review", ...args);
    expect(await mr("output", "MR-2031", "x")).toEqual(refused("csr: 没有管理评审记录 MR-2031（已有：MR-2025、MR-2026、MR-2026-2）。是否应为 'MR-2025'？\n提示：先记录管理评审：csr management-review held --period <年份> --chair <主持人> --attendees <人员>,<人员>\n"));
    expect(await mr("output", "MR-2026-2/2", "--done", "2026-12-19", "--evidence", "x")).toEqual(refused("csr: 没有管理评审输出 MR-2026-2/2（已有：MR-2026-2/1）。\n"));
    expect(await mr("output", "MR-2026-2/1", "--done", "2026-12-21", "--evidence", "x")).toEqual(refused("csr: --done 2026-12-21 晚于今天（2026-12-20）：已完成事项的记录不能填写将来的日期。\n"));
    expect(await mr("output", "MR-2026-2/1", "--done", "2026-12-17", "--evidence", "x")).toEqual(refused("csr: --done 2026-12-17 早于管理评审 MR-2026-2 的评审日期 2026-12-18。\n"));
    expect(await mr("output", "MR-2026-2/1", "--done", "2026-12-19")).toEqual(refused("csr: 缺少 --evidence。\n提示：例如：csr management-review output MR-2026-2/1 --done <日期> --evidence <证据>\n"));
    expect(await mr("output", "MR-2026-2", "x", "--kind", "other", "--owner", "zhangli", "--due", "2027-03-31")).toEqual(
      refused("csr: --kind 必须是 improvement（改进机会）、change（体系变更）、resource（资源需求）、action-plan（顾客绩效措施计划）之一；实际为 'other'。\n"),
    );
    expect(await mr("output", "MR-2026-2", "x", "--kind", "resource", "--owner", "nobody", "--due", "2027-03-31")).toEqual(refused("csr: --owner nobody：people.yaml 中没有 id 或姓名为此的人员（用 'csr list people' 查看人员名单）。\n"));
    expect(await mr("output", "MR-2026-2", "x", "--kind", "resource", "--owner", "zhangli", "--due", "2026-12-01")).toEqual(refused("csr: --due 2026-12-01 早于管理评审 MR-2026-2 的评审日期 2026-12-18。\n"));
    expect(await mr("output", "MR-2026-2", "x")).toEqual(refused("csr: 缺少 --kind、--owner、--due。\n提示：例如：csr management-review output MR-2026-2 \"增加一台三坐标\" --kind resource --owner <责任人> --due <日期>\n"));
    expect(await mr("held", "--period", "2027", "--date", "2026-12-18", "--chair", "wangjg", "--attendees", "xuht")).toEqual(refused("csr: 评审期间从 2027-01-01 开始，晚于评审日期 2026-12-18：管理评审评审的是已经过去的期间。\n"));
    // A period that runs past the review's day is not yet over (review81 9): the fix ends it with the month before.
    expect(await mr("held", "--period", "2026", "--date", "2026-12-18", "--chair", "wangjg", "--attendees", "xuht")).toEqual(refused("csr: 评审期间到 2026-12-31 结束，晚于评审日期 2026-12-18：管理评审评审的是已经过去的期间，请写 --period 2026-01-01..2026-11-30。\n"));
    expect(await mr("held", "--period", "2026-12-01..2026-12-19", "--date", "2026-12-18", "--chair", "wangjg", "--attendees", "xuht")).toEqual(refused("csr: 评审期间到 2026-12-19 结束，晚于评审日期 2026-12-18：管理评审评审的是已经过去的期间，请写 --period 2026-12-01..2026-12-18。\n"));
    expect(await mr("held", "--period", "2026", "--date", "2026-12-21", "--chair", "wangjg", "--attendees", "xuht")).toEqual(refused("csr: --date 2026-12-21 晚于今天（2026-12-20）：已完成事项的记录不能填写将来的日期。\n"));
    expect(await mr("held", "--period", "26", "--chair", "wangjg", "--attendees", "xuht")).toEqual(refused("csr: --period '26' 应为年份（2026）或 起..止（2025-12-01..2026-10-31）。\n"));
    expect(await mr("approve", "MR-2026-2", "--by", "wangjg", "--date", "2026-12-17")).toEqual(refused("csr: --date 2026-12-17 早于管理评审 MR-2026-2 的评审日期 2026-12-18。\n"));
    expect(await mr("output", "MR-2025/1", "--done", "2026-12-19", "--evidence", "x")).toEqual(refused("csr: 管理评审输出 MR-2025/1 已于 2026-01-15 完成。\n"));
    expect(file(dir)).toBe(before);
  });

  it("writes nothing during a merge conflict", async () => {
    const dir = gitInit(copyFixture("examples/acme-auto"));
    const path = join(dir, "management-reviews.yaml");
    const text = readFileSync(path, "utf8");
    git(dir, ["checkout", "-qb", "other"]);
    writeFileSync(path, text.replace("inputs: 2026 年度管理评审输入报告", "inputs: GLPS-2026"));
    git(dir, ["commit", "-qam", "other"]);
    git(dir, ["checkout", "-q", "-"]);
    writeFileSync(path, text.replace("inputs: 2026 年度管理评审输入报告", "inputs: GLPS-2026-01"));
    git(dir, ["commit", "-qam", "mine"]);
    try {
      git(dir, ["merge", "-q", "other"]);
    } catch {
      // The conflict is the point.
    }
    const conflicted = readFileSync(path, "utf8");
    const result = await zh(dir, "management-review", "output", "MR-2026/2", "--done", "2026-12-19", "--evidence", "x");
    expect([result.code, result.stdout, result.stderr.split("\n")[0]]).toEqual([2, "", "csr: 仓库中有未解决的合并冲突（management-reviews.yaml）；在解决之前 csr 不写入任何内容。"]);
    expect(readFileSync(path, "utf8")).toBe(conflicted);
  });
});

describe("the record read back", () => {
  it("csr list management-review-outputs tracks every output with its status, in csv and json", async () => {
    const dir = await recorded();
    const csv = (await zh(dir, "list", "management-review-outputs", "--format", "csv")).stdout;
    expect(csv.split("\r\n").filter(Boolean)).toEqual([
      "\uFEFF序号,管理评审,输出编号,输出内容,类别,责任人,完成期限,状态,完成日期,实施证据",
      "1,MR-2025,MR-2025/1,2026 年质量目标调整：顾客投诉不超过 6 次/年，DYA 交付 PPM 不超过 50,体系变更,徐海涛,2026-01-31,已完成,2026-01-15,《2026 年质量目标》总经办发文",
      "2,MR-2025,MR-2025/2,DYA 计分卡 PPM 未达目标（68 PPM），制定并实施装配线防错措施计划,顾客绩效措施计划,黄军,2026-03-31,已完成,2026-03-25,措施计划及验证记录，2026 年 4 月起 DYA 月度 PPM 低于 40",
      "3,MR-2025,MR-2025/3,顾客特定要求评审时限统一为收到后 10 个工作日，写入顾客特定要求管理程序,体系变更,孙伟,2026-03-31,已完成,2026-03-02,程序修订发布记录及培训签到表",
      "4,MR-2025,MR-2025/4,增加一台三坐标测量机，满足新项目 PPAP 尺寸测量需求,资源需求,张丽,2026-06-30,已完成,2026-06-18,设备验收单 YS-2026-012、MSA 报告",
      "5,MR-2025,MR-2025/5,对评为 C 级的供方开展第二方审核并跟踪 SCAR 关闭,改进机会,吴艳,2026-06-30,已完成,2026-06-12,供方审核报告及 SCAR 关闭记录",
      "6,MR-2025,MR-2025/6,新增 3 名 IATF 16949 内部审核员并取得资格,资源需求,郑敏,2026-09-30,已完成,2026-08-28,内审员培训记录及资格证书",
      "7,MR-2026,MR-2026/1,2027 年质量目标：顾客投诉不超过 5 次/年，CSR 评审及时率不低于 95%,体系变更,徐海涛,2026-12-31,已完成,2026-11-26,《2027 年质量目标》总经办发文",
      "8,MR-2026,MR-2026/2,BCM 计分卡交付绩效未达目标，制定交付改进措施计划并按月跟踪,顾客绩效措施计划,吴艳,2027-06-30,未到期,,",
      "9,MR-2026,MR-2026/3,新装配线配置防错验证设备并纳入工装夹具台账,资源需求,周鹏,2027-06-30,未到期,,",
      "10,MR-2026,MR-2026/4,推行分层审核，覆盖全部生产班次,改进机会,黄军,2027-06-30,未到期,,",
      "11,MR-2026-2,MR-2026-2/1,增加一台三坐标,资源需求,张丽,2027-03-31,未到期,,",
    ]);
    // On 2027-07-01 MR-2026's open outputs are overdue, as management-review/output-overdue reports them.
    const json = JSON.parse((await csrInProcess(["-C", dir, "list", "management-review-outputs", "--format", "json", "--today", "2027-07-01"])).stdout) as { rows: Record<string, unknown>[] };
    expect(json.rows.slice(7).map((r) => [r.output, r.status])).toEqual([
      ["MR-2026/2", "overdue"],
      ["MR-2026/3", "overdue"],
      ["MR-2026/4", "overdue"],
      ["MR-2026-2/1", "overdue"],
    ]);
    const { findings } = await checkJsonInProcess(dir, "--today", "2027-07-01");
    expect(findings.filter((f) => f.rule.startsWith("management-review/")).map((f) => [f.line, f.column, f.rule])).toEqual([
      [69, 9, "management-review/output-overdue"],
      [74, 9, "management-review/output-overdue"],
      [79, 9, "management-review/output-overdue"],
      [92, 9, "management-review/output-overdue"],
    ]);
  });

  it("csr list management-review starts with the status of the previous review's outputs, naming the overdue ones", async () => {
    const dir = await recorded();
    const first = async (...args: string[]) => (JSON.parse((await csrInProcess(["-C", dir, "list", "management-review", "--format", "json", ...args], { lang: "zh-CN" })).stdout) as { rows: Record<string, unknown>[] }).rows[0];
    // The year 2026 to the day before MR-2026-2 was held: MR-2026 (its period ended 2026-10-31) is the review before this one.
    expect(await first("--from", "2026-01-01", "--today", "2026-12-17")).toEqual({ no: 1, area: "以往管理评审", item: "以往管理评审措施的实施情况（MR-2026，2026-11-20；截至 2026-12-17）", value: "1/4 已完成", detail: "已完成 1 项，未到期 3 项，逾期 0 项", source: "管理评审输出跟踪表" });
    // The first half of 2027: MR-2026-2, the review of the year 2026, is the one before; its output is overdue on the page's last day.
    expect(await first("--from", "2027-01-01", "--to", "2027-07-01", "--today", "2027-07-01")).toMatchObject({
      item: "以往管理评审措施的实施情况（MR-2026-2，2026-12-18；截至 2027-07-01）",
      value: "0/1 已完成",
      detail: "已完成 0 项，未到期 0 项，逾期 1 项；逾期：MR-2026-2/1 增加一台三坐标（张丽，期限 2027-03-31）",
    });
    // The inputs of 2025, prepared before MR-2025: no review before it.
    expect(await first("--from", "2025-01-01", "--to", "2025-11-30", "--today", "2025-12-01")).toEqual({ no: 1, area: "以往管理评审", item: "以往管理评审措施的实施情况", value: "—", detail: "management-reviews.yaml 中没有评审期间在 2025-11-30 之前结束的管理评审", source: "管理评审输出跟踪表" });
  });

  it("csr show MR-… prints the record with each output's status and the findings on it", async () => {
    const dir = await recorded();
    expect((await zh(dir, "show", "mr-2025")).stdout).toBe(
      [
        "MR-2025  管理评审记录",
        "",
        "  文件            management-reviews.yaml",
        "  评审期间        2025-01-01 至 2025-11-30",
        "  评审日期        2025-12-16",
        "  主持人          王建国",
        "  参加人员        徐海涛、张丽、孙伟、周鹏、黄军、吴艳、郑敏",
        "  评审输入        2025 年度管理评审输入报告",
        "  评审输出        MR-2025/1  2026 年质量目标调整：顾客投诉不超过 6 次/年，DYA 交付 PPM 不超过 50（体系变更）  徐海涛  期限 2026-01-31  2026-01-15 已完成：《2026 年质量目标》总经办发文",
        "                  MR-2025/2  DYA 计分卡 PPM 未达目标（68 PPM），制定并实施装配线防错措施计划（顾客绩效措施计划）  黄军  期限 2026-03-31  2026-03-25 已完成：措施计划及验证记录，2026 年 4 月起 DYA 月度 PPM 低于 40",
        "                  MR-2025/3  顾客特定要求评审时限统一为收到后 10 个工作日，写入顾客特定要求管理程序（体系变更）  孙伟  期限 2026-03-31  2026-03-02 已完成：程序修订发布记录及培训签到表",
        "                  MR-2025/4  增加一台三坐标测量机，满足新项目 PPAP 尺寸测量需求（资源需求）  张丽  期限 2026-06-30  2026-06-18 已完成：设备验收单 YS-2026-012、MSA 报告",
        "                  MR-2025/5  对评为 C 级的供方开展第二方审核并跟踪 SCAR 关闭（改进机会）  吴艳  期限 2026-06-30  2026-06-12 已完成：供方审核报告及 SCAR 关闭记录",
        "                  MR-2025/6  新增 3 名 IATF 16949 内部审核员并取得资格（资源需求）  郑敏  期限 2026-09-30  2026-08-28 已完成：内审员培训记录及资格证书",
        "  批准            王建国，2025-12-22",
        "  检查发现        无",
        "",
      ].join("\n"),
    );
    const late = (await csrInProcess(["-C", dir, "show", "MR-2026-2", "--today", "2027-12-20"], { lang: null })).stdout;
    expect(late).toContain("  评审输出        MR-2026-2/1  增加一台三坐标（资源需求）  张丽  期限 2027-03-31  逾期\n");
    expect(late).toContain("  批准            尚未批准\n");
    expect(late).toContain("  检查发现        警告 management-review/not-held（第 88 行）：最近一次管理评审 MR-2026-2 于 2026-12-18 召开，此后 12 个月内（至 2027-12-18）没有记录新的管理评审（IATF 16949 9.3.1：至少每年一次）。");
    expect(late).toContain("\n                  警告 management-review/output-overdue（第 92 行）：管理评审输出 MR-2026-2/1（增加一台三坐标，责任人 张丽（zhangli））的完成期限 2027-03-31 已过，尚未记录完成。");
  });
});

describe("management-review/not-held", () => {
  it("stays quiet for acme-auto until twelve months after MR-2026 (2026-11-20), then reports it on its held day", async () => {
    const dir = await acme();
    const notHeld = async (today: string) => (await checkJsonInProcess(dir, "--today", today)).findings.filter((f) => f.rule === "management-review/not-held").map((f) => [f.file, f.line, f.column]);
    expect(await notHeld("2027-11-20")).toEqual([]);
    expect(await notHeld("2027-11-21")).toEqual([["management-reviews.yaml", 57, 11]]);
  });
});

describe("a GJB 9001C repository (review81 7)", () => {
  const gjb = builtOnce(async () => {
    const dir = gitInit(copyFixture("examples/gjb-demo"));
    const held = await csrInProcess(["-C", dir, "management-review", "held", "--period", "2026-01-01..2026-10-31", "--date", "2026-11-20", "--chair", "liuzm", "--attendees", "chenhw,luox", "--today", "2026-12-07"], { lang: null });
    expect(held.code).toBe(0);
    return dir;
  });

  it("refuses the output kind action-plan, IATF 16949 9.3.3.1's, and writes nothing", async () => {
    const dir = await gjb();
    const before = file(dir);
    expect(await csrInProcess(["-C", dir, "management-review", "output", "MR-2026", "交付改进", "--kind", "action-plan", "--owner", "luox", "--due", "2027-03-31", "--today", "2026-12-07"], { lang: null })).toEqual(
      refused("csr: 输出类别 action-plan（未达顾客绩效目标的措施计划）是 IATF 16949 9.3.3.1 的要求，本库不适用 IATF 16949：请用 improvement、change 或 resource。\n"),
    );
    expect(file(dir)).toBe(before);
  });

  it("management-review/not-held cites GJB 9001C 9.3.1 (at planned intervals), not IATF 16949's at least annually", async () => {
    const dir = await gjb();
    const messages = (await checkJsonInProcess(dir, "--today", "2028-01-01")).findings.filter((f) => f.rule === "management-review/not-held").map((f) => f.message);
    expect(messages).toEqual([
      "The last management review, MR-2026, was held on 2026-11-20, and none was recorded within twelve months of it (by 2027-11-20; GJB 9001C 9.3.1: at planned intervals). Hold the management review and record it: csr management-review held --period <year> --chair <person> --attendees <person>,<person>.",
    ]);
  });
});
