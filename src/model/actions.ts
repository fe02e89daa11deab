/**
 * Nonconformity and corrective action records (actions/<id>.yaml, 不符合及纠正措施 / 8D) as registers,
 * commands and checks read them: open or closed, each step's due and done dates, a customer's
 * complaint deadlines counted on the working-day calendar.
 * IATF 16949 10.2.1–10.2.3 (nonconformity and corrective action, 8D), 10.2.6 (customer complaints),
 * 10.3.1 (lessons learned); GJB 9001C 10.2.
 */
import { t, translate, type Lang } from "../i18n/index.js";
import { stepDeadlineDue, type WorkCalendar } from "./calendar.js";
import { externalAuditLate, externalAuditOn, externalRecordedAfter } from "./external-audits.js";
import { ACTION_STEPS, COST_KINDS, type ActionCost, type ActionStep, type ActionStepId, type ComplaintDeadlines, type ControlledDocument, type CorrectiveAction, type DueChange, type StepDeadline, type Zeroing } from "./types.js";

/** A step of a record as read: its id (D3 … D8), due and done dates (YYYY-MM-DD), who did or verified it (D8's verifier as `by`, its evidence as `note`). */
export type ActionStepView = ActionStep & { step: ActionStepId };

/**
 * The five criteria of technical 归零 (技术归零) of a quality problem, in the order a 归零报告 gives them: 定位准确, 机理清楚,
 * 问题复现, 措施有效, 举一反三. GJB 9001C-2017 10.2 wants a nonconformity's causes found and its actions' effectiveness
 * reviewed; the 双五条 of 质量问题归零 are those of the practice (QJ 3183, GJB 5711 装备质量问题处理).
 */
export const TECHNICAL_ZEROING = ["located", "mechanism", "reproduced", "effective", "read_across"] as const;
/**
 * The five criteria of management 归零 (管理归零) of a quality problem, the other half of the 双五条: 过程清楚, 责任明确,
 * 措施落实, 严肃处理, 完善规章 (same sources as TECHNICAL_ZEROING). A unit's 质量问题归零 procedure asks both (tester68 G1).
 */
export const MANAGEMENT_ZEROING = ["process_clear", "responsibility", "measures_taken", "dealt_with", "rules_improved"] as const;
/** Every criterion of a quality problem's 归零: the technical five, then the management five. */
export const ZEROING_CRITERIA = [...TECHNICAL_ZEROING, ...MANAGEMENT_ZEROING] as const;
export type ZeroingCriterion = (typeof ZEROING_CRITERIA)[number];
/** The two halves of 归零, each with its criteria, in the order a 归零报告 gives them. */
export const ZEROING_PARTS = [
  { part: "technical", criteria: TECHNICAL_ZEROING },
  { part: "management", criteria: MANAGEMENT_ZEROING },
] as const;

/**
 * The locale key of a step's name (D4 根本原因分析), or with `next` of what is still to do at it (分析根本原因). In a GJB 9001C
 * repository (`gjb`, worksToGjb9001C in model/citations.ts) a step is named as a 质量问题归零 names it (D4 原因分析, D8 归零关闭) rather than as
 * an 8D step: the same record, in the words of GJB 9001C 10.2 and its 归零 practice (tester68 G8).
 */
export function stepNameKey(step: ActionStepId, gjb: boolean, next = false): `action.step.${"" | "next."}${"" | "gjb."}${ActionStepId}` {
  return `action.step.${next ? "next." : ""}${gjb ? "gjb." : ""}${step}` as const;
}

/** Whether every criterion of `action`'s 归零 — technical and management, ten in all — is evidenced. */
export function zeroingComplete(action: CorrectiveAction): boolean {
  return zeroingMissing(action).length === 0;
}

/**
 * Where each criterion of `action`'s 归零 is evidenced: its `zeroing` entry; for 举一反三 otherwise the read-across
 * entries recorded (csr action readacross) or, closed without any, the reason none applies (D8 no_read_across).
 * `readAcross` words the entries: "横向展开 2 项".
 */
