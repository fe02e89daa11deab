/** `csr list`: the CSR list (顾客特定要求清单), the register of report/registers/csr.ts, filtered. */
import { UserError } from "../../core/errors.js";
import { t } from "../../i18n/index.js";
import { didYouMean, foldedForSearch } from "../../core/text.js";
import { findRoot } from "../../load/discover.js";
import type { Catalog } from "../../model/catalog.js";
import { clauseReferenceExample } from "../../model/citations.js";
import { categoryName, CSR_STATUSES, csrStatusLabel, type CsrFacts } from "../../model/csr-status.js";
import { LATE_ROUNDS, standingReviewRounds } from "../../model/review-timeliness.js";
import { repositoryCalendar } from "../../load/calendar.js";
import type { Csr, Process } from "../../model/types.js";
import { customerName, personName, type RegisterContext } from "../../report/registers/context.js";
import { csrList, type CsrListFilter } from "../../report/registers/csr.js";
import { periodFilterText } from "../../report/registers/period.js";
import type { CommandContext } from "../context.js";
import { processByCode } from "../shared/edit.js";
import { resolvePerson } from "../shared/people.js";
import { csrOrderOption } from "../shared/csr-order.js";
import { registerContextOn } from "../shared/registers.js";
import { emitTable, languageOf, refuseOrWarnUnreadable, type OutputFlags } from "../shared/output.js";
import { choiceOption, clauseOptionParts, clauseRef, dateOption } from "../options.js";
import { readRepository } from "../shared/read.js";
import { pickColumns } from "../../report/table.js";
import { columnKeys, customerOption } from "./registers.js";
import { periodOption, type PeriodFlags } from "../shared/period.js";
import { processLabel } from "../../model/labels.js";

export interface ListCsrFlags extends OutputFlags, PeriodFlags {
  customer?: string;
  status?: string;
  overdue?: boolean;
  clause?: string;
  owner?: string;
  /** A process of processes.yaml, by code or name: the CSRs whose addressing documents serve it (IATF 16949 9.2.2.1, 9.2.2.3). */
  process?: string;
  /** A CSR category (类别), as written or by its English name (csr.categories_en): the CSRs of that category. */
  category?: string;
  /** Words to look for, each given once (--grep 投诉 --grep 8D): the CSRs whose id, section, title, text or category contains any of them. */
  grep?: string[];
  today?: string;
  /** The keys of the columns to print, comma-separated, in that order (as for the document registers). */
  columns?: string;
  /** The rows' order (CSR_ORDERS): default the customer's section order with --customer, id order without (tester64 N3). */
  sort?: string;
}

export async function listCsrCommand(ctx: CommandContext, flags: ListCsrFlags): Promise<number> {
  const today = dateOption(flags.today, "--today");
  const repo = await readRepository(findRoot(ctx.dir), today);
  refuseOrWarnUnreadable(ctx, repo);
  const lang = languageOf();
  const rc = await registerContextOn(repo, lang, today);
  // A customer named by its full name filters, sorts and names the list as by its code.
  if (flags.customer !== undefined) flags = { ...flags, customer: customerOption(rc, flags.customer) };
  const period = periodOption(flags, today);
  const { keep, filter } = csrFilter(rc, flags, today);
  const process = processOption(rc, flags.process);
  if (process) {
    filter.parts.push(t("register.filter.process", { process: processLabel(process, rc.lang) }));
    filter.name.push(process.code);
  }
  if (period) {
    // The period first in the title and the file's name: what the list is of, then how it is narrowed.
    filter.parts.unshift(periodFilterText(rc, period));
    filter.name.unshift(period.from, period.to);
  }
  const order = csrOrderOption(flags.sort, flags.customer);
  const list = csrList(rc, { today, keep, filter, order, ...(period ? { period } : {}), ...(process ? { process } : {}) });
  // The organisation's own form of the list (QP-015's 顾客特定要求清单 with its 发放 and 培训, tester55 C5): its columns, in its order.
  const table = flags.columns !== undefined ? pickColumns(list, columnKeys(flags.columns, list.columns)) : list;
  return emitTable(ctx, table, flags, repo, lang, today);
}

/**
 * The command's filters: what each keeps, and how the list's title and file name say it
 * (`顾客：东岳汽车` / `DYA`). Refuses an unknown customer, status, clause or person.
 */
