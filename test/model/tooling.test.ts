/**
 * The tooling register (model/tooling.ts; tester77 E5, tester75 P11; IATF 16949 8.5.1.6, 8.5.1.5, 10.2.4, 8.5.3):
 * an error-proofing device verified every shift or every day owes a verification on each working day of the
 * calendar (a Friday's verification is next owed on Monday; the 国庆 days off owe none), weekly and monthly ones
 * 7 days and a month after the last; tooling out of use and frequencies counted in parts owe none by date once verified; the
 * planned maintenance counts from the last one recorded, the first from the day it was put in use; calibration and MSA
 * (7.1.5.1.1, 7.1.5.2) are judged as the register of gauges does; a document's tooling numbers are read by the register's
 * own prefixes, never by a document number's.
 */
import { describe, expect, it } from "vitest";
import { repositoryCalendar } from "../../src/load/calendar.js";
import { loadRepository } from "../../src/load/repository.js";
import { calibrationDue, calibrationsWithoutReaction, customerOwner, failedWithoutReaction, isGauge, maintenanceDue, msaVerdict, registerPrefixes, unknownToolingIds, verificationDue } from "../../src/model/tooling.js";
import type { Tooling } from "../../src/model/types.js";
import { makeRepo } from "../helpers.js";

const calendar = repositoryCalendar(undefined);
const device = (frequency: NonNullable<Tooling["verification"]>["frequency"], dates: string[], extra: Partial<Tooling> = {}): Tooling => ({
  id: "EP-30-01",
  name: "拧紧计数防错",
  kind: "error-proofing",
  verification: { frequency, records: dates.map((date) => ({ date, by: "wang", result: "pass" as const })) },
  ...extra,
});

describe("verificationDue: every shift and every day on the working-day calendar (IATF 16949 10.2.4)", () => {
  it("owes a Friday's verification again on Monday: overdue from Tuesday, not over the weekend", () => {
    // 2026-11-27 is a Friday.
    const friday = device("shift", ["2026-11-27"]);
    expect(verificationDue(friday, "2026-11-28", calendar)).toEqual({ due: "2026-11-30", overdue: false, last: friday.verification!.records![0] });
    expect(verificationDue(friday, "2026-11-30", calendar)?.overdue).toBe(false);
    expect(verificationDue(friday, "2026-12-01", calendar)).toMatchObject({ due: "2026-11-30", overdue: true });
    expect(verificationDue(device("day", ["2026-11-24"]), "2026-11-26", calendar)).toMatchObject({ due: "2026-11-25", overdue: true });
  });

  it("counts no verification owed on the 国庆 days off (2026-10-01 to 10-07), the first working day after them owing the next", () => {
    const before = device("day", ["2026-09-30"]);
    expect(verificationDue(before, "2026-10-05", calendar)).toMatchObject({ due: "2026-10-08", overdue: false });
    expect(verificationDue(before, "2026-10-09", calendar)).toMatchObject({ due: "2026-10-08", overdue: true });
  });

  it("owes a weekly one 7 days and a monthly one a month after the last; a device never verified at once", () => {
    expect(verificationDue(device("week", ["2026-11-19"]), "2026-11-27", calendar)).toMatchObject({ due: "2026-11-26", overdue: true });
    expect(verificationDue(device("month", ["2026-10-31"]), "2026-11-30", calendar)).toMatchObject({ due: "2026-11-30", overdue: false });
    expect(verificationDue(device("shift", []), "2026-11-27", calendar)).toEqual({ due: "2026-11-27", overdue: true });
  });

  it("owes nothing by date for a frequency in parts after a pass, tooling in repair, stored or scrapped, or without a verification plan", () => {
    expect(verificationDue(device("parts", ["2026-01-01"]), "2026-11-27", calendar)).toBeUndefined();
    // What dates do tell of a frequency in parts: never verified, owed at once (tester82 A8).
    expect(verificationDue(device("parts", []), "2026-11-27", calendar)).toEqual({ due: "2026-11-27", overdue: true });
    for (const status of ["repair", "stored", "scrapped"] as const) expect(verificationDue(device("shift", ["2026-01-01"], { status }), "2026-11-27", calendar)).toBeUndefined();
    expect(verificationDue({ id: "FX-30-02", name: "定位夹具", kind: "fixture" }, "2026-11-27", calendar)).toBeUndefined();
  });

  it("counts only a pass: a failed verification (11-30 pass, 12-03 fail, 送修) owes a pass at once, not a week after the failure (review78 #3)", () => {
    const pass = { date: "2026-11-30", by: "wang", result: "pass" as const };
    const fail = { date: "2026-12-03", by: "wang", result: "fail" as const, reaction: "送修" };
    const failed: Tooling = { id: "EP-30-01", name: "拧紧计数防错", kind: "error-proofing", verification: { frequency: "week", records: [pass, fail] } };
    expect(verificationDue(failed, "2026-12-04", calendar)).toEqual({ due: "2026-12-03", overdue: true, last: pass, failed: fail });
    expect(verificationDue(failed, "2026-12-02", calendar)).toEqual({ due: "2026-12-07", overdue: false, last: pass });
    const never: Tooling = { ...failed, verification: { frequency: "week", records: [fail] } };
    expect(verificationDue(never, "2026-12-04", calendar)).toEqual({ due: "2026-12-03", overdue: true, failed: fail });
    const repassed: Tooling = { ...failed, verification: { frequency: "week", records: [pass, fail, { date: "2026-12-03", by: "wang", result: "pass" }] } };
    expect(verificationDue(repassed, "2026-12-04", calendar)).toMatchObject({ due: "2026-12-10", overdue: false });
    expect(verificationDue(repassed, "2026-12-04", calendar)?.failed).toBeUndefined();
  });

  it("does not count a verification dated after the day asked about", () => {
    expect(verificationDue(device("day", ["2026-11-20", "2026-12-01"]), "2026-11-27", calendar)).toMatchObject({ due: "2026-11-23", overdue: true });
  });
});

