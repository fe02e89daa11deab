/**
 * Who still lacks training (未完成培训人员清单, `csr list training --missing`): for each revision
 * needing training on the day — a released document's version marked `training: {required: true}`,
 * in force or released to take effect later, and a decided CSR's source revision so marked — each
 * person of people.yaml to be trained on it and not yet trained, with the day it takes effect (a CSR's: its source
 * revision's 实施日期), the training deadline and the working days left or overdue. IATF 16949 7.2.2 (on-the-job training for
 * new or modified jobs, before the work) and 7.3 (awareness of the changed procedure).
 * One computation with the management review's training completion (model/training-completion.ts
 * trainingCompletion) and with doc/training-overdue's deadline (trainingPhase).
 */
import { repositoryCalendar } from "../../load/calendar.js";
import { worksToGjb9001C } from "../../model/citations.js";
import { lawHolidaysCounted } from "../../model/calendar.js";
import { trainingRecordDays, trainingSessionVersions } from "../../load/training-records.js";
import { DEFAULT_TRAINING_DAYS } from "../../model/distribution.js";
import { personTrainingPeriod, refreshersDue, trainingCompletion, trainingPhase, trainingStandingIn, type TrainingCompletion, type TrainingPhase } from "../../model/training-completion.js";
import { refresherPhase } from "../../model/retraining.js";
import type { Table } from "../table.js";
import { trainingFilterNotes, type TrainingFilter } from "./training.js";
import { localized } from "../../core/text.js";
import { compareIds, csrsOn, departmentName, documentAsOfNotes, documentsOn, peopleOf, personName, t, type RegisterContext } from "./context.js";

/** A revision needing training with people still to train, or whose trained people csr cannot tell. */
interface Open {
  item: TrainingCompletion;
  title: string;
  /** Absent for a version imported without a date (trained before the repository: on paper). */
  phase?: TrainingPhase;
}

/**
 * The missing-training list dated `today` (YYYY-MM-DD): rows by training deadline (soonest first),
 * one per person still to train (in people.yaml's order), or one per revision whose trainees csr
 * cannot tell (a record number alone; nobody of its departments in people.yaml and no session).
 * A revision everyone was trained on is not listed; the notes count them. A person whose refresher training
 * (复训, `training.retrain_months`) is due by `today` has a row of its own, by that day (remark 复训到期). `filter` keeps one document's
 * or CSR's rows (`document`), or the revisions concerning a department and its people (`department`).
 */
