/**
 * The check cache: what reading and validating each file produced, keyed by the file's content,
 * so that a repeated `csr check` parses only the files that changed, and the findings of the last
 * check, so that a check with nothing changed reads no file at all. It lives in the git directory
 * (`.git/csr-cache/`), never in the working tree; outside a git repository there is no cache. It
 * is also keyed by a fingerprint of csr itself (version, schemas, catalogs, calendars, its code):
 * any change there starts a new cache. A cache that cannot be read is ignored and rebuilt.
 *
 * Two files per repository root:
 * - `check-<root>.index`: a header line (JSON: format, fingerprint, when written, the last
 *   findings and what they were computed from), then one record per file with its stat data and
 *   the key of its entry. Like git's index, it tells an unchanged file by its stat data alone.
 * - `check-<root>.json`: the entries by key; read only when some file changed.
 *
 * This relies on a file's load problems depending on its content and kind alone, never on its
 * path or on other files: cross-file findings belong to rules, which run whenever any file changed.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, realpathSync, statSync, type Stats } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Finding } from "../core/diagnostic.js";
import { writeFileAtomic } from "../core/write.js";
import { catalogUrl, language } from "../i18n/index.js";
import { discover, type Discovery, type ListedDirectory } from "./discover.js";
import { gitDirectory } from "./git.js";
import { readRegularFile } from "./guards.js";
import { CALENDARS_DIR, PACKAGE_ROOT, SCHEMA_DIR, STANDARDS_DIR } from "./package.js";
import type { Repository } from "./repository.js";
import type { CachedResult, FileKind, LoadProblem, SourceFile } from "./source.js";

const FORMAT = 4;
/**
 * A file modified this close to the moment the cache was written could change again within the
 * same timestamp tick (git's "racily clean" problem); its stat data is then not trusted.
 */
const RACY_MS = 2000;

/**
 * The stat data that tells an unchanged file, as in git's index: size, modification time and
 * inode (an editor that saves by writing a new file and renaming it changes the inode). Not the
 * change time, which moves on a chmod or a new hard link too (git's `core.trustctime` trade-off).
 */
type StatData = [size: number, mtimeMs: number, ino: number];

interface IndexHeader {
  format: number;
  fingerprint: string;
  /** When the index was written (ms since the epoch). */
  written: number;
  /** The findings of the last check, and the digest of what they follow from (see resultDigest). */
  result?: { digest: string; files: number; findings: Finding[] };
  /** The directories listed when the files were last discovered (see Discovery.listing). */
  listing?: ListedDirectory[];
}

/** The files of the last check in discovery order: path, stat data and entry key when last read. */
interface Index {
  header: IndexHeader;
  paths: string[];
  stats: StatData[];
  keys: string[];
}

/** The result of a check: its findings and how many files it read. */
export interface CheckResult {
  findings: Finding[];
  files: number;
}

/**
 * A check with the cache: the findings of the last check when nothing changed since (same files,
 * same content by stat data, same `today`); otherwise only the changed files are read, and
 * `run` computes the findings on the repository. The cached findings are the ones `run` gave;
 * `rememberFindings: false` (a check against a base revision) neither uses nor keeps them.
 */
export async function checkCached(
  root: string,
  today: string,
  run: (repo: Repository) => Finding[] | Promise<Finding[]>,
  options: { rememberFindings: boolean } = { rememberFindings: true },
): Promise<CheckResult> {
  const paths = cachePaths(root);
  if (!paths) {
    const { loadRepository } = await import("./repository.js");
    const repo = loadRepository(root);
    return { findings: await run(repo), files: repo.files.length };
  }
  const state = cacheState(root, paths, today);
  const remembered = options.rememberFindings ? rememberedFindings(state) : undefined;
  if (remembered) {
    if (state.indexOutdated) writeIndex(paths.index, { ...state.index.header, written: Date.now() }, state.found, state.snapshot);
    return { findings: remembered, files: state.index.header.result!.files };
  }
  const repo = await readThrough(root, paths, state);
  const findings = await run(repo);
  remember(paths, state, options.rememberFindings ? findings : undefined, repo.files.length);
  return { findings, files: repo.files.length };
}

/**
 * The repository and its check findings for `today`, for a command that needs both (csr site):
 * files read and validated through the cache (only changed files are parsed), the findings the
 * last check left when nothing changed since, else `run`'s, which are then remembered for the
 * next check. `run` returns what `csr check` computes: findings and held-back findings, marked.
 */
