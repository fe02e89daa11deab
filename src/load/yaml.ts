/**
 * The `yaml` package, loaded on first use. It builds the Document that gives every finding its
 * line and column, but a check of clean files never needs it (js-yaml reads their data), and
 * loading its many modules would cost more than a whole cached check. Node's `require` loads it
 * synchronously, as the rules that ask for a position expect. The build sets CSR_YAML_MODULE to
 * its one-file copy of the package (scripts/build.js), which the bundle's imports of `yaml` read too.
 */
import { createRequire } from "node:module";

type Yaml = typeof import("yaml");
let loaded: Yaml | undefined;

declare const CSR_YAML_MODULE: string | undefined;

export function yaml(): Yaml {
  return (loaded ??= createRequire(import.meta.url)(typeof CSR_YAML_MODULE === "string" ? CSR_YAML_MODULE : "yaml") as Yaml);
}
