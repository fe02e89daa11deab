/**
 * What the import says to a supplier adopting csr from its Excel registers (tester54b): a line break
 * typed in a title cell, a combined 编制/审核/批准 column, a work instruction in a procedure list, forms
 * listed without versions, a row whose file exists, a 所属程序 that is not in the repository or is no
 * number, a workbook of one CSR list per customer, and cells quoted as written. csr runs in this
 * process (csrInProcess) on registers made here.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { csrInProcess, minimalRepo, releasedProcedure } from "../helpers.js";

/** minimalRepo with QP-001 and work instructions numbered WI-### (as tester54b's qms.yaml). */
function repository(): string {
  const dir = minimalRepo({ "documents/QP-001.yaml": releasedProcedure("QP-001", "文件控制程序", { title: "目的", text: "规定文件的控制。" }) });
  const qms = join(dir, "qms.yaml");
  writeFileSync(qms, readFileSync(qms, "utf8").replace("numbering:\n", "numbering:\n  - kind: instruction\n    pattern: WI-###\n"));
  return dir;
}

const file = (dir: string, path: string) => parse(readFileSync(join(dir, path), "utf8"));
const lines = (text: string) => text.split("\n");

describe("csr import of an adopting supplier's registers", () => {
  it("joins a title broken inside its cell, reads 编制/审核/批准 as three signatures, refuses a WI row of a procedure list, and says nothing of a row whose file exists", async () => {
    const dir = repository();
    writeFileSync(
      join(dir, "procedures.csv"),
      [
        "序号,文件编号,文件名称,版本,编制部门,发布日期,对应条款,编制/审核/批准",
        '1,QP-031,"管理评审\n程序",A/0,品质部,2025-03-01,9.3,张伟/李娜/王强',
        '2,"QP-\n032","Control of\nProcess",A/0,品质部,2025-03-01,8.5.1,张伟/李娜',
        "3,WI-020,来料检验作业指导书,A/0,品质部,2025-03-01,8.6,张伟/李娜/王强",
        "4,QP-001,文件控制程序,A/0,,2025-03-01,7.5,张伟/李娜/王强",
        "5,QP-033,顾客特殊要求程序,A/0,品质部,2025-03-01,8.5.6.1（顾客要求）,张伟/李娜/王强",
        "",
      ].join("\n"),
    );
    const result = await csrInProcess(["-C", dir, "import", "procedures.csv", "--as", "procedures", "--today", "2026-11-27"], { lang: "zh-CN" });
    expect(result.stderr).toBe("");
    expect(lines(result.stdout).slice(0, 14)).toEqual([
      "读取 procedures.csv：表头在第 1 行，数据 5 行。",
      "",
      "已写入 documents/QP-031.yaml",
      "已写入 documents/QP-032.yaml",
      "",
      "第 3 行：“编制/审核/批准”中的 '张伟/李娜' 写有 2 个姓名，而列名写有 3 项签字：无法确定谁签了哪一项，未记为签署人，该单元格记入备注。请用 'csr sign <文件编号> --prepared <人员> --reviewed <人员> --approved <人员>' 按纸质原件补记签署",
      "第 4 行：WI-020 符合 qms.yaml 中作业指导书的编号格式 WI-###，不是程序文件（csr check 也会这样报告）：若它是作业指导书，请用 --as instructions 导入；若确是程序文件，请先更正其编号（该行未导入）",
      "第 6 行：“对应条款”中的 '8.5.6.1（顾客要求）' 不是 8.5.2 或 IATF16949:8.5.2 这样的条款号，请更正该单元格后重新导入（该行未导入）",
      "",
      "清单中以下写法已按 csr 的格式读取，文件中记为箭头右边的值：",
      "  “文件名称”中的 '管理评审⏎程序' → 管理评审程序（第 2 行）",
      "  “文件编号”中的 'QP-⏎032' → QP-032（第 3 行）",
      "  “文件名称”中的 'Control of⏎Process' → Control of Process（第 3 行）",
      "",
    ]);
    expect(result.stdout).not.toContain("csr numbering add");
    // Row 5 only completes QP-001 (its clauses): the file keeps its department, so none is asked for.
    expect(result.stdout).not.toContain("QP-001 没有部门");
    expect(result.stdout).toContain("\n1 份导入的已发布文件没有编制、批准签字（编制/审核/批准栏的内容未能读作签字，见上方第 3 行）。请按纸质原件一次补记：csr sign QP-032 --prepared <人员> --reviewed <人员> --approved <人员>。");
    expect(file(dir, "documents/QP-031.yaml")).toMatchObject({
      title: "管理评审程序",
      revisions: [{ version: "A/0", date: "2025-03-01", imported: true, prepared: { by: "zhang" }, reviewed: { by: "li" }, approved: { by: "wang" } }],
    });
    expect(file(dir, "documents/QP-032.yaml")).toMatchObject({ id: "QP-032", title: "Control of Process", remarks: "编制/审核/批准：张伟/李娜", revisions: [{ version: "A/0", imported: true }] });
    expect(file(dir, "documents/QP-032.yaml").revisions[0].prepared).toBeUndefined();
  });

  it("forms without versions: the version to add to the register, the drafts named; a 所属程序 not in the repository or no number said as such", async () => {
    const dir = repository();
    writeFileSync(
      join(dir, "forms.csv"),
      [
        "序号,记录名称,记录编号,所属程序,保存期限,保存部门",
        '1,"来料检验\n记录",QR-001-05,QP-001,3年,品质部',
        "2,会议记录,QR-000-01,通用,1年,市场部",
        "3,培训记录,QR-099-01,QP-099,3年,市场部",
        "4,测量系统分析报告,QR-001-06,测量系统分析（MSA）程序,3年,品质部",
        "",
      ].join("\n"),
    );
    const result = await csrInProcess(["-C", dir, "import", "forms.csv", "--as", "forms", "--link-forms", "--today", "2026-11-27"], { lang: "zh-CN" });
    expect(result.stderr).toBe("");
    const out = lines(result.stdout);
    expect(out).toContain("  “记录名称”中的 '来料检验⏎记录' → 来料检验记录（第 2 行）");
    expect(out).toContain(
      "4 个文件以草稿写入，因为清单既没有写明状态，也没有版本：QR-001-05、QR-000-01、QR-099-01、QR-001-06。在用的文件，请在清单中补上其现行版本（见纸质原件），或用 --version-in-use <版本> 给出清单未写版本的各行的现行版本，删去这些草稿（documents/QR-001-05.yaml、documents/QR-000-01.yaml、documents/QR-099-01.yaml、documents/QR-001-06.yaml）后重新导入：其版本将作为导入前已发布的受控版本写入（csr release 记录的是今天的发布，不适用于早已在用的文件）。在此之前，csr check 会报告引用它们的已发布文件（doc/unreleased-referenced）。",
    );
    const links = out.indexOf("第 3 行：所属程序 '通用' 不是文件编号：QR-000-01 的所属程序未记录");
    expect(out.slice(links, links + 3)).toEqual([
      "第 3 行：所属程序 '通用' 不是文件编号：QR-000-01 的所属程序未记录",
      "第 4 行：所属程序 QP-099 不在仓库中：导入 QP-099 后，用 csr set QP-099 --add-form QR-099-01 记录",
      "第 5 行：所属程序 '测量系统分析（MSA）程序' 不是文件编号：QR-001-06 的所属程序未记录",
    ]);
    expect(result.stdout).not.toContain("无法在仓库中读取");
    expect(file(dir, "documents/QR-001-05.yaml")).toMatchObject({ title: "来料检验记录", status: "draft" });
  });

  it("says the register's own form number, its sign-off and the sheets it does not read, one line each", async () => {
    const dir = repository();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("程序文件一览表");
    sheet.addRow(["宁波华信精密零部件有限公司 程序文件一览表"]);
    sheet.addRow(["表单编号：QR-001-02 版本：A/0"]);
    sheet.addRow(["序号", "文件编号", "文件名称", "版本", "编制部门", "发布日期"]);
    sheet.addRow([1, "QP-031", "管理评审程序", "A/0", "品质部", "2025-03-01"]);
    sheet.addRow(["编制：张伟", "审核：李娜", "批准：王强", "日期：2025.3.1"]);
    workbook.addWorksheet("修订记录").addRow(["版本", "修订内容", "日期"]);
    workbook.addWorksheet("发放记录").addRow(["文件编号", "受控号", "领用部门", "发放日期"]);
    workbook.addWorksheet("空白");
    await workbook.xlsx.writeFile(join(dir, "程序文件一览表.xlsx"));
    const result = await csrInProcess(["-C", dir, "import", "程序文件一览表.xlsx", "--as", "procedures", "--sheet", "程序文件一览表", "--dry-run"], { lang: "zh-CN" });
    expect(result.stderr).toBe("");
    expect(lines(result.stdout).slice(0, 6)).toEqual([
      "读取 程序文件一览表.xlsx 的工作表 程序文件一览表：表头在第 3 行，数据 1 行。",
      "标题行（第 2 行）写有本清单自身的表单编号 QR-001-02 A/0：导入表单 QR-001-02 后，用 csr organisation update --register-form procedures=QR-001-02 记录，打印的登记表即带此编号。",
      "第 5 行的签署（编制：张伟 审核：李娜 批准：王强 日期：2025.3.1）是清单本身的签署，不是各文件的签字：未导入。",
      "未读取的工作表：修订记录、发放记录。",
      "工作表“发放记录”中的受控副本发放记录未随本清单导入：文件导入后，用 csr import <本文件> --as distribution --sheet '发放记录' 导入（发放号即受控号），csr list distribution 即列出。",
      "",
    ]);
  });

  it("a workbook of one CSR list per customer says that each sheet is one, to import with --sheet", async () => {
    const dir = repository();
    const workbook = new ExcelJS.Workbook();
    for (const [name, customer] of [["延锋", "YF"], ["华域", "HASCO"]] as const) {
      const sheet = workbook.addWorksheet(name);
      sheet.addRow([`${name}顾客特定要求清单`]);
      sheet.addRow(["序号", "顾客", "来源文件", "章节", "要求内容", "条款", "接收日期"]);
      sheet.addRow([1, customer, `${customer}-SQM`, "4.1", "首件检验记录保存 10 年", "8.5.1", "2025-03-01"]);
    }
    await workbook.xlsx.writeFile(join(dir, "顾客特定要求清单-分顾客.xlsx"));
    const result = await csrInProcess(["-C", dir, "import", "顾客特定要求清单-分顾客.xlsx", "--as", "csr", "--dry-run"], { lang: "zh-CN" });
    expect(result.stderr).toBe("csr: 顾客特定要求清单-分顾客.xlsx 的 2 个工作表都是顾客特定要求清单（'延锋'、'华域'）：请逐个用 --sheet 导入，例如 --sheet '延锋'。\n");
  });
});
