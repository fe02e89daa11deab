/**
 * Every list and matrix, in md, csv and json, compared with golden files that were reviewed by
 * hand. Regenerate them with UPDATE_GOLDEN=1 after an intended change, and review the diff.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadRepository } from "../../src/load/repository.js";
import { registerContext } from "../../src/report/registers/context.js";
import { csrList, csrMatrix } from "../../src/report/registers/csr.js";
import { documentList } from "../../src/report/registers/documents.js";
import { reviewRegister } from "../../src/report/registers/reviews.js";
import { toCsv, toJson, toMarkdown } from "../../src/report/table.js";
import { copyFixture, csrInProcess, FIXTURES, minimalRepo, ROOT, tempDir } from "../helpers.js";
import { daysAfter, today } from "../today.js";

const REPO = join(FIXTURES, "audit", "registers");
const GOLDEN = join(FIXTURES, "audit", "golden");

const CASES: [name: string, args: string[]][] = [
  ["procedures", ["list", "procedures", "--today", "2026-11-27"]],
  ["procedures-gjb", ["list", "procedures", "--style", "gjb", "--today", "2026-11-27"]],
  ["instructions", ["list", "procedures", "--level", "3", "--today", "2026-11-27"]],
  ["controlled-documents", ["list", "documents", "--today", "2026-11-27"]],
  ["forms", ["list", "forms", "--today", "2026-11-27"]],
  ["symbols", ["list", "symbols", "--today", "2026-11-27"]],
  ["matrix-clauses", ["matrix", "clauses", "--today", "2026-11-27"]],
  ["matrix-clauses-xref", ["matrix", "clauses", "--style", "cross-reference", "--today", "2026-11-27"]],
  ["csr-list", ["list", "csr", "--today", "2026-11-27"]],
  ["external", ["list", "external", "--today", "2026-11-27"]],
  ["obsolete", ["list", "obsolete", "--today", "2026-11-27"]],
  ["matrix-csr", ["matrix", "csr", "--today", "2026-11-27"]],
  ["reviews", ["list", "reviews", "--today", "2026-11-27"]],
];

/**
 * What the one who runs the command is told on stderr, not in the register (Table.hints): the command
 * that lists the drafts left out, records a customer's approval, the setting for inherited clauses.
 */
const DRAFTS = "用 'csr list documents --status draft' 或 '--status all' 列出尚未发布的文件。\n";
const INHERITED = "要覆盖继承的条款，请在满足这些条款的文件中直接对应；如果对应上级条款即覆盖其下级条款，请在 qms.yaml 中设置 coverage.inherit_from_parent: true。\n";
const HINTS: Record<string, string> = {
  procedures: DRAFTS,
  "procedures-gjb": DRAFTS,
  "controlled-documents": DRAFTS,
  symbols:
    "顾客要求认可对照表时，取得认可后用 'csr symbol approve FORD --by <认可人> --date <日期> --evidence <依据>' 登记。\n对照表须作为受控记录时，发布其表单后用 'csr organisation update --register-form symbols=<表单编号>' 指定。\n",
  "matrix-clauses": INHERITED + DRAFTS,
  "matrix-clauses-xref": INHERITED + DRAFTS,
};

function golden(file: string, actual: string): void {
  const path = join(GOLDEN, file);
  if (process.env.UPDATE_GOLDEN) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(path, actual);
  }
  expect(existsSync(path), `golden file ${file} is missing`).toBe(true);
  expect(actual).toBe(readFileSync(path, "utf8"));
}

describe("registers and matrices match their golden files", () => {
  for (const [name, args] of CASES) {
    for (const format of ["md", "csv", "json"]) {
      it(`${name}.${format}`, async () => {
        const result = await csrInProcess(["-C", REPO, ...args, "--format", format], { lang: null });
        expect(result.stderr).toBe(HINTS[name] ?? "");
        expect(result.code).toBe(0);
        golden(`${name}.${format}`, result.stdout);
      });
    }
  }
  it("procedures in English (--lang en)", async () => {
    const result = await csrInProcess(["-C", REPO, "list", "procedures", "--lang", "en", "--format", "md", "--today", "2026-11-27"]);
    expect(result.code).toBe(0);
    golden("procedures.en.md", result.stdout);
  });
  it("clause matrix in English (--lang en)", async () => {
    const result = await csrInProcess(["-C", REPO, "matrix", "clauses", "--lang", "en", "--format", "md", "--today", "2026-11-27"]);
    expect(result.code).toBe(0);
    golden("matrix-clauses.en.md", result.stdout);
  });
});

