import type { Finding, Summary } from "../../core/diagnostic.js";
import { t } from "../../i18n/index.js";

export interface CheckResult {
  findings: Finding[];
  summary: Summary;
  /** Findings not shown because they may only follow from the problems of a file (a broken qms.yaml, say). */
  heldBack?: { file: string; count: number }[];
  /** Severities set in qms.yaml's `rules`, for reports that record them (SARIF). */
  overrides?: Readonly<Record<string, "error" | "warning" | "off">>;
  /** With --added-only or --staged: the sentence that counts the findings the base has already, not reported. */
  inherited?: string;
}

/** A formatter turns a check result into the text printed on stdout; it never prints itself. */
export type Formatter = (result: CheckResult, options: { color: boolean }) => string;

/** The lines that say how many findings were held back behind each file's problems. */
export function heldBackLines(result: CheckResult): string[] {
  return (result.heldBack ?? []).map(
    (h) => t("check.held-back", { count: h.count, file: h.file }),
  );
}

/** The one line that sums a check up: the end of the github report, and what stderr says for a report it does not show. */
export function summaryLine({ findings, summary }: CheckResult): string {
  return findings.length === 0
    ? `csr: ${t("check.github.clean", { count: summary.files })}`
    : `csr: ${t("check.github.summary", { errors: summary.errors, warnings: summary.warnings, files: new Set(findings.map((f) => f.file)).size, checked: summary.files })}`;
}
