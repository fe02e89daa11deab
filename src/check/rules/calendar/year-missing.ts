import { repositoryCalendar } from "../../../load/calendar.js";
import { addDays } from "../../../core/dates.js";
import { lawHolidaysCounted } from "../../../model/calendar.js";
import { reviewDue, reviewStart } from "../../../model/csr-status.js";
import type { Rule } from "../../rule.js";
import { list, t } from "../../../i18n/index.js";

/**
 * A working-day count through a year whose holiday notice csr does not have (not published yet, or
 * csr is older than it) is an estimate: it counts the public holidays the law fixes (calendars/CN.yaml
 * statutory), not the bridging days off and make-up working days (调休) only the notice gives. Say so
 * rather than print a deadline that may be days off. When today itself lies in such a year, every count up to
 * today (days overdue, recall and training deadlines) is an estimate: one finding on qms.yaml says
 * so and how to add the year; the CSRs' findings then name only other years.
 */
export const rule: Rule = {
  id: "calendar/year-missing",
  severity: "warning",
  scope: { files: "own" },
  summary: "Working days were counted through a year without its holiday notice: statutory holidays only, make-up days (调休) unknown.",
  docs: {
    description:
      "csr has no holiday notice for a year (the shipped `calendars/CN.yaml` has 2020 to 2026, each from its State Council notice, and a repository adds later years under `calendar.years` in `qms.yaml`), so working days in it were counted Monday to Friday less the public holidays the law itself fixes (《全国年节及纪念日放假办法》 as revised in 2024, from 2025 on: 元旦, 春节 from 除夕, 清明, 劳动节, 端午, 中秋, 国庆, the lunar dates and the solar term computed by csr), without the bridging days off and make-up working days (调休) only the notice gives (a year before 2025 without a notice: Monday to Friday). Reported once on `qms.yaml` when today lies in such a year (every count up to today is then an estimate: days overdue, recall and training deadlines), and on a CSR's `received` (or `review.restarted`) when its review deadline runs through another such year. Without its 调休 a deadline can be a few days early or late (春节 and 国庆 are a week off with them, 4 and 3 days by law); an estimate must not pass for a date.",
    bad: `
received: 2026-11-20   # review_days: 40 in qms.yaml: due 2027-01-18 (元旦 counted), 2027's 调休 unknown: no notice for 2027
`,
    fix: "Once the State Council General Office publishes that year's notice (国务院办公厅关于××年部分节假日安排的通知), save its text to a file (or take its Word or PDF file) and run `csr calendar notice <file>`: it checks the notice's weekdays and day counts and writes its days off and make-up working days into `qms.yaml` under `calendar.years` (`{year, notice, holidays, workdays}`, see README \"When the next year's holiday notice is published\"); or update csr once it ships the year. Days must not be guessed before the notice.",
  },
  check(ctx) {
    const config = ctx.repo.config;
    const calendar = repositoryCalendar(config?.value);
    const today = ctx.options.today;
    const thisYear = Number(today.slice(0, 4));
    const todayUnknown = calendar.yearsWithoutData(addDays(today, -1), today).length > 0;
    if (todayUnknown && config) {
      ctx.report({ file: config.file, path: config.value.calendar ? ["calendar"] : [], key: config.value.calendar !== undefined }, t(lawHolidaysCounted(calendar, [thisYear]) ? "rule.calendar/year-missing.today" : "rule.calendar/year-missing.today-weekdays", { year: thisYear, today }));
    }
    for (const { value: csr, file } of ctx.repo.csrs) {
      if (csr.superseded) continue;
      const start = reviewStart(csr);
      const due = reviewDue(csr, calendar, config?.value);
      const years = calendar.yearsWithoutData(start, due).filter((y) => !(todayUnknown && config && y === thisYear));
      if (years.length === 0) continue;
      ctx.report(
        { file, path: csr.review?.restarted ? ["review", "restarted"] : ["received"] },
        t(lawHolidaysCounted(calendar, years) ? "rule.calendar/year-missing" : "rule.calendar/year-missing.weekdays", { csr: csr.id, due, start, years: list(years.map(String)), count: years.length }),
      );
    }
  },
};
