/**
 * The management review's internal audit inputs as the audit programme gives them (tester78 A5; IATF 16949 9.3.2.1, the
 * last sentence of 9.2.2.1): on a copy of examples/acme-auto without its audits, in a real git repository, csr records
 * C3 marked a manufacturing process and never audited as one (its cycle ended 2022-03-01); C1 audited on 2026-09-01 by
 * 李娜 of its own department 市场部 with no nonconformity recorded (led from its own department, so not counted: tester78 A8), and NC-2026-001 opened against that audit the next
 * day; C2 audited on 2026-10-12 by 赵强 with one nonconformity, NC-2026-002, closed on 2026-11-20; a product audit of C4.
 */
import { describe, expect, it } from "vitest";
import { cpSync } from "node:fs";
import { builtOnce, checkJsonInProcess, copyFixture, csrInProcess, gitInit, tempDir, withoutAudits } from "../helpers.js";

const programme = builtOnce(async () => {
  const dir = gitInit(withoutAudits(copyFixture("examples/acme-auto")));
  for (const args of [
    ["process", "update", "C3", "--manufacturing", "-y", "--commit"],
    ["process", "audited", "C1", "--date", "2026-09-01", "--by", "lina", "--report", "IA-2026-03", "--nonconformities", "0", "-y", "--commit"],
    ["action", "open", "--source", "audit", "--process", "C1", "--audit-report", "IA-2026-03", "--title", "合同评审记录缺签", "--received", "2026-09-02", "--owner", "lina", "-y", "--commit"],
    ["process", "audited", "C2", "--date", "2026-10-12", "--by", "zhaoqiang", "--report", "IA-2026-04", "--nonconformities", "1", "-y", "--commit"],
    ["action", "open", "--source", "audit", "--process", "C2", "--audit-report", "IA-2026-04", "--title", "设计评审缺顾客要求", "--received", "2026-10-13", "--owner", "gaoyang", "-y", "--commit"],
    ...["D3", "D4", "D5", "D6", "D7"].map((step) => ["action", "step", "NC-2026-002", step, "--date", "2026-11-06", "--by", "gaoyang", "--note", "已完成", "-y"]),
    ["action", "close", "NC-2026-002", "--verified-by", "zhaoqiang", "--date", "2026-11-20", "--evidence", "复查设计评审记录", "-y"],
    ["process", "audited", "C4", "--date", "2026-11-03", "--by", "zhaoqiang", "--report", "PA-2026-01", "--nonconformities", "0", "--kind", "product", "--part", "BX-D1", "-y", "--commit"],
  ]) {
    const result = await csrInProcess(["-C", dir, ...args], { lang: "zh-CN" });
    if (result.code !== 0) throw new Error(`csr ${args.join(" ")}: ${result.stderr}`);
  }
  return dir;
});

/** The audit rows of the review (its JSON), each as 输入项,指标,数值,说明,明细见. */
async function auditRows(dir: string, lang: "zh-CN" | "en", ...args: string[]): Promise<string[]> {
  const result = await csrInProcess(["-C", dir, "list", "management-review", "--format", "json", ...args], { lang });
  expect(result.code).toBe(0);
  const rows = (JSON.parse(result.stdout) as { rows: Record<string, string | number>[] }).rows;
  return rows.filter((r) => r.area === (lang === "en" ? "Internal audit" : "内部审核")).map((r) => [r.area, r.item, r.value, r.detail, r.source].join(","));
}