export async function loadChecked(root: string, today: string, run: (repo: Repository) => Finding[]): Promise<{ repo: Repository; findings: Finding[] }> {
  const paths = cachePaths(root);
  if (!paths) {
    const { loadRepository } = await import("./repository.js");
    const repo = loadRepository(root);
    return { repo, findings: run(repo) };
  }
  const state = cacheState(root, paths, today);
  const repo = await readThrough(root, paths, state);
  const remembered = rememberedFindings(state);
  if (remembered) {
    if (state.indexOutdated) writeIndex(paths.index, { ...state.index.header, written: Date.now() }, state.found, state.snapshot);
    return { repo, findings: remembered };
  }
  const findings = run(repo);
  remember(paths, state, findings, repo.files.length);
  return { repo, findings };
}

interface CacheState {
  found: Discovery;
  fingerprint: string;
  index: Index;
  snapshot: Snapshot;
  digest: string;
  /**
   * Whether the index is to be written again even when the findings are the last check's: some
   * file's stat data changed, or the directories had to be listed. Written anew, the index trusts
   * what it no longer needs to doubt (a file or directory changed too close to the old index), so
   * that the next check neither reads those files nor lists the directories again.
   */
  indexOutdated: boolean;
}

function cacheState(root: string, paths: { index: string }, today: string): CacheState {
  const fingerprint = packageFingerprint();
  const index = readIndex(paths.index, fingerprint);
  const listed = listedAsBefore(root, index);
  const found = listed ?? discover(root);
  const snapshot = takeSnapshot(found, index);
  return { found, fingerprint, index, snapshot, digest: resultDigest(today, found, snapshot.keys), indexOutdated: snapshot.statsChanged || !listed };
}

/** The findings of the last check, when nothing it followed from has changed. */
function rememberedFindings(state: CacheState): Finding[] | undefined {
  const result = state.index.header.result;
  return state.snapshot.unknown.length === 0 && result?.digest === state.digest ? result.findings : undefined;
}

/** The repository, each file from its cache entry when its content is known; the entries are updated. */
async function readThrough(root: string, paths: { entries: string }, state: CacheState): Promise<Repository> {
  const { found, snapshot, fingerprint } = state;
  const { buildRepository } = await import("./repository.js");
  const { cachedResult, cachedSource, sourceFromBytes, unreadSource } = await import("./source.js");
  const previous = readEntries(paths.entries, fingerprint);
  let hits = 0;
  const files: SourceFile[] = found.files.map((f, i) => {
    const key = snapshot.keys[i]!;
    const read = snapshot.read.get(i);
    const hit = previous.get(key);
    if (hit) {
      hits++;
      return cachedSource(read && Buffer.isBuffer(read) ? read : () => readFileSync(f.abs), f.path, f.kind, hit);
    }
    return read === undefined || Buffer.isBuffer(read) ? sourceFromBytes(read ?? readFileSync(f.abs), f.path, f.kind, "fast", f.abs) : unreadSource(f.path, f.kind, read);
  });
  const repo = buildRepository(root, files, found.problems);
  const unused = previous.size - new Set(snapshot.keys.filter((k) => previous.has(k))).size;
  if (hits < files.length || unused > 0) {
    const entries: Record<string, CachedResult> = {};
    files.forEach((file, i) => {
      const key = snapshot.keys[i]!;
      // An entry read from the file was JSON-safe when it was written.
      const known = previous.get(key);
      if (known) entries[key] = known;
      else if (jsonSafe(file.data)) entries[key] = cachedResult(file);
    });
    writeCacheFile(paths.entries, JSON.stringify({ format: FORMAT, fingerprint, entries }));
  }
  return repo;
}

/** Writes the index, with the findings when given (and JSON can carry them). */
function remember(paths: { index: string }, state: CacheState, findings: Finding[] | undefined, files: number): void {
  const result = findings && jsonSafe(findings) ? { digest: state.digest, files, findings } : undefined;
  writeIndex(paths.index, { format: FORMAT, fingerprint: state.fingerprint, written: Date.now(), ...(result ? { result } : {}) }, state.found, state.snapshot);
}

/**
 * The files of the last check, without listing a single directory, when none of the directories
 * listed then has changed since (by stat data, as for files) and none changed too close to the
 * moment the index was written to be trusted; undefined when the directories must be read.
 */
