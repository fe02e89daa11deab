/**
 * The customer list (顾客清单) and what one customer's card (csr show <customer>) reads: for each customer of customers/,
 * its source documents with the revision held, its CSRs by status, the reviews open and those past their deadline
 * (IATF 16949 7.5.3.2.2: reviewed within 10 working days), the implementations open, and its complaints and 8D records
 * still open (IATF 16949 10.2.3, 10.2.6), as each stood on `today`.
 */
import { localized } from "../../core/text.js";
import { repositoryCalendar } from "../../load/calendar.js";
import { actionOn, actionStatus, type ActionStatus } from "../../model/actions.js";
import { csrFacts, reviewOpen, CSR_STATUSES, type CsrFacts, type CsrStatus } from "../../model/csr-status.js";
import { heldSourceEdition, type HeldEdition } from "../../model/external-check.js";
import { specialStatusesOn, targetMisses } from "../../model/customers.js";
import type { CorrectiveAction, Csr, Customer, CustomerScorecard, CustomerSpecialStatus, CustomerTargets, SourceDocument } from "../../model/types.js";
import type { Table } from "../table.js";
import { compareIds, t, type RegisterContext } from "./context.js";

/** The statuses whose implementation is still open: decided to be met, not yet implemented (已决定, 待确认落实, 已落实到文件). */
export const IMPLEMENTATION_OPEN_STATUSES: readonly CsrStatus[] = ["decided", "unconfirmed", "addressed"];

/** One customer as on a day (customerStanding). */
export interface CustomerStanding {
  customer: Customer;
  /** Each source document with the revision held on the day (heldSourceEdition; undefined when none is). */
  sources: { source: SourceDocument; held: HeldEdition | undefined }[];
  /** Its CSRs, by id, with their facts on the day. */
  csrs: { csr: Csr; facts: CsrFacts }[];
  /** CSR ids by status, in CSR_STATUSES order, statuses without a CSR left out. */
  byStatus: [CsrStatus, string[]][];
  /** The CSRs whose review is open (received, in review). */
  openReviews: { csr: Csr; facts: CsrFacts }[];
  /** Those of them past their review deadline on the day (daysLeft < 0). */
  overdue: { csr: Csr; facts: CsrFacts }[];
  /** The CSRs decided and not yet implemented (IMPLEMENTATION_OPEN_STATUSES). */
  openImplementations: { csr: Csr; facts: CsrFacts }[];
  /** Its corrective action records (complaints, 8D) received by the day and not closed, by the day received, with their status. */
  openActions: { action: CorrectiveAction; status: ActionStatus }[];
}

/** `customer` as on `today` (YYYY-MM-DD); see CustomerStanding. */
export function customerStanding(ctx: RegisterContext, customer: Customer, today: string): CustomerStanding {
  const config = ctx.repo.config?.value;
  const calendar = repositoryCalendar(config);
  const csrs = ctx.repo.csrs
    .map((c) => c.value)
    .filter((csr) => csr.customer === customer.code && csr.received <= today)
    .sort((a, b) => compareIds(a.id, b.id))
    .map((csr) => ({ csr, facts: csrFacts(csr, { config, calendar, document: (d) => ctx.index.documents.get(d)?.value, today }) }));
  const byStatus = CSR_STATUSES.map((status) => [status, csrs.filter((c) => c.facts.status === status).map((c) => c.csr.id)] as [CsrStatus, string[]]).filter(([, ids]) => ids.length > 0);
  const openReviews = csrs.filter((c) => reviewOpen(c.facts.status));
  const openActions = ctx.repo.actions
    .flatMap(({ value }) => (value.customer === customer.code ? (actionOn(value, today) ?? []) : []))
    .map((action) => ({ action, status: actionStatus(action, today) }))
    .filter((a) => a.status !== "closed")
    .sort((a, b) => a.action.received.localeCompare(b.action.received) || compareIds(a.action.id, b.action.id));
  return {
    customer,
    sources: (customer.sources ?? []).map((source) => ({ source, held: heldSourceEdition(source, today) })),
    csrs,
    byStatus,
    openReviews,
    overdue: openReviews.filter((c) => c.facts.daysLeft !== undefined && c.facts.daysLeft < 0),
    openImplementations: csrs.filter((c) => IMPLEMENTATION_OPEN_STATUSES.includes(c.facts.status)),
    openActions,
  };
}

/**
 * 顾客清单: a row per customer of customers/ in code order — code, name, class, its source documents with the revision held
 * on `today`, its CSRs, those whose review is open, those past their review deadline, the implementations open, the
 * complaints and 8D records open, its latest scorecard against its targets, and any special status in force (a column only
 * when some customer has one). `csr list customers`; `csr show <code>` gives one customer's card.
 */