describe("csr list management-review: the internal audit programme (tester78 A5)", () => {
  it("splits the audits by kind, counts an audit's nonconformities by the actions opened against it, gives the manufacturing process overdue and the programme's performance", async () => {
    const dir = await programme();
    expect(await auditRows(dir, "zh-CN", "--from", "2026-01-01", "--today", "2026-12-05")).toEqual([
      // C1's audit was led by 李娜 of 市场部, which owns C1: no impartial audit, counted apart (tester78 A8).
      "内部审核,期间完成的内部审核（次）,2,体系审核 1 次（IA-2026-04）：C2 1 次；产品审核 1 次（PA-2026-01）：C4 1 次；另有 1 次组长审核本部门，不计：C1 1 次,内部审核记录",
      "内部审核,期间审核开出的不符合项,1,C2 1 项；另有 1 项出自组长审核本部门、不计的审核：C1 1 项；按对审核开出的纠正措施计：IA-2026-03 审核记录 0 项，开出纠正措施 1 项（NC-2026-001）,内部审核记录",
      "内部审核,2026-12-05 尚未审核的过程,14,C1（审核本部门）、C3、C4、C5、S1、S2、S3、S4、S5、S6、M1、M2、M3、M4,过程清单",
      "内部审核,2026-12-05 到期未审核的过程（含尚未审核）,2,尚未审核：C3、M1；未设内审间隔，按 IATF 16949 9.2.2.1 的三年审核周期计,过程清单",
      "内部审核,2026-12-05 到期未做制造过程审核的制造过程,1,C3（尚未审核，应于 2022-03-01 前审核）,内部审核方案",
      "内部审核,期间关闭的内部审核不符合项（纠正措施）,1,NC-2026-002,纠正措施台账",
      "内部审核,2026-12-05 未关闭的内部审核不符合项,1,NC-2026-001,纠正措施台账",
      "内部审核,其中有步骤逾期的,0,,纠正措施台账",
      // people.yaml qualifies no auditor: whether one was unqualified cannot be known, not 0 (tester82 A4).
      "内部审核,期间审核员无资格、不计入审核方案的审核,—,people.yaml 未登记内审员资格，无从判断（csr person update <人员> --auditor-since <日期> --auditor-record <证书或记录编号>）,内部审核记录",
      "内部审核,期间审核员审核本部门工作的审核（客观公正存疑）,1,C1 IA-2026-03（李娜）,内部审核记录",
    ]);
    // One reading with csr check: C3 is the process process/manufacturing-audit-due reports on the same day.
    const findings = (await checkJsonInProcess(dir, "--today", "2026-12-05")).findings.filter((f) => f.rule === "process/manufacturing-audit-due");
    expect(findings.map((f) => [f.file, f.message.includes("2022-03-01")])).toEqual([["processes.yaml", true]]);
  }, 300_000);

  it("counts in a period only its audits and closures, and says it in English", async () => {
    const dir = await programme();
    expect(await auditRows(dir, "en", "--from", "2026-10-01", "--to", "2026-10-31", "--today", "2026-12-05")).toEqual([
      "Internal audit,Internal audits made in the period,1,QMS audit 1 (IA-2026-04): C2 1 audit,Internal audits",
      "Internal audit,Nonconformities raised by audits in the period,1,C2 1 nonconformity,Internal audits",
      "Internal audit,Processes never audited on 2026-10-31,14,C1 (own department), C3, C4, C5, S1, S2, S3, S4, S5, S6, M1, M2, M3, M4,Processes",
      "Internal audit,Processes due for audit on 2026-10-31 (never audited included),2,never audited: C3, M1; no audit interval is set: counted by the three-year audit cycle of IATF 16949 9.2.2.1,Processes",
      "Internal audit,Manufacturing processes past their manufacturing process audit on 2026-10-31,1,C3 (never audited, due by 2022-03-01),Audit programme",
      "Internal audit,Internal audit nonconformities (corrective actions) closed in the period,0,,Corrective actions",
      "Internal audit,Internal audit nonconformities open on 2026-10-31,2,NC-2026-001, NC-2026-002,Corrective actions",
      "Internal audit,of which with a step overdue,0,,Corrective actions",
      "Internal audit,Audits in the period by an auditor not qualified, not counted in the programme,—,people.yaml records no internal auditor qualification: cannot be known (csr person update <person> --auditor-since <date> --auditor-record <certificate or record>),Internal audits",
      "Internal audit,Audits in the period in which an auditor audited their own department (impartiality in doubt),0,,Internal audits",
    ]);
  }, 300_000);

  it("counts an audit of several processes once, by its report: IA-2026-04 of C2 and C5 is one system audit (tester80 M9)", async () => {
    const dir = tempDir();
    cpSync(await programme(), dir, { recursive: true });
    const recorded = await csrInProcess(["-C", dir, "process", "audited", "C5", "--date", "2026-10-12", "--by", "zhaoqiang", "--report", "IA-2026-04", "--nonconformities", "0", "-y", "--commit"], { lang: "zh-CN" });
    expect(recorded.code).toBe(0);
    expect((await auditRows(dir, "zh-CN", "--from", "2026-01-01", "--today", "2026-12-05"))[0]).toBe(
      // IA-2026-03 of C1, led from C1's own department, is counted apart (tester78 A8).
      "内部审核,期间完成的内部审核（次）,2,体系审核 1 次（IA-2026-04）：C2 1 次、C5 1 次；产品审核 1 次（PA-2026-01）：C4 1 次；另有 1 次组长审核本部门，不计：C1 1 次,内部审核记录",
    );
  }, 300_000);
});
