import { repositoryCalendar } from "../../../load/calendar.js";
import { DEFAULT_TRAINING_DAYS } from "../../../model/distribution.js";
import { currentRevision } from "../../../model/index.js";
import type { Rule } from "../../rule.js";

/**
 * IATF 16949 7.2.2 / 7.3.2: people affected by a changed procedure are trained on it. A document
 * marked `training: {required: true}` needs a session on its current version within
 * `document_control.training_days` working days (qms.yaml, default 20) of taking effect.
 */
export const rule: Rule = {
  id: "doc/training-overdue",
  severity: "warning",
  summary: "A released revision that needs training has no training record after the training period.",
  check(ctx) {
    const config = ctx.repo.config?.value;
    const days = config?.document_control?.training_days ?? DEFAULT_TRAINING_DAYS;
    const calendar = repositoryCalendar(config);
    for (const { value: doc, file } of ctx.index.documents.values()) {
      const version = currentRevision(doc)?.version;
      if (doc.status !== "released" || !doc.training?.required || !version) continue;
      if ((doc.training.sessions ?? []).some((s) => s.revision === version)) continue;
      const start = doc.effective ?? currentRevision(doc)!.date;
      const due = calendar.addWorkdays(start, days);
      if (due >= ctx.options.today) continue;
      ctx.report(
        { file, path: ["training", "required"] },
        `${doc.id} ${version} took effect on ${start} and needs training, but no training on ${version} is recorded (due by ${due}, ${days} working days). Record it with 'csr train ${doc.id} --people ... --date ...'.`,
      );
    }
  },
};
