/**
 * Reading the State Council General Office's holiday notice (国务院办公厅关于××年部分节假日安排的通知)
 * as published: the notices of 2024 to 2026 (their text in test/fixtures/holiday-notices/) read to
 * exactly the days csr ships from them, and every figure a notice states is checked.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { shippedCalendar } from "../../src/load/calendar.js";
import { readHolidayNotice } from "../../src/model/holiday-notice.js";
import { FIXTURES } from "../helpers.js";

const notice = (year: number) => readFileSync(join(FIXTURES, "holiday-notices", `${year}.txt`), "utf8");

describe("readHolidayNotice", () => {
  it.each([2024, 2025, 2026])("reads the %i notice to the days csr ships from it", (year) => {
    const shipped = shippedCalendar("CN").years.find((y) => y.year === year)!;
    const reading = readHolidayNotice(notice(year));
    expect(reading.problems).toEqual([]);
    expect(reading.year).toEqual({
      year,
      notice: `${shipped.notice}（${shipped.number}）`,
      number: shipped.number,
      // The notice names its holidays in Chinese; the English names csr ships beside them (name_en) are not in it.
      holidays: shipped.holidays.map(({ name_en: _, ...holiday }) => holiday),
      workdays: shipped.workdays,
    });
  });

  it("says which sentence with a date it did not read as a day off or a working day", () => {
    expect(readHolidayNotice(notice(2024)).skipped).toEqual(["春节：鼓励各单位结合带薪年休假等制度落实，安排职工在除夕（2月9日）休息"]);
    expect(readHolidayNotice(notice(2026)).skipped).toEqual([]);
  });

  it("reads full-width digits, a PDF's broken lines and zero-width spaces as the web page shows them", () => {
    const text = notice(2026)
      .replace("2月14日（周六）、2月28日（周六）上班。", "２月１４日（周六）、2月28\n日（周六）上班。")
      .replace("五、端午节：6月19日", "五、端午节：\n6月\u200b19日");
    expect(readHolidayNotice(text)).toEqual(readHolidayNotice(notice(2026)));
  });

  it("checks every weekday and day count the notice states, and a day given twice", () => {
    const text = notice(2026)
      .replace("1月1日（周四）至3日（周六）", "1月1日（周五）至3日（周六）")
      .replace("共9天", "共8天")
      .replace("10月10日（周六）上班", "10月7日（周三）上班");
    expect(readHolidayNotice(text).problems).toEqual([
      { kind: "weekday", text: "1月1日（周五）", date: "2026-01-01", stated: 5, actual: 4 },
      { kind: "day-count", text: "2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共8天", stated: 8, counted: 9 },
      { kind: "twice", date: "2026-10-07", text: "9月20日（周日）、10月7日（周三）上班" },
    ]);
  });

  it("reads the first item when it follows the title or number line directly (no preamble, no blank line)", () => {
    // A line that does not end a sentence is joined to the next (a PDF's broken lines), but never to an item's first line.
    const text = "国务院办公厅关于2027年部分节假日安排的通知\n一、元旦：1月1日（周五）至3日（周日）放假，共3天。\n二、清明节：4月3日（周六）至5日（周一）放假，共3天。\n";
    const reading = readHolidayNotice(text);
    expect(reading.problems).toEqual([]);
    expect(reading.year?.holidays).toEqual([
      { from: "2027-01-01", to: "2027-01-03", name: "元旦" },
      { from: "2027-04-03", to: "2027-04-05", name: "清明节" },
    ]);
    const swapped = "国务院办公厅关于2027年部分节假日安排的通知\n一、清明节：4月3日（周六）至5日（周一）放假，共3天。\n二、元旦：1月1日（周五）至3日（周日）放假，共3天。\n";
    expect(readHolidayNotice(swapped).year?.holidays.map((h) => h.name)).toEqual(["元旦", "清明节"]);
    // The 2026 notice as its title, number and items, nothing between them: the same days as the whole text.
    const bare = notice(2026).replace(/\n\n各省[^\n]*\n[^\n]*\n/, "\n");
    expect(bare).toMatch(/7号\n一、元旦/);
    expect(readHolidayNotice(bare)).toEqual(readHolidayNotice(notice(2026)));
    // A sentence broken after a comma, with the next item on the following line.
    expect(readHolidayNotice(notice(2026).replace("二、春节：", "（见下），\n二、春节：")).year?.holidays).toEqual(readHolidayNotice(notice(2026)).year?.holidays);
  });

  it("says which numbered item it did not read, so that no festival is left out without a word", () => {
    const text = notice(2026).replace(/\n三、清明节：[^\n]*/, "");
    expect(readHolidayNotice(text).problems).toEqual([{ kind: "item-missing", number: "三", before: "四、劳动节：" }]);
  });

  it("needs the year: from the title, else given; both and differing is a problem", () => {
    const untitled = notice(2026).replace(/^.*通知\n/, "").replace("现将2026年", "现将");
    expect(readHolidayNotice(untitled)).toEqual({ year: undefined, problems: [{ kind: "no-year" }], skipped: [] });
    expect(readHolidayNotice(untitled, 2026).year?.holidays).toHaveLength(7);
    expect(readHolidayNotice(notice(2026), 2027).problems[0]).toEqual({ kind: "year-mismatch", stated: 2026, given: 2027 });
    expect(readHolidayNotice("放假通知").problems).toEqual([{ kind: "no-year" }]);
    expect(readHolidayNotice("放假通知", 2027).problems).toEqual([{ kind: "no-items" }]);
  });
});
