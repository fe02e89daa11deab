/**
 * The printed report of one corrective action record (actions/<id>.yaml), as `csr render <action id>` prints it for
 * signature: in a GJB 9001C repository the 质量问题归零报告 (GJB 9001C-2017 10.2; the 双五条 of 质量问题归零: 技术归零
 * 定位准确、机理清楚、问题复现、措施有效、举一反三, 管理归零 过程清楚、责任明确、措施落实、严肃处理、完善规章), for an
 * internal audit's nonconformity the 内部审核不符合项报告 (IATF 16949 9.2.2.1, 10.2; ISO 19011 6.4.8), for an external
 * audit's the 外部审核不符合项报告及纠正措施回复 (the auditor's requirement, statement, evidence, clause and grade, the
 * organisation's correction, root cause, systemic corrective action and verification, the auditor's deadlines and its
 * acceptance; IATF Rules 5th ed. 5.11, IATF 16949 10.2.3), for any other
 * record the 8D report, D1–D8 as recorded with whether it concerns product safety, the CSRs that govern it and their
 * deadlines, its cost of poor quality and the documents revised for it (IATF 16949 10.2.3, 10.2.6, 4.4.1.2, 9.3.2.1). Each is printed on the organisation's own form
 * when one released form is titled as that report (its number and the version in force on the day), else under a
 * plain title. What no record holds (the signatures of 编制/审核/批准, the auditee's acknowledgement, a 军代表 review
 * not yet recorded) is printed as an empty cell to fill in by hand, never guessed.
 */
import { localized } from "../../core/text.js";
import { conjunction, translate } from "../../i18n/index.js";
import { actionRevisions, complaintDeadlines, costTotal, COST_SIDES, stepNameKey, ZEROING_PARTS, zeroingEvidence } from "../../model/actions.js";
import { worksToGjb9001C } from "../../model/citations.js";
import { formRevisionOn, type RepoIndex } from "../../model/index.js";
import { ACTION_STEPS, type AuditFinding, type ControlledDocument, type CorrectiveAction, type ProcessAudit } from "../../model/types.js";
import { otherPart, yuanText } from "../../report/registers/actions.js";
import type { Labels } from "../../render/environment.js";
import type { Lang } from "../../render/view.js";
import { zeroingReviewsOn } from "../../model/zeroing-review.js";
import { documentTitle, personName, type RegisterContext } from "../../report/registers/context.js";
import { sourceText } from "../show/action.js";
import { processCodeLabel } from "../../model/labels.js";
import { certificationAudit } from "../../model/external-audits.js";
import { daysBetween } from "../../core/dates.js";
import { externalAuditorName } from "../../report/registers/actions.js";

/** The four reports: 质量问题归零报告, 内部审核不符合项报告, 外部审核不符合项报告, 8D 报告. */
export type ActionReportKind = "zeroing" | "audit" | "external" | "8d";

/** A cell of the report's header table: a label and its value; `wide` spans the row. */
export interface ReportCell {
  label: string;
  value: string;
  wide?: boolean;
}

/** A numbered part of the report: a text (`text`, with `meta`, who did it and when), a table, or both; empty text is a space to write in. */
export interface ReportSection {
  title: string;
  text?: string;
  meta?: string;
  /** `nowrap[i]`: column i (a date, a version) is never broken over lines. */
  table?: { head: string[]; rows: string[][]; nowrap?: boolean[] };
  /** A part longer than a page (a management review's inputs): it starts where the last one ended and runs over, not kept to one page. */
  runsOver?: boolean;
}

/** A signature cell: its label, the name recorded ("" to sign by hand) and the day ("" likewise). */
export interface ReportSignature {
  label: string;
  name: string;
  date: string;
}

