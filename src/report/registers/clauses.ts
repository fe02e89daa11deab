/**
 * The clause coverage matrix (条款覆盖矩阵): the clauses of one standard against the processes
 * and released procedures. "●" marks a process or procedure that lists the clause itself; "△"
 * one that lists only a clause above it (the sub-clause is inherited, not named); "○" one that
 * reaches it only through its children: for a process the documents it lists, for a procedure
 * the forms and related documents it lists. Coverage follows src/model/coverage.ts, the same
 * definition as the coverage/clause-uncovered rule.
 *
 * Any released document that lists a clause makes it covered, not only a procedure: after the
 * procedure columns, the 质量手册 column lists the level-1 documents and the 其他文件 column the
 * level-3 and level-4 ones that name the clause (or, with "△", only a clause above it), by number,
 * so that no row reads 已覆盖 without the document an auditor traces it to.
 */
import { localized } from "../../core/text.js";
import { clauseTitle, correspondingClauses, formerNumbers, readInFormerEdition, successorOf, titledAncestor, type Catalog, type Clause } from "../../model/catalog.js";
import { clauseCoverage, clauseNumbers, coveragePercent, procedureCoverage, withoutProcedure, type ClauseCoverage, type ClauseCoverageEntry } from "../../model/coverage.js";
import type { ControlledDocument, Process } from "../../model/types.js";
import { auditCycleStart, auditorRoster, lastAudit, type AuditorRoster, type UncountedReason } from "../../model/process-audits.js";
import type { Cell, Column, Table } from "../table.js";
import { lastAuditText } from "./audits.js";
import { compareIds, controlledDocuments, documentAsOfNotes, documentsOn, documentTitle, ownDocuments, scopeNotes, t, unreleasedHints, unreleasedNotes, withHints, type RegisterContext } from "./context.js";
import { processLabel } from "../../model/labels.js";

export const DIRECT = "●";
export const INHERITED = "△";
export const THROUGH_CHILDREN = "○";

/**
 * The matrix's title: the standard and what the register is, with the edition when the catalog's
 * title does not name it (two editions side by side must be told apart on paper). A provisional
 * catalog says so in the register's footnote (catalogNotes), not in the title: the title is what the
 * 军代表 or auditor reads as the company's register, and "暂定" there reads as if the company's own
 * clause mapping were provisional.
 */
export function catalogTitle(ctx: RegisterContext, catalog: Catalog, what: string): string {
  const edition = catalog.edition !== undefined && !catalog.title.includes(catalog.edition) ? t(ctx, "matrix.edition.title", { edition: catalog.edition }) : "";
  return t(ctx, "register.clauses.catalog-title", { catalog: catalog.title + edition, what });
}

/**
 * The notes under a catalog's matrix: the catalog's own note under a provisional catalog, so that a
 * reader knows which numbers are not verified; during a transition, which edition replaces which.
 */
export function catalogNotes(ctx: RegisterContext, catalog: Catalog): string[] {
  const notes = editionNotes(ctx, catalog);
  if (!catalog.provisional) return notes;
  const note = t(ctx, "register.clauses.provisional-note", { catalog: catalog.title, id: catalog.id });
  // A catalog's own note is written in English (standards/*.yaml), so only the English register carries it.
  return [ctx.lang === "en" && catalog.note ? `${note} ${catalog.note}` : note, ...notes];
}

/**
 * A transition between editions (model/catalog.ts Supersession) while both are in scope: the catalog
 * of the new edition, that of the old one, and for each new clause the old numbers that correspond
 * to it. Undefined when `catalog` is neither, or one of the two is not in qms.yaml's `standards`.
 */
function transitionOf(ctx: RegisterContext, catalog: Catalog): { successor: Catalog; old: Catalog; former: () => Map<string, string[]> } | undefined {
  const scope = ctx.repo.config?.value.standards ?? [];
  const successor = catalog.supersedes ? catalog : successorOf(ctx.repo.catalogs, catalog.id);
  const old = successor?.supersedes && ctx.repo.catalogs.get(successor.supersedes.standard);
  if (!successor || !old || !scope.includes(successor.id) || !scope.includes(old.id)) return undefined;
  return { successor, old, former: () => formerNumbers(successor, old) };
}

