/**
 * What a user installs: `npm pack` gives a tarball with the built dist/, which installs into a fresh
 * document repository, where `npx csr check` runs. `npm test` has just built dist/, so the pack skips
 * the `prepare` build. The dependencies are there before the install, as hard links to this
 * project's own installed copies of the package's run-time dependencies (and theirs): npm keeps what
 * satisfies the package's ranges and adds the package itself, instead of unpacking some 270 packages
 * from its cache (most of this test's time and CPU once). A dependency that package.json does not
 * list among `dependencies` is not linked, so that csr fails to start here as it would for a user.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { expect, it } from "vitest";
import { copyFixture, gitInit, ROOT, tempDir } from "../helpers.js";

interface Manifest {
  name: string;
  version: string;
  bin: Record<string, string>;
  scripts: Record<string, string>;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

function npm(args: string[], cwd: string): { code: number; stdout: string; stderr: string } {
  const result = spawnSync("npm", args, { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", npm_config_update_notifier: "false" } });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/**
 * The top-level folders of this project's node_modules that `pkg` needs at run time: its
 * dependencies and theirs, each found as Node finds it (the nearest node_modules up from the
 * package that depends on it); nested folders come with the top-level folder they are in.
 */
function runtimeModules(pkg: Manifest): string[] {
  const modules = join(ROOT, "node_modules");
  const found = new Set<string>();
  const visit = (from: string, dependencies: Record<string, string>) => {
    for (const name of Object.keys(dependencies)) {
      let dir = from;
      while (!existsSync(join(dir, "node_modules", name)) && dir !== ROOT) dir = dirname(dir);
      const at = join(dir, "node_modules", name);
      if (found.has(at) || !existsSync(at)) continue;
      found.add(at);
      const manifest = JSON.parse(readFileSync(join(at, "package.json"), "utf8")) as Manifest;
      visit(at, { ...manifest.dependencies, ...manifest.optionalDependencies });
    }
  };
  visit(ROOT, { ...pkg.dependencies, ...pkg.optionalDependencies });
  const top = [...found].map((path) => relative(modules, path).split(sep)).map((parts) => parts.slice(0, parts[0]!.startsWith("@") ? 2 : 1).join("/"));
  return [...new Set(top)].sort();
}

/**
 * The repository on the project's disk, whatever os.tmpdir() is (test/global-setup.ts may put temporary
 * folders in memory): node_modules is hard-linked into it, and a hard link cannot cross file systems.
 */
const DISK = process.env.CSR_TEST_DISK_TMPDIR;

it("npm pack -> npm install <tarball> -> npx csr check in a new document repository", () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as Manifest;
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

  const repo = gitInit(copyFixture("examples/acme-auto", DISK));
  const linked = runtimeModules(pkg);
  expect(linked).toEqual(expect.arrayContaining(Object.keys(pkg.dependencies!)));
  mkdirSync(join(repo, "node_modules"));
  const links = spawnSync("cp", ["-a", "--link", "--parents", "-t", join(repo, "node_modules"), ...linked], { cwd: join(ROOT, "node_modules"), encoding: "utf8" });
  expect([links.status, links.stderr]).toEqual([0, ""]);
  const installed = npm(["install", "--prefer-offline", "--no-audit", "--no-fund", "--save-dev", join(out, info!.filename)], repo);
  expect(installed.code, installed.stderr).toBe(0);
  const check = spawnSync("npx", ["--no-install", "csr", "check", "--today", "2026-11-27"], { cwd: repo, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  // A user's first run: the example repository speaks Chinese, and shows its six warnings (DYA-002 put into production after
  // Dongyue's date; BCM-004 and DYA-002 trained for only some of their people; Dongyue's September scorecard and OBJ-04 count a
  // complaint the corrective action register has no 8D for, tester82 A2; C3's audit frequency not reviewed after 8D-2026-001, A12).
  expect(check.stdout).toMatch(/^csr\/BCM\/BCM-004\.yaml\n[^]*csr\/training-overdue[^]*\ncsr\/DYA\/DYA-002\.yaml\n[^]*csr\/late-for-customer[^]*\ncustomers\/DYA\.yaml\n[^]*action\/complaint-unrecorded[^]*\nobjectives\.yaml\n[^]*action\/complaint-unrecorded[^]*\nprocesses\.yaml\n[^]*process\/audit-frequency-unreviewed[^]*\n✖ 5 个文件中有 0 个错误、6 个警告（共检查 \d+ 个文件）。\n$/);
  expect(check.status).toBe(0);
  // The installed bin itself: npx finding it is proven above, and costs 0.45 s of CPU more per run.
  const explain = spawnSync(join(repo, "node_modules", ".bin", "csr"), ["--lang", "en", "explain", "ref/unresolved"], { cwd: repo, encoding: "utf8" });
  // The link names the file of this very version as the npm CDN serves the published tarball:
  // unpkg.com/<name>@<version>/<path in the tarball>.
  const link = /^Online: https:\/\/unpkg\.com\/([^@]+)@([^/]+)\/(.+)#(.+)$/m.exec(explain.stdout);
  expect(link?.slice(1)).toEqual([pkg.name, pkg.version, "docs/rules.md", "refunresolved"]);
  expect(paths).toContain(link![3]);
  expect(readFileSync(join(repo, "node_modules", pkg.name, "docs/rules.md"), "utf8")).toContain("\n### ref/unresolved\n");
}, 300_000);
