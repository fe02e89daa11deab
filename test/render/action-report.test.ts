/**
 * `csr render <action id>`: the printed report of one corrective action record, to sign (tester79 G2): in a GJB 9001C
 * repository the 质量问题归零报告 on the organisation's form CS/QR-019-03 with the 双五条, the linked revisions and the
 * 军代表's review (GJB 9001C-2017 10.2); an internal audit's nonconformity as the 内部审核不符合项报告 on QR-004-02
 * (IATF 16949 9.2.2, 10.2); a complaint as its 8D report on QR-013-01 (IATF 16949 10.2.3, 10.2.6). The built binary for
 * each kind, on copies of the examples in real git repositories; variations in the test's process.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtOnce, committedFixture, csr, csrInProcess, git, tempDir, tool } from "../helpers.js";
import { findChromium } from "../../src/render/pdf.js";

const NC = `id: NC-2026-001
title: XX-3型电源模块终检输出纹波超差
source: internal
product: XX-3型电源模块
process: C4
received: 2026-11-09
owner: chenhw
steps:
  D3:
    done: 2026-11-09
    by: luox
    note: 同批10台隔离
  D4:
    done: 2026-11-16
    by: zhoul
    note: 滤波电容C12批次ESR偏高
  D5:
    due: 2026-11-20
    done: 2026-11-18
    by: zhoul
    note: 修订进货检验规范 CS/WI-005 增加ESR复验
  D6:
    done: 2026-11-27
    by: luox
    note: 返工10台，复测合格
  D7:
    done: 2026-12-01
    by: luox
    note: 修订进货检验规范 CS/WI-005
  D8:
    done: 2026-12-04
    verified_by: hejun
    evidence: 归零评审通过
read_across:
  - {product: XX-5型电源模块, result: 同型电容已复验合格, by: luox, date: 2026-11-26}
zeroing:
  located: 失效分析报告 FA-2026-021
  mechanism: 电容ESR偏高致输出纹波增大
  reproduced: 复现试验 SY-2026-045
  effective: 返工10台复测合格
  process_clear: 进货检验未规定ESR复验
  responsibility: 质量部进货检验组
  measures_taken: CS/WI-005 已修订
  dealt_with: 质量通报 ZT-2026-09
  report: GL-2026-03
  reviewed_by: wangjd
  reviewed: 2026-12-04
`;

/** examples/gjb-demo with NC-2026-001 recorded and CS/WI-005 A/0 naming it (as csr release --action records it), committed. */
function gjbRepository(): string {
  const dir = committedFixture("examples/gjb-demo");
  mkdirSync(join(dir, "actions"));
  writeFileSync(join(dir, "actions", "NC-2026-001.yaml"), NC);
  const wi = join(dir, "documents", "instructions", "CS_WI-005.yaml");
  writeFileSync(wi, readFileSync(wi, "utf8").replace("    summary: 首次发布\n", "    summary: 首次发布\n    actions: [NC-2026-001]\n"));
  git(dir, ["add", "-A"]);
  git(dir, ["commit", "-q", "-m", "NC-2026-001"]);
  return dir;
}
const gjb = builtOnce(gjbRepository);

/** examples/acme-auto with an internal audit of C3 (IA-2026-09, one minor nonconformity) and its record NC-2026-009, D3 and D4 done; the finding's text is hostile. */
const HOSTILE = '首件记录未记模具编号 <script>alert(1)</script> | **x**';
const acme = builtOnce(async () => {
  const dir = committedFixture("examples/acme-auto");
  const run = async (...args: string[]) => expect((await csrInProcess(["-C", dir, ...args, "--commit"], { lang: "zh-CN" })).code).toBe(0);
  await run("process", "audited", "C3", "--date", "2026-11-20", "--by", "zhaoqiang", "--report", "IA-2026-09", "--finding", HOSTILE, "--grade", "minor", "--requirement", "IATF 16949 8.5.1.3", "--evidence", "HH-F-052 11-18 记录", "--today", "2026-11-20", "-y");
  await run("action", "open", "NC-2026-009", "--source", "audit", "--process", "C3", "--audit-report", "IA-2026-09", "--title", HOSTILE, "--received", "2026-11-20", "--owner", "huangjun", "--today", "2026-11-20", "-y");
  await run("action", "step", "NC-2026-009", "D3", "--date", "2026-11-21", "--by", "huangjun", "--note", "补记首件记录的模具编号", "--today", "2026-11-21");
  await run("action", "step", "NC-2026-009", "D4", "--date", "2026-11-23", "--by", "huangjun", "--note", "HH-F-052 表单无模具编号栏", "--today", "2026-11-23");
  return dir;
});

