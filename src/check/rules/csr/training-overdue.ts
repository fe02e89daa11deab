import { repositoryCalendar } from "../../../load/calendar.js";
import { trainingRecordDays } from "../../../load/training-records.js";
import { DEFAULT_TRAINING_DAYS } from "../../../model/distribution.js";
import { csrSourceEffective, csrTrainingDeadline, csrTrainingReading } from "../../../model/training-completion.js";
import type { Rule } from "../../rule.js";
import { t } from "../../../i18n/index.js";
import { revisionName } from "../../../i18n/values.js";
import { decidedToMeet } from "../../../model/decision.js";

/**
 * IATF 16949 4.3.2 and the CSR procedure: where a customer-specific requirement calls for
 * training, it is arranged once the requirement is decided. A CSR marked `training: {required:
 * true}` and decided must/optional needs a session on its source revision within
 * `document_control.training_days` working days (qms.yaml, default 20) of the decision, or by its source revision's
 * 实施日期 when decided before it, overdue from that day itself as a document's version (IATF 16949 7.2.2: trained before
 * the work; csrTrainingPeriod, trainingPhase). A session
 * without its revision, or a record number given on its own, counts for the current revision when it
 * was held or committed after the current round began (model/training.ts csrTrainingState). A session that
 * trained some of the people to be trained, not all, leaves it open (model/training-completion.ts completionState).
 */
export const rule: Rule = {
  id: "csr/training-overdue",
  severity: "warning",
  scope: { files: "own" },
  clock: true,
  summary: "A decided CSR that needs training has no training record after the training period.",
  docs: {
    description:
      "A CSR marked `training: {required: true}` and decided `must` or `optional` with no training session on its current source revision (`training.sessions[].revision` equal to `source.revision`, or to a revision the current round confirmed unchanged since: `csr source update --unchanged` closes no round) more than `document_control.training_days` working days (qms.yaml, default 20) after the decision, from the first working day after the due day (the due day itself, and the days off right after it, are in time); or, decided before its source revision's 实施日期 (`effective` in customers/<CODE>.yaml), on that day — the people whose work it governs are trained before the requirement applies, so whoever is untrained on it is overdue from that day, as for a document's version (doc/training-overdue). A session without its revision counts when held after the current review round began (`review.restarted`); a record number given on its own (`training.records`), which says neither, counts when the commit that added it to the file is dated after that day (one written since the last commit counts; outside git it does not) — a record of an earlier revision does not train the people on the customer's new one. On a CSR never re-reviewed, both count. Until everyone to be trained is (the people of people.yaml at work in the departments it was distributed to or that countersigned it, as `csr list training --missing` lists them; a session's trainer counts as trained by it), it is reported with how many are: `csr show` says 部分培训（已培训 2/9 人）. Superseded CSRs are not reported. Where a customer-specific requirement calls for training, it is arranged once the requirement is decided ({{cite:requirements-training}}).",
    bad: `
training:
  required: true   # decided on 2026-03-13, nothing on revision C
`,
    good: `
  sessions:
    - {revision: C, date: 2026-03-20, people: [zhang, li, wang]}
`,
    fix: "Record the training of everyone still to be trained (`csr list training --missing --document DYA-001`): `csr train DYA-001 --people zhang li wang --date 2026-03-20`.",
  },
  check(ctx) {
    const config = ctx.repo.config?.value;
    const days = config?.document_control?.training_days ?? DEFAULT_TRAINING_DAYS;
    const calendar = repositoryCalendar(config);
    const people = [...ctx.index.people.values()].map((p) => p.value);
    for (const { value: csr, file } of ctx.repo.csrs) {
      const decision = csr.review?.decision;
      const training = csr.training;
      if (csr.superseded || !training?.required || !decision || !decidedToMeet(decision)) continue;
      // One reading with the card and csr list training --missing: some of the people to train trained is not trained (breaker63 P1).
      const reading = csrTrainingReading(csr, people, config, ctx.options.today, trainingRecordDays(ctx.repo));
      if (reading.state === "trained" || reading.state === "recorded") continue;
      // The deadline of doc/training-overdue and csr list training --missing: over from the first working day after the due day;
      // decided before its source revision's 实施日期, due by that day and overdue on it (csrTrainingDeadline).
      const customer = ctx.index.customers.get(csr.customer)?.value;
      const { phase, due, from } = csrTrainingDeadline(csr, customer, config, calendar, ctx.options.today)!;
      if (phase !== "overdue") continue;
      const effective = csrSourceEffective(csr, customer);
      const data = { csr: csr.id, date: decision.date, effective: effective ?? "", source: csr.source.document, revision: revisionName(csr.source.revision), due, days };
      const ahead = from === "effective";
      ctx.report(
        { file, path: ["training", "required"] },
        reading.state === "partial"
          ? t(ahead ? "rule.csr/training-overdue.partial-effective" : "rule.csr/training-overdue.partial", { ...data, trained: reading.trained, required: reading.required })
          : t(ahead ? "rule.csr/training-overdue-effective" : "rule.csr/training-overdue", data),
      );
    }
  },
};
