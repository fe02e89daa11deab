/**
 * csr set <CSR-id> --source: a requirement the customer sent by letter or SQE e-mail after its manual,
 * registered against the manual, is moved to the letter once that is recorded as a source document
 * of its own (tester20 F19), without hand-edited YAML. The built binary on real git repositories for each
 * command path's first run (add, source add, set --source --commit and its refusal), the variations in the
 * worker (csrInProcess); the
 * question at a terminal driven with @inquirer/testing.
 */
import { input, search, select } from "@inquirer/prompts";
import { screen, wrapPrompt } from "@inquirer/testing/vitest";
import { appendFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Prompts } from "../../src/commands/add/prompting.js";
import { setDocument } from "../../src/commands/set/index.js";
import { checkJson, csr, csrInProcess, git } from "../helpers.js";
import { capture, read, tree, validRepo } from "./fixture.js";

/** The same files with the same texts: a refused command wrote nothing. */
const snapshot = (dir: string) => tree(dir).map((f) => [f, read(dir, f)]);

/** A letter of DYA recorded as a source document of its own: DYA-LTR-2026-11, revision 1, received `received`. */
function letter(dir: string, received: string): void {
  appendFileSync(join(dir, "customers", "DYA.yaml"), `  - id: DYA-LTR-2026-11\n    title: 关于包装标签的函\n    revisions:\n      - revision: "1"\n        received: ${received}\n`);
}