describe("the controlled document list lists documents in force", () => {
  it("lists drafts with --status draft, every live document with --status all, and refuses another status", async () => {
    const list = (...args: string[]) => csrInProcess(["-C", REPO, "list", "documents", ...args, "--format", "csv", "--today", "2026-11-27"], { lang: null });
    const rows = (csv: string) => csv.split("\r\n").slice(1).filter(Boolean).map((row) => row.split(",").slice(2, 4).join(" "));
    expect(rows((await list("--status", "draft")).stdout)).toEqual(["QP-005 管理评审程序"]);
    expect(rows((await list("--status", "all")).stdout)).toEqual(["QP-001 文件控制程序", "QP-003 生产过程控制程序", "QP-005 管理评审程序", "WI-001 标识和可追溯性作业指导书", "QR-001-01 文件发放/回收记录", "QR-003-01 首件检验记录"]);
    const md = await csrInProcess(["-C", REPO, "list", "documents", "--status", "draft", "--format", "md", "--today", "2026-11-27"], { lang: null });
    expect(md.stdout.split("\n")[0]).toBe("## 文件清单（草稿，共 1 份）");
    expect((await list("--status", "obsolete")).stderr).toMatch(/^csr: --status /);
  });
});

describe("a version released to take effect later is 待实施 until then", () => {
  it("lists it as 待实施 with its 生效日期 in the document list and the procedure list's 备注, and as 已发布 from that day", async () => {
    const doc = "id: QP-020\ntitle: 顾客特定要求管理程序\nlevel: 2\nkind: procedure\ndepartment: QA\nstatus: released\neffective: 2026-12-15\nrevisions:\n  - { version: A/0, date: 2026-11-20, effective: 2026-12-15, summary: 首次发布, prepared: { by: zhang, date: 2026-11-18 }, approved: { by: wang, date: 2026-11-20 } }\nsections:\n  - title: 目的\n    text: 规定评审方法。\n";
    const repo = minimalRepo({ "documents/QP-020.yaml": doc });
    const list = async (today: string, ...args: string[]) => (await csrInProcess(["-C", repo, "list", ...args, "--format", "json", "--today", today], { lang: null })).stdout;
    const before = JSON.parse(await list("2026-11-27", "documents")) as { rows: Record<string, unknown>[]; notes: string[] };
    expect(before.rows.map((r) => [r.number, r.status])).toEqual([["QP-020", "待实施（2026-12-15 实施）"]]);
    expect(before.notes).toEqual(["待实施 1 份：已发布，自状态栏所列日期起实施；此前仍执行其上一版本（首次发布的文件此前不适用）。"]);
    const procedures = JSON.parse(await list("2026-11-27", "procedures")) as { rows: Record<string, unknown>[] };
    expect(procedures.rows.map((r) => [r.number, r.remarks])).toEqual([["QP-020", "待实施（2026-12-15 实施）"]]);
    const from = JSON.parse(await list("2026-12-15", "documents")) as { rows: Record<string, unknown>[]; notes?: string[] };
    expect(from.rows.map((r) => [r.number, r.status])).toEqual([["QP-020", "已发布"]]);
    expect(from.notes).toEqual([]);
  });
});

describe("a form revision released to take effect later is 待实施 in the 表单清单 until then (tester54a A6)", () => {
  it("prints the version in force, A/0, and in 备注 A/1 待实施（… 实施） with a note, in both languages, as the controlled document list does, and A/1 alone from that day (breaker62 P8)", async () => {
    // Released on the day the test runs, in force three days on: a register of a day before the day the test runs would say
    // more (its retention, medium and location as registered now: register.forms.as-of-keeping).
    const released = today();
    const effective = daysAfter(released, 3);
    const signed = (date: string) => `prepared: { by: zhang, date: ${date} }, approved: { by: wang, date: ${date} }`;
    const form = `id: QR-020-01\ntitle: 首件检验记录\nlevel: 4\nkind: form\ndepartment: QA\nstatus: released\neffective: ${effective}\nrevisions:\n  - { version: A/0, date: 2024-03-01, summary: 首次发布, ${signed("2024-03-01")} }\n  - { version: A/1, date: ${released}, effective: ${effective}, summary: 增加二维码标签核对栏, ${signed(released)} }\nrecord: { retention: 3年, medium: paper, location: 品质部 }\n`;
    const repo = minimalRepo({ "documents/QR-020-01.yaml": form });
    const list = async (today: string, ...args: string[]) => JSON.parse((await csrInProcess(["-C", repo, "list", ...args, "--format", "json", "--today", today], { lang: null })).stdout) as { rows: Record<string, unknown>[]; notes?: string[] };
    const forms = await list(released, "forms");
    expect(forms.rows.map((r) => [r.number, r.version, r.issued, r.remarks])).toEqual([["QR-020-01", "A/0", "2024-03-01", `A/1 待实施（${effective} 实施）`]]);
    expect(forms.notes).toEqual(["待实施 1 种：已发布，自备注所列日期起实施；此前仍用其上一版本填写记录（首次发布的表单此前不使用）。"]);
    // The controlled document list's status names the version in force first (tester61 L11).
    expect((await list(released, "documents")).rows.map((r) => [r.number, r.version, r.issued, r.effective, r.status])).toEqual([["QR-020-01", "A/0", "2024-03-01", "2024-03-01", `已发布（A/0 现行；A/1 待实施，${effective} 实施）`]]);
    const en = await list(released, "forms", "--lang", "en");
    expect(en.rows.map((r) => [r.version, r.remarks])).toEqual([["A/0", `A/1 not yet in force (from ${effective})`]]);
    expect(en.notes).toEqual(["1 form released but not yet in force: it takes effect on the date in its remarks; until then records are filled in on its previous version (a first issue is not used before that date)."]);
    const from = await list(effective, "forms");
    expect(from.rows.map((r) => [r.number, r.version, r.remarks])).toEqual([["QR-020-01", "A/1", ""]]);
    expect(from.notes ?? []).toEqual([]);
  });
});

