/**
 * The check cache: what reading and validating each file produced, keyed by the file's content,
 * so that a repeated `csr check` parses only the files that changed, and the findings of the last
 * check, so that a check with nothing changed reads no file at all. It lives in the git directory
 * (`.git/csr-cache/`), never in the working tree; outside a git repository there is no cache. It
 * is also keyed by a fingerprint of csr itself (version, schemas, catalogs, calendars, its code):
 * any change there starts a new cache. A cache that cannot be read is ignored and rebuilt.
 *
 * Two files per repository root:
 * - `check-<root>.index`: a header line (JSON: format, the root, fingerprint and the stat data of
 *   csr's files it was made from, when written, the last findings, where in its file each rule
 *   reported its finding, and what they were computed from),
 *   then, for every file, its path, its stat data, the key of its entry and where the entry lies in
 *   the entries file, in columns (see writeIndex). Like git's index, it tells an unchanged file by
 *   its stat data alone.
 * - `check-<root>.entries`: a header line (format, fingerprint), then one record per entry,
 *   `<key> TAB <JSON> LF`, appended as files are read (a journal: nothing is rewritten when a file
 *   changes) and compacted when more than half of it is no longer used. Read only when some file
 *   changed: whole when the whole check runs or a cross-file rule runs again, record by record (at
 *   the index's offsets) when a few files changed. A record is taken only if it names the key sought, so an entries file written
 *   by another check in between costs a parse, never a wrong result.
 *
 * When a few CSRs, documents or customers changed, and nothing else did (same files, same day,
 * same qms.yaml, people.yaml, processes, symbols, catalogs, same csr), only the changed files are
 * read; `rerun` (check/incremental.ts) decides from the rules' scopes which of the last findings
 * stand and runs the rules that must run again, on the changed files alone or (a cross-file rule
 * whose reads changed) on the whole repository from the entries, or declines, and the whole check
 * runs.
 *
 * This relies on a file's load problems depending on its content and kind alone, never on its
 * path or on other files: cross-file findings belong to rules.
 */
import { closeSync, existsSync, fstatSync, openSync, readdirSync, readFileSync, readSync, realpathSync, rmSync, statSync, writeSync, type Dirent, type Stats } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { reportedAt, type Finding, type ReportedAt } from "../core/diagnostic.js";
import { writeFileAtomic, type FileContent } from "../core/write.js";
import { catalogUrl, language } from "../i18n/index.js";
import { discover, type Discovery, type FoundFile, type ListedDirectory } from "./discover.js";
import { gitDirectory } from "./git-directory.js";
import { readRegularFile } from "./guards.js";
import { CALENDARS_DIR, PACKAGE_JSON, PACKAGE_ROOT, packageManifest, SCHEMA_DIR, SCHEMA_HINTS_ZH, STANDARDS_DIR } from "./package.js";
import type { Repository } from "./repository.js";
import type { CachedResult, FileKind, LoadProblem, SourceFile } from "./source.js";
import { atDefaultBudget } from "./tiering.js";

const FORMAT = 8;
/**
 * node:crypto, loaded on first use: outside git, a check loads this module and has no cache to key.
 * Kept once loaded: process.getBuiltinModule costs about as much as hashing a file, done per file.
 */
let crypto: typeof import("node:crypto") | undefined;
const createHash = (algorithm: string) => (crypto ??= process.getBuiltinModule("node:crypto")).createHash(algorithm);

/**
 * A file modified this close to the moment the cache was written could change again within the
 * same timestamp tick (git's "racily clean" problem); its stat data is then not trusted.
 */
const RACY_MS = 2000;

/**
 * The stat data that tells an unchanged file, as in git's index: size, modification time, change
 * time and inode (an editor that saves by writing a new file and renaming it changes the inode).
 * The change time as git trusts it by default (`core.trustctime`): a file edited in place whose
 * modification time was then set back (`touch -r`, a tool that keeps times) has a new change time
 * only, and was taken as unchanged; a chmod or a new hard link moves it too, which costs a read.
 * A file too recent to trust is told by its modification time (RACY_MS), which every write moves.
 * Kept for all files in one array, four numbers per file (STAT_FIELDS): no object per file.
 */
const STAT_FIELDS = 4;

/** Where a file's entry lies in the entries file: offset and length of its record, -1 for none. */
const ENTRY_FIELDS = 2;

/** The kinds of file a repeated check reads alone when they change; a change to any other kind runs the whole check. */
const INCREMENTAL_KINDS: ReadonlySet<FileKind> = new Set(["csr", "document", "customer"]);

/**
 * Beyond this many changed files the whole check costs about as much as reading them one by one
 * (a branch switch, a pull): it runs whole.
 */
const MAX_INCREMENTAL = 64;

interface IndexHeader {
  format: number;
  /** The repository root (real path) the index is of: the file's name is a short digest of it. */
  root: string;
  fingerprint: string;
  /** What the fingerprint was made from, to tell without reading it that it still holds (see trustedFingerprint). */
  own?: OwnFiles;
  /** When the index was written (ms since the epoch). */
  written: number;
  /**
   * The findings of the last check, the day they were computed for, and the digest of what they
   * follow from (see resultDigest).
   */
  result?: {
    digest: string;
    today: string;
    /** HEAD and the release tags the findings were computed with (refsStamp): git-derived findings read HEAD's history, doc/revision-not-bumped the tags. */
    refs?: string;
    files: number;
    findings: Finding[];
    /** Where in its file each finding was reported (reportedAt), 0 for the loader's findings. */
    targets: (ReportedAt | 0)[];
    /** Whether discovery found no problem (a repeated check reads changed files alone only then). */
    clean: boolean;
  };
  /** The directories listed when the files were last discovered (see Discovery.listing). */
  listing?: ListedDirectory[];
}

/** The files of the last check in discovery order: path, stat data and entry key when last read. */
interface Index {
  header: IndexHeader;
  /** How many files. */
  count: number;
  /** The paths, joined by NUL (a check with nothing changed takes them one by one: see statIndexed). */
  pathText: string;
  /** The paths one by one, split from pathText when first asked for. */
  paths: string[];
  /** Size, modification time, change time and inode of each file (STAT_FIELDS numbers per file). */
  stats: Float64Array;
  keys: string[];
  /**
   * One file's path, key or kind, taken from the column's text without splitting it (a check with a
   * few files changed needs a few, and the 10,000 strings of the split columns would live through
   * every collection of its run): where each one starts is found once, in a typed array.
   */
  pathAt(i: number): string;
  keyAt(i: number): string;
  kindAt(i: number): FileKind;
  /** Finds where each path and key starts, and so that both columns are readable (else throws UnreadableIndex). */
  locate(): void;
  /** The paths column as written (UTF-8, joined by NUL), for an index written again with the same files. */
  pathBytes: Buffer;
  /**
   * The keys column as written, with the keys of the files at some places replaced (the files read
   * again of an index written again with the same files); undefined when its text is not ASCII, in
   * which places in the text are not places in the bytes (keys are ASCII: kind, digest, rule id).
   */
  keysWith(replaced: ReadonlyMap<number, string>): Buffer | undefined;
  /** Offset and length of each file's record in the entries file (ENTRY_FIELDS numbers per file). */
  entries: Float64Array;
}

/** The result of a check: its findings and how many files it read. */
export interface CheckResult {
  findings: Finding[];
  files: number;
}

