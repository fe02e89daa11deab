/**
 * A due date once set is changed only with a reason, and kept (tester78 A1; IATF 16949 10.2.3, 9.3.2.1): csr action step
 * --due --reason writes the change to the step's due_changes; a step is held to the date it had when that date fell, so a
 * date moved after it had passed leaves the step late in csr show, csr list actions, csr check and the management review;
 * csr check --base finds a due date moved by hand. A copy of examples/acme-auto in a real git repository; an internal
 * nonconformity received on Monday 2026-11-02 with D3 due 2026-11-04 and D4 due 2026-11-09 (no holiday in November 2026).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtOnce, checkJsonInProcess, committedFixture, csr, csrInProcess, git } from "../helpers.js";

const acme = builtOnce(() => committedFixture("examples/acme-auto"));
const runIn = (dir: string, ...args: string[]) => csrInProcess(["-C", dir, ...args], { lang: "zh-CN" });
const file = (dir: string) => join(dir, "actions", "NC-2026-001.yaml");

/** The nonconformity opened and committed, D3 done late on 2026-11-05. */
const opened = builtOnce(async () => {
  const dir = await acme();
  const open = await runIn(dir, "--today", "2026-11-02", "action", "open", "--source", "internal", "--process", "C3", "--title", "首件检验未经班组长确认", "--received", "2026-11-02", "--owner", "huangjun", "--due", "D3=2026-11-04,D4=2026-11-09", "--commit");
  if (open.code !== 0) throw new Error(open.stderr);
  const done = await runIn(dir, "--today", "2026-11-05", "action", "step", "NC-2026-001", "D3", "--date", "2026-11-05", "--by", "huangjun", "--note", "复检在制品", "--commit");
  if (done.code !== 0) throw new Error(done.stderr);
  return dir;
});

