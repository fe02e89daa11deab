/** Standards catalogs: clause numbers and short titles, shipped with csr and extendable per repository. */
import type { CatalogFile, CatalogSupersession } from "./types.js";

export interface Clause {
  number: string;
  title: string | null;
  title_en: string | null;
  origin?: string;
  parent: string | null;
}

export interface Catalog {
  id: string;
  title: string;
  provisional: boolean;
  note?: string;
  /** The edition it numbers ("2016"), when the catalog says. */
  edition?: string;
  /** The day that edition was published, YYYY-MM-DD, when the catalog says (IATF 16949:2016: 2016-10-01). */
  published?: string;
  /**
   * The only clauses, with the clauses under them, that the standard permits to be declared not
   * applicable (IATF 16949 4.3.1: product design and development, 8.3); undefined when the standard
   * sets no fixed list (ISO 9001 and GJB 9001C 4.3: any requirement that cannot be applied and does
   * not affect the conformity of products and services).
   */
  exclusionsPermitted?: readonly string[];
  /** Set on the catalog of a new edition: the edition it replaces. */
  supersedes?: Supersession;
  /** In catalog order. */
  clauses: Map<string, Clause>;
}

/**
 * How a new edition replaces an old one. IATF's transition rules for a new edition of IATF 16949
 * (as for the 2016 edition, which replaced ISO/TS 16949:2009) set a date after which certificates
 * and audits are to the new edition only; until then both are in use (domain.md, "What auditors
 * find most"). The correspondence holds the old numbers that do not carry over unchanged.
 */
export interface Supersession {
  /** Id of the old edition's catalog. */
  standard: string;
  /** Last day of the transition period, YYYY-MM-DD, when announced. */
  transitionEnds?: string;
  /** The day 'csr standard migrate' rewrote the repository's references to this edition, YYYY-MM-DD. */
  migrated?: string;
  /** Old number → its new numbers; [] where the new edition removed the clause. */
  correspondence: Map<string, string[]>;
}

export interface ClauseRef {
  standard: string;
  clause: string;
}

export function parseClauseRef(text: string): ClauseRef | undefined {
  const m = /^([A-Za-z0-9]+):([0-9]+(?:\.[0-9]+)*)$/.exec(text.trim());
  return m ? { standard: m[1]!, clause: m[2]! } : undefined;
}

/**
 * A standard named as registers and people write it, followed by a clause number: "IATF 16949 ",
 * "IATF16949:", "IATF 16949:2016 ", "ISO 9001:2015 ", "GJB 9001C-2017 ", "GJB9001C：". The name is
 * letters then digits (and an edition letter), a year may follow after '-' or ':', then ':' or a space.
 */
const WRITTEN_STANDARD = /([A-Za-z]+)[\s_-]*(\d+[A-Za-z]?)(?:\s*[-:]\s*(?:19|20)\d{2}(?![\d.]))?\s*:?\s*(?=\d)/g;

/**
 * The clause references in a text as `STANDARD:clause`, and the parts that are none. Several may be
 * written in one text, separated by 、 , ; / or spaces: "8.2/8.5/9.1", "第7.3条", "IATF16949:8.3",
 * "IATF 16949 8.5.2、8.5.4" (a bare number takes the standard named before it in the text, else
 * `standard`; none given and none named, it is a bad part). A standard's written name counts when it
 * is one of `standards` (catalog ids) written with spaces, a year or in another case; another
 * `ID:clause` is kept as written for csr check to report. A range of whole chapters as registers print
 * it ("4–10（全部条款）", wholeChapters) stands for every clause of those chapters in `catalogs`.
 */
