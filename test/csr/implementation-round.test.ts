/**
 * The implementation of a CSR reviewed in several rounds is judged against the round whose decision
 * is in force (impl51 #1, WRONG DATA): acme-auto's DYA-002 was decided must on 2024-06-24 under DYA-SQM
 * C and again on 2026-03-23 under D; its implementation record is the D round's.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkJsonInProcess, committedFixture, copyFixture, csrInProcess } from "../helpers.js";

const FILE = "csr/DYA/DYA-002.yaml";
const edit = (dir: string, from: string, to: string) => {
  const text = readFileSync(join(dir, FILE), "utf8");
  if (!text.includes(from)) throw new Error(`${FILE} has no ${from}`);
  writeFileSync(join(dir, FILE), text.replace(from, to));
};
const outOfOrder = async (dir: string) => (await checkJsonInProcess(dir, "--today", "2026-12-03")).findings.filter((f) => f.rule === "date/out-of-order").map((f) => `${f.file}:${f.line}:${f.column} ${f.message}`);

describe("the implementation follows the decision in force, not the first round's", () => {
  it("csr implement refuses a date implemented after the first round's decision but before the current one", async () => {
    const dir = committedFixture("examples/acme-auto");
    // The old code took the first round's decision (2024-06-24) and recorded it.
    expect(await csrInProcess(["-C", dir, "implement", "DYA-002", "--amend", "--implemented", "2026-03-20", "-y"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --implemented 2026-03-20 is before the review decision of DYA-002 (2026-03-23), which it must follow.\n",
    });
    expect(await csrInProcess(["-C", dir, "implement", "DYA-002", "--amend", "--implemented", "2026-03-20", "-y"], { lang: "zh-CN" })).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --implemented 2026-03-20 早于 DYA-002 评审结论日期（2026-03-23），而它应在其后。\n",
    });
    expect((await csrInProcess(["-C", dir, "implement", "DYA-002", "--amend", "--implemented", "2026-03-23", "-y"])).code).toBe(0);
  });

  it("csr check reports the current record implemented before the current decision, and a closed record before its own round's", async () => {
    const dir = copyFixture("examples/acme-auto");
    expect(await outOfOrder(dir)).toEqual([]);
    edit(dir, "  implemented: 2026-04-20\n", "  implemented: 2026-03-20\n");
    // Closed with the C round (csr source update): implemented under C, after C's decision of 2024-06-24.
    edit(dir, "distribution:\n", "  history:\n    - {closed: 2026-03-16, source_revision: C, revised_to: D, status: implemented, implemented: 2024-07-01}\n    - {closed: 2026-03-16, source_revision: C, revised_to: D, status: implemented, implemented: 2024-06-20}\ndistribution:\n");
    expect(await outOfOrder(dir)).toEqual([
      "csr/DYA/DYA-002.yaml:80:16 DYA-002: the implementation is dated 2026-03-20, before the review decision (2026-03-23), which it must follow. Correct whichever of the two dates is wrong.",
      "csr/DYA/DYA-002.yaml:83:97 DYA-002: the implementation is dated 2024-06-20, before the decision of review round 1 (2024-06-24), which it must follow. Correct whichever of the two dates is wrong.",
    ]);
  });
});
