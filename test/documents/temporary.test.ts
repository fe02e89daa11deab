import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { csr, gitInit, minimalRepo } from "../helpers.js";

/** A first draft of a deviation (临时偏离) from the standard crimping procedure. */
const DRAFT = [
  "id: QP-030",
  "title: 扣压夹具维修期间临时偏离",
  "level: 2",
  "kind: procedure",
  "department: QA",
  "status: draft",
  "sections:",
  "  - title: 目的",
  "    text: 夹具维修期间（两周）改用手动扣压，每件检验外径。",
  "",
].join("\n");

const RELEASE = ["release", "QP-030", "--summary", "临时偏离", "--prepared", "zhang", "--reviewed", "li", "--approved", "wang", "--date", "2026-12-04", "--effective", "2026-12-07", "-y"];

/** Findings of doc/temporary-expired and doc/periodic-review-due on a day, as printed. */
function temporaryFindings(repo: string, today: string): string[] {
  const result = csr(["-C", repo, "check", "--today", today, "--lang", "en"]);
  return result.stdout.split("\n").filter((l) => /^documents\/.* doc\/(temporary-expired|periodic-review-due) /.test(l));
}

describe("a temporary document (csr release --until, doc/temporary-expired; tester61 L4)", () => {
  it("refuses an end before the effective date, records valid_until, warns 5 working days before the end and reports it once past", () => {
    const repo = gitInit(minimalRepo({ "documents/QP-030.yaml": DRAFT }));
    const early = csr(["-C", repo, ...RELEASE, "--until", "2026-12-06", "--lang", "en"]);
    expect(early).toEqual({ code: 2, stdout: "", stderr: "csr: --until 2026-12-06 is before the effective date 2026-12-07: a temporary document ends on or after the day it takes effect.\n" });
    expect(readFileSync(join(repo, "documents/QP-030.yaml"), "utf8")).toBe(DRAFT);

    const released = csr(["-C", repo, ...RELEASE, "--until", "2026-12-18", "--lang", "zh-CN"]);
    expect(released.stderr).toBe("");
    expect(released.code).toBe(0);
    expect(released.stdout).toContain("QP-030 A/0 为临时文件，有效期至 2026-12-18：到期后请作废（csr obsolete QP-030 --reason …）。\n");
    const text = readFileSync(join(repo, "documents/QP-030.yaml"), "utf8");
    expect(text).toContain("status: released\neffective: 2026-12-07\nvalid_until: 2026-12-18\n");

    // Quiet until 5 working days before its end; a warning from then; an error once past, until withdrawn.
    expect(temporaryFindings(repo, "2026-12-10")).toEqual([]);
    const warning = "documents/QP-030.yaml:8:14 warning doc/temporary-expired QP-030 A/0 is temporary and valid until 2026-12-18. Decide in time: withdraw it after that day ('csr obsolete QP-030 --reason ...'), or release a new revision with a later --until if it is extended.";
    expect(temporaryFindings(repo, "2026-12-11")).toEqual([warning]);
    expect(temporaryFindings(repo, "2026-12-18")).toEqual([warning]);
    expect(temporaryFindings(repo, "2026-12-21")).toEqual([
      "documents/QP-030.yaml:8:14 error doc/temporary-expired QP-030 A/0 is temporary and was valid until 2026-12-18, but it is still released. Verify the return to the standard process and withdraw it ('csr obsolete QP-030 --reason ...'), or release a new revision with a later --until if it is extended.",
    ]);
  });
});
