/**
 * `csr history`: a document's revision record beside the git commits that touched its file, so
 * that an auditor sees which commit made each revision and which commits changed a released
 * document without one.
 */
import { customerNoticesText } from "../../model/customer-notices.js";
import { UserError } from "../../core/errors.js";
import { repositoryCalendar } from "../../load/calendar.js";
import { findRoot } from "../../load/discover.js";
import { gitBlob, gitBlobs, gitRead, isGitRepository, logRecords } from "../../load/git.js";
import { MAX_FILE_BYTES } from "../../load/guards.js";
import { parseText } from "../../load/source.js";
import { buildIndex, currentRevision } from "../../model/index.js";
import { asCompleted, asCompletedRecord, changedRevisionFields, revisedContent } from "../../model/revision.js";
import type { ControlledDocument } from "../../model/types.js";
import { toTerminal, type Table } from "../../report/table.js";
import { findDocument } from "../release/document.js";
import { choiceOption } from "../options.js";
import type { CommandContext } from "../context.js";
import { language, list, t } from "../../i18n/index.js";
import { configurationChangeOf, revisionBasis, revisionSummary } from "../../model/revision.js";
import { localized } from "../../core/text.js";
import { readRepository } from "../shared/read.js";

export interface HistoryFlags {
  format?: string;
}

export interface CommitEntry {
  commit: string;
  date: string;
  author: string;
  email: string;
  message: string;
  /** The file's path in that commit (it may have been renamed since). */
  path: string;
  /** The document's latest version after the commit. */
  version: string;
  /** Versions of the revision entries the commit added. */
  newRevisions: string[];
  /** The commit changed a released document's content without adding a revision entry, nor marked as the draft of its next one. */
  unrevised: boolean;
  /**
   * The commit changed a released document marked 修订中 (`revising`, csr submit): the draft of its
   * next revision, which may be committed (README, csr submit): the day it was submitted, not a "!".
   */
  draft?: string;
  /**
   * The commit ended the document's 修订中 mark and gave its text back as it was when the draft
   * began (csr submit --withdraw after undoing the draft): the version whose text it restores, not a "!".
   */
  draftWithdrawn?: string;
  /** The commit edited or removed revision entries that existed before it. */
  historyRewritten: boolean;
  withdrawn: boolean;
  /** A merge of the current branch's first-parent line: the commits (listed before it) that it brought in; its row is the event of their merge, not a change of its own. */
  merged?: string[];
  /** The merge (on the current branch's first-parent line) that brought this change in. */
  mergedIn?: string;
}

