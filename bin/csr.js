#!/usr/bin/env node
// V8 optimises a function once it has run a set amount of bytecode (its interrupt budget). A csr run
// is short and runs the same few hundred functions over thousands of files: at V8's default budget it
// spends a quarter of its CPU optimising code that the run ends before repaying (the full check of
// 10,000 entities: 1.13 s of CPU, 0.90 s with four times the budget). Sixteen times the default
// takes off a little more (alternating runs at 10,000 entities: median 1.24 s → 1.20 s of CPU,
// 1,000: 0.38 s → 0.37 s, 50,000: 4.32 s → 4.26 s); thirty-two times was no better. Set before any
// of csr is loaded, so that every function of csr gets it. A check parses its files at V8's default
// budget (src/load/tiering.ts), which this note tells it may change it.
// The young generation is collected on one thread (`--no-parallel-scavenge`): a check or a site
// keeps most of what it reads, which every scavenge copies, and on the two cores the bench and CI
// give csr the helper threads cost more CPU in handing out and stealing work than they save
// (alternating runs, medians of CPU: full check of 10,000 entities 936 → 920 ms and 961 → 928 ms,
// 50,000 3.72 → 3.64 s, site of 10,000 8.79 → 8.60 s; docs/speed.md). A scavenge's pause is
// longer in wall time on a machine with idle cores. The build makes the code caches under these flags.
// Node's built-in modules are taken with process.getBuiltinModule (Node 20.16+), not imported: an
// import of node:v8 or node:fs goes through the ES module loader, about a fifth of `node -e 0`'s
// instructions more for every run (callgrind: `csr --version` 140 M → 114 M, `node -e 0` 83 M).
// This file and bin/command-script.js are CommonJS (bin/package.json): Node starts an ES module
// entry point through its ES module loader, whose modules (and node:fs/promises, readline and the
// stream modules they load) cost every run about 19 M instructions, a fifth of `node -e 0`
// (callgrind, a check of a one-file repository: 235 → 216 M with csr's output written to its file
// descriptors, 216 → 197 M as CommonJS). csr's ES modules (dist/cli/main.js) and npm packages are
// imported where they are needed, which loads the ES module loader then.

/** The commands that run from a file of their own (bin/command-script.js): `check` and `site`; any other from dist/cli/main.cjs. */
const BUNDLED = new Set(["check", "site"]);

/**
 * The file that runs the command line `csr [-C <dir>] [--lang <lang>] <command> …`, without help
 * asked for (`-h`, `--help`, `csr help …`): for `check` and `site`, dist/cli/<command>.cjs, the
 * command alone in one file (src/cli/check.ts, src/cli/site.ts, which read the command line again
 * with src/cli/named.ts and leave anything else to main.js); for any other word, dist/cli/main.cjs,
 * all of csr in one file (src/cli/main.ts, as main.js), which wires the command it names or, for a
 * word that names none, every command, as main.js does. Both run through bin/command-script.js,
 * with the code cache the build made. Undefined for anything else, which dist/cli/main.js runs: a
 * help, no command, an option first.
 */
function bundledCommand(args) {
  if (args.some((arg) => arg === "--help" || /^-[A-Za-z]*h/.test(arg))) return undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "-C" || arg === "--lang") i++;
    else if (!(arg.startsWith("-C") || arg.startsWith("--lang="))) return BUNDLED.has(arg) ? arg : arg.startsWith("-") || arg === "help" ? undefined : "main";
  }
  return undefined;
}

/**
 * Runs csr's command line (process.argv) and resolves to the exit code. `csr --version` alone is
 * answered here, as commander would (src/cli/main.ts does the same for a run in-process): from
 * package.json, without loading csr, written to file descriptor 1 as csr writes all its output
 * (src/cli/program.ts standardOutput; Node's process.stdout would load its stream modules).
 */
async function main() {
  const args = process.argv.slice(2);
  if (args.length === 1 && (args[0] === "--version" || args[0] === "-V")) {
    const { readFileSync, writeSync } = process.getBuiltinModule("node:fs");
    const version = `${JSON.parse(readFileSync(`${__dirname}/../package.json`, "utf8")).version}\n`;
    if (process.platform === "win32") process.stdout.write(version);
    else writeSync(1, version);
    return 0;
  }
  const command = bundledCommand(args);
  // Before the flags, so that Node takes its code cache of the built-in modules it loads (node:vm, node:module): see bin/command-script.js.
  const script = command ? require("./command-script.js") : undefined;
  process.getBuiltinModule("node:v8").setFlagsFromString("--interrupt-budget=1048576 --no-parallel-scavenge");
  globalThis[Symbol.for("csr.interrupt-budget")] = 1048576;
  const code = command ? await script.loadCommand(command).run(process.argv) : undefined;
  return code ?? (await import("../dist/cli/main.js")).run(process.argv);
}

main().then((code) => {
  process.exitCode = code;
});
