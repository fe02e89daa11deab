import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compareSectionKeys, sectionSortKey } from "../../src/compare/sections.js";
import { copyFixture, csr, csrInProcess, minimalRepo } from "../helpers.js";

describe("a customer's sections in natural order (tester64 N3)", () => {
  it("orders numbers by their parts, chapters by their numeral, then appendices, then 附件, then citations without a number", () => {
    const cited = ["A.1", "3.10 年度全尺寸检验", "附件2", "3.2", "特殊特性符号", "附录 B", "1.1", "3.11", "B.2", "3", "第十二条", "第三章", "Annex A", "A.1.2", "附件1"];
    const sorted = [...cited].sort((a, b) => compareSectionKeys(sectionSortKey(a), sectionSortKey(b)));
    expect(sorted).toEqual(["1.1", "3", "第三章", "3.2", "3.10 年度全尺寸检验", "3.11", "第十二条", "Annex A", "A.1", "A.1.2", "附录 B", "B.2", "附件1", "附件2", "特殊特性符号"]);
    expect(sectionSortKey(undefined)).toEqual([3]);
  });
});

const csrFile = (id: string, source: string, section: string) =>
  [`id: ${id}`, "customer: GWM", `source: { document: ${source}, revision: A/0, section: "${section}" }`, "clauses: [IATF16949:8.3.4.4]", `title: 要求${id.slice(-1)}`, "received: 2026-09-24", ""].join("\n");

/** GWM, whose file lists GWM-CSR before GWM-PKG; the CSRs registered in another order than the sections'. */
function gwmRepo(): string {
  return minimalRepo({
    "customers/GWM.yaml": [
      "code: GWM",
      "name: 长城汽车",
      "sources:",
      "  - id: GWM-CSR",
      "    title: 长城汽车顾客特定要求",
      "    revisions:",
      "      - { revision: A/0, received: 2026-09-24 }",
      "  - id: GWM-PKG",
      "    title: 长城汽车包装规范",
      "    revisions:",
      "      - { revision: A/0, received: 2026-09-24 }",
      "",
    ].join("\n"),
    "csr/GWM/GWM-001.yaml": csrFile("GWM-001", "GWM-CSR", "3.2"),
    "csr/GWM/GWM-002.yaml": csrFile("GWM-002", "GWM-PKG", "2.1"),
    "csr/GWM/GWM-003.yaml": csrFile("GWM-003", "GWM-CSR", "A.1"),
    "csr/GWM/GWM-004.yaml": csrFile("GWM-004", "GWM-CSR", "3.11"),
    "csr/GWM/GWM-005.yaml": csrFile("GWM-005", "GWM-CSR", "1.1"),
    "csr/GWM/GWM-006.yaml": csrFile("GWM-006", "GWM-CSR", "3.10"),
  });
}

const idsOf = (stdout: string) => (JSON.parse(stdout) as { rows: { id: string }[] }).rows.map((row) => row.id);
const csvIds = (stdout: string) => stdout.split("\r\n").slice(1).filter(Boolean).map((line) => line.split(",")[0]);

