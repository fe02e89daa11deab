/**
 * `csr customer score` (顾客计分卡; IATF 16949 9.1.2.1, 9.3.2.1; tester80 M4) on a real temporary git repository, a copy of
 * examples/acme-auto (DYA's scorecards of 2026-08 to 2026-10 recorded): the scorecard is recorded in customers/<CODE>.yaml,
 * csr show gives the customer's scorecards, csr list customers the latest, and the management review inputs those of the period.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { committedFixture, csr, csrInProcess } from "../helpers.js";

const DAY = "2026-12-07";
const run = (dir: string, ...args: string[]) => csrInProcess(["-C", dir, ...args, "--today", DAY], { lang: "zh-CN" });

describe("csr customer score", () => {
  it("records a period of the customer's scorecard, shown on the card, the customer list and the management review", async () => {
    const dir = committedFixture("examples/acme-auto");
    const done = csr(["-C", dir, "customer", "score", "dya", "--period", "2026-11", "--ppm", "12", "--delivery", "98.5%", "--grade", "A", "--rank", "3/62", "--complaints", "0", "--by", "张丽", "--date", "2026-12-04", "--record", "DYA-SC-2026-11", "--commit", "--today", DAY], { lang: "zh-CN" });
    expect([done.code, done.stderr]).toEqual([0, ""]);
    expect(done.stdout).toContain("已记录 DYA（东岳汽车股份有限公司）的顾客计分卡：2026-11：PPM 12，交付准时率 98.5%，等级 A，排名 3/62，抱怨 0 次，张丽");
    expect(readFileSync(join(dir, "customers/DYA.yaml"), "utf8").trimEnd().split("\n").at(-1)).toBe(
      "  - {period: 2026-11, ppm: 12, delivery: 98.5, grade: A, rank: 3/62, complaints: 0, date: 2026-12-04, by: zhangli, record: DYA-SC-2026-11}",
    );
    const card = (await run(dir, "show", "DYA")).stdout.split("\n");
    const at = card.findIndex((l) => l.includes("顾客计分卡"));
    expect(card.slice(at, at + 2)).toEqual(["  顾客计分卡      2026-11：PPM 12，交付准时率 98.5%，等级 A，排名 3/62，抱怨 0 次", "                  2026-10：PPM 26，交付准时率 98.4%，等级 A，排名 8/62，抱怨 0 次"]);
    const customers = JSON.parse((await run(dir, "list", "customers", "--format", "json")).stdout) as { rows: Record<string, unknown>[] };
    expect(customers.rows.map((r) => r.scorecard)).toEqual(["", "2026-11：PPM 12，交付准时率 98.5%，等级 A，排名 3/62，抱怨 0 次"]);
    const review = JSON.parse((await run(dir, "list", "management-review", "--from", "2026-11-01", "--format", "json")).stdout) as { rows: Record<string, unknown>[] };
    expect(review.rows.filter((r) => r.area === "顾客绩效").map((r) => [r.item, r.value, r.detail, r.source])).toEqual([
      ["期间登记的顾客计分卡", 2, "DYA 2026-10：PPM 26，交付准时率 98.4%，等级 A，排名 8/62，抱怨 0 次、DYA 2026-11：PPM 12，交付准时率 98.5%，等级 A，排名 3/62，抱怨 0 次", "顾客清单"],
    ]);
  });

  it("refuses a period recorded already, a bad period or figure, and no figure, on one line", async () => {
    const dir = committedFixture("examples/acme-auto");
    expect(await run(dir, "customer", "score", "DYA", "--period", "2026-10", "--ppm", "1", "--by", "zhangli")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: DYA 已有 2026-10 的顾客计分卡（2026-11-09 登记）；每期登记一次。\n提示：评价有误的，请在 customers/DYA.yaml 中更正。\n",
    });
    expect((await run(dir, "customer", "score", "DYA", "--period", "2026-13", "--ppm", "1", "--by", "zhangli")).stderr).toBe("csr: --period 2026-13：评价期应为年（2026）、半年（2026-H2）、季度（2026-Q4）或月（2026-11）。\n");
    expect((await run(dir, "customer", "score", "DYA", "--period", "2026-11", "--delivery", "101", "--by", "zhangli")).stderr).toBe("csr: --delivery 101：应为 0 到 100 之间的数。\n");
    expect((await run(dir, "customer", "score", "DYA", "--period", "2026-11", "--by", "zhangli")).stderr).toBe(
      "csr: 请至少给出一项顾客计分卡的数据：--ppm、--delivery、--grade、--rank 或 --complaints。\n提示：例如：csr customer score DYA --period 2026-11 --ppm 12 --delivery 98.5 --grade A --by <人员>\n",
    );
    expect((await run(dir, "customer", "score", "DYA", "--period", "2026-11", "--ppm", "3")).code).toBe(2);
  });

  it("refuses a --date after --today, a period beginning after --date, and says an unbounded measure's range without Infinity (review80 5, 6)", async () => {
    const dir = committedFixture("examples/acme-auto");
    expect(await run(dir, "customer", "score", "DYA", "--period", "2027-05", "--ppm", "10", "--by", "zhangli", "--date", "2027-01-01")).toEqual({ code: 2, stdout: "", stderr: "csr: --date 2027-01-01 晚于今天（2026-12-07）：已完成事项的记录不能填写将来的日期。\n" });
    expect((await run(dir, "customer", "score", "DYA", "--period", "2026-12", "--ppm", "10", "--by", "zhangli", "--date", "2026-11-30")).stderr).toBe("csr: --period 2026-12：评价期自 2026-12-01 起，晚于 --date 2026-11-30；尚未开始的期间不能评价。\n");
    expect((await run(dir, "customer", "score", "DYA", "--period", "2026-Q4", "--ppm", "abc", "--by", "zhangli")).stderr).toBe("csr: --ppm abc：应为不小于 0 的数。\n");
    expect((await csrInProcess(["-C", dir, "customer", "score", "DYA", "--period", "2026-H2", "--ppm", "-1", "--by", "zhangli", "--today", DAY], { lang: "en" })).stderr).toBe("csr: --ppm -1: must be a number not less than 0.\n");
    expect(readFileSync(join(dir, "customers/DYA.yaml"), "utf8")).not.toContain("2027-05");
  });
});
