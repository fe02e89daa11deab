/**
 * When a CSR's training record numbers given on their own (`training.records`, no revision, no
 * date) entered the repository: the committer day of the oldest commit that added the number to
 * the CSR's file, and whether that commit came before the one that began the current round (model/training.ts
 * RecordDays): a repository that took its records in after the customer's new revision was dated back
 * still tells them apart. Asked only of the CSRs it can matter for, those
 * whose review restarted for a new round (a record committed before the round began trained an
 * earlier revision), in one `git log` of their files, once per loaded repository. And which version a
 * document's session without a revision trained (trainingSessionVersions), from the document's
 * committed versions.
 */
import { gitBlobs, gitRead, workTreePrefix } from "./git.js";
import { MAX_FILE_BYTES } from "./guards.js";
import { buildRepository, type Repository } from "./repository.js";
import { parseText } from "./source.js";
import { revisionOn } from "../model/index.js";
import { sessionKey, sessionsToDate, trainingToDate, type RecordDay, type RecordDays, type SessionVersions } from "../model/training.js";

const known = new WeakMap<Repository, RecordDays>();

export function trainingRecordDays(repo: Repository): RecordDays {
  let days = known.get(repo);
  if (days === undefined) {
    days = readRecordDays(repo);
    known.set(repo, days);
  }
  return days;
}

function readRecordDays(repo: Repository): RecordDays {
  const wanted = repo.csrs.flatMap(({ value, file }) => {
    const records = trainingToDate(value);
    return records.length > 0 ? [{ id: value.id, path: file.path, records, start: value.review?.restarted ?? "" }] : [];
  });
  const days = new Map<string, Map<string, RecordDay>>();
  if (wanted.length === 0) return days;
  const log = gitRead(repo.root, ["log", "--no-color", "--no-renames", "--no-ext-diff", "--relative", "--format=%x1e%cs", "-p", "-U0", "--", ...wanted.map((w) => w.path)]);
  // Outside git nothing dates them: they stay unknown (absent), which counts for no new round.
  if (log === undefined) return days;
  // git lists the newest commit first (`at` 0): what is kept of a line is the oldest commit adding it.
  const added = new Map<string, Map<string, { day: string; at: number }>>();
  log.split("\x1e").forEach((commit, at) => {
    const [day = "", ...lines] = commit.split("\n");
    let path: string | undefined;
    for (const line of lines) {
      if (line.startsWith("+++ ")) path = line === "+++ /dev/null" ? undefined : line.slice("+++ b/".length);
      else if (path !== undefined && line.startsWith("+")) {
        let byLine = added.get(path);
        if (!byLine) added.set(path, (byLine = new Map()));
        byLine.set(line.slice(1), { day: day.trim(), at });
      }
    }
  });
  for (const { id, path, records, start } of wanted) {
    const lines = [...(added.get(path) ?? [])];
    // The commit that began the current round wrote its day under review.restarted; none yet: it is in the working tree.
    // A record added in that very commit (a repository taken in at once) is told by its day alone, as before.
    const round = lines.filter(([line]) => line.includes("restarted:") && line.includes(start)).reduce((oldest, [, c]) => Math.max(oldest, c.at), -1);
    const byRecord = new Map<string, RecordDay>();
    for (const record of records) {
      let first: { day: string; at: number } | undefined;
      for (const [line, c] of lines) if (containsRecord(line, record) && (first === undefined || c.at > first.at)) first = c;
      // Not in any commit: written since the last one, so after the round began.
      byRecord.set(record, first === undefined ? { day: null, beforeRound: false } : { day: first.day, beforeRound: round < 0 || first.at > round });
    }
    days.set(id, byRecord);
  }
  return days;
}

/** The record number as a whole YAML scalar of the line, not part of a longer one (TR-1 in TR-12). */
function containsRecord(line: string, record: string): boolean {
  let at = line.indexOf(record);
  while (at >= 0) {
    const before = line[at - 1];
    const after = line[at + record.length];
    if ((before === undefined || /[\s,['"]/.test(before)) && (after === undefined || /[\s,\]'"#]/.test(after))) return true;
    at = line.indexOf(record, at + 1);
  }
  return false;
}

const knownSessions = new WeakMap<Repository, SessionVersions>();

/**
 * The version each document session without `revision` trained (model/training.ts SessionVersions):
 * the version in force on the session's day in the commit that first holds the session in the
 * document's file, oldest first in git's topological order (a session added on a branch that did not
 * yet have a release trained the version before it). One written since the last commit: the version in
 * force on its day now. Asked only of the sessions sessionsToDate names, in one `git log` of their
 * files and one read of those files' versions, once per loaded repository; outside git none is dated.
 */
export function trainingSessionVersions(repo: Repository): SessionVersions {
  let versions = knownSessions.get(repo);
  if (versions === undefined) {
    versions = readSessionVersions(repo);
    knownSessions.set(repo, versions);
  }
  return versions;
}

function readSessionVersions(repo: Repository): SessionVersions {
  const wanted = repo.documents.flatMap(({ value, file }) => {
    const sessions = sessionsToDate(value);
    return sessions.length > 0 ? [{ doc: value, path: file.path, sessions }] : [];
  });
  const versions = new Map<string, Map<string, string>>();
  const prefix = wanted.length === 0 ? undefined : workTreePrefix(repo.root);
  if (prefix === undefined) return versions;
  const log = gitRead(repo.root, ["log", "--topo-order", "--no-renames", "--format=%x1e%H", "--name-only", "--", ...wanted.map((w) => w.path)]);
  if (log === undefined) return versions;
  // Newest first as git lists them; read oldest first.
  const commits = new Map<string, string[]>();
  for (const record of log.split("\x1e")) {
    const [commit = "", ...files] = record.split("\n").filter(Boolean);
    for (const file of files) if (file.startsWith(prefix)) commits.set(file.slice(prefix.length), commits.get(file.slice(prefix.length)) ?? []).get(file.slice(prefix.length))!.push(commit);
  }
  const reads = wanted.flatMap((w) => [...(commits.get(w.path) ?? [])].reverse().map((commit) => ({ w, name: `${commit}:${prefix}${w.path}` })));
  const texts = gitBlobs(repo.root, reads.map((r) => r.name), MAX_FILE_BYTES);
  // The oldest commit holding each session (its key) tells the version: the first to hold it, even if it tells none.
  const dated = new Map(wanted.map((w) => [w, new Map<string, string | undefined>()]));
  reads.forEach(({ w, name }, i) => {
    const found = dated.get(w)!;
    const text = texts[i];
    if (text === undefined || found.size === w.sessions.length) return;
    // Through the schema, as the repository reads its files: a version that does not read as a document tells nothing.
    const then = buildRepository(repo.root, [parseText(name, "document", text)]).documents[0]?.value;
    const held = new Set((then?.training?.sessions ?? []).map(sessionKey));
    for (const session of w.sessions) {
      const key = sessionKey(session);
      if (!found.has(key) && held.has(key)) found.set(key, revisionOn(then!, session.date)?.version);
    }
  });
  for (const w of wanted) {
    const found = dated.get(w)!;
    const byKey = new Map<string, string>();
    for (const session of w.sessions) {
      const key = sessionKey(session);
      // In no commit: written since the last one, on the version in force on its day now.
      const version = found.has(key) ? found.get(key) : revisionOn(w.doc, session.date)?.version;
      if (version !== undefined) byKey.set(key, version);
    }
    versions.set(w.doc.id, byKey);
  }
  return versions;
}
