/**
 * Excel workbooks (.xlsx, Office Open XML SpreadsheetML) written directly: a sheet per table with
 * the title in row 1 and the header in row 2, both frozen, an autofilter over the header, widths
 * that fit Chinese text, dates as real Excel dates, strings inline. The package is deflated as it
 * is written and streamed to the file (zip.ts), so memory does not grow with the workbook.
 *
 * Written here rather than with exceljs: a workbook of registers needs a handful of XML parts, and
 * loading exceljs alone costs more than writing every register of a 1,000-entity repository (which
 * `csr site` does on each build). exceljs still reads workbooks (csr import).
 */
import { closeSync, openSync } from "node:fs";
import { displayWidth } from "../core/text.js";
import type { Cell, Table } from "./table.js";
import { ZipWriter } from "./zip.js";

const MAX_COLUMN_WIDTH = 60;
/** Excel refuses to open a workbook with a cell of more than 32,767 characters. */
const EXCEL_CELL_LIMIT = 32_767;
/** Ends a cut cell, so that a reader sees the text is not complete and where the rest is. */
const CUT_MARKER = "…〔截断：超过 Excel 单元格 32767 字符上限，全文见 YAML 文件〕";
const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/g;
/** Rows are handed to the compressor in batches of this many. */
const ROWS_PER_CHUNK = 500;

/** Cell styles of styles.xml, by their index in cellXfs. */
const STYLE = { title: 1, header: 2, body: 3, wrapped: 4, date: 5 } as const;

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

/**
 * Writes one workbook with a sheet per table to `path`. A text longer than an Excel cell holds is
 * cut with a visible marker and reported through `onCut` ("sheet 表单清单, cell C4 (名称)", length).
 * Errors: the file system's, when `path` cannot be written.
 */
