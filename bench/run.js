#!/usr/bin/env node
// `npm run bench`: csr's speed targets (issue 14), each a ratio of two measurements taken in this
// run, printed as a table with met / not met.
//   node bench/run.js [--runs R] [--only WORD]
// Each figure is the median of R runs (default 3; 11 for the short ones) of a fresh process, the
// two sides of a ratio measured alternately so that what else the machine does hits both alike.
// Ratios are of CPU time (user + system), which depends far less on the machine's load than wall
// time; wall time is shown beside it.
// The PDF target counts every process csr starts: both sides run under bench/subreaper.py, a child
// subreaper (Linux prctl PR_SET_CHILD_SUBREAPER) that waits for all descendants and reports their
// rusage. GNU time (used before 2026-11-30) saw only about a fifth of Chromium's CPU: its renderer,
// GPU and utility processes outlive the browser process, are handed to init, and their CPU never
// reached the rusage of the process GNU time waited for (10.4x then, ~40x counted in full).
// Peak memory is the largest maximum resident set size of a run.
//
// To add a target, add an entry to TARGETS: a name, a limit, and `measure` returning the two
// measurements (or a measurement and a fixed reference) whose ratio must stay within the limit.
import { spawnSync } from "node:child_process";
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateDoorstopTree } from "./doorstop-tree.js";
import { generateRepository } from "./generate.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const CSR = join(ROOT, "bin", "csr.js");
const FLOOR = join(ROOT, "bench", "floor.js");
const TODAY = ["--today", "2026-06-30"];
const SUBREAPER = join(ROOT, "bench", "subreaper.py");
const HOOK = join(ROOT, "bench", "rss-hook.js");

const args = process.argv.slice(2);
const option = (name) => {
  const at = args.indexOf(name);
  return at >= 0 ? args.splice(at, 2)[1] : undefined;
};
const runs = Number(option("--runs") ?? 3);
const only = option("--only");
const shortRuns = Math.max(runs, 11);
if (spawnSync("python3", ["--version"]).status !== 0) throw new Error("npm run bench needs python3 for the PDF target (bench/subreaper.py; Debian: apt-get install python3)");

// Every process measured starts as on a user's machine. NODE_EXTRA_CA_CERTS (set on some build
// machines for a proxy) makes Node read and parse a certificate bundle at every start, about 50 ms
// of CPU on a 2-core machine: added to both sides of a ratio, it flattered csr's ratios to `node -e 0`.
delete process.env.NODE_EXTRA_CA_CERTS;

const work = mkdtempSync(join(tmpdir(), "csr-bench-"));
process.on("exit", () => rmSync(work, { recursive: true, force: true }));

/**
 * One run of `node argv`: wall ms, CPU ms and peak KB. The process reports its own CPU time and
 * peak memory on exit (bench/rss-hook.js, microsecond resolution). With `children`,
 * bench/subreaper.py measures instead: every process started, Chromium's orphaned ones included
 * (peak memory: the largest of any one process).
 */
