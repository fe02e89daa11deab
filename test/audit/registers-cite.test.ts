/**
 * Registers handed over together cite the same things the same way (auditor16 F5, F18, F8): the CSR
 * list gives the section where a requirement is addressed as the CSR matrix does (the document's own
 * number and title); the matrix heads the start of the current review round 起算日期, as the
 * review-timeliness register does, not 接收日期 (which the CSR list gives for the first receipt);
 * every register's clause column is in the standard's catalog order, the YAML as the user wrote it.
 * Each case runs csr on a copy of an example.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { copyFixture, csrInProcess, tempDir } from "../helpers.js";
import { inCatalogOrder } from "../../src/model/catalog.js";

/** What stderr may say besides 已写入: the hints for the one who runs the command (Table.hints), never in the register. */
const HINTS = ["用 'csr list documents --status draft' 或 '--status all' 列出尚未发布的文件。", "'csr list documents --status draft' or '--status all' lists the documents not released yet.", "顾客要求认可对照表时，取得认可后用 'csr symbol approve BCM --by <认可人> --date <日期> --evidence <依据>' 登记。"];

/** An English register's note on the cells that quote the organisation's records in Chinese (tester65 N1): for the one who runs it, on stderr. */
const QUOTED = /^\d+ cells? (is|are) quoted as written in the organisation's records \(Chinese\); csr does not translate their text\.$/;

async function run(dir: string, ...args: string[]): Promise<string> {
  const result = await csrInProcess(["-C", dir, ...args], { lang: null });
  expect(result.stderr.replace(/^已写入 .*\n|^Wrote .*\n/, "").split("\n").filter((line) => line !== "" && !HINTS.includes(line) && !QUOTED.test(line))).toEqual([]);
  expect(result.code).toBe(0);
  return result.stdout;
}

type Json = { columns: { key: string; header: string }[]; rows: Record<string, string | number | null>[]; notes?: string[] };
const json = async (dir: string, ...args: string[]) => JSON.parse(await run(dir, ...args, "--format", "json", "--today", "2026-12-01")) as Json;
const header = (table: Json, key: string) => table.columns.find((c) => c.key === key)?.header;

describe("the CSR list cites the section where a requirement is addressed as the CSR matrix does (F5)", () => {
  it("prints WI-010-01 3 质量要求 and WI-011-01 2 标签要求 (typed without the number) in both", async () => {
    const dir = copyFixture("examples/acme-auto");
    expect(readFileSync(join(dir, "csr/BCM/BCM-004.yaml"), "utf8")).toContain("    section: 标签要求\n");
    const list = await json(dir, "list", "csr");
    const addressed = (id: string) => list.rows.find((r) => r.id === id)?.addressed;
    expect(addressed("DYA-001")).toBe("QP-014 A/1 5.2 符号转换\nWI-010-01 A/1 3 质量要求\nQR-014-01 A/1");
    expect(addressed("BCM-004")).toBe("WI-011-01 草稿 2 标签要求");
    const matrix = await json(dir, "matrix", "csr");
    const places = (id: string) => matrix.rows.filter((r) => r.id === id).map((r) => [r.document, r.section].filter(Boolean).join(" "));
    expect(places("DYA-001")).toEqual(["QP-014 5.2 符号转换", "WI-010-01 3 质量要求", "QR-014-01"]);
    expect(places("BCM-004")).toEqual(["WI-011-01 2 标签要求"]);
  });
});

