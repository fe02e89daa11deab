/**
 * `csr action open|step|readacross|close`: the nonconformity and corrective action record
 * (actions/<id>.yaml, 不符合及纠正措施 / 8D) of a customer complaint, an internal audit's
 * nonconformity, an internal or a field failure (IATF 16949 10.2.1–10.2.3, 10.2.6, 9.2.2; GJB 9001C 10.2).
 *
 * - open: the record, with its source, customer and the customer's complaint number, or the process
 *   and the audit report recorded for it (csr process audited), the day it was received or raised,
 *   the owner and the CSRs that govern it; a complaint gets each step's due date counted from receipt on
 *   the working-day calendar, from the customer's `complaint_deadlines` or, for the steps it does not
 *   set, qms.yaml's.
 * - step: a step D3–D7 done (the day, who, what), or its due date.
 * - readacross: a lessons-learned check of a similar document, process or product (横向展开, 10.3.1),
 *   on the record: the document's periodic review is not touched.
 * - close: D8, the day the action was verified effective, by whom and the evidence; refused while a
 *   step D3–D7 has no done date, and in a GJB 9001C repository while no read-across (举一反三) is recorded
 *   unless --no-read-across-reason says why none applies; there it says what the 归零 still lacks of its ten
 *   criteria, and refuses a 重大 or 严重 problem whose ten are not all evidenced or that the 军代表 has not reviewed, and
 *   a day before that review or before the release of a revision made for the record (tester81 J1, J2). A step whose note says a document is revised (修订进货检验规范) with no released revision naming
 *   the record (csr release --action) is said too: the register's 相关文件修订 would read 无.
 * - zero: where each criterion of 质量问题归零 is evidenced (GJB 9001C-2017 10.2; the 双五条, QJ 3183, GJB 5711):
 *   technical 归零's 定位准确, 机理清楚, 问题复现, 措施有效, 举一反三 and management 归零's 过程清楚, 责任明确, 措施落实,
 *   严肃处理, 完善规章, with the 归零报告 and who reviewed it (the 军代表); open or closed; replaced with --amend, which
 *   voids the 军代表's review of the evidence it corrects (kept in zeroing.voided_reviews; tester81 J6).
 *
 * Errors (UserError, one line): an unknown record, customer, process, CSR, person or step; a missing
 * option; a date after today or before the record was received (or, closing, before its last step);
 * an audit report not recorded for the process; a step recorded done already; a closed record changed.
 */
import { Document, type YAMLMap } from "yaml";
import { UserError } from "../../core/errors.js";
import { didYouMean, localized, oneLine, shellArgument } from "../../core/text.js";
import { language, list, t } from "../../i18n/index.js";
import { repositoryCalendar } from "../../load/calendar.js";
import type { Located } from "../../load/repository.js";
import { actionById, actionClosed, heldDue, actionRevisions, type ActionRevision, complaintDeadlines, complaintDueDates, deadlineBasis, deadlineOwner, documentChangeNamed, selfVerifiedRole, stepNameKey, dueDatesOutOfOrder, estimatedDueYears, nextActionId, stepsNotDone, ZEROING_CRITERIA, zeroingMissing } from "../../model/actions.js";
import { worksToGjb9001C } from "../../model/citations.js";
import { closedTooEarly, closureBoundText, reviewRequired, voidedReview, zeroingLacking, zeroingLackingText, zeroingReviewed, zeroingReviewProblems, zeroingReviewText } from "../../model/zeroing-review.js";
import { workdaysLate } from "../../model/calendar.js";
import { csrStatus, reviewDue, reviewOpen } from "../../model/csr-status.js";
import { localToday } from "../../core/dates.js";
import { findProcess } from "../../model/index.js";
import { statusOn } from "../../model/suppliers.js";
import { processLabel } from "../../model/labels.js";
import { sameAuditReport } from "../../model/process-audits.js";
import { ACTION_SOURCES, ACTION_STEPS, PROBLEM_GRADES, type ProblemGrade, type ActionSource, type ActionStepId, type CorrectiveAction, type DueChange, type ReadAcross, type VoidedZeroingReview, type Zeroing } from "../../model/types.js";
import type { CommandContext } from "../context.js";
import { choiceOption, dateOption, eventDateOption } from "../options.js";
import { editFile, insiderOption, listOption, processByCode, saveChanges, setInMapOrder, setInOrder, withEditSession, type EditSession } from "../shared/edit.js";
import { personLabel, resolvePerson } from "../shared/people.js";
import { supplierOption } from "../shared/suppliers.js";
import { appendIn, mapNode, yamlText } from "../shared/persist.js";
import { unknownCustomer } from "../../model/customers.js";
import { externalAuditOption, externalDueLines, externalMissing } from "./external.js";

/** The order of a record's keys as `csr action open` writes them. */
export const KEYS = ["id", "title", "title_en", "source", "customer", "supplier", "complaint", "product", "product_en", "problem_grade", "safety", "batches", "serials", "process", "audit_report", "external_audit", "received", "notified", "owner", "csr", "steps", "read_across", "zeroing", "cost"] as const;

/** The Chinese names of the grades --problem-grade also takes: 重大, 严重, 一般 (质量问题). */
const GRADE_WORDS: Record<string, ProblemGrade> = { 重大: "major", 重大质量问题: "major", 严重: "serious", 严重质量问题: "serious", 一般: "general", 一般质量问题: "general" };

/** --problem-grade as typed: major, serious, general, or 重大, 严重, 一般 (质量问题 after them too). Errors: UserError naming the grades. */
export function gradeOption(given: string): ProblemGrade {
  return choiceOption(GRADE_WORDS[given.trim()] ?? given, "--problem-grade", PROBLEM_GRADES, "general");
}

/** Repeated --batch or --serial values, trimmed, blanks and repeats dropped, in the order given. */
export function numbersOption(given: readonly string[] | undefined): string[] {
  return [...new Set((given ?? []).map((v) => v.trim()).filter(Boolean))];
}