/** What templates/{html,md}/action-report.hbs lay out; every text in `lang`, as printed. */
export interface ActionReportView {
  lang: Lang;
  kind: ActionReportKind;
  organisation: string;
  /** The record's id, printed in the running header under `numberLabel`. */
  number: string;
  numberLabel: "action_report_number";
  /** The report's title: the form's, else the plain title of the kind. */
  heading: string;
  form?: { number: string; version: string };
  header: ReportCell[][];
  /** Whether the sections are numbered 1, 2, …: not in an 8D report, whose sections are D1–D8. */
  numbered: boolean;
  sections: ReportSection[];
  signatures: ReportSignature[];
}

/** The report a record is printed as: an internal audit's nonconformity report, a 质量问题归零报告 in a GJB 9001C repository, else an 8D report. */
export function actionReportKind(action: CorrectiveAction, gjb: boolean): ActionReportKind {
  if (action.source === "audit") return "audit";
  if (action.source === "external-audit" && action.external_audit) return "external";
  return gjb ? "zeroing" : "8d";
}

/** How a released form is told to be the report of a kind: by its title, in Chinese or English. */
const FORM_TITLES: Record<ActionReportKind, RegExp> = {
  zeroing: /归零报告|zeroing report/i,
  audit: /不符合(项)?报告|audit nonconformity report|nonconformity report/i,
  external: /外部审核|第三方审核|认证机构审核|external audit|third[- ]party audit/i,
  "8d": /8D/i,
};

/**
 * The form the report of `kind` is printed on: the one released form whose title names that report (FORM_TITLES:
 * 质量问题归零报告, 内部审核不符合项报告, 8D问题解决报告), with its title in `lang` and the version in force on `day`.
 * None, or several so titled, gives undefined: the report is printed under its plain title rather than a guess.
 */
export function actionReportForm(index: RepoIndex, kind: ActionReportKind, lang: Lang, day: string): { number: string; title: string; version: string } | undefined {
  // An internal audit's form is not an external audit's (外部审核不符合项报告 also reads as a 不符合项报告).
  const forms = [...index.documents.values()]
    .map((d) => d.value)
    .filter((d) => d.kind === "form" && d.status === "released" && FORM_TITLES[kind].test(`${d.title} ${d.title_en ?? ""}`) && (kind !== "audit" || !FORM_TITLES.external.test(`${d.title} ${d.title_en ?? ""}`)));
  if (forms.length !== 1) return undefined;
  const form: ControlledDocument = forms[0]!;
  return { number: form.id, title: localized(lang, form.title, form.title_en), version: formRevisionOn(form, day)?.version ?? "" };
}

/**
 * The view of the report of `action` (as it stood on `day`: model/actions.ts actionOn) in `rc.lang`, its labels from
 * `labels` (templates/i18n, the repository's replacing csr's). `day` also picks the form's version in force.
 */
