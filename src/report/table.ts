/**
 * A register or matrix as plain data, and its renderings. Every list and matrix of csr builds a
 * Table; the output format is chosen at the end.
 */
import { displayWidth, padEnd } from "../core/text.js";

export type Cell = string | number | null;

export interface Column {
  key: string;
  header: string;
  /** Values are dates (YYYY-MM-DD): spreadsheets get real dates. */
  date?: boolean;
}

export interface Table {
  /** Title printed above the table, e.g. "程序文件一览表（共 15 份）". */
  title: string;
  /** Name of the sheet in a workbook (short, no special characters). */
  sheet: string;
  columns: Column[];
  rows: Record<string, Cell>[];
  /** Lines printed after the table, e.g. a coverage summary. */
  notes?: string[];
}

export const TEXT_FORMATS = ["table", "md", "csv", "json"] as const;

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

export function toMarkdown(table: Table): string {
  const escape = (s: string) => oneLine(s).replace(/\\/g, "\\\\").replace(/\|/g, "\\|");
  const out = [`## ${table.title}`, "", `| ${table.columns.map((c) => escape(c.header)).join(" | ")} |`, `|${table.columns.map(() => " --- |").join("")}`];
  for (const row of table.rows) out.push(`| ${table.columns.map((c) => escape(text(row[c.key]))).join(" | ")} |`);
  if (table.notes?.length) out.push("", ...table.notes.map((n) => `${n}  `));
  return out.join("\n") + "\n";
}

/** RFC 4180 CSV with a UTF-8 BOM so that Excel opens Chinese text correctly. */
export function toCsv(table: Table): string {
  const quote = (s: string) => (/[",\r\n]/.test(s) || /^[=+\-@]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const out = [table.columns.map((c) => quote(c.header)).join(",")];
  for (const row of table.rows) out.push(table.columns.map((c) => quote(text(row[c.key]))).join(","));
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

function oneLine(s: string): string {
  return s.replace(/\s*\r?\n\s*/g, " ");
}