/**
 * A check with the cache: the findings of the last check when nothing changed since (same files,
 * same content by stat data, same `today`, same HEAD and release tags: refsStamp); otherwise only the changed files are read, and
 * `run` computes the findings on the repository. The cached findings are the ones `run` gave;
 * `rememberFindings: false` (a check against a base revision) neither uses nor keeps them.
 */
export async function checkCached(
  root: string,
  today: string,
  run: (repo: Repository) => Finding[] | Promise<Finding[]>,
  options: { rememberFindings: boolean; rerun?: (change: Rerun) => Promise<Finding[] | undefined> } = { rememberFindings: true },
): Promise<CheckResult> {
  const paths = cachePaths(root);
  if (!paths) {
    const { loadRepository } = await import("./repository.js");
    const repo = loadRepository(root);
    return { findings: await run(repo), files: repo.files.length };
  }
  const state = withReadableIndex(paths, () => cacheState(root, paths, today, options.rememberFindings));
  const { remembered } = state;
  if (remembered) {
    if (state.indexOutdated) writeIndex(paths.index, { ...state.index.header, own: state.own, written: Date.now() }, state);
    return { findings: remembered, files: state.index.header.result!.files };
  }
  const rerun = options.rememberFindings && options.rerun ? await readChanged(root, paths, state, options.rerun) : undefined;
  if (rerun) {
    remember(paths, state, rerun, state.count);
    return { findings: rerun, files: state.count };
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
 * Without `run` (a site of a past day, whose findings are those of a commit): the files only, and
 * the index is written without findings, as by a check that remembers none.
 */
export async function loadChecked(root: string, today: string, run: (repo: Repository) => Finding[] | Promise<Finding[]>): Promise<{ repo: Repository; findings: Finding[] }>;
export async function loadChecked(root: string, today: string): Promise<{ repo: Repository }>;
export async function loadChecked(root: string, today: string, run?: (repo: Repository) => Finding[] | Promise<Finding[]>): Promise<{ repo: Repository; findings?: Finding[] }> {
  const paths = cachePaths(root);
  if (!paths) {
    const { loadRepository } = await import("./repository.js");
    const repo = loadRepository(root);
    return run ? { repo, findings: await run(repo) } : { repo };
  }
  // The files are read whether or not the findings are remembered.
  const state = withReadableIndex(paths, () => cacheState(root, paths, today, false));
  const repo = await readThrough(root, paths, state);
  if (!run) {
    keepIndex(paths, state);
    return { repo };
  }
  state.refs = refsStamp(paths.git);
  const remembered = rememberedFindings(state);
  if (remembered) {
    if (state.indexOutdated) writeIndex(paths.index, { ...state.index.header, own: state.own, written: Date.now() }, state);
    return { repo, findings: remembered };
  }
  const findings = await run(repo);
  remember(paths, state, findings, repo.files.length);
  return { repo, findings };
}

interface CacheState {
  found: Discovery;
  /** How many files were found. */
  count: number;
  /**
   * The file found at `i`, made alone when the files are the index's (found.files makes an object
   * for every file, which a check with a few files changed does not need).
   */
  fileAt(i: number): FoundFile;
  /** Whether the files were found without listing a directory: they are the index's, in its order (listedAsBefore). */
  listed: boolean;
  fingerprint: string;
  /** What the fingerprint was made from, for the next index (undefined when csr runs unbundled). */
  own: OwnFiles | undefined;
  /** The last check's findings when they answer this check (see rememberedFindings), if asked for. */
  remembered: Finding[] | undefined;
  /** HEAD and the release tags as they are (refsStamp), when findings are to be remembered. */
  refs: string | undefined;
  index: Index;
  snapshot: Snapshot;
  today: string;
  /**
   * Whether the files are the index's own: found without listing a directory (so in its order),
   * each with the index's key (a file read again because of its stat data had the same content).
   */
  asIndexed: boolean;
  /**
   * Whether the index is to be written again even when the findings are the last check's: some
   * file's stat data changed, or the directories had to be listed. Written anew, the index trusts
   * what it no longer needs to doubt (a file or directory changed too close to the old index), so
   * that the next check neither reads those files nor lists the directories again.
   */
  indexOutdated: boolean;
}

/**
 * What the cache knows of the repository now. With `remember`, the last findings when they answer
 * the check; otherwise the index's columns are all read here (see withReadableIndex).
 */
function cacheState(root: string, paths: CachePaths, today: string, remember: boolean): CacheState {
  let index = readIndex(paths.index, paths.root);
  // Trusted from the stat data of csr's own files, the fingerprint needs neither their content nor node:crypto.
  const trusted = trustedFingerprint(index.header);
  const { fingerprint, own } = trusted ? { fingerprint: trusted, own: index.header.own } : packageFingerprint();
  if (index.header.fingerprint !== fingerprint) index = emptyIndex();
  const listed = listedAsBefore(root, index);
  const found = listed ?? discover(root);
  const prefix = join(root, "x").slice(0, -1);
  const fileAt = listed ? (i: number): FoundFile => ({ abs: prefix + index.pathAt(i), path: index.pathAt(i), kind: index.kindAt(i), listedAsFile: false }) : (i: number) => found.files[i]!;
  const snapshot = takeSnapshot(root, found, index, listed !== undefined, fileAt);
  const state: CacheState = {
    found,
    count: listed ? index.count : found.files.length,
    fileAt,
    listed: listed !== undefined,
    fingerprint,
    own,
    remembered: undefined,
    refs: remember ? refsStamp(paths.git) : undefined,
    index,
    snapshot,
    today,
    asIndexed: listed !== undefined && snapshot.unknown.length === 0,
    // A fingerprint made again for the same csr (its files were new, as after an install) is written down to be trusted next time.
    indexOutdated: snapshot.statsChanged || !listed || (!trusted && own !== undefined && index.count > 0),
  };
  if (remember) state.remembered = rememberedFindings(state);
  // Whatever uses the index's columns after this finds them readable (readIndex checks them when first split or located).
  if (!state.remembered || state.indexOutdated) index.locate();
  return state;
}

/**
 * The index is read column by column as the check needs it (readIndex): a column found unreadable
 * only then throws UnreadableIndex, and the check's reading of the cache starts again without the
 * index, as for a missing one (nothing has been written by then but entries, which are checked by
 * their keys when read).
 */
function withReadableIndex<T>(paths: CachePaths, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof UnreadableIndex)) throw error;
    rmSync(paths.index, { force: true });
    return read();
  }
}

/**
 * The findings of the last check, when nothing it followed from has changed. The index was written
 * with the findings and the files they were computed from: when the files are the index's (same
 * paths in the same order, same keys, no discovery problems), the day alone is left to compare;
 * otherwise the digest of what the findings follow from is.
 */
function rememberedFindings(state: CacheState): Finding[] | undefined {
  const result = state.index.header.result;
  if (!result || state.snapshot.unknown.length > 0) return undefined;
  if (result.today !== state.today || result.refs !== state.refs) return undefined;
  if (state.asIndexed) return result.findings;
  // The index is written with the files its findings were computed from, and kept with them only
  // while the files are the same (checkCached, loadChecked): its columns are what they follow from.
  const { found, index } = state;
  if (result.digest !== resultDigest(state.today, found.problems) || found.files.length !== index.count) return undefined;
  const keys = state.snapshot.keys;
  for (let i = 0; i < index.count; i++) if (found.files[i]!.path !== index.pathAt(i) || keys[i] !== index.keyAt(i)) return undefined;
  return result.findings;
}

