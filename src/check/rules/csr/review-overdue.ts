import { repositoryCalendar } from "../../../load/calendar.js";
import { workdaysLeft } from "../../../model/calendar.js";
import { DEFAULT_REVIEW_DAYS, reviewDue, reviewStart } from "../../../model/csr-status.js";
import type { Rule } from "../../rule.js";
import { t } from "../../../i18n/index.js";

/**
 * IATF 16949 7.5.3.2.2 expects customer requirements to be reviewed within 10 working days of
 * receipt. Counted in the working days of qms.yaml, so holidays and make-up Saturdays are honoured;
 * overdue from the calendar day after the deadline (workdaysLeft), as every output counts it. The
 * warning before the deadline is csr/review-due-soon's.
 */
export const rule: Rule = {
  id: "csr/review-overdue",
  severity: "error",
  scope: { files: "own" },
  clock: true,
  summary: "A CSR has no decision although its review period (working days after receipt) has ended.",
  dependsOn: ["qms.yaml"],
  docs: {
    description:
      "A CSR that has no decision yet although its review period is over: its deadline day has passed. The period is `csr.review_days` working days (default 10) counted from the day after the CSR was received, or after its review was restarted by a new source revision (`review.restarted`). Working days come from `calendar` in `qms.yaml`: the working weekdays, the public holidays and the make-up working days (调休). A CSR received on Friday 2026-11-20 is due on Friday 2026-12-04 and overdue from Saturday 2026-12-05, a day off, by 1 working day, and by 1 on Monday 2026-12-07 too; until the deadline day, within `csr.warn_days` working days of it, csr/review-due-soon warns. A decision recorded on that Saturday is late as well (csr/review-late), in every register, `csr show` and management review alike. (Earlier versions reported those warnings under this id; a setting of `csr/review-overdue` in `qms.yaml` still applies to them while `csr/review-due-soon` has none of its own.)\n\n{{#IATF16949}}IATF 16949 7.5.3.2.2 expects customer requirements and their changes to be reviewed within 10 working days{{/IATF16949}}{{^IATF16949}}{{cite:requirements-review}} asks for the requirements to be reviewed before the organisation commits to supply, within the period it sets itself{{/IATF16949}}; an auditor samples the dates. `csr check --today YYYY-MM-DD` fixes the day deadlines are measured against, so CI results are reproducible.",
    bad: `
received: 2026-11-06   # due 2026-11-20; no decision on 2026-11-27
`,
    good: `
received: 2026-11-06
review:
  opinions:
    - {department: QA, reviewer: zhang, opinion: accept, date: 2026-11-12}
    - {department: MKT, reviewer: li, opinion: accept, date: 2026-11-13}
  decision: {disposition: must, by: wang, date: 2026-11-16}
`,
    fix: "Collect the missing opinions and record the decision with `csr review <id>`. Keep the holiday calendar in `qms.yaml` up to date each year, or Spring Festival weeks count as working days.",
  },
  check(ctx) {
    const config = ctx.repo.config?.value;
    const calendar = repositoryCalendar(config);
    const days = config?.csr?.review_days ?? DEFAULT_REVIEW_DAYS;
    const today = ctx.options.today;
    for (const { value: csr, file } of ctx.repo.csrs) {
      if (csr.superseded || csr.review?.decision) continue;
      const due = reviewDue(csr, calendar, config);
      const left = workdaysLeft(calendar, due, today);
      if (left >= 0) continue;
      const start = reviewStart(csr);
      const at = { file, path: csr.review?.restarted ? ["review", "restarted"] : ["received"] };
      const since = csr.review?.restarted ? t("rule.csr/review-overdue.restarted", { start }) : t("rule.csr/review-overdue.received", { start });
      ctx.report(at, t("rule.csr/review-overdue.overdue", { csr: csr.id, since, due, days, late: -left, count: -left }));
    }
  },
};
