/** `csr list procedures|documents|forms|external|obsolete|symbols|reviews|distribution|training|training-plan|periodic-reviews|edition-review|people|management-review|processes|audits|disposals|actions|suppliers|flow-down|customers`: the registers auditors ask for, the people who may be named, the management review inputs of a period, the process list the internal audit programme is planned from, the internal audits made, the records due for disposal, the corrective actions (纠正措施台账), the requirements passed down to suppliers and the customers (顾客清单). */
import { writeFileSync } from "node:fs";
import { extname } from "node:path";
import { UserError } from "../../core/errors.js";
import { closest, didYouMean, foldedForSearch, localized } from "../../core/text.js";
import { list, t } from "../../i18n/index.js";
import { findRoot } from "../../load/discover.js";
import type { RegisterContext } from "../../report/registers/context.js";
import { toolingNamed, unknownTooling } from "../../model/tooling.js";
import type { Repository } from "../../load/repository.js";
import type { ManagementReview } from "../../model/types.js";
import { COPY_STATES, distributionRegister, type CopyFilter, type CopyState } from "../../report/registers/distribution.js";
import { codeOfLabel } from "../../i18n/values.js";
import { ACTION_SOURCES, AUDIT_KINDS, type RegisterEdition } from "../../model/types.js";
import { editionOf } from "../../model/register-editions.js";
import type { Period } from "../../model/review-timeliness.js";
import { ACTION_STATUS_FILTERS, actionRegister, type ActionFilter } from "../../report/registers/actions.js";
import { auditRegister } from "../../report/registers/audits.js";
import { disposalRegister } from "../../report/registers/disposals.js";
import { DOCUMENT_LIST_STATUSES, documentList } from "../../report/registers/documents.js";
import { auditProgramme } from "../../report/registers/audit-programme.js";
import { auditPlanRegister } from "../../report/registers/audit-plan.js";
import { editionReviewRegister } from "../../report/registers/edition-review.js";
import { externalList } from "../../report/registers/external.js";
import { formList } from "../../report/registers/forms.js";
import { managementReviewRegister } from "../../report/registers/management-review.js";
import { obsoleteList } from "../../report/registers/obsolete.js";
import { peopleRegister } from "../../report/registers/people.js";
import { periodicReviewPlan, periodicReviewRegister, periodicReviewsDueRegister, withNextReview } from "../../report/registers/periodic-reviews.js";
import { processRegister } from "../../report/registers/processes.js";
import { supplierRegister } from "../../report/registers/suppliers.js";
import { flowDownRegister } from "../../report/registers/flow-down.js";
import { customerRegister } from "../../report/registers/customers.js";
import { skillsMatrix } from "../../report/registers/skills.js";
import { gaugeRegister, toolingRegister, verificationRegister } from "../../report/registers/tooling.js";
import { firstArticleRegister } from "../../report/registers/first-articles.js";
import { keyPartRegister } from "../../report/registers/key-parts.js";
import { objectiveRegister } from "../../report/registers/objectives.js";
import { managementReviewOutputsRegister } from "../../report/registers/management-review-outputs.js";
import { supervisionReport } from "../../report/registers/supervision.js";
import { worksToGjb9001C } from "../../model/citations.js";
import { registerEditionsRegister } from "../../report/registers/register-editions.js";
import { knownStations } from "../../model/skills.js";
import { documentsOn, peopleOf, personName } from "../../report/registers/context.js";
import { supplierParty } from "../../model/flow-down.js";
import { defaultProcedureStyle, PROCEDURE_STYLES, procedureList } from "../../report/registers/procedures.js";
import { reviewRegister } from "../../report/registers/reviews.js";
import { symbolTable } from "../../report/registers/symbols.js";
import { trainingRegister, type TrainingFilter } from "../../report/registers/training.js";
import { trainingMissingRegister } from "../../report/registers/training-missing.js";
import { trainingPersonRegister } from "../../report/registers/training-person.js";
import { trainingPlanRegister } from "../../report/registers/training-plan.js";
import { pickColumns, type Column, type Table } from "../../report/table.js";
import { choiceOption, dateOption } from "../options.js";
import type { CommandContext } from "../context.js";
import { resolveDepartment, resolvePerson } from "../shared/people.js";
import { supplierOption } from "../shared/suppliers.js";
import { registerContextOn } from "../shared/registers.js";
import { emitTable, languageOf, printHints, refuseOrWarnUnreadable, tableOutput, withHeading, writeOutput, type OutputFlags } from "../shared/output.js";
import { readRepository } from "../shared/read.js";
import { periodOption, type PeriodFlags } from "../shared/period.js";
import { inFirstQuarter, previousCalendarYear, previousMonth } from "../../report/registers/period.js";
import { customerGiven } from "../../model/customers.js";

