/**
 * A quality problem's details after it was opened, its cost of poor quality and product safety (zero80, tester80 M7):
 * csr action update records the grade, batches, serial numbers and the day the 军代表 was notified (GJB 9001C 8.7, 10.2)
 * and the safety flag (IATF 16949 4.4.1.2) on a record opened without them, printing each change as old → new; csr action
 * cost adds the costs of scrap, rework, sorting, a customer's charge, warranty (IATF 16949 9.3.2.1: the cost of internal and
 * external nonconformance); csr show, the register and the management review print them. The built binary and csr in the
 * test's process on copies of examples/gjb-demo and examples/acme-auto in real git repositories.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { builtOnce, committedFixture, csr, csrInProcess, git, tempDir } from "../helpers.js";

const run = (dir: string, ...args: string[]) => csrInProcess(["-C", dir, ...args], { lang: "zh-CN" });
const result = (r: { code: number; stdout: string; stderr: string }) => [r.code, r.stdout, r.stderr];

/** gjb-demo with NES's complaint opened on 2026-11-02 without a grade, committed. */
const opened = builtOnce(async () => {
  const dir = committedFixture("examples/gjb-demo");
  const open = await run(dir, "--today", "2026-11-02", "action", "open", "--title", "电源模块输出纹波超差", "--customer", "NES", "--received", "2026-11-02", "--owner", "chenhw", "--batch", "2026-10-B03", "--commit");
  if (open.code !== 0) throw new Error(open.stderr);
  return dir;
});

describe("csr action update", () => {
  it("records the grade, batches, serials and the notified day of an open record, each as old → new, and reminds of the 军代表", async () => {
    const dir = await opened();
    const graded = csr(["-C", dir, "--today", "2026-11-10", "action", "update", "8D-2026-001", "--problem-grade", "严重", "--batch", "2026-10-B04", "--serial", "0031~0040", "--commit"], { lang: "zh-CN" });
    expect([graded.code, graded.stderr]).toEqual([0, ""]);
    expect(graded.stdout.split("\n").slice(0, 5)).toEqual([
      "已修改 8D-2026-001（actions/8D-2026-001.yaml）：",
      "  质量问题等级：无 → 严重质量问题",
      "  批次：2026-10-B03 → 2026-10-B03、2026-10-B04",
      "  产品编号：无 → 0031~0040",
      "注意：8D-2026-001 为严重质量问题，尚未记录通报军代表的日期（action/problem-unnotified）；通报后用 csr action update 8D-2026-001 --notified <日期> 记录。",
    ]);
    expect(git(dir, ["log", "-1", "--format=%s"]).trim()).toBe("纠正措施 8D-2026-001：质量问题等级 无 → 严重质量问题；批次 2026-10-B03 → 2026-10-B03、2026-10-B04；产品编号 无 → 0031~0040");
    const notified = await run(dir, "--today", "2026-11-12", "action", "update", "8D-2026-001", "--problem-grade", "major", "--notified", "2026-11-12", "--remove-batch", "2026-10-B03", "--safety");
    expect(result(notified)).toEqual([
      0,
      "已修改 8D-2026-001（actions/8D-2026-001.yaml）：\n  质量问题等级：严重质量问题 → 重大质量问题\n  产品安全：不涉及 → 涉及\n  批次：2026-10-B03、2026-10-B04 → 2026-10-B04\n  通报军代表：无 → 2026-11-12\n已写入 actions/8D-2026-001.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n",
      "",
    ]);
    expect(readFileSync(join(dir, "actions", "8D-2026-001.yaml"), "utf8").split("\n").slice(3, 12)).toEqual([
      "customer: NES",
      "problem_grade: major",
      "safety: true",
      "batches:",
      "  - 2026-10-B04",
      "serials:",
      "  - 0031~0040",
      "received: 2026-11-02",
      "notified: 2026-11-12",
    ]);
    const same = await run(dir, "--today", "2026-11-12", "action", "update", "8D-2026-001", "--problem-grade", "重大", "--batch", "2026-10-B04");
    expect(result(same)).toEqual([0, "8D-2026-001 已是如此，未改动。\n", ""]);
  });

  it("csr action open --safety writes safety: true where the record's keys put it, and says so", async () => {
    const dir = committedFixture("examples/acme-auto");
    const open = await run(dir, "--today", "2026-11-02", "action", "open", "--source", "internal", "--process", "C3", "--title", "卡箍漏装", "--product", "BX-D1", "--received", "2026-11-02", "--owner", "huangjun", "--safety");
    expect([open.code, open.stderr, open.stdout.split("\n")[1]]).toEqual([0, "", "已标记为涉及产品安全：纠正措施台账标出，管理评审列出。"]);
    expect(readFileSync(join(dir, "actions", "NC-2026-001.yaml"), "utf8").split("\n").slice(3, 6)).toEqual(["product: BX-D1", "safety: true", "process: C3"]);
  });

  it("refuses nothing to change, an unknown grade, a day after today or before receipt, a number not recorded, in one line, writing nothing", async () => {
    const dir = await opened();
    const refusals = await Promise.all([
      run(dir, "action", "update", "8D-2026-001"),
      run(dir, "action", "update", "8D-2026-001", "--problem-grade", "critical"),
      run(dir, "--today", "2026-11-10", "action", "update", "8D-2026-001", "--notified", "2026-11-11"),
      run(dir, "--today", "2026-11-10", "action", "update", "8D-2026-001", "--notified", "2026-11-01"),
      run(dir, "action", "update", "8D-2026-001", "--remove-serial", "0031"),
    ]);
    expect(refusals.map((r) => [r.code, r.stdout, r.stderr.split("\n")[0]])).toEqual([
      [2, "", "csr: 8D-2026-001：没有给出要修改的内容。"],
      [2, "", expect.stringMatching(/^csr: .*--problem-grade.*critical/)],
      [2, "", expect.stringMatching(/^csr: --notified 2026-11-11 /)],
      [2, "", "csr: --notified 2026-11-01 早于问题提出日期 2026-11-02：通报军代表不会早于发现问题。"],
      [2, "", "csr: 8D-2026-001 没有记录 0031，--remove-serial 无从去掉；已记录：无。"],
    ]);
    expect(git(dir, ["status", "--porcelain"])).toBe("");
  });

  it("changes a closed record only with --amend, and says it corrects a closed record", async () => {
    const dir = committedFixture("examples/acme-auto");
    const refused = await run(dir, "action", "update", "8D-2026-001", "--no-safety");
    expect(result(refused)).toEqual([2, "", "csr: 纠正措施 8D-2026-001 已于 2026-04-20 关闭：更正已关闭的记录须加 --amend。\n提示：加 --amend 更正；git 保留原文件，提交说明写明改了什么。\n"]);
    const amended = await run(dir, "action", "update", "8D-2026-001", "--no-safety", "--amend");
    expect(amended.stdout.split("\n").slice(0, 2)).toEqual(["已更正 8D-2026-001（已于 2026-04-20 关闭；actions/8D-2026-001.yaml）：", "  产品安全：涉及 → 不涉及"]);
    expect(readFileSync(join(dir, "actions", "8D-2026-001.yaml"), "utf8")).not.toContain("safety");
  });
});