export async function historyCommand(ctx: CommandContext, id: string, flags: HistoryFlags): Promise<number> {
  const format = choiceOption(flags.format, "--format", ["text", "json"] as const, "text");
  const root = findRoot(ctx.dir);
  const repo = await readRepository(root);
  const index = buildIndex(repo);
  const { value: doc, file } = findDocument(repo, index, id, (text) => ctx.stderr(text));
  if (!(await isGitRepository(root))) throw new UserError(t("history.not-git", { root }));
  const commits = await documentCommits(root, file.path);
  const addedBy = new Map<string, string>();
  const mergedBy = new Map<string, string>();
  for (const c of commits) for (const v of c.newRevisions) {
    addedBy.set(v, c.commit);
    if (c.mergedIn) mergedBy.set(v, c.mergedIn);
  }
  const revisions = (doc.revisions ?? []).map((r) => ({
    version: r.version,
    // null: a revision imported without a date, on the paper record.
    date: r.date ?? null,
    // The day it took effect when not its date (csr release --effective); the current one's is the document's (tester54a A17).
    effective: (r === currentRevision(doc) ? doc.effective : undefined) ?? r.effective ?? r.date ?? null,
    summary: revisionSummary(r, language()),
    // Why and under which request (csr release --reason, --change-request, --ecn), when recorded.
    ...(r.reason ? { reason: r.reason } : {}),
    ...(r.reason_en ? { reason_en: r.reason_en } : {}),
    ...(r.change_request ? { change_request: r.change_request } : {}),
    // 技术状态更改 (csr release --configuration-change), agreed by the 军代表 of its column, with its class and what it affects.
    ...configurationChangeOf(r),
    ...(r.ecn ? { ecn: r.ecn } : {}),
    // The corrective actions it carries out (csr release --action).
    ...(r.actions ? { actions: r.actions } : {}),
    // The customers the change was notified to or approved by (csr release/sign --customer-notified, --customer-approved).
    ...(r.customer_notices ? { customer_notices: r.customer_notices } : {}),
    prepared: r.prepared?.by ?? "",
    reviewed: r.reviewed?.by ?? "",
    countersigned: (r.countersigned ?? []).map((s) => s.by),
    standardization: r.standardization?.by ?? "",
    approved: r.approved?.by ?? "",
    military_representative: r.military_representative?.by ?? "",
    commit: addedBy.get(r.version) ?? "",
    // The merge that brought that commit into the branch read (the pull request's approval), when it came through one.
    ...(mergedBy.has(r.version) ? { merged: mergedBy.get(r.version)! } : {}),
  }));
  if (format === "json") {
    ctx.stdout(JSON.stringify({ document: doc.id, file: file.path, revisions, commits }, null, 2) + "\n");
    return 0;
  }
  // As `csr show` names people in a terminal: the id to type, then the name to read (JSON keeps the ids).
  const signer = (id: string) => {
    const person = index.people.get(id)?.value;
    return person ? `${id} ${localized(language(), person.name, person.name_en)}` : id;
  };
  // 会签, 标准化审查 and 军代表 as the printed revision record has them: columns only where a revision records them (GJB 9001C 7.5.3).
  const recorded = (role: "countersigned" | "standardization" | "military_representative") => revisions.some((r) => r[role].length > 0);
  const calendar = repositoryCalendar(repo.config?.value);
  const revisionTable: Table = {
    title: t("history.revisions.title", { document: doc.id, title: localized(language(), doc.title, doc.title_en), file: file.path }),
    sheet: "revisions",
    columns: [
      { key: "version", header: t("history.column.version"), kind: "id" },
      { key: "date", header: t("history.column.date"), date: true },
      // 生效日期 once a revision took effect after its date, as the printed revision record has it.
      ...(revisions.some((r) => r.effective !== r.date) ? [{ key: "effective", header: t("history.column.effective"), date: true }] : []),
      { key: "summary", header: t("history.column.summary"), kind: "prose" },
      // 更改原因, 更改申请单号 and ECN: a column only where a revision records them.
      ...(revisions.some((r) => revisionBasis(r, language()) !== "") ? [{ key: "basis", header: t("history.column.basis"), kind: "prose" as const }] : []),
      ...(revisions.some((r) => customerNoticesText(r, language(), calendar) !== "") ? [{ key: "notices", header: t("history.column.notices"), kind: "prose" as const }] : []),
      { key: "prepared", header: t("history.column.prepared"), kind: "name" },
      { key: "reviewed", header: t("history.column.reviewed"), kind: "name" },
      ...(recorded("countersigned") ? [{ key: "countersigned", header: t("history.column.countersigned"), kind: "list" as const }] : []),
      ...(recorded("standardization") ? [{ key: "standardization", header: t("history.column.standardization"), kind: "name" as const }] : []),
      { key: "approved", header: t("history.column.approved"), kind: "name" },
      ...(recorded("military_representative") ? [{ key: "military_representative", header: t("history.column.military-representative"), kind: "name" as const }] : []),
      { key: "commit", header: t("history.column.commit"), kind: "code" },
    ],
    rows: revisions.map(({ ecn: _ecn, actions: _actions, customer_notices: notices, configuration_change, change_class, affected_products, affected_documents, first_article_required, ...r }) => ({
      ...r,
      date: r.date ?? t("revision.date.unknown"),
      basis: revisionBasis({ ...r, ...(_ecn ? { ecn: _ecn } : {}), ...(_actions ? { actions: _actions } : {}), ...configurationChangeOf({ configuration_change, change_class, affected_products, affected_documents, first_article_required }) }, language()),
      notices: customerNoticesText({ customer_notices: notices }, language(), calendar),
      effective: r.effective ?? t("revision.date.unknown"),
      prepared: signer(r.prepared),
      reviewed: signer(r.reviewed),
      countersigned: r.countersigned.map(signer).join(t("common.list-separator")),
      standardization: signer(r.standardization),
      approved: signer(r.approved),
      military_representative: signer(r.military_representative),
      commit: r.merged ? t("history.revision-merged", { commit: r.commit, merge: r.merged }) : r.commit || t("history.before-git"),
    })),
  };
  const commitTable: Table = {
    title: t("history.commits.title"),
    sheet: "commits",
    columns: [
      { key: "date", header: t("history.column.date"), date: true },
      { key: "author", header: t("history.column.author"), kind: "name" },
      { key: "commit", header: t("history.column.commit"), kind: "id" },
      { key: "message", header: t("history.column.message") },
      { key: "version", header: t("history.column.version"), kind: "id" },
      { key: "note", header: t("history.column.note") },
    ],
    rows: commits.map((c) => ({ date: c.date, author: `${c.author} <${c.email}>`, commit: c.commit, message: c.message, version: c.version, note: note(c) })),
    notes: commits.length === 0 ? [t("history.uncommitted", { file: file.path })] : unrevisedNotes(commits, doc.id),
  };
  // On a terminal, fitted to its width as csr list is; piped, every row one line.
  ctx.stdout(`${toTerminal(revisionTable, ctx.width)}\n${toTerminal(commitTable, ctx.width)}`);
  return 0;
}

