/**
 * The register of production tooling, fixtures, gauges and error-proofing devices (工装夹具台账; IATF 16949 8.5.1.6,
 * 8.5.1.5, 8.5.3; GJB 9001C 7.1.3, 8.5.1) and the record of the error-proofing verifications (防错装置验证记录; IATF
 * 16949 10.2.4), from tooling.yaml (model/tooling.ts). Each judges what is due on `today` as csr check's
 * tooling/verification-overdue and tooling/maintenance-overdue do: 已逾期 once the day a verification or a
 * maintenance was owed has passed, 今日到期 on the day itself.
 */
import { localized } from "../../core/text.js";
import { repositoryCalendar } from "../../load/calendar.js";
import { customerOwner, lastMaintenance, lastVerification, maintenanceDue, toolingStatus, verificationDue } from "../../model/tooling.js";
import type { Tooling } from "../../model/types.js";
import type { Table } from "../table.js";
import { personName, t, type RegisterContext } from "./context.js";

export interface ToolingFilter {
  /** Only the tooling whose verification or maintenance is due on `today` or overdue (csr list tooling --due). */
  due?: boolean;
}

/** How often it is verified, as the register writes it: 每班, 每天, 每 500 件 …; "" without a verification. */
function frequencyText(ctx: RegisterContext, tooling: Pick<Tooling, "verification">): string {
  const v = tooling.verification;
  if (!v) return "";
  return v.frequency === "parts" && v.parts !== undefined ? t(ctx, "tooling.frequency.parts-n", { count: v.parts }) : t(ctx, `tooling.frequency.${v.frequency}`);
}

/** Who owns it, as the register writes it: 本公司, or the customer's code and name (顾客财产). */
function ownerText(ctx: RegisterContext, tooling: Pick<Tooling, "owner">): string {
  const code = customerOwner(tooling);
  if (code === undefined) return t(ctx, "tooling.owner.ours");
  const customer = ctx.repo.customers.find((c) => c.value.code === code)?.value;
  return t(ctx, "tooling.owner.customer", { customer: customer ? `${code} ${localized(ctx.lang, customer.name, customer.name_en)}` : code });
}

/** A due day with its standing on `today`: "2026-12-04", "2026-12-04 今日到期", "2026-12-04 已逾期". */
function dueText(ctx: RegisterContext, due: { due: string; overdue: boolean } | undefined, today: string): string {
  if (!due) return "";
  return due.overdue ? t(ctx, "register.tooling.overdue", { due: due.due }) : due.due === today ? t(ctx, "register.tooling.due-today", { due: due.due }) : due.due;
}

/** 工装夹具台账: a row per entry of tooling.yaml, in its order; `today` (YYYY-MM-DD) the day its dues are judged on. */
export function toolingRegister(ctx: RegisterContext, options: { today: string; filter?: ToolingFilter }): Table {
  const { today, filter = {} } = options;
  const calendar = repositoryCalendar(ctx.repo.config?.value);
  const separator = t(ctx, "register.list-separator");
  const all = ctx.repo.tooling.map((l) => l.value);
  const judged = all.map((tooling) => ({ tooling, verification: verificationDue(tooling, today, calendar), maintenance: maintenanceDue(tooling, today) }));
  const isDue = (j: (typeof judged)[number]) => [j.verification, j.maintenance].some((d) => d !== undefined && (d.overdue || d.due === today));
  const shown = filter.due ? judged.filter(isDue) : judged;
  const rows = shown.map(({ tooling, verification, maintenance }, i) => {
    const verified = lastVerification(tooling, today);
    const maintained = lastMaintenance(tooling, today);
    const interval = tooling.maintenance?.interval_days !== undefined ? t(ctx, "register.tooling.interval-days", { count: tooling.maintenance.interval_days }) : tooling.maintenance?.interval_months !== undefined ? t(ctx, "register.tooling.interval-months", { count: tooling.maintenance.interval_months }) : "";
    return {
      no: i + 1,
      id: tooling.id,
      name: localized(ctx.lang, tooling.name, tooling.name_en),
      kind: t(ctx, `tooling.kind.${tooling.kind}`),
      stations: (tooling.stations ?? []).join(separator),
      process: tooling.process ?? "",
      parts: (tooling.parts ?? []).join(separator),
      owner: ownerText(ctx, tooling),
      marking: tooling.marking ?? "",
      status: t(ctx, `tooling.status.${toolingStatus(tooling)}`),
      location: tooling.location ?? "",
      change: tooling.change_level ?? "",
      frequency: frequencyText(ctx, tooling),
      verified: verified ? t(ctx, "register.tooling.verified", { date: verified.date, result: t(ctx, `tooling.result.${verified.result}`) }) : "",
      "verification-due": verification?.failed ? t(ctx, "register.tooling.failed", { date: verification.failed.date }) : tooling.verification && toolingStatus(tooling) === "in-use" && verification && !verification.last ? t(ctx, "register.tooling.never-verified") : dueText(ctx, verification, today),
      interval,
      maintained: maintained?.date ?? null,
      "maintenance-due": dueText(ctx, maintenance, today),
      remark: tooling.remark ?? "",
    };
  });
  const overdue = judged.filter((j) => j.verification?.overdue || j.maintenance?.overdue).length;
  const customerOwned = all.filter((x) => customerOwner(x) !== undefined).length;
  return {
    id: "tooling",
    title: t(ctx, filter.due ? "register.tooling.title-due" : "register.tooling.title", { count: shown.length, today }),
    sheet: t(ctx, "register.tooling.sheet"),
    columns: [
      { key: "no", header: t(ctx, "register.tooling.column.no"), kind: "number" },
      { key: "id", header: t(ctx, "register.tooling.column.id"), kind: "id" },
      { key: "name", header: t(ctx, "register.tooling.column.name"), kind: "name" },
      { key: "kind", header: t(ctx, "register.tooling.column.kind"), kind: "code" },
      { key: "stations", header: t(ctx, "register.tooling.column.stations"), kind: "list", printedIfAny: true },
      { key: "process", header: t(ctx, "register.tooling.column.process"), kind: "code", printedIfAny: true },
      { key: "parts", header: t(ctx, "register.tooling.column.parts"), kind: "list", printedIfAny: true },
      { key: "owner", header: t(ctx, "register.tooling.column.owner"), kind: "name" },
      { key: "marking", header: t(ctx, "register.tooling.column.marking"), printedIfAny: true },
      { key: "status", header: t(ctx, "register.tooling.column.status"), kind: "code" },
      { key: "location", header: t(ctx, "register.tooling.column.location"), printedIfAny: true },
      { key: "change", header: t(ctx, "register.tooling.column.change"), kind: "code", printedIfAny: true },
      { key: "frequency", header: t(ctx, "register.tooling.column.frequency"), kind: "code", printedIfAny: true },
      { key: "verified", header: t(ctx, "register.tooling.column.verified"), printedIfAny: true },
      { key: "verification-due", header: t(ctx, "register.tooling.column.verification-due"), printedIfAny: true },
      { key: "interval", header: t(ctx, "register.tooling.column.interval"), kind: "code", printedIfAny: true },
      { key: "maintained", header: t(ctx, "register.tooling.column.maintained"), date: true, printedIfAny: true },
      { key: "maintenance-due", header: t(ctx, "register.tooling.column.maintenance-due"), printedIfAny: true },
      { key: "remark", header: t(ctx, "register.tooling.column.remark"), remarks: true },
    ],
    rows,
    notes: all.length === 0 ? [t(ctx, "register.tooling.none")] : [t(ctx, "register.tooling.counts", { count: all.length, overdue, customer: customerOwned })],
  };
}

