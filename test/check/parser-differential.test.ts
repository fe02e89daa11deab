/**
 * The loader reads data with a fast parser (js-yaml) and builds `yaml`'s Document only for files
 * with a finding. This differential test proves the two paths agree: every YAML file of the
 * fixtures, the examples, a generated repository and a corpus of hostile and unusual inputs is
 * read both ways, and the values, the load problems and the schema findings (with their lines
 * and columns) must be the same. It also says which parser the fast path left each text to, so
 * that a reason to leave a text to `yaml` is proved to work, and clean files to stay fast.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { load as loadFast } from "js-yaml";
import { describe, expect, it, vi } from "vitest";
import { parse as parseYaml } from "yaml";
import { YAML_CORE_SCHEMA } from "../../src/load/core-schema.js";
import { discover } from "../../src/load/discover.js";
import { validateFile } from "../../src/load/schemas.js";
import { stillChecked } from "../../src/load/silent.js";
import { sourceFromBytes, type FileKind, type LoadProblem, type Parser, type SourceFile } from "../../src/load/source.js";
// @ts-expect-error: the benchmark generator is plain JavaScript without type declarations.
import { generateRepository } from "../../bench/generate.js";
import { ROOT, tempDir } from "../helpers.js";

/** What a file reads as: its data and every problem, schema problems included. */
function read(bytes: Buffer, kind: FileKind, parser: Parser) {
  return readFile(sourceFromBytes(bytes, "file.yaml", kind, parser));
}

function readFile(file: SourceFile) {
  const problems = [...file.problems];
  // A file whose only problems are keys written twice is validated too, as the check does (load/repository.ts).
  if (file.data !== undefined && problems.every(stillChecked)) problems.push(...validateFile(file));
  return { data: file.data, problems };
}

/** The `yaml` module that src/load/yaml.ts loads (the same CommonJS module), to see when it parses. */
const yamlModule = createRequire(import.meta.url)("yaml") as typeof import("yaml");

/** Expects both paths to read the text alike; returns whether the fast path left it to `yaml`. */
function expectSame(bytes: Buffer, kind: FileKind, label: string): boolean {
  const yaml = withoutStackDepth(read(bytes, kind, "yaml"));
  const parseDocument = vi.spyOn(yamlModule, "parseDocument");
  const file = sourceFromBytes(bytes, "file.yaml", kind, "fast");
  const leftToYaml = parseDocument.mock.calls.length > 0;
  parseDocument.mockRestore();
  const fast = withoutStackDepth(readFile(file));
  expect(fast, label).toStrictEqual(yaml);
  return leftToYaml;
}

/**
 * Nesting so deep that `yaml` overflows the call stack is reported where the stack ran out,
 * which moves with how deep the caller's stack already was: its line is compared, not its column.
 */
function withoutStackDepth(read: { data: unknown; problems: LoadProblem[] }) {
  return { ...read, problems: read.problems.map((p) => (p.rule === "yaml/too-deep" ? { ...p, column: 0 } : p)) };
}

/** Every folder with a qms.yaml below `dir`: a document repository whose files have known kinds. */
function repositories(dir: string): string[] {
  const found: string[] = [];
  const walk = (at: string) => {
    if (existsSync(join(at, "qms.yaml"))) found.push(at);
    for (const entry of readdirSync(at, { withFileTypes: true })) if (entry.isDirectory() && !entry.name.startsWith(".")) walk(join(at, entry.name));
  };
  walk(dir);
  return found;
}

/** Compares every file of the repository at `root`; returns how many there are and how many the fast path left to `yaml`. */
function expectRepositorySame(root: string): { files: number; leftToYaml: number } {
  const { files } = discover(root);
  let leftToYaml = 0;
  for (const f of files) if (statSync(f.abs).isFile() && expectSame(readFileSync(f.abs), f.kind, relative(ROOT, f.abs))) leftToYaml++;
  return { files: files.length, leftToYaml };
}

