import { repositoryCalendar } from "../../../load/calendar.js";
import { reviewDue, reviewStart } from "../../../model/csr-status.js";
import type { Rule } from "../../rule.js";
import { list, t } from "../../../i18n/index.js";

/**
 * A review deadline counted through a year whose public holidays csr does not know (its notice is
 * not published yet, or csr is older than it) is only a Monday-to-Friday estimate: say so rather
 * than print a deadline that may be days off.
 */
export const rule: Rule = {
  id: "calendar/year-missing",
  severity: "warning",
  scope: { files: "own" },
  summary: "A review deadline runs through a year without public-holiday data and was counted Monday to Friday.",
  docs: {
    description:
      "A CSR whose review deadline runs through a year for which csr has no public holidays and make-up working days (the shipped `calendars/CN.yaml` has 2020 to 2026), so the deadline was counted Monday to Friday. The finding is on `received` (or `review.restarted`). A deadline counted without 春节 or 国庆 can be a week early or late; an estimate must not pass for a date.",
    bad: `
received: 2026-11-20   # review_days: 40 in qms.yaml: due 2027-01-15, counted Monday to Friday: no data for 2027
`,
    fix: "Type that year's holidays and make-up days under `calendar` in `qms.yaml` from the State Council's notice (a year with holidays there counts as known), or update csr once it ships the year.",
  },
  check(ctx) {
    const config = ctx.repo.config?.value;
    const calendar = repositoryCalendar(config);
    for (const { value: csr, file } of ctx.repo.csrs) {
      if (csr.superseded) continue;
      const start = reviewStart(csr);
      const due = reviewDue(csr, calendar, config);
      const years = calendar.yearsWithoutData(start, due);
      if (years.length === 0) continue;
      ctx.report(
        { file, path: csr.review?.restarted ? ["review", "restarted"] : ["received"] },
        t("rule.calendar/year-missing", { csr: csr.id, due, start, years: list(years.map(String)), count: years.length }),
      );
    }
  },
};
