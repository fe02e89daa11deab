import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import AjvDraft04 from "ajv-draft-04";
import addFormatsModule from "ajv-formats";
import { describe, expect, it } from "vitest";
import { format as github } from "../../src/report/formatters/github.js";
import { format as junit } from "../../src/report/formatters/junit.js";
import { rules } from "../../src/check/registry.js";
import type { Finding } from "../../src/core/diagnostic.js";
import { copyFixture, csr, FIXTURES, ROOT } from "../helpers.js";

const GOLDEN = join(FIXTURES, "ci", "golden");
const FORMATS = { text: "check.txt", json: "check.json", github: "check.github.txt", junit: "check.junit.xml", sarif: "check.sarif.json" } as const;

/** The parts of SARIF that grow with csr (version, rules) are checked apart from the golden file. */
function stableSarif(stdout: string): string {
  const log = JSON.parse(stdout);
  const driver = log.runs[0].tool.driver;
  driver.version = "VERSION";
  driver.rules = "RULES";
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
  const run = (format: string, ...extra: string[]) => csr(["-C", repo, "check", "--no-cache", "--today", "2026-06-30", "--format", format, ...extra]);

  for (const [format, file] of Object.entries(FORMATS)) {
    it(`${format} matches its golden file and exits 1 for errors`, () => {
      const result = run(format);
      expect(result.stderr).toBe("");
      expect(result.code).toBe(1);
      golden(file, format === "sarif" ? stableSarif(result.stdout) : result.stdout);
    });
  }

  it("sarif is valid against the SARIF 2.1.0 schema and describes every registered rule", () => {
    const log = JSON.parse(run("sarif").stdout);
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
      helpUri: "https://github.com/qms-csr/qms-csr/blob/main/docs/rules.md#idfile-name",
      help: { text: expect.stringMatching(/^Files are named after what they hold.*\n\nFix: Rename the file \(`git mv`\) or correct the id\.$/s), markdown: expect.stringMatching(/^### id\/file-name\n/) },
      defaultConfiguration: { level: "error" },
    });
    expect(JSON.stringify(log)).not.toContain("file://");
  });

  it("--error-on-warnings and --max-warnings decide the exit code when only warnings remain", () => {
    const warningsOnly = copyFixture("test/fixtures/ci/findings");
    for (const broken of ["customers/BAD.yaml", "documents/QP-001.yaml", "documents/特殊特性清单,旧.yaml"]) {
      writeFileSync(join(warningsOnly, broken), "");
    }
    const check = (...extra: string[]) =>
      csr(["-C", warningsOnly, "check", "--no-cache", "--format", "json", ...extra]).code;
    // Emptied files are findings of their own (file/empty); switch that rule off to leave one warning.
    writeFileSync(join(warningsOnly, "qms.yaml"), readFileSync(join(warningsOnly, "qms.yaml"), "utf8") + "  file/empty: off\n");
    const plain = csr(["-C", warningsOnly, "check", "--no-cache", "--format", "json"]);
    expect(JSON.parse(plain.stdout).summary).toEqual({ errors: 0, warnings: 1, files: 7 });
    expect(plain.code).toBe(0);
    expect(check("--max-warnings", "1")).toBe(0);
    const over = csr(["-C", warningsOnly, "check", "--no-cache", "--max-warnings", "0"]);
    expect(over.code).toBe(1);
    expect(over.stderr).toBe("csr: 1 warning(s), more than --max-warnings 0 allows.\n");
    const strict = csr(["-C", warningsOnly, "check", "--no-cache", "--error-on-warnings"]);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toBe("csr: 1 warning(s) and --error-on-warnings is set.\n");
    const bad = csr(["-C", warningsOnly, "check", "--max-warnings", "some"]);
    expect(bad).toEqual({ code: 2, stdout: "", stderr: "csr: --max-warnings expects a whole number (0 or more), got 'some'.\n" });
  });

  it("an unknown format is a usage error", () => {
    const result = run("xml");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("argument 'xml' is invalid. Allowed choices are text, json, github, junit, sarif.");
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
      "::warning file=documents/a%2Cb%3Ac.yaml,line=2,col=3,title=ref/unresolved::50%25 done%0D%0Anext: <b>&\"x\"\u0001 (https://github.com/qms-csr/qms-csr/blob/main/docs/rules.md#refunresolved)",
    );
  });

  it("junit escapes markup and replaces characters XML cannot carry", () => {
    const xml = junit({ findings: [finding], summary }, { color: false });
    expect(xml).toContain(`<testcase classname="ref/unresolved" name="documents/a,b:c.yaml" file="documents/a,b:c.yaml">`);
    expect(xml).toContain(`<failure type="warning" message="1 finding of ref/unresolved">documents/a,b:c.yaml:2:3 warning 50% done\r\nnext: &lt;b&gt;&amp;"x"\uFFFD</failure>`);
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
