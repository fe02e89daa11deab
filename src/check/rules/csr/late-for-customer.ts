import { repositoryCalendar } from "../../../load/calendar.js";
import { t } from "../../../i18n/index.js";
import { revisionName } from "../../../i18n/values.js";
import { workdaysLate } from "../../../model/calendar.js";
import { lateForCustomer, type CustomerDate } from "../../../model/customer-schedule.js";
import type { ChangedFile, Rule } from "../../rule.js";

/**
 * What a rule comparing a CSR's implementation with the customer's date reads of a changed file (RuleScope
 * `reads`): the CSR's source revision, decision and implementation, and the customer's sources' 实施日期
 * (`effective`); shared with csr/implementation-overdue.
 */
export function readsCustomerDates(f: ChangedFile): unknown {
  return f.kind === "csr"
    ? [f.data.id, f.data.customer, f.data.source.document, f.data.source.revision, f.data.superseded, f.data.review?.decision?.disposition, f.data.implementation]
    : f.kind === "customer"
      ? [f.data.code, (f.data.sources ?? []).map((s) => [s.id, s.revisions.map((r) => [r.revision, r.effective])])]
      : null;
}

/**
 * IATF 16949 7.5.3.2.2: customer standards and changes are implemented on the customer's schedule,
 * and the date each goes into production is recorded to prove it. The internal due date was the only
 * date compared (csr/implementation-overdue), so a CSR put into production after the customer's
 * 实施日期, on an internal due date that was itself after it, passed unseen (tester52 D8).
 */
export const rule: Rule = {
  id: "csr/late-for-customer",
  severity: "warning",
  scope: {
    files: "all",
    reads: readsCustomerDates,
  },
  summary: "A CSR is implemented, or planned to be, after the customer's date for it, and no reason is recorded.",
  docs: {
    description:
      "A CSR to be implemented (decided `must` or `optional`, not superseded) whose date implemented in production (`implementation.implemented`), or, not yet implemented, whose internal due date (`implementation.due`), is after the customer's date for it: the `effective` date (实施日期) of the source revision it is on, in `customers/<CODE>.yaml`, or the CSR's own `implementation.required_by`; and no reason is recorded (`implementation.late_reason`). {{#IATF16949}}IATF 16949 7.5.3.2.2 asks for customer standards and changes to be implemented on the customer's schedule, with the date of implementation in production recorded to prove it.{{/IATF16949}}{{^IATF16949}}{{cite:requirements-change}} asks that a change of requirements reach the documents and the people concerned; the customer's date is when it must be in place.{{/IATF16949}}",
    bad: `
# source: DYA-SQM revision D, effective 2026-11-01 in customers/DYA.yaml
implementation: {owner: wang, due: 2026-11-15, status: implemented, implemented: 2026-11-16, evidence: QR-020-01}
`,
    good: `
# the customer agreed 2026-11-20 in writing
implementation: {owner: wang, due: 2026-11-15, required_by: 2026-11-20, status: implemented, implemented: 2026-11-16, evidence: QR-020-01}
`,
    fix: "Not yet implemented: bring the due date forward to the customer's date with `csr implement <CSR> --due <date>`. Where the customer agreed a later date in writing, record it with `csr implement <CSR> --required-by <date>` and keep the agreement with the evidence. Implemented late with no such agreement: take it to the corrective action process and record why, with the customer informed and the corrective action's number, with `csr implement <CSR> --late-reason \"...\"`; the finding then goes away, and the CSR list and matrix still show the lateness, with the reason.",
  },
  check(ctx) {
    const calendar = repositoryCalendar(ctx.repo.config?.value);
    const whose = (schedule: CustomerDate) =>
      schedule.own ? t("rule.csr/late-for-customer.own", { date: schedule.date }) : t("rule.csr/late-for-customer.source", { date: schedule.date, source: schedule.source, revision: revisionName(schedule.revision) });
    for (const { value: csr, file } of ctx.repo.csrs) {
      if (!ctx.keeps(file)) continue;
      const late = lateForCustomer(csr, ctx.index.customers.get(csr.customer)?.value);
      // The reason recorded (the customer informed, the corrective action) settles it; the registers still show the lateness.
      if (!late || csr.implementation?.late_reason !== undefined) continue;
      const data = { csr: csr.id, date: late.date, customer: whose(late.customer), required: late.customer.date, count: workdaysLate(calendar, late.customer.date, late.date) };
      ctx.report({ file, path: ["implementation", late.field] }, t(late.field === "implemented" ? "rule.csr/late-for-customer.implemented" : "rule.csr/late-for-customer.due", data));
    }
  },
};
