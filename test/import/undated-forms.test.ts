/**
 * A form register without any date column (tester20 F7): 序号, 记录名称, 表单编号, 版本, 所属程序, 保存期限,
 * 保存部门, 保存方式, 备注, as most 记录表单一览表 are. Each form with a version comes in as a controlled
 * form whose imported version has no date — none made up, none left a draft — printed as 见原纸质记录,
 * in force before any day a register is asked for; `csr set --issued` records the date once found, and
 * `csr set --department` corrects the department taken from 保存部门. csr runs in this process (csrInProcess:
 * what is tested is what the commands write and print), on a workbook made here.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { builtOnce, checkJsonInProcess, csrInProcess, git, gitInit, minimalRepo, releasedProcedure, tempDir } from "../helpers.js";
import { today } from "../today.js";

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

/** The repository with the register imported and committed: made once (a csr import and its workbook) and copied for each test (builtOnce). */
const imported = builtOnce(async (): Promise<string> => {
  const dir = gitInit(repository());
  await formRegister(dir);
  const result = await csrInProcess(["-C", dir, "import", "记录表单一览表.xlsx", "--as", "forms", "--today", "2026-11-27"], { lang: "zh-CN" });
  expect(result.stderr).toBe("");
  git(dir, ["add", "-A"]);
  git(dir, ["commit", "-q", "-m", "import"]);
  return dir;
});

describe("csr import --as forms of a register without a date column", () => {
  it("imports each form as controlled, its version without a date, and says so in one line", async () => {
    const dir = gitInit(repository());
    await formRegister(dir);
    const result = await csrInProcess(["-C", dir, "import", "记录表单一览表.xlsx", "--as", "forms", "--today", "2026-11-27"], { lang: "zh-CN" });
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
    const result = await csrInProcess(["-C", dir, "import", "forms.csv", "--as", "forms", "--today", "2026-11-27"]);
    expect(result.stdout).toContain("\nrow 2: QR-001-01 has version A/0 but no issue date, so the revision cannot be recorded — fill in the date and import again (or empty 版本 to import it as a draft) (row not imported)\n");
    expect(result.code).toBe(1);
  });
});

