/**
 * When a CSR's training record numbers given on their own (`training.records`, no revision, no
 * date) entered the repository: the committer day of the oldest commit that added the number to
 * the CSR's file (model/training.ts RecordDays). Asked only of the CSRs it can matter for, those
 * whose review restarted for a new round (a record committed before the round began trained an
 * earlier revision), in one `git log` of their files, once per loaded repository.
 */
import { gitRead } from "./git.js";
import type { Repository } from "./repository.js";
import { trainingToDate, type RecordDays } from "../model/training.js";

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
    return records.length > 0 ? [{ id: value.id, path: file.path, records }] : [];
  });
  const days = new Map<string, Map<string, string | null>>();
  if (wanted.length === 0) return days;
  const log = gitRead(repo.root, ["log", "--no-color", "--no-renames", "--no-ext-diff", "--relative", "--format=%x1e%cs", "-p", "-U0", "--", ...wanted.map((w) => w.path)]);
  // Outside git nothing dates them: they stay unknown (absent), which counts for no new round.
  if (log === undefined) return days;
  // git lists the newest commit first: the day kept is that of the oldest commit adding the number.
  const added = new Map<string, Map<string, string>>();
  for (const commit of log.split("\x1e")) {
    const [day = "", ...lines] = commit.split("\n");
    let path: string | undefined;
    for (const line of lines) {
      if (line.startsWith("+++ ")) path = line === "+++ /dev/null" ? undefined : line.slice("+++ b/".length);
      else if (path !== undefined && line.startsWith("+")) {
        let byRecord = added.get(path);
        if (!byRecord) added.set(path, (byRecord = new Map()));
        byRecord.set(line.slice(1), day.trim());
      }
    }
  }
  for (const { id, path, records } of wanted) {
    const lines = added.get(path);
    const byRecord = new Map<string, string | null>();
    for (const record of records) {
      let day: string | null = null;
      for (const [line, lineDay] of lines ?? []) if (containsRecord(line, record) && (day === null || lineDay < day)) day = lineDay;
      // Not in any commit: written since the last one, so after the round began.
      byRecord.set(record, day);
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
