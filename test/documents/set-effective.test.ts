/**
 * `csr set <document> --effective`: the 生效日期 of a released document's current version corrected
 * by command (tester20 F5: a register imported without 生效日期 takes its 发布日期, and the import said
 * to edit the file). Register data: no new revision; on a real git repository.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { checkJsonInProcess, csrInProcess, git, gitInit, minimalRepo, releasedProcedure, withoutYearCheck } from "../helpers.js";

const FILE = "documents/QP-001.yaml";
const draft = ["id: QP-002", "title: 记录控制程序", "level: 2", "kind: procedure", "department: QA", "status: draft", "sections:", "  - title: 目的", "    text: 规定记录控制。", ""].join("\n");

describe("csr set <document> --effective", () => {
  it("corrects the day the current version took effect, as csr release --effective writes it, without a new revision", async () => {
    const dir = gitInit(withoutYearCheck(minimalRepo({ [FILE]: releasedProcedure("QP-001", "文件控制程序", { title: "目的", text: "规定文件控制。" }), "documents/QP-002.yaml": draft })));
    const later = await csrInProcess(["-C", dir, "set", "QP-001", "--effective", "2026-03-10", "--commit"]);
    const hash = git(dir, ["rev-parse", "--short=7", "HEAD"]).trim();
    expect(later).toEqual({
      code: 0,
      stdout: [
        "Updated QP-001 文件控制程序 (documents/QP-001.yaml):",
        "  effective date of A/0: 2026-03-10 (was 2026-03-02)",
        "These are register data of QP-001, not its content: no new revision is needed.",
        `Committed ${hash}: csr set QP-001: effective date of A/0 2026-03-10 (was 2026-03-02)`,
        "",
      ].join("\n"),
      stderr: "",
    });
    const doc = parse(readFileSync(join(dir, FILE), "utf8"));
    expect([doc.effective, doc.revisions[0].effective]).toEqual(["2026-03-10", "2026-03-10"]);
    // The key goes where csr release writes it, after status.
    expect(readFileSync(join(dir, FILE), "utf8")).toContain("status: released\neffective: 2026-03-10\nrevisions:");
    expect((await checkJsonInProcess(dir, "--base", "HEAD~1")).findings).toEqual([]);
    // Before that day the version is not yet in force, as after a release with --effective.
    expect((await csrInProcess(["-C", dir, "show", "QP-001", "--today", "2026-03-05"])).stdout).toMatch(/^ {2}Version in force +A\/0 not yet in force \(from 2026-03-10\)$/m);

    // Back to its release date: the revision's own effective date goes, as csr release leaves it out then.
    expect((await csrInProcess(["-C", dir, "set", "QP-001", "--effective", "2026-03-02"])).code).toBe(0);
    const back = parse(readFileSync(join(dir, FILE), "utf8"));
    expect([back.effective, back.revisions[0].effective]).toEqual(["2026-03-02", undefined]);
    expect((await csrInProcess(["-C", dir, "set", "QP-001", "--effective", "2026-03-02"])).stdout).toBe("QP-001 is like that already; nothing changed.\n");
  });

  it("refuses a day before the version was released, a document never released, and other fields with it", async () => {
    const dir = gitInit(withoutYearCheck(minimalRepo({ [FILE]: releasedProcedure("QP-001", "文件控制程序", { title: "目的", text: "规定文件控制。" }), "documents/QP-002.yaml": draft })));
    const before = await csrInProcess(["-C", dir, "set", "QP-001", "--effective", "2026-03-01"]);
    expect([before.code, before.stderr]).toEqual([2, "csr: The effective date 2026-03-01 of QP-001 is before A/0 was released on 2026-03-02: a document takes effect once it is released.\n"]);
    const unreleased = await csrInProcess(["-C", dir, "set", "QP-002", "--effective", "2026-03-10"]);
    expect([unreleased.code, unreleased.stderr]).toEqual([
      2,
      "csr: QP-002 is draft: it has no released version whose effective date could be corrected.\nhint: Give the effective date when it is released: 'csr release QP-002 --effective <date>'.\n",
    ]);
    const mixed = await csrInProcess(["-C", dir, "set", "QP-001", "--effective", "2026-03-10", "--add-clause", "7.5.3"]);
    expect([mixed.code, mixed.stderr]).toEqual([2, "csr: --effective goes alone: the correction of the effective date is recorded by itself.\n"]);
    expect(git(dir, ["status", "--porcelain"])).toBe("");
  });
});