/** What a repeated check with a few files changed knows, for check/incremental.ts. */
export interface Rerun {
  /** The last check's findings; a rule's carry where it was reported (reportedAt). */
  previous: Finding[];
  /** Each changed file as the last check read it (data and problems only) and as it reads now, in discovery order. */
  changed: { before: SourceFile; after: SourceFile }[];
  /** The changed files (as they read now) and the files of the other kinds, read and validated. */
  partial: Repository;
  /**
   * The whole repository as it reads now, for a rule that must run over all of it: the files not
   * changed from their cache entries (nothing parsed), the others as in `partial`.
   */
  whole(): Repository;
}

/**
 * The findings `rerun` computes from the changed files alone, when only CSRs, documents or
 * customers changed since the last check (same files, same day); undefined when the whole check
 * must run. The changed files' new entries are appended to the entries file.
 */
async function readChanged(root: string, paths: { entries: string }, state: CacheState, rerun: (change: Rerun) => Promise<Finding[] | undefined>): Promise<Finding[] | undefined> {
  const { found, snapshot, index, fingerprint, fileAt } = state;
  const result = index.header.result;
  const changed = snapshot.unknown;
  if (!result?.clean || result.today !== state.today || result.refs !== state.refs || found.problems.length > 0 || changed.length === 0 || changed.length > MAX_INCREMENTAL) return undefined;
  // Files listed as before are the index's by construction.
  if (!state.listed && (found.files.length !== index.count || found.files.some((f, i) => f.path !== index.pathAt(i)))) return undefined;
  if (changed.some((i) => !INCREMENTAL_KINDS.has(fileAt(i).kind))) return undefined;
  const foundations: number[] = [];
  for (let i = 0; i < state.count; i++) if (!INCREMENTAL_KINDS.has(index.kindAt(i))) foundations.push(i);
  // The changed files' entries as the last check read them (the index's keys), and the foundations'.
  const records = readRecords(
    paths.entries,
    fingerprint,
    [...changed, ...foundations].map((i) => ({ key: index.keyAt(i), offset: index.entries[i * ENTRY_FIELDS]!, length: index.entries[i * ENTRY_FIELDS + 1]! })),
  );
  if (!records || records.some((r) => r === undefined)) return undefined;
  const { buildRepository } = await import("./repository.js");
  const { cachedSource, readSource, sourceFromBytes, unreadSource } = await import("./source.js");
  const files = new Map<number, SourceFile>();
  const before: SourceFile[] = [];
  changed.forEach((i, n) => {
    const f = fileAt(i);
    // Only the data and problems of the earlier content are asked for, never its text.
    before.push(cachedSource(Buffer.alloc(0), f.path, f.kind, records[n]!));
    const read = snapshot.read.get(i)!;
    files.set(i, Buffer.isBuffer(read) ? sourceFromBytes(read, f.path, f.kind, "fast", f.abs) : unreadSource(f.path, f.kind, read));
  });
  foundations.forEach((i, n) => {
    const f = fileAt(i);
    files.set(i, cachedSource(() => readFileSync(f.abs), f.path, f.kind, records[changed.length + n]!));
  });
  const partial = buildRepository(root, [...files.keys()].sort((a, b) => a - b).map((i) => files.get(i)!), []);
  const previous = result.findings.map((finding, n) => {
    const at = result.targets[n];
    if (at) reportedAt.set(finding, at);
    return finding;
  });
  const whole = () => {
    const pack = readPack(paths.entries, fingerprint);
    const all = found.files.map((f, i) => {
      const known = files.get(i);
      if (known) return known;
      const hit = pack && entryAt(pack, index.keys[i]!, index.entries[i * ENTRY_FIELDS]!, index.entries[i * ENTRY_FIELDS + 1]!);
      return hit ? cachedSource(() => readFileSync(f.abs), f.path, f.kind, hit) : readSource(f.abs, f.path, f.kind);
    });
    return buildRepository(root, all, []);
  };
  const findings = await rerun({ previous, changed: changed.map((i, n) => ({ before: before[n]!, after: files.get(i)! })), partial, whole });
  if (findings) {
    const { cachedResult } = await import("./source.js");
    storeEntries(paths.entries, fingerprint, snapshot, changed.map((i) => ({ at: i, file: files.get(i)!, cachedResult })));
  }
  return findings;
}

/** The repository, each file from its cache entry when its content is known; new entries are stored. */
async function readThrough(root: string, paths: { entries: string }, state: CacheState): Promise<Repository> {
  const { found, snapshot, fingerprint, index } = state;
  const { buildRepository } = await import("./repository.js");
  const { cachedResult, cachedSource, sourceFromBytes, unreadSource } = await import("./source.js");
  const pack = readPack(paths.entries, fingerprint);
  // Where the last check left the entry of each content key (a renamed or copied file finds its content's).
  const known = new Map<string, number>();
  if (pack) index.keys.forEach((key, at) => index.entries[at * ENTRY_FIELDS]! >= 0 && known.set(key, at));
  const fresh: { at: number; file: SourceFile }[] = [];
  const files: SourceFile[] = atDefaultBudget(() =>
    found.files.map((f, i) => {
      const key = snapshot.keys[i]!;
      const read = snapshot.read.get(i);
      const at = known.get(key);
      const hit = at === undefined ? undefined : entryAt(pack!, key, index.entries[at * ENTRY_FIELDS]!, index.entries[at * ENTRY_FIELDS + 1]!);
      if (hit) {
        snapshot.entries[i * ENTRY_FIELDS] = index.entries[at! * ENTRY_FIELDS]!;
        snapshot.entries[i * ENTRY_FIELDS + 1] = index.entries[at! * ENTRY_FIELDS + 1]!;
        return cachedSource(read && Buffer.isBuffer(read) ? read : () => readFileSync(f.abs), f.path, f.kind, hit);
      }
      const file = read === undefined || Buffer.isBuffer(read) ? sourceFromBytes(read ?? readFileSync(f.abs), f.path, f.kind, "fast", f.abs) : unreadSource(f.path, f.kind, read);
      fresh.push({ at: i, file });
      return file;
    }),
  );
  const repo = buildRepository(root, files, found.problems);
  // After buildRepository, which adds the schema problems to each file's.
  storeEntries(paths.entries, fingerprint, snapshot, fresh.map(({ at, file }) => ({ at, file, cachedResult })));
  return repo;
}

/** Writes the index, with the findings when given (and JSON can carry them). */
function remember(paths: CachePaths, state: CacheState, findings: Finding[] | undefined, files: number): void {
  if (state.index.header.root === "") removeEarlierCaches(paths);
  const result =
    findings && jsonSafe(findings)
      ? {
          digest: resultDigest(state.today, state.found.problems),
          today: state.today,
          ...(state.refs !== undefined ? { refs: state.refs } : {}),
          files,
          findings,
          targets: findings.map((f) => reportedAt.get(f) ?? (0 as const)),
          clean: state.found.problems.length === 0,
        }
      : undefined;
  writeIndex(
    paths.index,
    { format: FORMAT, root: paths.root, fingerprint: state.fingerprint, ...(state.own ? { own: state.own } : {}), written: Date.now(), ...(result ? { result } : {}) },
    state,
  );
}

/**
 * After the files were read without findings being computed (a read command, a site of a past
 * day): the index is written again only when it would change, and keeps the last check's findings
 * for as long as they answer for the files as they are (as rememberedFindings tells), so that a
 * `csr list` between two checks does not make the second one run whole.
 */
