/**
 * The distribution and recall register (文件发放/回收记录): every controlled copy of every
 * document, with its number (受控号), version, 密级 (where any document listed is marked), recipient, who handed it out and when, when it was
 * taken back, who handed it back and who took it back, and whether it is in force, due back, back,
 * lost, destroyed or kept stamped 作废 (作废留用); the remarks say when a copy that did not come back
 * was lost, destroyed or stamped, by whom and what happened. A copy of a version no longer (or soon no
 * longer) in force has its 应回收日期 (copyRecallDue: the recall period after its version stopped being
 * in force), and one still out after that day is 回收逾期, as doc/recall-overdue and the dashboard say
 * (auditor16 F21); a copy taken back keeps that day, and one taken back after it says how late in its
 * remark (tester19 F4). The copies of the customers' source documents (their revisions handed to departments,
 * model/source-copies.ts) are listed as those of an external document, by the source's number (tester66 N1).
 */
import { copyRecordedAfter, releaseRecordedAfter } from "../../model/as-of.js";
import { classificationName, documentClassification } from "../../model/classification.js";
import { repositoryCalendar } from "../../load/calendar.js";
import { workdaysLate } from "../../model/calendar.js";
import { copiesDue, copyEdition, copyRecallDue, pendingTransition, recallDays, recalledLate, temporaryExpired } from "../../model/distribution.js";
import type { ControlledCopy, CopyHandover, ElectronicIssue } from "../../model/types.js";
import { electronicLabel } from "../../model/labels.js";
import { sourceAsDocument, sourceCopyDocumentsOn } from "../../model/source-copies.js";
import type { Period } from "../../model/review-timeliness.js";
import type { Table } from "../table.js";
import { asOfNotes, compareIds, departmentName, documentsOn, documentTitle, personName, t, type RegisterContext } from "./context.js";
import { filterNotesOf, type FilterNotes } from "./filter.js";
import { periodAskedNotes, periodWords } from "./period.js";

/**
 * Which copies a register lists (csr list --document / --department / --holder): those of the
 * document of id `document` (the distribution register only), issued to the department (or outside
 * party) of code `department`, held by the person of id `holder`; all when none is given.
 */
export interface CopyFilter {
  document?: string;
  department?: string;
  holder?: string;
  /**
   * The distribution register only (csr list distribution --status / --overdue): the rows in this
   * state; `to-recall` takes those past their 应回收日期 too, `in-use` those in use until a pending
   * version takes effect.
   */
  state?: CopyState;
  /** The distribution register only (csr list distribution --from/--to): the period of the year-end reconciliation (distributionRegister). */
  period?: Period;
}

/**
 * The states a row of the distribution register is in, as its 状态 column prints them (the labels
 * are `value.copy-state.<code>`): a paper copy in use, of a version not yet in effect, due back, past
 * its 应回收日期, back, lost, destroyed, kept stamped 作废; an electronic issue replaced on the system
 * or withdrawn with its document.
 */
export const COPY_STATES = ["in-use", "pending", "to-recall", "recall-overdue", "recalled", "lost", "destroyed", "retained", "superseded", "withdrawn"] as const;
export type CopyState = (typeof COPY_STATES)[number];

/** Whether a row in `state` is kept by the filter's `state` (CopyFilter.state). */
function stateKept(filter: CopyFilter, state: CopyState): boolean {
  return filter.state === undefined || filter.state === state || (filter.state === "to-recall" && state === "recall-overdue");
}

export function copyFilterKeeps(filter: CopyFilter, copy: ControlledCopy): boolean {
  return (filter.department === undefined || copy.to === filter.department) && (filter.holder === undefined || copy.holder === filter.holder);
}

/** Whether an electronic issue reaches the department of the filter; nobody signs for one, so none is held by a person (--holder). */
export function electronicFilterKeeps(filter: CopyFilter, issue: ElectronicIssue): boolean {
  return filter.holder === undefined && (filter.department === undefined || issue.to.includes(filter.department));
}

/**
 * What a filtered register says of its filter, in its title and in a note under it, so that nobody
 * takes it for the whole register (an auditor asking what 生产部 holds is shown part of it); undefined
 * when nothing is filtered. The note names the whole `register` and how to list it.
 */
