/**
 * `csr supplier rate` (供方业绩评价; IATF 16949 8.4.2.4: quality PPM, on-time delivery, customer disruptions, grade) on a real
 * temporary git repository: the rating is recorded in the supplier's record, csr list suppliers shows the latest (业绩等级),
 * and a grade at or below qms.yaml suppliers.action_grade (default C) with no open SCAR is supplier/rating-without-action's.
 */
import { describe, expect, it } from "vitest";
import { csrInProcess, gitInit, makeRepo } from "../helpers.js";
import { supplierPeople, supplierQms } from "../suppliers-fixture.js";
import { read } from "./fixture.js";

const FILES = {
  "qms.yaml": supplierQms([["CZXS", "常州橡塑材料有限公司"]]),
  "people.yaml": supplierPeople(),
  "suppliers/CZXS.yaml": ["code: CZXS", "supplies: [O型圈]", "approvals:", "  - {status: approved, date: 2026-06-01, by: chenjing}", ""].join("\n"),
};

const run = (dir: string, ...args: string[]) => csrInProcess(["-C", dir, ...args], { lang: null });
const ratingFindings = async (dir: string) =>
  (JSON.parse((await run(dir, "check", "--format", "json", "--today", "2026-12-04")).stdout) as { findings: { rule: string; file: string; line: number; message: string }[] }).findings.filter((f) => f.rule === "supplier/rating-without-action");