export function readClauseRefs(
  text: string,
  standards: readonly string[],
  standard: string | undefined,
  catalogs: ReadonlyMap<string, Catalog> = new Map(),
): { clauses: string[]; bad: string[]; read: { from: string; to: string }[] } {
  const named = expandWholeChapters(nameWrittenStandards(text, standards), catalogs, standard);
  // read: the parts written otherwise than as a clause number (第8.5.2条 → 8.5.2), for the import to say.
  const result = { clauses: [] as string[], bad: [] as string[], read: [] as { from: string; to: string }[] };
  let current = standard;
  for (const part of named.split(/[/、,，;；\s]+/)) {
    const p = part.replace(/^第/, "").replace(/条$/, "").replace(/\.$/, "");
    if (!p) continue;
    if (p !== part) result.read.push({ from: part, to: p });
    const ref = parseClauseRef(p);
    if (ref) {
      result.clauses.push(`${ref.standard}:${ref.clause}`);
      current = ref.standard;
    } else if (/^\d+(\.\d+)*$/.test(p) && current) result.clauses.push(`${current}:${p}`);
    else result.bad.push(part);
  }
  result.clauses = [...new Set(result.clauses)];
  return result;
}

/** The text with each written standard name of `standards` ("IATF 16949 ", "GJB 9001C-2017 ") made the catalog id and a colon ("IATF16949:"). */
function nameWrittenStandards(text: string, standards: readonly string[]): string {
  const ids = new Map(standards.map((id) => [id.toUpperCase(), id]));
  return text.normalize("NFKC").replace(WRITTEN_STANDARD, (whole, letters: string, digits: string) => {
    const id = ids.get(`${letters}${digits}`.toUpperCase());
    return id ? `${id}:` : whole;
  });
}

/**
 * The clause references a command's option gives (csr add, new, set, process --clause), as the
 * user writes them: `IATF16949:8.5.2`, "IATF 16949 8.5.2", "IATF 16949 8.5.2、8.5.4" (a bare number
 * takes the standard named before it); several separated by 、 , ; / or spaces. Any other part is
 * returned as written, a bare number too (the caller knows whether one standard is in scope), for
 * the caller to read or refuse: unlike a register's cell (readClauseRefs), an option is typed by
 * the user now, who can write "第8.5条" as a clause number.
 */
export function splitClauseOption(text: string, standards: readonly string[]): string[] {
  let current: string | undefined;
  return nameWrittenStandards(text, standards)
    .split(/[/、,，;；\s]+/)
    .filter(Boolean)
    .map((part) => {
      const ref = parseClauseRef(part);
      if (ref) current = ref.standard;
      return !ref && /^\d+(\.\d+)*$/.test(part) && current ? `${current}:${part}` : part;
    });
}

/** Builds a catalog from a shipped file, then applies a repository's additions and overrides. */
export function buildCatalog(base: CatalogFile | undefined, override: CatalogFile | undefined): Catalog {
  const head = override ?? base!;
  const clauses = new Map<string, Clause>();
  for (const file of [base, override]) {
    for (const c of file?.clauses ?? []) {
      if (c.applicable === false) {
        clauses.delete(c.number);
        continue;
      }
      const previous = clauses.get(c.number);
      clauses.set(c.number, {
        number: c.number,
        title: c.title !== undefined ? c.title : (previous?.title ?? null),
        title_en: c.title_en !== undefined ? c.title_en : (previous?.title_en ?? null),
        origin: c.origin ?? previous?.origin,
        parent: null,
      });
    }
  }
  // Each number is split once, not at every comparison: every check builds the shipped catalogs.
  const keyed = [...clauses.entries()].map((entry) => ({ entry, parts: clauseNumberParts(entry[0]) }));
  const sorted = new Map(keyed.sort((a, b) => compareParts(a.parts, b.parts)).map((k) => k.entry));
  for (const clause of sorted.values()) clause.parent = parentOf(clause.number, sorted);
  return {
    id: head.id,
    title: override?.title ?? base?.title ?? head.id,
    provisional: override?.provisional ?? base?.provisional ?? false,
    note: override?.note ?? base?.note,
    edition: override?.edition ?? base?.edition,
    // A repository's own edition is not dated by the shipped catalog's publication day.
    published: override?.published ?? (override?.edition === undefined ? base?.published : undefined),
    exclusionsPermitted: override?.exclusions_permitted ?? base?.exclusions_permitted,
    supersedes: supersession(override?.supersedes ?? base?.supersedes),
    clauses: sorted,
  };
}

