/**
 * A register handed to an auditor holds the register alone: the hints for the one who runs the
 * command (what has no English text and the command that adds it) go to stderr, in every format
 * of csr list and in csr export's workbook (tester23 F12).
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { csr, ROOT, tempDir } from "../helpers.js";

const ACME = join(ROOT, "examples/acme-auto");
const FORMS =
  "16 forms keep their records with a retention period or location that has no English text, printed as written (HH-F-045, QR-001-01, QR-001-02, QR-001-03, QR-002-01, ...): add it with 'csr set <form> --retention-en <text> --location-en <text>'.\n";
const CATEGORIES = "8 categories have no English name and are printed as written: add them under csr.categories_en in qms.yaml ({category: English name}).\n";

describe("operator hints of an English register go to stderr, never into it (tester23 F12)", () => {
  it.each(["md", "html", "csv", "xlsx", "pdf"])("csr list forms and csr list csr --format %s", { timeout: 120_000 }, (format) => {
    for (const [what, hint] of [["forms", FORMS], ["csr", CATEGORIES]] as const) {
      const out = ["xlsx", "pdf"].includes(format) ? join(tempDir(), `${what}.${format}`) : undefined;
      const run = csr(["-C", ACME, "list", what, "--today", "2026-11-27", "--format", format, ...(out ? ["--out", out] : [])], { lang: "en" });
      expect([run.code, run.stderr]).toEqual([0, (out ? `wrote ${out}\n` : "") + hint]);
      // A workbook and a PDF are compressed: what they hold is the notes, which no longer carry the hint (the text formats show it).
      if (!out) expect(run.stdout).not.toMatch(/retention-en|categories_en/);
    }
  });

  it("csr export: each hint once on stderr, none in the workbook", { timeout: 120_000 }, () => {
    const out = join(tempDir(), "registers.xlsx");
    const run = csr(["-C", ACME, "export", "--today", "2026-11-27", "--out", out], { lang: "en" });
    expect([run.code, run.stderr]).toEqual([0, `wrote ${out}\n${FORMS}${CATEGORIES}`]);
  });

  it("in Chinese there is nothing to say: the register is in Chinese", () => {
    const run = csr(["-C", ACME, "list", "forms", "--today", "2026-11-27", "--format", "md"], { lang: "zh-CN" });
    expect([run.code, run.stderr]).toEqual([0, ""]);
  });
});
