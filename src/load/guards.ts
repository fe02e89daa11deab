/**
 * Guards that every repository file passes before and after YAML parsing, whatever parser is used:
 * the file is a regular file of bounded size, its bytes are UTF-8 text (not UTF-16, no NUL bytes,
 * not CR-only line ends), and the parsed document uses no tags and no absurd nesting. Each guard
 * turns hostile or accidental input into one finding that says what the file is and how to fix it.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import type { Document } from "yaml";
import { t } from "../i18n/index.js";
import type { LoadProblem } from "./source.js";
import { yaml } from "./yaml.js";

export const MAX_FILE_BYTES = 1024 * 1024;
/**
 * Real files nest five or six levels; a hundred is generous and keeps every later stage (schema
 * validation, conversion, rules) far from the call-stack limit.
 */
export const MAX_NESTING = 100;

/** The tags of the YAML core schema: they only restate a value's plain type, so they are harmless. */
const CORE_TAGS = new Set(["str", "int", "float", "bool", "null", "map", "seq"].map((t) => `tag:yaml.org,2002:${t}`));

export function tooLarge(size: number): LoadProblem {
  return {
    rule: "file/too-large",
    line: 1,
    column: 1,
    message: t("load.too-large", { size: (size / 1024 / 1024).toFixed(1) }),
  };
}

/**
 * Reads a file only if it is a regular file: a FIFO would block for ever, a device could be
 * endless, a directory cannot be read. Opening with O_NONBLOCK keeps even the open of a FIFO from
 * waiting for a writer. Files over the size limit are not read. With `scratch` (MAX_FILE_BYTES
 * long), the bytes are read into it, and valid only until its next use: a caller that decodes
 * them at once spares a buffer per file. `listedAsFile` says that the directory listing showed a
 * regular file (not a link): then the file is read into `scratch` without asking its type and
 * size first (a stat per file cost a check of 10,000 entities a fifth of its reading), and only
 * a file that fills `scratch` is looked at as any other.
 */
export function readRegularFile(abs: string, scratch?: Buffer, listedAsFile = false): Buffer | LoadProblem {
  const fd = openSync(abs, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    if (scratch && listedAsFile) {
      let at = 0;
      while (at < scratch.length) {
        const n = readSync(fd, scratch, at, scratch.length - at, at);
        if (n === 0) return scratch.subarray(0, at);
        at += n;
      }
    }
    const stat = fstatSync(fd);
    if (!stat.isFile()) return notRegular(describeType(stat));
    if (stat.size > MAX_FILE_BYTES) return tooLarge(stat.size);
    const bytes = scratch ? scratch.subarray(0, stat.size) : Buffer.alloc(stat.size);
    let at = 0;
    while (at < bytes.length) {
      const n = readSync(fd, bytes, at, bytes.length - at, at);
      if (n === 0) break;
      at += n;
    }
    return bytes.subarray(0, at);
  } finally {
    closeSync(fd);
  }
}

export function notRegular(what: string): LoadProblem {
  return {
    rule: "file/not-regular",
    line: 1,
    column: 1,
    message: t("load.not-regular", { what }),
  };
}

/** "a directory", "a named pipe (FIFO)" … for messages. */
export function describeType(stat: { isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (stat.isDirectory()) return t("load.type.directory");
  if (stat.isFIFO()) return t("load.type.fifo");
  if (stat.isSocket()) return t("load.type.socket");
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return t("load.type.device");
  return t("load.type.other");
}

/** A path as one word of a shell command in the message that says how to convert its file (the repository's folder is the current one). */
export function shellWord(path: string): string {
  return /^[\w./@%+=:,-]+$/.test(path) ? path : `"${path.replace(/(["\\$`])/g, "\\$1")}"`;
}

