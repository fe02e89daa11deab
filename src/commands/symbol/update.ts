/**
 * `csr symbol update <customer> <customer-symbol>`: changes a row of the special-characteristic
 * symbol conversion table (symbols.yaml; IATF 16949 8.2.3.1.2 / 8.3.3.3), e.g. when the customer's
 * new revision gives a symbol another meaning: the customer's class and meaning, our symbol and
 * class. The change is recorded on the row (`changes`: when, by whom, why, the values before), and
 * an approval of the old conversion moves to `earlier_approvals`: the customer approved other
 * content, so the row is 未认可 until `csr symbol approve` records a new approval. --meaning-en and
 * --class-en write the English of the meaning and our class: given alone, they translate the row and
 * change nothing the customer approved (no change recorded, the approval stays).
 *
 * Errors (UserError, one line): an unknown customer or customer symbol; a retired row; no value to
 * change; an empty value; an unknown --by; an invalid --date or one after today.
 */
import { isMap, isScalar, isSeq, Pair, Scalar, type Document, type YAMLMap } from "yaml";
import { UserError } from "../../core/errors.js";
import { didYouMean } from "../../core/text.js";
import { language, list, t } from "../../i18n/index.js";
import type { Located } from "../../load/repository.js";
import { approvalState, conversionText, conversionValues, sameConversion } from "../../model/symbols.js";
import type { SymbolApproval, SymbolChange, SymbolConversion } from "../../model/types.js";
import { approvalText } from "../../report/registers/symbols.js";
import { documentsMarking } from "../../model/symbol-documents.js";
import type { CommandContext } from "../context.js";
import type { Prompts } from "../add/prompting.js";
import { eventDateOption } from "../options.js";
import { editFile, need, optionalAnswer, personChoices, personOption, saveChanges, withEditSession, type EditSession } from "../shared/edit.js";
import { ROW_KEYS } from "./add.js";

export interface SymbolUpdateFlags {
  customerClass?: string;
  meaning?: string;
  /** The meaning in English (meaning_en); an empty text removes it. */
  meaningEn?: string;
  symbol?: string;
  class?: string;
  /** Our class in English (class_en); an empty text removes it. */
  classEn?: string;
  by?: string;
  date?: string;
  reason?: string;
  yes?: boolean;
  commit?: boolean;
}

const FIELDS = ["customer_class", "meaning", "symbol", "class"] as const;
/** The English of a field of FIELDS, its option and the field it translates. */
const ENGLISH = [
  { field: "meaning_en", flag: "--meaning-en", of: "meaning" },
  { field: "class_en", flag: "--class-en", of: "class" },
] as const;

export async function symbolUpdateCommand(ctx: CommandContext, customer: string, customerSymbol: string, flags: SymbolUpdateFlags): Promise<number> {
  return updateSymbol(ctx, customer, customerSymbol, flags);
}

