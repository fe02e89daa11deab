#!/usr/bin/env node
// `npm run bench`: how fast `csr` is on generated repositories of 1,000 and 10,000 entities.
//   node bench/run.js [N ...] [--runs R]
// Every figure is the median of R runs of a fresh process (at least 11 for the short ones); peak
// memory is the largest maxRSS. CPU time (user + system) is shown beside wall time because it
// depends far less on what else the machine is doing.
import { spawnSync } from "node:child_process";
import { cpus, loadavg, tmpdir } from "node:os";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateRepository } from "./generate.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const CSR = join(ROOT, "bin", "csr.js");
const HOOK = join(ROOT, "bench", "rss-hook.js");

const args = process.argv.slice(2);
const runsAt = args.indexOf("--runs");
const runs = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 3;
const sizes = args.length > 0 ? args.map(Number) : [1000, 10_000];

function measure(argv, options = {}) {
  const started = performance.now();
  const result = spawnSync(process.execPath, ["--import", HOOK, ...argv], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024, ...options });
  const ms = performance.now() - started;
  const [, rss, cpu] = /__bench__ (\d+) ([\d.]+)/.exec(result.stderr) ?? [];
  return { ms, cpuMs: Number(cpu), rssKb: Number(rss), status: result.status, stdout: result.stdout, stderr: result.stderr.replace(/\n__bench__ .*\n$/, "") };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function repeated(argv, before = () => {}, times = runs) {
  const samples = [];
  for (let i = 0; i < times; i++) {
    before();
    samples.push(measure(argv));
  }
  return {
    ms: median(samples.map((s) => s.ms)),
    cpuMs: median(samples.map((s) => s.cpuMs)),
    rssKb: Math.max(...samples.map((s) => s.rssKb)),
    last: samples[samples.length - 1],
  };
}

const fmtMs = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`);
const fmtMb = (kb) => (Number.isFinite(kb) ? `${Math.round(kb / 1024)} MB` : "");

const rows = [];
const row = (n, what, m, note = "") => rows.push([n, what, m ? fmtMs(m.ms) : "", m ? fmtMs(m.cpuMs) : "", m ? fmtMb(m.rssKb) : "", note]);
const ratio = (a, b) => `${(a.ms / b.ms).toFixed(2)}x wall, ${(a.cpuMs / b.cpuMs).toFixed(2)}x CPU`;

const short = Math.max(runs, 11);
const bare = repeated(["-e", "0"], undefined, short);
const version = repeated([CSR, "--version"], undefined, short);
row("", "node -e 0", bare);
row("", "csr --version", version, `${ratio(version, bare)} of bare node`);

// csr site at each size, for the growth line after the table's per-size rows.
const sites = new Map();
for (const n of sizes) {
  const dir = mkdtempSync(join(tmpdir(), `csr-bench-${n}-`));
  const files = generateRepository(dir, n);
  const label = `${n.toLocaleString("en")} (${files} files)`;
  const floor = repeated([join(ROOT, "bench", "floor.js"), dir]);
  row(label, "floor: read + YAML-parse every file", floor);
  // The cache lives in the git directory, as it would in a real document repository.
  spawnSync("git", ["init", "-q"], { cwd: dir });
  const cacheDir = join(dir, ".git", "csr-cache");
  const cold = repeated([CSR, "-C", dir, "check", "--today", "2026-06-30"], () => rmSync(cacheDir, { recursive: true, force: true }));
  if (cold.last.status !== 1 || !/4 errors/.test(cold.last.stdout)) throw new Error(`unexpected check result:\n${cold.last.stdout}${cold.last.stderr}`);
  row(label, "csr check (no cache yet)", cold, `${ratio(cold, floor)} of the floor`);
  const phases = JSON.parse(spawnSync(process.execPath, [join(ROOT, "bench", "phases.js"), dir], { encoding: "utf8" }).stdout);
  row(label, `where it goes (one process): ${Object.entries(phases).map(([k, v]) => `${k} ${fmtMs(v)}`).join(", ")}`);
  const warm = repeated([CSR, "-C", dir, "check", "--today", "2026-06-30"]);
  row(label, "csr check again, nothing changed", warm);
  const out = join(dir, "..", `csr-bench-out-${n}`);
  const render = repeated([CSR, "-C", dir, "render", "--all", "--format", "html", "--out", out], () => rmSync(out, { recursive: true, force: true }));
  // The generated repository has a deliberate dangling reference: that one document is left out (exit 1).
  if (render.last.status !== 1 || !/Rendered \d+ files/.test(render.last.stderr)) throw new Error(`render failed:\n${render.last.stderr}`);
  row(label, "csr render --all --format html", render);
  const site = join(dir, "..", `csr-bench-site-${n}`);
  const built = repeated([CSR, "-C", dir, "site", "--out", site, "--today", "2026-06-30"], () => rmSync(site, { recursive: true, force: true }));
  if (built.last.status !== 0 || !existsSync(join(site, "index.html"))) throw new Error(`site failed:\n${built.last.stderr}`);
  row(label, "csr site", built, `${ratio(built, render)} of render --all (target: at most 1.5x wall, ${built.ms <= 1.5 * render.ms ? "met" : "not met"})`);
  sites.set(n, built);
  rmSync(site, { recursive: true, force: true });
  const xlsx = join(dir, "..", `csr-bench-${n}.xlsx`);
  const exported = repeated([CSR, "-C", dir, "export", "--out", xlsx], () => rmSync(xlsx, { force: true }));
  if (exported.last.status !== 0 || !existsSync(xlsx)) throw new Error(`export failed:\n${exported.last.stderr}`);
  row(label, "csr export (xlsx)", exported);
  rmSync(out, { recursive: true, force: true });
  rmSync(xlsx, { force: true });
  rmSync(dir, { recursive: true, force: true });
}

if (sites.has(1000) && sites.has(10_000)) {
  const [small, large] = [sites.get(1000), sites.get(10_000)];
  const growth = large.ms / small.ms;
  row("1,000 -> 10,000", "csr site, 10x the entities", undefined, `${growth.toFixed(2)}x wall, ${(large.cpuMs / small.cpuMs).toFixed(2)}x CPU (target: at most 11x wall, ${growth <= 11 ? "met" : "not met"})`);
}

const cpu = cpus();
console.log(`Machine: ${cpu.length} cores, ${cpu[0]?.model ?? "unknown CPU"}, Node ${process.version}, load average ${loadavg().map((l) => l.toFixed(2)).join(" ")}; median of ${runs} runs.\n`);
console.log("| entities | measurement | wall time | CPU time | peak memory | note |");
console.log("| --- | --- | --- | --- | --- | --- |");
for (const r of rows) console.log(`| ${r.join(" | ")} |`);
