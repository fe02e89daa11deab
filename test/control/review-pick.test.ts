/**
 * csr review and csr source update without their argument, at a terminal, offer a list to pick from
 * (impl51 #3); csr review's countersign list marks the departments that have signed this round, and
 * a department signs once unless --amend (#4).
 */
import { input, search, select } from "@inquirer/prompts";
import { screen, wrapPrompt } from "@inquirer/testing/vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Prompts } from "../../src/commands/add/prompting.js";
import { reviewCsr } from "../../src/commands/review/index.js";
import { updateSource } from "../../src/commands/source/update.js";
import { setLanguage } from "../../src/i18n/index.js";
import { capture } from "../csr/fixture.js";
import { committedFixture, copyFixture, csrInProcess } from "../helpers.js";

const prompts = { input: wrapPrompt(input), select: wrapPrompt(select), search: wrapPrompt(search) } as unknown as Prompts;
const erase = () => {
  for (let i = 0; i < 10; i++) screen.keypress("backspace");
};
// acme-auto awaits two reviews: BCM-005 (received 2026-11-20, due 2026-12-04) and DYA-007 (2026-11-24, due 2026-12-08).

describe("csr review and csr source update without their argument", () => {
  it("csr review offers the CSRs awaiting review, due soonest first, and marks the departments signed this round", async () => {
    setLanguage("zh-CN");
    try {
      const dir = committedFixture("examples/acme-auto");
      const ctx = capture(dir);
      // The old code: "csr: 缺少必需的参数 'id'；参见 'csr review --help'。"
      const done = reviewCsr(ctx, undefined, {}, prompts);
      await screen.next();
      const lines = screen.getScreen().split("\n");
      expect(lines[0]).toBe("? 待评审的 CSR（截止日期近的在前）");
      expect(lines[1]).toMatch(/^❯ BCM-005  特殊过程每年按北辰评估表自评并提交结果  /);
      expect(lines[1]).toMatch(/(评审截止 2026-12-04，剩 \d+ 个工作日|已逾期 \d+ 个工作日（截止 2026-12-04）)$/);
      expect(lines[2]).toMatch(/^ {2}DYA-007  2027年度供应商质量和交付绩效目标  (评审截止 2026-12-08，剩 \d+ 个工作日|已逾期 \d+ 个工作日（截止 2026-12-08）)$/);
      expect(lines[3]).toBe("");
      screen.keypress("down");
      screen.keypress("enter");
      await screen.next();
      expect(screen.getScreen()).toContain("? DYA-007 2027年度供应商质量和交付绩效目标\n❯ 登记部门会签意见\n");
      screen.keypress("enter");
      await screen.next();
      // MKT and QA countersigned this round: marked, and not to be chosen without --amend.
      expect(screen.getScreen()).toBe(
        "? 部门\n" +
          "❯ ENG  技术部  （尚未会签）\n" +
          "  PRD  生产部  （尚未会签）\n" +
          "  GMO  总经办\n" +
          "  PUR  采购物流部\n" +
          "  HR  行政人事部\n" +
          "- MKT  市场部  （已会签 2026-11-25 孙伟：同意） （改签请加 --amend）\n" +
          "- QA  品质部  （已会签 2026-11-26 张丽：有条件同意） （改签请加 --amend）\n" +
          "\n↑↓ navigate • ⏎ select",
      );
      screen.keypress("enter");
      await screen.next();
      expect(screen.getScreen()).toContain("会签日期");
      erase();
      screen.type("2026-11-27");
      screen.keypress("enter");
      await screen.next();
      expect(screen.getScreen()).toContain("❯ zhoupeng  周鹏（技术部）");
      screen.keypress("enter");
      await screen.next();
      screen.keypress("enter");
      await screen.next();
      screen.keypress("enter");
      expect(await done).toBe(0);
      expect(readFileSync(join(dir, "csr/DYA/DYA-007.yaml"), "utf8")).toContain("    - department: ENG\n      reviewer: zhoupeng\n      opinion: accept\n      date: 2026-11-27\n");
    } finally {
      setLanguage("en");
    }
  });

  it("csr review --amend lets a department that signed be chosen, marked; without it, --department of one refuses before asking anything", async () => {
    const dir = committedFixture("examples/acme-auto");
    const ctx = capture(dir);
    // The old code asked the date, the reviewer, the opinion and the comment, then refused.
    await expect(reviewCsr(ctx, "DYA-007", { department: "QA" }, prompts)).rejects.toThrow("Quality Assurance has already given its opinion on DYA-007: accept-with-action, by Zhang Li (zhangli) on 2026-11-26.");
    const done = reviewCsr(ctx, "DYA-007", { amend: true, opinion: "accept" }, prompts);
    await screen.next();
    expect(screen.getScreen()).toBe(
      "? Department\n" +
        "❯ ENG  Engineering  (opinion missing)\n" +
        "  PRD  Production  (opinion missing)\n" +
        "  GMO  General Manager's Office\n" +
        "  PUR  Purchasing & Logistics\n" +
        "  HR  Administration & HR\n" +
        "  MKT  Marketing & Sales  (countersigned 2026-11-25 Sun Wei: accept)\n" +
        "  QA  Quality Assurance  (countersigned 2026-11-26 Zhang Li: accept-with-action)\n" +
        "\n↑↓ navigate • ⏎ select",
    );
    for (let i = 0; i < 6; i++) screen.keypress("down");
    screen.keypress("enter");
    await screen.next();
    erase();
    screen.type("2026-11-27");
    screen.keypress("enter");
    await screen.next();
    screen.keypress("enter");
    await screen.next();
    screen.keypress("enter");
    expect(await done).toBe(0);
    expect(ctx.out).toBe(
      "DYA-007: opinion of Quality Assurance recorded: accept, by Zhang Li (zhangli) on 2026-11-27.\n" +
        "The earlier opinion of Quality Assurance (accept-with-action, 2026-11-26) is kept in the review history.\n" +
        "Still missing: Engineering, Production.\nWrote csr/DYA/DYA-007.yaml; not committed (git commit it, or run with --commit).\n",
    );
  });

  it("csr source update offers the customers' source documents", async () => {
    const dir = copyFixture("examples/acme-auto");
    const ctx = capture(dir);
    const done = updateSource(ctx, undefined, { date: "2026-11-03" }, prompts);
    // The old code: "csr: missing required argument 'source-id'; see 'csr source update --help'."
    await Promise.resolve();
    expect(screen.getScreen()).toBe(
      "? Source document of the new revision\n" +
        "❯ BCM-SQR  Beichen Supplier Quality Requirements  BCM, revision V2.0 received 2025-09-08\n" +
        "  BCM-PKG  Beichen Packaging and Labelling Requirements  BCM, revision A received 2026-10-12\n" +
        "  BCM-SPA  Beichen Special Process Assessment Requirements  BCM, revision 1.0 received 2026-11-20\n" +
        "  DYA-SQM  Dongyue Supplier Quality Manual  DYA, revision D received 2026-03-16\n" +
        "  DYA-SC   Dongyue Special Characteristics Specification  DYA, revision B received 2025-02-10\n" +
        "  DYA-KPI  Dongyue Supplier Performance Evaluation Rules  DYA, revision 2027版 received 2026-11-24\n" +
        "\n↑↓ navigate • ⏎ select",
    );
    for (let i = 0; i < 3; i++) screen.keypress("down");
    screen.keypress("enter");
    await screen.next();
    // Then the questions of csr source update DYA-SQM.
    expect(screen.getScreen()).toBe("? New revision of DYA-SQM (e.g. E or 2026-03)");
    screen.type("E");
    screen.keypress("enter");
    await screen.next();
    screen.type("2026-10-30");
    screen.keypress("enter");
    await screen.next();
    erase();
    screen.type("2026-11-02");
    screen.keypress("enter");
    await screen.next();
    screen.keypress("enter");
    for (let n = 0; n < 4; n++) {
      await screen.next();
      expect(screen.getScreen()).toContain("in the new revision it is");
      screen.keypress("enter");
      await screen.next();
      screen.keypress("enter");
    }
    expect(await done).toBe(0);
    expect(readFileSync(join(dir, "customers/DYA.yaml"), "utf8")).toContain("      - revision: E\n        issued: 2026-10-30\n        received: 2026-11-02\n");
  });

  it("csr source update's picker in Chinese names a revision that ends in 版 without a second 版 (tester54a A16)", async () => {
    setLanguage("zh-CN");
    try {
      const dir = copyFixture("examples/acme-auto");
      const ctx = capture(dir);
      const done = updateSource(ctx, undefined, { customer: "DYA", revision: "2028版", received: "2026-11-30", effective: "2027-01-01" }, prompts);
      await Promise.resolve();
      // The old code: "DYA，现行 2027版 版（2026-11-24 接收）".
      expect(screen.getScreen()).toContain("  东岳汽车供应商质量手册  DYA，现行 D 版（2026-03-16 接收）\n");
      expect(screen.getScreen()).toContain("  东岳汽车供应商绩效考核办法  DYA，现行 2027版（2026-11-24 接收）\n");
      screen.keypress("down");
      screen.keypress("down");
      screen.keypress("enter");
      await screen.next();
      expect(screen.getScreen()).toContain("DYA-007 ");
      screen.keypress("enter");
      await screen.next();
      expect(screen.getScreen()).toBe("? DYA-007 在 2028版中的新要求内容（可留空，之后用 csr set DYA-007 --text 写入）");
      screen.keypress("enter");
      expect(await done).toBe(0);
      expect(ctx.out).toContain("\n请在评审前用 'csr set <编号> --text …' 写入 2028版的新要求内容（如 csr set DYA-007 --text …）；原内容留在上一轮评审记录中。\n2028版新增的要求，请用 'csr add --customer DYA --source DYA-KPI' 登记。\n");
    } finally {
      setLanguage("en");
    }
  });

  it("without a terminal, each refuses as before: the argument is required", async () => {
    const dir = copyFixture("examples/acme-auto");
    expect(await csrInProcess(["-C", dir, "review"])).toEqual({ code: 2, stdout: "", stderr: "csr: missing required argument 'id'; see 'csr review --help'.\n" });
    expect(await csrInProcess(["-C", dir, "source", "update", "--revision", "E"], { lang: "zh-CN" })).toEqual({ code: 2, stdout: "", stderr: "csr: 缺少必需的参数 'source-id'；参见 'csr source update --help'。\n" });
  });
});
