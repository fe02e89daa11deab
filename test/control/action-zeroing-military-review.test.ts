/**
 * A 重大 or 严重 quality problem is 归零 only once the 军代表 has reviewed it (GJB 9001C-2017 10.2; the 归零 practice, QJ 3183,
 * GJB 5711; tester81 J1, J2, J6, J11): csr action close refuses it before, and before the criteria of the 双五条 are evidenced;
 * the closure comes no earlier than the review and the release of the documents released for it (csr release refuses a
 * release for a problem closed before it); a correction of reviewed evidence voids the review, kept in voided_reviews; the
 * register and the management review say 待军代表评审; csr check reports what a hand edit leaves (action/zeroing-unreviewed,
 * action/closed-early, action/zeroing-incomplete as an error, action/problem-ungraded). The built binary on a copy of
 * examples/gjb-demo in a real git repository.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtOnce, checkJsonInProcess, committedFixture, csr, csrInProcess, git } from "../helpers.js";
import { today } from "../today.js";

const bin = (dir: string, ...args: string[]) => csr(["-C", dir, ...args], { lang: "zh-CN" });
const run = (dir: string, ...args: string[]) => csrInProcess(["-C", dir, ...args], { lang: "zh-CN" });
const setUp = async (dir: string, ...args: string[]) => (await csrInProcess(["-C", dir, ...args], { lang: "zh-CN" })).code;
const FILE = join("actions", "NC-2026-001.yaml");
const read = (dir: string) => readFileSync(join(dir, FILE), "utf8");

/** The ten criteria of the 双五条 and the 归零报告, as csr action zero takes them. */
const TEN = ["--located", "FA-2026-012", "--mechanism", "ESR 偏高（SY-2026-031）", "--reproduced", "SY-2026-032", "--effective", "连续3批验证", "--read-across", "同型 PM-28 已排查", "--process-clear", "进货检验未规定复验", "--responsibility", "质量部进货检验组", "--measures-taken", "PX-2026-088", "--dealt-with", "通报 ZT-2026-07", "--rules-improved", "CS/WI-003 修订", "--report", "GL-2026-02"];

/** A 严重 quality problem notified to the 军代表, its steps D3–D7 done by 2026-11-17, committed; `ten`: its 双五条 evidenced too. */
const serious = (ten: boolean) =>
  builtOnce(async () => {
    const dir = committedFixture("examples/gjb-demo");
    expect(await setUp(dir, "action", "open", "NC-2026-001", "--source", "internal", "--title", "灌封气泡", "--received", "2026-11-02", "--owner", "hejun", "--problem-grade", "严重", "--notified", "2026-11-02", "--commit")).toBe(0);
    for (const [step, date] of [["D3", "2026-11-03"], ["D4", "2026-11-09"], ["D5", "2026-11-10"], ["D6", "2026-11-16"], ["D7", "2026-11-17"]] as const) {
      expect(await setUp(dir, "action", "step", "NC-2026-001", step, "--date", date, "--by", "hejun", "--commit")).toBe(0);
    }
    if (ten) expect(await setUp(dir, "action", "zero", "NC-2026-001", ...TEN, "--commit")).toBe(0);
    return dir;
  });
const stepsDone = serious(false);
const evidenced = serious(true);

