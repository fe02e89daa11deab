/**
 * The slow, self-contained part of a site build runs in a worker thread, beside the pages: the
 * registers' xlsx and csv downloads (exceljs and its zip compression) and the search index
 * (MiniSearch). Both take plain data: the workbooks are written to the files named, the other
 * files are handed back.
 */
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { toCsv, writeXlsx, type Table } from "../report/table.js";
import { searchAssets, type SearchEntry } from "./search.js";

export interface DownloadsInput {
  /** Each register with the file its workbook is streamed to (exceljs writes it itself). */
  registers: { name: string; table: Table; xlsxFile: string }[];
  entries: SearchEntry[];
}

export interface SiteFile {
  path: string;
  content: string | Uint8Array;
}

export async function buildDownloads(input: DownloadsInput): Promise<SiteFile[]> {
  const files: SiteFile[] = [];
  for (const { name, table, xlsxFile } of input.registers) {
    files.push({ path: `registers/${name}.csv`, content: toCsv(table) });
    await writeXlsx([table], xlsxFile);
  }
  for (const asset of await searchAssets(input.entries)) files.push({ path: `assets/${asset.name}`, content: asset.text });
  return files;
}

/** Starts buildDownloads in a worker thread; the promise settles with its files or its error. */
export function buildDownloadsInWorker(input: DownloadsInput): Promise<SiteFile[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: input });
    worker.once("message", (files: SiteFile[]) => resolve(files));
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (code !== 0) reject(new Error(`The site's download worker stopped with exit code ${code}.`));
    });
  });
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  void buildDownloads(workerData as DownloadsInput).then((files) => port.postMessage(files));
}
