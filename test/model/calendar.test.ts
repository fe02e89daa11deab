import { describe, expect, it } from "vitest";
import { repositoryCalendar, shippedCalendar } from "../../src/load/calendar.js";
import { estimatedDeadlineNote } from "../../src/model/calendar.js";
import type { QmsConfig } from "../../src/model/types.js";

const config = (calendar: QmsConfig["calendar"]) => ({ calendar }) as QmsConfig;

describe("the shipped calendar of China's public holidays", () => {
  const cn = shippedCalendar("CN");

  it("has one entry per year from 2020 to 2026, each from its State Council notice", () => {
    expect(cn.years.map((y) => `${y.year} ${y.number} ${y.published}`)).toEqual([
      "2020 国办发明电〔2019〕16号 2019-11-21",
      "2021 国办发明电〔2020〕27号 2020-11-25",
      "2022 国办发明电〔2021〕11号 2021-10-25",
      "2023 国办发明电〔2022〕16号 2022-12-08",
      "2024 国办发明电〔2023〕7号 2023-10-25",
      "2025 国办发明电〔2024〕12号 2024-11-12",
      "2026 国办发明电〔2025〕7号 2025-11-04",
    ]);
    expect(cn.years.every((y) => y.notice === `国务院办公厅关于${y.year}年部分节假日安排的通知`)).toBe(true);
  });

  it("carries as many days off and make-up working days as each notice announces", () => {
    const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
    expect(cn.years.map((y) => [y.year, y.holidays.reduce((n, r) => n + days(r.from, r.to), 0), y.workdays.length])).toEqual([
      [2020, 30, 6],
      [2021, 31, 7],
      [2022, 31, 7],
      [2023, 27, 7],
      [2024, 28, 8],
      [2025, 28, 5],
      [2026, 33, 6],
    ]);
  });

  it("counts review deadlines through 春节 and 国庆 with their make-up working days", () => {
    const calendar = repositoryCalendar(undefined);
    expect(calendar.addWorkdays("2025-01-24", 10)).toBe("2025-02-13");
    expect(calendar.addWorkdays("2025-09-26", 10)).toBe("2025-10-16");
    expect(calendar.addWorkdays("2026-02-10", 10)).toBe("2026-03-02");
  });

  it("applies the 2020 extension of the Spring Festival (国办发明电〔2020〕1号)", () => {
    const calendar = repositoryCalendar(undefined);
    expect(["2020-01-31", "2020-02-01", "2020-02-02", "2020-02-03"].map((d) => calendar.isWorkday(d))).toEqual([false, false, false, true]);
    expect(cn.years[0]!.amended_by?.[0]?.number).toBe("国办发明电〔2020〕1号");
  });
});

describe("a repository's calendar", () => {
  it("adds company days off and overrides a shipped day", () => {
    const calendar = repositoryCalendar(config({ holidays: [{ from: "2026-08-03", to: "2026-08-04", name: "停产检修" }, "2026-02-28"], workdays: ["2026-10-07"] }));
    expect(calendar.isWorkday("2026-08-03")).toBe(false);
    expect(calendar.isWorkday("2026-02-28")).toBe(false);
    expect(calendar.isWorkday("2026-10-07")).toBe(true);
    expect(calendar.isWorkday("2026-10-06")).toBe(false);
  });

  it("counts a year without data Monday to Friday, and says so", () => {
    const calendar = repositoryCalendar(undefined);
    expect(calendar.addWorkdays("2026-12-28", 10)).toBe("2027-01-11");
    expect(calendar.yearsWithoutData("2026-12-28", "2027-01-11")).toEqual([2027]);
    expect(calendar.yearsWithoutData("2026-11-20", "2026-12-04")).toEqual([]);
    expect(estimatedDeadlineNote(calendar, "2026-12-28", "2027-01-11")).toBe(
      "note: csr has no public holidays for 2027; the deadline 2027-01-11 was counted Monday to Friday (rule calendar/year-missing). Add that year's days under 'calendar' in qms.yaml.\n",
    );
  });

  it("knows a year whose holidays the repository typed in itself, and with base none reports nothing", () => {
    expect(repositoryCalendar(config({ holidays: [{ from: "2027-01-01", to: "2027-01-01", name: "元旦" }] })).yearsWithoutData("2026-12-28", "2027-01-11")).toEqual([]);
    const own = repositoryCalendar(config({ base: "none" }));
    expect(own.yearsWithoutData("2026-12-28", "2027-01-11")).toEqual([]);
    expect(own.isWorkday("2026-10-01")).toBe(true);
  });
});
