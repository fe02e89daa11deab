import { sentences, t } from "../../../i18n/index.js";
import { noticeCustomer, overdueNotices, signRevisionArguments } from "../../../model/customer-notices.js";
import type { Rule } from "../../rule.js";
import { readsCustomerNotices } from "./customer-notices.js";

/**
 * A revision's change to be notified to a customer (`customer_notices[].due`: the customer's change_notification,
 * e.g. DYA-004's control plan resubmitted within 5 working days of a product or process change) with no day
 * notified once that due date has passed. IATF 16949 8.5.6.1: the customer is notified of a change, and approves
 * it where it requires. One finding per revision and customer, at the due date.
 */
export const rule: Rule = {
  id: "doc/customer-notice-overdue",
  severity: "warning",
  scope: { files: "all", reads: readsCustomerNotices },
  clock: true,
  summary: "A change to be notified to a customer has no notification recorded by its due date.",
  docs: {
    description:
      "A revision that concerns a customer gets the last day to notify that customer (`customer_notices[].due`) when the customer's file sets the time for it (`change_notification`, e.g. its CSR asking for the control plan to be updated and resubmitted within 5 working days of a product or process change): a revision of a work instruction or form addressing one of its CSRs (its control plan, PFMEA, work instruction or check sheet; not an editorial revision, `--editorial`; a procedure changes the quality system, not the product or process), one carrying out its change notice (`csr release --ecn DYA-ECN-…`, numbered with its code) or its complaint (`--action`), and one notified to it (`--customer-notified`, `--customer-approved`). Once that day has passed with no `notified` date and no approval (`approved`: a customer approves a change it was told of, so its approval on a day is the notice by that day), the change is reported: the customer has not been told, or it was not recorded. Not for a withdrawn document. The customer is notified of a change, and approves it where it requires ({{cite:customer-change-notice}}).",
    bad: `
    customer_notices:
      - {customer: DYA, due: 2026-11-25}
`,
    good: `
    customer_notices:
      - {customer: DYA, due: 2026-11-25, notified: 2026-11-20}
`,
    fix: "Record the day the change was notified (and approved): `csr sign <document> --customer-notified DYA=<date>` (`--customer-approved DYA=<date>`), with `--revision <version>` for a revision older than the newest, as the finding says; tell the customer now if it was not.",
  },
  check(ctx) {
    const { today } = ctx.options;
    for (const { value: doc, file } of ctx.index.documents.values()) {
      for (const { revision, at, notice, noticeAt } of overdueNotices(doc, today)) {
        ctx.report(
          { file, path: ["revisions", at, "customer_notices", noticeAt, "due"] },
          sentences(
            t("rule.doc/customer-notice-overdue", { id: doc.id, version: revision.version, code: notice.customer, due: notice.due!, ...noticeCustomer(notice.customer, ctx.index.customers.get(notice.customer)?.value) }),
            t("rule.doc/customer-notice-overdue.fix", { arg: signRevisionArguments(doc, at, notice.customer, "notified"), code: notice.customer }),
          ),
        );
      }
    }
  },
};
