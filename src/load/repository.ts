/**
 * Loading a whole document repository: every file is read and validated on its own, then the
 * valid entities are indexed for the cross-document rules. A broken file never stops the others.
 */
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { firstSentence } from "../core/text.js";
import { buildCatalog, type Catalog } from "../model/catalog.js";
import type {
  CatalogFile,
  ControlledDocument,
  CorrectiveAction,
  Csr,
  Customer,
  Path,
  Person,
  Process,
  QmsConfig,
  SupplierRecord,
  OwnSymbol,
  SymbolConversion,
  Tooling,
  FirstArticle,
  QualityObjective,
  RegisterEdition,
  ManagementReview,
} from "../model/types.js";
import { discover } from "./discover.js";
import { PRECOMPILED_DIR, STANDARDS_DIR } from "./package.js";
import { LIST_FILES, salvageEntity, salvageList } from "./salvage.js";
import { madeFrom, shippedSources } from "./shipped-sources.js";
import { validateFile } from "./schemas.js";
import { isBlocking, readWithFirstValues, stillChecked } from "./silent.js";
import { readSource, type LoadProblem, type SourceFile } from "./source.js";
import { atDefaultBudget } from "./tiering.js";
import { yaml } from "./yaml.js";

export interface Located<T> {
  value: T;
  file: SourceFile;
  /** Where the entity sits inside its file ([] for one-entity files). */
  path: Path;
}

export interface Repository {
  root: string;
  files: SourceFile[];
  /** Problems found while reading (syntax, encoding, schema …), by file path. */
  problems: { path: string; problem: LoadProblem }[];
  config?: Located<QmsConfig>;
  people: Located<Person>[];
  customers: Located<Customer>[];
  csrs: Located<Csr>[];
  documents: Located<ControlledDocument>[];
  processes: Located<Process>[];
  symbols: Located<SymbolConversion>[];
  /** The organisation's own marks of symbols.yaml `own` (本单位特性符号, no customer's; model/symbols.ts ownMarks). */
  ownSymbols: Located<OwnSymbol>[];
  /** The nonconformity and corrective action records (actions/<id>.yaml, 8D). */
  actions: Located<CorrectiveAction>[];
  /** The suppliers' records (suppliers/<code>.yaml; model/suppliers.ts joins them with their outside parties). */
  suppliers: Located<SupplierRecord>[];
  /** The production tooling, fixtures, gauges and error-proofing devices of tooling.yaml (工装台账; model/tooling.ts). */
  tooling: Located<Tooling>[];
  /** The first article inspections of first-articles.yaml (首件鉴定记录, GJB 908A; model/first-articles.ts). */
  firstArticles: Located<FirstArticle>[];
  /** The quality objectives of objectives.yaml (质量目标, ISO 9001 6.2, IATF 16949 6.2.2.1; model/objectives.ts). */
  objectives: Located<QualityObjective>[];
  /** The signed editions of the registers of register-editions.yaml (登记表版次的签署记录, GJB 9001C 7.5.3; model/register-editions.ts). */
  registerEditions: Located<RegisterEdition>[];
  /** The management reviews of management-reviews.yaml (管理评审记录, ISO 9001 / IATF 16949 9.3; model/management-reviews.ts). */
  managementReviews: Located<ManagementReview>[];
  catalogs: Map<string, Catalog>;
  /** The repository's own standards/<ID>.yaml files, where findings about a catalog are placed. */
  catalogFiles: Located<CatalogFile>[];
  /**
   * Ids present in files that failed validation: references to them are not reported as dangling
   * (one root cause, one finding). A document file that cannot be read at all counts by its file
   * name (documents/…/CS_QP-006.yaml: CS_QP-006 and CS/QP-006); `documentTitles` are the titles
   * of the documents that failed validation, and `titlesUnknown` says that a document file could
   * not be read, so its title is unknown.
   */
  unvalidated: {
    documents: Set<string>;
    customers: Set<string>;
    csrs: Set<string>;
    documentTitles: Set<string>;
    titlesUnknown: boolean;
    /** The ids of the entries of people.yaml and processes.yaml left out for a schema error of their own. */
    people: Set<string>;
    processes: Set<string>;
    /** The ids of the entries of tooling.yaml left out for a schema error of their own. */
    tooling: Set<string>;
    /** The ids of the records of first-articles.yaml left out for a schema error of their own. */
    firstArticles: Set<string>;
    /** The ids of the quality objectives of objectives.yaml left out for a schema error of their own. */
    objectives: Set<string>;
    /** The ids of the records of management-reviews.yaml left out for a schema error of their own. */
    managementReviews: Set<string>;
    /** The ids of the corrective action records (actions/) that failed validation or could not be read (by file name). */
    actions: Set<string>;
  };
  /**
   * The CSRs, documents and customers whose file fails its schema, without the fields that fail it
   * (load/salvage.ts), or has a key written twice, with the first value (load/silent.ts
   * stillChecked). They are not among `csrs`, `documents` and `customers`: commands, registers and
   * the other files' checks see them as `unvalidated`, as before. The check reports the findings in
   * their own files of the rules whose findings hold for a part of an entity, and holds back the
   * others; of an entity kept whole (only a key written twice), none (check/engine.ts).
   */
  partial: { csrs: Located<Csr>[]; documents: Located<ControlledDocument>[]; customers: Located<Customer>[] };
}

