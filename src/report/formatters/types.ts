import type { Finding, Summary } from "../../core/diagnostic.js";

export interface CheckResult {
  findings: Finding[];
  summary: Summary;
}

/** A formatter turns a check result into the text printed on stdout; it never prints itself. */
export type Formatter = (result: CheckResult, options: { color: boolean }) => string;