describe("maintenance, failures and ownership", () => {
  it("counts the maintenance interval from the last maintenance, the first from the day it was put in use, none for stored tooling", () => {
    const fixture: Tooling = { id: "FX-30-02", name: "定位夹具", kind: "fixture", maintenance: { interval_months: 3, records: [{ date: "2026-05-20", by: "li" }, { date: "2026-08-20", by: "li" }] } };
    expect(maintenanceDue(fixture, "2026-11-20")).toMatchObject({ due: "2026-11-20", overdue: false });
    expect(maintenanceDue(fixture, "2026-11-21")).toMatchObject({ due: "2026-11-20", overdue: true });
    expect(maintenanceDue({ ...fixture, maintenance: { interval_days: 30, records: [{ date: "2026-11-01", by: "li" }] } }, "2026-12-02")).toMatchObject({ due: "2026-12-01", overdue: true });
    // Never maintained (tester82 A8): the first is owed one interval after it was put in use; without that day, at once and undated.
    expect(maintenanceDue({ ...fixture, in_use_since: "2026-03-02", maintenance: { interval_months: 6 } }, "2026-12-08")).toEqual({ due: "2026-09-02", overdue: true });
    expect(maintenanceDue({ ...fixture, in_use_since: "2026-09-01", maintenance: { interval_months: 6 } }, "2026-12-08")).toEqual({ due: "2027-03-01", overdue: false });
    expect(maintenanceDue({ ...fixture, maintenance: { interval_months: 3 } }, "2027-01-01")).toEqual({ overdue: true });
    expect(maintenanceDue({ ...fixture, status: "stored" }, "2027-01-01")).toBeUndefined();
  });

  it("finds the failed verifications without a reaction, and the customer who owns a piece of tooling", () => {
    const records = [
      { date: "2026-11-26", by: "wang", result: "fail" as const, reaction: "隔离复验" },
      { date: "2026-11-27", by: "wang", result: "fail" as const, reaction: " " },
      { date: "2026-11-27", by: "wang", result: "pass" as const },
    ];
    expect(failedWithoutReaction({ verification: { frequency: "shift", records } })).toEqual([{ record: records[1], index: 1 }]);
    expect([customerOwner({}), customerOwner({ owner: "ours" }), customerOwner({ owner: "DYA" })]).toEqual([undefined, undefined, "DYA"]);
  });
});

