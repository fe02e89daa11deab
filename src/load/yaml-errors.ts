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
 * or flow collection of that kind that ends where the error is. `undefined` for an unclosed
 * collection the parser reported again at the same offset (an unclosed quote inside a flow
 * collection is also reported as an unclosed collection, and nested collections once each): one
 * root cause, one finding.
 */
export function syntaxErrorOffset(doc: Document.Parsed, error: YAMLError, unclosedAt: Set<number>): number | undefined {
  const at = error.pos[0];
  const quote = error.code === "MISSING_CHAR" && UNCLOSED_QUOTE.test(error.message);
  const flow = error.code === "BAD_INDENT" ? UNCLOSED_FLOW.exec(error.message) : null;
  if (!quote && !flow) return at;
  if (unclosedAt.has(at)) return undefined;
  unclosedAt.add(at);
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
  /** 0-based offset in the text of the character to change (the colon, the gap before a value, the line's first character). */
  offset: number;
  message: string;
}

/** A key as csr's files spell them (ASCII letters, digits, `_` and `-`), after the line's indentation and an optional `- `. */
const KEY_LINE = /^([ \t]*(?:-[ \t]+)?)([A-Za-z_][A-Za-z0-9_-]*)/;
/** What follows a key that is one: its colon, then a space or the end of the line. */
const KEY_COLON = /^[ \t]*:(?:[ \t]|$)/;

/**
 * The hand-edit slip on the line of a file's first syntax error (the one at `offset`), when it is
 * one of those a Chinese user makes and the parser names by its consequences (tester16 F17, F20):
 * - a full-width colon `：` after a key, typed with a Chinese input method (`received：2026-11-27`):
 *   YAML knows only `: `;
 * - a key and its value with no colon between them (`category 采购`): the parser blames the line
 *   above ("上一行缺少冒号");
 * - a key indented to no column a key above it has (3 spaces among keys of 4): the parser gives
 *   two or three errors at the line, the first about a missing `-`.
 * Undefined when the line is none of these: the parser's own words are then the best there are.
 * One root cause, one finding: the caller reports the slip in place of the parser's errors from
 * this line on.
 */
export function slipAt(text: string, offset: number): Slip | undefined {
  const start = text.lastIndexOf("\n", offset - 1) + 1;
  const end = text.indexOf("\n", offset);
  const line = text.slice(start, end === -1 ? text.length : end).replace(/\r$/, "");
  const keyed = KEY_LINE.exec(line);
  if (!keyed) return undefined;
  const [, lead = "", key = ""] = keyed;
  const rest = line.slice(keyed[0].length);
  const fullWidth = /^[ \t]*：[ \t]*/.exec(rest);
  if (fullWidth) {
    const value = rest.slice(fullWidth[0].length);
    return { offset: start + keyed[0].length + rest.indexOf("："), message: t("load.syntax.full-width-colon", { key, fixed: `${key}: ${value}`.trimEnd() }) };
  }
  const [above] = contentLinesAbove(text, start);
  // `key value` without a colon anywhere, among keys of the same column: the colon is missing here.
  const gap = /^[ \t]+(?=[^\s#:])/.exec(rest);
  if (gap && !/:(?:[ \t]|$)/.test(rest) && above !== undefined && keyColumn(above) === lead.length) {
    return { offset: start + keyed[0].length, message: t("load.syntax.missing-colon", { key, fixed: `${lead.trimStart()}${key}: ${rest.trimStart()}`.trimEnd() }) };
  }
  // A key line whose key starts at a column no key or item above it starts at.
  if (KEY_COLON.test(rest) && !lead.includes("-") && !/\t/.test(lead)) {
    const columns = enclosingColumns(text, start);
    const column = lead.length;
    if (columns.length > 0 && !columns.includes(column)) {
      const expected = columns.reduce((best, c) => (Math.abs(c - column) < Math.abs(best - column) ? c : best));
      return { offset: start, message: t("load.syntax.indent", { key, actual: column, expected }) };
    }
  }
  return undefined;
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
 * The columns that a key at the line starting at `start` may stand at: those of the keys and `- `
 * items it may follow (the line above and, going up, each one indented less than all below it).
 */
function enclosingColumns(text: string, start: number): number[] {
  const columns: number[] = [];
  let least = Infinity;
  for (const line of contentLinesAbove(text, start)) {
    const indent = line.length - line.trimStart().length;
    if (indent >= least) continue;
    least = indent;
    columns.push(indent);
    const item = /^([ \t]*-[ \t]+)[A-Za-z_]/.exec(line);
    if (item) columns.push(item[1]!.length);
    if (least === 0) break;
  }
  return columns;
}
