import { missingOpinions } from "../../../model/csr-status.js";
import type { Rule } from "../../rule.js";
import { list, t } from "../../../i18n/index.js";

/**
 * A decision is the project group's joint judgement: it stands only on every required countersignature.
 * An opinion that accepts with action (有条件同意) is incomplete until it says which action.
 */
export const rule: Rule = {
  id: "csr/review-incomplete",
  severity: "error",
  scope: { files: "own" },
  summary: "A CSR's decision is recorded while opinions of required departments are missing, or an opinion accepts with action without saying which.",
  dependsOn: ["qms.yaml"],
  docs: {
    description:
      "A CSR whose decision is recorded while a department whose opinion is required has not given it; or an opinion of the current review round that accepts with action (`accept-with-action`, 有条件同意) without a `comment` saying which action is needed, which nobody can then be held to (`csr review` asks for it). The required departments are `review.required` of the CSR, or else `csr.reviewers` in `qms.yaml`. A decision marked `forced: true` (what `csr review --force` writes) is not reported, nor is one whose review names its signed review record (`review.record`: the form, the record's number or binder, a note) instead of opinions — a review done on paper, such as the historical reviews `csr import --as csr` brings in. The review is a joint one (会签): each department concerned confirms it can meet the requirement before the organisation commits to it.",
    bad: `
  opinions:
    - {department: QA, reviewer: zhang, opinion: accept, date: 2026-11-12}
  decision: {disposition: must, by: wang, date: 2026-11-16}   # MKT has not given its opinion
`,
    good: `
  opinions:
    - {department: QA, reviewer: zhang, opinion: accept, date: 2026-11-12}
    - {department: MKT, reviewer: li, opinion: accept, date: 2026-11-13}
  decision: {disposition: must, by: wang, date: 2026-11-16}
`,
    fix: "Record the action as the opinion's comment with `csr review <id> --department <code> --reviewer <person> --opinion accept-with-action --comment <action> --amend`. Record the missing opinion with `csr review <id> --department <code> --reviewer <person> --opinion <opinion> --date <date>`; if the opinions were given on a signed paper record, record it with `csr review <id> --record <number> --record-form <form>` (e.g. `--record 2023-07-12 --record-form QR-015-01`); if the decision was deliberately taken without them, record it again as forced with `csr review <id> --disposition <disposition> --by <approver> --date <date of the decision> --force --amend` (the earlier decision is kept in the review history).",
  },
  check(ctx) {
    const config = ctx.repo.config?.value;
    for (const { value: csr, file } of ctx.repo.csrs) {
      (csr.review?.opinions ?? []).forEach((o, i) => {
        if (o.opinion !== "accept-with-action" || o.comment?.trim()) return;
        // Read from the CSR file alone: not held back while qms.yaml is broken.
        ctx.report({ file, path: ["review", "opinions", i, "opinion"] }, t("rule.csr/review-incomplete.no-action", { csr: csr.id, department: o.department, reviewer: o.reviewer }), undefined, []);
      });
      const decision = csr.review?.decision;
      // A named review record stands for the opinions: they were given, on paper, where it is kept.
      if (csr.superseded || !decision || decision.forced || csr.review?.record) continue;
      const missing = missingOpinions(csr, config);
      if (missing.length === 0) continue;
      ctx.report(
        { file, path: ["review", "decision"] },
        t("rule.csr/review-incomplete", { csr: csr.id, disposition: decision.disposition, departments: list(missing), department: missing[0]!, by: decision.by, date: decision.date }),
      );
    }
  },
};
