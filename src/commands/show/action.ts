/**
 * `csr show <action id>`: the card of a nonconformity and corrective action record (actions/<id>.yaml,
 * 8D): its source (the customer and its complaint number, or the audit report), the part, when it was
 * received, the owner, the CSRs that govern it, where it stands on a day, each step D3–D8 with its due
 * and done date judged on the working-day calendar (on time, late by n working days, overdue and not
 * done), the read-across entries, in a GJB 9001C repository the ten criteria of its 质量问题归零 (technical and
 * management 归零) with where each is evidenced and its 归零报告 with who reviewed it, and the revisions released to
 * carry it out (csr release --action); whether it concerns product safety and the costs of poor quality it caused (csr action cost).
 * IATF 16949 10.2.3, 10.2.6, 10.3.1, 4.4.1.2, 9.3.2.1; GJB 9001C 10.2.
 */
import { displayWidth, localized, padEnd, visible } from "../../core/text.js";
import { language, list, t } from "../../i18n/index.js";
import { repositoryCalendar } from "../../load/calendar.js";
import type { Located, Repository } from "../../load/repository.js";
import { actionOn, actionRecordedAfter, actionRevisions, actionStatus, complaintDeadlines, costTotal, COST_SIDES, currentStep, dueChangesText, estimatedDueYears, heldDue, overdueSteps, stepNameKey, ZEROING_PARTS, zeroingEvidence } from "../../model/actions.js";
import { worksToGjb9001C } from "../../model/citations.js";
import { lawHolidaysCounted, workdaysLate, type WorkCalendar } from "../../model/calendar.js";
import type { RepoIndex } from "../../model/index.js";
import { ACTION_STEPS, type ActionStepId, type ComplaintDeadlines, type CorrectiveAction } from "../../model/types.js";
import { externalAuditorName, externalProgress, otherPart, supplierName, yuanText, zeroingReportText } from "../../report/registers/actions.js";
import { certificationAudit, externalAuditLate } from "../../model/external-audits.js";
import { daysBetween } from "../../core/dates.js";
import { customerName, documentTitle, personName, registerContext, type RegisterContext } from "../../report/registers/context.js";
import type { CommandContext } from "../context.js";
import { processCodeLabel } from "../../model/labels.js";

/** Labels are padded to at least this many terminal columns (a Chinese character takes two), as on the other cards. */
const LABEL_WIDTH = 16;

/**
 * Prints the card of `located` as it stood on `today` (YYYY-MM-DD; model/actions.ts actionOn: what was
 * done after it not yet done): text, or with `json` the record as its file has it with what is derived
 * (status, current step, overdue steps, revisions). Returns the exit code (0).
 */
