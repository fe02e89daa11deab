/**
 * A CSR addressed in a section that the procedure has since renumbered or removed (tester49 defect 1):
 * QP-012 gets a section 可疑产品 before 顾客通知, so 返工和返修 (where DYA-003 and DYA-006 are addressed,
 * `section: 5.4 返工和返修`) becomes 5.5 and 5.4 is 顾客通知; QP-011 loses 5.3 追溯记录 (where BCM-003 is
 * addressed), so 防护 becomes 5.3. Every output names the section the CSR file meant, marked, never the
 * section that now has the number written; csr check gives the new number, not the section now there.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { committedFixture, copyFixture, csrInProcess, git, tempDir, type JsonFinding } from "../helpers.js";

const DAY = "2026-12-03";
let dir: string;

function edit(path: string, change: (text: string) => string): void {
  const file = join(dir, path);
  const before = readFileSync(file, "utf8");
  const after = change(before);
  expect(after).not.toBe(before);
  writeFileSync(file, after);
}

beforeAll(() => {
  dir = copyFixture("examples/acme-auto");
  edit("documents/procedures/QP-012.yaml", (text) => text.replace("      - title: 顾客通知\n", "      - title: 可疑产品\n        text: 可疑产品按不合格品处理。\n      - title: 顾客通知\n"));
  edit("documents/procedures/QP-011.yaml", (text) => text.replace(/      - title: 追溯记录\n(?:        .*\n)+(?=      - title: 防护\n)/, ""));
});

describe("a CSR addressed in a section that has moved or gone", () => {
  it("csr check gives the number the section has now, or says it is gone, never the section now under the number", async () => {
    const result = await csrInProcess(["-C", dir, "check", "--today", DAY, "--format", "json"], { lang: null });
    const { findings: all } = JSON.parse(result.stdout) as { findings: { file: string; line: number; column: number; rule: string; message: string }[] };
    const findings = all.filter((f) => f.rule === "csr/section-missing");
    expect(findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.rule} ${f.message}`)).toEqual([
      // Without --base, csr cannot tell a link mistyped from a section a revision moved or removed: the message names both.
      "csr/BCM/BCM-003.yaml:43:14 csr/section-missing BCM-003 引用了 QP-011 的章节 '5.3 追溯记录'，但 QP-011 的现行版本中没有标题为 '追溯记录' 的章节。第 5.3 节现为 '防护'，是另一章节。链接写错的，请改正；文件修订删除了该章节或改了名的，请改为现在落实该要求的章节（或只写文件），或在 QP-011 中恢复该章节后发布。",
      "csr/DYA/DYA-003.yaml:41:14 csr/section-missing DYA-003 引用了 QP-012 的章节 '5.4 返工和返修'，但 QP-012 中该章节的编号是 5.5（文件修订后重新编号，或链接写错了编号）。请写成 '5.5 返工和返修'。",
      "csr/DYA/DYA-006.yaml:43:14 csr/section-missing DYA-006 引用了 QP-012 的章节 '5.4 返工和返修'，但 QP-012 中该章节的编号是 5.5（文件修订后重新编号，或链接写错了编号）。请写成 '5.5 返工和返修'。",
    ]);
  });

  it("the CSR matrix names the section meant, under its new number with the one written, or as written and not found", async () => {
    const result = await csrInProcess(["-C", dir, "matrix", "csr", "--format", "csv", "--today", DAY], { lang: null });
    expect(result.code).toBe(0);
    const places = result.stdout
      .split("\n")
      .filter((line) => /^(BCM-003|DYA-003|DYA-006),/.test(line))
      .map((line) => line.split(","))
      .map((cells) => [cells[0], cells[14], cells[19], cells[15], cells[16]].join(","));
    // The document, the processes it serves (过程, after the document's columns), the section and the version
    // (after 处置理由, the column DYA-005's justification brings).
    expect(places).toEqual([
      "BCM-003,QP-011,C4,5.3 追溯记录（未找到该章节）,A/1",
      "BCM-003,QP-002,S1,5.3 保存期限,A/1",
      "BCM-003,QR-011-01,C4,,A/1",
      // The revision in force when DYA-006 superseded it, not A/2, which replaced it (tester52 D1).
      "DYA-003,QP-012,S6,5.5 返工和返修（原写 5.4）,A/1（替代时）",
      "DYA-006,QP-012,S6,5.5 返工和返修（原写 5.4）,A/2",
      "DYA-006,QR-012-02,S6,,A/1",
    ]);
    const en = await csrInProcess(["-C", dir, "matrix", "csr", "--format", "csv", "--today", DAY]);
    expect(en.stdout).toContain(",QP-012,5.5 返工和返修 (recorded as 5.4),A/2,");
    expect(en.stdout).toContain(",QP-011,5.3 追溯记录 (section not found),A/1,");
  });

  it("the CSR matrix's link cell of a section gone names it as written, marked not found, and is not counted as a link not yet confirmed", async () => {
    const result = await csrInProcess(["-C", dir, "matrix", "csr", "--format", "csv", "--today", DAY], { lang: null });
    const rows = result.stdout.split("\r\n").map((line) => line.split(","));
    const link = rows[0]!.indexOf("链接状态");
    expect(rows.filter((cells) => cells[0] === "BCM-003").map((cells) => [cells[14], cells[link]])).toEqual([
      ["QP-011", "5.3 追溯记录（未找到该章节）"],
      ["QP-002", "未确认"],
      ["QR-011-01", "未确认"],
    ]);
    // No link of acme-auto has a pin: every place in a document is 未确认, but for the one gone and
    // superseded DYA-003's, which no longer counts (14 of 16 with DYA-005's two; was 16).
    const table = await csrInProcess(["-C", dir, "matrix", "csr", "--today", DAY], { lang: null });
    expect(table.stdout).toContain("链接状态“未确认”的 14 处尚未核实，");
    const en = await csrInProcess(["-C", dir, "matrix", "csr", "--format", "csv", "--today", DAY]);
    expect(en.stdout).toContain(",QP-011,5.3 追溯记录 (section not found),A/1,Identification and Traceability Procedure,5.3 追溯记录 (section not found),C4,Huang Jun,");
  });

  it("csr show says the same", async () => {
    const result = await csrInProcess(["-C", dir, "show", "DYA-006", "--today", DAY], { lang: null });
    expect(result.stdout).toContain("  落实文件        QP-012 不合格品控制程序 A/2（已发布），章节 5.5 返工和返修（原写 5.4）\n");
    const json = await csrInProcess(["-C", dir, "show", "BCM-003", "--today", DAY, "--format", "json"], { lang: null });
    const place = (JSON.parse(json.stdout) as { addressed: { document: string; section?: string; sectionNumber?: string | null }[] }).addressed.find((a) => a.document === "QP-011");
    expect(place).toMatchObject({ section: "5.3 追溯记录", sectionNumber: null });
  });

  it("the site's CSR page links the section meant, and a section gone nowhere; the document page lists the CSR under it", async () => {
    const out = tempDir("csr-site-");
    const result = await csrInProcess(["-C", dir, "site", "--out", out, "--today", DAY], { lang: null });
    expect(result.code).toBe(0);
    const dya006 = readFileSync(join(out, "csr", "DYA-006.html"), "utf8");
    expect(dya006).toContain('章节 <a href="../documents/QP-012.html#section-5.5">5.5 返工和返修（原写 5.4）</a>');
    expect(dya006).toContain("落实于 QP-012 5.5 返工和返修（原写 5.4），CSR 所写的章节号需改正");
    expect(dya006).not.toContain("顾客通知");
    const bcm003 = readFileSync(join(out, "csr", "BCM-003.html"), "utf8");
    expect(bcm003).toContain("章节 5.3 追溯记录（未找到该章节）");
    expect(bcm003).toContain('章节 <a href="../documents/QP-002.html#section-5.3">5.3 保存期限</a>');
    expect(bcm003).not.toContain("QP-011.html#section-");
    expect(bcm003).not.toContain("防护");
    expect(readFileSync(join(out, "documents", "QP-012.html"), "utf8")).toContain("DYA-006 返工前风险评估，返工品100%复检并可追溯（5.5 返工和返修（原写 5.4））");
    expect(readFileSync(join(out, "registers", "csr-matrix.csv"), "utf8")).toContain(",QP-012,5.5 返工和返修（原写 5.4）,A/2,不合格品控制程序,未确认,S6,");
  });
});

/**
 * The same in a pull request (tester57 E15): `csr check --base` tells a link edited to a section the
 * document does not have (BCM-003's link to QP-002 typed 5.9, DYA-003's to QP-012 written with the
 * number of another section) from a link the document no longer matches (QP-011 lost 追溯记录, QP-012
 * renumbered 返工和返修 under DYA-006's unchanged link): fix the link, or re-point it / restore the section.
 */
