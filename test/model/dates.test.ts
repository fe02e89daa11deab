import { describe, expect, it } from "vitest";
import { addMonths, isIsoDate } from "../../src/core/dates.js";

describe("dates", () => {
  it("adds months, clamping to the end of shorter months and across years", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2025-11-15", 14)).toBe("2027-01-15");
    expect(addMonths("2026-03-31", 36)).toBe("2029-03-31");
  });

  it("accepts only real calendar dates written YYYY-MM-DD", () => {
    expect(isIsoDate("2026-02-28")).toBe(true);
    expect(isIsoDate("2026-02-29")).toBe(false);
    expect(isIsoDate("2026/02/28")).toBe(false);
  });
});
