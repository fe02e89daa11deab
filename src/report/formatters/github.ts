import { ruleDocUrl } from "../../core/docs.js";
import { heldBackLines, type Formatter } from "./types.js";
import { t } from "../../i18n/index.js";

/**
 * GitHub Actions workflow commands: each finding becomes an annotation on the pull request's diff.
 * The escaping follows GitHub's toolkit (`@actions/core` command.ts): data escapes %, CR and LF;
 * property values also escape ':' and ','.
 */
export const format: Formatter = (result) => {
  const { findings, summary } = result;
  const lines = findings.map((f) => {
    const properties = [`file=${escapeProperty(f.file)}`, `line=${f.line}`, `col=${f.column}`, `title=${escapeProperty(f.rule)}`].join(",");
    return `::${f.severity} ${properties}::${escapeData(`${f.message} (${ruleDocUrl(f.rule)})`)}`;
  });
  for (const line of heldBackLines(result)) lines.push(`::notice::${escapeData(line)}`);
  lines.push(
    findings.length === 0
      ? `csr: ${t("check.github.clean", { count: summary.files })}`
      : `csr: ${t("check.github.summary", { errors: summary.errors, warnings: summary.warnings, files: new Set(findings.map((f) => f.file)).size, checked: summary.files })}`,
  );
  return lines.join("\n") + "\n";
};

export function escapeData(s: string): string {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
