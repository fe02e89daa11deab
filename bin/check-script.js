/**
 * dist/cli/check.cjs, `csr check` alone in one CommonJS file (src/cli/check.ts; scripts/build.js
 * bundleCheck), run as a script rather than imported, so that V8 takes its compiled code from the
 * code cache the build made of it (check.cjs.cache): Node 20 keeps no code cache for ES modules. V8
 * uses a cache only if the same V8 made it, with the same flags, from the same text (it checks all
 * three, and otherwise compiles the file as it would have).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Script } from "node:vm";

const FILE = fileURLToPath(new URL("../dist/cli/check.cjs", import.meta.url));
const CACHE = `${FILE}.cache`;

/** Runs the file (its modules' top-level code) and gives its `run` and the compiled script. */
export function loadCheck(cachedData = codeCache()) {
  const script = new Script(`(function (exports, require, module, __filename, __dirname, __csrUrl) {${readFileSync(FILE, "utf8")}\n})`, { filename: FILE, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(FILE), module, FILE, dirname(FILE), pathToFileURL(FILE).href);
  return { run: module.exports.run, script };
}

function codeCache() {
  try {
    return readFileSync(CACHE);
  } catch {
    return undefined;
  }
}

/** For the build: the code cache of a script that has run a check, with the code of the functions it called. */
export function writeCodeCache({ script }) {
  writeFileSync(CACHE, script.createCachedData());
}
