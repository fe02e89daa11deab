/** The `csr check` command line as a user and CI see it: repository discovery, output, exit codes. */
import { appendFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { csr, minimalRepo, tempDir } from "../helpers.js";

/**
 * The day the exact outputs below are checked as of: on a day of a year whose public holidays csr
 * does not ship, calendar/year-missing would be one warning more on qms.yaml.
 */
const TODAY = ["--today", "2026-12-01"];

describe("csr check", () => {
  it("finds the repository by walking up from a subfolder of -C", () => {
    const dir = minimalRepo({ "documents/procedures/.keep": "" });
    const result = csr(["-C", join(dir, "documents", "procedures"), "check", ...TODAY]);
    expect(result).toEqual({ code: 0, stdout: "✔ No problems in 2 files.\n", stderr: "" });
  });

  it("finds the repository from the current directory", () => {
    const dir = minimalRepo();
    mkdirSync(join(dir, "customers"));
    expect(csr(["check"], { cwd: join(dir, "customers") }).code).toBe(0);
  });

  it("says clearly when there is no repository, in one line plus a hint, exit 2", () => {
    const dir = tempDir();
    const result = csr(["-C", dir, "check"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      `csr: No qms.yaml found in ${dir} or any parent directory.\nhint: Run csr inside a document repository, point at one with -C <dir>, or create one with 'csr init'.\n`,
    );
  });

  it("groups text findings by file and ends with a summary, exit 1 on errors", () => {
    const dir = minimalRepo({
      "documents/QP-001.yaml": "id: QP-001\ntitle: 文件控制程序\nlevel: 2\nkind: procedure\ndepartment: QA\nstatus: draft\nrelated: [QP-002]\n",
      "processes.yaml": "processes:\n  - code: M1\n    name: 管理评审过程\n    type: management\n    owner: GM\n",
    });
    const result = csr(["-C", dir, "check", ...TODAY]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      [
        "documents/QP-001.yaml",
        "documents/QP-001.yaml:7:11 error ref/unresolved Unknown document 'QP-002'. Did you mean 'QP-001'? Correct the number ('csr set QP-001 --remove-related QP-002 --add-related <number>'), or create the document with 'csr new procedure --number QP-002 --title … --department …'.",
        "",
        "processes.yaml",
        "processes.yaml:5:12 error ref/unresolved Unknown department 'GM'. Use a code from 'departments' in qms.yaml or add it with 'csr department add'.",
        "",
        "Rule docs (also 'csr explain <rule-id>'):",
        "  ref/unresolved  https://unpkg.com/qms-csr@0.1.0/docs/rules.md#refunresolved",
        "✖ 2 errors, 0 warnings in 2 files (4 files checked).",
        "",
      ].join("\n"),
    );
  });

  it("prints a stable JSON list", () => {
    const dir = minimalRepo({ "documents/QP-001.yaml": "id: QP-001\ntitle: 文件控制程序\nlevel: 2\nkind: procedure\ndepartment: QA\nstatus: draft\nrelated: [QP-002]\n" });
    const result = csr(["-C", dir, "check", ...TODAY, "--format", "json"]);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({
      version: 1,
      summary: { errors: 1, warnings: 0, files: 3 },
      findings: [
        {
          file: "documents/QP-001.yaml",
          line: 7,
          column: 11,
          severity: "error",
          rule: "ref/unresolved",
          message: "Unknown document 'QP-002'. Did you mean 'QP-001'? Correct the number ('csr set QP-001 --remove-related QP-002 --add-related <number>'), or create the document with 'csr new procedure --number QP-002 --title … --department …'.",
          docs: "https://unpkg.com/qms-csr@0.1.0/docs/rules.md#refunresolved",
        },
      ],
    });
  });

  it("applies severity overrides from qms.yaml", () => {
    const dir = minimalRepo({ "documents/QP-1.yaml": "id: QP-1\ntitle: 文件控制程序\nlevel: 2\nkind: procedure\ndepartment: QA\nstatus: draft\n" });
    expect(csr(["-C", dir, "check"]).code).toBe(1);
    appendFileSync(join(dir, "qms.yaml"), "  id/number-pattern: warning\n");
    const relaxed = csr(["-C", dir, "check"]);
    expect(relaxed.code).toBe(0);
    expect(relaxed.stdout).toContain("documents/QP-1.yaml:1:5 warning id/number-pattern");
    const qms = join(dir, "qms.yaml");
    writeFileSync(qms, readFileSync(qms, "utf8").replace("id/number-pattern: warning", "id/number-pattern: off"));
    expect(csr(["-C", dir, "check", ...TODAY]).stdout).toBe("✔ No problems in 3 files.\n");
  });

  it("exits 2 on a usage error without a stack trace", () => {
    const result = csr(["check", "--format", "xml"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^csr: option '--format <format\[=file\]>' argument 'xml' is invalid\. Allowed choices are text, json/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("rejects a malformed --today", () => {
    const result = csr(["-C", minimalRepo(), "check", "--today", "11/27/2026"]);
    expect(result).toMatchObject({ code: 2, stderr: "csr: --today expects a date as YYYY-MM-DD (or 2026.3.1, 2026/3/1, 2026年3月1日), got '11/27/2026'.\n" });
  });

  it("never writes to the repository", () => {
    const dir = minimalRepo({ "documents/QP-001.yaml": "id: [broken\n" });
    const before = JSON.stringify(readdirSync(dir, { recursive: true }).sort());
    csr(["-C", dir, "check"]);
    expect(JSON.stringify(readdirSync(dir, { recursive: true }).sort())).toBe(before);
  });
});