describe("calibration and MSA of gauges (IATF 16949 7.1.5.2, 7.1.5.2.1, 7.1.5.1.1)", () => {
  const pass = { date: "2025-12-10", result: "pass" as const, by: "li" };
  const gauge = (records: NonNullable<Tooling["calibration"]>["records"], extra: Partial<Tooling> = {}): Tooling => ({ id: "GA-30-01", name: "数显卡尺", kind: "gauge", calibration: { interval_months: 12, records }, ...extra });

  it("owes the next calibration the interval after the last good one (pass or adjusted), at once when never calibrated or the last failed", () => {
    expect(calibrationDue(gauge([pass]), "2026-12-10")).toEqual({ due: "2026-12-10", overdue: false, last: pass });
    expect(calibrationDue(gauge([pass]), "2026-12-11")).toMatchObject({ due: "2026-12-10", overdue: true });
    const fail = { date: "2026-11-16", result: "fail" as const, by: "li" };
    expect(calibrationDue(gauge([pass, fail]), "2026-11-20")).toEqual({ due: "2026-11-16", overdue: true, last: pass, failed: fail });
    const adjusted = { date: "2026-11-17", result: "adjusted" as const, lab: "苏州市计量测试院" };
    expect(calibrationDue(gauge([pass, fail, adjusted]), "2026-11-20")).toEqual({ due: "2027-11-17", overdue: false, last: adjusted });
    expect(calibrationDue(gauge([]), "2026-11-20")).toEqual({ due: "2026-11-20", overdue: true });
    // Not yet recorded on the day asked about.
    expect(calibrationDue(gauge([pass, fail]), "2026-11-15")).toMatchObject({ due: "2026-12-10", overdue: false });
  });

  it("owes none without an interval or out of use; counts gauges, test equipment and anything calibrated in the register of gauges", () => {
    expect(calibrationDue(gauge([pass], { calibration: { records: [pass] } }), "2027-06-01")).toBeUndefined();
    for (const status of ["repair", "stored", "scrapped"] as const) expect(calibrationDue(gauge([pass], { status }), "2027-06-01")).toBeUndefined();
    expect([isGauge({ kind: "gauge" }), isGauge({ kind: "test-equipment" }), isGauge({ kind: "fixture", calibration: {} }), isGauge({ kind: "fixture" })]).toEqual([true, true, true, false]);
  });

  it("asks a failed calibration for a reaction or an action, none of a pass", () => {
    const records = [pass, { date: "2026-11-16", result: "fail" as const, by: "li" }, { date: "2026-11-18", result: "fail" as const, by: "li", action: "NC-2026-003" }, { date: "2026-11-19", result: "fail" as const, by: "li", reaction: "复测 3 批合格" }];
    expect(calibrationsWithoutReaction(gauge(records))).toEqual([{ record: records[1], index: 1 }]);
  });

  it("judges a study as the AIAG MSA manual does: %GRR under 10 acceptable, 10 to 30 conditionally, over 30 or ndc under 5 not", () => {
    expect([{ grr: 9.9, ndc: 12 }, { grr: 10 }, { grr: 30, ndc: 5 }, { grr: 30.1, ndc: 9 }, { grr: 6.5, ndc: 4 }].map(msaVerdict)).toEqual(["acceptable", "conditional", "conditional", "unacceptable", "unacceptable"]);
  });
});

describe("tooling numbers in a document's text", () => {
  it("are read by the register's prefixes, except those that begin a document number, longest first", () => {
    expect(registerPrefixes(["FX-30-02", "EP-30-01", "QP-9", "X-1", "FIXT-01", "ep-30-02"], ["QP-001", "WI-010-01"])).toEqual(["FIXT", "EP", "FX", "ep"]);
  });

  it("finds each unknown number once, whole, and not inside a longer code", () => {
    const known = new Set(["FX-30-02", "EP-30-01"]);
    const text = "定位夹具 FX-30-03；FX-30-03 复用。防错 EP-30-01、EP-30-01A；图号 AFX-30-09、FX-30-02 与 FX-3 均见附件（EP-40-01-1）。";
    expect(unknownToolingIds(text, known, ["FX", "EP"])).toEqual(["FX-30-03", "EP-30-01A", "FX-3", "EP-40-01-1"]);
    expect(unknownToolingIds(text, known, [])).toEqual([]);
  });
});

describe("tooling.yaml loaded", () => {
  it("gives each entry with its path, and keeps the valid entries of a file with one invalid entry, its id remembered", () => {
    const dir = makeRepo({
      "tooling.yaml": "tooling:\n  - {id: FX-30-02, name: 定位夹具, kind: fixture}\n  - {id: EP-30-01, name: 拧紧计数防错, kind: robot}\n",
    });
    const repo = loadRepository(dir);
    expect(repo.tooling.map((t) => [t.value.id, t.path])).toEqual([["FX-30-02", ["tooling", 0]]]);
    expect([...repo.unvalidated.tooling]).toEqual(["EP-30-01"]);
    expect(repo.problems.map((p) => [p.path, p.problem.rule, p.problem.line])).toEqual([["tooling.yaml", "schema/invalid-value", 3]]);
  });
});