export interface RegisterFlags extends OutputFlags, PeriodFlags {
  level?: string;
  style?: string;
  customer?: string;
  /** `csr list documents`: the documents of this status (released by default), or all live ones; `csr list distribution`: the copies in this state (COPY_STATES). */
  status?: string;
  /** `csr list distribution`: the copies past their 应回收日期 (回收逾期). */
  overdue?: boolean;
  /** `csr list distribution|documents`: the copies issued to this department or outside party (code or name); `csr list training`: the training of its people. */
  department?: string;
  /** `csr list distribution|documents`: the copies held by this person (id or name). */
  holder?: string;
  /** `csr list distribution`: the copies of this document (its 文件发放/回收记录); `csr list training`: the training on this document or CSR. */
  document?: string;
  today?: string;
  /** `csr list procedures|documents|forms|external|obsolete`: the keys of the columns to print, comma-separated, in that order. */
  columns?: string;
  /** `csr list periodic-reviews`: the periodic reviews falling due by this day (overdue ones included), not the reviews done; `csr list disposals`: the record batches whose retention ends by this day (default today). */
  dueBy?: string;
  /** `csr list management-review`: the page and the registers its 明细见 names, of its period, in one workbook. */
  withDetails?: boolean;
  /** `csr list procedures|documents`: each signature of the version in force with its date, as a GJB repository's lists have them without it. */
  withSignatures?: boolean;
  /** `csr list periodic-reviews`: the annual plan of periodic reviews of this calendar year (年度文件定期评审计划), its record once made; `csr list training-plan`: the annual training plan (年度培训计划) of this year. */
  year?: string;
  /** `csr list training`: who still lacks training on each revision needing it (未完成培训人员清单), not the training records. */
  missing?: boolean;
  /** `csr list training`: this person's training file (员工培训档案): the sessions that trained them and what they still miss. */
  person?: string;
  /** `csr list edition-review`: the catalog id of the new edition (default: the repository's one). */
  standard?: string;
  /** `csr list actions`: the corrective actions of this source (ACTION_SOURCES, or its label). */
  source?: string;
  /** `csr list actions`: the corrective actions asked of this supplier (SCAR), by its code or name. */
  supplier?: string;
  /** `csr list actions`: words to look for, each given once (--grep 第三方 --grep SGS): the records containing any of them. */
  grep?: string[];
  /** `csr list skills`: this station's column only, and the people at it. */
  station?: string;
  /** `csr list audits`: the audits of this kind (AUDIT_KINDS, or its label). */
  kind?: string;
  /** `csr list tooling`: the tooling whose verification or maintenance is due today or overdue; `csr list gauges`: the gauges owing their calibration within 30 days or overdue. */
  due?: boolean;
  /** `csr list error-proofing`: this device's verifications only (its id). */
  tooling?: string;
  /** A signed edition of the register (register-editions.yaml): printed as of its day, its signature lines filled. */
  edition?: string;
  /** `csr list management-review <MR id>`: the inputs of the period that management review reviewed. */
  review?: string;
}

/** The registers of documents in force that --columns may give a 下次定期评审 column (next_review, tester54a A9). */
const WITH_NEXT_REVIEW = ["procedures", "documents", "forms"];

