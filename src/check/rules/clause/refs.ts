/** Every clause reference in a repository, with where it is written. */
import type { Repository } from "../../../load/repository.js";
import type { SourceFile } from "../../../load/source.js";
import { parseClauseRef, type ClauseRef } from "../../../model/catalog.js";
import type { Path } from "../../../model/types.js";

export interface ClauseOccurrence {
  text: string;
  /** The reference read from `text`; undefined when it is not `STANDARD:clause`. */
  ref: ClauseRef | undefined;
  file: SourceFile;
  /** Where it is written: a field (`index` undefined), or the list whose item `index` it is. */
  at: Path;
  index: number | undefined;
}

/** The path of an occurrence inside its file, made only for a finding. */
export function occurrencePath(occurrence: ClauseOccurrence): Path {
  return occurrence.index === undefined ? occurrence.at : [...occurrence.at, occurrence.index];
}

/**
 * Both clause rules look at every clause reference of every file: the references are listed once
 * per check, by whichever rule runs first.
 */
const listed = new WeakMap<Repository, ClauseOccurrence[]>();

export function clauseOccurrences(repo: Repository): ClauseOccurrence[] {
  let out = listed.get(repo);
  if (!out) listed.set(repo, (out = listOccurrences(repo)));
  return out;
}

function listOccurrences(repo: Repository): ClauseOccurrence[] {
  const out: ClauseOccurrence[] = [];
  // The same few hundred clauses are cited thousands of times: each text is read once.
  const parsed = new Map<string, ClauseRef | undefined>();
  const parse = (text: string) => {
    if (!parsed.has(text)) parsed.set(text, parseClauseRef(text));
    return parsed.get(text);
  };
  const add = (file: SourceFile, at: Path, list: string[] | undefined) => list?.forEach((text, index) => out.push({ text, ref: parse(text), file, at, index }));
  const config = repo.config;
  config?.value.exclusions?.forEach((e, i) => out.push({ text: e.clause, ref: parse(e.clause), file: config.file, at: ["exclusions", i, "clause"], index: undefined }));
  const clauses: Path = ["clauses"];
  for (const d of repo.documents) add(d.file, clauses, d.value.clauses);
  for (const p of repo.processes) add(p.file, [...p.path, "clauses"], p.value.clauses);
  for (const c of repo.csrs) add(c.file, clauses, c.value.clauses);
  return out;
}
