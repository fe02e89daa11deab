/**
 * A change notified to or approved by the customer (顾客通知/批准): a revision's `customer_notices`, with the
 * due date the customer's `change_notification` gives (DYA-004: control plan updated and submitted to the SQE
 * within 5 working days of a product or process change). IATF 16949 8.5.6.1 (customer notification and, where
 * required, approval of a change), 8.3.6.1 and PPAP.
 */
import { translate, type Lang } from "../i18n/index.js";
import { stepDeadlineDue, type WorkCalendar } from "./calendar.js";
import type { ControlledDocument, Customer, CustomerNotice, Revision } from "./types.js";

/**
 * The last day to notify `customer` of a change taking effect on `effective` (YYYY-MM-DD): its
 * `change_notification` counted from that day, calendar days or working days on `calendar`; undefined when
 * the customer sets none.
 */
export function noticeDue(customer: Customer, effective: string, calendar: WorkCalendar): string | undefined {
  const rule = customer.change_notification;
  if (rule === undefined) return undefined;
  return stepDeadlineDue(rule, effective, calendar);
}

/** A notice of a document's revision, with where it is: the revision's and the notice's index in their lists. */
export interface NoticeAt {
  revision: Revision;
  at: number;
  notice: CustomerNotice;
  noticeAt: number;
}

/**
 * The notices of `doc`'s revisions whose due date is before `today` (YYYY-MM-DD) and that record no day
 * notified: what doc/customer-notice-overdue reports. None for a withdrawn document.
 */
export function overdueNotices(doc: ControlledDocument, today: string): NoticeAt[] {
  if (doc.status === "obsolete") return [];
  return (doc.revisions ?? []).flatMap((revision, at) =>
    (revision.customer_notices ?? []).flatMap((notice, noticeAt) => (notice.due !== undefined && notice.due < today && notice.notified === undefined ? [{ revision, at, notice, noticeAt }] : [])),
  );
}

/**
 * A revision's customer notices as csr show and csr history print them: each customer notified (on a day),
 * approved (on a day), or still to be notified by its due date, e.g. "通知 DYA 2026-11-20；DYA 批准 2026-11-24".
 * Empty when the revision has none.
 */
export function customerNoticesText(revision: Pick<Revision, "customer_notices">, lang: Lang): string {
  return (revision.customer_notices ?? [])
    .flatMap((n) => [
      n.notified !== undefined ? translate(lang, "revision.notice.notified", { code: n.customer, date: n.notified }) : n.due !== undefined ? translate(lang, "revision.notice.due", { code: n.customer, due: n.due }) : "",
      n.approved !== undefined ? translate(lang, "revision.notice.approved", { code: n.customer, date: n.approved }) : "",
    ])
    .filter(Boolean)
    .join(translate(lang, "register.remarks-separator"));
}