export async function listRegisterCommand(ctx: CommandContext, what: string, flags: RegisterFlags): Promise<number> {
  const repo = await readRepository(findRoot(ctx.dir));
  refuseOrWarnUnreadable(ctx, repo);
  const lang = languageOf();
  const edition = flags.edition !== undefined ? signedEdition(repo, what, flags) : undefined;
  const today = edition?.as_of ?? dateOption(flags.today, "--today");
  const rc = await registerContextOn(repo, lang, today);
  // Which registers take which options: list/options.ts (refused there for the others).
  // The management review inputs of the review named: the page that meeting reviewed (tester82 A3).
  const review = what === "management-review" ? reviewOfInputs(repo, flags) : undefined;
  if (review) flags = { ...flags, from: review.period.from, to: review.period.to };
  const lastYear = what === "management-review" && flags.from === undefined && flags.to === undefined && inFirstQuarter(today);
  // The 军代表's supervision report is a GJB 9001C supplier's: refused elsewhere before anything is built (tester81 J7).
  if (what === "supervision" && !worksToGjb9001C(repo.config?.value)) throw new UserError(t("list.supervision-gjb-only"));
  // Without --from and --to, the supervision report is the last whole calendar month's, the month it reports on.
  const period = periodOption(what === "management-review" && flags.from === undefined ? (lastYear ? previousCalendarYear(today) : yearTo(dateOption(flags.to, "--to", today))) : what === "supervision" && flags.from === undefined && flags.to === undefined ? previousMonth(today) : flags, today);
  const filter = what === "training" ? undefined : copyFilter(rc, flags, what === "distribution" ? { period, state: copyStateFilter(flags) } : {});
  let table: Table;
  let name: string | undefined;
  if (what === "procedures") {
    const level = choiceOption(flags.level, "--level", ["1", "2", "3", "4"] as const, "2");
    const style = choiceOption(flags.style, "--style", PROCEDURE_STYLES, defaultProcedureStyle(repo.config?.value.standards));
    if (flags.style !== undefined && style === "gjb" && level !== "2") throw new UserError(t("list.gjb-procedures-only", { level }));
    // --columns picks from the columns of both layouts: 编制/审核/批准 with 归口部门 and 对应条款.
    table = procedureList(rc, { level: Number(level) as 1 | 2 | 3 | 4, style, today, union: flags.columns !== undefined, ...(flags.withSignatures ? { signatures: true } : {}) });
  } else if (what === "documents") {
    const status = choiceOption(flags.status, "--status", DOCUMENT_LIST_STATUSES, "released");
    // Copies are handed out of released documents only: a department holds none of a draft.
    if (filter && status !== "released") throw new UserError(t("list.holder-filter-status", { status: flags.status ?? "" }));
    table = documentList(rc, { status, today, ...(filter ? { filter } : {}), ...(flags.withSignatures ? { signatures: true } : {}) });
  } else if (what === "forms") {
    table = formList(rc, { today, ...(flags.department !== undefined ? { department: resolveDepartment(rc.index, flags.department, "--department") } : {}) });
  } else if (what === "external") {
    // The check plan needs the interval the next check is counted by.
    if (flags.dueBy !== undefined && repo.config?.value.document_control?.external_check_months === undefined) throw new UserError(t("list.external-due-by-no-interval"), t("list.external-due-by-no-interval.hint"));
    table = externalList(rc, { today, ...(flags.dueBy !== undefined ? { dueBy: dateOption(flags.dueBy, "--due-by") } : {}) });
  } else if (what === "obsolete") {
    table = obsoleteList(rc, { today });
  } else if (what === "symbols") {
    table = symbolTable(rc, { customer: flags.customer === undefined ? undefined : customerOption(rc, flags.customer) });
  } else if (what === "reviews") {
    table = reviewRegister(rc, { customer: flags.customer === undefined ? undefined : customerOption(rc, flags.customer), today, ...(period ? { period } : {}) });
  } else if (what === "distribution") {
    // A period's register is the record as it stood on its last day: what was still out then.
    table = distributionRegister(rc, { today: period?.to ?? today, ...(filter ? { filter } : {}) });
  } else if (what === "training") {
    // Who is still to be trained is a standing on a day, not records of a period.
    if (flags.missing && period) throw new UserError(t("list.training-missing-period", { flag: flags.from !== undefined ? "--from" : "--to" }));
    if (flags.person !== undefined) {
      // A person's file is their whole record and what they miss on the day: no other narrowing applies to it.
      const other = flags.missing ? "--missing" : flags.document !== undefined ? "--document" : flags.department !== undefined ? "--department" : period ? (flags.from !== undefined ? "--from" : "--to") : undefined;
      if (other !== undefined) throw new UserError(t("list.training-person-alone", { flag: other }));
      const person = resolvePerson(rc.index, flags.person, "--person");
      table = trainingPersonRegister(rc, { today, person });
      name = `training-${person.id}`;
    } else {
    const narrowed = period ? { ...trainingFilter(rc, flags), period } : trainingFilter(rc, flags);
    table = flags.missing ? trainingMissingRegister(rc, { today, ...(narrowed ? { filter: narrowed } : {}) }) : trainingRegister(rc, { today, ...(narrowed ? { filter: narrowed } : {}) });
    }
  } else if (what === "training-plan") {
    // The annual training plan (年度培训计划): a year's, read on --today; without --year, the next calendar year's.
    if (period) throw new UserError(t("list.year-alone", { flag: flags.from !== undefined ? "--from" : "--to" }));
    const year = flags.year !== undefined ? yearOption(flags.year) : Number(today.slice(0, 4)) + 1;
    table = trainingPlanRegister(rc, { today, year });
    name = `training-plan-${year}`;
  } else if (what === "periodic-reviews") {
    // The reviews falling due are not the reviews made in a period.
    if (flags.dueBy !== undefined && period) throw new UserError(t("list.period-due-by", { flag: flags.from !== undefined ? "--from" : "--to" }));
    // A year's plan is neither the reviews made in a period nor those due by a day (tester71 Q3).
    if (flags.year !== undefined && (flags.dueBy !== undefined || period)) throw new UserError(t("list.year-alone", { flag: flags.dueBy !== undefined ? "--due-by" : flags.from !== undefined ? "--from" : "--to" }));
    if (flags.year !== undefined) {
      const year = yearOption(flags.year);
      table = periodicReviewPlan(rc, { today, year });
      // Written into a folder: one file per year's plan.
      name = `periodic-review-plan-${year}`;
    } else table = flags.dueBy !== undefined ? periodicReviewsDueRegister(rc, { today, dueBy: dateOption(flags.dueBy, "--due-by") }) : periodicReviewRegister(rc, { today, ...(period ? { period } : {}) });
  } else if (what === "edition-review") {
    table = editionReviewRegister(rc, { today, standard: flags.standard });
  } else if (what === "people") {
    table = peopleRegister(rc);
  } else if (what === "management-review") {
    table = managementReviewRegister(rc, { today, period: period!, ...(review ? { review } : {}) });
    // The runner learns why the page is last year's and how to have the year to date (tester71 Q2).
    if (lastYear) table = { ...table, listHints: [t("list.management-review.previous-year", { year: period!.from.slice(0, 4), from: `${today.slice(0, 4)}-01-01` }), ...(table.listHints ?? [])] };
    // The page with the registers its 明细见 names, of its period, in one workbook (tester71 Q8).
    if (flags.withDetails) {
      if (lastYear) printHints(ctx, [table.listHints![0]!]);
      return (await import("./management-review-details.js")).writeManagementReviewDetails(ctx, rc, repo, lang, table, period!, today, flags);
    }
  } else if (what === "processes") {
    table = processRegister(rc, { today });
  } else if (what === "audits") {
    table = auditRegister(rc, {
      today,
      ...(period ? { period } : {}),
      filter: {
        ...(flags.kind !== undefined ? { kind: choiceOption(flags.kind, "--kind", AUDIT_KINDS, "qms") } : {}),
        ...(flags.customer !== undefined ? { customer: customerOption(rc, flags.customer) } : {}),
      },
    });
  } else if (what === "audit-programme") {
    table = auditProgramme(rc, { today });
  } else if (what === "audit-plan") {
    // The annual internal audit plan (年度内部审核计划): a year's, read on --today; without --year, this calendar year's (tester78 A2).
    if (period) throw new UserError(t("list.year-alone", { flag: flags.from !== undefined ? "--from" : "--to" }));
    const year = flags.year !== undefined ? yearOption(flags.year) : Number(today.slice(0, 4));
    table = auditPlanRegister(rc, { today, year });
    name = `audit-plan-${year}`;
  } else if (what === "actions") {
    table = actionRegister(rc, { today, filter: actionFilter(rc, flags, period) });
  } else if (what === "suppliers") {
    table = supplierRegister(rc, { today });
  } else if (what === "flow-down") {
    // The requirements passed down to suppliers (IATF 16949 8.4.3.1), a customer's or a supplier's.
    table = flowDownRegister(rc, {
      today,
      filter: {
        ...(flags.customer !== undefined ? { customer: customerOption(rc, flags.customer) } : {}),
        ...(flags.supplier !== undefined ? { supplier: flowDownSupplierOption(rc, flags.supplier) } : {}),
      },
    });
  } else if (what === "skills") {
    // The skills matrix (多能工矩阵): ◔ ◑ ◕ ● on paper and screen, I–IV where a spreadsheet or csr reads it back.
    const format = tableOutput(flags, ctx.dir, "skills").format;
    table = skillsMatrix(rc, {
      today,
      letters: format === "csv" || format === "xlsx" || format === "json",
      ...(flags.department !== undefined ? { department: resolveDepartment(rc.index, flags.department, "--department") } : {}),
      ...(flags.station !== undefined ? { station: stationFilter(rc, flags.station, today) } : {}),
    });
  } else if (what === "customers") {
    table = customerRegister(rc, { today });
  } else if (what === "tooling") {
    table = toolingRegister(rc, { today, filter: { due: flags.due === true } });
  } else if (what === "gauges") {
    table = gaugeRegister(rc, { today, filter: { due: flags.due === true } });
  } else if (what === "objectives") {
    // 质量目标及实现情况一览表: a calendar year's, read on --today; without --year, this year's (ISO 9001 9.3.2 c 2).
    if (period) throw new UserError(t("list.year-alone", { flag: flags.from !== undefined ? "--from" : "--to" }));
    const year = flags.year !== undefined ? yearOption(flags.year) : Number(today.slice(0, 4));
    table = objectiveRegister(rc, { today, year });
    name = `objectives-${year}`;
  } else if (what === "first-articles") {
    table = firstArticleRegister(rc, { today, filter: period ? { period } : {} });
  } else if (what === "supervision") {
    table = supervisionReport(rc, { period: period! });
    name = `supervision-${period!.from}-${period!.to}`;
  } else if (what === "key-parts") {
    // 关键件、重要件项目明细表 (GJB 909A), from the released 特性分类表 of --today.
    table = keyPartRegister(rc, { today });
  } else if (what === "management-review-outputs") {
    table = managementReviewOutputsRegister(rc, { today });
  } else if (what === "register-editions") {
    table = registerEditionsRegister(rc, { today });
  } else if (what === "error-proofing") {
    table = verificationRegister(rc, { today, filter: { ...(flags.tooling !== undefined ? { tooling: toolingFilter(rc, flags.tooling) } : {}), ...(period ? { period } : {}) } });
  } else if (what === "disposals") {
    // The year-end question: which batches may be disposed of by the day given (today by default).
    table = disposalRegister(rc, { today, dueBy: flags.dueBy !== undefined ? dateOption(flags.dueBy, "--due-by") : today });
  } else {
    throw new UserError(t("list.unknown-register", { what }));
  }
  if (flags.columns !== undefined) {
    // 下次定期评审, on the company's own form of the register only: the register csr import reads back keeps its columns.
    if (WITH_NEXT_REVIEW.includes(what)) table = withNextReview(rc, table, today);
    table = pickColumns(table, columnKeys(flags.columns, table.columns));
  }
  if (edition) table = { ...table, edition: { name: edition.edition, signatures: edition.signatures.map((s) => ({ role: s.role, name: personName(rc, s.by), date: s.date })) } };
  // The 管理评审报告 is a Word document: the management review inputs go into it as one (tester71 Q8).
  if (flags.out !== undefined && extname(flags.out).toLowerCase() === ".docx") return writeDocx(ctx, table, flags, repo, lang, what, today);
  return emitTable(ctx, table, flags, repo, lang, today, name);
}