/**
 * The first problem of qms.yaml or people.yaml, which every register and every change depends on
 * (departments, clauses, people), with the first sentence of its message as `reason`; undefined
 * when both read cleanly. Commands refuse on it rather than work from half a configuration.
 */
export function configProblem(repo: Repository): { path: string; rule: string; line: number; reason: string } | undefined {
  // A warning (a number where text was meant) leaves the file read: only what set it aside breaks every row.
  const broken = repo.problems.find((p) => (p.path === "qms.yaml" || p.path === "people.yaml") && isBlocking(p.problem));
  return broken && { path: broken.path, rule: broken.problem.rule, line: broken.problem.line, reason: firstSentence(broken.problem.message) };
}

export function loadRepository(root: string, found = discover(root)): Repository {
  const files = atDefaultBudget(() => found.files.map((f) => readSource(f.abs, f.path, f.kind, f.listedAsFile)));
  return buildRepository(root, files, found.problems);
}

/** Builds the model from already-read files (also used for a repository state read from git). */
export function buildRepository(root: string, files: SourceFile[], extraProblems: Repository["problems"] = []): Repository {
  const repo: Repository = {
    root,
    files,
    problems: [...extraProblems],
    people: [],
    customers: [],
    csrs: [],
    documents: [],
    processes: [],
    symbols: [],
    ownSymbols: [],
    actions: [],
    suppliers: [],
    tooling: [],
    firstArticles: [],
    objectives: [],
    registerEditions: [],
    managementReviews: [],
    catalogs: new Map(),
    catalogFiles: [],
    unvalidated: { documents: new Set(), customers: new Set(), csrs: new Set(), documentTitles: new Set(), titlesUnknown: false, people: new Set(), processes: new Set(), actions: new Set(), tooling: new Set(), firstArticles: new Set(), objectives: new Set(), managementReviews: new Set() },
    partial: { csrs: [], documents: [], customers: [] },
  };
  const repoCatalogs: CatalogFile[] = [];
  for (const file of files) {
    const checked = file.problems.every((p) => !isBlocking(p) || stillChecked(p));
    if (!file.validated && file.data !== undefined && checked) file.problems.push(...validateFile(file));
    // A file read once may be part of two models (check/incremental.ts): its schema problems are its own by now.
    file.validated = true;
    for (const problem of file.problems) repo.problems.push({ path: file.path, problem });
    if (file.data === undefined) {
      rememberUnreadable(repo, file);
      continue;
    }
    if (file.problems.some(isBlocking) && !readWithFirstValues(file.path, file.problems)) {
      rememberUnvalidated(repo, file);
      // Only a schema error or a key written twice leaves the data as meant; the rest of the file can then be understood.
      if (file.problems.every((p) => !isBlocking(p) || stillChecked(p))) keepValidParts(repo, file);
      continue;
    }
    const data = file.data as Record<string, unknown>;
    switch (file.kind) {
      case "qms":
        repo.config = { value: data as unknown as QmsConfig, file, path: [] };
        break;
      case "people":
        (data.people as Person[]).forEach((value, i) => repo.people.push({ value, file, path: ["people", i] }));
        break;
      case "processes":
        (data.processes as Process[]).forEach((value, i) => repo.processes.push({ value, file, path: ["processes", i] }));
        break;
      case "symbols":
        ((data.symbols ?? []) as SymbolConversion[]).forEach((value, i) => repo.symbols.push({ value, file, path: ["symbols", i] }));
        ((data.own ?? []) as OwnSymbol[]).forEach((value, i) => repo.ownSymbols.push({ value, file, path: ["own", i] }));
        break;
      case "tooling":
        (data.tooling as Tooling[]).forEach((value, i) => repo.tooling.push({ value, file, path: ["tooling", i] }));
        break;
      case "first-article":
        (data.first_articles as FirstArticle[]).forEach((value, i) => repo.firstArticles.push({ value, file, path: ["first_articles", i] }));
        break;
      case "objective":
        (data.objectives as QualityObjective[]).forEach((value, i) => repo.objectives.push({ value, file, path: ["objectives", i] }));
        break;
      case "register-edition":
        (data.editions as RegisterEdition[]).forEach((value, i) => repo.registerEditions.push({ value, file, path: ["editions", i] }));
        break;
      case "management-review":
        (data.management_reviews as ManagementReview[]).forEach((value, i) => repo.managementReviews.push({ value, file, path: ["management_reviews", i] }));
        break;
      case "customer":
        repo.customers.push({ value: data as unknown as Customer, file, path: [] });
        break;
      case "csr":
        repo.csrs.push({ value: data as unknown as Csr, file, path: [] });
        break;
      case "document":
        repo.documents.push({ value: data as unknown as ControlledDocument, file, path: [] });
        break;
      case "action":
        repo.actions.push({ value: data as unknown as CorrectiveAction, file, path: [] });
        break;
      case "supplier":
        repo.suppliers.push({ value: data as unknown as SupplierRecord, file, path: [] });
        break;
      case "standard":
        repoCatalogs.push(data as unknown as CatalogFile);
        repo.catalogFiles.push({ value: data as unknown as CatalogFile, file, path: [] });
        break;
    }
  }
  repo.catalogs = loadCatalogs(repoCatalogs);
  return repo;
}

