/**
 * `csr calendar show`: the working-day calendar as csr counts it — a month's grid with its days off
 * (休) and make-up working days (班), a year's list, and where they come from — run in the test's process (csrInProcess), and as the built binary for October 2026 and a refusal.
 */
import { appendFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { copyFixture, csr, csrInProcess, minimalRepo } from "../helpers.js";

const SOURCE_2026 = "国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号，2025-11-04 发布；csr 内置）。";

/** minimalRepo with the company's own days in qms.yaml. */
function withCompanyDays(): string {
  const dir = minimalRepo();
  appendFileSync(join(dir, "qms.yaml"), ["calendar:", "  holidays:", "    - { from: 2026-09-28, to: 2026-09-29, name: 停产检修 }", "  workdays:", "    - { from: 2026-10-08, to: 2026-10-08, name: 国庆加班生产 }", ""].join("\n"));
  return dir;
}

describe("csr calendar show", () => {
  it("prints a month with 国庆节 and its 调休 Saturday, Monday first, with the totals and the notice it comes from", async () => {
    expect(csr(["-C", minimalRepo(), "calendar", "show", "--year", "2026", "--month", "10"], { lang: null })).toEqual({
      code: 0,
      stdout: [
        "2026 年 10 月",
        "一   二   三   四   五   六   日",
        "                1休  2休  3休  4休",
        " 5休  6休  7休  8    9   10班 11",
        "12   13   14   15   16   17   18",
        "19   20   21   22   23   24   25",
        "26   27   28   29   30   31",
        "休：放假（法定节假日或公司休息日）；班：调休上班或公司工作日；其余周一至周五上班，周六、周日休息。",
        "工作日 18 天，休息日 13 天（其中放假 7 天）。",
        "",
        "放假：",
        "  2026-10-01 至 2026-10-07 国庆节（7 天）",
        "调休上班：",
        "  2026-10-10（周六）",
        "",
        `来源：${SOURCE_2026}`,
        "",
      ].join("\n"),
      stderr: "",
    });
  });

  it("marks the company's own days of qms.yaml, which win over the notice, and names qms.yaml as their source (en)", async () => {
    const dir = withCompanyDays();
    const september = await csrInProcess(["-C", dir, "calendar", "show", "--year", "2026", "--month", "9"]);
    expect(september).toEqual({
      code: 0,
      stdout: [
        "September 2026",
        "Mo   Tu   We   Th   Fr   Sa   Su",
        "      1    2    3    4    5    6",
        " 7    8    9   10   11   12   13",
        "14   15   16   17   18   19   20W",
        "21   22   23   24   25H  26H  27H",
        "28H  29H  30",
        "H: day off (public holiday or company day off); W: make-up or company working day; otherwise Monday to Friday: working days; Saturday and Sunday: rest days.",
        "20 working days, 10 rest days (5 of them days off).",
        "",
        "Days off:",
        "  2026-09-25 to 2026-09-27 Mid-Autumn Festival (3 days)",
        "  2026-09-28 to 2026-09-29 停产检修 (2 days) (company, qms.yaml)",
        "Make-up working days:",
        "  2026-09-20 (Sunday)",
        "",
        "Source: State Council General Office notice on the 2026 holiday arrangements (国办发明电〔2025〕7号, published 2025-11-04; shipped with csr).",
        "Company days off and working days: qms.yaml calendar.holidays, calendar.workdays (they win over the notice).",
        "",
      ].join("\n"),
      stderr: "",
    });
    const october = JSON.parse((await csrInProcess(["-C", dir, "calendar", "show", "--year", "2026", "--month", "10", "--format", "json"])).stdout);
    expect(october.source).toEqual({ base: "CN", from: "shipped", notice: "国务院办公厅关于2026年部分节假日安排的通知", number: "国办发明电〔2025〕7号", published: "2025-11-04" });
    expect(october.days.slice(6, 10)).toEqual([
      { date: "2026-10-07", weekday: 3, working: false, kind: "holiday", name: "国庆节", name_en: "National Day" },
      { date: "2026-10-08", weekday: 4, working: true, kind: "company-workday", name: "国庆加班生产" },
      { date: "2026-10-09", weekday: 5, working: true, kind: "workday" },
      { date: "2026-10-10", weekday: 6, working: true, kind: "adjusted" },
    ]);
    expect(october.days).toHaveLength(31);
    expect(october.workdays).toEqual([
      { date: "2026-10-08", name: "国庆加班生产", company: true },
      { date: "2026-10-10", company: false },
    ]);
  });

  it("with --year alone lists the year's holidays and 调休 days", async () => {
    const result = await csrInProcess(["-C", minimalRepo(), "calendar", "show", "--year", "2026"], { lang: null });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        "2026 年的放假和调休上班日",
        "",
        "放假：",
        "  2026-01-01 至 2026-01-03 元旦（3 天）",
        "  2026-02-15 至 2026-02-23 春节（9 天）",
        "  2026-04-04 至 2026-04-06 清明节（3 天）",
        "  2026-05-01 至 2026-05-05 劳动节（5 天）",
        "  2026-06-19 至 2026-06-21 端午节（3 天）",
        "  2026-09-25 至 2026-09-27 中秋节（3 天）",
        "  2026-10-01 至 2026-10-07 国庆节（7 天）",
        "调休上班：",
        "  2026-01-04（周日）",
        "  2026-02-14（周六）",
        "  2026-02-28（周六）",
        "  2026-05-09（周六）",
        "  2026-09-20（周日）",
        "  2026-10-10（周六）",
        "",
        `来源：${SOURCE_2026}`,
        "",
      ].join("\n"),
    );
  });

  it("says a year whose notice is not recorded counts the statutory holidays alone, and lists them (tester66 N3)", async () => {
    const result = await csrInProcess(["-C", minimalRepo(), "calendar", "show", "--year", "2030", "--month", "1"], { lang: null });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/\n放假：\n  2030-01-01 元旦（1 天）\n调休上班：\n  无\n\n2030 年的放假通知尚未登记：该年只计入《全国年节及纪念日放假办法》规定的法定节假日（上列），调休（连休补假和调休上班日）未知（规则 calendar\/year-missing）；通知发布后用 'csr calendar notice <通知文件>' 写入。\n$/);
    // 2027: 春节 from 除夕 2027-02-05 to 正月初三 2027-02-08, by the lunar calendar.
    expect((await csrInProcess(["-C", minimalRepo(), "calendar", "show", "--year", "2027"], { lang: null })).stdout).toContain("  2027-02-05 至 2027-02-08 春节（4 天）\n");
  });

  it("refuses a month that is not 1 to 12 or YYYY-MM in one line, exit 2", async () => {
    const refused = (month: string) => ({ code: 2, stdout: "", stderr: `csr: 月份 ${month} 无效：请给出 1 到 12 或年月（YYYY-MM），例如 --month 10 或 --month 2026-10。\n` });
    expect(csr(["-C", minimalRepo(), "calendar", "show", "--month", "13"], { lang: null })).toEqual(refused("13"));
    expect(await csrInProcess(["-C", minimalRepo(), "calendar", "show", "--month", "2026-13"], { lang: null })).toEqual(refused("2026-13"));
    expect(await csrInProcess(["-C", minimalRepo(), "calendar", "show", "--month", "10月"], { lang: null })).toEqual(refused("10月"));
  });

  it("takes --month as YYYY-MM as other options take a month, with a --year that agrees or none, and refuses one that does not (breaker63 P8)", async () => {
    const dir = minimalRepo();
    const byNumber = await csrInProcess(["-C", dir, "calendar", "show", "--year", "2026", "--month", "10"], { lang: null });
    expect(byNumber.code).toBe(0);
    expect(await csrInProcess(["-C", dir, "calendar", "show", "--month", "2026-10"], { lang: null })).toEqual(byNumber);
    expect(await csrInProcess(["-C", dir, "calendar", "show", "--month", "2026-10", "--year", "2026"], { lang: null })).toEqual(byNumber);
    expect(await csrInProcess(["-C", dir, "calendar", "show", "--month", "2026-10", "--year", "2025"], { lang: null })).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --month 2026-10 与 --year 2025 不一致：只给 --month 2026-10，或写 --year 2026。\n",
    });
  });

  it("says which weekdays work by calendar.weekdays of qms.yaml, as the counts under it use them (breaker63 P8)", async () => {
    const sixDays = minimalRepo();
    appendFileSync(join(sixDays, "qms.yaml"), ["calendar:", "  weekdays: [1, 2, 3, 4, 5, 6]", ""].join("\n"));
    const lines = async (dir: string, lang: "en" | null) => (await csrInProcess(["-C", dir, "calendar", "show", "--month", "2026-10"], { lang })).stdout.split("\n").slice(7, 9);
    expect(await lines(sixDays, null)).toEqual(["休：放假（法定节假日或公司休息日）；班：调休上班或公司工作日；其余周一至周六上班，周日休息。", "工作日 21 天，休息日 10 天（其中放假 7 天）。"]);
    expect(await lines(sixDays, "en")).toEqual(["H: day off (public holiday or company day off); W: make-up or company working day; otherwise Monday to Saturday: working days; Sunday: rest days.", "21 working days, 10 rest days (7 of them days off)."]);
    const split = minimalRepo();
    appendFileSync(join(split, "qms.yaml"), ["calendar:", "  weekdays: [1, 2, 4, 5, 6, 7]", ""].join("\n"));
    expect((await lines(split, null))[0]).toBe("休：放假（法定节假日或公司休息日）；班：调休上班或公司工作日；其余周一、周二、周四至周日上班，周三休息。");
    expect((await lines(split, "en"))[0]).toBe("H: day off (public holiday or company day off); W: make-up or company working day; otherwise Monday, Tuesday and Thursday to Sunday: working days; Wednesday: rest days.");
    // A make-up working day of the notice on a Saturday the company works anyway is no 班 (notes64): a plain working day, said once under the list.
    const october = (await csrInProcess(["-C", sixDays, "calendar", "show", "--month", "2026-10"], { lang: null })).stdout.split("\n");
    expect(october.slice(3, 4)).toEqual([" 5休  6休  7休  8    9   10   11"]);
    expect(october.slice(12, 15)).toEqual(["调休上班：", "  无", "  通知中的调休上班日 2026-10-10（周六）按 calendar.weekdays 本来就上班，不算调休。"]);
    const february = (await csrInProcess(["-C", sixDays, "calendar", "show", "--month", "2026-02"], { lang: "en" })).stdout.split("\n");
    expect(february.slice(4, 7)).toEqual([" 9   10   11   12   13   14   15H", "16H  17H  18H  19H  20H  21H  22H", "23H  24   25   26   27   28"]);
    expect(february.slice(12, 15)).toEqual(["Make-up working days:", "  none", "  The notice's make-up working days 2026-02-14 (Saturday), 2026-02-28 (Saturday) are working days here anyway (calendar.weekdays): they make up for nothing."]);
    const json = JSON.parse((await csrInProcess(["-C", sixDays, "calendar", "show", "--month", "2026-10", "--format", "json"])).stdout);
    expect(json.days[9]).toEqual({ date: "2026-10-10", weekday: 6, working: true, kind: "workday" });
    expect([json.workdays, json.working_anyway]).toEqual([[], ["2026-10-10"]]);
    // A Sunday make-up day of the notice is still one on a six-day week.
    expect((await csrInProcess(["-C", sixDays, "calendar", "show", "--month", "2026-09"], { lang: null })).stdout).toContain("\n调休上班：\n  2026-09-20（周日）\n\n");
    const everyDay = minimalRepo();
    appendFileSync(join(everyDay, "qms.yaml"), ["calendar:", "  weekdays: [1, 2, 3, 4, 5, 6, 7]", ""].join("\n"));
    expect((await lines(everyDay, null))[0]).toBe("休：放假（法定节假日或公司休息日）；班：调休上班或公司工作日；其余每天上班。");
  });

  it("heads a month by its English name, names the yearly notice in English and the example's shutdown by its name_en (tester65 N13)", async () => {
    const dir = copyFixture("examples/acme-auto");
    const august = (await csrInProcess(["-C", dir, "calendar", "show", "--month", "2026-08"], { lang: "en" })).stdout.split("\n");
    expect(august[0]).toBe("August 2026");
    expect(august).toContain("  2026-08-03 to 2026-08-07 Summer maintenance shutdown (5 days) (company, qms.yaml)");
    expect(august).toContain("Source: State Council General Office notice on the 2026 holiday arrangements (国办发明电〔2025〕7号, published 2025-11-04; shipped with csr).");
    expect((await csrInProcess(["-C", dir, "calendar", "show", "--month", "2026-08"], { lang: "zh-CN" })).stdout.split("\n")[0]).toBe("2026 年 8 月");
  });

  it("names the holidays in English under --lang en: the shipped ones, a year typed from its notice by the shipped names, a company day by its name_en (notes64)", async () => {
    const dir = minimalRepo();
    appendFileSync(
      join(dir, "qms.yaml"),
      [
        "calendar:",
        "  holidays:",
        "    - { from: 2026-08-03, to: 2026-08-07, name: 夏季设备检修停产, name_en: Summer maintenance shutdown }",
        "    - { from: 2026-08-10, to: 2026-08-10, name: 厂庆 }",
        "  years:",
        "    - year: 2027",
        "      notice: 国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕9号）",
        "      holidays:",
        "        - { from: 2027-01-01, to: 2027-01-01, name: 元旦 }",
        "        - { from: 2027-10-01, to: 2027-10-07, name: 国庆节、中秋节 }",
        "        - { from: 2027-12-31, to: 2027-12-31, name: 跨年 }",
        "      workdays: []",
        "",
      ].join("\n"),
    );
    const days = async (year: string, lang: "en" | null) => (await csrInProcess(["-C", dir, "calendar", "show", "--year", year], { lang })).stdout.split("\n").filter((l) => l.startsWith("  20"));
    expect((await days("2026", "en")).slice(5, 8)).toEqual([
      "  2026-08-03 to 2026-08-07 Summer maintenance shutdown (5 days) (company, qms.yaml)",
      "  2026-08-10 厂庆 (1 day) (company, qms.yaml)",
      "  2026-09-25 to 2026-09-27 Mid-Autumn Festival (3 days)",
    ]);
    expect((await days("2026", null)).slice(5, 7)).toEqual(["  2026-08-03 至 2026-08-07 夏季设备检修停产（5 天）（公司，qms.yaml）", "  2026-08-10 厂庆（1 天）（公司，qms.yaml）"]);
    expect(await days("2027", "en")).toEqual(["  2027-01-01 New Year's Day (1 day)", "  2027-10-01 to 2027-10-07 National Day, Mid-Autumn Festival (7 days)", "  2027-12-31 跨年 (1 day)"]);
    expect(JSON.parse((await csrInProcess(["-C", dir, "calendar", "show", "--year", "2027", "--format", "json"])).stdout).holidays[0]).toEqual({ from: "2027-01-01", to: "2027-01-01", name: "元旦", name_en: "New Year's Day", days: 1, company: false });
  });
});
