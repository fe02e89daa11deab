// `npm run build` (after `tsc -b tsconfig.build.json` has type-checked): bundles csr with esbuild and precompiles
// what a check would otherwise compute in every process.
//
// Node loads an ES module in 0.2 ms to 1 ms whatever its size, and a check used to load about 95 of
// them. The bundle is a few files: dist/cli/main.js (with commander, which every run needs) and the
// chunks in dist/chunks/, split where the code imports lazily (`import()`), so a command, a report
// format, exceljs or Chromium's driver still loads only when needed; dist/cli/check.cjs, `csr
// check` alone in one file with V8's code cache of it (bundleCheck); and dist/cli/site.cjs, `csr
// site` so, with the npm packages it uses inside (bundleSite). commander (every run loads it: one
// file instead of seven) and js-yaml (every check parses with it: one file less) are bundled; the
// other npm packages stay in node_modules, loaded only by the commands that use them.
//
// Every output file sits two folders below the package root (dist/cli/, dist/chunks/), as the sources
// do (src/<folder>/): src/load/package.ts finds the package's files from that.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const DIST = join(ROOT, "dist");
/** Bundles of modules for the build and the developer scripts: two folders deep too, never packed. */
const TOOLS = join(ROOT, "node_modules", ".csr-build");

const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
const packages = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies });
/** The npm packages put into the bundle (see above); the others are imported from node_modules. */
const BUNDLED = ["commander", "js-yaml"];

/**
 * A digest of src/ (as src/load/cache.ts computes it for unbundled sources) and of the versions of
 * the bundled npm packages: part of the check cache's key.
 */
export function sourceDigest() {
  const hash = createHash("sha256");
  const walk = (dir, relative) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (entry.isDirectory()) walk(join(dir, entry.name), `${relative}${entry.name}/`);
      else hash.update(`${relative}${entry.name}\0`).update(readFileSync(join(dir, entry.name))).update("\0");
    }
  };
  walk(join(ROOT, "src"), "");
  for (const name of BUNDLED) hash.update(`${name}@${JSON.parse(readFileSync(join(ROOT, "node_modules", name, "package.json"), "utf8")).version}\0`);
  return hash.digest("hex");
}

const common = (digest) => ({
  absWorkingDir: ROOT,
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20.17",
  external: packages.filter((name) => !BUNDLED.includes(name)).flatMap((name) => [name, `${name}/*`]),
  define: { CSR_SOURCE_DIGEST: JSON.stringify(digest) },
  // Smaller files compile faster; names are kept, so that a stack trace still names csr's functions.
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: "warning",
});

/** A CommonJS file standing on its own (everything it needs inside), for a library or a module another bundle requires. */
const standalone = {
  absWorkingDir: ROOT,
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20.17",
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: "warning",
};

/**
 * commander is CommonJS: its `require`s of Node's modules go through esbuild's `__require`, which
 * needs a `require` in the ES module that defines it (esbuild's advice is a banner on every file;
 * creating a `require` costs each of them time at start).
 */
function provideRequire(files) {
  for (const file of files) {
    const code = readFileSync(file, "utf8");
    if (code.includes("typeof require")) writeFileSync(file, `import{createRequire as __csrRequire}from"node:module";const require=__csrRequire(import.meta.url);${code}`);
  }
}

/**
 * The `yaml` package as one CommonJS file, dist/vendor/yaml.cjs: from node_modules it is 72 files,
 * which cost a run that needs it (every write, every check with a finding) about 28 ms of CPU to
 * find and compile; the one file costs 5 ms. Its entry names the package's exports, so that esbuild
 * marks them for Node, which then gives an ES module's `import { parseDocument } from` them too.
 */
const VENDORED_YAML = "../vendor/yaml.cjs";

async function vendorYaml() {
  const names = Object.keys(createRequire(import.meta.url)("yaml"));
  await build({
    ...standalone,
    stdin: { contents: `export { ${names.join(", ")} } from "yaml";`, resolveDir: ROOT, loader: "js", sourcefile: "yaml.js" },
    outfile: join(DIST, "vendor", "yaml.cjs"),
  });
}

/**
 * Every `import … from "yaml"` of the bundle reads dist/vendor/yaml.cjs (from dist/cli/ and
 * dist/chunks/ alike), and src/load/yaml.ts requires it by CSR_YAML_MODULE: one copy of `yaml`.
 */
