/**
 * The approved supplier list (合格供方名录; IATF 16949 8.4.1.2, 8.4.2.4; ISO 9001 8.4.1; GJB 9001C 8.4,
 * where the list is required): a row per supplier (model/suppliers.ts), in qms.yaml's order — code,
 * name, what it supplies, its status on `today` and the day it was decided, its certificates (standard,
 * number, valid until), whether it supplies parts with special characteristics, its contact people
 * and its last second-party audit; 体系发展 its QMS development plan and any customer's authorisation to buy from
 * it uncertified (IATF 16949 8.4.2.3), a column only when some supplier has either. A certificate lapsed on `today` is marked 已过期, one lapsing within
 * qms.yaml `suppliers.certificate_warn_days` (default 60) 即将到期, as csr check's supplier/certificate-expired
 * and certificate-expiring judge them; a supplier conditionally approved, suspended or disqualified shows
 * its approval's remark (the condition, or why) under 备注; 未关闭SCAR lists the corrective actions asked of the supplier
 * and open on `today` (csr action open --supplier; IATF 16949 8.4.2.4, 10.2.3), 逾期 marked. 下次审核 is the day of the next
 * second-party audit of a supplier that may supply, with its risk class and months (supplierAuditPlan, IATF 16949
 * 8.4.2.4.1), 已逾期 from the first working day after it, as supplier/audit-due judges. A note counts the suppliers by status.
 */
import { localized } from "../../core/text.js";
import { actionStatus, openSupplierActions } from "../../model/actions.js";
import { repositoryCalendar } from "../../load/calendar.js";
import { approvalOn, latestRating, certificateWarnDays, daysLeft, statusOn, supplierAuditOverdue, supplierAuditPlan, supplierContacts, supplierRiskText, suppliers } from "../../model/suppliers.js";
import type { SupplierRating, SupplierRecord } from "../../model/types.js";
import type { Table } from "../table.js";
import { personName, t, type RegisterContext } from "./context.js";

