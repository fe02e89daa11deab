import { addDays } from "../../../core/dates.js";
import { onCurrentRevision } from "../../../model/training.js";
import type { Rule } from "../../rule.js";
import { t } from "../../../i18n/index.js";
import { revisionName } from "../../../i18n/values.js";

/**
 * IATF 16949 7.2.2, ISO 9001 7.2 c, GJB 9001C 7.2: the effectiveness of training is evaluated, that on a customer-specific
 * requirement as that on a document (doc/training-not-evaluated, the same setting). With
 * `document_control.training_evaluation_days` set (qms.yaml, calendar days; absent, the rule is silent), a session on a
 * CSR's current source revision (onCurrentRevision) that records no evaluation (`evaluation`, csr train --evaluate) that
 * many days after it was given is reported; not on a superseded CSR, nor a session on an earlier revision.
 */
export const rule: Rule = {
  id: "csr/training-not-evaluated",
  severity: "warning",
  scope: { files: "own" },
  clock: true,
  summary: "A training session on a CSR's current source revision has no effectiveness evaluation within the days qms.yaml gives.",
  docs: {
    description:
      "With `document_control.training_evaluation_days` set in qms.yaml (calendar days; absent, nothing is reported), a training session on a customer-specific requirement's current source revision that records no evaluation of its effectiveness (培训效果评价: `evaluation`, written by `csr train --evaluate`) once that many days have passed since it was given ({{cite:training-effectiveness}}: the effectiveness of the actions taken is evaluated), as `doc/training-not-evaluated` reports it for a document. The last day itself is in time. Sessions on an earlier source revision and the sessions of a superseded CSR are not reported. A session evaluated not effective trains nobody: its trainees are listed again by `csr list training --missing`, and the CSR's card no longer says 已培训.",
    bad: `
training:
  required: true
  sessions:
    - {revision: C, date: 2026-10-20, people: [zhang, li], trainer: wang, record: TR-2026-031}   # qms.yaml training_evaluation_days: 30; today 2026-12-01
`,
    good: `
    - {revision: C, date: 2026-10-20, people: [zhang, li], trainer: wang, record: TR-2026-031, evaluation: {date: 2026-11-10, method: exam, by: wang, result: effective, record: PJ-2026-012}}
`,
    fix: "Record the evaluation: `csr train DYA-001 --evaluate --date 2026-10-20 --evaluated-on 2026-11-10 --evaluation-method exam --by wang --result effective --evaluation-record PJ-2026-012`.",
  },
  check(ctx) {
    const days = ctx.repo.config?.value.document_control?.training_evaluation_days;
    if (days === undefined) return;
    for (const { value: csr, file } of ctx.repo.csrs) {
      if (csr.superseded) continue;
      const current = onCurrentRevision(csr);
      (csr.training?.sessions ?? []).forEach((session, index) => {
        if (session.evaluation !== undefined || session.date > ctx.options.today || !current(session)) return;
        const due = addDays(session.date, days);
        if (ctx.options.today <= due) return;
        ctx.report(
          { file, path: ["training", "sessions", index] },
          t("rule.csr/training-not-evaluated", { csr: csr.id, source: csr.source.document, revision: revisionName(csr.source.revision), date: session.date, record: session.record ?? "—", days, due }),
        );
      });
    }
  },
};
