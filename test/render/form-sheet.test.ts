/**
 * A form's blank sheet (tester75 P9): `csr render HH-F-045` prints the form to fill in — its number and version,
 * title, fields, table with the items and empty rows, notes, signature fields and 保存期限 at the foot, under the
 * 受控/非受控 stamp — instead of its cover; `csr list forms --department` keeps the forms a department uses.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { sheetView } from "../../src/render/view.js";
import { committedFixture, csr, csrInProcess, tempDir, tool } from "../helpers.js";

describe("sheetView", () => {
  it("pads the items to the columns, adds 10 empty rows without items and none with them unless asked", () => {
    expect(sheetView({ columns: ["A", { label: "B", label_en: "Bee", width: 35 }], fields: ["f1", "f2", "f3", { label: "f4", label_en: "F4" }] }, "zh-CN")).toEqual({
      fieldRows: [["f1", "f2", "f3"], ["f4"]],
      columns: [{ label: "A", mm: 0, width: "" }, { label: "B", mm: 35, width: "20%" }],
      rows: Array.from({ length: 10 }, () => ["", ""]),
      notes: "",
      signatures: [],
    });
    const en = sheetView({ columns: ["A", { label: "B", label_en: "Bee" }], items: [[1], [2, "x", "extra"]], notes: "注", notes_en: "Note", signatures: [{ label: "点检人", label_en: "Checked by" }] }, "en");
    expect(en.columns.map((c) => c.label)).toEqual(["A", "Bee"]);
    expect(en.rows).toEqual([["1", ""], ["2", "x", "extra"]]);
    expect(en.notes).toBe("Note");
    expect(en.signatures).toEqual(["Checked by"]);
    expect(sheetView({ columns: ["A"], items: [["a"]], rows: 2 }, "zh-CN").rows).toEqual([["a"], [""], [""]]);
  });
});

describe("csr render of a form with a sheet (tester75 P9)", () => {
  let repo: string;
  const out = tempDir();
  beforeAll(() => {
    repo = committedFixture("examples/acme-auto");
  });

  it("prints the blank form in Markdown: number and version, fields, items and empty rows, signatures, 保存期限; no cover", async () => {
    const result = await csrInProcess(["-C", repo, "render", "HH-F-045", "--format", "md", "--today", "2026-12-04", "--lang", "zh-CN", "--out", join(out, "HH-F-045.md")]);
    expect(result.stderr).toBe("已输出 1 个文件（md，zh-CN）。\n");
    expect(result.code).toBe(0);
    expect(readFileSync(join(out, "HH-F-045.md"), "utf8")).toBe(
      [
        "**【非受控】**",
        "",
        "> **非受控 仅供参考：本打印件不是受控副本，未登记在文件发放/回收记录中；受控副本是加盖“受控”章、注明受控号并登记发放的编号副本（csr render HH-F-045 --copy N）。**",
        "",
        "**江苏安迈汽车零部件有限公司**",
        "",
        "# 设备日常点检表",
        "",
        "表单编号：HH-F-045 A/1",
        "",
        "设备名称：＿＿＿＿＿＿　设备编号：＿＿＿＿＿＿　工位：＿＿＿＿＿＿  ",
        "日期：＿＿＿＿＿＿　班次：＿＿＿＿＿＿  ",
        "",
        "| 序号 | 点检部位 | 点检内容 | 方法 | 判定标准 | 结果 | 异常处理 |",
        "| --- | --- | --- | --- | --- | --- | --- |",
        "| 1 | 液压系统 | 油位 | 目视 | 油标上下限之间 |  |  |",
        "| 2 | 加热板 | 模温 | 测温仪 | 170 ± 5 ℃ |  |  |",
        "| 3 | 压力表 | 合模压力 | 目视 | 工艺卡设定值 ± 5% |  |  |",
        "| 4 | 安全光栅 | 遮挡即停机 | 试验 | 停机 |  |  |",
        "| 5 | 模具 | 型腔清洁、无残胶 | 目视 | 无残胶 |  |  |",
        "|  |  |  |  |  |  |  |",
        "|  |  |  |  |  |  |  |",
        "",
        "结果栏：√ 正常，× 异常（异常时停机并报班组长，在“异常处理”栏记录）。",
        "",
        "点检人：＿＿＿＿＿＿　日期：＿＿＿＿＿＿　班组长确认：＿＿＿＿＿＿　日期：＿＿＿＿＿＿",
        "",
        "保存期限：3年　存放地点：生产部各车间",
        "",
      ].join("\n"),
    );
  });

  it("prints it in HTML with the column widths as attributes under the 非受控 stamp; the cover of a form without a sheet is unchanged", async () => {
    const result = await csrInProcess(["-C", repo, "render", "HH-F-052", "--format", "html", "--today", "2026-12-04", "--lang", "zh-CN", "--out", join(out, "HH-F-052.html")]);
    expect(result.code).toBe(0);
    const html = readFileSync(join(out, "HH-F-052.html"), "utf8");
    expect(html).toContain('<p class="form-number"><span class="nowrap">表单编号：HH-F-052 A/2</span></p>');
    expect(html).toContain('<thead><tr><th width="6.9%">序号</th><th>检验项目</th><th>规格要求</th><th width="10.3%">实测1</th><th width="10.3%">实测2</th><th width="10.3%">实测3</th><th width="9.1%">判定</th></tr></thead>');
    expect(html).toContain("<tr><td>1</td><td>扣压外径</td><td>按工艺卡</td><td></td><td></td><td></td><td></td></tr>");
    expect(html).toContain('<table class="sheet-fields">\n<tr><th>产品图号</th><td></td><th>扣压模具编号</th><td></td><th>累计冲次</th><td></td></tr>\n<tr><th>日期</th><td></td><th>班次</th><td></td><th>操作者</th><td></td></tr>\n</table>');
    expect(html).toContain('<tr><th>检验员</th><td></td><th>日期</th><td></td><th>班组长确认</th><td></td><th>日期</th><td></td></tr>');
    expect(html).toContain('<p class="form-foot"><span class="nowrap">保存期限：3年</span>　<span class="nowrap">存放地点：品质部</span></p>');
    expect(html).toContain('<div class="stamp stamp-uncontrolled">非受控</div>');
    // No cover: the header block and revision record stay on the form's page and in the registers.
    expect(html).not.toContain("修订记录");
    expect(html).not.toContain('<table class="header">');
    const cover = await csrInProcess(["-C", repo, "render", "QR-014-01", "--format", "html", "--today", "2026-12-04", "--lang", "zh-CN", "--out", join(out, "QR-014-01.html")]);
    expect(cover.code).toBe(0);
    const coverHtml = readFileSync(join(out, "QR-014-01.html"), "utf8");
    expect(coverHtml).toContain("修订记录");
    expect(coverHtml).not.toContain("表单编号");
  });

  it("prints it in English with the sheet's English labels where given", async () => {
    const result = await csrInProcess(["-C", repo, "render", "HH-F-045", "--format", "md", "--lang", "en", "--today", "2026-12-04", "--out", join(out, "HH-F-045.en.md")]);
    expect(result.code).toBe(0);
    const text = readFileSync(join(out, "HH-F-045.en.md"), "utf8");
    expect(text).toContain("Form No.: HH-F-045 A/1\n");
    expect(text).toContain("点检人: ＿＿＿＿＿＿　Date: ＿＿＿＿＿＿");
    expect(text).toContain("Retention: 3 years　Kept at: 生产部各车间");
  });

  it("writes the sheet into the Word file: the number line, the table's header and items, the foot", async () => {
    const result = await csrInProcess(["-C", repo, "render", "HH-F-045", "--format", "docx", "--today", "2026-12-04", "--lang", "zh-CN", "--out", join(out, "HH-F-045.docx")]);
    expect(result.code).toBe(0);
    const xml = strFromU8(unzipSync(readFileSync(join(out, "HH-F-045.docx")))["word/document.xml"]!);
    const text = [...xml.matchAll(/<w:p[ >].*?<\/w:p>/gs)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join("")).filter(Boolean);
    expect(text.slice(0, 4)).toEqual(["非受控", "非受控 仅供参考：本打印件不是受控副本，未登记在文件发放/回收记录中；受控副本是加盖“受控”章、注明受控号并登记发放的编号副本（csr render HH-F-045 --copy N）。", "江苏安迈汽车零部件有限公司", "设备日常点检表"]);
    expect(text.slice(4, 16)).toEqual(["表单编号：HH-F-045 A/1", "设备名称", "设备编号", "工位", "日期", "班次", "序号", "点检部位", "点检内容", "方法", "判定标准", "结果"]);
    expect(text).toContain("保存期限：3年　存放地点：生产部各车间");
    expect(text).not.toContain("修订记录");
  });

  const browser = tool("chromium");
  const pdftotext = tool("pdftotext");
  it.runIf(browser && pdftotext)("prints one PDF page: the sheet, and the 非受控 band at the page foot above 第 1 页 共 1 页", { timeout: 120_000 }, () => {
    const result = csr(["-C", repo, "render", "HH-F-045", "--format", "pdf", "--today", "2026-12-04", "--out", join(out, "HH-F-045.pdf")], { lang: null });
    expect(result.stderr).toBe("已输出 1 个文件（pdf，zh-CN）。\n");
    const text = spawnSync("pdftotext", ["-layout", join(out, "HH-F-045.pdf"), "-"], { encoding: "utf8" }).stdout;
    expect(text.split("\f").filter((page) => page.trim() !== "")).toHaveLength(1);
    expect(text).toMatch(/表单编号：HH-F-045 A\/1/);
    expect(text).toMatch(/序号 +点检部位 +点检内容 +方法 +判定标准 +结果 +异常处理/);
    expect(text).toMatch(/点检人 +日期 +班组长确认 +日期/);
    expect(text).toMatch(/保存期限：3年 +存放地点：生产部各车间/);
    expect(text).toMatch(/非受控 仅供参考：本打印件不是受控副本，未登记在文件发放\/回收记录中（受控副本：csr render HH-F-045 --copy N）\n\s*第 ?1 ?页 ?共 ?1 ?页/);
  });
});

describe("csr list forms --department (tester75 P9)", () => {
  it("keeps the forms the department owns, holds a copy of, or whose documents it owns list; says it is filtered", () => {
    const repo = committedFixture("examples/acme-auto");
    const result = csr(["-C", repo, "list", "forms", "--department", "生产部", "--today", "2026-12-04", "--format", "csv"], { lang: null });
    expect(result.code).toBe(0);
    expect(result.stdout.split("\n").slice(1).filter(Boolean).map((line) => line.split(",").slice(1, 3).join(" "))).toEqual(["HH-F-045 设备日常点检表", "HH-F-052 首件检验记录", "QR-006-01 量检具校准计划及记录", "QR-011-01 产品追溯记录"]);
    expect(result.stderr).toContain("这份 CSV 按条件筛选（使用部门：生产部），共 4 行，不是完整的记录清单");
  });

  it("titles and notes the filtered list, and refuses an unknown department in one line", async () => {
    const repo = committedFixture("examples/acme-auto");
    const result = await csrInProcess(["-C", repo, "list", "forms", "--department", "PRD", "--today", "2026-12-04", "--lang", "zh-CN"]);
    expect(result.code).toBe(0);
    expect(result.stdout.split("\n")[0]).toBe("记录清单（使用部门：生产部；共 4 份）");
    expect(result.stdout).toContain("本表按条件筛选（使用部门：生产部），不是完整的记录清单。");
    const unknown = await csrInProcess(["-C", repo, "list", "forms", "--department", "XX", "--lang", "zh-CN"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe("csr: --department XX：qms.yaml 中没有这个部门。可用的部门：GMO（总经办）、MKT（市场部）、ENG（技术部）、QA（品质部）、PRD（生产部）、PUR（采购物流部）、HR（行政人事部）。\n");
  });
});