/**
 * `--out <file>.docx`: the register as a Word file, its heading (organisation, form number, period, signature lines) as
 * printed. Only the management review inputs: the other registers are printed or pasted as workbooks. Errors (UserError,
 * one line): another register; a --format beside the .docx; the file exists without --force.
 */
async function writeDocx(ctx: CommandContext, table: Table, flags: RegisterFlags, repo: Awaited<ReturnType<typeof readRepository>>, lang: ReturnType<typeof languageOf>, what: string, today: string): Promise<number> {
  if (what !== "management-review") throw new UserError(t("list.docx-only", { what }));
  if (flags.format !== undefined) throw new UserError(t("list.docx-format", { format: flags.format }));
  const headed = withHeading(repo, table, lang, today);
  const { loadLabels } = await import("../../render/environment.js");
  const { referenceStyles, registerToDocx } = await import("../../render/docx.js");
  const buffer = await registerToDocx({ ...headed, lang }, { labels: loadLabels(repo.root, lang), referenceStyles: await referenceStyles(repo.root) });
  await writeOutput(ctx, repo.root, flags.out!, async (path) => writeFileSync(path, buffer), flags.force);
  printHints(ctx, [...(table.hints ?? []), ...(table.listHints ?? [])]);
  return 0;
}

/**
 * --edition of `csr list <register>`: the edition of `what` recorded in register-editions.yaml (csr register sign; GJB 9001C
 * 7.5.3), printed as of its day. Errors (UserError, one line): --today beside it; an edition not recorded, naming those that are.
 */
