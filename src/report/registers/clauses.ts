/**
 * The clause matrix (条款与过程、文件对照表): the clauses of one standard against the processes
 * and released procedures. "●" marks a process or procedure that lists the clause (or a clause
 * above it) itself; "○" one that reaches it only through its children: for a process the
 * documents it lists, for a procedure the forms and related documents it lists. Coverage
 * follows src/model/coverage.ts, the same definition as the coverage/clause-uncovered rule.
 */
import { clauseTitle, type Catalog } from "../../model/catalog.js";
import { clauseCoverage, clauseNumbers, coveragePercent, isWithin } from "../../model/coverage.js";
import type { ControlledDocument } from "../../model/types.js";
import type { Cell, Table } from "../table.js";
import { compareIds, t, type RegisterContext } from "./context.js";

export const DIRECT = "●";
export const THROUGH_CHILDREN = "○";

export function clauseMatrix(ctx: RegisterContext, catalog: Catalog): Table {
  const config = ctx.repo.config?.value;
  const processes = ctx.repo.processes.map((p) => p.value);
  const documents = ctx.repo.documents.map((d) => d.value);
  const coverage = clauseCoverage(catalog, { processes, documents, exclusions: config?.exclusions });
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
    own.some((n) => isWithin(number, n)) ? DIRECT : through.some((n) => isWithin(number, n)) ? THROUGH_CHILDREN : "";
  const stateLabel = { covered: t(ctx, "已覆盖", "covered"), uncovered: t(ctx, "未覆盖", "not covered"), excluded: t(ctx, "不适用", "not applicable") };

  const rows = coverage.entries.map(({ clause, state, justification }) => {
    const row: Record<string, Cell> = {
      number: clause.number,
      title: clauseTitle(clause, ctx.lang),
      coverage: state === "excluded" ? `${stateLabel.excluded}${t(ctx, "：", ": ")}${justification}` : stateLabel[state],
    };
    for (const c of columns) row[c.key] = state === "excluded" ? "" : mark(clause.number, c.own, c.through);
    return row;
  });
  const uncovered = coverage.entries.filter((e) => e.state === "uncovered");
  const percent = coveragePercent(coverage);
  return {
    id: "clauses",
    title: t(ctx, `${catalog.title} 条款与过程、文件对照表`, `${catalog.title} clauses against processes and documents`),
    sheet: t(ctx, `条款对照表 ${catalog.id}`, `Clauses ${catalog.id}`),
    columns: [
      { key: "number", header: t(ctx, "条款", "Clause") },
      { key: "title", header: t(ctx, "条款名称", "Title") },
      ...columns.map((c) => ({ key: c.key, header: c.header })),
      { key: "coverage", header: t(ctx, "覆盖", "Coverage") },
    ],
    rows,
    notes: [
      t(ctx, `覆盖率：${coverage.covered}/${coverage.applicable} (${percent}%)`, `Coverage: ${coverage.covered}/${coverage.applicable} (${percent}%)`),
      t(ctx, `${DIRECT} 直接对应；${THROUGH_CHILDREN} 通过下级文件对应`, `${DIRECT} addressed directly; ${THROUGH_CHILDREN} through the documents it lists`),
      ...uncovered.map((e) => t(ctx, `未覆盖：${e.clause.number} ${clauseTitle(e.clause, "zh-CN")}`, `Not covered: ${e.clause.number} ${clauseTitle(e.clause, "en")}`).trimEnd()),
    ],
  };
}
