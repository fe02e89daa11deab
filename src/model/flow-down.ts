/**
 * The flow-down of customer requirements to suppliers (传递至供方, IATF 16949 8.4.3.1: the organisation
 * passes down the applicable requirements and special characteristics to its suppliers; the customer's
 * CSRs say which of theirs must be). A CSR records each passing (csr flow-down) in `flow_down.suppliers`.
 */
import { addDays } from "../core/dates.js";
import { revisionInForce } from "./index.js";
import type { ControlledDocument, Csr, ExternalParty, SupplierFlowDown } from "./types.js";

/** Whether the document is written for suppliers (`audience: supplier`): its readers are outside parties, and no department needs a copy of it to work to. */
export function writtenForSuppliers(doc: Pick<ControlledDocument, "audience">): boolean {
  return doc.audience === "supplier";
}

/** Calendar days a supplier has to acknowledge a requirement passed down, unless qms.yaml `csr.flow_down_acknowledge_days` says otherwise. */
export const DEFAULT_ACKNOWLEDGE_DAYS = 30;

/**
 * The outside party of code `code` when requirements are passed down to it: a supplier (kind `supplier`,
 * the party model/suppliers.ts supplierOf answers) or a party of kind `other`, which is what a supplier was
 * before the kind existed (csr department add --external other). Undefined for a department, an unknown
 * code, a customer, a 军代表室 or a certification body.
 */
export function supplierParty(parties: ReadonlyMap<string, ExternalParty>, code: string): ExternalParty | undefined {
  const party = parties.get(code);
  return party && (party.kind === "supplier" || party.kind === "other") ? party : undefined;
}

/** Where a supplier's latest passing stands: acknowledged, sent and not acknowledged, or to be passed again (待重新传递) and why. */
export type FlowDownState =
  | { state: "acknowledged" | "awaiting" }
  | { state: "renew"; reason: "source-revised"; was: string }
  | { state: "renew"; reason: "document-revised"; was: string; is: string };

export interface SupplierFlowDownReading {
  supplier: string;
  /** The supplier's latest passing (the one an acknowledgement goes to). */
  latest: SupplierFlowDown;
  status: FlowDownState;
}

/**
 * Each supplier the CSR was passed to, in the order first passed, with its latest passing and where it
 * stands on `day` (YYYY-MM-DD): to be passed again once the CSR's source revision is not the one passed
 * (csr source update revised it), or once the repository's document it went by has a revision in force
 * other than the one passed; a letter or agreement outside the repository is judged by the source revision only.
 */
export function flowDownReadings(csr: Csr, documents: ReadonlyMap<string, { value: ControlledDocument }>, day: string): SupplierFlowDownReading[] {
  const latest = new Map<string, SupplierFlowDown>();
  for (const entry of csr.flow_down?.suppliers ?? []) {
    latest.delete(entry.supplier);
    latest.set(entry.supplier, entry);
  }
  const firstPassed = [...new Set((csr.flow_down?.suppliers ?? []).map((e) => e.supplier))];
  return firstPassed.map((supplier) => {
    const entry = latest.get(supplier)!;
    return { supplier, latest: entry, status: flowDownState(csr, entry, documents, day) };
  });
}

function flowDownState(csr: Csr, entry: SupplierFlowDown, documents: ReadonlyMap<string, { value: ControlledDocument }>, day: string): FlowDownState {
  if (entry.source_revision !== undefined && entry.source_revision !== csr.source.revision) return { state: "renew", reason: "source-revised", was: entry.source_revision };
  const doc = documents.get(entry.document)?.value;
  const inForce = doc ? revisionInForce(doc, day)?.version : undefined;
  if (entry.revision !== undefined && inForce !== undefined && inForce !== entry.revision) return { state: "renew", reason: "document-revised", was: entry.revision, is: inForce };
  return { state: entry.acknowledged ? "acknowledged" : "awaiting" };
}

/**
 * The flow-down decision recorded on a CSR (IATF 16949 8.4.3.1): `required` (to be passed down: `flow_down.required: true`,
 * or passed down already, which says it applies to suppliers), `not-required` (does not apply to suppliers, with the
 * reason, the day and who decided: csr flow-down --not-required), or undefined when no decision is recorded.
 */
export type FlowDownDecision = { kind: "required" } | { kind: "not-required"; reason: string; date?: string; by?: string };

/** The flow-down decision of `csr` (see FlowDownDecision). */
export function flowDownDecision(csr: Pick<Csr, "flow_down">): FlowDownDecision | undefined {
  const flowDown = csr.flow_down;
  if (!flowDown) return undefined;
  if ((flowDown.suppliers ?? []).length > 0 || flowDown.required === true) return { kind: "required" };
  if (flowDown.required === false) return { kind: "not-required", reason: flowDown.reason ?? "", ...(flowDown.date ? { date: flowDown.date } : {}), ...(flowDown.by ? { by: flowDown.by } : {}) };
  return undefined;
}

/**
 * A supplier's latest passing as the flow-down register states it on a day: 已确认 (acknowledged), 待确认 (sent, within
 * the days to acknowledge), 逾期未确认 (sent more than `acknowledgeDays` calendar days before `today` and not acknowledged,
 * as csr/flow-down-missing judges it), 待重新传递 (the CSR's source or the document revised since).
 */
export type FlowDownRegisterState = "acknowledged" | "awaiting" | "overdue" | "renew";

/** The register state of `reading` on `today` (YYYY-MM-DD), `acknowledgeDays` calendar days given to acknowledge (FlowDownRegisterState). */
export function flowDownRegisterState(reading: SupplierFlowDownReading, acknowledgeDays: number, today: string): FlowDownRegisterState {
  if (reading.status.state !== "awaiting") return reading.status.state;
  return addDays(reading.latest.date, acknowledgeDays) < today ? "overdue" : "awaiting";
}
