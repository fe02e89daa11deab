import { sentences, t } from "../../../i18n/index.js";
import { actionById } from "../../../model/actions.js";
import { noticeDateProblems } from "../../../model/customer-notices.js";
import type { Rule } from "../../rule.js";
import { readsCustomerNotices } from "./customer-notices.js";

/**
 * A revision's notice to a customer dated before what it follows: an approval before the notification of the
 * same customer (the customer approves a change it was told of), a notification or approval before the
 * revision's date (the change did not exist yet: the notice is of another revision, or its day is wrong), or
 * before the day the customer's complaint the revision carries out was received. csr release and csr sign
 * refuse the first two; this finds them written by hand or imported, and the third. IATF 16949 8.5.6.1.
 */
export const rule: Rule = {
  id: "doc/customer-notice-out-of-order",
  severity: "warning",
  scope: { files: "all", reads: readsCustomerNotices },
  summary: "A customer's notification or approval of a change is dated before the notification, the revision or the complaint it follows.",
  docs: {
    description:
      "A revision's notice to a customer (`customer_notices`) whose approval (`approved`) is dated before the notification of that customer (`notified`), or whose notification or approval is dated before the revision's date or, for an undated imported revision, before the day a corrective action record the revision carries out (`actions`) was received (a dated revision before that day is reported by doc/revision-before-action alone). A customer approves a change it was told of, and a notice of a change that did not exist yet is of another revision or wrongly dated. One finding per notice, on its first such day. Evidence of the notification and approval of a change ({{cite:customer-change-notice}}) must be dated as it happened.",
    bad: `
  - version: A/0
    date: 2026-11-16
    customer_notices:
      - {customer: DYA, due: 2026-11-25, notified: 2026-11-20, approved: 2026-11-18}
`,
    good: `
  - version: A/0
    date: 2026-11-16
    customer_notices:
      - {customer: DYA, due: 2026-11-25, notified: 2026-11-20, approved: 2026-11-24}
`,
    fix: "Correct the day as the record of the notification or approval shows; a notice of an earlier revision's change belongs to that revision's `customer_notices` (record it there with `csr sign <document> --revision <version>`).",
  },
  check(ctx) {
    const received = (id: string) => actionById(ctx.repo.actions, id)?.value.received;
    for (const { value: doc, file } of ctx.index.documents.values()) {
      for (const { revision, at, notice, noticeAt, field, before } of noticeDateProblems(doc, received)) {
        const data = { id: doc.id, version: revision.version, code: notice.customer, date: notice[field]!, what: t(`rule.doc/customer-notice-out-of-order.${field}`, { code: notice.customer }), before: before.date, action: before.action ?? "" };
        ctx.report({ file, path: ["revisions", at, "customer_notices", noticeAt, field] }, sentences(t(`rule.doc/customer-notice-out-of-order.before-${before.what}`, data), t("rule.doc/customer-notice-out-of-order.fix")));
      }
    }
  },
};