/**
 * Refuses a field failure's number under the wrong name (J14): in a GJB 9001C repository a field failure carries the user's
 * (部队/订购方) own failure report number, 故障报告单编号 (FRACAS, GJB 841), written by --failure-report, not --complaint (顾客投诉编号);
 * --failure-report is for a field failure only, and only there — an IATF 16949 repository records the customer's number of a
 * field failure as of a complaint (--complaint). Errors: UserError, one line with the option to use.
 */
function failureReportOption(config: { standards?: readonly string[] } | undefined, source: ActionSource | undefined, flags: ActionOpenFlags): void {
  const report = flags.failureReport?.trim();
  if (report === undefined) {
    if (source === "field-failure" && flags.complaint?.trim() && worksToGjb9001C(config)) throw new UserError(t("action.complaint-field-failure", { number: flags.complaint.trim() }), t("action.complaint-field-failure.hint", { number: shellArgument(flags.complaint.trim()) }));
    return;
  }
  if (!worksToGjb9001C(config)) throw new UserError(t("action.failure-report-not-gjb"), t("action.failure-report-not-gjb.hint", { number: shellArgument(report) }));
  if (source !== "field-failure") throw new UserError(t("action.failure-report-not-field-failure", { source: t(`action.source.${source!}`) }));
  if (flags.complaint?.trim()) throw new UserError(t("action.failure-report-and-complaint"));
}

export interface ActionOpenFlags {
  title?: string;
  /** The problem in English (title_en). */
  titleEn?: string;
  source?: string;
  customer?: string;
  /** The supplier asked for the corrective action (SCAR): its code or name. */
  supplier?: string;
  complaint?: string;
  /** A field failure's number on the user's own failure report (failure_report, 故障报告单编号): GJB 9001C repositories only. */
  failureReport?: string;
  product?: string;
  /** The part or product in English (product_en). */
  productEn?: string;
  /** The grade of the quality problem (problem_grade): major, serious, general, or 重大, 严重, 一般. */
  problemGrade?: string;
  /** Batch numbers (batches), repeatable. */
  batch?: string[];
  /** Serial numbers or ranges (serials), repeatable. */
  serial?: string[];
  /** The day the 军代表 was notified (notified). */
  notified?: string;
  /** The problem concerns product safety (safety: true; IATF 16949 4.4.1.2). */
  safety?: boolean;
  process?: string;
  auditReport?: string;
  received?: string;
  owner?: string;
  csr?: string[];
  due?: string[];
  /** An external audit's nonconformity (--source external-audit): who audited (a certification body's name or qms.yaml party code). */
  auditor?: string;
  /** initial, surveillance, recertification, special, customer (or their labels). */
  auditType?: string;
  /** The day of the audit's closing meeting; the auditor's deadlines count from it in calendar days. */
  closingMeeting?: string;
  /** The nonconformity's number as the auditor numbers it. */
  nc?: string;
  /** major or minor (严重, 一般). */
  grade?: string;
  clause?: string;
  requirement?: string;
  statement?: string;
  evidence?: string;
  /** The response's due date set by hand (a customer's audit; a certification body's agreed extension). */
  responseDue?: string;
  commit?: boolean;
}

