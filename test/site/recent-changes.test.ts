/**
 * What changed since last month, as a department head reads it (tester70 P11; IATF 16949 8.5.6, 7.5.3.2): the change
 * report of the current and previous month (registers/changes-recent.html), a department's own changes of the
 * twelve months (departments/changes/PRD.html) linked from its page's last 30 days, the changes no record dates (a
 * person added, a CSR addressed in one more document) dated by the commit that made them, and notes that speak of
 * the document repository, not of git. On a copy of acme-auto whose history starts on 2026-09-01, with 刘洋 added to
 * 生产部 on 2026-11-20 (his roles widened on 2026-12-02) and DYA-006 addressed in WI-010-01 on 2026-11-25.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { commitAt, copyFixture, csrInProcess, git, gitInit, tempDir } from "../helpers.js";

const TODAY = "2026-12-06";

function edit(dir: string, file: string, from: string, to: string): void {
  const path = join(dir, file);
  const text = readFileSync(path, "utf8");
  expect(text).toContain(from);
  writeFileSync(path, text.replace(from, to));
}

async function site(dir: string, lang: "zh-CN" | "en"): Promise<(path: string) => string> {
  const out = join(tempDir(), "site");
  const result = await csrInProcess(["-C", dir, "site", "--out", out, "--today", TODAY, "--lang", lang], { lang: null });
  expect(result.code, result.stderr).toBe(0);
  return (path) => readFileSync(join(out, path), "utf8");
}

const row = (cells: string[]) => `<tr>${cells.join("")}</tr>`;
const LIU_YANG = row(['<td class="code">人员与角色</td>', '<td class="code">新增</td>', '<td class="code">liuyang</td>', "<td>刘洋</td>", "<td></td>", "<td>编制、审核</td>", "<td>生产部</td>", '<td class="date">2026-11-20</td>']);
const ADDRESSED = row([
  '<td class="code">顾客特定要求</td>',
  '<td class="code">落实文件变更</td>',
  '<td class="code"><a href="../csr/DYA-006.html">DYA-006</a></td>',
  "<td>返工前风险评估，返工品100%复检并可追溯</td>",
  "<td>QP-012 5.4 返工和返修, QR-012-02</td>",
  "<td>QP-012 5.4 返工和返修, QR-012-02, WI-010-01</td>",
  "<td></td>",
  '<td class="date">2026-11-25</td>',
]);

describe("csr site: what changed since last month (tester70 P11)", () => {
  let zh: (path: string) => string;
  let en: (path: string) => string;
  beforeAll(async () => {
    const dir = gitInit(copyFixture("examples/acme-auto"));
    git(dir, ["commit", "--amend", "-q", "--no-edit", "--date", "2026-09-01T10:00:00+08:00"], { GIT_COMMITTER_DATE: "2026-09-01T10:00:00+08:00" });
    edit(dir, "people.yaml", "  - id: wuyan\n", "  - id: liuyang\n    name: 刘洋\n    name_en: Liu Yang\n    department: PRD\n    title: 生产班长\n    roles: [author]\n  - id: wuyan\n");
    commitAt(dir, "2026-11-20", "刘洋");
    edit(dir, "csr/DYA/DYA-006.yaml", "  - document: QR-012-02\n", "  - document: QR-012-02\n  - document: WI-010-01\n");
    commitAt(dir, "2026-11-25", "DYA-006 WI-010-01");
    edit(dir, "people.yaml", "    title: 生产班长\n    roles: [author]\n", "    title: 生产班长\n    roles: [author, reviewer]\n");
    commitAt(dir, "2026-12-02", "刘洋 审核");
    zh = await site(dir, "zh-CN");
    en = await site(dir, "en");
  }, 200_000);

  it("lists on a department's page its changes of the last 30 days with those no record dates, dated by the commit that made them, and links to all its changes", () => {
    const page = zh("departments/PRD.html");
    const section = page.slice(page.indexOf('<section class="site-section" id="changes">'));
    expect(section).toContain("<h2>近 30 天的变更（2026-11-07 至 2026-12-06，2 项）</h2>");
    expect(section).toContain(`<tbody>\n${ADDRESSED}\n${LIU_YANG}\n</tbody>`);
    expect(section).toContain('<ul class="site-items"><li><a href="../departments/changes/PRD.html">生产部近 12 个月的全部变更（28 项）</a></li><li><a href="../registers/changes-recent.html">全公司上月和本月的变更</a></li></ul>');
    expect(en("departments/PRD.html")).toContain('<li><a href="../departments/changes/PRD.html">All changes of Production in the last 12 months (28)</a></li><li><a href="../registers/changes-recent.html">Changes of last month and this month, whole company</a></li>');
  });

  it("gives the department's changes of the twelve months a page, the ones no record dates dated where entered since last month", () => {
    const page = zh("departments/changes/PRD.html");
    expect(page).toContain("<title>生产部的变更：近 12 个月（2025-12-07 至 2026-12-06，28 项）");
    const nobr = (id: string) => `<span class="nobr">${id}</span>`;
    expect(page).toContain(
      row([
        '<td class="code">顾客特定要求</td>',
        '<td class="code">落实文件变更</td>',
        '<td class="code"><a href="../../csr/DYA-006.html">DYA-006</a></td>',
        "<td>返工前风险评估，返工品100%复检并可追溯</td>",
        `<td>${nobr("QP-012")} 5.4 返工和返修, ${nobr("QR-012-02")}</td>`,
        `<td>${nobr("QP-012")} 5.4 返工和返修, ${nobr("QR-012-02")}, ${nobr("WI-010-01")}</td>`,
        "<td></td>",
        "<td></td>",
        '<td class="date">2026-11-25</td>',
      ]),
    );
    // Its twelve months list who signed each revision (编制/审核/批准), a column its last 30 days, without a revision, do not have.
    expect(page).toContain(LIU_YANG.replace('<td class="date">', '<td></td><td class="date">'));
    // Another department's copies are not its changes.
    expect(page).not.toContain("QP-012 不合格品控制程序 A/2 受控号 5（品质部 张丽）、7");
    // The 28th: HH-F-052 A/2 issued to the line on 2026-04-16 (the form acme-auto's 8D revised; tester82 A17).
    expect(page).toMatch(/<a href="\.\.\/\.\.\/documents\/HH-F-052\.html">HH-F-052<\/a>/);
    expect(en("departments/changes/PRD.html")).toContain("<title>Changes of Production: the last 12 months (2025-12-07 to 2026-12-06, 28)");
  });

  it("publishes the change report of the current and previous month, in the registers, with its workbook and CSV", () => {
    const page = zh("registers/changes-recent.html");
    expect(page).toContain("<title>上月和本月的变更（2026-11-01 至 2026-12-06）");
    expect(page).toContain(LIU_YANG);
    expect(zh("registers/index.html")).toContain('<a href="../registers/changes-recent.html">上月和本月的变更（2026-11-01 至 2026-12-06）</a>');
    expect(zh("registers/changes-recent.csv")).toContain("liuyang");
    expect(en("registers/changes-recent.html")).toContain("<title>Changes of last month and this month (2026-11-01 to 2026-12-06)");
  });

  it("says in the notes of every change page when changes no record dates were entered, not how git compares them", () => {
    const recent = zh("registers/changes-recent.html");
    expect(recent).toContain("特殊特性符号转换表：行的修改、停用和顾客认可按记录上的日期列出。人员的加入、角色和部门，顾客特定要求落实在哪些文件，符号转换表行的新增和删除，以及删除的文件，记录上没有日期：按录入文件库的日期列出。</p>");
    const year = zh("registers/changes.html");
    expect(year).toContain("人员的加入、角色和部门，顾客特定要求落实在哪些文件，符号转换表行的新增和删除，以及删除的文件，记录上没有日期：2026-11-01 起录入文件库的按录入日期列出，更早录入的不注日期，列在各类最后。文件库的录入记录始于 2026-09-01，此前的这类变更无从得知。</p>");
    for (const page of [recent, year, zh("departments/changes/PRD.html")]) expect(page).not.toMatch(/git|symbols\.yaml|csr symbol/);
    expect(en("registers/changes.html")).toContain(
      "Who joined, roles and departments, which documents address a CSR, rows added to or removed from the symbol table and deleted files have no date in the records: those entered into the document repository since 2026-11-01 are listed on the day they were entered; earlier ones have no date and come last in their area. The document repository&#x27;s record of entries starts on 2026-09-01; such changes before it cannot be known.</p>",
    );
  });
});
