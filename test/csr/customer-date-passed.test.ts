/**
 * A customer's date that passed before the requirement was received or implemented (tester67b B4):
 * csr source add and csr add say so when the 实施日期 comes before the date received, and once the
 * customer's date decides csr/implementation-overdue, its message and csr implement name what clears
 * it — the implementation, or the later date the customer agreed (--required-by) —, not a new --due,
 * which leaves it as it was. On a copy of examples/acme-auto, DYA-004 without its agreed date: due
 * 2026-12-31, in production by DYA-SQM D's 实施日期 2026-04-01.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtOnce, checkJson, copyFixture, csr, gitInit } from "../helpers.js";
import { daysAfter, today } from "../today.js";

const example = builtOnce(() => {
  const dir = copyFixture("examples/acme-auto");
  const path = join(dir, "csr/DYA/DYA-004.yaml");
  writeFileSync(path, readFileSync(path, "utf8").replace(/^ {2}required_by: .*\n/m, ""));
  return gitInit(dir);
});

const overdue = (dir: string) => checkJson(dir).findings.filter((f) => f.rule === "csr/implementation-overdue" && f.file === "csr/DYA/DYA-004.yaml").map((f) => f.message);

describe("a customer's date already passed", () => {
  it("csr source add and csr add say that a 实施日期 before the date received makes every CSR from it overdue once decided", async () => {
    const dir = await example();
    const received = today();
    expect(csr(["-C", dir, "source", "add", "BCM", "--id", "BCM-OLD", "--title", "北辰供应商手册", "--revision", "A", "--received", received, "--effective", "2025-03-01", "-y"])).toEqual({
      code: 0,
      stdout: [
        `BCM: source document BCM-OLD 北辰供应商手册 recorded, revision A, received ${received}.`,
        "BCM-OLD A: the customer's effective date is 2025-03-01; the CSRs taken from it are to be in production by then (csr/late-for-customer).",
        "Next: register its requirements with 'csr add --customer BCM --source BCM-OLD'.",
        "Wrote customers/BCM.yaml; not committed (git commit it, or run with --commit).",
        "",
      ].join("\n"),
      stderr: `Note: the customer's effective date 2025-03-01 of BCM-OLD A is before the date received ${received}: every CSR taken from it is overdue as soon as it is decided to be met (csr/implementation-overdue), and recording a plan does not clear that. If the date was typed wrong, correct it with 'csr source update BCM-OLD --revision A --amend --effective <date>'; where the customer agreed a later date for a CSR, record that date with 'csr implement <CSR> --required-by <date>'.\n`,
    });
    const added = csr(["-C", dir, "add", "--customer", "BCM", "--source", "BCM-OLD", "--title", "PPAP 按北辰要求提交", "--clause", "IATF16949:8.3.4.4", "--yes"]);
    expect(added.code).toBe(0);
    expect(added.stderr).toContain(
      `Note: BCM-006 is taken from BCM-OLD A, whose customer's effective date 2025-03-01 is before the date received ${received}: it is overdue as soon as it is decided to be met (csr/implementation-overdue), and recording a plan does not clear that. If the customer agreed a later date in writing, record that date once it is decided with 'csr implement BCM-006 --required-by <date>'; if the effective date was typed wrong, correct it with 'csr source update BCM-OLD --revision A --amend --effective <date>'.\n`,
    );
  });

  it("names --required-by, not --due, where the customer's date decides, in csr check and in csr implement", async () => {
    const dir = await example();
    const advice = "Once implemented, record it with 'csr implement DYA-004 --implemented <date> --evidence <evidence>'; if the customer agreed a later date in writing, record that date with 'csr implement DYA-004 --required-by <date>' (a new due date with --due does not move the customer's).";
    expect(overdue(dir)).toEqual([
      `DYA-004 was to be implemented by 2026-04-01, the effective date of the customer's DYA-SQM revision D, ahead of the internal due date 2026-12-31 (owner: 周鹏 (zhoupeng)) but its implementation status is 'in-progress'. ${advice}`,
    ]);
    // A new due date, as the message used to advise: the error stays, and csr implement says so and what clears it.
    const later = daysAfter(today(), 200);
    const moved = csr(["-C", dir, "implement", "DYA-004", "--due", later]);
    expect(moved.code).toBe(0);
    expect(moved.stdout.split("\n")[1]).toBe(
      "DYA-004 is past the effective date 2026-04-01 of the customer's DYA-SQM revision D and not implemented: csr check still reports csr/implementation-overdue (an error), which a new due date does not clear. Once in production, record it with 'csr implement DYA-004 --implemented <date> --evidence <evidence>'; if the customer agreed a later date in writing, record that date with 'csr implement DYA-004 --required-by <date>'.",
    );
    expect(overdue(dir)).toHaveLength(1);
    // The customer's later date, as the message now advises: cleared.
    expect(csr(["-C", dir, "implement", "DYA-004", "--required-by", later]).code).toBe(0);
    expect(overdue(dir)).toEqual([]);
    // A customer's date still ahead: a due date after it is what to move (csr/late-for-customer), as before.
    const after = daysAfter(later, 1);
    const line = csr(["-C", dir, "implement", "DYA-004", "--due", after]).stdout.split("\n")[1];
    expect(line).toContain(`DYA-004 is due ${after}, after the customer's date for it, ${later} (`);
    expect(line).toContain("Bring the due date forward with 'csr implement DYA-004 --due <date>'");
  });
});