function csrFilter(rc: RegisterContext, flags: ListCsrFlags, today: string): { keep: (csr: Csr, facts: CsrFacts) => boolean; filter: CsrListFilter } {
  const { repo, index } = rc;
  const tests: ((csr: Csr, facts: CsrFacts) => boolean)[] = [];
  const parts: string[] = [];
  const name: string[] = [];
  if (flags.customer !== undefined) {
    customerOption(rc, flags.customer);
    tests.push((csr) => csr.customer === flags.customer);
    parts.push(t("register.filter.customer", { customer: customerName(rc, flags.customer) }));
    name.push(flags.customer);
  }
  if (flags.status !== undefined) {
    const status = choiceOption(flags.status, "--status", CSR_STATUSES, "received");
    tests.push((_, facts) => facts.status === status);
    parts.push(t("register.filter.status", { status: csrStatusLabel(status, rc.lang) }));
    name.push(status);
  }
  if (flags.overdue) {
    // Which CSRs were reviewed late, as an auditor asks it (tester52 D2): open past the deadline, and those decided or
    // confirmed after it or superseded undecided past it, in the rounds still on record (the review-timeliness register
    // lists the earlier ones); a row's 剩余工作日 says which.
    const config = repo.config?.value;
    const calendar = repositoryCalendar(config);
    tests.push((csr, facts) => (facts.daysLeft !== undefined && facts.daysLeft < 0) || standingReviewRounds(csr, calendar, config, today, index.customers.get(csr.customer)?.value).some((round) => LATE_ROUNDS.includes(round.timeliness)));
    parts.push(t("register.filter.overdue"));
    name.push("overdue");
  }
  if (flags.clause !== undefined) {
    // As csr set and csr process take a clause: "IATF 16949 8.5.2", IATF16949:8.5.2, or a bare 8.5.2
    // when one standard is in scope; a clause the standard's catalog lacks is refused with the nearest one.
    const catalogs = (repo.config?.value.standards ?? []).map((s) => repo.catalogs.get(s)).filter((c): c is Catalog => c !== undefined);
    const clauseParts = clauseOptionParts(repo, flags.clause);
    if (clauseParts.length !== 1) throw new UserError(t("list.clause-format", { value: flags.clause, example: clauseReferenceExample(repo.config?.value.standards) }));
    const wanted = clauseRef(clauseParts[0]!, "--clause", catalogs);
    tests.push((csr) => csr.clauses.some((c) => c === wanted || c.startsWith(`${wanted}.`)));
    parts.push(t("register.filter.clause", { clause: flags.clause }));
    name.push(flags.clause.replace(/\s+/g, ""));
  }
  if (flags.category !== undefined) {
    const category = categoryOption(rc, flags.category);
    tests.push((csr) => csr.category === category);
    parts.push(t("register.filter.category", { category: categoryName(repo.config?.value, category, rc.lang) }));
    name.push(category);
  }
  if (flags.grep !== undefined) {
    const words = flags.grep.map(foldedForSearch);
    if (words.some((word) => word === "")) throw new UserError(t("list.grep-empty"));
    tests.push((csr) => {
      const haystack = searchedText(rc, csr);
      return words.some((word) => haystack.includes(word));
    });
    parts.push(t("register.filter.grep", { words: flags.grep.map((word) => t("register.filter.grep-word", { word })).join(t("register.filter.grep-or")) }));
    name.push(...flags.grep);
  }
  if (flags.owner !== undefined) {
    const owner = resolvePerson(index, flags.owner, "--owner").id;
    tests.push((csr) => csr.implementation?.owner === owner);
    parts.push(t("register.filter.owner", { owner: personName(rc, owner) }));
    name.push(owner);
  }
  return { keep: (csr, facts) => tests.every((test) => test(csr, facts)), filter: { parts, name } };
}

/**
 * The category `--category` names: one of csr.categories in qms.yaml or of those the CSRs carry, as
 * written or by its English name (csr.categories_en, any letter case). Errors: UserError, one line
 * with the categories and the nearest one.
 */
function categoryOption(rc: RegisterContext, given: string): string {
  const config = rc.repo.config?.value;
  const known = [...new Set([...(config?.csr?.categories ?? []), ...rc.repo.csrs.map((c) => c.value.category).filter((c): c is string => c !== undefined)])];
  const wanted = foldedForSearch(given);
  const found = known.find((category) => foldedForSearch(category) === wanted || foldedForSearch(config?.csr?.categories_en?.[category] ?? "") === wanted);
  if (found !== undefined) return found;
  const names = known.map((category) => categoryName(config, category, rc.lang));
  if (names.length === 0) throw new UserError(t("list.no-categories", { category: given }));
  throw new UserError(t("list.unknown-category", { category: given, known: names.join(t("register.list-separator")) }) + didYouMean(given, names));
}

/**
 * Everything of a CSR that `--grep` searches, folded: its id, the section of its source document,
 * its title in both languages, its text, and its category in both languages, one per line so that
 * no word is found across two of them.
 */
function searchedText(rc: RegisterContext, csr: Csr): string {
  const config = rc.repo.config?.value;
  const parts = [csr.id, csr.source.section, csr.title, csr.title_en, csr.text, csr.category, categoryName(config, csr.category, "en")];
  return parts.filter((part): part is string => part !== undefined && part !== "").map(foldedForSearch).join("\n");
}

/** The process `--process` names, by code (any letter case) or name (findProcess); undefined without the option. Errors: UserError, one line with the codes and the nearest one. */
function processOption(rc: RegisterContext, given: string | undefined): Process | undefined {
  if (given === undefined) return undefined;
  return processByCode(rc.repo, given, "list.unknown-process").value;
}
