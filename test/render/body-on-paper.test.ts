/**
 * A procedure imported from a register without its text (tester20 F13): its print and its site page
 * say that the body is on the paper original instead of numbering 1 相关文件 无 / 2 相关记录, and no
 * controlled copy of it is printed.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { csrInProcess, minimalRepo, tempDir } from "../helpers.js";

/** QP-001 as a register import writes it (A/2, imported, no sections), with the form a forms register linked to it and one controlled copy. */
function registered(): string {
  return minimalRepo({
    "documents/QP-001.yaml": [
      "id: QP-001",
      "title: 文件控制程序",
      "level: 2",
      "kind: procedure",
      "department: QA",
      "status: released",
      "forms: [QR-001-01]",
      "effective: 2024-03-01",
      "revisions:",
      "  - version: A/2",
      "    date: 2024-03-01",
      "    imported: true",
      "    prepared: {by: zhang}",
      "    reviewed: {by: li}",
      "    approved: {by: wang}",
      "distribution:",
      "  - { copy: 1, version: A/2, to: QA, holder: zhang, issued_by: zhang, date: 2024-03-05 }",
      "",
    ].join("\n"),
    "documents/QR-001-01.yaml": [
      "id: QR-001-01",
      "title: 文件发放回收记录",
      "level: 4",
      "kind: form",
      "department: QA",
      "status: released",
      "record: {retention: 3年, medium: paper, location: 品质部}",
      "revisions:",
      "  - version: A/0",
      "    date: 2024-03-01",
      "    imported: true",
      "    prepared: {by: zhang}",
      "    reviewed: {by: li}",
      "    approved: {by: wang}",
      "",
    ].join("\n"),
  });
}

describe("a document imported without its body (tester20 F13)", () => {
  it("prints the note where the body would be, and the records the register gave without section numbers", async () => {
    const repo = registered();
    const out = tempDir();
    const result = await csrInProcess(["-C", repo, "render", "QP-001", "--format", "md", "--lang", "zh-CN", "--out", out]);
    expect(result.code).toBe(0);
    const text = readFileSync(join(out, "QP-001.zh-CN.md"), "utf8");
    expect(text.slice(text.lastIndexOf("| 2024-03-01 |"))).toBe(
      [
        "| 2024-03-01 | 导入前已发布的版本，修订内容见原纸质记录 |  | A/2 | 张伟 | 李娜 | 王强 |",
        "",
        "> **正文见纸质原件（导入时未带正文）**",
        "",
        "##  相关记录",
        "",
        "| 文件编号 | 文件名称 | 版本/版次 |",
        "| --- | --- | --- |",
        "| QR-001-01 | 文件发放回收记录 | A/0 |",
        "",
      ].join("\n"),
    );
    expect(text).not.toContain("相关文件");
  });

  it("shows the same on its page of csr site, in English too", async () => {
    const repo = registered();
    const out = tempDir();
    expect((await csrInProcess(["-C", repo, "site", "--out", out, "--lang", "en", "--today", "2026-12-01"])).code).toBe(0);
    const page = readFileSync(join(out, "documents", "QP-001.html"), "utf8");
    expect(page).toContain('<p class="body-on-paper">The body of this document is on its paper original (it was imported without its text).</p>');
    expect(page).toContain("<h2> Related records</h2>");
    expect(page).not.toContain("Related documents");
  });

  it("refuses to print a controlled copy of it, saying to import its Word original", async () => {
    const repo = registered();
    const result = await csrInProcess(["-C", repo, "render", "QP-001", "--copy", "1", "--format", "md", "--lang", "zh-CN", "--out", tempDir()]);
    expect(result.stderr).toBe(
      "csr: QP-001 的正文不在仓库中（导入时未带正文，正文见纸质原件）：打印的受控副本将没有正文，未打印。\n" +
        '提示：请先导入其 Word 原件（csr import "<文件>.docx"），再打印受控副本；在此之前，发放的是纸质原件的复印件。\n',
    );
    expect(result.code).toBe(2);
  });
});
