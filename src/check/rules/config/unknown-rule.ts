import { didYouMean } from "../../../core/text.js";
import type { Rule } from "../../rule.js";

export const rule: Rule = {
  id: "config/unknown-rule",
  severity: "error",
  summary: "qms.yaml sets the severity of a rule that does not exist.",
  check(ctx) {
    const config = ctx.repo.config;
    if (!config?.value.rules) return;
    const known = ctx.ruleIds;
    for (const id of Object.keys(config.value.rules)) {
      if (!known.has(id)) ctx.report({ file: config.file, path: ["rules", id], key: true }, `There is no rule '${id}'.${didYouMean(id, known)} See docs/rules.md for the list of rules.`);
    }
  },
};

