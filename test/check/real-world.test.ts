/**
 * Real users' files that YAML reads differently from what they say (test/fixtures/real-world/, each
 * with the `cmd` and `expect` it was reported with): the acme-auto example with the case laid over it,
 * checked in the test's process (csrInProcess): what is tested is the findings.
 */
import { cpSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkJsonInProcess, copyFixture, FIXTURES, gitInit } from "../helpers.js";

function caseRepo(name: string): string {
  const dir = copyFixture("examples/acme-auto");
  gitInit(dir);
  cpSync(join(FIXTURES, "real-world", name, "csr"), join(dir, "csr"), { recursive: true });
  return dir;
}

/** The example's own warnings, in every case: DYA-002 went into production after Dongyue's date (customers/DYA.yaml); BCM-004 and DYA-002 have training recorded for only some of the people to train, past its due date. */
const BCM_004_TRAINING =
  "csr/BCM/BCM-004.yaml:58:13 warning csr/training-overdue BCM-004 was decided on 2026-10-20 and needs training, but training on BCM-PKG revision A is recorded for 3 of the 9 people to train (due by 2026-11-17, 20 working days). 'csr list training --missing --document BCM-004' lists the others; record their training with 'csr train BCM-004 --people ... --date ... --trainer ... --record ...'.";
const DYA_002_TRAINING =
  "csr/DYA/DYA-002.yaml:85:13 warning csr/training-overdue DYA-002 was decided on 2026-03-23 and needs training, DYA-SQM revision D takes effect on 2026-04-01, but training on it is recorded for 4 of the 8 people to train (due by the effective day, 2026-04-01). 'csr list training --missing --document DYA-002' lists the others; record their training with 'csr train DYA-002 --people ... --date ... --trainer ... --record ...'.";
/** Dongyue's September scorecard and OBJ-04 count a complaint the corrective action register has no 8D for (tester82 A2). */
const DYA_COMPLAINT =
  "customers/DYA.yaml:53:83 warning action/complaint-unrecorded Customer DYA's scorecard of 2026-09 counts 1 complaint(s), but the corrective action register has 0 complaint(s) of DYA received that month: a complaint on the scorecard has no corrective action record (IATF 16949 9.1.2.1, 10.2.6). Open the corrective action of each complaint not recorded: 'csr action open --source complaint --customer DYA --received <day received, in 2026-09> --title <problem> --owner <owner>'; if the scorecard's figure is wrong, correct it.";
const OBJ_04_COMPLAINT =
  "objectives.yaml:99:34 warning action/complaint-unrecorded Quality objective OBJ-04 顾客投诉次数 measures 1 for 2026-09, but the corrective action register has 0 customer complaint(s) received in that period: a complaint counted has no corrective action record (IATF 16949 9.1.2.1, 10.2.6). Open the corrective action of each complaint not recorded: 'csr action open --source complaint --customer <customer> --received <day received, in 2026-09> --title <problem> --owner <owner>'; if the measurement is wrong, correct it.";
// C3's audit frequency not reviewed after 8D-2026-001 (process/audit-frequency-unreviewed, tester82 A12).
const C3_AUDIT_FREQUENCY =
  "processes.yaml:64:11 warning process/audit-frequency-unreviewed C3 Production has had customer complaint 8D-2026-001 (2026-04-01) since its last QMS audit (or within one audit interval), and the reason recorded for its audit frequency (audit_reason) names none of them: IATF 16949 9.2.2.1 has the audit frequency reviewed and, where appropriate, adjusted after customer complaints, internal and external nonconformities and process changes. Review its audit frequency and record the outcome, naming the events: 'csr process update C3 --audit-months 12 --audit-reason \"reviewed after 8D-2026-001: …\"' (the interval kept or the new one).";
const DYA_002_LATE =
  "csr/DYA/DYA-002.yaml:80:16 warning csr/late-for-customer DYA-002 was implemented in production on 2026-04-20, after the effective date 2026-04-01 of the customer's DYA-SQM revision D (12 working days late). If the customer agreed a later date in writing, record it with 'csr implement DYA-002 --required-by <date>'; otherwise the lateness stands on record: take it to corrective action and record why with 'csr implement DYA-002 --late-reason \"...\"' (e.g. the customer informed, the corrective action's number).";

describe("real-world YAML", () => {
  it("06: a record number after ' #' in a plain value is reported, with the quoted value as the fix", async () => {
    const { code, findings } = await checkJsonInProcess(caseRepo("06-yaml-hash-truncation"), "--today", "2026-11-27", "--no-cache");
    expect(findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.rule} ${f.message}`)).toEqual([
      BCM_004_TRAINING,
      DYA_002_LATE,
      DYA_002_TRAINING,
      "csr/DYA/DYA-003.yaml:46:34 warning yaml/comment-cuts-value 'implementation.evidence' is read as 'QP-012 A/1已发布，见返工批准单': YAML takes ' #RW-2024-07' for a comment and drops it. If it belongs to the value, quote the value: evidence: \"QP-012 A/1已发布，见返工批准单 #RW-2024-07\"",
      DYA_COMPLAINT,
      OBJ_04_COMPLAINT,
      C3_AUDIT_FREQUENCY,
    ]);
    expect(code).toBe(0);
  });

  it("19: a zero-width space in a document number is shown as <U+200B>", async () => {
    const { code, findings } = await checkJsonInProcess(caseRepo("19-zero-width-space"), "--today", "2026-11-27", "--no-cache");
    expect(findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.rule} ${f.message}`)).toEqual([
      BCM_004_TRAINING,
      "csr/DYA/DYA-001.yaml:40:15 error schema/invalid-value 'addressed[0].document' is 'QP-014<U+200B>' (contains U+200B ZERO WIDTH SPACE), which has the wrong form. Delete the invisible character. A document number (文件编号), e.g. QP-020, CS/QP-006, HSD-F-0018, or an external document's number as its publisher writes it, with single spaces and ':' before an edition's year: GB/T 19001-2016, GJB 9001C-2017, ISO 9001:2015.",
      DYA_002_LATE,
      DYA_002_TRAINING,
      DYA_COMPLAINT,
      OBJ_04_COMPLAINT,
      C3_AUDIT_FREQUENCY,
    ]);
    expect(code).toBe(1);
  });
});
