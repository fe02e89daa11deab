/**
 * Reading one YAML file of a repository as untrusted input: size, encoding, merge conflicts,
 * syntax, duplicate keys, alias bombs and prototype keys all become findings, never exceptions.
 */
import { load as loadFast } from "js-yaml";
import type { Document, LineCounter, Node, Pair, YAMLMap } from "yaml";
import { inDateRange, isIsoDate } from "../core/dates.js";
import { t } from "../i18n/index.js";
import type { Path } from "../model/types.js";
import { YAML_CORE_SCHEMA } from "./core-schema.js";
import { byteProblem, documentProblems, shellWord, isNestingError, MAX_FILE_BYTES, readRegularFile, textProblem, tooDeep } from "./guards.js";
import { commentCutProblems, DUPLICATE_KEY, isFirstValueFoundation } from "./silent.js";
import { slipAt, syntaxDetail, syntaxErrorOffset } from "./yaml-errors.js";
import { yaml } from "./yaml.js";
/** Large enough for real files that reuse anchors, small enough to stop a "billion laughs" at once. */
export const MAX_ALIAS_COUNT = 10_000;
const UNSAFE_KEYS = new Set(["__proto__", "constructor", "prototype"]);

export type FileKind = "qms" | "people" | "processes" | "symbols" | "customer" | "csr" | "document" | "standard" | "action" | "supplier" | "tooling" | "first-article" | "objective" | "register-edition" | "management-review";

/** A problem found while reading a file, before any rule runs. */
export interface LoadProblem {
  rule: string;
  message: string;
  line: number;
  column: number;
}

export interface SourceFile {
  /** Repository-relative, '/' separated. */
  path: string;
  kind: FileKind;
  text: string;
  doc?: Document.Parsed;
  lineCounter: LineCounter;
  /** The plain data, when the file parsed cleanly. */
  data?: unknown;
  problems: LoadProblem[];
  /** Set when `problems` already holds the schema problems (a file restored from the check cache). */
  validated?: boolean;
  /**
   * True when the loader looked at every string value of `data` as it read it (js-yaml's path)
   * and none is a date outside DATE_RANGE: date/out-of-range need not walk the file again.
   */
  datesInRange?: boolean;
}

/** `listedAsFile`: the directory listing showed a regular file (see readRegularFile). */
export function readSource(absPath: string, path: string, kind: FileKind, listedAsFile = false): SourceFile {
  const bytes = readRegularFile(absPath, (scratch ??= Buffer.allocUnsafe(MAX_FILE_BYTES)), listedAsFile);
  return Buffer.isBuffer(bytes) ? sourceFromBytes(bytes, path, kind, "fast", absPath) : unreadSource(path, kind, bytes);
}

/** The bytes of the file readSource reads: sourceFromBytes keeps none of them (it decodes them). */
let scratch: Buffer | undefined;

/**
 * The text of a file read again from disk. A file read with js-yaml keeps its data, not its text:
 * the text is needed only to place a finding, and only in a few files (as for a file answered
 * from the check cache, a file edited in between is placed in its new text).
 */
function rereadText(absPath: string): string {
  const bytes = readRegularFile(absPath);
  const decoded = Buffer.isBuffer(bytes) ? decodeUtf8(bytes) : "";
  return typeof decoded === "string" ? decoded : "";
}

/** A file that was not read at all (too large, not a regular file): only its problem is known. */
export function unreadSource(path: string, kind: FileKind, problem: LoadProblem): SourceFile {
  const file = new ReadFile(path, kind);
  file.problems.push(problem);
  return file;
}

/**
 * A file about to be read with `yaml`; its line counter (and so `yaml`) is made on first use.
 * Files are classes, not object literals with getters: tens of thousands of them stay in memory
 * for a check, and a literal given accessors and then new properties becomes a hash table.
 */
class ReadFile implements SourceFile {
  text = "";
  doc: Document.Parsed | undefined = undefined;
  data: unknown = undefined;
  problems: LoadProblem[] = [];
  validated: boolean | undefined = undefined;
  #lineCounter: LineCounter | undefined = undefined;

