/**
 * The check cache: what reading and validating each file produced, keyed by the file's content,
 * so that a repeated `csr check` parses only the files that changed. It lives in the git
 * directory (`.git/csr-cache/`), never in the working tree; outside a git repository there is
 * no cache. It is also keyed by a fingerprint of csr itself (version, schemas, catalogs, the
 * loader's code): any change there starts a new cache. A cache that cannot be read is ignored
 * and rebuilt.
 *
 * This relies on a file's load problems depending on its content and kind alone, never on its
 * path or on other files: cross-file findings belong to rules, which run on every check.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { writeFileAtomic } from "../core/write.js";
import { discover } from "./discover.js";
import { PACKAGE_ROOT, SCHEMA_DIR, STANDARDS_DIR } from "./package.js";
import { buildRepository, loadRepository, type Repository } from "./repository.js";
import { gitDirectory } from "./git.js";
import { readRegularFile } from "./guards.js";
import { cachedResult, cachedSource, sourceFromBytes, unreadSource, type CachedResult, type SourceFile } from "./source.js";

const FORMAT = 2;
/**
 * A file modified this close to the moment the cache was written could change again within the
 * same timestamp tick (git's "racily clean" problem); its size and time are then not trusted.
 */
const RACY_MS = 2000;

interface CacheFile {
  format: number;
  fingerprint: string;
  /** When the cache was written (ms since the epoch). */
  written: number;
  /** By `kind:sha1 of the content`: the same content always reads the same way. */
  entries: Record<string, CachedResult>;
  /** By path: size, modification time and entry key when last read, so unchanged files need not be read at all. */
  stats: Record<string, [number, number, string]>;
}

export interface CacheStats {
  /** Files answered from the cache. */
  hits: number;
  /** Files read and validated afresh. */
  misses: number;
  /** Where the cache lives; undefined outside git. */
  file?: string;
}

/** loadRepository with the cache: same result, but unchanged files are not parsed. */
export function loadRepositoryCached(root: string): { repo: Repository; stats: CacheStats } {
  const cacheFile = cacheFilePath(root);
  if (!cacheFile) {
    const repo = loadRepository(root);
    return { repo, stats: { hits: 0, misses: repo.files.length } };
  }
  const found = discover(root);
  const fingerprint = packageFingerprint();
  const { entries: previous, stats: previousStats, written } = readCache(cacheFile, fingerprint);
  const keys: string[] = [];
  const stats: CacheFile["stats"] = {};
  let hits = 0;
  let statsChanged = false;
  const files: SourceFile[] = found.files.map((f) => {
    const stat = statSync(f.abs);
    const known = previousStats[f.path];
    const trusted = known && known[0] === stat.size && known[1] === stat.mtimeMs && stat.mtimeMs < written - RACY_MS && previous.has(known[2]);
    const read = trusted ? undefined : readRegularFile(f.abs);
    // A file not read (too large, or no longer a regular file) reads the same way for as long as its size stays the same.
    const unread = read && !Buffer.isBuffer(read) ? read : undefined;
    const bytes = unread ? Buffer.alloc(0) : (read as Buffer | undefined);
    const key = trusted ? known[2] : unread ? `${f.kind}:unread:${unread.rule}:${stat.size}` : `${f.kind}:${createHash("sha1").update(bytes!).digest("hex")}`;
    keys.push(key);
    stats[f.path] = [stat.size, stat.mtimeMs, key];
    if (!trusted) statsChanged = true;
    const hit = previous.get(key);
    if (hit) {
      hits++;
      return cachedSource(bytes ?? (() => readFileSync(f.abs)), f.path, f.kind, hit);
    }
    return unread ? unreadSource(f.path, f.kind, unread) : sourceFromBytes(bytes!, f.path, f.kind);
  });
  const repo = buildRepository(root, files, found.problems);
  const misses = files.length - hits;
  const unused = previous.size - new Set(keys.filter((k) => previous.has(k))).size;
  const vanished = Object.keys(previousStats).length !== found.files.length;
  if (misses > 0 || unused > 0 || statsChanged || vanished) {
    const entries: Record<string, CachedResult> = {};
    files.forEach((file, i) => {
      const entry = previous.get(keys[i]!) ?? cachedResult(file);
      if (jsonSafe(entry.data)) entries[keys[i]!] = entry;
    });
    writeCache(cacheFile, { format: FORMAT, fingerprint, written: Date.now(), entries, stats });
  }
  return { repo, stats: { hits, misses, file: cacheFile } };
}

