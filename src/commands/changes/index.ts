/**
 * `csr changes <from> [<to>]`: what changed in the quality system. Two dates give a period: the
 * changes the dated records (revisions, withdrawals, receipts, decisions…) date in it, with git only
 * for what the records do not date. Two revisions or tags give two states of the git history: what
 * was recorded between them, read from git objects without touching the working tree.
 */
import { addDays, isIsoDate, localToday } from "../../core/dates.js";
import { UserError } from "../../core/errors.js";
import { didYouMean, localized } from "../../core/text.js";
import { shortList, t } from "../../i18n/index.js";
import { loadRevision, releasedRevisions } from "../../load/base.js";
import { findRoot } from "../../load/discover.js";
import { gitRaw, gitRead, isGitRepository } from "../../load/git.js";
import type { Repository } from "../../load/repository.js";
import { linkRemovals } from "../../load/link-removals.js";
import { actionById, actionRevisions } from "../../model/actions.js";
import { customerDocuments, isCustomerDocumentChange, revisionRows } from "../../model/customer-ties.js";
import { commitAddingKey } from "../../load/submitters.js";
import type { ControlledDocument } from "../../model/types.js";
import { compareStates, datedLinkRemovals, enteredBeforePeriod, inReportOrder, isUndated, linkRemovalsWanted, periodChanges, withSectionChanges, withSubmitters, type Change, type ChangeKind } from "../../model/changes.js";
import { changeReport, periodReport, type ChangeCells, type PlainNotes, type RangeEnd, type UndatedBasis } from "../../report/registers/changes.js";
import { registerContext, type RegisterContext } from "../../report/registers/context.js";
import type { Table, TableFormat } from "../../report/table.js";
import type { CommandContext } from "../context.js";
import { emitTable, isPrinted, languageOf, refuseOrWarnUnreadable, tableOutput, withHeading, writeOutput, type OutputFlags } from "../shared/output.js";
import { readRepository } from "../shared/read.js";
import { unknownCustomer } from "../../model/customers.js";
import { changeNumbers, changeThread, type ChangeNumber, type ThreadRevision } from "../../model/engineering-change.js";
import { revisionStateText } from "../../report/registers/revision-state.js";

/** `csr changes` options: the output's, --customer (only that customer's changes: customerFilter), --document (only that document's: documentFilter), --action (only what carries out that corrective action: actionFilter), --department (departmentFilter), --ecn and --change-request (one engineering change: changeFilter). */
export interface ChangesFlags extends OutputFlags {
  customer?: string;
  document?: string;
  action?: string;
  department?: string;
  /** Only the revisions carrying that customer change notice (csr release --ecn), with where each stands: changeFilter. */
  ecn?: string;
  /** Only the revisions carrying that change request (文件更改申请单, csr release --change-request): changeFilter. */
  changeRequest?: string;
  /** Only the revisions released as 技术状态更改 (csr release --configuration-change): configurationChangeFilter. */
  configurationChange?: boolean;
}

/**
 * `csr changes [<from>] [<to>]`: `from` may be left out with --action, --ecn or --change-request, for every revision
 * carrying them (threadPeriod); without it otherwise, UserError (exit 2) naming the argument.
 */
export async function changesCommand(ctx: CommandContext, from: string | undefined, to: string | undefined, flags: ChangesFlags): Promise<number> {
  if (from === undefined) {
    if (flags.action === undefined && flags.ecn === undefined && flags.changeRequest === undefined) throw new UserError(t("changes.from-missing"));
    return periodCommand(ctx, undefined, localToday(), flags);
  }
  for (const end of [from, to]) if (end !== undefined) refuseImpossibleDay(end);
  const dated = isIsoDate(from);
  if (to !== undefined && isIsoDate(to) !== dated) {
    throw new UserError(t("changes.mixed", { date: dated ? from : to, revision: dated ? to : from }), t("changes.mixed.hint"));
  }
  return dated ? periodCommand(ctx, from, to ?? localToday(), flags) : commitsCommand(ctx, from, to ?? "HEAD", flags);
}

/**
 * An end written as a date whose day does not exist (2026-11-31, 2026-13-01) is a mistyped date, not
 * a commit or tag: refused as such (UserError naming the days of that month), before it is taken for
 * a git revision.
 */
