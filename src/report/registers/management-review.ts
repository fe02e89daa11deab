/**
 * The management review inputs (管理评审输入) of a period on one page: what IATF 16949 9.3.2.1 asks
 * management review to consider of customer requirements and document control, as the 管理者代表
 * copies it into the 管理评审报告 — CSRs received, review rounds started and how many were decided
 * in time (评审及时率), reviews still open and overdue, implementations open and overdue, customer
 * complaints received, corrective actions closed, open and overdue, changes not notified to the customer in
 * time and changes notified late, the cost of poor quality of the period and the problems concerning product safety, periodic
 * document reviews due and made with their conclusions, documents released and withdrawn, controlled
 * copies overdue for recall or lost, internal audits made and nonconformities raised, processes never
 * audited or past their audit interval, and training completion per revision needing training. Each
 * figure is taken from the register that lists its rows for the same period (its 明细 column names
 * it), so that the page and the registers never disagree; one that the records cannot give is "—"
 * with the reason, not a 0 that reads "checked, none". In a GJB 9001C repository the page cites GJB 9001C 9.3.2's inputs
 * and gives the status of 质量问题归零 (problems raised in the period, 归零 on all ten criteria, closed with evidence
 * lacking, open). Once management-reviews.yaml records a review, the page starts with the status of the previous review's
 * outputs (ISO 9001 9.3.2 a, GJB 9001C 9.3.2 a; previousReviewRows).
 */
import { repositoryCalendar } from "../../load/calendar.js";
import { trainingRecordDays, trainingSessionVersions } from "../../load/training-records.js";
import { DEFAULT_REVIEW_DAYS } from "../../model/csr-status.js";
import { implementationDeadline, implementationOverdue } from "../../model/customer-schedule.js";
import { sourceRevisionsUnreviewed } from "../../model/source-review.js";
import { revisionNameIn } from "../../i18n/values.js";
import { pendingTransition } from "../../model/distribution.js";
import {
  actionsAgainstAudit,
  auditUncounted,
  auditDue,
  defaultAuditMonths,
  auditKind,
  auditorRoster,
  auditsIn,
  auditStanding,
  manufacturingAuditLate,
  nonconformitiesIn,
  outOfCycle,
  ownDepartmentAuditors,
  plansInPeriod,
  threeYearCycle,
  unqualifiedAuditors,
  type AuditEntry,
  type AuditorRoster,
  type AuditStanding,
  type PlanInPeriod,
} from "../../model/process-audits.js";
import { externalAccepted, externalAuditLate, latestReview } from "../../model/external-audits.js";
import { overdueInPeriodFromBefore, overdueUndecided, pastDeadline, reviewRounds, startedIn, tallyRounds, type Period } from "../../model/review-timeliness.js";
import { trainingCompletion, type TrainingCompletion } from "../../model/training-completion.js";
import { awaitsMilitaryReview } from "../../model/zeroing-review.js";
import { AUDIT_KINDS, COST_KINDS, type CostKind, type ControlledDocument, type CorrectiveAction, type Csr, type ManagementReview, type Process } from "../../model/types.js";
import { actionClosed, actionOn, costTotal, COST_SIDES, dueChangesText, sumYuan, openSupplierActions, overdueSteps, ZEROING_PARTS, zeroingComplete, zeroingMissing } from "../../model/actions.js";
import { worksToGjb9001C } from "../../model/citations.js";
import { externalCheckOverdue, heldExternalEdition, heldSourceEdition, nextCheckDue, type HeldEdition } from "../../model/external-check.js";
import { actionRegisterSheet, externalAuditorName, yuanText } from "./actions.js";
import { noticeTiming, overdueNotices } from "../../model/customer-notices.js";
import type { Table } from "../table.js";
import { compareIds, csrsOn, documentsOn, personName, t, type RegisterContext } from "./context.js";
import { distributionRegister } from "./distribution.js";
import { periodAskedNotes, periodWords } from "./period.js";
import { periodicReviewsDueRegister } from "./periodic-reviews.js";
import { decidedToMeet } from "../../model/decision.js";
import { actionGrade, gradeAtOrBelow, suppliers } from "../../model/suppliers.js";
import { lateForCustomerEntries } from "./csr.js";
import { ratingText } from "./suppliers.js";
import { scorecardText } from "./customers.js";
import { objectiveStanding, targetText } from "../../model/objectives.js";
import { objectiveText } from "./objectives.js";
import { outputLabel, outputTally, previousReview } from "../../model/management-reviews.js";

/** `value`: a count or a sum of money as a number (a spreadsheet sums it; printed 35,500 as the detail writes money, the item naming the unit), a rate or "—" as text. */
type Row = { area: string; item: string; value: string | number; detail: string; source: string };

/**
 * The management review inputs of `period` (both days included, its last not after `today`: one asked
 * to run past it, Period.askedTo, is counted up to it and says so), the open items as they stand on its last day; `review`, the
 * management review whose period it is, is named in the title. Rows: 输入项, 指标, 数值, 说明 (the CSRs, documents or
 * people behind the figure), 明细 (the register that lists them, with its command in the README).
 */
export function managementReviewRegister(ctx: RegisterContext, options: { today: string; period: Period; review?: Pick<ManagementReview, "id" | "held"> }): Table {
  const { period, review } = options;
  const day = period.to;
  // ISO 9001 9.3.2 c 2 (the extent to which quality objectives were met) follows c 1's customer feedback, before c 4's corrective actions.
  const rows: Row[] = [...previousReviewRows(ctx, period), ...csrRows(ctx, period), ...objectiveRows(ctx, period), ...actionRows(ctx, period), ...qualityCostRows(ctx, period), ...documentRows(ctx, period), ...auditRows(ctx, period), ...externalAuditRows(ctx, period), ...trainingRows(ctx, day), ...customerRows(ctx, period), ...supplierRows(ctx, period)];
  // A period asked to run past today is counted up to today and says so (tester60 J7: the year's figures asked in December).
  // The inputs of a review's own period name the review in the title (csr list management-review MR-2026, tester82 A3).
  const words = { ...periodWords(ctx, period), ...(review ? { id: review.id, held: review.held } : {}) };
  const title = t(ctx, review ? "register.management-review.title-review" : "register.management-review.title", words);
  // A GJB 9001C repository is reviewed against GJB 9001C 9.3.2's inputs, not IATF 16949 9.3.2.1's (tester68 G7).
  const gjb = worksToGjb9001C(ctx.repo.config?.value) ? "-gjb" : "";
  const notes = [...periodAskedNotes(ctx, period), t(ctx, "register.management-review.note", { ...period }), scopeNote(ctx, gjb), t(ctx, `register.management-review.training-note${gjb}`)];
  return {
    id: "management-review",
    title,
    // The title keeps its period under a heading too: the workbook's sheet and the site page show the
    // title, not the print header, and 期间 figures without their period mean nothing (breaker62 P10).
    // Its CSV, which has neither, carries the period as a last column (breaker62 P10).
    span: {
      label: t(ctx, "register.management-review.span", words),
      untitledTitle: title,
      column: { header: t(ctx, "register.management-review.column.period"), value: t(ctx, "register.management-review.period", words) },
    },
    sheet: t(ctx, "register.management-review.sheet"),
    columns: [
      { key: "no", header: t(ctx, "register.management-review.column.no"), kind: "number" },
      { key: "area", header: t(ctx, "register.management-review.column.area"), kind: "code" },
      { key: "item", header: t(ctx, "register.management-review.column.item") },
      // A sum of money is a number a spreadsheet adds up, shown 35,500 as its detail writes it (Column.grouped; rec82).
      { key: "value", header: t(ctx, "register.management-review.column.value"), kind: "code", grouped: true },
      { key: "detail", header: t(ctx, "register.management-review.column.detail"), kind: "list" },
      { key: "source", header: t(ctx, "register.management-review.column.source") },
    ],
    rows: rows.map((row, i) => ({ no: i + 1, ...row })),
    notes,
    // How to list the rows behind each figure: for the one who runs the command, not on the page for management.
    listHints: [t(ctx, "register.management-review.hint", { ...period })],
  };
}