export async function actionOpenCommand(ctx: CommandContext, given: string | undefined, flags: ActionOpenFlags): Promise<number> {
  return withEditSession(ctx, true, undefined, async (session) => {
    const { repo, index } = session;
    const source: ActionSource | undefined =
      flags.source !== undefined
        ? choiceOption(flags.source, "--source", ACTION_SOURCES, "complaint")
        : flags.closingMeeting
          ? "external-audit"
          : flags.failureReport
            ? "field-failure"
            : flags.customer
              ? "complaint"
              : flags.supplier
                ? "supplier"
                : flags.auditReport
                  ? "audit"
                  : undefined;
    failureReportOption(repo.config?.value, source, flags);
    // An external audit's nonconformity is titled by its statement and raised at the closing meeting unless told otherwise.
    const external = source === "external-audit";
    const missing: string[] = (["--title", "--received", "--owner"] as const).filter((flag) => !(external && flag !== "--owner") && !{ "--title": flags.title, "--received": flags.received, "--owner": flags.owner }[flag]?.trim());
    if (source === undefined) missing.unshift("--source");
    if (external) missing.push(...externalMissing(flags));
    if (source === "complaint" && !flags.customer) missing.push("--customer");
    if (source === "supplier" && !flags.supplier) missing.push("--supplier");
    if (source === "audit") for (const flag of ["--process", "--audit-report"] as const) if (!(flag === "--process" ? flags.process : flags.auditReport)) missing.push(flag);
    if (missing.length > 0) throw new UserError(t(external ? "action.external.missing" : "action.open.missing", { flags: list(missing) }), t(external ? "action.open.hint-external" : "action.open.hint"));
    const externalAudit = external ? externalAuditOption(session, flags) : undefined;
    const received = flags.received === undefined && externalAudit ? externalAudit.closing_meeting : eventDateOption(flags.received, "--received");
    if (externalAudit && received < externalAudit.closing_meeting) throw new UserError(t("action.external.received-before-closing", { received, closing: externalAudit.closing_meeting }));
    const grade = flags.problemGrade === undefined ? undefined : gradeOption(flags.problemGrade);
    const notified = flags.notified === undefined ? undefined : eventDateOption(flags.notified, "--notified");
    if (notified !== undefined && notified < received) throw new UserError(t("action.notified-before-received", { notified, received }));
    const batches = numbersOption(flags.batch);
    const serials = numbersOption(flags.serial);
    const owner = insiderOption(session, flags.owner!, "--owner", received).id;
    const customer = flags.customer === undefined ? undefined : index.customers.get(flags.customer.trim())?.value;
    if (flags.customer !== undefined && !customer) throw unknownCustomer(repo.customers.map((c) => c.value), flags.customer);
    if (flags.supplier !== undefined && source !== "supplier") throw new UserError(t("action.supplier-not-source", { source: t(`action.source.${source!}`) }));
    const supplier = flags.supplier === undefined ? undefined : supplierOption(repo, flags.supplier);
    const process = flags.process === undefined ? undefined : processByCode(repo, flags.process).value;
    let report: string | undefined;
    if (flags.auditReport !== undefined && !external) {
      const wanted = flags.auditReport.trim();
      if (!process) throw new UserError(t("action.audit-needs-process", { report: wanted }));
      const audits = process.audits ?? [];
      // Read as the audit was recorded: IA-2026-01 and ia-2026-01 are one report (process/audit-duplicate-report).
      report = audits.find((a) => sameAuditReport(a.report, wanted))?.report;
      if (report === undefined) {
        throw new UserError(t("action.audit-not-recorded", { report: wanted, process: processLabel(process) }) + didYouMean(wanted, audits.map((a) => a.report)), t("action.audit-not-recorded.hint", { code: shellArgument(process.code), report: shellArgument(wanted) }));
      }
    }
    const csrs = listOption(flags.csr);
    for (const id of csrs) if (!index.csrs.has(id)) throw new UserError(t("action.unknown-csr", { id }) + didYouMean(id, index.csrs.keys()));
    // A complaint of a customer that fixes its deadlines: each step's due date, and the CSR that fixes them.
    // The customer's own deadlines first, the organisation's (qms.yaml) for the steps it does not set.
    const governing = source === "complaint" && customer ? complaintDeadlines(customer.complaint_deadlines, repo.config?.value.complaint_deadlines) : undefined;
    const deadlines = governing?.deadlines;
    const calendar = repositoryCalendar(repo.config?.value);
    const due: Partial<Record<ActionStepId, string>> = deadlines ? complaintDueDates(deadlines, received, calendar) : {};
    if (deadlines?.csr && index.csrs.has(deadlines.csr) && !csrs.includes(deadlines.csr)) csrs.unshift(deadlines.csr);
    // The steps whose due date is given by hand (--due): not counted from the customer's deadlines.
    const byHand = new Set<ActionStepId>();
    for (const entry of listOption(flags.due)) {
      const [step, date] = stepDate(entry);
      due[step] = dateOption(date, "--due");
      byHand.add(step);
      if (due[step]! < received) throw new UserError(t("action.due-before-received", { step, due: due[step]!, received }));
    }
    const taken = [...index.actions.keys(), ...repo.unvalidated.actions];
    const id = given?.trim() || nextActionId(taken, source!, received.slice(0, 4));
    if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(id)) throw new UserError(t("action.bad-id", { id }));
    const existing = taken.find((k) => k.toLowerCase() === id.toLowerCase());
    if (existing !== undefined) throw new UserError(t("action.exists", { id: existing }), t("action.exists.hint", { id: existing }));
    const steps = Object.fromEntries(ACTION_STEPS.filter((s) => due[s] !== undefined).map((s) => [s, { due: due[s] }]));
    const record: CorrectiveAction = {
      id,
      title: flags.title?.trim() || externalAudit!.statement,
      ...(flags.titleEn?.trim() ? { title_en: flags.titleEn.trim() } : {}),
      source: source!,
      ...(customer ? { customer: customer.code } : {}),
      ...(supplier ? { supplier: supplier.code } : {}),
      ...(flags.complaint?.trim() ? { complaint: flags.complaint.trim() } : {}),
      ...(flags.failureReport?.trim() ? { failure_report: flags.failureReport.trim() } : {}),
      ...(flags.product?.trim() ? { product: flags.product.trim() } : {}),
      ...(flags.productEn?.trim() ? { product_en: flags.productEn.trim() } : {}),
      ...(grade ? { problem_grade: grade } : {}),
      ...(flags.safety ? { safety: true } : {}),
      ...(batches.length > 0 ? { batches } : {}),
      ...(serials.length > 0 ? { serials } : {}),
      ...(process ? { process: process.code } : {}),
      ...(report ? { audit_report: report } : {}),
      ...(externalAudit ? { external_audit: externalAudit } : {}),
      received,
      ...(notified ? { notified } : {}),
      owner,
      ...(csrs.length > 0 ? { csr: csrs } : {}),
      ...(Object.keys(steps).length > 0 ? { steps } : {}),
    };
    const path = `actions/${id}.yaml`;
    const gjb = worksToGjb9001C(repo.config?.value);
    const lines = [t(gjb ? "action.opened-gjb" : "action.opened", { id, title: localized(language(), record.title, record.title_en), source: t(`action.source.${source!}`), path })];
    for (const step of ACTION_STEPS) {
      if (due[step] === undefined) continue;
      // Only a complaint's deadlines are counted (governing): a step given by hand (--due), as any of a record of another source, says no basis.
      const rule = byHand.has(step) ? undefined : deadlines?.[step];
      // A due date counted in working days through a year whose holidays are not registered is an estimate (breaker64 P6).
      const estimated = rule === undefined ? [] : estimatedDueYears(rule, received, due[step]!, calendar);
      const note = estimated.length > 0 ? t("action.basis.estimated", { years: list(estimated.map(String)), count: estimated.length }) : "";
      // Whose deadline: the customer's CSR (or the customer), or the organisation's own for every customer.
      const basis = rule === undefined ? "" : deadlineBasis(rule, deadlineOwner(governing!, step, customer!.code), note);
      lines.push(t("action.due-line", { step, name: t(stepNameKey(step, gjb)), due: due[step]!, basis }));
    }
    // A later step due before an earlier one: the deadlines are set out of order (action/deadline-order; breaker64 P6).
    for (const { step, due: when, earlier } of dueDatesOutOfOrder(due)) {
      const before = list(earlier.map((e) => t("action.out-of-order.earlier", { step: e.step, due: e.due })));
      lines.push(t("action.out-of-order", { id: shellArgument(id), step, due: when, earlier: before, steps: [...earlier.map((e) => e.step), step].join(t("common.list-separator")), first: earlier[0]!.step }));
    }
    // Deadlines taken from a CSR under review again against a new revision of its source may be about to change (tester66 N4).
    const setter = deadlines?.csr === undefined ? undefined : index.csrs.get(deadlines.csr)?.value;
    if (setter && (setter.review?.history?.length ?? 0) > 0 && reviewOpen(csrStatus(setter, (doc) => index.documents.get(doc)?.value, localToday(), repo.config?.value))) {
      const revision = setter.source.revision;
      lines.push(t("action.deadlines-under-review", { csr: setter.id, source: setter.source.document, revision, due: reviewDue(setter, calendar, repo.config?.value), customer: customer!.code, id: shellArgument(id) }));
    }
    // A SCAR whose reply has no due date is never overdue: action/step-overdue judges the due dates (IATF 16949 8.4.2.4).
    if (supplier) {
      const status = statusOn(supplier, received);
      lines.splice(1, 0, t("action.opened-supplier", { supplier: t("people.department-choice", { code: supplier.code, name: localized(language(), supplier.name, supplier.name_en) }), status: t(`supplier.status.${status}`), code: supplier.code }));
      if (Object.keys(steps).length === 0) lines.push(t("action.supplier-no-due", { id: shellArgument(id) }));
    }
    // The auditor's deadlines, in calendar days from the closing meeting (IATF Rules 5.11; tester82 A1, A11).
    if (externalAudit) lines.splice(1, 0, ...externalDueLines(id, externalAudit, flags.responseDue !== undefined));
    // An audit's nonconformity without a due date is never overdue (IATF 16949 10.2.3, 9.2.2; tester78 A4).
    if (source === "audit" && Object.keys(steps).length === 0) lines.push(t("action.audit-no-due", { id: shellArgument(id) }));
    // Without a grade csr cannot tell whether the 军代表 is to be notified and is to review the 归零 (action/problem-ungraded; tester81 J11).
    if (gjb && grade === undefined && source !== "audit" && !external) lines.push(t("action.open.ungraded", { id: shellArgument(id) }));
    // Product safety (IATF 16949 4.4.1.2, 10.2.4): the register marks it and the management review lists it.
    if (record.safety) lines.push(t("action.opened-safety"));
    // In a GJB 9001C repository the record is a 质量问题: its first step said as 归零 says it (tester68 G8).
    lines.push(t(gjb ? "action.open.next-gjb" : external ? "action.open.next-external" : "action.open.next", { id: shellArgument(id) }));
    await saveChanges(ctx, session, [{ path, kind: "action", text: yamlText(new Document(record)), create: true }], lines, {
      commit: flags.commit,
      message: t("action.commit.opened", { id, title: record.title }),
    });
    return 0;
  });
}

