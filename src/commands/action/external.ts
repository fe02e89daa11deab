/**
 * An external audit's nonconformity (actions/<id>.yaml of source external-audit): a certification body's (third party) or
 * a customer's (second party). What `csr action open --source external-audit` reads of it (the auditor, the audit, its
 * report, the closing meeting, the nonconformity's number, grade, clause, requirement, statement and evidence) and the
 * auditor's deadlines it writes, in calendar days from the closing meeting (IATF Rules 5th ed. 5.11.1: the response within
 * 60; 5.11.3: the NC management complete within 90); and the commands that follow it with the auditor:
 *
 * - respond: a response submitted (the correction, root cause analysis, systemic corrective action and verification of
 *   effectiveness), on a day, with what it held; said late, in calendar days, after its due date.
 * - accept / reject: the auditor's decision on the latest response (the day, the auditor by name, a note; a rejection says
 *   why, and a new response is due).
 * - verify: the auditor's verification of the corrective action at a later audit (next audit, or a special audit for a major).
 *
 * Errors (UserError, one line): a record of another source; a missing option; an unknown audit type, grade or place of
 * verification; a clause not in a catalog in scope; a date after today or before the closing meeting (before the response,
 * for a review; before the acceptance, for a verification); a review with no response to review; an entry given twice.
 */
import type { YAMLMap } from "yaml";
import { UserError } from "../../core/errors.js";
import { daysBetween } from "../../core/dates.js";
import { oneLine, shellArgument } from "../../core/text.js";
import { list, t } from "../../i18n/index.js";
import { certificationAudit, externalAccepted, externalAuditDays, externalAuditDue, latestReview } from "../../model/external-audits.js";
import { EXTERNAL_AUDIT_TYPES, EXTERNAL_NC_GRADES, EXTERNAL_VERIFICATION_AT, type ExternalAudit, type ExternalReview, type ExternalVerification } from "../../model/types.js";
import { unknownCustomer } from "../../model/customers.js";
import type { CommandContext } from "../context.js";
import { choiceOption, clauseOptionParts, clauseRef, dateOption, eventDateOption } from "../options.js";
import { catalogsInScope } from "../process/index.js";
import { editFile, saveChanges, setInMapOrder, withEditSession, type EditSession } from "../shared/edit.js";
import { appendIn } from "../shared/persist.js";
import { findAction, type ActionOpenFlags } from "./index.js";

/** The order of `external_audit`'s keys in the file. */
const EXTERNAL_KEYS = ["auditor", "type", "report", "closing_meeting", "nc", "grade", "clause", "requirement", "statement", "evidence", "response_due", "closure_due", "responses", "reviews", "verification"] as const;

/** The options an external audit's nonconformity needs that `flags` lacks: the auditor (or the customer), the audit's type, report, closing meeting, NC number, grade and statement. */
export function externalMissing(flags: ActionOpenFlags): string[] {
  // A customer's audit is named by the customer (--customer), a certification body's by --auditor.
  const customerAudit = flags.customer !== undefined || ["customer", t("value.external-audit-type.customer")].includes(flags.auditType?.trim() ?? "");
  const given: Record<string, string | undefined> = {
    [customerAudit ? "--customer" : "--auditor"]: customerAudit ? flags.customer : flags.auditor,
    "--audit-type": flags.auditType ?? (flags.customer ? "customer" : undefined),
    "--audit-report": flags.auditReport,
    "--closing-meeting": flags.closingMeeting,
    "--nc": flags.nc,
    "--grade": flags.grade,
    "--statement": flags.statement,
  };
  return Object.entries(given).flatMap(([flag, value]) => (value?.trim() ? [] : [flag]));
}

/**
 * The `external_audit` of a record `csr action open --source external-audit` writes: the auditor (a qms.yaml outside party's
 * code as written, or the name; a customer's audit the customer's code), the audit, the closing meeting (not after today),
 * the NC as the auditor wrote it, the clause as the repository writes clause references, and the deadlines (externalAuditDue;
 * --response-due by hand replaces the response's). Errors: UserError for an unknown type, grade, customer or clause, a
 * customer's audit without --customer or a certification body's with one, a response due before the closing meeting.
 */
