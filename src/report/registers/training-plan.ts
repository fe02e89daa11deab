/**
 * The annual training plan (年度培训计划, `csr list training-plan --year 2027`), a record auditors ask for (IATF 16949
 * 7.2.1, 7.2.2: training needs identified and training planned; GJB 9001C 7.2): for each document and CSR needing
 * training, read on `today` (model/training-completion.ts trainingCompletion, as csr list training --missing reads it),
 * who still owes training on its revision (换版培训) and whose refresher training (复训, `training.retrain_months`) falls
 * due in the year, grouped by the month planned — the month of the deadline; one already past before the year is planned
 * for its January and says so — with the trainer and method of its last session, when recorded, as the ones to plan with.
 */
import { addMonths } from "../../core/dates.js";
import { repositoryCalendar } from "../../load/calendar.js";
import { trainingRecordDays, trainingSessionVersions } from "../../load/training-records.js";
import { localized } from "../../core/text.js";
import { DEFAULT_TRAINING_DAYS } from "../../model/distribution.js";
import { personTrainingPeriod, trainingCompletion, trainingDue, type TrainingCompletion } from "../../model/training-completion.js";
import type { TrainingSession } from "../../model/types.js";
import type { Table } from "../table.js";
import { compareIds, csrsOn, departmentName, documentsOn, peopleOf, personName, t, type RegisterContext } from "./context.js";

interface Planned {
  item: TrainingCompletion;
  kind: "revision" | "refresher";
  /** The deadline (YYYY-MM-DD) the month is planned from. */
  due: string;
  people: string[];
}

