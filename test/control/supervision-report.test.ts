/**
 * The 军代表's monthly quality supervision report (质量监督月报; GJB 9001C-2017 4.2, 4.4, 10.2, 8.5.1, 8.3.6, 8.5.6, 8.4.1;
 * tester81 J7): `csr list supervision --from --to` gives one dated page of five sections — quality problems and their 归零,
 * 首件鉴定, 技术状态更改, supplier changes and what waits on the 军代表 — each headed with its count, each row citing its record,
 * an empty section saying 无; every format, signed 编制/审核/批准 and 军代表; refused in an IATF 16949 repository. The built
 * binary on a copy of examples/gjb-demo in a real git repository.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { strFromU8, unzipSync } from "fflate";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtOnce, committedFixture, copyFixture, csr, csrInProcess, tempDir, tool } from "../helpers.js";

const setUp = async (dir: string, ...args: string[]) => {
  const result = await csrInProcess(["-C", dir, ...args, "--today", "2026-12-08"], { lang: "zh-CN" });
  expect([result.code, result.stderr]).toMatchObject([0, expect.any(String)]);
};
const zh = (dir: string, ...args: string[]) => csr(["-C", dir, ...args], { lang: "zh-CN" });

/** gjb-demo's November: a 严重 problem notified and evidenced, a 重大 one not notified, a supplier approved, a class I change signed; its FA-2026-002/003 held. */
const november = builtOnce(async () => {
  const dir = committedFixture("examples/gjb-demo");
  await setUp(dir, "action", "open", "NC-2026-001", "--source", "internal", "--title", "灌封气泡", "--received", "2026-11-02", "--owner", "hejun", "--problem-grade", "严重", "--notified", "2026-11-02", "-y", "--commit");
  await setUp(dir, "action", "open", "NC-2026-002", "--source", "internal", "--title", "焊点虚焊", "--received", "2026-11-12", "--owner", "hejun", "--problem-grade", "重大", "-y", "--commit");
  for (const [step, date] of [["D3", "2026-11-03"], ["D4", "2026-11-09"], ["D5", "2026-11-10"], ["D6", "2026-11-16"], ["D7", "2026-11-17"]] as const) await setUp(dir, "action", "step", "NC-2026-001", step, "--date", date, "--by", "hejun", "--commit");
  await setUp(dir, "action", "zero", "NC-2026-001", "--located", "FA-2026-012", "--mechanism", "ESR 偏高", "--reproduced", "SY-2026-032", "--effective", "连续3批验证", "--read-across", "同型已排查", "--process-clear", "进货检验未规定复验", "--responsibility", "质量部", "--measures-taken", "PX-2026-088", "--dealt-with", "通报", "--rules-improved", "CS/WI-003 修订", "--report", "GL-2026-02", "--commit");
  await setUp(dir, "supplier", "add", "GF", "--name", "广丰化工", "--supplies", "灌封胶", "-y", "--commit");
  await setUp(dir, "supplier", "update", "GF", "--status", "approved", "--date", "2026-11-10", "--by", "chenhw", "-y", "--commit");
  await setUp(dir, "release", "CS/WI-002", "--summary", "首件鉴定项目增加气泡检查", "--prepared", "hejun", "--reviewed", "chenhw", "--approved", "liuzm", "--date", "2026-11-24", "--configuration-change", "--change-class", "I", "--change-request", "BG-2026-012", "--customer-approved", "NES=2026-11-23", "--military-representative", "wangjd", "--force", "-y", "--commit");
  return dir;
});