export function externalAuditOption(session: EditSession, flags: ActionOpenFlags): ExternalAudit {
  const type = choiceOption(flags.auditType ?? (flags.customer ? "customer" : undefined), "--audit-type", EXTERNAL_AUDIT_TYPES, "surveillance");
  const customer = flags.customer === undefined ? undefined : session.index.customers.get(flags.customer.trim())?.value;
  if (flags.customer !== undefined && !customer) throw unknownCustomer(session.repo.customers.map((c) => c.value), flags.customer);
  if (type === "customer" && !customer) throw new UserError(t("action.external.customer-needed"));
  if (type !== "customer" && customer) throw new UserError(t("action.external.customer-not-cb", { type: t(`value.external-audit-type.${type}`), customer: customer.code }));
  const grade = choiceOption(flags.grade?.trim(), "--grade", EXTERNAL_NC_GRADES, "minor");
  const closing = eventDateOption(flags.closingMeeting, "--closing-meeting");
  const clause = flags.clause?.trim() ? clauseOptionParts(session.repo, flags.clause).map((c) => clauseRef(c, "--clause", catalogsInScope(session))).join(t("common.list-separator")) : undefined;
  const due = externalAuditDue(closing, type, externalAuditDays(session.repo.config?.value));
  const responseDue = flags.responseDue === undefined ? undefined : dateOption(flags.responseDue, "--response-due");
  if (responseDue !== undefined && responseDue < closing) throw new UserError(t("action.external.due-before-closing", { due: responseDue, closing }));
  const text = (value: string | undefined) => (value?.trim() ? oneLine(value) : undefined);
  const audit: ExternalAudit = {
    auditor: type === "customer" ? customer!.code : oneLine(flags.auditor!),
    type,
    report: oneLine(flags.auditReport!),
    closing_meeting: closing,
    nc: oneLine(flags.nc!),
    grade,
    ...(clause ? { clause } : {}),
    ...(text(flags.requirement) ? { requirement: text(flags.requirement) } : {}),
    statement: oneLine(flags.statement!),
    ...(text(flags.evidence) ? { evidence: text(flags.evidence) } : {}),
    ...(responseDue ?? due.response_due ? { response_due: responseDue ?? due.response_due } : {}),
    ...(due.closure_due ? { closure_due: due.closure_due } : {}),
  };
  return audit;
}

/**
 * What csr action open says of the auditor's deadlines it wrote: the response's and the closure's, each with the calendar
 * days from the closing meeting and whose rule it is (the IATF Rules, or set by hand); for a customer's audit without one,
 * that nothing will say it is late.
 */
export function externalDueLines(id: string, audit: ExternalAudit, byHand: boolean): string[] {
  const party = t(certificationAudit(audit.type) ? "register.actions.external.party-cb" : "register.actions.external.party-customer");
  const lines: string[] = [];
  if (audit.response_due) lines.push(t(byHand ? "action.external.response-due-by-hand" : "action.external.response-due", { due: audit.response_due, closing: audit.closing_meeting, count: daysBetween(audit.closing_meeting, audit.response_due), party }));
  if (audit.closure_due) lines.push(t("action.external.closure-due", { due: audit.closure_due, count: daysBetween(audit.closing_meeting, audit.closure_due), party }));
  if (!audit.response_due) lines.push(t("action.external.no-due", { id: shellArgument(id) }));
  if (audit.grade === "major" && certificationAudit(audit.type)) lines.push(t("action.external.major"));
  return lines;
}

/** The record `given` names, which must be an external audit's nonconformity. */
function externalRecord(session: EditSession, given: string) {
  const located = findAction(session, given);
  const audit = located.value.external_audit;
  if (located.value.source !== "external-audit" || audit === undefined) throw new UserError(t("action.external.not-external", { id: located.value.id, source: t(`action.source.${located.value.source}`) }));
  return { located, action: located.value, audit };
}

export interface ActionRespondFlags {
  date?: string;
  note?: string;
  commit?: boolean;
}

/**
 * `csr action respond <id> --date <day> [--note <text>]`: a response submitted to the external auditor (IATF Rules 5.11.1),
 * appended to `external_audit.responses`; said on time or late by calendar days against `response_due` (the first
 * response), or after a rejection against `closure_due`. Errors: UserError for no --date, a day after today or before the
 * closing meeting or the last response, a response after the auditor accepted one.
 */
