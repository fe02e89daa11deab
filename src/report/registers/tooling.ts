/**
 * The register of production tooling, fixtures, gauges and error-proofing devices (工装夹具台账; IATF 16949 8.5.1.6,
 * 8.5.1.5, 8.5.3; GJB 9001C 7.1.3, 8.5.1) and the record of the error-proofing verifications (防错装置验证记录; IATF
 * 16949 10.2.4) and the register of gauges and test equipment (计量器具台账; IATF 16949 7.1.5.1.1, 7.1.5.2, 7.1.5.3), from
 * tooling.yaml (model/tooling.ts). Each judges what is due on `today` as csr check's tooling/verification-overdue,
 * tooling/maintenance-overdue and tooling/calibration-overdue do: 已逾期 once the day a verification, a maintenance or a
 * calibration was owed has passed, 今日到期 on the day itself.
 */
import { addDays } from "../../core/dates.js";
import { localized } from "../../core/text.js";
import { repositoryCalendar } from "../../load/calendar.js";
import { CALIBRATION_WARN_DAYS, calibrationDue, customerOwner, isGauge, lastCalibration, lastMaintenance, lastMsa, lastVerification, maintenanceDue, msaVerdict, toolingStatus, verificationDue } from "../../model/tooling.js";
import type { Tooling, ToolingCalibration, ToolingMsa } from "../../model/types.js";
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

/**
 * 下次验证: the due day, 验证不合格 or 从未验证 owed at once; "" for a frequency in parts after a pass, whose 验证频次 says that
 * its next verification is counted in parts (每 500 件（按件数，无法推算日期）): a column of its own for that text printed the
 * English site page of acme-auto's register wider than the paper.
 */
function verificationDueText(ctx: RegisterContext, due: ReturnType<typeof verificationDue>, today: string): string {
  if (due?.failed) return t(ctx, "register.tooling.failed", { date: due.failed.date });
  if (due && !due.last) return t(ctx, "register.tooling.never-verified");
  return dueText(ctx, due, today);
}

