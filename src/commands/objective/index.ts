/**
 * `csr objective add` and `csr objective measure`: the quality objectives (objectives.yaml, 质量目标; ISO 9001 6.2,
 * IATF 16949 6.2.2.1, GJB 9001C 6.2) and each period's value kept without hand-edited YAML. An objective is set for the
 * company, a department or a process (its KPI, IATF 16949 9.1.1.1), owned by a person, with a target and its direction
 * (<=, >=), a unit and a frequency, and numbered OBJ-NN. A measurement records a period that has ended (2026-11, 2026-Q3,
 * 2026), its value and who measured it; `--amend` corrects a period recorded already.
 *
 * Errors (UserError, one line): a missing text, target, unit, frequency or owner; a target not "<=N" or ">=N"; both
 * --process and --department; an unknown process, department or person; a period not of the objective's frequency, not
 * yet ended, outside the objective's from–to, or recorded already (without --amend); a value not a number; an unknown
 * objective.
 */
import { isMap, isSeq, type YAMLMap, type YAMLSeq } from "yaml";
import { UserError } from "../../core/errors.js";
import { localToday } from "../../core/dates.js";
import { list, t } from "../../i18n/index.js";
import { measurementOf, meetsTarget, nextObjectiveId, periodDays, periodFrequency, periodOf, targetText } from "../../model/objectives.js";
import { OBJECTIVE_FREQUENCIES, type ObjectiveMeasurement, type QualityObjective } from "../../model/types.js";
import { departmentLabel } from "../../model/labels.js";
import type { Located } from "../../load/repository.js";
import type { CommandContext } from "../context.js";
import { choiceOption, dateOption } from "../options.js";
import { appendEntry, departmentByCode, editFile, entryNamed, insiderOption, processByCode, saveChanges, withEditSession, type EditSession } from "../shared/edit.js";
import type { FileChange } from "../shared/persist.js";
import { personLabel } from "../shared/people.js";

const FILE = "objectives.yaml";

export interface ObjectiveAddFlags {
  target?: string;
  unit?: string;
  frequency?: string;
  owner?: string;
  process?: string;
  department?: string;
  from?: string;
  to?: string;
  textEn?: string;
  remark?: string;
  yes?: boolean;
  commit?: boolean;
}

export interface ObjectiveMeasureFlags {
  period?: string;
  value?: string;
  by?: string;
  note?: string;
  /** Replace the value recorded for the period. */
  amend?: boolean;
  yes?: boolean;
  commit?: boolean;
}

/** A target as given: "<=50", "≤ 50", ">=98.5", "≥98" (NFKC). Errors: UserError naming the forms. */
export function targetOption(given: string): { direction: "<=" | ">="; target: number } {
  const m = /^\s*(<=|>=|≤|≥)\s*(-?[0-9]+(?:\.[0-9]+)?)\s*$/.exec(given.normalize("NFKC"));
  if (!m) throw new UserError(t("objective.bad-target", { given }));
  return { direction: m[1] === "<=" || m[1] === "≤" ? "<=" : ">=", target: Number(m[2]) };
}

/**
 * `csr objective add <text> --target <=N|>=N --unit <unit> --frequency monthly|quarterly|yearly --owner <person>
 * [--process <code> | --department <code>] [--from <date>] [--to <date>] [--text-en] [--remark]`. `--from` defaults to the
 * first day of today's period of the frequency.
 */
export async function objectiveAddCommand(ctx: CommandContext, text: string | undefined, flags: ObjectiveAddFlags): Promise<number> {
  return withEditSession(ctx, flags.yes, undefined, async (session) => {
    const missing = [text?.trim() ? "" : "<text>", flags.target === undefined ? "--target" : "", flags.unit?.trim() ? "" : "--unit", flags.frequency === undefined ? "--frequency" : "", flags.owner === undefined ? "--owner" : ""].filter(Boolean);
    if (missing.length > 0) throw new UserError(t("objective.needs", { missing: list(missing) }), t("objective.add.hint"));
    if (flags.process !== undefined && flags.department !== undefined) throw new UserError(t("objective.process-and-department"));
    const { direction, target } = targetOption(flags.target!);
    const frequency = choiceOption(flags.frequency, "--frequency", OBJECTIVE_FREQUENCIES, "monthly");
    const today = localToday();
    const owner = insiderOption(session, flags.owner!, "--owner", today);
    const process = flags.process !== undefined ? processByCode(session.repo, flags.process.trim(), "objective.unknown-process").value.code : undefined;
    const department = flags.department !== undefined ? departmentByCode(session, flags.department, "--department") : undefined;
    const from = flags.from !== undefined ? dateOption(flags.from, "--from") : periodOf(frequency, today).from;
    const to = flags.to !== undefined ? dateOption(flags.to, "--to") : undefined;
    if (to !== undefined && to < from) throw new UserError(t("objective.to-before-from", { from, to }));
    const taken = [...session.repo.objectives.map((o) => o.value.id), ...session.repo.unvalidated.objectives];
    const entry: QualityObjective = {
      id: nextObjectiveId(taken),
      text: text!.trim(),
      ...(flags.textEn?.trim() ? { text_en: flags.textEn.trim() } : {}),
      ...(process !== undefined ? { process } : {}),
      ...(department !== undefined ? { department } : {}),
      owner: owner.id,
      unit: flags.unit!.trim(),
      direction,
      target,
      frequency,
      from,
      ...(to !== undefined ? { to } : {}),
      ...(flags.remark?.trim() ? { remark: flags.remark.trim() } : {}),
    };
    const level = process !== undefined ? t("objective.level.process", { process }) : department !== undefined ? t("objective.level.department", { department: departmentLabel(session.index, department) }) : t("objective.level.company");
    const line = t("objective.added", { id: entry.id, text: entry.text, target: targetText(entry), frequency: t(`value.objective-frequency.${frequency}`), owner: personLabel(session.index, owner.id), level, from, path: FILE });
    await saveChanges(ctx, session, [addEntry(session, entry)], [line], { commit: flags.commit, message: t("objective.commit.add", { id: entry.id, text: entry.text }) });
    return 0;
  });
}