describe("a past day's 表单清单 says its retention, medium and location are as registered now (tester54a A7)", () => {
  it("notes it under a register dated before today, not under today's", async () => {
    const form = "id: QR-020-01\ntitle: 首件检验记录\nlevel: 4\nkind: form\ndepartment: QA\nstatus: released\nrevisions:\n  - { version: A/0, date: 2024-03-01, summary: 首次发布, prepared: { by: zhang, date: 2024-03-01 }, approved: { by: wang, date: 2024-03-01 } }\nrecord: { retention: 产品停产后1年, medium: paper, location: 品质部 }\n";
    const repo = minimalRepo({ "documents/QR-020-01.yaml": form });
    const notes = async (day: string) => (JSON.parse((await csrInProcess(["-C", repo, "list", "forms", "--format", "json", "--today", day], { lang: null })).stdout) as { notes?: string[] }).notes ?? [];
    expect(await notes("2026-11-09")).toEqual(["保存期限、保存方式和存放地点没有记录日期，按现在的登记列出，不一定是 2026-11-09 当日的登记（其更改见 csr history <表单编号>）。"]);
    expect(await notes(today())).toEqual([]);
  });
});

describe("a periodic review that found a document must be revised or withdrawn", () => {
  it("is noted in the 备注 of the controlled document list and the procedure lists after the document's own remarks, unless a revision of that day or later answers it", async () => {
    const doc = (id: string, review: string, more = "") =>
      `id: ${id}\ntitle: 程序${id}\nlevel: 2\nkind: procedure\ndepartment: QA\nstatus: released\n${more}revisions:\n  - { version: A/0, date: 2026-01-10, summary: 首次发布, prepared: { by: zhang, date: 2026-01-08 }, approved: { by: wang, date: 2026-01-10 } }\nreviews:\n  - ${review}\nsections:\n  - title: 目的\n    text: 规定方法。\n`;
    const repo = minimalRepo({
      "documents/QP-020.yaml": doc("QP-020", "{ by: wang, date: 2026-11-02, result: revise, comment: 需增加顾客参加评审的要求 }", "remarks: 纸质原件存档\n"),
      "documents/QP-021.yaml": doc("QP-021", "{ by: wang, date: 2026-11-03, result: withdraw, comment: 并入 QP-020 }"),
      "documents/QP-022.yaml": doc("QP-022", "{ by: wang, date: 2026-11-04 }"),
      // A revision released the day of the review answers it.
      "documents/QP-023.yaml": doc("QP-023", "{ by: wang, date: 2026-01-10, result: revise, comment: 换版时已修订 }"),
    });
    const rows = async (today: string, ...register: string[]) =>
      (JSON.parse((await csrInProcess(["-C", repo, "list", ...register, "--format", "json", "--today", today], { lang: null })).stdout) as { rows: Record<string, unknown>[] }).rows.map((r) => [r.number, r.remarks]);
    const noted = [
      ["QP-020", "纸质原件存档；定期评审结论：需修订（2026-11-02）"],
      ["QP-021", "定期评审结论：拟作废（2026-11-03）"],
      ["QP-022", ""],
      ["QP-023", ""],
    ];
    expect(await rows("2026-11-27", "documents")).toEqual(noted);
    // The 程序文件一览表 in both layouts notes it as well.
    expect(await rows("2026-11-27", "procedures")).toEqual(noted);
    expect(await rows("2026-11-27", "procedures", "--style", "gjb")).toEqual(noted);
  });
});

