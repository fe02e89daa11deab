/**
 * The register of gauges and test equipment (计量器具台账; tester82 A8; IATF 16949 7.1.5.1.1, 7.1.5.2, 7.1.5.2.1, 7.1.5.3) and
 * the tooling never maintained (8.5.1.5): `csr tooling calibrate` records a calibration by the internal laboratory or an
 * external one with its ISO/IEC 17025 accreditation (refusing one with neither, an external one without its certificate, an
 * unknown action), `csr tooling msa` a study judged by the AIAG MSA manual, `csr tooling add|update --calibration-months`
 * the interval; `csr check` reports a gauge failed or never calibrated (tooling/calibration-overdue), a failed calibration
 * without its evaluation (tooling/calibration-without-reaction), a fixture never maintained (tooling/maintenance-overdue);
 * `csr list gauges [--due]` prints the register on QR-006-01, the PDF read back. acme-auto (its example tooling.yaml: GA-30-01,
 * GA-30-02, TE-40-01 calibrated; FX-30-02 in use since 2026-09-01, maintained every 6 months, never maintained) in a
 * temporary git repository; the audit day is 2026-12-08.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtOnce, checkJsonInProcess, copyFixture, csr, csrInProcess, gitInit, tempDir } from "../helpers.js";

const WROTE = "已写入 tooling.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n";
const zh = (dir: string, ...args: string[]) => csrInProcess(["-C", dir, ...args, "--today", "2026-12-08"], { lang: null });
const refused = (stderr: string) => ({ code: 2, stdout: "", stderr });
const HINT = '提示：例如 csr tooling calibrate GA-30-01 --result pass --lab 苏州市计量测试院 --accredited "CNAS L0208" --certificate JL-2026-03118\n';

const example = builtOnce(() => gitInit(copyFixture("examples/acme-auto")));

/** The tooling/* findings of `csr check` on `today`, as `line:column rule`. */
async function toolingFindings(dir: string, today = "2026-12-08"): Promise<string[]> {
  const { findings } = await checkJsonInProcess(dir, "--today", today);
  return findings.filter((f: { rule: string }) => f.rule.startsWith("tooling/")).map((f: { line: number; column: number; rule: string }) => `${f.line}:${f.column} ${f.rule}`);
}

