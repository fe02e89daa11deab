/**
 * What a CI job gets from one `csr check`: several reports at once (`--format <format>=<file>`), the
 * summary on stderr whenever stdout is not the report people read, every finding on GitHub's summary
 * page, paths from the git top level in a monorepo, and the findings of named files (tester69 T2, T3,
 * T9, T11). The built binary, as a CI runner runs it.
 */
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { copyFixture, csr, FIXTURES, gitInit, makeRepo, tempDir } from "../helpers.js";

const SUMMARY = "csr: errors: 3, warnings: 1, in files: 4 (files checked: 7).\n";

describe("csr check --format <format>=<file>", () => {
  const repo = copyFixture("test/fixtures/ci/findings");
  const check = (...args: string[]) => csr(["-C", repo, "check", "--no-cache", "--today", "2026-06-30", ...args]);

  it("writes each report once, in one run, with the log on stdout (tester69 T2)", () => {
    const out = tempDir();
    const both = check("--format", "text", "--format", `junit=${join(out, "csr-junit.xml")}`, "--format", `gitlab=${join(out, "gl-code-quality-report.json")}`);
    expect([both.code, both.stdout, both.stderr]).toEqual([1, check("--format", "text").stdout, ""]);
    expect(readFileSync(join(out, "csr-junit.xml"), "utf8")).toBe(check("--format", "junit").stdout);
    expect(readFileSync(join(out, "gl-code-quality-report.json"), "utf8")).toBe(check("--format", "gitlab").stdout);
  });

  it("makes the report's folder and replaces the report an earlier run left there, whole", () => {
    const file = join(tempDir(), "reports", "ci", "csr-junit.xml");
    expect(check("--format", `junit=${file}`)).toEqual({ code: 1, stdout: "", stderr: SUMMARY });
    writeFileSync(file, "<testsuites/>\n");
    expect(check("--format", `junit=${file}`).code).toBe(1);
    expect(readFileSync(file, "utf8")).toBe(check("--format", "junit").stdout);
    expect(readdirSync(join(file, ".."))).toEqual(["csr-junit.xml"]);
  });

  it("says the summary on stderr when stdout is a report for a script or a CI server, or empty (tester69 T2)", () => {
    for (const format of ["junit", "gitlab", "sarif"]) expect(check("--format", format).stderr, format).toBe(SUMMARY);
    const file = join(tempDir(), "csr-junit.xml");
    expect(check("--format", `junit=${file}`)).toEqual({ code: 1, stdout: "", stderr: SUMMARY });
    // text and github end with it; json's stdout stays the report alone, which has the figures as its summary (fmt70).
    for (const format of ["text", "github"]) expect(check("--format", format).stderr, format).toBe("");
    const json = check("--format", "json");
    expect([json.stderr, JSON.parse(json.stdout).summary]).toEqual([SUMMARY, { errors: 3, warnings: 1, files: 7 }]);
  });

  it("refuses a report path among the repository's data, and writes one into reports/ or outside (fmt70)", () => {
    const own = copyFixture("test/fixtures/ci/findings");
    const procedure = readFileSync(join(own, "documents", "QP-001.yaml"), "utf8");
    const run = (option: string, lang: "en" | "zh-CN" = "en") => csr(["check", "--no-cache", "--today", "2026-06-30", "--format", option], { cwd: own, lang });
    expect(run("junit=documents/QP-001.yaml")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --format junit=documents/QP-001.yaml would put the report among the repository's data (documents/QP-001.yaml), the files csr reads; write it to a folder of its own, e.g. reports/, or outside the repository.\n",
    });
    expect(readFileSync(join(own, "documents", "QP-001.yaml"), "utf8")).toBe(procedure);
    expect(run("sarif=qms.yaml", "zh-CN")).toEqual({ code: 2, stdout: "", stderr: "csr: --format sarif=qms.yaml 会把报告写进仓库的数据之中（qms.yaml，csr 读取的文件）；请写到单独的文件夹（如 reports/）或仓库之外。\n" });
    // A new file in a folder csr reads is refused too; so is a path csr is run in a data folder with, read from there.
    expect(run("json=csr/report.json").code).toBe(2);
    expect(existsSync(join(own, "csr", "report.json"))).toBe(false);
    expect(csr(["check", "--no-cache", "--today", "2026-06-30", "--format", "junit=QP-001.yaml"], { cwd: join(own, "documents") }).code).toBe(2);
    expect(readFileSync(join(own, "documents", "QP-001.yaml"), "utf8")).toBe(procedure);
    expect(run("junit=reports/csr-junit.xml")).toEqual({ code: 1, stdout: "", stderr: SUMMARY });
    expect(readFileSync(join(own, "reports", "csr-junit.xml"), "utf8")).toBe(check("--format", "junit").stdout);
  });

  it("refuses two reports on stdout, and a format without its file", () => {
    expect(check("--format", "text", "--format", "junit")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --format text and junit: only one report can go to stdout; give the others a file (--format <format>=<file>).\nhint: e.g. csr check --format text --format junit=csr-junit.xml --format gitlab=gl-code-quality-report.json\n",
    });
    expect(check("--format", "junit=")).toMatchObject({ code: 2, stderr: "csr: --format junit= names no file after '='.\nhint: e.g. csr check --format text --format junit=csr-junit.xml --format gitlab=gl-code-quality-report.json\n" });
    expect(check("--format", "xml=report.xml")).toMatchObject({ code: 2, stderr: "csr: option '--format <format[=file]>' argument 'xml=report.xml' is invalid. Allowed choices are text, json, github, gitlab, junit, sarif; see 'csr check --help'.\n" });
  });

  it("--format github also lists every finding on the job's summary page ($GITHUB_STEP_SUMMARY) (tester69 T9)", () => {
    const summary = join(tempDir(), "step-summary.md");
    writeFileSync(summary, "## Build\n\n");
    const result = csr(["-C", repo, "check", "--no-cache", "--today", "2026-06-30", "--format", "github"], { env: { GITHUB_STEP_SUMMARY: summary } });
    expect(result.code).toBe(1);
    expect(readFileSync(summary, "utf8")).toBe(
      [
        "## Build",
        "",
        "### csr check",
        "",
        SUMMARY.trim(),
        "",
        "| Severity | Where | Rule | Problem |",
        "| --- | --- | --- | --- |",
        "| error | customers/BAD.yaml:2:7 | [yaml/syntax](https://unpkg.com/qms-csr@0.1.0/docs/rules.md#yamlsyntax) | YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]. Check indentation (spaces, not tabs) and quoting around this point. |",
        "| error | documents/QP-001.yaml:16:17 | [ref/unresolved](https://unpkg.com/qms-csr@0.1.0/docs/rules.md#refunresolved) | Unknown document 'QR-999'. Create it with 'csr new form --number QR-999 --title … --department …', or correct the number ('csr set QP-001 --remove-form QR-999 --add-form &lt;number&gt;'). |",
        "| warning | documents/WI-1.yaml:1:5 | [id/number-pattern](https://unpkg.com/qms-csr@0.1.0/docs/rules.md#idnumber-pattern) | The number 'WI-1' fits none of the procedure numbering patterns in qms.yaml (QP-###). Renumber the document, or declare its family with 'csr numbering add WI-# --kind procedure'. |",
        "| error | documents/特殊特性清单,旧.yaml:1:5 | [id/file-name](https://unpkg.com/qms-csr@0.1.0/docs/rules.md#idfile-name) | The document id 'QR-001' does not match the file name; rename the file to QR-001.yaml (any folder under documents/) or correct the id. |",
        "",
        "",
      ].join("\n"),
    );
  });

  it("writes the summary page in the run's language, and says so when it cannot be written (fmt70)", () => {
    const summary = join(tempDir(), "step-summary.md");
    expect(csr(["-C", repo, "check", "--no-cache", "--today", "2026-06-30", "--format", "github"], { lang: "zh-CN", env: { GITHUB_STEP_SUMMARY: summary } }).code).toBe(1);
    const rows = readFileSync(summary, "utf8").split("\n").filter((line) => line.startsWith("| "));
    expect(rows.map((row) => row.split(" | ")[0])).toEqual(["| 严重性", "| ---", "| 错误", "| 错误", "| 警告", "| 错误"]);
    const missing = join(tempDir(), "no-folder", "step-summary.md");
    expect(csr(["-C", repo, "check", "--no-cache", "--today", "2026-06-30", "--format", "github"], { env: { GITHUB_STEP_SUMMARY: missing } })).toMatchObject({
      code: 2,
      stderr: `csr: Could not write ${missing}: no such file or directory, open '${missing}'; it is unchanged.\nhint: Check the path, free disk space and permissions, then run the command again.\n`,
    });
  });

  it("csr check <path>… reports the findings in those files and folders, still checking the whole repository (tester69 T11)", () => {
    const one = csr(["-C", repo, "check", "--no-cache", "--today", "2026-06-30", "--format", "github", "documents/QP-001.yaml", "customers"]);
    expect([one.code, one.stdout.split("\n").map((l) => (l.startsWith("::") ? l.split(",")[0] : l))]).toEqual([1, ["::error file=customers/BAD.yaml", "::error file=documents/QP-001.yaml", "csr: errors: 2, warnings: 0, in files: 2 (files checked: 7).", ""]]);
    // Read from the folder csr runs in, as git reads paths.
    const inside = csr(["check", "--no-cache", "--today", "2026-06-30", "--format", "github", "WI-1.yaml"], { cwd: join(repo, "documents") });
    expect([inside.code, inside.stdout.split("\n")[0]!.split(",")[0]]).toEqual([0, "::warning file=documents/WI-1.yaml"]);
    expect(csr(["-C", repo, "check", "documents/QP-404.yaml"])).toMatchObject({ code: 2, stderr: "csr: 'documents/QP-404.yaml' does not exist: name a file or a folder of the document repository.\n" });
  });
});