describe("csr action step --due on a step that has a due date", () => {
  it("refuses a new date without --reason, saying the old one has passed", async () => {
    const dir = await opened();
    const result = csr(["-C", dir, "--today", "2026-11-10", "action", "step", "NC-2026-001", "D4", "--due", "2026-11-20"], { lang: "zh-CN" });
    expect([result.code, result.stdout, result.stderr]).toEqual([
      2,
      "",
      "csr: NC-2026-001 的 D4 原定 2026-11-09 前完成，已过期：改为 2026-11-20 须用 --reason 写明原因；已发生的逾期不因改期而取消。\n提示：csr action step NC-2026-001 D4 --due 2026-11-20 --reason <原因> [--by <同意改期的人>]\n",
    ]);
    const before = await runIn(dir, "--today", "2026-11-06", "action", "step", "NC-2026-001", "D4", "--due", "2026-11-20");
    expect([before.code, before.stderr]).toEqual([2, "csr: NC-2026-001 的 D4 已定要求完成日期 2026-11-09：改为 2026-11-20 须用 --reason 写明原因（原定日期和每次变更保留在 due_changes 中）。\n提示：csr action step NC-2026-001 D4 --due 2026-11-20 --reason <原因> [--by <同意改期的人>]\n"]);
    const reasonOnly = await runIn(dir, "action", "step", "NC-2026-001", "D4", "--reason", "等待化验");
    expect([reasonOnly.code, reasonOnly.stderr]).toEqual([2, "csr: --reason 写的是改期的原因：请同时用 --due 给出新的要求完成日期。\n"]);
    const blankReason = await runIn(dir, "--today", "2026-11-06", "action", "step", "NC-2026-001", "D4", "--due", "2026-11-20", "--reason", " ");
    expect([blankReason.code, blankReason.stderr]).toEqual([2, before.stderr]);
    const same = await runIn(dir, "--today", "2026-11-06", "action", "step", "NC-2026-001", "D4", "--due", "2026-11-09");
    expect([same.code, same.stdout, same.stderr]).toEqual([0, "NC-2026-001 的 D4 要求完成日期已是 2026-11-09，未更改。\n", ""]);
    expect(git(dir, ["status", "--porcelain"])).toBe("");
  });

  it("keeps the original and the change; a date moved after it passed leaves the step late everywhere", async () => {
    const dir = await opened();
    const d3 = await runIn(dir, "--today", "2026-11-10", "action", "step", "NC-2026-001", "D3", "--due", "2026-11-06", "--reason", "夜班人员不足", "--by", "wangjg", "--commit");
    expect([d3.code, d3.stderr]).toEqual([0, ""]);
    expect(d3.stdout.split("\n").slice(0, 2)).toEqual([
      "已记录 NC-2026-001 D3 围堵措施：要求完成日期 2026-11-04 → 2026-11-06，原因：夜班人员不足（actions/NC-2026-001.yaml）",
      "注意：原定 2026-11-04 已过才改期：D3 仍以 2026-11-04 为期限判断是否逾期，改期记录在 show、纠正措施台账和管理评审中列出。",
    ]);
    const d4 = await runIn(dir, "--today", "2026-11-10", "action", "step", "NC-2026-001", "D4", "--due", "2026-11-20", "--reason", "等待化验结果", "--commit");
    expect([d4.code, d4.stderr]).toEqual([0, ""]);
    expect(git(dir, ["log", "-1", "--format=%s"]).trim()).toBe("纠正措施 NC-2026-001：D4 要求完成日期 2026-11-09 → 2026-11-20（等待化验结果）");
    expect(readFileSync(file(dir), "utf8").split("\n").slice(6)).toEqual([
      "steps:",
      "  D3:",
      "    due: 2026-11-06",
      "    done: 2026-11-05",
      "    by: huangjun",
      "    note: 复检在制品",
      "    due_changes:",
      "      - {from: 2026-11-04, to: 2026-11-06, date: 2026-11-10, by: wangjg, reason: 夜班人员不足}",
      "  D4:",
      "    due: 2026-11-20",
      "    due_changes:",
      "      - {from: 2026-11-09, to: 2026-11-20, date: 2026-11-10, reason: 等待化验结果}",
      "",
    ]);
    const show = csr(["-C", dir, "--today", "2026-11-11", "show", "NC-2026-001"], { lang: "zh-CN" });
    expect(show.stdout.split("\n").filter((l) => /状态|D3|D4/.test(l))).toEqual([
      "  状态            逾期：待 D4 分析根本原因，要求 2026-11-09 前，已逾期 2 个工作日",
      "  步骤            D3 围堵措施：2026-11-05 完成，黄军，逾期 1 个工作日（要求 2026-11-04 前）——复检在制品；期限变更：原定 2026-11-04 前；2026-11-10（王建国）延期至 2026-11-06，原因：夜班人员不足",
      "                  D4 根本原因分析：要求 2026-11-09 前完成，已逾期 2 个工作日，尚未完成；期限变更：原定 2026-11-09 前；2026-11-10 延期至 2026-11-20，原因：等待化验结果",
    ]);
    const overdue = await runIn(dir, "--today", "2026-11-11", "list", "actions", "--status", "overdue", "--format", "json");
    const rows = (JSON.parse(overdue.stdout) as { rows: Record<string, unknown>[] }).rows;
    expect(rows.map((r) => [r.id, r.dueChanges, r.progress])).toEqual([
      ["NC-2026-001", "D3 原定 2026-11-04 前；2026-11-10（王建国）延期至 2026-11-06，原因：夜班人员不足。D4 原定 2026-11-09 前；2026-11-10 延期至 2026-11-20，原因：等待化验结果", "待 D4 分析根本原因，要求 2026-11-09 前，已逾期 2 个工作日"],
    ]);
    const { findings } = await checkJsonInProcess(dir, "--today", "2026-11-11");
    expect(findings.filter((f) => f.file.startsWith("actions/")).map((f) => [f.rule, f.line, f.message])).toEqual([
      ["action/step-overdue", 16, "Corrective action NC-2026-001: D4 root cause (due 2026-11-09) [due date changed: originally due 2026-11-09; 2026-11-10 extended to 2026-11-20, reason: 等待化验结果] past due and not done. Record it when done with 'csr action step NC-2026-001 D4 --date <date>'; when it cannot be done in time, agree a new date with the owner and record why with --due … --reason."],
    ]);
    const review = await runIn(dir, "list", "management-review", "--from", "2026-01-01", "--to", "2026-11-11", "--format", "json");
    const late = (JSON.parse(review.stdout) as { rows: Record<string, unknown>[] }).rows.find((r) => r.item === "其中有步骤逾期");
    expect([late?.value, late?.detail]).toEqual([1, "NC-2026-001（D4［原定 2026-11-09 前；2026-11-10 延期至 2026-11-20，原因：等待化验结果］）"]);
    // As it stood before the change: the date then in force, no change yet.
    const earlier = await runIn(dir, "--today", "2026-11-09", "show", "NC-2026-001");
    expect(earlier.stdout.split("\n").find((l) => l.includes("D4 根本原因分析"))).toBe("                  D4 根本原因分析：要求 2026-11-09 前完成，尚未完成");
  });

  it("holds a step to a date changed in time: not overdue before it, on time when done by it", async () => {
    const dir = await opened();
    const moved = await runIn(dir, "--today", "2026-11-06", "action", "step", "NC-2026-001", "D4", "--due", "2026-11-13", "--reason", "顾客同意延期", "--commit");
    expect([moved.code, moved.stdout.split("\n")[1]]).toEqual([0, "已提交 " + git(dir, ["log", "-1", "--format=%h"]).trim() + "：纠正措施 NC-2026-001：D4 要求完成日期 2026-11-09 → 2026-11-13（顾客同意延期）"]);
    expect((await checkJsonInProcess(dir, "--today", "2026-11-12")).findings.filter((f) => f.file.startsWith("actions/"))).toEqual([]);
    const done = await runIn(dir, "--today", "2026-11-12", "action", "step", "NC-2026-001", "D4", "--date", "2026-11-12");
    expect(done.stdout.split("\n")[0]).toBe("已记录 NC-2026-001 D4 根本原因分析：2026-11-12 完成，按期（要求 2026-11-13 前）（actions/NC-2026-001.yaml）");
  });
});