export function writeWorkbook(tables: Table[], path: string, onCut: (where: string, length: number) => void): void {
  const fd = openSync(path, "w");
  try {
    const zip = new ZipWriter(fd);
    const used = new Set<string>();
    const names = tables.map((table) => uniqueSheetName(table.sheet, used));
    const sheets = names.map((_, i) => `xl/worksheets/sheet${i + 1}.xml`);
    zip.add("[Content_Types].xml", [contentTypes(sheets)]);
    zip.add("_rels/.rels", [
      `${XML}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`,
    ]);
    zip.add("docProps/core.xml", [
      `${XML}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>csr</dc:creator></cp:coreProperties>`,
    ]);
    zip.add("xl/workbook.xml", [workbook(names, tables)]);
    zip.add("xl/_rels/workbook.xml.rels", [
      `${XML}<Relationships xmlns="${PKG_REL}">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("")}<Relationship Id="rId${sheets.length + 1}" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    ]);
    zip.add("xl/styles.xml", [STYLES]);
    tables.forEach((table, i) => zip.add(sheets[i]!, batches(sheet(table, names[i]!, onCut))));
    zip.end();
  } finally {
    closeSync(fd);
  }
}

/** Pieces joined into batches, so that each deflate call has rows enough to compress well. */
function* batches(pieces: Iterable<string>): Generator<string> {
  let pending: string[] = [];
  for (const piece of pieces) {
    pending.push(piece);
    if (pending.length >= ROWS_PER_CHUNK) {
      yield pending.join("");
      pending = [];
    }
  }
  yield pending.join("");
}

function contentTypes(sheets: string[]): string {
  const type = "application/vnd.openxmlformats-officedocument.spreadsheetml";
  return `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${type}.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="${type}.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>${sheets.map((s) => `<Override PartName="/${s}" ContentType="${type}.worksheet+xml"/>`).join("")}</Types>`;
}

/** The sheets, and each autofilter's range as Excel names it (_xlnm._FilterDatabase). */
function workbook(names: string[], tables: Table[]): string {
  const filters = tables
    .map((table, i) => (table.columns.length > 0 ? `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">'${escapeXml(names[i]!).replace(/'/g, "''")}'!$A$2:$${column(table.columns.length)}$2</definedName>` : ""))
    .join("");
  return `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView/></bookViews><sheets>${names.map((name, i) => `<sheet name="${escapeXml(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets>${filters ? `<definedNames>${filters}</definedNames>` : ""}</workbook>`;
}

/** Fonts: normal, bold, bold 14 pt; fills: the two Excel requires, then the header's; cell styles as STYLE. */
const STYLES = `${XML}<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts><fonts count="3"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="14"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFD9E1F2"/><bgColor indexed="64"/></patternFill></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="6"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top"/></xf><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/** One sheet's XML, in pieces: the frame, then the rows in order, then what follows them. */
function* sheet(table: Table, name: string, onCut: (where: string, length: number) => void): Generator<string> {
  const count = Math.max(1, table.columns.length);
  const text = (cell: Cell | undefined) => (cell === null || cell === undefined ? "" : String(cell));
  const widths = table.columns.map((c) => {
    const widest = Math.max(displayWidth(c.header), ...table.rows.map((r) => Math.max(0, ...text(r[c.key]).split(/\r?\n/).map(displayWidth))));
    return Math.min(MAX_COLUMN_WIDTH, Math.max(c.date ? 12 : 6, widest + 2));
  });
  yield `${XML}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetViews><sheetView workbookViewId="0"><pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>`;
  if (widths.length > 0) yield `<cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("")}</cols>`;
  yield `<sheetData><row r="1">${stringCell("A1", table.title, STYLE.title)}</row>`;
  yield `<row r="2">${table.columns.map((c, i) => stringCell(`${column(i + 1)}2`, c.header, STYLE.header)).join("")}</row>`;
  for (const [r, row] of table.rows.entries()) {
    const line = r + 3;
    const cells = table.columns.map((c, i) => {
      const address = `${column(i + 1)}${line}`;
      const value = row[c.key];
      if (c.date && typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) return `<c r="${address}" s="${STYLE.date}"><v>${excelDate(value)}</v></c>`;
      if (typeof value === "number") return `<c r="${address}" s="${STYLE.body}"><v>${value}</v></c>`;
      if (value === null || value === undefined || value === "") return "";
      let shown = value;
      if (shown.length > EXCEL_CELL_LIMIT) {
        shown = shown.slice(0, EXCEL_CELL_LIMIT - CUT_MARKER.length) + CUT_MARKER;
        onCut(`sheet ${name}, cell ${address} (${c.header})`, value.length);
      }
      return stringCell(address, shown, value.includes("\n") ? STYLE.wrapped : STYLE.body);
    });
    yield `<row r="${line}">${cells.join("")}</row>`;
  }
  let at = table.rows.length + 4;
  for (const note of table.notes ?? []) {
    yield `<row r="${at}">${stringCell(`A${at}`, note, 0)}</row>`;
    at++;
  }
  yield "</sheetData>";
  if (table.columns.length > 0) yield `<autoFilter ref="A2:${column(count)}2"/>`;
  if (count > 1) yield `<mergeCells count="1"><mergeCell ref="A1:${column(count)}1"/></mergeCells>`;
  yield "</worksheet>";
}

function stringCell(address: string, value: string, style: number): string {
  return `<c r="${address}"${style ? ` s="${style}"` : ""} t="inlineStr"><is><t xml:space="preserve">${escapeXml(value)}</t></is></c>`;
}

/** Excel's column letters: 1 -> A, 27 -> AA. */
function column(n: number): string {
  let name = "";
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) name = String.fromCharCode(65 + ((k - 1) % 26)) + name;
  return name;
}

/** Days since 1899-12-30, Excel's day 0 (in the 1900 date system, past its leap-year bug). */
function excelDate(date: string): number {
  return (Date.parse(`${date}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/**
 * Text as XML character data. Characters XML 1.0 cannot hold (control characters, lone
 * surrogates) become U+FFFD, so that a stray byte in a YAML value cannot break the workbook.
 */
function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd")
    .replace(/[&<>"]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;"));
}

/** Excel limits sheet names to 31 characters without []:*?/\ and unique within the workbook. */
function uniqueSheetName(name: string, used: Set<string>): string {
  const base = (name.replace(SHEET_NAME_FORBIDDEN, "_").trim() || "Sheet").slice(0, 31);
  let candidate = base;
  for (let i = 2; used.has(candidate.toLowerCase()); i++) candidate = `${base.slice(0, 31 - String(i).length - 1)}_${i}`;
  used.add(candidate.toLowerCase());
  return candidate;
}
