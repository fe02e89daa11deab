/**
 * Where a run's CPU goes, file by file (vitest.config.ts loads this only when CSR_TEST_PROFILE names a
 * file): as each test file ends, one JSON line is appended there with the file, its wall time, the
 * CPU of the worker while it ran (user, system) and of the processes it started and waited for
 * (children: csr, git, Chromium, LibreOffice, npm), the processes it started from the worker
 * (spawn, spawnSync, execFile: each a fork of the worker, whose cost grows with its memory) and the
 * worker's resident memory. A worker runs one file at a time (isolate: false), so the differences of
 * /proc/self/stat between the file's start and end are the file's. Linux only.
 */
import * as childProcess from "node:child_process";
import { appendFileSync, readFileSync } from "node:fs";
import { syncBuiltinESMExports } from "node:module";
import { relative } from "node:path";
import { afterAll, expect } from "vitest";
import { ROOT } from "./helpers.js";

const OUT = process.env.CSR_TEST_PROFILE!;
/** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const HZ = 100;

const counter = globalThis as { csrTestSpawns?: number; csrTestKinds?: Map<string, number> };
/** What a started process is: csr (the binary), git started by test/helpers.ts git() (which names init.defaultBranch), other git (csr's own, in this process), or the program's name. */
function kind(file: string, args: readonly string[] = []): string {
  const name = file.replace(/^.*\//, "");
  if (name === "node" && args.some((a) => a.endsWith("/bin/csr.js"))) return "csr";
  if (name === "git") return args.includes("init.defaultBranch=main") ? "git (test)" : "git (csr)";
  return name;
}
function count(file: string, args?: readonly string[]): void {
  counter.csrTestSpawns!++;
  const k = kind(file, args);
  counter.csrTestKinds!.set(k, (counter.csrTestKinds!.get(k) ?? 0) + 1);
}
if (counter.csrTestSpawns === undefined) {
  counter.csrTestSpawns = 0;
  counter.csrTestKinds = new Map();
  // Counted where the ways of starting a process pass: ChildProcess#spawn (spawn, execFile, exec, fork; Node's, left out of its
  // types) and spawnSync (execFileSync and execSync call Node's own and are not counted: csr uses neither, the tests one once).
  const prototype = childProcess.ChildProcess.prototype as unknown as { spawn: (options: { file: string; args?: string[] }) => unknown };
  const spawn = prototype.spawn;
  prototype.spawn = function (this: unknown, options) {
    count(options.file, options.args);
    return spawn.call(this, options);
  };
  const cjs = (await import("node:module")).createRequire(import.meta.url)("node:child_process") as typeof childProcess;
  const spawnSync = cjs.spawnSync;
  cjs.spawnSync = ((...args: Parameters<typeof spawnSync>) => {
    count(args[0], Array.isArray(args[1]) ? args[1] : []);
    return spawnSync(...args);
  }) as typeof spawnSync;
  syncBuiltinESMExports();
}

/** utime, stime, cutime, cstime of this process, in seconds. */
function times(): number[] {
  const stat = readFileSync("/proc/self/stat", "utf8");
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ").slice(11, 15).map((ticks) => Number(ticks) / HZ);
}

// From here, before the test file is loaded and collected (vitest runs the setup files again for each file).
const start = { at: Date.now(), times: times(), spawns: counter.csrTestSpawns!, kinds: new Map(counter.csrTestKinds) };
afterAll(() => {
  const [user, system, childUser, childSystem] = times().map((t, i) => Math.round((t - start.times[i]!) * 100) / 100);
  const file = relative(ROOT, expect.getState().testPath ?? "?");
  const line = { file, wall: (Date.now() - start.at) / 1000, user, system, childUser, childSystem, spawns: counter.csrTestSpawns! - start.spawns, kinds: Object.fromEntries([...counter.csrTestKinds!].map(([k, n]) => [k, n - (start.kinds.get(k) ?? 0)]).filter(([, n]) => n)), rssMB: Math.round(process.memoryUsage().rss / 1e6) };
  appendFileSync(OUT, `${JSON.stringify(line)}\n`);
});
