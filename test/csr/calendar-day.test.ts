/**
 * `csr calendar holiday` and `csr calendar workday`: company days off and extra working days into
 * qms.yaml's calendar.holidays and calendar.workdays, on real temporary git repositories.
 */
import { appendFileSync, cpSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { csrInProcess, FIXTURES, git, gitInit, tempDir } from "../helpers.js";
import { read, tree, validRepo } from "./fixture.js";

const snapshot = (dir: string) => tree(dir).map((f) => [f, read(dir, f)]);

describe("csr calendar holiday", () => {
  it("writes a shutdown period in date order, keeping the comments, says how many working days it takes, and commits qms.yaml", async () => {
    const dir = validRepo({ git: true });
    const result = await csrInProcess(["-C", dir, "calendar", "holiday", "--from", "2026-08-03", "--to", "2026-08-07", "--name", "停产检修", "--commit"], { lang: null });
    const hash = git(dir, ["rev-parse", "--short=7", "HEAD"]).trim();
    expect(result).toEqual({
      code: 0,
      stdout: [
        "已把 2026-08-03 至 2026-08-07 停产检修（5 天）写入 qms.yaml 的 calendar.holidays（公司休息日）。",
        "其中 5 个工作日改为休息日：跨过这些日期的工作日期限（如评审期限）相应顺延。",
        `已提交 ${hash}：csr calendar holiday：2026-08-03 至 2026-08-07 停产检修（5 天）`,
        "",
      ].join("\n"),
      stderr: "",
    });
    expect(read(dir, "qms.yaml")).toContain(
      [
        "calendar:",
        "  holidays:",
        "    - { from: 2026-02-15, to: 2026-02-23, name: 春节 }",
        "    - {from: 2026-08-03, to: 2026-08-07, name: 停产检修}",
        "    - { from: 2026-10-01, to: 2026-10-07, name: 国庆节 }",
        "  workdays: [2026-02-14, 2026-02-28]",
      ].join("\n"),
    );
    expect(read(dir, "qms.yaml").startsWith("# A small repository")).toBe(true);
    expect(git(dir, ["show", "--name-only", "--format=%s", "HEAD"]).trim().split("\n")).toEqual(["csr calendar holiday：2026-08-03 至 2026-08-07 停产检修（5 天）", "", "qms.yaml"]);
  });

  it("names the decided review rounds whose recorded timeliness the new days change (month report #9)", async () => {
    // test/fixtures/rules/csr-review-late: DYA-001 received 2026-11-02, due 2026-11-16, decided late on 2026-11-20.
    const dir = tempDir();
    cpSync(join(FIXTURES, "rules", "_base"), dir, { recursive: true });
    cpSync(join(FIXTURES, "rules", "csr-review-late", "invalid"), dir, { recursive: true });
    appendFileSync(join(dir, "csr/DYA/DYA-001.yaml"), "  late_reason: 等待顾客澄清\n");
    gitInit(dir);
    const result = await csrInProcess(["-C", dir, "calendar", "holiday", "--from", "2026-11-09", "--to", "2026-11-13", "--name", "停产检修", "--dry-run"], { lang: null });
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe(
      [
        "将把 2026-11-09 至 2026-11-13 停产检修（5 天）写入 qms.yaml 的 calendar.holidays（公司休息日）。",
        "其中 5 个工作日改为休息日：跨过这些日期的工作日期限（如评审期限）相应顺延。",
        "注意：1 个已作出结论的评审轮次的及时性随之改变（评审及时性记录、CSR 矩阵和评审报告都会改变，审核时可能已见过原判定）：",
        "  DYA-001 C 版（结论 2026-11-20）：逾期 → 按期；该轮记有逾期原因“等待顾客澄清”",
        "未写入（--dry-run）。",
        "",
      ].join("\n"),
    );
    // A day off that moves DYA-001's deadline (11-16 → 11-17) but leaves its 11-20 decision late: nothing to note.
    const quiet = await csrInProcess(["-C", dir, "calendar", "holiday", "--from", "2026-11-16", "--dry-run"], { lang: null });
    expect(quiet.stdout).not.toContain("注意");
    expect(quiet).toEqual({ code: 0, stderr: "", stdout: "将把 2026-11-16（1 天）写入 qms.yaml 的 calendar.holidays（公司休息日）。\n其中 1 个工作日改为休息日：跨过这些日期的工作日期限（如评审期限）相应顺延。\n未写入（--dry-run）。\n" });
  });

  it("refuses the same days twice, notes an overlap, and writes nothing with --dry-run", async () => {
    const dir = validRepo({ git: true });
    const files = snapshot(dir);
    expect(await csrInProcess(["-C", dir, "calendar", "holiday", "--from", "2026-10-01", "--to", "2026-10-07"], { lang: null })).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: qms.yaml 的 calendar.holidays 中已有 2026-10-01 至 2026-10-07 国庆节（7 天）；未作改动。\n",
    });
    expect(await csrInProcess(["-C", dir, "calendar", "holiday", "--from", "2026-10-07", "--to", "2026-10-09", "--dry-run"], { lang: null })).toEqual({
      code: 0,
      stdout: [
        "将把 2026-10-07 至 2026-10-09（3 天）写入 qms.yaml 的 calendar.holidays（公司休息日）。",
        "注意：与已有的公司休息日 2026-10-01 至 2026-10-07 国庆节（7 天）重叠。",
        "其中 2 个工作日改为休息日：跨过这些日期的工作日期限（如评审期限）相应顺延。",
        "未写入（--dry-run）。",
        "",
      ].join("\n"),
      stderr: "",
    });
    expect(snapshot(dir)).toEqual(files);
  });

  it("refuses a date that does not exist, a reversed range and a missing --from", async () => {
    const dir = validRepo({ git: true });
    const files = snapshot(dir);
    const run = (...args: string[]) => csrInProcess(["-C", dir, "calendar", "holiday", ...args], { lang: null });
    expect(await run("--from", "2026-02-30")).toEqual({ code: 2, stdout: "", stderr: "csr: --from 需要日期，写作 YYYY-MM-DD（也可写 2026.3.1、2026/3/1 或 2026年3月1日），实际为 '2026-02-30'。\n" });
    expect(await run("--from", "2026-08-09", "--to", "2026-08-01")).toEqual({ code: 2, stdout: "", stderr: "csr: 最后一天 2026-08-01 早于第一天 2026-08-09：请检查 --from 和 --to。\n" });
    expect(await run("--name", "停产检修")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: 请用 --from 给出日期（一段时间再用 --to 给出最后一天）。\n提示：例如：csr calendar holiday --from 2026-08-03 --to 2026-08-07 --name 停产检修\n",
    });
    expect(snapshot(dir)).toEqual(files);
  });
});

