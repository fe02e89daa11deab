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
