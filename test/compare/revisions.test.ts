import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { extractText } from "../../src/compare/extract.js";
import { compareRevisions, type RevisionComparison } from "../../src/compare/revisions.js";
import { parseHeading, splitSections } from "../../src/compare/sections.js";
import { tempDir } from "../helpers.js";
import { asDocx, asPdfs, asText, REVISION_A, REVISION_B } from "./manuals.js";

/** The CSRs a document controller registered from revision A, each citing its section. */
const CSRS = [
  { id: "DYA-001", section: "2.1 体系认证" },
  { id: "DYA-002", section: "2.2 内部审核" },
  { id: "DYA-003", section: "3.1" },
  { id: "DYA-004", section: "3.2 控制计划" },
  { id: "DYA-005", section: "4 包装与标识" },
  { id: "DYA-006", section: "5 变更通知" },
  { id: "DYA-007", section: "3 特殊特性" },
  { id: "DYA-008", section: "6 售后服务" },
];

const EXPECTED: RevisionComparison = {
  proposals: [
    { csr: "DYA-001", cited: "2.1 体系认证", verdict: "unchanged", old: { number: "2.1", title: "体系认证" }, new: { number: "2.1", title: "体系认证" } },
    {
      csr: "DYA-002",
      cited: "2.2 内部审核",
      verdict: "changed",
      old: { number: "2.2", title: "内部审核" },
      new: { number: "2.2", title: "内部审核" },
      diff: [
        { op: "-", text: "供应商每年至少进行一次过程审核。" },
        { op: "+", text: "供应商每年至少进行一次过程审核和一次产品审核。" },
      ],
    },
    { csr: "DYA-003", cited: "3.1", verdict: "unchanged", old: { number: "3.1", title: "特殊特性符号" }, new: { number: "3.1", title: "特殊特性符号" } },
    { csr: "DYA-004", cited: "3.2 控制计划", verdict: "unchanged", old: { number: "3.2", title: "控制计划" }, new: { number: "3.3", title: "控制计划" } },
    { csr: "DYA-005", cited: "4 包装与标识", verdict: "removed", old: { number: "4", title: "包装与标识" } },
    {
      csr: "DYA-006",
      cited: "5 变更通知",
      verdict: "changed",
      old: { number: "5", title: "变更通知" },
      new: { number: "4", title: "变更通知" },
      diff: [
        { op: "-", text: "任何过程变更应提前30天书面通知东岳汽车。" },
        { op: "+", text: "任何过程变更应提前60天书面通知东岳汽车。" },
      ],
    },
    {
      csr: "DYA-007",
      cited: "3 特殊特性",
      verdict: "changed",
      old: { number: "3", title: "特殊特性" },
      new: { number: "3", title: "特殊特性" },
      diff: [
        { op: " ", text: "3.1 特殊特性符号" },
        { op: " ", text: "关键特性使用实心星号标识。" },
        { op: " ", text: "重要特性使用空心星号标识。" },
        { op: "-", text: "3.2 控制计划" },
        { op: "+", text: "3.2 特殊特性的防错" },
        { op: "+", text: "关键特性应采用防错装置，并每班验证一次。" },
        { op: "+", text: "3.3 控制计划" },
        { op: " ", text: "控制计划应在PPAP提交前经东岳汽车批准。" },
      ],
    },
    { csr: "DYA-008", cited: "6 售后服务", verdict: "not-found" },
  ],
  added: [
    { number: "3.2", title: "特殊特性的防错" },
    { number: "5", title: "供应商绩效考核" },
  ],
};

describe("splitting a customer manual into sections", () => {
  it("takes numbered, chapter and Markdown headings, and leaves numbered sentences and page numbers in the text", () => {
    expect(parseHeading("4.2 特殊特性符号")).toEqual({ number: "4.2", title: "特殊特性符号" });
    expect(parseHeading("5、变更通知")).toEqual({ number: "5", title: "变更通知" });
    expect(parseHeading("第三章 质量目标")).toEqual({ number: "第三章", title: "质量目标" });
    expect(parseHeading("## 3.1 特殊特性符号")).toEqual({ number: "3.1", title: "特殊特性符号" });
    expect(parseHeading("## 附录")).toEqual({ number: null, title: "附录" });
    expect(parseHeading("1. 供应商应在收到通知后五个工作日内回复。")).toBeUndefined();
    expect(parseHeading("12")).toBeUndefined();
    expect(parseHeading("30天内书面通知")).toBeUndefined();
    expect(splitSections("手册\n\n1 范围\n适用于\n所有供应商。\n1. 第一条要求；\n2 定义\n")).toEqual([
      { number: null, title: "", text: "手册", line: 1 },
      { number: "1", title: "范围", text: "适用于\n所有供应商。\n1. 第一条要求；", line: 3 },
      { number: "2", title: "定义", text: "", line: 7 },
    ]);
  });
});

