import { currentRevision } from "../../../model/index.js";
import { addDays, daysBetween } from "../../../core/dates.js";
import { nextPeriodicReview, reviewWarnDays } from "../../../model/periodic-review.js";
import type { Rule } from "../../rule.js";
import { language, t } from "../../../i18n/index.js";
import { personToType } from "../../../model/people.js";

/**
 * A released document is reviewed for suitability at its interval (IATF 16949 7.5.2/7.5.3): either
 * a new revision or a recorded periodic review that found it suitable resets the clock.
 */
export const rule: Rule = {
  id: "doc/periodic-review-due",
  severity: "warning",
  scope: { files: "own" },
  clock: "soon-or-passed",
  summary: "A released document has not been revised or reviewed within its review interval, or its periodic review falls due soon.",
  docs: {
    description:
      "A released document with a `review_interval_months` has been neither revised nor reviewed within that interval, counted from the latest of its last revision date, its effective date and its last entry under `reviews` that found it suitable (an entry with `result: revise` or `withdraw` does not restart the interval: the new revision or `csr obsolete` answers it). A current revision imported without a date (a form register without 发布日期) and not reviewed since was released before the repository on a day only its paper record gives: the interval has no known start, and the review is reported as due until one is recorded or the date is (`csr set <id> --issued <date>`). From `document_control.review_warn_days` calendar days before the due date (qms.yaml, default 30) it is reported as due soon, so that the reviews of the weeks ahead can be planned; `csr list periodic-reviews --due-by <date>` lists every review due by a day. Documents are reviewed for continuing suitability ({{cite:documents-in-use}}); an auditor asks for the evidence.",
    bad: `
reviews:
  - { by: zhang, date: 2025-01-06, comment: 仍然适用 }   # review_interval_months: 12, so due 2026-01-06
`,
    good: `
  - { by: li, date: 2026-06-15, comment: 仍然适用，下次换版时合并培训矩阵 }   # a recorded review restarts the interval
`,
    fix: "Release a new revision (`csr release`), or record that the document is still suitable: `csr periodic-review QP-005 --by li --comment 仍然适用`.",
  },
  check(ctx) {
    const { today } = ctx.options;
    const warnDays = reviewWarnDays(ctx.repo.config?.value);
    for (const { value: doc, file } of ctx.index.documents.values()) {
      // A review that concluded revise or withdraw (需修订 / 拟作废) found the document unsuitable: only
      // the new revision, or its withdrawal, answers it, so it does not restart the interval.
      const next = nextPeriodicReview(doc);
      if (!next || (next.due !== undefined && next.due > addDays(today, warnDays))) continue;
      const { months, last, due } = next;
      // The approver of the version in force answers for its suitability; else whoever reviewed it last, else its author.
      const by = personToType(ctx.index.people, [currentRevision(doc)?.approved?.by, doc.reviews?.at(-1)?.by, currentRevision(doc)?.prepared?.by], language(), today);
      if (last !== undefined && due !== undefined && due >= today) {
        // Due within document_control.review_warn_days: the 文控 plans the reviews of the weeks ahead (tester54a A9).
        const left = daysBetween(today, due);
        ctx.report({ file, path: ["review_interval_months"] }, t(left === 0 ? "rule.doc/periodic-review-due.due-today" : "rule.doc/periodic-review-due.due-soon", { document: doc.id, last, months, due, count: left, by }), "warning");
        continue;
      }
      if (last === undefined || due === undefined) {
        // Released before the repository on a day its register did not give: the interval has no known start.
        ctx.report({ file, path: ["review_interval_months"] }, t("rule.doc/periodic-review-due.undated", { document: doc.id, version: currentRevision(doc)!.version, months, by }));
        continue;
      }
      // A later review that found it unsuitable is the open answer: its conclusion says what is left to do.
      const pending = (doc.reviews ?? []).filter((r) => (r.result === "revise" || r.result === "withdraw") && r.date > last).at(-1);
      ctx.report(
        { file, path: ["review_interval_months"] },
        pending
          ? t(pending.result === "revise" ? "rule.doc/periodic-review-due.pending-revise" : "rule.doc/periodic-review-due.pending-withdraw", { document: doc.id, date: pending.date, months, due })
          : t("rule.doc/periodic-review-due", { document: doc.id, last, months, due, count: months, by }),
      );
    }
  },
};