export interface ActionStepFlags {
  date?: string;
  by?: string;
  note?: string;
  due?: string;
  /** Why a due date already set changes (due_changes); required then. */
  reason?: string;
  commit?: boolean;
}

export async function actionStepCommand(ctx: CommandContext, given: string, stepGiven: string, flags: ActionStepFlags): Promise<number> {
  return withEditSession(ctx, true, undefined, async (session) => {
    const located = findAction(session, given);
    const action = located.value;
    const step = stepOption(stepGiven);
    if (step === "D8") throw new UserError(t("action.step.d8", { id: action.id }), t("action.close.hint", { id: shellArgument(action.id) }));
    refuseClosed(action);
    if (flags.reason !== undefined && flags.due === undefined) throw new UserError(t("action.step.reason-without-due"));
    if (flags.date === undefined && flags.due === undefined) throw new UserError(t("action.step.missing", { id: action.id, step }), t("action.step.hint", { id: shellArgument(action.id), step }));
    const entry = action.steps?.[step];
    if (flags.date !== undefined && entry?.done !== undefined) throw new UserError(t("action.step.done-already", { id: action.id, step, done: entry.done }), t("action.step.done-already.hint", { path: located.file.path }));
    const done = flags.date === undefined ? undefined : eventDateOption(flags.date, "--date", { follows: { what: { key: "action.follows.received", data: {} }, date: action.received, of: action.id } });
    const newDue = flags.due === undefined ? undefined : dateOption(flags.due, "--due");
    if (newDue !== undefined && newDue < action.received) throw new UserError(t("action.due-before-received", { step, due: newDue, received: action.received }));
    // A blank --reason is no reason: a moved date then asks for one (below).
    const reason = flags.reason === undefined ? undefined : oneLine(flags.reason) || undefined;
    // A due date once set is changed only with a reason, and kept: the original and each change stay in due_changes, and
    // lateness is judged on them (heldDue), so a date moved never erases the lateness already recorded (IATF 16949 10.2.3, 9.3.2.1; tester78 A1).
    const from = entry?.due;
    const moved = newDue !== undefined && from !== undefined && newDue !== from;
    const today = localToday();
    if (moved && reason === undefined) {
      const hint = t("action.step.due-needs-reason.hint", { id: shellArgument(action.id), step, to: newDue });
      throw new UserError(t(from < today ? "action.step.due-needs-reason-passed" : "action.step.due-needs-reason", { id: action.id, step, due: from, to: newDue }), hint);
    }
    if (newDue !== undefined && newDue === from && done === undefined && flags.by === undefined && !flags.note?.trim()) {
      ctx.stdout(t("action.step.due-unchanged", { id: action.id, step, due: from }) + "\n");
      return 0;
    }
    const due = newDue === from ? undefined : newDue;
    // --by alone with a changed due date names who agreed the change; with --date, who did the step.
    const by = flags.by === undefined ? undefined : insiderOption(session, flags.by, "--by", done ?? today).id;
    const note = flags.note?.trim() || undefined;
    const dueChange: DueChange | undefined = moved ? { from, to: newDue, date: today, ...(by !== undefined && done === undefined ? { by } : {}), reason: reason! } : undefined;
    const values = { ...(due ? { due } : {}), ...(done ? { done } : {}), ...(by && !dueChange?.by ? { by } : {}), ...(note ? { note } : {}) };
    const change = editFile(session.root, located.file.path, "action", (doc) => {
      writeStep(doc, step, values);
      if (dueChange !== undefined) appendDueChange(doc, step, dueChange);
    });
    const name = t(stepNameKey(step, worksToGjb9001C(session.repo.config?.value)));
    const lines: string[] = [];
    const after = { ...entry, ...(due ? { due } : {}), ...(dueChange ? { due_changes: [...(entry?.due_changes ?? []), dueChange] } : {}) };
    const held = heldDue(after);
    if (done !== undefined) {
      lines.push(t("action.step.recorded", { id: action.id, step, name, done, by: by ? t("action.by", { who: personLabel(session.index, by) }) : "", timing: timing(session, held, done), path: located.file.path }));
    }
    if (dueChange !== undefined) {
      lines.push(t("action.step.due-changed", { id: action.id, step, name, from: dueChange.from, to: dueChange.to, reason: dueChange.reason, path: located.file.path }));
      if (held !== dueChange.to) lines.push(t("action.step.due-changed-late", { from: dueChange.from, step, held: held! }));
    } else if (due !== undefined) {
      lines.push(t("action.step.due-set", { id: action.id, step, name, due, path: located.file.path }));
    }
    const message =
      done !== undefined
        ? t("action.commit.step", { id: action.id, step, name, done })
        : dueChange !== undefined
          ? t("action.commit.due-changed", { id: action.id, step, from: dueChange.from, to: dueChange.to, reason: dueChange.reason })
          : t("action.commit.due", { id: action.id, step, due: due! });
    await saveChanges(ctx, session, [change], lines, { commit: flags.commit, message });
    return 0;
  });
}