function supersession(file: CatalogSupersession | undefined): Supersession | undefined {
  if (!file) return undefined;
  const correspondence = new Map<string, string[]>();
  for (const entry of file.correspondence ?? []) {
    // An entry with neither `to` nor `removed` is reported by clause/correspondence-unknown; it tells nothing.
    if (entry.to === undefined && entry.removed !== true) continue;
    correspondence.set(entry.from, entry.to === undefined ? [] : typeof entry.to === "string" ? [entry.to] : [...entry.to]);
  }
  return { standard: file.standard, transitionEnds: file.transition_ends, ...(file.migrated ? { migrated: file.migrated } : {}), correspondence };
}

/**
 * The catalog of the edition that replaces `id` (its `supersedes` names `id`), if the repository
 * has one. Looked up by every clause reference: the shipped catalogs supersede nothing, so a
 * repository without a new edition pays one pass over its few catalogs.
 */
export function successorOf(catalogs: ReadonlyMap<string, Catalog>, id: string): Catalog | undefined {
  for (const catalog of catalogs.values()) if (catalog.supersedes?.standard === id) return catalog;
  return undefined;
}

/**
 * What an old clause number becomes in the new edition: the numbers the correspondence lists ([]:
 * removed), else the same number when the new catalog has it, else undefined (the correspondence
 * does not say).
 */
export function correspondingClauses(successor: Catalog, oldNumber: string): string[] | undefined {
  const listed = successor.supersedes?.correspondence.get(oldNumber);
  if (listed) return listed;
  return successor.clauses.has(oldNumber) ? [oldNumber] : undefined;
}

/** For each clause of the new edition, the old numbers that correspond to it, in the old catalog's order. */
export function formerNumbers(successor: Catalog, old: Catalog): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const number of old.clauses.keys()) {
    for (const to of correspondingClauses(successor, number) ?? []) {
      const list = out.get(to);
      if (list) list.push(number);
      else out.set(to, [number]);
    }
  }
  return out;
}

/**
 * Clause references as the old edition reads them while a new one replaces it: `refs` with, after each
 * reference to a clause of `successor`, the clauses of `old` that correspond to it (`former`, from
 * formerNumbers). After 'csr standard migrate' the documents cite the new edition, yet until the
 * transition ends the certificate and its audits are to the old one (IATF transition rules for a new
 * edition of IATF 16949): a reference to IATF16949E2:8.3.3.4 is evidence for IATF16949:8.3.3.3, one to
 * either part of a split clause for the clause it came from. A clause the new edition removed has no
 * new reference that reads as it. `refs` itself when nothing is added.
 */
export function readInFormerEdition(
  refs: readonly string[] | undefined,
  successor: Catalog,
  old: Catalog,
  former: ReadonlyMap<string, readonly string[]>,
): readonly string[] | undefined {
  if (!refs) return refs;
  const added: string[] = [];
  for (const text of refs) {
    const ref = parseClauseRef(text);
    if (ref?.standard !== successor.id) continue;
    for (const number of former.get(ref.clause) ?? []) added.push(`${old.id}:${number}`);
  }
  if (added.length === 0) return refs;
  return [...new Set([...refs, ...added])];
}

/**
 * Clause references as a record dated `day` made them: a reference to a new edition whose references
 * 'csr standard migrate' wrote after `day` (`migratedOn` of its catalog: by default `supersedes.migrated`;
 * load/migration-day.ts finds it in git for a repository migrated before it was recorded) is the old clause or clauses it
 * was rewritten from (formerNumbers), with the new reference it is now (`now`); any other reference
 * as it is. A signed review record keeps the clauses it was reviewed against (IATF 16949 7.5.3: records
 * are evidence; tester58 F8). A new clause with no old counterpart stays as it is. In order, once each.
 */
