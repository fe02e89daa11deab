/**
 * The dashboard's 现行版本未发放的文件 and its list count the copies of the version in force only (tester68 G3).
 * gjb-demo's CS/WI-005 A/0 has controlled copies at QA (质量部) and the 军代表室; A/1 is released on 2026-11-19 and no copy
 * of it handed out: csr check names it (doc/no-copy-in-force), and the copy of A/0 still out is not of
 * the version in force. The number said 0 and the list 无.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { committedFixture, csrInProcess, tempDir } from "../helpers.js";

const DAY = "2026-12-06";

/** A panel of the dashboard, from its heading to the end of its section. */
function panel(index: string, id: string): string {
  return index.split(`<section class="site-panel" id="panel-${id}">`)[1]!.split("</section>")[0]!;
}

async function released(): Promise<string> {
  const dir = committedFixture("examples/gjb-demo");
  const release = ["-C", dir, "release", "CS/WI-005", "--force", "--summary", "增加电容ESR复验", "--total-pages", "1", "--prepared", "luox", "--reviewed", "chenhw", "--approved", "liuzm", "--date", "2026-11-19", "-y"];
  expect((await csrInProcess(release)).code).toBe(0);
  return dir;
}

describe("现行版本未发放的文件 with a copy of the previous version still out", () => {
  it("counts and lists CS/WI-005, whose A/1 no copy is of, as csr check reports it", async () => {
    const dir = await released();
    const check = await csrInProcess(["-C", dir, "check", "--today", DAY], { lang: null });
    expect(check.stdout).toContain("documents/instructions/CS_WI-005.yaml:47:5 warning doc/no-copy-in-force CS/WI-005 A/1 自 2026-11-19 起现行，质量部、军代表室此前持有 A/0 版的受控副本，现在没有 A/1 版的：用 'csr distribute CS/WI-005 --to QA MRO' 发放。\n");
    const out = join(tempDir(), "site");
    expect((await csrInProcess(["-C", dir, "site", "--out", out, "--today", DAY], { lang: null })).code).toBe(0);
    const read = (path: string) => readFileSync(join(out, path), "utf8");
    expect(panel(read("index.html"), "distribution")).toContain(
      '<li><a class="site-number warn" href="lists/doc-not-issued.html"><span class="count">1</span> <span class="label">现行版本未发放的文件</span></a></li>\n',
    );
    const list = read("lists/doc-not-issued.html");
    expect(list).toContain('<tr><td class="number">1</td><td class="code"><a href="../documents/CS_WI-005.html">CS/WI-005</a></td><td>进货检验规范</td><td>此前持有文件上一版本受控副本的单位，没有现行版本的受控副本。</td></tr>');
    expect(list).toContain("<p class=\"site-note\">其中此前持有上一版受控副本的单位没有现行版本的文件，由 csr check 规则 doc/no-copy-in-force 报告；上一版尚未回收的副本不是现行版本的副本。</p>");
  });

  it("counts nothing once A/1 is handed out to QA, though the copy of A/0 is still out", async () => {
    const dir = await released();
    expect((await csrInProcess(["-C", dir, "distribute", "CS/WI-005", "--to", "QA", "--holder", "chenhw", "--issued-by", "maxl", "--date", "2026-11-24", "-y"])).code).toBe(0);
    const out = join(tempDir(), "site");
    expect((await csrInProcess(["-C", dir, "site", "--out", out, "--today", DAY, "--lang", "en"], { lang: null })).code).toBe(0);
    expect(panel(readFileSync(join(out, "index.html"), "utf8"), "distribution")).toContain(
      '<li><a class="site-number " href="lists/doc-not-issued.html"><span class="count">0</span> <span class="label">documents in force not issued</span></a></li>\n',
    );
  });
});
