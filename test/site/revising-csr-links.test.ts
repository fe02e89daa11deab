/**
 * csr site while a released document is being revised (修订中): a CSR link names the section as numbered in the
 * version in force (IATF 16949 7.5.1.1), which the site reads from git as csr check, csr matrix and csr show do.
 * acme-auto with QP-006 submitted for revision and a section 5.4 来料检测 put in the draft before 5.4 内部实验室 and
 * 5.5 外部实验室, committed on the site's day, built by the built binary: BCM-002's page cites 5.5 外部实验室 (not
 * "5.6 外部实验室（原写 5.5）"), and the findings page has exactly csr check's findings (no csr/section-missing).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { checkJson, commitAt, committedFixture, csr, tempDir } from "../helpers.js";

const TODAY = ["--today", "2026-12-04"];
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("csr site: the CSR links of a document being revised", () => {
  let out: string;
  let dir: string;
  let summary: string;
  beforeAll(() => {
    dir = committedFixture("examples/acme-auto");
    for (const args of [["submit", "QP-006"], ["edit", "QP-006", "--add-section", "来料检测", "--after", "5.3"]]) {
      const run = csr(["-C", dir, ...args, ...TODAY], { lang: "zh-CN" });
      expect(run.code, run.stderr).toBe(0);
    }
    commitAt(dir, "2026-12-04", "QP-006 修订：增加 5.4 来料检测");
    out = join(tempDir(), "site");
    const run = csr(["-C", dir, "site", "--out", out, ...TODAY], { lang: "zh-CN" });
    expect(run.code, run.stderr).toBe(0);
    summary = run.stderr;
  }, 120_000);

  const page = (path: string) => readFileSync(join(out, path), "utf8");

  it("cites the section of the version in force on the CSR page, as csr show and csr matrix print it", () => {
    const show = csr(["-C", dir, "show", "BCM-002", ...TODAY], { lang: "zh-CN" });
    expect(show.stdout).toContain("落实文件        QP-006 设备与监视测量资源管理程序 A/1（已发布），章节 5.5 外部实验室\n");
    const matrix = csr(["-C", dir, "matrix", "csr", "--format", "csv", ...TODAY], { lang: "zh-CN" });
    expect(matrix.stdout).toContain(",QP-006,5.5 外部实验室,A/1,");
    const bcm = page("csr/BCM-002.html");
    expect(bcm).toContain('章节 <a href="../documents/QP-006.html#section-5.5">5.5 外部实验室</a>');
    expect(bcm).not.toContain("原写");
    const dya = text(page("csr/DYA-005.html"));
    expect(dya).toContain("章节 5.4 内部实验室");
    expect(dya).toContain("章节 5.5 外部实验室");
    expect(dya).not.toContain("原写");
    // The site's CSR matrix register, as csr matrix prints it.
    expect(text(page("registers/csr-matrix.html"))).not.toContain("原写");
  });

  it("lists exactly csr check's findings", () => {
    const check = checkJson(dir, ...TODAY);
    expect(check.findings.map((f) => `${f.rule} ${f.file}:${f.line}`)).toEqual([
      "csr/training-overdue csr/BCM/BCM-004.yaml:58",
      "csr/review-due-soon csr/BCM/BCM-005.yaml:12",
      "csr/late-for-customer csr/DYA/DYA-002.yaml:80",
      "csr/training-overdue csr/DYA/DYA-002.yaml:85",
      "csr/review-due-soon csr/DYA/DYA-007.yaml:12",
      // Dongyue's September scorecard and OBJ-04 count a complaint the corrective action register has no 8D for (tester82 A2).
      "action/complaint-unrecorded customers/DYA.yaml:53",
      "doc/empty-section documents/procedures/QP-006.yaml:82",
      "action/complaint-unrecorded objectives.yaml:99",
      // tester82 A12: C3's audit frequency not reviewed after 8D-2026-001, and December without next year's audit plan.
      "process/audit-frequency-unreviewed processes.yaml:64",
      "process/audit-plan-next-year-missing qms.yaml:77",
    ]);
    const findings = text(page("findings.html"));
    for (const f of check.findings) expect(findings).toContain(`${f.rule} ${f.file}:${f.line}:${f.column}`);
    expect(findings).not.toContain("csr/section-missing");
    expect(summary).toContain("csr check：1 个错误，9 个警告");
  });
});
