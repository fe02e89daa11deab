/**
 * A register or matrix as plain data, and its renderings. Every list and matrix of csr builds a
 * Table; the output format is chosen at the end.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { displayWidth, padEnd } from "../core/text.js";
import { insideRepository } from "../core/write.js";
import { TEMPLATES_DIR } from "../load/package.js";

export type Cell = string | number | null;

export interface Column {
  key: string;
  header: string;
  /** Values are dates (YYYY-MM-DD): spreadsheets get real dates. */
  date?: boolean;
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
  /** Lines printed after the table, e.g. a coverage summary. */
  notes?: string[];
}

export const TABLE_FORMATS = ["table", "md", "html", "csv", "xlsx", "json"] as const;
export type TableFormat = (typeof TABLE_FORMATS)[number];

const text = (cell: Cell | undefined): string => (cell === null || cell === undefined ? "" : String(cell));

/** A terminal table whose columns line up with Chinese text (wide characters count double). */
export function toTerminal(table: Table): string {
  const widths = table.columns.map((c) => Math.max(displayWidth(c.header), ...table.rows.map((r) => displayWidth(oneLine(text(r[c.key]))))));
  const line = (cells: string[]) => cells.map((cell, i) => padEnd(cell, widths[i]!)).join("  ").trimEnd();
  const out = [table.title, "", line(table.columns.map((c) => c.header)), line(widths.map((w) => "-".repeat(w)))];
  for (const row of table.rows) out.push(line(table.columns.map((c) => oneLine(text(row[c.key])))));
  if (table.notes?.length) out.push("", ...table.notes);
  return out.join("\n") + "\n";
}

/** A value inside a Markdown table cell: one line, with backslashes and pipes escaped. */
function markdownCell(s: string): string {
  return oneLine(s).replace(/\\/g, "\\\\").replace(/\|/g, "\\|");
}

export function toMarkdown(table: Table): string {
  const escape = markdownCell;
  const out = [`## ${table.title}`, "", `| ${table.columns.map((c) => escape(c.header)).join(" | ")} |`, `|${table.columns.map(() => " --- |").join("")}`];
  for (const row of table.rows) out.push(`| ${table.columns.map((c) => escape(text(row[c.key]))).join(" | ")} |`);
  if (table.notes?.length) out.push("", ...table.notes.map((n) => `${n}  `));
  return out.join("\n") + "\n";
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

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]!);
}

/** What a table template sees: every cell already turned into text, in column order. */
export interface TableView {
  id: string;
  title: string;
  sheet: string;
  lang: string;
  columns: { key: string; header: string; date: boolean }[];
  rows: { cells: string[] }[];
  notes: string[];
}

export function tableView(table: Table, lang = "zh-CN"): TableView {
  return {
    id: table.id ?? "table",
    title: table.title,
    sheet: table.sheet,
    lang,
    columns: table.columns.map((c) => ({ key: c.key, header: c.header, date: c.date === true })),
    rows: table.rows.map((r) => ({ cells: table.columns.map((c) => text(r[c.key])) })),
    notes: table.notes ?? [],
  };
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
  const path = tableTemplatePath(table, format, options.root);
  const template = hbs.compile(readFileSync(path, "utf8"), { noEscape: format === "md", strict: false });
  return template(tableView(table, options.lang));
}


/**
 * Writes one workbook with a sheet per table to `path`: the title in row 1, the header in row 2,
 * both frozen; an autofilter over the header; widths that fit Chinese text; dates as real Excel
 * dates; streamed to the file (see xlsx.ts). A text longer than an Excel cell holds is cut with a
 * visible marker and reported through `onCut`.
 */
export async function writeXlsx(tables: Table[], path: string, onCut: (where: string, length: number) => void = () => undefined): Promise<void> {
  const { writeWorkbook } = await import("./xlsx.js");
  writeWorkbook(tables, path, onCut);
}

function oneLine(s: string): string {
  return s.replace(/\s*\r?\n\s*/g, " ");
}
