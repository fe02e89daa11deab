/**
 * A CSR review report is a record made on the review form (评审表): it names the form's version in
 * force when the review was decided (IATF 16949 7.5.3.2.1), not today's, and no version when the form
 * was not yet released then (month report #17).
 */
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { csrInProcess, ROOT, tempDir } from "../helpers.js";

async function formLine(dir: string, csr: string): Promise<string | undefined> {
  const out = join(tempDir(), `${csr}.md`);
  const rendered = await csrInProcess(["-C", dir, "render", csr, "--format", "md", "--out", out, "--today", "2026-11-30"], { lang: null });
  expect(rendered.code).toBe(0);
  return readFileSync(out, "utf8").split("\n").find((l) => l.startsWith("表单编号"));
}

describe("the review form's version on a CSR review report", () => {
  it("is the version in force on the day of the decision", async () => {
    const dir = tempDir();
    cpSync(join(ROOT, "examples", "acme-auto"), dir, { recursive: true });
    // QR-015-02: A/0 issued 2024-03-01, A/1 2026-05-11. DYA-001 was decided 2025-02-17, BCM-004 2026-10-20.
    expect(await formLine(dir, "DYA-001")).toBe("表单编号：QR-015-02 版本：A/0");
    expect(await formLine(dir, "BCM-004")).toBe("表单编号：QR-015-02 版本：A/1");
    // The form first issued after the decision: the report names the form, but no version it was not made on.
    const form = join(dir, "documents", "forms", "QR-015-02.yaml");
    writeFileSync(form, readFileSync(form, "utf8").replace("date: 2024-03-01", "date: 2025-03-01"));
    expect(await formLine(dir, "DYA-001")).toBe("表单编号：QR-015-02");
  });
});
