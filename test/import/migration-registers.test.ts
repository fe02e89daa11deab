/**
 * A company's own registers imported whole (tester76, 华宏电子: IATF 16949 + GJB 9001C, registers kept in Excel):
 * a value is kept, or the report says why not, one line per root cause — the clause of a register in a repository
 * of two standards (M2), a row for a document the repository holds already (M5), version spellings (M6), header
 * synonyms (M7), unknown departments and department aliases (M8), a 备注 that only says 作废 and a title row's date (M10).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { normalizeVersion } from "../../src/import/normalize.js";
import { standardOfHeader } from "../../src/import/plan.js";
import { csrInProcess, gitInit, minimalRepo, tempDir } from "../helpers.js";

const qms = (standards: string, departments = "") =>
  [
    "organisation:",
    "  name: 华宏电子有限公司",
    `standards: [${standards}]`,
    "departments:",
    "  - { code: QA, name: 品质部 }",
    "  - { code: MKT, name: 市场部 }",
    departments || "  - { code: PRD, name: 生产部 }",
    "numbering:",
    "  - { kind: procedure, pattern: HH-QP-### }",
    "  - { kind: form, pattern: HH-QR-###-## }",
    "calendar: { base: none }",
    "",
  ].join("\n");

const AS_OF = ["--today", "2026-12-04"];
const lines = (stdout: string) => stdout.split("\n").filter((l) => l !== "");
const yamlOf = (dir: string, path: string) => parse(readFileSync(join(dir, path), "utf8"));

function register(text: string): string {
  const file = join(tempDir(), "程序文件一览表.csv");
  writeFileSync(file, text);
  return file;
}

describe("a bare clause in a repository of IATF 16949 and GJB 9001C names no standard (tester76 M2)", () => {
  const rows = ["文件编号,文件名称,版本,发布日期,编制部门,CLAUSE", "HH-QP-001,文件控制程序,A/1,2023-06-15,品质部,IATF 16949 7.5.3、GJB 9001C-2017 7.5.3", "HH-QP-004,不合格品控制程序,A/2,2022-11-08,品质部,8.7", "HH-QP-009,设计和开发控制程序,A/1,2023-07-20,品质部,8.3、第7.2条", ""];
  const csv = (header: string) => register(rows.join("\n").replace("CLAUSE", header));

  it("is refused in one line naming the standards and the rows, nothing written; --standard says which", async () => {
    const dir = minimalRepo({ "qms.yaml": qms("IATF16949, GJB9001C") });
    const file = csv("适用标准条款");
    const refused = await csrInProcess(["-C", dir, "import", file, ...AS_OF, "--as", "procedures"], { lang: "zh-CN" });
    expect(refused.stdout).toBe("");
    expect(refused.stderr).toBe(
      "csr: qms.yaml 列有多个标准（IATF16949、GJB9001C），清单中以下条款未写明标准：第 3 行（8.7）、第 4 行（8.3、第7.2条）。请用 --standard IATF16949 或 --standard GJB9001C 指明这些条款所属的标准后重新导入，或在条款列的列名中写明标准（如“标准条款（GJB 9001C）”），或在单元格中写明（如“GJB 9001C 8.3”）。\n",
    );
    expect(refused.code).toBe(2);

    const given = await csrInProcess(["-C", dir, "import", file, ...AS_OF, "--as", "procedures", "--standard", "GJB9001C"], { lang: "zh-CN" });
    expect(given.stderr).toBe("");
    expect(yamlOf(dir, "documents/HH-QP-001.yaml").clauses).toEqual(["IATF16949:7.5.3", "GJB9001C:7.5.3"]);
    expect(yamlOf(dir, "documents/HH-QP-004.yaml").clauses).toEqual(["GJB9001C:8.7"]);
    expect(yamlOf(dir, "documents/HH-QP-009.yaml").clauses).toEqual(["GJB9001C:8.3", "GJB9001C:7.2"]);
  });

  it("a clause column headed with its standard (标准条款（GJB 9001C）) reads its bare clauses as of it", async () => {
    const dir = minimalRepo({ "qms.yaml": qms("IATF16949, GJB9001C") });
    const result = await csrInProcess(["-C", dir, "import", csv("标准条款（GJB 9001C）"), ...AS_OF, "--as", "procedures"], { lang: "en" });
    expect(result.stderr).toBe("");
    expect(yamlOf(dir, "documents/HH-QP-004.yaml").clauses).toEqual(["GJB9001C:8.7"]);
    expect(yamlOf(dir, "documents/HH-QP-009.yaml").clauses).toEqual(["GJB9001C:8.3", "GJB9001C:7.2"]);
    expect(standardOfHeader("IATF 16949 条款", ["IATF16949", "GJB9001C"])).toBe("IATF16949");
    expect(standardOfHeader("条款（IATF16949/GJB9001C）", ["IATF16949", "GJB9001C"])).toBeUndefined();
    expect(standardOfHeader("标准条款", ["IATF16949", "GJB9001C"])).toBeUndefined();
  });

  it("with one standard a bare clause is of it, as before", async () => {
    const dir = minimalRepo({ "qms.yaml": qms("IATF16949") });
    const result = await csrInProcess(["-C", dir, "import", csv("条款号"), ...AS_OF, "--as", "procedures"], { lang: "zh-CN" });
    expect(result.stderr).toBe("");
    expect(result.stdout).not.toContain("未导入的列");
    expect(yamlOf(dir, "documents/HH-QP-004.yaml").clauses).toEqual(["IATF16949:8.7"]);
  });
});

describe("a row for a document the repository holds says how it differs, or is counted when it does not (tester76 M5)", () => {
  it("a newer version on paper names csr release; a changed title is said; an identical row is a count", async () => {
    const dir = minimalRepo({ "qms.yaml": qms("IATF16949") });
    const first = register(["文件编号,文件名称,版本,发布日期,编制部门,条款", "HH-QP-001,文件控制程序,A/1,2023-06-15,品质部,7.5.3", "HH-QP-002,记录控制程序,A/1,2024-03-01,品质部,7.5.3.2.1", "HH-QP-003,顾客特定要求管理程序,B/0,2024-03-01,市场部,4.3.2", ""].join("\n"));
    expect((await csrInProcess(["-C", dir, "import", first, ...AS_OF, "--as", "procedures"], { lang: "zh-CN" })).stderr).toBe("");
    gitInit(dir);
    const second = register(["文件编号,文件名称,版本,发布日期,编制部门,条款", "HH-QP-001,文件控制程序,A/2,2026-11-20,品质部,7.5.3", "HH-QP-002,记录控制程序,A/1,2024-03-01,品质部,7.5.3.2.1", "HH-QP-003,顾客特定要求控制程序,B/0,2024-03-01,市场部,4.3.2", ""].join("\n"));
    const result = await csrInProcess(["-C", dir, "import", second, ...AS_OF, "--as", "procedures"], { lang: "zh-CN" });
    const out = lines(result.stdout);
    expect(out.filter((l) => l.startsWith("第 "))).toEqual([
      "第 2 行：HH-QP-001 清单为 A/2（2026-11-20），仓库为 A/1（2023-06-15）；纸质文件已换版的，请用 'csr release HH-QP-001 --summary <修订内容> --date 2026-11-20' 记录（该行未导入）",
      "第 4 行：HH-QP-003 名称清单为“顾客特定要求控制程序”，仓库为“顾客特定要求管理程序”；仓库中的文件未改动；以清单为准的，请更正 documents/HH-QP-003.yaml（该行未导入）",
    ]);
    expect(out).toContain("已导入 3 行中的 0 行；拒绝 0 行，与现有文件冲突 2 处；1 行与仓库中的文件相同，未重复导入。");
    expect(yamlOf(dir, "documents/HH-QP-001.yaml").revisions.map((r: { version: string }) => r.version)).toEqual(["A/1"]);
    expect(result.code).toBe(1);

    const again = await csrInProcess(["-C", dir, "import", first, ...AS_OF, "--as", "procedures", "--dry-run"], { lang: "en" });
    expect(lines(again.stdout).filter((l) => l.startsWith("row "))).toEqual([]);
    expect(again.stdout).toContain("Rows to import: 0 of 3; rows as the repository has them already, not imported again: 3.");
    expect(again.code).toBe(0);
  });
});

describe("A版1次 and its kin are A/1 in registers as in Word headers (tester76 M6)", () => {
  it("reads each spelling and says it", async () => {
    expect(["A版1次", "A版第1次", "第A版第1次修订", "A版 第1次修改", "A/1版", "a1", "Ａ／１"].map(normalizeVersion)).toEqual(["A/1", "A/1", "A/1", "A/1", "A/1", "A/1", "A/1"]);
    expect(["A版0次", "B版", "第B版"].map(normalizeVersion)).toEqual(["A/0", "B/0", "B/0"]);
    expect(["1.0", "A版1", "第1次"].map(normalizeVersion)).toEqual([undefined, "A/1", undefined]);
    const dir = minimalRepo({ "qms.yaml": qms("IATF16949") });
    const file = register(["文件编号,文件名称,版本/版次,发布日期,编制部门", "HH-QP-002,记录控制程序,A版1次,2024-03-01,品质部", "HH-QP-003,设计控制程序,第B版第2次修订,2024-03-01,品质部", ""].join("\n"));
    const result = await csrInProcess(["-C", dir, "import", file, ...AS_OF, "--as", "procedures"], { lang: "zh-CN" });
    const out = lines(result.stdout);
    const at = out.indexOf("清单中以下写法已按 csr 的格式读取，文件中记为箭头右边的值：");
    expect(out.slice(at + 1, at + 3)).toEqual(["  “版本/版次”中的 'A版1次' → A/1（第 2 行）", "  “版本/版次”中的 '第B版第2次修订' → B/2（第 3 行）"]);
    expect(yamlOf(dir, "documents/HH-QP-003.yaml").revisions[0].version).toBe("B/2");
  });
});

describe("column names: 适用标准条款 and the like are the clause column; a column not read points to docs/import.md (tester76 M7)", () => {
  it("names the columns not imported with where the names csr reads are listed", async () => {
    const dir = minimalRepo({ "qms.yaml": qms("IATF16949") });
    const file = register(["文件编号,文件名称,版本,发布日期,编制部门,对应标准条款,页数", "HH-QP-001,文件控制程序,A/1,2023-06-15,品质部,7.5.3,12", ""].join("\n"));
    const zh = await csrInProcess(["-C", dir, "import", file, ...AS_OF, "--as", "procedures", "--dry-run"], { lang: "zh-CN" });
    expect(lines(zh.stdout)[1]).toBe("未导入的列：页数（csr 按列名读取，各类清单读取的列名见 docs/import.md 的“Column names”表）。");
    const en = await csrInProcess(["-C", dir, "import", file, ...AS_OF, "--as", "procedures", "--dry-run"], { lang: "en" });
    expect(lines(en.stdout)[1]).toBe("Columns not imported: 页数 (csr reads a column by its name: the names each kind of register is read by are in docs/import.md, 'Column names').");
    expect(readFileSync(join(import.meta.dirname, "../../docs/import.md"), "utf8")).toContain("`适用标准条款`");
  });
});

describe("departments: an unknown 保存部门 is named with the fix; a former name in qms.yaml aliases is read and said (tester76 M8)", () => {
  it("names 行政部 as no department of qms.yaml with the fix, and reads 制造部 as PRD by its alias", async () => {
    const dir = minimalRepo({ "qms.yaml": qms("IATF16949", "  - { code: PRD, name: 生产部, aliases: [制造部] }") });
    const file = join(tempDir(), "记录清单.csv");
    writeFileSync(file, ["表单编号,表单名称,版本,所属程序,保存部门,保存期限", "HH-QR-005-01,首件检验记录,A/2,HH-QP-005,制造部,3年", "HH-QR-007-01,培训记录,A/0,HH-QP-007,行政部,5年", ""].join("\n"));
    const result = await csrInProcess(["-C", dir, "import", file, ...AS_OF, "--as", "forms"], { lang: "zh-CN" });
    const out = lines(result.stdout);
    expect(out).toContain(
      "第 3 行：HH-QR-007-01 的“保存部门”'行政部' 不是 qms.yaml 中的部门：记为记录的存放处，文件中不写部门。如是部门，请用 'csr department add <代码> --name \"行政部\"' 添加，或在 qms.yaml 中把它写入现有部门的 aliases（原名、简称），然后重新导入；否则请在 documents/HH-QR-007-01.yaml 中填写 'department'（或用 --department CODE 导入）",
    );
    expect(yamlOf(dir, "documents/HH-QR-007-01.yaml").record.location).toBe("行政部");
    expect(out).toContain("  “保存部门”中的 '制造部' → PRD（第 2 行）");
    expect(yamlOf(dir, "documents/HH-QR-005-01.yaml").department).toBe("PRD");
    expect(out.some((l) => l.includes("HH-QR-007-01 没有部门"))).toBe(false);
  });
});

describe("a 备注 that only says 作废 gives no reason; a title row's 更新日期 is said (tester76 M10)", () => {
  it("refuses the withdrawn row naming the missing 作废原因, and says the register's own date", async () => {
    const dir = minimalRepo({ "qms.yaml": qms("IATF16949") });
    const file = register(
      ["华宏电子有限公司 程序文件一览表,,,,,,", "文件类别：二级文件　　　更新日期：2024年3月1日,,,,,,", "文件编号,文件名称,版本,发布日期,编制部门,作废日期,备注", "HH-QP-001,文件控制程序,A/1,2023-06-15,品质部,,", "HH-QP-008,老版检验控制程序,A/0,2019-03-01,品质部,2024-03-01,作废", ""].join("\n"),
    );
    const result = await csrInProcess(["-C", dir, "import", file, ...AS_OF, "--as", "procedures"], { lang: "zh-CN" });
    const out = lines(result.stdout);
    expect(out).toContain("第 2 行的“更新日期：2024年3月1日”是清单本身的日期，不是各文件的：已读取，未导入（各文件的日期读自其发布日期等列；csr 打印清单时写明截至日期）。");
    expect(out).toContain(
      "第 5 行：HH-QP-008 已作废（“备注”写明 '作废'），但没有“作废原因”：作废文件要记下作废日期和原因（与 csr obsolete 所记相同），不能按现行文件导入。请增加“作废原因”列并填写后重新导入（该行未导入）",
    );
    const reasoned = register(["文件编号,文件名称,版本,发布日期,编制部门,作废日期,备注", "HH-QP-008,老版检验控制程序,A/0,2019-03-01,品质部,2024-03-01,作废，并入HH-QP-004", ""].join("\n"));
    await csrInProcess(["-C", dir, "import", reasoned, ...AS_OF, "--as", "procedures"], { lang: "zh-CN" });
    expect(yamlOf(dir, "documents/HH-QP-008.yaml").obsolete).toEqual({ date: "2024-03-01", reason: "作废，并入HH-QP-004", superseded_by: "HH-QP-004" });
  });
});

describe("a customer's CSR matrix with clause columns marked ● (tester76 M9)", () => {
  it("reads each marked column's clause among the requirement's clauses, says so once, and says a cell that is no mark", async () => {
    const dir = gitInit(minimalRepo({ "qms.yaml": qms("IATF16949") }));
    for (const args of [
      ["customer", "add", "DF", "--name", "东风汽车", "--class", "A", "-y"],
      ["source", "add", "DF", "--id", "DF-SQM", "--title", "东风汽车供应商质量手册", "--revision", "2024版", "--issued", "2024-02-20", "--received", "2024-03-01", "--department", "QA", "-y"],
    ]) {
      expect((await csrInProcess(["-C", dir, ...args], { lang: "zh-CN" })).code).toBe(0);
    }
    const file = join(tempDir(), "东风CSR矩阵.csv");
    writeFileSync(
      file,
      ["序号,条款,要求,顾客,来源文件,接收日期,4.3.2,7.5.3,8.7,备注", "1,8.5.1.1,控制计划须经顾客批准后实施,DF,DF-SQM,2024-03-01,,,,须附控制计划批准函", "2,8.7.1.4,返工须有顾客授权,DF,DF-SQM,2024-03-01,,,●,", "3,7.5.3.2.2,顾客标准变更10个工作日内评审,DF,DF-SQM,2024-03-01,√,✓,有,", ""].join("\n"),
    );
    const result = await csrInProcess(["-C", dir, "import", file, ...AS_OF, "--as", "csr", "--dry-run"], { lang: "zh-CN" });
    const out = lines(result.stdout);
    expect(out).toContain("“4.3.2”、“7.5.3”、“8.7”列按条款读取：某行在该列作了标记（●、√、✓、○ 等）的，该条款记入该要求的条款（clauses）。");
    expect(out).toContain("第 4 行：条款列“8.7”中的 '有' 不是标记（●、√、✓、○），该条款未记入");
    // No 评审结论 / 评审日期 columns: the overdue reviews come with the command that records a paper review.
    expect(out).toContain(
      "清单没有“评审结论”“评审日期”列：3 条要求按未评审导入，自接收日期起计评审期限，已逾期。已在纸面评审的，按签字的评审记录逐条补记：csr review <编号> --disposition <must|optional|not-applicable|rejected> --by <批准人> --date <评审日期> --record <评审记录编号>；或在清单中加“评审结论”“评审日期”“评审记录编号”列后重新导入。",
    );
    // The clause columns are read, and 备注 too: a CSR's remarks (tester76 M9), nothing left unread.
    expect(out.some((line) => line.startsWith("未导入的列"))).toBe(false);
    await csrInProcess(["-C", dir, "import", file, ...AS_OF, "--as", "csr"], { lang: "zh-CN" });
    const clauses = (id: string) => yamlOf(dir, `csr/DF/${id}.yaml`).clauses;
    expect([yamlOf(dir, "csr/DF/DF-001.yaml").remarks, yamlOf(dir, "csr/DF/DF-002.yaml").remarks]).toEqual(["须附控制计划批准函", undefined]);
    expect([clauses("DF-001"), clauses("DF-002"), clauses("DF-003")]).toEqual([["IATF16949:8.5.1.1"], ["IATF16949:8.7.1.4", "IATF16949:8.7"], ["IATF16949:7.5.3.2.2", "IATF16949:4.3.2", "IATF16949:7.5.3"]]);
  });
});
