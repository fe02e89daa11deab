/**
 * A register or matrix as plain data, and its renderings. Every list and matrix of csr builds a
 * Table; the output format is chosen at the end.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { displayWidth, escapeHtml, padEnd, visible } from "../core/text.js";
import { insideRepository } from "../core/write.js";
import { TEMPLATES_DIR } from "../load/package.js";
import { translate, type Lang } from "../i18n/index.js";
import { columnLetter, writeWorkbook, xmlText, type CellFormat, type StyleSheet } from "./xlsx.js";

export type Cell = string | number | null;

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
}

/** The class a column's cells get in HTML and PDF: its kind, or "date". */
export function columnClass(column: Column): ColumnKind | "date" {
  return column.date ? "date" : (column.kind ?? "text");
}

export interface Table {
  /** Stable name of the register, e.g. "procedures"; a repository template named after it wins. */
  id?: string;
  /** Title printed above the table, e.g. "程序文件一览表（共 15 份）". */
  title: string;
  /** Name of the sheet in a workbook (short, no special characters). */
  sheet: string;
  columns: Column[];
  rows: Record<string, Cell>[];
  /** Keys of the columns a terminal shows (`--format table`), for a register too wide for a screen; every column when absent. */
  terminal?: string[];
  /** Lines printed after the table, e.g. a coverage summary. */
  notes?: string[];
  /** The register's heading as an auditor expects it on paper; see registerHeading in commands/shared/output.ts. */
  heading?: RegisterHeading;
  /**
   * For a register whose title names the day its figures depend on (working days used by open
   * reviews): that day (YYYY-MM-DD) and the title without it. The day is printed once: in the
   * heading where there is one (the title then goes without it), and in a CSV, which has neither
   * title nor heading, as a last column (see withHeading in commands/shared/output.ts).
   */
  asOf?: { date: string; undatedTitle: string };
}

/** Organisation, the register's own form number and version, the as-of date and signature lines (编制/审核/批准). */
export interface RegisterHeading {
  organisation: string;
  /** e.g. "表单编号：QR-001-02 A/0"; empty when the organisation has not named a form for the register. */
  form: string;
  /** e.g. "截至 2026-11-27". */
  asOf: string;
  /** Labels of the signature lines, e.g. ["编制", "审核", "批准"]; empty for none. */
  signatures: string[];
  /** The heading's punctuation in its language: " ｜ ", "：", "　" in Chinese; " | ", ": ", "   " in English. */
  separator: string;
  colon: string;
  gap: string;
}

export const TABLE_FORMATS = ["table", "md", "html", "csv", "xlsx", "json", "pdf"] as const;
export type TableFormat = (typeof TABLE_FORMATS)[number];

const text = (cell: Cell | undefined): string => (cell === null || cell === undefined ? "" : String(cell));

/** A terminal table whose columns line up with Chinese text (wide characters count double). */
export function toTerminal(table: Table): string {
  const keys = table.terminal ? new Set(table.terminal) : undefined;
  const columns = keys ? table.columns.filter((c) => keys.has(c.key)) : table.columns;
  // Values are shown with their control characters escaped: a table never steers the terminal.
  const cell = (value: Cell | undefined) => visible(oneLine(text(value)));
  const headers = columns.map((c) => c.short ?? c.header);
  const widths = columns.map((c, i) => Math.max(displayWidth(headers[i]!), ...table.rows.map((r) => displayWidth(cell(r[c.key])))));
  const line = (cells: string[]) => cells.map((cell, i) => padEnd(cell, widths[i]!)).join("  ").trimEnd();
  const out = [table.title, "", line(headers), line(widths.map((w) => "-".repeat(w)))];
  for (const row of table.rows) out.push(line(columns.map((c) => cell(row[c.key]))));
  if (table.notes?.length) out.push("", ...table.notes);
  return out.join("\n") + "\n";
}

/**
 * A value inside a Markdown table cell: one line, with backslashes, pipes and link brackets
 * escaped and raw HTML turned into text, so that a title cannot inject `<script>` or a link.
 */
