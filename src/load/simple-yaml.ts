/**
 * A reader of the plain YAML most repository files are written in, several times faster than
 * js-yaml: block mappings with plain keys, block sequences, one-line plain and quoted scalars and
 * one-line flow sequences of them. It gives exactly what js-yaml gives with YAML_CORE_SCHEMA (and
 * so what `yaml` gives: test/check/parser-differential.test.ts), or NOT_SIMPLE for a text that uses
 * anything else, which the loader then reads as before (src/load/source.ts parseFast). It refuses
 * rather than decides: a comment, a tab, a CR, a block scalar (`|`, `>`), a flow mapping, a
 * multi-line scalar, a quoted or non-ASCII key, a key that reads as null or a boolean, an escape in
 * a double-quoted scalar, a tag, anchor or alias mark in a plain scalar, a character js-yaml
 * refuses as non-printable (or any surrogate), and any structure it does not know.
 */
import { resolvePlainScalar } from "./core-schema.js";

/** What parseSimple returns for a text it leaves to the full parsers. */
export const NOT_SIMPLE = Symbol("not simple");

/** Below js-yaml's maxDepth (src/load/source.ts FAST_MAX_DEPTH): deeper texts are left to it. */
const MAX_DEPTH = 40;
/** Far below YAML's limit of 1,024 characters for an implicit key. */
const MAX_KEY_LENGTH = 256;

/**
 * Keys that js-yaml would not read as the same text (null, booleans), that the loader refuses
 * anyway (see isPlainTextKey in source.ts), or that reach Object.prototype.
 */
const REFUSED_KEYS = new Set(["null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE", "NaN", "Infinity", "__proto__", "constructor", "prototype"]);

let text = "";
/** Where the current line's content starts (its first character that is not a space), text.length at the end. */
let at = 0;
/** The column of `at`; -1 at the end of the text. */
let column = -1;
/** The end of the current line: its '\n' or text.length. */
let end = 0;
/** Makes each string of the data as the loader keeps it (compactString in source.ts). */
let keep: (value: string) => string = (value) => value;

/**
 * The data of `source`, or NOT_SIMPLE. `compact` is applied to every string value, and a mapping
 * of more than `maxKeys` keys is made again from its entries, as source.ts does to js-yaml's data.
 */
export function parseSimple(source: string, compact: (value: string) => string, maxKeys: number): unknown {
  text = source;
  keep = compact;
  mappingKeys = maxKeys;
  try {
    nextLine(0);
    if (column !== 0 || isSequenceItem()) return NOT_SIMPLE;
    const data = mapping(0, 1);
    return (column as number) === -1 ? data : NOT_SIMPLE;
  } catch (error) {
    if (error === NOT_SIMPLE) return NOT_SIMPLE;
    throw error;
  } finally {
    text = "";
  }
}

let mappingKeys = 16;

/** Moves to the next line at or after `from` that is not blank. */
function nextLine(from: number): void {
  const n = text.length;
  while (from < n) {
    let i = from;
    while (text.charCodeAt(i) === 32) i++;
    let e = text.indexOf("\n", i);
    if (e < 0) e = n;
    if (i < e) {
      at = i;
      column = i - from;
      end = e;
      return;
    }
    from = e + 1;
  }
  at = n;
  column = -1;
  end = n;
}

function isSequenceItem(): boolean {
  return text.charCodeAt(at) === 45 && (at + 1 === end || text.charCodeAt(at + 1) === 32); // '-'
}

/** A letter or an underscore. */
function isKeyStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

/** A letter, a digit, '_', '-', '.' or '/'. */
function isKeyPart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 45 && c <= 57) || c === 95; // 45-57: - . / 0-9
}

/** The end of a plain key at `from` (its ':'), or -1 when no key followed by ': ' or ':' and the line's end starts there. */
function keyEnd(from: number): number {
  if (!isKeyStart(text.charCodeAt(from))) return -1;
  let i = from + 1;
  while (i < end && isKeyPart(text.charCodeAt(i))) i++;
  if (i >= end || text.charCodeAt(i) !== 58) return -1; // ':'
  if (i + 1 < end && text.charCodeAt(i + 1) !== 32) return -1;
  return i;
}

