/**
 * Every file csr writes goes through here: written to a temporary file in the same folder, then
 * renamed over the target, so an interrupted write leaves either the old file or the new one.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { dirname, isAbsolute, relative, resolve, sep } from "node:path";
import { UserError } from "./errors.js";

export interface WriteOptions {
  /** Refuse when the file exists already (the default): nothing is silently overwritten. */
  overwrite?: boolean;
}

export function writeFileAtomic(path: string, content: string | Uint8Array, options: WriteOptions = {}): void {
  if (!options.overwrite && existsSync(path)) throw new UserError(`${path} exists already; csr does not overwrite files.`);
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.${Date.now()}.tmp`;
  const fd = openSync(temp, "wx");
  try {
    const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
    // writeSync may write only part of the buffer (a full disk, a file-size limit); renaming that would truncate the file.
    for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  closeSync(fd);
  renameSync(temp, path);
}

/** Resolves a repository-relative path, refusing anything that would land outside the repository. */
export function insideRepository(root: string, path: string): string {
  const abs = resolve(root, path);
  const rel = relative(root, abs);
  if (rel === "" || rel.startsWith(`..${sep}`) || rel === ".." || isAbsolute(rel)) {
    throw new UserError(`The path '${path}' is outside the repository (${root}).`);
  }
  return abs;
}