function refuseImpossibleDay(end: string): void {
  const parts = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(end);
  if (!parts || isIsoDate(end)) return;
  const [year, month] = [Number(parts[1]), Number(parts[2])];
  if (month < 1 || month > 12) throw new UserError(t("changes.no-month", { value: end, month }));
  throw new UserError(t("changes.no-day", { value: end, month, days: new Date(Date.UTC(year, month, 0)).getUTCDate() }));
}

/**
 * A period: what the records date in it (model/changes.ts periodChanges), read from the working tree
 * as every register is; the people, where CSRs are addressed
 * and deleted files, which no record dates, from the commits at the period's start and end. When the
 * history starts later than the period, those are compared from the first commit, which the report
 * says: what changed in them before it cannot be known.
 */
async function periodCommand(ctx: CommandContext, asked: string | undefined, to: string, flags: ChangesFlags): Promise<number> {
  if (asked !== undefined && to < asked) throw new UserError(t("changes.reversed", { from: asked, to }));
  const root = findRoot(ctx.dir);
  const repo = await readRepository(root);
  refuseOrWarnUnreadable(ctx, repo);
  const keep = reportFilter(ctx, repo, flags);
  const from = asked ?? threadPeriod(repo, flags, to);
  const whole = await periodChangeReport(ctx, root, repo, from, to);
  const period = keep ? { ...whole, changes: whole.changes.filter(keep), entered: whole.entered.filter(keep) } : whole;
  const { changes, entered, basis } = period;
  const lang = languageOf();
  const rc = registerContext(repo, lang);
  // Where each revision of the engineering change stands by the period's end (today at the latest): its training and copies.
  const today = localToday();
  const asOf = to < today ? to : today;
  // Revisions released after that day are not yet part of the change it reports.
  const thread = (keep?.thread ?? []).filter((r) => (r.revision.date ?? "") <= asOf).map((r) => ({ document: r.document.id, version: r.revision.version, state: revisionStateText(rc, r.document, r.revision, asOf) }));
  const { format, out } = tableOutput(flags, ctx.dir, "changes");
  if (format === "json") {
    const commits = basis.kind === "commits" ? { from: basis.from, to: basis.to } : null;
    return json(ctx, root, out, { period: { from, to }, commits, changes, ...(entered.length > 0 ? { entered } : {}), ...(keep?.thread ? { revisions: thread } : {}) }, flags);
  }
  // Under the rows, first (after what a printed report says it keeps): one line a revision.
  const table = periodTable(rc, period, undefined, undefined, flags.configurationChange === true);
  const states = thread.map((r) => t("changes.thread-revision", { id: r.document, version: r.version, state: r.state }));
  return emitTable(ctx, onlyTitled(states.length > 0 ? { ...table, notes: [...states, ...(table.notes ?? [])] } : table, keep, format), flags, repo, lang, to);
}

/** A period's changes (periodChangeReport): what the records date in it, those no record dates, what the adoption entered from before it, and where the undated ones came from. */
export interface PeriodChanges {
  from: string;
  to: string;
  changes: Change[];
  entered: Change[];
  basis: UndatedBasis;
  /** The repository at the commits `basis` compares (the one before the period, the last by its end), when it compares two. */
  states?: { before: Repository; after: Repository };
}

/**
 * A period's changes: what the records date in it (model/changes.ts periodChanges), read from the
 * working tree as every register is; the people, where CSRs are addressed and deleted files, which
 * no record dates, from the commits at the period's start and end. When the history starts later
 * than the period, those are compared from the first commit, which the report says: what changed
 * in them before it cannot be known. For `csr changes` and the change report of `csr site`.
 */