/**
 * The note saying which inputs of management review the page gives and which come from other records (ISO 9001 9.3.2,
 * IATF 16949 9.3.2.1; GJB 9001C 9.3.2 in a GJB repository, `gjb` "-gjb"): the status of actions from previous reviews is
 * on the page once management-reviews.yaml records a review, the achievement of quality objectives once objectives.yaml
 * records one (the rows previousReviewRows and objectiveRows give then); every other input is always on it or never.
 */
function scopeNote(ctx: RegisterContext, gjb: "" | "-gjb"): string {
  const key = "register.management-review.scope-note";
  const previous = ctx.repo.managementReviews.length > 0;
  const objectives = ctx.repo.objectives.length > 0;
  const on = [...(previous ? [t(ctx, `${key}.previous-on`)] : []), t(ctx, `${key}.requirements`), ...(objectives ? [t(ctx, `${key}.objectives-on`)] : []), t(ctx, `${key}.rest-on${gjb}`)];
  const off = [...(previous ? [] : [t(ctx, `${key}.previous-off`)]), t(ctx, `${key}.changes-off${gjb}`), ...(objectives ? [] : [t(ctx, `${key}.objectives-off${gjb}`)]), t(ctx, `${key}.rest-off${gjb}`)];
  return t(ctx, key, { on: on.join(t(ctx, "common.list-separator")), standard: t(ctx, `${key}.standard${gjb}`), off: off.join(t(ctx, `${key}.off-separator`)) });
}

const ids = (ctx: RegisterContext, list: readonly string[]) => list.join(t(ctx, "register.list-separator"));

/** 85.7%: one decimal at most, as the review-timeliness register's footer prints a rate. */
function percent(part: number, whole: number): string {
  return `${Math.round((part / whole) * 1000) / 10}%`;
}

/**
 * The row maker of one 输入项 `area` of `period`: row(key, value, detail, source, data?) gives the Row whose 指标 is
 * register.management-review.item.<key> with the period's from/to (and `data`, for the item's other placeholders).
 */
function rowOf(ctx: RegisterContext, period: Period, area: string) {
  return (key: string, value: string | number, detail: string, source: string, data: Record<string, string | number> = {}): Row => ({
    area,
    item: t(ctx, `register.management-review.item.${key}` as "register.management-review.item.received", { ...period, ...data }),
    value,
    detail,
    source,
  });
}

/**
 * The status of actions from previous management reviews (ISO 9001 9.3.2 a, GJB 9001C 9.3.2 a), first on the page: the
 * outputs of the review before this one (previousReview: held by the period's last day, its reviewed period ended before
 * it) on that day — done, open and not yet due, overdue (named, with owner and due day), as the 管理评审输出跟踪表 lists
 * them. Once management-reviews.yaml records a review; "—" with the reason when none came before this period's.
 */
function previousReviewRows(ctx: RegisterContext, period: Period): Row[] {
  if (ctx.repo.managementReviews.length === 0) return [];
  const area = t(ctx, "register.management-review.area.previous");
  const source = t(ctx, "register.management-review-outputs.sheet");
  const previous = previousReview(ctx.repo.managementReviews, period.to)?.value;
  if (!previous) return [{ area, item: t(ctx, "register.management-review.item.previous-none"), value: "—", detail: t(ctx, "register.management-review.previous-none", { to: period.to }), source }];
  const tally = outputTally(previous, period.to);
  const total = (previous.outputs ?? []).length;
  const overdue = tally.overdue.map((o) => t(ctx, "register.management-review.previous-overdue", { label: outputLabel(previous, o), text: o.text, owner: personName(ctx, o.owner), due: o.due }));
  return [
    {
      area,
      item: t(ctx, "register.management-review.item.previous", { id: previous.id, held: previous.held, to: period.to }),
      value: t(ctx, "register.management-review.previous-value", { done: tally.done, total }),
      detail: [t(ctx, "register.management-review.previous-counts", { done: tally.done, open: tally.open, overdue: tally.overdue.length }), ...overdue].join(t(ctx, "register.management-review.previous-separator")),
      source,
    },
  ];
}

/**
 * Customer requirements: received in the period; review rounds started in it, on time and late (the
 * review-timeliness register's footer for the same period, tallyRounds), decided in it; reviews open
 * and overdue on its last day; implementations of CSRs to be met not done, and those past their
 * deadline (the earlier of the internal due date and the customer's date, as csr/implementation-overdue).
 */
function csrRows(ctx: RegisterContext, period: Period): Row[] {
  const day = period.to;
  const config = ctx.repo.config?.value;
  const calendar = repositoryCalendar(config);
  const area = t(ctx, "register.management-review.area.csr");
  const reviews = t(ctx, "register.reviews.sheet");
  const list = t(ctx, "register.csr.list.sheet");
  const csrs = csrsOn(ctx, day).sort((a, b) => compareIds(a.customer, b.customer) || compareIds(a.id, b.id));
  const rounds = csrs.flatMap((csr) => reviewRounds(csr, calendar, config, day, ctx.index.customers.get(csr.customer)?.value).map((round) => ({ id: csr.id, csr, round })));
  const started = rounds.filter(({ round }) => startedIn(round, period));
  const tally = tallyRounds(started);
  const judged = tally.onTime + tally.late;
  const received = csrs.filter((c) => c.received >= period.from && c.received <= day).map((c) => c.id);
  const decided = [...new Set(rounds.filter(({ round }) => round.decided !== undefined && round.decided >= period.from && round.decided <= day).map(({ id }) => id))];
  const decisions = rounds.filter(({ round }) => round.decided !== undefined && round.decided >= period.from && round.decided <= day).length;
  const current = rounds.filter(({ round }) => round.closed === undefined && (round.timeliness === "open" || round.timeliness === "overdue"));
  // Overdue from the calendar day after the deadline (tester71 Q9), as a source revision left unreviewed is below, and as
  // the rate above counts it late: one test, pastDeadline.
  const overdue = current.filter(({ round }) => overdueUndecided(round, day));
  // A customer's source revision received and not reviewed (no CSR registered from it, csr/source-unreviewed) is a review
  // open too, and overdue past its period: the figures said 0 while csr check reported one (tester68 G2).
  const customers = [...ctx.index.customers.values()].map((c) => c.value);
  const unreviewed = sourceRevisionsUnreviewed(customers, csrs, day, calendar, config?.csr?.review_days ?? DEFAULT_REVIEW_DAYS);
  const unreviewedLate = unreviewed.filter((u) => pastDeadline(u.due, day));
  const sources = (list: typeof unreviewed) => list.map((u) => t(ctx, "register.management-review.source-unreviewed", { source: u.source.id, named: revisionNameIn(ctx.lang, u.revision.revision) }));
  // The overdue reviews that started before the period, left out of its rate (which counts the rounds started in it): named beside it.
  const before = [
    ...rounds.filter(({ round }) => overdueInPeriodFromBefore(round, period)).map(({ id, round }) => t(ctx, "register.management-review.before-period-item", { id, start: round.start })),
    ...unreviewed.filter((u) => u.revision.received < period.from && pastDeadline(u.due, day)).map((u) => t(ctx, "register.management-review.before-period-item", { id: sources([u])[0]!, start: u.revision.received })),
  ];
  const beforeNote = before.length > 0 ? [t(ctx, "register.management-review.before-period", { count: before.length, ids: ids(ctx, before) })] : [];
  const withBefore = (detail: string) => [detail, ...beforeNote].join(t(ctx, "register.management-review.detail-separator"));
  const toMeet = csrs.filter((c) => !c.superseded && decidedToMeet(c.review?.decision));
  const notDone = toMeet.filter((c) => c.implementation?.status !== "implemented" && c.implementation?.status !== "verified");
  const late = notDone.filter((c) => implementationOverdue(c, ctx.index.customers.get(c.customer)?.value, day) !== undefined);
  const undated = notDone.filter((c) => implementationDeadline(c, ctx.index.customers.get(c.customer)?.value) === undefined);
  // Put into production in the period after the customer's date (csr/late-for-customer), with a reason recorded or not: the
  // overdue count above has only those not yet implemented, and the page said 0 while csr check reported one (tester80 M5).
  const implementedLate = lateForCustomerEntries(ctx, csrs.filter((c) => !c.superseded)).filter((e) => e.field === "implemented" && e.date >= period.from && e.date <= day);
  // The CSR list of the period has the CSRs with a review round started in it: one received before and reviewed again in the
  // period is a row of the list and not of this count, said so that the figure and its 明细见 agree (tester80 M10).
  const rereviewed = [...new Set(started.map(({ id }) => id))].filter((id) => !received.includes(id));
  const rereviewedNote = rereviewed.length > 0 ? [t(ctx, "register.management-review.received-rereviewed", { count: rereviewed.length, ids: ids(ctx, rereviewed) })] : [];
  const row = rowOf(ctx, period, area);
  return [
    row("received", received.length, [ids(ctx, received), ...rereviewedNote].filter(Boolean).join(t(ctx, "register.management-review.detail-separator")), list),
    row("rounds", tally.rounds, "", reviews),
    row("on-time", tally.onTime, "", reviews),
    row("late", tally.late, ids(ctx, tally.lateIds), reviews),
    judged === 0
      ? row("rate", "—", withBefore(t(ctx, "register.management-review.rate-none")), reviews)
      : row(
          "rate",
          percent(tally.onTime, judged),
          withBefore(t(ctx, "register.management-review.rate-detail", { onTime: tally.onTime, judged, pending: tally.pending, ended: tally.ended })),
          reviews,
        ),
    row("decided", decisions, ids(ctx, decided), reviews),
    row("open", current.length + unreviewed.length, ids(ctx, [...current.map(({ id }) => id), ...sources(unreviewed)]), reviews),
    row("overdue", overdue.length + unreviewedLate.length, ids(ctx, [...overdue.map(({ id }) => id), ...sources(unreviewedLate)]), reviews),
    row("to-implement", notDone.length, ids(ctx, notDone.map((c) => c.id)), list),
    toMeet.length > 0 && notDone.length > 0 && undated.length === notDone.length
      ? row("implementation-overdue", "—", t(ctx, "register.management-review.implementation-undated"), list)
      : row("implementation-overdue", late.length, [ids(ctx, late.map((c) => c.id)), ...(undated.length > 0 ? [t(ctx, "register.management-review.implementation-some-undated", { count: undated.length, ids: ids(ctx, undated.map((c) => c.id)) })] : [])].filter(Boolean).join(t(ctx, "register.management-review.detail-separator")), list),
    row("implemented-late", implementedLate.length, ids(ctx, implementedLate.map((e) => e.text)), list),
  ];
}

