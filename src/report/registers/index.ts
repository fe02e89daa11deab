/** Every register and matrix, in the order of the sheets of `csr export`. */
import type { Table } from "../table.js";
import type { Catalog } from "../../model/catalog.js";
import { auditProgramme } from "./audit-programme.js";
import { auditPlanRegister } from "./audit-plan.js";
import { actionRegister } from "./actions.js";
import { clauseCrossReference } from "./clause-xref.js";
import { clauseMatrix } from "./clauses.js";
import type { RegisterContext } from "./context.js";
import { csrList, csrMatrix } from "./csr.js";
import { disposalRegister } from "./disposals.js";
import { distributionRegister } from "./distribution.js";
import { documentList, unreleasedList, type DraftsOn } from "./documents.js";
import { externalList } from "./external.js";
import { formList } from "./forms.js";
import { managementReviewRegister } from "./management-review.js";
import { inFirstQuarter, previousCalendarYear } from "./period.js";
import { obsoleteList } from "./obsolete.js";
import { editionReviewRegister } from "./edition-review.js";
import { periodicReviewPlan, periodicReviewRegister } from "./periodic-reviews.js";
import { processRegister } from "./processes.js";
import { procedureList } from "./procedures.js";
import { reviewRegister } from "./reviews.js";
import { symbolTable } from "./symbols.js";
import { trainingRegister } from "./training.js";
import { trainingMissingRegister } from "./training-missing.js";
import { supplierRegister } from "./suppliers.js";
import { flowDownRegister } from "./flow-down.js";
import { skillsMatrix } from "./skills.js";
import { gaugeRegister, toolingRegister, verificationRegister } from "./tooling.js";
import { isGauge } from "../../model/tooling.js";
import { firstArticleRegister } from "./first-articles.js";
import { keyPartRegister } from "./key-parts.js";
import { objectiveRegister } from "./objectives.js";
import { managementReviewOutputsRegister } from "./management-review-outputs.js";
import { worksToGjb9001C } from "../../model/citations.js";
import { previousMonth } from "./period.js";
import { supervisionReport } from "./supervision.js";
import { auditRegister } from "./audits.js";
import { customerRegister } from "./customers.js";
import { peopleRegister } from "./people.js";
import { registerEditionsRegister } from "./register-editions.js";
import { trainingPlanRegister } from "./training-plan.js";

/**
 * The parts of an audit file, in the order of the standards' clauses: context, leadership and planning (4–6), support (7),
 * operation (8), performance evaluation (9), improvement (10). eachRegister gives the registers part by part.
 */
export const REGISTER_PARTS = ["context", "support", "operation", "performance", "improvement"] as const;
export type RegisterPart = (typeof REGISTER_PARTS)[number];

/**
 * Every register csr builds, whether or not the repository's standards ask for it: what `csr
 * import` recognises a sheet by. `today` (YYYY-MM-DD) is the day open reviews are measured against.
 */
export function allRegisters(ctx: RegisterContext, today: string): Table[] {
  return [...eachRegister(ctx, today, { everyRegister: true })];
}

/**
 * The registers an auditor of the repository looks for (see eachRegister): the pages of `csr site`,
 * the sheets of `csr export`, the drafts and documents in review among them (tester47 F7).
 */
export function auditRegisters(ctx: RegisterContext, today: string, drafts?: DraftsOn): Table[] {
  return [...eachRegister(ctx, today, { unreleased: drafts ?? true, yearEnd: true })];
}

