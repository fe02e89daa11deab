/**
 * Finding the repository root and its YAML files. Nothing outside the root is ever read:
 * symbolic links that lead outside are reported, not followed.
 */
import { existsSync, lstatSync, readdirSync, readlinkSync, realpathSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { UserError } from "../core/errors.js";
import { describeType, notRegular } from "./guards.js";
import type { FileKind, LoadProblem } from "./source.js";
import { t } from "../i18n/index.js";
import { FOLDERS, TOP_FILES } from "./layout.js";

export const CONFIG_FILE = "qms.yaml";

/** The repository root holding `start`: the nearest folder at or above it with qms.yaml. Errors: UserError when `start` does not exist or no such folder is found. */
export function findRoot(start: string): string {
  const from = resolve(start);
  if (!existsSync(from)) throw new UserError(t("discover.no-directory", { dir: from }));
  const root = enclosingRoot(from);
  if (root === undefined) throw new UserError(t("discover.no-repository", { file: CONFIG_FILE, dir: from }), t("discover.no-repository.hint"));
  return root;
}

/** The nearest folder at or above `dir` (which need not exist) that holds qms.yaml, or undefined. */
export function enclosingRoot(dir: string): string | undefined {
  for (let at = resolve(dir); ; at = dirname(at)) {
    if (existsSync(join(at, CONFIG_FILE))) return at;
    if (dirname(at) === at) return undefined;
  }
}

export interface FoundFile {
  abs: string;
  path: string;
  kind: FileKind;
  /** Whether the directory listing (or lstat) showed a regular file, not a link (see readRegularFile). */
  listedAsFile: boolean;
}

export interface Discovery {
  files: FoundFile[];
  /** Problems with a path rather than with content (links leaving the repository, wrong extension). */
  problems: { path: string; problem: LoadProblem }[];
  /**
   * The directories whose listings decided the files (the root first), each with its stat data
   * taken before it was read. Absent when a symbolic link took part: where a link leads can change
   * without any of them changing. While none of them changes, the files found are the same (the
   * check cache relies on this, as git's untracked cache does).
   */
  listing?: ListedDirectory[];
}

/** A directory by repository-relative path ("" for the root), with its modification time, change time and inode. */
export type ListedDirectory = [path: string, mtimeMs: number, ctimeMs: number, ino: number];


export function discover(root: string): Discovery {
  const realRoot = realpathSync(root);
  const result: Discovery = { files: [], problems: [] };
  const listing: ListedDirectory[] = [];
  let linked = false;
  /** Where a symbolic link leads: inside the repository, outside it, nowhere, or round in a loop. */
  const target = (abs: string): "inside" | "outside" | "dangling" | "loop" => {
    linked = true;
    try {
      const real = realpathSync(abs);
      return real === realRoot || real.startsWith(realRoot + sep) ? "inside" : "outside";
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === "ELOOP" ? "loop" : "dangling";
    }
  };
  const linkProblem = (abs: string, where: "outside" | "dangling" | "loop") => ({
    path: slashed(relative(root, abs)),
    problem:
      where === "outside"
        ? {
            rule: "file/outside-repository",
            line: 1,
            column: 1,
            message: t("load.link-outside"),
          }
        : {
            rule: "file/broken-link",
            line: 1,
            column: 1,
            message:
              where === "loop"
                ? t("load.link-loop")
                : t("load.link-dangling", { target: readlinkQuietly(abs) }),
          },
  });
  // Every path found is join(root, ...): cutting the prefix off costs far less than path.relative,
  // which normalises both paths for each of tens of thousands of files.
  const prefix = join(root, "x").slice(0, -1);
  const repositoryPath = (abs: string) => slashed(abs.startsWith(prefix) ? abs.slice(prefix.length) : relative(root, abs));
  // The type is known from the directory listing for walked files; only the top files and links need a stat.
  const consider = (abs: string, kind: FileKind, type = entryType(lstatSync(abs))) => {
    const path = repositoryPath(abs);
    if (type === "link") {
      const where = target(abs);
      if (where !== "inside") {
        result.problems.push(linkProblem(abs, where));
        return;
      }
    }
    const stat = type === "file" ? undefined : statSync(abs);
    if (stat && !stat.isFile()) {
      result.problems.push({ path, problem: notRegular(describeType(stat)) });
      return;
    }
    result.files.push({ abs, path, kind, listedAsFile: type === "file" });
  };
  const listed = (abs: string) => {
    const stat = statSync(abs);
    listing.push([abs === root ? "" : repositoryPath(abs), stat.mtimeMs, stat.ctimeMs, stat.ino]);
  };
  listed(root);
  for (const [name, kind] of Object.entries(TOP_FILES)) {
    const abs = join(root, name);
    if (existsSync(abs) || isDanglingLink(abs)) consider(abs, kind);
  }
  for (const { dir, kind, nested } of FOLDERS) {
    const abs = join(root, dir);
    if (isDanglingLink(abs) && !existsSync(abs)) {
      result.problems.push(linkProblem(abs, target(abs) === "loop" ? "loop" : "dangling"));
      continue;
    }
    if (!existsSync(abs) || !statSync(abs).isDirectory()) continue;
    if (lstatSync(abs).isSymbolicLink()) {
      const where = target(abs);
      if (where !== "inside") {
        result.problems.push(linkProblem(abs, where));
        continue;
      }
    }
    walk(abs, nested, listed, (file, type) => consider(file, kind, type), (link) => {
      const where = target(link);
      if (where !== "inside") result.problems.push(linkProblem(link, where));
    });
  }
  result.files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  if (!linked) result.listing = listing;
  return result;
}

/** A path with '/' between its parts, as a repository path is written (a no-op where that is the separator). */
function slashed(path: string): string {
  return sep === "/" ? path : path.split(sep).join("/");
}

function readlinkQuietly(abs: string): string {
  try {
    return readlinkSync(abs);
  } catch {
    return "?";
  }
}

function isDanglingLink(abs: string): boolean {
  try {
    return lstatSync(abs).isSymbolicLink();
  } catch {
    return false;
  }
}

type EntryType = "file" | "link" | "other";

function entryType(entry: { isFile(): boolean; isSymbolicLink(): boolean }): EntryType {
  return entry.isSymbolicLink() ? "link" : entry.isFile() ? "file" : "other";
}

function walk(dir: string, nested: boolean, onDirectory: (abs: string) => void, onFile: (abs: string, type: EntryType) => void, onDirLink: (abs: string) => void): void {
  onDirectory(dir);
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    // `dir` is already normal (a join from the root) and a name has no separator: no join, which
    // normalises the whole path again for each of tens of thousands of files.
    const abs = dir + sep + entry.name;
    if (entry.isDirectory()) {
      if (nested) walk(abs, nested, onDirectory, onFile, onDirLink);
    } else if (entry.isSymbolicLink()) {
      let target;
      try {
        target = statSync(abs);
      } catch {
        onDirLink(abs);
        continue;
      }
      if (target.isDirectory()) onDirLink(abs);
      else if (/\.ya?ml$/i.test(entry.name)) onFile(abs, "link");
    } else if (/\.ya?ml$/i.test(entry.name)) {
      // A FIFO or device named like a data file is reported by onFile, not silently skipped.
      onFile(abs, entryType(entry));
    }
  }
}