describe("appendix sections (tester64 N2)", () => {
  it("takes the forms real CSR documents number their appendices with", () => {
    expect(parseHeading("A.1 管理评审输入")).toEqual({ number: "A.1", title: "管理评审输入" });
    expect(parseHeading("### A.1.2 顾客记分卡")).toEqual({ number: "A.1.2", title: "顾客记分卡" });
    expect(parseHeading("B.2.3、试生产")).toEqual({ number: "B.2.3", title: "试生产" });
    expect(parseHeading("## 附录A")).toEqual({ number: "附录A", title: "" });
    expect(parseHeading("附录 A 管理评审")).toEqual({ number: "附录A", title: "管理评审" });
    expect(parseHeading("附录B（规范性附录）")).toEqual({ number: "附录B", title: "（规范性附录）" });
    expect(parseHeading("附件1：供应商自评表")).toEqual({ number: "附件1", title: "供应商自评表" });
    expect(parseHeading("Annex B Supplier scorecard")).toEqual({ number: "Annex B", title: "Supplier scorecard" });
    expect(parseHeading("Appendix  C")).toEqual({ number: "Appendix C", title: "" });
    // Text that only begins like one is not a heading.
    expect(parseHeading("附件1所列表格须每月提交。")).toBeUndefined();
    expect(parseHeading("A. 供应商应在收到通知后回复")).toBeUndefined();
    expect(parseHeading("Annual review")).toBeUndefined();
  });

  it("pairs appendix sections by number, and an appendix covers its sections", () => {
    const a = "1 范围\n适用于所有供应商。\n附录A\nA.1 管理评审输入\n顾客绩效指标须作为管理评审输入。\nA.2 记分卡\n每月发布。\n";
    const b = "1 范围\n适用于所有供应商。\n附录 A\nA.1 管理评审输入\n顾客绩效指标须作为管理评审输入。\nA.2 记分卡\n每周发布。\n";
    const citing = [
      { id: "GWM-007", section: "A.1" },
      { id: "GWM-008", section: "附录 A" },
      { id: "GWM-009", section: "A.2 记分卡" },
    ];
    expect(compareRevisions(splitSections(a), splitSections(b), citing)).toEqual({
      proposals: [
        { csr: "GWM-007", cited: "A.1", verdict: "unchanged", old: { number: "A.1", title: "管理评审输入" }, new: { number: "A.1", title: "管理评审输入" } },
        {
          csr: "GWM-008",
          cited: "附录 A",
          verdict: "changed",
          old: { number: "附录A", title: "" },
          new: { number: "附录A", title: "" },
          diff: [
            { op: " ", text: "A.1 管理评审输入" },
            { op: " ", text: "顾客绩效指标须作为管理评审输入。" },
            { op: " ", text: "A.2 记分卡" },
            { op: "-", text: "每月发布。" },
            { op: "+", text: "每周发布。" },
          ],
        },
        {
          csr: "GWM-009",
          cited: "A.2 记分卡",
          verdict: "changed",
          old: { number: "A.2", title: "记分卡" },
          new: { number: "A.2", title: "记分卡" },
          diff: [
            { op: "-", text: "每月发布。" },
            { op: "+", text: "每周发布。" },
          ],
        },
      ],
      added: [],
    });
  });
});

describe("comparing two revisions of a customer manual", () => {
  const dir = tempDir("csr-compare-");
  const files: Record<string, [string, string]> = {};
  beforeAll(async () => {
    const made: Record<string, [string | Buffer, string | Buffer]> = {
      txt: [asText(REVISION_A), asText(REVISION_B)],
      pdf: (await asPdfs(REVISION_A, REVISION_B)) as [Buffer, Buffer],
      docx: await Promise.all([asDocx(REVISION_A), asDocx(REVISION_B)]),
    };
    for (const [ext, [a, b]] of Object.entries(made)) {
      files[ext] = [join(dir, `东岳手册A.${ext}`), join(dir, `东岳手册B.${ext}`)];
      writeFileSync(files[ext]![0], a);
      writeFileSync(files[ext]![1], b);
    }
  }, 60_000);

  for (const ext of ["txt", "pdf", "docx"]) {
    it(`proposes unchanged, changed with a diff, removed and not found for each CSR, and lists new sections (${ext})`, async () => {
      const [a, b] = files[ext]!;
      const older = splitSections(await extractText(a));
      const newer = splitSections(await extractText(b));
      expect(compareRevisions(older, newer, CSRS)).toEqual(EXPECTED);
    });
  }

  it("refuses a file it cannot compare, naming what it can", async () => {
    const path = join(dir, "手册.xls");
    writeFileSync(path, "");
    await expect(extractText(path, "手册.xls")).rejects.toThrow("手册.xls: csr compares PDF, DOCX, Markdown and text files, not .xls.");
    const broken = join(dir, "坏.pdf");
    writeFileSync(broken, "not a pdf");
    await expect(extractText(broken, "坏.pdf")).rejects.toThrow(/^坏\.pdf could not be read as a PDF: /);
  });
});
