/**
 * `csr import` of registers kept in Excel (tester20): a value the register writes is kept as written,
 * read and said, or refused saying why, never altered or dropped silently.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { csrInProcess, minimalRepo, tempDir } from "../helpers.js";

const QMS = [
  "organisation:",
  "  name: 测试汽车零部件有限公司",
  "standards: [IATF16949]",
  "departments:",
  "  - { code: QA, name: 品质部 }",
  "  - { code: MKT, name: 市场部 }",
  "numbering:",
  "  - { kind: procedure, pattern: QP-### }",
  "  - { kind: instruction, pattern: WI-### }",
  "  - { kind: form, pattern: QR-###-## }",
  "calendar: { base: none }",
  "",
].join("\n");

const AS_OF = ["--today", "2026-11-27"];
const lines = (stdout: string) => stdout.split("\n").filter((l) => l !== "");
const yamlOf = (dir: string, path: string) => parse(readFileSync(join(dir, path), "utf8"));

function register(text: string): string {
  const file = join(tempDir(), "register.csv");
  writeFileSync(file, text);
  return file;
}

describe("a row the register marks withdrawn (已作废) is never imported as in force (tester20 F1)", () => {
  it("备注 '已作废，并入QP-009' with a date: an obsolete document superseded by QP-009; without a date the row is refused saying what is missing", async () => {
    const dir = minimalRepo({ "qms.yaml": QMS });
    const withDate = register(
      [
        "文件名称,文件编号,版本,发布日期,归口部门,编制,批准,备注",
        "不合格品控制程序,QP-009,A/0,2024-03-01,品质部,张伟,王强,",
        "纠正措施控制程序,QP-015,A/0,2024-03-01,品质部,张伟,王强,2025-01-01 已作废，并入QP-009",
        "",
      ].join("\n"),
    );
    const result = await csrInProcess(["-C", dir, "import", withDate, ...AS_OF, "--as", "procedures"], { lang: "zh-CN" });
    expect(lines(result.stdout)).toContain("1 个文件在清单中标为作废，按作废文件记录（status: obsolete；作废日期、原因和替代文件见 obsolete）：QP-015。");
    expect(yamlOf(dir, "documents/QP-015.yaml")).toMatchObject({
      status: "obsolete",
      obsolete: { date: "2025-01-01", reason: "2025-01-01 已作废，并入QP-009", superseded_by: "QP-009" },
      revisions: [{ version: "A/0", date: "2024-03-01" }],
    });
    expect(yamlOf(dir, "documents/QP-015.yaml").remarks).toBeUndefined();
    expect(result.code).toBe(0);

    const other = minimalRepo({ "qms.yaml": QMS });
    const noDate = register(["文件名称,文件编号,版本,发布日期,归口部门,备注", "纠正措施控制程序,QP-015,A/0,2024-03-01,品质部,已作废，并入QP-009", ""].join("\n"));
    const refused = await csrInProcess(["-C", other, "import", noDate, ...AS_OF, "--as", "procedures"], { lang: "zh-CN" });
    expect(lines(refused.stdout)).toContain(
      "第 2 行：QP-015 已作废（“备注”写明 '已作废，并入QP-009'），但没有“作废日期”：作废文件要记下作废日期和原因（与 csr obsolete 所记相同），不能按现行文件导入。请增加“作废日期”列并填写后重新导入（该行未导入）",
    );
    expect(existsSync(join(other, "documents/QP-015.yaml"))).toBe(false);
    expect(refused.code).toBe(1);
  });

  it("a 受控状态 column is the status; 作废 with 作废日期 and 作废原因 (a 作废文件清单) is recorded as obsolete, without a date refused", async () => {
    const dir = minimalRepo({ "qms.yaml": QMS });
    const file = register(
      [
        "文件类别,文件编号,文件名称,版本,发布日期,归口部门,受控状态,作废日期,作废原因,备注",
        "作业指导书,WI-010,装配作业指导书,A/0,2024.3.1,品质部,受控,,,",
        "作业指导书,WI-011,焊接作业指导书,A/0,2024.3.1,品质部,作废,2025.6.30,焊接外协,2025年停用",
        "作业指导书,WI-012,喷涂作业指导书,A/0,2024.3.1,品质部,作废,,,2025年停用",
        "",
      ].join("\n"),
    );
    const result = await csrInProcess(["-C", dir, "import", file, ...AS_OF, "--as", "documents"], { lang: "zh-CN" });
    const out = lines(result.stdout);
    expect(out.some((l) => l.includes("未导入的列"))).toBe(false);
    expect(out).toContain(
      "第 4 行：WI-012 已作废（“受控状态”为 '作废'），但没有“作废日期”：作废文件要记下作废日期和原因（与 csr obsolete 所记相同），不能按现行文件导入。请增加“作废日期”列并填写后重新导入（该行未导入）",
    );
    expect(yamlOf(dir, "documents/WI-010.yaml").status).toBe("released");
    expect(yamlOf(dir, "documents/WI-011.yaml")).toMatchObject({ status: "obsolete", obsolete: { date: "2025-06-30", reason: "焊接外协" }, remarks: "2025年停用" });
    expect(existsSync(join(dir, "documents/WI-012.yaml"))).toBe(false);
  });

  it("a remark that only mentions a withdrawal (替代已作废的…) imports the row as listed, and says so", async () => {
    const dir = minimalRepo({ "qms.yaml": QMS });
    const file = register(["文件名称,文件编号,版本,发布日期,归口部门,备注", "不合格品控制程序,QP-009,A/0,2024-03-01,品质部,替代已作废的QP-015", ""].join("\n"));
    const result = await csrInProcess(["-C", dir, "import", file, ...AS_OF, "--as", "procedures"], { lang: "zh-CN" });
    expect(lines(result.stdout)).toContain(
      "第 2 行：QP-009 的“备注”写有 '替代已作废的QP-015'，提到作废；仍按现行文件导入。如果作废的是本文件，请在“状态”列写“作废”并给出作废日期，删去写入的文件后重新导入",
    );
    expect(yamlOf(dir, "documents/QP-009.yaml")).toMatchObject({ status: "released", remarks: "替代已作废的QP-015" });
  });
});

describe("version, clause and level spellings of Chinese registers are read and said (tester20 F2, F20, F21)", () => {
  it("A0, A.0, B1, A版, A/0版 and 第8.5.2条 are recorded as A/0, B/1 and 8.5.2; the report says each spelling once with its rows", async () => {
    const dir = minimalRepo({ "qms.yaml": QMS });
    const file = register(
      [
        "文件名称,文件编号,版本,发布日期,归口部门,对应条款,编制,批准",
        "文件控制程序,QP-001,A0,2024-03-01,品质部,7.5,张伟,王强",
        "记录控制程序,QP-002,A.0,2024-03-01,品质部,7.5.3,张伟,王强",
        "合同评审程序,QP-003,B1,2024-03-01,市场部,8.2.3,李娜,王强",
        "采购控制程序,QP-004,A0,2024-03-01,市场部,8.4,李娜,王强",
        "标识程序,QP-005,A版,2024-03-01,品质部,第8.5.2条,张伟,王强",
        "检验程序,QP-006,A/0版,2024-03-01,品质部,8.6,张伟,王强",
        "",
      ].join("\n"),
    );
    const result = await csrInProcess(["-C", dir, "import", file, ...AS_OF, "--as", "procedures"], { lang: "zh-CN" });
    const out = lines(result.stdout);
    const at = out.indexOf("清单中以下写法已按 csr 的格式读取，文件中记为箭头右边的值：");
    expect(out.slice(at, at + 7)).toEqual([
      "清单中以下写法已按 csr 的格式读取，文件中记为箭头右边的值：",
      "  “版本”中的 'A0' → A/0（第 2、5 行）",
      "  “版本”中的 'A.0' → A/0（第 3 行）",
      "  “版本”中的 'B1' → B/1（第 4 行）",
      "  “对应条款”中的 '第8.5.2条' → 8.5.2（第 6 行）",
      "  “版本”中的 'A版' → A/0（第 6 行）",
      "  “版本”中的 'A/0版' → A/0（第 7 行）",
    ]);
    expect(yamlOf(dir, "documents/QP-005.yaml")).toMatchObject({ clauses: ["IATF16949:8.5.2"], revisions: [{ version: "A/0" }] });
    expect(yamlOf(dir, "documents/QP-003.yaml").revisions[0].version).toBe("B/1");
    expect(result.code).toBe(0);
  });

  it("二阶文件 / 三阶文件 / 四阶文件 in a 文件类别 column are levels 2–4, and said", async () => {
    const dir = minimalRepo({ "qms.yaml": QMS });
    const file = register(["文件类别,文件编号,文件名称,归口部门", "二阶文件,QP-001,文件控制程序,品质部", "三阶文件,WI-001,检验规范,品质部", "作业指导书,WI-002,装配作业指导书,品质部", ""].join("\n"));
    const result = await csrInProcess(["-C", dir, "import", file, ...AS_OF, "--as", "documents"], { lang: "zh-CN" });
    const out = lines(result.stdout);
    expect(out).toContain("  “文件类别”中的 '二阶文件' → 层级 2（第 2 行）");
    expect(out).toContain("  “文件类别”中的 '三阶文件' → 层级 3（第 3 行）");
    expect(out.filter((l) => l.includes("作业指导书"))).toEqual([]);
    expect(yamlOf(dir, "documents/QP-001.yaml")).toMatchObject({ level: 2, kind: "procedure" });
    expect(yamlOf(dir, "documents/WI-001.yaml")).toMatchObject({ level: 3, kind: "instruction" });
  });
});

describe("signature cells as registers write them (tester20 F22)", () => {
  const PEOPLE = [
    "people:",
    "  - { id: zhang, name: 张伟, department: QA, roles: [author, reviewer] }",
    "  - { id: li, name: 李娜, department: MKT, roles: [author, reviewer] }",
    "  - { id: wang, name: 王强, department: QA, title: 总经理, roles: [approver] }",
    "",
  ].join("\n");

  it("a name with its signing date, two names and a job title: the date is the signature's, both names are kept, the title finds its one holder; no person is made of a title or a date", async () => {
    const dir = minimalRepo({ "qms.yaml": QMS, "people.yaml": PEOPLE });
    const file = register(
      [
        "文件名称,文件编号,版本,发布日期,归口部门,编制,审核,批准",
        "文件控制程序,QP-001,A/0,2024-03-01,品质部,李娜/张伟,李娜,王强 2024.3.1",
        "记录控制程序,QP-002,A/0,2024-03-01,品质部,张伟,李娜,总经理",
        "合同评审程序,QP-003,A/0,2024-03-01,市场部,李娜,张伟,副总经理",
        "",
      ].join("\n"),
    );
    const result = await csrInProcess(["-C", dir, "import", file, ...AS_OF, "--as", "procedures", "--add-people"], { lang: "zh-CN" });
    const out = lines(result.stdout);
    expect(out).toContain(
      "第 4 行：“批准”中的 '副总经理' 是职务，不是姓名：未记为签署人，该单元格记入备注。请在 people.yaml 中给担任此职务的人写 title: 副总经理 后删去该文件重新导入，或用 'csr sign <文件编号> --approved <人员>' 补记签署",
    );
    expect(out).toContain("  “编制”中的 '李娜/张伟' → 张伟（李娜 未记为签署人，该单元格记入备注）（第 2 行）");
    expect(out).toContain("  “批准”中的 '王强 2024.3.1' → 王强，签署日期 2024-03-01（第 2 行）");
    expect(out).toContain("  “批准”中的 '总经理' → 王强（wang，职务 总经理）（第 3 行）");
    expect(yamlOf(dir, "documents/QP-001.yaml")).toMatchObject({
      revisions: [{ prepared: { by: "zhang" }, reviewed: { by: "li" }, approved: { by: "wang", date: "2024-03-01" } }],
      remarks: "编制：李娜/张伟",
    });
    expect(yamlOf(dir, "documents/QP-002.yaml").revisions[0].approved).toEqual({ by: "wang" });
    expect(yamlOf(dir, "documents/QP-003.yaml").revisions[0].approved).toBeUndefined();
    expect(yamlOf(dir, "documents/QP-003.yaml").remarks).toBe("批准：副总经理");
    // --add-people had nobody to add: people.yaml is as it was.
    expect(readFileSync(join(dir, "people.yaml"), "utf8")).toBe(PEOPLE);
  });
});

describe("a date or a number in a signature column is no signer (tester51 #3)", () => {
  it("批准 2018/12/8, an Excel date cell and 43442 record no approver and keep the cell in the remarks, saying how to sign; --add-people adds nobody", async () => {
    const PEOPLE = "people:\n  - { id: zhang, name: 张伟, department: QA, roles: [author, reviewer] }\n";
    const dir = minimalRepo({ "qms.yaml": QMS, "people.yaml": PEOPLE });
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("程序文件一览表");
    sheet.addRow(["文件名称", "文件编号", "版本", "发布日期", "归口部门", "编制", "批准"]);
    sheet.addRow(["文件控制程序", "QP-001", "A/0", "2018/12/8", "品质部", "张伟", new Date(Date.UTC(2018, 11, 8))]);
    sheet.addRow(["记录控制程序", "QP-002", "A/0", "2018/12/8", "品质部", "张伟", "2018/12/8"]);
    sheet.addRow(["合同评审程序", "QP-003", "A/0", "2018/12/8", "品质部", "张伟", 43442]);
    sheet.addRow(["采购控制程序", "QP-004", "A/0", "2018/12/8", "品质部", "2018.12.8", "张伟"]);
    const file = join(tempDir(), "register.xlsx");
    await workbook.xlsx.writeFile(file);
    const result = await csrInProcess(["-C", dir, "import", file, ...AS_OF, "--as", "procedures", "--add-people"], { lang: "zh-CN" });
    const out = lines(result.stdout);
    expect(out).toContain("第 2 行：“批准”中的 '2018-12-08' 是日期，不是姓名：未记为签署人，该单元格记入备注。请用 'csr sign <文件编号> --approved <人员> --date 2018-12-08' 补记签署");
    expect(out).toContain("第 3 行：“批准”中的 '2018/12/8' 是日期，不是姓名：未记为签署人，该单元格记入备注。请用 'csr sign <文件编号> --approved <人员> --date 2018-12-08' 补记签署");
    expect(out).toContain("第 4 行：“批准”中的 '43442' 不是姓名：未记为签署人，该单元格记入备注。请用 'csr sign <文件编号> --approved <人员>' 补记签署");
    expect(out).toContain("第 5 行：“编制”中的 '2018.12.8' 是日期，不是姓名：未记为签署人，该单元格记入备注。请用 'csr sign <文件编号> --prepared <人员> --date 2018-12-08' 补记签署");
    expect(["QP-001", "QP-002", "QP-003"].map((id) => [yamlOf(dir, `documents/${id}.yaml`).revisions[0].approved, yamlOf(dir, `documents/${id}.yaml`).remarks])).toEqual([
      [undefined, "批准：2018-12-08"],
      [undefined, "批准：2018/12/8"],
      [undefined, "批准：43442"],
    ]);
    expect(yamlOf(dir, "documents/QP-004.yaml").revisions[0]).toMatchObject({ approved: { by: "zhang" } });
    expect(yamlOf(dir, "documents/QP-004.yaml").revisions[0].prepared).toBeUndefined();
    expect(readFileSync(join(dir, "people.yaml"), "utf8")).toBe(PEOPLE);
  });
});

describe("a retention column whose header carries the unit (tester51 #8)", () => {
  it("保存期限（年） | 3 is 3年 and 保存期限(月) | 6 is 6个月, said; a period written whole stays as written", async () => {
    const dir = minimalRepo({ "qms.yaml": QMS });
    const years = register(["记录名称,表单编号,版本,保存期限（年）,保存部门", "文件发放回收记录,QR-001-01,A/0,3,品质部", "培训记录,QR-002-01,A/0,长期,品质部", ""].join("\n"));
    const result = await csrInProcess(["-C", dir, "import", years, ...AS_OF, "--as", "forms"], { lang: "zh-CN" });
    expect(lines(result.stdout)).toContain("  “保存期限（年）”中的 '3' → 3年（第 2 行）");
    expect(yamlOf(dir, "documents/QR-001-01.yaml").record.retention).toBe("3年");
    expect(yamlOf(dir, "documents/QR-002-01.yaml").record.retention).toBe("长期");

    const other = minimalRepo({ "qms.yaml": QMS });
    const months = register(["记录名称,表单编号,版本,保存期限(月),保存部门", "文件发放回收记录,QR-001-01,A/0,6,品质部", ""].join("\n"));
    await csrInProcess(["-C", other, "import", months, ...AS_OF, "--as", "forms"], { lang: "zh-CN" });
    expect(yamlOf(other, "documents/QR-001-01.yaml").record.retention).toBe("6个月");
  });
});

describe("a 备注 that reads like a sign-off line (tester51 #1)", () => {
  it("an entry whose 备注 is 编制：李娜/张伟 (what csr writes for two names) is read with every row after it; the sign-off line under the table still ends the data", async () => {
    const dir = minimalRepo({ "qms.yaml": QMS });
    const file = register(
      [
        "文件名称,文件编号,版本,发布日期,归口部门,备注",
        "文件控制程序,QP-001,A/0,2024-03-01,品质部,",
        "记录控制程序,QP-002,A/0,2024-03-01,品质部,编制：李娜/张伟",
        "合同评审程序,QP-003,A/0,2024-03-01,市场部,批准：副总经理",
        "内部审核程序,QP-010,A/0,2024-03-01,品质部,",
        ",,,,,编制：________ 日期：________",
        "管理评审程序,QP-020,A/0,2024-03-01,品质部,",
        "",
      ].join("\n"),
    );
    const result = await csrInProcess(["-C", dir, "import", file, ...AS_OF, "--as", "procedures"], { lang: "zh-CN" });
    const out = lines(result.stdout);
    expect(out[0]).toContain("数据 4 行");
    expect(out.filter((l) => l.startsWith("已导入"))).toEqual(["已导入 4 行中的 4 行；写入的文件中有 4 个存在错误（见下方 csr check）。"]);
    expect(["QP-001", "QP-002", "QP-003", "QP-010", "QP-020"].map((id) => existsSync(join(dir, `documents/${id}.yaml`)))).toEqual([true, true, true, true, false]);
    expect(yamlOf(dir, "documents/QP-002.yaml").remarks).toBe("编制：李娜/张伟");
    expect(yamlOf(dir, "documents/QP-003.yaml").remarks).toBe("批准：副总经理");
  });
});

describe("a version written in two columns, 版本 and 版次 (tester51 #2)", () => {
  it("版本 A | 版次 2 is A/2, said; a 版次 that is no number, one without a 版本, or one that differs from 版本's number refuses the row; a 版次 column alone is the version", async () => {
    const dir = minimalRepo({ "qms.yaml": QMS });
    const file = register(
      [
        "文件名称,文件编号,版本,版次,发布日期,归口部门",
        "文件控制程序,QP-001,A,2,2024-03-01,品质部",
        "记录控制程序,QP-002,B,0,2024-03-01,品质部",
        "合同评审程序,QP-003,A/1,1,2024-03-01,市场部",
        "采购控制程序,QP-004,A,二,2024-03-01,市场部",
        "标识程序,QP-005,,2,2024-03-01,品质部",
        "检验程序,QP-006,A/1,2,2024-03-01,品质部",
        "",
      ].join("\n"),
    );
    const result = await csrInProcess(["-C", dir, "import", file, ...AS_OF, "--as", "procedures"], { lang: "zh-CN" });
    const out = lines(result.stdout);
    expect(out.some((l) => l.includes("未导入的列"))).toBe(false);
    expect(out).toContain("  “版本、版次”中的 'A、2' → A/2（第 2 行）");
    expect(out).toContain("  “版本、版次”中的 'B、0' → B/0（第 3 行）");
    expect(out).toContain("第 5 行：“版次”中的 '二' 不是版次（0、1、2 这样的数字，与“版本”的字母合为 A/2 这样的版本号），请更正该单元格后重新导入（该行未导入）");
    expect(out).toContain("第 6 行：“版次”为 '2'，但“版本”为空：版次与版本的字母合为 A/2 这样的版本号，请在“版本”中填写版本字母后重新导入（该行未导入）");
    expect(out).toContain("第 7 行：“版本”中的 'A/1' 与“版次”中的 '2' 版次不同，请更正其中一个单元格后重新导入（该行未导入）");
    expect(yamlOf(dir, "documents/QP-001.yaml").revisions).toMatchObject([{ version: "A/2", date: "2024-03-01" }]);
    expect(yamlOf(dir, "documents/QP-002.yaml").revisions[0].version).toBe("B/0");
    expect(yamlOf(dir, "documents/QP-003.yaml").revisions[0].version).toBe("A/1");
    expect(["QP-004", "QP-005", "QP-006"].map((id) => existsSync(join(dir, `documents/${id}.yaml`)))).toEqual([false, false, false]);
    expect(result.code).toBe(1);

    const alone = minimalRepo({ "qms.yaml": QMS });
    const single = register(["文件名称,文件编号,版次,发布日期,归口部门", "文件控制程序,QP-001,A1,2024-03-01,品质部", ""].join("\n"));
    const read = await csrInProcess(["-C", alone, "import", single, ...AS_OF, "--as", "procedures"], { lang: "zh-CN" });
    expect(lines(read.stdout)).toContain("  “版次”中的 'A1' → A/1（第 2 行）");
    expect(yamlOf(alone, "documents/QP-001.yaml").revisions[0].version).toBe("A/1");
  });
});

describe("group headings merged across a register's row (tester51 #10)", () => {
  it("一、质量手册 / 二、程序文件 between the entries are said and skipped, not refused: every entry is imported", async () => {
    const dir = minimalRepo({ "qms.yaml": QMS });
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("受控文件清单");
    sheet.addRow(["序号", "文件编号", "文件名称", "版本", "归口部门", "发布日期", "层级"]);
    sheet.addRow(["一、程序文件"]);
    sheet.mergeCells("A2:G2");
    sheet.addRow([1, "QP-001", "文件控制程序", "A/0", "品质部", "2024-03-01", "二级"]);
    sheet.addRow(["二、作业指导书"]);
    sheet.mergeCells("A4:G4");
    sheet.addRow([2, "WI-001", "来料检验作业指导书", "A/0", "品质部", "2024-03-01", "三级"]);
    const file = join(tempDir(), "受控文件清单.xlsx");
    await workbook.xlsx.writeFile(file);
    const result = await csrInProcess(["-C", dir, "import", file, ...AS_OF, "--as", "documents"], { lang: "zh-CN" });
    const out = lines(result.stdout);
    expect(out.filter((l) => l.startsWith("第 "))).toEqual([
      "第 2 行：'一、程序文件' 是分组标题（跨整行合并的单元格），不是文件，未作为一行导入",
      "第 4 行：'二、作业指导书' 是分组标题（跨整行合并的单元格），不是文件，未作为一行导入",
    ]);
    // No row refused (the findings of csr check on the documents written are another matter: their signatures are on paper).
    expect(out.filter((l) => l.startsWith("已导入"))).toEqual(["已导入 2 行中的 2 行；写入的文件中有 2 个存在错误（见下方 csr check）。"]);
    expect(["QP-001", "WI-001"].map((id) => existsSync(join(dir, `documents/${id}.yaml`)))).toEqual([true, true]);
  });
});

describe("rows the register cannot help having (tester20 F4)", () => {
  it("a totals line under the table ends the data; a short department name is answered with the department meant; a clause range says how to write it", async () => {
    const qms = QMS.replace("  - { code: MKT, name: 市场部 }", "  - { code: MKT, name: 市场部 }\n  - { code: HR, name: 行政人事部 }");
    const dir = minimalRepo({ "qms.yaml": qms });
    const file = register(
      [
        "文件名称,文件编号,版本,发布日期,归口部门,对应条款",
        "文件控制程序,QP-001,A/0,2024-03-01,品质部,7.5",
        "培训管理程序,QP-011,A/0,2024-03-01,人事部,7.2",
        "内部审核程序,QP-010,A/0,2024-03-01,品质部,9.2.2.1~9.2.2.4",
        "共计：3 份程序文件,,,,,",
        "",
      ].join("\n"),
    );
    const result = await csrInProcess(["-C", dir, "import", file, ...AS_OF, "--as", "procedures", "--dry-run"], { lang: "zh-CN" });
    const out = lines(result.stdout);
    expect(out[0]).toContain("数据 3 行");
    expect(out.filter((l) => l.startsWith("第 "))).toEqual([
      "第 3 行：部门 '人事部' 不在 qms.yaml 中；是否指 HR（行政人事部）？请把该单元格改为部门代码或全称后重新导入（该行未导入）",
      "第 4 行：“对应条款”中的 '9.2.2.1~9.2.2.4' 不是 8.5.2 或 IATF16949:8.5.2 这样的条款号，请更正该单元格后重新导入（条款范围 9.2.2.1~9.2.2.4 请逐条列出，用“、”分隔，如 9.2.2.1、…、9.2.2.4）（该行未导入）",
    ]);
  });
});

describe("external and form registers (tester20 F16, F32)", () => {
  it("an external document row without 接收日期 is refused saying so, not imported as controlled without a date", async () => {
    const dir = minimalRepo({ "qms.yaml": QMS });
    const file = register(
      ["文件名称,文件编号,版本,发布单位,发布日期,接收日期,保管部门", "包装储运图示标志,GB/T 191-2008,2008,国家质检总局,2008.4.1,,品质部", "质量管理体系要求,GB/T 19001-2016,2016,国家质检总局,2016.12.30,2017.3.1,品质部", ""].join("\n"),
    );
    const result = await csrInProcess(["-C", dir, "import", file, ...AS_OF, "--as", "external"], { lang: "zh-CN" });
    expect(lines(result.stdout)).toContain("第 2 行：GB/T 191-2008 没有“接收日期”：受控的外来文件要记下接收日期，不能没有日期按受控导入。请填写该单元格后重新导入（该行未导入）");
    expect(existsSync(join(dir, "documents/GB_T 191-2008.yaml"))).toBe(false);
    expect(yamlOf(dir, "documents/GB_T 19001-2016.yaml").external.received).toBe("2017-03-01");
    expect(result.code).toBe(1);
  });

  it("所属程序 written as a title finds the one procedure of that title; a form of a withdrawn procedure is not added to it, said on its row", async () => {
    const dir = minimalRepo({ "qms.yaml": QMS });
    const procedures = register(
      [
        "文件名称,文件编号,版本,发布日期,归口部门,作废日期,备注",
        "生产过程控制程序,QP-008,A/0,2024-03-01,品质部,,",
        "不合格品控制程序,QP-009,A/0,2024-03-01,品质部,,",
        "纠正措施控制程序,QP-015,A/0,2024-03-01,品质部,2025-01-01,已作废，并入QP-009",
        "",
      ].join("\n"),
    );
    await csrInProcess(["-C", dir, "import", procedures, ...AS_OF, "--as", "procedures"]);
    const forms = register(
      [
        "记录名称,表单编号,版本,发布日期,所属程序,保存期限,保存部门",
        "生产日报表,QR-008-01,A/0,2024-03-01,生产过程控制程序,3年,品质部",
        "不合格品评审单,QR-009-01,A/0,2024-03-01,《不合格品控制程序》,3年,品质部",
        "纠正措施报告,QR-015-01,A/0,2024-03-01,QP-015,3年,品质部",
        "",
      ].join("\n"),
    );
    const result = await csrInProcess(["-C", dir, "import", forms, ...AS_OF, "--as", "forms", "--link-forms"], { lang: "zh-CN" });
    const out = lines(result.stdout);
    expect(out).toContain(
      "第 4 行：所属程序 QP-015 已作废（由 QP-009 替代）：QR-015-01 未加入其 forms（已作废文件的内容不再修改）。如该表单仍在使用，请把“所属程序”改为现行程序，再用 csr set <程序> --add-form QR-015-01 加入",
    );
    expect(out).toContain("  “所属程序”中的 '生产过程控制程序' → QP-008（第 2 行）");
    expect(out).toContain("  “所属程序”中的 '《不合格品控制程序》' → QP-009（第 3 行）");
    expect(yamlOf(dir, "documents/QP-008.yaml").forms).toEqual(["QR-008-01"]);
    expect(yamlOf(dir, "documents/QP-009.yaml").forms).toEqual(["QR-009-01"]);
    expect(yamlOf(dir, "documents/QP-015.yaml").forms).toBeUndefined();
  });
});

describe("every spelling a register writes otherwise than the file records it is said (tester51 #12)", () => {
  const READ = "清单中以下写法已按 csr 的格式读取，文件中记为箭头右边的值：";
  const said = (out: string[]) => out.slice(out.indexOf(READ) + 1, out.findIndex((l, i) => i > out.indexOf(READ) && !l.startsWith("  ")));

  it("a procedure list: 密级 秘密级 and 机 密, a version and a number in full-width forms, a department written with a space, 第8.3.7条; spaces at the ends of a cell are not said", async () => {
    const dir = minimalRepo({ "qms.yaml": QMS });
    const file = register(
      [
        "文件名称,文件编号,归口部门,对应条款,版本,密级,发布日期",
        "设计和开发控制程序,QP-006,品质部,8.3,A/0,秘密级,2023-02-20",
        "生产过程控制程序,QP-010,品 质 部,8.5.1,Ａ／１,机 密,2023-02-20",
        "新产品试制管理程序,ＱＰ－００８,市场部,第8.3.7条,A/0,内部,2023-02-20",
        "监视和测量程序, QP-009 , 品质部 ,8.5.1 , A/0 , 内部 ,2023-02-20",
        "",
      ].join("\n"),
    );
    const result = await csrInProcess(["-C", dir, "import", file, ...AS_OF, "--as", "procedures"], { lang: "zh-CN" });
    expect(said(lines(result.stdout))).toEqual([
      "  “密级”中的 '秘密级' → 秘密（第 2 行）",
      "  “归口部门”中的 '品 质 部' → QA（第 3 行）",
      "  “密级”中的 '机 密' → 机密（第 3 行）",
      "  “版本”中的 'Ａ／１' → A/1（第 3 行）",
      "  “文件编号”中的 'ＱＰ－００８' → QP-008（第 4 行）",
      "  “对应条款”中的 '第8.3.7条' → 8.3.7（第 4 行）",
    ]);
    expect(yamlOf(dir, "documents/QP-006.yaml").classification).toBe("秘密");
    expect(yamlOf(dir, "documents/QP-010.yaml")).toMatchObject({ department: "QA", classification: "机密", revisions: [{ version: "A/1" }] });
    expect(yamlOf(dir, "documents/QP-008.yaml")).toMatchObject({ id: "QP-008", clauses: ["IATF16949:8.3.7"] });
    expect(yamlOf(dir, "documents/QP-009.yaml")).toMatchObject({ id: "QP-009", department: "QA", classification: "内部" });
  });

  it("an external document list: a publisher's number with a run of spaces; a symbol table: a customer in full-width forms", async () => {
    const dir = minimalRepo({ "qms.yaml": QMS, "customers/FORD.yaml": "code: FORD\nname: 福特汽车\n" });
    const external = register(["文件名称,文件编号,发布单位,接收日期", "质量管理体系 要求,GB/T  19001-2016,国家市场监督管理总局,2017-01-05", ""].join("\n"));
    const imported = await csrInProcess(["-C", dir, "import", external, ...AS_OF, "--as", "external"], { lang: "zh-CN" });
    expect(said(lines(imported.stdout))).toEqual(["  “文件编号”中的 'GB/T  19001-2016' → GB/T 19001-2016（第 2 行）"]);
    expect(yamlOf(dir, "documents/GB_T 19001-2016.yaml").id).toBe("GB/T 19001-2016");

    const symbols = register(["顾客代码,顾客符号,顾客分类,本公司符号,本公司分类", "ＦＯＲＤ,◇,CC,★,关键特性", ""].join("\n"));
    const table = await csrInProcess(["-C", dir, "import", symbols, ...AS_OF, "--as", "symbols"], { lang: "zh-CN" });
    expect(said(lines(table.stdout))).toEqual(["  “顾客代码”中的 'ＦＯＲＤ' → FORD（第 2 行）"]);
  });
});
