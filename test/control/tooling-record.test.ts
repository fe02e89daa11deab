/**
 * `csr show <tooling id>`: the card of an entry of tooling.yaml (工装台账; IATF 16949 8.5.1.6, 10.2.4, 8.5.3) — its row of
 * the register, the documents whose text names it, its verifications with their results and reactions, its maintenance,
 * next due, and csr check's tooling/* findings on it; `--format json`. `csr export`'s workbook has the tooling register and the
 * error-proofing verification record as csr list tooling|error-proofing give them. acme-auto (its example tooling.yaml) in a temporary
 * git repository: WI-010-01 names FX-30-02 and EP-30-02 at OP30, EP-30-02 (every shift) passed on 2026-12-02 and failed on
 * 2026-12-04 without a reaction; the story's day is 2026-12-04.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { builtOnce, commitAt, copyFixture, csr, csrInProcess, gitInit, tempDir } from "../helpers.js";

const zh = (dir: string, ...args: string[]) => csrInProcess(["-C", dir, ...args, "--today", "2026-12-04"], { lang: null });

const story = builtOnce(async () => {
  const dir = gitInit(copyFixture("examples/acme-auto"));
  expect((await zh(dir, "set", "WI-010-01", "--station", "OP30", "-y")).code).toBe(0);
  const wi = join(dir, "documents/instructions/WI-010-01.yaml");
  writeFileSync(wi, readFileSync(wi, "utf8").replace("确认设备点检已完成；", "确认设备点检已完成，工件放入定位夹具 FX-30-02；漏装由 EP-30-02 检测（不是 EP-30-021）；"));
  for (const args of [
    ["add", "EP-30-02", "--name", "漏装检测防错", "--kind", "error-proofing", "--station", "OP30", "--process", "C3", "--part", "BH-2201", "--frequency", "shift", "--method", "标准样件验证"],
    ["verify", "EP-30-02", "--result", "pass", "--by", "gaoyang", "--shift", "早班", "--date", "2026-12-02"],
    ["verify", "EP-30-02", "--result", "fail", "--by", "gaoyang", "--shift", "中班"],
    ["maintain", "FX-30-02", "--by", "gaoyang", "--work", "更换定位销", "--date", "2026-03-02"],
  ]) {
    expect((await zh(dir, "tooling", ...args)).code).toBe(0);
  }
  commitAt(dir, "2026-12-04", "EP-30-02 登记并验证");
  return dir;
});

describe("csr show <tooling id>: the whole record of a fixture or error-proofing device", () => {
  it("prints the device's card: its register row, the work instruction naming it, its verifications and reaction owed, its findings (the binary)", async () => {
    const dir = await story();
    expect(csr(["-C", dir, "show", "ep-30-02", "--today", "2026-12-04"], { lang: null })).toEqual({
      code: 0,
      stdout: [
        "EP-30-02  漏装检测防错",
        "",
        "  文件            tooling.yaml",
        "  类别            防错装置",
        "  工位            OP30",
        "  过程            C3",
        "  零件号          BH-2201",
        "  所有权          本公司",
        "  状态            在用",
        "  验证频次        每班",
        "  上次验证        2026-12-04 不合格",
        "  下次验证        2026-12-04 验证不合格，应立即复验",
        "  验证方法        标准样件验证",
        "  引用文件        WI-010-01 制动软管总成扣压作业指导书  2 作业步骤",
        "  验证记录        2026-12-02 早班  高扬  合格",
        "                  2026-12-04 中班  高扬  不合格；反应措施：未记录反应措施",
        "  检查发现        错误 tooling/failed-without-reaction（第 101 行）：EP-30-02（漏装检测防错）2026-12-04 由 gaoyang 进行的验证不合格，但没有记录反应措施。请在该记录的 reaction 中写明所采取的措施：上次合格验证以来的产品隔离并检验、维修、重新验证（'csr tooling verify EP-30-02 --result pass --by <人员>'）。",
        "                  错误 tooling/verification-overdue（第 101 行）：EP-30-02（漏装检测防错）2026-12-04 的验证不合格，此后没有验证合格的记录：防错装置修复后应重新验证合格才能使用，不合格的验证不重新起算频次。请用标准样件和缺陷样件验证并记录：'csr tooling verify EP-30-02 --result pass --by <人员>'（较早日期加 --date），停用的装置用 'csr tooling update EP-30-02 --status repair' 标明。",
        "",
      ].join("\n"),
      stderr: "",
    });
  });

  it("shows a fixture's maintenance and next maintenance, and a customer's mould with its marking, in English", async () => {
    const dir = await story();
    expect(await csrInProcess(["-C", dir, "show", "FX-30-02", "--today", "2026-12-04"])).toEqual({
      code: 0,
      stdout: [
        "FX-30-02  Locating fixture",
        "",
        "  File                  tooling.yaml",
        "  Kind                  fixture",
        "  Process               C3",
        "  Parts                 BH-2201, BH-2202",
        "  Owner                 ours",
        "  Status                in use",
        "  Location              扣压线 OP30",
        "  Change level          B",
        "  Maintenance interval  6 months",
        "  Last maintained       2026-03-02",
        "  Next maintenance      2026-09-02 overdue",
        "  Named in              WI-010-01 Brake Hose Crimping Work Instruction  2 作业步骤",
        "  Maintenance           2026-03-02  Gao Yang  更换定位销",
        "  Findings              warning tooling/maintenance-overdue (line 18): FX-30-02 (定位夹具) was last maintained on 2026-03-02; its next maintenance was due by 2026-09-02. Maintain it and record it: 'csr tooling maintain FX-30-02 --by <person> --work <what was done>'.",
        "",
      ].join("\n"),
      stderr: "",
    });
    const mould = await csrInProcess(["-C", dir, "show", "MD-20-01", "--today", "2026-12-04"]);
    expect(mould.stdout).toContain("  Owner             customer-owned: DYA Dongyue Automobile Co., Ltd.\n  Customer marking  东岳资产标牌 DYA-T-0012\n");
    expect(mould.stdout).toContain("  Named in          none\n  Findings          none\n");
  });

  it("gives the record with what is derived from it as JSON", async () => {
    const dir = await story();
    const { code, stdout } = await zh(dir, "show", "EP-30-02", "--format", "json");
    expect(code).toBe(0);
    const card = JSON.parse(stdout);
    expect(card.file).toBe("tooling.yaml");
    expect(card.tooling.verification.records).toEqual([
      { date: "2026-12-02", shift: "早班", by: "gaoyang", result: "pass" },
      { date: "2026-12-04", shift: "中班", by: "gaoyang", result: "fail" },
    ]);
    expect([card.status, card.customerOwner, card.verificationDue.due, card.verificationDue.overdue, card.maintenanceDue]).toEqual(["in-use", null, "2026-12-04", true, null]);
    expect(card.documents).toEqual([{ id: "WI-010-01", title: "制动软管总成扣压作业指导书", section: "2", sectionTitle: "作业步骤" }]);
    expect(card.findings.map((f: { rule: string; line: number }) => `${f.rule}:${f.line}`)).toEqual(["tooling/failed-without-reaction:101", "tooling/verification-overdue:101"]);
    // As of an earlier day the record is as it stood then, as the text card and the register read it (review79 #8).
    const earlier = JSON.parse((await csrInProcess(["-C", dir, "show", "EP-30-02", "--format", "json", "--today", "2026-12-03"], { lang: null })).stdout);
    expect([earlier.asOf, earlier.tooling.verification.records]).toEqual(["2026-12-03", [{ date: "2026-12-02", shift: "早班", by: "gaoyang", result: "pass" }]]);
  });

  it("suggests the nearest tooling id for one that nothing has", async () => {
    const dir = await story();
    const { code, stderr } = await zh(dir, "show", "EP-30-03");
    expect(code).toBe(2);
    expect(stderr).toMatch(/是否应为 'EP-30-0[12]'/);
  });
});

describe("csr export: the tooling register and the error-proofing record among the sheets", () => {
  it("writes 工装夹具台账 and 防错装置验证记录 among the operation registers after 合格供方名录, as csr list tooling and csr list error-proofing give them", async () => {
    const dir = await story();
    const book = join(tempDir(), "registers.xlsx");
    expect((await zh(dir, "export", "--out", book)).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(book);
    const names = workbook.worksheets.map((w) => w.name);
    // In the order of an audit file (179ef57b): the tooling register (8.5.1.6) and the error-proofing record (10.2.4) among the
    // operation registers, after the approved supplier list and before the internal audit programme; the register of gauges
    // (7.1.5.2) among the support registers, after the people list and before the training record (no skills matrix: acme-auto's
    // people.yaml records no level).
    expect(names.slice(names.indexOf("合格供方名录"), names.indexOf("合格供方名录") + 4)).toEqual(["合格供方名录", "工装夹具台账", "防错装置验证记录", "内部审核方案"]);
    expect(names.slice(names.indexOf("人员名单"), names.indexOf("人员名单") + 3)).toEqual(["人员名单", "计量器具台账", "培训记录"]);
    const listed = JSON.parse((await zh(dir, "list", "tooling", "--format", "json")).stdout);
    const tooling = workbook.getWorksheet("工装夹具台账")!;
    expect(tooling.getCell("A1").value).toBe(listed.title);
    expect(tooling.getColumn(2).values.slice(3, 3 + listed.rows.length)).toEqual(["FX-30-02", "EP-30-01", "MD-20-01", "GA-30-01", "GA-30-02", "TE-40-01", "EP-30-02"]);
    const verifications = workbook.getWorksheet("防错装置验证记录")!;
    expect(verifications.getCell("A1").value).toBe("防错装置验证记录（共 5 次验证）");
    expect((verifications.getRow(7).values as unknown[]).slice(1)).toEqual([5, "EP-30-02", "漏装检测防错", "OP30", "每班", "标准样件验证", new Date("2026-12-04T00:00:00Z"), "中班", "高扬", "不合格", "未记录反应措施"]);
  });
});