describe("the CSR matrix heads the start of the current review round 起算日期, as the review-timeliness register does (F18)", () => {
  it("gives DYA-002 起算日期 2026-03-16 (restarted for rev D) where the CSR list gives 接收日期 2024-06-17 and 换版重评日期 2026-03-16", async () => {
    const dir = copyFixture("examples/acme-auto");
    const list = await json(dir, "list", "csr");
    const dya002 = list.rows.find((r) => r.id === "DYA-002")!;
    expect([header(list, "received"), dya002.received, header(list, "restarted"), dya002.restarted]).toEqual(["接收日期", "2024-06-17", "换版重评日期", "2026-03-16"]);
    const matrix = await json(dir, "matrix", "csr");
    expect(matrix.columns.map((c) => c.header)).not.toContain("接收日期");
    expect([header(matrix, "start"), matrix.rows.find((r) => r.id === "DYA-002")?.start]).toEqual(["起算日期", "2026-03-16"]);
    expect(header(matrix, "start")).toBe(header(await json(dir, "list", "reviews"), "start"));
    expect(matrix.notes?.[0]).toBe(
      "起算日期至及时性为当前评审轮次：起算日期为接收日期，来源文件换版后为重新起算日期（首次接收日期见顾客特定要求清单），评审期限为起算后第 10 个工作日；历次评审见顾客特定要求评审及时性记录。",
    );
  });

  it("heads it so in English, in csv, md and the workbook", async () => {
    const dir = copyFixture("examples/acme-auto");
    const en = await json(dir, "--lang", "en", "matrix", "csr");
    expect(header(en, "start")).toBe("Received / restarted");
    expect(header(en, "start")).toBe(header(await json(dir, "--lang", "en", "list", "reviews"), "start"));
    const csv = await run(dir, "matrix", "csr", "--format", "csv", "--today", "2026-12-01");
    expect(csv.split("\r\n")[0]).toBe("\uFEFF编号,顾客,来源文件,版本,来源章节,条款,要求摘要,要求内容,处置,处置理由,起算日期,评审期限,决定日期,及时性,落实文件,落实章节,现行版本,文件名称,链接状态,过程,负责人,完成期限,顾客要求日期,导入生产日期,状态,证据,截至");
    const md = await run(dir, "matrix", "csr", "--format", "md", "--today", "2026-12-01");
    expect(md).toContain("| 编号 | 顾客 | 来源文件 | 版本 | 来源章节 | 条款 | 要求摘要 | 要求内容 | 处置 | 处置理由 | 起算日期 | 评审期限 |");
    const out = join(tempDir(), "matrix.xlsx");
    await run(dir, "matrix", "csr", "--format", "xlsx", "--out", out, "--today", "2026-12-01");
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const cells: string[] = [];
    book.worksheets[0]!.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
    expect(cells).toContain("起算日期");
    expect(cells).not.toContain("接收日期");
  });
});

describe("registers list clauses in the standard's catalog order, the YAML as written (F8)", () => {
  it("sorts 受控文件清单 and the CSR list and matrix of acme-auto", async () => {
    const dir = copyFixture("examples/acme-auto");
    const qp004 = readFileSync(join(dir, "documents/procedures/QP-004.yaml"), "utf8");
    const documents = await json(dir, "list", "documents");
    const clauses = (table: Json, key: string, id: string) => table.rows.find((r) => r[key] === id)?.clauses;
    expect(clauses(documents, "number", "QP-004")).toBe("7.2.3/9.2/9.2.1/9.2.2/9.2.2.1/9.2.2.2/9.2.2.3/9.2.2.4");
    expect(clauses(documents, "number", "QP-014")).toBe("4.4.1.2/8.2.3.1.2/8.3.3.3");
    expect(clauses(await json(dir, "list", "csr"), "id", "DYA-001")).toBe("8.2.3.1.2/8.3.3.3");
    expect(clauses(await json(dir, "matrix", "csr"), "id", "BCM-003")).toBe("7.5.3.2.1/8.5.2.1");
    expect(readFileSync(join(dir, "documents/procedures/QP-004.yaml"), "utf8")).toBe(qp004);
    expect(qp004).toContain("  - IATF16949:9.2.2.4\n  - IATF16949:7.2.3\n");
  });

  it("sorts the GJB 程序文件一览表: 10 after 9.2, 8.7 first", async () => {
    const dir = copyFixture("examples/gjb-demo");
    const procedures = await json(dir, "list", "procedures");
    const clauses = (id: string) => procedures.rows.find((r) => r.number === id)?.clauses;
    expect([clauses("CS/QP-019"), clauses("CS/QP-013"), clauses("CS/QP-006")]).toEqual(["8.7/9.2/10/10.1/10.2/10.3", "7.1.3/7.1.4/8.5/8.5.1/8.5.6/8.6", "8.2.1/9.1.2/9.1.3"]);
  });

  it("orders several standards as qms.yaml lists them, others after by id, and what is no clause reference last as written", () => {
    expect(inCatalogOrder(["ISO9001:8.1", "bad", "IATF16949:8.5.10", "GJB9001C:4", "IATF16949:8.5.2", "IATF16949:7.1", "also bad"], ["IATF16949", "ISO9001"])).toEqual([
      "IATF16949:7.1",
      "IATF16949:8.5.2",
      "IATF16949:8.5.10",
      "ISO9001:8.1",
      "GJB9001C:4",
      "bad",
      "also bad",
    ]);
  });
});

