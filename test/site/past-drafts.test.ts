/**
 * The drafts and documents in review (在编文件) of a past day D in `csr site --today D` and `csr
 * export --today D` (tester48 #11). A document's status carries no date: a draft of D released
 * since is a released document in today's YAML, and a draft written since is a draft in it. The
 * register of D takes them from the last commit of D; without one, it lists the drafts of the files
 * and names the documents first released after D, which csr cannot place.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { copyRepository, commitAt, csrInProcess, git, minimalRepo, releasedProcedure, tempDir, withoutYearCheck } from "../helpers.js";

/** The day of the registers: QP-002 was a draft then (released on 2026-11-27), QP-003 was not yet written (2026-11-24). */
const D = "2026-11-22";

function draft(id: string, title: string): string {
  return [`id: ${id}`, `title: ${title}`, "level: 2", "kind: procedure", "department: QA", "status: draft", "sections:", "  - title: 目的", "    text: 草稿。", ""].join("\n");
}

/** The rows of the first table of a page, each row's cells as text joined by " | ", and the page's notes (p.site-note … or .register-notes li). */
function table(html: string): string[] {
  const body = html.split("<tbody>")[1]?.split("</tbody>")[0] ?? "";
  return [...body.matchAll(/<tr>(.*?)<\/tr>/gs)].map((m) => [...m[1]!.matchAll(/<td[^>]*>(.*?)<\/td>/gs)].map((c) => c[1]!.replace(/<[^>]+>/g, "").trim()).filter(Boolean).join(" | "));
}

async function sheetOf(dir: string): Promise<ExcelJS.Worksheet | undefined> {
  const book = join(tempDir(), "registers.xlsx");
  const result = await csrInProcess(["-C", dir, "export", "--out", book, "--today", D], { lang: null });
  expect(result.code).toBe(0);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(book);
  return workbook.getWorksheet("在编文件");
}

/** The text of a sheet's cells, row by row, the empty ones left out and a merged cell once. */
function cells(sheet: ExcelJS.Worksheet): string[] {
  const rows: string[] = [];
  sheet.eachRow((row) => {
    const values = [...new Set((row.values as unknown[]).filter((v) => v !== null && v !== undefined && v !== "").map(String))];
    if (values.length > 0) rows.push(values.join(" | "));
  });
  return rows;
}

describe("the drafts of a past day (tester48 #11)", () => {
  let dir: string;
  let lastOfD: string;
  beforeAll(() => {
    dir = withoutYearCheck(minimalRepo({ "documents/QP-001.yaml": releasedProcedure("QP-001", "文件控制程序", { title: "目的", text: "第一版。" }) }));
    git(dir, ["init", "-q"]);
    commitAt(dir, "2026-03-02T10:00:00+08:00", "QP-001 A/0");
    writeFileSync(join(dir, "documents/QP-002.yaml"), draft("QP-002", "记录控制程序"));
    commitAt(dir, "2026-11-20T10:00:00+08:00", "QP-002 草稿");
    lastOfD = git(dir, ["rev-parse", "--short", "HEAD"]).trim();
    writeFileSync(join(dir, "documents/QP-003.yaml"), draft("QP-003", "内部审核程序"));
    commitAt(dir, "2026-11-24T10:00:00+08:00", "QP-003 草稿");
    const released = releasedProcedure("QP-002", "记录控制程序", { title: "目的", text: "第一版。" }).replace(/date: 2026-03-02/g, "date: 2026-11-27");
    writeFileSync(join(dir, "documents/QP-002.yaml"), released);
    commitAt(dir, "2026-11-27T10:00:00+08:00", "发布 QP-002 A/0");
  });

  it("csr site lists those of the last commit of the day, and says so", async () => {
    expect(readFileSync(join(dir, "documents/QP-002.yaml"), "utf8")).toContain("date: 2026-11-27");
    const out = join(tempDir(), "site");
    const result = await csrInProcess(["-C", dir, "site", "--out", out, "--today", D], { lang: null });
    expect(result.code).toBe(0);
    const page = readFileSync(join(out, "registers/documents-unreleased.html"), "utf8");
    expect(page).toContain("<h1>在编文件清单（草稿及审批中，共 1 份）</h1>");
    expect(table(page)).toEqual(["1 | 二级 | QP-002 | 记录控制程序 | 品质部 | 草稿"]);
    expect(page).toContain(`按 ${D} 当日及以前最后一次提交 ${lastOfD}（2026-11-20）中的文件列出：文件的草稿和审批状态不带日期，只有 git 记得。`);
    expect(readFileSync(join(out, "registers/documents-unreleased.csv"), "utf8")).toContain("QP-002,记录控制程序");
  });

  it("csr export has the day's 在编文件 sheet, from its last commit", async () => {
    const sheet = await sheetOf(dir);
    expect(sheet && cells(sheet).slice(0, 4)).toEqual([
      "在编文件清单（草稿及审批中，共 1 份）",
      "序号 | 层级 | 文件编号 | 文件名称 | 部门 | 版本/版次 | 编制 | 审核 | 批准 | 发布日期 | 生效日期 | 保存期限 | 条款 | 状态 | 备注",
      "1 | 二级 | QP-002 | 记录控制程序 | 品质部 | 草稿",
      `按 ${D} 当日及以前最后一次提交 ${lastOfD}（2026-11-20）中的文件列出：文件的草稿和审批状态不带日期，只有 git 记得。`,
    ]);
  });

  it("without git, lists the drafts of the files and names in one line the documents first released after the day", async () => {
    const copy = copyRepository(dir);
    rmSync(join(copy, ".git"), { recursive: true, force: true });
    const sheet = await sheetOf(copy);
    const text = sheet ? cells(sheet) : [];
    expect(text.slice(0, 3)).toEqual([
      "在编文件清单（草稿及审批中，共 1 份）",
      "序号 | 层级 | 文件编号 | 文件名称 | 部门 | 版本/版次 | 编制 | 审核 | 批准 | 发布日期 | 生效日期 | 保存期限 | 条款 | 状态 | 备注",
      "1 | 二级 | QP-003 | 内部审核程序 | 品质部 | 草稿",
    ]);
    expect(text).toContain(`另有 1 份文件在 ${D} 之后首次发布（QP-002）：该日及以前没有 git 提交，csr 无法得知它们当日是否已在编，未列入本清单。`);
  });
});
