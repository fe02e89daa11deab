/** `csr list`: the CSR list (顾客特定要求清单) with derived status and review deadlines. */
import { UserError } from "../../core/errors.js";
import { didYouMean } from "../../core/text.js";
import { findRoot } from "../../load/discover.js";
import { loadRepository, type Repository } from "../../load/repository.js";
import { repositoryCalendar } from "../../load/calendar.js";
import { parseClauseRef } from "../../model/catalog.js";
import { CSR_STATUSES, csrFacts, csrStatusLabel, type CsrFacts } from "../../model/csr-status.js";
import type { RepoIndex } from "../../model/index.js";
import type { Csr } from "../../model/types.js";
import { personName, registerContext } from "../../report/registers/context.js";
import type { Table } from "../../report/table.js";
import type { CommandContext } from "../context.js";
import { emitTable, languageOf, type OutputFlags } from "../shared/output.js";
import { choiceOption, dateOption } from "../options.js";

export type Lang = "zh-CN" | "en";

export interface ListCsrFlags extends OutputFlags {
  customer?: string;
  status?: string;
  overdue?: boolean;
  clause?: string;
  owner?: string;
  today?: string;
}

const HEADERS: Record<Lang, Record<string, string>> = {
  "zh-CN": { id: "编号", customer: "顾客", title: "标题", clauses: "条款", status: "状态", due: "评审期限", days_left: "剩余工作日", owner: "实施负责人" },
  en: { id: "ID", customer: "Customer", title: "Title", clauses: "Clauses", status: "Status", due: "Review due", days_left: "Working days left", owner: "Owner" },
};

export interface CsrRow {
  csr: Csr;
  facts: CsrFacts;
}

/** Every CSR with its derived facts on `today`, in id order. */
export function csrRows(repo: Repository, today: string, index: RepoIndex): CsrRow[] {
  const config = repo.config?.value;
  const ctx = { config, calendar: repositoryCalendar(config), documentStatus: (id: string) => index.documents.get(id)?.value.status, today };
  return repo.csrs
    .map(({ value }) => ({ csr: value, facts: csrFacts(value, ctx) }))
    .sort((a, b) => (a.csr.id < b.csr.id ? -1 : a.csr.id > b.csr.id ? 1 : 0));
}

export async function listCsrCommand(ctx: CommandContext, flags: ListCsrFlags): Promise<number> {
  const today = dateOption(flags.today, "--today");
  const repo = loadRepository(findRoot(ctx.dir));
  const lang = languageOf();
  const names = registerContext(repo, lang);
  const rows = csrRows(repo, today, names.index).filter(filter(repo, flags));
  return emitTable(ctx, csrTable(rows, lang, today, (id) => personName(names, id)), flags, repo, lang, today);
}

function filter(repo: Repository, flags: ListCsrFlags): (row: CsrRow) => boolean {
  const tests: ((row: CsrRow) => boolean)[] = [];
  if (flags.customer !== undefined) {
    const codes = repo.customers.map((c) => c.value.code);
    if (!codes.includes(flags.customer)) throw new UserError(`--customer: unknown customer '${flags.customer}'.${didYouMean(flags.customer, codes)}`);
    tests.push(({ csr }) => csr.customer === flags.customer);
  }
  if (flags.status !== undefined) {
    const status = choiceOption(flags.status, "--status", CSR_STATUSES, "received");
    tests.push(({ facts }) => facts.status === status);
  }
  if (flags.overdue) tests.push(({ facts }) => facts.daysLeft !== undefined && facts.daysLeft < 0);
  if (flags.clause !== undefined) {
    const ref = parseClauseRef(flags.clause);
    if (!ref) throw new UserError(`--clause expects STANDARD:CLAUSE, e.g. IATF16949:8.3; got '${flags.clause}'.`);
    const wanted = `${ref.standard}:${ref.clause}`;
    tests.push(({ csr }) => csr.clauses.some((c) => c === wanted || c.startsWith(`${wanted}.`)));
  }
  if (flags.owner !== undefined) {
    // Registers print names, so the owner may be given by id or by name.
    const owner = repo.people.find((p) => p.value.id === flags.owner || p.value.name === flags.owner || p.value.name_en === flags.owner)?.value.id ?? flags.owner;
    tests.push(({ csr }) => csr.implementation?.owner === owner);
  }
  return (row) => tests.every((t) => t(row));
}

/** `personName` turns the owner's id into the name printed on registers. */
export function csrTable(rows: readonly CsrRow[], lang: Lang, today: string, personName: (id: string) => string = (id) => id): Table {
  const headers = HEADERS[lang];
  const overdue = rows.filter((r) => r.facts.daysLeft !== undefined && r.facts.daysLeft < 0).length;
  return {
    id: "csr-list",
    title: lang === "en" ? `Customer-specific requirements (${rows.length}, as of ${today})` : `顾客特定要求清单（共 ${rows.length} 项，截至 ${today}）`,
    sheet: lang === "en" ? "CSR list" : "顾客特定要求清单",
    columns: [
      { key: "id", header: headers.id! },
      { key: "customer", header: headers.customer! },
      { key: "title", header: headers.title! },
      { key: "clauses", header: headers.clauses! },
      { key: "status", header: headers.status! },
      { key: "due", header: headers.due!, date: true },
      { key: "days_left", header: headers.days_left! },
      { key: "owner", header: headers.owner! },
    ],
    rows: rows.map(({ csr, facts }) => ({
      id: csr.id,
      customer: csr.customer,
      title: lang === "en" ? (csr.title_en ?? csr.title) : csr.title,
      clauses: csr.clauses.join(", "),
      status: csrStatusLabel(facts.status, lang),
      due: facts.due ?? null,
      days_left: facts.daysLeft ?? null,
      owner: csr.implementation?.owner ? personName(csr.implementation.owner) : null,
    })),
    notes: [
      lang === "en"
        ? `Review overdue: ${overdue}. Working days follow the calendar in qms.yaml; a negative number is working days late.`
        : `评审逾期 ${overdue} 项。剩余工作日按 qms.yaml 的工作日历计算，负数为逾期的工作日数。`,
    ],
  };
}
