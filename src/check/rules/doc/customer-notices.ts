/**
 * What the rules of a revision's customer notices share (doc/customer-notice-overdue, doc/customer-notice-late,
 * doc/customer-notice-out-of-order; IATF 16949 8.5.6.1): the part of a changed file they read.
 */
import type { ChangedFile } from "../../rule.js";

/**
 * What the rules of a revision's customer notices read of a changed file (RuleScope `reads`): a document's id,
 * status and, of each revision, its version, date, the complaints it carries out and its notices; a customer's
 * code, names and change_notification (printed in the messages). Null for any other file.
 */
export function readsCustomerNotices(f: ChangedFile): unknown {
  return f.kind === "document"
    ? [f.data.id, f.data.status, (f.data.revisions ?? []).map((r) => [r.version, r.date, r.actions, r.customer_notices])]
    : f.kind === "customer"
      ? [f.data.code, f.data.name, f.data.name_en, f.data.change_notification]
      : null;
}
