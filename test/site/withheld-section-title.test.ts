/**
 * csr site withholds a finding that quotes a section title of a document classified 秘密 or above because it is about
 * that document (a CSR's link to it: csr/section-missing 第 1 节现为 '目的'), and publishes one about another document
 * that merely has a section of the same common title (doc/empty-section on CS/QP-012's 目的) (GJB 9001C 7.5.3.2).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { commitAt, committedFixture, csrInProcess, tempDir } from "../helpers.js";

const DAY = "2026-12-04";
const SOURCE = ["source", "add", "NES", "--id", "NES-XY-2026-07", "--title", "电源模块技术协议", "--revision", "A", "--issued", "2026-11-30", "--received", "2026-12-02", "--classification", "内部", "--department", "SAL", "-y", "--commit"];
const ADD = ["add", "--customer", "NES", "--source", "NES-XY-2026-07", "--section", "4.3 筛选", "--clause", "GJB9001C:8.5.1", "--title", "电源模块温度循环筛选", "--text", "电源模块交付前进行温度循环筛选。", "--category", "技术协议", "-y", "--commit"];

describe("a finding quoting a 秘密 document's section title on the site", () => {
  it("is withheld when it is about that document, and shown when it is about another document with a section of the same title", async () => {
    const dir = committedFixture("examples/gjb-demo");
    expect((await csrInProcess(["-C", dir, "set", "CS/QP-013", "--classification", "秘密", "-y", "--commit"], { lang: null })).code).toBe(0);
    expect((await csrInProcess(["-C", dir, ...SOURCE], { lang: null })).code).toBe(0);
    expect((await csrInProcess(["-C", dir, ...ADD], { lang: null })).code).toBe(0);
    // NES-001 linked, by hand, to CS/QP-013's section 1 under another title than its own (目的); CS/QP-012's 目的 left blank.
    const csrFile = join(dir, "csr/NES/NES-001.yaml");
    writeFileSync(csrFile, `${readFileSync(csrFile, "utf8")}addressed:\n  - document: CS/QP-013\n    section: 1 职责范围\n`);
    const procedure = join(dir, "documents/procedures/CS_QP-012.yaml");
    const yaml = readFileSync(procedure, "utf8");
    const blank = yaml.replace("    text: 对供方进行选择、评价和再评价，确保供方具备持续提供合格产品的能力。\n", "    text: \"\"\n");
    expect(blank).not.toBe(yaml);
    writeFileSync(procedure, blank);
    commitAt(dir, DAY, "NES-001 linked; CS/QP-012 1 blank");

    const check = await csrInProcess(["-C", dir, "check", "--format", "json", "--today", DAY], { lang: "zh-CN" });
    const findings = (JSON.parse(check.stdout) as { findings: { rule: string; file: string; message: string }[] }).findings.filter((f) => ["csr/section-missing", "doc/empty-section"].includes(f.rule));
    expect(findings.map((f) => [f.rule, f.file])).toEqual([
      ["csr/section-missing", "csr/NES/NES-001.yaml"],
      ["doc/empty-section", "documents/procedures/CS_QP-012.yaml"],
    ]);
    const [missing, empty] = findings;
    expect(missing!.message).toContain("NES-001 引用了 CS/QP-013 的章节 '1 职责范围'，但 CS/QP-013 的现行版本中没有标题为 '职责范围' 的章节。第 1 节现为 '目的'，是另一章节。");
    expect(empty!.message).toBe("CS/QP-012 已发布，但第 1 节“目的”没有内容：文件被空白发布了。请编写该章节（没有内容的章节也请写明，例如“无。”），或删除不需要的章节，再以新版本发布（csr release CS/QP-012）。");

    const out = join(tempDir(), "site");
    expect((await csrInProcess(["-C", dir, "site", "--out", out, "--today", DAY], { lang: null })).code).toBe(0);
    const page = readFileSync(join(out, "findings.html"), "utf8");
    expect(page).toContain("该发现项说明引用了秘密级以上文件 CS/QP-013 的章节标题，不在网站上发布：请在本机运行 csr check 查看（规则 csr/section-missing）。");
    expect(page).not.toContain("第 1 节现为");
    expect(page).toContain("CS/QP-012 已发布，但第 1 节“目的”没有内容：文件被空白发布了。");
    expect(page).not.toContain("（规则 doc/empty-section）");
  });
});
