import Handlebars from "handlebars";
import { describe, expect, it } from "vitest";
import type { Table } from "../../src/report/table.js";
import { sectionHtml } from "../../src/site/section.js";
import { siteTable, type Linker } from "../../src/site/view.js";

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
        '<div class="site-scroll">',
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
    // id, title, the item's text and link, the header, the cell's text and class, the note.
    expect(out.match(/&quot;&gt;&lt;script&gt;alert\(&#x27;x&#x27;\)&lt;\/script&gt;&#x60;&#x3D;&amp;/g)).toHaveLength(8);
  });

  it("writes a register's cells from its rows as the cells siteTable makes of them", () => {
    const register: Table = {
      title: "顾客特定要求矩阵",
      sheet: "矩阵",
      columns: [
        { key: "id", header: "编号", kind: "id" },
        { key: "clauses", header: "条款", kind: "list" },
        { key: "owner", header: "负责人", kind: "name" },
        { key: "due", header: "期限", date: true },
        { key: "count", header: "数量", kind: "number" },
        { key: "text", header: "要求" },
      ],
      rows: [
        { id: "DYA-001", clauses: "8.5.2.1/7.5.3.2.1", owner: "Li Ming", due: "2026-12-08", count: 3, text: "见 QP-006\n第二行 <b>" },
        { id: "DYA-002", clauses: "", owner: null, due: null, count: 0, text: "" },
      ],
    };
    // Links the first row's id and due date, as a register page links a CSR and nothing else of these columns.
    const link: Linker = (row, key, text) => (row.id === "DYA-001" && (key === "id" || key === "due") ? `../csr/${text}.html` : undefined);
    const table = siteTable(register, link);
    expect(table.rows).toEqual([
      [
        { text: "DYA-001", href: "../csr/DYA-001.html", className: "code" },
        { text: "8.5.2.1/7.5.3.2.1", className: "list" },
        { text: "Li Ming", className: "name" },
        { text: "2026-12-08", href: "../csr/2026-12-08.html", className: "date" },
        { text: "3", className: "number" },
        { text: "见 QP-006\n第二行 <b>" },
      ],
      [{ text: "DYA-002", className: "code" }, { text: "", className: "list" }, { text: "", className: "name" }, { text: "", className: "date" }, { text: "0", className: "number" }, { text: "" }],
    ]);
    const straight = html({ title: "", register: true, table });
    // The same cells handed over as a template would see them, without the register they come from.
    expect(straight).toBe(html({ title: "", register: true, table: { columns: table.columns, rows: table.rows } }));
    expect(straight.split("\n").filter((line) => line.startsWith("<tr>"))).toEqual([
      '<tr><td class="code"><a href="../csr/DYA-001.html">DYA-001</a></td><td class="list"><div class="site-list">8.5.2.1/<wbr>7.5.3.2.1</div></td><td class="name"><span class="nobr">Li Ming</span></td><td class="date"><a href="../csr/2026-12-08.html">2026-12-08</a></td><td class="number">3</td><td>见 <span class="nobr">QP-006</span><br>第二行 &lt;b&gt;</td></tr>',
      '<tr><td class="code">DYA-002</td><td class="list"><div class="site-list"></div></td><td class="name"></td><td class="date"></td><td class="number">0</td><td></td></tr>',
    ]);
  });
});
