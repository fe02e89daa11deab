/**
 * Every list and matrix, in md, csv and json, compared with golden files that were reviewed by
 * hand. Regenerate them with UPDATE_GOLDEN=1 after an intended change, and review the diff.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadRepository } from "../../src/load/repository.js";
import { registerContext } from "../../src/report/registers/context.js";
import { csrList } from "../../src/report/registers/csr.js";
import { documentList } from "../../src/report/registers/documents.js";
import { toCsv, toJson, toMarkdown } from "../../src/report/table.js";
import { csr, FIXTURES } from "../helpers.js";

const REPO = join(FIXTURES, "audit", "registers");
const GOLDEN = join(FIXTURES, "audit", "golden");

const CASES: [name: string, args: string[]][] = [
  ["procedures", ["list", "procedures", "--today", "2026-11-27"]],
  ["procedures-gjb", ["list", "procedures", "--style", "gjb", "--today", "2026-11-27"]],
  ["instructions", ["list", "procedures", "--level", "3", "--today", "2026-11-27"]],
  ["forms", ["list", "forms", "--today", "2026-11-27"]],
  ["symbols", ["list", "symbols", "--today", "2026-11-27"]],
  ["matrix-clauses", ["matrix", "clauses", "--today", "2026-11-27"]],
  ["matrix-csr", ["matrix", "csr", "--today", "2026-11-27"]],
  ["reviews", ["list", "reviews", "--today", "2026-11-27"]],
];

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
      it(`${name}.${format}`, () => {
        const result = csr(["-C", REPO, ...args, "--format", format], { lang: null });
        expect(result.stderr).toBe("");
        expect(result.code).toBe(0);
        golden(`${name}.${format}`, result.stdout);
      });
    }
  }
  it("procedures in English (--lang en)", () => {
    const result = csr(["-C", REPO, "list", "procedures", "--lang", "en", "--format", "md", "--today", "2026-11-27"]);
    expect(result.code).toBe(0);
    golden("procedures.en.md", result.stdout);
  });
  it("clause matrix in English (--lang en)", () => {
    const result = csr(["-C", REPO, "matrix", "clauses", "--lang", "en", "--format", "md", "--today", "2026-11-27"]);
    expect(result.code).toBe(0);
    golden("matrix-clauses.en.md", result.stdout);
  });
});

describe("registers that only the workbook carries", () => {
  const ctx = registerContext(loadRepository(REPO), "zh-CN");
  for (const [name, table] of [
    ["csr-list", csrList(ctx)],
    ["documents", documentList(ctx)],
  ] as const) {
    it(`${name} in md, csv and json`, () => {
      golden(`${name}.md`, toMarkdown(table));
      golden(`${name}.csv`, toCsv(table));
      golden(`${name}.json`, toJson(table));
    });
  }
});

describe("terminal tables", () => {
  it("line up Chinese text and count the documents in the title", () => {
    const result = csr(["-C", REPO, "list", "procedures"], { lang: null });
    expect(result.code).toBe(0);
    expect(result.stdout.split("\n").slice(0, 6)).toEqual([
      "程序文件一览表（共 3 份）",
      "",
      "序号  文件名称          文件编号  版本  编制/修订  审核  批准  发行日期    备注",
      "----  ----------------  --------  ----  ---------  ----  ----  ----------  ----------------",
      "1     文件控制程序      QP-001    A/1   张伟       李娜  王强  2024-03-10",
      "2     生产过程控制程序  QP-003    B/0   李娜       张伟  王强  2024-05-20  替代旧版 HH-P-03",
    ]);
  });
  it("the clause matrix ends with the coverage line and the uncovered clauses", () => {
    const result = csr(["-C", REPO, "matrix", "clauses"], { lang: null });
    expect(result.stdout.trimEnd().split("\n").slice(-5)).toEqual([
      "覆盖率：10/13 (76.9%)",
      "● 直接对应；○ 通过下级文件对应",
      "未覆盖：4 组织环境",
      "未覆盖：4.1 理解组织及其环境",
      "未覆盖：4.2 理解相关方的需求和期望",
    ]);
  });
  it("the CSR matrix filters by customer", () => {
    const none = csr(["-C", REPO, "matrix", "csr", "--customer", "FORDX"]);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe("csr: No customer 'FORDX' in customers/. Did you mean 'FORD'?\n");
  });
});
