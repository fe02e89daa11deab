/**
 * The customer's schedule for a CSR (IATF 16949 7.5.3.2.2: customer standards and changes are
 * implemented on the customer's schedule, and the date each goes into production is recorded to
 * prove it). The customer states the day a revision of its document is to be met (实施日期,
 * `effective` of the source revision in customers/<CODE>.yaml); every CSR taken from that revision
 * is then due in production by that day, whatever internal due date (完成期限) the organisation set.
 * A requirement the customer dates on its own (自2027年1月1日起), or a later date the customer agreed
 * in writing, is recorded on the CSR (`implementation.required_by`, `csr implement --required-by`)
 * and takes the place of the revision's.
 */
import type { ControlledDocument, Csr, Customer } from "./types.js";
import { decidedToMeet, rejectedOutright } from "./decision.js";
import { addressedOnlyAfter } from "./csr-status.js";

/** The customer's date a CSR is to be in production by: its own (`own`), or its source revision's 实施日期. */
export interface CustomerDate {
  date: string;
  own: boolean;
  source: string;
  revision: string;
}

/**
 * The customer's date for `csr`: its own `implementation.required_by`, else the 实施日期 of the source revision it is on.
 * A CSR decided not to be met (不适用, 不合理) has no revision's date to meet: none, so that the registers, the review
 * report and `csr show` do not print one beside its decision (note36). A date recorded on the CSR itself stays printed.
 */
export function customerDate(csr: Csr, customer: Customer | undefined): CustomerDate | undefined {
  const of = { source: csr.source.document, revision: csr.source.revision };
  const own = csr.implementation?.required_by;
  if (own !== undefined) return { date: own, own: true, ...of };
  if (notToBeMet(csr)) return undefined;
  const source = customer?.sources?.find((s) => s.id === csr.source.document);
  const date = source?.revisions.find((r) => r.revision === csr.source.revision)?.effective;
  return date === undefined ? undefined : { date, own: false, ...of };
}

/** Whether `csr` was decided not to be met: 不适用 or 不合理. */
function notToBeMet(csr: Csr): boolean {
  const decision = csr.review?.decision;
  return decision?.disposition === "not-applicable" || rejectedOutright(decision);
}

/** Whether `csr` is to be implemented at all: decided must or optional, and not superseded. */
function toImplement(csr: Csr): boolean {
  return !csr.superseded && decidedToMeet(csr.review?.decision);
}

/**
 * How the implementation of `csr` misses the customer's date: put into production after it
 * (`implemented`), or, not yet in production, planned for after it (`due`). Undefined when it
 * meets the date, has none, or is not to be implemented.
 */
export function lateForCustomer(csr: Csr, customer: Customer | undefined): { customer: CustomerDate; field: "implemented" | "due"; date: string } | undefined {
  const schedule = customerDate(csr, customer);
  if (!schedule || !toImplement(csr)) return undefined;
  const { implemented, due } = csr.implementation ?? {};
  if (implemented !== undefined) return implemented > schedule.date ? { customer: schedule, field: "implemented", date: implemented } : undefined;
  return due !== undefined && due > schedule.date ? { customer: schedule, field: "due", date: due } : undefined;
}

/**
 * Whether the implementation of `csr` is overdue on `today` (YYYY-MM-DD), the one definition that
 * csr/implementation-overdue, the CSR list's footer and the management review inputs count by: a CSR
 * not superseded, not decided 不适用 or 不合理, decided must or optional or with an implementation
 * recorded, not implemented or verified, whose deadline (implementationDeadline: the earlier of
 * `implementation.due` and the customer's date, IATF 16949 7.5.3.2.2: on the customer's schedule) is
 * before `today`. Returns that deadline, or undefined when it is not overdue.
 */
export function implementationOverdue(csr: Csr, customer: Customer | undefined, today: string): { date: string; customer?: CustomerDate } | undefined {
  const decision = csr.review?.decision;
  if (csr.superseded || rejectedOutright(decision) || decision?.disposition === "not-applicable") return undefined;
  // A decided CSR with no implementation recorded is as overdue on the customer's date (note36); an undecided one is its review's finding.
  if (!csr.implementation && !decidedToMeet(decision)) return undefined;
  if (csr.implementation?.status === "implemented" || csr.implementation?.status === "verified") return undefined;
  const deadline = implementationDeadline(csr, customer);
  return deadline !== undefined && deadline.date < today ? deadline : undefined;
}

/**
 * The day by which `csr` is overdue for implementation: the earlier of its internal due date and the
 * customer's date (either may be missing); undefined when it has neither.
 */
export function implementationDeadline(csr: Csr, customer: Customer | undefined): { date: string; customer?: CustomerDate } | undefined {
  const due = csr.implementation?.due;
  const schedule = customerDate(csr, customer);
  if (schedule && (due === undefined || schedule.date < due)) return { date: schedule.date, customer: schedule };
  return due === undefined ? undefined : { date: due };
}

/**
 * The day the organisation put revision `revision` of the customer's source document `sourceId` into
 * production, when that is known by `today` (YYYY-MM-DD): every CSR taken from it (on it now, not
 * superseded) is decided by then, and every one decided to be met (must, optional) is in production
 * by then — on its `implementation.implemented` day (csr implement), else on the day the last of the
 * documents addressing it took effect (the revisions its links address it from: addressedOnlyAfter).
 * The latest of those days; undefined when a CSR is undecided, one to be met has neither, or none is
 * to be met (nothing of the revision was put into production). The customer's 实施日期 (`effective`)
 * is the day by which the revision must be met; a supplier working to it earlier is usual (IATF 16949
 * 7.5.3.2.2: implemented by the customer's required date, the date of implementation recorded), and
 * the 外来文件清单 then says it is in use from this day (tester77 E11).
 */
export function revisionImplementedOn(csrs: readonly Csr[], customer: string, sourceId: string, revision: string, document: (id: string) => ControlledDocument | undefined, today: string): string | undefined {
  const taken = csrs.filter((c) => c.customer === customer && c.source.document === sourceId && c.source.revision === revision && !c.superseded);
  if (taken.some((c) => c.review?.decision === undefined || c.review.decision.date > today)) return undefined;
  const toMeet = taken.filter((c) => decidedToMeet(c.review?.decision));
  if (toMeet.length === 0) return undefined;
  let latest = "";
  for (const csr of toMeet) {
    const day = inProductionOn(csr, document);
    if (day === undefined || day > today) return undefined;
    if (day > latest) latest = day;
  }
  return latest;
}

/** The day `csr` went into production: its implemented day, else the day the last place addressing it took effect; undefined when not known (a place not released yet). */
function inProductionOn(csr: Csr, document: (id: string) => ControlledDocument | undefined): string | undefined {
  const implemented = csr.implementation?.implemented;
  if (implemented !== undefined) return implemented;
  // Every place takes effect after the empty day: addressedOnlyAfter names them all, each with its day.
  const places = addressedOnlyAfter(csr, document, "");
  if (places === undefined || places.some((p) => p.effective === undefined)) return undefined;
  return places.map((p) => p.effective!).sort().at(-1);
}