function rememberUnvalidated(repo: Repository, file: SourceFile): void {
  const data = file.data as Record<string, unknown> | null;
  if (!data || typeof data !== "object") return;
  if (file.kind === "document" && typeof data.id === "string") repo.unvalidated.documents.add(data.id);
  if (file.kind === "document") {
    if (typeof data.title === "string") repo.unvalidated.documentTitles.add(data.title);
    else repo.unvalidated.titlesUnknown = true;
  }
  if (file.kind === "customer" && typeof data.code === "string") repo.unvalidated.customers.add(data.code);
  if (file.kind === "csr" && typeof data.id === "string") repo.unvalidated.csrs.add(data.id);
  if (file.kind === "action" && typeof data.id === "string") repo.unvalidated.actions.add(data.id);
}

/** What can be kept of a file that fails its schema (load/salvage.ts). */
function keepValidParts(repo: Repository, file: SourceFile): void {
  const shape = LIST_FILES[file.kind];
  if (shape) {
    const entries = salvageList(file);
    if (!entries) return;
    const located = entries.kept.map(({ value, index }) => ({ value, file, path: [shape.list, index] }));
    if (file.kind === "people") repo.people.push(...(located as Located<Person>[]));
    if (file.kind === "processes") repo.processes.push(...(located as Located<Process>[]));
    if (file.kind === "symbols") repo.symbols.push(...(located as Located<SymbolConversion>[]));
    if (file.kind === "tooling") repo.tooling.push(...(located as Located<Tooling>[]));
    if (file.kind === "first-article") repo.firstArticles.push(...(located as Located<FirstArticle>[]));
    if (file.kind === "objective") repo.objectives.push(...(located as Located<QualityObjective>[]));
    if (file.kind === "register-edition") repo.registerEditions.push(...(located as Located<RegisterEdition>[]));
    if (file.kind === "management-review") repo.managementReviews.push(...(located as Located<ManagementReview>[]));
    const ids = file.kind === "people" ? repo.unvalidated.people : file.kind === "tooling" ? repo.unvalidated.tooling : file.kind === "first-article" ? repo.unvalidated.firstArticles : file.kind === "objective" ? repo.unvalidated.objectives : file.kind === "management-review" ? repo.unvalidated.managementReviews : repo.unvalidated.processes;
    for (const entry of entries.dropped) {
      const id = shape.id && entry && typeof entry === "object" ? (entry as Record<string, unknown>)[shape.id] : undefined;
      if (typeof id === "string") ids.add(id);
    }
    return;
  }
  if (file.kind !== "csr" && file.kind !== "document" && file.kind !== "customer") return;
  const value = salvageEntity(file);
  if (!value) return;
  if (file.kind === "csr") repo.partial.csrs.push({ value: value as unknown as Csr, file, path: [] });
  if (file.kind === "document") repo.partial.documents.push({ value: value as unknown as ControlledDocument, file, path: [] });
  if (file.kind === "customer") repo.partial.customers.push({ value: value as unknown as Customer, file, path: [] });
}