export function trainingMissingRegister(ctx: RegisterContext, options: { today: string; filter?: TrainingFilter }): Table {
  const { today, filter } = options;
  const config = ctx.repo.config?.value;
  const days = config?.document_control?.training_days ?? DEFAULT_TRAINING_DAYS;
  const calendar = repositoryCalendar(config);
  const documents = documentsOn(ctx, today).list;
  const csrs = csrsOn(ctx, today);
  const people = peopleOf(ctx);
  const all = trainingCompletion(documents, csrs, people, config, today, trainingRecordDays(ctx.repo), trainingSessionVersions(ctx.repo), ctx.index.customers);
  // A department's list: the revisions that concern it, and of them its people.
  const items = all.filter(
    (i) => (filter?.document === undefined || i.id === filter.document) && (filter?.department === undefined || i.departments.includes(filter.department)),
  );
  const ofDepartment = (id: string) => filter?.department === undefined || ctx.index.people.get(id)?.value.department === filter.department;
  const titles = new Map([...documents.map((d) => [`document ${d.id}`, localized(ctx.lang, d.title, d.title_en)] as const), ...csrs.map((c) => [`csr ${c.id}`, localized(ctx.lang, c.title, c.title_en)] as const)]);
  const open: Open[] = items
    .filter((i) => i.missing.some(ofDepartment) || (i.required.length === 0 && i.sessions === 0 && i.recordsOnly.length === 0))
    .map((item) => ({ item, title: titles.get(`${item.kind} ${item.id}`) ?? "", ...(item.start !== undefined ? { phase: trainingPhase(calendar, item.start, days, today, item.ahead) } : {}) }))
    .sort((a, b) => (a.phase?.due ?? "").localeCompare(b.phase?.due ?? "") || (a.item.kind === b.item.kind ? compareIds(a.item.id, b.item.id) : a.item.kind === "document" ? -1 : 1));
  // A newcomer's deadline and standing run from their first day (personTrainingPeriod, tester72 Q2); the rest is the revision's.
  const personDeadline = (item: TrainingCompletion, id: string): { due?: string; standing?: string } => {
    const period = personTrainingPeriod(item, ctx.index.people.get(id)?.value);
    if (period === undefined || period.start === item.start) return {};
    const own = trainingPhase(calendar, period.start, days, today, period.ahead);
    return { due: own.due, standing: standingText(ctx, own) };
  };
  const keyed = open.flatMap(({ item, title, phase }) => rowsOf(item, title, phase).map((row) => ({ key: phase?.due ?? "", row })));
  // Refresher training (复训, training.retrain_months) due by today: one row per person trained last too long ago, by its day.
  const refreshers = items.flatMap((item) =>
    refreshersDue(item, today)
      .filter((r) => ofDepartment(r.person))
      .map((r) => {
        const phase = refresherPhase(calendar, r.due, today);
        const effective = item.kind === "document" ? (item.start ?? null) : (item.effective ?? null);
        const row = { id: item.id, title: titles.get(`${item.kind} ${item.id}`) ?? "", revision: item.revision, effective, due: r.due, standing: standingText(ctx, phase), person: personName(ctx, r.person), department: departmentName(ctx, ctx.index.people.get(r.person)?.value.department), remark: t(ctx, "register.training-missing.refresher", { last: r.last, months: item.retrainMonths! }) };
        return { key: r.due, row };
      }),
  );
  // Stable: the revisions' rows keep their order (by deadline, a newcomer's own deadline within its revision's rows).
  const rows = [...keyed, ...refreshers].sort((a, b) => a.key.localeCompare(b.key)).map((r) => r.row);
  function rowsOf(item: TrainingCompletion, title: string, phase: TrainingPhase | undefined) {
    const common = {
      id: item.id,
      title,
      revision: item.revision,
      // A CSR's is its source revision's 实施日期; its period runs from that day or from its decision (its remark says which, csrTrainingPeriod).
      effective: item.kind === "document" ? (item.start ?? null) : (item.effective ?? null),
      due: phase?.due ?? null,
      standing: phase ? standingText(ctx, phase) : "",
    };
    const from = item.kind === "csr" && item.start !== undefined ? [t(ctx, item.from === "effective" ? "register.training-missing.csr-from-effective" : "register.training-missing.csr-from", { date: item.start })] : [];
    if (unknown(item)) {
      const why =
        item.required.length === 0
          ? t(ctx, "register.training-missing.nobody", { departments: item.departments.map((d) => departmentName(ctx, d)).join(t(ctx, "register.list-separator")) })
          : t(ctx, "register.training-missing.records-only", { records: item.recordsOnly.join(t(ctx, "register.list-separator")), count: item.required.filter(ofDepartment).length });
      // Trained by a record whose trainees csr does not know: not late, nor on time.
      // Who of the list's people it should have trained (people.yaml ids) and the records to look in (space-separated), in no column: for a
      // reader's own words (csr site's department page).
      if (item.required.length > 0) return [{ ...common, due: null, standing: "", person: "", department: "", remark: why, unconfirmedPeople: item.required.filter(ofDepartment).join(" "), unconfirmedRecords: item.recordsOnly.join(" ") }];
      return [{ ...common, person: "", department: "", remark: [why, ...from].join(t(ctx, "register.remarks-separator")) }];
    }
    return item.missing.filter(ofDepartment).map((id) => ({ ...common, ...personDeadline(item, id), person: personName(ctx, id), department: departmentName(ctx, ctx.index.people.get(id)?.value.department), remark: [...(item.failed?.includes(id) ? [t(ctx, "register.training-missing.failed")] : []), ...(item.ineffective?.includes(id) ? [t(ctx, "register.training-missing.ineffective")] : []), ...from].join(t(ctx, "register.remarks-separator")) }));
  }
  const done = items.filter((i) => !open.some((o) => o.item === i) && !refreshers.some((r) => r.row.id === i.id)).length;
  const estimated = open.flatMap(({ item, phase }) => (phase ? calendar.yearsWithoutData(item.start!, phase.due) : []));
  const years = [...new Set(estimated)].sort();
  const filtered = trainingFilterNotes(ctx, filter, "training-missing");
  return {
    id: "training-missing",
    title: filtered ? t(ctx, "register.training-missing.title-filtered", { filter: filtered.title, date: today, count: rows.length }) : t(ctx, "register.training-missing.title", { date: today, count: rows.length }),
    // Who is still to be trained depends on the day: said once, in the heading of a printed list, a last column of its CSV.
    asOf: { date: today, undatedTitle: filtered ? t(ctx, "register.training-missing.title-filtered-undated", { filter: filtered.title, count: rows.length }) : t(ctx, "register.training-missing.title-undated", { count: rows.length }) },
    ...(filtered ? { filtered: filtered.filtered } : {}),
    sheet: t(ctx, "register.training-missing.sheet"),
    columns: [
      { key: "no", header: t(ctx, "register.training-missing.column.no"), kind: "number" },
      { key: "id", header: t(ctx, "register.training-missing.column.subject"), kind: "id" },
      { key: "title", header: t(ctx, "register.training-missing.column.title") },
      { key: "revision", header: t(ctx, "register.training-missing.column.revision"), kind: "code" },
      { key: "effective", header: t(ctx, "register.training-missing.column.effective"), date: true },
      { key: "due", header: t(ctx, "register.training-missing.column.due"), date: true },
      { key: "standing", header: t(ctx, "register.training-missing.column.standing") },
      { key: "person", header: t(ctx, "register.training-missing.column.person"), kind: "name" },
      { key: "department", header: t(ctx, "register.training-missing.column.department") },
      { key: "remark", header: t(ctx, "register.training-missing.column.remark"), remarks: true },
    ],
    rows: rows.map((row, i) => ({ no: i + 1, ...row })),
    notes: [
      ...(filtered ? [filtered.note] : []),
      all.length === 0 ? t(ctx, "register.training-missing.none-required") : t(ctx, `register.training-missing.note${worksToGjb9001C(config) ? "-gjb" : ""}`, { days }),
      ...(done > 0 ? [t(ctx, "register.training-missing.done", { count: done })] : []),
      ...(years.length > 0 ? [t(ctx, lawHolidaysCounted(calendar, years) ? "register.training-missing.estimated" : "register.training-missing.estimated-weekdays", { years: years.join(t(ctx, "register.list-separator")), count: years.length })] : []),
      ...documentAsOfNotes(ctx, today, documents.filter((d) => open.some((o) => o.item.kind === "document" && o.item.id === d.id))),
    ],
    // What to do about the list is for the one who lists it, not for the workbook (csr export).
    listHints: all.length === 0 ? [t(ctx, "register.training-missing.hint-require")] : open.length > 0 ? [t(ctx, "register.training-missing.hint-train")] : [],
  };
}

/** A revision whose trainees csr cannot tell: nobody of its departments in people.yaml, or a record number alone (who it trained is on the record). */
function unknown(item: TrainingCompletion): boolean {
  return item.required.length === 0 || (item.recordsOnly.length > 0 && item.trained.length === 0);
}

/**
 * 剩余/逾期 of a row: the working days left or overdue (trainingPhase). With none left, the due day itself is said
 * as such, and a day off right after it names the working day up to which the training is still in time, as
 * doc/training-overdue judges it: "剩 0 个工作日" read as already too late.
 */
export function standingText(ctx: Pick<RegisterContext, "lang">, phase: TrainingPhase): string {
  return trainingStandingIn(ctx.lang, phase);
}