/** `said`: files the caller has said could not be read already (csr site), not named again. */
export async function periodChangeReport(ctx: CommandContext, root: string, repo: Repository, from: string, to: string, said: ReadonlySet<string> = new Set()): Promise<PeriodChanges> {
  let recorded = periodChanges(repo, from, to);
  const basis = await undatedBasis(root, from, to);
  let undated: Change[] = [];
  let entered: Change[] = [];
  let states: PeriodChanges["states"];
  if (basis.kind === "commits") {
    const before = basis.from.commit ? await loadRevision(root, basis.from.commit) : undefined;
    const after = await loadRevision(root, basis.to.commit!);
    warnLeftOut(ctx, said, [basis.from, before], [basis.to, after]);
    if (before) {
      // The sections a revision or draft of the period changed, from the text in force at its start (withSectionChanges).
      recorded = withSectionChanges(recorded, before, repo, await releasedTexts(root, recorded, repo));
      // What a system adopted in the period brings with it from before is not a change of the period (tester20 F14).
      const all = compareStates(before, after).filter(isUndated);
      entered = inReportOrder(all.filter((c) => enteredBeforePeriod(c, before, after, from)));
      undated = withLinkRemovals(root, all.filter((c) => !entered.includes(c)), [basis.from.commit, before], [basis.to.commit!, after]);
      states = { before, after };
    }
  }
  // Who committed a submission recorded without --by, from the history up to now: the working tree holds the records.
  if (basis.kind !== "no-git") recorded = withSubmitters(recorded, repo, (path, key) => commitAddingKey(root, "HEAD", path, key));
  return { from, to, changes: inReportOrder([...recorded, ...undated]), entered, basis, ...(states ? { states } : {}) };
}

/**
 * The documents as the versions their `released` rows name were released, by release tag (load/base.ts
 * releasedRevisions: the tag, else the commit that recorded the version), for withSectionChanges: the
 * working copy may already hold the next edit, not yet released, which is no part of that revision. No
 * git call without such rows; a version git does not have is not in the map (the working copy is read).
 */
async function releasedTexts(root: string, changes: readonly Change[], repo: Repository): Promise<Map<string, ControlledDocument>> {
  const files = new Map(repo.documents.map((d) => [d.value.id, d.file.path]));
  const wanted = changes.flatMap((c) => (c.area === "document" && c.kind === "released" && files.has(c.id) ? [{ id: c.id, path: files.get(c.id)!, version: c.to }] : []));
  return releasedRevisions(root, wanted);
}

/** The change report of a period as a table (report/registers/changes.ts periodReport); `ledger`: the 技术状态更改台账 of csr changes --configuration-change. */
export function periodTable(rc: RegisterContext, period: PeriodChanges, plain?: PlainNotes, cells?: ChangeCells, ledger = false): Table {
  // Days after today have not happened: what the report lists of them is only what is already dated there (a 实施日期).
  const today = localToday();
  return periodReport(rc, period.changes, { from: period.from, to: period.to }, period.basis, period.to > today ? today : undefined, period.entered, plain, cells, ledger);
}

/**
 * The commits whose comparison gives what the records do not date: the last one before the period
 * and the last one by its end. Before the first commit there is none: then the comparison starts at
 * the first commit, if it is in the period.
 */
async function undatedBasis(root: string, from: string, to: string): Promise<UndatedBasis> {
  // git itself (gitRead), not simple-git: `csr site` asks this on every build, and loading and starting
  // simple-git cost it about 50 ms of CPU more than these few reads (none of them a commit before the first).
  if (!(await isGitRepository(root))) return { kind: "no-git" };
  const history = datedHistory(root);
  const end = lastBefore(history, addDays(to, 1));
  // `git rev-list --max-parents=0 --reverse HEAD`'s first: of the commits without a parent, the last git lists.
  const first = history.filter((c) => c.root).at(-1);
  if (!end) return { kind: "history-later", first: first?.date ?? null };
  const start = lastBefore(history, from);
  if (start) return { kind: "commits", from: { spec: from, ...dated(start) }, to: { spec: to, ...dated(end) } };
  return { kind: "commits", from: { spec: first!.commit.slice(0, 7), ...dated(first!) }, to: { spec: to, ...dated(end) }, historyFrom: first!.date };
}

/** A commit of HEAD's history as datedHistory lists it. */
interface HistoryCommit {
  commit: string;
  /** The day it was committed (%cs: the committer date in its own time zone), YYYY-MM-DD. */
  date: string;
  /** The committer time, seconds since 1970 (%ct). */
  time: number;
  /** It has no parent (a first commit). */
  root: boolean;
}

/**
 * The commits of HEAD's history in the order `git rev-list HEAD` lists them (newest first by committer time, as it
 * walks), from one `git rev-list --format=%H %cs %ct %P HEAD`: the three questions of undatedBasis (the last commit
 * before each end of the period, the first commit) were a git process each, where a process costs 10 to 40 ms on a
 * machine where starting one is slow. None when git fails (no commit yet).
 */