/**
 * Customer feedback, nonconformities and corrective actions (IATF 16949 9.3.2.1: customer satisfaction incl.
 * complaints and field failures, nonconformities and corrective actions; ISO 9001 / GJB 9001C 9.3.2 c) 2)–3);
 * breaker64 P9), with ids, from the corrective action register (纠正措施台账, each record as it stood on the period's
 * last day: actionOn): the customers' complaints and field failures received in the period; the records closed in
 * it (D8 done); those open on its last day, and of them those with a step past its due date (action/step-overdue,
 * overdueSteps); the changes whose customer notice was due before that day and not recorded as given
 * (doc/customer-notice-overdue, overdueNotices; one given after that day was still owed on it), with their customer and due date;
 * and the changes notified in the period after their due date (doc/customer-notice-late), with the working days late.
 */
function actionRows(ctx: RegisterContext, period: Period): Row[] {
  const day = period.to;
  const gjb = worksToGjb9001C(ctx.repo.config?.value);
  const area = t(ctx, gjb ? "register.management-review.area.actions-gjb" : "register.management-review.area.actions");
  const register = actionRegisterSheet(ctx);
  const records = ctx.repo.actions.flatMap(({ value }) => actionOn(value, day) ?? []).sort((a, b) => a.received.localeCompare(b.received) || compareIds(a.id, b.id));
  const complaints = records.filter((a) => (a.source === "complaint" || a.source === "field-failure") && a.received >= period.from);
  const closed = records.filter((a) => a.steps?.D8?.done !== undefined && a.steps.D8.done >= period.from);
  const open = records.filter((a) => !actionClosed(a));
  const late = actionsLate(ctx, open, day);
  // A notice given after the period was still owed on its last day.
  const owedOn = (doc: ControlledDocument): ControlledDocument => ({
    ...doc,
    ...(doc.revisions && { revisions: doc.revisions.map((r) => (r.customer_notices ? { ...r, customer_notices: r.customer_notices.map(({ notified, ...n }) => (notified !== undefined && notified <= day ? { ...n, notified } : n)) } : r)) }),
  });
  const notices = documentsOn(ctx, day)
    .list.flatMap((doc) => overdueNotices(owedOn(doc), day).map(({ revision, notice }) => t(ctx, "register.management-review.notice-overdue", { revision: `${doc.id} ${revision.version}`, customer: notice.customer, due: notice.due! })))
    .sort(compareIds);
  // Notified in the period after the due date the customer's file sets (doc/customer-notice-late's data; IATF 16949 8.5.6.1): late whether or
  // not a reason was recorded since, which explains the delay and does not undo it (look65 #7).
  const calendar = repositoryCalendar(ctx.repo.config?.value);
  const notifiedLate = documentsOn(ctx, day)
    .list.flatMap((doc) =>
      (doc.revisions ?? []).flatMap((revision) =>
        (revision.customer_notices ?? []).flatMap((notice) => {
          const timing = notice.notified !== undefined && notice.notified >= period.from && notice.notified <= day ? noticeTiming(notice, calendar) : undefined;
          return timing === undefined || timing === "on-time" ? [] : [t(ctx, "register.management-review.notice-late", { revision: `${doc.id} ${revision.version}`, customer: notice.customer, due: notice.due!, notified: notice.notified!, count: timing.late })];
        }),
      ),
    )
    .sort(compareIds);
  const withCustomer = (a: CorrectiveAction) => (a.customer ? t(ctx, "register.management-review.action-customer", { id: a.id, customer: a.customer }) : a.id);
  const row = rowOf(ctx, period, area);
  return [
    row(gjb ? "complaints-gjb" : "complaints", complaints.length, ids(ctx, complaints.map(withCustomer)), register),
    ...(gjb ? zeroingRows(ctx, period, records, row, register) : []),
    row("actions-closed", closed.length, ids(ctx, closed.map((a) => a.id)), register),
    row("actions-open", open.length, ids(ctx, open.map((a) => a.id)), register),
    row("actions-overdue", late.length, ids(ctx, late), register),
    row("notices-overdue", notices.length, ids(ctx, notices), t(ctx, "register.changes.sheet")),
    row("notices-late", notifiedLate.length, ids(ctx, notifiedLate), t(ctx, "register.changes.sheet")),
  ];
}

/**
 * The cost of poor quality of the period and the problems that concern product safety (IATF 16949 9.3.2.1: cost of poor
 * quality, the cost of internal and external nonconformance; 4.4.1.2 product safety), from the records' `cost` and `safety`
 * (csr action cost, csr action open|update --safety), each record as it stood on the period's last day (actionOn): the costs
 * dated in the period summed, by internal failure (scrap, rework, sorting) and external failure (customer charge, warranty),
 * with each kind's sum and the three records of the largest cost in the period; "—" with the reason when no record has any
 * cost, which is not a cost of 0. Then the records flagged safety received in the period or open on its last day. In a GJB
 * 9001C repository the costs are called 质量损失 (internal and external loss), the words of its practice; GJB 9001C 9.3.2
 * names no such input, so no clause is cited there.
 */
