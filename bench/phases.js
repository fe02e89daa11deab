#!/usr/bin/env node
// Where a full check spends its time, phase by phase, in one process without the cache:
//   node bench/phases.js <dir>   (after npm run build)
import { runCheck } from "../dist/check/engine.js";
import { discover } from "../dist/load/discover.js";
import { buildRepository } from "../dist/load/repository.js";
import { readSource } from "../dist/load/source.js";

const root = process.argv[2] ?? ".";
const phases = {};
let start = performance.now();
const lap = (name) => {
  const now = performance.now();
  phases[name] = Math.round(now - start);
  start = now;
};
const found = discover(root);
lap("discover");
const files = found.files.map((f) => readSource(f.abs, f.path, f.kind));
lap("read + YAML parse");
const repo = buildRepository(root, files, found.problems);
lap("schema validation + model");
runCheck(repo, { today: "2026-06-30" });
lap("rules");
console.log(JSON.stringify(phases));
