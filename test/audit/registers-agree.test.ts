/**
 * The registers of one day agree on what is controlled and what is in force (auditor16 F3, F6, F23,
 * F24): the procedure lists, the form register, the controlled document list and the sheets of
 * `csr export` list the released documents only, with the same totals; the CSR matrix and a document's
 * page of `csr site` give the version in force on the day; a register rebuilt for a past day is on the
 * form revision of that day. Each case runs the built csr on a copy of examples/acme-auto.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { copyFixture, csrInProcess, gitInit, tempDir } from "../helpers.js";

const NOT_LISTED = "另有 1 份文件尚未发布（草稿或审批中），不是受控文件，未列入。";

/** acme-auto with a procedure just created by `csr new procedure` (a draft: no version, no signatures). */
function withDraftProcedure(): string {
  const dir = copyFixture("examples/acme-auto");
  writeFileSync(
    join(dir, "documents/procedures/QP-016.yaml"),
    "id: QP-016\ntitle: 应急计划管理程序\nlevel: 2\nkind: procedure\ndepartment: PRD\nclauses: [IATF16949:6.1.2.3]\nstatus: draft\nsections:\n  - title: 目的\n    text: 规定应急计划的制定和演练。\n",
  );
  return dir;
}

/**
 * What stderr may say besides 已写入: the hints for the one who runs the command (Table.hints), never in the register;
 * acme-auto records 品质部 as keeping each of its customers' documents, so its 外来文件清单 asks for no keeper (aud68 A13).
 */
const HINTS = [
  "用 'csr list documents --status draft' 或 '--status all' 列出尚未发布的文件。",
  "顾客要求认可对照表时，取得认可后用 'csr symbol approve BCM --by <认可人> --date <日期> --evidence <依据>' 登记。",
];

/** An English register's note on the cells that quote the organisation's records in Chinese (tester65 N1): for the one who runs it, on stderr. */
const QUOTED = /^\d+ cells? (is|are) quoted as written in the organisation's records \(Chinese\); csr does not translate their text\.$/;

async function run(dir: string, ...args: string[]): Promise<string> {
  const result = await csrInProcess(["-C", dir, ...args], { lang: null });
  expect(result.stderr.replace(/^已写入 .*\n/, "").split("\n").filter((line) => line !== "" && !HINTS.includes(line) && !QUOTED.test(line))).toEqual([]);
  expect(result.code).toBe(0);
  return result.stdout;
}

type Json = { title: string; rows: Record<string, string | number | null>[]; notes?: string[] };
const json = async (dir: string, ...args: string[]) => JSON.parse(await run(dir, ...args, "--format", "json", "--today", "2026-12-01")) as Json;

