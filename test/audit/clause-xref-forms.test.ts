/**
 * The 条款、过程和文件对照表 lists under a clause the forms that are its evidence (auditor16 F7): a form
 * that names clauses itself is listed under those clauses only, not under every clause of a procedure
 * that uses it; one that names none is listed through that procedure, marked ○ (a note under the table says what it means).
 */
import { describe, expect, it } from "vitest";
import { copyFixture, csr } from "../helpers.js";

interface XrefRow {
  number: string;
  level3: string;
  level4: string;
}

function xrefOf(dir: string): { rows: Map<string, XrefRow>; notes: string[] } {
  const table = JSON.parse(csr(["-C", dir, "matrix", "clauses", "--style", "cross-reference", "--today", "2026-12-01", "--format", "json"], { lang: "zh-CN" }).stdout) as { rows: XrefRow[]; notes: string[] };
  return { rows: new Map(table.rows.map((r) => [r.number, r])), notes: table.notes };
}

describe("forms in the clause cross-reference", () => {
  it("a form naming clauses itself appears under those only (gjb-demo)", () => {
    const xref = xrefOf(copyFixture("examples/gjb-demo")).rows;
    // CS/QP-013 (7.1.3, 8.5.1 …) uses CS/QR-010-03 首件鉴定报告 (8.5.1 itself: GJB 9001C-2017 asks 首件鉴定 of production control) and
    // CS/QR-013-01 产品流转卡; CS/QP-019 (8.7, 9.2 …) uses the audit plan.
    expect(xref.get("7.1.3")!.level4).toBe("");
    expect(xref.get("8.7")!.level4).toBe("");
    expect(xref.get("8.5.1")!.level4).toBe("CS/QR-010-03 首件鉴定报告\nCS/QR-013-01 产品流转卡");
    expect(xref.get("8.5.1")!.level3).toBe("CS/WI-002 首件鉴定实施细则\nCS/WI-003 关键工序控制细则");
    expect(xref.get("9.2")!.level4).toBe("CS/QR-019-01 年度内部审核计划");
  });

  it("a form naming no clause is listed through the procedure that uses it, marked ○", () => {
    const { rows: xref, notes } = xrefOf(copyFixture("test/fixtures/audit/registers"));
    expect(xref.get("7.5")!.level4).toBe("QR-001-01 文件发放/回收记录 ○");
    expect(xref.get("7.5.1")!.level4).toBe("QR-001-01 文件发放/回收记录 ○ △");
    // WI-001 names its own clauses: it is not listed under every clause of QP-003.
    expect(xref.get("8.5.1")!.level3).toBe("");
    expect(xref.get("8.5.1")!.level4).toBe("QR-003-01 首件检验记录 ○");
    expect(notes).toContain("○ 表单或三级文件本身未列出条款，经使用它的程序文件（或三级文件）列入该条款；本身列出条款的表单只列在所列条款下。");
  });
});
