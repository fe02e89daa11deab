import { didYouMean } from "../../../core/text.js";
import type { Rule } from "../../rule.js";
import { sentences, t } from "../../../i18n/index.js";

export const rule: Rule = {
  id: "config/unknown-rule",
  severity: "error",
  scope: { files: "own" },
  summary: "qms.yaml sets the severity of a rule that does not exist.",
  docs: {
    description:
      "`rules` in qms.yaml names a rule that does not exist (often a typo); the override would do nothing.",
    bad: `
rules:
  symbol/conflct: warning   # Did you mean 'symbol/conflict'?
`,
    good: `
rules:
  symbol/conflict: warning
`,
    fix: "Use a rule id from this page.",
  },
  check(ctx) {
    const config = ctx.repo.config;
    if (!config?.value.rules) return;
    const known = ctx.ruleIds;
    for (const id of Object.keys(config.value.rules)) {
      if (!known.has(id)) ctx.report({ file: config.file, path: ["rules", id], key: true }, sentences(t("rule.config/unknown-rule.message", { rule: id }) + didYouMean(id, known), t("rule.config/unknown-rule.fix")));
    }
  },
};