export interface ActionReadAcrossFlags {
  process?: string;
  product?: string;
  result?: string;
  by?: string;
  date?: string;
  commit?: boolean;
}

export async function actionReadAcrossCommand(ctx: CommandContext, given: string, target: string | undefined, flags: ActionReadAcrossFlags): Promise<number> {
  return withEditSession(ctx, true, undefined, async (session) => {
    const located = findAction(session, given);
    const action = located.value;
    refuseClosed(action);
    const missing = [...(target === undefined && !flags.process && !flags.product ? ["<document>"] : []), ...(flags.result?.trim() ? [] : ["--result"]), ...(flags.by ? [] : ["--by"])];
    if (missing.length > 0) throw new UserError(t("action.readacross.missing", { flags: list(missing) }), t("action.readacross.hint", { id: shellArgument(action.id) }));
    const entry: Partial<ReadAcross> = {};
    let checked = "";
    if (target !== undefined) {
      const document = session.index.documents.get(target.trim());
      const process = document ? undefined : findProcess(session.repo.processes, target);
      if (document) entry.document = document.value.id;
      else if (process) entry.process = process.value.code;
      else throw new UserError(t("action.readacross.unknown", { target }) + didYouMean(target, [...session.index.documents.keys(), ...session.index.processes.keys()]));
      checked = document ? `${document.value.id} ${document.value.title}` : processLabel(process!.value);
    }
    if (flags.process !== undefined) {
      const process = processByCode(session.repo, flags.process);
      entry.process = process.value.code;
      checked = [checked, processLabel(process.value)].filter(Boolean).join(t("common.list-separator"));
    }
    if (flags.product?.trim()) {
      entry.product = flags.product.trim();
      checked = [checked, entry.product].filter(Boolean).join(t("common.list-separator"));
    }
    const date = eventDateOption(flags.date, "--date", { follows: { what: { key: "action.follows.received", data: {} }, date: action.received, of: action.id } });
    const by = insiderOption(session, flags.by!, "--by", date).id;
    // entry's keys are set document, process, product: the order a row is written in.
    const row: ReadAcross = { ...entry, result: flags.result!.trim(), by, date };
    const change = editFile(session.root, located.file.path, "action", (doc) => {
      if (!doc.has("read_across")) setInOrder(doc, KEYS, "read_across", doc.createNode([]));
      appendIn(doc, ["read_across"], doc.createNode(row, { flow: true }));
    });
    const lines = [t("action.readacross.recorded", { id: action.id, checked, result: row.result, by: personLabel(session.index, by), date, path: located.file.path })];
    await saveChanges(ctx, session, [change], lines, { commit: flags.commit, message: t("action.commit.readacross", { id: action.id, checked, date }) });
    return 0;
  });
}

export interface ActionCloseFlags {
  verifiedBy?: string;
  date?: string;
  evidence?: string;
  /** --no-read-across-reason <text>: commander reads a --no- option as negating readAcrossReason, true when not given. */
  readAcrossReason?: string | boolean;
  commit?: boolean;
}

