import { readFileSync, writeFileSync } from "node:fs";

/** A cached file's entry as the entries file holds it (what the file read as): its data and problems. */
export interface CachedEntry {
  data?: Record<string, unknown> & { id?: string };
  problems: { rule: string; line: number; column: number; message: string }[];
}

/**
 * Changes the cached entry of one document or CSR (found by `id`) as an outdated cache would hold
 * it: a new record at the end of the entries file, where its index (beside it, `.index` for
 * `.entries`) now says the file's entry is. The index's columns (see src/load/cache.ts): N and two
 * byte lengths, stat data (4 numbers per file), entry places (2 per file), paths, keys.
 * Returns the index's path.
 */
export function rewriteCachedEntry(entriesFile: string, id: string, edit: (entry: CachedEntry) => void): string {
  const entries = readFileSync(entriesFile);
  const records = entries.toString("utf8").split("\n").slice(1, -1);
  const record = records.find((r) => JSON.parse(r.slice(r.indexOf("\t") + 1)).data?.id === id)!;
  const key = record.slice(0, record.indexOf("\t"));
  const entry = JSON.parse(record.slice(key.length + 1)) as CachedEntry;
  edit(entry);
  const appended = Buffer.from(`${key}\t${JSON.stringify(entry)}\n`);
  writeFileSync(entriesFile, Buffer.concat([entries, appended]));
  const index = entriesFile.replace(/\.entries$/, ".index");
  const bytes = readFileSync(index);
  const columns = bytes.indexOf(10) + 1;
  const count = bytes.readUInt32LE(columns);
  const pathBytes = bytes.readUInt32LE(columns + 4);
  const places = columns + 12 + count * 4 * 8;
  const keys = bytes.toString("utf8", places + count * 2 * 8 + pathBytes).split("\0");
  keys.forEach((k, i) => {
    if (k !== key) return;
    bytes.writeDoubleLE(entries.length, places + i * 16);
    bytes.writeDoubleLE(appended.length, places + i * 16 + 8);
  });
  writeFileSync(index, bytes);
  return index;
}
