/** Small text helpers shared by messages and tables. */
import { list, t } from "../i18n/index.js";

/** `text` as a regular expression that matches it literally: each character with a meaning there (. * + ? ^ $ { } ( ) | [ ] \\) escaped. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * The edit distance of `a` and `b`, or a number of at least `limit` when the distance is at least
 * that: no row of the table holds less than the row before, so the count stops at a row whose
 * every number has reached the limit (a hint compares an unknown id with every id of the repository).
 */
export function levenshtein(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  // Two rows, reused.
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let smallest = i;
    const c = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const distance = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (c === b.charCodeAt(j - 1) ? 0 : 1));
      cur[j] = distance;
      if (distance < smallest) smallest = distance;
    }
    if (smallest >= limit) return smallest;
    const done = prev;
    prev = cur;
    cur = done;
  }
  return prev[b.length]!;
}

/**
 * The edit distance from `word` (at most 32 UTF-16 units) to any other text, as levenshtein gives
 * it: Myers' bit-parallel algorithm (Hyyrö's form for whole texts), one step per character of the
 * other text with the word's table made once, for a hint that compares a word with every id of the
 * repository (a row of levenshtein's table per character of the word cost the first such hint of a
 * check of 10,000 entities some 20 ms).
 */
function distancesFrom(word: string): (other: string) => number {
  // Where each character of the word is, as bits: ASCII in an array, others in a map.
  const ascii = new Int32Array(128);
  const others = new Map<number, number>();
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code < 128) ascii[code]! |= 1 << i;
    else others.set(code, (others.get(code) ?? 0) | (1 << i));
  }
  const last = 1 << (word.length - 1);
  return (other) => {
    if (word.length === 0) return other.length;
    let pv = -1;
    let mv = 0;
    let score = word.length;
    for (let j = 0; j < other.length; j++) {
      const code = other.charCodeAt(j);
      const eq = code < 128 ? ascii[code]! : (others.get(code) ?? 0);
      const xv = eq | mv;
      const xh = (((eq & pv) + pv) ^ pv) | eq;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      if (ph & last) score++;
      else if (mh & last) score--;
      ph = (ph << 1) | 1;
      mh <<= 1;
      pv = mh | ~(xv | ph);
      mv = ph & xv;
    }
    return score;
  };
}

/**
 * A document number or id as a reader means it: lower case, without the family prefix before the last
 * "/" (CS/QP-003 → qp-003) and without leading zeros in a run of digits (BD-009 → bd-9).
 */
function numberAsMeant(id: string): string {
  return id
    .toLowerCase()
    .slice(id.lastIndexOf("/") + 1)
    .replace(/\d+/g, (digits) => String(Number(digits)));
}

/**
 * Whether numberAsMeant(id) is `meant`, without making it: a hint asks it of every id of the
 * repository, nearly none of which is. An id that is not all ASCII, or has a run of more than 15
 * digits (which Number may round), is left to numberAsMeant.
 */
function isNumberAsMeant(id: string, meant: string): boolean {
  for (let i = 0; i < id.length; i++) if (id.charCodeAt(i) > 0x7f) return numberAsMeant(id) === meant;
  let at = 0;
  for (let i = id.lastIndexOf("/") + 1; i < id.length; ) {
    const code = id.charCodeAt(i);
    if (code >= 48 && code <= 57) {
      let start = i;
      while (i < id.length && id.charCodeAt(i) >= 48 && id.charCodeAt(i) <= 57) i++;
      while (start < i - 1 && id.charCodeAt(start) === 48) start++;
      if (i - start > 15) return numberAsMeant(id) === meant;
      for (let k = start; k < i; k++) if (meant.charCodeAt(at++) !== id.charCodeAt(k)) return false;
      continue;
    }
    if (meant.charCodeAt(at++) !== (code >= 65 && code <= 90 ? code + 32 : code)) return false;
    i++;
  }
  return at === meant.length;
}

