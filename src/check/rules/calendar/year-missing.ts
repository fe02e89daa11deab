import { repositoryCalendar } from "../../../load/calendar.js";
import { reviewDue, reviewStart } from "../../../model/csr-status.js";
import type { Rule } from "../../rule.js";

/**
 * A review deadline counted through a year whose public holidays csr does not know (its notice is
 * not published yet, or csr is older than it) is only a Monday-to-Friday estimate: say so rather
 * than print a deadline that may be days off.
 */
export const rule: Rule = {
  id: "calendar/year-missing",
  severity: "warning",
  summary: "A review deadline runs through a year without public-holiday data and was counted Monday to Friday.",
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
        `The review deadline of ${csr.id} (${due}, counted from ${start}) runs through ${years.join(", ")}, for which csr has no public holidays or make-up working days; it was counted Monday to Friday. Add that year's holidays and workdays under 'calendar' in qms.yaml from the State Council's notice, or update csr.`,
      );
    }
  },
};
