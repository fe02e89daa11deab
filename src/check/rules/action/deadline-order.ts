import { list, sentences, t } from "../../../i18n/index.js";
import { complaintDeadlines, deadlineBasis, deadlineOwner, deadlinesOutOfOrder } from "../../../model/actions.js";
import type { SourceFile } from "../../../load/source.js";
import type { ActionStepId } from "../../../model/types.js";
import type { Rule } from "../../rule.js";

/**
 * Complaint deadlines (`complaint_deadlines` of qms.yaml, for every customer, and of customers/<code>.yaml,
 * with the organisation's for the steps a customer leaves out) whose steps fall due out of order: a later
 * 8D step (D8 closure) due before an earlier one (D5 the action chosen), or D4 `{days: 0}` before D3's day
 * (breaker64 P6). IATF 16949 10.2.6: the customer's deadlines for complaint handling are kept, step by
 * step; a setting out of order gives every record opened under it impossible due dates. One finding per
 * step that can precede earlier ones, naming them: on qms.yaml for the organisation's own steps, on the
 * customer's file at its own step of the pair (the later one when it is its own) when one of them is the
 * customer's. Judged on weeks of Monday to Friday (model/actions.ts deadlinesOutOfOrder).
 */
export const rule: Rule = {
  id: "action/deadline-order",
  severity: "warning",
  scope: { files: "all", reads: (f) => (f.kind === "customer" ? [f.data.code, f.data.complaint_deadlines] : null) },
  summary: "A later step of the complaint deadlines (D3 … D8) can fall due before an earlier one.",
  docs: {
    description:
      "`complaint_deadlines` (in `qms.yaml` for every customer, or in a customer's file, which takes the steps it leaves out from `qms.yaml`) gives a step a deadline that can fall before an earlier step's: D8 (the 8D report closed) due before D5 (the corrective action chosen), or D4 due on the day received (`{days: 0}`) while D3 has a day. The 8D steps follow each other, and the customer's deadlines for them are kept ({{cite:corrective-action}}); a setting out of order gives every record `csr action open` writes under it due dates that cannot all be met. Calendar days against working days are judged for every day of receipt on weeks of Monday to Friday: a step that precedes another only on some days is reported as such. Reported once per step, on `qms.yaml` for the organisation's own steps, and on the customer's file when one of the two is the customer's.",
    bad: `
complaint_deadlines:
  D3: { days: 1 }
  D5: { working_days: 20 }
  D8: { working_days: 15 }   # closed before the action is chosen
`,
    good: `
complaint_deadlines:
  D3: { days: 1 }
  D5: { working_days: 10 }
  D8: { working_days: 15 }
`,
    fix: "Check the deadlines against their source (the customer's CSR, the organisation's corrective action procedure) and correct the step set wrongly, so that no step is due before the one before it; where the customer's deadlines really are so, clarify them with the customer. Due dates of records already opened are changed with `csr action step <id> <step> --due <date>`.",
  },
  check(ctx) {
    const config = ctx.repo.config;
    const organisation = config?.value.complaint_deadlines;
    const report = (file: SourceFile, at: ActionStepId, subject: string, step: ActionStepId, earlier: { step: ActionStepId; always: boolean }[], text: (s: ActionStepId) => string) => {
      const args = { subject, step: text(step), earlier: list(earlier.map((e) => text(e.step))) };
      const key = earlier.every((e) => e.always) ? "rule.action/deadline-order" : "rule.action/deadline-order.maybe";
      ctx.report({ file, path: ["complaint_deadlines", at], key: true }, sentences(t(key, args), t("rule.action/deadline-order.fix")));
    };
    if (config && organisation) {
      const own = t("action.basis.organisation");
      for (const { step, earlier } of deadlinesOutOfOrder(organisation)) {
        report(config.file, step, t("rule.action/deadline-order.subject"), step, earlier, (s) => `${s}${deadlineBasis(organisation[s]!, own)}`);
      }
    }
    for (const { value: customer, file } of ctx.repo.customers) {
      const governing = complaintDeadlines(customer.complaint_deadlines, organisation);
      if (!governing || governing.own.size === 0) continue;
      const { deadlines, own } = governing;
      for (const { step, earlier } of deadlinesOutOfOrder(deadlines)) {
        // Both of the organisation's: qms.yaml's finding.
        const theirs = earlier.filter((e) => own.has(step) || own.has(e.step));
        if (theirs.length === 0) continue;
        const at = own.has(step) ? step : theirs[0]!.step;
        report(file, at, t("rule.action/deadline-order.subject-customer", { customer: customer.code }), step, theirs, (s) => `${s}${deadlineBasis(deadlines[s]!, deadlineOwner(governing, s, customer.code))}`);
      }
    }
  },
};
