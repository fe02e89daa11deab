/**
 * `csr render MR-…`: the printed record of one management review (管理评审报告; ISO 9001 / IATF 16949 9.3.3, 9.3.3.1;
 * tester82 A3): period, day, chair, attendees, the inputs of the review's own period, the outputs with owner, due day,
 * status and evidence, the approval by top management, sign lines; on the form qms.yaml registers for it (HH-F-040 in
 * acme-auto). And `csr list management-review MR-…`: the input report of that review's period; without a number the
 * calendar year to date, as before. The built binary on a copy of acme-auto in a real git repository.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { committedFixture, csr, tempDir, tool } from "../helpers.js";
import { findChromium } from "../../src/render/pdf.js";

const acme = () => committedFixture("examples/acme-auto");
const bin = (dir: string, ...args: string[]) => csr(["-C", dir, ...args], { lang: "zh-CN" });

describe("csr render MR-…", () => {
  it("prints the record on HH-F-040: header, inputs of its period by 输入项, outputs with status on the day, approval and sign lines", () => {
    const dir = acme();
    const out = join(tempDir(), "mr.md");
    const result = bin(dir, "render", "mr-2026", "--out", out, "--today", "2026-12-08");
    expect([result.code, result.stdout, result.stderr]).toEqual([0, `${out}\n`, "已输出 1 个文件（md，zh-CN）。\n"]);
    const md = readFileSync(out, "utf8").split("\n");
    expect(md.slice(0, 16)).toEqual([
      "**江苏安迈汽车零部件有限公司**",
      "",
      "# 管理评审报告",
      "",
      "表单编号：HH-F-040 版本：A/1",
      "",
      "|  |  |  |  |",
      "| --- | --- | --- | --- |",
      "| 评审编号 | MR-2026 | 评审日期 | 2026-11-20 |",
      "| 评审期间 | 2025-12-01 至 2026-10-31 |  |  |",
      "| 主持人 | 王建国 | 批准（总经理） | 王建国 2026-11-25 |",
      "| 参加人员 | 徐海涛、张丽、孙伟、周鹏、黄军、吴艳、郑敏 |  |  |",
      "| 评审的输入报告 | 2026 年度管理评审输入报告 |  |  |",
      "",
      "## 1 评审输入",
      "",
    ]);
    expect(md).toContain("管理评审输入报告：2025-12-01 至 2026-10-31，共 51 项（csr list management-review MR-2026 打印全文，含说明和明细），各数值为期末 2026-10-31 的情况。");
    expect(md).toContain("| 1 | 以往管理评审 | 以往管理评审措施的实施情况（MR-2025，2025-12-16；截至 2026-10-31） 6/6 已完成 |");
    expect(md).toContain("| 13 | 质量目标 | 期间质量目标的实现程度 达成 4 / 未达成 1 |");
    expect(md.slice(md.indexOf("## 2 评审输出（决定和措施）"))).toEqual([
      "## 2 评审输出（决定和措施）",
      "",
      "状态截至：2026-12-08",
      "",
      "| 编号 | 决定或措施 | 类别 | 负责人 | 完成期限 | 状态 | 完成证据 |",
      "| --- | --- | --- | --- | --- | --- | --- |",
      "| MR-2026/1 | 2027 年质量目标：顾客投诉不超过 5 次/年，CSR 评审及时率不低于 95% | 体系变更 | 徐海涛 | 2026-12-31 | 已完成 2026-11-26 | 《2027 年质量目标》总经办发文 |",
      "| MR-2026/2 | BCM 计分卡交付绩效未达目标，制定交付改进措施计划并按月跟踪 | 顾客绩效措施计划 | 吴艳 | 2027-06-30 | 未到期 |  |",
      "| MR-2026/3 | 新装配线配置防错验证设备并纳入工装夹具台账 | 资源需求 | 周鹏 | 2027-06-30 | 未到期 |  |",
      "| MR-2026/4 | 推行分层审核，覆盖全部生产班次 | 改进机会 | 黄军 | 2027-06-30 | 未到期 |  |",
      "",
      "| 记录 | ________ | 主持人 | 王建国 | 批准 | 王建国 |",
      "| --- | --- | --- | --- | --- | --- |",
      "| 日期 | ________ | 日期 | 2026-11-20 | 日期 | 2026-11-25 |",
      "",
    ]);
  });

  it("prints it as of a day before the approval with the approval blank, and in English", () => {
    const dir = acme();
    const out = join(tempDir(), "mr.md");
    expect(bin(dir, "render", "MR-2026", "--out", out, "--as-of", "2026-11-21").code).toBe(0);
    const md = readFileSync(out, "utf8");
    expect(md).toContain("| 主持人 | 王建国 | 批准（总经理） |  |\n");
    expect(md).toContain("| MR-2026/1 | 2027 年质量目标：顾客投诉不超过 5 次/年，CSR 评审及时率不低于 95% | 体系变更 | 徐海涛 | 2026-12-31 | 未到期 |  |\n");
    expect(md).toContain("| 日期 | ________ | 日期 | 2026-11-20 | 日期 | ________ |\n");
    const en = join(tempDir(), "mr.en.md");
    expect(csr(["-C", dir, "render", "MR-2026", "--out", en, "--today", "2026-12-08"], { lang: "en" }).code).toBe(0);
    const english = readFileSync(en, "utf8");
    expect(english).toContain("# Management Review Report\n");
    expect(english).toContain("| Review no. | MR-2026 | Held on | 2026-11-20 |\n");
    expect(english).toContain("| Recorded by | ________ | Chair | Wang Jianguo | Approved | Wang Jianguo |\n");
  });

  it("refuses what the record has not, one line each: --copy, Word, a day before it was held, documents in the same run, an unknown number", () => {
    const dir = acme();
    const lines = (...args: string[]) => {
      const r = bin(dir, "render", ...args);
      return [r.code, r.stdout, r.stderr];
    };
    expect(lines("MR-2026", "--copy", "1")).toEqual([2, "", "csr: --copy 只适用于受控文件；管理评审记录 MR-2026 的报告没有版本或受控号。\n"]);
    expect(lines("MR-2026", "--format", "docx", "--out", tempDir())).toEqual([2, "", "csr: 管理评审记录 MR-2026 的报告不输出 Word 格式。\n提示：请改用 --format pdf、html 或 md，例如 csr render MR-2026 --format pdf。\n"]);
    expect(lines("MR-2026", "--as-of", "2026-11-19", "--out", tempDir())).toEqual([2, "", "csr: 管理评审 MR-2026 于 2026-11-20 召开，2026-11-19 时尚无此记录。\n"]);
    expect(lines("MR-2026", "QP-013")[2]).toMatch(/^csr: 管理评审记录 MR-2026 的报告须单独输出/);
    expect(lines("MR-2027")).toEqual([2, "", "csr: 仓库中没有文件或 CSR 'MR-2027'。是否应为 'MR-2025'？\n"]);
  });

  const chromium = (() => {
    try {
      return findChromium();
    } catch {
      return undefined;
    }
  })();
  it.runIf(chromium && tool("pdftotext"))("prints it to an A4 PDF of two pages: the form number, the inputs, the outputs and the approval", { timeout: 60_000 }, () => {
    const dir = acme();
    const out = join(tempDir(), "mr.pdf");
    const result = bin(dir, "render", "MR-2026", "--out", out, "--today", "2026-12-08");
    expect([result.code, result.stderr]).toEqual([0, "已输出 1 个文件（pdf，zh-CN）。\n"]);
    const text = (require("node:child_process") as typeof import("node:child_process")).execFileSync("pdftotext", ["-layout", out, "-"], { encoding: "utf8" });
    expect(text.split("\f").length - 1).toBe(2);
    expect(text).toMatch(/表单编号：HH-F-040 版本：A\/1/);
    expect(text).toMatch(/1 评审输入/);
    expect(text).toMatch(/MR-2026\/4\s+推行分层审/);
    expect(text).toMatch(/批准\s+王建国/);
    expect(text).toMatch(/第 ?2 ?页 ?共 ?2 ?页/);
  });
});

describe("csr list management-review MR-…", () => {
  it("lists the inputs of the period the review reviewed, and without a number the calendar year to date, as before", () => {
    const dir = acme();
    const named = bin(dir, "list", "management-review", "MR-2025", "--today", "2026-12-08");
    expect(named.code).toBe(0);
    expect(named.stdout.split("\n")[0]).toBe("管理评审输入（MR-2025，2025-12-16 召开；评审期间 2025-01-01 至 2025-11-30）");
    const review = bin(dir, "list", "management-review", "mr-2026", "--today", "2026-12-08");
    expect(review.stdout.split("\n")[0]).toBe("管理评审输入（MR-2026，2026-11-20 召开；评审期间 2025-12-01 至 2026-10-31）");
    // The same page as the period typed by hand, but for the title that names the review.
    const typed = bin(dir, "list", "management-review", "--from", "2025-12-01", "--to", "2026-10-31", "--today", "2026-12-08");
    expect(typed.stdout.split("\n").slice(1)).toEqual(review.stdout.split("\n").slice(1));
    // Without a number: the page a 管理者代表 prepares for the coming review, the calendar year to date.
    const coming = bin(dir, "list", "management-review", "--today", "2026-12-08");
    expect(coming.stdout.split("\n")[0]).toBe("管理评审输入（2026-01-01 至 2026-12-08）");
    expect(coming.stderr).not.toContain("MR-2026");
  });

  it("refuses an unknown review, a review with --from, and names the review's commands when another list is given its number", () => {
    const dir = acme();
    const lines = (...args: string[]) => {
      const r = bin(dir, "list", ...args);
      return [r.code, r.stdout, r.stderr];
    };
    expect(lines("management-review", "MR-2027")).toEqual([2, "", "csr: 管理评审记录（management-reviews.yaml）中没有 'MR-2027'；现有：MR-2025、MR-2026。是否应为 'MR-2025'？\n提示：csr list management-review 后只能跟管理评审编号（如 MR-2026）；任意期间的输入用 --from <日期> --to <日期>。\n"]);
    expect(lines("management-review", "MR-2026", "--from", "2026-01-01")).toEqual([2, "", "csr: 管理评审 MR-2026 已给出期间：不能再给 --from 或 --to。\n"]);
    expect(lines("audits", "MR-2026")).toEqual([
      2,
      "",
      "csr: 'csr list audits' 不接受编号 'MR-2026'：只有 csr list distribution 后可跟文件编号（列出其发放/回收记录），csr list management-review 后可跟管理评审编号（列出该次评审期间的输入）。\n提示：该次管理评审的记录：'csr show MR-2026'，打印：'csr render MR-2026 --format pdf'；其评审期间的输入：'csr list management-review MR-2026'。\n",
    ]);
  });
});
