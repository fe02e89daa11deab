/**
 * A person's training file (员工培训档案, `csr list training --person <id>`; IATF 16949 7.2.1, 7.2.2, GJB 9001C 7.2):
 * each session that trained them, oldest first — the document or CSR, its revision, how they were trained (by name,
 * with their department, a department's session whose sign-in sheet has the names, or as its trainer), the trainer
 * and the record number — then each revision they still miss on the day, with its deadline and the working days left
 * or overdue, as `csr list training --missing` lists it for them (model/training-person.ts, training-completion.ts).
 */
import { localized } from "../../core/text.js";
import { repositoryCalendar } from "../../load/calendar.js";
import { trainingRecordDays, trainingSessionVersions } from "../../load/training-records.js";
import { DEFAULT_TRAINING_DAYS } from "../../model/distribution.js";
import { evaluatedIneffective, personTrainingPeriod, refreshersDue, trainingCompletion, trainingPhase } from "../../model/training-completion.js";
import { refresherPhase } from "../../model/retraining.js";
import { personSessions } from "../../model/training-person.js";
import type { Person } from "../../model/types.js";
import type { Table } from "../table.js";
import { csrsOn, departmentName, documentAsOfNotes, documentsOn, peopleOf, personName, t, type RegisterContext } from "./context.js";
import { standingText } from "./training-missing.js";
import { evaluationText, sessionColumns } from "./training.js";

/**
 * The training file of `person` dated `today` (YYYY-MM-DD): the sessions held by that day, and what they miss on it;
 * with `trainedOnly`, the sessions alone (csr site's person page, which lists what they owe in a section of its own).
 */
export function trainingPersonRegister(ctx: RegisterContext, options: { today: string; person: Person; trainedOnly?: boolean }): Table {
  const { today, person, trainedOnly = false } = options;
  const config = ctx.repo.config?.value;
  const days = config?.document_control?.training_days ?? DEFAULT_TRAINING_DAYS;
  const calendar = repositoryCalendar(config);
  const versions = trainingSessionVersions(ctx.repo);
  const title = (kind: "document" | "csr", id: string) => {
    const value = kind === "document" ? ctx.index.documents.get(id)?.value : ctx.index.csrs.get(id)?.value;
    return value ? localized(ctx.lang, value.title, value.title_en) : "";
  };
  const held = personSessions(
    person,
    ctx.repo.documents.map((d) => d.value),
    ctx.repo.csrs.map((c) => c.value),
    today,
    versions,
  );
  const documents = documentsOn(ctx, today).list;
  const all = trainedOnly ? [] : trainingCompletion(documents, csrsOn(ctx, today), peopleOf(ctx), config, today, trainingRecordDays(ctx.repo), versions, ctx.index.customers);
  const open = all.filter((item) => item.missing.includes(person.id));
  // How each session stands for them: a session evaluated not effective by the day, or whose assessment they failed, did
  // not train them (training-completion.ts), and the title does not count it among 已培训 (tester72 Q5).
  const standing = (s: (typeof held)[number]) =>
    s.way === "sign-in" ? "sign-in" : evaluatedIneffective(s.session, today) ? "ineffective" : s.way !== "trainer" && (s.session.failed ?? []).includes(person.id) ? "failed" : "trained";
  const trainedRows = held.map((s) => ({
    date: s.session.date,
    subject: s.id,
    title: title(s.kind, s.id),
    revision: s.revision ?? "",
    way: t(ctx, `register.training-person.way.${s.way}`, { department: departmentName(ctx, person.department) }),
    trainer: personName(ctx, s.session.trainer),
    record: s.session.record ?? "",
    due: null,
    // Its effectiveness evaluation, once made (培训效果评价): 无效 means this session trained nobody (evaluatedIneffective).
    state: [
      t(ctx, `register.training-person.state.${standing(s)}`),
      ...(s.session.evaluation !== undefined && s.session.evaluation.date <= today ? [t(ctx, "register.training-person.state.evaluation", { evaluation: evaluationText(ctx, s.session.evaluation) })] : []),
    ].join(t(ctx, "register.remarks-separator")),
  }));
  // A row of training owed (no session yet): the document or CSR and its version, the session's fields blank.
  const owed = (item: (typeof all)[number]) => ({ date: null, subject: item.id, title: title(item.kind, item.id), revision: item.revision, way: "", trainer: "" });
  const missingRows = open.map((item) => {
    // Trained by a record whose trainees csr does not know (a record number alone, a sign-in sheet): not late, nor on time,
    // as the missing-training list reads it — the record tells whether they were there.
    const recordOnly = item.recordsOnly.length > 0 && item.trained.length === 0;
    const period = recordOnly ? undefined : personTrainingPeriod(item, person);
    const phase = period === undefined ? undefined : trainingPhase(calendar, period.start, days, today, period.ahead);
    return {
      ...owed(item),
      // A record number whose trainees are on the record (名单见签到表) may hold them: named, to look up.
      record: recordOnly ? item.recordsOnly.join(t(ctx, "register.list-separator")) : "",
      due: phase?.due ?? null,
      state: recordOnly
        ? t(ctx, "train.state.recorded")
        : phase
          ? t(ctx, "register.training-person.state.missing", { standing: standingText(ctx, phase) })
          : t(ctx, "register.training-person.state.missing-undated"),
    };
  });
  // Refresher training (复训, training.retrain_months) due by today: what they owe again, with its day (tester75 Q11).
  const refresherRows = all.flatMap((item) =>
    refreshersDue(item, today)
      .filter((r) => r.person === person.id)
      .map((r) => ({
        ...owed(item),
        record: "",
        due: r.due,
        state: [t(ctx, "register.training-missing.refresher", { last: r.last, months: item.retrainMonths! }), standingText(ctx, refresherPhase(calendar, r.due, today))].join(t(ctx, "register.remarks-separator")),
      })),
  );
  missingRows.push(...refresherRows);
  const rows = [...trainedRows, ...missingRows];
  const trained = held.filter((s) => standing(s) !== "ineffective" && standing(s) !== "failed").length;
  const name = personName(ctx, person.id);
  const department = departmentName(ctx, person.department);
  return {
    id: "training-person",
    title: t(ctx, "register.training-person.title", { person: name, department, date: today, trained, missing: missingRows.length }),
    asOf: { date: today, undatedTitle: t(ctx, "register.training-person.title-undated", { person: name, department, trained, missing: missingRows.length }) },
    sheet: t(ctx, "register.training-person.sheet"),
    columns: [
      ...sessionColumns(ctx),
      { key: "way", header: t(ctx, "register.training-person.column.way") },
      { key: "trainer", header: t(ctx, "register.training.column.trainer"), kind: "name" },
      { key: "record", header: t(ctx, "register.training.column.record"), kind: "id" },
      { key: "due", header: t(ctx, "register.training-missing.column.due"), date: true },
      { key: "state", header: t(ctx, "register.training-person.column.state"), remarks: true },
    ],
    rows: rows.map((row, i) => ({ no: i + 1, ...row })),
    notes: [
      t(ctx, "register.training-person.note", { days }),
      ...documentAsOfNotes(ctx, today, documents.filter((d) => open.some((o) => o.kind === "document" && o.id === d.id))),
    ],
    listHints: missingRows.length > 0 ? [t(ctx, "register.training-missing.hint-train")] : [],
  };
}
