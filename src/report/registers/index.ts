/** Every register and matrix, in the order of the sheets of `csr export`. */
import type { Table } from "../table.js";
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
import { suppliers } from "../../model/suppliers.js";
import { worksToGjb9001C } from "../../model/citations.js";
import { previousMonth } from "./period.js";
import { supervisionReport } from "./supervision.js";

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
 * The registers one at a time, each built when it is asked for: a workbook written sheet by sheet
 * then holds one register in memory, not all of them. Without `everyRegister`, one that the
 * repository's standards do not ask for and that would be empty is left out (symbolTableExpected).
 * `unreleased`: after the controlled document list, the list of the drafts and documents in review,
 * when there are any (documentList `unreleased`): a sheet of its own, not on the controlled list's form;
 * for a past day, where they come from (DraftsOn, unreleasedList). Then the corrective action register
 * (纠正措施台账). Last, the process list (过程清单),
 * the records due for disposal by `today` (到期记录清单) and the management review inputs of the
 * calendar year to `today` (管理评审输入), as `csr list` gives each without options. After the training registers, the skills matrix
 * (多能工矩阵) once people.yaml records a level, its levels written I–IV with `letters` (a workbook), else ◔ ◑ ◕ ●; then the
 * tooling register and the error-proofing verification record once tooling.yaml has entries, the register of gauges (计量器具台账) once it has a gauge, the record of first article inspections
 * (首件鉴定台账) once first-articles.yaml has one, the key and important parts list (关键件、重要件项目明细表) once a document is a
 * 特性分类表, the quality objectives of the year (质量目标及实现情况一览表) once objectives.yaml has one; the annual internal audit plan
 * (this year's and, with entries, the coming year's) once processes.yaml plans audits. With `yearEnd` (csr site, tester71 Q2),
 * the year's end is planned for: the coming calendar year's plan of periodic reviews after the record of those made, the records due for disposal by 31 December of `today`'s year, and in January to March
 * first the management review inputs of the previous calendar year, as `csr list management-review` gives them then, its
 * year to date following (id management-review-year-to-date); then the 管理评审输出跟踪表 once management-reviews.yaml records a review;
 * last, in a GJB 9001C repository, the previous calendar month's 质量监督月报 (csr list supervision).
 */
