/**
 * The CSR matrix's 现行版本 of a superseded requirement (aud68 A7): acme-auto's DYA-003, superseded by DYA-006 on
 * 2026-03-23, was addressed in QP-012 A/1, the version in force that day; DYA-006 is addressed in QP-012 A/2, in force
 * now. Printed bare, A/1 under 现行版本 beside A/2 read as a second current version of the same procedure: the cell
 * says it is the version of the day it was superseded. The CSR list's 落实文件 names the version the same way already.
 */
import { describe, expect, it } from "vitest";
import { copyFixture, csr } from "../helpers.js";

const acme = copyFixture("examples/acme-auto");

/** The matrix's 落实文件 and 现行版本 of each row of `id`, as its CSV and workbook carry them (json: the same cells). */
function versions(lang: "zh-CN" | "en", id: string): string[] {
  const result = csr(["-C", acme, "matrix", "csr", "--today", "2026-12-06", "--format", "json"], { lang });
  expect(result.code, result.stderr).toBe(0);
  const rows = (JSON.parse(result.stdout) as { rows: { id: string; document: string; version: string }[] }).rows;
  return rows.filter((row) => row.id === id).map((row) => `${row.document} ${row.version}`);
}

describe("the CSR matrix's 现行版本 of a superseded requirement", () => {
  it("marks the version in force when it was superseded, beside the current version of a later requirement", () => {
    expect(versions("zh-CN", "DYA-003")).toEqual(["QP-012 A/1（替代时）"]);
    expect(versions("zh-CN", "DYA-006")).toEqual(["QP-012 A/2", "QR-012-02 A/1"]);
    expect(versions("en", "DYA-003")).toEqual(["QP-012 A/1 (when superseded)"]);
  });

  it("leaves the CSR list's 落实文件 as it was: the version, then the link's state in brackets", () => {
    const list = csr(["-C", acme, "list", "--today", "2026-12-06", "--format", "json"], { lang: "zh-CN" });
    const rows = (JSON.parse(list.stdout) as { rows: { id: string; addressed: string }[] }).rows;
    expect(rows.find((row) => row.id === "DYA-003")?.addressed).toBe("QP-012 A/1 5.4 返工和返修（已替代（2026-03-23），不计入落实）");
  });
});