export async function actionRespondCommand(ctx: CommandContext, given: string, flags: ActionRespondFlags): Promise<number> {
  return withEditSession(ctx, true, undefined, async (session) => {
    const { located, action, audit } = externalRecord(session, given);
    if (flags.date === undefined) throw new UserError(t("action.external.options-missing", { flags: "--date" }));
    const previous = audit.responses?.at(-1)?.date;
    const follows = previous === undefined ? { what: { key: "action.follows.closing-meeting" as const, data: {} }, date: audit.closing_meeting, of: action.id } : { what: { key: "action.follows.response" as const, data: {} }, date: previous, of: action.id };
    const date = eventDateOption(flags.date, "--date", { follows });
    if (externalAccepted(audit)) throw new UserError(t("action.external.accepted-already", { id: action.id, date: latestReview(audit)!.date }));
    const note = flags.note?.trim() ? oneLine(flags.note) : undefined;
    const first = (audit.responses ?? []).length === 0;
    const due = first ? audit.response_due : audit.closure_due;
    const party = t(certificationAudit(audit.type) ? "register.actions.external.party-cb" : "register.actions.external.party-customer");
    const timing = due === undefined ? "" : date <= due ? t("action.external.in-time", { due }) : t("action.external.late", { due, count: daysBetween(due, date) });
    // What the IATF Rules ask the response to hold (5.11.1 a–d) that the record does not hold yet: said, not refused.
    const lacking = (["D3", "D4", "D6"] as const).filter((s) => action.steps?.[s]?.done === undefined);
    const change = editFile(session.root, located.file.path, "action", (doc) => {
      const node = doc.get("external_audit", true) as YAMLMap<unknown, unknown>;
      if (!node.has("responses")) setInMapOrder(doc, node, EXTERNAL_KEYS, "responses", doc.createNode([]));
      appendIn(doc, ["external_audit", "responses"], doc.createNode({ date, ...(note ? { note } : {}) }, { flow: true }));
    });
    const lines = [
      t("action.external.responded", { id: action.id, nc: audit.nc, party, date, timing, path: located.file.path }),
      ...(lacking.length > 0 ? [t("action.external.respond-lacking", { steps: lacking.map((s) => t(`action.external.lacking.${s}`)).join(t("common.list-separator")), id: shellArgument(action.id) })] : []),
      t("action.external.respond-next", { id: shellArgument(action.id) }),
    ];
    await saveChanges(ctx, session, [change], lines, { commit: flags.commit, message: t("action.commit.responded", { id: action.id, date }) });
    return 0;
  });
}

export interface ActionReviewFlags {
  date?: string;
  by?: string;
  note?: string;
  commit?: boolean;
}

/**
 * `csr action accept|reject <id> --by <auditor> --date <day> [--note <text>]`: the external auditor's decision on the latest
 * response (IATF Rules 5.11.2), appended to `external_audit.reviews`. A rejection needs --note (why); a new response is then
 * due before `closure_due`. Errors: UserError for a missing option, no response to review, a day before the latest response
 * or after today, a decision already recorded on that response.
 */
