/**
 * The JSON Schemas as a Chinese reader's editor shows them: each `title` and `description` from
 * locales/schemas.zh-CN.json (keyed by the English text, as schemaHint reads it), the rest as it is.
 * The build writes them to dist/schemas/zh-CN/, where `csr init` points a Chinese repository's
 * editor settings; `csr schema` prints and writes them in a Chinese run.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { SCHEMA_DIR, SCHEMA_HINTS_ZH } from "./package.js";

/** Where the Chinese schemas are, relative to the package root. */
export const CHINESE_SCHEMA_DIR = "dist/schemas/zh-CN";

/** A schema file's text with its titles and descriptions in Chinese; a text the catalog lacks stays English. */
export function chineseSchema(text: string, catalog = chineseSchemaTexts()): string {
  const translate = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(translate);
    if (!node || typeof node !== "object") return node;
    return Object.fromEntries(
      Object.entries(node).map(([key, value]) => [key, (key === "title" || key === "description") && typeof value === "string" ? (catalog[value] ?? value) : translate(value)]),
    );
  };
  return JSON.stringify(translate(JSON.parse(text)), null, 2) + "\n";
}

let texts: Record<string, string> | undefined;

function chineseSchemaTexts(): Record<string, string> {
  return (texts ??= JSON.parse(readFileSync(SCHEMA_HINTS_ZH, "utf8")) as Record<string, string>);
}

/** [file name, Chinese text] of every schema file, for the build. */
export function chineseSchemaFiles(): [string, string][] {
  return readdirSync(SCHEMA_DIR)
    .filter((name) => name.endsWith(".json"))
    .map((name) => [name, chineseSchema(readFileSync(join(SCHEMA_DIR, name), "utf8"))]);
}
