/**
 * Suppliers (供方): the outside parties of qms.yaml `external_parties` of kind supplier, each with its
 * record of suppliers/<code>.yaml (供方档案) — what it supplies, its approval status over time, its
 * certificates and the second-party audits of it (IATF 16949 8.4.1.2, 8.4.2.3, 8.4.2.4, 8.4.2.4.1;
 * ISO 9001 8.4.1; GJB 9001C 8.4 合格供方名录). A supplier is an outside party like any other: it
 * receives controlled copies and its people (contacts) are of no department of the company.
 */
import { addMonths } from "../core/dates.js";
import { translate, type Lang } from "../i18n/index.js";
import type { Located, Repository } from "../load/repository.js";
import { workdaysLate, type WorkCalendar } from "./calendar.js";
import { SUPPLIER_GRADES, type ExternalParty, type Person, type SupplierApproval, type SupplierAudit, type SupplierCertificate, type SupplierGrade, type SupplierRating, type SupplierRecord, type SupplierRisk, type SupplierStatus } from "./types.js";

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

/** Months between second-party audits by risk class when qms.yaml `suppliers.audit_months` does not say (0: none planned). */
export const SUPPLIER_AUDIT_MONTHS: Readonly<Record<SupplierRisk, number>> = { high: 12, medium: 24, low: 36 };

/** Months between second-party audits of a supplier of this risk: qms.yaml `suppliers.audit_months.<risk>`, else SUPPLIER_AUDIT_MONTHS (0: none planned). */
export function supplierAuditMonths(repo: Pick<Repository, "config">, risk: SupplierRisk): number {
  return repo.config?.value.suppliers?.audit_months?.[risk] ?? SUPPLIER_AUDIT_MONTHS[risk];
}

/** Why a supplier is of high risk: it supplies parts with special characteristics, holds no valid certificate, or its latest grade asks for action. */
export type SupplierRiskReason = "special" | "no-certificate" | "rating";

/** A supplier's risk class on a day, why it is high (empty otherwise), and the latest grade when that is a reason. */
export interface SupplierRiskReading {
  risk: SupplierRisk;
  reasons: SupplierRiskReason[];
  grade?: SupplierGrade;
}

/**
 * A supplier's risk class on `day` (YYYY-MM-DD) for its second-party audits, from what its record says of the three
 * things IATF 16949 8.4.2.4.1 names (product safety/regulatory, supplier performance, QMS certification level):
 * high when it supplies parts with special characteristics (`special_characteristics: true`), holds no certificate
 * valid that day, or its latest rating is at or below qms.yaml `suppliers.action_grade` (`reasons` says which);
 * low when it holds a valid IATF 16949 certificate; medium otherwise (a valid ISO 9001 or GJB 9001C certificate).
 */
export function supplierRisk(repo: Pick<Repository, "config">, supplier: Pick<Supplier, "record">, day: string): SupplierRiskReading {
  const record = supplier.record?.value;
  const valid = (record?.certificates ?? []).filter((c) => daysLeft(c, day) >= 0);
  const grade = latestRating(supplier, day)?.rating.grade;
  const poor = grade !== undefined && gradeAtOrBelow(grade, actionGrade(repo));
  const reasons: SupplierRiskReason[] = [...(record?.special_characteristics === true ? ["special" as const] : []), ...(valid.length === 0 ? ["no-certificate" as const] : []), ...(poor ? ["rating" as const] : [])];
  if (reasons.length > 0) return { risk: "high", reasons, ...(poor ? { grade } : {}) };
  return { risk: valid.some((c) => /IATF\s*16949/i.test(c.standard)) ? "low" : "medium", reasons };
}

/** A supplier's next second-party audit (supplierAuditPlan): its risk, the months between audits, the due day and what it counts from. */
export interface SupplierAuditPlan extends SupplierRiskReading {
  months: number;
  due: string;
  /** The last audit held by the day, with its index in `audits`; absent when never audited. */
  last?: { audit: SupplierAudit; index: number };
  /** Never audited: the day of its first approval, from which the due day counts. */
  approved?: string;
}

/**
 * When a supplier that may supply on `day` (approved or conditional) is next to be audited (IATF 16949 8.4.2.4.1,
 * second-party audits by risk): its risk class (supplierRisk) and that class's interval (supplierAuditMonths), the
 * last audit held by `day`, and `due`: that many months after the last audit, or, never audited, after its first
 * approval (`approved`). Undefined for a supplier that may not supply (suspended, disqualified, not yet evaluated) or
 * whose class has no interval (0). Overdue from the first working day after `due` (supplierAuditOverdue).
 */
export function supplierAuditPlan(repo: Pick<Repository, "config">, supplier: Pick<Supplier, "record">, day: string): SupplierAuditPlan | undefined {
  if (!maySupply(statusOn(supplier, day))) return undefined;
  const reading = supplierRisk(repo, supplier, day);
  const months = supplierAuditMonths(repo, reading.risk);
  if (months <= 0) return undefined;
  const audits = supplier.record?.value.audits ?? [];
  let index = -1;
  audits.forEach((a, i) => {
    if (a.date <= day && (index < 0 || a.date >= audits[index]!.date)) index = i;
  });
  if (index >= 0) return { ...reading, months, due: addMonths(audits[index]!.date, months), last: { audit: audits[index]!, index } };
  // statusOn allows supply, so some approval by `day` does.
  const approved = (supplier.record?.value.approvals ?? []).find((a) => a.date <= day && maySupply(a.status))!.date;
  return { ...reading, months, due: addMonths(approved, months), approved };
}

/** Whether `plan`'s audit is overdue on `day`: from the first working day after its due day (workdaysLate), as every deadline of csr. */
export function supplierAuditOverdue(plan: Pick<SupplierAuditPlan, "due">, day: string, calendar: WorkCalendar): boolean {
  return workdaysLate(calendar, plan.due, day) > 0;
}

/** Why a supplier is of high risk, in `lang`: "供应特殊特性产品、无有效体系证书"; "" for a medium or low one. */
export function supplierRiskReasonsText(lang: Lang, reading: SupplierRiskReading): string {
  return reading.reasons.map((r) => translate(lang, `supplier.risk-reason.${r}`, { grade: reading.grade ?? "" })).join(translate(lang, "register.list-separator"));
}

/** "高风险：供应特殊特性产品、无有效体系证书" / "low risk": a supplier's risk class and why it is high, in `lang`. */
export function supplierRiskText(lang: Lang, reading: SupplierRiskReading): string {
  const risk = translate(lang, `supplier.risk.${reading.risk}`);
  return reading.reasons.length === 0 ? risk : translate(lang, "supplier.risk-with-reasons", { risk, reasons: supplierRiskReasonsText(lang, reading) });
}