export async function actionReviewCommand(ctx: CommandContext, given: string, decision: ExternalReview["decision"], flags: ActionReviewFlags): Promise<number> {
  return withEditSession(ctx, true, undefined, async (session) => {
    const { located, action, audit } = externalRecord(session, given);
    const missing = [...(flags.by?.trim() ? [] : ["--by"]), ...(flags.date ? [] : ["--date"]), ...(decision === "rejected" && !flags.note?.trim() ? ["--note"] : [])];
    if (missing.length > 0) throw new UserError(t("action.external.options-missing", { flags: list(missing) }));
    const response = audit.responses?.at(-1);
    if (response === undefined) throw new UserError(t("action.external.no-response-to-review", { id: action.id }), t("action.external.no-response-to-review.hint", { id: shellArgument(action.id) }));
    const review = latestReview(audit);
    if (review !== undefined && review.date >= response.date) throw new UserError(t("action.external.reviewed-already", { id: action.id, date: review.date, decision: t(`value.external-review.${review.decision}`), responded: response.date }));
    const date = eventDateOption(flags.date, "--date", { follows: { what: { key: "action.follows.response", data: {} }, date: response.date, of: action.id } });
    const entry: ExternalReview = { date, by: oneLine(flags.by!), decision, ...(flags.note?.trim() ? { note: oneLine(flags.note) } : {}) };
    const change = editFile(session.root, located.file.path, "action", (doc) => {
      const node = doc.get("external_audit", true) as YAMLMap<unknown, unknown>;
      if (!node.has("reviews")) setInMapOrder(doc, node, EXTERNAL_KEYS, "reviews", doc.createNode([]));
      appendIn(doc, ["external_audit", "reviews"], doc.createNode(entry, { flow: true }));
    });
    const party = t(certificationAudit(audit.type) ? "register.actions.external.party-cb" : "register.actions.external.party-customer");
    const late = audit.closure_due !== undefined && date > audit.closure_due ? t("action.external.accepted-late", { due: audit.closure_due, count: daysBetween(audit.closure_due, date) }) : "";
    const lines = [
      t(`action.external.${decision}`, { id: action.id, nc: audit.nc, party, by: entry.by, date, late, path: located.file.path }),
      decision === "rejected"
        ? t("action.external.rejected-next", { id: shellArgument(action.id), due: audit.closure_due ?? "" })
        : t(audit.grade === "major" && certificationAudit(audit.type) ? "action.external.accepted-next-major" : "action.external.accepted-next", { id: shellArgument(action.id) }),
    ];
    await saveChanges(ctx, session, [change], lines, { commit: flags.commit, message: t(`action.commit.${decision}`, { id: action.id, date }) });
    return 0;
  });
}

export interface ActionVerifyFlags {
  date?: string;
  by?: string;
  at?: string;
  report?: string;
  note?: string;
  commit?: boolean;
}

/**
 * `csr action verify <id> --at next-audit|special-audit --by <auditor> --date <day> [--report <no>] [--note <text>]`: the
 * external auditor's verification of the corrective action's implementation and effectiveness at a later audit, written
 * as `external_audit.verification` (IATF Rules 5.11; a major's by a special audit). Errors: UserError for a missing
 * option, a record whose response the auditor has not accepted, a day before the acceptance or after today, a
 * verification already recorded.
 */
export async function actionVerifyCommand(ctx: CommandContext, given: string, flags: ActionVerifyFlags): Promise<number> {
  return withEditSession(ctx, true, undefined, async (session) => {
    const { located, action, audit } = externalRecord(session, given);
    const missing = [...(flags.by?.trim() ? [] : ["--by"]), ...(flags.date ? [] : ["--date"])];
    if (missing.length > 0) throw new UserError(t("action.external.options-missing", { flags: list(missing) }));
    if (audit.verification) throw new UserError(t("action.external.verified-already", { id: action.id, date: audit.verification.date }));
    if (!externalAccepted(audit)) throw new UserError(t("action.external.verify-unaccepted", { id: action.id }), t("action.external.verify-unaccepted.hint", { id: shellArgument(action.id) }));
    const accepted = latestReview(audit)!;
    const at = choiceOption(flags.at, "--at", EXTERNAL_VERIFICATION_AT, "next-audit");
    const date = eventDateOption(flags.date, "--date", { follows: { what: { key: "action.follows.accepted", data: {} }, date: accepted.date, of: action.id } });
    const entry: ExternalVerification = { date, by: oneLine(flags.by!), at, ...(flags.report?.trim() ? { report: oneLine(flags.report) } : {}), ...(flags.note?.trim() ? { note: oneLine(flags.note) } : {}) };
    const change = editFile(session.root, located.file.path, "action", (doc) => {
      const node = doc.get("external_audit", true) as YAMLMap<unknown, unknown>;
      setInMapOrder(doc, node, EXTERNAL_KEYS, "verification", doc.createNode(entry, { flow: true }));
    });
    const lines = [t("action.external.verified", { id: action.id, nc: audit.nc, by: entry.by, date, at: t(`value.external-verification-at.${at}`), path: located.file.path })];
    await saveChanges(ctx, session, [change], lines, { commit: flags.commit, message: t("action.commit.verified", { id: action.id, date }) });
    return 0;
  });
}
