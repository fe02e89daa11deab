import { sentences, t } from "../../../i18n/index.js";
import { citations, underStandard } from "../../../model/citations.js";
import { latestHeld, nextReviewDue } from "../../../model/management-reviews.js";
import type { Rule } from "../../rule.js";

/**
 * No management review held within twelve months of the last one recorded (IATF 16949 9.3.1: "at least annually"). Only a
 * repository whose management-reviews.yaml records a review is asked: one that keeps its reviews elsewhere has nothing here
 * to count from. A warning on the last review's `held`: a deadline, not a wrong record. The message cites IATF 16949 9.3.1's
 * "at least annually" under IATF 16949, GJB 9001C / ISO 9001 9.3.1's "at planned intervals" otherwise (review81 7).
 */
export const rule: Rule = {
  id: "management-review/not-held",
  severity: "warning",
  clock: true,
  scope: { files: "own" },
  summary: "No management review recorded within twelve months of the last one.",
  docs: {
    description:
      "The last review of management-reviews.yaml held by today was held more than twelve months ago, and none was recorded after it. Top management reviews the quality management system at planned intervals ({{cite:management-review}}){{#IATF16949}}, at least once a year under IATF 16949{{/IATF16949}}. The next review is due on the same day twelve months later; the finding stands from the day after. A repository without management-reviews.yaml, or whose file records no review, is not asked: csr does not know of reviews recorded elsewhere.",
    bad: `
  - id: MR-2025
    period: { from: 2025-01-01, to: 2025-10-31 }
    held: 2025-11-26
    chair: wang
    attendees: [zhang, li]
`,
    good: `
  - id: MR-2025
    period: { from: 2025-01-01, to: 2025-10-31 }
    held: 2025-11-27
    chair: wang
    attendees: [zhang, li]
`,
    fix: "Hold the management review and record it: `csr management-review held --period <年份> --date <日期> --chair <主持人> --attendees <人员>,<人员>`.",
  },
  check(ctx) {
    const latest = latestHeld(ctx.repo.managementReviews, ctx.options.today);
    if (!latest || !ctx.keeps(latest.file)) return;
    const due = nextReviewDue(latest.value.held);
    if (due >= ctx.options.today) return;
    const standards = ctx.repo.config?.value?.standards;
    const basis = underStandard(standards, "IATF16949") ? t("rule.management-review/not-held.basis-iatf") : t("rule.management-review/not-held.basis", { cite: citations(standards, "management-review").join(" / ") });
    ctx.report({ file: latest.file, path: [...latest.path, "held"] }, sentences(t("rule.management-review/not-held", { id: latest.value.id, held: latest.value.held, due, basis }), t("rule.management-review/not-held.fix")));
  },
};
