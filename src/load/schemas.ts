/**
 * JSON Schema validation of each file, with every error mapped to the YAML node it concerns.
 * Schemas are compiled once per process, or ahead of time by the build.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { Script } from "node:vm";
import type { Ajv2020, ErrorObject } from "ajv/dist/2020.js";
import { didYouMean, quotedId, showInvisible } from "../core/text.js";
import { language, list, sentences, t, type MessageKey } from "../i18n/index.js";
import { codesWithLabels, suggestCode } from "../i18n/values.js";
import { clauseReferenceExample, standardsInScope } from "../model/citations.js";
import type { Path } from "../model/types.js";
import { PRECOMPILED_DIR, SCHEMA_DIR, SCHEMA_HINTS_ZH } from "./package.js";
import { madeFrom, shippedSources } from "./shipped-sources.js";
import { numberAsText, numberAsTextProblem } from "./silent.js";
import { locate, type FileKind, type LoadProblem, type SourceFile } from "./source.js";

export const SCHEMA_FILES: Record<FileKind, string> = {
  qms: "qms.schema.json",
  people: "people.schema.json",
  processes: "processes.schema.json",
  symbols: "symbols.schema.json",
  customer: "customer.schema.json",
  csr: "csr.schema.json",
  document: "document.schema.json",
  standard: "standard.schema.json",
  action: "action.schema.json",
  supplier: "supplier.schema.json",
  tooling: "tooling.schema.json",
  "first-article": "first-articles.schema.json",
  objective: "objectives.schema.json",
  "register-edition": "register-editions.schema.json",
  "management-review": "management-reviews.schema.json",
};

type Validator = (data: unknown) => boolean;
type Validators = Map<FileKind, Validator & { errors?: ErrorObject[] | null }>;
/** The validators loaded so far; compiled here (all at once) only when the build's are not usable. */
const validators: Validators = new Map();
let compiled = false;
/** Whether the precompiled validators were compiled from the schema files as they are now, once known. */
let builtFromCurrentSchemas: boolean | undefined;

/**
 * Written by `npm run build` (src/load/precompile.ts): the same validators, compiled ahead of time,
 * one file per kind of file (`<kind>.cjs`), so that a check loads the code of the kinds it meets;
 * and `schemas.sources`, the schema files they were compiled from (load/shipped-sources.ts):
 * precompiled validators are never used for other schemas.
 */
export const PRECOMPILED_VALIDATORS = join(PRECOMPILED_DIR, "validators");
export const PRECOMPILED_SCHEMA_SOURCES = join(PRECOMPILED_VALIDATORS, "schemas.sources");

/**
 * Compiling the schemas costs a few hundred milliseconds per process, so `npm run build` compiles
 * them ahead of time; they are used only while the schemas are exactly those they were built from.
 */
function validator(kind: FileKind): Validator & { errors?: ErrorObject[] | null } {
  const known = validators.get(kind);
  if (known) return known;
  if (!compiled) {
    try {
      if ((builtFromCurrentSchemas ??= madeFrom(PRECOMPILED_SCHEMA_SOURCES, shippedSources(SCHEMA_DIR, ".json")))) {
        const file = join(PRECOMPILED_VALIDATORS, `${kind}.cjs`);
        const { validate } = runValidatorCode(file, codeCache(file));
        validators.set(kind, validate);
        return validate;
      }
    } catch {
      // Not built (tests import the sources) or unreadable: compile below.
    }
  }
  compiled = true;
  const ajv = createAjv();
  for (const each of Object.keys(SCHEMA_FILES) as FileKind[]) validators.set(each, ajv.getSchema(SCHEMA_FILES[each])!);
  return validators.get(kind)!;
}

/**
 * Runs a validator file of the build: CommonJS code (ajv's standalone output, bundled) that needs
 * nothing but `exports`. Run as a script rather than required, so that V8 can take it from the
 * code cache the build made of it (`<kind>.cjs.cache`): loading qms.yaml's validator and
 * validating a first file cost a check 4.5 ms of CPU, 2.1 ms with the cache. V8 uses a cache only
 * if the same V8 made it, with the same flags (it checks both, and otherwise compiles the code as
 * require would); the build makes it with the flags bin/csr.js sets. Returns the script too, for
 * the build to make the cache from.
 */
