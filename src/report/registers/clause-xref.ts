/**
 * The clause, process and document cross-reference (条款、过程和文件对照表) in the layout such
 * registers have on paper: one row per clause, then the processes (code and name), the
 * procedures (number and title), the level-3 documents and the level-4 forms that meet it, and the
 * quality manual (level 1) that names it (or, marked, a clause above it): a clause the manual alone covers
 * would otherwise read 已覆盖 with no document in its row. The manual's column comes last, before
 * the coverage, so that the columns before it keep their places in a workbook.
 *
 * A process or released document is listed when it names the clause in `clauses`; one that names
 * only a clause above it is listed with the inherited mark, because it reaches the sub-clause
 * only by inheritance (see model/coverage.ts). Level-3 documents and forms are also listed when a
 * listed procedure names them in `related` or `forms`.
 */
import type { Catalog } from "../../model/catalog.js";
import { clauseCoverage, clauseNumbers, isWithin, procedureCoverage } from "../../model/coverage.js";
import type { ControlledDocument } from "../../model/types.js";
import type { Table } from "../table.js";
import { compareIds, controlledDocuments, documentAsOfNotes, documentsOn, documentTitle, ownDocuments, scopeNotes, t, unreleasedHints, unreleasedNotes, withHints, type RegisterContext } from "./context.js";
import { catalogHints, catalogNotes, catalogTitle, clauseLabel, coverageHints, coverageLabel, coverageNotes, coverageReading, formerColumn, INHERITED, THROUGH_CHILDREN } from "./clauses.js";

type Reach = "direct" | "inherited" | undefined;
interface Listed {
  doc: ControlledDocument;
  how: Reach;
  /** The listed documents it is reached through, when it names no clause of the standard itself. */
  via?: string[];
}

