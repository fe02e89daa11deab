/**
 * `csr site --out DIR`: the quality system as a static website (src/site/build.ts). The site is
 * built in a new folder beside DIR and then put in DIR's place, so a reader never sees half a
 * site and a failed or interrupted build leaves the previous one. csr replaces only a folder it
 * made itself (its marker file lists the files csr wrote; folder.ts); the files someone else put
 * there are carried into the new site; any other non-empty folder is refused.
 */
import { conjunction, language, list, shortList, t } from "../../i18n/index.js";
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { checkRepository } from "../../check/engine.js";
import { UserError } from "../../core/errors.js";
import { refuseDataPath } from "../../core/write.js";
import { loadChecked } from "../../load/cache.js";
import { isBlocking } from "../../load/silent.js";
import { findRoot } from "../../load/discover.js";
import { packageManifest } from "../../load/package.js";
import type { Lang } from "../../render/view.js";
import { customerScope, packOf, type CustomerScope } from "../../site/customer-scope.js";
import { changesPeriodFrom, previousMonthStart } from "../../site/changes.js";
import { buildSite, secretCsrIds, secretDocuments, withoutSecretSummaries } from "../../site/build.js";
import { addDays } from "../../core/dates.js";
import type { Finding } from "../../core/diagnostic.js";
import { checkedFromGit, releasedRevisions } from "../../load/base.js";
import { folderCommits, type FolderCommit } from "../../load/git.js";
import type { Repository } from "../../load/repository.js";
import type { Change } from "../../model/changes.js";
import type { ControlledDocument } from "../../model/types.js";
import type { FindingsSource } from "../../site/build.js";
import type { RegisterContext } from "../../report/registers/context.js";
import { periodChangeReport, periodTable, type PeriodChanges } from "../changes/index.js";
import { newChangeCells, type ChangeCells } from "../../report/registers/changes.js";
import { datedByCommit } from "../../load/undated-dates.js";
import { inReportOrder } from "../../model/changes.js";
import { dateOption } from "../options.js";
import type { CommandContext } from "../context.js";
import { refuseOrWarnUnreadable, withHeading } from "../shared/output.js";
import { changedSinceRelease, committedFilesOn, committedOn, draftsOn, releasedOn, type Committed } from "../shared/registers.js";
import { addedFiles, carry, clashes, cleanUpOnSignal, filesUnder, manifest, signalsHeard, SITE_MARKER, stagingFolder } from "./folder.js";

export interface SiteFlags {
  out: string;
  baseUrl?: string;
  /** Write sitemap.xml (with --base-url): off by default, a list of every confidential page's address (tester69 T10). */
  sitemap?: boolean;
  today?: string;
  /** An audit pack for one customer's SQE: that customer's CSRs, sources and the documents addressing them only (site/customer-scope.ts). */
  customer?: string;
}

/** The documents of `docs` (by release tag or id) as a customer's audit pack shows them (CustomerScope shownDocument); all of them as they are without one. */
function shownDocuments<T extends ReadonlyMap<string, ControlledDocument> | undefined>(docs: T, scope: CustomerScope | undefined): T {
  if (!scope || docs === undefined) return docs;
  return new Map([...docs].map(([key, doc]) => [key, scope.shownDocument(doc)])) as unknown as T;
}

