/**
 * The register of tooling, fixtures and error-proofing devices (tooling.yaml, 工装台账; tester77 E5, tester75 P11;
 * IATF 16949 8.5.1.6, 8.5.1.5, 10.2.4, 8.5.3): `csr tooling add` registers a device at a known station and process
 * (refusing a number registered already, an unknown station, process or customer, an error-proofing device without
 * its frequency), `verify` and `maintain` record the verifications and maintenance, `update` its marking and
 * location; `csr check` reports the verification overdue on the working-day calendar, the failed verification
 * without a reaction and the maintenance overdue; `csr list tooling --due` and `csr list error-proofing` print the
 * registers, the PDF read back. acme-auto (with its example tooling.yaml) in a temporary git repository, WI-010-01
 * used at OP30; the story's day is 2026-12-04, checked on Tuesday 2026-12-08.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtOnce, checkJsonInProcess, copyFixture, csr, csrInProcess, gitInit, tempDir } from "../helpers.js";

const WROTE = "已写入 tooling.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n";
const zh = (dir: string, ...args: string[]) => csrInProcess(["-C", dir, ...args, "--today", "2026-12-04"], { lang: null });
const refused = (stderr: string) => ({ code: 2, stdout: "", stderr });

const line = builtOnce(async () => {
  const dir = gitInit(copyFixture("examples/acme-auto"));
  expect((await zh(dir, "set", "WI-010-01", "--station", "OP30", "-y")).code).toBe(0);
  return dir;
});

/** Registers EP-30-02 (every shift at OP30) and MD-30-01 (DYA's mould, maintained every 3 months). */
async function addStory(dir: string): Promise<void> {
  expect((await zh(dir, "tooling", "add", "EP-30-02", "--name", "漏装检测防错", "--kind", "error-proofing", "--station", "OP30", "--process", "C3", "--part", "BH-2201", "--frequency", "shift", "--method", "标准样件验证")).code).toBe(0);
  expect((await zh(dir, "tooling", "add", "MD-30-01", "--name", "护套注塑模", "--kind", "mould", "--owner", "东岳", "--maintenance-months", "3")).code).toBe(0);
}

/** The story's records on a line of its own: EP-30-02 verified on 12-02 and failed on 12-04, MD-30-01 maintained on 08-20 and marked. */
const recorded = builtOnce(async () => {
  const dir = gitInit(copyFixture("examples/acme-auto"));
  expect((await zh(dir, "set", "WI-010-01", "--station", "OP30", "-y")).code).toBe(0);
  await addStory(dir);
  for (const args of [
    ["verify", "EP-30-02", "--result", "pass", "--by", "gaoyang", "--shift", "早班", "--date", "2026-12-02"],
    ["verify", "EP-30-02", "--result", "fail", "--by", "gaoyang", "--shift", "中班"],
    ["maintain", "MD-30-01", "--by", "gaoyang", "--work", "清洁模腔", "--date", "2026-08-20"],
    ["update", "MD-30-01", "--marking", "东岳资产标牌 DYA-T-0013", "--location", "模具库 A-04"],
  ]) {
    expect((await zh(dir, "tooling", ...args)).code).toBe(0);
  }
  return dir;
});