/** Problems visible in the raw bytes, before decoding: size and UTF-16. */
export function byteProblem(bytes: Buffer, path: string): LoadProblem | undefined {
  if (bytes.length > MAX_FILE_BYTES) return tooLarge(bytes.length);
  const utf16 = utf16Kind(bytes);
  if (utf16) {
    return {
      rule: "file/encoding",
      line: 1,
      column: 1,
      message: t("load.utf16", { encoding: utf16, path: shellWord(path) }),
    };
  }
  return undefined;
}

/** UTF-16 by its byte-order mark, or by the zero bytes that ASCII text has in every other byte. */
function utf16Kind(bytes: Buffer): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return t("load.utf16.le-bom");
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return t("load.utf16.be-bom");
  // Judged by the first 512 bytes. UTF-8 text has no zero byte (textProblem reports a NUL): the
  // search is far cheaper than the count.
  const sampled = Math.min(bytes.length, 512);
  if (sampled < 4) return undefined;
  const zero = bytes.indexOf(0);
  if (zero < 0 || zero >= sampled) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = zero; i < sampled; i++) if (bytes[i] === 0) i % 2 === 0 ? evenZeros++ : oddZeros++;
  const half = sampled / 2;
  if (oddZeros > half * 0.6 && evenZeros === 0) return t("load.utf16.le");
  if (evenZeros > half * 0.6 && oddZeros === 0) return t("load.utf16.be");
  return undefined;
}

/** Problems of the decoded text that YAML parsers would misreport: NUL characters and CR-only line ends. */
export function textProblem(text: string): LoadProblem | undefined {
  const nul = text.indexOf("\0");
  if (nul >= 0) {
    const [line, column] = position(text, nul);
    return {
      rule: "file/nul-byte",
      line,
      column,
      message: t("load.nul-byte", { line, column }),
    };
  }
  // Most files have no CR at all: the search for one is far cheaper than the expression over every file.
  const cr = text.includes("\r") ? /\r(?!\n)/.exec(text) : null;
  if (cr) {
    const [line] = position(text, cr.index);
    return {
      rule: "file/line-ends",
      line,
      column: 1,
      message: t("load.bare-cr", { line }),
    };
  }
  return undefined;
}

/** A stack overflow inside the parser means the nesting is too deep (the parser reports where). */
export function isNestingError(message: string): boolean {
  return /Maximum call stack size exceeded/.test(message);
}

export function tooDeep(line: number, column: number): LoadProblem {
  return {
    rule: "yaml/too-deep",
    line,
    column,
    message: t("load.too-deep", { max: MAX_NESTING }),
  };
}

/**
 * Problems of the parsed document: nesting deeper than MAX_NESTING (reported once, at the first
 * node too deep) and tags other than the core schema's. `position` maps a text offset to 1-based
 * line and column.
 */
export function documentProblems(doc: Document.Parsed, text: string, position: (offset: number) => [number, number]): LoadProblem[] {
  const { isNode, visit } = yaml();
  const problems: LoadProblem[] = [];
  let deep = false;
  visit(doc, (_key, node, path) => {
    if (!isNode(node)) return undefined;
    // The path holds the document, then each collection and pair above the node: two entries per level.
    if (!deep && path.length / 2 > MAX_NESTING) {
      deep = true;
      problems.push(tooDeep(...position(node.range?.[0] ?? 0)));
      return visit.BREAK;
    }
    if (node.tag && !CORE_TAGS.has(node.tag)) {
      const at = tagStart(text, node.range?.[0] ?? 0);
      const written = /^\S+/.exec(text.slice(at))?.[0] ?? node.tag;
      const [line, column] = position(at);
      problems.push({
        rule: "yaml/tag",
        line,
        column,
        message: t("load.tag", { tag: written }),
      });
    }
    return undefined;
  });
  return problems;
}

/** Where the tag written before the node at `offset` begins (the parser's range starts after it). */
function tagStart(text: string, offset: number): number {
  let at = text.lastIndexOf("!", offset - 1);
  if (at < 0) return offset;
  while (at > 0 && text[at - 1] === "!") at--;
  return at;
}

function position(text: string, offset: number): [number, number] {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      start = i + 1;
    }
  }
  return [line, offset - start + 1];
}
