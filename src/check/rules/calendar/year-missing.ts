import { repositoryCalendar } from "../../../load/calendar.js";
import { addDays } from "../../../core/dates.js";
import { reviewDue, reviewStart } from "../../../model/csr-status.js";
import type { Rule } from "../../rule.js";
import { list, t } from "../../../i18n/index.js";

/**
 * A working-day count through a year whose public holidays csr does not know (its notice is not
 * published yet, or csr is older than it) is only a Monday-to-Friday estimate: say so rather than
 * print a deadline that may be days off. When today itself lies in such a year, every count up to
 * today (days overdue, recall and training deadlines) is an estimate: one finding on qms.yaml says
 * so and how to add the year; the CSRs' findings then name only other years.
 */
export const rule: Rule = {
  id: "calendar/year-missing",
  severity: "warning",
  scope: { files: "own" },
  summary: "Working days were counted Monday to Friday through a year without public-holiday data.",
  docs: {
    description:
      "csr has no public holidays and make-up working days for a year (the shipped `calendars/CN.yaml` has 2020 to 2026, each from its State Council notice, and a repository adds later years under `calendar.years` in `qms.yaml`), so working days in it were counted Monday to Friday. Reported once on `qms.yaml` when today lies in such a year (every count up to today is then an estimate: days overdue, recall and training deadlines), and on a CSR's `received` (or `review.restarted`) when its review deadline runs through another such year. A deadline counted without 春节 or 国庆 can be a week early or late; an estimate must not pass for a date.",
    bad: `
received: 2026-11-20   # review_days: 40 in qms.yaml: due 2027-01-15, counted Monday to Friday: no data for 2027
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
      ctx.report({ file: config.file, path: config.value.calendar ? ["calendar"] : [], key: config.value.calendar !== undefined }, t("rule.calendar/year-missing.today", { year: thisYear, today }));
    }
    for (const { value: csr, file } of ctx.repo.csrs) {
      if (csr.superseded) continue;
      const start = reviewStart(csr);
      const due = reviewDue(csr, calendar, config?.value);
      const years = calendar.yearsWithoutData(start, due).filter((y) => !(todayUnknown && config && y === thisYear));
      if (years.length === 0) continue;
      ctx.report(
        { file, path: csr.review?.restarted ? ["review", "restarted"] : ["received"] },
        t("rule.calendar/year-missing", { csr: csr.id, due, start, years: list(years.map(String)), count: years.length }),
      );
    }
  },
};