function keepIndex(paths: CachePaths, state: CacheState): void {
  const { index, snapshot } = state;
  if (state.asIndexed && !state.indexOutdated && snapshot.entries.every((at, i) => at === index.entries[i])) return;
  const result = index.header.result;
  // The findings answer for these files on the day they were computed for, which a read command need not share.
  // And with the refs they were computed with, which the next check compares (a read command does not look at them).
  if (!result || !rememberedFindings({ ...state, today: result.today, refs: result.refs })) return remember(paths, state, undefined, 0);
  writeIndex(paths.index, { ...index.header, own: state.own, written: Date.now() }, state);
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
  for (const [path, mtimeMs, ctimeMs, ino] of listing) {
    let stat: Stats | undefined;
    try {
      stat = statSync(path === "" ? root : prefix + path);
    } catch {
      return undefined;
    }
    if (stat.mtimeMs !== mtimeMs || stat.ctimeMs !== ctimeMs || stat.ino !== ino || mtimeMs >= trustedBefore) return undefined;
  }
  // Made only when asked for: a check with nothing changed stats the index's paths (takeSnapshot) and
  // needs no object per file, which every young-generation collection of its run would copy.
  let files: FoundFile[] | undefined;
  return {
    get files() {
      return (files ??= index.paths.map((path, i) => ({ abs: prefix + path, path, kind: kindOf(index.keys[i]!), listedAsFile: false })));
    },
    problems: [],
    listing,
  };
}

/** The kinds of file, the most numerous first. */
const KINDS: FileKind[] = ["csr", "document", "customer", "people", "processes", "symbols", "standard", "qms", "action", "supplier", "tooling", "first-article", "objective", "register-edition", "management-review"];
const COLON = 58;

/** The first character of each of KINDS. */
const INITIALS = KINDS.map((kind) => kind.charCodeAt(0));

/**
 * The kind an entry key (in `text` at `at`) starts with (`<kind>:…`), without making a string per
 * file. Called for every file (the kinds of a check with a few files changed), so an indexed loop
 * that compares the first character before the rest: `for … of` over KINDS with startsWith alone
 * took 8 ms for 10,000 keys, this about 1 ms (V8's interpreter at csr's raised budget).
 */
function kindOf(text: string, at = 0): FileKind {
  const initial = text.charCodeAt(at);
  for (let k = 0; k < KINDS.length; k++) {
    const kind = KINDS[k]!;
    if (INITIALS[k] === initial && text.charCodeAt(at + kind.length) === COLON && text.startsWith(kind, at)) return kind;
  }
  throw new Error(`not an entry key: ${text.slice(at, text.indexOf("\0", at) >>> 0)}`);
}

interface Snapshot {
  /** Entry key of each discovered file, in discovery order. */
  keys: string[];
  /** The entry key of the file at `i`, without making the array of them all. */
  keyAt(i: number): string;
  /** The keys joined by NUL, as the index's keys column (see writeIndex). */
  keysColumn(): Buffer;
  /** Stat data of each discovered file (STAT_FIELDS numbers per file). */
  stats: Float64Array;
  /** What was read of the files whose stat data was not trusted, by discovery index. */
  read: Map<number, Buffer | LoadProblem>;
  /** Discovery indexes of files read because their stat data was unknown or changed. */
  unknown: number[];
  /** Whether any file's stat data differs from the index's (even with the same content). */
  statsChanged: boolean;
  /** Where each file's entry lies in the entries file (ENTRY_FIELDS numbers per file), -1 while not known. */
  entries: Float64Array;
}

/**
 * One stat per file, as `git status` does; a file is read (and hashed) only when its stat data is
 * not the index's, or was written too close to the index to be trusted.
 */
function takeSnapshot(root: string, found: Discovery, index: Index, listedAsIndexed: boolean, fileAt: (i: number) => FoundFile): Snapshot {
  // Files listed as the index's are the index's paths: found.files is not made for them (listedAsBefore).
  const count = listedAsIndexed ? index.count : found.files.length;
  const snapshot: Snapshot = {
    keys: [],
    keyAt: (i) => own.get(i) ?? index.keyAt(from[i]!),
    keysColumn: () => {
      // The index's own files: its column with the keys of the files read again put in.
      return (listedAsIndexed ? index.keysWith(own) : undefined) ?? Buffer.from(snapshot.keys.join("\0"));
    },
    // The index's own files are stat'ed into the index's array, which is compared as it is overwritten (statIndexed).
    stats: listedAsIndexed ? index.stats : new Float64Array(count * STAT_FIELDS),
    read: new Map(),
    unknown: [],
    statsChanged: count !== index.count,
    entries: listedAsIndexed ? index.entries.slice() : new Float64Array(count * ENTRY_FIELDS).fill(-1),
  };
  const trustedBefore = index.header.written - RACY_MS;
  const { stats, entries } = snapshot;
  // Each file's key: its own when it was read, else the index's at `from[i]`. Made into an array only
  // when asked for, so that a check with nothing changed splits no key out of the index (readIndex).
  const own = new Map<number, string>();
  const from = new Int32Array(count);
  let keys: string[] | undefined;
  Object.defineProperty(snapshot, "keys", { get: () => (keys ??= Array.from(from, (at, i) => own.get(i) ?? index.keys[at]!)) });
  const sameEntry = (i: number, at: number) => {
    from[i] = at;
    entries[i * ENTRY_FIELDS] = index.entries[at * ENTRY_FIELDS]!;
    entries[i * ENTRY_FIELDS + 1] = index.entries[at * ENTRY_FIELDS + 1]!;
  };
  /** Reads the file at `i` (the index's file at `at`, if any), whose stat data did not tell that it is unchanged. */
  const readAgain = (i: number, at: number | undefined) => {
    snapshot.statsChanged = true;
    const f = fileAt(i);
    const read = readRegularFile(f.abs);
    snapshot.read.set(i, read);
    // A file not read (too large, or no longer a regular file) reads the same way for as long as its size stays the same.
    const key = Buffer.isBuffer(read) ? `${f.kind}:${createHash("sha1").update(read).digest("hex")}` : `${f.kind}:unread:${read.rule}:${stats[i * STAT_FIELDS]}`;
    own.set(i, key);
    if (at === undefined || key !== index.keys[at]) snapshot.unknown.push(i);
    else sameEntry(i, at);
  };
  if (listedAsIndexed) {
    // The index's own files in its order: one loop over the stats, then the few doubted files.
    const doubted = index.count < OPTIMISED_STAT_LOOP ? statIndexed(root, index, trustedBefore) : atDefaultBudget(() => statIndexed(root, index, trustedBefore));
    for (let i = 0; i < count; i++) from[i] = i;
    for (const i of doubted) {
      entries[i * ENTRY_FIELDS] = entries[i * ENTRY_FIELDS + 1] = -1;
      readAgain(i, i);
    }
    return snapshot;
  }
  // Both lists are sorted by path, so the file at the same place is usually the same file; the
  // lookup by path is made only when the file list changed.
  let byPath: Map<string, number> | undefined;
  const indexOf = (path: string, i: number) => (i < index.count && index.paths[i] === path ? i : (byPath ??= new Map(index.paths.map((p, at) => [p, at]))).get(path));
  for (let i = 0; i < count; i++) {
    const f = found.files[i]!;
    const stat = statSync(f.abs);
    const [size, mtimeMs, ctimeMs, ino] = [stat.size, stat.mtimeMs, stat.ctimeMs, stat.ino];
    stats[i * STAT_FIELDS] = size;
    stats[i * STAT_FIELDS + 1] = mtimeMs;
    stats[i * STAT_FIELDS + 2] = ctimeMs;
    stats[i * STAT_FIELDS + 3] = ino;
    const at = indexOf(f.path, i);
    const known = at === undefined ? undefined : at * STAT_FIELDS;
    if (known !== undefined && index.stats[known] === size && index.stats[known + 1] === mtimeMs && index.stats[known + 2] === ctimeMs && index.stats[known + 3] === ino && mtimeMs < trustedBefore) sameEntry(i, at!);
    else readAgain(i, at);
  }
  return snapshot;
}