/** The header of the column of old clause numbers: 原条款（2016版）. */
function formerColumnHeader(ctx: RegisterContext, old: Catalog): string {
  return t(ctx, "matrix.edition.former", { edition: old.edition ?? old.title });
}

/** The header of the column of new clause numbers in the old edition's matrix: 新版条款（202X版）. */
function successorColumnHeader(ctx: RegisterContext, successor: Catalog): string {
  return t(ctx, "matrix.edition.successor", { edition: successor.edition ?? successor.title });
}

/**
 * The column of the other edition's clause numbers during a transition (both layouts; key `former`,
 * which the site's heat map shows too), with each clause's cell: in the new edition's matrix the old
 * numbers (原条款（2016版）), in the old edition's the new ones (新版条款（202X版）), a removed clause
 * saying so (新版已删除). Undefined for any other catalog or time.
 */
export function formerColumn(ctx: RegisterContext, catalog: Catalog): { column: Column; cell(number: string): string } | undefined {
  const transition = transitionOf(ctx, catalog);
  if (!transition) return undefined;
  const separator = t(ctx, "common.list-separator");
  if (transition.old === catalog) {
    const { successor } = transition;
    return {
      column: { key: "former", header: successorColumnHeader(ctx, successor), kind: "list" },
      cell: (number) => {
        const to = correspondingClauses(successor, number);
        return to === undefined ? "" : to.length === 0 ? t(ctx, "matrix.edition.removed") : to.join(separator);
      },
    };
  }
  const former = transition.former();
  return {
    column: { key: "former", header: formerColumnHeader(ctx, transition.old), kind: "list" },
    cell: (number) => (former.get(number) ?? []).join(separator),
  };
}

/**
 * The processes and documents as `catalog`'s matrix reads their clause lists: during a transition the
 * old edition's matrix counts each reference to the new edition for the old clauses it corresponds to
 * (readInFormerEdition), so that after 'csr standard migrate' the matrix the auditor still audits
 * against shows the coverage the documents give, not only the references left to the old edition
 * (tester58 F2). Anything else as it is.
 */
export function coverageReading(ctx: RegisterContext, catalog: Catalog): <T extends { clauses?: readonly string[] | undefined }>(items: readonly T[]) => T[] {
  const transition = transitionOf(ctx, catalog);
  if (transition?.old !== catalog) return (items) => [...items];
  const { successor, old } = transition;
  const former = transition.former();
  return (items) =>
    items.map((item) => {
      const clauses = readInFormerEdition(item.clauses, successor, old, former);
      return clauses === item.clauses ? item : { ...item, clauses };
    });
}

/**
 * What the one who runs the command can do about catalogNotes (Table.hints): where to correct a
 * provisional catalog; in the old edition's matrix during a transition, the command that moves the
 * references to the new one.
 */
export function catalogHints(ctx: RegisterContext, catalog: Catalog): string[] {
  const transition = transitionOf(ctx, catalog);
  return [
    ...(catalog.provisional ? [t(ctx, "register.clauses.provisional-note.hint", { catalog: catalog.title, id: catalog.id })] : []),
    ...(transition && transition.old === catalog
      ? [t(ctx, "matrix.edition.superseded.hint", { old: transition.old.title, new: transition.successor.title, from: transition.old.id, to: transition.successor.id })]
      : []),
  ];
}

/** Which edition replaces which, during a transition; [] otherwise. */
export function editionNotes(ctx: RegisterContext, catalog: Catalog): string[] {
  const transition = transitionOf(ctx, catalog);
  if (!transition) return [];
  const { successor, old } = transition;
  const ends = successor.supersedes!.transitionEnds;
  const data = { old: old.title, new: successor.title, from: old.id, to: successor.id, column: catalog === successor ? formerColumnHeader(ctx, old) : successorColumnHeader(ctx, successor), ends: ends ? t(ctx, "matrix.edition.ends", { date: ends }) : "" };
  return [t(ctx, catalog === successor ? "matrix.edition.supersedes" : "matrix.edition.superseded", data)];
}

