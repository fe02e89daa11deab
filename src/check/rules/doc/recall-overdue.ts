import { repositoryCalendar } from "../../../load/calendar.js";
import { copiesToRecall, DEFAULT_RECALL_DAYS, recallStart } from "../../../model/distribution.js";
import type { Rule } from "../../rule.js";

/**
 * IATF 16949 7.5.3.2 / ISO 9001 7.5.3.2 c): unintended use of obsolete documented information is
 * prevented, so the copies of a version no longer in force are taken back within
 * `document_control.recall_days` working days (qms.yaml, default 5).
 */
export const rule: Rule = {
  id: "doc/recall-overdue",
  severity: "error",
  summary: "A controlled copy of a superseded version or of a withdrawn document is still out after the recall period.",
  check(ctx) {
    const config = ctx.repo.config?.value;
    const days = config?.document_control?.recall_days ?? DEFAULT_RECALL_DAYS;
    const calendar = repositoryCalendar(config);
    for (const { value: doc, file } of ctx.index.documents.values()) {
      const start = recallStart(doc);
      if (!start) continue;
      const due = calendar.addWorkdays(start, days);
      if (due >= ctx.options.today) continue;
      for (const copy of copiesToRecall(doc)) {
        const why = doc.status === "obsolete" ? `${doc.id} was withdrawn on ${start}` : `${copy.version} was replaced on ${start}`;
        ctx.report(
          { file, path: ["distribution", (doc.distribution ?? []).indexOf(copy)] },
          `Controlled copy ${copy.copy} of ${doc.id} ${copy.version} (${copy.to}) is still out: ${why}, and copies were due back by ${due} (${days} working days). Take it back and record it with 'csr recall ${doc.id} --copy ${copy.copy}'.`,
        );
      }
    }
  },
};
