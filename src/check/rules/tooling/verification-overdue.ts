import { sentences, t } from "../../../i18n/index.js";
import { repositoryCalendar } from "../../../load/calendar.js";
import { verificationDue } from "../../../model/tooling.js";
import type { Path } from "../../../model/types.js";
import type { Rule } from "../../rule.js";

/**
 * An error-proofing device in use not verified within its frequency (IATF 16949 10.2.4: the devices are tested
 * at the control plan's frequency, with master or rejection samples, and the tests recorded): model/tooling.ts
 * verificationDue, every shift and every day counted on qms.yaml's working-day calendar. An error: the parts made
 * since are made on a device not known to work. Only a pass counts: a device whose last verification failed is owed one
 * at once (reported at that record's `result`), so that the control plan's control is not shown to have been run.
 */
export const rule: Rule = {
  id: "tooling/verification-overdue",
  severity: "error",
  scope: { files: "own" },
  clock: true,
  dependsOn: ["qms.yaml"],
  summary: "An error-proofing device in use is not verified within its frequency.",
  docs: {
    description:
      "An entry of tooling.yaml in use (its `status` in-use or none) whose `verification.frequency` is `shift` or `day` has no verification (`verification.records`) on the working day before today or later — each working day of qms.yaml's calendar owes one, since a date does not tell the shifts of a day apart; with `week` or `month`, none within 7 days or a month of the last. A device never verified is owed its verification at once; so is one whose last verification failed (`result: fail`): only a pass counts, and a failure does not restart the frequency. The control plan gives the frequency, and the device is tested with its master or rejection samples at it ({{cite:error-proofing}}): the parts made since the verification was owed were made on a device not known to work. A frequency counted in parts (`parts`, 每 n 件) is judged only as far as dates tell: a device never verified or whose last verification failed is owed one at once, while the next after a pass is counted in parts, which csr does not record (the register's 验证频次 says 按件数，无法推算日期 and the line's count is checked on the floor); tooling in repair, stored or scrapped is verified again before it is used and is not reported.",
    bad: `
    verification:
      frequency: shift
      method: 标准样件验证
      records:
        - {date: 2026-11-24, shift: 早班, by: wang, result: pass}   # none on 2026-11-25 or 2026-11-26
`,
    good: `
        - {date: 2026-11-26, shift: 早班, by: wang, result: pass}
`,
    fix: "Verify the device with its master and rejection samples and record it: `csr tooling verify EP-30-01 --result pass --by <person>` (`--date` for a verification made on an earlier day). A device out of use: `csr tooling update EP-30-01 --status repair` or `--status stored`.",
  },
  check(ctx) {
    const { today } = ctx.options;
    const calendar = repositoryCalendar(ctx.repo.config?.value);
    for (const located of ctx.repo.tooling) {
      if (!ctx.keeps(located.file)) continue;
      const tooling = located.value;
      const due = verificationDue(tooling, today, calendar);
      if (!due?.overdue) continue;
      const plan = tooling.verification!;
      const frequency = plan.frequency === "parts" && plan.parts !== undefined ? t("tooling.frequency.parts-n", { count: plan.parts }) : t(`tooling.frequency.${plan.frequency}`);
      const records = tooling.verification!.records ?? [];
      const path = overduePath(located.path, "verification", records, due, "frequency");
      ctx.report(
        { file: located.file, path },
        sentences(
          due.failed
            ? t("rule.tooling/verification-overdue.failed", { id: tooling.id, name: tooling.name, date: due.failed.date })
            : due.last
            ? t("rule.tooling/verification-overdue", { id: tooling.id, name: tooling.name, frequency, last: due.last.date, due: due.due })
            : t("rule.tooling/verification-overdue.never", { id: tooling.id, name: tooling.name, frequency }),
          t("rule.tooling/verification-overdue.fix", { id: tooling.id }),
        ),
      );
    }
  },
};

/**
 * Where a finding on a device's overdue verification or calibration points, under `key` of its tooling.yaml entry at
 * `base`: the failed record's `result`, else the last record's `date`, else `fallback` (the frequency or the interval,
 * for a device never verified or calibrated). `records` are the entry's, in which the due reading's records are found.
 */
export function overduePath<R>(base: Path, key: "verification" | "calibration", records: readonly R[], due: { failed?: R; last?: R }, fallback: string): Path {
  if (due.failed) return [...base, key, "records", records.lastIndexOf(due.failed), "result"];
  if (due.last) return [...base, key, "records", records.lastIndexOf(due.last), "date"];
  return [...base, key, fallback];
}