/**
 * The registers one at a time, each built when it is asked for: a workbook written sheet by sheet then holds one
 * register in memory, not all of them. They come in the order of an audit file, the order an auditor works through
 * the standard (ISO 9001 / IATF 16949 / GJB 9001C clauses 4 to 10; tester82 A6), one part after another (REGISTER_PARTS), each
 * table marked with its part (Table.part: the site's index of registers is grouped by it):
 * - context, leadership and planning (4–6): the process list (过程清单, 4.4), each standard's clause matrix and cross-reference,
 *   the customer list with its scorecards (顾客清单, IATF 16949 4.3.2, 9.1.2.1), the CSR matrix, the CSR list and their review
 *   timeliness (4.3.2, 7.5.3.2.2), this year's quality objectives (质量目标及实现情况一览表, 6.2) once objectives.yaml has one;
 * - support (7): the people list with the internal auditors' qualifications (人员名单, 7.1.2, 7.2.3), the register of gauges
 *   and test equipment (计量器具台账, 7.1.5.2) once tooling.yaml has a gauge, the skills matrix
 *   (多能工矩阵, 7.2.1) once people.yaml records a level, its levels written I–IV with `letters` (a workbook), else ◔ ◑ ◕ ●;
 *   the training record, who still lacks training and this year's training plan (年度培训计划; with entries, the coming year's
 *   too) (7.2.2); the documented information (7.5): the procedure list, the controlled document list and, with `unreleased`,
 *   the drafts and documents in review (a sheet of their own, not on the controlled list's form; for a past day, where they come
 *   from: DraftsOn, unreleasedList), the forms, external and obsolete documents, the distribution record, the periodic reviews
 *   made, during an edition transition the documents to review for the new edition (换版评审清单), the records due for disposal
 *   (到期记录清单) and, once register-editions.yaml has one, the signed editions of the registers (登记表签署记录);
 * - operation (8): the symbol conversion table (8.3.3.3), the key and important parts list (关键件、重要件项目明细表, GJB 909A)
 *   once a document is a 特性分类表, the approved supplier list (合格供方名录, 8.4.1.2), the requirements
 *   passed down to suppliers (8.4.3.1) once a CSR records one, the tooling register (8.5.1.6) and the error-proofing
 *   verifications (10.2.4) once tooling.yaml has them, the first article inspections (首件鉴定台账, GJB 9001C 8.5.1) once recorded;
 * - performance evaluation (9): the internal audit programme (内部审核方案, IATF 16949 9.2.2.1), this year's annual internal
 *   audit plan (年度内部审核计划; with entries, the coming year's too), the internal audit record (内部审核记录, 9.2.2 f), the
 *   management review inputs of the calendar year to `today` (管理评审输入, 9.3.2) and, once management-reviews.yaml records a
 *   review, their outputs (管理评审输出跟踪表, 9.3.3); in a GJB 9001C repository, last month's 质量监督月报 to the 军代表;
 * - improvement (10): the corrective action register (纠正措施台账, 10.2).
 * Each as `csr list` gives it without options: every register a user can list is among them, but the ones narrowed by an
 * option (a person's training file, the reviews due by a day). A register every standard asks for is there empty too (an
 * empty approved supplier list says no supplier is recorded); one that only some repositories keep (skills, tooling, gauges,
 * key parts, first articles, flow-down, objectives, register editions) is left out while it would be empty; without `everyRegister`, so is the
 * symbol table where the standards do not ask for it (symbolTableExpected). With `yearEnd` (csr site, tester71 Q2), the
 * year's end is planned for: the coming calendar year's plan of periodic reviews after the record of those made, the records
 * due for disposal by 31 December of `today`'s year, and in January to March first the management review inputs of the
 * previous calendar year, as `csr list management-review` gives them then, its year to date following (id
 * management-review-year-to-date).
 */
export function* eachRegister(ctx: RegisterContext, today: string, options: RegisterOptions = {}): Generator<Table> {
  const standards = (ctx.repo.config?.value.standards ?? []).flatMap((id) => {
    const catalog = ctx.repo.catalogs.get(id);
    return catalog ? [catalog] : [];
  });
  const parts: Record<RegisterPart, Iterable<Table>> = {
    context: contextRegisters(ctx, today, standards),
    support: supportRegisters(ctx, today, standards, options),
    operation: operationRegisters(ctx, today, options),
    performance: performanceRegisters(ctx, today, options),
    improvement: improvementRegisters(ctx, today),
  };
  for (const part of REGISTER_PARTS) for (const table of parts[part]) yield { ...table, part };
}

/** What eachRegister is asked for besides the day: see there. */
interface RegisterOptions {
  everyRegister?: boolean;
  unreleased?: boolean | DraftsOn;
  yearEnd?: boolean;
  letters?: boolean;
}

/** Context, leadership and planning (clauses 4 to 6): processes, clause coverage, customers and their requirements, objectives. */
function* contextRegisters(ctx: RegisterContext, today: string, standards: readonly Catalog[]): Generator<Table> {
  yield processRegister(ctx, { today });
  for (const catalog of standards) {
    yield clauseMatrix(ctx, catalog, { today });
    yield clauseCrossReference(ctx, catalog, { today });
  }
  yield customerRegister(ctx, { today });
  yield csrMatrix(ctx, { today });
  yield csrList(ctx, { today });
  yield reviewRegister(ctx, { today });
  if (ctx.repo.objectives.length > 0) yield objectiveRegister(ctx, { today, year: Number(today.slice(0, 4)) });
}

