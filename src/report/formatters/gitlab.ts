import { ruleDocUrl } from "../../core/docs.js";
import { fingerprints } from "../fingerprint.js";
import type { Formatter } from "./types.js";

/**
 * GitLab Code Quality (a JSON array; `artifacts: reports: codequality:`): each finding shows on the
 * merge request's diff. Errors are "major", warnings "minor"; the fingerprint follows a finding
 * across line changes, so GitLab can tell new findings from resolved ones.
 */
export const format: Formatter = ({ findings }) => {
  const ids = fingerprints(findings);
  const issues = findings.map((f, i) => ({
    description: `${f.message} (${ruleDocUrl(f.rule)})`,
    check_name: f.rule,
    fingerprint: ids[i],
    severity: f.severity === "error" ? "major" : "minor",
    location: { path: f.file, lines: { begin: f.line } },
  }));
  return JSON.stringify(issues, null, 2) + "\n";
};
