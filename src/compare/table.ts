/**
 * A customer's requirements sent as a table (an Excel workbook or a CSV file with 章节, 要求名称 and
 * 要求内容 columns, the table `csr import --as csr` reads, tester64 N9), read as the sections of a
 * document: one section a row, so that two editions pair by section number as two documents do.
 */
import { extname } from "node:path";
import { UserError } from "../core/errors.js";
import { t } from "../i18n/index.js";
import type { ManualSection } from "./sections.js";

/** The file kinds read as tables of requirements (import/read.ts readRegister reads them). */
const TABLE_EXTENSIONS = [".xlsx", ".csv", ".tsv"] as const;

export function isTable(path: string): boolean {
  return (TABLE_EXTENSIONS as readonly string[]).includes(extname(path).toLowerCase());
}

/**
 * The rows of the table's sheet with a 章节 column (the first such sheet of a workbook), each a section:
 * its 章节 as the number (4.2, A.1, as written), 要求名称 as the title, 要求内容 as the text, its row as
 * the line. A row without a 章节 adds its title and text to the section above it, so that a change in it
 * is not lost; rows before the first section are the preamble.
 * Errors: UserError, `shown` naming the file, for a table without a 章节 column or with neither 要求名称
 * nor 要求内容 (and readRegister's, for a file it cannot read).
 */
export async function tableSections(path: string, shown: string): Promise<ManualSection[]> {
  const [{ readRegister }, { cellText }, { findHeaderRow }] = await Promise.all([import("../import/read.js"), import("../import/normalize.js"), import("../import/headers.js")]);
  const hasSections = (rows: Parameters<typeof findHeaderRow>[0]) => findHeaderRow(rows)?.columns.has("section") === true;
  const sheet = await readRegister(path, undefined, (sheets) => sheets.find((s) => hasSections(s.rows)) ?? sheets[0]!);
  const header = findHeaderRow(sheet.rows);
  if (!header || !header.columns.has("section") || (!header.columns.has("title") && !header.columns.has("text"))) {
    throw new UserError(t("compare.table-columns", { file: shown }), t("compare.table-columns.hint"));
  }
  const column = (field: "section" | "title" | "text") => header.columns.get(field);
  const sections: ManualSection[] = [];
  for (const row of sheet.rows.filter((r) => r.row > header.row)) {
    const cell = (field: "section" | "title" | "text") => {
      const at = column(field);
      return at === undefined ? "" : cellText(row.cells[at]).trim();
    };
    const [number, title, text] = [cell("section").normalize("NFKC"), cell("title"), cell("text")];
    if (number) {
      sections.push({ number, title, text, line: row.row });
      continue;
    }
    const more = [title, text].filter(Boolean).join("\n");
    if (!more) continue;
    // Rows before the first section: the preamble.
    if (sections.length === 0) sections.push({ number: null, title: "", text: "", line: row.row });
    const last = sections.at(-1)!;
    last.text = [last.text, more].filter(Boolean).join("\n");
  }
  return sections;
}
