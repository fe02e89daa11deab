import { repositoryCalendar } from "../../../load/calendar.js";
import { trainingSessionVersions } from "../../../load/training-records.js";
import { documentCompletion } from "../../../model/training-completion.js";
import type { Rule } from "../../rule.js";
import { t } from "../../../i18n/index.js";
import { refreshersOverdue } from "../../../model/retraining.js";

/**
 * IATF 16949 7.2.2 (competence kept, on-the-job training) with 7.3.2: a document marked `training: {retrain_months: N}`
 * needs refresher training (复训) of each person trained on its version every N months (e.g. awareness of special
 * characteristics yearly). Reported once a person's refresher day (their last effective session on the version, N
 * calendar months on) has passed: from the next working day, as every training deadline (workdaysLate); csr list training --missing lists them (复训到期) from that day.
 */
export const rule: Rule = {
  id: "doc/retraining-due",
  severity: "warning",
  scope: { files: "own" },
  clock: true,
  summary: "A person's refresher training on a document marked for it is past its day.",
  docs: {
    description:
      "A released document marked `training: {required: true, retrain_months: N}` (`csr train QP-005 --require --retrain-months 12`) whose people trained on the version to be trained on (as `csr list training --missing` counts them: named and not failed, the session's trainer, or trained with their department) had their last effective session on it more than N calendar months ago: their refresher training (复训) was due by that day, N months on (2025-12-10 + 12 months: 2026-12-10), and is reported from the first working day after it (the days off right after it are in time, as for every training deadline). `csr list training --missing` lists each of them from the due day on, remark 复训到期, with the day of their last session. A new session naming them, or their department, starts their next interval on its own day: a refresher done late is next due N months after the day it was done, not after the day it was missed (the competence it keeps dates from the training done; an interval counted from the missed day would ask for the next one sooner than N months after it). Competence is kept by retraining where the work asks for it, e.g. awareness of special characteristics every year ({{cite:change-training}}).",
    bad: `
training:
  required: true
  retrain_months: 12
  sessions:
    - {revision: A/1, date: 2025-11-20, people: [zhang, li], trainer: wang, record: TR-2025-031}   # nothing since
`,
    good: `
    - {revision: A/1, date: 2026-11-18, people: [zhang, li], trainer: wang, record: TR-2026-071}
`,
    fix: "Give the refresher training and record it (`csr list training --missing --document QP-005` lists who is due): `csr train QP-005 --people zhang li --date 2026-11-18 --trainer wang --record TR-2026-071`.",
  },
  check(ctx) {
    const config = ctx.repo.config?.value;
    const people = [...ctx.index.people.values()].map((p) => p.value);
    const due = refreshersOverdue(ctx.index.documents.values(), ({ value }) => documentCompletion(value, people, config, ctx.options.today, trainingSessionVersions(ctx.repo)), ctx.options.today, repositoryCalendar(config), (id) => ctx.index.people.get(id)?.value.name);
    for (const { item, completion, overdue, names } of due) {
      ctx.report(
        { file: item.file, path: ["training", "retrain_months"] },
        t("rule.doc/retraining-due", { document: item.value.id, version: completion.revision, months: completion.retrainMonths!, count: overdue.length, names: names.join(t("common.list-separator")), due: overdue[0]!.due, last: overdue[0]!.last }),
      );
    }
  },
};
