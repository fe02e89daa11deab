/**
 * Registers as suppliers really keep them (test/fixtures/real-world/<case>/, each with the `cmd` and
 * `expect` it was reported with), imported into a copy of the acme-auto example.
 */
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { copyFixture, csr, FIXTURES, git, gitInit } from "../helpers.js";

function caseRepo(name: string, file: string): string {
  const dir = gitInit(copyFixture("examples/acme-auto"));
  copyFileSync(join(FIXTURES, "real-world", name, file), join(dir, file));
  return dir;
}

const report = (stdout: string) => stdout.split("\n").filter((l) => l !== "");

describe("csr import of real registers", () => {
  it("02: a hyperlinked cell with rich text is read by its displayed text", () => {
    const dir = caseRepo("02-xlsx-hyperlink-richtext", "程序文件一览表.xlsx");
    const result = csr(["-C", dir, "import", "程序文件一览表.xlsx", "--as", "procedures", "--department", "QA", "--dry-run"]);
    expect(report(result.stdout).slice(0, 4)).toEqual([
      "Reading 程序文件一览表.xlsx, sheet 程序文件一览表: header on row 1, 1 data row(s).",
      "would write documents/QP-102.yaml",
      "Would import 1 of 1 row(s).",
      "Dry run: nothing was written.",
    ]);
    expect(result.code).toBe(0);
    csr(["-C", dir, "import", "程序文件一览表.xlsx", "--as", "procedures", "--department", "QA"]);
    expect(parse(readFileSync(join(dir, "documents/QP-102.yaml"), "utf8"))).toMatchObject({ id: "QP-102", title: "记录控制程序", status: "released" });
  });

  it("03: a header over two rows with merged cells; the signatures below 签署 are kept", () => {
    const dir = caseRepo("03-xlsx-two-row-header", "程序文件一览表.xlsx");
    const result = csr(["-C", dir, "import", "程序文件一览表.xlsx", "--as", "procedures", "--department", "QA"]);
    expect(report(result.stdout)).toEqual([
      "Reading 程序文件一览表.xlsx, sheet Sheet1: header on row 2, 1 data row(s).",
      "wrote documents/QP-101.yaml",
      "Imported 1 of 1 row(s).",
      "csr check is clean.",
    ]);
    expect(result.code).toBe(0);
    expect(parse(readFileSync(join(dir, "documents/QP-101.yaml"), "utf8")).revisions).toEqual([
      { version: "A/0", date: "2024-03-01", summary: "从现有清单导入", prepared: { by: "chenjing" }, reviewed: { by: "zhangli" }, approved: { by: "wangjg" } },
    ]);
  });

  it("05: bilingual labels split by a space or a line break", () => {
    const dir = caseRepo("05-bilingual-headers", "文件清单.csv");
    const result = csr(["-C", dir, "import", "文件清单.csv", "--as", "procedures", "--department", "QA", "--dry-run"]);
    expect(report(result.stdout).slice(0, 2)).toEqual(["Reading 文件清单.csv: header on row 1, 1 data row(s).", "would write documents/QP-101.yaml"]);
    expect(result.code).toBe(0);
    const broken = caseRepo("05-bilingual-headers", "文件清单.csv");
    const csv = join(broken, "文件清单.csv");
    writeFileSync(csv, '"文件名称\nDocument Title","文件编号\nDoc. No.","版本\nRev."\n文件控制程序,QP-101,A/0\n');
    const lines = csr(["-C", broken, "import", "文件清单.csv", "--as", "procedures", "--department", "QA", "--dry-run"]);
    expect(report(lines.stdout).slice(0, 2)).toEqual(["Reading 文件清单.csv: header on row 1, 1 data row(s).", "would write documents/QP-101.yaml"]);
  });

  it("11: English register labels; a combined Title / Doc-ID column is named; SOP is a procedure, 15.01.2021 a date, 1.0 reported", () => {
    const dir = caseRepo("11-english-register-template", "document-list.csv");
    copyFileSync(join(FIXTURES, "real-world", "11-english-register-template", "document-list-renamed.csv"), join(dir, "document-list-renamed.csv"));
    expect(csr(["-C", dir, "import", "document-list.csv", "--as", "documents", "--department", "QA", "--dry-run"])).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "csr: The column 'Title / Doc-ID' holds the title and the number of each document in one cell; csr needs them apart.\n" +
        "hint: Split it into two columns, e.g. Title and Number (文件名称, 文件编号), then import again.\n",
    });
    const renamed = csr(["-C", dir, "import", "document-list-renamed.csv", "--as", "documents"]);
    expect(report(renamed.stdout).slice(0, 5)).toEqual([
      "Reading document-list-renamed.csv: header on row 1, 1 data row(s).",
      "wrote documents/SOP-001.yaml",
      "row 2: version '1.0' is not a version like A/0 — fix the cell or the file after import",
      "row 2: SOP-001 is written as status: draft: the register gives no status and no revision could be recorded — set status and revisions in the file if it is released",
      "Numbering families found that qms.yaml does not configure; add them under 'numbering:' in qms.yaml:",
    ]);
    expect(parse(readFileSync(join(dir, "documents/SOP-001.yaml"), "utf8"))).toEqual({
      id: "SOP-001",
      title: "Document and Record Control",
      level: 2,
      kind: "procedure",
      department: "QA",
      status: "draft",
    });
  });

  it("13: names padded with spaces (also U+3000) find the people", () => {
    const dir = caseRepo("13-padded-names", "文件清单.csv");
    const result = csr(["-C", dir, "import", "文件清单.csv", "--as", "procedures", "--department", "QA"]);
    expect(result.code).toBe(0);
    expect(parse(readFileSync(join(dir, "documents/QP-101.yaml"), "utf8")).revisions[0]).toMatchObject({
      prepared: { by: "chenjing" },
      reviewed: { by: "zhangli" },
      approved: { by: "wangjg" },
    });
  });

  it("--commit commits the files it wrote and nothing else; -y is accepted like by every writing command", () => {
    const dir = caseRepo("13-padded-names", "文件清单.csv");
    const result = csr(["-C", dir, "import", "文件清单.csv", "--as", "procedures", "--department", "QA", "--commit", "-y"]);
    expect(result.code).toBe(0);
    expect(git(dir, ["log", "-1", "--format=%s"])).toBe("import 文件清单.csv: 1 file(s)\n");
    expect(git(dir, ["show", "--name-only", "--format=", "HEAD"])).toBe("documents/QP-101.yaml\n");
    expect(git(dir, ["status", "--porcelain"])).toBe("?? 文件清单.csv\n");
  });

  it("19: zero-width spaces in numbers and departments are removed where values are looked up", () => {
    const dir = caseRepo("19-zero-width-space", "清单.csv");
    const result = csr(["-C", dir, "import", "清单.csv", "--as", "procedures"]);
    expect(report(result.stdout).slice(0, 4)).toEqual([
      "Reading 清单.csv: header on row 1, 2 data row(s).",
      "wrote documents/QP-101.yaml",
      "wrote documents/QP-102.yaml",
      "Imported 2 of 2 row(s).",
    ]);
    expect(result.code).toBe(0);
    expect(parse(readFileSync(join(dir, "documents/QP-102.yaml"), "utf8"))).toMatchObject({ id: "QP-102", department: "QA" });
  });

  it("footer rows (以下空白, 合计, sign-off lines) end the data and are not refused", () => {
    const dir = caseRepo("13-padded-names", "文件清单.csv");
    writeFileSync(
      join(dir, "清单.csv"),
      "文件名称,文件编号,版本,发行日期\n文件控制程序,QP-101,A/0,2024-03-01\n以下空白,,,\n合计：1份,,,\n编制：陈静,审核：张丽,批准：王建国,\n",
    );
    const result = csr(["-C", dir, "import", "清单.csv", "--as", "procedures", "--department", "QA", "--dry-run"]);
    expect(report(result.stdout).slice(0, 3)).toEqual([
      "Reading 清单.csv: header on row 1, 1 data row(s).",
      "would write documents/QP-101.yaml",
      "Would import 1 of 1 row(s).",
    ]);
    expect(result.code).toBe(0);
  });
});