export async function actionCloseCommand(ctx: CommandContext, given: string, flags: ActionCloseFlags): Promise<number> {
  return withEditSession(ctx, true, undefined, async (session) => {
    const located = findAction(session, given);
    const action = located.value;
    refuseClosed(action);
    const missing = [...(flags.verifiedBy ? [] : ["--verified-by"]), ...(flags.date ? [] : ["--date"]), ...(flags.evidence?.trim() ? [] : ["--evidence"])];
    if (missing.length > 0) throw new UserError(t("action.close.missing", { flags: list(missing) }), t("action.close.hint", { id: shellArgument(action.id) }));
    // 10.2.1 d: the action is reviewed for effectiveness once it has been taken; every step first.
    const open = stepsNotDone(action);
    const gjb = worksToGjb9001C(session.repo.config?.value);
    if (open.length > 0) throw new UserError(t("action.close.steps-open", { id: action.id, steps: list(open.map((s) => `${s} ${t(stepNameKey(s, gjb))}`)) }), t("action.step.hint", { id: shellArgument(action.id), step: open[0]! }));
    // Every step D3–D7 has its done date by now: the latest of them.
    const last = ACTION_STEPS.filter((s) => s !== "D8").map((s) => action.steps![s]!.done!).sort().at(-1)!;
    const date = eventDateOption(flags.date, "--date", { follows: { what: { key: "action.follows.last-step", data: {} }, date: last, of: action.id } });
    const verifier = insiderOption(session, flags.verifiedBy!, "--verified-by", date).id;
    // 10.2.1 f, 8D D8: the effectiveness is verified by someone other than the one who did the work (action/self-verified).
    const role = selfVerifiedRole(action, verifier);
    if (role !== undefined) {
      throw new UserError(
        t("action.close.self-verified", { id: action.id, person: personLabel(session.index, verifier), role: t(`action.close.self-verified.${role}`, { step: role === "owner" ? "" : `${role} ${t(stepNameKey(role, gjb))}` }) }),
        t("action.close.self-verified.hint", { id: shellArgument(action.id) }),
      );
    }
    const evidence = flags.evidence!.trim();
    const noReadAcross = typeof flags.readAcrossReason === "string" ? oneLine(flags.readAcrossReason) || undefined : undefined;
    if (typeof flags.readAcrossReason === "string" && noReadAcross === undefined) throw new UserError(t("action.close.no-read-across-empty"));
    const across = (action.read_across ?? []).length;
    if (noReadAcross !== undefined && across > 0) throw new UserError(t("action.close.read-across-recorded", { id: action.id, count: across }));
    // GJB 9001C 10.2 (质量问题归零): 举一反三 is one of the five criteria, never skipped without a word.
    if (gjb && across === 0 && noReadAcross === undefined) {
      throw new UserError(t("action.close.read-across-missing", { id: action.id, arg: shellArgument(action.id) }));
    }
    const closed: CorrectiveAction = { ...action, steps: { ...action.steps, D8: { done: date, ...(noReadAcross ? { no_read_across: noReadAcross } : {}) } } };
    const revisions = actionRevisions(session.repo.documents.map((d) => d.value)).get(action.id) ?? [];
    if (gjb) refuseEarlyZeroing(session, closed, revisions, date);
    const change = editFile(session.root, located.file.path, "action", (doc) => writeStep(doc, "D8", { done: date, verified_by: verifier, evidence, ...(noReadAcross ? { no_read_across: noReadAcross } : {}) }));
    const lines = [t("action.closed", { id: action.id, date, by: personLabel(session.index, verifier), evidence, timing: timing(session, action.steps?.D8?.due, date), path: located.file.path })];
    // Not 归零 until both halves are evidenced: the technical five and the management five (GJB 9001C 10.2; tester68 G1).
    if (gjb && zeroingMissing(closed).length > 0) lines.push(zeroingStanding(closed, gjb));
    // A step that says a document is to be revised, and no released revision names the record (相关文件修订 无; tester68 G1).
    const named = documentChangeNamed(action);
    if (named !== undefined && revisions.length === 0) {
      lines.push(t("action.close.revision-unlinked", { id: action.id, step: named.step, note: named.note, arg: shellArgument(action.id) }));
    }
    await saveChanges(ctx, session, [change], lines, { commit: flags.commit, message: t("action.commit.closed", { id: action.id, date }) });
    return 0;
  });
}

export interface ActionZeroFlags {
  located?: string;
  mechanism?: string;
  reproduced?: string;
  effective?: string;
  readAcross?: string;
  processClear?: string;
  responsibility?: string;
  measuresTaken?: string;
  dealtWith?: string;
  rulesImproved?: string;
  /** The 归零报告's number. */
  report?: string;
  /** Who reviewed the 归零 for the customer (the 军代表), by name. */
  reviewedBy?: string;
  /** The day it was reviewed. */
  reviewed?: string;
  /** Replace what is already recorded of an entry given again (a correction; git keeps the old file). */
  amend?: boolean;
  commit?: boolean;
}

/** What csr action zero writes under `zeroing`, in the order of the file: the ten criteria, then the 归零报告 and its review. */
const ZEROING_KEYS = [...ZEROING_CRITERIA, "report", "reviewed_by", "reviewed"] as const;
type ZeroingKey = (typeof ZEROING_KEYS)[number];
/** The order of `zeroing`'s keys in the file: the entries csr action zero takes, then the reviews a correction voided. */
const ZEROING_ORDER = [...ZEROING_KEYS, "voided_reviews"] as const;
/** The entries of a 归零 whose correction voids the 军代表's review of it: the ten criteria and the 归零报告. */
const REVIEWED_KEYS: readonly ZeroingKey[] = [...ZEROING_CRITERIA, "report"];

type ZeroingFlagKey = Exclude<keyof ActionZeroFlags, "commit" | "amend">;

/** Each entry's option and commander key, from its field name: read_across → --read-across, readAcross. */
const ZEROING_FLAGS = Object.fromEntries(
  ZEROING_KEYS.map((k) => [k, { flag: `--${k.replace(/_/g, "-")}`, key: k.replace(/_(\w)/g, (_, c: string) => c.toUpperCase()) as ZeroingFlagKey }]),
) as Record<ZeroingKey, { flag: string; key: ZeroingFlagKey }>;

/**
 * `csr action zero <id> --located … --rules-improved … [--report … --reviewed-by … --reviewed …]`: where each criterion of
 * the record's 质量问题归零 is evidenced — technical 归零's five (定位准确, 机理清楚, 问题复现, 措施有效, 举一反三) and management
 * 归零's five (过程清楚, 责任明确, 措施落实, 严肃处理, 完善规章): GJB 9001C-2017 10.2, the 双五条 of the practice (QJ 3183,
 * GJB 5711) — and the 归零报告 with who reviewed it for the customer (the 军代表) and when. Open or closed: the evidence may be
 * written after the closure. An entry recorded already with another value is replaced only with --amend, and the summary
 * names what it replaces (as csr distribute --copy --holder --amend corrects a holder); the same value given again changes
 * nothing. The 归零 is complete, and said so, once all ten criteria are evidenced. Errors: UserError for no option, an entry
 * recorded already with another value and no --amend, a review day after today or before the record was received.
 */