describe("registers that only the workbook carries", () => {
  const ctx = registerContext(loadRepository(REPO), "zh-CN");
  for (const [name, table] of [["documents", documentList(ctx, { today: "2026-11-27" })]] as const) {
    it(`${name} in md, csv and json`, async () => {
      golden(`${name}.md`, toMarkdown(table));
      golden(`${name}.csv`, toCsv(table));
      golden(`${name}.json`, toJson(table));
    });
  }
});

describe("the CSR list is one register", () => {
  it("csr list csr prints the export's CSR sheet, cell for cell, and the as-of date once", async () => {
    const book = join(tempDir(), "registers.xlsx");
    expect((await csrInProcess(["-C", REPO, "export", "--out", book, "--today", "2026-11-27"], { lang: null })).code).toBe(0);
    const { default: ExcelJS } = await import("exceljs");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(book);
    const sheet: string[][] = [];
    workbook.getWorksheet("顾客特定要求清单")!.eachRow((row) => sheet.push(Array.from((row.values as unknown[]).slice(1), (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v === null || v === undefined ? "" : String(v)))));
    const list = JSON.parse((await csrInProcess(["-C", REPO, "list", "csr", "--format", "json", "--today", "2026-11-27"], { lang: null })).stdout) as { title: string; columns: { header: string }[]; rows: Record<string, unknown>[] };
    expect(sheet[0]![0]).toBe(list.title);
    expect(sheet[1]).toEqual(list.columns.map((c) => c.header));
    const cells = list.rows.map((r) => Object.values(r).map((v) => (v === null ? "" : String(v))));
    expect(sheet.slice(2, 2 + cells.length).map((row) => [...row, ...Array(cells[0]!.length - row.length).fill("")])).toEqual(cells);
    const md = (await csrInProcess(["-C", REPO, "list", "csr", "--format", "md", "--today", "2026-11-27"], { lang: null })).stdout;
    expect(md.match(/2026-11-27/g)).toEqual(["2026-11-27"]);
  });
  it("a terminal shows the CSR list's overview columns", async () => {
    const result = await csrInProcess(["-C", REPO, "list", "--today", "2026-11-27"], { lang: null });
    expect(result.code).toBe(0);
    expect(result.stdout.split("\n").slice(0, 3)).toEqual([
      "顾客特定要求清单（共 2 项）",
      "",
      "编号      顾客代码  章节     条款   要求名称                   评审期限    剩余工作日  负责人  状态",
    ]);
  });
});