/**
 * A clause's title in a register; an untitled paragraph (ISO 9001 8.7.1, IATF 16949 7.5.3.2) names
 * the clause it is part of, so that no row of the matrix has an empty title.
 */
export function clauseLabel(ctx: RegisterContext, catalog: Catalog, clause: Clause): string {
  const title = clauseTitle(clause, ctx.lang);
  if (title) return title;
  const above = titledAncestor(catalog, clause);
  return above ? t(ctx, "register.clauses.part-of", { number: above.number, title: clauseTitle(above, ctx.lang) }) : "";
}

/**
 * A row's 覆盖 cell. A clause covered that no document below the quality manual answers (ClauseCoverageEntry.basis)
 * reads 仅质量手册 (or, with no document at all, 仅过程对应), not 已覆盖 (tester68 G10); the rows read either way add up
 * to the coverage line's ratio.
 */
export function coverageLabel(ctx: RegisterContext, entry: Pick<ClauseCoverageEntry, "state" | "justification" | "basis">): string {
  switch (entry.state) {
    case "covered":
      return t(ctx, entry.basis === "manual" ? "register.clauses.manual-only" : entry.basis === "process" ? "register.clauses.process-only" : "register.clauses.covered");
    case "inherited":
      return t(ctx, "register.clauses.inherited", { inherited: INHERITED });
    case "uncovered":
      return t(ctx, "register.clauses.not-covered");
    case "excluded":
      return `${t(ctx, "register.clauses.not-applicable")}${t(ctx, "register.label-separator")}${entry.justification ?? ""}`;
  }
}

/**
 * The coverage line, the coverage by procedures alone with the clauses no procedure addresses (procedureCoverage), the
 * legend and the clauses not covered (inherited ones too, unless they count). The coverage line says what it counts:
 * every applicable numbered clause, the untitled paragraphs among them (tester67a A12), wherever the matrix is printed
 * (terminal, CSV, Markdown, HTML, PDF, xlsx, site).
 */
export function coverageNotes(ctx: RegisterContext, coverage: ClauseCoverage, byProcedures: ClauseCoverage, grid: boolean): string[] {
  const percent = coveragePercent(coverage);
  const inherited = coverage.entries.filter((e) => e.state === "inherited").length;
  const open = coverage.entries.filter((e) => e.state === "uncovered" || (e.state === "inherited" && !coverage.inherit));
  return [
    t(ctx, "register.clauses.coverage", { covered: coverage.covered, applicable: coverage.applicable, percent }) +
      (coverage.paragraphs > 0 ? t(ctx, "register.clauses.counted-paragraphs", { count: coverage.paragraphs }) : t(ctx, "register.clauses.counted")),
    ...procedureNotes(ctx, coverage, byProcedures),
    grid
      ? t(ctx, "register.clauses.legend", { direct: DIRECT, inherited: INHERITED, throughChildren: THROUGH_CHILDREN })
      : t(ctx, "register.clauses.legend-inherited", { inherited: INHERITED }),
    ...(inherited > 0
      ? [
          coverage.inherit
            ? t(ctx, "register.clauses.inherited-covered", { inherited })
            : t(ctx, "register.clauses.inherited-not-covered", { inherited }),
        ]
      : []),
    ...open.map((e) => {
      const label = e.state === "inherited" ? t(ctx, "register.clauses.inherited-only") : t(ctx, "register.clauses.not-covered-heading");
      return `${label}${t(ctx, "register.label-separator")}${e.clause.number} ${clauseTitle(e.clause, ctx.lang)}`.trimEnd();
    }),
  ];
}

/**
 * The coverage by procedures alone (procedureCoverage), the clauses that rest on the quality manual alone (or on
 * processes.yaml alone: ClauseCoverageEntry.basis), and the clauses covered that no procedure addresses, "△" after one
 * whose parent a procedure names. The ratio of coverageNotes counts a clause the quality manual alone names; an auditor
 * asks for the clause-to-procedure matrix, so the matrix says which clauses have none (tester55 C8) and how many only the
 * manual answers (tester68 G10).
 */
