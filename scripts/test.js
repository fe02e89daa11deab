#!/usr/bin/env node
// `npm test` after the bundle (scripts/build.js): type-checks src/ and test/ while vitest runs the
// tests, and fails if either fails. `tsc -b tsconfig.test.build.json`: test/ is checked against the
// declarations of src/ that `npm run build` (`tsc -b tsconfig.build.json`) wrote beside its build
// info under .cache/tsc, so src/, checked by the build, is not checked again (a clean
// clone: `npm ci` builds, then `npm test`); tsc checks src/ first, as the build would, where it has
// changed since (or was never built). tsc works on one core for several seconds: run one after the
// other, that was time the second core of a 2-core machine had nothing to do. Arguments go to vitest
// (`npm test -- test/check`); tsc's report is printed after vitest's, not inside it.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const tscBin = require.resolve("typescript/bin/tsc");
const vitestBin = join(dirname(require.resolve("vitest/package.json")), "vitest.mjs");

/** Runs a node script to its end; `capture` keeps its output for later instead of printing it. */
function run(script, args, capture) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: root, stdio: capture ? ["ignore", "pipe", "pipe"] : "inherit" });
    let output = "";
    if (capture) for (const stream of [child.stdout, child.stderr]) stream.on("data", (chunk) => (output += chunk));
    child.on("close", (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

// tsc keeps what it found per file (its build info, beside vitest's own cache): a run after an edit
// of a few files checks those and what depends on them, not all of test/ again. The declarations of
// src/ change only where a signature changes; an edit inside a function body leaves test/ unchecked.
const [types, tests] = await Promise.all([run(tscBin, ["-b", "tsconfig.test.build.json"], true), run(vitestBin, ["run", ...process.argv.slice(2)], false)]);
if (types.code !== 0) process.stderr.write(`\ntsc -b tsconfig.test.build.json found type errors:\n${types.output}`);
process.exitCode = tests.code !== 0 ? tests.code : types.code;
