/**
 * A CSR review report is a record made on the review form (评审表). csr prints it in one layout, the
 * form's as it stands: the report names the form's version in force on the day printed, and a review
 * decided on an earlier version (or before the form was released) says it is printed again on that
 * form and which version the record was made on (IATF 16949 7.5.3.2.1; month report #17, tester52 D5:
 * "版本：A/0" over the columns only A/1 introduced).
 */
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { csrInProcess, ROOT, tempDir } from "../helpers.js";

async function render(dir: string, csr: string, format: "md" | "html" | "docx" = "md", today = "2026-11-30", lang: "zh-CN" | "en" = "zh-CN"): Promise<string> {
  const out = join(tempDir(), `${csr}.${format}`);
  const rendered = await csrInProcess(["-C", dir, "render", csr, "--format", format, "--out", out, "--today", today], { lang });
  expect(rendered.code).toBe(0);
  return format === "docx" ? strFromU8(unzipSync(readFileSync(out))["word/document.xml"]!) : readFileSync(out, "utf8");
}

/** The form line and the paragraph after it. */
async function formLines(dir: string, csr: string, today?: string): Promise<string[]> {
  const lines = (await render(dir, csr, "md", today)).split("\n");
  const at = lines.findIndex((l) => l.startsWith("表单编号"));
  return at === -1 ? [] : [lines[at]!, lines[at + 2]!.startsWith("|") ? "" : lines[at + 2]!];
}

describe("the review form's version on a CSR review report", () => {
  it("is the version in force on the day printed; a review decided on an earlier one says it is printed again", async () => {
    const dir = tempDir();
    cpSync(join(ROOT, "examples", "acme-auto"), dir, { recursive: true });
    // QR-015-02: A/0 issued 2024-03-01, A/1 2026-05-11. DYA-001 was decided 2025-02-17, BCM-004 2026-10-20.
    expect(await formLines(dir, "DYA-001")).toEqual(["表单编号：QR-015-02 版本：A/1", "依 2025-02-17 评审记录按 QR-015-02 A/1 重新输出（评审时为 A/0 版表单）"]);
    expect(await formLines(dir, "BCM-004")).toEqual(["表单编号：QR-015-02 版本：A/1", ""]);
    // Printed on a day A/0 was still in force: the form it was made on.
    expect(await formLines(dir, "DYA-001", "2026-01-05")).toEqual(["表单编号：QR-015-02 版本：A/0", ""]);
    const html = await render(dir, "DYA-001", "html");
    expect(html).toContain('<p class="form-number">表单编号：<span class="nowrap">QR-015-02</span> 版本：<span class="nowrap">A/1</span></p><p class="form-number">依 2025-02-17 评审记录按 QR-015-02 A/1 重新输出（评审时为 A/0 版表单）</p>');
    expect(await render(dir, "DYA-001", "html", "2026-11-30", "en")).toContain(
      '<p class="form-number">Reprinted on QR-015-02 A/1 from the review record of 2025-02-17 (made on revision A/0 of the form)</p>',
    );
    expect(await render(dir, "DYA-001", "docx")).toContain("依 2025-02-17 评审记录按 QR-015-02 A/1 重新输出（评审时为 A/0 版表单）");
    // The form first issued after the decision: printed on it, and said so.
    const form = join(dir, "documents", "forms", "QR-015-02.yaml");
    writeFileSync(form, readFileSync(form, "utf8").replace("date: 2024-03-01", "date: 2025-03-01"));
    expect(await formLines(dir, "DYA-001")).toEqual(["表单编号：QR-015-02 版本：A/1", "依 2025-02-17 评审记录按 QR-015-02 A/1 重新输出（评审时该表单尚未发布）"]);
  });
});
