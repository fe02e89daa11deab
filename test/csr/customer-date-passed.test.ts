/**
 * A customer's date that passed before the requirement was received or implemented (tester67b B4):
 * csr source add, csr add and csr source update say so when the 实施日期 comes before the date received, and once the
 * customer's date decides csr/implementation-overdue, its message and csr implement name what clears
 * it — the implementation, or the later date the customer agreed (--required-by) —, not a new --due,
 * which leaves it as it was. On a copy of examples/acme-auto, DYA-004 without its agreed date: due
 * 2026-12-31, in production by DYA-SQM D's 实施日期 2026-04-01.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtOnce, checkJsonInProcess, committedFixture, copyFixture, csr, csrInProcess, gitInit } from "../helpers.js";
import { daysAfter, today } from "../today.js";

const example = builtOnce(() => {
  const dir = copyFixture("examples/acme-auto");
  const path = join(dir, "csr/DYA/DYA-004.yaml");
  writeFileSync(path, readFileSync(path, "utf8").replace(/^ {2}required_by: .*\n/m, ""));
  return gitInit(dir);
});

/** The example as shipped, for the source updates of BCM-PKG (A received 2026-10-12; BCM-004 taken from it). */
const unchanged = builtOnce(() => committedFixture("examples/acme-auto"));

/** The check in the test's process (csrInProcess); the binary's check has tests of its own. */
const overdue = async (dir: string) => (await checkJsonInProcess(dir)).findings.filter((f) => f.rule === "csr/implementation-overdue" && f.file === "csr/DYA/DYA-004.yaml").map((f) => f.message);

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

  it("csr source update says it too, of a new revision, an earlier one and a corrected date", async () => {
    const dir = await unchanged();
    const note = (effective: string, revision: string, received: string) =>
      `Note: the customer's effective date ${effective} of BCM-PKG ${revision} is before the date received ${received}: every CSR taken from it is overdue as soon as it is decided to be met (csr/implementation-overdue), and recording a plan does not clear that. If the date was typed wrong, correct it with 'csr source update BCM-PKG --revision ${revision} --amend --effective <date>'; where the customer agreed a later date for a CSR, record that date with 'csr implement <CSR> --required-by <date>'.\n`;
    const updated = csr(["-C", dir, "source", "update", "BCM-PKG", "--revision", "B", "--received", "2026-11-02", "--effective", "2026-10-20", "-y"]);
    expect(updated.code).toBe(0);
    expect(updated.stdout).toContain("BCM-PKG revision B recorded (received 2026-11-02); revision A is superseded.\n");
    expect(updated.stderr).toBe(note("2026-10-20", "B", "2026-11-02"));
    // A correction that leaves it before, or puts it there by a later date received, says so again; one that puts it after does not.
    // The corrections and the earlier revision in the test's process (csrInProcess), the first update through the built binary.
    expect(await csrInProcess(["-C", dir, "source", "update", "BCM-PKG", "--revision", "B", "--amend", "--effective", "2026-10-25"])).toMatchObject({ code: 0, stderr: note("2026-10-25", "B", "2026-11-02") });
    expect(await csrInProcess(["-C", dir, "source", "update", "BCM-PKG", "--revision", "B", "--amend", "--effective", "2026-11-09"])).toMatchObject({ code: 0, stderr: "" });
    expect(await csrInProcess(["-C", dir, "source", "update", "BCM-PKG", "--revision", "B", "--amend", "--received", "2026-11-10"])).toMatchObject({ code: 0, stderr: note("2026-11-09", "B", "2026-11-10") });
    // An earlier revision, in Chinese.
    expect(await csrInProcess(["-C", dir, "source", "update", "BCM-PKG", "--revision", "0", "--received", "2026-09-01", "--effective", "2026-08-01", "--earlier"], { lang: "zh-CN" })).toMatchObject({
      code: 0,
      stderr: "注意：BCM-PKG 0 版的顾客实施日期 2026-08-01 早于接收日期 2026-09-01：依据它的 CSR 一经决定落实即已逾期（csr/implementation-overdue），记录实施计划也不能消除。日期录错的，用 'csr source update BCM-PKG --revision 0 --amend --effective <日期>' 更正；顾客同意某条 CSR 更晚实施的，用 'csr implement <CSR> --required-by <日期>' 记录。\n",
    });
  });

  it("names --required-by, not --due, where the customer's date decides, in csr check and in csr implement", async () => {
    const dir = await example();
    const advice = "Once implemented, record it with 'csr implement DYA-004 --implemented <date> --evidence <evidence>'; if the customer agreed a later date in writing, record that date with 'csr implement DYA-004 --required-by <date>' (a new due date with --due does not move the customer's).";
    expect(await overdue(dir)).toEqual([
      `DYA-004 was to be implemented by 2026-04-01, the effective date of the customer's DYA-SQM revision D, ahead of the internal due date 2026-12-31 (owner: 周鹏 (zhoupeng)) but its implementation status is 'in-progress'. ${advice}`,
    ]);
    // A new due date, as the message used to advise: the error stays, and csr implement says so and what clears it.
    const later = daysAfter(today(), 200);
    const moved = csr(["-C", dir, "implement", "DYA-004", "--due", later]);
    expect(moved.code).toBe(0);
    expect(moved.stdout.split("\n")[1]).toBe(
      "DYA-004 is past the effective date 2026-04-01 of the customer's DYA-SQM revision D and not implemented: csr check still reports csr/implementation-overdue (an error), which a new due date does not clear. Once in production, record it with 'csr implement DYA-004 --implemented <date> --evidence <evidence>'; if the customer agreed a later date in writing, record that date with 'csr implement DYA-004 --required-by <date>'.",
    );
    expect(await overdue(dir)).toHaveLength(1);
    // The customer's later date, as the message now advises: cleared.
    expect((await csrInProcess(["-C", dir, "implement", "DYA-004", "--required-by", later])).code).toBe(0);
    expect(await overdue(dir)).toEqual([]);
    // A customer's date still ahead: a due date after it is what to move (csr/late-for-customer), as before.
    const after = daysAfter(later, 1);
    const line = (await csrInProcess(["-C", dir, "implement", "DYA-004", "--due", after])).stdout.split("\n")[1];
    expect(line).toContain(`DYA-004 is due ${after}, after the customer's date for it, ${later} (`);
    expect(line).toContain("Bring the due date forward with 'csr implement DYA-004 --due <date>'");
  });
});
