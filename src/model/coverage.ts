/**
 * Clause coverage: which clauses of a standard the quality system addresses. The clause matrix's
 * coverage line and the coverage/clause-uncovered rule both use this one definition:
 *
 * - A clause is addressed directly when a process or a released document lists it in `clauses`.
 * - A clause is covered when it is addressed directly, or when it has applicable sub-clauses and
 *   all of them are covered (a heading is covered once everything under it is).
 * - A clause that is not covered but lies under a clause addressed directly is inherited: the
 *   document names only the parent (8.5), not this sub-clause (8.5.1). Inherited clauses count as
 *   covered only when qms.yaml says a parent covers its sub-clauses (`coverage.inherit_from_parent`),
 *   because an auditor asks where each sub-clause is met.
 * - A clause is not applicable when it or an ancestor is excluded in qms.yaml `exclusions`;
 *   it counts neither as covered nor as uncovered.
 * - An untitled paragraph (ISO 9001 / GB/T 19001 number such as 8.7.1 with no heading of its own and
 *   no clauses under it) is part of the titled clause above it: naming that clause (8.7) covers it.
 *   It is counted as every numbered clause of the standard is, so that the ratio is over the clauses the
 *   standard numbers, whatever the catalog gives a title (tester67a A12: 4.4.2 and 8.7.2 were left out
 *   while the equally untitled 4.4.1 and 6.1.2 of IATF 16949, which have clauses under them, were counted).
 *   Naming every paragraph of a clause still covers the clause.
 * - A clause covered that no procedure, work instruction or form covers by this definition rests on the quality
 *   manual (which names every clause) or on processes.yaml alone: its entry says so (`basis`), and the matrix and
 *   the heat map tell it apart from a clause a lower-level document answers.
 */
import { parseClauseRef, type Catalog, type Clause } from "./catalog.js";
import type { ControlledDocument, Process, QmsConfig } from "./types.js";

export type CoverageState = "covered" | "inherited" | "uncovered" | "excluded";

export interface ClauseCoverageEntry {
  clause: Clause;
  state: CoverageState;
  /** An untitled paragraph (see above): covered where the titled clause it belongs to is named. */
  paragraph?: true;
  /** For excluded clauses: the justification given in qms.yaml (of the clause or the excluded ancestor). */
  justification?: string;
  /**
   * For a clause counted as covered that no document below the quality manual covers (procedures, work
   * instructions, forms: levels 2–4): `manual`, it is covered only with the manual (level 1), which names every
   * clause; `process`, only processes.yaml names it, no document at all. Covered on paper, answered by no
   * procedure or lower-level document an auditor can trace it to (tester68 G10).
   */
  basis?: "manual" | "process";
}

export interface ClauseCoverage {
  standard: string;
  /** Every clause of the catalog, in catalog order. */
  entries: ClauseCoverageEntry[];
  /** Covered clauses, with the inherited ones when they count (`inherit`). */
  covered: number;
  /** The clauses not excluded, untitled paragraphs included. */
  applicable: number;
  /** The applicable untitled paragraphs (8.7.2, 10.2.2): counted, said on the coverage line. */
  paragraphs: number;
  /** Inherited clauses count as covered (qms.yaml `coverage.inherit_from_parent`). */
  inherit: boolean;
}

export interface CoverageInput {
  processes: readonly Process[];
  documents: readonly ControlledDocument[];
  exclusions: QmsConfig["exclusions"];
  /** qms.yaml `coverage.inherit_from_parent`: a clause addressed directly covers the clauses under it. */
  inherit?: boolean;
}

/** Clause numbers of `standard` in a list of clause references. */
export function clauseNumbers(refs: readonly string[] | undefined, standard: string): string[] {
  const out: string[] = [];
  for (const text of refs ?? []) {
    const ref = parseClauseRef(text);
    if (ref && ref.standard === standard) out.push(ref.clause);
  }
  return out;
}

/** True when `number` is `addressed` or lies under it (8.5.1 lies under 8.5). */
export function isWithin(number: string, addressed: string): boolean {
  return number === addressed || number.startsWith(`${addressed}.`);
}

/**
 * What a clause's coverage rests on, nearest first: a document below the quality manual (a procedure, work instruction
 * or form, which an auditor traces a clause to), the manual, processes.yaml; NONE, nothing. Coverage only grows as
 * sources are added (a clause covered with some sources stays covered with more), so one walk over the catalog gives
 * each clause the nearest source it is covered with: its state with all of them and its `basis` together, rather than
 * one walk with everything, one with the documents alone and one with those below the manual.
 */
const BELOW_MANUAL = 0;
const MANUAL = 1;
const PROCESS = 2;
const NONE = 3;

