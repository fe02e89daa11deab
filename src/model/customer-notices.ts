/**
 * A change notified to or approved by the customer (顾客通知/批准): a revision's `customer_notices`, with the
 * due date the customer's `change_notification` gives (DYA-004: control plan updated and submitted to the SQE
 * within 5 working days of a product or process change). IATF 16949 8.5.6.1 (customer notification and, where
 * required, approval of a change), 8.3.6.1 and PPAP.
 */
import { translate, type Lang } from "../i18n/index.js";
import { stepDeadlineDue, workdaysLate, type WorkCalendar } from "./calendar.js";
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
 * The notices of `doc`'s revisions notified after their due date with no reason recorded (`late_reason`):
 * what doc/customer-notice-late reports, as csr/late-for-customer does a CSR implemented after the customer's
 * date. None for a withdrawn document.
 */
export function lateNotices(doc: ControlledDocument): NoticeAt[] {
  if (doc.status === "obsolete") return [];
  return (doc.revisions ?? []).flatMap((revision, at) =>
    (revision.customer_notices ?? []).flatMap((notice, noticeAt) =>
      notice.due !== undefined && notice.notified !== undefined && notice.notified > notice.due && notice.late_reason === undefined ? [{ revision, at, notice, noticeAt }] : [],
    ),
  );
}

/**
 * A notice's day that cannot be right as recorded (what doc/customer-notice-out-of-order reports): `field` is
 * the day (notified or approved); `before` what it comes before: the notification of the same customer (an
 * approval), the revision's date (the change it is of did not exist yet), or the day the customer's complaint
 * the revision carries out (`action`, its `actions`) was received.
 */
export interface NoticeDateProblem extends NoticeAt {
  field: "notified" | "approved";
  before: { what: "notified" | "revision" | "received"; date: string; action?: string };
}

/**
 * The first day of each notice of `doc` that comes before what it follows (NoticeDateProblem), notification
 * first: one finding per notice, the next one showing once it is corrected. `received` gives an action
 * record's day received by its id (undefined for an unknown one: ref/unresolved's finding). IATF 16949
 * 8.5.6.1: the customer is notified of a change, and approves it once notified.
 */
export function noticeDateProblems(doc: ControlledDocument, received: (action: string) => string | undefined): NoticeDateProblem[] {
  return (doc.revisions ?? []).flatMap((revision, at) => {
    const complaints = (revision.actions ?? []).flatMap((action) => {
      const date = received(action);
      return date === undefined ? [] : [{ action, date }];
    });
    return (revision.customer_notices ?? []).flatMap((notice, noticeAt): NoticeDateProblem[] => {
      for (const field of ["notified", "approved"] as const) {
        const date = notice[field];
        if (date === undefined) continue;
        const before: NoticeDateProblem["before"] | undefined =
          field === "approved" && notice.notified !== undefined && date < notice.notified
            ? { what: "notified", date: notice.notified }
            : revision.date !== undefined && date < revision.date
              ? { what: "revision", date: revision.date }
              : complaints.filter((c) => date < c.date).map((c) => ({ what: "received" as const, date: c.date, action: c.action }))[0];
        if (before) return [{ revision, at, notice, noticeAt, field, before }];
      }
      return [];
    });
  });
}

/**
 * When `notice` was notified against its due date: `late` with the working days on `calendar` past it (at
 * least 1: a day off after the due date still counts), `on-time`, or undefined when it has no due date or no
 * day notified (IATF 16949 8.5.6.1; the due date is the customer's change_notification, e.g. DYA-004).
 */
export function noticeTiming(notice: CustomerNotice, calendar: WorkCalendar): { late: number } | "on-time" | undefined {
  if (notice.due === undefined || notice.notified === undefined) return undefined;
  return notice.notified <= notice.due ? "on-time" : { late: Math.max(workdaysLate(calendar, notice.due, notice.notified), 1) };
}

/**
 * A revision's customer notices, one text per notification or approval recorded (or notification still due),
 * as csr show, csr history, the change report and the site print them: "2026-11-20 通知顾客 DYA（逾期 3 个工作日，
 * 要求 2026-11-17 前）", "2026-11-20 通知顾客 DYA（按期，要求 2026-11-25 前）", "2026-11-24 顾客 DYA 批准", "须于
 * 2026-11-25 前通知顾客 DYA"; a late one with its reason (`late_reason`, csr sign --late-reason). Working days
 * are counted on `calendar` (load/calendar.ts repositoryCalendar). Empty when the revision has none.
 */
export function customerNoticeTexts(revision: Pick<Revision, "customer_notices">, lang: Lang, calendar: WorkCalendar): string[] {
  return (revision.customer_notices ?? []).flatMap((n) => {
    const timing = noticeTiming(n, calendar);
    const reason = n.late_reason !== undefined ? translate(lang, "revision.notice.late-reason", { reason: n.late_reason }) : "";
    const when =
      timing === undefined ? "" : timing === "on-time" ? translate(lang, "revision.notice.on-time", { due: n.due! }) : translate(lang, "revision.notice.late", { count: timing.late, due: n.due!, reason });
    return [
      n.notified !== undefined ? translate(lang, "revision.notice.notified", { code: n.customer, date: n.notified, timing: when }) : n.due !== undefined ? translate(lang, "revision.notice.due", { code: n.customer, due: n.due }) : "",
      n.approved !== undefined ? translate(lang, "revision.notice.approved", { code: n.customer, date: n.approved }) : "",
    ].filter(Boolean);
  });
}

/** customerNoticeTexts joined as one cell ("；" in Chinese): csr show's revision line, csr history's 顾客通知/批准 column. */
export function customerNoticesText(revision: Pick<Revision, "customer_notices">, lang: Lang, calendar: WorkCalendar): string {
  return customerNoticeTexts(revision, lang, calendar).join(translate(lang, "register.remarks-separator"));
}
