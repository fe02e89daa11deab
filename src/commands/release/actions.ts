/**
 * The corrective action records (actions/, 8D) a revision carries out, as `csr release --action` and its question
 * judge them against the revision (IATF 16949 10.2.3, 10.2.6: a complaint's corrective action, the change of the
 * documents it needs; 8.5.6.1: the customer notified of that change): a record received after the revision's date
 * cannot be what it carries out; a closed one is said (a customer notice already past its due date is said overdue
 * by notices.ts noticeLines).
 */
import { UserError } from "../../core/errors.js";
import { t } from "../../i18n/index.js";
import type { Repository } from "../../load/repository.js";
import { actionById, actionClosed } from "../../model/actions.js";
import type { CorrectiveAction } from "../../model/types.js";

/** The records `ids` name (as --action gives them, any letter case), in that order; an id without a record is left to ref/unresolved. */
export function namedActions(repo: Repository, ids: readonly string[]): CorrectiveAction[] {
  return ids.flatMap((id) => actionById(repo.actions, id)?.value ?? []);
}

/**
 * `ids` (as --action gives them) as the records write them: an id given in another letter case is the record's
 * (8d-2026-001 is written 8D-2026-001, as csr show and csr action find it), each once; an id without a record stays
 * as given, for ref/unresolved. `renamed`: what stderr says of each id so written.
 */
export function recordedActionIds(repo: Repository, ids: readonly string[]): { ids: string[]; renamed: string[] } {
  const renamed: string[] = [];
  const recorded = ids.map((given) => {
    const found = actionById(repo.actions, given);
    if (found === undefined || found.value.id === given) return given;
    renamed.push(t("release.action-case", { given, id: found.value.id, path: found.file.path }));
    return found.value.id;
  });
  return { ids: [...new Set(recorded)], renamed };
}

/**
 * The first of `actions` received after `date` (YYYY-MM-DD, the revision's): a revision dated before a complaint
 * or nonconformity was received cannot carry out its corrective action, and its notice to the customer would fall
 * due before the complaint existed (breaker64 P3). Undefined when none was.
 */
export function receivedAfter(actions: readonly CorrectiveAction[], date: string): CorrectiveAction | undefined {
  return actions.find((a) => a.received > date);
}

/** receivedAfter's refusal, in one line naming the record, its day of receipt and the revision's date. Errors: UserError. */
export function refuseReceivedAfter(actions: readonly CorrectiveAction[], date: string): void {
  const late = receivedAfter(actions, date);
  if (late) throw new UserError(t("release.action-received-after", { action: late.id, received: late.received, date }));
}

/**
 * In a GJB 9001C repository, refuses a revision of document `id` dated `date` (YYYY-MM-DD) released for a quality problem
 * of `actions` closed before that day: the 归零 is closed no earlier than the documents released for it (措施落实, 完善规章;
 * GJB 9001C 10.2, action/closed-early). Errors: UserError, one line naming the record and its closure.
 */
export function refuseClosedBefore(actions: readonly CorrectiveAction[], id: string, date: string): void {
  const closed = actions.find((a) => actionClosed(a) && a.steps!.D8!.done! < date);
  if (closed) throw new UserError(t("release.action-zeroed-before", { action: closed.id, closed: closed.steps!.D8!.done!, id, date }));
}

/**
 * What the release says of each closed record among `actions` (D8 done: verified effective): a revision dated
 * before the closure is recorded after the fact, and that is all (stdout); one dated on or after it is warned of
 * (stderr), as a change made once an 8D is closed is usually a read-across or a new action of its own.
 */
export function closedActionLines(actions: readonly CorrectiveAction[], id: string, version: string, date: string): { stdout: string[]; stderr: string[] } {
  const closed = actions.filter(actionClosed).map((a) => ({ action: a.id, closed: a.steps!.D8!.done! }));
  return {
    stdout: closed.filter((c) => date < c.closed).map((c) => t("release.action-closed-before", { ...c, date })),
    stderr: closed.filter((c) => date >= c.closed).map((c) => t("release.action-closed", { ...c, id, version })),
  };
}
