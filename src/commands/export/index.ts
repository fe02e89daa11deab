/** `csr export --out FILE.xlsx|DIR/`: one workbook with every register and matrix, one sheet each. */
import { extname, join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { UserError } from "../../core/errors.js";
import { t } from "../../i18n/index.js";
import { localToday } from "../../core/dates.js";
import { findRoot } from "../../load/discover.js";
import { folderCommits } from "../../load/git.js";
import { eachRegister } from "../../report/registers/index.js";
import { writeXlsx } from "../../report/table.js";
import type { CommandContext } from "../context.js";
import { dateOption } from "../options.js";
import { committedOn, draftsOn, registerContextOn } from "../shared/registers.js";
import { cutWarning, incompleteNote, isFolder, languageOf, printHints, refuseOrWarnUnreadable, withHeading, writeOutput, type OutputFlags } from "../shared/output.js";
import { readRepository } from "../shared/read.js";

/**
 * Writing a workbook makes garbage cell by cell, and V8 lets the heap grow to about twice what the
 * export keeps alive before it collects (500 MB at 50,000 entities); growing it by half at most
 * keeps the peak under 400 MB for about a tenth more CPU. Set for this command only: a check makes
 * little garbage and would pay the CPU for nothing.
 */
const EXPORT_HEAP_GROWING_PERCENT = 50;

/**
 * The workbook's name in a folder given as `--out` (ending with / or existing), as `csr list` and
 * `csr matrix` name a register there by its id (`procedures.xlsx`): it holds all the registers.
 */
const WORKBOOK_NAME = "registers.xlsx";

export async function exportCommand(ctx: CommandContext, flags: OutputFlags & { out: string; today?: string }): Promise<number> {
  const out = isFolder(flags.out, ctx.dir) ? join(flags.out, WORKBOOK_NAME) : flags.out;
  if (extname(out).toLowerCase() !== ".xlsx") {
    throw new UserError(t("export.needs-xlsx", { out }));
  }
  setFlagsFromString(`--heap-growing-percent=${EXPORT_HEAP_GROWING_PERCENT}`);
  const repo = await readRepository(findRoot(ctx.dir));
  refuseOrWarnUnreadable(ctx, repo);
  const lang = languageOf();
  const today = dateOption(flags.today, "--today");
  // The workbook is what `csr import` reads back too: the drafts and documents in review follow the
  // controlled document list on a sheet of their own (a CSR addressed in a draft keeps its document in
  // the round trip); the controlled list is the one `csr list documents` prints, with the same total (auditor16 F3).
  // Dated a past day, the drafts of that day are those of its last commit (DraftsOn).
  const drafts = today < localToday() ? draftsOn(await committedOn(repo.root, today, folderCommits(repo.root)), lang) : undefined;
  const registers = eachRegister(await registerContextOn(repo, lang, today), today, { unreleased: drafts ?? true });
  // Every sheet says it is incomplete: a sheet is often printed or sent on its own.
  const note = incompleteNote(repo, lang);
  const hints: string[] = [];
  const tables = (function* () {
    for (const table of registers) {
      hints.push(...(table.hints ?? []));
      yield { ...withHeading(repo, table, lang, today), ...(note ? { notes: [...(table.notes ?? []), note] } : {}) };
    }
  })();
  await writeOutput(ctx, repo.root, out, (path) => writeXlsx(tables, path, cutWarning(ctx), { registers: "several" }), flags.force);
  printHints(ctx, hints);
  return note ? 1 : 0;
}
