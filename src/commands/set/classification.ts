/**
 * A lowered 密级 (降密/解密) is an authorised act at a military supplier: the level a document or CSR
 * is held at decides what copies, registers and `csr site` carry of it. `csr set --classification`
 * lower than the level it has now (its own, its layout's or its source document's) asks for who
 * authorised it (`--by`) and on what grounds (`--reason`, the 依据) and records both under
 * `classification_changes`; doc/classification-lowered reports a lowering without that record (tester57 E1).
 */
import { UserError } from "../../core/errors.js";
import { localToday } from "../../core/dates.js";
import { language, t } from "../../i18n/index.js";
import { classificationName, classificationRank } from "../../model/classification.js";
import type { ClassificationChange } from "../../model/types.js";
import { personOption, type EditSession } from "../shared/edit.js";

/**
 * The record of a lowering from `before` to `after` (both as printed now and after the change), or undefined
 * when the 密级 is not lowered. Refuses (one line) a lowering without --by and --reason, and --by without one
 * unless `byElsewhere` (a CSR's correction, --amend, names who made it with --by too).
 */
export function classificationLowering(session: EditSession, id: string, before: string, after: string | undefined, flags: { by?: string; reason?: string }, byElsewhere = false): ClassificationChange | undefined {
  const lowered = after !== undefined && classificationRank(after) < classificationRank(before);
  if (!lowered) {
    if (flags.by !== undefined && !byElsewhere) throw new UserError(t("set.classification.by-without-lowering", { id }));
    return undefined;
  }
  const name = (value: string) => classificationName(language(), value);
  const reason = flags.reason?.trim();
  if (flags.by === undefined || !reason) throw new UserError(t("set.classification.lowered-unauthorised", { id, from: name(before), to: name(after) }));
  const date = localToday();
  const by = personOption(session, flags.by, "--by", date).id;
  return { date, from: before, to: after, by, reason };
}

/** The line that says the lowering is on record: the day, the levels, who authorised it and the grounds. */
export function loweringRecorded(session: EditSession, change: ClassificationChange): string {
  const name = (value: string) => classificationName(language(), value);
  const person = session.index.people.get(change.by);
  return "  " + t("set.classification.recorded", { date: change.date, from: name(change.from), to: name(change.to), by: person?.value.name ?? change.by, reason: change.reason });
}