const bin = (dir: string, ...args: string[]) => csr(["-C", dir, "render", ...args], { lang: "zh-CN" });
const run = (dir: string, ...args: string[]) => csrInProcess(["-C", dir, "render", ...args], { lang: "zh-CN" });

describe("csr render <action id>: the 质量问题归零报告 of a GJB 9001C quality problem", () => {
  it("prints the problem, cause, the ten criteria with their evidence and state, actions, read-across, revisions, verification and the signatures, blanks where nothing is recorded", async () => {
    const dir = await gjb();
    const out = join(tempDir(), "nc.md");
    const result = bin(dir, "NC-2026-001", "--out", out, "--today", "2026-12-07");
    expect([result.code, result.stdout, result.stderr]).toEqual([0, `${out}\n`, "已输出 1 个文件（md，zh-CN）。\n"]);
    expect(readFileSync(out, "utf8").split("\n")).toEqual([
      "**湖南晨晟电子技术有限公司**",
      "",
      "# 质量问题归零报告",
      "",
      "表单编号：CS/QR-019-03 版本：A/1",
      "",
      "|  |  |  |  |",
      "| --- | --- | --- | --- |",
      "| 问题编号 | NC-2026-001 | 归零报告编号 | GL-2026-03 |",
      "| 问题名称 | XX-3型电源模块终检输出纹波超差 |  |  |",
      "| 产品 | XX-3型电源模块 |  |  |",
      "| 来源 | 内部发现：C4 检验、放行与不合格品控制 | 发现日期 | 2026-11-09 |",
      "| 责任人 | 陈宏伟 | 归零关闭日期 | 2026-12-04 |",
      "",
      "## 1 问题描述及处置",
      "",
      "同批10台隔离",
      "",
      "责任人：罗欣　完成日期：2026-11-09",
      "",
      "## 2 原因分析",
      "",
      "滤波电容C12批次ESR偏高",
      "",
      "责任人：周琳　完成日期：2026-11-16",
      "",
      "## 3 技术归零",
      "",
      "| 归零要求 | 证据 | 状态 |",
      "| --- | --- | --- |",
      "| 定位准确 | 失效分析报告 FA-2026-021 | 已满足 |",
      "| 机理清楚 | 电容ESR偏高致输出纹波增大 | 已满足 |",
      "| 问题复现 | 复现试验 SY-2026-045 | 已满足 |",
      "| 措施有效 | 返工10台复测合格 | 已满足 |",
      "| 举一反三 | 横向展开 1 项（见“举一反三”） | 已满足 |",
      "",
      "## 4 管理归零",
      "",
      "| 归零要求 | 证据 | 状态 |",
      "| --- | --- | --- |",
      "| 过程清楚 | 进货检验未规定ESR复验 | 已满足 |",
      "| 责任明确 | 质量部进货检验组 | 已满足 |",
      "| 措施落实 | CS/WI-005 已修订 | 已满足 |",
      "| 严肃处理 | 质量通报 ZT-2026-09 | 已满足 |",
      "| 完善规章 |  | 未提供证据 |",
      "",
      "## 5 纠正措施",
      "",
      "| 步骤 | 措施 | 责任人 | 要求完成日期 | 完成日期 |",
      "| --- | --- | --- | --- | --- |",
      "| D5 确定纠正措施 | 修订进货检验规范 CS/WI-005 增加ESR复验 | 周琳 | 2026-11-20 | 2026-11-18 |",
      "| D6 纠正措施实施验证 | 返工10台，复测合格 | 罗欣 |  | 2026-11-27 |",
      "| D7 预防措施 | 修订进货检验规范 CS/WI-005 | 罗欣 |  | 2026-12-01 |",
      "",
      "## 6 举一反三",
      "",
      "| 日期 | 举一反三对象 | 结果 | 检查人 |",
      "| --- | --- | --- | --- |",
      "| 2026-11-26 | XX-5型电源模块 | 同型电容已复验合格 | 罗欣 |",
      "",
      "## 7 相关文件更改",
      "",
      "| 文件编号 | 文件名称 | 版本/版次 | 日期 |",
      "| --- | --- | --- | --- |",
      "| CS/WI-005 | 进货检验规范 | A/0 | 2024-06-03 |",
      "",
      "## 8 验证",
      "",
      "归零评审通过",
      "",
      "验证人：何军　完成日期：2026-12-04",
      "",
      "| 编制 | ________ | 审核 | ________ | 批准 | ________ | 军代表 | 王建东 |",
      "| --- | --- | --- | --- | --- | --- | --- | --- |",
      "| 日期 | ________ | 日期 | ________ | 日期 | ________ | 日期 | 2026-12-04 |",
      "",
    ]);
  });

  it("prints the report as it stood on --as-of: the 军代表's review not yet recorded is a blank to sign", async () => {
    const dir = await gjb();
    const out = join(tempDir(), "nc.md");
    expect((await run(dir, "NC-2026-001", "--out", out, "--as-of", "2026-11-30")).code).toBe(0);
    const md = readFileSync(out, "utf8");
    expect(md).toContain("| 责任人 | 陈宏伟 | 归零关闭日期 |  |\n");
    expect(md).toContain("| D7 预防措施 |  |  |  |  |\n");
    expect(md).toContain("| 编制 | ________ | 审核 | ________ | 批准 | ________ | 军代表 | ________ |\n");
    // Not yet verified (D8) nor reviewed that day: the evidence recorded is printed as such, not as 已满足 (review80 #3).
    expect(md).not.toContain("已满足");
    expect(md).toMatch(/\| 措施有效 \| [^|\n]+ \| 已记录，待验证 \|\n/);
  });

  it("refuses what a record's report has not, one line each: --copy, --format docx, a day before it was received, documents in the same run", async () => {
    const dir = await gjb();
    const lines = async (...args: string[]) => {
      const r = await run(dir, ...args);
      return [r.code, r.stdout, r.stderr];
    };
    expect(await lines("NC-2026-001", "--copy", "1")).toEqual([2, "", "csr: --copy 只适用于受控文件；纠正措施记录 NC-2026-001 的报告没有版本或受控号。\n"]);
    expect(await lines("NC-2026-001", "--format", "docx", "--out", tempDir())).toEqual([2, "", "csr: 纠正措施记录 NC-2026-001 的报告不输出 Word 格式。\n提示：请改用 --format pdf、html 或 md，例如 csr render NC-2026-001 --format pdf。\n"]);
    expect(await lines("NC-2026-001", "--as-of", "2026-11-01", "--out", tempDir())).toEqual([2, "", "csr: 纠正措施记录 NC-2026-001 于 2026-11-09 接收，2026-11-01 时尚无此记录。\n"]);
    expect(await lines("NC-2026-001", "CS/WI-005")).toEqual([2, "", "csr: 纠正措施记录 NC-2026-001 的报告须单独输出，不能与文件或顾客要求一起输出。\n"]);
  });

  const chromium = (() => {
    try {
      return findChromium();
    } catch {
      return undefined;
    }
  })();
  it.runIf(chromium && tool("pdftotext"))("prints it to an A4 PDF of two pages whose text holds the form number, the criteria and the 军代表's signature", { timeout: 60_000 }, async () => {
    const dir = await gjb();
    const out = join(tempDir(), "nc.pdf");
    const result = bin(dir, "NC-2026-001", "--out", out, "--today", "2026-12-07");
    expect([result.code, result.stderr]).toEqual([0, "已输出 1 个文件（pdf，zh-CN）。\n"]);
    const text = (await import("node:child_process")).execFileSync("pdftotext", ["-layout", out, "-"], { encoding: "utf8" });
    expect(text.split("\f").length - 1).toBe(2);
    expect(text).toMatch(/表单编号：CS\/QR-019-03 版本：A\/1/);
    expect(text).toMatch(/完善规章\s+未提供证据/);
    expect(text).toMatch(/军代表\s+王建东/);
    expect(text).toMatch(/第 ?2 ?页 ?共 ?2 ?页/);
  });
});

