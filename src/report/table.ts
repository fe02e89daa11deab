/**
 * A register or matrix as plain data, and its renderings. Every list and matrix of csr builds a
 * Table; the output format is chosen at the end.
 */
import { once } from "node:events";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Writable } from "node:stream";
import type { Font, PageSetup, PaperSize, Style, Worksheet } from "exceljs";
import { displayWidth, escapeHtml, groupedNumber, isolateBidi, isWide, padEnd, visible, widestLine } from "../core/text.js";
import { insideRepository } from "../core/write.js";
import { TEMPLATES_DIR } from "../load/package.js";
import { isLang, translate, type Lang } from "../i18n/index.js";
import type { RegisterPart } from "./registers/index.js";

export type Cell = string | number | null;

/**
 * Words a cell marks as removed or inserted (a 修订前后对照表's changed words, csr diff --format pdf|xlsx), between
 * characters of Unicode's private use area that no record holds: HTML prints them as <del> and <ins> (struck through
 * and underlined, so that a black-and-white print keeps them, and red and green), a workbook as rich text in the same
 * styles, Markdown and CSV as [-…-] and {+…+}.
 */
export const CELL_MARKS = { removed: ["\uE000", "\uE001"], inserted: ["\uE002", "\uE003"] } as const;
const ANY_MARK = /[\uE000-\uE003]/;

/**
 * What a column holds, which decides how it is laid out on paper (table.html.hbs's CSS, one rule per
 * kind, and the workbook's widths): an identifier, a short code or status, a date, a person's or
 * department's name, a number or a check mark never breaks inside its value, so that an auditor
 * reads "QP-006" and "必须满足" whole; a list of such values (clauses "8.5.2.1/7.5.3.2.1", document
 * numbers) breaks only between its items; free text (titles, evidence; the default) takes the
 * width that remains and wraps. Prose is the free text a row is about (a requirement's summary or
 * text), which an auditor reads line by line: it is given a wide column of its own, where as plain
 * text it got the same narrow share as a customer's name and came out a few characters a line.
 */
export type ColumnKind = "id" | "code" | "name" | "number" | "mark" | "list" | "text" | "prose";

export interface Column {
  key: string;
  header: string;
  /** Values are dates (YYYY-MM-DD): spreadsheets get real dates, and a printed date never breaks. */
  date?: boolean;
  /** How the column is laid out; "text" when absent (a date column is laid out as a date). */
  kind?: ColumnKind;
  /** The header a terminal shows when `header` is too long for a screen, e.g. "C1" for "C1 市场开发与顾客要求评审". */
  short?: string;
  /** The register's remarks (备注): printed at least REMARKS_EM wide, empty or not, as a reader also writes in it on paper. */
  remarks?: boolean;
  /**
   * Computed, never written in by hand on paper, and left out of a print when empty in every row (said in the note, as a
   * crowded table's empty columns are): the process list's audit interval, next due day and standing, which no process has
   * without an interval, took a fifth of the English A4 landscape page while its names wrapped a word a line (tester67a A11).
   */
  printedIfAny?: boolean;
  /**
   * A note on the row's figures that few rows have (the CSR list's 期限说明 beside 剩余工作日): a workbook makes it at most
   * NOTE_COLUMN_WIDTH wide and wraps a longer one, as it does any text wider than MAX_COLUMN_WIDTH. Sized by its one long
   * note, the column took a third of the A3 page in 12 rows of which 11 were empty, and pushed itself onto page 2 (fmt70).
   */
  note?: boolean;
  /**
   * Its cells name who signed, each followed by the day signed ("何军 2018-02-27、唐磊 2018-02-27", signatureCells in
   * registers/documents.ts): a print (HTML, PDF) gives the names, a list that breaks between them and is as narrow as
   * one, the row's 发布日期 and 生效日期 beside them; CSV, the workbook, JSON and a terminal keep the dates. Six such
   * columns dated pushed the 受控文件清单 of a GJB layout off its A4 landscape page (tester79 G10).
   */
  signers?: boolean;
  /**
   * Its numbers are sums of money (元) or counts, read with their thousands grouped: a print, a terminal, Markdown and a Word
   * file show 35,500 (3,500.50 with fen, groupedNumber), a CSV writes 35500, which a spreadsheet sums, and a workbook a
   * number formatted #,##0 (#,##0.00 with fen). A text in it (the management review's "—", a rate "85.7%") is written as it
   * is. The cost of poor quality was written as the text "35,500", which a spreadsheet does not add up (rec82).
   */
  grouped?: boolean;
  /**
   * The header a dense print gives the column (TableView.dense: "Class." for "Classification", "Military rep." for
   * "Military representative"), named in full in the table's note; the header itself elsewhere. A language whose header
   * is short already gives none, or the header itself.
   */
  abbreviated?: string;
  /** A dense print (TableView.dense) breaks its values at their spaces, as free text: a 密级's English name over its Chinese ("Internal" / "(内部)"). */
  breaksWhenDense?: boolean;
}

/** A cell of `column` as a reader sees it (a terminal, Markdown, HTML, PDF, Word): a number of a `grouped` column grouped, "" for none. */
export function displayedCell(column: Pick<Column, "grouped">, cell: Cell | undefined): string {
  return column.grouped && typeof cell === "number" ? groupedNumber(cell) : text(cell);
}

/** A signer's date in a Column.signers cell, which a print leaves out. */
const SIGNED_ON = / \d{4}-\d{2}-\d{2}(?=$|、|, )/g;

/** The class a column's cells get in HTML and PDF: its kind, or "date". */
export function columnClass(column: Column): ColumnKind | "date" {
  return column.date ? "date" : (column.kind ?? "text");
}

export interface Table {
  /** Stable name of the register, e.g. "procedures"; a repository template named after it wins. */
  id?: string;
  /** The register of qms.yaml `registers.forms` whose form it is printed on, when not `id`'s: the annual plan of periodic reviews is printed on the 文件定期评审记录's form, a combined plan and record. */
  form?: string;
  /** The part of an audit file the register belongs to (registers/index.ts REGISTER_PARTS), as eachRegister gives it. */
  part?: RegisterPart;
  /** Title printed above the table, e.g. "程序文件一览表（共 15 份）". */
  title: string;
  /** Name of the sheet in a workbook (short, no special characters). */
  sheet: string;
  columns: Column[];
  rows: Record<string, Cell>[];
  /**
   * Printed as a crowded table (in bands of a page's width when too wide, see printBands) though it has fewer than 20
   * columns: the process list with its manufacturing programme's three columns printed its English A4 landscape page
   * below 8 pt.
   */
  crowded?: boolean;
  /** The register as its files (CSV, workbook) of a site carry it, when not as its page shows it: the skills matrix's levels I–IV for ◔ ◑ ◕ ●, which a spreadsheet sorts and csr reads back. */
  downloadAs?: Table;
  /** Printed on landscape A4 however few its columns: a matrix whose columns grow with the data (the skills matrix's stations), read across as the wall chart it is. */
  landscape?: boolean;
  /** Keys of the columns a terminal shows (`--format table`), for a register too wide for a screen; every column when absent. */
  terminal?: string[];
  /**
   * Keys of the columns shown on a terminal too narrow for the whole table (toTerminal given a width), for a
   * register whose columns no screen holds even wrapped (the CSR matrix's 24: each a column or two wide, ids
   * and dates cut in two), with the line said under them there (which columns are left out, and where they are);
   * piped or written to a file it keeps every column, as `less -S` and scripts read it.
   */
  narrow?: { columns: string[]; note: string };
  /** Lines printed after the table, e.g. a coverage summary: the register's own content. */
  notes?: string[];
  /**
   * Lines of the register's header under its title, repeated with it on every printed page: what a 修订前后对照表
   * compares (修订前 A/0 …, 修订后 A/1 …) and its 更改原因 (csr diff --format pdf). A workbook prints them after the rows.
   */
  lines?: string[];
  /**
   * Lines for the person who runs the command, never printed in the register (a register goes to an
   * auditor: tester23 F12): the commands and settings that add what the register lacks or list what it
   * leaves out (English text, drafts, a customer's approval, a year's holidays...), while the notes say
   * only what the register holds, in its language. Printed on stderr (emitTable, csr export).
   */
  hints?: string[];
  /**
   * The register quotes the organisation's own records as written (a CSR's section, text, evidence), which csr
   * does not translate: in English, how many of the cells it prints hold Chinese is said under it (tester65 N1;
   * emitTable, quotedNote), so that an English reader takes them for the records' words, not csr's.
   */
  quotes?: boolean;
  /**
   * Hints about working through the register's rows (record a review once done: `csr periodic-review …`),
   * printed when the register is listed alone (`csr list`, emitTable) and not by `csr export`, where
   * they would read as an instruction about the workbook (breaker59 H10).
   */
  listHints?: string[];
  /** The register's heading as an auditor expects it on paper; see registerHeading in commands/shared/output.ts. */
  heading?: RegisterHeading;
  /**
   * The 密级 of the most strictly held content the register prints (a CSR list quoting a 秘密 contract's
   * requirements: 秘密), model/classification.ts highestClassification; absent when nothing printed is marked.
   * Its heading marks every printed page and sheet with it (RegisterHeading.classification); a CSV, which has
   * no heading, carries it in each row's 密级 column and stderr says the file is such a carrier (emitTable).
   */
  classification?: string;
  /**
   * For a register that lists part of the records (`csr list distribution --department 生产部`): the
   * filter as its title says it, the whole register's name and the command that lists it, and the
   * name a file of it is given in a folder (`distribution-PRD`), so that no copy of it passes for the
   * whole register. A CSV, which has no title, says it on stderr (emitTable).
   */
  filtered?: { filter: string; register: string; command: string; name: string };
  /**
   * For a register whose title names the day its figures depend on (working days used by open
   * reviews): that day (YYYY-MM-DD) and the title without it. The day is printed once: in the
   * heading where there is one (the title then goes without it), and in a CSV, which has neither
   * title nor heading, as a last column (see withHeading in commands/shared/output.ts).
   */
  asOf?: { date: string; undatedTitle: string };
  /**
   * A signed edition of the register (register-editions.yaml, csr list <register> --edition): its name and each
   * signature by its role of qms.yaml `registers.signatures`, with the signer's name and the day; the heading fills
   * those signature lines (GJB 9001C 7.5.3).
   */
  edition?: { name: string; signatures: { role: string; name: string; date: string }[] };
  /**
   * Signature lines of this register after qms.yaml's `registers.signatures` (those it already has are not repeated): the
   * 军代表's line under the quality supervision report he is given (csr list supervision; GJB 9001C 4.4).
   */
  signatures?: string[];
  /**
   * For a register of what happened over a span rather than as of a day (the change report): what its
   * heading says in place of the as-of date ("期间：2026-01-01 至 2026-06-30"), and the title without
   * it, since the heading says it (see withHeading in commands/shared/output.ts).
   */
  span?: {
    label: string;
    untitledTitle: string;
    /**
     * The span as a CSV carries it, a last column on every row as the as-of day is (withAsOfColumn): its
     * heading (期间) and the span in words (2026-01-01 至 2026-12-05), so that figures of a period pasted
     * into minutes still say which period they count (breaker62 P10).
     */
    column?: { header: string; value: string };
  };
  /**
   * How the register is printed in bands when its columns are too many for one page (printBands):
   * `repeat`, the keys of the columns that identify a row, at the head of every band (else the
   * columns up to the identifier, as the workbook repeats them); `groups`, the columns kept together
   * in a band, in order.
   */
  banding?: { repeat: string[]; groups: ColumnGroup[]; merge?: BandMerge };
}

/**
 * Rows of a table printed in bands that are about one thing (the CSR matrix's rows, one per place a requirement is
 * addressed, are about the requirement `key` 编号): a band whose cells are the same in every row of a run of rows with
 * the same `key` prints the run as one row, and `gather`, in the band of the group starting at column `group`, adds a
 * column `header` listing, one a line, what the run's rows hold in `columns` (落实文件 and 落实章节: "QP-014 5.2 符号转换").
 * The other forms of the table (HTML on a screen, the workbook, CSV) keep a row per place, as the band that differs does.
 */
export interface BandMerge {
  key: string;
  gather?: { group: string; header: string; columns: string[] };
}

