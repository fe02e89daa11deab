import { repositoryCalendar } from "../../../load/calendar.js";
import { DEFAULT_TRAINING_DAYS } from "../../../model/distribution.js";
import { currentRevision } from "../../../model/index.js";
import { trainingSessionVersions } from "../../../load/training-records.js";
import { documentTrainingState } from "../../../model/document-training.js";
import type { Rule } from "../../rule.js";
import { t } from "../../../i18n/index.js";

/**
 * IATF 16949 7.2.2 / 7.3.2: people affected by a changed procedure are trained on it. A document
 * marked `training: {required: true}` needs a session on its current version by the day it takes effect when released
 * ahead of it, else within `document_control.training_days` working days (qms.yaml, default 20) of taking effect (trainingDue). A session
 * without its revision counts for the version in force, on its day, in the commit that added it
 * (model/training.ts sessionVersion).
 * Reported only once that period is over, as every csr deadline counted in working days is (trainingPhase,
 * workdaysLate): the due day itself and the days off right after it are still in time. While the period
 * runs, `csr list training --missing` lists who is still to be trained and the working days left, and
 * the card says 需要培训 with its due day; a finding on the day a revision took effect contradicted both (tester66 N3).
 */
export const rule: Rule = {
  id: "doc/training-overdue",
  severity: "warning",
  scope: { files: "own" },
  clock: true,
  summary: "A released revision that needs training has no training record after the training period.",
  docs: {
    description:
      "A released document marked `training: {required: true}` with no training session on its current version (`training.sessions[].revision`) after its training period: one released to take effect later (`csr release --effective`) is due by the day it takes effect, training coming before the work ({{cite:change-training}}); one in force at once has `document_control.training_days` working days (qms.yaml, default 20) after it took effect. The people whose work a changed procedure governs are trained on the change ({{cite:change-training}}); each revision needs its own record, and everyone to be trained on it (the people of people.yaml at work in the document's department and those holding it, as `csr list training --missing` lists them; a session's trainer counts as trained by it) is: until then the revision is reported with how many are, and `csr show` says 部分培训（已培训 2/9 人）. A session without its revision (written by hand; `csr train` writes it) counts for the version in force on its day in the commit that added it to the file: committed after the release of the current version, it trains that version; committed before, the one before, whatever day it gives (one written since the last commit counts for the version in force on its day; outside git, only for the first version). It is reported once the period is over, from the first working day after its last day (the last day itself, and the days off right after it, are in time), as every deadline counted in working days is; until then `csr list training --missing` lists who is still to be trained and the working days left (剩 N 个工作日), and `csr show` the due day. Training is best done before the revision takes effect ({{cite:change-training}}): release it to take effect later (`csr release --effective`) and train in between; its deadline is then that day.",
    bad: `
training:
  required: true
  sessions:
    - {revision: A/0, date: 2024-01-20, people: [zhang, li]}   # nothing on A/1, in force since 2026-10-12
`,
    good: `
    - {revision: A/1, date: 2026-10-20, people: [zhang, li], trainer: wang, record: TR-2026-031}
`,
    fix: "Record the training of everyone still to be trained (`csr list training --missing --document QP-005`): `csr train QP-005 --people zhang li --date 2026-10-20 --record TR-2026-031`.",
  },
  check(ctx) {
    const config = ctx.repo.config?.value;
    const days = config?.document_control?.training_days ?? DEFAULT_TRAINING_DAYS;
    const calendar = repositoryCalendar(config);
    const people = [...ctx.index.people.values()].map((p) => p.value);
    for (const { value: doc, file } of ctx.index.documents.values()) {
      const version = currentRevision(doc)?.version;
      if (doc.status !== "released" || !doc.training?.required || !version) continue;
      // One reading with the card, the site and csr list training --missing (model/document-training.ts, trainingPhase):
      // trained, or a version imported without a date (released, and trained on, before the repository: on the paper record), is not reported.
      const state = documentTrainingState(doc, config, calendar, people, ctx.options.today, trainingSessionVersions(ctx.repo));
      if (state === undefined || state.state !== "overdue") continue;
      const { start, due } = state;
      // Some trained, not all (breaker63 P1): the same finding, saying how many are and who lists the rest.
      const partial = state.people ? ".partial" : "";
      // Released ahead of taking effect, it was due by that day (tester72 Q14): the message says so, not a number of days.
      const ahead = state.ahead ? ".ahead" : "";
      ctx.report({ file, path: ["training", "required"] }, t(`rule.doc/training-overdue${partial}${ahead}`, { document: doc.id, version: state.version, start, due, days, ...state.people }));
    }
  },
};
