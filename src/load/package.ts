/**
 * Locations inside the installed csr package (schemas, catalogs, templates, docs, locales and what
 * the build precompiles). Every module of csr sits two folders below the package root, whether
 * bundled or not: dist/cli/main.js, dist/cli/main.cjs, check.cjs, site.cjs and the bundle's chunks in dist/chunks/ (scripts/build.js), and
 * src/<folder>/<module>.ts when tests import the sources. So the root is found from whichever file
 * this code ended up in.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

export const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const PACKAGE_JSON = join(PACKAGE_ROOT, "package.json");
/** What csr's own package.json says of it. */
export interface PackageManifest {
  name: string;
  version: string;
  homepage: string;
}

let manifest: PackageManifest | undefined;

/** csr's package.json (name, version, homepage), read on first use and once per process. */
export function packageManifest(): PackageManifest {
  return (manifest ??= JSON.parse(readFileSync(PACKAGE_JSON, "utf8")) as PackageManifest);
}

export const SCHEMA_DIR = join(PACKAGE_ROOT, "schemas");
export const STANDARDS_DIR = join(PACKAGE_ROOT, "standards");
export const CALENDARS_DIR = join(PACKAGE_ROOT, "calendars");
export const TEMPLATES_DIR = join(PACKAGE_ROOT, "templates");
export const LOCALES_DIR = join(PACKAGE_ROOT, "locales");
/** The Chinese texts of the schemas' descriptions, keyed by the English text (src/load/schemas.ts schemaHint). */
export const SCHEMA_HINTS_ZH = join(LOCALES_DIR, "schemas.zh-CN.json");
/** What `npm run build` precompiles (validators, catalogs, calendars, templates): see src/load/precompile.ts. */
export const PRECOMPILED_DIR = join(PACKAGE_ROOT, "dist", "precompiled");
