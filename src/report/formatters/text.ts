import { ruleDocUrl } from "../../core/docs.js";
import { styles } from "../../core/styles.js";
import { visible } from "../../core/text.js";
import { heldBackLines, type Formatter } from "./types.js";
import { t } from "../../i18n/index.js";

/** Grouped by file; each line is `file:line:col severity rule-id message` so editors can jump to it. */
export const format: Formatter = (result, { color }) => {
  const { findings, summary } = result;
  const c = styles(color);
  const lines: string[] = [];
  let current: string | undefined;
  for (const f of findings) {
    if (f.file !== current) {
      if (current !== undefined) lines.push("");
      lines.push(c.underline(visible(f.file)));
      current = f.file;
    }
    const severity = f.severity === "error" ? c.red("error") : c.yellow("warning");
    // File names and messages carry values from the files: escape sequences in them are shown, not obeyed.
    lines.push(`${visible(f.file)}:${f.line}:${f.column} ${severity} ${c.dim(f.rule)} ${visible(f.message)}`);
  }
  if (findings.length > 0) {
    lines.push("");
    const fired = [...new Set(findings.map((f) => f.rule))].sort();
    // One link a line, nothing after it: a terminal or a copy takes the whole address and only it.
    const width = Math.max(...fired.map((id) => id.length));
    lines.push(c.dim([t("check.text.rule-docs"), ...fired.map((id) => `  ${id.padEnd(width)}  ${ruleDocUrl(id)}`)].join("\n")));
  }
  for (const line of heldBackLines(result)) lines.push(c.yellow(line));
  const files = new Set(findings.map((f) => f.file)).size;
  if (findings.length === 0) {
    lines.push(c.green(t("check.text.clean", { count: summary.files })));
  } else {
    const text = t("check.text.summary", {
      errors: t("check.text.errors", { count: summary.errors }),
      warnings: t("check.text.warnings", { count: summary.warnings }),
      files: t("check.text.files", { count: files }),
      checked: t("check.text.checked", { count: summary.files }),
    });
    lines.push(summary.errors > 0 ? c.red(text) : c.yellow(text));
  }
  return lines.join("\n") + "\n";
};