describe("csr action cost", () => {
  it("adds one entry per kind, prints the record's total by internal and external failure, and refuses the same entry twice", async () => {
    const dir = committedFixture("examples/acme-auto");
    const added = csr(["-C", dir, "--today", "2026-06-15", "action", "cost", "8D-2026-001", "--warranty", "8,000", "--rework", "1200.5", "--date", "2026-06-15", "--note", "东岳保修单 W-0612", "--commit"], { lang: "zh-CN" });
    expect([added.code, added.stderr]).toEqual([0, ""]);
    expect(added.stdout.split("\n").slice(0, 2)).toEqual([
      "已记录 8D-2026-001 的不良质量成本（2026-06-15）：返工返修 1,200.50 元、保修 8,000 元，本次合计 9,200.50 元（actions/8D-2026-001.yaml）",
      "8D-2026-001 累计不良质量成本 44,700.50 元：内部失效 16,700.50 元，外部失效 28,000 元。",
    ]);
    expect(readFileSync(join(dir, "actions", "8D-2026-001.yaml"), "utf8").split("\n").slice(-3)).toEqual([
      "  - {kind: rework, amount: 1200.5, date: 2026-06-15, note: 东岳保修单 W-0612}",
      "  - {kind: warranty, amount: 8000, date: 2026-06-15, note: 东岳保修单 W-0612}",
      "",
    ]);
    expect(git(dir, ["log", "-1", "--format=%s"]).trim()).toBe("纠正措施 8D-2026-001：不良质量成本 返工返修 1,200.50 元、保修 8,000 元（2026-06-15）");
    const twice = await run(dir, "--today", "2026-06-15", "action", "cost", "8D-2026-001", "--warranty", "8000", "--note", "东岳保修单 W-0612");
    const refusal = "csr: 8D-2026-001 已记录 2026-06-15 的保修 8,000 元：同一命令运行两次会重复计入。\n提示：如确是同一天另一笔相同金额的费用，用 --note 写明其区别（如其单号）。\n";
    expect(result(twice)).toEqual([2, "", refusal]);
    // Without a note, an entry of the kind, amount and day recorded with one is the same entry again (review81 #5); another note is another charge.
    expect(result(await run(dir, "--today", "2026-06-15", "action", "cost", "8D-2026-001", "--warranty", "8000"))).toEqual([2, "", refusal]);
    expect((await run(dir, "--today", "2026-06-15", "action", "cost", "8D-2026-001", "--warranty", "8000", "--note", "东岳保修单 W-0613")).code).toBe(0);
    const other = await run(dir, "--today", "2026-06-16", "action", "cost", "8D-2026-001", "--other", "800", "--note", "加急运费");
    expect(other.stdout.split("\n")[1]).toBe("8D-2026-001 累计不良质量成本 53,500.50 元：内部失效 16,700.50 元，外部失效 36,000 元，其他 800 元。");
  });

  it("refuses no amount, an amount that is not a sum of 元, --other without a note and a day before receipt", async () => {
    const dir = committedFixture("examples/acme-auto");
    const refusals = await Promise.all([
      run(dir, "action", "cost", "8D-2026-001"),
      run(dir, "action", "cost", "8D-2026-001", "--scrap", "-5"),
      run(dir, "action", "cost", "8D-2026-001", "--scrap", "12.345"),
      run(dir, "action", "cost", "8D-2026-001", "--other", "100"),
      run(dir, "action", "cost", "8D-2026-001", "--scrap", "100", "--date", "2026-03-31"),
    ]);
    expect(refusals.map((r) => [r.code, r.stdout, r.stderr.split("\n")[0]])).toEqual([
      [2, "", "csr: 请给出至少一项金额：--scrap、--rework、--sorting、--customer-charge、--warranty、--other。"],
      [2, "", "csr: --scrap -5：金额按元填写，为不小于 0 的数，最多两位小数，如 12000 或 3500.50。"],
      [2, "", "csr: --scrap 12.345：金额按元填写，为不小于 0 的数，最多两位小数，如 12000 或 3500.50。"],
      [2, "", "csr: --other 须用 --note 说明是什么费用。"],
      [2, "", expect.stringMatching(/^csr: --date 2026-03-31 /)],
    ]);
    expect(git(dir, ["status", "--porcelain"])).toBe("");
  });
});

