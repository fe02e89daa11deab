import { describe, expect, it } from "vitest";
import { markdownToHtml } from "../../src/render/markdown.js";

describe("markdownToHtml", () => {
  it("gives a table column's alignment as a class, not an inline style (the site's pages allow none)", async () => {
    const html = (await markdownToHtml())("| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n");
    expect(html).not.toContain("style");
    expect(html).toContain('<th class="align-left">a</th>');
    expect(html).toContain('<td class="align-center">2</td>');
    expect(html).toContain('<td class="align-right">3</td>');
  });
});
