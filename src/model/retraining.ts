/**
 * Refresher training (复训, IATF 16949 7.2.2: competence kept; GJB 9001C 7.2): a document or CSR marked
 * `training: {retrain_months: N}` is trained again N months after each person's last effective session on it
 * (model/training-completion.ts `refreshers`). Due on its day (csr list training --missing lists it from then),
 * overdue from the next working day (doc/retraining-due, csr/retraining-due), as every training deadline.
 */
import { translate, type Lang } from "../i18n/index.js";
import { workdaysLate, type WorkCalendar } from "./calendar.js";
import { trainingPhase, type Refresher, type TrainingCompletion, type TrainingPhase } from "./training-completion.js";

/** A document or CSR (as located in its file) whose people's refresher training is overdue: their refreshers, soonest first, and their names. */
export interface RefreshersOverdue<T> {
  item: T;
  completion: TrainingCompletion;
  overdue: Refresher[];
  names: string[];
}

/**
 * The items of `items` marked `training.retrain_months` (documents for doc/retraining-due, CSRs for csr/retraining-due)
 * with a refresher overdue on `today` (YYYY-MM-DD; overdueRefreshers): each with its training completion (`completion`,
 * documentCompletion or csrCompletion; an item it gives none for is skipped), those overdue and their names
 * (`personName`, the id when the person is unknown).
 */
export function refreshersOverdue<T extends { value: { training?: { retrain_months?: number } } }>(
  items: Iterable<T>,
  completion: (item: T) => TrainingCompletion | undefined,
  today: string,
  calendar: WorkCalendar,
  personName: (id: string) => string | undefined,
): RefreshersOverdue<T>[] {
  const out: RefreshersOverdue<T>[] = [];
  for (const item of items) {
    if (item.value.training?.retrain_months === undefined) continue;
    const done = completion(item);
    const overdue = done ? overdueRefreshers(done, today, calendar) : [];
    if (done === undefined || overdue.length === 0) continue;
    out.push({ item, completion: done, overdue, names: overdue.map((r) => personName(r.person) ?? r.person) });
  }
  return out;
}

/**
 * Of `item`'s refreshers, those overdue on `today` (YYYY-MM-DD), soonest first: as every training deadline (trainingPhase,
 * workdaysLate), from the first working day after the due day — the days off right after it are still in time, as
 * csr list training --missing says them.
 */
export function overdueRefreshers(item: Pick<TrainingCompletion, "refreshers">, today: string, calendar: WorkCalendar): Refresher[] {
  return (item.refreshers ?? []).filter((r) => workdaysLate(calendar, r.due, today) > 0).sort((a, b) => a.due.localeCompare(b.due));
}

/**
 * The standing of a refresher due on `due` (YYYY-MM-DD) on `today`: in time on its day (and the days off right after
 * it), overdue from the first working day after, as overdueRefreshers — not from the day itself as a version's training
 * due before the work (trainingPhase `ahead`): the person was trained, and keeps working on that training until then.
 */
export function refresherPhase(calendar: WorkCalendar, due: string, today: string): TrainingPhase {
  return trainingPhase(calendar, due, 0, today, false);
}

/**
 * The card's (csr show) and a page's line on refresher training: the interval, then who is due by `today` with their
 * last session and due day (复训：每 12 个月；复训到期：张伟（上次培训 2025-11-20，应于 2026-11-20 前）), else the next
 * refresher day and whose; undefined where no interval is set.
 */
export function refresherTextIn(lang: Lang, item: Pick<TrainingCompletion, "refreshers" | "retrainMonths">, today: string, personName: (id: string) => string): string | undefined {
  if (item.retrainMonths === undefined) return undefined;
  const every = translate(lang, "show.training.retrain", { months: item.retrainMonths });
  const refreshers = [...(item.refreshers ?? [])].sort((a, b) => a.due.localeCompare(b.due));
  const due = refreshers.filter((r) => r.due <= today);
  // Those trained together are due together: named once per last session (张丽、孙伟（上次培训 2026-03-30，应于 2026-09-30 前复训）).
  const groups = [...new Set(due.map((r) => r.last))].map((last) => due.filter((r) => r.last === last));
  const people = groups.map((g) => translate(lang, "show.training.retrain-person", { person: g.map((r) => personName(r.person)).join(translate(lang, "common.list-separator")), last: g[0]!.last, due: g[0]!.due }));
  if (due.length > 0) return every + translate(lang, "show.training.retrain-due", { people: people.join(translate(lang, "common.list-separator")) });
  const next = refreshers[0];
  return next === undefined ? every : every + translate(lang, "show.training.retrain-next", { due: next.due, people: refreshers.filter((r) => r.due === next.due).map((r) => personName(r.person)).join(translate(lang, "common.list-separator")) });
}