  constructor(
    readonly path: string,
    readonly kind: FileKind,
  ) {}

  get lineCounter(): LineCounter {
    return (this.#lineCounter ??= new (yaml().LineCounter)());
  }
}

/**
 * Which parser reads the data: "fast" (js-yaml, falling back to `yaml` for anything it cannot
 * read exactly as `yaml` does) or "yaml" alone, which the differential test compares it with.
 */
export type Parser = "fast" | "yaml";

/** What readSource makes of a file's bytes (the check cache reads each file once and hashes it). */
export function sourceFromBytes(bytes: Buffer, path: string, kind: FileKind, parser: Parser = "fast", absPath?: string): SourceFile {
  const file = new ReadFile(path, kind);
  const problem = byteProblem(bytes, path);
  if (problem) {
    file.problems.push(problem);
    return file;
  }
  const decoded = decodeUtf8(bytes);
  if (typeof decoded !== "string") {
    file.problems.push({
      rule: "file/encoding",
      line: decoded.line,
      column: 1,
      message: t("load.not-utf8", { byte: decoded.byte.toString(16).toUpperCase(), line: decoded.line, path: shellWord(path) }),
    });
    return file;
  }
  return parseParsedText(file, decoded, parser, absPath);
}

/** Parses already-decoded text (used for files read from git as well as from disk). */
export function parseText(path: string, kind: FileKind, text: string, parser: Parser = "fast"): SourceFile {
  return parseParsedText(new ReadFile(path, kind), text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, parser);
}

/** `absPath`: where the text can be read again later (rereadText), so that a file read with js-yaml need not keep it. */
function parseParsedText(file: ReadFile, text: string, parser: Parser, absPath?: string): SourceFile {
  file.text = text;
  if (file.problems.length > 0) return file;
  // Most files have none of the marks the guards below look for, which one search tells (see RARE_MARKS).
  const marked = RARE_MARKS.test(text);
  const textual = marked ? textProblem(text) : undefined;
  if (textual) {
    file.problems.push(textual);
    return file;
  }
  const conflict = marked && hasConflictRun(text) ? /^(?:<{7}|={7}|>{7})(?: |\r?$)/m.exec(text) : null;
  if (conflict) {
    const line = lineOf(text, conflict.index);
    file.problems.push({
      rule: "file/merge-conflict",
      line,
      column: 1,
      message: t("load.merge-conflict", { marker: conflict[0].trim(), line }),
    });
    return file;
  }
  if (text.trim() === "" || /^(\s*#.*\n?)*\s*$/.test(text)) {
    file.problems.push({
      rule: "file/empty",
      line: 1,
      column: 1,
      message: t("load.empty"),
    });
    return file;
  }
  // A '#' glued to a word after a plain value may cut it short (yaml/comment-cuts-value); only the
  // full parser sees where values end, so such files take that path.
  if (parser === "fast" && !(marked && text.includes("#") && MAYBE_CUT_BY_COMMENT.test(text))) {
    sawDateOutOfRange = false;
    const data = parseFast(text, marked);
    if (data !== NOT_FAST) {
      const read = new LazyFile(file.path, file.kind, absPath === undefined ? text : undefined, data, [], true, absPath);
      read.datesInRange = !sawDateOutOfRange;
      return read;
    }
  }
  const doc = parseYaml(text, file.lineCounter);
  file.doc = doc;
  // A key written twice is the one error after which the file still says what it means: the first
  // value is read and the repeat left out, each repeat reported, and the guards, the data and the
  // checks go on (tester69 T7). With any other error the file is set aside.
  const repeats = doc.errors.length > 0 ? onlyRepeatedKeys(doc) : [];
  if (repeats.length > 0) {
    for (const { key, first } of repeats) {
      const [line, column] = linePos(file, key.range?.[0] ?? 0);
      file.problems.push({
        rule: DUPLICATE_KEY,
        line,
        column,
        message: t(isFirstValueFoundation(file.path) ? "load.duplicate-key.first-kept.foundation" : "load.duplicate-key.first-kept", { key: keyAt(text, key.range?.[0] ?? 0), line: linePos(file, first.range?.[0] ?? 0)[0] }),
      });
    }
  } else if (doc.errors.length > 0) {
    reportErrors(file, doc, text);
    return file;
  }
  const structural = documentProblems(doc, text, (offset) => linePos(file, offset));
  if (structural.length > 0) {
    file.problems.push(...structural);
    return file;
  }
  removeUnsafeKeys(doc, (key, offset) => {
    const [line, column] = linePos(file, offset);
    file.problems.push({
      rule: "yaml/unsafe-key",
      line,
      column,
      message: t("load.unsafe-key", { key }),
    });
  });
  leaveOut(repeats);
  try {
    file.data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    file.problems.push(...commentCutProblems(doc, text, (offset) => linePos(file, offset)));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    file.problems.push({
      rule: "yaml/alias-limit",
      line: 1,
      column: 1,
      message: /alias/i.test(message) ? t("load.alias-bomb", { detail: message }) : t("load.not-data", { detail: message }),
    });
  }
  return file;
}

/** Reports the parser's errors of a file that it cannot read: the first syntax error, and every key written twice. */
function reportErrors(file: ReadFile, doc: Document.Parsed, text: string): void {
  // One root cause, one finding: after its first syntax error the parser's further errors are mostly
  // echoes of it (a tab indentation gave one per line below, an unclosed quote inside a bracket is
  // an unclosed bracket too), so only the first is reported, or in its place the slip of the hand
  // that caused it (slipAt), named as what it is and where it is.
  const first = doc.errors.find((e) => e.code !== "DUPLICATE_KEY" && !isNestingError(e.message));
  const firstAt = first ? syntaxErrorOffset(doc, first) : 0;
  const slip = first ? slipAt(text, first, firstAt) : undefined;
  for (const error of doc.errors) {
    const duplicate = error.code === "DUPLICATE_KEY";
    if (!duplicate && error !== first && !isNestingError(error.message)) continue;
    const offset = error === first ? (slip?.offset ?? firstAt) : error.pos[0];
    const [line, column] = linePos(file, offset);
    if (isNestingError(error.message)) {
      // The errors after a stack overflow are its echoes.
      file.problems.push(tooDeep(line, column));
      break;
    }
    file.problems.push({
      rule: duplicate ? DUPLICATE_KEY : "yaml/syntax",
      line,
      column,
      message: duplicate
        ? t("load.duplicate-key", { key: keyAt(text, error.pos[0]) })
        : (slip?.message ?? t("load.syntax", { detail: syntaxDetail(error.code, firstLine(error.message)) })),
    });
  }
}

/** A key that repeats one before it in the same mapping, and that first key. */
interface RepeatedKey {
  map: YAMLMap;
  pair: Pair;
  key: Node;
  first: Node;
}

/**
 * The keys written twice when they are the document's only errors and can be left out: none of them
 * holds an anchor (an alias elsewhere may take its value); else none.
 */
function onlyRepeatedKeys(doc: Document.Parsed): RepeatedKey[] {
  if (!doc.errors.every((e) => e.code === "DUPLICATE_KEY")) return [];
  const repeats = repeatedKeys(doc);
  return repeats.some((r) => holdsAnchor(r.pair)) ? [] : repeats;
}

/** Whether the key or the value of `pair`, or a node inside them, has an anchor. */
function holdsAnchor(pair: Pair): boolean {
  const { isNode, visit } = yaml();
  let anchored = false;
  for (const node of [pair.key, pair.value]) {
    if (!isNode(node)) continue;
    visit(node, (_key, n) => {
      if (!isNode(n) || !n.anchor) return undefined;
      anchored = true;
      return visit.BREAK;
    });
  }
  return anchored;
}

/**
 * The keys of the document that repeat one before them in their mapping, in the order of the file:
 * those the parser reports as DUPLICATE_KEY, compared as it compares them (the same node, or scalars
 * of the same value).
 */
function repeatedKeys(doc: Document.Parsed): RepeatedKey[] {
  const { isScalar, visit } = yaml();
  const repeats: RepeatedKey[] = [];
  visit(doc, {
    Map(_, map) {
      const seen = new Map<unknown, Node>();
      for (const pair of map.items) {
        const key = pair.key as Node;
        const id = isScalar(key) ? key.value : key;
        const first = seen.get(id);
        if (first) repeats.push({ map, pair, key, first });
        // NaN is no duplicate of itself for the parser (===), though it is one Map key.
        else if (id === id) seen.set(id, key);
      }
    },
  });
  return repeats.sort((a, b) => (a.key.range?.[0] ?? 0) - (b.key.range?.[0] ?? 0));
}

/** Leaves the repeated keys out of their mappings: the document, and so the data and every position, keep the first value. */
function leaveOut(repeats: readonly RepeatedKey[]): void {
  for (const { map, pair } of repeats) {
    const at = map.items.indexOf(pair);
    if (at >= 0) map.items.splice(at, 1);
  }
}

const MAYBE_CUT_BY_COMMENT = /\S[ \t]+#\S/;

/**
 * Every character or run of characters that a guard of the loader or of parseFast looks for, but for
 * the closing brackets and the length of lines: a NUL or carriage return (textProblem), a conflict
 * marker's run (hasConflictRun), a `#` (MAYBE_CUT_BY_COMMENT, refusedByFastParser), a `!`, `%`, `?`,
 * `&`, `*`, or a document marker at a line's start (refusedByFastParser, parseFast). A text without
 * any of them, as most files are, is searched once instead of once for each (about fifteen searches
 * of every file: a tenth of the CPU of reading it).
 */
const RARE_MARKS = /[\0\r#!%?&*]|(?:^|\n)(?:---|\.\.\.)|<{7}|={7}|>{7}/;

/** What parseFast returns for a text it leaves to `yaml`. */
const NOT_FAST = Symbol("not fast");
/**
 * Below MAX_NESTING, so that anything near the limit is left to `yaml` and the guard that
 * reports it.
 */
const FAST_MAX_DEPTH = 50;

/**
 * The plain data of a YAML text by js-yaml 4 (YAML 1.2 core schema as `yaml` reads it, a few
 * times faster and with no position-carrying Document), or NOT_FAST when the text uses anything
 * where the two could differ or where a guard of `yaml`'s path must speak: any error (syntax,
 * duplicate key), a tag (only `yaml`'s path reports tags outside the core schema), a directive
 * (`%YAML 1.1` changes the schema), an explicit or collection key, nesting near the limit
 * (refusedByFastParser); an anchor (js-yaml 4 has no alias limit; js-yaml itself says whether it
 * met one); and, found while
 * compactStrings walks the keys, a merge key `<<` (js-yaml's core schema has no merge type), a key
 * that reaches Object.prototype, or one that is not plain text (a number, null or boolean: js-yaml
 * makes a key of it by String(), `yaml` by its own rules).
 */
function parseFast(text: string, marked = true): unknown {
  if (refusedByFastParser(text, marked)) return NOT_FAST;
  // js-yaml gives an alias the very value of its anchor, with no limit on how often: a text with an
  // anchor is `yaml`'s to read (MAX_ALIAS_COUNT). A `&` or `*` where a node may begin is mostly
  // Markdown in a text block (`- **职责**`, `* 列表`, `R & D`), which 29 of the 107 files of the
  // examples have: whether the text has an anchor is asked of js-yaml as it reads (an alias without
  // one is an error), before compactStrings walks the data.
  let read: { anchorMap: object } | undefined;
  const listener = marked && (text.includes("&") || text.includes("*")) && MAY_BEGIN_ANCHOR_OR_ALIAS.test(text) ? (_event: string, state: { anchorMap: object }) => void (read = state) : undefined;
  try {
    const data = loadFast(text, { schema: YAML_CORE_SCHEMA, maxDepth: FAST_MAX_DEPTH, onWarning: refuseWarning, ...(listener ? { listener } : {}) });
    if (read && hasOwnKey(read.anchorMap)) return NOT_FAST;
    return compactStrings(data);
  } catch {
    return NOT_FAST;
  }
}

/** A `&` or `*` where a YAML node may begin: an anchor or an alias, or text that looks like one. */
const MAY_BEGIN_ANCHOR_OR_ALIAS = /(?:^|[\s[{,:-])[&*]/m;

function hasOwnKey(map: object): boolean {
  for (const _ in map) return true;
  return false;
}

/**
 * js-yaml only warns where `yaml` reports an error: a line of a quoted value or flow collection
 * indented no more than its key ("deficient indentation"); and of a directive or a non-ASCII line
 * break. Either way the text is `yaml`'s to read.
 */
function refuseWarning(): never {
  throw NOT_FAST;
}

/**
 * The strings of a file's data as a check keeps them, for tens of thousands of files at once: a
 * short value is shared with an equal one read before (dates, department codes, statuses recur
 * in every file: a third of the strings a check held), and a longer one is copied out of the
 * file's text, which js-yaml cuts it from as a slice that keeps the whole text alive. A mapping
 * of more than FAST_OBJECT_KEYS keys is made again at once (see there).
 * Returns the value with its strings replaced (objects are changed in place, arrays copied: see there);
 * throws NOT_FAST at a key that parseFast leaves to `yaml`.
 */
function compactStrings(value: unknown): unknown {
  if (typeof value === "string") return compactString(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return value;
    // js-yaml pushes a sequence's items one by one, and V8 grows an array by half its length plus
    // 16: a sequence of two items kept 17 slots (about 190 bytes instead of 70). A copy has its length.
    const items = value.slice();
    for (let i = 0; i < items.length; i++) items[i] = compactStrings(items[i]);
    return items;
  } else if (typeof value === "object" && value !== null) {
    const record = value as Record<string, unknown>;
    let keys = 0;
    for (const key in record) {
      if (!isPlainTextKey(key)) throw NOT_FAST;
      record[key] = compactStrings(record[key]);
      keys++;
    }
    return compactMapping(record, keys);
  }
  return value;
}

/**
 * A string of a file's data as a check keeps it (see compactStrings). A date is short, so every one
 * passes through the table of shared strings: whether it lies outside DATE_RANGE is decided when it
 * enters the table, and noted in sawDateOutOfRange for the file.
 */
function compactString(value: string): string {
  const length = value.length;
  // A copy that is one flat string: `(" " + value).slice(1)` kept two (the flattened text and a slice of it).
  if (length > MAX_SHARED_LENGTH) return [value.slice(0, 1), value.slice(1)].join("");
  if (length === 0) return "";
  const slot = sharedSlot(value, length);
  const shared = sharedStrings[slot];
  if (shared === value) {
    if (sharedOutOfRange[slot] === 1) sawDateOutOfRange = true;
    return shared;
  }
  const outOfRange = length === 10 && !inDateRange(value) && isIsoDate(value);
  if (outOfRange) sawDateOutOfRange = true;
  sharedStrings[slot] = value;
  sharedOutOfRange[slot] = outOfRange ? 1 : 0;
  return value;
}

/**
 * The slot of the table of shared strings a short string goes in: from its length and five of its
 * characters, which tell apart the dates, codes and ids a repository repeats.
 */
function sharedSlot(value: string, length: number): number {
  let h = Math.imul(length ^ value.charCodeAt(0), 0x9e3779b1);
  h = Math.imul(h ^ value.charCodeAt(length - 1), 0x85ebca6b);
  h = Math.imul(h ^ value.charCodeAt(length >> 1), 0xc2b2ae35);
  if (length > 2) h = Math.imul(h ^ value.charCodeAt(length - 2), 0x27d4eb2f) ^ value.charCodeAt(length - 3);
  return (h ^ (h >>> 15)) & (SHARED_SLOTS - 1);
}

/** A mapping of a file's data as a check keeps it (see FAST_OBJECT_KEYS). */
function compactMapping(record: Record<string, unknown>, keys: number): Record<string, unknown> {
  return keys > FAST_OBJECT_KEYS ? Object.fromEntries(Object.entries(record)) : record;
}

/**
 * js-yaml adds a mapping's keys one by one, and V8 turns an object that gets more keys this way
 * into a hash table, which holds a CSR or a document in four times the memory (and reads more
 * slowly); an object made from all its pairs at once keeps its compact form.
 */
const FAST_OBJECT_KEYS = 16;

/**
 * Whether a key of js-yaml's data is one `yaml` makes the same object key of: not the merge key,
 * not a key that reaches Object.prototype, and not what js-yaml's String() makes of a key that is
 * a number, null, a boolean or a mapping (a sequence key is refused from the text). Plain text
 * that merely reads like those ("null", "1.5" quoted) is refused too: csr's data has no such keys.
 */
function isPlainTextKey(key: string): boolean {
  const first = key.charCodeAt(0);
  if ((first >= 48 && first <= 57) || (first === 45 && key.length > 1)) return false; // 0-9, "-1", "-Infinity"
  return !NOT_PLAIN_TEXT_KEYS.has(key);
}

const NOT_PLAIN_TEXT_KEYS = new Set(["", "<<", "null", "true", "false", "NaN", "Infinity", "[object Object]", ...UNSAFE_KEYS]);

/** V8 copies a string this short when it is cut from another (longer ones are slices). */
const MAX_SHARED_LENGTH = 12;
/**
 * The table of shared strings holds one string per slot, the last one met there: a value is shared
 * when an equal one is in its slot (at 50,000 entities 96 % of the repeats are; the rest are kept
 * as read). It was a Map of every distinct value (82,000 at 50,000 entities), whose lookups cost
 * about a tenth of a check's CPU there: most of them missed the processor's caches. Fixed in size,
 * it needs no limit against hostile input.
 */
const SHARED_SLOTS = 16_384;
const sharedStrings: string[] = new Array<string>(SHARED_SLOTS).fill("");
/** Per slot, 1 when its string is a date outside DATE_RANGE (date/out-of-range's findings; mostly none). */
const sharedOutOfRange = new Uint8Array(SHARED_SLOTS);
/** Whether a string of the file parseFast reads now is a date outside DATE_RANGE (see SourceFile.datesInRange). */
let sawDateOutOfRange = false;

/**
 * Left to `yaml`: a tag (`!` where a node can start), a directive line, text on a document marker's
 * line, an anchor or alias (`&`, `*` where a node can start), an explicit key (`?`), a sequence or
 * mapping as a key (a closing bracket before a colon), a `#` glued to a quote or bracket, and a
 * line over 1,024 characters, where an implicit key could pass YAML's length limit that only
 * `yaml` enforces. Most of these marks may also be text in a value (`a & b`), which costs that
 * file only the slower path. Searched for with indexOf first: a regular expression over every
 * file costs a tenth of a check.
 */
function refusedByFastParser(text: string, marked: boolean): boolean {
  if (marked && refusedForMarks(text)) return true;
  if (closesBeforeColon(text, "]") || closesBeforeColon(text, "}")) return true;
  // No line of a text this short can be longer (most files are: the lines cost a tenth of a check's reading).
  if (text.length <= MAX_IMPLICIT_KEY) return false;
  for (let start = 0; start < text.length; ) {
    const end = text.indexOf("\n", start);
    if ((end < 0 ? text.length : end) - start > MAX_IMPLICIT_KEY) return true;
    if (end < 0) break;
    start = end + 1;
  }
  return false;
}

/** What refusedByFastParser refuses for the marks of RARE_MARKS, in a text that has one. */
function refusedForMarks(text: string): boolean {
  if (text.includes("!") && /(?:^|[\s[{,:-])!/m.test(text)) return true;
  if (text.startsWith("%") || text.includes("\n%")) return true;
  // js-yaml reads a collection on the line of a document marker (`--- a: 1`) and `---x` as a marker.
  if ((text.startsWith("---") || text.startsWith("...") || text.includes("\n---") || text.includes("\n...")) && /^(?:---|\.\.\.)(?![ \t]*\r?$)/m.test(text)) return true;
  if (text.includes("?") && /(?:^|[\s[{,])\?(?:\s|$)/m.test(text)) return true;
  // js-yaml takes a '#' right after a quoted value or a flow collection for a comment; `yaml` reports it.
  return text.includes("#") && /["'\]}]#/.test(text);
}

/** Whether `bracket` is somewhere followed by a colon (white space between), as a collection used as a key is. */
function closesBeforeColon(text: string, bracket: "]" | "}"): boolean {
  for (let at = text.indexOf(bracket); at >= 0; at = text.indexOf(bracket, at + 1)) {
    let next = at + 1;
    for (let c = text.charCodeAt(next); c === 32 || c === 9 || c === 10 || c === 13; c = text.charCodeAt(++next));
    if (text.charCodeAt(next) === 58) return true; // ':'
  }
  return false;
}

/** YAML 1.2: an implicit key is at most 1,024 characters long. */
const MAX_IMPLICIT_KEY = 1024;

function parseYaml(text: string, lineCounter: LineCounter): Document.Parsed {
  return yaml().parseDocument(text, { lineCounter, uniqueKeys: true, merge: true, prettyErrors: false, keepSourceTokens: false });
}

/** Keys that would reach Object.prototype are reported and dropped before conversion. */
function removeUnsafeKeys(doc: Document.Parsed, onRemoved: (key: string, offset: number) => void): void {
  const { isScalar, visit } = yaml();
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && UNSAFE_KEYS.has(String(pair.key.value))) {
        onRemoved(String(pair.key.value), pair.key.range?.[0] ?? 0);
        return visit.REMOVE;
      }
      return undefined;
    },
  });
}

/** What the check cache remembers of a file, besides its content. */
export interface CachedResult {
  data?: unknown;
  problems: LoadProblem[];
  /** Whether readSource decoded the text (not for files too large or not UTF-8). */
  decoded: boolean;
  /** Whether readSource produced a YAML document (not for empty or conflicted files). */
  parsed: boolean;
}

export function cachedResult(file: SourceFile): CachedResult {
  // Asking a lazily parsed file for its Document would build it.
  if (file instanceof LazyFile) return { data: file.data, problems: file.problems, decoded: true, parsed: file.parsedAsYaml };
  return { data: file.data, problems: file.problems, decoded: file.text !== "" || file.doc !== undefined, parsed: file.doc !== undefined };
}

/**
 * A file restored from the check cache: the data and problems are known, so the text is decoded
 * and the YAML parsed again only if a rule asks for a position in it. `bytes` may be a function:
 * a file answered from the cache by its size and time is read only if a finding needs its text.
 */
export function cachedSource(bytes: Buffer | (() => Buffer), path: string, kind: FileKind, cached: CachedResult): SourceFile {
  const text = () => {
    const decoded = cached.decoded ? decodeUtf8(typeof bytes === "function" ? bytes() : bytes) : "";
    return typeof decoded === "string" ? decoded : "";
  };
  const file = new LazyFile(path, kind, text, cached.data, cached.problems, cached.parsed);
  file.validated = true;
  return file;
}

/**
 * A file whose data is known without a `yaml` Document: the Document (with line and column of
 * every node) is built on first use, which happens only for a file with a finding.
 */
class LazyFile implements SourceFile {
  validated: boolean | undefined = undefined;
  datesInRange: boolean | undefined = undefined;
  #text: string | undefined;
  /**
   * Where the text comes from when it is not kept: a function, or the file's absolute path, to be
   * read again (rereadText). A path, not a function reading it: tens of thousands of files stay in
   * memory for a check, and a closure with its context costs each about 100 bytes more.
   */
  #readText: (() => string) | string | undefined;
  #parsed: { doc?: Document.Parsed; lineCounter: LineCounter } | undefined = undefined;

  /**
   * `parsedAsYaml`: whether the text is YAML that `yaml` parses (not for an empty or conflicted
   * file). `text` undefined: the text is read again from `absPath` when asked for.
   */
  constructor(
    readonly path: string,
    readonly kind: FileKind,
    text: string | (() => string) | undefined,
    readonly data: unknown,
    readonly problems: LoadProblem[],
    readonly parsedAsYaml: boolean,
    absPath?: string,
  ) {
    if (typeof text === "string") this.#text = text;
    else this.#readText = text ?? absPath;
  }

  get text(): string {
    const read = this.#readText!;
    return (this.#text ??= typeof read === "string" ? rereadText(read) : read());
  }

  get doc(): Document.Parsed | undefined {
    return this.#parse().doc;
  }

  get lineCounter(): LineCounter {
    return this.#parse().lineCounter;
  }

  #parse(): { doc?: Document.Parsed; lineCounter: LineCounter } {
    if (!this.#parsed) {
      const lineCounter = new (yaml().LineCounter)();
      if (!this.parsedAsYaml) return (this.#parsed = { lineCounter });
      const doc = parseYaml(this.text, lineCounter);
      removeUnsafeKeys(doc, () => undefined);
      if (doc.errors.length > 0) leaveOut(onlyRepeatedKeys(doc));
      this.#parsed = { doc, lineCounter };
    }
    return this.#parsed;
  }
}

/**
 * The decoder that finds the first byte that is not UTF-8 (decodeUtf8), one for every file: making
 * one per file costs more than decoding a small file.
 */
const UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/** Whether a conflict marker can be there at all (seven of < = >), before the expression looks for one at a line start. */
function hasConflictRun(text: string): boolean {
  return text.includes("<<<<<<<") || text.includes("=======") || text.includes(">>>>>>>");
}

interface Utf8Error {
  byte: number;
  line: number;
}

/**
 * The text of a file's bytes, without a byte-order mark, or where the bytes are not UTF-8. Decoded
 * by Buffer's toString, which puts U+FFFD for any byte that is not UTF-8 and is cheaper per file
 * than the decoder's call; only a text with U+FFFD in it (a file that is not UTF-8, or one that
 * has the character itself) is decoded again by the fatal decoder, which says which.
 */
function decodeUtf8(bytes: Buffer): string | Utf8Error {
  const text = bytes.toString();
  if (!text.includes("\uFFFD")) return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return UTF8.decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    let line = 1;
    for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) line++;
    return { byte: bytes[at] ?? 0, line };
  }
}

function firstInvalidUtf8(b: Buffer): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    const n = c < 0x80 ? 0 : c >= 0xc2 && c < 0xe0 ? 1 : c >= 0xe0 && c < 0xf0 ? 2 : c >= 0xf0 && c < 0xf5 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (((b[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return 0;
}

function keyAt(text: string, offset: number): string {
  return /^\s*(?:- )?["']?([^"':\n]*)/.exec(text.slice(offset))?.[1]?.trim() ?? "";
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function firstLine(s: string): string {
  return s.split("\n")[0]!.replace(/\.$/, "").replace(/ at line \d+, column \d+:?$/, "");
}

export function linePos(file: SourceFile, offset: number): [number, number] {
  const pos = file.lineCounter.linePos(offset);
  return [pos.line, pos.col];
}

/**
 * The 1-based position of the node at `path` (or of its key when `key` is set), falling back to
 * the deepest existing ancestor so that a finding always points somewhere useful. With `quote`, the
 * position is where that text first appears inside the node (as written in the file), `quoteAt` characters into it.
 */
export function locate(file: SourceFile, path: Path, key = false, quote?: string, quoteAt = 0): [number, number] {
  if (!file.doc) return [1, 1];
  const { isMap, isPair, isScalar, isSeq } = yaml();
  let node: Node | null | undefined = file.doc.contents as Node | null;
  let offset = node?.range?.[0] ?? 0;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) break;
      const keyNode = pair.key as Node;
      if (last && key) return linePos(file, keyNode.range?.[0] ?? offset);
      const value = pair.value as Node | null;
      offset = value?.range?.[0] ?? keyNode.range?.[0] ?? offset;
      if (!value) return linePos(file, keyNode.range?.[0] ?? offset);
      node = value;
    } else if (isSeq(node) && typeof segment === "number") {
      const item = node.items[segment] as Node | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else {
      break;
    }
  }
  if (quote !== undefined && node?.range) {
    const at = file.text.indexOf(quote, node.range[0]);
    if (at >= 0 && at < node.range[1]) return linePos(file, at + Math.min(Math.max(quoteAt, 0), quote.length));
  }
  return linePos(file, offset);
}
