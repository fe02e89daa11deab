/**
 * "N more findings held back" counts each finding held back once (tester23 F6): the count of
 * `csr check` is the number of distinct findings behind each file, and a report with no place for
 * that line (SARIF, JUnit, GitLab) does not lose it: it goes to stderr. csr in the test's process
 * (csrInProcess, stdout and stderr apart): what is tested is what it reports where.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkRepository } from "../../src/check/engine.js";
import { loadRepository } from "../../src/load/repository.js";
import { copyFixture, csrInProcess } from "../helpers.js";

function broken(): string {
  const dir = copyFixture("examples/acme-auto");
  writeFileSync(join(dir, "qms.yaml"), readFileSync(join(dir, "qms.yaml"), "utf8").replace("language:", "tittle: x\nlanguage:"));
  // A second file with a problem of its own: a misspelt opinion holds back what follows from it.
  const csrFile = join(dir, "csr/DYA/DYA-001.yaml");
  writeFileSync(csrFile, readFileSync(csrFile, "utf8").replace("opinion: accept-with-action", "opinion: acept-with-action"));
  return dir;
}

describe("held-back findings (tester23 F6)", () => {
  it("are counted once each, per file", async () => {
    const dir = broken();
    const { held } = checkRepository(loadRepository(dir), { today: "2026-11-27" });
    const key = (f: (typeof held)[number]) => JSON.stringify([f.rule, f.file, f.line, f.column, f.message]);
    expect(new Set(held.map(key)).size).toBe(held.length);
    const json = JSON.parse((await csrInProcess(["-C", dir, "check", "--no-cache", "--today", "2026-11-27", "--format", "json"], { lang: "en" })).stdout);
    const byFile = Object.fromEntries(json.heldBack.map((h: { file: string; count: number }) => [h.file, h.count]));
    expect(Object.values(byFile).reduce((a: number, b) => a + (b as number), 0)).toBe(held.length);
    for (const [file, count] of Object.entries(byFile)) expect(count, file).toBe(held.filter((f) => f.heldBackBy === file).length);
  });

  it.each(["sarif", "junit", "gitlab"])("--format %s says them on stderr, as text and json say them in the report", async (format) => {
    const dir = broken();
    const json = JSON.parse((await csrInProcess(["-C", dir, "check", "--no-cache", "--today", "2026-11-27", "--format", "json"], { lang: "en" })).stdout);
    const run = await csrInProcess(["-C", dir, "check", "--no-cache", "--today", "2026-11-27", "--format", format], { lang: "en" });
    expect(run.code).toBe(1);
    const lines = json.heldBack.map((h: { file: string; count: number }) =>
      h.count === 1
        ? `1 more finding held back: it may only follow from the problems in ${h.file}. Fix ${h.file} and run csr check again.`
        : `${h.count} more findings held back: they may only follow from the problems in ${h.file}. Fix ${h.file} and run csr check again.`,
    );
    expect(lines.length).toBeGreaterThan(0);
    // Then the one-line summary a CI log shows when stdout is a report for the server (tester69 T2), the json report's figures.
    const summary = `csr: errors: ${json.summary.errors}, warnings: ${json.summary.warnings}, in files: ${new Set(json.findings.map((f: { file: string }) => f.file)).size} (files checked: ${json.summary.files}).`;
    expect(run.stderr).toBe([...lines, summary].map((l: string) => `${l}\n`).join(""));
  });
});
