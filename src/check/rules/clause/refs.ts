/** Every clause reference in a repository, with where it is written. */
import type { Repository } from "../../../load/repository.js";
import type { SourceFile } from "../../../load/source.js";
import type { Path } from "../../../model/types.js";

export interface ClauseOccurrence {
  text: string;
  file: SourceFile;
  path: Path;
}

export function clauseOccurrences(repo: Repository): ClauseOccurrence[] {
  const out: ClauseOccurrence[] = [];
  const add = (file: SourceFile, path: Path, list: string[] | undefined) => list?.forEach((text, i) => out.push({ text, file, path: [...path, i] }));
  const config = repo.config;
  config?.value.exclusions?.forEach((e, i) => out.push({ text: e.clause, file: config.file, path: ["exclusions", i, "clause"] }));
  for (const d of repo.documents) add(d.file, ["clauses"], d.value.clauses);
  for (const p of repo.processes) add(p.file, [...p.path, "clauses"], p.value.clauses);
  for (const c of repo.csrs) add(c.file, ["clauses"], c.value.clauses);
  return out;
}
