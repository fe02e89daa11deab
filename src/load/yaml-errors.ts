/**
 * The words of a YAML syntax error in the reader's language. The `yaml` parser says what is wrong
 * in English sentences, some with a detail inside (a character, a quote); the usual ones are matched
 * here by their code and sentence and said again from the catalogs (`load.syntax.*`), the detail kept.
 * A sentence not known here (a rarer error, or a new one in a later `yaml`) is shown as the parser
 * wrote it, so no error loses its explanation.
 */
import type { Document, ErrorCode, YAMLError } from "yaml";
import { t, type MessageData, type MessageKey } from "../i18n/index.js";
import { yaml } from "./yaml.js";

type Token = "flow-map-end" | "flow-seq-end" | "map-value-ind" | "seq-item-ind" | "comma" | "scalar";
type Match = (m: RegExpExecArray) => [MessageKey, MessageData?];

/** [code, the parser's sentence (first line, without " at line …"), its catalog message]. */
const KNOWN: [ErrorCode, RegExp, Match][] = [
  ["TAB_AS_INDENT", /^Tabs are not allowed as indentation$/, () => ["load.syntax.tab-indent"]],
  ["BAD_INDENT", /^All mapping items must start at the same column$/, () => ["load.syntax.mapping-column"]],
  ["BAD_INDENT", /^All sequence items must start at the same column$/, () => ["load.syntax.sequence-column"]],
  ["BAD_INDENT", /^Flow (sequence|mapping|map) in block collection must be sufficiently indented and end with a ([\]}])$/, (m) => ["load.syntax.flow-unclosed", { collection: t(`load.syntax.flow.${m[1] as "sequence" | "mapping" | "map"}`), end: m[2]! }]],
  ["MISSING_CHAR", /^Missing closing (["'])quote$/, (m) => ["load.syntax.unclosed-quote", { quote: m[1]! }]],
  ["MISSING_CHAR", /^Implicit map keys need to be followed by map values$/, () => ["load.syntax.no-value"]],
  ["MISSING_CHAR", /^Comments must be separated from other tokens by white space characters$/, () => ["load.syntax.comment-space"]],
  ["MISSING_CHAR", /^Sequence item without - indicator$/, () => ["load.syntax.no-dash"]],
  ["BLOCK_AS_IMPLICIT_KEY", /^Nested mappings are not allowed in compact mappings$/, () => ["load.syntax.nested-compact"]],
  ["MULTILINE_IMPLICIT_KEY", /^Implicit keys need to be on a single line$/, () => ["load.syntax.multiline-key"]],
  ["BAD_SCALAR_START", /^Plain value cannot start with (reserved|directive indicator) character (\S+)$/, (m) => ["load.syntax.plain-start", { what: t(m[1] === "reserved" ? "load.syntax.char.reserved" : "load.syntax.char.directive"), char: m[2]! }]],
  ["BAD_DQ_ESCAPE", /^Invalid escape sequence (.+)$/, (m) => ["load.syntax.escape", { sequence: m[1]! }]],
  ["MULTIPLE_DOCS", /^Source contains multiple documents; please use YAML\.parseAllDocuments\(\)$/, () => ["load.syntax.multiple-docs"]],
  ["UNEXPECTED_TOKEN", /^Unexpected scalar at node end$/, () => ["load.syntax.scalar-at-end"]],
  ["UNEXPECTED_TOKEN", /^Unexpected (flow-map-end|flow-seq-end|map-value-ind|seq-item-ind|comma|scalar) token in YAML stream: "(.*)"$/, (m) => ["load.syntax.unexpected-token", { type: t(`load.syntax.token.${m[1] as Token}`), source: m[2]! }]],
  ["UNEXPECTED_TOKEN", /^Unexpected , in flow (sequence|map)$/, (m) => ["load.syntax.extra-comma", { collection: t(`load.syntax.flow.${m[1] as "sequence" | "map"}`) }]],
];

/**
 * What is wrong, for `load.syntax`'s {{detail}}: `code` is the parser's error code, `sentence` its
 * message's first line without the trailing position and full stop.
 */
export function syntaxDetail(code: ErrorCode, sentence: string): string {
  for (const [known, pattern, match] of KNOWN) {
    if (known !== code) continue;
    const m = pattern.exec(sentence);
    if (m) {
      const [key, data] = match(m);
      return t(key, data);
    }
  }
  return sentence;
}

const UNCLOSED_QUOTE = /^Missing closing (["'])quote/;
const UNCLOSED_FLOW = /^Flow (sequence|mapping|map) in block collection must be sufficiently indented and end with a/;

/**
 * The offset to report a syntax error at: for an unclosed quote or bracket, the opening `"`, `'`,
 * `[` or `{` (the parser's error sits where it gave up, on the next line or at the end of the file,
 * where nothing is wrong); else the parser's own offset. The opener is the innermost quoted scalar
 * or flow collection of that kind that ends where the error is.
 */
export function syntaxErrorOffset(doc: Document.Parsed, error: YAMLError): number {
  const at = error.pos[0];
  const quote = error.code === "MISSING_CHAR" && UNCLOSED_QUOTE.test(error.message);
  const flow = error.code === "BAD_INDENT" ? UNCLOSED_FLOW.exec(error.message) : null;
  if (!quote && !flow) return at;
  const { visit, isScalar, isSeq, isMap } = yaml();
  const isOpener = quote
    ? (node: unknown) => isScalar(node) && (node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE")
    : (node: unknown) => (flow![1] === "sequence" ? isSeq(node) : isMap(node)) && (node as { flow?: boolean }).flow === true;
  let opener = at;
  visit(doc, (_key, node: unknown) => {
    const range = (node as { range?: [number, number, number] | null } | null)?.range;
    if (range?.[1] === at && isOpener(node)) opener = range[0];
  });
  return opener;
}

/** A slip of the hand that explains a file's first syntax error: where it is and what to write instead. */
export interface Slip {
  /** 0-based offset in the text of the character to change (the colon, the gap before a value, the tab, the `-`, the line's first character). */
  offset: number;
  message: string;
}

/** A key as csr's files spell them (ASCII letters, digits, `_` and `-`), after the line's indentation and an optional `- `. */
const KEY_LINE = /^([ \t]*(?:-[ \t]+)?)([A-Za-z_][A-Za-z0-9_-]*)/;
/** What follows a key that is one: its colon, then a space or the end of the line. */
const KEY_COLON = /^[ \t]*:(?:[ \t]|$)/;
/** A list item's `-` (group 1: the indentation before it) followed by a space or the end of the line. */
const DASH = /^( *)-(?:[ \t]|$)/;

/**
 * The hand-edit slip that caused a file's first syntax error, when it is one of those a (Chinese)
 * user makes and the parser names only by its consequences, often on another line or in words that
 * point elsewhere (tester16 F17, F20). On the error's line:
 * - indentation with a tab: YAML knows only spaces;
 * - a full-width colon `：` after a key, typed with a Chinese input method (`received：2026-11-27`);
 * - a key and its value with no colon between them (`category 采购`): the parser blames the line
 *   above ("上一行缺少冒号"), or says nothing of a colon;
 * - a key with no space after its colon (`received:2026-11-27`): YAML reads the line as one text;
 * - a key indented to no column a key above it has (3 spaces among keys of 4): the parser gives
 *   two or three errors at the line, the first about a missing `-`;
 * - a `-` where the lines of that level are keys, not list items (a stray `-`);
 * - a list item whose `-` lines up with no item of a list above it;
 * - a `-` with no space after it (`-name: 何佳`);
 * - a quote that the line does not close (the parser gives up lines below; `at` is the opening quote).
 * - a line of a block of text (`text: |`) indented less than the text above it, which ends the text;
 * On the line after the error's: a key indented more than the key above it, which YAML reads as the
 * continuation of that key's value (the parser reports two keys on the line above).
 * `at` is where the error is reported (syntaxErrorOffset). Undefined when it is none of these: the
 * parser's own words are then the best there are.
 */
export function slipAt(text: string, error: YAMLError, at: number): Slip | undefined {
  const start = text.lastIndexOf("\n", at - 1) + 1;
  const line = lineFrom(text, start);
  const indent = /^[ \t]*/.exec(line)![0];
  if (indent.includes("\t")) {
    const count = (text.match(/^ *\t/gm) ?? []).length;
    return { offset: start + indent.indexOf("\t"), message: count > 1 ? t("load.syntax.tab-lines", { count }) : t("load.syntax.tab") };
  }
  if (error.code === "MISSING_CHAR" && UNCLOSED_QUOTE.test(error.message)) {
    const quote = text[at]!;
    const value = line.slice(at - start);
    if (value.indexOf(quote, 1) !== -1) return undefined;
    return { offset: at, message: t("load.syntax.unclosed-quote-line", { quote, fixed: `${line.trim()}${quote}` }) };
  }
  // Where the parser says that the keys of one level are out of line, its words are right.
  const outOfLine = error.code === "BAD_INDENT" && /^All mapping items must start at the same column/.test(error.message);
  return (
    blockTextDedent(text, start, line) ??
    (error.code === "BLOCK_AS_IMPLICIT_KEY" ? continuedValue(text, start, line, at - start) : undefined) ??
    keySlip(text, start, line, outOfLine) ??
    dashSlip(text, start, line)
  );
}

/** The slips of a key line (`key value`, `key：value`, `key:value`, a key at no column of the keys above). */
function keySlip(text: string, start: number, line: string, outOfLine: boolean): Slip | undefined {
  const keyed = KEY_LINE.exec(line);
  if (!keyed) return undefined;
  const [, lead = "", key = ""] = keyed;
  const rest = line.slice(keyed[0].length);
  const fullWidth = /^[ \t]*：[ \t]*/.exec(rest);
  if (fullWidth) {
    const value = rest.slice(fullWidth[0].length);
    return { offset: start + keyed[0].length + rest.indexOf("："), message: t("load.syntax.full-width-colon", { key, fixed: `${key}: ${value}`.trimEnd() }) };
  }
  const item = lead.trimStart();
  // `key value` without a colon anywhere, where a key may stand: the colon is missing here.
  const gap = /^[ \t]+(?=[^\s#:])/.exec(rest);
  if (gap && !/:(?:[ \t]|$)/.test(rest) && keyMayStandAt(text, start, lead)) {
    return { offset: start + keyed[0].length, message: t("load.syntax.missing-colon", { key, fixed: `${item}${key}: ${rest.trimStart()}`.trimEnd() }) };
  }
  // `key:value`: YAML reads `key:value` as one text, not as a key and its value.
  const glued = /^:(?=[^\s:])/.exec(rest);
  if (glued && !/:[ \t]/.test(rest) && keyMayStandAt(text, start, lead)) {
    return { offset: start + keyed[0].length + 1, message: t("load.syntax.colon-space", { key, fixed: `${item}${key}: ${rest.slice(1)}`.trimEnd() }) };
  }
  // A key line whose key starts at a column no key above it starts at.
  if (!outOfLine && KEY_COLON.test(rest) && !lead.includes("-") && !underOpenedBlock(text, start, lead.length)) {
    const { keys } = enclosingColumns(text, start);
    const column = lead.length;
    if (keys.length > 0 && !keys.includes(column)) {
      return { offset: start, message: t("load.syntax.indent", { key, count: column, expected: nearest(keys, column) }) };
    }
  }
  return undefined;
}

/** The slips of a line that starts with `-`: a stray one among keys, one out of line with its list, one glued to its key. */
function dashSlip(text: string, start: number, line: string): Slip | undefined {
  const dash = DASH.exec(line);
  const glued = dash ? null : /^( *)-([A-Za-z_][A-Za-z0-9_-]*[ \t]*:(?:[ \t]|$).*)$/.exec(line);
  if (!dash && !glued) return undefined;
  const column = (dash ?? glued)![1]!.length;
  const above = contentLinesAbove(text, start).next().value;
  const { dashes } = enclosingColumns(text, start);
  if (glued) return dashes.includes(column) ? { offset: start + column, message: t("load.syntax.dash-space", { fixed: `- ${glued[2]!.trimEnd()}` }) } : undefined;
  // Among keys of the same column whose block is not opened by the line above: the `-` is one too many.
  if (above !== undefined && keyColumn(above) === column && !opensBlock(above)) {
    const after = line.slice(dash![0].length).trim();
    return { offset: start + column, message: after === "" ? t("load.syntax.stray-dash-line") : t("load.syntax.stray-dash", { fixed: after }) };
  }
  // The first item of a list may start anywhere from its key's column on (`revisions:` over `- revision: B`).
  if (dashes.length > 0 && !dashes.includes(column) && !underOpenedBlock(text, start, column + 1)) {
    return { offset: start, message: t("load.syntax.dash-indent", { count: column, expected: nearest(dashes, column) }) };
  }
  return undefined;
}

/**
 * A key on the line after `line` (a `key: value` line) indented more than `line`'s key: YAML reads it as
 * a further line of that value, and the parser reports two keys on `line`, at `at` (its column in `line`).
 */
function continuedValue(text: string, start: number, line: string, at: number): Slip | undefined {
  const keyed = KEY_LINE.exec(line);
  if (!keyed || !KEY_COLON.test(line.slice(keyed[0].length))) return undefined;
  // The value on this line itself has no `: ` in it (else the two keys are on this line: `a: b: c`).
  const value = line.slice(keyed[0].length).replace(KEY_COLON, "");
  if (/^["'[{|>]/.test(value) || /:(?:[ \t]|$)/.test(line.slice(at))) return undefined;
  const nextStart = text.indexOf("\n", start) + 1;
  if (nextStart === 0) return undefined;
  const next = lineFrom(text, nextStart);
  const nextKey = KEY_LINE.exec(next);
  const expected = keyed[1]!.length;
  if (!nextKey || nextKey[1]!.includes("-") || !KEY_COLON.test(next.slice(nextKey[0].length)) || nextKey[1]!.length <= expected) return undefined;
  return { offset: nextStart, message: t("load.syntax.indent-deeper", { key: nextKey[2]!, count: nextKey[1]!.length, above: keyed[2]!, expected }) };
}

/** A key whose value is a block of text below it (`text: |`, `text: >-`). */
const BLOCK_TEXT_KEY = /^( *(?:-[ \t]+)?)([A-Za-z_][A-Za-z0-9_-]*)[ \t]*:[ \t]*[|>][+-]?[1-9]?[ \t]*(?:#.*)?$/;

/**
 * A line of a block of text (`text: |`) indented less than the lines of text above it, but more
 * than its key (or as much, when it is no key): YAML ends the text there and reads the line as YAML.
 */
function blockTextDedent(text: string, start: number, line: string): Slip | undefined {
  const column = line.length - line.trimStart().length;
  let textIndent = Infinity;
  for (const above of contentLinesAbove(text, start)) {
    const indent = above.length - above.trimStart().length;
    const header = BLOCK_TEXT_KEY.exec(above);
    if (header && textIndent !== Infinity) {
      // At the key's own column only a line that is no key (`- **各部门**`) is text cut short.
      const keyAt = header[1]!.length;
      return (keyAt < column || (keyAt === column && keyColumn(line) === undefined)) && column < textIndent ? { offset: start, message: t("load.syntax.text-dedent", { key: header[2]!, count: column, expected: textIndent }) } : undefined;
    }
    if (indent <= column) return undefined;
    textIndent = Math.min(textIndent, indent);
  }
  return undefined;
}

/** The line that starts at `start`, without its line break. */
function lineFrom(text: string, start: number): string {
  const end = text.indexOf("\n", start);
  return text.slice(start, end === -1 ? text.length : end).replace(/\r$/, "");
}

/** Whether a key whose line starts with `lead` may stand there: first in a file, in a list item, under a block the line above opens, or beside the key above. */
function keyMayStandAt(text: string, start: number, lead: string): boolean {
  if (lead.includes("-")) return true;
  const above = contentLinesAbove(text, start).next().value;
  return above === undefined || keyColumn(above) === lead.length || underOpenedBlock(text, start, lead.length);
}

/** Whether the line above opens a block (`revisions:`) whose first line may start at `column`, which is indented more than its key. */
function underOpenedBlock(text: string, start: number, column: number): boolean {
  const above = contentLinesAbove(text, start).next().value;
  const key = above === undefined ? undefined : keyColumn(above);
  return key !== undefined && opensBlock(above!) && column > key;
}

/** Whether a key line ends at its colon (a comment aside): its value is the block below. */
function opensBlock(line: string): boolean {
  return /:[ \t]*(?:#.*)?$/.test(line);
}

/** Of `columns`, the one nearest to `column` (the smaller of two as near). */
function nearest(columns: number[], column: number): number {
  return columns.reduce((best, c) => {
    const d = Math.abs(c - column) - Math.abs(best - column);
    return d < 0 || (d === 0 && c < best) ? c : best;
  });
}

/** The lines with content (not blank, not only a comment) above the line starting at `start`, nearest first. */
function* contentLinesAbove(text: string, start: number): Generator<string> {
  for (let end = start - 1; end > 0; ) {
    const from = text.lastIndexOf("\n", end - 1) + 1;
    const line = text.slice(from, end).replace(/\r$/, "");
    end = from - 1;
    if (line.trim() !== "" && !line.trimStart().startsWith("#")) yield line;
  }
}

/** The column a line's key starts at (after `- `), or undefined for a line without a key. */
function keyColumn(line: string): number | undefined {
  const keyed = KEY_LINE.exec(line);
  return keyed && KEY_COLON.test(line.slice(keyed[0].length)) ? keyed[1]!.length : undefined;
}

/**
 * The columns at which a line starting at `start` may continue the structure above it: `keys`, where
 * a key may stand (those of the line above and, going up, of each line indented less than all below
 * it, the key after a `- ` included), and `dashes`, where a list item's `-` may (those of the `- `
 * items among them). A key at a `-`'s column is one only where a key above stands there too.
 */
function enclosingColumns(text: string, start: number): { keys: number[]; dashes: number[] } {
  const keys: number[] = [];
  const dashes: number[] = [];
  let least = Infinity;
  let dashAtLeast = false;
  for (const line of contentLinesAbove(text, start)) {
    const indent = line.length - line.trimStart().length;
    const dash = DASH.test(line);
    // A key at the column of a `-` below it (`sources:` over `- id: …`) is still a level of its own.
    if (indent > least || (indent === least && (dash || !dashAtLeast))) continue;
    least = indent;
    dashAtLeast = dash;
    if (dash) {
      dashes.push(indent);
      const item = /^( *-[ \t]+)[A-Za-z_]/.exec(line);
      if (item) keys.push(item[1]!.length);
    } else {
      keys.push(indent);
      if (indent === 0) break;
    }
  }
  return { keys, dashes };
}
