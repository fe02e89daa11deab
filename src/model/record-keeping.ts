/**
 * A form's record keeping (记录保存: 保存期限, 存放地点; IATF 16949 7.5.3.2.1, GJB 9001C 7.5.3) as an
 * English register or print shows it (tester19 F7, auditor16 F13): the form's own English text
 * (record.retention_en, record.location_en) when it has one; else a retention period written in one of
 * the usual Chinese forms (3年, 6个月, 产品寿命期, 产品寿命期+1年, 长期, 永久) in English words, and a
 * storage location that is a department's name (or code) as that department's English name; else the
 * text as written, and `untranslated` says so, for the register's note. In Chinese: as written.
 */
import { addMonths } from "../core/dates.js";
import { t, translate, type Lang } from "../i18n/index.js";
import type { ControlledDocument, Department, RecordBatch, RetentionRule } from "./types.js";

/** A retention period read from its usual Chinese spellings, for the English words of it. */
export type RetentionTerm =
  | { kind: "years" | "months"; count: number }
  | { kind: "product-life"; plusYears?: number }
  | { kind: "long-term" | "permanent" };

const PRODUCT_LIFE = "(?:产品(?:寿命|生命|使用)(?:周)?期|产品寿命)";
const NUMBER = "(\\d{1,3})";

/**
 * The retention period `text` names when it is one whole term: `3年`, `3 年`, `6个月` (or in English: `3 years`,
 * `3y`, `6 months`, `6m`), `产品寿命期`
 * (寿命周期, 生命周期, 使用期), `产品寿命期+1年` (＋ and 加 too), `长期`, `永久`; undefined for anything
 * else (`员工离职后3年`, a note in brackets), which has no English but its own.
 */
export function retentionTerm(text: string): RetentionTerm | undefined {
  const value = text.trim().replace(/\s+/g, "");
  // Also as an English reader writes it (3 years, 3y, 6 months, 6m), which the English help of --retention offers (tester65 N12).
  let match = new RegExp(`^${NUMBER}(?:年|years?|yrs?|y)$`, "i").exec(value);
  if (match) return { kind: "years", count: Number(match[1]) };
  match = new RegExp(`^${NUMBER}(?:个?月|months?|mos?|m)$`, "i").exec(value);
  if (match) return { kind: "months", count: Number(match[1]) };
  if (new RegExp(`^${PRODUCT_LIFE}$`).test(value)) return { kind: "product-life" };
  match = new RegExp(`^${PRODUCT_LIFE}[+＋加]${NUMBER}年$`).exec(value);
  if (match) return { kind: "product-life", plusYears: Number(match[1]) };
  if (value === "长期") return { kind: "long-term" };
  if (value === "永久" || value === "永久保存") return { kind: "permanent" };
  return undefined;
}

/** What an English register prints for a form's record keeping, and whether any of it stays as written for want of English. */
export interface RecordKeepingText {
  retention: string;
  location: string;
  /** A retention period or location printed as written (Chinese) in an English register. */
  untranslated: boolean;
}

/** A retention term in English words: "3 years", "Product life + 1 year", "Long-term". */
function retentionWords(term: RetentionTerm): string {
  if (term.kind === "years" || term.kind === "months") return translate("en", `record.retention.${term.kind}`, { count: term.count });
  if (term.kind === "product-life") return term.plusYears === undefined ? translate("en", "record.retention.product-life") : translate("en", "record.retention.product-life-plus", { count: term.plusYears });
  return translate("en", `record.retention.${term.kind}`);
}

/**
 * `doc`'s retention and location as a register in `lang` prints them ("" where it has none), in a
 * repository kept in `written` (qms.yaml `language`): one kept in English has them in English already.
 */
export function recordKeepingText(lang: Lang, doc: Pick<ControlledDocument, "record">, departments: readonly Department[], written: Lang = "zh-CN"): RecordKeepingText {
  const retention = doc.record?.retention ?? "";
  const location = doc.record?.location ?? "";
  if (lang !== "en" || written === "en") return { retention, location, untranslated: false };
  const term = retention ? retentionTerm(retention) : undefined;
  const retentionEn = doc.record?.retention_en || (term ? retentionWords(term) : undefined);
  const place = location.trim();
  const department = place ? departments.find((d) => d.name === place || d.code === place) : undefined;
  const locationEn = doc.record?.location_en || department?.name_en;
  return {
    retention: retentionEn ?? retention,
    location: locationEn ?? location,
    untranslated: (retention !== "" && !retentionEn) || (location !== "" && !locationEn),
  };
}

