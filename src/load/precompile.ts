/**
 * Run by `npm run build` (scripts/build.js) after bundling: what a check would otherwise compute in
 * every process, computed once. Each file is used only while what it was made from is unchanged
 * (the build stores the files it was made from beside it, `<name>.sources`: load/shipped-sources.ts),
 * so a schema, catalog or calendar edited without a rebuild is read afresh:
 * - `validators/<kind>.cjs`: the schemas compiled into standalone validator code (ajv), one file per
 *   kind of file, so that a check of a repository without CSRs never loads the CSR validator,
 *   `validators/<kind>.cjs.cache`, V8's code cache of each (writeValidatorCodeCaches), and
 *   `validators/schemas.sources`, the schema files they were compiled from;
 * - `catalogs.json`: the shipped catalogs (standards/*.yaml), parsed, and `catalogs.sources`;
 * - `calendars.json`: the shipped public calendars (calendars/*.yaml), parsed, and `calendars.sources`;
 * - `locales/<lang>/<part>.json`: each message catalog cut by the first part of its keys, and
 *   `locales/<lang>.sources` (i18n/index.ts PRECOMPILED_LOCALES);
 * - `templates.cjs`: csr's Handlebars templates, compiled (src/render/precompiled.ts); each is
 *   found by its own text, so an edited template is compiled afresh.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { catalogParts, catalogUrl, LANGS } from "../i18n/index.js";
import { parseShippedCalendars } from "./calendar.js";
import { parseShippedCatalogs } from "./repository.js";
import { createAjv, PRECOMPILED_VALIDATORS, runValidatorCode, SCHEMA_FILES } from "./schemas.js";
import { shippedSources } from "./shipped-sources.js";
import { CALENDARS_DIR, SCHEMA_DIR, STANDARDS_DIR, TEMPLATES_DIR } from "./package.js";
import type { FileKind } from "./source.js";

/** The files to write under dist/precompiled/, by path relative to it. */
export async function precompiledFiles(): Promise<Map<string, string | Buffer>> {
  const require = createRequire(import.meta.url);
  const standalone = (require("ajv/dist/standalone") as typeof import("ajv/dist/standalone/index.js")).default;
  const files = new Map<string, string | Buffer>();
  for (const [kind, schema] of Object.entries(SCHEMA_FILES) as [FileKind, string][]) {
    // ajv emits CommonJS.
    files.set(`validators/${kind}.cjs`, standalone(createAjv({ source: true }), { validate: schema }));
  }
  files.set("validators/schemas.sources", shippedSources(SCHEMA_DIR, ".json"));
  files.set("catalogs.json", JSON.stringify(parseShippedCatalogs()));
  files.set("catalogs.sources", shippedSources(STANDARDS_DIR, ".yaml"));
  files.set("calendars.json", JSON.stringify(parseShippedCalendars()));
  files.set("calendars.sources", shippedSources(CALENDARS_DIR, ".yaml"));
  for (const lang of LANGS) {
    for (const [part, entries] of catalogParts(lang)) files.set(`locales/${lang}/${part}.json`, JSON.stringify(entries));
    files.set(`locales/${lang}.sources`, readFileSync(catalogUrl(lang)));
  }
  const templates = (await templatesToPrecompile()).map(({ source, noEscape, spec }) => `[${noEscape}, ${JSON.stringify(source)}, ${spec}]`);
  files.set("templates.cjs", `exports.templates = [\n${templates.join(",\n")}\n];\n`);
  return files;
}

/**
 * Writes V8's code cache of each validator the build wrote (see runValidatorCode), after running it
 * once: V8 compiles a function when it first runs, and the cache holds what is compiled by then.
 * The build runs this in a Node started with the V8 flags of bin/csr.js.
 */
export function writeValidatorCodeCaches(): void {
  for (const kind of Object.keys(SCHEMA_FILES) as FileKind[]) {
    const file = join(PRECOMPILED_VALIDATORS, `${kind}.cjs`);
    const { validate, script } = runValidatorCode(file);
    validate({});
    writeFileSync(`${file}.cache`, script.createCachedData());
  }
}

/**
 * The folders of csr's templates that the build compiles, each with the escaping its templates are
 * compiled for (`noEscape`, as render/environment.ts compiles them: Markdown values arrive escaped
 * already); the tables' templates (report/table.ts renderTableTemplate) by their format.
 */
const FOLDERS: { dir: string; noEscape: (name: string) => boolean }[] = [
  { dir: "html", noEscape: () => false },
  { dir: join("html", "partials"), noEscape: () => false },
  { dir: "site", noEscape: () => false },
  { dir: "md", noEscape: () => true },
  { dir: join("md", "partials"), noEscape: () => true },
  { dir: "tables", noEscape: (name) => name.endsWith(".md.hbs") },
];

/** Every shipped template's text and escaping, with its precompiled spec as JavaScript source. */
async function templatesToPrecompile(): Promise<{ source: string; noEscape: boolean; spec: string }[]> {
  const { default: Handlebars } = await import("handlebars");
  return FOLDERS.flatMap(({ dir, noEscape }) => {
    if (!existsSync(join(TEMPLATES_DIR, dir))) return [];
    return readdirSync(join(TEMPLATES_DIR, dir)).filter((n) => n.endsWith(".hbs")).sort().map((name) => {
      const source = readFileSync(join(TEMPLATES_DIR, dir, name), "utf8");
      return { source, noEscape: noEscape(name), spec: Handlebars.precompile(source, { noEscape: noEscape(name) }) as string };
    });
  });
}