export function* eachRegister(ctx: RegisterContext, today: string, options: { everyRegister?: boolean; unreleased?: boolean | DraftsOn; yearEnd?: boolean; letters?: boolean } = {}): Generator<Table> {
  const standards = (ctx.repo.config?.value.standards ?? []).flatMap((id) => {
    const catalog = ctx.repo.catalogs.get(id);
    return catalog ? [catalog] : [];
  });
  yield procedureList(ctx, { level: 2, today });
  yield documentList(ctx, { today });
  if (options.unreleased) {
    const unreleased = unreleasedList(ctx, today, options.unreleased === true ? undefined : options.unreleased);
    if (unreleased) yield unreleased;
  }
  yield formList(ctx, { today });
  yield externalList(ctx, { today });
  yield obsoleteList(ctx, { today });
  for (const catalog of standards) {
    yield clauseMatrix(ctx, catalog, { today });
    yield clauseCrossReference(ctx, catalog, { today });
  }
  yield csrMatrix(ctx, { today });
  yield csrList(ctx, { today });
  yield reviewRegister(ctx, { today });
  if (options.everyRegister || symbolTableExpected(ctx)) yield symbolTable(ctx);
  yield distributionRegister(ctx, { today });
  // The approved supplier list (合格供方名录), once qms.yaml has a supplier: a repository without any has no such sheet or page.
  if (suppliers(ctx.repo).length > 0) yield supplierRegister(ctx, { today });
  // The requirements passed down to suppliers (IATF 16949 8.4.3.1), once a CSR records a passing or is marked to be passed down.
  if (ctx.repo.csrs.some(({ value }) => value.flow_down?.required === true || (value.flow_down?.suppliers ?? []).length > 0)) yield flowDownRegister(ctx, { today });
  yield trainingRegister(ctx, { today });
  yield trainingMissingRegister(ctx, { today });
  // The skills matrix (多能工矩阵), once people.yaml records a level (csr qualify): levels as I–IV in a workbook (`letters`), ◔ ◑ ◕ ● on a page.
  if (ctx.repo.people.some(({ value }) => (value.skills ?? []).length > 0)) yield skillsMatrix(ctx, { today, letters: options.letters === true });
  // The tooling register (工装夹具台账, IATF 16949 8.5.1.6) once tooling.yaml has an entry, and the record of the error-proofing
  // verifications (防错装置验证记录, 10.2.4) once one of them has a verification plan, as csr list tooling|error-proofing give them.
  if (ctx.repo.tooling.length > 0) yield toolingRegister(ctx, { today });
  if (ctx.repo.tooling.some(({ value }) => value.verification !== undefined)) yield verificationRegister(ctx, { today });
  // The register of gauges and test equipment (计量器具台账, IATF 16949 7.1.5.2, 7.1.5.1.1) once tooling.yaml has one, as csr list gauges gives it.
  if (ctx.repo.tooling.some(({ value }) => isGauge(value))) yield gaugeRegister(ctx, { today });
  // The record of first article inspections (首件鉴定台账, GJB 9001C 8.5.1, GJB 908A) once first-articles.yaml has one, as csr list first-articles gives it.
  if (ctx.repo.firstArticles.length > 0) yield firstArticleRegister(ctx, { today });
  // The key and important parts list (关键件、重要件项目明细表, GJB 909A) once a document is a 特性分类表 (role characteristic-classification), as csr list key-parts gives it.
  if (ctx.repo.documents.some(({ value }) => value.role === "characteristic-classification")) yield keyPartRegister(ctx, { today });
  // The quality objectives and their achievement this year (质量目标及实现情况一览表, ISO 9001 6.2, 9.3.2 c 2) once objectives.yaml has one, as csr list objectives gives it.
  if (ctx.repo.objectives.length > 0) yield objectiveRegister(ctx, { today, year: Number(today.slice(0, 4)) });
  yield periodicReviewRegister(ctx, { today });
  // The site's year-end view: the coming calendar year's plan of periodic reviews (tester71 Q2, Q3), as csr list periodic-reviews --year gives it.
  if (options.yearEnd) yield periodicReviewPlan(ctx, { today, year: Number(today.slice(0, 4)) + 1 });
  // During an edition transition (both editions in scope), the documents to review for the new one (换版评审清单).
  for (const catalog of standards) {
    if (catalog.supersedes && standards.some((c) => c.id === catalog.supersedes!.standard)) yield editionReviewRegister(ctx, { today, standard: catalog.id });
  }
  // The corrective action register (纠正措施台账) as `csr list actions` gives it: complaints, audit nonconformities and their 8D steps.
  yield actionRegister(ctx, { today });
  // The site's view of the internal audit programme (内部审核方案), as csr list audit-programme gives it (IATF 16949 9.2.2.1).
  if (options.yearEnd) yield auditProgramme(ctx, { today });
  // The annual internal audit plan (年度内部审核计划, csr list audit-plan), once processes.yaml plans audits: this year's and,
  // when it has entries, the coming year's (planned at the year's end), each a page of csr site and a sheet of csr export
  // of its own (IATF 16949 9.2.2.1).
  if (ctx.repo.processes.some(({ value }) => (value.planned_audits ?? []).length > 0)) {
    const year = Number(today.slice(0, 4));
    yield auditPlanRegister(ctx, { today, year });
    const next = auditPlanRegister(ctx, { today, year: year + 1 });
    if (next.rows.length > 0) yield { ...next, id: "audit-plan-next" };
  }
  // The year-end registers, as `csr list processes|disposals|management-review` give them without options:
  // the process list, the record batches whose retention ends by today, the management review inputs of the year to today.
  yield processRegister(ctx, { today });
  yield disposalRegister(ctx, { today, dueBy: options.yearEnd ? `${today.slice(0, 4)}-12-31` : today });
  const yearToDate = managementReviewRegister(ctx, { today, period: { from: `${today.slice(0, 4)}-01-01`, to: today } });
  if (options.yearEnd && inFirstQuarter(today)) {
    yield managementReviewRegister(ctx, { today, period: previousCalendarYear(today) });
    yield { ...yearToDate, id: "management-review-year-to-date" };
  } else yield yearToDate;
  // The outputs of the management reviews and their status (管理评审输出跟踪表, ISO 9001 9.3.2 a, 9.3.3) after the inputs whose
  // first row counts them, once management-reviews.yaml records a review, as csr list management-review-outputs gives it.
  if (ctx.repo.managementReviews.length > 0) yield managementReviewOutputsRegister(ctx, { today });
  // In a GJB 9001C repository, last month's quality supervision report to the 军代表 (质量监督月报, GJB 9001C 4.4), as csr list
  // supervision gives it without options.
  if (worksToGjb9001C(ctx.repo.config?.value)) yield supervisionReport(ctx, { period: previousMonth(today) });
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
