import { repositoryCalendar } from "../../../load/calendar.js";
import { DEFAULT_TRAINING_DAYS } from "../../../model/distribution.js";
import type { Rule } from "../../rule.js";

/**
 * IATF 16949 4.3.2 and the CSR procedure: where a customer-specific requirement calls for
 * training, it is arranged once the requirement is decided. A CSR marked `training: {required:
 * true}` and decided must/optional needs a session on its source revision within
 * `document_control.training_days` working days (qms.yaml, default 20) of the decision. Record
 * numbers under `records` say nothing of the revision, so they count for any revision.
 */
export const rule: Rule = {
  id: "csr/training-overdue",
  severity: "warning",
  summary: "A decided CSR that needs training has no training record after the training period.",
  check(ctx) {
    const config = ctx.repo.config?.value;
    const days = config?.document_control?.training_days ?? DEFAULT_TRAINING_DAYS;
    const calendar = repositoryCalendar(config);
    for (const { value: csr, file } of ctx.repo.csrs) {
      const decision = csr.review?.decision;
      const training = csr.training;
      if (csr.superseded || !training?.required || !decision || (decision.disposition !== "must" && decision.disposition !== "optional")) continue;
      if ((training.sessions ?? []).some((s) => s.revision === csr.source.revision)) continue;
      if ((training.records ?? []).length > 0) continue;
      const due = calendar.addWorkdays(decision.date, days);
      if (due >= ctx.options.today) continue;
      ctx.report(
        { file, path: ["training", "required"] },
        `${csr.id} was decided on ${decision.date} and needs training, but no training on ${csr.source.document} revision ${csr.source.revision} is recorded (due by ${due}, ${days} working days). Record it with 'csr train ${csr.id} --people ... --date ...'.`,
      );
    }
  },
};
