/**
 * `csr export --out FILE.xlsx|DIR/`: one workbook with every register and matrix, one sheet each. With
 * `--customer CODE`, the workbook a customer's SQE takes away from a second-party audit (tester74 T5): only the
 * sheets about that customer, built from the repository as its audit pack narrows it (site/customer-scope.ts:
 * its CSRs, the documents tied to it, its symbols and corrective actions, nothing naming another customer), each
 * sheet marked an extract in its heading (表单编号 … 本表按条件筛选) and in a note.
 */
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
import { customerScope } from "../../site/customer-scope.js";
import { customerName, t as tr } from "../../report/registers/context.js";
import type { Table } from "../../report/table.js";

/**
 * The sheets of a customer's workbook (csr export --customer), by register id, in the workbook's order: its CSR
 * matrix and list with their review timeliness, the symbol conversion table's rows of its symbols, its corrective
 * actions, the documents tied to it with their controlled copies, and the training on them and on its CSRs. The
 * organisation's other registers (procedure list, clause matrices, processes, management review) are its own.
 */
const CUSTOMER_SHEETS = ["csr-matrix", "csr-list", "reviews", "symbols", "actions", "documents", "distribution", "training", "training-missing"];

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

export async function exportCommand(ctx: CommandContext, flags: OutputFlags & { out: string; today?: string; customer?: string }): Promise<number> {
  const out = isFolder(flags.out, ctx.dir) ? join(flags.out, WORKBOOK_NAME) : flags.out;
  if (extname(out).toLowerCase() !== ".xlsx") {
    throw new UserError(t("export.needs-xlsx", { out }));
  }
  setFlagsFromString(`--heap-growing-percent=${EXPORT_HEAP_GROWING_PERCENT}`);
  const whole = await readRepository(findRoot(ctx.dir));
  refuseOrWarnUnreadable(ctx, whole);
  const scope = flags.customer === undefined ? undefined : customerScope(whole, flags.customer);
  const repo = scope?.repo ?? whole;
  const lang = languageOf();
  const today = dateOption(flags.today, "--today");
  // The workbook is what `csr import` reads back too: the drafts and documents in review follow the
  // controlled document list on a sheet of their own (a CSR addressed in a draft keeps its document in
  // the round trip); the controlled list is the one `csr list documents` prints, with the same total (auditor16 F3).
  // Dated a past day, the drafts of that day are those of its last commit (DraftsOn).
  const drafts = scope ? undefined : today < localToday() ? draftsOn(await committedOn(repo.root, today, folderCommits(repo.root)), lang) : undefined;
  const rc = await registerContextOn(repo, lang, today);
  // A CSR link is judged on the text it was pinned to, not on the text the workbook shows without another customer's.
  if (scope) rc.textOf = scope.textOf;
  const all = eachRegister(rc, today, { unreleased: scope ? false : (drafts ?? true), letters: true });
  const registers = scope ? customerSheets(all, tr(rc, "register.filter.customer", { customer: customerName(rc, scope.customer) })) : all;
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

/**
 * The sheets CUSTOMER_SHEETS names, in their order, each marked an extract for the customer (`filter`, e.g. 顾客：东岳汽车股份有限公司):
 * Table `filtered`, which its heading prints beside its form number, and a note under it.
 */
function* customerSheets(registers: Iterable<Table>, filter: string): Generator<Table> {
  const byId = new Map<string, Table>();
  for (const table of registers) if (table.id !== undefined && CUSTOMER_SHEETS.includes(table.id)) byId.set(table.id, table);
  for (const id of CUSTOMER_SHEETS) {
    const table = byId.get(id);
    if (!table) continue;
    const note = t("export.customer-extract", { filter, register: table.title });
    yield { ...table, filtered: table.filtered ?? { filter, register: table.title, command: "csr export", name: id }, notes: [...(table.notes ?? []), note] };
  }
}
