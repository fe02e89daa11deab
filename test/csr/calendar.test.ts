import { describe, expect, it } from "vitest";
import { WorkCalendar } from "../../src/model/calendar.js";
import { reviewDue } from "../../src/model/csr-status.js";
import type { Csr } from "../../src/model/types.js";

/** The 2026 Spring Festival as the State Council published it: Feb 15-23 off, Saturdays Feb 14 and 28 worked. */
const chinese2026 = new WorkCalendar({
  holidays: [{ from: "2026-02-15", to: "2026-02-23", name: "春节" }],
  workdays: ["2026-02-14", "2026-02-28"],
});

const csr = (received: string, restarted?: string): Csr => ({
  id: "DYA-001",
  customer: "DYA",
  source: { document: "DYA-SQM", revision: "C" },
  clauses: ["IATF16949:8.3.3.3"],
  title: "t",
  received,
  ...(restarted ? { review: { restarted } } : {}),
});

describe("working-day calendar", () => {
  it("skips weekends: received Friday 2026-11-20, 10 working days later is Friday 2026-12-04", () => {
    expect(chinese2026.addWorkdays("2026-11-20", 10)).toBe("2026-12-04");
    expect(reviewDue(csr("2026-11-20"), chinese2026, undefined)).toBe("2026-12-04");
  });

  it("does not count the day of receipt, even when it is a working day", () => {
    expect(chinese2026.addWorkdays("2026-11-23", 1)).toBe("2026-11-24");
    expect(chinese2026.addWorkdays("2026-11-21", 1)).toBe("2026-11-23");
  });

  it("treats every day of a holiday range as a day off, including its weekdays", () => {
    for (const day of ["2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20", "2026-02-23"]) {
      expect(chinese2026.isWorkday(day), day).toBe(false);
    }
    expect(chinese2026.isWorkday("2026-02-24")).toBe(true);
  });

  it("counts a make-up Saturday as a working day", () => {
    expect(chinese2026.isWorkday("2026-02-14")).toBe(true);
    expect(chinese2026.isWorkday("2026-02-28")).toBe(true);
    expect(chinese2026.isWorkday("2026-03-07")).toBe(false);
  });

  it("carries a review across the Spring Festival and its make-up days", () => {
    // Received Thu Feb 12: Fri 13, Sat 14 (make-up), then the block until Mon 23, then Tue 24 ...
    // 1:13 2:14 3:24 4:25 5:26 6:27 7:28(Sat, make-up) 8:Mar 2 9:Mar 3 10:Mar 4
    expect(chinese2026.addWorkdays("2026-02-12", 10)).toBe("2026-03-04");
    // Without the calendar the same review would have been due before the holiday ended.
    expect(new WorkCalendar().addWorkdays("2026-02-12", 10)).toBe("2026-02-26");
  });

  it("counts working days left, negative once a date has passed", () => {
    expect(chinese2026.workdaysBetween("2026-11-27", "2026-12-04")).toBe(5);
    expect(chinese2026.workdaysBetween("2026-12-04", "2026-12-04")).toBe(0);
    expect(chinese2026.workdaysBetween("2026-12-07", "2026-12-04")).toBe(-1);
    expect(chinese2026.workdaysBetween("2026-02-13", "2026-02-24")).toBe(2);
  });

  it("restarts the review clock from a new source revision's date received", () => {
    expect(reviewDue(csr("2025-06-05", "2026-11-20"), chinese2026, undefined)).toBe("2026-12-04");
  });

  it("takes the review period from qms.yaml", () => {
    const config = { organisation: { name: "x" }, standards: ["IATF16949"], departments: [], csr: { review_days: 5 } };
    expect(reviewDue(csr("2026-11-20"), chinese2026, config)).toBe("2026-11-27");
  });

  it("honours a six-day working week", () => {
    const sixDays = new WorkCalendar({ weekdays: [1, 2, 3, 4, 5, 6] });
    expect(sixDays.addWorkdays("2026-11-20", 10)).toBe("2026-12-02");
  });
});