function datedHistory(root: string): HistoryCommit[] {
  // rev-list --format prints a "commit <id>" line before each formatted one.
  const lines = (gitRead(root, ["rev-list", "--format=%H %cs %ct %P", "HEAD"]) ?? "").split("\n").filter((line) => line !== "" && !line.startsWith("commit "));
  return lines.map((line) => {
    const [commit = "", date = "", time = "", ...parents] = line.split(" ");
    return { commit, date, time: Number(time), root: parents.every((parent) => parent === "") };
  });
}

/**
 * What `git rev-list -1 --before="<day> 00:00:00" HEAD` lists: the first commit of `history` committed at or before
 * midnight starting `day` in the local time zone (git reads a date without a zone as local time, as Date.parse
 * reads "<day>T00:00:00"), git's walk order being the same with or without --before.
 */
function lastBefore(history: readonly HistoryCommit[], day: string): HistoryCommit | undefined {
  const until = Date.parse(`${day}T00:00:00`) / 1000;
  return history.find((c) => c.time <= until);
}

function dated(c: HistoryCommit): { commit: string; date: string } {
  return { commit: c.commit, date: c.date };
}

/** Two states of the history: what changed between two commits, tags or branches. */
async function commitsCommand(ctx: CommandContext, from: string, to: string, flags: ChangesFlags): Promise<number> {
  const root = findRoot(ctx.dir);
  if (!(await isGitRepository(root))) throw new UserError(t("changes.not-git", { root }), t("changes.not-git.hint"));
  const end = await resolveRevision(root, to);
  const start = await resolveRevision(root, from);
  const before = await loadRevision(root, start.commit!);
  const after = await loadRevision(root, end.commit!);
  warnLeftOut(ctx, new Set(), [start, before], [end, after]);
  const compared = withSubmitters(compareStates(before, after), after, (path, key) => commitAddingKey(root, end.commit!, path, key));
  const keep = reportFilter(ctx, after, flags);
  const all = inReportOrder(withLinkRemovals(root, compared, [start.commit!, before], [end.commit!, after]));
  const changes = keep ? all.filter(keep) : all;
  const lang = languageOf();
  const { format, out } = tableOutput(flags, ctx.dir, "changes");
  if (format === "json") return json(ctx, root, out, { from: start, to: end, changes }, flags);
  const table = onlyTitled(changeReport(registerContext(after, lang), changes, start, end, flags.configurationChange === true), keep, format);
  // Printed, headed (organisation, form, signatures) as every register; emitTable heads only a register of the working tree.
  return emitTable(ctx, isPrinted(format) ? withHeading(after, table, lang, end.date!) : table, flags, after, lang);
}

/**
 * The changes, their links removed from CSRs (`unaddressed`) dated by the commits of the range that removed
 * them, with their authors (datedLinkRemovals); git is asked only when there are such rows (tester57 E18).
 */
function withLinkRemovals(root: string, changes: Change[], [from, before]: [string | null, Repository], [to, after]: [string, Repository]): Change[] {
  const wanted = linkRemovalsWanted(changes, before, after);
  return wanted.length === 0 ? changes : datedLinkRemovals(changes, before, after, linkRemovals(root, from, to, wanted));
}

/**
 * --customer CODE: which rows of the report are that customer's (tester61 L6), so that a report sent to one
 * customer holds no other customer's requirements (IATF 16949 7.5.3.2.2): its CSRs (by the CSR's customer, or an
 * id CODE-… for one no longer there), its source documents, its rows of the symbol conversion table, and the
 * rows of the documents and revisions tied to it (model/customer-ties.ts: addressing its CSRs, numbered CODE-…, citing
 * its change notices; a revision recorded against one of its complaints (tester63 N13) or notified to it (tester74
 * T1)), the same the audit pack csr site --customer holds. Coverage and people rows are left out. Said on stderr; undefined (every row) without --customer. UserError (exit 2) for an unknown customer,
 * with the closest code.
 */