describe("csr list gauges: the register an IATF auditor asks for (7.1.5.2)", () => {
  it("lists acme-auto's three gauges with interval, last and next calibration, laboratory, certificate, status and MSA, on QR-006-01", async () => {
    const dir = await example();
    expect(await zh(dir, "list", "gauges", "--format", "md")).toEqual({
      code: 0,
      stdout: [
        "## 计量器具台账（共 3 项）",
        "",
        "江苏安迈汽车零部件有限公司 ｜ 表单编号：QR-006-01 A/0 ｜ 截至 2026-12-08",
        "",
        "| 序号 | 编号 | 名称 | 规格/量程 | 分辨力 | 使用工位/地点 | 校准周期 | 上次校准 | 下次校准 | 校准机构 | 证书编号 | 状态 | MSA | 备注 |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
        "| 1 | GA-30-01 | 数显卡尺 | 0–150 mm | 0.01 mm | 扣压线 OP30 | 12 个月 | 2026-06-15 合格 | 2027-06-15 | 内部校准 赵强 | JZ-2026-031 | 合格 | %GRR 8.4%，ndc 12，可接受（2026-04-20） |  |",
        "| 2 | GA-30-02 | 扣压外径通止规 | Φ18.40±0.15 mm 通止 | 通止 | 扣压线 OP30 | 6 个月 | 2026-11-17 合格 | 2027-05-17 | 内部校准 赵强 | JZ-2026-041 | 合格 |  |  |",
        "| 3 | TE-40-01 | 拉脱力试验机 | 0–10 kN | 1 N | 品质部实验室 | 12 个月 | 2026-03-18 调整后合格 | 2027-03-18 | 苏州市计量测试院（CNAS L0208） | JL-2026-03118 | 合格 | %GRR 14.2%，ndc 6，有条件接受（2026-04-22） |  |",
        "",
        "共 3 台计量器具，其中校准逾期 0 台，30 天内到期 0 台。  ",
        "",
        "编制：________________ 日期：____________　审核：________________ 日期：____________　批准：________________ 日期：____________",
        "",
      ].join("\n"),
      stderr: "",
    });
    // The example stays clean: nothing of tooling.yaml is reported on the audit day.
    expect(await toolingFindings(dir)).toEqual([]);
  });

  it("shows FX-30-02's first maintenance counted from the day it was put in use, and EP-30-01's frequency in parts as not computable", async () => {
    const dir = await example();
    const rows = JSON.parse((await zh(dir, "list", "tooling", "--format", "json")).stdout).rows as Record<string, unknown>[];
    expect(rows.slice(0, 2).map((r) => [r.id, r.frequency, r["verification-due"], r["maintenance-due"]])).toEqual([
      ["FX-30-02", "", "", "从未维护，首次维护 2027-03-01"],
      ["EP-30-01", "每 500 件（按件数，无法推算日期）", "", ""],
    ]);
  });

  it("prints the register as PDF (the binary), read back with pdftotext", () => {
    const dir = copyFixture("examples/acme-auto");
    const out = join(tempDir(), "计量器具台账.pdf");
    expect(csr(["-C", dir, "list", "gauges", "--out", out, "--today", "2026-12-08"], { lang: null })).toEqual({ code: 0, stdout: "", stderr: `已写入 ${out}\n` });
    const text = execFileSync("pdftotext", ["-layout", out, "-"], { encoding: "utf8" });
    expect(text).toContain("计量器具台账（共 3 项）");
    expect(text).toContain("表单编号：QR-006-01 A/0");
    expect(text).toMatch(/ 1 +GA-30-01 +数显卡尺 +0–150 mm +0.01 mm/);
    expect(text).toContain("共 3 台计量器具，其中校准逾期 0 台，30 天内到期 0 台。");
  });
});

