import { ruleDocUrl } from "../../core/docs.js";
import { heldBackLines, summaryLine, type CheckResult, type Formatter } from "./types.js";
import { t } from "../../i18n/index.js";

/**
 * GitHub Actions workflow commands: each finding becomes an annotation on the pull request's diff.
 * The escaping follows GitHub's toolkit (`@actions/core` command.ts): data escapes %, CR and LF;
 * property values also escape ':' and ','.
 */
export const format: Formatter = (result) => {
  const { findings } = result;
  const lines = findings.map((f) => {
    const properties = [`file=${escapeProperty(f.file)}`, `line=${f.line}`, `col=${f.column}`, `title=${escapeProperty(f.rule)}`].join(",");
    return `::${f.severity} ${properties}::${escapeData(`${f.message} (${ruleDocUrl(f.rule)})`)}`;
  });
  for (const line of heldBackLines(result)) lines.push(`::notice::${escapeData(line)}`);
  // On the run's page, not only in its log: the base's own findings are someone's to fix (tester69 T1).
  if (result.inherited !== undefined) lines.push(`::warning::${escapeData(result.inherited)}`);
  lines.push(summaryLine(result));
  return lines.join("\n") + "\n";
};

/**
 * Markdown for the job's summary page ($GITHUB_STEP_SUMMARY): every finding in one table, as GitHub
 * shows only the first ten error and ten warning annotations of a step on the diff.
 */
export function stepSummary(result: CheckResult): string {
  const cell = (s: string) => s.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, " ").replace(/[<>]/g, (c) => (c === "<" ? "&lt;" : "&gt;"));
  const lines = [`### ${t("check.github.step-summary.heading")}`, "", summaryLine(result)];
  if (result.inherited !== undefined) lines.push("", `> ${cell(result.inherited)}`);
  for (const line of heldBackLines(result)) lines.push("", `> ${cell(line)}`);
  if (result.findings.length > 0) {
    lines.push("", `| ${t("check.github.step-summary.columns")} |`, "| --- | --- | --- | --- |");
    // A page for people, in the run's language as the summary line above it (::error and ::warning, the annotations' words, are GitHub's commands).
    for (const f of result.findings) lines.push(`| ${t(f.severity === "error" ? "check.github.step-summary.error" : "check.github.step-summary.warning")} | ${cell(f.file)}:${f.line}:${f.column} | [${f.rule}](${ruleDocUrl(f.rule)}) | ${cell(f.message)} |`);
  }
  return lines.join("\n") + "\n\n";
}

export function escapeData(s: string): string {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