/** The plan of calendar year `year` as the records stand on `today` (YYYY-MM-DD). */
export function trainingPlanRegister(ctx: RegisterContext, options: { today: string; year: number }): Table {
  const { today, year } = options;
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const config = ctx.repo.config?.value;
  const days = config?.document_control?.training_days ?? DEFAULT_TRAINING_DAYS;
  const calendar = repositoryCalendar(config);
  const documents = documentsOn(ctx, today).list;
  const csrs = csrsOn(ctx, today);
  const items = trainingCompletion(documents, csrs, peopleOf(ctx), config, today, trainingRecordDays(ctx.repo), trainingSessionVersions(ctx.repo), ctx.index.customers);
  const planned: Planned[] = [];
  const add = (item: TrainingCompletion, kind: Planned["kind"], due: string, person: string) => {
    if (due > end) return;
    const same = planned.find((p) => p.item === item && p.kind === kind && p.due === due);
    if (same) same.people.push(person);
    else planned.push({ item, kind, due, people: [person] });
  };
  for (const item of items) {
    // Who still owes training on the revision, each by their own deadline (a newcomer's runs from their first day); not where
    // a record number alone stands for the training, whose trainees are on that record (csr list training --missing says so).
    const recordOnly = item.recordsOnly.length > 0 && item.trained.length === 0;
    for (const id of recordOnly ? [] : item.missing) {
      const period = personTrainingPeriod(item, ctx.index.people.get(id)?.value);
      if (period !== undefined) add(item, "revision", trainingDue(calendar, period.start, days, period.ahead), id);
    }
    // Refresher training falling due by the year's end; one due in the year under a year's interval recurs within it. One
    // already past before the year is planned for its January: the next falls due from the day it is given, not known yet.
    for (const r of item.refreshers ?? []) {
      add(item, "refresher", r.due, r.person);
      if (r.due >= start) for (let due = addMonths(r.due, item.retrainMonths!); due <= end; due = addMonths(due, item.retrainMonths!)) add(item, "refresher", due, r.person);
    }
  }
  const month = (due: string) => (due < start ? start : due).slice(0, 7);
  planned.sort((a, b) => month(a.due).localeCompare(month(b.due)) || (a.item.kind === b.item.kind ? compareIds(a.item.id, b.item.id) : a.item.kind === "document" ? -1 : 1) || (a.kind === b.kind ? a.due.localeCompare(b.due) : a.kind === "revision" ? -1 : 1));
  const titles = new Map([...documents.map((d) => [`document ${d.id}`, localized(ctx.lang, d.title, d.title_en)] as const), ...csrs.map((c) => [`csr ${c.id}`, localized(ctx.lang, c.title, c.title_en)] as const)]);
  const sessionsOf = (item: TrainingCompletion): readonly TrainingSession[] =>
    (item.kind === "document" ? documents.find((d) => d.id === item.id)?.training?.sessions : csrs.find((c) => c.id === item.id)?.training?.sessions) ?? [];
  const monthName = (due: string) => {
    const first = `${month(due)}-01`;
    return t(ctx, "register.periodic-review-plan.month", { month: ctx.lang === "en" ? new Intl.DateTimeFormat("en", { month: "long", timeZone: "UTC" }).format(new Date(`${first}T00:00:00Z`)) : Number(first.slice(5, 7)) });
  };
  return {
    id: "training-plan",
    title: t(ctx, "register.training-plan.title", { year, count: planned.length }),
    asOf: { date: today, undatedTitle: t(ctx, "register.training-plan.title", { year, count: planned.length }) },
    sheet: t(ctx, "register.training-plan.sheet", { year }),
    columns: [
      { key: "no", header: t(ctx, "register.training-missing.column.no"), kind: "number" },
      { key: "month", header: t(ctx, "register.periodic-review-plan.column.month"), kind: "code" },
      { key: "id", header: t(ctx, "register.training-missing.column.subject"), kind: "id" },
      { key: "title", header: t(ctx, "register.training-missing.column.title") },
      { key: "revision", header: t(ctx, "register.training-missing.column.revision"), kind: "code" },
      { key: "kind", header: t(ctx, "register.training-plan.column.kind") },
      { key: "due", header: t(ctx, "register.training-missing.column.due"), date: true },
      { key: "people", header: t(ctx, "register.training-plan.column.people"), kind: "list" },
      { key: "departments", header: t(ctx, "register.training-plan.column.departments"), kind: "list" },
      { key: "trainer", header: t(ctx, "register.training.column.trainer"), kind: "name" },
      { key: "method", header: t(ctx, "register.training.column.method") },
      { key: "remark", header: t(ctx, "register.training-missing.column.remark"), remarks: true },
    ],
    rows: planned.map((p, i) => {
      const last = [...sessionsOf(p.item)].filter((s) => s.trainer !== undefined || s.external_trainer !== undefined || s.method !== undefined).sort((a, b) => a.date.localeCompare(b.date)).at(-1);
      const departments = [...new Set(p.people.map((id) => ctx.index.people.get(id)?.value.department ?? ""))].filter(Boolean);
      return {
        no: i + 1,
        month: monthName(p.due),
        id: p.item.id,
        title: titles.get(`${p.item.kind} ${p.item.id}`) ?? "",
        revision: p.item.revision,
        kind: t(ctx, `register.training-plan.kind.${p.kind}`),
        due: p.due,
        people: p.people.map((id) => personName(ctx, id)).join(t(ctx, "register.list-separator")),
        departments: departments.map((d) => departmentName(ctx, d)).join(t(ctx, "register.list-separator")),
        trainer: last?.external_trainer !== undefined ? t(ctx, "train.external-trainer", { trainer: last.external_trainer }) : personName(ctx, last?.trainer),
        method: last?.method !== undefined ? t(ctx, `value.training-method.${last.method}`) : "",
        remark: p.due < start ? t(ctx, "register.training-plan.carried", { due: p.due }) : p.kind === "refresher" ? t(ctx, "register.training-plan.every", { months: p.item.retrainMonths! }) : "",
      };
    }),
    notes: [t(ctx, "register.training-plan.note", { year, today, days })],
  };
}