describe("csr tooling calibrate|msa, then csr check (7.1.5.2, 7.1.5.2.1, 7.1.5.1.1)", () => {
  const story = builtOnce(async () => gitInit(copyFixture("examples/acme-auto")));

  it("refuses a calibration by nobody, an external one without its certificate, an accreditation without a laboratory, an unknown action, a reaction to a pass, a %GRR not a number", async () => {
    const dir = await story();
    const calibrate = (...args: string[]) => zh(dir, "tooling", "calibrate", "GA-30-01", ...args);
    expect(await calibrate("--result", "pass")).toEqual(refused("csr: csr tooling calibrate 需要 --result（pass、adjusted 或 fail），以及 --by（内部实验室人员）或 --lab（外部实验室）。\n" + HINT));
    expect(await calibrate("--result", "pass", "--lab", "苏州市计量测试院")).toEqual(refused("csr: 外部实验室校准需要 --certificate：校准证书编号。\n" + HINT));
    expect(await calibrate("--result", "pass", "--by", "zhaoqiang", "--accredited", "CNAS L0208")).toEqual(refused("csr: --accredited 是外部实验室的认可资质，须与 --lab 一起使用。\n"));
    expect(await calibrate("--result", "fail", "--by", "zhaoqiang", "--action", "NC-2099-001")).toEqual(refused("csr: --action NC-2099-001：actions/ 中没有此纠正措施（已有：8D-2026-001）。\n"));
    expect(await calibrate("--result", "pass", "--by", "zhaoqiang", "--reaction", "复测")).toEqual(refused("csr: --reaction 和 --action 只能与 --result fail 一起使用。\n"));
    expect((await calibrate("--result", "ok", "--by", "zhaoqiang")).stderr).toMatch(/^csr: --result/);
    expect(await zh(dir, "tooling", "msa", "GA-30-02", "--grr", "abc")).toEqual(refused("csr: --grr abc：应为不小于 0 的百分数，如 8.6。\n"));
    expect(readFileSync(join(dir, "tooling.yaml"), "utf8")).toBe(readFileSync(join("examples/acme-auto/tooling.yaml"), "utf8"));
  });

  it("records a failed calibration, an external one, an MSA study and a new gauge; the check reports exactly what is out of calibration", async () => {
    const dir = await story();
    expect(csr(["-C", dir, "tooling", "calibrate", "GA-30-01", "--result", "fail", "--by", "zhaoqiang", "--certificate", "JZ-2026-045", "--today", "2026-12-08"], { lang: null })).toEqual({
      code: 0,
      stdout:
        "已记录：GA-30-01 数显卡尺 2026-12-08 由 赵强（zhaoqiang）校准：不合格，证书编号 JZ-2026-045。\n" +
        "校准失准：请评估自上次合格校准以来用 GA-30-01 测量的产品，并在该记录的 reaction 中写明，或在 action 中写明承接的纠正措施（IATF 16949 7.1.5.2.1；csr check：tooling/calibration-without-reaction）。\n" +
        "GA-30-01 校准合格前不得使用：可用 csr tooling update GA-30-01 --status repair 停用。\n" +
        WROTE,
      stderr: "",
    });
    expect(await zh(dir, "tooling", "update", "TE-40-01", "--calibration-months", "6")).toEqual({ code: 0, stdout: "已修改 TE-40-01 拉脱力试验机：校准周期：12 个月 → 6 个月。\n" + WROTE, stderr: "" });
    expect(await zh(dir, "tooling", "calibrate", "te-40-01", "--result", "pass", "--lab", "苏州市计量测试院", "--accredited", "CNAS L0208", "--certificate", "JL-2026-12001", "--date", "2026-12-07")).toEqual({
      code: 0,
      stdout: "已记录：TE-40-01 拉脱力试验机 2026-12-07 由 苏州市计量测试院（CNAS L0208）校准：合格，证书编号 JL-2026-12001。\n下次校准应于 2027-06-07 前完成。\n" + WROTE,
      stderr: "",
    });
    expect(await zh(dir, "tooling", "msa", "GA-30-02", "--grr", "34.5", "--ndc", "3", "--study", "QR-006-01-MSA-2026-09")).toEqual({
      code: 0,
      stdout: "已记录：GA-30-02 扣压外径通止规 2026-12-08 测量系统分析：%GRR 34.5%，ndc 3，不可接受。\n不可接受（AIAG MSA：%GRR 大于 30% 或 ndc 小于 5）：请改进测量系统并重新研究后再用于判定产品。\n" + WROTE,
      stderr: "",
    });
    expect(await zh(dir, "tooling", "add", "GA-30-05", "--name", "高度规", "--kind", "gauge", "--calibration-months", "12", "--range", "0–300 mm", "--resolution", "0.01 mm")).toEqual({
      code: 0,
      stdout: "已在 tooling.yaml 中登记 GA-30-05 高度规（检具）。\n请用 csr tooling calibrate GA-30-05 --result pass --by <人员> --certificate <编号> 记录校准（外部实验室：--lab <名称> --accredited <ISO/IEC 17025 认可号>）。\n" + WROTE,
      stderr: "",
    });
    const yaml = readFileSync(join(dir, "tooling.yaml"), "utf8");
    expect(yaml).toContain("        - {date: 2026-06-15, result: pass, by: zhaoqiang, certificate: JZ-2026-031}\n        - {date: 2026-12-08, result: fail, by: zhaoqiang, certificate: JZ-2026-045}\n");
    expect(yaml).toContain("      interval_months: 6\n      records:\n        - {date: 2026-03-18, result: adjusted, lab: 苏州市计量测试院, accreditation: CNAS L0208, certificate: JL-2026-03118}\n        - {date: 2026-12-07, result: pass, lab: 苏州市计量测试院, accreditation: CNAS L0208, certificate: JL-2026-12001}\n");
    expect(yaml).toContain("    msa:\n      - {date: 2026-12-08, grr: 34.5, ndc: 3, study: QR-006-01-MSA-2026-09}\n  - id: TE-40-01\n");
    expect(yaml.endsWith("  - id: GA-30-05\n    name: 高度规\n    kind: gauge\n    range: 0–300 mm\n    resolution: 0.01 mm\n    calibration:\n      interval_months: 12\n")).toBe(true);
    expect(await toolingFindings(dir)).toEqual(["56:38 tooling/calibration-overdue", "56:38 tooling/calibration-without-reaction", "98:24 tooling/calibration-overdue"]);

    const due = JSON.parse((await zh(dir, "list", "gauges", "--due", "--format", "json")).stdout);
    expect(due.title).toBe("2026-12-08 起 30 天内到期及已逾期的校准（共 2 项）");
    expect(due.rows.map((r: Record<string, unknown>) => [r.id, r.calibrated, r["calibration-due"], r.status, r.msa])).toEqual([
      ["GA-30-01", "2026-12-08 不合格", "2026-12-08 校准不合格，合格前不得使用", "不合格，停用", "%GRR 8.4%，ndc 12，可接受（2026-04-20）"],
      ["GA-30-05", "", "从未校准，应立即校准", "待校准", ""],
    ]);
    const card = await zh(dir, "show", "GA-30-02");
    expect(card.stdout).toContain("  测量系统分析    2026-12-08  %GRR 34.5%，ndc 3  不可接受  QR-006-01-MSA-2026-09\n");
    expect(card.stdout).toContain("  校准记录        2026-05-20  合格  内部校准 赵强，证书编号 JZ-2026-024\n");
  });
});

