/** `csr export --out FILE.xlsx`: one workbook with every register and matrix, one sheet each. */
import { extname } from "node:path";
import { UserError } from "../../core/errors.js";
import { findRoot } from "../../load/discover.js";
import { loadRepository } from "../../load/repository.js";
import { registerContext } from "../../report/registers/context.js";
import { allRegisters } from "../../report/registers/index.js";
import { writeXlsx } from "../../report/table.js";
import type { CommandContext } from "../context.js";
import { dateOption } from "../options.js";
import { cutWarning, languageOf, registerHeading, warnProblems, writeOutput, type OutputFlags } from "../shared/output.js";

export async function exportCommand(ctx: CommandContext, flags: OutputFlags & { out: string; today?: string }): Promise<number> {
  if (extname(flags.out).toLowerCase() !== ".xlsx") {
    throw new UserError(`csr export writes an Excel workbook; name the file with .xlsx (got '${flags.out}').`);
  }
  const repo = loadRepository(findRoot(ctx.dir));
  warnProblems(ctx, repo);
  const lang = languageOf();
  const today = dateOption(flags.today, "--today");
  const tables = allRegisters(registerContext(repo, lang), today).map((table) => ({ ...table, heading: registerHeading(repo, table, lang, today) }));
  await writeOutput(ctx, repo.root, flags.out, (path) => writeXlsx(tables, path, cutWarning(ctx)), flags.force);
  return 0;
}