/**
 * From this many files on, the stat loop runs at V8's default interrupt budget (atDefaultBudget),
 * below it at csr's raised one. At the default, V8's optimising compiler compiles the loop with
 * Node's statSync, Stats and Date inlined (on a thread of its own, whose CPU the run pays too): at
 * 10,000 files that cost more than it saved, at 50,000 it paid (callgrind, a check with nothing
 * changed: 10,000 files 403 M instructions at the default, 382 M at csr's budget; 50,000 files 663 M
 * and 851 M, so about 5,400 instructions a file saved against 22 M spent: even at about 14,000).
 */
const OPTIMISED_STAT_LOOP = 15_000;

/**
 * The stat data of the index's files, in its order, written over the index's own (STAT_FIELDS
 * numbers per file, each compared before it is overwritten: no second array of them); the indexes
 * of the files whose stat data is not the index's, or is too recent to be trusted. The loop a
 * check with nothing changed spends its time in: the paths are taken one by one from the index's
 * text (no array of 50,000 strings for every collection to copy), and stat'ed relative to the root
 * when the process may change its folder (the kernel then walks two or three path components
 * instead of the root's as well: in C, 49,003 stats 180 → 150 ms of CPU).
 */
function statIndexed(root: string, index: Index, trustedBefore: number): number[] {
  const { count, pathText: text, stats } = index;
  const doubted: number[] = [];
  inFolder(root, (relative) => {
    const prefix = relative ? "" : join(root, "x").slice(0, -1);
    for (let i = 0, start = 0; i < count; i++) {
      const end = i + 1 < count ? text.indexOf("\0", start) : text.indexOf("\0", start) === -1 ? text.length : -1;
      if (end === -1) throw new UnreadableIndex();
      const stat = statSync(prefix + text.slice(start, end), { throwIfNoEntry: false });
      start = end + 1;
      const at = i * STAT_FIELDS;
      // A file gone since the directories were listed (a race with an edit) is read, and found missing, like a changed one.
      const size = stat ? stat.size : -1;
      const mtimeMs = stat ? stat.mtimeMs : -1;
      const ctimeMs = stat ? stat.ctimeMs : -1;
      const ino = stat ? stat.ino : -1;
      if (stats[at] !== size || stats[at + 1] !== mtimeMs || stats[at + 2] !== ctimeMs || stats[at + 3] !== ino || mtimeMs >= trustedBefore || !stat) {
        doubted.push(i);
        stats[at] = size;
        stats[at + 1] = mtimeMs;
        stats[at + 2] = ctimeMs;
        stats[at + 3] = ino;
      }
    }
  });
  return doubted;
}

/**
 * Runs `work` with the process in `folder` when it can go there and back (not in a worker thread,
 * nor from a folder since removed), telling it whether it is there. Nothing else runs meanwhile:
 * `work` is synchronous.
 */
function inFolder(folder: string, work: (there: boolean) => void): void {
  let back: string;
  try {
    back = process.cwd();
    process.chdir(folder);
  } catch {
    work(false);
    return;
  }
  try {
    work(true);
  } finally {
    process.chdir(back);
  }
}

/**
 * What the findings follow from besides the files, whose paths and keys the index's columns hold
 * (see rememberedFindings): the day and the discovery's problems. (Until 2026-12-03 the digest was
 * of every path and key too, hashed on every check that wrote the index: at 10,000 files about 27 M
 * instructions of a check with one file changed.)
 */
function resultDigest(today: string, problems: Discovery["problems"]): string {
  return createHash("sha1").update(`${today}\0${JSON.stringify(problems)}`).digest("hex");
}

/**
 * After the header line (padded with spaces so that the numbers start at a multiple of 8 bytes in
 * the file: see numbers), the index holds four columns for N files: a little-endian uint32 N and
 * the byte lengths of the paths and keys columns (uint32 each); the stat data (N * STAT_FIELDS
 * float64 in the machine's byte order: the cache never leaves the machine, and stat data read
 * wrongly would only make files be read again); where the entries lie (N * ENTRY_FIELDS float64,
 * likewise); the paths and the keys, each UTF-8 text joined by NUL (no path or key holds a NUL).
 * Read back as a whole, with no parsing per file.
 */
const COLUMNS_HEAD = 12;

/** The index of no file, as when there is none. */
function emptyIndex(): Index {
  const none = () => {
    throw new RangeError("the empty index has no file");
  };
  return {
    header: { format: FORMAT, root: "", fingerprint: "", written: 0 },
    count: 0,
    pathText: "",
    paths: [],
    stats: new Float64Array(0),
    keys: [],
    entries: new Float64Array(0),
    pathAt: none,
    keyAt: none,
    kindAt: none,
    locate: () => {},
    pathBytes: Buffer.alloc(0),
    keysWith: () => undefined,
  };
}

/** A column of the index that turned out unreadable once the check had begun to use it (see withReadableIndex). */
class UnreadableIndex extends Error {}

/**
 * The index of `root` as the last check wrote it, or an empty one when there is none or it is of
 * another format or root, or cut short. The header and the stat data are taken at once; the paths
 * are decoded as one text, split when asked for, and the keys split when first asked for too. A
 * count of paths or keys other than the header's throws UnreadableIndex then (a check with nothing
 * changed needs no key, and the 50,000 strings of a large repository would live through every
 * collection of its run).
 */
function readIndex(path: string, root: string): Index {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return emptyIndex();
  }
  try {
    const headerEnd = bytes.indexOf(10);
    const header = JSON.parse(bytes.toString("utf8", 0, headerEnd)) as IndexHeader;
    if (header.format !== FORMAT || header.root !== root || typeof header.fingerprint !== "string" || typeof header.written !== "number") return emptyIndex();
    let at = headerEnd + 1;
    const count = bytes.readUInt32LE(at);
    const pathBytes = bytes.readUInt32LE(at + 4);
    const keyBytes = bytes.readUInt32LE(at + 8);
    at += COLUMNS_HEAD;
    const statBytes = count * STAT_FIELDS * Float64Array.BYTES_PER_ELEMENT;
    const entryBytes = count * ENTRY_FIELDS * Float64Array.BYTES_PER_ELEMENT;
    // Anything but the exact length is a truncated write.
    if (bytes.length !== at + statBytes + entryBytes + pathBytes + keyBytes) return emptyIndex();
    const stats = numbers(bytes, at, count * STAT_FIELDS);
    at += statBytes;
    const entries = numbers(bytes, at, count * ENTRY_FIELDS);
    at += entryBytes;
    const pathText = bytes.toString("utf8", at, at + pathBytes);
    const pathColumn = bytes.subarray(at, at + pathBytes);
    at += pathBytes;
    const keyColumn = bytes.subarray(at, at + keyBytes);
    const column = (text: () => string) => {
      const parts = count === 0 ? [] : text().split("\0");
      if (parts.length !== count) throw new UnreadableIndex();
      return parts;
    };
    let paths: string[] | undefined;
    let keys: string[] | undefined;
    let keyText: string | undefined;
    const keysText = () => (keyText ??= keyColumn.toString("utf8"));
    let pathStarts: Uint32Array | undefined;
    let keyStarts: Uint32Array | undefined;
    const pathsAt = () => (pathStarts ??= starts(pathText, count));
    const keysAt = () => (keyStarts ??= starts(keysText(), count));
    return {
      header,
      count,
      pathText,
      get paths() {
        return (paths ??= column(() => pathText));
      },
      stats,
      get keys() {
        return (keys ??= column(keysText));
      },
      entries,
      pathAt: (i) => pathText.slice(pathsAt()[i], pathsAt()[i + 1]! - 1),
      keyAt: (i) => keysText().slice(keysAt()[i], keysAt()[i + 1]! - 1),
      kindAt: (i) => kindOf(keysText(), keysAt()[i]!),
      locate: () => void [pathsAt(), keysAt()],
      pathBytes: pathColumn,
      keysWith: (replaced) => {
        if (keysText().length !== keyColumn.length) return undefined;
        const parts: Buffer[] = [];
        let from = 0;
        for (const i of [...replaced.keys()].sort((a, b) => a - b)) {
          parts.push(keyColumn.subarray(from, keysAt()[i]), Buffer.from(replaced.get(i)!));
          from = keysAt()[i + 1]! - 1;
        }
        parts.push(keyColumn.subarray(from));
        return Buffer.concat(parts);
      },
    };
  } catch {
    return emptyIndex();
  }
}