export function filterNotes(ctx: RegisterContext, filter: CopyFilter, register: "distribution" | "documents"): FilterNotes | undefined {
  const department = register === "distribution" ? "register.filter.issued-to" : "register.filter.held-by";
  const parts = [
    ...(filter.document !== undefined ? [t(ctx, "register.filter.document", { document: filter.document })] : []),
    ...(filter.department !== undefined ? [t(ctx, department, { department: departmentName(ctx, filter.department) })] : []),
    ...(filter.holder !== undefined ? [t(ctx, "register.filter.holder", { holder: personName(ctx, filter.holder) })] : []),
    ...(filter.state !== undefined ? [t(ctx, "register.filter.status", { status: t(ctx, `value.copy-state.${filter.state}`) })] : []),
    ...(filter.period !== undefined ? [t(ctx, "register.filter.copy-period", periodWords(ctx, filter.period))] : []),
  ];
  return filterNotesOf(ctx, parts, register, `csr list ${register}`, [filter.document, filter.department, filter.holder, filter.state, filter.period?.from, filter.period?.to]);
}

/**
 * Dated `today`, the copies as their records show them that day (documentsOn): one handed out later
 * is left out, one taken back, lost or destroyed later is still out, and due back when the version
 * in force or the withdrawal on that day makes it so. A version released or received ahead of its
 * 实施日期 is 待实施 until then, and the copies of the version before it in use, not yet due back
 * (model/distribution.ts pendingTransition).
 * With a `filter.period` (whose last day is `today`), the year-end reconciliation of controlled copies
 * (IATF 16949 7.5.3.2.1, GJB 9001C 7.5.3: obsolete copies withdrawn): the copies issued, taken back,
 * lost, destroyed or kept stamped 作废 within it, and those still due back at its end, with the
 * period's totals and the copies of versions no longer in force still held, by holder (tester60 J5).
 */
