/**
 * `csr train <ids...> --evaluate --date D [--record N] --evaluated-on E --evaluation-method M --by P --result R
 * [--evaluation-record X]`: the evaluation of a session's effectiveness (培训效果评价; IATF 16949 7.2.2, ISO 9001 7.2 c
 * "evaluate the effectiveness of the actions taken", GJB 9001C 7.2). The session is picked as `--remove` picks it
 * (by its day, and its record number when that day has several); a session evaluated not effective trains nobody
 * (model/training-completion.ts evaluatedIneffective). An evaluation is not overwritten: one recorded wrongly is
 * corrected by removing the session and recording it again.
 */
import { UserError } from "../../core/errors.js";
import { didYouMean } from "../../core/text.js";
import { list, shortList, t } from "../../i18n/index.js";
import { sessionVersion } from "../../model/training.js";
import { EVALUATION_METHODS, EVALUATION_RESULTS, type EvaluationMethod, type EvaluationResult, type TrainingEvaluation } from "../../model/types.js";
import { locate } from "../../load/source.js";
import type { CommandContext } from "../context.js";
import { eventDateOption } from "../options.js";
import { allOrNothing } from "../shared/all-or-nothing.js";
import { editFile, personOption, saveChanges, type EditSession } from "../shared/edit.js";
import { missingFlag } from "../add/prompting.js";
import { personLabel } from "../shared/people.js";
import { refusals, type Target, type TrainFlags } from "./index.js";

/** Records the evaluation on the session of --date (and --record) of each target, all or nothing. Errors (UserError) as the module says. */
export async function evaluateTraining(ctx: CommandContext, session: EditSession, ids: readonly string[], flags: TrainFlags, find: (id: string) => Target): Promise<number> {
  const extra = (["people", "department", "trainees", "trainer", "require", "method", "hours", "failed", "externalTrainer"] as const).find((key) => flags[key] !== undefined);
  if (extra !== undefined) throw new UserError(t("train.evaluate.extra", { flag: `--${extra.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}` }), undefined, 2);
  if (flags.date === undefined) throw missingFlag("--date", t("train.needs.evaluate-date"));
  if (flags.evaluatedOn === undefined) throw missingFlag("--evaluated-on", t("train.needs.evaluated-on"));
  if (flags.evaluationMethod === undefined) throw missingFlag("--evaluation-method", t("train.needs.evaluation-method"));
  if (flags.by === undefined) throw missingFlag("--by", t("train.needs.evaluated-by"));
  if (flags.result === undefined) throw missingFlag("--result", t("train.needs.evaluation-result"));
  const targets = allOrNothing(ids, find, refusals("evaluate"));
  const date = eventDateOption(flags.date, "--date");
  const evaluatedOn = eventDateOption(flags.evaluatedOn, "--evaluated-on");
  if (evaluatedOn < date) throw new UserError(t("train.evaluate.before-session", { evaluated: evaluatedOn, date }));
  const method = oneOf(flags.evaluationMethod, EVALUATION_METHODS, "--evaluation-method") as EvaluationMethod;
  const result = oneOf(flags.result, EVALUATION_RESULTS, "--result") as EvaluationResult;
  const by = personOption(session, flags.by, "--by", evaluatedOn).id;
  const evaluationRecord = flags.evaluationRecord?.trim() || undefined;
  const evaluation: TrainingEvaluation = { date: evaluatedOn, method, by, result, ...(evaluationRecord ? { record: evaluationRecord } : {}) };
  const record = flags.record?.trim() || undefined;
  const details = [
    evaluatedOn,
    t(`value.evaluation-method.${method}`),
    t("train.evaluate.by", { person: personLabel(session.index, by) }),
    ...(evaluationRecord ? [t("train.record", { record: evaluationRecord })] : []),
  ].join(t("train.detail-separator"));
  const planned = allOrNothing(
    ids,
    (id) => {
      const target = targets.find((f) => f.id === id)!;
      const index = sessionOf(target, date, record);
      const entry = target.located.value.training!.sessions![index]!;
      if (entry.evaluation !== undefined)
        throw new UserError(t("train.evaluate.already", { id, date, evaluated: entry.evaluation.date, result: t(`value.evaluation-result.${entry.evaluation.result}`), remove: `csr train ${id} --remove --date ${date}${entry.record ? ` --record ${entry.record}` : ""}` }));
      const version = target.document ? sessionVersion(target.document, entry) : entry.revision;
      const what = version === undefined ? id : target.csr ? t("train.csr-revision", { id, source: target.csr.source.document, revision: version }) : `${id} ${version}`;
      const change = editFile(session.root, target.located.file.path, target.kind, (doc) => doc.setIn([...target.located.path, "training", "sessions", index, "evaluation"], doc.createNode(evaluation, { flow: true })));
      const line = locate(target.located.file, [...target.located.path, "training", "sessions", index])[0];
      return { change, what, line: t(result === "effective" ? "train.evaluated.effective" : "train.evaluated.not-effective", { what, date, record: entry.record ?? "—", details, line }) };
    },
    refusals("evaluate"),
  );
  const subject = planned.length === 1 ? planned[0]!.what : t("train.batch.subject", { ids: shortList(planned.map((p) => p.what)), count: planned.length });
  await saveChanges(ctx, session, planned.map((p) => p.change), planned.map((p) => p.line), { commit: flags.commit, message: t("commit.train.evaluated", { id: subject, date, result: t(`value.evaluation-result.${result}`) }) });
  return 0;
}

function oneOf(given: string, values: readonly string[], flag: string): string {
  const value = given.trim();
  if (!values.includes(value)) throw new UserError(t("train.evaluate.bad-value", { flag, value, values: list([...values]) }) + didYouMean(value, values));
  return value;
}

/** The index of the target's session of `date` (and `record`): refused when there is none, or several and no record to tell them apart. */
function sessionOf(target: Target, date: string, record: string | undefined): number {
  const sessions = target.located.value.training?.sessions ?? [];
  const onDay = sessions.flatMap((s, index) => (s.date === date && (record === undefined || s.record === record) ? [index] : []));
  const recorded = sessions.map((s) => `${s.date}${s.record ? ` ${s.record}` : ""}`).join(t("train.detail-separator"));
  if (onDay.length === 0) throw new UserError(sessions.length === 0 ? t("train.evaluate.none", { id: target.id }) : t("train.remove.not-found", { id: target.id, session: record === undefined ? date : `${date} ${record}`, recorded }));
  if (onDay.length > 1) throw new UserError(t("train.evaluate.several", { id: target.id, date, count: onDay.length, records: onDay.map((i) => sessions[i]!.record ?? "—").join(t("train.detail-separator")) }));
  return onDay[0]!;
}
