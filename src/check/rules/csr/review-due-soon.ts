import { repositoryCalendar } from "../../../load/calendar.js";
import { DEFAULT_WARN_DAYS, reviewDue, reviewStart } from "../../../model/csr-status.js";
import { workdaysLeft } from "../../../model/calendar.js";
import type { Rule } from "../../rule.js";
import { t } from "../../../i18n/index.js";

/**
 * The warning ahead of csr/review-overdue: a review still undecided within `csr.warn_days` working
 * days of its deadline (IATF 16949 7.5.3.2.2: 10 working days), the deadline day included; from the
 * calendar day after it csr/review-overdue reports it (workdaysLeft). Split off csr/review-overdue, whose
 * id said "overdue" of reviews that were not (tester59 G13); `splitFrom` keeps a qms.yaml that
 * configured the old id meaning what it meant.
 */
export const rule: Rule = {
  id: "csr/review-due-soon",
  severity: "warning",
  splitFrom: "csr/review-overdue",
  scope: { files: "own" },
  clock: "soon",
  summary: "A CSR has no decision and its review period (working days after receipt) ends within the warning period.",
  dependsOn: ["qms.yaml"],
  docs: {
    description:
      "A CSR that has no decision yet and whose review period ends within `csr.warn_days` working days (default 2), today included; it is not late yet. The period is `csr.review_days` working days (default 10) counted from the day after the CSR was received, or after its review was restarted by a new source revision (`review.restarted`), in the working days of `calendar` in `qms.yaml`. A CSR received on Friday 2026-11-20 is due on Friday 2026-12-04: the warning says so up to that day (due today on it); from the calendar day after, Saturday 2026-12-05, csr/review-overdue reports it instead.\n\nEarlier versions reported these warnings as csr/review-overdue. While `qms.yaml` does not set it under `rules:`, it follows a setting of `csr/review-overdue`, never above a warning: `csr/review-overdue: off` turns both off, as it did.\n\n{{#IATF16949}}IATF 16949 7.5.3.2.2 expects customer requirements and their changes to be reviewed within 10 working days{{/IATF16949}}{{^IATF16949}}{{cite:requirements-review}} asks for the requirements to be reviewed before the organisation commits to supply, within the period it sets itself{{/IATF16949}}: the warning leaves the days to collect the missing opinions.",
    bad: `
received: 2026-11-17   # due 2026-12-01; no decision on 2026-11-27
`,
    good: `
received: 2026-11-17
review:
  opinions:
    - {department: QA, reviewer: zhang, opinion: accept, date: 2026-11-18}
    - {department: MKT, reviewer: li, opinion: accept, date: 2026-11-19}
  decision: {disposition: must, by: wang, date: 2026-11-20}
`,
    fix: "Collect the missing opinions and record the decision with `csr review <id>` before the deadline.",
  },
  check(ctx) {
    const config = ctx.repo.config?.value;
    const calendar = repositoryCalendar(config);
    const warnDays = config?.csr?.warn_days ?? DEFAULT_WARN_DAYS;
    const today = ctx.options.today;
    for (const { value: csr, file } of ctx.repo.csrs) {
      if (csr.superseded || csr.review?.decision) continue;
      const due = reviewDue(csr, calendar, config);
      const left = workdaysLeft(calendar, due, today);
      if (left < 0 || left > warnDays) continue;
      const start = reviewStart(csr);
      const at = { file, path: csr.review?.restarted ? ["review", "restarted"] : ["received"] };
      const since = csr.review?.restarted ? t("rule.csr/review-overdue.restarted", { start }) : t("rule.csr/review-overdue.received", { start });
      ctx.report(at, t(left === 0 ? "rule.csr/review-due-soon.due-today" : "rule.csr/review-due-soon.due-soon", { csr: csr.id, since, due, count: left }));
    }
  },
};
