/**
 * departmentNamed: the one lookup of a department by code, name, English name or alias the imports share (register
 * cells, Word headers, CSR records' distributions, the distribution register), saying when an alias matched (tester76 M8).
 */
import { describe, expect, it } from "vitest";
import { departmentNamed } from "../../src/model/department-names.js";
import type { Department } from "../../src/model/types.js";

const departments: Department[] = [
  { code: "QA", name: "品质部", name_en: "Quality" },
  { code: "PRD", name: "生产部", aliases: ["制造部", "Production"] },
];

describe("departmentNamed", () => {
  it("finds a department by code, name or English name as written (full-width, spaces, case), by alias last and says so", () => {
    expect(departmentNamed(departments, "ｑａ")).toEqual({ department: departments[0], alias: false });
    expect(departmentNamed(departments, "品 质\u3000部")).toEqual({ department: departments[0], alias: false });
    expect(departmentNamed(departments, "quality")).toEqual({ department: departments[0], alias: false });
    expect(departmentNamed(departments, "制造部")).toEqual({ department: departments[1], alias: true });
    expect(departmentNamed(departments, "PRODUCTION")).toEqual({ department: departments[1], alias: true });
    expect(departmentNamed(departments, "行政部")).toBeUndefined();
    expect(departmentNamed(departments, " ")).toBeUndefined();
  });

  it("takes a code or name before another department's alias", () => {
    const both: Department[] = [{ code: "ENG", name: "技术部", aliases: ["QA"] }, ...departments];
    expect(departmentNamed(both, "qa")).toEqual({ department: departments[0], alias: false });
  });
});