const ROWS = [
  "序号  栏目                          编号           事项                      日期        情况                                                                                 依据",
  "----  ----------------------------  -------------  ------------------------  ----------  -----------------------------------------------------------------------------------  ---------------------------------",
  "1     一、质量问题及归零（2 项）    NC-2026-001    灌封气泡                  2026-11-02  严重；2026-11-02 通报军代表；技术归零 5/5；管理归零 5/5；进行中                      GJB 9001C 10.2、8.7",
  "2     一、质量问题及归零（2 项）    NC-2026-002    焊点虚焊                  2026-11-12  重大；未通报军代表；技术归零 0/5；管理归零 0/5；进行中                               GJB 9001C 10.2、8.7",
  "3     二、首件鉴定（2 项）          FA-2026-002    XX-3 电源模块 灌封        2026-11-20  不合格，已重新鉴定合格；报告 SJ-2026-05；军代表 王建东                               GJB 9001C 8.5.1；GJB 908A",
  "4     二、首件鉴定（2 项）          FA-2026-003    XX-3 电源模块 灌封        2026-11-27  合格；报告 SJ-2026-06；军代表 王建东                                                 GJB 9001C 8.5.1；GJB 908A",
  "5     三、技术状态更改（1 项）      CS/WI-002 A/1  首件鉴定项目增加气泡检查  2026-11-24  I 类；更改单 BG-2026-012；订购方批准：NES 2026-11-23；军代表 王建东 2026-11-24 签署  GJB 9001C 8.3.6、8.5.6；GJB 3206B",
  "6     四、供方变化（1 项）          GF             广丰化工                  2026-11-10  新增供方，评为合格；陈宏伟 批准                                                      GJB 9001C 8.4.1",
  "7     五、待军代表办理事项（2 项）  NC-2026-001    灌封气泡                  2026-11-02  严重质量问题，归零证据齐全，待军代表评审（归零报告 GL-2026-02）                      GJB 9001C 4.2、4.4",
  "8     五、待军代表办理事项（2 项）  NC-2026-002    焊点虚焊                  2026-11-12  重大质量问题，尚未通报军代表                                                         GJB 9001C 4.2、4.4",
];

