/**
 * Reading a register from an Excel workbook or a CSV file into plain rows. Cells keep what the
 * spreadsheet had: text, a number (possibly an Excel serial date) or a real date.
 */
import { closeSync, openSync, readFileSync, readSync } from "node:fs";
import { extname } from "node:path";
import type { Worksheet } from "exceljs";
import { UserError } from "../core/errors.js";
import { list, t } from "../i18n/index.js";
import { readZip, type ZipLimits } from "../load/zip.js";
import { findHeaderRow } from "./headers.js";

/** A cell whose value cannot be read as text (an Excel error such as #N/A, an unknown object). */
export class UnreadableCell {
  constructor(readonly reason: string) {}
}

export type RawCell = string | number | Date | UnreadableCell;

export interface RawRow {
  /** 1-based row number as the spreadsheet shows it. */
  row: number;
  cells: RawCell[];
  /** Hidden in Excel: how a register often "removes" a withdrawn entry without deleting its line (tester54b B7). */
  hidden?: boolean;
}

export interface RawSheet {
  name: string;
  rows: RawRow[];
  /** How a CSV file was read. */
  csv?: CsvFormat;
  /** Columns hidden in Excel, 0-based, as RawRow cells are indexed. */
  hiddenColumns?: number[];
  /** The workbook's other sheets that hold anything (修订记录, 发放记录): not read, which the import says. */
  others?: string[];
}

export type CsvEncoding = "UTF-8" | "UTF-16LE" | "UTF-16BE" | "GB18030";
export type CsvDelimiter = "," | ";" | "\t";

export interface CsvFormat {
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
}

/**
 * The rows of a CSV file (also .txt, Excel's "Unicode text", and .tsv), or of one sheet of a workbook: the sheet named `sheet`; else the only one;
 * else the one `choose` picks from all of them (the first sheet when no `choose` is given).
 */
export async function readRegister(path: string, sheet?: string, choose?: (sheets: RawSheet[]) => RawSheet): Promise<RawSheet> {
  const ext = extname(path).toLowerCase();
  // Excel saves "Unicode text" (tab-separated UTF-16) as .txt; .tsv is tab-separated text too: read as CSV files are.
  if (ext === ".csv" || ext === ".txt" || ext === ".tsv") {
    if (sheet !== undefined) throw new UserError(t("import.read.sheet-in-csv"));
    const { text, encoding } = decodeCsv(readFileSync(path));
    const delimiter = csvDelimiter(text);
    return { name: "csv", rows: csvRows(text, delimiter), csv: { encoding, delimiter } };
  }
  if (ext === ".xlsx") return readXlsx(path, sheet, choose);
  throw new UserError(t("import.read.unknown-format", { path }), t("import.read.unknown-format.hint"));
}

const csvRows = (text: string, delimiter: CsvDelimiter): RawRow[] => parseCsv(text, delimiter).map((cells, i) => ({ row: i + 1, cells: cells.map(csvCell) }));

/**
 * A CSV field as a spreadsheet shows it, which is how `csr export` and `csr list --format csv` write a
 * text that is not to be read as a number, a date or a formula (toCsv in report/table.ts): the
 * formula `="1.0"` shows its text, 1.0; an apostrophe before = + - @, a tab or a carriage return is
 * the one csr puts there (a text that starts with apostrophes and one of those gets one more).
 */
export function csvCell(field: string): string {
  const formula = /^="([^"]*)"$/.exec(field);
  if (formula) return formula[1]!;
  return /^'+[=+\-@\t\r]/.test(field) ? field.slice(1) : field;
}

/**
 * The text of a CSV file and the encoding it was read in. Excel writes UTF-8 for "CSV UTF-8", UTF-16LE
 * with a byte order mark for "Unicode text", and GBK for the plain "CSV" on Chinese Windows. A BOM
 * settles UTF-16; otherwise UTF-8 when the bytes are valid UTF-8. Bytes that are not are read as
 * GB18030 (GBK's superset) only when that is certain: they decode without error and give a header row
 * with Chinese column names (序号, 文件名称 …); text in another encoding (Big5, Shift-JIS) does not.
 * Errors: UserError naming the encoding (UTF-16 without a BOM, or neither UTF-8 nor GBK).
 */
export function decodeCsv(bytes: Buffer): { text: string; encoding: CsvEncoding } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes), encoding: "UTF-16LE" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder("utf-16be").decode(bytes), encoding: "UTF-16BE" };
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, encoding: "UTF-8" };
  } catch {
    // UTF-16 without a BOM: every ASCII character has a zero byte beside it.
    if (bytes.includes(0)) throw new UserError(t("import.read.csv-utf16"), t("import.read.csv-not-utf8.hint"));
    const text = gb18030(bytes);
    const header = text === undefined ? undefined : findHeaderRow(csvRows(text, csvDelimiter(text)).slice(0, 10));
    if (text !== undefined && header && [...header.labels.values()].some((label) => /\p{Script=Han}/u.test(label))) return { text, encoding: "GB18030" };
    throw new UserError(t("import.read.csv-not-utf8"), t("import.read.csv-not-utf8.hint"));
  }
}