export function distributionRegister(ctx: RegisterContext, options: { today: string; filter?: CopyFilter }): Table {
  const { today, filter = {} } = options;
  const { period } = filter;
  const customers = ctx.repo.customers.map((c) => c.value);
  const documents = [...documentsOn(ctx, today).list, ...sourceCopyDocumentsOn(customers, today)]
    .filter((d) => (filter.document === undefined || d.id === filter.document) && ((d.distribution ?? []).some((c) => copyFilterKeeps(filter, c)) || (d.electronic_issue ?? []).some((e) => electronicFilterKeeps(filter, e))))
    .sort((a, b) => compareIds(a.id, b.id));
  // Whether a copy is due back depends on the releases and withdrawals too (of a customer's source document, its revisions received).
  const recordedAfter =
    ctx.repo.documents.some(({ value }) => (value.distribution ?? []).length > 0 && (copyRecordedAfter(value, today) || releaseRecordedAfter(value, today))) ||
    customers.some((customer) => (customer.sources ?? []).some((source) => (source.distribution ?? []).length > 0 && (copyRecordedAfter(sourceAsDocument(customer, source), today) || source.revisions.some((r) => r.received > today))));
  // 密级, where any document listed is marked (as the controlled document list shows it): whose copies are classified (tester16 F15).
  const classified = documents.some((d) => documentClassification(ctx.repo, d) !== "");
  // 使用场所, where a copy of a document listed records its place of use (csr distribute --location): two copies of one unit told apart.
  const located = documents.some((d) => (d.distribution ?? []).some((c) => c.location !== undefined));
  const config = ctx.repo.config?.value;
  const calendar = repositoryCalendar(config);
  const symbolRows = ctx.repo.symbols.map((s) => s.value);
  const within = (date: string | undefined) => period !== undefined && date !== undefined && date >= period.from && date <= period.to;
  let toRecall = 0;
  let overdue = 0;
  const totals = { issued: 0, recalled: 0, late: 0, lost: 0, destroyed: 0, retained: 0 };
  const held: string[] = [];
  const perDocument = documents.map((doc) => {
    const transition = pendingTransition(doc, today);
    const edition = copyEdition(doc);
    const due = new Set(copiesDue(doc, today).filter((c) => copyFilterKeeps(filter, c)));
    toRecall += due.size;
    const paper = (doc.distribution ?? [])
      .filter((c) => copyFilterKeeps(filter, c))
      .sort((a, b) => a.copy - b.copy)
      .flatMap((copy) => {
        // Every copy of a version no longer (or soon no longer) in force keeps its 应回收日期, one taken back too, so that the record shows whether it came back in time (tester19 F4).
        // A copy of a temporary document in force has none until its last valid day has passed (tester63 N2).
        const dueBy = copy.version === edition && doc.status === "released" && temporaryExpired(doc, today) === undefined ? undefined : copyRecallDue(doc, copy, calendar, config, symbolRows);
        const late = due.has(copy) && dueBy !== undefined && workdaysLate(calendar, dueBy, today) > 0;
        if (late) overdue++;
        const lateBack = recalledLate(doc, copy, calendar, config, symbolRows);
        const state: CopyState = copy.recalled ? "recalled" : copy.lost ? "lost" : copy.destroyed ? "destroyed" : copy.retained ? "retained" : due.has(copy) ? (late ? "recall-overdue" : "to-recall") : transition && copy.version === transition.pending ? "pending" : "in-use";
        if (period) {
          const events = { issued: within(copy.date), recalled: within(copy.recalled), lost: within(copy.lost?.date), destroyed: within(copy.destroyed?.date), retained: within(copy.retained?.date) };
          for (const [event, happened] of Object.entries(events) as [keyof typeof events, boolean][]) if (happened) totals[event]++;
          if (events.recalled && lateBack) totals.late++;
          if (due.has(copy)) held.push(heldCopy(ctx, doc.id, copy, late));
          // A copy none of whose records falls in the period is listed only while still due back at its end.
          if (!Object.values(events).some(Boolean) && !due.has(copy)) return [];
        }
        if (!stateKept(filter, state)) return [];
        return [{
          keys: { state, to: copy.to, ...(copy.holder !== undefined ? { holder: copy.holder } : {}) },
          row: {
            number: doc.id,
            title: documentTitle(ctx, doc),
            version: copy.version,
            ...(classified ? { classification: classificationName(ctx.lang, documentClassification(ctx.repo, doc)) } : {}),
            copy: copy.copy,
            to: departmentName(ctx, copy.to),
            ...(located ? { location: copy.location ?? "" } : {}),
            holder: personName(ctx, copy.holder),
            issuedBy: personName(ctx, copy.issued_by),
            date: copy.date,
            dueBy: dueBy ?? null,
            recalled: copy.recalled ?? null,
            returnedBy: personName(ctx, copy.returned_by),
            receivedBy: personName(ctx, copy.received_by),
            state: stateText(ctx, state, transition && copy.version === transition.inForce ? transition.until : undefined, transition?.until),
            remark: copyRemark(ctx, copy, lateBack),
          },
        }];
      });
    // Issued electronically (read-only on OA): a row per department, no number, nobody signing for it; replaced on the system
    // by the next version's issue, or withdrawn with the document (tester55 C2).
    const electronic = (doc.electronic_issue ?? []).filter((e) => electronicFilterKeeps(filter, e) && (period === undefined || within(e.date))).flatMap((issue) => {
      const state: CopyState =
        doc.status === "obsolete" ? "withdrawn" : transition && issue.version === transition.pending ? "pending" : (transition && issue.version === transition.inForce) || issue.version === edition ? "in-use" : "superseded";
      if (!stateKept(filter, state)) return [];
      return issue.to
        .filter((to) => filter.department === undefined || to === filter.department)
        .map((to) => ({
          keys: { state, to },
          row: {
            number: doc.id,
            title: documentTitle(ctx, doc),
            version: issue.version,
            ...(classified ? { classification: classificationName(ctx.lang, documentClassification(ctx.repo, doc)) } : {}),
            copy: electronicLabel(issue.system, ctx.lang),
            to: departmentName(ctx, to),
            ...(located ? { location: "" } : {}),
            holder: "",
            issuedBy: personName(ctx, issue.issued_by),
            date: issue.date,
            dueBy: null,
            recalled: null,
            returnedBy: "",
            receivedBy: "",
            state: stateText(ctx, state, transition && issue.version === transition.inForce ? transition.until : undefined, transition?.until, true),
            remark: "",
          },
        }));
    });
    return { paper, electronic };
  });
  // Electronic issues after the numbered paper copies, as a record kept on paper adds them: the copies keep their row numbers.
  const rows = [...perDocument.flatMap((d) => d.paper), ...perDocument.flatMap((d) => d.electronic)];
  const electronicRows = perDocument.reduce((n, d) => n + d.electronic.length, 0);
  const filtered = filterNotes(ctx, filter, "distribution");
  const dueNote = overdue > 0 ? t(ctx, "register.distribution.note-overdue", { count: toRecall, overdue, days: recallDays(config) }) : t(ctx, "register.distribution.note", { count: toRecall });
  const periodNotes = period
    ? [
        t(ctx, "register.distribution.period-rows", { ...period }),
        t(ctx, "register.distribution.period-totals", { ...period, ...totals }),
        // The rows issued electronically are not copies (no number, nobody signs): counted apart, so the totals add up to the rows (breaker60 K2).
        ...(electronicRows > 0 ? [t(ctx, "register.distribution.period-electronic", { count: electronicRows })] : []),
        held.length > 0 ? t(ctx, "register.distribution.period-held", { to: period.to, count: held.length, copies: held.join(t(ctx, "register.list-separator")) }) : t(ctx, "register.distribution.period-held-none", { to: period.to }),
      ]
    : [dueNote];
  return {
    id: "distribution",
    title: filtered ? t(ctx, "register.distribution.title-filtered", { filter: filtered.title, count: rows.length }) : t(ctx, "register.distribution.title", { count: rows.length }),
    ...(filtered ? { filtered: filtered.filtered } : {}),
    sheet: t(ctx, "register.distribution.sheet"),
    columns: [
      { key: "no", header: t(ctx, "register.distribution.column.no"), kind: "number" },
      { key: "number", header: t(ctx, "register.distribution.column.number"), kind: "id" },
      { key: "title", header: t(ctx, "register.distribution.column.title") },
      { key: "version", header: t(ctx, "register.distribution.column.version"), kind: "code" },
      ...(classified ? [{ key: "classification", header: t(ctx, "register.distribution.column.classification"), kind: "code" as const }] : []),
      { key: "copy", header: t(ctx, "register.distribution.column.copy"), kind: "id" },
      { key: "to", header: t(ctx, "register.distribution.column.to"), kind: "name" },
      ...(located ? [{ key: "location", header: t(ctx, "register.distribution.column.location"), kind: "name" as const }] : []),
      { key: "holder", header: t(ctx, "register.distribution.column.holder"), kind: "name" },
      { key: "issuedBy", header: t(ctx, "register.distribution.column.issued-by"), kind: "name" },
      { key: "date", header: t(ctx, "register.distribution.column.date"), date: true },
      { key: "dueBy", header: t(ctx, "register.distribution.column.due-by"), date: true },
      { key: "recalled", header: t(ctx, "register.distribution.column.recalled"), date: true },
      { key: "returnedBy", header: t(ctx, "register.distribution.column.returned-by"), kind: "name" },
      { key: "receivedBy", header: t(ctx, "register.distribution.column.received-by"), kind: "name" },
      { key: "state", header: t(ctx, "register.distribution.column.state"), kind: "code" },
      { key: "remark", header: t(ctx, "recall.register.column.remark"), remarks: true },
    ],
    rows: rows.map((r, i) => keyed({ no: i + 1, ...r.row }, r.keys)),
    notes: [...(filtered ? [filtered.note] : []), ...periodAskedNotes(ctx, period), ...periodNotes, ...asOfNotes(ctx, today, recordedAfter)],
  };
}

