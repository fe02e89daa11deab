/**
 * What the bundle (scripts/build.js) loads: `csr --help` only csr's wiring with
 * commander inside it, the catalog and text helpers and the clause citations (the help cites the
 * clauses of the repository's standards: model/citations.ts), no npm package and no command; `csr
 * --version` nothing but bin/csr.js; a check
 * only dist/cli/check.cjs, the check command with all it runs in one file (src/cli/check.ts); a site
 * build only dist/cli/site.cjs, with the npm packages it uses inside (src/cli/site.ts); any other
 * command only dist/cli/main.cjs, all of csr in one file, and the npm packages the command uses.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { expect, it } from "vitest";
import { BIN, minimalRepo, ROOT, tempDir } from "../helpers.js";

/**
 * The files of csr and of node_modules that a run of csr loads as ES modules or CommonJS files (bin/),
 * in the order loaded, relative to the package root, then the Node modules it imports (node:…), and
 * node:crypto and node:child_process however they were loaded: dist/cli/check.cjs runs as a script
 * and takes Node's modules with require, which no module hook sees, so those two are read from
 * process.moduleLoadList at exit.
 */
function loaded(args: string[], cwd: string, run: { stdout?: string; stderr?: string } = {}): string[] {
  const dir = tempDir("csr-loads-");
  writeFileSync(join(dir, "hooks.mjs"), 'import { writeSync } from "node:fs";\nexport async function load(url, context, next) { writeSync(2, `LOADED ${url}\\n`); return next(url, context); }\n');
  writeFileSync(join(dir, "register.mjs"), `import { register } from "node:module";\nregister(${JSON.stringify(pathToFileURL(join(dir, "hooks.mjs")).href)});\n`);
  writeFileSync(
    join(dir, "builtins.cjs"),
    [
      // bin/'s CommonJS files (bin/csr.js, bin/command-script.js) as Node compiles them, which no ES module hook sees.
      'const Module = require("node:module"); const { pathToFileURL } = require("node:url"); const compile = Module.prototype._compile;',
      'Module.prototype._compile = function (content, filename) { if (/[\\\\/]bin[\\\\/][^\\\\/]+$/.test(filename)) require("node:fs").writeSync(2, `LOADED ${pathToFileURL(filename).href}\\n`); return compile.call(this, content, filename); };',
      'process.on("exit", () => { for (const m of process.moduleLoadList) { const name = /^NativeModule (crypto|child_process)$/.exec(m)?.[1]; if (name) process.stderr.write(`LOADED node:${name}\\n`); } });',
      "",
    ].join("\n"),
  );
  const result = spawnSync(process.execPath, ["--require", join(dir, "builtins.cjs"), "--import", pathToFileURL(join(dir, "register.mjs")).href, BIN, ...args], { cwd, encoding: "utf8" });
  expect(result.status, result.stderr).toBe(0);
  run.stdout = result.stdout;
  run.stderr = result.stderr;
  const root = pathToFileURL(ROOT).href + "/";
  const urls = [...result.stderr.matchAll(/^LOADED (.*)$/gm)].map((m) => m[1]!);
  // A CommonJS entry is seen twice: compiled, and by the ES module hook that --import puts in front of it.
  return [...new Set(urls.filter((url) => url.startsWith(root)).map((url) => url.slice(root.length))), ...new Set(urls.filter((url) => url.startsWith("node:")))];
}

it("csr --help loads csr's wiring (commander inside) and four small chunks, no npm package; csr --version only bin/csr.js", () => {
  const files = loaded(["--lang", "en", "--help"], tempDir());
  expect(files.slice(0, 2)).toEqual(["bin/csr.js", "dist/cli/main.js"]);
  expect(files.slice(2).every((f) => /^dist\/chunks\/chunk-[A-Z0-9]+\.js$/.test(f) || f.startsWith("node:")), files.join(" ")).toBe(true);
  // The fourth (2.8 KB) is model/citations.ts, which the help examples share with the lazily loaded
  // cli/example-names.ts → commands/init/files.ts (the examples in the repository's own names), so
  // esbuild splits it from main.js.
  expect(files.filter((f) => !f.startsWith("node:")).length, files.join(" ")).toBeLessThanOrEqual(6);
  // `csr --version` alone is answered by bin/csr.js (with other arguments, by commander in main.js).
  const run: { stdout?: string } = {};
  expect(loaded(["--version"], tempDir(), run).filter((f) => !f.startsWith("node:"))).toEqual(["bin/csr.js"]);
  expect(run.stdout).toBe(`${JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version}\n`);
});

