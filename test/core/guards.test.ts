import { describe, expect, it } from "vitest";
import { isRecord } from "../../src/core/guards.js";

describe("isRecord", () => {
  it("takes a mapping as read from YAML, not a list, null or a scalar", () => {
    expect(isRecord({ id: "QP-006" })).toBe(true);
    expect(isRecord({})).toBe(true);
    expect(isRecord(["QP-006"])).toBe(false);
    expect(isRecord(null)).toBe(false);
    expect(isRecord(undefined)).toBe(false);
    expect(isRecord("QP-006")).toBe(false);
    expect(isRecord(6)).toBe(false);
  });
});
