import { sentences, t } from "../../../i18n/index.js";
import { failedWithoutReaction } from "../../../model/tooling.js";
import type { Rule } from "../../rule.js";

/**
 * A failed verification of an error-proofing device without its reaction recorded (IATF 16949 10.2.4: a
 * failed test is reacted to — the parts made since the last passed test held and checked, the device
 * repaired and verified again — and the record shows it). An error: the record shows a device that did not
 * work, and nothing of the parts it passed.
 */
export const rule: Rule = {
  id: "tooling/failed-without-reaction",
  severity: "error",
  scope: { files: "own" },
  summary: "A failed verification of an error-proofing device has no reaction recorded.",
  docs: {
    description:
      "A verification of tooling.yaml (`verification.records`) with `result: fail` has no `reaction`. When an error-proofing device fails its test with the master or rejection samples, the reaction plan applies: the parts made since the last passed verification are held and checked, the device is repaired and verified again, and the record says what was done ({{cite:error-proofing}}). A failed test with nothing after it is the record an auditor asks about first.",
    bad: `
        - {date: 2026-11-26, shift: 中班, by: wang, result: fail}
`,
    good: `
        - {date: 2026-11-26, shift: 中班, by: wang, result: fail, reaction: 隔离上次验证后产品 120 件全检，更换传感器后复验合格}
`,
    fix: "Record what was done about it in the verification's `reaction`: the parts since the last passed verification held and checked, the repair, the verification made again (`csr tooling verify EP-30-01 --result pass --by <person>` for the new one).",
  },
  check(ctx) {
    for (const located of ctx.repo.tooling) {
      if (!ctx.keeps(located.file)) continue;
      const tooling = located.value;
      for (const { record, index } of failedWithoutReaction(tooling)) {
        ctx.report(
          { file: located.file, path: [...located.path, "verification", "records", index, "result"] },
          sentences(t("rule.tooling/failed-without-reaction", { id: tooling.id, name: tooling.name, date: record.date, by: record.by }), t("rule.tooling/failed-without-reaction.fix", { id: tooling.id })),
        );
      }
    }
  },
};
