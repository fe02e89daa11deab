import { language, list, sentences, t } from "../../../i18n/index.js";
import { dueChangesText, heldDue, overdueSteps, type ActionStepView } from "../../../model/actions.js";
import type { Rule } from "../../rule.js";

/**
 * A step of an open nonconformity / corrective action record (actions/) is past its due date without
 * a done date: the customer's deadlines for a complaint (IATF 16949 10.2.6, the CSR that sets them, e.g.
 * 24 hours for containment, the 8D report in 15 working days) or those the owner set. One finding per
 * record, at the first overdue step, naming every one; its fix is `csr action step`, or `csr action close`
 * when that step is D8; the customer is told when one of its deadlines cannot be kept, and for a SCAR (a record with
 * `supplier`, IATF 16949 8.4.2.4) the supplier is chased for its overdue reply instead.
 */
export const rule: Rule = {
  id: "action/step-overdue",
  severity: "warning",
  scope: { files: "own" },
  clock: true,
  summary: "A step of an open corrective action is past its due date.",
  docs: {
    description:
      "A corrective action record (`actions/<id>.yaml`, `csr action open`) gives each step D3 containment … D8 closure a due date: from the customer's `complaint_deadlines` (its CSR's 24 hours, working days for the root cause and the 8D report) or set by hand. While the record is open, a step whose due date has passed without a `done` date is reported, once per record at the first such step, naming each. The customer's CSR sets the deadlines of a complaint, and the action is taken and its effectiveness reviewed ({{cite:corrective-action}}).",
    bad: `
steps:
  D3: {due: 2026-11-03, done: 2026-11-03}
  D4: {due: 2026-11-09}
`,
    good: `
steps:
  D3: {due: 2026-11-03, done: 2026-11-03}
  D4: {due: 2026-11-09, done: 2026-11-06}
`,
    fix: "Record the step when it is done: `csr action step <id> <step> --date <date>`, or, for D8, close the record once the action is verified effective: `csr action close <id> --verified-by <person> --date <date> --evidence <evidence>`; for a customer complaint or field failure, tell the customer when a deadline of theirs cannot be kept (an audit's or an in-house nonconformity has no customer to tell). For a SCAR (a record opened with `csr action open --supplier`), the steps are the supplier's reply: chase the supplier for it instead.",
  },
  check(ctx) {
    const { today } = ctx.options;
    for (const { value: action, file } of ctx.repo.actions) {
      const overdue = overdueSteps(action, today);
      if (overdue.length === 0) continue;
      const first = overdue[0]!;
      // Each step at the due date it is held to (heldDue), with its changes: one moved after it had passed is still late (tester78 A1).
      const steps = list(overdue.map((s) => t("rule.action/step-overdue.step", { step: s.step, name: t(`action.step.${s.step}`), due: heldDue(s)! }) + changesOf(s, (id) => ctx.index.people.get(id)?.value.name ?? id)));
      // D8 is recorded by closing the record (csr action step refuses it). A SCAR's steps up to D7 are the supplier's reply:
      // the supplier is chased for it, not the customer told (IATF 16949 8.4.2.4, 10.2.3).
      // Only a customer's complaint or field failure has a customer to tell; an audit's or an in-house nonconformity has none (tester78 A13).
      const scar = action.supplier !== undefined ? "-supplier" : action.source === "complaint" || action.source === "field-failure" ? "" : "-internal";
      const fix =
        first.step === "D8"
          ? t(`rule.action/step-overdue.fix-close${scar}`, { id: action.id, supplier: action.supplier ?? "" })
          : t(`rule.action/step-overdue.fix${scar}`, { id: action.id, step: first.step, supplier: action.supplier ?? "" });
      ctx.report({ file, path: ["steps", first.step, "due"] }, sentences(t("rule.action/step-overdue", { id: action.id, steps, count: overdue.length }), fix));
    }
  },
};

/** A step's due date changes as the finding names them ("，原定 … 前；… 延期至 …，原因：…"), "" when none. */
function changesOf(step: ActionStepView, who: (id: string) => string): string {
  const text = dueChangesText(language(), step, who);
  return text === "" ? "" : t("rule.action/step-overdue.due-changes", { changes: text });
}
