/**
 * Turning the rows of a register into repository files. Nothing is written here: the result is
 * a plan (files to create, rows that were refused or only partly understood, conflicts with
 * existing files, numbering families to configure) that the import command prints and carries out.
 */
import { numberPatternToRegExp, patternOf } from "../model/numbering.js";
import { csrPath, documentPath } from "../model/paths.js";
import type { Repository } from "../load/repository.js";
import type { ControlledDocument, Csr, Customer, Department, Person, Revision } from "../model/types.js";
import { UserError } from "../core/errors.js";
import { combinedTitleAndNumber, findHeaderRow, type Field, type HeaderRow } from "./headers.js";
import { compactText, showInvisible } from "../core/text.js";
import {
  cellKey,
  cellText,
  KIND_OF_LEVEL,
  normalizeClauses,
  normalizeDate,
  normalizeKind,
  normalizeLevel,
  normalizeMedium,
  normalizeStatus,
  normalizeVersion,
  type Kind,
  type Level,
} from "./normalize.js";
import { UnreadableCell, type RawRow, type RawSheet } from "./read.js";

export const IMPORT_KINDS = ["procedures", "instructions", "forms", "documents", "csr"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface ImportOptions {
  as: ImportKind;
  /** Standard for bare clause numbers. */
  standard: string;
  /** Department for rows that name none. */
  department?: string;
  lang: "zh-CN" | "en";
  /**
   * Whether something is at this repository-relative path on disk already (a file the loader
   * skipped, or one whose name differs only in case on a case-insensitive filesystem).
   */
  targetExists?: (path: string) => boolean;
}

export interface PlannedFile {
  row: number;
  /** Repository-relative. */
  path: string;
  id: string;
  kind: Kind | "csr";
  data: ControlledDocument | Csr;
}

export interface RowIssue {
  row: number;
  message: string;
  /** The row was not imported at all (otherwise only the value named was left out). */
  skipped: boolean;
}

export interface ImportPlan {
  header: HeaderRow;
  dataRows: number;
  files: PlannedFile[];
  issues: RowIssue[];
  conflicts: { row: number; path: string }[];
  /** Numbering patterns not yet in qms.yaml, by kind. */
  families: { kind: Kind; pattern: string; example: string }[];
  /** Forms whose owning procedure does not list them yet. */
  links: { form: string; procedure: string }[];
}

const DOCUMENT_ID = /^[A-Za-z0-9][A-Za-z0-9_./-]*$/;
const CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

class RowReader {
  constructor(
    private readonly header: HeaderRow,
    readonly raw: RawRow,
  ) {}
  cell(field: Field) {
    const i = this.header.columns.get(field);
    return i === undefined ? undefined : this.raw.cells[i];
  }
  /** As written in the register: titles and free text. */
  text(field: Field): string {
    return cellText(this.cell(field));
  }
  /** For looking up and parsing: numbers, codes, names, departments (see cellKey). */
  key(field: Field): string {
    return cellKey(this.cell(field));
  }
  /** Fields whose cell could not be read, with the reason. */
  unreadable(): { field: Field; reason: string }[] {
    return [...this.header.columns.keys()].flatMap((field) => {
      const cell = this.cell(field);
      return cell instanceof UnreadableCell ? [{ field, reason: cell.reason }] : [];
    });
  }
}

/**
 * Rows that end a register's data: 以下空白 ("blank below"), totals, END, and the sign-off lines
 * 编制：… 审核：… 批准：… under the table.
 */
function isFooter(raw: RawRow): boolean {
  const texts = raw.cells.map((c) => compactText(cellText(c).normalize("NFKC"))).filter(Boolean);
  if (texts.length === 0) return false;
  if (/^[-—–_*]*(以下空白|以下无内容|以下无正文|合计|总计|小计|end|endoflist)[-—–_*]*$/i.test(texts[0]!)) return true;
  return texts.some((t) => /^(编制|审核|批准|制表|制表人)[:：]/.test(t));
}

export function planImport(sheet: RawSheet, repo: Repository, options: ImportOptions): ImportPlan | undefined {
  const header = findHeaderRow(sheet.rows);
  if (!header) return undefined;
  const combined = header.ignored.find(combinedTitleAndNumber);
  if (combined && !header.columns.has("number")) {
    throw new UserError(
      `The column '${combined}' holds the title and the number of each document in one cell; csr needs them apart.`,
      "Split it into two columns, e.g. Title and Number (文件名称, 文件编号), then import again.",
    );
  }
  const plan: ImportPlan = { header, dataRows: 0, files: [], issues: [], conflicts: [], families: [], links: [] };
  // Keyed by the target path, case-folded: different numbers can share a file (CS/QP-101 and
  // CS_QP-101 are both documents/CS_QP-101.yaml, and QP-101 and qp-101 are one file on a
  // case-insensitive filesystem). Every target is settled here, before anything is written.
  const seen = new Map<string, { row: number; id: string }>();
  const existing = new Set([...repo.documents.map((d) => d.value.id), ...repo.unvalidated.documents, ...repo.csrs.map((c) => c.value.id), ...repo.unvalidated.csrs]);
  const existingPaths = new Set(repo.files.map((f) => foldPath(f.path)));
  for (const raw of sheet.rows.filter((r) => r.row > header.row)) {
    if (isFooter(raw)) break;
    const row = new RowReader(header, raw);
    if (raw.cells.every((c) => cellText(c) === "" && !(c instanceof UnreadableCell))) continue;
    const issue = (message: string, skipped = false) => plan.issues.push({ row: raw.row, message, skipped });
    const unreadable = row.unreadable();
    // Pre-numbered empty lines have neither a number nor a title.
    if (!row.key("number") && !row.text("title") && unreadable.length === 0) continue;
    plan.dataRows++;
    for (const u of unreadable) issue(`the ${u.field} cell could not be read: ${u.reason}`, u.field === "number" || u.field === "title");
    if (unreadable.some((u) => u.field === "number" || u.field === "title")) continue;
    const planned = options.as === "csr" ? csrFromRow(row, repo, options, issue) : documentFromRow(row, repo, options, issue);
    if (!planned) continue;
    const key = foldPath(planned.path);
    const first = seen.get(key);
    if (first !== undefined) {
      issue(
        first.id === planned.id
          ? `number ${planned.id} is already on row ${first.row}; a register lists each document once — correct the number`
          : `number ${planned.id} would be written to the same file as row ${first.row} (${first.id}), ${planned.path} — renumber one of them`,
        true,
      );
      continue;
    }
    seen.set(key, { row: raw.row, id: planned.id });
    if (existing.has(planned.id) || existingPaths.has(key) || options.targetExists?.(planned.path)) {
      plan.conflicts.push({ row: raw.row, path: planned.path });
      continue;
    }
    plan.files.push({ ...planned, row: raw.row });
  }
  plan.families = numberingFamilies(plan.files, repo);
  plan.links = formLinks(sheet, header, plan, repo);
  return plan;
}

/** File names compared as a case-insensitive filesystem (Windows, macOS) would. */
function foldPath(path: string): string {
  return path.normalize("NFC").toLowerCase();
}

/** `text` is a lookup key (cellKey); the register's names are compared the same way. */
function lookupDepartment(text: string, departments: Department[]): Department | undefined {
  const t = text.toLowerCase();
  const key = (s: string | undefined) => (s === undefined ? undefined : compactText(s.normalize("NFKC")).toLowerCase());
  return departments.find((d) => key(d.code) === t || key(d.name) === t || key(d.name_en) === t);
}

/** `text` as written: "张 丽", "陈　静" or "编制/张丽" find 张丽; spaces and invisible characters do not count. */
function lookupPerson(text: string, people: Person[]): Person | undefined {
  const key = (s: string | undefined) => (s === undefined ? undefined : compactText(s.normalize("NFKC")).toLowerCase());
  const candidates = [text, ...text.split(/[/、,，]/).reverse()].map((c) => key(c)!).filter(Boolean);
  for (const c of candidates) {
    const p = people.find((p) => key(p.name) === c || key(p.id) === c || key(p.name_en) === c);
    if (p) return p;
  }
  return undefined;
}

type Issue = (message: string, skipped?: boolean) => void;

function documentFromRow(row: RowReader, repo: Repository, options: ImportOptions, issue: Issue): Omit<PlannedFile, "row"> | undefined {
  const id = row.key("number");
  const title = row.text("title");
  if (!id) return void issue("no document number — fill the number cell", true);
  if (!DOCUMENT_ID.test(id)) return void issue(`'${showInvisible(row.text("number"))}' is not a document number (letters, digits, '-', '_', '.', '/' only) — correct the cell`, true);
  if (!title) return void issue(`${id} has no title — fill the title cell`, true);

  let level: Level;
  let kind: Kind;
  if (options.as === "procedures") [level, kind] = [2, "procedure"];
  else if (options.as === "instructions") [level, kind] = [3, "instruction"];
  else if (options.as === "forms") [level, kind] = [4, "form"];
  else {
    const byLevel = row.key("level") ? normalizeLevel(row.key("level")) : undefined;
    const byKind = row.key("kind") ? normalizeKind(row.key("kind")) : undefined;
    if (!byLevel && !byKind) {
      const given = row.text("level") || row.text("kind");
      return void issue(given ? `level '${given}' is not one of 1-4 (一级…四级) or a document kind — correct the cell` : `${id} has no level or kind — add a 层级 (level) column with 1-4`, true);
    }
    level = byLevel ?? byKind!.level;
    kind = byKind && (!byLevel || byKind.level === byLevel) ? byKind.kind : KIND_OF_LEVEL[level];
  }

  const departments = repo.config?.value.departments ?? [];
  const deptText = row.key("department") || compactText(options.department ?? "");
  const department = deptText ? lookupDepartment(deptText, departments) : undefined;
  if (deptText && !department) {
    return void issue(
      `department '${showInvisible(row.text("department") || deptText)}' is not in qms.yaml — add it under departments (e.g. '- { code: XX, name: ${deptText} }') and import again`,
      true,
    );
  }
  // A register without departments still says which documents exist: the file is written, and
  // csr check names the missing field until someone fills it in.
  if (!department) issue(`${id} has no department — written without one; fill 'department' in ${documentPath(id)} (or import with --department CODE)`);

  const statusText = row.text("status");
  let status = statusText ? normalizeStatus(statusText) : undefined;
  if (statusText && !status) issue(`status '${statusText}' is not understood (已发布, 草稿, 审批中) — set status in the file after import`);
  if (status === "obsolete") return void issue(`${id} is marked obsolete; withdrawn documents are not imported`, true);

  const doc = { id, title, level, kind, ...(department ? { department: department.code } : {}), status: "draft" } as ControlledDocument;
  const clauseText = row.text("clauses");
  if (clauseText) {
    const { clauses, bad } = normalizeClauses(clauseText, options.standard);
    if (bad.length) issue(`clause '${bad.join("', '")}' is not a clause number like 8.5.2 — fix the cell or the file after import`);
    if (clauses.length) doc.clauses = clauses;
  }

  const revision = revisionFromRow(row, repo, options, issue, id);
  if (!status && !revision && row.key("version")) {
    issue(`${id} is written as status: draft: the register gives no status and no revision could be recorded — set status and revisions in the file if it is released`);
  }
  status ??= revision ? "released" : "draft";
  doc.status = status;
  if (revision) doc.revisions = [revision];

  if (kind === "form") {
    const record: NonNullable<ControlledDocument["record"]> = {};
    if (row.text("retention")) record.retention = row.text("retention");
    const mediumText = row.text("medium");
    if (mediumText) {
      const medium = normalizeMedium(mediumText);
      if (medium) record.medium = medium;
      else issue(`storage '${mediumText}' is not paper (纸质), electronic (电子) or both — set record.medium in the file after import`);
    }
    if (row.text("location")) record.location = row.text("location");
    if (Object.keys(record).length) doc.record = record;
  }
  if (row.text("remarks")) doc.remarks = row.text("remarks");
  return { path: documentPath(id), id, kind, data: doc };
}

function revisionFromRow(row: RowReader, repo: Repository, options: ImportOptions, issue: Issue, id: string): Revision | undefined {
  const versionText = row.text("version");
  if (!versionText) return undefined;
  const version = normalizeVersion(versionText);
  if (!version) return void issue(`version '${showInvisible(versionText)}' is not a version like A/0 — fix the cell or the file after import`);
  const issuedCell = row.cell("issued");
  const date = normalizeDate(issuedCell);
  if (!date) {
    const given = cellText(issuedCell);
    const ambiguous = /^(\d{1,2})\.(\d{1,2})\.\d{4}$/.test(compactText(given)) ? " (day and month could be either way round; write YYYY-MM-DD)" : "";
    return void issue(
      given
        ? `issue date '${showInvisible(given)}' is not a date like 2021-05-05${ambiguous} — fix the cell; version ${version} of ${id} was not recorded`
        : `${id} has version ${version} but no issue date — the revision was not recorded; fill the date and import again, or add it with csr release`,
    );
  }
  const revision: Revision = {
    version,
    date,
    summary: options.lang === "en" ? "Imported from the existing register" : "从现有清单导入",
  };
  for (const role of ["prepared", "reviewed", "approved"] as const) {
    const name = row.text(role);
    if (!name) continue;
    const person = lookupPerson(name, repo.people.map((p) => p.value));
    if (person) revision[role] = { by: person.id };
    else {
      // Kept as written, so the signature is not lost; csr check reports it until the person is added.
      revision[role] = { by: name };
      issue(`${role} by '${showInvisible(name)}' is not in people.yaml — kept as written; add the person (id, name, department, roles) and put their id in ${role}.by`);
    }
  }
  return revision;
}

function lookupCustomer(text: string, customers: Customer[]): Customer | undefined {
  const t = text.toLowerCase();
  return customers.find((c) => c.code.toLowerCase() === t || c.name === text || c.name_en?.toLowerCase() === t);
}

function csrFromRow(row: RowReader, repo: Repository, options: ImportOptions, issue: Issue): Omit<PlannedFile, "row"> | undefined {
  const id = row.key("number");
  const title = row.text("title");
  if (!id) return void issue("no CSR id — fill the 编号 cell", true);
  if (!CODE.test(id)) return void issue(`'${id}' is not a CSR id (letters, digits, '-', '_', '.' only) — correct the cell`, true);
  if (!title) return void issue(`${id} has no title (要求名称) — fill the cell`, true);
  const customerText = row.key("customer") || row.key("customerName");
  if (!customerText) return void issue(`${id} names no customer — fill the 顾客代码 cell`, true);
  const customer = lookupCustomer(customerText, repo.customers.map((c) => c.value));
  if (!customer) return void issue(`customer '${customerText}' has no file in customers/ — add customers/<CODE>.yaml first, then import again`, true);
  const sourceText = row.key("source") ? row.text("source") : "";
  const source = customer.sources?.find((s) => s.id === sourceText || s.title === sourceText || s.title_en === sourceText);
  const sourceId = source?.id ?? sourceText;
  if (!sourceId || !CODE.test(sourceId)) {
    return void issue(`source document '${sourceText}' is not one of ${customer.code}'s sources — add it to customers/${customer.code}.yaml under sources, then import again`, true);
  }
  const revision = row.key("revision") || source?.revisions[source.revisions.length - 1]?.revision;
  if (!revision) return void issue(`${id} has no source revision — fill the 来源版本 cell`, true);
  const { clauses, bad } = normalizeClauses(row.text("clauses"), options.standard);
  if (bad.length) issue(`clause '${bad.join("', '")}' is not a clause number like 8.5.2 — fix the file after import`);
  if (clauses.length === 0) return void issue(`${id} names no clause — every CSR is keyed to a clause; fill the 条款 cell`, true);
  const received = normalizeDate(row.cell("received"));
  if (!received) {
    const given = row.text("received");
    return void issue(given ? `received date '${given}' is not a date like 2021-05-05 — correct the cell` : `${id} has no received date — fill the 接收日期 cell`, true);
  }
  const section = row.text("section");
  const text = row.text("text");
  const category = row.text("category");
  const csr: Csr = {
    id,
    customer: customer.code,
    source: { document: sourceId, revision, ...(section ? { section } : {}) },
    clauses,
    title,
    ...(text ? { text } : {}),
    ...(category ? { category } : {}),
    received,
  };
  return { path: csrPath(customer.code, id), id, kind: "csr", data: csr };
}

function numberingFamilies(files: PlannedFile[], repo: Repository): ImportPlan["families"] {
  const configured = (repo.config?.value.numbering ?? []).map((n) => ({ kind: n.kind, re: numberPatternToRegExp(n.pattern) }));
  const families = new Map<string, ImportPlan["families"][number]>();
  for (const f of files) {
    if (f.kind === "csr") continue;
    if (configured.some((n) => n.kind === f.kind && n.re.test(f.id))) continue;
    const pattern = patternOf(f.id);
    const key = `${f.kind} ${pattern}`;
    if (!families.has(key)) families.set(key, { kind: f.kind, pattern, example: f.id });
  }
  return [...families.values()];
}

/** A form register names each form's procedure; the link lives in the procedure's `forms`. */
function formLinks(sheet: RawSheet, header: HeaderRow, plan: ImportPlan, repo: Repository): ImportPlan["links"] {
  if (!header.columns.has("procedure")) return [];
  const links: ImportPlan["links"] = [];
  const byRow = new Map(sheet.rows.map((r) => [r.row, r]));
  for (const file of plan.files) {
    if (file.kind !== "form") continue;
    const text = cellText(byRow.get(file.row)?.cells[header.columns.get("procedure")!]);
    for (const procedure of text.split(/[/、,，;；\s]+/).filter(Boolean)) {
      const owner = repo.documents.find((d) => d.value.id === procedure)?.value;
      if (!owner?.forms?.includes(file.id)) links.push({ form: file.id, procedure });
    }
  }
  return links;
}
