/**
 * The --out folder of `csr site`: the files csr wrote there, listed in its marker file (the site's
 * manifest); the files someone else put there (a CNAME, a .nojekyll, notes), which a rebuild carries
 * into the new site untouched; and the staging folders beside it of builds that were interrupted.
 */
import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { alive } from "../shared/transaction.js";

/** The file that marks a folder as a site csr built, and so one it may replace: a line saying so, then each file csr wrote. */
export const SITE_MARKER = ".csr-site";

/** The files and symbolic links under `dir`, relative with "/" and sorted; an empty folder as its path and "/". */
export function filesUnder(dir: string): string[] {
  const files: string[] = [];
  const walk = (folder: string, prefix: string) => {
    const entries = readdirSync(folder, { withFileTypes: true });
    if (entries.length === 0 && prefix !== "") files.push(prefix);
    for (const entry of entries) {
      if (entry.isDirectory()) walk(join(folder, entry.name), `${prefix}${entry.name}/`);
      else files.push(`${prefix}${entry.name}`);
    }
  };
  walk(dir, "");
  return files.sort();
}

/** The marker file's text: `note` (what the folder is), then every file of the site, one a line. */
export function manifest(note: string, files: readonly string[]): string {
  return `${[note, ...files].join("\n")}\n`;
}

/**
 * The files in the site `out` that csr did not write (not listed in its marker), or, for a site an
 * older csr made (its marker lists nothing), every file but the marker: csr cannot tell those apart.
 */
export function addedFiles(out: string): { files: string[]; listed: boolean } {
  const lines = readFileSync(join(out, SITE_MARKER), "utf8").split("\n").slice(1).filter((line) => line !== "");
  const written = new Set(lines);
  return { files: filesUnder(out).filter((file) => file !== SITE_MARKER && !written.has(file)), listed: lines.length > 0 };
}

/** Of `files` (from the old site), those the new site in `staging` has at the same path, or under a path it has as a file. */
export function clashes(staging: string, files: readonly string[]): string[] {
  const kind = (path: string) => (existsSync(path) || isLink(path) ? (lstatSync(path).isDirectory() ? "folder" : "file") : undefined);
  return files.filter((file) => {
    const parts = file.replace(/\/$/, "").split("/");
    for (let i = 1; i < parts.length; i++) if (kind(join(staging, ...parts.slice(0, i))) === "file") return true;
    const own = kind(join(staging, ...parts));
    return own === "file" || (own === "folder" && !file.endsWith("/"));
  });
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Copies `files` of the old site `out` into the new one, as they are (times kept, a symbolic link as a link). */
export function carry(out: string, staging: string, files: readonly string[]): void {
  for (const file of files) {
    const to = join(staging, ...file.split("/"));
    if (file.endsWith("/")) {
      mkdirSync(to, { recursive: true });
      continue;
    }
    mkdirSync(dirname(to), { recursive: true });
    cpSync(join(out, ...file.split("/")), to, { preserveTimestamps: true, verbatimSymlinks: true });
  }
}

/**
 * The folder this run builds the site in, beside `out`; the folders there of runs whose process is
 * gone (killed, or interrupted before csr could clean up) are removed first. The old site a run set
 * aside while putting the new one in place (`.old`) is removed only when `out` exists: it is the
 * only copy if the run was killed between the two renames.
 */
export function stagingFolder(out: string): string {
  const parent = dirname(out);
  const prefix = `.${basename(out)}.csr-site-`;
  if (existsSync(parent)) {
    for (const name of readdirSync(parent)) {
      const run = name.startsWith(prefix) ? /^(\d+)(\.old)?$/.exec(name.slice(prefix.length)) : null;
      if (run && !alive(Number(run[1])) && (run[2] === undefined || existsSync(out))) rmSync(join(parent, name), { recursive: true, force: true });
    }
  }
  return join(parent, `${prefix}${process.pid}`);
}


/**
 * Resolves after one turn of the event loop's poll phase, where a signal that arrived during synchronous
 * work is handed to its listeners (cleanUpOnSignal's handler, which ends the run).
 */
export function signalsHeard(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Until the returned function is called, SIGINT (Ctrl-C) and SIGTERM remove `staging`, print `line`
 * and end the run by the same signal, so that the shell reports it as it reports any run the signal
 * ends (exit status 130 for SIGINT, 143 for SIGTERM). `out` is never touched: the new site was not put in place.
 */
export function cleanUpOnSignal(staging: string, line: (signal: NodeJS.Signals) => string, stderr: (text: string) => void): () => void {
  const handler = (signal: NodeJS.Signals) => {
    stop();
    rmSync(staging, { recursive: true, force: true });
    stderr(line(signal));
    process.kill(process.pid, signal);
  };
  const stop = () => {
    process.off("SIGINT", handler);
    process.off("SIGTERM", handler);
  };
  process.on("SIGINT", handler);
  process.on("SIGTERM", handler);
  return stop;
}
