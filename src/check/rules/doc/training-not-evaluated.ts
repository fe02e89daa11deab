import { addDays } from "../../../core/dates.js";
import { currentRevision } from "../../../model/index.js";
import { trainingSessionVersions } from "../../../load/training-records.js";
import { sessionVersion } from "../../../model/training.js";
import type { Rule } from "../../rule.js";
import { t } from "../../../i18n/index.js";

/**
 * IATF 16949 7.2.2, ISO 9001 7.2 c, GJB 9001C 7.2: the effectiveness of training is evaluated. With
 * `document_control.training_evaluation_days` set (qms.yaml, calendar days; absent, the rule is silent), a session on a
 * released document's current version that records no evaluation (`evaluation`, csr train --evaluate) that many days
 * after it was given is reported. Sessions on earlier versions are left alone: their training has been superseded, and
 * turning the setting on must not flood a repository with its history.
 */
export const rule: Rule = {
  id: "doc/training-not-evaluated",
  severity: "warning",
  scope: { files: "own" },
  clock: true,
  summary: "A training session on a document's current version has no effectiveness evaluation within the days qms.yaml gives.",
  docs: {
    description:
      "With `document_control.training_evaluation_days` set in qms.yaml (calendar days; absent, nothing is reported), a training session on a released document's current version that records no evaluation of its effectiveness (培训效果评价: `evaluation`, written by `csr train --evaluate`) once that many days have passed since it was given ({{cite:training-effectiveness}}: the effectiveness of the actions taken is evaluated). The last day itself is in time. Sessions on earlier versions are not reported. A session evaluated not effective trains nobody: its trainees are listed again by `csr list training --missing`.",
    bad: `
training:
  required: true
  sessions:
    - {revision: A/1, date: 2026-10-20, people: [zhang, li], trainer: wang, record: TR-2026-031}   # qms.yaml training_evaluation_days: 30; today 2026-12-01
`,
    good: `
    - {revision: A/1, date: 2026-10-20, people: [zhang, li], trainer: wang, record: TR-2026-031, evaluation: {date: 2026-11-10, method: exam, by: wang, result: effective, record: PJ-2026-012}}
`,
    fix: "Record the evaluation: `csr train QP-005 --evaluate --date 2026-10-20 --evaluated-on 2026-11-10 --evaluation-method exam --by wang --result effective --evaluation-record PJ-2026-012`.",
  },
  check(ctx) {
    const days = ctx.repo.config?.value.document_control?.training_evaluation_days;
    if (days === undefined) return;
    const versions = trainingSessionVersions(ctx.repo);
    for (const { value: doc, file } of ctx.index.documents.values()) {
      const version = currentRevision(doc)?.version;
      if (doc.status !== "released" || !version) continue;
      (doc.training?.sessions ?? []).forEach((session, index) => {
        if (session.evaluation !== undefined || sessionVersion(doc, session, versions) !== version) return;
        const due = addDays(session.date, days);
        if (ctx.options.today <= due) return;
        ctx.report(
          { file, path: ["training", "sessions", index] },
          t("rule.doc/training-not-evaluated", { document: doc.id, version, date: session.date, record: session.record ?? "—", days, due }),
        );
      });
    }
  },
};