export function zeroingEvidence(action: CorrectiveAction, readAcross: (count: number) => string, none: (reason: string) => string): Record<ZeroingCriterion, string | undefined> {
  const across = (action.read_across ?? []).length;
  const reason = action.steps?.D8?.no_read_across;
  const zeroing: Zeroing = action.zeroing ?? {};
  const evidence = Object.fromEntries(ZEROING_CRITERIA.map((c) => [c, zeroing[c]])) as Record<ZeroingCriterion, string | undefined>;
  evidence.read_across ??= across > 0 ? readAcross(across) : reason !== undefined ? none(reason) : undefined;
  return evidence;
}

/** The criteria of `action`'s 归零 with no evidence recorded (zeroingEvidence), in order; `of` the criteria looked at, all ten unless given. */
export function zeroingMissing(action: CorrectiveAction, of: readonly ZeroingCriterion[] = ZEROING_CRITERIA): ZeroingCriterion[] {
  const evidence = zeroingEvidence(action, () => "read-across", (reason) => reason);
  return of.filter((c) => evidence[c] === undefined);
}

/**
 * What a step's note says was to be done to a document (修订进货检验规范, revise the control plan): the first step D5–D7
 * whose note speaks of revising or issuing a document, with that note; undefined when none does. A record whose actions
 * change a document is carried out by a released revision that names it (csr release --action); close says when none does.
 */
export function documentChangeNamed(action: CorrectiveAction): { step: ActionStepId; note: string } | undefined {
  for (const step of ["D5", "D6", "D7"] as const) {
    const note = action.steps?.[step]?.note;
    if (note !== undefined && DOCUMENT_CHANGE.test(note)) return { step, note };
  }
  return undefined;
}

/** A revision or a new issue of a document, in the words a step's note uses for it. */
const DOCUMENT_CHANGE = /(修订|修改|更改|换版|改版|新编|编制|发布).{0,12}(规范|规程|程序|文件|细则|指导书|标准|图样|图纸|计划|手册|办法|制度|大纲|卡)|\b(revis\w*|updat\w*|amend\w*|issu\w*)\b.{0,40}\b(specification|procedure|instruction|standard|drawing|plan|manual|document)/i;

/**
 * The supplier corrective actions (SCAR) asked of `supplier` (its code) and open on `today` (YYYY-MM-DD): records of source
 * supplier received by then without a D8 done by then, by the day received, then id. IATF 16949 8.4.2.4, 10.2.3.
 */
export function openSupplierActions(actions: Iterable<CorrectiveAction>, supplier: string, today: string): CorrectiveAction[] {
  return [...actions]
    .filter((a) => a.source === "supplier" && a.supplier === supplier)
    .flatMap((a) => actionOn(a, today) ?? [])
    .filter((a) => !actionClosed(a))
    .sort((a, b) => a.received.localeCompare(b.received) || a.id.localeCompare(b.id));
}

/** Closed once D8 (closure, with its verification) has a done date; open before. */
export function actionClosed(action: CorrectiveAction): boolean {
  return action.steps?.D8?.done !== undefined;
}

/**
 * Whether the person who verified (or is to verify) an action's effectiveness did its work: the action's owner
 * (`owner`), or the one who recorded D6 (corrective action implemented) or D7 (recurrence prevented). The D8
 * verification of effectiveness is a check of that work by someone else, e.g. the auditor in a follow-up audit
 * (8D D8; IATF 16949 10.2.3, 10.2.1 f). Returns the first role the person held ("owner", "D6", "D7"), or undefined.
 */
export function selfVerifiedRole(action: CorrectiveAction, verifier: string): "owner" | "D6" | "D7" | undefined {
  if (action.owner === verifier) return "owner";
  return (["D6", "D7"] as const).find((step) => action.steps?.[step]?.by === verifier);
}

