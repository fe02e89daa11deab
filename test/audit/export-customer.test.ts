/**
 * What a customer's SQE takes away from a second-party audit (tester74): acme-auto committed on 2026-12-04.
 * T5: csr export --customer DYA writes one workbook with only that customer's sheets, nothing of the other customer
 * (北辰, BCM), each sheet an extract in its heading and a note; an unknown code is refused (exit 2).
 * T11: a register filtered to one customer printed on its form says it is an extract beside the form number.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { commitAt, copyFixture, csr, csrInProcess, gitInitEmpty, tempDir } from "../helpers.js";

/** A workbook's parts read as text (a .xlsx is a zip), by part name. */
function parts(file: string): Map<string, string> {
  const names = execFileSync("unzip", ["-Z1", file], { encoding: "utf8" }).split("\n").filter((n) => n.startsWith("xl/") && n.endsWith(".xml"));
  return new Map(names.map((name) => [name, execFileSync("unzip", ["-p", file, name], { encoding: "utf8", maxBuffer: 64 << 20 })]));
}

describe("csr export --customer: the customer's workbook", () => {
  let acme: string;
  let workbook: Map<string, string>;
  let run: { code: number; stdout: string; stderr: string };
  beforeAll(() => {
    acme = gitInitEmpty(copyFixture("examples/acme-auto"));
    commitAt(acme, "2026-12-04", "initial");
    const out = join(tempDir(), "DYA.xlsx");
    run = csr(["-C", acme, "export", "--customer", "DYA", "--out", out, "--today", "2026-12-04"], { lang: "zh-CN" });
    workbook = parts(out);
  }, 120_000);

  it("holds only the customer's sheets, in order, and nothing naming the other customer", () => {
    expect(run.code, run.stderr).toBe(0);
    const sheets = [...workbook.get("xl/workbook.xml")!.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
    expect(sheets).toEqual(["顾客特定要求矩阵", "顾客特定要求清单", "评审及时性", "特殊特性符号对照表", "纠正措施台账", "受控文件清单", "发放回收记录", "培训记录", "未完成培训"]);
    expect([...workbook].filter(([, xml]) => /北辰|BCM|Beichen/.test(xml)).map(([name]) => name)).toEqual([]);
    const strings = workbook.get("xl/sharedStrings.xml") ?? [...workbook.values()].join("");
    expect(strings).toContain("HH-F-052 A/2");
    expect(strings).toContain("DYA-002");
  });

  it("marks each sheet an extract for the customer: beside the form number and in a note", () => {
    const all = [...workbook.values()].join("");
    expect(all).toContain("表单编号：QR-014-01 A/1（本表按条件筛选，顾客：东岳汽车股份有限公司，为摘录）");
    expect(all).toContain("本表按条件筛选（顾客：东岳汽车股份有限公司），为纠正措施台账");
  });

  it("refuses a customer the repository does not have, naming those it has, and writes nothing", () => {
    const out = join(tempDir(), "x.xlsx");
    const refused = csr(["-C", acme, "export", "--customer", "XYZ", "--out", out, "--today", "2026-12-04"], { lang: "zh-CN" });
    expect(refused).toEqual({ code: 2, stdout: "", stderr: "csr: --customer：未知顾客 'XYZ'；顾客有：BCM 北辰汽车集团有限公司、DYA 东岳汽车股份有限公司。\n" });
    expect(existsSync(out)).toBe(false);
  });

  it("prints the symbol table of one customer on its form as an extract, and the whole table as the form", async () => {
    const md = join(tempDir(), "sym.md");
    expect((await csrInProcess(["-C", acme, "list", "symbols", "--customer", "DYA", "--today", "2026-12-04", "--out", md], { lang: "zh-CN" })).code).toBe(0);
    const text = readFileSync(md, "utf8");
    expect(text).toContain("江苏安迈汽车零部件有限公司 ｜ 表单编号：QR-014-01 A/1（本表按条件筛选，顾客：东岳汽车股份有限公司，为摘录） ｜ 截至 2026-12-04");
    expect(text).toContain("本表按条件筛选（顾客：东岳汽车股份有限公司），不是完整的特殊特性符号对照表。");
    const whole = await csrInProcess(["-C", acme, "list", "symbols", "--today", "2026-12-04", "--format", "md"], { lang: "zh-CN" });
    expect(whole.stdout).toContain("江苏安迈汽车零部件有限公司 ｜ 表单编号：QR-014-01 A/1 ｜ 截至 2026-12-04");
    expect(whole.stdout).not.toContain("按条件筛选");
  });
});
