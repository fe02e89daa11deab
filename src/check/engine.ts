/** Runs the rules over a loaded repository and turns their reports into positioned findings. */
import { compareFindings, type Finding, type Severity } from "../core/diagnostic.js";
import type { Repository } from "../load/repository.js";
import { locate } from "../load/source.js";
import { buildIndex } from "../model/index.js";
import { rules as registeredRules, rulesById } from "./registry.js";
import type { CheckOptions, Rule, RuleContext } from "./rule.js";

export function runCheck(repo: Repository, options: CheckOptions, rules: readonly Rule[] = registeredRules): Finding[] {
  const overrides = repo.config?.value.rules ?? {};
  const severityOf = (id: string): Severity | undefined => {
    const setting = overrides[id];
    if (setting === "off") return undefined;
    return setting ?? rulesById.get(id)?.severity ?? "error";
  };
  const findings: Finding[] = [];
  for (const { path, problem } of repo.problems) {
    const severity = severityOf(problem.rule);
    if (severity) findings.push({ rule: problem.rule, severity, file: path, line: problem.line, column: problem.column, message: problem.message });
  }
  const index = buildIndex(repo);
  const ruleIds = new Set(rulesById.keys());
  for (const rule of rules) {
    const severity = severityOf(rule.id);
    if (!rule.check || !severity) continue;
    const ctx: RuleContext = {
      repo,
      index,
      options,
      ruleIds,
      report(at, message, requested) {
        const [line, column] = locate(at.file, at.path, at.key, at.quote);
        findings.push({ rule: rule.id, severity: requested === "warning" ? "warning" : severity, file: at.file.path, line, column, message });
      },
    };
    rule.check(ctx);
  }
  return findings.sort(compareFindings);
}