/** Columns printed together in a band of a register printed in bands: from the column `from` up to the next group's first column. */
export interface ColumnGroup {
  /** What the columns are about, e.g. "评审与决定"; printed over the band. */
  title: string;
  from: string;
}

/** Organisation, the register's own form number and version, the as-of date and signature lines (编制/审核/批准). */
export interface RegisterHeading {
  organisation: string;
  /** e.g. "表单编号：QR-001-02 A/0"; empty when the organisation has not named a form for the register. */
  form: string;
  /** e.g. "截至 2026-11-27". */
  asOf: string;
  /** "密级：秘密" when the register carries classified content (Table.classification), printed first on every page and sheet. */
  classification?: string;
  /** A page's number among its register's pages, with the placeholders {page} and {pages}: "第 {page} 页 共 {pages} 页". */
  pageOf: string;
  /** A page's number alone, with the placeholder {page}: "第 {page} 页", for a sheet of a workbook of several registers. */
  page: string;
  /** Labels of the signature lines, e.g. ["编制", "审核", "批准"]; empty for none. */
  signatures: string[];
  /** The signed ones of those lines by their label, from a signed edition (Table.edition): who signed and the day. */
  signed?: Record<string, { name: string; date: string }>;
  /** The label of the date beside each signature: "日期" ("Date"). */
  date: string;
  /** The heading's punctuation in its language: " ｜ ", "：", "　" in Chinese; " | ", ": ", "   " in English. */
  separator: string;
  colon: string;
  gap: string;
}

export const TABLE_FORMATS = ["table", "md", "html", "csv", "xlsx", "json", "pdf"] as const;
export type TableFormat = (typeof TABLE_FORMATS)[number];

function text(cell: Cell | undefined): string {
  return cell === null || cell === undefined ? "" : String(cell);
}

/**
 * A terminal table whose columns line up with Chinese text (wide characters count double). Given the
 * terminal's `width` (stdout is a terminal), a table wider than it keeps only its `narrow` columns when
 * it names them, and is fitted to it: the columns of free text and lists (Column.kind text, prose,
 * list) wrap within their column, each given as much of the width left by the others as it needs, the
 * narrowest first; ids, codes, names, numbers, marks and dates never break; the notes under it wrap at
 * that width. Without a width (a pipe, a file: scripts read it) every row and note is one line.
 */
export function toTerminal(table: Table, width?: number): string {
  const { columns, headers, values, widths, narrowed } = terminalLayout(table, width);
  let fitted = width === undefined ? undefined : fitColumns(columns, headers, values, width);
  // Still too wide (English statuses and names): names and codes wrap too, between their words.
  if (width !== undefined && fitted && fitted.reduce((sum, w) => sum + w, 0) + 2 * (columns.length - 1) > width) {
    const words = columns.map((c, i) => (c.kind === "name" || c.kind === "code" ? Math.max(0, ...table.rows.flatMap((r) => terminalCell(c, r[c.key]).match(BREAKS) ?? []).map(displayWidth)) : values[i]!));
    fitted = fitColumns(columns, headers, values, width, words);
  }
  const out = [table.title, ""];
  const line = (cells: string[]) => cells.map((cell, i) => padEnd(cell, widths[i]!)).join("  ").trimEnd();
  const lines = (values: string[]) => {
    if (!fitted) return [line(values)];
    const wrapped = values.map((v, i) => (fitted[i]! < displayWidth(v) ? wrapLine(v, fitted[i]!) : [v]));
    const height = Math.max(...wrapped.map((w) => w.length));
    return Array.from({ length: height }, (_, k) => line(wrapped.map((w) => w[k] ?? "")));
  };
  if (fitted) fitted.forEach((w, i) => (widths[i] = w));

  out.push(...lines(headers), line(widths.map((w) => "-".repeat(w))));
  for (const row of table.rows) out.push(...lines(columns.map((c) => terminalCell(c, row[c.key]))));
  // A long note (the clauses no procedure addresses) wraps at the terminal's edge too, rather than being cut there (tester60 J10).
  const notes = [...(table.notes ?? []), ...(narrowed ? [table.narrow!.note] : [])];
  if (notes.length) out.push("", ...notes.flatMap((n) => (width !== undefined && displayWidth(n) > width ? wrapLine(n, width) : [n])));
  return out.join("\n") + "\n";
}

/** A value as a terminal shows it: on one line, its control characters escaped (a table never steers the terminal). */
const terminalCell = (column: Column, value: Cell | undefined): string => visible(oneLine(displayedCell(column, value)));

/**
 * The columns toTerminal prints, with their headers and natural widths: the `terminal` ones (every column
 * without), or the `narrow` ones when those do not fit `width` (`narrowed`).
 */
export function terminalLayout(table: Table, width?: number): { columns: Column[]; headers: string[]; values: number[]; widths: number[]; narrowed: boolean } {
  const keys = table.terminal ? new Set(table.terminal) : undefined;
  const measure = (columns: Column[]) => {
    const headers = columns.map((c) => c.short ?? c.header);
    const values = columns.map((c) => Math.max(0, ...table.rows.map((r) => displayWidth(terminalCell(c, r[c.key])))));
    return { columns, headers, values, widths: columns.map((_, i) => Math.max(displayWidth(headers[i]!), values[i]!)) };
  };
  const measured = measure(keys ? table.columns.filter((c) => keys.has(c.key)) : table.columns);
  const narrowed = width !== undefined && table.narrow !== undefined && measured.widths.reduce((sum, w) => sum + w, 0) + 2 * (measured.columns.length - 1) > width;
  if (!narrowed) return { ...measured, narrowed };
  const narrow = new Set(table.narrow!.columns);
  return { ...measure(table.columns.filter((c) => narrow.has(c.key))), narrowed };
}

/** Kinds of column whose values a terminal wraps within the column; the others are read whole. */
const WRAPPING: ReadonlySet<ColumnKind> = new Set(["text", "prose", "list"]);
/** A wrapped column is never narrower than this, nor than its widest value if that is narrower. */
const MIN_WRAPPED = 8;

/** A header wraps, when the table does not fit, to the width of its values, but not narrower than this (two Chinese characters) nor than its longest word. */
const MIN_HEADER = 4;

/**
 * The widths of a table's columns fitted to a terminal `width` columns wide, or undefined when it fits
 * as it is (or nothing can wrap). The headers wrap to the width of their column's values; the width
 * the columns that never wrap leave is shared among those that do: each that needs less than an even
 * share gets what it needs, the rest share what remains.
 */
function fitColumns(columns: Column[], headers: string[], values: number[], width: number, words?: number[]): number[] | undefined {
  const natural = columns.map((_, i) => Math.max(displayWidth(headers[i]!), values[i]!));
  const wrapping = columns.flatMap((c, i) => (!c.date && WRAPPING.has(c.kind ?? "text") ? [i] : []));
  if (natural.reduce((sum, w) => sum + w, 0) + 2 * (columns.length - 1) <= width || wrapping.length === 0) return undefined;
  const header = (i: number) => Math.max(Math.min(MIN_HEADER, displayWidth(headers[i]!)), ...(headers[i]!.match(BREAKS) ?? []).map(displayWidth));
  const fitted = columns.map((_, i) => Math.max(words?.[i] ?? values[i]!, header(i)));
  let room = width - 2 * (columns.length - 1) - fitted.reduce((sum, w, i) => (wrapping.includes(i) ? sum : sum + w), 0);
  const open = [...wrapping].sort((a, b) => fitted[a]! - fitted[b]!);
  while (open.length > 0) {
    const share = Math.floor(room / open.length);
    const i = open[0]!;
    if (fitted[i]! <= share) {
      room -= fitted[i]!;
      open.shift();
      continue;
    }
    for (const j of open) fitted[j] = Math.max(Math.min(MIN_WRAPPED, fitted[j]!), share, header(j));
    break;
  }
  return fitted;
}

/**
 * Tokens a line breaks between: a space, a Chinese (Japanese, Korean) character with the closing
 * punctuation after it and the opening punctuation before it, a version id (A/2, 版本/版次: its "/" is
 * no separator) with the separators after it, or a run of other characters up to and with a list
 * separator (/ 、 ， , ； ;), so that QP-001 and 8.5.2.1 stay whole.
 */
/** Chinese, Japanese and Korean characters, and the ideographic and full-width punctuation and forms. */
const CJK = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef`;
const BREAKS = new RegExp(
  String.raw`\s+|[（《「『【“‘(]*[${CJK}][，。、；：！？）》」』】”’,.;:!?)]*|[A-Z]/[0-9]+(?:[、，,；;]+|(?=[\s${CJK}]|$))|[^\s${CJK}]+?(?:[/、，,；;]+|(?=[\s${CJK}]|$))`,
  "gu",
);

/** One line of text wrapped into lines at most `width` columns wide; a token wider than that is broken where it reaches the edge. */
function wrapLine(value: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  let used = 0;
  const push = (piece: string, w: number) => {
    if (used + w > width && line !== "") {
      lines.push(line.trimEnd());
      line = "";
      used = 0;
    }
    if (line === "" && /^\s+$/.test(piece)) return;
    line += piece;
    used += w;
  };
  for (const token of value.match(BREAKS) ?? []) {
    const w = displayWidth(token);
    if (w <= width) push(token, w);
    else {
      // A word wider than the column starts a line of its own before it is broken.
      if (line.trim() !== "") {
        lines.push(line.trimEnd());
        line = "";
        used = 0;
      }
      for (const ch of token) push(ch, displayWidth(ch));
    }
  }
  if (line !== "" || lines.length === 0) lines.push(line.trimEnd());
  return lines;
}

/**
 * A value inside a Markdown table cell: one line, with backslashes, pipes and link brackets
 * escaped and raw HTML turned into text, so that a title cannot inject `<script>` or a link; isolated
 * when it could reorder the cells beside it (isolateBidi).
 */
function markdownCell(s: string): string {
  return isolateBidi(oneLine(s).replace(/[\\|[\]]/g, "\\$&").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"));
}

export function toMarkdown(table: Table): string {
  const escape = markdownCell;
  const marking = table.heading?.classification ? [`**${markdownCell(table.heading.classification)}**`, ""] : [];
  const out = [...marking, `## ${table.title}`, "", ...headingLines(table.heading), `| ${table.columns.map((c) => escape(c.header)).join(" | ")} |`, `|${table.columns.map(() => " --- |").join("")}`];
  for (const row of table.rows) out.push(`| ${table.columns.map((c) => escape(displayedCell(c, row[c.key]))).join(" | ")} |`);
  if (table.notes?.length) out.push("", ...table.notes.map((n) => `${n}  `));
  if (table.heading?.signatures.length) out.push("", signatureLine(table.heading));
  return out.join("\n") + "\n";
}

function headingLines(heading: RegisterHeading | undefined): string[] {
  if (!heading) return [];
  return [[heading.organisation, heading.form, heading.asOf].filter(Boolean).map(markdownCell).join(heading.separator), ""];
}

/**
 * 编制：________________ 日期：____________　审核：… (Prepared by: ________________ Date: ____________ …
 * in English): each signature with its date, as the evidence an auditor asks for is signed and dated.
 */
export function signatureLine(heading: RegisterHeading): string {
  return signatureLines(heading).join(heading.gap);
}

/** One signature and its date a line (printedSignature): 编制：________________ 日期：____________. */
export function signatureLines(heading: RegisterHeading): string[] {
  return heading.signatures.map((s) => printedSignature(s, heading));
}

/**
 * A register's signature line, the same in every form a register takes (Markdown and its template's
 * helper `signature`, HTML and PDF, the workbook's rows, csr site's printed registers): 编制：________________
 * 日期：____________, 16 underscores for a name and 12 for a date, room for both written by hand on paper; a line
 * of a signed edition (RegisterHeading.signed) filled: 编制：陈宏伟 日期：2026-12-01 (GJB 9001C 7.5.3).
 */
export function printedSignature(label: string, heading: Pick<RegisterHeading, "colon" | "date" | "signed">): string {
  const signed = heading.signed?.[label];
  if (signed) return `${label}${heading.colon}${signed.name} ${heading.date}${heading.colon}${signed.date}`;
  return `${label}${heading.colon}________________ ${heading.date}${heading.colon}____________`;
}

const MONTH = "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*";