describe("the procedure lists and the form register list released documents only, as the controlled document list does (F24)", () => {
  it("leaves a new draft procedure out of 程序文件一览表 in both layouts, its total the 二级 count of 受控文件清单, and says so", async () => {
    const dir = withDraftProcedure();
    const documents = await json(dir, "list", "documents");
    const level2 = documents.rows.filter((r) => r.level === "二级").map((r) => r.number);
    expect(documents.title).toBe("受控文件清单（共 45 份）");
    expect(documents.notes).toEqual(["另有 2 份文件尚未发布（草稿或审批中），不是受控文件，未列入。"]);
    for (const style of ["iatf", "gjb"]) {
      const procedures = await json(dir, "list", "procedures", "--style", style);
      expect(procedures.title).toBe("程序文件一览表（共 15 份）");
      expect(procedures.rows.map((r) => r.number)).toEqual(level2);
      expect(procedures.notes).toEqual([NOT_LISTED]);
    }
    // The terminal's title and last line, where the auditor read 共 16 份 and a row without version or signatures.
    const terminal = (await run(dir, "list", "procedures", "--today", "2026-12-01")).trimEnd().split("\n");
    expect([terminal[0], terminal.at(-1)]).toEqual(["程序文件一览表（共 15 份）", NOT_LISTED]);
    expect(terminal.at(-3)).toMatch(/^15 +\S+ +QP-015 +A\/\d/);
  });

  it("leaves the draft work instruction out of 三级文件一览表 and the GJB list's 三级文件 column, and a draft form out of 表单清单", async () => {
    const dir = copyFixture("examples/acme-auto");
    // QP-011 uses the example's draft instruction WI-011-01 beside the released WI-010-01.
    const qp011 = join(dir, "documents/procedures/QP-011.yaml");
    writeFileSync(qp011, readFileSync(qp011, "utf8").replace("related: [QP-002, QP-010]\n", "related: [QP-002, QP-010, WI-010-01, WI-011-01]\n"));
    const documents = await json(dir, "list", "documents");
    const instructions = await json(dir, "list", "procedures", "--level", "3");
    expect(instructions.title).toBe("三级文件一览表（共 4 份）");
    expect(instructions.rows.map((r) => r.number)).toEqual(documents.rows.filter((r) => r.level === "三级").map((r) => r.number));
    expect(instructions.rows.map((r) => r.number)).not.toContain("WI-011-01");
    expect(instructions.notes).toEqual([NOT_LISTED]);
    const gjb = await json(dir, "list", "procedures", "--style", "gjb");
    expect(gjb.rows.find((r) => r.number === "QP-011")?.level3).toBe("WI-010-01 制动软管总成扣压作业指导书");
    const before = await json(dir, "list", "forms");
    writeFileSync(join(dir, "documents/forms/QR-016-01.yaml"), "id: QR-016-01\ntitle: 应急演练记录\nlevel: 4\nkind: form\ndepartment: PRD\nstatus: draft\n");
    const forms = await json(dir, "list", "forms");
    // The withdrawn HH-F-013 stays listed last: its records are kept for the product's life + 1 year (tester52 D9).
    expect([forms.title, forms.rows.length, forms.notes]).toEqual([before.title, before.rows.length, ["表末另列已作废的表单 1 种（HH-F-013）：已停止填写，已填写的记录仍按表中的保存期限、保存方式和存放地点保存。", NOT_LISTED, "保存期限、保存方式和存放地点没有记录日期，按现在的登记列出，不一定是 2026-12-01 当日的登记（其更改见 csr history <表单编号>）。"]]);
  });
});

describe("csr export writes the controlled document list as csr list documents prints it, the drafts on a sheet of their own (F3)", () => {
  it("has 受控文件清单 with the list's title, total and form, and 在编文件 without the form number; import without --sheet names both", async () => {
    const dir = copyFixture("examples/acme-auto");
    const book = join(tempDir(), "registers.xlsx");
    await run(dir, "export", "--out", book, "--today", "2026-12-01");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(book);
    const names = workbook.worksheets.map((w) => w.name);
    // The documented information together, after the training (ISO 9001 7.5 after 7.2; tester82 A6).
    expect(names.slice(names.indexOf("程序文件一览表"), names.indexOf("程序文件一览表") + 4)).toEqual(["程序文件一览表", "受控文件清单", "在编文件", "表单清单"]);
    const sheet = (name: string) => workbook.getWorksheet(name)!;
    const listed = await json(dir, "list", "documents");
    expect(sheet("受控文件清单").getCell("A1").value).toBe(listed.title);
    expect(sheet("受控文件清单").rowCount - 2).toBeGreaterThanOrEqual(listed.rows.length);
    expect(sheet("受控文件清单").getColumn(3).values.slice(3, 3 + listed.rows.length)).toEqual(listed.rows.map((r) => r.number));
    expect(sheet("受控文件清单").headerFooter.oddHeader).toContain("表单编号：QR-001-03 A/0");
    expect(sheet("在编文件").getCell("A1").value).toBe("在编文件清单（草稿及审批中，共 1 份）");
    expect([sheet("在编文件").getCell("C3").value, sheet("在编文件").getCell("D5").value]).toEqual(["WI-011-01", "草稿和审批中的文件不是受控文件，不列入受控文件清单，不得发放使用；发布后列入受控文件清单。"]);
    expect(sheet("在编文件").headerFooter.oddHeader).not.toContain("表单编号");
    // Without --sheet, two sheets hold documents: import says so rather than leave the drafts behind.
    const target = await freshCopy();
    const guess = await csrInProcess(["-C", target, "import", book, "--as", "documents", "--dry-run"], { lang: null });
    expect([guess.code, guess.stderr]).toEqual([2, `csr: ${book} 中有多个工作表可能是受控文件清单：'受控文件清单'、'在编文件'。请用 --sheet 指定其中一个，例如 --sheet '受控文件清单'。\n`]);
  });

  it("prints a document list of another status without the controlled list's form number, under a file name of its own", async () => {
    const dir = copyFixture("examples/acme-auto");
    const heading = async (...args: string[]) => (await run(dir, "list", "documents", ...args, "--format", "md", "--today", "2026-12-01")).split("\n").slice(0, 3);
    expect(await heading()).toEqual(["## 受控文件清单（共 45 份）", "", "江苏安迈汽车零部件有限公司 ｜ 表单编号：QR-001-03 A/0 ｜ 截至 2026-12-01"]);
    expect(await heading("--status", "all")).toEqual(["## 文件清单（现行及未发布，共 46 份）", "", "江苏安迈汽车零部件有限公司 ｜ 截至 2026-12-01"]);
    expect(await heading("--status", "draft")).toEqual(["## 文件清单（草稿，共 1 份）", "", "江苏安迈汽车零部件有限公司 ｜ 截至 2026-12-01"]);
    const out = tempDir();
    await run(dir, "list", "documents", "--status", "all", "--format", "csv", "--out", `${out}/`, "--today", "2026-12-01");
    expect(readFileSync(join(out, "documents-all.csv"), "utf8")).toContain("WI-011-01");
  });
});

