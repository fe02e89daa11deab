/**
 * When a CSR's training record numbers given on their own (`training.records`, no revision, no
 * date) entered the repository: the committer day of the oldest commit that added the number to
 * the CSR's file, and whether that commit came before the one that began the current round (model/training.ts
 * RecordDays): a repository that took its records in after the customer's new revision was dated back
 * still tells them apart. Asked only of the CSRs it can matter for, those
 * whose review restarted for a new round (a record committed before the round began trained an
 * earlier revision), in one `git log` of their files, once per loaded repository.
 */
import { gitRead } from "./git.js";
import type { Repository } from "./repository.js";
import { trainingToDate, type RecordDay, type RecordDays } from "../model/training.js";

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