describe("terminal tables", () => {
  it("line up Chinese text and count the documents in the title", async () => {
    const result = await csrInProcess(["-C", REPO, "list", "procedures"], { lang: null });
    expect(result.code).toBe(0);
    expect(result.stdout.split("\n").slice(0, 6)).toEqual([
      // QP-005, a draft, is not a controlled document: a note under the table counts it (auditor16 F24).
      "程序文件一览表（共 2 份）",
      "",
      "序号  文件名称          文件编号  版本/版次  编制/修订  审核  批准  发布日期    备注",
      "----  ----------------  --------  ---------  ---------  ----  ----  ----------  ----------------",
      "1     文件控制程序      QP-001    A/1        张伟       李娜  王强  2024-03-01",
      "2     生产过程控制程序  QP-003    B/0        李娜       张伟  王强  2024-05-20  替代旧版 HH-P-03",
    ]);
  });
  it("the clause matrix ends with the coverage line and the uncovered clauses", async () => {
    const result = await csrInProcess(["-C", REPO, "matrix", "clauses"], { lang: null });
    expect(result.stdout.trimEnd().split("\n").slice(-12)).toEqual([
      "覆盖率：8/13 (61.5%)（计每个适用的编号条款）",
      // 8.5.2 only WI-001 names, 9.3 only process M1: covered, by no procedure (tester55 C8).
      "其中由程序文件覆盖：3/13 (23.1%)（只计程序文件本身对应的条款）",
      // 9 and 9.3: process M1 names them, no document does (tester68 G10).
      "仅由过程对应、无文件：2/13 (15.4%)（processes.yaml 列出，但没有受控文件对应，覆盖列记为“仅过程对应”）",
      "无程序文件对应的条款 5 条（仅由质量手册、过程或其他文件覆盖）：8、8.5、8.5.2、9、9.3",
      "● 直接对应；△ 仅对应上级条款（继承）；○ 通过下级文件对应",
      "由上级条款继承的 2 条不计为已覆盖：文件只对应了其上级条款。",
      "未覆盖：4 组织环境",
      "未覆盖：4.1 理解组织及其环境",
      "未覆盖：4.2 理解相关方的需求和期望",
      "仅继承：7.5.1 总则",
      "仅继承：7.5.3 成文信息的控制",
      // QP-005, a draft, is left out as in the procedure list (auditor17 F7).
      "另有 1 份文件尚未发布（草稿或审批中），不是受控文件，未列入。",
    ]);
  });
  it("counts inherited clauses as covered when qms.yaml says a parent covers its sub-clauses", async () => {
    const repo = copyFixture("test/fixtures/audit/registers");
    const config = join(repo, "qms.yaml");
    writeFileSync(config, readFileSync(config, "utf8").replace("departments:", "coverage:\n  inherit_from_parent: true\ndepartments:"));
    const result = await csrInProcess(["-C", repo, "matrix", "clauses", "--today", "2026-11-27"], { lang: null });
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines.find((l) => l.startsWith("7.5.1"))).toBe("7.5.1  总则                        ○   △                                   △ 由上级条款继承");
    expect(lines.slice(-10)).toEqual([
      "覆盖率：10/13 (76.9%)（计每个适用的编号条款）",
      // 7.5.1 and 7.5.3 count for the procedure that names 7.5 too.
      "其中由程序文件覆盖：5/13 (38.5%)（只计程序文件本身对应的条款）",
      "仅由过程对应、无文件：2/13 (15.4%)（processes.yaml 列出，但没有受控文件对应，覆盖列记为“仅过程对应”）",
      "无程序文件对应的条款 5 条（仅由质量手册、过程或其他文件覆盖）：8、8.5、8.5.2、9、9.3",
      "● 直接对应；△ 仅对应上级条款（继承）；○ 通过下级文件对应",
      "由上级条款继承的 2 条计为已覆盖：对应上级条款的文件视为覆盖其下级条款。",
      "未覆盖：4 组织环境",
      "未覆盖：4.1 理解组织及其环境",
      "未覆盖：4.2 理解相关方的需求和期望",
      "另有 1 份文件尚未发布（草稿或审批中），不是受控文件，未列入。",
    ]);
  });
  it("shows in its row the manual or work instruction that alone covers a clause (grid and cross-reference)", async () => {
    const repo = copyFixture("test/fixtures/audit/registers");
    const documents = join(repo, "documents");
    // A work instruction no procedure lists names 4.1; a released manual names 4.2 and, above 8.5.1 and 8.5.2, 8.5: no process or procedure reaches 4.1 or 4.2.
    const wi = readFileSync(join(documents, "WI-001.yaml"), "utf8");
    writeFileSync(join(documents, "WI-002.yaml"), wi.replace("id: WI-001", "id: WI-002").replace("title: 标识和可追溯性作业指导书", "title: 环境识别作业指导书").replace("clauses: [MINI:8.5.2]", "clauses: [MINI:4.1]"));
    writeFileSync(join(documents, "QM-01.yaml"), wi.replace("id: WI-001", "id: QM-01").replace("title: 标识和可追溯性作业指导书", "title: 质量手册").replace("level: 3\nkind: instruction", "level: 1\nkind: manual").replace("clauses: [MINI:8.5.2]", "clauses: [MINI:4.2, MINI:8.5]"));
    const grid = await csrInProcess(["-C", repo, "matrix", "clauses", "--format", "json", "--today", "2026-11-27"], { lang: null });
    expect([grid.code, grid.stderr]).toEqual([0, INHERITED + DRAFTS]);
    const table = JSON.parse(grid.stdout) as { columns: { key: string; header: string }[]; rows: Record<string, string>[]; notes: string[] };
    expect(table.columns.map((c) => c.header)).toEqual(["条款", "条款名称", "C3 生产控制过程", "M1 管理评审过程", "QP-001 文件控制程序", "QP-003 生产过程控制程序", "质量手册", "其他文件", "覆盖"]);
    const row = (number: string) => table.rows.find((r) => r.number === number);
    expect(row("4.1")).toEqual({ number: "4.1", title: "理解组织及其环境", "p:C3": "", "p:M1": "", "d:QP-001": "", "d:QP-003": "", manual: "", other: "WI-002", coverage: "已覆盖" });
    expect(row("4.2")).toEqual({ number: "4.2", title: "理解相关方的需求和期望", "p:C3": "", "p:M1": "", "d:QP-001": "", "d:QP-003": "", manual: "QM-01", coverage: "仅质量手册", other: "" });
    // A document naming only a clause above is listed with the inherited mark, one naming the clause itself without.
    expect([row("8.5.1")?.manual, row("8.5.2")?.manual, row("8.5.2")?.other]).toEqual(["QM-01 △", "QM-01 △", "WI-001"]);
    // 4, 4.1 and 4.2 are covered now; 4.2, and 4 above it, only by the manual, which the row and a line say (tester68 G10).
    expect(table.notes.slice(0, 3)).toEqual([
      "覆盖率：11/13 (84.6%)（计每个适用的编号条款）",
      "其中由程序文件覆盖：3/13 (23.1%)（只计程序文件本身对应的条款）",
      "仅由质量手册覆盖：2/13 (15.4%)（没有程序文件、作业指导书或表单对应，覆盖列记为“仅质量手册”）",
    ]);
    expect(table.rows.filter((r) => r.coverage === "仅质量手册").map((r) => r.number)).toEqual(["4", "4.2"]);
    const text = await csrInProcess(["-C", repo, "matrix", "clauses", "--today", "2026-11-27"], { lang: null });
    expect(text.stdout.split("\n").find((l) => l.startsWith("4.2 "))).toBe("4.2    理解相关方的需求和期望                          QM-01               仅质量手册");
    const xref = await csrInProcess(["-C", repo, "matrix", "clauses", "--style", "cross-reference", "--format", "json", "--lang", "en", "--today", "2026-11-27"], { lang: null });
    const xrefTable = JSON.parse(xref.stdout) as { columns: { key: string; header: string }[]; rows: Record<string, string>[] };
    expect(xrefTable.columns.map((c) => c.header)).toEqual(["No.", "Clause", "Title", "Process", "Procedure", "Level-3 documents", "Level-4 forms", "Manual", "Coverage"]);
    expect(xrefTable.rows.filter((r) => ["4.1", "4.2"].includes(r.number!)).map((r) => [r.number, r.level3, r.manual, r.coverage])).toEqual([
      ["4.1", "WI-002 环境识别作业指导书", "", "covered"],
      ["4.2", "", "QM-01 质量手册", "quality manual only"],
    ]);
  });
  it("marks a provisional catalog (GJB 9001C) in the title and the notes of both layouts; an untitled paragraph names its clause", async () => {
    for (const style of ["grid", "cross-reference"]) {
      const result = await csrInProcess(["-C", join(ROOT, "examples", "gjb-demo"), "matrix", "clauses", "--style", style, "--format", "json", "--today", "2026-11-27"], { lang: null });
      expect(result.code).toBe(0);
      // Where to correct the catalog is for the one who runs the command, not a line of the register.
      expect(result.stderr).toBe("GJB 9001C-2017 的条款目录是暂定的：可在本库 standards/GJB9001C.yaml 中修正或补充。\n");
      const table = JSON.parse(result.stdout) as { title: string; notes: string[]; rows: Record<string, string>[] };
      // M1 names the untitled paragraph 4.4.1 itself: its row is titled after the clause it belongs to.
      expect(table.rows.find((r) => r.number === "4.4.1")?.title).toBe("（属 4.4 质量管理体系及其过程）");
      expect(table.title).toBe(style === "grid" ? "GJB 9001C-2017 条款覆盖矩阵" : "GJB 9001C-2017 条款、过程和文件对照表");
      expect(table.notes.at(-1)).toBe("暂定条款目录：GJB 9001C-2017 的条款编号未全部与正式标准核对。");
    }
  });
  it("a GJB 9001C repository lists its procedures in the GJB layout unless asked otherwise; other levels keep the plain one", async () => {
    const gjb = join(ROOT, "examples", "gjb-demo");
    const headers = async (...args: string[]) => {
      const result = await csrInProcess(["-C", gjb, "list", "procedures", ...args, "--format", "json", "--today", "2026-11-27"], { lang: null });
      expect(result.stderr).toBe("");
      return (JSON.parse(result.stdout) as { columns: { header: string }[] }).columns.map((c) => c.header);
    };
    // The demo's procedures are marked 内部 by their layout: the GJB list has a 密级 column, and a column for each signature
    // their layouts have, before 发布日期, as the plain layout has them (tester79 G10).
    expect(await headers()).toEqual(["序号", "程序文件", "文件编号", "版本/版次", "密级", "编制", "审核", "会签", "标准化审查", "批准", "军代表", "发布日期", "归口部门", "对应条款", "三级文件", "四级表单", "备注"]);
    expect(await headers("--style", "iatf")).toEqual(["序号", "文件名称", "文件编号", "版本/版次", "编制/修订", "审核", "会签", "标准化审查", "批准", "军代表", "发布日期", "备注"]);
    expect(await headers("--level", "3")).toEqual(["序号", "文件名称", "文件编号", "版本/版次", "编制/修订", "审核", "会签", "标准化审查", "批准", "军代表", "发布日期", "备注"]);
    const refused = await csrInProcess(["-C", gjb, "list", "procedures", "--level", "3", "--style", "gjb"], { lang: null });
    expect([refused.code, refused.stdout, refused.stderr]).toEqual([2, "", "csr: --style gjb 是程序文件一览表（--level 2）的布局：它列出每份程序文件所用的三级文件和四级表单。请去掉 --style gjb 以列出第 3 层文件。\n"]);
  });
  it("the CSR matrix judges each requirement's current review round as the timeliness register does", () => {
    const repo = loadRepository(REPO);
    // FORD-001 decided 3 working days after its deadline (received 2023-07-03, due 2023-07-17).
    repo.csrs.find((c) => c.value.id === "FORD-001")!.value.review!.decision!.date = "2023-07-20";
    const timeliness = (lang: "zh-CN" | "en", today: string) =>
      csrMatrix(registerContext(repo, lang), { today }).rows.map((r) => [r.id, r.start, r.reviewDue, r.decided, r.timeliness]);
    expect(timeliness("zh-CN", "2024-01-20")).toEqual([
      ["FORD-001", "2023-07-03", "2023-07-17", "2023-07-20", "逾期 3 个工作日"],
      ["FORD-001", "2023-07-03", "2023-07-17", "2023-07-20", "逾期 3 个工作日"],
      ["FORD-002", "2024-01-15", "2024-01-29", null, "未到期"],
    ]);
    expect(timeliness("zh-CN", "2026-11-27").at(-1)).toEqual(["FORD-002", "2024-01-15", "2024-01-29", null, "逾期未决"]);
    expect(timeliness("en", "2026-11-27").map((r) => r[4])).toEqual(["late by 3 working days", "late by 3 working days", "overdue, undecided"]);
    // The register judges the same rounds the same way, and an open round in the matrix's words: 评审中 is a CSR's
    // status, which a CSR received and not yet reviewed (已接收) does not have (tester49 #9).
    const register = reviewRegister(registerContext(repo, "zh-CN"), { today: "2026-11-27" }).rows.map((r) => [r.id, r.start, r.due, r.decided, r.verdict]);
    expect(register).toEqual([
      ["FORD-001", "2023-07-03", "2023-07-17", "2023-07-20", "逾期 3 个工作日"],
      ["FORD-002", "2024-01-15", "2024-01-29", null, "逾期未决"],
    ]);
    // The working days late in the register's words too, as in the matrix's (tester52 D2).
    expect(reviewRegister(registerContext(repo, "zh-CN"), { today: "2024-01-20" }).rows.map((r) => r.verdict)).toEqual(["逾期 3 个工作日", "未到期"]);
    expect(reviewRegister(registerContext(repo, "en"), { today: "2024-01-20" }).rows.map((r) => r.verdict)).toEqual(["late by 3 working days", "not yet due"]);
    // The CSR list keeps the late decision's deadline and says how late, and counts it under the list (tester52 D2).
    const list = csrList(registerContext(repo, "zh-CN"), { today: "2024-01-20" });
    // 剩余工作日 holds numbers only; how late is said in 期限说明 beside it (aud68 A5).
    expect(list.rows.map((r) => [r.id, r.reviewDue, r.daysLeft, r.deadlineNote, r.decided])).toEqual([
      ["FORD-001", "2023-07-17", null, "逾期 3 个工作日作出结论", "2023-07-20"],
      ["FORD-002", "2024-01-29", 6, "", null],
    ]);
    expect(list.notes?.[0]).toBe(
      "评审中逾期 0 项；逾期作出结论 1 项（FORD-001）。评审期限为当前评审轮次的期限，作出结论后仍列出；剩余工作日按 qms.yaml 的工作日历计算，只对评审中的要求列出，负数为逾期的工作日数。换版前的评审轮次见顾客特定要求评审及时性记录（csr list reviews）。",
    );
    // The source document by its id and title; the disposition in the reader's words.
    const en = csrMatrix(registerContext(repo, "en"), { today: "2026-11-27" }).rows[0]!;
    expect([en.source, en.disposition]).toEqual(["FORD-CSR Ford IATF 16949 customer-specific requirements", "must meet"]);
  });
  it("the CSR matrix filters by customer", async () => {
    const none = await csrInProcess(["-C", REPO, "matrix", "csr", "--customer", "FORDX"]);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe("csr: --customer: unknown customer 'FORDX'; the customers are: FORD Ford Motor Company. Did you mean 'FORD'?\n");
  });
});

