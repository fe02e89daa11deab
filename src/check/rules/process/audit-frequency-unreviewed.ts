import { list, sentences, t } from "../../../i18n/index.js";
import { frequencyTriggers, triggerText } from "../../../model/audit-triggers.js";
import { processLabel } from "../../../model/labels.js";
import { auditInterval, auditorRoster } from "../../../model/process-audits.js";
import type { Rule } from "../../rule.js";

/**
 * IATF 16949 9.2.2.1: the audit frequency is reviewed and, where appropriate, adjusted on process changes, internal and external
 * nonconformities and customer complaints. A process with such an event since its last audit (or within its audit interval) that
 * the reason recorded for its frequency does not name (model/audit-triggers.ts frequencyTriggers) is reported at the process,
 * naming the events and the command that records the review; `csr list audit-programme` marks the row (触发调整).
 */
export const rule: Rule = {
  id: "process/audit-frequency-unreviewed",
  severity: "warning",
  dependsOn: ["qms.yaml", "people.yaml", "processes.yaml"],
  // It reads processes.yaml and actions/ only: a change of an action runs the whole check (check/incremental.ts).
  scope: { files: "all", reads: () => null },
  clock: "follow-up",
  summary: "A customer complaint, field failure or audit nonconformity on a process, and no review of its audit frequency recorded.",
  docs: {
    description:
      "{{cite:audit-programme}} has the audit frequency of each process reviewed and, where appropriate, adjusted after process changes, internal and external nonconformities and customer complaints. A nonconformity of `actions/` recorded against the process (`process`, `csr action open --process`) from a customer complaint, a field failure, an internal audit or an external audit (`source`: complaint, field-failure, audit, external-audit; the date is its `received`) is such an event when it falls after the process's last QMS audit, or within its audit interval before today (12 months when none is set) when that reaches further back: an audit held since is not a review of how often the process is audited. The review is on record when the reason for the process's interval (`audit_reason`, `csr process update --audit-reason`) names the event (the action's id), whether the interval was changed or kept. `csr list audit-programme` marks the process's row with the events (触发调整：8D-2026-001（2026-04-01）).",
    bad: `
# actions/8D-2026-001.yaml
source: complaint
process: C3
received: 2026-04-01
# processes.yaml: C3 keeps the 12 months of qms.yaml, no audit_reason
`,
    good: `
  - code: C3
    audit_months: 6
    audit_reason: 8D-2026-001 东岳安全投诉后评审，审核间隔由 12 个月缩短为 6 个月
`,
    fix: "Review the process's audit frequency in the light of the events and record it, naming them: `csr process update <code> --audit-months <months> --audit-reason \"<events>: …\"` (the interval it keeps or the new one).",
  },
  check(ctx) {
    const config = ctx.repo.config?.value;
    const actions = ctx.repo.actions.map((a) => a.value);
    if (actions.length === 0) return;
    const roster = auditorRoster(ctx.index.people, config);
    for (const { value: process, file, path } of ctx.repo.processes) {
      const triggers = frequencyTriggers(process, actions, config, ctx.options.today, roster);
      if (triggers.length === 0) continue;
      const events = list(triggers.map((e) => triggerText(e)));
      const months = auditInterval(process, config) ?? 12;
      ctx.report(
        { file, path: [...path, "code"] },
        sentences(
          t("rule.process/audit-frequency-unreviewed", { process: processLabel(process), events }),
          t("rule.process/audit-frequency-unreviewed.fix", { code: process.code, months, ids: list(triggers.map((e) => e.id)) }),
        ),
      );
    }
  },
};
