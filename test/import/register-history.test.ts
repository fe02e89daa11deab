/**
 * Document registers as Chinese shops keep them (tester54b): the old version's row kept above the
 * current one as the register's change history (B1), withdrawal written as 失效 or in 备注 (B3).
 * rows and columns hidden in Excel (B7).
 * csr runs in this process (csrInProcess) on CSV registers written here.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { csrInProcess, gitInit, minimalRepo } from "../helpers.js";

const file = (dir: string, path: string) => parse(readFileSync(join(dir, path), "utf8"));

async function importCsv(csv: string, as: string, ...extra: string[]) {
  const dir = gitInit(minimalRepo());
  writeFileSync(join(dir, "清单.csv"), csv);
  const result = await csrInProcess(["-C", dir, "import", "清单.csv", "--as", as, "--today", "2026-11-27", ...extra], { lang: "zh-CN" });
  return { dir, result };
}

describe("csr import of a register that keeps a document's earlier version on its own row (tester54b B1)", () => {
  const header = "序号,文件类别,文件编号,文件名称,版本,编制部门,发布日期,受控状态,备注\n";

  it("records the 作废 row above the current one as the document's earlier revision, the document in force", async () => {
    const { dir, result } = await importCsv(header + "1,程序文件,QP-010,内部审核程序,A/0,品质部,2023-03-01,作废,2025.3.1换版为A/1\n2,程序文件,QP-010,内部审核程序,A/1,品质部,2025-03-01,受控,\n", "documents");
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain(
      "第 2 行：QP-010 的 A/0 版按该文件的历史版本记入 revisions（现行版本为第 3 行的 A/1）：本行标为作废，指的是该版本已被换版，不是文件作废；本行备注 '2025.3.1换版为A/1' 是旧版本的说明，未写入文件\n",
    );
    expect(result.stdout).not.toContain("已在第");
    expect(result.stdout).not.toContain("作废文件记录");
    const doc = file(dir, "documents/QP-010.yaml");
    expect(doc.status).toBe("released");
    expect(doc.obsolete).toBeUndefined();
    expect(doc.revisions).toEqual([
      { version: "A/0", date: "2023-03-01", imported: true },
      { version: "A/1", date: "2025-03-01", imported: true },
    ]);
  });

  it("reads the current row first and the withdrawn earlier version after it the same way, with no 作废日期 asked for", async () => {
    const { dir, result } = await importCsv(header + "1,程序文件,QP-020,喷涂程序,B/0,品质部,2025-03-01,受控,\n2,程序文件,QP-020,喷涂程序,A/3,品质部,2024-06-01,作废,\n", "procedures");
    expect(result.stdout).toContain("第 3 行：QP-020 的 A/3 版按该文件的历史版本记入 revisions（现行版本为第 2 行的 B/0）：本行标为作废，指的是该版本已被换版，不是文件作废\n");
    expect(file(dir, "documents/QP-020.yaml").revisions.map((r: { version: string }) => r.version)).toEqual(["A/3", "B/0"]);
  });

  it("still refuses a number listed twice in one version, and two rows in force", async () => {
    const { result } = await importCsv(header + "1,程序文件,QP-010,内部审核程序,A/1,品质部,2025-03-01,受控,\n2,程序文件,QP-010,内部审核程序,A/2,品质部,2025-04-01,受控,\n", "documents");
    expect(result.stdout).toContain("第 3 行：编号 QP-010 已在第 2 行出现；清单中每份文件只列一次，请更正编号（该行未导入）");
  });

  it("does not import the earlier version alone when the row in force is refused", async () => {
    const { dir, result } = await importCsv(header + "1,程序文件,QP-010,内部审核程序,A/0,品质部,2023-03-01,作废,\n2,程序文件,QP-010,内部审核程序,A/1,财务部,2025-03-01,受控,\n", "documents");
    expect(result.stdout).toContain("第 2 行：QP-010 的 A/0 版是第 3 行现行版本的历史版本；现行版本的行未导入（原因见该行），本行也不单独导入。更正第 3 行后重新导入（该行未导入）");
    expect(existsSync(join(dir, "documents/QP-010.yaml"))).toBe(false);
  });
});

describe("csr import of a withdrawal written 失效 or in 备注 (tester54b B3)", () => {
  it("reads 失效 / 已失效 as 作废, 在用 as in force, and a remark saying the document was withdrawn or replaced as its withdrawal", async () => {
    const { dir, result } = await importCsv(
      "序号,文件类别,文件编号,文件名称,版本,编制部门,发布日期,状态,备注\n" +
        "3,程序文件,QP-042,外包过程控制程序,A/0,品质部,2023-03-01,失效,2024.5.1失效\n" +
        "4,程序文件,QP-043,顾客满意度程序,A/0,市场部,2023-03-01,在用,\n" +
        "6,程序文件,QP-045,旧采购程序,A/0,品质部,2023-03-01,,已失效 2024.5.1\n" +
        "7,程序文件,QP-046,旧仓储程序,A/0,品质部,2023-03-01,,已由QP-006替代\n",
      "documents",
    );
    expect(file(dir, "documents/QP-042.yaml")).toMatchObject({ status: "obsolete", obsolete: { date: "2024-05-01", reason: "2024.5.1失效" } });
    expect(file(dir, "documents/QP-043.yaml").status).toBe("released");
    expect(file(dir, "documents/QP-045.yaml")).toMatchObject({ status: "obsolete", obsolete: { date: "2024-05-01", reason: "已失效 2024.5.1" } });
    // Replaced, with no date of withdrawal: refused naming what is missing, never imported as in force.
    expect(existsSync(join(dir, "documents/QP-046.yaml"))).toBe(false);
    expect(result.stdout).toContain("第 5 行：QP-046 已作废（“备注”写明 '已由QP-006替代'），但没有“作废日期”");
  });

  it("names every status word it takes, 作废 included, when it refuses one", async () => {
    const { result } = await importCsv("序号,文件编号,文件名称,版本,编制部门,发布日期,状态\n1,QP-050,采购程序,A/0,品质部,2025-03-01,借阅中\n", "procedures");
    expect(result.stdout).toContain("第 2 行：“状态”中的 '借阅中' 无法识别（应为已发布（受控、有效、现行、在用）、草稿、审批中或作废（失效、废止、停用）），请更正该单元格后重新导入（该行未导入）");
  });
});

describe("csr import of a workbook with hidden rows and columns (tester54b B7)", () => {
  it("does not import a hidden row as in force and says so on its row; a hidden column is read and named", async () => {
    const dir = gitInit(minimalRepo());
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("表单清单");
    sheet.addRow(["序号", "表单名称", "表单编号", "版本", "保存期限", "保存部门", "备注"]);
    sheet.addRow([1, "设计变更单", "QR-008-01", "A/0", "5年", "品质部", "内部用"]);
    sheet.addRow([2, "旧版变更单", "QR-008-09", "A/0", "5年", "品质部", ""]);
    sheet.getRow(3).hidden = true;
    sheet.getColumn(7).hidden = true;
    await workbook.xlsx.writeFile(join(dir, "表单清单.xlsx"));
    const result = await csrInProcess(["-C", dir, "import", "表单清单.xlsx", "--as", "forms", "--today", "2026-11-27"], { lang: "zh-CN" });
    expect(result.stdout).toContain("第 1 行：“备注”列在 Excel 中是隐藏列，其内容与其他列一样已读取\n");
    expect(result.stdout).toContain(
      "第 3 行：QR-008-09 这一行在 Excel 中是隐藏行（清单常以隐藏代替删除不再使用的文件），不按现行文件导入；如该文件仍在用，请取消隐藏后重新导入，如已作废，请取消隐藏并在状态列写作废和作废日期（该行未导入）\n",
    );
    expect(existsSync(join(dir, "documents/QR-008-09.yaml"))).toBe(false);
    expect(file(dir, "documents/QR-008-01.yaml")).toMatchObject({ status: "released", remarks: "内部用" });
  });
});

describe("csr import of everyday header variants (tester54b B11)", () => {
  it("reads 文件编码, 表单编码 and 制定部门 / 归档部门 as the number and the department", async () => {
    const procedures = await importCsv("序号,文件编码,文件名称,版本号,制定部门,发布日期\n1,QP-009,内部审核程序,A/0,品质部,2025-03-01\n", "procedures");
    expect(file(procedures.dir, "documents/QP-009.yaml")).toMatchObject({ id: "QP-009", department: "QA", status: "released" });
    const forms = await importCsv("序号,表单编码,表单名称,版本,保存年限,归档部门\n1,QR-009-01,内审计划,A/0,3年,品质部\n", "forms");
    expect(forms.result.stdout).not.toContain("未导入的列");
    expect(file(forms.dir, "documents/QR-009-01.yaml")).toMatchObject({ id: "QR-009-01", department: "QA", record: { retention: "3年", location: "品质部" } });
  });

  it("reads an external document list headed 标准号 / 标准名称", async () => {
    const { dir, result } = await importCsv("序号,标准号,标准名称,发布日期,实施日期,接收日期,保管部门\n1,GB/T 2828.1-2012,计数抽样检验程序,2012-11-05,2013-02-15,2025-03-01,品质部\n", "external");
    expect(result.stderr).toBe("");
    expect(file(dir, "documents/GB_T 2828.1-2012.yaml")).toMatchObject({ id: "GB/T 2828.1-2012", title: "计数抽样检验程序", kind: "external" });
  });
});

describe("csr import of a form register after the 受控文件清单 brought the forms in (tester54b B6)", () => {
  it("adds the 保存方式 and 存放地点 the form lacks, says a 保存期限 given otherwise, and links the form to its procedure", async () => {
    const dir = gitInit(minimalRepo());
    writeFileSync(join(dir, "受控文件清单.csv"), "序号,文件类别,文件编号,文件名称,版本,编制部门,发布日期,保存期限\n1,程序文件,QP-005,生产过程控制程序,A/0,品质部,2025-03-01,\n2,记录表单,QR-005-01,首件检验记录,A/0,品质部,2025-03-01,产品生命周期+1年\n");
    const first = await csrInProcess(["-C", dir, "import", "受控文件清单.csv", "--as", "documents", "--today", "2026-11-27"], { lang: "zh-CN" });
    expect(first.stderr).toBe("");
    writeFileSync(join(dir, "表单清单.csv"), "序号,表单名称,表单编号,版本,所属程序,保存期限,保存部门,保存方式,存放地点\n1,首件检验记录,QR-005-01,A0,QP-005,2年,品质部,纸质,车间\n");
    const result = await csrInProcess(["-C", dir, "import", "表单清单.csv", "--as", "forms", "--link-forms", "--today", "2026-11-27"], { lang: "zh-CN" });
    expect(result.stdout).not.toContain("已存在，未覆盖");
    expect(result.stdout).toContain("record medium paper");
    expect(result.stdout).toContain("record location 车间");
    expect(result.stdout).toMatch(/record retention.*产品生命周期\+1年.*2年/);
    expect(file(dir, "documents/QR-005-01.yaml").record).toEqual({ retention: "产品生命周期+1年", medium: "paper", location: "车间" });
    expect(file(dir, "documents/QP-005.yaml").forms).toEqual(["QR-005-01"]);
  });
});

describe("csr import --as documents of a register without a 层级 / 文件类别 column (tester54b B10)", () => {
  it("takes each document's kind from qms.yaml numbering, says so once, and refuses a number of no family", async () => {
    const { dir, result } = await importCsv(
      "序号,文件编号,文件名称,版本,编制部门,发布日期,受控状态\n1,QP-010,内部审核程序,A/1,品质部,2025-03-01,受控\n2,QR-010-01,内审计划,A/0,品质部,2025-03-01,受控\n3,XX-1,杂项,A/0,品质部,2025-03-01,受控\n",
      "documents",
    );
    expect(result.stdout).toContain("第 1 行：清单没有“层级”或“文件类别”列：各文件的类别按 qms.yaml 的编号体系确定（QP-### 程序文件、QR-###-## 表单）\n");
    expect(result.stdout).toContain("第 4 行：XX-1 不符合 qms.yaml 中任何编号体系，清单又没有“层级”或“文件类别”列，无法确定其类别：请增加该列，或用 csr numbering add 增加其编号体系后重新导入（该行未导入）\n");
    expect(file(dir, "documents/QP-010.yaml")).toMatchObject({ level: 2, kind: "procedure", status: "released" });
    expect(file(dir, "documents/QR-010-01.yaml")).toMatchObject({ level: 4, kind: "form", status: "released" });
    expect(existsSync(join(dir, "documents/XX-1.yaml"))).toBe(false);
  });
});

describe("csr import --as documents of work instructions (tester57 B13)", () => {
  it("registers a row as a work instruction by the family its number fits, else by its 类别 (作业指导书, 三级文件); a 类别 that says otherwise is said on the row", async () => {
    const dir = gitInit(minimalRepo());
    writeFileSync(join(dir, "qms.yaml"), readFileSync(join(dir, "qms.yaml"), "utf8").replace("    pattern: QR-###-##\n", "    pattern: QR-###-##\n  - { kind: instruction, pattern: HY-WI-### }\n"));
    writeFileSync(
      join(dir, "清单.csv"),
      "序号,文件编号,文件名称,类别,版本,编制部门,发布日期\n1,HY-WI-003,注塑作业指导书,作业指导书,A/0,品质部,2025-03-01\n2,HY-WI-004,焊接作业指导书,程序文件,A/0,品质部,2025-03-01\n3,ZZ-7,检验规范,三级文件,A/0,品质部,2025-03-01\n4,ZZ-8,包装作业指导书,作业指导书,A/0,品质部,2025-03-01\n5,ZZ-9,杂项,,A/0,品质部,2025-03-01\n",
    );
    const result = await csrInProcess(["-C", dir, "import", "清单.csv", "--as", "documents", "--today", "2026-11-27"], { lang: "zh-CN" });
    expect(result.stderr).toBe("");
    expect(result.stdout.split("\n").filter((l) => l.startsWith("第 ") || l.startsWith("未导入的列"))).toEqual([
      "第 3 行：HY-WI-004 的类别为“程序文件”，而其编号符合 qms.yaml 中作业指导书的编号体系：按编号登记为作业指导书；编号体系有误的，用 csr numbering 更正后重新导入",
      "第 6 行：ZZ-9 没有层级或类别，请添加“层级”列并填写 1–4（该行未导入）",
    ]);
    for (const id of ["HY-WI-003", "HY-WI-004", "ZZ-7", "ZZ-8"]) expect([id, file(dir, `documents/${id}.yaml`)]).toMatchObject([id, { level: 3, kind: "instruction", status: "released" }]);
    expect(existsSync(join(dir, "documents/ZZ-9.yaml"))).toBe(false);
  });
});