describe("fast parser and yaml read every file alike", () => {
  it("every file of the fixtures and the examples", () => {
    const roots = [...repositories(join(ROOT, "test", "fixtures")), ...repositories(join(ROOT, "examples"))];
    expect(roots.length).toBeGreaterThanOrEqual(14);
    let files = 0;
    for (const root of roots) files += expectRepositorySame(root).files;
    expect(files).toBeGreaterThan(150);
  });

  it("every file of the examples by js-yaml alone, Markdown bold and * lists in their procedures included", () => {
    const examples = repositories(join(ROOT, "examples"));
    const read = examples.map((root) => expectRepositorySame(root));
    expect(read.reduce((sum, r) => sum + r.files, 0)).toBeGreaterThan(100);
    expect(read.map((r) => r.leftToYaml)).toStrictEqual(examples.map(() => 0));
  });

  it("the shipped public calendars, which csr reads with js-yaml alone", () => {
    const dir = join(ROOT, "calendars");
    const names = readdirSync(dir).filter((n) => n.endsWith(".yaml"));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      const text = readFileSync(join(dir, name), "utf8");
      expect(loadFast(text, { schema: YAML_CORE_SCHEMA }), name).toStrictEqual(parseYaml(text));
    }
  });

  it("every file of a generated repository of 1,000 entities, all of them read by js-yaml alone", () => {
    const dir = tempDir();
    generateRepository(dir, 1000);
    expect(expectRepositorySame(dir)).toStrictEqual({ files: 983, leftToYaml: 0 });
  });

  const form = (extra: string) => `id: QR-001-01\ntitle: 来料检验记录\nlevel: 4\nkind: form\ndepartment: QA\nstatus: draft\n${extra}`;
  const aliasBomb = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
  for (let i = 1; i < 10; i++) aliasBomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(", ")}]`);
  const people = ["people:", "  - &base", "    id: p0", "    name: 人员0", "    department: QA", "    roles: [author]"];
  for (let i = 1; i < 150; i++) people.push("  - <<: *base", `    id: p${i}`);
  const blockDeep = ["remarks:"];
  for (let i = 1; i <= 150; i++) blockDeep.push(`${"  ".repeat(i)}k${i}:`);
  blockDeep.push(`${"  ".repeat(151)}x`);

  /** Hostile and unusual inputs: each kind the loader guards against, and the corners of YAML 1.2's core schema. */
  const corpus: Record<string, [FileKind, string | Buffer]> = {
    "tags outside the core schema": ["document", form("remarks: !!js/function 'f'\npurpose: !!python/object/apply:os.system [ls]\nscope: !custom text\nrelated: !!set {QP-001, QP-002}\nkeywords: !!omap [a: 1]\nowner: !!str zhang\n")],
    "a tag on a key": ["document", form("!x remarks: 备注\n")],
    "core tags": ["document", form("remarks: !!str 2024-01-01\nrevision: !!int '3'\n")],
    "UTF-16 with a byte-order mark": ["document", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(form(""), "utf16le")])],
    "UTF-16 without a byte-order mark": ["document", Buffer.from(form(""), "utf16le").swap16()],
    "a NUL byte": ["document", form("remarks: 备注\0尾\n")],
    "CR-only line ends": ["document", form("").replace(/\n/g, "\r")],
    "flow nesting 10,000 deep": ["document", form(`remarks: ${"[".repeat(10_000)}${"]".repeat(10_000)}\n`)],
    "block nesting 150 deep": ["document", form(blockDeep.join("\n") + "\n")],
    "nesting just under the limit": ["document", form(`remarks: ${"[".repeat(98)}x${"]".repeat(98)}\n`)],
    "an alias bomb": ["document", aliasBomb.join("\n") + "\n"],
    "anchors, aliases and merge keys": ["people", people.join("\n") + "\n"],
    "an anchor without an alias": ["document", form("remarks: &r 备注\n")],
    "a merge key without an alias": ["document", form("remarks:\n  <<: {a: 1, b: 2}\n  b: 3\n")],
    "a file over 1 MiB": ["document", form(`remarks: "${"x".repeat(1024 * 1024)}"\n`)],
    GBK: ["document", Buffer.concat([Buffer.from("id: QP-001\ntitle: "), Buffer.from([0xce, 0xc4, 0xbc, 0xfe]), Buffer.from("\n")])],
    "a UTF-8 byte-order mark and CRLF": ["document", "\ufeff" + form("related: [QP-404]\n").replace(/\n/g, "\r\n")],
    "a conflict marker's middle line alone": ["document", form("=======\n")],
    "conflict markers": ["document", "id: QR-001-01\n<<<<<<< HEAD\ntitle: 甲\n=======\ntitle: 乙\n>>>>>>> other\n"],
    "__proto__ and constructor keys": ["document", form("__proto__:\n  polluted: yes\nconstructor:\n  prototype:\n    polluted: yes\n")],
    "a quoted __proto__ key": ["document", form('"__proto__": 1\n')],
    "an empty file": ["symbols", ""],
    "only comments": ["document", "# nothing here yet\n"],
    "a list where a mapping is expected": ["document", "- id: QP-001\n- title: 文件控制程序\n"],
    "a duplicate key": ["document", form("title: 重复\n")],
    "keys written twice in a nested mapping, a flow mapping and a list item": ["document", form("remarks:\n  a: 1\n  a: 2\nrelated: [QP-001]\nkeywords: {x: 1, x: 2}\nrevisions:\n  - version: A/0\n    version: A/1\nstatus: released\n")],
    "a key written twice with a tag in the repeat": ["document", form("remarks: a\nremarks: !!js/function f\n")],
    "a key written twice whose repeat holds an anchor": ["document", form("remarks: a\nremarks: &r b\npurpose: *r\n")],
    "a key written twice and a syntax error": ["document", form("remarks: a\nremarks: b\npurpose: [unclosed\n")],
    "a __proto__ key written twice": ["document", form("__proto__: 1\n__proto__: 2\n")],
    "a number and a text key that read alike": ["document", form("remarks:\n  1: a\n  '1': b\n")],
    "malformed YAML": ["document", "id: QP-001\ntitle: [unclosed\nlevel: 2\n"],
    "a tab where indentation is expected": ["document", "id: QP-001\ntitle:\n\t- a\n"],
    "two documents": ["document", form("---\nid: QP-002\n")],
    "a document start and end marker": ["document", "---\n" + form("...\n")],
    "a YAML 1.1 directive": ["document", "%YAML 1.1\n---\n" + form("remarks: [yes, no, on, off, 0777, 2024-01-01]\n")],
    "YAML 1.1 booleans, dates and octals stay as 1.2 reads them": [
      "document",
      form("remarks: [yes, no, on, off, y, n, True, FALSE, 0777, 0o17, 0x1F, 1_000, 2024-01-01, 2024-01-01T10:00:00Z, .inf, -.Inf, .NaN, ~, null, Null, 1e3, 1.5e-3, +12, -0, 0.]\n"),
    ],
    "keys that are not text": ["document", form("remarks:\n  1: a\n  2.5: b\n  true: c\n  null: d\n  ~: e\n  [a, b]: f\n  {x: y}: g\n  ? complex\n  : h\n")],
    "an empty key and an empty value": ["document", form('remarks:\n  "": a\n  b:\n  c: ""\n')],
    "block scalars with every chomping": ["document", form("remarks: |\n  a\n   b\n\n\npurpose: >-\n  folded\n  text\n\n  para\nscope: |+\n  keep\n\nowner: >2\n    indented\n")],
    "quoted scalars with escapes": ["document", form(`remarks: "tab\\there\\u00e9\\x41\\N\\_\\\\ \\"q\\""\npurpose: 'it''s\n  folded'\nscope: "line\\\n  joined"\n`)],
    "plain scalars with colons, hashes and exclamation marks": ["document", form("remarks: a:b # comment\npurpose: x#y\nscope: 注意！重要 !\nowner: -dash\n")],
    "flow collections across lines": ["document", form("related: [\n  QP-001,\n  QP-002, ]\nremarks: {a: 1,\n  b: [2, 3]}\n")],
    "long keys and values": ["document", form(`remarks:\n  ${"k".repeat(1100)}: v\n`)],
    "comments not separated by a space": ["document", form('remarks: "a"#c\npurpose: [a, b]#c\nscope: x#y\n')],
    "a value indented under a value": ["document", "id: QP-001\ntitle: a\n  b: c\n"],
    "text after a quoted value": ["document", "id: QP-001\ntitle: 'x' y\n"],
    "a multi-line implicit key": ["document", "id: QP-001\n\"a\n b\": c\n"],
    "a space before the colon": ["document", form("remarks : x\n")],
    "nested sequences on one line": ["document", form("remarks:\n  - - a\n    - b\n  - - c\n")],
    "a block scalar indented less than its first line": ["document", form("remarks: |\n    a\n  b\n")],
    "a byte-order mark inside the text": ["document", form("remarks: a\ufeffb\n")],
    "reserved indicators": ["document", "id: QP-001\ntitle: @at\nremarks: `tick\n"],
    "a flow mapping with a missing value": ["document", form("remarks: {a, b: , : c}\n")],
    "an explicit key": ["document", form("? remarks\n: x\n")],
    "an anchor on a key and an empty node": ["document", form("&k remarks: &e\n")],
    "a long line that is not a key": ["document", form(`remarks: ${"长".repeat(1500)}\n`)],
    "a document end then text": ["document", form("...\nextra: 1\n")],
    "Chinese keys and values": ["document", form("remarks:\n  编制: 张三\n  审核：李四: x\n")],
    "trailing spaces and comments everywhere": ["document", "# head\nid: QR-001-01   # id\ntitle: 来料检验记录  \nlevel: 4\nkind: form\ndepartment: QA\nstatus: draft\n# tail\n"],
  };
  for (const [label, [kind, content]] of Object.entries(corpus)) {
    it(label, () => {
      expectSame(Buffer.isBuffer(content) ? content : Buffer.from(content, "utf8"), kind, label);
    });
  }

  const manyKeys = Array.from({ length: 40 }, (_, i) => `  k${i}: v${i}`).join("\n");
  /**
   * Each reason the fast path has to leave a text to `yaml` (js-yaml 4 would read it otherwise than
   * `yaml`, or a guard of `yaml`'s path must speak), and texts near them that js-yaml reads alone.
   */
  const reasons: Record<string, [string, "yaml" | "js-yaml"]> = {
    "a number key": [form("remarks:\n  1: x\n"), "yaml"],
    "a negative number key": [form("remarks:\n  -1: x\n"), "yaml"],
    "a float key": [form("remarks:\n  1.5: x\n"), "yaml"],
    "an infinite key": [form("remarks:\n  .inf: x\n"), "yaml"],
    "a null key": [form("remarks:\n  null: x\n"), "yaml"],
    "a ~ key": [form("remarks:\n  ~: x\n"), "yaml"],
    "a boolean key": [form("remarks:\n  true: x\n"), "yaml"],
    "an empty quoted key": [form('remarks:\n  "": x\n'), "yaml"],
    "a quoted key that reads like null": [form('remarks:\n  "null": x\n'), "yaml"],
    "a flow sequence as a key": [form("remarks:\n  [a, b]: x\n"), "yaml"],
    "a flow mapping as a key": [form("remarks:\n  {a: b}: x\n"), "yaml"],
    "an empty flow sequence as a key inside a flow mapping": [form("remarks: {[]: x}\n"), "yaml"],
    "an explicit key": [form("remarks:\n  ? complex\n  : x\n"), "yaml"],
    "an explicit sequence key": [form("remarks:\n  ? [a, b]\n  : x\n"), "yaml"],
    "an anchor": [form("remarks: &a x\n"), "yaml"],
    "an alias": [form("remarks: &a x\npurpose: *a\n"), "yaml"],
    "an alias in a flow sequence": [form("related: [&a QP-001, *a]\n"), "yaml"],
    "a merge key from an alias": [form("remarks:\n  base: &a {x: 1}\n  more:\n    <<: *a\n    y: 2\n"), "yaml"],
    "a quoted merge key": [form('remarks:\n  "<<": x\n'), "yaml"],
    "a constructor key": [form("constructor: x\n"), "yaml"],
    "a prototype key": [form("remarks:\n  prototype: x\n"), "yaml"],
    "a quoted value continued at its key's indentation": [form('remarks:\n  a: "x\n  y"\n'), "yaml"],
    "a flow sequence continued at its key's indentation": [form("remarks:\n  a: [x,\n  y]\n"), "yaml"],
    "a mapping on the document start line": ["--- " + form(""), "yaml"],
    "a document start glued to text": ["---x: 1\n" + form(""), "yaml"],
    "a comment glued to a flow sequence": [form("related: [QP-001]#c\n"), "yaml"],
    "a line separator inside a value": [form("remarks: a\u2028b\n"), "js-yaml"],
    "numbers that js-yaml 4's own core schema reads otherwise": [form("remarks: [0b101, +0x1F, -0x1F, -0o17, +.5, -.5e2, -0, 0o17, 0x1F, 1e3, -.inf]\n"), "js-yaml"],
    "& and * inside plain text": [form("remarks: R&D 部门, 注*重要\n"), "js-yaml"],
    // Markdown in a section's text: bold at the start of a list item, a * list, a spaced &.
    "Markdown bold, a * list and a spaced & in a text block": [form("remarks: |\n  - **品质部文控**：文件编号、登记\n  * 各部门 & 车间\n  *注*：见附录\n"), "js-yaml"],
    "an anchor in a file whose text block has Markdown bold": [form("remarks: |\n  - **职责**\npurpose: &p 目的\n"), "yaml"],
    "an anchor on a mapping": [form("remarks: &a\n  x: 1\n"), "yaml"],
    "an alias with no anchor": [form("remarks: *a\n"), "yaml"],
    "a key written twice": [form("remarks: a\nremarks: b\n"), "yaml"],
    "a mapping of 40 keys": [form(`remarks:\n${manyKeys}\n`), "js-yaml"],
    "quoted keys": [form('"remarks": x\n\'purpose\': y\n'), "js-yaml"],
    // Marks that send a text through the guards' own searches (source.ts RARE_MARKS) but not to `yaml`.
    "a question mark, a percent sign and an exclamation mark inside plain text": [form("remarks: 合格率 98%? 是!\n"), "js-yaml"],
    "a document end marker's dots and a conflict marker's run inside a value": [form("remarks: 见下文... ======= 止\n"), "js-yaml"],
  };
  for (const [label, [content, reader]] of Object.entries(reasons)) {
    it(`${label}: read by ${reader}`, () => {
      expect(expectSame(Buffer.from(content, "utf8"), "document", label)).toBe(reader === "yaml");
    });
  }
});