describe("a form whose imported version has no date", () => {
  it("prints 见原纸质记录 where the date would be: form register (list, export, site), revision record, csr show", async () => {
    const dir = await imported();
    const forms = await csrInProcess(["-C", dir, "list", "forms", "--format", "csv", "--today", "2026-11-27"], { lang: "zh-CN" });
    expect(forms.stdout.split("\r\n").slice(0, 3)).toEqual([
      "\ufeff序号,表单编号,表单名称,版本/版次,发布日期,所属程序,部门,保存期限,保存方式,存放地点,备注",
      "1,QR-001-01,记录清单,A/0,见原纸质记录,,品质部,3年,纸质,品质部,",
      "2,QR-002-01,顾客满意度调查表,B/1,见原纸质记录,,市场部,3年,纸质,市场部,",
    ]);
    // In force before any day a register is asked for: the list as of a day long before the import has them.
    const before = await csrInProcess(["-C", dir, "list", "forms", "--format", "csv", "--today", "2020-01-01"], { lang: "zh-CN" });
    expect(before.stdout.split("\r\n")[1]).toBe("1,QR-001-01,记录清单,A/0,见原纸质记录,,品质部,3年,纸质,品质部,");

    const book = join(tempDir(), "book.xlsx");
    expect((await csrInProcess(["-C", dir, "export", "--out", book, "--today", "2026-11-27"], { lang: "zh-CN" })).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(book);
    expect(workbook.getWorksheet("表单清单")!.getRow(3).values).toEqual([undefined, 1, "QR-001-01", "记录清单", "A/0", "见原纸质记录", undefined, "品质部", "3年", "纸质", "品质部"]);

    const site = join(tempDir(), "site");
    expect((await csrInProcess(["-C", dir, "site", "--out", site, "--today", "2026-11-27"], { lang: "zh-CN" })).code).toBe(0);
    expect(readFileSync(join(site, "registers", "forms.html"), "utf8")).toContain('<td class="code">A/0</td><td class="date">见原纸质记录</td>');

    const show = await csrInProcess(["-C", dir, "show", "QR-001-01", "--today", "2026-11-27"], { lang: "zh-CN" });
    expect(show.stdout).toContain("\n  现行版本        A/0，发布日期见原纸质记录\n");
    expect(show.stdout).toContain("\n  修订记录        A/0  见原纸质记录\n");
    const out = join(tempDir(), "out");
    expect((await csrInProcess(["-C", dir, "render", "QR-001-01", "--format", "md", "--out", out, "--today", "2026-11-27"], { lang: "zh-CN" })).code).toBe(0);
    const printed = readFileSync(join(out, "QR-001-01.zh-CN.md"), "utf8").split("\n");
    expect(printed).toContain("| 制订日期 | 见原纸质记录 | 生效日期 | 见原纸质记录 |  |  |");
    expect(printed).toContain("| 见原纸质记录 | 导入前已发布的版本，修订内容见原纸质记录 |  | A/0 |  |");
  });

  it("reads back from the 表单清单 csr export writes: 见原纸质记录 is that version without a date, not a date to refuse (tester51 #5)", async () => {
    const dir = await imported();
    const book = join(tempDir(), "book.xlsx");
    expect((await csrInProcess(["-C", dir, "export", "--out", book, "--today", "2026-11-27"], { lang: "zh-CN" })).code).toBe(0);
    const again = gitInit(repository());
    const result = await csrInProcess(["-C", again, "import", book, "--sheet", "表单清单", "--as", "forms", "--today", "2026-11-27"], { lang: "zh-CN" });
    expect(result.stdout).not.toContain("不是 2021-05-05 这样的日期");
    expect(result.stdout).toContain("\n已导入 2 行中的 2 行；");
    expect(file(again, "documents/QR-002-01.yaml")).toMatchObject({ status: "released", revisions: [{ version: "B/1", imported: true }] });
    expect(file(again, "documents/QR-002-01.yaml").revisions[0]).not.toHaveProperty("date");
    const forms = (at: string) => csrInProcess(["-C", at, "list", "forms", "--format", "csv", "--today", "2026-11-27"], { lang: "zh-CN" });
    expect((await forms(again)).stdout).toBe((await forms(dir)).stdout);
  });

  it("is no change of a period, is due for its periodic review, and may not follow a dated revision", async () => {
    const dir = await imported();
    const period = await csrInProcess(["-C", dir, "changes", "2026-01-01", "2026-11-27", "--format", "json"]);
    expect((JSON.parse(period.stdout) as { changes: { id: string }[] }).changes.map((c) => c.id)).toEqual(["QP-001"]);

    const path = join(dir, "documents/QR-001-01.yaml");
    writeFileSync(path, readFileSync(path, "utf8").replace("status: released\n", "status: released\nreview_interval_months: 24\n"));
    const due = (await checkJsonInProcess(dir, "--today", "2026-11-27")).findings.filter((f) => f.rule !== "doc/approval-missing");
    expect(due.map((f) => [f.file, f.line, f.rule, f.message])).toEqual([
      [
        "documents/QR-001-01.yaml",
        7,
        "doc/periodic-review-due",
        "QR-001-01's current version A/0 was released before csr on a day only the paper record gives, and it has not been reviewed since, so its 24-month review has no known start. Review it for suitability and record it with 'csr periodic-review QR-001-01 --by zhang', or record the issue date once found with 'csr set QR-001-01 --issued <date>'.",
      ],
    ]);

    writeFileSync(path, readFileSync(path, "utf8").replace("  - version: A/0\n    imported: true\n", "  - version: A/0\n    date: 2024-01-01\n    summary: 首次发布\n  - version: A/1\n    imported: true\n"));
    const order = (await checkJsonInProcess(dir, "--today", "2026-11-27")).findings.filter((f) => f.rule === "doc/version-sequence");
    expect(order.map((f) => [f.line, f.message])).toEqual([
      [12, "Revision A/1 has no date but follows the dated revision A/0 (2024-01-01); only revisions released before csr, listed first, may be undated. Record the date of A/1, or correct the order."],
    ]);
  });
});

describe("csr set on a form imported without a date", () => {
  it("--issued records the date found later, after the version, with no new revision; a date recorded is not changed", async () => {
    const dir = await imported();
    const result = await csrInProcess(["-C", dir, "set", "QR-001-01", "--issued", "2019-03-01"], { lang: "zh-CN" });
    expect(result).toEqual({
      code: 0,
      stdout: "已修改 QR-001-01 记录清单（documents/QR-001-01.yaml）：\n  A/0 发布日期：2019-03-01\n这是补全导入时缺少的发布日期，使记录与纸质原件一致，不需要发布新版本。\n已写入 documents/QR-001-01.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n",
      stderr: "",
    });
    expect(readFileSync(join(dir, "documents/QR-001-01.yaml"), "utf8")).toContain("revisions:\n  - version: A/0\n    date: 2019-03-01\n    imported: true\n");
    // Completing the imported entry rewrites nothing.
    expect((await checkJsonInProcess(dir, "--base", "HEAD", "--today", "2026-11-27")).findings.filter((f) => f.rule.startsWith("doc/revision"))).toEqual([]);
    expect(await csrInProcess(["-C", dir, "set", "QR-001-01", "--issued", "2019-03-02"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: QR-001-01's A/0 already has the issue date 2019-03-01; a date in the revision record is evidence and is not changed (doc/revision-history-rewritten). --issued only records the date of a version imported without one.\n",
    });
  });

  it("--department corrects the department taken from 保存部门 without a revision; a released procedure's waits for its revision; an unknown one is refused", async () => {
    const dir = await imported();
    expect(await csrInProcess(["-C", dir, "set", "QR-001-01", "--department", "生产部"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --department 生产部: no such department in qms.yaml. Its departments: QA (品质部), MKT (市场部).\n",
    });
    const form = await csrInProcess(["-C", dir, "set", "QR-001-01", "--department", "市场部", "--commit"], { lang: "zh-CN" });
    expect(form.code).toBe(0);
    expect(form.stdout.split("\n").slice(0, 3)).toEqual([
      "已修改 QR-001-01 记录清单（documents/QR-001-01.yaml）：",
      "  部门：市场部（原为 品质部）",
      "QR-001-01 的正文在纸质原件上（从清单导入）：按原件补记相关记录、相关文件或部门，是补全导入，不需要发布新版本。",
    ]);
    expect(file(dir, "documents/QR-001-01.yaml").department).toBe("MKT");
    expect((await checkJsonInProcess(dir, "--base", "HEAD~1", "--today", "2026-11-27")).findings.filter((f) => f.rule === "doc/revision-not-bumped")).toEqual([]);

    const procedure = await csrInProcess(["-C", dir, "set", "QP-001", "--department", "MKT"]);
    expect(procedure).toEqual({
      code: 0,
      stdout: `Updated QP-001 记录控制程序 (documents/QP-001.yaml):\n  Department: 市场部 (was 品质部)\nQP-001 is released, and its department is printed in its header, part of its content: release a new revision ('csr release QP-001 --summary ...').\nQP-001 is now being revised (修订中, since ${today()}, as 'csr submit QP-001' marks it): its file holds the draft of its next version, and version A/0 stays in force, its text as released in registers, controlled copies and the site, until 'csr release QP-001' issues the new version; to give the change up, undo it and run 'csr submit QP-001 --withdraw'.\nWrote documents/QP-001.yaml; not committed (git commit it, or run with --commit).\n`,

      stderr: "",
    });
    // Marked 修订中 as csr submit marks it (tester54a A2): the change is the draft of the next version, A/0 stays in
    // force, and the pull-request check does not take it for an edit without a revision.
    expect(file(dir, "documents/QP-001.yaml").revising).toEqual({ since: today() });
    expect((await checkJsonInProcess(dir, "--base", "HEAD", "--today", "2026-11-27")).findings.filter((f) => f.rule === "doc/revision-not-bumped")).toEqual([]);
  });
});