/**
 * The candidate a "did you mean" hint names for `word`, or undefined: first the one candidate that is
 * the same number written with or without its family prefix or leading zeros (QP-001 → CS/QP-001,
 * BD-9 → BD-009; when several are, none of them), else the nearest within a third of the word's
 * length (edit distance, the first of equals).
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const all = [...candidates];
  const meant = numberAsMeant(word);
  const same = /\d/.test(meant) ? all.filter((c) => isNumberAsMeant(c, meant)) : [];
  if (same.length === 1) return same[0];
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.floor(word.length / 3)) + 1;
  const lower = word.toLowerCase();
  const distance = lower.length <= 32 ? distancesFrom(lower) : (other: string) => levenshtein(lower, other, bestDistance);
  for (const c of all) {
    const other = c.toLowerCase();
    // The distance is at least the difference in length: a candidate that much longer or shorter cannot be closer.
    if (Math.abs(other.length - lower.length) >= bestDistance) continue;
    const d = distance(other);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/**
 * Characters a reader cannot see in a message: format characters (U+200B zero-width space, U+FEFF,
 * U+2060 …), controls and the no-break space. Pasted from Word or web pages, they make two equal-looking
 * values differ.
 */
const INVISIBLE = /[\p{Cf}\p{Cc}\u00A0]/gu;

/** The text with every invisible character written as `<U+200B>`, for messages. */
export function showInvisible(text: string): string {
  return text.replace(INVISIBLE, (ch) => `<U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}>`);
}

/**
 * A text as `csr list --grep` compares it (the CSR list, the corrective action register): NFKC (full-width letters and
 * digits as ASCII, ８Ｄ as 8D), white space at either end dropped, letter case ignored.
 */
export function foldedForSearch(text: string): string {
  return text.normalize("NFKC").trim().toLowerCase();
}

/** Spaces of every kind (also U+3000) and invisible characters removed: how ids, names and codes are compared. */
export function compactText(text: string): string {
  return text.replace(INVISIBLE, "").replace(/[\s\u3000]/g, "");
}

/** " Did you mean 'x'?" in the language of the run, to append to a sentence; empty when nothing is close. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const c = closest(word, candidates);
  return c ? t("common.sentence-separator") + t("common.did-you-mean", { candidate: c }) : "";
}

/** Display width in a terminal: East Asian wide and fullwidth characters take two columns. */
export function displayWidth(s: string): number {
  return widestLine(s, false);
}

/**
 * The display width of the widest line of `s` (lines end at "\n"; a "\r" takes no room), or with
 * `all` of the whole text as one line. By code points, as `for … of` would pair them: a
 * workbook of 10,000 entities measures 400,000 cells, and iterating a string makes a string per character.
 */
export function widestLine(s: string, lines = true): number {
  let widest = 0;
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    // codePointAt pairs a surrogate pair (a lone surrogate is its own code point) without making a string.
    const cp = s.codePointAt(i)!;
    if (cp > 0xffff) i++;
    if (cp === 0x0a && lines) {
      if (w > widest) widest = w;
      w = 0;
      continue;
    }
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || (cp >= 0x300 && cp <= 0x36f) || cp === 0x200b) continue;
    w += isWide(cp) ? 2 : 1;
  }
  return w > widest ? w : widest;
}

/** Whether a code point is printed two columns wide (East Asian wide and full-width). */
export function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

/**
 * A value as one line of a commit message or a one-line report: line breaks, tabs and other
 * control characters (C0, DEL, C1, the Unicode line and paragraph separators) become spaces, so
 * that a value cannot add a line (a forged "Signed-off-by:" trailer) or steer a terminal.
 */
export function oneLine(value: string): string {
  return value.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ").replace(/ {2,}/g, " ").trim();
}

export function padEnd(s: string, width: number): string {
  return s + " ".repeat(Math.max(0, width - displayWidth(s)));
}

/** A name or title in the output language: the English one where it is given, else the Chinese original. */
export function localized(lang: string, zh: string, en: string | undefined): string {
  return lang === "en" && en ? en : zh;
}

