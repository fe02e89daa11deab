/**
 * Run by `npm run build` (scripts/build.js) after bundling: what a check would otherwise compute in
 * every process, computed once. Each file is used only while what it was made from is unchanged
 * (each holds a digest of its sources), so a schema, catalog or calendar edited without a rebuild
 * is read afresh:
 * - `validators/<kind>.cjs`: the schemas compiled into standalone validator code (ajv), one file per
 *   kind of file, so that a check of a repository without CSRs never loads the CSR validator;
 * - `catalogs.json`: the shipped catalogs (standards/*.yaml), parsed;
 * - `calendars.json`: the shipped public calendars (calendars/*.yaml), parsed.
 */
import { createRequire } from "node:module";
import { parseShippedCalendars } from "./calendar.js";
import { parseShippedCatalogs } from "./repository.js";
import { createAjv, SCHEMA_FILES, schemaDigest } from "./schemas.js";
import type { FileKind } from "./source.js";

/** The files to write under dist/precompiled/, by path relative to it. */
export function precompiledFiles(): Map<string, string> {
  const require = createRequire(import.meta.url);
  const standalone = (require("ajv/dist/standalone") as typeof import("ajv/dist/standalone/index.js")).default;
  const files = new Map<string, string>();
  const digest = JSON.stringify(schemaDigest());
  for (const [kind, schema] of Object.entries(SCHEMA_FILES) as [FileKind, string][]) {
    // ajv emits CommonJS; the digest ties the code to the schemas it came from.
    files.set(`validators/${kind}.cjs`, `${standalone(createAjv({ source: true }), { validate: schema })}\nexports.schemaDigest = ${digest};\n`);
  }
  files.set("catalogs.json", JSON.stringify(parseShippedCatalogs()));
  files.set("calendars.json", JSON.stringify(parseShippedCalendars()));
  return files;
}
