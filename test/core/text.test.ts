import { describe, expect, it } from "vitest";
import { closest, levenshtein, shellArgument } from "../../src/core/text.js";

describe("levenshtein", () => {
  it("counts the edits between two texts", () => {
    expect(levenshtein("kitten", "sitting")).toBe(3);
    expect(levenshtein("QP-001", "QP-0001")).toBe(1);
    expect(levenshtein("", "QA")).toBe(2);
    expect(levenshtein("品质部", "品质")).toBe(1);
    expect(levenshtein("QE", "QE")).toBe(0);
  });

  it("gives the distance below a limit, and at least the limit when it is not below", () => {
    expect(levenshtein("kitten", "sitting", 4)).toBe(3);
    expect(levenshtein("kitten", "sitting", 3)).toBeGreaterThanOrEqual(3);
    expect(levenshtein("CSR-001", "QP-0001", 2)).toBeGreaterThanOrEqual(2);
    expect(levenshtein("abcdef", "uvwxyz", 1)).toBeGreaterThanOrEqual(1);
  });
});

describe("closest", () => {
  it("picks the nearest candidate within a third of the word's length, the first of equals", () => {
    expect(closest("QP-0001", ["QQ-0009", "QP-0002", "QP-0003"])).toBe("QP-0002");
    expect(closest("qp-0001", ["QP-0001"])).toBe("QP-0001");
    expect(closest("xyz", ["abc", "uvw"])).toBeUndefined();
  });

  it("first names the same number written with its family prefix or without leading zeros (tester16 F17)", () => {
    expect(closest("QP-001", ["CS/QP-002", "CS/QP-001", "CS/QP-003"])).toBe("CS/QP-001");
    expect(closest("BD-9", ["BD-001", "BD-008", "BD-009"])).toBe("BD-009");
    expect(closest("QP-0001", ["QP-0002", "QP-001"])).toBe("QP-001");
    // Two families with that number: neither is named for it, the nearest by edits is.
    expect(closest("QP-001", ["CS/QP-001", "XS/QP-001"])).toBeUndefined();
    expect(closest("QP-001", ["CS/QP-001", "XS/QP-001", "QP-002"])).toBe("QP-002");
  });
});

describe("shellArgument", () => {
  it("quotes a number with a space, so that a suggested command can be copied, and leaves others as they are", () => {
    expect(shellArgument("GB/T 19001-2016")).toBe('"GB/T 19001-2016"');
    expect(shellArgument("CS/QP-006")).toBe("CS/QP-006");
  });
});
