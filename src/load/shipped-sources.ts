/**
 * What a file of the build under dist/precompiled/ was made from: the shipped files of one folder
 * (schemas/, standards/, calendars/) as one buffer, each file's name, its length in bytes and its
 * bytes. The build stores it beside what it made (`<name>.sources`); csr uses what the build made
 * only while the shipped files give the same bytes, so that a schema, catalog or calendar edited
 * without a rebuild is read afresh. Compared as bytes: no UTF-8 decoding of files a run does not
 * otherwise read, and no digest (node:crypto is not loaded by a check).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** The files of `dir` whose names end in `extension`, in name order, as the build stores them. */
export function shippedSources(dir: string, extension: string): Buffer {
  const parts: Buffer[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith(extension)).sort()) {
    const bytes = readFileSync(join(dir, name));
    parts.push(Buffer.from(`${name}\0${bytes.length}\0`), bytes);
  }
  return Buffer.concat(parts);
}

/** Whether the build's `sourcesFile` holds exactly `current`; false when it cannot be read (not built). */
export function madeFrom(sourcesFile: string, current: Buffer): boolean {
  try {
    return readFileSync(sourcesFile).equals(current);
  } catch {
    return false;
  }
}
