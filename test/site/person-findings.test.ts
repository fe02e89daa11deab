/**
 * A person's page names the CSR of each overdue implementation they own among the findings (tester48 #15),
 * in a 涉及 (Concerns) column linking to it, as a customer's page does.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { committedFixture, csrInProcess, tempDir } from "../helpers.js";

describe("a person's page in csr site", () => {
  it("names and links the CSR of each overdue implementation in a 涉及 column", async () => {
    const dir = committedFixture("examples/acme-auto");
    const out = join(tempDir(), "site");
    expect((await csrInProcess(["-C", dir, "site", "--out", out, "--today", "2026-12-28"], { lang: "zh-CN" })).code).toBe(0);
    const page = readFileSync(join(out, "people/huangjun.html"), "utf8");
    expect(page).toContain(
      '<thead><tr><th scope="col">严重程度</th><th scope="col">涉及</th><th scope="col">待办事项</th><th scope="col">期限</th><th scope="col">责任人/部门</th><th scope="col">规则</th></tr></thead>\n<tbody>\n' +
        '<tr><td class="alert">错误</td><td class="code"><a href="../csr/BCM-004.html">BCM-004</a></td><td>实施（计划中）</td><td class="date">2026-12-25</td><td>黄军</td><td class="code site-rule"><a href="../findings.html">csr/implementation-overdue</a></td></tr>\n' +
        '<tr><td class="alert">错误</td><td class="code"><a href="../csr/DYA-006.html">DYA-006</a></td><td>实施（实施中）</td><td class="date">2026-12-18</td><td>黄军</td><td class="code site-rule"><a href="../findings.html">csr/implementation-overdue</a></td></tr>\n</tbody>',
    );
  });
});

describe("a person's page in English (tester48 #12)", () => {
  it("writes an implementation's status as the registers do and heads the deadline and its status apart", async () => {
    const dir = committedFixture("examples/acme-auto");
    const out = join(tempDir(), "site");
    expect((await csrInProcess(["-C", dir, "site", "--out", out, "--today", "2026-12-28", "--lang", "en"], { lang: null })).code).toBe(0);
    const page = readFileSync(join(out, "people/huangjun.html"), "utf8");
    expect(page).toContain('<th scope="col">Implementation</th><th scope="col">Deadline</th><th scope="col">Deadline status</th>');
    expect(page).toMatch(/<a href="\.\.\/csr\/DYA-006\.html">DYA-006<\/a><\/td><td>[^<]*<\/td><td>[^<]*<\/td><td>in progress<\/td><td class="date">2026-12-18<\/td><td class="alert">Overdue<\/td>/);
    expect(page).not.toContain(">in-progress<");
  });
});
