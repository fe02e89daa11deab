import { sentences, t } from "../../../i18n/index.js";
import { repositoryCalendar } from "../../../load/calendar.js";
import { lateNotices, noticeCustomer, noticeNotified, noticeTiming, signRevisionArguments } from "../../../model/customer-notices.js";
import type { Rule } from "../../rule.js";
import { readsCustomerNotices } from "./customer-notices.js";

/**
 * A revision's change notified to a customer after its due date (`customer_notices[].due`, the customer's
 * change_notification, e.g. DYA-004's 5 working days) with no reason recorded: the breach stays reportable,
 * as csr/late-for-customer keeps a CSR implemented after the customer's date, until the reason is recorded
 * (`late_reason`; csr show and csr history still print the lateness, with it). IATF 16949 8.5.6.1.
 */
export const rule: Rule = {
  id: "doc/customer-notice-late",
  severity: "warning",
  scope: { files: "all", reads: readsCustomerNotices },
  summary: "A change was notified to a customer after its due date, and no reason is recorded.",
  docs: {
    description:
      "A revision's notice to a customer (`customer_notices`) whose day notified (`notified`) is after its due date (`due`: the time the customer's file sets to notify a change, `change_notification`), and no reason is recorded (`late_reason`). The customer was told late: the breach of its requirement is reported until the reason (the customer informed, the corrective action) is on the record; `csr show` and `csr history` keep printing the lateness, with the reason. Not for a withdrawn document. The customer is notified of a change, and approves it where it requires ({{cite:customer-change-notice}}).",
    bad: `
    customer_notices:
      - {customer: DYA, due: 2026-11-17, notified: 2026-11-20}
`,
    good: `
    customer_notices:
      - {customer: DYA, due: 2026-11-17, notified: 2026-11-20, late_reason: 东岳SQE出差，2026-11-16 电话告知，书面提交延后}
`,
    fix: "Record why the notification was late, with the customer informed and the corrective action's number: `csr sign <document> --late-reason \"DYA=<reason>\"` (with `--revision <version>` for a revision older than the newest, as the finding says); the finding then goes away, and `csr show` and `csr history` still show the lateness, with the reason.",
  },
  check(ctx) {
    const calendar = repositoryCalendar(ctx.repo.config?.value);
    for (const { value: doc, file } of ctx.index.documents.values()) {
      for (const { revision, at, notice, noticeAt } of lateNotices(doc)) {
        const timing = noticeTiming(notice, calendar) as { late: number };
        ctx.report(
          { file, path: ["revisions", at, "customer_notices", noticeAt, "notified"] },
          sentences(
            t("rule.doc/customer-notice-late", { id: doc.id, version: revision.version, code: notice.customer, date: noticeNotified(notice)!, due: notice.due!, count: timing.late, ...noticeCustomer(notice.customer, ctx.index.customers.get(notice.customer)?.value) }),
            t("rule.doc/customer-notice-late.fix", { arg: signRevisionArguments(doc, at, notice.customer, "late-reason"), code: notice.customer }),
          ),
        );
      }
    }
  },
};
