/**
 * A reader for the plain block YAML that csr's files are almost always written in: a mapping of
 * plain keys, nested by spaces, with block sequences (`- `), one-line plain, single- and
 * double-quoted scalars (without escapes) and one-line flow sequences of such scalars; comments.
 * It reads a line at a time, with far less work per character than a general parser (js-yaml
 * reads the same files at about a third of its speed), and its values are exactly those of the
 * YAML 1.2 core schema (core-schema.ts resolves the plain scalars, as for js-yaml).
 *
 * Anything else, and anything where YAML's rules are subtle, it refuses (returns undefined), and
 * the text goes to the general parsers: block scalars, multi-line scalars, escapes, flow mappings,
 * anchors, aliases, tags, directives, document markers, explicit or quoted keys, keys that are not
 * plain text, duplicate keys, tabs, CR line ends, characters YAML does not allow, deep nesting.
 * test/check/parser-differential.test.ts holds it to `yaml`'s reading of every file.
 */
import { resolvePlainScalar } from "./core-schema.js";

/** What the loader does with the parts read (see source.ts compactStrings). */
export interface PlainYamlHooks {
  /** The string a value is kept as. */
  text(value: string): string;
  /** Whether a key is one `yaml` makes the same object key of. */
  key(key: string): boolean;
  /** The object a complete mapping is kept as. */
  mapping(value: Record<string, unknown>, keys: number): Record<string, unknown>;
}

/** Thrown inside the reader at the first thing it leaves to the general parsers. */
const REFUSED = Symbol("refused");

/** Well below the general path's depth limit, so that anything near it is left to that path's guard. */
const MAX_DEPTH = 40;

/** Characters YAML does not allow in a text (js-yaml refuses them too), and a byte-order mark inside it. */
const NOT_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFEFF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;
/** The characters NOT_PRINTABLE can match, surrogates of valid pairs too: one class is far quicker to search for. */
const MAYBE_NOT_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uD800-\uDFFF\uFEFF\uFFFE\uFFFF]/;
/** Below YAML 1.2's limit of 1,024 characters for an implicit key, which only `yaml` enforces. */
const MAX_KEY_LENGTH = 1000;

/** The data of `text`, or undefined when it is not the plain block YAML this reader takes. */
export function readPlainYaml(text: string, hooks: PlainYamlHooks): unknown {
  if (text.includes("\t") || text.includes("\r") || (MAYBE_NOT_PRINTABLE.test(text) && NOT_PRINTABLE.test(text))) return undefined;
  try {
    const reader = new LineReader(text, hooks);
    if (reader.indent !== 0) return undefined;
    const data = reader.mapping(0, 0);
    return reader.atEnd() ? data : undefined;
  } catch (error) {
    if (error === REFUSED) return undefined;
    throw error;
  }
}

const SPACE = 32;
const HASH = 35;
const DASH = 45;
const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const COMMA = 44;

/** ASCII characters that start something other than a plain scalar (or may, by YAML's rules). */
const INDICATOR = new Uint8Array(128);
for (const c of "-?:,[]{}#&*!|>'\"%@`") INDICATOR[c.charCodeAt(0)] = 1;
/** ASCII characters this reader does not take inside a plain key or a plain scalar of a flow sequence. */
const NOT_IN_PLAIN = new Uint8Array(128);
for (const c of ":#,[]{}'\"") NOT_IN_PLAIN[c.charCodeAt(0)] = 1;

function refuse(): never {
  throw REFUSED;
}

/**
 * The current content line: where it starts, its indentation and where its content starts (after
 * the indentation, or after a sequence's `- ` when the item is a mapping); blank and comment lines
 * are skipped. `indent` is -1 at the end of the text.
 */
class LineReader {
  indent = -1;
  lineStart = 0;
  start = 0;
  end = 0;
  /** Where the next line starts. */
  private next = 0;

  constructor(
    private readonly text: string,
    private readonly hooks: PlainYamlHooks,
  ) {
    this.nextLine();
  }