describe("the note under a 受控文件清单 that left drafts out is not imported as an entry", () => {
  it("imports the workbook of csr list documents, printed several pages wide with its note in the column of 文件名称, entry by entry", async () => {
    const book = join(tempDir(), "documents.xlsx");
    await run(copyFixture("examples/acme-auto"), "list", "documents", "--out", book, "--today", "2026-12-01");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(book);
    // Row 47 is the last entry, 48 is empty, 49 the note, in column D (文件名称), after the columns repeated on every page.
    expect([workbook.worksheets[0]!.getCell("D2").value, workbook.worksheets[0]!.getCell("D49").value]).toEqual(["文件名称", NOT_LISTED]);
    const imported = await csrInProcess(["-C", await freshCopy(), "import", book, "--as", "documents", "--add-people"], { lang: null });
    expect(imported.stdout).toContain("\n已导入 45 行中的 45 行。\n");
    expect(imported.stdout).not.toContain("没有文件编号");
    expect(imported.code).toBe(0);
  }, 60_000);
});

/** An empty repository with acme-auto's configuration and people, to import its registers into. */
async function freshCopy(): Promise<string> {
  const dir = copyFixture("examples/acme-auto");
  const keep = ["qms.yaml", "people.yaml", "processes.yaml", "standards", "customers", "calendars"];
  const { readdirSync, rmSync } = await import("node:fs");
  for (const entry of readdirSync(dir)) if (!keep.includes(entry)) rmSync(join(dir, entry), { recursive: true, force: true });
  return dir;
}

/** QP-014 A/2, released on 2026-11-25 to take effect on 2026-12-15 (csr release --effective), as the auditor's flow did. */
function withPendingRevision(): string {
  const dir = copyFixture("examples/acme-auto");
  const path = join(dir, "documents/procedures/QP-014.yaml");
  const text = readFileSync(path, "utf8")
    .replace("effective: 2025-03-10\n", "effective: 2026-12-15\n")
    .replace(
      "related: [QP-007, QP-010, WI-010-01]\n",
      "  - version: A/2\n    date: 2026-11-25\n    effective: 2026-12-15\n    summary: 增加顾客符号更新时限\n    pages: P5\n    total_pages: 2\n    prepared: { by: gaoyang, date: 2026-11-25 }\n    reviewed: { by: zhoupeng, date: 2026-11-25 }\n    approved: { by: xuht, date: 2026-11-25 }\nrelated: [QP-007, QP-010, WI-010-01]\n",
    );
  writeFileSync(path, text);
  return dir;
}