export async function actionZeroCommand(ctx: CommandContext, given: string, flags: ActionZeroFlags): Promise<number> {
  return withEditSession(ctx, true, undefined, async (session) => {
    const located = findAction(session, given);
    const action = located.value;
    const values = Object.fromEntries(ZEROING_KEYS.flatMap((k) => {
      const text = oneLine(flags[ZEROING_FLAGS[k].key] ?? "");
      return text === "" ? [] : [[k, text]];
    })) as Zeroing;
    if (values.reviewed !== undefined) values.reviewed = eventDateOption(values.reviewed, "--reviewed", { follows: { what: { key: "action.follows.received", data: {} }, date: action.received, of: action.id } });
    // The reviewer as release's --military-representative takes one (id, 工号, 姓名(工号) or name); the file keeps the id.
    if (values.reviewed_by !== undefined) values.reviewed_by = resolvePerson(session.index, values.reviewed_by, "--reviewed-by", values.reviewed ?? action.zeroing?.reviewed).id;
    const keys = ZEROING_KEYS.filter((k) => values[k] !== undefined);
    if (keys.length === 0) throw new UserError(t("action.zero.needs", { flags: list(ZEROING_KEYS.map((k) => ZEROING_FLAGS[k].flag)) }), t("action.zero.hint", { id: shellArgument(action.id) }));
    const entry = (k: ZeroingKey, text: string) => t("action.zero.evidence", { criterion: t(`action.zero.criterion.${k}`), evidence: k === "reviewed_by" ? personLabel(session.index, text) : text });
    const replaced = keys.filter((k) => action.zeroing?.[k] !== undefined && action.zeroing[k] !== values[k]);
    if (replaced.length > 0 && !flags.amend) {
      const k = replaced[0]!;
      throw new UserError(t("action.zero.already", { id: action.id, criterion: t(`action.zero.criterion.${k}`), evidence: action.zeroing![k]! }), t("action.zero.already.hint", { flag: ZEROING_FLAGS[k].flag }));
    }
    const changed = keys.filter((k) => action.zeroing?.[k] !== values[k]);
    if (changed.length === 0) {
      ctx.stdout(t("action.zero.unchanged", { id: action.id, evidence: keys.map((k) => entry(k, values[k]!)).join(t("register.remarks-separator")) }) + "\n");
      return 0;
    }
    // A correction of evidence the 军代表 has reviewed voids the review: kept in voided_reviews, the record asks for a new one
    // (GJB 9001C 7.5.3, 10.2; as csr review --amend keeps a CSR's replaced decision; tester81 J6).
    const amended = zeroingReviewed(action) ? replaced.filter((k) => REVIEWED_KEYS.includes(k)) : [];
    const voided: VoidedZeroingReview | undefined = amended.length > 0 ? { reviewed_by: action.zeroing!.reviewed_by!, reviewed: action.zeroing!.reviewed!, voided: localToday(), amended } : undefined;
    const reviewAgain = values.reviewed_by !== undefined || values.reviewed !== undefined;
    if (voided && reviewAgain && (values.reviewed_by === undefined || values.reviewed === undefined)) throw new UserError(t("action.zero.review-again-both", { id: action.id }));
    const zeroing: Zeroing = { ...action.zeroing, ...values };
    if (voided) {
      if (!reviewAgain) {
        delete zeroing.reviewed_by;
        delete zeroing.reviewed;
      }
      zeroing.voided_reviews = [...(action.zeroing?.voided_reviews ?? []), voided];
    }
    const after = { ...action, zeroing };
    // The 军代表 reviews a finished 归零 (GJB 9001C 10.2): a review recorded or amended is judged as action/zeroing-review judges the file.
    if (worksToGjb9001C(session.repo.config?.value) && changed.some((k) => k === "reviewed_by" || k === "reviewed")) {
      const [problem] = zeroingReviewProblems(after, session.index);
      if (problem) throw new UserError(zeroingReviewText(problem, action.id, session.index));
    }
    const change = editFile(session.root, located.file.path, "action", (doc) => {
      if (!doc.has("zeroing")) setInOrder(doc, KEYS, "zeroing", doc.createNode({}));
      const node = doc.get("zeroing", true) as YAMLMap<unknown, unknown>;
      for (const k of changed) setInMapOrder(doc, node, ZEROING_ORDER, k, doc.createNode(values[k]));
      if (!voided) return;
      if (!reviewAgain) for (const k of ["reviewed_by", "reviewed"]) node.delete(k);
      if (!node.has("voided_reviews")) setInMapOrder(doc, node, ZEROING_ORDER, "voided_reviews", doc.createNode([]));
      appendIn(doc, ["zeroing", "voided_reviews"], doc.createNode(voided, { flow: true }));
    });
    // A review given again with the correction is the new review, not a correction of the voided one.
    const corrected = voided ? amended : replaced;
    const replacedText = corrected.map((k) => entry(k, action.zeroing![k]!)).join(t("register.remarks-separator"));
    const lines = [
      t("action.zero.recorded", { id: action.id, evidence: changed.map((k) => entry(k, values[k]!)).join(t("register.remarks-separator")), path: located.file.path }),
      // What a correction replaced, so that nobody takes it for evidence added beside the old (git keeps the old file); a review it voids, in the same line.
      ...(voided
        ? [t(reviewAgain ? "action.zero.replaced-review-again" : "action.zero.replaced-voided", { evidence: replacedText, by: personLabel(session.index, voided.reviewed_by!), date: voided.reviewed!, id: shellArgument(action.id) })]
        : corrected.length > 0
          ? [t("action.zero.replaced", { evidence: replacedText })]
          : []),
      zeroingStanding(after, worksToGjb9001C(session.repo.config?.value)),
    ];
    const criteriaText = list(changed.map((k) => t(`action.zero.criterion.${k}`)));
    const message = replaced.length > 0 ? t("action.commit.zero-amended", { id: action.id, criteria: criteriaText }) : t("action.commit.zero", { id: action.id, criteria: criteriaText });
    await saveChanges(ctx, session, [change], lines, { commit: flags.commit, message });
    return 0;
  });
}

/**
 * Where a record's 归零 stands, in a line: complete once the ten criteria are evidenced, else what each half still lacks
 * ("技术归零尚缺 问题复现；管理归零尚缺 严肃处理、完善规章") and the command that records it. In a GJB 9001C repository (`gjb`)
 * a 重大 or 严重 problem complete and not reviewed says that the 军代表's review is due (GJB 9001C 10.2).
 */