/** `prompts` given: ask for whatever the flags left open, whatever the terminal (tests drive this). */
export async function updateSymbol(ctx: CommandContext, customerGiven: string, customerSymbol: string, flags: SymbolUpdateFlags, prompts?: Prompts): Promise<number> {
  return withEditSession(ctx, flags.yes, prompts, async (session) => {
    const { ask } = session;
    const found = symbolRow(session, customerGiven, customerSymbol);
    const row = found.value;
    const { customer } = row;
    if (row.retired) throw new UserError(t("symbol.update.retired", { customer, symbol: row.customer_symbol, date: row.retired.date }), t("symbol.update.retired.hint", { customer, symbol: row.customer_symbol }));
    const given = { customer_class: flags.customerClass, meaning: flags.meaning, symbol: flags.symbol, class: flags.class };
    const anyGiven = FIELDS.some((f) => given[f] !== undefined);
    const english = { meaning_en: flags.meaningEn, class_en: flags.classEn };
    const englishGiven = ENGLISH.some(({ field }) => english[field] !== undefined);
    if (!anyGiven && !englishGiven && !ask) throw new UserError(t("symbol.update.nothing"), t("symbol.update.nothing.hint", { customer, symbol: row.customer_symbol }));
    const value = async (field: (typeof FIELDS)[number], key: string): Promise<string | undefined> => {
      const flag = given[field];
      // With no value flag, each value is asked with the row's own as the default; with some, the others stay.
      const answer = flag ?? (anyGiven || englishGiven || !ask ? undefined : await ask.input({ message: t(`symbol.prompt.${key}` as "symbol.prompt.symbol"), default: row[field] ?? "" }));
      if (answer === undefined) return row[field];
      const trimmed = answer.trim();
      if (trimmed === "" && field !== "meaning") throw new UserError(t("symbol.empty", { flag: `--${key}` }));
      return field === "meaning" ? optionalAnswer(trimmed) : trimmed;
    };
    const next: SymbolConversion = { ...row };
    next.customer_class = (await value("customer_class", "customer-class"))!;
    const meaning = await value("meaning", "meaning");
    if (meaning === undefined) delete next.meaning;
    else next.meaning = meaning;
    next.symbol = (await value("symbol", "symbol"))!;
    next.class = (await value("class", "class"))!;
    // The English given is written (an empty text removes it); the English of a text changed without its own option
    // translated the old text and is removed, as csr set removes a title's (set.stale-english).
    const englishLines: string[] = [];
    for (const { field, flag, of } of ENGLISH) {
      const text = english[field]?.trim();
      if (text !== undefined) {
        if (text === "") delete next[field];
        else next[field] = text;
      } else if (row[field] !== undefined && (row[of] ?? "") !== (next[of] ?? "")) {
        delete next[field];
        englishLines.push(t("symbol.update.stale-english", { field, before: row[field]!, flag }));
      }
    }
    const before = conversionValues(row);
    const after = conversionValues(next);
    if (sameConversion(before, after)) {
      if (ENGLISH.every(({ field }) => (row[field] ?? "") === (next[field] ?? ""))) {
        ctx.stdout(t("symbol.update.unchanged", { customer, symbol: row.customer_symbol, conversion: conversionText(before) }) + "\n");
        return 0;
      }
      // Only the English: a translation of the row, which the customer approved as it stands; no change recorded, no approval lapses.
      const edit = editFile(session.root, "symbols.yaml", "symbols", (doc) => {
        const item = rowNode(doc, found);
        for (const { field } of ENGLISH) setInMapOrder(item, field, next[field]);
      });
      const fields = ENGLISH.map(({ field }) => (next[field] === undefined ? (row[field] === undefined ? "" : t("symbol.update.english.removed", { field })) : `${field}: ${next[field]}`)).filter(Boolean);
      const done = t("symbol.update.english", { customer, symbol: row.customer_symbol, fields: fields.join(t("common.list-separator")) });
      await saveChanges(ctx, session, [edit], [done], { commit: flags.commit, message: t("symbol.update.english.commit", { customer, symbol: row.customer_symbol }) });
      return 0;
    }
    const date = eventDateOption(flags.date, "--date");
    const by = personOption(session, flags.by ?? (await need(ask, "--by", t("symbol.update.needs.by"), (p) => p.select({ message: t("symbol.update.prompt.by"), choices: personChoices(session, undefined, { on: date, organisation: true }) }))), "--by", date).id;
    const reason = (flags.reason ?? (ask ? optionalAnswer(await ask.input({ message: t("symbol.update.prompt.reason") })) : undefined))?.trim() || undefined;
    const was: SymbolChange["was"] = {};
    for (const field of [...FIELDS, ...ENGLISH.map((e) => e.field)]) if ((row[field] ?? "") !== (next[field] ?? "")) was[field] = row[field] ?? "";
    const change: SymbolChange = { date, by, ...(reason ? { reason } : {}), was };
    // The approval was of the old conversion: it goes to the row's history with the values approved.
    const voided: SymbolApproval | undefined = row.approved && approvalState(row) !== "stale" ? { ...row.approved, conversion: row.approved.conversion ?? before } : row.approved;
    const edit = editFile(session.root, "symbols.yaml", "symbols", (doc) => {
      const item = rowNode(doc, found);
      for (const field of [...FIELDS, ...ENGLISH.map((e) => e.field)]) setInMapOrder(item, field, next[field]);
      if (voided) {
        item.delete("approved");
        appendTo(doc, item, "earlier_approvals", voided);
      }
      appendTo(doc, item, "changes", change);
    });
    const lines = [t("symbol.update.done", { customer, symbol: row.customer_symbol, before: conversionText(before), after: conversionText(after) }), ...englishLines];
    if (voided) lines.push(t("symbol.update.voided", { approval: approvalText(language(), voided), customer, symbol: row.customer_symbol }));
    const other = session.repo.symbols.find((s) => s !== found && !s.value.retired && s.value.symbol === next.symbol && s.value.class !== next.class)?.value;
    if (other) lines.push(t("symbol.other-class", { symbol: next.symbol, class: next.class, otherClass: other.class, customer: other.customer, customerSymbol: other.customer_symbol }));
    lines.push(...stillMarked(session, found, row.symbol, next.symbol));
    await saveChanges(ctx, session, [edit], lines, { commit: flags.commit, message: t("symbol.update.commit", { customer, symbol: row.customer_symbol, after: conversionText(after) }) });
    return 0;
  });
}

