/**
 * The two CSR registers: the CSR list (顾客特定要求清单) that the CSR procedure names as its
 * record, and the CSR matrix (顾客特定要求矩阵) of IATF 16949 7.5.1.1 showing where each
 * requirement is addressed in the organisation's own documents.
 */
import { repositoryCalendar } from "../../load/calendar.js";
import { csrFacts, csrStatus, csrStatusLabel, type CsrFacts } from "../../model/csr-status.js";
import { changedEnds } from "../../model/fingerprint.js";
import { addressedSectionLabel } from "../../model/sections.js";
import type { Csr, Disposition } from "../../model/types.js";
import type { Table } from "../table.js";
import { clauseList, compareIds, customerName, documentTitle, documentVersion, personName, t, type RegisterContext } from "./context.js";

const DISPOSITION: Record<Disposition, [string, string]> = {
  must: ["必须满足", "must"],
  optional: ["可选", "optional"],
  "not-applicable": ["不适用", "not applicable"],
  rejected: ["不合理", "rejected"],
};

function sortedCsrs(ctx: RegisterContext, customer?: string): Csr[] {
  return ctx.repo.csrs
    .map((c) => c.value)
    .filter((c) => customer === undefined || c.customer === customer)
    .sort((a, b) => compareIds(a.customer, b.customer) || compareIds(a.id, b.id));
}


/** A pinned link: confirmed, or suspect because one end changed since (csr/suspect-link). */
function linkLabel(ctx: RegisterContext, changed: { section: boolean; csr: boolean }): string {
  if (changed.section && changed.csr) return t(ctx, "可疑：要求和章节均已变更", "suspect: requirement and section changed");
  if (changed.section) return t(ctx, "可疑：章节已变更", "suspect: section changed");
  if (changed.csr) return t(ctx, "可疑：要求已变更", "suspect: requirement changed");
  return t(ctx, "已确认", "confirmed");
}

function sourceTitle(ctx: RegisterContext, csr: Csr): string {
  const source = ctx.index.customers.get(csr.customer)?.value.sources?.find((s) => s.id === csr.source.document);
  if (!source) return csr.source.document;
  return ctx.lang === "en" ? (source.title_en ?? source.title) : source.title;
}

function statusOf(ctx: RegisterContext, csr: Csr): string {
  return csrStatusLabel(csrStatus(csr, (id) => ctx.index.documents.get(id)?.value.status), ctx.lang);
}

function dispositionOf(ctx: RegisterContext, csr: Csr): string {
  const d = csr.review?.decision?.disposition;
  return d ? t(ctx, ...DISPOSITION[d]) : "";
}

function csrTitle(ctx: RegisterContext, csr: Csr): string {
  return ctx.lang === "en" ? (csr.title_en ?? csr.title) : csr.title;
}

/**
 * The CSR list (顾客特定要求清单), the one definition behind `csr list csr` and the export's sheet:
 * every fact of a requirement that a list can carry (what it is, the decision, who implements it by
 * when, where it is addressed), and, on `today`, the review deadline and the working days left of
 * an open review. `csr import --as csr` reads it back, so a workbook round-trips; the derived
 * columns (review due, days left) are recomputed, not imported. `keep` narrows the rows (the
 * command's filters); a terminal shows the columns of `terminal` only.
 */
export function csrList(ctx: RegisterContext, options: { today: string; customer?: string; keep?: (csr: Csr, facts: CsrFacts) => boolean }): Table {
  const config = ctx.repo.config?.value;
  const factsContext = { config, calendar: repositoryCalendar(config), documentStatus: (id: string) => ctx.index.documents.get(id)?.value.status, today: options.today };
  const rows = sortedCsrs(ctx, options.customer)
    .map((csr) => ({ csr, facts: csrFacts(csr, factsContext) }))
    .filter(({ csr, facts }) => options.keep?.(csr, facts) ?? true);
  const overdue = rows.filter((r) => r.facts.daysLeft !== undefined && r.facts.daysLeft < 0).length;
  return {
    id: "csr-list",
    title: ctx.lang === "en" ? `Customer-specific requirements list (${rows.length} in total)` : `顾客特定要求清单（共 ${rows.length} 项）`,
    sheet: t(ctx, "顾客特定要求清单", "CSR list"),
    columns: [
      { key: "no", header: t(ctx, "序号", "No.") },
      { key: "id", header: t(ctx, "编号", "ID") },
      { key: "customer", header: t(ctx, "顾客代码", "Customer") },
      { key: "customerName", header: t(ctx, "顾客名称", "Customer name") },
      { key: "source", header: t(ctx, "来源文件", "Source document") },
      { key: "revision", header: t(ctx, "来源版本", "Source revision") },
      { key: "section", header: t(ctx, "章节", "Section") },
      { key: "clauses", header: t(ctx, "条款", "Clauses") },
      { key: "title", header: t(ctx, "要求名称", "Title") },
      { key: "text", header: t(ctx, "要求内容", "Requirement") },
      { key: "category", header: t(ctx, "类别", "Category") },
      { key: "received", header: t(ctx, "接收日期", "Received"), date: true },
      { key: "reviewDue", header: t(ctx, "评审期限", "Review due"), date: true },
      { key: "daysLeft", header: t(ctx, "剩余工作日", "Working days left") },
      { key: "disposition", header: t(ctx, "处置", "Disposition") },
      { key: "decidedBy", header: t(ctx, "决定人", "Decided by") },
      { key: "decided", header: t(ctx, "决定日期", "Decided on"), date: true },
      { key: "justification", header: t(ctx, "处置理由", "Justification") },
      { key: "owner", header: t(ctx, "负责人", "Owner") },
      { key: "due", header: t(ctx, "完成期限", "Due"), date: true },
      { key: "addressed", header: t(ctx, "落实文件", "Addressed in") },
      { key: "status", header: t(ctx, "状态", "Status") },
    ],
    terminal: ["id", "customer", "title", "clauses", "status", "reviewDue", "daysLeft", "owner"],
    rows: rows.map(({ csr, facts }, i) => ({
      no: i + 1,
      id: csr.id,
      customer: csr.customer,
      customerName: customerName(ctx, csr.customer),
      source: csr.source.document,
      revision: csr.source.revision,
      section: csr.source.section ?? "",
      clauses: clauseList(ctx, csr.clauses),
      title: csrTitle(ctx, csr),
      text: csr.text ?? "",
      category: csr.category ?? "",
      received: csr.received,
      reviewDue: facts.due ?? null,
      daysLeft: facts.daysLeft ?? null,
      disposition: dispositionOf(ctx, csr),
      decidedBy: personName(ctx, csr.review?.decision?.by),
      decided: csr.review?.decision?.date ?? null,
      justification: csr.review?.decision?.justification ?? "",
      owner: personName(ctx, csr.implementation?.owner),
      due: csr.implementation?.due ?? null,
      // One place per line, number first, as `csr import --as csr` reads it back.
      addressed: (csr.addressed ?? []).map((a) => (a.section ? `${a.document} ${a.section}` : a.document)).join("\n"),
      status: csrStatusLabel(facts.status, ctx.lang),
    })),
    notes: [
      t(
        ctx,
        `评审逾期 ${overdue} 项。评审期限和剩余工作日按 qms.yaml 的工作日历计算，只对评审中的要求列出；负数为逾期的工作日数。`,
        `Review overdue: ${overdue}. Review due and working days left follow the calendar in qms.yaml and are shown while the review is open; a negative number is working days late.`,
      ),
    ],
  };
}

