/**
 * `csr symbol add`: a row of the special-characteristic symbol conversion table (特殊特性符号对照表,
 * symbols.yaml; IATF 16949 8.2.3.1.2 / 8.3.3.3: the customer's symbols, or the organisation's
 * equivalent ones defined in a conversion table) without hand-edited YAML — the customer's symbol and
 * class as the customer prints them, what they mean, and our symbol and class; the meaning and our class
 * in English too (--meaning-en, --class-en), which the English table prints.
 *
 * Without --customer (and without the customer's symbol and class) it adds one of the organisation's own marks instead
 * (symbols.yaml `own`, 本单位特性符号: a GJB supplier's 关键特性 G and 重要特性 Z of GJB 190, which belong to no customer and need
 * no customer's approval): --symbol, --class and optionally --meaning, in English too.
 *
 * Errors (UserError, one line): an unknown customer; an own mark the table has already; a symbol of the customer that a row in use
 * converts already (a retired row, 停用, does not count) (symbol/conflict: one customer symbol converts to one internal symbol); an empty
 * value.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { Document, isMap, isSeq, type YAMLMap } from "yaml";
import { UserError } from "../../core/errors.js";
import { t } from "../../i18n/index.js";
import type { OwnSymbol, SymbolConversion } from "../../model/types.js";
import type { Prompts } from "../add/prompting.js";
import type { CommandContext } from "../context.js";
import { editFile, need, optionalAnswer, saveChanges, withEditSession, type EditSession } from "../shared/edit.js";
import { appendIn, yamlText, type FileChange } from "../shared/persist.js";
import { unknownCustomer } from "../../model/customers.js";

export interface SymbolAddFlags {
  customer?: string;
  customerSymbol?: string;
  customerClass?: string;
  meaning?: string;
  /** The meaning in English (meaning_en), printed by the English table. */
  meaningEn?: string;
  symbol?: string;
  class?: string;
  /** Our class in English (class_en: 关键 → Critical), printed by the English table. */
  classEn?: string;
  yes?: boolean;
  commit?: boolean;
}

const SYMBOLS = "symbols.yaml";

/** The keys of a row in the order csr symbol add writes them (each text's English after it); what a row records later follows them. */
export const ROW_KEYS = ["customer", "customer_symbol", "customer_class", "meaning", "meaning_en", "symbol", "class", "class_en"] as const satisfies readonly (keyof SymbolConversion)[];

export async function symbolAddCommand(ctx: CommandContext, flags: SymbolAddFlags): Promise<number> {
  return addSymbol(ctx, flags);
}

/** `prompts` given: ask for whatever the flags left open, whatever the terminal (tests drive this). */
export async function addSymbol(ctx: CommandContext, flags: SymbolAddFlags, prompts?: Prompts): Promise<number> {
  return withEditSession(ctx, flags.yes, prompts, async (session) => {
    const { ask } = session;
    // No customer, nor anything of a customer's: one of the organisation's own marks (a terminal user chooses it first).
    const noCustomer = flags.customer === undefined && flags.customerSymbol === undefined && flags.customerClass === undefined;
    const chosen = noCustomer && ask && flags.symbol === undefined ? await ask.select({ message: t("symbol.prompt.customer"), choices: [{ value: OWN, name: t("symbol.own.choice") }, ...session.repo.customers.map((c) => ({ value: c.value.code, name: `${c.value.code}  ${c.value.name}` }))] }) : undefined;
    if (noCustomer && (chosen === OWN || chosen === undefined)) return addOwn(ctx, session, flags);
    const codes = session.repo.customers.map((c) => c.value.code);
    const givenCustomer =
      flags.customer ?? chosen ?? (await need(ask, "--customer", t("symbol.needs.customer"), (p) => p.select({ message: t("symbol.prompt.customer"), choices: session.repo.customers.map((c) => ({ value: c.value.code, name: `${c.value.code}  ${c.value.name}` })) })));
    const customer = codes.find((c) => c === givenCustomer) ?? codes.find((c) => c.toLowerCase() === givenCustomer.trim().toLowerCase());
    if (!customer) throw unknownCustomer(session.repo.customers.map((c) => c.value), givenCustomer);
    const text = async (given: string | undefined, flag: string, key: "customer-symbol" | "customer-class" | "symbol" | "class", validate?: (v: string) => string | undefined) => {
      const value = (given ?? (await need(ask, flag, t(`symbol.needs.${key}`), (p) => p.input({ message: t(`symbol.prompt.${key}`), required: true, validate: (v) => (validate ? (validate(v.trim()) ?? true) : true) })))).trim();
      if (value === "") throw new UserError(t("symbol.empty", { flag }));
      return value;
    };
    const converted = (symbol: string) => {
      const row = session.repo.symbols.find((s) => s.value.customer === customer && s.value.customer_symbol === symbol && !s.value.retired)?.value;
      return row ? t("symbol.exists", { customer, symbol, internal: row.symbol, class: row.class }) : undefined;
    };
    const customerSymbol = await text(flags.customerSymbol, "--customer-symbol", "customer-symbol", converted);
    const refused = converted(customerSymbol);
    if (refused) throw new UserError(refused, t("symbol.exists.hint", { customer, symbol: customerSymbol }));
    const customerClass = await text(flags.customerClass, "--customer-class", "customer-class");
    const meaning = (flags.meaning ?? (ask ? optionalAnswer(await ask.input({ message: t("symbol.prompt.meaning") })) : undefined))?.trim() || undefined;
    const symbol = await text(flags.symbol, "--symbol", "symbol");
    const cls = await text(flags.class, "--class", "class");
    const meaningEn = flags.meaningEn?.trim();
    const classEn = flags.classEn?.trim();
    // In the order of ROW_KEYS.
    const row: SymbolConversion = {
      customer,
      customer_symbol: customerSymbol,
      customer_class: customerClass,
      ...(meaning ? { meaning } : {}),
      ...(meaningEn ? { meaning_en: meaningEn } : {}),
      symbol,
      class: cls,
      ...(classEn ? { class_en: classEn } : {}),
    };
    const lines = [t("symbol.added", { customer, customerSymbol, customerClass, symbol, class: cls, path: SYMBOLS })];
    // Our symbol standing for another class elsewhere in the table would print two meanings on one drawing.
    const other = session.repo.symbols.find((s) => !s.value.retired && s.value.symbol === symbol && s.value.class !== cls)?.value;
    if (other) lines.push(t("symbol.other-class", { symbol, class: cls, otherClass: other.class, customer: other.customer, customerSymbol: other.customer_symbol }));
    await saveChanges(ctx, session, [addToSymbols(session, row)], lines, { commit: flags.commit, message: t("symbol.commit", { customer, customerSymbol, symbol }) });
    return 0;
  });
}

