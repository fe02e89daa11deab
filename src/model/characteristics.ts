/**
 * The characteristic rows of a PFMEA or a control plan (a document's `role`), read from the Markdown
 * tables its sections already hold: no body format of csr's own, the tables the process engineer
 * writes (IATF 16949 8.3.3.3 special characteristics in FMEAs, control plans and operator
 * instructions; 8.5.1.1 and Annex A the control plan; AIAG-VDA FMEA Handbook 2019, the PFMEA form).
 * A column is known by its header (工序号, 特性, 特殊特性, S/O/D, AP …, or their English names); a
 * table is read when its header has an operation column and a characteristic or classification
 * column, and left alone otherwise.
 */
import { escapeRegExp } from "../core/text.js";
import { markdownTables, placedTableCells, tableCells } from "./markdown-tables.js";
import { documentSections } from "./sections.js";
import type { ControlledDocument, DocumentRole, OwnSymbol, Path, SymbolConversion } from "./types.js";

/** The roles a document may have (document.schema.json `role`): csr set --role offers these. */
export const DOCUMENT_ROLES = ["pfmea", "control-plan", "process-flow", "characteristic-classification"] as const satisfies readonly DocumentRole[];

/** One row of a characteristic table, where it is written and what it says. */
export interface CharacteristicRow {
  /** The section's number and title (model/sections.ts) and its path in the YAML; the text is at `[...path, "text"]`. */
  section: string;
  title: string;
  path: Path;
  /** The row's line within the section's text, 1-based, and the row as written (trimmed): a finding quotes it. */
  line: number;
  text: string;
  /**
   * The operation (工序): `OP30` for a cell written OP30, OP 30, OP030 or 30 (opKey), else the cell as written.
   * An empty cell continues the operation of the row above (a merged cell in the spreadsheet it came from).
   */
  op: string;
  /** The operation's name (工序名称), when the table has the column; continued like `op`. */
  opName?: string;
  /**
   * The part (零件名称) and its drawing number (图号), when the table has the columns (a 特性分类表, GJB 190: what csr list
   * key-parts groups by); an empty cell continues the row above, like `op`.
   */
  part?: string;
  drawing?: string;
  /**
   * What is controlled: the product and process characteristic cells (特性, 产品特性, 过程特性), joined by " / ";
   * in a PFMEA without them, the failure mode (失效模式). Empty when the row has none.
   */
  characteristic: string;
  /** Our symbols (symbols.yaml `symbol`) written in the classification cell (特殊特性) or the characteristic cells, in the order written. */
  marks: string[];
  /** Severity, occurrence and detection ratings (1–10) and the action priority (H, M, L; 高/中/低 read as such), where written. */
  s?: number;
  o?: number;
  d?: number;
  ap?: "H" | "M" | "L";
  /** The reaction plan (反应计划), where the table has one. */
  reaction?: string;
}

type Column = "op" | "opName" | "part" | "drawing" | "characteristic" | "failureMode" | "class" | "s" | "o" | "d" | "ap" | "reaction";

/** Headers by column, normalised (header()): Chinese as the forms write them, English as the AIAG manuals. */
const HEADERS: Record<Column, readonly string[]> = {
  op: ["工序号", "工序", "工序编号", "工位", "工位号", "过程编号", "过程步骤", "零件/过程编号", "op", "opno", "opno.", "op.no.", "operation", "operationno.", "processstep", "processno.", "processnumber", "part/processnumber", "station"],
  opName: ["工序名称", "过程名称", "过程名称/操作描述", "操作描述", "processname", "operationdescription", "processname/operationdescription"],
  part: ["零件名称", "零部件名称", "部件名称", "产品名称", "partname", "componentname"],
  drawing: ["图号", "零件图号", "图样代号", "图样编号", "drawingno.", "drawingnumber", "drawing"],
  characteristic: ["特性", "产品特性", "过程特性", "特性名称", "characteristic", "characteristics", "productcharacteristic", "processcharacteristic"],
  failureMode: ["失效模式", "潜在失效模式", "failuremode", "potentialfailuremode"],
  class: ["特殊特性", "特殊特性分类", "特殊特性符号", "特性分类", "分类", "specialcharacteristic", "specialcharacteristics", "specialchar.", "class", "classification"],
  s: ["s", "严重度", "sev", "severity"],
  o: ["o", "频度", "发生度", "occ", "occurrence"],
  d: ["d", "探测度", "可探测度", "det", "detection"],
  ap: ["ap", "措施优先级", "行动优先级", "actionpriority"],
  reaction: ["反应计划", "reactionplan"],
};