function signedEdition(repo: Awaited<ReturnType<typeof readRepository>>, what: string, flags: RegisterFlags): RegisterEdition {
  if (flags.today !== undefined) throw new UserError(t("list.edition-today"));
  const found = editionOf(repo.registerEditions, what, flags.edition!);
  if (found) return found.value;
  const known = repo.registerEditions.filter((e) => e.value.register === what).map((e) => e.value.edition);
  throw new UserError(t("list.edition-unknown", { what, edition: flags.edition!, known: known.length > 0 ? list(known) : t("list.edition-none") }));
}

/** Management review looks back over a period: without --from, the calendar year of `to` up to that day (in January to March without --to, the year before: previousCalendarYear). */
/**
 * The management review whose period `csr list management-review` lists: the one `flags.review` names (any letter case);
 * undefined without one (--from/--to, or the default period, give it). Errors (UserError): a number management-reviews.yaml does not have (naming those it has
 * and the nearest); a number given with --from or --to.
 */
function reviewOfInputs(repo: Repository, flags: RegisterFlags): ManagementReview | undefined {
  // Without a number the period stays the documented default (the calendar year to --today; January to March, the year
  // before): the page a 管理者代表 prepares for the coming review. A review's own page is asked for by its number.
  if (flags.review === undefined) return undefined;
  if (flags.from !== undefined || flags.to !== undefined) throw new UserError(t("list.management-review.review-and-period", { id: flags.review }));
  const found = toolingNamed(repo.managementReviews, flags.review);
  if (found) return found.value;
  const known = repo.managementReviews.map((r) => r.value.id);
  throw new UserError(t("list.management-review.unknown-review", { id: flags.review, known: list(known) || t("list.management-review.no-reviews") }) + didYouMean(flags.review, known), t("list.management-review.unknown-review.hint"));
}