/** `today` (YYYY-MM-DD): the day whose status each supplier has (approvals and audits after it not yet made). */
export function supplierRegister(ctx: RegisterContext, options: { today: string }): Table {
  const { today } = options;
  const list = suppliers(ctx.repo);
  const people = ctx.repo.people.map((p) => p.value);
  const actions = ctx.repo.actions.map((a) => a.value);
  const separator = t(ctx, "register.list-separator");
  const statuses = list.map((s) => statusOn(s, today));
  const warnDays = certificateWarnDays(ctx.repo);
  const lapse = (until: string) => {
    const left = daysLeft({ valid_until: until }, today);
    return left < 0 ? t(ctx, "register.suppliers.certificate-expired") : left <= warnDays ? t(ctx, "register.suppliers.certificate-expiring", { count: left }) : "";
  };
  const calendar = repositoryCalendar(ctx.repo.config?.value);
  const rows = list.map((s, i) => {
    const record = s.record?.value;
    const plan = supplierAuditPlan(ctx.repo, s, today);
    const audit = (record?.audits ?? []).filter((a) => a.date <= today).at(-1);
    return {
      no: i + 1,
      code: s.code,
      name: localized(ctx.lang, s.name, s.name_en),
      supplies: (record?.supplies ?? []).join(separator),
      status: t(ctx, `supplier.status.${statuses[i]!}`),
      approved: approvalOn(s, today)?.date ?? null,
      certificates: (record?.certificates ?? []).map((c) => t(ctx, "register.suppliers.certificate", { standard: c.standard, number: c.number, until: c.valid_until, state: lapse(c.valid_until) })).join(separator),
      special: record?.special_characteristics ? t(ctx, "register.suppliers.special") : "",
      development: developmentText(ctx, record),
      contacts: supplierContacts(people, s)
        .map((p) => localized(ctx.lang, p.name, p.name_en))
        .join(separator),
      remark: statuses[i] === "approved" || statuses[i] === "pending" ? "" : (approvalOn(s, today)?.remark ?? ""),
      rating: ratingText(ctx, latestRating(s, today)?.rating),
      scar: openSupplierActions(actions, s.code, today)
        .map((a) => (actionStatus(a, today) === "overdue" ? t(ctx, "register.suppliers.scar-overdue", { id: a.id }) : a.id))
        .join(separator),
      audit: audit ? t(ctx, "register.suppliers.audit", { date: audit.date, result: t(ctx, `supplier.audit.${audit.result}`), by: personName(ctx, audit.by), report: audit.report ?? "" }) : "",
      next: plan ? t(ctx, supplierAuditOverdue(plan, today, calendar) ? "register.suppliers.next-audit-overdue" : "register.suppliers.next-audit", { due: plan.due, risk: supplierRiskText(ctx.lang, plan), months: plan.months }) : "",
    };
  });
  const count = (status: string) => statuses.filter((s) => s === status).length;
  return {
    id: "suppliers",
    title: t(ctx, "register.suppliers.title", { count: list.length }),
    sheet: t(ctx, "register.suppliers.sheet"),
    columns: [
      { key: "no", header: t(ctx, "register.suppliers.column.no"), kind: "number" },
      { key: "code", header: t(ctx, "register.suppliers.column.code"), kind: "id" },
      { key: "name", header: t(ctx, "register.suppliers.column.name"), kind: "name" },
      { key: "supplies", header: t(ctx, "register.suppliers.column.supplies"), kind: "list" },
      { key: "status", header: t(ctx, "register.suppliers.column.status"), kind: "code" },
      { key: "approved", header: t(ctx, "register.suppliers.column.approved"), date: true },
      { key: "certificates", header: t(ctx, "register.suppliers.column.certificates"), kind: "list" },
      { key: "special", header: t(ctx, "register.suppliers.column.special"), kind: "code" },
      // Only when some supplier has a plan or an authorisation: most lists have neither, and keep their columns as they were.
      ...(rows.some((r) => r.development !== "") ? [{ key: "development", header: t(ctx, "register.suppliers.column.development") }] : []),
      { key: "contacts", header: t(ctx, "register.suppliers.column.contacts"), kind: "list" },
      { key: "audit", header: t(ctx, "register.suppliers.column.audit"), printedIfAny: true },
      { key: "next", header: t(ctx, "register.suppliers.column.next-audit"), printedIfAny: true },
      { key: "rating", header: t(ctx, "register.suppliers.column.rating"), printedIfAny: true },
      { key: "scar", header: t(ctx, "register.suppliers.column.scar"), kind: "list", printedIfAny: true },
      { key: "remark", header: t(ctx, "register.suppliers.column.remark"), printedIfAny: true },
    ],
    rows,
    notes: list.length === 0 ? [t(ctx, "register.suppliers.none")] : [t(ctx, "register.suppliers.counts", { approved: count("approved"), conditional: count("conditional"), suspended: count("suspended"), disqualified: count("disqualified"), pending: count("pending") })],
  };
}

/**
 * What the supplier's record says of its QMS beyond its certificates (IATF 16949 8.4.2.3): its development plan
 * ("计划于 2027-06-30 前通过 ISO 9001 认证") and the customer's authorisation to buy from it uncertified; "" for neither.
 */
export function developmentText(ctx: RegisterContext, record: SupplierRecord | undefined): string {
  const plan = record?.development;
  const authorisation = record?.customer_authorisation;
  return [
    ...(plan ? [t(ctx, plan.due ? "supplier.update.development-due" : "supplier.update.development", { target: plan.target, due: plan.due ?? "" })] : []),
    ...(authorisation ? [t(ctx, authorisation.record ? "supplier.update.authorised-record" : "supplier.update.authorised", { customer: authorisation.customer, record: authorisation.record ?? "" })] : []),
  ].join(t(ctx, "register.list-separator"));
}

/** A performance rating as the list gives it: "B（2026-Q4：PPM 120，准时率 96.5%，顾客干扰 0）", what it recorded of the three; "" without one. */
export function ratingText(ctx: RegisterContext, rating: SupplierRating | undefined): string {
  if (!rating) return "";
  const parts = [
    ...(rating.ppm !== undefined ? [t(ctx, "register.suppliers.rating.ppm", { ppm: rating.ppm })] : []),
    ...(rating.on_time !== undefined ? [t(ctx, "register.suppliers.rating.on-time", { percent: rating.on_time })] : []),
    ...(rating.disruptions !== undefined ? [t(ctx, "register.suppliers.rating.disruptions", { count: rating.disruptions })] : []),
  ];
  return t(ctx, "register.suppliers.rating", { grade: rating.grade, period: rating.period, measures: parts.length > 0 ? t(ctx, "register.suppliers.rating.measures", { measures: parts.join(t(ctx, "register.suppliers.rating.separator")) }) : "" });
}