/**
 * `csr objective measure <OBJ-NN> --period <period> --value <number> --by <person> [--note] [--amend]`: the value of a period
 * that has ended, whether it meets the target printed.
 */
export async function objectiveMeasureCommand(ctx: CommandContext, id: string, flags: ObjectiveMeasureFlags): Promise<number> {
  return withEditSession(ctx, flags.yes, undefined, async (session) => {
    const located = objectiveNamed(session, id);
    const objective = located.value;
    const missing = [flags.period === undefined ? "--period" : "", flags.value === undefined ? "--value" : "", flags.by === undefined ? "--by" : ""].filter(Boolean);
    if (missing.length > 0) throw new UserError(t("objective.needs", { missing: list(missing) }), t("objective.measure.hint", { id: objective.id }));
    const period = flags.period!.normalize("NFKC").trim().toUpperCase();
    const days = periodDays(period);
    if (!days || periodFrequency(period) !== objective.frequency) throw new UserError(t("objective.bad-period", { period: flags.period!, id: objective.id, frequency: t(`value.objective-frequency.${objective.frequency}`), example: periodOf(objective.frequency, localToday()).period }));
    const today = localToday();
    if (days.to >= today) throw new UserError(t("objective.period-not-ended", { period, to: days.to }));
    if (days.to < objective.from || (objective.to !== undefined && days.from > objective.to)) throw new UserError(t(objective.to !== undefined ? "objective.period-outside" : "objective.period-before", { period, id: objective.id, from: objective.from, to: objective.to ?? "" }));
    const value = Number(flags.value!.normalize("NFKC").trim());
    if (flags.value!.trim() === "" || !Number.isFinite(value)) throw new UserError(t("objective.bad-value", { value: flags.value! }));
    const by = insiderOption(session, flags.by!, "--by", today);
    const before = measurementOf(objective, period);
    if (before && !flags.amend) throw new UserError(t("objective.measured-already", { id: objective.id, period, value: before.value, unit: objective.unit }), t("objective.amend.hint", { id: objective.id, period }));
    if (!before && flags.amend) throw new UserError(t("objective.amend-nothing", { id: objective.id, period }));
    // A corrected value keeps its note unless a new one is given.
    const note = flags.note !== undefined ? flags.note.trim() || undefined : before?.note;
    const measurement: ObjectiveMeasurement = { period, value, by: by.id, ...(note !== undefined ? { note } : {}) };
    const change = editFile(session.root, located.file.path, "objective", (doc) => {
      const map = doc.getIn(located.path, true);
      if (!isMap(map)) throw new UserError(t("objective.not-a-map", { id: objective.id }));
      const node = doc.createNode(measurement, { flow: true });
      const measurements = (map as YAMLMap).get("measurements", true);
      // One line a period, as csr writes them: a year of monthly figures reads as a column.
      if (!isSeq(measurements)) {
        const seq = doc.createNode([]) as YAMLSeq;
        seq.add(node);
        (map as YAMLMap).set("measurements", seq);
      }
      else if (before) measurements.set((objective.measurements ?? []).lastIndexOf(before), node);
      else measurements.add(node);
    });
    const met = meetsTarget(objective, value);
    const line = t(met ? "objective.measured.met" : "objective.measured.missed", { id: objective.id, text: objective.text, period, value, unit: objective.unit, target: targetText(objective), was: before ? t("objective.measured.was", { value: before.value, unit: objective.unit }) : "" });
    await saveChanges(ctx, session, [change], [line], { commit: flags.commit, message: t("objective.commit.measure", { id: objective.id, period, value, unit: objective.unit }) });
    return 0;
  });
}

/** The objective of objectives.yaml `given` names (OBJ-03 in any letter case). Errors: UserError naming the nearest. */
function objectiveNamed(session: EditSession, given: string): Located<QualityObjective> {
  return entryNamed(session.repo.objectives, session.repo.unvalidated.objectives, given, { invalid: "objective.invalid", unknown: "objective.unknown", none: "objective.none" });
}

/** The new objective at the end of objectives.yaml (the file created when absent). */
function addEntry(session: EditSession, entry: QualityObjective): FileChange {
  return appendEntry(session.root, FILE, "objectives", "objective", (doc) => doc.createNode(entry));
}
