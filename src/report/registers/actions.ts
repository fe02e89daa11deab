/**
 * The corrective action register (纠正措施台账, the 8D and nonconformity log): one row per record of
 * actions/ (csr action open|step|readacross|close) — where it came from (a customer's complaint with its
 * number, an internal audit's report, an internal finding, a field failure), the part, when it was
 * received, each step's due and done date, where it stands (the step it is at and its due date), its
 * status (进行中, 逾期, 已关闭), the revisions released to carry it out (csr release --action), the
 * read-across entries, the day it was closed, once a record has them whether it concerns product safety and its cost of
 * poor quality (IATF 16949 4.4.1.2, 9.3.2.1); in a GJB 9001C repository, once a record has them, its grade, batches and serial
 * numbers and the day the 军代表 was notified; in a GJB 9001C repository, as its 质量问题归零台账, the cause and the
 * corrective action, each half of the 归零 (技术归零, 管理归零) and the 归零报告 with its review. IATF 16949 10.2.3, 10.2.6 (customer complaints and
 * field failures: documented information retained), 10.2.1 (corrective action), 10.3.1 (lessons
 * learned); GJB 9001C 10.2. The SQE's complaint log and the management review's corrective action
 * status (9.3.2.1) are read from it.
 */
import { foldedForSearch, groupedNumber, localized } from "../../core/text.js";
import { repositoryCalendar } from "../../load/calendar.js";
import { actionOn, actionRecordedAfter, actionRevisions, actionStatus, costTotal, currentStep, dueChangesText, stepNameKey, ZEROING_PARTS, zeroingComplete, zeroingMissing, type ZeroingCriterion } from "../../model/actions.js";
import { worksToGjb9001C } from "../../model/citations.js";
import { awaitsMilitaryReview } from "../../model/zeroing-review.js";
import { supplierOf } from "../../model/suppliers.js";
import { workdaysLate } from "../../model/calendar.js";
import type { Period } from "../../model/review-timeliness.js";
import { ACTION_STEPS, type ActionSource, type ActionStepId, type CorrectiveAction, type Zeroing } from "../../model/types.js";
import type { Column, Table } from "../table.js";
import { asOfNotes, compareIds, customerName, personName, t, wantsTranslationHints, withHints, type RegisterContext } from "./context.js";
import { shortList, translate, type Lang } from "../../i18n/index.js";
import { filterNotesOf } from "./filter.js";
import { periodAskedNotes, periodWords } from "./period.js";
import { processCodeLabel } from "../../model/labels.js";
import { certificationAudit, externalStanding } from "../../model/external-audits.js";

/** What `csr list actions` narrows the register to: a customer's complaints, a status, a source, the records received in a period, those containing a word. */
export interface ActionFilter {
  customer?: string;
  /** The corrective actions asked of this supplier (SCAR), by its code. */
  supplier?: string;
  status?: (typeof ACTION_STATUS_FILTERS)[number];
  source?: ActionSource;
  period?: Period;
  /** Words as given (--grep, each non-empty): the records whose text (actionSearchedText) contains any of them, in any letter case. */
  grep?: readonly string[];
}

/** The states --status takes: open (进行中, overdue ones included), overdue (逾期), closed (已关闭). */
export const ACTION_STATUS_FILTERS = ["open", "overdue", "closed"] as const;

/**
 * The records as they stood on `today` (YYYY-MM-DD; actionOn: those received later left out, what was
 * done later not yet done), by the day received, then by id. Each row's status and 进度 are judged on
 * `today`: a step is overdue the day after its due date (action/step-overdue), its lateness counted in
 * working days on the repository's calendar. `filter` narrows the rows (filtered title, note and file
 * name, filterNotesOf).
 */
