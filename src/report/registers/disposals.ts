/**
 * The records due for disposal (到期记录清单 / 记录销毁清单): each batch of filled records kept on a form
 * (record.batches) whose retention period ends on or before `dueBy`, by the longest period that applies
 * — the form's or a customer's longer one, the customer named (IATF 16949 7.5.3.2.1; GJB 9001C 7.5.3;
 * the 记录控制程序's 到期记录销毁审批). Then, apart, the batches csr cannot date, each with the reason
 * (a period it cannot count, an event day not given: model/record-keeping.ts batchRetention), and the
 * batches disposed of, with their disposal record (销毁记录: date, method, approver, witness). A note
 * names the forms that state a retention period but have no batch registered: of their records, the
 * register can say nothing, and "0 due" must not read as "nothing is due" (tester71 Q1).
 */
import { daysBetween } from "../../core/dates.js";
import { citations } from "../../model/citations.js";
import { batchRetention, countedRetention, PRODUCT_LIFE_EVENT, recordsHeldOn, type BatchRetention, type DecidingPeriod } from "../../model/record-keeping.js";
import type { ControlledDocument, RecordBatch } from "../../model/types.js";
import type { Table } from "../table.js";
import { compareIds, customerName, departmentName, documentTitle, personName, t, type RegisterContext } from "./context.js";

interface Entry {
  form: ControlledDocument;
  batch: RecordBatch;
  retention: BatchRetention;
}

/**
 * Dated `today`: a disposal recorded after it is not yet made. `dueBy` (YYYY-MM-DD, today or later
 * usually: the year end) is the last day a listed batch's retention may end. Batches due come first,
 * soonest first; then those csr cannot date; then those disposed of, in the order they were.
 */
