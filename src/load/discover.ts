/**
 * Finding the repository root and its YAML files. Nothing outside the root is ever read:
 * symbolic links that lead outside are reported, not followed.
 */
import { existsSync, lstatSync, readdirSync, realpathSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { UserError } from "../core/errors.js";
import type { FileKind, LoadProblem } from "./source.js";

export const CONFIG_FILE = "qms.yaml";

export function findRoot(start: string): string {
  const from = resolve(start);
  if (!existsSync(from)) throw new UserError(`Directory not found: ${from}`);
  let dir = from;
  for (;;) {
    if (existsSync(join(dir, CONFIG_FILE))) return dir;
    const parent = dirname(dir);
    if (parent === dir) {
      throw new UserError(
        `No ${CONFIG_FILE} found in ${from} or any parent directory.`,
        "Run csr inside a document repository, point at one with -C <dir>, or create one with 'csr init'.",
      );
    }
    dir = parent;
  }
}

export interface FoundFile {
  abs: string;
  path: string;
  kind: FileKind;
}

export interface Discovery {
  files: FoundFile[];
  /** Problems with a path rather than with content (links leaving the repository, wrong extension). */
  problems: { path: string; problem: LoadProblem }[];
}

const TOP_FILES: Record<string, FileKind> = {
  "qms.yaml": "qms",
  "people.yaml": "people",
  "processes.yaml": "processes",
  "symbols.yaml": "symbols",
};

/** Which folder holds which kind, and how deep its files may be nested. */
const FOLDERS: { dir: string; kind: FileKind; nested: boolean }[] = [
  { dir: "customers", kind: "customer", nested: false },
  { dir: "csr", kind: "csr", nested: true },
  { dir: "documents", kind: "document", nested: true },
  { dir: "standards", kind: "standard", nested: false },
];

export function discover(root: string): Discovery {
  const realRoot = realpathSync(root);
  const result: Discovery = { files: [], problems: [] };
  const inside = (abs: string): boolean => {
    try {
      const real = realpathSync(abs);
      return real === realRoot || real.startsWith(realRoot + sep);
    } catch {
      return false;
    }
  };
  const outsideProblem = (path: string) => ({
    path,
    problem: {
      rule: "file/outside-repository",
      line: 1,
      column: 1,
      message: `This is a symbolic link to a place outside the repository; csr does not follow it. Copy the file into the repository instead.`,
    },
  });
  // `link` is known from the directory listing for walked files; only the top files need an lstat.
  const consider = (abs: string, kind: FileKind, link = lstatSync(abs).isSymbolicLink()) => {
    const path = relative(root, abs).split(sep).join("/");
    if (link && !inside(abs)) {
      result.problems.push(outsideProblem(path));
      return;
    }
    if (link && !statSync(abs).isFile()) return;
    result.files.push({ abs, path, kind });
  };
  for (const [name, kind] of Object.entries(TOP_FILES)) {
    const abs = join(root, name);
    if (existsSync(abs) || isDanglingLink(abs)) consider(abs, kind);
  }
  for (const { dir, kind, nested } of FOLDERS) {
    const abs = join(root, dir);
    if (!existsSync(abs) || !statSync(abs).isDirectory()) continue;
    if (lstatSync(abs).isSymbolicLink() && !inside(abs)) {
      result.problems.push(outsideProblem(dir));
      continue;
    }
    walk(abs, nested, (file, link) => consider(file, kind, link), (link) => {
      if (!inside(link)) result.problems.push(outsideProblem(relative(root, link).split(sep).join("/")));
    });
  }
  result.files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return result;
}

function isDanglingLink(abs: string): boolean {
  try {
    return lstatSync(abs).isSymbolicLink();
  } catch {
    return false;
  }
}

function walk(dir: string, nested: boolean, onFile: (abs: string, link: boolean) => void, onDirLink: (abs: string) => void): void {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const abs = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (nested) walk(abs, nested, onFile, onDirLink);
    } else if (entry.isSymbolicLink()) {
      let target;
      try {
        target = statSync(abs);
      } catch {
        onDirLink(abs);
        continue;
      }
      if (target.isDirectory()) onDirLink(abs);
      else if (/\.ya?ml$/i.test(entry.name)) onFile(abs, true);
    } else if (entry.isFile() && /\.ya?ml$/i.test(entry.name)) {
      onFile(abs, false);
    }
  }
}
