/**
 * What csr site says of a process and of the CSR matrix's links (tester70 P12, P14; IATF 16949 8.5.1.2, 7.5.3.2, 7.5.1.1):
 * a process's page lists each of its documents with its version, 生效日期 and status, and the forms those documents name
 * (HH-F-045, which WI-010-02 uses at the line), then the CSRs addressed in them as the CSR matrix maps them to the
 * process; the matrix prints 未确认 in the 链接状态 of a link never confirmed, with a legend, in the site and in
 * csr matrix csr's text and csv alike. On a copy of acme-auto in a real git repository.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { committedFixture, csr, csrInProcess, tempDir } from "../helpers.js";

const LEGEND = "链接状态“未确认”的 15 处尚未核实，要求或落实章节变更时不会标出；“已确认”指已核实并锁定，此后要求或落实章节变更时标为“可疑”，须重新核实。";

describe("csr site: a process's page and the CSR matrix's links (tester70 P12, P14)", () => {
  let dir: string;
  let zh: (path: string) => string;
  let en: (path: string) => string;
  beforeAll(async () => {
    dir = committedFixture("examples/acme-auto");
    const out = join(tempDir(), "site");
    expect((await csrInProcess(["-C", dir, "site", "--out", out, "--today", "2026-12-28"], { lang: "zh-CN" })).code).toBe(0);
    const outEn = join(tempDir(), "site");
    expect((await csrInProcess(["-C", dir, "site", "--out", outEn, "--today", "2026-12-28", "--lang", "en"], { lang: null })).code).toBe(0);
    zh = (path) => readFileSync(join(out, path), "utf8");
    en = (path) => readFileSync(join(outEn, path), "utf8");
  }, 120_000);

  it("lists a process's documents with version, 生效日期 and status, and the forms they name (P12)", () => {
    const page = zh("processes/C3.html");
    expect(page).toContain(
      '<thead><tr><th scope="col">文件编号</th><th scope="col">文件名称</th><th scope="col">版本/版次</th><th scope="col">生效日期</th><th scope="col">状态</th><th scope="col">说明</th></tr></thead>\n<tbody>\n' +
        '<tr><td class="code"><a href="../documents/QP-010.html">QP-010</a></td><td>生产过程控制程序</td><td class="code">A/1</td><td class="date">2026-04-08</td><td>已发布</td><td></td></tr>\n' +
        '<tr><td class="code"><a href="../documents/HH-F-052.html">HH-F-052</a></td><td>首件检验记录</td><td class="code">A/2</td><td class="date">2026-04-16</td><td>已发布</td><td></td></tr>\n' +
        '<tr><td class="code"><a href="../documents/HH-WI-06.html">HH-WI-06</a></td><td>过程临时变更管理办法</td><td class="code">A/2</td><td class="date">2025-06-23</td><td>已发布</td><td></td></tr>\n' +
        '<tr><td class="code"><a href="../documents/WI-010-01.html">WI-010-01</a></td><td>制动软管总成扣压作业指导书</td><td class="code">A/1</td><td class="date">2025-03-17</td><td>已发布</td><td></td></tr>\n' +
        '<tr><td class="code"><a href="../documents/WI-010-02.html">WI-010-02</a></td><td>橡胶件硫化作业指导书</td><td class="code">A/1</td><td class="date">2025-09-22</td><td>已发布</td><td></td></tr>\n' +
        '<tr><td class="code"><a href="../documents/HH-F-045.html">HH-F-045</a></td><td>设备日常点检表</td><td class="code">A/1</td><td class="date">2024-03-01</td><td>已发布</td><td>WI-010-02 使用的表单</td></tr>\n</tbody>',
    );
    expect(en("processes/C3.html")).toContain('<td class="code"><a href="../documents/HH-F-045.html">HH-F-045</a></td><td>Daily Equipment Check Sheet</td><td class="code">A/1</td><td class="date">2024-03-01</td><td>released</td><td>form that WI-010-02 names</td></tr>');
  });

  it("lists the CSRs addressed in a process's documents, as the CSR matrix maps them to it (P12)", () => {
    const page = zh("processes/C3.html");
    expect(page).toContain(
      '<h2>落实于本过程文件的顾客特定要求（2）</h2>\n\n<div class="site-scroll" tabindex="0" role="region" aria-label="落实于本过程文件的顾客特定要求（2）">\n<table class="site-table">\n' +
        '<thead><tr><th scope="col">编号</th><th scope="col">要求摘要</th><th scope="col">落实文件</th><th scope="col">落实章节</th><th scope="col">现行版本</th><th scope="col">链接状态</th><th scope="col">状态</th></tr></thead>\n<tbody>\n' +
        '<tr><td class="code"><a href="../csr/DYA-001.html">DYA-001</a></td><td class="prose">特殊特性须使用东岳符号或经认可的等效符号标注</td><td class="code"><a href="../documents/WI-010-01.html">WI-010-01</a></td><td>3 质量要求</td><td class="list"><div class="site-list">A/<wbr>1</div></td><td class="code">未确认</td><td class="code">已验证</td></tr>\n' +
        '<tr><td class="code"><a href="../csr/DYA-004.html">DYA-004</a></td><td class="prose">控制计划的年度评审和变更后提交</td><td class="code"><a href="../documents/QP-010.html">QP-010</a></td><td>5.1 控制计划</td><td class="list"><div class="site-list">A/<wbr>1</div></td><td class="code">未确认</td><td class="code">已落实到文件</td></tr>\n</tbody>',
    );
    expect(en("processes/C3.html")).toContain("<h2>CSRs addressed in the process documents (2)</h2>");
  });

  it("prints 未确认 in the CSR matrix's 链接状态 of each link never confirmed, with a legend, on the site and in csr matrix csr (P14)", () => {
    const page = zh("registers/csr-matrix.html");
    // Each row twice: the screen's table and the printed one.
    expect(page.match(/<td class="code">未确认<\/td>/g)).toHaveLength(30);
    expect(page).toContain(LEGEND);
    expect(en("registers/csr-matrix.html").match(/<td class="code">unconfirmed<\/td>/g)).toHaveLength(30);
    expect(en("registers/csr-matrix.html")).toContain('15 links are unconfirmed: not checked, so a change to the requirement or the addressing section is not flagged; &quot;confirmed&quot; means checked and pinned, and a later change marks it &quot;suspect&quot;, to be checked again.');
    // The dashboard's list of links never confirmed still has them all.
    expect(zh("lists/links-unconfirmed.html").match(/<tr>/g)).toHaveLength(16);
    const text = csr(["-C", dir, "matrix", "csr", "--today", "2026-12-28"], { lang: "zh-CN" });
    expect(text.stdout).toContain(LEGEND);
    expect(text.stdout.split("\n").filter((line) => / 未确认 /.test(line))).toHaveLength(15);
    const csv = csr(["-C", dir, "matrix", "csr", "--today", "2026-12-28", "--format", "csv"], { lang: "zh-CN" }).stdout.split("\r\n");
    expect(csv.find((line) => line.startsWith("BCM-002,"))).toContain(",QP-006,5.5 外部实验室,A/1,设备与监视测量资源管理程序,未确认,S3、S4,赵强,");
  });
});