function once(argv, { children = false } = {}) {
  const started = performance.now();
  // { program, args }: a program other than Node (Doorstop), always counted by the subreaper.
  const external = !Array.isArray(argv);
  if (external) children = true;
  const command = external
    ? ["python3", [SUBREAPER, argv.program, ...argv.args]]
    : children
      ? ["python3", [SUBREAPER, process.execPath, ...argv]]
      : [process.execPath, ["--import", HOOK, ...argv]];
  const result = spawnSync(command[0], command[1], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - started;
  const status = result.status;
  if (status !== 0 && status !== 1) throw new Error(`${external ? [argv.program, ...argv.args].join(" ") : `node ${argv.join(" ")}`} exited with ${status}:\n${result.stdout.slice(-2000)}${result.stderr.slice(-2000)}`);
  if (children) {
    const [, user, system, rss] = /__tree__ ([\d.]+) ([\d.]+) (\d+)\s*$/.exec(result.stderr) ?? [];
    return { ms, cpuMs: (Number(user) + Number(system)) * 1000, rssKb: Number(rss) };
  }
  const [, rss, cpu] = /__bench__ (\d+) ([\d.]+)/.exec(result.stderr) ?? [];
  return { ms, cpuMs: Number(cpu), rssKb: Number(rss) };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const summary = (samples) => ({ ms: median(samples.map((s) => s.ms)), cpuMs: median(samples.map((s) => s.cpuMs)), rssKb: Math.max(...samples.map((s) => s.rssKb)) });

/**
 * Measures two commands alternately, `times` each; `before(which)` prepares each run.
 * Returns [a, b] as medians.
 */
function alternately(a, b, times, before = () => {}, options = {}) {
  const samples = [[], []];
  for (let i = 0; i < times; i++) {
    for (const [which, argv] of [a, b].entries()) {
      before(which);
      samples[which].push(once(argv, options));
    }
  }
  return samples.map(summary);
}

function repeated(argv, times) {
  const samples = [];
  for (let i = 0; i < times; i++) samples.push(once(argv));
  return summary(samples);
}

const repositories = new Map();
/** A generated repository of n entities, made once per run, inside a git repository (where the cache lives). */
function repository(n) {
  if (!repositories.has(n)) {
    const dir = join(work, `repo-${n}`);
    const files = generateRepository(dir, n);
    spawnSync("git", ["init", "-q"], { cwd: dir });
    repositories.set(n, { dir, files });
  }
  return repositories.get(n);
}

const check = (dir, ...more) => [CSR, "-C", dir, "check", ...TODAY, ...more];
const fullCheck = (n) => check(repository(n).dir, "--no-cache");
const n = (count) => count.toLocaleString("en");

const siteOut = (size) => join(work, `site-${size}`);
const site = (size) => [CSR, "-C", repository(size).dir, "site", "--out", siteOut(size), ...TODAY];

/**
 * Doorstop 3.2 `doorstop -F` on repositories of the same sizes, CPU milliseconds, as issue 14
 * measured them on the machine it was written on. Used when no Doorstop is given to measure.
 */
const DOORSTOP_CPU_MS = { 1000: 2200, 10_000: 81_700 };
/**
 * CSR_BENCH_DOORSTOP: a Doorstop 3.2 executable (e.g. from `pip install doorstop==3.2` on a machine
 * with PyPI). When set, the Doorstop rows measure it side by side, on a Doorstop tree of the same
 * composition (bench/doorstop-tree.js), instead of comparing with the reference figures of
 * another machine: a slower or faster machine moves both sides.
 */
const DOORSTOP = process.env.CSR_BENCH_DOORSTOP;
const doorstopTrees = new Map();
function doorstopTree(size) {
  if (!doorstopTrees.has(size)) {
    const dir = join(work, `doorstop-${size}`);
    generateDoorstopTree(dir, size);
    // Doorstop finds its project's root by the version control folder above the documents.
    spawnSync("git", ["init", "-q"], { cwd: dir });
    doorstopTrees.set(size, dir);
  }
  return doorstopTrees.get(size);
}

/** Repeated check with one file changed before each run: two contents in turn, so every run sees a change. */
function changingOneFile(dir) {
  const file = join(dir, "documents", "QP-0001.yaml");
  let turn = 0;
  return () => appendFileSync(file, turn++ % 2 === 0 ? "# changed\n" : "# changed again\n");
}

const TARGETS = [
  ...[10_000, 50_000].flatMap((size) => [
    {
      name: `full check of ${n(size)} entities vs the yaml.parse floor (bench/floor.js)`,
      limit: 0.5,
      measure: () => alternately(fullCheck(size), [FLOOR, repository(size).dir, "yaml"], size > 10_000 ? 1 : runs),
    },
    {
      name: `full check of ${n(size)} entities vs the js-yaml parse-only floor`,
      limit: 1.5,
      measure: () => alternately(fullCheck(size), [FLOOR, repository(size).dir, "js-yaml"], size > 10_000 ? 1 : runs),
    },
  ]),
  ...[1000, 10_000].map((size) => ({
    name: `full check of ${n(size)} entities vs Doorstop 3.2 -F (${DOORSTOP ? "measured" : "reference CPU"})`,
    limit: size === 1000 ? 0.3 : 0.03,
    measure: () =>
      DOORSTOP
        ? // Doorstop takes over a minute at 10,000 items: one run there.
          alternately(fullCheck(size), { program: DOORSTOP, args: ["-j", doorstopTree(size), "-F"] }, size > 1000 ? 1 : runs)
        : [repeated(fullCheck(size), runs), { cpuMs: DOORSTOP_CPU_MS[size], reference: true }],
  })),
  {
    name: "cold start: csr check of a one-file repository vs node -e 0",
    limit: 2,
    measure: () => {
      // Outside git, so that there is no cache: every run is a first check.
      const dir = join(work, "one-file");
      mkdirSync(dir);
      // It checks clean: coverage of a repository without documents is not what is measured here.
      writeFileSync(
        join(dir, "qms.yaml"),
        "organisation:\n  name: 测试\nstandards: [IATF16949]\ndepartments:\n  - code: QA\n    name: 品质部\nrules:\n  coverage/clause-uncovered: off\n",
      );
      return alternately(check(dir), ["-e", "0"], shortRuns);
    },
  },
  { name: "csr --version vs node -e 0", limit: 1.3, measure: () => alternately([CSR, "--version"], ["-e", "0"], shortRuns) },
  ...[
    [10_000, 3],
    [50_000, 6],
  ].map(([size, limit]) => ({
    name: `repeat check of ${n(size)} entities, nothing changed, vs node -e 0`,
    limit,
    measure: () => {
      // The first check writes the cache; the second trusts files written too close to it (racily clean) too.
      once(check(repository(size).dir));
      once(check(repository(size).dir));
      return alternately(check(repository(size).dir), ["-e", "0"], shortRuns);
    },
  })),
  {
    name: "repeat check of 10,000 entities, one file changed, vs node -e 0",
    limit: 4,
    measure: () => {
      const { dir } = repository(10_000);
      once(check(dir));
      once(check(dir));
      const change = changingOneFile(dir);
      return alternately(check(dir), ["-e", "0"], runs, (which) => which === 0 && change());
    },
  },
  {
    name: "peak memory, full check of 50,000 entities (MB)",
    limit: 400,
    memory: true,
    measure: () => [repeated(fullCheck(50_000), 1)],
  },
  {
    name: "peak memory, csr export of 50,000 entities (MB)",
    limit: 400,
    memory: true,
    measure: () => {
      const out = join(work, "export.xlsx");
      return [repeated([CSR, "-C", repository(50_000).dir, "export", "--out", out, "--force"], 1)];
    },
  },
  ...[1000, 10_000].map((size) => ({
    name: `csr site of ${n(size)} entities vs csr render --all --format html`,
    limit: 1.5,
    measure: () => {
      const { dir } = repository(size);
      const render = join(work, `render-html-${size}`);
      const out = siteOut(size);
      return alternately(site(size), [CSR, "-C", dir, "render", "--all", "--format", "html", "--out", render], runs, () => {
        rmSync(out, { recursive: true, force: true });
        rmSync(render, { recursive: true, force: true });
      });
    },
  })),
  {
    name: "csr site of 10,000 entities vs of 1,000 (10x the entities)",
    limit: 11,
    measure: () =>
      alternately(site(10_000), site(1000), runs, () => {
        rmSync(siteOut(10_000), { recursive: true, force: true });
        rmSync(siteOut(1000), { recursive: true, force: true });
      }),
  },
  {
    // csr/suspect-link fingerprints both ends of every pinned link on each check (issue 16).
    name: "full check of 10,000 entities, every link pinned (csr address --pin-all), vs the same without pins",
    limit: 1.1,
    measure: () => {
      const plain = repository(10_000).dir;
      const pinned = join(work, "repo-10000-pinned");
      cpSync(plain, pinned, { recursive: true });
      const pin = spawnSync(process.execPath, [CSR, "--lang", "en", "-C", pinned, "address", "--pin-all", "--date", "2026-06-30"], { encoding: "utf8" });
      if (pin.status !== 0 || !/^Pinned the links of \d+ CSR/.test(pin.stdout)) throw new Error(`csr address --pin-all failed:\n${pin.stdout}${pin.stderr}`);
      return alternately(check(pinned, "--no-cache"), fullCheck(10_000), runs);
    },
  },
  {
    name: "render --all --format pdf vs --format html, examples/acme-auto",
    limit: 10,
    measure: () => {
      const example = join(ROOT, "examples", "acme-auto");
      const render = (format) => [CSR, "-C", example, "render", "--all", "--format", format, "--out", join(work, `render-${format}`)];
      return alternately(render("pdf"), render("html"), runs, undefined, { children: true });
    },
  },
];

const fmtS = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`);
const fmt = (m) => (m.reference ? `${fmtS(m.cpuMs)} CPU (reference)` : `${fmtS(m.cpuMs)} CPU, ${fmtS(m.ms)} wall`);

const rows = [];
for (const target of TARGETS) {
  if (only && !target.name.includes(only)) continue;
  const [measured, reference] = target.measure();
  if (target.memory) {
    const mb = measured.rssKb / 1024;
    rows.push([target.name, `${Math.round(mb)} MB (${fmt(measured)})`, "", `${Math.round(mb)} MB`, `≤ ${target.limit} MB`, mb <= target.limit ? "met" : "not met"]);
    continue;
  }
  const cpuRatio = measured.cpuMs / reference.cpuMs;
  const wall = reference.reference ? "" : `, ${(measured.ms / reference.ms).toFixed(2)}x wall`;
  rows.push([target.name, fmt(measured), fmt(reference), `${cpuRatio.toFixed(3)}x CPU${wall}`, `≤ ${target.limit}x`, cpuRatio <= target.limit ? "met" : "not met"]);
  console.error(`${target.name}: ${rows.at(-1)[3]} (${rows.at(-1)[5]})`);
}

const cpu = cpus();
console.log(
  `Machine: ${cpu.length} cores, ${cpu[0]?.model ?? "unknown CPU"}, Node ${process.version}, load average ${loadavg().map((l) => l.toFixed(2)).join(" ")} at the end; ` +
    `median of ${runs} runs (${shortRuns} for cold start and repeat checks, 1 at 50,000 entities).\n`,
);
console.log("| target | csr | compared with | ratio | limit | result |");
console.log("| --- | --- | --- | --- | --- | --- |");
for (const r of rows) console.log(`| ${r.join(" | ")} |`);