/**
 * Text that Excel or LibreOffice turns into something else when they open a CSV file: a number (`1.0`
 * shows as 1, the clause `8.10` as 8.1, `007` as 7, `1e5` as 100000, `50%` as 0.5), a date (`1/2`,
 * `8-1`, `2026-3-1`, `3-Jan`, `2026年3月1日`), a time, a fraction or TRUE/FALSE. Spaces around it do not help.
 */
const SPREADSHEET_VALUE = new RegExp(
  String.raw`^ *(?:${[
    String.raw`[+-]?[$¥￥€£]?\(?(?:\d[\d,]*(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?\)?%?`,
    String.raw`\d+ \d+/\d+`,
    String.raw`\d{1,4}([-/])\d{1,2}(?:\1\d{1,4})?`,
    String.raw`\d{1,2}[- /]${MONTH}(?:[- /]\d{1,4})?|${MONTH}[- /]\d{1,4}(?:[- /]\d{1,4})?`,
    String.raw`\d{1,4}年\d{1,2}月(?:\d{1,2}日)?|\d{1,2}月\d{1,2}日`,
    String.raw`\d{1,2}:\d{2}(?::\d{2})?(?: ?[ap]m)?`,
    "true|false",
  ].join("|")}) *$`,
  "i",
);

/** A percentage alone, as csr writes a rate (`100%`, `85.7%`): a spreadsheet reads it as that percentage. */
const PERCENTAGE = /^\d+(?:\.\d+)?%$/;

/**
 * RFC 4180 CSV with a UTF-8 BOM so that Excel opens Chinese text correctly. A text that a spreadsheet
 * would read as a number or a date (SPREADSHEET_VALUE) is written as the formula `="1.0"`, whose value
 * is that text: Excel and LibreOffice show `1.0`, not 1. The dates of a date column are left as they
 * are, to be read as dates, and so is a percentage (PERCENTAGE: the management review's 评审及时率
 * `85.7%`), which a spreadsheet reads as the same percentage (0.857 shown as a percent) and a reader
 * took `="85.7%"` for a formula (breaker61 M13). csr import reads all of them back as the text (see
 * csvCell in import/read.ts).
 */
export function toCsv(table: Table): string {
  const quote = (cell: Cell | undefined, date = false) => {
    let s = text(cell);
    if (typeof cell === "string" && !(date && /^\d{4}-\d{2}-\d{2}$/.test(cell))) {
      if (SPREADSHEET_VALUE.test(cell) && !PERCENTAGE.test(cell)) s = `="${cell}"`;
      // Text starting with = + - @ would run as a formula when the file is opened in a spreadsheet, and so may one
      // starting with a tab or a carriage return, which a spreadsheet can drop before reading the rest (OWASP, CSV
      // injection). Text that starts so after apostrophes gets one more, so that csr import, which takes one
      // apostrophe off, reads back each text as it was.
      else if (/^'*[=+\-@\t\r]/.test(cell)) s = `'${cell}`;
    }
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const out = [table.columns.map((c) => quote(c.header)).join(",")];
  for (const row of table.rows) out.push(table.columns.map((c) => quote(row[c.key], c.date)).join(","));
  return "\ufeff" + out.join("\r\n") + "\r\n";
}

export function toJson(table: Table): string {
  return (
    JSON.stringify(
      {
        title: table.title,
        ...(table.classification ? { classification: table.classification } : {}),
        columns: table.columns.map((c) => ({ key: c.key, header: c.header })),
        rows: table.rows.map((r) => Object.fromEntries(table.columns.map((c) => [c.key, r[c.key] ?? null]))),
        notes: table.notes ?? [],
      },
      null,
      2,
    ) + "\n"
  );
}

/**
 * A CSV has no title or heading, so the day a table's figures were measured on (its `asOf`), or the
 * span they count (its `span.column`: the management review's period), goes into every row as a last
 * column; a table that depends on neither is returned as it is.
 */
export function withAsOfColumn(table: Table, lang: Lang): Table {
  if (table.asOf) {
    const date = table.asOf.date;
    return { ...table, columns: [...table.columns, { key: "asOf", header: translate(lang, "as-of.column"), date: true }], rows: table.rows.map((r) => ({ ...r, asOf: date })) };
  }
  const span = table.span?.column;
  if (!span) return table;
  return { ...table, columns: [...table.columns, { key: "span", header: span.header }], rows: table.rows.map((r) => ({ ...r, span: span.value })) };
}

/**
 * The table with the columns of `keys` only, in that order (`csr list procedures --columns`: a
 * company's own register layout). The keys are the table's (the caller checks them); a terminal
 * then shows those columns too, as asked, and a register picked this way is printed by width alone
 * (its bands named the columns it had).
 */
export function pickColumns(table: Table, keys: readonly string[]): Table {
  const byKey = new Map(table.columns.map((c) => [c.key, c]));
  const picked: Table = { ...table, columns: keys.map((key) => byKey.get(key)!) };
  delete picked.terminal;
  delete picked.narrow;
  delete picked.banding;
  return picked;
}

/** A column as a table template sees it. */
export interface ColumnView {
  key: string;
  header: string;
  date: boolean;
  /** The column's class (see columnClass), which the template's CSS lays out. */
  kind: ColumnKind | "date";
  /** The code printed in a check-mark column's header instead of its name (see `legend`). */
  short?: string;
  /** A printed free-text column's share of the page ("12.5%", see textWidths). */
  width?: string;
  /** The register's remarks (Column.remarks). */
  remarks?: boolean;
  /** Its cells name signers (Column.signers), printed as narrow as a name. */
  signers?: boolean;
}

/**
 * The full headers of the columns whose header prints only their code ("C1 市场开发与顾客要求评审"
 * for "C1"), named under the table (HTML and PDF), after its title (表头代号).
 */
export interface LegendView {
  title: string;
  items: string[];
}

/** What a table template sees: every cell already turned into text, in column order. */
export interface TableView {
  id: string;
  title: string;
  sheet: string;
  lang: string;
  columns: ColumnView[];
  rows: { cells: string[] }[];
  notes: string[];
  /** Absent when no column prints a code for its header. */
  legend?: LegendView;
  /** Table.lines: under the title on every printed page. */
  lines?: string[];
  heading?: RegisterHeading;
  /** The register's signature lines (编制, 审核, 批准), under the table. */
  signatures: string[];
  /** Whether anything follows the rows: a legend, notes or signature lines. */
  tail: boolean;
  /** Whether some columns are given a width (`width`, the free-text columns of a printed table: HTML and PDF). */
  sized: boolean;
  /** More than eight columns, or columns wider than a portrait page holds (see printedWide): printed on landscape A4. */
  wide: boolean;
  /** Twenty columns or more (the CSR matrix and list, see printedCrowded): printed on landscape A3, smaller, or in `bands` when the columns do not fit the page even so. */
  crowded: boolean;
  /**
   * A wide table whose columns at their narrowest do not fit landscape A4 at its size (see printedDense: the English
   * 受控文件清单 of a GJB layout, nineteen columns of which six name signers): printed on that page at a crowded table's
   * size, each column's abbreviated header in place of its header, signers' names (and a column's values that break when
   * dense) broken at their spaces, the remarks as narrow as their heading.
   */
  dense: boolean;
  /**
   * A crowded table too wide for one page at its smallest print, as it is printed (see printBands):
   * its columns in bands, each band every row under the columns that identify it; absent when it is
   * printed whole. `columns` and `rows` are then the whole table, which a screen shows.
   */
  bands?: BandView[];
  /** Whether the page is also read on a screen (HTML; a PDF is only printed): a table printed in bands then also has its whole table, for the screen. */
  screen: boolean;
}

/** One band of a table printed in bands: the identifying columns, then a group of the others, every row. */
export interface BandView {
  /** Which band of how many, and what its columns are about: "第 2 部分（共 3 部分）：评审与决定". */
  part: string;
  /** The title a band after the first continues: "顾客特定要求清单（共 12 项）（续）"; absent on the first. */
  continued?: string;
  columns: ColumnView[];
  rows: { cells: string[] }[];
  /** The codes of this band's check-mark columns. */
  legend?: LegendView;
  /** The table's notes and signature lines, under its last band only. */
  notes: string[];
  signatures: string[];
  tail: boolean;
  sized: boolean;
}

/**
 * The view of a table for a template. For the printed page (`print`: HTML and PDF), a crowded
 * table (see printedCrowded) leaves out the columns empty in every row, other than check-mark
 * columns, and any table those marked `printedIfAny`, and says so in a note: on the A3 CSR list, columns empty in every row (逾期原因,
 * 评审记录编号) took width while its requirement titles wrapped after three or four characters.
 * The page size is the full table's, as in its workbook. A printed table's free-text columns are
 * given widths by what they hold (printedWidths); a crowded one too wide for its page is printed in
 * bands (printBands). `screen`: the page is also read on a screen (HTML, not a PDF).
 */
export function tableView(table: Table, lang = "zh-CN", print = false, screen = true, page: PrintedOn = "own"): TableView {
  // On A4 landscape (csr site), a register is printed as a wide one is on its own page, and in bands when its columns do not fit.
  const a4 = page === "A4 landscape";
  const crowded = !a4 && printedCrowded(table);
  const blank = (c: Column) => table.rows.every((r) => text(r[c.key]).trim() === "");
  const empty =
    print && table.rows.length > 0
      ? new Set(table.columns.filter((c) => (printedCrowded(table) ? c.kind !== "mark" : c.printedIfAny === true) && blank(c)).map((c) => c.key))
      : new Set<string>();
  const columns = table.columns.filter((c) => !empty.has(c.key));
  const language: Lang = isLang(lang) ? lang : "zh-CN";
  const omitted =
    empty.size > 0
      ? [translate(language, "table.empty-columns", { columns: table.columns.filter((c) => empty.has(c.key)).map((c) => c.header).join(translate(language, "common.list-separator")) })]
      : [];
  // Each cell's printed text, made once for the table, its bands and the sample that sizes them; a printed table's bands
  // may have a column of their own after the table's (BandMerge.gather), which the sample measures with them.
  const merge = print ? table.banding?.merge : undefined;
  const runs = merge ? runsOf(table.rows, merge.key) : undefined;
  const gathered = merge?.gather ? gatheredCells(table.rows, runs!, merge.gather.columns) : undefined;
  const printed = gathered ? [...columns, { key: GATHERED, header: merge!.gather!.header, kind: "list" as const }] : columns;
  const cell = (c: Column, value: Cell | undefined) => (print && c.signers ? text(value).replace(SIGNED_ON, "") : displayedCell(c, value));
  const cells = table.rows.map((r, k) => [...columns.map((c) => cell(c, r[c.key])), ...(gathered ? [gathered[k]!] : [])]);
  const wide = a4 || printedWide(table);
  const lines = print ? cells.slice(0, SAMPLE_ROWS).map((row) => row.map((cell) => cell.split(/\r?\n/))) : [];
  const dense = print && wide && !a4 && !crowded && !gathered && printedDense(columns, new Sample(columns, lines));
  // Dense, a column prints its abbreviated header, and a signers' column breaks its names at their spaces, as a list does.
  const abbreviated = dense ? columns.filter((c) => c.abbreviated !== undefined && c.abbreviated !== c.header) : [];
  const laid = dense ? columns.map((c): Column => ({ ...c, header: c.abbreviated ?? c.header, ...(c.signers && c.kind === "name" ? { kind: "list" as const } : c.breaksWhenDense ? { kind: "text" as const } : {}) })) : columns;
  const sample = print ? new Sample(gathered ? printed : laid, lines) : undefined;
  const widths = sample ? printedWidths(laid, sample, crowded, wide, dense) : undefined;
  const named = abbreviated.length > 0 ? [translate(language, "table.abbreviated", { headers: abbreviated.map((c) => translate(language, "table.abbreviated.header", { abbreviated: c.abbreviated!, header: c.header })).join(translate(language, "common.list-separator")) })] : [];
  const notes = [...(table.notes ?? []), ...omitted, ...named];
  const legend = legendOf(columns, language);
  const signatures = table.heading?.signatures ?? [];
  // Without rows there is nothing to read across pages: an empty register keeps its one page, unless its headings alone are wider than
  // the A4 landscape page of csr site (the 27 columns of an empty 纠正措施台账 printed at 1656 px).
  const layout = printedCrowded(table) ? (a4 ? A4_LANDSCAPE : A3_LANDSCAPE) : undefined;
  const least = sample && layout && (table.rows.length > 0 || a4) ? narrowest(printed, sample, true, layout.heading) : undefined;
  const bands = least ? printBands(table, printed, columns.length, least, layout!) : undefined;
  return {
    id: table.id ?? "table",
    title: table.title,
    sheet: table.sheet,
    lang,
    columns: laid.map((c, i) => columnView(c, widths?.[i])),
    rows: cells.map((row) => ({ cells: row.slice(0, columns.length) })),
    notes,
    ...(legend ? { legend } : {}),
    ...(table.heading ? { heading: table.heading } : {}),
    ...(table.lines?.length ? { lines: table.lines } : {}),
    sized: widths !== undefined,
    signatures,
    tail: legend !== undefined || notes.length > 0 || signatures.length > 0,
    wide,
    crowded,
    dense,
    ...(bands
      ? {
          bands: bands.map((band, b) => {
            const at = band.columns;
            const own = at.map((i) => printed[i]!);
            const bandWidths = textWidths(own, sample!.of(at), at.map((i) => least![i]!), layout!.band);
            const bandLegend = legendOf(own, language);
            const last = b === bands.length - 1;
            const part = { index: b + 1, count: bands.length, title: band.title };
            return {
              part: translate(language, band.title ? "table.band.part" : "table.band.part-untitled", part),
              ...(b > 0 ? { continued: translate(language, "table.band.continued", { title: table.title }) } : {}),
              columns: own.map((c, i) => columnView(c, bandWidths?.[i])),
              rows: bandRows(cells, at, runs),
              ...(bandLegend ? { legend: bandLegend } : {}),
              notes: last ? notes : [],
              signatures: last ? signatures : [],
              tail: bandLegend !== undefined || (last && (notes.length > 0 || signatures.length > 0)),
              sized: bandWidths !== undefined,
            };
          }),
        }
      : {}),
    screen,
  };
}

/** The key of a band's gathered column (BandMerge.gather), which no table column has. */
const GATHERED = "\u0000gathered";

/** The runs of consecutive rows with the same value in column `key`, as indexes of `rows`. */
function runsOf(rows: readonly Record<string, Cell>[], key: string): number[][] {
  const runs: number[][] = [];
  rows.forEach((row, r) => {
    const last = runs.at(-1);
    if (last && text(rows[last[0]!]![key]) === text(row[key])) last.push(r);
    else runs.push([r]);
  });
  return runs;
}

/** Each row's gathered cell (BandMerge.gather): its run's values of `columns`, joined by a space, one row's a line, each once. */
function gatheredCells(rows: readonly Record<string, Cell>[], runs: readonly number[][], columns: readonly string[]): string[] {
  const cells: string[] = [];
  for (const run of runs) {
    const lines = [...new Set(run.map((r) => columns.map((key) => text(rows[r]![key]).trim()).filter((value) => value !== "").join(" ")).filter((line) => line !== ""))];
    for (const _ of run) cells.push(lines.join("\n"));
  }
  return cells;
}

/**
 * A band's rows: the cells of columns `at` of each row; with `runs` (BandMerge), a run whose rows have the same cells in
 * the band is one row, when every run's have (a band that differs within a run, as where a requirement is addressed, keeps each).
 */
function bandRows(cells: readonly string[][], at: readonly number[], runs: readonly number[][] | undefined): { cells: string[] }[] {
  const rows = cells.map((row) => at.map((i) => row[i]!));
  const same = (r: number, s: number) => at.every((_, k) => rows[r]![k] === rows[s]![k]);
  if (!runs || !runs.every((run) => run.every((r) => same(r, run[0]!)))) return rows.map((row) => ({ cells: row }));
  return runs.map((run) => ({ cells: rows[run[0]!]! }));
}

/** A check-mark column that prints its code (`short`) for its header, named in the legend. */
const coded = (c: Column) => c.kind === "mark" && c.short !== undefined && c.short !== c.header;

function legendOf(columns: readonly Column[], lang: Lang): LegendView | undefined {
  return columns.some(coded) ? { title: translate(lang, "table.legend"), items: columns.filter(coded).map((c) => c.header) } : undefined;
}

function columnView(c: Column, width: string | undefined): ColumnView {
  return { key: c.key, header: c.header, date: c.date === true, kind: columnClass(c), ...(coded(c) ? { short: c.short } : {}), ...(width ? { width } : {}), ...(c.remarks ? { remarks: true } : {}), ...(c.signers ? { signers: true } : {}) };
}

/**
 * A printed page's width in its cells' ems, a cell's padding and border in ems, and whether short
 * texts are first put on one line (see textWidths).
 */
interface PrintScale {
  pageEm: number;
  cellEm: number;
  shortFirst: boolean;
  /** The least width left to share out for widths to be given (see textWidths). */
  sharedEm: number;
}

/** The least width left to share out on a crowded page: about one free-text column's. */
const MIN_SHARED_EM = 10;
/**
 * A crowded table printed whole: landscape A3, 400 mm between the margins (1,512 px), at the 0.65em
 * of 16 px its cells are printed in (table.html.hbs), 1.5 px of padding each side and a border.
 */
const CROWDED: PrintScale = { pageEm: 145, cellEm: 0.4, shortFirst: false, sharedEm: MIN_SHARED_EM };
/** A band of a table printed in bands: the same page at 0.8em (12.8 px), 3 px of padding each side and a border. */
const BANDED: PrintScale = { pageEm: 118, cellEm: 0.55, shortFirst: true, sharedEm: MIN_SHARED_EM };
/**
 * A wide table (printedWide): landscape A4, 277 mm between the margins (1,047 px), at 0.8em (12.8 px),
 * 4 px of padding each side and a border. With at most twenty columns, the estimate of the columns that
 * never wrap is off by an em or two, not ten.
 */
const LANDSCAPE: PrintScale = { pageEm: 81, cellEm: 0.7, shortFirst: true, sharedEm: 2 };
/**
 * The page a table is printed on: its own, chosen by its columns (A4 portrait, A4 landscape, A3 landscape for twenty
 * columns or more: `csr list --format html`, its PDF), or A4 landscape whatever its columns (csr site, whose register
 * pages print on the site's page: site.css), where a table too wide for the page at LANDSCAPE's size is printed in bands.
 */
export type PrintedOn = "own" | "A4 landscape";

/** Where a table may be printed in bands: the scale it is printed whole at, the scale of a band, and the widest heading kept on one line. */
interface BandLayout {
  whole: PrintScale;
  band: PrintScale;
  heading: number;
}

/**
 * A dense table (printedDense): landscape A4, 277 mm between the margins (1,047 px), at a crowded table's 0.65em of 16 px,
 * 1.5 px of padding each side and a border.
 */
const DENSE: PrintScale = { pageEm: 100, cellEm: 0.4, shortFirst: true, sharedEm: 2 };

/**
 * How much wider than the page a wide table's columns at their narrowest are estimated before it is printed dense. The
 * estimate is an em or two off per column, either way: of the examples' registers, those estimated up to 15 % wider than
 * the page fit it or ran over by some 10 %, those estimated wider ran over by 8 to 48 % (1,133 to 1,547 px on 1,046).
 */
const DENSE_FROM = 1.15;

/**
 * Whether a wide table is printed dense: its columns at their narrowest (narrowest, each heading on at most two lines)
 * are clearly wider than landscape A4 at LANDSCAPE's size (DENSE_FROM), where it ran off the page — the English
 * 受控文件清单 of gjb-demo, its headers ("Standardization check", "Military representative") and names ("Wang Jiandong")
 * twice as wide as the Chinese, was 1,547 px on the 1,046 px page, and Chromium shrank its PDF to 6.5 pt to fit.
 */
function printedDense(columns: readonly Column[], sample: Sample): boolean {
  // A long name breaks at its spaces: as narrow as its longest word, the NAME_EM it is given when there is room aside.
  const heading = (c: Column) => 1.05 * Math.max(...halves(c.header, HEADING).map(ems));
  const least = narrowest(columns, sample, false, HEADING).map((w, i) =>
    columnClass(columns[i]!) === "name" && sample.widest(i) > NAME_EM ? Math.max(heading(columns[i]!), ...sample.lines.map((cells) => Math.max(0, ...cells[i]!.map(longestWord)))) : w,
  );
  return columns.reduce((sum, _, i) => sum + LANDSCAPE.cellEm + least[i]!, 0) > DENSE_FROM * LANDSCAPE.pageEm;
}

/** Any other table: portrait A4, 190 mm between the margins (718 px), at 0.9em (14.4 px), 6 px of padding each side and a border. */
const PORTRAIT: PrintScale = { pageEm: 49, cellEm: 0.9, shortFirst: true, sharedEm: 2 };
/** The narrowest a free-text column is made: three Chinese characters. */
const MIN_TEXT_EM = 3;
/**
 * A line of free text (a customer's name, a title, a reason) that reads as text, not as a column of
 * characters: six Chinese characters; a requirement's text (prose), twelve. A column whose longest
 * line is shorter needs no more than that line.
 */
const READABLE_TEXT_EM = 6;
const READABLE_PROSE_EM = 12;
/**
 * The widest name (a person's, a department's) kept on one line: Wang Jiandong, 综合管理部,
 * Administration and HR. A longer one breaks at its spaces, never inside a word nor between Chinese
 * characters: kept whole, an English department name such as "General Affairs (administration,
 * purchasing, documents)" took a third of a landscape page and left the remarks a word a line.
 */
const NAME_EM = 12;
/** The least width of a register's remarks (Column.remarks) on a page that is not crowded: a readable line, six Chinese characters or two English words. */
const REMARKS_EM = READABLE_TEXT_EM;
/** Rows looked at to share out the width: enough to tell what the columns hold. */
const SAMPLE_ROWS = 400;
/** The width given at a time. */
const STEP_EM = 0.5;

/**
 * About how wide a text is printed, in ems: a Chinese character one em, a Latin letter or digit a little over half.
 * By code points, as `for … of` would pair them, without a string per character.
 */
function ems(s: string): number {
  let width = 0;
  for (let i = 0; i < s.length; i++) {
    // codePointAt pairs a surrogate pair (a lone surrogate is its own code point) without making a string.
    const cp = s.codePointAt(i)!;
    if (cp > 0xffff) i++;
    width += isWide(cp) ? 1 : 0.56;
  }
  return width;
}

/**
 * The rows looked at to lay a table out: each cell's lines (`lines[row][column]`) and their widths in ems,
 * measured once for the table, the layouts tried for it (narrowest, printedWidths) and its bands (textWidths),
 * which measured every line again each (csr site measures the print of every register).
 */
class Sample {
  readonly ems: readonly number[][][];
  #widest: (number | undefined)[] = [];
  #part: (number | undefined)[] = [];

  constructor(
    readonly columns: readonly Column[],
    readonly lines: readonly string[][][],
    measured?: readonly number[][][],
  ) {
    this.ems = measured ?? lines.map((row) => row.map((cell) => cell.map(ems)));
  }

  /** The widest line of column `i`, in ems (0 without one). */
  widest(i: number): number {
    let widest = this.#widest[i];
    if (widest === undefined) {
      widest = 0;
      for (const cells of this.ems) for (const w of cells[i]!) widest = Math.max(widest, w);
      this.#widest[i] = widest;
    }
    return widest;
  }

  /** The widest part of column `i`'s lines that a line cannot break inside (unbreakable), in ems (0 without one). */
  part(i: number): number {
    let part = this.#part[i];
    if (part === undefined) {
      part = 0;
      for (const cells of this.lines) for (const line of cells[i]!) part = Math.max(part, unbreakable(line));
      this.#part[i] = part;
    }
    return part;
  }

  /** The sample of columns `at` alone (a band's). */
  of(at: readonly number[]): Sample {
    return new Sample(
      at.map((i) => this.columns[i]!),
      this.lines.map((cells) => at.map((i) => cells[i]!)),
      this.ems.map((cells) => at.map((i) => cells[i]!)),
    );
  }
}

/** The widest part of a free text that a line cannot break inside: what the print keeps whole (KEPT_WHOLE: "QP-010 A/2"), a Latin word. */
function unbreakable(s: string): number {
  return Math.max(0, ...s.split(/[\s/、，,；;。：:（）()\u2e80-\u9fff\uff00-\uffef]+/u).map(ems), ...Array.from(s.matchAll(KEPT_WHOLE), (kept) => ems(kept[0])));
}

/** The widest part of a name between its spaces. */
function longestWord(s: string): number {
  return Math.max(0, ...s.split(/\s+/u).map(ems));
}

/** The lines of each column's cells (`[row][column]`), in the rows looked at to lay a table out. */
function flexible(c: Column): boolean {
  return ["text", "prose", "list"].includes(columnClass(c));
}

/**
 * Each column's narrowest printed width in ems, padding left out: a column that never wraps, its
 * widest value or heading; a free-text column (text, prose, list), its heading, the widest part of its
 * text that cannot break and MIN_TEXT_EM, whichever is widest, and with `readable` at least a readable
 * line (READABLE_TEXT_EM, READABLE_PROSE_EM). A heading is printed on at most two lines, bold: a
 * twentieth wider.
 */
function narrowest(columns: readonly Column[], sample: Sample, readable: boolean, whole: number): number[] {
  return columns.map((c, i) => {
    const heading = c.kind === "mark" ? 1 : 1.05 * Math.max(...halves(c.header, whole).map(ems));
    const widest = sample.widest(i);
    // A name longer than NAME_EM breaks at its spaces: it needs NAME_EM, or its longest word.
    if (columnClass(c) === "name" && widest > NAME_EM) return Math.max(heading, NAME_EM, ...sample.lines.map((cells) => Math.max(0, ...cells[i]!.map(longestWord))));
    if (!flexible(c)) return Math.max(heading, widest);
    return Math.max(MIN_TEXT_EM, heading, sample.part(i), readable && !c.signers ? Math.min(widest, columnClass(c) === "prose" ? READABLE_PROSE_EM : READABLE_TEXT_EM) : 0, readable && c.remarks ? REMARKS_EM : 0);
  });
}

/**
 * Widths for the free-text columns of a printed table or a band (text, prose, list), as percentages
 * of the page, from what they hold; undefined for the other columns, which keep their values' width
 * (they never wrap). Each free-text column starts at its width in `least` (see narrowest); in a band
 * and on a page that is not crowded (`shortFirst`), half the width left beside the columns first puts short texts on one
 * line. The width left goes, half an em at a time, to the column that shortens the rows
 * most (their height in lines, as the longest cell of each row makes it), so a requirement's title
 * and text get it rather than a column with one long value in a single row: the browser's own
 * sharing, by each column's longest value, gave 处置理由 (one reason of 124 characters in twelve
 * rows) three times the width of 要求名称. Undefined when the page leaves less than the scale's `sharedEm`
 * to share: the estimate of the columns' widths is a few ems off (more, the more columns), and
 * percentages the browser cannot keep only take width from the free-text columns.
 */
function textWidths(columns: readonly Column[], sample: Sample, least: readonly number[], scale: PrintScale): (string | undefined)[] | undefined {
  const index = columns.map((_, i) => i).filter((i) => flexible(columns[i]!));
  if (index.length === 0) return undefined;
  const { pageEm, cellEm } = scale;
  let fixed = 0;
  columns.forEach((c, i) => {
    if (!flexible(c)) fixed += cellEm + least[i]!;
  });
  const widths = new Map(index.map((i) => [i, cellEm + least[i]!]));
  let left = pageEm - fixed - [...widths.values()].reduce((sum, w) => sum + w, 0);
  // A few ems are within what this estimate misses: the browser shares them out better than hints it cannot keep.
  // (Less a hair: what squeezed leaves is sharedEm to the last rounding.)
  if (left < scale.sharedEm - 1e-9) return undefined;
  // Each cell's lines' widths in ems; a cell's height in lines at a width, continuous (a line and a half is 1.5).
  const text_ = sample.ems.map((cells) => index.map((i) => cells[i]!));
  // Half of it first puts short texts on one line, the shortest first: beside a two-line title, a customer's name
  // widened shortens no row, and it ended with one character on a line of its own ("北辰汽车集团有限公" / "司").
  // Half an em to spare: the estimate of a line is a little short of its print.
  const longest = new Map(index.map((i, k) => [i, cellEm + 0.5 + Math.max(0, ...text_.map((cells) => Math.max(0, ...cells[k]!)))]));
  let budget = scale.shortFirst ? left / 2 : 0;
  for (const i of [...index].sort((a, b) => longest.get(a)! - widths.get(a)! - (longest.get(b)! - widths.get(b)!))) {
    const more = longest.get(i)! - widths.get(i)!;
    if (more > 0 && more <= budget) {
      widths.set(i, longest.get(i)!);
      budget -= more;
      left -= more;
    }
  }
  const height = (lines: readonly number[], width: number) => lines.reduce((sum, w) => sum + Math.max(1, w / (width - cellEm)), 0);
  const current = text_.map((cells) => cells.map((lines, k) => height(lines, widths.get(index[k]!)!)));
  // Each cell's height were its column half an em wider, and each row's height (its tallest cell, at least a line),
  // which column that is, and the row's height without it: a step then costs a look at each row per column,
  // not at each of its cells.
  const wider = text_.map((cells) => cells.map((lines, k) => height(lines, widths.get(index[k]!)! + STEP_EM)));
  const tallest = current.map(() => 1);
  const tallestAt = current.map(() => -1);
  const second = current.map(() => 1);
  const measureRow = (r: number) => {
    const row = current[r]!;
    let top = 1;
    let at = -1;
    for (let j = 0; j < row.length; j++) {
      if (row[j]! > top) {
        top = row[j]!;
        at = j;
      }
    }
    let next = 1;
    for (let j = 0; j < row.length; j++) if (j !== at) next = Math.max(next, row[j]!);
    tallest[r] = top;
    tallestAt[r] = at;
    second[r] = next;
  };
  for (let r = 0; r < text_.length; r++) measureRow(r);
  // A step widening column k shortens a row only when k holds its one tallest cell: under any other column the
  // row keeps its height (tallest − tallest, exactly 0, added to a gain changes nothing). So each row adds to
  // the gain of its tallest column alone, in the order of the rows, as a sum over every row and column did.
  // A row no taller than a line in any column (tallestAt −1) and a cell whose every line fits (its height its
  // number of lines, the least it can be) stay so wider, as no height grows with the width: they are looked at no more.
  const gains = new Float64Array(index.length);
  const tall = text_.map((_, r) => r).filter((r) => tallestAt[r]! >= 0);
  const unfitted = index.map((_, k) => text_.map((_, r) => r).filter((r) => current[r]![k] !== text_[r]![k]!.length));
  while (left >= STEP_EM) {
    gains.fill(0);
    let kept = 0;
    for (const r of tall) {
      const k = tallestAt[r]!;
      if (k < 0) continue;
      gains[k] = gains[k]! + (tallest[r]! - Math.max(second[r]!, wider[r]![k]!));
      tall[kept++] = r;
    }
    tall.length = kept;
    let best: { k: number; gain: number } | undefined;
    for (let k = 0; k < index.length; k++) {
      const gain = gains[k]!;
      if (gain > 1e-9 && (!best || gain > best.gain)) best = { k, gain };
    }
    if (!best) break;
    const at = index[best.k]!;
    widths.set(at, widths.get(at)! + STEP_EM);
    const rows = unfitted[best.k]!;
    kept = 0;
    for (const r of rows) {
      const lines = text_[r]![best.k]!;
      current[r]![best.k] = wider[r]![best.k]!;
      wider[r]![best.k] = height(lines, widths.get(at)! + STEP_EM);
      measureRow(r);
      if (current[r]![best.k] !== lines.length) rows[kept++] = r;
    }
    rows.length = kept;
    left -= STEP_EM;
  }
  // What no column needs shortens no row: it goes to the free-text columns by their widths, not to columns that never wrap.
  const total = [...widths.values()].reduce((sum, w) => sum + w, 0);
  for (const [i, w] of widths) widths.set(i, w + (left * w) / total);
  return columns.map((_, i) => (widths.has(i) ? `${((widths.get(i)! / pageEm) * 100).toFixed(1)}%` : undefined));
}

/**
 * The free-text columns' widths of a table printed whole (textWidths), on its page. A crowded table's
 * start at their narrowest: one whose columns do not fit at their readable widths is printed in bands
 * (printBands). Any other table's start at a readable width (narrowest), so that a reason or a remark
 * beside long titles reads as a line, not as a column of characters: left to the browser, the review
 * register's 逾期原因 printed three characters a line and 及时性 (按期) took the width it lacked; squeezed
 * in proportion when the page cannot hold the readable widths (squeezed). A table whose every value fits on one
 * line, heading included, gets no widths: the browser gives each column its line and shares out the rest.
 */
function printedWidths(columns: readonly Column[], sample: Sample, crowded: boolean, wide: boolean, dense = false): (string | undefined)[] | undefined {
  if (crowded) return textWidths(columns, sample, narrowest(columns, sample, false, CROWDED_HEADING), CROWDED);
  const scale = dense ? DENSE : wide ? LANDSCAPE : PORTRAIT;
  // Every value on one line, heading included: the browser's own layout shares out the rest, to every column.
  if (columns.reduce((sum, c, i) => sum + scale.cellEm + Math.max(1.05 * ems(c.header), sample.widest(i)), 0) <= scale.pageEm) return undefined;
  return textWidths(columns, sample, squeezed(columns, narrowest(columns, sample, true, HEADING), narrowest(columns, sample, false, HEADING), scale), scale);
}

/**
 * The free-text columns' readable widths (`readable`), or, when together they are wider than the columns
 * that never wrap leave on the page, those widths in proportion to what is left: a column that would
 * come out narrower than its narrowest (`narrow`) keeps that, the others share the rest.
 */
function squeezed(columns: readonly Column[], readable: readonly number[], narrow: readonly number[], scale: PrintScale): number[] {
  const widths = [...readable];
  let free = columns.map((_, i) => i).filter((i) => flexible(columns[i]!));
  let room = scale.pageEm - scale.sharedEm - columns.length * scale.cellEm - columns.reduce((sum, c, i) => sum + (flexible(c) ? 0 : readable[i]!), 0);
  while (free.length > 0) {
    const wanted = free.reduce((sum, i) => sum + readable[i]!, 0);
    if (wanted <= room) break;
    const share = Math.max(0, room) / wanted;
    const floored = free.filter((i) => readable[i]! * share < narrow[i]!);
    if (floored.length === 0) {
      for (const i of free) widths[i] = readable[i]! * share;
      break;
    }
    for (const i of floored) {
      widths[i] = narrow[i]!;
      room -= narrow[i]!;
    }
    free = free.filter((i) => !floored.includes(i));
  }
  return widths;
}

/** A band of a table printed in bands: its title (the group's, or empty) and its columns, as indexes of the printed columns. */
interface Band {
  title: string;
  columns: number[];
}

/**
 * The bands a crowded table is printed in, or undefined when it is printed whole: when its columns at
 * their narrowest readable widths (narrowest) leave MIN_SHARED_EM of an A3 page at 0.65em to share. The
 * 33 columns of the CSR list, printed whole, wrapped its requirements one or two characters a line in
 * rows a third of a page tall. A band is a group of the table's columns (`banding.groups`; one group
 * of all of them for a table that names none) after the columns that identify a row
 * (`banding.repeat`, else those up to the identifier, as the workbook repeats them: identifyingColumns),
 * on the same page at 0.8em; a group too wide for one band is cut into several, each as wide as fits.
 * Printed one after the other, every band has every row, as a document controller prints a register
 * too wide for the page: its columns continued on the next sheets, the identifying ones repeated.
 * `columns` are the printed columns of the table, the first `whole`, then the bands' own (BandMerge.gather),
 * which goes at the end of its group's band and plays no part in whether the table fits whole.
 */
function printBands(table: Table, columns: readonly Column[], whole: number, least: readonly number[], layout: BandLayout): Band[] | undefined {
  const width = (at: readonly number[], scale: PrintScale) => at.reduce((sum, i) => sum + least[i]! + scale.cellEm, 0);
  const all = columns.map((_, i) => i);
  if (width(all.slice(0, whole), layout.whole) <= layout.whole.pageEm - MIN_SHARED_EM) return undefined;
  const repeatKeys = new Set(table.banding?.repeat ?? table.columns.slice(0, identifyingColumns(table)).map((c) => c.key));
  const repeat = all.filter((i) => repeatKeys.has(columns[i]!.key));
  // Each column's group, by the table's own columns: a group whose first column is left out of the print (empty)
  // still starts there. Columns before the first group's are the first group's.
  const groups = table.banding?.groups ?? [];
  const groupOf = new Map<string, number>();
  let group = 0;
  for (const c of table.columns) {
    const starts = groups.findIndex((g) => g.from === c.key);
    if (starts >= 0) group = starts;
    groupOf.set(c.key, group);
  }
  // The bands' own column (BandMerge.gather), after the table's, is its group's.
  const gather = table.banding?.merge?.gather;
  const order = all.slice(0, whole);
  if (gather && columns.length > whole) {
    const own = Math.max(0, groups.findIndex((g) => g.from === gather.group));
    groupOf.set(GATHERED, own);
    let after = 0;
    order.forEach((i, k) => {
      if (groupOf.get(columns[i]!.key)! <= own) after = k + 1;
    });
    order.splice(after, 0, whole);
  }
  const bands: Band[] = [];
  let current: { group: number; columns: number[] } | undefined;
  const close = () => current && bands.push({ title: groups[current.group]?.title ?? "", columns: [...repeat, ...current.columns].sort((a, b) => a - b) });
  for (const i of order) {
    if (repeatKeys.has(columns[i]!.key)) continue;
    const g = groupOf.get(columns[i]!.key)!;
    if (current && (current.group !== g || width([...repeat, ...current.columns, i], layout.band) > layout.band.pageEm - MIN_SHARED_EM)) {
      close();
      current = undefined;
    }
    current ??= { group: g, columns: [] };
    current.columns.push(i);
  }
  close();
  return bands.length > 1 ? bands : undefined;
}

/**
 * How many columns, from the first, identify a row on a page of a register printed several pages
 * wide: those up to the first identifier (序号 and 编号) when it is among the first three, else the first.
 */
function identifyingColumns(table: Table): number {
  const id = table.columns.findIndex((c) => c.kind === "id");
  return id >= 0 && id < 3 ? id + 1 : 1;
}

/**
 * The widest heading (display width) printed on one line: on a crowded page, two Chinese characters
 * (序号, 版本); on any other, four (文件编号, 发放日期), which a column of dates or names is as wide as.
 */
const CROWDED_HEADING = 4;
const HEADING = 8;

/** A crowded table on its own page: whole on landscape A3 at 0.65em, or in bands at 0.8em. */
const A3_LANDSCAPE: BandLayout = { whole: CROWDED, band: BANDED, heading: CROWDED_HEADING };
/** Any table on landscape A4 (csr site): whole or in bands, at 0.8em. */
const A4_LANDSCAPE: BandLayout = { whole: LANDSCAPE, band: LANDSCAPE, heading: HEADING };

/** A heading's two lines as twoLineHeading prints it, or its one line. */
function halves(header: string, whole: number): string[] {
  const split = twoLineSplit(header, whole);
  return split ? [split.first, split.second] : [header];
}

/** Characters a heading line does not start with (closing punctuation) or end with (opening brackets). */
const NO_LINE_START = /^[）」』】〕》、，。：；！？)\]}.,:;!?%/／]/u;
const NO_LINE_END = /[（「『【〔《(\[{]$/u;
const WIDE_CHARACTER = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/u;

/**
 * A column heading as HTML on at most two lines (table.html.hbs's `two-lines`): split where its two
 * halves are most nearly equal, at a space or next to a Chinese character, each half kept whole, as
 * the printed widths assume (narrowest). Left to the browser, a narrow column's heading (剩余工作日,
 * 评审记录编号) printed one character a line, and 逾期原因 as 逾期原 / 因. A heading of up to two Chinese
 * characters (`whole`, four on a page that is not crowded) stays on one line.
 */
export function twoLineHeading(header: string, whole = CROWDED_HEADING): string {
  const split = twoLineSplit(header, whole);
  if (!split) return `<span class="nobr">${escapeHtml(header)}</span>`;
  return `<span class="nobr">${escapeHtml(split.first)}</span>${split.space ? " " : "<wbr>"}<span class="nobr">${escapeHtml(split.second)}</span>`;
}

/** A printed column's heading (TableView `crowded`: of a crowded table) as HTML, on at most two lines (twoLineHeading). */
export function printedHeading(header: string, crowded: boolean): string {
  return twoLineHeading(header, crowded ? CROWDED_HEADING : HEADING);
}

let wordSegmenter: Intl.Segmenter | undefined;

/** Where twoLineHeading splits a heading; undefined when it stays on one line. */
function twoLineSplit(header: string, whole: number): { first: string; second: string; space: boolean } | undefined {
  const characters = [...header];
  if (displayWidth(header) <= whole) return undefined;
  // Between words (ICU's, through Intl.Segmenter): 本公司 / 符号, not 本公 / 司符号. A bracketed part is a line
  // of its own: 用时 / （工作日）, not 用时（工 / 作日）.
  const words = new Set<number>();
  let count = 0;
  for (const { segment } of (wordSegmenter ??= new Intl.Segmenter("zh", { granularity: "word" })).segment(header)) words.add((count += [...segment].length));
  let best: { first: string; second: string; space: boolean; width: number; bracket: boolean } | undefined;
  for (let at = 1; at < characters.length; at++) {
    const before = characters[at - 1]!;
    const after = characters[at]!;
    const space = before === " ";
    if (!words.has(at)) continue;
    if (!space && !(WIDE_CHARACTER.test(before) || WIDE_CHARACTER.test(after))) continue;
    if (after === " " || NO_LINE_START.test(after) || NO_LINE_END.test(before)) continue;
    const first = characters.slice(0, space ? at - 1 : at).join("");
    const second = characters.slice(at).join("");
    const width = Math.max(displayWidth(first), displayWidth(second));
    const bracket = NO_LINE_END.test(after);
    if (first.trim() !== "" && (!best || (bracket && !best.bracket) || (bracket === best.bracket && width < best.width))) best = { first, second, space, width, bracket };
  }
  return best && { first: best.first, second: best.second, space: best.space };
}

/**
 * Whether a register prints on landscape A3, in its PDF and its workbook alike: twenty columns or
 * more (the CSR matrix, the CSR list). Their identifiers, codes and dates never wrap, and at that
 * many columns they alone are wider than a landscape A4 page.
 */
function printedCrowded(table: Table): boolean {
  return table.columns.length >= 20 || table.crowded === true;
}

/**
 * Column width units across a portrait A4 page as the HTML prints it: 190 mm between the margins,
 * at about 1.9 mm per unit (half a Chinese character of the 0.9em text).
 */
const PORTRAIT_UNITS = Math.floor(190 / 1.9);

/**
 * Whether a register prints on a landscape page: more than eight columns, or columns whose values
 * (as the workbook measures them, columnWidths) need more than a portrait page's width, where its
 * titles would wrap a few characters a line. The workbook chooses its page the same way (printLayout).
 */
function printedWide(table: Table): boolean {
  return table.landscape === true || table.columns.length > 8 || columnWidths(table).reduce((sum, w) => sum + w, 0) > PORTRAIT_UNITS;
}

export interface TemplateOptions {
  /** The repository root: its templates/tables/ folder overrides the shipped templates. */
  root?: string;
  lang?: string;
  /** The HTML is only printed (a PDF): a table printed in bands leaves out the whole table a screen shows. */
  printOnly?: boolean;
}

/**
 * The template for a table in a format: the repository's `<id>.<format>.hbs`, then its
 * `table.<format>.hbs`, then the shipped `table.<format>.hbs`.
 */
export function tableTemplatePath(table: Table, format: "md" | "html", root?: string): string {
  const candidates: string[] = [];
  if (root) {
    if (table.id) candidates.push(insideRepository(root, `templates/tables/${table.id}.${format}.hbs`));
    candidates.push(insideRepository(root, `templates/tables/table.${format}.hbs`));
  }
  candidates.push(join(TEMPLATES_DIR, "tables", `table.${format}.hbs`));
  return candidates.find((p) => existsSync(p))!;
}

/**
 * Characters of a cell beyond which its row may break across printed pages: about what a column a
 * tenth of an A4 landscape page wide holds on one page (a manual's 170 clause numbers are ~1,000).
 */
const LONG_CELL = 600;

/** Whether a printed row may break across pages: a cell of more than LONG_CELL characters (table.html.hbs's tr.long). */
export function longRow(cells: readonly unknown[]): boolean {
  return cells.some((cell) => String(cell ?? "").length > LONG_CELL);
}

/**
 * A register's cell as HTML (the `cell` helper of table.html.hbs, and csr site's register pages): its
 * lines joined by <br>; in a list, a line may end only after a separator; in a list or free text, a
 * document number, a version and a date are kept on one line (KEPT_WHOLE: "QP-010 A/2", "2026-01-26"),
 * which a browser would otherwise break after a hyphen or a list after the "/" of a version; a name up
 * to NAME_EM stays on one line. `kind` is a ColumnKind ("list",
 * "name", "text", "prose", …); `escape` escapes text for an element (the site passes Handlebars's own).
 */
export function cellMarkup(value: string, kind: string | undefined, escape: (text: string) => string = escapeHtml): string {
  // A name up to NAME_EM stays on one line; a longer one breaks only at its spaces (td.name is keep-all).
  if (kind === "name" && ems(value) <= NAME_EM && /\s/.test(value)) return `<span class="nobr">${escape(value)}</span>`;
  // In a list, a line may end after a separator, in the text between what is kept whole (not an escape's ";").
  const between = (text: string) => (kind === "list" ? escape(text).replace(/(&[a-z0-9#]+;)|([/、，,；;])/gi, (_, entity: string | undefined, separator: string) => entity ?? `${separator}<wbr>`) : escape(text));
  let html = "";
  let at = 0;
  if (kind === "list" || kind === "text" || kind === "prose") {
    for (const kept of value.matchAll(KEPT_WHOLE)) {
      html += `${between(value.slice(at, kept.index))}<span class="nobr">${escape(kept[0])}</span>`;
      at = kept.index + kept[0].length;
    }
  }
  html += between(value.slice(at));
  if (ANY_MARK.test(html)) html = html.replace(/\uE000/g, "<del>").replace(/\uE001/g, "</del>").replace(/\uE002/g, "<ins>").replace(/\uE003/g, "</ins>");
  return html.replace(/\r?\n/g, "<br>");
}

/**
 * What a printed list or free text keeps on one line (cellMarkup, unbreakable): a document number with
 * the version after it ("QP-010 A/2"), a version alone ("A/2", 版本/版次 as the schemas write it, whose
 * "/" separates no items: "QP-013 A/" over "2" read as two things, tester62 N18), a hyphenated number or
 * date ("QP-006", "2026-01-26", which a browser breaks after a hyphen).
 */
const KEPT_WHOLE = /(?:[A-Za-z0-9][A-Za-z0-9.]*(?:-[A-Za-z0-9.]+)+ )?(?<![A-Za-z0-9./-])[A-Z]\/[0-9]+(?![A-Za-z0-9/]|\.[0-9])|[A-Za-z0-9][A-Za-z0-9.]*(?:-[A-Za-z0-9.]+)+/g;

/** Markdown or HTML through a Handlebars template; HTML escapes every value, Markdown escapes table syntax. */
export async function renderTableTemplate(table: Table, format: "md" | "html", options: TemplateOptions = {}): Promise<string> {
  // Handlebars's runtime: the table templates come compiled by the build; the compiler is loaded for a repository's own (templateCompiler).
  const { handlebarsRuntime, templateCompiler } = await import("../render/environment.js");
  const hbs = (await handlebarsRuntime()).create();
  hbs.registerHelper("md", (value: unknown) => markdownCell(String(value ?? "")));
  hbs.registerHelper("br", (value: unknown) => new hbs.SafeString(escapeHtml(String(value ?? "")).replace(/\r?\n/g, "<br>")));
  // A list's items never break inside ("list" cells are keep-all in table.html.hbs): a line may end only
  // after a separator. In a list or free text, a hyphenated number or date ("QP-006", "2026-01-26")
  // is kept on one line, as a browser would otherwise break it after its hyphen.
  // A row with a cell of more than LONG_CELL characters may break across pages (tr.long in table.html.hbs).
  hbs.registerHelper("long-row", (cells: unknown) => Array.isArray(cells) && longRow(cells));
  hbs.registerHelper("cell", (value: unknown, kind: unknown) => new hbs.SafeString(cellMarkup(String(value ?? ""), typeof kind === "string" ? kind : undefined)));
  // A heading on at most two lines (twoLineHeading).
  hbs.registerHelper("two-lines", (value: unknown, crowded: unknown) => new hbs.SafeString(printedHeading(String(value ?? ""), crowded === true)));
  hbs.registerHelper("signature", (label: unknown, heading: unknown) => printedSignature(String(label ?? ""), (heading ?? { colon: "", date: "" }) as Pick<RegisterHeading, "colon" | "date" | "signed">));
  const path = tableTemplatePath(table, format, options.root);
  const template = templateCompiler(hbs)(readFileSync(path, "utf8"), { noEscape: format === "md" });
  return template(tableView(table, options.lang, format === "html", options.printOnly !== true));
}


const MAX_COLUMN_WIDTH = 60;
/** The widest a note column (Column.note) is made: 15 Chinese characters a line, or some 30 Latin ones. */
const NOTE_COLUMN_WIDTH = 32;
const THIN = { style: "thin" as const };
const THIN_BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
/** Excel refuses to open a workbook with a cell of more than 32,767 characters. */
const EXCEL_CELL_LIMIT = 32_767;
/** Ends a cut cell, so that a reader sees the text is not complete and where the rest is. */
const CUT_MARKER = "…〔截断：超过 Excel 单元格 32767 字符上限，全文见 YAML 文件〕";
const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/g;

/**
 * Writes one workbook with a sheet per table to `path`: the title in row 1, the header in row 2,
 * both frozen; an autofilter over the header; thin borders; widths that fit Chinese text; dates as
 * real Excel dates; printed landscape (see printLayout) with the header row on every page and the
 * title in the page header (pageHeader), not from row 1. Rows are streamed to the file as they are written (exceljs's streaming writer,
 * strings inline), so memory does not grow with the workbook. A text longer than an Excel cell
 * holds is cut with a visible marker and reported through `onCut`. With `whole`, the zipped workbook
 * is kept in memory and written to `path` in one call (csr site's registers, a few megabytes at most):
 * streamed to the file, a small workbook's few hundred zip chunks were as many writes through libuv's
 * threads, about a quarter of what the site's workbooks cost (docs/speed.md, 2026-12-05 speed62).
 */
export async function writeXlsx(tables: Iterable<Table>, path: string, onCut: (where: string, length: number) => void = () => undefined, options: { registers?: "one" | "several"; whole?: boolean } = {}): Promise<void> {
  // Only exceljs's streaming writer: its index also loads the in-memory workbook and the zip
  // reader (unzipper and its dependencies), 100 ms of module loading that writing never uses.
  // exceljs (pinned in package.json) has no exports map, so its file path is part of the pin.
  const { default: WorkbookWriter } = await import("exceljs/lib/stream/xlsx/workbook-writer.js");
  const whole = options.whole ? wholeFile() : undefined;
  const workbook = new WorkbookWriter({ ...(whole ? { stream: whole.stream } : { filename: path }), useStyles: true, useSharedStrings: false });
  workbook.creator = "csr";
  const used = new Set<string>();
  const filters: { name: string; ranges: string[]; localSheetId: number }[] = [];
  let index = -1;
  for (const table of tables) {
    index++;
    const name = uniqueSheetName(table.sheet, used);
    const widths = columnWidths(table);
    const layout = printLayout(table, widths);
    const sheet = workbook.addWorksheet(name, {
      views: [{ state: "frozen", xSplit: 0, ySplit: 2 }],
      // Each sheet's pages are numbered from 1 (useFirstPageNumber): without it Excel and LibreOffice go on
      // from the sheet before, and the export's 受控文件清单 printed as pages 2–5 of 46.
      pageSetup: { ...layout, orientation: "landscape", fitToPage: true, fitToHeight: 0, printTitlesRow: "2:2", firstPageNumber: 1 },
    });
    sheet.headerFooter.oddHeader = pageHeader(table, layout.paperSize === A3_PAPER);
    sheet.headerFooter.oddFooter = pageFooter(table, options.registers === "several");
    // On a sheet printed several pages wide, the notes and the signature line start after the columns
    // repeated on every page: in a repeated column, each page after the first printed them cut at that
    // column's edge (接收日期至及时, 编制：________).
    const last = await writeSheet(sheet, table, widths, layout.printTitlesColumn ? identifyingColumns(table) + 1 : 1, layout.fitToWidth ?? 1, onCut);
    // Row 1 (the title, for the screen) is left out of the print: printed, it topped every page across,
    // cut at the page's edge (顾客特定要), and the page header already names the register on every page.
    // The rows are absolute ($2): LibreOffice ignores a print range whose rows are relative, and exceljs
    // writes "A2:T30" as $A2:$T30.
    if (table.columns.length > 0) sheet.pageSetup.printArea = `A$2:${columnLetter(table.columns.length)}$${last}`;
    sheet.commit();
    if (table.columns.length > 0) filters.push({ name: "_xlnm._FilterDatabase", ranges: [`'${name.replace(/'/g, "''")}'!$A$2:$${columnLetter(table.columns.length)}$2`], localSheetId: index });
  }
  // LibreOffice shows an autofilter only when the workbook also names its range _xlnm._FilterDatabase
  // for that sheet, as Excel itself writes it (LibreOffice bug 118592); exceljs writes only the
  // sheet's <autoFilter>, so the names are handed to its workbook writer here.
  Object.defineProperty(workbook.definedNames, "model", { get: () => filters });
  await workbook.commit();
  if (whole) writeFileSync(path, whole.bytes());
}

/**
 * A stream that keeps what the zip writes to it, for writeXlsx's `whole`: the file is then written in
 * one call. Streamed to a file, each of the zip's few hundred chunks of a small workbook was a write
 * of its own, handed to libuv's threads and back.
 */
function wholeFile(): { stream: Writable; bytes: () => Buffer } {
  // node:stream is loaded by then (exceljs's writer requires it).
  const { Writable } = process.getBuiltinModule("node:stream");
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  return { stream, bytes: () => Buffer.concat(chunks) };
}

const ROWS_PER_TURN = 500;

/** What Excel and LibreOffice would not show as written: a `_xHHHH_` of the text, and a control character exceljs drops (all but tab, line feed and carriage return). */
const NOT_AS_WRITTEN = /_x[0-9A-Fa-f]{4}_|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * A text as a cell of the written workbook holds it, every character kept. Excel and LibreOffice read
 * `_xHHHH_` in a cell's text as the character U+HHHH (ECMA-376 Part 1, 22.9.2.19 ST_Xstring), so a
 * title holding `_x0041_` showed `A`; and exceljs leaves out the control characters an XML file cannot
 * hold, so a vertical tab pasted into a title was lost without a word. Such a text is written in that
 * escape: its `_` before `xHHHH_` as `_x005F_`, a control character as `_x000B_`, in an inline string
 * (exceljs writes a rich text so; LibreOffice reads the escape there, not in the `t="str"` value exceljs
 * writes a plain string as). Any other text is returned as it is.
 */
function cellText(text: string): string | { richText: { text: string; font?: Partial<Font> }[] } {
  if (ANY_MARK.test(text)) return markedRichText(text);
  if (!NOT_AS_WRITTEN.test(text)) return text;
  const escaped = text.replace(/_(?=x[0-9A-Fa-f]{4}_)|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
  return { richText: [{ text: escaped }] };
}

/** A cell with words marked removed or inserted (CELL_MARKS) as rich text: struck through in red, underlined in green. */
function markedRichText(text: string): { richText: { text: string; font?: Partial<Font> }[] } {
  const runs: { text: string; font?: Partial<Font> }[] = [];
  let font: Partial<Font> | undefined;
  for (const part of text.split(/([\uE000-\uE003])/)) {
    if (part === CELL_MARKS.removed[0]) font = { strike: true, color: { argb: "FFB00000" } };
    else if (part === CELL_MARKS.inserted[0]) font = { underline: true, color: { argb: "FF007000" } };
    else if (part === CELL_MARKS.removed[1] || part === CELL_MARKS.inserted[1]) font = undefined;
    else if (part !== "") runs.push({ text: part, ...(font ? { font } : {}) });
  }
  return { richText: runs };
}

/** The column width exceljs (4.4, lib/doc/column.js DEFAULT_COLUMN_WIDTH) writes no <col> for. */
const EXCELJS_DEFAULT_WIDTH = 9;

/**
 * Waits until the zip has taken the rows committed so far. exceljs's streamed sheet writes into
 * the stream the zip reads it from (archiver's PassThrough) without ever waiting for it, so
 * without this a whole sheet would wait in memory for the zip to catch up (tens of megabytes per
 * sheet at 50,000 entities). `needDrain` is set by the stream itself once it holds more than its
 * high-water mark.
 */
async function zipCaughtUp(sheet: Worksheet): Promise<void> {
  const input = (sheet as unknown as { stream?: { pipes?: (Writable & { _writableState?: { needDrain?: boolean } })[] } }).stream?.pipes?.[0];
  if (input?._writableState?.needDrain) await once(input, "drain");
}

/** A, B … Z, AA … for a 1-based column number. */
function columnLetter(n: number): string {
  let letters = "";
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) letters = String.fromCharCode(65 + ((c - 1) % 26)) + letters;
  return letters;
}

/** Each column's width in Excel's units (characters of the default font): its widest line, within bounds. */
function columnWidths(table: Table): number[] {
  return table.columns.map((c) => {
    // A check-mark column's long header ("C1 市场开发与顾客要求评审") wraps above a narrow column.
    let widest = c.kind === "mark" ? Math.min(displayWidth(c.header), 10) : displayWidth(c.header);
    for (const row of table.rows) {
      const value = row[c.key];
      if (value === null || value === undefined || value === "") continue;
      const line = typeof value === "string" ? value : displayedCell(c, value);
      // No character is wider than two columns: a value of at most half the widest so far is not measured.
      if (line.length * 2 <= widest) continue;
      const width = widestLine(line);
      if (width > widest) widest = width;
    }
    return Math.min(c.note ? NOTE_COLUMN_WIDTH : MAX_COLUMN_WIDTH, Math.max(c.date ? 12 : 6, widest + 2));
  });
}

/**
 * Column width units (characters of the default 11-point font) across the printable width of a
 * landscape page, at the smallest scale that is still read without effort (70 %): A4 297 mm and
 * A3 420 mm, less 2 × 18 mm margins, at about 1.9 mm per unit.
 */
const PAGE_UNITS = { a4: Math.floor(261 / 1.9 / 0.7), a3: Math.floor(384 / 1.9 / 0.7) };

/** A3 and A4 in the file format (8 and 9); exceljs's typings name only some paper sizes. */
const A3_PAPER = 8 as PaperSize;
const A4_PAPER = 9 as PaperSize;

/**
 * How a sheet is printed: on A4, or on A3 when it has twenty columns or more (as the PDF of the
 * same register); one page wide when its columns fit at a readable scale, else as many pages wide
 * as they need, with the columns up to the id repeated on each. Excel's and LibreOffice's "fit to
 * one page wide" alone shrank the 33 columns of the CSR list to an unreadable size.
 */
function printLayout(table: Table, widths: number[]): Partial<PageSetup> {
  const a3 = printedCrowded(table);
  const total = widths.reduce((sum, w) => sum + w, 0);
  const pages = Math.max(1, Math.ceil(total / (a3 ? PAGE_UNITS.a3 : PAGE_UNITS.a4)));
  const repeated = `A:${columnLetter(identifyingColumns(table))}`;
  return { paperSize: a3 ? A3_PAPER : A4_PAPER, fitToWidth: pages, ...(pages > 1 ? { printTitlesColumn: repeated } : {}) };
}

/**
 * The last column (1-based) a note starting in `tailColumn` is merged to, of `count`: the last one on a sheet
 * printed one page wide; on one printed `pages` wide, the last whose right edge is within 1/pages of the
 * columns' total width (`widths`), so on the first page, and never before `tailColumn`.
 */
function noteEndColumn(widths: readonly number[], tailColumn: number, count: number, pages: number): number {
  if (pages <= 1) return count;
  const limit = widths.reduce((sum, w) => sum + w, 0) / pages;
  let end = tailColumn;
  for (let edge = 0, column = 1; column <= count; column++) {
    edge += widths[column - 1] ?? 0;
    if (edge > limit) break;
    if (column >= tailColumn) end = column;
  }
  return end;
}

/**
 * Fills one sheet from the top down, committing each row when it is done: the same code serves
 * a streamed sheet (a committed row is written out and forgotten) and an in-memory one (where
 * committing does nothing). Column widths come first because a streamed sheet writes them
 * before its first row. The notes and the signature line go in column `tailColumn`; `pages`: the pages
 * wide it is printed on (printLayout's fitToWidth). Returns the sheet's last row.
 */
async function writeSheet(sheet: Worksheet, table: Table, widths: number[], tailColumn: number, pages: number, onCut: (where: string, length: number) => void): Promise<number> {
  const count = Math.max(1, table.columns.length);
  widths.forEach((width, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = width;
    // exceljs takes a width of 9 for its default and writes no <col> for it, and Excel's own default
    // is 8.43: a column of 9 (a seven-character code) opened 8.43 wide. Its width is said to be its own.
    if (width === EXCELJS_DEFAULT_WIDTH) Object.defineProperty(column, "isCustomWidth", { value: true });
  });
  if (table.columns.length > 0) sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: count } };
  const title = sheet.getCell(1, 1);
  // The title row is what a screen shows first: a classified register's marking heads it, as the printed page's header.
  title.value = cellText(table.heading?.classification ? `${table.heading.classification}${table.heading.gap}${table.title}` : table.title);
  title.font = { bold: true, size: 14 };
  if (count > 1) sheet.mergeCells(1, 1, 1, count);
  sheet.getRow(1).commit();
  const header = sheet.getRow(2);
  table.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = cellText(c.header);
    cell.font = { bold: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
    cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
    cell.border = THIN_BORDER;
  });
  // A wrapped header needs a taller row: Excel does not fit a row's height to its text when it opens a file.
  const lines = Math.max(1, ...table.columns.map((c, i) => Math.ceil(displayWidth(c.header) / Math.max(1, (sheet.getColumn(i + 1).width ?? 8) - 2))));
  if (lines > 1) header.height = 15 * lines;
  header.commit();
  const styles = new CellStyles();
  for (const [r, row] of table.rows.entries()) {
    if (r % ROWS_PER_TURN === ROWS_PER_TURN - 1) await zipCaughtUp(sheet);
    const line = sheet.getRow(r + 3);
    let lines = 1;
    table.columns.forEach((c, i) => {
      const value = row[c.key];
      const cell = line.getCell(i + 1);
      // A value wider than its column, or of several lines, wraps; the row is made tall enough for
      // it, since neither Excel nor LibreOffice fits a row to its text when it opens a file (a
      // printed clause list once showed only its first line).
      const height = typeof value === "string" ? wrappedLines(value, widths[i]!) : 1;
      const wrap = height > 1;
      lines = Math.max(lines, height);
      if (c.date && typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
        cell.value = new Date(`${value}T00:00:00Z`);
        cell.style = styles.date;
      } else {
        if (typeof value === "string" && value.length > EXCEL_CELL_LIMIT) {
          cell.value = cellText(value.slice(0, EXCEL_CELL_LIMIT - CUT_MARKER.length) + CUT_MARKER);
          onCut(`sheet ${sheet.name}, cell ${cell.address} (${c.header})`, value.length);
        } else {
          cell.value = typeof value === "string" ? cellText(value) : (value ?? null);
        }
        cell.style = typeof value === "number" && c.grouped ? styles.grouped(value, wrap) : styles.of(typeof value === "number", wrap);
      }
    });
    if (lines > 1) line.height = LINE_HEIGHT_PT * Math.min(lines, MAX_ROW_LINES);
    line.commit();
  }
  let last = table.rows.length + 2;
  let at = table.rows.length + 4;
  // A note is one cell merged across the printed columns from tailColumn, wrapped and as tall as its
  // lines: left in one cell, its text ran over the empty cells to the right and was cut at the print
  // area's edge (the change report's note on what it could not know, auditor17 F4).
  // Printed several pages wide, a note merged up to the last column was cut at the first page's edge, mid-word
  // (the change report in English, look65 #4): it ends at the last column certain to be on the first page. Fitted
  // to N pages wide, a page holds at least 1/N of the columns' total width, and page 1 starts at column A.
  const end = noteEndColumn(widths, tailColumn, count, pages);
  const span = widths.slice(tailColumn - 1, end).reduce((sum, w) => sum + w, 0);
  for (const note of [...(table.lines ?? []), ...(table.notes ?? [])]) {
    const cell = sheet.getCell(at, tailColumn);
    cell.value = cellText(note);
    const lines = wrappedLines(note, span);
    if (lines > 1) {
      if (end > tailColumn) sheet.mergeCells(at, tailColumn, at, end);
      cell.alignment = { vertical: "top", wrapText: true };
      sheet.getRow(at).height = LINE_HEIGHT_PT * Math.min(lines, MAX_ROW_LINES);
    }
    sheet.getRow(at).commit();
    last = at++;
  }
  // The signature lines end the register, one signature and its date a row, right-aligned in its last
  // column (the text runs left over the empty cells): a sheet printed several pages wide prints its
  // last column on its last page (Excel's and LibreOffice's pages go down, then over), where the
  // signatures belong; in the first column after those repeated they were signed on page 1 of 2.
  if (table.heading?.signatures.length) {
    at++;
    const column = Math.max(tailColumn, table.columns.length);
    for (const line of signatureLines(table.heading)) {
      const cell = sheet.getCell(at, column);
      cell.value = cellText(line);
      cell.alignment = { horizontal: "right", vertical: "bottom", wrapText: false };
      sheet.getRow(at).height = LINE_HEIGHT_PT * 2;
      sheet.getRow(at).commit();
      last = at++;
    }
  }
  return last;
}