/** Dated `today`: the documents as their records show them that day (documentsOn), as in the clause matrix. */
export function clauseCrossReference(ctx: RegisterContext, catalog: Catalog, options: { today: string }): Table {
  const config = ctx.repo.config?.value;
  const read = coverageReading(ctx, catalog);
  const processes = read(ctx.repo.processes.map((p) => p.value));
  const documents = read(documentsOn(ctx, options.today).list);
  const input = { processes, documents, exclusions: config?.exclusions, inherit: config?.coverage?.inherit_from_parent };
  const coverage = clauseCoverage(catalog, input);
  const unreleased = controlledDocuments(ctx, options.today, () => true).unreleased;
  const released = documents.filter((d) => d.status === "released").sort((a, b) => compareIds(a.id, b.id));
  const byId = new Map(released.map((d) => [d.id, d]));
  // Each entity's clause list is parsed once, not once per clause of the standard.
  const parsed = new Map<readonly string[] | undefined, string[]>();
  const numbersOf = (clauses: readonly string[] | undefined): string[] => {
    let own = parsed.get(clauses);
    if (!own) parsed.set(clauses, (own = clauseNumbers(clauses, catalog.id)));
    return own;
  };
  const reach = (clauses: readonly string[] | undefined, number: string): Reach => {
    const own = numbersOf(clauses);
    if (own.includes(number)) return "direct";
    return own.some((n) => isWithin(number, n)) ? "inherited" : undefined;
  };
  // A document reaches a clause only by naming it or a clause above it (8.5 for 8.5.1): the released
  // documents are looked up by the numbers they name, not each tried against each clause of the
  // standard (195 clauses by 8,000 documents at 10,000 entities).
  const naming = new Map<string, ControlledDocument[]>();
  for (const d of released) {
    for (const n of numbersOf(d.clauses)) {
      const list = naming.get(n);
      if (list) list.push(d);
      else naming.set(n, [d]);
    }
  }
  const position = new Map(released.map((d, i) => [d, i]));
  /** The released documents that may reach a clause, in the order of `released`. */
  const mayReach = (number: string): ControlledDocument[] => {
    const found = new Set(naming.get(number));
    for (let end = number.lastIndexOf("."); end > 0; end = number.lastIndexOf(".", end - 1)) {
      for (const d of naming.get(number.slice(0, end)) ?? []) found.add(d);
    }
    return [...found].sort((a, b) => position.get(a)! - position.get(b)!);
  };
  const label = (text: string, how: Reach) => (how === "inherited" ? `${text} ${INHERITED}` : text);
  const docLabel = (d: ControlledDocument) => `${d.id} ${documentTitle(ctx, d)}`;
  let throughUse = false;
  // Marked ○ as the grid marks a clause reached through other documents; a note says what it means (one mark keeps the column's width).
  const listedLabel = (p: Listed) => {
    if (p.via) throughUse = true;
    return label(p.via ? `${docLabel(p.doc)} ${THROUGH_CHILDREN}` : docLabel(p.doc), p.how);
  };

  const former = formerColumn(ctx, catalog);
  const rows = coverage.entries.map((entry, i) => {
    const { clause, state } = entry;
    const base = {
      no: i + 1,
      number: clause.number,
      ...(former ? { former: former.cell(clause.number) } : {}),
      title: clauseLabel(ctx, catalog, clause),
    };
    if (state === "excluded") {
      return { ...base, processes: "", procedures: "", level3: "", level4: "", manual: "", coverage: coverageLabel(ctx, entry) };
    }
    const candidates = mayReach(clause.number);
    // A document reached through a listed one reaches the clause as that one does; naming the clause itself wins.
    const listed = (level: number, through: readonly Listed[]): Listed[] => {
      const found = new Map<string, Reach>();
      for (const d of candidates) {
        if (d.level !== level) continue;
        const how = reach(d.clauses, clause.number);
        if (how) found.set(d.id, how);
      }
      // A document that names clauses of the standard itself is the evidence for those clauses only, not
      // for every clause of a procedure that uses it (auditor16 F7: 首件鉴定报告 under 7.1.3); one that names
      // none is listed through the documents that use it, and says which.
      const via = new Map<string, string[]>();
      for (const parent of through) {
        for (const id of [...(parent.doc.related ?? []), ...(parent.doc.forms ?? [])]) {
          const d = byId.get(id);
          if (!d || d.level !== level || numbersOf(d.clauses).length > 0) continue;
          if (found.get(id) !== "direct") found.set(id, parent.how === "direct" ? "direct" : "inherited");
          const through = via.get(id) ?? [];
          if (!through.includes(parent.doc.id)) via.set(id, [...through, parent.doc.id]);
        }
      }
      return [...found.entries()].sort(([a], [b]) => compareIds(a, b)).map(([id, how]) => ({ doc: byId.get(id)!, how, ...(via.has(id) ? { via: via.get(id)! } : {}) }));
    };
    const manual = listed(1, []);
    const procs = listed(2, []);
    const level3 = listed(3, procs);
    const level4 = listed(4, [...procs, ...level3]);
    const procesLines = processes.flatMap((p) => {
      const how = reach(p.clauses, clause.number);
      return how ? [label(`${p.code} ${ctx.lang === "en" ? (p.name_en ?? p.name) : p.name}`, how)] : [];
    });
    return {
      ...base,
      processes: procesLines.join("\n"),
      procedures: procs.map((p) => label(docLabel(p.doc), p.how)).join("\n"),
      level3: level3.map(listedLabel).join("\n"),
      level4: level4.map(listedLabel).join("\n"),
      manual: manual.map((p) => label(docLabel(p.doc), p.how)).join("\n"),
      coverage: coverageLabel(ctx, entry),
    };
  });
  return {
    id: "clauses-xref",
    title: catalogTitle(ctx, catalog, t(ctx, "register.clause-xref.title")),
    sheet: t(ctx, "register.clause-xref.sheet", { catalog: catalog.id }),
    columns: [
      { key: "no", header: t(ctx, "register.clause-xref.column.no"), kind: "number" },
      { key: "number", header: t(ctx, "register.clause-xref.column.number"), kind: "id" },
      ...(former ? [former.column] : []),
      { key: "title", header: t(ctx, "register.clause-xref.column.title") },
      { key: "processes", header: t(ctx, "register.clause-xref.column.processes") },
      { key: "procedures", header: t(ctx, "register.clause-xref.column.procedures") },
      { key: "level3", header: t(ctx, "register.clause-xref.column.level3") },
      { key: "level4", header: t(ctx, "register.clause-xref.column.level4") },
      { key: "manual", header: t(ctx, "register.clause-xref.column.manual") },
      { key: "coverage", header: t(ctx, "register.clause-xref.column.coverage"), kind: "code" },
    ],
    rows,
    notes: [...scopeNotes(ctx), ...coverageNotes(ctx, coverage, procedureCoverage(catalog, input), false), ...catalogNotes(ctx, catalog), ...(throughUse ? [t(ctx, "register.clause-xref.via", { mark: THROUGH_CHILDREN })] : []), ...unreleasedNotes(ctx, unreleased), ...documentAsOfNotes(ctx, options.today, ownDocuments(ctx))],
    ...withHints([...coverageHints(ctx, coverage), ...catalogHints(ctx, catalog), ...unreleasedHints(ctx, unreleased)]),
  };
}
