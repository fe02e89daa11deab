#!/usr/bin/env node
// Where a full check spends its time, phase by phase, in one process without the cache:
//   node bench/phases.js <dir>
import { toolModule } from "../scripts/build.js";

const { runCheck, discover, buildRepository, readSource } = await import(
  await toolModule("phases", ["src/check/engine.ts", "src/load/discover.ts", "src/load/repository.ts", "src/load/source.ts"])
);

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