describe("csr supplier rate", () => {
  const dir = gitInit(makeRepo(FILES));

  it("records a rating, shows the latest in the approved supplier list, and warns of a grade C with no open SCAR", async () => {
    expect(await run(dir, "supplier", "rate", "CZXS", "--period", "2026-q3", "--ppm", "120", "--on-time", "96.5", "--disruptions", "0", "--grade", "a", "--by", "chenjing", "--date", "2026-10-08")).toEqual({
      code: 0,
      stdout: "已记录 CZXS（常州橡塑材料有限公司）的供方业绩评价：A（2026-Q3：PPM 120，准时率 96.5%，顾客干扰 0），陈静（chenjing），2026-10-08。\n已写入 suppliers/CZXS.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n",
      stderr: "",
    });
    const rated = await run(dir, "supplier", "rate", "CZXS", "--period", "2026-Q4", "--ppm", "850", "--on-time", "88", "--disruptions", "1", "--grade", "C", "--by", "chenjing", "--date", "2026-12-03", "--record", "SP-2026-Q4");
    expect(rated.stdout.split("\n").slice(0, 2)).toEqual([
      "已记录 CZXS（常州橡塑材料有限公司）的供方业绩评价：C（2026-Q4：PPM 850，准时率 88%，顾客干扰 1），陈静（chenjing），2026-12-03。",
      "注意（supplier/rating-without-action）：业绩等级 C 达到 qms.yaml 要求采取纠正措施的等级（C 及以下），而该供方没有未关闭的 SCAR；用 csr action open --supplier CZXS --title <问题> --received <日期> --owner <责任人> --due D3=<日期> 要求供方采取纠正措施。",
    ]);
    expect(read(dir, "suppliers/CZXS.yaml")).toBe(
      [
        "code: CZXS",
        "supplies: [O型圈]",
        "approvals:",
        "  - {status: approved, date: 2026-06-01, by: chenjing}",
        "ratings:",
        "  - {period: 2026-Q3, ppm: 120, on_time: 96.5, disruptions: 0, grade: A, date: 2026-10-08, by: chenjing}",
        "  - {period: 2026-Q4, ppm: 850, on_time: 88, disruptions: 1, grade: C, date: 2026-12-03, by: chenjing, record: SP-2026-Q4}",
        "",
      ].join("\n"),
    );
    expect((await run(dir, "list", "suppliers", "--today", "2026-12-04")).stdout.split("\n")[4]).toContain("C（2026-Q4：PPM 850，准时率 88%，顾客干扰 1）");
    expect((await run(dir, "show", "CZXS", "--today", "2026-11-01")).stdout).toContain("\n  业绩等级        A（2026-Q3：PPM 120，准时率 96.5%，顾客干扰 0）\n");
    expect(await ratingFindings(dir)).toEqual([
      {
        rule: "supplier/rating-without-action",
        severity: "warning",
        file: "suppliers/CZXS.yaml",
        line: 7,
        column: 69,
        docs: "https://unpkg.com/qms-csr@0.1.0/docs/rules.zh-CN.md#supplierrating-without-action",
        message:
          "供方 CZXS（常州橡塑材料有限公司）最近一次业绩评价（2026-Q4）为 C 级，达到 qms.yaml 要求采取纠正措施的等级（C 及以下），但没有未关闭的供方纠正措施（SCAR）。用 'csr action open --supplier CZXS --title <问题> --received <日期> --owner <责任人> --due D3=<日期>' 要求供方采取纠正措施；不再从其采购的，用 'csr supplier update CZXS --status suspended' 记录。",
      },
    ]);
    // A SCAR open: nothing to say.
    await run(dir, "action", "open", "--supplier", "CZXS", "--title", "来料 PPM 超标", "--received", "2026-12-03", "--owner", "chenjing", "--due", "D3=2026-12-08");
    expect(await ratingFindings(dir)).toEqual([]);
  });

  it("says nothing of a SCAR for a supplier not approved yet, as csr check says nothing (tester80 M12)", async () => {
    const pending = gitInit(makeRepo({ ...FILES, "suppliers/CZXS.yaml": ["code: CZXS", "supplies: [O型圈]", ""].join("\n") }));
    const rated = await run(pending, "supplier", "rate", "CZXS", "--period", "2026-H2", "--ppm", "850", "--grade", "C", "--by", "chenjing", "--date", "2026-12-03");
    expect(rated.code).toBe(0);
    expect(rated.stdout).not.toContain("注意");
    expect(await ratingFindings(pending)).toEqual([]);
  });

  it("refuses a period rated already, a period that is none, a percent above 100 and a missing grade", async () => {
    const by = ["--by", "chenjing", "--date", "2026-12-03"];
    expect(await run(dir, "supplier", "rate", "CZXS", "--period", "2026-Q4", "--grade", "B", ...by)).toEqual({ code: 2, stdout: "", stderr: "csr: CZXS（常州橡塑材料有限公司）已有 2026-Q4 的业绩评价（C，2026-12-03）；每期评价一次。\n提示：评价有误的，请在 suppliers/CZXS.yaml 中更正。\n" });
    expect((await run(dir, "supplier", "rate", "CZXS", "--period", "2026-Q5", "--grade", "B", ...by)).stderr).toBe("csr: --period 2026-Q5：评价期应为年（2026）、半年（2026-H2）、季度（2026-Q4）或月（2026-11）。\n");
    expect((await run(dir, "supplier", "rate", "CZXS", "--period", "2026-Q2", "--on-time", "101", "--grade", "B", ...by)).stderr).toBe("csr: --on-time 101：应为 0 到 100 之间的数。\n");
    expect((await run(dir, "supplier", "rate", "CZXS", "--period", "2026-Q2", ...by)).code).toBe(2);
    // A period not begun by --date, a --date after --today, and an unbounded measure's range said without Infinity (review80 5, 6).
    expect((await run(dir, "supplier", "rate", "CZXS", "--period", "2027-Q1", "--grade", "B", ...by)).stderr).toBe("csr: --period 2027-Q1：评价期自 2027-01-01 起，晚于 --date 2026-12-03；尚未开始的期间不能评价。\n");
    expect((await run(dir, "supplier", "rate", "CZXS", "--period", "2026-Q2", "--grade", "B", "--by", "chenjing", "--date", "2026-12-05", "--today", "2026-12-04")).stderr).toBe("csr: --date 2026-12-05 晚于今天（2026-12-04）：已完成事项的记录不能填写将来的日期。\n");
    expect((await run(dir, "supplier", "rate", "CZXS", "--period", "2026-Q2", "--ppm", "many", "--grade", "B", ...by)).stderr).toBe("csr: --ppm many：应为不小于 0 的数。\n");
  });
});