/**
 * `length` float64s at `at` in `bytes`: a view of the bytes read where they lie at a multiple of 8
 * bytes in memory, as writeIndex places them in the file (readFileSync gives a large file a buffer of
 * its own, which starts so), else a copy. At 10,000 files the copies were 480 KB of memory that
 * the kernel zeroed page by page for a check with nothing changed (2.4 MB at 50,000).
 */
function numbers(bytes: Buffer, at: number, length: number): Float64Array {
  const from = bytes.byteOffset + at;
  if (from % Float64Array.BYTES_PER_ELEMENT === 0) return new Float64Array(bytes.buffer, from, length);
  return new Float64Array(Uint8Array.prototype.slice.call(bytes, at, at + length * Float64Array.BYTES_PER_ELEMENT).buffer);
}

/**
 * Where each of the `count` NUL-separated parts of a column's text starts, and after the last, one
 * past its end (count + 1 numbers); throws UnreadableIndex when the text has another number of parts.
 */
function starts(text: string, count: number): Uint32Array {
  const at = new Uint32Array(count + 1);
  let start = 0;
  for (let i = 0; i + 1 < count; i++) {
    at[i] = start;
    const end = text.indexOf("\0", start);
    if (end === -1) throw new UnreadableIndex();
    start = end + 1;
  }
  if (count > 0) {
    if (text.indexOf("\0", start) !== -1) throw new UnreadableIndex();
    at[count - 1] = start;
    at[count] = text.length + 1;
  }
  return at;
}

function writeIndex(path: string, header: IndexHeader, { found, snapshot, index, listed, count }: CacheState): void {
  // Kept only for a discovery without problems, so that a check reusing the listing has none either.
  const listing = found.problems.length === 0 ? found.listing : undefined;
  // Files listed as before have the index's paths: its column is written again as it was read.
  const paths = listed ? index.pathBytes : Buffer.from(found.files.map((f) => f.path).join("\0"));
  const keys = snapshot.keysColumn();
  const head = Buffer.alloc(COLUMNS_HEAD);
  head.writeUInt32LE(count, 0);
  head.writeUInt32LE(paths.length, 4);
  head.writeUInt32LE(keys.length, 8);
  const stats = Buffer.from(snapshot.stats.buffer, snapshot.stats.byteOffset, snapshot.stats.byteLength);
  const entries = Buffer.from(snapshot.entries.buffer, snapshot.entries.byteOffset, snapshot.entries.byteLength);
  // The header line is padded with spaces (which JSON allows) so that the numbers start at a multiple of 8 bytes (see numbers).
  const line = JSON.stringify({ ...header, listing });
  const pad = -(Buffer.byteLength(line) + 1 + COLUMNS_HEAD) & (Float64Array.BYTES_PER_ELEMENT - 1);
  // In parts: joined, they were a copy of the whole index (1.1 MB at 10,000 files) made only to be written.
  writeCacheFile(path, [Buffer.from(`${line}${" ".repeat(pad)}\n`), head, stats, entries, paths, keys]);
}

const TAB = 9;
const LF = 10;

/** The first line of an entries file: entries are valid for one format and one fingerprint. */
const packHeader = (fingerprint: string) => `${JSON.stringify({ format: FORMAT, fingerprint })}\n`;

/** The whole entries file, when it is one for this fingerprint. */
function readPack(path: string, fingerprint: string): Buffer | undefined {
  try {
    const bytes = readFileSync(path);
    const header = packHeader(fingerprint);
    return bytes.toString("utf8", 0, header.length) === header ? bytes : undefined;
  } catch {
    return undefined;
  }
}

/** The entry a record holds, when the record at `offset` is one and names `key`. */
function entryAt(bytes: Buffer, key: string, offset: number, length: number): CachedResult | undefined {
  const keyEnd = offset + key.length;
  if (offset < 0 || offset + length > bytes.length || bytes[keyEnd] !== TAB || bytes[offset + length - 1] !== LF) return undefined;
  if (bytes.toString("latin1", offset, keyEnd) !== key) return undefined;
  try {
    return JSON.parse(bytes.toString("utf8", keyEnd + 1, offset + length - 1)) as CachedResult;
  } catch {
    return undefined;
  }
}