function yearTo(to: string): PeriodFlags {
  return { from: `${to.slice(0, 4)}-01-01`, to };
}

/**
 * The keys of --columns, separated by commas (an ASCII or a Chinese one), checked against the
 * register's columns. Refused (UserError, one line naming every key with its heading): an unknown
 * key (with the key of the column so headed, or the nearest key), a key given twice, none at all.
 */
export function columnKeys(value: string, columns: readonly Column[]): string[] {
  const keys = value.split(/[,，]/).map((key) => key.trim()).filter((key) => key !== "");
  const valid = columns.map((c) => c.key);
  const choices = () => list(columns.map((c) => t("list.column-choice", { key: c.key, header: c.header })));
  if (keys.length === 0) throw new UserError(t("list.columns-empty", { choices: choices() }));
  for (const [i, key] of keys.entries()) {
    if (!valid.includes(key)) {
      // A heading for a key (归口部门 for department), else the nearest key.
      const near = columns.find((c) => c.header === key)?.key ?? closest(key, valid);
      throw new UserError(t("list.unknown-column", { key, suggestion: near ? t("cli.error.did-you-mean", { suggestion: near }) : "", choices: choices() }));
    }
    if (keys.indexOf(key) !== i) throw new UserError(t("list.column-twice", { key }));
  }
  return keys;
}

