/**
 * A form register without any date column (tester20 F7): 序号, 记录名称, 表单编号, 版本, 所属程序, 保存期限,
 * 保存部门, 保存方式, 备注, as most 记录表单一览表 are. Each form with a version comes in as a controlled
 * form whose imported version has no date — none made up, none left a draft — printed as 见原纸质记录,
 * in force before any day a register is asked for; `csr set --issued` records the date once found, and
 * `csr set --department` corrects the department taken from 保存部门. The built binary, on a workbook
 * made here.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { checkJson, csr, git, gitInit, minimalRepo, releasedProcedure, tempDir } from "../helpers.js";

const HEADER = ["序号", "记录名称", "表单编号", "版本", "所属程序", "保存期限", "保存部门", "保存方式", "备注"];

/** The register as a 文控 keeps it: no 发布日期, no 归口部门, 保存部门 by name. */
async function formRegister(dir: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("记录表单一览表");
  sheet.addRow(HEADER);
  sheet.addRow([1, "记录清单", "QR-001-01", "A/0", "QP-001", "3年", "品质部", "纸质", ""]);
  sheet.addRow([2, "顾客满意度调查表", "QR-002-01", "B1", "QP-001", "3年", "市场部", "纸质", ""]);
  await workbook.xlsx.writeFile(join(dir, "记录表单一览表.xlsx"));
}

function repository(): string {
  return minimalRepo({ "documents/QP-001.yaml": releasedProcedure("QP-001", "记录控制程序", { title: "目的", text: "规定记录的控制。" }) });
}

const file = (dir: string, path: string) => parse(readFileSync(join(dir, path), "utf8"));

/** The repository with the register imported and committed. */
async function imported(): Promise<string> {
  const dir = gitInit(repository());
  await formRegister(dir);
  const result = csr(["-C", dir, "import", "记录表单一览表.xlsx", "--as", "forms", "--today", "2026-11-27"], { lang: "zh-CN" });
  expect(result.stderr).toBe("");
  git(dir, ["add", "-A"]);
  git(dir, ["commit", "-q", "-m", "import"]);
  return dir;
}

describe("csr import --as forms of a register without a date column", () => {
  it("imports each form as controlled, its version without a date, and says so in one line", async () => {
    const dir = gitInit(repository());
    await formRegister(dir);
    const result = csr(["-C", dir, "import", "记录表单一览表.xlsx", "--as", "forms", "--today", "2026-11-27"], { lang: "zh-CN" });
    // Without signature columns, the forms lack their signatures (doc/approval-missing), as for any form register.
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("");
    expect(result.stdout.split("\n").slice(0, 10)).toEqual([
      "读取 记录表单一览表.xlsx 的工作表 记录表单一览表：表头在第 1 行，数据 2 行。",
      "",
      "已写入 documents/QR-001-01.yaml",
      "已写入 documents/QR-002-01.yaml",
      "",
      "清单中以下写法已按 csr 的格式读取，文件中记为箭头右边的值：",
      "  “版本”中的 'B1' → B/1（第 3 行）",
      "",
      "2 个表单有版本，但清单没有发布日期列：其版本已作为导入前已发布的受控版本写入，不编造日期，登记表中的日期印作“见原纸质记录”；查到日期后，用 'csr set <表单编号> --issued <日期>' 补记，这不需要发布新版本。",
      "",
    ]);
    expect(result.stdout).toContain("\n清单没有归口部门或编制部门列：2 个文件的部门（department）取自“保存部门”；部门不同的，用 'csr set <编号> --department <部门>' 更正。\n");
    expect(result.stdout).toContain("\n已导入 2 行中的 2 行；写入的文件中有 2 个存在错误（见下方 csr check）。\ncsr check：2 个错误，0 个警告（doc/approval-missing 2）。\n");
    expect(file(dir, "documents/QR-001-01.yaml")).toEqual({
      id: "QR-001-01",
      title: "记录清单",
      level: 4,
      kind: "form",
      department: "QA",
      status: "released",
      revisions: [{ version: "A/0", imported: true }],
      record: { retention: "3年", medium: "paper", location: "品质部" },
    });
    expect(file(dir, "documents/QR-002-01.yaml")).toMatchObject({ department: "MKT", status: "released", revisions: [{ version: "B/1", imported: true }] });
  });

  it("a date column the register has, left empty, still refuses the row: that register dates its forms", async () => {
    const dir = repository();
    writeFileSync(join(dir, "forms.csv"), "表单编号,记录名称,版本,发布日期,保存部门,保存期限\nQR-001-01,记录清单,A/0,,品质部,3年\n");
    const result = csr(["-C", dir, "import", "forms.csv", "--as", "forms", "--today", "2026-11-27"]);
    expect(result.stdout).toContain("row 2: QR-001-01 has version A/0 but no issue date — fill in the issue date (row not imported)");
    expect(result.code).toBe(1);
  });
});

describe("a form whose imported version has no date", () => {
  it("is printed with 见原纸质记录 where the date would be, in the form register, its revision record and csr show", async () => {
    const dir = await imported();
    const forms = csr(["-C", dir, "list", "forms", "--format", "csv", "--today", "2026-11-27"], { lang: "zh-CN" });
    expect(forms.stdout.split("\r\n").slice(0, 3)).toEqual([]);
    const show = csr(["-C", dir, "show", "QR-001-01", "--today", "2026-11-27"], { lang: "zh-CN" });
    expect(show.stdout).toBe("");
    const render = csr(["-C", dir, "render", "QR-001-01", "--format", "md", "--today", "2026-11-27"], { lang: "zh-CN" });
    expect(render.stdout).toBe("");
  });
});
