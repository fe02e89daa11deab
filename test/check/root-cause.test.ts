/**
 * One root cause, one finding: a broken qms.yaml or people.yaml is reported first, and the findings
 * that only follow from it (unknown departments, standards, people) are held back and counted.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { copyFixture, csrInProcess, tempDir } from "../helpers.js";

function broken(file: string, edit: (text: string) => string): string {
  const dir = copyFixture("examples/acme-auto");
  writeFileSync(join(dir, file), edit(readFileSync(join(dir, file), "utf8")));
  return dir;
}

/** The example's own findings, whatever is broken (examples/acme-auto): DYA-002 went into production after Dongyue's date (customers/DYA.yaml); BCM-004 and DYA-002 have training recorded for only some of the people to train, past its due date; Dongyue's September scorecard and OBJ-04 count a complaint with no 8D (tester82 A2). */
const DYA_002_LATE = "csr/DYA/DYA-002.yaml csr/late-for-customer";
const COMPLAINT_UNRECORDED = ["customers/DYA.yaml action/complaint-unrecorded", "objectives.yaml action/complaint-unrecorded"];
const EXAMPLE_OWN = ["csr/BCM/BCM-004.yaml csr/training-overdue", DYA_002_LATE, "csr/DYA/DYA-002.yaml csr/training-overdue", ...COMPLAINT_UNRECORDED];
/** C3 has a customer complaint, 8D-2026-001, since its last audit and no review of its audit frequency naming it (15a04413): the example's own too, but the rule reads qms.yaml and people.yaml (the auditors whose audits count), so a problem of either holds it back. */
const AUDIT_FREQUENCY = "processes.yaml process/audit-frequency-unreviewed";
/** The findings after the root cause, by file as csr check orders them: the example's own among those of other files. */
const byFile = (...findings: string[]) => [...EXAMPLE_OWN, ...findings].sort((a, b) => (a.split(" ")[0]! < b.split(" ")[0]! ? -1 : a.split(" ")[0]! > b.split(" ")[0]! ? 1 : 0));

