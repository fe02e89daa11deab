/**
 * The audit plan kept through the year (IATF 16949 9.2.2.1: the audit programme is reviewed and updated): csr process plan
 * --move changes an entry's month, day or team with a reason, checking the auditors again on the new day; --cancel cancels it
 * with a reason; the entry keeps its history (moved, cancelled), csr list audit-plan shows 改期 from → to and 已取消（原因）,
 * process/planned-audit-missed leaves a cancelled entry alone, and the plan read as of a day before a change shows it as it was.
 * On a copy of examples/acme-auto in a real git repository (today 2026-12-04; no auditor qualifications marked until zhaoqiang's).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtOnce, checkJsonInProcess, copyFixture, csr, csrInProcess, gitInit } from "../helpers.js";

const acme = builtOnce(() => gitInit(copyFixture("examples/acme-auto")));
const run = (dir: string, ...args: string[]) => csrInProcess(["-C", dir, ...args], { lang: null });
const TODAY = ["--today", "2026-12-04"];
type Rows = { rows: Record<string, unknown>[]; notes?: string[]; title?: string };
const json = async (dir: string, ...args: string[]) => JSON.parse((await run(dir, ...args, "--format", "json")).stdout) as Rows;
const REASON = "12 月顾客审核占用审核组";

describe("csr process plan --move / --cancel (IATF 16949 9.2.2.1)", () => {
  it("moves an entry to another month and team with the reason, re-checks the auditors on the new day, and keeps what it was", async () => {
    const dir = await acme();
    expect((await run(dir, "person", "update", "zhaoqiang", "--auditor-since", "2024-01-01", "--auditor-until", "2026-12-20", "--auditor-record", "NS-1", ...TODAY, "-y")).code).toBe(0);
    expect((await run(dir, "process", "plan", "C2", "--date", "2026-12-15", "--by", "zhaoqiang,sunwei", ...TODAY, "-y")).code).toBe(0);

    const noReason = csr(["-C", dir, "process", "plan", "C2", "--move", "2026-12", "--month", "2027-01", ...TODAY, "-y"], { lang: null });
    expect([noReason.code, noReason.stdout, noReason.stderr]).toEqual([
      2,
      "",
      "csr: --move 需要 --reason <原因>：审核方案评审和更新时，要说明计划的审核为何改期或没有进行（IATF 16949 9.2.2.1）。\n提示：例如 'csr process plan C2 --move 2026-12 --month <YYYY-MM> --reason <原因>'。\n",
    ]);
    const moved = await run(dir, "process", "plan", "C2", "--move", "2026-12", "--month", "2027-1", "--reason", REASON, ...TODAY, "-y");
    expect(moved.code, moved.stderr).toBe(0);
    expect(moved.stdout.split("\n").slice(0, 2)).toEqual([
      `已在 processes.yaml 中将过程 C2 产品和过程设计开发（APQP）的体系审核由 2026-12（2026-12-15），审核员 赵强（zhaoqiang）、孙伟（sunwei）改为 2027-01，审核员 赵强（zhaoqiang）、孙伟（sunwei），原因：${REASON}。原计划记在该项的 moved 下，csr list audit-plan 列出改期记录。`,
      // Qualified on 2026-12-15, lapsed by the new day: found when moved, not after the audit.
      "注意：赵强（zhaoqiang）在计划日 2027-01-31 没有体系审核员资格（资格已于 2026-12-20 到期）；审核前应取得资格，否则此次审核不计入审核方案（process/auditor-unqualified）。",
    ]);
    const team = await run(dir, "process", "plan", "C2", "--move", "2027-01", "--by", "zhangli", "--reason", "赵强资格到期", ...TODAY, "-y");
    expect(team.code, team.stderr).toBe(0);
    expect(readFileSync(join(dir, "processes.yaml"), "utf8")).toContain(
      `      - {month: 2027-01, by: [zhangli], moved: [{on: 2026-12-04, reason: ${REASON}, month: 2026-12, date: 2026-12-15, by: [zhaoqiang, sunwei]}, {on: 2026-12-04, reason: 赵强资格到期, month: 2027-01, by: [zhaoqiang, sunwei]}]}\n`,
    );

    const y2026 = await json(dir, "list", "audit-plan", ...TODAY);
    // The 2026 row stops at the move that took the entry out of 2026: the team changed later is the 2027 entry's (review79 #10).
    expect(y2026.rows.map((r) => [r.month, r.date, r.code, r.auditors, r.status])).toEqual([["2026-12", "2026-12-15", "C2", "赵强、孙伟", `改期 2026-12-15 → 2027-01（${REASON}）`]]);
    expect(y2026.notes?.[1]).toContain("C1、C2、C3");
    const y2027 = await json(dir, "list", "audit-plan", "--year", "2027", ...TODAY);
    expect(y2027.rows.map((r) => [r.month, r.date, r.auditors, r.status])).toEqual([["2027-01", null, "张丽", `计划；改期 2026-12-15 → 2027-01（${REASON}）；审核员 赵强、孙伟 → 张丽（赵强资格到期）`]]);
    // As of a day before the changes, the plan reads as it was then.
    expect((await json(dir, "list", "audit-plan", "--today", "2026-12-03")).rows.map((r) => [r.month, r.date, r.auditors, r.status])).toEqual([["2026-12", "2026-12-15", "赵强、孙伟", "计划"]]);
    expect((await checkJsonInProcess(dir, "--today", "2027-01-05")).findings.filter((f) => f.rule === "process/planned-audit-missed" || f.rule.startsWith("schema/"))).toEqual([]);

    const same = await run(dir, "process", "plan", "C2", "--move", "2027-01", "--by", "zhangli", "--reason", "x", ...TODAY, "-y");
    expect([same.code, same.stderr]).toEqual([2, "csr: 计划未变：仍为 2027-01，审核员 张丽（zhangli）。\n"]);
    const gone = await run(dir, "process", "plan", "C2", "--move", "2026-12", "--month", "2027-02", "--reason", "x", ...TODAY, "-y");
    expect([gone.code, gone.stderr]).toEqual([2, "csr: 过程 C2 产品和过程设计开发（APQP）没有计划于 2026-12 且未取消的审核（已计划的月份：2027-01）。\n"]);
  });

  it("cancels an entry with the reason: the plan shows 已取消, the missed-audit warning goes, a held entry is neither moved nor cancelled", async () => {
    const dir = await acme();
    expect((await run(dir, "process", "plan", "C4", "--month", "2026-12", "--kind", "product", "--by", "zhangli", ...TODAY, "-y")).code).toBe(0);
    expect((await checkJsonInProcess(dir, "--today", "2027-01-05")).findings.filter((f) => f.rule === "process/planned-audit-missed").map((f) => f.message)).toEqual([
      "The product audit of C4 Storage, packaging and delivery was planned for 2026-12 (annual internal audit plan); the month has ended with no such audit recorded. If it was held that month, record it with 'csr process audited C4 --kind product --date <audit day> …'; if not, move it to a month to come with 'csr process plan C4 --kind product --move 2026-12 --month <YYYY-MM> --reason <why>', or cancel it with 'csr process plan C4 --kind product --cancel 2026-12 --reason <why>'.",
    ]);
    const notTaken = await run(dir, "process", "plan", "C4", "--cancel", "2026-12", "--month", "2027-02", "--reason", "x", "--today", "2027-01-05", "-y");
    expect([notTaken.code, notTaken.stderr.split("\n")[0]]).toEqual([2, "csr: --month 不能与 --cancel 一起给出：--move 改的是计划的月份、日期和审核员（--month、--date、--by），--cancel 只记录原因（--reason）。"]);
    const cancelled = await run(dir, "process", "plan", "C4", "--cancel", "2026-12", "--reason", "该产品 2026-11 停产", "--today", "2027-01-05", "-y");
    expect([cancelled.code, cancelled.stdout.split("\n")[0]]).toEqual([
      0,
      "已在 processes.yaml 中取消过程 C4 仓储、包装与交付 计划于 2026-12，审核员 张丽（zhangli）的产品审核，原因：该产品 2026-11 停产。该项留在年度内部审核计划中，标为已取消；csr check 不再报告它未审核（process/planned-audit-missed）。",
    ]);
    expect(readFileSync(join(dir, "processes.yaml"), "utf8")).toContain("      - {month: 2026-12, kind: product, by: [zhangli], cancelled: {on: 2027-01-05, reason: 该产品 2026-11 停产}}\n");
    expect((await checkJsonInProcess(dir, "--today", "2027-01-05")).findings.filter((f) => f.rule === "process/planned-audit-missed" || f.rule.startsWith("schema/"))).toEqual([]);
    expect((await json(dir, "list", "audit-plan", "--year", "2026", "--today", "2027-01-05")).rows.map((r) => r.status)).toEqual(["已取消（该产品 2026-11 停产；2027-01-05）"]);
    const programme = await json(dir, "list", "audit-programme", "--today", "2027-01-05");
    expect(programme.rows.filter((r) => r.code === "C4" && r.kind === "产品审核").map((r) => r.y2026)).toEqual(["05-13 PA-2026-02、12 月计划已取消"]);
    // A new entry may take the cancelled one's month.
    expect((await run(dir, "process", "plan", "C4", "--month", "2027-01", "--kind", "product", "--today", "2027-01-05", "-y")).code).toBe(0);

    expect((await run(dir, "process", "plan", "C2", "--month", "2026-12", "--by", "zhangli", ...TODAY, "-y")).code).toBe(0);
    expect((await run(dir, "process", "audited", "C2", "--date", "2026-12-15", "--by", "zhangli", "--report", "IA-2026-20", "--nonconformities", "0", "--today", "2026-12-15", "-y")).code).toBe(0);
    const held = await run(dir, "process", "plan", "C2", "--cancel", "2026-12", "--reason", "x", "--today", "2026-12-16", "-y");
    expect([held.code, held.stderr]).toEqual([
      2,
      "csr: 过程 C2 产品和过程设计开发（APQP）计划于 2026-12 的体系审核已于 2026-12-15 进行（IA-2026-20）：已完成的计划项不再改期或取消；审核记录有误的用 'csr process audited … --amend IA-2026-20' 更正。\n",
    ]);
  });

  it("--amend corrects an audit's team, customers, shifts and date, checks the team on the day and re-links the plan entry it fulfils", async () => {
    const dir = await acme();
    expect((await run(dir, "process", "plan", "C2", "--month", "2026-11", "--by", "zhangli", "--today", "2026-11-02", "-y")).code).toBe(0);
    expect((await run(dir, "process", "plan", "C2", "--month", "2026-12", "--by", "zhangli", "--today", "2026-11-02", "-y")).code).toBe(0);
    expect((await run(dir, "process", "audited", "C2", "--date", "2026-11-30", "--by", "zhangli", "--report", "IA-2026-20", "--nonconformities", "0", ...TODAY, "-y")).code).toBe(0);
    const amended = csr(["-C", dir, "process", "audited", "C2", "--amend", "IA-2026-20", "--date", "2026-12-01", "--by", "zhangli,zhoupeng", "--customer", "DYA", "--shift", "早班,夜班", ...TODAY, "-y"], { lang: null });
    expect([amended.code, amended.stderr, amended.stdout.split("\n").slice(0, 9)]).toEqual([
      0,
      "",
      [
        "已更正 processes.yaml 中过程 C2 产品和过程设计开发（APQP）的审核记录 IA-2026-20：",
        "  date：2026-11-30 → 2026-12-01",
        "  customer：（无）→ DYA",
        "  shift：（无）→ 早班、夜班",
        "  by：张丽（zhangli）→ 张丽（zhangli）、周鹏（zhoupeng）",
        "注意：周鹏（zhoupeng）属于过程 C2 产品和过程设计开发（APQP）的负责部门技术部，审核本部门的工作不是客观公正的内部审核（process/auditor-impartiality）。下次请由其他部门的审核员审核该过程。",
        "年度内部审核计划中 2026-11 的这项审核不再由这次审核完成。",
        "完成了年度内部审核计划中 2026-12 的这项审核。",
        "已写入 processes.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。",
      ],
    ]);
    expect(readFileSync(join(dir, "processes.yaml"), "utf8")).toContain("{date: 2026-12-01, by: [zhangli, zhoupeng], report: IA-2026-20, nonconformities: 0, customer: DYA, shift: [早班, 夜班]}");
    expect((await json(dir, "list", "audit-plan", "--year", "2026", "--today", "2027-01-05")).rows.map((r) => [r.month, r.status])).toEqual([["2026-11", "未按计划审核，改期至 2026-12"], ["2026-12", "已审核 2026-12-01（IA-2026-20）"]]);
    const qms = readFileSync(join(dir, "qms.yaml"), "utf8");
    const { writeFileSync } = await import("node:fs");
    writeFileSync(join(dir, "qms.yaml"), `${qms.trimEnd()}\nrules:\n  process/auditor-impartiality: error\n`);
    // The team kept is checked on the new day as a team given: refused while the rule is an error.
    const refused = await run(dir, "process", "audited", "C2", "--amend", "IA-2026-20", "--date", "2026-12-02", ...TODAY, "-y");
    expect([refused.code, refused.stderr.split("\n")[0]]).toEqual([2, "csr: --by 周鹏（zhoupeng）：属于过程 C2 产品和过程设计开发（APQP）的负责部门技术部，审核员不审核本部门的工作（process/auditor-impartiality 在 qms.yaml 中设为错误）。"]);
  });
});
