#!/usr/bin/env node
// The floor a check cannot beat: read and YAML-parse every file of a repository in one Node
// process, with no validation and no rules. `node bench/floor.js <dir>` prints the file count.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";

function* yamlFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith(".")) continue;
    const abs = join(dir, entry.name);
    if (entry.isDirectory()) yield* yamlFiles(abs);
    else if (/\.ya?ml$/.test(entry.name)) yield abs;
  }
}

let files = 0;
for (const file of yamlFiles(process.argv[2] ?? ".")) {
  parse(readFileSync(file, "utf8"));
  files++;
}
console.log(`${files} files parsed`);