export function actionRegister(ctx: RegisterContext, options: { today: string; filter?: ActionFilter }): Table {
  const { today, filter = {} } = options;
  const calendar = repositoryCalendar(ctx.repo.config?.value);
  const all = ctx.repo.actions.flatMap(({ value }) => actionOn(value, today) ?? []).sort((a, b) => a.received.localeCompare(b.received) || compareIds(a.id, b.id));
  // Each record's status on `today`, judged once: the filter, the tallies and its row read it.
  const statuses = new Map(all.map((a) => [a, actionStatus(a, today)]));
  const statusOf = (a: CorrectiveAction) => statuses.get(a)!;
  const words = filter.grep?.map(foldedForSearch);
  const containsWord = (a: CorrectiveAction) => {
    if (words === undefined) return true;
    const text = actionSearchedText(ctx, a);
    return words.some((word) => text.includes(word));
  };
  const shown = all.filter(
    (a) =>
      containsWord(a) &&
      (filter.customer === undefined || a.customer === filter.customer) &&
      (filter.supplier === undefined || a.supplier === filter.supplier) &&
      (filter.source === undefined || a.source === filter.source) &&
      (filter.status === undefined || (filter.status === "open" ? statusOf(a) !== "closed" : statusOf(a) === filter.status)) &&
      (filter.period === undefined || (a.received >= filter.period.from && a.received <= filter.period.to)),
  );
  const revisions = actionRevisions(
    ctx.repo.documents.map((d) => d.value),
    today,
  );
  const separator = t(ctx, "register.list-separator");
  const parts = [
    ...(filter.source !== undefined ? [t(ctx, "register.filter.action-source", { source: t(ctx, `action.source.${filter.source}`) })] : []),
    ...(filter.customer !== undefined ? [t(ctx, "register.filter.customer", { customer: customerName(ctx, filter.customer) })] : []),
    ...(filter.supplier !== undefined ? [t(ctx, "register.filter.supplier", { supplier: supplierName(ctx, filter.supplier) })] : []),
    ...(filter.status !== undefined ? [t(ctx, "register.filter.status", { status: t(ctx, filter.status === "open" ? "register.actions.status.open-any" : `register.actions.status.${filter.status}`) })] : []),
    ...(filter.period !== undefined ? [t(ctx, "register.filter.action-period", periodWords(ctx, filter.period))] : []),
    ...(filter.grep !== undefined ? [t(ctx, "register.filter.grep", { words: filter.grep.map((word) => t(ctx, "register.filter.grep-word", { word })).join(t(ctx, "register.filter.grep-or")) })] : []),
  ];
  const zeroing = worksToGjb9001C(ctx.repo.config?.value);
  const filtered = filterNotesOf(ctx, parts, "actions", "csr list actions", [filter.source, filter.customer, filter.supplier, filter.status, filter.period?.from, filter.period?.to, ...(filter.grep ?? [])], t(ctx, zeroing ? "register.actions.whole-gjb" : "register.actions.whole"));
  const count = { count: shown.length };
  const open = shown.filter((a) => statusOf(a) !== "closed").length;
  const overdue = shown.filter((a) => statusOf(a) === "overdue").length;
  // In a GJB 9001C repository the register is the 质量问题归零台账: its steps named as 归零 names them, with the cause and the
  // corrective action found (D4's and D5's notes), each half of the 归零 and its 归零报告 (GJB 9001C 10.2; tester68 G1, G8).
  const gjb = zeroing ? "-gjb" : "";
  // The details a record may have (csr action update, csr action cost): each one's column when a record of the repository has it
  // (a repository that records no cost has no empty column of costs), the grade, batches and 军代表's day in a GJB 9001C repository.
  const details: Record<DetailKey, Column> = {
    grade: { key: "grade", header: t(ctx, "register.actions.column.grade"), kind: "code", printedIfAny: true },
    lots: { key: "lots", header: t(ctx, "register.actions.column.lots"), kind: "list", printedIfAny: true },
    safety: { key: "safety", header: t(ctx, "register.actions.column.safety"), kind: "code", printedIfAny: true },
    notified: { key: "notified", header: t(ctx, "register.actions.column.notified"), date: true, printedIfAny: true },
    cost: { key: "cost", header: t(ctx, `register.actions.column.cost${gjb}`), kind: "number", grouped: true, printedIfAny: true },
    external: { key: "external", header: t(ctx, "register.actions.column.external"), printedIfAny: true },
    externalDue: { key: "externalDue", header: t(ctx, "register.actions.column.external-due"), date: true, printedIfAny: true },
  };
  const detailColumns = (keys: DetailKey[]) => keys.filter((k) => (zeroing || !GJB_DETAILS.includes(k)) && all.some((a) => detailOf(a, k))).map((k) => details[k]);
  const stepColumns: Column[] = ACTION_STEPS.flatMap((step) => [
    { key: `${step}-due`, header: t(ctx, `register.actions.column.step-due${gjb}`, { step, name: t(ctx, stepNameKey(step, zeroing)) }), date: true },
    { key: `${step}-done`, header: t(ctx, `register.actions.column.step-done${gjb}`, { step, name: t(ctx, stepNameKey(step, zeroing)) }), date: true },
  ]);
  const zeroingColumns: Column[] = zeroing
    ? [
        ...ZEROING_PARTS.map(({ part }) => ({ key: `zeroing-${part}`, header: t(ctx, `register.actions.column.zeroing-${part}`) })),
        { key: "zeroingReport", header: t(ctx, "register.actions.column.zeroing-report") },
      ]
    : [];
  const findings: Column[] = zeroing
    ? [
        { key: "cause", header: t(ctx, "register.actions.column.cause") },
        { key: "action", header: t(ctx, "register.actions.column.action") },
      ]
    : [];
  const columns: Column[] = [
    { key: "no", header: t(ctx, "register.actions.column.no"), kind: "number" },
    { key: "id", header: t(ctx, "register.actions.column.id"), kind: "id" },
    { key: "source", header: t(ctx, "register.actions.column.source"), kind: "code" },
    { key: "customer", header: t(ctx, "register.actions.column.customer"), kind: "name" },
    { key: "reference", header: t(ctx, `register.actions.column.reference${gjb}`), kind: "id" },
    { key: "title", header: t(ctx, "register.actions.column.title") },
    { key: "product", header: t(ctx, `register.actions.column.product${gjb}`) },
    // A GJB 9001C 质量问题's grade, the batches and serial numbers concerned and the day the 军代表 was told (GJB 9001C 8.7, 10.2).
    ...detailColumns(["grade", "lots"]),
    // Product safety (IATF 16949 4.4.1.2, 10.2.4).
    ...detailColumns(["safety"]),
    // An external audit's nonconformity: the auditor, the audit, its number, grade and clause, and the response due to the auditor.
    ...detailColumns(["external", "externalDue"]),
    { key: "received", header: t(ctx, "register.actions.column.received"), date: true },
    ...detailColumns(["notified"]),
    { key: "owner", header: t(ctx, "register.actions.column.owner"), kind: "name" },
    ...findings,
    ...stepColumns,
    // The due dates changed (original, each change and its reason), only when a record shown has one: the register an auditor
    // reads shows the date first promised, never only the date in force (IATF 16949 10.2.3, 9.3.2.1; tester78 A1).
    ...(shown.some((a) => dueChanges(ctx, a) !== "") ? [{ key: "dueChanges", header: t(ctx, "register.actions.column.due-changes") }] : []),
    { key: "progress", header: t(ctx, "register.actions.column.progress") },
    { key: "status", header: t(ctx, "register.actions.column.status"), kind: "code" },
    { key: "revisions", header: t(ctx, "register.actions.column.revisions"), kind: "list" },
    { key: "readAcross", header: t(ctx, "register.actions.column.read-across"), kind: "number" },
    // The record's cost of poor quality in 元, summed (csr action cost; IATF 16949 9.3.2.1); empty when none is recorded, which is not 0.
    ...detailColumns(["cost"]),
    ...zeroingColumns,
    { key: "closed", header: t(ctx, "register.actions.column.closed"), date: true },
    { key: "verification", header: t(ctx, "register.actions.column.verification") },
  ];
  // A 重大 or 严重 problem closed without the 军代表's review is not 归零 yet: 待军代表评审 (GJB 9001C 10.2; tester81 J1).
  const unreviewed = zeroing ? shown.filter((a) => statusOf(a) === "closed" && zeroingComplete(a) && awaitsMilitaryReview(a)).length : 0;
  const complete = zeroing ? shown.filter((a) => statusOf(a) === "closed" && zeroingComplete(a)).length - unreviewed : 0;
  return {
    id: "actions",
    // A GJB 9001C unit keeps it as its 质量问题归零/纠正措施台账: each record is a quality problem brought to 归零 (tester66 N7).
    title: filtered
      ? t(ctx, zeroing ? "register.actions.title-filtered-gjb" : "register.actions.title-filtered", { ...count, filter: filtered.title })
      : t(ctx, zeroing ? "register.actions.title-gjb" : "register.actions.title", count),
    ...(filtered ? { filtered: filtered.filtered } : {}),
    sheet: actionRegisterSheet(ctx),
    columns,
    // A terminal shows where each record stands (进度) rather than the twelve dates of its steps, which the files keep.
    // Nor the batches and serial numbers (批次/产品编号), a list a terminal line cannot hold.
    terminal: columns.filter((c) => !stepColumns.includes(c) && !findings.includes(c) && !["verification", "product", "lots"].includes(c.key)).map((c) => c.key),
    rows: shown.map((a, i) => {
      // The cells of the detail columns the register has.
      const present = (cells: Partial<Record<DetailKey, string | null | number>>) => Object.fromEntries(Object.entries(cells).filter(([key]) => columns.some((c) => c.key === key)));
      const step = currentStep(a, today);
      const status = statusOf(a);
      const steps = Object.fromEntries(
        ACTION_STEPS.flatMap((s) => {
          const entry = a.steps?.[s];
          return [
            [`${s}-due`, entry?.due ?? null],
            [`${s}-done`, entry?.done ?? null],
          ];
        }),
      );
      const d8 = a.steps?.D8;
      return {
        no: i + 1,
        id: a.id,
        source: t(ctx, `action.source.${a.source}`),
        customer: party(ctx, a),
        reference: a.external_audit ? `${a.external_audit.report} ${a.external_audit.nc}` : (a.complaint ?? a.failure_report ?? a.audit_report ?? ""),
        title: localized(ctx.lang, a.title, a.title_en),
        product: a.product === undefined ? "" : localized(ctx.lang, a.product, a.product_en),
        ...present({ grade: a.problem_grade ? t(ctx, `register.actions.grade.${a.problem_grade}`) : "", lots: lotsText(ctx, a), safety: a.safety ? t(ctx, "register.actions.safety-mark") : "", notified: a.notified ?? null, external: externalText(ctx, a), externalDue: a.external_audit?.response_due ?? null }),
        received: a.received,
        owner: personName(ctx, a.owner),
        ...(zeroing ? { cause: a.steps?.D4?.note ?? "", action: a.steps?.D5?.note ?? "" } : {}),
        ...steps,
        ...(columns.some((c) => c.key === "dueChanges") ? { dueChanges: dueChanges(ctx, a) } : {}),
        progress: [
          step === undefined ? t(ctx, zeroing && awaitsMilitaryReview(a) ? "register.actions.progress.closed-unreviewed" : "register.actions.progress.closed") : progressText(ctx, step, step.due !== undefined && step.overdue ? Math.max(workdaysLate(calendar, step.due, today), 1) : 0, zeroing),
          // The external auditor's deadline, in calendar days, beside the steps' (IATF Rules 5.11; tester82 A11).
          ...(a.external_audit ? [externalProgress(ctx, a, today)] : []),
        ].join(t(ctx, "register.remarks-separator")),
        status: t(ctx, `register.actions.status.${status}`),
        revisions: (revisions.get(a.id) ?? []).map((r) => `${r.document} ${r.version}`).join(separator),
        readAcross: (a.read_across ?? []).length,
        ...present({ cost: (a.cost ?? []).length > 0 ? costTotal(a) : null }),
        ...(zeroing ? { ...Object.fromEntries(ZEROING_PARTS.map(({ part, criteria }) => [`zeroing-${part}`, zeroingText(ctx, a, criteria)])), zeroingReport: zeroingReportText(ctx, a.zeroing) } : {}),
        closed: d8?.done ?? null,
        verification: d8?.done !== undefined ? t(ctx, "register.actions.verification", { by: personName(ctx, d8.verified_by), evidence: d8.evidence ?? "" }) : "",
      };
    }),
    notes: [
      ...(filtered ? [filtered.note] : []),
      ...periodAskedNotes(ctx, filter.period),
      ...(shown.length > 0 ? [t(ctx, "register.actions.totals", { count: shown.length, open, overdue, closed: shown.length - open })] : []),
      // How many of the closed problems are 归零 on all ten criteria: closed is not yet 归零 (tester68 G1).
      ...(zeroing && shown.length - open > 0 ? [t(ctx, unreviewed > 0 ? "register.actions.zeroing-totals-unreviewed" : "register.actions.zeroing-totals", { closed: shown.length - open, complete, count: shown.length - open - complete - unreviewed, unreviewed })] : []),
      ...asOfNotes(
        ctx,
        today,
        ctx.repo.actions.some(({ value }) => value.received > today || actionRecordedAfter(value, today)),
      ),
    ],
    ...withHints(untranslatedHints(ctx, shown)),
  };
}

