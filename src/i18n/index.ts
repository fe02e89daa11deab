/**
 * What csr says, in the reader's language. Every sentence lives in a catalog per language
 * (locales/zh-CN.json, locales/en.json: flat keys, i18next's JSON format), so a translator edits data,
 * not code. `t(key, data)` fills `{{name}}` placeholders and picks a plural form by `count`
 * (`key_one` / `key_other`, chosen by CLDR rules through Intl.PluralRules; Chinese has only `_other`).
 *
 * The language is chosen once per process (src/i18n/resolve.ts) and only the catalog of that language
 * is read, synchronously and on first use, so a command that prints nothing reads none; from the
 * build, only the parts of it that the run prints from (catalogPart).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { LOCALES_DIR, PRECOMPILED_DIR } from "../load/package.js";
import { madeFrom } from "../load/shipped-sources.js";
import type en from "../../locales/en.json";
import { currentWording, inWording, type Wording } from "./terms.js";

export const LANGS = ["zh-CN", "en"] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = "zh-CN";

type CatalogKey = keyof typeof en;
/** A message key as code uses it: plural keys without their `_one` / `_other` suffix. */
export type MessageKey = CatalogKey extends infer K ? (K extends `${infer Base}_${"one" | "other"}` ? Base : K) : never;
/** Placeholder values; `count` also selects the plural form. */
export type MessageData = Record<string, string | number>;

type Catalog = Record<string, string>;

let current: Lang = DEFAULT_LANG;
const catalogs = new Map<string, Catalog>();

export function setLanguage(lang: Lang): void {
  current = lang;
}

export function language(): Lang {
  return current;
}

export function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}

/** The catalog file of a language, parsed once, in the wording of the repository's standards (terms.ts). */
export function catalog(lang: Lang): Catalog {
  const wording = currentWording();
  const key = `${lang}:${wording}`;
  let entries = catalogs.get(key);
  if (!entries) {
    entries = JSON.parse(readFileSync(catalogUrl(lang), "utf8")) as Catalog;
    if (wording !== "iatf") for (const [k, v] of Object.entries(entries)) entries[k] = inWording(v, lang, wording);
    catalogs.set(key, entries);
  }
  return entries;
}

export function catalogUrl(lang: Lang): string {
  return join(LOCALES_DIR, `${lang}.json`);
}

/**
 * Written by `npm run build` (src/load/precompile.ts): each catalog cut by the first part of its
 * keys, `locales/<lang>/<part>.json` (`check`, `help`, `rule` …), and `locales/<lang>.sources`, the
 * catalog they were cut from. A clean check prints one line: it reads two parts of 85 (about 40 KB)
 * instead of decoding and parsing the whole catalog (390 KB of UTF-8).
 */
export const PRECOMPILED_LOCALES = join(PRECOMPILED_DIR, "locales");

/** Per language, whether the build's parts were cut from the catalog as it is (compared as bytes). */
const partsUsable = new Map<Lang, boolean>();
const parts = new Map<string, Catalog>();

/**
 * The entries of `lang` that hold `key` and its plural forms: the build's part of the catalog for
 * the key's first part, in the wording of the repository's standards; the whole catalog when it is
 * read already, or when the build's parts are missing or were cut from another catalog.
 */
function catalogPart(lang: Lang, key: string): Catalog {
  const wording = currentWording();
  const whole = catalogs.get(`${lang}:${wording}`);
  if (whole) return whole;
  let usable = partsUsable.get(lang);
  if (usable === undefined) partsUsable.set(lang, (usable = madeFrom(join(PRECOMPILED_LOCALES, `${lang}.sources`), readFileSync(catalogUrl(lang)))));
  if (!usable) return catalog(lang);
  const part = key.slice(0, key.indexOf("."));
  const id = `${lang}:${wording}:${part}`;
  let entries = parts.get(id);
  if (!entries) {
    try {
      entries = JSON.parse(readFileSync(join(PRECOMPILED_LOCALES, lang, `${part}.json`), "utf8")) as Catalog;
    } catch {
      // No key of the catalog begins so: the key itself is printed, as from the whole catalog.
      entries = {};
    }
    if (wording !== "iatf") for (const [k, v] of Object.entries(entries)) entries[k] = inWording(v, lang, wording);
    parts.set(id, entries);
  }
  return entries;
}

/**
 * catalogPart of each key, kept per language and wording: a site build translates a few hundred
 * thousand times, and finding the part made two strings and three lookups each time (about 1.4 µs
 * a call, a tenth of that found by the key).
 */
const partsOfKeys = new Map<string, Map<string, Catalog>>();
let lastKeys: { lang: Lang; wording: Wording; parts: Map<string, Catalog> } | undefined;

