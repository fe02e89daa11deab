/**
 * Finding the CSRs of a subject without knowing their clauses (tester63 N11; IATF 16949 4.3.2 and
 * 10.2.6: whoever answers a customer complaint needs every applicable CSR of that customer at once):
 * `csr list csr --category` keeps the CSRs of one category (类别), `--grep` those whose id, section,
 * title, text or category contains a text, in Chinese or English, any letter case, full-width or not.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { copyFixture, csr, csrInProcess, ROOT } from "../helpers.js";

const ACME = join(ROOT, "examples", "acme-auto");
const DAY = "2026-12-05";
const REVIEW_NOTE =
  "评审中逾期 0 项；逾期作出结论 0 项。评审期限为当前评审轮次的期限，作出结论后仍列出；剩余工作日按 qms.yaml 的工作日历计算，只对评审中的要求列出，负数为逾期的工作日数。换版前的评审轮次见顾客特定要求评审及时性记录（csr list reviews）。";
const LATE_NOTE =
  "晚于顾客要求日期实施 1 项：DYA-002（2026-04-20 导入生产，晚于 2026-04-01 12 个工作日）。顾客要求日期为来源文件版本的实施日期，或 CSR 自己登记的日期（csr check 规则 csr/late-for-customer）。";

const ids = async (args: string[], lang: "en" | null = null, dir = ACME) =>
  (JSON.parse((await csrInProcess(["-C", dir, "list", "csr", ...args, "--format", "json", "--today", DAY], { lang })).stdout) as { rows: { id: string }[] }).rows.map((r) => r.id);

describe("csr list csr --grep and --category", () => {
  it("--grep keeps the CSRs containing any of the words, and says so in the title and the note", () => {
    expect(csr(["-C", ACME, "list", "csr", "--grep", "投诉", "--grep", "complaint", "--today", DAY], { lang: null })).toEqual({
      code: 0,
      stdout: [
        "顾客特定要求清单（含文字：“投诉”或“complaint”；共 1 项）",
        "",
        "编号     顾客代码  章节              条款           要求名称                    评审期限    剩余工作日  负责人  状态",
        "-------  --------  ----------------  -------------  --------------------------  ----------  ----------  ------  ------",
        "DYA-002  DYA       7.3 质量问题响应  10.2.3/10.2.6  顾客投诉的围堵和8D报告时限  2026-03-30              张丽    已实施",
        "",
        "本表按条件筛选（含文字：“投诉”或“complaint”），不是完整的顾客特定要求清单。",
        REVIEW_NOTE,
        LATE_NOTE,
        "",
      ].join("\n"),
      stderr: "完整的顾客特定要求清单：csr list csr。\n",
    });
  });

  it("--grep looks in the id, the section, the English title, the text and the category, in any letter case and width", async () => {
    // DYA-002's English title only ("Containment and 8D report deadlines for customer complaints").
    expect(await ids(["--grep", "CUSTOMER COMPLAINTS"])).toEqual(["DYA-002"]);
    // Full-width digits and letters, as a Chinese input method types them; lower case.
    expect(await ids(["--grep", "８ｄ"])).toEqual(["DYA-002"]);
    // The section of the source document (7.3 质量问题响应).
    expect(await ids(["--grep", "质量问题响应"])).toEqual(["DYA-002"]);
    // The text: DYA-001 (special characteristics in the control plan) and DYA-004, one customer's in the order of its
    // documents as customers/DYA.yaml lists them (DYA-SQM 6.2, then DYA-SC 4.2: tester64 N3).
    expect(await ids(["--grep", "控制计划", "--customer", "DYA"])).toEqual(["DYA-004", "DYA-001"]);
    // An id, and the category's name.
    expect(await ids(["--grep", "bcm-00"])).toEqual(["BCM-001", "BCM-002", "BCM-003", "BCM-004", "BCM-005"]);
    expect(await ids(["--grep", "问题解决"])).toEqual(["DYA-002"]);
    expect(await ids(["--grep", "无此文字"])).toEqual([]);
  });

  it("--category keeps one category's CSRs, by its name or its English name", async () => {
    expect(await ids(["--category", "过程控制"])).toEqual(["BCM-005", "DYA-003", "DYA-004", "DYA-006"]);
    const dir = copyFixture("examples/acme-auto");
    const qms = join(dir, "qms.yaml");
    writeFileSync(qms, readFileSync(qms, "utf8").replace("  categories: [", "  categories_en: {问题解决: Problem solving, 过程控制: Process control}\n  categories: ["));
    expect(await ids(["--category", "problem SOLVING"], null, dir)).toEqual(["DYA-002"]);
    const en = await csrInProcess(["-C", dir, "list", "csr", "--category", "Process control", "--grep", "rework", "--today", DAY], { lang: "en" });
    expect(en.code).toBe(0);
    expect(en.stdout.split("\n").filter((line) => /^(Customer-specific|This register|DYA|BCM)/.test(line))).toEqual([
      'Customer-specific requirements list (category Process control; containing "rework"; 2 in total)',
      expect.stringMatching(/^DYA-003 /),
      expect.stringMatching(/^DYA-006 /),
      'This register is filtered (category Process control; containing "rework") and is not the whole customer-specific requirements list.',
    ]);
  });

  it("refuses an unknown category with the known ones, an empty --grep, and both options for another list, in one line with exit 2", () => {
    expect(csr(["-C", ACME, "list", "csr", "--category", "投诉", "--today", DAY], { lang: null })).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --category：没有类别 '投诉'；已有的类别：质量体系、特殊特性、问题解决、过程控制、试验与检测、追溯、包装与标识、绩效目标、产品开发。\n",
    });
    expect(csr(["-C", ACME, "list", "csr", "--category", "Problem solvng", "--today", DAY], { lang: "en" }).stderr).toBe(
      "csr: --category: there is no category 'Problem solvng'; the categories are: 质量体系, 特殊特性, 问题解决, 过程控制, 试验与检测, 追溯, 包装与标识, 绩效目标, 产品开发.\n",
    );
    expect(csr(["-C", ACME, "list", "csr", "--grep", " ", "--today", DAY], { lang: null })).toEqual({ code: 2, stdout: "", stderr: "csr: --grep 需要要查找的文字，不能为空。\n" });
    expect(csr(["-C", ACME, "list", "documents", "--grep", "8D"], { lang: null })).toEqual({ code: 2, stdout: "", stderr: "csr: --grep 只用于 csr list 和 csr list actions，不用于 'csr list documents'。\n" });
    expect(csr(["-C", ACME, "list", "obsolete", "--category", "追溯"], { lang: null })).toEqual({ code: 2, stdout: "", stderr: "csr: --category 只用于 csr list，不用于 'csr list obsolete'。\n" });
  });
});