describe("cost of poor quality and product safety in csr show, the register and the management review", () => {
  const acme = builtOnce(() => committedFixture("examples/acme-auto"));

  it("csr show prints the safety flag and each cost with the total", async () => {
    const shown = (await run(await acme(), "show", "8D-2026-001", "--today", "2026-11-27")).stdout.split("\n");
    expect(shown.filter((l) => /产品安全|不良质量成本|^ {18}(2026-04|合计)/.test(l))).toEqual([
      "  产品安全        涉及",
      "  不良质量成本    2026-04-02 报废 12,000 元（隔离的超差品18件报废）",
      "                  2026-04-02 挑选 3,500 元（在制品、成品库及东岳在途1,240件100%复测）",
      "                  2026-04-20 顾客索赔 20,000 元（东岳索赔单 DY-2026-118）",
      "                  合计 35,500 元（内部 15,500 元，外部 20,000 元）",
    ]);
    // As of a day before the charge: the costs recorded by then.
    const before = (await run(await acme(), "show", "8D-2026-001", "--today", "2026-04-10")).stdout;
    expect(before).toContain("合计 15,500 元（内部 15,500 元，外部 0 元）");
  });

  it("the register has the 产品安全 mark and the total cost in 元, a number in CSV", async () => {
    const csv = (await run(await acme(), "list", "actions", "--today", "2026-11-27", "--format", "csv")).stdout.replace(/^\uFEFF/, "").split("\r\n");
    const head = csv[0]!.split(",");
    const row = csv[1]!.match(/("[^"]*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, ""));
    expect([head.indexOf("产品安全"), head.indexOf("不良质量成本(元)")].map((i) => row[i])).toEqual(["是", "35500"]);
  });

  it("prints a sum of 元 35,500 on a terminal, in Markdown and HTML, writes it 35500 in CSV and a number formatted #,##0 in a workbook (rec82)", async () => {
    const dir = await acme();
    const list = (what: string, ...args: string[]) => run(dir, "list", what, "--today", "2026-12-05", ...args);
    expect((await list("actions", "--format", "md")).stdout).toMatch(/\| HH-F-052 A\/2 \| 1 \| 35,500 \| 2026-04-20 \|/);
    expect((await list("actions", "--format", "html")).stdout).toContain(">35,500<");
    expect((await list("management-review")).stdout).toMatch(/期间不良质量成本（元，IATF 16949 9\.3\.2\.1） +35,500 +内部失效 15,500 元/);
    expect((await list("management-review", "--format", "md")).stdout).toContain("| 期间不良质量成本（元，IATF 16949 9.3.2.1） | 35,500 | 内部失效 15,500 元");
    // A spreadsheet opening the CSV sums the cell: a number, not the text ="35,500".
    expect((await list("management-review", "--format", "csv")).stdout).toContain(",期间不良质量成本（元，IATF 16949 9.3.2.1）,35500,");
    const out = join(tempDir(), "registers.xlsx");
    expect((await list("management-review", "--format", "xlsx", "--out", out)).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.worksheets[0]!;
    const cost = sheet.getColumn(4).values.findIndex((v) => v === 35500);
    expect([sheet.getCell(cost, 3).value, sheet.getCell(cost, 4).value, sheet.getCell(cost, 4).numFmt]).toEqual(["期间不良质量成本（元，IATF 16949 9.3.2.1）", 35500, "#,##0"]);
    // A count in the same column stays a number without a format of its own.
    expect([sheet.getCell(cost + 1, 4).value, sheet.getCell(cost + 1, 4).numFmt]).toEqual([1, "#,##0"]);
  });

  it("the management review gives the period's cost by internal and external failure, the largest, and the safety problems", async () => {
    const dir = await acme();
    const review = JSON.parse((await csrInProcess(["-C", dir, "list", "management-review", "--today", "2026-12-05", "--format", "json"], { lang: "zh-CN" })).stdout) as { rows: Record<string, unknown>[] };
    expect(review.rows.filter((r) => r.area === "不良质量成本和产品安全").map(({ item, value, detail, source }) => ({ item, value, detail, source }))).toEqual([
      { item: "期间不良质量成本（元，IATF 16949 9.3.2.1）", value: 35500, detail: "内部失效 15,500 元（报废 12,000、挑选 3,500）；外部失效 20,000 元（顾客索赔 20,000）；最大：8D-2026-001 35,500 元", source: "纠正措施台账" },
      { item: "涉及产品安全的问题（期间提出或期末未关闭）", value: 1, detail: "8D-2026-001（2026-04-20 关闭）", source: "纠正措施台账" },
    ]);
    // A period without costs recorded in it: 0, the records having costs; before any record had a cost: "—" with the reason, not 0.
    const area = async (from: string, to: string) =>
      (JSON.parse((await csrInProcess(["-C", dir, "list", "management-review", "--from", from, "--to", to, "--today", "2026-12-05", "--format", "json"])).stdout) as { rows: Record<string, unknown>[] }).rows
        .filter((r) => r.area === "Cost of poor quality and product safety")
        .map((r) => [r.value, r.detail]);
    expect(await area("2026-05-01", "2026-05-31")).toEqual([
      [0, ""],
      [0, ""],
    ]);
    expect(await area("2025-01-01", "2025-12-31")).toEqual([
      ["—", "No corrective action record has a cost of poor quality (recorded with csr action cost)"],
      [0, ""],
    ]);
    const gjb = JSON.parse((await csrInProcess(["-C", committedFixture("examples/gjb-demo"), "list", "management-review", "--today", "2026-12-05", "--format", "json"], { lang: "zh-CN" })).stdout) as { rows: Record<string, unknown>[] };
    expect(gjb.rows.filter((r) => r.area === "质量损失和产品安全").map((r) => [r.item, r.value, r.detail])).toEqual([
      ["期间质量损失（元）", "—", "质量问题记录中没有质量损失（csr action cost 记录）"],
      ["涉及产品安全的问题（期间提出或期末未关闭）", 0, ""],
    ]);
  });
});
