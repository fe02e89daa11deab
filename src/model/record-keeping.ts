/**
 * A form's record keeping (记录保存: 保存期限, 存放地点; IATF 16949 7.5.3.2.1, GJB 9001C 7.5.3) as an
 * English register or print shows it (tester19 F7, auditor16 F13): the form's own English text
 * (record.retention_en, record.location_en) when it has one; else a retention period written in one of
 * the usual Chinese forms (3年, 6个月, 产品寿命期, 产品寿命期+1年, 长期, 永久) in English words, and a
 * storage location that is a department's name (or code) as that department's English name; else the
 * text as written, and `untranslated` says so, for the register's note. In Chinese: as written.
 */
import { addMonths } from "../core/dates.js";
import { translate, type Lang } from "../i18n/index.js";
import type { ControlledDocument, Department } from "./types.js";

/** A retention period read from its usual Chinese spellings, for the English words of it. */
export type RetentionTerm =
  | { kind: "years" | "months"; count: number }
  | { kind: "product-life"; plusYears?: number }
  | { kind: "long-term" | "permanent" };

const PRODUCT_LIFE = "(?:产品(?:寿命|生命|使用)(?:周)?期|产品寿命)";
const NUMBER = "(\\d{1,3})";

/**
 * The retention period `text` names when it is one whole term: `3年`, `3 年`, `6个月`, `产品寿命期`
 * (寿命周期, 生命周期, 使用期), `产品寿命期+1年` (＋ and 加 too), `长期`, `永久`; undefined for anything
 * else (`员工离职后3年`, a note in brackets), which has no English but its own.
 */
export function retentionTerm(text: string): RetentionTerm | undefined {
  const value = text.trim().replace(/\s+/g, "");
  let match = new RegExp(`^${NUMBER}年$`).exec(value);
  if (match) return { kind: "years", count: Number(match[1]) };
  match = new RegExp(`^${NUMBER}个?月$`).exec(value);
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