/**
 * Everything of a record that `csr list actions --grep` searches, folded (foldedForSearch), one part a line so that no word
 * is found across two: its id, problem and product in both languages, its source in both languages, the customer's complaint
 * number, the user's failure report, the internal audit's report, the batches and serial numbers, each D step's note (D3
 * containment to D7 prevention), the closure's evidence and why no read-across applies, the read-across results, the 归零's
 * evidence and report, and an external audit's auditor, audit, report, number, statement, requirement, evidence and responses.
 */
function actionSearchedText(ctx: RegisterContext, a: CorrectiveAction): string {
  const e = a.external_audit;
  const parts = [
    a.id,
    a.title,
    a.title_en,
    a.product,
    a.product_en,
    translate("zh-CN", `action.source.${a.source}`),
    translate("en", `action.source.${a.source}`),
    a.complaint,
    a.failure_report,
    a.audit_report,
    ...(a.batches ?? []),
    ...(a.serials ?? []),
    ...ACTION_STEPS.flatMap((step) => (step === "D8" ? [] : [a.steps?.[step]?.note])),
    a.steps?.D8?.evidence,
    a.steps?.D8?.no_read_across,
    ...(a.read_across ?? []).map((r) => r.result),
    ...Object.values(a.zeroing ?? {}).filter((value): value is string => typeof value === "string"),
    ...(e ? [externalText(ctx, a), e.auditor, e.statement, e.requirement, e.evidence, ...(e.responses ?? []).map((r) => r.note)] : []),
  ];
  return parts.filter((part): part is string => part !== undefined && part !== "").map(foldedForSearch).join("\n");
}