const yamlFromVendor = {
  name: "yaml-from-vendor",
  setup(plugin) {
    plugin.onResolve({ filter: /^yaml$/ }, () => ({ path: VENDORED_YAML, external: true }));
  },
};

/**
 * commander loads node:child_process when it loads, to spawn the executables of stand-alone
 * subcommands (`csr-<name>`), which csr has none of; the module, with net, dgram and the rest it
 * loads, cost every run of csr 3 ms of CPU. In the bundle, commander gets it on its first spawn.
 */
const lazyChildProcessForCommander = {
  name: "lazy-child-process-for-commander",
  setup(plugin) {
    plugin.onResolve({ filter: /^node:child_process$/ }, (args) =>
      /[/\\]node_modules[/\\]commander[/\\]/.test(args.importer) ? { path: "child_process", namespace: "lazy" } : undefined,
    );
    plugin.onLoad({ filter: /.*/, namespace: "lazy" }, () => ({
      contents: `module.exports = { spawn: (...args) => require("node:child_process").spawn(...args) };`,
      loader: "js",
    }));
  },
};

/**
 * The site's search tokenizer, dist/precompiled/tokenize.cjs, on its own: the site ships the
 * function's source text to the browser (src/site/search.ts), and esbuild renames a function's local
 * names that clash with any top-level name of the file it is bundled into (`run`, `text`, `match` in
 * dist/cli/site.cjs). Bundled alone, its text is the same whichever file requires it.
 */
const TOKENIZER = "../precompiled/tokenize.cjs";

async function siteTokenizer() {
  await build({ ...standalone, entryPoints: [join(ROOT, "src", "site", "tokenize.ts")], outfile: join(DIST, "precompiled", "tokenize.cjs") });
}

/**
 * The site's English stemmer, dist/precompiled/stemmer.js: the `stemmer` package (Porter's algorithm, 2 KB
 * minified) as a browser script that defines `csrStemmer` (`csrStemmer.stemmer` is the function), with its
 * licence in front. src/site/search.ts puts it into the search's tokenize.js, which gives it to the
 * tokenizer: the browser stems the words of the entries and of a query alike, and loads nothing from
 * outside the site. A development dependency: csr site reads this file, not the package.
 */
async function siteStemmer() {
  const dir = dirname(createRequire(import.meta.url).resolve("stemmer"));
  const licence = readFileSync(join(dir, "license"), "utf8").trim().replace(/\*\//g, "* /");
  const version = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).version;
  const result = await build({
    stdin: { contents: 'export { stemmer } from "stemmer";', resolveDir: ROOT, loader: "js", sourcefile: "stemmer.js" },
    absWorkingDir: ROOT,
    bundle: true,
    format: "iife",
    globalName: "csrStemmer",
    platform: "browser",
    target: "es2020",
    minify: true,
    write: false,
    logLevel: "warning",
  });
  const code = result.outputFiles[0].text.trim();
  mkdirSync(join(DIST, "precompiled"), { recursive: true });
  writeFileSync(join(DIST, "precompiled", "stemmer.js"), `/*! stemmer ${version} (https://github.com/words/stemmer)\n${licence}\n*/\n${code}\n`);
}

const tokenizerFromItsFile = {
  name: "tokenizer-from-its-file",
  setup(plugin) {
    plugin.onResolve({ filter: /^\.\/tokenize\.js$/ }, (args) => (/[/\\]src[/\\]site$/.test(args.resolveDir) ? { path: TOKENIZER, external: true } : undefined));
  },
};

/** csr itself: dist/cli/main.js, run by bin/csr.js, and its chunks. */
async function bundleCli(digest) {
  const result = await build({
    ...common(digest),
    define: { ...common(digest).define, CSR_YAML_MODULE: JSON.stringify(VENDORED_YAML) },
    plugins: [yamlFromVendor, lazyChildProcessForCommander, tokenizerFromItsFile],
    entryPoints: { "cli/main": join(ROOT, "src", "cli", "main.ts") },
    splitting: true,
    outdir: DIST,
    chunkNames: "chunks/[name]-[hash]",
    metafile: true,
  });
  provideRequire(Object.keys(result.metafile.outputs).map((file) => join(ROOT, file)));
}

/**
 * simple-git (a check with --base or --staged) in dist/cli/check.cjs: required, from a module of the
 * bundle, where csr imports it, since a script run by node:vm cannot import() without an
 * experimental loader. simple-git ships CommonJS too.
 */
