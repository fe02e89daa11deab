import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import AjvDraft04 from "ajv-draft-04";
import addFormatsModule from "ajv-formats";
import { describe, expect, it } from "vitest";
import { format as github } from "../../src/report/formatters/github.js";
import { format as junit } from "../../src/report/formatters/junit.js";
import { format as text } from "../../src/report/formatters/text.js";
import { setLanguage } from "../../src/i18n/index.js";
import { rules } from "../../src/check/registry.js";
import type { Finding } from "../../src/core/diagnostic.js";
import { copyFixture, csr, csrInProcess, FIXTURES, ROOT, tempDir } from "../helpers.js";

/** Validates JUnit XML against the Jenkins xUnit plugin's schema with xmllint (libxml2-utils). */
function validateJunit(xml: string): { ok: boolean; message: string } {
  const file = join(tempDir(), "report.xml");
  writeFileSync(file, xml);
  const result = spawnSync("xmllint", ["--noout", "--schema", join(FIXTURES, "ci", "junit-10.xsd"), file], { encoding: "utf8" });
  return { ok: result.status === 0, message: result.stderr };
}

const GOLDEN = join(FIXTURES, "ci", "golden");
const FORMATS = { text: "check.txt", json: "check.json", github: "check.github.txt", gitlab: "check.gitlab.json", junit: "check.junit.xml", sarif: "check.sarif.json" } as const;

/** The parts of SARIF that grow with csr (version, rules and indices into them) are checked apart from the golden file. */
function stableSarif(stdout: string): string {
  const log = JSON.parse(stdout);
  const driver = log.runs[0].tool.driver;
  driver.version = "VERSION";
  driver.rules = "RULES";
  // Indices into the rule list move whenever a rule is added; the sarif test checks them apart.
  for (const result of log.runs[0].results) result.ruleIndex = "INDEX";
  for (const o of log.runs[0].invocations?.[0]?.ruleConfigurationOverrides ?? []) o.descriptor.index = "INDEX";
  return JSON.stringify(log, null, 2) + "\n";
}

function golden(name: string, actual: string): void {
  const path = join(GOLDEN, name);
  // UPDATE_GOLDEN=1 rewrites the files after an intended change; review the diff before committing.
  if (process.env.UPDATE_GOLDEN) writeFileSync(path, actual);
  expect(actual).toBe(readFileSync(path, "utf8"));
}