describe("a CSR's link to a missing section in a pull request", () => {
  it("says whether the link was edited so or the document changed under it", async () => {
    const repo = committedFixture("examples/acme-auto");
    git(repo, ["checkout", "-q", "-b", "change"]);
    const write = (path: string, change: (text: string) => string) => {
      const file = join(repo, path);
      const before = readFileSync(file, "utf8");
      expect(change(before)).not.toBe(before);
      writeFileSync(file, change(before));
    };
    write("csr/BCM/BCM-003.yaml", (text) => text.replace("    section: 5.3 保存期限\n", "    section: \"5.9\"\n"));
    write("csr/DYA/DYA-003.yaml", (text) => text.replace("    section: 5.4 返工和返修\n", "    section: 5.2 返工和返修\n"));
    write("documents/procedures/QP-012.yaml", (text) => text.replace("      - title: 顾客通知\n", "      - title: 可疑产品\n        text: 可疑产品按不合格品处理。\n      - title: 顾客通知\n"));
    write("documents/procedures/QP-011.yaml", (text) => text.replace(/      - title: 追溯记录\n(?:        .*\n)+(?=      - title: 防护\n)/, ""));
    git(repo, ["commit", "-qam", "links and sections"]);
    const result = await csrInProcess(["-C", repo, "check", "--today", DAY, "--base", "main", "--format", "json"], { lang: null });
    const { findings } = JSON.parse(result.stdout) as { findings: JsonFinding[] };
    expect(findings.filter((f) => f.rule === "csr/section-missing").map((f) => `${f.file}:${f.line}:${f.column} ${f.message}`)).toEqual([
      "csr/BCM/BCM-003.yaml:43:14 BCM-003 引用了 QP-011 的章节 '5.3 追溯记录'，QP-011 在 main 时有这个章节，现在没有了：此后对 QP-011 的更改删除了该章节或改了名。第 5.3 节现为 '防护'，是另一章节。请把链接改指现在落实该要求的章节（或只写文件），或在 QP-011 中恢复该章节后发布。",
      "csr/BCM/BCM-003.yaml:45:14 BCM-003 的链接写的是 QP-002 的章节 '5.9'（自 main 以来改成这样），而 QP-002 没有这个章节。请把链接改为 QP-002 现有的章节；与所写相近的有：5.1 记录的填写、5.2 记录清单、5.3 保存期限、5.4 记录处置。",
      "csr/DYA/DYA-003.yaml:41:14 DYA-003 的链接写的是 QP-012 的章节 '5.2 返工和返修'（自 main 以来改成这样），但 QP-012 中该章节的编号是 5.5。请写成 '5.5 返工和返修'。",
      "csr/DYA/DYA-006.yaml:43:14 DYA-006 引用了 QP-012 的章节 '5.4 返工和返修'，但 QP-012 自 main 以来已重新编号，该章节现在是第 5.5 节。请写成 '5.5 返工和返修'。",
    ]);
  });
});
