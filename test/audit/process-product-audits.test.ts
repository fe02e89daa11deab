/**
 * Manufacturing process and product audits (IATF 16949 9.2.2.3, 9.2.2.4; tester74 T6): recorded as audits of a process
 * with their kind, part number, customer and shift (csr process audited --kind), listed by kind and customer (csr list
 * audits --kind --customer) with the corrective actions opened against them, carried in that customer's site pack only,
 * and a manufacturing process left unaudited for three years reported (process/manufacturing-audit-due). On a copy of
 * examples/acme-auto in a real git repository: C3 is marked a manufacturing process, with MPA-2026-01 (2026-06-17, DYA's
 * BX-D1, 夜班), and C4 has the product audit PA-2026-02 (2026-05-13, BX-D1, 白班).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadRepository } from "../../src/load/repository.js";
import { customerScope } from "../../src/site/customer-scope.js";
import { builtOnce, copyFixture, csr, csrInProcess, git, gitInit } from "../helpers.js";

const acme = builtOnce(() => gitInit(copyFixture("examples/acme-auto")));

/** In the repository's language (zh-CN), as its users run csr. */
const run = (dir: string, ...args: string[]) => csrInProcess(["-C", dir, ...args], { lang: null });
const TODAY = ["--today", "2026-12-04"];

describe("csr list audits --kind --customer", () => {
  it("lists a customer's product audits with part number, customer and shift, saying the register is filtered", async () => {
    const dir = await acme();
    const result = csr(["-C", dir, "list", "audits", "--kind", "product", "--customer", "DYA", ...TODAY], { lang: null });
    expect(result.code).toBe(0);
    expect(result.stdout.split("\n").map((l) => l.trimEnd())).toEqual([
      "内部审核记录（审核类型：产品审核；顾客：东岳汽车股份有限公司；共 1 次）",
      "",
      "序号  审核日期    过程编号  过程名称          负责部门    审核员  审核报告    不符合项数  审核类型  零件号  顾客                  班次  纠正措施  说明",
      "----  ----------  --------  ----------------  ----------  ------  ----------  ----------  --------  ------  --------------------  ----  --------  ------------------------------------------------------",
      "1     2026-05-13  C4        仓储、包装与交付  采购物流部  赵强    PA-2026-02  0           产品审核  BX-D1   东岳汽车股份有限公司  白班            成品库抽取5件复测扣压外径和泄漏，验证8D-2026-001的措施",
      "",
      "本表按条件筛选（审核类型：产品审核；顾客：东岳汽车股份有限公司），不是完整的内部审核记录。",
      "共 1 次审核，审核了 1 个过程（共 15 个），开出不符合项 0 项。",
      "",
    ]);
    expect(result.stderr).toBe("完整的内部审核记录：csr list audits。\n");
    // Of the manufacturing process audit only, by the kind's label; the whole record keeps the QMS audits too.
    const kinds = JSON.parse((await run(dir, "list", "audits", "--kind", "制造过程审核", ...TODAY, "--format", "json")).stdout) as { rows: Record<string, unknown>[] };
    expect(kinds.rows.map((r) => [r.report, r.kind, r.part, r.customer, r.shift])).toEqual([["MPA-2026-01", "制造过程审核", "BX-D1", "东岳汽车股份有限公司", "夜班"]]);
    const all = JSON.parse((await run(dir, "list", "audits", ...TODAY, "--format", "json")).stdout) as { rows: Record<string, unknown>[] };
    expect(all.rows).toHaveLength(32);
    expect(all.rows.filter((r) => r.kind === "体系审核")).toHaveLength(30);
  });

  it("prints the register's own form number over a filtered list (qms.yaml registers.forms.audits)", async () => {
    const dir = await acme();
    const qms = join(dir, "qms.yaml");
    writeFileSync(qms, readFileSync(qms, "utf8").replace("    symbols: QR-014-01\n", "    symbols: QR-014-01\n    audits: QR-004-02\n"));
    const md = await run(dir, "list", "audits", "--customer", "DYA", ...TODAY, "--format", "md");
    expect(md.code).toBe(0);
    expect(md.stdout).toContain("表单编号：QR-004-02 A/0");
    expect(md.stdout).toContain("本表按条件筛选（顾客：东岳汽车股份有限公司），不是完整的内部审核记录。");
  });

  it("refuses --kind and --customer on a list that does not take them, an unknown kind and an unknown customer", async () => {
    const dir = await acme();
    expect(await run(dir, "list", "reviews", "--kind", "product")).toEqual({ code: 2, stdout: "", stderr: "csr: --kind 只用于 csr list audits，不用于 'csr list reviews'。\n" });
    expect((await run(dir, "list", "processes", "--customer", "DYA")).stderr).toBe(
      "csr: --customer 只用于 csr list、csr list symbols、csr list reviews、csr list actions、csr list audits 和 csr list flow-down，不用于 'csr list processes'。\n",
    );
    expect((await run(dir, "list", "audits", "--kind", "system")).stderr).toBe("csr: --kind 必须是 qms（体系审核）、manufacturing-process（制造过程审核）、product（产品审核）、lpa（分层审核）之一；实际为 'system'。\n");
    expect((await run(dir, "list", "audits", "--customer", "DYB")).stderr).toBe("csr: --customer：未知顾客 'DYB'；顾客有：BCM 北辰汽车集团有限公司、DYA 东岳汽车股份有限公司。是否应为 'DYA'？\n");
  });
});