/** The details of a record that have a column of their own when a record has them; those of GJB_DETAILS in a GJB 9001C repository only. */
type DetailKey = "grade" | "lots" | "safety" | "notified" | "cost" | "external" | "externalDue";
const GJB_DETAILS: readonly DetailKey[] = ["grade", "lots", "notified"];

/** Whether a record has the detail of a detail column. */
function detailOf(a: CorrectiveAction, key: DetailKey): boolean {
  if (key === "grade") return a.problem_grade !== undefined;
  if (key === "lots") return (a.batches ?? []).length + (a.serials ?? []).length > 0;
  if (key === "notified") return a.notified !== undefined;
  if (key === "safety") return a.safety === true;
  if (key === "external") return a.external_audit !== undefined;
  if (key === "externalDue") return a.external_audit?.response_due !== undefined;
  return (a.cost ?? []).length > 0;
}

/**
 * An external audit's nonconformity in a cell: the auditor, the audit, its report and number, grade and clause
 * ("华信认证 监督审核 HX-2026-118 NC-01，一般，IATF16949:8.5.1.1"); "" for any other record.
 */
export function externalText(ctx: RegisterContext, a: CorrectiveAction): string {
  const e = a.external_audit;
  if (e === undefined) return "";
  const audit = t(ctx, "register.actions.external", { auditor: externalAuditorName(ctx, a), type: t(ctx, `value.external-audit-type.${e.type}`), report: e.report, nc: e.nc });
  return [audit, t(ctx, `value.external-nc-grade.${e.grade}`), ...(e.clause ? [e.clause] : [])].join(t(ctx, "register.actions.external-separator"));
}

