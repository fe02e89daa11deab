/**
 * Each rule has a folder in test/fixtures/rules/<rule-id with '/' as '-'>: `valid/` and `invalid/`
 * are laid over `_base/`, and `expected.txt` holds the exact findings of the invalid case. When the
 * folder has a `base/`, `_base/` and `base/` are committed first and the check runs with `--base HEAD`;
 * a case's `.deleted` then names the files it deletes.
 */
import { cpSync, existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "vitest";
import { csrInProcess, FIXTURES, gitInit, tempDir } from "../helpers.js";

const RULES = join(FIXTURES, "rules");

/** The repository of one case and the extra `csr check` arguments it needs. */
function repoFrom(name: string, kind: "valid" | "invalid"): { dir: string; args: string[] } {
  const dir = tempDir();
  cpSync(join(RULES, "_base"), dir, { recursive: true });
  const base = join(RULES, name, "base");
  if (existsSync(base)) {
    cpSync(base, dir, { recursive: true });
    gitInit(dir);
  }
  cpSync(join(RULES, name, kind), dir, { recursive: true });
  // A case's `.deleted` lists the files of `base/` it deletes (file/deleted).
  const deleted = join(dir, ".deleted");
  if (existsSync(deleted)) for (const path of [...readFileSync(deleted, "utf8").split("\n").filter(Boolean), ".deleted"]) rmSync(join(dir, path));
  return { dir, args: existsSync(base) ? ["--base", "HEAD"] : [] };
}

// A file name may hold spaces (an external document keeps its publisher's number: documents/GJB 9001C-2017.yaml).
const findingLines = (stdout: string) => stdout.split("\n").filter((l) => /^\S[^:]*:\d+:\d+ (error|warning) /.test(l));

// The check runs in the test's process (csrInProcess): the findings are the rules' business, and
// test/cli/check.test.ts runs the binary. 88 spawned checks cost 12 s of CPU, mostly Node starting.
describe.each(readdirSync(RULES).filter((name) => !name.startsWith("_")))("%s", (name) => {
  it("finds nothing in the valid case", async ({ expect }) => {
    const { dir, args } = repoFrom(name, "valid");
    const result = await csrInProcess(["-C", dir, "check", "--today", "2026-11-27", ...args]);
    expect(result.stdout).toMatch(/✔ No problems/);
    expect(result.code).toBe(0);
  });

  it("reports exactly the expected findings in the invalid case", async ({ expect }) => {
    const { dir, args } = repoFrom(name, "invalid");
    const result = await csrInProcess(["-C", dir, "check", "--today", "2026-11-27", ...args]);
    const expected = readFileSync(join(RULES, name, "expected.txt"), "utf8").trim().split("\n");
    expect(findingLines(result.stdout)).toEqual(expected);
    expect(result.code).toBe(expected.some((l) => / error /.test(l)) ? 1 : 0);
  });
});
