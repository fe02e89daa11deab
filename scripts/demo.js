#!/usr/bin/env node
// `npm run demo`: runs csr on the bundled example repositories, as a user would.
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const csr = join(root, "bin", "csr.js");
// The demo is pinned to one day so that review deadlines read the same on every run.
const DEMO_DAY = "2026-11-27";
const steps = [
  ["check", "examples/acme-auto", "--today", DEMO_DAY],
  ["check", "examples/gjb-demo", "--today", DEMO_DAY],
  ["list", "examples/acme-auto", "--today", DEMO_DAY],
  ["show", "examples/acme-auto", "DYA-001", "--today", DEMO_DAY],
  ["render", "examples/acme-auto", "--all", "--format", "html", "--out", join(root, "out", "acme-auto", "html")],
  ["render", "examples/acme-auto", "--all", "--format", "md", "--out", join(root, "out", "acme-auto", "md")],
  ["render", "examples/acme-auto", "DYA-007", "BCM-004", "--format", "html", "--out", join(root, "out", "acme-auto", "review-reports")],
  ["render", "examples/gjb-demo", "--all", "--format", "html", "--out", join(root, "out", "gjb-demo", "html")],
  ["site", "examples/acme-auto", "--out", join(root, "out", "acme-auto", "site"), "--today", DEMO_DAY],
  ["site", "examples/gjb-demo", "--out", join(root, "out", "gjb-demo", "site"), "--today", DEMO_DAY],
];
// Audit outputs: the matrices, the lists and the workbook of each example, written to out/<example>/.
for (const [example, style] of [["acme-auto", "iatf"], ["gjb-demo", "gjb"]]) {
  const dir = `examples/${example}`;
  const out = (name) => join(root, "out", example, name);
  steps.push(
    ["matrix", dir, "clauses", "--out", out("matrix-clauses.md")],
    ["matrix", dir, "clauses", "--out", out("matrix-clauses.html")],
    ["matrix", dir, "csr", "--out", out("matrix-csr.md")],
    ["list", dir, "procedures", "--style", style, "--out", out("procedures.md")],
    ["list", dir, "forms", "--out", out("forms.md")],
    ["list", dir, "symbols", "--out", out("symbols.md")],
    ["export", dir, "--out", out("registers.xlsx")],
  );
}
// out/ holds only what this demo wrote last time; csr itself never replaces an existing --out file.
rmSync(join(root, "out"), { recursive: true, force: true });
let failed = false;
for (const [command, dir, ...rest] of steps) {
  const args = ["-C", join(root, dir), command, ...rest];
  console.log(`\n$ csr ${args.join(" ").replace(root + "/", "")}`);
  const result = spawnSync(process.execPath, [csr, ...args], { stdio: "inherit" });
  if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
