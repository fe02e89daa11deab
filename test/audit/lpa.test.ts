/**
 * Layered process audits (分层审核, LPA; IATF 16949 9.2.2.3 note, asked by some CSRs; tester75 P11): recorded with
 * `csr process audited --kind lpa`, they never count as the manufacturing process audit of 9.2.2.3 (nor as a QMS audit),
 * ask for no internal auditor qualification, and are listed apart in csr list audits and csr list audit-programme.
 * On a copy of examples/acme-auto in a real git repository: C3 is a manufacturing process with MPA-2026-01 (2026-06-17).
 */
import { describe, expect, it } from "vitest";
import { builtOnce, checkJsonInProcess, copyFixture, csrInProcess, gitInit } from "../helpers.js";

const acme = builtOnce(() => gitInit(copyFixture("examples/acme-auto")));
const run = (dir: string, ...args: string[]) => csrInProcess(["-C", dir, ...args], { lang: null });
const TODAY = ["--today", "2026-12-04"];

describe("csr process audited --kind lpa (tester75 P11)", () => {
  it("records an LPA apart: the manufacturing process audit and QMS audit dates stay, the programme shows it on its own row", async () => {
    const dir = await acme();
    const before = JSON.parse((await run(dir, "list", "audit-programme", ...TODAY, "--format", "json")).stdout) as { rows: Record<string, unknown>[] };
    const c3 = (rows: Record<string, unknown>[]) => rows.filter((r) => r.code === "C3").map((r) => [r.kind, r.last, r.due]);
    const recorded = await run(dir, "process", "audited", "C3", "--kind", "lpa", "--date", "2026-12-02", "--by", "zhaoqiang", "--report", "LPA-2026-48", "--nonconformities", "0", "--shift", "白班", "-y");
    expect(recorded.code, recorded.stderr).toBe(0);
    expect(recorded.stdout).toContain("分层审核单独记录：不算制造过程审核（IATF 16949 9.2.2.3），也不重新起算体系审核的间隔；在 csr list audits 和 csr list audit-programme 中单列。");
    const after = JSON.parse((await run(dir, "list", "audit-programme", ...TODAY, "--format", "json")).stdout) as { rows: Record<string, unknown>[] };
    // The rows of before stay as they were; the LPA has its own row, without a due day.
    expect(c3(after.rows)).toEqual([...c3(before.rows), ["分层审核", "2026-12-02", null]]);
    expect(c3(before.rows).map((r) => r[0])).toEqual(["体系审核", "制造过程审核"]);
    expect(c3(after.rows)[1]![1]).toBe("2026-06-17");
    const lpas = JSON.parse((await run(dir, "list", "audits", "--kind", "lpa", ...TODAY, "--format", "json")).stdout) as { rows: Record<string, unknown>[] };
    expect(lpas.rows.map((r) => [r.report, r.kind, r.shift])).toEqual([["LPA-2026-48", "分层审核", "白班"]]);
    const manufacturing = JSON.parse((await run(dir, "list", "audits", "--kind", "manufacturing-process", ...TODAY, "--format", "json")).stdout) as { rows: Record<string, unknown>[] };
    expect(manufacturing.rows.map((r) => r.report)).toEqual(["MPA-2026-01"]);
  });

  it("is done by the area's own supervisors by design: no impartiality warning for an LPA by production, as there is for a QMS audit by them (tester78 A13)", async () => {
    const dir = await acme();
    const lpa = await run(dir, "process", "audited", "C3", "--kind", "lpa", "--date", "2026-12-02", "--by", "huangjun", "--report", "LPA-2026-49", "--nonconformities", "0", "--shift", "夜班");
    expect(lpa.code, lpa.stderr).toBe(0);
    expect(lpa.stdout).not.toContain("客观公正");
    const qms = await run(dir, "process", "audited", "C3", "--date", "2026-12-02", "--by", "huangjun", "--report", "IA-2026-49", "--nonconformities", "0");
    expect(qms.stdout).toContain("客观公正");
    const findings = (await run(dir, "check", ...TODAY, "--format", "json")).stdout;
    const impartiality = (JSON.parse(findings) as { findings: { rule: string; message: string }[] }).findings.filter((f) => f.rule === "process/auditor-impartiality").map((f) => f.message);
    expect(impartiality.filter((m) => m.includes("LPA-2026-49"))).toEqual([]);
    expect(impartiality.filter((m) => m.includes("IA-2026-49"))).toHaveLength(1);
  });

  it("is no manufacturing process audit: a process whose last one is over three years old is still reported after an LPA", async () => {
    const dir = await acme();
    const recorded = await run(dir, "process", "audited", "C3", "--kind", "lpa", "--date", "2026-12-02", "--by", "zhaoqiang", "--report", "LPA-2026-48", "--nonconformities", "0", "-y");
    expect(recorded.code, recorded.stderr).toBe(0);
    const { findings } = await checkJsonInProcess(dir, "--today", "2029-07-02");
    // MPA-2026-01 (2026-06-17) is over 36 months old on 2029-07-02: the later LPA (2026-12-02) does not restart the cycle.
    expect(findings.filter((f) => f.rule === "process/manufacturing-audit-due").map((f) => f.file)).toEqual(["processes.yaml"]);
    expect(findings.filter((f) => f.rule === "process/auditor-unqualified")).toEqual([]);
  });
});