describe("a key written twice, read by both paths with its first value (tester69 T7)", () => {
  const text = "id: QR-001-01\ntitle: 来料检验记录\nlevel: 4\nkind: form\ndepartment: QA\nstatus: draft\ntitle: 重复\nremarks:\n  a: 1\n  a: 2\n";
  it.each(["fast", "yaml"] as const)("by the %s path: the data holds the first values, each repeat is reported where it is", (parser) => {
    const file = sourceFromBytes(Buffer.from(text), "file.yaml", "document", parser);
    expect(file.data).toStrictEqual({ id: "QR-001-01", title: "来料检验记录", level: 4, kind: "form", department: "QA", status: "draft", remarks: { a: 1 } });
    expect(file.problems.map((p) => [p.rule, p.line, p.column])).toStrictEqual([
      ["yaml/duplicate-key", 7, 1],
      ["yaml/duplicate-key", 10, 3],
    ]);
    // The Document the findings are placed by holds the same values: the repeat is left out of it too.
    expect(file.doc?.toJS()).toStrictEqual(file.data);
  });
});

describe("dates outside the range, noted while js-yaml's data is read", () => {
  const form = (remarks: string) => Buffer.from(`id: QR-001-01\ntitle: 来料检验记录\nlevel: 4\nkind: form\ndepartment: QA\nstatus: draft\nremarks: ${remarks}\n`);
  it("marks a file whose strings hold none, so that date/out-of-range need not walk it again, and not one that holds one", () => {
    const datesInRange = (remarks: string) => sourceFromBytes(form(remarks), "file.yaml", "document", "fast").datesInRange;
    expect(datesInRange("[2026-03-10, QP-001-A01]")).toBe(true);
    expect(datesInRange("[2026-03-10, 0001-01-01]")).toBe(false);
    // The same date again: now a shared string, told apart from the table's list, not by parsing it again.
    expect(datesInRange("9999-12-31")).toBe(false);
    expect(datesInRange("[9999-12-31]")).toBe(false);
    expect(datesInRange("2099-12-31")).toBe(true);
    // A file left to `yaml` is walked by the rule: nothing is noted for it.
    expect(sourceFromBytes(Buffer.from("remarks: &a 0001-01-01\n"), "file.yaml", "document", "fast").datesInRange).toBeUndefined();
  });
});