describe("csr render <action id>: an internal audit's nonconformity and a complaint's 8D", () => {
  it("prints the 内部审核不符合项报告 on QR-004-02 from the audit's finding, the auditee's and the auditor's signatures blank", async () => {
    const dir = await acme();
    const out = join(tempDir(), "nc.md");
    const result = bin(dir, "NC-2026-009", "--out", out, "--today", "2026-11-25");
    expect([result.code, result.stdout, result.stderr]).toEqual([0, `${out}\n`, "已输出 1 个文件（md，zh-CN）。\n"]);
    const md = readFileSync(out, "utf8").split("\n");
    expect(md.slice(2, 13)).toEqual([
      "# 内部审核不符合项报告",
      "",
      "表单编号：QR-004-02 版本：A/0",
      "",
      "|  |  |  |  |",
      "| --- | --- | --- | --- |",
      "| 审核报告编号 | IA-2026-09 | 不符合项编号 | NC-2026-009 |",
      "| 受审核过程 | C3 生产过程控制 | 审核日期 | 2026-11-20 |",
      "| 审核员 | 赵强 | 受审核方责任人 | 黄军 |",
      "| 不符合的要求/条款 | IATF 16949 8.5.1.3 | 不符合等级 | 一般不符合 |",
      "",
    ]);
    expect(md.slice(13, 19)).toEqual(["## 1 不符合事实", "", "首件记录未记模具编号 \\<script\\>alert(1)\\</script\\> \\| \\*\\*x\\*\\*", "", "客观证据：HH-F-052 11-18 记录", ""]);
    expect(md.slice(-5)).toEqual(["", "| 审核员 | ________ | 受审核方确认 | ________ | 验证人 | ________ |", "| --- | --- | --- | --- | --- | --- |", "| 日期 | ________ | 日期 | ________ | 日期 | ________ |", ""]);
  });

  it("escapes hostile text in HTML: the finding prints as text, never as markup", async () => {
    const dir = await acme();
    const out = join(tempDir(), "nc.html");
    expect((await run(dir, "NC-2026-009", "--out", out, "--today", "2026-11-25")).code).toBe(0);
    const html = readFileSync(out, "utf8");
    expect(html).not.toContain("<script>");
    expect(html).toContain('<div class="action-report-text">首件记录未记模具编号 &lt;script&gt;alert(1)&lt;/script&gt; | **x**</div>');
    expect(html).toContain("default-src 'none'");
  });

  it("prints a complaint as its 8D report on QR-013-01, D1 to D8 as recorded, in English with --lang en", async () => {
    const dir = await acme();
    const out = join(tempDir(), "8d.md");
    const result = csr(["-C", dir, "render", "8D-2026-001", "--out", out, "--today", "2026-11-25", "--lang", "en"]);
    expect([result.code, result.stderr]).toEqual([0, "Rendered 1 file (md, en).\n"]);
    const md = readFileSync(out, "utf8").split("\n");
    expect(md.slice(0, 5)).toEqual(["**Jiangsu Acme Auto Parts Co., Ltd.**", "", "# 8D Problem-Solving Report", "", "Form: QR-013-01 Version: A/1"]);
    expect(md).toContain("## D1 Team");
    expect(md).toContain("Leader: Zhang Li");
    expect(md).toContain("## D8 closure (effectiveness verified)");
    expect(md.at(-4)).toBe("| Prepared | ________ | Reviewed | ________ | Approved | ________ |");
  });
});