/**
 * Who audited, by name: for a customer's audit the customer (its code in `auditor`), for a certification body an outside
 * party of qms.yaml when `auditor` is its code, else the name as written.
 */
export function externalAuditorName(ctx: RegisterContext, a: CorrectiveAction): string {
  const auditor = a.external_audit?.auditor ?? "";
  if (a.external_audit?.type === "customer") return customerName(ctx, a.customer ?? auditor);
  const party = (ctx.repo.config?.value.external_parties ?? []).find((p) => p.code === auditor);
  return party ? localized(ctx.lang, party.name, party.name_en) : auditor;
}

/**
 * Where an external audit's nonconformity stands with the auditor on `today` (externalStanding), in calendar days
 * (日历日) against the auditor's deadline: "待向认证机构提交回复，要求 2027-02-06 前，已逾期 4 个日历日"; after a
 * response, the auditor's decision or the 90-day deadline of its acceptance; "" for any other record.
 */
export function externalProgress(ctx: RegisterContext, a: CorrectiveAction, today: string): string {
  const e = a.external_audit;
  if (e === undefined) return "";
  const party = t(ctx, certificationAudit(e.type) ? "register.actions.external.party-cb" : "register.actions.external.party-customer");
  const s = externalStanding(e, today);
  if ("date" in s) return t(ctx, `register.actions.external.${s.state}`, { party, date: s.date });
  const key = s.due === undefined ? "undated" : s.late > 0 ? "late" : "due";
  return t(ctx, `register.actions.external.${s.state}-${key}`, { party, due: s.due ?? "", count: s.late, responded: e.responses?.at(-1)?.date ?? "", rejected: e.reviews?.at(-1)?.date ?? "" });
}