export function referencesOn(
  refs: readonly string[],
  catalogs: ReadonlyMap<string, Catalog>,
  day: string,
  migratedOn: (successor: Catalog) => string | undefined = (successor) => successor.supersedes?.migrated,
): { ref: string; now?: string }[] {
  const out: { ref: string; now?: string }[] = [];
  const seen = new Set<string>();
  const push = (entry: { ref: string; now?: string }) => {
    if (seen.has(entry.ref)) return;
    seen.add(entry.ref);
    out.push(entry);
  };
  for (const text of refs) {
    const ref = parseClauseRef(text);
    const successor = ref && catalogs.get(ref.standard);
    const migrated = successor?.supersedes ? migratedOn(successor) : undefined;
    const old = migrated !== undefined && day < migrated ? catalogs.get(successor!.supersedes!.standard) : undefined;
    const former = old ? (formerNumbers(successor!, old).get(ref!.clause) ?? []) : [];
    if (former.length === 0) push({ ref: text });
    else for (const number of former) push({ ref: `${old!.id}:${number}`, now: text });
  }
  return out;
}

function parentOf(number: string, clauses: Map<string, Clause>): string | null {
  const parts = number.split(".");
  while (parts.length > 1) {
    parts.pop();
    const candidate = parts.join(".");
    if (clauses.has(candidate)) return candidate;
  }
  return null;
}

/**
 * Clause references (`IATF16949:8.5.6.1.1`) in the order a catalog lists them, for a register's
 * column of clauses (auditor16 F8): by standard, those of `scope` (qms.yaml standards) in its order
 * and any other after them by id, then by clause number as buildCatalog orders every catalog. A text
 * that is no clause reference keeps its written order after them. A new array: the YAML, where users
 * keep their own order, is not touched.
 */
export function inCatalogOrder(refs: readonly string[], scope: readonly string[]): string[] {
  const keyed = refs.map((text) => ({ text, ref: parseClauseRef(text) }));
  const rank = (standard: string) => {
    const i = scope.indexOf(standard);
    return i === -1 ? scope.length : i;
  };
  return keyed
    .sort((a, b) => {
      if (!a.ref || !b.ref) return (a.ref ? 0 : 1) - (b.ref ? 0 : 1);
      return rank(a.ref.standard) - rank(b.ref.standard) || (a.ref.standard < b.ref.standard ? -1 : a.ref.standard > b.ref.standard ? 1 : 0) || compareClauseNumbers(a.ref.clause, b.ref.clause);
    })
    .map((k) => k.text);
}

/**
 * A catalog's clause numbers as a register prints them (auditor16 F9): each run of consecutive
 * chapters (top-level clauses with clauses under them) of which `numbers` names every clause the
 * catalog has, as one `{from, to}` ("4–10（全部条款）"), so that a manual naming all 195 clauses
 * of IATF 16949 is one short cell rather than a printed page; every other number as it is, in the
 * order given. A chapter with one of its clauses left out (an exclusion) is listed clause by clause,
 * so that the cell says exactly what the document names and `csr import` reads it back
 * (readClauseRefs expands a range of chapters against the same catalog).
 */
export type ClauseItem = string | { from: string; to: string };

export function wholeChapters(catalog: Catalog, numbers: readonly string[]): ClauseItem[] {
  if (numbers.length === 0) return [];
  const named = new Set(numbers);
  const { chapters, under } = chaptersOf(catalog);
  const whole = new Set(chapters.filter((chapter) => {
    const clauses = under.get(chapter)!;
    return clauses.length > 1 && clauses.every((n) => named.has(n));
  }));
  const items: ClauseItem[] = [];
  for (const number of numbers) {
    const chapter = number.split(".")[0]!;
    if (!whole.has(chapter) || !catalog.clauses.has(number)) {
      items.push(number);
      continue;
    }
    const last = items.at(-1);
    if (typeof last === "object" && (last.to === chapter || chapters.indexOf(last.to) + 1 === chapters.indexOf(chapter))) last.to = chapter;
    else items.push({ from: chapter, to: chapter });
  }
  return items;
}

/** The clauses of a chapter in catalog order: the chapter and every clause numbered under it. */
function chapterClauses(catalog: Catalog, chapter: string): string[] {
  return [...catalog.clauses.keys()].filter((n) => n === chapter || n.startsWith(`${chapter}.`));
}