/**
 * What the commits marked ! (a released document changed without a new revision) call for. Those
 * followed by a later release went out with it: they are history, stated as such; those followed by
 * the withdrawal need nothing. Only those after the last release still need a new revision, and
 * only then does the note advise 'csr release'.
 */
export function unrevisedNotes(commits: readonly CommitEntry[], document: string): string[] {
  const notes: string[] = [];
  const releasedWith: string[] = [];
  let released = 0;
  let pending = 0;
  commits.forEach((c, i) => {
    if (!c.unrevised) return;
    const next = commits.slice(i + 1).find((later) => later.newRevisions.length > 0 || later.withdrawn);
    if (!next) pending++;
    else if (next.newRevisions.length > 0) {
      released++;
      if (!releasedWith.includes(next.newRevisions[0]!)) releasedWith.push(next.newRevisions[0]!);
    }
  });
  if (released > 0) notes.push(t("history.unrevised-released", { count: released, versions: list(releasedWith) }));
  if (pending > 0) notes.push(t("history.unrevised", { count: pending, document, version: commits[commits.length - 1]!.version }));
  return notes;
}

function note(c: CommitEntry): string {
  const parts: string[] = [];
  if (c.newRevisions.length > 0) parts.push(t("history.note.new-revision", { versions: list(c.newRevisions), count: c.newRevisions.length }));
  if (c.unrevised) parts.push(t("history.note.unrevised"));
  if (c.draft !== undefined) parts.push(t("history.note.draft", { since: c.draft }));
  if (c.draftWithdrawn !== undefined) parts.push(t("history.note.draft-withdrawn", { version: c.draftWithdrawn }));
  if (c.historyRewritten) parts.push(t("history.note.rewritten"));
  if (c.withdrawn) parts.push(t("history.note.withdrawn"));
  if (c.merged) parts.push(t("history.note.merge", { commits: list(c.merged), count: c.merged.length }));
  if (c.mergedIn) parts.push(t("history.note.merged-in", { commit: c.mergedIn }));
  return parts.join(t("history.note.separator"));
}

/**
 * Every commit that touched the document's file, with what each did to the document, oldest first.
 * A move of the file is followed only while it stays the same document: `git log --follow` pairs
 * a new file with any similar one (a copy of a scaffolded procedure, another document removed in
 * the same commit), and such a pairing would list another document's commits as this one's
 * revision evidence (IATF 16949 7.5.3.2). So the history starts where the file was copied from
 * another, or moved from a file that held another document id — matched by id, as
 * `csr check --base` and `csr changes` match documents.
 */
