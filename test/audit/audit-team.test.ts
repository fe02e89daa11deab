/**
 * The audit team (ISO 19011 5.5.4; IATF 16949 7.2.3; tester78 A7): the first auditor of `by` leads the team, marked 组长 in
 * the registers; auditors-in-training (csr process audited --trainee, 实习审核员) and technical experts (--expert, 技术专家)
 * need no qualification and are no auditors, so an audit led by a qualified auditor with a trainee counts, while an
 * unqualified person left among the auditors still keeps it from counting, and is told how to be recorded as a trainee.
 * On a copy of examples/acme-auto in a real git repository, where 高扬 becomes a manufacturing process auditor.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtOnce, copyFixture, csr, csrInProcess, gitInit } from "../helpers.js";

const acme = builtOnce(async () => {
  const dir = gitInit(copyFixture("examples/acme-auto"));
  await csrInProcess(["-C", dir, "person", "update", "gaoyang", "--auditor-since", "2024-03-15", "--auditor-record", "NS-2024-03", "--auditor-kinds", "manufacturing-process"], { lang: null });
  return dir;
});

const run = (dir: string, ...args: string[]) => csrInProcess(["-C", dir, ...args], { lang: null });
const TODAY = ["--today", "2026-12-04"];
const MPA = ["--kind", "manufacturing-process", "--date", "2026-11-19", "--nonconformities", "0", ...TODAY];
const TRAINEE_HINT = "如李娜（lina）是在审核组长高扬（gaoyang）指导下参加审核的实习审核员，改用 --trainee lina 记录（不用 --by），此次审核即计入审核方案。";

describe("csr process audited --trainee --expert", () => {
  it("records a trainee and an expert beside a qualified leader: the audit counts, the register marks each role, csr check finds no unqualified auditor", async () => {
    const dir = await acme();
    const recorded = csr(["-C", dir, "process", "audited", "C3", ...MPA, "--by", "gaoyang", "--trainee", "lina", "--expert", "chenjing", "--report", "MPA-2026-11"], { lang: null });
    expect([recorded.code, recorded.stderr]).toEqual([0, ""]);
    expect(recorded.stdout.split("\n").slice(0, 2)).toEqual([
      "已在 processes.yaml 中记录过程 C3 生产过程控制 的制造过程审核：2026-11-19，审核员 高扬（gaoyang），实习审核员 李娜（lina），技术专家 陈静（chenjing），记录编号 MPA-2026-11，符合。",
      "该制造过程的下次制造过程审核应在 2029-11-19 前（IATF 16949 9.2.2.3 的三年周期）。",
    ]);
    expect(readFileSync(join(dir, "processes.yaml"), "utf8")).toContain(
      "{date: 2026-11-19, by: [gaoyang], trainees: [lina], experts: [chenjing], report: MPA-2026-11, nonconformities: 0, kind: manufacturing-process}",
    );
    const list = JSON.parse((await run(dir, "list", "audits", "--kind", "manufacturing-process", ...TODAY, "--format", "json")).stdout) as { rows: Record<string, unknown>[]; notes: string[] };
    expect(list.rows.map((r) => [r.report, r.auditors])).toEqual([
      ["MPA-2026-01", "赵强（组长，无资格）、高扬"],
      ["MPA-2026-11", "高扬（组长）、李娜（实习审核员）、陈静（技术专家）"],
    ]);
    // MPA-2026-01 led by 赵强, no manufacturing process auditor: the one not counted; MPA-2026-11 counts.
    expect(list.notes.filter((n) => n.startsWith("共"))).toEqual(["共 2 次审核，其中 1 次审核员无资格、不计；计入的审核了 1 个过程（共 15 个），开出不符合项 0 项；不计的审核另开出 0 项。"]);
    const check = await run(dir, "check", ...TODAY, "--format", "json");
    const findings = (JSON.parse(check.stdout) as { findings: { rule: string; message: string }[] }).findings.filter((f) => f.rule === "process/auditor-unqualified");
    expect(findings.map((f) => f.message).filter((m) => m.includes("MPA-2026-11"))).toEqual([]);
  });

  it("keeps an audit with an unqualified person among the auditors from counting, and says to record them as a trainee when the leader was qualified", async () => {
    const dir = await acme();
    const member = await run(dir, "process", "audited", "C3", ...MPA, "--by", "gaoyang,lina", "--report", "MPA-2026-12");
    expect(member.code).toBe(0);
    expect(member.stdout.split("\n").slice(1, 3)).toEqual([
      "此次审核不计入审核方案：审核员当日没有制造过程审核员资格。",
      `注意：李娜（lina）在 2026-11-19 没有制造过程审核员资格（people.yaml 中未登记其制造过程审核员资格）；people.yaml 已登记审核员，此类审核应由具备该类资格的审核员进行（process/auditor-unqualified）。如此人当日确有资格，用 'csr person update lina --auditor-since <取得资格日期> --auditor-record <证书或培训记录编号> --auditor-kinds manufacturing-process' 登记。${TRAINEE_HINT}`,
    ]);
    // An unqualified leader: nobody guided the team, no trainee hint.
    const leader = await run(dir, "process", "audited", "C3", ...MPA, "--by", "lina,gaoyang", "--report", "MPA-2026-13");
    expect(leader.stdout).not.toContain("--trainee");
    const check = await run(dir, "check", ...TODAY, "--format", "json");
    const messages = (JSON.parse(check.stdout) as { findings: { rule: string; message: string }[] }).findings.filter((f) => f.rule === "process/auditor-unqualified").map((f) => f.message);
    expect(messages.filter((m) => m.includes("MPA-2026-12")).map((m) => m.slice(m.indexOf("如 李娜")))).toEqual([
      "如 李娜（lina）是在审核组长 高扬（gaoyang）指导下参加审核的实习审核员，把其从 by 移到 trainees（实习审核员）：此次审核即计入审核方案。",
    ]);
    expect(messages.filter((m) => m.includes("MPA-2026-13")).some((m) => m.includes("trainees"))).toBe(false);
    const list = JSON.parse((await run(dir, "list", "audits", "--kind", "manufacturing-process", ...TODAY, "--format", "json")).stdout) as { rows: Record<string, unknown>[] };
    expect(list.rows.filter((r) => r.report !== "MPA-2026-01").map((r) => [r.report, r.auditors])).toEqual([
      ["MPA-2026-12", "高扬（组长）、李娜（无资格）"],
      ["MPA-2026-13", "李娜（组长，无资格）、高扬"],
    ]);
  });

  it("refuses a person in two roles of the team and an unknown trainee, writing nothing", async () => {
    const dir = await acme();
    const before = readFileSync(join(dir, "processes.yaml"), "utf8");
    expect(await run(dir, "process", "audited", "C3", ...MPA, "--by", "gaoyang", "--trainee", "gaoyang", "--report", "MPA-2026-14")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --trainee 高扬（gaoyang）：此人已列入此次审核组；每人在审核组中只担任一个角色（审核员、实习审核员或技术专家）。\n",
    });
    const unknown = await run(dir, "process", "audited", "C3", ...MPA, "--by", "gaoyang", "--expert", "nobody", "--report", "MPA-2026-14");
    expect([unknown.code, unknown.stderr.startsWith("csr: --expert")]).toEqual([2, true]);
    expect(readFileSync(join(dir, "processes.yaml"), "utf8")).toBe(before);
  });
});

describe("csr process audited: impartiality of the whole team (9.2.2 c; mend78 item 4)", () => {
  it("warns of a trainee of the department that owns the process, reports them at trainees in csr check, and refuses them once the rule is an error", async () => {
    const dir = gitInit(copyFixture("examples/acme-auto"));
    await csrInProcess(["-C", dir, "person", "update", "gaoyang", "--auditor-since", "2024-03-15", "--auditor-record", "NS-2024-03", "--auditor-kinds", "manufacturing-process"], { lang: null });
    // 黄军 is of 生产部 (PRD), which owns C3 生产过程控制; 高扬 (技术部) leads.
    const recorded = await run(dir, "process", "audited", "C3", ...MPA, "--by", "gaoyang", "--trainee", "huangjun", "--report", "MPA-2026-15");
    expect([recorded.code, recorded.stderr]).toEqual([0, ""]);
    expect(recorded.stdout.split("\n").filter((l) => l.includes("auditor-impartiality"))).toEqual([
      "注意：黄军（huangjun）属于过程 C3 生产过程控制 的负责部门生产部，审核本部门的工作不是客观公正的内部审核（process/auditor-impartiality）。下次请由其他部门的审核员审核该过程。",
    ]);
    const check = JSON.parse((await run(dir, "check", ...TODAY, "--format", "json")).stdout) as { findings: { rule: string; file: string; line: number; column: number; message: string }[] };
    expect(check.findings.filter((f) => f.rule === "process/auditor-impartiality" && f.message.includes("MPA-2026-15")).map((f) => `${f.file}:${f.line}:${f.column} ${f.message}`)).toEqual([
      // Line 89 col 54: huangjun in `trainees: [huangjun]` of the new record.
      "processes.yaml:92:54 过程 C3 生产过程控制 于 2026-11-19 的内部审核（审核报告 MPA-2026-15）中，实习审核员 黄军（huangjun）属于该过程的负责部门生产部：审核员不审核本部门的工作。该过程的下次审核请由其他部门经过培训的审核员进行（交叉审核），并用 'csr process audited C3 --date <审核日期> --by <审核员> --report <审核报告编号> --nonconformities <不符合项数>' 记录。",
    ]);
    writeFileSync(join(dir, "qms.yaml"), `${readFileSync(join(dir, "qms.yaml"), "utf8")}rules:\n  process/auditor-impartiality: error\n`);
    const before = readFileSync(join(dir, "processes.yaml"), "utf8");
    const refused = await run(dir, "process", "audited", "C3", ...MPA, "--by", "gaoyang", "--expert", "huangjun", "--report", "MPA-2026-16");
    expect([refused.code, refused.stdout, refused.stderr.split("\n")[0]]).toEqual([2, "", "csr: --expert 黄军（huangjun）：属于过程 C3 生产过程控制 的负责部门生产部，审核员不审核本部门的工作（process/auditor-impartiality 在 qms.yaml 中设为错误）。"]);
    expect(readFileSync(join(dir, "processes.yaml"), "utf8")).toBe(before);
  });
});

describe("csr process audited --amend", () => {
  it("corrects only the fields given of a recorded audit, printing before → after, and refuses an unknown report or nothing to change (tester78 A10)", async () => {
    const dir = await acme();
    const amended = await run(dir, "process", "audited", "C4", "--amend", "pa-2026-02", "--part", "BX-D9", "--nonconformities", "1", ...TODAY);
    expect(amended).toEqual({
      code: 0,
      stdout:
        "已更正 processes.yaml 中过程 C4 仓储、包装与交付 的审核记录 PA-2026-02：\n" +
        "  part：BX-D1 → BX-D9\n" +
        "  nonconformities：0 → 1\n" +
        "已写入 processes.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n",
      stderr: "",
    });
    const line = readFileSync(join(dir, "processes.yaml"), "utf8").split("\n").find((l) => l.includes("PA-2026-02"))!;
    expect(line).toContain("{date: 2026-05-13, by: [zhaoqiang], report: PA-2026-02, nonconformities: 1, kind: product, part: BX-D9, customer: DYA, shift: 白班");
    const unknown = await run(dir, "process", "audited", "C4", "--amend", "PA-2099-01", "--part", "X", ...TODAY);
    expect([unknown.code, unknown.stderr.split("\n")[0]!.startsWith("csr: --amend PA-2099-01：过程 C4 仓储、包装与交付 没有这份审核报告的审核记录；已记录的有：")]).toEqual([2, true]);
    // Options --amend does not take are refused, not dropped (review78 item 5).
    expect(await run(dir, "process", "audited", "C4", "--amend", "PA-2026-02", "--comment", "更正", "--kind", "qms", "--report", "PA-2026-03", ...TODAY)).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --amend PA-2026-02 不接受 --report、--kind：审核报告编号和审核类型标识这条记录，不在此更正；可更正 --date、审核组（--by、--trainee、--expert）、--customer、--shift、--part、--nonconformities、--comment 以及审核范围、准则、受审核人和审核发现；报告编号或审核类型记错的，请直接编辑 processes.yaml 中的记录。\n",
    });
    const nothing = await run(dir, "process", "audited", "C4", "--amend", "PA-2026-02", "--part", "BX-D9", ...TODAY);
    expect(nothing).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --amend PA-2026-02：没有要更正的内容（给出 --date、--by、--trainee、--expert、--customer、--shift、--part、--nonconformities、--comment、--scope、--clause、--csr、--auditee 或 --finding 的新值）。\n提示：例如：csr process audited C4 --amend PA-2026-02 --part <正确的零件号>\n",
    });
    // A corrected date is held to what a recorded one is (review79 #4): not before the standard was published; a day off is said.
    const early = await run(dir, "process", "audited", "C4", "--amend", "PA-2026-02", "--date", "2010-03-03", ...TODAY);
    expect([early.code, early.stderr]).toEqual([2, "csr: --date 2010-03-03 早于 2016-10-01，即过程审核所依据的 IATF 16949:2016 的发布日期：本审核方案的审核不会早于此。请核对日期。\n"]);
    const sunday = await run(dir, "process", "audited", "C4", "--amend", "PA-2026-02", "--date", "2026-05-10", ...TODAY);
    expect([sunday.code, sunday.stdout.split("\n").filter((l) => l.includes("2026-05-10"))]).toEqual([
      0,
      [
        "  date：2026-05-13 → 2026-05-10",
        // The team checked again on the new day (as on 2026-05-13: no product auditor qualification recorded for 赵强).
        "注意：赵强（zhaoqiang）在 2026-05-10 没有产品审核员资格（people.yaml 中未登记其产品审核员资格）；people.yaml 已登记审核员，此类审核应由具备该类资格的审核员进行（process/auditor-unqualified）。如此人当日确有资格，用 'csr person update zhaoqiang --auditor-since <取得资格日期> --auditor-record <证书或培训记录编号> --auditor-kinds product' 登记。",
        "注意：2026-05-10 按工作日历（qms.yaml 的 calendar）是休息日；请核对审核日期，如有误，用 csr process audited C4 --amend PA-2026-02 --date <正确日期> 更正。",
      ],
    ]);
  });
});