function listedAsBefore(root: string, index: Index): Discovery | undefined {
  const { listing } = index.header;
  if (!listing || listing[0]?.[0] !== "") return undefined;
  const trustedBefore = index.header.written - RACY_MS;
  const prefix = join(root, "x").slice(0, -1);
  for (const [path, mtimeMs, ino] of listing) {
    let stat: Stats | undefined;
    try {
      stat = statSync(path === "" ? root : prefix + path);
    } catch {
      return undefined;
    }
    if (stat.mtimeMs !== mtimeMs || stat.ino !== ino || mtimeMs >= trustedBefore) return undefined;
  }
  const files = index.paths.map((path, i) => ({ abs: prefix + path, path, kind: index.keys[i]!.slice(0, index.keys[i]!.indexOf(":")) as FileKind }));
  return { files, problems: [], listing };
}

interface Snapshot {
  /** Entry key of each discovered file, in discovery order. */
  keys: string[];
  stats: StatData[];
  /** What was read of the files whose stat data was not trusted, by discovery index. */
  read: Map<number, Buffer | LoadProblem>;
  /** Discovery indexes of files read because their stat data was unknown or changed. */
  unknown: number[];
  /** Whether any file's stat data differs from the index's (even with the same content). */
  statsChanged: boolean;
}

/**
 * One stat per file, as `git status` does; a file is read (and hashed) only when its stat data is
 * not the index's, or was written too close to the index to be trusted.
 */
function takeSnapshot(found: Discovery, index: Index): Snapshot {
  const snapshot: Snapshot = { keys: [], stats: [], read: new Map(), unknown: [], statsChanged: found.files.length !== index.paths.length };
  const trustedBefore = index.header.written - RACY_MS;
  // Both lists are sorted by path, so the file at the same place is usually the same file; the
  // lookup by path is made only when the file list changed.
  let byPath: Map<string, number> | undefined;
  const indexOf = (path: string, i: number) => (index.paths[i] === path ? i : (byPath ??= new Map(index.paths.map((p, at) => [p, at]))).get(path));
  found.files.forEach((f, i) => {
    const stat = statData(statSync(f.abs));
    const at = indexOf(f.path, i);
    const known = at === undefined ? undefined : { stat: index.stats[at]!, key: index.keys[at]! };
    snapshot.stats.push(stat);
    if (known && sameStat(known.stat, stat) && stat[1] < trustedBefore) {
      snapshot.keys.push(known.key);
      return;
    }
    snapshot.statsChanged = true;
    const read = readRegularFile(f.abs);
    snapshot.read.set(i, read);
    // A file not read (too large, or no longer a regular file) reads the same way for as long as its size stays the same.
    const key = Buffer.isBuffer(read) ? `${f.kind}:${createHash("sha1").update(read).digest("hex")}` : `${f.kind}:unread:${read.rule}:${stat[0]}`;
    snapshot.keys.push(key);
    if (key !== known?.key) snapshot.unknown.push(i);
  });
  return snapshot;
}

const statData = (stat: Stats): StatData => [stat.size, stat.mtimeMs, stat.ino];
const sameStat = (a: StatData, b: StatData) => a[0] === b[0] && a[1] === b[1] && a[2] === b[2];

/** What the findings follow from: the day, every file's path, kind and content key, and the discovery's problems. */
function resultDigest(today: string, found: Discovery, keys: string[]): string {
  // One update of one string: an update per file costs more than the hashing itself.
  const parts = [today];
  found.files.forEach((f, i) => parts.push(f.path, keys[i]!));
  parts.push(JSON.stringify(found.problems));
  return createHash("sha1").update(parts.join("\0")).digest("hex");
}

/** Records end with NUL and newline, fields are NUL-separated: no path can hold a NUL. */
const RECORD_END = "\0\n";

function readIndex(path: string, fingerprint: string): Index {
  const empty: Index = { header: { format: FORMAT, fingerprint, written: 0 }, paths: [], stats: [], keys: [] };
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return empty;
  }
  try {
    const headerEnd = text.indexOf("\n");
    const header = JSON.parse(text.slice(0, headerEnd)) as IndexHeader;
    if (header.format !== FORMAT || header.fingerprint !== fingerprint || typeof header.written !== "number") return empty;
    // A complete index ends with a record end; anything else is a truncated write.
    if (!text.endsWith(RECORD_END) && text.length > headerEnd + 1) return empty;
    const index: Index = { header, paths: [], stats: [], keys: [] };
    for (let at = headerEnd + 1; at < text.length; ) {
      const end = text.indexOf(RECORD_END, at);
      const [file, size, mtime, ino, key] = text.slice(at, end).split("\0");
      if (key === undefined) return empty;
      index.paths.push(file!);
      index.stats.push([Number(size), Number(mtime), Number(ino)]);
      index.keys.push(key);
      at = end + RECORD_END.length;
    }
    return index;
  } catch {
    return empty;
  }
}