/**
 * --department and --holder as a filter of the copies (a department audit: what does 生产部 hold;
 * the 军代表 asking what the 军代表室 holds), by code or name as csr distribute takes them, with the
 * distribution register's own filters: --document (the auditor asks for QP-002's, tester16 F14), the
 * `state` of --status/--overdue and the `period` of --from/--to; undefined without any. The registers
 * they do not filter refuse them (list/options.ts).
 */
function copyFilter(rc: RegisterContext, flags: RegisterFlags, { period, state }: { period?: Period | undefined; state?: CopyState | undefined }): CopyFilter | undefined {
  if (flags.department === undefined && flags.holder === undefined && flags.document === undefined && state === undefined && period === undefined) return undefined;
  return {
    ...(state !== undefined ? { state } : {}),
    ...(period !== undefined ? { period } : {}),
    ...(flags.document !== undefined ? { document: documentOption(rc, flags.document) } : {}),
    ...(flags.department !== undefined ? { department: resolveDepartment(rc.index, flags.department, "--department", { parties: true }) } : {}),
    ...(flags.holder !== undefined ? { holder: resolvePerson(rc.index, flags.holder, "--holder").id } : {}),
  };
}

/**
 * The state of --status and --overdue on the distribution register (the rows in that state), in
 * the words of its 状态 column in either language, or their codes (value.copy-state); also without
 * 已 (销毁 for 已销毁), as a 文控 says them. --overdue is the copies past their 应回收日期.
 * Errors: UserError for an unknown state (naming the states), and for --overdue with a --status
 * other than to-recall or recall-overdue.
 */
function copyStateFilter(flags: RegisterFlags): CopyState | undefined {
  if (flags.status === undefined) return flags.overdue ? "recall-overdue" : undefined;
  const known = (COPY_STATES as readonly string[]).includes(flags.status) || codeOfLabel(flags.status, COPY_STATES) !== undefined;
  const state = (!known && (codeOfLabel(`已${flags.status}`, COPY_STATES) as CopyState | undefined)) || choiceOption(flags.status, "--status", COPY_STATES, "in-use");
  if (!flags.overdue) return state;
  if (state === "to-recall" || state === "recall-overdue") return "recall-overdue";
  throw new UserError(t("list.overdue-status", { status: flags.status }));
}

/**
 * --document and --department of `csr list training [--missing]`: a document's or a CSR's training (its id;
 * unknown ones refused with the nearest ids of both), a department's people (code or name; an outside party is
 * refused, the organisation does not train it); undefined without either.
 */
function trainingFilter(rc: RegisterContext, flags: RegisterFlags): TrainingFilter | undefined {
  if (flags.document === undefined && flags.department === undefined) return undefined;
  const subject = flags.document;
  if (subject !== undefined && !rc.index.documents.has(subject) && !rc.index.csrs.has(subject)) {
    throw new UserError(t("list.no-training-subject", { id: subject }) + didYouMean(subject, [...rc.index.documents.keys(), ...rc.index.csrs.keys()]));
  }
  return {
    ...(subject !== undefined ? { document: subject } : {}),
    ...(flags.department !== undefined ? { department: resolveDepartment(rc.index, flags.department, "--department") } : {}),
  };
}

/**
 * --customer, --supplier, --status, --source, --from/--to, --grep of `csr list actions`: a customer's complaints (its code;
 * unknown ones refused with the nearest), the corrective actions asked of a supplier (SCAR; its code or name), the records open (overdue ones included), overdue or closed,
 * of a source, received in the period, containing any of the words (each refused empty: UserError list.grep-empty); each also by its label (进行中, 顾客投诉).
 */