export function actionReportView(rc: RegisterContext, labels: Labels, action: CorrectiveAction, day: string): ActionReportView {
  const { repo, index, lang } = rc;
  const gjb = worksToGjb9001C(repo.config?.value);
  const kind = actionReportKind(action, gjb);
  const l = (key: string) => labels[key] ?? key;
  const tr = (key: string, data?: Record<string, unknown>) => translate(lang, key as Parameters<typeof translate>[1], data as Parameters<typeof translate>[2]);
  const form = actionReportForm(index, kind, lang, day);
  const config = repo.config?.value;
  const name = (id: string | undefined) => personName(rc, id);
  const step = (id: "D3" | "D4" | "D5" | "D6" | "D7") => action.steps?.[id];
  const stepName = (id: "D3" | "D4" | "D5" | "D6" | "D7" | "D8") => `${id} ${tr(stepNameKey(id, gjb))}`;
  const meta = (done: string | undefined, due: string | undefined, by: string | undefined, byLabel = "action_report_by") =>
    [by ? `${l(byLabel)}${l("colon")}${name(by)}` : "", due ? `${l("action_report_due")}${l("colon")}${due}` : "", done ? `${l("action_report_done")}${l("colon")}${done}` : ""].filter(Boolean).join("　");
  const stepSection = (title: string, id: "D3" | "D4" | "D5" | "D6" | "D7"): ReportSection => ({ title, text: step(id)?.note ?? "", meta: meta(step(id)?.done, step(id)?.due, step(id)?.by) });
  const actionsTable = (ids: readonly ("D5" | "D6" | "D7")[]): ReportSection["table"] => ({
    head: [l("action_report_step"), l("action_report_measure"), l("action_report_owner"), l("action_report_due"), l("action_report_done")],
    rows: ids.map((id) => [stepName(id), step(id)?.note ?? "", name(step(id)?.by), step(id)?.due ?? "", step(id)?.done ?? ""]),
    nowrap: [false, false, true, true, true],
  });
  const d8 = action.steps?.D8;
  const verification: ReportSection = { title: l(kind === "audit" ? "action_report_verification_audit" : "action_report_verification"), text: d8?.evidence ?? "", meta: meta(d8?.done, d8?.due, d8?.verified_by, "action_report_verified_by") };
  const product = action.product === undefined ? "" : localized(lang, action.product, action.product_en);
  const title = localized(lang, action.title, action.title_en);
  const process = action.process === undefined ? "" : processCodeLabel(rc.index.processes, action.process, rc.lang);
  const heading = form?.title ?? l(`action_report_title_${kind}`);
  const base = { lang, kind, numbered: kind !== "8d", organisation: config ? localized(lang, config.organisation.name, config.organisation.name_en) : "", number: action.id, numberLabel: "action_report_number" as const, heading, ...(form ? { form: { number: form.number, version: form.version } } : {}) };
  if (kind === "audit") {
    const audit = auditOf(rc, action);
    const finding = audit && findingOf(audit, action);
    return {
      ...base,
      header: [
        [{ label: l("action_report_audit_report"), value: action.audit_report ?? "" }, { label: l("action_report_nc_number"), value: action.id }],
        [{ label: l("action_report_audited_process"), value: process }, { label: l("action_report_audit_date"), value: audit?.date ?? "" }],
        [{ label: l("action_report_auditors"), value: conjunction((audit?.by ?? []).map(name)) }, { label: l("action_report_auditee_owner"), value: name(action.owner) }],
        [{ label: l("action_report_requirement"), value: finding?.requirement ?? "" }, { label: l("action_report_grade"), value: finding ? l(`action_report_grade_${finding.grade}`) : "" }],
      ],
      sections: [
        { title: l("action_report_nc_fact"), text: finding?.text ?? title, ...(finding?.evidence ? { meta: `${l("action_report_evidence")}${l("colon")}${finding.evidence}` } : {}) },
        stepSection(l("action_report_cause"), "D4"),
        stepSection(l("action_report_correction"), "D3"),
        { title: l("action_report_corrective_actions"), table: actionsTable(["D5", "D6", "D7"]) },
        verification,
      ],
      signatures: [
        { label: l("action_report_sign_auditor"), name: "", date: "" },
        { label: l("action_report_sign_auditee"), name: "", date: "" },
        { label: l("action_report_sign_verifier"), name: name(d8?.verified_by), date: d8?.done ?? "" },
      ],
    };
  }
  if (kind === "external") return externalReport(rc, action, { base, l, tr, name, stepSection, actionsTable, verification });
  const revisions = actionRevisions(repo.documents.map((d) => d.value), day).get(action.id) ?? [];
  const revisionsTable = {
    head: [l("action_report_document"), l("action_report_document_title"), l("action_report_version"), l("action_report_date")],
    rows: revisions.map((r) => {
      const doc = index.documents.get(r.document)?.value;
      return [r.document, doc ? documentTitle(rc, doc) : "", r.version, r.date ?? ""];
    }),
    nowrap: [true, false, true, true],
  };
  const across = action.read_across ?? [];
  const readAcross = {
    head: [l("action_report_date"), l("action_report_checked"), l("action_report_result"), l("action_report_checked_by")],
    rows: across.map((r) => {
      const doc = r.document === undefined ? undefined : index.documents.get(r.document)?.value;
      const checked = [r.document === undefined ? "" : `${r.document}${doc ? ` ${documentTitle(rc, doc)}` : ""}`, r.process === undefined ? "" : processCodeLabel(rc.index.processes, r.process, rc.lang), r.product ?? ""].filter(Boolean).join(tr("common.list-separator"));
      return [r.date, checked, r.result, name(r.by)];
    }),
    nowrap: [true, false, false, true],
  };
  if (kind === "zeroing") {
    const evidence = zeroingEvidence(action, (count) => l("action_report_read_across_count").replace("{count}", String(count)), (reason) => tr("show.action.zeroing.no-read-across", { reason }));
    const zeroing = action.zeroing ?? {};
    // The 军代表's reviews on that day: the one in force, and those a correction of the evidence voided before it.
    const reviews = zeroingReviewsOn(zeroing, day);
    // The evidence is judged met when the 归零 is verified (D8) or reviewed by that day (a review voided by then reviewed other
    // evidence); printed for an earlier day (--as-of) it is what was recorded, not yet verified — the record keeps no date of
    // each piece of evidence (review80 #3).
    const judged = d8?.done !== undefined || reviews.inForce !== undefined;
    const state = (text: string | undefined) => l(text === undefined ? "action_report_state_missing" : judged ? "action_report_state_met" : "action_report_state_recorded");
    const criteria = ZEROING_PARTS.map(({ part, criteria: of }) => ({
      title: l(`action_report_zeroing_${part}`),
      table: {
        head: [l("action_report_criterion"), l("action_report_zeroing_evidence"), l("action_report_state")],
        rows: of.map((c) => [tr(`action.zero.criterion.${c}`), evidence[c] ?? "", state(evidence[c])]),
        nowrap: [true, false, true],
      },
    }));
    return {
      ...base,
      header: [
        [{ label: l("action_report_problem_number"), value: action.id }, { label: l("action_report_zeroing_number"), value: zeroing.report ?? "" }],
        [{ label: l("action_report_problem"), value: title, wide: true }],
        [{ label: l("action_report_product"), value: product, wide: true }],
        ...problemRows(action, l, tr),
        [{ label: l("action_report_source"), value: sourceText(rc, action) }, { label: l("action_report_found"), value: action.received }],
        [{ label: l("action_report_owner"), value: name(action.owner) }, { label: l("action_report_closed"), value: d8?.done ?? "" }],
      ],
      sections: [
        stepSection(l("action_report_description"), "D3"),
        stepSection(l("action_report_cause"), "D4"),
        ...criteria,
        { title: l("action_report_corrective_actions"), table: actionsTable(["D5", "D6", "D7"]) },
        { title: l("action_report_read_across"), table: readAcross },
        { title: l("action_report_revisions"), table: revisionsTable },
        verification,
        ...reviewsSection(reviews, l, tr, name),
      ],
      signatures: [
        { label: l("prepared"), name: "", date: "" },
        { label: l("reviewed"), name: "", date: "" },
        { label: l("approved"), name: "", date: "" },
        // The review in force that day; none (not yet held, or voided by a correction): a blank to sign, as one not recorded.
        { label: l("action_report_sign_military_representative"), name: name(reviews.inForce?.reviewed_by), date: reviews.inForce?.reviewed ?? "" },
      ],
    };
  }
  // The 8D report: D1 the team as the record names it (the owner, and who did each step), D2 the problem, D3–D8 as recorded;
  // whether it concerns product safety, the CSRs that govern it with their deadlines, its cost of poor quality and the documents
  // revised to carry it out, as csr show gives them (IATF 16949 4.4.1.2, 10.2.3, 9.3.2.1; tester82 A14).
  const team = [...new Set([...(["D3", "D4", "D5", "D6", "D7"] as const).flatMap((id) => step(id)?.by ?? []), ...(d8?.verified_by ? [d8.verified_by] : [])])].filter((p) => p !== action.owner);
  return {
    ...base,
    header: [
      [{ label: l("action_report_8d_number"), value: action.id }, { label: l("action_report_received"), value: action.received }],
      [{ label: l("action_report_source"), value: sourceText(rc, action), wide: true }],
      [{ label: l("action_report_product"), value: product, wide: true }],
      ...problemRows(action, l, tr),
      [
        { label: l("action_report_safety"), value: l(action.safety === true ? "action_report_safety_yes" : "action_report_safety_no") },
        { label: l("action_report_cost"), value: (action.cost ?? []).length === 0 ? "" : tr("show.action.cost.total", { total: yuanText(costTotal(action)), internal: yuanText(costTotal(action, COST_SIDES.internal)), external: yuanText(costTotal(action, COST_SIDES.external)), other: otherPart(lang, action) }) },
      ],
      [{ label: l("action_report_csrs"), value: governingCsrs(rc, action, l), wide: true }],
    ],
    sections: [
      { title: l("action_report_d1"), text: `${l("action_report_leader")}${l("colon")}${name(action.owner)}`, ...(team.length > 0 ? { meta: `${l("action_report_members")}${l("colon")}${conjunction(team.map(name))}` } : {}) },
      { title: l("action_report_d2"), text: title, ...(product ? { meta: `${l("action_report_product")}${l("colon")}${product}` } : {}) },
      stepSection(stepName("D3"), "D3"),
      stepSection(stepName("D4"), "D4"),
      stepSection(stepName("D5"), "D5"),
      stepSection(stepName("D6"), "D6"),
      { ...stepSection(stepName("D7"), "D7"), ...(readAcross.rows.length > 0 ? { table: readAcross } : {}) },
      { title: l("action_report_revisions"), table: revisionsTable },
      { ...verification, title: stepName("D8") },
    ],
    signatures: [
      { label: l("prepared"), name: "", date: "" },
      { label: l("reviewed"), name: "", date: "" },
      { label: l("approved"), name: "", date: "" },
    ],
  };
}

