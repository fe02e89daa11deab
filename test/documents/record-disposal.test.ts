/**
 * Records past their retention period (tester60 J1): the batches of records kept on a form
 * (record.batches), `csr list disposals --due-by` listing those whose retention ends by a day — the
 * longer customer period deciding, and named —, and `csr record dispose` recording a disposal (销毁记录)
 * once the retention has ended, refused before. The example repository keeps HH-F-045 设备日常点检表 (3年, as its
 * procedure QP-002 keeps 一般质量记录: tester67a A9) by year, 2021 disposed of, and QR-011-01 产品追溯记录 (产品寿命期+1年, BCM 停产后15年) by product.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkJsonInProcess, committedFixture, copyFixture, csr, csrInProcess, git } from "../helpers.js";

const HH_F_045 = "documents/forms/HH-F-045.yaml";

describe("csr list disposals", () => {
  it("lists the batches due by the day, then those csr cannot date, then those disposed of, with the 销毁记录", async () => {
    const dir = copyFixture("examples/acme-auto");
    const listed = csr(["-C", dir, "list", "disposals", "--due-by", "2026-12-31", "--today", "2026-12-05", "--format", "csv"], { lang: null });
    expect([listed.code, listed.stderr]).toEqual([
      0,
      "销毁经批准后登记：csr record dispose <表单编号> <记录批次> --date <日期> --approved-by <批准人> --method <销毁方式> [--witness <监销人>]\n" +
        "为未登记批次的表单登记保存的记录：csr record batch add <表单编号> <批次名称> --from <日期> --to <日期> [--counted-from <起算日>]\n",
    ]);
    expect(listed.stdout.replace(/^\uFEFF/, "").split("\r\n")).toEqual([
      "序号,表单编号,记录名称,记录批次,形成日期,存放地点,保存期限,保存期满日,状态,销毁日期,销毁方式,批准人,监销人,销毁记录编号,备注",
      "1,HH-F-045,设备日常点检表,2022年度,2022-12-31,生产部各车间,3年,2025-12-31,可销毁,,,,,,",
      "2,HH-F-045,设备日常点检表,2023年度,2023-12-31,生产部各车间,3年,2026-12-31,26 天后期满,,,,,,",
      "3,QR-011-01,产品追溯记录,BX-350 壳体 2025年度,2025-12-31,MES系统,北辰汽车集团有限公司：停产后15年,,无法计算期满日,,,,,,保存期限从“停产”起算，该批未登记其日期（counted_from）",
      "4,HH-F-045,设备日常点检表,2021年度,2021-12-31,生产部各车间,3年,2024-12-31,已销毁,2025-01-15,粉碎,张丽,陈静,JL-XH-2025-01,",
      "",
    ]);
  });

  it("names the customer whose longer period decides, and titles the register in English", async () => {
    const dir = copyFixture("examples/acme-auto");
    const listed = await csrInProcess(["-C", dir, "list", "disposals", "--due-by", "2040-12-31", "--today", "2026-12-05", "--lang", "en"]);
    expect(listed.code).toBe(0);
    const lines = listed.stdout.split("\n");
    expect(lines[0]).toBe("Records due for disposal (5 batches with retention ending by 2040-12-31)");
    expect(lines.find((line) => line.includes("BX-200"))).toMatch(/^5 +QR-011-01 +Product Traceability Record +BX-200 壳体 2016—2024 +MES系统 +Beichen Motor Group Co\., Ltd\.: 停产后15年 +2039-06-30 +ends in 4590 days/);
    expect(lines.slice(-6, -2)).toEqual([
      "The batches of records kept on 2026-12-05 whose retention period ends on or before 2040-12-31, by the longer of the form's period and a customer's (IATF 16949 7.5.3.2.1), counted from the batch's last record, or, for a period counted from an event (end of production and service supply, an employee leaving), from the batch's day of that event (counted_from).",
      "“Product life + N years” is counted as IATF 16949 7.5.3.2.1 reads: N calendar years after the end of production and service supply, to 31 December of the Nth year (supply ended 2024-06-30, + 1 year: kept to 2025-12-31).",
      "Then 1 batch whose retention cannot be dated; its remarks say why.",
      "Last, 1 batch disposed of, with its disposal record.",
    ]);
  });

  it("cites the clause of the standards in scope: GJB 9001C in a GJB repository (tester62 N14)", async () => {
    const listed = await csrInProcess(["-C", copyFixture("examples/gjb-demo"), "list", "disposals", "--today", "2026-12-05"], { lang: null });
    expect(listed.code).toBe(0);
    const note = listed.stdout.split("\n").find((line) => line.includes("保存期限取表单的期限"));
    expect(note).toContain("保存期限取表单的期限与顾客特殊期限中较长者（GJB 9001C 7.5.3.2），");
    expect(listed.stdout).not.toContain("IATF");
  });

  it("is due by today without --due-by, and refuses options that are not its own", async () => {
    const dir = copyFixture("examples/acme-auto");
    const listed = await csrInProcess(["-C", dir, "list", "disposals", "--today", "2026-06-30"], { lang: null });
    expect(listed.stdout.split("\n")[0]).toBe("到期记录清单（2026-06-30 前保存期满 1 批）");
    const refused = await csrInProcess(["-C", dir, "list", "disposals", "--status", "待销毁"], { lang: null });
    expect([refused.code, refused.stderr.trim()]).toEqual([2, "csr: --status 只用于 csr list、csr list documents、csr list distribution 和 csr list actions，不用于 'csr list disposals'。"]);
  });
});

describe("csr record dispose", () => {
  it("records the disposal on the batch, commits it, and the register lists it as disposed of", async () => {
    const dir = committedFixture("examples/acme-auto");
    const done = csr(["-C", dir, "record", "dispose", "HH-F-045", "2022年度", "--date", "2026-01-08", "--approved-by", "张丽", "--method", "粉碎", "--witness", "chenjing", "--record", "JL-XH-2026-01", "--commit"], { lang: null });
    expect([done.code, done.stderr]).toEqual([0, ""]);
    expect(done.stdout.split("\n")[0]).toBe("已登记 HH-F-045 设备日常点检表“2022年度”的销毁：2026-01-08，粉碎，批准人 张丽（zhangli），监销人 陈静（chenjing）。");
    expect(git(dir, ["log", "-1", "--format=%s"]).trim()).toBe("csr record dispose HH-F-045 2022年度：登记到期记录销毁");
    expect(git(dir, ["status", "--porcelain"])).toBe("");
    expect(readFileSync(join(dir, HH_F_045), "utf8")).toContain(
      "    - {name: 2022年度, from: 2022-01-01, to: 2022-12-31, disposal: {date: 2026-01-08, approved_by: zhangli, method: 粉碎, witness: chenjing, record: JL-XH-2026-01}}\n",
    );
    const listed = (await csrInProcess(["-C", dir, "list", "disposals", "--due-by", "2026-12-31", "--today", "2026-12-05", "--format", "csv"], { lang: null })).stdout.split("\r\n");
    expect(listed.filter((line) => line.includes("已销毁"))).toEqual([
      "3,HH-F-045,设备日常点检表,2021年度,2021-12-31,生产部各车间,3年,2024-12-31,已销毁,2025-01-15,粉碎,张丽,陈静,JL-XH-2025-01,",
      "4,HH-F-045,设备日常点检表,2022年度,2022-12-31,生产部各车间,3年,2025-12-31,已销毁,2026-01-08,粉碎,张丽,陈静,JL-XH-2026-01,",
    ]);
  });

  it("refuses, in one line each and writing nothing, a disposal the records do not allow", async () => {
    const dir = committedFixture("examples/acme-auto");
    const before = readFileSync(join(dir, HH_F_045), "utf8");
    const run = async (...args: string[]) => {
      const r = await csrInProcess(["-C", dir, "record", "dispose", ...args], { lang: null });
      return [r.code, r.stderr.trim(), r.stdout];
    };
    const approved = ["--approved-by", "zhangli", "--method", "粉碎"];
    expect(await run("HH-F-045", "2023年度", ...approved, "--date", "2026-12-01")).toEqual([2, "csr: HH-F-045 的“2023年度”按保存期限“3年”保存至 2026-12-31，2026-12-01 尚未期满，不能销毁。", ""]);
    expect(await run("QR-011-01", "BX-200 壳体 2016—2024", ...approved, "--date", "2026-12-01")).toEqual([
      2,
      "csr: QR-011-01 的“BX-200 壳体 2016—2024”按顾客 BCM 的特殊期限“停产后15年”保存至 2039-06-30（长于表单的期限），2026-12-01 尚未期满，不能销毁。",
      "",
    ]);
    expect(await run("QR-011-01", "BX-350 壳体 2025年度", ...approved, "--date", "2026-12-01")).toEqual([
      2,
      "csr: 无法计算 QR-011-01 的“BX-350 壳体 2025年度”的保存期满日：保存期限从“停产”起算，该批未登记其日期（counted_from）；期满日确定之前不能登记销毁。\n" +
        "提示：登记该批的起算日：csr record batch set QR-011-01 \"BX-350 壳体 2025年度\" --counted-from <日期>",
      "",
    ]);
    expect(await run("HH-F-045", "2021年度", ...approved, "--date", "2026-12-01")).toEqual([2, "csr: HH-F-045 的“2021年度”已于 2025-01-15 销毁（批准人 张丽（zhangli）），不能再次登记销毁。", ""]);
    expect(await run("HH-F-045", "2020年度", ...approved)).toEqual([2, "csr: HH-F-045 没有记录批次“2020年度”（已登记：2021年度、2022年度、2023年度、2024年度、2025年度）。是否应为 '2021年度'？", ""]);
    expect((await run("HH-F-045", "2022年度", "--approved-by", "zhangliang", "--method", "粉碎", "--date", "2026-01-08"))[1]).toMatch(/^csr: --approved-by zhangliang：people\.yaml 中没有 id 或姓名为此的人员/);
    expect((await run("HH-F-045", "2022年度", ...approved, "--date", "2098-01-01"))[1]).toMatch(/^csr: --date 2098-01-01 晚于今天（\d{4}-\d\d-\d\d）：已完成事项的记录不能填写将来的日期。$/);
    expect(await run("HH-F-045", "2022年度", "--method", "粉碎")).toEqual([2, "csr: 未给出必需的选项 '--approved-by <person>'\n提示：到期记录经批准后才能销毁：用 --approved-by 写明批准人（人员 id 或姓名）。", ""]);
    expect(await run("HH-F-045", "2022年度", "--approved-by", "zhangli")).toEqual([2, "csr: 未给出必需的选项 '--method <method>'\n提示：用 --method 写明销毁方式，如 粉碎、焚烧、删除。", ""]);
    expect(await run("HH-F-045", "2022年度", "--approved-by", "zhangli", "--method", "粉碎\n见附件")).toEqual([2, "csr: --method 应为一行文字（不超过 60 个字符）。", ""]);
    expect(await run("QP-002", "2024年度", ...approved)).toEqual([2, "csr: QP-002 不是表单：记录批次和销毁记录登记在表单上。", ""]);
    expect(await run("QR-001-01", "2024年度", ...approved)).toEqual([
      2,
      "csr: QR-001-01 没有登记记录批次（record.batches）。\n提示：先用 csr record batch add QR-001-01 <批次名称> --from <日期> --to <日期> 登记保存的记录批次，如 csr record batch add QR-001-01 2024年度 --from 2024-01-01 --to 2024-12-31。",
      "",
    ]);
    expect(readFileSync(join(dir, HH_F_045), "utf8")).toBe(before);
    expect(git(dir, ["status", "--porcelain"])).toBe("");
  });

  it("dates a period csr cannot read by record.retention_term, and a batch counted from an event by its counted_from", async () => {
    const dir = copyFixture("examples/acme-auto");
    const file = join(dir, "documents/forms/QR-006-01.yaml");
    // 量检具报废后1年: counted from the day each gauge was scrapped.
    writeFileSync(file, readFileSync(file, "utf8").replace("  retention: 量检具报废后1年\n", "  retention: 量检具报废后1年\n  batches:\n    - {name: 卡尺 C-017, to: 2025-03-31}\n"));
    const run = async (...args: string[]) => csrInProcess(["-C", dir, "record", "dispose", "QR-006-01", "卡尺 C-017", "--approved-by", "zhangli", "--method", "粉碎", ...args], { lang: null });
    expect((await run("--date", "2026-12-01")).stderr.split("\n")[0]).toBe("csr: 无法计算 QR-006-01 的“卡尺 C-017”的保存期满日：保存期限从“量检具报废”起算，该批未登记其日期（counted_from）；期满日确定之前不能登记销毁。");
    writeFileSync(file, readFileSync(file, "utf8").replace("to: 2025-03-31}", "to: 2025-03-31, counted_from: 2025-04-15}"));
    expect((await run("--date", "2026-04-14")).stderr).toBe("csr: QR-006-01 的“卡尺 C-017”按保存期限“量检具报废后1年”保存至 2026-04-15，2026-04-14 尚未期满，不能销毁。\n");
    expect((await run("--date", "2026-04-15")).code).toBe(0);
  });

  it("csr check reports a disposal approved by someone people.yaml does not have", async () => {
    const dir = copyFixture("examples/acme-auto");
    const file = join(dir, HH_F_045);
    writeFileSync(file, readFileSync(file, "utf8").replace("approved_by: zhangli, method: 粉碎, witness: chenjing", "approved_by: zhangl, method: 粉碎, witness: chenjing"));
    // Checked on a day of the example's story: from 2027-01-30 HH-F-045's periodic review (due 2027-03-01) is a warning more.
    const found = (await checkJsonInProcess(dir, "--today", "2026-12-05")).findings.filter((f) => f.file === HH_F_045).map((f) => `${f.rule} ${f.line}:${f.column} ${f.message.split(".")[0]}`);
    expect(found).toEqual(["ref/unresolved 59:98 Unknown person 'zhangl'"]);
  });

  it("csr check reports two batches of one name on a form, and csr record dispose refuses that name, writing nothing", async () => {
    const dir = committedFixture("examples/acme-auto");
    const file = join(dir, HH_F_045);
    // A second workshop's 2024 点检表 added under the same name.
    writeFileSync(file, readFileSync(file, "utf8").replace("    - {name: 2025年度,", "    - {name: 2024年度, from: 2024-01-01, to: 2024-12-31, location: 二车间}\n    - {name: 2025年度,"));
    const found = (await checkJsonInProcess(dir, "--today", "2026-12-05")).findings.filter((f) => f.file === HH_F_045);
    expect(found.map((f) => `${f.rule} ${f.severity} ${f.line}:${f.column} ${f.message}`)).toEqual([
      "doc/record-batch-duplicate error 63:14 HH-F-045: batch 5 of record.batches is named “2024年度”, as batch 4 is. A batch is found by its name (csr list disposals, csr record dispose), so two of one name cannot be told apart: give each its own name, or merge them if they are one batch.",
    ]);
    const before = readFileSync(file, "utf8");
    expect(await csrInProcess(["-C", dir, "record", "dispose", "HH-F-045", "2024年度", "--date", "2026-01-08", "--approved-by", "zhangli", "--method", "粉碎"], { lang: null })).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: HH-F-045 有 2 个记录批次名为“2024年度”，无法确定销毁的是哪一批（doc/record-batch-duplicate）；未作改动。\n提示：先在 documents/forms/HH-F-045.yaml 中给每批各取一个名称，或合并为一条，再登记销毁。\n",
    });
    expect(readFileSync(file, "utf8")).toBe(before);
  });
});