function entriesOf(lang: Lang, key: string): Catalog {
  const wording = currentWording();
  if (lastKeys?.lang !== lang || lastKeys.wording !== wording) {
    const id = `${lang}:${wording}`;
    let known = partsOfKeys.get(id);
    if (!known) partsOfKeys.set(id, (known = new Map()));
    lastKeys = { lang, wording, parts: known };
  }
  let entries = lastKeys.parts.get(key);
  if (!entries) lastKeys.parts.set(key, (entries = catalogPart(lang, key)));
  return entries;
}

/** A catalog's entries by the first part of their keys, as the build writes them (PRECOMPILED_LOCALES). */
export function catalogParts(lang: Lang): Map<string, Catalog> {
  const result = new Map<string, Catalog>();
  for (const [key, value] of Object.entries(JSON.parse(readFileSync(catalogUrl(lang), "utf8")) as Catalog)) {
    const part = key.slice(0, key.indexOf("."));
    let entries = result.get(part);
    if (!entries) result.set(part, (entries = {}));
    entries[key] = value;
  }
  return result;
}

/** The message in the current language. */
export function t(key: MessageKey, data?: MessageData): string {
  return translate(current, key, data);
}

/**
 * The message in a given language. A key missing from the catalog is a bug that the catalog test
 * catches; at run time the key itself is printed rather than nothing.
 */
export function translate(lang: Lang, key: MessageKey, data?: MessageData): string {
  const entries = entriesOf(lang, key);
  const count = data?.count;
  const template = (typeof count === "number" ? entries[`${key}_${pluralRules(lang).select(count)}`] : undefined) ?? entries[key] ?? key;
  if (!data) return template;
  return template.replace(/( ?)\{\{\s*(\w+)\s*\}\}( ?)/g, (whole, before: string, name: string, after: string) => {
    if (!(name in data)) return whole;
    const value = String(data[name]);
    // Chinese sets no space next to full-width punctuation: a value that ends in one (an id with its
    // note "（含 …）") or starts with one (《title》) goes without the space the message puts between
    // a value and Chinese text.
    if (lang !== "zh-CN") return before + value + after;
    return (FULL_WIDTH_OPEN.test(value) ? "" : before) + value + (FULL_WIDTH_CLOSE.test(value) ? "" : after);
  });
}

const FULL_WIDTH_OPEN = /^[（「『【〔《]/;
const FULL_WIDTH_CLOSE = /[）」』】〕》，。；：、]$/;

const rules = new Map<Lang, Intl.PluralRules>();
function pluralRules(lang: Lang): Intl.PluralRules {
  let r = rules.get(lang);
  if (!r) rules.set(lang, (r = new Intl.PluralRules(lang)));
  return r;
}

/** Sentences as the language writes them one after the other: with a space in English, without in Chinese. Empty parts are left out. */
export function sentences(...parts: (string | undefined | false)[]): string {
  return parts.filter((p): p is string => !!p).join(t("common.sentence-separator"));
}

/** A list as the language writes it inline: "A, B" / "A、B". */
export function list(items: readonly string[]): string {
  return items.join(t("common.list-separator"));
}

/**
 * At most `max` items, then "等" / ", ...": a one-line message stays one line. In `lang`, else the
 * language of the run.
 */
export function shortList(items: readonly string[], lang?: Lang, max = 3): string {
  const say = (key: "common.list-separator" | "output.and-more") => (lang ? translate(lang, key) : t(key));
  return items.slice(0, max).join(say("common.list-separator")) + (items.length > max ? say("output.and-more") : "");
}

/** "A and B", "A, B and C" / "A、B 和 C": items of which all hold. */
export function conjunction(items: readonly string[]): string {
  return current === "zh-CN" ? chineseList(items, "和") : new Intl.ListFormat(current, { type: "conjunction" }).format(items);
}

/** "A or B" / "B/1 或 C/0": alternatives. */
export function disjunction(items: readonly string[]): string {
  return current === "zh-CN" ? chineseList(items, "或") : new Intl.ListFormat(current, { type: "disjunction" }).format(items);
}

/**
 * "A、B和C" as Intl writes Chinese, but with a space between the word and a neighbouring Latin
 * letter, digit or sign, as Chinese text sets them apart ("B/1 或 C/0", not "B/1或C/0").
 */
function chineseList(items: readonly string[], word: string): string {
  if (items.length < 2) return items[0] ?? "";
  const head = items.slice(0, -1).join("、");
  const tail = items.at(-1)!;
  const gap = (c: string | undefined) => (c !== undefined && /[\x21-\x7e]/.test(c) ? " " : "");
  return `${head}${gap(head.at(-1))}${word}${gap(tail[0])}${tail}`;
}