describe("csr set <CSR-id> --source (tester20 F19)", () => {
  it("moves a CSR received by letter after the manual to the letter, as date/received-after-source says, and commits that file alone", () => {
    const dir = validRepo({ git: true });
    const added = csr(["-C", dir, "add", "--customer", "DYA", "--source", "DYA-SQM", "--section", "6.4", "--clause", "IATF16949:8.5.4", "--title", "包装标签须含批次号", "--received", "2026-11-30", "-y", "--commit"]);
    expect([added.code, added.stderr]).toEqual([
      0,
      "csr: warning: DYA-011 is dated received 2026-11-30, after DYA-SQM C was received (2026-11-20), and its review is counted from 2026-11-30 (csr check reports date/received-after-source). If the customer sent the requirement separately (a letter, an e-mail, meeting minutes), register that as a source document of its own ('csr source add DYA --id <id> --title <title> --revision <revision> --received 2026-11-30') and move the requirement to it with 'csr set DYA-011 --source <id>'; if it came with DYA-SQM, correct the date with 'csr set DYA-011 --received 2026-11-20'; if it is the date DYA-SQM C was received that is wrong, correct it with 'csr source update DYA-SQM --revision C --received <date> --amend'.\n",
    ]);
    const warned = checkJson(dir, "--today", "2026-12-01").findings.filter((f) => f.rule === "date/received-after-source");
    expect(warned.map((f) => [f.file, /'(csr set DYA-011 --source <id>)'/.exec(f.message)?.[1]])).toEqual([["csr/DYA/DYA-011.yaml", "csr set DYA-011 --source <id>"]]);

    expect(csr(["-C", dir, "source", "add", "DYA", "--id", "DYA-LTR-2026-11", "--title", "关于包装标签的函", "--revision", "1", "--received", "2026-11-30", "-y", "--commit"]).code).toBe(0);
    const moved = csr(["-C", dir, "set", "DYA-011", "--source", "DYA-LTR-2026-11", "--commit"]);
    const hash = git(dir, ["rev-parse", "--short=7", "HEAD"]).trim();
    expect(moved).toEqual({
      code: 0,
      stdout:
        "Updated DYA-011 包装标签须含批次号 (csr/DYA/DYA-011.yaml):\n" +
        "  Source document: DYA-LTR-2026-11 1 (was DYA-SQM C)\n" +
        "  Source section: removed (was 6.4)\n" +
        `Committed ${hash}: csr set DYA-011: Source document DYA-LTR-2026-11 1 (was DYA-SQM C); Source section removed (was 6.4)\n`,
      stderr: "",
    });
    expect(read(dir, "csr/DYA/DYA-011.yaml")).toBe(
      'id: DYA-011\ncustomer: DYA\nsource:\n  document: DYA-LTR-2026-11\n  revision: "1"\nclauses:\n  - IATF16949:8.5.4\ntitle: 包装标签须含批次号\nreceived: 2026-11-30\n',
    );
    expect(git(dir, ["show", "--name-only", "--format=", "HEAD"]).trim()).toBe("csr/DYA/DYA-011.yaml");
    expect(git(dir, ["status", "--porcelain"])).toBe("");
    expect(checkJson(dir, "--today", "2026-12-01")).toEqual({ code: 0, stderr: "", findings: [] });
  });

  it("moved back onto the manual received earlier, warns as csr add does and commits all the same; a date corrected to the manual's says nothing (tester23 F4)", async () => {
    const dir = validRepo({ git: true });
    letter(dir, "2026-11-30");
    git(dir, ["commit", "-q", "-am", "letter"]);
    expect((await csrInProcess(["-C", dir, "add", "--customer", "DYA", "--source", "DYA-LTR-2026-11", "--clause", "IATF16949:8.5.4", "--title", "包装标签须含批次号", "--received", "2026-11-30", "-y", "--commit"])).stderr).toBe("");
    const moved = await csrInProcess(["-C", dir, "set", "DYA-011", "--source", "DYA-SQM", "--commit"]);
    const hash = git(dir, ["rev-parse", "--short=7", "HEAD"]).trim();
    expect(moved).toEqual({
      code: 0,
      stdout: `Updated DYA-011 包装标签须含批次号 (csr/DYA/DYA-011.yaml):\n  Source document: DYA-SQM C (was DYA-LTR-2026-11 1)\nCommitted ${hash}: csr set DYA-011: Source document DYA-SQM C (was DYA-LTR-2026-11 1)\n`,
      stderr:
        "csr: warning: DYA-011 is dated received 2026-11-30, after DYA-SQM C was received (2026-11-20), and its review is counted from 2026-11-30 (csr check reports date/received-after-source). If the customer sent the requirement separately (a letter, an e-mail, meeting minutes), register that as a source document of its own ('csr source add DYA --id <id> --title <title> --revision <revision> --received 2026-11-30') and move the requirement to it with 'csr set DYA-011 --source <id>'; if it came with DYA-SQM, correct the date with 'csr set DYA-011 --received 2026-11-20'; if it is the date DYA-SQM C was received that is wrong, correct it with 'csr source update DYA-SQM --revision C --received <date> --amend'.\n",
    });
    expect(checkJson(dir, "--today", "2026-12-01").findings.map((f) => `${f.file} ${f.rule}`)).toEqual(["csr/DYA/DYA-011.yaml date/received-after-source"]);
    const corrected = await csrInProcess(["-C", dir, "set", "DYA-011", "--received", "2026-11-20", "-y"]);
    expect([corrected.code, corrected.stderr]).toEqual([0, ""]);
  });

  it("keeps a decided CSR's review, says its decision stands, and takes the new section and date received with it", async () => {
    const dir = validRepo({ git: true });
    letter(dir, "2026-11-19");
    git(dir, ["commit", "-q", "-am", "letter"]);
    const before = read(dir, "csr/DYA/DYA-003.yaml");
    expect(await csrInProcess(["-C", dir, "set", "DYA-003", "--source", "DYA-LTR-2026-11", "--section", "第2条", "--received", "2026-11-19", "-y"])).toEqual({
      code: 0,
      stdout:
        "Updated DYA-003 包装须使用顾客周转箱 (csr/DYA/DYA-003.yaml):\n" +
        "  Source document: DYA-LTR-2026-11 1 (was DYA-SQM C)\n" +
        "  Source section: 第2条 (was 6.3)\n" +
        "  Date received: 2026-11-19 (was 2026-11-20)\n" +
        "Review due 2026-12-03 (10 working days after 2026-11-19; was 2026-12-04).\n" +
        "DYA-003's review (decided 2026-11-24) stands: the source document is a registration fact, not the requirement reviewed.\nWrote csr/DYA/DYA-003.yaml; not committed (git commit it, or run with --commit).\n",
      stderr: "",
    });
    expect(read(dir, "csr/DYA/DYA-003.yaml")).toBe(
      before.replace('source: { document: DYA-SQM, revision: C, section: "6.3" }', 'source: {document: DYA-LTR-2026-11, revision: "1", section: "第2条"}').replace("received: 2026-11-20", "received: 2026-11-19"),
    );
    // Another revision of its own document, the section kept.
    expect((await csrInProcess(["-C", dir, "set", "DYA-002", "--source-revision", "B", "-y"])).stdout).toBe("Updated DYA-002 控制计划须经顾客批准 (csr/DYA/DYA-002.yaml):\n  Source document: DYA-SQM B (was DYA-SQM C)\nWrote csr/DYA/DYA-002.yaml; not committed (git commit it, or run with --commit).\n");
    expect(read(dir, "csr/DYA/DYA-002.yaml")).toContain('source: {document: DYA-SQM, revision: B, section: "5.1"}\n');
  });

  it("refuses another customer's source, an unknown one (listing the customer's), an unknown revision, a date received before the new revision and a CSR whose records name a revision; nothing is written", async () => {
    const dir = validRepo({ git: true });
    letter(dir, "2026-11-30");
    writeFileSync(join(dir, "customers", "HHQ.yaml"), "code: HHQ\nname: 华海汽车\nsources:\n  - id: HHQ-SQM\n    title: 供应商手册\n    revisions:\n      - revision: A\n        received: 2026-11-02\n");
    appendFileSync(join(dir, "csr", "DYA", "DYA-004.yaml"), "distribution:\n  - {departments: [QA], date: 2026-11-25, source_revision: C}\n");
    const before = snapshot(dir);
    // The binary for the first refusal (as a user sees it), the others in this process: the same code, without a start of Node each.
    let spawned = false;
    const set = (...args: string[]) => (spawned ? csrInProcess(["-C", dir, "set", ...args, "-y"]) : ((spawned = true), Promise.resolve(csr(["-C", dir, "set", ...args, "-y"]))));
    expect(await set("DYA-001", "--source", "HHQ-SQM")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: HHQ-SQM is a source document of customer HHQ and DYA-001 a requirement of customer DYA: it can move only to a source document of DYA (DYA-SQM, DYA-LTR-2026-11).\n",
    });
    expect(await set("DYA-001", "--source", "DYA-SQX")).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "csr: Customer DYA has no source document 'DYA-SQX'; its source documents: DYA-SQM, DYA-LTR-2026-11. Did you mean 'DYA-SQM'?\n" +
        "hint: Record a letter, e-mail or meeting minutes the customer sent as a source document first: 'csr source add DYA --id <id> --title <title> --revision <revision> --received <date>'.\n",
    });
    expect(await set("DYA-001", "--source", "DYA-LTR-2026-11", "--source-revision", "2")).toEqual({ code: 2, stdout: "", stderr: "csr: DYA-LTR-2026-11 has no revision '2'; revisions recorded: 1.\n" });
    expect(await set("DYA-001", "--source", "DYA-LTR-2026-11")).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "csr: DYA-001 was received 2026-11-20, before DYA-LTR-2026-11 1 was received (2026-11-30): a requirement cannot be received before the document it comes from; nothing changed.\n" +
        "hint: If it did come with DYA-LTR-2026-11 1, give its date received with --received too (the review deadline moves with it).\n",
    });
    expect(await set("DYA-004", "--source", "DYA-LTR-2026-11", "--received", "2026-11-30")).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "csr: DYA-004's distributions name revisions of DYA-SQM: moved to another source document or revision, they would no longer match; nothing changed.\n" +
        "hint: If the customer stated the requirement anew in another document, register it from that document ('csr add --customer DYA --source <id> …') and record that it replaces DYA-004 with 'csr supersede DYA-004 --by <new id> --reason …'.\n",
    });
    expect(await set("QP-009", "--source", "DYA-SQM")).toEqual({ code: 2, stdout: "", stderr: "csr: --source is for a CSR; QP-009 is a document.\n" });
    expect(snapshot(dir)).toEqual(before);
  });

  it("at a terminal, offers the customer's source documents and the revisions of the one chosen", async () => {
    const dir = validRepo();
    letter(dir, "2026-11-30");
    const ctx = capture(dir);
    const prompts = { input: wrapPrompt(input), select: wrapPrompt(select), search: wrapPrompt(search) } as unknown as Prompts;
    const done = setDocument(ctx, "DYA-001", {}, prompts);
    await screen.next();
    for (let i = 0; i < 7; i++) screen.keypress("down");
    expect(screen.getScreen()).toContain("❯ Source document");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("❯ DYA-SQM  供应商质量手册 (rev C)\n  DYA-LTR-2026-11  关于包装标签的函 (rev 1)");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("Which revision of DYA-SQM");
    expect(screen.getScreen()).toContain("❯ C (received 2026-11-20)\n  B (received 2025-06-05)");
    screen.keypress("down");
    screen.keypress("enter");
    expect(await done).toBe(0);
    expect(ctx.out).toBe("Updated DYA-001 特殊特性符号按顾客规定标识 (csr/DYA/DYA-001.yaml):\n  Source document: DYA-SQM B (was DYA-SQM C)\n");
  });
});