/**
 * A document or customer file that could not be read at all (YAML syntax, a conflict marker) still
 * defines what its name says, so that the references to it are not reported as unknown as well: one
 * root cause, one finding. (A CSR's file is found by its name where a command looks it up, to say
 * what is wrong with it: show/lookup.ts.)
 */
function rememberUnreadable(repo: Repository, file: SourceFile): void {
  const name = basename(file.path).replace(/\.ya?ml$/i, "");
  if (file.kind === "document") {
    repo.unvalidated.documents.add(name).add(name.replace(/_/g, "/"));
    repo.unvalidated.titlesUnknown = true;
  }
  if (file.kind === "customer") repo.unvalidated.customers.add(name);
  if (file.kind === "action") repo.unvalidated.actions.add(name);
}

let shipped: Map<string, CatalogFile> | undefined;

/**
 * Written by `npm run build` (src/load/precompile.ts): the shipped catalogs, already parsed, and
 * the files they were parsed from (load/shipped-sources.ts). Parsing the catalogs costs more than a
 * cached check; the build's copy is used while the files are those it was parsed from.
 */
export const PRECOMPILED_CATALOGS = join(PRECOMPILED_DIR, "catalogs.json");
export const PRECOMPILED_CATALOG_SOURCES = join(PRECOMPILED_DIR, "catalogs.sources");

export function shippedCatalogs(): Map<string, CatalogFile> {
  if (!shipped) {
    const precompiled = madeFrom(PRECOMPILED_CATALOG_SOURCES, shippedSources(STANDARDS_DIR, ".yaml")) ? precompiledCatalogs() : undefined;
    shipped = new Map((precompiled ?? parseShippedCatalogs()).map((file) => [file.id, file]));
  }
  return shipped;
}

function precompiledCatalogs(): CatalogFile[] | undefined {
  try {
    return JSON.parse(readFileSync(PRECOMPILED_CATALOGS, "utf8")) as CatalogFile[];
  } catch {
    return undefined;
  }
}

/** The shipped catalogs (standards/*.yaml) parsed, in the order of their file names. */
export function parseShippedCatalogs(): CatalogFile[] {
  return readdirSync(STANDARDS_DIR)
    .filter((n) => n.endsWith(".yaml"))
    .sort()
    .map((name) => yaml().parse(readFileSync(join(STANDARDS_DIR, name), "utf8")) as CatalogFile);
}

function loadCatalogs(repoCatalogs: CatalogFile[]): Map<string, Catalog> {
  const base = shippedCatalogs();
  const result = new Map<string, Catalog>();
  const overrides = new Map(repoCatalogs.map((c) => [c.id, c]));
  for (const id of new Set([...base.keys(), ...overrides.keys()])) {
    result.set(id, buildCatalog(base.get(id), overrides.get(id)));
  }
  return result;
}