describe("the 8D report shows what csr show has: product safety, the governing CSR and its deadlines, the cost of poor quality, the documents revised (tester82 A14)", () => {
  it("prints them in the header and a part of their own before D8, in Chinese and in English", async () => {
    const dir = await acme();
    const out = tempDir();
    for (const lang of ["zh-CN", "en"] as const) expect((await csrInProcess(["-C", dir, "render", "8D-2026-001", "--out", join(out, `8d.${lang}.md`), "--today", "2026-12-08"], { lang })).code).toBe(0);
    const zh = readFileSync(join(out, "8d.zh-CN.md"), "utf8").split("\n");
    expect(zh.slice(8, 14)).toEqual([
      "| 8D 编号 | 8D-2026-001 | 接收日期 | 2026-04-01 |",
      "| 来源 | 顾客投诉：东岳汽车股份有限公司（DYA），投诉编号 2026-05，C3 生产过程控制 |  |  |",
      "| 产品 | D1平台前制动软管总成 |  |  |",
      "| 产品安全 | 涉及 | 不良质量成本 | 合计 35,500 元（内部 15,500 元，外部 20,000 元） |",
      "| 顾客特定要求 | DYA-002 顾客投诉的围堵和8D报告时限（接收后 D3 1 天、D4 5 个工作日、D8 15 个工作日） |  |  |",
      "",
    ]);
    const revised = zh.indexOf("## 相关文件更改");
    expect(zh.slice(revised, revised + 7)).toEqual(["## 相关文件更改", "", "| 文件编号 | 文件名称 | 版本/版次 | 日期 |", "| --- | --- | --- | --- |", "| HH-F-052 | 首件检验记录 | A/2 | 2026-04-16 |", "", "## D8 关闭（效果验证）"]);
    const en = readFileSync(join(out, "8d.en.md"), "utf8").split("\n");
    expect(en.slice(11, 13)).toEqual([
      "| Product safety | safety-related | Cost of poor quality | total CNY 35,500 (internal CNY 15,500, external CNY 20,000) |",
      "| CSRs | DYA-002 Containment and 8D report deadlines for customer complaints (from receipt: D3 1 day, D4 5 working days, D8 15 working days) |  |  |",
    ]);
    expect(en).toContain("| HH-F-052 | First-Piece Inspection Record | A/2 | 2026-04-16 |");
  });

  it("a record that names no CSR, concerns no safety and has no cost prints them as blanks to fill in, and an empty row of documents", async () => {
    const dir = await acme();
    const out = join(tempDir(), "nc.md");
    writeFileSync(join(dir, "actions", "8D-2026-002.yaml"), "id: 8D-2026-002\ntitle: 软管外观划伤\nsource: internal\nreceived: 2026-11-02\nowner: zhangli\n");
    const rendered = await run(dir, "8D-2026-002", "--out", out, "--today", "2026-12-08");
    rmSync(join(dir, "actions", "8D-2026-002.yaml"));
    expect(rendered.code).toBe(0);
    const md = readFileSync(out, "utf8");
    expect(md).toContain("| 产品安全 | 不涉及 | 不良质量成本 |  |\n| 顾客特定要求 |  |  |  |\n");
    expect(md).toContain("## 相关文件更改\n\n| 文件编号 | 文件名称 | 版本/版次 | 日期 |\n| --- | --- | --- | --- |\n|  |  |  |  |\n");
  });

  it("csr check warns of a document a done step D5–D7 names that was not revised since the record was received, at the number in the note; the example's names only HH-F-052 A/2", async () => {
    const dir = await acme();
    const file = join(dir, "actions", "8D-2026-001.yaml");
    const findings = async () => {
      const check = await csrInProcess(["-C", dir, "check", "--today", "2026-12-08", "--format", "json"], { lang: "zh-CN" });
      return (JSON.parse(check.stdout) as { findings: { rule: string; file: string; line: number; column: number; message: string }[] }).findings.filter((f) => f.rule === "action/document-not-revised").map((f) => `${f.file}:${f.line}:${f.column} ${f.message}`);
    };
    expect(await findings()).toEqual([]);
    const example = readFileSync(file, "utf8");
    // D7 as the auditor found it: the daily equipment check sheet, still A/1 of 2024-03-01.
    writeFileSync(file, example.replace(/ {4}note: 扣压模具累计冲次逐班记入.*\n/, "    note: 扣压模具累计冲次纳入设备日常点检（HH-F-045）；横向检查其他两种扣压模具\n"));
    try {
      expect(await findings()).toEqual([
        "actions/8D-2026-001.yaml:37:28 8D-2026-001 的 D7 写明了 HH-F-045，但该文件自本记录接收（2026-04-01）以来没有换版（现行版本 A/1，2024-03-01）：措施没有落实到文件中。请修订 HH-F-045 并按本记录发布（'csr release HH-F-045 --action 8D-2026-001 --summary <修订内容>'）；该步骤并未更改文件的，改正该步骤的记录。",
      ]);
    } finally {
      writeFileSync(file, example);
    }
  });
});