export function customerRegister(ctx: RegisterContext, options: { today: string }): Table {
  const { today } = options;
  const separator = t(ctx, "register.list-separator");
  const customers = ctx.repo.customers.map((c) => c.value).sort((a, b) => compareIds(a.code, b.code));
  const rows = customers.map((customer, i) => {
    const s = customerStanding(ctx, customer, today);
    return {
      no: i + 1,
      code: customer.code,
      name: localized(ctx.lang, customer.name, customer.name_en),
      class: customer.class ?? "",
      sources: s.sources.map(({ source, held }) => (held ? t(ctx, "register.customers.source", { id: source.id, revision: held.revision }) : source.id)).join(separator),
      csrs: s.csrs.length,
      openReviews: s.openReviews.length,
      overdue: s.overdue.map((c) => c.csr.id).join(separator),
      openImplementations: s.openImplementations.length,
      openActions: s.openActions.map(({ action, status }) => (status === "overdue" ? t(ctx, "register.suppliers.scar-overdue", { id: action.id }) : action.id)).join(separator),
      scorecard: scorecardText(ctx, latestScorecard(customer, today), customer.targets),
      special: specialStatusesOn(customer, today)
        .map((status) => specialStatusText(ctx, status))
        .join(separator),
    };
  });
  return {
    id: "customers",
    title: t(ctx, "register.customers.title", { count: customers.length }),
    sheet: t(ctx, "register.customers.sheet"),
    columns: [
      { key: "no", header: t(ctx, "register.customers.column.no"), kind: "number" },
      { key: "code", header: t(ctx, "register.customers.column.code"), kind: "id" },
      { key: "name", header: t(ctx, "register.customers.column.name"), kind: "name" },
      { key: "class", header: t(ctx, "register.customers.column.class"), kind: "code", printedIfAny: true },
      { key: "sources", header: t(ctx, "register.customers.column.sources"), kind: "list" },
      { key: "csrs", header: t(ctx, "register.customers.column.csrs"), kind: "number" },
      { key: "openReviews", header: t(ctx, "register.customers.column.openReviews"), kind: "number" },
      { key: "overdue", header: t(ctx, "register.customers.column.overdue"), kind: "list" },
      { key: "openImplementations", header: t(ctx, "register.customers.column.openImplementations"), kind: "number" },
      { key: "openActions", header: t(ctx, "register.customers.column.openActions"), kind: "list" },
      { key: "scorecard", header: t(ctx, "register.customers.column.scorecard"), printedIfAny: true },
      // Only when some customer has the organisation in a special status on `today` (IATF 16949 9.1.2.1): most lists keep their columns.
      ...(rows.some((r) => r.special !== "") ? [{ key: "special", header: t(ctx, "register.customers.column.special"), kind: "list" as const }] : []),
    ],
    rows,
    notes: customers.length === 0 ? [t(ctx, "register.customers.none")] : [t(ctx, "register.customers.see")],
  };
}

/** The scorecard of `customer` recorded last by `day` (YYYY-MM-DD), of the latest period; undefined when none. */
export function latestScorecard(customer: Pick<Customer, "scorecards">, day: string): CustomerScorecard | undefined {
  return (customer.scorecards ?? []).filter((s) => s.date <= day).sort((a, b) => a.period.localeCompare(b.period) || a.date.localeCompare(b.date)).at(-1);
}

/**
 * A customer's scorecard as the registers, csr show and the management review give it: "2026-11：PPM 12，交付准时率 98.5%，等级 A，
 * 排名 3/45，抱怨 0 次", what it recorded of them; with the customer's `targets`, the measures worse than them
 * ("；未达目标：PPM 41 > 30") and the action plan ("，措施计划 8D-2026-004") or its lack ("，无措施计划"; IATF 16949 9.3.3.1); ""
 * without one (IATF 16949 9.1.2.1).
 */
export function scorecardText(ctx: RegisterContext, scorecard: CustomerScorecard | undefined, targets?: CustomerTargets): string {
  if (!scorecard) return "";
  const misses = targetMisses(scorecard, targets);
  const parts = [
    ...(scorecard.ppm !== undefined ? [t(ctx, "register.suppliers.rating.ppm", { ppm: scorecard.ppm })] : []),
    ...(scorecard.delivery !== undefined ? [t(ctx, "register.customers.scorecard.delivery", { percent: scorecard.delivery })] : []),
    ...(scorecard.grade !== undefined ? [t(ctx, "register.customers.scorecard.grade", { grade: scorecard.grade })] : []),
    ...(scorecard.rank !== undefined ? [t(ctx, "register.customers.scorecard.rank", { rank: scorecard.rank })] : []),
    ...(scorecard.complaints !== undefined ? [t(ctx, "register.customers.scorecard.complaints", { times: scorecard.complaints })] : []),
  ];
  const text = t(ctx, "register.customers.scorecard", { period: scorecard.period, measures: parts.join(t(ctx, "register.suppliers.rating.separator")) });
  if (misses.length === 0) return scorecard.action_plan ? text + t(ctx, "register.customers.scorecard.plan", { plan: scorecard.action_plan }) : text;
  const missed = misses.map((m) => t(ctx, `register.customers.scorecard.miss.${m.measure}`, { value: m.value, target: m.target })).join(t(ctx, "register.suppliers.rating.separator"));
  return text + t(ctx, "register.customers.scorecard.missed", { missed }) + (scorecard.action_plan ? t(ctx, "register.customers.scorecard.plan", { plan: scorecard.action_plan }) : t(ctx, "register.customers.scorecard.no-plan"));
}

/** "PPM ≤ 30，交付准时率 ≥ 98%": a customer's targets as csr show gives them. */
export function targetsText(ctx: RegisterContext, targets: CustomerTargets): string {
  return [
    ...(targets.ppm !== undefined ? [t(ctx, "register.customers.target.ppm", { ppm: targets.ppm })] : []),
    ...(targets.delivery !== undefined ? [t(ctx, "register.customers.target.delivery", { percent: targets.delivery })] : []),
  ].join(t(ctx, "register.suppliers.rating.separator"));
}

/** "CS1 受控发运一级（自 2026-12-01；已通知认证机构 2026-12-04）": a special status as csr show and the customer list give it. */
export function specialStatusText(ctx: RegisterContext, status: CustomerSpecialStatus): string {
  return t(ctx, status.cb_notified ? "register.customers.special-status.notified" : "register.customers.special-status", {
    status: t(ctx, `customer.special-status.${status.status}`),
    note: status.note ? t(ctx, "register.customers.special-status.note", { note: status.note }) : "",
    from: status.from,
    notified: status.cb_notified ?? "",
  });
}