/** The batches and serial numbers of a record, in a cell: "批次 2026-11-B07、2026-11-B08；编号 0031~0040"; "" when none is recorded. */
function lotsText(ctx: RegisterContext, a: CorrectiveAction): string {
  const separator = t(ctx, "register.list-separator");
  return [
    ...(a.batches?.length ? [t(ctx, "register.actions.lots.batches", { batches: a.batches.join(separator) })] : []),
    ...(a.serials?.length ? [t(ctx, "register.actions.lots.serials", { serials: a.serials.join(separator) })] : []),
  ].join(t(ctx, "register.remarks-separator"));
}

/** An amount of 元 as a sentence prints it: 35,500, 3,500.50 (two decimals when it has fen). */
export function yuanText(amount: number): string {
  return groupedNumber(amount);
}

/** The part of a record's costs of poor quality that is neither internal nor external (其他), said after the two: "，其他 800 元"; "" without. */
export function otherPart(lang: Lang, a: CorrectiveAction): string {
  return (a.cost ?? []).some((c) => c.kind === "other") ? translate(lang, "action.cost.other-part", { amount: yuanText(costTotal(a, ["other"])) }) : "";
}

/** One half of a record's 质量问题归零 as the register says it (`criteria`, its five): "5/5", or how many are evidenced and which lack it ("3/5，缺 问题复现、措施有效"). */
function zeroingText(ctx: RegisterContext, a: CorrectiveAction, criteria: readonly ZeroingCriterion[]): string {
  const missing = zeroingMissing(a, criteria);
  const done = criteria.length - missing.length;
  return missing.length === 0
    ? t(ctx, "register.actions.zeroing.complete", { total: criteria.length })
    : t(ctx, "register.actions.zeroing.missing", { done, total: criteria.length, criteria: missing.map((c) => t(ctx, `action.zero.criterion.${c}`)).join(t(ctx, "register.list-separator")) });
}

/**
 * A record's 归零报告 as the register and the card say it: its number, and who reviewed it for the customer (the 军代表, by
 * name: the file keeps the id) and when ("GL-2026-01，王建东 2026-11-25 评审"); with no review since one a correction voided
 * (zeroing.voided_reviews), that one marked void ("王建东 2026-11-30 评审，2026-12-07 更正证据后失效，待重新评审"); "" when
 * nothing is recorded.
 */