function customerFilter(scope: string[], repo: Repository, code: string | undefined): ((change: Change) => boolean) | undefined {
  if (code === undefined) return undefined;
  const customer = repo.customers.find((c) => c.value.code === code)?.value;
  if (!customer) throw unknownCustomer(repo.customers.map((c) => c.value), code);
  const csrs = new Map(repo.csrs.map((c) => [c.value.id, c.value.customer]));
  const own = (id: string) => id.startsWith(`${code}-`);
  const tied = customerDocuments({ csrs: repo.csrs.map((c) => c.value), documents: repo.documents.map((d) => d.value), actions: repo.actions.map((a) => a.value) }, code);
  scope.push(t("changes.customer-only", { code, name: localized(languageOf(), customer.name, customer.name_en) }));
  return (change) => {
    if (change.area === "csr") return csrs.has(change.id) ? csrs.get(change.id) === code : own(change.id);
    if (change.area === "source") return change.detail === code;
    if (change.area === "symbol") return change.id.startsWith(`${code} `);
    if (change.area === "document") return own(change.id) || isCustomerDocumentChange(tied, code, change);
    return false;
  };
}

/**
 * --document ID: the rows of that one document (its revisions, drafts, copies, training, periodic reviews,
 * withdrawal: every row of the area document with its id), e.g. the history of one WI across an ECN
 * (tester61 L3), and with them those of the deviations from it (deviationsOf), with what the title names the
 * report as limited to (`only`). Said on stderr; undefined (every row) without it. UserError (exit 2) for an
 * unknown document, with the closest ids.
 */
function documentFilter(scope: string[], repo: Repository, id: string | undefined): OnlyFilter | undefined {
  if (id === undefined) return undefined;
  const doc = repo.documents.find((d) => d.value.id === id)?.value;
  if (!doc) throw new UserError(t("edit.no-document", { id }) + didYouMean(id, repo.documents.map((d) => d.value.id)));
  const deviations = deviationsOf(repo, id);
  const title = localized(languageOf(), doc.title, doc.title_en);
  const named = deviations.join(t("common.list-separator"));
  scope.push(deviations.length > 0 ? t("changes.document-only.deviations", { id, title, deviations: named }) : t("changes.document-only", { id, title }));
  const ids = new Set([id, ...deviations]);
  // The title names the report as limited to WI-010-01, or WI-010-01 及其偏离 WI-010-03 when deviations from it are listed too.
  return { keep: (change) => change.area === "document" && ids.has(change.id), only: deviations.length === 0 ? id : t("changes.only-document-deviations", { id, deviations: named }) };
}

/**
 * --department: the rows of the documents a department owns (`department`) or holds (a controlled copy handed to it,
 * an electronic issue to it, whether since taken back or not), for the department's own change page (IATF 16949
 * 7.5.3.2.1 availability where needed; tester75). An unknown code: UserError naming the departments of qms.yaml.
 */
function departmentFilter(scope: string[], repo: Repository, code: string | undefined): OnlyFilter | undefined {
  if (code === undefined) return undefined;
  const departments = repo.config?.value.departments ?? [];
  const department = departments.find((d) => d.code === code);
  if (!department) throw new UserError(t("changes.unknown-department", { code, departments: departments.map((d) => d.code).join(t("common.list-separator")) }));
  const ids = new Set(
    repo.documents
      .map((d) => d.value)
      .filter((d) => d.department === code || (d.distribution ?? []).some((c) => c.to === code) || (d.electronic_issue ?? []).some((e) => e.to.includes(code)))
      .map((d) => d.id),
  );
  const name = localized(languageOf(), department.name, department.name_en);
  scope.push(t("changes.department-only", { code, name, count: ids.size }));
  return { keep: (change) => change.area === "document" && ids.has(change.id), only: `${code} ${name}` };
}

/**
 * The deviations from document `id` (documents naming it under `deviates_from`), by number: `csr changes
 * --document` lists their rows with the document's, as the history of its standard process includes the
 * time-limited changes made beside it and their withdrawal (IATF 16949 8.5.6.1.1; tester63 N4).
 */
function deviationsOf(repo: Repository, id: string): string[] {
  return repo.documents
    .filter((d) => d.value.id !== id && (d.value.deviates_from ?? []).includes(id))
    .map((d) => d.value.id)
    .sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
}

/**
 * --action ID: the rows of the document revisions that carry out that corrective action record (revisions
 * naming it in `actions`, csr release --action): each such revision released or taking effect, its copies
 * handed out and taken back, its training, and the withdrawal of a document (a deviation) whose revision in
 * force names it (revisionRows), with the record's id as the title names it (`only`). The id in any letter case
 * (actionById). Said on stderr; undefined (every row) without it. UserError (exit 2) for an id with no record,
 * with the closest ids.
 */
