/**
 * The 军代表 closes a change request (更改单) or a corrective action once the old versions are out of use (GJB 9001C 7.5.3,
 * 8.3.6, 8.5.6; tester79 G5): csr changes --change-request and --action list, beside the revisions that carry the change
 * and their copies handed out, the recall, loss, destruction and 作废留用 of the copies of the versions those revisions
 * replaced, as --document lists them. gjb-demo's CS/WI-005 A/0 → A/1 under 更改单 GG-2026-009 for quality problem
 * NC-2026-001, its copy 1 (质量部) taken back and copy 2 (军代表室) stamped 作废 and kept. The same rows make the
 * 技术状态更改台账 of csr changes --configuration-change (GJB 9001C 8.3.6; tester79 G6), the revision being one.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtOnce, committedFixture, csrInProcess, git } from "../helpers.js";

const PATH = "documents/instructions/CS_WI-005.yaml";
const setUp = async (dir: string, ...args: string[]) => {
  const result = await csrInProcess(["-C", dir, ...args], { lang: "zh-CN" });
  expect(result.stderr).toBe("");
  return result.code;
};

/** CS/WI-005 A/1 released for GG-2026-009 and NC-2026-001, its copy handed out and A/0's two copies withdrawn. */
const changed = builtOnce(async () => {
  const dir = committedFixture("examples/gjb-demo");
  const file = join(dir, PATH);
  writeFileSync(file, readFileSync(file, "utf8").replace("军用元器件按规定进行二次筛选。", "军用元器件按规定进行二次筛选，筛选项目增加 PIND 检测。"));
  git(dir, ["commit", "-q", "-am", "PIND"]);
  expect(await setUp(dir, "action", "open", "NC-2026-001", "--source", "internal", "--title", "元器件筛选漏项", "--received", "2026-11-02", "--owner", "chenhw", "--commit")).toBe(0);
  expect(await setUp(dir, "release", "CS/WI-005", "--summary", "二次筛选增加 PIND 检测", "--reason", "顾客要求", "--change-request", "GG-2026-009", "--action", "NC-2026-001", "--configuration-change", "--military-representative", "wangjd", "--pages", "第1页", "--total-pages", "1", "--prepared", "chenhw", "--reviewed", "hejun", "--approved", "liuzm", "--date", "2026-11-20", "-y", "--commit")).toBe(0);
  expect(await setUp(dir, "distribute", "CS/WI-005", "--to", "QA:chenhw", "MRO:wangjd", "--date", "2026-11-20", "--commit")).toBe(0);
  expect(await setUp(dir, "recall", "CS/WI-005", "--copy", "1", "--by", "chenhw", "--date", "2026-11-23", "--commit")).toBe(0);
  expect(await setUp(dir, "recall", "CS/WI-005", "--copy", "2", "--retained", "--by", "wangjd", "--remark", "军代表室作废留用，加盖作废章存档", "--date", "2026-11-24", "--commit")).toBe(0);
  return dir;
});

describe("the report of one change request or corrective action", () => {
  it("lists the withdrawal of the old version's copies with the revision that replaced it", async () => {
    const dir = await changed();
    const rows = (stdout: string) => stdout.split("\n").filter((l) => l.startsWith("文件  ")).map((l) => l.split(/ {2,}/).slice(1, 3).concat(l.split(/ {2,}/).at(-1)!).join(" "));
    const withdrawn = [
      "换版 CS/WI-005 2026-11-20",
      "发放 CS/WI-005 2026-11-20",
      "回收 CS/WI-005 2026-11-23",
      "作废留用 CS/WI-005 2026-11-24",
    ];
    const report = await csrInProcess(["-C", dir, "changes", "--change-request", "GG-2026-009", "--today", "2026-11-27"], { lang: "zh-CN" });
    expect(report.code).toBe(0);
    expect(rows(report.stdout)).toEqual(withdrawn);
    expect(report.stdout).toContain("文件  回收      CS/WI-005  进货检验规范  内部  A/0             受控号 1（质量部 陈宏伟）；回收人：马晓岚");
    expect(report.stdout).toContain("文件  作废留用  CS/WI-005  进货检验规范  内部  A/0             受控号 2（军代表室 王建东）；经办人：王建东；军代表室作废留用，加盖作废章存档");
    expect(report.stdout).toContain("文件：换版 1，发放 1，回收 1，作废留用 1\n");
    const byAction = await csrInProcess(["-C", dir, "changes", "--action", "NC-2026-001", "--today", "2026-11-27"], { lang: "zh-CN" });
    expect(rows(byAction.stdout)).toEqual(withdrawn);
    // The same rows as the document's own report of the period.
    const document = await csrInProcess(["-C", dir, "changes", "2026-11-20", "2026-11-27", "--document", "CS/WI-005"], { lang: "zh-CN" });
    expect(rows(document.stdout)).toEqual(withdrawn);
  });

  it("lists the configuration changes (技术状态更改台账) of a period with --configuration-change", async () => {
    const dir = await changed();
    const register = await csrInProcess(["-C", dir, "changes", "2026-11-01", "2026-11-30", "--configuration-change"], { lang: "zh-CN" });
    expect([register.code, register.stderr]).toEqual([0, "只列出技术状态更改的换版（csr release --configuration-change）及其实施、发放、回收和培训，连同所替换旧版受控副本的回收、遗失、销毁和作废留用；仓库中共 2 个版本标为技术状态更改。\n"]);
    expect(register.stdout.split("\n")[0]).toBe("变更报告：2026-11-01 至 2026-11-30（仅 技术状态更改）");
    // gjb-demo's other configuration change, CS/WI-004 A/1, was released before the period. Every row is a document's: the
    // ledger has no 类别 column, and its 更改类别, 更改单号 and 订购方批准 columns follow (tester81 J3).
    expect(register.stdout.split("\n")[2]).toMatch(/^变更 +编号 +名称 +密级 +变更前 +变更后 +更改类别 +更改单号 +说明 +订购方批准 +编制\/审核\/批准 +日期$/);
    expect(register.stdout.split("\n").filter((l) => l.includes("  CS/WI-")).map((l) => l.split(/ {2,}/).slice(0, 2).join(" "))).toEqual(["换版 CS/WI-005", "发放 CS/WI-005", "回收 CS/WI-005", "作废留用 CS/WI-005"]);
    const english = await csrInProcess(["-C", dir, "changes", "2026-11-01", "2026-11-30", "--configuration-change", "--lang", "en"]);
    expect(english.stderr).toBe("Only the revisions released as configuration changes (csr release --configuration-change), taking effect, their copies and training, with the recall, loss, destruction or 作废留用 of the copies of the versions they replaced; 2 revisions of the repository are marked configuration changes.\n");
  });
});
