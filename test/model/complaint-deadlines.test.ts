/**
 * Complaint deadlines out of step order (breaker64 P6): deadlinesOutOfOrder judges a setting of
 * complaint_deadlines for every day of receipt on weeks of Monday to Friday, saying whether a later step
 * precedes an earlier one always or only on some days; dueDatesOutOfOrder compares the due dates a record
 * was given.
 */
import { describe, expect, it } from "vitest";
import { deadlinesOutOfOrder, dueDatesOutOfOrder } from "../../src/model/actions.js";

describe("deadlinesOutOfOrder", () => {
  it("finds nothing in DYA-002's deadlines, nor between steps due the same day or a calendar-day step after every working-day span", () => {
    expect(deadlinesOutOfOrder({ D3: { days: 1 }, D4: { working_days: 5 }, D8: { working_days: 15 } })).toEqual([]);
    expect(deadlinesOutOfOrder({ D5: { working_days: 10 }, D6: { working_days: 10 } })).toEqual([]);
    // 10 working days take at most 14 calendar days on a week of five.
    expect(deadlinesOutOfOrder({ D4: { working_days: 10 }, D8: { days: 14 } })).toEqual([]);
  });

  it("says a step in the same unit as an earlier one, and shorter, always precedes it", () => {
    expect(deadlinesOutOfOrder({ D3: { days: 1 }, D4: { days: 0 } })).toEqual([{ step: "D4", earlier: [{ step: "D3", always: true }] }]);
    expect(deadlinesOutOfOrder({ D3: { days: 1 }, D4: { working_days: 5 }, D5: { working_days: 20 }, D8: { working_days: 15 } })).toEqual([{ step: "D8", earlier: [{ step: "D5", always: true }] }]);
    // Calendar days after a longer working-day deadline: before it whatever the day received.
    expect(deadlinesOutOfOrder({ D5: { working_days: 10 }, D8: { days: 9 } })).toEqual([{ step: "D8", earlier: [{ step: "D5", always: true }] }]);
  });

  it("says a step that precedes an earlier one only on some days of receipt does so sometimes", () => {
    // 5 working days from a Monday end the next Monday, after 5 calendar days; from a Sunday they end on the Friday, with them.
    expect(deadlinesOutOfOrder({ D4: { working_days: 5 }, D8: { days: 5 } })).toEqual([{ step: "D8", earlier: [{ step: "D4", always: false }] }]);
    // 2 working days from a Monday end on the Wednesday, before 3 calendar days; from a Thursday on the Monday, after them.
    expect(deadlinesOutOfOrder({ D3: { days: 3 }, D4: { working_days: 2 } })).toEqual([{ step: "D4", earlier: [{ step: "D3", always: false }] }]);
    // Shorter on every day of a plain week, but a holiday can push working days past calendar days: not always.
    expect(deadlinesOutOfOrder({ D3: { days: 10 }, D4: { working_days: 2 } })).toEqual([{ step: "D4", earlier: [{ step: "D3", always: false }] }]);
  });
});

describe("dueDatesOutOfOrder", () => {
  it("names each step due before earlier ones, with their due dates", () => {
    expect(dueDatesOutOfOrder({ D3: "2026-12-05", D4: "2026-12-11", D5: "2027-01-01", D8: "2026-12-25" })).toEqual([{ step: "D8", due: "2026-12-25", earlier: [{ step: "D5", due: "2027-01-01" }] }]);
    expect(dueDatesOutOfOrder({ D3: "2026-12-05", D8: "2026-12-05" })).toEqual([]);
  });
});
