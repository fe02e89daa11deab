/**
 * doc/effective-before-issue and csr/review-unsigned on the shipped examples: both stay clean (the
 * controller issues a version on the day it takes effect; every decided review of acme-auto is on
 * QR-015-02, numbered JL-PS-<year>-<n> and signed by 李娜 as the CSR project group's leader), and
 * undoing one of those records brings back exactly its finding. The rules' own cases are
 * test/fixtures/rules/doc-effective-before-issue and csr-review-unsigned.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkJsonInProcess, copyFixture, csrInProcess, ROOT } from "../helpers.js";

const TODAY = "2026-12-04";
const RULES = new Set(["doc/effective-before-issue", "csr/review-unsigned"]);

/** Replaces `from` (which must be there once) by `to` in the repository's file `path`. */
function edit(dir: string, path: string, from: string, to: string): void {
  const file = join(dir, path);
  const text = readFileSync(file, "utf8");
  expect(text.split(from).length - 1).toBe(1);
  writeFileSync(file, text.replace(from, to));
}

async function findings(dir: string, ...args: string[]) {
  const { findings } = await checkJsonInProcess(dir, "--today", TODAY, ...args);
  return findings.filter((f) => RULES.has(f.rule)).map(({ file, line, column, severity, rule, message }) => ({ file, line, column, severity, rule, message }));
}

/**
 * A copy of acme-auto with `from` (there once) replaced by `to` in `file`, and the findings of the two rules on it in
 * `lang`: `dir` for what the test does next.
 */
async function findingAfterEdit(file: string, from: string, to: string, lang: "zh-CN" | "en") {
  const dir = copyFixture("examples/acme-auto");
  edit(dir, file, from, to);
  return { dir, found: await findings(dir, "--lang", lang) };
}

describe("the examples", () => {
  it.each(["examples/acme-auto", "examples/gjb-demo"])("%s has no version issued late and no unsigned review", async (example) => {
    expect(await findings(copyFixture(example))).toEqual([]);
  });
});

describe("doc/effective-before-issue on acme-auto", () => {
  it("reports QP-014 A/1 put on OA two days after it took effect, at the issue's date", async () => {
    const { dir, found } = await findingAfterEdit("documents/procedures/QP-014.yaml", "to: [ENG, QA, PRD], date: 2025-03-10, system: OA", "to: [ENG, QA, PRD], date: 2025-03-12, system: OA", "zh-CN");
    expect(found).toEqual([
      {
        file: "documents/procedures/QP-014.yaml",
        line: 74,
        column: 46,
        severity: "warning",
        rule: "doc/effective-before-issue",
        message:
          "QP-014 A/1 于 2025-03-10 生效，但到 2025-03-12 才首次电子版发放：在此之前使用部门须执行一个尚未拿到的版本。如果在 2025-03-10 或之前已在系统上发布，请更正这条发放记录的日期；如果直到 2025-03-12 才发到使用部门，则生效日期有误。版本应在生效当日或之前发放。",
      },
    ]);
    const [english] = await findings(dir, "--lang", "en");
    expect(english!.message).toBe(
      "QP-014 A/1 took effect on 2025-03-10, but it was first issued electronically on 2025-03-12: until then its users were to work to a version they did not have. If it was published on or before 2025-03-10, correct the date of this issue; if it reached its users only on 2025-03-12, its effective date is wrong. Issue a version on the day it takes effect, or before.",
    );
  });
});

describe("csr/review-unsigned on acme-auto", () => {
  it("reports DYA-001 without its review team leader, and csr review --leader settles it", async () => {
    const { dir, found } = await findingAfterEdit("csr/DYA/DYA-001.yaml", "  leader: {by: lina, date: 2025-02-17}\n", "", "zh-CN");
    expect(found).toEqual([
      {
        file: "csr/DYA/DYA-001.yaml",
        line: 36,
        column: 5,
        severity: "warning",
        rule: "csr/review-unsigned",
        message:
          "DYA-001 已于 2025-02-17 作出评审结论，但评审报告没有评审组长签字：评审是记录，审核时要看按 QR-015-02 填写、有记录编号并经评审组长签字的评审报告。登记评审组长签字：'csr review DYA-001 --leader <人员> --date <签字日期>'。",
      },
    ]);
    const signed = await csrInProcess(["-C", dir, "review", "DYA-001", "--leader", "李娜", "--date", "2025-02-17", "-y"]);
    expect(signed.code).toBe(0);
    // Written as the example has it.
    expect(readFileSync(join(dir, "csr/DYA/DYA-001.yaml"), "utf8")).toBe(readFileSync(join(ROOT, "examples/acme-auto/csr/DYA/DYA-001.yaml"), "utf8"));
    expect(await findings(dir)).toEqual([]);
  });

  it("counts a record named without its number as unnumbered, in English too", async () => {
    const { found } = await findingAfterEdit("csr/BCM/BCM-004.yaml", "  record: {form: QR-015-02, ref: JL-PS-2026-05}\n", "  record: {form: QR-015-02}\n", "en");
    expect(found).toEqual([
      {
        file: "csr/BCM/BCM-004.yaml",
        line: 42,
        column: 5,
        severity: "warning",
        rule: "csr/review-unsigned",
        message:
          "BCM-004 was decided on 2026-10-20, but its review report has no record number (记录编号): the review is a record, and an auditor asks for the numbered review report on QR-015-02 signed by the review team leader. Record its number with 'csr review BCM-004 --record <number> --record-form QR-015-02'.",
      },
    ]);
  });

  it("asks nothing of a repository without a CSR review form", async () => {
    const dir = copyFixture("examples/acme-auto");
    edit(dir, "csr/DYA/DYA-001.yaml", "  record: {form: QR-015-02, ref: JL-PS-2025-01}\n  leader: {by: lina, date: 2025-02-17}\n", "");
    expect((await findings(dir)).map((f) => `${f.file}:${f.line} ${f.rule}`)).toEqual(["csr/DYA/DYA-001.yaml:36 csr/review-unsigned"]);
    // The form retitled: no released form is titled as a CSR review form, and qms.yaml names none.
    edit(dir, "documents/forms/QR-015-02.yaml", "title: 顾客特定要求评审报告\ntitle_en: CSR Review Report\n", "title: 评审报告\ntitle_en: Review Report\n");
    expect(await findings(dir)).toEqual([]);
  });
});
