/**
 * The yearly re-check of the customers' documents without hand-edited YAML (tester71 Q5; IATF 16949 4.3.2, 7.5.3.2.2):
 * `csr organisation update --external-check-months` sets the interval, `csr list external --due-by` is the plan with a
 * 下次核对 column, `csr source confirm` records one customer's portal check in one run and one commit, and the management
 * review counts the customer documents received in the period and those overdue for their check. On a copy of
 * examples/acme-auto: BCM-SQR V2.0 received 2025-09-08 and DYA-SC B received 2025-02-10, never checked since.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { copyFixture, csr, csrInProcess, git, gitInit } from "../helpers.js";

const DAY = "2026-12-06";

let spawned = false;
/** A copy of acme-auto with the interval set by csr, committed: the built binary the first time, then in the worker (csrInProcess). */
async function withInterval(): Promise<string> {
  const dir = gitInit(copyFixture("examples/acme-auto"));
  const run = spawned ? csrInProcess : async (...a: Parameters<typeof csr>) => csr(...a);
  spawned = true;
  const set = await run(["-C", dir, "organisation", "update", "--external-check-months", "12", "--commit"], { lang: "zh-CN" });
  expect(set.stderr).toBe("");
  expect(set.code).toBe(0);
  expect(set.stdout.split("\n")[0]).toBe("已更新组织信息：外来文件核对周期：（无）→ 12 个月。");
  return dir;
}