/**
 * What a row of the distribution register is, by its keys rather than by the labels it prints: the copy's state, the
 * department (or outside party) it was issued to and the person holding it (none for an electronic issue). A page that
 * takes part of the register (a person's copies, a department's issues, the copies due back) reads these, not the
 * translated 状态 or names, which two states or departments could share. Carried on the row under a symbol, so no output
 * format lists them (formats read the columns' keys; JSON leaves symbols out) and a row copied (`{ ...row, no }`) keeps them.
 */
export interface CopyRowKeys {
  state: CopyState;
  to: string;
  holder?: string;
}

const COPY_ROW_KEYS = Symbol("distribution register row keys");

type KeyedRow = { [COPY_ROW_KEYS]?: CopyRowKeys };

function keyed<T extends object>(row: T, keys: CopyRowKeys): T {
  (row as KeyedRow)[COPY_ROW_KEYS] = keys;
  return row;
}

/** The keys of a row of a distribution register (distributionRegister) or of a copy of one, undefined for any other row. */
export function copyRowKeys(row: object): CopyRowKeys | undefined {
  return (row as KeyedRow)[COPY_ROW_KEYS];
}

/**
 * Whether a copy in `state` is still held (as the model's stillHeld): in use, to come into use, due back or kept stamped
 * 作废 by its holder; an electronic issue still on the system. A retained copy is held, though not due back (isDueBack).
 */
export function isHeld(state: CopyState): boolean {
  return state === "in-use" || state === "pending" || state === "to-recall" || state === "recall-overdue" || state === "retained";
}

