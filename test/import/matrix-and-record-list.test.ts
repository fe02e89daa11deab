/**
 * A new supplier's first registers (tester67b): a customer's CSR matrix (序号, 条款, 要求, 对应文件, 责任部门)
 * whose title rows give the date it was received, and a 记录清单 without a 版本 column whose 保存期限 are
 * written as people write them (３年, 三年, 3, 3年（电子）, 产品停产后+1年, 2年半), with a note row and a
 * sign-off merged across the table, and the company's name in its title. Nothing is dropped or altered
 * on the quiet: each value is kept, or its row says why not and what to write. Workbooks made here.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { builtOnce, csr, csrInProcess, gitInit, minimalRepo } from "../helpers.js";

const TODAY = "2026-12-06";

/** A sheet as a supplier draws it: title rows and notes merged across the table's columns. */
async function workbook(path: string, titles: string[], header: string[], rows: unknown[][], footer: string[]): Promise<void> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Sheet1");
  let r = 1;
  const merged = (text: string) => {
    sheet.getCell(r, 1).value = text;
    sheet.mergeCells(r, 1, r, header.length);
    r++;
  };
  titles.forEach(merged);
  header.forEach((h, i) => (sheet.getCell(r, i + 1).value = h));
  r++;
  for (const row of rows) {
    row.forEach((v, i) => {
      if (v !== null) sheet.getCell(r, i + 1).value = v as ExcelJS.CellValue;
    });
    r++;
  }
  footer.forEach(merged);
  await book.xlsx.writeFile(path);
}

/** Two procedures released before csr (imported), as a procedure list brings them in. */
const imported = (id: string, title: string) =>
  [`id: ${id}`, `title: ${title}`, "level: 2", "kind: procedure", "department: QA", "status: released", "revisions:", "  - version: A/0", "    date: 2024-03-01", "    imported: true", "    prepared: {by: zhang}", "    approved: {by: li}", ""].join("\n");

/** The repository every test starts from, made once per file (builtOnce) by csr in this process (csrInProcess) and copied for each test. */
const repository = builtOnce(async (): Promise<string> => {
  const dir = gitInit(minimalRepo({ "documents/QP-001.yaml": imported("QP-001", "文件控制程序"), "documents/QP-004.yaml": imported("QP-004", "顾客特定要求管理程序") }));
  // qms.yaml as csr init leaves it: the example company's name.
  const qms = join(dir, "qms.yaml");
  writeFileSync(qms, readFileSync(qms, "utf8").replace("测试汽车零部件有限公司", "某某汽车零部件有限公司"));
  const run = async (args: string[]) => expect((await csrInProcess(["-C", dir, ...args])).code, args.join(" ")).toBe(0);
  await run(["customer", "add", "GWM", "--name", "长城汽车股份有限公司", "--class", "A", "-y"]);
  await run(["source", "add", "GWM", "--id", "GWM-SQM", "--title", "长城汽车供应商质量手册", "--revision", "2024版", "--issued", "2026-11-20", "--received", "2026-12-04", "--department", "QA", "-y"]);
  return dir;
});

const MATRIX_HEADER = ["序号", "条款", "要求", "对应文件", "责任部门"];
const MATRIX_ROWS = [
  [1, "4.3.2", "顾客特定要求须在收到后10个工作日内完成评审", "QP-004", "市场部"],
  [2, "7.5.3.2.2", "工程规范变更须评审并记录导入生产日期", "QP-001、QP-004", "品质部"],
];

const yamlOf = (dir: string, path: string) => parse(readFileSync(join(dir, path), "utf8"));

