/**
 * Registers as suppliers really keep them (test/fixtures/real-world/<case>/, each with the `cmd` and
 * `expect` it was reported with), imported into a copy of the acme-auto example.
 */
import { copyFileSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { checkJsonInProcess, committedFixture, copyFixture, csrInProcess, FIXTURES, git, gitInit } from "../helpers.js";

/**
 * csr import ends with a check of the whole repository: the examples' reviews, implementations and
 * periodic reviews fall due from December 2026 on and their calendar has no public holidays for
 * 2027, so each import is made as of a day before them.
 */
const AS_OF = ["--today", "2026-11-27"];

/** A copy of an example (examples/acme-auto by default), committed unless `commit` is false. */
function example(name = "acme-auto", commit = true): string {
  const dir = copyFixture(`examples/${name}`);
  return commit ? gitInit(dir) : dir;
}

function caseRepo(name: string, file: string): string {
  const dir = example();
  copyFileSync(join(FIXTURES, "real-world", name, file), join(dir, file));
  return dir;
}

const report = (stdout: string) => stdout.split("\n").filter((l) => l !== "");

/** The report's line for registers with an issue date (发行日期) and no effective date, which csr then takes from it. */
const effectiveFromIssued = (count: number) =>
  `${count} ${count === 1 ? "file has" : "files have"} no effective date in the register: the effective date (effective) was taken from "发行日期"; where a document took effect on another day, correct it with 'csr set <id> --effective <date>'.`;

describe("csr import of real registers", () => {
  it("02: a hyperlinked cell with rich text is read by its displayed text", async () => {
    const dir = caseRepo("02-xlsx-hyperlink-richtext", "程序文件一览表.xlsx");
    const result = await csrInProcess(["-C", dir, "import", "程序文件一览表.xlsx", ...AS_OF, "--as", "procedures", "--department", "QA", "--dry-run"]);
    expect(report(result.stdout).slice(0, 6)).toEqual([
      "Reading 程序文件一览表.xlsx, sheet 程序文件一览表: header on row 1, data rows: 1.",
      "would write documents/QP-102.yaml",
      effectiveFromIssued(1),
      // The list has no signature columns: the file would fail csr check (doc/approval-missing), and so does the import.
      "1 released document imported without a preparer's or approver's signature (the register has no such columns). Record the signatures of its paper original: csr sign QP-102 --prepared <person> --reviewed <person> --approved <person>. Add --date <date> when the original is dated.",
      "Or record them in this import: add --prepared <person> --reviewed <person> --approved <person> to the command.",
      "Rows to import: 1 of 1; 1 file to be written would have errors (csr check below).",
    ]);
    expect(result.code).toBe(1);
    await csrInProcess(["-C", dir, "import", "程序文件一览表.xlsx", ...AS_OF, "--as", "procedures", "--department", "QA"]);
    expect(parse(readFileSync(join(dir, "documents/QP-102.yaml"), "utf8"))).toMatchObject({ id: "QP-102", title: "记录控制程序", status: "released" });
  });

  it("03: a header over two rows with merged cells; the signatures below 签署 are kept", async () => {
    const dir = caseRepo("03-xlsx-two-row-header", "程序文件一览表.xlsx");
    const result = await csrInProcess(["-C", dir, "import", "程序文件一览表.xlsx", ...AS_OF, "--as", "procedures", "--department", "QA"]);
    expect(report(result.stdout)).toEqual([
      "Reading 程序文件一览表.xlsx, sheet Sheet1: header on row 2, data rows: 1.",
      "wrote documents/QP-101.yaml",
      effectiveFromIssued(1),
      "Imported rows: 1 of 1.",
      // The example's own warnings, DYA-002 put into production after Dongyue's date and the training of BCM-004 and
      // DYA-002 recorded for only some of the people to train, Dongyue's September scorecard and OBJ-04 counting a complaint
      // with no 8D, and C3's audit frequency not reviewed after 8D-2026-001 (15a04413), are counted too; so is QP-101's issue,
      // which the register does not record (doc/not-issued).
      "csr check: errors: 0, warnings: 9 (csr/training-overdue 2, csr/late-for-customer 1, action/complaint-unrecorded 2, doc/duplicate-title 1, doc/not-issued 1, doc/body-on-paper 1, process/audit-frequency-unreviewed 1).",
    ]);
    expect(result.code).toBe(0);
    expect(parse(readFileSync(join(dir, "documents/QP-101.yaml"), "utf8")).revisions).toEqual([
      { version: "A/0", date: "2024-03-01", imported: true, prepared: { by: "chenjing" }, reviewed: { by: "zhangli" }, approved: { by: "wangjg" } },
    ]);
  });

  it("05: bilingual labels split by a space or a line break", async () => {
    const dir = caseRepo("05-bilingual-headers", "文件清单.csv");
    const result = await csrInProcess(["-C", dir, "import", "文件清单.csv", ...AS_OF, "--as", "procedures", "--department", "QA", "--dry-run"]);
    expect(report(result.stdout).slice(0, 2)).toEqual(["Reading 文件清单.csv: header on row 1, data rows: 1.", "would write documents/QP-101.yaml"]);
    expect(result.code).toBe(0);
    const broken = caseRepo("05-bilingual-headers", "文件清单.csv");
    const csv = join(broken, "文件清单.csv");
    writeFileSync(csv, '"文件名称\nDocument Title","文件编号\nDoc. No.","版本\nRev.","发布日期\nIssue Date","编制\nPrepared","批准\nApproved"\n文件控制程序,QP-101,A/0,2024-03-01,chenjing,wangjg\n');
    const lines = await csrInProcess(["-C", broken, "import", "文件清单.csv", ...AS_OF, "--as", "procedures", "--department", "QA", "--dry-run"]);
    expect(report(lines.stdout).slice(0, 2)).toEqual(["Reading 文件清单.csv: header on row 1, data rows: 1.", "would write documents/QP-101.yaml"]);
  });

  it("11: English register labels; a combined Title / Doc-ID column is named; SOP is a procedure, 15.01.2021 a date, 1.0 reported", async () => {
    const dir = caseRepo("11-english-register-template", "document-list.csv");
    copyFileSync(join(FIXTURES, "real-world", "11-english-register-template", "document-list-renamed.csv"), join(dir, "document-list-renamed.csv"));
    expect(await csrInProcess(["-C", dir, "import", "document-list.csv", ...AS_OF, "--as", "documents", "--department", "QA", "--dry-run"])).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "csr: The column 'Title / Doc-ID' holds the title and the number of each document in one cell; csr needs them apart.\n" +
        "hint: Split it into two columns, e.g. Title and Number (文件名称, 文件编号), then import again.\n",
    });
    // The row says the document is in force at version 1.0: not written as a draft without its version, so the corrected row imports.
    const renamed = await csrInProcess(["-C", dir, "import", "document-list-renamed.csv", ...AS_OF, "--as", "documents"]);
    expect(report(renamed.stdout).slice(0, 3)).toEqual([
      "Reading document-list-renamed.csv: header on row 1, data rows: 1.",
      "row 2: '1.0' in Version is not a version like A/0 (letter for the edition, number for the revision: A/0, A1, B/2) — correct the cell and import again (row not imported)",
      "Imported rows: 0 of 1; rows refused: 1, conflicts with existing files: 0.",
    ]);
    writeFileSync(join(dir, "document-list-renamed.csv"), readFileSync(join(dir, "document-list-renamed.csv"), "utf8").replace(",1.0,", ",A/0,"));
    expect((await csrInProcess(["-C", dir, "import", "document-list-renamed.csv", ...AS_OF, "--as", "documents"])).stdout).toContain("wrote documents/SOP-001.yaml");
    expect(parse(readFileSync(join(dir, "documents/SOP-001.yaml"), "utf8"))).toMatchObject({
      id: "SOP-001",
      title: "Document and Record Control",
      level: 2,
      kind: "procedure",
      department: "QA",
      status: "released",
      revisions: [{ version: "A/0", date: "2021-01-15", imported: true }],
    });
  });

  it("13: names padded with spaces (also U+3000) find the people", async () => {
    const dir = caseRepo("13-padded-names", "文件清单.csv");
    const result = await csrInProcess(["-C", dir, "import", "文件清单.csv", ...AS_OF, "--as", "procedures", "--department", "QA"]);
    expect(result.code).toBe(0);
    expect(parse(readFileSync(join(dir, "documents/QP-101.yaml"), "utf8")).revisions[0]).toMatchObject({
      prepared: { by: "chenjing" },
      reviewed: { by: "zhangli" },
      approved: { by: "wangjg" },
    });
  });

  it("--commit commits the files it wrote and nothing else; -y is accepted like by every writing command", async () => {
    const dir = caseRepo("13-padded-names", "文件清单.csv");
    const result = await csrInProcess(["-C", dir, "import", "文件清单.csv", ...AS_OF, "--as", "procedures", "--department", "QA", "--commit", "-y"]);
    expect(result.code).toBe(0);
    expect(git(dir, ["log", "-1", "--format=%s"])).toBe("import 文件清单.csv: 1 file\n");
    expect(git(dir, ["show", "--name-only", "--format=", "HEAD"])).toBe("documents/QP-101.yaml\n");
    expect(git(dir, ["status", "--porcelain"])).toBe("?? 文件清单.csv\n");
  });

  it("19: zero-width spaces in numbers and departments are removed where values are looked up, and said", async () => {
    const dir = caseRepo("19-zero-width-space", "清单.csv");
    const result = await csrInProcess(["-C", dir, "import", "清单.csv", ...AS_OF, "--as", "procedures"]);
    expect(report(result.stdout).slice(0, 8)).toEqual([
      "Reading 清单.csv: header on row 1, data rows: 2.",
      "wrote documents/QP-101.yaml",
      "wrote documents/QP-102.yaml",
      "These values of the register are recorded in csr's format, as on the right of the arrow:",
      "  文件编号 'QP-101<U+200B>' → QP-101 (row 2)",
      "  部门 '品质部<U+200B>' → QA (row 3)",
      effectiveFromIssued(2),
      "Imported rows: 2 of 2.",
    ]);
    expect(result.code).toBe(0);
    expect(parse(readFileSync(join(dir, "documents/QP-102.yaml"), "utf8"))).toMatchObject({ id: "QP-102", department: "QA" });
  });

  it("footer rows (以下空白, 合计, sign-off lines) end the data and are not refused", async () => {
    const dir = caseRepo("13-padded-names", "文件清单.csv");
    writeFileSync(
      join(dir, "清单.csv"),
      "文件名称,文件编号,版本,发行日期\n文件控制程序,QP-101,A/0,2024-03-01\n以下空白,,,\n合计：1份,,,\n编制：陈静,审核：张丽,批准：王建国,\n",
    );
    const result = await csrInProcess(["-C", dir, "import", "清单.csv", ...AS_OF, "--as", "procedures", "--department", "QA", "--dry-run"]);
    expect(report(result.stdout).slice(0, 6)).toEqual([
      "Reading 清单.csv: header on row 1, data rows: 1.",
      "The sign-off on row 5 (编制：陈静 审核：张丽 批准：王建国) signs the register itself, not its documents: not imported.",
      "would write documents/QP-101.yaml",
      effectiveFromIssued(1),
      // The sign-off line under the table is the register's own, not the document's: its signatures are still to record.
      "1 released document imported without a preparer's or approver's signature (the register has no such columns). Record the signatures of its paper original: csr sign QP-101 --prepared <person> --reviewed <person> --approved <person>. Add --date <date> when the original is dated.",
      "Or record them in this import: add --prepared <person> --reviewed <person> --approved <person> to the command.",
    ]);
    expect(result.code).toBe(1);
    // An English register's sign-off line, as csr export --lang en writes it (tester15 #5: it was read as a row without a number).
    writeFileSync(join(dir, "清单.csv"), "文件名称,文件编号,版本,发行日期\n文件控制程序,QP-101,A/0,2024-03-01\nPrepared by: ________,Reviewed by: ________,Approved by: ________,\n");
    const english = await csrInProcess(["-C", dir, "import", "清单.csv", ...AS_OF, "--as", "procedures", "--department", "QA", "--dry-run"]);
    expect(report(english.stdout).slice(0, 2)).toEqual(["Reading 清单.csv: header on row 1, data rows: 1.", "would write documents/QP-101.yaml"]);
  });

  it("GJB list: the 三级文件及四级表单 column becomes the procedure's related documents and forms, by number or by title", async () => {
    const dir = example("gjb-demo", false);
    for (const n of ["008", "009", "010"]) rmSync(join(dir, `documents/procedures/CS_QP-${n}.yaml`));
    gitInit(dir);
    copyFileSync(join(FIXTURES, "real-world", "gjb-procedure-list", "程序文件一览表.csv"), join(dir, "程序文件一览表.csv"));
    const result = await csrInProcess(["-C", dir, "import", "程序文件一览表.csv", ...AS_OF, "--as", "procedures"]);
    expect(report(result.stdout)).toEqual([
      "Reading 程序文件一览表.csv: header on row 2, data rows: 3.",
      "wrote documents/CS_QP-008.yaml",
      "wrote documents/CS_QP-009.yaml",
      "wrote documents/CS_QP-010.yaml",
      "row 5: '年度试制总结' in 三级文件及四级表单 names no document by number or title — kept in the remarks of CS/QP-010; add the document, then its number to related or forms",
      "3 documents written as drafts, as the register gives neither a status nor a version: CS/QP-008, CS/QP-009, CS/QP-010. For each one in use, add its current version to the register (from the paper original), or give the version in use of the rows without one with --version-in-use <version>, delete these drafts (documents/CS_QP-008.yaml, documents/CS_QP-009.yaml, documents/CS_QP-010.yaml) and import again: the version is then written as released before csr (csr release would record a release today, which is not what happened). Until then csr check reports the released documents that refer to them (doc/unreleased-referenced).",
      "Imported rows: 3 of 3.",
      // The list gives no version: the released manual and CS/QP-013 refer to procedures the
      // repository holds as drafts until their release is recorded. Those files were not written
      // by the import, so it exits 0.
      "csr check: errors: 4, warnings: 1 (csr/source-unreviewed 1, doc/unreleased-referenced 4).",
      ...[
        ["documents/CS_QM-001.yaml:187:5", "CS/QM-001", "CS/QP-008"],
        ["documents/CS_QM-001.yaml:188:5", "CS/QM-001", "CS/QP-009"],
        ["documents/CS_QM-001.yaml:189:5", "CS/QM-001", "CS/QP-010"],
        ["documents/procedures/CS_QP-013.yaml:65:22", "CS/QP-013", "CS/QP-009"],
      ].map(
        ([at, from, to]) =>
          `  ${at} doc/unreleased-referenced ${from} refers to ${to}, which has never been released (draft). Release ${to} first ('csr release ${to}'), or remove the reference and release a new revision of ${from}.`,
      ),
    ]);
    expect(result.code).toBe(0);
    const procedure = (n: string) => parse(readFileSync(join(dir, `documents/CS_QP-${n}.yaml`), "utf8"));
    // Titles only, several in one line: looked up among the repository's documents.
    expect(procedure("008")).toMatchObject({ related: ["CS/WI-001"], forms: ["CS/QR-008-01", "CS/QR-008-02", "CS/QR-008-03"] });
    // Number and title per line; a title with 、 inside stays one title.
    expect(procedure("009")).toMatchObject({ related: ["CS/WI-003"], forms: ["CS/QR-009-01"] });
    // More titles after a numbered one; the one that names nothing is kept, not dropped.
    expect(procedure("010")).toMatchObject({ related: ["CS/WI-002"], forms: ["CS/QR-010-01", "CS/QR-010-02", "CS/QR-010-03"], remarks: "三级文件及四级表单：年度试制总结" });
  });

  it("a signer not in people.yaml is kept as written; --add-people adds them to people.yaml, keeping the file as it was", async () => {
    const dir = example();
    writeFileSync(
      join(dir, "清单.csv"),
      "文件名称,文件编号,版本,编制,审核,批准,发行日期,部门\n" +
        "文件控制程序,QP-101,A/0,赵　六,张丽,John  Smith,2024-03-01,品质部\n" +
        "记录控制程序,QP-102,A/0,赵六,钱七,王建国,2024-03-01,\n",
    );
    const people = readFileSync(join(dir, "people.yaml"), "utf8");
    const dry = await csrInProcess(["-C", dir, "import", "清单.csv", ...AS_OF, "--as", "procedures", "--dry-run"]);
    expect(report(dry.stdout).slice(3, 8)).toEqual([
      "row 2: prepared by '赵　六' is not in people.yaml — kept as 赵六; add the person with 'csr person add', or import with --add-people",
      "row 2: approved by 'John  Smith' is not in people.yaml — kept as John Smith; add the person with 'csr person add', or import with --add-people",
      "row 3: QP-102 has no department — the file has none; fill 'department' in documents/QP-102.yaml (or import with --department CODE)",
      "row 3: prepared by '赵六' is not in people.yaml — kept as 赵六; add the person with 'csr person add', or import with --add-people",
      "row 3: reviewed by '钱七' is not in people.yaml — kept as 钱七; add the person with 'csr person add', or import with --add-people",
    ]);
    // QP-102 would lack its department (schema/missing-field), and the unknown signers are errors until added.
    expect(dry.code).toBe(1);
    expect(readFileSync(join(dir, "people.yaml"), "utf8")).toBe(people);

    const result = await csrInProcess(["-C", dir, "import", "清单.csv", ...AS_OF, "--as", "procedures", "--add-people"]);
    expect(result.code).toBe(1);
    expect(report(result.stdout).slice(3, 10)).toEqual([
      "row 3: QP-102 has no department — the file has none; fill 'department' in documents/QP-102.yaml (or import with --department CODE)",
      effectiveFromIssued(2),
      "Added to people.yaml (check each department and role):",
      "  赵六: Quality Assurance, roles author (rows 2, 3)",
      "  John Smith: Quality Assurance, roles approver (row 2)",
      "Not added to people.yaml: no department is known for them (import with --department CODE, or add them by hand):",
      "  钱七 (row 3)",
    ]);
    expect(parse(readFileSync(join(dir, "documents/QP-101.yaml"), "utf8")).revisions[0]).toMatchObject({ prepared: { by: "赵六" }, reviewed: { by: "zhangli" }, approved: { by: "John Smith" } });
    const written = readFileSync(join(dir, "people.yaml"), "utf8");
    expect(written).toBe(
      people +
        "  - id: 赵六\n    name: 赵六\n    department: QA\n    roles: [author]\n" +
        "  - id: John Smith\n    name: John Smith\n    department: QA\n    roles: [approver]\n",
    );
    // The ids fit the schema; only what the register does not say is left for csr check (and QP-101
    // takes the title of a procedure of the example: doc/duplicate-title), besides the example's own warnings (DYA-002 late,
    // BCM-004 and DYA-002 partly trained; DYA-005, met by its agreed alternative, not trained for the two people added to 品质部;
    // Dongyue's September scorecard and OBJ-04 counting a complaint with no 8D, tester82 A2; C3's audit frequency not reviewed
    // after the complaint 8D-2026-001, 15a04413).
    const rules = new Set((await checkJsonInProcess(dir, ...AS_OF)).findings.map((f) => `${f.file} ${f.rule}`));
    expect([...rules].sort()).toEqual(["csr/BCM/BCM-004.yaml csr/training-overdue", "csr/DYA/DYA-002.yaml csr/late-for-customer", "csr/DYA/DYA-002.yaml csr/training-overdue", "csr/DYA/DYA-005.yaml csr/training-overdue", "customers/DYA.yaml action/complaint-unrecorded", "documents/QP-101.yaml doc/body-on-paper", "documents/QP-101.yaml doc/duplicate-title", "documents/QP-101.yaml doc/not-issued", "documents/QP-102.yaml schema/missing-field", "objectives.yaml action/complaint-unrecorded", "processes.yaml process/audit-frequency-unreviewed"]);
  });

  it("a CSR list keeps disposition, decision, owner, due date and where addressed; a decided CSR is not overdue", async () => {
    // The rules that count to today on: the check below gives its day.
    const dir = committedFixture("examples/acme-auto");
    writeFileSync(
      join(dir, "顾客特定要求清单.csv"),
      "编号,要求名称,顾客代码,来源文件,条款,接收日期,处置,决定人,决定日期,负责人,完成期限,落实文件\n" +
        'DYA-101,特殊特性标注,DYA,DYA-SC,8.3.3.3,2024-05-06,必须满足,徐海涛,2024-05-13,周 鹏,2024-06-30,"QP-014 5.2 符号转换\nQR-014-01"\n' +
        "DYA-102,年度质量目标,DYA,DYA-KPI,6.2.2.1,2024-05-06,,,,,,\n",
    );
    const result = await csrInProcess(["-C", dir, "import", "顾客特定要求清单.csv", ...AS_OF, "--as", "csr"]);
    expect(report(result.stdout).slice(0, 6)).toEqual([
      "Reading 顾客特定要求清单.csv: header on row 1, data rows: 2.",
      "wrote csr/DYA/DYA-101.yaml",
      "wrote csr/DYA/DYA-102.yaml",
      "The list names no review record (评审记录) for 1 decided CSR: its review.record says '从 顾客特定要求清单.csv 第 N 行导入' in place of the departments' opinions (会签), so csr check accepts the decision.",
      "Record the signed record when you have it with 'csr review <id> --record <number> --record-form <form>', or import a list with a 评审记录编号 column.",
      "Imported rows: 2 of 2; 2 files written have errors (csr check below).",
    ]);
    expect(result.code).toBe(1);
    const imported = parse(readFileSync(join(dir, "csr/DYA/DYA-101.yaml"), "utf8"));
    expect(imported).toMatchObject({
      review: { record: { note: "从 顾客特定要求清单.csv 第 2 行导入" }, decision: { disposition: "must", by: "xuht", date: "2024-05-13" } },
      addressed: [{ document: "QP-014", section: "5.2 符号转换" }, { document: "QR-014-01" }],
      implementation: { owner: "zhoupeng", due: "2024-06-30" },
    });
    const overdue = (await checkJsonInProcess(dir, "--today", "2026-11-27")).findings.filter((f) => f.rule === "csr/review-overdue" || f.rule === "csr/implementation-overdue");
    expect(overdue.map((f) => `${f.file} ${f.rule}`)).toEqual(["csr/DYA/DYA-101.yaml csr/implementation-overdue", "csr/DYA/DYA-102.yaml csr/review-overdue"]);
  });

  it("names the customer a short or longer name in a CSR list may mean, without taking it for the row (tester16 F23)", async () => {
    const dir = example();
    writeFileSync(
      join(dir, "清单.csv"),
      "编号,要求名称,顾客,来源文件,条款,接收日期\n" +
        "DYA-101,特殊特性标注,东岳,DYA-SC,8.3.3.3,2024-05-06\n" +
        "DYA-102,包装标签,东岳汽车股份有限公司（武汉工厂）,DYA-SC,8.5.4,2024-05-06\n" +
        "BCM-101,交付要求,汽车,BCM-SPA,8.5.4,2024-05-06\n",
    );
    const result = await csrInProcess(["-C", dir, "import", "清单.csv", "--as", "csr", "--dry-run"], { lang: "zh-CN" });
    expect(report(result.stdout).filter((line) => line.startsWith("第 "))).toEqual([
      "第 2 行：顾客 '东岳' 在 customers/ 下没有文件；是否指 DYA（东岳汽车股份有限公司）？请把该列改为顾客代码或全称，再重新导入（该行未导入）",
      "第 3 行：顾客 '东岳汽车股份有限公司（武汉工厂）' 在 customers/ 下没有文件；是否指 DYA（东岳汽车股份有限公司）？请把该列改为顾客代码或全称，再重新导入（该行未导入）",
      "第 4 行：顾客 '汽车' 在 customers/ 下没有文件；是否指 BCM（北辰汽车集团有限公司）或 DYA（东岳汽车股份有限公司）？请把该列改为顾客代码或全称，再重新导入（该行未导入）",
    ]);
    expect(result.code).toBe(1);
  });

  it("reports a CSR list's kept, changed and refused rows in the user's language, with the same row numbers", async () => {
    const dir = example();
    writeFileSync(
      join(dir, "顾客特定要求清单.csv"),
      "编号,要求名称,顾客代码,来源文件,条款,接收日期,处置,决定人,决定日期,完成期限\n" +
        "DYA-101,特殊特性标注,DYA,DYA-SC,8.3.3.3,2024-05-06,必须满足,徐海涛,2024-05-13,2024年6月底\n" +
        "DYA-102,年度质量目标,DYA,DYA-KPI,6.2.2.1,2024-05-06,不适用,徐海涛,2024-05-13,\n" +
        "XYZ-001,包装要求,XYZ,XYZ-PK,8.5.4,2024-05-06,,,,\n" +
        "DYA-103,质量目标分解,DYA,DYA-KPI,6.2.2.1,2024-05-06,必须满足,徐海涛,2024-05-13,2024-06-30\n",
    );
    const run = async (lang: "zh-CN" | "en") => {
      const result = await csrInProcess(["-C", dir, "import", "顾客特定要求清单.csv", ...AS_OF, "--as", "csr", "--dry-run"], { lang });
      expect(result.code).toBe(1);
      return report(result.stdout).slice(0, 9);
    };
    // The list names no revision: both CSRs take their source's current one, which was received after them (date/received-before-source).
    expect(await run("zh-CN")).toEqual([
      "读取 顾客特定要求清单.csv：表头在第 1 行，数据 4 行。",
      "将写入 csr/DYA/DYA-103.yaml",
      "第 2 行：“完成期限”中的 '2024年6月底' 不是 2021-05-05 这样的日期，请更正该单元格后重新导入（该行未导入）",
      "第 3 行：“处置”写了 '不适用'，但清单缺少处置理由（“处置理由”列），结论无法记录；请填写这些单元格后重新导入（或清空“处置”，导入后用 csr review 记录结论）（该行未导入）",
      "第 4 行：顾客 'XYZ' 在 customers/ 下没有文件：请先用 csr customer add <代码> --name 'XYZ' 登记该顾客，再重新导入（该行未导入）",
      "清单没有写明 1 条已有结论的 CSR 的评审记录（评审记录编号）：其 review.record 将记为 '从 顾客特定要求清单.csv 第 N 行导入'，代替各部门的会签意见，因此 csr check 接受这些结论。",
      "找到签字的评审记录后，请用 'csr review <编号> --record <记录编号> --record-form <表单编号>' 登记；或导入带“评审记录编号”列的清单。",
      "将导入 4 行中的 1 行；拒绝 3 行，与现有文件冲突 0 处；将写入的文件中有 1 个会存在错误（见下方 csr check）。",
      "试运行：未写入任何文件。",
    ]);
    expect(await run("en")).toEqual([
      "Reading 顾客特定要求清单.csv: header on row 1, data rows: 4.",
      "would write csr/DYA/DYA-103.yaml",
      "row 2: '2024年6月底' in 完成期限 is not a date like 2021-05-05 — correct the cell and import again (row not imported)",
      "row 3: 处置 says '不适用' but the list lacks the reason (处置理由), so the decision cannot be recorded — fill the cells and import again (or empty 处置 and record the decision with csr review after import) (row not imported)",
      "row 4: customer 'XYZ' has no file in customers/ — register it with csr customer add <code> --name 'XYZ' first, then import again (row not imported)",
      "The list names no review record (评审记录) for 1 decided CSR: its review.record would say '从 顾客特定要求清单.csv 第 N 行导入' in place of the departments' opinions (会签), so csr check accepts the decision.",
      "Record the signed record when you have it with 'csr review <id> --record <number> --record-form <form>', or import a list with a 评审记录编号 column.",
      "Rows to import: 1 of 4; rows refused: 3, conflicts with existing files: 0; 1 file to be written would have errors (csr check below).",
      "Dry run: nothing was written.",
    ]);
  });
});
