import { addDays, daysBetween } from "../../../core/dates.js";
import { sentences, t } from "../../../i18n/index.js";
import { CALIBRATION_WARN_DAYS, calibrationDue } from "../../../model/tooling.js";
import type { Rule } from "../../rule.js";

/**
 * A gauge in use whose calibration falls due within CALIBRATION_WARN_DAYS (30) calendar days (IATF 16949 7.1.5.2): sent
 * to the laboratory in time, it is back before it is owed, as supplier/certificate-expiring asks for a certificate before
 * it lapses. One overdue is tooling/calibration-overdue's.
 */
export const rule: Rule = {
  id: "tooling/calibration-due-soon",
  severity: "warning",
  scope: { files: "own" },
  clock: "soon",
  summary: "A gauge in use is owed its calibration within 30 days.",
  docs: {
    description:
      "An entry of tooling.yaml in use with `calibration.interval_months` whose next calibration (the interval after the last good one) falls within 30 calendar days of today, today included. A gauge sent to the calibration laboratory in time is back before it is owed ({{cite:calibration}}); the register of gauges (`csr list gauges`) says 待校准 for the same gauges. One already overdue is reported by `tooling/calibration-overdue` instead.",
    bad: `
    calibration:
      interval_months: 12
      records:
        - {date: 2025-12-10, result: pass, by: li}   # due 2026-12-10, 13 days after 2026-11-27
`,
    good: `
        - {date: 2026-11-20, result: pass, by: li}
`,
    fix: "Plan its calibration and record it when done: `csr tooling calibrate GA-30-01 --result pass --by <person> --certificate <no>`.",
  },
  check(ctx) {
    const { today } = ctx.options;
    const soon = addDays(today, CALIBRATION_WARN_DAYS);
    for (const located of ctx.repo.tooling) {
      if (!ctx.keeps(located.file)) continue;
      const tooling = located.value;
      const due = calibrationDue(tooling, today);
      if (!due || due.overdue || !due.last || due.due > soon) continue;
      const records = tooling.calibration!.records!;
      ctx.report(
        { file: located.file, path: [...located.path, "calibration", "records", records.lastIndexOf(due.last), "date"] },
        sentences(t("rule.tooling/calibration-due-soon", { id: tooling.id, name: tooling.name, due: due.due, count: daysBetween(today, due.due) }), t("rule.tooling/calibration-due-soon.fix", { id: tooling.id })),
      );
    }
  },
};
