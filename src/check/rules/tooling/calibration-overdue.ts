import { sentences, t } from "../../../i18n/index.js";
import { calibrationDue } from "../../../model/tooling.js";
import type { Rule } from "../../rule.js";
import { overduePath } from "./verification-overdue.js";

/**
 * A gauge or test equipment in use past its calibration (IATF 16949 7.1.5.2: measuring equipment calibrated at specified
 * intervals or prior to use; GJB 9001C 7.1.5.2): model/tooling.ts calibrationDue — the interval since the last good
 * calibration has passed, it was never calibrated, or its last calibration failed. An error: a gauge out of calibration
 * used for product acceptance is a major nonconformity, and the product it accepted is not known to conform.
 */
export const rule: Rule = {
  id: "tooling/calibration-overdue",
  severity: "error",
  scope: { files: "own" },
  clock: true,
  summary: "A gauge in use is past its calibration, never calibrated, or failed its last calibration.",
  docs: {
    description:
      "An entry of tooling.yaml in use (its `status` in-use or none) with `calibration.interval_months` whose last good calibration (`calibration.records` with `result: pass` or `adjusted`) is longer ago than the interval, that has no calibration recorded at all (measuring equipment is calibrated before it is used), or whose last calibration failed (`result: fail`: out of tolerance, not to be used until calibrated again). Measuring equipment is calibrated at specified intervals against standards traceable to national or international ones ({{cite:calibration}}); a gauge out of calibration that accepts product is the finding an auditor grades major. A gauge taken out of use (`status` repair, stored or scrapped) is not reported: it is calibrated before it is used again.",
    bad: `
  - id: GA-30-01
    name: 数显卡尺
    kind: gauge
    calibration:
      interval_months: 12
      records:
        - {date: 2025-10-15, result: pass, by: li, certificate: JZ-2025-041}   # due 2026-10-15
`,
    good: `
        - {date: 2026-10-12, result: pass, by: li, certificate: JZ-2026-038}
`,
    fix: "Calibrate it and record it: `csr tooling calibrate GA-30-01 --result pass --by <person> --certificate <no>` (an external laboratory: `--lab <name> --accredited \"CNAS L…\"`). Until then take it out of use: `csr tooling update GA-30-01 --status stored`.",
  },
  check(ctx) {
    const { today } = ctx.options;
    for (const located of ctx.repo.tooling) {
      if (!ctx.keeps(located.file)) continue;
      const tooling = located.value;
      const due = calibrationDue(tooling, today);
      if (!due?.overdue) continue;
      const records = tooling.calibration!.records ?? [];
      const months = tooling.calibration!.interval_months!;
      const path = overduePath(located.path, "calibration", records, due, "interval_months");
      ctx.report(
        { file: located.file, path },
        sentences(
          due.failed
            ? t("rule.tooling/calibration-overdue.failed", { id: tooling.id, name: tooling.name, date: due.failed.date })
            : due.last
              ? t("rule.tooling/calibration-overdue", { id: tooling.id, name: tooling.name, last: due.last.date, months, due: due.due })
              : t("rule.tooling/calibration-overdue.never", { id: tooling.id, name: tooling.name, months }),
          t("rule.tooling/calibration-overdue.fix", { id: tooling.id }),
        ),
      );
    }
  },
};