/**
 * The part of a 归零报告 that lists the 军代表's reviews when a correction of the evidence voided one (zeroing.voided_reviews,
 * csr action zero --amend): each voided review — its day, the 军代表, the day it was voided and the evidence whose correction
 * voided it — then the review in force, or a row to fill in by hand while the new review is still to be held. None without a
 * voided review: the 军代表's signature cell is the whole record then. GJB 9001C-2017 10.2, 7.5.3 (nothing the 军代表
 * signed is dropped from the record); QJ 3183.
 */
function reviewsSection(reviews: ReturnType<typeof zeroingReviewsOn>, l: (key: string) => string, tr: (key: string) => string, name: (id: string | undefined) => string): ReportSection[] {
  if (reviews.voided.length === 0) return [];
  const why = (amended: readonly string[]) => l("action_report_review_voided_because").replace("{criteria}", amended.map((k) => tr(`action.zero.criterion.${k}`)).join(tr("common.list-separator")));
  return [
    {
      title: l("action_report_reviews"),
      table: {
        head: [l("action_report_review_date"), l("action_report_sign_military_representative"), l("action_report_state"), l("action_report_voided_on"), l("action_report_voided_because")],
        rows: [
          ...reviews.voided.map((v) => [v.reviewed ?? "", name(v.reviewed_by), l("action_report_review_voided"), v.voided, why(v.amended)]),
          reviews.inForce ? [reviews.inForce.reviewed, name(reviews.inForce.reviewed_by), l("action_report_review_valid"), "", ""] : ["", "", l("action_report_review_pending"), "", ""],
        ],
        nowrap: [true, true, true, true, false],
      },
    },
  ];
}

