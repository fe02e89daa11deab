/**
 * The register of customer requirements passed down to suppliers (顾客要求传递至供方登记表; IATF 16949 8.4.3.1): a row per
 * CSR and supplier, its latest passing — the CSR, its customer, the supplier, the document it went by and its revision,
 * the day passed, the record, the acknowledgement (day, by whom) — and its state on `today`: 已确认 (acknowledged),
 * 待确认 (sent, within qms.yaml `csr.flow_down_acknowledge_days` calendar days, default 30), 逾期未确认 (sent longer ago
 * and not acknowledged, as csr/flow-down-missing judges it), 待重新传递 (the CSR's source or the document revised since).
 * A must-meet or undecided CSR marked to be passed down (`--require`) that reached no supplier has a row of its own, 未传递.
 * Superseded CSRs are left out: nothing of theirs is passed down any more.
 */
import { localized } from "../../core/text.js";
import { DEFAULT_ACKNOWLEDGE_DAYS, flowDownReadings, flowDownRegisterState } from "../../model/flow-down.js";
import type { Table } from "../table.js";
import { compareIds, customerName, departmentName, personName, t, type RegisterContext } from "./context.js";
import { filterNotesOf } from "./filter.js";

/** `customer`, `supplier`: codes (the rows of that customer's CSRs, of that supplier); `today` (YYYY-MM-DD): the day states are judged on. */
export interface FlowDownFilter {
  customer?: string;
  supplier?: string;
}

export function flowDownRegister(ctx: RegisterContext, options: { today: string; filter?: FlowDownFilter }): Table {
  const { today, filter = {} } = options;
  const days = ctx.repo.config?.value.csr?.flow_down_acknowledge_days ?? DEFAULT_ACKNOWLEDGE_DAYS;
  const csrs = ctx.repo.csrs
    .map((c) => c.value)
    .filter((csr) => csr.flow_down && !csr.superseded && (filter.customer === undefined || csr.customer === filter.customer))
    .sort((a, b) => compareIds(a.id, b.id));
  const by = (who: string | undefined) => (who === undefined ? "" : ctx.index.people.has(who) ? personName(ctx, who) : who);
  type Row = { csr: string; title: string; customer: string; supplier: string; document: string; date: string | null; record: string; acknowledged: string | null; acknowledgedBy: string; state: string };
  const rows = csrs.flatMap((csr): Row[] => {
    const readings = flowDownReadings(csr, ctx.index.documents, today).filter((r) => filter.supplier === undefined || r.supplier === filter.supplier);
    const common = { csr: csr.id, title: localized(ctx.lang, csr.title, csr.title_en), customer: customerName(ctx, csr.customer) };
    if (readings.length === 0) {
      return csr.flow_down?.required === true && (csr.flow_down.suppliers ?? []).length === 0 && filter.supplier === undefined
        ? [{ ...common, supplier: "", document: "", date: null, record: "", acknowledged: null, acknowledgedBy: "", state: t(ctx, "register.flow-down.state.none") }]
        : [];
    }
    return readings.map((reading) => {
      const { latest } = reading;
      return {
        ...common,
        supplier: departmentName(ctx, reading.supplier),
        document: latest.revision ? `${latest.document} ${latest.revision}` : latest.document,
        date: latest.date,
        record: latest.record ?? "",
        acknowledged: latest.acknowledged?.date ?? null,
        acknowledgedBy: [by(latest.acknowledged?.by), latest.acknowledged?.record ?? ""].filter(Boolean).join(t(ctx, "register.list-separator")),
        state: t(ctx, `register.flow-down.state.${flowDownRegisterState(reading, days, today)}`),
      };
    });
  });
  const parts = [
    ...(filter.customer !== undefined ? [t(ctx, "register.filter.customer", { customer: customerName(ctx, filter.customer) })] : []),
    ...(filter.supplier !== undefined ? [t(ctx, "register.filter.supplier", { supplier: departmentName(ctx, filter.supplier) })] : []),
  ];
  const filtered = filterNotesOf(ctx, parts, "flow-down", "csr list flow-down", [filter.customer, filter.supplier]);
  return {
    id: "flow-down",
    title: t(ctx, "register.flow-down.title"),
    sheet: t(ctx, "register.flow-down.sheet"),
    columns: [
      { key: "no", header: t(ctx, "register.flow-down.column.no"), kind: "number" },
      { key: "csr", header: t(ctx, "register.flow-down.column.csr"), kind: "id" },
      { key: "title", header: t(ctx, "register.flow-down.column.title") },
      { key: "customer", header: t(ctx, "register.flow-down.column.customer"), kind: "name" },
      { key: "supplier", header: t(ctx, "register.flow-down.column.supplier"), kind: "name" },
      { key: "document", header: t(ctx, "register.flow-down.column.document") },
      { key: "date", header: t(ctx, "register.flow-down.column.date"), date: true },
      { key: "record", header: t(ctx, "register.flow-down.column.record"), kind: "code" },
      { key: "acknowledged", header: t(ctx, "register.flow-down.column.acknowledged"), date: true },
      { key: "acknowledgedBy", header: t(ctx, "register.flow-down.column.acknowledgedBy") },
      { key: "state", header: t(ctx, "register.flow-down.column.state"), kind: "code" },
    ],
    rows: rows.map((row, i) => ({ no: i + 1, ...row })),
    ...(filtered ? { filtered: filtered.filtered } : {}),
    notes: [...(filtered ? [filtered.note] : []), ...(rows.length === 0 ? [t(ctx, "register.flow-down.none")] : [t(ctx, "register.flow-down.days", { days })])],
  };
}
