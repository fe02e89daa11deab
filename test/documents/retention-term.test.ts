/**
 * `csr set <form> --retention-term`: the retention period as csr counts it (record.retention_term), for
 * a 保存期限 written in no way csr reads (离职后保存三年), which `csr list disposals` could not date and only
 * hand-edited YAML could (tester67b B2 tail). Given in a spelling csr counts, written as years or months
 * and the event counted from; "" removes it, and a new --retention without it removes the count of the old.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { csr, gitInit, minimalRepo } from "../helpers.js";

const FORM = [
  "id: QR-005-02",
  "title: 员工培训档案",
  "level: 4",
  "kind: form",
  "department: QA",
  "status: released",
  "revisions:",
  "  - version: A/0",
  "    date: 2020-01-02",
  "    imported: true",
  "    prepared: {by: zhang}",
  "    approved: {by: wang}",
  "record:",
  "  retention: 离职后保存三年",
  "  batches:",
  "    - {name: 2020年离职人员, from: 2020-01-01, to: 2020-12-31, counted_from: 2020-12-31}",
  "",
].join("\n");

const read = (dir: string) => readFileSync(join(dir, "documents/QR-005-02.yaml"), "utf8");
const disposals = (dir: string) => csr(["-C", dir, "list", "disposals", "--due-by", "2026-12-31", "--today", "2026-12-06", "--format", "csv"]);

describe("csr set --retention-term", () => {
  it("gives a form whose retention csr cannot read the count csr list disposals dates its batches by", () => {
    const dir = gitInit(minimalRepo({ "documents/QR-005-02.yaml": FORM }));
    const before = disposals(dir);
    expect(before.stdout).toContain(",离职后保存三年,,cannot be dated,,,,,,csr cannot count the retention period as written");
    expect(before.stderr).toBe("For a form whose retention csr cannot count, give the period to count with csr set <form> --retention-term <period> (e.g. 员工离职后3年)\n");

    expect(csr(["-C", dir, "set", "QR-005-02", "--retention-term", "员工离职后3年"], { lang: null })).toEqual({
      code: 0,
      stderr: "",
      stdout: [
        "已修改 QR-005-02 员工培训档案（documents/QR-005-02.yaml）：",
        "  保存期限（按此计算）：员工离职后3年",
        "这些是 QR-005-02 的登记数据，不属于文件内容，不需要发布新版本。",
        "已写入 documents/QR-005-02.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。",
        "",
      ].join("\n"),
    });
    expect(read(dir)).toBe(FORM.replace("  retention: 离职后保存三年\n", "  retention: 离职后保存三年\n  retention_term: {years: 3, after: 员工离职}\n"));
    const after = disposals(dir);
    expect(after.stdout.split("\r\n")[1]).toBe("1,QR-005-02,员工培训档案,2020年离职人员,2020-12-31,,离职后保存三年,2023-12-31,may be disposed of,,,,,,");
    expect(after.stderr).not.toContain("--retention-term");

    // A new retention text without its count: the count of the old one goes, and the output says so.
    expect(csr(["-C", dir, "set", "QR-005-02", "--retention", "5年"]).stdout.split("\n").slice(1, 3)).toEqual([
      "  Retention: 5年 (was 离职后保存三年)",
      "  Retention as counted: removed (was 3 years after 员工离职, counted for the old retention); give it again with --retention-term if it still applies",
    ]);
    expect(read(dir)).toContain("  retention: 5年\n  batches:\n");
    // 18 months as months, and "" removes it.
    expect(csr(["-C", dir, "set", "QR-005-02", "--retention-term", "18个月"]).stdout).toContain("  Retention as counted: 18 months\n");
    expect(read(dir)).toContain("  retention: 5年\n  retention_term: {months: 18}\n");
    expect(csr(["-C", dir, "set", "QR-005-02", "--retention-term", ""]).stdout).toContain("  Retention as counted: removed (was 18 months)\n");
    expect(read(dir)).toContain("  retention: 5年\n  batches:\n");
  });

  it("changes nothing when the count on file is the one given, however the file writes it", () => {
    const form = FORM.replace("  retention: 离职后保存三年\n", "  retention: 离职后保存三年\n  retention_term: {after: 员工离职, months: 36}\n");
    const dir = gitInit(minimalRepo({ "documents/QR-005-02.yaml": form }));
    expect(csr(["-C", dir, "set", "QR-005-02", "--retention-term", "员工离职后3年"])).toEqual({ code: 0, stderr: "", stdout: "QR-005-02 is like that already; nothing changed.\n" });
    expect(read(dir)).toBe(form);
  });

  it("refuses in one line a period csr cannot count and one never disposed of", () => {
    const dir = gitInit(minimalRepo({ "documents/QR-005-02.yaml": FORM }));
    expect(csr(["-C", dir, "set", "QR-005-02", "--retention-term", "三年"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --retention-term 三年 is not a period csr can count; write it as 3年, 6个月, 产品寿命期+1年 or <event>后N年 (员工离职后3年), or as 3 years or 6 months.\n",
    });
    expect(csr(["-C", dir, "set", "QR-005-02", "--retention-term", "永久"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --retention-term 永久: records kept long-term or permanently are never disposed of, so there is no end to count; write it in --retention.\n",
    });
    expect(read(dir)).toBe(FORM);
  });
});
