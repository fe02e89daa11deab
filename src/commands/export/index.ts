/** `csr export --out FILE.xlsx`: one workbook with every register and matrix, one sheet each. */
import { extname } from "node:path";
import { setFlagsFromString } from "node:v8";
import { UserError } from "../../core/errors.js";
import { findRoot } from "../../load/discover.js";
import { loadRepository } from "../../load/repository.js";
import { registerContext } from "../../report/registers/context.js";
import { eachRegister } from "../../report/registers/index.js";
import { writeXlsx } from "../../report/table.js";
import type { CommandContext } from "../context.js";
import { cutWarning, languageOf, warnProblems, writeOutput, type OutputFlags } from "../shared/output.js";

const EXPORT_HEAP_GROWING_PERCENT = 50;

export async function exportCommand(ctx: CommandContext, flags: OutputFlags & { out: string }): Promise<number> {
  if (extname(flags.out).toLowerCase() !== ".xlsx") {
    throw new UserError(`csr export writes an Excel workbook; name the file with .xlsx (got '${flags.out}').`);
  }
  // Writing a workbook makes garbage cell by cell; V8 would let the heap grow to about twice what
  // the export keeps alive before collecting it (650 MB at 50,000 entities). Growing it by half at
  // most keeps the peak under 400 MB for a tenth more CPU. Only for this command: a check makes
  // little garbage and would pay the CPU for nothing.
  setFlagsFromString(`--heap-growing-percent=${EXPORT_HEAP_GROWING_PERCENT}`);
  const repo = loadRepository(findRoot(ctx.dir));
  warnProblems(ctx, repo);
  const lang = languageOf(flags, repo);
  const tables = eachRegister(registerContext(repo, lang));
  await writeOutput(ctx, repo.root, flags.out, (path) => writeXlsx(tables, path, cutWarning(ctx)), flags.force);
  return 0;
}
