/**
 * Turning the rows of a register into repository files. Nothing is written here: the result is
 * a plan (files to create, rows that were refused or only partly understood, conflicts with
 * existing files, numbering families to configure) that the import command prints and carries out.
 */
import { ANY_NUMBER, numberKind, numberPatternToRegExp, patternOf, tellingPatterns } from "../model/numbering.js";
import { readClauseRefs } from "../model/catalog.js";
import { CLASSIFICATIONS, layoutClassification, readClassification } from "../model/classification.js";
import { SIGNATURE_FLAGS } from "../model/index.js";
import { CODE_PATTERN, csrPath, documentPath } from "../model/paths.js";
import type { CsrNumbers } from "../model/csr-numbers.js";
import type { Repository } from "../load/repository.js";
import { CSR_STATUSES, csrStatus, csrStatusLabel, verifiedByOwner, type CsrStatus } from "../model/csr-status.js";
import { registeredRepeats } from "../model/csr-duplicates.js";
import { unmarkedSection } from "../model/sections.js";
import { countedRetention, retentionRuleText } from "../model/record-keeping.js";
import { SIGNATURE_ROLES, type ControlledDocument, type Csr, type Customer, type CustomerRetention, type Decision, type Department, type Person, type RetentionRule, type ReviewRecord, type Revision, type Role, type Signature, type SignatureRole, type SymbolConversion } from "../model/types.js";
import { isIsoDate, readDate } from "../core/dates.js";
import { currentRevision } from "../model/index.js";
import { isSuccessor } from "../model/revision.js";
import { UserError } from "../core/errors.js";
import { isPeopleRegister } from "./people-register.js";
import { departmentNamed } from "../model/department-names.js";
import { namesakeRefusal, peopleNamed, unitsOf } from "../model/person-names.js";
import { catalog, conjunction, disjunction, LANGS, language, list, t, translate, type Lang, type MessageKey } from "../i18n/index.js";
import { combinedTitleAndNumber, findHeaderRow, headerExample, normalizeHeader, type Field, type HeaderRow } from "./headers.js";
import { compactText, escapeRegExp, shellArgument, showInvisible } from "../core/text.js";
import { approvalOf } from "../report/registers/symbols.js";
import {
  cellKey,
  cellText,
  KIND_OF_LEVEL,
  normalizeDate,
  DISPOSITION_SPELLINGS,
  normalizeDisposition,
  saysAgreedAlternative,
  splitAlternative,
  normalizeKind,
  normalizeLevel,
  normalizeMedium,
  normalizeStatus,
  normalizeVersion,
  personIdFromName,
  PERSON_ID,
  SIGNING_ROLE,
  type Kind,
  type Level,
} from "./normalize.js";
import { UnreadableCell, type RawRow, type RawSheet } from "./read.js";
import { completeFromRegister, registerCompletionRefusal, type Completion } from "./complete.js";
import { conversionOf, staleApprovalCell, symbolRemarks } from "./symbol-remarks.js";
import { conversionText, conversionValues } from "../model/symbols.js";
import { distributionFromCell, REFUSING_NOTES, trainingFromCell, trainingStateNote, type RecordNote } from "./csr-records.js";