/** Letters from other scripts that look like Latin letters or digits, and invisible characters, by name. */
const LOOKALIKE_NAMES: Record<number, string> = {
  0x00a0: "NO-BREAK SPACE",
  0x00ad: "SOFT HYPHEN",
  0x200b: "ZERO WIDTH SPACE",
  0x200c: "ZERO WIDTH NON-JOINER",
  0x200d: "ZERO WIDTH JOINER",
  0x2060: "WORD JOINER",
  0xfeff: "ZERO WIDTH NO-BREAK SPACE",
  0x2010: "HYPHEN",
  0x2011: "NON-BREAKING HYPHEN",
  0x2012: "FIGURE DASH",
  0x2013: "EN DASH",
  0x2212: "MINUS SIGN",
};
const CYRILLIC = "АВЕЅІЈКМНОРСТХУаеіјорсуһԁԛԝх";
const GREEK = "ΑΒΕΖΗΙΚΜΝΟΡΤΥΧοι";
const CYRILLIC_NAMES: Record<string, string> = {
  А: "A", В: "VE", Е: "IE", Ѕ: "DZE", І: "BYELORUSSIAN-UKRAINIAN I", Ј: "JE", К: "KA", М: "EM", Н: "EN", О: "O", Р: "ER", С: "ES", Т: "TE", Х: "HA", У: "U",
};
const GREEK_NAMES: Record<string, string> = { Α: "ALPHA", Β: "BETA", Ε: "EPSILON", Ζ: "ZETA", Η: "ETA", Ι: "IOTA", Κ: "KAPPA", Μ: "MU", Ν: "NU", Ο: "OMICRON", Ρ: "RHO", Τ: "TAU", Υ: "UPSILON", Χ: "CHI" };

const hex = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;

/** The Unicode name of a look-alike or invisible character, as far as csr knows it. */
function lookalikeName(ch: string): string | undefined {
  const cp = ch.codePointAt(0)!;
  if (LOOKALIKE_NAMES[cp]) return LOOKALIKE_NAMES[cp];
  if (cp >= 0xff10 && cp <= 0xff19) return `FULLWIDTH DIGIT ${["ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE"][cp - 0xff10]}`;
  if (cp >= 0xff21 && cp <= 0xff3a) return `FULLWIDTH LATIN CAPITAL LETTER ${String.fromCharCode(cp - 0xff21 + 65)}`;
  if (cp >= 0xff41 && cp <= 0xff5a) return `FULLWIDTH LATIN SMALL LETTER ${String.fromCharCode(cp - 0xff41 + 65)}`;
  if (cp === 0xff0d) return "FULLWIDTH HYPHEN-MINUS";
  if (CYRILLIC.includes(ch)) {
    const upper = ch.toUpperCase();
    const name = CYRILLIC_NAMES[upper] ?? (ch === "һ" ? "SHHA" : ch === "ԁ" ? "KOMI DE" : ch === "ԛ" ? "QA" : ch === "ԝ" ? "WE" : "LETTER");
    return `CYRILLIC ${ch === upper ? "CAPITAL" : "SMALL"} LETTER ${name}`;
  }
  if (GREEK.includes(ch)) {
    const upper = ch.toUpperCase();
    return `GREEK ${ch === upper ? "CAPITAL" : "SMALL"} LETTER ${GREEK_NAMES[upper] ?? "LETTER"}`;
  }
  return undefined;
}

/**
 * An identifier quoted for a message, with a note naming each invisible or look-alike character
 * in it, so that the user sees why two equal-looking ids differ:
 * `'QP-014<U+200B>' (contains U+200B ZERO WIDTH SPACE)`, `'QP-0С1' (contains U+0421 CYRILLIC CAPITAL LETTER ES)`.
 */
export function quotedId(id: string): string {
  const found: string[] = [];
  let shown = "";
  for (const ch of id) {
    const name = lookalikeName(ch);
    const cp = ch.codePointAt(0)!;
    const invisible = name !== undefined && (cp === 0xa0 || cp === 0xad || (cp >= 0x200b && cp <= 0x200d) || cp === 0x2060 || cp === 0xfeff);
    shown += invisible ? `<${hex(cp)}>` : ch;
    if (name && !found.includes(`${hex(cp)} ${name}`)) found.push(`${hex(cp)} ${name}`);
  }
  return `'${visible(shown)}'${found.length > 0 ? t("common.contains-characters", { names: list(found) }) : ""}`;
}