/**
 * A block mapping whose keys stand at `indent`, the first at `at`. Ends at the first line indented
 * less; leaves the cursor there.
 */
function mapping(indent: number, depth: number): Record<string, unknown> {
  if (depth > MAX_DEPTH) throw NOT_SIMPLE;
  const record: Record<string, unknown> = {};
  let keys = 0;
  for (;;) {
    const colon = keyEnd(at);
    if (colon < 0 || colon - at > MAX_KEY_LENGTH) throw NOT_SIMPLE;
    const key = text.slice(at, colon);
    if (REFUSED_KEYS.has(key) || Object.hasOwn(record, key)) throw NOT_SIMPLE;
    let i = colon + 1;
    while (i < end && text.charCodeAt(i) === 32) i++;
    record[key] = i === end ? nested(indent, depth, true) : inline(i, depth);
    keys++;
    if (column !== indent) break;
  }
  if (column > indent) throw NOT_SIMPLE;
  return keys > mappingKeys ? Object.fromEntries(Object.entries(record)) : record;
}

/** A block sequence whose dashes stand at `indent`, the first at `at`. */
function sequence(indent: number, depth: number): unknown[] {
  if (depth > MAX_DEPTH) throw NOT_SIMPLE;
  const list: unknown[] = [];
  for (;;) {
    let i = at + 1;
    while (i < end && text.charCodeAt(i) === 32) i++;
    if (i === end) list.push(nested(indent, depth, false));
    else if (keyEnd(i) >= 0) {
      // A mapping begun on the dash's line: its keys stand at the column of the first.
      const keysAt = column + (i - at);
      at = i;
      column = keysAt;
      list.push(mapping(keysAt, depth + 1));
    } else list.push(inline(i, depth));
    if (column !== indent || !isSequenceItem()) break;
  }
  if (column > indent) throw NOT_SIMPLE;
  return list;
}

/**
 * The value after a key or a dash with nothing after it on its line: a block below (or, after a key,
 * a sequence at the key's own indentation), or null.
 */
function nested(indent: number, depth: number, afterKey: boolean): unknown {
  nextLine(end + 1);
  if (column > indent) return isSequenceItem() ? sequence(column, depth + 1) : mapping(column, depth + 1);
  if (afterKey && column === indent && isSequenceItem()) return sequence(column, depth + 1);
  return null;
}

/** The value from `from` to the end of the line (a scalar or a flow sequence); moves to the next line, which must not be indented more than the value's key or dash. */
function inline(from: number, depth: number): unknown {
  let last = end;
  while (text.charCodeAt(last - 1) === 32) last--;
  const c = text.charCodeAt(from);
  let value: unknown;
  if (c === 34 || c === 39) {
    const close = quoteEnd(from, last);
    if (close !== last - 1) throw NOT_SIMPLE;
    value = quoted(from, close);
  } else if (c === 91) value = flowSequence(from, last, depth + 1);
  else value = plain(from, last, false);
  const indent = column;
  nextLine(end + 1);
  if (column > indent) throw NOT_SIMPLE;
  return value;
}

/**
 * A character js-yaml refuses as non-printable (or a surrogate, which it refuses alone), a line
 * separator, NEL or a byte-order mark: texts with any of them are left to the full parsers.
 */
function isOdd(c: number): boolean {
  return c < 32 || (c >= 0x7f && (c <= 0x9f || c === 0x2028 || c === 0x2029 || (c >= 0xd800 && c <= 0xdfff) || c === 0xfeff || c >= 0xfffe));
}