describe("one root cause, one finding", () => {
  it("an unknown key in qms.yaml is the one finding; what follows from it is counted", async () => {
    const dir = broken("qms.yaml", (t) => t.replace("language:", "tittle: x\nlanguage:"));
    const result = await csrInProcess(["-C", dir, "check", "--no-cache", "--today", "2026-11-27"]);
    expect(result.code).toBe(1);
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe("qms.yaml");
    expect(lines[1]).toMatch(/^qms\.yaml:\d+:1 error schema\/unknown-field Unknown field 'tittle' in qms\.yaml\./);
    expect(lines.slice(-2)).toEqual([
      "845 more findings held back: they may only follow from the problems in qms.yaml. Fix qms.yaml and run csr check again.",
      "✖ 1 error, 5 warnings in 5 files (69 files checked).",
    ]);
    const json = JSON.parse((await csrInProcess(["-C", dir, "check", "--no-cache", "--today", "2026-11-27", "--format", "json"])).stdout);
    expect(json.heldBack).toEqual([{ file: "qms.yaml", count: 845 }]);
    expect(json.findings.map((f: { file: string; rule: string }) => `${f.file} ${f.rule}`)).toEqual(["qms.yaml schema/unknown-field", ...EXAMPLE_OWN]);
  });

  it("a bad role in people.yaml is the one finding, not 303 unknown people", async () => {
    const dir = broken("people.yaml", (t) => t.replace("roles: [approver]", "roles: [aprover]"));
    const json = JSON.parse((await csrInProcess(["-C", dir, "check", "--no-cache", "--today", "2026-11-27", "--format", "json"])).stdout);
    expect(json.findings.map((f: { file: string; rule: string }) => `${f.file} ${f.rule}`)).toEqual(["people.yaml schema/invalid-value", ...EXAMPLE_OWN]);
    // The other people of the file are kept (src/load/salvage.ts), so no reference to a person is held back: only C3's audit
    // frequency warning, whose audits count by their auditors' roles (AUDIT_FREQUENCY).
    expect(json.heldBack).toEqual([{ file: "people.yaml", count: 1 }]);
  });

  it("an unknown key at the top of people.yaml leaves every person unknown: what follows is counted", async () => {
    const dir = broken("people.yaml", (t) => t.replace("people:", "tittle: x\npeople:"));
    const json = JSON.parse((await csrInProcess(["-C", dir, "check", "--no-cache", "--today", "2026-11-27", "--format", "json"])).stdout);
    expect(json.findings.map((f: { file: string; rule: string }) => `${f.file} ${f.rule}`)).toEqual(["people.yaml schema/unknown-field", DYA_002_LATE, ...COMPLAINT_UNRECORDED]);
    // Every field that names a person is a reference to people.yaml (ref/unresolved): signatures, opinions, controlled copies' holders, trainers, a record disposal's approver and witness …; and C3's audit frequency warning (AUDIT_FREQUENCY).
    expect(json.heldBack).toEqual([{ file: "people.yaml", count: 799 }]);
  });

  it("a CSR received after today is the one finding, not the opinions that only seem to come before it", async () => {
    const dir = broken("csr/DYA/DYA-007.yaml", (t) => t.replace("received: 2026-11-24", "received: 2026-12-01"));
    const json = JSON.parse((await csrInProcess(["-C", dir, "check", "--no-cache", "--today", "2026-11-27", "--format", "json"])).stdout);
    expect(json.findings.filter((f: { file: string }) => f.file === "csr/DYA/DYA-007.yaml").map((f: { line: number; rule: string }) => `${f.line} ${f.rule}`)).toEqual([
      "12 date/in-future",
    ]);
  });

  it("problems of other files are still reported, after the root cause", async () => {
    const dir = broken("people.yaml", (t) => t.replace("roles: [approver]", "roles: [aprover]"));
    writeFileSync(join(dir, "documents", "QP-099.yaml"), "id: QP-099\ntittle: x\n");
    const json = JSON.parse((await csrInProcess(["-C", dir, "check", "--no-cache", "--today", "2026-11-27", "--format", "json"])).stdout);
    expect(json.findings.map((f: { file: string; rule: string }) => `${f.file} ${f.rule}`)).toEqual([
      "people.yaml schema/invalid-value",
      ...byFile(...Array(5).fill("documents/QP-099.yaml schema/missing-field"), "documents/QP-099.yaml schema/unknown-field"),
    ]);
  });

  it("a document file that cannot be read is the one finding, not every reference to it and every mention", async () => {
    const dir = broken("documents/procedures/QP-014.yaml", (t) => t.replace(/^title: .*$/m, "title: [unclosed"));
    const json = JSON.parse((await csrInProcess(["-C", dir, "check", "--no-cache", "--today", "2026-11-27", "--format", "json"])).stdout);
    expect(json.findings.map((f: { file: string; rule: string }) => `${f.file} ${f.rule}`)).toEqual(byFile("documents/procedures/QP-014.yaml yaml/syntax", AUDIT_FREQUENCY));
  });

  it("a customer file that cannot be read is the one finding, not every CSR and symbol of that customer", async () => {
    // csr init's example: customer HXQC, two CSRs of it and its symbols in symbols.yaml.
    const dir = tempDir();
    await csrInProcess(["init", "--example"], { cwd: dir });
    writeFileSync(join(dir, "customers/HXQC.yaml"), readFileSync(join(dir, "customers/HXQC.yaml"), "utf8").replace(/^name: .*$/m, "name: [unclosed"));
    const json = JSON.parse((await csrInProcess(["-C", dir, "check", "--no-cache", "--today", "2026-11-27", "--format", "json"])).stdout);
    expect(json.findings.map((f: { file: string; rule: string }) => `${f.file} ${f.rule}`)).toEqual(["customers/HXQC.yaml yaml/syntax"]);
  });

  it("a document that fails validation keeps its title for the mentions of it", async () => {
    // QP-015 顾客特定要求管理程序 is mentioned as 《顾客特定要求管理程序》 in two other documents.
    const dir = broken("documents/procedures/QP-015.yaml", (t) => t.replace(/^status: .*$/m, "status: 已发布"));
    const json = JSON.parse((await csrInProcess(["-C", dir, "check", "--no-cache", "--today", "2026-11-27", "--format", "json"])).stdout);
    expect(json.findings.map((f: { file: string; rule: string }) => `${f.file} ${f.rule}`)).toEqual(byFile("documents/procedures/QP-015.yaml schema/invalid-value", AUDIT_FREQUENCY));
  });
});
