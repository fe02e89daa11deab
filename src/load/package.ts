/** Locations inside the installed csr package (schemas, catalogs, templates, docs). */
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

export const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const SCHEMA_DIR = join(PACKAGE_ROOT, "schemas");
export const STANDARDS_DIR = join(PACKAGE_ROOT, "standards");
export const CALENDARS_DIR = join(PACKAGE_ROOT, "calendars");
export const TEMPLATES_DIR = join(PACKAGE_ROOT, "templates");
