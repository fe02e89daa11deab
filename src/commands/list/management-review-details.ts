/**
 * `csr list management-review --with-details --out <file>.xlsx` (tester71 Q8): the 管理评审输入 of a period and, after
 * it, each register its 明细见 column names, of the same period, in one workbook: the annex handed to the general
 * manager with the 管理评审报告, where the registers were listed by nine commands and assembled by hand.
 *
 * Why an option of the management review rather than `csr export --from/--to`: the page already settles the period
 * (the year to date, or the previous year from January to March) and knows which registers its figures come from;
 * `csr export` is the whole register set of a day that `csr import` reads back, which a workbook narrowed to a period
 * would no longer be.
 *
 * Each register is taken as the management review counts its figures: those of a period (CSR reviews, periodic
 * reviews made, copies issued or recalled, audits, training, corrective actions received, changes) filtered to it,
 * those of a day (periodic reviews due, external documents, withdrawn documents, processes) as they stood on its last
 * day; a sheet whose title does not already give the period says it. Errors (UserError, one line): not a workbook.
 */
import { extname, join } from "node:path";
import { UserError } from "../../core/errors.js";
import { t } from "../../i18n/index.js";
import type { Period } from "../../model/review-timeliness.js";
import { actionRegister } from "../../report/registers/actions.js";
import { auditRegister } from "../../report/registers/audits.js";
import type { RegisterContext } from "../../report/registers/context.js";
import { csrList } from "../../report/registers/csr.js";
import { distributionRegister } from "../../report/registers/distribution.js";
import { externalList } from "../../report/registers/external.js";
import { obsoleteList } from "../../report/registers/obsolete.js";
import { periodicReviewRegister, periodicReviewsDueRegister } from "../../report/registers/periodic-reviews.js";
import { processRegister } from "../../report/registers/processes.js";
import { reviewRegister } from "../../report/registers/reviews.js";
import { supplierRegister } from "../../report/registers/suppliers.js";
import { customerRegister } from "../../report/registers/customers.js";
import { trainingRegister } from "../../report/registers/training.js";
import { writeXlsx, type Table } from "../../report/table.js";
import { periodChangeReport, periodTable } from "../changes/index.js";
import type { CommandContext } from "../context.js";
import { cutWarning, isFolder, printHints, withHeading, writeOutput, type OutputFlags } from "../shared/output.js";
import type { Lang } from "../../i18n/index.js";
import type { Repository } from "../../load/repository.js";

/** The registers a 明细见 cell can name, each as the management review of `period` counts it (its last day `period.to`). */
function detailRegisters(ctx: CommandContext, rc: RegisterContext, repo: Repository, period: Period, today: string): (() => Table | Promise<Table>)[] {
  const day = period.to;
  return [
    () => reviewRegister(rc, { today, period }),
    () => csrList(rc, { today: day, period }),
    () => actionRegister(rc, { today: day, filter: { period } }),
    async () => periodTable(rc, await periodChangeReport(ctx, repo.root, repo, period.from, day)),
    () => periodicReviewsDueRegister(rc, { today: day, dueBy: day }),
    () => periodicReviewRegister(rc, { today, period }),
    () => obsoleteList(rc, { today: day }),
    () => distributionRegister(rc, { today: day, filter: { period } }),
    () => externalList(rc, { today: day }),
    () => auditRegister(rc, { today, period }),
    () => processRegister(rc, { today: day }),
    () => trainingRegister(rc, { today, filter: { period } }),
    // As they stood on the period's last day, with the latest scorecard and rating by then (tester80 M4, M2).
    () => customerRegister(rc, { today: day }),
    () => supplierRegister(rc, { today: day }),
  ];
}

export async function writeManagementReviewDetails(
  ctx: CommandContext,
  rc: RegisterContext,
  repo: Repository,
  lang: Lang,
  summary: Table,
  period: Period,
  today: string,
  flags: OutputFlags,
): Promise<number> {
  const folder = flags.out !== undefined && isFolder(flags.out, ctx.dir);
  const out = flags.out === undefined ? undefined : folder ? join(flags.out, `management-review-${period.from}-${period.to}.xlsx`) : flags.out;
  if (out === undefined || extname(out).toLowerCase() !== ".xlsx" || (flags.format !== undefined && flags.format !== "xlsx")) throw new UserError(t("list.with-details-xlsx"), t("list.with-details-xlsx.hint"));
  // The registers named in the order the page names them, each once.
  const named = [...new Set(summary.rows.map((row) => String(row.source ?? "")).filter(Boolean))];
  const built = await Promise.all(detailRegisters(ctx, rc, repo, period, today).map((build) => build()));
  const details = named.flatMap((sheet) => built.filter((table) => table.sheet === sheet));
  const titled = details.map((table) => (table.title.includes(period.from) ? table : { ...table, title: t("list.with-details-title", { title: table.title, from: period.from, to: period.to }) }));
  const tables = [summary, ...titled].map((table) => withHeading(repo, table, lang, today));
  await writeOutput(ctx, repo.root, out, (path) => writeXlsx(tables, path, cutWarning(ctx), { registers: "several" }), flags.force);
  printHints(ctx, [t("list.with-details-written", { count: titled.length, sheets: titled.map((table) => table.sheet).join(t("common.list-separator")) }), ...(summary.hints ?? [])]);
  return 0;
}
