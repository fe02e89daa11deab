/**
 * `csr import` of Word documents: .docx files built here in the layouts of the seed documents (a
 * procedure with its header table and 修订记录, a work instruction with one-cell labels and its
 * 文件修改记录), read back field by field, and the render → import round trip.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { deflateRawSync } from "node:zlib";
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  ImageRun,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  type ISectionOptions,
} from "docx";
import { strToU8, zipSync } from "fflate";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { UserError } from "../../src/core/errors.js";
import { readZip } from "../../src/load/zip.js";
import { revisionBasisOf } from "../../src/import/docx/document.js";
import { committedFixture, copyFixture, csrInProcess, git, gitInit, minimalRepo, tempDir } from "../helpers.js";
import { releasedWithBasis } from "../release-basis.js";

type Child = Paragraph | Table;

function p(text: string, options: { bold?: boolean; center?: boolean } = {}): Paragraph {
  return new Paragraph({ alignment: options.center ? AlignmentType.CENTER : undefined, children: [new TextRun({ text, bold: options.bold })] });
}

/** A paragraph of runs: [text, bold] pairs; "\n" in a text is a line break (Shift+Enter). */
function runs(...parts: [string, boolean][]): TextRun[] {
  return parts.flatMap(([text, bold]) => text.split("\n").map((line, i) => new TextRun({ text: line, bold, break: i > 0 ? 1 : undefined })));
}

function item(list: "bullet" | "numbered", instance: number, ...parts: [string, boolean][]): Paragraph {
  return new Paragraph({ numbering: { reference: list, level: 0, instance }, children: runs(...parts) });
}

function table(rows: string[][]): Table {
  return new Table({ rows: rows.map((r) => new TableRow({ children: r.map((c) => new TableCell({ children: c.split("\n").map((line) => p(line)) })) })) });
}

/** A 1×1 PNG: a picture the importer cannot carry into YAML. */
const PIXEL = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==", "base64");

async function docxFile(children: Child[], extra: Partial<ISectionOptions> = {}): Promise<Buffer> {
  const levels = (format: (typeof LevelFormat)[keyof typeof LevelFormat], text: string) => [{ level: 0, format, text, alignment: AlignmentType.LEFT }];
  const document = new Document({
    numbering: {
      config: [
        { reference: "bullet", levels: levels(LevelFormat.BULLET, "•") },
        { reference: "numbered", levels: levels(LevelFormat.DECIMAL, "%1.") },
      ],
    },
    sections: [{ ...extra, children }],
  });
  return Packer.toBuffer(document);
}

/** QP-020 as a supplier keeps it: organisation, title, 受控, header table, notice, 修订记录, sections 1-7. */
function procedureQP020(): Promise<Buffer> {
  return docxFile([
    p("测试汽车零部件有限公司", { bold: true, center: true }),
    p("文件与资料管理程序", { bold: true, center: true }),
    p("受控", { bold: true }),
    table([
      ["文件编号", "QP-020", "版本/版次", "A/1", "制订部门", "品质部"],
      ["制订日期", "2024-05-06", "生效日期", "2024-05-10", "页次", "第1页 共8页"],
      ["编制", "李娜\n2024-04-28", "审核", "张伟\n2024-05-02", "批准", "王强\n2024-05-06"],
    ]),
    p("本文件为公司受控文件，未经品质部文控许可，不得外借或复印。"),
    p("修订记录", { bold: true }),
    table([
      ["日期", "修订内容摘要", "页次", "版本/版次", "总页数"],
      ["2023-03-01", "首次发布", "全部", "A/0", "7"],
      ["2024-05-06", "增加电子文件控制要求", "P3-P5", "A/1", "8"],
      ["", "", "", "", ""],
    ]),
    p("1 目的", { bold: true }),
    p("对质量管理体系文件进行控制，确保各场所使用的文件均为有效版本。"),
    p("2 适用范围"),
    p("适用于本公司质量管理体系文件的编制、审批、发放、更改和作废。"),
    p("3 职责"),
    item("bullet", 1, ["品质部文控", true], ["：负责文件的编号、发放、回收和归档。", false]),
    item("bullet", 1, ["各部门", true], ["：负责本部门文件的编制和执行。", false]),
    p("4 定义"),
    p("无。"),
    p("5 作业流程"),
    p("5.1 文件的编号"),
    p("文件编号规则见下表："),
    table([
      ["层级", "文件类别", "编号"],
      ["二阶", "程序文件", "QP-###"],
    ]),
    p("5.2 文件的审批"),
    item("numbered", 2, ["编制人编制文件并自查；", false]),
    item("numbered", 2, ["审核人审核文件的", false], ["适宜性", true], ["；", false]),
    new Paragraph({ children: runs(["文件发布前须经批准。\n批准后方可发放。", false]) }),
    p("5.3 文件的发放与回收"),
    new Paragraph({ children: [new TextRun("按《记录控制程序》保存QR-020-01。"), new ImageRun({ type: "png", data: PIXEL, transformation: { width: 10, height: 10 } })] }),
    p("6 相关文件"),
    p("《记录控制程序》"),
    p("《质量手册》"),
    p("7 相关记录"),
    p("QR-020-01 文件发放/回收记录"),
    p("QR-020-02 受控文件清单"),
  ]);
}

/** SOP-QR-020 in the seed's work-instruction layout: one-cell labels, 文件修改记录, "1." headings. */
function instructionSOPQR020(): Promise<Buffer> {
  return docxFile([
    p("测试汽车零部件有限公司", { bold: true, center: true }),
    table([
      ["文件编号：SOP-QR-020", "版次：A/0", "编制部门：品质部"],
      ["文件名称：来料检验作业指导书", "生效日期：2024.6.1", "页数：共3页"],
      ["编制：张伟", "审核：李娜", "批准：王强"],
    ]),
    p("文件修改记录"),
    table([
      ["文件编号", "修改版本", "修改页数", "修改内容描述", "修改人", "批准人", "生效日期"],
      ["SOP-QR-020", "A0", "全部", "新制定", "张伟", "王强", "2024.6.1"],
    ]),
    p("1. 目的"),
    p("规范来料检验的方法。"),
    p("2. 适用范围"),
    p("适用于原材料和外购件的检验。"),
    p("3. 作业内容"),
    p("3.1 抽样"),
    p("按QR-020-01记录抽样结果；"),
    p("3.2 判定"),
    p("不合格品按《不合格品控制程序》处理。"),
  ]);
}