export const IMPORT_KINDS = ["procedures", "instructions", "forms", "documents", "external", "csr", "symbols"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/**
 * Other words a user gives --as for a kind of register: a 记录表单一览表 is "a register of records",
 * but csr imports its rows as forms (a record is a filled-in form). The value is not taken: the
 * usage error suggests the kind.
 */
export const IMPORT_KIND_WORDS: Readonly<Record<string, ImportKind>> = {
  record: "forms",
  records: "forms",
  记录: "forms",
  表单: "forms",
  记录表单: "forms",
  程序文件: "procedures",
  作业指导书: "instructions",
  三级文件: "instructions",
  受控文件: "documents",
  外来文件: "external",
  标准: "external",
  顾客特定要求: "csr",
  特殊特性: "symbols",
};

export interface ImportOptions {
  as: ImportKind;
  /**
   * Standard for bare clause numbers (8.3): --standard's, else the one standard of qms.yaml; undefined when
   * qms.yaml names several and --standard is not given, when a bare clause is ambiguous (tester76 M2: planImport
   * refuses the register naming the rows, unless the clause column's header names its standard).
   */
  standard: string | undefined;
  /** The standards of qms.yaml (its `standards`), which an ambiguous bare clause could be of. */
  standards?: readonly string[];
  /** Bare clause numbers of the rows when `standard` is undefined, collected by clausesOfRow for planImport to refuse together. */
  bareClauses?: { row: number; clauses: string[] }[];
  /** Department for rows that name none. */
  department?: string;
  lang: "zh-CN" | "en";
  /** The register's file name, which a review record imported without a record column cites. */
  register?: string;
  /** Hands out ids to the rows of a CSR list that give none: the customers' next free numbers, as `csr add` takes them. */
  csrNumbers: CsrNumbers;
  /** People the register names who are not in people.yaml will be added to it (so no per-row message). */
  addPeople?: boolean;
  /** YYYY-MM-DD: the day the import is made as of (`csr import --today`), which a pending document's effective date must follow. */
  today: string;
  /**
   * What `csr import --as csr --customer --source --received` gives every row of a customer's own table
   * (章节, 要求名称, 要求内容, 对应条款 only, tester64 N8), for a row whose cell is empty or absent (CsrDefaults).
   */
  csrDefaults?: CsrDefaults;
  /**
   * `csr import --version-in-use`: the version in use of the documents whose row gives neither a version nor
   * a status (a 记录清单 without a 版本 column), released before csr as a version the register gives is (tester67b B5).
   */
  versionInUse?: string;
  /** The date received a CSR list's title rows give (接收日期：2025.3.1), for its rows that give none when --received does not (tester67b B6). */
  titleReceived?: string;
  /**
   * Whether something is at this repository-relative path on disk already (a file the loader
   * skipped, or one whose name differs only in case on a case-insensitive filesystem).
   */
  targetExists?: (path: string) => boolean;
}

/**
 * A CSR list's customer (its code), source document (a current one of the customer's: its id) and date
 * received, as --customer, --source and --received give them, checked against the repository. Without
 * --received, a row with no 接收日期 column is received when its source revision was (as `csr add`
 * takes it); an empty cell of the column is not guessed at.
 */
export interface CsrDefaults {
  customer?: string;
  source?: string;
  received?: string;
}

export interface PlannedFile {
  row: number;
  /** Repository-relative. */
  path: string;
  id: string;
  kind: Kind | "csr" | "symbols";
  /** A symbol table is one file, symbols.yaml, with a row per symbol. */
  data: ControlledDocument | Csr | { symbols: SymbolConversion[] };
  /** Names on this row that are not in people.yaml, with the id the file records for each. */
  signers?: Signer[];
  /** A form written without a retention period because the register has no retention column (the import report lists them together). */
  noRetention?: boolean;
  /** A document written as a draft because the register gives neither a status nor a version (the import report lists them together). */
  unstatedDraft?: boolean;
  /** Its version is --version-in-use's, the row giving none (the import report lists them together). */
  versionInUse?: boolean;
  /** A withdrawn document, imported as obsolete as the register marks it (the import report lists them together). */
  withdrawn?: boolean;
  /** The department was taken from 保存部门, the register naming no other (the import report says so once). */
  departmentFromKeeper?: boolean;
  /** The revision is dated by 实施日期 / 生效日期, the row giving no 发布日期 (the import report lists them together). */
  dateFromEffective?: boolean;
  /** `effective` was taken from 发布日期, the row giving no 实施日期 / 生效日期 (the import report lists them together). */
  effectiveFromIssued?: boolean;
  /**
   * A revision recorded without a date (the import report counts them): a form's, the register having
   * no date column (`no-column`), or any document's whose date cell says the date is on the paper
   * record as csr prints it (revision.date.unknown: `on-paper`).
   */
  undated?: "no-column" | "on-paper";
  /** Signature cells the row writes that were not recorded as signatures (each said on the row): the import's closing line says so. */
  unreadSignatures?: SignatureRole[];
  /** The row's signatures are the version in force's; the version pending after it has none the register gives (withPendingVersion, said on the row). */
  pendingUnsigned?: boolean;
  /**
   * A decided CSR whose list names no review record: its review.record says where it was imported
   * from instead, for the user to replace with the signed record's number.
   */
  recordNoted?: boolean;
  /** A CSR the list gave no id: the id is the customer's next free number; `no` is the row's 序号, when it has one. */
  assigned?: { no?: string };
  /**
   * A CSR list's 完成日期 (实施日期) as read on this row: the date implemented, the row's status saying
   * it is done, else the due date (the import report counts them).
   */
  completedAs?: "implemented" | "due";
  /** A CSR whose date received the list does not give (CsrDefaults): --received's (`option`), its title rows' (`title`), or its source revision's (`source`). */
  receivedFrom?: "option" | "title" | "source";
}

export interface Signer {
  /** Made from the name as the register writes it (personIdFromName). */
  id: string;
  role?: Role;
  department?: string;
}

/** Someone the register names who is not in people.yaml: what --add-people adds. */
export interface NewPerson {
  id: string;
  /** The name as signed, which is also the id. */
  name: string;
  roles: Role[];
  /** The department of the first document that names them, else --department; unknown when neither is given. */
  department?: string;
  rows: number[];
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
  /** The rows refused whole (an issue with `skipped`): a row refused for two cells is one row. */
  refusedRows: ReadonlySet<number>;
  /**
   * Rows whose document is in the repository already and that were not imported over it: `message` says how the row
   * differs from the document (its version, date, title, department: tester76 M5), absent when the file is not one csr read.
   */
  conflicts: { row: number; path: string; message?: string }[];
  /** Rows whose document is in the repository already as the row writes it (version, date, title, department, clauses): counted, nothing to do. */
  unchanged: number[];
  /** Rows whose document is in the repository already, of the same version, and lacks register data the row gives (import/complete.ts). */
  completions: { row: number; id: string; path: string; version: string; completion: Completion }[];
  /** Numbering patterns not yet in qms.yaml, by kind. */
  families: { kind: Kind; pattern: string; example: string }[];
  /**
   * Forms whose owning procedure (the register's 所属程序) does not list them yet: `path` is the
   * procedure's file when it is in the repository, undefined when it is nowhere.
   */
  links: { row: number; form: string; procedure: string; path?: string; missing?: "absent" | "not-a-number" | "unreadable" }[];
  /** People named in the register who are not in people.yaml, by id. */
  people: NewPerson[];
  /** Recognised columns that this kind of import does not read, as headed in the register. */
  unused: string[];
  /** Columns csr's own register works out from the records (CSR_COMPUTED_COLUMNS), as headed in the register: not imported, said so with why. */
  computed: string[];
  /** A CSR list without a title column: each requirement's title is its text, from this column (said once). */
  titleFrom?: string;
  /** Values of the rows imported that the files record otherwise than the register writes them (A0 as A/0, 第8.5.2条 as 8.5.2): the report says each once. */
  readings: { row: number; column: string; from: string; to: string }[];
  /**
   * What the register says of itself, not of its entries (tester54b B20): a form number (and version)
   * in its title rows (表单编号：QR-001-02 版本：A/0), and the sign-off line under it (编制：陈静 审核：…).
   */
  own?: { form?: { row: number; id: string; version?: string }; signOff?: { row: number; text: string }; date?: { row: number; text: string }; received?: { row: number; text: string; date?: string }; organisation?: { row: number; name: string } };
  /** Rows of a symbol table added to the symbols.yaml the repository has (tester20 F23): each customer symbol not in it yet. */
  symbolsAdded?: { row: number; symbols: SymbolConversion[] };
  /** Rows of a symbol table already in symbols.yaml with the same conversion: not written again, said per row. */
  symbolsKnown?: { row: number; customer: string; customerSymbol: string }[];
}

/**
 * The columns a register of each kind cannot do without: one of each group. Without one, no row
 * could be imported, so the import stops naming it and the headers it found, rather than refusing
 * every row (or, worse, taking every row for an empty line).
 */
const REQUIRED_COLUMNS: Record<ImportKind, Field[][]> = {
  procedures: [["number"], ["title"]],
  instructions: [["number"], ["title"]],
  forms: [["number"], ["title"]],
  documents: [["number"], ["title"], ["level", "kind"]],
  external: [["number"], ["title"]],
  csr: [["title", "text"], ["customer", "customerName"], ["source"], ["clauses"], ["received"]],
  symbols: [["customer", "customerName"], ["customerSymbol"], ["customerClass"], ["symbol"], ["class"]],
};

/**
 * Whether a sheet's header has the columns a register of `as` cannot do without (a 层级 column aside,
 * which numbering may stand for; a CSR list's customer, source and date received aside when given, CsrDefaults).
 */
export function hasRegisterColumns(header: HeaderRow, as: ImportKind, given?: CsrDefaults): boolean {
  return requiredColumns(as, given).every((group) => group.includes("kind") || group.some((field) => header.columns.has(field)));
}

/**
 * The columns csr's own registers work out from the records, as they head them in either language: 截至 (the day a CSV's
 * figures hold on, on every register) and the CSR list's 评审期限, 剩余工作日 and 期限说明, from the dates received and
 * decided and the working-day calendar. A list csr exported comes back with them; they are not imported, and the report
 * says why, apart from the columns it does not know (aud68 A5: 期限说明 is one of them).
 */
const COMPUTED_COLUMNS: Readonly<Record<"any" | "csr", readonly MessageKey[]>> = {
  any: ["as-of.column"],
  csr: ["register.csr.list.column.reviewDue", "register.csr.list.column.daysLeft", "register.csr.list.column.deadlineNote"],
};

function computedColumn(label: string, as: ImportKind): boolean {
  const keys = [...COMPUTED_COLUMNS.any, ...(as === "csr" ? COMPUTED_COLUMNS.csr : [])];
  return LANGS.some((lang) => keys.some((key) => normalizeHeader(translate(lang, key)) === normalizeHeader(label)));
}

/** REQUIRED_COLUMNS of `as`, without the groups CsrDefaults stands for: the date received is --received's, or the source revision's (csrFromRow). */
function requiredColumns(as: ImportKind, given: CsrDefaults | undefined): Field[][] {
  if (as !== "csr" || !given) return REQUIRED_COLUMNS[as];
  const stands = (group: Field[]) =>
    (group.includes("customer") && given.customer !== undefined) || (group.includes("source") && given.source !== undefined) || (group.includes("received") && (given.received !== undefined || given.source !== undefined || given.customer !== undefined));
  return REQUIRED_COLUMNS[as].filter((group) => !stands(group));
}

/** The columns of a CSR list --customer, --source and --received stand for (CsrDefaults). */
const CSR_DEFAULTED: ReadonlySet<Field> = new Set(["customer", "customerName", "source", "received"]);

function refuseMissingColumns(header: HeaderRow, rows: RawRow[], as: ImportKind, kindByNumber: boolean, given: CsrDefaults | undefined): void {
  const missing = requiredColumns(as, given).filter((group) => !group.some((field) => header.columns.has(field)) && !(kindByNumber && group.includes("kind")));
  if (missing.length === 0) return;
  // A CSR list names its requirements 要求名称; a document register its documents 文件名称 (headerExample).
  const example = (field: Field) => (as === "csr" && field === "title" ? "要求名称" : headerExample(field));
  const names = missing.map((group) => disjunction(group.map((field) => `“${example(field)}”`)));
  const headerRow = rows.find((r) => r.row === header.row);
  const seen = (headerRow?.cells ?? []).map((c) => cellText(c)).filter(Boolean);
  throw new UserError(
    t("import.register.missing-columns", { count: missing.length, columns: conjunction(names), row: header.row, headers: list(seen.map((h) => `“${h}”`)) }),
    // A people register (人员名单) given as a document register: say what records people instead.
    t(isPeopleRegister({ name: "", rows }) ? "import.register.missing-columns.people-hint" : as === "csr" && missing.every((group) => group.some((field) => CSR_DEFAULTED.has(field))) ? "import.register.missing-columns.csr-hint" : "import.register.missing-columns.hint"),
  );
}

/** What a procedure, instruction, form or document register can carry; the other columns are CSR fields. */
const DOCUMENT_FIELDS = new Set<Field>(["no", "title", "number", "version", "versionNumber", "department", "clauses", "prepared", "reviewed", "approved", "countersigned", "standardization", "militaryRepresentative", "issued", "effective", "remarks", "retention", "customerRetention", "medium", "location", "keeper", "procedure", "level", "kind", "status", "classification", "level3", "level4", "uses", "publisher", "received", "withdrawn", "withdrawnReason"]);
const SYMBOL_FIELDS = new Set<Field>(["no", "customer", "customerName", "customerSymbol", "customerClass", "meaning", "symbol", "class", "customerApproval", "remarks"]);
const CSR_FIELDS = new Set<Field>(["no", "number", "title", "version", "customer", "customerName", "source", "revision", "section", "clauses", "text", "category", "classification", "received", "restarted", "disposition", "decidedBy", "decided", "confirmedBy", "confirmed", "justification", "lateReason", "reviewRecord", "reviewLeader", "owner", "due", "requiredBy", "completed", "implementationStatus", "addressed", "implemented", "evidence", "verifiedBy", "verified", "superseded", "supersededReason", "supersededBy", "distributed", "training", "status", "remarks"]);

/** The fields an import of each kind reads, as docs/import.md lists them. */
export function fieldsRead(as: ImportKind): ReadonlySet<Field> {
  return as === "csr" ? CSR_FIELDS : as === "symbols" ? SYMBOL_FIELDS : DOCUMENT_FIELDS;
}

const DOCUMENT_ID = /^[A-Za-z0-9][A-Za-z0-9_./-]*$/;
/** An external document's number as its publisher writes it, single spaces and ':' included (ISO 9001:2015; schemas/common.schema.json documentId). */
const EXTERNAL_ID = /^[A-Za-z0-9](?:[A-Za-z0-9_./-]|:(?=[0-9]{4}(?![0-9]))| (?=[A-Za-z0-9_./-]))*$/;

class RowReader {
  /** Values the row writes otherwise than the file records them (A0 → A/0), for the import report (ImportPlan.readings). */
  readonly readings: { column: string; from: string; to: string }[] = [];
  constructor(
    readonly header: HeaderRow,
    readonly raw: RawRow,
  ) {}
  cell(field: Field) {
    const i = this.header.columns.get(field);
    const cell = i === undefined ? undefined : this.raw.cells[i];
    const part = this.header.parts?.get(field);
    if (!part || typeof cell !== "string") return cell;
    // One name per signature the header names (陈静/徐海涛/王建国 under 编制/审核/批准); a cell that
    // writes another count of names is not split, but read whole as the first signature's, whose reading says it.
    const names = cell.split(/[/／、|]/).map((name) => name.trim());
    return names.length === part.of ? names[part.part] : undefined;
  }
  /**
   * The cell of a combined signature column (编制/审核/批准) that writes another count of names than
   * its header (陈静/徐海涛): not split, since which name signed what is not known; "" otherwise.
   */
  unsplit(field: Field): string {
    const part = this.header.parts?.get(field);
    const i = this.header.columns.get(field);
    const cell = i === undefined ? undefined : this.raw.cells[i];
    if (!part || typeof cell !== "string" || !cell.trim()) return "";
    return cell.split(/[/／、|]/).length === part.of ? "" : cell.trim();
  }
  /** As written in the register: titles and free text. */
  text(field: Field): string {
    return cellText(this.cell(field));
  }
  /**
   * For recognising a word and for looking up (see cellKey): never recorded as it stands, since
   * folding changes the spelling; a value the file records is read with value() or lookup(), which say the change.
   */
  key(field: Field): string {
    return cellKey(this.cell(field));
  }
  /**
   * The field's value as the file records it, read from the cell's text by `normalise`; undefined
   * when it cannot be read (or the cell is empty). A value recorded otherwise
   * than the register writes it (ＱＰ－００８ as QP-008, 秘密级 as 秘密, A0 as A/0) is said, so no
   * reading changes a value unsaid; spaces at the ends of the cell are not part of what it writes.
   */
  value<T extends string>(field: Field, normalise: (text: string) => T | undefined): T | undefined {
    const text = this.text(field);
    if (!text) return undefined;
    const value = normalise(text);
    if (value && value !== text) this.read(field, showCell(text), value);
    return value;
  }
  /**
   * A title as the register writes it, but on one line: a line break in the cell (Alt+Enter in a
   * narrow column) is the cell's layout, not part of the name: joined without a space between CJK
   * characters, with one between words (tester54b B18), and said as a spelling.
   */
  title(field: Field): string {
    const text = this.text(field);
    const joined = joinLines(text);
    if (joined !== text) this.read(field, showCell(text), joined);
    return joined;
  }
  /** A number or code the file records as the register writes it, folded as cellKey folds it (ＱＰ－００８ as QP-008, said); "" for an empty cell. */
  folded(field: Field): string {
    return this.value(field, (text) => compactText(text.normalize("NFKC"))) ?? "";
  }
  /**
   * What `find` finds by the field's key (a customer, a department), said as `recorded` shows it
   * when the cell's spelling had to be folded to find it (ＧＷＭ for GWM); a name found as written
   * (长城汽车股份有限公司 for GWM) is not a spelling and is not said.
   */
  lookup<T>(field: Field, find: (key: string) => T | undefined, recorded: (found: T) => string): T | undefined {
    const key = this.key(field);
    const found = key ? find(key) : undefined;
    if (found !== undefined && key !== this.text(field)) this.read(field, showCell(this.text(field)), recorded(found));
    return found;
  }
  /** Whether the register has the field's column at all (a cell may still be empty). */
  has(field: Field): boolean {
    return this.header.columns.has(field);
  }
  /** The text of every recognised cell of the row. */
  cells(): string[] {
    return [...this.header.columns.keys()].map((field) => this.text(field));
  }
  /** The header of the field's column, as the register writes it. */
  label(field: Field, absent: string = field): string {
    return this.header.labels.get(field) ?? absent;
  }
  /** Says that the cell of `field`, written `from`, is recorded as `to`. */
  read(field: Field, from: string, to: string): void {
    this.readings.push({ column: this.label(field), from, to });
  }
  /** Says that the version written in two columns, 版本 and 版次 (`A`, `2`), is recorded as `to` (A/2). */
  readVersionPair(from: string, number: string, to: string): void {
    this.readings.push({ column: list([this.label("version"), this.label("versionNumber")]), from: list([from, number]), to });
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
 * The part of a cell as written (8.5.6.1（顾客要求）, full-width brackets kept) that `folded`, read from
 * the cell's NFKC form, stands for: a message quotes the register, which the user then finds with
 * Ctrl+F (tester54b B25). `folded` itself when no part of the cell folds to it.
 */
export function asWritten(cell: string, folded: string): string {
  if (!folded || cell.includes(folded)) return folded;
  for (let i = 0; i < cell.length; i++) {
    for (let j = i + 1; j <= Math.min(cell.length, i + 3 * folded.length); j++) if (cell.slice(i, j).normalize("NFKC") === folded) return cell.slice(i, j);
  }
  return folded;
}

/** A cell's text for a message: a line break in it shown ⏎ (来料检验⏎记录), other invisible characters as <U+200B>. */
function showCell(text: string): string {
  return showInvisible(text.replace(/\r\n|\r|\n/g, "⏎"));
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303F\uFF00-\uFFEF]/u;

/** The lines of a cell joined into one: no space between CJK characters (来料检验 记录 → 来料检验记录), one between words. */
export function joinLines(text: string): string {
  return text.replace(/[ \t\u3000]*(?:\r\n|\r|\n)[\s\u3000]*/g, (brk: string, at: number, whole: string) =>
    CJK.test(whole[at - 1] ?? "") || CJK.test(whole[at + brk.length] ?? "") ? "" : " ",
  );
}

/**
 * The labels of the sign-off lines under a register, as compactText leaves them, lower case: the
 * usual Chinese ones and those an English register of csr prints (output.signature.*: "Prepared by").
 */
let signOff: Set<string> | undefined;
const signOffLabels = (): Set<string> =>
  (signOff ??= new Set([
    "编制", "审核", "批准", "制表", "制表人", "会签", "复核", "审批", "校对",
    ...Object.entries(catalog("en")).flatMap(([key, label]) => (key.startsWith("output.signature.") ? [compactText(label).toLowerCase()] : [])),
  ]));

/**
 * Rows that end a register's data: 以下空白 ("blank below"), totals, END, and the sign-off lines
 * 编制：… 审核：… 批准：… (Prepared by: … in English) under the table. `identifying`: the columns
 * that make an entry (number, title, a requirement's text). A sign-off line holds nothing else in
 * them: an entry whose 备注 reads 编制：刘明/周鹏 (what csr itself writes for a signature cell of two
 * names) is an entry, and the rows after it are read (tester51 #1).
 */
function isFooter(raw: RawRow, identifying: ReadonlySet<number | undefined>): boolean {
  const compact = raw.cells.map((c) => compactText(cellText(c).normalize("NFKC")));
  const texts = compact.filter(Boolean);
  if (texts.length === 0) return false;
  if (/^[-—–_*]*(以下空白|以下无内容|以下无正文|合计|总计|小计|end|endoflist)[-—–_*]*$/i.test(texts[0]!)) return true;
  // A totals line: 共计：15 份程序文件, 合计 43 份, 共 12 项.
  if (/^(共计|合计|总计|小计|共)[:：]?\d+(份|个|项|条|页|行|种)/.test(texts[0]!)) return true;
  const signOffCell = (t: string) => {
    const label = /^([^:：]+)[:：]/.exec(t)?.[1];
    return label !== undefined && signOffLabels().has(label.toLowerCase());
  };
  return texts.some(signOffCell) && compact.every((t, i) => t === "" || !identifying.has(i) || signOffCell(t));
}

/**
 * The form number a register's title rows give it (表单编号：QR-001-02 版本：A/0, or QR-001-03 A0 on a
 * line of its own), with its version when one follows: the register is itself a controlled form.
 */
function registerForm(titleRows: RawRow[]): { row: number; id: string; version?: string } | undefined {
  for (const raw of titleRows) {
    const text = raw.cells.map((c) => cellText(c)).filter(Boolean).join(" ").normalize("NFKC");
    const m = /(?:^|[\s:：])([A-Za-z][A-Za-z0-9]*(?:[-_/][A-Za-z0-9]+)*-\d+(?:-\d+)*)(?:\s*(?:版本|版次|rev\.?|version)?\s*[:：]?\s*([A-Za-z]\s*\/?\s*\d+|[A-Za-z](?![A-Za-z0-9])))?/i.exec(text);
    if (!m) continue;
    const version = m[2] ? normalizeVersion(m[2]) : undefined;
    return { row: raw.row, id: m[1]!, ...(version ? { version } : {}) };
  }
  return undefined;
}

/** A note as people write one under a register: 注：…, 注1：…, 说明：…, 备注：…, Note: … */
const WRITTEN_NOTE = /^(?:注|说明|备注|附注|notes?|remarks?)\s*\d*\s*[:：.]/i;

/**
 * The texts of a row's cells, one cell merged across several (read as the same text in each cell it
 * covers) once: a sign-off line merged across the table is quoted as written, not once per column (tester67b B8).
 */
function mergedTexts(raw: RawRow): string[] {
  const texts = raw.cells.map((c) => cellText(c).trim());
  return texts.filter((text, i) => text !== "" && text !== texts[i - 1]);
}

/**
 * The company a register's title rows name as its own (苏州恒立精密部件有限公司 记录清单): a name ending in
 * 公司 that no label introduces — 顾客：长城汽车股份有限公司 names the customer, not the register's company.
 */
function registerOrganisation(titleRows: RawRow[]): { row: number; name: string } | undefined {
  for (const raw of titleRows) {
    for (const part of mergedTexts(raw).join(" ").split(/\s+/)) {
      if (/[:：]/.test(part)) continue;
      const name = /^\p{Script=Han}[\p{Script=Han}A-Za-z0-9（）()]{1,40}?(?:有限责任公司|有限公司|公司)/u.exec(part)?.[0];
      if (name) return { row: raw.row, name };
    }
  }
  return undefined;
}

/**
 * The date received a CSR list's title rows give (顾客：… CSR版本：… 接收日期：2025.3.1): the list was
 * received that day, as a row's 接收日期 would say; `date` undefined when the text after the label is no date.
 */
function registerReceived(titleRows: RawRow[]): { row: number; text: string; date?: string } | undefined {
  for (const raw of titleRows) {
    const text = mergedTexts(raw).join(" ").normalize("NFKC");
    const m = /(?:接收日期|接收时间|收到日期|收到时间|收文日期|received(?: date)?)\s*[:：]\s*(\S+)/i.exec(text);
    if (!m) continue;
    const date = normalizeDate(m[1]!);
    return { row: raw.row, text: m[1]!, ...(date ? { date } : {}) };
  }
  return undefined;
}

/**
 * The date a register's title rows give the register itself (文件类别：二级文件　更新日期：2024年3月1日): the day the list
 * was last brought up to date, which no document's record holds (csr prints its registers as of a day); said, not kept (tester76 M10).
 */
function registerDate(titleRows: RawRow[]): { row: number; text: string } | undefined {
  for (const raw of titleRows) {
    const text = mergedTexts(raw).join(" ").normalize("NFKC");
    const m = /((?:更新|修订|编制|制表|发布|登记)(?:日期|时间)|update[ds]?(?: on| date)?|last updated)\s*[:：]\s*(\S+)/i.exec(text);
    if (m) return { row: raw.row, text: `${m[1]}：${m[2]}` };
  }
  return undefined;
}

/**
 * The column of the one text a row holds, in one cell or in adjacent cells that all read the same (one cell
 * merged across them, as csr writes a note under a register); undefined for any other row, or one with a cell
 * that cannot be read.
 */
function lone(raw: RawRow): number | undefined {
  if (raw.cells.some((c) => c instanceof UnreadableCell)) return undefined;
  const filled = raw.cells.flatMap((c, i) => (cellText(c) !== "" ? [i] : []));
  if (filled.length === 0) return undefined;
  const first = filled[0]!;
  const text = cellText(raw.cells[first]);
  return filled.every((i, k) => i === first + k && cellText(raw.cells[i]) === text) ? first : undefined;
}

/** The text of a row that holds one text in two or more cells and nothing else: a heading merged across the row. */
function groupHeading(raw: RawRow): string | undefined {
  if (raw.cells.some((c) => c instanceof UnreadableCell)) return undefined;
  const texts = raw.cells.map((c) => cellText(c).trim()).filter(Boolean);
  return texts.length >= 2 && texts.every((text) => text === texts[0]) ? texts[0] : undefined;
}

export function planImport(sheet: RawSheet, repo: Repository, options: ImportOptions): ImportPlan | undefined {
  const headerRow = findHeaderRow(sheet.rows);
  if (!headerRow) return undefined;
  const found = versionColumns(headerRow);
  const header = options.as === "csr" ? markColumns(csrColumns(found), sheet) : options.as === "symbols" ? found : documentColumns(found, options.as);
  const combined = header.ignored.find(combinedTitleAndNumber);
  if (combined && !header.columns.has("number")) {
    throw new UserError(
      t("import.register.combined-column", { column: combined }),
      t("import.register.combined-column.hint"),
    );
  }
  // A 受控文件清单 without a 层级 / 文件类别 column: the number says the kind, by qms.yaml numbering (tester54b B10).
  const numbering = tellingPatterns(repo.config?.value.numbering ?? []);
  const kindByNumber = options.as === "documents" && !header.columns.has("level") && !header.columns.has("kind") && numbering.length > 0;
  refuseMissingColumns(header, sheet.rows, options.as, kindByNumber, options.csrDefaults);
  // 标准条款（GJB 9001C）: the column's bare clause numbers are of the standard its header names (tester76 M2).
  const clauseLabel = header.labels.get("clauses");
  const headerStandard = clauseLabel === undefined ? undefined : standardOfHeader(clauseLabel, options.standards ?? [...repo.catalogs.keys()]);
  options = { ...options, ...(headerStandard ? { standard: headerStandard } : {}), bareClauses: [] };
  const used = fieldsRead(options.as);
  const kindNote = kindByNumber ? [{ row: header.row, message: t("import.document.kind-by-number", { patterns: list(numbering.map((n) => `${n.pattern} ${t(`value.kind.${n.kind}` as MessageKey)}`)) }), skipped: false }] : [];
  const unused = [...header.labels].filter(([field]) => !used.has(field)).map(([, label]) => label);
  const computed = header.ignored.filter((label) => computedColumn(label, options.as));
  const plan: ImportPlan = { header, dataRows: 0, files: [], issues: kindNote, refusedRows: new Set(), conflicts: [], unchanged: [], completions: [], families: [], links: [], people: [], unused, computed, readings: [] };
  if (options.as === "csr" && !header.columns.has("title")) plan.titleFrom = header.labels.get("text");
  // Keyed by the target path, case-folded: different numbers can share a file (CS/QP-101 and
  // CS_QP-101 are both documents/CS_QP-101.yaml, and QP-101 and qp-101 are one file on a
  // case-insensitive filesystem). Every target is settled here, before anything is written.
  const seen = new Map<string, { row: number; id: string }>();
  const existing = new Set([...repo.documents.map((d) => d.value.id), ...repo.unvalidated.documents, ...repo.csrs.map((c) => c.value.id), ...repo.unvalidated.csrs]);
  const existingPaths = new Set(repo.files.map((f) => foldPath(f.path)));
  const symbols: { row: number; symbol: SymbolConversion }[] = [];
  // The columns that can make an entry alone (number, title, a requirement's text).
  const identifying = new Set((["number", "title", "text"] as const).map((field) => header.columns.get(field)));
  const dataRows: RawRow[] = [];
  for (const raw of sheet.rows.filter((r) => r.row > header.row)) {
    if (isFooter(raw, identifying)) {
      // The sign-off under the table (after 以下空白 too), when it names someone (编制：陈静), not the blank lines csr prints (Prepared by: ________).
      const signed = (footer: RawRow) =>
        footer.cells.some((c) => {
          const [label, ...rest] = cellText(c).normalize("NFKC").split(/[:：]/);
          return rest.length > 0 && signOffLabels().has(compactText(label!).toLowerCase()) && /\p{L}/u.test(rest.join(""));
        });
      const signOff = sheet.rows.find((r) => r.row >= raw.row && signed(r));
      if (signOff) plan.own = { ...plan.own, signOff: { row: signOff.row, text: mergedTexts(signOff).join(" ") } };
      break;
    }
    dataRows.push(raw);
  }
  const titleRows = sheet.rows.filter((r) => r.row < header.row);
  const form = registerForm(titleRows);
  if (form) plan.own = { ...plan.own, form };
  const organisation = registerOrganisation(titleRows);
  if (organisation) plan.own = { ...plan.own, organisation };
  const titleDate = registerDate(titleRows);
  if (titleDate) plan.own = { ...plan.own, date: titleDate };
  const titleReceived = options.as === "csr" ? registerReceived(titleRows) : undefined;
  if (titleReceived) {
    plan.own = { ...plan.own, received: titleReceived };
    if (titleReceived.date) options = { ...options, titleReceived: titleReceived.date };
  }
  // A text alone in its row after the last entry, in none of the identifying columns, is a note under
  // the table, not an entry: csr writes its notes there, in the first column after those repeated on
  // every page when a register prints several pages wide (顾客代码 of the CSR list).
  // A long note is one cell merged across the columns after those (wrapped; on a sheet printed several pages wide,
  // across those of its first page), read as the same text in each cell it covers: one text all the same.
  const note = (raw: RawRow) => {
    const filled = lone(raw);
    return filled !== undefined && !identifying.has(filled);
  };
  const notes: RawRow[] = [];
  while (dataRows.length > 0 && note(dataRows.at(-1)!)) notes.unshift(dataRows.pop()!);
  // The 受控文件清单 prints several pages wide with 文件名称 right after its repeated columns, so its
  // notes (另有 1 份文件尚未发布…) stand in the column of the title: there a note is told from an entry
  // as csr writes it, a sentence alone in its row, the first of them one empty row under the entries.
  const sentence = (raw: RawRow) => {
    const filled = lone(raw);
    return filled !== undefined && /[。.]$/.test(cellText(raw.cells[filled]).trim());
  };
  let first = dataRows.length;
  while (first > 0 && sentence(dataRows[first - 1]!)) first--;
  if (first > 0 && first < dataRows.length && dataRows[first]!.row > dataRows[first - 1]!.row + 1) notes.unshift(...dataRows.splice(first));
  // A note under the table (注：保存期限自记录形成之日起计算) has no place in the files: said on its row, not dropped unseen (tester67b B9).
  // csr's own notes (counts it works out again) come back with its registers and are not said.
  for (const raw of notes) {
    const text = mergedTexts(raw).join(" ");
    if (WRITTEN_NOTE.test(text.normalize("NFKC"))) plan.issues.push({ row: raw.row, message: t("import.row.note", { text }), skipped: false });
  }
  if (options.as === "csr") reserveListedIds(dataRows, header, repo, options.csrNumbers);
  // The numbers of the register's own rows: a procedure that names another of the list names a document.
  const numberColumn = header.columns.get("number");
  const listed = new Set(numberColumn === undefined ? [] : dataRows.map((raw) => cellKey(raw.cells[numberColumn])).filter(Boolean));
  // A column hidden in Excel is read like any other; the user, who does not see it, is told (tester54b B7).
  for (const [field, column] of header.columns) {
    if (sheet.hiddenColumns?.includes(column)) plan.issues.push({ row: header.row, message: t("import.register.hidden-column", { column: header.labels.get(field) ?? field }), skipped: false });
  }
  // Rows of an earlier version of a document the register lists in force on another row (tester54b B1).
  const history = options.as === "csr" || options.as === "symbols" ? new Map<number, number>() : historyRows(dataRows, header);
  const earlier = new Map<number, { row: number; id: string; revision: Revision; remarks: string; signers: Signer[] }[]>();
  for (const raw of dataRows) {
    const row = new RowReader(header, raw);
    if (raw.cells.every((c) => cellText(c) === "" && !(c instanceof UnreadableCell))) continue;
    // A group heading (一、质量手册, 二、程序文件) is one cell merged across the row, read as the same text
    // in every cell it covers: no entry writes one text in all its columns. Said, not refused (tester51 #10).
    const heading = groupHeading(raw);
    if (heading !== undefined) {
      plan.issues.push({ row: raw.row, message: t("import.row.group-heading", { heading }), skipped: false });
      continue;
    }
    // A row with a value that cannot be taken is refused whole: a file written without that value
    // would stand for the row (a released procedure as an empty draft), and the corrected register
    // could not be imported over it. Every such value of the row is reported, so one pass fixes them.
    let refused = false;
    const issue = (message: string, skipped = false) => {
      refused ||= skipped;
      plan.issues.push({ row: raw.row, message, skipped });
    };
    const unreadable = row.unreadable();
    if (options.as === "symbols") {
      if (row.cells().every((c) => c === "")) continue;
      plan.dataRows++;
      for (const u of unreadable) issue(t("import.row.unreadable-cell", { column: row.label(u.field), reason: u.reason }), true);
      const symbol = unreadable.length ? undefined : symbolFromRow(row, repo, issue);
      if (symbol) symbols.push({ row: raw.row, symbol });
      plan.readings.push(...row.readings.map((r) => ({ row: raw.row, ...r })));
      continue;
    }
    // Pre-numbered empty lines have nothing but their 序号; a line with anything else is read (and refused if it lacks a number or a title).
    if (unreadable.length === 0 && [...header.columns.keys()].every((field) => field === "no" || row.text(field) === "")) continue;
    plan.dataRows++;
    // What the user sees in Excel is the register: a hidden row is not imported as in force on the quiet (tester54b B7).
    if (raw.hidden) {
      issue(t("import.row.hidden", { number: row.text("number") || row.text("title") || row.text("text") }), true);
      continue;
    }
    for (const u of unreadable) issue(t("import.row.unreadable-cell", { column: row.label(u.field), reason: u.reason }), true);
    if (unreadable.some((u) => u.field === "number" || u.field === "title")) continue;
    const current = history.get(raw.row);
    const planned = options.as === "csr" ? csrFromRow(row, repo, options, plan.files, issue) : documentFromRow(row, repo, options, listed, issue, current !== undefined);
    if (!planned || refused) continue;
    if (current !== undefined) {
      const revision = (planned.data as ControlledDocument).revisions?.[0];
      if (revision) {
        const list = earlier.get(current) ?? [];
        list.push({ row: raw.row, id: planned.id, revision, remarks: row.text("remarks"), signers: planned.signers ?? [] });
        earlier.set(current, list);
        plan.readings.push(...row.readings.map((r) => ({ row: raw.row, ...r })));
      }
      continue;
    }
    const key = foldPath(planned.path);
    const first = seen.get(key);
    if (first !== undefined) {
      issue(
        first.id === planned.id
          ? t("import.row.number-twice", { id: planned.id, row: first.row })
          : t("import.row.same-file", { id: planned.id, row: first.row, other: first.id, path: planned.path }),
        true,
      );
      continue;
    }
    seen.set(key, { row: raw.row, id: planned.id });
    if (existing.has(planned.id) || existingPaths.has(key) || options.targetExists?.(planned.path)) {
      // The document of this number imported before from elsewhere (its Word original) gets the register data it lacks (tester20 F10).
      const completion = planned.kind === "csr" || planned.kind === "symbols" ? undefined : registerCompletion(repo, planned.data as ControlledDocument);
      if (completion) plan.completions.push({ row: raw.row, id: planned.id, ...completion });
      else {
        const differs = planned.kind === "csr" || planned.kind === "symbols" ? undefined : differsFromRepository(repo, planned.data as ControlledDocument);
        if (differs === "same") plan.unchanged.push(raw.row);
        else plan.conflicts.push({ row: raw.row, path: planned.path, ...(differs ? { message: differs } : {}) });
      }
      continue;
    }
    plan.files.push({ ...planned, row: raw.row });
    plan.readings.push(...row.readings.map((r) => ({ row: raw.row, ...r })));
  }
  for (const [currentRow, rows] of earlier) {
    const file = plan.files.find((f) => f.row === currentRow);
    const inForce = (file?.data as ControlledDocument | undefined)?.revisions?.[0];
    if (!file || !inForce) {
      for (const r of rows) plan.issues.push({ row: r.row, message: t("import.document.history-without-current", { id: r.id, version: r.revision.version, row: currentRow }), skipped: true });
      continue;
    }
    for (const r of rows) {
      const said = { id: r.id, version: r.revision.version, current: inForce.version, row: currentRow, remarks: r.remarks };
      plan.issues.push({ row: r.row, message: t(r.remarks ? "import.document.history-row-remarks" : "import.document.history-row", said), skipped: false });
      file.signers = [...(file.signers ?? []), ...r.signers];
    }
    // Oldest first, as csr records a document's revisions: by date where both rows give one, else in register order.
    const older = rows.map((r) => r.revision).sort((a, b) => (a.date && b.date ? a.date.localeCompare(b.date) : 0));
    const doc = file.data as ControlledDocument;
    doc.revisions = [...older, ...doc.revisions!];
  }
  if (symbols.length) {
    if (existingPaths.has("symbols.yaml") || options.targetExists?.("symbols.yaml")) planSymbolRows(plan, symbols, repo);
    else plan.files.push({ row: symbols[0]!.row, path: "symbols.yaml", id: "symbols.yaml", kind: "symbols", data: { symbols: symbols.map((s) => s.symbol) } });
  }
  refuseBareClauses(options);
  // What a refused row would have been written with ("recorded as …") is not what happened to it.
  const refusedRows = new Set(plan.issues.filter((i) => i.skipped).map((i) => i.row));
  plan.refusedRows = refusedRows;
  // Nor what a row not imported because its file exists would have been written with (tester54b B19: no department).
  // A row that completes its file only adds register data to it: the file keeps its department.
  const conflictRows = new Set(plan.conflicts.map((c) => c.row));
  const keptDepartment = new Map(plan.completions.map((c) => [c.row, t("import.document.no-department", { id: c.id, path: documentPath(c.id) })]));
  plan.issues = plan.issues.filter((i) => i.skipped || (!refusedRows.has(i.row) && !conflictRows.has(i.row) && keptDepartment.get(i.row) !== i.message));
  plan.readings = plan.readings.filter((r) => !refusedRows.has(r.row));
  plan.families = numberingFamilies(plan.files, repo);
  plan.links = formLinks(sheet, header, plan, repo);
  plan.people = newPeople(plan.files, options.department ? departmentNamed(repo.config?.value.departments ?? [], options.department)?.department.code : undefined);
  return plan;
}

/**
 * An English "Implementation date" is when a CSR was implemented in a CSR list (headers.ts), but in a
 * document register, an external document list above all, it is the day a document takes effect
 * (实施日期): the `effective` column there, unless the register has one of its own.
 */
function documentColumns(header: HeaderRow, as: ImportKind): HeaderRow {
  // A document register's 类别 (分类) is the documents' kind (作业指导书, 三级文件: tester57 B13), when it has no 文件类别 or 层级 column.
  if (as === "documents" && header.columns.has("category") && !header.columns.has("kind") && !header.columns.has("level")) header = renamed(header, "category", "kind");
  const label = header.labels.get("implemented");
  if (label === undefined || header.columns.has("effective") || normalizeHeader(label) !== "implementationdate") return header;
  return renamed(header, "implemented", "effective");
}

/**
 * A 版次 column is the number of the version (版本 A, 版次 2: A/2, versionOfRow) beside a 版本 column,
 * and the version itself (A/2 written whole) in a register that has no 版本 column.
 */
function versionColumns(header: HeaderRow): HeaderRow {
  return header.columns.has("versionNumber") && !header.columns.has("version") ? renamed(header, "versionNumber", "version") : header;
}

/** The header with the column of `from` read as `to`. */
function renamed(header: HeaderRow, from: Field, to: Field): HeaderRow {
  const columns = new Map([...header.columns].map(([field, i]) => [field === from ? to : field, i] as const));
  const labels = new Map([...header.labels].map(([field, text]) => [field === from ? to : field, text] as const));
  return { ...header, columns, labels };
}

/**
 * A CSR list's 实施日期 (实施时间) is, like its 完成日期, the day a requirement was or is to be
 * implemented (csrFromRow reads which from the row's status), not a document's effective date: the
 * `completed` column there, unless the list has a 完成日期 of its own.
 */
function csrColumns(header: HeaderRow): HeaderRow {
  const dated = header.columns.has("effective") && !header.columns.has("completed") ? renamed(header, "effective", "completed") : header;
  // A CSR matrix's 对应程序 is where a requirement is addressed (落实文件), not a form's 所属程序 (tester67b B1).
  return dated.columns.has("procedure") && !dated.columns.has("addressed") ? renamed(dated, "procedure", "addressed") : dated;
}

/** A header that is a clause number (4.3.2, 8.5.1, GJB 9001C 8.3): a CSR matrix's column of marks. */
const CLAUSE_HEADER = /^(?:[A-Za-z]+\s*\d+[A-Za-z]?(?:-\d{4})?\s+)?\d+(?:\.\d+)+$/;
/** What a matrix writes in a clause column for a requirement of that clause. */
const CLAUSE_MARK = /^[●○◎√✓✔☑■▲★•]$/u;

/** A CSR matrix's clause columns (headed 4.3.2, 8.7, with ● in the rows of that clause): read as clauses, not listed as columns not imported (tester76 M9). */
function markColumns(header: HeaderRow, sheet: RawSheet): HeaderRow {
  const cells = sheet.rows.find((r) => r.row === header.row)?.cells ?? [];
  const used = new Set(header.columns.values());
  const marks = cells.flatMap((cell, column) => {
    const label = cellText(cell);
    return !used.has(column) && CLAUSE_HEADER.test(label.normalize("NFKC").trim()) ? [{ column, label }] : [];
  });
  if (marks.length === 0) return header;
  return { ...header, marks, ignored: header.ignored.filter((label) => !marks.some((m) => m.label === label)) };
}

/** The ids a CSR list gives are not handed out to its rows that give none. */
function reserveListedIds(rows: RawRow[], header: HeaderRow, repo: Repository, numbers: CsrNumbers): void {
  for (const raw of rows) {
    const row = new RowReader(header, raw);
    const customer = lookupCustomer(row.key("customer") || row.key("customerName"), repo.customers.map((c) => c.value));
    if (customer && row.key("number")) numbers.reserve(customer.code, row.key("number"));
  }
}

/** Values quoted one by one and listed as the language lists them: 'a', 'b' / 'a'、'b'. */
function quotedList(values: readonly string[]): string {
  return list(values.map((v) => `'${v}'`));
}

/** File names compared as a case-insensitive filesystem (Windows, macOS) would. */
function foldPath(path: string): string {
  return path.normalize("NFC").toLowerCase();
}

/**
 * The people of people.yaml a cell names as written (model/person-names.ts peopleNamed), read as a register writes a
 * signer: the whole cell, else its last part after a role ("编制/张丽": 张丽) or a list mark (、 , ，). Empty when nobody is
 * named; two or more when the name is one they share, which an import refuses to pick from (namesakeRefusal), as csr's
 * commands refuse such a name (commands/shared/people.ts knownPerson): a record names one person (IATF 16949 7.5.3.2.1).
 */
export function peopleWritten(text: string, people: readonly Person[]): Person[] {
  for (const part of [text, ...text.split(/[/、,，]/).reverse()]) {
    const named = peopleNamed(part, people);
    if (named.length > 0) return named;
  }
  return [];
}

/** The one person `text` names (peopleWritten); undefined when nobody is or when two or more share the name (ask peopleWritten which). */
export function lookupPerson(text: string, people: readonly Person[]): Person | undefined {
  const found = peopleWritten(text, people);
  return found.length === 1 ? found[0] : undefined;
}

type Issue = (message: string, skipped?: boolean) => void;

function documentFromRow(row: RowReader, repo: Repository, options: ImportOptions, listed: ReadonlySet<string>, issue: Issue, earlierVersion = false): Omit<PlannedFile, "row"> | undefined {
  // An external document keeps its publisher's number as written, spaces and all (GB/T 19001-2016).
  const byKind = row.key("kind") ? normalizeKind(row.key("kind")) : undefined;
  const external = options.as === "external" || (options.as === "documents" && byKind?.kind === "external");
  const id = external ? (row.value("number", publisherNumber) ?? "") : row.folded("number");
  const title = row.title("title");
  if (!id) return void issue(t("import.document.no-number"), true);
  if (!(external ? EXTERNAL_ID : DOCUMENT_ID).test(id)) return void issue(t(external ? "import.external.bad-number" : "import.document.bad-number", { number: showInvisible(row.text("number")) }), true);
  if (!title) return void issue(t("import.document.no-title", { id }), true);
  // A released document's revision in review, as csr's 在编文件 list and its list of documents in review
  // write it: the revision of a document, not a new one; never imported as a draft, nor refused as a version without a date.
  const inReview = external ? undefined : revisionInReview(row.text("status"));
  if (inReview) return void revisionRow(id, inReview, repo, issue);

  let level: Level;
  let kind: Kind;
  if (options.as === "procedures") [level, kind] = [2, "procedure"];
  else if (options.as === "instructions") [level, kind] = [3, "instruction"];
  else if (options.as === "forms") [level, kind] = [4, "form"];
  else if (options.as === "external") [level, kind] = [3, "external"];
  else {
    // A level word in the kind column (文件类别: 二阶文件) is a level too.
    const levelField: Field = row.key("level") || byKind ? "level" : "kind";
    const byLevel = row.key(levelField) ? normalizeLevel(row.key(levelField)) : undefined;
    if (byLevel && /阶|层次/.test(row.key(levelField))) row.read(levelField, row.text(levelField), t("import.read.level", { level: byLevel }));
    // The family of qms.yaml numbering the number fits decides first (HY-WI-003 under HY-WI-### is a work instruction,
    // tester57 B13), then the 层级 / 文件类别 column; a column that says another kind is said on the row, not followed silently.
    const byNumber = numberKind(id, tellingPatterns(repo.config?.value.numbering ?? []));
    if (byNumber && byNumber !== "external") {
      const givenField: Field = byKind ? "kind" : levelField;
      const given = byKind?.kind ?? (byLevel ? KIND_OF_LEVEL[byLevel] : undefined);
      if (row.text(givenField) && given !== byNumber) issue(t("import.document.kind-column-differs", { id, column: row.label(givenField), value: row.text(givenField), kind: t(`value.kind.${byNumber}` as MessageKey) }));
      [level, kind] = [LEVEL_OF_KIND[byNumber], byNumber];
    } else {
      if (!byLevel && !byKind) {
        if (!row.has("level") && !row.has("kind")) return void issue(t("import.document.kind-not-by-number", { id }), true);
        const given = row.text("level") || row.text("kind");
        return void issue(given ? t("import.document.bad-level", { level: given }) : t("import.document.no-level", { id }), true);
      }
      level = byLevel ?? byKind!.level;
      kind = byKind && (!byLevel || byKind.level === byLevel) ? byKind.kind : KIND_OF_LEVEL[level];
    }
  }
  // A row of another family in a register of one kind (WI-020 in a 程序文件一览表, WI-### configured for
  // instructions) is not of that kind: refused as csr check would find it (id/number-pattern), never
  // offered as a new family of this kind (tester54b B13).
  const other = options.as === "procedures" || options.as === "instructions" || options.as === "forms" ? otherFamily(id, kind, repo) : undefined;
  if (other) return void issue(t("import.document.other-family", { id, pattern: other.pattern, other: t(`value.kind.${other.kind}` as MessageKey), kind: t(`value.kind.${kind}` as MessageKey), as: other.kind === "external" ? "external" : KIND_IMPORT[other.kind] }), true);

  const departments = repo.config?.value.departments ?? [];
  // A record register (记录表单一览表) often names only the department that keeps the records (保存部门):
  // with no 归口/编制部门 column, that is the form's department too, when qms.yaml knows it.
  const findDepartment = (key: string) => departmentNamed(departments, key)?.department;
  const keeper = row.has("department") ? undefined : row.lookup("keeper", findDepartment, (d) => d.code);
  const deptText = keeper ? keeper.code : row.key("department") || compactText(options.department ?? "");
  const department = keeper ?? (row.key("department") ? row.lookup("department", findDepartment, (d) => d.code) : deptText ? findDepartment(deptText) : undefined);
  // A former name qms.yaml keeps as an alias (制造部 for PRD) is read as the department and said as a reading (tester76 M8).
  const departmentField: Field = keeper ? "keeper" : "department";
  if (department && row.key(departmentField) && row.key(departmentField) === row.text(departmentField) && departmentNamed(departments, row.key(departmentField))?.alias) row.read(departmentField, showCell(row.text(departmentField)), department.code);
  if (deptText && !department) return void issue(unknownDepartment(showInvisible(row.text("department") || deptText), deptText, departments), true);
  // A register without departments still says which documents exist: the file is written, and
  // csr check names the missing field until someone fills it in. A 保存部门 qms.yaml does not know (行政部, or a place: 档案室)
  // is kept as where the records are, and named with the fix when it is a department (tester76 M8).
  const unknownKeeper = !row.has("department") && !keeper && row.key("keeper") !== "";
  if (!department && unknownKeeper) issue(t("import.document.keeper-unknown", { id, column: row.label("keeper"), keeper: showInvisible(row.text("keeper")), name: row.key("keeper"), path: documentPath(id) }));
  else if (!department) issue(t("import.document.no-department", { id, path: documentPath(id) }));

  const statusText = row.text("status");
  const noted = row.has("status") ? undefined : statusInRemarks(row.text("remarks"));
  const pendingStatus = external && PENDING_STATUS.test(row.key("status").toLowerCase());
  // 临时（至 …）, as the controlled document list writes a temporary document's status: released, with its last valid day (tester61 L4).
  const until = external ? undefined : temporaryUntil(statusText);
  // A version released to take effect later, as csr's registers write it (notes64): in the status, or in 备注
  // where the status says no more than released (or the register has none); a 备注 that reads like one and is
  // not read is said on the row, never dropped unsaid (breaker64 P7).
  const inStatus = external ? undefined : statusText ? pendingInStatus(statusText) : undefined;
  const inRemarks = external || inStatus ? undefined : pendingInRemarks(row.text("remarks"), options.lang);
  const remarksReleased = !statusText || (normalizeStatus(statusText) === "released" && until === undefined);
  for (const part of inRemarks?.unread ?? []) issue(t("import.document.pending-unread", { id, column: row.label("remarks"), part, example: translate(options.lang, "register.version.pending", { version: "A/2", status: translate(options.lang, "register.status.pending", { date: "2026-12-14" }) }) }));
  if (inRemarks?.mark && !remarksReleased) {
    issue(t("import.document.pending-not-released", { id, column: row.label("remarks"), part: inRemarks.mark.written, status: statusText, statusColumn: row.label("status") }));
  }
  const pending = inStatus ?? (remarksReleased ? inRemarks?.mark : undefined);
  let status = pendingStatus || until !== undefined || pending ? "released" : statusText ? normalizeStatus(statusText) : noted?.status;
  if (statusText && !status) issue(t("import.document.bad-status", { status: statusText, column: row.label("status") }), true);
  // 已作废 as the first words of 备注, or a 作废日期, where the register has no status for the row: a withdrawn document.
  const remarksText = row.text("remarks");
  // An earlier version's row is read for its revision only: what it says of its withdrawal is said on its row (planImport).
  if (earlierVersion) status = "released";
  else if (!statusText && (WITHDRAWN_REMARK.test(compactText(remarksText.normalize("NFKC"))) || row.text("withdrawn"))) status = "obsolete";
  else if (status !== "obsolete" && row.text("withdrawn")) {
    issue(t("import.document.withdrawn-but-current", { id, column: row.label("withdrawn"), date: row.text("withdrawn"), status: statusText, statusColumn: row.label("status") }), true);
  } else if (status !== "obsolete" && /作废|废止|失效|停用/.test(remarksText)) {
    issue(t("import.document.remarks-mention-obsolete", { id, remarks: remarksText, column: row.label("remarks"), status: row.label("status", headerExample("status")) }));
  }
  const withdrawal = status === "obsolete" ? withdrawalFromRow(row, id, issue) : undefined;
  if (status === "obsolete" && !withdrawal) return;

  // A 密级 the layout prints anyway (its default) is not written, as csr import of a Word file does; one csr does not know refuses the row, never printed as the default.
  const classificationText = row.text("classification");
  const classification = row.value("classification", readClassification);
  if (classificationText && !classification) issue(t("import.document.bad-classification", { classification: classificationText, column: row.label("classification"), allowed: list([...CLASSIFICATIONS]) }), true);
  const marked = classification && classification !== layoutClassification(repo, { level, kind, id }) ? { classification } : {};
  const doc = { id, title, level, kind, ...(department ? { department: department.code } : {}), ...marked, status: "draft" } as ControlledDocument;
  if (withdrawal) doc.obsolete = withdrawal.obsolete;
  const clauses = clausesOfRow(row, repo, options, issue);
  if (clauses?.length) doc.clauses = clauses;
  if (external) {
    const given = externalFromRow(row, issue);
    if (pendingStatus && !(given.effective !== undefined && given.effective > options.today)) {
      issue(t("import.external.pending-without-date", { status: statusText, column: row.label("status"), effective: row.label("effective", headerExample("effective")) }), true);
    }
    const signed = (["prepared", "reviewed", "approved"] as const).filter((role) => row.text(role) !== "");
    if (signed.length) issue(t("import.external.signatures", { id, columns: list(signed.map((role) => row.label(role))) }));
    // As csr new external registers one: controlled (released) unless the register says otherwise, with no revision of the organisation's.
    doc.status = status ?? "released";
    doc.external = given;
    // A controlled external document is recorded with the day it was received (doc/approval-missing): a register that has the column and leaves the cell empty is not guessed at.
    if (doc.status === "released" && !row.text("received") && row.has("received")) {
      issue(t("import.external.no-received", { id, column: row.label("received") }), true);
    }
    const remarks = withdrawal?.fromRemarks ? "" : withoutReviewNote(noted ? noted.remarks : row.text("remarks"));
    if (remarks) doc.remarks = remarks;
    // Its department is the one that keeps it (保管部门, csr new external --department): nothing to report when the register names only that one.
    return { path: documentPath(id), id, kind, data: doc, signers: [], ...(withdrawal ? { withdrawn: true } : {}) };
  }

  const signers: Signer[] = [];
  const dated = revisionFromRow(row, repo, options, issue, id, kind, { signers, department: department?.code });
  const revision = dated?.revision;
  const versionInUse = revision !== undefined && !row.key("version") && !row.key("versionNumber");
  // Without a status and a version the register does not say the document is in force; it is not
  // made released on a guess, and the report lists these drafts together (doc/unreleased-referenced).
  const unstatedDraft = !status && !revision && !row.key("version") && !row.key("versionNumber");
  status ??= revision ? "released" : "draft";
  doc.status = status;
  if (dated?.effective) doc.effective = dated.effective;
  if (until !== undefined && status === "released") doc.valid_until = until;
  if (revision) doc.revisions = [revision];
  const pendingAfter = pending ? withPendingVersion(doc, pending, dated, row, issue) : undefined;
  if (pendingAfter === false) return;

  // IATF 16949 7.5.3.2.1, GJB 9001C 7.5.3: a form's records have a retention period. A register
  // without the column gets one line for all its forms; an empty cell is said on its row.
  let noRetention = false;
  if (kind === "form") {
    const record: NonNullable<ControlledDocument["record"]> = {};
    if (row.text("retention")) {
      record.retention = retentionOf(row);
      // The text is kept as written; csr list disposals counts by retention_term where the text is written otherwise than it reads (tester67b B2).
      const counted = retentionCount(record.retention);
      if (counted === undefined) issue(t("import.form.retention-uncounted", { text: record.retention, column: row.label("retention"), path: documentPath(id) }));
      else if (counted !== "counted") {
        record.retention_term = counted;
        issue(t("import.form.retention-counted", { text: record.retention, column: row.label("retention"), term: retentionRuleText(counted) }));
      }
    }
    else if (row.label("retention", "") === "") noRetention = true;
    else issue(t("import.document.no-retention", { id, column: row.label("retention") }));
    const mediumText = row.text("medium");
    if (mediumText) {
      const medium = normalizeMedium(mediumText);
      if (medium) record.medium = medium;
      else issue(t("import.document.bad-medium", { medium: mediumText, column: row.label("medium") }), true);
    }
    const location = row.text("location") || row.text("keeper");
    if (location) record.location = location;
    const customers = row.text("customerRetention");
    if (customers) {
      const periods = customerRetentions(customers, repo, row.label("customerRetention"), issue);
      if (periods.length > 0) record.retention_customer = periods;
    }
    if (Object.keys(record).length) doc.record = record;
  }
  const uses = usedDocuments(row, repo, id, listed, issue);
  if (uses.related.length) doc.related = uses.related;
  if (uses.forms.length) doc.forms = uses.forms;
  const ownRemarks = noted ? noted.remarks : pending?.remarks !== undefined ? pending.remarks : row.text("remarks");
  const remarks = [withdrawal?.fromRemarks ? "" : withoutReviewNote(ownRemarks), ...uses.unnamed, ...(dated?.kept ?? [])].filter(Boolean).join(options.lang === "en" ? "; " : "；");
  if (remarks) doc.remarks = remarks;
  return {
    path: documentPath(id),
    id,
    kind,
    data: doc,
    signers,
    ...(noRetention ? { noRetention } : {}),
    ...(withdrawal ? { withdrawn: true } : {}),
    ...(unstatedDraft ? { unstatedDraft } : {}),
    ...(versionInUse ? { versionInUse } : {}),
    ...(keeper ? { departmentFromKeeper: true } : {}),
    ...(dated?.dateFromEffective ? { dateFromEffective: true } : {}),
    ...(dated?.effectiveFromIssued ? { effectiveFromIssued: true } : {}),
    ...(revision && revision.date === undefined ? { undated: dated!.onPaper ? ("on-paper" as const) : ("no-column" as const) } : {}),
    ...(dated?.unread.length ? { unreadSignatures: dated.unread } : {}),
    ...(pendingAfter === "after" ? { pendingUnsigned: true } : {}),
  };
}

/** The import that reads a document of each kind numbering can name (an external one's number is its publisher's). */
/** The family of qms.yaml numbering of another kind that `id` fits, when none of `kind` does. */
function otherFamily(id: string, kind: Kind, repo: Repository): { kind: Kind; pattern: string } | undefined {
  const numbering = tellingPatterns(repo.config?.value.numbering ?? []);
  const fitting = numbering.filter((n) => numberPatternToRegExp(n.pattern).test(id));
  if (fitting.length === 0 || fitting.some((n) => n.kind === kind)) return undefined;
  return fitting[0];
}

const KIND_IMPORT: Record<Exclude<Kind, "external">, ImportKind> = { manual: "documents", procedure: "procedures", instruction: "instructions", form: "forms" };

/** The level of the documents of a kind a number's family names (schemas/document.schema.json level). */
const LEVEL_OF_KIND: Record<Exclude<Kind, "external">, Level> = { manual: 1, procedure: 2, instruction: 3, form: 4 };

/** Whether a row marks its document withdrawn, as documentFromRow reads it: 作废 in the status, else in 备注 or a 作废日期. */
function markedWithdrawn(row: RowReader): boolean {
  const status = row.text("status");
  if (status) return normalizeStatus(status) === "obsolete";
  return WITHDRAWN_REMARK.test(compactText(row.text("remarks").normalize("NFKC"))) || row.text("withdrawn") !== "";
}

/**
 * A register that is also the documents' change history keeps an earlier version on a row of its own,
 * marked withdrawn (QP-010 A/0 作废 above QP-010 A/1 受控): each such row is an earlier revision of the
 * document in force on the other row, not its withdrawal nor a number listed twice (tester54b B1).
 * Read so only when one row of the number is in force and every other is withdrawn in another version.
 * Keyed by the earlier row, the row in force as value.
 */
function historyRows(rows: readonly RawRow[], header: HeaderRow): Map<number, number> {
  const byNumber = new Map<string, RowReader[]>();
  for (const raw of rows) {
    const row = new RowReader(header, raw);
    const key = row.key("number");
    if (key) byNumber.set(key, [...(byNumber.get(key) ?? []), row]);
  }
  const history = new Map<number, number>();
  const version = (row: RowReader) => [row.key("version"), row.key("versionNumber")].join("/");
  for (const group of byNumber.values()) {
    if (group.length < 2 || !header.columns.has("version")) continue;
    const inForce = group.filter((row) => !markedWithdrawn(row));
    if (inForce.length !== 1 || !version(inForce[0]!).replace("/", "")) continue;
    const versions = group.map(version);
    if (new Set(versions).size !== versions.length) continue;
    for (const row of group) if (row !== inForce[0]) history.set(row.raw.row, inForce[0]!.raw.row);
  }
  return history;
}

/**
 * A 顾客特殊期限 cell as csr's record list prints it: `customer：period` entries separated by ；
 * (or ; or a line break), the customer by its code or its name (Chinese or English). An entry whose
 * customer the repository does not have, or that names none, is said on its row and not written.
 */
function customerRetentions(text: string, repo: Repository, column: string, issue: Issue): CustomerRetention[] {
  const result: CustomerRetention[] = [];
  for (const part of text.split(/[;；\r\n]+/).map((p) => p.trim()).filter(Boolean)) {
    const match = /^(.+?)\s*[:：]\s*(.+)$/.exec(part);
    const name = match?.[1]!.normalize("NFKC").trim().toLowerCase();
    const customer = name ? repo.customers.find(({ value: c }) => [c.code, c.name, c.name_en].some((n) => n?.normalize("NFKC").trim().toLowerCase() === name))?.value : undefined;
    if (!match || !customer) {
      issue(t(match ? "import.form.customer-retention-unknown" : "import.form.customer-retention-unnamed", { entry: part, customer: match?.[1] ?? "", column }));
      continue;
    }
    result.push({ customer: customer.code, period: match[2]!.trim() });
  }
  return result;
}

/** The unit a retention column's header gives (保存期限（年）, 保存期限(月), Retention (years)), as a period is written (3年, 6个月). */
const RETENTION_UNITS: [RegExp, string][] = [
  [/^(年|years?)$/i, "年"],
  [/^(月|个月|months?)$/i, "个月"],
  [/^(天|日|days?)$/i, "天"],
];

/**
 * A form's retention period as the row gives it; a bare number under a header that carries the unit
 * (保存期限（年） | 3) is written with that unit (3年) and said, never recorded as a bare "3" (tester51 #8).
 */
function retentionOf(row: RowReader): string {
  const text = row.text("retention");
  const unit = /[(（]\s*([^()（）]+?)\s*[)）]\s*$/.exec(row.label("retention").normalize("NFKC"))?.[1];
  // A bare number under a header without a unit is years, as a 保存期限 column counts (tester67b B2).
  const written = unit === undefined ? "年" : RETENTION_UNITS.find(([re]) => re.test(unit))?.[1];
  const number = compactText(text.normalize("NFKC"));
  if (!written || !/^\d+(\.\d+)?$/.test(number)) return text;
  row.read("retention", text, `${number}${written}`);
  return `${number}${written}`;
}

const CHINESE_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** A count written in Chinese numerals up to 99 (三, 十五, 二十, 三十五) as a number. */
function chineseCount(text: string): number | undefined {
  const m = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text);
  if (!m || (!m[2] && (m[3] || !m[1]))) return undefined;
  return m[2] ? (m[1] ? CHINESE_DIGITS[m[1]]! : 1) * 10 + (m[3] ? CHINESE_DIGITS[m[3]]! : 0) : CHINESE_DIGITS[m[1]!]!;
}

/**
 * How csr counts a retention period a register writes otherwise than the count reads it (tester67b B2):
 * full-width digits (３年, 产品生命周期＋１年), Chinese numerals (三年), a note in brackets after the
 * period (3年（电子）), 产品停产后+1年, 2年半. "counted" when the text counts as written, the term to
 * record beside it (record.retention_term) when it counts so read, undefined when csr cannot count it.
 */
function retentionCount(text: string): RetentionRule | "counted" | undefined {
  if (countedRetention(text)) return "counted";
  const value = compactText(text.normalize("NFKC"))
    .replace(/[(（][^()（）]*[)）]$/, "")
    .replace(/([一二两三四五六七八九十]{1,3})(?=年|个?月)/g, (numeral) => String(chineseCount(numeral) ?? numeral))
    .replace(/后\+/, "后");
  const half = /^(\d{1,3})年半$/.exec(value);
  if (half) return { years: Number(half[1]), months: 6 };
  const counted = countedRetention(value);
  if (!counted || "kept" in counted) return undefined;
  const years = Math.floor(counted.months / 12);
  const months = counted.months % 12;
  return { ...(years ? { years } : {}), ...(months || !years ? { months } : {}), ...(counted.after ? { after: counted.after } : {}) };
}

/**
 * 备注 that begins by saying the document is withdrawn: 已作废，并入QP-009 / 作废 / 2025-01-01 废止 / 2025年停用 /
 * 已失效 2024.5.1, or that it was replaced: 已由QP-006替代 (tester54b B3).
 */
const WITHDRAWN_REMARK =
  /^(?:\d{4}(?:[-./年]\d{1,2}(?:[-./月]\d{1,2}日?)?)?年?)?(?:已经?|于|起)?(?:作废|废止|停用|失效|(?:由|被)[A-Za-z][A-Za-z0-9]*(?:[-_/.][A-Za-z0-9]+)+(?:替代|取代|代替))/;

/** A date written inside a text (备注: 2025-01-01作废, 2025年1月1日起废止). */
const DATE_IN_TEXT = /\d{4}\s*[-./年]\s*\d{1,2}\s*[-./月]\s*\d{1,2}\s*日?/;

/**
 * A remark that is the withdrawal word and nothing more (作废, 已作废, 废止。): it marks the row, it gives no reason. A remark
 * with a date (2024.5.1失效) is kept as the reason, as it says when (tester54b B3).
 */
function onlyWithdrawalMark(remarks: string): boolean {
  const text = compactText(remarks.normalize("NFKC")).replace(/[。.;；,，()（）]/g, "");
  return /^(?:已经?|于|起)?(?:作废|废止|停用|失效)(?:文件)?$/.test(text);
}

/** The successor a withdrawal remark names: 并入QP-009, 由QP-009替代, 改为QP-009. */
const SUCCESSOR_IN_TEXT = /(?:并入|合并[到至入]?|由|被|改为|改用|替代为|代替为|取代为|见)\s*([A-Za-z][A-Za-z0-9]*(?:[-_/.][A-Za-z0-9]+)+)/;

/**
 * What a withdrawn document needs (obsolete: date and reason, as `csr obsolete` records them): the
 * date from 作废日期, else a date written in 备注 or the status cell; the reason from 作废原因, else
 * 备注 as written; the successor a remark names. A row that lacks the date or the reason is refused
 * naming what is missing: it is never imported as a document in force.
 */
function withdrawalFromRow(row: RowReader, id: string, issue: Issue): { obsolete: NonNullable<ControlledDocument["obsolete"]>; fromRemarks: boolean } | undefined {
  const remarks = row.text("remarks");
  const given = row.text("withdrawn");
  let date: string | undefined;
  if (given) {
    date = normalizeDate(row.cell("withdrawn"));
    if (!date) return void issue(badDate(row, "withdrawn"), true);
  } else {
    const written = DATE_IN_TEXT.exec(`${row.text("status")} ${remarks}`.normalize("NFKC"))?.[0];
    date = written ? normalizeDate(written) : undefined;
  }
  const stated = row.text("withdrawnReason");
  // A remark that only marks the row withdrawn (作废, 已作废) says no reason: the reason is missing, not 作废 (tester76 M10).
  const reason = stated || (onlyWithdrawalMark(remarks) ? "" : remarks);
  const marked = row.text("status")
    ? t("import.document.marked-by-status", { column: row.label("status"), status: row.text("status") })
    : given && !WITHDRAWN_REMARK.test(compactText(remarks.normalize("NFKC")))
      ? t("import.document.marked-by-date", { column: row.label("withdrawn") })
      : t("import.document.marked-by-remarks", { column: row.label("remarks"), remarks });
  const missing = [
    ...(date ? [] : [row.label("withdrawn", headerExample("withdrawn"))]),
    ...(reason ? [] : [row.label("withdrawnReason", headerExample("withdrawnReason"))]),
  ];
  if (missing.length) return void issue(t("import.document.obsolete-incomplete", { id, marked, missing: conjunction(missing.map((m) => `“${m}”`)) }), true);
  const successor = SUCCESSOR_IN_TEXT.exec(reason.normalize("NFKC"))?.[1];
  return { obsolete: { date: date!, reason, ...(successor && successor !== id ? { superseded_by: successor } : {}) }, fromRemarks: !stated };
}

/**
 * The last valid day (valid_until) of a temporary document as the controlled document list's status gives it
 * (report/registers/context.ts temporaryStatus, in either language): 临时（至 2026-12-18）, 临时（2026-12-07 实施，至
 * 2026-12-18）, 临时（已于 2026-12-18 到期）, whatever follows it (；修订中（… 送审）); undefined for any other status.
 */
function temporaryUntil(text: string): string | undefined {
  const day = "\\d{4}-\\d{2}-\\d{2}";
  for (const lang of LANGS) {
    for (const key of ["register.status.temporary", "register.status.temporary-pending", "register.status.temporary-expired"] as const) {
      const pattern = escapeRegExp(translate(lang, key, { date: "\u0000", until: "\u0001" })).replace("\u0000", day).replace("\u0001", `(${day})`);
      const until = new RegExp(`^${pattern}`, "u").exec(text.trim())?.[1];
      if (until !== undefined) return until;
    }
  }
  return undefined;
}

/**
 * What a register of csr's says of a version released to take effect later (report/registers/context.ts
 * documentStatus and pendingRemark), in either language, with spaces and full- or half-width punctuation
 * as typed: the controlled document list's status 已发布（A/1 现行；A/2 待实施，2026-12-14 实施） (also
 * written 已发布（A/1 现行；A/2 待实施（2026-12-14 实施））) names the version in force, which the row's
 * version, dates and signatures are, and the one pending; 待实施（2026-12-14 实施） is a first issue not
 * yet in force, the row's own version. The procedure and form lists say it in 备注 (`remarks`: one part of
 * it, as separated there): A/2 待实施（2026-12-14 实施） beside the version in force, or 待实施（… 实施）.
 * Whatever follows the status (；修订中（… 送审）) is not read here, nor, `remarks-start`, what follows the
 * part of 备注 that starts with it; `length` is that of the text read, as compared (registerStatusKey).
 * Undefined for any other text.
 */
function pendingVersion(text: string, where: "status" | "remarks" | "remarks-start"): { inForce?: string; version?: string; date: string; length: number } | undefined {
  pendingPatterns ??= (() => {
    const hole = (template: string) =>
      statusPattern(template, { "\u0000": "(?<inForce>[^()（）,，;；]+?)", "\u0001": "(?<version>[^()（）,，;；]+?)", "\u0002": "(?<date>\\d{4}-\\d{2}-\\d{2})" });
    const of = (lang: Lang) => {
      const pending = translate(lang, "register.status.pending", { date: "\u0002" });
      const released = translate(lang, "register.status.released-pending", { inForce: "\u0000", version: "\u0001", date: "\u0002" });
      // The pending version followed by its own status, as the remarks name it, inside the brackets of the status.
      const nested = `${released.slice(0, released.indexOf("\u0001") + 1)} ${pending}${released.at(-1)}`;
      return { status: [released, nested, pending].map(hole), remarks: [translate(lang, "register.version.pending", { version: "\u0001", status: pending }), pending].map(hole) };
    };
    const all = LANGS.map(of);
    const remarks = all.flatMap((p) => p.remarks);
    return {
      status: all.flatMap((p) => p.status).map((p) => new RegExp(`^${p}`, "u")),
      remarks: remarks.map((p) => new RegExp(`^${p}$`, "u")),
      "remarks-start": remarks.map((p) => new RegExp(`^${p}`, "u")),
    };
  })();
  for (const pattern of pendingPatterns[where]) {
    const match = pattern.exec(registerStatusKey(text));
    const found = match?.groups;
    if (!found) continue;
    const versions = { ...(found.inForce !== undefined ? { inForce: normalizeVersion(found.inForce) ?? found.inForce } : {}), ...(found.version !== undefined ? { version: normalizeVersion(found.version) ?? found.version } : {}) };
    return { ...versions, date: found.date!, length: match![0].length };
  }
  return undefined;
}

let pendingPatterns: Record<"status" | "remarks" | "remarks-start", RegExp[]> | undefined;

/** A register's status as compared with csr's wording of it: full-width forms folded (NFKC), every space taken out. */
const registerStatusKey = (s: string) => s.normalize("NFKC").replace(/\s/g, "");

/**
 * The pattern (source, without anchors) of a status message `template` that csr's registers print, with
 * its values given as placeholder characters (\u0000 …): the template as compared (registerStatusKey), escaped,
 * each placeholder's first place replaced by its hole in `holes`; a hole given as { first, again }
 * puts `again` (a back-reference) in the placeholder's later places. For pendingVersion and revisionInReview.
 */
function statusPattern(template: string, holes: Record<string, string | { first: string; again: string }>): string {
  let pattern = escapeRegExp(registerStatusKey(template));
  for (const [placeholder, hole] of Object.entries(holes)) {
    pattern = typeof hole === "string" ? pattern.replace(placeholder, hole) : pattern.replace(placeholder, hole.first).replaceAll(placeholder, hole.again);
  }
  return pattern;
}

/** pendingVersion of a status cell, with the cell as written. */
function pendingInStatus(text: string): PendingMark | undefined {
  const found = pendingVersion(text, "status");
  if (!found) return undefined;
  const { length: _, ...mark } = found;
  return { ...mark, written: text };
}

/**
 * pendingVersion of the part of 备注 that says it (the procedure and form lists put it after the
 * document's own remarks, before 修订中), with `remarks` the rest, joined as before: a part that only
 * starts with it (A/2 待实施（2026-12-14 实施），另见 8D-2026-001, a clerk's addition) keeps what follows as
 * remarks. `unread`: the parts that speak of a pending version csr cannot read (PENDING_WORDS), for the
 * row's message, kept in the remarks as written.
 */
function pendingInRemarks(text: string, lang: Lang): { mark?: PendingMark; unread: string[] } {
  const separators = [...new Set([translate(lang, "register.remarks-separator"), ...LANGS.map((l) => translate(l, "register.remarks-separator"))])];
  for (const separator of separators) {
    const parts = text.split(separator);
    for (const [at, part] of parts.entries()) {
      const found = pendingVersion(part, "remarks") ?? pendingVersion(part, "remarks-start");
      if (!found) continue;
      // The part as written up to the end of what was read (the match is of its compared form, registerStatusKey).
      const trimmed = part.trim();
      let end = 1;
      while (end < trimmed.length && registerStatusKey(trimmed.slice(0, end)).length < found.length) end++;
      const rest = trimmed.slice(end).replace(/^[\s,，;；、.。]+/u, "");
      const { length: _, ...mark } = found;
      return { mark: { ...mark, written: trimmed.slice(0, end), remarks: parts.map((p, i) => (i === at ? rest : p)).filter((p, i) => i !== at || p !== "").join(separator) }, unread: [] };
    }
  }
  const parts = text.split(new RegExp(`[${separators.map((s) => escapeRegExp(s.trim())).join("")}]`, "u"));
  return { unread: parts.map((p) => p.trim()).filter((p) => PENDING_WORDS.test(p.normalize("NFKC"))) };
}

/** Words that say a version is not in force yet, as a register's 备注 may write them in either language. */
const PENDING_WORDS = /待实施|未实施|待生效|未生效|not yet in force|in force from|to take effect/iu;

/** A version released to take effect later as a row says it (pendingVersion), the words that say it, and, read from 备注, the rest of 备注. */
interface PendingMark {
  inForce?: string;
  version?: string;
  date: string;
  written: string;
  remarks?: string;
}

/**
 * `doc`, imported from a row whose status or 备注 says a version takes effect later (PendingMark), made so:
 * a first issue (待实施（… 实施）) is the row's version, in force from that day (`effective`); otherwise the
 * row's version, dates and signatures are the version in force, as the register prints them, and the
 * pending version follows it as the current one, in force from that day, without an issue date or
 * signatures, which the register does not give (said on the row, with the commands that record them).
 * A row whose version is not the one the status names in force, or whose 生效日期 is not the day it says,
 * is refused (false): which of the two is right is not guessed; so is one whose 实施日期 is no day. Else which of the two it was.
 */
function withPendingVersion(doc: ControlledDocument, pending: PendingMark, dated: DatedRevision | undefined, row: RowReader, issue: Issue): false | "first" | "after" {
  const column = row.label(pending.remarks !== undefined ? "remarks" : "status");
  const revision = dated?.revision;
  const refuse = (key: MessageKey, values: Record<string, string>) => {
    issue(t(key, { id: doc.id, column, status: pending.written, ...values }), true);
    return false as const;
  };
  // A day that does not exist (2026-14-14) is refused as any other bad date of a row is.
  if (!isIsoDate(pending.date)) return refuse("import.document.pending-bad-date", { date: pending.date });
  if (!revision) return refuse("import.document.pending-no-version", { versionColumn: row.label("version", headerExample("version")) });
  if (pending.inForce !== undefined && pending.inForce !== revision.version) {
    return refuse("import.document.pending-other-version", { inForce: pending.inForce, version: revision.version, versionColumn: row.label("version") });
  }
  const effectiveGiven = row.text("effective") !== "" && !dated.dateFromEffective;
  if (pending.version === undefined || pending.version === revision.version) {
    if (effectiveGiven && dated.effective !== pending.date) {
      return refuse("import.document.pending-effective-differs", { date: pending.date, effective: dated.effective ?? row.text("effective"), effectiveColumn: row.label("effective") });
    }
    doc.effective = pending.date;
    delete dated.effectiveFromIssued;
    return "first";
  }
  // The row's dates are the version in force's: its 生效日期, when later than its issue, is its own (Revision effective).
  const { version, date, ...rest } = revision;
  const effective = dated.effective !== undefined && date !== undefined && dated.effective !== date ? { effective: dated.effective } : {};
  delete dated.effectiveFromIssued;
  doc.effective = pending.date;
  doc.revisions = [{ version, ...(date !== undefined ? { date } : {}), ...effective, ...rest }, { version: pending.version, imported: true }];
  issue(t("import.document.pending-version", { id: doc.id, column, status: pending.written, inForce: revision.version, version: pending.version, date: pending.date }));
  return "after";
}

/** 待实施 / 未实施 (not yet in force), in a 外来文件清单's status column: registered and controlled, in force from its 实施日期. */
const PENDING_STATUS = /^(待实施|未实施|尚未实施|notyetinforce|pending)$/;

/** A publisher's number as written, with its runs of spaces made one (GB/T  19001-2016 → GB/T 19001-2016). */
function publisherNumber(text: string): string {
  return text.normalize("NFKC").replace(/\p{Cf}/gu, "").replace(/\s+/g, " ").trim();
}

/**
 * The `external` block of an external document's row (外来文件清单): 发布单位, the publisher's edition as
 * written (2016, 第3版: no version of the organisation's, so not normalised), 发布日期, 实施日期 and
 * 接收日期. A date that cannot be read refuses the row; none is taken from another column.
 */
function externalFromRow(row: RowReader, issue: Issue): NonNullable<ControlledDocument["external"]> {
  const block: NonNullable<ControlledDocument["external"]> = {};
  const publisher = row.text("publisher").trim();
  if (publisher) block.publisher = publisher;
  // A publisher's edition as written; one written in two columns (版本, 版次) is kept whole, and said.
  const edition = row.text("version").trim();
  const editionNumber = row.text("versionNumber").trim();
  const revision = edition && editionNumber ? `${edition}/${editionNumber}` : edition || editionNumber;
  if (edition && editionNumber) row.readVersionPair(edition, editionNumber, revision);
  if (revision) block.revision = revision;
  for (const field of ["issued", "effective", "received"] as const) {
    const given = row.text(field);
    if (!given) continue;
    const date = normalizeDate(row.cell(field));
    if (date) block[field] = date;
    else issue(badDate(row, field), true);
  }
  return block;
}

/** The current revision a register row records, with the document's effective date and where each date came from. */
interface DatedRevision {
  revision: Revision;
  effective?: string;
  dateFromEffective?: boolean;
  effectiveFromIssued?: boolean;
  /** Signature cells whose text is not (all) recorded as a signature, for the remarks ("编制：陈静/高扬"). */
  kept: string[];
  /** The signatures whose cell the row writes but which were not recorded (each reported on the row). */
  unread: SignatureRole[];
  /** The date cell says the date is on the paper record, as csr prints an undated revision (revision.date.unknown). */
  onPaper?: boolean;
}

/**
 * The revision of a row with a version. Its date is 发布日期, else 实施日期 / 生效日期 (a register that
 * gives only the date a document takes effect; it is released by then). The document's `effective`
 * is 实施日期 / 生效日期, else 发布日期: a document without a separate date takes effect when issued.
 * Either borrowed date is reported, never assumed silently. A form register (记录表单一览表) seldom has
 * a date column at all: a form's version is then recorded without a date, released before the
 * repository on a day its paper record gives (Revision `date`), neither invented nor left a draft.
 * A row with an empty cell in a date column is refused: that register dates its documents.
 */
/**
 * The status csr's lists of documents in review give a released document's revision in review
 * (register.status.revision-in-review: 审批中（A/0 的修订稿，2026-11-30 送审；现行版本 A/0 仍有效）, or its
 * -pending form while that version is 待实施: …；现行版本 A/2 仍有效，A/3 于 2027-04-01 实施）), in
 * either language, with spaces and full- or half-width punctuation as typed: the version in force, the
 * day the revision was submitted and, where the status names one (…，2026-11-30 由张伟送审；…, tester57
 * E19), who submitted it (送审人), spaces taken out. Undefined for any other status.
 */
export function revisionInReview(text: string): { version: string; since: string; by?: string } | undefined {
  revisionPatterns ??= (["zh-CN", "en"] as const).flatMap((lang) =>
    (["register.status.revision-in-review", "register.status.revision-in-review-pending", "register.status.revision-in-review-by", "register.status.revision-in-review-pending-by"] as const).map((status) => {
      const template = translate(lang, status, { version: "\u0000", since: "\u0001", inForce: "\u0002", date: "\u0003", by: "\u0004" });
      const pattern = statusPattern(template, {
        // The revised version is named twice: the second time, the same; the one in force until its 实施日期 (…-pending) is another.
        "\u0000": { first: "(?<version>[^()（）,，;；]+?)", again: "\\k<version>" },
        "\u0001": "(?<since>\\d{4}-\\d{2}-\\d{2})",
        "\u0002": "[^()（）,，;；]+?",
        "\u0003": "\\d{4}-\\d{2}-\\d{2}",
        // 送审人 (tester57 E19): a name as the register prints it, spaces taken out as from the rest.
        "\u0004": "(?<by>[^()（）,，;；]+?)",
      });
      return new RegExp(`^${pattern}$`, "u");
    }),
  );
  for (const pattern of revisionPatterns) {
    const found = pattern.exec(registerStatusKey(text))?.groups;
    if (found) return { version: found.version!, since: found.since!, ...(found.by !== undefined ? { by: found.by } : {}) };
  }
  return undefined;
}

let revisionPatterns: RegExp[] | undefined;

/**
 * A row of a revision in review (revisionInReview) said in the plan: nothing to import when the
 * repository's document is released in that version and marked 修订中 since that day; refused
 * otherwise, naming what the repository has and how to record the revision (csr submit), since the
 * register carries the revision's status but not its text.
 */
function revisionRow(id: string, revision: { version: string; since: string; by?: string }, repo: Repository, issue: Issue): void {
  const found = repo.documents.find((d) => d.value.id === id);
  const doc = found?.value;
  const row = { id, version: revision.version, since: revision.since, path: found?.file.path ?? documentPath(id) };
  if (!doc) return issue(t("import.document.revision-absent", row), true);
  const current = doc.revisions?.at(-1)?.version ?? "";
  if (doc.status === "released" && current === revision.version && doc.revising?.since === revision.since) {
    // The 送审人 the row names is the one the repository records, or it is said: the register is not taken over the file silently.
    const recorded = doc.revising.by;
    const people = repo.people.map((p) => p.value);
    if (revision.by !== undefined && (recorded === undefined || lookupPerson(revision.by, people)?.id !== recorded)) {
      const name = people.find((p) => p.id === recorded)?.name ?? recorded;
      return issue(t(name === undefined ? "import.document.revision-submitter-unrecorded" : "import.document.revision-submitter-differs", { ...row, by: revision.by, recorded: name ?? "" }));
    }
    return issue(t("import.document.revision-known", row));
  }
  const state =
    doc.status !== "released"
      ? t("import.document.revision-state.unreleased", { status: t(`register.status.${doc.status}`) })
      : doc.revising
        ? t("import.document.revision-state.marked", { version: current, since: doc.revising.since })
        : t("import.document.revision-state.unmarked", { version: current });
  issue(t("import.document.revision-differs", { ...row, state }), true);
}

/**
 * A list without a status column (the procedure lists csr prints) gives a document not in force its
 * state as the last part of 备注, in the words csr writes ("草稿", "审核要求；审批中"): that part is the
 * status, the rest the remarks. Only the exact word counts; other remarks stay remarks.
 */
function statusInRemarks(text: string): { status: "draft" | "in-review"; remarks: string } | undefined {
  for (const lang of ["zh-CN", "en"] as const) {
    const separator = translate(lang, "register.remarks-separator");
    const parts = text.split(separator);
    const last = parts.pop()!.trim();
    const status = (["draft", "in-review"] as const).find((s) => translate(lang, `register.status.${s}`) === last);
    if (status) return { status, remarks: parts.join(separator) };
  }
  return undefined;
}

/**
 * 备注 without the open periodic-review conclusion the controlled document list adds
 * (定期评审结论：需修订（日期）): it comes from the document's `reviews`, not from its remarks, so a
 * printed register imported back does not copy it into `remarks`.
 */
function withoutReviewNote(text: string): string {
  for (const lang of ["zh-CN", "en"] as const) {
    const separator = translate(lang, "register.remarks-separator");
    const notes = (["register.documents.remarks.revision-pending", "register.documents.remarks.withdrawal-pending"] as const).map((key) => translate(lang, key, { date: "DATE" }));
    const parts = text.split(separator);
    const last = parts.at(-1)!.trim();
    if (notes.some((note) => new RegExp(`^${escapeRegExp(note).replace("DATE", "\\d{4}-\\d{2}-\\d{2}")}$`).test(last))) return parts.slice(0, -1).join(separator);
  }
  return text;
}

/**
 * The version a row gives: 版本 as written (B0 → B/0, A → A/0), or, where the register writes it in two
 * columns, the letter of 版本 and the number of 版次 (A | 2 → A/2); each reading is said. Undefined when
 * the row gives none; false when it is refused: a 版次 that is not a number, one without a 版本, or one
 * that differs from the number 版本 writes (A/1 | 2), never one taken over the other.
 */
function versionOfRow(row: RowReader, issue: Issue): string | false | undefined {
  const versionText = row.text("version");
  const numberText = row.text("versionNumber");
  if (!versionText && !numberText) return undefined;
  const refuse = (key: MessageKey, values: Record<string, string>) => (issue(t(key, { column: row.label("version", headerExample("version")), numberColumn: row.label("versionNumber"), ...values }), true), false as const);
  if (!versionText) return refuse("import.document.version-number-alone", { number: showInvisible(numberText) });
  if (!numberText) return row.value("version", normalizeVersion) ?? refuse("import.document.bad-version", { version: showInvisible(versionText) });
  const version = normalizeVersion(versionText);
  if (!version) return refuse("import.document.bad-version", { version: showInvisible(versionText) });
  const written = compactText(versionText.normalize("NFKC"));
  const number = /^第?(\d+)(?:版次|次)?$/.exec(compactText(numberText.normalize("NFKC")))?.[1];
  if (number === undefined) return refuse("import.document.bad-version-number", { number: showInvisible(numberText) });
  const combined = `${version.split("/")[0]}/${Number(number)}`;
  // 版本 that writes a letter alone (A, A版, 第A版) leaves the number to 版次.
  const letterOnly = /^第?[A-Za-z](?:版次|版)?$/.test(written);
  if (!letterOnly && combined !== version) return refuse("import.document.version-number-differs", { version: versionText, number: numberText });
  if (letterOnly) row.readVersionPair(versionText, numberText, combined);
  else if (version !== versionText) row.read("version", versionText, version);
  return combined;
}

function revisionFromRow(row: RowReader, repo: Repository, options: ImportOptions, issue: Issue, id: string, kind: Kind, names: NameContext): DatedRevision | undefined {
  const given = versionOfRow(row, issue);
  const version = given === undefined && !row.text("status") ? options.versionInUse : given;
  if (!version) return undefined;
  const dateField: Field = row.text("issued") || !row.text("effective") ? "issued" : "effective";
  const dateCell = row.cell(dateField);
  const onPaper = onPaperRecord(row.text(dateField));
  const date = onPaper ? undefined : normalizeDate(dateCell);
  const undated = onPaper || (!date && kind === "form" && !row.has("issued") && !row.has("effective"));
  if (!date && !undated) {
    const given = cellText(dateCell);
    return void issue(
      given
        ? badDate(row, dateField)
        : t(row.has("issued") || row.has("effective") ? "import.document.no-issue-date" : "import.document.no-issue-date-column", { id, version, column: row.label("version") }),
      true,
    );
  }
  let effective: string | undefined = date;
  if (dateField === "issued" && row.text("effective") && !onPaperRecord(row.text("effective"))) {
    effective = normalizeDate(row.cell("effective"));
    if (!effective) issue(badDate(row, "effective"), true);
  }
  // Released before the repository: what the revision changed is on the paper record, which every
  // output says where the summary would be (revisionSummary); "imported" is not what it changed.
  const revision: Revision = { version, ...(date ? { date } : {}), imported: true };
  const kept: string[] = [];
  const unread: SignatureRole[] = [];
  const unsplit = (["prepared", "reviewed", "approved"] as const).find((role) => row.unsplit(role));
  if (unsplit) {
    const values = { column: row.label(unsplit), text: row.unsplit(unsplit), count: row.unsplit(unsplit).split(/[/／、|]/).length, of: row.header.parts!.get(unsplit)!.of };
    issue(t("import.signature.combined-count", values));
    kept.push(translate(options.lang, "import.signature.kept", values));
  }
  for (const role of ["prepared", "reviewed", "approved"] as const) {
    const cell = row.text(role);
    if (!cell) {
      if (row.unsplit(role)) unread.push(role);
      continue;
    }
    const signature = signatureFromCell(row, role, repo, options, issue, names);
    if (signature) revision[role] = { by: signature.by, ...(signature.date ? { date: signature.date } : {}) };
    else unread.push(role);
    if (!signature || signature.kept) kept.push(translate(options.lang, "import.signature.kept", { column: row.label(role), text: cell }));
  }
  for (const role of GJB_ROLES) {
    const field = SIGNATURE_FIELD[role];
    const cell = row.text(field);
    if (!cell) continue;
    const { signatures, whole } = gjbSignaturesFromCell(row, role, repo, issue);
    if (signatures.length) {
      if (role === "countersigned") revision.countersigned = signatures;
      else revision[role] = signatures[0]!;
    } else unread.push(role);
    if (!whole) kept.push(translate(options.lang, "import.signature.kept", { column: row.label(field), text: cell }));
  }
  return {
    revision: signaturesInOrder(revision),
    kept,
    unread,
    ...(onPaper ? { onPaper } : {}),
    effective,
    ...(dateField === "effective" ? { dateFromEffective: true } : {}),
    ...(date && dateField === "issued" && !row.text("effective") ? { effectiveFromIssued: true } : {}),
  };
}

/**
 * Whether a date cell says the date is on the paper record, as csr prints the date of a revision
 * imported without one (revision.date.unknown: 见原纸质记录, "see the paper record"): read back as
 * that revision, released before the repository with no date, not refused as a date that is none.
 */
function onPaperRecord(text: string): boolean {
  const key = (s: string) => compactText(s.normalize("NFKC")).toLowerCase();
  return text !== "" && (["zh-CN", "en"] as const).some((lang) => key(translate(lang, "revision.date.unknown")) === key(text));
}

/** The GJB signatures of a revision a register may give besides 编制, 审核 and 批准 (csr's 受控文件清单 of a GJB repository prints them). */
const GJB_ROLES = ["countersigned", "standardization", "military_representative"] as const;

/** The column of each signature of a revision. */
export const SIGNATURE_FIELD: Readonly<Record<SignatureRole, Field>> = {
  prepared: "prepared",
  reviewed: "reviewed",
  countersigned: "countersigned",
  standardization: "standardization",
  approved: "approved",
  military_representative: "militaryRepresentative",
};

/** The revision with its signatures in the order of the repository's files (SIGNATURE_ROLES), as csr sign writes them. */
function signaturesInOrder(revision: Revision): Revision {
  const rest: Revision = { ...revision };
  for (const role of SIGNATURE_ROLES) delete rest[role];
  return { ...rest, ...Object.fromEntries(SIGNATURE_ROLES.flatMap((role) => (revision[role] ? [[role, revision[role]]] : []))) };
}

/**
 * The 会签 (several names: 赵敏、钱七), 标准化审查 or 军代表 cell of a row, as csr's 受控文件清单 of a GJB
 * repository prints it, each name with its signing date after it where written ("赵敏 2023.2.18").
 * A signer must be in people.yaml already (found by name, id or the one holder of a job title): these
 * signatures carry no role a new person could be added with, and a 军代表 belongs to the 军代表室, not
 * to the document's department (as csr import of a Word file reads them). Any other name is said on
 * the row and the cell kept in the remarks (`whole` false), to be signed with csr sign once the person is added.
 */
function gjbSignaturesFromCell(row: RowReader, role: (typeof GJB_ROLES)[number], repo: Repository, issue: Issue): { signatures: Signature[]; whole: boolean } {
  const field = SIGNATURE_FIELD[role];
  const cell = row.text(field);
  const people = repo.people.map((p) => p.value);
  const flag = SIGNATURE_FLAGS[role].slice(2);
  const signatures: Signature[] = [];
  let whole = true;
  const parts = role === "countersigned" ? cell.split(/[、,，;；\n]/) : [cell];
  for (const part of parts.map((p) => p.normalize("NFKC").trim()).filter(Boolean)) {
    const dated = SIGNED_ON.exec(part);
    const signedOn = dated?.[1] ? normalizeDate(dated[2]) : undefined;
    const name = signedOn ? dated![1]!.trim() : part;
    const values = { column: row.label(field), text: part, role: flag };
    const named = peopleWritten(name, people);
    if (named.length > 1) {
      whole = false;
      issue(namesakeRefusal(row.label(field), name, named, unitsOf(repo.config?.value)));
      continue;
    }
    const found = named[0];
    const titled = found ? [] : titleHolders(name, people);
    const person = found ?? (titled.length === 1 ? titled[0] : undefined);
    if (!person) {
      whole = false;
      // A date or a number where the name should be signs nothing (as in 编制, signatureFromCell).
      const lettered = /\p{L}/u.test(name);
      const date = lettered ? undefined : normalizeDate(name);
      if (date) issue(t("import.signature.date", { ...values, date }));
      else if (!lettered) issue(t("import.signature.not-a-name", values));
      else if (titled.length > 1 || JOB_TITLE.test(compactText(name))) {
        issue(t(titled.length > 1 ? "import.signature.title-several" : "import.signature.title", { ...values, title: name, count: titled.length, people: list(titled.map((p) => `${p.name}（${p.id}）`)) }));
      } else issue(t("import.signature.unknown-signer", { ...values, name }));
      continue;
    }
    if (titled.length === 1) row.read(field, name, t("import.read.title", { name: person.name, id: person.id, title: name }));
    if (signedOn) row.read(field, part, t("import.read.signed-on", { name, date: signedOn }));
    signatures.push({ by: person.id, ...(signedOn ? { date: signedOn } : {}) });
  }
  return { signatures, whole };
}

/** A 职务 where a signature cell should name a person: 总经理, 管理者代表, 品质部经理. */
const JOB_TITLE = /(总经理|经理|总裁|董事长|厂长|总监|部长|主任|主管|管理者代表|管代|总工|工程师|科长|组长|班长)$/;

/** A signing date after the name in a signature cell: "徐海涛 2024.3.1". */
const SIGNED_ON = /^(.*?)[\s,，]*(\d{4}\s*[-./年]\s*\d{1,2}\s*[-./月]\s*\d{1,2}\s*日?)$/;

/**
 * A signature as a register's 编制 / 审核 / 批准 cell writes it: a name, with its signing date after it
 * ("徐海涛 2024.3.1": the date is the signature's); two names ("陈静/高扬", original author and
 * reviser): the last signs this revision, and `kept` says the cell goes into the remarks whole; a
 * job title (总经理): the one person people.yaml gives that title, else no signature (never a person
 * named 总经理), the cell kept in the remarks. Each reading is said (RowReader.read).
 */
function signatureFromCell(row: RowReader, role: "prepared" | "reviewed" | "approved", repo: Repository, options: ImportOptions, issue: Issue, names: NameContext): (Revision["prepared"] & { kept?: boolean }) | undefined {
  const cell = row.text(role);
  const folded = cell.normalize("NFKC").trim();
  const dated = SIGNED_ON.exec(folded);
  const signedOn = dated?.[1] ? normalizeDate(dated[2]) : undefined;
  const text = signedOn ? dated![1]! : folded;
  const labels = signOffLabels();
  const parts = text.split(/[/／、,，;；]/).map((p) => p.trim()).filter((p) => p && !labels.has(compactText(p).toLowerCase()) && compactText(p) !== "修订");
  // A cell that is one name is passed on as written ('赵　六' is reported as the register writes it).
  const name = parts.length > 1 || signedOn ? parts.at(-1)! : cell;
  // A date (2018/12/8, a date cell) or a number where the name should be signs nothing: no person is made of it (tester51 #3).
  const raw = row.cell(role);
  if (raw instanceof Date || !/\p{L}/u.test(name ?? "")) {
    // A number is not taken for a date serial here: 43442 is said as written.
    const date = raw instanceof Date || (typeof raw === "string" && !/\p{L}/u.test(folded) && !/^\d+(\.\d+)?$/.test(compactText(folded))) ? normalizeDate(raw) : undefined;
    const values = { column: row.label(role), text: cell, role, ...(date ? { date } : {}) };
    issue(t(date ? "import.signature.date" : "import.signature.not-a-name", values));
    return undefined;
  }
  const people = repo.people.map((p) => p.value);
  let by: string;
  const named = peopleWritten(name, people);
  if (named.length > 1) {
    issue(namesakeRefusal(row.label(role), name, named, unitsOf(repo.config?.value)));
    return undefined;
  }
  const person = named[0];
  if (person) by = person.id;
  else {
    const titled = titleHolders(name, people);
    if (titled.length === 1) {
      by = titled[0]!.id;
      row.read(role, name, t("import.read.title", { name: titled[0]!.name, id: by, title: name }));
    } else if (titled.length > 1 || JOB_TITLE.test(compactText(name))) {
      const values = { column: row.label(role), text: cell, title: name, count: titled.length, role, people: list(titled.map((p) => `${p.name}（${p.id}）`)) };
      issue(t(titled.length > 1 ? "import.signature.title-several" : "import.signature.title", values));
      return undefined;
    } else by = personFor(name, role, SIGNING_ROLE[role], repo, options, issue, names);
  }
  if (signedOn) row.read(role, cell, t("import.read.signed-on", { name, date: signedOn }));
  const others = parts.slice(0, -1);
  if (others.length) row.read(role, cell, t("import.read.two-names", { name, others: list(others) }));
  return { by, ...(signedOn ? { date: signedOn } : {}), ...(others.length ? { kept: true } : {}) };
}

/** The people in people.yaml (not left) whose `title` a cell writes where a name should be (总经理). */
function titleHolders(name: string, people: Person[]): Person[] {
  const key = (s: string | undefined) => (s === undefined ? "" : compactText(s.normalize("NFKC")));
  return people.filter((p) => p.title !== undefined && key(p.title) === key(name) && !p.left);
}

/**
 * The clauses of the row's 条款 cell, each part written otherwise than a clause number (第8.5.2条) said;
 * undefined when a part is not a clause number, the row then refused, as every kind of register refuses it.
 */
function clausesOfRow(row: RowReader, repo: Repository, options: ImportOptions, issue: Issue): string[] | undefined {
  // A matrix's clause columns add the clause of each column the row marks (●); any other text in one is said, not read.
  const marked: string[] = [];
  for (const mark of row.header.marks ?? []) {
    const text = cellText(row.raw.cells[mark.column]).trim();
    if (CLAUSE_MARK.test(text.normalize("NFKC"))) marked.push(mark.label);
    else if (text) issue(t("import.csr.mark-unread", { column: mark.label, text }));
  }
  const cell = [row.text("clauses"), ...marked].filter(Boolean).join("、");
  const { clauses, bad: unread, read } = readClauseRefs(cell, [...repo.catalogs.keys()], options.standard, repo.catalogs);
  // With several standards and none given, a bare number is of no standard yet: collected, and the register refused naming them all (refuseBareClauses).
  const bare = options.standard === undefined ? unread.filter((b) => BARE_CLAUSE.test(b.normalize("NFKC"))) : [];
  if (bare.length) options.bareClauses?.push({ row: row.raw.row, clauses: bare.map((b) => asWritten(cell, b)) });
  const bad = unread.filter((b) => !bare.includes(b));
  if (bad.length) return void issue(t("import.bad-clause", { clauses: quotedList(bad.map((b) => asWritten(cell, b))), column: row.label("clauses") }) + clauseRangeHint(bad), true);
  for (const r of read) row.read("clauses", asWritten(cell, r.from), r.to);
  return clauses;
}

/** A clause number that names no standard (8.3, 第8.3条), as readClauseRefs leaves it unread when no standard is given. */
const BARE_CLAUSE = /^第?\d+(?:\.\d+)*\.?条?$/;

/**
 * The one standard of `standards` a clause column's header names: 标准条款（GJB 9001C）, IATF 16949 条款 → GJB9001C,
 * IATF16949 (the letters and digits of the catalog id, spaces and an edition year aside); undefined when it names none or several.
 */
export function standardOfHeader(label: string, standards: readonly string[]): string | undefined {
  const ids = new Map(standards.map((id) => [id.toUpperCase(), id]));
  const named = new Set<string>();
  for (const m of label.normalize("NFKC").matchAll(/([A-Za-z]+)[\s_-]*(\d+[A-Za-z]?)/g)) {
    const id = ids.get(`${m[1]}${m[2]}`.toUpperCase());
    if (id) named.add(id);
  }
  return named.size === 1 ? [...named][0] : undefined;
}

/**
 * In a repository of several standards (IATF 16949 and GJB 9001C), a bare clause 8.3 is either's: the import is refused
 * in one line naming the standards and the rows, rather than taking the first standard unsaid (tester76 M2; IATF 16949
 * 7.5.3.2 and GJB 9001C 7.5.3: a document cites the requirement it implements).
 */
function refuseBareClauses(options: ImportOptions): void {
  const rows = options.bareClauses ?? [];
  if (rows.length === 0) return;
  const standards = options.standards ?? [];
  throw new UserError(
    t("import.clause.standard-ambiguous", {
      standards: list([...standards]),
      rows: list(rows.map((r) => t("import.clause.standard-ambiguous.row", { row: r.row, clauses: r.clauses.join("、") }))),
      options: disjunction(standards.map((s) => `--standard ${s}`)),
      example: standards[1] ?? standards[0] ?? "",
    }),
  );
}

/** Why a date cell is refused, the same in every kind of register: what a date looks like, and why one that could be either way round is none. */
function badDate(row: RowReader, field: Field): string {
  const given = row.text(field);
  return t("import.bad-date", { column: row.label(field), date: showInvisible(given), ambiguous: ambiguousDate(given) });
}

/** A range of clauses (9.2.2.1~9.2.2.4, 8.5.1-8.5.6, 7.1至7.5) among a cell's bad parts: how to write it instead. */
function clauseRangeHint(bad: readonly string[]): string {
  const range = bad.map((b) => /^(\d+(?:\.\d+)*)(?:~|～|-|—|–|至|到)(\d+(?:\.\d+)*)$/.exec(b.normalize("NFKC"))).find(Boolean);
  return range ? t("import.clause-range", { from: range[1]!, to: range[2]! }) : "";
}

/** " (day and month could be either way round …)" for 05.03.2021 or 03/04/2024, which are read either way in different countries. */
function ambiguousDate(text: string): string {
  return readDate(compactText(text.normalize("NFKC"))) === "ambiguous" ? t("import.ambiguous-date") : "";
}

/** What a name in the register stands for, which the report says when the name is not a known person. */
type NamedAs = "prepared" | "reviewed" | "approved" | "owner" | "decided" | "confirmed" | "verified" | "leader";

/** Where the names of a row go: the row's new people, and the department to give them. */
interface NameContext {
  signers: Signer[];
  department?: string;
}

/**
 * The person id for a name the register writes: the person in people.yaml, else an id made from the
 * name, so the signature is kept; the name is then a new person (--add-people adds them, csr check
 * reports them until then).
 */
function personFor(name: string, what: NamedAs, role: Role | undefined, repo: Repository, options: ImportOptions, issue: Issue, names: NameContext): string {
  const person = lookupPerson(name, repo.people.map((p) => p.value));
  if (person) return person.id;
  const id = personIdFromName(name);
  // A date or a number (2025-09-20 in 决定人) is no person's name, even where it could be an id.
  if (!PERSON_ID.test(id) || !/\p{L}/u.test(id)) {
    issue(t("import.person.not-an-id", { what: t(`import.person.as.${what}`), name: showInvisible(name) }), true);
    return id;
  }
  names.signers.push({ id, ...(role ? { role } : {}), ...(names.department ? { department: names.department } : {}) });
  if (!options.addPeople) issue(t("import.person.unknown", { what: t(`import.person.as.${what}`), name: showInvisible(name), id }));
  return id;
}

/** One id per person, in the order the register first names them; roles collected over every row. */
function newPeople(files: PlannedFile[], fallbackDepartment: string | undefined): NewPerson[] {
  const people = new Map<string, NewPerson>();
  for (const file of files) {
    for (const signer of file.signers ?? []) {
      const person = people.get(signer.id) ?? { id: signer.id, name: signer.id, roles: [], rows: [] };
      const department = person.department ?? signer.department ?? fallbackDepartment;
      if (department) person.department = department;
      if (signer.role && !person.roles.includes(signer.role)) person.roles.push(signer.role);
      if (!person.rows.includes(file.row)) person.rows.push(file.row);
      people.set(signer.id, person);
    }
  }
  return [...people.values()];
}

/** Titles compared as displayed: full-width and half-width brackets alike. */
function sameTitle(a: string, b: string): boolean {
  return a.normalize("NFKC").trim() === b.normalize("NFKC").trim();
}

/** A document number inside a cell's text: letters first, then parts joined by '-', '_', '/' or '.', with a digit. */
const DOCUMENT_NUMBER_IN_TEXT = /[A-Za-z][A-Za-z0-9]*(?:[-_/.][A-Za-z0-9]+)+/g;

/**
 * The level-3 and level-4 documents a procedure uses, as a GJB procedure list gives them: one column
 * 三级文件及四级表单, or one column each, with one document per line ("CS/WI-001 设计评审实施细则").
 * A document is a form (`forms`) or another related document (`related`) by what the repository
 * knows of it, else by its column, its numbering family or the words of its title. An entry with no
 * number is looked up by title; one that names no known document stays in the remarks, reported. An
 * entry whose number names no document yet (neither in the repository nor a row of this register) is
 * linked all the same and stays in the remarks too, reported: the GJB list prints it from there until
 * the document is imported (model/uses-remarks.ts).
 */
function usedDocuments(row: RowReader, repo: Repository, id: string, listed: ReadonlySet<string>, issue: Issue): { related: string[]; forms: string[]; unnamed: string[] } {
  const result = { related: [] as string[], forms: [] as string[], unnamed: [] as string[] };
  const numbering = tellingPatterns(repo.config?.value.numbering ?? []).map((n) => ({ kind: n.kind, re: numberPatternToRegExp(n.pattern) }));
  const add = (number: string, field: Field, words: string) => {
    const known = repo.documents.find((d) => d.value.id === number)?.value;
    const isForm = known
      ? known.level === 4 || known.kind === "form"
      : field !== "uses"
        ? field === "level4"
        : (numbering.find((n) => n.re.test(number))?.kind ?? normalizeKind(words)?.kind) === "form";
    const list = isForm ? result.forms : result.related;
    if (number !== id && !list.includes(number)) list.push(number);
  };
  const byTitle = (title: string) => repo.documents.find((d) => sameTitle(d.value.title, title))?.value;
  for (const field of ["level3", "level4", "uses"] as const) {
    const text = row.text(field);
    const label = row.label(field);
    const missing: string[] = [];
    // Every entry of the cell the repository has no document for, as written, in the cell's order: the remarks keep them.
    const kept: string[] = [];
    const unknown: string[] = [];
    const titled = (part: string) => {
      const title = part.replace(/^[\s、;；,，]+|[\s、;；,，]+$/g, "");
      if (!title) return;
      for (const item of byTitle(title) ? [title] : title.split(/[、;；,，]/).map((t) => t.trim()).filter(Boolean)) {
        const doc = byTitle(item);
        if (doc) add(doc.id, field, item);
        else {
          missing.push(item);
          kept.push(item);
        }
      }
    };
    for (const line of text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)) {
      // Numbers are found in the folded text (ＣＳ/ＱＲ-001 is CS/QR-001); titles are kept as written
      // where folding left the positions as they were.
      const folded = line.normalize("NFKC");
      const written = folded.length === line.length ? line : folded;
      const numbers = [...folded.matchAll(DOCUMENT_NUMBER_IN_TEXT)].filter((m) => /\d/.test(m[0]) && DOCUMENT_ID.test(m[0]));
      titled(written.slice(0, numbers[0]?.index ?? written.length));
      numbers.forEach((m, i) => {
        const after = written.slice(m.index + m[0].length, numbers[i + 1]?.index ?? written.length).trim();
        add(m[0], field, after);
        const known = repo.documents.find((d) => d.value.id === m[0])?.value;
        // "CS/QR-010-01 新产品试制计划、试验大纲": what follows the numbered document's own title is more titles.
        if (known && sameTitle(after.slice(0, known.title.length), known.title)) titled(after.slice(known.title.length));
        // A number the repository has no document of yet (its instructions and forms are imported after the
        // procedure list): the link is kept for when it is, and the entry as written, so that the printed
        // list still shows it meanwhile (a 军代表 reads the GJB 程序文件一览表) rather than a blank cell.
        else if (!known && !listed.has(m[0]) && !repo.unvalidated.documents.has(m[0]) && m[0] !== id) {
          const entry = after ? `${m[0]} ${after.replace(/[\s、;；,，]+$/, "")}` : m[0];
          unknown.push(entry);
          kept.push(entry);
        }
      });
    }
    if (missing.length) issue(t("import.document.unnamed", { count: missing.length, titles: quotedList(missing), column: label, id }));
    if (unknown.length) issue(t("import.document.uses-unknown", { count: unknown.length, entries: quotedList(unknown), column: label, id }));
    if (kept.length) result.unnamed.push(`${label}：${kept.join("、")}`);
  }
  return result;
}

/**
 * Why a row's department is refused: a register often writes a department's short name (人事部 for
 * 行政人事部); the departments whose name holds the text, or is held in it, are named (是否指 HR（行政人事部）？),
 * as for customers, so that nobody adds a second department for the short name. With none, or more
 * than three, `csr department add` registers it.
 */
export function unknownDepartment(written: string, name: string, departments: Department[]): string {
  const near = departments.filter((d) => [d.name, d.name_en].some((n) => n !== undefined && n !== "" && (n.includes(name) || name.includes(n))));
  if (near.length > 0 && near.length <= 3) {
    return t("import.document.unknown-department-near", { department: written, candidates: disjunction(near.map((d) => t("import.customer-candidate", { code: d.code, name: d.name }))) });
  }
  return t("import.document.unknown-department", { department: written, name });
}

/** The column a row names its customer in: 顾客代码 when the row has it, else 顾客名称. */
function customerColumn(row: RowReader): Field {
  return row.key("customer") ? "customer" : "customerName";
}

/**
 * The customer a row names by code or name (顾客代码, else 顾客名称), a spelling folded to find it said;
 * `none` gives the customer of a row that names none (CsrDefaults) or says it names none, and one that
 * names an unknown customer is refused.
 */
function customerOfRow(row: RowReader, repo: Repository, none: () => Customer | undefined, issue: Issue): Customer | undefined {
  const field = customerColumn(row);
  if (!row.key(field)) return none();
  const customers = repo.customers.map((c) => c.value);
  // The name as customers/ records it (华域视觉科技（上海）有限公司, full-width brackets) is that customer, not a spelling.
  const written = row.text(field);
  const exact = customers.find((c) => c.code === written || c.name === written || c.name_en === written);
  // Any other spelling found (ＨＡＳＣＯ, 华域视觉科技(上海)有限公司 with ASCII brackets) is said, as the code it is recorded as.
  const key = row.key(field);
  const folded = exact ?? (key ? lookupCustomer(key, customers) : undefined);
  if (folded && !exact) row.read(field, showInvisible(written), folded.code);
  const customer = folded;
  if (!customer) issue(unknownCustomer(written, customers), true);
  return customer;
}

/** A customer name or code folded as a cell's lookup key is (cellKey): ＧＷＭ, （上海） and (上海) are the same. */
const customerKey = (s: string) => compactText(s.normalize("NFKC")).toLowerCase();

/**
 * `text` is a lookup key (cellKey); the customers' codes and names are compared the same way, so a
 * name with full-width punctuation (华域视觉科技（上海）有限公司) is found however its brackets are written (tester54b B5).
 */
function lookupCustomer(text: string, customers: Customer[]): Customer | undefined {
  const t = customerKey(text);
  return customers.find((c) => customerKey(c.code) === t || customerKey(c.name) === t || (c.name_en !== undefined && customerKey(c.name_en) === t));
}

/**
 * Why a row's customer is refused, and what to do: registers kept in Excel often name a customer by
 * its short name (大众 for 大众汽车股份公司) or a longer form of it; the customers whose name holds
 * the text, or is held in it, are named ("是否指 VW（大众汽车股份公司）？"), without taking one
 * for the row: the importer does not choose a customer for a value that names none exactly. With
 * none, or more than three, `csr customer add` registers it.
 */
function unknownCustomer(text: string, customers: Customer[]): string {
  const key = customerKey(text);
  const holds = (name: string | undefined) => {
    if (!name) return false;
    const a = customerKey(name);
    return a.includes(key) || key.includes(a);
  };
  const near = customers.filter((c) => holds(c.name) || holds(c.name_en));
  // More than a few: the text says too little to point at one (a single letter, 汽车).
  if (near.length > 0 && near.length <= 3) {
    const candidates = disjunction(near.map((c) => t("import.customer-candidate", { code: c.code, name: c.name })));
    return t("import.unknown-customer-near", { customer: text, candidates });
  }
  return t("import.unknown-customer", { customer: text });
}

/**
 * The customer's source document a row's 来源文件 names: its id, its title, or both as Chinese lists
 * write a customer document, "HASCO-SQ-01 供应商质量要求" or "HASCO-SQ-01《供应商质量要求》"
 * (tester54b B9): the id names it, read and said; a title that is not its title is said on the row.
 */
function sourceOfRow(row: RowReader, customer: Customer, text: string, issue: Issue): NonNullable<Customer["sources"]>[number] | undefined {
  const sources = customer.sources ?? [];
  const exact = sources.find((s) => s.id === text || s.title === text || s.title_en === text);
  if (exact || !text) return exact;
  const m = /^(\S+?)\s*(?:《([^》]+)》|\s(.+))$/.exec(text.trim());
  const source = m ? sources.find((s) => s.id === compactText(m[1]!.normalize("NFKC"))) : undefined;
  if (!m || !source) return undefined;
  const title = (m[2] ?? m[3]!).trim();
  if (sameTitle(source.title, title) || (source.title_en !== undefined && sameTitle(source.title_en, title))) row.read("source", text, source.id);
  else issue(t("import.csr.addressed-title-differs", { column: row.label("source"), line: text, title, document: source.id, actual: source.title }));
  return source;
}

/**
 * Why a row's 来源文件 is refused, and the command that registers it (`csr source add`), with what the
 * row gives of it: its id and title ("HASCO-SQ-02 供应商质量要求" or either), its revision and received date.
 */
function unknownSource(row: RowReader, customer: Customer, text: string): string {
  const [idPlaceholder, titlePlaceholder, revisionPlaceholder, receivedPlaceholder] = t("import.csr.source-add-placeholders").split("|") as [string, string, string, string];
  const m = /^([A-Za-z0-9][A-Za-z0-9_.-]*)(?:\s*《([^》]+)》|\s+(.+))?$/.exec(text.trim());
  const id = m ? m[1]! : idPlaceholder;
  const title = m ? (m[2] ?? m[3] ?? titlePlaceholder).trim() : text.replace(/^《|》$/g, "").trim() || titlePlaceholder;
  const quote = (value: string) => (/^[^\s'"<>]+$/.test(value) || value.startsWith("<") ? value : `'${value}'`);
  const revision = row.text("revision").trim() || row.text("version").trim() || revisionPlaceholder;
  const received = normalizeDate(row.cell("received")) ?? receivedPlaceholder;
  const command = `csr source add ${customer.code} --id ${quote(id)} --title ${quote(title)} --revision ${quote(revision)} --received ${received}`;
  const registered = (customer.sources ?? []).map((s) => `${s.id} ${s.title}`);
  return t("import.csr.unknown-source", { source: text, customer: customer.code, command, registered: registered.length ? t("import.csr.unknown-source-registered", { sources: list(registered) }) : "" });
}

function csrFromRow(row: RowReader, repo: Repository, options: ImportOptions, earlierRows: readonly PlannedFile[], report: Issue): Omit<PlannedFile, "row"> | undefined {
  // A row refused for a value that cannot be taken gets no id: the customer's numbers have no gap for it.
  let refused = false;
  const issue: Issue = (message, skipped) => {
    refused ||= skipped === true;
    report(message, skipped);
  };
  const given = row.folded("number");
  // A list without an id column (the usual layout: 序号 and the requirement) gets the customer's next
  // free ids below, once the row is known to be imported; until then the row is named by its 序号.
  const no = row.text("no");
  const numbered = given || (no ? `${row.label("no")} ${no}` : undefined);
  const named = numbered ?? t("import.csr.unnumbered");
  // A list that has only the requirement's text (要求内容) names each requirement by it (ImportPlan.titleFrom).
  const titled = row.has("title");
  const title = titled ? row.title("title") : row.text("text");
  if (given && !CODE_PATTERN.test(given)) return void issue(t("import.csr.bad-id", { id: given }), true);
  if (!title) return void issue(t("import.csr.no-title", { id: named }), true);
  const defaults = options.csrDefaults ?? {};
  const givenCustomer = defaults.customer === undefined ? undefined : repo.customers.find((c) => c.value.code === defaults.customer)?.value;
  const noCustomer = () => (givenCustomer ? givenCustomer : void issue(t("import.csr.no-customer", { id: named, column: row.label("customer", row.label("customerName", headerExample("customer"))) }), true));
  const customer = customerOfRow(row, repo, noCustomer, issue);
  if (!customer) return;
  // A list that names another customer or source than the options is not made the options' (which of the two is right is not guessed).
  const customerField = customerColumn(row);
  if (givenCustomer && customer !== givenCustomer) return void issue(t("import.csr.differs-from-option", { column: row.label(customerField), value: row.text(customerField), flag: "--customer", given: givenCustomer.code }), true);
  const sourceText = row.key("source") ? row.text("source") : (defaults.source ?? "");
  const source = sourceOfRow(row, customer, sourceText, issue);
  if (defaults.source !== undefined && row.key("source") && source?.id !== defaults.source) return void issue(t("import.csr.differs-from-option", { column: row.label("source"), value: row.text("source"), flag: "--source", given: defaults.source }), true);
  const sourceId = source?.id ?? sourceText;
  if (!sourceId || !CODE_PATTERN.test(sourceId)) return void issue(unknownSource(row, customer, sourceText), true);
  // The customer's revision label as the list writes it (来源版本, else 版本 next to 来源文件), never reformatted.
  const revision = row.folded("revision") || row.folded("version") || source?.revisions[source.revisions.length - 1]?.revision;
  if (!revision) return void issue(t("import.csr.no-revision", { id: named, column: row.label("revision", row.label("version", headerExample("revision"))) }), true);
  // A revision of a registered source that csr does not have, received before its latest one, is history csr source update cannot record (it would open a new round): refused, said (tester54b B8).
  // A list without the date received (the customer's own table) takes --received, else its source revision's (as csr add does); an empty cell of the column only --received.
  const receivedFrom = row.text("received") ? undefined : defaults.received !== undefined ? "option" : options.titleReceived !== undefined ? "title" : row.has("received") ? undefined : "source";
  const received = receivedFrom === "option" ? defaults.received : receivedFrom === "title" ? options.titleReceived : receivedFrom === "source" ? source?.revisions.find((r) => r.revision === revision)?.received : normalizeDate(row.cell("received"));
  const latest = source?.revisions.at(-1);
  if (source && latest && !source.revisions.some((r) => r.revision === revision) && received && received < latest.received) {
    return void issue(t("import.csr.earlier-revision", { source: source.id, revision, revisionArg: shellArgument(revision), received, latest: latest.revision, latestReceived: latest.received }), true);
  }
  const clauses = clausesOfRow(row, repo, options, issue);
  if (clauses?.length === 0) return void issue(t("import.csr.no-clause", { id: named, column: row.label("clauses") }), true);
  if (!received) return void issue(row.text("received") ? badDate(row, "received") : t(receivedFrom === "source" ? "import.csr.no-received-revision" : "import.csr.no-received", { id: named, column: row.label("received", headerExample("received")), revision }), true);
  const section = row.text("section");
  const text = titled ? row.text("text") : "";
  const category = row.text("category");
  // A 密级 equal to the source document's is not written (the CSR inherits it), as csr add writes none; one csr does not know refuses the row.
  const classificationText = row.text("classification");
  const classification = row.value("classification", readClassification);
  if (classificationText && !classification) return void issue(t("import.document.bad-classification", { classification: classificationText, column: row.label("classification"), allowed: list([...CLASSIFICATIONS]) }), true);
  const csr: Csr = {
    id: given,
    customer: customer.code,
    source: { document: sourceId, revision, ...(section ? { section } : {}) },
    clauses: clauses ?? [],
    title,
    ...(text ? { text } : {}),
    ...(category ? { category } : {}),
    ...(classification && classification !== (source?.classification ?? "") ? { classification } : {}),
    received,
  };
  const names: NameContext = { signers: [] };
  const decision = decisionFromRow(row, repo, options, issue, names);
  // The department opinions of a historical review are on the signed paper record, not in the list:
  // the record is named so the decision stands (csr/review-incomplete), and where none is listed the
  // file says where it came from, which the import report asks the user to replace.
  const reviewRecord = row.text("reviewRecord");
  // A review restarted on a new source revision counts its deadline from then (csr/review-late).
  const restarted = dateCell(row, "restarted", issue);
  if (restarted) csr.review = { restarted };
  // A source revision confirmed unchanged (the CSR list's 确认人 and 确认日期): the confirmation of the row's 来源版本, whose
  // 逾期原因 the list prints in that column (tester54a A5); it keeps the decision, which it needs.
  const confirmation = confirmationFromRow(row, revision, repo, options, issue, names);
  if (confirmation && !decision) issue(t("import.csr.confirmed-without-decision", { by: row.label("confirmedBy", "确认人"), decided: row.label("decided", "决定日期") }), true);
  const lateReason = row.text("lateReason");
  if (lateReason && confirmation) confirmation.late_reason = lateReason;
  else if (lateReason) csr.review = { ...csr.review, late_reason: lateReason };
  // 评审组长 (review.leader): who signed the review report of the decision, by name or id, as 决定人 is read; the list has no
  // day of the signature. A name of nobody in people.yaml is reported (or added with --add-people); one on a row without a
  // decision has no report to sign and is reported, not kept.
  const leaderText = row.text("reviewLeader");
  const leader = leaderText && decision ? { by: personFor(leaderText, "leader", undefined, repo, options, issue, names) } : undefined;
  if (leaderText && !decision && !row.text("disposition")) issue(t("import.csr.leader-without-decision", { name: leaderText, column: row.label("reviewLeader", "评审组长"), disposition: row.label("disposition", "处置") }));
  if (reviewRecord || decision) {
    // Written into the file: the repository's language, not the reader's.
    const record = reviewRecord ? recordFromCell(reviewRecord, repo) : { note: translate(options.lang, "import.csr.record-note", { register: options.register ?? "", row: row.raw.row }) };
    csr.review = { ...csr.review, record, ...(decision ? { decision } : {}), ...(leader ? { leader } : {}), ...(confirmation ? { confirmations: [confirmation] } : {}) };
  }
  const addressed = addressedFromRow(row, repo, issue);
  if (addressed.length) csr.addressed = addressed;
  const implementation: NonNullable<Csr["implementation"]> = {};
  const owner = row.text("owner");
  if (owner) implementation.owner = personFor(owner, "owner", undefined, repo, options, issue, names);
  const due = row.text("due");
  if (due) {
    const date = normalizeDate(row.cell("due"));
    if (date) implementation.due = date;
    else issue(badDate(row, "due"), true);
  }
  // The CSR list prints the customer's date of every CSR; the source revision's 实施日期 is the customer's file's, not the CSR's own.
  const requiredBy = dateCell(row, "requiredBy", issue);
  if (requiredBy && requiredBy !== source?.revisions.find((r) => r.revision === revision)?.effective) implementation.required_by = requiredBy;
  const implemented = dateCell(row, "implemented", issue);
  if (implemented) implementation.implemented = implemented;
  // The CSR list marks the status of an open review whose deadline is estimated (（期限为估算：已计入法定节假日，调休未知）): derived, not imported.
  const listed = ESTIMATED_MARKS.reduce((text, mark) => (text.endsWith(mark) ? text.slice(0, -mark.length) : text), row.text("status"));
  const status = listed ? LISTED_STATUS.get(statusKey(listed)) : undefined;
  if (listed && !status) issue(badStatus(listed, row.label("status")), true);
  const stage = row.text("implementationStatus");
  const implementationStatus = stage ? IMPLEMENTATION_STATUS.get(statusKey(stage)) : undefined;
  if (stage && !implementationStatus) {
    issue(t("import.csr.bad-implementation-status", { status: stage, column: row.label("implementationStatus"), statuses: list(IMPLEMENTATION_STATUSES.map((s) => t(`value.implementation.${s}`))) }), true);
  }
  // Without the 实施状态 column, implemented and verified are recorded facts of their own, and 实施中 a
  // stage of the implementation; every other status follows from the decision and the addressing documents.
  const stated = implementationStatus ?? status?.stage;
  if (stated) implementation.status = stated;
  // 完成日期 is when a row that says it is done was implemented, and when one that does not is to be (tester20 F8).
  const completed = dateCell(row, "completed", issue);
  let completedAs: PlannedFile["completedAs"];
  if (completed && (stated === "implemented" || stated === "verified") && !implementation.implemented) {
    implementation.implemented = completed;
    completedAs = "implemented";
  } else if (completed && !implementation.due) {
    implementation.due = completed;
    completedAs = "due";
  } else if (completed && completed !== implementation.implemented && completed !== implementation.due) {
    issue(t("import.csr.completed-unplaced", { column: row.label("completed"), date: completed, implemented: row.label("implemented"), due: row.label("due") }), true);
  }
  const evidence = row.text("evidence");
  if (evidence) implementation.evidence = evidence;
  const verifier = row.text("verifiedBy");
  const verified = dateCell(row, "verified", issue);
  if (verifier) implementation.verified = { by: personFor(verifier, "verified", undefined, repo, options, issue, names), ...(verified ? { date: verified } : {}) };
  else if (verified) issue(t("import.csr.verified-without-by", { date: verified, column: row.label("verifiedBy", "验证人") }), true);
  const superseded = supersededFromRow(row, issue);
  if (superseded) csr.superseded = superseded;
  if (Object.keys(implementation).length) csr.implementation = implementation;
  // 发放 and 培训 as the CSR list prints them (tester55 C5): what a cell shows that the file cannot keep is said below.
  const recordNotes: RecordNote[] = [];
  const distribution = distributionFromCell(row.text("distributed"), repo.config?.value.departments ?? [], recordNotes);
  if (distribution.length) csr.distribution = distribution;
  const training = trainingFromCell(row.text("training"), recordNotes);
  if (training) csr.training = training;
  // 备注 as the CSR list prints it (csr set --remarks; tester76 M9): kept as written.
  const remarks = row.text("remarks");
  if (remarks) csr.remarks = remarks;
  for (const note of recordNotes) if (REFUSING_NOTES.has(note.kind)) issue(recordNoteMessage(note, row, "", repo), true);
  reportRepeat(csr, numbered, repo, earlierRows, issue);
  if (refused) return undefined;
  const id = given || options.csrNumbers.next(customer.code);
  csr.id = id;
  trainingStateNote(csr, row.text("training"), options.today, recordNotes);
  for (const note of recordNotes) if (!REFUSING_NOTES.has(note.kind)) issue(recordNoteMessage(note, row, id, repo));
  if (status) {
    const config = repo.config?.value;
    const result = csrStatus(csr, (doc) => repo.documents.find((d) => d.value.id === doc)?.value, options.today, config);
    // 实施中 is a stage of a decided requirement, whether or not its documents address it yet. 已验证 by the owner is
    // kept as listed, and counted as 已实施 (verifiedByOwner): csr check's csr/self-verification says why, not this.
    const agrees =
      status.stage === "planned" || status.stage === "in-progress" ? result === "decided" || result === "unconfirmed" || result === "addressed" : result === status.status || (status.status === "verified" && result === "implemented" && verifiedByOwner(csr, config));
    if (!agrees) {
      issue(
        // The listed word as the register wrote it; csr's own words in the language of the message (an English run on a Chinese list).
        t("import.csr.status-differs", { listed, result: csrStatusLabel(result, language()), status: csrStatusLabel(status.status, language()) }),
      );
    }
  }
  return {
    path: csrPath(customer.code, id),
    id,
    kind: "csr",
    data: csr,
    signers: names.signers,
    ...(decision && !reviewRecord ? { recordNoted: true } : {}),
    ...(given ? {} : { assigned: { ...(no ? { no } : {}) } }),
    ...(completedAs ? { completedAs } : {}),
    ...(receivedFrom ? { receivedFrom } : {}),
  };
}

/**
 * A requirement registered already, or listed on an earlier row, is not registered twice (tester19 F8):
 * importing a list again, or a list that names a requirement twice. A row without an id is refused
 * (an id in the 编号 column says it is another requirement); one with an id is imported as the list
 * numbers it, and said to repeat the other (csr/duplicate then reports it until one is withdrawn).
 * `named`: the row's id or 序号 as its messages name it; undefined for a row with neither.
 */
function reportRepeat(csr: Csr, named: string | undefined, repo: Repository, listed: readonly PlannedFile[], issue: Issue): void {
  // A row whose id is registered already conflicts with that file, and one whose id an earlier row gives is listed twice: both are said elsewhere.
  const otherThan = (other: Csr) => !csr.id || other.id !== csr.id;
  const [registered] = registeredRepeats(csr, repo.csrs.map((c) => c.value).filter(otherThan));
  const earlierRows = listed.filter((f) => f.kind === "csr" && otherThan(f.data as Csr));
  const [earlier] = registered ? [] : registeredRepeats(csr, earlierRows.map((f) => f.data as Csr));
  const repeat = registered ?? earlier;
  if (!repeat) return;
  const same = t(`csr.repeat.${repeat.same}`);
  const path = registered && repo.csrs.find((c) => c.value === registered.csr)!.file.path;
  const row = earlier && earlierRows.find((f) => f.data === earlier.csr)!.row;
  if (!csr.id) {
    // A row with neither an id nor a 序号 is "this row" (本行没有要求编号, tester64 N15).
    const key = path ? (named ? "import.csr.already-registered" : "import.csr.already-registered.this-row") : named ? "import.csr.listed-twice" : "import.csr.listed-twice.this-row";
    issue(t(key, { ...(named ? { row: named } : {}), id: repeat.csr.id, ...(path ? { path } : { earlier: row! }), same }), true);
    return;
  }
  issue(t("import.csr.repeats", { id: csr.id, other: repeat.csr.id, where: path ?? t("import.csr.repeats.row", { row: row! }), same }));
}

/** What a 发放 or 培训 cell shows that the CSR file does not keep as shown, and why (csr-records.ts). */
function recordNoteMessage(note: RecordNote, row: RowReader, id: string, repo: Repository): string {
  const distributed = row.label("distributed", headerExample("distributed"));
  const training = row.label("training", headerExample("training"));
  switch (note.kind) {
    case "distribution-unread":
      return t("import.csr.distribution-unread", { column: distributed, line: note.line, id });
    case "distribution-bad-date":
      return t("import.csr.distribution-bad-date", { column: distributed, line: note.line, date: note.date });
    case "distribution-unknown-department": {
      const departments = repo.config?.value.departments ?? [];
      return t("import.csr.distribution-department", { column: distributed, line: note.line, reason: unknownDepartment(note.department, compactText(note.department.normalize("NFKC")), departments) });
    }
    case "training-unread":
      return t("import.csr.training-unread", { column: training, line: note.line, id });
    case "training-session":
      return t(note.record ? "import.csr.training-session" : "import.csr.training-session-unrecorded", { column: training, line: note.line, id, date: note.date, record: note.record ?? "" });
    case "training-session-earlier":
      return t("import.csr.training-session-earlier", { column: training, line: note.line });
    case "training-record-earlier":
      return t("import.csr.training-record-earlier", { column: training, record: note.record, written: note.written });
    case "training-state":
      return t("import.csr.training-state", { column: training, listed: note.listed, state: t(`train.state.${note.state}`) });
  }
}

/** 替代日期, 替代原因, 替代要求: a requirement withdrawn or replaced is recorded with both its date and its reason. */
function supersededFromRow(row: RowReader, issue: Issue): Csr["superseded"] {
  const date = dateCell(row, "superseded", issue);
  const reason = row.text("supersededReason");
  const by = row.folded("supersededBy");
  if (!date && !reason && !by) return undefined;
  // A date that is not one was reported by dateCell already.
  const missing = [!row.text("superseded") ? row.label("superseded", "替代日期") : "", !reason ? row.label("supersededReason", "替代原因") : ""].filter(Boolean);
  if (missing.length) issue(t("import.csr.superseded-incomplete", { missing: conjunction(missing.map((m) => `“${m}”`)) }), true);
  return date && reason ? { date, reason, ...(by ? { by } : {}) } : undefined;
}

/** A date cell of the row, or undefined when it is empty or not a date (reported: the row is refused). */
function dateCell(row: RowReader, field: Field, issue: Issue): string | undefined {
  const text = row.text(field);
  if (!text) return undefined;
  const date = normalizeDate(row.cell(field));
  if (!date) issue(badDate(row, field), true);
  return date;
}

const IMPLEMENTATION_STATUSES = ["planned", "in-progress", "implemented", "verified"] as const;
type ImplementationStatus = (typeof IMPLEMENTATION_STATUSES)[number];

/** A status word as looked up: full-width folded, without spaces, lower case. */
const statusKey = (text: string) => compactText(text.normalize("NFKC")).toLowerCase();

/** What the CSR list adds to the status of an open review whose deadline runs through a year without holiday data, in both languages and either count. */
const ESTIMATED_MARKS = (["zh-CN", "en"] as const).flatMap((lang) => (["register.reviews.estimated", "register.reviews.estimated-weekdays"] as const).map((key) => translate(lang, key)));

/**
 * The words of a 实施状态 column: the codes (value.*) and the words the CSR list prints (register.*), in both languages;
 * 已验证 marked as verified by the implementation's owner (verifiedByOwner) is read back as verified, as recorded.
 */
export const IMPLEMENTATION_STATUS_WORDS: readonly { word: string; stage: ImplementationStatus }[] = [
  ...IMPLEMENTATION_STATUSES.flatMap((stage) =>
    (["zh-CN", "en"] as const).flatMap((lang) => [`value.implementation.${stage}` as const, `register.implementation.${stage}` as const].map((key) => ({ word: translate(lang, key), stage }))),
  ),
  ...(["zh-CN", "en"] as const).map((lang) => ({ word: translate(lang, "register.implementation.verified-by-owner"), stage: "verified" as const })),
];

/** 实施状态 of the CSR list, back to implementation.status. */
const IMPLEMENTATION_STATUS = new Map<string, ImplementationStatus>(IMPLEMENTATION_STATUS_WORDS.map(({ word, stage }) => [statusKey(word), stage]));

/**
 * What a 状态 cell of a CSR list says: the CSR's status and, for implemented and verified and for a
 * stage of the implementation written there (实施中), the implementation's.
 */
export interface ListedStatus {
  status: CsrStatus;
  stage?: ImplementationStatus;
}

/** Words Chinese CSR lists write in their 状态 column besides csr's own: short forms of csr's words. */
export const CSR_STATUS_SYNONYMS: readonly { word: string; status: CsrStatus }[] = [
  { word: "已落实", status: "addressed" },
  { word: "已落实文件", status: "addressed" },
  { word: "待评审", status: "received" },
  { word: "未评审", status: "received" },
];

/**
 * The words a 状态 cell may hold, each with what it says: csr's own status words in both languages,
 * their synonyms, and the stages of the implementation before it is done (计划中, 实施中: a decided CSR).
 */
export const LISTED_STATUS_WORDS: readonly { word: string; listed: ListedStatus }[] = [
  ...CSR_STATUSES.flatMap((status) =>
    (["zh-CN", "en"] as const).map((lang) => ({ word: csrStatusLabel(status, lang), listed: { status, ...(status === "implemented" || status === "verified" ? { stage: status } : {}) } })),
  ),
  ...CSR_STATUS_SYNONYMS.map(({ word, status }) => ({ word, listed: { status } })),
  ...(["zh-CN", "en"] as const).map((lang) => ({ word: translate(lang, "register.implementation.verified-by-owner"), listed: { status: "verified" as const, stage: "verified" as const } })),
  ...IMPLEMENTATION_STATUS_WORDS.filter(({ stage }) => stage === "planned" || stage === "in-progress").map(({ word, stage }) => ({ word, listed: { status: "decided" as const, stage } })),
];

const LISTED_STATUS = new Map<string, ListedStatus>(LISTED_STATUS_WORDS.map(({ word, listed }) => [statusKey(word), listed]));

/**
 * Why a 状态 cell is refused: the statuses csr knows, and the one it may mean when a known word holds
 * the text or is held in it (已落实到文件中: 是否指 已落实到文件？), without taking it for the row.
 */
const DONE_WORDS = new Set(["已关闭", "关闭", "已完成", "完成", "closed", "done", "completed"].map(statusKey));

function badStatus(text: string, column: string): string {
  const key = statusKey(text);
  const statuses = list(CSR_STATUSES.map((s) => csrStatusLabel(s, "zh-CN")));
  // A synonym is offered as csr's own word for its status, so that one status is offered once.
  const synonyms = new Set(CSR_STATUS_SYNONYMS.map(({ word }) => word));
  const near = [
    ...new Set(
      LISTED_STATUS_WORDS.filter(({ word }) => key.includes(statusKey(word)) || statusKey(word).includes(key)).map(({ word, listed }) => (synonyms.has(word) ? csrStatusLabel(listed.status, "zh-CN") : word)),
    ),
  ];
  // 已关闭 / 已完成 say the CSR is done, not which stage: the statuses it may mean are offered (tester54b B23).
  if (DONE_WORDS.has(key)) near.splice(0, near.length, ...(["addressed", "implemented", "verified"] as const).map((s) => csrStatusLabel(s, "zh-CN")));
  if (near.length > 0 && near.length <= 3) return t("import.csr.bad-status-near", { status: text, column, statuses, candidates: disjunction(near.map((w) => `'${w}'`)) });
  return t("import.csr.bad-status", { status: text, column, statuses });
}

/**
 * The decision a CSR list records: disposition (必须满足 / 可选 / 不适用 / 不合理), who decided and when,
 * and the reason where the standard asks for one. A decision with a part missing is not recorded
 * (the schema needs every part, and an invented date would be false evidence); the row says what is missing.
 */
function decisionFromRow(row: RowReader, repo: Repository, options: ImportOptions, issue: Issue, names: NameContext): Decision | undefined {
  const text = row.text("disposition");
  if (!text) return undefined;
  const disposition = normalizeDisposition(text);
  if (!disposition) return void issue(t("import.csr.bad-disposition", { disposition: text, column: row.label("disposition") }), true);
  if (DISPOSITION_SPELLINGS.has(compactText(text.normalize("NFKC")).toLowerCase())) row.read("disposition", text, translate(options.lang, `value.disposition.${disposition}`));
  const missing: string[] = [];
  const date = normalizeDate(row.cell("decided"));
  if (!date) missing.push(row.text("decided") ? t("import.csr.lacks.bad-date", { column: row.label("decided"), value: showInvisible(row.text("decided")), ambiguous: ambiguousDate(row.text("decided")) }) : t("import.csr.lacks.date", { column: row.label("decided", "决定日期") }));
  const byText = row.text("decidedBy");
  if (!byText) missing.push(t("import.csr.lacks.by", { column: row.label("decidedBy", "决定人") }));
  // 处置理由 holds the alternative agreed with the customer on a line of its own, as the CSR list prints it (IATF 16949 4.3.2).
  const { justification, alternative } = splitAlternative(row.text("justification"));
  if (!justification && (disposition === "not-applicable" || disposition === "rejected")) missing.push(t("import.csr.lacks.reason", { column: row.label("justification", "处置理由") }));
  if (!alternative && saysAgreedAlternative(text)) missing.push(t("import.csr.lacks.alternative", { column: row.label("justification", "处置理由") }));
  if (alternative && disposition !== "rejected") return void issue(t("import.csr.alternative-not-rejected", { column: row.label("justification", "处置理由"), disposition: text, rejected: translate(options.lang, "value.disposition.rejected") }), true);
  if (missing.length) return void issue(t("import.csr.decision-incomplete", { disposition: text, missing: conjunction(missing), column: row.label("disposition") }), true);
  // A job title (总经理) is the one person who holds it, as a signature cell's is (signatureFromCell); never a person named after it.
  const people = repo.people.map((p) => p.value);
  const holders = lookupPerson(byText, people) ? [] : titleHolders(byText, people);
  if (holders.length === 1) row.read("decidedBy", byText, t("import.read.title", { name: holders[0]!.name, id: holders[0]!.id, title: byText }));
  else if (holders.length > 1 || (!lookupPerson(byText, people) && JOB_TITLE.test(compactText(byText.normalize("NFKC"))))) {
    const values = { column: row.label("decidedBy"), name: byText, count: holders.length, people: list(holders.map((p) => `${p.name}（${p.id}）`)) };
    return void issue(t(holders.length > 1 ? "import.csr.decider-title-several" : "import.csr.decider-title", values), true);
  }
  const by = holders.length === 1 ? holders[0]!.id : personFor(byText, "decided", "approver", repo, options, issue, names);
  if (alternative && alternative.agreed_on > date!) return void issue(t("import.csr.alternative-after-decision", { agreed: alternative.agreed_on, decided: date!, column: row.label("justification", "处置理由") }), true);
  return { disposition, ...(justification ? { justification } : {}), by, date: date!, ...(alternative ? { alternative } : {}) };
}

/**
 * 确认人 and 确认日期 of a CSR list row (tester54a A5): the row's source revision `revision` confirmed
 * unchanged (csr source update --unchanged), as review.confirmations records it. Undefined when the row
 * has neither; a name without a date, or a date without a name, is refused with the column to fill in.
 */
function confirmationFromRow(row: RowReader, revision: string, repo: Repository, options: ImportOptions, issue: Issue, names: NameContext): NonNullable<NonNullable<Csr["review"]>["confirmations"]>[number] | undefined {
  const byText = row.text("confirmedBy");
  const dateText = row.text("confirmed");
  if (!byText && !dateText) return undefined;
  const date = dateCell(row, "confirmed", issue);
  if (!byText || !dateText) return void issue(t("import.csr.confirmation-incomplete", { column: row.label(byText ? "confirmed" : "confirmedBy", byText ? "确认日期" : "确认人"), revision }), true);
  if (!date) return undefined;
  return { source_revision: revision, by: personFor(byText, "confirmed", undefined, repo, options, issue, names), date };
}

let recordNotePatterns: RegExp[] | undefined;

/** Whether `text` is the note an import writes for a decision's record (import.csr.record-note), in either language. */
function importedRecordNote(text: string): boolean {
  recordNotePatterns ??= (["zh-CN", "en"] as const).map((lang) => {
    const template = escapeRegExp(translate(lang, "import.csr.record-note", { register: "\u0000", row: "\u0001" }));
    return new RegExp(`^${template.replace("\u0000", ".+").replace("\u0001", "\\d+")}$`, "u");
  });
  return recordNotePatterns.some((pattern) => pattern.test(text.trim()));
}

/**
 * 评审记录编号 as the CSR list writes it: the number of the filled-in record ("2023-07 第12号"), after
 * the form it was filled in on when that is a document of the repository ("QR-015-01 2023-07 第12号").
 */
function recordFromCell(text: string, repo: Repository): ReviewRecord {
  // The note the list prints for a decision imported from an earlier list (tester54b B21): the note again.
  if (importedRecordNote(text)) return { note: text };
  const [first = "", ...rest] = text.split(/\s+/);
  if (!repo.documents.some((d) => d.value.id === first)) return { ref: text };
  const ref = rest.join(" ");
  return { form: first, ...(ref ? { ref } : {}) };
}

/**
 * 落实文件: one place per line (or after ；), "QP-014 5.2 符号转换" — the document number, then the
 * section. A line of places listed as 条款 are, "QP-006、QP-005" (、，,), is as many places when each
 * part starts with a document number; otherwise the marks belong to the section ("QP-014 5.2、5.3").
 */
function addressedFromRow(row: RowReader, repo: Repository, issue: Issue): NonNullable<Csr["addressed"]> {
  const places: NonNullable<Csr["addressed"]> = [];
  // csr's own list writes the version and the link's state with each place (tester55 C6): the files record neither, both follow
  // from the document's revisions and the link; left out, and said. Before splitting at ；, which the version and state may hold.
  const bare = (text: string) => {
    const plain = placeWithoutListedVersion(text);
    if (plain !== text) row.read("addressed", text, t("import.csr.addressed-version", { place: plain }));
    return plain;
  };
  const lines = row.text("addressed").split(/\r?\n/).map((l) => l.trim()).filter(Boolean).flatMap((line) => bare(line).split(/[;；]/)).map((l) => l.trim()).filter(Boolean);
  for (const line of lines.flatMap(listedPlaces).map(bare)) {
    const [first = "", ...rest] = line.split(/\s+/);
    let document = compactText(first.normalize("NFKC"));
    // "QP-005/5.3": a known document and a section number after '/', which no document number has (tester54b B14).
    const slashed = /^(.+)\/(\d+(?:\.\d+)*)$/.exec(document);
    if (slashed && !repo.documents.some((d) => d.value.id === document) && repo.documents.some((d) => d.value.id === slashed[1])) {
      document = slashed[1]!;
      rest.unshift(slashed[2]!);
      row.read("addressed", line, [document, ...rest].join(" "));
    }
    if (!DOCUMENT_ID.test(document)) {
      issue(t("import.csr.bad-addressed", { line: showInvisible(line), column: row.label("addressed") }), true);
      continue;
    }
    // The document's title after its number (QP-010 《进料检验程序》, or as written without 《》) names the
    // document, not a section: read and said, or said when it is not that document's title (tester51 #7).
    let after = rest.join(" ");
    const known = repo.documents.find((d) => d.value.id === document)?.value;
    const titled = /^《([^》]+)》\s*(.*)$/.exec(after) ?? (known && sameTitle(after, known.title) ? [after, after, ""] : undefined);
    if (titled) {
      after = titled[2]!;
      const to = after ? `${document} ${after}` : document;
      if (known && sameTitle(known.title, titled[1]!)) row.read("addressed", line, to);
      else issue(t(known ? "import.csr.addressed-title-differs" : "import.csr.addressed-title-unknown", { column: row.label("addressed"), line, title: titled[1]!, document, actual: known?.title ?? "" }));
    }
    // A section csr's CSR list marked (原写 5.4, 未找到该章节) reads back as the reference it stands for.
    // 第5.3条, 第5.3节, 5.3条 or §5.3: the section number, said as a spelling (a clause 第8.5.2条 is read so too; tester54b B14).
    const numbered = /^(?:第\s*([0-9]+(?:\.[0-9]+)*)\s*[条节款]|([0-9]+(?:\.[0-9]+)*)\s*[条节款]|§\s*([0-9]+(?:\.[0-9]+)*))(\s.*)?$/.exec(after.normalize("NFKC"));
    if (numbered) {
      const plain = `${numbered[1] ?? numbered[2] ?? numbered[3]}${numbered[4] ?? ""}`;
      row.read("addressed", line, `${document} ${plain}`);
      after = plain;
    }
    const section = unmarkedSection(after);
    if (!places.some((p) => p.document === document && p.section === (section || undefined))) places.push({ document, ...(section ? { section } : {}) });
  }
  return places;
}

/**
 * A place of 落实文件 without what csr's CSR list adds to it (report/registers/csr.ts listedPlace): the
 * version after the document's number (A/1; A/1；A/2 待实施（… 实施）; 草稿; 已作废 2026-01-05), and the
 * link's state in brackets at the end when it reads as the matrix's 链接状态 does (已替代（2026-03-23），
 * 不计入落实). Anything else is the section, as written.
 */
function placeWithoutListedVersion(text: string): string {
  const marks = listedMarks();
  const place = withoutLinkState(text, marks);
  const [, document = "", rest = ""] = /^(\S+)\s+(.*)$/s.exec(place) ?? [];
  // A version as csr writes every document's (A/1), whether or not this repository has that revision of it (a
  // register imported with the current version only): no section starts so.
  const version = "[A-Z]/[0-9]+";
  const released = `${version}(?:\\s*[;；]\\s*${version})?(?:\\s+(?:${marks.pending}))?`;
  const listed = new RegExp(`^(?:${[released, marks.status, marks.withdrawn].join("|")})(?:\\s+|$)`, "u").exec(rest);
  return listed ? `${document} ${rest.slice(listed[0].length)}`.trim() : place;
}

/** `text` without the bracket that closes it when what the bracket holds reads as a 链接状态 (the matrix's, in either language). */
function withoutLinkState(text: string, marks: NonNullable<typeof listedMarksCache>): string {
  for (const [open, close] of marks.brackets) {
    if (!text.endsWith(close)) continue;
    let depth = 0;
    for (let i = text.length - 1; i >= 0; i--) {
      if (text[i] === close) depth++;
      else if (text[i] === open && --depth === 0) {
        if (marks.link.test(text.slice(i + 1, -1))) return text.slice(0, i).trimEnd();
        break;
      }
    }
  }
  return text;
}

let listedMarksCache: { link: RegExp; brackets: [string, string][]; pending: string; status: string; withdrawn: string } | undefined;
/** The patterns of what the CSR list writes beside a place, in every language it is printed in. */
function listedMarks(): NonNullable<typeof listedMarksCache> {
  if (listedMarksCache) return listedMarksCache;
  // A template with its placeholders as `hole` (a date, a version, any text).
  const pattern = (lang: Lang, key: MessageKey, hole: string) => escapeRegExp(translate(lang, key, { date: "\u0000", withdrawn: "\u0000", version: "\u0000", revision: "\u0000", status: "\u0000" })).replaceAll("\u0000", hole);
  const any = (keys: readonly MessageKey[], hole: string) => LANGS.flatMap((lang) => keys.map((key) => pattern(lang, key, hole))).join("|");
  const links = any(LISTED_LINKS, ".+?");
  const separators = LANGS.map((lang) => escapeRegExp(translate(lang, "register.remarks-separator").trim())).join("|");
  // The bracket characters around the state: （ ） in Chinese, ( ) in English.
  const brackets = LANGS.map((lang) => {
    const [open = "", close = ""] = translate(lang, "register.csr.list.addressed-link", { place: "\u0000", link: "\u0001" }).split("\u0000")[1]!.split("\u0001");
    return [open.trim(), close.trim()] as [string, string];
  });
  return (listedMarksCache = {
    link: new RegExp(`^(?:${links})(?:\\s*(?:${separators})\\s*(?:${links}))*$`, "u"),
    brackets,
    pending: any(["register.status.pending"], "\\d{4}-\\d{2}-\\d{2}"),
    status: any(["register.status.draft", "register.status.in-review", "register.status.released", "register.status.obsolete"], ""),
    withdrawn: any(["register.csr.matrix.version.withdrawn"], "\\d{4}-\\d{2}-\\d{2}"),
  });
}

/** The 链接状态 the CSR matrix and list print of a place (report/registers/csr.ts addressedPlaces). */
const LISTED_LINKS: readonly MessageKey[] = [
  "register.csr.link.superseded-withdrawn",
  "register.csr.link.superseded",
  "register.csr.link.withdrawn",
  "register.csr.link.pending",
  "register.csr.link.later",
  "register.csr.link.revised",
  "register.csr.link.suspect-both",
  "register.csr.link.suspect-requirement",
  "register.csr.link.suspect-section",
  "register.csr.link.confirmed",
  "register.csr.link.undated",
];

/** The places of one line of 落实文件: its parts when each names a document (a number with a letter, as a section number has none), else the line. */
function listedPlaces(line: string): string[] {
  const parts = line.split(/[、，,]/).map((p) => p.trim());
  const document = (part: string) => {
    const first = compactText((part.split(/\s+/)[0] ?? "").normalize("NFKC"));
    return DOCUMENT_ID.test(first) && /[A-Za-z]/.test(first);
  };
  return parts.length > 1 && parts.every(document) ? parts : [line];
}

/**
 * The rows of a symbol table imported into a repository that has symbols.yaml already, each compared
 * with it as `csr symbol add` compares (tester20 F23): a customer symbol not in the table is added
 * (plan.symbolsAdded), one converted the same way is said and left (plan.symbolsKnown), and one
 * converted otherwise is refused with the row the table has (one customer symbol, one of ours).
 */
function planSymbolRows(plan: ImportPlan, rows: readonly { row: number; symbol: SymbolConversion }[], repo: Repository): void {
  const table = repo.symbols.map((s) => s.value);
  const added: { row: number; symbol: SymbolConversion }[] = [];
  for (const { row, symbol } of rows) {
    const there = table.find((s) => s.customer === symbol.customer && s.customer_symbol === symbol.customer_symbol) ?? added.find((a) => a.symbol.customer === symbol.customer && a.symbol.customer_symbol === symbol.customer_symbol)?.symbol;
    if (!there) added.push({ row, symbol });
    else if (sameValues(there, symbol)) {
      // A retirement or change the sheet records and the table lacks is said, row by row, never dropped (breaker61 M6).
      const unrecorded = unrecordedHistory(symbol, there, repo);
      if (unrecorded.length === 0) (plan.symbolsKnown ??= []).push({ row, customer: symbol.customer, customerSymbol: symbol.customer_symbol });
      for (const message of unrecorded) plan.issues.push({ row, message, skipped: true });
    } else {
      const change = [...(symbol.changes ?? [])].reverse().find((c) => sameValues(there, { ...symbol, ...c.was }));
      const names = { customer: symbol.customer, symbol: symbol.customer_symbol, internal: there.symbol, class: there.class, given: symbol.symbol, givenClass: symbol.class };
      const message = change
        ? t("import.symbol.differs-changed", { ...names, date: change.date, name: nameOf(repo, change.by), before: conversionText(conversionValues(there)), command: updateCommand(symbol, there, change) })
        : t("import.symbol.differs", names);
      plan.issues.push({ row, message, skipped: true });
    }
  }
  if (added.length) plan.symbolsAdded = { row: added[0]!.row, symbols: added.map((a) => a.symbol) };
}

/** Whether two rows convert the customer's class to the same symbol and class of ours (the meaning aside, which the sheet may leave out). */
function sameValues(a: Pick<SymbolConversion, "symbol" | "class" | "customer_class">, b: Pick<SymbolConversion, "symbol" | "class" | "customer_class">): boolean {
  return a.symbol === b.symbol && a.class === b.class && a.customer_class === b.customer_class;
}

/** A person of people.yaml by name, else the id as written. */
function nameOf(repo: Repository, id: string): string {
  return repo.people.find((p) => p.value.id === id)?.value.name ?? id;
}

/**
 * What the sheet's row records of its history that the table's row, converting the same way, lacks:
 * its retirement (停用) while the table's row is in use, and each change (修改) the table has no entry
 * of, as messages saying what was not written and the command that records a retirement. Empty when
 * the table has it all.
 */
function unrecordedHistory(sheet: SymbolConversion, table: SymbolConversion, repo: Repository): string[] {
  const messages: string[] = [];
  const names = { customer: sheet.customer, symbol: sheet.customer_symbol };
  if (sheet.retired && !table.retired) {
    const { date, by, reason } = sheet.retired;
    const command = `csr symbol retire ${sheet.customer} ${shellArgument(sheet.customer_symbol)} --by ${shellArgument(by)} --date ${date} --reason ${shellArgument(reason)}`;
    messages.push(t("import.symbol.known-retired", { ...names, date, name: nameOf(repo, by), reason, command }));
  }
  const recorded = new Set((table.changes ?? []).map((c) => JSON.stringify([c.date, c.by, c.was])));
  for (const change of sheet.changes ?? []) {
    if (recorded.has(JSON.stringify([change.date, change.by, change.was]))) continue;
    messages.push(t("import.symbol.known-change", { ...names, date: change.date, name: nameOf(repo, change.by), before: conversionText(conversionValues({ ...sheet, ...change.was })) }));
  }
  return messages;
}

/** `csr symbol update` giving the table's row the values the sheet's row was changed to, with who, when and why. */
function updateCommand(sheet: SymbolConversion, table: SymbolConversion, change: NonNullable<SymbolConversion["changes"]>[number]): string {
  const values = ([["customer_class", "--customer-class"], ["symbol", "--symbol"], ["class", "--class"]] as const).filter(([f]) => sheet[f] !== table[f]).map(([f, flag]) => `${flag} ${shellArgument(sheet[f])}`);
  const reason = change.reason ? ` --reason ${shellArgument(change.reason)}` : "";
  return `csr symbol update ${sheet.customer} ${shellArgument(sheet.customer_symbol)} ${values.join(" ")} --by ${shellArgument(change.by)} --date ${change.date}${reason}`;
}

/** One row of a symbol conversion table (特殊特性符号对照表): the customer's symbol and class, and ours. */
function symbolFromRow(row: RowReader, repo: Repository, issue: Issue): SymbolConversion | undefined {
  // A row of our own marks (本单位, as csr list symbols prints symbols.yaml `own`) has no customer to convert for: named, not guessed.
  const customerCell = row.text("customer") || row.text("customerName");
  if (LANGS.some((lang) => customerCell === translate(lang, "register.symbols.own"))) {
    const symbol = row.text("symbol");
    const known = repo.ownSymbols.some((o) => o.value.symbol === symbol);
    return void issue(t(known ? "import.symbol.own-known" : "import.symbol.own", { symbol, command: `csr symbol add --symbol ${shellArgument(symbol)} --class ${shellArgument(row.text("class"))}` }), true);
  }
  const customer = customerOfRow(row, repo, () => void issue(t("import.symbol.no-customer"), true), issue);
  if (!customer) return;
  const missing = (["customerSymbol", "customerClass", "symbol", "class"] as const).filter((f) => !row.text(f));
  if (missing.length) return void issue(t("import.symbol.empty", { count: missing.length, columns: list(missing.map((f) => row.label(f, SYMBOL_LABELS[f]))) }), true);
  const meaning = row.text("meaning");
  // The customer's approval as the table prints it (approvalText): a cell that does not read so is not guessed at.
  const approvalCell = row.text("customerApproval");
  // 未认可: the row changed after its approval, which 备注 prints last among the earlier approvals.
  const stale = approvalCell !== "" && staleApprovalCell(approvalCell);
  const given = approvalCell && !stale ? approvalOf(approvalCell) : undefined;
  if (approvalCell && !stale && !given) return void issue(t("import.symbol.bad-approval", { text: approvalCell, column: row.label("customerApproval", "顾客认可") }), true);
  const remarksColumn = row.label("remarks", headerExample("remarks"));
  const remarks = symbolRemarks(row.text("remarks"), row.text("customerSymbol"));
  const conversion: SymbolConversion = {
    customer: customer.code,
    customer_symbol: row.text("customerSymbol"),
    customer_class: row.text("customerClass"),
    ...(meaning ? { meaning } : {}),
    symbol: row.text("symbol"),
    class: row.text("class"),
  };
  // Who retired or changed the row, printed by name (report/registers/symbols.ts remarks): their people.yaml id.
  const people = repo.people.map((p) => p.value);
  let refused = false;
  let retired: SymbolConversion["retired"];
  const changes: NonNullable<SymbolConversion["changes"]> = [];
  for (const note of remarks.notes) {
    const person = note.kind !== "unread" && note.by !== undefined ? lookupPerson(note.by, people) : undefined;
    if (note.kind !== "unread" && note.by !== undefined && !person) {
      issue(t("import.symbol.unknown-person", { column: remarksColumn, part: note.part, name: note.by }), true);
      refused = true;
    } else if (note.kind === "retired" && person) retired = { date: note.date, by: person.id, reason: note.reason };
    else if (note.kind === "retired") {
      issue(t("import.symbol.retired", { column: remarksColumn, part: note.part, customer: customer.code, symbol: shellArgument(row.text("customerSymbol")), date: note.date, reason: shellArgument(note.reason) }), true);
      refused = true;
    } else if (note.kind === "changed" && person) {
      // The table prints the conversion before the change whole: what differs from the row now is what the change replaced.
      const before = conversionOf(note.was!, conversion.customer_symbol);
      const was = Object.fromEntries((["customer_class", "symbol", "class"] as const).filter((f) => before && before[f] !== conversion[f]).map((f) => [f, before![f]]));
      if (!before) issue(t("import.symbol.remark-unread", { column: remarksColumn, part: note.part }));
      else if (Object.keys(was).length === 0) issue(t("import.symbol.remark-changed-same", { column: remarksColumn, part: note.part }));
      else changes.push({ date: note.date!, by: person.id, ...(note.reason ? { reason: note.reason } : {}), was });
    } else issue(t(`import.symbol.remark-${note.kind}`, { column: remarksColumn, part: note.part }));
  }
  if (refused) return undefined;
  // An approval the table prints holds: it was given for the row as it is (model/symbols.ts approvalState).
  const earlier = [...remarks.earlier];
  const approved = given ? { ...given, ...(remarks.source ? { source: remarks.source } : {}), conversion: conversionValues(conversion) } : stale ? earlier.pop() : undefined;
  if (stale && !approved) issue(t("import.symbol.stale-without-approval", { column: row.label("customerApproval", "顾客认可"), text: approvalCell, remarks: remarksColumn }));
  if (remarks.source && !given) issue(t("import.symbol.source-without-approval", { column: remarksColumn, source: remarks.source }));
  return { ...conversion, ...(approved ? { approved } : {}), ...(earlier.length ? { earlier_approvals: earlier } : {}), ...(changes.length ? { changes } : {}), ...(retired ? { retired } : {}) };
}

const SYMBOL_LABELS = { customerSymbol: "顾客符号", customerClass: "顾客分类", symbol: "本公司符号", class: "本公司分类" } as const;

function numberingFamilies(files: PlannedFile[], repo: Repository): ImportPlan["families"] {
  const configured = (repo.config?.value.numbering ?? []).map((n) => ({ kind: n.kind, re: numberPatternToRegExp(n.pattern) }));
  const families = new Map<string, ImportPlan["families"][number]>();
  for (const f of files) {
    if (f.kind === "csr" || f.kind === "symbols") continue;
    if (configured.some((n) => n.kind === f.kind && n.re.test(f.id))) continue;
    // External documents keep their publisher's numbers, which no pattern of digits describes (csr init's `*`).
    const pattern = f.kind === "external" ? ANY_NUMBER : patternOf(f.id);
    const key = `${f.kind} ${pattern}`;
    if (!families.has(key)) families.set(key, { kind: f.kind, pattern, example: f.id });
  }
  return [...families.values()];
}

/**
 * A form register names each form's procedure; the link lives in the procedure's `forms`. A procedure
 * imported with the same register gets it in its new file; one in the repository is a link for the
 * import command to add (--link-forms) or to name.
 */
function formLinks(sheet: RawSheet, header: HeaderRow, plan: ImportPlan, repo: Repository): ImportPlan["links"] {
  if (!header.columns.has("procedure")) return [];
  const links: ImportPlan["links"] = [];
  const byRow = new Map(sheet.rows.map((r) => [r.row, r]));
  // The forms written, and those already in the repository that this row completes (tester54b B6).
  const forms = [
    ...plan.files.filter((f) => f.kind === "form"),
    ...plan.completions.filter((c) => c.completion.data.kind === "form").map((c) => ({ row: c.row, id: c.id })),
  ];
  for (const file of forms) {
    const cell = cellText(byRow.get(file.row)?.cells[header.columns.get("procedure")!]);
    const text = cell.normalize("NFKC");
    const column = header.labels.get("procedure")!;
    const read = (title: string, id: string) => plan.readings.push({ row: file.row, column, from: asWritten(cell, title), to: id });
    const differs = (line: string, title: string, document: string, actual: string) =>
      plan.issues.push({ row: file.row, skipped: false, message: t("import.csr.addressed-title-differs", { column, line: asWritten(cell, line), title: asWritten(cell, title), document, actual }) });
    // A withdrawn form's row names the documents that used it last with their versions (QP-007 A/0), as csr's record list
    // prints them: that is its obsolete.used_by, not a procedure to add it to.
    const withdrawnForm = "data" in file ? (file.data as ControlledDocument) : undefined;
    const parts = text.split(/[、,，;；\r\n]+/).map((p) => p.trim()).filter(Boolean);
    const lastUsers = withdrawnForm?.obsolete ? parts.map((part) => /^(\S+)\s+([A-Z]\/\d+)$/.exec(part)).filter((m): m is RegExpExecArray => m !== null && DOCUMENT_ID.test(m[1]!)) : [];
    if (withdrawnForm?.obsolete && lastUsers.length > 0) withdrawnForm.obsolete.used_by = lastUsers.map((m) => ({ document: m[1]!, version: m[2]! }));
    const owning = lastUsers.length > 0 ? parts.filter((part) => !lastUsers.some((m) => m.input === part)).join("、") : text;
    for (const procedure of procedureNumbers(owning, plan, repo, read, differs)) {
      const planned = plan.files.find((f) => f.id === procedure && f.kind !== "csr")?.data as ControlledDocument | undefined;
      // A withdrawn procedure's content is not changed any more: the form is not added to it, and the row says so.
      const withdrawn = planned?.status === "obsolete" ? planned : repo.documents.find((d) => d.value.id === procedure && d.value.status === "obsolete")?.value;
      if (withdrawn) {
        const successor = withdrawn.obsolete?.superseded_by;
        plan.issues.push({ row: file.row, skipped: false, message: t("import.form.obsolete-procedure", { form: file.id, procedure, successor: successor ? t("import.form.obsolete-successor", { successor }) : "" }) });
        continue;
      }
      if (planned) {
        if (!planned.forms?.includes(file.id)) planned.forms = [...(planned.forms ?? []), file.id];
        continue;
      }
      const owner = repo.documents.find((d) => d.value.id === procedure);
      // A procedure nowhere is one to import first (QP-013), or no document at all (通用: a form every department uses), or a file csr check cannot read (tester54b B22).
      const missing = owner ? undefined : repo.unvalidated.documents.has(procedure) ? "unreadable" : /\d/.test(procedure) && DOCUMENT_ID.test(procedure) ? "absent" : "not-a-number";
      if (!owner?.value.forms?.includes(file.id) && !links.some((l) => l.form === file.id && l.procedure === procedure)) links.push({ row: file.row, form: file.id, procedure: missing === "not-a-number" ? asWritten(cell, procedure) : procedure, ...(owner ? { path: owner.file.path } : { missing }) });
    }
  }
  return links;
}

/**
 * The procedure numbers in a 所属程序 cell: separated by 、 , ; or spaces, or by '/' ("QP-005/QP-007")
 * where the parts are numbers the repository or the register knows and the whole is not (CS/QP-001
 * is one number). A number followed by a title ("QP-001 文件控制程序", "QP-006《不合格品控制程序》", with
 * or without a space) is that one procedure, its title checked against it (tester54b B4); each
 * procedure is named once however often the cell names it.
 */
function procedureNumbers(text: string, plan: ImportPlan, repo: Repository, read: (title: string, id: string) => void, differs: (written: string, title: string, id: string, actual: string) => void): string[] {
  const known = (id: string) => plan.files.some((f) => f.id === id) || repo.documents.some((d) => d.value.id === id);
  const titleOf = (id: string): string | undefined => {
    const planned = plan.files.find((f) => f.id === id && f.kind !== "csr" && f.kind !== "symbols");
    return planned ? (planned.data as ControlledDocument).title : repo.documents.find((d) => d.value.id === id)?.value.title;
  };
  // A procedure named by its title (生产过程控制程序, 《不合格品控制程序》): the one document of the register or the repository with that title.
  const byTitle = (part: string): string | undefined => {
    const title = part.replace(/^《|》$/g, "");
    const ids = new Set([
      ...plan.files.flatMap((f) => (f.kind !== "csr" && f.kind !== "symbols" && sameTitle((f.data as ControlledDocument).title, title) ? [f.id] : [])),
      ...repo.documents.flatMap((d) => (sameTitle(d.value.title, title) ? [d.value.id] : [])),
    ]);
    return ids.size === 1 ? [...ids][0] : undefined;
  };
  const result: string[] = [];
  const add = (id: string) => {
    if (!result.includes(id)) result.push(id);
  };
  const titles = (part: string) => {
    for (const piece of byTitle(part) ? [part] : part.split(/\s+/).filter(Boolean)) {
      const titled = known(piece) ? undefined : byTitle(piece);
      if (titled) read(piece, titled);
      add(titled ?? piece);
    }
  };
  for (const part of text.split(/[、,，;；\r\n]+/).map((p) => p.trim()).filter(Boolean)) {
    const numbers = [...part.matchAll(DOCUMENT_NUMBER_IN_TEXT)].filter((m) => /\d/.test(m[0]) && DOCUMENT_ID.test(m[0]));
    const before = part.slice(0, numbers[0]?.index ?? part.length).trim();
    if (before) titles(before);
    numbers.forEach((m, i) => {
      const ids = known(m[0]) || !m[0].includes("/") ? [m[0]] : m[0].split("/").every(known) ? m[0].split("/") : [m[0]];
      ids.forEach(add);
      const after = part.slice(m.index + m[0].length, numbers[i + 1]?.index ?? part.length).trim();
      const title = after.replace(/^《([^》]*)》$/, "$1").trim();
      if (!title || ids.length !== 1) return;
      const actual = titleOf(ids[0]!);
      // A number whose document cannot be read is reported as such; its title is not checked.
      if (actual === undefined) return;
      if (sameTitle(actual, title)) read(part, ids[0]!);
      else differs(part, title, ids[0]!, actual);
    });
  }
  return result;
}

/**
 * What a register row adds to the document of its number already in the repository (imported from
 * its Word original before, say): undefined when the row is of another version, or adds nothing, and
 * is then a conflict as before ("exists already").
 */
/**
 * How a register row differs from the document of its number in the repository, as one message part each (清单为 A/2（2026-11-20），
 * 仓库为 A/1（2023-06-15）; 名称, 部门, 条款), with what records the change (a newer version on paper: `csr release`); "same" when
 * the row writes what the document records; undefined when the document is not one csr loaded. The file is never overwritten (tester76 M5).
 */
function differsFromRepository(repo: Repository, row: ControlledDocument): string | "same" | undefined {
  const existing = repo.documents.find((d) => d.value.id === row.id)?.value;
  if (!existing) return undefined;
  const mine = currentRevision(existing);
  const theirs = row.revisions?.at(-1);
  const parts: string[] = [];
  const dated = (r: { version: string; date?: string } | undefined) => (r ? (r.date ? t("import.exists.version-dated", { version: r.version, date: r.date }) : r.version) : t("import.complete.no-version"));
  if (theirs && (theirs.version !== mine?.version || (theirs.date !== undefined && mine?.date !== undefined && theirs.date !== mine.date))) {
    parts.push(t(!mine ? "import.exists.version-none" : theirs.version !== mine.version ? "import.exists.version" : "import.exists.date", { register: dated(theirs), repository: dated(mine), version: theirs.version }));
  }
  if (row.title !== existing.title) parts.push(t("import.exists.field", { field: t("import.exists.field.title"), register: row.title, repository: existing.title }));
  if (row.department !== undefined && row.department !== existing.department) parts.push(t("import.exists.field", { field: t("import.exists.field.department"), register: row.department, repository: existing.department ?? "—" }));
  const clauses = (d: ControlledDocument) => [...(d.clauses ?? [])].sort().join("、");
  if ((row.clauses?.length ?? 0) > 0 && clauses(row) !== clauses(existing)) parts.push(t("import.exists.field", { field: t("import.exists.field.clauses"), register: clauses(row), repository: clauses(existing) || "—" }));
  if (parts.length === 0) return "same";
  // A newer version on paper (A/1 → A/2, A/2 → B/0) is recorded by csr release, dated as the register dates it.
  const newer = theirs && mine && isSuccessor(mine.version, theirs.version);
  const major = newer && theirs.version.split("/")[0] !== mine.version.split("/")[0];
  const hint = newer
    ? t("import.exists.release", { command: `csr release ${shellArgument(row.id)}${major ? " --major" : ""} --summary <${t("import.exists.summary")}>${theirs.date ? ` --date ${theirs.date}` : ""}` })
    : t("import.exists.kept", { path: documentPath(row.id) });
  return t("import.exists.differs", { id: row.id, parts: parts.join(t("import.exists.separator")), hint });
}

function registerCompletion(repo: Repository, row: ControlledDocument): { path: string; version: string; completion: Completion } | undefined {
  const existing = repo.documents.find((d) => d.value.id === row.id);
  if (!existing || registerCompletionRefusal(existing.value, row)) return undefined;
  const completion = completeFromRegister(existing.value, row);
  return completion.added.length > 0 ? { path: existing.file.path, version: row.revisions!.at(-1)!.version, completion } : undefined;
}