describe("csr process audited --kind", () => {
  it("records a product audit on one line with part, customer and shift, and lists the corrective action opened against it", async () => {
    const dir = await acme();
    const result = csr(
      ["-C", dir, "process", "audited", "C3", "--kind", "product", "--date", "2026-11-18", "--by", "zhaoqiang", "--report", "PA-2026-05", "--nonconformities", "1", "--part", "BX-D2", "--customer", "DYA", "--shift", "早班", "--commit"],
      { lang: null },
    );
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const lines = result.stdout.split("\n");
    expect(lines.slice(0, 2)).toEqual([
      "已在 processes.yaml 中记录过程 C3 生产过程控制 的产品审核：2026-11-18，零件号 BX-D2，顾客 DYA，早班，审核员 赵强（zhaoqiang），记录编号 PA-2026-05，不符合 1 项。",
      "不符合项用 'csr action open --source audit --process C3 --audit-report PA-2026-05 …' 建立纠正措施，csr list audits 会列出。",
    ]);
    expect(lines[2]).toMatch(/^已提交 [0-9a-f]{7}：csr process audited C3：2026-11-18 PA-2026-05$/);
    expect(readFileSync(join(dir, "processes.yaml"), "utf8")).toContain(
      "      - {date: 2026-10-13, by: [zhaoqiang, lina], report: IA-2026-01, nonconformities: 0}\n      - {date: 2026-11-18, by: [zhaoqiang], report: PA-2026-05, nonconformities: 1, kind: product, part: BX-D2, customer: DYA, shift: 早班}\n",
    );
    const opened = await run(dir, "action", "open", "--source", "audit", "--process", "C3", "--audit-report", "pa-2026-05", "--title", "扣压外径抽检记录缺失", "--received", "2026-11-19", "--owner", "huangjun", "--commit");
    expect(opened.code).toBe(0);
    const listed = JSON.parse((await run(dir, "list", "audits", "--kind", "product", ...TODAY, "--format", "json")).stdout) as { rows: Record<string, unknown>[] };
    expect(listed.rows.map((r) => [r.report, r.actions])).toEqual([
      ["PA-2026-02", ""],
      ["PA-2026-05", "NC-2026-001"],
    ]);
  });

  it("says when a manufacturing process's next manufacturing process audit falls due, or that the process is not marked one", async () => {
    const dir = await acme();
    const args = ["--kind", "manufacturing-process", "--date", "2026-11-19", "--by", "gaoyang", "--nonconformities", "0", "--shift", "早班"];
    const marked = await run(dir, "process", "audited", "C3", ...args, "--report", "MPA-2026-02");
    expect(marked.stdout.split("\n").slice(0, 2)).toEqual([
      "已在 processes.yaml 中记录过程 C3 生产过程控制 的制造过程审核：2026-11-19，早班，审核员 高扬（gaoyang），记录编号 MPA-2026-02，符合。",
      "该制造过程的下次制造过程审核应在 2029-11-19 前（IATF 16949 9.2.2.3 的三年周期）。",
    ]);
    const unmarked = await run(dir, "process", "audited", "C4", ...args, "--report", "MPA-2026-03");
    expect(unmarked.stdout.split("\n")[1]).toBe("过程 C4 未标为制造过程：用 'csr process update C4 --manufacturing' 标明后，process/manufacturing-audit-due 按三年周期提醒下次制造过程审核。");

    // Once people.yaml marks auditors, a QMS auditor alone is no manufacturing process auditor (IATF 16949 7.2.3): recorded, not counted.
    await run(dir, "person", "update", "gaoyang", "--auditor-since", "2024-03-15", "--auditor-record", "NS-2024-03");
    const unqualified = await run(dir, "process", "audited", "C3", ...args, "--report", "MPA-2026-04");
    expect(unqualified.stdout.split("\n").slice(1, 3)).toEqual([
      "此次审核不计入审核方案：审核员当日没有制造过程审核员资格。",
      "注意：高扬（gaoyang）在 2026-11-19 没有制造过程审核员资格（当日只有体系审核员资格，没有制造过程审核员资格）；people.yaml 已登记审核员，此类审核应由具备该类资格的审核员进行（process/auditor-unqualified）。如此人当日确有资格，用 'csr person update gaoyang --auditor-since <取得资格日期> --auditor-record <证书或培训记录编号> --auditor-kinds manufacturing-process' 登记。",
    ]);
  });

  it("refuses a product audit without a part number, a part number on a QMS audit and an unknown customer, writing nothing", async () => {
    const dir = await acme();
    const before = readFileSync(join(dir, "processes.yaml"), "utf8");
    const base = ["process", "audited", "C3", "--date", "2026-11-18", "--by", "zhaoqiang", "--report", "PA-2026-05", "--nonconformities", "0"];
    expect(await run(dir, ...base, "--kind", "product")).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "csr: 缺少 --part：产品审核记录要有审核日期、审核员、记录编号和不符合项数，产品审核还要有零件号。\n" +
        "提示：csr process audited C3 --kind product --date <审核日期> --by <审核员> --report <记录编号> --nonconformities <不符合项数，符合写 0> --part <零件号> [--customer <顾客代码>] [--shift <班次>]\n",
    });
    expect((await run(dir, ...base, "--part", "BX-D1")).stderr.split("\n")[0]).toBe("csr: --part BX-D1：零件号只用于产品审核和制造过程审核；按过程的体系审核不写零件号。产品审核请加 --kind product。");
    expect((await run(dir, ...base, "--kind", "product", "--part", "BX-D1", "--customer", "DYX")).stderr).toBe("csr: --customer：未知顾客 'DYX'；顾客有：BCM 北辰汽车集团有限公司、DYA 东岳汽车股份有限公司。是否应为 'DYA'？\n");
    expect(readFileSync(join(dir, "processes.yaml"), "utf8")).toBe(before);
  });
});

