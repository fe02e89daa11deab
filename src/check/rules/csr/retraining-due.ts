import { repositoryCalendar } from "../../../load/calendar.js";
import { trainingRecordDays } from "../../../load/training-records.js";
import { csrCompletion } from "../../../model/training-completion.js";
import type { Rule } from "../../rule.js";
import { t } from "../../../i18n/index.js";
import { revisionName } from "../../../i18n/values.js";
import { refreshersOverdue } from "../../../model/retraining.js";

/**
 * IATF 16949 7.2.2 with 4.3.2: a CSR marked `training: {retrain_months: N}` (e.g. the customer's special-characteristics
 * awareness, yearly) needs refresher training (复训) of each person trained on its source revision every N months.
 * Reported once a person's refresher day has passed, as doc/retraining-due is for documents.
 */
export const rule: Rule = {
  id: "csr/retraining-due",
  severity: "warning",
  scope: { files: "own" },
  clock: true,
  summary: "A person's refresher training on a CSR marked for it is past its day.",
  docs: {
    description:
      "A CSR decided `must` or `optional`, not superseded, marked `training: {required: true, retrain_months: N}` (`csr train DYA-001 --require --retrain-months 12`) whose people trained on its current source revision (as `csr list training --missing` counts them) had their last effective session on it more than N calendar months ago: their refresher training (复训) was due by that day, N months on, and is reported from the first working day after it (the days off right after it are in time, as for every training deadline). `csr list training --missing` lists each of them from the due day on, remark 复训到期. A new session naming them, or their department, starts their next interval on its own day: a refresher done late is next due N months after the day it was done, not after the day it was missed (the competence it keeps dates from the training done; an interval counted from the missed day would ask for the next one sooner than N months after it). A customer asking for yearly awareness training (special characteristics, its quality manual) is met by retraining, recorded ({{cite:requirements-training}}).",
    bad: `
training:
  required: true
  retrain_months: 12
  sessions:
    - {revision: B, date: 2025-11-20, people: [zhang, li], trainer: wang, record: TR-2025-031}   # nothing since
`,
    good: `
    - {revision: B, date: 2026-11-18, people: [zhang, li], trainer: wang, record: TR-2026-071}
`,
    fix: "Give the refresher training and record it (`csr list training --missing --document DYA-001` lists who is due): `csr train DYA-001 --people zhang li --date 2026-11-18 --trainer wang --record TR-2026-071`.",
  },
  check(ctx) {
    const config = ctx.repo.config?.value;
    const people = [...ctx.index.people.values()].map((p) => p.value);
    const due = refreshersOverdue(ctx.repo.csrs, ({ value }) => csrCompletion(value, people, config, ctx.options.today, trainingRecordDays(ctx.repo), ctx.index.customers.get(value.customer)?.value), ctx.options.today, repositoryCalendar(config), (id) => ctx.index.people.get(id)?.value.name);
    for (const { item, completion, overdue, names } of due) {
      const csr = item.value;
      ctx.report(
        { file: item.file, path: ["training", "retrain_months"] },
        t("rule.csr/retraining-due", { csr: csr.id, source: csr.source.document, revision: revisionName(csr.source.revision), months: completion.retrainMonths!, count: overdue.length, names: names.join(t("common.list-separator")), due: overdue[0]!.due, last: overdue[0]!.last }),
      );
    }
  },
};