function qualityCostRows(ctx: RegisterContext, period: Period): Row[] {
  const day = period.to;
  const gjb = worksToGjb9001C(ctx.repo.config?.value) ? "-gjb" : "";
  const row = rowOf(ctx, period, t(ctx, `register.management-review.area.quality-cost${gjb}`));
  const register = actionRegisterSheet(ctx);
  const records = ctx.repo.actions.flatMap(({ value }) => actionOn(value, day) ?? []).sort((a, b) => compareIds(a.id, b.id));
  const inPeriod = records.map((a) => ({ ...a, cost: (a.cost ?? []).filter((c) => c.date >= period.from) }));
  const separator = t(ctx, "register.management-review.detail-separator");
  const yuan = (amount: number) => t(ctx, "register.management-review.yuan", { amount: yuanText(amount) });
  const sumOf = (kinds: readonly CostKind[]) => sumYuan(inPeriod.map((a) => costTotal(a, kinds)));
  const side = (key: "internal" | "external" | "other", kinds: readonly CostKind[]) => {
    const present = kinds.filter((k) => sumOf([k]) > 0);
    if (key === "other" && present.length === 0) return [];
    const parts = key === "other" ? "" : present.map((k) => `${t(ctx, `action.cost.kind.${k}`)} ${yuanText(sumOf([k]))}`).join(t(ctx, "register.list-separator"));
    return [t(ctx, key === "other" ? "register.management-review.cost-other" : `register.management-review.cost-${key}${gjb}`, { amount: yuan(sumOf(kinds)), parts: parts === "" ? "" : t(ctx, "register.management-review.cost-parts", { parts }) })];
  };
  const largest = inPeriod
    .map((a) => ({ id: a.id, total: costTotal(a) }))
    .filter((a) => a.total > 0)
    .sort((a, b) => b.total - a.total || compareIds(a.id, b.id))
    .slice(0, 3);
  const total = sumOf(COST_KINDS);
  const costRow = !records.some((a) => (a.cost ?? []).length > 0)
    ? row(`cost${gjb}`, "—", t(ctx, `register.management-review.cost-none${gjb}`), register)
    : row(
        `cost${gjb}`,
        // A number, printed as its detail writes money (35,500; the item says 元), written to CSV and a workbook as one (rec82).
        total,
        (total === 0 ? [] : [
          ...side("internal", COST_SIDES.internal),
          ...side("external", COST_SIDES.external),
          ...side("other", ["other"]),
          ...(largest.length > 0 ? [t(ctx, "register.management-review.cost-largest", { items: ids(ctx, largest.map((a) => `${a.id} ${yuan(a.total)}`)) })] : []),
        ]).join(separator),
        register,
      );
  const safety = records.filter((a) => a.safety === true && (a.received >= period.from || !actionClosed(a)));
  const state = (a: CorrectiveAction) => t(ctx, actionClosed(a) ? "register.management-review.safety-closed" : "register.management-review.safety-open", { id: a.id, date: a.steps?.D8?.done ?? "" });
  return [costRow, row("safety", safety.length, ids(ctx, safety.map(state)), register)];
}

/**
 * The open actions of `open` with a step overdue on `day` (overdueSteps), each as "NC-2026-001（D3、D4）"; a step whose due
 * date was moved is named with its changes, so that the review sees what was promised first (tester78 A1).
 */
function actionsLate(ctx: RegisterContext, open: readonly CorrectiveAction[], day: string): string[] {
  const separator = t(ctx, "register.list-separator");
  return open.flatMap((a) => {
    const steps = overdueSteps(a, day);
    const named = steps.map((s) => {
      const changes = dueChangesText(ctx.lang, s, (id) => personName(ctx, id));
      return changes === "" ? s.step : t(ctx, "register.management-review.action-step-changed", { step: s.step, changes });
    });
    return steps.length > 0 ? [t(ctx, "register.management-review.action-steps", { id: a.id, steps: named.join(separator) })] : [];
  });
}

/**
 * The status of 质量问题归零 in a GJB 9001C repository (GJB 9001C-2017 9.3.2 c) 4) nonconformities and corrective actions,
 * 10.2; tester68 G7): the quality problems raised in the period (`records`, each as it stood on its last day), of them
 * those 归零 — closed with the evidence of all ten criteria, technical and management (zeroingComplete, as
 * action/zeroing-incomplete judges) and, when graded 重大 or 严重, reviewed by the 军代表 — those closed and complete but
 * waiting for the 军代表's review (awaitsMilitaryReview: 待军代表评审, tester81 J1), those closed with evidence lacking, each with
 * what each half has, and those open.
 */
function zeroingRows(ctx: RegisterContext, period: Period, records: readonly CorrectiveAction[], row: ReturnType<typeof rowOf>, register: string): Row[] {
  const raised = records.filter((a) => a.received >= period.from);
  const unreviewed = raised.filter((a) => actionClosed(a) && zeroingComplete(a) && awaitsMilitaryReview(a));
  const zeroed = raised.filter((a) => actionClosed(a) && zeroingComplete(a) && !awaitsMilitaryReview(a));
  const lacking = raised.filter((a) => actionClosed(a) && !zeroingComplete(a));
  const open = raised.filter((a) => !actionClosed(a));
  const halves = (a: CorrectiveAction) =>
    t(ctx, "register.management-review.zeroing-halves", {
      id: a.id,
      ...Object.fromEntries(ZEROING_PARTS.map(({ part, criteria }) => [part, `${criteria.length - zeroingMissing(a, criteria).length}/${criteria.length}`])),
    });
  return [
    row("problems", raised.length, ids(ctx, raised.map((a) => a.id)), register),
    row("problems-zeroed", zeroed.length, ids(ctx, zeroed.map((a) => a.id)), register),
    row("problems-unreviewed", unreviewed.length, ids(ctx, unreviewed.map((a) => a.id)), register),
    row("problems-lacking", lacking.length, ids(ctx, lacking.map(halves)), register),
    row("problems-open", open.length, ids(ctx, open.map((a) => a.id)), register),
  ];
}

/**
 * Document control: periodic reviews due by the period's last day and not made (the list of
 * `csr list periodic-reviews --due-by`), made in the period and their conclusions; versions released
 * and documents withdrawn in it; controlled copies past their 应回收日期 on its last day and copies
 * reported lost in it (the distribution register of the period, by state).
 */