export function procedureNotes(ctx: RegisterContext, coverage: ClauseCoverage, byProcedures: ClauseCoverage): string[] {
  const manualOnly = withoutProcedure(coverage, byProcedures);
  const share = (kind: "manual" | "process"): string[] => {
    const entries = coverage.entries.filter((e) => e.basis === kind);
    if (entries.length === 0) return [];
    const data = { count: entries.length, applicable: coverage.applicable, percent: coveragePercent({ covered: entries.length, applicable: coverage.applicable }) };
    return [kind === "manual" ? t(ctx, "register.clauses.manual", { ...data, label: t(ctx, "register.clauses.manual-only") }) : t(ctx, "register.clauses.process", { ...data, label: t(ctx, "register.clauses.process-only") })];
  };
  return [
    t(ctx, "register.clauses.by-procedures", { covered: byProcedures.covered, applicable: byProcedures.applicable, percent: coveragePercent(byProcedures) }),
    ...share("manual"),
    ...share("process"),
    ...(manualOnly.length > 0
      ? [
          t(ctx, "register.clauses.without-procedure", {
            count: manualOnly.length,
            clauses: manualOnly.map((e) => (e.state === "inherited" ? `${e.clause.number} ${INHERITED}` : e.clause.number)).join(t(ctx, "common.list-separator")),
          }),
        ]
      : []),
  ];
}

/** What the one who runs the command can do about the inherited clauses coverageNotes says do not count (Table.hints). */
export function coverageHints(ctx: RegisterContext, coverage: ClauseCoverage): string[] {
  return !coverage.inherit && coverage.entries.some((e) => e.state === "inherited") ? [t(ctx, "register.clauses.inherited-not-covered.hint")] : [];
}

/**
 * Dated `today`: the documents as their records show them that day (documentsOn); which clauses each names is today's.
 * `audits`: a 最近审核 column, each clause's last internal audit by `today` (clauseLastAudits), with a line counting the
 * clauses audited in the three-year cycle (IATF 16949 9.2.2.2); `notAuditedSince` (YYYY-MM-DD, implies `audits`): only
 * the applicable clauses not audited on or after that day, the ones the audit lead still has to plan (tester62 N9).
 */
