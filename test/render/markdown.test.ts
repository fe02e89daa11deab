import { describe, expect, it } from "vitest";
import { markdownToHtml, safeMarkdown } from "../../src/render/markdown.js";

describe("markdownToHtml", () => {
  it("gives a table column's alignment as a class, not an inline style (the site's pages allow none)", async () => {
    const html = (await markdownToHtml())("| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n");
    expect(html).not.toContain("style");
    expect(html).toContain('<th class="align-left">a</th>');
    expect(html).toContain('<td class="align-center">2</td>');
    expect(html).toContain('<td class="align-right">3</td>');
  });

  it("gives a line of plain text, which it makes without markdown-it, as markdown-it makes it: every ASCII character and white space at the start, inside and at the end", async () => {
    const html = await markdownToHtml();
    // A text ending in a line break is never plain: markdown-it makes it, and the break changes nothing in a one-line paragraph.
    const byMarkdownIt = (text: string) => html(`${text}\n`);
    const characters = [...Array.from({ length: 128 }, (_, code) => String.fromCharCode(code)), "\u00a0", "\u2028", "\u2029", "\u3000", "\ufeff", "（", "；", "＊", "é"];
    const texts = characters.flatMap((c) => [`${c}文本`, `文本${c}`, `文${c}本`, `1${c} 要求`, `a${c}${c}b`, `文本 ${c}`, `文${c}强调${c}本`, `a ${c}${c}b${c}${c} c`]);
    texts.push("年度分层审核须覆盖全部生产线；顾客要求在批量生产前完成全部特殊特性的过程能力研究（第29项）。", "Plain English 2026", "第 1 条");
    for (const text of texts) expect([text, html(text)]).toEqual([text, byMarkdownIt(text)]);
    expect(html("适用于本公司所有汽车零部件产品。")).toBe("<p>适用于本公司所有汽车零部件产品。</p>\n");
  });

  it("shows an image on another host as its alt text and address, and keeps an image beside the document (tester47 #6)", async () => {
    const html = await markdownToHtml();
    expect(html("图 ![流程图](https://evil.example/t.png?a=1&b=2) 见上")).toBe('<p>图 <span class="remote-image">流程图 (https://evil.example/t.png?a=1&amp;b=2)</span> 见上</p>\n');
    expect(html("![x](//evil.example/t.png)")).toBe('<p><span class="remote-image">x (//evil.example/t.png)</span></p>\n');
    expect(html("![](HTTP://evil.example/t.png)")).toBe('<p><span class="remote-image">HTTP://evil.example/t.png</span></p>\n');
    expect(html("![*图* 1][r]\n\n[r]: http://evil.example/r.png")).toBe('<p><span class="remote-image">图 1 (http://evil.example/r.png)</span></p>\n');
    expect(html("![logo](images/logo.png)")).toBe('<p><img src="images/logo.png" alt="logo"></p>\n');
  });
});

describe("markdownToHtml for csr site's pages", () => {
  it("shows an image and a link that would leave the site as their text and address (tester50a #2)", async () => {
    const html = await markdownToHtml({ site: true });
    // The site carries no file of the repository: an image beside the document, or one climbing out of the site, is not loaded.
    expect(html("![local](../../assets/site.css)")).toBe('<p><span class="remote-image">local (../../assets/site.css)</span></p>\n');
    expect(html("![logo](images/logo.png)")).toBe('<p><span class="remote-image">logo (images/logo.png)</span></p>\n');
    expect(html("![x](//evil.example/t.png)")).toBe('<p><span class="remote-image">x (//evil.example/t.png)</span></p>\n');
    // An image inside the text is shown.
    expect(html("![点](data:image/png;base64,iVBORw0KGgo=)")).toBe('<p><img src="data:image/png;base64,iVBORw0KGgo=" alt="点"></p>\n');
    // A link to a file or a share: text and address, not a link; the address as written, not percent-encoded.
    expect(html("[rel](../../../etc/passwd) [proto](//evil.example/x) [表](../表单/记录.xlsx)")).toBe(
      '<p><span class="local-link">rel</span> (../../../etc/passwd) <span class="local-link">proto</span> (//evil.example/x) <span class="local-link">表</span> (../表单/记录.xlsx)</p>\n',
    );
    expect(html("<ftp://files.example/a>")).toBe('<p><span class="local-link">ftp://files.example/a</span></p>\n');
    // Web pages, mail and places within the page stay links.
    expect(html("[官网](https://example.com/a) [邮件](mailto:qa@example.com) [上文](#section-5.1)")).toBe(
      '<p><a href="https://example.com/a">官网</a> <a href="mailto:qa@example.com">邮件</a> <a href="#section-5.1">上文</a></p>\n',
    );
  });

  it("leaves csr render's HTML as it was: a relative image and link kept", async () => {
    const html = await markdownToHtml();
    expect(html("![logo](images/logo.png) [rel](../a.html)")).toBe('<p><img src="images/logo.png" alt="logo"> <a href="../a.html">rel</a></p>\n');
  });
});

describe("safeMarkdown", () => {
  it("writes an image on another host as its alt text and address, as the HTML output shows it, and keeps an image beside the document", async () => {
    expect(safeMarkdown("图 ![流程图](https://evil.example/t.png?a=1&b=2) 见上")).toBe("图 流程图 (https://evil.example/t.png?a=1\\&b=2) 见上");
    expect(safeMarkdown("![x](//evil.example/t_1_.png)")).toBe("x (//evil.example/t\\_1\\_.png)");
    expect(safeMarkdown('![](HTTP://evil.example/t.png "标题")')).toBe("HTTP://evil.example/t.png");
    expect(safeMarkdown("![x](<https://evil.example/a b.png>)")).toBe("x (https://evil.example/a b.png)");
    // By reference (full, collapsed, shortcut; labels case-insensitive): the definition stays, a link definition shows nothing.
    expect(safeMarkdown("![*图* 1][r] ![R][] ![r]\n\n[R]: http://evil.example/r.png")).toBe("*图* 1 (http://evil.example/r.png) R (http://evil.example/r.png) r (http://evil.example/r.png)\n\n[R]: http://evil.example/r.png");
    expect(safeMarkdown("![logo](images/logo.png) ![l][p]\n\n[p]: images/p.png")).toBe("![logo](images/logo.png) ![l][p]\n\n[p]: images/p.png");
    // A link is not an image, and code is as written.
    expect(safeMarkdown("[站点](https://evil.example/) `![c](https://evil.example/c.png)`")).toBe("[站点](https://evil.example/) `![c](https://evil.example/c.png)`");
    // What markdown-it makes of it has no image.
    const html = await markdownToHtml();
    expect(html(safeMarkdown("![x](https://evil.example/t.png) ![y][r]\n\n[r]: //evil.example/r.png"))).not.toContain("<img");
  });
});
