/**
 * tester68 G10: on gjb-demo the clause matrix credited processes M1 and S1 with every clause (○) through the quality
 * manual CS/QM-001, which names them all, and its 覆盖率 100 % read the same whether a procedure or only the manual
 * answered a clause. A process's ○ now comes from its lower-level documents only, a clause no procedure, work
 * instruction or form covers reads 仅质量手册, and a line under the ratio counts them. csr run in process.
 */
import { join } from "node:path";
import { describe, it } from "vitest";
import { csrInProcess, ROOT } from "../helpers.js";

const GJB = join(ROOT, "examples", "gjb-demo");
const DAY = ["--today", "2026-12-01"];
type Matrix = { rows: Record<string, string>[]; notes: string[] };

describe("csr matrix clauses: the clauses only the quality manual answers (tester68 G10)", () => {
  it("marks them 仅质量手册 and counts them under the ratio; M1 and S1 reach no clause through the manual", async ({ expect }) => {
    const result = await csrInProcess(["-C", GJB, "matrix", "clauses", "--format", "json", ...DAY], { lang: "zh-CN" });
    expect(result.code).toBe(0);
    const matrix = JSON.parse(result.stdout) as Matrix;
    const row = (number: string) => matrix.rows.find((r) => r.number === number)!;
    expect(["4", "5.1", "7.1", "7.1.5", "8.1", "10.2"].map((n) => [n, row(n)["p:M1"], row(n)["p:S1"], row(n).manual, row(n).coverage])).toEqual([
      // CS/QP-001 names 4.1–4.4: the heading is answered by a procedure.
      ["4", "●", "", "CS/QM-001", "已覆盖"],
      ["5.1", "●", "", "CS/QM-001", "仅质量手册"],
      ["7.1", "", "●", "CS/QM-001", "仅质量手册"],
      // Process C4 names 7.1.5, no document below the manual does.
      ["7.1.5", "", "△", "CS/QM-001", "仅质量手册"],
      // Before, M1 and S1 read ○ here, through CS/QM-001.
      ["8.1", "", "", "CS/QM-001", "仅质量手册"],
      ["10.2", "", "", "CS/QM-001", "已覆盖"],
    ]);
    expect(matrix.rows.filter((r) => r["p:M1"] === "○" || r["p:S1"] === "○")).toEqual([]);
    expect(matrix.notes.slice(0, 3)).toEqual([
      "覆盖率：92/92 (100.0%)（计每个适用的编号条款，含 16 个无标题段落：对应其所属条款即覆盖）",
      "其中由程序文件覆盖：46/92 (50.0%)（只计程序文件本身对应的条款）",
      "仅由质量手册覆盖：46/92 (50.0%)（没有程序文件、作业指导书或表单对应，覆盖列记为“仅质量手册”）",
    ]);
    expect(matrix.rows.filter((r) => r.coverage === "仅质量手册").length).toBe(46);

    const en = JSON.parse((await csrInProcess(["-C", GJB, "matrix", "clauses", "--format", "json", ...DAY], { lang: "en" })).stdout) as Matrix;
    expect(en.notes[2]).toBe('Covered by the quality manual only: 46/92 (50.0%) (no procedure, work instruction or form addresses them; their coverage cells read "quality manual only")');
    expect(en.rows.find((r) => r.number === "5.1")!.coverage).toBe("quality manual only");
  });

  it("says it in the cross-reference layout too", async ({ expect }) => {
    const xref = JSON.parse((await csrInProcess(["-C", GJB, "matrix", "clauses", "--style", "cross-reference", "--format", "json", ...DAY], { lang: "zh-CN" })).stdout) as Matrix;
    expect(xref.notes[2]).toBe("仅由质量手册覆盖：46/92 (50.0%)（没有程序文件、作业指导书或表单对应，覆盖列记为“仅质量手册”）");
    expect(xref.rows.filter((r) => r.coverage === "仅质量手册").map((r) => r.number).slice(0, 4)).toEqual(["5", "5.1", "5.1.1", "5.1.2"]);
  });
});