describe("csr import --as csr of a Chinese CSR matrix (tester67b B1, B6, B9, B10)", () => {
  it("reads 对应文件 as where each requirement is addressed, says why 责任部门 is not kept, and takes the date received from the title rows", async () => {
    const dir = await repository();
    await workbook(join(dir, "矩阵.xlsx"), ["长城汽车 顾客特定要求矩阵", "顾客：长城汽车股份有限公司    CSR版本：GWM-SQM 2024版    接收日期：2026.12.3"], MATRIX_HEADER, MATRIX_ROWS, ["注：本矩阵随长城CSR换版时更新。"]);
    const result = csr(["-C", dir, "import", "矩阵.xlsx", "--as", "csr", "--customer", "GWM", "--source", "GWM-SQM", "--today", TODAY, "--lang", "zh-CN"]);
    const lines = result.stdout.split("\n");
    expect(lines).toContain(
      "“责任部门”未导入：顾客特定要求没有存放部门的字段。实施负责人是一个人，csr 读自“负责人”列（people.yaml 中的人员）：请把该列换成各条的负责人后重新导入，或导入后用 'csr implement <编号> --owner <人员>' 记录；需要哪些部门会签评审，用 'csr review <编号> --required <部门>' 指定。",
    );
    expect(lines).toContain("第 6 行：'注：本矩阵随长城CSR换版时更新。' 是表格下方的注释，不是条目：未导入（文件中没有存放清单注释的位置；其内容若是某个文件的要求，请写进该文件）");
    // The source revision was registered as received a day after the matrix says: the way to correct it is named.
    expect(lines).toContain(
      "清单标题行（第 2 行）写有接收日期：GWM-001、GWM-002 的接收日期取 2026-12-03（来源文件 GWM-SQM 2024版），评审期限从这天起算；实际接收日期不同时用 --received <日期> 重新导入。" +
        "来源文件 GWM-SQM 2024版登记的接收日期是 2026-12-04，晚于此日期（csr check 报告 date/received-before-source）：若该版本实为 2026-12-03 收到，用 'csr source update GWM-SQM --revision 2024版 --received 2026-12-03 --amend' 更正。",
    );
    expect(yamlOf(dir, "csr/GWM/GWM-001.yaml")).toMatchObject({ received: "2026-12-03", addressed: [{ document: "QP-004" }] });
    expect(yamlOf(dir, "csr/GWM/GWM-002.yaml")).toMatchObject({ received: "2026-12-03", addressed: [{ document: "QP-001" }, { document: "QP-004" }] });
  });

  it("reads 对应程序 so too, and names a revision label ending in 版 once (without a date in the title)", async () => {
    const dir = await repository();
    await workbook(join(dir, "矩阵.xlsx"), ["长城汽车 顾客特定要求矩阵"], ["序号", "条款", "要求", "对应程序", "责任部门"], MATRIX_ROWS, []);
    const result = await csrInProcess(["-C", dir, "import", "矩阵.xlsx", "--as", "csr", "--customer", "GWM", "--source", "GWM-SQM", "--today", TODAY, "--lang", "zh-CN"]);
    expect(result.stdout.split("\n")).toContain(
      "清单没有接收日期：GWM-001、GWM-002 的接收日期取来源文件 GWM-SQM 2024版的接收日期 2026-12-04（与 csr add 相同），评审期限从这天起算；实际接收日期不同时用 --received <日期> 重新导入。",
    );
    expect(yamlOf(dir, "csr/GWM/GWM-002.yaml")).toMatchObject({ received: "2026-12-04", addressed: [{ document: "QP-001" }, { document: "QP-004" }] });
  });

  it("says in English why 责任部门 is not kept", async () => {
    const dir = await repository();
    await workbook(join(dir, "矩阵.xlsx"), ["长城汽车 顾客特定要求矩阵"], MATRIX_HEADER, MATRIX_ROWS, []);
    const result = await csrInProcess(["-C", dir, "import", "矩阵.xlsx", "--as", "csr", "--customer", "GWM", "--source", "GWM-SQM", "--today", TODAY, "--dry-run", "--lang", "en"]);
    expect(result.stdout).toContain("'责任部门' not imported: a customer-specific requirement has no field for a department.");
  });
});