describe("a quality problem's grade, batches, serial numbers and the day the 军代表 was notified (tester79 G9)", () => {
  it("csr action open records them, csr show, csr render and csr check read them", async () => {
    const dir = await gjb();
    const opened = csr(["-C", dir, "action", "open", "NC-2026-002", "--title", "XX-3 灌封后气泡", "--source", "internal", "--product", "XX-3型电源模块", "--problem-grade", "严重", "--batch", "2026-11-B07", "--batch", "2026-11-B08", "--serial", "0031~0040", "--received", "2026-12-01", "--owner", "chenhw", "--today", "2026-12-04", "-y"], { lang: "zh-CN" });
    expect([opened.code, opened.stderr]).toEqual([0, ""]);
    expect(readFileSync(join(dir, "actions", "NC-2026-002.yaml"), "utf8")).toContain("product: XX-3型电源模块\nproblem_grade: serious\nbatches:\n  - 2026-11-B07\n  - 2026-11-B08\nserials:\n  - 0031~0040\nreceived: 2026-12-01\nowner: chenhw\n");
    const shown = await csrInProcess(["-C", dir, "show", "NC-2026-002", "--today", "2026-12-04"], { lang: "zh-CN" });
    expect(shown.stdout.split("\n").slice(4, 9)).toEqual(["  零件/产品       XX-3型电源模块", "  质量问题等级    严重质量问题", "  批次            2026-11-B07、2026-11-B08", "  产品编号        0031~0040", "  接收/提出日期   2026-12-01"]);
    const check = await csrInProcess(["-C", dir, "check", "--today", "2026-12-04", "--format", "json"], { lang: "zh-CN" });
    const findings = (JSON.parse(check.stdout) as { findings: { rule: string; file: string; line: number; column: number; message: string }[] }).findings.filter((f) => f.rule === "action/problem-unnotified");
    expect(findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.message}`)).toEqual([
      "actions/NC-2026-002.yaml:5:16 NC-2026-002 为严重质量问题，没有记录通报军代表的日期：重大、严重质量问题须及时通报军代表（GJB 9001C 10.2）；通报后用 csr action update NC-2026-002 --notified <日期> 记录。",
    ]);
    const out = join(tempDir(), "nc.md");
    expect((await run(dir, "NC-2026-002", "--out", out, "--today", "2026-12-04")).code).toBe(0);
    expect(readFileSync(out, "utf8").split("\n").slice(10, 14)).toEqual(["| 产品 | XX-3型电源模块 |  |  |", "| 质量问题等级 | 严重质量问题 | 通报军代表日期 |  |", "| 批次 | 2026-11-B07、2026-11-B08 | 产品编号 | 0031\\~0040 |", "| 来源 | 内部发现 | 发现日期 | 2026-12-01 |"]);
  });

  it("refuses a notified day before the problem was raised, and a grade csr does not know", async () => {
    const dir = await gjb();
    const open = (...more: string[]) => csrInProcess(["-C", dir, "action", "open", "--title", "x", "--source", "internal", "--received", "2026-12-01", "--owner", "chenhw", "--today", "2026-12-04", "-y", ...more], { lang: "zh-CN" });
    const early = await open("--notified", "2026-11-30");
    expect([early.code, early.stderr]).toEqual([2, "csr: --notified 2026-11-30 早于问题提出日期 2026-12-01：通报军代表不会早于发现问题。\n"]);
    const grade = await open("--problem-grade", "critical");
    expect(grade.code).toBe(2);
    expect(grade.stderr).toMatch(/^csr: .*--problem-grade.*critical/);
  });
});

describe("csr render <action id>: a 军代表 review voided by a correction of the evidence it reviewed (GJB 9001C 10.2, 7.5.3; QJ 3183)", () => {
  /** gjb-demo's NC-2026-001 (reviewed by 王建东 on 2026-12-04) with its 措施有效 corrected on 2026-12-07, which voids that review. */
  const voided = builtOnce(async () => {
    const dir = gjbRepository();
    const zero = await csrInProcess(["-C", dir, "action", "zero", "NC-2026-001", "--effective", "连续3批验证合格", "--amend", "--today", "2026-12-07", "--commit"], { lang: "zh-CN" });
    expect([zero.code, zero.stderr]).toEqual([0, ""]);
    return dir;
  });
  const part = (md: string) => md.slice(md.indexOf("## 9 "));

  it("lists the voided review (when, by whom, which corrected evidence voided it) and a row for the new review, the 军代表's signature blank, in Chinese and English", async () => {
    const dir = await voided();
    const zh = join(tempDir(), "nc.md");
    const result = bin(dir, "NC-2026-001", "--out", zh, "--today", "2026-12-07");
    expect([result.code, result.stderr]).toEqual([0, "已输出 1 个文件（md，zh-CN）。\n"]);
    expect(part(readFileSync(zh, "utf8")).split("\n")).toEqual([
      "## 9 军代表评审记录",
      "",
      "| 评审日期 | 军代表 | 状态 | 失效日期 | 失效原因 |",
      "| --- | --- | --- | --- | --- |",
      "| 2026-12-04 | 王建东 | 已失效 | 2026-12-07 | 更正了已评审的证据：措施有效 |",
      "|  |  | 待重新评审 |  |  |",
      "",
      "| 编制 | ________ | 审核 | ________ | 批准 | ________ | 军代表 | ________ |",
      "| --- | --- | --- | --- | --- | --- | --- | --- |",
      "| 日期 | ________ | 日期 | ________ | 日期 | ________ | 日期 | ________ |",
      "",
    ]);
    // The corrected evidence, judged met as the record's closure (D8) verified it.
    expect(readFileSync(zh, "utf8")).toContain("| 措施有效 | 连续3批验证合格 | 已满足 |\n");
    const en = join(tempDir(), "nc.md");
    expect(bin(dir, "NC-2026-001", "--out", en, "--today", "2026-12-07", "--lang", "en").code).toBe(0);
    expect(part(readFileSync(en, "utf8")).split("\n").slice(0, 6)).toEqual([
      "## 9 Military representative's reviews",
      "",
      "| Review date | Military representative | State | Voided on | Why voided |",
      "| --- | --- | --- | --- | --- |",
      "| 2026-12-04 | Wang Jiandong | Voided | 2026-12-07 | Reviewed evidence corrected: actions effective (措施有效) |",
      "|  |  | To be reviewed again |  |  |",
    ]);
  });

  it("lists the voided review before the valid one once the 军代表 reviews again; --as-of a day before the correction prints the review then in force, and no list", async () => {
    const dir = gjbRepository();
    const zero = async (...args: string[]) => {
      const r = await csrInProcess(["-C", dir, "action", "zero", "NC-2026-001", ...args, "--commit"], { lang: "zh-CN" });
      expect([r.code, r.stderr]).toEqual([0, ""]);
    };
    await zero("--effective", "连续3批验证合格", "--amend", "--today", "2026-12-07");
    // The 军代表 reviews a finished 归零 only: its tenth criterion first.
    await zero("--rules-improved", "CS/QP-019 B/2", "--today", "2026-12-08");
    await zero("--reviewed-by", "wangjd", "--reviewed", "2026-12-08", "--today", "2026-12-08");
    const out = join(tempDir(), "nc.md");
    expect((await run(dir, "NC-2026-001", "--out", out, "--today", "2026-12-08")).code).toBe(0);
    expect(part(readFileSync(out, "utf8")).split("\n")).toEqual([
      "## 9 军代表评审记录",
      "",
      "| 评审日期 | 军代表 | 状态 | 失效日期 | 失效原因 |",
      "| --- | --- | --- | --- | --- |",
      "| 2026-12-04 | 王建东 | 已失效 | 2026-12-07 | 更正了已评审的证据：措施有效 |",
      "| 2026-12-08 | 王建东 | 有效 |  |  |",
      "",
      "| 编制 | ________ | 审核 | ________ | 批准 | ________ | 军代表 | 王建东 |",
      "| --- | --- | --- | --- | --- | --- | --- | --- |",
      "| 日期 | ________ | 日期 | ________ | 日期 | ________ | 日期 | 2026-12-08 |",
      "",
    ]);
    const before = join(tempDir(), "nc.md");
    expect((await run(dir, "NC-2026-001", "--out", before, "--as-of", "2026-12-05")).code).toBe(0);
    const md = readFileSync(before, "utf8");
    expect(md).not.toContain("军代表评审记录");
    expect(md).toContain("| 日期 | ________ | 日期 | ________ | 日期 | ________ | 日期 | 2026-12-04 |\n");
    const html = join(tempDir(), "nc.html");
    expect((await run(dir, "NC-2026-001", "--out", html, "--today", "2026-12-08")).code).toBe(0);
    expect(readFileSync(html, "utf8")).toContain('<tr><td class="nowrap">2026-12-04</td><td class="nowrap">王建东</td><td class="nowrap">已失效</td><td class="nowrap">2026-12-07</td><td>更正了已评审的证据：措施有效</td></tr>');
  });

  it.runIf(tool("chromium") && tool("pdftotext"))("prints the list in the PDF with the signatures on its page, never the signatures alone on a last page", { timeout: 60_000 }, async () => {
    const dir = await voided();
    const out = join(tempDir(), "nc.pdf");
    const result = bin(dir, "NC-2026-001", "--out", out, "--today", "2026-12-07");
    expect([result.code, result.stderr]).toEqual([0, "已输出 1 个文件（pdf，zh-CN）。\n"]);
    const pages = (await import("node:child_process")).execFileSync("pdftotext", ["-layout", out, "-"], { encoding: "utf8" }).split("\f").filter((p) => p.trim() !== "");
    const last = pages.at(-1)!.replace(/\s+/g, " ");
    expect(last).toMatch(/9 军代表评审记录 评审日期 军代表 状态 失效日期 失效原因 2026-12-04 王建东 已失效 2026-12-07 更正了已评审的证据：措施有效 待重新评审 编制 日期： 审核 日期： 批准 日期： 军代表 日期：/);
  });
});
