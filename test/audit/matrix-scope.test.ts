/**
 * auditor16 F1: a clause matrix of a standard the repository is not under printed and signed
 * "0 % covered" with exit 0. It is refused (exit 2, one line naming the standards in scope); for
 * ISO 9001 under IATF 16949 or GJB 9001C, which include its clauses under the same numbers, the
 * hint names the matrix that shows them. csr run in process, on the shipped examples.
 */
import { join } from "node:path";
import { describe, it } from "vitest";
import { csrInProcess, ROOT } from "../helpers.js";

const ACME = join(ROOT, "examples", "acme-auto");
const GJB = join(ROOT, "examples", "gjb-demo");

describe("csr matrix clauses --standard of a standard not in scope", () => {
  it("refuses ISO 9001 in an IATF 16949 repository and names the IATF matrix, which holds its clauses", async ({ expect }) => {
    expect(await csrInProcess(["-C", ACME, "matrix", "clauses", "--standard", "ISO9001", "--today", "2026-12-01"])).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "csr: ISO9001 is not among the standards of this repository (IATF16949 in qms.yaml 'standards'): nothing can address its clauses, and its matrix would show every clause uncovered.\n" +
        "hint: IATF16949 includes every clause of ISO9001 under the same number: 'csr matrix clauses --standard IATF16949' shows their coverage.\n",
    });
  });

  it("refuses GJB 9001C for an automotive supplier, and IATF 16949 for a GJB one, in Chinese too", async ({ expect }) => {
    expect(await csrInProcess(["-C", ACME, "matrix", "clauses", "--standard", "GJB9001C", "--format", "xlsx", "--out", "/nonexistent/x.xlsx"], { lang: "zh-CN" })).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "csr: GJB9001C 不在本仓库的体系标准中（qms.yaml 的 'standards'：IATF16949）：没有文件能对应它的条款，其矩阵只会把每个条款列为未覆盖。\n" +
        "提示：请用 --standard IATF16949；如果组织确实按该标准运行，请把它加入 qms.yaml 的 'standards'。\n",
    });
    const iatf = await csrInProcess(["-C", GJB, "matrix", "clauses", "--standard", "IATF16949", "--style", "cross-reference"]);
    expect(iatf.code).toBe(2);
    expect(iatf.stdout).toBe("");
    expect(iatf.stderr.split("\n")[0]).toBe(
      "csr: IATF16949 is not among the standards of this repository (GJB9001C in qms.yaml 'standards'): nothing can address its clauses, and its matrix would show every clause uncovered.",
    );
  });

  it("still prints the matrix of a standard in scope, with or without --standard", async ({ expect }) => {
    for (const args of [["--standard", "IATF16949"], []]) {
      const result = await csrInProcess(["-C", ACME, "matrix", "clauses", ...args, "--today", "2026-12-01"]);
      expect(result.code).toBe(0);
      // acme-auto's one draft is left out; the command that lists it is for the one who runs this one.
      expect(result.stderr).toBe("'csr list documents --status draft' or '--status all' lists the documents not released yet.\n");
      expect(result.stdout).toContain("Coverage: 195/195 (100.0%)");
    }
  });
});
