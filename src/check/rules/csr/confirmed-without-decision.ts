import { t } from "../../../i18n/index.js";
import { personWithId, revisionName } from "../../../i18n/values.js";
import { confirmationsKeepingNoDecision } from "../../../model/review-timeliness.js";
import type { Rule } from "../../rule.js";

/**
 * A confirmation that a new source revision leaves a requirement unchanged keeps the decision in
 * force (`csr source update --unchanged`); with no decision it keeps nothing, yet it used to read as a
 * review decided in time in the timeliness register, the CSR matrix and the review report. They now
 * leave it out (model/review-timeliness.ts); this reports the record itself.
 */
export const rule: Rule = {
  id: "csr/confirmed-without-decision",
  severity: "error",
  // Which round a confirmation follows comes from the rounds' dates and the revision's received date
  // in the customer's file, as for csr/review-late.
  scope: {
    files: "all",
    reads: (f) =>
      f.kind === "csr"
        ? [
            f.data.id,
            f.data.customer,
            f.data.received,
            f.data.source.document,
            f.data.review?.restarted,
            f.data.review?.decision?.date,
            f.data.review?.confirmations,
            (f.data.review?.history ?? []).map((r) => [r.source_revision, r.closed, r.decision?.date]),
          ]
        : f.kind === "customer"
          ? [f.data.code, (f.data.sources ?? []).map((s) => [s.id, s.revisions.map((r) => [r.revision, r.received])])]
          : null,
  },
  summary: "A source revision was confirmed to leave a CSR unchanged while its review round had no decision to keep.",
  docs: {
    description:
      "An entry of `review.confirmations` (written by `csr source update --unchanged`) keeps the review's decision in force for a new source revision instead of a new review round. It needs a decision to keep: the review round it follows (the one that started last on or before the revision was received) must have been decided on or before the day of the confirmation. A confirmation without one turns a requirement never reviewed into one reviewed in time: the review-timeliness register (`csr list reviews`), the CSR matrix and the review report do not count it, and show the round as still open. {{#IATF16949}}IATF 16949 4.3.2 and 7.5.3.2.2 ask for each revision of a customer's requirements to be reviewed{{/IATF16949}}{{^IATF16949}}{{cite:requirements-review}} asks for the requirements to be reviewed{{/IATF16949}}; an auditor traces the decision.",
    bad: `
received: 2026-06-03
review:
  required: [QA]
  confirmations:
    - {source_revision: B, by: wang, date: 2026-11-04}
`,
    good: `
review:
  required: [QA]
  opinions:
    - {department: QA, reviewer: zhang, opinion: accept, date: 2026-06-04}
  decision: {disposition: not-applicable, justification: 本公司不提交生产件批准, by: wang, date: 2026-06-05}
`,
    fix: "Review the requirement: the departments' opinions and the decision with `csr review <id>`. Then remove the confirmation from `review.confirmations`: a confirmation only keeps a decision already taken, and the decision now covers the current source revision.",
  },
  check(ctx) {
    for (const { value: csr, file } of ctx.repo.csrs) {
      if (!ctx.keeps(file)) continue;
      for (const index of confirmationsKeepingNoDecision(csr, ctx.index.customers.get(csr.customer)?.value)) {
        const c = csr.review!.confirmations![index]!;
        const person = ctx.index.people.get(c.by)?.value;
        ctx.report(
          { file, path: ["review", "confirmations", index] },
          t("rule.csr/confirmed-without-decision", { id: csr.id, source: csr.source.document, revision: revisionName(c.source_revision), date: c.date, who: person ? personWithId(person) : c.by }),
        );
      }
    }
  },
};