const requiredSimpleGit = {
  name: "required-simple-git",
  setup(plugin) {
    plugin.onResolve({ filter: /^simple-git$/ }, (args) => (args.kind === "dynamic-import" ? { path: "simple-git", namespace: "required" } : undefined));
    plugin.onLoad({ filter: /.*/, namespace: "required" }, () => ({ contents: `module.exports = require("simple-git");`, loader: "js" }));
  },
};

/**
 * The npm packages that dist/cli/main.cjs has inside, besides BUNDLED: what the commands people run
 * most import, run where they import it (esbuild's lazy module wrappers), with their compiled code
 * in the code cache: Handlebars's runtime, which every render runs (from node_modules, as an ES
 * module, about 100 M instructions of a render of one document). simple-git inside too made the
 * cache 77 KB larger and a `review --commit` no cheaper (docs/speed.md). The heavy ones (exceljs,
 * docx, markdown-it, mammoth, @inquirer/prompts) stay out.
 */
const IN_MAIN = ["handlebars", "yaml"];

/**
 * In dist/cli/main.cjs, the `yaml` package is inside (IN_MAIN), not dist/vendor/yaml.cjs: every
 * command that writes YAML parses and prints it with the package, which from its own file Node
 * compiled, functions and all, in every run (no code cache for a file that `require` loads in Node
 * 20): a `csr review … --commit` 457 → 396 M instructions, a `csr show` about 6 M more for the larger cache (callgrind). src/load/yaml.ts, which
 * otherwise requires the file by CSR_YAML_MODULE, then requires the package the bundle has: one
 * copy, run when first required, as the bundle's `import … from "yaml"` run it.
 */
const yamlInMain = {
  name: "yaml-in-main",
  setup(plugin) {
    plugin.onLoad({ filter: /[/\\]src[/\\]load[/\\]yaml\.ts$/ }, () => ({
      contents: 'type Yaml = typeof import("yaml");\nexport function yaml(): Yaml {\n  return require("yaml") as Yaml;\n}\n',
      loader: "ts",
    }));
  },
};

/**
 * In dist/cli/main.cjs, csr's `import()` of an npm package that stays in node_modules (exceljs,
 * docx, markdown-it, mammoth, @inquirer/prompts, …, loaded only in the commands that use them)
 * calls `__csrImport`, the `import()` of bin/command-script.js, an ES module, which passes it in: a
 * script run by node:vm cannot import() itself without an experimental loader. The package is then
 * loaded as main.js's chunks load it, by Node's ES module loader, the same files (its "import"
 * exports); from bin/ Node finds it in the same node_modules as from dist/. csr's own modules, and
 * the packages of BUNDLED and IN_MAIN, are in the bundle, which esbuild makes lazily run where they
 * were imported. The build fails if a bare `import(` is left in the file.
 */
const importedByTheHost = {
  name: "imported-by-the-host",
  setup(plugin) {
    plugin.onLoad({ filter: /[/\\]src[/\\].*\.ts$/ }, (args) => {
      const code = readFileSync(args.path, "utf8");
      const inside = (name) => [...BUNDLED, ...IN_MAIN].includes(name.split("/").slice(0, name.startsWith("@") ? 2 : 1).join("/"));
      // `import("package")` as an expression; a type `typeof import("package")` stays, which esbuild drops.
      const replaced = code.replace(/(?<!typeof )\bimport\("([^./"][^"]*)"\)/g, (call, name) => (inside(name) ? call : `__csrImport(${JSON.stringify(name)})`));
      return replaced === code ? undefined : { contents: replaced, loader: "ts" };
    });
  },
};

/**
 * Every command but `check` and `site`, and every command line that names a command, mistyped ones
 * included, but no help: dist/cli/main.cjs (src/cli/main.ts, as dist/cli/main.js is, all its
 * chunks in the one file), run by bin/csr.js (bin/command-script.js) with V8's code cache of it.
 * From main.js and its chunks, Node compiled every ES module it loaded in every run (no code cache
 * for ES modules: about 26 ms of a `csr show`) and resolved and linked them one by one, and parsed
 * the vendored `yaml` (dist/vendor/yaml.cjs) for the names an ES module imports of it. The code
 * cache is made after the commands people run most have run in the file: a `show`, a `list`, a
 * `review` with `--commit` in a copy of examples/acme-auto made a Git repository, and a `render` of
 * a document to HTML. `csr --help`, `csr help …` and a command line without a command still run
 * main.js, which loads only commander and the wiring.
 */
