/**
 * Batches of records registered by command, not by hand-editing record.batches (tester71 Q1): `csr record batch
 * add` and `csr record batch set --counted-from`; `csr list disposals` naming the forms with a retention period and
 * no batch, so that "0 due" does not read as "nothing is due"; and 产品寿命期+1年 counted as IATF 16949 7.5.3.2.1
 * writes it (tester71 Q11): from the end of production and service supply, to 31 December of the following year.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { copyFixture, csr, csrInProcess, git, gitInit } from "../helpers.js";

const HH_F_028 = "documents/forms/HH-F-028.yaml";
const HH_F_045 = "documents/forms/HH-F-045.yaml";
const QR_011_01 = "documents/forms/QR-011-01.yaml";

describe("csr record batch add", () => {
  it("registers a batch in the order of its last day, commits it, and the disposal register dates it", async () => {
    const dir = gitInit(copyFixture("examples/acme-auto"));
    const added = csr(["-C", dir, "record", "batch", "add", "HH-F-028", "2025年度", "--from", "2025-01-01", "--to", "2025-12-31", "--commit"], { lang: null });
    expect([added.code, added.stderr]).toEqual([0, ""]);
    expect(added.stdout.split("\n")[0]).toBe("已登记 HH-F-028 管理评审计划的记录批次“2025年度”：2025-01-01 至 2025-12-31。");
    expect(git(dir, ["log", "-1", "--format=%s"]).trim()).toBe("csr record batch add HH-F-028 2025年度：登记记录批次");
    expect(git(dir, ["status", "--porcelain"])).toBe("");
    expect(readFileSync(join(dir, HH_F_028), "utf8")).toContain("  location: 总经办\n  batches:\n    - {name: 2025年度, from: 2025-01-01, to: 2025-12-31}\n");
    // An older batch goes before the ones that end later.
    const older = await csrInProcess(["-C", dir, "record", "batch", "add", "HH-F-045", "2020年度", "--from", "2020-01-01", "--to", "2020-12-31", "--lang", "en"]);
    expect([older.code, older.stdout.split("\n")[0]]).toEqual([0, "Registered the batch “2020年度” of HH-F-045 Daily Equipment Check Sheet: 2020-01-01 to 2020-12-31."]);
    expect(readFileSync(join(dir, HH_F_045), "utf8")).toContain("  batches:\n    - {name: 2020年度, from: 2020-01-01, to: 2020-12-31}\n    - {name: 2021年度,");
    const listed = await csrInProcess(["-C", dir, "list", "disposals", "--due-by", "2030-12-31", "--today", "2026-12-05", "--format", "csv"], { lang: null });
    expect(listed.stdout.split("\r\n").filter((line) => line.includes("HH-F-028"))).toEqual(["6,HH-F-028,管理评审计划,2025年度,2025-12-31,总经办,5年,2030-12-31,1487 天后期满,,,,,,"]);
  });

  it("refuses, in one line and writing nothing, a name the form has, dates out of order or no date", async () => {
    const dir = gitInit(copyFixture("examples/acme-auto"));
    const run = async (...args: string[]) => {
      const r = await csrInProcess(["-C", dir, "record", "batch", "add", ...args], { lang: null });
      return [r.code, r.stderr.trim(), r.stdout];
    };
    expect(await run("HH-F-045", "2023年度", "--from", "2023-01-01", "--to", "2023-12-31")).toEqual([
      2,
      "csr: HH-F-045 已有记录批次“2023年度”，未作改动。\n提示：记录批次按名称区分；给这一批另取名称，或用 csr record batch set HH-F-045 2023年度 --counted-from <日期> 更改已登记的批次。",
      "",
    ]);
    expect(await run("HH-F-045", "2026年度", "--from", "2026-01-01", "--to", "2025-12-31")).toEqual([2, "csr: --to 2025-12-31 早于 --from 2026-01-01：批次最后一份记录的日期不能早于第一份。", ""]);
    expect((await run("HH-F-045", "2026年度", "--from", "2026-01-01", "--to", "2026-13-31"))[1]).toMatch(/^csr: --to 需要日期，写作 YYYY-MM-DD.*实际为 '2026-13-31'。$/);
    expect(await run("HH-F-045", "2026年度", "--to", "2026-12-31")).toEqual([2, "csr: 未给出必需的选项 '--from <date>'\n提示：例如：csr record batch add HH-F-045 2026年度 --from 2026-01-01 --to 2026-12-31", ""]);
    expect(await run("QR-011-01", "BX-500", "--from", "2026-01-01", "--to", "2026-06-30", "--counted-from", "2025-12-31")).toEqual([
      2,
      "csr: --counted-from 2025-12-31 早于该批第一份记录的日期 2026-01-01：起算事件（如产品停止生产和售后服务供货）不会早于该批的记录。",
      "",
    ]);
    expect(await run("QP-002", "2024年度", "--from", "2024-01-01", "--to", "2024-12-31")).toEqual([2, "csr: QP-002 不是表单：记录批次和销毁记录登记在表单上。", ""]);
    expect(git(dir, ["status", "--porcelain"])).toBe("");
  });
});

describe("csr record batch set", () => {
  it("gives a batch the day its retention counts from, and removes it with \"\"; csr record dispose then dates the batch", async () => {
    const dir = gitInit(copyFixture("examples/acme-auto"));
    const batch = "BX-350 壳体 2025年度";
    const refused = await csrInProcess(["-C", dir, "record", "dispose", "QR-011-01", batch, "--approved-by", "zhangli", "--method", "删除", "--date", "2026-12-01"], { lang: null });
    expect(refused.stderr).toBe(
      "csr: 无法计算 QR-011-01 的“BX-350 壳体 2025年度”的保存期满日：保存期限从“停产”起算，该批未登记其日期（counted_from）；期满日确定之前不能登记销毁。\n" +
        "提示：登记该批的起算日：csr record batch set QR-011-01 \"BX-350 壳体 2025年度\" --counted-from <日期>\n",
    );
    const set = csr(["-C", dir, "record", "batch", "set", "QR-011-01", batch, "--counted-from", "2026-06-30", "--commit"], { lang: null });
    expect([set.code, set.stderr, set.stdout.split("\n")[0]]).toEqual([0, "", "已登记 QR-011-01 的“BX-350 壳体 2025年度”的保存期限起算日：2026-06-30。"]);
    expect(git(dir, ["log", "-1", "--format=%s"]).trim()).toBe("csr record batch set QR-011-01 BX-350 壳体 2025年度：更改记录批次的起算日");
    expect(readFileSync(join(dir, QR_011_01), "utf8")).toContain("    - {name: BX-350 壳体 2025年度, from: 2025-01-01, to: 2025-12-31, counted_from: 2026-06-30}\n");
    const listed = await csrInProcess(["-C", dir, "list", "disposals", "--due-by", "2045-12-31", "--today", "2026-12-05", "--format", "csv"], { lang: null });
    expect(listed.stdout.split("\r\n").filter((line) => line.includes("BX-350"))).toEqual(["6,QR-011-01,产品追溯记录,BX-350 壳体 2025年度,2025-12-31,MES系统,北辰汽车集团有限公司：停产后15年,2041-06-30,5321 天后期满,,,,,,"]);
    // The form's card lists its batches, the latest first, each with its retention as the disposal register counts it (tester80 M12).
    const card = (id: string) => csrInProcess(["-C", dir, "show", id, "--today", "2026-12-05"], { lang: null }).then((r) => r.stdout.split("\n"));
    const batchLines = (lines: string[]) => lines.slice(lines.findIndex((l) => l.startsWith("  记录批次")), lines.findIndex((l) => l.startsWith("  条款")));
    expect(batchLines(await card("QR-011-01"))).toEqual([
      "  记录批次        BX-350 壳体 2025年度（2025-01-01 至 2025-12-31）：保存至 2041-06-30",
      "                  BX-200 壳体 2016—2024（2016-03-01 至 2024-06-30）：保存至 2039-06-30",
    ]);
    const cleared = await csrInProcess(["-C", dir, "record", "batch", "set", "QR-011-01", batch, "--counted-from", "", "--lang", "en"]);
    expect([cleared.code, cleared.stdout.split("\n")[0]]).toEqual([0, "QR-011-01 “BX-350 壳体 2025年度”: removed the day its retention counted from (was 2026-06-30)."]);
    expect(readFileSync(join(dir, QR_011_01), "utf8")).toContain("    - {name: BX-350 壳体 2025年度, from: 2025-01-01, to: 2025-12-31}\n");
    const disposed = await csrInProcess(["-C", dir, "record", "batch", "set", "HH-F-045", "2021年度", "--counted-from", "2022-01-01"], { lang: null });
    expect([disposed.code, disposed.stderr]).toEqual([2, "csr: HH-F-045 的“2021年度”已于 2025-01-15 销毁，其起算日不再更改。\n"]);
    expect(batchLines(await card("QR-011-01"))[0]).toBe("  记录批次        BX-350 壳体 2025年度（2025-01-01 至 2025-12-31）：无法计算期满日（保存期限从“停产”起算，该批未登记其日期（counted_from））");
    expect(batchLines(await card("HH-F-045"))).toEqual([
      "  记录批次        2025年度（2025-01-01 至 2025-12-31）：保存至 2028-12-31",
      "                  2024年度（2024-01-01 至 2024-12-31）：保存至 2027-12-31",
      "                  2023年度（2023-01-01 至 2023-12-31）：保存至 2026-12-31",
      "                  2022年度（2022-01-01 至 2022-12-31）：2025-12-31 期满，可销毁",
      "                  2021年度（2021-01-01 至 2021-12-31）：已于 2025-01-15 销毁",
    ]);
  });
});

describe("csr list disposals: forms with no batch", () => {
  it("names, under the table, the forms that state a retention period and have no batch registered (gjb-demo: all 22)", async () => {
    const dir = copyFixture("examples/gjb-demo");
    const listed = await csrInProcess(["-C", dir, "list", "disposals", "--due-by", "2026-12-31", "--today", "2026-12-06"], { lang: null });
    expect(listed.code).toBe(0);
    const lines = listed.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe("到期记录清单（2026-12-31 前保存期满 0 批）");
    expect(lines.at(-1)).toBe(
      "另有 22 份表单规定了保存期限但未登记记录批次（record.batches），其记录是否到期无从判断，不在此列：CS/QR-001-01、CS/QR-001-02、CS/QR-006-01、CS/QR-006-02、CS/QR-008-01、CS/QR-008-02、CS/QR-008-03、CS/QR-008-04、CS/QR-008-05、CS/QR-009-01、CS/QR-009-02、CS/QR-010-01、CS/QR-010-02、CS/QR-010-03、CS/QR-011-01、CS/QR-012-01、CS/QR-012-02、CS/QR-013-01、CS/QR-014-01、CS/QR-019-01、CS/QR-019-02、CS/QR-019-03。",
    );
    expect(listed.stderr).toBe("为未登记批次的表单登记保存的记录：csr record batch add <表单编号> <批次名称> --from <日期> --to <日期> [--counted-from <起算日>]\n");
    const english = await csrInProcess(["-C", dir, "list", "disposals", "--due-by", "2026-12-31", "--today", "2026-12-06", "--lang", "en"]);
    expect(english.stdout.trimEnd().split("\n").at(-1)).toMatch(/^22 more forms state a retention period but have no batch of records registered \(record\.batches\), so whether their records are due cannot be told; they are not listed: CS\/QR-001-01, CS\/QR-001-02, .*, CS\/QR-019-03\.$/);
  });
});

describe("产品寿命期+1年 (IATF 16949 7.5.3.2.1)", () => {
  it("counts from the end of production and service supply to 31 December of the following year, and refuses a disposal before", async () => {
    const dir = gitInit(copyFixture("examples/acme-auto"));
    const file = join(dir, QR_011_01);
    // Without the customer's longer period, the form's 产品寿命期+1年 decides.
    writeFileSync(file, readFileSync(file, "utf8").replace(/  retention_customer:\n    - .*\n/, ""));
    git(dir, ["commit", "-qam", "no customer period"]);
    const listed = await csrInProcess(["-C", dir, "list", "disposals", "--due-by", "2030-12-31", "--today", "2026-12-05"], { lang: null });
    const lines = listed.stdout.split("\n");
    expect(lines.find((line) => line.includes("BX-200"))).toMatch(/^\d +QR-011-01 +产品追溯记录 +BX-200 壳体 2016—2024 +MES系统 +产品寿命期\+1年 +2025-12-31 +可销毁 *$/);
    expect(lines.find((line) => line.includes("BX-350"))).toMatch(/无法计算期满日 +保存期限从“产品停止生产和售后服务供货”起算，该批未登记其日期（counted_from）$/);
    expect(lines).toContain("“产品寿命期+N年”按 IATF 16949 7.5.3.2.1 计算：产品停止生产和售后服务供货之后加 N 个日历年，保存至第 N 年的 12 月 31 日（如 2024-06-30 停止供货，+1年 保存至 2025-12-31）。");
    const run = async (date: string) => csrInProcess(["-C", dir, "record", "dispose", "QR-011-01", "BX-200 壳体 2016—2024", "--approved-by", "zhangli", "--method", "删除", "--date", date], { lang: null });
    expect((await run("2025-07-01")).stderr).toBe("csr: QR-011-01 的“BX-200 壳体 2016—2024”按保存期限“产品寿命期+1年”保存至 2025-12-31，2025-07-01 尚未期满，不能销毁。\n");
    expect((await run("2025-12-31")).code).toBe(0);
    const english = await csrInProcess(["-C", dir, "list", "disposals", "--due-by", "2030-12-31", "--today", "2026-12-05", "--lang", "en"]);
    expect(english.stdout).toContain("the retention counts from “end of production and service supply”, whose day the batch does not give (counted_from)");
  });
});
