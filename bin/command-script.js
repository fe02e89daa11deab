/**
 * dist/cli/check.cjs and dist/cli/site.cjs, `csr check` and `csr site` each alone in one CommonJS
 * file (src/cli/check.ts, src/cli/site.ts; scripts/build.js bundleCheck, bundleSite), and
 * dist/cli/main.cjs, every command in one such file (src/cli/main.ts; bundleMain), run as a
 * script rather than imported, so that V8 takes its compiled code from the code cache the build made
 * of it (<file>.cache): Node 20 keeps no code cache for ES modules. V8 uses a cache only if the same
 * V8 made it, with the same flags, from the same text (it checks all three, and otherwise compiles
 * the file as it would have). The file is ASCII (the build escapes any other character), read as
 * Latin-1: V8 keeps it as it is, one byte a character, without decoding UTF-8.
 */
// Built-in modules through process.getBuiltinModule rather than the ES module loader: see bin/csr.js.
const { readFileSync, writeFileSync } = process.getBuiltinModule("node:fs");
const { createRequire } = process.getBuiltinModule("node:module");
const { dirname } = process.getBuiltinModule("node:path");
const { pathToFileURL } = process.getBuiltinModule("node:url");
const { Script } = process.getBuiltinModule("node:vm");

/** The file of a command, `check` or `site`, or `main` for the others. */
const fileOf = (command) => `${dirname(__dirname)}/dist/cli/${command}.cjs`;

/** Runs the command's file (its modules' top-level code) and gives its `run` and the compiled script. */
function loadCommand(command, cachedData = codeCache(command)) {
  const file = fileOf(command);
  const script = new Script(`(function (exports, require, module, __filename, __dirname, __csrUrl, __csrImport) {${readFileSync(file, "latin1")}\n})`, { filename: file, cachedData });
  const module = { exports: {} };
  // A script cannot import() (without an experimental loader): main.cjs imports npm packages with this module's (scripts/build.js importedByTheHost).
  script.runInThisContext()(module.exports, requireFrom(file), module, file, dirname(file), pathToFileURL(file).href, (specifier) => import(specifier));
  return { run: module.exports.run, script, command };
}

/** V8's own interrupt budget (`node --v8-options`, Node 20), as src/load/tiering.ts knows it. */
const V8_DEFAULT_BUDGET = 67584;

/**
 * The bundle's `require`, which loads a built-in module of Node that no one has loaded yet at V8's
 * default interrupt budget. Node's built-in modules come with V8's code cache of them, which V8 takes
 * only under the flags it was made with (its hash of them is in the cache): loaded while bin/csr.js's
 * `--interrupt-budget` is in force, a module is parsed and compiled from its source, node:child_process
 * with node:net, node:dgram and the rest it loads some 20 M instructions of a `csr review … --commit`
 * (callgrind). The budget is raised again at once: the bundles' own code caches were made under it.
 */
function requireFrom(file) {
  const required = createRequire(file);
  const raised = globalThis[Symbol.for("csr.interrupt-budget")];
  if (raised === undefined) return required;
  const { setFlagsFromString } = process.getBuiltinModule("node:v8");
  return (id) => {
    if (!id.startsWith("node:") || process.moduleLoadList.includes(`NativeModule ${id.slice(5)}`)) return required(id);
    setFlagsFromString(`--interrupt-budget=${V8_DEFAULT_BUDGET}`);
    try {
      return required(id);
    } finally {
      setFlagsFromString(`--interrupt-budget=${raised}`);
    }
  };
}

function codeCache(command) {
  try {
    return readFileSync(`${fileOf(command)}.cache`);
  } catch {
    return undefined;
  }
}

/** For the build: the code cache of a script that has run its command, with the code of the functions it called. */
function writeCodeCache({ script, command }) {
  writeFileSync(`${fileOf(command)}.cache`, script.createCachedData());
}

module.exports = { loadCommand, writeCodeCache };