export async function documentCommits(root: string, path: string): Promise<CommitEntry[]> {
  // Undefined before the first commit (a repository only made with `git init`): no history yet.
  const log = gitRead(root, ["log", "--follow", "--date=short", "--format=%x1e%h%x1f%ad%x1f%an%x1f%ae%x1f%s%x1f%H%x1f%P", "--name-status", "--", path]);
  if (log === undefined) return [];
  type Change = Omit<CommitEntry, "version" | "newRevisions" | "unrevised" | "historyRewritten" | "withdrawn"> & { full: string; parent?: string; parentPath?: string };
  const newestFirst: Change[] = [];
  for (const { fields: [commit = "", date = "", author = "", email = "", message = "", full = "", parents = ""], files } of logRecords(log)) {
    // --name-status: "M\tpath", "A\tpath", "R093\told\tnew", "C094\tfrom\tnew"; a merge lists none.
    const [status = "", from = "", to] = files[0]?.split("\t") ?? [];
    const at = to ?? (from || newestFirst.at(-1)?.path || path);
    const parent = parents.split(" ")[0] || undefined;
    newestFirst.push({ commit, date, author, email, message, path: at, full, ...(parent && !status.startsWith("A") ? { parent, parentPath: status.startsWith("R") ? from : at } : {}) });
    if (status.startsWith("C")) break;
    if (status.startsWith("R") && to !== undefined && !(await sameDocument(root, `${commit}^`, from, commit, to))) break;
  }
  const merges = mergesBringing(root, newestFirst.map((c) => c.full));
  const records = ordered(newestFirst.reverse(), merges);
  // Every version at once (one git process), for documentAt below: each commit's, and the one before it.
  gitBlobs(root, records.flatMap((r) => [`${r.full}:${r.path}`, ...(r.parent ? [`${r.parent}:${r.parentPath}`] : [])]), MAX_FILE_BYTES);
  const entries: CommitEntry[] = [];
  let previousAfter: ControlledDocument | undefined;
  // The document as it was when its draft began (csr submit), which a withdrawal gives back.
  let beforeDraft: ControlledDocument | undefined;
  for (const [i, { full, parent, parentPath, ...record }] of records.entries()) {
    const after = await documentAt(root, full, record.path);
    // The version the commit changed: its parent's (on a branch, not the commit listed before it), none where the history starts.
    const before = i === 0 ? undefined : parent && parentPath ? await documentAt(root, parent, parentPath) : previousAfter;
    previousAfter = after;
    const previous = before?.revisions ?? [];
    // The paper record written in with a body that was on paper completes the revisions imported: neither new revisions nor a rewrite.
    const current = after ? asCompletedRecord(before, after) : [];
    const version = current[current.length - 1]?.version ?? "";
    // A merge is the event that brought its branch's changes in (who merged, when): each change is the row of the commit that made it.
    if (record.merged) {
      entries.push({ ...record, version, newRevisions: [], unrevised: false, historyRewritten: false, withdrawn: false });
      continue;
    }
    // Signatures recorded where the entry had none (补签, csr sign) keep the entry: doc/revision-history-rewritten agrees; so do a customer's days notified or approved recorded later.
    const kept = previous.every((r, i) => current[i] !== undefined && changedRevisionFields(r, current[i]!).length === 0);
    const grew = kept && current.length > previous.length;
    const changed = before?.status === "released" && after !== undefined && !grew && revisedContent(asCompleted(before, after)) !== revisedContent(after);
    // A change made while the document is marked 修订中 is the sanctioned draft of its next revision (tester54a A18).
    const draft = changed ? after?.revising?.since : undefined;
    if (after?.revising && !before?.revising) beforeDraft = before;
    // The draft given up: the mark removed and the text back as it was before the draft (tester54a A18, after csr submit --withdraw).
    const restored = changed && before?.revising !== undefined && !after!.revising && beforeDraft !== undefined && revisedContent(asCompleted(beforeDraft, after!)) === revisedContent(after!);
    const draftWithdrawn = restored ? version : undefined;
    entries.push({
      ...record,
      version,
      newRevisions: grew ? current.slice(previous.length).map((r) => r.version) : [],
      unrevised: changed && draft === undefined && draftWithdrawn === undefined,
      ...(draft !== undefined ? { draft } : {}),
      ...(draftWithdrawn !== undefined ? { draftWithdrawn } : {}),
      historyRewritten: !kept,
      withdrawn: before !== undefined && before.status !== "obsolete" && after?.status === "obsolete",
    });
  }
  return entries;
}

/** A merge on the current branch's first-parent line and the commits (full names) it brought in. */
interface Merge {
  full: string;
  commit: string;
  date: string;
  author: string;
  email: string;
  message: string;
  parent: string;
  brought: Set<string>;
}

/**
 * The merges of the current branch's first-parent line (the branch the auditor reads: main) that
 * brought in any of `commits` (full names), each with the ones it brought; one `git log` of the
 * branch's graph. A commit made on the line itself is brought by no merge. Walking the line oldest
 * first, each merge brings what its other parents reach that no earlier point of the line did.
 */
interface Bringing {
  merges: Merge[];
  /** Each commit of the first-parent line by its place on it, oldest first. */
  line: Map<string, number>;
}