export function showAction(ctx: CommandContext, repo: Repository, index: RepoIndex, located: Located<CorrectiveAction>, today: string, json: boolean): number {
  const rc = registerContext(repo, language(), undefined, undefined, index);
  const calendar = repositoryCalendar(repo.config?.value);
  const action = actionOn(located.value, today);
  const revisions = (actionRevisions(repo.documents.map((d) => d.value), today).get(located.value.id) ?? []).map((r) => ({ ...r, title: documentOf(rc, r.document) }));
  if (json) {
    const derived = action && {
      status: actionStatus(action, today),
      currentStep: currentStep(action, today) ?? null,
      overdueSteps: overdueSteps(action, today).map((s) => s.step),
      ...(action.external_audit ? { externalDeadlinesMissed: externalAuditLate(action, today) } : {}),
    };
    ctx.stdout(JSON.stringify({ file: located.file.path, asOf: today, action: action ?? null, ...(derived ?? { notYet: { received: located.value.received } }), revisions: revisions.map(({ title: _, ...r }) => r) }, null, 2) + "\n");
    return 0;
  }
  const fields: [string, string[]][] = [];
  const field = (label: string, ...values: string[]) => fields.push([label, values]);
  const sep = t("common.list-separator");
  const record = located.value;
  field(t("show.label.file"), located.file.path);
  field(t("show.action.source"), sourceText(rc, record));
  if (record.product) field(t("show.action.product"), localized(rc.lang, record.product, record.product_en));
  // The quality problem's grade, batches and serial numbers, and when the 军代表 was told, as csr action open recorded them (tester79 G9).
  if (record.problem_grade) field(t("show.action.problem-grade"), t(`action.problem-grade.${record.problem_grade}`));
  if (record.safety) field(t("show.action.safety"), t("action.update.safety-yes"));
  if (record.batches?.length) field(t("show.action.batches"), record.batches.join(sep));
  if (record.serials?.length) field(t("show.action.serials"), record.serials.join(sep));
  // An external audit's nonconformity as the auditor wrote it, and the auditor's deadlines in calendar days (IATF Rules 5.11).
  const e = (action ?? record).external_audit;
  if (e) {
    field(t("show.action.external.audit"), t("show.action.external.audit-line", { auditor: externalAuditorName(rc, record), type: t(`value.external-audit-type.${e.type}`), report: e.report, closing: e.closing_meeting }));
    field(t("show.action.external.nc"), t("show.action.external.nc-line", { nc: e.nc, grade: t(`value.external-nc-grade.${e.grade}`) }) + (e.clause ? t("show.comma") + e.clause : ""));
    if (e.requirement) field(t("show.action.external.requirement"), e.requirement);
    field(t("show.action.external.statement"), e.statement);
    if (e.evidence) field(t("show.action.external.evidence"), e.evidence);
    const party = t(certificationAudit(e.type) ? "register.actions.external.party-cb" : "register.actions.external.party-customer");
    const deadlines = [
      ...(e.response_due ? [t("show.action.external.response-due", { due: e.response_due, days: daysBetween(e.closing_meeting, e.response_due), party })] : []),
      ...(e.closure_due ? [t("show.action.external.closure-due", { due: e.closure_due, days: daysBetween(e.closing_meeting, e.closure_due), party })] : []),
    ];
    field(t("show.action.external.deadlines"), ...(deadlines.length > 0 ? deadlines : [t("show.action.external.no-deadline", { id: record.id })]));
    field(t("show.action.external.responses"), ...((e.responses ?? []).length > 0 ? e.responses!.map((r) => t(r.note ? "show.action.external.response-note" : "show.action.external.response", { date: r.date, note: r.note ?? "" })) : [t("show.action.external.no-response", { id: record.id })]));
    if ((e.reviews ?? []).length > 0) field(t("show.action.external.reviews"), ...e.reviews!.map((r) => t(r.note ? "show.action.external.review-note" : "show.action.external.review", { date: r.date, by: r.by, decision: t(`value.external-review.${r.decision}`), note: r.note ?? "" })));
    if (e.verification) {
      const v = e.verification;
      field(t("show.action.external.verification"), t("show.action.external.verification-line", { date: v.date, by: v.by, at: t(`value.external-verification-at.${v.at}`), report: v.report ? t("show.action.external.verification-report", { report: v.report }) : "", note: v.note ? t("show.action.step.note", { note: v.note }) : "" }));
    }
  }
  field(t("show.action.received"), record.received);
  if (record.notified) field(t("show.action.notified"), record.notified);
  field(t("show.action.owner"), personName(rc, record.owner));
  if (record.csr?.length) field(t("show.action.csrs"), ...record.csr.map((id) => { const csr = index.csrs.get(id)?.value; return csr ? `${id} ${localized(rc.lang, csr.title, csr.title_en)}` : id; }));
  if (action === undefined) {
    field(t("show.action.status"), t("show.action.not-yet", { id: record.id, received: record.received, date: today }));
  } else {
    field(t("show.action.status"), statusText(action, today, calendar, worksToGjb9001C(repo.config?.value)), ...(action.external_audit ? [externalProgress(rc, action, today)] : []));
    // The customer's deadlines as they stand: which due dates were counted in working days, and through which years (breaker64 P6).
    const customer = action.source === "complaint" && action.customer !== undefined ? index.customers.get(action.customer)?.value : undefined;
    const deadlines = customer ? complaintDeadlines(customer.complaint_deadlines, repo.config?.value.complaint_deadlines)?.deadlines : undefined;
    field(t("show.action.steps"), ...ACTION_STEPS.map((step) => stepText(rc, action, step, today, calendar, deadlines, worksToGjb9001C(repo.config?.value))));
    const across = action.read_across ?? [];
    field(t("show.action.read-across"), ...(across.length > 0 ? across.map((r) => t("show.action.read-across.line", { date: r.date, checked: [r.document ? `${r.document} ${documentOf(rc, r.document)}`.trim() : "", r.process ? processCodeLabel(rc.index.processes, r.process, rc.lang) : "", r.product ?? ""].filter(Boolean).join(sep), result: r.result, by: personName(rc, r.by) })) : [t("show.document.none")]));
    // The costs of poor quality recorded by the day, each, then the total and its internal and external parts (IATF 16949 9.3.2.1).
    const gjbWords = worksToGjb9001C(repo.config?.value) ? "-gjb" : "";
    if ((action.cost ?? []).length > 0) {
      field(
        t(`show.action.cost${gjbWords}`),
        ...action.cost!.map((c) => t(c.note ? "show.action.cost.line-note" : "show.action.cost.line", { date: c.date, kind: t(`action.cost.kind.${c.kind}`), amount: yuanText(c.amount), note: c.note ?? "" })),
        t("show.action.cost.total", { total: yuanText(costTotal(action)), internal: yuanText(costTotal(action, COST_SIDES.internal)), external: yuanText(costTotal(action, COST_SIDES.external)), other: otherPart(rc.lang, action) }),
      );
    }
    // GJB 9001C 10.2: the record is a 质量问题归零, judged on the 双五条 — technical 归零's five criteria, then management
    // 归零's five — each shown with where it is evidenced, and the 归零报告 with who reviewed it (tester68 G1).
    if (worksToGjb9001C(repo.config?.value)) {
      const evidence = zeroingEvidence(action, (count) => t("show.action.zeroing.read-across", { count }), (reason) => t("show.action.zeroing.no-read-across", { reason }));
      for (const { part, criteria } of ZEROING_PARTS) {
        field(t(`show.action.zeroing.${part}`), ...criteria.map((c) => t("show.action.zeroing.line", { criterion: t(`action.zero.criterion.${c}`), evidence: evidence[c] ?? t("show.action.zeroing.none", { id: record.id }) })));
      }
      field(t("show.action.zeroing.report"), zeroingReportText(rc, action.zeroing) || t("show.action.zeroing.report-none", { id: record.id }));
    }
  }
  field(t("show.action.revisions"), ...(revisions.length > 0 ? revisions.map((r) => [`${r.document} ${r.version}`, r.title, r.date ?? ""].filter(Boolean).join("  ")) : [t("show.document.none")]));
  const width = Math.max(LABEL_WIDTH, ...fields.map(([label]) => displayWidth(label) + 2));
  const notes = action !== undefined && actionRecordedAfter(record, today) ? ["", t("show.action.as-of", { date: today })] : [];
  const out = [`${record.id}  ${localized(rc.lang, record.title, record.title_en)}`, "", ...fields.flatMap(([label, values]) => values.map((v, i) => `  ${padEnd(i === 0 ? label : "", width)}${v}`)), ...notes];
  // Values from the file are shown with their control characters escaped: show never steers the terminal.
  ctx.stdout(visible(out.join("\n") + "\n"));
  return 0;
}

