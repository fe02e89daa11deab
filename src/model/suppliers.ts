/**
 * Suppliers (供方): the outside parties of qms.yaml `external_parties` of kind supplier, each with its
 * record of suppliers/<code>.yaml (供方档案) — what it supplies, its approval status over time, its
 * certificates and the second-party audits of it (IATF 16949 8.4.1.2, 8.4.2.3, 8.4.2.4, 8.4.2.4.1;
 * ISO 9001 8.4.1; GJB 9001C 8.4 合格供方名录). A supplier is an outside party like any other: it
 * receives controlled copies and its people (contacts) are of no department of the company.
 */
import type { Located, Repository } from "../load/repository.js";
import { SUPPLIER_GRADES, type ExternalParty, type Person, type SupplierApproval, type SupplierCertificate, type SupplierGrade, type SupplierRating, type SupplierRecord, type SupplierStatus } from "./types.js";

/** A supplier: its outside party (code, name) and its record, absent while suppliers/<code>.yaml is not written. */
export interface Supplier {
  code: string;
  name: string;
  name_en?: string;
  party: ExternalParty;
  record?: Located<SupplierRecord>;
}

/** Days before a certificate's last valid day from which csr check warns, when qms.yaml `suppliers.certificate_warn_days` does not say. */
export const CERTIFICATE_WARN_DAYS = 60;

/**
 * The repository's suppliers, in the order of qms.yaml `external_parties`: every outside party of kind
 * supplier, with its record: the file of suppliers/ named after its code, else the first with its code.
 * A record whose code names no such party, or a second one, is none of them (supplier/unknown reports it).
 */
export function suppliers(repo: Pick<Repository, "config" | "suppliers">): Supplier[] {
  const records = new Map<string, Located<SupplierRecord>>();
  const named = (record: Located<SupplierRecord>) => record.file.path.slice(record.file.path.lastIndexOf("/") + 1).replace(/\.ya?ml$/i, "") === record.value.code;
  for (const record of [...repo.suppliers.filter(named), ...repo.suppliers.filter((r) => !named(r))]) if (!records.has(record.value.code)) records.set(record.value.code, record);
  return (repo.config?.value.external_parties ?? [])
    .filter((party) => party.kind === "supplier")
    .map((party) => ({ code: party.code, name: party.name, ...(party.name_en !== undefined ? { name_en: party.name_en } : {}), party, ...(records.has(party.code) ? { record: records.get(party.code)! } : {}) }));
}

/** The supplier with this code (exactly as qms.yaml writes it), or undefined when no outside party of kind supplier has it. */
export function supplierOf(repo: Pick<Repository, "config" | "suppliers">, code: string): Supplier | undefined {
  return suppliers(repo).find((s) => s.code === code);
}

/**
 * The supplier's approval in effect on `day` (YYYY-MM-DD): the last of its `approvals` dated on or
 * before it; undefined before its first (a supplier not yet evaluated, 待评价).
 */
export function approvalOn(supplier: Pick<Supplier, "record">, day: string): SupplierApproval | undefined {
  return (supplier.record?.value.approvals ?? []).filter((a) => a.date <= day).at(-1);
}

/** The supplier's status on `day`, or "pending" (待评价) before its first approval. */
export function statusOn(supplier: Pick<Supplier, "record">, day: string): SupplierStatus | "pending" {
  return approvalOn(supplier, day)?.status ?? "pending";
}

/** Whether purchasing may buy from a supplier of this status: approved (合格) or conditional (有条件合格). */
export function maySupply(status: SupplierStatus | "pending"): boolean {
  return status === "approved" || status === "conditional";
}

/** Whole days from `day` to a certificate's last valid day (negative once it has lapsed; 0 on its last day). */
export function daysLeft(certificate: Pick<SupplierCertificate, "valid_until">, day: string): number {
  return Math.round((Date.parse(certificate.valid_until) - Date.parse(day)) / 86_400_000);
}

/** The people of people.yaml who belong to the supplier (its contacts, 联系人): outside people, never the company's staff. */
export function supplierContacts(people: readonly Person[], supplier: Pick<Supplier, "code">): Person[] {
  return people.filter((p) => p.department === supplier.code);
}

/** Days before a certificate lapses from which csr check warns: qms.yaml `suppliers.certificate_warn_days`, else CERTIFICATE_WARN_DAYS. */
export function certificateWarnDays(repo: Pick<Repository, "config">): number {
  return repo.config?.value.suppliers?.certificate_warn_days ?? CERTIFICATE_WARN_DAYS;
}

/** The grade from which a supplier is asked for a corrective action when qms.yaml `suppliers.action_grade` does not say: C (需改进). */
export const ACTION_GRADE: SupplierGrade = "C";

/** The grade from which csr check wants a supplier's corrective action (supplier/rating-without-action): qms.yaml `suppliers.action_grade`, else ACTION_GRADE. */
export function actionGrade(repo: Pick<Repository, "config">): SupplierGrade {
  return repo.config?.value.suppliers?.action_grade ?? ACTION_GRADE;
}

/** Whether `grade` is `threshold` or worse (A best, D worst). */
export function gradeAtOrBelow(grade: SupplierGrade, threshold: SupplierGrade): boolean {
  return SUPPLIER_GRADES.indexOf(grade) >= SUPPLIER_GRADES.indexOf(threshold);
}

/**
 * The supplier's latest performance rating on `day` (YYYY-MM-DD), with its index in `ratings`: the last recorded of those
 * rated on or before it (csr supplier rate records them period after period); undefined before its first.
 */
export function latestRating(supplier: Pick<Supplier, "record">, day: string): { rating: SupplierRating; index: number } | undefined {
  const ratings = supplier.record?.value.ratings ?? [];
  for (let i = ratings.length - 1; i >= 0; i--) if (ratings[i]!.date <= day) return { rating: ratings[i]!, index: i };
  return undefined;
}