/** The steps the record holds, in order D3 … D8 (D8's verifier as `by`, its evidence as `note`). */
export function actionSteps(action: CorrectiveAction): ActionStepView[] {
  const steps = action.steps ?? {};
  return ACTION_STEPS.flatMap((step): ActionStepView[] => {
    if (step === "D8") {
      const d8 = steps.D8;
      return d8 ? [{ step, due: d8.due, done: d8.done, by: d8.verified_by, note: d8.evidence }] : [];
    }
    const entry = steps[step];
    return entry ? [{ step, ...entry }] : [];
  });
}

/**
 * The steps of an open record whose due date is before `today` (YYYY-MM-DD) and that have no done
 * date: what csr check's action/step-overdue reports. None once the record is closed.
 */
export function overdueSteps(action: CorrectiveAction, today: string): ActionStepView[] {
  if (actionClosed(action)) return [];
  return actionSteps(action).filter((s) => s.done === undefined && (heldDue(s) ?? today) < today);
}

/**
 * The due date (YYYY-MM-DD) a step is held to, from its first due date and its changes (`due_changes`, csr action step
 * --due --reason), in order: a change recorded on or before the day the due date it replaces falls is a re-plan made in
 * time, and the step is held to the new date; a change recorded after that day, the step late already, is kept with its
 * reason and printed but does not excuse the lateness: the step stays held to the date it missed, and the changes after
 * it are not followed. Without changes, its `due`; undefined without a due date. IATF 16949 10.2.3 (corrective action
 * taken in time; 9.3.2.1 reviews it), ISO 9001 7.5.3.2 c) (records protected from unintended alteration).
 */
export function heldDue(entry: { due?: string; due_changes?: readonly DueChange[] } | undefined): string | undefined {
  const changes = entry?.due_changes ?? [];
  let held = changes[0]?.from ?? entry?.due;
  for (const change of changes) {
    if (held === undefined || change.date > held) break;
    held = change.to;
  }
  return held;
}

/**
 * A step's due date changes as the card, the register, csr check and the management review print them, in `lang`:
 * "原定 2026-12-03 前；2026-12-07 延期至 2026-12-10（孙伟；原因：…）", the person named by `who` (an id to a name);
 * "" for a step whose due date never changed.
 */
export function dueChangesText(lang: Lang, entry: { due?: string; due_changes?: readonly DueChange[] } | undefined, who: (id: string) => string): string {
  const changes = entry?.due_changes ?? [];
  if (changes.length === 0) return "";
  const parts = changes.map((c) =>
    translate(lang, c.to < c.from ? "action.due-change.earlier" : "action.due-change.later", { date: c.date, to: c.to, reason: c.reason, by: c.by === undefined ? "" : translate(lang, "action.due-change.by", { who: who(c.by) }) }),
  );
  return translate(lang, "action.due-changes", { original: changes[0]!.from, changes: parts.join(translate(lang, "action.due-change.separator")) });
}

/** The steps D3–D7 without a done date: a record is closed only once each has one (csr action close). */
export function stepsNotDone(action: CorrectiveAction): ActionStepId[] {
  return ACTION_STEPS.filter((step) => step !== "D8" && action.steps?.[step]?.done === undefined);
}

/**
 * The deadlines of a customer's complaints, step by step: the customer's own `complaint_deadlines`
 * (with the CSR that sets them, `csr`) for the steps it gives, qms.yaml `complaint_deadlines` (the
 * organisation's, for every customer) for the others. `own` lists the steps the customer sets. Nothing
 * when neither gives a step.
 */
export function complaintDeadlines(customer: ComplaintDeadlines | undefined, organisation: Partial<Record<ActionStepId, StepDeadline>> | undefined): { deadlines: ComplaintDeadlines; own: Set<ActionStepId> } | undefined {
  const deadlines: ComplaintDeadlines = customer?.csr !== undefined ? { csr: customer.csr } : {};
  const own = new Set<ActionStepId>();
  for (const step of ACTION_STEPS) {
    const mine = customer?.[step];
    const given = mine ?? organisation?.[step];
    if (given === undefined) continue;
    deadlines[step] = given;
    if (mine !== undefined) own.add(step);
  }
  return ACTION_STEPS.some((step) => deadlines[step] !== undefined) ? { deadlines, own } : undefined;
}

