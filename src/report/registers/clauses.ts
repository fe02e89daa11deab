/**
 * The clause matrix (条款与过程、文件对照表): the clauses of one standard against the processes
 * and released procedures. "●" marks a process or procedure that lists the clause itself; "△"
 * one that lists only a clause above it (the sub-clause is inherited, not named); "○" one that
 * reaches it only through its children: for a process the documents it lists, for a procedure
 * the forms and related documents it lists. Coverage follows src/model/coverage.ts, the same
 * definition as the coverage/clause-uncovered rule.
 */
import { clauseTitle, type Catalog } from "../../model/catalog.js";
import { clauseCoverage, clauseNumbers, coveragePercent, isWithin, type ClauseCoverage, type CoverageState } from "../../model/coverage.js";
import type { ControlledDocument } from "../../model/types.js";
import type { Cell, Table } from "../table.js";
import { compareIds, t, type RegisterContext } from "./context.js";

export const DIRECT = "●";
export const INHERITED = "△";
export const THROUGH_CHILDREN = "○";

/** The matrix's title; a provisional catalog (numbering not verified) says so in the title itself. */
export function catalogTitle(ctx: RegisterContext, catalog: Catalog, what: string): string {
  const provisional = catalog.provisional ? t(ctx, "（暂定条款目录）", " (provisional catalog)") : "";
  return ctx.lang === "en" ? `${catalog.title}${provisional}: ${what}` : `${catalog.title}${provisional} ${what}`;
}

/** The catalog's own note under a provisional catalog, so that a reader knows which numbers are not verified. */
export function catalogNotes(ctx: RegisterContext, catalog: Catalog): string[] {
  if (!catalog.provisional) return [];
  return [
    t(
      ctx,
      `暂定条款目录：${catalog.title} 的条款编号未全部与正式标准核对，可在本库 standards/${catalog.id}.yaml 中修正或补充。`,
      `Provisional catalog: not every clause number of ${catalog.title} is verified against the published standard; correct or extend it in standards/${catalog.id}.yaml of this repository.${catalog.note ? ` ${catalog.note}` : ""}`,
    ),
  ];
}

export function coverageLabel(ctx: RegisterContext, state: CoverageState, justification?: string): string {
  switch (state) {
    case "covered":
      return t(ctx, "已覆盖", "covered");
    case "inherited":
      return t(ctx, `${INHERITED} 由上级条款继承`, `${INHERITED} inherited from a parent clause`);
    case "uncovered":
      return t(ctx, "未覆盖", "not covered");
    case "excluded":
      return `${t(ctx, "不适用", "not applicable")}${t(ctx, "：", ": ")}${justification ?? ""}`;
  }
}

/** The coverage line, the legend and the clauses not covered (inherited ones too, unless they count). */
export function coverageNotes(ctx: RegisterContext, coverage: ClauseCoverage, grid: boolean): string[] {
  const percent = coveragePercent(coverage);
  const inherited = coverage.entries.filter((e) => e.state === "inherited").length;
  const open = coverage.entries.filter((e) => e.state === "uncovered" || (e.state === "inherited" && !coverage.inherit));
  return [
    t(ctx, `覆盖率：${coverage.covered}/${coverage.applicable} (${percent}%)`, `Coverage: ${coverage.covered}/${coverage.applicable} (${percent}%)`),
    grid
      ? t(ctx, `${DIRECT} 直接对应；${INHERITED} 仅对应上级条款（继承）；${THROUGH_CHILDREN} 通过下级文件对应`, `${DIRECT} addressed directly; ${INHERITED} only a parent clause is named (inherited); ${THROUGH_CHILDREN} through the documents it lists`)
      : t(ctx, `${INHERITED} 仅对应上级条款（继承）`, `${INHERITED} only a parent clause is named (inherited)`),
    ...(inherited > 0
      ? [
          coverage.inherit
            ? t(ctx, `由上级条款继承的 ${inherited} 条按 qms.yaml coverage.inherit_from_parent 计为已覆盖。`, `${inherited} inherited clause(s) count as covered (qms.yaml coverage.inherit_from_parent).`)
            : t(ctx, `由上级条款继承的 ${inherited} 条不计为已覆盖：请在文件中直接对应，或在 qms.yaml 设置 coverage.inherit_from_parent。`, `${inherited} inherited clause(s) do not count as covered: name them directly, or set coverage.inherit_from_parent in qms.yaml.`),
        ]
      : []),
    ...open.map((e) => {
      const label = e.state === "inherited" ? t(ctx, "仅继承", "Inherited only") : t(ctx, "未覆盖", "Not covered");
      return `${label}${t(ctx, "：", ": ")}${e.clause.number} ${clauseTitle(e.clause, ctx.lang)}`.trimEnd();
    }),
  ];
}

export function clauseMatrix(ctx: RegisterContext, catalog: Catalog): Table {
  const config = ctx.repo.config?.value;
  const processes = ctx.repo.processes.map((p) => p.value);
  const documents = ctx.repo.documents.map((d) => d.value);
  const coverage = clauseCoverage(catalog, { processes, documents, exclusions: config?.exclusions, inherit: config?.coverage?.inherit_from_parent });
  const released = (id: string) => {
    const doc = ctx.index.documents.get(id)?.value;
    return doc?.status === "released" ? doc : undefined;
  };
  const procedures = documents.filter((d) => d.level === 2 && d.status === "released").sort((a, b) => compareIds(a.id, b.id));
  const numbersOf = (refs: readonly string[] | undefined) => clauseNumbers(refs, catalog.id);
  const childrenNumbers = (ids: readonly string[]) =>
    ids.flatMap((id) => {
      const doc = released(id);
      return doc ? numbersOf(doc.clauses) : [];
    });
  const columns = [
    ...processes.map((p) => ({ key: `p:${p.code}`, header: p.code, own: numbersOf(p.clauses), through: childrenNumbers(p.documents ?? []) })),
    ...procedures.map((d: ControlledDocument) => ({
      key: `d:${d.id}`,
      header: d.id,
      own: numbersOf(d.clauses),
      through: childrenNumbers([...(d.forms ?? []), ...(d.related ?? [])]),
    })),
  ];
  const mark = (number: string, own: string[], through: string[]): string =>
    own.includes(number) ? DIRECT : own.some((n) => isWithin(number, n)) ? INHERITED : through.some((n) => isWithin(number, n)) ? THROUGH_CHILDREN : "";

  const rows = coverage.entries.map(({ clause, state, justification }) => {
    const row: Record<string, Cell> = {
      number: clause.number,
      title: clauseTitle(clause, ctx.lang),
      coverage: coverageLabel(ctx, state, justification),
    };
    for (const c of columns) row[c.key] = state === "excluded" ? "" : mark(clause.number, c.own, c.through);
    return row;
  });
  return {
    id: "clauses",
    title: catalogTitle(ctx, catalog, t(ctx, "条款与过程、文件对照表", "clauses against processes and documents")),
    sheet: t(ctx, `条款对照表 ${catalog.id}`, `Clauses ${catalog.id}`),
    columns: [
      { key: "number", header: t(ctx, "条款", "Clause") },
      { key: "title", header: t(ctx, "条款名称", "Title") },
      ...columns.map((c) => ({ key: c.key, header: c.header })),
      { key: "coverage", header: t(ctx, "覆盖", "Coverage") },
    ],
    rows,
    notes: [...coverageNotes(ctx, coverage, true), ...catalogNotes(ctx, catalog)],
  };
}