/** One row per place a requirement is addressed; a requirement addressed nowhere yet still has its row. */
export function csrMatrix(ctx: RegisterContext, options: { customer?: string } = {}): Table {
  const csrs = sortedCsrs(ctx, options.customer);
  let suspect = 0;
  const rows = csrs.flatMap((csr) => {
    const base = {
      customer: customerName(ctx, csr.customer),
      source: sourceTitle(ctx, csr),
      revision: csr.source.revision,
      id: csr.id,
      clauses: clauseList(ctx, csr.clauses),
      summary: csrTitle(ctx, csr),
      disposition: dispositionOf(ctx, csr),
      owner: personName(ctx, csr.implementation?.owner),
      status: statusOf(ctx, csr),
      evidence: csr.implementation?.evidence ?? "",
    };
    const places = csr.addressed ?? [];
    if (places.length === 0) return [{ ...base, document: "", section: "", version: "", docTitle: "", link: "" }];
    return places.map((place) => {
      const doc = ctx.index.documents.get(place.document)?.value;
      const changed = doc && !csr.superseded ? changedEnds(csr, place, doc) : undefined;
      if (changed && (changed.section || changed.csr)) suspect++;
      return {
        ...base,
        document: place.document,
        section: addressedSectionLabel(doc, place.section, ctx.lang),
        version: doc ? documentVersion(doc) : "",
        docTitle: doc ? documentTitle(ctx, doc) : "",
        link: changed ? linkLabel(ctx, changed) : "",
      };
    });
  });
  const unaddressed = csrs.filter((c) => (c.addressed ?? []).length === 0 && c.review?.decision && ["must", "optional"].includes(c.review.decision.disposition));
  return {
    id: "csr-matrix",
    title: t(ctx, "顾客特定要求矩阵", "Customer-specific requirements matrix"),
    sheet: t(ctx, "顾客特定要求矩阵", "CSR matrix"),
    columns: [
      { key: "customer", header: t(ctx, "顾客", "Customer") },
      { key: "source", header: t(ctx, "来源文件", "Source document") },
      { key: "revision", header: t(ctx, "版本", "Revision") },
      { key: "id", header: t(ctx, "编号", "CSR") },
      { key: "clauses", header: t(ctx, "条款", "Clauses") },
      { key: "summary", header: t(ctx, "要求摘要", "Requirement") },
      { key: "disposition", header: t(ctx, "处置", "Disposition") },
      { key: "document", header: t(ctx, "落实文件", "Addressed in") },
      { key: "section", header: t(ctx, "章节", "Section") },
      { key: "version", header: t(ctx, "现行版本", "Version") },
      { key: "docTitle", header: t(ctx, "文件名称", "Document title") },
      { key: "link", header: t(ctx, "链接状态", "Link") },
      { key: "owner", header: t(ctx, "负责人", "Owner") },
      { key: "status", header: t(ctx, "状态", "Status") },
      { key: "evidence", header: t(ctx, "证据", "Evidence") },
    ],
    rows,
    notes: [
      ...(unaddressed.length
        ? [t(ctx, `尚未落实到文件的要求：${unaddressed.map((c) => c.id).join("、")}`, `Not yet addressed in any document: ${unaddressed.map((c) => c.id).join(", ")}`)]
        : []),
      ...(suspect > 0
        ? [t(ctx, `可疑链接 ${suspect} 处：要求或落实章节在链接确认后已变更，核实后用 csr address --confirm 确认。`, `${suspect} suspect link(s): the requirement or the addressing section changed since the link was confirmed; check, then confirm with csr address --confirm.`)]
        : []),
    ],
  };
}