/**
 * Whose deadline `step` of a complaint is, for `governing` (complaintDeadlines): the CSR that sets the
 * customer's deadlines (`deadlines.csr`, else the customer's code `customer`) for a step the customer
 * sets, else 本组织 / the organisation (qms.yaml complaint_deadlines). IATF 16949 10.2.3, 10.2.4.
 */
export function deadlineOwner(governing: { deadlines: ComplaintDeadlines; own: ReadonlySet<ActionStepId> }, step: ActionStepId, customer: string): string {
  return governing.own.has(step) ? (governing.deadlines.csr ?? customer) : t("action.basis.organisation");
}

/**
 * A step deadline as printed after its due date: "N days after receipt" or "N working days", per
 * `whose` (deadlineOwner), `note` following the working days (action.basis.estimated, or "").
 */
export function deadlineBasis(deadline: StepDeadline, whose: string, note = ""): string {
  return "days" in deadline ? t("action.basis.days", { count: deadline.days, csr: whose }) : t("action.basis.working-days", { count: deadline.working_days, csr: whose, note });
}

/**
 * Each step's due date for a complaint received on `received` under the customer's deadlines
 * (customers/<code>.yaml complaint_deadlines, or qms.yaml's for every customer: complaintDeadlines): `days` calendar days after receipt (24 hours: 1), or
 * `working_days` on the repository's calendar (qms.yaml calendar; the day of receipt does not count).
 */
export function complaintDueDates(deadlines: ComplaintDeadlines, received: string, calendar: WorkCalendar): Partial<Record<ActionStepId, string>> {
  const due: Partial<Record<ActionStepId, string>> = {};
  for (const step of ACTION_STEPS) {
    const deadline = deadlines[step];
    if (!deadline) continue;
    due[step] = stepDeadlineDue(deadline, received, calendar);
  }
  return due;
}

/**
 * The steps of a complaint's deadlines (`deadlines`, as complaintDeadlines gives them) that can fall due
 * before an earlier step: 8D steps follow each other, and a corrective action due after the 8D must be
 * closed, or a root cause due before containment, is a deadline set wrongly (breaker64 P6). For each such
 * step, the earlier steps it can precede, in order, each `always` when it precedes it whatever the day of
 * receipt (deadlines in the same unit, or calendar days against working days before them), else only on
 * some days (working days against calendar days: weekends and holidays decide). Judged on weeks of Monday
 * to Friday, for every day of receipt; equal due dates are in order. None when the steps are in order.
 */
export function deadlinesOutOfOrder(deadlines: Partial<Record<ActionStepId, StepDeadline>>): { step: ActionStepId; earlier: { step: ActionStepId; always: boolean }[] }[] {
  const given = ACTION_STEPS.filter((step) => deadlines[step] !== undefined);
  return given.flatMap((step, i) => {
    const later = deadlines[step]!;
    const earlier = given.slice(0, i).flatMap((before) => {
      const precedes = RECEIPT_WEEKDAYS.map((day) => weekDue(later, day) < weekDue(deadlines[before]!, day));
      if (!precedes.includes(true)) return [];
      // Working days counted through a holiday come later than on a plain week: only a calendar-day step is sure to precede a working-day one.
      return [{ step: before, always: !precedes.includes(false) && ("days" in later || "working_days" in deadlines[before]!) }];
    });
    return earlier.length > 0 ? [{ step, earlier }] : [];
  });
}

/** Days of receipt Monday (0) … Sunday (6) of a week of Monday-to-Friday working days. */
const RECEIPT_WEEKDAYS = [0, 1, 2, 3, 4, 5, 6];

/** The day number a deadline falls on for a complaint received on day `received` (0 a Monday) of weeks of Monday-to-Friday working days. */
function weekDue(deadline: StepDeadline, received: number): number {
  if ("days" in deadline) return received + deadline.days;
  let day = received;
  for (let left = deadline.working_days; left > 0; ) if (++day % 7 < 5) left--;
  return day;
}