export function runValidatorCode(file: string, cachedData?: Buffer): { validate: Validator; script: Script } {
  // ASCII: the build escapes any other character (scripts/build.js asciiOnly).
  const script = new Script(`(function (exports) {${readFileSync(file, "latin1")}\n})`, { filename: file, cachedData });
  const exports: { validate?: Validator } = {};
  (script.runInThisContext() as (exports: object) => void)(exports);
  return { validate: exports.validate!, script };
}

function codeCache(file: string): Buffer | undefined {
  try {
    return readFileSync(`${file}.cache`);
  } catch {
    return undefined;
  }
}

/**
 * ajv is required only when a file needs validating: a check answered from the cache never
 * pays for loading it. Both packages are CommonJS, so a synchronous require keeps validateFile sync.
 */
export function createAjv(options: { source?: boolean } = {}): Ajv2020 {
  const require = createRequire(import.meta.url);
  const { Ajv2020: Ajv } = require("ajv/dist/2020") as typeof import("ajv/dist/2020.js");
  const addFormats = require("ajv-formats") as (ajv: Ajv2020) => Ajv2020;
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, strictRequired: false, allowUnionTypes: true, code: { source: options.source === true } });
  addFormats(ajv);
  const schema = (name: string) => ({ ...JSON.parse(readFileSync(join(SCHEMA_DIR, name), "utf8")), $id: name });
  ajv.addSchema(schema("common.schema.json"));
  for (const name of Object.values(SCHEMA_FILES)) ajv.addSchema(schema(name));
  return ajv;
}

export function validateFile(file: SourceFile): LoadProblem[] {
  const validate = validator(file.kind);
  if (validate(file.data)) return [];
  const silent = restoreNumbersAsText(file, validate.errors ?? []);
  if (silent.length === 0) return mapErrors(file, validate.errors ?? []);
  return [...silent, ...(validate(file.data) ? [] : mapErrors(file, validate.errors ?? []))];
}

/**
 * Where `data` fails the schema of `kind`: the path of each value that fails it (a missing field: the
 * mapping that lacks it; an unknown field: that field); none when it passes. Used to keep the rest of
 * a file that fails (load/salvage.ts).
 */
export function failingParts(kind: FileKind, data: unknown): Path[] {
  const validate = validator(kind);
  if (validate(data)) return [];
  return (validate.errors ?? []).map((error) => {
    const path: (string | number)[] = error.instancePath.split("/").slice(1).map(decodePointer).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    return error.keyword === "additionalProperties" ? [...path, String(error.params.additionalProperty)] : path;
  });
}

/**
 * The top-level fields of `data` that fail the schema of `kind`: each one missing that it requires,
 * and each one whose value (or a value inside it) fails; none when it passes. What a command that
 * sets fields may repair (commands/shared/repair.ts).
 */
export function failingFields(kind: FileKind, data: unknown): string[] {
  const validate = validator(kind);
  if (validate(data)) return [];
  const fields = (validate.errors ?? []).map((error) => {
    const path = error.instancePath.split("/").slice(1).map(decodePointer);
    if (path.length > 0) return path[0]!;
    if (error.keyword === "required") return String(error.params.missingProperty);
    return error.keyword === "additionalProperties" ? String(error.params.additionalProperty) : "";
  });
  return [...new Set(fields)];
}

/**
 * `section: 4.10` where text is expected: YAML made it the number 4.1. The value becomes the text as
 * written (what the author meant) and a warning says to quote it.
 */
function restoreNumbersAsText(file: SourceFile, errors: ErrorObject[]): LoadProblem[] {
  const problems: LoadProblem[] = [];
  for (const error of errors) {
    if (error.keyword !== "type" || typeof error.data !== "number" || !String(error.params.type).split(",").includes("string")) continue;
    const path = error.instancePath.split("/").slice(1).map(decodePointer).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    const written = numberAsText(file.doc, file.text, path);
    const parent = path.slice(0, -1).reduce<unknown>((node, key) => (node as Record<string | number, unknown>)?.[key], file.data) as Record<string | number, unknown> | undefined;
    if (written === undefined || !parent || typeof parent !== "object") continue;
    parent[path[path.length - 1]!] = written;
    const [line, column] = locate(file, path);
    problems.push(numberAsTextProblem(path, written, error.data, line, column));
  }
  return problems;
}

