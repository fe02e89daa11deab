/**
 * The `yaml` package, loaded on first use. It builds the Document that gives every finding its
 * line and column, but a check of clean files never needs it (js-yaml reads their data), and
 * loading its many modules would cost more than a whole cached check. Node's `require` loads it
 * synchronously, as the rules that ask for a position expect.
 */
import { createRequire } from "node:module";

type Yaml = typeof import("yaml");
let loaded: Yaml | undefined;

export function yaml(): Yaml {
  return (loaded ??= createRequire(import.meta.url)("yaml") as Yaml);
}