describe("csr process audited: several customers and shifts (tester78 A3)", () => {
  it("keeps every --customer and --shift given (repeated or comma-separated), lists the audit under each customer and carries it in each pack", async () => {
    const dir = await acme();
    const base = ["process", "audited", "C3", "--date", "2026-11-20", "--by", "gaoyang", "--nonconformities", "0"];
    const recorded = await run(dir, ...base, "--kind", "manufacturing-process", "--report", "MPA-2026-09", "--customer", "DYA", "--customer", "BCM", "--shift", "早班", "--shift", "夜班，交接班");
    expect(recorded.stdout.split("\n")[0]).toBe("已在 processes.yaml 中记录过程 C3 生产过程控制 的制造过程审核：2026-11-20，顾客 DYA、BCM，早班、夜班、交接班，审核员 高扬（gaoyang），记录编号 MPA-2026-09，符合。");
    // A QMS audit by process echoes what it stored too; one customer stays written as it always was.
    const qms = await run(dir, ...base, "--report", "IA-2026-09", "--customer", "BCM", "--shift", "夜班");
    expect(qms.stdout.split("\n")[0]).toBe("已在 processes.yaml 中记录过程 C3 生产过程控制 的内部审核：2026-11-20，顾客 BCM，夜班，审核员 高扬（gaoyang），审核报告 IA-2026-09，符合。");
    const yaml = readFileSync(join(dir, "processes.yaml"), "utf8");
    expect(yaml).toContain("      - {date: 2026-11-20, by: [gaoyang], report: MPA-2026-09, nonconformities: 0, kind: manufacturing-process, customer: [DYA, BCM], shift: [早班, 夜班, 交接班]}\n");
    expect(yaml).toContain("      - {date: 2026-11-20, by: [gaoyang], report: IA-2026-09, nonconformities: 0, customer: BCM, shift: 夜班}\n");
    const rows = async (customer: string) =>
      (JSON.parse((await run(dir, "list", "audits", "--customer", customer, ...TODAY, "--format", "json")).stdout) as { rows: Record<string, unknown>[] }).rows
        .filter((r) => String(r.report).endsWith("-09"))
        .map((r) => [r.report, r.customer, r.shift]);
    expect(await rows("DYA")).toEqual([["MPA-2026-09", "东岳汽车股份有限公司、北辰汽车集团有限公司", "早班、夜班、交接班"]]);
    expect(await rows("BCM")).toEqual([
      ["MPA-2026-09", "东岳汽车股份有限公司、北辰汽车集团有限公司", "早班、夜班、交接班"],
      ["IA-2026-09", "北辰汽车集团有限公司", "夜班"],
    ]);
    // Each customer's pack names that customer alone: the other one sampled is not its to read.
    const repo = loadRepository(dir);
    const packed = (code: string) => customerScope(repo, code).repo.processes.find((p) => p.value.code === "C3")!.value.audits!.find((a) => a.report === "MPA-2026-09")?.customer;
    expect([packed("DYA"), packed("BCM")]).toEqual(["DYA", "BCM"]);
    // Lists of customers and shifts are valid data: no schema or reference finding on processes.yaml.
    const checked = JSON.parse((await run(dir, "check", ...TODAY, "--format", "json")).stdout) as { findings: { file: string; rule: string }[] };
    expect(checked.findings.filter((f) => f.file === "processes.yaml" && (f.rule.startsWith("schema/") || f.rule.startsWith("ref/")))).toEqual([]);
    // An unknown code among several is refused by name, nothing written.
    const unknown = await run(dir, ...base, "--report", "IA-2026-10", "--customer", "DYA,DYX");
    expect([unknown.code, unknown.stderr.split("\n")[0]]).toEqual([2, "csr: --customer：未知顾客 'DYX'；顾客有：BCM 北辰汽车集团有限公司、DYA 东岳汽车股份有限公司。是否应为 'DYA'？"]);
    expect(readFileSync(join(dir, "processes.yaml"), "utf8")).toBe(yaml);
  });

  it("refuses an option of one value given twice, on the built binary, writing nothing: commander would keep the last", async () => {
    const dir = await acme();
    const before = readFileSync(join(dir, "processes.yaml"), "utf8");
    const result = csr(["-C", dir, "process", "audited", "C3", "--date", "2026-11-20", "--by", "gaoyang", "--report", "IA-2026-11", "--report=IA-2026-12", "--nonconformities", "0"], { lang: null });
    expect(result).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: 选项 '--report' 只接受一个值，却给了两次（'IA-2026-11' 和 'IA-2026-12'）：后一个会覆盖前一个，所以不予执行\n提示：只保留要用的那个 --report，或查看 csr <命令> --help 中可重复给出的选项\n",
    });
    expect(readFileSync(join(dir, "processes.yaml"), "utf8")).toBe(before);
    // Options that gather their values repeat freely (csr check --format), and so do those of several values (--by).
    const formats = await run(dir, "check", ...TODAY, "--format", "text", "--format", "json=" + join(dir, "..", "findings.json"));
    expect(formats.stderr).not.toContain("只接受一个值");
    const team = await run(dir, "process", "audited", "C3", "--date", "2026-11-20", "--by", "gaoyang", "--by", "lina", "--report", "IA-2026-13", "--nonconformities", "0");
    expect(team.stdout.split("\n")[0]).toContain("审核员 高扬（gaoyang）、李娜（lina）");
    // csr's own options count too, before or after the command.
    expect((await csrInProcess(["--lang", "en", "-C", dir, "list", "actions", "--lang", "zh-CN"], { lang: null })).stderr.split("\n")[0]).toBe("csr: 选项 '--lang' 只接受一个值，却给了两次（'en' 和 'zh-CN'）：后一个会覆盖前一个，所以不予执行");
    // The same value twice loses nothing: taken as once.
    const twice = await run(dir, "process", "audited", "C3", "--date", "2026-11-20", "--by", "gaoyang", "--report", "IA-2026-14", "--report", "IA-2026-14", "--nonconformities", "0");
    expect([twice.code, twice.stdout.split("\n")[0]]).toEqual([0, "已在 processes.yaml 中记录过程 C3 生产过程控制 的内部审核：2026-11-20，审核员 高扬（gaoyang），审核报告 IA-2026-14，符合。"]);
  });
});