/**
 * A printed page's header (Excel's header codes, which LibreOffice reads too): the register's title
 * centred, bold and larger, on every page, with the organisation on the left and the form and as-of
 * date on the right when the register has a heading. A page of a register several pages long or wide
 * then says which register it is; row 1, where the screen shows the title, is not printed.
 */
function pageHeader(table: Table, a3: boolean): string {
  const quote = (t: string) => t.replace(/&/g, "&&");
  const h = table.heading;
  // A classified register's marking leads the left part, as a document's running header has it (密级 · organisation).
  const left = h ? [h.classification, h.organisation].filter(Boolean).join(" · ") : "";
  const right = h ? [h.form, h.asOf].filter(Boolean).join(" ") : "";
  // The size before the bold switch: a title starting with digits would otherwise be read as part of the size.
  const title = `&14&B${quote(table.title)}`;
  if (!h) return `&C${title}`;
  if (headerFits(left, table.title, right, a3)) return `&L${quote(left)}&C${title}&R${quote(right)}`;
  // A title too long to sit between the two sides goes on a line of its own under them: on one line,
  // LibreOffice printed the organisation and the title over each other (CSR review timeliness (started
  // 2026-01-01 to 2026-06-30; 4 in total) in English). Each part is two lines, the second as tall as the
  // title's, as the three are centred on each other.
  const under = "\n&14 ";
  return `&L${quote(left)}${under}&C\n${title}&R${quote(right)}${under}`;
}