export function clauseMatrix(ctx: RegisterContext, catalog: Catalog, options: { today: string; audits?: boolean; notAuditedSince?: string }): Table {
  const config = ctx.repo.config?.value;
  const read = coverageReading(ctx, catalog);
  const processes = read(ctx.repo.processes.map((p) => p.value));
  const documents = read(documentsOn(ctx, options.today).list);
  const byId = new Map<string, ControlledDocument>();
  for (const doc of documents) if (!byId.has(doc.id)) byId.set(doc.id, doc);
  const input = { processes, documents, exclusions: config?.exclusions, inherit: config?.coverage?.inherit_from_parent };
  const coverage = clauseCoverage(catalog, input);
  const unreleased = controlledDocuments(ctx, options.today, () => true).unreleased;
  const released = (id: string) => {
    const doc = byId.get(id);
    return doc?.status === "released" ? doc : undefined;
  };
  const procedures = documents.filter((d) => d.level === 2 && d.status === "released").sort((a, b) => compareIds(a.id, b.id));
  const numbersOf = (refs: readonly string[] | undefined) => clauseNumbers(refs, catalog.id);
  // "○": through the lower-level documents a process or procedure lists. The quality manual is none: it names every clause,
  // and a process listing it would read as reaching them all (tester68 G10: M1 and S1 of gjb-demo through CS/QM-001).
  const childrenNumbers = (ids: readonly string[]) =>
    ids.flatMap((id) => {
      const doc = released(id);
      return doc && doc.level !== 1 ? numbersOf(doc.clauses) : [];
    });
  const columns = [
    ...processes.map((p) => ({
      key: `p:${p.code}`,
      code: p.code,
      name: localized(ctx.lang, p.name, p.name_en),
      own: new Set(numbersOf(p.clauses)),
      through: new Set(childrenNumbers(p.documents ?? [])),
    })),
    ...procedures.map((d: ControlledDocument) => ({
      key: `d:${d.id}`,
      code: d.id,
      name: documentTitle(ctx, d),
      own: new Set(numbersOf(d.clauses)),
      through: new Set(childrenNumbers([...(d.forms ?? []), ...(d.related ?? [])])),
    })),
  ];
  // A clause lies within each number it starts with up to a dot (isWithin): 8.5.1 within 8.5.1, 8.5 and 8.
  // Looking those up in sets costs the clause's depth per cell, not the length of each column's lists.
  const mark = (within: readonly string[], own: ReadonlySet<string>, through: ReadonlySet<string>): string =>
    own.has(within[0]!) ? DIRECT : within.some((n) => own.has(n)) ? INHERITED : within.some((n) => through.has(n)) ? THROUGH_CHILDREN : "";
  // The released documents other than procedures, by the clause numbers they name: a row looks up its
  // own number and those above it, not every document (thousands of work instructions and forms).
  const naming = { manual: new Map<string, string[]>(), other: new Map<string, string[]>() };
  for (const d of documents.filter((d) => d.level !== 2 && d.status === "released").sort((a, b) => compareIds(a.id, b.id))) {
    const byNumber = d.level === 1 ? naming.manual : naming.other;
    for (const n of new Set(numbersOf(d.clauses))) byNumber.set(n, [...(byNumber.get(n) ?? []), d.id]);
  }
  /** The documents naming the clause, then (marked △) those naming only a clause above it. */
  const listed = (within: readonly string[], byNumber: ReadonlyMap<string, readonly string[]>): string => {
    const direct = byNumber.get(within[0]!) ?? [];
    const inherited = [...new Set(within.slice(1).flatMap((n) => byNumber.get(n) ?? []))].filter((id) => !direct.includes(id)).sort(compareIds);
    return [...direct, ...inherited.map((id) => `${id} ${INHERITED}`)].join(t(ctx, "common.list-separator"));
  };

  const former = formerColumn(ctx, catalog);
  const audits = options.audits || options.notAuditedSince !== undefined ? clauseLastAudits(processes, catalog.id, options.today, auditorRoster(ctx.index.people, ctx.repo.config?.value)) : undefined;
  const shownEntries = options.notAuditedSince === undefined ? coverage.entries : coverage.entries.filter((e) => applicableClause(e) && (audits!(e.clause.number).date ?? "") < options.notAuditedSince!);
  const rows = shownEntries.map((entry) => {
    const { clause, state } = entry;
    const row: Record<string, Cell> = {
      number: clause.number,
      ...(former ? { former: former.cell(clause.number) } : {}),
      title: clauseLabel(ctx, catalog, clause),
      coverage: coverageLabel(ctx, entry),
    };
    const within = [clause.number, ...[...clause.number.matchAll(/\./g)].map((m) => clause.number.slice(0, m.index)).reverse()];
    for (const c of columns) row[c.key] = state === "excluded" ? "" : mark(within, c.own, c.through);
    row.manual = state === "excluded" ? "" : listed(within, naming.manual);
    row.other = state === "excluded" ? "" : listed(within, naming.other);
    if (audits) row.audited = state === "excluded" ? "" : lastAuditText(ctx, audits(clause.number), t(ctx, "register.clauses.never-audited"));
    return row;
  });
  // The processes no procedure serves follow the clauses no procedure addresses (after the coverage line and the coverage by procedures).
  const byProcedures = procedureCoverage(catalog, input);
  const withProcesses = coverageNotes(ctx, coverage, byProcedures, true);
  withProcesses.splice(1 + procedureNotes(ctx, coverage, byProcedures).length, 0, ...processNotes(ctx, processes, documents));
  // Narrowed to the clauses not audited since a day, the matrix says so in its title and a note, as other filtered
  // registers do; the coverage lines under it stay the whole matrix's and say so (breaker63 P12).
  const wholeTitle = catalogTitle(ctx, catalog, t(ctx, "register.clauses.title"));
  const filterText = options.notAuditedSince === undefined ? undefined : t(ctx, "register.clauses.filter.not-audited-since", { since: options.notAuditedSince });
  const whole = { register: t(ctx, "register.clauses.whole"), command: `csr matrix clauses --standard ${catalog.id} --audits` };
  return {
    id: "clauses",
    title: filterText === undefined ? wholeTitle : t(ctx, "register.clauses.title-filtered", { title: wholeTitle, filter: filterText, count: rows.length }),
    ...(filterText !== undefined ? { filtered: { filter: filterText, ...whole, name: `clauses-${catalog.id}-not-audited-since-${options.notAuditedSince}` } } : {}),
    sheet: t(ctx, "register.clauses.sheet", { catalog: catalog.id }),
    columns: [
      { key: "number", header: t(ctx, "register.clauses.column.number"), kind: "id" },
      ...(former ? [former.column] : []),
      { key: "title", header: t(ctx, "register.clauses.column.title") },
      // A code alone ("C1") means nothing to an auditor without the process list: the header names it; a terminal shows the code.
      ...columns.map((c) => ({ key: c.key, header: `${c.code} ${c.name}`.trimEnd(), short: c.code, kind: "mark" as const })),
      { key: "manual", header: t(ctx, "register.clauses.column.manual"), kind: "list" },
      { key: "other", header: t(ctx, "register.clauses.column.other"), kind: "list" },
      { key: "coverage", header: t(ctx, "register.clauses.column.coverage") },
      ...(audits ? [{ key: "audited", header: t(ctx, "register.clauses.column.audited"), kind: "code" as const }] : []),
    ],
    rows,
    // Drafts and documents in review are not part of the QMS: left out, and said so in the words of the other registers (auditor17 F7).
    notes: [
      ...scopeNotes(ctx),
      ...(filterText !== undefined ? [t(ctx, "register.filter.note", { filter: filterText, ...whole })] : []),
      ...(audits ? auditNotes(ctx, coverage, audits, options.today) : []),
      ...(filterText !== undefined ? [t(ctx, "register.clauses.whole-coverage")] : []),
      ...withProcesses, ...catalogNotes(ctx, catalog), ...unreleasedNotes(ctx, unreleased), ...documentAsOfNotes(ctx, options.today, ownDocuments(ctx))],
    ...withHints([...coverageHints(ctx, coverage), ...catalogHints(ctx, catalog), ...unreleasedHints(ctx, unreleased)]),
  };
}

