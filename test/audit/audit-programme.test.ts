/**
 * The internal audit programme (内部审核方案, IATF 16949 9.2.2.1 to 9.2.2.4): csr list audit-programme and the site's page of
 * it, linked from the dashboard and from every process page. On a copy of examples/acme-auto in a real git repository: every
 * process had its QMS audit in IA-2025-01 and IA-2026-01, C3 (a manufacturing process) its manufacturing process audit
 * MPA-2026-01 on 2026-06-17, C4 its product audit PA-2026-02 on 2026-05-13.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtOnce, checkJsonInProcess, copyFixture, csr, csrInProcess, git, gitInit, tempDir, withoutAudits } from "../helpers.js";

const acme = builtOnce(() => gitInit(copyFixture("examples/acme-auto")));
const run = (dir: string, ...args: string[]) => csrInProcess(["-C", dir, ...args], { lang: null });
const TODAY = ["--today", "2026-12-04"];

describe("csr list audit-programme", () => {
  it("gives each process's audits of each kind by year of the three-year cycle, the last, the next due day and its standing", async () => {
    const dir = await acme();
    const result = csr(["-C", dir, "list", "audit-programme", ...TODAY], { lang: null });
    expect(result.code).toBe(0);
    const lines = result.stdout.split("\n").map((l) => l.trimEnd());
    expect(lines.slice(0, 9)).toEqual([
      "内部审核方案（2024—2026 年，共 15 个过程）",
      "",
      "过程编号  过程名称                    负责部门    审核类型      2024 年  2025 年           2026 年            上次审核    下次应审    状态",
      "--------  --------------------------  ----------  ------------  -------  ----------------  -----------------  ----------  ----------  ---------------------------------------------------------",
      // The QMS audit is due a year after the last, by the interval acme-auto's QP-004 plans (qms.yaml interval_months: 12).
      "C1        市场开发与顾客要求评审      市场部      体系审核               10-13 IA-2025-01  10-12 IA-2026-01   2026-10-12  2027-10-12  还有 312 天",
      "C2        产品和过程设计开发（APQP）  技术部      体系审核               10-13 IA-2025-01  10-12 IA-2026-01   2026-10-12  2027-10-12  还有 312 天",
      // C3's safety complaint 8D-2026-001 (April 2026) and no review of its frequency recorded after it (IATF 16949 9.2.2.1; tester82 A12).
      "C3        生产过程控制                生产部      体系审核               10-14 IA-2025-01  10-13 IA-2026-01   2026-10-13  2027-10-13  还有 313 天；触发调整：顾客投诉 8D-2026-001（2026-04-01）",
      "C3        生产过程控制                生产部      制造过程审核                             06-17 MPA-2026-01  2026-06-17  2029-06-17  还有 926 天",
      "C4        仓储、包装与交付            采购物流部  体系审核               10-14 IA-2025-01  10-13 IA-2026-01   2026-10-13  2027-10-13  还有 313 天",
    ]);
    // A product audit's frequency is the control plan's: no due day (IATF 16949 9.2.2.4).
    expect(lines[9]).toBe("C4        仓储、包装与交付            采购物流部  产品审核                                 05-13 PA-2026-02   2026-05-13");
    expect(lines.filter((l) => /^[CSM]\d /.test(l))).toHaveLength(17);
    expect(result.stdout).not.toContain("未设内审间隔");
    expect(result.stderr).toBe("");
  });

  it("counts from the cycle's start for a process never audited, and from the interval when one is set", async () => {
    const dir = gitInit(withoutAudits(copyFixture("examples/acme-auto")));
    const json = async (...args: string[]) => (JSON.parse((await run(dir, "list", "audit-programme", "--format", "json", ...args)).stdout) as { rows: Record<string, unknown>[] }).rows;
    const rows = await json(...TODAY);
    // No audit recorded, no manufacturing mark: one row a process; the three-year cycle counted from its start (2024-03-01).
    expect(rows).toHaveLength(15);
    expect(rows[0]).toMatchObject({ code: "C1", kind: "体系审核", y2024: "", y2025: "", y2026: "", last: null, due: "2027-03-01", status: "尚未审核；还有 87 天" });
    // The cycle taken for the interval is said, on the programme and by csr check, with how to set the procedure's (tester80 M9).
    const note = (text: string) => text.split("\n").filter((l) => l.startsWith("未设内审间隔") || l.startsWith("No audit interval"));
    expect(note((await run(dir, "list", "audit-programme", ...TODAY)).stdout)).toEqual([
      "未设内审间隔（qms.yaml 的 internal_audit.interval_months，或过程的 audit_months）：全部 15 个过程的下次体系审核按三年周期推算，这是 IATF 16949 9.2.2.1 允许的最长期限，不一定是内部审核程序规定的审核频次；请用 csr organisation update --audit-interval 12 按程序设定（csr check 的 process/audit-interval-unset 同样指出）。",
    ]);
    const unset = async () => (await checkJsonInProcess(dir, ...TODAY)).findings.filter((f) => f.rule === "process/audit-interval-unset").map((f) => `${f.file}:${f.line}:${f.column} ${f.message.split(": ")[0]}`);
    // csr check says nothing before the programme is in use: no audit recorded or planned yet.
    expect(await unset()).toEqual([]);
    await run(dir, "process", "audited", "C1", "--date", "2026-03-02", "--by", "zhaoqiang", "--report", "IA-2026-09", "--nonconformities", "0");
    expect(await unset()).toEqual(["qms.yaml:6:1 qms.yaml sets no audit interval (internal_audit.interval_months), nor do any of the 15 processes set one of their own (audit_months)"]);
    await run(dir, "process", "update", "C1", "--audit-months", "6");
    expect(note((await run(dir, "list", "audit-programme", ...TODAY, "--lang", "en")).stdout)).toEqual([
      "No audit interval is set for processes C2, C3, C4, C5, S1, S2, S3, S4, S5, S6, M1, M2, M3, M4 (qms.yaml internal_audit.interval_months, or their audit_months): their next QMS audits are taken from the three-year cycle, the longest IATF 16949 9.2.2.1 allows and not necessarily the frequency the internal audit procedure sets; set the procedure's with csr organisation update --audit-interval 12 or csr process update <process> --audit-months <months> (csr check says so under process/audit-interval-unset).",
    ]);
    expect(await unset()).toEqual(["qms.yaml:6:1 qms.yaml sets no audit interval (internal_audit.interval_months), nor do processes C2, C3, C4, C5, S1, S2, S3, S4, S5, S6, M1, M2, M3, M4 set one of their own (audit_months)"]);
    await run(dir, "process", "update", "C1", "--audit-months", "");
    writeFileSync(join(dir, "qms.yaml"), readFileSync(join(dir, "qms.yaml"), "utf8") + "internal_audit: {interval_months: 12}\n");
    const interval = await json(...TODAY);
    expect(note((await run(dir, "list", "audit-programme", ...TODAY)).stdout)).toEqual([]);
    expect(await unset()).toEqual([]);
    expect(interval[0]).toMatchObject({ code: "C1", y2026: "03-02 IA-2026-09", last: "2026-03-02", due: "2027-03-02", status: "还有 88 天" });
    expect(interval[1]).toMatchObject({ code: "C2", last: null, due: "2026-12-04", status: "尚未审核；今天到期" });
  });
});

describe("csr site: the audit programme's page", () => {
  it("has its page, linked from the dashboard and from each process page, every value escaped", async () => {
    const dir = await acme();
    const file = join(dir, "processes.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("name: 市场开发与顾客要求评审", 'name: "<img src=x onerror=alert(1)>"'));
    git(dir, ["commit", "-qam", "hostile name"]);
    const out = join(tempDir(), "site");
    expect(csr(["-C", dir, "site", "--out", out, ...TODAY], { lang: null }).code).toBe(0);
    const page = readFileSync(join(out, "registers", "audit-programme.html"), "utf8");
    expect(page).toContain("<h1>内部审核方案（2024—2026 年，共 15 个过程）</h1>");
    expect(page).toContain("&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;");
    expect(page).not.toContain("<img src=x");
    expect(existsSync(join(out, "registers", "audit-programme.xlsx"))).toBe(true);
    const index = readFileSync(join(out, "index.html"), "utf8");
    expect(index).toContain('href="registers/audit-programme.html"><span class="count">0</span> <span class="label">逾期未审</span></a>');
    expect(index).toContain('href="registers/audit-programme.html"><span class="count">17</span> <span class="label">方案中的审核</span></a>');
    const c3 = readFileSync(join(out, "processes", "C3.html"), "utf8");
    expect(c3).toContain('<dt>制造过程</dt><dd>是</dd>');
    expect(c3).toContain('<dt>审核方案</dt><dd><a href="../registers/audit-programme.html">内部审核方案</a></dd>');
  }, 60_000);
});
