import Handlebars from "handlebars";
import { describe, expect, it } from "vitest";
import { sectionHtml, writeSection } from "../../src/site/section.js";
import { siteRows, siteTable } from "../../src/site/view.js";
import type { Table } from "../../src/report/table.js";

const html = (section: Parameters<typeof sectionHtml>[0]) => sectionHtml(section, Handlebars.escapeExpression);

describe("a site section's markup", () => {
  it("lays out a table with its downloads and notes, dates and links in their cells", () => {
    expect(
      html({
        id: "csrs",
        title: "顾客特定要求",
        downloads: [{ text: "下载 Excel", href: "csr-list.xlsx" }],
        table: {
          columns: [{ header: "编号" }, { header: "期限", className: "date" }],
          rows: [[{ text: "DYA-001", href: "../csr/DYA-001.html" }, { text: "2026-12-08", className: "date" }]],
        },
        notes: ["评审逾期 0 项。"],
      }),
    ).toBe(
      [
        '<section class="site-section" id="csrs">',
        "<h2>顾客特定要求</h2>",
        '<p class="site-downloads"><a href="csr-list.xlsx" download>下载 Excel</a></p>',
        '<div class="site-scroll" tabindex="0" role="region" aria-label="顾客特定要求">',
        '<table class="site-table">',
        '<thead><tr><th scope="col">编号</th><th scope="col">期限</th></tr></thead>',
        "<tbody>",
        '<tr><td><a href="../csr/DYA-001.html">DYA-001</a></td><td class="date">2026-12-08</td></tr>',
        "</tbody>",
        "</table>",
        "</div>",
        "",
        '<p class="site-note">评审逾期 0 项。</p>',
        "</section>",
      ].join("\n"),
    );
  });

  it("says there is nothing for a table without rows and for a list without items", () => {
    expect(html({ title: "提交", table: { columns: [{ header: "日期" }], rows: [] }, empty: "无" })).toBe('<section class="site-section">\n<h2>提交</h2>\n\n<p class="site-empty">无</p>\n\n\n</section>');
    expect(html({ title: "引用", items: [], empty: "无" })).toBe('<section class="site-section">\n<h2>引用</h2>\n\n<p class="site-empty">无</p>\n\n</section>');
    expect(html({ title: "", items: [{ text: "QP-001 文件控制程序", href: "QP-001.html" }, { text: "状态：已发布" }] })).toBe(
      '<section class="site-section">\n\n\n<ul class="site-items"><li><a href="QP-001.html">QP-001 文件控制程序</a></li><li>状态：已发布</li></ul>\n\n</section>',
    );
  });

  it("escapes every value as Handlebars does, attributes included", () => {
    const hostile = `"><script>alert('x')</script>\`=&`;
    const out = html({ id: hostile, title: hostile, items: [{ text: hostile, href: hostile }], table: { columns: [{ header: hostile }], rows: [[{ text: hostile, className: hostile }]] }, notes: [hostile] });
    expect(out).not.toMatch(/<script|'x'|`/);
    // id, title (heading and the table box's label), the item's text and link, the header, the cell's text and class, the note.
    expect(out.match(/&quot;&gt;&lt;script&gt;alert\(&#x27;x&#x27;\)&lt;\/script&gt;&#x60;&#x3D;&amp;/g)).toHaveLength(9);
  });

  it("puts a register's table out a row at a time, each row's cells made when it is written, as sectionHtml lays it out", () => {
    const register: Table = {
      title: "文件清单",
      sheet: "文件清单",
      columns: [{ key: "number", header: "编号", kind: "id" }, { key: "date", header: "日期", date: true }, { key: "clauses", header: "条款", kind: "list" }],
      rows: [
        { number: "QP-001", date: "2026-01-05", clauses: "7.5.3/8.5.2" },
        { number: "QP-002", date: null, clauses: "" },
      ],
    };
    const link = (_row: unknown, key: string, text: string) => (key === "number" ? `../documents/${text}.html` : undefined);
    const rows = siteRows(register, link);
    const made: number[] = [];
    const lazy = { ...rows, row: (index: number) => (made.push(index), rows.row(index)) };
    const pieces: string[] = [];
    writeSection({ title: "", register: true, table: lazy, empty: "无" }, Handlebars.escapeExpression, (text) => {
      pieces.push(text);
      made.push(-1);
    });
    // Row 1 is made only after row 0 was put out: no register is held whole, cell by cell.
    expect(made).toEqual([-1, 0, -1, 1, -1, -1]);
    expect(pieces.slice(1, 3)).toEqual([
      '<tr><td class="code"><a href="../documents/QP-001.html">QP-001</a></td><td class="date">2026-01-05</td><td class="list"><div class="site-list">7.5.3/<wbr>8.5.2</div></td></tr>\n',
      '<tr><td class="code"><a href="../documents/QP-002.html">QP-002</a></td><td class="date"></td><td class="list"><div class="site-list"></div></td></tr>\n',
    ]);
    expect(pieces.join("")).toBe(sectionHtml({ title: "", register: true, table: siteTable(register, link), empty: "无" }, Handlebars.escapeExpression));
  });
});