function writeIndex(path: string, header: IndexHeader, found: Discovery, snapshot: Snapshot): void {
  // Kept only for a discovery without problems, so that a check reusing the listing has none either.
  const listing = found.problems.length === 0 ? found.listing : undefined;
  const lines = [JSON.stringify({ ...header, listing }), "\n"];
  found.files.forEach((f, i) => lines.push(`${f.path}\0${snapshot.stats[i]!.join("\0")}\0${snapshot.keys[i]}${RECORD_END}`));
  writeCacheFile(path, lines.join(""));
}

function readEntries(path: string, fingerprint: string): Map<string, CachedResult> {
  try {
    const cache = JSON.parse(readFileSync(path, "utf8")) as { format?: number; fingerprint?: string; entries?: Record<string, CachedResult> };
    if (cache.format === FORMAT && cache.fingerprint === fingerprint && typeof cache.entries === "object" && cache.entries !== null) return new Map(Object.entries(cache.entries));
  } catch {
    // Missing or truncated: start afresh.
  }
  return new Map();
}

/** `.git/csr-cache/` of the enclosing git repository (worktrees included). */
export function cacheDirectory(root: string): string | undefined {
  const gitdir = gitDirectory(root);
  return gitdir && join(gitdir, "csr-cache");
}

/** One cache per repository root, since one git repository may hold several document repositories. */
function cachePaths(root: string): { index: string; entries: string } | undefined {
  const dir = cacheDirectory(root);
  if (!dir) return undefined;
  const name = join(dir, `check-${createHash("sha1").update(realpathSync(root)).digest("hex").slice(0, 16)}`);
  return { index: `${name}.index`, entries: `${name}.json` };
}

let fingerprint: string | undefined;

/** Everything in csr that decides how a file reads: a change to any of it invalidates the cache. */
export function packageFingerprint(): string {
  if (fingerprint) return fingerprint;
  const hash = createHash("sha256");
  const add = (label: string, content: string | Buffer) => hash.update(`${label}\0${content.length}\0`).update(content);
  add("version", (JSON.parse(readFileSync(join(PACKAGE_ROOT, "package.json"), "utf8")) as { version: string }).version);
  for (const dir of [SCHEMA_DIR, STANDARDS_DIR, CALENDARS_DIR]) {
    for (const name of readdirSync(dir).sort()) add(join(dir, name), readFileSync(join(dir, name)));
  }
  add("code", typeof CSR_SOURCE_DIGEST === "string" ? CSR_SOURCE_DIGEST : sourceDigest());
  // Findings are kept as text, in the language of the run that computed them.
  add("language", language());
  add("catalog", readFileSync(catalogUrl(language())));
  // A lockfile upgrade of the parser or the validator changes results without a csr version bump.
  for (const dependency of ["yaml", "js-yaml", "ajv", "ajv-formats"]) add(dependency, dependencyVersion(dependency));
  fingerprint = hash.digest("hex");
  return fingerprint;
}

/**
 * A digest of csr's sources (src/): the build computes it and writes it into the bundle
 * (scripts/build.js), so that a cached check reads no code file; undefined when the sources run
 * unbundled, as in tests.
 */
declare const CSR_SOURCE_DIGEST: string | undefined;

/** The digest the build writes into the bundle, from the sources themselves (scripts/build.js computes the same). */
function sourceDigest(): string {
  const hash = createHash("sha256");
  const walk = (dir: string, relative: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (entry.isDirectory()) walk(join(dir, entry.name), `${relative}${entry.name}/`);
      else hash.update(`${relative}${entry.name}\0`).update(readFileSync(join(dir, entry.name))).update("\0");
    }
  };
  walk(join(PACKAGE_ROOT, "src"), "");
  return hash.digest("hex");
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

function writeCacheFile(path: string, content: string): void {
  try {
    writeFileAtomic(path, content, { overwrite: true });
  } catch {
    // A read-only checkout still checks; it only cannot remember.
  }
}