/**
 * A clause's last internal audit (clauseLastAudits): `date`, of the last audit that counts (auditCounts: its
 * auditors qualified that day, not led from the process's own department); `uncounted`, of a later one that does not,
 * with `why` (marked 审核员无资格 or 审核本部门, breaker63 P4, tester78 A8).
 */
export interface ClauseAudit {
  date?: string;
  uncounted?: string;
  why?: UncountedReason;
}

/**
 * Each clause's last internal audit by `today` (YYYY-MM-DD), by clause number of `standard`: the latest
 * audit (csr process audited) of a process that lists the clause or a clause above it, as the matrix marks
 * it ● or △, that counts (`roster`, auditCounts), and a later one that does not; {} for a clause no audited
 * process lists. A process's audit audits the clauses it carries in processes.yaml (the process approach
 * of IATF 16949 9.2.2.2: every QMS requirement over a three-year cycle). Documents' clauses do not count: a
 * document is not audited by itself.
 */
export function clauseLastAudits(processes: readonly Process[], standard: string, today: string, roster: AuditorRoster): (number: string) => ClauseAudit {
  const latest = new Map<string, string>();
  const uncounted = new Map<string, string>();
  const why = new Map<string, UncountedReason>();
  for (const process of processes) {
    const found = lastAudit(process, today, roster);
    for (const n of clauseNumbers(process.clauses, standard)) {
      if (found.last && (latest.get(n) ?? "") < found.last.audit.date) latest.set(n, found.last.audit.date);
      if (found.uncounted && (uncounted.get(n) ?? "") < found.uncounted.audit.date) {
        uncounted.set(n, found.uncounted.audit.date);
        if (found.uncounted.why) why.set(`${n} ${found.uncounted.audit.date}`, found.uncounted.why);
      }
    }
  }
  const latestWithin = (dates: ReadonlyMap<string, string>, number: string) => {
    let found: string | undefined;
    for (let at = number; ; at = at.slice(0, at.lastIndexOf("."))) {
      const date = dates.get(at);
      if (date !== undefined && (found === undefined || date > found)) found = date;
      if (!at.includes(".")) return found;
    }
  };
  return (number) => {
    const date = latestWithin(latest, number);
    const later = latestWithin(uncounted, number);
    if (later === undefined || (date !== undefined && later <= date)) return date !== undefined ? { date } : {};
    // The reason recorded for that date at the clause or the clause above it that gave it.
    let reason: UncountedReason | undefined;
    for (let at = number; reason === undefined; at = at.slice(0, at.lastIndexOf("."))) {
      reason = why.get(`${at} ${later}`);
      if (!at.includes(".")) break;
    }
    return { ...(date !== undefined ? { date } : {}), uncounted: later, ...(reason ? { why: reason } : {}) };
  };
}

