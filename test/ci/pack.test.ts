/**
 * What a user installs: `npm pack` gives a tarball with the built dist/, which installs into a fresh
 * document repository, where `npx csr check` runs. `npm test` has just built dist/, so the pack skips
 * the `prepare` build; the dependencies come from npm's cache (the registry only for metadata).
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { copyFixture, gitInit, ROOT, tempDir } from "../helpers.js";

function npm(args: string[], cwd: string): { code: number; stdout: string; stderr: string } {
  const result = spawnSync("npm", args, { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", npm_config_update_notifier: "false" } });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

it("npm pack -> npm install <tarball> -> npx csr check in a new document repository", () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { name: string; version: string; bin: Record<string, string>; scripts: Record<string, string> };
  expect(pkg.name).toBe("qms-csr");
  expect(pkg.bin).toEqual({ csr: "bin/csr.js" });
  expect(pkg.scripts.prepare).toBe("npm run build");

  const out = tempDir("csr-pack-");
  const packed = npm(["pack", "--ignore-scripts", "--json", "--pack-destination", out], ROOT);
  expect(packed.code, packed.stderr).toBe(0);
  const [info] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
  const paths = info!.files.map((f) => f.path);
  expect(paths).toContain("dist/cli/main.js");
  expect(paths).toContain("docs/rules.md");
  expect(paths.filter((p) => /^(test|src|bench)\/|\.cpuprofile$|^node_trace\./.test(p))).toEqual([]);

  const repo = gitInit(copyFixture("examples/acme-auto"));
  const installed = npm(["install", "--prefer-offline", "--no-audit", "--no-fund", "--save-dev", join(out, info!.filename)], repo);
  expect(installed.code, installed.stderr).toBe(0);
  const check = spawnSync("npx", ["--no-install", "csr", "check", "--today", "2026-11-27"], { cwd: repo, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  // A user's first run: the example repository speaks Chinese.
  expect(check.stdout).toMatch(/^✔ \d+ 个文件中没有发现问题。\n$/);
  expect(check.status).toBe(0);
  const explain = spawnSync("npx", ["--no-install", "csr", "--lang", "en", "explain", "ref/unresolved"], { cwd: repo, encoding: "utf8" });
  // The link names the file of this very version as the npm CDN serves the published tarball:
  // unpkg.com/<name>@<version>/<path in the tarball>.
  const link = /^Online: https:\/\/unpkg\.com\/([^@]+)@([^/]+)\/(.+)#(.+)$/m.exec(explain.stdout);
  expect(link?.slice(1)).toEqual([pkg.name, pkg.version, "docs/rules.md", "refunresolved"]);
  expect(paths).toContain(link![3]);
  expect(readFileSync(join(repo, "node_modules", pkg.name, "docs/rules.md"), "utf8")).toContain("\n### ref/unresolved\n");
}, 300_000);