/** Support (clause 7): people and their competence, then the documented information. */
function* supportRegisters(ctx: RegisterContext, today: string, standards: readonly Catalog[], options: RegisterOptions): Generator<Table> {
  const year = Number(today.slice(0, 4));
  yield peopleRegister(ctx);
  if (ctx.repo.tooling.some(({ value }) => isGauge(value))) yield gaugeRegister(ctx, { today });
  if (ctx.repo.people.some(({ value }) => (value.skills ?? []).length > 0)) yield skillsMatrix(ctx, { today, letters: options.letters === true });
  yield trainingRegister(ctx, { today });
  yield trainingMissingRegister(ctx, { today });
  yield* thisYearAndNext((y) => trainingPlanRegister(ctx, { today, year: y }), year, "training-plan-next");
  yield procedureList(ctx, { level: 2, today });
  yield documentList(ctx, { today });
  if (options.unreleased) {
    const unreleased = unreleasedList(ctx, today, options.unreleased === true ? undefined : options.unreleased);
    if (unreleased) yield unreleased;
  }
  yield formList(ctx, { today });
  yield externalList(ctx, { today });
  yield obsoleteList(ctx, { today });
  yield distributionRegister(ctx, { today });
  yield periodicReviewRegister(ctx, { today });
  if (options.yearEnd) yield periodicReviewPlan(ctx, { today, year: year + 1 });
  // During an edition transition (both editions in scope), the documents to review for the new one.
  for (const catalog of standards) {
    if (catalog.supersedes && standards.some((c) => c.id === catalog.supersedes!.standard)) yield editionReviewRegister(ctx, { today, standard: catalog.id });
  }
  yield disposalRegister(ctx, { today, dueBy: options.yearEnd ? `${today.slice(0, 4)}-12-31` : today });
  if (ctx.repo.registerEditions.length > 0) yield registerEditionsRegister(ctx, { today });
}

/** Operation (clause 8): special characteristics, suppliers, tooling and error-proofing, first articles. */
function* operationRegisters(ctx: RegisterContext, today: string, options: RegisterOptions): Generator<Table> {
  if (options.everyRegister || symbolTableExpected(ctx)) yield symbolTable(ctx);
  if (ctx.repo.documents.some(({ value }) => value.role === "characteristic-classification")) yield keyPartRegister(ctx, { today });
  yield supplierRegister(ctx, { today });
  if (ctx.repo.csrs.some(({ value }) => value.flow_down?.required === true || (value.flow_down?.suppliers ?? []).length > 0)) yield flowDownRegister(ctx, { today });
  if (ctx.repo.tooling.length > 0) yield toolingRegister(ctx, { today });
  if (ctx.repo.tooling.some(({ value }) => value.verification !== undefined)) yield verificationRegister(ctx, { today });
  if (ctx.repo.firstArticles.length > 0) yield firstArticleRegister(ctx, { today });
}

/** Performance evaluation (clause 9): internal audit, management review, the 军代表's supervision. */
function* performanceRegisters(ctx: RegisterContext, today: string, options: RegisterOptions): Generator<Table> {
  yield auditProgramme(ctx, { today });
  yield* thisYearAndNext((y) => auditPlanRegister(ctx, { today, year: y }), Number(today.slice(0, 4)), "audit-plan-next");
  yield auditRegister(ctx, { today });
  const yearToDate = managementReviewRegister(ctx, { today, period: { from: `${today.slice(0, 4)}-01-01`, to: today } });
  if (options.yearEnd && inFirstQuarter(today)) {
    yield managementReviewRegister(ctx, { today, period: previousCalendarYear(today) });
    yield { ...yearToDate, id: "management-review-year-to-date", form: yearToDate.form ?? "management-review" };
  } else yield yearToDate;
  if (ctx.repo.managementReviews.length > 0) yield managementReviewOutputsRegister(ctx, { today });
  if (worksToGjb9001C(ctx.repo.config?.value)) yield supervisionReport(ctx, { period: previousMonth(today) });
}

/** Improvement (clause 10): the corrective action register (纠正措施台账) as `csr list actions` gives it: complaints, audit nonconformities and their 8D steps. */
function* improvementRegisters(ctx: RegisterContext, today: string): Generator<Table> {
  yield actionRegister(ctx, { today });
}

/**
 * A plan of a calendar year (年度培训计划, 年度内部审核计划): this `year`'s, then the coming year's under id `next` once it has
 * entries (planned at the year's end), each a sheet and a page of its own.
 */
function* thisYearAndNext(plan: (year: number) => Table, year: number, next: string): Generator<Table> {
  yield plan(year);
  const coming = plan(year + 1);
  // On the plan's own form (qms.yaml registers.forms names it by the plan's id).
  if (coming.rows.length > 0) yield { ...coming, id: next, form: coming.form ?? coming.id };
}

/**
 * The symbol conversion table is IATF 16949's (8.2.3.1.2, 8.3.3.3): under IATF 16949 an auditor
 * asks for it even when no customer has symbols of its own, and the empty table says so. Under
 * GJB 9001C or ISO 9001 alone nobody asks for it, and an empty sheet would only raise the question
 * what is missing; the table is there as soon as symbols.yaml has an entry. A repository that names
 * no standards is an IATF 16949 one, as `csr init` makes it.
 */
function symbolTableExpected(ctx: RegisterContext): boolean {
  return ctx.repo.symbols.length + ctx.repo.ownSymbols.length > 0 || (ctx.repo.config?.value.standards ?? ["IATF16949"]).includes("IATF16949");
}
