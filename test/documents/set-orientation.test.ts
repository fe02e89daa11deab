/**
 * A document's print orientation without hand-edited YAML (orient77; print.orientation of tester77 E4): `csr set <doc>
 * --orientation portrait|landscape|auto`, register data (the approved text laid out, not changed: no revision), `auto`
 * removing the field so that the body's tables decide (render/view.ts printOrientation), another value refused in one
 * line. On a released control plan typed as a ten-column Markdown table, which prints landscape by itself.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { csr, csrInProcess, git, gitInit, minimalRepo } from "../helpers.js";

const DAY = "2026-12-07";
const HEADINGS = ["工序号", "工序名称", "设备/工装", "特性", "特殊特性", "规格/公差", "测量技术", "容量/频率", "控制方法", "反应计划"];
const ROW = ["OP30", "接头拧紧", "电动定扭扳手 ET-30", "拧紧扭矩", "★", "25±2 N·m", "控制器扭矩监控", "100%", "防错", "停机、隔离、100%复测"];
const TABLE = [`| ${HEADINGS.join(" | ")} |`, `|${HEADINGS.map(() => "---").join("|")}|`, `| ${ROW.join(" | ")} |`];

/** QR-010-01, a released control plan whose one section is the ten-column table. */
const CONTROL_PLAN = [
  "id: QR-010-01",
  "title: D1制动软管总成控制计划",
  "level: 4",
  "kind: form",
  "department: QA",
  "status: released",
  "revisions:",
  "  - version: A/1",
  `    date: ${DAY}`,
  "    summary: OP30拧紧扭矩标注★",
  `    prepared: { by: zhang, date: ${DAY} }`,
  `    reviewed: { by: li, date: ${DAY} }`,
  `    approved: { by: wang, date: ${DAY} }`,
  "sections:",
  "  - title: 控制计划（生产）",
  "    text: |",
  ...TABLE.map((line) => `      ${line}`),
  "record:",
  "  retention: 产品寿命期+1年",
  "  medium: electronic",
  "  location: 技术部PLM",
  "",
].join("\n");

describe("csr set --orientation", () => {
  it("sets, changes and removes the print orientation of a released document as register data, and refuses another value", async () => {
    const dir = gitInit(minimalRepo({ "documents/QR-010-01.yaml": CONTROL_PLAN }));
    const file = () => readFileSync(join(dir, "documents/QR-010-01.yaml"), "utf8");
    // The binary: portrait pinned on a document its table would turn, committed as csr set's other register data.
    const portrait = csr(["-C", dir, "set", "QR-010-01", "--orientation", "portrait", "--commit", "--today", DAY], { lang: "zh-CN" });
    expect([portrait.code, portrait.stderr]).toEqual([0, ""]);
    expect(portrait.stdout.split("\n").slice(0, 3)).toEqual([
      "已修改 QR-010-01 D1制动软管总成控制计划（documents/QR-010-01.yaml）：",
      "  打印方向：A4 纵向（原为 自动，A4 横向）",
      "这些是 QR-010-01 的登记数据，不属于文件内容，不需要发布新版本。",
    ]);
    expect(git(dir, ["log", "-1", "--format=%s"]).trim()).toBe("csr set QR-010-01：打印方向 A4 纵向（原为 自动，A4 横向）");
    // Written after the sections, as the schema orders it, in flow style; the document is not marked 修订中.
    expect(file()).toContain("      " + TABLE[2] + "\nprint: {orientation: portrait}\nrecord:\n");
    expect(file()).not.toContain("revising");
    expect(git(dir, ["status", "--porcelain"])).toBe("");

    const landscape = await csrInProcess(["-C", dir, "set", "QR-010-01", "--orientation", "landscape", "--today", DAY], { lang: "en" });
    expect([landscape.code, landscape.stderr]).toEqual([0, ""]);
    expect(landscape.stdout.split("\n")[1]).toBe("  Print orientation: A4 landscape (was A4 portrait)");
    expect(file()).toContain("\nprint: {orientation: landscape}\n");
    const again = await csrInProcess(["-C", dir, "set", "QR-010-01", "--orientation", "LANDSCAPE", "--today", DAY], { lang: "zh-CN" });
    expect([again.code, again.stdout]).toEqual([0, "QR-010-01 已是如此，没有更改。\n"]);

    // auto removes the field (and the print map it leaves empty): the ten columns decide again.
    const auto = await csrInProcess(["-C", dir, "set", "QR-010-01", "--orientation", "auto", "--today", DAY], { lang: "zh-CN" });
    expect([auto.code, auto.stderr]).toEqual([0, ""]);
    expect(auto.stdout.split("\n")[1]).toBe("  打印方向：自动，A4 横向（原为 A4 横向）");
    expect(file()).not.toContain("print");
    const unchanged = await csrInProcess(["-C", dir, "set", "QR-010-01", "--orientation", "auto", "--today", DAY], { lang: "zh-CN" });
    expect([unchanged.code, unchanged.stdout]).toEqual([0, "QR-010-01 已是如此，没有更改。\n"]);

    // Another value: one line, nothing written.
    const before = file();
    const refused = await csrInProcess(["-C", dir, "set", "QR-010-01", "--orientation", "横向", "--today", DAY], { lang: "zh-CN" });
    expect([refused.code, refused.stdout, refused.stderr]).toEqual([2, "", "csr: --orientation '横向'：只能是 portrait（A4 纵向）、landscape（A4 横向）或 auto（按正文表格自动选择：超过八列的横向）。\n"]);
    expect(file()).toBe(before);

    // The help names the option and its three values.
    const help = await csrInProcess(["set", "--help"], { lang: "en" });
    expect(help.stdout).toMatch(/--orientation <orientation> +the page it prints on: portrait \(A4 portrait\), landscape \(A4 landscape\) or auto/);
  });
});
