/**
 * Two document controllers each `csr distribute` a document on their own clone: both take the next
 * 受控号, and a merge that keeps both entries records two paper copies under one number (tester57 E3,
 * part 2). `csr check` reports it with the free number to give the later one (doc/copy-number-duplicate).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { committedFixture, csr, csrInProcess, git, tempDir } from "../helpers.js";

describe("two clones that each distributed the next copy of QP-002", () => {
  it("merge into one conflict on copy 6; kept both, csr check names the duplicate and the free number, and is clean once it is given", async () => {
    const seed = committedFixture("examples/acme-auto");
    const parent = tempDir("csr-copy-number-");
    git(parent, ["clone", "-q", "--bare", seed, "origin.git"]);
    for (const clone of ["r1", "r2"]) git(parent, ["clone", "-q", "origin.git", clone]);
    const [r1, r2] = [join(parent, "r1"), join(parent, "r2")];
    const distribute = async (dir: string, to: string) => {
      const result = await csrInProcess(["-C", dir, "distribute", "QP-002", "--to", to, "--issued-by", "chenjing", "--date", "2026-11-20", "-y", "--commit"]);
      expect(result.stdout.split("\n")[1]).toMatch(/^ {2}copy 6 {2}/);
    };
    await distribute(r1, "ENG");
    git(r1, ["push", "-q", "origin", "HEAD:main"]);
    await distribute(r2, "MKT");
    expect(() => git(r2, ["pull", "--no-rebase", "origin", "main"])).toThrow(/ failed: /);
    // Kept both sides, as a hand resolution of the conflict does.
    const path = join(r2, "documents/procedures/QP-002.yaml");
    writeFileSync(path, readFileSync(path, "utf8").replace(/^(<{7}|={7}|>{7}).*\n/gm, ""));
    git(r2, ["commit", "-q", "-a", "--no-edit"]);

    const check = csr(["-C", r2, "check", "--today", "2026-11-27"]);
    expect(check.code).toBe(1);
    expect(check.stdout.split("\n").filter((l) => l.includes("doc/copy-number-duplicate"))).toEqual([
      "documents/procedures/QP-002.yaml:80:12 error doc/copy-number-duplicate Controlled copy 6 of QP-002 is recorded twice: to Marketing & Sales on 2026-11-20 and to Engineering on 2026-11-20 (two branches that each distributed the next copy, merged). Each paper copy needs its own number: give this entry the free number 7 (its `copy`), and write 7 on that paper copy and on its line of the paper distribution record.",
      // The rule ids are padded to the longest listed: acme-auto's process/audit-frequency-unreviewed (tester82 A12).
      "  doc/copy-number-duplicate           https://unpkg.com/qms-csr@0.1.0/docs/rules.md#doccopy-number-duplicate",
    ]);

    writeFileSync(path, readFileSync(path, "utf8").replace("{copy: 6, version: A/1, to: ENG", "{copy: 7, version: A/1, to: ENG"));
    expect(csr(["-C", r2, "check", "--today", "2026-11-27"]).stdout).not.toContain("doc/copy-number-duplicate");
  }, 120_000);
});