function markdownCell(s: string): string {
  return oneLine(s).replace(/[\\|[\]]/g, "\\$&").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function toMarkdown(table: Table): string {
  const escape = markdownCell;
  const out = [`## ${table.title}`, "", ...headingLines(table.heading), `| ${table.columns.map((c) => escape(c.header)).join(" | ")} |`, `|${table.columns.map(() => " --- |").join("")}`];
  for (const row of table.rows) out.push(`| ${table.columns.map((c) => escape(text(row[c.key]))).join(" | ")} |`);
  if (table.notes?.length) out.push("", ...table.notes.map((n) => `${n}  `));
  if (table.heading?.signatures.length) out.push("", signatureLine(table.heading));
  return out.join("\n") + "\n";
}

function headingLines(heading: RegisterHeading | undefined): string[] {
  if (!heading) return [];
  return [[heading.organisation, heading.form, heading.asOf].filter(Boolean).map(markdownCell).join(heading.separator), ""];
}

/** 编制：________　审核：________　批准：________ (Prepared: ________   Reviewed: ________ in English). */
export function signatureLine(heading: RegisterHeading): string {
  return heading.signatures.map((s) => `${s}${heading.colon}________`).join(heading.gap);
}

/** RFC 4180 CSV with a UTF-8 BOM so that Excel opens Chinese text correctly. */
export function toCsv(table: Table): string {
  const quote = (cell: Cell | undefined) => {
    // Text starting with = + - @ would run as a formula when the file is opened in a spreadsheet.
    const s = typeof cell === "string" && /^[=+\-@]/.test(cell) ? `'${cell}` : text(cell);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const out = [table.columns.map((c) => quote(c.header)).join(",")];
  for (const row of table.rows) out.push(table.columns.map((c) => quote(row[c.key])).join(","));
  return "\ufeff" + out.join("\r\n") + "\r\n";
}

export function toJson(table: Table): string {
  return (
    JSON.stringify(
      {
        title: table.title,
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
 * A CSV has no title or heading, so the day a table's figures were measured on (its `asOf`) goes
 * into every row; a table that does not depend on the day is returned as it is.
 */
export function withAsOfColumn(table: Table, lang: Lang): Table {
  if (!table.asOf) return table;
  const date = table.asOf.date;
  return { ...table, columns: [...table.columns, { key: "asOf", header: translate(lang, "as-of.column"), date: true }], rows: table.rows.map((r) => ({ ...r, asOf: date })) };
}

/** What a table template sees: every cell already turned into text, in column order. */
export interface TableView {
  id: string;
  title: string;
  sheet: string;
  lang: string;
  /** `kind`: the column's class (see columnClass), which the template's CSS lays out. */
  columns: { key: string; header: string; date: boolean; kind: ColumnKind | "date" }[];
  rows: { cells: string[] }[];
  notes: string[];
  heading?: RegisterHeading;
  /** More than eight columns, or columns wider than a portrait page holds (see printedWide): printed on landscape A4. */
  wide: boolean;
  /** Twenty columns or more (the CSR matrix and list, see printedCrowded): printed smaller on landscape A3, so that every column fits the page. */
  crowded: boolean;
}

export function tableView(table: Table, lang = "zh-CN"): TableView {
  return {
    id: table.id ?? "table",
    title: table.title,
    sheet: table.sheet,
    lang,
    columns: table.columns.map((c) => ({ key: c.key, header: c.header, date: c.date === true, kind: columnClass(c) })),
    rows: table.rows.map((r) => ({ cells: table.columns.map((c) => text(r[c.key])) })),
    notes: table.notes ?? [],
    ...(table.heading ? { heading: table.heading } : {}),
    wide: printedWide(table),
    crowded: printedCrowded(table),
  };
}

/**
 * Whether a register prints on landscape A3, in its PDF and its workbook alike: twenty columns or
 * more (the CSR matrix, the CSR list). Their identifiers, codes and dates never wrap, and at that
 * many columns they alone are wider than a landscape A4 page.
 */
function printedCrowded(table: Table): boolean {
  return table.columns.length >= 20;
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
  return table.columns.length > 8 || columnWidths(table).reduce((sum, w) => sum + w, 0) > PORTRAIT_UNITS;
}

export interface TemplateOptions {
  /** The repository root: its templates/tables/ folder overrides the shipped templates. */
  root?: string;
  lang?: string;
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

/** Markdown or HTML through a Handlebars template; HTML escapes every value, Markdown escapes table syntax. */
export async function renderTableTemplate(table: Table, format: "md" | "html", options: TemplateOptions = {}): Promise<string> {
  const { default: Handlebars } = await import("handlebars");
  const hbs = Handlebars.create();
  hbs.registerHelper("md", (value: unknown) => markdownCell(String(value ?? "")));
  hbs.registerHelper("br", (value: unknown) => new hbs.SafeString(escapeHtml(String(value ?? "")).replace(/\r?\n/g, "<br>")));
  // A list's items never break inside ("list" cells are keep-all in table.html.hbs): a line may end only
  // after a separator. In a list or free text, a hyphenated number or date ("QP-006", "2026-01-26")
  // is kept on one line, as a browser would otherwise break it after its hyphen.
  hbs.registerHelper("cell", (value: unknown, kind: unknown) => {
    let html = escapeHtml(String(value ?? ""));
    if (kind === "list" || kind === "text" || kind === "prose") html = html.replace(/[A-Za-z0-9][A-Za-z0-9.]*(?:-[A-Za-z0-9.]+)+/g, '<span class="nobr">$&</span>');
    if (kind === "list") html = html.replace(/([/、，,；;])/g, "$1<wbr>");
    return new hbs.SafeString(html.replace(/\r?\n/g, "<br>"));
  });
  const path = tableTemplatePath(table, format, options.root);
  const template = hbs.compile(readFileSync(path, "utf8"), { noEscape: format === "md", strict: false });
  return template(tableView(table, options.lang));
}


const MAX_COLUMN_WIDTH = 60;
/** Excel refuses to open a workbook with a cell of more than 32,767 characters. */
const EXCEL_CELL_LIMIT = 32_767;
/** Ends a cut cell, so that a reader sees the text is not complete and where the rest is. */
const CUT_MARKER = "…〔截断：超过 Excel 单元格 32767 字符上限，全文见 YAML 文件〕";
const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/g;

/**
 * Writes one workbook with a sheet per table to `path`: the title in row 1, the header in row 2,
 * both frozen and repeated on every printed page; an autofilter over the header; thin borders;
 * widths that fit Chinese text; dates as real Excel dates; printed landscape (see printLayout).
 * The XML is written by report/xlsx.ts, strings inline, and each sheet goes to the file in pieces
 * as it is written, so memory does not grow with the workbook. A text longer than an Excel cell
 * holds is cut with a visible marker and reported through `onCut`.
 */
export async function writeXlsx(tables: Iterable<Table>, path: string, onCut: (where: string, length: number) => void = () => undefined): Promise<void> {
  writeWorkbook(path, (sheet, styles) => {
    const formats = new SheetFormats(styles);
    const used = new Set<string>();
    for (const table of tables) {
      const name = uniqueSheetName(table.sheet, used);
      const widths = columnWidths(table);
      const layout = printLayout(table, widths);
      sheet({ name, filterColumns: table.columns.length, printTitlesColumn: layout.printTitlesColumn }, (write) => writeSheet(write, name, table, widths, layout, formats, onCut));
    }
  });
}

/** The cell formats of the registers: one object each, so that the workbook numbers each once. */
class SheetFormats {
  private static readonly THIN_BORDER = '<border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border>';
  private static readonly TITLE: CellFormat = { font: "<font><b/><sz val=\"14\"/></font>" };
  private static readonly HEADER: CellFormat = {
    font: "<font><b/></font>",
    border: SheetFormats.THIN_BORDER,
    fill: '<fill><patternFill patternType="solid"><fgColor rgb="FFD9E1F2"/></patternFill></fill>',
    alignment: '<alignment horizontal="center" vertical="center" wrapText="1"/>',
  };
  private static readonly DATE: CellFormat = { numFmt: "yyyy-mm-dd", border: SheetFormats.THIN_BORDER, alignment: '<alignment vertical="top"/>' };
  private static readonly CELL: CellFormat = { border: SheetFormats.THIN_BORDER, alignment: '<alignment vertical="top"/>' };
  private static readonly WRAPPED: CellFormat = { border: SheetFormats.THIN_BORDER, alignment: '<alignment vertical="top" wrapText="1"/>' };

  constructor(private readonly styles: StyleSheet) {}

  /** Each format's number, given when it is first used: the workbook numbers its formats in that order. */
  get title(): number {
    return this.styles.id(SheetFormats.TITLE);
  }
  get header(): number {
    return this.styles.id(SheetFormats.HEADER);
  }
  get date(): number {
    return this.styles.id(SheetFormats.DATE);
  }
  cell(wrap: boolean): number {
    return this.styles.id(wrap ? SheetFormats.WRAPPED : SheetFormats.CELL);
  }
}

/** Each column's width in Excel's units (characters of the default font): its widest line, within bounds. */
function columnWidths(table: Table): number[] {
  return table.columns.map((c) => {
    // A check-mark column's long header ("C1 市场开发与顾客要求评审") wraps above a narrow column.
    const widest = Math.max(
      c.kind === "mark" ? Math.min(displayWidth(c.header), 10) : displayWidth(c.header),
      ...table.rows.map((r) => Math.max(0, ...text(r[c.key]).split(/\r?\n/).map(displayWidth))),
    );
    return Math.min(MAX_COLUMN_WIDTH, Math.max(c.date ? 12 : 6, widest + 2));
  });
}

/**
 * Column width units (characters of the default 11-point font) across the printable width of a
 * landscape page, at the smallest scale that is still read without effort (70 %): A4 297 mm and
 * A3 420 mm, less 2 × 18 mm margins, at about 1.9 mm per unit.
 */
const PAGE_UNITS = { a4: Math.floor(261 / 1.9 / 0.7), a3: Math.floor(384 / 1.9 / 0.7) };

/**
 * How a sheet is printed: on A4, or on A3 when it has twenty columns or more (as the PDF of the
 * same register); one page wide when its columns fit at a readable scale, else as many pages wide
 * as they need, with the columns up to the id repeated on each. Excel's and LibreOffice's "fit to
 * one page wide" alone shrank the 33 columns of the CSR list to an unreadable size.
 */
function printLayout(table: Table, widths: number[]): { paperSize: 8 | 9; fitToWidth: number; printTitlesColumn?: string } {
  const a3 = printedCrowded(table);
  const total = widths.reduce((sum, w) => sum + w, 0);
  const pages = Math.max(1, Math.ceil(total / (a3 ? PAGE_UNITS.a3 : PAGE_UNITS.a4)));
  // Repeated on each page across: the columns up to the first identifier (序号 and 编号).
  const id = table.columns.findIndex((c) => c.kind === "id");
  const repeated = `A:${columnLetter(id >= 0 && id < 3 ? id + 1 : 1)}`;
  // The file format's paper sizes: 8 is A3, 9 is A4.
  return { paperSize: a3 ? 8 : 9, fitToWidth: pages, ...(pages > 1 ? { printTitlesColumn: repeated } : {}) };
}

/** A row of cells; a cell of format 0 without a value is left out, and so is a row without values or height. */
function rowXml(r: number, cells: string[], hasValues: boolean, height?: number): string {
  if (!hasValues && !height) return "";
  return `<row r="${r}"${height ? ` ht="${height}" customHeight="1"` : ""}${cells.length ? ` spans="1:${cells.length}"` : ""} x14ac:dyDescent="0.25">${cells.join("")}</row>`;
}

const styleAttribute = (style: number) => (style ? ` s="${style}"` : "");
const stringCell = (ref: string, style: number, text: string) => `<c r="${ref}"${styleAttribute(style)} t="str"><v>${xmlText(text)}</v></c>`;
const emptyCell = (ref: string, style: number) => (style ? `<c r="${ref}" s="${style}"/>` : "");

/** Days since 1899-12-30 of a YYYY-MM-DD date: the date as a spreadsheet stores it. */
function serialDate(date: string): string {
  return String(25569 + Date.parse(`${date}T00:00:00Z`) / (24 * 3600 * 1000));
}

/**
 * One sheet's XML: the title row (merged across the columns), the header, a row per table row with
 * its height when it wraps, the notes and the signature line below; frozen under the header, an
 * autofilter over it, printed as printLayout says.
 */
function writeSheet(write: (text: string) => void, name: string, table: Table, widths: number[], layout: ReturnType<typeof printLayout>, formats: SheetFormats, onCut: (where: string, length: number) => void): void {
  const count = Math.max(1, table.columns.length);
  const letters = Array.from({ length: count }, (_, i) => columnLetter(i + 1));
  write(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">' +
      '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><sheetViews><sheetView workbookViewId="0"><pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView></sheetViews>' +
      '<sheetFormatPr defaultRowHeight="15" outlineLevelRow="0" outlineLevelCol="0" x14ac:dyDescent="55"/>' +
      columnsXml(widths) +
      "<sheetData>",
  );
  const title = formats.title;
  write(rowXml(1, [stringCell("A1", title, table.title), ...letters.slice(1).map((l) => `<c r="${l}1"${styleAttribute(title)}/>`)], true));
  // A wrapped header needs a taller row: Excel does not fit a row's height to its text when it opens a file.
  const headerLines = Math.max(1, ...table.columns.map((c, i) => Math.ceil(displayWidth(c.header) / Math.max(1, widths[i]! - 2))));
  if (table.columns.length > 0) {
    const header = formats.header;
    write(rowXml(2, table.columns.map((c, i) => stringCell(`${letters[i]}2`, header, c.header)), true, headerLines > 1 ? 15 * headerLines : undefined));
  }
  for (const [r, row] of table.rows.entries()) {
    const number = r + 3;
    let lines = 1;
    let hasValues = false;
    const cells = table.columns.map((c, i) => {
      const value = row[c.key];
      const ref = `${letters[i]}${number}`;
      // A value wider than its column, or of several lines, wraps; the row is made tall enough for
      // it, since neither Excel nor LibreOffice fits a row to its text when it opens a file (a
      // printed clause list once showed only its first line).
      const height = typeof value === "string" ? wrappedLines(value, widths[i]!) : 1;
      lines = Math.max(lines, height);
      if (value === null || value === undefined) return emptyCell(ref, formats.cell(false));
      hasValues = true;
      if (typeof value === "number") return `<c r="${ref}"${styleAttribute(formats.cell(false))}><v>${value}</v></c>`;
      if (c.date && /^\d{4}-\d{2}-\d{2}$/.test(value)) return `<c r="${ref}"${styleAttribute(formats.date)}><v>${serialDate(value)}</v></c>`;
      let text = value;
      if (value.length > EXCEL_CELL_LIMIT) {
        text = value.slice(0, EXCEL_CELL_LIMIT - CUT_MARKER.length) + CUT_MARKER;
        onCut(`sheet ${name}, cell ${ref} (${c.header})`, value.length);
      }
      return stringCell(ref, formats.cell(height > 1), text);
    });
    write(rowXml(number, cells, hasValues, lines > 1 ? LINE_HEIGHT_PT * Math.min(lines, MAX_ROW_LINES) : undefined));
  }
  let at = table.rows.length + 4;
  for (const note of table.notes ?? []) write(rowXml(at, [stringCell(`A${at++}`, 0, note)], true));
  if (table.heading?.signatures.length) write(rowXml(at + 1, [stringCell(`A${at + 1}`, 0, signatureLine(table.heading))], true));
  write("</sheetData>");
  if (table.columns.length > 0) write(`<autoFilter ref="A2:${letters[count - 1]}2"/>`);
  if (count > 1) write(`<mergeCells count="1"><mergeCell ref="A1:${letters[count - 1]}1"/></mergeCells>`);
  write(
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
      `<pageSetup paperSize="${layout.paperSize}" orientation="landscape" horizontalDpi="4294967295" verticalDpi="4294967295" scale="100" fitToWidth="${layout.fitToWidth}" fitToHeight="0"/>`,
  );
  if (table.heading) {
    const h = table.heading;
    const quote = (t: string) => t.replace(/&/g, "&&");
    const header = `&L${quote(h.organisation)}&C${quote(table.title)}&R${quote([h.form, h.asOf].filter(Boolean).join(" "))}`;
    write(`<headerFooter><oddHeader>${xmlText(header)}</oddHeader><oddFooter>&amp;C&amp;P / &amp;N</oddFooter></headerFooter>`);
  }
  write("</worksheet>");
}

/** The columns' widths, neighbours of the same width as one range; a column of the default width (9) is left out. */
function columnsXml(widths: number[]): string {
  const ranges: { min: number; max: number; width: number }[] = [];
  let last: (typeof ranges)[number] | undefined;
  widths.forEach((width, i) => {
    if (width === 9) last = undefined;
    else if (last && last.width === width) last.max = i + 1;
    else ranges.push((last = { min: i + 1, max: i + 1, width }));
  });
  return ranges.length ? `<cols>${ranges.map((c) => `<col min="${c.min}" max="${c.max}" width="${c.width}" customWidth="1"/>`).join("")}</cols>` : "";
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