/** 下次维护: the due day; never maintained, the first one's day counted from the day it was put in use, or 从未维护 undated. */
function maintenanceDueText(ctx: RegisterContext, due: ReturnType<typeof maintenanceDue>, today: string): string {
  if (!due) return "";
  if (due.due === undefined) return t(ctx, "register.tooling.never-maintained-undated");
  const text = dueText(ctx, { due: due.due, overdue: due.overdue }, today);
  return due.last ? text : t(ctx, "register.tooling.never-maintained", { due: text });
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
      // A frequency in parts, after a pass, is not dated: said beside it (csr keeps no part count).
      frequency: frequencyText(ctx, tooling) + (!verification && tooling.verification?.frequency === "parts" && toolingStatus(tooling) === "in-use" ? t(ctx, "register.tooling.by-parts") : ""),
      verified: verified ? t(ctx, "register.tooling.verified", { date: verified.date, result: t(ctx, `tooling.result.${verified.result}`) }) : "",
      "verification-due": verificationDueText(ctx, verification, today),
      interval,
      maintained: maintained?.date ?? null,
      "maintenance-due": maintenanceDueText(ctx, maintenance, today),
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
      { key: "frequency", header: t(ctx, "register.tooling.column.frequency"), printedIfAny: true },
      { key: "verified", header: t(ctx, "register.tooling.column.verified"), printedIfAny: true },
      { key: "verification-due", header: t(ctx, "register.tooling.column.verification-due"), printedIfAny: true },
      { key: "interval", header: t(ctx, "register.tooling.column.interval"), kind: "code", printedIfAny: true },
      { key: "maintained", header: t(ctx, "register.tooling.column.maintained"), date: true, printedIfAny: true },
      { key: "maintenance-due", header: t(ctx, "register.tooling.column.maintenance-due"), printedIfAny: true },
      { key: "remark", header: t(ctx, "register.tooling.column.remark"), remarks: true, printedIfAny: true },
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

/** The columns of the register of gauges that a gauge's card and page add to its row of the tooling register. */
export const GAUGE_FACTS: ReadonlySet<string> = new Set(["range", "resolution", "interval", "calibrated", "calibration-due", "status", "msa"]);

/** Who calibrated it, as the register writes it: the external laboratory with its accreditation, or 内部校准 and the person. */
function calibratedBy(ctx: RegisterContext, r: ToolingCalibration): string {
  if (r.lab) return r.accreditation ? t(ctx, "register.gauges.lab-accredited", { lab: r.lab, accreditation: r.accreditation }) : r.lab;
  return t(ctx, "register.gauges.internal", { by: r.by ? personName(ctx, r.by) : "" }).trim();
}

/** A calibration as a gauge's card and page list it: day, result, who, certificate, and a failed one's reaction or action (未记录… when none). */
export function calibrationLine(ctx: RegisterContext, r: ToolingCalibration): string {
  const reaction = [r.reaction ?? (r.result === "fail" && !r.action ? t(ctx, "register.gauges.no-reaction") : undefined), r.action].filter((x): x is string => x !== undefined);
  return t(ctx, "show.tooling.calibration-line", {
    date: r.date,
    result: t(ctx, `tooling.calibration-result.${r.result}`),
    by: calibratedBy(ctx, r),
    certificate: r.certificate ? t(ctx, "tooling.calibrated.certificate", { certificate: r.certificate }) : "",
    reaction: reaction.length > 0 ? t(ctx, "show.tooling.reaction", { reaction: reaction.join(t(ctx, "register.list-separator")) }) : "",
  });
}

/** An MSA study as a gauge's card and page list it: day, %GRR, ndc, the AIAG verdict, the study's record. */
export function msaLine(ctx: RegisterContext, m: ToolingMsa): string {
  return t(ctx, "show.tooling.msa-line", { date: m.date, grr: m.grr, ndc: m.ndc === undefined ? "" : t(ctx, "register.gauges.msa-ndc", { ndc: m.ndc }), verdict: t(ctx, `tooling.msa.verdict.${msaVerdict(m)}`), study: m.study ? t(ctx, "show.tooling.msa-study", { study: m.study }) : "" });
}

export interface GaugeFilter {
  /** Only the gauges whose calibration is owed within CALIBRATION_WARN_DAYS of `today` or overdue (csr list gauges --due). */
  due?: boolean;
}

/**
 * 计量器具台账 (IATF 16949 7.1.5.2 calibration records, 7.1.5.3 laboratory, 7.1.5.1.1 MSA; GJB 9001C 7.1.5): a row per
 * gauge of tooling.yaml (model/tooling.ts isGauge: a gauge or test equipment, or any tooling with a calibration or an MSA
 * recorded), in its order — its range and resolution, where it is used, the calibration interval, the last calibration
 * by `today` with its result, the next one owed (as tooling/calibration-overdue judges it), who calibrated it (the
 * external laboratory with its ISO/IEC 17025 accreditation, or the internal laboratory and the person), the certificate,
 * its status (合格; 待校准: never calibrated, overdue or owed within CALIBRATION_WARN_DAYS days; 不合格: the last
 * calibration failed; 停用: not in use; 未定校准周期: no interval) and its last MSA judged by the AIAG manual.
 */
export function gaugeRegister(ctx: RegisterContext, options: { today: string; filter?: GaugeFilter }): Table {
  const { today, filter = {} } = options;
  const separator = t(ctx, "register.list-separator");
  const soon = addDays(today, CALIBRATION_WARN_DAYS);
  const all = ctx.repo.tooling.map((l) => l.value).filter(isGauge);
  const judged = all.map((tooling) => ({ tooling, due: calibrationDue(tooling, today) }));
  const owing = (j: (typeof judged)[number]) => j.due !== undefined && (j.due.overdue || j.due.due <= soon);
  const shown = filter.due ? judged.filter(owing) : judged;
  const rows = shown.map(({ tooling, due }, i) => {
    const last = lastCalibration(tooling, today);
    const study = lastMsa(tooling, today);
    const months = tooling.calibration?.interval_months;
    const status = toolingStatus(tooling);
    const state = status !== "in-use" ? t(ctx, "register.gauges.status.out-of-use", { status: t(ctx, `tooling.status.${status}`) }) : months === undefined ? t(ctx, "register.gauges.status.no-interval") : due?.failed ? t(ctx, "register.gauges.status.failed") : due && (due.overdue || due.due <= soon) ? t(ctx, "register.gauges.status.due") : t(ctx, "register.gauges.status.ok");
    const nextText = !due ? "" : due.failed ? t(ctx, "register.gauges.failed", { date: due.failed.date }) : !due.last ? t(ctx, "register.gauges.never") : dueText(ctx, due, today);
    const lab = last === undefined ? "" : calibratedBy(ctx, last);
    return {
      no: i + 1,
      id: tooling.id,
      name: localized(ctx.lang, tooling.name, tooling.name_en),
      range: tooling.range ?? "",
      resolution: tooling.resolution ?? "",
      where: (tooling.stations ?? []).join(separator) || (tooling.location ?? ""),
      interval: months === undefined ? "" : t(ctx, "register.tooling.interval-months", { count: months }),
      calibrated: last ? t(ctx, "register.tooling.verified", { date: last.date, result: t(ctx, `tooling.calibration-result.${last.result}`) }) : "",
      "calibration-due": nextText,
      lab,
      certificate: last?.certificate ?? "",
      status: state,
      msa: study ? t(ctx, "register.gauges.msa", { grr: study.grr, ndc: study.ndc === undefined ? "" : t(ctx, "register.gauges.msa-ndc", { ndc: study.ndc }), verdict: t(ctx, `tooling.msa.verdict.${msaVerdict(study)}`), date: study.date }) : "",
      remark: tooling.remark ?? "",
    };
  });
  const overdue = judged.filter((j) => j.due?.overdue).length;
  const dueSoon = judged.filter((j) => j.due !== undefined && !j.due.overdue && j.due.due <= soon).length;
  return {
    id: "gauges",
    title: t(ctx, filter.due ? "register.gauges.title-due" : "register.gauges.title", { count: shown.length, today, days: CALIBRATION_WARN_DAYS }),
    sheet: t(ctx, "register.gauges.sheet"),
    columns: [
      { key: "no", header: t(ctx, "register.gauges.column.no"), kind: "number" },
      { key: "id", header: t(ctx, "register.gauges.column.id"), kind: "id" },
      { key: "name", header: t(ctx, "register.gauges.column.name"), kind: "name" },
      { key: "range", header: t(ctx, "register.gauges.column.range") },
      { key: "resolution", header: t(ctx, "register.gauges.column.resolution"), kind: "code" },
      { key: "where", header: t(ctx, "register.gauges.column.where") },
      { key: "interval", header: t(ctx, "register.gauges.column.interval"), kind: "code" },
      { key: "calibrated", header: t(ctx, "register.gauges.column.calibrated") },
      { key: "calibration-due", header: t(ctx, "register.gauges.column.calibration-due") },
      { key: "lab", header: t(ctx, "register.gauges.column.lab"), kind: "name" },
      { key: "certificate", header: t(ctx, "register.gauges.column.certificate"), kind: "code" },
      { key: "status", header: t(ctx, "register.gauges.column.status"), kind: "code" },
      { key: "msa", header: t(ctx, "register.gauges.column.msa") },
      { key: "remark", header: t(ctx, "register.gauges.column.remark"), remarks: true },
    ],
    rows,
    notes: all.length === 0 ? [t(ctx, "register.gauges.none")] : [t(ctx, "register.gauges.counts", { count: all.length, overdue, soon: dueSoon, days: CALIBRATION_WARN_DAYS })],
  };
}
