/**
 * `csr symbol update` of our symbol names the customer's released documents that still mark with the
 * old one, each with where (section and line), when no other row of the customer uses it (tester61 L7).
 */
import { describe, expect, it } from "vitest";
import { committedFixture, csrInProcess } from "../helpers.js";

describe("csr symbol update lists the documents still marking with the replaced symbol (tester61 L7)", () => {
  it("names DYA's released documents marking ★ after ▽ becomes ▲, and none when the symbol stays", async () => {
    const dir = committedFixture("examples/acme-auto");
    const result = await csrInProcess(["-C", dir, "symbol", "update", "DYA", "▽", "--symbol", "▲", "--by", "zhoupeng", "--date", "2026-12-04", "--reason", "东岳ECN-2026-118", "-y"], { lang: "zh-CN" });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout.split("\n").slice(2, 5)).toEqual([
      "DYA 的 2 份已发布文件仍以 ★ 标识特殊特性（DYA 已不用 ★，现为 ▲）：请随对照表一并修订并发布新版本（IATF 16949 8.3.3.3）：",
      "  QP-014 特殊特性管理程序：4 定义 第 2 行",
      "  WI-010-01 制动软管总成扣压作业指导书：2 作业步骤 第 2 行、3 质量要求 第 1 行",
    ]);
    // A change of the customer's class only leaves our symbol, and the documents, as they are.
    const classOnly = await csrInProcess(["-C", dir, "symbol", "update", "DYA", "◇", "--customer-class", "SC2", "--by", "zhoupeng", "--date", "2026-12-04", "-y"], { lang: "zh-CN" });
    expect(classOnly.code).toBe(0);
    expect(classOnly.stdout).not.toContain("仍以");
  });

  it("csr check then warns once per document at its first mark, leaving a line that pairs ★ with DYA's ▽ to symbol/document-mismatch", async () => {
    const dir = committedFixture("examples/acme-auto");
    const update = await csrInProcess(["-C", dir, "symbol", "update", "DYA", "▽", "--symbol", "▲", "--by", "zhoupeng", "--date", "2026-12-04", "-y"], { lang: "en" });
    expect(update.code).toBe(0);
    const check = await csrInProcess(["-C", dir, "check", "--today", "2026-12-04"], { lang: "en" });
    expect(check.stdout.split("\n").filter((l) => / warning symbol\//.test(l))).toEqual([
      "documents/instructions/WI-010-01.yaml:48:24 warning symbol/replaced-symbol WI-010-01 2 作业步骤 line 2 still marks special characteristics with ★, which the symbol table has replaced (DYA no longer uses ★; now ▲). Mark the document being revised with 'csr submit WI-010-01 --by <author>', change the old symbol to ▲ and release the new revision with 'csr release'.",
      "documents/procedures/QP-014.yaml:60:7 warning symbol/document-mismatch QP-014 4 pairs DYA's ▽ with our ★, while the symbol table converts DYA's ▽ to ▲ (关键). Revise the document to state the table's conversion (or to refer to the table), or, if the document is right, correct the table with 'csr symbol update'.",
      // The updated row is a new conversion the customer has not approved yet (symbol/approval-missing).
      "symbols.yaml:4:22 warning symbol/approval-missing DYA's ▽ row (▽ CC → ▲ 关键) is in use, but no customer approval is recorded: the symbol conversion table is used on drawings, control plans and PFMEAs once the customer has approved it. Submit the table to the customer and, once approved, record it with 'csr symbol approve DYA --rows ▽ --by <who> --date <date> --evidence <where>'.",
    ]);
  });
});