describe("csr check --format: every format on one fixture repository", () => {
  const repo = copyFixture("test/fixtures/ci/findings");
  // In this process (csrInProcess): the same bytes as the binary prints; the exit codes a CI job acts on are the binary's, below.
  const run = (format: string, ...extra: string[]) => csrInProcess(["-C", repo, "check", "--no-cache", "--today", "2026-06-30", "--format", format, ...extra]);

  for (const [format, file] of Object.entries(FORMATS)) {
    it(`${format} matches its golden file and exits 1 for errors`, async () => {
      const result = await run(format);
      // A report for a script or a CI server leaves the log its summary on stderr (tester69 T2, fmt70); text and github end with it.
      expect(result.stderr).toBe(["text", "github"].includes(format) ? "" : "csr: errors: 3, warnings: 1, in files: 4 (files checked: 7).\n");
      expect(result.code).toBe(1);
      golden(file, format === "sarif" ? stableSarif(result.stdout) : result.stdout);
    });
  }

  it("sarif is valid against the SARIF 2.1.0 schema and describes every registered rule", async () => {
    const log = JSON.parse((await run("sarif")).stdout);
    const schema = JSON.parse(readFileSync(join(FIXTURES, "ci", "sarif-schema-2.1.0.json"), "utf8"));
    // The published schema has a pattern that is only valid as a non-unicode regular expression.
    // A CommonJS module: under NodeNext its class is the `default` of the default import.
    const Ajv04 = AjvDraft04.default;
    const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
    (addFormatsModule as unknown as (a: InstanceType<typeof Ajv04>) => void)(ajv);
    const validate = ajv.compile(schema);
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const broken = structuredClone(log);
    broken.runs[0].results[0].level = "fatal";
    expect(validate(broken)).toBe(false);
    const driver = log.runs[0].tool.driver;
    expect(driver.version).toBe(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version);
    expect(driver.rules.map((r: { id: string }) => r.id)).toEqual(rules.map((r) => r.id));
    const fileName = driver.rules.find((r: { id: string }) => r.id === "id/file-name");
    expect(fileName).toEqual({
      id: "id/file-name",
      shortDescription: { text: "An entity's id does not match its file name or folder." },
      helpUri: "https://unpkg.com/qms-csr@0.1.0/docs/rules.md#idfile-name",
      help: { text: expect.stringMatching(/^Files are named after what they hold.*\n\nFix: Rename the file \(`git mv`\) or correct the id\.$/s), markdown: expect.stringMatching(/^### id\/file-name\n/) },
      defaultConfiguration: { level: "error" },
    });
    expect(JSON.stringify(log)).not.toContain("file://");
  });

  it("junit validates against the xUnit plugin's JUnit schema; warnings are passing tests with their findings in system-out", async () => {
    const xml = (await run("junit")).stdout;
    expect(validateJunit(xml)).toEqual({ ok: true, message: expect.stringContaining("validates") });
    expect(xml).toContain(
      `<testsuite name="id/number-pattern" tests="1" failures="0" errors="0">\n    <testcase classname="id/number-pattern" name="documents/WI-1.yaml">\n      <system-out>documents/WI-1.yaml:1:5 warning The number 'WI-1'`,
    );
    expect(xml).toMatch(/^<testsuites name="csr check" tests="4" failures="3" errors="0">$/m);
    expect(validateJunit(xml.replace("<testcase ", '<testcase file="x" ')).ok).toBe(false);
  });

  it("sarif: fingerprints that do not move with the line, and the severities qms.yaml sets", async () => {
    const shifted = copyFixture("test/fixtures/ci/findings");
    const qp = join(shifted, "documents", "QP-001.yaml");
    writeFileSync(qp, `# 插入的注释行\n${readFileSync(qp, "utf8")}`);
    writeFileSync(join(shifted, "qms.yaml"), `${readFileSync(join(shifted, "qms.yaml"), "utf8")}  yaml/syntax: warning\n  symbol/conflict: off\n`);
    const sarif = async (dir: string) => JSON.parse((await csrInProcess(["-C", dir, "check", "--no-cache", "--format", "sarif"])).stdout).runs[0];
    const before = await sarif(repo);
    const after = await sarif(shifted);
    const byRule = (run: { results: { ruleId: string; partialFingerprints: object; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }) =>
      Object.fromEntries(run.results.map((r) => [r.ruleId, [r.partialFingerprints, r.locations[0]!.physicalLocation.region.startLine]]));
    expect(byRule(after)["ref/unresolved"]).toEqual([byRule(before)["ref/unresolved"]![0], (byRule(before)["ref/unresolved"]![1] as number) + 1]);
    expect(Object.keys(before.results[0].partialFingerprints)).toEqual(["csrFinding/v1"]);
    for (const r of before.results) expect(rules[r.ruleIndex]!.id).toBe(r.ruleId);
    expect(before.invocations[0].ruleConfigurationOverrides).toEqual([
      { descriptor: { id: "id/number-pattern", index: rules.findIndex((r) => r.id === "id/number-pattern") }, configuration: { level: "warning" } },
      { descriptor: { id: "process/audit-interval-unset", index: rules.findIndex((r) => r.id === "process/audit-interval-unset") }, configuration: { enabled: false } },
    ]);
    const index = (id: string) => rules.findIndex((r) => r.id === id);
    expect(after.invocations).toEqual([
      {
        executionSuccessful: true,
        ruleConfigurationOverrides: expect.arrayContaining([
          { descriptor: { id: "yaml/syntax", index: index("yaml/syntax") }, configuration: { level: "warning" } },
          { descriptor: { id: "symbol/conflict", index: index("symbol/conflict") }, configuration: { enabled: false } },
        ]),
      },
    ]);
  });

  it("gitlab: a Code Quality report with the rule, a stable fingerprint, severity and line", async () => {
    const issues = JSON.parse((await run("gitlab")).stdout);
    expect(issues[1]).toEqual({
      description: "Unknown document 'QR-999'. Create it with 'csr new form --number QR-999 --title … --department …', or correct the number ('csr set QP-001 --remove-form QR-999 --add-form <number>'). (https://unpkg.com/qms-csr@0.1.0/docs/rules.md#refunresolved)",
      check_name: "ref/unresolved",
      fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/),
      severity: "major",
      location: { path: "documents/QP-001.yaml", lines: { begin: 16 } },
    });
    expect(issues.map((i: { severity: string }) => i.severity)).toEqual(["major", "major", "minor", "major"]);
  });

  it("--error-on-warnings and --max-warnings decide the exit code when only warnings remain", async () => {
    const warningsOnly = copyFixture("test/fixtures/ci/findings");
    for (const broken of ["customers/BAD.yaml", "documents/QP-001.yaml", "documents/特殊特性清单,旧.yaml"]) {
      writeFileSync(join(warningsOnly, broken), "");
    }
    // As of the day `run` checks on: on a day in a year whose public holidays csr does not ship, calendar/year-missing would be a second warning.
    const today = ["--today", "2026-06-30"];
    const check = async (...extra: string[]) =>
      (await csrInProcess(["-C", warningsOnly, "check", "--no-cache", ...today, "--format", "json", ...extra])).code;
    // Emptied files are findings of their own (file/empty); switch that rule off to leave one warning.
    writeFileSync(join(warningsOnly, "qms.yaml"), readFileSync(join(warningsOnly, "qms.yaml"), "utf8") + "  file/empty: off\n");
    const plain = await csrInProcess(["-C", warningsOnly, "check", "--no-cache", ...today, "--format", "json"]);
    expect(JSON.parse(plain.stdout).summary).toEqual({ errors: 0, warnings: 1, files: 7 });
    expect(plain.code).toBe(0);
    expect(await check("--max-warnings", "1")).toBe(0);
    const over = csr(["-C", warningsOnly, "check", "--no-cache", ...today, "--max-warnings", "0"]);
    expect(over.code).toBe(1);
    expect(over.stderr).toBe("csr: 1 warning, more than --max-warnings 0 allows.\n");
    const strict = csr(["-C", warningsOnly, "check", "--no-cache", ...today, "--error-on-warnings"]);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toBe("csr: 1 warning and --error-on-warnings is set.\n");
    const bad = csr(["-C", warningsOnly, "check", "--max-warnings", "some"]);
    expect(bad).toEqual({ code: 2, stdout: "", stderr: "csr: --max-warnings expects a whole number (0 or more), got 'some'.\n" });
  });

  it("an unknown format is a usage error", async () => {
    const result = await run("xml");
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("csr: option '--format <format[=file]>' argument 'xml' is invalid. Allowed choices are text, json, github, gitlab, junit, sarif; see 'csr check --help'.\n");
  });
});

describe("escaping in the CI formats", () => {
  const finding: Finding = {
    rule: "ref/unresolved",
    severity: "warning",
    file: "documents/a,b:c.yaml",
    line: 2,
    column: 3,
    message: "50% done\r\nnext: <b>&\"x\"\u0001",
  };
  const summary = { errors: 0, warnings: 1, files: 1 };

  it("github escapes %, CR and LF in the message, and also ':' and ',' in properties", () => {
    expect(github({ findings: [finding], summary }, { color: false }).split("\n")[0]).toBe(
      "::warning file=documents/a%2Cb%3Ac.yaml,line=2,col=3,title=ref/unresolved::50%25 done%0D%0Anext: <b>&\"x\"\u0001 (https://unpkg.com/qms-csr@0.1.0/docs/rules.md#refunresolved)",
    );
  });

  it("text lists the rule docs one link a line, so that each address is taken whole (none joined by 、 or ,)", () => {
    const findings: Finding[] = [
      { ...finding, file: "documents/QP-001.yaml", rule: "ref/unresolved", message: "x" },
      { ...finding, file: "documents/QP-001.yaml", line: 3, rule: "id/number-pattern", message: "y" },
    ];
    setLanguage("zh-CN");
    try {
      expect(text({ findings, summary: { errors: 0, warnings: 2, files: 1 } }, { color: false }).split("\n").slice(4, 7)).toEqual([
        "规则说明（也可运行 'csr explain <规则>'）：",
        "  id/number-pattern  https://unpkg.com/qms-csr@0.1.0/docs/rules.zh-CN.md#idnumber-pattern",
        "  ref/unresolved     https://unpkg.com/qms-csr@0.1.0/docs/rules.zh-CN.md#refunresolved",
      ]);
    } finally {
      setLanguage("en");
    }
  });

  it("junit escapes markup and replaces characters XML cannot carry", () => {
    const xml = junit({ findings: [finding], summary }, { color: false });
    expect(xml).toContain(`<testcase classname="ref/unresolved" name="documents/a,b:c.yaml">`);
    expect(xml).toContain(`<system-out>documents/a,b:c.yaml:2:3 warning 50% done\r\nnext: &lt;b&gt;&amp;"x"\uFFFD\nRule docs: https://unpkg.com/qms-csr@0.1.0/docs/rules.md#refunresolved</system-out>`);
    const error = junit({ findings: [{ ...finding, severity: "error" }], summary }, { color: false });
    expect(error).toContain(`<failure type="error" message="1 error of ref/unresolved">documents/a,b:c.yaml:2:3 error 50% done`);
  });

  it("junit reports a clean check as one passing test case", () => {
    expect(junit({ findings: [], summary: { errors: 0, warnings: 0, files: 12 } }, { color: false })).toBe(
      [
        `<?xml version="1.0" encoding="UTF-8"?>`,
        `<testsuites name="csr check" tests="1" failures="0" errors="0">`,
        `  <testsuite name="csr check" tests="1" failures="0" errors="0">`,
        `    <testcase classname="csr check" name="12 files checked"/>`,
        `  </testsuite>`,
        `</testsuites>`,
        ``,
      ].join("\n"),
    );
  });
});
