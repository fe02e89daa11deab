/**
 * The customers a revision's change is notified to or approved by (Revision `customer_notices`), as
 * `csr release --customer-notified/--customer-approved <code>[=<date>]` and `csr sign` record them: a customer
 * named, or one the revision owes a notice (model/customer-notices.ts customersOwedNotice: its complaint carried out,
 * its change notice, its CSRs addressed) when its file sets the time to notify a change (`change_notification`, e.g.
 * DYA-004: 5 working days), gets the due date counted from the day the revision takes effect (IATF 16949 8.5.6.1).
 */
import { UserError } from "../../core/errors.js";
import { shellArgument } from "../../core/text.js";
import { language, t } from "../../i18n/index.js";
import { repositoryCalendar } from "../../load/calendar.js";
import type { Repository } from "../../load/repository.js";
import { workdaysLate, type WorkCalendar } from "../../model/calendar.js";
import { customersOwedNotice, noticeCustomer, noticeDue, noticeEvidence, noticeOverdue, noticeTiming } from "../../model/customer-notices.js";
import type { ControlledDocument, Customer, CustomerNotice, Revision } from "../../model/types.js";
import { eventDateOption } from "../options.js";
import { customerGiven } from "../../model/customers.js";

/** `DYA` or `DYA=2026-11-20` as given to --customer-notified/--customer-approved: the customer and the day, `otherwise` when none is written. Errors: UserError for an unknown customer or a date that is not one or after today. */
export function customerDay(repo: Repository, given: string, flag: string, otherwise: string | undefined): { customer: Customer; date: string } {
  const at = given.indexOf("=");
  const customer = customerNamed(repo, (at < 0 ? given : given.slice(0, at)).trim(), flag);
  const date = eventDateOption(at < 0 ? otherwise : given.slice(at + 1).trim(), flag);
  return { customer, date };
}

/** The customer `given` names (its code, full or short name: model/customers.ts), as `flag` (--customer-notified, --customer-approved, --late-reason) names it. Errors: UserError naming the flag, with the nearest code. */
export function customerNamed(repo: Repository, given: string, flag: string): Customer {
  return customerGiven(repo.customers.map((c) => c.value), given, flag);
}

/**
 * A release's notices: one per customer, in the order first met — the customers `revision` of document `doc` owes a
 * notice (customersOwedNotice: its complaints, its customer change notices, the customers whose CSRs a work
 * instruction or form addresses, each when its file sets `change_notification`), then those --customer-notified and --customer-approved
 * name —, each with its due date when the customer sets one (from `effective`), and the days given (`released`, the
 * release's date, for a code without one). Errors: UserError for an unknown customer, a date that is not one or
 * after today, an approval before the notification of the same customer (refuseApprovalBeforeNotification,
 * naming `doc`'s id and the revision's version).
 */
export function releaseNotices(
  repo: Repository,
  doc: Pick<ControlledDocument, "id" | "kind">,
  revision: Pick<Revision, "version" | "actions" | "ecn" | "editorial">,
  notified: readonly string[],
  approved: readonly string[],
  effective: string,
  released: string,
): CustomerNotice[] {
  const calendar = repositoryCalendar(repo.config?.value);
  const notices: CustomerNotice[] = [];
  const owed = customersOwedNotice({ customers: repo.customers.map((c) => c.value), csrs: repo.csrs.map((c) => c.value), actions: repo.actions.map((a) => a.value) }, doc, revision);
  for (const customer of owed) noticeFor(notices, customer, effective, calendar);
  for (const given of notified) {
    const { customer, date } = customerDay(repo, given, "--customer-notified", released);
    noticeFor(notices, customer, effective, calendar).notified = date;
  }
  for (const given of approved) {
    const { customer, date } = customerDay(repo, given, "--customer-approved", released);
    noticeFor(notices, customer, effective, calendar).approved = date;
  }
  for (const notice of notices) refuseApprovalBeforeNotification(doc.id, revision.version, notice);
  return notices;
}

