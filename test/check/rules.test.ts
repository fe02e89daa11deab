/**
 * Each rule has a folder in test/fixtures/rules/<rule-id with '/' as '-'>: `valid/` and `invalid/`
 * are laid over `_base/`, and `expected.txt` holds the exact findings of the invalid case.
 */
import { cpSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { csr, FIXTURES, tempDir } from "../helpers.js";

const RULES = join(FIXTURES, "rules");

function repoFrom(caseDir: string): string {
  const dir = tempDir();
  cpSync(join(RULES, "_base"), dir, { recursive: true });
  cpSync(caseDir, dir, { recursive: true });
  return dir;
}

const findingLines = (stdout: string) => stdout.split("\n").filter((l) => /^\S+:\d+:\d+ (error|warning) /.test(l));

describe.each(readdirSync(RULES).filter((name) => !name.startsWith("_")))("%s", (name) => {
  it("finds nothing in the valid case", () => {
    const result = csr(["-C", repoFrom(join(RULES, name, "valid")), "check", "--today", "2026-11-27"]);
    expect(result.stdout).toMatch(/✔ No problems/);
    expect(result.code).toBe(0);
  });

  it("reports exactly the expected findings in the invalid case", () => {
    const result = csr(["-C", repoFrom(join(RULES, name, "invalid")), "check", "--today", "2026-11-27"]);
    const expected = readFileSync(join(RULES, name, "expected.txt"), "utf8").trim().split("\n");
    expect(findingLines(result.stdout)).toEqual(expected);
    expect(result.code).toBe(expected.some((l) => / error /.test(l)) ? 1 : 0);
  });
});