const LIST_HEADER = ["序号", "表单编号", "表单名称", "所属程序", "保存期限", "保存部门"];
const LIST_ROWS = [
  [1, "QR-001-01", "文件发放回收记录", "QP-001", "３年", "品质部"],
  [2, "QR-001-02", "文件更改申请单", "QP-001", "三年", "品质部"],
  [3, "QR-004-01", "顾客特定要求评审记录", "QP-004", 3, "市场部"],
  [4, "QR-004-02", "顾客特定要求清单", "QP-004", "3年（电子）", "市场部"],
  [5, "QR-004-03", "顾客投诉台账", "QP-004", "产品停产后+1年", "市场部"],
  [6, "QR-004-04", "质量月报", "QP-004", "2年半", "市场部"],
  [7, "QR-004-05", "顾客来函", "QP-004", "按法规要求", "市场部"],
];

async function recordList(dir: string): Promise<void> {
  await workbook(join(dir, "记录清单.xlsx"), ["苏州恒立精密部件有限公司  记录清单（表单一览表）"], LIST_HEADER, LIST_ROWS, ["注：保存期限自记录形成之日起计算。", "编制：张伟    审核：李娜    批准：王强"]);
}

describe("csr import --as forms of a 记录清单 without versions (tester67b B2, B5, B7, B8, B9, B11)", () => {
  it("counts each 保存期限 it can read, keeps the text, and says each it cannot count", async () => {
    const dir = await repository();
    await recordList(dir);
    const result = csr(["-C", dir, "import", "记录清单.xlsx", "--as", "forms", "--link-forms", "--version-in-use", "A/0", "--today", TODAY, "--lang", "zh-CN"]);
    const lines = result.stdout.split("\n");
    const record = (id: string) => yamlOf(dir, `documents/${id}.yaml`).record;
    expect(record("QR-001-01")).toMatchObject({ retention: "３年", retention_term: { years: 3 } });
    expect(record("QR-001-02")).toMatchObject({ retention: "三年", retention_term: { years: 3 } });
    expect(record("QR-004-01")).toEqual({ retention: "3年", location: "市场部" });
    expect(record("QR-004-02")).toMatchObject({ retention: "3年（电子）", retention_term: { years: 3 } });
    expect(record("QR-004-03")).toMatchObject({ retention: "产品停产后+1年", retention_term: { years: 1, after: "产品停产" } });
    expect(record("QR-004-04")).toMatchObject({ retention: "2年半", retention_term: { years: 2, months: 6 } });
    expect(record("QR-004-05")).toEqual({ retention: "按法规要求", location: "市场部" });
    expect(lines).toContain("第 3 行：“保存期限”中的 '３年' 按 3年 计算保存期满（写入 record.retention_term，原文照录）");
    expect(lines).toContain("第 7 行：“保存期限”中的 '产品停产后+1年' 按 产品停产后1年 计算保存期满（写入 record.retention_term，原文照录）");
    expect(lines).toContain("第 8 行：“保存期限”中的 '2年半' 按 2年6个月 计算保存期满（写入 record.retention_term，原文照录）");
    expect(lines).toContain("  “保存期限”中的 '3' → 3年（第 5 行）");
    expect(lines).toContain(
      "第 9 行：“保存期限”中的 '按法规要求' 不是 csr 能计算的保存期限（如 3年、6个月、产品寿命期+1年、停产后15年、长期、永久）：原文照录，但 csr list disposals 算不出其记录何时保存期满。请把单元格改成这样的写法后重新导入，或在 documents/QR-004-05.yaml 的 record 下写明 retention_term（如 retention_term: {years: 2, months: 6}）",
    );
    // The note under the table, the sign-off merged across it once, and the company the title names.
    expect(lines).toContain("第 10 行：'注：保存期限自记录形成之日起计算。' 是表格下方的注释，不是条目：未导入（文件中没有存放清单注释的位置；其内容若是某个文件的要求，请写进该文件）");
    expect(lines).toContain("第 11 行的签署（编制：张伟    审核：李娜    批准：王强）是清单本身的签署，不是各文件的签字：未导入。");
    expect(lines).toContain(
      "标题行（第 1 行）写有公司名称 苏州恒立精密部件有限公司，而 qms.yaml 的组织名称仍是 csr init 的示例 某某汽车零部件有限公司（印在每份文件和登记表上）：如 苏州恒立精密部件有限公司 是贵公司，运行 csr organisation update --name 苏州恒立精密部件有限公司（导入不改 qms.yaml）。",
    );
    expect(readFileSync(join(dir, "qms.yaml"), "utf8")).toContain("某某汽车零部件有限公司");
    // --version-in-use: each form released before csr in A/0, undated, linked to its procedure, listed per procedure.
    expect(lines).toContain("7 个文件清单未写版本，按 --version-in-use 记为在用的 A/0 版（导入前已发布）：QR-001-01、QR-001-02、QR-004-01、QR-004-02、QR-004-03、QR-004-04、QR-004-05。");
    expect(yamlOf(dir, "documents/QR-001-01.yaml")).toMatchObject({ status: "released", revisions: [{ version: "A/0", imported: true }] });
    expect(result.stdout).toContain("\n已把表单加入其所属程序：\n  documents/QP-001.yaml：forms + QR-001-01、QR-001-02\n  documents/QP-004.yaml：forms + QR-004-01、QR-004-02、QR-004-03、QR-004-04、QR-004-05\n");
    expect(result.stdout).not.toContain("unreleased-referenced");
  });

  it("says the counted and uncounted retention periods in English", async () => {
    const dir = await repository();
    await recordList(dir);
    const result = await csrInProcess(["-C", dir, "import", "记录清单.xlsx", "--as", "forms", "--version-in-use", "A/0", "--today", TODAY, "--dry-run", "--lang", "en"]);
    const lines = result.stdout.split("\n");
    expect(lines).toContain("row 7: '产品停产后+1年' in '保存期限' is counted as 1 year after 产品停产 for the end of retention (written to record.retention_term; the text kept as written)");
    expect(lines).toContain("row 8: '2年半' in '保存期限' is counted as 2 years 6 months for the end of retention (written to record.retention_term; the text kept as written)");
    expect(lines).toContain("7 documents give no version in the register and are written with version A/0 in use, as --version-in-use gives it (released before csr): QR-001-01, QR-001-02, QR-004-01, QR-004-02, QR-004-03, QR-004-04, QR-004-05.");
  });

  it("without --version-in-use: import and csr check give the same advice for the drafts, not csr release", async () => {
    const dir = await repository();
    await recordList(dir);
    const result = await csrInProcess(["-C", dir, "import", "记录清单.xlsx", "--as", "forms", "--link-forms", "--today", TODAY, "--lang", "zh-CN"]);
    expect(result.stdout).toContain("或用 --version-in-use <版本> 给出清单未写版本的各行的现行版本");
    const check = csr(["-C", dir, "check", "--today", TODAY, "--lang", "zh-CN"]);
    const finding = check.stdout.split("\n").find((l) => l.startsWith("documents/QP-001.yaml:") && l.includes("doc/unreleased-referenced"));
    expect(finding).toBe(
      "documents/QP-001.yaml:14:5 error doc/unreleased-referenced QP-001 引用了从未发布的 QR-001-01（草稿）。QP-001 是导入前已发布的文件，QR-001-01 当时已在使用：请按纸质原件记录其现行版本，不要用 csr release（它把发布日期记为今天）——删去 documents/QR-001-01.yaml，在清单中补上版本（或加 --version-in-use <版本>）后重新导入（csr import <清单> --as forms）；或删除该引用并发布 QP-001 的新版本。",
    );
  });

  it("refuses a --version-in-use it cannot read, and with --as csr", async () => {
    const dir = await repository();
    expect(csr(["-C", dir, "import", "记录清单.xlsx", "--as", "forms", "--version-in-use", "第二版", "--lang", "zh-CN"])).toMatchObject({ code: 2, stderr: "csr: --version-in-use '第二版' 不是 csr 能读的版本（如 A/0、A0、B/1）。\n" });
    expect(await csrInProcess(["-C", dir, "import", "记录清单.xlsx", "--as", "csr", "--version-in-use", "A/0", "--lang", "zh-CN"])).toMatchObject({ code: 2, stderr: "csr: --version-in-use 只用于文件清单（--as procedures、instructions、forms、documents、external），不用于 --as csr。\n" });
  });
});