export function zeroingReportText(ctx: RegisterContext, zeroing: Zeroing | undefined): string {
  const voided = zeroing?.reviewed_by === undefined && zeroing?.reviewed === undefined ? zeroing?.voided_reviews?.at(-1) : undefined;
  const review =
    zeroing?.reviewed_by !== undefined || zeroing?.reviewed !== undefined
      ? t(ctx, "register.actions.zeroing-review", { by: personName(ctx, zeroing.reviewed_by), date: zeroing.reviewed ?? "" }).trim()
      : voided !== undefined
        ? t(ctx, "register.actions.zeroing-review-voided", { by: personName(ctx, voided.reviewed_by), date: voided.reviewed ?? "", voided: voided.voided })
        : "";
  return [zeroing?.report ?? "", review].filter(Boolean).join(t(ctx, "register.actions.zeroing-report-separator"));
}

/**
 * In English, the records whose problem (title) or product prints in Chinese for want of title_en or product_en, and where
 * their English goes (tester65 N6); none in Chinese, nor in a repository kept in English. A hint, not a line of the register.
 */
function untranslatedHints(ctx: RegisterContext, actions: readonly CorrectiveAction[]): string[] {
  if (!wantsTranslationHints(ctx)) return [];
  const ids = actions.filter((a) => !a.title_en || (a.product !== undefined && !a.product_en)).map((a) => a.id);
  return ids.length > 0 ? [t(ctx, "register.actions.untranslated", { count: ids.length, ids: shortList(ids, ctx.lang, 5) })] : [];
}

/** A record's due date changes, step by step ("D3 原定 2026-12-03 前；2026-12-07 延期至 2026-12-10，原因：…"), "" when none changed. */
function dueChanges(ctx: RegisterContext, a: CorrectiveAction): string {
  return ACTION_STEPS.flatMap((step) => {
    const text = step === "D8" ? "" : dueChangesText(ctx.lang, a.steps?.[step], (id) => personName(ctx, id));
    return text === "" ? [] : [`${step} ${text}`];
  }).join(t(ctx, "register.actions.due-changes-separator"));
}

/** Whose nonconformity it is: the customer who complained, else the process it was found in (an audit's, an internal one's), else for an external audit's the auditor. */
function party(ctx: RegisterContext, a: CorrectiveAction): string {
  if (a.external_audit && !a.process) return externalAuditorName(ctx, a);
  // An audit's or an in-house nonconformity is the process's, even when it concerns a customer's requirement (tester78 A13).
  if (a.customer && (a.source === "complaint" || a.source === "field-failure" || !a.process)) return customerName(ctx, a.customer);
  if (a.supplier) return supplierName(ctx, a.supplier);
  return a.process ? processCodeLabel(ctx.index.processes, a.process, ctx.lang) : "";
}

/** A supplier as the register names it: its name (in English its name_en when it has one), else its code as written. */
export function supplierName(ctx: RegisterContext, code: string): string {
  const supplier = supplierOf(ctx.repo, code);
  return supplier ? localized(ctx.lang, supplier.name, supplier.name_en) : code;
}

/**
 * 进度 of an open record: the step it is at, and the next due date of its steps not done with how many
 * working days it is past (`late`, 0 when not), naming the step it belongs to when a later one's; `gjb`, as a 质量问题归零 names it.
 */
function progressText(ctx: RegisterContext, step: { step: ActionStepId; dueStep?: ActionStepId; due?: string }, late: number, gjb: boolean): string {
  // The step to do next, worded as still to do: "D5 corrective action chosen" read as done (tester65 N9).
  const name = t(ctx, "register.actions.progress.next", { step: step.step, name: t(ctx, stepNameKey(step.step, gjb, true)) });
  if (step.due === undefined) return t(ctx, "register.actions.progress.undated", { step: name });
  const of = step.dueStep !== step.step ? t(ctx, "register.actions.progress.of", { step: step.dueStep! }) : "";
  if (late > 0) return t(ctx, "register.actions.progress.late", { step: name, of, due: step.due, count: late });
  return t(ctx, "register.actions.progress.due", { step: name, of, due: step.due });
}

/**
 * The register's sheet name, as the management review names it too: 质量问题归零及纠正措施台账 in a GJB 9001C repository
 * (a sheet name takes no "/"), else 纠正措施台账.
 */
export function actionRegisterSheet(ctx: RegisterContext): string {
  return t(ctx, worksToGjb9001C(ctx.repo.config?.value) ? "register.actions.sheet-gjb" : "register.actions.sheet");
}