function actionFilter(scope: string[], repo: Repository, id: string | undefined): OnlyFilter | undefined {
  if (id === undefined) return undefined;
  const action = actionById(repo.actions, id)?.value;
  if (!action) throw new UserError(t("action.unknown", { id }) + didYouMean(id, repo.actions.map((a) => a.value.id)), t("action.unknown.hint"));
  scope.push(t("changes.action-only", { id: action.id, title: localized(languageOf(), action.title, action.title_en) }));
  return { keep: changeRows(repo, revisionsCarryingOut(repo, [action.id])), only: action.id };
}

/**
 * The first day of the period that holds every revision --action, --ecn or --change-request follows (csr changes
 * without a from date, breaker64 P8): for a corrective action record, the day it was received or of an earlier
 * revision naming it; for an engineering change, the day of its first revision; `to` when that is earlier still (a
 * record received after it). The record and the revisions exist (actionFilter and changeFilter have refused others).
 */
function threadPeriod(repo: Repository, flags: ChangesFlags, to: string): string {
  const action = flags.action === undefined ? undefined : actionById(repo.actions, flags.action)!.value;
  const days = [
    ...(action ? [action.received, ...(actionRevisions(repo.documents.map((d) => d.value)).get(action.id) ?? []).flatMap((r) => (r.date !== undefined ? [r.date] : []))] : []),
    ...changeNumbersOf(flags).flatMap((number) => changeThread(repo.documents.map((d) => d.value), number).flatMap((r) => (r.revision.date !== undefined ? [r.revision.date] : []))),
  ];
  const first = days.reduce((a, b) => (b < a ? b : a), to);
  return first < to ? first : to;
}

/** The numbers --ecn and --change-request follow an engineering change by. */
function changeNumbersOf(flags: ChangesFlags): ChangeNumber[] {
  return [...(flags.ecn !== undefined ? [{ ecn: flags.ecn }] : []), ...(flags.changeRequest !== undefined ? [{ changeRequest: flags.changeRequest }] : [])];
}

/**
 * --ecn NUMBER / --change-request NUMBER: the rows of the revisions carrying that customer change notice or change
 * request (model/engineering-change.ts changeThread: the PFMEA, control plan, work instruction and deviation released for
 * one drawing change), each released or taking effect, its copies handed out and taken back and its training
 * (revisionRows), with the number as the title names it (`only`) and the revisions (`thread`), whose state the report
 * says under it (IATF 16949 8.5.6.1). Both: the revisions carrying both. Said on stderr; undefined without either.
 * UserError (exit 2) for a number no revision carries, with the closest ones.
 */
function changeFilter(scope: string[], repo: Repository, flags: ChangesFlags): (OnlyFilter & { thread: ThreadRevision[] }) | undefined {
  const numbers = changeNumbersOf(flags);
  if (numbers.length === 0) return undefined;
  const documents = repo.documents.map((d) => d.value);
  const known = changeNumbers(documents);
  let thread: ThreadRevision[] | undefined;
  for (const number of numbers) {
    const carrying = changeThread(documents, number);
    if (carrying.length === 0) {
      throw "ecn" in number
        ? new UserError(t("changes.unknown-ecn", { ecn: number.ecn }) + didYouMean(number.ecn, known.ecn), t("changes.unknown-change.hint"))
        : new UserError(t("changes.unknown-change-request", { number: number.changeRequest }) + didYouMean(number.changeRequest, known.changeRequest), t("changes.unknown-change.hint"));
    }
    thread = thread === undefined ? carrying : thread.filter((r) => carrying.some((c) => c.revision === r.revision));
    const revisions = carrying.map((r) => `${r.document.id} ${r.revision.version}`).join(t("common.list-separator"));
    scope.push("ecn" in number ? t("changes.ecn-only", { ecn: number.ecn, count: carrying.length, revisions }) : t("changes.change-request-only", { number: number.changeRequest, count: carrying.length, revisions }));
  }
  const versions = new Map<string, Set<string>>();
  for (const { document, revision } of thread!) versions.set(document.id, new Set([...(versions.get(document.id) ?? []), revision.version]));
  const only = numbers.map((n) => ("ecn" in n ? t("changes.only-ecn", { ecn: n.ecn }) : t("changes.only-change-request", { number: n.changeRequest }))).join(t("common.list-separator"));
  return { keep: changeRows(repo, versions), only, thread: thread! };
}

