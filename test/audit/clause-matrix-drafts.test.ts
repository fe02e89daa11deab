/**
 * The clause matrix (both layouts) leaves drafts and documents in review out, as every register of
 * controlled documents does, and says so in the same words (auditor17 F7).
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { copyFixture, csr } from "../helpers.js";

const TODAY = "2026-11-27";
const NOTE = "1 more document not released yet (draft or in review) is not a controlled document and is not listed.";

function notes(dir: string, ...style: string[]): string[] {
  return (JSON.parse(csr(["-C", dir, "matrix", "clauses", ...style, "--today", TODAY, "--format", "json"]).stdout) as { notes: string[] }).notes;
}

describe("the clause matrix and drafts", () => {
  it("says under both layouts that a draft was left out, as the controlled document list does", () => {
    // WI-031 is a draft.
    const dir = copyFixture("test/fixtures/csr/valid");
    expect(notes(dir).filter((n) => n.includes("not released"))).toEqual([NOTE]);
    expect(notes(dir, "--style", "cross-reference").filter((n) => n.includes("not released"))).toEqual([NOTE]);
    expect(csr(["-C", dir, "list", "documents", "--today", TODAY]).stdout.split("\n")).toContain(NOTE);
    const zh = csr(["-C", dir, "matrix", "clauses", "--today", TODAY], { lang: "zh-CN" }).stdout.split("\n");
    expect(zh).toContain("另有 1 份文件尚未发布（草稿或审批中），不是受控文件，未列入。");
  });

  it("says nothing of drafts where there are none", () => {
    const dir = copyFixture("test/fixtures/csr/valid");
    rmSync(join(dir, "documents/WI-031.yaml"));
    expect(notes(dir).filter((n) => n.includes("not released"))).toEqual([]);
  });
});