function zeroingStanding(action: CorrectiveAction, gjb: boolean): string {
  const lacking = zeroingLacking(action);
  if (lacking.length === 0 && gjb && reviewRequired(action) && !zeroingReviewed(action)) return t("action.zero.complete-unreviewed", { id: action.id, grade: t(`action.problem-grade.${action.problem_grade!}`), arg: shellArgument(action.id) });
  if (lacking.length === 0) return t("action.zero.complete", { id: action.id });
  return t("action.zero.missing", { id: action.id, parts: zeroingLackingText(lacking), arg: shellArgument(action.id) });
}

/** The record `given` names (its id, in any letter case); else a UserError naming the closest. */
export function findAction(session: EditSession, given: string): Located<CorrectiveAction> {
  const text = given.trim();
  const found = actionById(session.index.actions.values(), text);
  if (found) return found;
  if (session.repo.unvalidated.actions.has(text)) throw new UserError(t("action.invalid", { id: text }), t("edit.fix-first.hint"));
  throw new UserError(t("action.unknown", { id: text }) + didYouMean(text, session.index.actions.keys()), t("action.unknown.hint"));
}

/**
 * Refuses to close `closed` (the record with its D8 about to be written, on `date`) in a GJB 9001C repository while its
 * 归零 is not finished as its grade asks (tester81 J1, J2): a 重大 or 严重 problem with criteria of the 双五条 lacking
 * evidence or without the 军代表's review (a review voided by a correction named), and any problem on a day before the
 * 军代表's review or before the release of a revision made for it (`revisions`). A 一般 problem, or one not graded, is
 * closed with criteria lacking (said, and action/zeroing-incomplete warns). GJB 9001C-2017 10.2; QJ 3183, GJB 5711.
 * Errors: UserError, one line naming the command that records what is missing.
 */
function refuseEarlyZeroing(session: EditSession, closed: CorrectiveAction, revisions: readonly ActionRevision[], date: string): void {
  const arg = shellArgument(closed.id);
  if (reviewRequired(closed)) {
    const grade = t(`action.problem-grade.${closed.problem_grade!}`);
    const lacking = zeroingLacking(closed);
    if (lacking.length > 0) throw new UserError(t("action.close.zeroing-incomplete", { id: closed.id, grade, parts: zeroingLackingText(lacking), arg }));
    if (!zeroingReviewed(closed)) {
      const voided = voidedReview(closed);
      const was = voided === undefined ? "" : t("action.close.review-voided", { by: personLabel(session.index, voided.reviewed_by ?? ""), date: voided.reviewed ?? "", voided: voided.voided });
      throw new UserError(t("action.close.unreviewed", { id: closed.id, grade, was, arg }));
    }
  }
  const early = closedTooEarly(closed, revisions);
  if (early.length > 0) {
    const bounds = list(early.map((b) => closureBoundText(b, (id) => (id === undefined ? "" : personLabel(session.index, id)))));
    throw new UserError(t("action.close.too-early", { id: closed.id, date, bounds, latest: early[0]!.date }));
  }
}

function refuseClosed(action: CorrectiveAction): void {
  if (actionClosed(action)) throw new UserError(t("action.closed-already", { id: action.id, date: action.steps!.D8!.done! }));
}

/** A step as typed: D4, d4. */
function stepOption(given: string): ActionStepId {
  const step = given.trim().toUpperCase();
  if ((ACTION_STEPS as readonly string[]).includes(step)) return step as ActionStepId;
  throw new UserError(t("action.bad-step", { step: given, steps: list([...ACTION_STEPS]) }));
}

/** `--due D4=2026-11-09`: the step and the date as typed. */
function stepDate(entry: string): [ActionStepId, string] {
  const at = entry.indexOf("=");
  if (at < 0) throw new UserError(t("action.bad-due", { value: entry }));
  return [stepOption(entry.slice(0, at)), entry.slice(at + 1)];
}

/** The order of a step's keys (D8's verifier and evidence where D3–D7 have `by` and `note`). */
const STEP_KEYS = ["due", "done", "by", "note", "due_changes", "verified_by", "evidence", "no_read_across"] as const;

/** Appends `change` to the step's `due_changes` (made when absent, where STEP_KEYS puts it), one flow mapping a line. */
function appendDueChange(doc: Document.Parsed, step: ActionStepId, change: DueChange): void {
  const node = (doc.get("steps", true) as YAMLMap<unknown, unknown>).get(step, true) as unknown as YAMLMap<unknown, unknown>;
  if (!node.has("due_changes")) setInMapOrder(doc, node, STEP_KEYS, "due_changes", doc.createNode([]));
  appendIn(doc, ["steps", step, "due_changes"], doc.createNode(change, { flow: true }));
}

/**
 * Writes `values` into the record's step `step` (`steps.<step>`): the step made, in the order D3 … D8
 * (and `steps` after the keys that come before it), when absent; else each value set in place or where
 * STEP_KEYS puts it. The schema makes `steps` and each step a mapping.
 */
function writeStep(doc: Document.Parsed, step: ActionStepId, values: Record<string, string>): void {
  if (!doc.has("steps")) setInOrder(doc, KEYS, "steps", doc.createNode({}));
  const steps = doc.get("steps", true) as YAMLMap<unknown, unknown>;
  const node = steps.get(step, true) as YAMLMap<unknown, unknown> | undefined;
  if (node === undefined) return setInMapOrder(doc, steps, ACTION_STEPS, step, mapNode(doc, values));
  for (const [key, value] of Object.entries(values)) setInMapOrder(doc, node, STEP_KEYS, key, doc.createNode(value));
}

/** How a step done on `done` kept its due date: ", on time (due …)", ", late by N working days (due …)" (at least 1), or "" without one. */
function timing(session: EditSession, due: string | undefined, done: string): string {
  if (due === undefined) return "";
  if (done <= due) return t("action.on-time", { due });
  return t("action.late", { due, count: Math.max(workdaysLate(repositoryCalendar(session.repo.config?.value), due, done), 1) });
}
