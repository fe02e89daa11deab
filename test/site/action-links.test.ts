/**
 * A corrective action's id on a document's page links to its row on the site's action register (纠正措施台账, look65 #5),
 * and a register's column headings break between words as its print's do, so that a column empty in every row (投诉编号/
 * 审核报告 of an action register without complaint numbers) is not one character wide under a heading a character a line
 * (look65 #6). On a copy of examples/acme-auto in a real git repository: DYA's complaint 8D-2026-002 received on
 * 2026-11-02, WI-010-02 A/2 released for it on 2026-11-10.
 */
import Handlebars from "handlebars";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sectionHtml } from "../../src/site/section.js";
import { builtOnce, csr, tempDir } from "../helpers.js";
import { releasedForAction } from "../released-for-action.js";

function run(dir: string, args: string[]): string {
  const result = csr(["-C", dir, ...args], { lang: "zh-CN" });
  if (result.code !== 0) throw new Error(`csr ${args.join(" ")}: ${result.stderr}`);
  return result.stdout;
}

const site = builtOnce(async () => {
  const dir = await releasedForAction();
  const out = tempDir();
  run(dir, ["site", "--out", out, "--today", "2026-12-05"]);
  return out;
});

describe("the site's corrective actions (look65 #5, #6)", () => {
  it("links the action a revision carries out, on the document's revision record, to its row of the action register", async () => {
    const out = await site();
    const page = readFileSync(join(out, "documents/WI-010-02.html"), "utf8");
    expect(page).toContain('<td class="col-basis">纠正措施：<span class="nowrap"><a href="../registers/actions.html#action-8D-2026-002">8D-2026-002</a></span></td>');
    // And in the list of the revisions' corrective actions and customer notices under it.
    expect(page).toContain('<tr><td class="code">A/2</td><td class="date">2026-11-10</td><td class="code"><a href="../registers/actions.html#action-8D-2026-002">8D-2026-002</a></td>');
    const register = readFileSync(join(out, "registers/actions.html"), "utf8");
    // The row on the screen's table only: the print's bands repeat it, and an id is one element's.
    expect(register.match(/<tr id="action-8D-2026-002">/g)).toHaveLength(1);
    expect(register).toContain('<tr id="action-8D-2026-002"><td class="number">2</td><td class="code">8D-2026-002</td>');
  });

  it("heads a register's columns as its print does, a heading whole between its words, however empty the column", async () => {
    const register = readFileSync(join(await site(), "registers/actions.html"), "utf8");
    expect(register).toContain('<th scope="col"><span class="nobr">序号</span></th><th scope="col"><span class="nobr">编号</span></th>');
    expect(register).toContain('<th scope="col"><span class="nobr">投诉编号/</span><wbr><span class="nobr">审核报告</span></th>');
  });

  it("escapes a row's id and the parts of a cell of several links", () => {
    const html = sectionHtml(
      {
        title: "",
        register: true,
        table: {
          columns: [{ header: "编号" }, { header: "纠正措施" }],
          rows: [[{ text: "A" }, { text: "8D-1、<b>", parts: [{ text: "8D-1", href: "a.html#x\"y" }, { text: "、" }, { text: "<b>" }] }]],
          rowIds: ['action-"<1>'],
        },
      },
      Handlebars.escapeExpression,
    );
    expect(html).toContain('<tr id="action-&quot;&lt;1&gt;"><td>A</td><td><a href="a.html#x&quot;y">8D-1</a>、&lt;b&gt;</td></tr>');
  });
});