function documentRows(ctx: RegisterContext, period: Period): Row[] {
  const day = period.to;
  const area = t(ctx, "register.management-review.area.documents");
  const periodic = t(ctx, "register.periodic-reviews.sheet");
  const due = periodicReviewsDueRegister(ctx, { today: day, dueBy: day }).rows;
  const made = ctx.repo.documents.flatMap(({ value: doc }) => (doc.reviews ?? []).filter((r) => r.date >= period.from && r.date <= day).map((review) => ({ doc, review })));
  const result = (key: "suitable" | "revise" | "withdraw") => made.filter(({ review }) => (review.result ?? "suitable") === key);
  const documents = documentsOn(ctx, day).list.filter((d) => d.kind !== "external" && (d.status === "released" || d.status === "obsolete"));
  const released = documents
    .flatMap((d) => {
      // A revision released in the period to take effect after its last day is not yet practice in force: marked with its 实施日期 (breaker61 M10).
      const pending = pendingTransition(d, day);
      return (d.revisions ?? [])
        .filter((r) => r.date !== undefined && r.date >= period.from && r.date <= day)
        .map((r) => (pending?.pending === r.version ? t(ctx, "register.management-review.released-pending", { revision: `${d.id} ${r.version}`, date: pending.until }) : `${d.id} ${r.version}`));
    })
    .sort(compareIds);
  const withdrawn = documents
    .filter((d) => d.status === "obsolete" && d.obsolete !== undefined && d.obsolete.date >= period.from && d.obsolete.date <= day)
    .map((d) => d.id)
    .sort(compareIds);
  const copies = (state: "recall-overdue" | "lost") => distributionRegister(ctx, { today: day, filter: { state, period } }).rows.map((r) => `${r.number} #${r.copy}`);
  const overdueCopies = copies("recall-overdue");
  const lost = copies("lost");
  const distribution = t(ctx, "register.distribution.sheet");
  const row = rowOf(ctx, period, area);
  const withResult = (key: "suitable" | "revise" | "withdraw") => ids(ctx, result(key).map(({ doc }) => doc.id));
  const external = t(ctx, "register.external.sheet");
  // A figure the records cannot give is "—" with the reason, not a 0 that reads "checked, none" (tester82 A4): no document in
  // force sets a periodic review interval; no controlled copy was ever recorded as issued (csr distribute).
  const noInterval = !documents.some((d) => d.status === "released" && d.review_interval_months !== undefined);
  const noCopies = !ctx.repo.documents.some(({ value }) => (value.distribution ?? []).length > 0);
  const copyRow = (key: "recall-overdue" | "lost", list: readonly string[]) => (noCopies ? row(key, "—", t(ctx, "register.management-review.copies-unrecorded"), distribution) : row(key, list.length, ids(ctx, list), distribution));
  return [
    noInterval ? row("periodic-due", "—", t(ctx, "register.management-review.periodic-no-interval"), t(ctx, "register.periodic-reviews-due.sheet")) : row("periodic-due", due.length, ids(ctx, due.map((r) => String(r.id))), t(ctx, "register.periodic-reviews-due.sheet")),
    row("periodic-made", made.length, "", periodic),
    row("periodic-suitable", result("suitable").length, withResult("suitable"), periodic),
    row("periodic-revise", result("revise").length, withResult("revise"), periodic),
    row("periodic-withdraw", result("withdraw").length, withResult("withdraw"), periodic),
    row("released", released.length, ids(ctx, released), t(ctx, "register.changes.sheet")),
    row("withdrawn", withdrawn.length, ids(ctx, withdrawn), t(ctx, "register.obsolete.sheet")),
    copyRow("recall-overdue", overdueCopies),
    copyRow("lost", lost),
    ...externalRows(ctx, period, row, external),
  ];
}

/**
 * The customers' documents (IATF 16949 4.3.2, 7.5.3.2.2; tester71 Q5): the source documents and new revisions received
 * in the period, each with its revision; and on its last day the external documents held (customer documents and
 * external standards) whose periodic check is overdue, as doc/external-check-due reports them (externalCheckOverdue),
 * with the day it fell due; "—" with the reason when qms.yaml sets no check interval.
 */
function externalRows(ctx: RegisterContext, period: Period, row: ReturnType<typeof rowOf>, source: string): Row[] {
  const day = period.to;
  const months = ctx.repo.config?.value.document_control?.external_check_months;
  const customers = ctx.repo.customers.map((c) => c.value).sort((a, b) => compareIds(a.code, b.code));
  const received = customers.flatMap((c) => (c.sources ?? []).flatMap((s) => s.revisions.filter((r) => r.received >= period.from && r.received <= day).map((r) => `${s.id} ${revisionNameIn(ctx.lang, r.revision)}`)));
  if (months === undefined) return [row("external-received", received.length, ids(ctx, received), source), row("external-check-overdue", "—", t(ctx, "register.management-review.external-check-unset"), source)];
  const overdue = (id: string, held: HeldEdition | undefined) =>
    held?.since !== undefined && externalCheckOverdue(held.since, months, day) ? [t(ctx, "register.management-review.external-check-item", { id, due: nextCheckDue(held.since, months) })] : [];
  const late = [
    ...customers.flatMap((c) => (c.sources ?? []).flatMap((s) => overdue(s.id, heldSourceEdition(s, day)))),
    ...documentsOn(ctx, day)
      .list.filter((d) => d.kind === "external")
      .sort((a, b) => compareIds(a.id, b.id))
      .flatMap((d) => overdue(d.id, heldExternalEdition(d, day))),
  ];
  return [row("external-received", received.length, ids(ctx, received), source), row("external-check-overdue", late.length, ids(ctx, late), source)];
}

/**
 * Internal audits (ISO 9001 / GJB 9001C 9.3.2 c) 4)–5), IATF 16949 9.3.2.1: nonconformities and audit
 * results): the audits held in the period, by kind and by process, and the nonconformities raised in them (the
 * internal audit record of the period, auditsIn; each audit's the greater of its recorded count and the corrective
 * actions opened against it, nonconformitiesRaised); on its last day, the processes never audited and those
 * due for audit (the process list's 状态 and rule process/audit-due, one computation: auditStanding), and under
 * IATF 16949 the manufacturing processes past their manufacturing process audit (process/manufacturing-audit-due,
 * manufacturingAuditLate). Due needs an audit interval: without one on any process it is "—" with the reason, not a 0.
 * Then the programme's performance (IATF 16949 9.2.2.1, last sentence): programmeRows.
 */
