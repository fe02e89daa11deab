/**
 * The audit programme's prompt to review a process's audit frequency (tester82 A12; IATF 16949 9.2.2.1: the frequency is reviewed
 * after customer complaints, internal and external nonconformities and process changes), and the next year's plan due in
 * December: on a copy of examples/acme-auto in a real git repository, C3's safety complaint 8D-2026-001 (April 2026, C3 kept at the
 * 12 months of qms.yaml), a customer complaint on C4 and an internal audit nonconformity of S1 mark their rows of
 * csr list audit-programme (触发调整) and are reported by process/audit-frequency-unreviewed until a reason naming them is
 * recorded; csr list audit-plan --year 2027 and process/audit-plan-next-year-missing say on 2026-12-08 that the plan due in
 * December is not made (acme-auto has none), and say nothing in November.
 */
import { describe, expect, it } from "vitest";
import { checkJsonInProcess, copyFixture, csr, csrInProcess, gitInit } from "../helpers.js";

const TODAY = ["--today", "2026-12-08"];

describe("audit frequency review triggers and the next year's plan (tester82 A12)", () => {
  it("marks a process with a complaint or audit nonconformities since its last audit until its audit reason names them", async () => {
    const dir = gitInit(copyFixture("examples/acme-auto"));
    const run = (...args: string[]) => csrInProcess(["-C", dir, ...args], { lang: null });
    const findings = async () =>
      (await checkJsonInProcess(dir, ...TODAY)).findings.filter((f) => f.rule === "process/audit-frequency-unreviewed").map((f) => `${f.file}:${f.line}:${f.column} ${f.rule} ${f.severity} ${f.message}`);
    const statuses = async () => {
      const programme = JSON.parse((await run("list", "audit-programme", ...TODAY, "--format", "json")).stdout) as { rows: Record<string, string>[]; notes: string[] };
      return { rows: programme.rows.filter((r) => r.kind === "体系审核" && ["C3", "C4", "S1"].includes(r.code!)).map((r) => `${r.code} ${r.status}`), notes: programme.notes.filter((n) => n.startsWith("“触发调整”")) };
    };
    expect(await findings()).toEqual([
      "processes.yaml:64:11 process/audit-frequency-unreviewed warning C3 Production has had customer complaint 8D-2026-001 (2026-04-01) since its last QMS audit (or within one audit interval), and the reason recorded for its audit frequency (audit_reason) names none of them: IATF 16949 9.2.2.1 has the audit frequency reviewed and, where appropriate, adjusted after customer complaints, internal and external nonconformities and process changes. Review its audit frequency and record the outcome, naming the events: 'csr process update C3 --audit-months 12 --audit-reason \"reviewed after 8D-2026-001: …\"' (the interval kept or the new one).",
    ]);
    expect((await statuses()).rows).toEqual(["C3 还有 309 天；触发调整：顾客投诉 8D-2026-001（2026-04-01）", "C4 还有 309 天", "S1 还有 310 天"]);

    const opened = csr(["-C", dir, "action", "open", "8D-2026-002", "--title", "北辰仓库标签错贴", "--customer", "BCM", "--complaint", "BC-2026-31", "--process", "C4", "--received", "2026-11-20", "--owner", "zhangli", "-y"]);
    expect([opened.code, opened.stderr]).toEqual([0, ""]);
    const audited = csr(["-C", dir, "process", "audited", "S1", "--date", "2026-11-25", "--by", "gaoyang", "--report", "IA-2026-05", "--nonconformities", "1", ...TODAY, "-y"]);
    expect([audited.code, audited.stderr]).toEqual([0, ""]);
    const nc = csr(["-C", dir, "action", "open", "NC-2026-001", "--source", "audit", "--title", "受控文件清单未列出 QP-015 B/0", "--process", "S1", "--audit-report", "IA-2026-05", "--received", "2026-11-25", "--owner", "chenjing", "-y"]);
    expect([nc.code, nc.stderr]).toEqual([0, ""]);
    expect(await findings()).toEqual([
      "processes.yaml:64:11 process/audit-frequency-unreviewed warning C3 Production has had customer complaint 8D-2026-001 (2026-04-01) since its last QMS audit (or within one audit interval), and the reason recorded for its audit frequency (audit_reason) names none of them: IATF 16949 9.2.2.1 has the audit frequency reviewed and, where appropriate, adjusted after customer complaints, internal and external nonconformities and process changes. Review its audit frequency and record the outcome, naming the events: 'csr process update C3 --audit-months 12 --audit-reason \"reviewed after 8D-2026-001: …\"' (the interval kept or the new one).",
      "processes.yaml:92:11 process/audit-frequency-unreviewed warning C4 Storage, packaging and delivery has had customer complaint 8D-2026-002 (2026-11-20) since its last QMS audit (or within one audit interval), and the reason recorded for its audit frequency (audit_reason) names none of them: IATF 16949 9.2.2.1 has the audit frequency reviewed and, where appropriate, adjusted after customer complaints, internal and external nonconformities and process changes. Review its audit frequency and record the outcome, naming the events: 'csr process update C4 --audit-months 12 --audit-reason \"reviewed after 8D-2026-002: …\"' (the interval kept or the new one).",
      "processes.yaml:122:11 process/audit-frequency-unreviewed warning S1 Documented information has had internal audit nonconformity NC-2026-001 (2026-11-25) since its last QMS audit (or within one audit interval), and the reason recorded for its audit frequency (audit_reason) names none of them: IATF 16949 9.2.2.1 has the audit frequency reviewed and, where appropriate, adjusted after customer complaints, internal and external nonconformities and process changes. Review its audit frequency and record the outcome, naming the events: 'csr process update S1 --audit-months 12 --audit-reason \"reviewed after NC-2026-001: …\"' (the interval kept or the new one).",
    ]);
    const marked = await statuses();
    expect(marked.rows).toEqual(["C3 还有 309 天；触发调整：顾客投诉 8D-2026-001（2026-04-01）", "C4 还有 309 天；触发调整：顾客投诉 8D-2026-002（2026-11-20）", "S1 还有 352 天；触发调整：内审不符合项 NC-2026-001（2026-11-25）"]);
    expect(marked.notes).toEqual([
      "“触发调整”：上次体系审核以来（或一个审核间隔之内）该过程的顾客投诉、现场失效和内外部审核不符合，其审核频次的理由（audit_reason）尚未提到（IATF 16949 9.2.2.1）；评审后用 csr process update <过程> --audit-months <月数> --audit-reason \"<事件>后评审：…\" 记录。",
    ]);
    // Reviewed: C3's interval shortened, C4's kept, each reason naming its complaint; S1 is still to be reviewed.
    const shortened = csr(["-C", dir, "process", "update", "C3", "--audit-months", "6", "--audit-reason", "8D-2026-001（东岳安全投诉）后评审：审核间隔由 12 个月缩短为 6 个月", ...TODAY]);
    expect([shortened.code, shortened.stderr]).toEqual([0, ""]);
    const kept = csr(["-C", dir, "process", "update", "C4", "--audit-months", "12", "--audit-reason", "8D-2026-002 后评审：标签错贴已由 D7 防错解决，维持 12 个月", ...TODAY]);
    expect([kept.code, kept.stderr]).toEqual([0, ""]);
    expect((await findings()).map((f) => f.split(" has had")[0])).toEqual(["processes.yaml:126:11 process/audit-frequency-unreviewed warning S1 Documented information"]);
    expect((await statuses()).rows.slice(0, 2)).toEqual(["C3 还有 126 天", "C4 还有 309 天"]);
  });

  it("says in December that next year's audit plan is not made, in csr list audit-plan and csr check", async () => {
    const dir = gitInit(copyFixture("examples/acme-auto"));
    const plan = (today: string) => csr(["-C", dir, "list", "audit-plan", "--year", "2027", "--today", today], { lang: null }).stdout.split("\n").filter((l) => l.startsWith("2027 年度"));
    expect(plan("2026-12-08")).toEqual([
      "2027 年度内部审核计划（共 0 项）",
      "2027 年度内部审核计划尚未编制：今天是 2026-12-08，计划自 12 月起应已编制，还没有一个过程计划 2027 年的审核（IATF 16949 9.2.2.1；csr process plan <过程> --month 2027-<月> --by <审核员>）。",
    ]);
    expect(plan("2026-11-30")).toEqual(["2027 年度内部审核计划（共 0 项）"]);
    const finding = async (today: string) => (await checkJsonInProcess(dir, "--today", today)).findings.filter((f) => f.rule === "process/audit-plan-next-year-missing").map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.message}`);
    expect(await finding("2026-12-08")).toEqual([
      "qms.yaml:77:1 warning On 2026-12-08 the 2027 internal audit plan is due (from month 12 of the year before) and no process has an internal audit of 2027 planned (planned_audits in processes.yaml): IATF 16949 9.2.2.1 asks for a documented internal audit programme, planned ahead. Make the 2027 internal audit plan: run 'csr process plan <process> --month 2027-<month> --by <auditors>' for each process, then list it with 'csr list audit-plan --year 2027'.",
    ]);
    expect(await finding("2026-11-30")).toEqual([]);
  });
});