  nextLine(): void {
    const text = this.text;
    while (this.next < text.length) {
      const lineStart = this.next;
      let end = text.indexOf("\n", lineStart);
      if (end < 0) end = text.length;
      this.next = end + 1;
      let at = lineStart;
      while (text.charCodeAt(at) === SPACE) at++;
      if (at === end || text.charCodeAt(at) === HASH) continue;
      // A document marker starts at the line start (a directive's `%` is refused as a key's first character).
      if (at === lineStart && (text.startsWith("---", at) || text.startsWith("...", at))) refuse();
      this.lineStart = lineStart;
      this.indent = at - lineStart;
      this.start = at;
      this.end = end;
      return;
    }
    this.indent = -1;
  }

  atEnd(): boolean {
    return this.indent === -1;
  }

  /** Whether the current line is an item of a block sequence. */
  private isItem(): boolean {
    const text = this.text;
    return text.charCodeAt(this.start) === DASH && (this.start + 1 === this.end || text.charCodeAt(this.start + 1) === SPACE);
  }

  /** The mapping whose keys are at `indent`, from the current line (which may start after a `- `). */
  mapping(indent: number, depth: number): Record<string, unknown> {
    if (depth > MAX_DEPTH) refuse();
    const text = this.text;
    const mapping: Record<string, unknown> = {};
    let keys = 0;
    while (this.indent === indent) {
      if (this.isItem()) refuse();
      const colon = keyEnd(text, this.start, this.end);
      if (colon < 0) refuse();
      const key = plainKey(text, this.start, colon);
      if (!this.hooks.key(key) || Object.hasOwn(mapping, key)) refuse();
      let at = colon + 1;
      while (text.charCodeAt(at) === SPACE) at++;
      if (at === this.end || text.charCodeAt(at) === HASH) {
        this.nextLine();
        mapping[key] = this.nested(indent, true, depth);
      } else {
        mapping[key] = this.inline(at);
        this.nextLine();
      }
      keys++;
    }
    // A line indented deeper here continues a scalar over lines, or is an error: the general parsers say which.
    if (this.indent > indent) refuse();
    return this.hooks.mapping(mapping, keys);
  }

  /** The block sequence whose `- ` are at `indent`. */
  private sequence(indent: number, depth: number): unknown[] {
    if (depth > MAX_DEPTH) refuse();
    const text = this.text;
    const items: unknown[] = [];
    while (this.indent === indent && this.isItem()) {
      let at = this.start + 1;
      while (text.charCodeAt(at) === SPACE) at++;
      if (at === this.end || text.charCodeAt(at) === HASH) {
        this.nextLine();
        items.push(this.nested(indent, false, depth));
      } else if (!isQuoteOrBracket(text.charCodeAt(at)) && keyEnd(text, at, this.end) >= 0) {
        // `- key: value`: a mapping whose keys line up with this first one.
        this.indent = at - this.lineStart;
        this.start = at;
        items.push(this.mapping(this.indent, depth + 1));
      } else {
        items.push(this.inline(at));
        this.nextLine();
      }
    }
    if (this.indent > indent) refuse();
    return items;
  }

  /**
   * The value of a key or item written on the lines below it (at the current line): a deeper
   * mapping or sequence, a sequence at the key's own indentation (`sameIndent`), or null.
   */
  private nested(indent: number, sameIndent: boolean, depth: number): unknown {
    if (this.indent > indent) return this.isItem() ? this.sequence(this.indent, depth + 1) : this.mapping(this.indent, depth + 1);
    if (sameIndent && this.indent === indent && this.isItem()) return this.sequence(indent, depth + 1);
    return null;
  }

