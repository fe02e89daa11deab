import type { Finding, Summary } from "../../core/diagnostic.js";
import { t } from "../../i18n/index.js";

export interface CheckResult {
  findings: Finding[];
  summary: Summary;
  /** Findings not shown because they may only follow from the problems of a file (a broken qms.yaml, say). */
  heldBack?: { file: string; count: number }[];
  /** Severities set in qms.yaml's `rules`, for reports that record them (SARIF). */
  overrides?: Readonly<Record<string, "error" | "warning" | "off">>;
}

/** A formatter turns a check result into the text printed on stdout; it never prints itself. */
export type Formatter = (result: CheckResult, options: { color: boolean }) => string;

/** The lines that say how many findings were held back behind each file's problems. */
export function heldBackLines(result: CheckResult): string[] {
  return (result.heldBack ?? []).map(
    (h) => t("check.held-back", { count: h.count, file: h.file }),
  );
}