/**
 * Refuses a notice whose approval is dated before the notification of the same customer: a customer approves
 * a change it was told of (IATF 16949 8.5.6.1). For csr release and csr sign; doc/customer-notice-out-of-order
 * finds one written otherwise. Errors: UserError, one line.
 */
export function refuseApprovalBeforeNotification(id: string, version: string, notice: CustomerNotice): void {
  if (notice.approved !== undefined && notice.notified !== undefined && notice.approved < notice.notified) {
    throw new UserError(t("notice.approved-before-notified", { id, version, code: notice.customer, approved: notice.approved, notified: notice.notified }));
  }
}

/**
 * The notice of `customer` among `notices` (the `customer_notices` of a revision being released, IATF 16949
 * 8.5.6.1): the one there, else a new one pushed at the end, with the due date the customer's
 * `change_notification` gives from `effective` (YYYY-MM-DD, the day the revision takes effect; noticeDue) when it
 * sets one. The notice returned is the array's own, for the caller to record its days on. Only a release sets a
 * due date: csr sign adds a customer to a revision without one.
 */
function noticeFor(notices: CustomerNotice[], customer: Customer, effective: string, calendar: WorkCalendar): CustomerNotice {
  const found = notices.find((n) => n.customer === customer.code);
  if (found) return found;
  const due = noticeDue(customer, effective, calendar);
  const notice: CustomerNotice = { customer: customer.code, ...(due ? { due } : {}) };
  notices.push(notice);
  return notice;
}

/**
 * What a release or csr sign says of each notice, in order: notified (on time or late against its due date); or, not
 * notified but approved, nothing yet (the approval says the notice, noticeNotified); or, neither, overdue when its due
 * date is before `today` (YYYY-MM-DD, the day of the run: a revision recorded after the fact, late by at least one
 * working day, as doc/customer-notice-overdue reports it from the next csr check on) else to be notified by its due
 * date, each with how to record it; then approved (as the notice too when
 * no day notified is given, unless `notifiedEarlier`: csr sign recording the approval of a change notified before).
 */
export function noticeLines(repo: Repository, id: string, version: string, today: string, notices: readonly CustomerNotice[], notifiedEarlier = false): string[] {
  const calendar = repositoryCalendar(repo.config?.value);
  return notices.flatMap((notice) => {
    const named = noticeCustomer(notice.customer, repo.customers.find((c) => c.value.code === notice.customer)?.value);
    const data = { id, version, code: notice.customer, customer: named.customer };
    const lines: string[] = [];
    if (notice.notified !== undefined) {
      const when = noticeTiming(notice, calendar);
      const timing = when === undefined ? "" : when === "on-time" ? t("action.on-time", { due: notice.due! }) : t("action.late", { due: notice.due!, count: when.late });
      lines.push(t("notice.notified", { ...data, date: notice.notified, timing, evidence: noticeEvidence(language(), notice.to, notice.reference) }));
    } else if (notice.approved !== undefined) {
      // Said with the approval below.
    } else if (notice.due !== undefined && noticeOverdue(notice, today)) {
      lines.push(t("release.notice-overdue", { ...data, csr: named.csr, due: notice.due, count: Math.max(workdaysLate(calendar, notice.due, today), 1), arg: shellArgument(id) }));
    } else if (notice.due !== undefined) {
      lines.push(t("notice.due", { ...data, due: notice.due, csr: named.csr, arg: shellArgument(id) }));
    }
    if (notice.approved !== undefined) {
      // An approval alone is the proof of the notice by its day (noticeNotified): said with its timing against the due date.
      const asNotified = notice.notified === undefined && !notifiedEarlier;
      const when = asNotified ? noticeTiming(notice, calendar) : undefined;
      const timing = when === undefined ? "" : when === "on-time" ? t("action.on-time", { due: notice.due! }) : t("action.late", { due: notice.due!, count: when.late });
      lines.push(t(asNotified ? "notice.approved-as-notified" : "notice.approved", { ...data, date: notice.approved, timing, evidence: noticeEvidence(language(), undefined, notice.approval_reference) }));
    }
    return lines;
  });
}
