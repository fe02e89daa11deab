/**
 * The files of a site build that are not pages: the registers' xlsx and csv downloads and the
 * search's entries (search.ts). The workbooks are written to the files named, the other files are
 * handed back. They are made in the main thread: a worker thread would load csr's modules again
 * and cost more CPU time than the wall time it saves.
 */
import type { Lang } from "../i18n/index.js";
import { toCsv, withAsOfColumn, writeXlsx, type Table } from "../report/table.js";
import { searchAssets, type SearchEntry } from "./search.js";

export interface DownloadsInput {
  /** Each register with the file its workbook is written to. */
  registers: { name: string; table: Table; xlsxFile: string }[];
  entries: SearchEntry[];
  lang: Lang;
  /** The register under its heading, as `csr list --format xlsx` writes it (SiteOptions.heading); the CSV has none. */
  heading?: (table: Table) => Table;
}

export interface SiteFile {
  path: string;
  content: string | Uint8Array;
}

export async function buildDownloads(input: DownloadsInput): Promise<SiteFile[]> {
  const files: SiteFile[] = [];
  for (const { name, table: page, xlsxFile } of input.registers) {
    const table = page.downloadAs ?? page;
    // As `csr list`/`csr matrix --format csv` writes it: the as-of day in every row of a table that depends on the day.
    files.push({ path: `registers/${name}.csv`, content: toCsv(withAsOfColumn(table, input.lang)) });
    // Each workbook written to its file in one piece: a register's is small enough to hold (whole in writeXlsx).
    await writeXlsx([input.heading?.(table) ?? table], xlsxFile, undefined, { whole: true });
  }
  for (const asset of searchAssets(input.entries)) files.push({ path: `assets/${asset.name}`, content: asset.text });
  return files;
}