/**
 * Millimetres a page header's text takes per column of displayWidth on LibreOffice's print of a sheet
 * at 100 % (a Latin letter one column, a Chinese character two; a sheet fitted to fewer pages prints its
 * header smaller, with more room): the sides in the default font (1.95 measured), the title at 14 points
 * bold (2.93 for English with dates); a little over, so that a near miss counts as not fitting.
 */
const HEADER_MM = { side: 2, title: 3 };
/** The width between a landscape page's margins (0.7 inch each) in millimetres: A4 297 mm, A3 420 mm. */
const HEADER_WIDTH_MM = { a4: 297 - 36, a3: 420 - 36 };

/** Whether the title, centred, leaves room for the left and the right part of a page header on its line. */
function headerFits(left: string, title: string, right: string, a3: boolean): boolean {
  const half = (a3 ? HEADER_WIDTH_MM.a3 : HEADER_WIDTH_MM.a4) / 2;
  const titleHalf = (displayWidth(title) * HEADER_MM.title) / 2;
  const gap = 5;
  return Math.max(displayWidth(left), displayWidth(right)) * HEADER_MM.side + gap + titleHalf <= half;
}

/**
 * A printed page's footer: 第 &P 页 共 &N 页 (Page &P of &N) in the register's language, as the PDF of
 * the same register; a table without a heading (no language) prints &P / &N. In a workbook of
 * `several` registers (csr export) only 第 &P 页, counted from the sheet's first page: &N is the page
 * count of the whole print job in Excel and LibreOffice alike (no header code counts a sheet's pages),
 * so printed whole every sheet said 共 46 页. The signature line after its last row ends a register.
 */
