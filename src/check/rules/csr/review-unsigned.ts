import { t } from "../../../i18n/index.js";
import { csrReviewForm } from "../../../model/csr-review-form.js";
import type { Rule } from "../../rule.js";

/**
 * IATF 16949 7.5.3.2.2 and 8.2.3.1.1, ISO 9001 and GJB 9001C 8.2.3.2 (the results of the review are
 * retained as documented information): in a repository that keeps its CSR reviews on a review form
 * (csr.review_form, or the one released form titled as one), a decided review is a record on that
 * form, numbered (记录编号, review.record.ref) and signed by the review team leader (评审组长,
 * review.leader); an auditor asks for it. A warning, not an error: the report is printed from the
 * decision and signed after it, so a decision just recorded is unsigned for a day or two, and an
 * error would refuse the commit of the decision itself; `rules: {csr/review-unsigned: error}` in
 * qms.yaml makes it one.
 */
export const rule: Rule = {
  id: "csr/review-unsigned",
  severity: "warning",
  dependsOn: ["qms.yaml"],
  scope: {
    files: "all",
    // Of a CSR, whether its current round is decided and signed; of a document, whether it can be the review form.
    reads: (f) =>
      f.kind === "csr"
        ? [f.data.id, f.data.superseded !== undefined, f.data.review?.decision !== undefined, f.data.review?.record?.ref, f.data.review?.leader?.by]
        : f.kind === "document"
          ? f.data.kind === "form"
            ? [f.data.id, f.data.status, f.data.title, f.data.title_en]
            : null
          : null,
  },
  summary: "A decided CSR review has no record number or no review team leader's signature, in a repository with a CSR review form.",
  docs: {
    description:
      "In a repository that keeps its CSR reviews on a review form (`csr.review_form` in qms.yaml, or else the one released form titled as a CSR review form, such as 顾客特定要求评审报告), a CSR whose current review round is decided (`review.decision`) but whose review report names no record number (`review.record.ref`, 记录编号) or no review team leader's signature (`review.leader`, 评审组长). The review of a customer-specific requirement is a record ({{cite:requirements-review}}): an auditor asks for the signed review report by its number, and a decision with neither cannot be traced to one. Reported once per CSR, naming what is missing. A superseded CSR is not reported, nor is an earlier round in `review.history`, which keeps what it was signed with. A warning: the report is printed from the decision and signed after it; set `csr/review-unsigned: error` under `rules` in qms.yaml to refuse it.",
    bad: `
  decision:
    disposition: must
    by: wang
    date: 2026-11-16
`,
    good: `
  decision:
    disposition: must
    by: wang
    date: 2026-11-16
  record: {form: QR-015-02, ref: JL-PS-2026-07}
  leader: {by: li, date: 2026-11-16}
`,
    fix: "Record the number of the signed review report with `csr review <id> --record <记录编号> --record-form <form>` and the review team leader's signature with `csr review <id> --leader <person> --date <签字日期>` (the message gives both with the form's number). A decision to be recorded with them: `csr review <id> --disposition <disposition> --by <approver> --record <记录编号> --leader <person>`.",
  },
  check(ctx) {
    const form = csrReviewForm(ctx.index, ctx.repo.config?.value);
    if (form === undefined) return;
    for (const { value: csr, file } of ctx.repo.csrs) {
      const review = csr.review;
      if (!ctx.keeps(file) || csr.superseded || !review?.decision) continue;
      const noRecord = !review.record?.ref?.trim();
      const noLeader = review.leader === undefined;
      if (!noRecord && !noLeader) continue;
      const missing = noRecord && noLeader ? "both" : noRecord ? "record" : "leader";
      const fixes = [...(noRecord ? [t("rule.csr/review-unsigned.fix-record", { csr: csr.id, form })] : []), ...(noLeader ? [t("rule.csr/review-unsigned.fix-leader", { csr: csr.id })] : [])];
      ctx.report({ file, path: ["review", "decision"] }, t("rule.csr/review-unsigned", { csr: csr.id, date: review.decision.date, form, missing: t(`rule.csr/review-unsigned.${missing}`), fix: fixes.join(t("rule.csr/review-unsigned.fix-joiner")) }));
    }
  },
};
