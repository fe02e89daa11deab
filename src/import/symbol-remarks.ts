/**
 * The 备注 and 顾客认可 of a symbol conversion table's row read back (io59), as `csr list symbols`
 * prints them (report/registers/symbols.ts approvedCell, remarks), in Chinese or English: the
 * approval's source document (认可依据 DYA-SC/C), the earlier approvals with the conversion each
 * approved (原认可 …：▽ CC → ★ 关键), and an approval the row no longer has (未认可: the last earlier one,
 * printed there, is the row's approval of another conversion), a retirement and each change with the
 * name of who made it (retired.by, changes[].by; the plan looks the name up in people.yaml). A table printed
 * before csr named them (停用 and 修改 without a name) gives a retirement or change without a person: said, not kept.
 */
import { LANGS, translate, type Lang } from "../i18n/index.js";
import { compactText } from "../core/text.js";
import { approvalOf } from "../report/registers/symbols.js";
import type { SymbolApproval } from "../model/types.js";
import { templatePattern } from "./csr-records.js";

/** What a 备注 part says that symbols.yaml cannot hold from the table, for the row's report. */
export type SymbolRemarkNote =
  | { kind: "retired"; part: string; date: string; reason: string; by?: string }
  | { kind: "changed"; part: string; date?: string; by?: string; was?: string; reason?: string }
  | { kind: "unread"; part: string };

interface Patterns {
  separator: string;
  retired: RegExp;
  retiredBy: RegExp;
  source: RegExp;
  changed: RegExp;
  changedBy: RegExp;
  earlier: RegExp;
  /** What the table prints before and after a change's reason, which follows the conversion: （ and ）. */
  reason: [string, string];
  stale: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

let cache: Patterns[] | undefined;
function patterns(): Patterns[] {
  cache ??= LANGS.map((lang: Lang) => ({
    separator: translate(lang, "register.symbols.remark.separator").trim(),
    retired: templatePattern(lang, "register.symbols.remark.retired", ["date", "reason"]),
    retiredBy: templatePattern(lang, "register.symbols.remark.retired-by", ["date", "by", "reason"]),
    source: templatePattern(lang, "register.symbols.remark.source", ["source"]),
    changed: templatePattern(lang, "register.symbols.remark.changed", ["date", "was", "reason"], true, ["reason"]),
    changedBy: templatePattern(lang, "register.symbols.remark.changed-by", ["date", "by", "was", "reason"], true, ["reason"]),
    earlier: templatePattern(lang, "register.symbols.remark.earlier", ["approval", "conversion"], true, ["conversion"]),
    reason: translate(lang, "register.symbols.remark.reason", { reason: "\u0000" }).split("\u0000") as [string, string],
    stale: compactText(translate(lang, "register.symbols.approved.stale").normalize("NFKC")),
  }));
  return cache;
}

/** Whether a 顾客认可 cell is csr's 未认可 (the row changed after its approval). */
export function staleApprovalCell(text: string): boolean {
  const key = compactText(text.normalize("NFKC"));
  return patterns().some((p) => p.stale === key);
}

/** "▽ CC → ★ 关键" (model/symbols.ts conversionText) as the values it names; the customer's symbol is the row's. */
export function conversionOf(text: string, customerSymbol: string): SymbolApproval["conversion"] | undefined {
  const [left, right] = text.split(/\s*→\s*/);
  if (left === undefined || right === undefined || !left.startsWith(`${customerSymbol} `)) return undefined;
  const customerClass = left.slice(customerSymbol.length).trim();
  const [symbol, ...ours] = right.trim().split(/\s+/);
  const ourClass = ours.join(" ");
  return customerClass && symbol && ourClass ? { customer_symbol: customerSymbol, customer_class: customerClass, symbol, class: ourClass } : undefined;
}

/** "S 安全特性 → ★ 关键（BCM-SQR V3.0）" as the conversion before a change and the change's reason, if it gives one. */
function splitReason(text: string, [open, close]: [string, string]): { was: string; reason?: string } {
  const at = text.lastIndexOf(open);
  if (!text.endsWith(close) || at < 0) return { was: text.trim() };
  return { was: text.slice(0, at).trim(), reason: text.slice(at + open.length, text.length - close.length).trim() };
}

/**
 * The 备注 cell of a row whose customer symbol is `customerSymbol`: the approval's source, the earlier
 * approvals oldest first (each with the conversion it approved, less the meaning, which the table does
 * not print), and notes on what is not kept.
 */
export function symbolRemarks(cell: string, customerSymbol: string): { source?: string; earlier: SymbolApproval[]; notes: SymbolRemarkNote[] } {
  const result: { source?: string; earlier: SymbolApproval[]; notes: SymbolRemarkNote[] } = { earlier: [], notes: [] };
  const separators = [...new Set(patterns().map((p) => p.separator))];
  const parts = separators.reduce((texts, sep) => texts.flatMap((x) => x.split(sep)), [cell]).map((p) => p.trim()).filter(Boolean);
  for (const part of parts) {
    const read = patterns().some((p) => {
      // The forms that name who did it first: the older ones would read the name as part of the date.
      const retiredBy = p.retiredBy.exec(part)?.groups;
      if (retiredBy && DATE.test(retiredBy.date!)) return result.notes.push({ kind: "retired", part, date: retiredBy.date!, by: retiredBy.by!.trim(), reason: retiredBy.reason! }) > 0;
      const changedBy = p.changedBy.exec(part)?.groups;
      if (changedBy && DATE.test(changedBy.date!)) {
        const { was, reason } = splitReason(changedBy.was! + changedBy.reason!, p.reason);
        return result.notes.push({ kind: "changed", part, date: changedBy.date!, by: changedBy.by!.trim(), was, ...(reason ? { reason } : {}) }) > 0;
      }
      const retired = p.retired.exec(part)?.groups;
      if (retired) return result.notes.push({ kind: "retired", part, date: retired.date!, reason: retired.reason! }) > 0;
      const source = p.source.exec(part)?.groups;
      if (source) return (result.source = source.source!.trim()) !== undefined;
      if (p.changed.test(part)) return result.notes.push({ kind: "changed", part }) > 0;
      const earlier = p.earlier.exec(part)?.groups;
      const approval = earlier ? approvalOf(earlier.approval!) : undefined;
      const conversion = earlier ? conversionOf(earlier.conversion!, customerSymbol) : undefined;
      if (approval && (conversion || !earlier!.conversion!.trim())) return result.earlier.push({ ...approval, ...(conversion ? { conversion } : {}) }) > 0;
      return false;
    });
    if (!read) result.notes.push({ kind: "unread", part });
  }
  return result;
}