function documentOf(rc: RegisterContext, id: string): string {
  const doc = rc.index.documents.get(id)?.value;
  return doc ? documentTitle(rc, doc) : "";
}

/** 顾客投诉：东岳汽车股份有限公司（DYA），投诉编号 DYA-C-2026-031; 市场失效：…，故障报告单编号 GZ-2026-007; 内审不符合项：C3 生产过程控制，审核报告 IA-2026-01. */
export function sourceText(rc: RegisterContext, action: CorrectiveAction): string {
  const parts = [
    ...(action.customer ? [t("show.action.customer", { name: customerName(rc, action.customer), code: action.customer })] : []),
    ...(action.supplier ? [t("show.action.customer", { name: supplierName(rc, action.supplier), code: action.supplier })] : []),
    ...(action.complaint ? [t("show.action.complaint", { number: action.complaint })] : []),
    ...(action.failure_report ? [t("show.action.failure-report", { number: action.failure_report })] : []),
    ...(action.process ? [processCodeLabel(rc.index.processes, action.process, rc.lang)] : []),
    ...(action.audit_report ? [t("show.action.audit-report", { report: action.audit_report })] : []),
    ...(action.external_audit && action.external_audit.type !== "customer" ? [externalAuditorName(rc, action)] : []),
    ...(action.external_audit ? [t("show.action.audit-report", { report: action.external_audit.report }), t("show.action.external.nc-number", { nc: action.external_audit.nc })] : []),
  ];
  return t(`action.source.${action.source}`) + (parts.length > 0 ? t("show.colon", { text: parts.join(t("show.comma")) }) : "");
}

