import { t } from "../../../i18n/index.js";
import { revisionName } from "../../../i18n/values.js";
import { repositoryCalendar } from "../../../load/calendar.js";
import { reviewDue } from "../../../model/csr-status.js";
import { standingReviewRounds } from "../../../model/review-timeliness.js";
import type { Rule } from "../../rule.js";

/**
 * A review round closed after the review period (IATF 16949 7.5.3.2.2: ten working days) is a fact
 * an auditor will find in the timeliness register; the organisation should have said why. The round
 * is the current one, as the register judges it (model/review-timeliness.ts): a source revision
 * confirmed unchanged is a round of its own, counted from that revision's received date.
 */
export const rule: Rule = {
  id: "csr/review-late",
  severity: "warning",
  // A confirmed round starts on the revision's received date, recorded in the customer's file; which
  // round is the current one follows from the dates of all of them. An edit to what is read here (a
  // decision's date, say) runs the rule again over the repository; opinions, implementation and the
  // other fields of a CSR, or a customer's contacts, do not.
  scope: {
    files: "all",
    reads: (f) =>
      f.kind === "csr"
        ? [
            f.data.id,
            f.data.customer,
            f.data.received,
            f.data.source.document,
            f.data.source.revision,
            f.data.review?.restarted,
            f.data.review?.decision?.date,
            f.data.review?.late_reason,
            f.data.review?.confirmations,
            (f.data.review?.history ?? []).map((r) => [r.source_revision, r.closed, r.decision?.date]),
          ]
        : f.kind === "customer"
          ? [f.data.code, (f.data.sources ?? []).map((s) => [s.id, s.revisions.map((r) => [r.revision, r.received])])]
          : null,
  },
  summary: "A CSR's current review round, or the decision a confirmation keeps, was closed after its review period and no reason for the delay is recorded.",
  docs: {
    description:
      "A CSR whose current review round was closed after the review period (`csr.review_days` working days, default 10) with no reason recorded. The round is the one the review-timeliness register (`csr list reviews`) shows last: the decision, counted from `received` or `review.restarted`; or, when the current source revision was confirmed to leave the requirement unchanged (`review.confirmations`, written by `csr source update --unchanged`), that confirmation, counted from the date the revision was received (its `received` in `customers/<CODE>.yaml`), since each revision of a customer's requirements is reviewed in time, changed or not. Late means at least one working day past the deadline: a round closed on a day off right after it (the Saturday after a Friday deadline) used no working day more than the period and is in time, as the register, the CSR matrix and the site say. {{#IATF16949}}IATF 16949 7.5.3.2.2 expects the review within ten working days{{/IATF16949}}{{^IATF16949}}{{cite:requirements-review}} asks for the review before the organisation commits to supply, within the period it sets itself{{/IATF16949}}; the register shows every late round, and an auditor asks why.",
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
    fix: "Record the reason: for a decision with `csr review <id> --late-reason \"...\"` (or under `review.late_reason` in the file); for a confirmation with `csr source update --late-reason \"...\"` when confirming, or `csr review <id> --late-reason \"...\"` afterwards (or under `late_reason` of that confirmation in the file). The finding then goes away and the register prints the reason.",
  },
  check(ctx) {
    const config = ctx.repo.config?.value;
    const calendar = repositoryCalendar(config);
    for (const { value: csr, file } of ctx.repo.csrs) {
      if (!ctx.keeps(file)) continue;
      const decision = csr.review?.decision;
      // Without a confirmation the current round is the decision's, and its deadline alone tells
      // most decisions in time; the whole account is made for a late one.
      const confirmed = (csr.review?.confirmations ?? []).length > 0;
      if (!confirmed && (!decision || csr.review?.late_reason || decision.date <= reviewDue(csr, calendar, config))) continue;
      // Every round still on record: a confirmation of an unchanged revision keeps the decision, late or not, and its reason is still asked for.
      for (const round of standingReviewRounds(csr, calendar, config, ctx.options.today, ctx.index.customers.get(csr.customer)?.value)) {
        if (round.timeliness !== "late" || round.lateReason) continue;
        const data = { id: csr.id, date: round.decided!, due: round.due, allowed: round.allowed, start: round.start, used: round.workdaysUsed };
        if (round.kind === "confirmed") {
          const at = (csr.review?.confirmations ?? []).map((c) => c.source_revision).lastIndexOf(round.revision);
          ctx.report({ file, path: ["review", "confirmations", at, "date"] }, t("rule.csr/review-late.confirmation", { ...data, revision: revisionName(round.revision), source: csr.source.document }));
        } else {
          ctx.report({ file, path: ["review", "decision", "date"] }, t("rule.csr/review-late", data));
        }
      }
    }
  },
};