describe("csr list --columns prints a document register in the company's own columns (tester20 F27)", () => {
  // The 程序文件一览表 the company kept in Excel: the IATF layout's signatures with the GJB layout's 归口部门 and 对应条款.
  const OWN = "no,title,number,version,prepared,reviewed,approved,issued,department,clauses,remarks";
  const list = (...args: string[]) => csrInProcess(["-C", REPO, "list", ...args, "--today", "2026-11-27"], { lang: null });

  it("picks and orders the columns of both procedure layouts", async () => {
    const csv = await list("procedures", "--columns", OWN, "--format", "csv");
    expect([csv.code, csv.stderr]).toEqual([0, DRAFTS]);
    expect(csv.stdout).toBe(
      "\ufeff序号,文件名称,文件编号,版本/版次,编制/修订,审核,批准,发布日期,归口部门,对应条款,备注\r\n" +
        '1,文件控制程序,QP-001,A/1,张伟,李娜,王强,2024-03-01,品质部,"=""7.5""",\r\n' +
        "2,生产过程控制程序,QP-003,B/0,李娜,张伟,王强,2024-05-20,生产部,8.5.1,替代旧版 HH-P-03\r\n",
    );
    // A Chinese comma separates too; --style gjb gives the shared columns its headings (and its register id, here on no form).
    const md = await list("procedures", "--style", "gjb", "--columns", "number，title, department,approved", "--format", "md");
    expect(md.stdout).toBe(
      "## 程序文件一览表（共 2 份）\n\n测试汽车零部件有限公司 ｜ 截至 2026-11-27\n\n" +
        "| 文件编号 | 程序文件 | 归口部门 | 批准 |\n| --- | --- | --- | --- |\n| QP-001 | 文件控制程序 | 品质部 | 王强 |\n| QP-003 | 生产过程控制程序 | 生产部 | 王强 |\n\n" +
        "另有 1 份文件尚未发布（草稿或审批中），不是受控文件，未列入。  \n\n" +
        "编制：________________ 日期：____________　审核：________________ 日期：____________　批准：________________ 日期：____________\n",
    );
    // The terminal shows the columns asked for, the clause column of the controlled document list too.
    const terminal = await list("documents", "--columns", "number,clauses");
    expect(terminal.stdout.split("\n").slice(2, 5)).toEqual(["文件编号   条款", "---------  -----", "QP-001     7.5"]);
  });

  it("without --columns prints every register as before: the default layout's own columns give the same output", async () => {
    for (const format of ["md", "csv", "json"]) {
      const own = await list("procedures", "--columns", "no,title,number,version,prepared,reviewed,approved,issued,remarks", "--format", format);
      expect(own.stdout).toBe(readFileSync(join(GOLDEN, `procedures.${format}`), "utf8"));
    }
  });

  it("refuses an unknown key in one line listing the keys, and --columns on a register that is not a document register", async () => {
    const unknown = await list("procedures", "--columns", "no,归口部门");
    expect([unknown.code, unknown.stdout]).toEqual([2, ""]);
    expect(unknown.stderr).toBe(
      "csr: --columns：未知的列 '归口部门'（您是否要输入 department？）；可选：no（序号）、title（文件名称）、number（文件编号）、version（版本/版次）、prepared（编制/修订）、reviewed（审核）、approved（批准）、issued（发布日期）、remarks（备注）、department（归口部门）、clauses（对应条款）、level3（三级文件）、level4（四级表单）、next_review（下次定期评审）。\n",
    );
    const en = await csrInProcess(["-C", REPO, "list", "forms", "--columns", "number,titel", "--lang", "en"]);
    expect([en.code, en.stderr]).toEqual([2, expect.stringMatching(/^csr: --columns: unknown column 'titel'; choose from no \(No\.\), .*\.\n$/)]);
    const twice = await list("procedures", "--columns", "no,title,no");
    expect([twice.code, twice.stderr]).toEqual([2, "csr: --columns 中列 'no' 出现了两次；每列只写一次。\n"]);
    const empty = await list("obsolete", "--columns", ",");
    expect([empty.code, empty.stderr]).toEqual([2, expect.stringMatching(/^csr: --columns 没有给出列：请写列名，以逗号分隔，按要打印的顺序；可选：no（序号）、.*。\n$/)]);
    const reviews = await list("reviews", "--columns", "no");
    expect([reviews.code, reviews.stderr]).toEqual([2, "csr: --columns 只用于 csr list、csr list procedures、csr list documents、csr list forms、csr list external 和 csr list obsolete，不用于 'csr list reviews'。\n"]);
  });
});