/** A zip of one deflated entry whose headers declare 1 KiB: what a zip bomb looks like. */
function lyingZip(name: string, content: Uint8Array): Buffer {
  const data = deflateRawSync(content);
  const file = Buffer.from(name);
  const declared = 1024;
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(declared, 22);
  local.writeUInt16LE(file.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(declared, 24);
  central.writeUInt16LE(file.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + file.length, 12);
  end.writeUInt32LE(local.length + file.length + data.length, 16);
  return Buffer.concat([local, file, data, central, file, end]);
}

/** Released, as what a released procedure refers to must be (doc/unreleased-referenced). */
const RELEASED_A0 = "status: released\nrevisions:\n  - version: A/0\n    date: 2023-01-05\n    summary: 首次发布\n    prepared: {by: li, date: 2023-01-03}\n    approved: {by: wang, date: 2023-01-05}\n";
const REPO_FILES = {
  "documents/QP-002.yaml": `id: QP-002\ntitle: 记录控制程序\nlevel: 2\nkind: procedure\ndepartment: QA\n${RELEASED_A0}`,
  "documents/QR-020-01.yaml": `id: QR-020-01\ntitle: 文件发放/回收记录\nlevel: 4\nkind: form\ndepartment: QA\n${RELEASED_A0}record: {retention: 3年}\n`,
};

/**
 * A repository with the Word files `docs`. Its calendar is its own (base: none): csr import checks
 * what it wrote as of the day it runs when given no --today, as here, and in a year whose public holidays csr
 * does not ship that check would add calendar/year-missing to the summaries these tests read.
 */
function repoWith(docs: Record<string, Buffer>): string {
  const qms = readFileSync(join(minimalRepo(), "qms.yaml"), "utf8").replace("numbering:\n", "numbering:\n  - kind: instruction\n    pattern: SOP-QR-###\n");
  const repo = minimalRepo({ ...REPO_FILES, "qms.yaml": `${qms}confidentiality: 本文件为公司受控文件，未经品质部文控许可，不得外借或复印。\ncalendar:\n  base: none\n` });
  mkdirSync(join(repo, "Word文件"));
  for (const [name, bytes] of Object.entries(docs)) writeFileSync(join(repo, "Word文件", name), bytes);
  return repo;
}

/**
 * Records copy 1 of the document's `version` as handed out to `to`, so that `csr render --copy 1` prints a controlled copy
 * (受控 受控号 1): a print without --copy is stamped 非受控 and comes back as a draft (tester67a A6).
 */
function handOut(file: string, version: string, to: string): void {
  appendFileSync(file, `distribution:\n  - {copy: 1, version: ${version}, to: ${to}, date: 2024-06-01}\n`);
}

const QP020 = {
  id: "QP-020",
  title: "文件与资料管理程序",
  level: 2,
  kind: "procedure",
  department: "QA",
  status: "released",
  effective: "2024-05-10",
  revisions: [
    { version: "A/0", date: "2023-03-01", summary: "首次发布", pages: "全部", total_pages: 7 },
    {
      version: "A/1",
      date: "2024-05-06",
      summary: "增加电子文件控制要求",
      pages: "P3-P5",
      total_pages: 8,
      prepared: { by: "li", date: "2024-04-28" },
      reviewed: { by: "zhang", date: "2024-05-02" },
      approved: { by: "wang", date: "2024-05-06" },
    },
  ],
  related: ["QP-002"],
  forms: ["QR-020-01"],
  sections: [
    { title: "目的", text: "对质量管理体系文件进行控制，确保各场所使用的文件均为有效版本。" },
    { title: "适用范围", text: "适用于本公司质量管理体系文件的编制、审批、发放、更改和作废。" },
    { title: "职责", text: "- **品质部文控**：负责文件的编号、发放、回收和归档。\n- **各部门**：负责本部门文件的编制和执行。" },
    { title: "定义", text: "无。" },
    {
      title: "作业流程",
      sections: [
        { title: "文件的编号", text: "文件编号规则见下表：\n\n| 层级 | 文件类别 | 编号 |\n| --- | --- | --- |\n| 二阶 | 程序文件 | QP-### |" },
        { title: "文件的审批", text: "1. 编制人编制文件并自查；\n2. 审核人审核文件的**适宜性**；\n\n文件发布前须经批准。\n批准后方可发放。" },
        { title: "文件的发放与回收", text: "按《记录控制程序》保存QR-020-01。" },
      ],
    },
  ],
};

describe("csr import FILE.docx", () => {
  it("reads a procedure in the seed layout field by field, lists what it could not take over, and never overwrites", async () => {
    const repo = repoWith({ "QP-020 文件与资料管理程序.docx": await procedureQP020() });
    const file = join("Word文件", "QP-020 文件与资料管理程序.docx");
    const dry = await csrInProcess(["-C", repo, "import", file, "--dry-run"]);
    const report = [
      `${file}: QP-020 文件与资料管理程序 (procedure, released, A/1; 2 revisions, 8 sections, 2 references)`,
      "  section 5.3, paragraph 26: a picture — not imported",
      "  section 6, paragraph 29: 《质量手册》 is not in the repository — add or import it, then list it under related or forms in QP-020",
      "  section 7, paragraph 32: QR-020-02 is not in the repository — add or import it, then list it under related or forms in QP-020",
    ];
    expect(dry.stdout).toBe([...report, "  would write documents/QP-020.yaml", "", "Word files to import: 1 of 1; 0 refused, 0 conflicts with existing files.", "Dry run: nothing was written.", "csr check is clean.", ""].join("\n"));
    expect(dry.stderr).toBe("");
    expect(dry.code).toBe(0);
    expect(existsSync(join(repo, "documents", "QP-020.yaml"))).toBe(false);

    const real = await csrInProcess(["-C", repo, "import", file]);
    expect(real.stdout).toBe([...report, "  wrote documents/QP-020.yaml", "", "Imported Word files: 1 of 1; 0 refused, 0 conflicts with existing files.", "csr check is clean.", ""].join("\n"));
    expect(real.code).toBe(0);
    expect(parse(readFileSync(join(repo, "documents", "QP-020.yaml"), "utf8"))).toEqual(QP020);

    const again = await csrInProcess(["-C", repo, "import", file]);
    expect(again.stdout).toContain("  documents/QP-020.yaml exists already; it was not overwritten (QP-020 文件与资料管理程序.docx not imported)\n");
    expect(again.stdout).toContain("Imported Word files: 0 of 1; 0 refused, 1 conflict with existing files.\n");
    expect(again.code).toBe(1);
  });

  it("completes a procedure a register imported (body on paper) with its Word original of the same version, keeping the register's values; the commit needs no new revision (tester20 F10)", async () => {
    const repo = repoWith({ "QP-020 文件与资料管理程序.docx": await procedureQP020() });
    // As `csr import 程序文件一览表.xlsx --as procedures` writes it: the current revision, imported, with the register's data.
    const registered = [
      "id: QP-020",
      "title: 文件与资料控制程序",
      "level: 2",
      "kind: procedure",
      "department: QA",
      "status: released",
      "clauses:",
      "  - IATF16949:7.5.3",
      "effective: 2024-05-10",
      "revisions:",
      "  - version: A/1",
      "    date: 2024-05-06",
      "    imported: true",
      "    prepared:",
      "      by: li",
      "    reviewed:",
      "      by: zhang",
      "    approved:",
      "      by: wang",
      "",
    ].join("\n");
    writeFileSync(join(repo, "documents", "QP-020.yaml"), registered);
    gitInit(repo);
    const file = join("Word文件", "QP-020 文件与资料管理程序.docx");
    const result = await csrInProcess(["-C", repo, "import", file]);
    expect(result.stdout.split("\n").slice(4, 9)).toEqual([
      "  completed documents/QP-020.yaml (the A/1 imported from a register, its body on paper until now; what the register recorded is kept, no new revision is needed): 1 earlier revision of the revision record, A/0, summary, pages, total_pages of A/1, related documents QP-002, related records QR-020-01, 8 sections",
      "  The Word file gives these otherwise than the repository records them; the repository's are kept (where the Word file is right, correct them with the command for each, such as csr set or csr sign):",
      "    title: 文件与资料控制程序 in the repository, 文件与资料管理程序 in the Word file",
      "    revisions A/1 prepared: li in the repository, li 2024-04-28 in the Word file",
      "    revisions A/1 reviewed: zhang in the repository, zhang 2024-05-02 in the Word file",
    ]);
    expect(result.code).toBe(0);
    const doc = parse(readFileSync(join(repo, "documents", "QP-020.yaml"), "utf8"));
    expect(doc).toEqual({
      ...QP020,
      title: "文件与资料控制程序",
      clauses: ["IATF16949:7.5.3"],
      revisions: [
        QP020.revisions[0],
        { version: "A/1", date: "2024-05-06", imported: true, prepared: { by: "li" }, reviewed: { by: "zhang" }, approved: { by: "wang" }, summary: "增加电子文件控制要求", pages: "P3-P5", total_pages: 8 },
      ],
    });
    // What the pre-commit hook runs: filling in the body of the imported revision is neither a change of A/1 nor a rewrite of its record.
    git(repo, ["add", "-A"]);
    const hook = await csrInProcess(["-C", repo, "check", "--staged", "--base", "HEAD"]);
    expect(hook.stdout).not.toMatch(/revision-not-bumped|revision-history-rewritten/);
    expect(hook.code).toBe(0);

    // A document whose body is in the repository is not completed again.
    git(repo, ["commit", "-q", "-m", "正文"]);
    const again = await csrInProcess(["-C", repo, "import", file]);
    expect(again.stdout).toContain(
      "  documents/QP-020.yaml exists already; it was not overwritten (QP-020 文件与资料管理程序.docx not imported)\n  Not completed: QP-020 has its body already: the body of a released document changes only with a new revision (csr release).\n",
    );
    expect(again.code).toBe(1);
  });

  it("the register imported after the Word original adds its register data to the document, keeping the document's values (tester20 F10)", async () => {
    const repo = repoWith({ "QP-020 文件与资料管理程序.docx": await procedureQP020() });
    expect((await csrInProcess(["-C", repo, "import", join("Word文件", "QP-020 文件与资料管理程序.docx")])).code).toBe(0);
    gitInit(repo);
    const register = join(repo, "程序文件一览表.csv");
    writeFileSync(register, "文件编号,文件名称,版本,部门,发布日期,实施日期,编制,审核,批准,对应条款\nQP-020,文件与资料控制程序,A/1,品质部,2024-05-06,2024-05-15,李娜,张伟,王强,7.5.3\n");
    const result = await csrInProcess(["-C", repo, "import", register, "--as", "procedures"]);
    expect(result.stdout.split("\n").slice(2, 8)).toEqual([
      "row 2: completed documents/QP-020.yaml (A/1; what the file has is kept): clauses IATF16949:7.5.3",
      "  The register gives these otherwise than the repository records them; the repository's are kept (where the register is right, correct them with the command for each, such as csr set or csr sign):",
      "    effective: 2024-05-10 in the repository, 2024-05-15 in the register",
      "    title: 文件与资料管理程序 in the repository, 文件与资料控制程序 in the register",
      "",
      "Imported rows: 1 of 1.",
    ]);
    expect(result.code).toBe(0);
    const doc = parse(readFileSync(join(repo, "documents", "QP-020.yaml"), "utf8"));
    expect(doc).toEqual({ ...QP020, clauses: ["IATF16949:7.5.3"] });
    // Register data: the commit needs no new revision.
    git(repo, ["add", "-A"]);
    expect((await csrInProcess(["-C", repo, "check", "--staged", "--base", "HEAD"])).code).toBe(0);
  });

  it("exits 0 when the files it wrote check clean, though another file of the repository has an error", async () => {
    const repo = repoWith({ "QP-020 文件与资料管理程序.docx": await procedureQP020() });
    writeFileSync(join(repo, "documents", "QP-099.yaml"), "id: QP-099\ntitle: 已有文件\nlevel: 2\nkind: procedure\ndepartment: NOSUCH\nstatus: draft\nsections:\n  - title: 目的\n    text: 已有的错误。\n");
    const result = await csrInProcess(["-C", repo, "import", join("Word文件", "QP-020 文件与资料管理程序.docx")]);
    expect(result.stdout).toContain("Imported Word files: 1 of 1; 0 refused, 0 conflicts with existing files.\ncsr check: errors: 1");
    expect(result.stdout).toContain("  documents/QP-099.yaml:5:13 ref/unresolved");
    expect(result.code).toBe(0);
  });

  it("reads a work instruction with one-cell labels and a 文件修改记录", async () => {
    const repo = repoWith({ "SOP-QR-020.docx": await instructionSOPQR020() });
    const result = await csrInProcess(["-C", repo, "import", join("Word文件", "SOP-QR-020.docx")]);
    expect(result.stdout).toBe(
      [
        `${join("Word文件", "SOP-QR-020.docx")}: SOP-QR-020 来料检验作业指导书 (instruction, released, A/0; 1 revision, 5 sections, 1 reference)`,
        "  section 3.2, paragraph 13: 《不合格品控制程序》 is not in the repository — add or import it, then list it under related or forms in SOP-QR-020",
        "  wrote documents/SOP-QR-020.yaml",
        "",
        "Imported Word files: 1 of 1; 0 refused, 0 conflicts with existing files, 1 file written has errors (csr check below).",
        // The import says it, and csr check keeps saying it until the document is in the repository.
        "csr check: errors: 1, warnings: 0 (doc/mention-unresolved 1).",
        "  documents/SOP-QR-020.yaml:32:20 doc/mention-unresolved Section 3.2 of SOP-QR-020 mentions 《不合格品控制程序》, which is not the title of any document in the repository. Correct the title, or add the document (an external one as kind: external).",
        "",
      ].join("\n"),
    );
    expect(result.code).toBe(1);
    expect(parse(readFileSync(join(repo, "documents", "SOP-QR-020.yaml"), "utf8"))).toEqual({
      id: "SOP-QR-020",
      title: "来料检验作业指导书",
      level: 3,
      kind: "instruction",
      department: "QA",
      status: "released",
      effective: "2024-06-01",
      revisions: [
        {
          version: "A/0",
          date: "2024-06-01",
          summary: "新制定",
          pages: "全部",
          total_pages: 3,
          prepared: { by: "zhang" },
          reviewed: { by: "li" },
          approved: { by: "wang" },
        },
      ],
      forms: ["QR-020-01"],
      sections: [
        { title: "目的", text: "规范来料检验的方法。" },
        { title: "适用范围", text: "适用于原材料和外购件的检验。" },
        {
          title: "作业内容",
          sections: [
            { title: "抽样", text: "按QR-020-01记录抽样结果；" },
            { title: "判定", text: "不合格品按《不合格品控制程序》处理。" },
          ],
        },
      ],
    });
  });

  it("imports every .docx of a folder with one summary, and says why a file was refused", async () => {
    const repo = repoWith({
      "QP-020.docx": await procedureQP020(),
      "SOP-QR-020.docx": await instructionSOPQR020(),
      "旧文件.doc": Buffer.from("not read"),
      "无编号.docx": await docxFile([p("某某规定"), p("1 目的"), p("说明。")]),
      "损坏.docx": Buffer.from(zipSync({ "word/document.xml": strToU8("<w:document") })),
    });
    const result = await csrInProcess(["-C", repo, "import", "Word文件", "--dry-run"]);
    const lines = result.stdout.split("\n");
    expect(lines.filter((l) => !l.startsWith("  "))).toEqual([
      `${join("Word文件", "QP-020.docx")}: QP-020 文件与资料管理程序 (procedure, released, A/1; 2 revisions, 8 sections, 2 references)`,
      "",
      `${join("Word文件", "SOP-QR-020.docx")}: SOP-QR-020 来料检验作业指导书 (instruction, released, A/0; 1 revision, 5 sections, 1 reference)`,
      "",
      `${join("Word文件", "损坏.docx")}: not imported: ${join("Word文件", "损坏.docx")} could not be read as a Word document (unclosed xml attribute).`,
      "",
      `${join("Word文件", "无编号.docx")}: not imported: no document number: the header block has no 文件编号 (or 编号, Doc No.), and the file name is not one.`,
      "",
      "Word files to import: 2 of 4; 2 refused, 0 conflicts with existing files, 1 file to be written would have errors (csr check below).",
      "Dry run: nothing was written.",
      "csr check: errors: 1, warnings: 0 (doc/mention-unresolved 1).",
      "",
    ]);
    expect(result.code).toBe(1);
  });

  it("a form comes in with the retention period, storage and location of its header block; a form without one is said", async () => {
    const form = (number: string, record: string[]) =>
      docxFile([
        p("来料检验记录", { bold: true, center: true }),
        table([
          ["文件编号", number, "版本/版次", "A/0", "制订部门", "品质部"],
          ["制订日期", "2024-05-06", ...record],
          ["编制", "李娜\n2024-05-01", "审核", "张伟\n2024-05-02", "批准", "王强\n2024-05-06"],
        ]),
      ]);
    const repo = repoWith({ "QR-020-05.docx": await form("QR-020-05", ["保存期限", "3年", "保存方式", "纸质"]), "QR-020-06.docx": await form("QR-020-06", ["存放地点", "品质部"]) });
    const result = await csrInProcess(["-C", repo, "import", "Word文件", "--as", "forms"]);
    const noRow = "  header block: the revision record has no row for version A/0; it was recorded dated 2024-05-06 and marked 'Released before csr; the changes are on the paper record'\n";
    expect(result.stdout).toContain(`${join("Word文件", "QR-020-05.docx")}: QR-020-05 来料检验记录 (form, released, A/0; 1 revision, 0 sections, 0 references)\n${noRow}  wrote documents/QR-020-05.yaml\n`);
    expect(result.stdout).toContain(
      `${join("Word文件", "QR-020-06.docx")}: QR-020-06 来料检验记录 (form, released, A/0; 1 revision, 0 sections, 0 references)\n${noRow}` +
        "  header block: QR-020-06 is a form, but the file gives no retention period (保存期限) — written without record.retention; set it with 'csr set QR-020-06 --retention <period>' (csr check reports a released form without it: doc/record-retention-missing)\n",
    );
    expect(parse(readFileSync(join(repo, "documents", "QR-020-05.yaml"), "utf8")).record).toEqual({ retention: "3年", medium: "paper" });
    expect(parse(readFileSync(join(repo, "documents", "QR-020-06.yaml"), "utf8")).record).toEqual({ location: "品质部" });
    expect(result.stdout).toContain("csr check: errors: 1, warnings: 0 (doc/record-retention-missing 1).\n  documents/QR-020-06.yaml:20:1 doc/record-retention-missing ");
    expect(result.code).toBe(1);
  });

  it("keeps the numbers of the file (5 作业流程 after 3 职责 is declared, and prints as 5); a title from the file name", async () => {
    const repo = repoWith({
      "QP-030 仓库管理程序.docx": await docxFile([
        table([["文件编号：QP-030", "制订部门：品质部"]]),
        p("1 目的"),
        p("规范仓库管理。"),
        p("2 适用范围"),
        p("适用于原材料仓库。"),
        p("3 职责"),
        p("仓库负责。"),
        p("5 作业流程"),
        p("5.1 入库"),
        p("验收后入库。"),
        p("5.2 出库"),
        p("先进先出。"),
      ]),
    });
    const result = await csrInProcess(["-C", repo, "import", join("Word文件", "QP-030 仓库管理程序.docx")]);
    expect(result.stdout.split("\n").slice(0, 3)).toEqual([
      `${join("Word文件", "QP-030 仓库管理程序.docx")}: QP-030 仓库管理程序 (procedure, draft; 0 revisions, 6 sections, 0 references)`,
      "  header block: no 文件名称 and no title paragraph; the title '仓库管理程序' was taken from the file name",
      "  wrote documents/QP-030.yaml",
    ]);
    expect(result.code).toBe(0);
    expect(parse(readFileSync(join(repo, "documents", "QP-030.yaml"), "utf8")).sections).toEqual([
      { title: "目的", text: "规范仓库管理。" },
      { title: "适用范围", text: "适用于原材料仓库。" },
      { title: "职责", text: "仓库负责。" },
      {
        number: 5,
        title: "作业流程",
        sections: [
          { title: "入库", text: "验收后入库。" },
          { title: "出库", text: "先进先出。" },
        ],
      },
    ]);
    const md = await csrInProcess(["-C", repo, "render", "QP-030", "--format", "md", "--out", tempDir()], { lang: null });
    expect(md.code).toBe(0);
    expect(readFileSync(md.stdout.trim(), "utf8")).toMatch(/## 3 职责[\s\S]*## 5 作业流程[\s\S]*### 5\.1 入库[\s\S]*### 5\.2 出库[\s\S]*## 6 相关文件/);
  });

  it("reads a header block kept in the Word page header, with English labels; refuses a document stamped 作废", async () => {
    const pageHeader = new Header({
      children: [
        table([
          ["Doc No.", "QP-060", "Rev.", "A/0"],
          ["Title", "Training Procedure", "Department", "QA"],
          ["Prepared by", "张伟 2025-01-02", "Approved by", "王强 2025-01-06"],
        ]),
      ],
    });
    const repo = repoWith({
      "QP-060.docx": await docxFile(
        [
          p("Effective date: 2025-01-10"),
          p("1 Purpose"),
          p("Train people."),
          p("2 Scope"),
          p("Everyone."),
          // The revision record at the end of the document, as some organisations keep it.
          p("Revision record"),
          table([
            ["Version", "Date", "Description"],
            ["A/0", "2025-01-10", "First issue"],
          ]),
        ],
        { headers: { default: pageHeader } },
      ),
      "QP-061.docx": await docxFile([p("作废"), p("文件编号：QP-061"), p("文件名称：旧程序"), p("1 目的"), p("无。")]),
    });
    const result = await csrInProcess(["-C", repo, "import", "Word文件"]);
    expect(result.stdout.split("\n").slice(0, 5)).toEqual([
      `${join("Word文件", "QP-060.docx")}: QP-060 Training Procedure (procedure, released, A/0; 1 revision, 2 sections, 0 references)`,
      "  wrote documents/QP-060.yaml",
      "",
      `${join("Word文件", "QP-061.docx")}: not imported: QP-061 is stamped 作废; withdrawn documents are not imported.`,
      "",
    ]);
    expect(result.code).toBe(1);
    expect(parse(readFileSync(join(repo, "documents", "QP-060.yaml"), "utf8"))).toEqual({
      id: "QP-060",
      title: "Training Procedure",
      level: 2,
      kind: "procedure",
      department: "QA",
      status: "released",
      effective: "2025-01-10",
      revisions: [{ version: "A/0", date: "2025-01-10", summary: "First issue", prepared: { by: "zhang", date: "2025-01-02" }, approved: { by: "wang", date: "2025-01-06" } }],
      sections: [
        { title: "Purpose", text: "Train people." },
        { title: "Scope", text: "Everyone." },
      ],
    });
  });

  it("says every text of the page header and footer that is not imported, with its part, block and row", async () => {
    const pageHeader = new Header({
      children: [
        table([
          ["测试汽车零部件有限公司", "文件编号：QP-070", "版本：A/0"],
          ["发放号：012", "部门：品质部", "第 1 页 共 3 页"],
        ]),
        p("内部资料 仅供参考"),
      ],
    });
    const repo = repoWith({
      "QP-070.docx": await docxFile(
        [p("不合格品控制程序"), p("制订部门：品质部"), p("制订日期：2025-03-01"), p("1 目的"), p("控制不合格品。")],
        { headers: { default: pageHeader }, footers: { default: new Footer({ children: [p("第 1 页 共 3 页"), p("保密等级：内部")] }) } },
      ),
    });
    const result = await csrInProcess(["-C", repo, "import", join("Word文件", "QP-070.docx"), "--dry-run"]);
    expect(result.stdout.split("\n").slice(0, 7)).toEqual([
      `${join("Word文件", "QP-070.docx")}: QP-070 不合格品控制程序 (procedure, draft, A/0; 1 revision, 1 section, 0 references)`,
      "  page footer (footer1.xml), paragraph 2: text in the page footer was not imported: '保密等级：内部'",
      "  page header (header1.xml), table 1 row 2: text in the page header was not imported: '发放号：012'",
      "  page header (header1.xml), table 1 row 2: text in the page header was not imported: '部门：品质部'",
      "  page header (header1.xml), paragraph 2: text in the page header was not imported: '内部资料 仅供参考'",
      "  header block: the revision record has no row for version A/0; it was recorded dated 2025-03-01 and marked 'Released before csr; the changes are on the paper record'",
      "  would write documents/QP-070.yaml",
    ]);
  });

  it("reports in Chinese what it took over, what it did not and where, with the places named the Chinese way", async () => {
    const pageHeader = new Header({ children: [table([["测试汽车零部件有限公司", "文件编号：QP-070", "版本：A/0"], ["发放号：012", "部门：品质部", "第 1 页 共 3 页"]])] });
    const repo = repoWith({
      "QP-020 文件与资料管理程序.docx": await procedureQP020(),
      "QP-070.docx": await docxFile([p("不合格品控制程序"), p("制订部门：品质部"), p("制订日期：2025-03-01"), p("1 目的"), p("控制不合格品。")], {
        headers: { default: pageHeader },
        footers: { default: new Footer({ children: [p("保密等级：内部")] }) },
      }),
      "QP-061.docx": await docxFile([p("作废"), p("文件编号：QP-061"), p("文件名称：旧程序"), p("1 目的"), p("无。")]),
    });
    const result = await csrInProcess(["-C", repo, "import", "Word文件", "--dry-run"], { lang: "zh-CN" });
    expect(result.stdout).toBe(
      [
        `${join("Word文件", "QP-020 文件与资料管理程序.docx")}：QP-020 文件与资料管理程序（程序文件、已发布、A/1；2 个版本、8 个章节、2 个引用）`,
        "  第 5.3 节，第 26 段：一张图片未导入",
        "  第 6 节，第 29 段：仓库中没有《质量手册》，请添加或导入它，再把它列入 QP-020 的 related 或 forms",
        "  第 7 节，第 32 段：仓库中没有 QR-020-02，请添加或导入它，再把它列入 QP-020 的 related 或 forms",
        "  将写入 documents/QP-020.yaml",
        "",
        `${join("Word文件", "QP-061.docx")}：未导入：QP-061 盖有“作废”章；作废文件不导入。`,
        "",
        `${join("Word文件", "QP-070.docx")}：QP-070 不合格品控制程序（程序文件、草稿、A/0；1 个版本、1 个章节、0 个引用）`,
        "  页脚（footer1.xml），第 1 段：页脚中的文字未导入：'保密等级：内部'",
        "  页眉（header1.xml），第 1 个表格第 2 行：页眉中的文字未导入：'发放号：012'",
        "  页眉（header1.xml），第 1 个表格第 2 行：页眉中的文字未导入：'部门：品质部'",
        "  文件头：修订记录中没有 A/0 版的行；已按日期 2025-03-01 记录，标为“导入前已发布的版本，修订内容见原纸质记录”",
        "  将写入 documents/QP-070.yaml",
        "",
        "将导入 3 个 Word 文件中的 2 个；拒绝 1 个，与现有文件冲突 0 处。",
        "试运行：未写入任何文件。",
        "csr check 没有发现问题。",
        "",
      ].join("\n"),
    );
    expect(result.code).toBe(1);
  });

  it("reads sections numbered the Chinese way: 一、 as 1, （一） as its sub-sections, 1、 as text", async () => {
    const repo = repoWith({
      "QP-080.docx": await docxFile([
        p("文件编号：QP-080"),
        p("文件名称：标识和可追溯性控制程序"),
        p("制订部门：品质部"),
        p("一、目的"),
        p("确保产品可追溯。"),
        p("二、适用范围"),
        p("适用于原材料到成品。"),
        p("1、原材料；"),
        p("2、成品。"),
        p("三、作业流程"),
        p("（一）标识"),
        p("用标签标识。"),
        p("（二）追溯"),
        p("按批号追溯。"),
      ]),
    });
    const result = await csrInProcess(["-C", repo, "import", join("Word文件", "QP-080.docx")]);
    expect(result.stdout.split("\n")[0]).toBe(`${join("Word文件", "QP-080.docx")}: QP-080 标识和可追溯性控制程序 (procedure, draft; 0 revisions, 5 sections, 0 references)`);
    expect(parse(readFileSync(join(repo, "documents", "QP-080.yaml"), "utf8")).sections).toEqual([
      { title: "目的", text: "确保产品可追溯。" },
      { title: "适用范围", text: "适用于原材料到成品。\n\n1、原材料；\n\n2、成品。" },
      {
        title: "作业流程",
        sections: [
          { title: "标识", text: "用标签标识。" },
          { title: "追溯", text: "按批号追溯。" },
        ],
      },
    ]);
    const md = await csrInProcess(["-C", repo, "render", "QP-080", "--format", "md", "--out", tempDir()], { lang: null });
    expect(readFileSync(md.stdout.trim(), "utf8")).toMatch(/## 1 目的[\s\S]*## 2 适用范围[\s\S]*## 3 作业流程[\s\S]*### 3\.1 标识[\s\S]*### 3\.2 追溯/);
  });

  it("refuses a zip bomb, naming the file, even when the package understates its sizes", async () => {
    const repo = repoWith({ "QP-099.docx": lyingZip("word/document.xml", new Uint8Array(130 * 1024 * 1024)) });
    const result = await csrInProcess(["-C", repo, "import", join("Word文件", "QP-099.docx")]);
    expect(result.stdout).toContain(`${join("Word文件", "QP-099.docx")}: not imported: ${join("Word文件", "QP-099.docx")} cannot be read: it inflates to more than 128 MiB (a zip bomb, or a package with very large pictures).\n`);
    expect(result.code).toBe(1);
  });

  // What keeps a zip bomb from taking the time and memory it asks for: the bytes that really come out
  // of the package are counted as they are inflated, whatever its headers declare, and reading stops
  // at the first byte or part past the limit. Asserted on the bounds, with limits small enough to see them.
  it("reads a package up to the limits on the bytes it really inflates to and on its parts, and refuses one byte or one part more", async () => {
    const limits = { maxFileBytes: 1024 * 1024, maxInflatedBytes: 1024 * 1024, maxEntries: 3 };
    const read = (zip: Uint8Array) => {
      const path = join(tempDir(), "QP-099.docx");
      writeFileSync(path, zip);
      return readZip(path, "QP-099.docx", limits);
    };
    const tooLarge = "QP-099.docx cannot be read: it inflates to more than 1 MiB (a zip bomb, or a package with very large pictures).";
    const half = new Uint8Array(512 * 1024);
    // One part whose headers declare 1 KiB: its real size counts.
    expect([...(await read(lyingZip("word/document.xml", new Uint8Array(1024 * 1024)))).values()].map((part) => part.length)).toEqual([1024 * 1024]);
    await expect(read(lyingZip("word/document.xml", new Uint8Array(1024 * 1024 + 1)))).rejects.toThrow(new UserError(tooLarge));
    // The parts together.
    expect([...(await read(zipSync({ "a.xml": half, "b.xml": half }))).values()].map((part) => part.length)).toEqual([512 * 1024, 512 * 1024]);
    await expect(read(zipSync({ "a.xml": half, "b.xml": half, "c.xml": new Uint8Array(1) }))).rejects.toThrow(new UserError(tooLarge));
    // The number of parts.
    const parts = (count: number) => zipSync(Object.fromEntries(Array.from({ length: count }, (_, i) => [`part${i}.xml`, strToU8("x")])));
    expect([...(await read(parts(3))).keys()]).toEqual(["part0.xml", "part1.xml", "part2.xml"]);
    await expect(read(parts(4))).rejects.toThrow(new UserError("QP-099.docx cannot be read: it has more than 3 parts."));
  });

  it("a signer not in people.yaml is kept under their name; --add-people adds them to people.yaml", async () => {
    const repo = repoWith({
      "QP-070.docx": await docxFile([
        table([
          ["文件编号", "QP-070", "版本/版次", "A/0", "制订部门", "品质部"],
          ["文件名称", "培训程序", "生效日期", "2025-01-10", "页次", "共2页"],
          ["编制", "赵　六\n2025-01-02", "审核", "张伟", "批准", "王强 2025-01-06"],
        ]),
        p("1 目的"),
        p("培训。"),
      ]),
    });
    const people = readFileSync(join(repo, "people.yaml"), "utf8");
    const dry = await csrInProcess(["-C", repo, "import", "Word文件", "--dry-run"]);
    expect(dry.stdout.split("\n").slice(0, 4)).toEqual([
      `${join("Word文件", "QP-070.docx")}: QP-070 培训程序 (procedure, released, A/0; 1 revision, 1 section, 0 references)`,
      "  header block: the revision record has no row for version A/0; it was recorded dated 2025-01-10 and marked 'Released before csr; the changes are on the paper record'",
      "  header block: prepared by '赵 六' is not in people.yaml — kept as 赵六; add the person with 'csr person add', or import with --add-people",
      "  would write documents/QP-070.yaml",
    ]);
    const result = await csrInProcess(["-C", repo, "import", "Word文件", "--add-people"]);
    expect(result.stdout.split("\n").slice(2, 6)).toEqual(["  wrote documents/QP-070.yaml", "", "Added to people.yaml (check each department and role):", "  赵六: 品质部, roles author (QP-070.docx)"]);
    expect(result.code).toBe(0);
    expect(readFileSync(join(repo, "people.yaml"), "utf8")).toBe(`${people}  - id: 赵六\n    name: 赵六\n    department: QA\n    roles: [author]\n`);
    expect(parse(readFileSync(join(repo, "documents", "QP-070.yaml"), "utf8")).revisions[0]).toMatchObject({ prepared: { by: "赵六", date: "2025-01-02" }, reviewed: { by: "zhang" }, approved: { by: "wang", date: "2025-01-06" } });
  });
});

describe("render → import", () => {
  it("the example's CSR procedure comes back printing the same as before", async () => {
    const repo = copyFixture("examples/acme-auto");
    const out = tempDir();
    // A controlled copy (受控 受控号 7): a print without --copy is stamped 非受控 and comes back as a draft (tester67a A6).
    expect((await csrInProcess(["-C", repo, "render", "QP-015", "--copy", "7", "--format", "docx", "--out", out], { lang: null })).code).toBe(0);
    expect((await csrInProcess(["-C", repo, "render", "QP-015", "--format", "md", "--out", out], { lang: null })).code).toBe(0);
    rmSync(join(repo, "documents", "procedures", "QP-015.yaml"));
    const imported = await csrInProcess(["-C", repo, "import", join(out, "QP-015.copy-7.zh-CN.docx")]);
    expect(imported.stdout.split("\n").slice(0, 3)).toEqual([
      `${join(out, "QP-015.copy-7.zh-CN.docx")}: QP-015 顾客特定要求管理程序 (procedure, released, A/2; 3 revisions, 18 sections, 10 references)`,
      "  wrote documents/QP-015.yaml",
      "",
    ]);
    const again = tempDir();
    expect((await csrInProcess(["-C", repo, "render", "QP-015", "--format", "md", "--out", again], { lang: null })).code).toBe(0);
    // The body names 《纠正措施控制程序》 (QP-013), which the example's related list leaves out; the import lists it.
    const before = readFileSync(join(out, "QP-015.zh-CN.md"), "utf8");
    const after = readFileSync(join(again, "QP-015.zh-CN.md"), "utf8");
    expect(after.replace(/^\| QP-013 \| 纠正措施控制程序 \| [^\n]*\n/m, "")).toBe(before);
  });

  it("a GJB procedure comes back with its title under the 密级 line and its 会签, 标准化审查 and 军代表 signatures", async () => {
    const repo = committedFixture("test/fixtures/render/layouts");
    const out = tempDir();
    handOut(join(repo, "documents", "CS_QP-006.yaml"), "A/0", "RD");
    expect((await csrInProcess(["-C", repo, "render", "CS/QP-006", "--copy", "1", "--format", "docx", "--out", out], { lang: null })).code).toBe(0);
    const original = parse(readFileSync(join(repo, "documents", "CS_QP-006.yaml"), "utf8"));
    rmSync(join(repo, "documents", "CS_QP-006.yaml"));
    const imported = await csrInProcess(["-C", repo, "import", join(out, "CS_QP-006.copy-1.zh-CN.docx")]);
    expect(imported.stdout.split("\n")[0]).toBe(`${join(out, "CS_QP-006.copy-1.zh-CN.docx")}: CS/QP-006 设计和开发控制程序 (procedure, released, A/0; 1 revision, 2 sections, 0 references)`);
    const back = parse(readFileSync(join(repo, "documents", "CS_QP-006.yaml"), "utf8"));
    expect([back.title, back.classification, back.revisions]).toEqual([original.title, original.classification, original.revisions]);
  });

  it("a revision's 更改原因/依据 comes back as its reason, change request and ECN numbers", async () => {
    const { dir, release } = releasedWithBasis(["DYA-ECN-2026-118", "DYA-ECN-2026-120"]);
    expect(release.code).toBe(0);
    const out = tempDir();
    expect((await csrInProcess(["-C", dir, "render", "QP-009", "--format", "docx", "--out", out], { lang: null })).code).toBe(0);
    const file = join(dir, "documents", "procedures", "QP-009.yaml");
    const original = parse(readFileSync(file, "utf8"));
    rmSync(file);
    const imported = await csrInProcess(["-C", dir, "import", join(out, "QP-009.zh-CN.docx")]);
    expect(imported.code).toBe(0);
    const back = parse(readFileSync(join(dir, "documents", "QP-009.yaml"), "utf8"));
    const basis = (revisions: Record<string, unknown>[]) => revisions.map(({ version, reason, change_request, ecn }) => ({ version, reason, change_request, ecn }));
    expect(basis(back.revisions)).toEqual(basis(original.revisions));
    expect(back.revisions.at(-1)).toMatchObject({ reason: "顾客投诉来料报检过慢", change_request: "QR-001-01-2026-031", ecn: ["DYA-ECN-2026-118", "DYA-ECN-2026-120"] });
  });

  it("reads a 更改原因/依据 cell in either language, a part without a label kept in the reason", () => {
    expect(revisionBasisOf("原因：顾客投诉；来料报检过慢；更改申请：QR-001-01-2026-031；ECN：DYA-ECN-2026-118、DYA-ECN-2026-120")).toEqual({
      reason: "顾客投诉；来料报检过慢",
      change_request: "QR-001-01-2026-031",
      ecn: ["DYA-ECN-2026-118", "DYA-ECN-2026-120"],
    });
    expect(revisionBasisOf("reason: customer complaint; change request QR-7; ECN E-1, E-2")).toEqual({ reason: "customer complaint", change_request: "QR-7", ecn: ["E-1", "E-2"] });
    expect(revisionBasisOf("按8D-2026-012")).toEqual({ reason: "按8D-2026-012" });
    // The parts of an English reason keep their own separator.
    expect(revisionBasisOf("reason: a; b; change request X")).toEqual({ reason: "a; b", change_request: "X" });
    // The corrective actions a revision carries out (csr release --action), printed in the same cell (tester65 N4).
    expect(revisionBasisOf("原因：东岳投诉；纠正措施：8D-2026-001、8D-2026-002")).toEqual({ reason: "东岳投诉", actions: ["8D-2026-001", "8D-2026-002"] });
    expect(revisionBasisOf("corrective action 8D-2026-001; ECN E-1")).toEqual({ actions: ["8D-2026-001"], ecn: ["E-1"] });
    // A 技术状态更改 with what it reaches (csr release --change-class, --affects-product, --affects, --first-article-required), in either language.
    const reach = { configuration_change: true, change_class: "I", affected_products: ["XX型电源模块 2026-03批"], affected_documents: ["CS/QR-009-01", "CS/QP-009"], first_article_required: true };
    expect(revisionBasisOf("技术状态更改（I类）；影响产品：XX型电源模块 2026-03批；影响文件：CS/QR-009-01、CS/QP-009；须重新进行首件鉴定；更改申请：GG-2026-011")).toEqual({ ...reach, change_request: "GG-2026-011" });
    expect(revisionBasisOf("configuration change (class I); products affected: XX型电源模块 2026-03批; documents affected: CS/QR-009-01, CS/QP-009; new first article inspection (首件鉴定) required")).toEqual(reach);
    expect(revisionBasisOf("技术状态更改（III类）")).toEqual({ configuration_change: true, change_class: "III" });
  });

  it("gives the same document back, and its header block and revision record print as in the source", async () => {
    const repo = repoWith({ "QP-020.docx": await procedureQP020() });
    expect((await csrInProcess(["-C", repo, "import", join("Word文件", "QP-020.docx")])).code).toBe(0);
    const out = tempDir();
    handOut(join(repo, "documents", "QP-020.yaml"), "A/1", "QA");
    expect((await csrInProcess(["-C", repo, "render", "QP-020", "--copy", "1", "--format", "docx", "--out", out], { lang: null })).code).toBe(0);
    const copy = repoWith({ "QP-020.docx": readFileSync(join(out, "QP-020.copy-1.zh-CN.docx")) });
    const result = await csrInProcess(["-C", copy, "import", join("Word文件", "QP-020.docx")]);
    expect(result.stdout).toBe(
      [
        `${join("Word文件", "QP-020.docx")}: QP-020 文件与资料管理程序 (procedure, released, A/1; 2 revisions, 8 sections, 2 references)`,
        "  wrote documents/QP-020.yaml",
        "",
        "Imported Word files: 1 of 1; 0 refused, 0 conflicts with existing files.",
        "csr check is clean.",
        "",
      ].join("\n"),
    );
    expect(parse(readFileSync(join(copy, "documents", "QP-020.yaml"), "utf8"))).toEqual(QP020);
  });
});