/**
 * A catalog's chapters (top-level clauses) in catalog order, each with its clauses (chapterClauses),
 * made once per catalog: registers compress the clause list of every CSR and document with them
 * (wholeChapters; 30,000 lists in a site of 10,000 entities, each of which scanned the catalog once a chapter).
 * Made again if clauses were added since.
 */
function chaptersOf(catalog: Catalog): { chapters: string[]; under: Map<string, string[]> } {
  let made = CHAPTERS.get(catalog.clauses);
  if (!made || made.size !== catalog.clauses.size) {
    const chapters = [...catalog.clauses.values()].filter((c) => c.parent === null).map((c) => c.number);
    made = { size: catalog.clauses.size, chapters, under: new Map(chapters.map((chapter) => [chapter, chapterClauses(catalog, chapter)])) };
    CHAPTERS.set(catalog.clauses, made);
  }
  return made;
}
const CHAPTERS = new WeakMap<ReadonlyMap<string, Clause>, { size: number; chapters: string[]; under: Map<string, string[]> }>();

/**
 * A range of whole chapters as a register writes it (wholeChapters): "4–10（全部条款）", "8（全部条款）",
 * "4–10 (all clauses)", with the standard before it where the register names standards
 * ("IATF16949:4–10（全部条款）"); NFKC has made the brackets ASCII.
 */
const WHOLE_CHAPTERS = /(?:([A-Za-z][A-Za-z0-9]*):)?(\d+)(?:\s*[–~-]\s*(\d+))?\s*\(\s*(?:全部条款|all clauses)\s*\)/gi;

/**
 * The text with each range of whole chapters (WHOLE_CHAPTERS) written out as the clause numbers of
 * `catalogs` it stands for, the first with its standard ("IATF16949:4/4.1/…/10.3.1"); a range of a
 * standard without a catalog, or of chapters the catalog does not have, is left as written, a bad part.
 */
function expandWholeChapters(text: string, catalogs: ReadonlyMap<string, Catalog>, standard: string | undefined): string {
  return text.replace(WHOLE_CHAPTERS, (whole: string, id: string | undefined, from: string, to: string | undefined, offset: number) => {
    const named = id ?? lastStandard(text.slice(0, offset)) ?? standard;
    const catalog = named === undefined ? undefined : catalogs.get(named);
    const chapters = catalog ? [...catalog.clauses.values()].filter((c) => c.parent === null).map((c) => c.number) : [];
    const [first, last] = [chapters.indexOf(from), chapters.indexOf(to ?? from)];
    if (!catalog || first < 0 || last < first) return whole;
    return ` ${named}:${chapters.slice(first, last + 1).flatMap((chapter) => chapterClauses(catalog, chapter)).join("/")} `;
  });
}

/** The standard a text names last ("IATF16949:8.5 IATF16949:"), which a bare number after it takes. */
function lastStandard(text: string): string | undefined {
  return [...text.matchAll(/([A-Za-z][A-Za-z0-9]*):/g)].at(-1)?.[1];
}

export function compareClauseNumbers(a: string, b: string): number {
  return compareParts(clauseNumberParts(a), clauseNumberParts(b));
}

const clauseNumberParts = (number: string): number[] => number.split(".").map(Number);

function compareParts(pa: number[], pb: number[]): number {
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

export function clauseTitle(clause: Clause, lang: "zh-CN" | "en"): string {
  return (lang === "en" ? (clause.title_en ?? clause.title) : (clause.title ?? clause.title_en)) ?? "";
}

/** The nearest clause above `clause` that has a title: the clause an untitled paragraph belongs to (8.7.1 → 8.7). */
export function titledAncestor(catalog: Catalog, clause: Clause): Clause | undefined {
  for (let c = clause.parent === null ? undefined : catalog.clauses.get(clause.parent); c; c = c.parent === null ? undefined : catalog.clauses.get(c.parent)) {
    if (c.title !== null || c.title_en !== null) return c;
  }
  return undefined;
}