describe("tooling never maintained (8.5.1.5): the first maintenance owed one interval after it was put in use", () => {
  it("reports FX-30-02 never maintained: undated at once, then from its in-use day; csr list tooling --due lists it", async () => {
    const dir = gitInit(copyFixture("examples/acme-auto"));
    const file = join(dir, "tooling.yaml");
    // As the auditor found it: a 6-month plan, no maintenance, no in-use day.
    writeFileSync(file, readFileSync(file, "utf8").replace("    in_use_since: 2026-09-01\n", ""));
    const { findings } = await checkJsonInProcess(dir, "--today", "2026-12-08");
    expect(findings.filter((f: { rule: string }) => f.rule.startsWith("tooling/")).map((f: { line: number; rule: string; message: string }) => `${f.line} ${f.rule} ${f.message}`)).toEqual([
      "15 tooling/maintenance-overdue FX-30-02 (定位夹具) is maintained every 6 months but has no maintenance recorded, and no in-use date from which its first maintenance falls due. Record its last maintenance: 'csr tooling maintain FX-30-02 --by <person> --date <day>', or the day it was put in use: 'csr tooling update FX-30-02 --in-use-since <day>'.",
    ]);
    expect(await zh(dir, "tooling", "update", "FX-30-02", "--in-use-since", "2026-03-02")).toEqual({ code: 0, stdout: "已修改 FX-30-02 定位夹具：投入使用日期：无 → 2026-03-02。\n" + WROTE, stderr: "" });
    expect(await toolingFindings(dir)).toEqual(["14:19 tooling/maintenance-overdue"]);
    const due = JSON.parse((await zh(dir, "list", "tooling", "--due", "--format", "json")).stdout);
    expect(due.rows.map((r: Record<string, unknown>) => [r.id, r.interval, r.maintained, r["maintenance-due"]])).toEqual([["FX-30-02", "6 个月", null, "从未维护，首次维护 2026-09-02 已逾期"]]);
  });
});
