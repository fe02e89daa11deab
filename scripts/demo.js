#!/usr/bin/env node
// `npm run demo`: runs csr on the bundled example repositories, as a user would.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const csr = join(root, "bin", "csr.js");
// Pinned to one day so that deadlines, and therefore the output, are the same on every run.
const steps = [
  ["check", "examples/acme-auto", "--today", "2026-11-27"],
  ["check", "examples/gjb-demo", "--today", "2026-11-27"],
  ["list", "examples/acme-auto", "--today", "2026-11-27"],
  ["show", "examples/acme-auto", "DYA-001", "--today", "2026-11-27"],
];
let failed = false;
for (const [command, dir, ...rest] of steps) {
  const args = ["-C", join(root, dir), command, ...rest];
  console.log(`\n$ csr ${args.join(" ").replace(root + "/", "")}`);
  const result = spawnSync(process.execPath, [csr, ...args], { stdio: "inherit" });
  if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
