#!/usr/bin/env node
// V8 optimises a function once it has run a set amount of bytecode (its interrupt budget). A csr run
// is short and runs the same few hundred functions over thousands of files: at V8's default budget it
// spends a quarter of its CPU optimising code that the run ends before repaying (the full check of
// 10,000 entities: 1.13 s of CPU, 0.90 s with four times the budget; `npm run bench`). Set before any
// of csr is loaded, so that every function of csr gets it.
import { setFlagsFromString } from "node:v8";

setFlagsFromString("--interrupt-budget=262144");
import("../dist/cli/main.js").then((m) => m.run(process.argv)).then((code) => {
  process.exitCode = code;
});
