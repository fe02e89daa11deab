/** Dates and clause references as people write them, read the same by `csr import` and by every option. */
import { describe, expect, it } from "vitest";
import { localToday, readDate } from "../../src/core/dates.js";
import { readClauseRefs } from "../../src/model/catalog.js";
import { clauseValues, dateOption } from "../../src/commands/options.js";
import type { Repository } from "../../src/load/repository.js";

describe("readDate", () => {
  it("reads the forms registers and letters write, as YYYY-MM-DD", () => {
    expect(["2025-03-01", "2025-3-1", "2025/3/1", "2025.3.1", "2025年3月1日", "20250301", "２０２５．３．１", "15.01.2021", "05/05/2021"].map(readDate)).toEqual([
      "2025-03-01", "2025-03-01", "2025-03-01", "2025-03-01", "2025-03-01", "2025-03-01", "2025-03-01", "2021-01-15", "2021-05-05",
    ]);
  });

  it("never guesses a day and month that could be either way round, and refuses days that do not exist", () => {
    expect(["03/04/2024", "3-4-2024", "01.03.2025"].map(readDate)).toEqual(["ambiguous", "ambiguous", "ambiguous"]);
    expect(["2024.13.1", "2026-02-30", "13/04/2024", "2024年6月底", "A/0"].map(readDate)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it("is what date options take: normalised, or one line saying what to write", () => {
    expect(dateOption("2025.3.1", "--issued")).toBe("2025-03-01");
    expect(dateOption("2025/3/1", "--issued")).toBe("2025-03-01");
    expect(() => dateOption("03/04/2024", "--issued")).toThrow(
      "--issued '03/04/2024': the day and the month could be either way round — 2024-04-03 or 2024-03-04? Write the date as YYYY-MM-DD.",
    );
    expect(() => dateOption("2024.13.1", "--issued")).toThrow("--issued expects a date as YYYY-MM-DD (or 2026.3.1, 2026/3/1, 2026年3月1日), got '2024.13.1'.");
  });
});

describe("readClauseRefs", () => {
  const standards = ["IATF16949", "ISO9001", "GJB9001C"];
  it("takes a standard's name as registers write it, and gives the bare numbers after it that standard", () => {
    expect(readClauseRefs("IATF 16949 8.5.2、8.5.4", standards, "ISO9001")).toEqual({ clauses: ["IATF16949:8.5.2", "IATF16949:8.5.4"], bad: [], read: [] });
    expect(readClauseRefs("IATF16949:2016 8.5.1; iso 9001:2015 7.5、GJB 9001C-2017 8.3.7", standards, "IATF16949")).toEqual({
      clauses: ["IATF16949:8.5.1", "ISO9001:7.5", "GJB9001C:8.3.7"],
      bad: [],
      read: [],
    });
    expect(readClauseRefs("GJB9001C：8.5.2/8.5.4", standards, "IATF16949")).toEqual({ clauses: ["GJB9001C:8.5.2", "GJB9001C:8.5.4"], bad: [], read: [] });
  });

  it("keeps bare numbers for the standard in scope, and says what is no clause", () => {
    expect(readClauseRefs("7.2 / 第7.3条, 七", standards, "IATF16949")).toEqual({ clauses: ["IATF16949:7.2", "IATF16949:7.3"], bad: ["七"], read: [{ from: "第7.3条", to: "7.3" }] });
    expect(readClauseRefs("VDA 6.3", standards, undefined)).toEqual({ clauses: [], bad: ["VDA", "6.3"], read: [] });
  });
});

describe("clauseValues (--clause)", () => {
  it("reads what people type as an import reads a clause cell, and refuses what names no clause", () => {
    const repo = { config: { value: { standards: ["IATF16949"] } }, catalogs: new Map([["IATF16949", {}], ["ISO9001", {}]]) } as unknown as Repository;
    expect(clauseValues(["IATF 16949 8.5.2、8.5.4", "8.3.3.3", "ISO 9001:2015 7.5", "IATF16949:8.5.2"], repo)).toEqual(["IATF16949:8.5.2", "IATF16949:8.5.4", "IATF16949:8.3.3.3", "ISO9001:7.5"]);
    expect(() => clauseValues(["其他"], repo)).toThrow("--clause 其他: write a clause as STANDARD:CLAUSE, e.g. IATF16949:8.3.3.3.");
  });
});

describe("localToday", () => {
  it("is the date in the time zone TZ names, which the CI files of csr init set to the company's: a runner's clock is in UTC", () => {
    const saved = process.env.TZ;
    // 07:30 on 3 December in Beijing: a push before 08:00 there.
    const at = new Date("2026-12-02T23:30:00Z");
    try {
      process.env.TZ = "UTC";
      expect(localToday(at)).toBe("2026-12-02");
      process.env.TZ = "Asia/Shanghai";
      expect(localToday(at)).toBe("2026-12-03");
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});
