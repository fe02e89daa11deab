import { sentences, t } from "../../../i18n/index.js";
import { MEASUREMENT_GRACE_DAYS, unmeasuredPeriods } from "../../../model/objectives.js";
import type { Rule } from "../../rule.js";

/**
 * A quality objective's period ended more than MEASUREMENT_GRACE_DAYS (15) calendar days ago with no measurement recorded
 * (ISO 9001 6.2, 9.1.1; IATF 16949 6.2.2.1, 9.1.1.1: objectives are monitored; their achievement is a management review
 * input, 9.3.2 c 2). A warning: the figure may exist and not yet be recorded;
 * all the periods missing are named in one finding at the objective.
 */
export const rule: Rule = {
  id: "objective/unmeasured",
  severity: "warning",
  clock: true,
  scope: { files: "own" },
  summary: "A period of a quality objective ended more than 15 days ago and has no measurement.",
  docs: {
    description:
      "An objective of objectives.yaml is measured each period of its `frequency` (a calendar month 2026-11, quarter 2026-Q3 or year 2026) from its `from` day to its `to` day, and a period that ended more than 15 calendar days before today has no entry of that `period` in `measurements`. Quality objectives are monitored and their achievement is an input of management review ({{cite:quality-objectives}}): a period without a figure leaves the review with a blank. Reported once per objective, at the objective, naming the periods missing. A repository without objectives.yaml is not asked for one. A warning: the figure may exist and wait to be recorded.",
    bad: `
objectives:
  - id: OBJ-01
    text: 顾客退货 PPM
    owner: zhang
    unit: PPM
    direction: "<="
    target: 50
    frequency: monthly
    from: 2026-08-01
    measurements:
      - {period: 2026-08, value: 38, by: zhang}
`,
    good: `
objectives:
  - id: OBJ-01
    text: 顾客退货 PPM
    owner: zhang
    unit: PPM
    direction: "<="
    target: 50
    frequency: monthly
    from: 2026-08-01
    measurements:
      - {period: 2026-08, value: 38, by: zhang}
      - {period: 2026-09, value: 41, by: zhang}
      - {period: 2026-10, value: 36, by: zhang}
`,
    fix: "Record the figure of each period missing: `csr objective measure OBJ-01 --period 2026-09 --value 41 --by zhang`. An objective no longer pursued is given its last day (`to`).",
  },
  check(ctx) {
    for (const { value: objective, file, path } of ctx.repo.objectives) {
      if (!ctx.keeps(file)) continue;
      const missing = unmeasuredPeriods(objective, ctx.options.today);
      if (missing.length === 0) continue;
      const periods = missing.map((p) => p.period);
      ctx.report(
        { file, path: [...path, "id"] },
        sentences(t("rule.objective/unmeasured", { id: objective.id, text: objective.text, periods: periods.join(t("common.list-separator")), days: MEASUREMENT_GRACE_DAYS }), t("rule.objective/unmeasured.fix", { id: objective.id, period: periods[0]! })),
      );
    }
  },
};