/**
 * The CSRs that govern `action` (csr action open --csr), each "DYA-002 顾客投诉的围堵和8D报告时限", with the complaint
 * deadlines it sets when it is the one the customer's `complaint_deadlines.csr` names ("（接收后 D3 1 天、D4 5 个工作日）":
 * the steps the customer sets, complaintDeadlines' `own`), joined by the list separator; "" when it names none (a blank to fill).
 */
function governingCsrs(rc: RegisterContext, action: CorrectiveAction, l: (key: string) => string): string {
  const { index, lang } = rc;
  const customer = action.customer === undefined ? undefined : index.customers.get(action.customer)?.value;
  const governing = customer ? complaintDeadlines(customer.complaint_deadlines, rc.repo.config?.value.complaint_deadlines) : undefined;
  const sep = translate(lang, "common.list-separator");
  return (action.csr ?? [])
    .map((id) => {
      const csr = index.csrs.get(id)?.value;
      const named = csr ? `${id} ${localized(lang, csr.title, csr.title_en)}` : id;
      if (governing === undefined || governing.deadlines.csr !== id) return named;
      const steps = ACTION_STEPS.filter((step) => governing.own.has(step)).map((step) => {
        const deadline = governing.deadlines[step]!;
        return `${step} ${"days" in deadline ? translate(lang, "customer.deadline.days", { count: deadline.days }) : translate(lang, "customer.deadline.working-days", { count: deadline.working_days })}`;
      });
      return steps.length === 0 ? named : l("action_report_csr_deadlines").replace("{csr}", named).replace("{deadlines}", steps.join(sep));
    })
    .join(sep);
}