describe("csr -C <folder> check in a monorepo (tester69 T3)", () => {
  it("gives the github, gitlab, junit and sarif reports paths from the git top level, which the CI server reads them from", () => {
    const top = makeRepo({ "README.md": "# 单仓库\n" });
    cpSync(join(FIXTURES, "ci", "findings"), join(top, "质量"), { recursive: true });
    gitInit(top);
    const check = (format: string) => csr(["-C", join(top, "质量"), "check", "--no-cache", "--today", "2026-06-30", "--format", format]).stdout;
    expect(check("github").split("\n")[1]!.split(",")[0]).toBe("::error file=质量/documents/QP-001.yaml");
    expect(JSON.parse(check("gitlab"))[1].location).toEqual({ path: "质量/documents/QP-001.yaml", lines: { begin: 16 } });
    expect(JSON.parse(check("sarif")).runs[0].results[1].locations[0].physicalLocation.artifactLocation).toEqual({ uri: "%E8%B4%A8%E9%87%8F/documents/QP-001.yaml", uriBaseId: "%SRCROOT%" });
    expect(check("junit")).toContain('<testcase classname="ref/unresolved" name="质量/documents/QP-001.yaml">');
    // The text a person reads, and json, keep the paths from the folder csr was given.
    expect(check("text").split("\n")[0]).toBe("customers/BAD.yaml");
    expect(JSON.parse(check("json")).findings[1].file).toBe("documents/QP-001.yaml");
  });
});
