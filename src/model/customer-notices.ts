/**
 * A change notified to or approved by the customer (顾客通知/批准): a revision's `customer_notices`, with the
 * due date the customer's `change_notification` gives (DYA-004: control plan updated and submitted to the SQE
 * within 5 working days of a product or process change). IATF 16949 8.5.6.1 (customer notification and, where
 * required, approval of a change), 8.3.6.1 and PPAP.
 */
import { localized, shellArgument } from "../core/text.js";
import { language, t, translate, type Lang } from "../i18n/index.js";
import { actionById } from "./actions.js";
import { stepDeadlineDue, workdaysLate, type WorkCalendar } from "./calendar.js";
import type { ControlledDocument, CorrectiveAction, Csr, Customer, CustomerNotice, Revision } from "./types.js";

/**
 * The customers a revision of document `document` owes a notice of its change, in the order met: the customers of
 * the complaints it carries out (`actions`, their records' `customer`), those whose change notice it carries out
 * (`ecn` numbered `CODE-…`, e.g. DYA-ECN-2026-201), then, for a work instruction or form (its control plan, PFMEA,
 * instruction or check sheet for their part: how the product is made and checked), those whose CSRs it addresses,
 * unless the revision is editorial (编辑性修改: no change to the product or process). A procedure meeting their
 * requirements changes the quality system, not the product or process: it owes a notice only by its ECN or complaint,
 * or when --customer-notified names the customer. Only customers whose file sets `change_notification` (DYA-004:
 * 5 working days) are owed one: the others set no time to notify, and a notice is recorded when given
 * (--customer-notified). IATF 16949 8.5.6.1 (the customer notified of a change of product realization).
 */
export function customersOwedNotice(
  sources: { customers: readonly Customer[]; csrs: readonly Csr[]; actions: readonly CorrectiveAction[] },
  document: Pick<ControlledDocument, "id" | "kind">,
  revision: Pick<Revision, "actions" | "ecn" | "editorial">,
): Customer[] {
  const productOrProcess = document.kind === "instruction" || document.kind === "form";
  const codes = [
    ...(revision.actions ?? []).flatMap((id) => actionById(sources.actions.map((value) => ({ value })), id)?.value.customer ?? []),
    // dya-ecn-2026-201 or ＤＹＡ-… as written on the customer's notice is DYA's as much as DYA-ECN-2026-201.
    ...sources.customers.filter((c) => (revision.ecn ?? []).some((n) => n.normalize("NFKC").toUpperCase().startsWith(`${c.code.toUpperCase()}-`))).map((c) => c.code),
    ...(revision.editorial || !productOrProcess ? [] : sources.csrs.filter((c) => (c.addressed ?? []).some((a) => a.document === document.id)).map((c) => c.customer)),
  ];
  return [...new Set(codes)].flatMap((code) => sources.customers.filter((c) => c.code === code && c.change_notification !== undefined));
}

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

/** The notices of `doc`'s revisions that pass `test`, with where they are; none for a withdrawn document. */
function noticesWhere(doc: ControlledDocument, test: (notice: CustomerNotice) => boolean): NoticeAt[] {
  if (doc.status === "obsolete") return [];
  return (doc.revisions ?? []).flatMap((revision, at) => (revision.customer_notices ?? []).flatMap((notice, noticeAt) => (test(notice) ? [{ revision, at, notice, noticeAt }] : [])));
}

/**
 * Whether `notice` is overdue on `today` (YYYY-MM-DD): its due date (the customer's change_notification, e.g.
 * DYA-004) is before that day and no day notified, nor an approval (noticeNotified), is recorded. IATF 16949 8.5.6.1.
 */
export function noticeOverdue(notice: CustomerNotice, today: string): boolean {
  return notice.due !== undefined && notice.due < today && noticeNotified(notice) === undefined;
}

/**
 * The day the customer is known to have been told of the change: the day notified, else the day it approved the
 * change (a customer approves a change it was told of: its approval on a day proves the notice by that day, IATF
 * 16949 8.5.6.1); undefined when neither is recorded.
 */
export function noticeNotified(notice: Pick<CustomerNotice, "notified" | "approved">): string | undefined {
  return notice.notified ?? notice.approved;
}

/** Whether `notice` was notified (noticeNotified: or approved) after its due date (the customer's change_notification, e.g. DYA-004). */
function noticeLate(notice: CustomerNotice): boolean {
  const notified = noticeNotified(notice);
  return notice.due !== undefined && notified !== undefined && notified > notice.due;
}