describe("an audit recorded with no nonconformity that an action was opened against (tester78 A6)", () => {
  it("counts the action as a nonconformity raised in csr list audits' row and totals and in csr list processes' 审核结果, as the management review does", async () => {
    const dir = await acme();
    await run(dir, "process", "audited", "C3", "--date", "2026-11-18", "--by", "zhaoqiang", "--report", "IA-2026-21", "--nonconformities", "0");
    const rows = async () => JSON.parse((await run(dir, "list", "audits", ...TODAY, "--format", "json")).stdout) as { rows: Record<string, unknown>[]; notes: string[] };
    expect((await rows()).rows.filter((r) => r.report === "IA-2026-21").map((r) => [r.nonconformities, r.actions])).toEqual([[0, ""]]);
    const opened = await run(dir, "action", "open", "--source", "audit", "--process", "C3", "--audit-report", "IA-2026-21", "--title", "首件记录缺签字", "--received", "2026-11-19", "--owner", "huangjun");
    expect(opened.code, opened.stderr).toBe(0);
    const after = await rows();
    expect(after.rows.filter((r) => r.report === "IA-2026-21").map((r) => [r.nonconformities, r.actions])).toEqual([[1, "NC-2026-001"]]);
    const processes = JSON.parse((await run(dir, "list", "processes", ...TODAY, "--format", "json")).stdout) as { rows: Record<string, unknown>[] };
    expect(processes.rows.filter((r) => r.code === "C3").map((r) => [r.report, r.result])).toEqual([["IA-2026-21", "不符合 1 项"]]);
  });
});