/** The select's value for "the organisation's own mark" (no customer code can be empty). */
const OWN = "";

/** csr symbol add without a customer: one of the organisation's own marks (symbols.yaml `own`), in the order added. */
async function addOwn(ctx: CommandContext, session: EditSession, flags: SymbolAddFlags): Promise<number> {
  const { ask } = session;
  const text = async (given: string | undefined, flag: string, key: "symbol" | "class") => {
    const value = (given ?? (await need(ask, flag, t(`symbol.needs.${key}`), (p) => p.input({ message: t(`symbol.prompt.${key}`), required: true })))).trim();
    if (value === "") throw new UserError(t("symbol.empty", { flag }));
    return value;
  };
  const symbol = await text(flags.symbol, "--symbol", "symbol");
  const known = session.repo.ownSymbols.find((s) => s.value.symbol === symbol)?.value;
  if (known) throw new UserError(t("symbol.own.exists", { symbol, class: known.class }));
  const cls = await text(flags.class, "--class", "class");
  const meaning = (flags.meaning ?? (ask ? optionalAnswer(await ask.input({ message: t("symbol.prompt.meaning") })) : undefined))?.trim() || undefined;
  const meaningEn = flags.meaningEn?.trim();
  const classEn = flags.classEn?.trim();
  const row: OwnSymbol = { symbol, class: cls, ...(classEn ? { class_en: classEn } : {}), ...(meaning ? { meaning } : {}), ...(meaningEn ? { meaning_en: meaningEn } : {}) };
  const lines = [t(meaning ? "symbol.own.added.meaning" : "symbol.own.added", { symbol, class: cls, meaning: meaning ?? "", path: SYMBOLS })];
  // A customer's conversion to the same mark for another class would print two meanings on one drawing.
  const other = session.repo.symbols.find((s) => !s.value.retired && s.value.symbol === symbol && s.value.class !== cls)?.value;
  if (other) lines.push(t("symbol.other-class", { symbol, class: cls, otherClass: other.class, customer: other.customer, customerSymbol: other.customer_symbol }));
  const put = (doc: Document) => appendIn(doc, ["own"], doc.createNode(row));
  const change: FileChange = existsSync(join(session.root, SYMBOLS))
    ? editFile(session.root, SYMBOLS, "symbols", put)
    : (() => {
        const doc = new Document({ own: [] });
        put(doc);
        return { path: SYMBOLS, kind: "symbols" as const, text: yamlText(doc), create: true };
      })();
  await saveChanges(ctx, session, [change], lines, { commit: flags.commit, message: t("symbol.own.commit", { symbol, class: cls }) });
  return 0;
}

/** The row at the end of the customer's rows in symbols.yaml (else at the end; the file is created when absent). */
function addToSymbols(session: EditSession, row: SymbolConversion): FileChange {
  const put = (doc: Document) => putSymbolRow(doc, row);
  if (existsSync(join(session.root, SYMBOLS))) return editFile(session.root, SYMBOLS, "symbols", put);
  const doc = new Document({ symbols: [] });
  put(doc);
  return { path: SYMBOLS, kind: "symbols", text: yamlText(doc), create: true };
}

/** Puts `row` into the symbols.yaml document `doc`, after the last row of its customer (else at the end): the table stays grouped by customer. */
export function putSymbolRow(doc: Document, row: SymbolConversion): void {
  const node = doc.createNode(row) as YAMLMap;
  const rows = doc.get("symbols", true);
  const last = isSeq(rows) ? rows.items.map((item) => (isMap(item) ? item.get("customer") : undefined)).lastIndexOf(row.customer) : -1;
  if (isSeq(rows) && last >= 0) rows.items.splice(last + 1, 0, node);
  else appendIn(doc, ["symbols"], node);
}