describe("csr calendar workday", () => {
  it("adds a bare date to a one-line list, and a named day as its own line; a working day inside a holiday wins", async () => {
    const dir = validRepo({ git: true });
    expect(await csrInProcess(["-C", dir, "calendar", "workday", "--from", "2026-03-07"], { lang: null })).toEqual({
      code: 0,
      stdout: "已把 2026-03-07（1 天）写入 qms.yaml 的 calendar.workdays（公司工作日）。\n其中 1 天由休息日改为工作日：跨过这些日期的工作日期限（如评审期限）相应提前。\n已写入 qms.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n",
      stderr: "",
    });
    expect(read(dir, "qms.yaml")).toContain("  workdays: [2026-02-14, 2026-02-28, 2026-03-07]\n");
    expect(await csrInProcess(["-C", dir, "calendar", "workday", "--from", "2026-10-05", "--name", "国庆加班生产"], { lang: null })).toEqual({
      code: 0,
      stdout: [
        "已把 2026-10-05 国庆加班生产（1 天）写入 qms.yaml 的 calendar.workdays（公司工作日）。",
        "注意：与公司休息日 2026-10-01 至 2026-10-07 国庆节（7 天）重叠；重叠的日期从此按工作日计算（calendar.workdays 优先于 calendar.holidays）。",
        "其中 1 天由休息日改为工作日：跨过这些日期的工作日期限（如评审期限）相应提前。",
        "已写入 qms.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。",
        "",
      ].join("\n"),
      stderr: "",
    });
    expect(read(dir, "qms.yaml")).toContain(
      ["  workdays:", "    - 2026-02-14", "    - 2026-02-28", "    - 2026-03-07", "    - {from: 2026-10-05, to: 2026-10-05, name: 国庆加班生产}", "csr:"].join("\n"),
    );
    expect(await csrInProcess(["-C", dir, "check", "--today", "2026-11-27"], { lang: null })).toMatchObject({ code: 0 });
  });

  it("speaks English in an English session", async () => {
    const dir = validRepo({ git: true });
    expect(await csrInProcess(["-C", dir, "calendar", "workday", "--from", "2026-11-02", "--dry-run"])).toEqual({
      code: 0,
      stdout: "Would write 2026-11-02 (1 day) into calendar.workdays of qms.yaml (company working days).\nThese days are working days anyway; working-day deadlines do not change.\nNothing written (--dry-run).\n",
      stderr: "",
    });
  });
});