function auditRows(ctx: RegisterContext, period: Period): Row[] {
  const day = period.to;
  const config = ctx.repo.config?.value;
  const area = t(ctx, "register.management-review.area.audits");
  const record = t(ctx, "register.audits.sheet");
  const processList = t(ctx, "register.processes.sheet");
  const processes = ctx.repo.processes.map((p) => p.value);
  const roster = auditorRoster(ctx.index.people, config);
  // An audit by an auditor not qualified that day (breaker63 P4) or led from the audited process's own department (tester78 A8) is
  // no audit of the programme (auditUncounted): said beside the count, each reason apart, not in it.
  const held = auditsIn(processes, period.from, day);
  const why = new Map(held.map((a) => [a, auditUncounted(a.process, a.audit, roster)]));
  const audits = held.filter((a) => why.get(a) === undefined);
  const uncounted = held.filter((a) => why.get(a) !== undefined);
  const unqualifiedAudits = uncounted.filter((a) => why.get(a) === "unqualified");
  const ownDepartmentAudits = uncounted.filter((a) => why.get(a) === "own-department");
  const separator = t(ctx, "register.list-separator");
  const detailSeparator = t(ctx, "register.management-review.detail-separator");
  // By process in the order of processes.yaml, those with none left out: "S6 2 次、C3 1 次".
  const byProcess = (count: (code: string) => number, key: "register.management-review.audits-by-process" | "register.management-review.nonconformities-by-process") =>
    processes
      .map((p) => ({ code: p.code, count: count(p.code) }))
      .filter(({ count }) => count > 0)
      .map((data) => t(ctx, key, data))
      .join(separator);
  const countOf = (entries: readonly AuditEntry[]) => (code: string) => entries.filter((a) => a.process.code === code).length;
  // An audit is one report, however many processes it covered (IA-2026-01 of 15 processes is one system audit, tester80 M9);
  // a record without a report number is an audit of its own.
  const auditsOf = (entries: readonly AuditEntry[]) => new Set(entries.map((a) => a.audit.report ?? `${a.process.code} ${a.index}`)).size;
  const reportsOf = (entries: readonly AuditEntry[]) => [...new Set(entries.flatMap((a) => a.audit.report ?? []))].sort(compareIds);
  // Each kind apart (IATF 16949 9.2.2.2 to 9.2.2.4, and the layered process audits beside them; tester78 A5): "体系审核 12 次：C1 2 次、…".
  const byKind = AUDIT_KINDS.flatMap((kind) => {
    const of = audits.filter((a) => auditKind(a.audit) === kind);
    if (of.length === 0) return [];
    const reports = reportsOf(of);
    const data = { kind: t(ctx, `value.audit-kind.${kind}`), count: auditsOf(of), reports: ids(ctx, reports), processes: byProcess(countOf(of), "register.management-review.audits-by-process") };
    return [t(ctx, reports.length > 0 ? "register.management-review.audits-by-kind-reports" : "register.management-review.audits-by-kind", data)];
  });
  // The nonconformities of the audits that count, each audit's the greater of its record and the actions opened against it
  // (tester78 A5: an action opened on a nonconformity the record left out is one raised); those of an audit that does not count are
  // said beside them (另有 …), not dropped: still ones to correct, and its corrective action is among the actions' rows (breaker64 P9).
  const actions = ctx.repo.actions.flatMap(({ value }) => actionOn(value, day) ?? []);
  const raisedIn = (entries: readonly AuditEntry[]) => nonconformitiesIn(entries, actions);
  const raised = raisedIn(audits);
  const raisedUnqualified = raisedIn(unqualifiedAudits);
  const raisedOwnDepartment = raisedIn(ownDepartmentAudits);
  const nonconformitiesOf = (entries: readonly AuditEntry[]) => (code: string) => raisedIn(entries.filter((a) => a.process.code === code));
  const beyondRecord = held.flatMap((entry) => {
    const opened = actionsAgainstAudit(actions, entry.process, entry.audit);
    return opened.length > entry.audit.nonconformities
      ? [t(ctx, "register.management-review.nonconformities-by-actions-item", { report: entry.audit.report, recorded: entry.audit.nonconformities, count: opened.length, ids: ids(ctx, opened.map((a) => a.id).sort(compareIds)) })]
      : [];
  });
  const fallback = defaultAuditMonths(config, processes);
  const standings = processes.map((p) => ({ process: p, code: p.code, standing: auditStanding(p, config, day, roster, fallback) }));
  const marked = (s: { code: string; standing: AuditStanding }) =>
    s.standing.uncounted ? t(ctx, s.standing.uncounted.why === "own-department" ? "register.audit-own-department.code" : "register.audit-uncounted.code", { code: s.code }) : s.code;
  const never = standings.filter((s) => s.standing.state === "never").map(marked);
  const timed = standings.filter((s) => s.standing.months !== undefined);
  // Under IATF 16949 a process without an interval falls due by the three-year cycle of 9.2.2.1, as process/audit-due reports it (tester67a A11).
  const cycled = threeYearCycle(config) ? standings.filter((s) => s.standing.months === undefined) : [];
  const documents = [...ctx.index.documents.values()].map((d) => d.value);
  const outOfTheCycle = cycled.flatMap((s) => {
    const late = outOfCycle(s.process, s.standing, documents, day);
    return late ? [{ ...s, state: late.state }] : [];
  });
  const due = [...timed.filter((s) => auditDue(s.standing)).map((s) => ({ ...s, state: s.standing.state })), ...outOfTheCycle];
  const overdue = due.filter((s) => s.state === "overdue").map((s) => s.code);
  const dueNever = due.filter((s) => s.state === "never").map(marked);
  const untimed = processes.length - timed.length - cycled.length;
  const row = rowOf(ctx, period, area);
  const dueDetail = [
    ...(overdue.length > 0 ? [t(ctx, "register.management-review.audit-overdue", { ids: ids(ctx, overdue) })] : []),
    ...(dueNever.length > 0 ? [t(ctx, "register.management-review.audit-never", { ids: ids(ctx, dueNever) })] : []),
    ...(cycled.length > 0 ? [t(ctx, timed.length === 0 ? "register.management-review.audit-cycle-all" : "register.management-review.audit-cycle", { count: cycled.length })] : []),
    ...(untimed > 0 ? [t(ctx, "register.management-review.audit-untimed", { count: untimed })] : []),
  ].join(detailSeparator);
  const auditDetail = [
    ...byKind,
    ...(unqualifiedAudits.length > 0 ? [t(ctx, "register.audit-uncounted.review", { count: auditsOf(unqualifiedAudits), processes: byProcess(countOf(unqualifiedAudits), "register.management-review.audits-by-process") })] : []),
    ...(ownDepartmentAudits.length > 0 ? [t(ctx, "register.audit-own-department.review", { count: auditsOf(ownDepartmentAudits), processes: byProcess(countOf(ownDepartmentAudits), "register.management-review.audits-by-process") })] : []),
  ];
  return [
    row("audits", auditsOf(audits), auditDetail.join(detailSeparator), record),
    row(
      "nonconformities",
      raised,
      [
        byProcess(nonconformitiesOf(audits), "register.management-review.nonconformities-by-process"),
        ...(raisedUnqualified > 0 ? [t(ctx, "register.management-review.nonconformities-uncounted", { count: raisedUnqualified, processes: byProcess(nonconformitiesOf(unqualifiedAudits), "register.management-review.nonconformities-by-process") })] : []),
        ...(raisedOwnDepartment > 0
          ? [t(ctx, "register.management-review.nonconformities-own-department", { count: raisedOwnDepartment, processes: byProcess(nonconformitiesOf(ownDepartmentAudits), "register.management-review.nonconformities-by-process") })]
          : []),
        ...(beyondRecord.length > 0 ? [t(ctx, "register.management-review.nonconformities-by-actions", { items: ids(ctx, beyondRecord) })] : []),
      ]
        .filter((d) => d !== "")
        .join(detailSeparator),
      record,
    ),
    row("never-audited", never.length, ids(ctx, never), processList),
    timed.length === 0 && cycled.length === 0 ? row("audit-due", "—", t(ctx, "register.management-review.audit-no-interval"), processList) : row("audit-due", due.length, dueDetail, processList),
    ...(threeYearCycle(config) ? [manufacturingRow(ctx, processes, documents, day, roster, row)] : []),
    ...programmeRows(ctx, period, held, actions, roster, row),
  ];
}

/**
 * External audit results (ISO 9001 / GJB 9001C 9.3.2 c) 6), IATF 16949 9.3.2.1), beside the internal audit's rows and never
 * counted among them: from the nonconformities of external audits (records of source external-audit, as they stood on the
 * period's last day) — the audits whose closing meeting fell in the period, each by auditor, kind and report with its
 * nonconformities by grade (an audit that raised none has no record: the item says so); the nonconformities raised in
 * the period, by grade; on the last day those the auditor has not accepted (from any period), and of them those past the
 * auditor's deadline in calendar days (externalAuditLate, as action/external-audit-overdue reports them); those the auditor
 * accepted in the period. IATF Rules 5th ed. 5.11. No rows in a repository that records no external audit's nonconformity.
 */
function externalAuditRows(ctx: RegisterContext, period: Period): Row[] {
  const day = period.to;
  const all = ctx.repo.actions.flatMap(({ value }) => (value.source === "external-audit" && value.external_audit ? (actionOn(value, day) ?? []) : [])).sort((a, b) => compareIds(a.id, b.id));
  if (!ctx.repo.actions.some(({ value }) => value.source === "external-audit")) return [];
  const row = rowOf(ctx, period, t(ctx, "register.management-review.area.external-audits"));
  const register = actionRegisterSheet(ctx);
  const raised = all.filter((a) => a.external_audit!.closing_meeting >= period.from && a.external_audit!.closing_meeting <= day);
  const grades = (list: readonly CorrectiveAction[]) =>
    t(ctx, "register.management-review.external-grades", { major: list.filter((a) => a.external_audit!.grade === "major").length, minor: list.filter((a) => a.external_audit!.grade === "minor").length });
  // One audit is one report of one auditor, however many nonconformities it raised.
  const audits = [...new Map(raised.map((a) => [`${a.external_audit!.auditor}\u0000${a.external_audit!.report}`, a])).values()].map((first) => {
    const e = first.external_audit!;
    const of = raised.filter((a) => a.external_audit!.auditor === e.auditor && a.external_audit!.report === e.report);
    return t(ctx, "register.management-review.external-audit", { auditor: externalAuditorName(ctx, first), type: t(ctx, `value.external-audit-type.${e.type}`), report: e.report, closing: e.closing_meeting, count: of.length, grades: grades(of) });
  });
  const label = (a: CorrectiveAction) => t(ctx, "register.management-review.external-nc", { id: a.id, report: a.external_audit!.report, nc: a.external_audit!.nc, grade: t(ctx, `value.external-nc-grade.${a.external_audit!.grade}`) });
  const open = all.filter((a) => !externalAccepted(a.external_audit!) && a.external_audit!.verification === undefined);
  const late = open.flatMap((a) => {
    const missed = externalAuditLate(a, day);
    return missed.length > 0 ? [t(ctx, "register.management-review.external-late", { nc: label(a), due: missed.at(-1)!.due, count: missed.at(-1)!.days })] : [];
  });
  const accepted = all.filter((a) => {
    const review = latestReview(a.external_audit!);
    return review?.decision === "accepted" && review.date >= period.from && review.date <= day;
  });
  return [
    row("external-audits", audits.length, [...audits, t(ctx, "register.management-review.external-audits-note")].join(t(ctx, "register.management-review.detail-separator")), register),
    row("external-raised", raised.length, raised.length > 0 ? `${grades(raised)}${t(ctx, "register.management-review.detail-separator")}${ids(ctx, raised.map(label))}` : "", register),
    row("external-open", open.length, ids(ctx, open.map(label)), register),
    row("external-late", late.length, ids(ctx, late), register),
    row("external-accepted", accepted.length, ids(ctx, accepted.map(label)), register),
  ];
}