function mergesBringing(root: string, commits: readonly string[]): Bringing {
  // `commits`: newest first, as git log lists them.
  const wanted = new Set(commits);
  // Only the file's lifetime: nothing before its oldest commit brings any of them.
  const oldest = commits.at(-1);
  const log = gitRead(root, ["log", "--date=short", "--format=%H%x1f%P%x1f%h%x1f%ad%x1f%an%x1f%ae%x1f%s", "HEAD", ...(oldest ? ["--not", `${oldest}^@`] : [])]);
  if (log === undefined) return { merges: [], line: new Map() };
  const graph = new Map<string, string[]>();
  const info = new Map<string, string[]>();
  for (const line of log.split("\n")) {
    const [full = "", parents = "", ...rest] = line.split("\x1f");
    if (full === "") continue;
    const list = parents === "" ? [] : parents.split(" ");
    graph.set(full, list);
    if (list.length > 1) info.set(full, rest);
  }
  const line: string[] = [];
  for (let at = log.slice(0, log.indexOf("\x1f")) || undefined; at !== undefined; at = graph.get(at)?.[0]) line.push(at);
  const seen = new Set<string>();
  const merges: Merge[] = [];
  const places = new Map(line.reverse().map((point, i) => [point, i]));
  for (const point of line) {
    seen.add(point);
    const brought = new Set<string>();
    const stack = (graph.get(point) ?? []).slice(1);
    while (stack.length > 0) {
      const next = stack.pop()!;
      if (seen.has(next)) continue;
      seen.add(next);
      if (wanted.has(next)) brought.add(next);
      stack.push(...(graph.get(next) ?? []));
    }
    const [commit = "", date = "", author = "", email = "", message = ""] = info.get(point) ?? [];
    if (brought.size > 0) merges.push({ full: point, commit, date, author, email, message, parent: graph.get(point)![0]!, brought });
  }
  return { merges, line: places };
}

/**
 * The file's changes oldest first, as the current branch took them: in the order of its
 * first-parent line, each merge's row after the changes it brought in, which name it (mergedIn),
 * and it names them (merged); the line's own changes in their place.
 */
function ordered<T extends { full: string; commit: string; path: string; parent?: string; parentPath?: string }>(changes: T[], { merges, line }: Bringing): (T & Partial<CommitEntry>)[] {
  const mergeOf = new Map<string, Merge>();
  for (const merge of merges) for (const full of merge.brought) mergeOf.set(full, merge);
  const place = (change: T) => line.get(mergeOf.get(change.full)?.full ?? change.full) ?? -1;
  // Stable: a merge's changes keep their order (oldest first).
  const sorted = changes.map((change, i) => ({ change, i })).sort((a, b) => place(a.change) - place(b.change) || a.i - b.i).map((x) => x.change);
  const result: (T & Partial<CommitEntry>)[] = [];
  sorted.forEach((change, i) => {
    const merge = mergeOf.get(change.full);
    result.push(merge ? { ...change, mergedIn: merge.commit } : change);
    // The merge's row once the last change it brought is listed.
    if (!merge || mergeOf.get(sorted[i + 1]?.full ?? "") === merge) return;
    const brought = sorted.filter((c) => merge.brought.has(c.full));
    result.push({ ...change, full: merge.full, commit: merge.commit, date: merge.date, author: merge.author, email: merge.email, message: merge.message, parent: merge.parent, parentPath: change.path, merged: brought.map((c) => c.commit) } as T & Partial<CommitEntry>);
  });
  return result;
}

/** Whether the file at `from` in one commit and at `to` in another hold the same document id. */
async function sameDocument(root: string, fromCommit: string, from: string, toCommit: string, to: string): Promise<boolean> {
  const [before, after] = await Promise.all([documentAt(root, fromCommit, from), documentAt(root, toCommit, to)]);
  return before !== undefined && after !== undefined && before.id === after.id;
}

/** The document as committed; undefined when that version of the file is missing or not readable YAML. */
export async function documentAt(root: string, commit: string, topLevelPath: string): Promise<ControlledDocument | undefined> {
  // The size limit for files on disk holds for committed versions too: git is stopped beyond it.
  const text = gitBlob(root, `${commit}:${topLevelPath}`, MAX_FILE_BYTES);
  if (text === undefined) return undefined;
  const parsed = parseText(topLevelPath, "document", text);
  return parsed.data && typeof parsed.data === "object" ? (parsed.data as ControlledDocument) : undefined;
}
