import type { Finding } from "../../core/diagnostic.js";
import { ruleDocUrl } from "../../core/docs.js";
import type { Formatter } from "./types.js";
import { t } from "../../i18n/index.js";

/**
 * JUnit XML as GitLab and Jenkins (xUnit plugin, junit-10.xsd) read it: one <testsuite> per rule, one
 * <testcase> per rule and file. A file with errors of that rule is a <failure> listing its findings;
 * a file with only warnings is a passing test whose <system-out> lists them, so warnings do not
 * fail the CI's test report (as they do not fail `csr check`). A clean check is one passing test case,
 * so the CI server shows that the check ran rather than an empty report. Each case ends with the link to
 * its rule's documentation, as the other formats give it.
 */
export const format: Formatter = ({ findings, summary }) => {
  const byRule = new Map<string, Map<string, Finding[]>>();
  for (const f of findings) {
    const files = byRule.get(f.rule) ?? new Map<string, Finding[]>();
    files.set(f.file, [...(files.get(f.file) ?? []), f]);
    byRule.set(f.rule, files);
  }
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const rule of [...byRule.keys()].sort()) {
    const files = byRule.get(rule)!;
    const cases: string[] = [];
    let failed = 0;
    for (const file of [...files.keys()].sort()) {
      const list = files.get(file)!;
      const body = text([...list.map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.message}`), t("check.junit.rule-docs", { url: ruleDocUrl(rule) })].join("\n"));
      const errors = list.filter((f) => f.severity === "error").length;
      const open = `    <testcase classname="${attr(rule)}" name="${attr(file)}">\n`;
      if (errors > 0) {
        failed++;
        cases.push(`${open}      <failure type="error" message="${attr(t("check.junit.errors", { count: errors, rule }))}">${body}</failure>\n    </testcase>`);
      } else {
        cases.push(`${open}      <system-out>${body}</system-out>\n    </testcase>`);
      }
    }
    tests += cases.length;
    failures += failed;
    suites.push(`  <testsuite name="${attr(rule)}" tests="${cases.length}" failures="${failed}" errors="0">\n${cases.join("\n")}\n  </testsuite>`);
  }
  if (suites.length === 0) {
    tests = 1;
    suites.push(`  <testsuite name="csr check" tests="1" failures="0" errors="0">\n    <testcase classname="csr check" name="${attr(t("check.junit.checked", { count: summary.files }))}"/>\n  </testsuite>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="csr check" tests="${tests}" failures="${failures}" errors="0">\n${suites.join("\n")}\n</testsuites>\n`;
};

/** Characters XML 1.0 cannot carry at all (a YAML file may contain any of them). */
const INVALID_XML = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function text(s: string): string {
  return s.replace(INVALID_XML, "\uFFFD").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function attr(s: string): string {
  return text(s).replace(/"/g, "&quot;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;").replace(/\t/g, "&#9;");
}