function pageFooter(table: Table, several: boolean): string {
  const label = (several ? table.heading?.page : table.heading?.pageOf) ?? (several ? "{page}" : "{page} / {pages}");
  return `&C${label.replace(/&/g, "&&").replace(/\{page\}/g, "&P").replace(/\{pages\}/g, "&N")}`;
}

/** Points per line of the default 11-point font, CJK included. */
const LINE_HEIGHT_PT = 15;
/** Excel's tallest row is 409 points. */
const MAX_ROW_LINES = 27;

/** Lines a value takes in a column `width` characters wide (a CJK character counts two), wrapped by the spreadsheet. */
function wrappedLines(value: string, width: number): number {
  const room = Math.max(1, width - 1);
  // Most values are short: no character is wider than two columns.
  if (value.length * 2 <= room && !value.includes("\n")) return 1;
  let lines = 0;
  for (const line of value.split(/\r?\n/)) lines += Math.max(1, Math.ceil(displayWidth(line) / room));
  return lines;
}

/**
 * The styles of a sheet's data cells, one object per kind of cell, shared by every cell of that kind:
 * exceljs finds the number of a style object it has seen before in a WeakMap, but turns every other
 * one into XML to look it up (a third of the time a workbook took). A style is shared only between
 * cells of the same value type, since exceljs adds a number format for numbers (and dates) that
 * have none.
 */