/**
 * The steps of a record whose due date (`due`, YYYY-MM-DD by step) is before that of an earlier step, each
 * with those earlier steps and their due dates: what csr action open says of the due dates it writes
 * (deadlinesOutOfOrder judges the setting itself).
 */
export function dueDatesOutOfOrder(due: Partial<Record<ActionStepId, string>>): { step: ActionStepId; due: string; earlier: { step: ActionStepId; due: string }[] }[] {
  const given = ACTION_STEPS.filter((step) => due[step] !== undefined);
  return given.flatMap((step, i) => {
    const earlier = given.slice(0, i).filter((before) => due[step]! < due[before]!).map((before) => ({ step: before, due: due[before]! }));
    return earlier.length > 0 ? [{ step, due: due[step]!, earlier }] : [];
  });
}

/**
 * The years without public-holiday data (WorkCalendar yearsWithoutData) that a step's due date `due` was
 * counted through: when it is `deadline`'s working days from `received` (stepDeadlineDue gives `due`),
 * the years from receipt to it that csr counted Monday to Friday; [] for calendar days, for a due date
 * set otherwise (by hand, or under a deadline since changed), and when every year is known.
 */
export function estimatedDueYears(deadline: StepDeadline | undefined, received: string, due: string, calendar: WorkCalendar): number[] {
  if (deadline === undefined || !("working_days" in deadline) || stepDeadlineDue(deadline, received, calendar) !== due) return [];
  return calendar.yearsWithoutData(received, due);
}

/**
 * The next free number of a new record received in `year`: `8D-<year>-NNN` for a complaint or a field
 * failure, `SCAR-<year>-NNN` for a supplier's (供方纠正措施要求), `NC-<year>-NNN` (不符合) for an internal or an external
 * audit's or an internal nonconformity, one more than the highest of that prefix and year among `taken`.
 */
export function nextActionId(taken: Iterable<string>, source: CorrectiveAction["source"], year: string): string {
  return nextNumbered(taken, `${source === "complaint" || source === "field-failure" ? "8D" : source === "supplier" ? "SCAR" : "NC"}-${year}-`);
}

/**
 * The next free number after `prefix` (e.g. `NC-2026-`, `FA-2026-`, `OBJ-`): one more than the highest number written
 * after it among `taken` (the prefix in any letter case), `digits` digits at least (three: NC-2026-010). For the records
 * csr numbers in one sequence, by year or not.
 */
export function nextNumbered(taken: Iterable<string>, prefix: string, digits = 3): string {
  let highest = 0;
  for (const id of taken) {
    if (!id.toUpperCase().startsWith(prefix)) continue;
    const n = Number(id.slice(prefix.length));
    if (Number.isInteger(n) && n > highest) highest = n;
  }
  return `${prefix}${String(highest + 1).padStart(digits, "0")}`;
}

/**
 * The record `given` names among `actions` (located records, as Repository actions or RepoIndex actions'
 * values): its id as written, else in any letter case (csr show 8d-2026-012 finds 8D-2026-012); surrounding
 * blanks aside. Undefined when none has it. For csr action, csr show, csr changes --action and csr release's notices.
 */
export function actionById<A extends { value: { id: string } }>(actions: Iterable<A>, given: string): A | undefined {
  const text = given.trim();
  const all = [...actions];
  const lower = text.toLowerCase();
  return all.find((a) => a.value.id === text) ?? all.find((a) => a.value.id.toLowerCase() === lower);
}

/**
 * The record as it stood at the end of `day` (YYYY-MM-DD), for a register or card of a past day: a step
 * done, the closure and a read-across dated after it are taken away (their due dates stay, as counted
 * on receipt); undefined when it was received after `day`.
 */
