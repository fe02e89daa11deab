import { repositoryCalendar } from "../../../load/calendar.js";
import { reviewDue } from "../../../model/csr-status.js";
import { reviewTimeliness } from "../../../model/review-timeliness.js";
import type { Rule } from "../../rule.js";

/**
 * A decision recorded after the review period (IATF 16949 7.5.3.2.2: ten working days) is a fact
 * an auditor will find in the timeliness register; the organisation should have said why.
 */
export const rule: Rule = {
  id: "csr/review-late",
  severity: "warning",
  scope: { files: "own" },
  summary: "A CSR was decided after its review period and no reason for the delay is recorded.",
  docs: {
    description:
      "A CSR decided after its review period (`csr.review_days` working days, default 10, from `received` or `review.restarted`) with no `review.late_reason`. IATF 16949 7.5.3.2.2 expects the review within ten working days; the review-timeliness register (`csr list reviews`) shows every late decision, and an auditor asks why.",
    bad: `
received: 2026-11-02
review:
  required: [QA]
  opinions:
    - {department: QA, reviewer: zhang, opinion: accept, date: 2026-11-19}
  decision: {disposition: not-applicable, justification: 本公司不生产该产品, by: wang, date: 2026-11-20}
`,
    good: `
review:
  required: [QA]
  late_reason: 顾客澄清技术要求用时一周（2026-11-13 邮件）
`,
    fix: "Record the reason with `csr review <id> --late-reason \"...\"` when deciding (or under `review.late_reason` in the file); the finding then goes away and the register prints the reason.",
  },
  check(ctx) {
    const config = ctx.repo.config?.value;
    const calendar = repositoryCalendar(config);
    for (const { value: csr, file } of ctx.repo.csrs) {
      const decision = csr.review?.decision;
      if (!decision || csr.review?.late_reason) continue;
      // The deadline alone tells most decisions in time; the whole account is made for a late one.
      if (decision.date <= reviewDue(csr, calendar, config)) continue;
      const review = reviewTimeliness(csr, calendar, config, ctx.options.today);
      if (review.timeliness !== "late") continue;
      ctx.report(
        { file, path: ["review", "decision", "date"] },
        `${csr.id} was decided on ${decision.date}, after its review period ended on ${review.due} (${review.allowed} working days from ${review.start}; ${review.workdaysUsed} used). Record why under 'review.late_reason' (csr review ${csr.id} --late-reason "..."), so the timeliness register shows it.`,
      );
    }
  },
};
