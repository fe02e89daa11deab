import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCheck } from "../../src/check/engine.js";
import { rule as yearMissing } from "../../src/check/rules/calendar/year-missing.js";
import { repositoryCalendar, shippedCalendar } from "../../src/load/calendar.js";
import { loadRepository } from "../../src/load/repository.js";
import { lunarDates } from "../../src/load/lunar.js";
import { estimatedDeadlineNote, expand, statutoryYear, WorkCalendar } from "../../src/model/calendar.js";
import type { QmsConfig } from "../../src/model/types.js";
import { registerContext } from "../../src/report/registers/context.js";
import { csrList } from "../../src/report/registers/csr.js";
import { FIXTURES, ROOT } from "../helpers.js";

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
  it("takes a typed year in place of the shipped year of the same number", () => {
    const typed = repositoryCalendar(config({ years: [{ year: 2026, notice: "（测试用通知）", holidays: ["2026-03-02"], workdays: [] }] }));
    expect([typed.isWorkday("2026-03-02"), typed.isWorkday("2026-10-01"), typed.yearsWithoutData("2026-01-01", "2026-12-31")]).toEqual([false, true, []]);
  });

  it("adds company days off and overrides a shipped day", () => {
    const calendar = repositoryCalendar(config({ holidays: [{ from: "2026-08-03", to: "2026-08-04", name: "停产检修" }, "2026-02-28"], workdays: ["2026-10-07"] }));
    expect(calendar.isWorkday("2026-08-03")).toBe(false);
    expect(calendar.isWorkday("2026-02-28")).toBe(false);
    expect(calendar.isWorkday("2026-10-07")).toBe(true);
    expect(calendar.isWorkday("2026-10-06")).toBe(false);
  });

  it("counts a year without data Monday to Friday less its statutory holidays, and says that its 调休 is not known", () => {
    const calendar = repositoryCalendar(undefined);
    // 2027-01-01, 元旦, is a day off by law (tester66 N3: it was counted as a working day).
    expect(calendar.addWorkdays("2026-12-28", 10)).toBe("2027-01-12");
    expect(calendar.yearsWithoutData("2026-12-28", "2027-01-12")).toEqual([2027]);
    expect(calendar.yearsWithoutData("2026-11-20", "2026-12-04")).toEqual([]);
    expect(estimatedDeadlineNote(calendar, "2026-12-28", "2027-01-12")).toBe(
      "note: csr has no holiday notice for 2027; the deadline 2027-01-12 counts its statutory public holidays, but its make-up days (调休: bridging days off, make-up working days) are not known and may move it by a few days (rule calendar/year-missing). Once that year's notice is published, write its days into qms.yaml with 'csr calendar notice <file>'.\n",
    );
  });

  it("counts 元旦 and 春节 of 2027 by the law without a 2027 notice: 除夕 2027-02-05 to 正月初三 2027-02-08 (tester66 N3)", () => {
    const calendar = repositoryCalendar(undefined);
    expect(calendar.addWorkdays("2026-12-31", 1)).toBe("2027-01-04");
    expect(calendar.addWorkdays("2027-02-04", 1)).toBe("2027-02-09");
    expect(calendar.workdaysBetween("2027-02-01", "2027-02-12")).toBe(7);
    expect(calendar.statutoryHolidays(2027)).toEqual([
      { from: "2027-01-01", to: "2027-01-01", name: "元旦", name_en: "New Year's Day" },
      { from: "2027-02-05", to: "2027-02-08", name: "春节", name_en: "Spring Festival" },
      { from: "2027-04-05", to: "2027-04-05", name: "清明节", name_en: "Qingming Festival" },
      { from: "2027-05-01", to: "2027-05-02", name: "劳动节", name_en: "Labour Day" },
      { from: "2027-06-09", to: "2027-06-09", name: "端午节", name_en: "Dragon Boat Festival" },
      { from: "2027-09-15", to: "2027-09-15", name: "中秋节", name_en: "Mid-Autumn Festival" },
      { from: "2027-10-01", to: "2027-10-03", name: "国庆节", name_en: "National Day" },
    ]);
    // A year with its notice is the notice's alone.
    expect(calendar.statutoryHolidays(2026)).toBeUndefined();
  });

  it("reckons the statutory days as the 2025 and 2026 notices give them: every one a day off of the notice", () => {
    const cn = shippedCalendar("CN");
    for (const year of [2025, 2026]) {
      const noticeDays = expand(cn.years.find((y) => y.year === year)!.holidays);
      const law = [...expand(statutoryYear(cn.statutory!, year, lunarDates()))];
      expect(law.length).toBe(13);
      expect(law.filter((d) => !noticeDays.has(d))).toEqual([]);
    }
    // Before the 2024 revision the law had other days: an earlier year without a notice is counted Monday to Friday.
    expect(statutoryYear(cn.statutory!, 2019, lunarDates())).toBeUndefined();
    expect(repositoryCalendar(undefined).isWorkday("2019-10-01")).toBe(true);
  });

  it("reads the lunar calendar only when a count first reaches a year without a notice, once", () => {
    let asked = 0;
    const calendar = new WorkCalendar({}, shippedCalendar("CN"), () => (asked++, lunarDates()));
    calendar.addWorkdays("2026-01-05", 200);
    expect(asked).toBe(0);
    calendar.addWorkdays("2026-12-20", 40);
    calendar.isWorkday("2027-10-01");
    expect(asked).toBe(1);
    // The notes and csr calendar show list the days the counts used, not a second computation of them.
    expect(calendar.statutoryHolidays(2027)?.length).toBe(7);
    expect(asked).toBe(1);
  });

  it("leaves out the statutory days where the repository says otherwise: a company working day, a year typed in, base none", () => {
    expect(repositoryCalendar(config({ workdays: ["2027-01-01"] })).isWorkday("2027-01-01")).toBe(true);
    expect(repositoryCalendar(config({ years: [{ year: 2027, notice: "（测试用通知）", holidays: [], workdays: [] }] })).isWorkday("2027-02-05")).toBe(true);
    expect(repositoryCalendar(config({ base: "none" })).isWorkday("2027-02-05")).toBe(true);
  });

  it("knows a year the repository typed in from its notice (calendar.years), and with base none reports nothing", () => {
    // Not real 2027 days: the 2027 notice is not in csr's sources, so a test must not pretend to know it.
    const typed = repositoryCalendar(
      config({ years: [{ year: 2027, notice: "（测试用通知）", holidays: [{ from: "2027-01-01", to: "2027-01-03", name: "元旦" }], workdays: [] }] }),
    );
    expect(typed.yearsWithoutData("2026-12-28", "2027-01-11")).toEqual([]);
    expect([typed.isWorkday("2027-01-01"), typed.isWorkday("2027-01-04")]).toEqual([false, true]);
    expect(typed.addWorkdays("2026-12-28", 10)).toBe("2027-01-12");
    // A company's own day off in a year says nothing of that year's public holidays.
    expect(repositoryCalendar(config({ holidays: [{ from: "2027-08-02", to: "2027-08-06", name: "夏季检修" }] })).yearsWithoutData("2026-12-28", "2027-01-11")).toEqual([2027]);
    const own = repositoryCalendar(config({ base: "none" }));
    expect(own.yearsWithoutData("2026-12-28", "2027-01-11")).toEqual([]);
    expect(own.isWorkday("2026-10-01")).toBe(true);
  });
});