class CellStyles {
  readonly date: Partial<Style> = { numFmt: "yyyy-mm-dd", alignment: { vertical: "top", wrapText: false }, border: THIN_BORDER };
  private readonly others = new Map<string, Partial<Style>>();

  of(number: boolean, wrap: boolean): Partial<Style> {
    const key = `${number}:${wrap}`;
    let style = this.others.get(key);
    if (!style) this.others.set(key, (style = { alignment: { vertical: "top", wrapText: wrap }, border: THIN_BORDER }));
    return style;
  }

  /** A number of a Column.grouped column: #,##0, or #,##0.00 with a fraction (as groupedNumber shows it). */
  grouped(value: number, wrap: boolean): Partial<Style> {
    const numFmt = Number.isInteger(value) ? "#,##0" : "#,##0.00";
    const key = `${numFmt}:${wrap}`;
    let style = this.others.get(key);
    if (!style) this.others.set(key, (style = { numFmt, alignment: { vertical: "top", wrapText: wrap }, border: THIN_BORDER }));
    return style;
  }
}

/** Excel limits sheet names to 31 characters without []:*?/\ and unique within the workbook. */
function uniqueSheetName(name: string, used: Set<string>): string {
  const base = (name.replace(SHEET_NAME_FORBIDDEN, "_").trim() || "Sheet").slice(0, 31);
  let candidate = base;
  for (let i = 2; used.has(candidate.toLowerCase()); i++) candidate = `${base.slice(0, 31 - String(i).length - 1)}_${i}`;
  used.add(candidate.toLowerCase());
  return candidate;
}

function oneLine(s: string): string {
  return s.replace(/\s*\r?\n\s*/g, " ");
}