/**
 * 进行中：待 D5 选定纠正措施，D8 要求 … 前; 逾期：…; 已关闭（2026-11-20）. In English "overdue, next: D5 corrective action to choose; D8 due …".
 * `gjb`: the step named as a 质量问题归零 names it (stepNameKey).
 */
export function statusText(action: CorrectiveAction, today: string, calendar: WorkCalendar, gjb = false): string {
  const status = actionStatus(action, today);
  if (status === "closed") return t("show.action.closed", { date: action.steps!.D8!.done! });
  const step = currentStep(action, today)!;
  // The step to do next, worded as still to do, as the register's 进度 says it (tester65 N9).
  const name = t("register.actions.progress.next", { step: step.step, name: t(stepNameKey(step.step, gjb, true)) });
  const of = step.dueStep !== undefined && step.dueStep !== step.step ? t("register.actions.progress.of", { step: step.dueStep }) : "";
  const progress =
    step.due === undefined
      ? t("register.actions.progress.undated", { step: name })
      : step.overdue
        ? t("register.actions.progress.late", { step: name, of, due: step.due, count: Math.max(workdaysLate(calendar, step.due, today), 1) })
        : t("register.actions.progress.due", { step: name, of, due: step.due });
  return t("show.action.status-line", { status: t(`register.actions.status.${status}`), progress });
}

/**
 * One step's line: done (on time or late by working days, who, what), or due and not done (overdue marked,
 * and a due date counted in working days through a year without holiday data noted: `deadlines`, the
 * customer's as complaintDeadlines gives them), or neither; `gjb`, named as a 质量问题归零 names it (stepNameKey).
 */
function stepText(rc: RegisterContext, action: CorrectiveAction, step: ActionStepId, today: string, calendar: WorkCalendar, deadlines: ComplaintDeadlines | undefined, gjb: boolean): string {
  const entry = step === "D8" ? action.steps?.D8 : action.steps?.[step];
  const by = step === "D8" ? action.steps?.D8?.verified_by : action.steps?.[step as Exclude<ActionStepId, "D8">]?.by;
  const note = step === "D8" ? action.steps?.D8?.evidence : action.steps?.[step as Exclude<ActionStepId, "D8">]?.note;
  const name = `${step} ${t(stepNameKey(step, gjb))}`;
  // Judged against the due date it is held to (heldDue): a date moved after it had passed does not excuse the step (tester78 A1).
  const due = heldDue(entry);
  const changed = dueChangesText(rc.lang, entry, (id) => personName(rc, id));
  const changes = changed === "" ? "" : t("show.action.step.due-changes", { changes: changed });
  if (entry?.done !== undefined) {
    const timing = due === undefined ? "" : entry.done <= due ? t("action.on-time", { due }) : t("action.late", { due, count: Math.max(workdaysLate(calendar, due, entry.done), 1) });
    return t("show.action.step.done", { step: name, done: entry.done, by: by ? t("action.by", { who: personName(rc, by) }) : "", timing, note: note ? t("show.action.step.note", { note }) : "" }) + changes;
  }
  if (due === undefined) return t("show.action.step.undated", { step: name });
  const estimated = estimatedDueYears(deadlines?.[step], action.received, entry!.due ?? due, calendar);
  const caveat = estimated.length > 0 ? t(lawHolidaysCounted(calendar, estimated) ? "show.action.step.estimated" : "show.action.step.estimated-weekdays", { years: list(estimated.map(String)), count: estimated.length }) : "";
  if (due < today) return t("show.action.step.overdue", { step: name, due, count: Math.max(workdaysLate(calendar, due, today), 1) }) + caveat + changes;
  return t("show.action.step.due", { step: name, due }) + caveat + changes;
}