/** A customer's retention period for a form's records as a register in `lang` prints it, and whether it stays as written for want of English. */
export interface CustomerRetentionText {
  customer: string;
  period: string;
  untranslated: boolean;
}

/**
 * `doc`'s customer retention periods (record.retention_customer, 顾客特殊期限) as a register in `lang`
 * prints them, in a repository kept in `written`: in English, `period_en`, else a period written as one
 * whole term in English words, else as written.
 */
export function customerRetentionText(lang: Lang, doc: Pick<ControlledDocument, "record">, written: Lang = "zh-CN"): CustomerRetentionText[] {
  return (doc.record?.retention_customer ?? []).map(({ customer, period, period_en }) => {
    if (lang !== "en" || written === "en") return { customer, period, untranslated: false };
    const term = retentionTerm(period);
    const english = period_en || (term ? retentionWords(term) : undefined);
    return { customer, period: english ?? period, untranslated: !english };
  });
}

/**
 * Whether records filled on a form withdrawn by `day` are still kept by its stated retention period,
 * so that the record list keeps the form (IATF 16949 7.5.3.2.1: the retention of the records, not the
 * form's withdrawal, decides): its last records, filled on the day it was withdrawn, are kept for a
 * period in years or months after it; any other period (产品寿命期, 长期, 永久, a text) may last beyond
 * any day csr can count. A customer's longer period (retention_customer) keeps it as long. A form that
 * states no retention is not kept on the list: it says nothing of its records.
 */
export function recordsHeldOn(form: Pick<ControlledDocument, "record" | "obsolete">, day: string): boolean {
  const periods = [form.record?.retention, ...(form.record?.retention_customer ?? []).map((c) => c.period)].filter((p): p is string => !!p);
  return periods.some((period) => heldFor(period, form.obsolete?.date, day));
}

function heldFor(retention: string, withdrawn: string | undefined, day: string): boolean {
  const term = retentionTerm(retention);
  if (!withdrawn || !term || (term.kind !== "years" && term.kind !== "months")) return true;
  return day <= addMonths(withdrawn, term.kind === "years" ? term.count * 12 : term.count);
}

/**
 * A retention period as csr counts it (IATF 16949 7.5.3.2.1, GJB 9001C 7.5.3): `months` from the end
 * of a batch's period (形成日) or, with `after`, from the day of that event (停产, 员工离职), which each
 * batch gives as its counted_from; or `kept`, never disposed of (长期, 永久).
 */
export type CountedRetention = { months: number; after?: string } | { kept: true };

/**
 * The retention period written `text` as csr counts it: `rule` (record.retention_term, a customer
 * period's `term`) when given; else `text` in one of the spellings retentionTerm reads (3年, 6个月,
 * 产品寿命期+1年 — counted from PRODUCT_LIFE_EVENT), 长期 and 永久 with a note in brackets, or `<事件>后N年` / `<事件>后N个月`
 * (停产后15年, 员工离职后3年); undefined for any other text, which names no count csr could date.
 */