describe("csr matrix csr and csr list csr in the customer's section order (tester64 N3)", { timeout: 60_000 }, () => {
  const inSectionOrder = ["GWM-005", "GWM-001", "GWM-006", "GWM-004", "GWM-003", "GWM-002"];
  const byId = ["GWM-001", "GWM-002", "GWM-003", "GWM-004", "GWM-005", "GWM-006"];

  it("one customer's matrix and list follow its documents' sections, 3.10 after 3.2, the appendix after 3.11; --sort id by number", async () => {
    const dir = gwmRepo();
    const base = ["-C", dir, "--lang", "en", "--today", "2026-10-01"];
    expect(idsOf((await csrInProcess(["matrix", "csr", "--customer", "GWM", "--format", "json", ...base])).stdout)).toEqual(inSectionOrder);
    expect(idsOf((await csrInProcess(["list", "csr", "--customer", "GWM", "--format", "json", ...base])).stdout)).toEqual(inSectionOrder);
    // The same in every format: a CSV's rows, as a workbook's.
    expect(csvIds((await csrInProcess(["matrix", "csr", "--customer", "GWM", "--format", "csv", ...base])).stdout)).toEqual(inSectionOrder);
    expect(idsOf((await csrInProcess(["matrix", "csr", "--customer", "GWM", "--sort", "id", "--format", "json", ...base])).stdout)).toEqual(byId);
    // The whole register by id, as numbered; --sort section groups it by customer and document all the same.
    expect(idsOf((await csrInProcess(["list", "csr", "--format", "json", ...base])).stdout)).toEqual(byId);
    expect(idsOf((await csrInProcess(["list", "csr", "--sort", "section", "--format", "json", ...base])).stdout)).toEqual(inSectionOrder);
  });

  it("refuses an unknown order, and --sort for the clause matrix and the other lists, in one line with exit 2", async () => {
    const dir = gwmRepo();
    expect(await csrInProcess(["-C", dir, "--lang", "en", "matrix", "csr", "--sort", "title"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --sort must be one of section, id; got 'title'.\n",
    });
    expect(csr(["-C", dir, "--lang", "en", "matrix", "clauses", "--sort", "id"])).toEqual({ code: 2, stdout: "", stderr: "csr: --sort is for csr matrix csr only.\n" });
    expect((await csrInProcess(["-C", dir, "--lang", "en", "list", "procedures", "--sort", "id"])).stderr).toBe("csr: --sort is for csr list only, not for 'csr list procedures'.\n");
  });
});

describe("a customer's list in section order shows the source document and revision; a superseded revision's requirements follow the current one's (breaker64 P10)", { timeout: 120_000 }, () => {
  const terminal = async (dir: string) => (await csrInProcess(["-C", dir, "list", "csr", "--customer", "DYA", "--today", "2026-12-05"], { lang: "zh-CN" })).stdout.split("\n")
    .filter((line) => /^(编号|DYA-)/.test(line)).map((line) => line.split(/ {2,}/).slice(0, 5).join("  "));
  const matrixRows = async (dir: string) => (JSON.parse((await csrInProcess(["-C", dir, "matrix", "csr", "--customer", "DYA", "--today", "2026-12-05", "--format", "json"])).stdout) as { rows: { id: string; revision: string }[] }).rows
    .map((row) => `${row.id} ${row.revision}`).filter((row, i, all) => all.indexOf(row) === i);

  it("in the example: DYA-SQM D's sections, then C's DYA-003, then DYA-SC and DYA-KPI; after revision E is recorded, E's, then C's", async () => {
    const dir = copyFixture("examples/acme-auto");
    expect(await terminal(dir)).toEqual([
      "编号  顾客代码  来源文件  来源版本  章节",
      "DYA-004  DYA  DYA-SQM  D  6.2 控制计划",
      "DYA-002  DYA  DYA-SQM  D  7.3 质量问题响应",
      "DYA-006  DYA  DYA-SQM  D  8.4 返工",
      "DYA-005  DYA  DYA-SQM  D  9.5 型式试验",
      "DYA-003  DYA  DYA-SQM  C  8.4 返工",
      "DYA-001  DYA  DYA-SC  B  4.2 特殊特性符号",
      "DYA-007  DYA  DYA-KPI  2027版  3 年度质量绩效目标",
    ]);
    expect(await matrixRows(dir)).toEqual(["DYA-004 D", "DYA-002 D", "DYA-006 D", "DYA-005 D", "DYA-003 C", "DYA-001 B", "DYA-007 2027版"]);
    // In id order the list keeps its columns: the section beside the customer.
    expect((await csrInProcess(["-C", dir, "list", "csr", "--customer", "DYA", "--sort", "id", "--today", "2026-12-05"], { lang: "zh-CN" })).stdout).toMatch(/^编号 +顾客代码 +章节 +条款 /m);
    expect((await csrInProcess(["-C", dir, "source", "update", "DYA-SQM", "--revision", "E", "--issued", "2026-12-01", "--received", "2026-12-03", "-y"])).code).toBe(0);
    expect((await terminal(dir)).slice(1, 6)).toEqual([
      "DYA-004  DYA  DYA-SQM  E  6.2 控制计划",
      "DYA-002  DYA  DYA-SQM  E  7.3 质量问题响应",
      "DYA-006  DYA  DYA-SQM  E  8.4 返工",
      "DYA-005  DYA  DYA-SQM  E  9.5 型式试验",
      "DYA-003  DYA  DYA-SQM  C  8.4 返工",
    ]);
    expect((await matrixRows(dir)).slice(0, 5)).toEqual(["DYA-004 E", "DYA-002 E", "DYA-006 E", "DYA-005 E", "DYA-003 C"]);
  });
});

describe("csr matrix csr --customer names the customer (tester64 N11)", { timeout: 60_000 }, () => {
  it("in its title and a note, as the CSR list filtered by customer does, in every format, and its file is named after it", async () => {
    const dir = gwmRepo();
    const base = ["-C", dir, "--today", "2026-10-01"];
    const zh = [...base, "--lang", "zh-CN"];
    const table = await csrInProcess(["matrix", "csr", "--customer", "GWM", ...zh]);
    expect(table.stdout.split("\n")[0]).toBe("顾客特定要求矩阵（顾客：长城汽车）");
    expect(table.stdout).toContain("\n本表按条件筛选（顾客：长城汽车），不是完整的顾客特定要求矩阵。\n");
    expect(table.stderr).toBe("完整的顾客特定要求矩阵：csr matrix csr。\n");
    const md = await csrInProcess(["matrix", "csr", "--customer", "GWM", "--format", "md", ...zh]);
    expect(md.stdout).toContain("顾客特定要求矩阵（顾客：长城汽车）");
    const csv = await csrInProcess(["matrix", "csr", "--customer", "GWM", "--format", "csv", ...zh]);
    expect(csv.stderr).toContain("这份 CSV 按条件筛选（顾客：长城汽车），共 6 行");
    const en = await csrInProcess(["matrix", "csr", "--customer", "GWM", "--lang", "en", ...base]);
    expect(en.stdout.split("\n")[0]).toBe("Customer-specific requirements matrix (customer 长城汽车)");
    expect(await csrInProcess(["matrix", "csr", "--customer", "GWM", "--format", "csv", "--out", "out/", ...base])).toMatchObject({ code: 0 });
    expect(existsSync(join(dir, "out/csr-matrix-GWM.csv"))).toBe(true);
    // The whole matrix keeps its plain title.
    expect((await csrInProcess(["matrix", "csr", ...zh])).stdout.split("\n")[0]).toBe("顾客特定要求矩阵");
  });
});