/**
 * Under IATF 16949 9.2.2.3, the manufacturing processes (processes.yaml `manufacturing: true`) with no manufacturing process
 * audit that counts within the three-year cycle on `day`, as process/manufacturing-audit-due reports them (manufacturingAuditLate),
 * each with the day the cycle ended; "—" with the reason when processes.yaml marks no process manufacturing (tester78 A5: the
 * page said 0 processes due while the programme showed C3's manufacturing process audit overdue).
 */
function manufacturingRow(ctx: RegisterContext, processes: readonly Process[], documents: readonly ControlledDocument[], day: string, roster: AuditorRoster, row: ReturnType<typeof rowOf>): Row {
  const programme = t(ctx, "register.audit-programme.sheet");
  if (!processes.some((p) => p.manufacturing === true)) return row("manufacturing-audit-due", "—", t(ctx, "register.management-review.manufacturing-none"), programme);
  const late = processes.flatMap((p) => {
    const found = manufacturingAuditLate(p, documents, day, roster);
    return found ? [t(ctx, found.state === "never" ? "register.management-review.manufacturing-never" : "register.management-review.manufacturing-overdue", { code: p.code, due: found.due })] : [];
  });
  return row("manufacturing-audit-due", late.length, ids(ctx, late), programme);
}

/**
 * The performance of the internal audit programme (IATF 16949 9.2.2.1, last sentence: it is reviewed by top management; 9.3.2.1):
 * the nonconformities of internal audits (corrective actions of `source: audit`, `actions` as they stood on the period's last
 * day) closed in the period, open on its last day and, of those, with a step overdue (overdueSteps, as the actions' rows count
 * them); the audits of the period (`held`) that do not count, by an auditor without the qualification for their kind that day
 * (auditCounts), and those in which an auditor audited their own department's work (ownDepartmentAuditors, 9.2.2 c), each by
 * report; and the audits planned for the period's months against those held (planRow).
 */
function programmeRows(ctx: RegisterContext, period: Period, held: readonly AuditEntry[], actions: readonly CorrectiveAction[], roster: AuditorRoster, row: ReturnType<typeof rowOf>): Row[] {
  const day = period.to;
  const register = actionRegisterSheet(ctx);
  const record = t(ctx, "register.audits.sheet");
  const ofAudits = actions.filter((a) => a.source === "audit").sort((a, b) => compareIds(a.id, b.id));
  const closed = ofAudits.filter((a) => a.steps?.D8?.done !== undefined && a.steps.D8.done >= period.from && a.steps.D8.done <= day);
  const open = ofAudits.filter((a) => !actionClosed(a));
  const late = actionsLate(ctx, open, day);
  const unqualified = held.flatMap(({ process, audit }) => {
    const who = unqualifiedAuditors(audit, roster);
    return who.length > 0 ? [t(ctx, "register.management-review.audit-with", { code: process.code, report: audit.report, names: ids(ctx, who.map(({ person }) => person.name)) })] : [];
  });
  const partial = held.flatMap(({ process, audit }) => {
    const who = ownDepartmentAuditors(process, audit, roster.person);
    return who.length > 0 ? [t(ctx, "register.management-review.audit-with", { code: process.code, report: audit.report, names: ids(ctx, who.map(({ person }) => person.name)) })] : [];
  });
  const judgeable = held.some(({ process, audit }) => process.owner !== undefined && (audit.by ?? []).some((id) => roster.person(id)?.department !== undefined));
  return [
    row("audit-actions-closed", closed.length, ids(ctx, closed.map((a) => a.id)), register),
    row("audit-actions-open", open.length, ids(ctx, open.map((a) => a.id)), register),
    row("audit-actions-overdue", late.length, ids(ctx, late), register),
    // Without any auditor qualification in people.yaml nobody can be told unqualified: "—", not a 0 that reads "all qualified" (tester82 A4).
    roster.marks ? row("audits-unqualified", unqualified.length, ids(ctx, unqualified), record) : row("audits-unqualified", "—", t(ctx, "register.management-review.auditors-unregistered"), record),
    // Whether an auditor audited their own department's work is known only of a process with an owning department and an auditor with a department.
    judgeable || held.length === 0 ? row("audits-own-department", partial.length, ids(ctx, partial), record) : row("audits-own-department", "—", t(ctx, "register.management-review.departments-unrecorded"), record),
    ...planRow(ctx, period, row),
  ];
}

/**
 * The audits of the annual internal audit plan (processes.yaml `planned_audits`, csr process plan) planned for the period's
 * months against those held (plansInPeriod, read as the plan stood on the period's last day; IATF 16949 9.2.2.1 last sentence:
 * the programme's performance reviewed, 9.3.2.1): how many were planned, and by what became of them — held as planned (with
 * the report), not held, cancelled (why), moved out of the period (to which month, why), not yet due — each naming its entries.
 * No row while processes.yaml plans no audit at all.
 */
function planRow(ctx: RegisterContext, period: Period, row: ReturnType<typeof rowOf>): Row[] {
  const processes = ctx.repo.processes.map((p) => p.value);
  // A repository that keeps no plan in processes.yaml (its plan kept elsewhere) gets no row, rather than a count of none.
  if (!processes.some((p) => (p.planned_audits ?? []).length > 0)) return [];
  const plans = plansInPeriod(processes, period.from, period.to);
  const source = t(ctx, "register.management-review.audit-plan-source");
  if (plans.length === 0) return [row("audit-plan", 0, t(ctx, "register.management-review.audit-plan-none"), source)];
  const entry = (p: PlanInPeriod) => {
    const kind = auditKind(p.plan);
    const name = kind === "qms" ? `${p.process.code} ${p.month}` : `${p.process.code} ${p.month} ${t(ctx, `value.audit-kind.${kind}`)}`;
    if (p.outcome === "fulfilled") return t(ctx, "register.management-review.audit-plan-held", { name, report: p.audit!.report });
    if (p.outcome === "cancelled") return t(ctx, "register.management-review.audit-plan-why", { name, reason: p.reason! });
    if (p.outcome === "moved") return t(ctx, p.reason ? "register.management-review.audit-plan-moved-why" : "register.management-review.audit-plan-moved-to", { name, to: p.to!, reason: p.reason ?? "" });
    return name;
  };
  const outcomes = ["fulfilled", "missed", "cancelled", "moved", "pending"] as const;
  const detail = outcomes.flatMap((outcome) => {
    const of = plans.filter((p) => p.outcome === outcome);
    return of.length > 0 ? [t(ctx, `register.management-review.audit-plan-${outcome}`, { count: of.length, entries: ids(ctx, of.map(entry)) })] : [];
  });
  const held = plans.filter((p) => p.outcome === "fulfilled").length;
  return [row("audit-plan", t(ctx, "register.management-review.audit-plan-value", { held, count: plans.length }), detail.join(t(ctx, "register.management-review.detail-separator")), source)];
}

/**
 * Training completion on the period's last day (trainingCompletion): one row per revision needing
 * training — trained of required (%), and who is missing — then the totals. A revision whose training
 * is recorded by record number alone, or whose departments have nobody in people.yaml, shows "—" and
 * is left out of the totals, which say so.
 */