/** How a message names a whole file of a kind: top-level files by their name, the others by what they hold. */
function kindName(kind: FileKind): string {
  return t(`schema.kind.${kind}`);
}

/** The JSON Schema types a message names, as the reader knows them; others are shown as written. */
const TYPE_NAMES: Record<string, MessageKey> = {
  object: "schema.type.object",
  array: "schema.type.array",
  string: "schema.type.string",
  integer: "schema.type.integer",
  boolean: "schema.type.boolean",
  null: "schema.type.null",
};

function mapErrors(file: SourceFile, errors: ErrorObject[]): LoadProblem[] {
  const problems: LoadProblem[] = [];
  const reportedPaths = new Set<string>();
  const alternatives = new Set(errors.filter((error) => error.keyword === "anyOf").map((error) => error.instancePath));
  for (const error of errors) {
    const path = error.instancePath.split("/").slice(1).map(decodePointer).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    if (error.keyword === "additionalProperties") {
      const name = String(error.params.additionalProperty);
      const allowed = Object.keys((error.parentSchema?.properties as object | undefined) ?? {});
      const [line, column] = locate(file, [...path, name], true);
      problems.push({
        rule: "schema/unknown-field",
        line,
        column,
        message: sentences((path.length === 0 ? t("schema.unknown-field.top", { name, file: kindName(file.kind) }) : t("schema.unknown-field", { name, where: where(file, path) })) + didYouMean(name, allowed), t("schema.allowed-fields", { fields: list(allowed) })),
      });
      continue;
    }
    // A field one of several forms of the value requires (anyOf of required: a read-across names a document, process or
    // product): the anyOf's one message, with the value's description, says it, not one missing field per form.
    if (error.keyword === "required" && /\/anyOf\/\d+\/required$/.test(error.schemaPath) && alternatives.has(error.instancePath)) continue;
    if (error.keyword === "required") {
      const name = String(error.params.missingProperty);
      const [line, column] = locate(file, path);
      problems.push({
        rule: "schema/missing-field",
        line,
        column,
        message:
          path.length === 0 ? t("schema.missing-field.top", { name, file: kindName(file.kind) }) : t("schema.missing-field", { name, where: where(file, path) }),
      });
      continue;
    }
    // One message per value: alternatives (oneOf, if/then) repeat what their branches said.
    const key = error.instancePath;
    if (reportedPaths.has(key) || error.keyword === "oneOf" || error.keyword === "if") continue;
    // A value of several forms (anyOf): each branch names one form, the value's description names them all.
    if (error.keyword !== "anyOf" && alternatives.has(key)) continue;
    reportedPaths.add(key);
    const [line, column] = locate(file, path);
    problems.push({ rule: "schema/invalid-value", line, column, message: valueMessage(file, path, error) });
  }
  return problems;
}

function decodePointer(s: string): string {
  return s.replace(/~1/g, "/").replace(/~0/g, "~");
}

function where(file: SourceFile, path: (string | number)[]): string {
  return path.length === 0 ? kindName(file.kind) : `'${pathText(path)}'`;
}

export function pathText(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return t("schema.value.nothing");
  if (Array.isArray(value)) return t("schema.value.list");
  if (typeof value === "object") return t("schema.value.mapping");
  // Invisible and look-alike characters are named: they are why an id that looks right has the wrong form.
  return typeof value === "string" ? quotedId(value) : `'${showInvisible(String(value))}'`;
}

/** A value found where another type was expected, said with its own type: 文本 '二级', 数字 12, 值 true. */
function describeFound(value: unknown): string {
  if (typeof value === "string") return t("schema.value.text", { value: describe(value) });
  if (typeof value === "number") return t("schema.value.number", { value: String(value) });
  if (typeof value === "boolean") return t("schema.value.boolean", { value: String(value) });
  return describe(value);
}