/** Whether a copy in `state` is due back, within the recall period or past it (回收逾期). */
export function isDueBack(state: CopyState): boolean {
  return state === "to-recall" || state === "recall-overdue";
}

/**
 * A row's 状态 as the register prints it: the label of its state, 在用（… 起待回收） for a copy of the
 * version in use until `inUseUntil` (a pending one takes effect then; 在用（… 起换版） for an `electronic`
 * issue, replaced on the system and never handed back: tester61 L10), 待实施（… 实施） for one of that
 * pending version (`pendingUntil`).
 */
function stateText(ctx: RegisterContext, state: CopyState, inUseUntil: string | undefined, pendingUntil: string | undefined, electronic = false): string {
  if (state === "in-use" && inUseUntil !== undefined) return t(ctx, electronic ? "register.distribution.electronic-in-use-until" : "register.distribution.in-use-until", { date: inUseUntil });
  if (state === "pending") return t(ctx, "register.distribution.pending", { date: pendingUntil ?? "" });
  return t(ctx, STATE_LABELS[state]);
}

const STATE_LABELS = {
  "in-use": "register.distribution.in-use",
  "to-recall": "register.distribution.to-recall",
  "recall-overdue": "register.distribution.recall-overdue",
  recalled: "register.distribution.recalled",
  lost: "recall.register.lost",
  destroyed: "recall.register.destroyed",
  retained: "recall.register.retained",
  superseded: "register.distribution.electronic-superseded",
  withdrawn: "register.distribution.electronic-withdrawn",
} as const satisfies Record<Exclude<CopyState, "pending">, string>;

/** A copy still due back at the end of a period, as its totals name it: QP-003 A/1 受控号 2（生产部 张三，回收逾期）. */
function heldCopy(ctx: RegisterContext, id: string, copy: ControlledCopy, late: boolean): string {
  const department = departmentName(ctx, copy.to);
  const unit = copy.holder === undefined ? department : t(ctx, "register.distribution.held-by", { department, holder: personName(ctx, copy.holder) });
  return t(ctx, late ? "register.distribution.held-copy-overdue" : "register.distribution.held-copy", { id, version: copy.version, copy: copy.copy, unit });
}

/**
 * A copy's 备注 in the register: its own remark (ControlledCopy.remark), each hand-over from one holder to the next
 * with its number kept (csr hand-over: when, from whom to whom, the 交接单 and who handled it), then how a copy that did not come
 * back was lost, destroyed or stamped 作废 and kept (遗失, 销毁, 作废留用): when, by whom, what happened; of
 * one taken back after its 应回收日期, how late (`late`, recalledLate).
 */
function copyRemark(ctx: RegisterContext, copy: ControlledCopy, late: { days: number } | undefined): string {
  // The copy's own 备注 (破损换发, 遗失补发, 现场张贴: csr distribute --remark, an imported register's) comes first, as written.
  return [copy.remark ?? "", ...(copy.handovers ?? []).map((h) => handoverText(ctx, h)), endRemark(ctx, copy, late)].filter(Boolean).join(t(ctx, "register.remarks-separator"));
}

/** A hand-over as the register's 备注 says it: "2026-12-10 王建东交接给李明（交接单 JJ-2026-01，经办 马晓岚）". */
export function handoverText(ctx: RegisterContext, handover: CopyHandover): string {
  const details = [...(handover.record ? [t(ctx, "register.distribution.handover-record", { record: handover.record })] : []), ...(handover.by ? [t(ctx, "register.distribution.handover-by", { by: personName(ctx, handover.by) })] : [])];
  return t(ctx, "register.distribution.handover", { date: handover.date, from: personName(ctx, handover.from), to: personName(ctx, handover.to), details: details.length > 0 ? t(ctx, "register.distribution.handover-details", { details: details.join(t(ctx, "register.distribution.handover-separator")) }) : "" });
}

function endRemark(ctx: RegisterContext, copy: ControlledCopy, late: { days: number } | undefined): string {
  if (late) return t(ctx, "register.distribution.recalled-late", { count: late.days });
  const gone = copy.lost
    ? { key: "recall.register.remark-lost" as const, loss: copy.lost }
    : copy.destroyed
      ? { key: "recall.register.remark-destroyed" as const, loss: copy.destroyed }
      : copy.retained
        ? { key: "recall.register.remark-retained" as const, loss: copy.retained }
        : undefined;
  return gone ? t(ctx, gone.key, { date: gone.loss.date, by: personName(ctx, gone.loss.by), remark: gone.loss.remark }) : "";
}
