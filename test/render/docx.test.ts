/** `csr render --format docx`: Word files read back part by part, and printed by LibreOffice. */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from "docx";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { copyFixture, csr, csrInProcess, tempDir, tool, type RunResult } from "../helpers.js";

function parts(path: string): Record<string, string> {
  const entries = unzipSync(readFileSync(path));
  return Object.fromEntries(Object.entries(entries).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

/** The column widths (w:tblGrid, twips) of each table of a WordprocessingML part, and whether its layout is fixed. */
function tables(xml: string): { widths: number[]; fixed: boolean }[] {
  return [...xml.matchAll(/<w:tblPr>(.*?)<\/w:tblPr><w:tblGrid>(.*?)<\/w:tblGrid>/gs)].map((t) => ({
    widths: [...t[2]!.matchAll(/w:w="(\d+)"/g)].map((w) => Number(w[1])),
    fixed: t[1]!.includes('<w:tblLayout w:type="fixed"/>'),
  }));
}

/** The text of a WordprocessingML part, paragraph by paragraph. */
function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >].*?<\/w:p>/gs)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join("")).filter(Boolean);
}

describe("csr render --format docx", () => {
  // One render of the example's CSR procedure, read back part by part and printed by LibreOffice.
  const out = tempDir();
  let result: RunResult;
  beforeAll(() => {
    result = csr(["-C", "examples/acme-auto", "render", "QP-015", "--copy", "7", "--format", "docx", "--out", out], { lang: null });
  });

  it("writes the header block, the revision record, numbered sections, references and the stamp", () => {
    expect(result.stderr).toBe("已输出 1 个文件（docx，zh-CN）。\n");
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${join(out, "QP-015.copy-7.zh-CN.docx")}\n`);
    const docx = parts(join(out, "QP-015.copy-7.zh-CN.docx"));
    const text = paragraphs(docx["word/document.xml"]!);
    expect(text.slice(0, 21)).toEqual([
      "受控  受控号：7  持有：市场部 孙伟",
      "江苏安迈汽车零部件有限公司",
      "顾客特定要求管理程序",
      "文件编号", "QP-015", "版本/版次", "A/2", "制订部门", "市场部",
      "制订日期", "2024-03-01", "生效日期", "2026-05-11",
      "编制", "李娜2026-04-30", "审核", "张丽2026-05-08", "批准", "徐海涛2026-05-11",
      "本文件为江苏安迈汽车零部件有限公司受控文件，版权归本公司所有。未经品质部文控书面许可，不得外借、复印、拍照或向第三方提供。",
      "修订记录",
    ]);
    // The columns of the HTML and PDF outputs (the default layout of docs/format.md, with 审核人, 批准人 and 总页数 as the revisions record them).
    expect(text.slice(21, 37)).toEqual([
      "日期", "修订内容摘要", "页次", "版本/版次", "修订人", "审核人", "批准人", "总页数",
      "2024-03-01", "体系换版，首次发布", "全部", "A/0", "李娜", "孙伟", "徐海涛", "8",
    ]);
    expect(text.filter((t) => /^\d+(\.\d+)* /.test(t))).toEqual([
      "1 目的", "2 适用范围", "3 职责", "4 定义", "5 作业流程",
      "5.1 接收与登记", "5.2 识别", "5.3 评审", "5.4 书面评审报告", "5.5 建立CSR档案", "5.6 落实到体系文件", "5.7 分发",
      "5.8 内部沟通", "5.9 培训", "5.10 实施与跟踪", "5.11 记录", "5.12 来源文件换版后的重新评审", "5.13 定期评价",
      "6 相关文件", "7 相关记录",
    ]);
    expect(text).toContain("QR-015-01");
    // Section headings are Word headings, list items Word numbering: what Word's navigation and the importer see.
    expect(docx["word/document.xml"]).toContain('<w:pStyle w:val="Heading2"/>');
    expect(docx["word/document.xml"]).toMatch(/<w:numPr><w:ilvl w:val="0"\/><w:numId w:val="\d+"\/><\/w:numPr>/);
    // A4 portrait, and 第 x 页 共 y 页 from Word's own page fields.
    expect(docx["word/document.xml"]).toContain('<w:pgSz w:w="11906" w:h="16838"');
    const footer = docx["word/footer1.xml"]!;
    expect(footer.match(/<w:instrText[^>]*>([^<]*)<\/w:instrText>/g)?.map((f) => f.replace(/<[^>]+>/g, ""))).toEqual(["PAGE", "NUMPAGES"]);
    // Every page says what the print is above its number (tester75 P7): the stamp, the 受控号 and its holder.
    expect(paragraphs(footer)).toEqual(["受控 受控号 7 持有：市场部 孙伟", "第  页 共  页"]);
    // The running header: a borderless table of three cells over a rule (auditor's report #11), each as wide as its text, filling the text width.
    const header = docx["word/header1.xml"]!;
    expect(paragraphs(header)).toEqual(["江苏安迈汽车零部件有限公司", "顾客特定要求管理程序", "文件编号：QP-015 · 版本/版次：A/2"]);
    expect(tables(header)).toEqual([{ widths: [3120, 3682, 3120], fixed: true }]);
    expect(header).toContain('<w:bottom w:val="single" w:color="000000" w:sz="6"/>');
    // Chinese in SimSun, Latin text and digits in Times New Roman as the PDF prints them (Liberation Serif).
    expect(docx["word/styles.xml"]).toContain('<w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="SimSun" w:hAnsi="Times New Roman"/>');
    // Latin text (clause numbers, part numbers) is en-US beside zh-CN Chinese, as Word on Chinese Windows declares it.
    expect(docx["word/styles.xml"]).toContain('<w:lang w:val="en-US" w:eastAsia="zh-CN"/>');
    // The revision record (the second table) in fixed columns that add up to the text width, the date column wide enough for 2024-03-01 (report #10).
    const revisions = tables(docx["word/document.xml"]!)[1]!;
    expect(revisions).toEqual({ widths: [1400, 2237, 931, 1210, 1071, 1071, 1071, 931], fixed: true });
    expect(revisions.widths.reduce((a, b) => a + b)).toBe(9922);
    // The stamp stands clear of the running header's rule: room above it.
    expect(docx["word/document.xml"]).toMatch(/<w:p><w:pPr><w:spacing w:after="60" w:before="120"\/><w:jc w:val="right"\/><\/w:pPr><w:r><w:rPr><w:b\/>.*?<w:t xml:space="preserve">受控<\/w:t>/);
  });

  it("prints the 密级 marking, the level label and the layout's revision columns as the HTML does (qms.yaml document_layouts)", async () => {
    const dir = tempDir();
    const run = await csrInProcess(["-C", "test/fixtures/render/layouts", "render", "CS/QP-006", "CS/WI-101", "--format", "docx", "--out", dir], { lang: null });
    expect(run.code).toBe(0);
    const procedure = parts(join(dir, "CS_QP-006.zh-CN.docx"));
    expect(paragraphs(procedure["word/document.xml"]!).slice(0, 6)).toEqual(["非受控", "非受控 仅供参考：本打印件不是受控副本，未登记在文件发放/回收记录中；受控副本是加盖“受控”章、注明受控号并登记发放的编号副本（csr render CS/QP-006 --copy N）。", "密级：秘密", "二阶文件", "测试电子技术有限公司", "设计和开发控制程序"]);
    expect(paragraphs(procedure["word/header1.xml"]!)).toEqual(["测试电子技术有限公司 · 密级：秘密", "设计和开发控制程序", "文件编号：CS/QP-006 · 版本/版次：A/0"]);
    const instruction = paragraphs(parts(join(dir, "CS_WI-101.zh-CN.docx"))["word/document.xml"]!);
    expect(instruction.slice(instruction.indexOf("修订记录") + 1, instruction.indexOf("修订记录") + 8)).toEqual(["文件编号", "修改版本", "修改页数", "修改内容描述", "修改人", "批准人", "生效日期"]);
  });

  it("labels in English with --lang en, and stamps an obsolete document 作废 / OBSOLETE with its notice", async () => {
    const repo = copyFixture("examples/acme-auto");
    const dir = tempDir();
    const file = join(repo, "documents/instructions/HH-WI-06.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("status: released\n", "status: obsolete\nobsolete: {date: 2026-01-05, reason: 并入程序文件}\n"));
    expect((await csrInProcess(["-C", repo, "render", "HH-WI-06", "--format", "docx", "--out", dir], { lang: null })).code).toBe(0);
    const zh = paragraphs(parts(join(dir, "HH-WI-06.zh-CN.docx"))["word/document.xml"]!);
    expect(zh[0]).toBe("作废");
    expect(zh.find((t) => t.startsWith("本文件已作废"))).toBe("本文件已作废 · 作废日期：2026-01-05 · 作废原因：并入程序文件");
    expect((await csrInProcess(["-C", repo, "render", "HH-WI-06", "--format", "docx", "--lang", "en", "--out", dir])).code).toBe(0);
    const en = parts(join(dir, "HH-WI-06.en.docx"));
    expect(paragraphs(en["word/document.xml"]!)[0]).toBe("OBSOLETE");
    expect(paragraphs(en["word/footer1.xml"]!)).toEqual(["OBSOLETE", "Page  of "]);
    // English text is en-US in Times New Roman, so that Word and LibreOffice break lines between words; Chinese data stays zh-CN in SimSun (report #11).
    expect(en["word/styles.xml"]).toContain('<w:lang w:val="en-US" w:eastAsia="zh-CN"/>');
    expect(en["word/styles.xml"]).toContain('<w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="SimSun" w:hAnsi="Times New Roman"/>');
    // No revision column narrower than the longest word of its heading (Reviewed, Approved) in the record's 9 pt (tester63 N15): the date as wide as in Chinese, the summary gives way.
    const headings = paragraphs(en["word/document.xml"]!);
    expect(headings.slice(headings.indexOf("Revision record") + 1, headings.indexOf("Revision record") + 9)).toEqual(["Date", "Summary of change", "Pages", "Version", "Revised by", "Reviewed by", "Approved by", "Total pages"]);
    expect(tables(en["word/document.xml"]!)[1]).toEqual({ widths: [1400, 2237, 931, 1210, 1071, 1071, 1071, 931], fixed: true });
  });

  it("lays out a long English running header in three cells, the number and version on one line (auditor's report #11)", async () => {
    const dir = tempDir();
    expect((await csrInProcess(["-C", "examples/gjb-demo", "render", "CS/QP-001", "--format", "docx", "--lang", "en", "--out", dir])).code).toBe(0);
    const header = parts(join(dir, "CS_QP-001.en.docx"))["word/header1.xml"]!;
    // Organisation and title wrap in their cells (two lines each), the short number cell keeps its one line;
    // the 密级 of the GJB layout (levels 1 and 2) is a line of its own under the organisation, the one break.
    expect(paragraphs(header)).toEqual(["Hunan Chensheng Electronic Technology Co., Ltd.Classification: Internal (内部)", "Context of the Organisation and Interested Parties Procedure", "Document No.: CS/QP-001 · Version: B/0"]);
    expect(header.match(/<w:br\/><w:t xml:space="preserve">Classification: Internal \(内部\)<\/w:t>/g)).toHaveLength(1);
    expect(header.match(/<w:br\/>/g)).toHaveLength(1);
    expect(tables(header)).toEqual([{ widths: [2947, 3368, 3607], fixed: true }]);
    expect(header).not.toContain("<w:tab/>");
  });

  it("renders a CSR review report: header table, requirement, opinions, decision and actions, with the running header and page footer", async () => {
    const dir = tempDir();
    const report = await csrInProcess(["-C", "examples/acme-auto", "render", "DYA-001", "--format", "docx", "--out", dir], { lang: null });
    expect(report.stdout).toBe(`${join(dir, "DYA-001.review.zh-CN.docx")}\n`);
    expect(report.code).toBe(0);
    const docx = parts(join(dir, "DYA-001.review.zh-CN.docx"));
    const text = paragraphs(docx["word/document.xml"]!);
    // A filled-in report is a record (记录) of the released form titled 顾客特定要求评审报告: no 受控 stamp, its form's number and
    // the version printed, A/1 (2026-05-11); decided 2025-02-17 under A/0, it says it is printed again on A/1 (tester52 D5).
    expect(text.slice(0, 16)).toEqual([
      "江苏安迈汽车零部件有限公司",
      "顾客特定要求评审报告",
      "表单编号：QR-015-02 版本：A/1",
      "依 2025-02-17 评审记录按 QR-015-02 A/1 重新输出（评审时为 A/0 版表单）",
      "要求编号", "DYA-001", "顾客", "DYA 东岳汽车股份有限公司",
      "来源文件", "DYA-SC 东岳汽车产品特殊特性管理规范", "来源文件版本", "B",
      "章节", "4.2 特殊特性符号", "对应条款", "IATF 16949 8.3.3.3 特殊特性、IATF 16949 8.2.3.1.2 顾客指定的特殊特性",
    ]);
    const headings = text.filter((t) => /^\d (?!个工作日)/.test(t));
    expect(text.slice(text.indexOf("评审期限"), text.indexOf("评审期限") + 10)).toEqual(["评审期限", "2025-02-24", "决定日期", "2025-02-17", "评审用时", "5 个工作日", "及时性", "按期", "状态", "已验证"]);
    expect(headings).toEqual(["1 要求内容：特殊特性须使用东岳符号或经认可的等效符号标注", "2 各部门评审意见（会签）", "3 评审结论", "4 措施与落实"]);
    const opinions = text.slice(text.indexOf("2 各部门评审意见（会签）") + 1, text.indexOf("3 评审结论"));
    expect(opinions.slice(0, 6)).toEqual(["须会签部门：市场部、品质部、技术部、生产部", "部门", "评审人", "意见", "日期", "说明"]);
    // One line per addressing document (line breaks in one cell).
    expect(text).toContain("QP-014 特殊特性管理程序（A/1） 章节 5.2 符号转换WI-010-01 制动软管总成扣压作业指导书（A/1） 章节 3 质量要求QR-014-01 特殊特性清单（A/1）");
    expect(text.slice(text.indexOf("3 评审结论") + 1, text.indexOf("4 措施与落实"))).toEqual(["结论", "必须满足", "决定人", "徐海涛", "日期", "2025-02-17"]);
    // The report's title in the running header, as in the HTML and PDF (report #15).
    expect(paragraphs(docx["word/header1.xml"]!)).toEqual(["江苏安迈汽车零部件有限公司", "顾客特定要求评审报告", "要求编号：DYA-001"]);
    expect(paragraphs(docx["word/footer1.xml"]!)).toEqual(["第  页 共  页"]);
    expect(docx["word/document.xml"]).toContain('<w:pgSz w:w="11906" w:h="16838"');
  });

  it("puts into the review report the revisions confirmed unchanged, the implementation records replaced by --amend and the earlier review rounds", async () => {
    const dir = copyFixture("examples/acme-auto");
    const run = async (...args: string[]) => expect((await csrInProcess(["-C", dir, ...args, "-y"], { lang: null })).code).toBe(0);
    await run("implement", "DYA-001", "--implemented", "2025-05-01", "--amend");
    await run("source", "update", "DYA-SC", "--revision", "C", "--received", "2026-11-20", "--unchanged", "DYA-001", "--by", "zhangli", "--date", "2026-11-23");
    await run("review", "DYA-001", "--disposition", "must", "--by", "xuht", "--justification", "补充理由", "--amend", "--date", "2025-02-18");
    const out = tempDir();
    await run("render", "DYA-001", "--format", "docx", "--out", out);
    const xml = parts(join(out, "DYA-001.review.zh-CN.docx"))["word/document.xml"]!;
    const text = paragraphs(xml);
    // The signature block never splits across pages (auditor's report #6): its names row keeps with its dates row.
    const block = [...xml.matchAll(/<w:tbl>.*?<\/w:tbl>/gs)].at(-1)![0];
    const rows = [...block.matchAll(/<w:tr>.*?<\/w:tr>/gs)].map((r) => [...r[0].matchAll(/<w:p[ >].*?<\/w:p>/gs)].map((p) => p[0].includes("<w:keepNext/>")));
    expect(rows).toEqual([Array(6).fill(true), Array(6).fill(false)]);
    expect(text.slice(text.indexOf("3 评审结论") + 1, text.indexOf("4 措施与落实"))).toEqual([
      "结论", "必须满足", "决定人", "徐海涛", "日期", "2025-02-18", "理由", "补充理由",
      "换版确认未变", "来源文件版本", "确认人", "确认日期", "说明", "C", "张丽", "2026-11-23",
    ]);
    expect(text.slice(text.indexOf("实施记录修改（原记录）"))).toEqual([
      "实施记录修改（原记录）", "修改日期", "原因", "原导入生产日期", "原验证人", "原验证日期", "2025-05-01", "修改", "2025-04-25", "张丽", "2025-06-16",
      "5 历次评审", "轮次", "来源文件版本", "评审时限", "意见", "评审结论", "关闭", "1", "必须满足 徐海涛 2025-02-17", "2025-02-18 决定经修改，此为修改前的记录",
      "记录", "评审组长", "批准", "徐海涛", "日期", "日期", "日期", "2025-02-18",
    ]);
    // The header table says when the review started, was due and was closed, as the HTML report does;
    // a review report is a record, not a controlled copy: no confidentiality notice (本文件为…受控文件) follows it.
    expect(text.slice(text.indexOf("接收日期"), text.findIndex((p) => p.startsWith("1 要求内容")))).toEqual([
      "接收日期", "2025-02-10", "新版本接收日期", "2026-11-20",
      "评审期限", "2026-12-04", "决定日期", "2026-11-23 张丽（确认未变）",
      "评审用时", "1 个工作日", "及时性", "按期",
      "状态", "已实施",
    ]);
    // The Markdown report has the same record.
    await run("render", "DYA-001", "--format", "md", "--out", out);
    expect(readFileSync(join(out, "DYA-001.review.zh-CN.md"), "utf8")).toContain(
      "实施记录修改（原记录）\n\n| 修改日期 | 原因 | 原导入生产日期 | 原验证人 | 原验证日期 |\n| --- | --- | --- | --- | --- |\n| 2025-05-01 | 修改 | 2025-04-25 | 张丽 | 2025-06-16 |\n",
    );
  });

  it("takes the styles of the repository's templates/docx/reference.docx", async () => {
    const repo = copyFixture("examples/acme-auto");
    const reference = new Document({
      styles: { default: { heading1: { run: { font: "KaiTi", color: "1F3864", size: 28 } } } },
      sections: [{ children: [new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun("样式")] })] }],
    });
    mkdirSync(join(repo, "templates", "docx"), { recursive: true });
    writeFileSync(join(repo, "templates", "docx", "reference.docx"), await Packer.toBuffer(reference));
    const dir = tempDir();
    expect((await csrInProcess(["-C", repo, "render", "QP-015", "--format", "docx", "--out", dir], { lang: null })).code).toBe(0);
    const styles = parts(join(dir, "QP-015.zh-CN.docx"))["word/styles.xml"]!;
    expect(styles).toMatch(/w:styleId="Heading1".*?w:ascii="KaiTi".*?<w:color w:val="1F3864"\/>/s);

    writeFileSync(join(repo, "templates", "docx", "reference.docx"), "not a zip");
    const broken = await csrInProcess(["-C", repo, "render", "QP-015", "--format", "docx", "--out", dir], { lang: null });
    expect(broken.stderr).toBe("csr: templates/docx/reference.docx 不是 Word .docx 文件（不是 zip 包）；请在 Word 中另存为 .docx（不是 .doc）。\n");
    expect(broken.code).toBe(2);
  });

  const libreoffice = tool("libreoffice") && tool("pdftotext");
  it.runIf(libreoffice)("prints with LibreOffice: page x of y on every page, the header block and the Chinese text", () => {
    expect(result.code).toBe(0);
    // A profile of its own, so that a LibreOffice the user has open (or another test) does not take the job.
    const profile = `file://${tempDir("csr-lo-")}`;
    const convert = spawnSync("libreoffice", [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "pdf", "--outdir", out, join(out, "QP-015.copy-7.zh-CN.docx")], { encoding: "utf8", timeout: 120_000 });
    expect(convert.status).toBe(0);
    const text = spawnSync("pdftotext", ["-layout", join(out, "QP-015.copy-7.zh-CN.pdf"), "-"], { encoding: "utf8" }).stdout;
    const pages = text.split("\f").filter((p) => p.trim());
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, i) => {
      expect(page.replace(/\s/g, "")).toContain(`第${i + 1}页共${pages.length}页`);
      expect(page).toContain("文件编号：QP-015 · 版本/版次：A/2");
    });
    expect(pages[0]!.replace(/ +/g, " ")).toMatch(/文件编号 QP-015 版本\/版次 A\/2 制订部门 市场部/);
    expect(text).toContain("5.12 来源文件换版后的重新评审");
  }, 180_000);
});