/**
 * Text for a terminal: control characters (ESC, BEL, the other C0 and C1 controls, DEL) and
 * characters that reorder or hide text (bidirectional overrides, zero-width spaces) are shown
 * escaped, e.g. `\x1b`, `<U+202E>`, so that a value cannot move the cursor, clear the screen or
 * disguise itself. Line breaks and tabs are kept.
 */
export function visible(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]|[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, (ch) => {
    const cp = ch.codePointAt(0)!;
    return cp < 0x100 ? `\\x${cp.toString(16).padStart(2, "0")}` : `<${hex(cp)}>`;
  });
}

/** The characters that change the order of the text around them (UAX #9 2.1 to 2.6): ALM, LRM, RLM, LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI. */
const BIDI_FORMATTING = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/**
 * A value made unable to reorder the text around it where it is shown among others (a title beside a
 * version and a section in one line of a page): a text with bidirectional formatting characters in
 * it (BIDI_FORMATTING) is put in a first-strong isolate (FSI … PDI, UAX #9 X5c, X6a), with the
 * embeddings, overrides and isolates it leaves open closed at its end. A right-to-left override left
 * open in a document's title otherwise turned `QP-012 标题（A/2） 5.4 返工和返修` that follows it into
 * `修返和工返 4.5 （2/A）` (tester50a #1). A PDI with no isolate of the value's own open is left out: it
 * would end the value's isolate, and shown alone it changes nothing (X6a). Any other text comes back
 * as it is. Where a terminal shows such characters, `visible` names them instead.
 */
export function isolateBidi(s: string): string {
  if (!BIDI_FORMATTING.test(s)) return s;
  // What closes each embedding, override or isolate still open, the innermost last.
  const open: string[] = [];
  let text = "";
  for (const ch of s) {
    if (ch === "\u202a" || ch === "\u202b" || ch === "\u202d" || ch === "\u202e") open.push("\u202c");
    else if (ch === "\u2066" || ch === "\u2067" || ch === "\u2068") open.push("\u2069");
    // A PDF closes an embedding or override opened since the last isolate, else it does nothing (X7).
    else if (ch === "\u202c" && open.at(-1) === "\u202c") open.pop();
    else if (ch === "\u2069") {
      const at = open.lastIndexOf("\u2069");
      if (at === -1) continue;
      open.length = at;
    }
    text += ch;
  }
  return `\u2068${text}${open.reverse().join("")}\u2069`;
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text made safe for HTML and XML, in element content and in quoted attributes; isolated when it could reorder what surrounds it (isolateBidi). */
export function escapeHtml(s: string): string {
  return isolateBidi(s.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]!));
}

/** The first sentence of a message: up to "。" or a "." that ends a sentence (not the dots of `calendar.years[0]`). */
export function firstSentence(message: string): string {
  return /^(?:[^.。]|\.(?=\S))*/.exec(message)![0];
}

/**
 * An argument as a command a message suggests writes it, so that the command can be pasted into a
 * shell: as it is; in double quotes when it has a space (an external document's number, GB/T
 * 19001-2016) or another character the shell reads (a revision 第2版(2024), as an import folds its
 * full-width brackets); in single quotes when double quotes would not keep it (" $ ` \ !).
 */
export function shellArgument(value: string): string {
  if (!/[\s'"`$\\!&|;<>()*?[\]{}#~]/.test(value)) return value;
  return /["`$\\!]/.test(value) ? `'${value.replace(/'/g, `'\\''`)}'` : `"${value}"`;
}

/** A number as a reader of Chinese or English business records writes it: 35,500; 3,500.50 (two decimals when it has a fraction, as fen). */
export function groupedNumber(value: number): string {
  return value.toLocaleString("en-US", { minimumFractionDigits: Number.isInteger(value) ? 0 : 2, maximumFractionDigits: 2 });
}
