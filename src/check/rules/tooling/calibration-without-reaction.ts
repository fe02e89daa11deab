import { sentences, t } from "../../../i18n/index.js";
import { calibrationsWithoutReaction } from "../../../model/tooling.js";
import type { Rule } from "../../rule.js";

/**
 * A failed calibration with neither a reaction nor a corrective action recorded (IATF 16949 7.1.5.2.1: when a gauge is
 * found out of calibration, the validity of the results measured with it since its last good calibration is evaluated,
 * the product at risk dealt with and the customer told when suspect product has shipped, and the record says so). A
 * warning: the evaluation may well have been made; the register of gauges does not show it.
 */
export const rule: Rule = {
  id: "tooling/calibration-without-reaction",
  severity: "warning",
  scope: { files: "own" },
  clock: "follow-up",
  summary: "A failed calibration has no evaluation of the product measured since the last good one.",
  docs: {
    description:
      "A calibration of tooling.yaml (`calibration.records`) with `result: fail` has neither a `reaction` nor an `action`. A gauge found out of tolerance has measured product since its last good calibration: that product is evaluated (re-measured, held, the customer told when suspect product has shipped) and the evaluation is recorded with the calibration ({{cite:calibration}}). Record it in `reaction`, or name the corrective action that carries it in `action`.",
    bad: `
        - {date: 2026-11-16, result: fail, by: li, certificate: JZ-2026-040}
`,
    good: `
        - {date: 2026-11-16, result: fail, by: li, certificate: JZ-2026-040, reaction: 追溯 2026-05-20 以来该规判定的 3 批，留样复测全部合格}
`,
    fix: 'Record the evaluation with the calibration: `csr tooling calibrate GA-30-02 --result fail --by <person> --reaction "<product measured since the last good calibration: what was checked, found and done>"` when recording it, or `--action <NC id>` for a corrective action that carries it; an earlier record is completed in tooling.yaml (`reaction:` or `action:`).',
  },
  check(ctx) {
    for (const located of ctx.repo.tooling) {
      if (!ctx.keeps(located.file)) continue;
      const tooling = located.value;
      for (const { record, index } of calibrationsWithoutReaction(tooling)) {
        ctx.report(
          { file: located.file, path: [...located.path, "calibration", "records", index, "result"] },
          sentences(t("rule.tooling/calibration-without-reaction", { id: tooling.id, name: tooling.name, date: record.date }), t("rule.tooling/calibration-without-reaction.fix", { id: tooling.id })),
        );
      }
    }
  },
};
