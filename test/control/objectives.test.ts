/**
 * Quality objectives as data (objectives.yaml, 质量目标; ISO 9001 6.2, 9.3.2 c 2; IATF 16949 6.2.2.1, 9.1.1.1, 9.3.2.1;
 * tester80 M3, M8): `csr objective add` numbers OBJ-NN with its level, owner, target and frequency; `csr objective measure`
 * records a period that has ended and says whether it met the target, refusing a period not over, recorded already
 * (without --amend), of another frequency, an unknown objective or person; `csr list objectives` and `csr show OBJ-…` print
 * them; the management review page gives 质量目标的实现程度; objective/unmeasured warns of a period without a value; `csr
 * process update --owner-person` names the process owner, whom csr show <code> prints with the process's KPIs. acme-auto
 * (with its example objectives.yaml) in a temporary git repository; the story's day is 2026-12-07.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtOnce, copyFixture, csr, csrInProcess, git, gitInit } from "../helpers.js";

const zh = (dir: string, ...args: string[]) => csrInProcess(["-C", dir, ...args, "--today", "2026-12-07"], { lang: null });
const refused = (stderr: string) => ({ code: 2, stdout: "", stderr });
const acme = builtOnce(() => gitInit(copyFixture("examples/acme-auto")));

describe("csr objective add, measure", () => {
  it("records an objective of a process and its values, committed (the binary)", async () => {
    const dir = gitInit(copyFixture("examples/acme-auto"));
    expect(csr(["-C", dir, "objective", "add", "供应商来料合格率", "--target", ">= 99.5", "--unit", "%", "--frequency", "monthly", "--owner", "吴艳", "--process", "c4", "--from", "2026-10-01", "--commit", "--today", "2026-12-07"], { lang: null })).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^已登记质量目标 OBJ-06：供应商来料合格率 ≥ 99\.5 %（每月统计，过程 C4，负责人 吴艳（wuyan），自 2026-10-01 起），写入 objectives\.yaml。\n已提交 [0-9a-f]{7}：质量目标 OBJ-06：供应商来料合格率\n$/),
      stderr: "",
    });
    expect(readFileSync(join(dir, "objectives.yaml"), "utf8")).toMatch(
      /      - \{period: 2026-10, value: 98, by: zhengmin\}\n  - id: OBJ-06\n    text: 供应商来料合格率\n    process: C4\n    owner: wuyan\n    unit: "%"\n    direction: ">="\n    target: 99\.5\n    frequency: monthly\n    from: 2026-10-01\n$/,
    );
    expect(await zh(dir, "objective", "measure", "obj-06", "--period", "2026-10", "--value", "99.7", "--by", "wuyan")).toEqual({ code: 0, stdout: "已登记 OBJ-06 供应商来料合格率 2026-10 的实测值 99.7 %：达成（目标 ≥ 99.5 %）。\n已写入 objectives.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n", stderr: "" });
    expect((await zh(dir, "objective", "measure", "OBJ-06", "--period", "2026-11", "--value", "99.1", "--by", "wuyan", "--note", "两批来料外观不良")).stdout).toBe(
      "已登记 OBJ-06 供应商来料合格率 2026-11 的实测值 99.1 %：未达成（目标 ≥ 99.5 %）。\n已写入 objectives.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n",
    );
    // A corrected value keeps the note unless another is given.
    expect((await zh(dir, "objective", "measure", "OBJ-06", "--period", "2026-11", "--value", "99.3", "--by", "wuyan", "--amend")).stdout).toBe(
      "已登记 OBJ-06 供应商来料合格率 2026-11 的实测值 99.3 %（原为 99.1 %）：未达成（目标 ≥ 99.5 %）。\n已写入 objectives.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n",
    );
    expect(readFileSync(join(dir, "objectives.yaml"), "utf8")).toMatch(/    from: 2026-10-01\n    measurements:\n      - \{period: 2026-10, value: 99\.7, by: wuyan\}\n      - \{period: 2026-11, value: 99\.3, by: wuyan, note: 两批来料外观不良\}\n$/);
    expect(git(dir, ["status", "--porcelain"])).toBe(" M objectives.yaml\n");
  });

  it("refuses a period not yet ended, recorded already, of another frequency or outside the objective, an unknown objective or person, a target without its direction", async () => {
    const dir = await acme();
    const before = readFileSync(join(dir, "objectives.yaml"), "utf8");
    const measure = (...args: string[]) => zh(dir, "objective", "measure", ...args);
    expect(await measure("OBJ-01", "--period", "2026-12", "--value", "20", "--by", "zhaoqiang")).toEqual(refused("csr: 统计期 2026-12 到 2026-12-31 才结束：结束后再登记实测值。\n"));
    expect(await measure("OBJ-01", "--period", "2026-10", "--value", "20", "--by", "zhaoqiang")).toEqual(
      refused("csr: OBJ-01 的统计期 2026-10 已登记实测值 26 PPM。\n提示：要更正它，请加 --amend：csr objective measure OBJ-01 --period 2026-10 --value <实测值> --by <人员> --amend\n"),
    );
    expect(await measure("OBJ-01", "--period", "2026-Q3", "--value", "20", "--by", "zhaoqiang")).toEqual(refused("csr: 统计期 2026-Q3 不是 OBJ-01 的统计期：该目标每月统计，应写成如 2026-12。\n"));
    expect(await measure("OBJ-01", "--period", "2025-10", "--value", "20", "--by", "zhaoqiang")).toEqual(refused("csr: 统计期 2025-10 不在 OBJ-01 的考核期间（2025-11-01 至 2026-10-31）内。\n"));
    expect(await measure("OBJ-01", "--period", "2026-11", "--value", "20", "--by", "zhaoqiang")).toEqual(refused("csr: 统计期 2026-11 不在 OBJ-01 的考核期间（2025-11-01 至 2026-10-31）内。\n"));
    expect(await measure("OBJ-09", "--period", "2026-11", "--value", "20", "--by", "zhaoqiang")).toEqual(refused("csr: 没有质量目标 OBJ-09（已有：OBJ-01、OBJ-02、OBJ-03、OBJ-04、OBJ-05）。是否应为 'OBJ-01'？\n"));
    expect((await measure("OBJ-01", "--period", "2026-10", "--value", "20", "--by", "nobody", "--amend")).stderr).toBe("csr: --by nobody：people.yaml 中没有 id 或姓名为此的人员（用 'csr list people' 查看人员名单）。\n");
    expect(await measure("OBJ-01", "--period", "2026-10", "--value", "很少", "--by", "zhaoqiang", "--amend")).toEqual(refused("csr: 实测值 很少 不是数值。\n"));
    const add = (...args: string[]) => zh(dir, "objective", "add", "一次交检合格率", "--unit", "%", "--frequency", "monthly", "--owner", "huangjun", ...args);
    expect(await add("--target", "98")).toEqual(refused('csr: 目标值 98 应写成 <=数值（不高于）或 >=数值（不低于），如 "<=50"、">=98"。\n'));
    expect(await add("--target", ">=98", "--process", "C3", "--department", "PRD")).toEqual(refused("csr: --process 和 --department 只能给一个：过程目标或部门目标。\n"));
    expect(await add("--target", ">=98", "--frequency", "weekly")).toMatchObject({ code: 2, stdout: "" });
    expect(readFileSync(join(dir, "objectives.yaml"), "utf8")).toBe(before);
  });
});

describe("csr list objectives, csr show OBJ-…, the management review", () => {
  it("lists the year's values with 达成/未达成 and the year's result", async () => {
    const dir = await acme();
    const listed = await zh(dir, "list", "objectives", "--format", "json");
    const rows = (JSON.parse(listed.stdout) as { rows: Record<string, unknown>[] }).rows;
    expect(rows.map((r) => [r.id, r.level, r.owner, r.target, r.rate, r.result])).toEqual([
      ["OBJ-01", "公司级", "张丽", "≤ 50 PPM", "10/10", "达成"],
      ["OBJ-02", "过程：C4 仓储、包装与交付", "吴艳", "≥ 98 %", "8/10", "未达成（2 期）"],
      ["OBJ-03", "过程：C3 生产过程控制", "黄军", "≤ 0.8 %", "10/10", "达成"],
      ["OBJ-04", "部门：品质部", "张丽", "≤ 1 次", "10/10", "达成"],
      ["OBJ-05", "部门：行政人事部", "郑敏", "≥ 95 %", "10/10", "达成"],
    ]);
    expect(String(rows[1]!.values).split("、").slice(-2)).toEqual(["2026-09 96.8 未达成", "2026-10 97.4 未达成"]);
    // As the list stood on a past day: the periods ended by then only.
    const june = JSON.parse((await csrInProcess(["-C", dir, "list", "objectives", "--today", "2026-06-15", "--format", "json"], { lang: null })).stdout) as { rows: Record<string, unknown>[] };
    expect(june.rows[0]!.rate).toBe("5/5");
  });

  it("shows an objective with every value, who measured it and its note", async () => {
    const dir = await acme();
    const shown = (await zh(dir, "show", "obj-02")).stdout.split("\n");
    expect(shown.slice(0, 9)).toEqual(["OBJ-02  交付准时率", "", "  文件            objectives.yaml", "  层级            过程：C4 仓储、包装与交付", "  负责人          吴艳", "  目标值          ≥ 98 %", "  统计频次        每月", "  考核期间        2025-11-01 至 2026-10-31", "  各期实测值      2025-11  98.6 %  达成  吴艳"]);
    expect(shown.slice(-4)).toEqual(["                  2026-09  96.8 %  未达成  吴艳  承运商变更，DYA 两批延迟交付", "                  2026-10  97.4 %  未达成  吴艳  新承运商磨合期，仍低于目标", "  检查发现        无", ""]);
  });

  it("gives the management review 质量目标的实现程度 after the customer requirements, naming the missed one", async () => {
    const dir = await acme();
    const review = JSON.parse((await zh(dir, "list", "management-review", "--format", "json")).stdout) as { rows: Record<string, unknown>[] };
    const at = review.rows.findIndex((r) => r.area === "质量目标");
    // Row 1 is the previous management review's outputs (management-reviews.yaml), then the 11 rows of the customer requirements.
    expect(review.rows[at]).toEqual({ no: 13, area: "质量目标", item: "期间质量目标的实现程度", value: "达成 4 / 未达成 1", detail: "OBJ-02 交付准时率 2026-10：97.4 %（目标 ≥ 98 %）", source: "质量目标及实现情况" });
    expect([review.rows[at - 1]!.area, review.rows[at + 1]!.area]).toEqual(["顾客特定要求", "顾客投诉和纠正措施"]);
    // A period of the year before the misses: every objective met.
    const spring = JSON.parse((await zh(dir, "list", "management-review", "--from", "2026-01-01", "--to", "2026-06-30", "--format", "json")).stdout) as { rows: Record<string, unknown>[] };
    expect(spring.rows.find((r) => r.area === "质量目标")).toMatchObject({ value: "达成 5 / 未达成 0", detail: "" });
  });
});

describe("objective/unmeasured", () => {
  it("warns of a period ended more than 15 days ago without a value, and never of acme-auto's objectives, up to mid-2027", async () => {
    const dir = copyFixture("examples/acme-auto");
    for (const today of ["2026-12-07", "2027-01-20", "2027-06-30"]) {
      const result = await csrInProcess(["-C", dir, "check", "--today", today, "--format", "json"], { lang: null });
      expect((JSON.parse(result.stdout) as { findings: { rule: string }[] }).findings.filter((f) => f.rule.startsWith("objective/"))).toEqual([]);
    }
    const text = readFileSync(join(dir, "objectives.yaml"), "utf8");
    writeFileSync(join(dir, "objectives.yaml"), text.replace("    to: 2026-10-31\n", "    to: 2026-11-30\n"));
    const late = await csrInProcess(["-C", dir, "check", "--today", "2026-12-16"], { lang: null });
    expect(late.stdout.split("\n").filter((l) => l.includes("objective/unmeasured") && l.includes("objectives.yaml:"))).toEqual([
      "objectives.yaml:5:9 warning objective/unmeasured 质量目标 OBJ-01（顾客退货 PPM）的统计期 2026-11 已结束超过 15 天，仍没有实测值。请登记各期实测值（csr objective measure OBJ-01 --period 2026-11 --value <实测值> --by <人员>）；不再考核的目标写明截止日期 to。",
    ]);
    // 15 calendar days after the period are its own.
    const inTime = await csrInProcess(["-C", dir, "check", "--today", "2026-12-15"], { lang: null });
    expect(inTime.stdout).not.toContain("objective/unmeasured");
  });
});

describe("csr process update --owner-person; csr show <process>", () => {
  it("names the process owner beside the owning department and shows the process's KPIs", async () => {
    const dir = gitInit(copyFixture("examples/acme-auto"));
    // The example names every process's owner (tester82 A13): C4's taken off first, then named again.
    expect((await zh(dir, "process", "update", "C4", "--owner-person", "")).stdout).toBe("已更新过程 C4 仓储、包装与交付：过程所有者：吴艳（wuyan）→（无）。\n已写入 processes.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n");
    expect(await zh(dir, "process", "update", "C4", "--owner-person", "吴艳")).toEqual({ code: 0, stdout: "已更新过程 C4 仓储、包装与交付：过程所有者：（无）→ 吴艳（wuyan）。\n", stderr: "" });
    expect(readFileSync(join(dir, "processes.yaml"), "utf8")).toContain("    owner: PUR\n    owner_person: wuyan\n    clauses: [IATF16949:8.5.2,");
    expect((await zh(dir, "show", "C4")).stdout.split("\n")).toEqual([
      "C4  仓储、包装与交付",
      "",
      "  文件            processes.yaml",
      "  过程类型        顾客导向过程",
      "  过程负责人      采购物流部",
      "  过程所有者      吴艳",
      "  条款            IATF16949:8.5.2、IATF16949:8.5.2.1、IATF16949:8.5.3、IATF16949:8.5.4、IATF16949:8.5.4.1",
      "  过程文件        QP-011、WI-011-01",
      "  上次内部审核    2026-10-13  IA-2026-01  赵强、李娜",
      "  过程绩效指标    OBJ-02 交付准时率 ≥ 98 %（吴艳）：2026-10 97.4 % 未达成",
      "",
    ]);
    const processes = JSON.parse((await zh(dir, "list", "processes", "--format", "json")).stdout) as { columns: { key: string; header: string }[]; rows: Record<string, unknown>[] };
    expect(processes.columns.find((c) => c.key === "owner-person")?.header).toBe("过程所有者");
    expect(processes.rows.filter((r) => r.code === "C4").map((r) => [r.code, r["owner-person"], r.kpis])).toEqual([["C4", "吴艳", "OBJ-02 交付准时率"]]);
    expect(await zh(dir, "process", "update", "C4", "--owner-person", "nobody")).toMatchObject({ code: 2, stdout: "" });
    expect((await zh(dir, "process", "update", "C4", "--owner-person", "")).stdout).toMatch(/^已更新过程 C4 仓储、包装与交付：过程所有者：吴艳（wuyan）→（无）。\n/);
    expect(readFileSync(join(dir, "processes.yaml"), "utf8")).toContain("    owner: PUR\n    clauses: [IATF16949:8.5.2,");
  });
});
