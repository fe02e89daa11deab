import { repositoryCalendar } from "../../../load/calendar.js";
import { reviewTimeliness } from "../../../model/review-timeliness.js";
import type { Rule } from "../../rule.js";

/**
 * A decision recorded after the review period (IATF 16949 7.5.3.2.2: ten working days) is a fact
 * an auditor will find in the timeliness register; the organisation should have said why.
 */
export const rule: Rule = {
  id: "csr/review-late",
  severity: "warning",
  summary: "A CSR was decided after its review period and no reason for the delay is recorded.",
  check(ctx) {
    const config = ctx.repo.config?.value;
    const calendar = repositoryCalendar(config);
    for (const { value: csr, file } of ctx.repo.csrs) {
      const decision = csr.review?.decision;
      if (!decision || csr.review?.late_reason) continue;
      const review = reviewTimeliness(csr, calendar, config, ctx.options.today);
      if (review.timeliness !== "late") continue;
      ctx.report(
        { file, path: ["review", "decision", "date"] },
        `${csr.id} was decided on ${decision.date}, after its review period ended on ${review.due} (${review.allowed} working days from ${review.start}; ${review.workdaysUsed} used). Record why under 'review.late_reason' (csr review ${csr.id} --late-reason "..."), so the timeliness register shows it.`,
      );
    }
  },
};