/** The index of the quote that closes the quoted scalar at `from`, on the same line, before `last`. */
function quoteEnd(from: number, last: number): number {
  const quote = text.charCodeAt(from);
  for (let i = from + 1; i < last; i++) {
    const c = text.charCodeAt(i);
    if (c === quote) {
      if (quote === 39 && text.charCodeAt(i + 1) === 39 && i + 1 < last) {
        i++;
        continue;
      }
      return i;
    }
    if (c === 92 || isOdd(c)) throw NOT_SIMPLE; // '\\'
  }
  throw NOT_SIMPLE;
}

function quoted(from: number, close: number): string {
  const value = text.slice(from + 1, close);
  return keep(text.charCodeAt(from) === 39 && value.includes("''") ? value.replaceAll("''", "'") : value);
}

/**
 * A plain scalar from `from` to `last` (its trailing spaces cut), resolved as the core schema does.
 * In a flow sequence it may hold no ',' '[' ']' '{' '}'.
 */
function plain(from: number, last: number, inFlow: boolean): unknown {
  const first = text.charCodeAt(from);
  // Indicators that cannot start a plain scalar, and '-' '?' ':' where they would start a structure.
  switch (first) {
    case 45: // -
    case 63: // ?
    case 58: {
      // :
      const next = text.charCodeAt(from + 1);
      if (from + 1 >= last || next === 32 || (inFlow && (next === 44 || next === 93))) throw NOT_SIMPLE;
      break;
    }
    case 44: // ,
    case 91: // [
    case 93: // ]
    case 123: // {
    case 125: // }
    case 35: // #
    case 38: // &
    case 42: // *
    case 33: // !
    case 124: // |
    case 62: // >
    case 39: // '
    case 34: // "
    case 37: // %
    case 64: // @
    case 96: // `
      throw NOT_SIMPLE;
  }
  for (let i = from; i < last; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x7f) {
      if (c < 32 || c === 35 || c === 33 || c === 38 || c === 42 || c === 63) throw NOT_SIMPLE; // controls, # ! & * ?
      if (c === 58) {
        // ':' ends a plain scalar where a space or (in a flow sequence) a flow indicator follows it.
        const next = i + 1 === last ? 32 : text.charCodeAt(i + 1);
        if (next === 32 || (inFlow && (next === 44 || next === 91 || next === 93 || next === 123 || next === 125))) throw NOT_SIMPLE;
      }
      if (inFlow && (c === 44 || c === 91 || c === 93 || c === 123 || c === 125)) throw NOT_SIMPLE;
    } else if (isOdd(c)) throw NOT_SIMPLE;
  }
  const value = text.slice(from, last);
  const resolved = resolvePlainScalar(value);
  return typeof resolved === "string" ? keep(resolved) : resolved;
}

/** `[a, "b", 'c']` on one line, from `from` to `last` (its ']'), of scalars only. */
function flowSequence(from: number, last: number, depth: number): unknown[] {
  if (depth > MAX_DEPTH || text.charCodeAt(last - 1) !== 93) throw NOT_SIMPLE; // ']'
  const close = last - 1;
  const list: unknown[] = [];
  let i = from + 1;
  while (text.charCodeAt(i) === 32) i++;
  if (i === close) return list;
  for (;;) {
    const c = text.charCodeAt(i);
    let next: number;
    if (c === 34 || c === 39) {
      const quote = quoteEnd(i, close);
      list.push(quoted(i, quote));
      next = quote + 1;
    } else {
      next = i;
      while (next < close && text.charCodeAt(next) !== 44) next++;
      let itemEnd = next;
      while (text.charCodeAt(itemEnd - 1) === 32) itemEnd--;
      if (itemEnd <= i) throw NOT_SIMPLE;
      list.push(plain(i, itemEnd, true));
    }
    while (text.charCodeAt(next) === 32) next++;
    if (next === close) return list;
    if (text.charCodeAt(next) !== 44) throw NOT_SIMPLE; // ','
    i = next + 1;
    while (text.charCodeAt(i) === 32) i++;
    if (i >= close) throw NOT_SIMPLE; // a trailing comma or an empty item
  }
}