async function bundleMain(digest) {
  const work = mkdtempSync(join(tmpdir(), "csr-build-main-"));
  try {
    const repo = join(work, "acme-auto");
    cpSync(join(ROOT, "examples", "acme-auto"), repo, { recursive: true });
    // Whoever builds, with or without a Git identity of their own.
    const env = { ...process.env, GIT_AUTHOR_NAME: "csr build", GIT_AUTHOR_EMAIL: "build@csr.invalid", GIT_COMMITTER_NAME: "csr build", GIT_COMMITTER_EMAIL: "build@csr.invalid" };
    const git = (...args) => {
      const ran = spawnSync("git", ["-c", "commit.gpgsign=false", ...args], { cwd: repo, encoding: "utf8", env });
      if (ran.status !== 0) throw new Error(`git ${args.join(" ")} failed in ${repo}: ${ran.stderr}`);
    };
    git("init", "-q");
    git("add", "-A");
    git("commit", "-q", "-m", "acme-auto");
    const external = common(digest).external.filter((name) => !IN_MAIN.some((inside) => name === inside || name === `${inside}/*`));
    await commandBundle(digest, "main", { external, plugins: [yamlInMain, lazyChildProcessForCommander, tokenizerFromItsFile, importedByTheHost] }, [
      ["-C", repo, "show", "DYA-001"],
      ["-C", repo, "list", "csr"],
      ["-C", repo, "review", "DYA-007", "--department", "ENG", "--reviewer", "zhoupeng", "--opinion", "accept", "--date", "2026-11-27", "--yes", "--commit"],
      ["-C", repo, "render", "QP-001", "--format", "html", "--out", join(work, "QP-001.html")],
    ], env);
    if (/\bimport\(/.test(readFileSync(join(DIST, "cli", "main.cjs"), "latin1"))) throw new Error("dist/cli/main.cjs still has an import(): see importedByTheHost in scripts/build.js");
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * `csr check` on its own, dist/cli/check.cjs (src/cli/check.ts), which bin/csr.js runs when the
 * command line names `check` (bin/command-script.js): one CommonJS file with commander, the check
 * command and everything it may import (the loader, js-yaml, the rules, the cache, every output
 * format), not split, and V8's code cache of it (commandBundle). Measured on a check of a
 * one-file repository (CPU, medians of alternating runs): the 35 files of the split bundle that a
 * check used to load cost Node a fraction of a millisecond each whatever their size, about 14 ms
 * in all; compiling the one file's 430 KB, and its functions as the check first calls them, about
 * 17 ms more, which the code cache saves. The code is the same as the split bundle's; only how
 * it is cut into files and loaded differs. `import.meta.url` is the file's URL, which
 * bin/command-script.js passes in.
 */
async function bundleCheck(digest) {
  await commandBundle(digest, "check", { plugins: [yamlFromVendor, lazyChildProcessForCommander, requiredSimpleGit] }, [["-C", join(ROOT, "examples", "acme-auto"), "check", "--no-cache", "--format", "json", "--today", "2026-12-04"]]);
}

/**
 * One command on its own, dist/cli/<name>.cjs (src/cli/<name>.ts): one CommonJS file, with
 * `options` (plugins, externals) for what it takes in, then V8's code cache of it, made after
 * `csr <args>` for each of `runs` has run in it (in turn, in one process, each to exit code 0), so
 * that it holds the code of every function the commands call (V8
 * compiles most functions only when first called), in a Node given the V8 flags that bin/csr.js
 * sets: V8 takes a cache only under the flags it was made with, and compiles the file itself
 * otherwise. `import.meta.url` is the file's URL, which bin/command-script.js passes in.
 */
async function commandBundle(digest, name, options, runs, env = process.env) {
  await build({
    ...common(digest),
    format: "cjs",
    define: { ...common(digest).define, CSR_YAML_MODULE: JSON.stringify(VENDORED_YAML), "import.meta.url": "__csrUrl" },
    ...options,
    entryPoints: { [`cli/${name}`]: join(ROOT, "src", "cli", `${name}.ts`) },
    outExtension: { ".js": ".cjs" },
    outdir: DIST,
  });
  asciiOnly(join(DIST, "cli", `${name}.cjs`));
  const script = pathToFileURL(join(ROOT, "bin", "command-script.js")).href;
  const argvs = runs.map((args) => ["node", "csr", ...args]);
  const code = `const { loadCommand, writeCodeCache } = await import(${JSON.stringify(script)}); const loaded = loadCommand(${JSON.stringify(name)}); for (const argv of ${JSON.stringify(argvs)}) if ((await loaded.run(argv)) !== 0) throw new Error(argv.join(" ")); writeCodeCache(loaded);`;
  withCsrFlags(code, `the ${name} command's code cache`, ["ignore", "ignore", "pipe"], env);
}

/**
 * Rewrites a bundle's non-ASCII characters as \u escapes, so that bin/command-script.js (and, for a
 * validator, load/schemas.ts runValidatorCode) reads it as Latin-1: V8 then keeps its source as one
 * byte a character and copies it in, where a file with a single non-ASCII character is decoded from
 * UTF-8 in full into two bytes a character (esbuild escapes strings and identifiers but leaves the
 * characters of regular expressions such as /[（「『【〔《]/ and comments as they are). In a string,
 * a comment or a regular expression (with or without the u flag) the escape means the same
 * character, an astral one as its two UTF-16 halves. Throws if a character is left over.
 */
function asciiOnly(file) {
  // A backslash before the character (an identity escape, "\\（" in a string or a regular expression without the u flag) means the character itself.
  const code = readFileSync(file, "utf8").replace(/(\\*)([^\x00-\x7f])/g, (_, slashes, c) => `${slashes.slice(slashes.length % 2)}\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  if (!/^[\x00-\x7f]*$/.test(code)) throw new Error(`${file} still has characters outside ASCII`);
  writeFileSync(file, code);
}

/**
 * archiver-utils (archiver's helpers, which zip exceljs's workbooks) makes its buffers with `new
 * Buffer(…)`, which Node answers with a deprecation warning (DEP0005) on stderr unless the caller's
 * file lies in node_modules, as it no longer does in dist/cli/site.cjs. In that module, `Buffer` is a
 * function that makes the same buffers as Node's deprecated constructor (Buffer.alloc for a size,
 * Buffer.from otherwise); the build fails if such a module also uses Buffer in any other way. (The
 * newer archiver-utils that zip-stream has uses Buffer.from and is left as it is.)
 */
const bufferForArchiverUtils = {
  name: "buffer-for-archiver-utils",
  setup(plugin) {
    plugin.onLoad({ filter: /[/\\]node_modules[/\\]archiver-utils[/\\]index\.js$/ }, (args) => {
      const code = readFileSync(args.path, "utf8");
      const constructed = code.match(/\bnew Buffer\(/g)?.length;
      if (constructed === undefined) return undefined;
      if (code.match(/\bBuffer\b/g)?.length !== constructed) throw new Error(`${args.path} uses Buffer otherwise than as \`new Buffer(…)\`: see bufferForArchiverUtils in scripts/build.js`);
      const shim = "var Buffer = function (value) { return typeof value === 'number' ? globalThis.Buffer.alloc(value) : globalThis.Buffer.from(value); };";
      return { contents: `${shim}\n${code}`, loader: "js" };
    });
  },
};

