/**
 * The audit record has content (tester78 A9; IATF 16949 9.2.2.1 / 9.2.2.2, ISO 19011 6.4/6.5, GJB 9001C 9.2): csr process
 * audited records the audit's scope, criteria (clauses, CSRs of csr/), auditees and findings (graded 严重/一般/观察项, with the
 * requirement and evidence); the findings give the nonconformity count (a contradicting --nonconformities refused); csr show
 * <report> shows the whole audit with the actions opened against it; --amend corrects the content. On a copy of
 * examples/acme-auto in a real git repository, on 2026-12-04.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtOnce, copyFixture, csr, csrInProcess, gitInit } from "../helpers.js";

const acme = builtOnce(() => gitInit(copyFixture("examples/acme-auto")));
const TODAY = ["--today", "2026-12-04"];
const run = (dir: string, ...args: string[]) => csrInProcess(["-C", dir, ...args, ...TODAY], { lang: null });
const AUDIT = ["process", "audited", "C3", "--date", "2026-11-20", "--by", "zhaoqiang,gaoyang", "--report", "IA-2026-09"];
const CONTENT = [
  ["--scope", "扣压工序、首件检验，夜班", "--clause", "8.5.1.1", "--clause", "IATF16949:8.5.1.3", "--csr", "DYA-001", "--auditee", "huangjun", "--auditee", "夜班班长老王"],
  ["--finding", "夜班首件检验记录未签字", "--grade", "一般", "--requirement", "IATF16949:8.5.1.1 首件确认", "--evidence", "2026-11-18 夜班 BX-D1 首件记录"],
  ["--finding", "作业指导书张贴版本与受控版本一致性未抽查", "--grade", "observation", "--requirement", "", "--evidence", ""],
].flat();

describe("csr process audited: scope, criteria, auditees and findings", () => {
  it("records them under the audit, counts the graded nonconformities, and csr show <report> prints the whole audit with its actions", async () => {
    const dir = await acme();
    const recorded = csr(["-C", dir, ...AUDIT, ...CONTENT, ...TODAY, "--commit"], { lang: null });
    expect([recorded.code, recorded.stderr]).toEqual([0, ""]);
    expect(recorded.stdout.split("\n").slice(0, 5)).toEqual([
      "已在 processes.yaml 中记录过程 C3 生产过程控制 的内部审核：2026-11-20，审核员 赵强（zhaoqiang）、高扬（gaoyang），审核报告 IA-2026-09，不符合 1 项。",
      "审核范围：扣压工序、首件检验，夜班。",
      "审核准则：IATF16949:8.5.1.1、IATF16949:8.5.1.3、DYA-001。",
      "受审核人：黄军（huangjun）、夜班班长老王。",
      "审核发现 2 条：一般不符合 1 条、观察项 1 条。",
    ]);
    expect(readFileSync(join(dir, "processes.yaml"), "utf8")).toContain(
      [
        "      - {date: 2026-10-13, by: [zhaoqiang, lina], report: IA-2026-01, nonconformities: 0}",
        "      - date: 2026-11-20",
        "        by: [zhaoqiang, gaoyang]",
        "        report: IA-2026-09",
        "        nonconformities: 1",
        "        scope: 扣压工序、首件检验，夜班",
        "        clauses: [IATF16949:8.5.1.1, IATF16949:8.5.1.3]",
        "        csrs: [DYA-001]",
        "        auditees: [huangjun, 夜班班长老王]",
        "        findings:",
        "          - grade: minor",
        "            text: 夜班首件检验记录未签字",
        "            requirement: IATF16949:8.5.1.1 首件确认",
        "            evidence: 2026-11-18 夜班 BX-D1 首件记录",
        "          - grade: observation",
        "            text: 作业指导书张贴版本与受控版本一致性未抽查",
        "  - code: C4",
      ].join("\n"),
    );
    // The schema takes the record: csr check reports nothing else in processes.yaml than C3's audit frequency not reviewed after
    // the complaint 8D-2026-001 (process/audit-frequency-unreviewed, 15a04413), which the audit recorded here does not name.
    const check = JSON.parse((await run(dir, "check", "--format", "json")).stdout) as { findings: { file: string; line: number; column: number; rule: string }[] };
    expect(check.findings.filter((f) => f.file === "processes.yaml").map((f) => `${f.line}:${f.column} ${f.rule}`)).toEqual(["64:11 process/audit-frequency-unreviewed"]);
    expect((await run(dir, "action", "open", "--source", "audit", "--process", "C3", "--audit-report", "IA-2026-09", "--title", "夜班首件记录缺签", "--received", "2026-11-20", "--owner", "huangjun", "-y", "--commit")).code).toBe(0);
    const shown = csr(["-C", dir, "show", "ia-2026-09", ...TODAY], { lang: null });
    expect(shown).toEqual({
      code: 0,
      stderr: "",
      stdout: [
        "审核报告 IA-2026-09（1 个过程）",
        "",
        "  文件            processes.yaml",
        "  过程            C3 生产过程控制",
        "  审核类型        体系审核",
        "  审核日期        2026-11-20",
        "  审核组          赵强（组长）、高扬",
        "  审核范围        扣压工序、首件检验，夜班",
        "  审核准则        IATF16949:8.5.1.1",
        "                  IATF16949:8.5.1.3",
        "                  DYA-001  特殊特性须使用东岳符号或经认可的等效符号标注",
        "  受审核人        黄军、夜班班长老王",
        "  审核结果        不符合 1 项",
        "  审核发现        1. 一般不符合：夜班首件检验记录未签字",
        "                     要求：IATF16949:8.5.1.1 首件确认",
        "                     证据：2026-11-18 夜班 BX-D1 首件记录",
        "                  2. 观察项：作业指导书张贴版本与受控版本一致性未抽查",
        "  纠正措施        NC-2026-001  夜班首件记录缺签  进行中：待 D3 采取围堵措施（未定期限）",
        "",
      ].join("\n"),
    });
    const json = JSON.parse((await run(dir, "show", "IA-2026-09", "--format", "json")).stdout) as { report: string; audits: { process: string; counts: boolean; nonconformities: number; audit: { findings: unknown[] }; actions: unknown[] }[] };
    expect([json.report, json.audits.map((a) => [a.process, a.counts, a.nonconformities, a.audit.findings.length, a.actions])]).toEqual(["IA-2026-09", [["C3", true, 1, 2, [{ id: "NC-2026-001", status: "open" }]]]]);
  });

  it("shows a report covering several processes one block each, saying what a record leaves out and how to add it", async () => {
    const dir = await acme();
    const shown = await run(dir, "show", "IA-2026-01");
    expect(shown.stdout.split("\n").slice(0, 11)).toEqual([
      "审核报告 IA-2026-01（15 个过程）",
      "",
      "  文件            processes.yaml",
      "  过程            C1 市场开发与顾客要求评审",
      "  审核类型        体系审核",
      "  审核日期        2026-10-12",
      "  审核组          赵强（组长）、高扬",
      "  审核结果        符合",
      "  未记录          审核范围、审核准则、受审核人；补记：csr process audited C1 --amend IA-2026-01 --scope <审核范围> --clause <条款> --auditee <受审核人>",
      "  纠正措施        无",
      "",
    ]);
  });

  it("refuses a --nonconformities the findings contradict, an unknown CSR, findings and grades that do not pair, writing nothing", async () => {
    const dir = await acme();
    const before = readFileSync(join(dir, "processes.yaml"), "utf8");
    const audit = (...args: string[]) => run(dir, ...AUDIT, ...args);
    expect(await audit("--nonconformities", "2", "--finding", "首件未签", "--grade", "major", "--finding", "看板未更新", "--grade", "观察项")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --nonconformities 2 与记录的审核发现不符：2 条发现中严重和一般不符合共 1 项（观察项不计）。不符合项数按审核发现计，不写 --nonconformities 即可。\n",
    });
    expect((await audit("--nonconformities", "0", "--csr", "DYA-999")).stderr.split("\n")[0]).toBe("csr: --csr DYA-999：仓库中没有这条顾客特定要求。");
    expect((await audit("--finding", "a", "--finding", "b", "--grade", "major")).stderr.split("\n")[0]).toBe(
      "csr: 给出了 1 个 --grade，但有 2 条 --finding：每条审核发现各给一个，按顺序对应（某条没有时写 ''；--requirement、--evidence 也可全部不给）。",
    );
    expect((await audit("--finding", "a", "--grade", "big")).stderr).toBe("csr: --grade big：严重程度应为 major、minor、observation（也可写 严重、一般、观察项）。\n");
    expect((await audit("--nonconformities", "0", "--evidence", "记录")).stderr.split("\n")[0]).toBe("csr: --evidence 要跟在 --finding 后面：每条审核发现用 --finding <不符合事实描述> 给出，其严重程度用 --grade，按给出的顺序对应。");
    expect(readFileSync(join(dir, "processes.yaml"), "utf8")).toBe(before);
  });

  it("--amend adds findings and scope to a one-line record (the count follows them) and refuses a count that contradicts them", async () => {
    const dir = await acme();
    expect(await run(dir, "process", "audited", "C1", "--amend", "ia-2026-01", "--finding", "合同评审记录缺顾客特殊要求评审", "--grade", "minor", "--scope", "合同评审")).toEqual({
      code: 0,
      stderr: "",
      stdout: [
        "已更正 processes.yaml 中过程 C1 市场开发与顾客要求评审 的审核记录 IA-2026-01：",
        "  scope：（无）→ 合同评审",
        "  findings：（无）→ 一般不符合：合同评审记录缺顾客特殊要求评审",
        "  nonconformities：0 → 1",
        "已写入 processes.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。",
        "",
      ].join("\n"),
    });
    expect(readFileSync(join(dir, "processes.yaml"), "utf8")).toContain(
      [
        "      - date: 2026-10-12",
        "        by: [zhaoqiang, gaoyang]",
        "        report: IA-2026-01",
        "        nonconformities: 1",
        "        scope: 合同评审",
        "        findings:",
        "          - grade: minor",
        "            text: 合同评审记录缺顾客特殊要求评审",
        "  - code: C2",
      ].join("\n"),
    );
    expect((await run(dir, "process", "audited", "C1", "--amend", "IA-2026-01", "--nonconformities", "2")).stderr).toBe(
      "csr: --nonconformities 2 与记录的审核发现不符：1 条发现中严重和一般不符合共 1 项（观察项不计）。不符合项数按审核发现计，不写 --nonconformities 即可。\n",
    );
  });
});

describe("action/audit-undated (tester78 A4; IATF 16949 10.2.3)", () => {
  it("reports an audit nonconformity open more than the working days with no due date, from the day after the limit; a due date or qms.yaml's days end it", async () => {
    const dir = await acme();
    const check = async (today: string) => {
      const out = await csrInProcess(["-C", dir, "check", "--today", today, "--format", "json"], { lang: null });
      return (JSON.parse(out.stdout) as { findings: { rule: string; file: string; line: number; message: string }[] }).findings.filter((f) => f.rule === "action/audit-undated");
    };
    await run(dir, "action", "open", "--source", "audit", "--process", "C1", "--audit-report", "IA-2026-01", "--title", "合同评审记录缺签", "--received", "2026-11-02", "--owner", "lina", "-y", "--commit");
    // 2026-11-02 + 10 working days is 2026-11-16: reported from the 17th.
    expect(await check("2026-11-16")).toEqual([]);
    expect(await check("2026-12-04")).toEqual([
      {
        rule: "action/audit-undated",
        file: "actions/NC-2026-001.yaml",
        line: 6,
        column: 11,
        severity: "warning",
        message:
          "内审不符合项 NC-2026-001 于 2026-11-02 提出，已过 24 个工作日（超过 10 个），各步骤仍没有要求完成日期：没有期限就不会逾期，也就没有人知道它拖延了。请与责任人商定期限并用 csr action step NC-2026-001 D3 --due <日期>（D4、D5 同样）记录；天数由 qms.yaml 的 internal_audit.action_due_working_days 设定。",
      },
    ].map((f) => expect.objectContaining(f)));
    // Beside acme-auto's audit interval (internal_audit.interval_months: 12).
    writeFileSync(join(dir, "qms.yaml"), readFileSync(join(dir, "qms.yaml"), "utf8").replace("\ninternal_audit:\n", "\ninternal_audit:\n  action_due_working_days: 30\n"));
    expect(await check("2026-12-04")).toEqual([]);
  });
});
