/**
 * What calls for a review of a process's audit frequency (IATF 16949 9.2.2.1: the frequency is reviewed and, where appropriate,
 * adjusted on process changes, internal and external nonconformities and customer complaints): the nonconformities of actions/
 * recorded against the process (`process`, csr action open --process) that came from a customer complaint, a field failure, an
 * internal audit or an external audit (an internal audit's nonconformities are actions of source audit, as csr process audited
 * asks). Counted from the process's last QMS audit, or from one audit interval before `today` when that reaches further back (an
 * audit held since is not a review of its frequency). A trigger is answered when the recorded reason for the process's interval
 * (`audit_reason`, csr process update --audit-reason) names its action's id.
 */
import { addMonths } from "../core/dates.js";
import { t, type MessageData, type MessageKey } from "../i18n/index.js";
import { auditInterval, lastAudit, type AuditorRoster } from "./process-audits.js";
import type { ActionSource, CorrectiveAction, Process, QmsConfig } from "./types.js";

/** The sources of an action that call for the frequency to be reviewed (9.2.2.1); `internal` (found in house) and `supplier` do not. */
const TRIGGERING: readonly ActionSource[] = ["complaint", "field-failure", "audit", "external-audit"];

/** One event of frequencyTriggers: the action's id, the day it was received (YYYY-MM-DD) and where it came from. */
export interface FrequencyTrigger {
  id: string;
  date: string;
  source: ActionSource;
}

/** The interval a window reaches back when none is set: the annual audit of most internal audit procedures, in months. */
const DEFAULT_WINDOW_MONTHS = 12;

/**
 * The triggers of `process` on `today` that its `audit_reason` does not name, oldest first (see the module's comment). `actions`
 * are every action of the repository; events after `today` are left out.
 */
export function frequencyTriggers(process: Process, actions: readonly CorrectiveAction[], config: QmsConfig | undefined, today: string, roster: AuditorRoster): FrequencyTrigger[] {
  const last = lastAudit(process, today, roster).last?.audit.date;
  const back = addMonths(today, -(auditInterval(process, config) ?? DEFAULT_WINDOW_MONTHS));
  const from = last !== undefined && last < back ? last : back;
  const reason = process.audit_reason ?? "";
  const triggers = actions
    .filter((a) => a.process === process.code && TRIGGERING.includes(a.source) && typeof a.received === "string")
    .map((a): FrequencyTrigger => ({ id: a.id, date: a.received, source: a.source }));
  // Named as a whole id: 8D-2026-001 is not named by 8D-2026-0012.
  const named = (id: string) => new RegExp(`(^|[^A-Za-z0-9])${id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}($|[^A-Za-z0-9])`).test(reason);
  return triggers.filter((e) => e.date > from && e.date <= today && !named(e.id)).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** `trigger` as the audit programme and process/audit-frequency-unreviewed name it, in the language of `translate`: 顾客投诉 8D-2026-001（2026-04-01）. */
export function triggerText(trigger: FrequencyTrigger, translate: (key: MessageKey, data?: MessageData) => string = t): string {
  return translate("process.trigger", { source: translate(`action.source.${trigger.source}`), id: trigger.id, date: trigger.date });
}