/**
 * `csr site` on its own, dist/cli/site.cjs (src/cli/site.ts), as check.cjs is `csr check`, run by
 * bin/csr.js when the command line names `site`: with the npm packages a site build uses bundled in
 * too (Handlebars, exceljs's streaming writer with archiver, markdown-it, MiniSearch), which from
 * node_modules are some 250 CommonJS modules that Node finds, reads and compiles one by one in every
 * run, and V8's code cache of it (commandBundle).
 */
async function bundleSite(digest) {
  // Its code cache is made by building the site of examples/acme-auto into a temporary folder, deleted after.
  const out = mkdtempSync(join(tmpdir(), "csr-build-site-"));
  try {
    await commandBundle(digest, "site", { external: [], plugins: [yamlFromVendor, lazyChildProcessForCommander, tokenizerFromItsFile, bufferForArchiverUtils] }, [
      ["-C", join(ROOT, "examples", "acme-auto"), "site", "--out", join(out, "site"), "--today", "2026-06-30"],
    ]);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/**
 * Runs `code` (an ES module) in a Node given the V8 flags that bin/csr.js sets, as a code cache must
 * be made: V8 takes a cache only under the flags it was made with. Throws, naming `what`, when the
 * flags are not found or the run fails.
 */
function withCsrFlags(code, what, stdio = "inherit", env = process.env) {
  const flags = /setFlagsFromString\("([^"]+)"\)/.exec(readFileSync(join(ROOT, "bin", "csr.js"), "utf8"))?.[1];
  if (!flags) throw new Error(`the build found no V8 flags in bin/csr.js to make ${what} with`);
  const made = spawnSync(process.execPath, [...flags.split(" "), "--input-type=module", "-e", code], { stdio, encoding: "utf8", env });
  if (made.status !== 0) throw new Error(`making ${what} failed (exit status ${made.status})${made.stderr ? `:\n${made.stderr}` : ""}`);
}

/**
 * Modules of csr's sources bundled into one, on their own, for a build step or a developer script
 * (scripts/rules-doc.js, bench/phases.js): the bundle exports what each of `sources` (paths from the
 * package root) exports. Returns its URL, to be imported.
 */
export async function toolModule(name, sources, digest = sourceDigest()) {
  const outfile = join(TOOLS, `${name}.js`);
  const contents = sources.map((source) => `export * from ${JSON.stringify(`./${source}`)};`).join("\n");
  const result = await build({ ...common(digest), stdin: { contents, resolveDir: ROOT, loader: "ts", sourcefile: `${name}.ts` }, outfile, metafile: true });
  provideRequire(Object.keys(result.metafile.outputs).map((file) => join(ROOT, file)));
  return pathToFileURL(outfile).href;
}

/**
 * dist/precompiled/: see src/load/precompile.ts. Each validator is bundled with the few functions of
 * ajv it calls (one file to load, not four) and minified: ajv's code is long.
 */
async function precompile(digest) {
  const tool = await toolModule("precompile", ["src/load/precompile.ts"], digest);
  const { precompiledFiles } = await import(tool);
  for (const [path, content] of await precompiledFiles()) {
    const file = join(DIST, "precompiled", path);
    mkdirSync(dirname(file), { recursive: true });
    if (path.endsWith(".cjs")) {
      await build({ absWorkingDir: ROOT, stdin: { contents: content, resolveDir: ROOT, loader: "js" }, bundle: true, format: "cjs", platform: "node", target: "node20.17", minify: true, outfile: file, logLevel: "warning" });
      asciiOnly(file);
    } else writeFileSync(file, content);
  }
  validatorCodeCaches(tool);
}

/**
 * V8's code caches of the validators (writeValidatorCodeCaches in src/load/precompile.ts), made in a
 * Node given the V8 flags that bin/csr.js sets: V8 takes a cache only under the flags it was made with.
 */
function validatorCodeCaches(tool) {
  withCsrFlags(`(await import(${JSON.stringify(tool)})).writeValidatorCodeCaches();`, "the validators' code caches");
}

/**
 * dist/precompiled/pinyin.json: every Chinese character's readings as pinyin-pro gives them, which
 * the site's search reads instead of loading pinyin-pro (src/site/pinyin.ts).
 */
async function pinyinReadings(digest) {
  const { readingsTable } = await import(await toolModule("pinyin", ["src/site/pinyin.ts"], digest));
  mkdirSync(join(DIST, "precompiled"), { recursive: true });
  writeFileSync(join(DIST, "precompiled", "pinyin.json"), JSON.stringify(readingsTable()));
}

/** dist/schemas/zh-CN/: the JSON Schemas in Chinese for a Chinese repository's editor (src/load/schema-locale.ts). */
async function chineseSchemas(digest) {
  const { chineseSchemaFiles, CHINESE_SCHEMA_DIR } = await import(await toolModule("schemas-zh", ["src/load/schema-locale.ts"], digest));
  mkdirSync(join(ROOT, CHINESE_SCHEMA_DIR), { recursive: true });
  for (const [name, text] of chineseSchemaFiles()) writeFileSync(join(ROOT, CHINESE_SCHEMA_DIR, name), text);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  rmSync(DIST, { recursive: true, force: true });
  const digest = sourceDigest();
  await vendorYaml();
  await siteTokenizer();
  await siteStemmer();
  await bundleCli(digest);
  await bundleCheck(digest);
  await precompile(digest);
  await chineseSchemas(digest);
  await pinyinReadings(digest);
  // After precompile: the site's code cache is made by a site build that uses the precompiled templates.
  await bundleSite(digest);
  await bundleMain(digest);
}