function actionFilter(rc: RegisterContext, flags: RegisterFlags, period: Period | undefined): ActionFilter {
  return {
    ...(flags.customer !== undefined ? { customer: customerOption(rc, flags.customer) } : {}),
    ...(flags.status !== undefined ? { status: choiceOption(flags.status, "--status", ACTION_STATUS_FILTERS, "open") } : {}),
    ...(flags.source !== undefined ? { source: choiceOption(flags.source, "--source", ACTION_SOURCES, "complaint") } : {}),
    ...(flags.supplier !== undefined ? { supplier: supplierOption(rc.repo, flags.supplier).code } : {}),
    ...(period !== undefined ? { period } : {}),
    ...(flags.grep !== undefined ? { grep: grepWords(flags.grep) } : {}),
  };
}

/** The words of --grep, each refused when nothing is left of it but white space (UserError list.grep-empty). */
function grepWords(words: readonly string[]): string[] {
  if (words.some((word) => foldedForSearch(word) === "")) throw new UserError(t("list.grep-empty"));
  return [...words];
}

/**
 * The customer code of --customer (`csr list`, `csr list symbols|reviews|actions`, `csr matrix csr`): a code in any
 * letter case, a customer's full name in either language as customers/ writes it (东岳汽车股份有限公司), which an SQE
 * types from the letterhead (tester74 T7), or a short name (东岳汽车) no other customer's name has (model/customers.ts).
 * Errors: UserError list.unknown-customer naming every customer by code and name, and the nearest code or name.
 */
export function customerOption(rc: RegisterContext, given: string): string {
  return customerGiven([...rc.index.customers.values()].map((c) => c.value), given, "--customer", rc.lang).code;
}

/**
 * The document of --document by its id (a withdrawn one too: its copies were recalled against its record), or a
 * customer's source document, whose copies the register lists too (tester66 N1); unknown ones refused with the nearest ids.
 */
function documentOption(rc: RegisterContext, id: string): string {
  const sources = rc.repo.customers.flatMap((c) => (c.value.sources ?? []).map((s) => s.id));
  if (rc.index.documents.has(id) || sources.includes(id)) return id;
  throw new UserError(t("edit.no-document", { id }) + didYouMean(id, [...rc.index.documents.keys(), ...sources]));
}

/** --station of `csr list skills`: a station the repository knows (model/skills.ts knownStations), in any letter case. Errors: UserError naming the nearest. */
function stationFilter(rc: RegisterContext, given: string, today: string): string {
  const known = knownStations(documentsOn(rc, today).list, peopleOf(rc));
  const found = known.find((s) => s.toLowerCase() === given.normalize("NFKC").trim().toLowerCase());
  if (found) return found;
  throw new UserError(t("list.unknown-station", { station: given, known: known.length > 0 ? list(known) : t("person.none") }) + didYouMean(given, known));
}

/** `--year <YYYY>`: a calendar year from 2000 to 2099. Errors: UserError, one line. */
function yearOption(given: string): number {
  const text = given.trim();
  if (!/^20\d\d$/.test(text)) throw new UserError(t("list.year-invalid", { value: given }));
  return Number(text);
}

/**
 * The supplier of `csr list flow-down --supplier`: an outside party requirements are passed down to (kind supplier or
 * other: model/flow-down.ts supplierParty), by its code in any letter case or its name. Errors: UserError, one line
 * naming the suppliers, with the nearest code.
 */
function flowDownSupplierOption(rc: RegisterContext, given: string): string {
  const key = given.normalize("NFKC").trim();
  const all = [...rc.index.parties.values()].filter((p) => supplierParty(rc.index.parties, p.code));
  const found = all.find((p) => p.code === key) ?? all.find((p) => p.code.toLowerCase() === key.toLowerCase() || p.name === key || p.name_en === key);
  if (found) return found.code;
  const known = all.length > 0 ? list(all.map((p) => t("people.department-choice", { code: p.code, name: localized(rc.lang, p.name, p.name_en) }))) : t("flow-down.no-suppliers");
  throw new UserError(t("flow-down.unknown-supplier", { flag: "--supplier", code: given, known }) + didYouMean(given, all.map((p) => p.code)));
}

/** --tooling of csr list error-proofing: an id of tooling.yaml (any letter case). Errors: UserError with the nearest ids. */
function toolingFilter(rc: RegisterContext, given: string): string {
  const found = toolingNamed(rc.repo.tooling, given);
  if (found) return found.value.id;
  throw unknownTooling(rc.repo.tooling.map((e) => e.value.id), given);
}
