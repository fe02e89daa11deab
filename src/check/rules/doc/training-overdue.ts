import { repositoryCalendar } from "../../../load/calendar.js";
import { DEFAULT_TRAINING_DAYS } from "../../../model/distribution.js";
import { currentRevision } from "../../../model/index.js";
import { trainingSessionVersions } from "../../../load/training-records.js";
import { documentTrainingState } from "../../../model/document-training.js";
import { specialCharacteristicLabel } from "../../../model/labels.js";
import { specialCharacteristics } from "../../../model/symbol-documents.js";
import { contentInForce } from "../../../model/revision.js";
import type { Rule } from "../../rule.js";
import { t } from "../../../i18n/index.js";

/**
 * IATF 16949 7.2.2 / 7.3.2: people affected by a changed procedure are trained on it, before the work. A document
 * marked `training: {required: true}` needs everyone to be trained on its current version trained by the day it takes
 * effect (trainingDue; ops75 P1): from that day whoever is untrained is overdue (trainingPhase), a newcomer
 * `document_control.training_days` working days (qms.yaml, default 20) after joining. A session without its revision
 * counts for the version in force, on its day, in the commit that added it (model/training.ts sessionVersion).
 * One reading with the card, the site and csr list training --missing (model/document-training.ts).
 * An error only for a document marking a special characteristic (specialCharacteristics: a symbol of ours of
 * symbols.yaml, ★, in its text; IATF 16949 8.3.3.3, 8.5.1.1): nobody untrained works to it at the station (tester77 E7).
 * Every other document's finding is a warning, as before.
 */
export const rule: Rule = {
  id: "doc/training-overdue",
  severity: "error",
  warningsFollowSetting: true,
  scope: { files: "own" },
  clock: true,
  summary: "A released revision that needs training has people untrained on or after the day it takes effect.",
  docs: {
    description:
      "A released document marked `training: {required: true}` with some of the people to be trained on its current version (`training.sessions[].revision`) not trained on the day it takes effect: training comes before the work ({{cite:change-training}}), so whoever works to a version untrained is overdue from the day it takes effect — a version released to take effect later (`csr release --effective`) leaves the time between for training; one in force at once is overdue from its release, which `csr release` says, proposing a day `document_control.training_lead_days` working days on (default 5) to take effect instead (`csr set <id> --effective <day>`). Someone who joined after the version took effect (people.yaml `joined`) has `document_control.training_days` working days (default 20) from their first day. The people whose work a changed procedure governs are trained on the change ({{cite:change-training}}); each revision needs its own record, and everyone to be trained on it (the people of people.yaml at work in the document's department and those holding it, as `csr list training --missing` lists them; a session's trainer counts as trained by it) is: until then the revision is reported with how many are, and `csr show` says 部分培训（已培训 2/9 人）. A session without its revision (written by hand; `csr train` writes it) counts for the version in force on its day in the commit that added it to the file: committed after the release of the current version, it trains that version; committed before, the one before, whatever day it gives (one written since the last commit counts for the version in force on its day; outside git, only for the first version); a session on the day it takes effect counts. Until that day `csr list training --missing` lists who is still to be trained and the working days left (距生效 N 个工作日), and `csr show` the day. A work instruction or form marking a special characteristic (a line of its sections carries a symbol of ours of `symbols.yaml`, such as ★; its own text, a form it uses being judged by its own; a procedure that writes the symbols defines them and is not) is held stricter: nobody untrained works to it at the station ({{cite:special-characteristics}}), so its finding is an error that names the mark, the stations (`stations`) and the section (of a document being revised, 修订中, what its version in force marks, not the draft in the file); every other document's finding is a warning. `rules: {doc/training-overdue: warning}` in qms.yaml makes them all warnings.",
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
    const rows = ctx.repo.symbols.map((s) => s.value);
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
      // Due by the day it takes effect (tester72 Q14, ops75 P1): the message says so; a newcomer's own period, its working days.
      const ahead = state.ahead ? ".ahead" : "";
      const message = t(`rule.doc/training-overdue${partial}${ahead}`, { document: doc.id, version: state.version, start, due, days, ...state.people });
      // The version in force decides, not the draft of the next one in the file (修订中; review78 #1).
      const special = specialCharacteristics(contentInForce(doc, ctx.options.inForce), rows);
      if (special === undefined) ctx.report({ file, path: ["training", "required"] }, message, "warning");
      else ctx.report({ file, path: ["training", "required"] }, message + t("rule.doc/training-overdue.special", { special: specialCharacteristicLabel(doc, special) }));
    }
  },
};