/** A header cell as compared: NFKC, no emphasis, no spaces, lower case. */
function header(cell: string): string {
  return cell.normalize("NFKC").replace(/[*_`]/g, "").replace(/\s+/g, "").toLowerCase();
}

/** The column a header names: the header as written, or without its bracketed part (严重度(S)), or that part alone. */
function columnOf(cell: string): Column | undefined {
  const whole = header(cell);
  const bracket = /^(.*?)\((.*)\)$/.exec(whole);
  for (const candidate of bracket ? [whole, bracket[1]!, bracket[2]!] : [whole]) {
    for (const [column, names] of Object.entries(HEADERS) as [Column, readonly string[]][]) if (names.includes(candidate)) return column;
  }
  return undefined;
}

/**
 * An operation as compared: `OP30` for OP30, OP 30, OP-030, op30, 30 and ３０ (leading zeros dropped), else the
 * text as written, trimmed. Stations (`stations: [OP30]`) and op numbers in a work instruction's text are compared so.
 */
export function opKey(text: string): string {
  const written = text.normalize("NFKC").trim();
  const match = /^(?:OP)?\s*[-_.]?\s*(\d+)(?!\d)/i.exec(written);
  return match ? `OP${Number(match[1])}` : written;
}

/** The operations a text names by number (OP30, OP 30, OP-030), as opKey gives them, each once in the order written. */
export function opsNamed(text: string): string[] {
  const ops = new Set<string>();
  for (const match of text.normalize("NFKC").matchAll(/(?<![A-Za-z0-9])OP\s*[-_]?\s*(\d+)(?!\d)/gi)) ops.add(`OP${Number(match[1])}`);
  return [...ops];
}

/** The table's symbols of ours (symbols.yaml rows in use, `symbol`, and the organisation's own marks, `own`), each once. */
export function ourSymbols(rows: readonly SymbolConversion[], own: readonly OwnSymbol[] = []): string[] {
  return [...new Set([...rows.filter((r) => !r.retired).map((r) => r.symbol), ...own.map((r) => r.symbol)])];
}

/** One RegExp per set of our symbols (marksIn): a check reads every line of every document with the same few. */
const markPatterns = new Map<string, RegExp>();

/** The pattern of marksIn for `ours`: each symbol, the longest first, not inside a word of letters or digits. */
function markPattern(ours: readonly string[]): RegExp {
  const key = ours.join("\u0000");
  let pattern = markPatterns.get(key);
  if (pattern === undefined) {
    const alternatives = [...ours].sort((a, b) => b.length - a.length).map(escapeRegExp);
    pattern = new RegExp(`(?<![A-Za-z0-9])(?:${alternatives.join("|")})(?![A-Za-z0-9])`, "gu");
    markPatterns.set(key, pattern);
  }
  return pattern;
}

/**
 * The symbols of `ours` that `text` writes, each once, in the order first written; a letter symbol (SC) only as a word
 * of its own, and a mark starting the line counts (a ★ before the characteristic is its mark, not a bullet). The one
 * reading of whether a line marks a special characteristic (specialLines; review78 #2).
 */
export function marksIn(text: string, ours: readonly string[]): string[] {
  if (ours.length === 0) return [];
  const found = new Set<string>();
  for (const match of text.matchAll(markPattern(ours))) found.add(match[0]);
  return [...found];
}

/** A line of a document's sections that writes a symbol of ours (specialLines). */
export interface MarkedLine {
  /** The section's number and titles (model/sections.ts) and its path in the YAML; the text is at `[...path, "text"]`. */
  section: string;
  title: string;
  title_en?: string;
  path: Path;
  /** The line within the section's text (1-based) and the line as written, trimmed. */
  line: number;
  text: string;
  /** The symbols of ours it writes (marksIn), in the order written. */
  marks: string[];
}

/** specialLines per sections list and set of our symbols: the trace, training, recall and station rules read the same documents. */
const specialLinesRead = new WeakMap<object, Map<string, MarkedLine[]>>();

/**
 * The lines of a document's sections that mark a special characteristic with a symbol of `ours` (ourSymbols: ★ ☆ ◆),
 * in reading order: what the characteristic trace (an instruction's marks) and specialCharacteristics (training,
 * recall, stations) both read (IATF 16949 8.3.3.3). Computed once per sections list (the same list for a document and
 * its content in force made from it), so a list is not to be changed once read. Pure; never throws.
 */
export function specialLines(doc: Pick<ControlledDocument, "sections">, ours: readonly string[]): MarkedLine[] {
  const sections = doc.sections;
  if (sections === undefined || ours.length === 0) return [];
  const key = ours.join("\u0000");
  let bySymbols = specialLinesRead.get(sections);
  const known = bySymbols?.get(key);
  if (known !== undefined) return known;
  const lines: MarkedLine[] = [];
  for (const s of documentSections(doc)) {
    (s.section.text ?? "").split("\n").forEach((raw, i) => {
      const marks = marksIn(raw, ours);
      if (marks.length === 0) return;
      lines.push({ section: s.number, title: s.title, ...(s.title_en ? { title_en: s.title_en } : {}), path: s.path, line: i + 1, text: raw.trim(), marks });
    });
  }
  if (bySymbols === undefined) specialLinesRead.set(sections, (bySymbols = new Map()));
  bySymbols.set(key, lines);
  return lines;
}

/** A cell written as "nothing here" (blank, -, —, /): not a rating, and not a wrong one. */
function blank(cell: string | undefined): boolean {
  return /^[-—–/／\s]*$/.test((cell ?? "").normalize("NFKC"));
}

/** A rating 1–10 written in a cell, else undefined. */
function rating(cell: string | undefined): number | undefined {
  const value = /^\d{1,2}$/.exec((cell ?? "").normalize("NFKC").trim())?.[0];
  return value !== undefined && Number(value) >= 1 && Number(value) <= 10 ? Number(value) : undefined;
}

/** An action priority written in a cell (H/M/L, High/Medium/Low, 高/中/低), else undefined. */
function priority(cell: string | undefined): "H" | "M" | "L" | undefined {
  const value = (cell ?? "").normalize("NFKC").trim().toUpperCase();
  if (/^(H|HIGH|高)$/.test(value)) return "H";
  if (/^(M|MEDIUM|中)$/.test(value)) return "M";
  if (/^(L|LOW|低)$/.test(value)) return "L";
  return undefined;
}

/** A characteristic table of a text (characteristicTables): its columns by kind and its body rows' 0-based lines. */
interface CharacteristicTable {
  /** The first column of each kind but the characteristic, by its 0-based index. */
  at: Map<Column, number>;
  /** Every characteristic column (产品特性 and 过程特性). */
  characteristicColumns: number[];
  /** The 0-based lines of its delimiter row and its last body row. */
  delimiter: number;
  last: number;
}

/**
 * The tables of `lines` read as characteristic tables: with an operation column and a characteristic, failure
 * mode or classification column (the first column of each other kind counts: a PFMEA's S/O/D/AP after its
 * actions are its second ones). Tables in a ``` or ~~~ fence are code and are skipped.
 */
function characteristicTables(lines: readonly string[]): CharacteristicTable[] {
  const tables: CharacteristicTable[] = [];
  for (const { header, delimiter, last } of markdownTables(lines)) {
    const at = new Map<Column, number>();
    const characteristicColumns: number[] = [];
    tableCells(lines[header]!).forEach((cell, index) => {
      const column = columnOf(cell);
      if (column === "characteristic") characteristicColumns.push(index);
      else if (column !== undefined && !at.has(column)) at.set(column, index);
    });
    if (!at.has("op") || (characteristicColumns.length === 0 && !at.has("failureMode") && !at.has("class"))) continue;
    tables.push({ at, characteristicColumns, delimiter, last });
  }
  return tables;
}

/**
 * The characteristic rows of `text` (a section's text), each with its 1-based line; the table's first column of
 * each kind counts (a PFMEA's S/O/D/AP after its actions are its second ones). Tables in a ``` or ~~~ fence are
 * code and are skipped, as are tables without an operation column or without a characteristic or classification
 * column. `ours`: the symbols of ours (ourSymbols). A rating or action priority that is not one is left out of the
 * row (ratingProblems says so: doc/fmea-rating-invalid).
 */
export function tableCharacteristics(text: string, ours: readonly string[]): Omit<CharacteristicRow, "section" | "title" | "path">[] {
  const lines = text.split(/\r?\n/);
  const rows: Omit<CharacteristicRow, "section" | "title" | "path">[] = [];
  for (const { at, characteristicColumns, delimiter: i, last } of characteristicTables(lines)) {
    let op = "";
    let opName: string | undefined;
    let part: string | undefined;
    let drawing: string | undefined;
    for (let j = i + 1; j <= last; j++) {
      const row = tableCells(lines[j]!);
      const cell = (column: Column) => (at.has(column) ? row[at.get(column)!] : undefined);
      if (row.every((c) => c === "")) continue;
      const opCell = cell("op") ?? "";
      if (opCell !== "") {
        op = opKey(opCell);
        opName = undefined;
      }
      if (cell("opName")) opName = cell("opName");
      if (cell("part")) part = cell("part");
      if (cell("drawing")) drawing = cell("drawing");
      const characteristic = characteristicColumns.length > 0 ? characteristicColumns.map((c) => row[c] ?? "").filter((c) => c !== "").join(" / ") : (cell("failureMode") ?? "");
      const marks = marksIn([cell("class") ?? "", ...characteristicColumns.map((c) => row[c] ?? "")].join(" "), ours);
      const found: Omit<CharacteristicRow, "section" | "title" | "path"> = { line: j + 1, text: lines[j]!.trim(), op, characteristic, marks };
      if (opName !== undefined) found.opName = opName;
      if (part !== undefined) found.part = part;
      if (drawing !== undefined) found.drawing = drawing;
      const s = rating(cell("s"));
      const o = rating(cell("o"));
      const d = rating(cell("d"));
      const ap = priority(cell("ap"));
      if (s !== undefined) found.s = s;
      if (o !== undefined) found.o = o;
      if (d !== undefined) found.d = d;
      if (ap !== undefined) found.ap = ap;
      if (cell("reaction")) found.reaction = cell("reaction")!;
      rows.push(found);
    }
  }
  return rows;
}

/** A rating or action priority cell of a characteristic table that is not one (ratingProblems). */
export interface RatingProblem {
  /** The row's line within the text, 1-based, and the row as written (trimmed); `at`: where the cell starts in that trimmed row, 0-based. */
  line: number;
  text: string;
  at: number;
  /** The column: severity, occurrence, detection or action priority. */
  column: "s" | "o" | "d" | "ap";
  /** The cell as written (trimmed); empty for an AP missing. */
  cell: string;
  /** `invalid`: written, and not a rating 1–10 (S/O/D) or H/M/L (高/中/低) (AP); `missing`: no AP where S, O and D are all rated. */
  kind: "invalid" | "missing";
  /** The row's operation (opKey of its cell, continued from the row above) and what it controls (its characteristic or failure mode), as tableCharacteristics reads them. */
  op: string;
  characteristic: string;
}

/**
 * The S, O, D and AP cells of the characteristic tables of `text` (a section's text) that are written and are not a
 * rating 1–10 (S = 11, O = 高, 7.5) or an action priority H/M/L (高/中/低), and, in a table with an AP column, the rows
 * whose S, O and D are all rated and whose AP is blank: what tableCharacteristics leaves out of a row without a word
 * (AIAG-VDA FMEA Handbook 2019: S, O and D rated 1–10, AP High/Medium/Low; IATF 16949 8.3.3.3). A cell of only -, —
 * or / is blank. In reading order, a row's cells left to right. Pure; never throws.
 */
export function ratingProblems(text: string): RatingProblem[] {
  const lines = text.split(/\r?\n/);
  const problems: RatingProblem[] = [];
  const rated = ["s", "o", "d"] as const;
  for (const { at, characteristicColumns, delimiter, last } of characteristicTables(lines)) {
    let op = "";
    for (let j = delimiter + 1; j <= last; j++) {
      const trimmed = lines[j]!.trim();
      const cells = placedTableCells(trimmed);
      if (cells.every((c) => c.text === "")) continue;
      const cell = (column: Column) => (at.has(column) ? cells[at.get(column)!] : undefined);
      if (cell("op")?.text) op = opKey(cell("op")!.text);
      const characteristic =
        characteristicColumns.length > 0
          ? characteristicColumns.map((c) => cells[c]?.text ?? "").filter((c) => c !== "").join(" / ")
          : (cell("failureMode")?.text ?? "");
      const row = { line: j + 1, text: trimmed, op, characteristic };
      for (const column of [...rated, "ap"] as const) {
        const written = cell(column);
        if (written === undefined || blank(written.text)) continue;
        if (column === "ap" ? priority(written.text) === undefined : rating(written.text) === undefined)
          problems.push({ ...row, at: written.at, column, cell: written.text, kind: "invalid" });
      }
      const ap = cell("ap");
      if (ap !== undefined && blank(ap.text) && rated.every((c) => rating(cell(c)?.text) !== undefined))
        problems.push({ ...row, at: ap.at, column: "ap", cell: "", kind: "missing" });
    }
  }
  return problems;
}

/**
 * The characteristic rows of a document's sections (tableCharacteristics of each, in reading order), with the
 * section they are in. Read for any document; the rules read those of a `pfmea` or `control-plan` document.
 * `ours`: ourSymbols(symbols.yaml's rows). Pure; never throws.
 */
export function characteristicRows(doc: Pick<ControlledDocument, "sections">, ours: readonly string[]): CharacteristicRow[] {
  return documentSections(doc).flatMap((s) =>
    s.section.text?.includes("|") ? tableCharacteristics(s.section.text, ours).map((row) => ({ section: s.number, title: s.title, path: s.path, ...row })) : [],
  );
}

/** The rows of `rows` that mark a special characteristic (a symbol of ours). */
export function specialRows(rows: readonly CharacteristicRow[]): CharacteristicRow[] {
  return rows.filter((r) => r.marks.length > 0);
}