export function clauseCoverage(catalog: Catalog, input: CoverageInput): ClauseCoverage {
  const standard = catalog.id;
  const inherit = input.inherit === true;
  /** Each clause named directly, with the nearest source naming it. */
  const named = new Map<string, number>();
  const name = (numbers: readonly string[], source: number) => {
    for (const n of numbers) if ((named.get(n) ?? NONE) > source) named.set(n, source);
  };
  for (const p of input.processes) name(clauseNumbers(p.clauses, standard), PROCESS);
  for (const d of input.documents) if (d.status === "released") name(clauseNumbers(d.clauses, standard), d.level === 1 ? MANUAL : BELOW_MANUAL);
  const nearest = (numbers: readonly string[], from = 0) => {
    let source = NONE;
    for (let i = from; i < numbers.length; i++) source = Math.min(source, named.get(numbers[i]!) ?? NONE);
    return source;
  };
  const exclusions = (input.exclusions ?? []).flatMap((e) => {
    const ref = parseClauseRef(e.clause);
    return ref && ref.standard === standard ? [{ clause: ref.clause, justification: e.justification }] : [];
  });

  const children = new Map<string, Clause[]>();
  for (const clause of catalog.clauses.values()) {
    if (clause.parent === null) continue;
    const list = children.get(clause.parent) ?? [];
    list.push(clause);
    children.set(clause.parent, list);
  }
  /** A lineage (the clause, then the clauses above it) up to and including its first titled clause. */
  const upToTitled = (lineage: string[]): string[] => {
    const titled = lineage.findIndex((n) => hasTitle(catalog.clauses.get(n)!));
    return titled < 0 ? lineage : lineage.slice(0, titled + 1);
  };
  const ancestorsOrSelf = (clause: Clause): string[] => {
    const out: string[] = [];
    for (let c: Clause | undefined = clause; c; c = c.parent === null ? undefined : catalog.clauses.get(c.parent)) out.push(c.number);
    return out;
  };

  const state = new Map<string, ClauseCoverageEntry>();
  /** The nearest source with which a clause counts as covered (NONE: it does not), for the clauses walked so far. */
  const counted = new Map<string, number>();
  // Children come after their parent in catalog order, so walking backwards sees them first.
  for (const clause of [...catalog.clauses.values()].reverse()) {
    const lineage = ancestorsOrSelf(clause);
    const paragraph = isParagraph(clause, children);
    const exclusion = exclusions.find((e) => lineage.includes(e.clause));
    if (exclusion) {
      state.set(clause.number, { clause, state: "excluded", justification: exclusion.justification, ...(paragraph ? { paragraph } : {}) });
      continue;
    }
    const applicableChildren = (children.get(clause.number) ?? []).filter((c) => state.get(c.number)?.state !== "excluded");
    // A paragraph is met where the clause it belongs to is: its own number up to the first titled one.
    const own = paragraph ? upToTitled(lineage) : [clause.number];
    // Covered with the sources up to the one naming it, or up to the farthest its applicable children all count with.
    let fromChildren = applicableChildren.length > 0 ? BELOW_MANUAL : NONE;
    for (const c of applicableChildren) fromChildren = Math.max(fromChildren, counted.get(c.number)!);
    const covered = Math.min(nearest(own), fromChildren);
    const fromAbove = nearest(lineage, own.length);
    const counts = inherit ? Math.min(covered, fromAbove) : covered;
    counted.set(clause.number, counts);
    state.set(clause.number, {
      clause,
      state: covered < NONE ? "covered" : fromAbove < NONE ? "inherited" : "uncovered",
      ...(paragraph ? { paragraph } : {}),
      ...(counts > BELOW_MANUAL && counts < NONE ? { basis: counts === MANUAL ? ("manual" as const) : ("process" as const) } : {}),
    });
  }
  const entries = [...catalog.clauses.values()].map((clause) => state.get(clause.number)!);
  const notExcluded = entries.filter((e) => e.state !== "excluded");
  const applicable = notExcluded.length;
  const covered = notExcluded.filter((e) => countsAsCovered({ inherit }, e)).length;
  const paragraphs = notExcluded.filter((e) => e.paragraph).length;
  return { standard, entries, covered, applicable, paragraphs, inherit };
}

/**
 * The coverage by procedures alone (程序文件, level 2): the same definition over the released procedures' own
 * clause lists, leaving out processes, the quality manual and level-3/4 documents. An auditor asks for the
 * clause-to-procedure matrix: a clause only the manual names is covered, but no procedure says how it is met.
 * A procedure that names only a clause above (△) counts as coverage does (`inherit`); one that reaches a clause
 * only through its forms or related documents (the matrix's ○) does not: those name it, not the procedure.
 */
export function procedureCoverage(catalog: Catalog, input: CoverageInput): ClauseCoverage {
  return clauseCoverage(catalog, { processes: [], documents: input.documents.filter((d) => d.level === 2), exclusions: input.exclusions, inherit: input.inherit });
}

/** Whether an entry counts as covered in its coverage's ratio. */
export function countsAsCovered(coverage: Pick<ClauseCoverage, "inherit">, entry: ClauseCoverageEntry): boolean {
  return entry.state === "covered" || (coverage.inherit && entry.state === "inherited");
}

/**
 * The clauses `coverage` counts as covered that `byProcedures` (procedureCoverage, same entries) does not: covered by the
 * quality manual, a process or level-3/4 documents only. Each with its entry in `byProcedures` (inherited: a procedure names
 * a clause above it).
 */
export function withoutProcedure(coverage: ClauseCoverage, byProcedures: ClauseCoverage): ClauseCoverageEntry[] {
  const procedural = new Map(byProcedures.entries.map((e) => [e.clause.number, e]));
  return coverage.entries.flatMap((e) => {
    const own = procedural.get(e.clause.number);
    return countsAsCovered(coverage, e) && !(own && countsAsCovered(byProcedures, own)) ? [own ?? e] : [];
  });
}

/** An untitled clause with no clauses under it: a paragraph of the clause above (ISO 9001 8.7.1, 8.7.2). */
function isParagraph(clause: Clause, children: ReadonlyMap<string, readonly Clause[]>): boolean {
  return !hasTitle(clause) && !children.has(clause.number);
}

const hasTitle = (clause: Clause): boolean => clause.title !== null || clause.title_en !== null;

/** "12.5" for a percentage with one decimal; an empty standard counts as fully covered. */
export function coveragePercent(coverage: Pick<ClauseCoverage, "covered" | "applicable">): string {
  return coverage.applicable === 0 ? "100.0" : ((coverage.covered * 100) / coverage.applicable).toFixed(1);
}
