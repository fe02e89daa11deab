/**
 * A file with one schema error is not set aside whole (src/load/salvage.ts): the schema finding is
 * reported, the parts of the file that pass their schema stay in the model, and the rules whose
 * findings hold for a part of an entity report on them; the others' findings there are held back.
 * In process: the loader and the engine are what is under test, not the CLI.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkRepository } from "../../src/check/engine.js";
import { loadRepository } from "../../src/load/repository.js";
import { copyFixture } from "../helpers.js";

const TODAY = "2026-11-27";

function edited(edits: Record<string, (text: string) => string>): string {
  const dir = copyFixture("examples/acme-auto");
  for (const [file, edit] of Object.entries(edits)) {
    const text = readFileSync(join(dir, file), "utf8");
    const changed = edit(text);
    expect(changed, `the edit of ${file} changes it`).not.toBe(text);
    writeFileSync(join(dir, file), changed);
  }
  return dir;
}

function check(dir: string) {
  const repo = loadRepository(dir);
  const { findings, held } = checkRepository(repo, { today: TODAY });
  // The rules run twice here (over the whole repository and over the parts kept): still, each finding is handed over once.
  expect(new Set([...findings, ...held]).size).toBe(findings.length + held.length);
  const show = (f: { file: string; line: number; column: number; rule: string }) => `${f.file}:${f.line}:${f.column} ${f.rule}`;
  return { repo, shown: findings.map(show), held: held.map((f) => `${show(f)} (held back by ${f.heldBackBy})`), messages: findings.map((f) => f.message) };
}

const DYA_001 = "csr/DYA/DYA-001.yaml";
/** The example's own findings, whatever is broken: DYA-002 went into production after Dongyue's date (customers/DYA.yaml); BCM-004 and DYA-002 have training recorded for only some of the people to train, past its due date. */
const DYA_002_LATE = "csr/DYA/DYA-002.yaml:80:16 csr/late-for-customer";
const BCM_004_TRAINING = "csr/BCM/BCM-004.yaml:58:13 csr/training-overdue";
const DYA_002_TRAINING = "csr/DYA/DYA-002.yaml:85:13 csr/training-overdue";
/** Dongyue's September scorecard and OBJ-04 count a complaint with no 8D (tester82 A2). */
const DYA_COMPLAINT = "customers/DYA.yaml:53:83 action/complaint-unrecorded";
const OBJ_04_COMPLAINT = "objectives.yaml:99:34 action/complaint-unrecorded";
// C3's safety complaint 8D-2026-001, its audit frequency not reviewed after it (tester82 A12).
const C3_FREQUENCY = "processes.yaml:64:11 process/audit-frequency-unreviewed";

describe("a CSR with one schema error", () => {
  it("reports its other findings: an unknown document, a date in the future; the review rules that may follow from the bad opinion are held back", () => {
    const dir = edited({
      [DYA_001]: (t) =>
        t
          .replace("reviewer: zhoupeng\n      opinion: accept-with-action", "reviewer: zhoupeng\n      opinion: acept-with-action")
          .replace("  - document: QP-014\n", "  - document: QP-099\n")
          .replace("implemented: 2025-04-25", "implemented: 2026-12-25")
          // Without its paper record, which would stand for the opinions (csr/review-incomplete).
          .replace("  record: {form: QR-015-02, ref: JL-PS-2025-01}\n", ""),
    });
    const { shown, held, messages } = check(dir);
    expect(shown).toEqual([BCM_004_TRAINING, `${DYA_001}:22:16 schema/invalid-value`, `${DYA_001}:41:15 ref/unresolved`, `${DYA_001}:51:16 date/in-future`, DYA_002_LATE, DYA_002_TRAINING, DYA_COMPLAINT, OBJ_04_COMPLAINT, C3_FREQUENCY]);
    expect(messages[2]).toBe("Unknown document 'QP-099'. Did you mean 'QP-009'? Correct the number ('csr address DYA-001 QP-099 --remove', then 'csr address DYA-001 <number>'), or create the document with 'csr new procedure --number QP-099 --title … --department …'.");
    // review.opinions is left out whole, so the decision seems to lack the opinions of all four departments.
    expect(held).toEqual([`${DYA_001}:36:5 csr/review-incomplete (held back by ${DYA_001})`, `${DYA_001}:36:5 csr/review-unsigned (held back by ${DYA_001})`]);
  });

  it("is not among the CSRs that commands, registers and other files' checks read: its id still resolves", () => {
    const dir = edited({ [DYA_001]: (t) => t.replace("status: verified", "status: done") });
    const { repo, shown, held } = check(dir);
    expect(repo.csrs.map((c) => c.value.id)).not.toContain("DYA-001");
    expect(repo.unvalidated.csrs.has("DYA-001")).toBe(true);
    expect(repo.partial.csrs.map((c) => c.value.id)).toEqual(["DYA-001"]);
    // Only the bad field is left out; the file on disk and its data are untouched.
    expect(repo.partial.csrs[0]!.value.implementation).toEqual({
      owner: "zhoupeng",
      due: "2025-04-30",
      evidence: "符号对照表经东岳SQE刘涛2025-03-05邮件认可；D1、D2平台控制计划及PFMEA已按★/☆重新标注。",
      implemented: "2025-04-25",
      verified: { by: "zhangli", date: "2025-06-16" },
    });
    expect((repo.files.find((f) => f.path === DYA_001)!.data as { implementation: { status: string } }).implementation.status).toBe("done");
    // Without its status the implementation looks overdue: that may only follow from the typo.
    expect(shown).toEqual([BCM_004_TRAINING, `${DYA_001}:50:11 schema/invalid-value`, DYA_002_LATE, DYA_002_TRAINING, DYA_COMPLAINT, OBJ_04_COMPLAINT, C3_FREQUENCY]);
    expect(held).toEqual([`${DYA_001}:49:8 csr/implementation-overdue (held back by ${DYA_001})`]);
  });

  it("a bad decision does not make the review look overdue", () => {
    const dir = edited({ [DYA_001]: (t) => t.replace("disposition: must", "disposition: mustt") });
    const { shown, held } = check(dir);
    expect(shown).toEqual([BCM_004_TRAINING, `${DYA_001}:36:18 schema/invalid-value`, DYA_002_LATE, DYA_002_TRAINING, DYA_COMPLAINT, OBJ_04_COMPLAINT, C3_FREQUENCY]);
    expect(held).toEqual([`${DYA_001}:12:11 csr/review-overdue (held back by ${DYA_001})`]);
  });

  it("an error in a field the CSR cannot do without sets it aside whole, as before", () => {
    const dir = edited({ [DYA_001]: (t) => t.replace("received: 2025-02-10", "received: 2025-02-30").replace("  - document: QP-014\n", "  - document: QP-099\n") });
    const { repo, shown, held } = check(dir);
    expect(repo.partial.csrs).toEqual([]);
    expect(shown).toEqual([BCM_004_TRAINING, `${DYA_001}:12:11 schema/invalid-value`, DYA_002_LATE, DYA_002_TRAINING, DYA_COMPLAINT, OBJ_04_COMPLAINT, C3_FREQUENCY]);
    expect(held).toEqual([]);
  });
});