/** A few records read where the index says they are, without reading the whole file; undefined when the file is not one for this fingerprint. */
function readRecords(path: string, fingerprint: string, wanted: { key: string; offset: number; length: number }[]): (CachedResult | undefined)[] | undefined {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch {
    return undefined;
  }
  try {
    const header = Buffer.from(packHeader(fingerprint));
    const head = Buffer.alloc(header.length);
    if (readSync(fd, head, 0, head.length, 0) !== head.length || !head.equals(header)) return undefined;
    return wanted.map(({ key, offset, length }) => {
      if (offset < 0) return undefined;
      const record = Buffer.alloc(length);
      if (readSync(fd, record, 0, length, offset) !== length) return undefined;
      return entryAt(record, key, 0, length);
    });
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/**
 * Stores the entries of files just read (JSON-safe ones: see jsonSafe) at the end of the entries
 * file (a new one when there is none for this fingerprint) and notes where they lie in
 * `snapshot.entries`; files with the same content share a record. Compacts the file when more
 * than half of it is records that no file uses any more.
 */
function storeEntries(path: string, fingerprint: string, snapshot: Snapshot, fresh: { at: number; file: SourceFile; cachedResult: (file: SourceFile) => CachedResult }[]): void {
  const { entries } = snapshot;
  const records: Buffer[] = [];
  const placed = new Map<string, [offset: number, length: number]>();
  const pending: { at: number; offset: number; length: number }[] = [];
  let size = 0;
  for (const { at, file, cachedResult } of fresh) {
    const key = snapshot.keyAt(at);
    let where = placed.get(key);
    if (!where && jsonSafe(file.data)) {
      const record = Buffer.from(`${key}\t${JSON.stringify(cachedResult(file))}\n`);
      where = [size, record.length];
      size += record.length;
      records.push(record);
      placed.set(key, where);
    }
    if (where) pending.push({ at, offset: where[0], length: where[1] });
  }
  if (records.length === 0) return;
  const start = appendRecords(path, fingerprint, Buffer.concat(records));
  if (start === undefined) return;
  for (const { at, offset, length } of pending) {
    entries[at * ENTRY_FIELDS] = start + offset;
    entries[at * ENTRY_FIELDS + 1] = length;
  }
  compactIfWasteful(path, fingerprint, entries);
}

/**
 * Appends records to the entries file, or writes a new one when it is not one for this
 * fingerprint; where the records start, or undefined when they could not be written.
 */
function appendRecords(path: string, fingerprint: string, records: Buffer): number | undefined {
  const header = Buffer.from(packHeader(fingerprint));
  const start = appendToPack(path, header, records);
  if (start !== "not a pack") return start;
  if (!writeCacheFile(path, Buffer.concat([header, records]))) return undefined;
  return header.length;
}

function appendToPack(path: string, header: Buffer, records: Buffer): number | undefined | "not a pack" {
  let fd: number;
  try {
    fd = openSync(path, "a+");
  } catch {
    // No cache folder yet, which writing a new file makes.
    return "not a pack";
  }
  try {
    const head = Buffer.alloc(header.length);
    if (readSync(fd, head, 0, head.length, 0) !== head.length || !head.equals(header)) return "not a pack";
    // One write in append mode: another check appending at the same moment cannot interleave
    // with it, but may move the end, so the start is reckoned from the end after the write: if
    // it is wrong, the records fail the key test and are read again from their files.
    for (let written = 0; written < records.length; ) written += writeSync(fd, records, written);
    return fstatSync(fd).size - records.length;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** Slack before compaction, so that a small repository's entries file is not rewritten every few checks. */
const COMPACT_SLACK = 1 << 20;

function compactIfWasteful(path: string, fingerprint: string, entries: Float64Array): void {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    return;
  }
  if (size <= 2 * usedBytes(entries) + COMPACT_SLACK) return;
  const live = new Map<number, number>();
  for (let i = 0; i < entries.length; i += ENTRY_FIELDS) if (entries[i]! >= 0) live.set(entries[i]!, entries[i + 1]!);
  const bytes = readPack(path, fingerprint);
  if (!bytes) return;
  const header = Buffer.from(packHeader(fingerprint));
  const moved = new Map<number, number>();
  const parts: Buffer[] = [header];
  let at = header.length;
  for (const [offset, length] of [...live].sort((a, b) => a[0] - b[0])) {
    if (offset + length > bytes.length) continue;
    moved.set(offset, at);
    parts.push(bytes.subarray(offset, offset + length));
    at += length;
  }
  const written = writeCacheFile(path, Buffer.concat(parts));
  for (let i = 0; i < entries.length; i += ENTRY_FIELDS) {
    if (entries[i]! < 0) continue;
    const to = written ? moved.get(entries[i]!) : entries[i];
    entries[i] = to ?? -1;
    if (to === undefined) entries[i + 1] = -1;
  }
}

/** Below 2^21 a record's length and below 2^32 its offset fit in one number with it, offset * 2^21 + length, exactly (below 2^53). */
const LENGTH_SPAN = 2 ** 21;
const OFFSET_SPAN = 2 ** 32;

/**
 * The bytes of the records the files use, each record once (files with the same content share one):
 * the records as one number each, sorted in a typed array, where a shared record's numbers are next
 * to each other. A Map of 10,000 offsets cost a check with one file changed about 15 M instructions.
 */
function usedBytes(entries: Float64Array): number {
  const records = new Float64Array(entries.length / ENTRY_FIELDS);
  let n = 0;
  let used = 0;
  for (let i = 0; i < entries.length; i += ENTRY_FIELDS) {
    const offset = entries[i]!;
    const length = entries[i + 1]!;
    if (offset < 0) continue;
    if (length >= LENGTH_SPAN || offset >= OFFSET_SPAN) return usedBytesByMap(entries);
    records[n++] = offset * LENGTH_SPAN + length;
    used += length;
  }
  // Every record's length counted once: a shared record's again for each file after the first. The
  // length is taken out of the number (a remainder of floats, which V8's interpreter computes by a
  // call to C's fmod) only for those: for every record it was 2 % of a check with one file changed.
  const sorted = records.subarray(0, n).sort();
  for (let i = 1; i < n; i++) if (sorted[i] === sorted[i - 1]) used -= sorted[i]! % LENGTH_SPAN;
  return used;
}

/** usedBytes for records too long or too far into the file for one number. */
function usedBytesByMap(entries: Float64Array): number {
  const live = new Map<number, number>();
  for (let i = 0; i < entries.length; i += ENTRY_FIELDS) if (entries[i]! >= 0) live.set(entries[i]!, entries[i + 1]!);
  let used = 0;
  for (const length of live.values()) used += length;
  return used;
}

/**
 * Whether a check (or a site, or a command reading through the cache since) has left an index for
 * this root: a read command reads through the cache only then, since making it costs a first
 * command more than reading the repository does (csr's fingerprint, a digest of every file, the
 * entries written).
 */
export function hasCheckCache(root: string): boolean {
  const paths = cachePaths(root);
  return paths !== undefined && existsSync(paths.index);
}

/** `.git/csr-cache/` of the enclosing git repository (worktrees included). */
export function cacheDirectory(root: string): string | undefined {
  const gitdir = gitDirectory(root);
  return gitdir && join(gitdir, "csr-cache");
}

/** Where a root's cache lies: its index and entries files, and the root's real path, which the index records. */
interface CachePaths {
  index: string;
  entries: string;
  /** The git directory the cache lies in. */
  git: string;
  root: string;
}

/**
 * One cache per repository root, since one git repository may hold several document repositories.
 * Named by a 64-bit FNV-1a digest of the root's real path, which needs no node:crypto (loading it
 * costs a check with nothing changed about as much as its 10,000 stats); the index records the path
 * itself, so that two roots of the same digest never take each other's index.
 */
function cachePaths(root: string): CachePaths | undefined {
  const dir = cacheDirectory(root);
  if (!dir) return undefined;
  const real = realpathSync(root);
  const name = join(dir, `check-${fnv1a64(real)}`);
  return { index: `${name}.index`, entries: `${name}.entries`, root: real, git: dirname(dir) };
}

/**
 * What tells the refs the findings follow from, without running git: where HEAD points, and the
 * release tags. Git-derived findings read the history HEAD names (a training record's day is that
 * of the commit that added it; a document being revised is compared with the commit that recorded
 * its release), so a commit or a checkout that changes no file in the working tree changes them;
 * doc/revision-not-bumped compares each released document with its tag.
 * - HEAD: the text of the HEAD file (a linked worktree has its own, in its git directory) and, when
 *   it names a branch, the text of that branch's loose ref file in the common git directory ("" when
 *   the branch is packed: packed-refs is stamped below).
 * - The tags: the loose tags under `refs/tags/` (each name with its file's inode), packed-refs
 *   (inode, size, modification time) and, in a repository whose refs are a reftable, its
 *   tables.list (the same). git writes a ref, packed-refs and tables.list to a lock file that it then
 *   renames into place, so a ref moved has a new inode whatever the clock says; a tag added or
 *   deleted changes the names.
 * Digested to 16 hex digits (the header is read by every check). The cost of a repeated check: two
 * small reads, one stat per loose tag, one directory listing per tagged document (tags are named
 * <document>/<version>).
 */
function refsStamp(gitdir: string): string {
  let common = gitdir;
  const commondir = readOptional(join(gitdir, "commondir"));
  if (commondir !== undefined) common = resolve(gitdir, commondir.trim());
  const head = (readOptional(join(gitdir, "HEAD")) ?? "").trim();
  const branch = /^ref: (refs\/heads\/.+)$/.exec(head)?.[1];
  const parts: string[] = [`HEAD\0${head}\0${branch === undefined ? "" : (readOptional(join(common, branch)) ?? "").trim()}`];
  for (const name of ["packed-refs", join("reftable", "tables.list")]) {
    const stat = statSync(join(common, name), { throwIfNoEntry: false });
    if (stat) parts.push(`${name}\0${stat.ino}\0${stat.size}\0${stat.mtimeMs}`);
  }
  const walk = (dir: string, prefix: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path, `${prefix}${entry.name}/`);
      else parts.push(`${prefix}${entry.name}\0${statSync(path, { throwIfNoEntry: false })?.ino ?? -1}`);
    }
  };
  walk(join(common, "refs", "tags"), "");
  return digest64(parts.join("\n"));
}

/** A 32-bit FNV-1a digest of the UTF-16 code units beside one with murmur's multiplier, as 16 hex digits, without fnv1a64's BigInt steps (a step a byte). */
function digest64(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return (a >>> 0).toString(16).padStart(8, "0") + (b >>> 0).toString(16).padStart(8, "0");
}

function readOptional(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

function fnv1a64(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of Buffer.from(text)) hash = ((hash ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
  return hash.toString(16).padStart(16, "0");
}

/**
 * The files and folders csr's fingerprint was made from, with their stat data when it was made:
 * path, size, modification time, change time and inode each. The change time is kept here, unlike
 * for the repository's files: an install that writes new files of the same size and time (npm packs
 * every file with one fixed time) still gives them a new change time, which no program can set.
 */
interface OwnFiles {
  /** The digest of csr's code the fingerprint holds (CSR_SOURCE_DIGEST) and the language it was made in. */
  code: string;
  language: string;
  /** When the files were read (ms since the epoch): a file changed this close to it is not trusted (RACY_MS). */
  at: number;
  files: [path: string, size: number, mtimeMs: number, ctimeMs: number, ino: number][];
}

/**
 * The fingerprint the index holds, when csr's own files it was made from have the same stat data
 * as then (changed long enough before then to be trusted) and the code and language are the same:
 * about twenty stats instead of reading and hashing 0.5 MB and loading node:crypto. Undefined when
 * it must be made again, and always when csr runs unbundled (tests), whose code has no digest.
 */
function trustedFingerprint(header: IndexHeader): string | undefined {
  const own = header.own;
  if (!own || typeof CSR_SOURCE_DIGEST !== "string" || own.code !== CSR_SOURCE_DIGEST || own.language !== language()) return undefined;
  const trustedBefore = own.at - RACY_MS;
  for (const [path, size, mtimeMs, ctimeMs, ino] of own.files) {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat || stat.size !== size || stat.mtimeMs !== mtimeMs || stat.ctimeMs !== ctimeMs || stat.ino !== ino || ctimeMs >= trustedBefore) return undefined;
  }
  return header.fingerprint;
}

/**
 * The files of the cache formats before 7, which this root's cache replaces: named by a SHA-1 of
 * the root's real path, the entries of format 5 and before in one JSON file.
 */
function removeEarlierCaches(paths: CachePaths): void {
  const name = join(dirname(paths.index), `check-${createHash("sha1").update(paths.root).digest("hex").slice(0, 16)}`);
  try {
    for (const suffix of [".index", ".entries", ".json"]) rmSync(`${name}${suffix}`, { force: true });
  } catch {
    // A cache that cannot be written to (see writeCacheFile) keeps its old files.
  }
}

/** By language: a process that runs csr more than once (tests run the CLI in-process) may change it between runs. */
const fingerprints = new Map<string, { fingerprint: string; own: OwnFiles | undefined }>();

/**
 * Everything in csr that decides how a file reads: a change to any of it invalidates the cache.
 * With it, what it was made from (see OwnFiles), when csr runs bundled.
 */
function packageFingerprint(): { fingerprint: string; own: OwnFiles | undefined } {
  const known = fingerprints.get(language());
  if (known) return known;
  const at = Date.now();
  const sources: string[] = [PACKAGE_JSON];
  const read = (path: string) => {
    sources.push(path);
    return readFileSync(path);
  };
  const hash = createHash("sha256");
  const add = (label: string, content: string | Buffer) => hash.update(`${label}\0${content.length}\0`).update(content);
  add("version", packageManifest().version);
  for (const dir of [SCHEMA_DIR, STANDARDS_DIR, CALENDARS_DIR]) {
    // The folder too: a file added to it or taken out changes its times.
    sources.push(dir);
    for (const name of readdirSync(dir).sort()) add(join(dir, name), read(join(dir, name)));
  }
  add("code", typeof CSR_SOURCE_DIGEST === "string" ? CSR_SOURCE_DIGEST : sourceDigest());
  // Findings are kept as text, in the language of the run that computed them.
  add("language", language());
  add("catalog", read(catalogUrl(language())));
  // Schema findings end with the schema's description, in Chinese from its own catalog.
  if (language() === "zh-CN") add("schema-hints", read(SCHEMA_HINTS_ZH));
  // A lockfile upgrade of the parser or the validator changes results without a csr version bump.
  for (const dependency of ["yaml", "js-yaml", "ajv", "ajv-formats"]) {
    const manifest = dependencyManifest(dependency);
    if (manifest) sources.push(manifest);
    add(dependency, manifest ? dependencyVersion(manifest) : "unknown");
  }
  const fingerprint = hash.digest("hex");
  const own = typeof CSR_SOURCE_DIGEST === "string" ? { code: CSR_SOURCE_DIGEST, language: language(), at, files: sources.map(ownStat) } : undefined;
  const made = { fingerprint, own: own?.files.every((f) => f[1] >= 0) ? own : undefined };
  fingerprints.set(language(), made);
  return made;
}

/** The stat data OwnFiles keeps of one of csr's files (size -1 when it could not be stat'ed). */
function ownStat(path: string): OwnFiles["files"][number] {
  const stat = statSync(path, { throwIfNoEntry: false });
  return stat ? [path, stat.size, stat.mtimeMs, stat.ctimeMs, stat.ino] : [path, -1, -1, -1, -1];
}

/**
 * A digest of csr's sources (src/) and of the versions of the npm packages bundled with them: the
 * build computes it and writes it into the bundle (scripts/build.js), so that a cached check reads
 * no code file; undefined when the sources run unbundled, as in tests.
 */
declare const CSR_SOURCE_DIGEST: string | undefined;

/** For sources run unbundled (tests): the digest of src/ as the build computes it (without bundled packages, which are not). */
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

/**
 * The package.json of an installed package: node_modules/<name>/package.json in the nearest folder
 * at or above csr's own that has one, where Node's resolution of the name from csr finds it too
 * (require.resolve costs several times as much: it reads the package's exports and main as well).
 */
function dependencyManifest(name: string): string | undefined {
  for (let dir = PACKAGE_ROOT; ; dir = dirname(dir)) {
    const manifest = join(dir, "node_modules", name, "package.json");
    if (existsSync(manifest)) return manifest;
    if (dirname(dir) === dir) return undefined;
  }
}

/** The version a package.json gives, "unknown" when it cannot be read. */
function dependencyVersion(manifest: string): string {
  try {
    return (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version;
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

/** Whether it could be written: a read-only checkout still checks, it only cannot remember. */
function writeCacheFile(path: string, content: FileContent): boolean {
  try {
    writeFileAtomic(path, content, { overwrite: true });
    return true;
  } catch {
    return false;
  }
}
