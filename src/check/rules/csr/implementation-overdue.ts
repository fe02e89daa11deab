import type { Rule } from "../../rule.js";
import { t } from "../../../i18n/index.js";
import { revisionName } from "../../../i18n/values.js";
import { implementationOverdue } from "../../../model/customer-schedule.js";
import { readsCustomerDates } from "./late-for-customer.js";

/** IATF 16949 7.5.3.2.2: changes are implemented on the customer's schedule, so a missed due date is a finding. */
export const rule: Rule = {
  id: "csr/implementation-overdue",
  severity: "error",
  // The customer's 实施日期 is its source revision's, in the customer's file.
  scope: {
    files: "all",
    reads: readsCustomerDates,
  },
  clock: true,
  summary: "A CSR is past its implementation due date and not implemented.",
  docs: {
    description:
      "A CSR whose `implementation.due` date, or the customer's date for it if earlier (the `effective` date of its source revision in `customers/<CODE>.yaml`, or its own `implementation.required_by`), is before today (or `--today`) while its implementation status is not `implemented` or `verified`; and a CSR decided to be met (must or optional) with no `implementation` recorded at all whose customer's date has passed. Rejected, not-applicable and superseded CSRs are not reported. {{#IATF16949}}IATF 16949 7.5.3.2.2 asks for changes to be implemented on the customer's schedule, with the date of implementation in production recorded.{{/IATF16949}}{{^IATF16949}}{{cite:requirements-change}} asks that a change of requirements reach the documents and the people concerned; the due date is when it must be in place.{{/IATF16949}}",
    bad: `
implementation: {owner: wang, due: 2026-11-15, status: in-progress}   # checked on 2026-11-27
`,
    good: `
implementation: {owner: wang, due: 2026-11-15, status: implemented, implemented: 2026-11-16, evidence: QR-020-01}
`,
    fix: "Once implemented, record the date implemented in production and the evidence with `csr implement <CSR> --implemented <date> --evidence <evidence>`. Where the internal due date has passed, agree a new one and record it with `csr implement <CSR> --due <date>`. Where the customer's date has passed, only the customer moves it: record the later date they agreed in writing with `csr implement <CSR> --required-by <date>` (a new `--due` leaves the customer's date passed, and so does a plan recorded with `--owner` and `--due` on a CSR without an implementation record).",
  },
  check(ctx) {
    // The owner as the people register names them, with the id the file holds.
    const ownerName = (id: string) => {
      const person = ctx.index.people.get(id)?.value;
      return person && person.name !== id ? t("value.code-with-label", { code: person.name, label: id }) : id;
    };
    for (const { value: csr, file } of ctx.repo.csrs) {
      // Its findings are in the CSR's own file: with a CSR kept in part, the second run (engine.ts) needs only those.
      if (!ctx.keeps(file)) continue;
      const implementation = csr.implementation;
      // The customer's date when it comes first (IATF 16949 7.5.3.2.2: on the customer's schedule), as the CSR list and the management review count it.
      const deadline = implementationOverdue(csr, ctx.index.customers.get(csr.customer)?.value, ctx.options.today);
      if (!deadline) continue;
      const schedule = deadline.customer;
      if (!implementation) {
        ctx.report({ file, path: ["review", "decision"] }, t("rule.csr/implementation-overdue.none", { csr: csr.id, due: t(schedule!.own ? "rule.csr/implementation-overdue.customer-own" : "rule.csr/implementation-overdue.customer-source", { date: schedule!.date, source: schedule!.source, revision: revisionName(schedule!.revision), ahead: "" }) }));
        continue;
      }
      // The customer's date is named as theirs, with the internal due date it comes before.
      const due = !schedule
        ? deadline.date
        : t(schedule.own ? "rule.csr/implementation-overdue.customer-own" : "rule.csr/implementation-overdue.customer-source", {
            date: schedule.date,
            source: schedule.source,
            revision: revisionName(schedule.revision),
            ahead: implementation.due === undefined ? "" : t("rule.csr/implementation-overdue.ahead", { due: implementation.due }),
          });
      const data = { csr: csr.id, due, status: t(`value.implementation.${implementation.status ?? "planned"}`) };
      ctx.report(
        { file, path: implementation.due !== undefined ? ["implementation", "due"] : implementation.required_by !== undefined ? ["implementation", "required_by"] : ["implementation"] },
        // The customer's date decides: a new due date (--due) leaves it passed; their later date agreed in writing (--required-by) moves it (tester67b B4).
        schedule
          ? implementation.owner
            ? t("rule.csr/implementation-overdue.customer-with-owner", { ...data, owner: ownerName(implementation.owner) })
            : t("rule.csr/implementation-overdue.customer", data)
          : implementation.owner
            ? t("rule.csr/implementation-overdue.with-owner", { ...data, owner: ownerName(implementation.owner) })
            : t("rule.csr/implementation-overdue", data),
      );
    }
  },
};