  /** A value written on its key's or item's line, from `at` to the end of the line. */
  private inline(at: number): unknown {
    const text = this.text;
    const end = this.end;
    const first = text.charCodeAt(at);
    if (first === DOUBLE_QUOTE || first === SINGLE_QUOTE) {
      const [value, after] = quoted(text, at, end);
      this.lineRest(after);
      return this.hooks.text(value);
    }
    if (first === OPEN_BRACKET) {
      const items: unknown[] = [];
      let i = at + 1;
      while (text.charCodeAt(i) === SPACE) i++;
      if (text.charCodeAt(i) === CLOSE_BRACKET) {
        this.lineRest(i + 1);
        return items;
      }
      for (;;) {
        while (text.charCodeAt(i) === SPACE) i++;
        const c = text.charCodeAt(i);
        if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) {
          const [value, after] = quoted(text, i, end);
          items.push(this.hooks.text(value));
          i = after;
        } else {
          const from = i;
          while (i < end && text.charCodeAt(i) !== COMMA && text.charCodeAt(i) !== CLOSE_BRACKET) {
            const d = text.charCodeAt(i);
            if (d < 128 && NOT_IN_PLAIN[d]) refuse();
            i++;
          }
          let to = i;
          while (to > from && text.charCodeAt(to - 1) === SPACE) to--;
          if (to === from || (c < 128 && INDICATOR[c])) refuse();
          items.push(this.scalar(text.slice(from, to)));
        }
        while (text.charCodeAt(i) === SPACE) i++;
        const separator = text.charCodeAt(i);
        if (separator === CLOSE_BRACKET) break;
        if (separator !== COMMA || i >= end) refuse();
        i++;
      }
      this.lineRest(i + 1);
      return items;
    }
    // A plain scalar: it starts with no indicator (a `-` only before text), ends at a comment.
    if (first < 128 && INDICATOR[first] && !(first === DASH && at + 1 < end && text.charCodeAt(at + 1) !== SPACE)) refuse();
    let to = at + 1;
    while (to < end && !(text.charCodeAt(to) === HASH && text.charCodeAt(to - 1) === SPACE)) to++;
    while (text.charCodeAt(to - 1) === SPACE) to--;
    const value = text.slice(at, to);
    // `a: b` on a value's line is a mapping YAML does not allow there.
    if (value.includes(": ") || value.endsWith(":")) refuse();
    return this.scalar(value);
  }

  /** After a quoted value or flow sequence, only a comment may follow on the line. */
  private lineRest(at: number): void {
    const text = this.text;
    let i = at;
    while (text.charCodeAt(i) === SPACE) i++;
    if (i < this.end && !(text.charCodeAt(i) === HASH && i > at)) refuse();
  }

  private scalar(plain: string): unknown {
    const value = resolvePlainScalar(plain);
    return typeof value === "string" ? this.hooks.text(value) : value;
  }
}

/** Whether a value starts as a quoted scalar or flow sequence (which a colon after it cannot make a key here). */
function isQuoteOrBracket(c: number): boolean {
  return c === DOUBLE_QUOTE || c === SINGLE_QUOTE || c === OPEN_BRACKET;
}

/** Where the key of a `key: value` line ends: its first colon followed by a space or the line end; -1 if none. */
function keyEnd(text: string, start: number, end: number): number {
  for (let i = text.indexOf(":", start); i >= 0 && i < end; i = text.indexOf(":", i + 1)) {
    if (i + 1 === end || text.charCodeAt(i + 1) === SPACE) return i;
  }
  return -1;
}

/** A plain key: no indicator first, none of `:#,[]{}'"` in it, no space before its colon. */
function plainKey(text: string, start: number, colon: number): string {
  const first = text.charCodeAt(start);
  if (colon === start || colon - start > MAX_KEY_LENGTH || (first < 128 && INDICATOR[first]) || text.charCodeAt(colon - 1) === SPACE) refuse();
  for (let i = start + 1; i < colon; i++) {
    const c = text.charCodeAt(i);
    if (c < 128 && NOT_IN_PLAIN[c]) refuse();
  }
  const key = text.slice(start, colon);
  // `~:` or `.inf:` is a null or number key, which `yaml` makes another key of.
  if (typeof resolvePlainScalar(key) !== "string") refuse();
  return key;
}

/** A one-line quoted scalar from `at` (its opening quote): its value and where it ends. No escapes but `''`. */
function quoted(text: string, at: number, end: number): [string, number] {
  const quote = text.charCodeAt(at);
  if (quote === DOUBLE_QUOTE) {
    const close = text.indexOf('"', at + 1);
    if (close < 0 || close >= end) refuse();
    const value = text.slice(at + 1, close);
    if (value.includes("\\")) refuse();
    return [value, close + 1];
  }
  let value = "";
  let from = at + 1;
  for (;;) {
    const close = text.indexOf("'", from);
    if (close < 0 || close >= end) refuse();
    if (text.charCodeAt(close + 1) !== SINGLE_QUOTE) return [value + text.slice(from, close), close + 1];
    value += text.slice(from, close + 1);
    from = close + 2;
  }
}