export function disposalRegister(ctx: RegisterContext, options: { today: string; dueBy: string }): Table {
  const { today, dueBy } = options;
  const entries: Entry[] = ctx.repo.documents
    .filter(({ value }) => value.kind === "form")
    .flatMap(({ value: form }) => (form.record?.batches ?? []).map((batch) => ({ form, batch, retention: batchRetention(form, batch) })));
  const disposedOf = (e: Entry) => e.batch.disposal !== undefined && e.batch.disposal.date <= today;
  const byForm = (a: Entry, b: Entry) => compareIds(a.form.id, b.form.id) || (a.batch.to < b.batch.to ? -1 : a.batch.to > b.batch.to ? 1 : 0);
  const ends = (e: Entry) => (e.retention.kind === "ends" ? e.retention.date : "");
  const due = entries
    .filter((e) => !disposedOf(e) && e.retention.kind === "ends" && e.retention.date <= dueBy)
    .sort((a, b) => (ends(a) < ends(b) ? -1 : ends(a) > ends(b) ? 1 : byForm(a, b)));
  const undated = entries.filter((e) => !disposedOf(e) && e.retention.kind === "undated").sort(byForm);
  const disposed = entries
    .filter(disposedOf)
    .sort((a, b) => (a.batch.disposal!.date < b.batch.disposal!.date ? -1 : a.batch.disposal!.date > b.batch.disposal!.date ? 1 : byForm(a, b)));
  const later = entries.length - due.length - undated.length - disposed.length;
  const rows = [...due, ...undated, ...disposed];
  const period = (deciding: DecidingPeriod) =>
    deciding.customer === undefined ? deciding.period : t(ctx, "register.forms.customer-retention", { customer: customerName(ctx, deciding.customer), period: deciding.period });
  const status = (e: Entry): string => {
    if (disposedOf(e)) return t(ctx, "register.disposals.status.disposed");
    const r = e.retention;
    if (r.kind === "undated") return t(ctx, "register.disposals.status.undated");
    const left = r.kind === "ends" ? daysBetween(today, r.date) : 0;
    return left <= 0 ? t(ctx, "register.disposals.status.due") : t(ctx, "register.disposals.status.left", { count: left });
  };
  // Why csr cannot date a batch, and what to give it.
  const remark = (e: Entry): string => (disposedOf(e) || e.retention.kind !== "undated" ? "" : undatedRemark(ctx, e.retention));
  // Forms whose records are kept (released, or withdrawn with records still held) with a period and no batch.
  const unbatched = ctx.repo.documents
    .map(({ value }) => value)
    .filter((form) => form.kind === "form" && (form.status === "released" || (form.status === "obsolete" && recordsHeldOn(form, today))))
    .filter((form) => (form.record?.retention?.trim() || form.record?.retention_term) && (form.record?.batches ?? []).length === 0)
    .map((form) => form.id)
    .sort(compareIds);
  const notes = [
    // The clause of the standards in scope (model/citations.ts): GJB 9001C's 7.5.3.2 in a GJB repository, not IATF 16949's (tester62 N14).
    t(ctx, "register.disposals.note", { today, dueBy, clause: citations(ctx.repo.config?.value.standards, "record-retention", t(ctx, "register.list-separator")).join(" / ") }),
    ...(rows.some(({ form }) => productLife(form)) ? [t(ctx, "register.disposals.note-product-life")] : []),
    ...(undated.length > 0 ? [t(ctx, "register.disposals.note-undated", { count: undated.length })] : []),
    ...(disposed.length > 0 ? [t(ctx, "register.disposals.note-disposed", { count: disposed.length })] : []),
    ...(later > 0 ? [t(ctx, "register.disposals.note-later", { count: later, dueBy })] : []),
    ...(unbatched.length > 0 ? [t(ctx, "register.disposals.note-unbatched", { count: unbatched.length, forms: unbatched.join(t(ctx, "register.list-separator")) })] : []),
  ];
  const hints = [
    ...(due.some((e) => e.retention.kind === "ends" && e.retention.date <= today) ? [t(ctx, "register.disposals.hint")] : []),
    // The register says what csr cannot count; the command that gives the count goes to stderr (tester67b B2).
    ...(rows.some((e) => e.retention.kind === "undated" && e.retention.reason === "unreadable") ? [t(ctx, "register.disposals.hint-term")] : []),
    ...(unbatched.length > 0 ? [t(ctx, "register.disposals.hint-batch")] : []),
  ];
  return {
    id: "disposals",
    title: t(ctx, "register.disposals.title", { dueBy, count: due.length }),
    sheet: t(ctx, "register.disposals.sheet"),
    columns: [
      { key: "no", header: t(ctx, "register.disposals.column.no"), kind: "number" },
      { key: "form", header: t(ctx, "register.disposals.column.form"), kind: "id" },
      { key: "title", header: t(ctx, "register.disposals.column.title") },
      { key: "batch", header: t(ctx, "register.disposals.column.batch") },
      { key: "to", header: t(ctx, "register.disposals.column.to"), date: true },
      { key: "location", header: t(ctx, "register.disposals.column.location") },
      { key: "retention", header: t(ctx, "register.disposals.column.retention") },
      { key: "ends", header: t(ctx, "register.disposals.column.ends"), date: true },
      { key: "status", header: t(ctx, "register.disposals.column.status"), kind: "code" },
      { key: "disposed", header: t(ctx, "register.disposals.column.disposed"), date: true },
      { key: "method", header: t(ctx, "register.disposals.column.method"), kind: "code" },
      { key: "approved", header: t(ctx, "register.disposals.column.approved"), kind: "name" },
      { key: "witness", header: t(ctx, "register.disposals.column.witness"), kind: "name" },
      { key: "record", header: t(ctx, "register.disposals.column.record"), kind: "id" },
      { key: "remarks", header: t(ctx, "register.disposals.column.remarks"), remarks: true },
    ],
    terminal: ["no", "form", "title", "batch", "location", "retention", "ends", "status", "disposed", "method", "approved", "remarks"],
    rows: rows.map((e, i) => {
      const { form, batch, retention: r } = e;
      const disposal = disposedOf(e) ? batch.disposal : undefined;
      const place = batch.location ?? form.record?.location ?? "";
      return {
        no: i + 1,
        form: form.id,
        title: documentTitle(ctx, form),
        batch: batch.name,
        to: batch.to,
        location: batch.department ? `${place}${place ? t(ctx, "register.disposals.keeper-separator") : ""}${departmentName(ctx, batch.department)}` : place,
        retention: r.kind === "undated" && r.reason === "no-retention" ? "" : period(r as DecidingPeriod),
        ends: r.kind === "ends" ? r.date : null,
        status: status(e),
        disposed: disposal?.date ?? null,
        method: disposal?.method ?? "",
        approved: disposal ? personName(ctx, disposal.approved_by) : "",
        witness: disposal?.witness ? personName(ctx, disposal.witness) : "",
        record: disposal?.record ?? "",
        remarks: remark(e),
      };
    }),
    notes,
    ...(hints.length > 0 ? { listHints: hints } : {}),
  };
}

/** Whether `form`'s own period is a product life plus calendar years (产品寿命期+1年), which the register's note explains. */
function productLife(form: ControlledDocument): boolean {
  const counted = countedRetention(form.record?.retention, form.record?.retention_term);
  return counted !== undefined && "months" in counted && counted.after === PRODUCT_LIFE_EVENT && counted.months > 0;
}

/** Why csr cannot date a batch's retention, and what to give it: the 备注 of csr list disposals and csr show's batch line. */
export function undatedRemark(ctx: RegisterContext, r: Extract<BatchRetention, { kind: "undated" }>): string {
  return r.reason === "no-start" ? t(ctx, "register.disposals.remark.no-start", { event: r.event === PRODUCT_LIFE_EVENT ? t(ctx, "record.retention.product-life-event") : r.event }) : t(ctx, `register.disposals.remark.${r.reason}`);
}
