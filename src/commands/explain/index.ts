/** `csr explain [RULE-ID]`: a rule's documentation in the terminal, the same text as docs/rules.md. */
import { ruleDocUrl } from "../../core/docs.js";
import { UserError } from "../../core/errors.js";
import { didYouMean } from "../../core/text.js";
import { ruleSection } from "../../check/docs.js";
import { rules, rulesById } from "../../check/registry.js";
import type { CommandContext } from "../context.js";

export async function explainCommand(ctx: CommandContext, ruleId: string | undefined): Promise<number> {
  if (ruleId === undefined) {
    const width = Math.max(...rules.map((r) => r.id.length));
    const lines = rules.map((r) => `${r.id.padEnd(width)}  ${r.severity.padEnd(7)}  ${r.summary}`);
    ctx.stdout(`${lines.join("\n")}\n\nRead one with 'csr explain <rule-id>'.\n`);
    return 0;
  }
  const rule = rulesById.get(ruleId);
  if (!rule) throw new UserError(`There is no rule '${ruleId}'.${didYouMean(ruleId, rulesById.keys())}`, "'csr explain' lists every rule.");
  ctx.stdout(`${ruleSection(rule)}\n\nOnline: ${ruleDocUrl(rule.id)}\n`);
  return 0;
}
