/**
 * process/audit-due without an audit interval (tester67a A11): an IATF 16949 repository audits every
 * process within the three-year cycle of 9.2.2.1, so a process last audited more than 36 months ago, or
 * never audited 36 months after the system (or the process) was first recorded in force, is reported;
 * under another standard nothing is.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { csrInProcess, FIXTURES, tempDir } from "../helpers.js";

const lines = (...l: string[]) => l.join("\n") + "\n";
const document = (id: string, kind: string, level: number, date: string) =>
  lines(`id: ${id}`, `title: ${id} 文件`, `level: ${level}`, `kind: ${kind}`, "department: QA", "status: released", "revisions:", `  - version: A/0`, `    date: ${date}`, "    summary: 首次发布", `    prepared: { by: zhang, date: ${date} }`, `    reviewed: { by: li, date: ${date} }`, `    approved: { by: wang, date: ${date} }`);

function repository(standards = "[IATF16949]"): string {
  const dir = tempDir();
  cpSync(join(FIXTURES, "rules", "_base"), dir, { recursive: true });
  const qms = join(dir, "qms.yaml");
  writeFileSync(qms, readFileSync(qms, "utf8").replace("standards: [IATF16949]", `standards: ${standards}`).replace("  - kind: procedure", "  - kind: manual\n    pattern: QM-###\n  - kind: procedure"));
  mkdirSync(join(dir, "documents"));
  writeFileSync(join(dir, "documents", "QM-001.yaml"), document("QM-001", "manual", 1, "2019-03-01"));
  writeFileSync(join(dir, "documents", "QP-007.yaml"), document("QP-007", "procedure", 2, "2024-03-01"));
  writeFileSync(
    join(dir, "processes.yaml"),
    lines(
      "processes:",
      "  - code: M2", // last audited 2023-06-12: out of the cycle since 2026-06-12
      "    name: 质量体系与文件控制",
      "    type: management",
      "    owner: QA",
      "    audits:",
      "      - {date: 2023-06-12, by: [li], report: IA-2023-02, nonconformities: 0}",
      "  - code: C1", // never audited; the manual from 2019: the cycle ended 2022-03-01
      "    name: 顾客要求评审",
      "    type: customer-oriented",
      "    owner: MKT",
      "  - code: C2", // never audited; its procedure first released 2024-03-01: in cycle until 2027-03-01
      "    name: 产品设计",
      "    type: customer-oriented",
      "    owner: MKT",
      "    documents: [QP-007]",
      "  - code: S1", // audited 2024-09-18: in cycle
      "    name: 检验",
      "    type: support",
      "    owner: QA",
      "    audits:",
      "      - {date: 2024-09-18, by: [li], report: IA-2024-02, nonconformities: 0}",
    ),
  );
  return dir;
}

const findings = (stdout: string) => stdout.split("\n").filter((l) => /^\S[^:]*:\d+:\d+ (error|warning) /.test(l));

describe("process/audit-due without an interval", () => {
  it("reports, under IATF 16949, a process last audited more than three years ago and one never audited three years after the manual was first released, naming the document the cycle counts from", async () => {
    const result = await csrInProcess(["-C", repository(), "check", "--today", "2026-11-27"]);
    expect(findings(result.stdout)).toEqual([
      "processes.yaml:7:16 warning process/audit-due Process M2 质量体系与文件控制 was last audited on 2023-06-12, more than the three-year audit cycle ago (due again by 2026-06-12; no audit interval is set in qms.yaml, so the IATF 16949 9.2.2.1 three-year cycle applies). Audit it and record the audit with 'csr process audited M2 --date <date> --by <auditors> --report <report number> --nonconformities <count>'; a process audited more or less often by its risk gets audit_months in processes.yaml.",
      "processes.yaml:8:11 warning process/audit-due Process C1 顾客要求评审 has no internal audit recorded: its three-year audit cycle, counted from 2019-03-01 when QM-001 was first released, ended on 2022-03-01 (no audit interval is set in qms.yaml, so the IATF 16949 9.2.2.1 three-year cycle applies); plan its audit. Audit it and record the audit with 'csr process audited C1 --date <date> --by <auditors> --report <report number> --nonconformities <count>'; a process audited more or less often by its risk gets audit_months in processes.yaml.",
    ]);
  });

  it("counts a process whose documents were first released after the manual from the first of them", async () => {
    const result = await csrInProcess(["-C", repository(), "check", "--today", "2027-03-02"]);
    expect(findings(result.stdout).filter((l) => l.includes(" C2 "))).toEqual([
      "processes.yaml:12:11 warning process/audit-due Process C2 产品设计 has no internal audit recorded: its three-year audit cycle, counted from 2024-03-01 when QP-007 was first released, ended on 2027-03-01 (no audit interval is set in qms.yaml, so the IATF 16949 9.2.2.1 three-year cycle applies); plan its audit. Audit it and record the audit with 'csr process audited C2 --date <date> --by <auditors> --report <report number> --nonconformities <count>'; a process audited more or less often by its risk gets audit_months in processes.yaml.",
    ]);
  });

  it("reports nothing without an interval under another standard", async () => {
    const result = await csrInProcess(["-C", repository("[ISO9001]"), "check", "--today", "2026-11-27"]);
    expect(findings(result.stdout).filter((l) => l.includes("process/audit-due"))).toEqual([]);
  });
});