describe("calendar/year-missing", () => {
  // DYA-001 was received 2026-11-20 with review_days 40: its deadline, 2027-01-18 (元旦 off by law), runs into 2027.
  const findings = (today: string, calendar?: QmsConfig["calendar"]) => {
    const repo = loadRepository(join(FIXTURES, "rules", "calendar-year-missing", "invalid"));
    if (calendar) repo.config!.value.calendar = calendar;
    return runCheck(repo, { today }, [yearMissing]).map((f) => `${f.file}:${f.line}:${f.column} ${f.message}`);
  };

  it("in 2027 without 2027's days: one finding on qms.yaml that says what is missing and how to add it", () => {
    expect(findings("2027-01-05")).toEqual([
      "qms.yaml:1:1 Today (2027-01-05) lies in 2027, for which csr has no holiday notice: every working-day count into 2027 (review deadlines, days overdue, recall and training deadlines) counts the public holidays the law fixes (全国年节及纪念日放假办法), but not the bridging days off and make-up working days (调休) only the notice gives, so it may be a few days off. Once the State Council General Office publishes its holiday notice for 2027, save its text to a file and run 'csr calendar notice <file>', which writes its days off and make-up working days under 'calendar.years' in qms.yaml (README: \"When the next year's holiday notice is published\"); do not guess them before.",
    ]);
  });

  it("before 2027, on the CSR whose deadline runs into it; nothing once the year is typed in", () => {
    expect(findings("2026-11-27")).toEqual([
      "csr/DYA/DYA-001.yaml:6:11 The review deadline of DYA-001 (2027-01-18, counted from 2026-11-20) runs through 2027, for which csr has no holiday notice: it counts the statutory public holidays, but not the make-up days (调休), which may move it by a few days. Once the State Council's notice for that year is published, write its days into qms.yaml with 'csr calendar notice <file>', or update csr.",
    ]);
    const typed = { years: [{ year: 2027, notice: "（测试用通知）", holidays: [], workdays: [] }] };
    expect([...findings("2026-11-27", typed), ...findings("2027-01-05", typed)]).toEqual([]);
  });

  it("the CSR list says under it when its deadlines or days left run into such a year", () => {
    const rc = registerContext(loadRepository(join(ROOT, "examples/acme-auto")), "en");
    const estimated = csrList(rc, { today: "2027-01-05" });
    expect(estimated.notes?.at(-1)).toBe("No holiday notice is recorded for 2027: review deadlines and working days left that run into it count its statutory public holidays, not its make-up days (调休), which are not known.");
    // How to add them is for the one who runs the command (Table.hints), after what has no English.
    expect(estimated.hints?.at(-1)).toBe(
      "csr has no holiday notice for 2027 (rule calendar/year-missing): the statutory public holidays are counted, the make-up days (调休) are not known; once its notice is published, write its days into qms.yaml with 'csr calendar notice <file>'.",
    );
    // No such note before: the list's own, DYA-002 put into production after Dongyue's date, and BCM-004 addressed only in a draft (auditor17 F7).
    expect(csrList(rc, { today: "2026-11-27" }).notes).toEqual([
      "Reviews overdue, still open: 0; decided late: 0. Review due is the current review round's deadline, still listed once decided; working days left follow the calendar in qms.yaml and are shown while the review is open, a negative number being working days late. Rounds before a new source revision: the CSR review timeliness register (csr list reviews).",
      "Implemented after the customer's date: 1: DYA-002 (in production 2026-04-20, 12 working days after 2026-04-01). The customer's date is the effective date of the source revision, or one recorded on the CSR (csr check rule csr/late-for-customer).",
      "Not yet addressed in any document: BCM-004 (WI-011-01 not released yet)",
    ]);
    // In English, what the list prints in Chinese for want of English (auditor16 F13): acme's categories, a hint on stderr, not in the register (tester23 F12).
    expect(csrList(rc, { today: "2026-11-27" }).hints).toEqual([
      "8 categories have no English name and are printed as written: add them under csr.categories_en in qms.yaml ({category: English name}).",
    ]);
    const named = { ...rc.repo.config!.value, csr: { ...rc.repo.config!.value.csr, categories_en: Object.fromEntries(rc.repo.config!.value.csr!.categories!.map((c) => [c, `(${c})`])) } };
    const translated = registerContext({ ...rc.repo, config: { ...rc.repo.config!, value: named } }, "en");
    const list = csrList(translated, { today: "2026-11-27" });
    expect([list.notes?.length, list.hints, list.rows.find((r) => r.id === "DYA-001")?.category]).toEqual([3, undefined, "(特殊特性)"]);
  });

  it("says a year before the law's public holidays (2025) without a notice was counted Monday to Friday, not that its statutory holidays were", () => {
    // DYA-001 received 2019-11-20 instead: its 40 working days run from 2019, which csr has neither a notice nor the law's days for, into 2020.
    const repo = loadRepository(join(FIXTURES, "rules", "calendar-year-missing", "invalid"));
    repo.csrs[0]!.value.received = "2019-11-20";
    expect(runCheck(repo, { today: "2019-12-02" }, [yearMissing]).map((f) => f.message)).toEqual([
      "Today (2019-12-02) lies in 2019, for which csr has neither a holiday notice nor public holidays: every working-day count into 2019 (review deadlines, days overdue, recall and training deadlines) was counted Monday to Friday, so it may be a few days off. Save the text of the State Council General Office's holiday notice for 2019 to a file and run 'csr calendar notice <file>', which writes its days off and make-up working days under 'calendar.years' in qms.yaml.",
    ]);
    expect(runCheck(repo, { today: "2020-03-02" }, [yearMissing]).map((f) => f.message)).toEqual([
      "The review deadline of DYA-001 (2020-01-16, counted from 2019-11-20) runs through 2019, for which csr has neither a holiday notice nor public holidays: it was counted Monday to Friday and may be a few days off. Write the days off and make-up working days of the State Council's notice for that year into qms.yaml with 'csr calendar notice <file>'.",
    ]);
    const list = csrList(registerContext(repo, "en"), { today: "2019-12-02" });
    expect(list.notes?.at(-1)).toBe("No holiday notice is recorded for 2019, and csr has no public holidays for it: review deadlines and working days left that run into it were counted Monday to Friday.");
    expect(list.hints?.at(-1)).toBe(
      "csr has no holiday notice for 2019 (rule calendar/year-missing): its working days were counted Monday to Friday; write the days off and make-up working days of its notice into qms.yaml with 'csr calendar notice <file>'.",
    );
    expect(list.rows.find((r) => r.id === "DYA-001")?.status).toMatch(/ \(deadline estimated: counted Monday to Friday; public holidays unknown\)$/);
  });
});