describe("action/due-rewritten", () => {
  it("finds a due date moved by hand against the base, and a change history that does not lead to due", async () => {
    const dir = await opened();
    const base = git(dir, ["rev-parse", "HEAD"]).trim();
    writeFileSync(file(dir), readFileSync(file(dir), "utf8").replace("due: 2026-11-09", "due: 2026-11-20"));
    git(dir, ["commit", "-qam", "改期"]);
    const { findings } = await checkJsonInProcess(dir, "--today", "2026-11-10", "--base", base);
    expect(findings.filter((f) => f.rule === "action/due-rewritten").map((f) => [f.line, f.column, f.severity, f.message])).toEqual([
      [14, 10, "error", `Corrective action NC-2026-001: D4 was due by 2026-11-09 at ${base} and is due by 2026-11-20 now, with no change recorded in due_changes: moving the date erases the lateness already incurred. Restore the date (git show ${base}:<file>), then change it with 'csr action step NC-2026-001 D4 --due <date> --reason <why>'.`],
    ]);
    writeFileSync(file(dir), readFileSync(file(dir), "utf8") + "    due_changes:\n      - {from: 2026-11-09, to: 2026-11-16, date: 2026-11-06, reason: 等待}\n");
    const chain = await checkJsonInProcess(dir, "--today", "2026-11-10");
    expect(chain.findings.filter((f) => f.rule === "action/due-rewritten").map((f) => [f.line, f.message])).toEqual([
      [14, "Corrective action NC-2026-001: the due date changes of D4 (due_changes) do not follow on: 2026-11-16 expected, 2026-11-20 found; change a due date only with csr action step, which keeps the original and every change."],
    ]);
  });
});

describe("an audit's nonconformity about a customer's requirement (tester78 A13)", () => {
  it("is the audited process's in the register's 顾客/过程 column, and its overdue step asks no customer to be told", async () => {
    const dir = await acme();
    const open = await runIn(dir, "--today", "2026-10-13", "action", "open", "--source", "audit", "--process", "C3", "--audit-report", "IA-2026-01", "--customer", "DYA", "--title", "首件记录未按DYA-004保存", "--received", "2026-10-13", "--owner", "huangjun", "--due", "D3=2026-10-15");
    expect([open.code, open.stderr]).toEqual([0, ""]);
    const register = await runIn(dir, "--today", "2026-10-20", "list", "actions", "--format", "json");
    expect((JSON.parse(register.stdout) as { rows: Record<string, unknown>[] }).rows.map((r) => [r.id, r.customer])).toEqual([["8D-2026-001", "东岳汽车股份有限公司"], ["NC-2026-001", "C3 生产过程控制"]]);
    const { findings } = await checkJsonInProcess(dir, "--today", "2026-10-20");
    expect(findings.filter((f) => f.rule === "action/step-overdue").map((f) => f.message)).toEqual([
      "Corrective action NC-2026-001: D3 containment (due 2026-10-15) past due and not done. Record it when done with 'csr action step NC-2026-001 D3 --date <date>'; when it cannot be done in time, agree a new date with the owner and record why with --due … --reason.",
    ]);
  });
});