/**
 * --configuration-change: the rows of the revisions released as 技术状态更改 (`configuration_change`, csr release
 * --configuration-change), each released or taking effect, its copies handed out and the replaced version's withdrawn
 * (changeRows), its training: the 技术状态更改台账 of the period (GJB 9001C 8.3.6 技术状态更改控制, 8.5.6; tester79 G6).
 * Said on stderr with how many revisions of the repository are so marked; undefined without the option.
 */
function configurationChangeFilter(scope: string[], repo: Repository, wanted: boolean | undefined): OnlyFilter | undefined {
  if (!wanted) return undefined;
  const versions = new Map<string, Set<string>>();
  for (const { value: doc } of repo.documents) {
    for (const r of doc.revisions ?? []) if (r.configuration_change) versions.set(doc.id, new Set([...(versions.get(doc.id) ?? []), r.version]));
  }
  scope.push(t("changes.configuration-change-only", { count: [...versions.values()].reduce((n, v) => n + v.size, 0) }));
  return { keep: changeRows(repo, versions), only: t("changes.only-configuration-change") };
}

/** The rows of copies taken back, lost, destroyed or stamped 作废 and kept (作废留用): what withdraws a version from use. */
const WITHDRAWALS: readonly ChangeKind[] = ["recalled", "lost", "destroyed", "retained"];

/**
 * The rows of a change carried out by `revisions` (document id → versions, as revisionRows takes them): those of the
 * revisions themselves (revisionRows), and the withdrawal of the copies of the version each of them replaced — taken
 * back, lost, destroyed or kept as 作废留用 — as --document shows them: a change request (更改单) or a corrective action is
 * closed once the old versions are out of use (GJB 9001C 7.5.3, 8.3.6, 8.5.6; IATF 16949 7.5.3.2.1; tester79 G5). The
 * version replaced is the one before it in the document's `revisions`.
 */
function changeRows(repo: Repository, revisions: ReadonlyMap<string, ReadonlySet<string>>): (change: Change) => boolean {
  const replaced = new Map<string, Set<string>>();
  for (const { value: doc } of repo.documents) {
    const versions = revisions.get(doc.id);
    const list = doc.revisions ?? [];
    for (const [i, r] of list.entries()) {
      if (i === 0 || !versions?.has(r.version)) continue;
      replaced.set(doc.id, new Set([...(replaced.get(doc.id) ?? []), list[i - 1]!.version]));
    }
  }
  const own = revisionRows(revisions);
  const old = revisionRows(replaced);
  return (change) => own(change) || (WITHDRAWALS.includes(change.kind) && old(change));
}

/** A filter of --document or --action: the rows it keeps, and what the report's title names it as limited to (WI-010-01, 8D-2026-012). */
interface OnlyFilter {
  keep: (change: Change) => boolean;
  only: string;
}

/**
 * The document revisions that carry out one of the corrective action records `ids` (a revision's `actions`, csr
 * release --action, naming a record by its exact id as ref/unresolved holds them): document id → the versions.
 * For csr changes --action and --customer (a complaint's deviation, PFMEA and control plan revisions).
 */
function revisionsCarryingOut(repo: Repository, ids: Iterable<string>): Map<string, Set<string>> {
  const byAction = actionRevisions(repo.documents.map((d) => d.value));
  const out = new Map<string, Set<string>>();
  for (const id of ids) {
    for (const { document, version } of byAction.get(id) ?? []) {
      if (!out.has(document)) out.set(document, new Set());
      out.get(document)!.add(version);
    }
  }
  return out;
}

/** A report limited by --customer, --document, --action, --department, --ecn, --change-request and --configuration-change (together: the rows all keep), with what it is limited to as its title says it. */
interface ReportFilter {
  (change: Change): boolean;
  /** 东岳汽车股份有限公司, WI-010-01: what the title names the report as limited to. */
  only: string[];
  /** What each filter keeps, a sentence each ("只列出落实纠正措施 8D-2026-012（…）的变更：…"): on stderr, and under a printed report (look65 #3). */
  scope: string[];
  /** With --ecn or --change-request: the revisions of the engineering change (changeFilter), whose state the report says. */
  thread?: ThreadRevision[];
}

