import { sentences, t } from "../../../i18n/index.js";
import { personLabel } from "../../../model/labels.js";
import { outputLabel, outputStatus } from "../../../model/management-reviews.js";
import type { Rule } from "../../rule.js";

/**
 * An output of a management review (a decision or action, ISO 9001 / IATF 16949 9.3.3) past its due day with no done day:
 * the next review asks for the status of actions from previous reviews (9.3.2 a). A warning: a deadline, not a wrong record.
 */
export const rule: Rule = {
  id: "management-review/output-overdue",
  severity: "warning",
  clock: true,
  scope: { files: "own" },
  summary: "An output of a management review is past its due day and not recorded done.",
  docs: {
    description:
      "An output of a record of management-reviews.yaml (a decision or action: an improvement, a change to the quality management system, a resource need, an action plan for a customer performance target missed) has a `due` day before today and no `done` day. Management review outputs are carried out and their status is the first input of the next review ({{cite:management-review-outputs}}). From the day after the due day.",
    bad: `
      - no: 2
        text: 推行分层审核
        kind: improvement
        owner: zhang
        due: 2026-11-26
`,
    good: `
      - no: 2
        text: 推行分层审核
        kind: improvement
        owner: zhang
        due: 2026-11-26
        done: 2026-11-26
        evidence: 分层审核检查表
`,
    fix: "Record the day it was done and its evidence: `csr management-review output MR-2026/1 --done <日期> --evidence <证据>`; an output given up or postponed is decided by the next review, which records a new output.",
  },
  check(ctx) {
    for (const located of ctx.repo.managementReviews) {
      if (!ctx.keeps(located.file)) continue;
      const review = located.value;
      (review.outputs ?? []).forEach((output, i) => {
        if (review.held > ctx.options.today || outputStatus(output, ctx.options.today) !== "overdue") return;
        ctx.report(
          { file: located.file, path: [...located.path, "outputs", i] },
          sentences(t("rule.management-review/output-overdue", { label: outputLabel(review, output), text: output.text, due: output.due, owner: personLabel(ctx.index, output.owner) }), t("rule.management-review/output-overdue.fix", { label: outputLabel(review, output) })),
        );
      });
    }
  },
};