const CLOSE = ["action", "close", "NC-2026-001", "--verified-by", "chenhw", "--evidence", "连续3批合格", "--no-read-across-reason", "无同类产品"];
const REVIEW = ["action", "zero", "NC-2026-001", "--reviewed-by", "wangjd", "--reviewed", "2026-11-30"];
const findings = async (dir: string, rule: string) =>
  (await checkJsonInProcess(dir, "--today", "2026-12-08")).findings.filter((f) => f.rule === rule).map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.message}`);
/** The record's D8 written by hand (old data, or csr bypassed): closed on `day`. */
const closeByHand = (dir: string, day: string) => writeFileSync(join(dir, FILE), read(dir).replace("steps:\n", `steps:\n  D8: {done: ${day}, verified_by: chenhw, evidence: 连续3批合格}\n`));

describe("the 军代表's review of a 重大 or 严重 quality problem's 归零 (tester81 J1, J2, J6)", () => {
  it("is not closed while criteria of the 双五条 lack evidence (J2)", async () => {
    const dir = await stepsDone();
    const refused = await run(dir, ...CLOSE, "--date", "2026-11-28");
    expect([refused.code, refused.stdout, refused.stderr]).toEqual([
      2,
      "",
      "csr: NC-2026-001 为严重质量问题，归零尚未完成（技术归零缺 定位准确、机理清楚、问题复现、措施有效 的证据；管理归零缺 过程清楚、责任明确、措施落实、严肃处理、完善规章 的证据），不能关闭：重大、严重质量问题须双五条十条证据齐全并经军代表评审才算归零（GJB 9001C 10.2）；先用 'csr action zero NC-2026-001' 记录各条证据。\n",
    ]);
    expect(read(dir)).not.toContain("D8");
    // Closed so by hand: an error, where a 一般 problem's is a warning.
    closeByHand(dir, "2026-11-28");
    expect(await findings(dir, "action/zeroing-incomplete")).toEqual([
      "actions/NC-2026-001.yaml:9:14 error NC-2026-001, a serious quality problem, is closed, but its zeroing (归零) is not complete: technical zeroing (技术归零) lacks the evidence of located (定位准确), mechanism understood (机理清楚), reproduced (问题复现), actions effective (措施有效), read across (举一反三); management zeroing (管理归零) lacks the evidence of process clear (过程清楚), responsibility defined (责任明确), measures carried out (措施落实), dealt with seriously (严肃处理), rules improved (完善规章); a major or serious quality problem is zeroed once the ten criteria are evidenced and the military representative (军代表) has reviewed it (GJB 9001C 10.2). Record where each is evidenced (the report, test or record number): for technical zeroing 'csr action zero NC-2026-001 --located <evidence> --mechanism <evidence> --reproduced <test> --effective <verification> --read-across <read-across>' (read-across checks may also be recorded one by one with 'csr action readacross NC-2026-001'), for management zeroing --process-clear, --responsibility, --measures-taken, --dealt-with, --rules-improved.",
    ]);
    expect(await findings(dir, "action/zeroing-unreviewed")).toEqual([]);
  });

  it("is asked for before closing; a record closed without it is not counted as 归零 (J1)", async () => {
    const dir = await evidenced();
    const refused = bin(dir, ...CLOSE, "--date", "2026-11-28");
    expect([refused.code, refused.stdout, refused.stderr]).toEqual([
      2,
      "",
      "csr: NC-2026-001 为严重质量问题，归零尚未经军代表评审，不能关闭（GJB 9001C 10.2）：评审后用 'csr action zero NC-2026-001 --reviewed-by <军代表> --reviewed <日期>' 记录，再关闭。\n",
    ]);
    expect(read(dir)).not.toContain("D8");
    closeByHand(dir, "2026-11-28");
    expect(await findings(dir, "action/zeroing-unreviewed")).toEqual([
      "actions/NC-2026-001.yaml:9:14 error NC-2026-001, a serious quality problem, was closed on 2026-11-28 without the military representative's (军代表) review of its zeroing: a major or serious quality problem is zeroed once the 军代表 has reviewed it (GJB 9001C 10.2); the register and the management review list it as awaiting the review. Once reviewed, record it with 'csr action zero NC-2026-001 --reviewed-by <military representative> --reviewed <date>'.",
    ]);
    const register = JSON.parse((await run(dir, "list", "actions", "--today", "2026-12-08", "--format", "json")).stdout) as { rows: Record<string, unknown>[]; notes: string[] };
    expect(register.rows[0]).toMatchObject({ id: "NC-2026-001", progress: "已关闭，待军代表评审", status: "已关闭" });
    expect(register.notes).toContain("已关闭 1 项中，技术归零和管理归零十条均已记录证据的 0 项，尚缺证据的 0 项（action/zeroing-incomplete），证据齐全待军代表评审的 1 项（action/zeroing-unreviewed）。");
    const review = JSON.parse((await run(dir, "list", "management-review", "--from", "2026-11-01", "--today", "2026-12-08", "--format", "json")).stdout) as { rows: { area: string; item: string; value: unknown; detail: string }[] };
    const rows = review.rows.filter((r) => r.area === "顾客反馈、质量问题和纠正措施" && r.item.startsWith("其中已")).slice(0, 3).map((r) => [r.item, r.value, r.detail]);
    expect(rows).toEqual([
      ["其中已归零（技术归零、管理归零十条证据齐全）", 0, ""],
      ["其中已关闭、待军代表评审（重大、严重质量问题）", 1, "NC-2026-001"],
      ["其中已关闭但归零证据不全", 0, ""],
    ]);
  });

  it("closes on a day no earlier than the review and the release of a revision made for it (J2)", async () => {
    const dir = await evidenced();
    expect(await setUp(dir, ...REVIEW, "--commit")).toBe(0);
    const before = await run(dir, ...CLOSE, "--date", "2026-11-28");
    expect([before.code, before.stderr]).toEqual([2, "csr: NC-2026-001 的归零关闭日期 2026-11-28 早于军代表 王建东（wangjd）2026-11-30 的评审：关闭不能早于军代表的评审和为其发布的文件（GJB 9001C 10.2）；请核对 --date，不早于 2026-11-30。\n"]);
    // A revision released for it on 2026-12-02 (csr release --action): the closure follows that too.
    expect(await setUp(dir, "release", "CS/WI-003", "--summary", "灌封脱泡时间改为20min", "--prepared", "hejun", "--reviewed", "chenhw", "--approved", "liuzm", "--date", "2026-12-02", "--action", "NC-2026-001", "--force", "-y")).toBe(0);
    const beforeRelease = await run(dir, ...CLOSE, "--date", "2026-12-01");
    expect([beforeRelease.code, beforeRelease.stderr]).toEqual([2, "csr: NC-2026-001 的归零关闭日期 2026-12-01 早于CS/WI-003 A/2 的发布（2026-12-02）：关闭不能早于军代表的评审和为其发布的文件（GJB 9001C 10.2）；请核对 --date，不早于 2026-12-02。\n"]);
    const closed = await run(dir, ...CLOSE, "--date", "2026-12-03", "--commit");
    expect([closed.code, closed.stderr, closed.stdout.split("\n")[0]]).toEqual([0, "", "已关闭 NC-2026-001：2026-12-03 由 陈宏伟（chenhw）验证有效，证据：连续3批合格（actions/NC-2026-001.yaml）"]);
    expect(await findings(dir, "action/closed-early")).toEqual([]);
    // A later release for the closed problem is refused: the 归零 would then be closed before it.
    const late = await run(dir, "release", "CS/WI-003", "--summary", "再次修订", "--prepared", "hejun", "--reviewed", "chenhw", "--approved", "liuzm", "--date", "2026-12-04", "--action", "NC-2026-001", "--force", "-y");
    expect([late.code, late.stderr]).toEqual([2, "csr: 质量问题 NC-2026-001 已于 2026-12-03 归零关闭，CS/WI-003 的这次发布（2026-12-04）不能记为为它发布：归零关闭不早于为其发布的文件（GJB 9001C 10.2，action/closed-early）。如为举一反三或新的措施，不带 --action 发布，或另立质量问题记录（'csr action open'）。\n"]);
    // A closure date moved by hand before the review and the release.
    writeFileSync(join(dir, FILE), read(dir).replace("done: 2026-12-03", "done: 2026-11-28"));
    expect(await findings(dir, "action/closed-early")).toEqual([
      "actions/NC-2026-001.yaml:25:11 error Quality problem NC-2026-001's closure date 2026-11-28 is before the release of CS/WI-003 A/2 (2026-12-02), the review of the military representative Wang Jiandong (wangjd) on 2026-11-30: a zeroing is closed no earlier than the military representative's review and the release of the documents released for it (GJB 9001C 10.2). Check the closure date (steps.D8.done): 2026-12-02 or later.",
    ]);
  });

  it("is voided by a correction of the evidence it reviewed, and kept (J6)", async () => {
    const dir = await evidenced();
    expect(await setUp(dir, ...REVIEW, "--commit")).toBe(0);
    expect(await setUp(dir, ...CLOSE, "--date", "2026-12-01", "--commit")).toBe(0);
    const amended = bin(dir, "action", "zero", "NC-2026-001", "--effective", "（无验证）", "--amend", "--commit");
    expect([amended.code, amended.stderr]).toEqual([0, ""]);
    expect(amended.stdout.split("\n").slice(0, 3)).toEqual([
      "已记录 NC-2026-001 质量问题归零的证据：措施有效：（无验证）（actions/NC-2026-001.yaml）",
      "已更正原登记的证据“措施有效：连续3批验证”；军代表 王建东（wangjd）2026-11-30 的评审因此失效（记入 voided_reviews），须重新评审：'csr action zero NC-2026-001 --reviewed-by <军代表> --reviewed <日期>'。",
      "NC-2026-001 质量问题归零的双五条均已记录证据；严重质量问题须经军代表评审才算归零：'csr action zero NC-2026-001 --reviewed-by <军代表> --reviewed <日期>'。",
    ]);
    expect(read(dir)).toMatch(new RegExp(`\n {2}report: GL-2026-02\n {2}voided_reviews:\n {4}- \\{reviewed_by: wangjd, reviewed: 2026-11-30, voided: ${today()}, amended: \\[effective\\]\\}\n$`));
    expect(await findings(dir, "action/zeroing-unreviewed")).toEqual([
      `actions/NC-2026-001.yaml:25:11 error NC-2026-001, a serious quality problem, was closed on 2026-12-01 without the military representative's (军代表) review of its zeroing (the review of Wang Jiandong (wangjd) on 2026-11-30 was voided by the correction of the evidence on ${today()}): a major or serious quality problem is zeroed once the 军代表 has reviewed it (GJB 9001C 10.2); the register and the management review list it as awaiting the review. Once reviewed, record it with 'csr action zero NC-2026-001 --reviewed-by <military representative> --reviewed <date>'.`,
    ]);
    // The register names the voided review, never as a review in force.
    const register = JSON.parse((await run(dir, "list", "actions", "--format", "json")).stdout) as { rows: Record<string, unknown>[] };
    expect(register.rows[0]).toMatchObject({ progress: "已关闭，待军代表评审", zeroingReport: `GL-2026-02，王建东 2026-11-30 评审，${today()} 更正证据后失效，待重新评审` });
    // Corrected again with the new review: nothing reviewed is corrected now, the voided review stays, the new one is recorded.
    const again = await run(dir, "action", "zero", "NC-2026-001", "--effective", "连续5批验证（JY-2026-121）", "--reviewed-by", "wangjd", "--reviewed", today(), "--amend");
    expect([again.code, again.stderr]).toEqual([0, ""]);
    expect(again.stdout.split("\n")[1]).toBe("已更正原登记的证据“措施有效：（无验证）”；git 保留原文件。");
    expect(read(dir)).toMatch(new RegExp(`\n {2}reviewed_by: wangjd\n {2}reviewed: ${today()}\n {2}voided_reviews:\n {4}- \\{reviewed_by: wangjd, reviewed: 2026-11-30, voided: ${today()}, amended: \\[effective\\]\\}\n$`));
    expect(await findings(dir, "action/zeroing-unreviewed")).toEqual([]);
  });

  it("given with the correction of reviewed evidence, replaces the voided review at once", async () => {
    const dir = await evidenced();
    expect(await setUp(dir, ...REVIEW, "--commit")).toBe(0);
    const both = await run(dir, "action", "zero", "NC-2026-001", "--report", "GL-2026-03", "--reviewed-by", "wangjd", "--reviewed", today(), "--amend");
    expect([both.code, both.stderr]).toEqual([0, ""]);
    expect(both.stdout.split("\n")[1]).toBe("已更正原登记的证据“归零报告：GL-2026-02”；军代表 王建东（wangjd）2026-11-30 的评审因此失效（记入 voided_reviews），以本次记录的评审代替。");
    expect(read(dir)).toContain(`  reviewed: ${today()}\n  voided_reviews:\n    - {reviewed_by: wangjd, reviewed: 2026-11-30, voided: ${today()}, amended: [report]}\n`);
  });

  it("with a correction, a new review gives both who and when", async () => {
    const dir = await evidenced();
    expect(await setUp(dir, ...REVIEW, "--commit")).toBe(0);
    const half = await run(dir, "action", "zero", "NC-2026-001", "--effective", "连续5批验证", "--reviewed", today(), "--amend");
    expect([half.code, half.stderr]).toEqual([2, "csr: NC-2026-001 更正已评审的证据后须重新评审：--reviewed-by 和 --reviewed 须一同给出。\n"]);
    // Correcting the review itself (its date) is no correction of the evidence it reviewed: nothing is voided.
    const date = await run(dir, "action", "zero", "NC-2026-001", "--reviewed", "2026-12-01", "--amend");
    expect([date.code, date.stderr, date.stdout.split("\n")[1]]).toEqual([0, "", "已更正原登记的证据“评审日期：2026-11-30”；git 保留原文件。"]);
    expect(read(dir)).not.toContain("voided_reviews");
  });
});

