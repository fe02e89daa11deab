/**
 * Under GJB 9001C every process is audited at least once a year (GJB 9001C 9.2 as military suppliers practise it; tester81 J9):
 * a GJB repository whose qms.yaml and processes set no audit interval is held to 12 months once its audit programme is in use
 * (a process records or plans an audit), so process/audit-due reports the processes past it or never audited, saying the
 * yearly default, process/audit-interval-unset says the default is taken, and the audit programme's note says so; an interval
 * set wins; a repository that records no audit is not told. The built binary and csr check on copies of examples/gjb-demo.
 */
import { describe, expect, it } from "vitest";
import { builtOnce, checkJsonInProcess, committedFixture, csr, csrInProcess } from "../helpers.js";

/** gjb-demo with one internal audit of M1 on 2025-06-10, led by 陈宏伟 of 质量部 (not M1's department). */
const audited = builtOnce(async () => {
  const dir = committedFixture("examples/gjb-demo");
  const result = await csrInProcess(["-C", dir, "process", "audited", "M1", "--date", "2025-06-10", "--by", "chenhw", "--report", "NS-2025-01", "--nonconformities", "0", "-y", "--commit"], { lang: "zh-CN" });
  expect([result.code, result.stderr]).toEqual([0, ""]);
  return dir;
});

const findings = async (dir: string, ...rules: string[]) =>
  (await checkJsonInProcess(dir, "--today", "2026-12-08")).findings.filter((f) => rules.includes(f.rule)).map((f) => `${f.file}:${f.line}:${f.column} ${f.rule} ${f.message}`);

describe("the yearly internal audit of a GJB 9001C repository without an interval (tester81 J9)", () => {
  it("reports each process past 12 months or never audited, and that the yearly default is taken", async () => {
    const dir = await audited();
    const found = await findings(dir, "process/audit-due", "process/audit-interval-unset");
    expect(found.slice(0, 2)).toEqual([
      "processes.yaml:34:16 process/audit-due Process M1 Context, leadership and planning was last audited on 2025-06-10 and was due again by 2026-06-10 (no audit interval is set in qms.yaml, so GJB 9001C's audit of every process at least once a year applies, 12 months). Audit it and record the audit with 'csr process audited M1 --date <date> --by <auditors> --report <report number> --nonconformities <count>'; a process audited more or less often by its risk gets audit_months in processes.yaml.",
      "processes.yaml:35:11 process/audit-due Process S1 Resources and documented information has no internal audit recorded (no audit interval is set in qms.yaml, so GJB 9001C's audit of every process at least once a year applies): plan its audit. Audit it and record the audit with 'csr process audited S1 --date <date> --by <auditors> --report <report number> --nonconformities <count>'; a process audited more or less often by its risk gets audit_months in processes.yaml.",
    ]);
    // Every other process never audited, and the one note at qms.yaml.
    expect(found.length).toBe(9);
    expect(found.at(-1)).toBe(
      "qms.yaml:6:1 process/audit-interval-unset qms.yaml sets no audit interval (internal_audit.interval_months), nor do any of the 8 processes set one of their own (audit_months): the audit programme (csr list audit-programme) and process/audit-due take GJB 9001C's audit of every process at least once a year (12 months). Set the frequency the internal audit procedure gives: 'csr organisation update --audit-interval 12' for every process once a year, or 'csr process update <process> --audit-months <months>' for one.",
    );
    // The audit programme's note and due days say the same.
    const programme = csr(["-C", dir, "list", "audit-programme", "--today", "2026-12-08", "--format", "json"]);
    const table = JSON.parse(programme.stdout) as { rows: Record<string, unknown>[]; notes: string[] };
    expect(table.notes).toContain(
      "No audit interval is set (qms.yaml internal_audit.interval_months, or the processes' audit_months): the next QMS audits of all 8 processes are taken from GJB 9001C's audit of every process at least once a year (12 months); set the internal audit procedure's with csr organisation update --audit-interval <months> (csr check says so under process/audit-interval-unset).",
    );
    expect(table.rows.find((r) => r.code === "M1")).toMatchObject({ due: "2026-06-10" });
  });

  it("follows the interval qms.yaml sets, and tells a repository that records no audit nothing", async () => {
    const dir = await audited();
    expect((await csrInProcess(["-C", dir, "organisation", "update", "--audit-interval", "24", "-y"])).code).toBe(0);
    const found = await findings(dir, "process/audit-due", "process/audit-interval-unset");
    // M1 is due by 2027-06-10 now; the others, never audited, are due at once under the interval set.
    expect(found.filter((f) => f.includes("Process M1 ") || f.startsWith("qms.yaml"))).toEqual([]);
    expect(found[0]).toBe(
      "processes.yaml:35:11 process/audit-due Process S1 Resources and documented information has no internal audit recorded (audit interval 24 months): plan its audit. Audit it and record the audit with 'csr process audited S1 --date <date> --by <auditors> --report <report number> --nonconformities <count>'; a process audited more or less often by its risk gets audit_months in processes.yaml.",
    );
    expect(await findings(committedFixture("examples/gjb-demo"), "process/audit-due", "process/audit-interval-unset")).toEqual([]);
  });
});