describe("the CSR matrix and the site give the version in force on the day, a pending one marked as the procedure list marks it (F6)", () => {
  it("prints A/1 then A/2 待实施 before 2026-12-15, and A/2 from that day, in both languages", async () => {
    const dir = withPendingRevision();
    const version = async (today: string, lang: string[] = []) => {
      const matrix = JSON.parse(await run(dir, "matrix", "csr", "--format", "json", "--today", today, ...lang)) as Json;
      return matrix.rows.filter((r) => r.document === "QP-014").map((r) => `${r.id} ${r.version}`);
    };
    expect(await version("2026-12-01")).toEqual(["DYA-001 A/1；A/2 待实施（2026-12-15 实施）"]);
    expect(await version("2026-12-01", ["--lang", "en"])).toEqual(["DYA-001 A/1; A/2 not yet in force (from 2026-12-15)"]);
    expect(await version("2026-12-15")).toEqual(["DYA-001 A/2"]);
    // The procedure list says it in the same words: 版本 the version in force, which an auditor compares with the copy in use,
    // and 备注 the one to come; so does the controlled document list, with the signatures and dates of A/1 (breaker62 P8).
    const procedures = await json(dir, "list", "procedures");
    expect(procedures.rows.filter((r) => r.number === "QP-014").map((r) => [r.version, r.remarks])).toEqual([["A/1", "A/2 待实施（2026-12-15 实施）"]]);
    const documents = await json(dir, "list", "documents");
    expect(documents.rows.filter((r) => r.number === "QP-014").map((r) => [r.version, r.issued, r.status])).toEqual([["A/1", "2025-03-10", "已发布（A/1 现行；A/2 待实施，2026-12-15 实施）"]]);
    const from = JSON.parse(await run(dir, "list", "procedures", "--format", "json", "--today", "2026-12-15")) as Json;
    expect(from.rows.filter((r) => r.number === "QP-014").map((r) => [r.version, r.remarks])).toEqual([["A/2", ""]]);
  });

  it("gives the same 现行版本 on the document's page of csr site", async () => {
    const dir = gitInit(withPendingRevision());
    const out = join(tempDir(), "site");
    expect((await csrInProcess(["-C", dir, "site", "--out", out, "--today", "2026-12-01"], { lang: null })).code).toBe(0);
    expect(readFileSync(join(out, "documents/QP-014.html"), "utf8").match(/<li>现行版本：[^<]*<\/li>/g)).toEqual(["<li>现行版本：A/1；A/2 待实施（2026-12-15 实施）</li>"]);
  }, 60_000);
});

describe("a register is headed with its form's revision in force on the register's day (F23)", () => {
  it("prints QR-002-01 A/0 over the form register as of 2025-06-01 (A/1 is of 2025-12-15), A/1 today", async () => {
    const dir = copyFixture("examples/acme-auto");
    const heading = async (today: string) => (await run(dir, "list", "forms", "--format", "md", "--today", today)).split("\n")[2];
    expect(await heading("2025-06-01")).toBe("江苏安迈汽车零部件有限公司 ｜ 表单编号：QR-002-01 A/0 ｜ 截至 2025-06-01");
    expect(await heading("2026-12-01")).toBe("江苏安迈汽车零部件有限公司 ｜ 表单编号：QR-002-01 A/1 ｜ 截至 2026-12-01");
  });

  it("keeps the revision before one released to take effect later", async () => {
    const dir = copyFixture("examples/acme-auto");
    const path = join(dir, "documents/forms/QR-001-03.yaml");
    const text = readFileSync(path, "utf8");
    const revised = text
      .replace("effective: 2024-03-01\n", "effective: 2026-12-15\n")
      .replace("record:\n", "  - version: A/1\n    date: 2026-11-20\n    effective: 2026-12-15\n    summary: 增加生效日期栏\n    pages: 全部\n    total_pages: 1\n    prepared: { by: chenjing, date: 2026-11-18 }\n    reviewed: { by: zhangli, date: 2026-11-19 }\n    approved: { by: xuht, date: 2026-11-20 }\nrecord:\n");
    expect(revised).not.toBe(text);
    writeFileSync(path, revised);
    const heading = async (today: string) => (await run(dir, "list", "documents", "--format", "md", "--today", today)).split("\n")[2];
    expect(await heading("2026-12-01")).toBe("江苏安迈汽车零部件有限公司 ｜ 表单编号：QR-001-03 A/0 ｜ 截至 2026-12-01");
    expect(await heading("2026-12-15")).toBe("江苏安迈汽车零部件有限公司 ｜ 表单编号：QR-001-03 A/1 ｜ 截至 2026-12-15");
  });
});
