/**
 * A form's blank sheet on the site (tester59 G10): a form whose YAML holds its items (sections) gets a page of its
 * own to print and fill in, linked from the form's status line and status section: its number and version in the
 * running header, its title, its tables and its record keeping, a line asking to check the version, and nothing of
 * the document around it (no header block, revision record or 非受控 stamp). A form registered from its paper or
 * Word original says where the blank form is got. acme-auto with HH-F-052's items written, built by the built binary.
 */
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { commitAt, committedFixture, csr, tempDir } from "../helpers.js";

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

const ITEMS = `sections:
  - title: 产品信息
    text: |
      | 零件号 | 零件名称 | 生产线 | 班次 | 日期 |
      | --- | --- | --- | --- | --- |
      |  |  |  |  |  |
  - title: 检验项目
    text: |
      | 序号 | 检验项目 | 标准 | 结果 | 检验员 |
      | --- | --- | --- | --- | --- |
      | 1 | 外观 |  |  |  |
      | 2 | 扣压外径 |  |  |  |
`;

describe("csr site: a form's blank sheet", () => {
  const site: Record<"zh-CN" | "en", string> = { "zh-CN": "", en: "" };
  const read = (lang: "zh-CN" | "en", page: string) => readFileSync(join(site[lang], page), "utf8");
  beforeAll(() => {
    const dir = committedFixture("examples/acme-auto");
    appendFileSync(join(dir, "documents", "forms", "HH-F-052.yaml"), ITEMS);
    commitAt(dir, "2026-12-01", "HH-F-052: the form's items written");
    for (const lang of ["zh-CN", "en"] as const) {
      site[lang] = join(tempDir(), "site");
      const run = csr(["-C", dir, "site", "--out", site[lang], "--lang", lang, "--today", "2026-12-05"], { lang: null });
      expect(run.code, run.stderr).toBe(0);
    }
  }, 120_000);

  it("links the blank sheet from the form's status line and status section", () => {
    const page = read("zh-CN", "documents/HH-F-052.html");
    expect(page).toContain('<p class="site-status-line">现行有效：A/2，2026-04-16 起生效；本页为其发布文本。 <a href="../documents/HH-F-052~blank.html">打印 A/2 版空白表格</a></p>');
    expect(page).toContain('<li><a href="../documents/HH-F-052~blank.html">空白表格：A/2 版，点此打印（A4）</a></li>');
    expect(read("en", "documents/HH-F-052.html")).toContain('<a href="../documents/HH-F-052~blank.html">Print the blank form (revision A/2)</a>');
  });

  it("prints the form's number and version, title, tables and record keeping, and nothing of the document around them", () => {
    const blank = read("zh-CN", "documents/HH-F-052~blank.html");
    expect(text(blank)).toBe(
      " 首件检验记录 · 江苏安迈汽车零部件有限公司 HH-F-052 首件检验记录：A/2 版空白表格，用浏览器打印（A4）后填写。 返回 HH-F-052 的文件页面（版本状态、修订记录） " +
        "江苏安迈汽车零部件有限公司 首件检验记录 文件编号：HH-F-052 · 版本/版次：A/2 首件检验记录 " +
        "1 产品信息 零件号 零件名称 生产线 班次 日期 2 检验项目 序号 检验项目 标准 结果 检验员 1 外观 2 扣压外径 " +
        // After the sections, the form's sheet (its `sheet`, tester75 P9): fields, table with items, notes, signatures.
        "产品图号 扣压模具编号 累计冲次 日期 班次 操作者 序号 检验项目 规格要求 实测1 实测2 实测3 判定 1 扣压外径 按工艺卡 2 扣压长度 按工艺卡 3 外观 无裂纹、无压伤 " +
        "判定：合格 √，不合格 ×；首件不合格不得批量生产。 检验员 日期 班组长确认 日期 " +
        "记录保存 保存期限 3年 保存方式 纸质 存放地点 品质部 " +
        "本表为 HH-F-052 A/2 版空白表格，打印自文件网站（数据截至 2026-12-05）。填写前核对版本/版次与文件网站上的现行版本一致；已作废的版本不得使用。 ",
    );
    expect(blank).toContain('<a href="../documents/HH-F-052.html">');
    expect(blank).toContain('<section class="form-sheet">');
    // Column widths as attributes: the site allows no inline style.
    expect(blank).toContain('<th width="6.9%">序号</th>');
    expect(blank).not.toContain("stamp");
    expect(text(read("en", "documents/HH-F-052~blank.html"))).toContain("Blank form HH-F-052, revision A/2, printed from the document site (data as of 2026-12-05).");
  });

  it("says where a form registered from its original is got, and gives it no blank page", () => {
    expect(text(read("zh-CN", "documents/QR-007-02.html"))).toContain("部门：技术部 空白表格：本网站没有本表的格式（原件为纸质或 Word/Excel 文件）；向文控或技术部领取受控空白表格 ");
    expect(existsSync(join(site["zh-CN"], "documents", "QR-007-02~blank.html"))).toBe(false);
    expect(read("zh-CN", "documents/QP-010.html")).not.toContain("空白表格");
  });
});