/**
 * The header rows of a problem's grade, batches and serial numbers, and the day the 军代表 was notified (csr action open
 * --problem-grade, --batch, --serial, --notified): the grade and that day on one row, the numbers on the next, each only when
 * recorded — a 归零报告 of a 重大 or 严重 problem always shows the notified cell, blank when not recorded.
 */
function problemRows(action: CorrectiveAction, l: (key: string) => string, tr: (key: string) => string): ReportCell[][] {
  const rows: ReportCell[][] = [];
  const serious = action.problem_grade === "major" || action.problem_grade === "serious";
  if (action.problem_grade !== undefined || action.notified !== undefined) {
    rows.push([
      { label: l("action_report_problem_grade"), value: action.problem_grade === undefined ? "" : tr(`action.problem-grade.${action.problem_grade}`) },
      ...(serious || action.notified !== undefined ? [{ label: l("action_report_notified"), value: action.notified ?? "" }] : [{ label: "", value: "" }]),
    ]);
  }
  const batches = (action.batches ?? []).join(tr("common.list-separator"));
  const serials = (action.serials ?? []).join(tr("common.list-separator"));
  if (batches !== "" || serials !== "") rows.push([{ label: l("action_report_batches"), value: batches }, { label: l("action_report_serials"), value: serials }]);
  return rows;
}

/** The audit of the record's process whose report the record names (csr action open --source audit --audit-report); undefined when none. */
function auditOf(rc: RegisterContext, action: CorrectiveAction): ProcessAudit | undefined {
  if (action.process === undefined || action.audit_report === undefined) return undefined;
  const report = action.audit_report.toLowerCase();
  return (rc.index.processes.get(action.process)?.value.audits ?? []).find((a) => a.report.toLowerCase() === report);
}

/**
 * The audit's finding the record follows up: the nonconformity whose text is the record's title, else the audit's only
 * nonconformity (grade major or minor); undefined when several could be meant, as no record links one.
 */
function findingOf(audit: ProcessAudit, action: CorrectiveAction): AuditFinding | undefined {
  const nonconformities = (audit.findings ?? []).filter((f) => f.grade !== "observation");
  return nonconformities.find((f) => f.text.trim() === action.title.trim()) ?? (nonconformities.length === 1 ? nonconformities[0] : undefined);
}

/** What actionReportView has made for any report, which an external audit's report uses too. */
interface ReportParts {
  base: Omit<ActionReportView, "header" | "sections" | "signatures">;
  l: (key: string) => string;
  tr: (key: string, data?: Record<string, unknown>) => string;
  name: (id: string | undefined) => string;
  stepSection: (title: string, id: "D3" | "D4" | "D5" | "D6" | "D7") => ReportSection;
  actionsTable: (ids: readonly ("D5" | "D6" | "D7")[]) => ReportSection["table"];
  verification: ReportSection;
}