describe("a document with one schema error", () => {
  it("reports its own findings, and the CSRs that cite its sections see it as before (no cascade)", () => {
    const qp014 = "documents/procedures/QP-014.yaml";
    const dir = edited({
      [qp014]: (t) => t.replace("  - title: 目的\n", "  - title: 目的\n    titel: x\n").replace("processes: [C2, C1]", "processes: [C2, C9]"),
    });
    const { shown, held } = check(dir);
    expect(shown).toEqual([BCM_004_TRAINING, DYA_002_LATE, DYA_002_TRAINING, DYA_COMPLAINT, `${qp014}:7:17 ref/unresolved`, `${qp014}:45:5 schema/unknown-field`, OBJ_04_COMPLAINT, C3_FREQUENCY]);
    expect(held.filter((h) => !h.startsWith(qp014))).toEqual([]);
  });
});

describe("a list file with one bad entry", () => {
  it("keeps the other entries of processes.yaml; references to the bad one resolve, other references are still checked", () => {
    const dir = edited({
      "processes.yaml": (t) => t.replace("    owner: MKT\n", "    ownr: MKT\n").replace("    owner: ENG\n", "    owner: ENGG\n"),
    });
    const { repo, shown } = check(dir);
    expect(repo.processes.map((p) => p.value.code)).not.toContain("C1");
    expect(repo.processes.map((p) => p.path[1])).toEqual(repo.processes.map((_, i) => i + 1));
    expect(repo.unvalidated.processes).toEqual(new Set(["C1"]));
    expect(shown).toEqual(["processes.yaml:7:5 schema/unknown-field", "processes.yaml:33:12 ref/unresolved", BCM_004_TRAINING, DYA_002_LATE, DYA_002_TRAINING, DYA_COMPLAINT, OBJ_04_COMPLAINT]);
  });

  it("keeps the other people of people.yaml: one bad role is one finding, not one per reference to anyone", () => {
    const dir = edited({ "people.yaml": (t) => t.replace("roles: [approver]", "roles: [aprover]") });
    const { repo, shown, held } = check(dir);
    expect(repo.unvalidated.people).toEqual(new Set(["wangjg"]));
    expect(repo.people.map((p) => p.value.id)).toContain("xuht");
    expect(shown).toEqual(["people.yaml:8:13 schema/invalid-value", BCM_004_TRAINING, DYA_002_LATE, DYA_002_TRAINING, DYA_COMPLAINT, OBJ_04_COMPLAINT]);
    // process/audit-frequency-unreviewed reads the auditors of people.yaml (who may count for C3's last audit).
    expect(held).toEqual([`${C3_FREQUENCY} (held back by people.yaml)`]);
  });
});
