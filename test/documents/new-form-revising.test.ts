/**
 * A new form for a procedure in force (README 7.5.3.2.2: a form a CSR needs): `csr new form --used-by`
 * writes it into the draft of the procedure's next revision (修订中), so the version in force, which
 * never listed it, is judged by what it listed as released, as the registers read it (tester64 N1).
 * The built binary on a copy of examples/acme-auto committed to a real git repository.
 */
import { cpSync, rmSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { checkJson, committedFixture, csr, tempDir } from "../helpers.js";

const TODAY = "2026-12-05";
const form = ["new", "form", "--title", "年度全尺寸检验报告", "--department", "QA", "--used-by", "QP-009", "--retention", "10年", "-y", "--commit"];
const release = ["release", "QR-009-02", "--summary", "新增", "--prepared", "zhaoqiang", "--reviewed", "zhangli", "--approved", "xuht", "--date", "2026-10-20", "-y"];
const ofRule = (findings: { rule: string; file: string; line: number; severity: string; message: string }[]) =>
  findings.filter((f) => f.rule === "doc/referenced-not-in-force").map((f) => `${f.file}:${f.line} ${f.severity} ${f.message}`);

describe("a new form added to a procedure's pending revision", () => {
  let dir: string;
  beforeAll(() => {
    dir = committedFixture("examples/acme-auto");
    expect(csr(["-C", dir, ...form]).code).toBe(0);
    expect(csr(["-C", dir, "set", "QR-009-02", "--medium", "纸质", "--location", "品质部档案室", "-y"]).code).toBe(0);
    expect(csr(["-C", dir, ...release]).code).toBe(0);
  });

  it("is not held against the version in force, which git has as released without it", () => {
    expect(ofRule(checkJson(dir, "--today", TODAY).findings)).toEqual([]);
  });

  it("is a warning reminding to release the revision when git does not have the version in force", () => {
    const copy = tempDir();
    cpSync(dir, copy, { recursive: true });
    rmSync(join(copy, ".git"), { recursive: true });
    expect(ofRule(checkJson(copy, "--today", TODAY).findings)).toEqual([
      "documents/procedures/QP-009.yaml:30 warning QP-009 is under revision (its file holds the draft of the next version) and A/0 as released could not be read from git: the draft lists the form QR-009-02, first in force on 2026-10-20 (A/0), after A/0 took effect on 2024-03-01. Release the revision of QP-009 dated on or after 2026-10-20; if A/0 as released listed QR-009-02 too, it was approved prescribing a form that did not exist yet.",
    ]);
  });
});