describe("a quality problem without a grade in a GJB 9001C repository (tester81 J11)", () => {
  it("is warned of by csr check; an internal audit's nonconformity is not", async () => {
    const dir = committedFixture("examples/gjb-demo");
    expect(await setUp(dir, "action", "open", "NC-2026-001", "--source", "internal", "--title", "焊点虚焊", "--received", "2026-11-03", "--owner", "hejun", "--commit")).toBe(0);
    expect(await findings(dir, "action/problem-ungraded")).toEqual([
      "actions/NC-2026-001.yaml:1:5 warning Quality problem NC-2026-001 has no grade (problem_grade): a major or serious one is reported to the military representative (军代表) and its zeroing is reviewed by the 军代表, which csr cannot judge without the grade. Grade it as the 质量问题归零 procedure does and record the grade with csr action update NC-2026-001 --problem-grade major|serious|general.",
    ]);
    writeFileSync(join(dir, FILE), read(dir).replace("source: internal\n", "source: internal\nproblem_grade: general\n"));
    git(dir, ["commit", "-qam", "graded"]);
    expect(await findings(dir, "action/problem-ungraded")).toEqual([]);
  });
});

describe("a quality problem graded 重大 after it was closed (tester81 J1)", () => {
  it("is said to wait for the 军代表's review", async () => {
    const dir = await evidenced();
    const general = await run(dir, "action", "update", "NC-2026-001", "--problem-grade", "一般");
    expect(general.code).toBe(0);
    expect(await setUp(dir, ...CLOSE, "--date", "2026-11-28")).toBe(0);
    const major = await run(dir, "action", "update", "NC-2026-001", "--problem-grade", "重大", "--amend");
    expect([major.code, major.stderr]).toEqual([0, ""]);
    expect(major.stdout.split("\n")[2]).toBe("注意：NC-2026-001 已于 2026-11-28 关闭，而重大质量问题经军代表评审才算归零（action/zeroing-unreviewed）：评审后用 'csr action zero NC-2026-001 --reviewed-by <军代表> --reviewed <日期>' 记录。");
  });
});