/** Whether `notice` was notified after its due date with no reason recorded (`late_reason`): what doc/customer-notice-late reports. */
export function noticeLateWithoutReason(notice: CustomerNotice): boolean {
  return noticeLate(notice) && notice.late_reason === undefined;
}

/**
 * The notices of `doc`'s revisions whose due date is before `today` (YYYY-MM-DD) and that record no day
 * notified (noticeOverdue): what doc/customer-notice-overdue reports. None for a withdrawn document.
 */
export function overdueNotices(doc: ControlledDocument, today: string): NoticeAt[] {
  return noticesWhere(doc, (notice) => noticeOverdue(notice, today));
}

/**
 * The notices of `doc`'s revisions notified after their due date with no reason recorded (`late_reason`,
 * noticeLateWithoutReason): what doc/customer-notice-late reports, as csr/late-for-customer does a CSR
 * implemented after the customer's date. None for a withdrawn document.
 */
export function lateNotices(doc: ControlledDocument): NoticeAt[] {
  return noticesWhere(doc, noticeLateWithoutReason);
}

/**
 * What csr sign is given for a customer, which decides the revision it records on without --revision: a day
 * notified (with or without an approval or a reason), an approval alone, a late reason alone, the evidence of a
 * notification alone (its reference or to whom), the evidence of an approval alone.
 */
export type SignGiven = "notified" | "approved" | "late-reason" | "reference" | "approval-reference";

/**
 * The indexes of the revisions of `doc` that owe customer `code` what csr sign is given (`given`): for a day
 * notified, a notice due and not notified; for an approval alone, the newest notice notified and not approved
 * (the approval lands on the revision awaiting it, the latest change the customer was told of when several
 * are); for a late reason alone, a notice notified late with no reason, else the last one notified late (a
 * reason given again: its revision says it has one); for the evidence of a notification (approval) alone, the newest
 * notified (approved) without it. Oldest first; empty when none owes it. IATF 16949 8.5.6.1.
 */
export function owingRevisions(doc: ControlledDocument, code: string, given: SignGiven): number[] {
  const of = (test: (n: CustomerNotice) => boolean) => (doc.revisions ?? []).flatMap((r, at) => ((r.customer_notices ?? []).some((n) => n.customer === code && test(n)) ? [at] : []));
  if (given === "notified") return of((n) => n.due !== undefined && noticeNotified(n) === undefined);
  // An approval is the notice by its day (noticeNotified): it may answer a revision notified, or one still owing the notice.
  if (given === "approved") return of((n) => n.approved === undefined && (n.notified !== undefined || n.due !== undefined)).slice(-1);
  // Evidence alone lands on the newest notice notified (approved) without it, as an approval does.
  if (given === "reference") return of((n) => n.notified !== undefined && (n.reference === undefined || n.to === undefined)).slice(-1);
  if (given === "approval-reference") return of((n) => n.approved !== undefined && n.approval_reference === undefined).slice(-1);
  const owing = of(noticeLateWithoutReason);
  return owing.length > 0 ? owing : of(noticeLate).slice(-1);
}

/**
 * The arguments of csr sign that name revision `at` of `doc` for customer `code` (`given`: what the printed
 * command gives, SignGiven): the document, and `--revision <version>` unless `at` is the newest revision and csr
 * sign without --revision would pick it (the one revision owing the customer, owingRevisions, else the newest when
 * none does). csr sign refuses several revisions owing a notification or a late reason without --revision, so a
 * command printed for the newest of them names it; an older revision is always named.
 */
export function signRevisionArguments(doc: ControlledDocument, at: number, code: string, given: SignGiven): string {
  const revisions = doc.revisions ?? [];
  const owing = owingRevisions(doc, code, given);
  const picked = owing.length === 0 ? revisions.length - 1 : owing.length === 1 ? owing[0] : undefined;
  return at === revisions.length - 1 && picked === at ? shellArgument(doc.id) : `${shellArgument(doc.id)} --revision ${shellArgument(revisions[at]!.version)}`;
}

/**
 * The customer of a notice as a message names it: `customer` its name in the run's language (its code when
 * `customer` is unknown), `csr` "，DYA-004" / ", DYA-004" (the CSR that sets the time to notify a change, its
 * change_notification.csr) or "". For the customer-notice rules and csr release/csr sign's lines.
 */