export interface VerificationFilter {
  /** Only the verifications of this device (its id). */
  tooling?: string;
  /** Only the verifications dated in this period (YYYY-MM-DD, both days included). */
  period?: { from: string; to: string };
}

/**
 * 防错装置验证记录 (IATF 16949 10.2.4): a row per verification of tooling.yaml dated by `today`, the devices in the
 * register's order and each device's verifications oldest first — the device, its station, frequency and method,
 * the day and shift, who verified it, the result, and the reaction of a failed one (未记录反应 when none, as
 * tooling/failed-without-reaction reports it). A note counts the verifications, the failed ones and the devices overdue.
 */
export function verificationRegister(ctx: RegisterContext, options: { today: string; filter?: VerificationFilter }): Table {
  const { today, filter = {} } = options;
  const calendar = repositoryCalendar(ctx.repo.config?.value);
  const separator = t(ctx, "register.list-separator");
  const devices = ctx.repo.tooling.map((l) => l.value).filter((x) => x.verification !== undefined && (filter.tooling === undefined || x.id === filter.tooling));
  const rows = devices.flatMap((tooling) =>
    (tooling.verification!.records ?? [])
      .filter((r) => r.date <= today && (!filter.period || (r.date >= filter.period.from && r.date <= filter.period.to)))
      .map((record) => ({ tooling, record })),
  );
  const failed = rows.filter((r) => r.record.result === "fail").length;
  const overdue = devices.filter((x) => verificationDue(x, today, calendar)?.overdue).map((x) => x.id);
  return {
    id: "error-proofing",
    title: t(ctx, "register.error-proofing.title", { count: rows.length }),
    sheet: t(ctx, "register.error-proofing.sheet"),
    columns: [
      { key: "no", header: t(ctx, "register.error-proofing.column.no"), kind: "number" },
      { key: "id", header: t(ctx, "register.error-proofing.column.id"), kind: "id" },
      { key: "name", header: t(ctx, "register.error-proofing.column.name"), kind: "name" },
      { key: "stations", header: t(ctx, "register.error-proofing.column.stations"), kind: "list" },
      { key: "frequency", header: t(ctx, "register.error-proofing.column.frequency"), kind: "code" },
      { key: "method", header: t(ctx, "register.error-proofing.column.method") },
      { key: "date", header: t(ctx, "register.error-proofing.column.date"), date: true },
      { key: "shift", header: t(ctx, "register.error-proofing.column.shift"), kind: "code", printedIfAny: true },
      { key: "by", header: t(ctx, "register.error-proofing.column.by"), kind: "name" },
      { key: "result", header: t(ctx, "register.error-proofing.column.result"), kind: "code" },
      { key: "reaction", header: t(ctx, "register.error-proofing.column.reaction"), remarks: true },
    ],
    rows: rows.map(({ tooling, record }, i) => ({
      no: i + 1,
      id: tooling.id,
      name: localized(ctx.lang, tooling.name, tooling.name_en),
      stations: (tooling.stations ?? []).join(separator),
      frequency: frequencyText(ctx, tooling),
      method: tooling.verification!.method ?? "",
      date: record.date,
      shift: record.shift ?? "",
      by: personName(ctx, record.by),
      result: t(ctx, `tooling.result.${record.result}`),
      reaction: record.reaction ?? (record.result === "fail" ? t(ctx, "register.error-proofing.no-reaction") : ""),
    })),
    notes: [
      devices.length === 0 ? t(ctx, "register.error-proofing.none") : t(ctx, "register.error-proofing.counts", { count: rows.length, failed, devices: devices.length }),
      ...(overdue.length > 0 ? [t(ctx, "register.error-proofing.overdue", { ids: overdue.join(separator), today })] : []),
    ],
  };
}
