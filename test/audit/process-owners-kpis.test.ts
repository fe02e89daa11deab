/**
 * The process map an auditor asks for first (tester82 A13): each process with its owner (IATF 16949 5.1.1.3, 5.3.1) and its
 * performance indicators (4.4.1 c, 9.1.1.1). csr check warns of a process without an owner, once per process at its code in
 * processes.yaml with the command that fixes it; csr list processes gives a KPI column from objectives.yaml. examples/acme-auto
 * names an owner for each of its 15 processes: its check has no such finding.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkJsonInProcess, copyFixture, csr, csrInProcess } from "../helpers.js";

const DAY = "2026-12-08";
const RULES = new Set(["process/owner-missing"]);

describe("process owners and KPIs (tester82 A13)", () => {
  it("the example's processes each have an owner: csr check reports none without", async () => {
    const { findings } = await checkJsonInProcess(copyFixture("examples/acme-auto"), "--today", DAY);
    expect(findings.filter((f) => RULES.has(f.rule))).toEqual([]);
  });

  it("warns of C3 without its owner, at its code, with the command that fixes it", async () => {
    const dir = copyFixture("examples/acme-auto");
    const processes = join(dir, "processes.yaml");
    writeFileSync(processes, readFileSync(processes, "utf8").replace("    owner: PRD\n    owner_person: huangjun\n    clauses:\n      - IATF16949:8.5\n", "    owner: PRD\n    clauses:\n      - IATF16949:8.5\n"));
    const run = csr(["-C", dir, "check", "--today", DAY], { lang: "zh-CN" });
    // C3's other warning, its audit frequency not reviewed after 8D-2026-001 (15a04413), is process/audit-frequency-unreviewed's.
    expect(run.stdout.split("\n").filter((l) => l.startsWith("processes.yaml:") && !l.includes(" process/audit-frequency-unreviewed "))).toEqual([
      "processes.yaml:64:11 warning process/owner-missing 过程 C3 没有过程所有者：其部门承担工作，但没有人被指定对该过程及其结果负责。请用 'csr process update C3 --owner-person <人员>' 登记最高管理者指定的过程所有者。",
    ]);
    expect(run.code).toBe(1);
  });

  it("csr list processes gives each process's owner and KPIs, in Chinese and English", async () => {
    const dir = copyFixture("examples/acme-auto");
    const rows = async (lang: "zh-CN" | "en") => {
      const run = await csrInProcess(["-C", dir, "list", "processes", "--format", "json", "--today", DAY], { lang });
      const table = JSON.parse(run.stdout) as { columns: { key: string; header: string }[]; rows: Record<string, unknown>[] };
      return { headers: table.columns.filter((c) => c.key === "owner-person" || c.key === "kpis").map((c) => c.header), c3: table.rows.find((r) => r.code === "C3")!, s2: table.rows.find((r) => r.code === "S2")! };
    };
    const zh = await rows("zh-CN");
    expect(zh.headers).toEqual(["过程所有者", "过程绩效指标"]);
    expect([zh.c3["owner-person"], zh.c3.kpis, zh.s2.kpis]).toEqual(["黄军", "OBJ-03 内部不良率", ""]);
    const en = await rows("en");
    expect(en.headers).toEqual(["Process owner", "KPIs"]);
    expect(en.c3.kpis).toBe("OBJ-03 Internal defect rate");
  });
});
