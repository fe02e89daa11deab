/**
 * `csr sign <document…> --customer-notified <code>[=<date>] --customer-approved <code>[=<date>]`: records on
 * each document's current revision the day its change was notified to a customer (control plan resubmitted,
 * PPAP) or approved by it (Revision `customer_notices`; IATF 16949 8.5.6.1), usually days after the release.
 * A customer not yet on the revision is added with the due date its `change_notification` gives. A day
 * already recorded is never replaced. Errors (UserError, one line): an unknown customer, a date that is not
 * one or after today, a document without a released revision, a day recorded already.
 */
import { localToday } from "../../core/dates.js";
import { UserError } from "../../core/errors.js";
import { shellArgument } from "../../core/text.js";
import { list, t } from "../../i18n/index.js";
import { repositoryCalendar } from "../../load/calendar.js";
import { currentRevision } from "../../model/index.js";
import type { CustomerNotice } from "../../model/types.js";
import type { CommandContext } from "../context.js";
import { customerDay, noticeFor, noticeLines } from "../release/notices.js";
import { editFile, findDocumentById, saveChanges, withEditSession } from "../shared/edit.js";
import type { FileChange } from "../shared/persist.js";

export interface CustomerNoticeFlags {
  customerNotified?: string[];
  customerApproved?: string[];
  yes?: boolean;
  commit?: boolean;
}

export async function signCustomerNotices(ctx: CommandContext, ids: string[], flags: CustomerNoticeFlags): Promise<number> {
  return withEditSession(ctx, flags.yes, undefined, async (session) => {
    const calendar = repositoryCalendar(session.repo.config?.value);
    const changes: FileChange[] = [];
    const lines: string[] = [];
    const done: string[] = [];
    for (const id of [...new Set(ids)]) {
      const { value: doc, file } = findDocumentById(session, id);
      const current = currentRevision(doc);
      if (!current) throw new UserError(t("notice.no-revision", { id: doc.id }), t("notice.no-revision.hint", { arg: shellArgument(doc.id) }));
      const effective = doc.effective ?? current.effective ?? current.date ?? localToday();
      const notices: CustomerNotice[] = (current.customer_notices ?? []).map((n) => ({ ...n }));
      const touched: CustomerNotice[] = [];
      const record = (given: string, flag: string, what: "notified" | "approved") => {
        const { customer, date } = customerDay(session.repo, given, flag, localToday());
        const notice = noticeFor(notices, customer, effective, calendar);
        if (notice[what] !== undefined) throw new UserError(t("notice.already", { id: doc.id, version: current.version, code: customer.code, what: t(`notice.already.what.${what}`), date: notice[what]! }), t("action.step.done-already.hint", { path: file.path }));
        notice[what] = date;
        if (!touched.includes(notice)) touched.push(notice);
      };
      for (const given of flags.customerNotified ?? []) record(given, "--customer-notified", "notified");
      for (const given of flags.customerApproved ?? []) record(given, "--customer-approved", "approved");
      const at = doc.revisions!.length - 1;
      // Keys in the order csr release writes them: customer, due, notified, approved.
      const ordered = notices.map((n) => ({ customer: n.customer, ...(n.due ? { due: n.due } : {}), ...(n.notified ? { notified: n.notified } : {}), ...(n.approved ? { approved: n.approved } : {}) }));
      changes.push(editFile(session.root, file.path, "document", (yaml) => yaml.setIn(["revisions", at, "customer_notices"], yaml.createNode(ordered))));
      lines.push(...noticeLines(session.repo, doc.id, current.version, touched));
      done.push(`${doc.id} ${current.version}`);
    }
    await saveChanges(ctx, session, changes, lines, { commit: flags.commit, message: t("notice.commit", { documents: list(done) }) });
    return 0;
  });
}
