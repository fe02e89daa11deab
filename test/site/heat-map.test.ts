import Handlebars from "handlebars";
import { describe, expect, it } from "vitest";
import { heatMapCellsHtml } from "../../src/site/heat-map.js";

const html = (cells: Parameters<typeof heatMapCellsHtml>[0]) => heatMapCellsHtml(cells, Handlebars.escapeExpression);

describe("a heat-map row's cells", () => {
  it("links a marked cell to its process or document, named by clause and column, and leaves an unmarked one empty", () => {
    expect(
      html([
        { text: "●", className: "direct", href: "processes/C1.html", label: "4.3.2 × C1 市场开发与顾客要求评审" },
        { text: "", className: "", label: "4.3.2 × QP-002 记录控制程序" },
        { text: "—", className: "excluded", href: "documents/QP-003.html", label: "8.3 × QP-003" },
      ]),
    ).toBe(
      '<td class="direct"><a href="processes/C1.html" title="4.3.2 × C1 市场开发与顾客要求评审" aria-label="4.3.2 × C1 市场开发与顾客要求评审">●</a></td>' +
        "<td></td>" +
        '<td class="excluded"><a href="documents/QP-003.html" title="8.3 × QP-003" aria-label="8.3 × QP-003">—</a></td>',
    );
  });

  it("lists the documents of a manual or other-documents cell, each linked to its page, separated by the cell's text", () => {
    expect(
      html([
        {
          text: "、",
          className: "list parent",
          label: "",
          links: [
            { text: "QM-01 △", href: "documents/QM-01.html", label: "8.5.1 × QM-01" },
            { text: "WI-<9>", label: "8.5.1 × WI-<9>" },
          ],
        },
        { text: "、", className: "", label: "", links: [] },
      ]),
    ).toBe('<td class="list parent"><a href="documents/QM-01.html" title="8.5.1 × QM-01" aria-label="8.5.1 × QM-01">QM-01 △</a>、WI-&lt;9&gt;</td><td></td>');
  });

  it("escapes every value as Handlebars does", () => {
    expect(html([{ text: "<b>", className: 'x" onclick="y', href: "a.html?q=1&r=2", label: "'\"<>`=" }])).toBe(
      '<td class="x&quot; onclick&#x3D;&quot;y"><a href="a.html?q&#x3D;1&amp;r&#x3D;2" title="&#x27;&quot;&lt;&gt;&#x60;&#x3D;" aria-label="&#x27;&quot;&lt;&gt;&#x60;&#x3D;">&lt;b&gt;</a></td>',
    );
  });

  it("is nothing for a row without columns", () => {
    expect(html([])).toBe("");
  });
});