function gb18030(bytes: Buffer): string | undefined {
  try {
    return new TextDecoder("gb18030", { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * The delimiter of a CSV file: a comma, unless semicolons (Excel where the decimal mark is a comma)
 * or tabs (Excel's "Unicode text") outnumber the commas outside quotes in its first ten lines. A
 * cell's own commas or semicolons are a few; the delimiter stands between every two columns.
 */
export function csvDelimiter(text: string): CsvDelimiter {
  const head = text.split(/\r?\n|\r/, 10).join("\n").replace(/"[^"]*"/g, "");
  const count = (ch: string) => head.split(ch).length - 1;
  const commas = count(",");
  const [best, most] = ([";", "\t"] as const).map((d) => [d, count(d)] as const).reduce((a, b) => (b[1] > a[1] ? b : a));
  return most > commas ? best : ",";
}

/** RFC 4180: quoted fields may hold the delimiter, quotes ("") and line breaks. */
export function parseCsv(text: string, delimiter: CsvDelimiter = ","): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"' && field === "") {
      quoted = true;
    } else if (ch === delimiter) {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else {
      field += ch;
    }
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** A register of documents or CSRs has hundreds of rows; the bounds stop a zip bomb or a full sheet in seconds. */
const XLSX_LIMITS: ZipLimits = { maxFileBytes: 32 * 1024 * 1024, maxInflatedBytes: 64 * 1024 * 1024, maxEntries: 5000 };
export const MAX_REGISTER_ROWS = 100_000;

/**
 * The workbook's parts are inflated within XLSX_LIMITS and its rows counted before exceljs reads
 * it, since exceljs would inflate and hold everything. Errors: UserError naming the file.
 */
async function boundedWorkbook(path: string): Promise<Buffer> {
  const head = Buffer.alloc(4);
  const fd = openSync(path, "r");
  try {
    readSync(fd, head, 0, 4, 0);
  } finally {
    closeSync(fd);
  }
  // Not a zip at all: exceljs says so in its own words below.
  if (head.readUInt32LE(0) !== 0x04034b50) return readFileSync(path);
  const parts = await readZip(path, `'${path}'`, XLSX_LIMITS);
  for (const [name, part] of parts) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) continue;
    const xml = Buffer.from(part.buffer, part.byteOffset, part.byteLength);
    let rows = 0;
    for (let at = xml.indexOf("<row"); at >= 0; at = xml.indexOf("<row", at + 4)) {
      if (++rows > MAX_REGISTER_ROWS) {
        throw new UserError(t("import.read.too-many-rows", { path, max: MAX_REGISTER_ROWS.toLocaleString("en"), sheet: name.slice("xl/worksheets/".length) }), t("import.read.too-many-rows.hint"));
      }
    }
  }
  return readFileSync(path);
}

/**
 * exceljs (4.4.0) decodes XML entities a second time in the text its XML parser has decoded already:
 * the value of a text cell written as `<c t="str">` (as `csr export` and other writers without
 * shared strings write every text, and Excel a formula's text result) and a sheet's name. A cell
 * whose text is `R&amp;D` came in as `R&D`, and `&lt;` as `<`. The second decoding is made to keep
 * the text as it is; shared strings, rich text, inline strings and hyperlinks are decoded once already.
 */
async function decodeXmlOnce(): Promise<void> {
  const { default: utils } = await import("exceljs/lib/utils/utils.js");
  utils.xmlDecode = (text) => text;
}

async function readXlsx(path: string, sheetName?: string, choose?: (sheets: RawSheet[]) => RawSheet): Promise<RawSheet> {
  const bytes = await boundedWorkbook(path);
  const [{ default: ExcelJS }] = await Promise.all([import("exceljs"), decodeXmlOnce()]);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new UserError(t("import.read.not-a-workbook", { path, reason: (error as Error).message }), t("import.read.not-a-workbook.hint"));
  }
  const names = workbook.worksheets.map((w) => w.name);
  const others = (chosen: string) => {
    const filled = workbook.worksheets.filter((w) => w.name !== chosen && w.actualRowCount > 0).map((w) => w.name);
    return filled.length ? { others: filled } : {};
  };
  if (sheetName === undefined && choose && workbook.worksheets.length > 1) {
    const chosen = choose(workbook.worksheets.map(rawSheet));
    return { ...chosen, ...others(chosen.name) };
  }
  const sheet = sheetName === undefined ? workbook.worksheets[0] : workbook.getWorksheet(sheetName);
  if (!sheet) {
    throw new UserError(
      sheetName === undefined ? t("import.read.no-worksheet", { path }) : t("import.read.no-such-sheet", { path, sheet: sheetName, sheets: list(names) }),
    );
  }
  return { ...rawSheet(sheet), ...others(sheet.name) };
}

function rawSheet(sheet: Worksheet): RawSheet {
  const rows: RawRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: RawCell[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellValue(row.getCell(c).value));
    rows.push({ row: rowNumber, cells, ...(row.hidden ? { hidden: true } : {}) });
  });
  const width = Math.max(0, ...rows.map((r) => r.cells.length));
  const hiddenColumns = Array.from({ length: width }, (_, i) => i).filter((i) => sheet.getColumn(i + 1).hidden);
  return { name: sheet.name, rows, ...(hiddenColumns.length ? { hiddenColumns } : {}) };
}

/**
 * A cell as the spreadsheet displays it. exceljs gives objects for rich text ({richText}), hyperlinks
 * ({text, hyperlink}, where text may itself be rich text), formulas and shared formulas ({formula or
 * sharedFormula, result}) and errors ({error}); a formula without a cached result, or an error, is
 * unreadable and named as such rather than read as blank.
 */
export function cellValue(value: unknown): RawCell {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return String(value);
  if (value instanceof Date) return value;
  if (typeof value === "object") {
    const v = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: unknown; formula?: unknown; sharedFormula?: unknown };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join("");
    if ("error" in v) return new UnreadableCell(t("import.read.cell-error", { error: String(v.error) }));
    if ("formula" in v || "sharedFormula" in v) {
      return v.result === undefined || v.result === null ? new UnreadableCell(t("import.read.formula-without-value")) : cellValue(v.result);
    }
    if ("text" in v) return cellValue(v.text);
  }
  return new UnreadableCell(t("import.read.cell-not-a-value"));
}