describe("csr tooling add: a device registered where the control plan uses it", () => {
  it("writes the entry to tooling.yaml (the binary), its station in the work instruction's letter case", async () => {
    const dir = gitInit(copyFixture("examples/acme-auto"));
    expect((await zh(dir, "set", "WI-010-01", "--station", "OP30", "-y")).code).toBe(0);
    expect(csr(["-C", dir, "tooling", "add", "EP-30-02", "--name", "漏装检测防错", "--kind", "error-proofing", "--station", "op30", "--process", "C3", "--part", "BH-2201", "--frequency", "shift", "--method", "标准样件验证", "--today", "2026-12-04"], { lang: null })).toEqual({
      code: 0,
      stdout: "已在 tooling.yaml 中登记 EP-30-02 漏装检测防错（防错装置）。\n请用 csr tooling verify EP-30-02 --result pass --by <人员> 记录首次验证。\n" + WROTE,
      stderr: "",
    });
    expect(readFileSync(join(dir, "tooling.yaml"), "utf8")).toContain(
      "      - {date: 2026-04-22, grr: 14.2, ndc: 6, study: QR-006-01-MSA-2026-04}\n  - id: EP-30-02\n    name: 漏装检测防错\n    kind: error-proofing\n    stations: [OP30]\n    process: C3\n    parts: [BH-2201]\n    verification:\n      frequency: shift\n      method: 标准样件验证\n",
    );
  });

  it("refuses a number registered already, an unknown station, process or customer, an error-proofing device without its frequency", async () => {
    const dir = await line();
    const add = (...args: string[]) => zh(dir, "tooling", "add", ...args);
    expect(await add("fx-30-02", "--name", "x", "--kind", "fixture")).toEqual(refused("csr: 工装 FX-30-02（定位夹具）已登记。\n提示：用 csr tooling update FX-30-02 修改。\n"));
    expect(await add("FX-30-03", "--name", "x", "--kind", "fixture", "--station", "OP99")).toEqual(
      refused("csr: --station OP99：没有作业指导书写明此工位，也没有人员在此工位工作（已有：OP30）。请先写明：csr set <作业指导书> --station OP99。\n"),
    );
    expect(await add("FX-30-03", "--name", "x", "--kind", "fixture", "--process", "C9")).toEqual(
      refused("csr: --process C9：processes.yaml 中没有此过程（已有：C1、C2、C3、C4、C5、S1、S2、S3、S4、S5、S6、M1、M2、M3、M4）。是否应为 'C1'？\n"),
    );
    expect(await add("MD-30-01", "--name", "x", "--kind", "mould", "--owner", "XYZ")).toEqual(refused("csr: --owner：未知顾客 'XYZ'；顾客有：BCM 北辰汽车集团有限公司、DYA 东岳汽车股份有限公司。\n"));
    expect(await add("EP-30-03", "--name", "x", "--kind", "error-proofing")).toEqual(
      refused("csr: 防错装置需要 --frequency（shift、day、week、month，或 parts 加 --parts），与控制计划一致；--parts 和 --method 须与 --frequency 一起使用。\n"),
    );
    expect((await add("EP-30-03", "--name", "x", "--kind", "robot")).stderr).toMatch(/^csr: --kind/);
  });
});

describe("csr tooling update --owner: the owner as resolved (review78 #9)", () => {
  it("takes OURS for the company's own (no customer-property warning) and names a customer given by name by its code", async () => {
    const dir = gitInit(copyFixture("examples/acme-auto"));
    expect(await zh(dir, "tooling", "update", "FX-30-02", "--owner", "OURS")).toEqual({ code: 0, stdout: "已修改 FX-30-02 定位夹具：所有权：ours → ours。\n", stderr: "" });
    expect(await zh(dir, "tooling", "update", "FX-30-02", "--owner", "东岳")).toEqual({
      code: 0,
      stdout: "已修改 FX-30-02 定位夹具：所有权：ours → DYA。\nFX-30-02 为顾客 DYA 的财产：请用 csr tooling update FX-30-02 --marking <资产标牌号> 记录其标识（tooling/customer-owned-unmarked）。\n" + WROTE,
      stderr: "",
    });
  });
});

