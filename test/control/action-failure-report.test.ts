/**
 * A field failure's own number (tester81 J14): in a GJB 9001C repository a failure in use is reported by the user (部队,
 * 订购方) on its own failure report (故障报告单, FRACAS per GJB 841), whose number is not a 顾客投诉编号. csr action open
 * --failure-report records it as failure_report (and makes the record a field failure); csr show, the 归零报告, the 质量问题
 * 归零/纠正措施台账 (顾客反馈/故障报告单/审核报告编号) and csr action open --help name it so; --complaint is refused for a field
 * failure there. An IATF 16949 repository keeps the customer's number of a field failure under --complaint, and is not
 * shown --failure-report. The built binary on copies of the examples in real git repositories; variations in the test's process.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtOnce, committedFixture, csr, csrInProcess, tempDir } from "../helpers.js";

const gjb = builtOnce(() => committedFixture("examples/gjb-demo"));
const acme = builtOnce(() => committedFixture("examples/acme-auto"));
const OPEN = ["action", "open", "--title", "XX-3 外场使用中输出中断", "--product", "XX-3型电源模块", "--received", "2026-12-01", "--owner", "chenhw", "--today", "2026-12-04", "-y"];
const lines = (r: { code: number; stdout: string; stderr: string }) => [r.code, r.stdout, r.stderr];

describe("a field failure's failure report number (故障报告单编号) in a GJB 9001C repository", () => {
  it("csr action open --failure-report records it as failure_report of a field failure; csr show, csr render and csr list actions name it", async () => {
    const dir = await gjb();
    const opened = csr(["-C", dir, ...OPEN, "--failure-report", "GZ-2026-007"], { lang: "zh-CN" });
    expect([opened.code, opened.stderr, opened.stdout.split("\n")[0]]).toEqual([0, "", "已登记质量问题 8D-2026-001（市场失效）：XX-3 外场使用中输出中断（actions/8D-2026-001.yaml）"]);
    expect(readFileSync(join(dir, "actions", "8D-2026-001.yaml"), "utf8")).toBe(
      "id: 8D-2026-001\ntitle: XX-3 外场使用中输出中断\nsource: field-failure\nfailure_report: GZ-2026-007\nproduct: XX-3型电源模块\nreceived: 2026-12-01\nowner: chenhw\n",
    );
    const shown = csr(["-C", dir, "show", "8D-2026-001", "--today", "2026-12-04"], { lang: "zh-CN" });
    expect(shown.stdout.split("\n")[3]).toBe("  来源            市场失效：故障报告单编号 GZ-2026-007");
    const english = csr(["-C", dir, "show", "8D-2026-001", "--today", "2026-12-04", "--lang", "en"]);
    expect(english.stdout).toMatch(/\n {2}Source +field failure: failure report GZ-2026-007\n/);
    const out = join(tempDir(), "ff.md");
    expect((await csrInProcess(["-C", dir, "render", "8D-2026-001", "--out", out, "--today", "2026-12-04"], { lang: "zh-CN" })).code).toBe(0);
    expect(readFileSync(out, "utf8")).toContain("| 来源 | 市场失效：故障报告单编号 GZ-2026-007 | 发现日期 | 2026-12-01 |\n");
    const register = csr(["-C", dir, "list", "actions", "--format", "csv", "--today", "2026-12-04"], { lang: "zh-CN" });
    const [head, row] = register.stdout.replace(/^\ufeff/, "").split("\r\n");
    expect(head!.split(",").slice(1, 6)).toEqual(["编号", "来源", "顾客/过程", "顾客反馈/故障报告单/审核报告编号", "问题描述"]);
    expect(row!.split(",").slice(1, 6)).toEqual(["8D-2026-001", "市场失效", "", "GZ-2026-007", "XX-3 外场使用中输出中断"]);
    const en = await csrInProcess(["-C", dir, "list", "actions", "--format", "csv", "--today", "2026-12-04", "--lang", "en"], { lang: "en" });
    expect(en.stdout.replace(/^\ufeff/, "").split("\r\n")[0]!.split(",")[4]).toBe("Customer feedback/failure report/audit report");
  });

  it("refuses --complaint for a field failure, --failure-report for another source, and both together, one line each, nothing written", async () => {
    const dir = await gjb();
    const open = async (...more: string[]) => lines(await csrInProcess(["-C", dir, ...OPEN, ...more], { lang: "zh-CN" }));
    expect(await open("--source", "field-failure", "--complaint", "GZ-2026-007")).toEqual([
      2,
      "",
      "csr: 市场失效的编号是用户（部队、订购方）的故障报告单编号，不是顾客投诉编号：'GZ-2026-007' 请用 --failure-report 记录（GJB 841）。\n提示：csr action open … --source field-failure --failure-report GZ-2026-007\n",
    ]);
    expect(await open("--source", "internal", "--failure-report", "GZ-2026-007")).toEqual([2, "", "csr: --failure-report 只用于市场失效（--source field-failure），本记录的来源是内部发现。\n"]);
    expect(await open("--failure-report", "GZ-2026-007", "--customer", "NES", "--complaint", "NES-2026-01")).toEqual([2, "", "csr: 市场失效只记录故障报告单编号（--failure-report），不同时记录顾客投诉编号（--complaint）。\n"]);
    expect(csr(["-C", dir, "list", "actions", "--format", "csv", "--today", "2026-12-04"], { lang: "zh-CN" }).stdout.split("\r\n").filter((l) => l !== "")).toHaveLength(1);
  });

  it("csr action open --help names the number in a GJB 9001C repository", () => {
    const help = csr(["-C", "examples/gjb-demo", "action", "open", "--help"], { lang: "zh-CN" });
    // The options' column is as wide as the longest option of the command, and wraps there: compared without the spaces.
    const words = (text: string) => text.replace(/\s+/g, "");
    expect(words(help.stdout)).toContain(words("--complaint <number> 顾客投诉编号（顾客自己的编号）；市场失效的故障报告单编号用 --failure-report --failure-report <number> 市场失效的故障报告单编号：用户（部队、订购方）自己的编号（GJB 841 故障报告、分析和纠正措施系统）；写了它，来源默认为 field-failure --product"));
  });
});

describe("an IATF 16949 repository keeps its wording: a field failure's customer number under --complaint", () => {
  it("records --complaint of a field failure, refuses --failure-report, and its help has no --failure-report", async () => {
    const dir = await acme();
    const open = csr(["-C", dir, "action", "open", "--title", "x", "--source", "field-failure", "--customer", "DYA", "--complaint", "DYA-W-2026-04", "--received", "2026-12-01", "--owner", "zhangli", "--today", "2026-12-04", "-y"], { lang: "zh-CN" });
    expect([open.code, open.stderr]).toEqual([0, ""]);
    expect(readFileSync(join(dir, "actions", "8D-2026-002.yaml"), "utf8")).toContain("source: field-failure\ncustomer: DYA\ncomplaint: DYA-W-2026-04\n");
    const refused = await csrInProcess(["-C", dir, "action", "open", "--title", "x", "--failure-report", "DYA-W-2026-05", "--received", "2026-12-01", "--owner", "zhangli", "--today", "2026-12-04", "-y"], { lang: "zh-CN" });
    expect(lines(refused)).toEqual([
      2,
      "",
      "csr: --failure-report 记录 GJB 9001C 仓库中市场失效的故障报告单编号；本仓库不按 GJB 9001C 运行，顾客的编号用 --complaint 记录。\n提示：csr action open … --source field-failure --complaint DYA-W-2026-05\n",
    ]);
    const help = csr(["-C", dir, "action", "open", "--help"], { lang: "zh-CN" });
    expect(help.stdout).toMatch(/\n {2}--complaint <number> +顾客投诉编号（顾客自己的编号）\n/);
    expect(help.stdout).not.toContain("--failure-report");
  });
});
