/**
 * An audit led from the audited process's own department does not count (tester78 A8; IATF 16949 / ISO 9001 9.2.2 c, ISO 19011
 * 5.5.4, 6.4.10): on a copy of examples/acme-auto in a real git repository, with a 12-month interval, C1 (owned by 市场部) is
 * audited on 2026-12-01 led by 李娜 of 市场部 (not counted, marked 本部门 / 审核本部门, no next due day) and on 2026-12-03 led by
 * 张丽 of 质量部 with 李娜 in the team (counts: the leader is independent; 李娜 is still warned of and marked). With
 * process/auditor-impartiality off in qms.yaml the first counts too.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtOnce, copyFixture, csr, csrInProcess, gitInit } from "../helpers.js";

const TODAY = ["--today", "2026-12-04"];
const run = (dir: string, ...args: string[]) => csrInProcess(["-C", dir, ...args], { lang: null });

const acme = builtOnce(async () => {
  const dir = gitInit(copyFixture("examples/acme-auto"));
  const interval = await run(dir, "process", "update", "C1", "--audit-months", "12", "-y", "--commit", ...TODAY);
  if (interval.code !== 0) throw new Error(interval.stderr);
  return dir;
});

/** A register's rows and notes (--format json). */
async function register(dir: string, ...args: string[]): Promise<{ rows: Record<string, unknown>[]; notes: string[] }> {
  const result = await run(dir, "list", ...args, ...TODAY, "--format", "json");
  // stderr carries the register's hints (the whole register, setting an interval).
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as { rows: Record<string, unknown>[]; notes: string[] };
}

describe("an internal audit led from the process's own department (tester78 A8)", () => {
  it("is recorded with the warning but does not count: no next due day, marked in csr list audits, the programme and csr show; led by an independent auditor it counts", async () => {
    const dir = await acme();
    const own = csr(["-C", dir, "process", "audited", "C1", "--date", "2026-12-01", "--by", "lina,zhangli", "--report", "IA-2026-09", "--nonconformities", "0", ...TODAY], { lang: null });
    expect([own.code, own.stderr]).toEqual([0, ""]);
    expect(own.stdout.split("\n").slice(1, 3)).toEqual([
      "此次审核不计入审核间隔和条款审核覆盖：审核组长李娜（lina）属于受审核过程的负责部门市场部，审核本部门的工作不是客观公正的审核。请由其他部门的审核员任组长重新审核该过程（交叉审核）；本部门人员只作组员、由独立的审核员任组长的审核可以计入。",
      "注意：李娜（lina）属于过程 C1 市场开发与顾客要求评审 的负责部门市场部，审核本部门的工作不是客观公正的内部审核（process/auditor-impartiality）。下次请由其他部门的审核员审核该过程。",
    ]);
    expect(own.stdout).not.toContain("下次审核应在");
    const led = await run(dir, "process", "audited", "C1", "--date", "2026-12-03", "--by", "zhangli,lina", "--report", "IA-2026-11", "--nonconformities", "0", ...TODAY);
    expect(led.stdout.split("\n").slice(1, 3)).toEqual([
      "下次审核应在 2027-12-03 前（内审间隔 12 个月）。",
      "注意：李娜（lina）属于过程 C1 市场开发与顾客要求评审 的负责部门市场部，审核本部门的工作不是客观公正的内部审核（process/auditor-impartiality）。下次请由其他部门的审核员审核该过程。",
    ]);
    const audits = await register(dir, "audits", "--from", "2026-12-01", "--to", "2026-12-04");
    expect(audits.rows.map((r) => [r.report, r.auditors])).toEqual([
      ["IA-2026-09", "李娜（组长，本部门）、张丽"],
      ["IA-2026-11", "张丽（组长）、李娜（本部门）"],
    ]);
    expect(audits.notes.filter((n) => n.startsWith("共") || n.startsWith("审核员标"))).toEqual([
      "共 2 次审核，其中 1 次组长审核本部门、不计；计入的审核了 1 个过程（共 15 个），开出不符合项 0 项；不计的审核另开出 0 项。",
      "审核员标“本部门”的，属于受审核过程的负责部门（people.yaml 的 department 与 processes.yaml 的 owner 相同），审核的是本部门的工作。组长属于该部门的审核不是客观公正的审核（审核方案中标“审核本部门”）：照常记录，但不计入条款审核覆盖和审核间隔；由其他部门的审核员任组长、本部门人员只作组员的审核照常计入。csr check 的 process/auditor-impartiality 逐个列出。",
    ]);
    const programme = await register(dir, "audit-programme");
    expect(programme.rows.filter((r) => r.code === "C1").map((r) => [r.y2026, r.last, r.due])).toEqual([["10-12 IA-2026-01、12-01 IA-2026-09（审核本部门）、12-03 IA-2026-11", "2026-12-03", "2027-12-03"]]);
    const shown = await run(dir, "show", "IA-2026-09", ...TODAY);
    expect(shown.stdout.split("\n").filter((l) => l.includes("李娜") || l.includes("不计入"))).toEqual([
      "  审核组          李娜（组长，本部门）、张丽",
      "                  不计入审核方案：组长属于受审核过程的负责部门，审核本部门的工作",
    ]);
  });

  it("leaves the due day where the last audit that counts put it, says why in csr list processes and the management review, and counts it once the rule is off", async () => {
    const dir = gitInit(copyFixture("examples/acme-auto"));
    for (const args of [
      ["process", "update", "C1", "--audit-months", "12", "-y", "--commit"],
      ["process", "audited", "C1", "--date", "2026-12-01", "--by", "lina", "--report", "IA-2026-09", "--nonconformities", "1", "-y", "--commit"],
    ]) {
      const result = await run(dir, ...args, ...TODAY);
      if (result.code !== 0) throw new Error(result.stderr);
    }
    const processes = await register(dir, "processes");
    // IA-2026-01 of 2026-10-12 (by 赵强 of 质量部) is the last that counts: due 2027-10-12.
    expect(processes.rows.filter((r) => r.code === "C1").map((r) => r.status)).toEqual(["还有 312 天；2026-12-01 的审核（IA-2026-09）组长审核本部门，不计"]);
    const review = await register(dir, "management-review", "--from", "2026-12-01", "--to", "2026-12-04");
    expect(review.rows.filter((r) => r.area === "内部审核" && (r.item as string).startsWith("期间")).slice(0, 2).map((r) => [r.value, r.detail])).toEqual([
      [0, "另有 1 次组长审核本部门，不计：C1 1 次"],
      [0, "另有 1 项出自组长审核本部门、不计的审核：C1 1 项"],
    ]);
    writeFileSync(join(dir, "qms.yaml"), `${readFileSync(join(dir, "qms.yaml"), "utf8")}rules:\n  process/auditor-impartiality: off\n`);
    const off = await register(dir, "audits", "--from", "2026-12-01", "--to", "2026-12-04");
    expect([off.rows.map((r) => r.auditors), off.notes.filter((n) => n.startsWith("共"))]).toEqual([["李娜"], ["共 1 次审核，审核了 1 个过程（共 15 个），开出不符合项 1 项。"]]);
  });
});