describe("csr tooling verify|maintain|update, then csr check on the working-day calendar (IATF 16949 10.2.4, 8.5.1.5)", () => {
  it("records the verifications and the maintenance, says what is owed, and the check reports exactly what is overdue on Tuesday", async () => {
    const dir = await line();
    await addStory(dir);
    expect(await zh(dir, "tooling", "verify", "EP-30-02", "--result", "pass", "--by", "gaoyang", "--shift", "早班", "--date", "2026-12-02")).toEqual({
      code: 0,
      stdout: "已记录：EP-30-02 漏装检测防错 2026-12-02 早班 由 高扬（gaoyang）验证：合格。\n下次验证应于 2026-12-03 前完成。\n" + WROTE,
      stderr: "",
    });
    expect(await zh(dir, "tooling", "verify", "EP-30-02", "--result", "fail", "--by", "高扬", "--shift", "中班")).toEqual({
      code: 0,
      stdout:
        "已记录：EP-30-02 漏装检测防错 2026-12-04 中班 由 高扬（gaoyang）验证：不合格。\n" +
        "未记录反应措施：请隔离并检验上次合格验证以来的产品，维修后重新验证，并在该记录的 reaction 中写明（csr check：tooling/failed-without-reaction）。\n" +
        WROTE,
      stderr: "",
    });
    expect(await zh(dir, "tooling", "verify", "EP-30-02", "--result", "pass", "--by", "gaoyang", "--date", "2026-12-05")).toEqual(refused("csr: --date 2026-12-05 晚于今天（2026-12-04）：已完成事项的记录不能填写将来的日期。\n"));
    expect(await zh(dir, "tooling", "verify", "FX-30-02", "--result", "pass", "--by", "gaoyang")).toEqual(
      refused("csr: FX-30-02 没有验证计划（tooling.yaml 中的 verification.frequency）。\n提示：请在 tooling.yaml 中写明：verification: {frequency: shift, method: 标准样件验证}。\n"),
    );
    expect(await zh(dir, "tooling", "verify", "EP-30-09", "--result", "pass", "--by", "gaoyang")).toEqual(
      refused("csr: tooling.yaml 中没有工装 EP-30-09（已登记：FX-30-02、EP-30-01、MD-20-01、GA-30-01、GA-30-02、TE-40-01、EP-30-02、MD-30-01）。是否应为 'EP-30-01'？\n"),
    );
    expect(await zh(dir, "tooling", "maintain", "MD-30-01", "--by", "gaoyang", "--work", "清洁模腔", "--date", "2026-08-20")).toEqual({
      code: 0,
      stdout: "已记录：MD-30-01 护套注塑模 2026-08-20 由 高扬（gaoyang）维护（清洁模腔）。\n下次维护应于 2026-11-20 前完成。\n" + WROTE,
      stderr: "",
    });
    expect((await zh(dir, "tooling", "update", "MD-30-01", "--marking", "东岳资产标牌 DYA-T-0013", "--location", "模具库 A-04")).stdout).toBe(
      "已修改 MD-30-01 护套注塑模：存放位置：无 → 模具库 A-04；顾客财产标识：无 → 东岳资产标牌 DYA-T-0013。\n" + WROTE,
    );
    expect(readFileSync(join(dir, "tooling.yaml"), "utf8")).toContain(
      "        - {date: 2026-12-02, shift: 早班, by: gaoyang, result: pass}\n        - {date: 2026-12-04, shift: 中班, by: gaoyang, result: fail}\n  - id: MD-30-01\n    name: 护套注塑模\n    kind: mould\n    owner: DYA\n    marking: 东岳资产标牌 DYA-T-0013\n    location: 模具库 A-04\n",
    );
    // Friday 2026-12-04's verification failed: only a pass counts, so a pass is owed at once (review78 #3), on Monday as on Tuesday.
    const findings = async (today: string) => (await checkJsonInProcess(dir, "--today", today)).findings.filter((f) => f.rule.startsWith("tooling/")).map((f) => `${f.file}:${f.line}:${f.column} ${f.rule}`);
    const owed = ["tooling.yaml:99:62 tooling/failed-without-reaction", "tooling.yaml:99:62 tooling/verification-overdue", "tooling.yaml:110:18 tooling/maintenance-overdue"];
    expect(await findings("2026-12-08")).toEqual(owed);
    expect(await findings("2026-12-07")).toEqual(owed);
    // A record dated after the day checked (written by hand: the commands refuse it) is date/in-future's.
    const future = (await checkJsonInProcess(dir, "--today", "2026-12-03")).findings.filter((f) => f.file === "tooling.yaml" && f.rule.startsWith("date/"));
    expect(future.map((f) => `${f.line}:${f.column} ${f.rule} ${f.message}`)).toEqual(["99:18 date/in-future EP-30-02: the error-proofing verification is dated 2026-12-04, after today (2026-12-03). A record of something done cannot be dated in the future: write the day it was done, or leave the date out until it is done."]);
  });

  it("lists what is due (csr list tooling --due), the verification record (csr list error-proofing), and prints the register as PDF", async () => {
    const dir = await recorded();
    const list = (...args: string[]) => csrInProcess(["-C", dir, "list", ...args, "--today", "2026-12-08"], { lang: null });
    expect(await list("tooling", "--due", "--lang", "en")).toEqual({ code: 0, stdout: DUE, stderr: "" });
    expect(await list("error-proofing")).toEqual({ code: 0, stdout: VERIFICATIONS, stderr: "" });
    const json = JSON.parse((await list("error-proofing", "--tooling", "ep-30-02", "--format", "json")).stdout);
    expect(json.rows.map((r: Record<string, unknown>) => [r.date, r.result, r.reaction])).toEqual([["2026-12-02", "合格", ""], ["2026-12-04", "不合格", "未记录反应措施"]]);
    expect((await list("tooling", "--tooling", "EP-30-02")).stderr).toBe("csr: --tooling 只用于 csr list error-proofing，不用于 'csr list tooling'。\n");
    const out = join(tempDir(), "工装夹具台账.pdf");
    expect(csr(["-C", dir, "list", "tooling", "--out", out, "--today", "2026-12-08"], { lang: null }).code).toBe(0);
    const text = execFileSync("pdftotext", ["-layout", out, "-"], { encoding: "utf8" });
    expect(text).toContain("工装夹具台账（共 8 项）");
    expect(text).toMatch(/^ *2 +EP-30-01 +拧紧计数防错 +防错装置 +C3 +BH-2201 +本公司 +在用/m);
    expect(text).toContain("共 8 项工装，其中验证或维护逾期 2 项，顾客财产 2 项。");
  });
});