/**
 * The 外部审核不符合项报告及纠正措施回复 of `action` (source external-audit): the auditor's nonconformity as written (who
 * audited, the audit, report, closing meeting, NC number, grade, clause; the requirement, statement and objective evidence),
 * the organisation's correction (D3), root cause (D4), systemic corrective action (D5–D7) and verification (D8), and the
 * auditor's side — the deadlines in calendar days from the closing meeting, each response submitted, each review and the
 * verification at a later audit (IATF Rules 5th ed. 5.11; IATF 16949 10.2.3). The auditor's acceptance is signed by the
 * auditor who recorded it, else left blank.
 */
function externalReport(rc: RegisterContext, action: CorrectiveAction, parts: ReportParts): ActionReportView {
  const { base, l, tr, name, stepSection, actionsTable, verification } = parts;
  const e = action.external_audit!;
  const party = tr(certificationAudit(e.type) ? "register.actions.external.party-cb" : "register.actions.external.party-customer");
  const days = (due: string) => tr("action_report.external.days", { count: daysBetween(e.closing_meeting, due) });
  const rows: string[][] = [
    ...(e.response_due ? [[l("action_report_external_response_due"), e.response_due, "", days(e.response_due)]] : []),
    ...(e.closure_due ? [[l("action_report_external_closure_due"), e.closure_due, "", days(e.closure_due)]] : []),
    // Then what happened, by day: each response, the auditor's decision on it, the verification (a response before its review).
    ...[
      ...(e.responses ?? []).map((r) => [l("action_report_external_response"), r.date, name(action.owner), r.note ?? ""]),
      ...(e.reviews ?? []).map((r) => [tr(`value.external-review.${r.decision}`), r.date, r.by, r.note ?? ""]),
      ...(e.verification ? [[tr("show.action.external.verification-at", { at: tr(`value.external-verification-at.${e.verification.at}`) }), e.verification.date, e.verification.by, [e.verification.report ?? "", e.verification.note ?? ""].filter(Boolean).join(tr("register.remarks-separator"))]] : []),
    ].sort((a, b) => a[1]!.localeCompare(b[1]!)),
  ];
  const accepted = (e.reviews ?? []).filter((r) => r.decision === "accepted").at(-1);
  return {
    ...base,
    header: [
      [{ label: l("action_report_external_auditor"), value: externalAuditorName(rc, action) }, { label: l("action_report_external_type"), value: tr(`value.external-audit-type.${e.type}`) }],
      [{ label: l("action_report_audit_report"), value: e.report }, { label: l("action_report_external_closing"), value: e.closing_meeting }],
      [{ label: l("action_report_nc_number"), value: e.nc }, { label: l("action_report_grade"), value: l(`action_report_grade_${e.grade}`) }],
      [{ label: l("action_report_external_clause"), value: e.clause ?? "" }, { label: l("action_report_external_record"), value: action.id }],
      [{ label: l("action_report_owner"), value: name(action.owner) }, { label: l("action_report_external_closed"), value: action.steps?.D8?.done ?? "" }],
    ],
    sections: [
      { title: l("action_report_external_requirement"), text: e.requirement ?? "" },
      { title: l("action_report_external_statement"), text: e.statement },
      { title: l("action_report_evidence"), text: e.evidence ?? "" },
      stepSection(l("action_report_correction"), "D3"),
      stepSection(l("action_report_external_root_cause"), "D4"),
      { title: l("action_report_external_systemic"), table: actionsTable(["D5", "D6", "D7"]) },
      { ...verification, title: l("action_report_external_effectiveness") },
      {
        title: l("action_report_external_auditor_side").replace("{party}", party),
        table: { head: [l("action_report_external_item"), l("action_report_date"), l("action_report_external_who"), l("action_report_external_note")], rows, nowrap: [true, true, true, false] },
      },
    ],
    signatures: [
      { label: l("prepared"), name: "", date: "" },
      { label: l("approved"), name: "", date: "" },
      { label: l("action_report_external_sign_accepted").replace("{party}", party), name: accepted?.by ?? "", date: accepted?.date ?? "" },
    ],
  };
}