export function countedRetention(text: string | undefined, rule?: RetentionRule): CountedRetention | undefined {
  if (rule) return { months: (rule.years ?? 0) * 12 + (rule.months ?? 0), ...(rule.after ? { after: rule.after } : {}) };
  const value = (text ?? "").trim().replace(/\s+/g, "");
  if (value === "") return undefined;
  const term = retentionTerm(value);
  if (term?.kind === "years" || term?.kind === "months") return { months: term.kind === "years" ? term.count * 12 : term.count };
  if (term?.kind === "product-life") return { months: (term.plusYears ?? 0) * 12, after: PRODUCT_LIFE_EVENT };
  if (term || /^(?:长期|永久)[（(]/.test(value)) return { kept: true };
  const match = /^(.{1,20}?)后(\d{1,3})(年|个?月)$/.exec(value);
  if (match) return { months: match[3] === "年" ? Number(match[2]) * 12 : Number(match[2]), after: match[1]! };
  return undefined;
}

/**
 * The event a product-life period (产品寿命期+1年) counts from: IATF 16949 7.5.3.2.1 keeps records for "the
 * time the product is active for production and service requirements, plus one calendar year", so the end
 * of production and of service (spare-parts) supply, which may come years after 停产 (tester71 Q11).
 */
export const PRODUCT_LIFE_EVENT = "停止生产和售后服务供货";

/**
 * The day a period counted from `start` ends. After the product-life event, the years added are calendar
 * years, as IATF 16949 7.5.3.2.1 writes them: to 31 December of the year they end in (停止供货 2024-06-30,
 * 产品寿命期+1年: 2025-12-31). A form that reads the clause otherwise writes its count in retention_term
 * with its own event (`{years: 1, after: 停产}`), counted to the day.
 */
export function retentionEnds(start: string, term: { months: number; after?: string }): string {
  const date = addMonths(start, term.months);
  return term.after === PRODUCT_LIFE_EVENT && term.months > 0 ? `${date.slice(0, 4)}-12-31` : date;
}

/** The period that decides a batch's retention: its text as written, and the customer whose period it is (a customer's longer one). */
export interface DecidingPeriod {
  period: string;
  customer?: string;
}

/**
 * When a batch of a form's records may be disposed of (保存期满): `ends`, the day its retention ends,
 * from which it may be disposed of, by the longest period that applies — the form's or a customer's
 * (record.retention_customer: IATF 16949 7.5.3.2.1, the customer's longer period takes precedence);
 * `kept`, never (a period 长期 or 永久); `undated`, when csr cannot tell: the form states no period
 * (`no-retention`), a period is written in no way csr counts (`unreadable`: give record.retention_term),
 * or a period counts from an event whose day the batch does not give (`no-start`: its counted_from,
 * e.g. the end of the product's production and service supply, which csr does not guess; the longest such period is named, as it
 * would decide: a customer's 停产后15年 rather than the form's 产品寿命期+1年).
 */
export type BatchRetention =
  | ({ kind: "ends"; date: string } & DecidingPeriod)
  | ({ kind: "kept" } & DecidingPeriod)
  | { kind: "undated"; reason: "no-retention" }
  | ({ kind: "undated"; reason: "unreadable" } & DecidingPeriod)
  | ({ kind: "undated"; reason: "no-start"; event: string } & DecidingPeriod);

/** `batch`'s retention on `form` (BatchRetention): every period that applies, the form's own first. */
export function batchRetention(form: Pick<ControlledDocument, "record">, batch: Pick<RecordBatch, "to" | "counted_from">): BatchRetention {
  const record = form.record ?? {};
  const own = record.retention?.trim() ? [{ period: record.retention.trim(), rule: record.retention_term }] : record.retention_term ? [{ period: "", rule: record.retention_term }] : [];
  if (own.length === 0) return { kind: "undated", reason: "no-retention" };
  const periods: (DecidingPeriod & { rule?: RetentionRule | undefined })[] = [...own, ...(record.retention_customer ?? []).map((c) => ({ period: c.period, rule: c.term, customer: c.customer }))];
  const counted = periods.map((p) => ({ deciding: { period: p.period, ...(p.customer ? { customer: p.customer } : {}) }, counted: countedRetention(p.period, p.rule) }));
  const kept = counted.find((c) => c.counted && "kept" in c.counted);
  if (kept) return { kind: "kept", ...kept.deciding };
  let latest: ({ kind: "ends"; date: string } & DecidingPeriod) | undefined;
  let noStart: { months: number; undated: { kind: "undated"; reason: "no-start"; event: string } & DecidingPeriod } | undefined;
  for (const { deciding, counted: term } of counted) {
    if (!term || "kept" in term) return { kind: "undated", reason: "unreadable", ...deciding };
    const start = term.after === undefined ? batch.to : batch.counted_from;
    // Undated, by the longest of the periods csr cannot date: the customer's 停产后15年 over the form's 产品寿命期+1年 (tester62 N15).
    if (start === undefined) {
      if (!noStart || term.months > noStart.months) noStart = { months: term.months, undated: { kind: "undated", reason: "no-start", event: term.after!, ...deciding } };
      continue;
    }
    const date = retentionEnds(start, term);
    // The customer's period decides only when it ends later: one as long as the form's is the form's.
    if (!latest || date > latest.date) latest = { kind: "ends", date, ...deciding };
  }
  return noStart?.undated ?? latest!;
}

/**
 * A retention count (record.retention_term, RetentionRule) as csr's messages give it, in the run's language:
 * 3年, 2年6个月, 员工离职后3年 / 3 years, 2 years 6 months, 3 years after 员工离职. For csr import's report and csr set.
 */
export function retentionRuleText(rule: RetentionRule): string {
  const period = [rule.years ? t("record.retention.years", { count: rule.years }) : "", rule.months ? t("record.retention.months", { count: rule.months }) : ""].filter(Boolean).join(t("record.retention.term-separator"));
  return rule.after ? t("record.retention.term-after", { period, after: rule.after }) : period;
}
