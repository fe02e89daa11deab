import type { Finding } from "../../core/diagnostic.js";
import type { Formatter } from "./types.js";

/**
 * JUnit XML as GitLab and Jenkins read it: one <testsuite> per rule, one <testcase> per rule and
 * file whose <failure> lists that file's findings. A clean check is one passing test case, so the
 * CI server shows that the check ran rather than an empty report.
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
  for (const rule of [...byRule.keys()].sort()) {
    const files = byRule.get(rule)!;
    const cases: string[] = [];
    for (const file of [...files.keys()].sort()) {
      const list = files.get(file)!;
      const type = list.some((f) => f.severity === "error") ? "error" : "warning";
      const body = list.map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.message}`).join("\n");
      cases.push(
        `    <testcase classname="${attr(rule)}" name="${attr(file)}" file="${attr(file)}">\n` +
          `      <failure type="${type}" message="${attr(`${list.length} finding${list.length === 1 ? "" : "s"} of ${rule}`)}">${text(body)}</failure>\n` +
          `    </testcase>`,
      );
    }
    tests += cases.length;
    suites.push(`  <testsuite name="${attr(rule)}" tests="${cases.length}" failures="${cases.length}" errors="0">\n${cases.join("\n")}\n  </testsuite>`);
  }
  if (suites.length === 0) {
    tests = 1;
    suites.push(`  <testsuite name="csr check" tests="1" failures="0" errors="0">\n    <testcase classname="csr check" name="${summary.files} files checked"/>\n  </testsuite>`);
  }
  const failures = findings.length === 0 ? 0 : tests;
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
