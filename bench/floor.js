#!/usr/bin/env node
// The floor a check is measured against: read and YAML-parse every file of a repository in one
// Node process, with no validation and no rules.
//   node bench/floor.js <dir> [yaml|js-yaml]
// `yaml` (the default) is `yaml.parse`, the parser csr used for everything before it read data
// with js-yaml; `js-yaml` is the parse-only floor of the parser csr reads data with now: js-yaml
// 4.3.2 with its own core schema (src/load/core-schema.ts only resolves a few number forms as
// `yaml` does) and the depth limit of src/load/source.ts. Prints the file count.
// Only the parser asked for is loaded: the js-yaml floor once imported `yaml` too, some 70 ms of CPU
// (about 40 ms of a floor's run at 10,000 entities) that a parse with js-yaml never needs, which made
// csr's ratio to it look about 4 % better than it is (docs/speed.md, 2026-12-05 speed62).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const parsers = {
  yaml: async () => {
    const { parse } = await import("yaml");
    return (text) => parse(text);
  },
  "js-yaml": async () => {
    const { CORE_SCHEMA, load } = await import("js-yaml");
    return (text) => load(text, { schema: CORE_SCHEMA, maxDepth: 50 });
  },
};

function* yamlFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith(".")) continue;
    const abs = join(dir, entry.name);
    if (entry.isDirectory()) yield* yamlFiles(abs);
    else if (/\.ya?ml$/.test(entry.name)) yield abs;
  }
}

const loadParser = parsers[process.argv[3] ?? "yaml"];
if (!loadParser) throw new Error(`unknown parser ${process.argv[3]}; use yaml or js-yaml`);
const parser = await loadParser();
let files = 0;
for (const file of yamlFiles(process.argv[2] ?? ".")) {
  parser(readFileSync(file, "utf8"));
  files++;
}
console.log(`${files} files parsed`);
