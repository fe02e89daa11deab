/**
 * A date that records something done is refused by every command that writes one, in one line and
 * with exit code 2, when it lies after today or before the event it follows: the same facts that
 * `csr check` reports as date/in-future and date/out-of-order. Dates in the future are far enough
 * ahead (2099) and dates in the past far enough back that the tests do not depend on today.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { committedFixture, csrInProcess, git } from "../helpers.js";

const example = () => committedFixture("examples/acme-auto");
const FUTURE = /^csr: (--[a-z-]+) 2099-12-31 is after today \(\d{4}-\d{2}-\d{2}\): a record of something done cannot be dated in the future\.\n$/;

describe("a date of something done", () => {
  it("is refused after today, whichever command records it", async () => {
    const dir = example();
    const refusals = [
      ["add", "--customer", "DYA", "--source", "DYA-SQM", "--clause", "IATF16949:8.5.4", "--title", "新要求", "--received", "2099-12-31", "-y"],
      ["review", "DYA-007", "--department", "PRD", "--reviewer", "huangjun", "--opinion", "accept", "--date", "2099-12-31", "-y"],
      ["address", "DYA-007", "QP-014", "--date", "2099-12-31", "-y"],
      ["implement", "DYA-004", "--implemented", "2099-12-31", "-y"],
      ["source", "update", "DYA-SQM", "--revision", "E", "--received", "2099-12-31", "-y"],
      ["release", "QP-014", "--summary", "修订", "--total-pages", "2", "--prepared", "gaoyang", "--reviewed", "zhoupeng", "--approved", "xuht", "--approved-date", "2099-12-31"],
      ["distribute", "QP-014", "--to", "QA", "--date", "2099-12-31", "-y"],
      ["recall", "QP-014", "--date", "2099-12-31", "-y"],
      ["train", "QP-014", "--people", "gaoyang", "--date", "2099-12-31", "-y"],
      ["periodic-review", "QP-014", "--by", "zhoupeng", "--date", "2099-12-31", "-y"],
    ];
    for (const args of refusals) {
      const result = await csrInProcess(["-C", dir, ...args]);
      expect(result, args.join(" ")).toEqual({ code: 2, stdout: "", stderr: expect.stringMatching(FUTURE) });
    }
    // A withdrawal dated later is a planned end: the refusal says how a temporary document is given one (tester61 L4).
    expect(await csrInProcess(["-C", dir, "obsolete", "HH-WI-06", "--reason", "并入 QP-013", "--date", "2099-12-31"])).toEqual({
      code: 2,
      stdout: "",
      stderr: expect.stringMatching(/^csr: --date 2099-12-31 is after today \(\d{4}-\d{2}-\d{2}\): a withdrawal records the day a document was withdrawn, not a day planned\. .* is released with --until \('csr release HH-WI-06 \.\.\. --until 2099-12-31'/),
    });
    expect(git(dir, ["status", "--porcelain"])).toBe("");
  }, 90_000);

  it("is refused before the event it follows, naming that event and its date", async () => {
    const dir = example();
    const refused = async (args: string[], stderr: string) => expect(await csrInProcess(["-C", dir, ...args]), args.join(" ")).toEqual({ code: 2, stdout: "", stderr });
    await refused(["address", "DYA-001", "QP-014", "--date", "2025-01-01", "-y"], "csr: --date 2025-01-01 is before the receipt of DYA-001 (2025-02-10), which it must follow.\n");
    await refused(
      ["review", "DYA-007", "--disposition", "must", "--by", "xuht", "--force", "--date", "2026-11-25", "-y"],
      "csr: --date 2026-11-25 is before the last opinion of DYA-007 (2026-11-26), which it must follow.\n",
    );
    await refused(["train", "DYA-001", "--people", "zhangli", "--date", "2025-01-01", "-y"], "csr: --date 2025-01-01 is before the receipt of DYA-001 (2025-02-10), which it must follow.\n");
    await refused(["distribute", "QP-014", "--to", "QA", "--date", "2025-03-01", "-y"], "csr: --date 2025-03-01 is before revision A/1 of QP-014 (2025-03-10), which it must follow.\n");
    await refused(
      ["release", "QP-014", "--summary", "修订", "--total-pages", "2", "--prepared", "gaoyang", "--reviewed", "zhoupeng", "--approved", "xuht", "--date", "2025-03-01"],
      "csr: --date 2025-03-01 is before revision A/1 of QP-014 (2025-03-10), which it must follow.\n",
    );
    await refused(["obsolete", "HH-WI-06", "--reason", "并入 QP-013", "--date", "2025-01-01"], "csr: --date 2025-01-01 is before revision A/2 of HH-WI-06 (2025-06-23), which it must follow.\n");
    await refused(
      ["source", "update", "DYA-SQM", "--revision", "E", "--issued", "2026-11-28", "--received", "2026-11-27", "-y"],
      "csr: --received 2026-11-27 is before the issue of revision E of DYA-SQM (2026-11-28), which it must follow.\n",
    );
    await refused(
      ["source", "update", "DYA-SQM", "--revision", "E", "--received", "2026-11-27", "--unchanged", "DYA-004", "--by", "zhangli", "--date", "2026-11-26", "-y"],
      "csr: --date 2026-11-26 is before the receipt of revision E of DYA-SQM (2026-11-27), which it must follow.\n",
    );
    expect(git(dir, ["status", "--porcelain"])).toBe("");

    expect((await csrInProcess(["-C", dir, "distribute", "QP-014", "--to", "QA", "--date", "2026-11-16", "-y"])).code).toBe(0);
    await refused(["recall", "QP-014", "--copy", "1", "--date", "2026-11-15", "-y"], "csr: --date 2026-11-15 is before the handing out of controlled copy 1 of A/1 of QP-014 (2026-11-16), which it must follow.\n");

    // A release recorded after the fact is checked as of its date: a periodic review recorded later than it
    // is after the release, not "after today" (tester19 F13).
    expect((await csrInProcess(["-C", dir, "periodic-review", "QP-003", "--by", "zhangli", "--date", "2026-11-20", "-y", "--commit"])).code).toBe(0);
    const file = join(dir, "documents/procedures/QP-003.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("并与公司战略方向一致。", "并与公司战略方向一致，每年至少一次。"));
    const backdated = await csrInProcess(["-C", dir, "release", "QP-003", "--summary", "频次", "--total-pages", "2", "--prepared", "zhangli", "--reviewed", "xuht", "--approved", "wangjg", "--date", "2026-11-05", "-y", "--include-changes"]);
    expect(backdated.code).toBe(2);
    expect(backdated.stderr).toContain(
      " date/in-future QP-003: the periodic review is dated 2026-11-20, after the date of this release (2026-11-05). A release cannot come before what is already recorded: give --date no earlier than 2026-11-20, or check that record's date.\n",
    );
  }, 90_000);

  it("is refused in the user's language", async () => {
    const dir = example();
    expect(await csrInProcess(["-C", dir, "distribute", "QP-014", "--to", "QA", "--date", "2025-03-01", "-y"], { lang: null })).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --date 2025-03-01 早于 QP-014 版本 A/1 的修订日期（2025-03-10），而它应在其后。\n",
    });
  }, 60_000);
});