export function actionOn(action: CorrectiveAction, day: string): CorrectiveAction | undefined {
  if (action.received > day) return undefined;
  if (!actionRecordedAfter(action, day)) return action;
  const steps = Object.fromEntries(
    Object.entries(action.steps ?? {}).map(([step, recorded]) => {
      const entry = recorded === undefined ? undefined : dueOn(recorded, day);
      if (entry === undefined || entry.done === undefined || entry.done <= day) return [step, entry];
      // The step's due date stays; what was recorded of its doing goes with the day it was done.
      const changes = (entry as ActionStep).due_changes;
      return [step, { ...(entry.due !== undefined ? { due: entry.due } : {}), ...(changes ? { due_changes: changes } : {}) }];
    }),
  ) as CorrectiveAction["steps"];
  const readAcross = (action.read_across ?? []).filter((r) => r.date <= day);
  const cost = (action.cost ?? []).filter((c) => c.date <= day);
  const { read_across: _ra, cost: _cost, external_audit: external, ...rest } = action;
  return {
    ...rest,
    ...(steps ? { steps } : {}),
    ...(readAcross.length > 0 ? { read_across: readAcross } : {}),
    ...(cost.length > 0 ? { cost } : {}),
    // An external auditor's review or verification dated later was not yet made (model/external-audits.ts).
    ...(external ? { external_audit: externalAuditOn(external, day) } : {}),
  };
}

/** A step as it stood at the end of `day`: its due date changes recorded after it taken away, its due date the one then in force. */
function dueOn<S extends { due?: string; due_changes?: DueChange[] }>(entry: S, day: string): S {
  const changes = entry.due_changes ?? [];
  const later = changes.findIndex((c) => c.date > day);
  if (later < 0) return entry;
  const { due_changes: _changes, ...rest } = entry;
  return { ...rest, due: changes[later]!.from, ...(later > 0 ? { due_changes: changes.slice(0, later) } : {}) } as S;
}

/** Whether something of the record is dated after `day`: a step done, a due date changed, the closure, a read-across, a cost, an external auditor's entry. */
export function actionRecordedAfter(action: CorrectiveAction, day: string): boolean {
  return (
    actionSteps(action).some((s) => (s.done !== undefined && s.done > day) || (s.due_changes ?? []).some((c) => c.date > day)) ||
    (action.read_across ?? []).some((r) => r.date > day) ||
    (action.cost ?? []).some((c) => c.date > day) ||
    externalRecordedAfter(action.external_audit, day)
  );
}

/** The cost kinds of internal failure (内部损失: found before the product reached the customer) and of external failure (外部损失), IATF 16949 9.3.2.1. */
export const COST_SIDES = { internal: ["scrap", "rework", "sorting"], external: ["customer-charge", "warranty"] } as const;

/** Which side a cost kind is on: internal, external, or undefined for other (其他), which is neither. */
export function costSide(kind: ActionCost["kind"]): keyof typeof COST_SIDES | undefined {
  return (COST_SIDES.internal as readonly string[]).includes(kind) ? "internal" : (COST_SIDES.external as readonly string[]).includes(kind) ? "external" : undefined;
}

/** Amounts in 元 summed to the fen (分), so that 0.1 + 0.2 is 0.3. */
export function sumYuan(amounts: Iterable<number>): number {
  let fen = 0;
  for (const amount of amounts) fen += Math.round(amount * 100);
  return fen / 100;
}

/** A record's cost of poor quality in 元 (its `cost` entries summed, those of `kinds` only when given); 0 when it records none. */
export function costTotal(action: CorrectiveAction, kinds: readonly string[] = COST_KINDS): number {
  return sumYuan((action.cost ?? []).filter((c) => kinds.includes(c.kind)).map((c) => c.amount));
}

/**
 * Where an open record stands: its first step D3 … D8 without a done date, and the next due date of the
 * steps not done from it on (`dueStep`, the step it belongs to: the current one, or a later one when the
 * current step has none, as D8's 15 working days while D5 has no date of its own), whether that date is
 * before `today` (past due, as action/step-overdue judges); undefined once the record is closed.
 */