describe("a document naming every clause of chapters prints those chapters as one range (F9)", () => {
  it("gives the manuals 4–10（全部条款） in the controlled document lists of both examples, and a chapter with a clause left out clause by clause", async () => {
    const dir = copyFixture("examples/acme-auto");
    const clauses = async (...args: string[]) => (await json(dir, ...args)).rows.find((r) => r.number === "QM-001")?.clauses;
    expect(await clauses("list", "documents")).toBe("4–10（全部条款）");
    expect(await clauses("--lang", "en", "list", "documents")).toBe("4–10 (all clauses)");
    const file = join(dir, "documents/QM-001.yaml");
    const yaml = readFileSync(file, "utf8");
    const chapter8 = [...yaml.matchAll(/^  - IATF16949:(8(?:\.[\d.]+)?)$/gm)].map((m) => m[1]).filter((n) => n !== "8.3.2.1");
    writeFileSync(file, yaml.replace("  - IATF16949:8.3.2.1\n", ""));
    expect(await clauses("list", "documents")).toBe(["4–7（全部条款）", ...chapter8, "9–10（全部条款）"].join("/"));
    const gjb = copyFixture("examples/gjb-demo");
    const procedures = JSON.parse(await run(gjb, "list", "documents", "--format", "json", "--today", "2026-12-01")) as Json;
    expect(procedures.rows.filter((r) => String(r.clauses).includes("全部")).map((r) => `${r.number} ${r.clauses}`)).toEqual(["CS/QM-001 4–10（全部条款）"]);
  });
});

describe("the GJB controlled document list carries the signatures its documents' layout prints (F12)", () => {
  it("has 会签, 标准化审查 and 军代表 beside 编制, 审核 and 批准, in the layout's order, empty for a level whose layout does not print them", async () => {
    const gjb = copyFixture("examples/gjb-demo");
    const list = JSON.parse(await run(gjb, "list", "documents", "--format", "json", "--today", "2026-12-01")) as Json;
    expect(list.columns.map((c) => c.header).slice(7, 13)).toEqual(["编制", "审核", "会签", "标准化审查", "批准", "军代表"]);
    const signers = (number: string) => {
      const row = list.rows.find((r) => r.number === number)!;
      return ["prepared", "reviewed", "countersigned", "standardization", "approved", "military_representative"].map((k) => row[k]);
    };
    // Each with the day signed, in a repository that works to GJB 9001C (tester79 G10).
    expect(signers("CS/QP-010")).toEqual(["杨帆 2025-09-08", "陈宏伟 2025-09-11", "何军 2025-09-11、唐磊 2025-09-11", "马晓岚 2025-09-11", "刘志明 2025-09-15", "王建东 2025-09-15"]);
    // A form (四级) is printed on a layout without them.
    expect(signers("CS/QR-001-01")).toEqual(["宋雅芸 2024-05-27", "陈宏伟 2024-05-30", "", "", "刘志明 2024-06-03", ""]);
    const en = JSON.parse(await run(gjb, "--lang", "en", "list", "documents", "--format", "json", "--today", "2026-12-01")) as Json;
    expect(en.columns.map((c) => c.header).slice(7, 13)).toEqual(["Prepared", "Reviewed", "Countersigned", "Standardization check", "Approved", "Military representative"]);
    // An IATF repository's layout has none of them: its list keeps 编制, 审核, 批准.
    const acme = await json(copyFixture("examples/acme-auto"), "list", "documents");
    expect(acme.columns.map((c) => c.header).slice(6, 9)).toEqual(["编制", "审核", "批准"]);
  });
});
