#!/usr/bin/env node
// `npm run bench`: how fast `csr` is on generated repositories of 1,000 and 10,000 entities.
//   node bench/run.js [N ...] [--runs R]
// Every figure is the median of R runs of a fresh process (at least 11 for the short ones); peak
// memory is the largest maxRSS. CPU time (user + system) is shown beside wall time because it
// depends far less on what else the machine is doing.
import { spawnSync } from "node:child_process";
import { cpus, loadavg, tmpdir } from "node:os";
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
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
  row(label, ...suspectLinkRatio(n));
  const out = join(dir, "..", `csr-bench-out-${n}`);
  const render = repeated([CSR, "-C", dir, "render", "--all", "--format", "html", "--out", out], () => rmSync(out, { recursive: true, force: true }));
  // The generated repository has a deliberate dangling reference: that one document is left out (exit 1).
  if (render.last.status !== 1 || !/Rendered \d+ files/.test(render.last.stderr)) throw new Error(`render failed:\n${render.last.stderr}`);
  row(label, "csr render --all --format html", render);
  const xlsx = join(dir, "..", `csr-bench-${n}.xlsx`);
  const exported = repeated([CSR, "-C", dir, "export", "--out", xlsx], () => rmSync(xlsx, { force: true }));
  if (exported.last.status !== 0 || !existsSync(xlsx)) throw new Error(`export failed:\n${exported.last.stderr}`);
  row(label, "csr export (xlsx)", exported);
  rmSync(out, { recursive: true, force: true });
  rmSync(xlsx, { force: true });
  rmSync(dir, { recursive: true, force: true });
}

/**
 * What pinned links (csr/suspect-link: both ends fingerprinted on every check) cost a cold
 * `csr check`: the same repository with every link pinned by `csr address --pin-all` against a
 * copy without pins, measured alternately so that the machine's load falls on both alike. The
 * issue's limit is 1.1x.
 */
function suspectLinkRatio(n) {
  const plain = mkdtempSync(join(tmpdir(), `csr-bench-links-${n}-`));
  generateRepository(plain, n);
  const pinned = `${plain}-pinned`;
  cpSync(plain, pinned, { recursive: true });
  for (const dir of [plain, pinned]) spawnSync("git", ["init", "-q"], { cwd: dir });
  const pin = spawnSync(process.execPath, [CSR, "-C", pinned, "address", "--pin-all", "--date", "2026-06-30"], { encoding: "utf8" });
  if (pin.status !== 0 || !/^Pinned the links of \d+ CSR/.test(pin.stdout)) throw new Error(`pin-all failed:\n${pin.stdout}${pin.stderr}`);
  const samples = { plain: [], pinned: [] };
  for (let i = 0; i < Math.max(runs, 5); i++) {
    for (const [name, dir] of [["plain", plain], ["pinned", pinned]]) {
      rmSync(join(dir, ".git", "csr-cache"), { recursive: true, force: true });
      const m = measure([CSR, "-C", dir, "check", "--today", "2026-06-30"]);
      if (m.status !== 1 || !/4 errors, 0 warnings/.test(m.stdout)) throw new Error(`unexpected check result (${name}):\n${m.stdout}${m.stderr}`);
      samples[name].push(m);
    }
  }
  const summary = (list) => ({ ms: median(list.map((s) => s.ms)), cpuMs: median(list.map((s) => s.cpuMs)), rssKb: Math.max(...list.map((s) => s.rssKb)) });
  const a = summary(samples.pinned);
  const b = summary(samples.plain);
  rmSync(plain, { recursive: true, force: true });
  rmSync(pinned, { recursive: true, force: true });
  return [`csr check, every link pinned (${pin.stdout.match(/\d+/)[0]} CSRs)`, a, `${ratio(a, b)} of the same repository without pins (limit 1.10x)`];
}

const cpu = cpus();
console.log(`Machine: ${cpu.length} cores, ${cpu[0]?.model ?? "unknown CPU"}, Node ${process.version}, load average ${loadavg().map((l) => l.toFixed(2)).join(" ")}; median of ${runs} runs.\n`);
console.log("| entities | measurement | wall time | CPU time | peak memory | note |");
console.log("| --- | --- | --- | --- | --- | --- |");
for (const r of rows) console.log(`| ${r.join(" | ")} |`);