export function noticeCustomer(code: string, customer: Customer | undefined): { customer: string; csr: string } {
  const csr = customer?.change_notification?.csr;
  return { customer: customer ? localized(language(), customer.name, customer.name_en) : code, csr: csr ? t("rule.doc/customer-notice-overdue.csr", { csr }) : "" };
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
              : // A dated revision before the complaint is doc/revision-before-action's (one mistake, one finding): only an undated one's notice is compared with it.
                revision.date === undefined
                ? complaints.filter((c) => date < c.date).map((c) => ({ what: "received" as const, date: c.date, action: c.action }))[0]
                : undefined;
        if (before) return [{ revision, at, notice, noticeAt, field, before }];
      }
      return [];
    });
  });
}

/**
 * When `notice` was notified (noticeNotified: or approved) against its due date: `late` with the working days on
 * `calendar` past it (at least 1: a day off after the due date still counts), `on-time`, or undefined when it has
 * no due date or no day notified nor approved (IATF 16949 8.5.6.1; the due date is the customer's change_notification, e.g. DYA-004).
 */
export function noticeTiming(notice: CustomerNotice, calendar: WorkCalendar): { late: number } | "on-time" | undefined {
  const notified = noticeNotified(notice);
  if (notice.due === undefined || notified === undefined) return undefined;
  return notified <= notice.due ? "on-time" : { late: Math.max(workdaysLate(calendar, notice.due, notified), 1) };
}

/**
 * A revision's customer notices, one text per notification or approval recorded (or notification still due),
 * as csr show, csr history, the change report and the site print them: "2026-11-20 通知顾客 DYA（逾期 3 个工作日，
 * 要求 2026-11-17 前）", "2026-11-20 通知顾客 DYA（按期，要求 2026-11-25 前）", "2026-11-24 顾客 DYA 批准", "须于
 * 2026-11-25 前通知顾客 DYA"; an approval with no notification recorded counts as notified that day (noticeNotified):
 * "2026-12-07 顾客 DYA 批准，即已通知（按期，要求 2026-12-14 前）"; a late one with its reason (`late_reason`, csr sign --late-reason); each with its
 * evidence where recorded (noticeEvidence: "…，致 刘涛，凭证 PCN-2026-07"). Working days
 * are counted on `calendar` (load/calendar.ts repositoryCalendar). Empty when the revision has none.
 */
export function customerNoticeTexts(revision: Pick<Revision, "customer_notices">, lang: Lang, calendar: WorkCalendar): string[] {
  return (revision.customer_notices ?? []).flatMap((n) => {
    const timing = noticeTiming(n, calendar);
    const reason = n.late_reason !== undefined ? translate(lang, "revision.notice.late-reason", { reason: n.late_reason }) : "";
    const when =
      timing === undefined ? "" : timing === "on-time" ? translate(lang, "revision.notice.on-time", { due: n.due! }) : translate(lang, "revision.notice.late", { count: timing.late, due: n.due!, reason });
    return [
      n.notified !== undefined
        ? translate(lang, "revision.notice.notified", { code: n.customer, date: n.notified, timing: when }) + noticeEvidence(lang, n.to, n.reference)
        : n.due !== undefined && n.approved === undefined
          ? translate(lang, "revision.notice.due", { code: n.customer, due: n.due })
          : "",
      n.approved !== undefined
        ? translate(lang, n.notified === undefined ? "revision.notice.approved-as-notified" : "revision.notice.approved", { code: n.customer, date: n.approved, timing: n.notified === undefined ? when : "" }) +
          noticeEvidence(lang, undefined, n.approval_reference)
        : "",
    ].filter(Boolean);
  });
}

/**
 * The evidence of a notification or approval as its text follows it: to whom (`to`) and what was sent or received
 * and its number (`reference`, `approval_reference`): "，致 刘涛，凭证 PCN-2026-07" / ", to 刘涛, ref. PCN-2026-07";
 * "" when neither is recorded. What an auditor asks for beside the day (IATF 16949 8.5.6.1).
 */
export function noticeEvidence(lang: Lang, to: string | undefined, reference: string | undefined): string {
  return (to !== undefined ? translate(lang, "revision.notice.to", { to }) : "") + (reference !== undefined ? translate(lang, "revision.notice.reference", { reference }) : "");
}

/** customerNoticeTexts joined as one cell ("；" in Chinese): csr show's revision line, csr history's 顾客通知/批准 column. */
export function customerNoticesText(revision: Pick<Revision, "customer_notices">, lang: Lang, calendar: WorkCalendar): string {
  return customerNoticeTexts(revision, lang, calendar).join(translate(lang, "register.remarks-separator"));
}