/** Whether text would be a value of one of `types` written without its quotes: "12" for an integer, "true" for a boolean. */
function quotedScalar(text: string, types: readonly string[]): boolean {
  const bare = text.trim();
  return (types.includes("integer") && /^[+-]?\d+$/.test(bare)) || (types.includes("boolean") && (bare === "true" || bare === "false"));
}

let hintsZh: Record<string, string> | undefined;

/** The clause reference the schemas give as an example (common.schema.json, csr.schema.json). */
const SCHEMA_CLAUSE_EXAMPLE = "IATF16949:8.3.3.3";

/**
 * A schema description as the reader's hint: English as the schema says it (editors show that too),
 * Chinese from locales/schemas.zh-CN.json, read only when a hint is printed. The catalog is keyed by
 * the English text, so that it works with the precompiled validators, which keep the description but
 * not which schema file it came from; test/i18n/schema-hints.test.ts keeps it complete. Its example
 * of a clause reference is one of the repository's standards (model/citations.ts).
 */
export function schemaHint(description: string | undefined): string | undefined {
  if (description === undefined) return undefined;
  if (language() === "zh-CN") hintsZh ??= JSON.parse(readFileSync(SCHEMA_HINTS_ZH, "utf8")) as Record<string, string>;
  const hint = (language() === "zh-CN" ? hintsZh?.[description] : undefined) ?? description;
  // The schemas show a clause reference as IATF 16949's; a GJB 9001C user copies a reference to their own standard.
  return hint.replaceAll(SCHEMA_CLAUSE_EXAMPLE, clauseReferenceExample(standardsInScope()));
}

function valueMessage(file: SourceFile, path: (string | number)[], error: ErrorObject): string {
  const at = where(file, path);
  const data = error.data;
  const schema = error.parentSchema as { description?: string } | undefined;
  // The schema's description explains the field, in the reader's language.
  const hint = schemaHint(schema?.description);
  const limit = String(error.params.limit);
  switch (error.keyword) {
    case "type": {
      const types = String(error.params.type).split(",");
      const expected = types.map((type) => (TYPE_NAMES[type] ? t(TYPE_NAMES[type]) : type)).join(t("schema.or"));
      // A number or true/false in quotes is text to YAML: the quotes are what is wrong, not the 12 (breaker60 K10).
      if (typeof data === "string" && quotedScalar(data, types)) return sentences(t("schema.quoted-scalar", { at, expected, value: data.trim() }), hint);
      return sentences(t("schema.wrong-type", { at, expected, found: describeFound(data) }), hint);
    }
    case "enum": {
      const allowed = (error.params.allowedValues as unknown[]).map(String);
      return t("schema.not-allowed-value", { at, value: describe(data), allowed: list(codesWithLabels(allowed)) }) + suggestCode(String(data), allowed);
    }
    case "format":
      if (error.params.format === "date") return t("schema.not-date", { at, value: describe(data) });
      return t("schema.not-format", { at, value: describe(data), format: String(error.params.format) });
    case "pattern": {
      // describe() has named the character already (quotedId); the fix is to delete it.
      const invisible = typeof data === "string" && showInvisible(data) !== data && t("schema.invisible");
      return sentences(t("schema.wrong-form", { at, value: describe(data) }), invisible, hint);
    }
    case "minItems":
      return sentences(t("schema.min-items", { at, limit }), hint);
    case "minLength":
      return sentences(t("schema.empty", { at }), hint);
    case "anyOf":
      return sentences(t("schema.wrong-form", { at, value: describe(data) }), hint);
    case "minProperties":
      return sentences(t("schema.min-properties", { at, limit }), hint);
    case "uniqueItems":
      return t("schema.duplicate-items", { at, first: String(error.params.j), second: String(error.params.i) });
    case "minimum":
    case "maximum":
      return sentences(t(error.keyword === "minimum" ? "schema.minimum" : "schema.maximum", { at, value: describe(data), limit }), hint);
    case "propertyNames":
      return sentences(t("schema.bad-key", { at }), hint);
    default:
      return sentences(t("schema.invalid", { at, detail: error.message ?? "is invalid" }), hint);
  }
}