/** `.git/csr-cache/` of the enclosing git repository (worktrees included). */
export function cacheDirectory(root: string): string | undefined {
  const gitdir = gitDirectory(root);
  return gitdir && join(gitdir, "csr-cache");
}

/** One cache per repository root, since one git repository may hold several document repositories. */
function cacheFilePath(root: string): string | undefined {
  const dir = cacheDirectory(root);
  return dir && join(dir, `check-${createHash("sha1").update(realpathSync(root)).digest("hex").slice(0, 16)}.json`);
}

let fingerprint: string | undefined;

/** Everything in csr that decides how a file reads: a change to any of it invalidates the cache. */
export function packageFingerprint(): string {
  if (fingerprint) return fingerprint;
  const hash = createHash("sha256");
  const add = (label: string, content: string | Buffer) => hash.update(`${label}\0${content.length}\0`).update(content);
  add("version", (JSON.parse(readFileSync(join(PACKAGE_ROOT, "package.json"), "utf8")) as { version: string }).version);
  for (const dir of [SCHEMA_DIR, STANDARDS_DIR]) {
    for (const name of readdirSync(dir).sort()) add(join(dir, name), readFileSync(join(dir, name)));
  }
  for (const module of ["source.js", "guards.js", "schemas.js", "repository.js", "cache.js", "discover.js", "../core/text.js"]) add(module, readFileSync(new URL(`./${module}`, import.meta.url)));
  // A lockfile upgrade of the parser or the validator changes results without a csr version bump.
  for (const dependency of ["yaml", "ajv", "ajv-formats"]) add(dependency, dependencyVersion(dependency));
  fingerprint = hash.digest("hex");
  return fingerprint;
}

function dependencyVersion(name: string): string {
  try {
    let dir = dirname(createRequire(import.meta.url).resolve(name));
    while (!existsSync(join(dir, "package.json")) || (JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name?: string }).name !== name) {
      const parent = dirname(dir);
      if (parent === dir) return "unknown";
      dir = parent;
    }
    return (JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { version: string }).version;
  } catch {
    return "unknown";
  }
}

function readCache(path: string, expected: string): { entries: Map<string, CachedResult>; stats: CacheFile["stats"]; written: number } {
  try {
    const cache = JSON.parse(readFileSync(path, "utf8")) as Partial<CacheFile>;
    if (
      cache.format === FORMAT &&
      cache.fingerprint === expected &&
      typeof cache.entries === "object" &&
      cache.entries !== null &&
      typeof cache.stats === "object" &&
      cache.stats !== null &&
      typeof cache.written === "number"
    ) {
      return { entries: new Map(Object.entries(cache.entries)), stats: cache.stats, written: cache.written };
    }
  } catch {
    // Missing or truncated: start afresh.
  }
  return { entries: new Map(), stats: {}, written: 0 };
}

/**
 * JSON is the fastest format Node reads back, but it cannot carry everything YAML can (.inf,
 * .nan): such a file is simply read afresh each time.
 */
function jsonSafe(value: unknown): boolean {
  if (value === null || typeof value === "string" || typeof value === "boolean") return true;
  if (typeof value === "number") return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(jsonSafe);
  if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) return Object.values(value).every(jsonSafe);
  return value === undefined;
}

function writeCache(path: string, cache: CacheFile): void {
  try {
    writeFileAtomic(path, JSON.stringify(cache), { overwrite: true });
  } catch {
    // A read-only checkout still checks; it only cannot remember.
  }
}
