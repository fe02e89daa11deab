/**
 * `csr action update <id>`: the details of a quality problem recorded after the record was opened (zero80), without
 * hand-edited YAML — its grade (质量问题等级, --problem-grade, "" removes it), the batches and serial numbers concerned
 * (--batch/--serial add, --remove-batch/--remove-serial take one off), the day the 军代表 was notified (--notified, "" removes
 * it) and whether it concerns product safety (--safety, --no-safety). GJB 9001C 8.7, 10.2; IATF 16949 4.4.1.2, 10.2.4.
 * Like csr customer update it never asks, and prints each change as old → new. A closed record is changed only with
 * --amend (a correction of the closed record: git keeps the old file), as csr action zero corrects its evidence.
 *
 * Errors (UserError, one line): an unknown record, no option, an unknown grade, a notified day after today or before the
 * record was received, a number to remove that is not recorded, a closed record without --amend.
 */
import { UserError } from "../../core/errors.js";
import { didYouMean, shellArgument } from "../../core/text.js";
import { list, t } from "../../i18n/index.js";
import { actionClosed } from "../../model/actions.js";
import { worksToGjb9001C } from "../../model/citations.js";
import { awaitsMilitaryReview } from "../../model/zeroing-review.js";
import type { ProblemGrade } from "../../model/types.js";
import type { CommandContext } from "../context.js";
import { eventDateOption } from "../options.js";
import { editFile, saveChanges, setInOrder, withEditSession } from "../shared/edit.js";
import { findAction, gradeOption, KEYS, numbersOption } from "./index.js";

export interface ActionUpdateFlags {
  /** The grade: major, serious, general (重大, 严重, 一般); "" removes it. */
  problemGrade?: string;
  /** Batch numbers to add (repeatable). */
  batch?: string[];
  /** Batch numbers to take off (repeatable). */
  removeBatch?: string[];
  /** Serial numbers or ranges to add (repeatable). */
  serial?: string[];
  /** Serial numbers or ranges to take off (repeatable). */
  removeSerial?: string[];
  /** The day the 军代表 was notified; "" removes it. */
  notified?: string;
  /** true with --safety, false with --no-safety, undefined when neither is given. */
  safety?: boolean;
  /** Change a closed record (a correction). */
  amend?: boolean;
  commit?: boolean;
}

type Edit = Parameters<typeof editFile>[3];

export async function actionUpdateCommand(ctx: CommandContext, given: string, flags: ActionUpdateFlags): Promise<number> {
  return withEditSession(ctx, true, undefined, async (session) => {
    const located = findAction(session, given);
    const action = located.value;
    const asked = [flags.problemGrade, flags.batch, flags.removeBatch, flags.serial, flags.removeSerial, flags.notified, flags.safety].some((v) => v !== undefined);
    if (!asked) throw new UserError(t("action.update.nothing", { id: action.id }), t("action.update.hint", { id: shellArgument(action.id) }));
    if (actionClosed(action) && !flags.amend) throw new UserError(t("action.update.closed", { id: action.id, date: action.steps!.D8!.done! }), t("action.update.closed.hint"));
    const none = t("customer.update.none");
    const changes: { field: string; before: string; after: string }[] = [];
    const edits: Edit[] = [];
    const changed = (field: string, before: string, after: string, edit: Edit) => {
      changes.push({ field, before, after });
      edits.push(edit);
    };

    const grade: ProblemGrade | undefined = flags.problemGrade === undefined ? action.problem_grade : flags.problemGrade.trim() === "" ? undefined : gradeOption(flags.problemGrade);
    if (grade !== action.problem_grade) {
      const name = (g: ProblemGrade | undefined) => (g === undefined ? none : t(`action.problem-grade.${g}`));
      changed(t("show.action.problem-grade"), name(action.problem_grade), name(grade), (doc) => (grade === undefined ? doc.delete("problem_grade") : setInOrder(doc, KEYS, "problem_grade", doc.createNode(grade))));
    }
    if (flags.safety !== undefined && flags.safety !== (action.safety === true)) {
      const word = (on: boolean) => t(on ? "action.update.safety-yes" : "action.update.safety-no");
      changed(t("show.action.safety"), word(!flags.safety), word(flags.safety), (doc) => (flags.safety ? setInOrder(doc, KEYS, "safety", doc.createNode(true)) : doc.delete("safety")));
    }
    for (const [key, add, remove, flag] of [["batches", flags.batch, flags.removeBatch, "--remove-batch"], ["serials", flags.serial, flags.removeSerial, "--remove-serial"]] as const) {
      const before = action[key] ?? [];
      const removed = numbersOption(remove);
      const unknown = removed.find((n) => !before.includes(n));
      if (unknown !== undefined) throw new UserError(t("action.update.not-recorded", { id: action.id, flag, value: unknown, recorded: list(before) || none }) + didYouMean(unknown, before));
      const after = [...new Set([...before.filter((n) => !removed.includes(n)), ...numbersOption(add)])];
      if (after.join("\n") === before.join("\n")) continue;
      const text = (values: readonly string[]) => (values.length === 0 ? none : values.join(t("common.list-separator")));
      changed(t(`show.action.${key}`), text(before), text(after), (doc) => (after.length === 0 ? doc.delete(key) : setInOrder(doc, KEYS, key, doc.createNode(after))));
    }
    const notified = flags.notified === undefined ? action.notified : flags.notified.trim() === "" ? undefined : eventDateOption(flags.notified, "--notified");
    if (notified !== undefined && notified < action.received) throw new UserError(t("action.notified-before-received", { notified, received: action.received }));
    if (notified !== action.notified) changed(t("show.action.notified"), action.notified ?? none, notified ?? none, (doc) => (notified === undefined ? doc.delete("notified") : setInOrder(doc, KEYS, "notified", doc.createNode(notified))));

    if (changes.length === 0) {
      ctx.stdout(t("action.update.same", { id: action.id }) + "\n");
      return 0;
    }
    const change = editFile(session.root, located.file.path, "action", (doc) => edits.forEach((edit) => edit(doc)));
    const lines = [
      t(actionClosed(action) ? "action.updated-closed" : "action.updated", { id: action.id, path: located.file.path, date: action.steps?.D8?.done ?? "" }),
      ...changes.map(({ field, before, after }) => `  ${field}${t("set.colon")}${t("action.update.change", { before, after })}`),
      // A 重大 or 严重 problem the 军代表 has not been told of, as action/problem-unnotified reports it (GJB 9001C 10.2).
      ...(worksToGjb9001C(session.repo.config?.value) && (grade === "major" || grade === "serious") && notified === undefined
        ? [t("action.update.unnotified", { id: action.id, grade: t(`action.problem-grade.${grade}`), arg: shellArgument(action.id) })]
        : []),
      // Graded 重大 or 严重 once closed without the 军代表's review: not 归零 until reviewed (action/zeroing-unreviewed; tester81 J1).
      ...(worksToGjb9001C(session.repo.config?.value) && grade !== undefined && grade !== action.problem_grade && awaitsMilitaryReview({ ...action, problem_grade: grade })
        ? [t("action.update.unreviewed", { id: action.id, grade: t(`action.problem-grade.${grade}`), date: action.steps!.D8!.done!, arg: shellArgument(action.id) })]
        : []),
    ];
    const summary = changes.map(({ field, before, after }) => `${field} ${t("action.update.change", { before, after })}`).join(t("set.commit-separator"));
    await saveChanges(ctx, session, [change], lines, { commit: flags.commit, message: t("action.commit.updated", { id: action.id, summary }) });
    return 0;
  });
}
