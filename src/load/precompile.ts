/**
 * Run by `npm run build` after tsc: compiles the schemas into standalone validator code
 * (dist/validators.cjs) and stores the shipped catalogs parsed (dist/catalogs.json), so that a
 * check does neither on every run.
 */
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { parseShippedCatalogs, PRECOMPILED_CATALOGS } from "./repository.js";
import { createAjv, PRECOMPILED, SCHEMA_FILES, schemaDigest } from "./schemas.js";

export function precompileValidators(): string {
  const require = createRequire(import.meta.url);
  const standalone = (require("ajv/dist/standalone") as typeof import("ajv/dist/standalone/index.js")).default;
  const code = standalone(createAjv({ source: true }), { ...SCHEMA_FILES });
  // ajv emits CommonJS; the digest ties the code to the schemas it came from.
  return `${code}\nexports.schemaDigest = ${JSON.stringify(schemaDigest())};\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(PRECOMPILED, precompileValidators());
  writeFileSync(PRECOMPILED_CATALOGS, JSON.stringify(parseShippedCatalogs()));
}