describe("the periodic check of external documents", () => {
  it("sets the interval with csr organisation update, refusing what is not 1 to 60 months", async () => {
    const dir = await withInterval();
    expect(readFileSync(join(dir, "qms.yaml"), "utf8")).toMatch(/document_control:\n(.*\n)*?\s+external_check_months: 12\n/);
    const zero = await csrInProcess(["-C", dir, "organisation", "update", "--external-check-months", "0"], { lang: "en" });
    expect([zero.code, zero.stdout, zero.stderr]).toEqual([2, "", "csr: --external-check-months '0' must be a whole number of months from 1 to 60.\n"]);
    const removed = await csrInProcess(["-C", dir, "organisation", "update", "--external-check-months", ""], { lang: "zh-CN" });
    expect(removed.code).toBe(0);
    expect(readFileSync(join(dir, "qms.yaml"), "utf8")).not.toContain("external_check_months");
  });

  it("lists the check plan with --due-by, its 下次核对 counted as doc/external-check-due counts it, and refuses it without an interval", async () => {
    const plain = copyFixture("examples/acme-auto");
    const refused = csr(["-C", plain, "list", "external", "--due-by", "2027-12-31", "--today", DAY], { lang: "zh-CN" });
    expect([refused.code, refused.stdout]).toEqual([2, ""]);
    expect(refused.stderr).toBe(
      "csr: list external --due-by 按外来文件的核对周期计算下次核对，但 qms.yaml 没有规定核对周期（document_control.external_check_months）。\n提示：先规定周期，例如：csr organisation update --external-check-months 12\n",
    );
    const dir = await withInterval();
    const plan = await csrInProcess(["-C", dir, "list", "external", "--due-by", "2026-12-31", "--today", DAY, "--format", "csv"], { lang: "zh-CN" });
    expect(plan.code, plan.stderr).toBe(0);
    const lines = plan.stdout.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]!.split(",").at(-1)).toBe("下次核对");
    expect(lines.slice(1).map((line) => [line.split(",")[2], line.split(",").at(-1)])).toEqual([
      ["BCM-SQR", "2026-09-08"],
      ["DYA-SC", "2026-02-10"],
    ]);
    const english = await csrInProcess(["-C", dir, "list", "external", "--due-by", "2027-12-31", "--today", DAY], { lang: "en" });
    expect(english.stdout.split("\n")[0]).toBe("External document check plan (due by 2027-12-31, 6 in total)");
  });

  it("records the check of all of one customer's documents, or of several, in one commit", async () => {
    const dir = await withInterval();
    const before = git(dir, ["rev-list", "--count", "HEAD"]).trim();
    const bcm = csr(["-C", dir, "source", "confirm", "--customer", "BCM", "--by", "chenjing", "--date", "2026-11-20", "--via", "北辰供应商门户", "--commit"], { lang: "zh-CN" });
    expect(bcm.code, bcm.stderr).toBe(0);
    expect(bcm.stdout.split("\n").slice(0, 4)).toEqual([
      "已记录：BCM-SQR《北辰汽车供应商质量要求》的 V2.0 版经 陈静（chenjing）于 2026-11-20 核对（北辰供应商门户），仍为现行版本。",
      "已记录：BCM-PKG《北辰汽车零部件包装与标识要求》的 A 版经 陈静（chenjing）于 2026-11-20 核对（北辰供应商门户），仍为现行版本。",
      "已记录：BCM-SPA《北辰汽车特殊过程评估要求》的 1.0 版经 陈静（chenjing）于 2026-11-20 核对（北辰供应商门户），仍为现行版本。",
      "下次核对：2027-11-20 前（qms.yaml 规定每 12 个月核对一次）。",
    ]);
    expect(Number(git(dir, ["rev-list", "--count", "HEAD"]).trim())).toBe(Number(before) + 1);
    expect(git(dir, ["log", "-1", "--format=%s"]).trim()).toBe("csr source confirm：核对 3 份外来文件仍为现行版本（BCM-SQR、BCM-PKG、BCM-SPA）");
    const two = await csrInProcess(["-C", dir, "source", "confirm", "DYA-SQM", "DYA-SC", "--by", "chenjing", "--date", "2026-11-20", "--commit"], { lang: "en" });
    expect(two.code, two.stderr).toBe(0);
    expect(git(dir, ["log", "-1", "--format=%s"]).trim()).toBe("csr source confirm: 2 external documents checked still current (DYA-SQM, DYA-SC)");
    const twice = await csrInProcess(["-C", dir, "source", "confirm", "DYA-SC", "DYA-SC", "--by", "chenjing"], { lang: "zh-CN" });
    expect([twice.code, twice.stderr]).toEqual([2, "csr: DYA-SC 给了两次。\n"]);
    const none = await csrInProcess(["-C", dir, "source", "confirm", "--by", "chenjing"], { lang: "zh-CN" });
    expect(none.code).toBe(2);
    expect(none.stderr.split("\n")[0]).toBe("csr: 请给出要核对的文件编号，或用 --customer 核对一个顾客的全部来源文件。");
    // Nothing is overdue any more: the check is a plan for next year.
    const check = await csrInProcess(["-C", dir, "check", "--today", DAY, "--format", "json"]);
    expect(check.stdout).not.toContain("doc/external-check-due");
  });

  it("gives the management review the customer documents received in the period and those overdue for their check", async () => {
    const rows = async (dir: string, lang: "zh-CN" | "en") => {
      const result = await csrInProcess(["-C", dir, "list", "management-review", "--today", DAY, "--format", "json"], { lang });
      expect(result.code, result.stderr).toBe(0);
      return new Map((JSON.parse(result.stdout) as { rows: { item: string; value: string | number; detail: string }[] }).rows.map((r) => [r.item, r]));
    };
    const dir = await withInterval();
    const zh = await rows(dir, "zh-CN");
    expect(zh.get("期间接收的顾客文件及新版本")).toEqual(expect.objectContaining({ value: 4, detail: "BCM-PKG A 版、BCM-SPA 1.0 版、DYA-SQM D 版、DYA-KPI 2027版" }));
    expect(zh.get("2026-12-06 到期未核对的外来文件")).toEqual(expect.objectContaining({ value: 2, detail: "BCM-SQR（应于 2026-09-08 前核对）、DYA-SC（应于 2026-02-10 前核对）" }));
    expect((await rows(dir, "en")).get("External documents overdue for their check on 2026-12-06")?.detail).toBe("BCM-SQR (check due by 2026-09-08), DYA-SC (check due by 2026-02-10)");
    // Without an interval no check is due: "—" with the reason, not a 0 that reads "checked, none".
    expect((await rows(copyFixture("examples/acme-auto"), "zh-CN")).get("2026-12-06 到期未核对的外来文件")).toEqual(
      expect.objectContaining({ value: "—", detail: "qms.yaml 未规定外来文件核对周期，无从判断（csr organisation update --external-check-months 12）" }),
    );
  });
});