function trainingRows(ctx: RegisterContext, day: string): Row[] {
  const area = t(ctx, "register.management-review.area.training");
  const source = t(ctx, "register.training.sheet");
  const documents = documentsOn(ctx, day).list;
  const csrs: Csr[] = csrsOn(ctx, day);
  const people = [...ctx.index.people.values()].map((p) => p.value);
  const items = trainingCompletion(documents, csrs, people, ctx.repo.config?.value, day, trainingRecordDays(ctx.repo), trainingSessionVersions(ctx.repo), ctx.index.customers).sort(
    (a, b) => (a.kind === b.kind ? compareIds(a.id, b.id) : a.kind === "document" ? -1 : 1),
  );
  if (items.length === 0) return [{ area, item: t(ctx, "register.management-review.item.training-none", { day }), value: "—", detail: t(ctx, "register.management-review.training-none"), source }];
  const names = (list: readonly string[]) => ids(ctx, list.map((id) => personName(ctx, id)));
  const counted = items.filter((i) => !unknown(i));
  const rows = items.map((i): Row => {
    const item = t(ctx, "register.management-review.item.training", { id: i.id, revision: i.revision, day });
    if (i.required.length === 0) return { area, item, value: "—", detail: t(ctx, "register.management-review.training-nobody"), source };
    if (unknown(i)) return { area, item, value: "—", detail: t(ctx, "register.management-review.training-records-only", { records: ids(ctx, i.recordsOnly), count: i.required.length }), source };
    const others = i.otherTrainees.length > 0 ? [t(ctx, "register.management-review.training-others", { count: i.otherTrainees.length, names: ids(ctx, i.otherTrainees) })] : [];
    const missing = i.missing.length > 0 ? [t(ctx, "register.management-review.training-missing", { names: names(i.missing) })] : [];
    return {
      area,
      item,
      value: t(ctx, "register.management-review.training-value", { trained: i.trained.length, required: i.required.length, rate: percent(i.trained.length, i.required.length) }),
      detail: [...missing, ...others].join(t(ctx, "register.management-review.detail-separator")),
      source,
    };
  });
  const required = counted.reduce((n, i) => n + i.required.length, 0);
  const trained = counted.reduce((n, i) => n + i.trained.length, 0);
  const left = items.length - counted.length;
  const total: Row = {
    area,
    item: t(ctx, "register.management-review.item.training-total", { count: counted.length, day }),
    value: required === 0 ? "—" : t(ctx, "register.management-review.training-value", { trained, required, rate: percent(trained, required) }),
    detail: left > 0 ? t(ctx, "register.management-review.training-left-out", { count: left }) : "",
    source,
  };
  return [...rows, total];
}

/** A revision with people to train whose only record of training is a record number given on its own: who it trained is not recorded here. */
function unknown(i: TrainingCompletion): boolean {
  return i.required.length === 0 || (i.recordsOnly.length > 0 && i.trained.length === 0);
}

/**
 * Supplier performance (IATF 16949 9.3.2.1 供方绩效, 8.4.2.4; tester80 M2), from the ratings csr supplier rate records in
 * suppliers/<code>.yaml: the ratings made in the period (their `date` in it), each "RUB01 C（2026-H2：PPM 850，准时率 91%，顾客干扰 1）";
 * of them those at or below qms.yaml `suppliers.action_grade` (default C), each with its open SCARs on the period's last day
 * or 无SCAR, as supplier/rating-without-action judges. "—" with the reason when the approved supplier list has no supplier.
 */
function supplierRows(ctx: RegisterContext, period: Period): Row[] {
  const day = period.to;
  const row = rowOf(ctx, period, t(ctx, "register.management-review.area.suppliers"));
  const source = t(ctx, "register.suppliers.sheet");
  const list = suppliers(ctx.repo);
  // No sheet to annex: the list would be empty.
  if (list.length === 0) return [row("supplier-ratings", "—", t(ctx, "register.management-review.suppliers-none"), "")];
  const rated = list.flatMap((s) => (s.record?.value.ratings ?? []).filter((r) => r.date >= period.from && r.date <= day).map((rating) => ({ code: s.code, rating })));
  const threshold = actionGrade(ctx.repo);
  const actions = ctx.repo.actions.map((a) => a.value);
  const low = rated.filter(({ rating }) => gradeAtOrBelow(rating.grade, threshold));
  const lowText = low.map(({ code, rating }) => {
    const open = openSupplierActions(actions, code, day).map((a) => a.id);
    return t(ctx, open.length > 0 ? "register.management-review.supplier-low-scar" : "register.management-review.supplier-low-none", { code, grade: rating.grade, period: rating.period, ids: ids(ctx, open) });
  });
  return [
    row("supplier-ratings", rated.length, ids(ctx, rated.map(({ code, rating }) => `${code} ${ratingText(ctx, rating)}`)), source),
    row("supplier-ratings-low", low.length, ids(ctx, lowText), source, { grade: threshold }),
  ];
}

/**
 * Customer performance (IATF 16949 9.1.2.1 customer scorecards and portals, 9.3.2.1; tester80 M4), from the scorecards csr
 * customer score records in customers/<CODE>.yaml: those recorded in the period (their `date` in it), by customer in code order
 * and period, each "DYA 2026-11：PPM 12，交付准时率 98.5%，等级 A" (with a measure below the customer's targets and its action plan,
 * IATF 16949 9.3.3.1); "—" with the reason while no customer has any.
 */
function customerRows(ctx: RegisterContext, period: Period): Row[] {
  const row = rowOf(ctx, period, t(ctx, "register.management-review.area.customers"));
  const customers = ctx.repo.customers.map((c) => c.value).sort((a, b) => compareIds(a.code, b.code));
  if (!customers.some((c) => (c.scorecards ?? []).length > 0)) return [row("customer-scorecards", "—", t(ctx, "register.management-review.scorecards-none"), "")];
  const recorded = customers.flatMap((c) =>
    (c.scorecards ?? [])
      .filter((s) => s.date >= period.from && s.date <= period.to)
      .sort((a, b) => a.period.localeCompare(b.period))
      .map((s) => `${c.code} ${scorecardText(ctx, s, c.targets)}`),
  );
  return [row("customer-scorecards", recorded.length, ids(ctx, recorded), t(ctx, "register.customers.sheet"))];
}

/**
 * The extent to which quality objectives were met (质量目标的实现程度; ISO 9001 9.3.2 c 2, IATF 16949 9.3.2.1, GJB 9001C 9.3.2):
 * the objectives of objectives.yaml with a period ended in `period` measured, 达成 when every such period met its target,
 * 未达成 when one did not, each missed one named with its last missed period's value against the target; those with no
 * measurement are counted apart. None while objectives.yaml has no objective (the page's note lists the input as not on it).
 */
function objectiveRows(ctx: RegisterContext, period: Period): Row[] {
  if (ctx.repo.objectives.length === 0) return [];
  const row = rowOf(ctx, period, t(ctx, "register.management-review.area.objectives"));
  let met = 0;
  const missed: string[] = [];
  const unmeasured: string[] = [];
  for (const { value: objective } of ctx.repo.objectives) {
    const standing = objectiveStanding(objective, period.from, period.to);
    if (standing.periods.length === 0) continue;
    if (standing.measured === 0) unmeasured.push(objective.id);
    else if (standing.lastMissed) missed.push(t(ctx, "register.management-review.objective-missed", { id: objective.id, text: objectiveText(ctx, objective), period: standing.lastMissed.period, value: standing.lastMissed.value, unit: objective.unit, target: targetText(objective) }));
    else met++;
  }
  const value = t(ctx, "register.management-review.objectives-value", { met, missed: missed.length });
  const detail = [...missed, ...(unmeasured.length > 0 ? [t(ctx, "register.management-review.objectives-unmeasured", { ids: ids(ctx, unmeasured) })] : [])];
  return [row("objectives", value, ids(ctx, detail), t(ctx, "register.objectives.sheet"))];
}
