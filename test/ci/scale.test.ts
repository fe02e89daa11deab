import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error: the benchmark generator is plain JavaScript without type declarations.
import { composition, DELIBERATE_FINDINGS, generateRepository } from "../../bench/generate.js";
import { csr, tempDir } from "../helpers.js";

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

describe("a repository of 10,000 entities", () => {
  it("is generated the same way every time", () => {
    const [a, b] = [tempDir(), tempDir()];
    generateRepository(a, 300);
    generateRepository(b, 300);
    const files = listFiles(a);
    expect(listFiles(b)).toEqual(files);
    for (const file of files) expect(readFileSync(join(b, file), "utf8")).toBe(readFileSync(join(a, file), "utf8"));
    expect(composition(10_000)).toEqual({ csrs: 5000, forms: 3333, customers: 50, people: 200, procedures: 600, instructions: 817 });
  });

  it("checks in one run with exactly the deliberate findings", { timeout: 180_000 }, () => {
    const dir = tempDir();
    const files = generateRepository(dir, 10_000);
    const result = csr(["-C", dir, "check", "--format", "json", "--today", "2026-06-30"]);
    // stdout is the report alone; the CI log gets its one-line summary (fmt70).
    expect(result.stderr).toBe(`csr: errors: 4, warnings: 0, in files: 4 (files checked: ${files}).\n`);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.summary).toEqual({ errors: 4, warnings: 0, files });
    expect(report.findings.map((f: { file: string; line: number; column: number; rule: string }) => `${f.file}:${f.line}:${f.column} ${f.rule}`)).toEqual([
      "csr/C001/C001-0001.yaml:27:15 ref/unresolved",
      "documents/QP-0003.yaml:7:32 clause/unknown-clause",
      "documents/QR-00002.yaml:25:1 schema/unknown-field",
      "documents/WI-0002.yaml:1:5 id/number-pattern",
    ]);
    expect(report.findings.map((f: { file: string; rule: string }) => ({ rule: f.rule, file: f.file }))).toEqual(
      [...DELIBERATE_FINDINGS].sort((x, y) => (x.file < y.file ? -1 : 1)),
    );
  });
});