/** The filters --customer, --document and --action ask for, each said on stderr (its scope); undefined without any. */
function reportFilter(ctx: CommandContext, repo: Repository, flags: ChangesFlags): ReportFilter | undefined {
  const scope: string[] = [];
  const byCustomer = customerFilter(scope, repo, flags.customer);
  const byDocument = documentFilter(scope, repo, flags.document);
  const byAction = actionFilter(scope, repo, flags.action);
  const byDepartment = departmentFilter(scope, repo, flags.department);
  const byChange = changeFilter(scope, repo, flags);
  const byConfiguration = configurationChangeFilter(scope, repo, flags.configurationChange);
  for (const line of scope) ctx.stderr(line + "\n");
  const filters = [byDocument, byAction, byDepartment, byChange, byConfiguration].filter((f): f is OnlyFilter => f !== undefined);
  if (!byCustomer && filters.length === 0) return undefined;
  const customer = repo.customers.find((c) => c.value.code === flags.customer)?.value;
  const keep = ((change: Change) => (byCustomer?.(change) ?? true) && filters.every((f) => f.keep(change))) as ReportFilter;
  keep.only = [...(customer ? [localized(languageOf(), customer.name, customer.name_en)] : []), ...filters.map((f) => f.only)];
  keep.scope = scope;
  if (byChange) keep.thread = byChange.thread;
  return keep;
}

/**
 * The report's title, and the one its heading prints, saying what it is limited to: 变更报告：2026-12-01 至 2026-12-31（仅 东岳汽车股份有限公司）;
 * a printed report (`format` md, html, xlsx, pdf), read by someone who did not run the command, also says under it which rows
 * the filter keeps, first among its notes (a terminal's reader has it on stderr).
 */
function onlyTitled(table: Table, keep: ReportFilter | undefined, format: TableFormat): Table {
  if (!keep) return table;
  const only = t("changes.only-title", { only: keep.only.join(t("common.list-separator")) });
  return {
    ...table,
    title: table.title + only,
    ...(table.span ? { span: { ...table.span, untitledTitle: table.span.untitledTitle + only } } : {}),
    ...(isPrinted(format) ? { notes: [...keep.scope, ...(table.notes ?? [])] } : {}),
  };
}

function warnLeftOut(ctx: CommandContext, said: ReadonlySet<string>, ...states: [RangeEnd, Repository | undefined][]): void {
  for (const [end, repo] of states) {
    const files = [...new Set((repo?.problems ?? []).map((p) => p.path))].filter((file) => !said.has(file));
    if (files.length > 0) ctx.stderr(t("changes.left-out", { spec: end.spec, count: files.length, files: shortList(files) }) + "\n");
  }
}

async function json(ctx: CommandContext, root: string, out: string | undefined, data: unknown, flags: OutputFlags): Promise<number> {
  const text = JSON.stringify(data, null, 2) + "\n";
  if (out) await writeOutput(ctx, root, out, text, flags.force);
  else ctx.stdout(text);
  return 0;
}

async function resolveRevision(root: string, spec: string): Promise<RangeEnd> {
  const commit = (await gitRaw(root, ["rev-parse", "--verify", "--quiet", `${spec}^{commit}`]).catch(() => "")).trim();
  if (!commit) throw new UserError(t("changes.unknown-rev", { spec }), (await documentHint(root, spec)) ?? t("changes.unknown-rev.hint"));
  return commitEnd(root, commit, spec);
}

/**
 * For an end that is no commit but names a document (WI-010-01, WI-010-01/A-1, WI-010-01@A/1: a version of a
 * document, tester75), the command that compares two versions of it (csr diff); undefined otherwise. The
 * repository is read only on this path of a refusal.
 */
async function documentHint(root: string, spec: string): Promise<string | undefined> {
  const repo = await readRepository(root).catch(() => undefined);
  const doc = repo?.documents.map((d) => d.value.id).find((id) => spec === id || spec.startsWith(`${id}/`) || spec.startsWith(`${id}@`));
  return doc === undefined ? undefined : t("changes.unknown-rev.document-hint", { id: doc });
}

function commitEnd(root: string, commit: string | null, spec: string): RangeEnd {
  if (!commit) return { spec, commit: null, date: null };
  return { spec, commit, date: commitDate(root, commit) };
}

/** The day a commit that exists was committed (`git show -s --format=%cs`). */
function commitDate(root: string, commit: string): string {
  const shown = gitRead(root, ["show", "-s", "--format=%cs", commit]);
  if (shown === undefined) throw new Error(`git show -s ${commit} failed in ${root}`);
  return shown.trim();
}