export async function siteCommand(ctx: CommandContext, flags: SiteFlags): Promise<number> {
  const today = dateOption(flags.today, "--today");
  const baseUrl = flags.baseUrl === undefined ? undefined : baseUrlOption(flags.baseUrl);
  if (flags.sitemap && baseUrl === undefined) throw new UserError(t("site-command.sitemap-needs-base-url"), t("site-command.sitemap-needs-base-url.hint"));
  const root = findRoot(ctx.dir);
  const out = resolve(ctx.dir, flags.out);
  refuseDataPath(root, out, "--out", true);
  // The files someone put in a site csr made: carried into the new one (its own files are replaced).
  const added = refuseForeignFolder(out, flags.out);
  // One git log for the commits the pages list and the commit whose check a site of a past day shows.
  const commits = folderCommits(root);
  // A site of a past day: the repository as committed at its end, whose findings and drafts it shows.
  const committed = await committedOn(root, today, commits);
  const asOf = await findingsAsOf(root, committed, today);
  // Through the check cache, as csr check reads: after a check in CI, nothing is parsed or checked twice.
  // A site of a past day with a commit by then shows that commit's findings: the files' own are not checked.
  // What csr check reads from git too (checkedFromGit): the findings are its own, and it may answer from the cache the site leaves.
  let fromGit: ReturnType<typeof checkedFromGit> | undefined;
  const { repo: whole, findings: all } = asOf?.findings
    ? { repo: (await loadChecked(root, today)).repo, findings: asOf.findings }
    : await loadChecked(root, today, async (r) => {
        const outcome = checkRepository(r, { today, ...(await (fromGit = checkedFromGit(root, r.documents))) });
        return [...outcome.findings, ...outcome.held];
      }).then((checked) => ({ repo: checked.repo, findings: checked.findings.filter((f) => f.heldBackBy === undefined) }));
  // The version in force of the documents being revised, whose sections the CSR links name, as the findings read it:
  // on a past day those being revised in that day's commit; else the working tree's (the check's, else read now).
  const { inForce } = asOf?.findings ? asOf : await (fromGit ?? checkedFromGit(root, whole.documents, { edited: false }));
  refuseOrWarnUnreadable(ctx, whole);
  // An audit pack for one customer (tester70 P8): every page, register and the search index built from the narrowed repository.
  const scope = flags.customer === undefined ? undefined : customerScope(whole, flags.customer);
  const repo = scope?.repo ?? whole;
  const findings = scope ? all.filter(scope.keeps).map(scope.shownFinding) : all;
  // A pack's register of unreleased documents of a past day (its drafts, as committed then) is narrowed as the working tree is; and
  // its pages list the commits without their messages, which may name any customer or requirement (tester70 P8).
  const drafts = draftsOn(scope && committed?.repo ? { ...committed, repo: packOf(committed.repo, scope.customer) } : committed, language());
  const listed = scope ? commits.map((c) => ({ ...c, message: t("site.customer-pack.commit-withheld") })) : commits;
  const lang: Lang = language();
  const { version } = packageManifest();

  const staging = stagingFolder(out);
  rmSync(staging, { recursive: true, force: true });
  const stopCleaningUp = cleanUpOnSignal(staging, (signal) => `csr: ${t(signal === "SIGINT" ? "cli.cancelled" : "site-command.terminated")}\n`, ctx.stderr);
  try {
    mkdirSync(staging, { recursive: true });
    // Plain writes: the new folder is invisible until swapIn, which is what makes the site appear whole or not at all.
    // Each folder's path is joined (and the folder made) once, not every file's whole path: path.join
    // normalises the string character by character (15 ms of CPU for the 10,000 files of a large site, 1.5 ms so).
    const folders = new Map<string, string>();
    const fileFor = (path: string) => {
      const slash = path.lastIndexOf("/");
      const under = path.slice(0, slash + 1);
      let folder = folders.get(under);
      if (folder === undefined) {
        folder = join(staging, ...under.split("/"));
        mkdirSync(folder, { recursive: true });
        folders.set(under, folder);
      }
      // A site path's last part is a plain file name (pages.ts fileSafe): nothing to normalise.
      return `${folder}${sep}${path.slice(slash + 1)}`;
    };
    // The change report of the twelve months to `today`, the period an annual surveillance audit looks at; its title names the days.
    const secret = secretDocuments(repo);
    const period = await periodChangeReport(ctx, root, repo, changesPeriodFrom(today), today, new Set(repo.problems.map((p) => p.path)));
    const scoped = scope ? { ...period, changes: period.changes.filter(scope.keepsChange).map(scope.shownChange), entered: period.entered.filter(scope.keepsChange).map(scope.shownChange) } : period;
    // The current and previous month and the last 30 days (tester70 P11): their changes no record dates are dated by the commit
    // that made them (datedByCommit), in their report and where the twelve months' report lists them too.
    const recentFrom = recentChangesFrom(today);
    const recentPeriod = await recentChanges(ctx, root, repo, period, recentFrom, today, commits);
    const recent = withoutSecretSummaries(scope ? { ...recentPeriod, changes: recentPeriod.changes.filter(scope.keepsChange).map(scope.shownChange), entered: [] } : recentPeriod, secret, lang, secretCsrIds(repo));
    const changes = withRecentDates(withoutSecretSummaries(scoped, secret, lang, secretCsrIds(repo)), recent);
    // The site's views of the report (build.ts): the twelve months, or a part of them (the current and previous month, a department's
    // changes, those of its last 30 days) from `part.from` on, with `part.keep`'s changes; their notes worded for people who never use git.
    // Each change's row is worded once (ChangeCells) and taken again by every view that lists it.
    const plain = { datedFrom: recentFrom };
    let cells: ChangeCells | undefined;
    const changeReport = (rc: RegisterContext, part?: { from?: string; keep?: (change: Change) => boolean }) => {
      if (cells?.ctx !== rc) cells = newChangeCells(rc);
      const from = part?.from ?? changes.from;
      const source = from >= recent.from ? recent : changes;
      const whole = from <= source.from;
      if (whole && !part?.keep) return periodTable(rc, { ...source, from }, plain, cells);
      const kept = source.changes.filter((c) => (whole || (c.date !== null && c.date >= from)) && (part?.keep?.(c) ?? true));
      return periodTable(rc, { ...source, from, changes: kept, entered: [] }, plain, cells);
    };
    // The site withholds what is classified 秘密 or above rather than marking its pages with it (Table.classification is for paper).
    const summary = await buildSite(repo, findings, { lang, today, baseUrl, sitemap: flags.sitemap === true, version, secret, released: shownDocuments(await releasedOn(repo, today, { inForce: true }), scope), earlier: shownDocuments(await earlierRevisions(root, repo, secret), scope), changedSinceRelease: shownDocuments(await changedSinceRelease(repo, today), scope), ...(inForce ? { inForce } : {}), drafts, committed: await committedFilesOn(repo, today, commits), ...(asOf ? { findingsSource: asOf.source } : {}), commits: listed, changeReport, ...(scope ? { outside: scope.outside, textOf: scope.textOf } : {}), heading: ({ classification: _, ...table }) => withHeading(repo, table, lang, today) }, { fileFor, write: (path, content) => writeFileSync(fileFor(path), content), writeParts: (path, write) => writeParts(fileFor(path), write) });
    writeFileSync(join(staging, SITE_MARKER), manifest(t("site-command.marker"), filesUnder(staging)));
    if (added) carryAdded(out, staging, added, flags.out);
    // The pages are written synchronously, so a Ctrl-C pressed meanwhile waits for the event loop: let it be heard
    // before the new site is put in place, not lost when the handler is taken away after the swap.
    await signalsHeard();
    swapIn(staging, out);
    stopCleaningUp();
    ctx.stdout(`${shown(ctx.dir, out)}/index.html\n`);
    const built = { pages: summary.pages, files: summary.files, lang, errors: summary.findings.errors, warnings: summary.findings.warnings, withheld: summary.withheld.length };
    ctx.stderr(t(summary.withheld.length > 0 ? "site-command.built-withheld" : "site-command.built", built) + "\n");
    if (summary.withheldCsrs.length > 0) ctx.stderr(t("site-command.withheld-csrs", { number: summary.withheldCsrs.length, ids: list(summary.withheldCsrs) }) + "\n");
    if (summary.withheldForCsrs.length > 0) ctx.stderr(t("site-command.withheld-for-csrs", { number: summary.withheldForCsrs.length, ids: list(summary.withheldForCsrs) }) + "\n");
    if (added?.files.length) ctx.stderr(t("site-command.kept", { count: added.files.length, files: named(added.files) }) + "\n");
    if (summary.sharedNumbers.length > 0) {
      ctx.stderr(t("site-command.same-number", { ids: list(summary.sharedNumbers.map(({ id, files }) => t("render.skipped-same-number.files", { id, files: conjunction(files) }))) }) + "\n");
    }
    if (summary.unrendered.length > 0) {
      ctx.stderr(t("site-command.unrendered", { ids: list(summary.unrendered) }) + "\n");
    }
    // The site's findings page names the unreadable files; the exit code says the site lacks them.
    return repo.problems.some((p) => isBlocking(p.problem)) ? 1 : 0;
  } catch (error) {
    stopCleaningUp();
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Puts the files someone added to the old site into the new one, or refuses (the old site untouched)
 * when the new site has a file of its own at one of their paths, or when the old site was made by a
 * csr that did not list its files: then csr cannot tell those files from its own old pages.
 */
function carryAdded(out: string, staging: string, added: { files: string[]; listed: boolean }, shownAs: string): void {
  if (!added.listed) {
    const own = new Set(filesUnder(staging));
    const unknown = added.files.filter((file) => !own.has(file) && !(file.endsWith("/") && existsSync(join(staging, file))));
    if (unknown.length > 0) throw new UserError(t("site-command.out-unlisted", { out: shownAs, count: unknown.length, files: named(unknown) }), t("site-command.out-unlisted.hint"));
    return;
  }
  const clashing = clashes(staging, added.files);
  if (clashing.length > 0) throw new UserError(t("site-command.out-clash", { out: shownAs, count: clashing.length, files: named(clashing) }), t("site-command.out-clash.hint"));
  carry(out, staging, added.files);
}

/** The first few of `files` by name (how many there are, the message says). */
function named(files: readonly string[]): string {
  return shortList(files, undefined, 5);
}

/** The pieces a page is put out in, written to its file some 64 K characters at a time. */
function writeParts(file: string, write: (put: (text: string) => void) => void): void {
  const fd = openSync(file, "w");
  // writeSync may write less than it is given (a full disk): what is left is written again, as writeFileSync does.
  const flush = (text: string) => {
    const bytes = Buffer.from(text);
    for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done);
  };
  try {
    let parts: string[] = [];
    let length = 0;
    write((text) => {
      parts.push(text);
      length += text.length;
      // Some 16,000 characters at a time: a page's text is mostly Chinese, two bytes a character, and a
      // string of 64,000 such characters (128 KB) is too large for V8's young generation's pages, so
      // each chunk joined was a large object in memory mapped for it alone, faulted in page by page and
      // unmapped again. A micro test of 60,000 table rows: 3.40 s user and 1.70 s system CPU, 151,335
      // page faults at 65,536 characters a chunk; 1.95 s, 0.32 s, 23,037 faults at 16,384.
      if (length >= 16_384) {
        flush(parts.join(""));
        parts = [];
        length = 0;
      }
    });
    if (parts.length > 0) flush(parts.join(""));
  } finally {
    closeSync(fd);
  }
}

/**
 * The findings of a site of a past day (`today` before the calendar day csr runs on): what `csr check`
 * reported at the end of that day, i.e. the repository as committed then (`committed`, committedOn:
 * the last commit whose committer day, load/git.ts folderCommits, is that day or earlier: the same day
 * as the site's commit lists), checked against that day. The working tree holds only
 * today's YAML: checked against a past day it reports every record made since as dated in the future
 * and a review decided since as decided (tester25 F4). Without such a commit (no git, no commit by
 * then) the working tree's findings, and `source` says they could not be taken back.
 * Undefined for a site of today or a day ahead: the working tree's findings, as before.
 */
async function findingsAsOf(root: string, committed: Committed | undefined, today: string): Promise<{ findings?: Finding[]; source: FindingsSource; inForce?: Map<string, ControlledDocument> } | undefined> {
  if (committed === undefined) return undefined;
  if (committed.repo === undefined) return { source: { unavailable: true } };
  // Read from git as csr check reads it (checkedFromGit): the documents being revised then are read as their version in force.
  const fromGit = await checkedFromGit(root, committed.repo.documents);
  const outcome = checkRepository(committed.repo, { today, ...fromGit });
  return { findings: outcome.findings, source: { commit: committed.commit.short, date: committed.commit.day }, ...(fromGit.inForce ? { inForce: fromGit.inForce } : {}) };
}

function baseUrlOption(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UserError(t("site-command.base-url", { value }));
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new UserError(t("site-command.base-url-protocol", { value }));
  // Pages are resolved against the base: a query or fragment would drop its last folder, a file name be built on,
  // and a user name or password be written into every page and sitemap.xml.
  if (url.username !== "" || url.password !== "") throw new UserError(t("site-command.base-url-credentials", { value: redactedUrl(url) }));
  if (url.search !== "" || url.hash !== "" || value.includes("?") || value.includes("#")) throw new UserError(t("site-command.base-url-query", { value }));
  if (/\.(?:x?html?|php|aspx?|jsp)$/i.test(url.pathname)) throw new UserError(t("site-command.base-url-file", { value, folder: new URL(".", url).href }));
  // A base without a trailing slash would lose its last path segment when pages are resolved against it.
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/** The address with its password hidden, so that refusing it does not print the password. */
function redactedUrl(url: URL): string {
  const shown = new URL(url.href);
  if (shown.password !== "") shown.password = "***";
  return shown.href;
}

/** An existing folder is replaced only when it is empty or csr made it; of a site csr made, the files csr did not write. */
function refuseForeignFolder(out: string, shownAs: string): { files: string[]; listed: boolean } | undefined {
  if (!existsSync(out)) return undefined;
  if (!statSync(out).isDirectory()) throw new UserError(t("site-command.out-is-file", { out: shownAs }));
  const entries = readdirSync(out);
  if (entries.length > 0 && !entries.includes(SITE_MARKER)) {
    throw new UserError(t("site-command.out-foreign", { out: shownAs }), t("site-command.out-foreign.hint"));
  }
  return entries.length > 0 ? addedFiles(out) : undefined;
}

/** Puts the new site in place of the old one: two renames within one folder. */
function swapIn(staging: string, out: string): void {
  const old = `${staging}.old`;
  if (existsSync(out)) renameSync(out, old);
  try {
    renameSync(staging, out);
  } catch (error) {
    if (existsSync(old)) renameSync(old, out);
    throw new UserError(t("site-command.swap-failed", { out, reason: (error as Error).message }));
  }
  rmSync(old, { recursive: true, force: true });
}

function shown(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel === "" ? "." : rel.startsWith("..") ? path : rel.split(sep).join("/");
}

/**
 * The text of each earlier revision of the repository's documents as released, by release tag (load/base.ts
 * releasedRevisions: the tags in one git call, the revisions released without a tag from the commits that recorded
 * them in two more), for the site's page of each (tester59 G11): every revision but a document's last, of the
 * documents of the organisation's own (an external one's editions are the publisher's) not withheld (`secret`).
 */
function earlierRevisions(root: string, repo: Repository, secret: ReadonlyMap<string, ControlledDocument>): Promise<Map<string, ControlledDocument>> {
  const wanted = repo.documents.flatMap(({ value, file }) => (value.kind === "external" || secret.has(value.id) ? [] : (value.revisions ?? []).slice(0, -1).map((r) => ({ id: value.id, path: file.path, version: r.version }))));
  return releasedRevisions(root, wanted);
}

/** The first day of the site's recent changes: the first of the previous month, or 30 days back where that is earlier (1 March: 31 January). */
export function recentChangesFrom(today: string): string {
  const month = previousMonthStart(today);
  const days = addDays(today, -29);
  return days < month ? days : month;
}

/**
 * The changes of `from` to `today`, those no record dates dated by the commit of the period that made them
 * (load/undated-dates.ts). Without a commit in the period none was made in it: the twelve months' report's
 * dated rows of those days.
 */
async function recentChanges(ctx: CommandContext, root: string, repo: Repository, year: PeriodChanges, from: string, today: string, commits: readonly FolderCommit[]): Promise<PeriodChanges> {
  if (!commits.some((c) => c.day >= from && c.day <= today)) {
    return { ...year, from, changes: year.changes.filter((c) => c.date !== null && c.date >= from), entered: [] };
  }
  const period = await periodChangeReport(ctx, root, repo, from, today, new Set(repo.problems.map((p) => p.path)));
  if (!period.states) return period;
  return { ...period, changes: inReportOrder(await datedByCommit(root, period.changes, period.states.before, period.states.after, commits, from)) };
}

/** The twelve months' changes, those no record dates that the recent ones date (datedByCommit) with that date, in the report's order. */
function withRecentDates<T extends { changes: Change[] }>(year: T, recent: { changes: readonly Change[] }): T {
  const key = (c: Change) => `${c.area}\u0000${c.kind}\u0000${c.id}\u0000${c.from}\u0000${c.to}`;
  const dated = new Map(recent.changes.filter((c) => c.commit !== undefined && c.date !== null).map((c) => [key(c), c]));
  if (dated.size === 0) return year;
  return { ...year, changes: inReportOrder(year.changes.map((c) => (c.date === null ? (dated.get(key(c)) ?? c) : c))) };
}