describe("csr list supervision: the 军代表's monthly report (tester81 J7)", () => {
  it("gives the month's five sections with their counts, each row citing its record", async () => {
    const dir = await november();
    const result = zh(dir, "list", "supervision", "--from", "2026-11-01", "--to", "2026-11-30", "--today", "2026-12-08");
    expect([result.code, result.stderr]).toEqual([0, ""]);
    expect(result.stdout.split("\n")).toEqual([
      "质量监督月报（2026-11-01 至 2026-11-30）",
      "",
      ...ROWS,
      "",
      "本期质量问题 2 项，首件鉴定 2 项，技术状态更改 1 项，供方变化 1 项，待军代表办理事项 2 项。",
      "质量问题为本期收到、本期关闭或期末仍未关闭的记录（质量问题归零台账，csr list actions）；首件鉴定为本期进行的、此前不合格尚未重新鉴定的，以及已生效、更改单要求首件鉴定而尚未鉴定的更改（csr list first-articles）；技术状态更改为本期发布的标为技术状态更改的修订（csr changes）；供方变化为本期作出的供方评价结论（csr list suppliers）；待军代表办理事项按 2026-11-30 的记录列出。各行按其记录编号可查。",
      "",
    ]);
    // Without --from and --to: the last whole calendar month, the month reported on early in the next.
    expect(zh(dir, "list", "supervision", "--today", "2026-12-08").stdout).toBe(result.stdout);
  });

  it("says 无 in a section with nothing in it, and follows the records as they stood at the month's end", async () => {
    const dir = await november();
    // October: the problems were not yet received, FA-2026-001 was in March, the change and the supplier came in November.
    const october = JSON.parse(zh(dir, "list", "supervision", "--from", "2026-10-01", "--to", "2026-10-31", "--today", "2026-12-08", "--format", "json").stdout) as { rows: Record<string, unknown>[] };
    expect(october.rows.map((r) => [r.section, r.id, r.subject])).toEqual([
      ["一、质量问题及归零（0 项）", "", "无"],
      ["二、首件鉴定（0 项）", "", "无"],
      ["三、技术状态更改（0 项）", "", "无"],
      ["四、供方变化（0 项）", "", "无"],
      ["五、待军代表办理事项（0 项）", "", "无"],
    ]);
    // Reviewed and closed in December: the December report says it is 归零; November's still has it waiting on the 军代表.
    await setUp(dir, "action", "zero", "NC-2026-001", "--reviewed-by", "wangjd", "--reviewed", "2026-12-01", "--commit");
    await setUp(dir, "action", "close", "NC-2026-001", "--verified-by", "chenhw", "--evidence", "连续3批合格", "--no-read-across-reason", "无同类产品", "--date", "2026-12-02", "--commit");
    const december = JSON.parse(zh(dir, "list", "supervision", "--from", "2026-12-01", "--to", "2026-12-08", "--today", "2026-12-08", "--format", "json").stdout) as { rows: Record<string, unknown>[] };
    expect(december.rows.filter((r) => r.id === "NC-2026-001").map((r) => [r.section, r.status])).toEqual([["一、质量问题及归零（2 项）", "严重；2026-11-02 通报军代表；技术归零 5/5；管理归零 5/5；2026-12-02 归零，王建东 2026-12-01 评审"]]);
    expect(zh(dir, "list", "supervision", "--from", "2026-11-01", "--to", "2026-11-30", "--today", "2026-12-08").stdout).toContain("严重质量问题，归零证据齐全，待军代表评审（归零报告 GL-2026-02）");
  });

  it("prints as a signed page: PDF with 编制, 审核, 批准 and 军代表 lines; CSV with its period; a workbook sheet", async () => {
    const dir = await november();
    const out = tempDir();
    const pdf = zh(dir, "list", "supervision", "--from", "2026-11-01", "--to", "2026-11-30", "--today", "2026-12-08", "--out", join(out, "月报.pdf"));
    expect([pdf.code, pdf.stdout, pdf.stderr]).toEqual([0, "", `已写入 ${join(out, "月报.pdf")}\n`]);
    if (tool("pdftotext")) {
      const text = spawnSync("pdftotext", ["-layout", join(out, "月报.pdf"), "-"], { encoding: "utf8" }).stdout.replace(/\s+/g, "");
      for (const part of ["质量监督月报（2026-11-01至2026-11-30）", "湖南晨晟电子技术有限公司", "报告期：2026-11-01至2026-11-30", "一、质量问题及归零（2项）", "三、技术状态更改（1项）", "编制：", "审核：", "批准：", "军代表：________________日期："]) expect(text).toContain(part);
    }
    const csv = zh(dir, "list", "supervision", "--from", "2026-11-01", "--to", "2026-11-30", "--today", "2026-12-08", "--format", "csv").stdout.split("\r\n");
    expect(csv[0]).toBe("\uFEFF序号,栏目,编号,事项,日期,情况,依据,报告期");
    expect(csv[6]).toBe("6,四、供方变化（1 项）,GF,广丰化工,2026-11-10,新增供方，评为合格；陈宏伟 批准,GJB 9001C 8.4.1,2026-11-01 至 2026-11-30");
    const xlsx = zh(dir, "list", "supervision", "--from", "2026-11-01", "--to", "2026-11-30", "--today", "2026-12-08", "--format", "xlsx", "--out", `${out}/`);
    expect([xlsx.code, xlsx.stderr]).toEqual([0, `已写入 ${join(out, "supervision-2026-11-01-2026-11-30.xlsx")}\n`]);
    const md = zh(dir, "list", "supervision", "--from", "2026-11-01", "--to", "2026-11-30", "--today", "2026-12-08", "--format", "md").stdout;
    expect(md).toContain("编制：________________ 日期：____________　审核：________________ 日期：____________　批准：________________ 日期：____________　军代表：________________ 日期：____________");
    const en = csr(["-C", dir, "list", "supervision", "--from", "2026-11-01", "--to", "2026-11-30", "--today", "2026-12-08", "--format", "md"]).stdout;
    expect(en).toContain("| 5 | 3. Configuration changes (1) | CS/WI-002 A/1 | 首件鉴定项目增加气泡检查 | 2026-11-24 | class I; change order BG-2026-012;");
    expect(en).toContain("Military representative: ________________");
  });

  it("is refused in a repository that does not work to GJB 9001C, in one line", () => {
    const result = zh(copyFixture("examples/acme-auto"), "list", "supervision");
    expect([result.code, result.stdout, result.stderr]).toEqual([2, "", "csr: 质量监督月报（csr list supervision）是按 GJB 9001C 向驻厂军代表报告的，本仓库的 qms.yaml 的 standards 中没有 GJB9001C；IATF 16949 的质量信息见 csr list management-review 和 csr list actions。\n"]);
  });
});

describe("the supervision report in csr site and csr export", () => {
  it("is last month's page of the site and the workbook's last sheet of performance evaluation, before the corrective action register", async () => {
    const dir = await november();
    const out = tempDir();
    expect(zh(dir, "site", "--today", "2026-12-08", "--out", join(out, "site")).code).toBe(0);
    const page = readFileSync(join(out, "site", "registers", "supervision.html"), "utf8");
    expect(page).toContain("质量监督月报（2026-11-01 至 2026-11-30）");
    expect(page).toContain("CS/WI-002 A/1");
    expect(zh(dir, "export", "--today", "2026-12-08", "--out", join(out, "all.xlsx")).code).toBe(0);
    const workbook = unzipSync(readFileSync(join(out, "all.xlsx")));
    const sheets = [...strFromU8(workbook["xl/workbook.xml"]!).matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
    // In the order of an audit file (179ef57b): last of clause 9's registers, then clause 10's corrective action register.
    expect(sheets.slice(-2)).toEqual(["质量监督月报", "质量问题归零及纠正措施台账"]);
  });
});
