/**
 * Run by `npm run build` (scripts/build.js) after bundling: what a check would otherwise compute in
 * every process, computed once. Each file is used only while what it was made from is unchanged
 * (each holds a digest of its sources), so a schema, catalog or calendar edited without a rebuild
 * is read afresh:
 * - `validators/<kind>.cjs`: the schemas compiled into standalone validator code (ajv), one file per
 *   kind of file, so that a check of a repository without CSRs never loads the CSR validator;
 * - `catalogs.json`: the shipped catalogs (standards/*.yaml), parsed;
 * - `calendars.json`: the shipped public calendars (calendars/*.yaml), parsed;
 * - `templates.cjs`: csr's Handlebars templates, compiled (src/render/precompiled.ts); each is
 *   found by its own text, so an edited template is compiled afresh.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { parseShippedCalendars } from "./calendar.js";
import { parseShippedCatalogs } from "./repository.js";
import { createAjv, SCHEMA_FILES, schemaDigest } from "./schemas.js";
import { TEMPLATES_DIR } from "./package.js";
import type { FileKind } from "./source.js";

/** The files to write under dist/precompiled/, by path relative to it. */
export async function precompiledFiles(): Promise<Map<string, string>> {
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
  const templates = (await templatesToPrecompile()).map(({ source, noEscape, spec }) => `[${noEscape}, ${JSON.stringify(source)}, ${spec}]`);
  files.set("templates.cjs", `exports.templates = [\n${templates.join(",\n")}\n];\n`);
  return files;
}

/**
 * The folders of csr's templates that the build compiles, each with the escaping its templates are
 * compiled for (`noEscape`, as render/environment.ts compiles them: Markdown values arrive escaped already).
 * The tables' templates (report/table.ts) are compiled on their own and are left out.
 */
const FOLDERS: { dir: string; noEscape: boolean }[] = [
  { dir: "html", noEscape: false },
  { dir: join("html", "partials"), noEscape: false },
  { dir: "site", noEscape: false },
  { dir: "md", noEscape: true },
  { dir: join("md", "partials"), noEscape: true },
];

/** Every shipped template's text and escaping, with its precompiled spec as JavaScript source. */
async function templatesToPrecompile(): Promise<{ source: string; noEscape: boolean; spec: string }[]> {
  const { default: Handlebars } = await import("handlebars");
  return FOLDERS.flatMap(({ dir, noEscape }) => {
    if (!existsSync(join(TEMPLATES_DIR, dir))) return [];
    return readdirSync(join(TEMPLATES_DIR, dir)).filter((n) => n.endsWith(".hbs")).sort().map((name) => {
      const source = readFileSync(join(TEMPLATES_DIR, dir, name), "utf8");
      return { source, noEscape, spec: Handlebars.precompile(source, { noEscape }) as string };
    });
  });
}
