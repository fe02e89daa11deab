/** `csr check`: load, validate, run the rules, print findings. Never writes. */
import { summarize } from "../../core/diagnostic.js";
import { runCheck } from "../../check/engine.js";
import { loadBase } from "../../load/base.js";
import { findRoot } from "../../load/discover.js";
import { loadRepository } from "../../load/repository.js";
import { FORMATS, loadFormatter } from "../../report/formatters/index.js";
import { choiceOption, dateOption } from "../options.js";
import type { CommandContext } from "../context.js";

export interface CheckFlags {
  format?: string;
  today?: string;
  base?: string;
}

export async function checkCommand(ctx: CommandContext, flags: CheckFlags): Promise<number> {
  const format = choiceOption(flags.format, "--format", FORMATS, "text");
  const today = dateOption(flags.today, "--today");
  const root = findRoot(ctx.dir);
  const repo = loadRepository(root);
  const base = flags.base === undefined ? undefined : await loadBase(root, flags.base);
  const findings = runCheck(repo, { today, base });
  const summary = summarize(findings, repo.files.length);
  const formatter = await loadFormatter(format);
  ctx.stdout(formatter({ findings, summary }, { color: ctx.color }));
  return summary.errors > 0 ? 1 : 0;
}
