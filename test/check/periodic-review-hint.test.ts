/**
 * doc/periodic-review-due suggests a command that runs as written: `--by` names the approver of the
 * version in force (else the last periodic reviewer, else the author) as the reader would type them.
 */
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { csrInProcess, FIXTURES, tempDir } from "../helpers.js";

const RULE = join(FIXTURES, "rules", "doc-periodic-review-due");

function repo(edit: (document: string) => string = (d) => d): string {
  const dir = tempDir();
  cpSync(join(FIXTURES, "rules", "_base"), dir, { recursive: true });
  cpSync(join(RULE, "invalid"), dir, { recursive: true });
  const path = join(dir, "documents", "QP-005.yaml");
  writeFileSync(path, edit(readFileSync(path, "utf8")));
  return dir;
}

const message = async (dir: string, lang: "zh-CN" | "en") => {
  const result = await csrInProcess(["-C", dir, "check", "--today", "2026-11-27", "--format", "json"], { lang });
  return (JSON.parse(result.stdout) as { findings: { rule: string; message: string }[] }).findings.find((f) => f.rule === "doc/periodic-review-due")!.message;
};

describe("doc/periodic-review-due names who records the review", () => {
  it("the approver of the current version, by name in Chinese and by id in English", async () => {
    const dir = repo();
    expect(await message(dir, "zh-CN")).toBe(
      "QP-005 上次修订或评审是在 2025-01-06；每 12 个月一次的定期评审应于 2026-01-06 完成。请评审其适宜性：发布新版本，或用 'csr periodic-review QP-005 --by 王强' 记录其仍然适用。",
    );
    expect(await message(dir, "en")).toBe(
      "QP-005 was last revised or reviewed on 2025-01-06; its 12-month review was due on 2026-01-06. Review it for suitability: release a new revision, or record that it is still suitable with 'csr periodic-review QP-005 --by wang'.",
    );
  });

  it("the last periodic reviewer when the revision records no approver", async () => {
    const dir = repo((d) => d.replace("    approved: { by: wang, date: 2024-01-10 }\n", ""));
    expect(await message(dir, "zh-CN")).toMatch(/'csr periodic-review QP-005 --by 张伟' 记录其仍然适用。$/);
  });
});

describe("periodic reviews falling due (tester54a A9)", () => {
  const findings = async (dir: string, today: string, lang: "zh-CN" | "en" = "zh-CN") =>
    (JSON.parse((await csrInProcess(["-C", dir, "check", "--today", today, "--format", "json"], { lang })).stdout) as { findings: { rule: string; message: string; severity: string }[] }).findings
      .filter((f) => f.rule === "doc/periodic-review-due")
      .map((f) => `${f.severity} ${f.message}`);

  it("csr check warns document_control.review_warn_days (30) calendar days ahead, and on the due day", async () => {
    const dir = repo();
    // Due 2026-01-06: 31 days ahead nothing, 30 days ahead and on the day a warning.
    expect(await findings(dir, "2025-12-06")).toEqual([]);
    expect(await findings(dir, "2025-12-07")).toEqual([
      "warning QP-005 的定期评审将于 2026-01-06 到期（还有 30 天；上次修订或评审是在 2025-01-06，每 12 个月一次）。请安排评审：发布新版本，或用 'csr periodic-review QP-005 --by 王强' 记录其仍然适用。",
    ]);
    expect(await findings(dir, "2026-01-05", "en")).toEqual([
      "warning The periodic review of QP-005 falls due on 2026-01-06 (in 1 day; last revised or reviewed on 2025-01-06, every 12 months). Plan it: release a new revision, or record that it is still suitable with 'csr periodic-review QP-005 --by wang'.",
    ]);
    expect(await findings(dir, "2026-01-06")).toEqual([
      "warning QP-005 的定期评审今天（2026-01-06）到期（上次修订或评审是在 2025-01-06，每 12 个月一次）。请评审其适宜性：发布新版本，或用 'csr periodic-review QP-005 --by 王强' 记录其仍然适用。",
    ]);
    // The window is the company's: 0 warns on the day only.
    writeFileSync(join(dir, "qms.yaml"), readFileSync(join(dir, "qms.yaml"), "utf8") + "document_control:\n  review_warn_days: 0\n");
    expect(await findings(dir, "2026-01-05")).toEqual([]);
    expect(await findings(dir, "2026-01-06")).toHaveLength(1);
  });

  it("csr list periodic-reviews --due-by lists the reviews due by a day; --columns next_review gives a register its 下次定期评审", async () => {
    const dir = repo();
    expect(await csrInProcess(["-C", dir, "list", "periodic-reviews", "--due-by", "2026-01-31", "--today", "2025-12-20"], { lang: null })).toEqual({
      code: 0,
      stdout: [
        "定期评审到期清单（2026-01-31 前到期，共 1 份）",
        "",
        "序号  文件编号  文件名称  归口部门  版本/版次  上次修订或评审  周期（月）  下次定期评审  状态        负责人",
        "----  --------  --------  --------  ---------  --------------  ----------  ------------  ----------  ------",
        "1     QP-005    培训程序  品质部    A/0        2025-01-06      12          2026-01-06    还有 17 天  王强",
        "",
        "截至 2025-12-20 的现行文件中，定期评审在 2026-01-31 或之前到期的（含已逾期的，以及发布日期不详、周期无从起算的）；周期从上次修订、生效或结论为继续有效的评审中最晚的日期起算。负责人为现行版本的批准人。",
        "",
      ].join("\n"),
      stderr: "",
    });
    // Overdue ones stay on it; a day before it falls due, it is not due by then.
    expect((await csrInProcess(["-C", dir, "list", "periodic-reviews", "--due-by", "2026-02-28", "--today", "2026-02-10", "--format", "csv"])).stdout.split("\r\n").slice(0, 2)).toEqual([
      "\uFEFFNo.,Document,Title,Department,Revision,Last revised or reviewed,Interval (months),Next periodic review,Status,Responsible",
      "1,QP-005,培训程序,品质部,A/0,2025-01-06,12,2026-01-06,35 days overdue,王强",
    ]);
    expect((await csrInProcess(["-C", dir, "list", "periodic-reviews", "--due-by", "2026-01-05", "--today", "2025-12-20"])).stdout).toMatch(/^Periodic reviews due by 2026-01-05 \(0 documents\)\n/);
    expect((await csrInProcess(["-C", dir, "list", "documents", "--columns", "number,version,next_review", "--today", "2025-12-20", "--format", "csv"])).stdout).toBe(
      "\uFEFFNumber,Version,Next periodic review\r\nQP-005,A/0,2026-01-06\r\n",
    );
    expect(await csrInProcess(["-C", dir, "list", "documents", "--due-by", "2026-01-31"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --due-by is for csr list external, csr list periodic-reviews, and csr list disposals only, not for 'csr list documents'.\n",
    });
  });
});
