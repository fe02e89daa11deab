/**
 * Every file csr writes goes through here: written to a temporary file in the same folder, then
 * renamed over the target, so an interrupted write leaves either the old file or the new one.
 */
import { closeSync, existsSync, fsyncSync, linkSync, mkdirSync, openSync, realpathSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { t } from "../i18n/index.js";
import { UserError } from "./errors.js";

export interface WriteOptions {
  /** Refuse when the file exists already (the default): nothing is silently overwritten. */
  overwrite?: boolean;
}

/** The content of a file: text (written as UTF-8), bytes, or bytes in parts written one after another (no copy joins them first). */
export type FileContent = string | Uint8Array | readonly Uint8Array[];

export function writeFileAtomic(path: string, content: FileContent, options: WriteOptions = {}): void {
  if (!options.overwrite && existsSync(path)) throw exists(path);
  const temp = temporaryName(path);
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeNewFileDurably(temp, content);
    commitTemporary(temp, path, options);
  } catch (error) {
    removeQuietly(temp);
    throw writeFailure(error, path);
  }
}

const temporaryName = (path: string): string => `${path}.${process.pid}.${Date.now()}.tmp`;

/**
 * Creates `path` (it must not exist: flag "wx"), writes all of `content` (UTF-8 for a string) and
 * fsyncs it before closing. Throws the fs error (EEXIST, ENOSPC …) as it comes.
 */
export function writeNewFileDurably(path: string, content: FileContent): void {
  const fd = openSync(path, "wx");
  try {
    const parts = typeof content === "string" ? [Buffer.from(content, "utf8")] : content instanceof Uint8Array ? [content] : content;
    // writeSync may write only part of the buffer (a full disk, a file-size limit); renaming that would truncate the file.
    for (const bytes of parts) for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function commitTemporary(temp: string, path: string, options: WriteOptions): void {
  if (options.overwrite) {
    renameSync(temp, path);
  } else {
    // A hard link fails if the target appeared meanwhile, where a rename would replace it.
    linkSync(temp, path);
    rmSync(temp, { force: true });
  }
}

function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // The temporary file was never created (its folder is not a folder); nothing to clean up.
  }
}

function exists(path: string): UserError {
  return new UserError(t("write.exists", { path }));
}

/** Disk full, no permission, a file where a folder should be, a folder that is not there: the user can act on these, so no stack trace. */
export function writeFailure(error: unknown, path: string): unknown {
  if (error instanceof UserError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "EEXIST" && existsSync(path)) return exists(path);
  if (code && ["EEXIST", "ENOENT", "ENOTDIR", "EISDIR", "EACCES", "EPERM", "ENOSPC", "EROFS", "EFBIG", "EDQUOT", "ENAMETOOLONG"].includes(code)) {
    return new UserError(t("write.failed", { path, reason: (error as Error).message.replace(/^\w+: /, "") }), t("write.failed.hint"));
  }
  return error;
}

/** Resolves a repository-relative path, refusing anything that would land outside the repository. */
export function insideRepository(root: string, path: string): string {
  const abs = resolve(root, path);
  const rel = relative(root, abs);
  if (rel === "" || rel.startsWith(`..${sep}`) || rel === ".." || isAbsolute(rel)) {
    throw new UserError(t("write.outside-repository", { path, root }));
  }
  return abs;
}

/**
 * Folders that hold the repository's own data: those csr reads (load/discover.ts), its templates and git's; generated
 * output never goes there.
 */
export const DATA_FOLDERS = [".git", "actions", "csr", "customers", "documents", "standards", "templates"];

/**
 * Why csr does not write to an output path, or undefined when it may: `data`, the path is among the repository's data
 * (its folders, or a YAML file at its top, which csr reads), where a report could replace a controlled document;
 * `link-outside`, a path inside the repository leads outside it through a symbolic link (a committed link
 * `out -> ../elsewhere`; `real` is where), a place the user did not name. A path the user named outside the repository
 * is theirs to choose. `folder`: `abs` is a folder to write into, not the file itself (whose own link, if any, a write
 * replaces rather than follows).
 */
export function dataPathProblem(root: string, abs: string, folder = false): { problem: "data" } | { problem: "link-outside"; real: string } | undefined {
  const rel = relative(root, abs);
  if (rel.startsWith("..") || isAbsolute(rel)) return undefined;
  if (isData(rel)) return { problem: "data" };
  const realRoot = realpathSync(root);
  const real = folder ? realPathOf(abs) : join(realPathOf(dirname(abs)), basename(abs));
  const realRel = relative(realRoot, real);
  if (realRel.startsWith("..") || isAbsolute(realRel)) return { problem: "link-outside", real };
  return isData(realRel) ? { problem: "data" } : undefined;
}

/** Refuses an output path given as `flag` that csr does not write to (dataPathProblem). */
export function refuseDataPath(root: string, abs: string, flag: string, folder = false): void {
  const found = dataPathProblem(root, abs, folder);
  if (found === undefined) return;
  const path = relative(root, abs) || ".";
  throw new UserError(found.problem === "data" ? t("write.data-folder", { flag, path }) : t("write.link-outside", { flag, path, real: found.real }));
}

function isData(rel: string): boolean {
  return rel === "" || DATA_FOLDERS.includes(rel.split(sep)[0]!) || (!rel.includes(sep) && /\.ya?ml$/i.test(rel));
}

/** The real path of `abs`, for a path whose last parts may not exist yet: the deepest existing folder is resolved. */
function realPathOf(abs: string): string {
  const missing: string[] = [];
  let at = abs;
  for (;;) {
    try {
      return join(realpathSync(at), ...missing.reverse());
    } catch {
      const parent = dirname(at);
      if (parent === at) return abs;
      missing.push(basename(at));
      at = parent;
    }
  }
}