/**
 * Whether a row of the clause matrix is an applicable clause: not excluded (删减, not applicable), as the coverage
 * line counts them, untitled paragraphs included. What the audit cycle counts (auditNotes) and `--not-audited-since` lists.
 */
export function applicableClause(entry: Pick<ClauseCoverageEntry, "state">): boolean {
  return entry.state !== "excluded";
}

/**
 * The audit line of the matrix with the 最近审核 column, and of its heat map on the site: how many
 * applicable clauses (applicableClause) were audited (`lastAuditOf`, clauseLastAudits) in the three-year
 * cycle that ends `today` (auditCycleStart; IATF 16949 9.2.2.2).
 */
export function auditNotes(ctx: RegisterContext, coverage: ClauseCoverage, lastAuditOf: (number: string) => ClauseAudit, today: string): string[] {
  const cycle = auditCycleStart(today);
  const applicable = coverage.entries.filter(applicableClause);
  const audited = applicable.filter((e) => (lastAuditOf(e.clause.number).date ?? "") >= cycle).length;
  const uncounted = applicable.some((e) => lastAuditOf(e.clause.number).uncounted !== undefined);
  return [t(ctx, "register.clauses.audit-cycle", { from: cycle, audited, applicable: applicable.length }), ...(uncounted ? [t(ctx, "register.audit-uncounted.note")] : [])];
}

/**
 * A line for each process of the process map that no released procedure (level 2) serves: `无程序文件：M1
 * 经营策划与体系管理（仅由 QM-001 覆盖）`. A procedure serves a process the process lists among its `documents` or
 * that names the process (code or name) among its `processes`; the other released documents doing so are
 * what covers it. IATF 16949 9.2.2.1 wants the internal audit programme to cover every process: the audit
 * team lead plans the audit of such a process against the manual and its records (tester60 J10).
 */
export function processNotes(ctx: RegisterContext, processes: readonly Process[], documents: readonly ControlledDocument[]): string[] {
  return processes.flatMap((p) => {
    const serving = servingDocuments(p, documents);
    if (serving.some((d) => d.level === 2)) return [];
    const name = processLabel(p, ctx.lang);
    return serving.length > 0
      ? [t(ctx, "register.clauses.process-without-procedure", { process: name, documents: serving.map((d) => d.id).join(t(ctx, "common.list-separator")) })]
      : [t(ctx, "register.clauses.process-without-documents", { process: name })];
  });
}

/**
 * The released documents of `documents` that serve `process`, by number: those the process lists among
 * its `documents` and those naming it (code or name) among their `processes`. One definition for the
 * clause matrix's notes (processNotes) and the process register (csr list processes).
 */
export function servingDocuments(process: Process, documents: readonly ControlledDocument[]): ControlledDocument[] {
  return documents
    .filter((d) => d.status === "released" && ((process.documents ?? []).includes(d.id) || (d.processes ?? []).some((ref) => ref === process.code || ref === process.name)))
    .sort((a, b) => compareIds(a.id, b.id));
}