/**
 * When our symbol of the row changes and no other row of the customer in use has the old one: the
 * released documents of the customer still marking with it (model/symbol-documents.ts), each with where,
 * to revise with the table (tester61 L7). No lines when there are none.
 */
function stillMarked(session: EditSession, found: Located<SymbolConversion>, old: string, symbol: string): string[] {
  if (old === symbol) return [];
  const rows = session.repo.symbols.filter((s) => s !== found && !s.value.retired).map((s) => s.value);
  const customer = found.value.customer;
  if (rows.some((r) => r.customer === customer && r.symbol === old)) return [];
  const usedBy = new Set(rows.filter((r) => r.symbol === old).map((r) => r.customer));
  const marking = documentsMarking(session.repo, customer, old, usedBy);
  if (marking.length === 0) return [];
  return [
    t("symbol.update.still-marked", { count: marking.length, customer, old, symbol }),
    ...marking.map(({ document, places }) =>
      t("symbol.update.still-marked.document", { id: document.id, title: document.title, places: places.map((p) => t("symbol.update.still-marked.place", { section: p.section, title: p.title, line: p.line })).join(t("common.list-separator")) }),
    ),
  ];
}

/**
 * The row of the table for the customer (by code, any case) and its symbol; a customer symbol
 * retired and added again has two rows: the one in use. Errors name the customers or symbols there are.
 */
export function symbolRow(session: EditSession, customerGiven: string, customerSymbol: string): Located<SymbolConversion> {
  const codes = session.repo.customers.map((c) => c.value.code);
  const customer = codes.find((c) => c === customerGiven) ?? codes.find((c) => c.toLowerCase() === customerGiven.trim().toLowerCase());
  if (!customer) throw new UserError(t("symbol.unknown-customer", { code: customerGiven, known: list(codes) || t("symbol.none") }) + didYouMean(customerGiven, codes));
  const rows = session.repo.symbols.filter((s) => s.value.customer === customer);
  const symbol = customerSymbol.trim();
  const matching = rows.filter((s) => s.value.customer_symbol === symbol);
  const row = matching.find((s) => !s.value.retired) ?? matching.at(-1);
  if (!row) throw new UserError(t("symbol.unknown-symbol", { customer, symbol, known: list(rows.map((s) => s.value.customer_symbol)) || t("symbol.none") }));
  return row;
}

/**
 * Sets `key` of the row `item` to `value` (removes it when undefined): in place when the row has it, else after
 * the keys that come before it in ROW_KEYS, so that an updated row reads as csr symbol add writes one.
 */
function setInMapOrder(item: YAMLMap, key: (typeof ROW_KEYS)[number], value: string | undefined): void {
  if (value === undefined) {
    item.delete(key);
    return;
  }
  if (item.has(key)) {
    item.set(key, value);
    return;
  }
  const keys = item.items.map((pair) => (isScalar(pair.key) ? String(pair.key.value) : ""));
  const after = Math.max(-1, ...ROW_KEYS.slice(0, ROW_KEYS.indexOf(key)).map((k) => keys.indexOf(k)));
  item.items.splice(after + 1, 0, new Pair(new Scalar(key), new Scalar(value)));
}

/** The YAML map of a located row. */
export function rowNode(doc: Document, row: Located<SymbolConversion>): YAMLMap {
  const items = doc.get("symbols", true);
  const item = isSeq(items) ? items.items[row.path[1] as number] : undefined;
  if (!isMap(item)) throw new Error(`symbols.yaml: no row at ${row.path.join(".")}`);
  return item;
}

/** Appends `value` to the list `key` of `item`, starting the list when absent. */
export function appendTo(doc: Document, item: YAMLMap, key: string, value: unknown): void {
  const list = item.get(key, true);
  if (isSeq(list)) list.items.push(doc.createNode(value));
  else item.set(key, doc.createNode([value]));
}