it("a check runs dist/cli/check.cjs, the check command and all it runs in one file, no chunk, no other command and no npm package", () => {
  const files = loaded(["--lang", "en", "check"], minimalRepo({}));
  // dist/cli/check.cjs is run as a script (bin/command-script.js), not loaded as a module.
  expect(files.filter((f) => !f.startsWith("node:"))).toEqual(["bin/csr.js", "bin/command-script.js"]);
  // What only some checks need (node:crypto for SARIF's and GitLab's fingerprints and the cache's keys, node:child_process for --base) is loaded where it is used.
  expect(files.filter((f) => f === "node:crypto" || f === "node:child_process")).toEqual([]);
  const code = readFileSync(join(ROOT, "dist", "cli", "check.cjs"), "utf8");
  expect(code.match(/async function \w+Command\(/g)).toEqual(["async function checkCommand("]);
  expect(code.match(/require\("[^"]*"\)/g)?.filter((r) => !r.startsWith('require("node:'))).toEqual(['require("simple-git")']);
  expect(code).not.toMatch(/\bimport\(/);
});

it("a site build runs dist/cli/site.cjs, the npm packages it uses inside, and warns of nothing", () => {
  const run: { stderr?: string } = {};
  const files = loaded(["--lang", "en", "site", "--out", join(tempDir(), "site")], minimalRepo({}), run);
  expect(files.filter((f) => !f.startsWith("node:"))).toEqual(["bin/csr.js", "bin/command-script.js"]);
  // Node warns of a deprecated call (archiver-utils's `new Buffer`) only from outside node_modules, as the bundle is (scripts/build.js bufferForArchiverUtils).
  expect(run.stderr).not.toMatch(/Warning/);
  const code = readFileSync(join(ROOT, "dist", "cli", "site.cjs"), "utf8");
  expect(code.match(/async function \w+Command\(/g)).toEqual(["async function siteCommand("]);
  // Only the search's tokenizer, whose text the site ships, is required from a file of its own (scripts/build.js tokenizerFromItsFile).
  expect(code.match(/require\("[^"]*"\)/g)?.filter((r) => /^require\("[./]/.test(r))).toEqual(['require("../precompiled/tokenize.cjs")']);
  expect(code).not.toMatch(/\bimport\(/);
  // Nor Handlebars's compiler: csr's templates come precompiled, a repository's own are compiled by the package in node_modules (render/environment.ts compilerFor).
  expect(code).not.toContain("Parse error on line");
});

it("any other command runs dist/cli/main.cjs, all of csr in one file, no chunk, and the npm packages it uses from node_modules", () => {
  const run: { stdout?: string } = {};
  const files = loaded(["--lang", "en", "list", "people"], minimalRepo({}), run);
  // dist/cli/main.cjs is run as a script (bin/command-script.js), not loaded as a module: no chunk of main.js, no npm package.
  expect(files.filter((f) => !f.startsWith("node:"))).toEqual(["bin/csr.js", "bin/command-script.js"]);
  expect(run.stdout).toContain("People (");
  // An npm package that a command imports is imported by bin/command-script.js for it, from node_modules, as main.js's chunks import it.
  const docx = loaded(["-C", join(ROOT, "examples", "acme-auto"), "--lang", "en", "render", "QP-001", "--format", "docx", "--out", join(tempDir(), "QP-001.docx")], tempDir());
  expect(docx.filter((f) => !f.startsWith("node:") && !f.startsWith("node_modules/"))).toEqual(["bin/csr.js", "bin/command-script.js"]);
  expect(docx).toContain("node_modules/docx/dist/index.mjs");
  const code = readFileSync(join(ROOT, "dist", "cli", "main.cjs"), "latin1");
  expect(code).not.toMatch(/\bimport\(/);
  expect(code).toContain('__csrImport("docx")');
  // The help, and no command, still run main.js, which loads commander and the wiring alone (the first test).
  expect(loaded(["--lang", "en", "help", "list"], tempDir()).slice(0, 2)).toEqual(["bin/csr.js", "dist/cli/main.js"]);
  expect(loaded(["--lang", "en", "list", "-h"], tempDir()).slice(0, 2)).toEqual(["bin/csr.js", "dist/cli/main.js"]);
});

it("the check's, the site's and the other commands' files come with V8 code caches that V8 takes under the flags bin/csr.js runs with", () => {
  const flags = /setFlagsFromString\("([^"]+)"\)/.exec(readFileSync(join(ROOT, "bin", "csr.js"), "utf8"))![1]!;
  const probe = `const { loadCommand } = await import(${JSON.stringify(pathToFileURL(join(ROOT, "bin", "command-script.js")).href)}); for (const command of ["check", "site", "main"]) console.log(command, loadCommand(command).script.cachedDataRejected);`;
  const run = spawnSync(process.execPath, [...flags.split(" "), "--input-type=module", "-e", probe], { encoding: "utf8" });
  expect(run.stderr).toBe("");
  expect(run.stdout).toBe("check false\nsite false\nmain false\n");
});

it("the check's, the site's and the other commands' files are ASCII, as bin/command-script.js reads them (Latin-1), and mean what their sources say", () => {
  for (const command of ["check", "site", "main"]) {
    const code = readFileSync(join(ROOT, "dist", "cli", `${command}.cjs`));
    expect(code.findIndex((byte) => byte > 0x7f), command).toBe(-1);
  }
  // A character class of full-width brackets, from the messages' spacing (i18n/index.ts FULL_WIDTH_OPEN), escaped by the build.
  expect(readFileSync(join(ROOT, "dist", "cli", "check.cjs"), "latin1")).toContain("FULL_WIDTH_OPEN=/^[\\uff08\\u300c\\u300e\\u3010\\u3014\\u300a]/");
});
