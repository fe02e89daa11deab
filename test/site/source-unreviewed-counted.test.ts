/**
 * A customer source revision received and not reviewed (no requirement registered from it, no 无特定要求) is a
 * review open, and overdue past its period, wherever reviews are counted (tester68 G2). gjb-demo's
 * NES-JSXY-2025-07 A, received 2025-07-02, has no CSR: csr check reports csr/source-unreviewed, yet the
 * dashboard said 尚无顾客要求 and 0 open, 0 overdue, the management review 0 and 0, NES's page 顾客要求（0 项）.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtOnce, committedFixture, csrInProcess, tempDir } from "../helpers.js";

const DAY = "2026-12-06";
const demo = builtOnce(() => committedFixture("examples/gjb-demo"));

/** A panel of the dashboard, from its heading to the end of its section. */
function panel(index: string, id: string): string {
  return index.split(`<section class="site-panel" id="panel-${id}">`)[1]!.split("</section>")[0]!;
}

async function site(dir: string, lang: "zh-CN" | "en"): Promise<(path: string) => string> {
  const out = join(tempDir(), "site");
  expect((await csrInProcess(["-C", dir, "site", "--out", out, "--today", DAY, "--lang", lang], { lang: null })).code).toBe(0);
  return (path) => readFileSync(join(out, path), "utf8");
}

describe("a customer source revision received and not reviewed", () => {
  it("is counted open and overdue on the dashboard, listed on the customer's page, as csr check reports it", async () => {
    const dir = await demo();
    const check = await csrInProcess(["-C", dir, "check", "--today", DAY], { lang: null });
    expect(check.stdout).toContain("customers/NES.yaml:22:19 warning csr/source-unreviewed 顾客来源文件 NES-JSXY-2025-07《XX型电源模块技术协议》的 A 版于 2025-07-02 接收，评审期限（10 个工作日）2025-07-16 已过");
    const read = await site(dir, "zh-CN");
    const index = read("index.html");
    expect(panel(index, "csr-status")).toContain('<p class="site-note">尚无顾客要求。</p>\n<p class="site-note">另有 1 份顾客来源文件的现行版本已接收、尚未评审（未从中登记要求）：见顾客要求评审栏。</p>');
    expect(panel(index, "reviews")).toContain(
      '<li><a class="site-number warn" href="lists/sources-unreviewed.html"><span class="count">1</span> <span class="label">来源文件已接收、尚未评审（未登记要求）</span></a></li>\n' +
        '<li><a class="site-number alert" href="lists/sources-unreviewed-overdue.html"><span class="count">1</span> <span class="label">来源文件未评审、已过评审期限</span></a></li>\n',
    );
    expect(read("lists/sources-unreviewed-overdue.html")).toContain(
      '<tr><td class="number">1</td><td class="code"><a href="../customers/NES.html">NES</a></td><td>北方电子系统研究所</td><td class="code">NES-JSXY-2025-07</td><td>XX型电源模块技术协议</td><td class="code">A</td><td class="date">2025-07-02</td><td class="date">2025-07-16</td><td class="number">-345</td></tr>',
    );
    expect(read("customers/NES.html")).toContain(
      "<h2>待评审的来源文件（1 份）</h2>\n\n<ul class=\"site-items\"><li>NES-JSXY-2025-07《XX型电源模块技术协议》A 版：2025-07-02 接收，尚未从中登记要求，也没有记录“无特定要求”；评审期限 2025-07-16，已逾期 345 个工作日。</li></ul>",
    );
  });

  it("is a review open and overdue in the management review", async () => {
    const dir = await demo();
    const result = await csrInProcess(["-C", dir, "list", "management-review", "--today", DAY, "--format", "csv"], { lang: null });
    expect(result.stdout).toContain("7,顾客要求,2026-12-06 尚未决定的评审,1,来源文件 NES-JSXY-2025-07 A 版（尚未登记要求）,评审及时性,");
    expect(result.stdout).toContain("8,顾客要求,其中已逾期,1,来源文件 NES-JSXY-2025-07 A 版（尚未登记要求）,评审及时性,");
  });

  it("is open, not overdue, within its review period: counted, not reported", async () => {
    const dir = await demo();
    const path = join(dir, "customers/NES.yaml");
    writeFileSync(path, readFileSync(path, "utf8").replace("received: 2025-07-02", "received: 2026-12-01"));
    const check = await csrInProcess(["-C", dir, "check", "--today", DAY, "--lang", "en"], { lang: null });
    expect(check.stdout).not.toContain("csr/source-unreviewed");
    const review = await csrInProcess(["-C", dir, "list", "management-review", "--today", DAY, "--format", "csv", "--lang", "en"], { lang: null });
    expect(review.stdout).toContain("7,Customer requirements,Reviews undecided on 2026-12-06,1,source NES-JSXY-2025-07 revision A (no requirement registered),Review timeliness,");
    expect(review.stdout).toContain("8,Customer requirements,of which overdue,0,,Review timeliness,");
    const read = await site(dir, "en");
    expect(panel(read("index.html"), "reviews")).toContain(
      '<li><a class="site-number warn" href="lists/sources-unreviewed.html"><span class="count">1</span> <span class="label">source revisions received, not reviewed (no requirement registered)</span></a></li>\n' +
        '<li><a class="site-number " href="lists/sources-unreviewed-overdue.html"><span class="count">0</span> <span class="label">source revisions not reviewed, past the review deadline</span></a></li>\n',
    );
    expect(read("customers/NES.html")).toContain(
      "<li>NES-JSXY-2025-07 Technical agreement, XX power module, revision A: received 2026-12-01, no requirement registered from it and no review finding none recorded; review due 2026-12-15.</li>",
    );
  });
});