const DUE = "Tooling due for verification or maintenance on 2026-12-08 (2 items)\n\nNo.  Tooling no.  Name          Kind                   Stations  Process  Parts    Owner                                             Customer marking         Status  Location     Change level  Verification  Last verified    Next verification              Maintenance interval  Last maintained  Next maintenance    Remarks\n---  -----------  ------------  ---------------------  --------  -------  -------  ------------------------------------------------  -----------------------  ------  -----------  ------------  ------------  ---------------  -----------------------------  --------------------  ---------------  ------------------  -------\n1    EP-30-02     漏装检测防错  error-proofing device  OP30      C3       BH-2201  ours                                                                       in use                             every shift   2026-12-04 fail  failed on 2026-12-04: due now\n2    MD-30-01     护套注塑模    mould                                              customer-owned: DYA Dongyue Automobile Co., Ltd.  东岳资产标牌 DYA-T-0013  in use  模具库 A-04                                                                              3 months              2026-08-20       2026-11-20 overdue\n\n8 items of tooling, 2 overdue for verification or maintenance, 2 customer-owned.\n";

const VERIFICATIONS = "防错装置验证记录（共 5 次验证）\n\n序号  装置编号  名称          工位  验证频次   验证方法                           验证日期    班次  验证人  结果    反应措施\n----  --------  ------------  ----  ---------  ---------------------------------  ----------  ----  ------  ------  -------------------------------------------------------------\n1     EP-30-01  拧紧计数防错        每 500 件  标准样件验证（OK/NG 样件各 1 件）  2026-09-28  早班  高扬    合格\n2     EP-30-01  拧紧计数防错        每 500 件  标准样件验证（OK/NG 样件各 1 件）  2026-09-29  早班  高扬    不合格  隔离上次验证后产品 500 件全检无不良，更换计数传感器后复验合格\n3     EP-30-01  拧紧计数防错        每 500 件  标准样件验证（OK/NG 样件各 1 件）  2026-09-29  中班  高扬    合格\n4     EP-30-02  漏装检测防错  OP30  每班       标准样件验证                       2026-12-02  早班  高扬    合格\n5     EP-30-02  漏装检测防错  OP30  每班       标准样件验证                       2026-12-04  中班  高扬    不合格  未记录反应措施\n\n2 台装置共验证 5 次，其中不合格 2 次。\n截至 2026-12-08 验证逾期：EP-30-02。\n";