describe("process/manufacturing-audit-due (IATF 16949 9.2.2.3)", () => {
  it("reports a manufacturing process with no manufacturing process audit in the cycle; its QMS audits do not count; unmarking it ends the finding", async () => {
    const dir = await acme();
    const file = join(dir, "processes.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace(/^ {6}- \{date: 2026-06-17, .*MPA-2026-01.*\n/m, ""));
    git(dir, ["commit", "-qam", "without MPA-2026-01"]);
    const findings = async () => (await run(dir, "check", ...TODAY, "--lang", "en")).stdout.split("\n").filter((l) => l.includes("process/manufacturing-audit-due") && /^\S+:\d+:\d+ /.test(l));
    expect(await findings()).toEqual([
      "processes.yaml:87:20 warning process/manufacturing-audit-due Manufacturing process C3 Production has no manufacturing process audit recorded: its three-year audit cycle, counted from 2019-03-01 when QM-001 was first released, ended on 2022-03-01 (IATF 16949 9.2.2.3: every manufacturing process is audited in every three-year cycle); plan its audit. Audit the manufacturing process on the shop floor, shift by shift, and record it with 'csr process audited C3 --kind manufacturing-process --date <date> --by <auditors> --report <record number> --nonconformities <count> --shift <shift>'; if it is no manufacturing process, take the mark off with 'csr process update C3 --no-manufacturing'.",
    ]);
    const unmarked = await run(dir, "process", "update", "C3", "--no-manufacturing");
    expect(unmarked.stdout.split("\n")[0]).toBe("已更新过程 C3 生产过程控制：制造过程：是 → 否。");
    expect(await findings()).toEqual([]);
    // Marked again, the mark goes before its audits, where the example keeps it.
    await run(dir, "process", "update", "C3", "--manufacturing");
    expect(readFileSync(file, "utf8")).toMatch(/ {4}documents: \[QP-010, WI-010-01, WI-010-02, HH-WI-06\]\n {4}manufacturing: true\n {4}audits:\n/);
  });
});

describe("csr site --customer: the pack's audits", () => {
  it("carries the customer's own manufacturing process and product audits and the QMS audits, never another customer's", async () => {
    const repo = loadRepository(await acme());
    const reports = (code: string, process: string) => (customerScope(repo, code).repo.processes.find((p) => p.value.code === process)!.value.audits ?? []).map((a) => a.report);
    expect(reports("DYA", "C3")).toEqual(["IA-2025-01", "MPA-2026-01", "IA-2026-01"]);
    expect(reports("DYA", "C4")).toEqual(["IA-2025-01", "PA-2026-02", "IA-2026-01"]);
    expect(reports("BCM", "C3")).toEqual(["IA-2025-01", "IA-2026-01"]);
    expect(reports("BCM", "C4")).toEqual(["IA-2025-01", "IA-2026-01"]);
  });
});
