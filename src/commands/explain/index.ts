/** `csr explain [RULE-ID]`: a rule's documentation in the terminal, the same text as docs/rules.md. */
import { ruleDocUrl } from "../../core/docs.js";
import { UserError } from "../../core/errors.js";
import { didYouMean } from "../../core/text.js";
import { ruleSection, ruleText } from "../../check/docs.js";
import { language, t } from "../../i18n/index.js";
import { rules, rulesById } from "../../check/registry.js";
import type { CommandContext } from "../context.js";

export async function explainCommand(ctx: CommandContext, ruleId: string | undefined): Promise<number> {
  const lang = language();
  if (ruleId === undefined) {
    const width = Math.max(...rules.map((r) => r.id.length));
    const lines = rules.map((r) => `${r.id.padEnd(width)}  ${r.severity.padEnd(7)}  ${ruleText(r, lang).summary}`);
    ctx.stdout(`${lines.join("\n")}\n\n${t("explain.read-one")}\n`);
    return 0;
  }
  const rule = rulesById.get(ruleId);
  if (!rule) throw new UserError(t("rule.config/unknown-rule.message", { rule: ruleId }) + didYouMean(ruleId, rulesById.keys()), t("rule.config/unknown-rule.fix"));
  ctx.stdout(`${ruleSection(rule, lang)}\n\n${t("explain.online", { url: ruleDocUrl(rule.id) })}\n`);
  return 0;
}
