import { addMonths } from "../../../core/dates.js";
import { currentRevision } from "../../../model/index.js";
import type { Rule } from "../../rule.js";

/**
 * A released document is reviewed for suitability at its interval (IATF 16949 7.5.2/7.5.3): either
 * a new revision or a recorded periodic review resets the clock.
 */
export const rule: Rule = {
  id: "doc/periodic-review-due",
  severity: "warning",
  summary: "A released document has not been revised or reviewed within its review interval.",
  check(ctx) {
    const { today } = ctx.options;
    for (const { value: doc, file } of ctx.index.documents.values()) {
      const months = doc.review_interval_months;
      if (doc.status !== "released" || !months) continue;
      const dates = [currentRevision(doc)?.date, doc.effective, ...(doc.reviews ?? []).map((r) => r.date)].filter((d): d is string => !!d);
      if (dates.length === 0) continue;
      const last = dates.reduce((a, b) => (a > b ? a : b));
      const due = addMonths(last, months);
      if (due >= today) continue;
      ctx.report(
        { file, path: ["review_interval_months"] },
        `${doc.id} was last revised or reviewed on ${last}; its ${months}-month review was due on ${due}. Review it for suitability: release a new revision, or record that it is still suitable with 'csr periodic-review ${doc.id} --by <person>'.`,
      );
    }
  },
};