export function currentStep(action: CorrectiveAction, today: string): { step: ActionStepId; dueStep?: ActionStepId; due?: string; overdue: boolean } | undefined {
  if (actionClosed(action)) return undefined;
  const open = ACTION_STEPS.filter((s) => action.steps?.[s]?.done === undefined);
  const step = open[0]!;
  const dueStep = open.find((s) => heldDue(action.steps?.[s]) !== undefined);
  if (dueStep === undefined) return { step, overdue: false };
  const due = heldDue(action.steps![dueStep])!;
  return { step, dueStep, due, overdue: due < today };
}

/**
 * The state of a record on `today` as the register and the card give it: closed (D8 done), overdue (a step past due,
 * overdueSteps, or an external auditor's deadline missed, externalAuditLate), else open.
 */
export type ActionStatus = "open" | "overdue" | "closed";
export function actionStatus(action: CorrectiveAction, today: string): ActionStatus {
  if (actionClosed(action)) return "closed";
  return overdueSteps(action, today).length > 0 || externalAuditLate(action, today).length > 0 ? "overdue" : "open";
}

/** A revision released to carry out a corrective action record (Revision actions): the document, its version and the day it was released. */
export interface ActionRevision {
  document: string;
  version: string;
  date?: string;
}

/**
 * The revisions of `documents` that name each record (csr release --action), by the record's id, in the
 * order of the documents and their revisions; those released after `day` (YYYY-MM-DD) left out, every one
 * without it. Ids as written in `actions` (ref/unresolved holds them to a record's exact id).
 */
export function actionRevisions(documents: Iterable<ControlledDocument>, day?: string): Map<string, ActionRevision[]> {
  const out = new Map<string, ActionRevision[]>();
  for (const doc of documents) {
    for (const revision of doc.revisions ?? []) {
      if (day !== undefined && revision.date !== undefined && revision.date > day) continue;
      for (const id of new Set(revision.actions ?? [])) {
        out.set(id, [...(out.get(id) ?? []), { document: doc.id, version: revision.version, ...(revision.date !== undefined ? { date: revision.date } : {}) }]);
      }
    }
  }
  return out;
}

/** The working days an internal audit's nonconformity may stay open with no due date when qms.yaml sets neither action_due_working_days nor a D5 complaint deadline in working days. */
export const DEFAULT_AUDIT_ACTION_DUE_WORKING_DAYS = 10;

/**
 * Whether `action`, an internal audit's nonconformity (`source: audit`, no supplier), open on `today` (YYYY-MM-DD), has
 * waited more than `limit` working days on `calendar` since it was raised (`received`) with no step given a due date:
 * it can never be overdue (rule action/audit-undated, tester78 A4; IATF 16949 9.2.2 e: corrective action without undue delay, 10.2.1). `limit`: qms.yaml
 * `internal_audit.action_due_working_days`, else the working days of its complaint_deadlines D5, else
 * DEFAULT_AUDIT_ACTION_DUE_WORKING_DAYS; 0 asks nothing. Returns the working days waited and the limit, or undefined.
 */
export function auditActionUndated(
  action: CorrectiveAction,
  today: string,
  calendar: WorkCalendar,
  config: { internal_audit?: { action_due_working_days?: number }; complaint_deadlines?: ComplaintDeadlines } | undefined,
): { days: number; limit: number } | undefined {
  if (action.source !== "audit" || action.supplier !== undefined || typeof action.received !== "string" || action.received >= today) return undefined;
  if (actionClosed(action) || Object.values(action.steps ?? {}).some((step) => step?.due !== undefined)) return undefined;
  const d5 = config?.complaint_deadlines?.D5;
  const limit = config?.internal_audit?.action_due_working_days ?? (d5 && "working_days" in d5 ? d5.working_days : DEFAULT_AUDIT_ACTION_DUE_WORKING_DAYS);
  if (limit === 0) return undefined;
  const days = calendar.workdaysBetween(action.received, today);
  return days > limit ? { days, limit } : undefined;
}
