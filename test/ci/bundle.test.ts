/**
 * What the bundle (scripts/build.js) loads: `csr --help` and `csr --version` only csr's wiring with
 * commander inside it, the catalog and text helpers and the clause citations (the help cites the
 * clauses of the repository's standards: model/citations.ts), no npm package and no command; a check only
 * the check command's chunks, no other command's and no npm package but those it needs.
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { expect, it } from "vitest";
import { BIN, minimalRepo, ROOT, tempDir } from "../helpers.js";

/** The files of csr and of node_modules that a run of csr loads as ES modules, relative to the package root. */
function loaded(args: string[], cwd: string): string[] {
  const dir = tempDir("csr-loads-");
  writeFileSync(join(dir, "hooks.mjs"), 'import { writeSync } from "node:fs";\nexport async function load(url, context, next) { writeSync(2, `LOADED ${url}\\n`); return next(url, context); }\n');
  writeFileSync(join(dir, "register.mjs"), `import { register } from "node:module";\nregister(${JSON.stringify(pathToFileURL(join(dir, "hooks.mjs")).href)});\n`);
  const result = spawnSync(process.execPath, ["--import", pathToFileURL(join(dir, "register.mjs")).href, BIN, "--lang", "en", ...args], { cwd, encoding: "utf8" });
  expect(result.status, result.stderr).toBe(0);
  const root = pathToFileURL(ROOT).href + "/";
  return [...result.stderr.matchAll(/^LOADED (.*)$/gm)].map((m) => m[1]!).filter((url) => url.startsWith(root)).map((url) => url.slice(root.length));
}

it("csr --help and --version load csr's wiring (commander inside) and three small chunks, no npm package", () => {
  for (const args of [["--help"], ["--version"]]) {
    const files = loaded(args, tempDir());
    expect(files.slice(0, 2), args[0]).toEqual(["bin/csr.js", "dist/cli/main.js"]);
    expect(files.slice(2).every((f) => /^dist\/chunks\/chunk-[A-Z0-9]+\.js$/.test(f)), files.join(" ")).toBe(true);
    expect(files.length, files.join(" ")).toBeLessThanOrEqual(5);
  }
});

it("a check loads the check command and no other command, and no npm package", () => {
  const files = loaded(["check"], minimalRepo({}));
  expect(files).toContain("bin/csr.js");
  expect(files.filter((f) => f.startsWith("node_modules/"))).toEqual([]);
  // Chunks of a command or a format are named after the module imported lazily; the others are chunk-*.
  const named = files.filter((f) => f.startsWith("dist/chunks/") && !/\/chunk-[A-Z0-9]+\.js$/.test(f)).map((f) => f.replace(/^dist\/chunks\/|-[A-Z0-9]+\.js$/g, ""));
  expect(named.sort()).toEqual(["cache", "check", "engine", "repository", "text"]);
});
