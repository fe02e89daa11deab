/**
 * `csr customer score` (顾客计分卡; IATF 16949 9.1.2.1, 9.3.2.1; tester80 M4) on a real temporary git repository, a copy of
 * examples/acme-auto (DYA's scorecards of 2026-08 to 2026-10 recorded): the scorecard is recorded in customers/<CODE>.yaml,
 * csr show gives the customer's scorecards, csr list customers the latest, and the management review inputs those of the period.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkJsonInProcess, committedFixture, csr, csrInProcess } from "../helpers.js";

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

describe("customer targets, action plans and special status (IATF 16949 9.1.2.1, 9.3.3.1; tester82 A16)", () => {
  it("marks a scorecard below the customer's targets, warns until an action plan is linked, and shows the plan on the card, the list and the management review", async () => {
    const dir = committedFixture("examples/acme-auto");
    expect((await run(dir, "customer", "update", "DYA", "--target-ppm", "30", "--target-delivery", "98%")).stdout.split("\n").slice(0, 2)).toEqual([
      "已修改顾客 DYA 东岳汽车股份有限公司（customers/DYA.yaml）：",
      "  顾客目标：PPM ≤ 30，交付准时率 ≥ 98%（原为 无）",
    ]);
    expect(readFileSync(join(dir, "customers/DYA.yaml"), "utf8")).toContain("\ntargets: {ppm: 30, delivery: 98}\nscorecards:\n");
    const findings = async () => (await checkJsonInProcess(dir, "--today", DAY)).findings.filter((f) => f.rule.startsWith("customer/")).map((f) => [f.rule, f.file, f.line, f.message]);
    expect(await findings()).toEqual([
      [
        "customer/target-missed",
        "customers/DYA.yaml",
        55,
        "Customer DYA's scorecard of 2026-09 is below its targets (PPM 41 > 30, delivery 97.2% < 98%) and names no action plan (IATF 16949 9.3.3.1). Open the action plan ('csr action open --customer DYA …' or a management review output) and link it with 'csr customer score DYA --period 2026-09 --action-plan <id>'.",
      ],
    ]);
    expect(await run(dir, "customer", "score", "DYA", "--period", "2026-09", "--action-plan", "8D-2026-01")).toEqual({ code: 2, stdout: "", stderr: "csr: --action-plan：没有纠正措施或管理评审输出 '8D-2026-01'。是否应为 '8D-2026-001'？\n" });
    expect((await run(dir, "customer", "score", "DYA", "--period", "2026-09", "--action-plan", "8D-2026-001")).stdout.split("\n")[0]).toBe("已把措施计划 8D-2026-001 关联到顾客 DYA 的 2026-09 计分卡。");
    expect(await findings()).toEqual([]);
    const card = (await run(dir, "show", "DYA")).stdout.split("\n");
    expect(card.filter((l) => /顾客目标|2026-09：/.test(l))).toEqual([
      "  顾客目标        PPM ≤ 30，交付准时率 ≥ 98%",
      "                  2026-09：PPM 41，交付准时率 97.2%，等级 B，排名 14/62，抱怨 1 次；未达目标：PPM 41 > 30，交付准时率 97.2% < 98%，措施计划 8D-2026-001",
    ]);
    const review = JSON.parse((await run(dir, "list", "management-review", "--from", "2026-10-01", "--to", "2026-10-31", "--format", "json")).stdout) as { rows: Record<string, unknown>[] };
    expect(review.rows.filter((r) => r.area === "顾客绩效").map((r) => r.detail)).toEqual(["DYA 2026-09：PPM 41，交付准时率 97.2%，等级 B，排名 14/62，抱怨 1 次；未达目标：PPM 41 > 30，交付准时率 97.2% < 98%，措施计划 8D-2026-001"]);
  });

  it("records a special status, reminds to inform the certification body until it is recorded, and its lifting", async () => {
    const dir = committedFixture("examples/acme-auto");
    const recorded = csr(["-C", dir, "customer", "special-status", "DYA", "--status", "controlled-shipping-1", "--from", "2026-12-01", "--note", "连续两批尺寸超差", "--record", "DYA-CS-2026-07", "--today", DAY], { lang: "zh-CN" });
    expect(recorded).toEqual({
      code: 0,
      stdout: [
        "已记录顾客 DYA（东岳汽车股份有限公司）施加的特殊状态：受控发运一级（CS1）：连续两批尺寸超差（自 2026-12-01，尚未通知认证机构）。",
        "请通知认证机构（IATF 认可规则），并用 'csr customer special-status DYA --status controlled-shipping-1 --cb-notified <日期>' 记录。",
        "已写入 customers/DYA.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。",
        "",
      ].join("\n"),
      stderr: "",
    });
    const warnings = async () => (await checkJsonInProcess(dir, "--today", DAY)).findings.filter((f) => f.rule === "customer/special-status-unreported").map((f) => `${f.file}:${f.line}:${f.column}`);
    expect(await warnings()).toEqual(["customers/DYA.yaml:57:14"]);
    expect(await run(dir, "customer", "special-status", "DYA", "--status", "controlled-shipping-1", "--from", "2026-12-03")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: 顾客 DYA 的受控发运一级（CS1）自 2026-12-01 起仍在实施；解除用 --until <日期>，通知认证机构用 --cb-notified <日期>。\n",
    });
    expect(await run(dir, "customer", "special-status", "DYA", "--status", "controlled-shipping-1", "--cb-notified", "2026-11-30")).toEqual({ code: 2, stdout: "", stderr: "csr: --cb-notified 2026-11-30 早于该特殊状态的生效日期 2026-12-01。\n" });
    expect((await run(dir, "customer", "special-status", "DYA", "--status", "controlled-shipping-1", "--cb-notified", "2026-12-04")).stdout.split("\n")[0]).toBe("已记录：顾客 DYA 的受控发运一级（CS1）已于 2026-12-04 通知认证机构。");
    expect(await warnings()).toEqual([]);
    const list = JSON.parse((await run(dir, "list", "customers", "--format", "json")).stdout) as { columns: { key: string; header: string }[]; rows: Record<string, unknown>[] };
    expect(list.columns.at(-1)).toMatchObject({ key: "special", header: "特殊状态" });
    expect(list.rows.map((r) => r.special)).toEqual(["", "受控发运一级（CS1）：连续两批尺寸超差（自 2026-12-01，2026-12-04 已通知认证机构）"]);
    expect((await run(dir, "customer", "special-status", "DYA", "--status", "controlled-shipping-1", "--until", "2026-12-06")).stdout.split("\n")[0]).toBe("已记录：顾客 DYA 的受控发运一级（CS1）于 2026-12-06 解除。");
    expect(readFileSync(join(dir, "customers/DYA.yaml"), "utf8").trimEnd().split("\n").slice(-2)).toEqual([
      "special_status:",
      "  - {status: controlled-shipping-1, from: 2026-12-01, note: 连续两批尺寸超差, record: DYA-CS-2026-07, cb_notified: 2026-12-04, until: 2026-12-06}",
    ]);
    expect((await run(dir, "show", "DYA")).stdout).toContain("\n  特殊状态        受控发运一级（CS1）：连续两批尺寸超差（自 2026-12-01，2026-12-04 已通知认证机构），2026-12-06 已解除\n");
    // Lifted: the list has no special status in force, and no column for it.
    expect((JSON.parse((await run(dir, "list", "customers", "--format", "json")).stdout) as { columns: { key: string }[] }).columns.map((c) => c.key)).not.toContain("special");
    expect(await run(dir, "customer", "special-status", "DYA", "--status", "controlled-shipping-1", "--until", "2026-12-07")).toEqual({ code: 2, stdout: "", stderr: "csr: 顾客 DYA 没有仍在实施的受控发运一级（CS1）；新的特殊状态用 --from <日期> 记录。\n" });
  });
});
