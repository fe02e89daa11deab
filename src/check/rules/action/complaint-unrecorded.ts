import { shellArgument } from "../../../core/text.js";
import { sentences, t } from "../../../i18n/index.js";
import { citations } from "../../../model/citations.js";
import { periodDays } from "../../../model/objectives.js";
import type { CorrectiveAction } from "../../../model/types.js";
import type { Rule } from "../../rule.js";

/** How an objective is told to count customer complaints: by its text, in Chinese or English (顾客投诉次数, Customer complaints). */
const COMPLAINT_OBJECTIVE = /投诉|抱怨|complaint/i;

/**
 * A customer's scorecard (customers/<code>.yaml `scorecards`, its `complaints` of a month) or a quality objective counting
 * complaints (objectives.yaml, an objective whose text names 投诉/complaint, a measurement of a period) counts more
 * complaints than the corrective action register records for that month and customer: actions of source complaint or
 * field-failure received in it (for a scorecard, of that customer). The customer's own figure says a complaint came in; the
 * register has no 8D for it — what an auditor samples first ("the scorecard shows a complaint in September: show me its 8D";
 * IATF 16949 9.1.2.1 customer complaints as a performance indicator, 10.2.6 each handled as a corrective action; 9.1.2 and
 * 10.2 in GJB 9001C and ISO 9001; tester82 A2). One finding per month, at its scorecard line or measurement line. A warning:
 * the complaint may be recorded late, or the customer may count what the organisation answered otherwise — the message
 * says how to record it.
 */
export const rule: Rule = {
  id: "action/complaint-unrecorded",
  severity: "warning",
  // Of a CSR or document, nothing; of a customer, its code and scorecards (the complaints are actions/, the objectives objectives.yaml).
  scope: { files: "all", reads: (f) => (f.kind === "customer" ? [f.data.code, f.data.scorecards] : null) },
  summary: "A customer scorecard or a complaint objective counts complaints in a month that no complaint action records.",
  docs: {
    description:
      "A customer's scorecard in `customers/<code>.yaml` (`scorecards`, one per month: `complaints`) or a measurement of a quality objective counting complaints (`objectives.yaml`, an objective whose `text` names 投诉, 抱怨 or complaints; its `value` for a `period`) counts more complaints than `actions/` records for the same period: corrective actions of `source: complaint` or `field-failure` whose `received` day falls in that month (quarter, year) — for a scorecard, those of that `customer`. The customer's figure says a complaint came in and the register has no corrective action for it ({{cite:complaint-records}}): the management review input then shows two different complaint counts, and the auditor who samples the scorecard finds no 8D. One finding per period, at the scorecard or measurement line, with the counts.",
    bad: `
scorecards:
  - {period: 2026-08, ppm: 18, complaints: 0, date: 2026-09-08, by: zhang}
  - {period: 2026-09, ppm: 41, complaints: 2, date: 2026-10-12, by: zhang}   # actions/ has one complaint of DYA received in 2026-09
`,
    good: `
scorecards:
  - {period: 2026-08, ppm: 18, complaints: 0, date: 2026-09-08, by: zhang}
  - {period: 2026-09, ppm: 41, complaints: 1, date: 2026-10-12, by: zhang}   # 8D-2026-002, received 2026-09-15
`,
    fix: "Open the corrective action of each complaint not yet recorded, with its customer and the day it was received: `csr action open --source complaint --customer DYA --received 2026-09-15 --title … --owner …`. If the figure itself is wrong, correct the scorecard or the measurement.",
  },
  check(ctx) {
    const complaints = ctx.repo.actions.map((a) => a.value).filter((a) => (a.source === "complaint" || a.source === "field-failure") && typeof a.received === "string");
    const cite = citations(ctx.repo.config?.value.standards, "complaint-records").join(" / ");
    const recordedIn = (period: string, customer?: string): CorrectiveAction[] | undefined => {
      const days = periodDays(period);
      if (days === undefined) return undefined;
      return complaints.filter((a) => a.received >= days.from && a.received <= days.to && (customer === undefined || a.customer === customer));
    };
    const ids = (list: readonly CorrectiveAction[]) => (list.length === 0 ? "" : t("rule.action/complaint-unrecorded.ids", { ids: list.map((a) => a.id).join(t("common.list-separator")) }));
    for (const { value: customer, file } of ctx.repo.customers) {
      for (const [i, card] of (customer.scorecards ?? []).entries()) {
        if (typeof card?.complaints !== "number" || typeof card.period !== "string") continue;
        const recorded = recordedIn(card.period, customer.code);
        if (recorded === undefined || card.complaints <= recorded.length) continue;
        const data = { customer: customer.code, arg: shellArgument(customer.code), period: card.period, counted: card.complaints, recorded: recorded.length, ids: ids(recorded), cite, from: periodDays(card.period)!.from };
        ctx.report({ file, path: ["scorecards", i, "complaints"] }, sentences(t("rule.action/complaint-unrecorded.scorecard", data), t("rule.action/complaint-unrecorded.fix", data)));
      }
    }
    for (const { value: objective, file, path } of ctx.repo.objectives) {
      if (typeof objective.text !== "string" || !COMPLAINT_OBJECTIVE.test(`${objective.text} ${objective.text_en ?? ""}`)) continue;
      for (const [i, measurement] of (objective.measurements ?? []).entries()) {
        if (typeof measurement?.value !== "number" || typeof measurement.period !== "string") continue;
        const recorded = recordedIn(measurement.period);
        if (recorded === undefined || measurement.value <= recorded.length) continue;
        const data = { id: objective.id, text: objective.text, period: measurement.period, counted: measurement.value, recorded: recorded.length, ids: ids(recorded), cite, from: periodDays(measurement.period)!.from };
        ctx.report({ file, path: [...path, "measurements", i, "value"] }, sentences(t("rule.action/complaint-unrecorded.objective", data), t("rule.action/complaint-unrecorded.fix-objective", data)));
      }
    }
  },
};
